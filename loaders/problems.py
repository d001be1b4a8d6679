"""Problems, their measures, statuses and sub-items, read off the notice's outline.

Contract: ``find_problems(nt, root)`` returns :class:`Problem` records in text order.
A problem is, in order of evidence:
1. a heading 关于“…”问题的整改 / 关于…问题的整改情况, numbered or not (its words are the
   problem as fed back);
2. otherwise a heading whose own text carries a status statement (整改进展情况:…,
   完成情况:…), as in bare numbered problem sentences (1.整改责任压得不实。);
3. a labelled question 问题1:/反馈问题一:/问题:… (an outline node of style ``qa``), under
   方面 headings or with no outline at all.
Otherwise the rows of a table, else the leaves of the section reporting on the feedback (a
leaf may hold inline 一是… items). Its measures are its sub-headings, or else its paragraphs,
without the status statement (after the measures, opening them or on a line before them),
lines holding only a label (整改进展情况:) and 责任单位:/整改时限: lines; a 整改时限 line gives
the deadline of a problem still being rectified.
Sub-items that carry their own status (一是关于…的问题。…此项整改工作已完成。) become
:class:`SubItem` records, and the problem's status rolls up from them when it has none.
Category and subcategory are the headings above the problem, without those that hold
every problem (the "二、聚焦巡察反馈问题" container).
"""
from __future__ import annotations

import re

from .normalize import NormalizedText
from .outline import UNNUMBERED, Node, item_heading
from .records import Measure, Problem, SubItem
from .status import (LABEL_ONLY, METADATA_LINE, RECTIFICATION_LABEL, SUBITEM_STATUS, TIME_LIMIT, find_status_line,
                     read_deadline, read_status, roll_up, statement_end)

_SUBITEM_WORDS = re.compile(r"关于(?P<words>.{2,120}?)(?:的)?问题[。,,;]")
_TRIM = " \n,,。;;:"


def find_problems(nt: NormalizedText, root: Node) -> list[Problem]:
    text = nt.text
    nodes = [n for n in root.walk() if n.style != "root"]
    items = [n for n in nodes if n.style == "qa" or _item_words(text, n)]
    labelled = _with_kin([n for n in nodes if _is_labelled_problem(text, n)], nodes)
    headings = {id(n) for n in items + labelled}
    items = [n for n in items if not any(id(d) in headings for d in list(n.walk())[1:])]
    near_items = {id(a) for item in items for a in [*item.ancestors(), *item.walk()]}
    chosen = items + [n for n in labelled if id(n) not in near_items]
    chosen.sort(key=lambda n: n.start)
    if not chosen:
        return _table_problems(nt) or _leaf_problems(nt, nodes)
    containers = _shared_ancestors(chosen)
    return _unique_paths([_problem(nt, node, [a for a in node.ancestors() if a not in containers])
                          for node in chosen])


def _item_words(text: str, node: Node) -> tuple[int, int] | None:
    """Range of the problem words in a 关于…问题的整改 heading, or None."""
    if node.style == "shi":
        return None
    found = item_heading(text, node.title_start, node.body_end)
    if not found or _REFERENCE_WORDS.match(text, found[0], found[1]):
        return None
    return found[:2]


# Words that refer to the problems rather than state one (针对巡察反馈的问题, 对于上述问题).
_REFERENCE_WORDS = re.compile(r"[“\"]?(?:巡[视察](?:组)?(?:反馈|指出|发现)?|反馈|上述|以上|相关|存在|这些|此类|有关)的?[”\"]?$")


def _is_labelled_problem(text: str, node: Node) -> bool:
    """A heading followed by its own 整改措施:/完成情况: statement is a problem sentence."""
    if node.style == "shi":
        return False
    if find_status_line(text, node.title_start, node.body_end) is not None or _heading_status(text, node):
        return True
    return RECTIFICATION_LABEL.search(text, node.title_end, node.body_end) is not None


_HEADING_STATUS = re.compile(r"[(【\[](?P<phrase>[^()【】\[\]\n]{2,12})[)】\]][ 。]*(?=\n|$)")


def _heading_status(text: str, node: Node) -> re.Match[str] | None:
    """A status closing the heading's line in brackets: 1.理论学习不深入(已完成)."""
    line_end = text.find("\n", node.title_start)
    line_end = line_end if line_end >= 0 else len(text)
    match = _HEADING_STATUS.search(text, node.title_start, min(line_end, node.body_end))
    return match if match and read_status(match.group("phrase"))[0] else None


