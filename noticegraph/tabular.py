"""Query rows as text: a terminal table, CSV, JSON or Markdown, for the CLI.

Contract: ``render(rows, columns, fmt)`` returns the rows (dicts of plain values) as a string
in ``fmt`` (one of ``FORMATS``), columns in the order given (else the first row's):
- ``json``: a list of objects, every value in full (ensure_ascii off, dates as ISO strings);
- ``csv``: a header and one line per row; lists joined with ``; ``, None as empty;
- ``markdown``: a pipe table (``|`` escaped), lists of more than ``LIST_PREVIEW`` items
  shortened to their first items and ``… (+N)``; ``table``: the same cells in a rich table.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("table", "csv", "json", "markdown")
LIST_PREVIEW = 5


def cell(value: Any, preview: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        shown = value[:LIST_PREVIEW] if preview else value
        more = f" … (+{len(value) - len(shown)})" if len(value) > len(shown) else ""
        return "; ".join(cell(v, preview) for v in shown) + more
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def as_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1, default=str)


def as_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c), preview=False) for c in columns])
    return out.getvalue()


def as_markdown(rows: list[dict[str, Any]], columns: list[str]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    lines = [line(columns), "|" + "---|" * len(columns)]
    lines += [line([cell(row.get(c)) for c in columns]) for row in rows]
    return "\n".join(lines) + "\n"


def as_table(rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, title=title, show_lines=False)
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    console = Console(file=io.StringIO(), width=200, record=True)
    console.print(table)
    return console.export_text()


def render(rows: list[dict[str, Any]], columns: list[str] | None = None, fmt: str = "table",
           title: str | None = None) -> str:
    columns = list(columns or (rows[0] if rows else []))
    if fmt == "json":
        return as_json(rows) + "\n"
    if fmt == "csv":
        return as_csv(rows, columns)
    if fmt == "markdown":
        return as_markdown(rows, columns)
    return as_table(rows, columns, title)
