"""The reviewable alias file: body names that name one body across notices.

Contract:
- The file is UTF-8 TSV with the header ``alias  canonical  score  reviewed``; one row per pair.
  Only rows whose ``reviewed`` is ``yes`` are applied; the others wait for a person to check them
  (``noticegraph bodies suggest`` writes them with ``reviewed=no``).
- ``AliasTable.resolve(name)`` follows alias → canonical, transitively (a cycle stops at the
  first repeat), comparing names by ``name_key``; a name with no row resolves to itself.
- ``current_aliases()`` is the table in force when notices are turned into rows: the file named
  by NOTICEGRAPH_ALIASES, else ./data/aliases.tsv if present, else an empty table. The file is
  re-read when its path, size or mtime changes.
- ``read_rows(path)`` / ``write_rows(path, rows)`` read and write every row (reviewed or not);
  ``merge_rows(old, new)`` keeps the old rows and appends new pairs not already listed.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from .ids import name_key

HEADER = ("alias", "canonical", "score", "reviewed")
DEFAULT_PATH = Path("data") / "aliases.tsv"
ENV = "NOTICEGRAPH_ALIASES"


@dataclass(frozen=True)
class AliasRow:
    alias: str
    canonical: str
    score: float
    reviewed: bool = False

    def pair(self) -> frozenset[str]:
        return frozenset((name_key(self.alias), name_key(self.canonical)))


@dataclass
class AliasTable:
    """Reviewed alias → canonical name, keyed by ``name_key`` of the alias."""

    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[AliasRow]) -> "AliasTable":
        return cls({name_key(r.alias): r.canonical for r in rows
                    if r.reviewed and name_key(r.alias) != name_key(r.canonical)})

    def resolve(self, name: str) -> str:
        seen = {name_key(name)}
        while name_key(name) in self.names:
            name = self.names[name_key(name)]
            if name_key(name) in seen:
                break
            seen.add(name_key(name))
        return name

    def __len__(self) -> int:
        return len(self.names)


def read_rows(path: str | os.PathLike[str]) -> list[AliasRow]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        return [AliasRow(r["alias"].strip(), r["canonical"].strip(), float(r.get("score") or 0),
                         (r.get("reviewed") or "").strip().lower() == "yes")
                for r in reader if r.get("alias") and r.get("canonical")]


def write_rows(path: str | os.PathLike[str], rows: list[AliasRow]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        for r in rows:
            writer.writerow((r.alias, r.canonical, f"{r.score:.1f}", "yes" if r.reviewed else "no"))


def merge_rows(old: list[AliasRow], new: list[AliasRow]) -> list[AliasRow]:
    """The old rows as they are, then the new pairs not listed yet (either direction)."""
    listed = {row.pair() for row in old}
    added = [row for row in new if row.pair() not in listed]
    return [*old, *added]


def alias_path() -> Path | None:
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    return DEFAULT_PATH if DEFAULT_PATH.is_file() else None


_cache: dict[tuple[str, int, int], AliasTable] = {}


def current_aliases() -> AliasTable:
    """The reviewed alias table in force (see the module contract)."""
    path = alias_path()
    if path is None or not path.is_file():
        return AliasTable()
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = AliasTable.from_rows(read_rows(path))
    return _cache[key]
