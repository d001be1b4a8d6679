"""Parameters and selections live in the URL (``st.query_params``), so a view can be bookmarked.

Contract: ``param_form(query, exclude)`` draws one widget per parameter of a saved query (a
select box over its ``choices`` query's values, a checkbox for bool, number inputs for int and
float, a text box otherwise), starting from the URL's value or the declared default, writes the
values back to the URL and returns them as strings for ``registry.bind`` (None for "any").
URL names are ``prefix + name`` so two queries on a page keep theirs apart.
``url_value(name)``/``set_url(name, value)`` read and write one URL parameter (None removes it);
``clear_url(keep)`` removes the others.
``reader_link(notice_id, start, end, item)`` is the reader's relative URL for one span or item;
``saved_query_link(name, params)`` the Saved queries page's for one query and its parameters.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from ..queries.model import Param, SavedQuery
from . import data
from .pages import PAGES

ANY = "(any)"
READER_PATH = "reader"
SAVED_QUERIES_PATH = next(url_path for url_path, _, module in PAGES if module == "saved_queries")


def url_value(name: str) -> str | None:
    value = st.query_params.get(name)
    return value if value not in (None, "") else None


def set_url(name: str, value: Any) -> None:
    if value is None or value == "":
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != str(value):
        st.query_params[name] = str(value)


def clear_url(keep: Iterable[str] = ()) -> None:
    """Remove every URL parameter but those in ``keep``."""
    for name in [n for n in st.query_params if n not in set(keep)]:
        del st.query_params[name]


def reader_link(notice_id: str, start: int | None = None, end: int | None = None, item: str | None = None) -> str:
    query = {"notice": notice_id, **({"start": start, "end": end} if start is not None and end is not None else {}),
             **({"item": item} if item else {})}
    return f"./{READER_PATH}?{urlencode(query)}"


def saved_query_link(name: str, params: dict[str, Any]) -> str:
    """Saved queries with ``name`` chosen and its parameters filled in (None left out)."""
    given = {key: as_text(value) for key, value in params.items() if value is not None}
    return f"./{SAVED_QUERIES_PATH}?{urlencode({'q': name, **given})}"


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).lower() if isinstance(value, bool) else str(value)


def _initial(param: Param, prefix: str) -> str | None:
    given = url_value(prefix + param.name)
    return given if given is not None else as_text(param.default)


def _select(query: SavedQuery, param: Param, initial: str | None, key: str) -> str | None:
    options = [ANY] + [str(v) for v in data.choices(query.name, param.name)]
    if initial is not None and initial not in options:
        options.append(initial)
    index = options.index(initial) if initial is not None else 0
    chosen = st.selectbox(param.name, options, index=index, key=key, help=param.description)
    return None if chosen == ANY else chosen


def _widget(query: SavedQuery, param: Param, key: str, prefix: str) -> str | None:
    initial = _initial(param, prefix)
    if param.choices:
        return _select(query, param, initial, key)
    if param.type == "bool":
        return str(st.checkbox(param.name, value=(initial or "").lower() in ("true", "1", "yes"), key=key,
                               help=param.description)).lower()
    if param.type in ("int", "float") and initial is not None:
        cast = int if param.type == "int" else float
        try:
            start = cast(float(initial)) if cast is int else cast(initial)
        except ValueError:
            start = cast(param.default or 0)
        return str(st.number_input(param.name, value=start, key=key, help=param.description))
    text = st.text_input(param.name, value=initial or "", key=key, help=param.description)
    return text.strip() or None


def param_form(query: SavedQuery, exclude: Iterable[str] = (), columns: int = 4,
               prefix: str = "") -> dict[str, str | None]:
    """Widgets for the query's parameters (URL-backed, as ``prefix + name``); the values, as strings."""
    shown = [p for p in query.params if p.name not in set(exclude)]
    values: dict[str, str | None] = {}
    slots = st.columns(min(columns, len(shown))) if shown else []
    for index, param in enumerate(shown):
        with slots[index % len(slots)]:
            values[param.name] = _widget(query, param, f"{prefix}{query.name}:{param.name}", prefix)
        default = as_text(param.default)
        set_url(prefix + param.name, values[param.name] if values[param.name] != default else None)
    return values
