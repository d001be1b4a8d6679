"""The graph is a function of the set of notices loaded: loading in two parts, in another order,
in other batch sizes, replacing or deleting notices gives exactly the graph (every node,
relationship and property, SIMILAR_TO scores included) of one clean load, on both stores; and
the incrementally maintained SIMILAR_TO set equals similar.similar_pairs computed from scratch,
with each problem's similar_best the best score of the links it heads."""
from __future__ import annotations

import random

import pytest
from cli_support import assert_clean_exit
from click.testing import CliRunner
from conftest import STORES
from determinism_support import canonical, fresh_store, similar_links, write_corpus

from noticegraph.cli import main
from noticegraph.graph import pending, similar
from noticegraph.graph.ingest import ingest
from noticegraph.graph.similar import READ_PROBLEMS, similar_pairs
from noticegraph.queries.registry import run_query


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"), count=12)


def from_scratch(store) -> list[tuple[str, str, float]]:
    """The links computed anew; first, each problem's similar_best checked against the stored links."""
    rows = store.query(READ_PROBLEMS)
    heads: dict[str, float] = {}
    for src, _, score in similar_links(store):
        heads[src] = max(score, heads.get(src, 0.0))
    assert {r["id"]: r["best"] for r in rows} == {r["id"]: heads.get(r["id"]) for r in rows}
    return similar_pairs({r["id"]: (r["notice"], r["text"] or "") for r in rows})


@pytest.fixture(params=STORES)
def kind(request):
    return request.param


def loaded(kind, tmp_path, request, name, *parts, batch_size=500):
    store = fresh_store(kind, tmp_path, request, name)
    for files in parts:
        ingest(store, list(files), batch_size=batch_size, workers=1)
    return store


def test_two_parts_other_orders_and_batches_equal_one_load(kind, corpus, tmp_path, request, monkeypatch):
    with loaded(kind, tmp_path, request, "once.lbug", corpus) as once:
        reference, links = canonical(once), similar_links(once)
        assert links == from_scratch(once) and len(links) > 20
    shuffled = random.Random(7).sample(corpus, len(corpus))
    variants = [("halves", [corpus[6:], corpus[:6]], 500), ("shuffled", [shuffled], 4),
                ("ones", [[path] for path in shuffled[:2]] + [shuffled[2:]], 500)]
    for name, parts, batch_size in variants:
        monkeypatch.setattr(similar, "BULK_FROM", 1 if name == "halves" else 2000)  # both write paths
        with loaded(kind, tmp_path, request, f"{name}.lbug", *parts, batch_size=batch_size) as store:
            assert similar_links(store) == links, name
            assert canonical(store) == reference, name


def test_replacing_and_deleting_notices_keeps_links_exact(kind, corpus, tmp_path, request):
    with loaded(kind, tmp_path, request, "changed.lbug", corpus) as store:
        changed = corpus[3]
        original = changed.read_text("utf-8")
        try:
            changed.write_text(original.replace("整改", "整改落实", 3), "utf-8")
            report = ingest(store, [changed], workers=1)
            assert report.count("replaced") == 1
            assert similar_links(store) == from_scratch(store)
        finally:
            changed.write_text(original, "utf-8")
        ingest(store, [changed], workers=1)
        heads = sorted((r["id"], r["source"]) for r in store.query("MATCH (n:Notice) RETURN n.id AS id, n.source AS source"))
        gone = heads[::4]
        pending.delete_notices(store, [notice_id for notice_id, _ in gone])
        assert similar_links(store) == from_scratch(store)
        remaining = [p for p in corpus if str(p.resolve()) not in {source for _, source in gone}]
        assert len(remaining) == len(corpus) - len(gone)
        final = canonical(store)
    with loaded(kind, tmp_path, request, "clean.lbug", remaining) as clean:
        assert canonical(clean) == final



@pytest.mark.parametrize("limit, min_score", [(1, 0.0), (7, 0.0), (30, 0.0), (500, 0.0), (10, 0.5), (10, 2.0)])
def test_similar_problems_shortlist_gives_the_best_pairs_of_all(kind, corpus, tmp_path, request, limit, min_score):
    """The pairs similar-problems lists without a problem (its shortlist of heads by similar_best)
    are the best ``limit`` of every stored link at or above ``min_score``, ties by ids."""
    with loaded(kind, tmp_path, request, "shortlist.lbug", corpus) as store:
        links = [(a, b, s) for a, b, s in similar_links(store) if s >= min_score]
        expected = sorted(links, key=lambda link: (-link[2], link[0], link[1]))[:limit]
        result = run_query(store, "similar-problems", {"limit": limit, "min_score": min_score})
        assert [(r["problem"], r["similar"], r["score"]) for r in result.rows] == expected
        assert result.total == len(links) and (limit < len(links)) == result.truncated


def test_repair_recount_sets_similar_best_on_a_store_made_without_it(corpus, tmp_path, request):
    with loaded("ladybug", tmp_path, request, "old.lbug", corpus) as store:
        expected = {r["id"]: r["best"] for r in store.query(READ_PROBLEMS)}
        store.query("MATCH (p:Problem) SET p.similar_best = NULL")
    assert any(expected.values())
    result = CliRunner().invoke(main, ["repair", "--recount", "--db", str(tmp_path / "old.lbug")])
    assert_clean_exit(result, 0)
    with fresh_store("ladybug", tmp_path, request, "old.lbug") as store:
        assert {r["id"]: r["best"] for r in store.query(READ_PROBLEMS)} == expected
