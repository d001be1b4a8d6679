"""The reader's outline: a notice's problems as numbered, indented lines under their headings.

Contract: ``outline_lines(text, problems)`` takes the notice text and its ``problem`` rows of
``notice-items`` (``item``, ``text``, ``detail``: the outline path such as ``2.1.3`` or
``2.2.2.i1``, ``span_start``) and returns markdown lines: each group of problems (the path
without its last part) is introduced once by its heading, the nearest line before the group's
first problem that opens with an ordinal (一、 （一） 1. …), and each problem is shown by its
number in the notation of its level (一、 （一） 1. (1); an inline item ``iN`` as ①…) and its
text, indented under its heading and linked to its anchor. Paths never show raw. Pure: no Streamlit.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

CHINESE = "一二三四五六七八九十"
HEADING = re.compile(r"^\s*(第?[一二三四五六七八九十]+[、是．.]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TEXT_CHARS, HEADING_CHARS = 40, 30


def chinese(n: int) -> str:
    if n <= 10:
        return CHINESE[n - 1]
    tens, ones = divmod(n, 10)
    return (CHINESE[tens - 1] if tens > 1 else "") + "十" + (CHINESE[ones - 1] if ones else "")


def number(part: str, depth: int) -> str:
    """One path part in its level's notation: 一、 （一） 1. (1), inline items ①."""
    if part.startswith("i") and part[1:].isdigit():
        n = int(part[1:])
        return CIRCLED[n - 1] if n <= len(CIRCLED) else f"({n})"
    if not part.isdigit() or int(part) < 1:
        return part
    n = int(part)
    return [f"{chinese(n)}、", f"（{chinese(n)}）", f"{n}.", f"({n})"][min(depth, 3)]


def heading_before(text: str, start: int) -> str | None:
    """The nearest line that opens with an ordinal, shortened: the problem's own line when the
    problem sits inside it (一是… after a heading), else a line before it."""
    line_start = text.rfind("\n", 0, start) + 1
    own = text[line_start:start]
    head = HEADING.match(own)
    line_end = text.find("\n", start)
    inside = own.strip() and not (head and head.end() == len(own))
    searched = text[:(line_end if line_end >= 0 else len(text)) if inside else line_start]
    for line in reversed(searched.splitlines()):
        if HEADING.match(line):
            line = line.strip()
            return line[:HEADING_CHARS] + ("…" if len(line) > HEADING_CHARS else "")
    return None


def anchor(item: str) -> str:
    return "#" + item.replace(":", "%3A")


def outline_lines(text: str, problems: Sequence[Mapping[str, Any]],
                  statuses: Mapping[str, str] | None = None) -> list[str]:
    lines, groups = [], set()
    for row in sorted(problems, key=lambda r: int(r["span_start"] or 0)):
        parts = str(row.get("detail") or "").split(".")
        group = tuple(parts[:-1])
        depth = len(group)
        if group and group not in groups:
            groups.add(group)
            heading = heading_before(text, int(row["span_start"] or 0))
            lines.append(f"- **{heading or number(group[-1], depth - 1)}**")
        status = (statuses or {}).get(row["item"])
        label = number(parts[-1], depth) if parts[-1] else "·"
        lines.append(("  " if group else "") + f"- [{label}]({anchor(row['item'])}) {str(row['text'])[:TEXT_CHARS]}"
                     + (f" · *{status}*" if status else ""))
    return lines
