"""The numbered outline of a notice: headings, their levels, and the text each one owns.

Contract: ``parse_outline(text)`` takes *normalised* text (see normalize.py) and returns a
root :class:`Node` whose descendants are the numbered headings found, whatever the
numbering (一、 (一) 1. (1) ① 一是) and whichever style comes first: a style's level is
fixed by where it first appears, as in a word processor's outline. A heading is accepted
only where its number continues the sequence (1 for a new level, n+1 for an open one, one
lost number tolerated), so "一、二期" or "2.5亿元" inside prose do not start sections.
Headings normally start a line; inside a run-on line (a notice whose line breaks were
lost) they may also follow a sentence end, a space or, when they continue an open
sequence, directly follow the previous word. Unnumbered problem headings
(关于“…”问题的整改) are nodes of their own style, ``item``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import CN_NUMERAL_CHARS, parse_number

_CN = f"[{CN_NUMERAL_CHARS}]{{1,3}}"
STYLES: dict[str, re.Pattern[str]] = {
    "cn": re.compile(rf"({_CN})、(?![{CN_NUMERAL_CHARS}])"),
    "cn_paren": re.compile(rf"\(({_CN})\)"),
    "num": re.compile(r"(?=\d)(?<![\d.])(\d{1,2})[.、](?!\d)"),
    "num_paren": re.compile(r"\((\d{1,2})\)"),
    "circled": re.compile(r"([①-⑳])"),
    "shi": re.compile(rf"(?=[{CN_NUMERAL_CHARS}])(?<![{CN_NUMERAL_CHARS}])({_CN})是(?![的否非])"),
}
# An unnumbered problem heading: 关于“…”问题的整改 (the words may lack their quotes).
# The lookaheads on a match's first characters (关针对, 反问, a digit) only let the search skip
# positions where no match can begin.
ITEM_HEADING = re.compile(
    r"(?=[关针对])(?:(?:关于|针对|对于) ?[“\"]?([^“”\"\n。]{2,90}?)[”\"]? ?(?:(?:方面|等)?的?问题的?|的)整改(?:落实|进展)?(?:情况)?"
    r"|(?:关于|针对|对于) ?[“\"]?([^“”\"\n。]{2,90}?)[”\"]? ?(?:方面)?的?问题(?=[\n。:: (\d]|[一二三四五六七八九十]是|$))")
_ITEM_OPENERS = ("关于", "针对", "对于")
_QUOTED_OPENING = re.compile(r"(?:关于|针对) ?[“\"]")
_OPENING = re.compile(r"(?:关于|针对|对于) ?[“\"]? ?")
_OF_PROBLEM = re.compile(r"的问题")
# A labelled question: 问题1: / 问题一: / 反馈问题三: / 问题: (an unnumbered heading of style ``qa``).
QA_HEADING = re.compile(rf"(?=[反问])(?:反馈)?问题 ?(?:{_CN}|\d{{1,3}})? ?[::]")
# A label opening a heading's title (（一）反馈问题:…), not part of it.
_TITLE_LABEL = re.compile(r"(?:反馈问题|存在问题|问题|反馈意见) ?[::] ?")
UNNUMBERED = ("item", "qa")
EPILOGUE = re.compile(r"下一步[,,]|欢迎广大|如有意见建议|本通报|联系方式|特此通报|联系电话")
SIGNATURE_LINE = re.compile(
    r"^[ \t]*(?:中共|中国共产党)[^\n,。:]{2,40}?(?:委员会|党委|党组|党工委|工委)[ \t]*\n", re.M)
RUN_ON_LINE = 2500  # a line this long, or holding most of the text, has lost its line breaks
_SENTENCE_END = set("。;!?:”\"")


@dataclass(eq=False)
class Node:
    style: str
    number: int
    start: int
    title_start: int
    title_end: int
    end: int = 0
    depth: int = 0
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = field(default=None, repr=False)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def body_end(self) -> int:
        """End of the text this heading owns before its first sub-heading."""
        return self.children[0].start if self.children else self.end

    def title(self, text: str) -> str:
        return text[self.title_start:self.title_end].strip(" ,,。:;")

    def ancestors(self) -> list["Node"]:
        chain, node = [], self.parent
        while node is not None and node.style != "root":
            chain.append(node)
            node = node.parent
        return chain[::-1]


@dataclass
class _Candidate:
    style: str
    number: int
    start: int
    marker_end: int
    strength: int  # 3 line start, 2 after a sentence end or space, 1 mid-sentence


def parse_outline(text: str) -> Node:
    root = Node("root", 0, 0, 0, 0, end=len(text))
    limit = body_limit(text)
    accepted = _accept(_candidates(text[:limit]), text)
    _link(root, accepted, limit)
    for node in accepted:
        node.title_start = _title_start(text, node)
        node.title_end = node.title_start
        label = _TITLE_LABEL.match(text, node.title_start)
        if label and node.style not in UNNUMBERED:
            node.title_start = node.title_end = label.end()
        node.title_end = _title_end(text, node)
    return root


def _title_start(text: str, node: Node) -> int:
    """Where the title begins: after the spaces following the number (1. 落实…), on the next
    line when the number stands alone on its own (问题1:⏎传达学习…)."""
    start = node.title_start
    while start < len(text) and text[start] in " \t":
        start += 1
    if text.startswith("\n", start):
        following = start
        while following < len(text) and text[following] in " \t\n":
            following += 1
        if following < node.body_end:
            return following
    return start


def body_limit(text: str) -> int:
    """Where the closing words (下一步…, 欢迎…, contact lines, the signature) begin."""
    for match in EPILOGUE.finditer(text):
        if _strength(text, match.start()) >= 2 and match.start() > len(text) * 0.5:
            return match.start()
    signature = SIGNATURE_LINE.search(text, int(len(text) * 0.7))
    return signature.start() if signature else len(text)


def _candidates(text: str) -> list[_Candidate]:
    found = []
    for style, pattern in STYLES.items():
        for match in pattern.finditer(text):
            number = parse_number(match.group(1))
            if number:
                found.append(_Candidate(style, number, match.start(), match.end(),
                                        _strength(text, match.start())))
    for match in ITEM_HEADING.finditer(text):
        strength = _strength(text, match.start())
        if _QUOTED_OPENING.match(text[match.start():match.start() + 4]):
            strength = max(strength, 2)  # a quoted 关于“…”问题的整改 is a heading wherever it stands
        found.append(_Candidate("item", 0, match.start(), match.start(), strength))
    for match in QA_HEADING.finditer(text):  # number 1 marks a numbered label: 问题1:, 反馈问题一:
        numbered = match.group() not in ("问题:", "问题 :")
        found.append(_Candidate("qa", int(numbered), match.start(), match.end(), _strength(text, match.start())))
    found.sort(key=lambda c: (c.start, c.style in UNNUMBERED))
    return found


def _strength(text: str, pos: int) -> int:
    before = pos - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    if before < 0 or text[before] == "\n":
        return 3
    if text[before] in _SENTENCE_END or before < pos - 1:
        return 2
    return 1


def _run_on(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    length = (line_end if line_end >= 0 else len(text)) - line_start
    return length > RUN_ON_LINE or (length > 200 and length > len(text) / 2)


def _needed_strength(cand: _Candidate, continues: bool, run_on: bool) -> int:
    if not run_on:
        return 2 if cand.style in ("shi", "qa") else 3  # 。问题二:… may follow the last answer
    if cand.style in ("shi", *UNNUMBERED):
        return 1 if continues and cand.style == "shi" or cand.style == "qa" and cand.number else 2
    return 1 if continues or cand.number == 1 else 2


def _accept(candidates: list[_Candidate], text: str) -> list[Node]:
    stack: list[Node] = []
    accepted: list[Node] = []
    taken_until = -1
    for cand in candidates:
        if cand.start < taken_until or (cand.style in UNNUMBERED and taken_until >= 0
                                         and not text[taken_until:cand.start].strip(" \t")):
            continue  # inside a marker, or the 关于… title of the heading just taken
        open_levels = stack if cand.style == "shi" else _without_inline(stack)
        depth = _fit(open_levels, cand)
        if depth is None:
            continue
        continues = depth < len(open_levels) and open_levels[depth].style == cand.style
        if cand.strength < _needed_strength(cand, continues, _run_on(text, cand.start)):
            continue
        node = Node(cand.style, cand.number, cand.start, cand.marker_end, cand.marker_end)
        del stack[depth:]
        node.depth = depth + 1
        stack.append(node)
        accepted.append(node)
        taken_until = cand.marker_end
    return accepted


def _without_inline(stack: list[Node]) -> list[Node]:
    """The open levels a real heading can attach to: inline 一是 items never hold headings."""
    for depth, node in enumerate(stack):
        if node.style == "shi":
            return stack[:depth]
    return stack


def _fit(stack: list[Node], cand: _Candidate) -> int | None:
    """Depth at which the candidate sits in the open outline, or None if it does not fit."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style == cand.style:
            if cand.style in UNNUMBERED or cand.number in (stack[depth].number + 1, stack[depth].number + 2):
                return depth
            return None
    if cand.style in UNNUMBERED or cand.number == 1 or (not stack and cand.strength == 3):
        return len(stack)
    return None


