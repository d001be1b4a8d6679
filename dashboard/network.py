"""Networks drawn with st-link-analysis (Cytoscape.js bundled in the wheel: nothing is fetched).

Contract:
- ``edges_elements(rows, hints)`` turns edge rows (a graph-shaped saved query: ``source`` and
  ``target`` column hints; optional ``<end>_label``/``<end>_name`` columns (a pair's ``title_a``/
  ``title_b`` name its ends), a ``type`` or the
  ``label`` hint for the edge) into Cytoscape elements; ``value`` (a count) rides on the edge.
- ``citation_edges(rows, regulation)`` makes such edge rows from ``regulation-citations`` rows.
- ``console_elements(rows)`` finds nodes and relationships in console rows (plain values: a
  node is ``{"_label": …}``, a relationship ``{"_type": …}``, a path ``{"nodes", "relationships"}``);
  a relationship between two node columns of a row joins them. Empty when there are none.
- ``draw(elements, key)`` renders them with a legend of node kinds and returns the id of the
  node clicked (or None). Node data keep every property, so the panel shows a node's detail.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import streamlit as st
from st_link_analysis import EdgeStyle, Event, NodeStyle, st_link_analysis

PALETTE = {"Body": "#4c78a8", "Problem": "#e45756", "ProblemType": "#54a24b", "Regulation": "#b279a2",
           "Notice": "#f58518", "Measure": "#9d755d", "Person": "#eeca3b", "Round": "#72b7b2",
           "Figure": "#bab0ac"}
OTHER = "#888888"
CLICK = Event("node_click", "tap", "node")


class ReadableNodeStyle(NodeStyle):
    """A node style whose caption shows (the component's default font is 3.6 px, and its
    stylesheet hides any text that renders smaller than 10 px: a zoomed-out network had none)."""

    def dump(self) -> dict[str, Any]:
        dumped = super().dump()
        dumped["style"].update({"font-size": 8, "text-max-width": 120, "text-wrap": "ellipsis",
                                "min-zoomed-font-size": 0})  # the component hides text under 10 px
        return dumped


class ReadableEdgeStyle(EdgeStyle):
    def dump(self) -> dict[str, Any]:
        dumped = super().dump()
        dumped["style"].update({"font-size": 5, "min-zoomed-font-size": 0})
        return dumped


def _node(nodes: dict[str, dict[str, Any]], node_id: Any, label: str, name: Any, **props: Any) -> str:
    key = str(node_id)
    if key not in nodes:
        caption = str(name if name not in (None, "") else key)
        nodes[key] = {"data": {"id": key, "label": label, "name": caption[:40], **props}}
    return key


def kind_of(column: str) -> str:
    """A node kind named after its column when the rows name none: regulation_a → Regulation."""
    return re.sub(r"_(a|b|id)$", "", column).replace("_", " ").title().replace(" ", "")


def end_name(row: Mapping[str, Any], column: str) -> Any:
    """A node's caption: ``<end>_name``, else the title of a pair's end (regulation_a → title_a)."""
    pair = re.search(r"_(a|b)$", column)
    return row.get(f"{column}_name") or (row.get(f"title_{pair.group(1)}") if pair else None)


def edges_elements(rows: Iterable[Mapping[str, Any]], hints: Mapping[str, str]) -> dict[str, list]:
    source, target = hints.get("source"), hints.get("target")
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for index, row in enumerate(rows):
        if source not in row or target not in row:
            continue
        a = _node(nodes, row[source], str(row.get(f"{source}_label") or kind_of(source)), end_name(row, source),
                  notice_id=row.get("notice_id"))
        b = _node(nodes, row[target], str(row.get(f"{target}_label") or kind_of(target)), end_name(row, target))
        kind = str(row.get("type") or row.get(hints.get("label", ""), "") or "LINK")
        extra = {"value": row[hints["value"]]} if hints.get("value") in row else {}
        edges.append({"data": {"id": f"e{index}", "source": a, "target": b, "label": kind, **extra}})
    return {"nodes": list(nodes.values()), "edges": edges}


def citation_edges(rows: Iterable[Mapping[str, Any]], regulation: str, title: str | None = None) -> list[dict]:
    """Edge rows around one regulation from the rows of ``regulation-citations``: each citing
    measure (CITES) and the problem it addresses (ADDRESSED_BY), in unit-problem-links' shape."""
    edges = []
    for row in rows:
        common = {"notice_id": row["notice_id"], "via": ""}
        edges.append({"source": row["measure"], "source_label": "Measure", "source_name": row["text"],
                      "type": "CITES", "label": "引用", "target": regulation, "target_label": "Regulation",
                      "target_name": title or regulation, **common})
        edges.append({"source": row["problem"], "source_label": "Problem", "source_name": row["problem_text"],
                      "type": "ADDRESSED_BY", "label": "整改措施", "target": row["measure"],
                      "target_label": "Measure", "target_name": row["text"], **common})
    return edges


