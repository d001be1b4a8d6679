"""The saved-query registry without a store: loading, validation, parameter binding, tidying."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from noticegraph.graph.readonly import check_read_only
from noticegraph.queries.errors import ParamError, QueryDefinitionError, UnknownQuery
from noticegraph.queries.model import EVIDENCE, SHAPES
from noticegraph.queries.params import bind, cypher_parameters
from noticegraph.queries.registry import QUERY_DIR, default_registry, load_registry
from noticegraph.queries.results import tidy_rows

REQUIRED = {"top-cited-regulations", "issued-documents", "recurring-problem-types", "problem-types-by-body",
            "unit-problem-links", "bodies-sharing-types", "overdue-measures", "status-summary", "rounds-timeline",
            "figures", "co-cited-regulations", "similar-problems", "relapses", "search-problems"}
REGISTRY = default_registry()


def test_every_required_query_is_there():
    assert REQUIRED <= set(REGISTRY)
    assert all(q.shape in SHAPES and q.title and q.description for q in REGISTRY.values())


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_declared_params_are_exactly_the_params_used(name):
    query = REGISTRY[name]
    declared = {p.name for p in query.params}
    for text in [query.cypher, *query.variants.values()]:
        assert cypher_parameters(text) == declared
    for param in query.params:
        assert param.choices is None or cypher_parameters(param.choices) == set()


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_query_and_choices_query_passes_the_read_only_guard(name):
    query = REGISTRY[name]
    for text in [query.cypher, *query.variants.values(), *(p.choices for p in query.params if p.choices)]:
        check_read_only(text)


def test_parameters_outside_code_are_ignored():
    text = "// $a\nMATCH (n) WHERE n.x = '$b' AND n.y = $c /* $d */ RETURN \"$e\" AS `$f`, $g"
    assert cypher_parameters(text) == {"c", "g"}


# -- binding ------------------------------------------------------------------------------

def test_bind_coerces_strings_to_the_declared_types():
    bound = bind(REGISTRY["similar-problems"], {"problem": "x:p1", "min_score": "0.5", "limit": "7"})
    assert bound == {"problem": "x:p1", "min_score": 0.5, "limit": 7}
    assert bind(REGISTRY["problem-types-by-body"], {"top_level": "yes"})["top_level"] is True
    assert bind(REGISTRY["overdue-measures"], {})["as_of"] == dt.date.today().isoformat()
    assert bind(REGISTRY["overdue-measures"], {"as_of": dt.date(2024, 1, 31)})["as_of"] == "2024-01-31"


def test_empty_values_take_the_default():
    assert bind(REGISTRY["top-cited-regulations"], {"limit": "", "kind": ""}) == {
        "rank_by": "measures", "level": None, "kind": None, "from_year": None, "to_year": None, "limit": 20}


@pytest.mark.parametrize("name, given, message", [
    ("similar-problems", {"limit": "many"}, "limit: 'many' is not a int"),
    ("similar-problems", {"limit": "2.5"}, "is not a int"),
    ("overdue-measures", {"as_of": "2024-02-30"}, "YYYY-MM-DD or today"),
    ("problem-types-by-body", {"top_level": "maybe"}, "is not a bool"),
    ("figures", {"year": "2020"}, "has no parameter year (it takes unit, metric, body, limit)"),
])
def test_bad_values_raise_param_error(name, given, message):
    with pytest.raises(ParamError, match=message.replace("(", r"\(").replace(")", r"\)")):
        bind(REGISTRY[name], given)


def test_unknown_query():
    with pytest.raises(UnknownQuery, match="no saved query 'nope'; there are: bodies-sharing-types"):
        REGISTRY["nope"]


# -- tidying ------------------------------------------------------------------------------

def test_rows_are_tidied_lists_sorted_floats_rounded_lags_added_and_sorted():
    query = REGISTRY["rounds-timeline"]
    rows = [{"inspection_start": "2021-03-31", "inspection_end": "2021-06-18", "feedback": None,
             "published": "2022-04-08", "ids": ["b", "a"], "x": 1 / 3}]
    tidied = tidy_rows(query, rows)[0]
    assert (tidied["inspection_days"], tidied["feedback_days"], tidied["publication_days"]) == (79, None, None)
    assert tidied["ids"] == ["a", "b"] and tidied["x"] == 0.333333


def test_sort_columns_with_directions_and_nulls_last():
    query = REGISTRY["co-cited-regulations"]  # sort: [-count, regulation_a, regulation_b]
    rows = [{"count": 1, "regulation_a": "b", "regulation_b": "c"}, {"count": None, "regulation_a": "a", "regulation_b": "b"},
            {"count": 3, "regulation_a": "z", "regulation_b": "y"}, {"count": 1, "regulation_a": "a", "regulation_b": "d"}]
    assert [r["regulation_a"] + r["regulation_b"] for r in tidy_rows(query, rows)] == ["zy", "ad", "bc", "ab"]


# -- invalid definitions ------------------------------------------------------------------

GOOD_YAML = """name: demo
title: Demo
description: A demo query.
shape: table
params:
  - name: kind
    type: str
    default: null
    description: a kind
