"""Near-duplicate body names across notices, found with rapidfuzz, as rows for the alias file.

Contract:
- ``body_core(name)``: the name compared: ``name_key`` without a leading 中共/中国共产党/原 and
  without trailing party-organ words (党组, 党委, 党工委, 工作委员会, 委员会, 工委, 党总支,
  党支部, 领导班子), so 中共宁波前湾新区工作委员会 and 宁波前湾新区党工委 both become 宁波前湾新区.
  Administrative organs (管委会, 政府, 局) are kept: they are other bodies.
- ``name_score(a, b)``: 0–100 between two cores: the larger of ``fuzz.ratio`` and, when the
  shorter core has at least 4 characters and 60 % of the longer's length, 90 % of
  ``fuzz.partial_ratio`` (普湾经济区 within 大连普湾经济区).
- ``suggest_aliases(bodies, threshold=85, aliases=None)``: ``bodies`` is a list of
  (name, mentions); inspection teams (…巡视组/巡察组) are left out. Every pair scoring at least
  ``threshold`` whose names the reviewed ``aliases`` table does not already resolve to one
  name becomes an ``AliasRow`` (reviewed=False); the canonical name is the one with more
  mentions, then the longer, then the smaller. Rows sorted by score (highest first), alias.
- ``store_bodies(store)``: the (name, mentions) of every Body in a store.
Cores are compared in blocks with ``rapidfuzz.process.cdist`` (all cores, multi-threaded).
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from .aliases import AliasRow, AliasTable
from .ids import name_key

DEFAULT_THRESHOLD = 85
BLOCK = 2000
PARTIAL_WEIGHT = 0.9
_PREFIX = re.compile(r"^(?:中国共产党|中共|原)+")
_ORGAN = re.compile(r"(?:党组|党委|党工委|工作委员会|委员会|工委|党总支|党支部|领导班子)+$")
_TEAM = re.compile(r"(?:巡视|巡察)(?:[一二三四五六七八九十\d]+)?组$")
BODIES = "MATCH (b:Body) OPTIONAL MATCH (b)-[r]-() RETURN b.name AS name, count(r) AS mentions ORDER BY name"


def body_core(name: str) -> str:
    core = _ORGAN.sub("", _PREFIX.sub("", name_key(name)))
    return core or name_key(name)


def name_score(a: str, b: str) -> float:
    return float(_scores([body_core(a)], [body_core(b)])[0, 0])


def _scores(queries: list[str], choices: list[str]) -> np.ndarray:
    ratio = process.cdist(queries, choices, scorer=fuzz.ratio, workers=-1)
    partial = process.cdist(queries, choices, scorer=fuzz.partial_ratio, workers=-1) * PARTIAL_WEIGHT
    short = np.minimum.outer(_lengths(queries), _lengths(choices))
    long = np.maximum.outer(_lengths(queries), _lengths(choices))
    usable = (short >= 4) & (short >= 0.6 * long)
    return np.maximum(ratio, np.where(usable, partial, 0))


def _lengths(names: list[str]) -> np.ndarray:
    return np.array([len(n) for n in names], dtype=float)


def suggest_aliases(bodies: list[tuple[str, int]], threshold: float = DEFAULT_THRESHOLD,
                    aliases: AliasTable | None = None) -> list[AliasRow]:
    table = aliases or AliasTable()
    kept = sorted({name: n for name, n in bodies if name and not _TEAM.search(name)}.items())
    cores = [body_core(name) for name, _ in kept]
    rows = []
    for start in range(0, len(kept), BLOCK):
        scores = _scores(cores[start:start + BLOCK], cores)
        for i, j in zip(*np.nonzero(scores >= threshold)):
            a, b = kept[start + i], kept[j]
            if start + i < j and name_key(table.resolve(a[0])) != name_key(table.resolve(b[0])):
                rows.append(_row(a, b, float(scores[i, j])))
    return sorted(rows, key=lambda r: (-r.score, r.alias, r.canonical))


def _row(a: tuple[str, int], b: tuple[str, int], score: float) -> AliasRow:
    canonical, alias = sorted((a, b), key=lambda body: (-body[1], -len(body[0]), body[0]))
    return AliasRow(alias[0], canonical[0], round(score, 1))


def store_bodies(store: Any) -> list[tuple[str, int]]:
    return [(row["name"], int(row["mentions"])) for row in store.query(BODIES)]
