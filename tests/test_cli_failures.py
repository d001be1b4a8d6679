"""An unexpected extractor failure (a bug, not a bad file) fails that file with a one-line
report and the run carries on, for ``extract`` and ``load``.

No input is known to crash the extractor (tests/test_extract_fuzz.py looks for one), so the bug
is planted: the real extractor, wrapped to raise on one file name. Everything else is real.
"""
from __future__ import annotations

import json

import pytest
from cli_support import assert_clean_exit
from click.testing import CliRunner
from conftest import SAMPLES

import noticegraph.cli
import noticegraph.graph.ingest
from noticegraph.cli import main
from noticegraph.loaders import extract_file

BROKEN = "003_018ca7894cc5aeb7.txt"


def planted_bug(path, *args, **kwargs):
    if str(path).endswith(BROKEN):
        raise KeyError("planted extractor bug")
    return extract_file(path, *args, **kwargs)


@pytest.fixture
def broken_extractor(monkeypatch):
    monkeypatch.setattr(noticegraph.cli, "extract_file", planted_bug)
    monkeypatch.setattr(noticegraph.graph.ingest, "extract_file", planted_bug)


def test_extract_reports_the_bug_in_one_line_and_carries_on(broken_extractor):
    files = [str(SAMPLES / BROKEN), str(SAMPLES / "000_00de51ecc004529a.txt")]
    result = CliRunner().invoke(main, ["extract", *files, "--json"])
    assert_clean_exit(result, 1)
    assert result.stderr.splitlines() == [
        f"error: {files[0]}: extraction failed: KeyError: 'planted extractor bug'"]
    assert [n["notice"]["issuer"] for n in json.loads(result.stdout)] == ["中共大连普湾经济区工作委员会"]


def test_load_reports_the_bug_in_one_line_and_loads_the_rest(broken_extractor, tmp_path):
    db = tmp_path / "g.lbug"
    result = CliRunner().invoke(main, ["load", str(SAMPLES), "--db", str(db)], env={"NEO4J_URI": None})
    assert_clean_exit(result, 1)
    assert result.stderr.splitlines() == [
        f"failed: {SAMPLES / BROKEN}: extraction failed: KeyError: 'planted extractor bug'"]
    stats = CliRunner().invoke(main, ["stats", "--json", "--db", str(db)], env={"NEO4J_URI": None})
    assert json.loads(stats.stdout)["nodes"]["Notice"] == 1
