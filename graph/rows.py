"""Notice record → table rows, the one place both stores get their data from.

Contract: ``notice_rows(notice, aliases=None)`` is a function of the notice and the alias table
(default ``current_aliases()``, graph/aliases.py) returning ``GraphRows``:
- ``nodes[label]``: a list of dicts, each with exactly the schema's properties for that label
  (missing values padded with None, values coerced to the schema type, empty lists as None);
- ``rels[(type, from_label, to_label)]``: a list of dicts with ``src``, ``dst`` and exactly the
  schema's properties for that type.
Shared nodes (Body, Regulation, Person) appear once per notice (the first mention wins; later
mentions fill its empty fields); a relationship appears once per (type, src, dst) in a notice
(the first mention's span wins). Bodies are keyed by graph/bodies.py (a notice's spellings of
its issuer and inspected body are one node), regulations by ``regulation_key`` with the
canonical title, kind, issuing level and revision year of loaders/regulations.py. Each problem
gets a HAS_TYPE per type in ``Problem.types`` (classified here when None); the ProblemType
nodes are the taxonomy's (graph/taxonomy_rows.py). Owned nodes are never de-duplicated: two
problems with the same path give two rows with one id, and the store refuses the notice.
``GraphRows.concat`` joins the rows of many notices for bulk loading (shared nodes: first wins).
A ``GraphRows`` pickles as its nodes and rels only (extraction workers send them to the loading
process); unpickled, it rebuilds its de-duplication indexes, so it behaves as the original.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..loaders.classify import TypeMatch, classify_problem
from ..loaders.records import Body, Notice, Problem, TitleRef
from ..loaders.regulations import canonical_title, issuing_level, regulation_key, regulation_kind, revision_year
from . import ids
from .aliases import AliasTable, current_aliases
from .bodies import BodyResolver
from .schema import DOUBLE, INT64, NODE_BY_LABEL, REL_BY_TYPE, SHARED_LABELS, STRING, STRINGS, NodeType, RelType
from .tallies import add_tallies

RelKey = tuple[str, str, str]
ROLE_TO_REL = {"cited": "CITES", "issued": "ISSUES", "other": "REFERS_TO"}


def coerce(value: Any, type_: str) -> Any:
    if value is None or type_ == STRING and type(value) is str:
        return value
    if type_ == INT64:
        return int(value)
    if type_ == DOUBLE:
        return float(value)
    if type_ == STRINGS:
        return [str(v) for v in value] or None
    return str(value)


def make_row(table: NodeType | RelType, values: dict[str, Any]) -> dict[str, Any]:
    """One row with exactly the table's properties, in schema order, coerced to their types."""
    if not values.keys() <= table.name_set:
        name = getattr(table, "label", None) or getattr(table, "type", "?")
        raise KeyError(f"not in the schema of {name}: {sorted(values.keys() - table.name_set)}")
    return {p.name: coerce(values.get(p.name), p.type) for p in table.props}


def span_values(span: tuple[int, int] | None) -> dict[str, int | None]:
    start, end = span if span else (None, None)
    return {"span_start": start, "span_end": end}


@dataclass
class GraphRows:
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rels: dict[RelKey, list[dict[str, Any]]] = field(default_factory=dict)
    _shared: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, repr=False)
    _rel_seen: set[tuple[str, str, str]] = field(default_factory=set, repr=False)

    def add_node(self, label: str, **values: Any) -> str:
        self._index()
        row = make_row(NODE_BY_LABEL[label], values)
        key = (label, row["id"])
        if label in SHARED_LABELS and key in self._shared:
            fill_missing(self._shared[key], row)
            return row["id"]
        if label in SHARED_LABELS:
            self._shared[key] = row
        self.nodes.setdefault(label, []).append(row)
        return row["id"]

    def add_rel(self, type_: str, ends: tuple[str, str], src: str, dst: str, **values: Any) -> None:
        self._index()
        if (type_, src, dst) in self._rel_seen:
            return
        self._rel_seen.add((type_, src, dst))
        row = {"src": src, "dst": dst, **make_row(REL_BY_TYPE[type_], values)}
        self.rels.setdefault((type_, *ends), []).append(row)

    def count(self, label: str) -> int:
        return len(self.nodes.get(label, []))

    def __getstate__(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "rels": self.rels}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.nodes, self.rels = state["nodes"], state["rels"]
        self._shared, self._rel_seen = {}, None  # type: ignore[assignment] - rebuilt by _index when rows are added

    def _index(self) -> None:
        """Rebuild the de-duplication indexes of unpickled rows (only if rows are added to them)."""
        if self._rel_seen is None:
            self._shared = {(label, row["id"]): row for label in SHARED_LABELS for row in self.nodes.get(label, [])}
            self._rel_seen = {(key[0], row["src"], row["dst"]) for key, rows in self.rels.items() for row in rows}

    @classmethod
    def concat(cls, parts: list["GraphRows"]) -> "GraphRows":
        """All rows of many notices; a shared node keeps its first notice's row."""
        joined = cls()
        for part in parts:
            for label, rows in part.nodes.items():
                for row in rows:
                    joined.add_row(label, row)
            for key, rows in part.rels.items():
                joined.rels.setdefault(key, []).extend(rows)
        return joined

    def add_row(self, label: str, row: dict[str, Any]) -> None:
        self._index()
        if label in SHARED_LABELS:
            if (label, row["id"]) in self._shared:
                return
            self._shared[(label, row["id"])] = row
        self.nodes.setdefault(label, []).append(row)


