"""The places run_query answers without running everything, checked against the full runs.

- ``requires``: a query missing a required parameter returns nothing without running; its own
  Cypher must give no rows then either, on both stores.
- The total of a result that came in under its limit is the number of rows, not a second
  query: it must equal what the total query counts.
- ``// when:`` guards: of a union, only the parts that apply run; they must give the rows of
  the whole union, on both stores.
"""
from __future__ import annotations

import pytest
from query_support import REGISTRY, param_variants, sample_stores  # noqa: F401 - fixture

from noticegraph.graph.readonly import run_read_only
from noticegraph.queries.errors import QueryDefinitionError
from noticegraph.queries.params import bind, cypher_parameters
from noticegraph.queries.parts import applicable, guarded_names
from noticegraph.queries.registry import count_total, load_registry, run_parts, run_query
from test_queries_registry import GOOD_CYPHER, GOOD_YAML, write_query

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


def test_a_union_cut_after_its_sort_keeps_the_first_rows_of_the_whole(stores):
    whole = run_query(stores[0], "status-summary", {"limit": 1000}).rows
    assert [row["scope"] for row in whole[:2]] == ["overall", "overall"]
    for graph in stores:
        assert run_query(graph, "status-summary", {"limit": 3}).rows == whole[:3]


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
    ("cut_after_sort: true\n", "cut_after_sort must be true or false, and needs a sort and a limit"),
])
def test_invalid_requirements_are_refused(tmp_path, requires, message):
    with pytest.raises(QueryDefinitionError, match=message):
        load_registry(write_query(tmp_path, GOOD_YAML + requires))


GUARDED = sorted(name for name, query in REGISTRY.items() if guarded_names(query.cypher + (query.total or "")))


def whole(graph, text, bound):
    used = cypher_parameters(text)
    return run_read_only(graph, text, {k: v for k, v in bound.items() if k in used})


def same_rows(pruned, full, is_total):
    """Rows alike (in any order); a total's parts each count, so their sums."""
    if is_total:
        return sum(row["total"] for row in pruned) == sum(row["total"] for row in full)
    return sorted(map(repr, pruned)) == sorted(map(repr, full))


def test_the_union_queries_guard_their_parts():
    assert {"similar-problems", "top-cited-regulations", "overdue-measures", "co-cited-regulations"} <= set(GUARDED)


@pytest.mark.parametrize("name", GUARDED)
def test_the_parts_that_apply_give_the_rows_of_the_whole_union(stores, name):
    query = REGISTRY[name]
    for params in param_variants(stores, query) + EXTRA_PARAMS.get(name, []):
        bound = bind(query, params)
        for graph in stores:
            for text in filter(None, (query.text_for(graph.name), query.total)):
                pruned, full = run_parts(graph, text, bound), whole(graph, text, bound)
                assert same_rows(pruned, full, text == query.total), (name, params, graph.name)


EXTRA_PARAMS = {"top-cited-regulations": [{"from_year": "2020"}, {"to_year": "2030", "rank_by": "notices"}],
                "co-cited-regulations": [{"scope": "notice"}], "status-problems": [{"notice": "all"}]}


@pytest.mark.parametrize("text, bound, kept", [
    ("A\nUNION ALL\n// when: x is null\nB", {"x": None}, "A\nUNION ALL\n// when: x is null\nB"),
    ("A\nUNION ALL\n// when: x is null\nB", {"x": 1}, "A"),
    ("// when: x is given\nA\nUNION ALL\n// when: x is null\nB", {"x": 0}, "// when: x is given\nA"),
    ("// when: a or b is given\nA", {"a": None, "b": "2020"}, "// when: a or b is given\nA"),
    ("// when: a or b is given\nA", {"a": None, "b": None}, None),
    ("// when: scope is 'notice'\nA\nUNION ALL\nB", {"scope": "measure"}, "B"),
])
def test_guards_keep_the_parts_whose_states_hold(text, bound, kept):
    assert applicable(text, bound) == kept


def test_a_guard_naming_an_undeclared_parameter_is_refused(tmp_path):
    cypher = "// when: colour is null\n" + GOOD_CYPHER
    with pytest.raises(QueryDefinitionError, match="guard names undeclared \\['colour'\\]"):
        load_registry(write_query(tmp_path, GOOD_YAML, cypher))