def _with_kin(labelled: list[Node], nodes: list[Node]) -> list[Node]:
    """Labelled problem sentences and their unlabelled kin: headings of the same style and depth
    under the same top-level section whose parents are of one style too (a 1. whose status line
    is missing, beside 1./2. that have theirs), when they hold no headings but inline items."""
    kin = {(n.style, n.depth, n.parent.style if n.parent else None, _top(n)) for n in labelled}
    chosen = {id(n) for n in labelled}
    return [n for n in nodes if id(n) in chosen or (
        (n.style, n.depth, n.parent.style if n.parent else None, _top(n)) in kin
        and all(child.style == "shi" for child in n.children))]


def _top(node: Node) -> Node:
    while node.parent is not None and node.parent.style != "root":
        node = node.parent
    return node


def _shared_ancestors(nodes: list[Node]) -> set[Node]:
    if len(nodes) < 2:
        return set()
    shared = set(nodes[0].ancestors())
    for node in nodes[1:]:
        shared &= set(node.ancestors())
    return shared


def _problem(nt: NormalizedText, node: Node, above: list[Node]) -> Problem:
    text = nt.text
    words = _item_words(text, node) or (node.title_start, node.title_end)
    start, end = _strip(text, *words)
    bracketed = _heading_status(text, node)
    if bracketed and bracketed.start() < end:
        start, end = _strip(text, start, bracketed.start())
    status_match = find_status_line(text, node.title_end, node.end) or bracketed
    status, deadline = read_status(status_match.group("phrase")) if status_match else (None, None)
    if status in ("in_progress", "partial") and deadline is None:
        deadline = _time_limit(text, node.title_end, node.end)
    sub_items = _sub_items(nt, node)
    if status is None and sub_items:
        status = roll_up([s.status for s in sub_items])
    elif status is None:
        status, deadline = _closing_status(text, node)
    return Problem(
        text=text[start:end], span=nt.span(start, end), path=_path(node),
        category=above[0].title(text) if above else None,
        subcategory=above[1].title(text) if len(above) > 1 else None,
        status=status, deadline=deadline,
        status_text=status_match.group().strip() if status_match else None,
        measures=_measures(nt, node, [_statement_range(text, m) for m in (status_match, bracketed) if m]),
        sub_items=sub_items)


def _closing_status(text: str, node: Node) -> tuple[str | None, str | None]:
    """Without a labelled statement: the last 此项整改工作已完成 / 该问题已整改到位 of the problem."""
    said = list(SUBITEM_STATUS.finditer(text, node.title_end, node.end))
    if not said:
        return None, None
    sentence_end = re.compile(r"[。\n]").search(text, said[-1].start(), node.end)
    return read_status(text[said[-1].start():sentence_end.start() if sentence_end else node.end])


def _time_limit(text: str, start: int, end: int) -> str | None:
    """The deadline of a 整改时限:2023年6月底 line, for a problem still being rectified."""
    match = TIME_LIMIT.search(text, start, end)
    return read_deadline(match.group("phrase")) if match else None


def _statement_range(text: str, status_match: re.Match[str]) -> tuple[int, int]:
    return status_match.start(), statement_end(text, status_match)


def _path(node: Node) -> str:
    """The place in the outline: numbers, with unnumbered items as i1, i2 … among siblings."""
    return ".".join(_place(n) for n in node.ancestors() + [node])


def _place(node: Node) -> str:
    if node.style not in UNNUMBERED:
        return str(node.number)
    siblings = [n for n in node.parent.children if n.style == node.style] if node.parent else [node]
    return f"{node.style[0]}{siblings.index(node) + 1}"


def _unique_paths(problems: list[Problem]) -> list[Problem]:
    """Paths key problems in the graph, so a repeated one (an outline the sequence check could
    not order) gets a -2, -3 … suffix rather than making the notice unloadable."""
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.path] = seen.get(problem.path, 0) + 1
        if seen[problem.path] > 1:
            problem.path = f"{problem.path}-{seen[problem.path]}"
    return problems


def _measures(nt: NormalizedText, node: Node, statements: list[tuple[int, int]]) -> list[Measure]:
    """The sub-headings, else the paragraphs, without the status statement (which may close the
    measures, open them as 整改情况:已完成。…, or stand on a line of its own before them)."""
    if not node.children:
        ranges = _paragraphs(nt.text, node.title_end, node.end)
    else:
        ranges = [(child.start, child.end) for child in node.children]
    for cut in statements:
        ranges = _without(ranges, cut)
    return _to_measures(nt, ranges)


def _without(ranges: list[tuple[int, int]], cut: tuple[int, int]) -> list[tuple[int, int]]:
    pieces = []
    for start, end in ranges:
        pieces += [(start, min(end, cut[0])), (max(start, cut[1]), end)]
    return [(start, end) for start, end in pieces if end > start]


