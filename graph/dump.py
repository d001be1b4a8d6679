"""The whole graph of a store as plain rows, label by label and type by type, for the exporters.

Contract: ``dump_graph(store) -> GraphDump`` reads every node of every schema label and every
relationship of every schema type and pair of end labels (same result on both stores):
- ``nodes[label]``: property dicts in schema order (absent or None properties left out),
  sorted by id;
- ``rels[(type, from_label, to_label)]``: dicts with ``src`` and ``dst`` (the end ids) and the
  relationship's properties in schema order, sorted by ``src``, ``dst`` and then the properties.
``GraphDump.node_count()`` / ``rel_count()`` are the totals.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .schema import NODE_BY_LABEL, NODES, REL_BY_TYPE, RELATIONSHIPS

RelKey = tuple[str, str, str]


@dataclass
class GraphDump:
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rels: dict[RelKey, list[dict[str, Any]]] = field(default_factory=dict)

    def node_count(self) -> int:
        return sum(len(rows) for rows in self.nodes.values())

    def rel_count(self) -> int:
        return sum(len(rows) for rows in self.rels.values())


def read_nodes(store: Any, label: str) -> list[dict[str, Any]]:
    names = NODE_BY_LABEL[label].names
    rows = store.query(f"MATCH (n:{label}) RETURN n")
    nodes = [{name: row["n"][name] for name in names if row["n"].get(name) is not None} for row in rows]
    return sorted(nodes, key=lambda node: node["id"])


def read_rels(store: Any, type_: str, from_label: str, to_label: str) -> list[dict[str, Any]]:
    names = REL_BY_TYPE[type_].names
    rows = store.query(f"MATCH (a:{from_label})-[r:{type_}]->(b:{to_label}) RETURN a.id AS src, b.id AS dst, r")
    rels = [{"src": row["src"], "dst": row["dst"],
             **{name: row["r"][name] for name in names if row["r"].get(name) is not None}} for row in rows]
    return sorted(rels, key=lambda rel: (rel["src"], rel["dst"], json.dumps(rel, ensure_ascii=False, default=str)))


def dump_graph(store: Any) -> GraphDump:
    dump = GraphDump()
    for node in NODES:
        dump.nodes[node.label] = read_nodes(store, node.label)
    for rel in RELATIONSHIPS:
        for from_label, to_label in rel.ends:
            dump.rels[(rel.type, from_label, to_label)] = read_rels(store, rel.type, from_label, to_label)
    return dump
