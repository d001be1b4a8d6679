"""Network measures over the body–problem type–regulation graph (networkx), for the CLI and the dashboard.

Contract: ``analyze(store) -> Analysis``, the same on both stores and from run to run:
- the graph: undirected and weighted, nodes ``Body:<id>``, ``ProblemType:<id>`` and
  ``Regulation:<id>``; a body–type edge weighs the problems of that type concerning the body,
  a type–regulation edge the measures on problems of that type that cite the regulation, a
  body–regulation edge the notices on the body (its inspection rounds) that cite it;
- ``bodies`` and ``regulations``: one ``Centrality`` each (id, name, degree = number of
  neighbours, betweenness = networkx's normalised betweenness centrality, unweighted; exact up
  to ``EXACT_LIMIT`` nodes, else estimated from ``EXACT_LIMIT`` pivots drawn with a fixed
  seed), highest betweenness first, then degree, then id; floats rounded to 6 decimals;
- ``communities``: communities of co-occurring problem types: types are linked when found in
  the same notice, weighted by the number of such notices, and split with networkx's
  ``greedy_modularity_communities``; each community's types are sorted by id, the
  communities largest first, then by first id. Types found alone form no community.
``Analysis.to_json()`` gives plain dicts and lists.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

EXACT_LIMIT = 1000
DIGITS = 6
BODY_TYPES = ("MATCH (b:Body)<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(t:ProblemType) "
              "RETURN b.id AS a, b.name AS a_name, t.id AS b, t.label AS b_name, count(DISTINCT p) AS weight")
TYPE_REGULATIONS = ("MATCH (t:ProblemType)<-[:HAS_TYPE]-(:Problem)-[:ADDRESSED_BY]->(m:Measure)"
                    "-[:CITES]->(g:Regulation) "
                    "RETURN t.id AS a, t.label AS a_name, g.id AS b, g.title AS b_name, count(DISTINCT m) AS weight")
BODY_REGULATIONS = ("MATCH (b:Body)<-[:INSPECTED]-(:Round)<-[:REPORTS_ON]-(n:Notice)-[:CITES]->(g:Regulation) "
                    "RETURN b.id AS a, b.name AS a_name, g.id AS b, g.title AS b_name, count(DISTINCT n) AS weight")
NOTICE_TYPES = ("MATCH (n:Notice)-[:CONTAINS]->(:Problem)-[:HAS_TYPE]->(t:ProblemType) "
                "RETURN DISTINCT n.id AS notice, t.id AS type")
EDGE_QUERIES = ((BODY_TYPES, "Body", "ProblemType"), (TYPE_REGULATIONS, "ProblemType", "Regulation"),
                (BODY_REGULATIONS, "Body", "Regulation"))


@dataclass(frozen=True)
class Centrality:
    id: str
    name: str
    degree: int
    betweenness: float


@dataclass(frozen=True)
class ProblemTypeRef:
    id: str
    label: str


@dataclass(frozen=True)
class Analysis:
    bodies: list[Centrality]
    regulations: list[Centrality]
    communities: list[list[ProblemTypeRef]]
    nodes: int
    edges: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def sorted_rows(store: Any, statement: str) -> list[dict[str, Any]]:
    return sorted(store.query(statement), key=lambda row: tuple(str(v) for v in row.values()))


def entity_graph(store: Any) -> nx.Graph:
    graph = nx.Graph()
    for statement, a_label, b_label in EDGE_QUERIES:
        for row in sorted_rows(store, statement):
            a, b = f"{a_label}:{row['a']}", f"{b_label}:{row['b']}"
            graph.add_node(a, kind=a_label, id=row["a"], name=row["a_name"] or row["a"])
            graph.add_node(b, kind=b_label, id=row["b"], name=row["b_name"] or row["b"])
            graph.add_edge(a, b, weight=int(row["weight"]))
    return graph


def betweenness(graph: nx.Graph) -> dict[str, float]:
    if graph.number_of_nodes() <= EXACT_LIMIT:
        return nx.betweenness_centrality(graph)
    return nx.betweenness_centrality(graph, k=EXACT_LIMIT, seed=0)


def centralities(graph: nx.Graph, kind: str, between: dict[str, float]) -> list[Centrality]:
    found = [Centrality(data["id"], data["name"], graph.degree(node), round(between[node], DIGITS))
             for node, data in graph.nodes(data=True) if data["kind"] == kind]
    return sorted(found, key=lambda c: (-c.betweenness, -c.degree, c.id))


def type_cooccurrence(store: Any) -> nx.Graph:
    """Types linked when found in one notice, weighted by notices; built in sorted order."""
    by_notice: dict[str, set[str]] = {}
    for row in store.query(NOTICE_TYPES):
        by_notice.setdefault(row["notice"], set()).add(row["type"])
    pairs = Counter(pair for types in by_notice.values() for pair in combinations(sorted(types), 2))
    graph = nx.Graph()
    graph.add_weighted_edges_from((a, b, weight) for (a, b), weight in sorted(pairs.items()))
    return graph


def type_communities(store: Any) -> list[list[ProblemTypeRef]]:
    graph = type_cooccurrence(store)
    if graph.number_of_edges() == 0:
        return []
    labels = dict(store_labels(store))
    groups = [sorted(group) for group in greedy_modularity_communities(graph, weight="weight")]
    groups.sort(key=lambda group: (-len(group), group[0]))
    return [[ProblemTypeRef(t, labels.get(t, t)) for t in group] for group in groups]


def store_labels(store: Any) -> list[tuple[str, str]]:
    return [(row["id"], row["label"] or row["id"])
            for row in store.query("MATCH (t:ProblemType) RETURN t.id AS id, t.label AS label")]


def analyze(store: Any) -> Analysis:
    graph = entity_graph(store)
    between = betweenness(graph)
    return Analysis(centralities(graph, "Body", between), centralities(graph, "Regulation", between),
                    type_communities(store), graph.number_of_nodes(), graph.number_of_edges())