def _paragraph_measures(nt: NormalizedText, start: int, stop: int) -> list[Measure]:
    return _to_measures(nt, _paragraphs(nt.text, start, stop))


def _to_measures(nt: NormalizedText, ranges: list[tuple[int, int]]) -> list[Measure]:
    text = nt.text
    measures = []
    for start, end in ranges:
        start, end = _strip(text, start, end)
        if end > start and not LABEL_ONLY.fullmatch(text, start, end) and not METADATA_LINE.fullmatch(text, start, end):
            measures.append(Measure(text=text[start:end], span=nt.span(start, end)))
    return measures


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        if line.strip(_TRIM):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _sub_items(nt: NormalizedText, node: Node) -> list[SubItem]:
    items = []
    for child in node.children:
        body = nt.text[child.title_start:child.end]
        words = _SUBITEM_WORDS.match(body)
        said = list(SUBITEM_STATUS.finditer(body))
        if words and said:
            status, deadline = read_status(said[-1].group())
            start, end = _strip(nt.text, child.title_start + words.start("words"),
                                child.title_start + words.end("words"))
            items.append(SubItem(nt.text[start:end], nt.span(start, end), status, deadline))
    return items if len(items) >= 2 else []


_FEEDBACK_SECTION = re.compile(r"反馈.{0,8}问题|问题.{0,4}整改|整改落实情况|反馈意见.{0,6}整改")


_REPORT_TITLE = re.compile(r"(?:情况|落实|整改)$")


def _leaf_problems(nt: NormalizedText, nodes: list[Node]) -> list[Problem]:
    """Last resort: the leaf headings of the section on the feedback (巡视反馈问题整改落实情况),
    preferring a title that reports (…整改落实情况) over one that exhorts (扎实推进巡察反馈问题整改)."""
    sections = [n for n in nodes if n.children and _FEEDBACK_SECTION.search(n.title(nt.text))]
    section = next((n for n in sections if _REPORT_TITLE.search(n.title(nt.text)) and "," not in n.title(nt.text)),
                   sections[0] if sections else None)
    if section is None:
        return []
    leaves = [n for n in section.walk() if n is not section and n.style != "shi"
              and all(child.style == "shi" for child in n.children)]  # 一是… items are its measures
    above = set(section.ancestors()) | {section}
    return [_problem(nt, leaf, [a for a in leaf.ancestors() if a not in above]) for leaf in leaves]


_COLUMNS = {"problem": re.compile(r"问题"), "measure": re.compile(r"措施"),
            "status": re.compile(r"进展|完成情况|整改情况|状态"), "deadline": re.compile(r"时限|期限")}


def _table_problems(nt: NormalizedText) -> list[Problem]:
    """Rows of a table (cells separated by tabs, as the reader renders <td>) under a header
    naming its columns: 序号 | 反馈问题 | 整改措施 | 完成时限 | 整改进展."""
    rows = _table_rows(nt.text)
    header = next((i for i, (_, cells) in enumerate(rows) if "problem" in _column_map(cells)), None)
    if header is None:
        return []
    columns = _column_map(rows[header][1])
    problems = []
    for index, (start, cells) in enumerate(rows[header + 1:], 1):
        problem = _table_problem(nt, start, cells, columns, f"t{index}")
        if problem:
            problems.append(problem)
    return problems


def _table_rows(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    rows, pos = [], 0
    for line in text.split("\n"):
        if line.count("\t") >= 2:
            cells, cell_start = [], pos
            for cell in line.split("\t"):
                cells.append((cell_start, cell))
                cell_start += len(cell) + 1
            rows.append((pos, cells))
        pos += len(line) + 1
    return rows


def _column_map(cells) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, (_, cell) in enumerate(cells):
        for name, pattern in _COLUMNS.items():
            if len(cell.strip()) <= 12 and pattern.search(cell) and name not in found:
                found[name] = index
                break
    return found


def _table_problem(nt, row_start, cells, columns, path) -> Problem | None:
    def cell(name):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else (0, "")
    start, words = cell("problem")
    start, end = _strip(nt.text, start, start + len(words))
    if end - start < 4:
        return None
    status, deadline = read_status(cell("status")[1])
    deadline = deadline or read_deadline(cell("deadline")[1]) if status in ("in_progress", "partial") else deadline
    measure_start, measure_words = cell("measure")
    measures = _to_measures(nt, [(measure_start, measure_start + len(measure_words))]) if measure_words.strip() else []
    return Problem(text=nt.text[start:end], span=nt.span(start, end), path=path, status=status,
                   deadline=deadline, measures=measures, status_text=cell("status")[1].strip() or None)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
