"""Loading a file again, through ingest as the CLI does, on both stores.

- same id, other sha (a whitespace-only edit: the id ignores white space, the spans move) →
  ``replaced``, and the graph is exactly what a fresh load of the edited file gives;
- the same source with other content (another id) → ``replaced``, the old notice gone;
- sources are stored as absolute paths, so the same file named from another working
  directory is ``unchanged``, not a second notice;
- ``progress(1)`` is called once per file, failures included.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES

from noticegraph.graph.dump import dump_graph
from noticegraph.graph.ingest import ingest

SEED = SAMPLES / "000_00de51ecc004529a.txt"


def outcomes(report) -> list[str]:
    return [r.outcome for r in report.results] + ["failed"] * len(report.failures)


def notice_rows(store) -> list[dict]:
    return store.query("MATCH (n:Notice) RETURN n.id AS id, n.source AS source, n.sha AS sha ORDER BY id")


def test_a_whitespace_only_edit_replaces_the_notice_and_its_spans(store, tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    assert outcomes(ingest(store, [path])) == ["loaded"]
    before = notice_rows(store)
    path.write_text("\n\n  " + SEED.read_text("utf-8").replace("\n", "\n ", 5), "utf-8")
    assert outcomes(ingest(store, [path])) == ["replaced"]
    after = notice_rows(store)
    assert [r["id"] for r in after] == [r["id"] for r in before] and after[0]["sha"] != before[0]["sha"]
    replaced = dump_graph(store)
    store.reset()
    ingest(store, [path])
    assert dump_graph(store) == replaced  # no stale span, node or relationship left


def test_the_same_source_with_other_content_replaces_the_old_notice(store, tmp_path):
    path = tmp_path / "notice.txt"
    shutil.copy(SEED, path)
    ingest(store, [path])
    old_id = notice_rows(store)[0]["id"]
    shutil.copy(SAMPLES / "003_018ca7894cc5aeb7.txt", path)
    assert outcomes(ingest(store, [path])) == ["replaced"]
    rows = notice_rows(store)
    assert len(rows) == 1 and rows[0]["id"] != old_id and rows[0]["source"] == str(path.resolve())
    assert store.query("MATCH (p:Problem) RETURN count(p) AS n") == [{"n": 14}]


def test_sources_are_absolute_whatever_the_working_directory(store, tmp_path, monkeypatch):
    folder = tmp_path / "notices"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    monkeypatch.chdir(folder)
    assert outcomes(ingest(store, [Path(SEED.name)])) == ["loaded"]
    assert notice_rows(store)[0]["source"] == str((folder / SEED.name).resolve())
    monkeypatch.chdir(tmp_path)
    assert outcomes(ingest(store, [Path("notices") / SEED.name])) == ["unchanged"]
    assert len(notice_rows(store)) == 1


def test_progress_is_called_once_per_file(store, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    calls: list[int] = []
    report = ingest(store, [SEED, tmp_path / "empty.txt", SAMPLES / "003_018ca7894cc5aeb7.txt"],
                    progress=calls.append, batch_size=2)
    assert calls == [1, 1, 1] and outcomes(report) == ["loaded", "loaded", "failed"]
