"""Charts drawn from a saved query's own metadata: its ``shape`` and its ``columns`` hints.

Contract: ``chart_for(result)`` returns an Altair chart (Vega-Lite, bundled with Streamlit, so
nothing is fetched) for the shapes bar, line, matrix and timeline when the hints it needs name
columns of the rows, else None (table and graph shapes, or rows without those columns). A bar
axis of ids (``…_id``) shows the rows' ``title`` instead (a notice's title, not its hash). Every
chart carries a point selection named ``SELECTION`` over a row-index field ``ROW``, so a click
gives back the row clicked: ``selected_row(event)``. Pure: no reading, no rendering.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

from ..queries.results import QueryResult

SELECTION = "pick"
ROW = "_row"
TITLE = "name"
LABEL_LIMIT = 360
TITLE_LIMIT = 200  # long notice titles end in an ellipsis, leaving the bars room (the tooltip has all)
FONT = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"


def chart_frame(result: QueryResult) -> pd.DataFrame:
    """The rows with scalar columns only (lists of ids stay in the table) and their index."""
    frame = pd.DataFrame([{k: v for k, v in row.items() if not isinstance(v, (list, dict))}
                          for row in result.rows])
    frame[ROW] = range(len(frame))
    return frame


def _has(frame: pd.DataFrame, *columns: str | None) -> bool:
    return all(c is not None and c in frame.columns for c in columns)


def _picker() -> alt.Parameter:
    return alt.selection_point(name=SELECTION, fields=[ROW], on="click")


def _opacity(pick: alt.Parameter) -> alt.OpacityValue:
    return alt.condition(pick, alt.value(1.0), alt.value(0.45))


def _count_axis(values: pd.Series) -> alt.Axis:
    """Whole-number ticks for counts."""
    counts = pd.api.types.is_integer_dtype(values)
    return alt.Axis(tickMinStep=1, format="d") if counts else alt.Axis()


def shown_as_title(frame: pd.DataFrame, column: str) -> str:
    """An id column shown by the title its rows carry (notice_id → title), else the column."""
    if not column.endswith("_id") or "title" not in frame.columns:
        return column
    frame[TITLE] = frame["title"].where(frame["title"].notna(), frame[column]).astype(str)
    return TITLE


def bar(frame: pd.DataFrame, hints: Mapping[str, str]) -> alt.Chart | None:
    x, y, series = hints.get("x"), hints.get("y") or hints.get("value"), hints.get("series")
    if not _has(frame, x, y):
        return None
    x = shown_as_title(frame, x)
    pick = _picker()
    color = alt.Color(f"{series}:N", title=series) if _has(frame, series) else alt.value("#4c78a8")
    height = max(160, 26 * frame[x].nunique())
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y(f"{x}:N", sort="-x" if not _has(frame, series) else None, title=None,
                axis=alt.Axis(labelLimit=TITLE_LIMIT if x == TITLE else LABEL_LIMIT, labelOverlap=False)),
        x=alt.X(f"{y}:Q", title=y, axis=_count_axis(frame[y])), color=color, opacity=_opacity(pick),
        tooltip=[c for c in (x, y, series) if _has(frame, c)],
    ).add_params(pick).properties(height=height)


def line(frame: pd.DataFrame, hints: Mapping[str, str]) -> alt.Chart | None:
    x, y = hints.get("x"), hints.get("y") or hints.get("value")
    if not _has(frame, x, y):
        return None
    pick = _picker()
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X(f"{x}:O", title=x), y=alt.Y(f"{y}:Q", title=y), opacity=_opacity(pick),
        tooltip=[x, y]).add_params(pick)


def matrix(frame: pd.DataFrame, hints: Mapping[str, str]) -> alt.Chart | None:
    """A heatmap; the side with more distinct values goes down the page, where labels fit."""
    row, column, value = hints.get("row"), hints.get("column"), hints.get("value")
    if not _has(frame, row, column, value):
        return None
    if frame[column].nunique() > frame[row].nunique():
        row, column = column, row
    pick = _picker()
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{row}:N", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False)),
        x=alt.X(f"{column}:N", title=None,  # angled: every column keeps its label, however many
                axis=alt.Axis(labelAngle=-50, labelLimit=160, labelOverlap=False, orient="top")))
    cells = base.mark_rect().encode(color=alt.Color(f"{value}:Q", title=value, scale=alt.Scale(scheme="blues")),
                                    opacity=_opacity(pick), tooltip=[row, column, value]).add_params(pick)
    labels = base.mark_text(baseline="middle").encode(text=f"{value}:Q")
    return (cells + labels).properties(height=max(160, 24 * frame[row].nunique()))


def timeline(frame: pd.DataFrame, hints: Mapping[str, str]) -> alt.Chart | None:
    start, end = hints.get("start"), hints.get("end")
    label = hints.get("row") or hints.get("label")
    if not _has(frame, start, end, label):
        return None
    frame = frame.dropna(subset=[start, end]).copy()
    if frame.empty:
        return None
    frame[start], frame[end] = pd.to_datetime(frame[start]), pd.to_datetime(frame[end])
    pick = _picker()
    tip = [c for c in (label, hints.get("label"), start, end) if c in frame.columns]
    return alt.Chart(frame).mark_bar(size=14).encode(
        y=alt.Y(f"{label}:N", title=None, sort=None,  # the rows' order: earliest first
                axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False)),
        x=alt.X(f"{start}:T", title="date"), x2=f"{end}:T", opacity=_opacity(pick),
        color=alt.Color(f"{hints['label']}:N", title=hints["label"]) if hints.get("row") and
        _has(frame, hints.get("label")) else alt.value("#4c78a8"),
        tooltip=list(dict.fromkeys(tip))).add_params(pick).properties(height=max(120, 30 * frame[label].nunique()))


DRAW = {"bar": bar, "line": line, "matrix": matrix, "timeline": timeline}


def chart_for(result: QueryResult) -> alt.TopLevelMixin | None:
    draw = DRAW.get(result.query.shape)
    if draw is None or not result.rows:
        return None
    chart = draw(chart_frame(result), result.query.columns)
    return None if chart is None else chart.configure_axis(labelFont=FONT, titleFont=FONT).configure_legend(
        labelFont=FONT, titleFont=FONT)


def selected_row(event: Any) -> int | None:
    """The row index a chart click selected, from ``st.altair_chart(..., on_select="rerun")``."""
    try:
        points = event["selection"][SELECTION]
    except (KeyError, TypeError):
        return None
    if isinstance(points, Mapping):
        points = [points]
    for point in points or []:
        if isinstance(point, Mapping) and point.get(ROW) is not None:
            return int(point[ROW])
    return None
