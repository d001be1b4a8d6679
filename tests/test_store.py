"""The store contract, run on both stores (the ``store`` fixture): counts after every write path."""
from __future__ import annotations

import pytest
from conftest import SMALL_COUNTS, SMALL_TEXT, TAXONOMY_COUNTS, make_notice, perturbed

from noticegraph.graph import NoticeRejected
from noticegraph.graph.errors import RowsLost
from noticegraph.graph.rows import GraphRows, notice_rows
from noticegraph.graph.schema import NODES, RELATIONSHIPS

SMALL_RELS = {
    "ISSUED_BY": 1, "REPORTS_ON": 1, "INSPECTED": 1, "CONDUCTED_BY": 1, "CONTAINS": 2, "RAISED_IN": 2,
    "CONCERNS": 2, "ADDRESSED_BY": 3, "CITES": 3, "ISSUES": 2, "REFERS_TO": 0, "INVOLVES": 3,
    "REPORTS_FIGURE": 2, "MENTIONS": 1, "HOLDS_POST_IN": 1, "HAS_TYPE": 2,
    "BROADER": TAXONOMY_COUNTS["BROADER"], "SIMILAR_TO": 0,
    # the tallies (graph/tallies.py): two problems of one body with two types under two top
    # concepts, one document issued, two figures of two metrics
    "BODY_TYPE": 2, "BODY_TOP_TYPE": 2, "NOTICE_TYPE": 2, "ISSUED_TALLY": 1, "FIGURE_TALLY": 2,
}
# An empty store still holds the taxonomy (ensure_schema writes it).
EMPTY = {"nodes": {n.label: TAXONOMY_COUNTS.get(n.label, 0) for n in NODES},
         "relationships": {r.type: TAXONOMY_COUNTS.get(r.type, 0) for r in RELATIONSHIPS}}


def scaled(counts: dict[str, int], factor: int, shared: tuple[str, ...] = ()) -> dict[str, int]:
    return {k: v if k in shared or k in TAXONOMY_COUNTS else v * factor for k, v in counts.items()}


def snapshot(store) -> list[dict]:
    """Every node with its properties, sorted: two graphs are the same if their snapshots are."""
    rows = store.query("MATCH (n) RETURN n")
    return sorted((row["n"] for row in rows), key=lambda n: (n["_label"], n["id"]))


def test_single_load(store, small_notice):
    assert store.load(small_notice) == "loaded"
    assert store.stats() == {"nodes": SMALL_COUNTS, "relationships": SMALL_RELS}


def test_reload_is_unchanged(store, small_notice):
    store.load(small_notice)
    first = store.stats()
    assert store.load(make_notice()) == "unchanged"
    assert store.stats() == first


def test_changed_text_replaces_and_prunes(store):
    old = make_notice()
    store.load(old)
    new_text = SMALL_TEXT.replace("示例县学习管理办法", "示例县学习制度")
    new = make_notice(new_text, issued="示例县学习制度")
    assert store.load(new) == "replaced"
    assert store.stats() == {"nodes": SMALL_COUNTS, "relationships": SMALL_RELS}
    titles = {row["t"] for row in store.query("MATCH (g:Regulation) RETURN g.title AS t")}
    assert titles == {"中国共产党纪律处分条例", "示例县学习制度"}
    leftovers = store.query("MATCH (n) WHERE n.notice_id = $id RETURN count(n) AS n", {"id": old.id})
    assert leftovers == [{"n": 0}]


def test_same_id_from_other_source_is_unchanged(store, small_notice):
    store.load(small_notice)
    again = make_notice(source="copy/small.txt")
    assert store.load(again) == "unchanged"
    assert store.query("MATCH (n:Notice) RETURN n.source AS s") == [{"s": "small.txt"}]


