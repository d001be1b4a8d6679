"""Extraction: one notice's source text in, one :class:`Notice` record out.

Contract: ``extract_file(path, encoding=None)`` reads a .txt/.md/.html notice in any common
encoding (see reader.py) and ``extract_text(text, source)`` works on text already read.
Both return a :class:`Notice` whose spans point into ``Notice.text`` and whose strings are
normalised (normalize.py); each problem carries its types (classify.py). Unreadable, empty,
binary and non-notice files raise the :class:`~noticegraph.loaders.errors.NoticeError`
subclass that says what is wrong; a fragment of a notice yields what it contains.
"""
from __future__ import annotations

import os

from ..graph.ids import notice_id
from .classify import classify_problem
from .figures import find_figures
from .meta import find_issuer, find_problems_claimed, find_published, find_title
from .normalize import NormalizedText, normalize
from .outline import parse_outline
from .persons import find_persons
from .problems import find_problems
from .reader import read_source
from .records import Notice, Problem, TitleRef
from .rounds import find_inspected_body, find_round
from .titles import find_doc_numbers, find_titles
from .jurisdiction import Jurisdiction
from .units import find_units


def extract_file(path: str | os.PathLike[str], encoding: str | None = None) -> Notice:
    source = read_source(path, encoding=encoding)
    notice = extract_text(source.text, source=str(path))
    notice.encoding, notice.format = source.encoding, source.format
    return notice


def extract_text(text: str, source: str = "<text>") -> Notice:
    nt = normalize(text)
    notice = Notice(id=notice_id(nt.text), source=source, text=text)
    _read_header(nt, notice)
    root = parse_outline(nt.text)
    notice.problems = find_problems(nt, root)
    for problem in notice.problems:
        problem.types = classify_problem(problem)
    first_heading = root.children[0].start if root.children else len(nt.text)
    notice.problems_claimed = find_problems_claimed(nt.text, max(first_heading, 3000))
    notice.titles = find_titles(nt)
    _attach_titles(notice.problems, notice.titles)
    _attach_units(notice, nt.text)
    notice.document_numbers = find_doc_numbers(nt.text)
    notice.figures = find_figures(nt)
    notice.persons = find_persons(nt)
    return notice


def _read_header(nt: NormalizedText, notice: Notice) -> None:
    found = find_title(nt)
    title_end = 0
    if found:
        notice.title, (title_start, title_end) = found
        notice.title_span = nt.span(title_start, title_end)
    notice.issuer = find_issuer(nt, notice.title)
    published = find_published(nt, title_end)
    notice.published = published[0] if published else None
    notice.round = find_round(nt, notice.title, notice.issuer.name if notice.issuer else None)
    notice.inspected_body = find_inspected_body(nt, notice.issuer)


def _attach_units(notice: Notice, text: str) -> None:
    """Each measure's units, qualified by the notice's jurisdiction; generic words left out."""
    jurisdiction = Jurisdiction.of_notice(notice.issuer, notice.inspected_body, text)
    for measure in (m for p in notice.problems for m in p.measures):
        qualified = (jurisdiction.qualify(mention) for mention in find_units(measure.text))
        measure.units = list(dict.fromkeys(name for name in qualified if name))


def _attach_titles(problems: list[Problem], titles: list[TitleRef]) -> None:
    """Give each measure the titles whose span lies inside its own."""
    measures = [m for p in problems for m in p.measures]
    for ref in titles:
        for measure in measures:
            if measure.span[0] <= ref.span[0] and ref.span[1] <= measure.span[1]:
                measure.titles.append(ref)
                break
