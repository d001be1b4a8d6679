"""Exports and network analysis over the samples, from both stores: RDF that parses back with one
subject per node, GraphML/GEXF that networkx reads back with the store's counts, CSV headers
for neo4j-admin import, and stable analysis results."""
from __future__ import annotations

import csv
import datetime as dt
from collections import Counter

import networkx as nx
import pytest
import rdflib
from conftest import make_notice, span_of
from query_support import sample_stores  # noqa: F401  (the `stores` fixture)
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from noticegraph.graph import analyze as analyze_module
from noticegraph.graph.analyze import analyze
from noticegraph.graph.dump import dump_graph
from noticegraph.graph.export_csv import export_csv
from noticegraph.graph.export_nx import export_networkx
from noticegraph.graph.export_rdf import NG, camel, export_rdf, node_iri
from noticegraph.graph.ids import notice_id
from noticegraph.graph.schema import NODES, RELATIONSHIPS
from noticegraph.loaders.records import Body, Measure, Notice, Problem, Round
from noticegraph.loaders.taxonomy import DEFAULT_PATH as TAXONOMY


@pytest.fixture(scope="module")
def turtle(stores, tmp_path_factory):
    path = tmp_path_factory.mktemp("rdf") / "graph.ttl"
    export_rdf(stores[1], path, "ttl")
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    return graph


def test_both_stores_dump_the_same_graph(stores):
    ladybug, neo4j = (dump_graph(graph) for graph in stores)
    assert ladybug.nodes == neo4j.nodes and ladybug.rels == neo4j.rels
    counts = stores[0].stats()
    assert ladybug.node_count() == sum(counts["nodes"].values()) and ladybug.rel_count() == sum(
        counts["relationships"].values())


def test_turtle_has_one_subject_per_node(stores, turtle):
    counts = stores[0].stats()["nodes"]
    for node in NODES:
        assert len(set(turtle.subjects(RDF.type, NG[node.label]))) == counts[node.label], node.label


def test_turtle_has_one_triple_per_relationship(stores, turtle):
    dump = dump_graph(stores[0])
    for rel in RELATIONSHIPS:
        pairs = {(node_iri(a, r["src"]), node_iri(b, r["dst"]))
                 for (type_, a, b), rows in dump.rels.items() if type_ == rel.type for r in rows}
        assert set(turtle.subject_objects(NG[camel(rel.type)])) == pairs, rel.type


def test_vocabulary_terms_have_one_kind(turtle):
    kinds = Counter(term for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Class)
                    for term in turtle.subjects(RDF.type, kind))
    assert kinds and max(kinds.values()) == 1


def test_problem_types_are_the_taxonomy_concepts(turtle):
    taxonomy = rdflib.Graph().parse(TAXONOMY, format="turtle")
    concepts = set(taxonomy.subjects(RDF.type, SKOS.Concept))
    exported = set(turtle.subjects(RDF.type, NG["ProblemType"]))
    assert exported == concepts and exported <= set(turtle.subjects(RDF.type, SKOS.Concept))
    assert all(turtle.value(c, SKOS.prefLabel) is not None for c in exported)


def test_owned_nodes_are_derived_from_their_notice_with_the_span(stores, turtle):
    problem = stores[0].query("MATCH (p:Problem) RETURN p.id AS id, p.notice_id AS notice, "
                              "p.span_start AS s, p.span_end AS e ORDER BY id LIMIT 1")[0]
    subject, notice = node_iri("Problem", problem["id"]), node_iri("Notice", problem["notice"])
    assert (subject, PROV.wasDerivedFrom, notice) in turtle
    derivation = turtle.value(subject, PROV.qualifiedDerivation)
    assert turtle.value(derivation, PROV.entity) == notice
    assert (turtle.value(derivation, NG.spanStart).toPython(), turtle.value(derivation, NG.spanEnd).toPython()) == (
        problem["s"], problem["e"])
    assert (notice, RDF.type, PROV.Entity) in turtle


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's own parser
@pytest.mark.parametrize("fmt, parse_as", [("jsonld", "json-ld"), ("nt", "nt")])
def test_other_rdf_formats_parse_back_to_the_same_size(stores, turtle, tmp_path, fmt, parse_as):
    path = tmp_path / f"graph.{fmt}"
    assert export_rdf(stores[0], path, fmt) == len(turtle)
    assert len(rdflib.Graph().parse(path, format=parse_as)) == len(turtle)


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_exports_load_back_with_the_store_counts(stores, tmp_path, fmt, read):
    counts = stores[0].stats()
    nodes, edges = sum(counts["nodes"].values()), sum(counts["relationships"].values())
    for graph in stores:
        path = tmp_path / f"{graph.name}.{fmt}"
        assert export_networkx(graph, path, fmt) == (nodes, edges)
        loaded = read(path)
        assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (nodes, edges)
    values = [v for _, data in loaded.nodes(data=True) for v in data.values()]
    assert values and all(isinstance(v, (str, int, float, bool)) for v in values)
    assert Counter(data["node_type"] for _, data in loaded.nodes(data=True)) == {
        k: v for k, v in counts["nodes"].items() if v}


