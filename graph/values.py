"""One shape for query results from either engine: plain Python values.

Contract: ``plain(value)`` turns what a driver returns into dicts, lists, str, int, float,
bool, None and ``datetime`` values:
- a node (neo4j ``Node``; ladybug dict with ``_ID`` and ``_LABEL``) → ``{"_label": L, **props}``;
- a relationship (neo4j ``Relationship``; ladybug dict with ``_SRC``/``_DST``) →
  ``{"_type": T, **props}``;
- a path → ``{"nodes": [...], "relationships": [...]}``;
- properties that are None are dropped from nodes and relationships (Neo4j does not store them);
- neo4j.time values → ``datetime`` values; ``Decimal`` (ladybug sums) → int when integral, else float.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import neo4j.graph
import neo4j.time

_LADYBUG_INTERNAL = {"_ID", "_LABEL", "_SRC", "_DST"}


def plain(value: Any) -> Any:
    if isinstance(value, neo4j.graph.Node):
        return _entity("_label", ":".join(sorted(value.labels)), dict(value.items()))
    if isinstance(value, neo4j.graph.Relationship):
        return _entity("_type", value.type, dict(value.items()))
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time)):
        return value.to_native()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return _plain_dict(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _plain_dict(value: dict[str, Any]) -> dict[str, Any]:
    if "_NODES" in value and "_RELS" in value:
        return {"nodes": [plain(n) for n in value["_NODES"]], "relationships": [plain(r) for r in value["_RELS"]]}
    if "_SRC" in value and "_LABEL" in value:
        return _entity("_type", value["_LABEL"], _without_internal(value))
    if "_ID" in value and "_LABEL" in value:
        return _entity("_label", value["_LABEL"], _without_internal(value))
    return {k: plain(v) for k, v in value.items()}


def _without_internal(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k not in _LADYBUG_INTERNAL}


def _entity(kind: str, name: str, props: dict[str, Any]) -> dict[str, Any]:
    return {kind: name, **{k: plain(v) for k, v in props.items() if v is not None}}
