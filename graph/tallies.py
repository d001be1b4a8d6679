"""Per-notice tallies: summary relationships the saved queries read instead of every problem.

Contract: ``add_tallies(rows, taxonomy=None)`` adds to the graph rows of ONE notice (rows.py
calls it last), from the notice's own Problem, CONCERNS, HAS_TYPE and Round rows:
- ``BODY_TYPE`` (Body → ProblemType), one per body and most specific type of the notice's
  problems that concern a body: ``problems`` (how many of them have the type), ``completed``
  (how many of those report their rectification completed) and ``round_start`` (the start of
  the notice's round);
- ``BODY_TOP_TYPE`` (Body → ProblemType), the same per top concept of the taxonomy, a problem
  counted once under each top concept above (or equal to) any of its types;
- ``NOTICE_TYPE`` (Notice → ProblemType), one per most specific type of any of the notice's
  problems: ``problems`` and ``round_start``;
- ``ISSUED_TALLY`` (Body → Regulation), from the notice's issuer to each document the notice
  issues (Notice-level ISSUES): ``measures`` (the notice's measures issuing it);
- ``FIGURE_TALLY`` (Body → Figure), from the body the notice's round inspected to the first
  figure (smallest id) of each metric and unit the notice states: ``metric``, ``unit``, ``value`` (the
  largest stated), ``statements`` (how many figures state it) and ``published`` (the notice's date).
and on the Notice row itself ``problems`` (how many were read), ``status_names`` (the distinct
statuses they have, sorted, no status counting as one: 'unstated') and ``statuses`` (how many).
Each relationship carries the notice's ``notice_id`` like every mention, and goes with its notice on a
delete or replace, so the tallies depend only on the set of notices stored. A problem belongs
to one notice, so sums of tallies over notices are counts over the corpus.
``TALLY_TYPES`` names the relationship types, for exports and statistics to leave out.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..loaders.taxonomy import Taxonomy, load_taxonomy
from .schema import REL_BY_TYPE

TALLY_TYPES = ("BODY_TYPE", "BODY_TOP_TYPE", "NOTICE_TYPE", "ISSUED_TALLY", "FIGURE_TALLY")
COMPLETED = "completed"
UNSTATED = "unstated"


def add_tallies(rows: Any, taxonomy: Taxonomy | None = None) -> None:
    taxonomy = taxonomy or load_taxonomy()
    notice = rows.nodes["Notice"][0]["id"]
    start = next((r["start_date"] for r in rows.nodes.get("Round", [])), None)
    status = {p["id"]: p["status"] for p in rows.nodes.get("Problem", [])}
    body = {r["src"]: r["dst"] for r in rows.rels.get(("CONCERNS", "Problem", "Body"), [])}
    types = defaultdict(list)
    for rel in rows.rels.get(("HAS_TYPE", "Problem", "ProblemType"), []):
        types[rel["src"]].append(rel["dst"])
    tops = {pid: sorted({top for t in found for top in top_concepts(taxonomy, t)}) for pid, found in types.items()}
    common = {"notice_id": notice, "round_start": start}
    for (src, dst), (n, done) in per_body(types, body, status).items():
        rows.add_rel("BODY_TYPE", ("Body", "ProblemType"), src, dst, problems=n, completed=done, **common)
    for (src, dst), (n, done) in per_body(tops, body, status).items():
        rows.add_rel("BODY_TOP_TYPE", ("Body", "ProblemType"), src, dst, problems=n, completed=done, **common)
    for type_id, n in per_type(types).items():
        rows.add_rel("NOTICE_TYPE", ("Notice", "ProblemType"), notice, type_id, problems=n, **common)
    add_issued(rows, notice)
    add_figure_tallies(rows, notice)
    names = sorted({s or UNSTATED for s in status.values()})
    rows.nodes["Notice"][0].update(problems=len(status), statuses=len(names), status_names=names)


def first_dst(rows: Any, key: tuple[str, str, str]) -> str | None:
    return next((r["dst"] for r in rows.rels.get(key, [])), None)


def add_issued(rows: Any, notice: str) -> None:
    issuer = first_dst(rows, ("ISSUED_BY", "Notice", "Body"))
    if issuer is None:
        return
    measures: dict[str, int] = defaultdict(int)
    for rel in rows.rels.get(("ISSUES", "Measure", "Regulation"), []):
        measures[rel["dst"]] += 1
    for rel in rows.rels.get(("ISSUES", "Notice", "Regulation"), []):
        rows.add_rel("ISSUED_TALLY", ("Body", "Regulation"), issuer, rel["dst"], notice_id=notice,
                     measures=measures[rel["dst"]])


def add_figure_tallies(rows: Any, notice: str) -> None:
    inspected = first_dst(rows, ("INSPECTED", "Round", "Body"))
    if inspected is None:
        return
    groups: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for figure in rows.nodes.get("Figure", []):
        groups[(figure["metric"], figure["unit"])].append(figure)
    for (metric, unit), figures in groups.items():
        values = [f["value"] for f in figures if f["value"] is not None]
        rows.add_rel("FIGURE_TALLY", ("Body", "Figure"), inspected, min(f["id"] for f in figures), notice_id=notice,
                     metric=metric, unit=unit, value=max(values) if values else None, statements=len(figures),
                     published=rows.nodes["Notice"][0]["published"])


def top_concepts(taxonomy: Taxonomy, type_id: str) -> list[str]:
    """The top concepts at or above a type (the type itself when it is one)."""
    if type_id not in taxonomy:
        return []
    return [c for c in [type_id, *taxonomy.ancestors(type_id)] if taxonomy[c].is_top]


def per_body(types: dict[str, list[str]], body: dict[str, str],
             status: dict[str, Any]) -> dict[tuple[str, str], tuple[int, int]]:
    """{(body, type): (problems, completed problems)}, in a stable order."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for pid in sorted(types):
        if pid in body:
            for type_id in sorted(set(types[pid])):
                counts[(body[pid], type_id)][0] += 1
                counts[(body[pid], type_id)][1] += status.get(pid) == COMPLETED
    return {key: (n, done) for key, (n, done) in sorted(counts.items())}


