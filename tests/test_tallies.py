"""The per-notice tallies (graph/tallies.py) that the type queries read: the rows a load writes
equal the tallies the rebuild's own Cypher counts from the stored problems, after bulk loads,
single loads, a replace and a delete, on both stores; they depend on the set of notices only;
and `noticegraph repair --recount` rebuilds them on a database that lacks them."""
from __future__ import annotations

from cli_support import assert_clean_exit
from click.testing import CliRunner
from conftest import SAMPLES, open_test_store
from test_aggregates import corpus_notices, edited, loaded_both_ways

from noticegraph.cli import main
from noticegraph.graph import tallies
from noticegraph.graph.rows import notice_rows
from noticegraph.loaders import extract_text


def assert_rebuild_agrees(graph) -> dict[str, list[tuple]]:
    loaded = tallies.stored(graph)
    graph.write(tallies.rebuild)
    assert tallies.stored(graph) == loaded and loaded["BODY_TYPE"]
    return loaded


def test_tallies_equal_the_counts_from_the_problems_through_every_write(store):
    notices = corpus_notices(10)
    store.load_many(notices[:6])
    assert_rebuild_agrees(store)
    for notice in notices[6:]:
        store.load(notice)
    assert_rebuild_agrees(store)
    assert store.load(edited(notices[0], "修订稿")) == "replaced"
    assert_rebuild_agrees(store)
    assert store.delete_notice(notices[1].id)
    rebuilt = assert_rebuild_agrees(store)
    tallied = {row[2] for type_ in tallies.TALLY_TYPES for row in rebuilt[type_]}  # (src, dst, notice_id, …)
    assert repr(notices[1].id) not in tallied and repr(notices[2].id) in tallied


def test_a_sample_notices_tallies_count_its_problems_by_type_and_status():
    notice = extract_text((SAMPLES / "000_00de51ecc004529a.txt").read_text("utf-8"), "000.txt")
    rows = notice_rows(notice)
    problems = rows.nodes["Problem"]
    top = rows.rels[("BODY_TOP_TYPE", "Body", "ProblemType")]
    typed = {r["src"] for r in rows.rels[("HAS_TYPE", "Problem", "ProblemType")]}
    completed = {p["id"] for p in problems if p["status"] == "completed"}
    assert sum(r["problems"] for r in rows.rels[("NOTICE_TYPE", "Notice", "ProblemType")]) == \
        len(rows.rels[("HAS_TYPE", "Problem", "ProblemType")])
    assert sum(r["problems"] for r in top) >= len(typed) and {r["round_start"] for r in top} == {"2019-11-01"}
    assert sum(r["completed"] for r in top) >= len(completed & typed) > 0


def test_tallies_depend_on_the_set_of_notices_not_the_order(request, tmp_path):
    with loaded_both_ways(request, tmp_path, corpus_notices(10)) as (first, second):
        assert tallies.stored(first) == tallies.stored(second)


def test_repair_recount_rebuilds_missing_tallies(request, tmp_path):
    db = tmp_path / "old.lbug"
    graph = open_test_store("ladybug", tmp_path, request, "old.lbug")
    graph.load_many(corpus_notices(4))
    expected = tallies.stored(graph)
    for type_ in tallies.TALLY_TYPES:
        graph.query(f"MATCH ()-[c:{type_}]->() DELETE c")
    graph.query("MATCH (n:Notice) SET n.problems = NULL, n.statuses = NULL")
    assert not any(tallies.stored(graph)[type_] for type_ in tallies.TALLY_TYPES)
    graph.close()
    result = CliRunner().invoke(main, ["repair", "--recount", "--db", str(db)])
    assert_clean_exit(result, 0)
    assert "tallies and best similarity scores rebuilt" in result.output
    reopened = open_test_store("ladybug", tmp_path, request, "old.lbug")
    assert tallies.stored(reopened) == expected
    reopened.close()


def test_a_notice_row_names_the_statuses_of_its_problems_sorted():
    """Seed 000: 29 completed, 10 in progress, 1 partly done; seed 003 states no status at all."""
    for name, names in (("000_00de51ecc004529a", ["completed", "in_progress", "partial"]), ("003_018ca7894cc5aeb7", ["unstated"])):
        notice = extract_text((SAMPLES / f"{name}.txt").read_text("utf-8"), f"{name}.txt")
        head = notice_rows(notice).nodes["Notice"][0]
        assert (head["status_names"], head["statuses"]) == (names, len(names))