def fill_missing(target: dict[str, Any], source: dict[str, Any]) -> None:
    for name, value in source.items():
        if target.get(name) is None and value is not None:
            target[name] = value


def notice_rows(notice: Notice, aliases: AliasTable | None = None) -> GraphRows:
    rows = GraphRows()
    bodies = BodyResolver(notice, aliases if aliases is not None else current_aliases())
    nid = notice.id or ids.notice_id(notice.text)
    add_notice(rows, bodies, nid, notice)
    round_ = add_round(rows, bodies, nid, notice)
    concerned = add_body(rows, bodies, notice.inspected_body or notice.issuer)
    for ordinal, problem in enumerate(notice.problems, start=1):
        add_problem(rows, bodies, (nid, round_, concerned), problem, ordinal)
    add_notice_titles(rows, nid, notice)
    add_figures(rows, nid, notice)
    add_persons(rows, bodies, nid, notice)
    add_tallies(rows)
    return rows


def add_notice(rows: GraphRows, bodies: BodyResolver, nid: str, notice: Notice) -> None:
    rows.add_node(
        "Notice", id=nid, notice_id=nid, **span_values(notice.title_span), sha=ids.text_sha(notice.text),
        source=notice.source, title=notice.title, issuer=notice.issuer.name if notice.issuer else None,
        published=notice.published, problems_claimed=notice.problems_claimed, text=notice.text,
        encoding=notice.encoding, format=notice.format, document_numbers=notice.document_numbers)
    issuer = add_body(rows, bodies, notice.issuer)
    if issuer:
        rows.add_rel("ISSUED_BY", ("Notice", "Body"), nid, issuer, notice_id=nid,
                     **span_values(notice.issuer.span))


def add_body(rows: GraphRows, bodies: BodyResolver, body: Body | str | None) -> str | None:
    """The Body node of a mention (a record or a unit's name), keyed by the notice's resolver."""
    spelling = body.name if isinstance(body, Body) else body
    if not spelling or not bodies.key(spelling):
        return None
    return rows.add_node("Body", id=bodies.key(spelling), name=bodies.name(spelling),
                         aliases=bodies.aliases(spelling))


def add_round(rows: GraphRows, bodies: BodyResolver, nid: str, notice: Notice) -> str:
    r = notice.round
    rid = rows.add_node(
        "Round", id=ids.round_id(nid), notice_id=nid, **span_values(r.span), kind=r.kind, level=r.level,
        superior=r.superior, team=r.team, name=r.name, mode=r.mode, start_date=r.start, end_date=r.end,
        feedback_date=r.feedback)
    rows.add_rel("REPORTS_ON", ("Notice", "Round"), nid, rid, notice_id=nid, **span_values(r.span))
    inspected = add_body(rows, bodies, notice.inspected_body)
    if inspected:
        rows.add_rel("INSPECTED", ("Round", "Body"), rid, inspected, notice_id=nid,
                     **span_values(notice.inspected_body.span))
    team = add_body(rows, bodies, r.team)
    if team:
        rows.add_rel("CONDUCTED_BY", ("Round", "Body"), rid, team, notice_id=nid, **span_values(None))
    return rid