def per_type(types: dict[str, list[str]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for pid in sorted(types):
        for type_id in set(types[pid]):
            counts[type_id] += 1
    return dict(sorted(counts.items()))


_DELETE = "MATCH ()-[c:{type}]->() DELETE c RETURN count(*) AS n"
_BODY_REBUILD = (  # BODY_TYPE from the most specific types, BODY_TOP_TYPE from the top concepts above them
    "MATCH (n:Notice)-[:CONTAINS]->(p:Problem)-[:CONCERNS]->(b:Body), (p)-[:HAS_TYPE]->{types} "
    "OPTIONAL MATCH (n)-[:REPORTS_ON]->(r:Round) "
    "WITH n.id AS nid, r.start_date AS rs, b, t, count(DISTINCT p) AS k, "
    "count(DISTINCT CASE WHEN p.status = 'completed' THEN p.id END) AS done "
    "CREATE (b)-[:{type} {{notice_id: nid, problems: k, completed: done, round_start: rs}}]->(t) "
    "RETURN count(*) AS n")
_REBUILD = {
    "BODY_TYPE": _BODY_REBUILD.format(type="BODY_TYPE", types="(t:ProblemType)"),
    "BODY_TOP_TYPE": _BODY_REBUILD.format(
        type="BODY_TOP_TYPE", types="(:ProblemType)-[:BROADER*0..3]->(t:ProblemType) WHERE t.broader IS NULL"),
    "NOTICE_TYPE": (
        "MATCH (n:Notice)-[:CONTAINS]->(p:Problem)-[:HAS_TYPE]->(t:ProblemType) "
        "OPTIONAL MATCH (n)-[:REPORTS_ON]->(r:Round) "
        "WITH n, r.start_date AS rs, t, count(DISTINCT p) AS k "
        "CREATE (n)-[:NOTICE_TYPE {notice_id: n.id, problems: k, round_start: rs}]->(t) "
        "RETURN count(*) AS n"),
    "ISSUED_TALLY": (
        "MATCH (b:Body)<-[:ISSUED_BY]-(n:Notice)-[:ISSUES]->(g:Regulation) "
        "OPTIONAL MATCH (n)-[:CONTAINS]->(:Problem)-[:ADDRESSED_BY]->(m:Measure)-[:ISSUES]->(g) "
        "WITH b, n, g, count(DISTINCT m) AS k "
        "CREATE (b)-[:ISSUED_TALLY {notice_id: n.id, measures: k}]->(g) RETURN count(*) AS n"),
    "FIGURE_TALLY": (
        "MATCH (b:Body)<-[:INSPECTED]-(:Round)<-[:REPORTS_ON]-(n:Notice)-[:REPORTS_FIGURE]->(f:Figure) "
        "WITH b, n, f.metric AS metric, f.unit AS unit, max(f.value) AS value, count(f) AS k, min(f.id) AS first "
        "MATCH (rep:Figure {id: first}) "
        "CREATE (b)-[:FIGURE_TALLY {notice_id: n.id, metric: metric, unit: unit, value: value, statements: k, "
        "published: n.published}]->(rep) "
        "RETURN count(*) AS n"),
}
_READ = "MATCH (a)-[c:{type}]->(b) RETURN a.id AS src, b.id AS dst, {columns}"
_NOTICE_COUNTS = (
    "MATCH (n:Notice) OPTIONAL MATCH (n)-[:CONTAINS]->(p:Problem) "
    "RETURN n.id AS id, count(p) AS k, "
    "collect(DISTINCT CASE WHEN p IS NULL THEN NULL ELSE coalesce(p.status, 'unstated') END) AS names")
_SET_NOTICE_COUNTS = ("UNWIND $rows AS r MATCH (n:Notice {id: r.id}) "
                      "SET n.problems = r.k, n.statuses = r.s, n.status_names = r.names RETURN count(*) AS n")
_READ_NOTICES = ("MATCH (n:Notice) RETURN n.id AS id, n.problems AS problems, n.statuses AS statuses, "
                 "n.status_names AS status_names")


def rebuild(run: Any) -> None:
    """Recompute every tally from the stored problems (a repair for a database loaded before the
    tallies existed). Its Cypher counts on its own, so the tests compare it with the rows'."""
    for type_, statement in _REBUILD.items():
        run(_DELETE.format(type=type_), {})
        run(statement, {})
    from .store import run_batched  # here, not at the top: store imports rows, which imports this module

    counts = [{"id": row["id"], "k": row["k"], "s": len(row["names"]), "names": sorted(row["names"])}
              for row in run(_NOTICE_COUNTS, {})]
    run_batched(run, _SET_NOTICE_COUNTS, counts)


def stored(store: Any) -> dict[str, list[tuple]]:
    """Every tally, by type, as sorted tuples (for the tests and `repair` to compare)."""
    tallies = {}
    for type_ in TALLY_TYPES:
        columns = ", ".join(f"c.{name} AS {name}" for name in REL_BY_TYPE[type_].names)
        rows = store.query(_READ.format(type=type_, columns=columns))
        tallies[type_] = sorted((tuple(map(repr, row.values())) for row in rows))
    tallies["Notice"] = sorted(tuple(map(repr, row.values())) for row in store.query(_READ_NOTICES))
    return tallies
