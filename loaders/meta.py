"""The notice's own facts: title, issuer, publication date, claimed problem count.

Contract: each function takes the :class:`NormalizedText` and returns normalised values
with spans into the original. The title is the line naming a 巡视/巡察 rectification
report (or, when line breaks were lost, the run of words ending in 通报 that starts with
the issuer). The publication date is the page's header date (信息时间/发布时间/日期, or a
date line right under the title); failing that, the date closing the notice.
"""
from __future__ import annotations

import re

from .dates import CN_DATE, FULL_DATE, match_iso
from .normalize import NormalizedText
from .numerals import CN_NUMERAL_CHARS, parse_number
from .records import Body

_TITLE_LINE = re.compile(
    r"^[ \t]*(?P<title>[^\n。]{0,80}?(?:巡视|巡察)[^\n。]{0,60}?(?:通报|公告|公示|报告|情况))[ \t]*$", re.M)
_TITLE_RUN_ON = re.compile(
    r"(?P<title>(?:中共|中国共产党)[^\s。,:>]{2,40}?关于[^\n。,]{0,60}?(?:巡视|巡察)[^\n。,]{0,40}?(?:的通报|通报|公告|公示))")
_NAVIGATION = re.compile(r"[>|»]|当前位置|首页|来源[::]")
_ISSUER_SUFFIX = re.compile(r"(?:委员会|党委|党组|党工委|工委|省委|市委|县委|区委|州委|旗委|党总支|党支部|机关|政府|公司|大学|学院|集团|局|厅|院)$")
_SIGNATURE = re.compile(
    r"^[ \t]*(?P<name>(?:中共|中国共产党)[^\n,。]{2,40}?(?:委员会|党委|党组|党工委|工委))[ \t]*$", re.M)
_HEADER_DATE = re.compile(r"(?:信息时间|发布时间|发布日期|发文日期|日期|时间)[::\s]*")
_CLAIMED = re.compile(
    rf"(?P<n>\d+|[{CN_NUMERAL_CHARS}]+)(?:项|个|条)(?:具体|突出)?问题"
    rf"|(?:具体|突出)问题(?P<after>\d+|[{CN_NUMERAL_CHARS}]+)(?:项|个|条)")
_CLAIM_CONTEXT = re.compile(r"梳理|反馈|指出|发现|交办|涉及|方面|类别|共|具体")


def find_title(nt: NormalizedText) -> tuple[str, tuple[int, int]] | None:
    """A one-line title naming its issuer (…关于…), else one wrapped over two lines, else any
    title-like line, else (line breaks lost) the run of words ending in 通报.

    Returns the title and its range in the *normalised* text (``nt.span`` maps it back)."""
    head = nt.text[:3000]
    lines = [m for m in _TITLE_LINE.finditer(head) if not _NAVIGATION.search(m.group("title"))]
    lines.sort(key=lambda m: ("关于" not in m.group(), "整改" not in m.group(), m.start()))
    best_line = lines[0].span("title") if lines else None
    run_on = _TITLE_RUN_ON.search(head)
    if best_line and "关于" in head[slice(*best_line)]:
        span = best_line
    else:
        span = _wrapped_title(head) or best_line or (run_on.span("title") if run_on else None)
    if span is None:
        return None
    return re.sub(r"\s*\n\s*", "", nt.text[span[0]:span[1]]).strip(), span


def _wrapped_title(head: str) -> tuple[int, int] | None:
    """A title wrapped over two lines: …关于十四届省委第十二轮巡视 / 整改进展情况的通报."""
    for first in re.finditer(r"^[ \t]*\S[^\n。,]{1,60}关于[^\n。,]{0,40}[ \t]*\n", head, re.M):
        second = re.match(r"[ \t]*[^\n。,]{1,40}?(?:通报|公告|公示|报告)[ \t]*$", head[first.end():].split("\n", 1)[0])
        joined = first.group() + (second.group() if second else "")
        if second and re.search(r"巡视|巡察", joined) and not _NAVIGATION.search(joined):
            return first.start() + len(first.group()) - len(first.group().lstrip()), first.end() + second.end()
    return None


def find_issuer(nt: NormalizedText, title: str | None) -> Body | None:
    if title and "关于" in title:
        name = title.split("关于", 1)[0].strip()
        if len(name) >= 2 and _ISSUER_SUFFIX.search(name):
            start = nt.text.find(name)
            return Body(name, nt.span(start, start + len(name)) if start >= 0 else None)
    signatures = list(_SIGNATURE.finditer(nt.text))
    if signatures:
        last = signatures[-1]
        return Body(last.group("name"), nt.span(*last.span("name")))
    return None


def find_published(nt: NormalizedText, title_end: int) -> tuple[str, tuple[int, int]] | None:
    header = _header_date(nt.text, title_end)
    if header:
        return match_iso(header), nt.span(*header.span())
    tail = max(0, len(nt.text) - 400)
    closing = [m for pattern in (FULL_DATE, CN_DATE) for m in pattern.finditer(nt.text, tail) if match_iso(m)]
    closing.sort(key=lambda m: m.start())
    if closing:
        return match_iso(closing[-1]), nt.span(*closing[-1].span())
    return None


def _header_date(text: str, title_end: int) -> re.Match[str] | None:
    window_end = min(len(text), title_end + 160)
    first_stop = text.find("。", title_end, window_end)
    window_end = first_stop if first_stop >= 0 else window_end
    for match in FULL_DATE.finditer(text, title_end, window_end):
        if match_iso(match) and _stands_alone(text, match):
            return match
    labelled = _HEADER_DATE.search(text, 0, 1500)
    if labelled:
        match = FULL_DATE.match(text, labelled.end())
        if match and match_iso(match):
            return match
    return None


def _stands_alone(text: str, match: re.Match[str]) -> bool:
    """A header date sits on its own line or after a label, not inside a sentence or period."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[line_start:match.start()]
    return "," not in before and "根据" not in before and not re.match(r"\s*(?:至|到|-|—)", text[match.end():])


def find_problems_claimed(text: str, before: int) -> int | None:
    """The number of problems the notice says it received (梳理出43项具体问题)."""
    for match in _CLAIMED.finditer(text, 0, before):
        context = text[max(0, match.start() - 30):match.start()]
        if _CLAIM_CONTEXT.search(context + match.group()):
            return parse_number(match.group("n") or match.group("after"))
    return None
