"""Assign problem types (taxonomy concepts) to a problem's text, with scores and provenance.

Contract:
- ``classify(text, context="", taxonomy=None)`` returns ``TypeMatch`` es, best first. Whenever
  any rule of any concept matches ``text`` (or, when ``text`` is vague, ``context``) the list is
  non-empty; every score lies in (0, 1]; ``terms`` are the strings found in ``text`` and
  ``context_terms`` those found in ``context`` (the provenance).
- ``text`` is expected NFKC-normalised and in simplified script (as loaders produce it);
  whitespace and quotation marks are ignored. ``context`` is the problem's headings
  (category, sub-category): one string or a sequence of strings.
- Scoring: each matching rule contributes its weight (include 0.9, pattern 0.8, weak 0.4, from
  the Turtle); a concept's evidence combines as a noisy-or, 1 - prod(1 - w). Heading evidence
  counts at ``CONTEXT_WEIGHT`` of its weight; it always reinforces concepts found in the text
  and adds concepts of its own only when the text is vague (best text score < ``VAGUE_BELOW``).
  Matches below ``RELATIVE_CUT`` x the best score are dropped, and so is any concept whose
  narrower concept also matched (``broader_closure`` gives the ancestors back).
- A rule match lying inside an occurrence of one of the concept's exclude terms, or inside a
  longer, at least as strong match of the same concept (班子 within 领导班子建设), is ignored.
- Deterministic, and rules compile once per taxonomy.
- ``classify_problem(problem)`` classifies a record's text with its category and sub-category
  as the context: what the extractor stores in ``Problem.types``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from .taxonomy import Concept, Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from .records import Problem

CONTEXT_WEIGHT = 0.5
VAGUE_BELOW = 0.6
RELATIVE_CUT = 0.5
_IGNORED = re.compile(r"[\s\"'“”‘’「」『』]+")

Evidence = dict[str, dict[str, float]]  # concept id -> matched term -> weight


@dataclass(frozen=True)
class TypeMatch:
    """One problem type assigned to a problem."""

    concept_id: str
    score: float
    terms: tuple[str, ...]
    context_terms: tuple[str, ...] = ()


Hit = tuple[tuple[int, int], str, float]  # span, matched string, weight


@dataclass(frozen=True)
class _CompiledConcept:
    concept_id: str
    terms: tuple[tuple[str, float], ...]
    patterns: tuple[tuple[re.Pattern[str], float], ...]
    excludes: tuple[str, ...]

    def evidence(self, text: str, term_hits: list[Hit]) -> dict[str, float]:
        """Matched term -> weight, without matches inside exclude terms or stronger matches.

        ``term_hits`` are this concept's term occurrences in ``text`` (see ``_term_hits``)."""
        hits = term_hits + self._pattern_hits(text)
        if not hits:
            return {}
        masks = _spans_of(text, self.excludes)
        hits = [h for h in hits if not _inside(h[0], masks)]
        found: dict[str, float] = {}
        for span, term, weight in hits:
            covering = [s for s, _, w in hits if s != span and w >= weight]
            if not _inside(span, covering):
                found[term] = max(weight, found.get(term, 0.0))
        return found

    def _pattern_hits(self, text: str) -> list[Hit]:
        return [(m.span(), m.group(0), weight) for pattern, weight in self.patterns
                for m in pattern.finditer(text)]


@dataclass(frozen=True)
class _Compiled:
    """The concepts' rules, with every term indexed by its first character so that a text
    is walked once rather than searched once per term."""

    concepts: tuple[_CompiledConcept, ...]
    by_first_char: dict[str, tuple[tuple[str, int, int, float], ...]]  # term, concept, rank, weight
    with_patterns: frozenset[int]  # the numbers of the concepts that have patterns
    positions: dict[str, int]  # concept id -> its place in the taxonomy's order

    def term_hits(self, text: str) -> dict[int, list[Hit]]:
        """The term occurrences of each concept found (by its number), in the order of its
        rules, then of position."""
        found: dict[int, list[tuple[int, int, Hit]]] = {}
        for pos, char in enumerate(text):
            for term, concept, rank, weight in self.by_first_char.get(char, ()):
                if text.startswith(term, pos):
                    found.setdefault(concept, []).append((rank, pos, ((pos, pos + len(term)), term, weight)))
        return {concept: [hit for _, _, hit in sorted(hits)] for concept, hits in found.items()}


