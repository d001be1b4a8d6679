"""Cypher statements generated from the schema, in the subset both engines run alike.

Contract: every writer is an ``UNWIND $rows AS r`` batch over rows from rows.py and returns
``count(*) AS n`` so the caller can check that every row was written. Relationships are
written with two MATCH clauses on the endpoint ids, the form ENGINES.md measured as correct
and fast on LadybugDB (never ``MATCH (a),(b) WHERE a.id=… AND b.id=…``, which loses rows).
Relationships are CREATEd, not MERGEd: every one belongs to a notice that is written whole,
and rows.py gives each (type, src, dst) once per notice.
"""
from __future__ import annotations

from .schema import NODE_BY_LABEL, NODES, REL_BY_TYPE, RELATIONSHIPS, SHARED_LABELS, STRING, Prop


def _value(prop: Prop, typed: bool) -> str:
    """``r.name``; with ``typed`` (LadybugDB) non-string values are cast to the schema type,
    since a batch whose column is all None would otherwise be bound as STRING."""
    return f"CAST(r.{prop.name} AS {prop.type})" if typed and prop.type != STRING else f"r.{prop.name}"


def _assignments(props: tuple[Prop, ...], typed: bool) -> str:
    return ", ".join(f"{prop.name}: {_value(prop, typed)}" for prop in props)


def create_nodes(label: str, typed: bool = False) -> str:
    props = _assignments(NODE_BY_LABEL[label].props, typed)
    return f"UNWIND $rows AS r CREATE (n:{label} {{{props}}}) RETURN count(*) AS n"


def create_missing_nodes(label: str, typed: bool = False) -> str:
    """Create the rows whose id is new; existing shared nodes are left as they are."""
    props = _assignments(NODE_BY_LABEL[label].props, typed)
    return (f"UNWIND $rows AS r OPTIONAL MATCH (n:{label} {{id: r.id}}) WITH r, n WHERE n IS NULL "
            f"CREATE (m:{label} {{{props}}}) RETURN count(*) AS n")


def merge_nodes(label: str) -> str:
    """MERGE on the unique id, properties set on create (Neo4j, with its unique constraint)."""
    others = [name for name in NODE_BY_LABEL[label].names if name != "id"]
    sets = ", ".join(f"n.{name} = r.{name}" for name in others)
    on_create = f" ON CREATE SET {sets}" if sets else ""
    return f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}){on_create} RETURN count(*) AS n"


def create_rels(type_: str, from_label: str, to_label: str, typed: bool = False) -> str:
    rel = REL_BY_TYPE[type_]
    props = f" {{{_assignments(rel.props, typed)}}}" if rel.props else ""
    return (f"UNWIND $rows AS r MATCH (a:{from_label} {{id: r.src}}) MATCH (b:{to_label} {{id: r.dst}}) "
            f"CREATE (a)-[:{type_}{props}]->(b) RETURN count(*) AS n")


FIND_NOTICES = ("MATCH (n:Notice) WHERE n.id = $id OR n.source = $source "
                "RETURN n.id AS id, n.sha AS sha")
EXISTING_NOTICE_IDS = "UNWIND $ids AS i MATCH (n:Notice {id: i}) RETURN n.id AS id"
EXISTING_SOURCES = "UNWIND $sources AS s MATCH (n:Notice {source: s}) RETURN DISTINCT n.source AS source"
PRUNABLE_LABELS = ("Body", "Regulation", "Person")


def existing_ids(label: str) -> str:
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id AS id"


def mentioned_shared(label: str) -> str:
    """Shared nodes a notice's relationships touch: the candidates for pruning after a delete."""
    return f"MATCH ()-[r]-(s:{label}) WHERE r.notice_id = $id RETURN DISTINCT s.id AS id"


def delete_owned(label: str) -> str:
    return f"MATCH (n:{label} {{notice_id: $id}}) DETACH DELETE n RETURN count(*) AS n"


def delete_shared_rels(type_: str) -> str:
    return f"MATCH ()-[r:{type_} {{notice_id: $id}}]->() DELETE r RETURN count(*) AS n"


def prune_orphans(label: str) -> str:
    return (f"MATCH (n:{label}) WHERE n.id IN $ids AND NOT EXISTS {{ MATCH (n)--() }} "
            f"DELETE n RETURN count(*) AS n")


def count_nodes(label: str) -> str:
    return f"MATCH (n:{label}) RETURN count(n) AS n"


def count_rels(type_: str) -> str:
    return f"MATCH ()-[r:{type_}]->() RETURN count(r) AS n"


SHARED_REL_TYPES = tuple(
    rel.type for rel in RELATIONSHIPS
    if "notice_id" in rel.names and all(a in SHARED_LABELS and b in SHARED_LABELS for a, b in rel.ends))
OWNED_DELETE_ORDER = tuple(node.label for node in reversed(NODES) if node.owned)
