"""The Load page on both stores: several uploaded files in different formats and encodings are
loaded with a writer into the dashboard's store, each file's outcome (or error) is listed, and
the other pages show the new data without a restart (their caches key on the data version)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from dashboard_support import loaded_env, page, texts

from noticegraph.dashboard.data import RECHECK_S

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(params=["ladybug", "neo4j"])
def env(request, tmp_path):
    """A store holding one sample notice; the app has not opened it yet."""
    return loaded_env(request.param, request, tmp_path, files=[sorted(SAMPLES.glob("*.txt"))[0]])


def uploads() -> list[tuple[str, bytes, str]]:
    second = sorted(SAMPLES.glob("*.txt"))[1]
    return [(second.name, second.read_text("utf-8").encode("gb18030"), "text/plain"),
            ("bureau_table_2020.html", (FIXTURES / "bureau_table_2020.html").read_bytes(), "text/html"),
            ("empty.txt", b"", "text/plain")]


def test_uploaded_files_load_with_an_outcome_each_and_show_up_on_the_other_pages(env, monkeypatch):
    before = page(monkeypatch, env, "Overview")
    assert {m.label: m.value for m in before.metric}["Notice"] == "1"
    app = page(monkeypatch, env, "Load")
    app.get("file_uploader")[0].set_value(uploads())
    app.run()
    app.button(key="load").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert "2 loaded or replaced, 0 unchanged, 1 failed" in texts(app)
    table = app.dataframe[0].value
    outcomes = dict(zip(table["file"].map(lambda f: f.rsplit("/", 1)[-1]), table["outcome"]))
    assert outcomes == {"003_018ca7894cc5aeb7.txt": "loaded", "bureau_table_2020.html": "loaded", "empty.txt": "failed"}
    assert "empty file" in table.loc[table["outcome"] == "failed", "error"].iloc[0]
    after = page(monkeypatch, env, "Overview")
    assert {m.label: m.value for m in after.metric}["Notice"] == "3"
    again = page(monkeypatch, env, "Load")
    again.get("file_uploader")[0].set_value(uploads()[:1])
    again.run()
    again.button(key="load").click().run()
    assert "0 loaded or replaced, 1 unchanged, 0 failed" in texts(again)


def test_a_load_by_another_process_shows_up_without_a_restart(tmp_path, request, monkeypatch):
    """The app's LadybugDB reader sees the data of the moment it opened: it reopens when the
    data version moves (a CLI load in another process, while the dashboard runs)."""
    env = loaded_env("ladybug", request, tmp_path, files=[sorted(SAMPLES.glob("*.txt"))[0]])
    assert {m.label: m.value for m in page(monkeypatch, env, "Overview").metric}["Notice"] == "1"
    cli = Path(sys.executable).with_name("noticegraph")
    subprocess.run([str(cli), "load", str(sorted(SAMPLES.glob("*.txt"))[1]), "--db", env["NOTICEGRAPH_DB"]],
                   check=True, capture_output=True, timeout=300)
    time.sleep(RECHECK_S + 0.1)
    assert {m.label: m.value for m in page(monkeypatch, env, "Overview").metric}["Notice"] == "2"
