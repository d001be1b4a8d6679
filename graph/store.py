"""The graph store contract, the loading rules both stores share, and the factory.

Contract of a ``GraphStore`` (LadybugStore and Neo4jStore implement it):
- ``open()``/``close()``, or ``with store:``; ``open`` raises ``StoreUnavailable``.
- ``ensure_schema()`` creates the tables or constraints of schema.py if missing and writes the
  problem-type taxonomy (taxonomy_rows.py) (idempotent; ``load`` calls it once).
- ``load(notice) -> "loaded" | "unchanged" | "replaced"``, in one transaction: a notice whose id
  and sha are stored is unchanged; a stored notice with the same id (other sha) or the same
  ``source`` is deleted first (replaced). Any failure rolls the notice back whole and raises
  ``NoticeRejected``.
- ``load_many(notices) -> list[LoadResult]``, one per notice in order: the same graph as calling
  ``load`` on each, faster for notices the store has not seen (one bulk write); a notice that
  fails is reported as ``failed`` with its reason and leaves nothing behind.
  ``load_rows(all_rows)`` is the same for notices already turned into rows (``notice_rows``),
  which ingest builds in its extraction workers.
- ``delete_notice(id) -> bool``: removes the notice, everything it owns and its mentions, and
  prunes Body/Regulation/Person nodes left without relationships.
- Every write path (bulk, one by one, replace, delete) keeps the maintained aggregates of
  aggregates.py exact, in the same transaction.
- ``stats() -> {"nodes": {label: n}, "relationships": {type: n}}`` over every schema label and type.
- ``query(cypher, params) -> list[dict]`` of plain values (see values.py).
- ``read_query(cypher, params, max_rows=None, timeout_s=None)``: the same, inside a read-only
  transaction (a write raises an engine error), at most ``max_rows`` rows; a query still running
  after ``timeout_s`` seconds is stopped and raises ``QueryTimeout``, and the store stays usable.
  readonly.py adds the statement check in front of it.
- ``scalar_query(cypher, params)``: ``query`` without value tidying, for rows of strings and
  numbers only (bulk reads such as the similarity corpus).
- ``write(work)`` runs ``work(run)`` in one write transaction; inside it ``bulk_write(run, rows)``
  writes many new rows by the engine's bulk path.
- ``reset()`` empties the graph and re-creates the schema.
- ``data_version() -> str``: a cheap token that changes whenever the stored notices change
  (caches key on it; a LadybugDB reader reopens when it changes). The default fingerprints the
  stored notice ids and shas; LadybugDB uses its files' size and modification time.
Engines supply ``_transaction``, ``_write_rows``, ``_bulk_write_rows``, ``_run``, ``_read`` and ``reset``.
"""
from __future__ import annotations

import hashlib
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..loaders.records import Notice
from . import aggregates, cypher
from .errors import NoticeRejected, RowsLost, StoreError, StoreUnavailable, one_line
from .rows import GraphRows, notice_rows
from .schema import NODES, RELATIONSHIPS
from .values import plain

Outcome = Literal["loaded", "unchanged", "replaced", "failed"]
Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
DEFAULT_DB = Path("data") / "noticegraph.lbug"
BATCH = 5000
MAX_BATCH_BYTES = 4_000_000


@dataclass(frozen=True)
class LoadResult:
    notice_id: str
    source: str | None
    outcome: Outcome
    reason: str | None = None
    problems: int = 0
    measures: int = 0
    regulations: int = 0


def result_for(rows: GraphRows, outcome: Outcome, reason: str | None = None) -> LoadResult:
    notice = rows.nodes["Notice"][0]
    return LoadResult(notice["id"], notice["source"], outcome, reason, rows.count("Problem"),
                      rows.count("Measure"), rows.count("Regulation"))


