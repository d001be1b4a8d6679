"""The saved-query registry: queries as data (like datasette's stored queries), run on either store.

Contract:
- Each query is ``<name>.cypher`` plus ``<name>.yaml`` (the metadata of model.py) in one
  folder, by default this package's; ``<name>.<engine>.cypher`` is an optional per-engine
  variant (``ladybug`` or ``neo4j``), the exception. ``load_registry(folder)`` reads and
  validates them all and returns a ``Registry`` (a read-only mapping name → ``SavedQuery``);
  it raises ``QueryDefinitionError`` if a file is missing or invalid, if a .cypher file has no
  metadata, or if the declared parameters differ from the ``$params`` a text uses, or if a
  ``choices`` query uses any. ``default_registry()`` is the package's, read once.
- The query contract of model.py is checked here too: a ``total`` query uses only declared
  parameters and never ``limit``; a ``detail`` names a saved query of the registry, binds only
  parameters that query declares, from ``$params`` this query declares, and that detail query
  itself takes a ``limit`` (so it has a ``total``).
- ``run_query(store, query, params)`` binds the parameters (params.py), runs the text for
  ``store.name`` through the read-only guard (graph/readonly.py) and returns a ``QueryResult``
  with rows tidied by results.py and, when the query declares one, its ``total``: counted by
  the total query only when the rows fill the limit (fewer rows than the limit are all of
  them). A query missing one of its ``requires`` parameters returns nothing without running;
  of a ``UNION ALL`` only the parts whose ``// when:`` guards hold are run (parts.py).
  ``run_detail(store, result, row, params)`` runs the detail query behind one row of a result.
  ``param_choices(store, param)`` lists a parameter's allowed values.
- Cypher shared by both engines keeps to ENGINES.md's common subset. One more rule: LadybugDB
  types a null parameter from its first use, so an optional filter is written
  ``x.prop = $p OR $p IS NULL`` (the property comparison first), never ``$p IS NULL OR …``.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..graph.readonly import run_read_only
from .errors import QueryDefinitionError, UnknownQuery
from .model import LIMIT, Param, SavedQuery, saved_query
from .params import bind, cypher_parameters
from .parts import applicable, guarded_names
from .results import QueryResult, tidy_rows

QUERY_DIR = Path(__file__).resolve().parent
ENGINES = ("ladybug", "neo4j")


class Registry(Mapping[str, SavedQuery]):
    def __init__(self, queries: dict[str, SavedQuery]) -> None:
        self._queries = dict(sorted(queries.items()))

    def __getitem__(self, name: str) -> SavedQuery:
        if name not in self._queries:
            raise UnknownQuery(f"no saved query {name!r}; there are: {', '.join(self._queries)}")
        return self._queries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)


def read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError as error:
        raise QueryDefinitionError(f"{path.name}: cannot read ({error.strerror or error})") from None


def read_meta(path: Path) -> Any:
    try:
        return yaml.safe_load(read_text(path))
    except yaml.YAMLError as error:
        raise QueryDefinitionError(f"{path.name}: not valid YAML ({str(error).splitlines()[0]})") from None


def check_parameters(query: SavedQuery) -> None:
    declared = {p.name for p in query.params}
    for label, text in [("", query.cypher), *((f".{e}", t) for e, t in query.variants.items())]:
        used = cypher_parameters(text)
        if used != declared:
            raise QueryDefinitionError(
                f"{query.name}{label}.cypher: declared parameters {sorted(declared)} differ from the "
                f"$params used {sorted(used)}")
    for param in query.params:
        if param.choices and cypher_parameters(param.choices):
            raise QueryDefinitionError(f"{query.source}: the choices query of {param.name} takes parameters")
    unguarded = guarded_names(query.cypher + (query.total or "")) - declared
    if unguarded:
        raise QueryDefinitionError(f"{query.source}: a `when` guard names undeclared {sorted(unguarded)}")
    if query.total:
        stray = cypher_parameters(query.total) - (declared - {LIMIT})
        if stray:
            raise QueryDefinitionError(f"{query.source}: the total query uses {sorted(stray)}; it may use "
                                       f"only the declared parameters, never {LIMIT}")


def check_detail(query: SavedQuery, queries: Mapping[str, SavedQuery]) -> None:
    """A query's ``detail`` names a query of the registry and binds what that query takes."""
    detail, where = query.detail, f"{query.source}: detail"
    if detail is None:
        return
    target = queries.get(detail.query)
    if target is None:
        raise QueryDefinitionError(f"{where} names {detail.query!r}, which is not a saved query")
    takes, own = {p.name for p in target.params}, {p.name for p in query.params}
    unknown = sorted(set(detail.params) - takes)
    missing = sorted(s[1:] for s in detail.params.values() if s.startswith("$") and s[1:] not in own)
    if unknown or missing or LIMIT not in takes:
        raise QueryDefinitionError(
            f"{where}: " + "; ".join([f"{detail.query} has no parameter {', '.join(unknown)}"] * bool(unknown)
                                     + [f"{query.name} has no parameter {', '.join(missing)}"] * bool(missing)
                                     + [f"{detail.query} takes no {LIMIT}"] * (LIMIT not in takes)))


