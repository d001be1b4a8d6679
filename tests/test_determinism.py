"""The graph is a function of the set of notices loaded: loading in two parts, in another order,
in other batch sizes, replacing or deleting notices gives exactly the graph (every node,
relationship and property, SIMILAR_TO scores included) of one clean load, on both stores; and
the incrementally maintained SIMILAR_TO set equals similar.similar_pairs computed from scratch."""
from __future__ import annotations

import random

import pytest
from conftest import STORES
from determinism_support import canonical, fresh_store, similar_links, write_corpus

from noticegraph.graph import pending, similar
from noticegraph.graph.ingest import ingest
from noticegraph.graph.similar import READ_PROBLEMS, similar_pairs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"), count=12)


def from_scratch(store) -> list[tuple[str, str, float]]:
    problems = {r["id"]: (r["notice"], r["text"] or "") for r in store.query(READ_PROBLEMS)}
    return similar_pairs(problems)


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