def _link(root: Node, nodes: list[Node], limit: int) -> None:
    stack = [root]
    for node in nodes:
        while stack[-1].depth >= node.depth:
            stack.pop().end = node.start
        node.parent = stack[-1]
        stack[-1].children.append(node)
        stack.append(node)
    for node in stack[1:]:
        node.end = limit


def _title_end(text: str, node: Node) -> int:
    """A heading's title runs to the end of its line, its first full stop, or its first child."""
    limit = node.body_end
    item = item_heading(text, node.title_start, limit)
    if item:
        return item[2]
    for stop in ("\n", "。"):
        pos = text.find(stop, node.title_start, limit)
        if pos >= 0:
            limit = pos
    if _run_on(text, node.start):
        limit = _glued_title_end(text, node.title_start, limit)
    return limit


_PROBLEM_ENDING = re.compile(
    r"(?:不到位|不够|不足|不力|不严|不实|不强|不高|不明显|不规范|不严格|不深入|不扎实|不彻底|不及时|不充分|不健全|"
    r"不完善|薄弱|缺失|缺位|短板|差距|滞后|较多|突出|艰巨|落差|偏差|有待加强|亟待增强|仍然存在|时有发生)")
_MEASURE_OPENING = re.compile(
    r"(?:对|针对|制定|修订|建立|健全|开展|组织|召开|成立|严格|认真|全面|进一步|坚持|加强|深入|围绕|结合|按照|"
    r"根据|通过|强化|完善|推动|落实|扎实|持续|着力|一是|今年|目前|截至|20\d\d年|[\u4e00-\u9fff]{1,6}(?:党工委|党委|党组)(?!书记))")


