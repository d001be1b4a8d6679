"""The embedded default: the graph in one LadybugDB file (PyPI ``ladybug``, Kùzu's successor).

Contract: ``LadybugStore(path).open()`` opens or creates the database file (parent folders
made as needed); a file locked by another writer, or one that cannot be created, raises
``StoreUnavailable``. Tables come from schema.py (``CREATE … IF NOT EXISTS``; columns added to
older tables with ``ALTER TABLE … ADD IF NOT EXISTS``). Each notice is written in one
``BEGIN TRANSACTION … COMMIT`` with the UNWIND statements of cypher.py; the bulk path COPYs
Arrow tables (owned nodes, shared nodes not yet stored, relationships) in one transaction, their
columns in the stored table's order.
``read_only=True`` opens for reading alongside a writer: a failed open is retried for up to
``READER_PATIENCE_S`` (a checkpoint in progress, see ENGINES.md); one that fails because an interrupted write awaits recovery
("checkpoint recovery pending" after a SIGKILL) opens the file read-write once to recover it when
no writer holds the lock, then reads; otherwise it says in one line what to run. A second
writer is refused at once, naming the pid that holds the lock.
``read_query`` runs in ``BEGIN TRANSACTION READ ONLY``, bounded by ``set_query_timeout`` when
given a time limit (``QueryTimeout``), reading at most ``max_rows`` rows.
A writer's buffer pool is bounded when NOTICEGRAPH_BUFFER_POOL_MB says so (``noticegraph load``
sets ``LOAD_POOL_MB``), so a load's memory does not grow with the database (LadybugDB's default
is ~80 % of RAM, and a writer keeps the pages it wrote); other opens keep the default (a bounded
pool makes a runaway query fail on memory before its time limit stops it). Not smaller than 512 MB: a
50,000-notice load with 256 MB (batches of 2,000) died of SIGSEGV in ladybug holding 24,418
notices, i.e. 12 bulk batches and 418 notices of the 13th loaded one by one: its bulk write had
failed (a full pool, presumably: the pool fills during a 10,000 load already). With 512 MB and
batches of 1,500 the 50,000 load died the same way at 48,424 notices (32 batches + 424), the
tree at 2.08 GB: not solved, see docs/benchmarks.md.
Every bulk commit checkpoints (a reader opening on a WAL holding commits not yet checkpointed
crashes, measured with ladybug 0.22), so ingest keeps its batches large. After a transaction that
wrote by the bulk path the writer reopens the database: ladybug 0.22 keeps ~200 MB outside the
buffer pool per 1,000-notice COPY until the database is closed (measured: 884 → 1,100 MB over
two batches without reopening, 887 → 896 MB with), so a long load would grow without bound.
Only a committed bulk transaction reopens: reopening after one that rolled back made a later
statement crash (SIGSEGV in tests/test_store.py::test_failed_notice_in_a_batch).
"""
from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from . import cypher
from .errors import QueryTimeout, StoreUnavailable, one_line
from .rows import GraphRows
from .schema import (DOUBLE, INT64, NODE_BY_LABEL, NODES, REL_BY_TYPE, RELATIONSHIPS, SHARED_LABELS, STRINGS,
                     Prop, node_table_ddl, rel_table_ddl)
from .store import GraphStore, Run, run_batched
from .taxonomy_rows import write_taxonomy

READER_PATIENCE_S = 30.0  # a reader retries this long while a writer checkpoints (busy machines: seconds)
LOAD_POOL_MB = 512
ARROW_TYPES = {INT64: pa.int64(), DOUBLE: pa.float64(), STRINGS: pa.list_(pa.string())}
_RECOVERY = re.compile(r"recovery (?:is )?pending|WAL checksum|Reading past the end", re.I)
_INTERRUPTED = re.compile(r"\bInterrupted\b|timeout", re.I)
_LOCKED = re.compile(r"Could not set lock on file.*?(\(Lock is held by PID \d+\))?\s*\(Error", re.S)


def arrow_table(props: tuple[Prop, ...], rows: list[dict[str, Any]], ends: bool = False) -> pa.Table:
    """The rows as an Arrow table with the schema's columns (``from``/``to`` first for a
    relationship), built column by column (a third faster than ``from_pylist``)."""
    columns = [(p.name, p.name, ARROW_TYPES.get(p.type, pa.string())) for p in props]
    if ends:
        columns = [("from", "src", pa.string()), ("to", "dst", pa.string()), *columns]
    arrays = [pa.array([row[key] for row in rows], type=type_) for _, key, type_ in columns]
    return pa.Table.from_arrays(arrays, schema=pa.schema([pa.field(name, type_) for name, _, type_ in columns]))


