"""A saved query as a typed record, built from its YAML metadata and its Cypher text.

Contract: ``saved_query(meta, cypher, variants, source)`` validates the metadata dict and
returns a ``SavedQuery``; anything wrong raises ``QueryDefinitionError`` naming ``source``.
Metadata keys (unknown keys are errors):
- ``name`` (the file stem), ``title``, ``description``: strings; ``shape``: one of ``SHAPES``;
- ``params``: a list of {``name``, ``type`` (``PARAM_TYPES``), ``default`` (optional, null when
  absent; a date may default to ``today``), ``description``, ``choices`` (optional: a Cypher
  query returning one column ``value``, the allowed values)};
- ``columns``: optional dashboard hints, {hint: column} with hints from ``COLUMN_HINTS``;
- ``sort``: optional list of columns (``-column`` for descending) to sort the rows by in
  Python, for queries that cannot order their rows themselves (``UNION ALL``: ORDER BY
  binds to each part, not to the union);
- ``cut_after_sort``: optional bool: keep only the first ``limit`` rows after that sort (a
  union whose parts each take the limit, of which the first rows of the sorted whole are
  wanted: status-summary's overall rows, then its first notices);
- ``lags``: optional {column: [from column, to column]}: whole days between two ISO dates,
  added in Python because date arithmetic differs between the engines.
- ``total``: optional Cypher returning one row with one column ``total``: how many rows the
  query gives without its ``limit`` (or a ``UNION ALL`` of such rows, one per part: summed). It takes a subset of the query's parameters, never
  ``limit``. Every query that declares a ``limit`` declares a ``total`` (registry.py checks),
  so a view can say "20 of 3,412".
- ``detail``: optional {``query``: name of a companion saved query, ``params``: {its parameter:
  a column of this query's row, or ``$param`` for this query's own bound value}, ``counts``:
  optional, the row column the detail's total equals, when that is not the ``y``/``value``
  hint (figures chart the largest value stated, and count its ``mentions``)}: the items one
  aggregate row counts (the measures citing one regulation, the problems of one body × type
  cell). A detail query returns the *evidence columns* ``EVIDENCE`` (``notice_id``,
  ``span_start``, ``span_end``: where the item stands in its notice's text) and takes a
  ``limit`` like any list. So every number traces to sentences without an aggregate row
  carrying thousands of ids.
- ``requires``: optional list of parameters without which the query has nothing to say (a
  detail query's key, a search's keyword); an item may be a list of parameters of which one
  must be given. When a requirement is unmet (null), ``run_query`` returns no rows
  and a total of 0 without running any Cypher. Each query's text must itself return no rows
  then (tests/test_query_shortcuts.py checks it on both stores), so this only saves the scans.
``variants`` maps an engine name to the text of ``<name>.<engine>.cypher``, the exception.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import QueryDefinitionError

SHAPES = ("table", "bar", "line", "matrix", "graph", "timeline")
PARAM_TYPES = ("str", "int", "float", "date", "bool")
COLUMN_HINTS = frozenset({"x", "y", "series", "row", "column", "value", "source", "target", "label",
                          "start", "end"})
QUERY_KEYS = {"name": True, "title": True, "description": True, "shape": True, "params": False,
              "columns": False, "sort": False, "lags": False, "total": False, "detail": False,
              "requires": False, "cut_after_sort": False}
DETAIL_KEYS = {"query": True, "params": True, "counts": False}
EVIDENCE = ("notice_id", "span_start", "span_end")
LIMIT = "limit"
PARAM_KEYS = {"name": True, "type": True, "description": True, "default": False, "choices": False}
TODAY = "today"
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    default: Any = None
    choices: str | None = None


@dataclass(frozen=True)
class Detail:
    """The companion query listing what one row of an aggregate counts."""
    query: str
    params: Mapping[str, str]  # detail parameter -> row column, or "$name" of the aggregate's parameter
    counts: str | None = None  # the row column the detail rows add up to (default: the y/value hint)

    def bind(self, row: Mapping[str, Any], bound: Mapping[str, Any]) -> dict[str, Any]:
        """The detail query's parameters for one aggregate ``row`` run with ``bound`` parameters."""
        return {name: bound.get(source[1:]) if source.startswith("$") else row.get(source)
                for name, source in self.params.items()}


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    shape: str
    cypher: str
    params: tuple[Param, ...] = ()
    columns: Mapping[str, str] = field(default_factory=dict)
    sort: tuple[str, ...] = ()
    lags: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    variants: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    total: str | None = None
    detail: Detail | None = None
    requires: tuple[tuple[str, ...], ...] = ()  # each: one of these parameters must be non-null
    cut_after_sort: bool = False

    def text_for(self, engine: str) -> str:
        """The Cypher to run on ``engine`` (``ladybug`` or ``neo4j``): its variant if there is one."""
        return self.variants.get(engine, self.cypher)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def counted_column(self) -> str | None:
        """The row column a detail query's total equals: its ``counts``, else the y/value hint."""
        if self.detail and self.detail.counts:
            return self.detail.counts
        return self.columns.get("y") or self.columns.get("value")


