"""Rows as a saved query returns them: made deterministic and identical across engines.

Contract: ``tidy_rows(query, rows)`` post-processes the plain rows of either store:
- every list in a row is sorted (``collect()`` keeps no order on LadybugDB);
- floats are rounded to ``FLOAT_DIGITS`` decimals (summation order differs between engines);
- each ``lags`` column is added: whole days from one ISO date column to another (None when
  either is missing), since date arithmetic differs between the engines;
- rows are sorted by the ``sort`` columns when the query declares them (``-column`` sorts
  descending; None sorts last either way).
``QueryResult`` carries the query, the bound parameters, the column names, the rows and the
``total`` (rows without the limit; None when the query declares no total).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from .model import SavedQuery

FLOAT_DIGITS = 6


@dataclass(frozen=True)
class QueryResult:
    query: SavedQuery
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    total: int | None = None

    @property
    def truncated(self) -> bool:
        """Whether the limit left rows out."""
        return self.total is not None and self.total > len(self.rows)


def order_key(value: Any) -> tuple:
    """A total order over plain values: None last, then by kind, then by value."""
    if value is None:
        return (2, "", "")
    if isinstance(value, (bool, int, float)):
        return (0, "number", value)
    if isinstance(value, str):
        return (0, "str", value)
    return (1, type(value).__name__, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))


def tidy_value(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, FLOAT_DIGITS)
    if isinstance(value, list):
        return sorted((tidy_value(v) for v in value), key=order_key)
    if isinstance(value, dict):
        return {k: tidy_value(v) for k, v in value.items()}
    return value


def days_between(start: Any, end: Any) -> int | None:
    try:
        return (dt.date.fromisoformat(str(end)) - dt.date.fromisoformat(str(start))).days
    except ValueError:
        return None


def with_lags(row: dict[str, Any], lags: dict[str, tuple[str, str]]) -> dict[str, Any]:
    for name, (start, end) in lags.items():
        both = row.get(start) is not None and row.get(end) is not None
        row[name] = days_between(row[start], row[end]) if both else None
    return row


def sort_rows(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """Stable sorts from the last column to the first, so each column keeps its own direction."""
    for column in reversed(columns):
        name, descending = column.lstrip("-"), column.startswith("-")
        present = [row for row in rows if row.get(name) is not None]
        present.sort(key=lambda row: order_key(row[name]), reverse=descending)
        rows = present + [row for row in rows if row.get(name) is None]
    return rows


def tidy_rows(query: SavedQuery, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    tidied = [with_lags({k: tidy_value(v) for k, v in row.items()}, dict(query.lags)) for row in rows]
    return sort_rows(tidied, query.sort) if query.sort else tidied
