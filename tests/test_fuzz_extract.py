"""Property: whatever is done to a real or synthetic notice, reading and extracting it returns a
``Notice`` or raises the loaders' own ``NoticeError``, nothing else.

Mutations (hypothesis composes one to four): truncation, inserted noise, spam tokens inside 《》,
mojibake (UTF-8 bytes decoded as GBK or Latin-1, or the file written in another encoding),
mixed scripts, unbalanced brackets and quotes, huge numbers, deep nesting (brackets, and HTML
tags when the result is written as a page). Half the examples go through a file and the reader
(bytes, encodings, HTML), half through ``extract_text``. 500 examples in the default run; the
slow-marked run (``pytest -m slow tests/test_fuzz_extract.py``) tries 10,000.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticegraph.loaders import NoticeError, extract_file, extract_text
from noticegraph.loaders.records import Notice
from noticegraph.synth import generate_corpus

ROOT = Path(__file__).resolve().parent
BASES = [p.read_text("utf-8") for p in sorted((ROOT.parent / "data" / "samples").glob("*.txt"))
         + sorted((ROOT / "fixtures").glob("*.txt"))] + [s.text for s in generate_corpus(4, seed=11)]
BRACKETS = "《》〈〉（）()〔〕【】[]{}“”‘’\"'「」『』"
SCRIPTS = ("整改巡视巡察問題關於廉政", "абвгд", "αβγδ", "مرحبا", "שלום", "한국어", "ｶﾀｶﾅ", "😀🚩", "\u200b\u200d\ufeff",
           "\u0301\u0308", "\U00020000\U0002a700", "\x0b\x0c\r", "\u2028\u2029", "\ud7ff\ue000")
SPAM = st.text(st.sampled_from("中国共产党纪律处分条例办法规定通知《》〈〉 0123456789"), max_size=60)


def _at(text: str, where: float) -> int:
    return int(where * len(text))


@st.composite
def mutation(draw, text: str) -> str:
    kind = draw(st.integers(0, 8))
    where = draw(st.floats(0, 1))
    at = _at(text, where)
    if kind == 0:
        return text[:at]
    if kind == 1:
        return text[:at] + draw(st.text(max_size=80)) + text[at:]
    if kind == 2:
        spam = "".join(f"《{draw(SPAM)}》" for _ in range(draw(st.integers(1, 30))))
        return text[:at] + spam + text[at:]
    if kind == 3:
        piece = text[at:at + draw(st.integers(1, 400))].encode("utf-8")
        wrong = draw(st.sampled_from(["gbk", "latin-1", "cp1252", "big5"]))
        return text[:at] + piece.decode(wrong, errors="replace") + text[at + len(piece):]
    if kind == 4:
        return text[:at] + "".join(draw(st.lists(st.sampled_from(SCRIPTS), max_size=10))) + text[at:]
    if kind == 5:
        return text[:at] + "".join(draw(st.lists(st.sampled_from(BRACKETS), min_size=1, max_size=40))) + text[at:]
    if kind == 6:
        digits = "9" * draw(st.integers(20, 400))
        unit = draw(st.sampled_from(["件", "人", "万元", "亿元", "项", "%", "", ".5万元"]))
        return text[:at] + draw(st.sampled_from(["立案", "处分", "挽回经济损失", "第", "（"])) + digits + unit + text[at:]
    if kind == 7:
        depth = draw(st.integers(10, 3000))
        opener, closer = draw(st.sampled_from([("《", "》"), ("（", "）"), ("“", "”"), ("(", ")"), ("【", "】")]))
        return text[:at] + opener * depth + "关于问题的整改" + closer * draw(st.integers(0, depth)) + text[at:]
    return text[:at] + "\n" * draw(st.integers(1, 50)) + text[at:]


@st.composite
def mutated(draw) -> tuple[str, str, str]:
    """(text, how it is written: 'text' or a file format, encoding)."""
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(mutation(text))
    route = draw(st.sampled_from(["text", "txt", "html"]))
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "utf-8-sig"]))
    if route == "html":
        depth = draw(st.integers(0, 600))
        text = f"<html><head><title>{text[:30]}</title></head><body>{'<div>' * depth}" + \
               "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</div>" * draw(st.integers(0, depth)) + "</body></html>"
    return text, route, encoding


WORKDIR = Path(tempfile.mkdtemp(prefix="fuzz-extract-"))


def outcome(text: str, route: str, encoding: str) -> Notice | NoticeError:
    try:
        if route == "text":
            return extract_text(text)
        path = WORKDIR / f"notice.{route}"
        path.write_bytes(text.encode(encoding, errors="replace"))
        return extract_file(path)
    except NoticeError as error:
        return error


def check(case: tuple[str, str, str]) -> None:
    result = outcome(*case)  # anything but a Notice or a NoticeError propagates and fails
    assert isinstance(result, (Notice, NoticeError))
    if isinstance(result, NoticeError):
        assert "\n" not in str(result)


FAST = settings(max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=10_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@FAST
@given(mutated())
def test_mutated_notices_give_a_notice_or_a_notice_error(case):
    check(case)


@pytest.mark.slow
@SLOW
@given(mutated())
def test_ten_thousand_mutated_notices_give_a_notice_or_a_notice_error(case):
    check(case)
