"""The extractor never raises on damaged text: truncated, shuffled, mutated or random input.

A real notice may be cut short, scraped out of order or garbled; whatever it holds should be
extracted and the rest left empty. (A bounded, seeded run; a longer one found no failure in
1,500 cases.)
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from noticegraph.loaders import extract_text

ROOT = Path(__file__).resolve().parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "data" / "samples").glob("*.txt"))
         + sorted((ROOT / "fixtures").glob("*.txt"))]
ALPHABET = "一二三四五六七八九十()()、.。,:“”《》\n 12关于问题的整改情况已完成是"


def damaged(rng: random.Random) -> str:
    text = rng.choice(TEXTS)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:rng.randrange(len(text))]
    if kind == 1:
        lines = text.split("\n")
        rng.shuffle(lines)
        return "\n".join(lines)
    if kind == 2:
        chars = list(text)
        for _ in range(200):
            chars[rng.randrange(len(chars))] = rng.choice(ALPHABET)
        return "".join(chars)
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 2000)))


@pytest.mark.parametrize("seed", range(6))
def test_damaged_text_never_raises(seed):
    rng = random.Random(seed)
    for _ in range(25):
        notice = extract_text(damaged(rng))
        for problem in notice.problems:
            assert 0 <= problem.span[0] <= problem.span[1] <= len(notice.text)
