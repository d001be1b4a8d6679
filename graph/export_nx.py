"""The graph as a networkx MultiDiGraph, written as GraphML or GEXF for Gephi.

Contract: ``to_networkx(dump) -> nx.MultiDiGraph`` has one node per store node, keyed
``<Label>:<id>``, and one edge per relationship (parallel edges kept). Attribute values are
only str, int, float or bool, one type per attribute name, as Gephi needs: None is left out,
lists are joined with ``; ``. Each node has ``node_type`` (its label) and ``label`` (what Gephi
shows: title, name, label, text, metric or team, cut to ``LABEL_CHARS``), then its properties,
with ``id`` renamed ``store_id`` (GEXF takes a node's ``id`` attribute as its XML id) and
without the Notice's full ``text`` (the RDF and CSV exports keep it). Each edge has ``type`` and ``label``
(the relationship type) and its properties. ``export_networkx(store, path, fmt)`` writes
``graphml`` or ``gexf`` and returns (nodes, edges).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from .dump import GraphDump, dump_graph
from .schema import DOUBLE, INT64, NODE_BY_LABEL, REL_BY_TYPE, STRINGS

NX_FORMATS = ("graphml", "gexf")
LABEL_CHARS = 60
DISPLAY_PROPS = ("title", "name", "label", "text", "metric", "team")
LEFT_OUT = {("Notice", "text")}
RENAMED = {"id": "store_id"}


def node_key(label: str, node_id: str) -> str:
    return f"{label}:{node_id}"


def attribute(type_: str, value: Any) -> str | int | float | bool:
    if type_ == INT64:
        return int(value)
    if type_ == DOUBLE:
        return float(value)
    if type_ == STRINGS:
        return "; ".join(str(v) for v in value)
    return str(value)


def display_label(props: dict[str, Any]) -> str:
    text = next((str(props[p]) for p in DISPLAY_PROPS if props.get(p)), props["id"])
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def node_attributes(label: str, props: dict[str, Any]) -> dict[str, Any]:
    types = {p.name: p.type for p in NODE_BY_LABEL[label].props}
    kept = {RENAMED.get(name, name): attribute(types[name], value) for name, value in props.items()
            if value is not None and (label, name) not in LEFT_OUT}
    return {**kept, "node_type": label, "label": display_label(props)}


def edge_attributes(type_: str, row: dict[str, Any]) -> dict[str, Any]:
    types = {p.name: p.type for p in REL_BY_TYPE[type_].props}
    kept = {name: attribute(types[name], value) for name, value in row.items()
            if name not in ("src", "dst") and value is not None}
    return {**kept, "type": type_, "label": type_}


def to_networkx(dump: GraphDump) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for label, rows in dump.nodes.items():
        for props in rows:
            graph.add_node(node_key(label, props["id"]), **node_attributes(label, props))
    for (type_, from_label, to_label), rows in dump.rels.items():
        for row in rows:
            graph.add_edge(node_key(from_label, row["src"]), node_key(to_label, row["dst"]),
                           **edge_attributes(type_, row))
    return graph


def export_networkx(store: Any, path: str | Path, fmt: str = "graphml") -> tuple[int, int]:
    graph = to_networkx(dump_graph(store))
    if fmt == "gexf":
        nx.write_gexf(graph, str(path))
    else:
        nx.write_graphml(graph, str(path))
    return graph.number_of_nodes(), graph.number_of_edges()
