"""The `noticegraph` command line: thin subcommands over the library.

Each command calls one library function and maps library errors to one-line messages.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from noticegraph.loaders import NoticeError, extract_file


@click.group()
@click.version_option(package_name="noticegraph")
def main() -> None:
    """NoticeGraph: analyse inspection rectification notices as a graph."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full extraction as JSON.")
@click.option("--encoding", default=None, help="Decode the files with this encoding.")
def extract(files: tuple[str, ...], as_json: bool, encoding: str | None) -> None:
    """Extract notices into typed records (one JSON object per notice with --json)."""
    results, failed = [], 0
    for path in files:
        try:
            results.append(extract_file(path, encoding=encoding))
        except NoticeError as error:
            click.echo(f"error: {error}", err=True)
            failed += 1
        except Exception as error:  # noqa: BLE001 - an extractor bug fails this file, not the run
            click.echo(f"error: {path}: extraction failed: {type(error).__name__}: {error}", err=True)
            failed += 1
    if as_json:
        payload = [n.to_json() for n in results]
        click.echo(json.dumps(payload[0] if len(files) == 1 and payload else payload,
                              ensure_ascii=False, indent=1))
    else:
        for notice in results:
            click.echo(_summary_line(notice))
    sys.exit(1 if failed else 0)


def _summary_line(notice) -> str:
    rnd = notice.round
    return (f"{notice.source}: {notice.title or '(no title)'} | {notice.published or '?'} | "
            f"{rnd.kind or '?'} {rnd.team or ''} {rnd.start or '?'}..{rnd.end or '?'} | "
            f"{len(notice.problems)} problems, {sum(len(p.measures) for p in notice.problems)} measures, "
            f"{len(notice.regulations_cited)} cited, {len(notice.documents_issued)} issued, "
            f"{len(notice.figures)} figures")


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--store, --db and the Neo4j connection flags (defaults from the environment)."""
    options = [
        click.option("--store", "store", type=click.Choice(["ladybug", "neo4j"]),
                     help="Graph store (default: ladybug, or neo4j when NEO4J_URI is set)."),
        click.option("--db", type=click.Path(path_type=Path),
                     help="LadybugDB file (default: NOTICEGRAPH_DB or ./data/noticegraph.lbug)."),
        click.option("--uri", help="Neo4j URI (default: NEO4J_URI)."),
        click.option("--user", help="Neo4j user (default: NEO4J_USER or neo4j)."),
        click.option("--database", help="Neo4j database (default: NEO4J_DATABASE or neo4j)."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


@contextlib.contextmanager
def opened_store(options: dict[str, Any], read_only: bool = False) -> Iterator[Any]:
    """Open the chosen store; store errors become one-line CLI errors (no traceback, no password)."""
    from noticegraph.graph import StoreError, open_store

    try:
        with open_store(read_only=read_only, **options) as graph:
            yield graph
    except StoreError as error:
        raise click.ClickException(str(error)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_options
@click.option("--encoding", help="Source encoding (default: detected per file).")
def load(paths: tuple[Path, ...], encoding: str | None, **options: Any) -> None:
    """Extract notices from files and folders (recursive) and load them into the graph."""
    from rich.progress import Progress

    from noticegraph.graph.ingest import find_notice_files, ingest
    from noticegraph.graph.ladybug_store import LOAD_POOL_MB

    files = find_notice_files(paths)
    pool = os.environ.setdefault("NOTICEGRAPH_BUFFER_POOL_MB", str(LOAD_POOL_MB))  # bounded loading memory
    try:
        with opened_store(options) as graph, Progress(transient=True) as bar:
            task = bar.add_task("loading", total=len(files))
            report = ingest(graph, files, encoding, progress=lambda n: bar.advance(task, n))
    finally:
        if pool == str(LOAD_POOL_MB):
            os.environ.pop("NOTICEGRAPH_BUFFER_POOL_MB", None)
    print_load_summary(report)
    for failure in report.failures:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
    if report.failures:
        raise SystemExit(1)


def print_load_summary(report: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    from noticegraph.graph.ingest import OUTCOMES

    table = Table("outcome", "notices", "problems", "measures", "regulations", title="load summary")
    for outcome in OUTCOMES:
        totals = report.totals(outcome)
        table.add_row(outcome, *(str(totals[k]) for k in ("notices", "problems", "measures", "regulations")))
    Console().print(table)


@main.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(as_json: bool, **options: Any) -> None:
    """Count nodes per label and relationships per type."""
    from noticegraph.cli_repair import pending_line

    with opened_store(options, read_only=True) as graph:
        counts, pending = graph.stats(), pending_line(graph)
    if pending:
        click.echo(pending, err=True)
    if as_json:
        click.echo(json.dumps(counts, indent=2, sort_keys=True))
        return
    for kind, numbers in counts.items():
        click.echo(f"{kind}:")
        for name, number in numbers.items():
            click.echo(f"  {name:<16}{number:>8}")


@main.command()
@store_options
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def reset(yes: bool, **options: Any) -> None:
    """Delete every node and relationship in the graph."""
    with opened_store(options) as graph:
        if not yes:
            click.confirm(f"Delete everything in {graph.describe()}?", abort=True)
        graph.reset()
    click.echo("graph emptied")


# Command modules that register themselves on `main` (kept apart so each stays small).
from noticegraph import cli_dashboard, cli_query, cli_repair, cli_types  # noqa: E402,F401
