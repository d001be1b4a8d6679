"""The issue's bar on the library: both samples give 2 notices, 2 rounds, 54 problems on both
stores, with identical stats between the stores and between a first and a second load, and
query results of one shape."""
from __future__ import annotations

import pytest
from conftest import SAMPLES, open_test_store

from noticegraph.loaders import extract_file


@pytest.fixture
def both_stores(request, tmp_path):
    stores = [open_test_store(kind, tmp_path, request) for kind in ("ladybug", "neo4j")]
    stores[1].reset()
    yield stores
    for graph in stores:
        graph.close()


@pytest.fixture(scope="module")
def sample_notices():
    return [extract_file(path) for path in sorted(SAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("source", ["extractor", "gold"])
def test_samples_give_the_same_graph_on_both_stores(both_stores, sample_notices, gold_notices, source):
    notices = sample_notices if source == "extractor" else gold_notices
    first = []
    for graph in both_stores:
        assert [r.outcome for r in graph.load_many(notices)] == ["loaded", "loaded"]
        first.append(graph.stats())
    assert first[0] == first[1]
    nodes = first[0]["nodes"]
    assert (nodes["Notice"], nodes["Round"], nodes["Problem"]) == (2, 2, 54)
    for graph in both_stores:
        assert [r.outcome for r in graph.load_many(notices)] == ["unchanged", "unchanged"]
        assert graph.stats() == first[0]


SAME_SHAPE_QUERIES = [
    ("MATCH (n:Notice)-[r:ISSUED_BY]->(b:Body) RETURN n.id AS id, r, b ORDER BY id", {}),
    ("MATCH (n:Notice)-[:CONTAINS]->(p:Problem) RETURN n.id AS id, sum(p.ordinal) AS total, "
     "count(p) AS problems ORDER BY id", {}),
    ("MATCH (g:Regulation)<-[:CITES]-(n:Notice) RETURN g.kind AS kind, count(DISTINCT n) AS notices "
     "ORDER BY kind", {}),
    ("MATCH (p:Problem) WHERE p.deadline >= $month RETURN p.id AS id, p.deadline AS deadline ORDER BY id",
     {"month": "2020-06"}),
    ("MATCH (f:Figure) WHERE f.unit = $unit RETURN f.key AS key, f.value AS value ORDER BY key", {"unit": "万元"}),
    ("MATCH (r:Round) RETURN r ORDER BY r.id", {}),
]


@pytest.mark.parametrize("statement, params", SAME_SHAPE_QUERIES)
def test_queries_return_one_shape(both_stores, gold_notices, statement, params):
    for graph in both_stores:
        graph.load_many(gold_notices)
    ladybug_rows, neo4j_rows = (graph.query(statement, params) for graph in both_stores)
    assert ladybug_rows == neo4j_rows
    assert ladybug_rows