def test_csv_files_have_neo4j_admin_headers(stores, tmp_path):
    files = {path.name: path for path in export_csv(stores[0], tmp_path)}
    counts = stores[0].stats()

    def read(name):
        with files[name].open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))

    notice = read("Notice.csv")
    assert notice[0][0] == "id:ID(Notice)" and notice[0][-1] == ":LABEL"
    assert {"span_start:long", "problems_claimed:long", "document_numbers:string[]"} <= set(notice[0])
    assert len(notice) - 1 == counts["nodes"]["Notice"]
    assert read("Figure.csv")[0][:6] == ["id:ID(Figure)", "notice_id", "span_start:long", "span_end:long",
                                         "metric", "value:double"]
    cites = read("CITES.Measure-Regulation.csv")
    assert cites[0][:2] == [":START_ID(Measure)", ":END_ID(Regulation)"] and cites[0][-1] == ":TYPE"
    assert read("HAS_TYPE.csv")[0][:4] == [":START_ID(Problem)", ":END_ID(ProblemType)", "notice_id", "score:double"]
    rel_rows = sum(len(read(name)) - 1 for name in files if name[0].isupper() and name.split(".")[0].isupper())
    assert rel_rows == sum(counts["relationships"].values())
    assert "--nodes=Notice.csv" in files["import.sh"].read_text("utf-8")


def test_analysis_is_the_same_on_both_stores_and_stable(stores):
    first, again, other = analyze(stores[0]), analyze(stores[0]), analyze(stores[1])
    assert first == again == other
    assert [b.id for b in first.bodies[:2]] == ["中共大连普湾经济区工作委员会", "中共宁波前湾新区工作委员会"]
    assert all(0 <= c.betweenness <= 1 and c.degree >= 1 for c in first.bodies + first.regulations)
    types = [t.id for community in first.communities for t in community]
    assert len(types) == len(set(types)) >= 10 and len(first.communities) >= 2
    assert first.to_json()["regulations"][0].keys() == {"id", "name", "degree", "betweenness"}


# -- against values worked out by hand -----------------------------------------------------

OTHER_TEXT = "中共乙县委员会关于巡察整改情况的通报\n一、关于“违规发放津补贴”问题的整改\n清退全部款项。\n"


def other_notice() -> Notice:
    """A second body with one eight-rules problem and no regulation."""
    body = Body("中共乙县委员会", span_of(OTHER_TEXT, "中共乙县委员会"))
    problem = Problem("违规发放津补贴", span_of(OTHER_TEXT, "违规发放津补贴"), "1",
                      measures=[Measure("清退全部款项", span_of(OTHER_TEXT, "清退全部款项"))])
    return Notice(id=notice_id(OTHER_TEXT), source="other.txt", text=OTHER_TEXT,
                  title=OTHER_TEXT.splitlines()[0], issuer=body, inspected_body=body,
                  round=Round(kind="巡察", level="county"), problems=[problem])


