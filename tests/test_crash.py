"""Crash safety: what a killed load leaves is completed by the next load or `noticegraph repair`
(the graph then equals a clean load's), `stats` says when something is pending, extraction
workers die with their parent, a second writer is refused clearly while readers go on, and
(slow) bench/chaos.py's SIGKILL trials end with every figure 0 on both stores."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from determinism_support import canonical, fresh_store, write_corpus

from noticegraph.cli import main
from noticegraph.graph import StoreUnavailable, open_store, pending
from noticegraph.graph.ingest import extract, ingest
from noticegraph.loaders.records import Notice


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"), count=6)


def killed_before_linking(store, files):
    """What a load killed between its commit and its linking leaves: the batch written, marked."""
    notices = [n for n in (extract(path, None) for path in files) if isinstance(n, Notice)]
    pending.mark_batch(store, notices)
    store.load_many(notices)


@pytest.mark.parametrize("kind", ["ladybug", "neo4j"])
def test_the_next_load_completes_what_a_killed_one_left(kind, corpus, tmp_path, request):
    with fresh_store(kind, tmp_path, request, "clean.lbug") as clean:
        ingest(clean, corpus, workers=1)
        reference = canonical(clean)
    with fresh_store(kind, tmp_path, request, "killed.lbug") as store:
        ingest(store, corpus[:3], workers=1)
        killed_before_linking(store, corpus[3:])
        assert pending.pending_counts(store) == (len(corpus) - 3, 0)
        assert canonical(store) != reference
        report = ingest(store, corpus, workers=1)
        assert report.count("unchanged") == len(corpus) and report.similar > 0
        assert pending.pending_counts(store) == (0, 0)
        assert canonical(store) == reference


def test_repair_completes_and_stats_says_what_is_pending(corpus, tmp_path):
    db = tmp_path / "graph.lbug"
    with open_store("ladybug", db) as store:
        killed_before_linking(store, corpus)
    runner = CliRunner()
    stats = runner.invoke(main, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and f"pending: similarity links of {len(corpus)} notices" in stats.stderr
    repaired = runner.invoke(main, ["repair", "--db", str(db)])
    assert repaired.exit_code == 0 and f"{len(corpus)} notices and 0 problems were pending" in repaired.output
    assert "pending" not in runner.invoke(main, ["stats", "--db", str(db)]).stderr
    with open_store("ladybug", db, read_only=True) as store:
        assert store.stats()["relationships"]["SIMILAR_TO"] > 0


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_extraction_workers_die_with_a_killed_parent(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import os, time
        from concurrent.futures import ProcessPoolExecutor
        from noticegraph.graph.workers import die_with_parent

        def worker_pid(_):
            time.sleep(0.2)
            return os.getpid()

        if __name__ == "__main__":
            pool = ProcessPoolExecutor(2, initializer=die_with_parent, initargs=(os.getpid(),))
            print(*sorted(set(pool.map(worker_pid, range(8)))), flush=True)
            time.sleep(60)
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers and all(alive(pid) for pid in workers)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 3
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


def test_a_second_writer_is_refused_clearly_while_readers_read(corpus, tmp_path):
    db = tmp_path / "graph.lbug"
    with open_store("ladybug", db) as store:
        ingest(store, corpus[:2], workers=1)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from noticegraph.graph import open_store
        store = open_store("ladybug", {str(db)!r})
        print("open", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreUnavailable, match=f"locked by another writer \\(lock is held by pid {holder.pid}\\)"):
            open_store("ladybug", db)
        with open_store("ladybug", db, read_only=True) as reader:
            assert reader.stats()["nodes"]["Notice"] == 2
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["ladybug", "neo4j"])
def test_chaos_trials_leave_every_figure_zero(kind, tmp_path, request, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    from chaos import run_chaos

    if kind == "neo4j":
        server = request.getfixturevalue("bolt_server")
        for name, value in (("NEO4J_URI", server.uri), ("NEO4J_USER", server.user),
                            ("NEO4J_PASSWORD", server.password), ("NEO4J_DATABASE", server.database)):
            monkeypatch.setenv(name, value)
    report = run_chaos(trials=3, notices=40, seed=4, kind=kind, folder=tmp_path)
    assert report.kills >= 1
    assert {k: v for k, v in report.figures().items() if k != "kills"} == dict.fromkeys(
        ("unopenable", "unopenable_read_only", "half_written", "lost", "differing", "orphans"), 0), report.notes
