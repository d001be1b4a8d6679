"""LadybugDB stores made by an older version, and the bulk path's column order.

A store made by an older schema gains the missing columns through ``ALTER TABLE … ADD`` when
it is opened, and those columns come last in the table, wherever schema.py lists them. COPY
matches Arrow columns by position, so the bulk path must order its columns like the stored
table. (Neo4j is schemaless: nothing to upgrade there.)

``load_many`` retries a failing bulk write one notice at a time, which hides a broken COPY,
so the bulk write is also run directly here (``_bulk_write_rows`` in one transaction).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import ladybug
import pytest
from conftest import make_notice, perturbed

from noticegraph.graph import open_store
from noticegraph.graph.aggregates import MAINTAINED
from noticegraph.graph.dump import dump_graph
from noticegraph.graph.rows import GraphRows, notice_rows
from noticegraph.graph.schema import NODE_BY_LABEL, NODES, REL_BY_TYPE, RELATIONSHIPS, node_table_ddl, rel_table_ddl

# Columns an "older version" did not have: from the middle of their tables, neighbours of the
# same type (a shift by one would not even fail a cast).
DROPPED = {"Problem": {"status_text", "subcategory"}, "Notice": {"title"}, "CITES": {"verb"}}


def older_store(path: Path) -> None:
    """A LadybugDB file with the current schema minus DROPPED, as an older version made it."""
    database = ladybug.Database(str(path))
    connection = ladybug.Connection(database)
    for node in NODES:
        props = tuple(p for p in node.props if p.name not in DROPPED.get(node.label, ()))
        connection.execute(node_table_ddl(dataclasses.replace(node, props=props)))
    for rel in RELATIONSHIPS:
        props = tuple(p for p in rel.props if p.name not in DROPPED.get(rel.type, ()))
        connection.execute(rel_table_ddl(dataclasses.replace(rel, props=props)))
    connection.close()
    database.close()


def columns(graph, table: str) -> list[str]:
    return [row["name"] for row in graph.query(f"CALL table_info('{table}') RETURN *")]


def two_notices() -> tuple[list, GraphRows]:
    notices = [make_notice(), perturbed(make_notice(), 1)]
    return notices, GraphRows.concat([notice_rows(n) for n in notices])


def assert_stored_as_rows(graph, rows: GraphRows) -> None:
    """Every node and relationship reads back with each value under its own property (the
    aggregates the store maintains itself, graph/aggregates.py, are not in the rows)."""
    dump = dump_graph(graph)
    for label, table in rows.nodes.items():
        want = sorted(({k: v for k, v in row.items() if v is not None} for row in table), key=lambda r: r["id"])
        maintained = MAINTAINED.get(label, ())
        got = [{k: v for k, v in node.items() if k not in maintained} for node in dump.nodes[label]]
        assert got == want, label
    for key, table in rows.rels.items():
        want = [{k: v for k, v in row.items() if v is not None} for row in table]
        assert sorted(map(repr, dump.rels[key])) == sorted(map(repr, want)), key


def test_an_older_store_gains_the_missing_columns(tmp_path):
    older_store(tmp_path / "old.lbug")
    with open_store("ladybug", tmp_path / "old.lbug") as graph:
        assert "status_text" not in columns(graph, "Problem")
        graph.ensure_schema()
        for label, names in DROPPED.items():
            table = NODE_BY_LABEL.get(label) or REL_BY_TYPE[label]
            assert sorted(columns(graph, label)) == sorted(table.names), label
            assert set(columns(graph, label)[-len(names):]) == names, label  # appended at the end


@pytest.mark.parametrize("made_by", ["older version", "this version"])
def test_bulk_write_puts_every_value_in_its_column(tmp_path, made_by):
    path = tmp_path / "graph.lbug"
    if made_by == "older version":
        older_store(path)
    notices, rows = two_notices()
    with open_store("ladybug", path) as graph:
        graph.ensure_schema()
        graph._transaction(lambda run: graph._bulk_write_rows(run, rows))  # the COPY path, no retry
        assert_stored_as_rows(graph, rows)


def test_load_many_on_an_older_store_reads_back_whole(tmp_path):
    older_store(tmp_path / "old.lbug")
    notices, rows = two_notices()
    with open_store("ladybug", tmp_path / "old.lbug") as graph:
        assert [r.outcome for r in graph.load_many(notices)] == ["loaded", "loaded"]
        assert_stored_as_rows(graph, rows)
