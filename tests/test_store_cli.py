"""The load, stats and reset commands on both stores, through click's CliRunner and real files."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from cli_support import assert_clean_exit
from conftest import SAMPLES

from noticegraph.cli import main
from noticegraph.graph import open_store

NOT_A_NOTICE = "今天天气很好,我们去公园散步。这是一段普通的日记,写的是周末的见闻和一家小店的面条。\n" * 3


@pytest.fixture(params=["ladybug", "neo4j"])
def cli_store(request, tmp_path):
    """(arguments, environment) that point the CLI at an empty store of each kind."""
    if request.param == "ladybug":
        return ["--db", str(tmp_path / "cli.lbug")], {"NEO4J_URI": None}
    server = request.getfixturevalue("bolt_server")
    with open_store("neo4j", uri=server.uri, user=server.user, password=server.password,
                    database=server.database) as graph:
        graph.reset()
    args = ["--store", "neo4j", "--uri", server.uri, "--user", server.user, "--database", server.database]
    return args, {"NEO4J_PASSWORD": server.password}


def run(args, env, input=None):
    return CliRunner().invoke(main, args, env=env, input=input)


def stats_json(cli_store) -> dict:
    args, env = cli_store
    result = run(["stats", "--json", *args], env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def samples_folder(tmp_path):
    folder = tmp_path / "notices"
    shutil.copytree(SAMPLES, folder)
    return folder


def test_load_folder_with_bad_files(cli_store, tmp_path):
    folder = samples_folder(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "nested").mkdir()
    (folder / "nested" / "diary.md").write_text(NOT_A_NOTICE, "utf-8")
    args, env = cli_store
    result = run(["load", str(folder), *args], env)
    assert_clean_exit(result, 1)
    failed = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(failed) == 3
    assert all(name in result.stderr for name in ("empty.txt", "binary.txt", "diary.md"))
    nodes = stats_json(cli_store)["nodes"]
    assert (nodes["Notice"], nodes["Round"], nodes["Problem"]) == (2, 2, 54)


def test_stats_identical_between_loads_and_stores(cli_store, tmp_path):
    folder = samples_folder(tmp_path)
    args, env = cli_store
    assert run(["load", str(folder), *args], env).exit_code == 0
    first = stats_json(cli_store)
    second_load = run(["load", str(folder), *args], env)
    assert second_load.exit_code == 0 and "unchanged" in second_load.stdout
    assert stats_json(cli_store) == first
    reference = tmp_path / "reference.lbug"
    assert run(["load", str(folder), "--db", str(reference)], {"NEO4J_URI": None}).exit_code == 0
    assert stats_json((["--db", str(reference)], {"NEO4J_URI": None})) == first


def test_reset_asks_unless_yes(cli_store, tmp_path):
    args, env = cli_store
    run(["load", str(samples_folder(tmp_path)), *args], env)
    declined = run(["reset", *args], env, input="n\n")
    assert_clean_exit(declined, 1)
    assert stats_json(cli_store)["nodes"]["Notice"] == 2
    assert run(["reset", "--yes", *args], env).exit_code == 0
    nodes = stats_json(cli_store)["nodes"]
    assert nodes.pop("ProblemType") > 0  # the taxonomy stays
    assert set(nodes.values()) == {0}