def first_rows(result: Any, max_rows: int | None) -> list[dict[str, Any]]:
    """The rows of a ladybug result as dicts, at most ``max_rows`` of them."""
    rows = result.rows_as_dict()
    if max_rows is None:
        return list(rows.get_all())
    out = []
    while len(out) < max_rows and rows.has_next():
        out.append(rows.get_next())
    return out


def writer_pool_bytes() -> int:
    """The buffer pool of a read-write open: NOTICEGRAPH_BUFFER_POOL_MB, else 0 (the engine's default)."""
    return int(os.environ.get("NOTICEGRAPH_BUFFER_POOL_MB") or 0) * 1024 * 1024


def unavailable_reason(path: Path, error: Exception) -> str:
    message = str(error)
    lock = _LOCKED.search(message)
    if lock:
        holder = (lock.group(1) or "").strip("()").lower()
        return f"LadybugDB database {path} is locked by another writer{' (' + holder + ')' if holder else ''}"
    return f"cannot open LadybugDB database {path}: {one_line(error)}"


class LadybugStore(GraphStore):
    name = "ladybug"

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        super().__init__()
        self.path, self.read_only = Path(path), read_only
        self._db: ladybug.Database | None = None
        self._conn: ladybug.Connection | None = None
        self._bulk_written = False

    def __repr__(self) -> str:
        return f"LadybugStore({str(self.path)!r})"

    def describe(self) -> str:
        return f"LadybugDB database {self.path}"

    def open(self) -> "LadybugStore":
        if self.read_only and not self.path.exists():
            raise StoreUnavailable(f"no LadybugDB database at {self.path} (load some notices first)")
        deadline = time.monotonic() + (READER_PATIENCE_S if self.read_only else 0.0)
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._connect()
            except (RuntimeError, OSError) as error:
                self.close()
                if self.read_only and _RECOVERY.search(str(error)) and time.monotonic() < deadline and self._recover():
                    continue  # the interrupted write is recovered: open for reading again
                if time.monotonic() >= deadline or _LOCKED.search(str(error)):
                    raise StoreUnavailable(self._failure(error)) from None
                time.sleep(min(0.2 * attempt, 1.0))  # a reader may meet a writer's checkpoint: retry

    def _recover(self) -> bool:
        """Open read-write once, which replays an interrupted checkpoint, when no writer holds
        the file; False when one does (that writer recovers it: the reader retries)."""
        try:
            ladybug.Database(str(self.path), read_only=False).close()
        except (RuntimeError, OSError) as error:
            if _LOCKED.search(str(error)):
                return False
            raise StoreUnavailable(f"{self.describe()} needs recovery after an interrupted write and it failed "
                                   f"({one_line(error)}): run `noticegraph repair --db {self.path}`") from None
        return True

    def _failure(self, error: Exception) -> str:
        if _RECOVERY.search(str(error)):
            return (f"{self.describe()} is being recovered by a writer after an interrupted write: "
                    f"try again shortly, or run `noticegraph repair --db {self.path}` once the writer is gone")
        return unavailable_reason(self.path, error)

    def _connect(self) -> "LadybugStore":
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        pool = 0 if self.read_only else writer_pool_bytes()
        self._db = ladybug.Database(str(self.path), read_only=self.read_only, buffer_pool_size=pool)
        self._conn = ladybug.Connection(self._db)
        return self

    def data_version(self) -> str:
        """Size and modification time of the database file and its WAL: no query, so a reader
        can tell the data changed without reopening."""
        stamps = []
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            with contextlib.suppress(OSError):
                stat = path.stat()
                stamps.append(f"{stat.st_size}.{stat.st_mtime_ns}")
        return "-".join(stamps)

    def close(self) -> None:
        for handle in (self._conn, self._db):
            if handle is not None:
                handle.close()
        self._conn = self._db = None

    def _run(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if self._conn is None:
            raise StoreUnavailable(f"LadybugDB database {self.path} is not open")
        result = self._conn.execute(statement, params or {})
        return list(result.rows_as_dict().get_all())

    def _read(self, statement: str, params: dict[str, Any], max_rows: int | None = None,
              timeout_s: float | None = None) -> list[dict[str, Any]]:
        """``BEGIN TRANSACTION READ ONLY``: LadybugDB refuses any write inside it. A time limit is
        the connection's query timeout (the engine interrupts the query), reset afterwards."""
        if self._conn is None:
            raise StoreUnavailable(f"LadybugDB database {self.path} is not open")
        self._run("BEGIN TRANSACTION READ ONLY")
        self._conn.set_query_timeout(int(timeout_s * 1000) if timeout_s else 0)
        try:
            rows = first_rows(self._conn.execute(statement, params or {}), max_rows)
        except BaseException as error:
            self._rollback()
            if timeout_s and _INTERRUPTED.search(str(error)):
                raise QueryTimeout(timeout_s) from None
            raise
        finally:
            self._conn.set_query_timeout(0)
        self._run("COMMIT")
        return rows

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts as in GraphStore.stats; a table not created yet counts 0 (read-only opens)."""
        tables = {row["name"] for row in self._run("CALL show_tables() RETURN *")}
        nodes = {n.label: self._count(cypher.count_nodes(n.label)) if n.label in tables else 0 for n in NODES}
        rels = {r.type: self._count(cypher.count_rels(r.type)) if r.type in tables else 0 for r in RELATIONSHIPS}
        return {"nodes": nodes, "relationships": rels}

    def ensure_schema(self) -> None:
        for node in NODES:
            self._run(node_table_ddl(node))
            self._add_missing_columns(node.label, node.props)
        for rel in RELATIONSHIPS:
            self._run(rel_table_ddl(rel))
            self._add_missing_columns(rel.type, rel.props)
        self._transaction(lambda run: write_taxonomy(run, typed=True))
        self._schema_ready = True

    def _add_missing_columns(self, table: str, props: tuple[Prop, ...]) -> None:
        present = {row["name"] for row in self._run(f"CALL table_info('{table}') RETURN *")}
        for prop in props:
            if prop.name not in present:
                self._run(f"ALTER TABLE {table} ADD IF NOT EXISTS {prop.name} {prop.type}")

    def reset(self) -> None:
        tables = self._run("CALL show_tables() RETURN *")
        for kind in ("REL", "NODE"):
            for table in tables:
                if table["type"] == kind:
                    self._run(f"DROP TABLE {table['name']}")
        self._schema_ready = False
        self.ensure_schema()

    def _transaction(self, work: Callable[[Run], Any]) -> Any:
        self._run("BEGIN TRANSACTION")
        try:
            result = work(self._run)
        except BaseException:
            self._bulk_written = False
            self._rollback()
            raise
        self._run("COMMIT")
        if self._bulk_written:
            self._reopen()
        return result

    def _reopen(self) -> None:
        """Close and reopen the database: frees what the engine holds after bulk writes."""
        self._bulk_written = False
        self.close()
        try:
            self._connect()
        except (RuntimeError, OSError) as error:
            self.close()
            raise StoreUnavailable(self._failure(error)) from None

    def _rollback(self) -> None:
        try:
            self._run("ROLLBACK")
        except RuntimeError:
            pass  # ladybug has already rolled back a transaction whose statement failed

    def _write_rows(self, run: Run, rows: GraphRows) -> None:
        for label, table in rows.nodes.items():
            shared = label in SHARED_LABELS
            statement = (cypher.create_missing_nodes if shared else cypher.create_nodes)(label, typed=True)
            run_batched(run, statement, table, expected=not shared)
        for (type_, from_label, to_label), table in rows.rels.items():
            run_batched(run, cypher.create_rels(type_, from_label, to_label, typed=True), table)

    def _bulk_write_rows(self, run: Run, rows: GraphRows) -> None:
        """COPY from Arrow: owned nodes, shared nodes not yet stored, then relationships."""
        self._bulk_written = True
        for label, table in rows.nodes.items():
            if label in SHARED_LABELS:
                table = self._unstored(run, label, table)
            self._copy(label, arrow_table(NODE_BY_LABEL[label].props, table))
        for (type_, from_label, to_label), table in rows.rels.items():
            data = arrow_table(REL_BY_TYPE[type_].props, table, ends=True)
            self._copy(type_, data, f" (from='{from_label}', to='{to_label}')")

    def _unstored(self, run: Run, label: str, table: list[dict[str, Any]]) -> list[dict[str, Any]]:
        stored = {row["id"] for row in run(cypher.existing_ids(label), {"ids": [r["id"] for r in table]})}
        return [row for row in table if row["id"] not in stored]

    def _copy(self, table: str, data: pa.Table, options: str = "") -> None:
        """COPY matches columns by position: order them as the table has them (a column added
        to an older store by ``ALTER TABLE … ADD`` comes last, wherever schema.py puts it)."""
        if data.num_rows:
            ends = [name for name in ("from", "to") if name in data.column_names]
            data = data.select([*ends, *self._columns(table)])
            self._run(f"COPY {table} FROM $data{options}", {"data": data})

    def _columns(self, table: str) -> list[str]:
        return [row["name"] for row in self._run(f"CALL table_info('{table}') RETURN *")]
