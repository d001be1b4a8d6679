"""Problem and notice counts per problem type, rolled up the taxonomy, and the unclassified problems.

Contract:
- ``type_counts(store) -> list[TypeCount]``: every ProblemType of the store, in notation order,
  with ``depth`` (0 for a top concept), ``direct`` (problems with a HAS_TYPE to it), and
  ``problems`` / ``notices``: the distinct problems and notices typed with it or with any
  narrower type (a problem counts once under a broader type however many of its types lie
  below it). The tree comes from the stored BROADER relationships.
- ``unclassified(store) -> list[dict]``: problems without any HAS_TYPE, as rows
  {notice_id, title, path, text}, sorted by title, notice id and ordinal.
Both read with queries both engines run alike.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

TYPES = ("MATCH (t:ProblemType) OPTIONAL MATCH (t)-[:BROADER]->(b:ProblemType) "
         "RETURN t.id AS id, t.label AS label, t.label_en AS label_en, t.notation AS notation, b.id AS broader")
TYPED = ("MATCH (n:Notice)-[:CONTAINS]->(p:Problem)-[:HAS_TYPE]->(t:ProblemType) "
         "RETURN t.id AS type, p.id AS problem, n.id AS notice")
UNTYPED = ("MATCH (n:Notice)-[:CONTAINS]->(p:Problem) WHERE NOT EXISTS { MATCH (p)-[:HAS_TYPE]->(:ProblemType) } "
           "RETURN n.id AS notice_id, n.title AS title, p.path AS path, p.text AS text, p.ordinal AS ordinal "
           "ORDER BY title, notice_id, ordinal")


@dataclass(frozen=True)
class TypeCount:
    id: str
    label: str
    label_en: str
    notation: str
    broader: str | None
    depth: int
    direct: int
    problems: int
    notices: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def type_counts(store: Any) -> list[TypeCount]:
    types = {row["id"]: row for row in store.query(TYPES)}
    parents = {tid: row["broader"] for tid, row in types.items()}
    problems, notices, direct = defaultdict(set), defaultdict(set), defaultdict(set)
    for row in store.query(TYPED):
        direct[row["type"]].add(row["problem"])
        for tid in _with_ancestors(row["type"], parents):
            problems[tid].add(row["problem"])
            notices[tid].add(row["notice"])
    rows = [TypeCount(tid, row["label"] or "", row["label_en"] or "", row["notation"] or "", parents[tid],
                      len(_with_ancestors(tid, parents)) - 1, len(direct[tid]), len(problems[tid]),
                      len(notices[tid])) for tid, row in types.items()]
    return sorted(rows, key=lambda c: (_notation_key(c.notation), c.id))


def _with_ancestors(tid: str, parents: dict[str, str | None]) -> list[str]:
    chain = [tid]
    while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])
    return chain


def _notation_key(notation: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", notation))


def unclassified(store: Any) -> list[dict[str, Any]]:
    return [{k: row[k] for k in ("notice_id", "title", "path", "text")} for row in store.query(UNTYPED)]
