"""The query, export and analysis commands of the `noticegraph` group (registered by importing this module).

- ``queries``: the saved queries with titles and parameters;
- ``query NAME -p key=value … [--format]``: run a saved query (queries/registry.py);
- ``cypher "…" [-p key=value …] [--format]``: run ad-hoc Cypher through the read-only guard
  (graph/readonly.py); parameter values are read as JSON when they parse, else as strings;
- ``export --format ttl|jsonld|nt|graphml|gexf|csv -o PATH``: the graph in open formats;
- ``analyze [--json]``: network measures (graph/analyze.py).
Every command opens the store read-only; library errors become one-line messages.
"""
from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from noticegraph.cli import main, opened_store, store_options
from noticegraph.tabular import FORMATS, render

EXPORT_FORMATS = ("ttl", "jsonld", "nt", "graphml", "gexf", "csv")
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                             help="Output format.")
param_option = click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
                            help="A parameter value (repeatable).")


def split_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="-p")
        params[key.strip()] = value
    return params


def json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


@contextlib.contextmanager
def query_errors() -> Iterator[None]:
    """Saved-query errors (bad names, values or files) as one-line CLI errors."""
    from noticegraph.queries.errors import QueryError

    try:
        yield
    except QueryError as error:
        raise click.ClickException(str(error)) from None


def describe_param(param: Any) -> str:
    default = "null" if param.default is None else param.default
    return f"{param.name}: {param.type} = {default}"


@main.command("queries")
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
def list_queries(as_json: bool) -> None:
    """List the saved queries with their titles and parameters."""
    from noticegraph.queries.registry import default_registry

    with query_errors():
        registry = default_registry()
    if as_json:
        payload = [{"name": q.name, "title": q.title, "shape": q.shape, "description": q.description,
                    "params": [vars(p) for p in q.params]} for q in registry.values()]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    for query in registry.values():
        click.echo(f"{query.name}  ({query.shape})  {query.title}")
        for param in query.params:
            click.echo(f"    -p {describe_param(param)}  {param.description}")


@main.command("query")
@click.argument("name")
@param_option
@format_option
@store_options
def run_saved_query(name: str, params: tuple[str, ...], fmt: str, **options: Any) -> None:
    """Run the saved query NAME (see `noticegraph queries`)."""
    from noticegraph.queries.registry import default_registry, run_query

    with query_errors():
        query = default_registry()[name]
        given = split_params(params)
        with opened_store(options, read_only=True) as graph:
            result = run_query(graph, query, given)
    click.echo(render(result.rows, result.columns, fmt, title=query.title), nl=False)


@main.command("cypher")
@click.argument("statement")
@param_option
@format_option
@store_options
def run_cypher(statement: str, params: tuple[str, ...], fmt: str, **options: Any) -> None:
    """Run one read-only Cypher STATEMENT (writes, procedures and file access are refused)."""
    from noticegraph.graph.readonly import run_read_only
    from noticegraph.queries.results import tidy_value

    values = {key: json_or_text(value) for key, value in split_params(params).items()}
    with opened_store(options, read_only=True) as graph:
        rows = [tidy_value(row) for row in run_read_only(graph, statement, values)]
    click.echo(render(rows, None, fmt), nl=False)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file (a folder for csv).")
@click.option("--no-edge-provenance", is_flag=True,
              help="RDF: leave out the statements that describe each relationship's source span.")
@store_options
def export(fmt: str, output: Path, no_edge_provenance: bool, **options: Any) -> None:
    """Export the graph: RDF (ttl, jsonld, nt), GraphML or GEXF for Gephi, or CSV for neo4j-admin import."""
    with opened_store(options, read_only=True) as graph:
        click.echo(write_export(graph, fmt, output, not no_edge_provenance))


def write_export(graph: Any, fmt: str, output: Path, provenance: bool) -> str:
    if fmt == "csv":
        from noticegraph.graph.export_csv import export_csv
        return f"wrote {len(export_csv(graph, output))} files to {output}"
    if fmt in ("graphml", "gexf"):
        from noticegraph.graph.export_nx import export_networkx
        nodes, edges = export_networkx(graph, output, fmt)
        return f"wrote {nodes} nodes and {edges} edges to {output}"
    from noticegraph.graph.export_rdf import export_rdf
    return f"wrote {export_rdf(graph, output, fmt, provenance)} triples to {output}"


@main.command("analyze")
@click.option("--json", "as_json", is_flag=True, help="Print every measure as JSON.")
@click.option("--top", default=10, show_default=True, help="Rows per table (text output).")
@store_options
def analyze_command(as_json: bool, top: int, **options: Any) -> None:
    """Degree and betweenness of bodies and regulations; communities of co-occurring problem types."""
    from noticegraph.graph.analyze import analyze

    with opened_store(options, read_only=True) as graph:
        analysis = analyze(graph)
    if as_json:
        click.echo(json.dumps(analysis.to_json(), ensure_ascii=False, indent=1))
        return
    click.echo(f"graph: {analysis.nodes} nodes (bodies, problem types, regulations), {analysis.edges} edges")
    for title, rows in (("bodies", analysis.bodies), ("regulations", analysis.regulations)):
        click.echo(render([vars(row) for row in rows[:top]], ["name", "degree", "betweenness", "id"], "table",
                          title=f"{title} by betweenness"), nl=False)
    for k, community in enumerate(analysis.communities, start=1):
        click.echo(f"community {k}: " + ", ".join(f"{t.label} ({t.id})" for t in community))
