"""The saved recurrence queries (queries/recurring-problem-types, queries/relapses), run unchanged
on both stores: identical rows, the types both samples share, and exactly the relapses planted
in a synthetic corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import SAMPLES, open_test_store

from noticegraph.loaders import extract_file, extract_text
from noticegraph.synth import generate_corpus, planted_relapses

QUERIES = Path(__file__).resolve().parents[1] / "queries"


def saved(name: str) -> tuple[str, dict]:
    """The query text and its parameters' defaults, as the registry would bind them."""
    meta = yaml.safe_load((QUERIES / f"{name}.yaml").read_text("utf-8"))
    return (QUERIES / f"{name}.cypher").read_text("utf-8"), {p["name"]: p.get("default") for p in meta["params"]}


def run_saved(store, name: str, **params) -> list[dict]:
    text, defaults = saved(name)
    rows = store.query(text, defaults | params)
    return [{k: sorted(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows]


@pytest.fixture
def both_stores(request, tmp_path):
    stores = [open_test_store(kind, tmp_path, request) for kind in ("ladybug", "neo4j")]
    stores[1].reset()
    stores[0].ensure_schema()
    yield stores
    for graph in stores:
        graph.close()


@pytest.fixture(scope="module")
def samples():
    return [extract_file(path) for path in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def synthetic():
    corpus = generate_corpus(40, seed=7, relapses=8)
    return corpus, [extract_text(s.text, s.filename) for s in corpus]


def load_all(stores, notices) -> None:
    for graph in stores:
        assert {r.outcome for r in graph.load_many(notices)} == {"loaded"}


def test_recurring_types_over_the_samples(both_stores, samples):
    load_all(both_stores, samples)
    ladybug_rows, neo4j_rows = (run_saved(graph, "recurring-problem-types") for graph in both_stores)
    assert ladybug_rows == neo4j_rows
    per_notice = [{m.concept_id for p in notice.problems for m in p.types} for notice in samples]
    shared = per_notice[0] & per_notice[1]
    assert {"eight-rules", "ideology", "main-responsibility", "cadre-selection",
            "inspection-rectification"} <= shared
    assert {row["type_id"] for row in ladybug_rows} == shared
    names = sorted(notice.issuer.name for notice in samples)
    assert all((row["notices"], row["bodies"], row["rounds"]) == (2, 2, 2) for row in ladybug_rows)
    for row in ladybug_rows:  # the bodies behind a row: the issuers of its detail's notices
        notices = run_saved(both_stores[0], "type-notices", problem_type=row["type_id"])
        assert sorted(n["issuer"] for n in notices) == names
    assert run_saved(both_stores[0], "recurring-problem-types", min_notices=3) == []
    single = run_saved(both_stores[0], "recurring-problem-types", min_notices=1)
    assert {row["type_id"] for row in single} == per_notice[0] | per_notice[1]


def test_relapses_are_exactly_the_planted_ones(both_stores, synthetic):
    corpus, notices = synthetic
    load_all(both_stores, notices)
    ladybug_rows, neo4j_rows = (run_saved(graph, "relapses") for graph in both_stores)
    assert ladybug_rows == neo4j_rows
    planted = planted_relapses(corpus)
    assert len(planted) == 8
    assert {(row["body"], row["type_id"], row["found_again_round"]) for row in ladybug_rows} == planted
    assert len(ladybug_rows) == len(planted)
    assert all(row["completed_round"] < row["found_again_round"] for row in ladybug_rows)


def test_relapses_of_one_type(both_stores, synthetic):
    corpus, notices = synthetic
    load_all(both_stores[:1], notices)
    type_id = sorted(planted_relapses(corpus))[0][1]
    rows = run_saved(both_stores[0], "relapses", type_id=type_id)
    assert rows and {row["type_id"] for row in rows} == {type_id}


def test_the_registry_reads_and_runs_them(both_stores, samples):
    registry = pytest.importorskip("noticegraph.queries.registry")
    queries = registry.load_registry()
    assert {"recurring-problem-types", "relapses"} <= set(queries)
    load_all(both_stores[:1], samples)
    result = registry.run_query(both_stores[0], queries["recurring-problem-types"], {})
    assert [row["type_id"] for row in result.rows] == [row["type_id"] for row in
                                                        run_saved(both_stores[0], "recurring-problem-types")]
    assert registry.run_query(both_stores[0], queries["relapses"], {}).rows == []
