"""The graph as RDF (rdflib): a small vocabulary, SKOS problem types, PROV-O provenance, DCTERMS.

Contract: ``to_rdf(dump, provenance=True) -> rdflib.Graph`` (dump from dump.py) and
``export_rdf(store, path, fmt)`` (``fmt`` in ``RDF_FORMATS``: ttl, jsonld, nt) write:
- the vocabulary of schema.py at ``NG`` (https://noticegraph.org/ns#): one ``rdfs:Class`` per
  label, one property per relationship type and node property, names in camelCase
  (``ISSUED_BY`` → ``ng:issuedBy``, ``span_start`` → ``ng:spanStart``), comments from the schema;
- one subject per node, typed ``ng:<Label>``: ProblemType nodes at the taxonomy's IRIs
  (https://noticegraph.org/types/<id>, as in loaders/data/problem_types.ttl) and also typed
  ``skos:Concept``, their label, label_en, alt_labels, notation, scope_note and broader given
  as SKOS prefLabel (zh, en), altLabel, notation, scopeNote, broader, with inScheme; every
  other node at ``https://noticegraph.org/id/<label>/<percent-encoded id>``;
- literals typed from the schema (INT64 xsd:integer, DOUBLE xsd:double, dates xsd:date,
  deadlines xsd:gYearMonth; lists as repeated values); ``id`` is ``dcterms:identifier``,
  ``title`` ``dcterms:title``, ``published`` ``dcterms:issued``, ``name`` ``rdfs:label``;
- provenance: a Notice is a ``prov:Entity``; a node owned by a notice is
  ``prov:wasDerivedFrom`` it, with a ``prov:qualifiedDerivation`` (a blank
  ``prov:Derivation`` with ``prov:entity``, ``ng:spanStart``, ``ng:spanEnd``);
- one triple per relationship; with ``provenance``, a relationship that has properties is
  also described by a blank ``rdf:Statement`` (subject, predicate, object, its properties,
  and ``prov:wasDerivedFrom`` its notice).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .dump import GraphDump, dump_graph
from .schema import DOUBLE, INT64, NODE_BY_LABEL, NODES, REL_BY_TYPE, RELATIONSHIPS, STRINGS

NG = Namespace("https://noticegraph.org/ns#")
NGT = Namespace("https://noticegraph.org/types/")
NGID = "https://noticegraph.org/id/"
RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
DATES = {"published", "start_date", "end_date", "feedback_date"}
MAPPED = {"id": DCTERMS.identifier, "title": DCTERMS.title, "published": DCTERMS.issued, "name": RDFS.label}
PROVENANCE = {"notice_id", "span_start", "span_end"}
CONCEPT_PROPS = {"label", "label_en", "alt_labels", "notation", "scope_note", "broader"}  # as SKOS
PREFIXES = {"ng": NG, "ngt": NGT, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "rdfs": RDFS,
            "owl": OWL, "xsd": XSD}


def camel(name: str) -> str:
    words = name.lower().split("_")
    return words[0] + "".join(w.title() for w in words[1:])


def node_iri(label: str, node_id: str) -> URIRef:
    if label == "ProblemType":
        return NGT[node_id]
    return URIRef(f"{NGID}{label.lower()}/{quote(node_id, safe='')}")


def literal(name: str, type_: str, value: Any) -> Literal:
    if type_ == INT64:
        return Literal(int(value), datatype=XSD.integer)
    if type_ == DOUBLE:
        return Literal(float(value), datatype=XSD.double)
    if name in DATES and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        return Literal(str(value), datatype=XSD.date)
    if name == "deadline" and re.fullmatch(r"\d{4}-\d{2}", str(value)):
        return Literal(str(value), datatype=XSD.gYearMonth)
    return Literal(str(value))


def predicate(name: str) -> URIRef:
    return MAPPED.get(name, NG[camel(name)])


def add_vocabulary(graph: Graph) -> None:
    for node in NODES:
        graph.add((NG[node.label], RDF.type, RDFS.Class))
        graph.add((NG[node.label], RDFS.comment, Literal(node.doc, lang="en")))
        for prop in node.props:
            if prop.name not in MAPPED and not (node.label == "ProblemType" and prop.name in CONCEPT_PROPS):
                graph.add((NG[camel(prop.name)], RDF.type, OWL.DatatypeProperty))
                if prop.doc:
                    graph.add((NG[camel(prop.name)], RDFS.comment, Literal(prop.doc, lang="en")))
    for rel in RELATIONSHIPS:
        term = NG[camel(rel.type)]
        graph.add((term, RDF.type, OWL.ObjectProperty))
        graph.add((term, RDFS.comment, Literal(f"{rel.type}: {rel.doc}", lang="en")))


def add_properties(graph: Graph, subject: URIRef | BNode, types: dict[str, str], props: dict[str, Any]) -> None:
    for name, value in props.items():
        values = value if types[name] == STRINGS else [value]
        for item in values:
            graph.add((subject, predicate(name), literal(name, types[name], item)))


def add_derivation(graph: Graph, subject: URIRef, props: dict[str, Any]) -> None:
    notice = node_iri("Notice", props["notice_id"])
    graph.add((subject, PROV.wasDerivedFrom, notice))
    derivation = BNode()
    graph.add((subject, PROV.qualifiedDerivation, derivation))
    graph.add((derivation, RDF.type, PROV.Derivation))
    graph.add((derivation, PROV.entity, notice))
    for name in ("span_start", "span_end"):
        if props.get(name) is not None:
            graph.add((derivation, NG[camel(name)], Literal(int(props[name]), datatype=XSD.integer)))


def add_concept(graph: Graph, subject: URIRef, props: dict[str, Any]) -> None:
    graph.add((subject, RDF.type, SKOS.Concept))
    graph.add((subject, SKOS.inScheme, NGT["scheme"]))
    if props.get("label"):
        graph.add((subject, SKOS.prefLabel, Literal(props["label"], lang="zh")))
    if props.get("label_en"):
        graph.add((subject, SKOS.prefLabel, Literal(props["label_en"], lang="en")))
    for alt in props.get("alt_labels") or []:
        graph.add((subject, SKOS.altLabel, Literal(alt, lang="zh")))
    if props.get("notation"):
        graph.add((subject, SKOS.notation, Literal(props["notation"])))
    if props.get("scope_note"):
        graph.add((subject, SKOS.scopeNote, Literal(props["scope_note"], lang="en")))
    if props.get("broader"):
        graph.add((subject, SKOS.broader, NGT[props["broader"]]))


def add_node(graph: Graph, label: str, props: dict[str, Any]) -> None:
    node = NODE_BY_LABEL[label]
    subject = node_iri(label, props["id"])
    graph.add((subject, RDF.type, NG[label]))
    types = {p.name: p.type for p in node.props}
    owned_by_other = node.owned and label != "Notice" and props.get("notice_id")
    left_out = (PROVENANCE if owned_by_other else set()) | (CONCEPT_PROPS if label == "ProblemType" else set())
    shown = {k: v for k, v in props.items() if k not in left_out}
    add_properties(graph, subject, types, shown)
    if label == "Notice":
        graph.add((subject, RDF.type, PROV.Entity))
    elif owned_by_other:
        add_derivation(graph, subject, props)
    if label == "ProblemType":
        add_concept(graph, subject, props)


def add_relationship(graph: Graph, key: tuple[str, str, str], row: dict[str, Any], provenance: bool) -> None:
    type_, from_label, to_label = key
    triple = (node_iri(from_label, row["src"]), NG[camel(type_)], node_iri(to_label, row["dst"]))
    graph.add(triple)
    props = {k: v for k, v in row.items() if k not in ("src", "dst")}
    if not (provenance and props):
        return
    statement = BNode()
    for term, value in zip((RDF.subject, RDF.predicate, RDF.object), triple):
        graph.add((statement, term, value))
    graph.add((statement, RDF.type, RDF.Statement))
    add_properties(graph, statement, {p.name: p.type for p in REL_BY_TYPE[type_].props}, props)
    if props.get("notice_id"):
        graph.add((statement, PROV.wasDerivedFrom, node_iri("Notice", props["notice_id"])))


def to_rdf(dump: GraphDump, provenance: bool = True) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    add_vocabulary(graph)
    for label, rows in dump.nodes.items():
        for props in rows:
            add_node(graph, label, props)
    for key, rows in dump.rels.items():
        for row in rows:
            add_relationship(graph, key, row, provenance)
    return graph


def export_rdf(store: Any, path: str | Path, fmt: str = "ttl", provenance: bool = True) -> int:
    """Write the store's graph to ``path``; returns the number of triples."""
    graph = to_rdf(dump_graph(store), provenance)
    graph.serialize(destination=str(path), format=RDF_FORMATS[fmt], encoding="utf-8")
    return len(graph)