def classify(text: str, context: str | Sequence[str] = "",
             taxonomy: Taxonomy | None = None) -> list[TypeMatch]:
    """The problem types of ``text``, best first (see the module contract)."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    compiled = _compile(taxonomy)
    own = _evidence(compiled, prepare(text))
    heading = _context_evidence(taxonomy, _join(context))
    scores = _combine(own, heading)
    kept = _prune(scores, taxonomy)
    return sorted((_match(cid, kept[cid], own, heading) for cid in kept),
                  key=lambda m: (-m.score, compiled.positions[m.concept_id]))


def classify_problem(problem: "Problem", taxonomy: Taxonomy | None = None) -> list[TypeMatch]:
    """The types of a problem record: its text, with its headings as the context."""
    return classify(problem.text, [problem.category or "", problem.subcategory or ""], taxonomy)


def broader_closure(matches: Iterable[TypeMatch | str],
                    taxonomy: Taxonomy | None = None) -> dict[str, float]:
    """Each matched concept and all its ancestors, with the best score that reaches it."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    closure: dict[str, float] = {}
    for match in matches:
        cid, score = (match, 1.0) if isinstance(match, str) else (match.concept_id, match.score)
        for node in [cid, *taxonomy.ancestors(cid)]:
            closure[node] = max(score, closure.get(node, 0.0))
    return closure


def prepare(text: str) -> str:
    """The form rules are matched against: NFKC, no whitespace, no quotation marks."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text or ""))


def _join(context: str | Sequence[str]) -> str:
    return context if isinstance(context, str) else ";".join(c for c in context if c)


def _evidence(compiled: _Compiled, text: str, scale: float = 1.0) -> Evidence:
    if not text:
        return {}
    found: Evidence = {}
    term_hits = compiled.term_hits(text)
    for number in sorted(term_hits.keys() | compiled.with_patterns):
        concept = compiled.concepts[number]
        terms = concept.evidence(text, term_hits.get(number, []))
        if terms:
            found[concept.concept_id] = {t: w * scale for t, w in terms.items()}
    return found


@lru_cache(maxsize=4096)
def _context_evidence(taxonomy: Taxonomy, context: str) -> Evidence:
    """The headings' evidence, cached: the problems under one heading share it (read-only)."""
    return _evidence(_compile(taxonomy), prepare(context), CONTEXT_WEIGHT)


def _combine(own: Evidence, heading: Evidence) -> dict[str, float]:
    own_scores = {cid: _noisy_or(terms.values()) for cid, terms in own.items()}
    vague = max(own_scores.values(), default=0.0) < VAGUE_BELOW
    candidates = set(own) | (set(heading) if vague else set())
    scores = {cid: _noisy_or([*own.get(cid, {}).values(), *heading.get(cid, {}).values()])
              for cid in candidates}
    best = max(scores.values(), default=0.0)
    return {cid: s for cid, s in scores.items() if s >= RELATIVE_CUT * best}


def _prune(scores: dict[str, float], taxonomy: Taxonomy) -> dict[str, float]:
    implied = {a for cid in scores for a in taxonomy.ancestors(cid)}
    return {cid: s for cid, s in scores.items() if cid not in implied}


def _match(cid: str, score: float, own: Evidence, heading: Evidence) -> TypeMatch:
    return TypeMatch(cid, round(score, 4), tuple(own.get(cid, {})), tuple(heading.get(cid, {})))


def _noisy_or(weights: Iterable[float]) -> float:
    miss = 1.0
    for weight in weights:
        miss *= 1.0 - weight
    return 1.0 - miss


@lru_cache(maxsize=8)
def _compile(taxonomy: Taxonomy) -> _Compiled:
    concepts = tuple(_compile_concept(c) for c in taxonomy)
    index: dict[str, list[tuple[str, int, int, float]]] = {}
    for number, concept in enumerate(concepts):
        for rank, (term, weight) in enumerate(concept.terms):
            if term:
                index.setdefault(term[0], []).append((term, number, rank, weight))
    return _Compiled(concepts, {char: tuple(terms) for char, terms in index.items()},
                     frozenset(number for number, concept in enumerate(concepts) if concept.patterns),
                     {concept.concept_id: number for number, concept in enumerate(concepts)})


def _compile_concept(concept: Concept) -> _CompiledConcept:
    rules = concept.rules
    return _CompiledConcept(
        concept_id=concept.id,
        terms=tuple((prepare(r.value), r.weight) for r in rules if r.kind in ("include", "weak")),
        patterns=tuple((re.compile(r.value), r.weight) for r in rules if r.kind == "pattern"),
        excludes=tuple(prepare(r.value) for r in rules if r.kind == "exclude"),
    )


def _spans_of(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for needle in needles:
        start = text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    return spans


def _inside(span: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    return any(o0 <= span[0] and span[1] <= o1 for o0, o1 in outer)
