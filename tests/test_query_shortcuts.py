"""The two places run_query answers without running everything, checked against the full runs.

- ``requires``: a query missing a required parameter returns nothing without running; its own
  Cypher must give no rows then either, on both stores.
- The total of a result that came in under its limit is the number of rows, not a second
  query: it must equal what the total query counts.
"""
from __future__ import annotations

import pytest
from query_support import REGISTRY, param_variants, sample_stores  # noqa: F401 - fixture

from noticegraph.graph.readonly import run_read_only
from noticegraph.queries.errors import QueryDefinitionError
from noticegraph.queries.params import bind
from noticegraph.queries.registry import count_total, load_registry, run_query
from test_queries_registry import GOOD_YAML, write_query

REQUIRING = sorted(name for name, query in REGISTRY.items() if query.requires)
COUNTED = sorted(name for name, query in REGISTRY.items() if query.total)


def test_the_detail_and_lookup_queries_declare_what_they_require():
    assert {"cell-problems", "regulation-citations", "status-problems", "search-problems",
            "notice-text", "unit-problem-links"} <= set(REQUIRING)


@pytest.mark.parametrize("name", REQUIRING)
def test_a_query_missing_what_it_requires_gives_nothing_either_way(stores, name):
    query = REGISTRY[name]
    bound = bind(query, {})
    assert any(all(bound[p] is None for p in item) for item in query.requires)
    for graph in stores:
        result = run_query(graph, query)
        assert (result.rows, result.total) == ([], 0 if query.total else None)
        assert run_read_only(graph, query.text_for(graph.name), bound) == [], (name, graph.name)


@pytest.mark.parametrize("name", COUNTED)
def test_a_total_taken_from_the_rows_equals_the_total_query(stores, name):
    query = REGISTRY[name]
    for params in param_variants(stores, query):
        for graph in stores:
            result = run_query(graph, query, params)
            if result.rows or not query.requires:
                assert result.total == count_total(graph, query, result.params), (name, params, graph.name)


def test_a_limit_of_rows_makes_run_query_count_with_the_total_query(stores):
    ladybug = stores[0]
    full = run_query(ladybug, "notices", {"limit": 1000})
    cut = run_query(ladybug, "notices", {"limit": 1})
    assert len(full.rows) == full.total == 2
    assert (len(cut.rows), cut.total, cut.truncated) == (1, 2, True)


@pytest.mark.parametrize("requires, message", [
    ("requires: [colour]\n", "undeclared parameter\\(s\\) colour"),
    ("requires: kind\n", "requires must list parameter names"),
    ("requires: [[]]\n", "requires must list parameter names"),
])
def test_invalid_requirements_are_refused(tmp_path, requires, message):
    with pytest.raises(QueryDefinitionError, match=message):
        load_registry(write_query(tmp_path, GOOD_YAML + requires))
