"""Reads during a load: while real `noticegraph load` processes write a synthetic corpus into a
LadybugDB file, the dashboard's data layer (dashboard/data.py, called as the pages call it) and
`noticegraph stats` / `noticegraph query` subprocesses keep reading it. No read may fail (a
reader open that meets a checkpoint is retried, never surfaced) and the notice counts each reader
sees never shrink and end at the whole corpus. A second load started while one runs is refused
in one clear line and loses nothing: run again afterwards, it loads its files.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from noticegraph.synth import generate_corpus, write_corpus

PARTS, PER_PART = 3, 60  # 180 notices, loaded by one writer process per part, one after another
CLI = str(Path(sys.executable).with_name("noticegraph"))


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(generate_corpus(PARTS * PER_PART, seed=21), root / "all")
    files = sorted((root / "all").glob("*.txt"))
    folders = []
    for index in range(PARTS):
        folder = root / f"part{index}"
        folder.mkdir()
        for path in files[index * PER_PART:(index + 1) * PER_PART]:
            path.rename(folder / path.name)
        folders.append(folder)
    return folders


def writer(db: Path, folders: list[Path]) -> subprocess.Popen:
    """One process that runs `noticegraph load` on each folder in turn."""
    script = ("import subprocess, sys\n"
              "for folder in sys.argv[3:]:\n"
              "    subprocess.run([sys.argv[1], 'load', folder, '--store', 'ladybug', '--db', sys.argv[2]],"
              " check=True, stdout=subprocess.DEVNULL)\n")
    return subprocess.Popen([sys.executable, "-c", script, CLI, str(db), *map(str, folders)],
                            stderr=subprocess.PIPE, text=True)


def data_layer():
    from noticegraph.dashboard import data
    return data


def cli_notices(db: Path, kind: str) -> int:
    if kind == "stats":
        done = cli("stats", "--store", "ladybug", "--db", str(db))
        assert done.returncode == 0, done.stderr
        return int(re.search(r"^\s*Notice\s+(\d+)", done.stdout, re.M).group(1))
    done = cli("query", "notices", "-p", "limit=100000", "--format", "json", "--store", "ladybug", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout))


def non_decreasing(seen: list[int]) -> bool:
    return all(a <= b for a, b in zip(seen, seen[1:]))


def test_reads_during_a_load_never_fail_and_counts_only_grow(parts, tmp_path, monkeypatch):
    db = tmp_path / "graph.lbug"
    first = cli("load", str(parts[0]), "--store", "ladybug", "--db", str(db))
    assert first.returncode == 0, first.stderr
    monkeypatch.setenv("NOTICEGRAPH_STORE", "ladybug")
    monkeypatch.setenv("NOTICEGRAPH_DB", str(db))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    data = data_layer()
    data.st.cache_resource.clear()
    data.st.cache_data.clear()
    seen: dict[str, list[int]] = {"dashboard": [], "stats": [], "query": []}
    errors: list[str] = []
    load = writer(db, parts[1:])
    try:
        while load.poll() is None:
            for kind in seen:
                try:
                    if kind == "dashboard":
                        count = data.stats()["nodes"]["Notice"]
                        assert len(data.run("notices", {"limit": 10_000}).rows) == count
                    else:
                        count = cli_notices(db, kind)
                    seen[kind].append(count)
                except Exception as error:  # noqa: BLE001 - every failure is what the test counts
                    errors.append(f"{kind}: {type(error).__name__}: {error}")
    finally:
        load.wait(timeout=180)
    assert load.returncode == 0, load.stderr.read()
    time.sleep(data.RECHECK_S)  # the data layer looks at the file's version at most once a second
    seen["dashboard"].append(data.stats()["nodes"]["Notice"])
    seen["stats"].append(cli_notices(db, "stats"))
    print(f"\nreads during the load: {', '.join(f'{k} {len(v)}' for k, v in seen.items())}; "
          f"counts seen by the data layer: {sorted(set(seen['dashboard']))}")
    assert errors == []
    assert all(non_decreasing(counts) for counts in seen.values()), seen
    assert all(counts[-1] == PARTS * PER_PART for counts in (seen["dashboard"], seen["stats"]))
    assert len(set(seen["dashboard"])) >= 2, seen["dashboard"]  # it saw the load progress


def test_a_second_load_during_a_load_is_refused_clearly_and_loses_nothing(parts, tmp_path):
    db = tmp_path / "graph.lbug"
    load = writer(db, parts[:-1])
    try:
        while not db.exists() and load.poll() is None:
            time.sleep(0.05)
        refused = None
        while load.poll() is None:
            second = cli("load", str(parts[-1]), "--store", "ladybug", "--db", str(db))
            if second.returncode != 0:
                refused = second
                break
    finally:
        load.wait(timeout=180)
    assert load.returncode == 0, load.stderr.read()
    assert refused is not None, "the second load never met the first"
    message = (refused.stdout + refused.stderr).strip()
    assert refused.returncode == 1 and "locked by another writer" in message and "Traceback" not in message
    assert len(message.splitlines()) == 1, message
    again = cli("load", str(parts[-1]), "--store", "ladybug", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert cli_notices(db, "stats") == PARTS * PER_PART