def _glued_title_end(text: str, start: int, limit: int) -> int:
    """In run-on text a heading may run straight into its first measure sentence
    (常态化整改工作落实不到位对中央和省委…): end it after the problem words."""
    for ending in _PROBLEM_ENDING.finditer(text, start, limit):
        if ending.end() - start >= 4 and _MEASURE_OPENING.match(text, ending.end()):
            return ending.end()
    return limit


_ITEM_SUFFIX = re.compile(
    r"[”\"]? ?(?:(?:方面|等)?的?问题的?|的)整改(?:落实|进展)?(?:情况)?"
    r"|[”\"]? ?(?:方面)?的?问题(?=[\n。:: (\d]|[一二三四五六七八九十]是|$)")


_GENERIC_REPORT = re.compile(r"反馈(?:意见)?$|^(?:巡视|巡察)")
_REPORT_SUFFIX = re.compile(r"(?:方面)?(?:存在)?的?问题的?整改(?:落实|进展)?情况[::。]?$|的整改(?:落实|进展)?情况[::。]?$")


def _report_heading(text: str, start: int, line_end: int) -> tuple[int, int, int] | None:
    """A heading line without 关于 that ends in …问题的整改情况 names its problem too."""
    if line_end < 0 or line_end - start > 120:
        return None
    suffix = _REPORT_SUFFIX.search(text, start, line_end)
    if not suffix or suffix.start() - start < 6 or _GENERIC_REPORT.search(text[start:suffix.start()]):
        return None
    return start, suffix.start(), line_end


def item_heading(text: str, start: int, limit: int) -> tuple[int, int, int] | None:
    """(words start, words end, heading end) of a 关于…问题的整改(情况) / 关于…的问题 heading.

    The problem words may themselves contain 问题的整改, so a suffix that ends the line wins,
    then one followed by 情况, then the first.
    """
    line_end = text.find("\n", start, limit)
    if not text.startswith(_ITEM_OPENERS, start):
        return _report_heading(text, start, line_end)
    window = text[start:line_end if line_end >= 0 else min(limit, start + 120)]
    ends = [m for m in _ITEM_SUFFIX.finditer(window) if m.start() > 3]
    if not ends and line_end < 0:  # run-on text: the heading may run straight into its measures
        ends = [m for m in _OF_PROBLEM.finditer(window) if m.start() > 3]
    if not ends:
        return None
    if line_end >= 0 and ends[-1].end() == len(window.rstrip(" 。::")):
        chosen = ends[-1]
    else:
        chosen = next((m for m in ends if m.group().endswith("情况")), ends[0])
    opening = _OPENING.match(window)
    return start + opening.end(), start + chosen.start(), start + chosen.end()
