"""Ingest over many files: extraction in a process pool gives the same graph as in-process,
and notices load in batches whatever the batch size; the rows the workers build and send
(pickled) give exactly the graph of notices loaded one by one in this process."""
from __future__ import annotations

import pickle

from determinism_support import canonical

from noticegraph.graph import open_store, pending
from noticegraph.graph.ingest import PARALLEL_FROM, Failure, extract, find_notice_files, ingest, prepare
from noticegraph.graph.rows import notice_rows
from noticegraph.synth import generate_corpus, write_corpus


def load_folder(folder, db, **options):
    with open_store("ladybug", db=db) as graph:
        graph.ensure_schema()
        report = ingest(graph, find_notice_files([folder]), **options)
        return report, graph.stats()


def test_pool_extraction_and_batching_change_nothing(tmp_path):
    write_corpus(generate_corpus(PARALLEL_FROM + 5, seed=3), tmp_path / "corpus")
    serial, serial_stats = load_folder(tmp_path / "corpus", tmp_path / "a.lbug", workers=1)
    pooled, pooled_stats = load_folder(tmp_path / "corpus", tmp_path / "b.lbug", workers=2, batch_size=7)
    assert serial.count("loaded") == pooled.count("loaded") == PARALLEL_FROM + 5
    assert serial.failures == pooled.failures == []
    assert [r.notice_id for r in serial.results] == [r.notice_id for r in pooled.results]
    assert serial_stats == pooled_stats
    assert serial.similar == pooled.similar > 0


def test_rows_built_in_the_workers_give_the_graph_of_single_loads(tmp_path):
    write_corpus(generate_corpus(PARALLEL_FROM + 5, seed=4), tmp_path / "corpus")
    files = find_notice_files([tmp_path / "corpus"])
    with open_store("ladybug", db=tmp_path / "pooled.lbug") as pooled:
        report = ingest(pooled, files, workers=2, batch_size=16)
        assert report.count("loaded") == len(files) and not report.failures
        expected = canonical(pooled)
    with open_store("ladybug", db=tmp_path / "single.lbug") as single:
        notices = [extract(path, None) for path in files]
        pending.mark_batch(single, notices)
        assert {single.load(notice) for notice in notices} == {"loaded"}
        pending.complete(single)
        assert canonical(single) == expected


def test_unpickled_rows_equal_the_rows_and_keep_deduplicating(tmp_path):
    write_corpus(generate_corpus(1, seed=4), tmp_path / "corpus")
    rows = prepare(find_notice_files([tmp_path / "corpus"])[0], None)
    copy = pickle.loads(pickle.dumps(rows))
    assert (copy.nodes, copy.rels) == (rows.nodes, rows.rels)
    body = rows.nodes["Body"][0]
    key, rel = next((k, r[0]) for k, r in rows.rels.items() if k[0] == "CONCERNS")
    for graph in (rows, copy):  # a shared node or relationship added again is not repeated
        graph.add_node("Body", id=body["id"], name=body["name"])
        graph.add_rel(key[0], key[1:], rel["src"], rel["dst"], notice_id=rel["notice_id"])
    assert (copy.nodes, copy.rels) == (rows.nodes, rows.rels)


def test_a_notice_whose_rows_cannot_be_built_fails_alone(tmp_path, monkeypatch):
    """A malformed alias file breaks notice_rows (a real failure, no stand-in): each file fails
    with the reason, as an extraction failure would, and the load does not crash."""
    write_corpus(generate_corpus(2, seed=4), tmp_path / "corpus")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("alias\tcanonical\tscore\treviewed\n甲\t乙\tnot-a-number\tyes\n", "utf-8")
    monkeypatch.setenv("NOTICEGRAPH_ALIASES", str(aliases))
    files = find_notice_files([tmp_path / "corpus"])
    outcome = prepare(files[0], None)
    assert isinstance(outcome, Failure) and outcome.reason.startswith("graph rows failed: ValueError")
    with open_store("ladybug", db=tmp_path / "graph.lbug") as graph:
        report = ingest(graph, files, workers=1)
        assert report.count("loaded") == 0 and len(report.failures) == len(files)
    monkeypatch.delenv("NOTICEGRAPH_ALIASES")
    assert notice_rows(extract(files[0], None)).count("Notice") == 1
