"""The maintained aggregates (graph/aggregates.py) equal the same counts computed from scratch after
bulk loads, one-by-one loads, a replace and a delete, on both stores, whatever the load order."""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager

from conftest import open_test_store

from noticegraph.graph import aggregates
from noticegraph.graph.ids import notice_id
from noticegraph.loaders import extract_text
from noticegraph.synth import generate_corpus


def corpus_notices(count: int = 12, seed: int = 3):
    return [extract_text(s.text, s.filename) for s in generate_corpus(count, seed=seed)]


def assert_exact(graph) -> dict[str, tuple[int, int]]:
    counts = aggregates.maintained(graph)
    assert counts == aggregates.from_scratch(graph) and counts
    return counts


def edited(notice, marker: str):
    """The same source with other text: loading it replaces the stored notice."""
    text = notice.text.replace("《中国共产党章程》", "", 1) + f"\n{marker}\n"
    return dataclasses.replace(extract_text(text, notice.source), source=notice.source, id=notice_id(text))


def test_aggregates_stay_exact_through_loads_a_replace_and_a_delete(store):
    notices = corpus_notices()
    store.load_many(notices[:8])
    assert_exact(store)
    for notice in notices[8:]:
        store.load(notice)
    assert_exact(store)
    replacement = edited(notices[0], "修订稿")
    assert store.load(replacement) == "replaced"
    assert_exact(store)
    assert store.delete_notice(notices[1].id)
    assert_exact(store)


@contextmanager
def loaded_both_ways(request, tmp_path, notices):
    """Two LadybugDB stores holding ``notices``: one bulk-loaded, one loaded one by one backwards."""
    first = open_test_store("ladybug", tmp_path, request, "a.lbug")
    second = open_test_store("ladybug", tmp_path, request, "b.lbug")
    try:
        first.load_many(notices)
        for notice in reversed(notices):
            second.load(notice)
        yield first, second
    finally:
        first.close()
        second.close()


def test_aggregates_depend_on_the_set_of_notices_not_the_order(request, tmp_path):
    with loaded_both_ways(request, tmp_path, corpus_notices()) as (first, second):
        assert assert_exact(first) == assert_exact(second)


def test_recount_repairs_stale_aggregates(store):
    store.load_many(corpus_notices(6))
    expected = assert_exact(store)
    store.query("MATCH (g:Regulation) SET g.cited_measures = 0, g.cited_notices = NULL")
    assert aggregates.maintained(store) != expected
    store.write(aggregates.recount)
    assert aggregates.maintained(store) == expected
