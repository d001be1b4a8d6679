"""`noticegraph repair`: finish what an interrupted load left, and the pending line of `stats`.

`repair` opens the store for writing (which also recovers a LadybugDB file after a killed
write), completes the pending similarity links (graph/pending.py) and says what it did;
`--relink-all` recomputes every SIMILAR_TO link from scratch (a store linked by an older
measure, or notices deleted outside `pending.delete_notices`); `--recount` recomputes the
maintained counts (graph/aggregates.py), the per-notice tallies (graph/tallies.py) and each
problem's best similarity score (graph/similar.py) of a database loaded by a version without them. `pending_line(store)` is the
line `stats` prints when derived data is pending, else None.
"""
from __future__ import annotations

from typing import Any

import click

from noticegraph.cli import main, opened_store, store_options


def pending_line(store: Any) -> str | None:
    from noticegraph.graph.pending import pending_counts

    notices, problems = pending_counts(store)
    if not notices and not problems:
        return None
    return (f"pending: similarity links of {notices} notices and {problems} problems were not finished "
            "(an interrupted load): run `noticegraph repair` or load again")


@main.command()
@store_options
@click.option("--relink-all", is_flag=True, help="Recompute every SIMILAR_TO link from scratch.")
@click.option("--recount", is_flag=True, help="Recompute the maintained counts and tallies (older databases).")
def repair(relink_all: bool, recount: bool, **options: Any) -> None:
    """Complete derived data an interrupted load left pending (and recover the store)."""
    from noticegraph.graph import aggregates, pending, similar, tallies

    with opened_store(options) as graph:
        graph.ensure_schema()
        if recount:
            graph.write(aggregates.recount)
            graph.write(tallies.rebuild)
            similar.rebuild_best(graph)
            click.echo("recounted: maintained counts, tallies and best similarity scores rebuilt from the stored notices")
        before = pending.pending_counts(graph)
        report = pending.relink_all(graph) if relink_all else pending.complete(graph)
    what = "every link recomputed" if relink_all else f"{before[0]} notices and {before[1]} problems were pending"
    click.echo(f"repaired: {what}; SIMILAR_TO links created {report.created}, deleted {report.deleted}")
