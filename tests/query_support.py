"""Helpers for the saved-query tests: a corpus loaded into both stores, and runs compared between them."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, open_test_store

from noticegraph.graph.ingest import ingest
from noticegraph.queries.model import SavedQuery
from noticegraph.queries.registry import default_registry, param_choices, run_detail, run_query

REGISTRY = default_registry()
CHOICES_PER_PARAM = 3


def loaded_pair(request, folder: Path, files: list[Path]) -> list[Any]:
    """[ladybug, neo4j], both holding the notices of ``files`` (loaded as the CLI loads them)."""
    stores = [open_test_store(kind, folder, request) for kind in ("ladybug", "neo4j")]
    stores[1].reset()
    for graph in stores:
        report = ingest(graph, files)
        assert not report.failures, report.failures
    assert stores[0].stats() == stores[1].stats()
    return stores


@pytest.fixture(scope="module", name="stores")
def sample_stores(request, tmp_path_factory):
    """[ladybug, neo4j] holding the two sample notices, for a whole test module."""
    pair = loaded_pair(request, tmp_path_factory.mktemp("samples"), sorted(SAMPLES.glob("*.txt")))
    yield pair
    for graph in pair:
        graph.close()


def is_ordered(query: SavedQuery) -> bool:
    """Whether the rows come in a defined order: a registry sort, or ORDER BY in the last part."""
    last_part = re.split(r"\bUNION\b", query.cypher)[-1]
    return bool(query.sort) or (" UNION " not in f" {query.cypher} " and "ORDER BY" in last_part)


def rows_on_both(stores: list[Any], name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The rows of one saved query, asserted identical on both stores (in order when ordered)."""
    query = REGISTRY[name]
    ladybug_rows, neo4j_rows = (run_query(graph, query, params).rows for graph in stores)
    if not is_ordered(query):
        ladybug_rows, neo4j_rows = (sorted(rows, key=repr) for rows in (ladybug_rows, neo4j_rows))
    assert ladybug_rows == neo4j_rows, (name, params)
    return ladybug_rows


def param_variants(stores: list[Any], query: SavedQuery) -> list[dict[str, Any]]:
    """Defaults, then each parameter set to a few of its allowed values (the same on both stores)."""
    variants: list[dict[str, Any]] = [{}]
    for param in query.params:
        choices = [param_choices(graph, param) for graph in stores]
        assert choices[0] == choices[1], (query.name, param.name)
        variants += [{param.name: value} for value in choices[0][:CHOICES_PER_PARAM]]
    return variants


def check_all_queries(stores: list[Any], extra: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Every saved query under every variant returns the same rows on both stores; row counts by query."""
    counts = {}
    for name, query in REGISTRY.items():
        total = 0
        for params in param_variants(stores, query) + extra.get(name, []):
            rows = rows_on_both(stores, name, params)
            named = {*query.columns.values(), *(c.lstrip("-") for c in query.sort),
                     *(c for pair in query.lags.values() for c in pair)}
            assert all(named <= set(row) for row in rows), (name, "hints, sort or lags name missing columns")
            total += len(rows)
        counts[name] = counts.get(name, 0) + total
    for name, query in REGISTRY.items():
        if query.detail:
            counts[query.detail.query] += sum(details_on_both(stores, name, params)
                                              for params in [{}] + extra.get(name, []))
    return counts


def details_on_both(stores: list[Any], name: str, params: dict[str, Any]) -> int:
    """The details of the first rows of one aggregate, asserted identical on both stores; rows seen."""
    results = [run_query(graph, name, params) for graph in stores]
    seen = 0
    for row in results[0].rows[:CHOICES_PER_PARAM]:
        ladybug_rows, neo4j_rows = (run_detail(graph, result, row).rows for graph, result in zip(stores, results))
        assert ladybug_rows == neo4j_rows, (name, params, row)
        seen += len(ladybug_rows)
    return seen
