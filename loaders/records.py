"""Typed records that one extracted notice is made of.

Contract:
- Every item taken from text carries ``span = (start, end)``: a half-open character range
  into ``Notice.text``, the notice's *source text* (the decoded file for .txt/.md, the text
  pulled out of the page for .html). ``Notice.text[start:end]`` is what was read.
- String fields hold the *normalised* form (NFKC, half-width punctuation, simplified script),
  so the same title or body spelled differently in two notices compares equal.
- Dates are ISO strings: ``YYYY-MM-DD``; deadlines ``YYYY-MM``.
- ``Problem.types`` holds the classifier's ``TypeMatch`` es (the extractor fills it; records
  made by hand leave it None and graph/rows.py classifies them).
- ``Notice.to_json()`` gives the acceptance format of ../shared/acceptance/README.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .classify import TypeMatch

Span = tuple[int, int]
Status = Literal["completed", "in_progress", "partial", "cancelled", "ongoing"]
TitleRole = Literal["cited", "issued", "other"]


@dataclass
class TitleRef:
    """A title in 《》: a rule the body follows (cited) or a document it made (issued)."""

    title: str
    span: Span
    role: TitleRole
    verb: str | None = None
    doc_number: str | None = None


@dataclass
class Measure:
    """One rectification measure: a paragraph or numbered item under a problem."""

    text: str
    span: Span
    titles: list[TitleRef] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


@dataclass
class SubItem:
    """A sub-item (一是…九是) of a problem that carries its own status."""

    text: str
    span: Span
    status: Status | None = None
    deadline: str | None = None


@dataclass
class Problem:
    """One problem fed back by the inspection, as the notice states it."""

    text: str
    span: Span
    path: str
    category: str | None = None
    subcategory: str | None = None
    status: Status | None = None
    status_text: str | None = None
    deadline: str | None = None
    measures: list[Measure] = field(default_factory=list)
    sub_items: list[SubItem] = field(default_factory=list)
    types: list[TypeMatch] | None = None
    """Problem types from loaders/classify.py, best first; None when not classified yet."""


@dataclass
class Body:
    """An organisation: issuer, inspected body, team, or a unit named in a measure."""

    name: str
    span: Span | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Round:
    """The inspection round the notice reports on."""

    kind: str | None = None
    level: str | None = None
    superior: str | None = None
    team: str | None = None
    name: str | None = None
    mode: str | None = None
    start: str | None = None
    end: str | None = None
    feedback: str | None = None
    span: Span | None = None


@dataclass
class Figure:
    """A reported number: cases opened, people disciplined, money recovered, rules made."""

    metric: str
    value: float | int
    unit: str
    span: Span

    @property
    def key(self) -> str:
        return f"{self.metric}_{self.unit}"


@dataclass
class Person:
    name: str
    role: str
    span: Span


@dataclass
class Notice:
    """Everything extracted from one notice, with spans into ``text``."""

    id: str
    source: str
    text: str
    title: str | None = None
    title_span: Span | None = None
    issuer: Body | None = None
    published: str | None = None
    round: Round = field(default_factory=Round)
    inspected_body: Body | None = None
    problems_claimed: int | None = None
    problems: list[Problem] = field(default_factory=list)
    titles: list[TitleRef] = field(default_factory=list)
    document_numbers: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    encoding: str | None = None
    format: str = "text"

    @property
    def regulations_cited(self) -> list[TitleRef]:
        return _unique_titles(t for t in self.titles if t.role == "cited")

    @property
    def documents_issued(self) -> list[TitleRef]:
        return _unique_titles(t for t in self.titles if t.role == "issued")

    @property
    def stats(self) -> dict[str, float | int]:
        """One value per metric: its first statement (the summary precedes the details)."""
        summary: dict[str, float | int] = {}
        for figure in self.figures:
            summary.setdefault(figure.key, figure.value)
        return summary

    def to_json(self) -> dict[str, Any]:
        """The acceptance format (../shared/acceptance/README.md), plus ids and spans."""
        return {
            "id": self.id,
            "source": self.source,
            "notice": {"title": self.title, "issuer": self.issuer.name if self.issuer else None,
                       "published": self.published, "span": self.title_span},
            "round": asdict(self.round),
            "inspected_body": asdict(self.inspected_body) if self.inspected_body else None,
            "problems_claimed": self.problems_claimed,
            "problems": [asdict(p) for p in self.problems],
            "regulations_cited": [asdict(t) for t in self.regulations_cited],
            "documents_issued": [asdict(t) for t in self.documents_issued],
            "document_numbers": list(self.document_numbers),
            "persons": [asdict(p) for p in self.persons],
            "stats": self.stats,
            "figures": [asdict(f) | {"key": f.key} for f in self.figures],
        }


def _unique_titles(refs) -> list[TitleRef]:
    seen: dict[str, TitleRef] = {}
    for ref in refs:
        seen.setdefault(ref.title, ref)
    return list(seen.values())
