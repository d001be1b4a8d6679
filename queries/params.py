"""Parameter values: from CLI strings (or Python values) to the declared types, and the
``$params`` a Cypher text uses.

Contract:
- ``coerce(param, value)`` returns the value as the engines get it: ``str``, ``int``,
  ``float``, ``bool``, or for ``date`` an ISO string ``YYYY-MM-DD`` (the graph stores dates
  as ISO strings, so date parameters are compared as strings); ``today`` is today's date.
  ``None`` and the empty string give None. A value that does not parse raises ``ParamError``.
- ``bind(query, given)`` returns every declared parameter: the given value coerced, else (not
  given, None or empty) the default; a name the query does not declare raises ``ParamError``.
- ``cypher_parameters(text)`` is the set of ``$name`` parameters in a Cypher text, after
  comments, string literals and backtick-quoted names are removed.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .errors import ParamError
from .model import TODAY, Param, SavedQuery

_NOT_CODE = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`", re.S)
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_TRUE, _FALSE = {"true", "yes", "y", "1", "on"}, {"false", "no", "n", "0", "off"}


def cypher_parameters(text: str) -> set[str]:
    return set(_PARAMETER.findall(_NOT_CODE.sub(" ", text)))


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE | _FALSE:
        return word in _TRUE
    raise ValueError(value)


def _as_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return dt.date.today().isoformat() if text == TODAY else dt.date.fromisoformat(text).isoformat()


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or isinstance(value, float) and not value.is_integer():
        raise ValueError(value)
    return int(value)


_CONVERTERS = {"str": str, "int": _as_int, "float": float, "bool": _as_bool, "date": _as_date}


def coerce(param: Param, value: Any) -> Any:
    if value is None or isinstance(value, str) and not value.strip():
        return None
    try:
        return _CONVERTERS[param.type](value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise ParamError(f"parameter {param.name}: {value!r} is not a {param.type}"
                         + (" (YYYY-MM-DD or today)" if param.type == "date" else "")) from None


def bind(query: SavedQuery, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    given = dict(given or {})
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        takes = ", ".join(p.name for p in query.params) or "no parameters"
        raise ParamError(f"query {query.name} has no parameter {', '.join(unknown)} (it takes {takes})")
    bound = {p.name: coerce(p, given.get(p.name)) for p in query.params}
    return {p.name: coerce(p, p.default) if bound[p.name] is None else bound[p.name] for p in query.params}