def _entity_key(value: Mapping[str, Any]) -> str:
    return str(value.get("id") or repr(sorted(value.items(), key=lambda kv: kv[0])))


def _add_path(nodes: dict, edges: list, path: Mapping[str, Any]) -> None:
    keys = [_node(nodes, _entity_key(n), n.get("_label", "node"), n.get("name") or n.get("title") or n.get("text"),
                  **_props(n)) for n in path["nodes"]]
    for a, b, rel in zip(keys, keys[1:], path["relationships"]):
        edges.append({"data": {"id": f"e{len(edges)}", "source": a, "target": b, "label": rel.get("_type", "")}})


def _props(entity: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entity.items() if not k.startswith("_") and k not in ("id", "label", "name")
            and isinstance(v, (str, int, float)) and k != "text"} | {"text": str(entity.get("text", ""))[:200]}


def console_elements(rows: Iterable[Mapping[str, Any]]) -> dict[str, list]:
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    for row in rows:
        last_node, pending = None, None
        for value in row.values():
            if isinstance(value, Mapping) and "nodes" in value and "relationships" in value:
                _add_path(nodes, edges, value)
            elif isinstance(value, Mapping) and "_label" in value:
                key = _node(nodes, _entity_key(value), value["_label"],
                            value.get("name") or value.get("title") or value.get("text"), **_props(value))
                if last_node is not None and pending is not None:
                    edges.append({"data": {"id": f"e{len(edges)}", "source": last_node, "target": key,
                                           "label": pending.get("_type", "")}})
                last_node, pending = key, None
            elif isinstance(value, Mapping) and "_type" in value:
                pending = value
    return {"nodes": list(nodes.values()), "edges": edges}


def legend(labels: Iterable[str]) -> str:
    chips = [f"<span style='display:inline-block;width:.8em;height:.8em;border-radius:50%;"
             f"background:{PALETTE.get(label, OTHER)};margin:0 .3em 0 .9em'></span>{label}"
             for label in sorted(set(labels))]
    return "<div style='font-size:.9em'>Legend:" + "".join(chips) + "</div>"


def draw(elements: Mapping[str, list], key: str, height: int = 520) -> str | None:
    labels = [n["data"]["label"] for n in elements["nodes"]]
    st.html(legend(labels))
    node_styles = [ReadableNodeStyle(label, PALETTE.get(label, OTHER), "name") for label in sorted(set(labels))]
    edge_styles = [ReadableEdgeStyle(kind, caption="label", labeled=None, directed=True)
                   for kind in sorted({e["data"]["label"] for e in elements["edges"]})]
    event = st_link_analysis(dict(elements), layout="cose", node_styles=node_styles, edge_styles=edge_styles,
                             height=height, key=key, events=[CLICK])
    if isinstance(event, Mapping) and event.get("action") == CLICK.name:
        return (event.get("data") or {}).get("target_id")
    return None
