"""The queries, query, cypher, export and analyze commands on both stores, through click's CliRunner."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner
from cli_support import assert_clean_exit
from conftest import SAMPLES

from noticegraph.cli import main
from noticegraph.graph import open_store


@pytest.fixture(scope="module", params=["ladybug", "neo4j"])
def cli_store(request, tmp_path_factory):
    """(arguments, environment) of a store of each kind holding the two samples."""
    if request.param == "ladybug":
        args, env = ["--db", str(tmp_path_factory.mktemp("cli") / "cli.lbug")], {"NEO4J_URI": None}
    else:
        server = request.getfixturevalue("bolt_server")
        with open_store("neo4j", uri=server.uri, user=server.user, password=server.password) as graph:
            graph.reset()
        args = ["--store", "neo4j", "--uri", server.uri, "--user", server.user, "--database", server.database]
        env = {"NEO4J_PASSWORD": server.password}
    assert run(["load", str(SAMPLES), *args], env).exit_code == 0
    return args, env


def run(args, env=None):
    return CliRunner().invoke(main, args, env=env or {})


def ok(args, cli_store):
    result = run([*args, *cli_store[0]], cli_store[1])
    assert result.exit_code == 0, result.output
    return result.stdout


def fails(args, cli_store):
    result = run([*args, *cli_store[0]], cli_store[1])
    assert_clean_exit(result, 1)
    return result.output.strip()


def test_queries_lists_names_titles_and_params():
    listing = run(["queries"]).stdout
    assert "top-cited-regulations  (bar)  Most cited regulations" in listing
    assert "-p as_of: date = today" in listing
    registry = json.loads(run(["queries", "--json"]).stdout)
    assert {q["name"] for q in registry} >= {"relapses", "figures"} and all("params" in q for q in registry)


def test_query_formats(cli_store):
    rows = json.loads(ok(["query", "top-cited-regulations", "-p", "limit=3", "--format", "json"], cli_store))
    assert {"中国共产党支部工作条例(试行)", "中国共产党章程"} <= {r["title"] for r in rows}
    csv_text = ok(["query", "rounds-timeline", "--format", "csv"], cli_store)
    assert csv_text.splitlines()[0].startswith("round,name,kind,level") and len(csv_text.splitlines()) == 3
    markdown = ok(["query", "status-summary", "--format", "markdown"], cli_store)
    assert markdown.startswith("| scope | notice_id |") and "| overall | all |" in markdown
    assert "Most cited regulations" in ok(["query", "top-cited-regulations", "-p", "limit=2"], cli_store)


def test_query_errors_are_one_line(cli_store):
    assert fails(["query", "nope"], cli_store).startswith("Error: no saved query 'nope'")
    assert fails(["query", "figures", "-p", "year=2020"], cli_store) == (
        "Error: query figures has no parameter year (it takes unit, metric, body, limit)")
    assert "is not a date" in fails(["query", "overdue-measures", "-p", "as_of=soon"], cli_store)


def test_cypher_reads_and_refuses_writes(cli_store):
    counted = ok(["cypher", "MATCH (n:Notice) WHERE n.published >= $since RETURN count(n) AS n",
                  "-p", 'since="2021"', "--format", "json"], cli_store)
    assert json.loads(counted) == [{"n": 1}]
    before = ok(["stats", "--json"], cli_store)
    assert fails(["cypher", "MATCH (n) DETACH DELETE n"], cli_store) == (
        "Error: refused: DETACH writes to the graph; only read queries run here")
    assert "refused: LOAD" in fails(["cypher", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"], cli_store)
    assert ok(["stats", "--json"], cli_store) == before
    assert fails(["cypher", "MATCH (n:Nope) RETURN n.x AS x ORDER BY"], cli_store).startswith("Error: query failed on")


def test_export_and_analyze(cli_store, tmp_path):
    assert "triples" in ok(["export", "--format", "ttl", "-o", str(tmp_path / "g.ttl")], cli_store)
    ok(["export", "--format", "graphml", "-o", str(tmp_path / "g.graphml")], cli_store)
    stats = json.loads(ok(["stats", "--json"], cli_store))
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.number_of_nodes() == sum(stats["nodes"].values())
    assert "files" in ok(["export", "--format", "csv", "-o", str(tmp_path / "csv")], cli_store)
    assert (tmp_path / "csv" / "Notice.csv").is_file()
    analysis = json.loads(ok(["analyze", "--json"], cli_store))
    assert analysis.keys() == {"bodies", "regulations", "communities", "nodes", "edges"}
    assert "bodies by betweenness" in ok(["analyze", "--top", "3"], cli_store)