def test_bulk_load_matches_one_by_one(store):
    notices = [make_notice()] + [perturbed(make_notice(), k) for k in (1, 2)]
    results = store.load_many(notices)
    assert [r.outcome for r in results] == ["loaded"] * 3
    assert [r.problems for r in results] == [2, 2, 2]
    bulk_stats, bulk_nodes = store.stats(), snapshot(store)
    store.reset()
    assert [store.load(n) for n in notices] == ["loaded"] * 3
    assert store.stats() == bulk_stats
    assert snapshot(store) == bulk_nodes
    assert bulk_stats["nodes"] == scaled(SMALL_COUNTS, 3, shared=("Body", "Regulation", "Person"))


def test_bulk_write_path_counts(store):
    """The bulk writer itself (COPY on ladybug), without load_many's one-by-one fallback."""
    notices = [perturbed(make_notice(), k) for k in range(4)]
    store.load(notices[0])  # shared nodes already stored must not be written twice
    joined = GraphRows.concat([notice_rows(n) for n in notices[1:]])
    store._transaction(lambda run: store._bulk_write_rows(run, joined))
    shared = ("Body", "Regulation", "Person")
    assert store.stats() == {"nodes": scaled(SMALL_COUNTS, 4, shared), "relationships": scaled(SMALL_RELS, 4)}


def test_load_many_mixes_outcomes(store):
    store.load(make_notice())
    changed = make_notice(SMALL_TEXT + "补充说明。\n")
    fresh = perturbed(make_notice(), 1)
    results = store.load_many([make_notice(), changed, fresh, fresh])
    assert [r.outcome for r in results] == ["unchanged", "replaced", "loaded", "unchanged"]
    assert store.stats()["nodes"]["Notice"] == 2


def broken_notice():
    """Two problems with the same path: the second Problem row repeats an id, midway through the write."""
    return make_notice(SMALL_TEXT + "损坏。\n", source="broken.txt", paths=("1", "1"))


def test_failed_notice_leaves_nothing(store):
    with pytest.raises(NoticeRejected) as caught:
        store.load(broken_notice())
    assert caught.value.source == "broken.txt" and caught.value.reason
    assert store.stats() == EMPTY


def test_failed_notice_in_a_batch(store):
    good, other = make_notice(), perturbed(make_notice(), 1)
    results = store.load_many([good, broken_notice(), other])
    assert [r.outcome for r in results] == ["loaded", "failed", "loaded"]
    assert "\n" not in results[1].reason
    only_good = store.stats()
    store.reset()
    store.load_many([good, other])
    assert store.stats() == only_good


def test_rows_lost_by_a_write_roll_the_notice_back(store, small_notice):
    """A relationship whose endpoint is missing writes fewer rows than given: caught and rolled back."""
    rows = notice_rows(small_notice)
    rows.rels[("CONCERNS", "Problem", "Body")][0]["dst"] = "no such body"
    with pytest.raises(RowsLost, match="wrote 1 of 2 rows"):
        store._transaction(lambda run: store._write_rows(run, rows))
    assert store.stats() == EMPTY


def test_delete_notice_keeps_shared_nodes_in_use(store):
    first, second = make_notice(), perturbed(make_notice(), 1)
    store.load_many([first, second])
    assert store.delete_notice(first.id) is True
    assert store.stats() == {"nodes": SMALL_COUNTS, "relationships": SMALL_RELS}
    assert store.delete_notice(second.id) is True
    assert store.stats() == EMPTY
    assert store.delete_notice(second.id) is False


def test_text_round_trips_exactly(store):
    text = SMALL_TEXT + "𠀀𪚥 😀 a\u200bb\u00a0c\n"
    notice = make_notice(text)
    store.load(notice)
    assert store.query("MATCH (n:Notice) RETURN n.text AS t, size(n.text) AS n") == [{"t": text, "n": len(text)}]


def test_reset_empties(store, small_notice):
    store.load(small_notice)
    store.reset()
    assert store.stats() == EMPTY
    assert store.load(small_notice) == "loaded"


def test_the_data_version_changes_with_the_stored_notices_only(store, small_notice):
    empty = store.data_version()
    assert store.data_version() == empty
    store.load(small_notice)
    loaded = store.data_version()
    assert loaded != empty and store.data_version() == loaded
    store.delete_notice(small_notice.id)
    assert store.data_version() != loaded