def add_problem(rows: GraphRows, bodies: BodyResolver, owners: tuple[str, str, str | None], problem: Problem,
                ordinal: int) -> None:
    """The problem, its round and body links, its types and its measures."""
    nid, rid, concerned = owners
    span = span_values(problem.span)
    pid = rows.add_node(
        "Problem", id=ids.problem_id(nid, problem.path, ordinal), notice_id=nid, **span, text=problem.text,
        path=problem.path, category=problem.category, subcategory=problem.subcategory, status=problem.status,
        status_text=problem.status_text, deadline=problem.deadline, ordinal=ordinal)
    rows.add_rel("CONTAINS", ("Notice", "Problem"), nid, pid, notice_id=nid, **span)
    rows.add_rel("RAISED_IN", ("Problem", "Round"), pid, rid, notice_id=nid, **span)
    if concerned:
        rows.add_rel("CONCERNS", ("Problem", "Body"), pid, concerned, notice_id=nid, **span)
    add_types(rows, nid, pid, problem_types(problem))
    add_measures(rows, bodies, nid, pid, problem)


def problem_types(problem: Problem) -> list[TypeMatch]:
    return problem.types if problem.types is not None else classify_problem(problem)


def add_types(rows: GraphRows, nid: str, pid: str, matches: list[TypeMatch]) -> None:
    for match in matches:
        rows.add_rel("HAS_TYPE", ("Problem", "ProblemType"), pid, match.concept_id, notice_id=nid,
                     score=match.score, terms=list(match.terms), context_terms=list(match.context_terms))


def add_measures(rows: GraphRows, bodies: BodyResolver, nid: str, pid: str, problem: Problem) -> None:
    for k, measure in enumerate(problem.measures, start=1):
        mid = rows.add_node("Measure", id=ids.measure_id(pid, k), notice_id=nid,
                            **span_values(measure.span), text=measure.text, ordinal=k)
        rows.add_rel("ADDRESSED_BY", ("Problem", "Measure"), pid, mid, notice_id=nid,
                     **span_values(measure.span))
        add_titles(rows, nid, ("Measure", mid), measure.titles)
        for unit in (u for u in measure.units if bodies.is_unit(u)):
            body = add_body(rows, bodies, unit)
            if body:
                rows.add_rel("INVOLVES", ("Measure", "Body"), mid, body, notice_id=nid,
                             **span_values(measure.span))


def add_titles(rows: GraphRows, nid: str, source: tuple[str, str], refs: list[TitleRef]) -> None:
    label, source_id = source
    for ref in refs:
        key = regulation_key(ref.title)
        if not key:
            continue
        title = canonical_title(ref.title)
        rows.add_node("Regulation", id=key, title=title, kind=regulation_kind(title), level=issuing_level(title),
                      revision_year=revision_year(title), doc_number=ref.doc_number)
        rows.add_rel(ROLE_TO_REL.get(ref.role, "REFERS_TO"), (label, "Regulation"), source_id, key,
                     notice_id=nid, **span_values(ref.span), verb=ref.verb)


def add_notice_titles(rows: GraphRows, nid: str, notice: Notice) -> None:
    """Notice-level CITES/ISSUES/REFERS_TO for every title, so counts need no measure join."""
    measure_refs = [ref for p in notice.problems for m in p.measures for ref in m.titles]
    refs = sorted(notice.titles + measure_refs, key=lambda ref: tuple(ref.span))
    add_titles(rows, nid, ("Notice", nid), refs)


def add_figures(rows: GraphRows, nid: str, notice: Notice) -> None:
    for k, figure in enumerate(notice.figures, start=1):
        fid = rows.add_node("Figure", id=ids.figure_id(nid, k), notice_id=nid, **span_values(figure.span),
                            metric=figure.metric, value=figure.value, unit=figure.unit, key=figure.key)
        rows.add_rel("REPORTS_FIGURE", ("Notice", "Figure"), nid, fid, notice_id=nid,
                     **span_values(figure.span))


def add_persons(rows: GraphRows, bodies: BodyResolver, nid: str, notice: Notice) -> None:
    body = add_body(rows, bodies, notice.issuer or notice.inspected_body)
    for person in notice.persons:
        if not ids.name_key(person.name):
            continue
        pid = rows.add_node("Person", id=ids.person_key(person.name, body), name=person.name)
        span = span_values(person.span)
        rows.add_rel("MENTIONS", ("Notice", "Person"), nid, pid, notice_id=nid, **span)
        if body:
            rows.add_rel("HOLDS_POST_IN", ("Person", "Body"), pid, body, notice_id=nid, **span,
                         role=person.role)
