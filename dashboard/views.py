"""Rendering shared by the pages: a saved query's result as chart, table and drill-down.

Contract:
- ``guarded()`` is the page edge: a StoreError or QueryError inside it becomes one ``st.error``
  line (never a traceback, never a password); anything else is a bug and propagates.
- ``count_line(result)`` says how many rows show, "N of TOTAL" when the query declares a total.
- ``result_view(result, key)`` draws the chart the query's metadata asks for (charts.py), the
  table (lists of ids included, a reader link on rows with evidence columns), and the
  selection: a clicked bar/cell/row, or the URL's ``<key>sel`` row index, runs the query's
  ``detail`` and lists the items with their sentence and a link to the reader. Returns the
  selected row, or None.
  ``rows=False`` leaves the table out where a chart was drawn (a page's glance: the Overview)
  and links to the query on the Saved queries page instead, where the table and downloads are.
- ``evidence_table(result)`` lists rows that carry ``notice_id``/``span_start``/``span_end``
  with a link to the reader at that span.
- ``notice_list(result)`` shows ``notices`` rows as one markdown line each: date, the title as
  a link to the reader at its span, the issuer and the problems found (and stated, when the
  notice states another number). Lighter than a table: no grid to load and draw.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import pandas as pd
import streamlit as st

from ..graph.errors import StoreError
from ..queries.errors import QueryError
from ..queries.model import EVIDENCE
from ..queries.results import QueryResult
from . import charts, data
from .urlstate import reader_link, saved_query_link, set_url, url_value

READER_COLUMN = "reader"
OPEN = r"^\./(read)er\?"  # the link's text: "read" for a reader link, nothing for a row with none
DETAIL_LIMIT = 50
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>~$|])")  # inline markup; $ too: Streamlit renders $…$ as math


@contextmanager
def guarded() -> Iterator[None]:
    try:
        yield
    except (StoreError, QueryError) as error:
        st.error(str(error).splitlines()[0] if str(error) else type(error).__name__)


def count_line(result: QueryResult, noun: str = "rows") -> str:
    shown = len(result.rows)
    if result.total is not None:
        return f"{shown:,} of {result.total:,} {noun}"
    return f"{shown:,} {noun}"


def frame_of(result: QueryResult) -> pd.DataFrame:
    frame = pd.DataFrame(result.rows, columns=result.columns or None)
    if set(EVIDENCE) <= set(frame.columns):
        frame.insert(0, READER_COLUMN, [reader_link(r["notice_id"], r["span_start"], r["span_end"])
                                        for r in result.rows])
    elif "notice_id" in frame.columns:
        frame.insert(0, READER_COLUMN, [reader_link(r["notice_id"]) if r.get("notice_id") not in (None, "all")
                                        else "" for r in result.rows])  # "": no link, no "None" shown
    return frame


def _column_config(frame: pd.DataFrame) -> dict[str, Any]:
    if READER_COLUMN not in frame.columns:
        return {}
    return {READER_COLUMN: st.column_config.LinkColumn(READER_COLUMN, display_text=OPEN, width="small")}


def table(result: QueryResult, key: str | None = None, selectable: bool = False) -> Any:
    frame = frame_of(result)
    options: dict[str, Any] = {"on_select": "rerun", "selection_mode": "single-row"} if selectable else {}
    return st.dataframe(frame, hide_index=True, column_config=_column_config(frame), key=key, **options)


def markdown_text(value: Any) -> str:
    """``value`` as literal markdown text: every character markdown or math would read, escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def notice_line(row: Mapping[str, Any]) -> str:
    found, stated = row.get("problems"), row.get("problems_claimed")
    problems = f"{found} problems" + (f" (the notice states {stated})" if stated not in (None, found) else "")
    link = reader_link(row["notice_id"], row.get("span_start"), row.get("span_end"))
    parts = [markdown_text(row.get("published") or "undated"), f"[{markdown_text(row.get('title'))}]({link})",
             markdown_text(row.get("issuer") or ""), problems]
    return "- " + " · ".join(part for part in parts if part)


def notice_list(result: QueryResult) -> None:
    st.caption(count_line(result, "notices"))
    st.markdown("\n".join(notice_line(row) for row in result.rows))


def evidence_table(result: QueryResult, key: str | None = None) -> None:
    st.caption(count_line(result, "items"))
    table(result, key=key)


def _table_selection(event: Any) -> int | None:
    try:
        rows = event["selection"]["rows"]
    except (KeyError, TypeError):
        return None
    return int(rows[0]) if rows else None


def _selected(key: str, clicked: int | None, rows: int) -> int | None:
    """The row picked now (a click), else the URL's; kept in the URL."""
    if clicked is not None:
        set_url(f"{key}sel", clicked)
        return clicked
    given = url_value(f"{key}sel")
    if given is not None and given.isdigit() and int(given) < rows:
        return int(given)
    return None


def row_title(result: QueryResult, row: Mapping[str, Any]) -> str:
    hints = result.query.columns
    parts = [row.get(hints[h]) for h in ("x", "row", "column", "label", "series") if h in hints]
    text = " · ".join(str(p) for p in dict.fromkeys(parts) if p not in (None, ""))
    return text or str({k: v for k, v in row.items() if not isinstance(v, list)})


def detail_view(result: QueryResult, row: Mapping[str, Any], key: str) -> None:
    st.markdown(f"**Behind {row_title(result, row)}**")
    if result.query.detail is None:
        st.caption("This query names no detail query: the ids it counts are in the row.")
        st.json({k: v for k, v in row.items()}, expanded=False)
        return
    items = data.detail(result, row, DETAIL_LIMIT)
    evidence_table(items, key=f"{key}detail")


def table_link(result: QueryResult) -> None:
    st.markdown(f"[The rows as a table, with downloads]({saved_query_link(result.query.name, result.params)})")


def _table_or_link(result: QueryResult, key: str, show_table: bool) -> int | None:
    """The selectable table (the row clicked, if any), or a link to it on Saved queries."""
    if show_table:
        return _table_selection(table(result, key=f"{key}table", selectable=True))
    table_link(result)
    return None


def result_view(result: QueryResult, key: str, chart: bool = True, rows: bool = True) -> Mapping[str, Any] | None:
    st.caption(count_line(result))
    if not result.rows:
        st.info("No rows for these parameters.")
        return None
    clicked = None
    drawn = charts.chart_for(result) if chart else None
    if drawn is not None:
        clicked = charts.selected_row(st.altair_chart(drawn, on_select="rerun", key=f"{key}chart",
                                                      width="stretch"))
    show_table = rows or drawn is None
    clicked_row = _table_or_link(result, key, show_table)
    index = _selected(key, clicked if clicked is not None else clicked_row, len(result.rows))
    if index is None:
        if result.query.detail is not None:
            st.caption(f"Click a {'bar, cell or row' if show_table else 'bar or cell'} to see the items it counts.")
        return None
    detail_view(result, result.rows[index], key)
    return result.rows[index]
