"""Similar problems across notices: character n-gram TF-IDF cosine, as SIMILAR_TO relationships.

Contract:
- ``similar_pairs(problems, new, threshold, top_k)``: ``problems`` maps problem id → (notice id,
  text) for every problem of the corpus, ``new`` is the ids to link; each problem of ``new`` is
  paired with its ``top_k`` most similar problems of *other* notices scoring >= ``threshold``
  (ties by id); returns the pairs as ``(a, b, score)`` with ``a < b``, sorted. Texts are
  NFKC-normalised with whitespace and punctuation removed; a text's vector is its character 2-
  and 3-grams, weighted (1 + log tf) x smooth idf over ``problems`` and L2-normalised; equal
  texts are vectorised once. Candidates share at least one n-gram found in at most
  ``MAX_DF_SHARE`` of the problems (an n-gram in nearly every text adds little to a cosine);
  every candidate's cosine is exact. ``top_k`` bounds the links of a phrase that thousands of
  notices repeat word for word.
- ``link_similar(store, notice_ids, threshold=THRESHOLD) -> int`` recomputes the SIMILAR_TO
  relationships of the problems of ``notice_ids`` against every problem in the store, in one
  transaction: their old ones are deleted, the new ones created in checked UNWIND batches, one
  per pair, from the smaller id to the larger (match them undirected). Calling it again on an unchanged
  store changes nothing; the idf is that of the store at the time, so links made earlier are
  not rescored when later notices arrive. Returns the number written. docs/recurrence.md says
  how ``THRESHOLD`` was chosen.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import groupby
from typing import Any

from .store import GraphStore, Run, run_batched

THRESHOLD = 0.15
TOP_K = 5
NGRAM_SIZES = (2, 3)
MAX_DF_SHARE = 0.05
MIN_DF_CAP = 20
_NOISE = re.compile(r"[\W_]+")
Vector = dict[str, float]

READ_PROBLEMS = ("MATCH (n:Notice)-[:CONTAINS]->(p:Problem) RETURN p.id AS id, n.id AS notice, p.text AS text "
                 "ORDER BY id")
DELETE_LINKS = ("MATCH (a:Problem)-[s:SIMILAR_TO]->(b:Problem) WHERE a.notice_id IN $ids OR b.notice_id IN $ids "
                "DELETE s RETURN count(*) AS n")
CREATE_LINKS = ("UNWIND $rows AS r MATCH (a:Problem {id: r.src}) MATCH (b:Problem {id: r.dst}) "
                "CREATE (a)-[:SIMILAR_TO {score: r.score}]->(b) RETURN count(*) AS n")


def ngrams(text: str) -> Counter[str]:
    clean = _NOISE.sub("", unicodedata.normalize("NFKC", text or ""))
    return Counter(clean[i:i + n] for n in NGRAM_SIZES for i in range(len(clean) - n + 1))


def tfidf(counts: list[Counter[str]], weights: list[int] | None = None) -> list[Vector]:
    """Unit TF-IDF vectors; ``weights[k]`` is how many documents ``counts[k]`` stands for."""
    weights = weights or [1] * len(counts)
    df: Counter[str] = Counter()
    for count, weight in zip(counts, weights):
        for gram in count:
            df[gram] += weight
    total = sum(weights)
    idf = {gram: math.log((1 + total) / (1 + k)) + 1 for gram, k in df.items()}
    return [_unit({g: (1 + math.log(tf)) * idf[g] for g, tf in count.items()}) for count in counts]


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {g: w / norm for g, w in vector.items()}


def cosine(a: Vector, b: Vector) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large.get(g, 0.0) for g, w in small.items())


def similar_pairs(problems: dict[str, tuple[str, str]], new: Iterable[str], threshold: float = THRESHOLD,
                  top_k: int = TOP_K) -> list[tuple[str, str, float]]:
    corpus = Corpus(problems)
    found: dict[tuple[str, str], float] = {}
    for pid in sorted(set(new) & problems.keys()):
        for other, score in corpus.nearest(pid, threshold, top_k):
            found[(min(pid, other), max(pid, other))] = score
    return sorted((a, b, s) for (a, b), s in found.items())


class Corpus:
    """The problems' distinct texts as TF-IDF vectors, with postings of the rarer n-grams."""

    def __init__(self, problems: dict[str, tuple[str, str]]) -> None:
        self.problems = problems
        self.members: dict[str, list[str]] = defaultdict(list)  # text -> problem ids, sorted
        for pid in sorted(problems):
            self.members[problems[pid][1]].append(pid)
        self.texts = list(self.members)
        self.index = {text: k for k, text in enumerate(self.texts)}
        counts = [ngrams(text) for text in self.texts]
        self.vectors = tfidf(counts, [len(self.members[t]) for t in self.texts])
        self.postings = _postings(counts, [len(self.members[t]) for t in self.texts],
                                  max(MIN_DF_CAP, int(MAX_DF_SHARE * len(problems))))
        self._cache: dict[tuple[int, float], list[tuple[float, list[str]]]] = {}

    def nearest(self, pid: str, threshold: float, top_k: int) -> list[tuple[str, float]]:
        """Up to ``top_k`` problems of other notices at cosine >= threshold, best first (ties by id)."""
        notice, text = self.problems[pid]
        found: list[tuple[str, float]] = []
        for score, ids in self._ranked(self.index[text], threshold):
            for q in ids:
                if self.problems[q][0] != notice:
                    found.append((q, score))
                    if len(found) == top_k:
                        return found
        return found

    def _ranked(self, k: int, threshold: float) -> list[tuple[float, list[str]]]:
        """The problems whose text scores >= threshold against text ``k`` (its own included),
        grouped by score, best first, each group sorted by id; computed once per text."""
        key = (k, threshold)
        if key not in self._cache:
            scores = [(round(cosine(self.vectors[k], self.vectors[o]), 4), o)
                      for o in _candidates(self.vectors[k], self.postings)]
            ranked = sorted((s, o) for s, o in scores if s >= threshold)[::-1]
            self._cache[key] = [(score, sorted(q for _, o in group for q in self.members[self.texts[o]]))
                                for score, group in groupby(ranked, key=lambda item: item[0])]
        return self._cache[key]


def _postings(counts: list[Counter[str]], weights: list[int], cap: int) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    df: Counter[str] = Counter()
    for k, count in enumerate(counts):
        for gram in count:
            postings[gram].append(k)
            df[gram] += weights[k]
    return {gram: docs for gram, docs in postings.items() if df[gram] <= cap}


def _candidates(vector: Vector, postings: dict[str, list[int]]) -> set[int]:
    found: set[int] = set()
    for gram in vector:
        found.update(postings.get(gram, ()))
    return found


def link_similar(store: GraphStore, notice_ids: Iterable[str], threshold: float = THRESHOLD) -> int:
    """Recompute the SIMILAR_TO links of the problems of ``notice_ids`` (see the module contract)."""
    chosen = sorted(set(notice_ids))
    if not chosen:
        return 0
    problems = {row["id"]: (row["notice"], row["text"] or "") for row in store.query(READ_PROBLEMS)}
    wanted = set(chosen)
    new = [pid for pid, (notice, _) in problems.items() if notice in wanted]
    rows = [{"src": a, "dst": b, "score": s} for a, b, s in similar_pairs(problems, new, threshold)]
    return store.write(lambda run: _relink(run, chosen, rows))


def _relink(run: Run, notice_ids: list[str], rows: list[dict[str, Any]]) -> int:
    run(DELETE_LINKS, {"ids": notice_ids})
    return run_batched(run, CREATE_LINKS, rows) if rows else 0
