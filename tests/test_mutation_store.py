"""graph/store.py's open_store, batches and load_many, checked where the store tests let mutants through.

A store name that comes from outside (a command line, an environment variable) is an equal
string, not the interned literal: ``kind is "ladybug"`` would not recognise it; a name that is
neither store is refused (and creates no file). The Neo4j case runs against the test Bolt
server (tests/conftest.py). Batches count bytes from zero in each batch; a notice given twice
in one ``load_many`` (same text, another file name) is loaded once, the second copy unchanged;
a file name already stored, or repeated in one ``load_many``, with a new text replaces the older
notice. The Bolt settings come from the arguments before the environment (the tests of them
avoid the word "neo4j" in their names: mutation/store.toml deselects the ``neo4j`` cases).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import SMALL_TEXT, make_notice

from noticegraph.graph import open_store
from noticegraph.graph.errors import RowsLost, StoreError, StoreUnavailable
from noticegraph.graph.store import batches, run_batched


def spelled(*parts: str) -> str:
    return "".join(parts)  # equal to the literal, never the same object


def test_a_ladybug_store_named_at_run_time(tmp_path):
    with open_store(spelled("lady", "bug"), tmp_path / "graph.lbug") as graph:
        assert graph.name == "ladybug" and graph.path == tmp_path / "graph.lbug"


def test_a_bolt_store_named_at_run_time_defaults_its_database(bolt_server, monkeypatch):
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    with open_store(spelled("neo", "4j"), uri=bolt_server.uri, user=bolt_server.user,
                    password=bolt_server.password) as graph:
        assert graph.name == "neo4j" and graph.database == "neo4j"
        assert graph.query("RETURN 1 AS one") == [{"one": 1}]


def test_batches_fill_up_to_the_byte_cap_exactly():
    rows = [{"v": "x"}, {"v": "y"}, {"v": "z"}]  # 3 bytes each (3 per character)
    assert list(batches(rows, max_rows=10, max_bytes=6)) == [rows[:2], rows[2:]]
    assert list(batches(rows, max_rows=2, max_bytes=100)) == [rows[:2], rows[2:]]
    assert list(batches([], max_rows=2)) == []


def test_batches_start_each_batch_from_zero_bytes():
    rows = [{"v": str(n)} for n in range(5)]  # 3 bytes each: two fit under 8, a third does not
    assert list(batches(rows, max_rows=10, max_bytes=8)) == [rows[:2], rows[2:4], rows[4:]]
    assert list(batches(rows[:4], max_rows=10, max_bytes=6)) == [rows[:2], rows[2:4]]  # exactly full twice


def test_an_unknown_store_kind_is_refused(tmp_path):
    for kind in ("zzz", "arcade"):  # after "neo4j" and before "ladybug" in the alphabet
        with pytest.raises(StoreError, match=f"unknown store '{kind}': use ladybug or neo4j"):
            open_store(kind, tmp_path / "graph.lbug")
    assert not (tmp_path / "graph.lbug").exists()


def test_a_notice_repeated_in_a_batch_is_loaded_first_and_unchanged_after(tmp_path, small_notice):
    renamed = dataclasses.replace(small_notice, source="renamed.txt")  # same text, so the same id
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        assert [r.outcome for r in graph.load_many([small_notice, renamed])] == ["loaded", "unchanged"]
        assert graph.query("MATCH (n:Notice) RETURN n.source AS source") == [{"source": "small.txt"}]


def test_rows_lost_names_the_statement_before_its_return(tmp_path):
    statement = "UNWIND $rows AS r WITH r WHERE r.v > 1 RETURN count(*) AS n"
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        with pytest.raises(RowsLost, match=r"^wrote 1 of 2 rows: UNWIND \$rows AS r WITH r WHERE r.v > 1$"):
            graph.write(lambda run: run_batched(run, statement, [{"v": 1}, {"v": 2}]))


BOLT_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def without_bolt_environment(monkeypatch, tmp_path):
    """No Bolt settings in the environment; the default database file under ``tmp_path``."""
    for name in BOLT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NOTICEGRAPH_DB", str(tmp_path / "graph.lbug"))


def test_bolt_settings_given_as_arguments_need_no_environment(bolt_server, monkeypatch, tmp_path):
    without_bolt_environment(monkeypatch, tmp_path)
    with open_store(uri=bolt_server.uri, user=bolt_server.user, password=bolt_server.password) as graph:
        assert (graph.name, graph.uri, graph.user, graph.database) == (
            "neo4j", bolt_server.uri, bolt_server.user, "neo4j")
        assert graph.query("RETURN 1 AS one") == [{"one": 1}]
    assert not (tmp_path / "graph.lbug").exists()


def test_bolt_settings_come_from_the_environment(bolt_server, monkeypatch, tmp_path):
    without_bolt_environment(monkeypatch, tmp_path)
    monkeypatch.setenv("NEO4J_URI", bolt_server.uri)
    monkeypatch.setenv("NEO4J_USER", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    with open_store() as graph:
        assert (graph.name, graph.uri, graph.user) == ("neo4j", bolt_server.uri, bolt_server.user)
        assert graph.query("RETURN 1 AS one") == [{"one": 1}]
    assert not (tmp_path / "graph.lbug").exists()


def test_query_and_scalar_query_pass_their_parameters(tmp_path):
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        assert graph.query("RETURN $x AS x", {"x": 7}) == [{"x": 7}]
        assert graph.scalar_query("RETURN $x AS x", {"x": "seven"}) == [{"x": "seven"}]
        assert graph.read_query("RETURN $x AS x", {"x": 7.5}) == [{"x": 7.5}]


def stored_notices(graph) -> list[dict]:
    return graph.query("MATCH (n:Notice) RETURN n.id AS id, n.source AS source ORDER BY id")


def test_a_stored_file_name_with_a_new_text_is_replaced_in_load_many(tmp_path, small_notice):
    revised = make_notice(SMALL_TEXT + "补充说明。\n")  # same file name, another text and id
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        graph.load(small_notice)
        assert [r.outcome for r in graph.load_many([revised])] == ["replaced"]
        assert stored_notices(graph) == [{"id": revised.id, "source": "small.txt"}]


def test_a_file_name_repeated_in_one_load_many_keeps_the_last_text(tmp_path, small_notice):
    revised = make_notice(SMALL_TEXT + "补充说明。\n")
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        assert [r.outcome for r in graph.load_many([small_notice, revised])] == ["loaded", "replaced"]
        assert stored_notices(graph) == [{"id": revised.id, "source": "small.txt"}]


def test_run_batched_returns_the_rows_written(tmp_path):
    statement = "UNWIND $rows AS r RETURN count(*) AS n"
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        assert graph.write(lambda run: run_batched(run, statement, [{"v": 1}, {"v": 2}, {"v": 3}])) == 3
        assert graph.write(lambda run: run_batched(run, statement, [])) == 0


def test_the_database_file_comes_from_the_argument_the_environment_or_the_default(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICEGRAPH_DB", raising=False)
    with open_store() as graph:
        assert graph.path == Path("data") / "noticegraph.lbug"
    monkeypatch.setenv("NOTICEGRAPH_DB", str(tmp_path / "env.lbug"))
    with open_store(store="ladybug") as graph:
        assert graph.path == tmp_path / "env.lbug"
    with open_store(store="ladybug", db=tmp_path / "given.lbug") as graph:
        assert graph.path == tmp_path / "given.lbug"


def test_a_named_bolt_database_is_the_one_opened(bolt_server, monkeypatch, tmp_path):
    without_bolt_environment(monkeypatch, tmp_path)
    with pytest.raises(StoreUnavailable, match="database elsewhere"):
        open_store(uri=bolt_server.uri, user=bolt_server.user, password=bolt_server.password,
                   database="elsewhere")


def test_a_text_respaced_keeps_its_id_and_replaces_the_stored_one(tmp_path):
    plain, spaced = make_notice(), make_notice(SMALL_TEXT.replace("。", "。 "))
    assert plain.id == spaced.id and plain.text != spaced.text
    with open_store("ladybug", tmp_path / "graph.lbug") as graph:
        assert [graph.load(plain), graph.load(spaced), graph.load(plain)] == ["loaded", "replaced", "replaced"]
        assert graph.query("MATCH (n:Notice) RETURN n.text AS text") == [{"text": SMALL_TEXT}]
