"""The problem-type taxonomy in the graph: ProblemType nodes and BROADER relationships.

Contract: ``write_taxonomy(run, typed, taxonomy=None)`` makes the stored ProblemType nodes and
(ProblemType)-[:BROADER]->(ProblemType) relationships equal to the taxonomy
(loaders/data/problem_types.ttl by default), idempotently, in the Cypher both engines share:
nodes MERGEd on their id with every property SET, concepts no longer in the taxonomy DETACH
DELETEd (their HAS_TYPE links go with them), BROADER MERGEd and stale ones deleted. Both
stores call it at the end of ``ensure_schema``. ``typed`` casts list properties for LadybugDB.
Returns the number of (nodes, relationships) the taxonomy has.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..loaders.taxonomy import Concept, Taxonomy, load_taxonomy
from .rows import make_row
from .schema import NODE_BY_LABEL, STRINGS

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]

UPSERT_PROPS = [p for p in NODE_BY_LABEL["ProblemType"].props if p.name != "id"]
DELETE_STALE_TYPES = "MATCH (t:ProblemType) WHERE NOT t.id IN $ids DETACH DELETE t RETURN count(*) AS n"
MERGE_BROADER = ("UNWIND $rows AS r MATCH (a:ProblemType {id: r.src}) MATCH (b:ProblemType {id: r.dst}) "
                 "MERGE (a)-[:BROADER]->(b) RETURN count(*) AS n")
DELETE_STALE_BROADER = ("MATCH (a:ProblemType)-[e:BROADER]->(b:ProblemType) WHERE NOT (a.id + '>' + b.id) IN $pairs "
                        "DELETE e RETURN count(*) AS n")


def upsert_types(typed: bool) -> str:
    sets = ", ".join(f"t.{p.name} = CAST(r.{p.name} AS {p.type})" if typed and p.type == STRINGS
                     else f"t.{p.name} = r.{p.name}" for p in UPSERT_PROPS)
    return f"UNWIND $rows AS r MERGE (t:ProblemType {{id: r.id}}) SET {sets} RETURN count(*) AS n"


def type_row(concept: Concept, version: str) -> dict[str, Any]:
    return make_row(NODE_BY_LABEL["ProblemType"], {
        "id": concept.id, "label": concept.label_zh, "label_en": concept.label_en, "notation": concept.notation,
        "scope_note": concept.scope_note, "alt_labels": list(concept.alt_labels) or [concept.label_zh],
        "broader": concept.broader[0] if concept.broader else None, "version": version})


def broader_rows(taxonomy: Taxonomy) -> list[dict[str, str]]:
    return [{"src": c.id, "dst": parent} for c in taxonomy for parent in c.broader]


def write_taxonomy(run: Run, typed: bool, taxonomy: Taxonomy | None = None) -> tuple[int, int]:
    taxonomy = taxonomy or load_taxonomy()
    nodes = [type_row(concept, taxonomy.version) for concept in taxonomy]
    links = broader_rows(taxonomy)
    run(DELETE_STALE_TYPES, {"ids": [row["id"] for row in nodes]})
    run(upsert_types(typed), {"rows": nodes})
    run(DELETE_STALE_BROADER, {"pairs": [f"{link['src']}>{link['dst']}" for link in links]})
    if links:
        run(MERGE_BROADER, {"rows": links})
    return len(nodes), len(links)
