"""Ingest over many files: extraction in a process pool gives the same graph as in-process,
and notices load in batches whatever the batch size."""
from __future__ import annotations

from noticegraph.graph import open_store
from noticegraph.graph.ingest import PARALLEL_FROM, find_notice_files, ingest
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