"""
GOOD_CYPHER = "MATCH (g:Regulation) WHERE g.kind = $kind OR $kind IS NULL RETURN g.id AS id ORDER BY id"


def write_query(folder: Path, meta: str = GOOD_YAML, cypher: str = GOOD_CYPHER, name: str = "demo") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yaml").write_text(meta, "utf-8")
    (folder / f"{name}.cypher").write_text(cypher, "utf-8")
    return folder


def test_a_good_definition_loads(tmp_path):
    query = load_registry(write_query(tmp_path))["demo"]
    assert (query.name, query.shape, query.params[0].name, query.params[0].default) == ("demo", "table", "kind", None)


def test_a_per_engine_variant_is_used_for_its_engine(tmp_path):
    folder = write_query(tmp_path)
    (folder / "demo.ladybug.cypher").write_text(GOOD_CYPHER.replace("ORDER BY id", "ORDER BY id LIMIT 5"), "utf-8")
    query = load_registry(folder)["demo"]
    assert "LIMIT 5" in query.text_for("ladybug") and "LIMIT" not in query.text_for("neo4j")


@pytest.mark.parametrize("meta, cypher, message", [
    (GOOD_YAML + "colour: red\n", GOOD_CYPHER, "unknown key\\(s\\) colour"),
    (GOOD_YAML.replace("title: Demo\n", ""), GOOD_CYPHER, "missing key\\(s\\) title"),
    (GOOD_YAML.replace("shape: table", "shape: pie"), GOOD_CYPHER, "shape must be one of"),
    (GOOD_YAML.replace("type: str", "type: text"), GOOD_CYPHER, "type must be one of"),
    (GOOD_YAML.replace("default: null", "default: 3"), GOOD_CYPHER, "default 3 is not a str"),
    (GOOD_YAML.replace("name: kind", "name: kind\n    colour: red"), GOOD_CYPHER, "param 1: unknown key"),
    (GOOD_YAML.replace("name: demo", "name: other"), GOOD_CYPHER, "differs from the file name"),
    (GOOD_YAML, GOOD_CYPHER.replace("$kind IS NULL", "$level IS NULL"), "declared parameters \\['kind'\\] differ"),
    (GOOD_YAML, "MATCH (g:Regulation) RETURN g.id AS id", "differ from the \\$params used \\[\\]"),
    (GOOD_YAML + "columns: {colour: id}\n", GOOD_CYPHER, "unknown column hint"),
    (GOOD_YAML + "lags: {days: [a]}\n", GOOD_CYPHER, "lags must map"),
    (GOOD_YAML.replace("default: null", "default: null\n    choices: MATCH (g) WHERE g.x = $y RETURN g.x AS value"),
     GOOD_CYPHER, "choices query of kind takes parameters"),
    ("name: [unclosed", GOOD_CYPHER, "not valid YAML"),
])
def test_invalid_definitions_are_refused(tmp_path, meta, cypher, message):
    with pytest.raises(QueryDefinitionError, match=message):
        load_registry(write_query(tmp_path, meta, cypher))


def test_a_cypher_file_without_metadata_is_refused(tmp_path):
    folder = write_query(tmp_path)
    (folder / "stray.cypher").write_text("RETURN 1 AS x", "utf-8")
    with pytest.raises(QueryDefinitionError, match="stray.cypher: no metadata"):
        load_registry(folder)


def test_the_package_folder_loads_cleanly(tmp_path):
    shutil.copytree(QUERY_DIR, tmp_path / "q", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    assert set(load_registry(tmp_path / "q")) == set(REGISTRY)


# -- the query contract: limits report totals, aggregates have detail queries -------------

def counts_something(query) -> bool:
    return bool({"y", "value"} & set(query.columns))


def returns_its_evidence(query) -> bool:
    """Rows that are items themselves (a similar pair, its score a measure) carry the evidence."""
    return all(f"AS {column}" in query.cypher for column in EVIDENCE)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_a_limited_query_reports_its_total_and_an_aggregate_has_its_detail(name):
    query = REGISTRY[name]
    if query.param("limit"):
        assert query.total, f"{name} takes a limit but declares no total"
    if counts_something(query):
        assert query.detail or returns_its_evidence(query), f"{name} counts things but names no detail query"


def test_a_detail_query_returns_the_evidence_columns():
    for name in {query.detail.query for query in REGISTRY.values() if query.detail}:
        assert returns_its_evidence(REGISTRY[name]), name


def test_detail_binds_row_columns_and_the_aggregates_own_parameters():
    detail = REGISTRY["top-cited-regulations"].detail
    row, bound = {"regulation": "r1", "title": "x"}, {"from_year": "2020", "to_year": None, "limit": 20}
    assert detail.bind(row, bound) == {"regulation": "r1", "from_year": "2020", "to_year": None}


DETAIL_YAML = GOOD_YAML + "detail: {query: demo, params: {kind: kind}}\n"


@pytest.mark.parametrize("meta, message", [
    (GOOD_YAML + "total: ''\n", "total must be a Cypher query"),
    (GOOD_YAML + "total: MATCH (g) WHERE g.x = $limit RETURN count(*) AS total\n", "uses \\['limit'\\]"),
    (GOOD_YAML + "detail: {query: nowhere, params: {kind: kind}}\n", "names 'nowhere', which is not a saved query"),
    (GOOD_YAML + "detail: {query: demo, params: [kind]}\n", "detail params must map"),
    (GOOD_YAML + "detail: {query: demo}\n", "missing key\\(s\\) params"),
    (DETAIL_YAML.replace("{kind: kind}", "{colour: kind}"), "demo has no parameter colour"),
    (DETAIL_YAML.replace("{kind: kind}", "{kind: $colour}"), "demo has no parameter colour"),
    (DETAIL_YAML, "demo takes no limit"),
])
def test_invalid_totals_and_details_are_refused(tmp_path, meta, message):
    with pytest.raises(QueryDefinitionError, match=message):
        load_registry(write_query(tmp_path, meta))
