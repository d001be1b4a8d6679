"""Rectification status and deadline phrases.

Contract: ``find_status_line(text, start, end)`` finds a labelled status statement
(整改进展情况:已完成 / 完成情况:正在整改,2023年12月底前完成 / 整改时限:…) inside a range;
``read_status(phrase)`` turns the words after the label into (status, deadline), with the
status one of completed, in_progress, partial, cancelled, ongoing and the deadline YYYY-MM.
"""
from __future__ import annotations

import re

STATUS_LABEL = re.compile(  # the lookahead on a label's first characters lets the search skip the rest
    r"(?=[【整落目进完推])【?(?:整改进展|(?:整改|落实|目前)?(?:进展|完成|落实|推进|整改)(?:情况|进度|状态|结果))(?: ?[::]|】[::]?)"
    r"\s*(?P<phrase>[^。\n]{0,80})")
# A line holding only a label (整改情况: / 整改进展情况: / 整改措施:) introduces what follows.
LABEL_ONLY = re.compile(r"[ \t]*(?:整改|落实|完成)?(?:措施|情况|进展情况|进展|进度|成效|结果|状态)[ \t]*[::]?[ \t]*")
# A line stating who answers for the problem or by when: not a measure (整改时限 gives the deadline).
METADATA_LINE = re.compile(r"[ \t]*(?:责任单位|责任部门|责任领导|责任人|牵头单位|牵头领导|配合单位|整改时限|完成时限|整改期限)"
                           r" ?[::][^\n]*")
TIME_LIMIT = re.compile(r"(?:整改时限|完成时限|整改期限) ?[::](?P<phrase>[^\n]{0,40})")
RECTIFICATION_LABEL = re.compile(r"(?:整改|落实|完成)(?:措施|情况|进展情况|进度|成效|结果) ?[::]")
SUBITEM_STATUS = re.compile(
    r"(?:此项|该项(?!目)|该问题|此问题)[^。\n]{0,30}?(?:已完成|已整改完成|已取消|无需整改|完成|取消|长期坚持|正在整改)[^。\n]{0,6}")
_STATUS_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("cancelled", re.compile(r"已取消|无需整改|不再整改|取消整改|已撤销|工作已取消")),
    ("partial", re.compile(r"基本完成|部分完成|阶段性完成|基本整改|取得阶段性(?:成效|进展)")),
    ("ongoing", re.compile(r"长期坚持|长期推进|常态化推进|持续深化|长期整改|持续推进")),
    ("in_progress", re.compile(r"正在整改|持续整改|整改中|正在推进|推进中|计划.{0,16}完成|未完成|正在落实|序时推进|"
                               r"按计划推进|有序推进|正在办理")),
    ("completed", re.compile(r"已完成|已全部完成|全部完成|已整改完成|整改完成|完成整改|已整改到位|已整改完毕|整改完毕|"
                             r"已整改(?![中的])|已办结|已落实|已销号"
                             r"|^\s*完成(?:整改)?(?=[。,,;;\s]|$)")),
]
_DEADLINE = re.compile(r"(?P<year>(?:19|20)\d\d)年(?:(?P<month>\d{1,2})月|(?P<half>上半年|年中)|(?P<end>底|末|年底))")


def find_status_line(text: str, start: int, end: int) -> re.Match[str] | None:
    """The labelled status statement within [start, end): the last one whose words open with a
    status (整改状态:完成 before 整改情况:一是…), else the last one naming a status anywhere."""
    opening = anywhere = None
    for match in STATUS_LABEL.finditer(text, start, end):
        if read_status(match.group("phrase"))[0]:
            anywhere = match
            if _opens_with_status(match.group("phrase")):
                opening = match
    return opening or anywhere


def _opens_with_status(phrase: str) -> bool:
    return any(pattern.match(phrase.lstrip()) for _, pattern in _STATUS_WORDS)


def statement_end(text: str, match: re.Match[str]) -> int:
    """End of a status statement: its words and the full stop closing them."""
    end = match.end()
    return end + 1 if text.startswith("。", end) else end


def read_status(phrase: str) -> tuple[str | None, str | None]:
    """The status the phrase states first (已完成,长期坚持 is completed) and its deadline."""
    found = [(m.start(), rank, name) for rank, (name, pattern) in enumerate(_STATUS_WORDS)
             for m in [pattern.search(phrase)] if m]
    status = min(found)[2] if found else None
    return status, read_deadline(phrase) if status in ("in_progress", "partial", "ongoing") else None


def read_deadline(phrase: str) -> str | None:
    match = _DEADLINE.search(phrase)
    if not match:
        return None
    if match.group("month"):
        month = int(match.group("month"))
    else:
        month = 6 if match.group("half") else 12
    return f"{match.group('year')}-{month:02d}" if 1 <= month <= 12 else None


def roll_up(statuses: list[str | None]) -> str | None:
    """The status of a problem from its sub-items' statuses."""
    known = {s for s in statuses if s}
    if not known:
        return None
    if len(known) == 1:
        return known.pop()
    if known <= {"completed", "cancelled"}:
        return "completed"
    return "partial"