def load_query(meta_path: Path) -> SavedQuery:
    name = meta_path.stem
    cypher_path = meta_path.with_suffix(".cypher")
    if not cypher_path.is_file():
        raise QueryDefinitionError(f"{meta_path.name}: no {cypher_path.name} next to it")
    variants = {engine: read_text(path) for engine in ENGINES
                if (path := meta_path.with_name(f"{name}.{engine}.cypher")).is_file()}
    query = saved_query(read_meta(meta_path), read_text(cypher_path), variants, meta_path.name)
    if query.name != name:
        raise QueryDefinitionError(f"{meta_path.name}: name {query.name!r} differs from the file name")
    check_parameters(query)
    return query


def load_registry(folder: str | Path | None = None) -> Registry:
    folder = Path(folder) if folder else QUERY_DIR
    queries = {path.stem: load_query(path) for path in sorted(folder.glob("*.yaml"))}
    for query in queries.values():
        check_detail(query, queries)
    orphans = sorted(p.name for p in folder.glob("*.cypher") if p.name.split(".")[0] not in queries)
    if orphans:
        raise QueryDefinitionError(f"{', '.join(orphans)}: no metadata (.yaml) for this query")
    return Registry(queries)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return load_registry()


def run_query(store: Any, query: SavedQuery | str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a saved query (or the default registry's query of that name) read-only on ``store``."""
    if isinstance(query, str):
        query = default_registry()[query]
    bound = bind(query, params)
    if not requirements_met(query, bound):
        return QueryResult(query, bound, [], [], 0 if query.total else None)
    rows = tidy_rows(query, run_parts(store, query.text_for(store.name), bound))
    if query.cut_after_sort:
        rows = rows[:bound[LIMIT]]
    total = None if not query.total else len(rows) if fits_limit(rows, bound) else count_total(store, query, bound)
    return QueryResult(query, bound, list(rows[0]) if rows else [], rows, total)


def requirements_met(query: SavedQuery, bound: Mapping[str, Any]) -> bool:
    """Whether every ``requires`` item has one of its parameters given."""
    return all(any(bound.get(name) is not None for name in item) for item in query.requires)


def fits_limit(rows: list[Any], bound: Mapping[str, Any]) -> bool:
    """Whether ``rows`` came in under the limit, and so are all the rows there are."""
    limit = bound.get(LIMIT)
    return isinstance(limit, int) and len(rows) < limit


def count_total(store: Any, query: SavedQuery, bound: Mapping[str, Any]) -> int | None:
    """The number of rows ``query`` gives without its limit, by its ``total`` query (a total
    written as a ``UNION ALL``, one count per part, is their sum)."""
    if not query.total:
        return None
    return sum(int(row["total"] or 0) for row in run_parts(store, query.total, bound))


def run_parts(store: Any, text: str, bound: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Run the parts of ``text`` that apply to ``bound`` (parts.py) with the parameters they use."""
    pruned = applicable(text, bound)
    if pruned is None:
        return []
    used = cypher_parameters(pruned)
    return run_read_only(store, pruned, {k: v for k, v in bound.items() if k in used})


def run_detail(store: Any, result: QueryResult, row: Mapping[str, Any],
               params: Mapping[str, Any] | None = None) -> QueryResult:
    """The items behind one ``row`` of ``result`` (its query's ``detail``); ``params`` (a
    ``limit``, say) are added to the ones the row gives."""
    detail = result.query.detail
    if detail is None:
        raise UnknownQuery(f"query {result.query.name} has no detail query")
    return run_query(store, detail.query, {**detail.bind(row, result.params), **dict(params or {})})


def param_choices(store: Any, param: Param) -> list[Any]:
    """The allowed values of a parameter (its ``choices`` query), or [] when any value goes."""
    if not param.choices:
        return []
    return [row["value"] for row in run_read_only(store, param.choices)]
