"""Which alias file is in force (graph/aliases.py current_aliases): NOTICEGRAPH_ALIASES, else
./data/aliases.tsv of the working directory, else none; re-read when the file changes; only
reviewed rows count."""
from __future__ import annotations

import os

import pytest

from noticegraph.graph.aliases import ENV, AliasRow, current_aliases, write_rows

ALIAS, CANONICAL, OTHER = "新区党工委", "中共示例新区工作委员会", "中共另一新区工作委员会"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path, canonical: str, reviewed: bool = True) -> None:
    write_rows(path, [AliasRow(ALIAS, canonical, 90.0, reviewed)])


def test_no_file_means_no_aliases(workdir):
    assert len(current_aliases()) == 0 and current_aliases().resolve(ALIAS) == ALIAS


def test_falls_back_to_data_aliases_tsv_in_the_working_directory(workdir):
    write(workdir / "data" / "aliases.tsv", CANONICAL)
    assert current_aliases().resolve(ALIAS) == CANONICAL


def test_the_environment_names_the_file_first(workdir, monkeypatch):
    write(workdir / "data" / "aliases.tsv", CANONICAL)
    write(workdir / "elsewhere.tsv", OTHER)
    monkeypatch.setenv(ENV, str(workdir / "elsewhere.tsv"))
    assert current_aliases().resolve(ALIAS) == OTHER


def test_a_changed_file_is_read_again(workdir):
    path = workdir / "data" / "aliases.tsv"
    write(path, CANONICAL)
    assert current_aliases().resolve(ALIAS) == CANONICAL
    size = path.stat().st_size
    write(path, OTHER)
    assert path.stat().st_size == size  # the same size: only the modification time tells
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert current_aliases().resolve(ALIAS) == OTHER
    write(path, CANONICAL, reviewed=False)  # a row waiting for review is not applied
    assert current_aliases().resolve(ALIAS) == ALIAS
