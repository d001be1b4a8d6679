"""The taxonomy and resolution commands: ``types``, ``bodies suggest`` and ``synth``.

Each command calls one library function (graph/typecounts.py, graph/body_suggest.py,
synth.py) and prints its result; they register themselves on the ``noticegraph`` group.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import click

from noticegraph.cli import main, opened_store, store_options


@main.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--unclassified", is_flag=True, help="List the problems no rule matched instead.")
def types(as_json: bool, unclassified: bool, **options: Any) -> None:
    """The problem-type taxonomy with problems and notices per type (rolled up to broader types)."""
    from noticegraph.graph import typecounts

    with opened_store(options, read_only=True) as graph:
        rows = typecounts.unclassified(graph) if unclassified else typecounts.type_counts(graph)
    if as_json:
        payload = rows if unclassified else [row.to_json() for row in rows]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    elif unclassified:
        for row in rows:
            click.echo(f"{row['title'] or row['notice_id']}\t{row['path'] or ''}\t{row['text']}")
        click.echo(f"{len(rows)} unclassified problems", err=True)
    else:
        _print_tree(rows)


def _print_tree(rows: list[Any]) -> None:
    """One line per type, indented by depth; counts include the narrower types."""
    from rich.cells import cell_len

    names = [f"{'  ' * row.depth}{row.notation} {row.label} ({row.id})" for row in rows]
    width = max([cell_len(name) for name in names] + [4])
    click.echo(f"type{' ' * (width - 4)}{'problems':>10}{'notices':>9}")
    for name, row in zip(names, rows):
        click.echo(f"{name}{' ' * (width - cell_len(name))}{row.problems:>10}{row.notices:>9}")


@main.group()
def bodies() -> None:
    """Body resolution across notices."""


@bodies.command()
@store_options
@click.option("--threshold", default=85.0, show_default=True, type=click.FloatRange(0, 100),
              help="Lowest name similarity (0-100) to suggest.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data") / "aliases.tsv", show_default=True, help="Alias file to write.")
def suggest(threshold: float, output: Path, **options: Any) -> None:
    """Write near-duplicate body names to a reviewable alias file (reviewed=no).

    Existing rows of the file are kept as they are; set reviewed=yes on the rows that name one
    body, and the next load keys those bodies by the canonical name.
    """
    from noticegraph.graph.aliases import current_aliases, merge_rows, read_rows, write_rows
    from noticegraph.graph.body_suggest import store_bodies, suggest_aliases

    with opened_store(options, read_only=True) as graph:
        found = suggest_aliases(store_bodies(graph), threshold, current_aliases())
    old = read_rows(output) if output.is_file() else []
    rows = merge_rows(old, found)
    write_rows(output, rows)
    click.echo(f"{len(rows) - len(old)} new suggestions, {len(rows)} rows in {output}")


@main.command()
@click.argument("count", type=click.IntRange(1))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the notices to.")
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same corpus).")
@click.option("--relapses", default=0, show_default=True, type=click.IntRange(0),
              help="Relapses to plant (a type completed in one round, found again in the next).")
def synth(count: int, output: Path, seed: int, relapses: int) -> None:
    """Write COUNT synthetic notices (and their ground truth, planted.json) to a folder."""
    from noticegraph.synth import generate_corpus, write_corpus

    started = time.perf_counter()
    try:
        corpus = generate_corpus(count, seed=seed, relapses=relapses)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    write_corpus(corpus, output)
    click.echo(f"{len(corpus)} notices written to {output} in {time.perf_counter() - started:.1f} s")
