"""Counts maintained at load time, so the default views of the saved queries read them instead of
scanning every citation.

Contract: ``MAINTAINED`` names the aggregate properties (schema.py declares them; the row
builders leave them null):
- ``Regulation.cited_measures``: the measures citing the regulation (Measure-level CITES);
- ``Regulation.cited_notices``: the notices citing it (Notice-level CITES).
Each is a sum over the stored notices of one contribution per notice, so it depends only on
the set of notices stored, never on the order they were loaded in. The store keeps them exact
on every write path, inside the write's own transaction: ``add_rows(run, rows)`` after writing
the graph rows of notices (bulk load, load one, the second half of a replace) and
``remove_notice(run, notice_id)`` before deleting a stored notice (a delete, the first half of
a replace). ``recount(run)`` recomputes every aggregate from the graph (a repair for a
database loaded before the aggregates existed); ``from_scratch(store)`` and ``maintained(store)``
read both sides, {regulation id: (measures, notices)}, for the tests to compare.
Both engines run these statements alike.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .rows import GraphRows

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
MAINTAINED = {"Regulation": ("cited_measures", "cited_notices")}

_ADD = ("UNWIND $rows AS r MATCH (g:Regulation {id: r.id}) "
        "SET g.cited_measures = coalesce(g.cited_measures, 0) + r.measures, "
        "g.cited_notices = coalesce(g.cited_notices, 0) + r.notices RETURN count(*) AS n")
_NOTICE_CITES = "MATCH (:Notice {id: $id})-[:CITES]->(g:Regulation) RETURN g.id AS id, count(*) AS n"
_MEASURE_CITES = ("MATCH (:Notice {id: $id})-[:CONTAINS]->(:Problem)-[:ADDRESSED_BY]->(m:Measure)-[:CITES]->"
                  "(g:Regulation) RETURN g.id AS id, count(DISTINCT m) AS n")
_SCRATCH_NOTICES = "MATCH (:Notice)-[:CITES]->(g:Regulation) RETURN g.id AS id, count(*) AS n"
_SCRATCH_MEASURES = "MATCH (:Measure)-[:CITES]->(g:Regulation) RETURN g.id AS id, count(*) AS n"
_MAINTAINED = ("MATCH (g:Regulation) WHERE g.cited_notices > 0 OR g.cited_measures > 0 "
               "RETURN g.id AS id, g.cited_measures AS measures, g.cited_notices AS notices")
_ZERO = "MATCH (g:Regulation) SET g.cited_measures = 0, g.cited_notices = 0 RETURN count(*) AS n"


def _apply(run: Run, measures: Counter[str], notices: Counter[str], sign: int) -> None:
    ids = sorted(set(measures) | set(notices))
    rows = [{"id": i, "measures": sign * measures[i], "notices": sign * notices[i]} for i in ids]
    if rows:
        run(_ADD, {"rows": rows})


def add_rows(run: Run, rows: GraphRows) -> None:
    """Add the contributions of notices whose graph ``rows`` were just written."""
    measures = Counter(r["dst"] for r in rows.rels.get(("CITES", "Measure", "Regulation"), []))
    notices = Counter(r["dst"] for r in rows.rels.get(("CITES", "Notice", "Regulation"), []))
    _apply(run, measures, notices, +1)


def remove_notice(run: Run, notice_id: str) -> None:
    """Subtract the contribution of a stored notice (call before deleting it)."""
    params = {"id": notice_id}
    measures = Counter({row["id"]: int(row["n"]) for row in run(_MEASURE_CITES, params)})
    notices = Counter({row["id"]: int(row["n"]) for row in run(_NOTICE_CITES, params)})
    _apply(run, measures, notices, -1)


def recount(run: Run) -> None:
    """Recompute every aggregate from the stored citations."""
    run(_ZERO, {})
    measures = Counter({row["id"]: int(row["n"]) for row in run(_SCRATCH_MEASURES, {})})
    notices = Counter({row["id"]: int(row["n"]) for row in run(_SCRATCH_NOTICES, {})})
    _apply(run, measures, notices, +1)


def from_scratch(store: Any) -> dict[str, tuple[int, int]]:
    measures = {row["id"]: int(row["n"]) for row in store.query(_SCRATCH_MEASURES)}
    notices = {row["id"]: int(row["n"]) for row in store.query(_SCRATCH_NOTICES)}
    return {i: (measures.get(i, 0), notices.get(i, 0)) for i in set(measures) | set(notices)}


def maintained(store: Any) -> dict[str, tuple[int, int]]:
    return {row["id"]: (int(row["measures"] or 0), int(row["notices"] or 0)) for row in store.query(_MAINTAINED)}
