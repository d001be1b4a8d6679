"""The graph in a Neo4j database (or any Bolt server speaking Neo4j 5 Cypher), official driver.

Contract: ``Neo4jStore(uri, user, password, database).open()`` connects and runs ``RETURN 1`` on
the database; an unreachable server, a refused login or a missing database raises
``StoreUnavailable`` naming the URI (credentials removed), user and database, never the
password. ``ensure_schema`` creates one unique constraint on ``id`` per label
(``IF NOT EXISTS``; on ArcadeDB create them while the database is empty). Each notice is one
``session.execute_write`` running the UNWIND batches of cypher.py (shared nodes MERGEd on their
id); ``read_query`` is one ``execute_read`` in a READ_ACCESS session, with the time limit as
its transaction timeout and a wait bounded by it (``QueryTimeout``), reading at most ``max_rows``. Every query names the
database (``database_``), as ArcadeDB requires.
"""
from __future__ import annotations

import itertools
import re
import threading
from urllib.parse import urlsplit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
import neo4j.exceptions as neo4j_errors

from . import cypher
from .errors import QueryTimeout, StoreUnavailable, one_line
from .rows import GraphRows
from .schema import NODES, SHARED_LABELS
from .store import GraphStore, Run, run_batched
from .taxonomy_rows import write_taxonomy

UNREACHABLE = (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, neo4j_errors.AuthError,
               neo4j_errors.ConfigurationError)
_USERINFO = re.compile(r"//[^@/]*@")
_SOCKET_REASON = re.compile(r"\(reason (.+)\)\s*$", re.S)
TIMEOUT_GRACE_S = 0.2
BOLT_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


def safe_uri(uri: str) -> str:
    """The URI without any ``user:password@`` part."""
    return _USERINFO.sub("//", uri)


def constraint_statement(label: str) -> str:
    return (f"CREATE CONSTRAINT noticegraph_{label.lower()}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE")


def record_dict(record: neo4j.Record) -> dict[str, Any]:
    return dict(record.items())


class Neo4jStore(GraphStore):
    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        super().__init__()
        self.uri, self.user, self.database = uri, user, database
        self._password = password
        self._driver: neo4j.Driver | None = None

    def __repr__(self) -> str:
        return f"Neo4jStore({safe_uri(self.uri)!r}, user={self.user!r}, database={self.database!r})"

    def describe(self) -> str:
        return self.where()

    def where(self) -> str:
        return f"Neo4j at {safe_uri(self.uri)} (database {self.database}, user {self.user})"

    def open(self) -> "Neo4jStore":
        if urlsplit(self.uri).scheme not in BOLT_SCHEMES:
            raise StoreUnavailable(f"cannot reach {self.where()}: not a Bolt URI (use bolt:// or neo4j://)")
        if _USERINFO.search(self.uri):
            raise StoreUnavailable(f"cannot reach {self.where()}: credentials in the URI are not used; "
                                   "set NEO4J_USER and NEO4J_PASSWORD")
        with self._unavailable("cannot reach", opening=True):
            self._driver = neo4j.GraphDatabase.driver(self.uri, auth=(self.user, self._password),
                                                      connection_timeout=10, max_transaction_retry_time=5)
            with self._session() as session:
                session.run("RETURN 1").consume()
        return self

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    @contextmanager
    def _unavailable(self, what: str, opening: bool = False) -> Iterator[None]:
        """Turn connection failures (and, when opening, bad URIs or databases) into StoreUnavailable."""
        try:
            yield
        except Exception as error:
            if not (isinstance(error, UNREACHABLE) or opening and _is_bad_target(error)):
                raise
            self.close()
            raise StoreUnavailable(f"{what} {self.where()}: {failure_reason(error, self._password)}") from None

    def _session(self, access_mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        if self._driver is None:
            raise StoreUnavailable(f"{self.where()} is not open")
        return self._driver.session(database=self.database, default_access_mode=access_mode)

    def _run(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._unavailable("lost connection to"), self._session() as session:
            return [record_dict(record) for record in session.run(statement, params or {})]

    def _read(self, statement: str, params: dict[str, Any], max_rows: int | None = None,
              timeout_s: float | None = None) -> list[dict[str, Any]]:
        """A READ_ACCESS session and ``execute_read``: a Neo4j cluster routes it to a reader and
        Neo4j refuses writes in it (ArcadeDB does not enforce it: readonly.py checks first).
        A time limit is sent as the transaction timeout (Neo4j stops the query) and also kept
        here (ArcadeDB ignores transaction timeouts: see ``_within``)."""
        @neo4j.unit_of_work(timeout=timeout_s)
        def in_transaction(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record_dict(record) for record in itertools.islice(tx.run(statement, params), max_rows)]

        def read() -> list[dict[str, Any]]:
            with self._unavailable("lost connection to"), self._session(neo4j.READ_ACCESS) as session:
                try:
                    return session.execute_read(in_transaction)
                except neo4j_errors.ClientError as error:
                    if timeout_s and "timeout" in f"{error.code} {error.message}".lower():
                        raise QueryTimeout(timeout_s) from None
                    raise
        return read() if timeout_s is None else _within(read, timeout_s)

    def _transaction(self, work: Callable[[Run], Any]) -> Any:
        def in_transaction(tx: neo4j.ManagedTransaction) -> Any:
            return work(lambda statement, params: [record_dict(r) for r in tx.run(statement, params)])

        with self._unavailable("lost connection to"), self._session() as session:
            return session.execute_write(in_transaction)

    def ensure_schema(self) -> None:
        for node in NODES:
            self._run(constraint_statement(node.label))
        self._transaction(lambda run: write_taxonomy(run, typed=False))
        self._schema_ready = True

    def reset(self) -> None:
        while self._run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n")[0]["n"]:
            pass
        self.ensure_schema()

    def _write_rows(self, run: Run, rows: GraphRows) -> None:
        for label, table in rows.nodes.items():
            statement = cypher.merge_nodes(label) if label in SHARED_LABELS else cypher.create_nodes(label)
            run_batched(run, statement, table)
        for (type_, from_label, to_label), table in rows.rels.items():
            run_batched(run, cypher.create_rels(type_, from_label, to_label), table)


def _within(work: Callable[[], Any], timeout_s: float) -> Any:
    """``work()`` in a worker thread, waited for ``timeout_s`` seconds (plus a grace moment for
    the server's own timeout to arrive); past that raise QueryTimeout and stop waiting. A server
    that ignores transaction timeouts (ArcadeDB) finishes the query on its own connection while
    the store goes on answering on others."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["rows"] = work()
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name="neo4j-read", daemon=True)
    worker.start()
    worker.join(timeout_s + TIMEOUT_GRACE_S)
    if worker.is_alive():
        raise QueryTimeout(timeout_s)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["rows"]


def failure_reason(error: Exception, password: str) -> str:
    """Why the server could not be used, in a few words, without the password."""
    if isinstance(error, neo4j_errors.AuthError):
        return "authentication failed"
    socket_reason = _SOCKET_REASON.search(str(error))
    if isinstance(error, neo4j_errors.ServiceUnavailable) and socket_reason:
        return one_line(socket_reason.group(1), password)
    message = getattr(error, "message", None) or str(error)
    return one_line(message, password)


def _is_bad_target(error: Exception) -> bool:
    """A malformed URI, or a database the server does not have."""
    if isinstance(error, ValueError):
        return True
    message = f"{getattr(error, 'code', '')} {getattr(error, 'message', '')}".lower()
    return isinstance(error, neo4j_errors.ClientError) and "database" in message and (
        "not found" in message or "notfound" in message or "does not exist" in message)
