"""The dashboard's only way to the graph: the store handle, cached saved-query results, the console
and loading.

Contract:
- The store is the one the CLI would open (``noticegraph.graph.open_store``), configured from the
  environment: ``NOTICEGRAPH_STORE`` (ladybug | neo4j), ``NOTICEGRAPH_DB``, ``NEO4J_URI``,
  ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` (``noticegraph dashboard`` passes its
  options through them). A LadybugDB store is opened read-only alongside any writer.
- The handle is cached per configuration (``st.cache_resource``). Each use reads the store's
  ``data_version()``; a LadybugDB reader sees the data of the moment it opened, so when the
  version moved it is reopened. ``LadybugStore(read_only=True).open`` retries opens that meet a
  writer's checkpoint; if the reopen still fails the old reader keeps answering (older data,
  never that error) and the next use tries again. Queries on one handle run one at a time.
- ``run(name, params)`` returns the ``QueryResult`` of a saved query, cached (``st.cache_data``)
  by query name, parameters and data version, so a load shows up without a restart;
  ``detail(result, row)`` runs the query behind one counted row, ``choices(name, param)`` lists
  a parameter's allowed values, ``stats()`` counts nodes and relationships.
- ``console(statement, max_rows, timeout_s)`` runs ad-hoc Cypher through the read-only guard.
- ``load(files, progress)`` ingests uploaded files (name, bytes): the cached reader is closed,
  a writer on the same store ingests them, the caches are cleared.
Errors are raised as they come (StoreError, QueryError); pages turn them into messages.
"""
from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from ..graph import open_store
from ..graph.errors import StoreUnavailable
from ..graph.ingest import IngestReport, ingest
from ..graph.readonly import Rows, run_read_only
from ..queries.registry import default_registry, param_choices, run_detail, run_query
from ..queries.results import QueryResult

STORE_ENV = "NOTICEGRAPH_STORE"
UPLOADS_ENV = "NOTICEGRAPH_UPLOADS"
RECHECK_S = 1.0


def store_options() -> tuple[tuple[str, str | None], ...]:
    """Which store to open, from the environment (never the password: open_store reads it)."""
    env = os.environ
    return (("store", env.get(STORE_ENV) or None), ("db", env.get("NOTICEGRAPH_DB") or None),
            ("uri", env.get("NEO4J_URI") or None), ("database", env.get("NEO4J_DATABASE") or None))


@dataclass
class Handle:
    options: tuple[tuple[str, str | None], ...]
    store: Any = None
    version: str | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)

    def open(self) -> Any:
        return open_store(read_only=True, **dict(self.options))

    checked: float = 0.0

    def current(self) -> Any:
        """The open store, reopened first if it is a LadybugDB reader whose data changed (the
        version is read at most once per ``RECHECK_S``: one page run asks many times)."""
        if self.store is None:
            self.store = self.open()
            self.version, self.checked = self.store.data_version(), time.monotonic()
            return self.store
        if time.monotonic() - self.checked < RECHECK_S:
            return self.store
        version, self.checked = self.store.data_version(), time.monotonic()
        if version == self.version:
            return self.store
        if self.store.name == "ladybug":
            self._reopen()
        else:
            self.version = version
        return self.store

    def _reopen(self) -> None:
        try:
            fresh = self.open()
        except StoreUnavailable:
            return  # a writer is checkpointing: keep the old reader, try again next time
        old, self.store, self.version = self.store, fresh, fresh.data_version()
        old.close()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        self.store, self.version = None, None


@st.cache_resource(show_spinner=False)
def _handle(options: tuple[tuple[str, str | None], ...]) -> Handle:
    return Handle(options)


def handle() -> Handle:
    return _handle(store_options())


@contextmanager
def store() -> Iterator[Any]:
    """The current store, held for one read (queries on one handle run one at a time)."""
    shared = handle()
    with shared.lock:
        yield shared.current()


def version() -> str:
    with store() as graph:
        return handle().version or graph.data_version()


def describe() -> str:
    with store() as graph:
        return graph.describe()


def registry():
    return default_registry()


@st.cache_data(show_spinner=False, max_entries=1000)
def _run(name: str, params_json: str, data_version: str, options: tuple) -> QueryResult:
    with store() as graph:
        return run_query(graph, name, json.loads(params_json))


def run(name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """A saved query's result, cached by name, parameters and data version."""
    given = {k: v for k, v in (params or {}).items() if v is not None and v != ""}
    return _run(name, json.dumps(given, sort_keys=True, ensure_ascii=False, default=str), version(),
                store_options())


def detail(result: QueryResult, row: Mapping[str, Any], limit: int | None = None) -> QueryResult:
    """The items behind one row of ``result`` (its query's detail), cached like ``run``."""
    spec = result.query.detail
    if spec is None:
        with store() as graph:
            return run_detail(graph, result, row)  # raises UnknownQuery: no detail
    params = spec.bind(row, result.params)
    if limit is not None:
        params["limit"] = limit
    return run(spec.query, params)


@st.cache_data(show_spinner=False, max_entries=500)
def _choices(name: str, param: str, data_version: str, options: tuple) -> list[Any]:
    with store() as graph:
        return param_choices(graph, registry()[name].param(param))


def choices(name: str, param: str) -> list[Any]:
    return _choices(name, param, version(), store_options())


@st.cache_data(show_spinner=False, max_entries=50)
def _stats(data_version: str, options: tuple) -> dict[str, dict[str, int]]:
    with store() as graph:
        return graph.stats()


def stats() -> dict[str, dict[str, int]]:
    return _stats(version(), store_options())


def console(statement: str, params: Mapping[str, Any] | None = None, max_rows: int = 1000,
            timeout_s: float = 20.0) -> Rows:
    """Ad-hoc Cypher through the read-only guard, with a row cap and a time limit (not cached)."""
    with store() as graph:
        return run_read_only(graph, statement, dict(params or {}), max_rows=max_rows, timeout_s=timeout_s)


def uploads_folder() -> Path:
    """Where uploaded files are kept (their path is the notice's source: re-uploading replaces)."""
    configured = os.environ.get(UPLOADS_ENV)
    if configured:
        return Path(configured)
    db = dict(store_options()).get("db")
    return Path(db).resolve().parent / "uploads" if db else Path(tempfile.gettempdir()) / "noticegraph-uploads"


def load(files: list[tuple[str, bytes]], progress: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest uploaded files into the dashboard's store with a writer; the caches are cleared."""
    folder = uploads_folder()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in files:
        path = folder / Path(name).name
        path.write_bytes(content)
        paths.append(path)
    shared = handle()
    with shared.lock:
        shared.close()  # one process may not hold a reader and a writer on one LadybugDB file
        try:
            with open_store(**dict(shared.options)) as writer:
                return ingest(writer, paths, progress=progress)
        finally:
            st.cache_data.clear()