def batches(rows: list[dict[str, Any]], max_rows: int = BATCH,
            max_bytes: int = MAX_BATCH_BYTES) -> Iterator[list[dict[str, Any]]]:
    """Consecutive slices of ``rows`` under both limits (a Bolt message must stay under 16 MB)."""
    batch: list[dict[str, Any]] = []
    size = 0
    for row in rows:
        row_size = sum(len(str(value)) for value in row.values()) * 3  # UTF-8: 3 bytes per CJK character
        if batch and (len(batch) == max_rows or size + row_size > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += row_size
    if batch:
        yield batch


def run_batched(run: Run, statement: str, rows: list[dict[str, Any]], expected: bool = True) -> int:
    """Run an UNWIND statement over ``rows`` in batches; check each row was written."""
    written = 0
    for batch in batches(rows):
        count = int(run(statement, {"rows": batch})[0]["n"])
        if expected and count != len(batch):
            raise RowsLost(f"wrote {count} of {len(batch)} rows: {statement.split(' RETURN')[0][:120]}")
        written += count
    return written


class GraphStore(ABC):
    name = "store"

    def __init__(self) -> None:
        self._schema_ready = False

    # -- engine primitives ---------------------------------------------------------------
    @abstractmethod
    def open(self) -> "GraphStore": ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def describe(self) -> str:
        """Which store and where, for messages (never a password)."""

    @abstractmethod
    def ensure_schema(self) -> None: ...

    @abstractmethod
    def reset(self) -> None: ...

    @abstractmethod
    def _run(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement outside any explicit transaction; rows as driver values."""

    @abstractmethod
    def _read(self, statement: str, params: dict[str, Any], max_rows: int | None = None,
              timeout_s: float | None = None) -> list[dict[str, Any]]:
        """Run one statement in a read-only transaction; rows as driver values, at most
        ``max_rows`` of them; past ``timeout_s`` seconds stop it and raise QueryTimeout."""

    @abstractmethod
    def _transaction(self, work: Callable[[Run], Any]) -> Any:
        """Run ``work(run)`` in one write transaction; commit on return, roll back on error."""

    @abstractmethod
    def _write_rows(self, run: Run, rows: GraphRows) -> None:
        """Write the rows of notices the store does not hold (inside a transaction)."""

    def _bulk_write_rows(self, run: Run, rows: GraphRows) -> None:
        self._write_rows(run, rows)

    # -- the contract -------------------------------------------------------------------
    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [plain(row) for row in self._run(statement, params or {})]

    def read_query(self, statement: str, params: dict[str, Any] | None = None, max_rows: int | None = None,
                   timeout_s: float | None = None) -> list[dict[str, Any]]:
        return [plain(row) for row in self._read(statement, params or {}, max_rows, timeout_s)]

    def scalar_query(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """``query`` without the tidying of values.py, for statements returning only strings and
        numbers (both drivers give those as plain values): half the time on 300k rows."""
        return self._run(statement, params or {})

    def write(self, work: Callable[[Run], Any]) -> Any:
        """Run ``work(run)`` in one write transaction: all of it lands, or none of it."""
        return self._transaction(work)

    def bulk_write(self, run: Run, rows: GraphRows) -> None:
        """Inside ``write``: write many new rows by the engine's bulk path (COPY on LadybugDB)."""
        self._bulk_write_rows(run, rows)

    def stats(self) -> dict[str, dict[str, int]]:
        nodes = {n.label: self._count(cypher.count_nodes(n.label)) for n in NODES}
        rels = {r.type: self._count(cypher.count_rels(r.type)) for r in RELATIONSHIPS}
        return {"nodes": nodes, "relationships": rels}

    def data_version(self) -> str:
        rows = self._run("MATCH (n:Notice) RETURN n.id AS id, n.sha AS sha", {})
        digest = hashlib.sha256("\n".join(sorted(f"{r['id']} {r['sha']}" for r in rows)).encode())
        return digest.hexdigest()[:16]

    def _count(self, statement: str) -> int:
        return int(self._run(statement, {})[0]["n"])

    def load(self, notice: Notice) -> Outcome:
        self._ready()
        rows = notice_rows(notice)
        head = rows.nodes["Notice"][0]
        try:
            return self._transaction(lambda run: self._replace_or_write(run, rows))
        except StoreUnavailable:
            raise
        except Exception as error:  # noqa: BLE001 - any engine error rejects this notice
            raise NoticeRejected(head["id"], head["source"], one_line(error)) from error

    def _replace_or_write(self, run: Run, rows: GraphRows) -> Outcome:
        head = rows.nodes["Notice"][0]
        stored = run(cypher.FIND_NOTICES, {"id": head["id"], "source": head["source"]})
        if any(row["id"] == head["id"] and row["sha"] == head["sha"] for row in stored):
            return "unchanged"
        for old_id in sorted({row["id"] for row in stored}):
            self._delete(run, old_id)
        self._write_rows(run, rows)
        aggregates.add_rows(run, rows)
        return "replaced" if stored else "loaded"

    def delete_notice(self, notice_id: str) -> bool:
        self._ready()
        return self._transaction(lambda run: self._delete(run, notice_id))

    def _delete(self, run: Run, notice_id: str) -> bool:
        params = {"id": notice_id}
        aggregates.remove_notice(run, notice_id)
        candidates = {label: [row["id"] for row in run(cypher.mentioned_shared(label), params)]
                      for label in cypher.PRUNABLE_LABELS}
        for type_ in cypher.SHARED_REL_TYPES:
            run(cypher.delete_shared_rels(type_), params)
        deleted = sum(int(run(cypher.delete_owned(label), params)[0]["n"]) for label in cypher.OWNED_DELETE_ORDER)
        for label, ids in candidates.items():
            if ids:
                run(cypher.prune_orphans(label), {"ids": ids})
        return deleted > 0

    def load_many(self, notices: Iterable[Notice]) -> list[LoadResult]:
        """Load many notices: unseen ones in one bulk transaction, the rest one by one."""
        return self.load_rows([notice_rows(notice) for notice in notices])

    def load_rows(self, all_rows: list[GraphRows]) -> list[LoadResult]:
        """``load_many`` of notices given as their ``notice_rows``."""
        self._ready()
        fresh = self._fresh_indexes(all_rows)
        results: dict[int, LoadResult] = {}
        if fresh:
            results.update(self._load_fresh(all_rows, fresh))
        for index, rows in enumerate(all_rows):
            if index not in results:
                results[index] = self._load_rows_one(rows)
        return [results[index] for index in range(len(all_rows))]

    def _fresh_indexes(self, all_rows: list[GraphRows]) -> list[int]:
        """Notices whose id and source are neither stored nor repeated earlier in the batch."""
        heads = [rows.nodes["Notice"][0] for rows in all_rows]
        sources = [head["source"] for head in heads if head["source"] is not None]
        taken_ids = {row["id"] for row in self._run(cypher.EXISTING_NOTICE_IDS, {"ids": [h["id"] for h in heads]})}
        taken_sources = {row["source"] for row in self._run(cypher.EXISTING_SOURCES, {"sources": sources})}
        fresh = []
        for index, head in enumerate(heads):
            if head["id"] not in taken_ids and head["source"] not in taken_sources:
                fresh.append(index)
            taken_ids.add(head["id"])
            if head["source"] is not None:
                taken_sources.add(head["source"])
        return fresh

    def _load_fresh(self, all_rows: list[GraphRows], fresh: list[int]) -> dict[int, LoadResult]:
        joined = GraphRows.concat([all_rows[index] for index in fresh])
        try:
            self._transaction(lambda run: (self._bulk_write_rows(run, joined), aggregates.add_rows(run, joined)))
        except StoreUnavailable:
            raise
        except Exception:  # noqa: BLE001 - one bad notice spoils the batch: retry one by one
            return {index: self._load_rows_one(all_rows[index]) for index in fresh}
        return {index: result_for(all_rows[index], "loaded") for index in fresh}

    def _load_rows_one(self, rows: GraphRows) -> LoadResult:
        try:
            outcome = self._transaction(lambda run: self._replace_or_write(run, rows))
        except StoreUnavailable:
            raise
        except Exception as error:  # noqa: BLE001 - reported per notice
            return result_for(rows, "failed", one_line(error))
        return result_for(rows, outcome)

    def _ready(self) -> None:
        if not self._schema_ready:
            self.ensure_schema()
            self._schema_ready = True


def open_store(store: str | None = None, db: str | os.PathLike[str] | None = None, *,
               uri: str | None = None, user: str | None = None, password: str | None = None,
               database: str | None = None, read_only: bool = False) -> GraphStore:
    """Open LadybugDB (the default) or Neo4j (``store="neo4j"``, or NEO4J_URI set).

    The ladybug file is ``db``, else NOTICEGRAPH_DB, else ./data/noticegraph.lbug. Neo4j
    settings come from the arguments, else NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.
    """
    env = os.environ
    kind = store or ("neo4j" if uri or env.get("NEO4J_URI") else "ladybug")
    if kind == "ladybug":
        from .ladybug_store import LadybugStore
        path = Path(db or env.get("NOTICEGRAPH_DB") or DEFAULT_DB)
        return LadybugStore(path, read_only=read_only).open()
    if kind == "neo4j":
        from .neo4j_store import Neo4jStore
        return Neo4jStore(uri or env.get("NEO4J_URI") or "bolt://localhost:7687",
                          user or env.get("NEO4J_USER") or "neo4j",
                          password if password is not None else env.get("NEO4J_PASSWORD", ""),
                          database or env.get("NEO4J_DATABASE") or "neo4j").open()
    raise StoreError(f"unknown store {kind!r}: use ladybug or neo4j")
