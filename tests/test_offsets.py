"""The offset map of loaders/normalize.py when normalisation changes the text's length.

Zero-width characters and soft hyphens are dropped (the text gets shorter), NFKC expands ㈠
to (一) and ⑴ to (1) (longer); every span the extractor reports must still cover exactly what
it read in the source. Checked on a hand-made string whose positions are known, and on both
seeds rewritten that way, against their gold (tests/gold_check.py: spans exact).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

pytest.register_assert_rewrite("gold_check")
from gold_check import assert_matches_gold  # noqa: E402

from noticegraph.loaders import extract_text  # noqa: E402
from noticegraph.loaders.normalize import normalize, to_simplified  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
SEEDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))
CN_DIGITS = "一二三四五六七八九十"


def test_offsets_across_dropped_and_expanded_characters():
    pieces = ["㈠", "关于", "\u200b", "公务", "\u00ad", "接待", "\ufeff", "⑴", "ﬁ", "。"]
    original = "".join(pieces)
    nt = normalize(original)
    assert nt.text == "(一)关于公务接待(1)fi。"
    assert len(nt.text) == len(original) + 2 + 2 + 1 - 3
    at = {"关于": original.index("关于"), "接待": original.index("接待")}
    assert nt.span(3, 5) == (at["关于"], at["关于"] + 2)          # after an expansion
    assert nt.span(7, 9) == (at["接待"], at["接待"] + 2)          # after two dropped characters
    assert nt.span(3, 9) == (at["关于"], at["接待"] + 2)          # across them
    assert nt.span(0, 3) == (0, 1) and nt.span(1, 2) == (0, 1)   # inside ㈠'s expansion
    assert nt.span(9, 12) == (original.index("⑴"), original.index("⑴") + 1)
    assert nt.span(len(nt.text), len(nt.text)) == (len(original), len(original))


def with_invisibles_and_expansions(text: str) -> str:
    """(一)… become ㈠…, (1)… become ⑴…, then a zero-width space after every 7th character and
    a soft hyphen after every 11th (never next to a line break)."""
    for k, digit in enumerate(CN_DIGITS):
        text = text.replace(f"({digit})", chr(0x3220 + k))
    for k in range(1, 10):
        text = text.replace(f"({k})", chr(0x2473 + k))
    out = []
    for index, char in enumerate(text):
        out.append(char)
        if char != "\n" and index % 7 == 3:
            out.append("\u200b")
        if char != "\n" and index % 11 == 5:
            out.append("\u00ad")
    return "".join(out)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_with_invisibles_and_expansions_matches_gold_exactly(seed):
    text = with_invisibles_and_expansions((SAMPLES / f"{seed}.txt").read_text(encoding="utf-8"))
    assert "\u200b" in text and ("㈠" in text or "⑴" in text)
    assert_matches_gold(seed, extract_text(text))


def test_aligned_text_keeps_no_offset_map():
    """The common case (every character normalises to one) stores no map: spans are identities."""
    nt = normalize("中共示例县委，（一）关于")
    assert nt.offsets is None and nt.text == "中共示例县委,(一)关于" and nt.span(2, 5) == (2, 5)
    assert normalize("示例\u200b县").offsets == (0, 1, 3, 4)


def test_an_expansion_alone_still_builds_the_map():
    nt = normalize("㈠关于")
    assert nt.text == "(一)关于" and nt.span(3, 5) == (1, 3) and nt.span(0, 3) == (0, 1)


def test_traditional_phrases_convert_as_phrases():
    """瞭解 is 了解 as a phrase; character by character 瞭 stays (it has other senses)."""
    assert to_simplified("瞭解情況") == "了解情况" and normalize("瞭解情況").text == "了解情况"


def test_a_normalised_text_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        normalize("关于").text = "x"
