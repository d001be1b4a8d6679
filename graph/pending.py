"""Derived data a load has not finished yet: the similarity links of the notices it wrote.

Contract: before a batch of notices is written, ``mark_batch(store, notices)`` (or
``mark_rows(store, all_rows)`` for notices given as their graph rows) records in the
store, in its own transaction, one ``PendingLink`` node (not a schema label: no dump, export or
stats sees it) with the ids of the batch's notices the store does not hold as they are, and the
problems that are about to lose similarity partners (the partners of the problems of stored
notices the batch replaces). ``complete(store)`` runs similar.link_similar over everything
pending and deletes the markers *in the same transaction* as the links, so the markers vanish
exactly when the graph is complete: a load killed after its notices were committed leaves them
pending, and the next load, or ``noticegraph repair``, completes them; the graph then equals a
clean load's. ``delete_notices(store, ids)`` deletes notices the same way (partners marked
first). ``pending_counts(store) -> (notices, problems)`` is what ``stats`` reports; a store
without the marker table (LadybugDB before its first load, or read-only) has nothing pending.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from ..loaders.records import Notice
from .ids import text_sha
from .rows import GraphRows
from .similar import LinkReport, link_similar
from .store import GraphStore, Run

LABEL = "PendingLink"
LADYBUG_TABLE = f"CREATE NODE TABLE IF NOT EXISTS {LABEL}(id STRING, notices STRING[], problems STRING[], PRIMARY KEY(id))"
READ = f"MATCH (m:{LABEL}) RETURN m.id AS id, m.notices AS notices, m.problems AS problems"
CREATE = f"CREATE (m:{LABEL} {{id: $id, notices: $notices, problems: $problems}})"
DELETE = f"MATCH (m:{LABEL}) WHERE m.id IN $ids DELETE m"
STORED_HEADS = ("MATCH (n:Notice) WHERE n.id IN $ids OR n.source IN $sources "
                "RETURN n.id AS id, n.sha AS sha")
PARTNERS = ("MATCH (a:Problem)-[:SIMILAR_TO]-(b:Problem) WHERE a.notice_id IN $ids "
            "RETURN DISTINCT b.id AS id")


def _has_table(store: GraphStore) -> bool:
    if store.name != "ladybug":
        return True
    return any(row["name"] == LABEL for row in store.query("CALL show_tables() RETURN *"))


def _ensure_table(store: GraphStore) -> None:
    if store.name == "ladybug":
        store.query(LADYBUG_TABLE)


def mark(store: GraphStore, notice_ids: Iterable[str], problem_ids: Iterable[str] = ()) -> None:
    """Record notices to link and problems to relink, in one transaction of its own."""
    notices, problems = sorted(set(notice_ids)), sorted(set(problem_ids))
    if not notices and not problems:
        return
    _ensure_table(store)
    marker = {"id": uuid.uuid4().hex, "notices": notices, "problems": problems}
    store.write(lambda run: run(CREATE, marker))


def mark_batch(store: GraphStore, notices: list[Notice]) -> None:
    """Mark the notices of a batch that will change the store, before they are written."""
    _mark_heads(store, [(n.id, n.source, text_sha(n.text)) for n in notices])


def mark_rows(store: GraphStore, all_rows: list[GraphRows]) -> None:
    """``mark_batch`` of notices given as their graph rows (what ``store.load_rows`` takes)."""
    heads = [rows.nodes["Notice"][0] for rows in all_rows]
    _mark_heads(store, [(head["id"], head["source"], head["sha"]) for head in heads])


def _mark_heads(store: GraphStore, heads: list[tuple[str, str | None, str]]) -> None:
    """Mark the arriving (id, source, sha) that change the store, and the partners they displace."""
    store._ready()  # the Notice table must exist before it is asked about (load_many does the same)
    ids, sources = [head[0] for head in heads], [head[1] for head in heads if head[1] is not None]
    stored = {(row["id"], row["sha"]) for row in store.query(STORED_HEADS, {"ids": ids, "sources": sources})}
    arriving = {(notice_id, sha) for notice_id, _, sha in heads}
    replaced = sorted({notice_id for notice_id, sha in stored if (notice_id, sha) not in arriving})
    partners = [row["id"] for row in store.query(PARTNERS, {"ids": replaced})] if replaced else []
    mark(store, [notice_id for notice_id, sha in arriving if (notice_id, sha) not in stored], partners)


def pending(store: GraphStore) -> list[dict[str, Any]]:
    return store.query(READ) if _has_table(store) else []


def pending_counts(store: GraphStore) -> tuple[int, int]:
    markers = pending(store)
    notices = {n for m in markers for n in m["notices"] or ()}
    problems = {p for m in markers for p in m["problems"] or ()}
    return len(notices), len(problems)


def complete(store: GraphStore) -> LinkReport:
    """Link everything pending; the markers go in the same transaction as the links."""
    markers = pending(store)
    if not markers:
        return LinkReport()
    notices = {n for m in markers for n in m["notices"] or ()}
    problems = {p for m in markers for p in m["problems"] or ()}
    ids = [m["id"] for m in markers]
    return link_similar(store, notices, problems, also=lambda run: _clear(run, ids))


def _clear(run: Run, ids: list[str]) -> None:
    run(DELETE, {"ids": ids})


def delete_notices(store: GraphStore, notice_ids: Iterable[str]) -> LinkReport:
    """Delete notices and relink the problems that were their similarity partners."""
    ids = sorted(set(notice_ids))
    if ids:
        mark(store, [], [row["id"] for row in store.query(PARTNERS, {"ids": ids})])
        for notice_id in ids:
            store.delete_notice(notice_id)
    return complete(store)


def relink_all(store: GraphStore) -> LinkReport:
    """Recompute every link from scratch (a store linked by an older version of the measure)."""
    notices = [row["id"] for row in store.query("MATCH (n:Notice) RETURN n.id AS id")]
    mark(store, notices)
    return complete(store)