def check_keys(data: Any, allowed: dict[str, bool], where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise QueryDefinitionError(f"{where}: expected a mapping, got {type(data).__name__}")
    unknown = sorted(set(data) - set(allowed))
    missing = sorted(k for k, required in allowed.items() if required and k not in data)
    if unknown or missing:
        problems = ([f"unknown key(s) {', '.join(unknown)}"] if unknown else []) + \
                   ([f"missing key(s) {', '.join(missing)}"] if missing else [])
        raise QueryDefinitionError(f"{where}: {'; '.join(problems)}")
    return data


def text_field(data: dict[str, Any], key: str, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise QueryDefinitionError(f"{where}: {key} must be a non-empty string")
    return value.strip()


def default_fits(type_: str, value: Any) -> bool:
    """Whether a declared default has the declared type (null always fits)."""
    if value is None:
        return True
    if type_ == "date":
        return value == TODAY or isinstance(value, dt.date) or isinstance(value, str) and _is_iso_date(value)
    expected = {"str": str, "int": int, "float": (int, float), "bool": bool}[type_]
    return isinstance(value, expected) and (type_ == "bool" or not isinstance(value, bool))


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_param(data: Any, where: str) -> Param:
    data = check_keys(data, PARAM_KEYS, where)
    name = text_field(data, "name", where)
    where = f"{where} ({name})"
    if not _IDENTIFIER.match(name):
        raise QueryDefinitionError(f"{where}: a parameter name must be an identifier")
    if data["type"] not in PARAM_TYPES:
        raise QueryDefinitionError(f"{where}: type must be one of {', '.join(PARAM_TYPES)}, not {data['type']!r}")
    default = data.get("default")
    if isinstance(default, dt.date):
        default = default.isoformat()  # YAML reads 2024-01-31 as a date
    if not default_fits(data["type"], default):
        raise QueryDefinitionError(f"{where}: default {default!r} is not a {data['type']}")
    choices = data.get("choices")
    if choices is not None and (not isinstance(choices, str) or not choices.strip()):
        raise QueryDefinitionError(f"{where}: choices must be a Cypher query returning `value`")
    return Param(name, data["type"], text_field(data, "description", where), default,
                 choices.strip() if choices else None)


def parse_columns(data: Any, where: str) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise QueryDefinitionError(f"{where}: columns must map hints to column names")
    unknown = sorted(set(data) - COLUMN_HINTS)
    if unknown:
        raise QueryDefinitionError(f"{where}: unknown column hint(s) {', '.join(unknown)}; "
                                   f"use {', '.join(sorted(COLUMN_HINTS))}")
    return dict(data)


def parse_lags(data: Any, where: str) -> dict[str, tuple[str, str]]:
    if data is None:
        return {}
    ok = isinstance(data, dict) and all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(c, str) for c in v) for v in data.values())
    if not ok:
        raise QueryDefinitionError(f"{where}: lags must map a column to [from column, to column]")
    return {name: (pair[0], pair[1]) for name, pair in data.items()}


def parse_sort(data: Any, where: str) -> tuple[str, ...]:
    if data is None:
        return ()
    if not isinstance(data, list) or not all(isinstance(c, str) for c in data):
        raise QueryDefinitionError(f"{where}: sort must be a list of column names")
    return tuple(data)


def parse_total(data: Any, where: str) -> str | None:
    if data is None:
        return None
    if not isinstance(data, str) or not data.strip():
        raise QueryDefinitionError(f"{where}: total must be a Cypher query returning one column `total`")
    return data.strip()


def parse_detail(data: Any, where: str) -> Detail | None:
    if data is None:
        return None
    data = check_keys(data, DETAIL_KEYS, f"{where}: detail")
    params = data["params"]
    if not isinstance(params, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip("$")
                                               for k, v in params.items()):
        raise QueryDefinitionError(f"{where}: detail params must map the detail query's parameters to "
                                   "row columns or $parameters")
    counts = data.get("counts")
    if counts is not None and not isinstance(counts, str):
        raise QueryDefinitionError(f"{where}: detail counts must name a column of the row")
    return Detail(text_field(data, "query", f"{where}: detail"), dict(params), counts)


def parse_requires(data: Any, declared: list[str], where: str) -> tuple[tuple[str, ...], ...]:
    if data is None:
        return ()
    items = [tuple(item) if isinstance(item, list) else (item,) for item in data] if isinstance(data, list) else None
    if not items or not all(item and all(isinstance(name, str) for name in item) for item in items):
        raise QueryDefinitionError(f"{where}: requires must list parameter names (or lists of them)")
    unknown = sorted({name for item in items for name in item} - set(declared))
    if unknown:
        raise QueryDefinitionError(f"{where}: requires names undeclared parameter(s) {', '.join(unknown)}")
    return tuple(items)


def parse_cut(meta: dict[str, Any], declared: list[str], where: str) -> bool:
    cut = meta.get("cut_after_sort", False)
    if not isinstance(cut, bool) or cut and not (meta.get("sort") and LIMIT in declared):
        raise QueryDefinitionError(f"{where}: cut_after_sort must be true or false, and needs a sort and a {LIMIT}")
    return cut


def saved_query(meta: Any, cypher: str, variants: Mapping[str, str] | None = None,
                source: str = "<query>") -> SavedQuery:
    meta = check_keys(meta, QUERY_KEYS, source)
    if meta["shape"] not in SHAPES:
        raise QueryDefinitionError(f"{source}: shape must be one of {', '.join(SHAPES)}, not {meta['shape']!r}")
    raw_params = meta.get("params") or []
    if not isinstance(raw_params, list):
        raise QueryDefinitionError(f"{source}: params must be a list")
    params = tuple(parse_param(p, f"{source}: param {i + 1}") for i, p in enumerate(raw_params))
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryDefinitionError(f"{source}: a parameter is declared twice")
    return SavedQuery(text_field(meta, "name", source), text_field(meta, "title", source),
                      text_field(meta, "description", source), meta["shape"], cypher.strip(), params,
                      parse_columns(meta.get("columns"), source), parse_sort(meta.get("sort"), source),
                      parse_lags(meta.get("lags"), source), dict(variants or {}), source,
                      parse_total(meta.get("total"), source), parse_detail(meta.get("detail"), source),
                      parse_requires(meta.get("requires"), names, source), parse_cut(meta, names, source))
