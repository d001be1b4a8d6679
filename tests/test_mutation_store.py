"""graph/store.py's open_store, checked where the store tests let mutants through.

A store name that comes from outside (a command line, an environment variable) is an equal
string, not the interned literal: ``kind is "ladybug"`` would not recognise it. The Neo4j case
runs against the test Bolt server (tests/conftest.py).
"""
from __future__ import annotations

from noticegraph.graph import open_store
from noticegraph.graph.store import batches


def spelled(*parts: str) -> str:
    return "".join(parts)  # equal to the literal, never the same object


def test_a_ladybug_store_named_at_run_time(tmp_path):
    with open_store(spelled("lady", "bug"), tmp_path / "graph.lbug") as graph:
        assert graph.name == "ladybug" and graph.path == tmp_path / "graph.lbug"


def test_a_neo4j_store_named_at_run_time_defaults_its_database(bolt_server, monkeypatch):
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
