"""Similar problems across notices: cosine of character n-gram sets with an exact top-k, as SIMILAR_TO.

Contract:
- ``score(a, b)`` (``set_cosine``): |A ∩ B| / sqrt(|A| |B|) over the *sets* of character 2- and
  3-grams of two texts (NFKC, whitespace and punctuation removed), rounded to 4 decimals and
  computed from integers, so it is symmetric and depends on the two texts only, never on the
  rest of the corpus; texts sharing no n-gram score 0.
- The links: every problem p has its neighbours N(p), its ``TOP_K`` best problems of *other*
  notices scoring >= ``THRESHOLD``, best first, ties by problem id. SIMILAR_TO holds one
  relationship per pair {p, q} with q in N(p) (from the smaller id to the larger, with its
  ``score``; match it undirected). So the links are a function of the set of problems alone:
  load order, batch sizes and the number of loads change nothing.
- ``similar_pairs(problems, threshold, top_k)``: that link set computed from scratch over
  ``problems`` (problem id → (notice id, text)), as sorted ``(a, b, score)`` with ``a < b``.
- ``link_similar(store, notice_ids, touched=(), …) -> LinkReport`` brings the store's links up
  to date incrementally after the notices ``notice_ids`` were loaded or replaced and the
  problems ``touched`` lost neighbours (partners of deleted problems): the *affected* problems
  are the new ones, ``touched``, and every stored problem scoring >= THRESHOLD against a new one
  (only those can gain a new problem in their top-k); their neighbours, and those of their
  current partners, are recomputed against every stored problem, and only the links touching an
  affected problem that changed are deleted or created, in one transaction (``also(run)`` runs
  inside it: pending.py clears its markers there; many links are created through the store's
  bulk path, COPY on LadybugDB). The result equals ``similar_pairs`` over the
  store, provided the links held before were exact (tests/test_determinism.py shows it).
- ``Problem.similar_best`` is kept equal to the best score of the pairs the problem heads (the
  links stored from it; null when none) in the same transaction, for every problem whose value
  changed: the similar-problems query shortlists the pairs' heads by it (the best ``limit``
  pairs are among the links of the ``limit`` problems heading the best pairs).
  ``rebuild_best(store)`` sets it from the stored links alone (``noticegraph repair --recount``
  for a store made before the property existed).
- Candidates come from an inverted index of every n-gram of every distinct text: the postings
  of a text's n-grams counted give its overlap with every text sharing one, so every pair at or
  above the threshold is found and scored exactly. Equal texts are scored once.
docs/recurrence.md says how ``THRESHOLD`` was chosen.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, groupby
from operator import itemgetter
from typing import Any

import numpy as np

from .rows import GraphRows
from .store import GraphStore, Run, run_batched

THRESHOLD = 0.17
TOP_K = 5
NGRAM_SIZES = (2, 3)
DIGITS = 4
BULK_FROM = 2000  # links created at once through the store's bulk path
_NOISE = re.compile(r"[\W_]+")
Problems = dict[str, tuple[str, str]]
Pair = tuple[str, str]

READ_PROBLEMS = ("MATCH (p:Problem) RETURN p.id AS id, p.notice_id AS notice, p.text AS text, "
                 "p.similar_best AS best")
SET_BEST = "UNWIND $rows AS r MATCH (p:Problem {id: r.id}) SET p.similar_best = r.best RETURN count(*) AS n"
CLEAR_BEST = "UNWIND $rows AS r MATCH (p:Problem {id: r.id}) SET p.similar_best = NULL RETURN count(*) AS n"
READ_LINKS = "MATCH (a:Problem)-[s:SIMILAR_TO]->(b:Problem) RETURN a.id AS src, b.id AS dst, s.score AS score"
DELETE_LINKS = ("UNWIND $rows AS r MATCH (a:Problem {id: r.src})-[s:SIMILAR_TO]->(b:Problem {id: r.dst}) "
                "DELETE s RETURN count(*) AS n")
CREATE_LINKS = ("UNWIND $rows AS r MATCH (a:Problem {id: r.src}) MATCH (b:Problem {id: r.dst}) "
                "CREATE (a)-[:SIMILAR_TO {score: r.score}]->(b) RETURN count(*) AS n")


def ngrams(text: str) -> frozenset[str]:
    clean = _NOISE.sub("", unicodedata.normalize("NFKC", text or ""))
    return frozenset(clean[i:i + n] for n in NGRAM_SIZES for i in range(len(clean) - n + 1))


def set_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return cosine_of(len(a & b), len(a), len(b))


@lru_cache(maxsize=65536)
def cosine_of(overlap: int, size_a: int, size_b: int) -> float:
    return round(overlap / math.sqrt(size_a * size_b), DIGITS) if size_a and size_b else 0.0


def score(text_a: str, text_b: str) -> float:
    return set_cosine(ngrams(text_a), ngrams(text_b))


def _postings(sets: list[frozenset[str]]) -> dict[str, np.ndarray]:
    """Each n-gram → the indexes of the texts holding it."""
    postings: dict[str, list[int]] = defaultdict(list)
    for k, grams in enumerate(sets):
        for gram in grams:
            postings[gram].append(k)
    return {gram: np.array(ks, dtype=np.int64) for gram, ks in postings.items()}


class Corpus:
    """The problems' distinct texts as n-gram sets, with the postings of every n-gram."""

    def __init__(self, problems: Problems, threshold: float = THRESHOLD, top_k: int = TOP_K) -> None:
        self.problems, self.threshold, self.top_k = problems, threshold, top_k
        members: dict[str, list[str]] = defaultdict(list)
        for pid in sorted(problems):
            members[problems[pid][1]].append(pid)
        self.texts = list(members)
        self.members = [members[text] for text in self.texts]  # problem ids per text, sorted
        self.index = {text: k for k, text in enumerate(self.texts)}
        self.sets = [ngrams(text) for text in self.texts]
        self.sizes = [len(grams) for grams in self.sets]
        self._sizes = np.array(self.sizes, dtype=np.int64)
        self._roots = np.sqrt(self._sizes.astype(np.float64))
        self.postings = _postings(self.sets)
        self._ranked: dict[int, list[tuple[float, str]]] = {}

    def _candidates(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The texts that may score >= threshold against text ``k`` and their overlaps with it
        (a superset of the matches: the overlaps are counted with numpy)."""
        hits = np.concatenate([self.postings[gram] for gram in self.sets[k]])
        overlaps = np.bincount(hits, minlength=len(self.texts))
        floor = self.threshold - 10 ** -DIGITS  # a raw score below it cannot round up to the threshold
        js = np.flatnonzero(overlaps >= floor * math.sqrt(self.sizes[k]) * self._roots)
        return js, overlaps[js]

    def matches(self, k: int) -> Iterator[tuple[float, int]]:
        """Every text scoring >= threshold against text ``k`` (``k`` itself included), with its
        score computed exactly by ``cosine_of``."""
        yield from self._scored(k, *self._candidates(k)) if self.sets[k] else ()

    def _scored(self, k: int, js: np.ndarray, overlaps: np.ndarray) -> Iterator[tuple[float, int]]:
        size, sizes = self.sizes[k], self.sizes
        for j, overlap in zip(js.tolist(), overlaps.tolist()):
            value = cosine_of(overlap, size, sizes[j])
            if value >= self.threshold:
                yield value, j

    def _best_first(self, k: int) -> Iterator[tuple[float, list[int]]]:
        """The texts matching text ``k`` grouped by score, best first. The candidates are ordered
        by their unrounded score (computed as ``cosine_of`` does; rounding keeps the order), so
        only the groups the caller reads are scored exactly."""
        if not self.sets[k]:
            return
        js, overlaps = self._candidates(k)
        order = np.argsort(-(overlaps / np.sqrt(self.sizes[k] * self._sizes[js])), kind="stable")
        scored = self._scored(k, js[order], overlaps[order])
        yield from ((value, [j for _, j in group]) for value, group in groupby(scored, key=itemgetter(0)))

    def ranked(self, k: int) -> list[tuple[float, str]]:
        """The problems matching text ``k``, best first, ties by id: at least as many as every
        problem of text ``k`` needs to find its top-k among other notices (once per text)."""
        if k not in self._ranked:
            ranked: list[tuple[float, str]] = []
            per_notice: Counter[str] = Counter()
            for value, texts in self._best_first(k):
                pids = sorted(chain.from_iterable(self.members[j] for j in texts))
                ranked.extend((value, pid) for pid in pids)
                per_notice.update(self.problems[pid][0] for pid in pids)
                if len(ranked) - max(per_notice.values()) >= self.top_k:
                    break  # even the notice with most problems here has top_k of others
            self._ranked[k] = ranked
        return self._ranked[k]

    def nearest(self, pid: str) -> list[tuple[str, float]]:
        """N(pid): its top-k problems of other notices at >= threshold, best first, ties by id."""
        notice, text = self.problems[pid]
        problems, found = self.problems, []
        for value, other in self.ranked(self.index[text]):
            if problems[other][0] != notice:
                found.append((other, value))
                if len(found) == self.top_k:
                    break
        return found

    def neighbours_of_texts(self, pids: Iterable[str]) -> set[str]:
        """Every problem whose text scores >= threshold against the text of one of ``pids``."""
        found: set[str] = set()
        for k in {self.index[self.problems[pid][1]] for pid in pids}:
            for _, j in self.matches(k):
                found.update(self.members[j])
        return found

    def links_of(self, pids: Iterable[str], keep: Callable[[str, str], bool] | None = None) -> dict[Pair, float]:
        """The pairs {p, q} with q in N(p) for p in ``pids`` that ``keep(p, q)`` accepts (all if None)."""
        links: dict[Pair, float] = {}
        for pid in sorted(pids):
            for other, value in self.nearest(pid):
                if keep is None or keep(pid, other):
                    links[(pid, other) if pid < other else (other, pid)] = value
        return links


def similar_pairs(problems: Problems, threshold: float = THRESHOLD,
                  top_k: int = TOP_K) -> list[tuple[str, str, float]]:
    """The whole link set over ``problems``, from scratch (the reference for link_similar)."""
    links = Corpus(problems, threshold, top_k).links_of(problems)
    return sorted((a, b, s) for (a, b), s in links.items())


@dataclass(frozen=True)
class LinkReport:
    affected: int = 0
    created: int = 0
    deleted: int = 0


def link_similar(store: GraphStore, notice_ids: Iterable[str], touched: Iterable[str] = (),
                 threshold: float = THRESHOLD, top_k: int = TOP_K,
                 also: Callable[[Run], Any] | None = None) -> LinkReport:
    """Update the SIMILAR_TO links after ``notice_ids`` arrived and ``touched`` lost partners."""
    rows = store.scalar_query(READ_PROBLEMS)
    problems = {row["id"]: (row["notice"], row["text"] or "") for row in rows}
    corpus = Corpus(problems, threshold, top_k)
    stored = stored_links(store)
    affected = affected_problems(corpus, set(notice_ids), touched)
    partners = {b if a in affected else a for a, b in stored if a in affected or b in affected}
    scope = affected | (partners & problems.keys())
    wanted = corpus.links_of(scope, lambda p, q: p in affected or q in affected)
    old = {pair: s for pair, s in stored.items() if pair[0] in affected or pair[1] in affected}
    removed = [{"src": a, "dst": b} for (a, b), s in sorted(old.items()) if wanted.get((a, b)) != s]
    added = [{"src": a, "dst": b, "score": s} for (a, b), s in sorted(wanted.items()) if old.get((a, b)) != s]
    best = changed_best(rows, final_links(stored, removed, added))
    if removed or added or best or also:
        store.write(lambda run: _apply(store, run, removed, added, best, also))
    return LinkReport(len(affected), len(added), len(removed))


def stored_links(store: GraphStore) -> dict[Pair, float]:
    return {(row["src"], row["dst"]): row["score"] for row in store.scalar_query(READ_LINKS)}


def final_links(stored: dict[Pair, float], removed: list[dict[str, Any]],
                added: list[dict[str, Any]]) -> dict[Pair, float]:
    """The links once ``removed`` are deleted and ``added`` created."""
    gone = {(r["src"], r["dst"]) for r in removed}
    links = {pair: value for pair, value in stored.items() if pair not in gone}
    links.update(((r["src"], r["dst"]), r["score"]) for r in added)
    return links


def best_headed(links: dict[Pair, float]) -> dict[str, float]:
    """Each problem heading a link → the best score of the links it heads."""
    best: dict[str, float] = {}
    for (src, _), value in links.items():
        if value > best.get(src, -1.0):
            best[src] = value
    return best


def changed_best(problems: list[dict[str, Any]], links: dict[Pair, float]) -> list[dict[str, Any]]:
    """``similar_best`` rows for the problems whose stored value differs from their links'."""
    best = best_headed(links)
    return [{"id": row["id"], "best": best.get(row["id"])} for row in sorted(problems, key=itemgetter("id"))
            if best.get(row["id"]) != row["best"]]


def rebuild_best(store: GraphStore) -> int:
    """Set ``similar_best`` of every problem from the stored links; the number of problems changed."""
    best = changed_best(store.scalar_query(READ_PROBLEMS), stored_links(store))
    if best:
        store.write(lambda run: write_best(run, best))
    return len(best)


def write_best(run: Run, best: list[dict[str, Any]]) -> None:
    """Set the changed values; the nulls apart (a list of nulls alone has no type LadybugDB can set)."""
    values = [row for row in best if row["best"] is not None]
    cleared = [{"id": row["id"]} for row in best if row["best"] is None]
    if values:
        run_batched(run, SET_BEST, values)
    if cleared:
        run_batched(run, CLEAR_BEST, cleared)


def affected_problems(corpus: Corpus, notice_ids: set[str], touched: Iterable[str]) -> set[str]:
    """The new problems, ``touched`` ones still stored, and every problem near a new one."""
    new = {pid for pid, (notice, _) in corpus.problems.items() if notice in notice_ids}
    if len(new) == len(corpus.problems):
        return new
    return new | (set(touched) & corpus.problems.keys()) | corpus.neighbours_of_texts(new)


def _apply(store: GraphStore, run: Run, removed: list[dict[str, Any]], added: list[dict[str, Any]],
           best: list[dict[str, Any]], also: Callable[[Run], Any] | None) -> None:
    if removed:
        run_batched(run, DELETE_LINKS, removed, expected=False)
    if len(added) >= BULK_FROM:  # the store's bulk path: COPY on LadybugDB (300k links 57 s → 8 s)
        store.bulk_write(run, GraphRows(rels={("SIMILAR_TO", "Problem", "Problem"): added}))
    elif added:
        run_batched(run, CREATE_LINKS, added)
    write_best(run, best)
    if also:
        also(run)
