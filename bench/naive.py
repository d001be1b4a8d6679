"""The naive load the bulk path is compared with: one MERGE statement per node and per relationship.

``naive_load(store, notices) -> int`` writes the graph rows of ``notices`` (graph/rows.py, the
rows the bulk path writes) into ``store`` with one auto-committed statement per row: ``MERGE``
a node on its id then ``SET`` its properties; ``MATCH`` both ends then ``MERGE`` the
relationship and ``SET`` its properties. Returns the number of statements run. Properties
that are None are left out (a null parameter cannot be typed). For benchmarks only.
"""
from __future__ import annotations

from typing import Any

from noticegraph.graph.rows import GraphRows, notice_rows
from noticegraph.loaders.records import Notice


def _assignments(var: str, row: dict[str, Any], skip: set[str]) -> tuple[str, dict[str, Any]]:
    values = {k: v for k, v in row.items() if k not in skip and v is not None}
    text = ", ".join(f"{var}.{k} = ${k}" for k in values)
    return (f" SET {text}" if text else ""), values


def naive_load(store: Any, notices: list[Notice]) -> int:
    store.ensure_schema()
    statements = 0
    for rows in (notice_rows(notice) for notice in notices):
        statements += _write(store, rows)
    return statements


def _write(store: Any, rows: GraphRows) -> int:
    count = 0
    for label, table in rows.nodes.items():
        for row in table:
            sets, values = _assignments("n", row, {"id"})
            store.query(f"MERGE (n:{label} {{id: $id}}){sets}", {"id": row["id"], **values})
            count += 1
    for (type_, src_label, dst_label), table in rows.rels.items():
        for row in table:
            sets, values = _assignments("r", row, {"src", "dst"})
            store.query(f"MATCH (a:{src_label} {{id: $src}}) MATCH (b:{dst_label} {{id: $dst}}) "
                        f"MERGE (a)-[r:{type_}]->(b){sets}", {"src": row["src"], "dst": row["dst"], **values})
            count += 1
    return count
