"""The `noticegraph` command line: thin subcommands over the library.

Each command calls one library function and maps library errors to one-line messages.
"""
from __future__ import annotations

import json
import sys

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