def test_betweenness_of_a_graph_worked_out_by_hand(store):
    """Body A (small notice) -- theory-study, eight-rules, 纪律处分条例; both types -- 条例;
    body B -- eight-rules. Five nodes: shortest paths between the 10 pairs pass eight-rules 3
    times (B-A, B-theory, B-条例), A and 条例 half of B-theory and of theory-eight each:
    betweenness 3/6, 1/6, 1/6, 0, 0 (normalised by (5-1)(5-2)/2 = 6). Degree centrality would
    give A 3/4."""
    store.load_many([make_notice(), other_notice()])
    result = analyze(store)
    assert (result.nodes, result.edges) == (5, 6)
    assert [(c.id, c.degree, c.betweenness) for c in result.bodies] == [
        ("中共示例县委员会", 3, round(1 / 6, 6)), ("中共乙县委员会", 1, 0.0)]
    assert [(c.id, c.degree, c.betweenness) for c in result.regulations] == [("中国共产党纪律处分条例", 3, round(1 / 6, 6))]


def test_betweenness_is_estimated_above_the_exact_limit(monkeypatch):
    """Up to EXACT_LIMIT nodes exact; above, estimated from EXACT_LIMIT pivots with a fixed seed
    (on a path of 30 nodes with 10 pivots the estimate differs from the exact values)."""
    path = nx.path_graph(30)
    monkeypatch.setattr(analyze_module, "EXACT_LIMIT", 30)
    assert analyze_module.betweenness(path) == nx.betweenness_centrality(path)
    monkeypatch.setattr(analyze_module, "EXACT_LIMIT", 10)
    estimate = analyze_module.betweenness(path)
    assert estimate == analyze_module.betweenness(path) == nx.betweenness_centrality(path, k=10, seed=0)
    assert estimate != nx.betweenness_centrality(path)
    assert estimate[15] != pytest.approx(2 * 14 * 15 / (29 * 28), abs=1e-3)  # the exact middle value


def test_csv_arrays_read_back_with_the_neo4j_admin_delimiter(stores, tmp_path):
    """neo4j-admin splits arrays on ';' by default: a row read back by the csv module must give
    the stored list, and a multi-line notice text must come back whole."""
    files = {path.name: path for path in export_csv(stores[0], tmp_path)}
    with files["Notice.csv"].open(encoding="utf-8", newline="") as handle:
        rows = {row["id:ID(Notice)"]: row for row in csv.DictReader(handle)}
    stored = {r["id"]: r for r in stores[0].query(
        "MATCH (n:Notice) RETURN n.id AS id, n.document_numbers AS numbers, n.text AS text")}
    dalian = next(i for i, r in stored.items() if r["numbers"])
    assert rows[dalian]["document_numbers:string[]"].split(";") == ["交规划函〔2019〕388号", "大普财综〔2020〕37号"]
    assert all(rows[i]["text"] == r["text"] and "\n" in r["text"] for i, r in stored.items())
    with files["Body.csv"].open(encoding="utf-8", newline="") as handle:
        bodies = {row["id:ID(Body)"]: row for row in csv.DictReader(handle)}
    ningbo = bodies["中共宁波前湾新区工作委员会"]["aliases:string[]"]
    assert ningbo.count(";") >= 1 and "宁波前湾新区党工委" in ningbo.split(";")


def test_rdf_dates_and_deadlines_are_typed_literals(stores, turtle):
    XSD = rdflib.namespace.XSD  # noqa: N806 - not at module level: pytest's collection probes module attributes
    published = {lit for lit in turtle.objects(None, DCTERMS.issued)}
    assert {(lit.datatype, lit.toPython()) for lit in published} == {
        (XSD.date, dt.date(2020, 7, 17)), (XSD.date, dt.date(2022, 4, 8))}
    starts = {lit for lit in turtle.objects(None, NG.startDate)}
    assert {(lit.datatype, lit.toPython()) for lit in starts} == {
        (XSD.date, dt.date(2019, 11, 1)), (XSD.date, dt.date(2021, 3, 31))}
    deadlines = set(turtle.objects(None, NG.deadline))
    stored = {r["d"] for r in stores[0].query("MATCH (n) WHERE n.deadline IS NOT NULL RETURN DISTINCT n.deadline AS d")}
    assert {lit.datatype for lit in deadlines} == {XSD.gYearMonth}
    assert {str(lit) for lit in deadlines} == stored and "2020-12" in stored
    claimed = set(turtle.objects(None, NG.problemsClaimed))
    assert {(lit.datatype, lit.toPython()) for lit in claimed} == {(XSD.integer, 43)}
