"""The problem-type taxonomy: a SKOS concept scheme in Turtle, loaded into typed records.

Contract:
- ``load_taxonomy(path=None)`` parses ``data/problem_types.ttl`` (or ``path``) with rdflib and
  returns a :class:`Taxonomy`; results are cached per resolved path, so repeated calls are free.
- A :class:`Concept` is identified by ``id``, the local name of its IRI under
  ``https://noticegraph.org/types/`` (``"eight-rules"``); it carries its zh/en labels,
  alternative labels, scope note, ``broader`` ids, ``notation`` (its place in the tree, "2.6.1.1")
  and its matching :class:`Rule` s.
- Rule kinds are ``include`` / ``weak`` / ``pattern`` (evidence, each with the weight declared
  on its property in the Turtle) and ``exclude`` (masks matches inside it; see classify.py).
- Concepts iterate in notation order; ``render_tree`` gives the Markdown tree used in
  docs/taxonomy.md and ``update_docs`` rewrites that block.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Literal

from rdflib import Graph, Literal as RDFLiteral, Namespace, URIRef
from rdflib.namespace import OWL, RDF, SKOS

TYPES = Namespace("https://noticegraph.org/types/")
NG = Namespace("https://noticegraph.org/ns/match#")
DEFAULT_PATH = Path(__file__).parent / "data" / "problem_types.ttl"
SCHEME = TYPES["scheme"]

RuleKind = Literal["include", "weak", "pattern", "exclude"]
RULE_PROPERTIES: dict[RuleKind, URIRef] = {
    "include": NG.includeTerm,
    "weak": NG.weakTerm,
    "pattern": NG.pattern,
    "exclude": NG.excludeTerm,
}
TREE_START = "<!-- taxonomy-tree:start -->"
TREE_END = "<!-- taxonomy-tree:end -->"


class TaxonomyError(ValueError):
    """The Turtle file does not describe a well-formed problem-type scheme."""


@dataclass(frozen=True)
class Rule:
    """One matching rule: a literal term, a regex pattern, or an exclusion mask."""

    kind: RuleKind
    value: str
    weight: float


@dataclass(frozen=True)
class Concept:
    """A problem type of the scheme."""

    id: str
    iri: str
    notation: str
    label_zh: str
    label_en: str
    alt_labels: tuple[str, ...]
    broader: tuple[str, ...]
    scope_note: str
    rules: tuple[Rule, ...]

    @property
    def is_top(self) -> bool:
        return not self.broader

    @property
    def evidence_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind != "exclude")


@dataclass(eq=False)
class Taxonomy:
    """All concepts of the scheme, in notation order, with hierarchy lookups."""

    iri: str
    version: str
    concepts: dict[str, Concept]
    source: str = ""
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for concept in self.concepts.values():
            for parent in concept.broader:
                self._children.setdefault(parent, []).append(concept.id)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    def top_concepts(self) -> list[Concept]:
        return [c for c in self if c.is_top]

    def children(self, concept_id: str) -> list[Concept]:
        return [self.concepts[c] for c in self._children.get(concept_id, [])]

    def ancestors(self, concept_id: str) -> list[str]:
        """Ids of every broader concept, nearest first, each once."""
        seen: list[str] = []
        frontier = list(self.concepts[concept_id].broader)
        while frontier:
            parent = frontier.pop(0)
            if parent not in seen:
                seen.append(parent)
                frontier.extend(self.concepts[parent].broader)
        return seen

    def descendants(self, concept_id: str) -> list[str]:
        """Ids of every narrower concept, depth first in notation order."""
        out: list[str] = []
        for child in self.children(concept_id):
            out.append(child.id)
            out.extend(self.descendants(child.id))
        return out


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load (once per path) the scheme at ``path``, default the packaged problem_types.ttl."""
    if path is None:
        return _load_default()
    return _load_cached(str(Path(path).resolve()))


@lru_cache(maxsize=1)
def _load_default() -> Taxonomy:
    return _load_cached(str(DEFAULT_PATH.resolve()))


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Taxonomy:
    graph = Graph()
    graph.parse(path, format="turtle")
    weights = _rule_weights(graph)
    concepts = [_concept(graph, s, weights) for s in graph.subjects(SKOS.inScheme, SCHEME)]
    if not concepts:
        raise TaxonomyError(f"{path}: no skos:Concept in {SCHEME}")
    concepts.sort(key=lambda c: _notation_key(c.notation))
    version = graph.value(SCHEME, OWL.versionInfo)
    taxonomy = Taxonomy(str(SCHEME), str(version or ""), {c.id: c for c in concepts}, path)
    _check_hierarchy(taxonomy)
    return taxonomy


def _rule_weights(graph: Graph) -> dict[RuleKind, float]:
    weights: dict[RuleKind, float] = {}
    for kind, prop in RULE_PROPERTIES.items():
        value = graph.value(prop, NG.weight)
        if value is None:
            raise TaxonomyError(f"rule property {prop} declares no ng:weight")
        weights[kind] = float(value.toPython())
    return weights


def _concept(graph: Graph, subject: URIRef, weights: dict[RuleKind, float]) -> Concept:
    if (subject, RDF.type, SKOS.Concept) not in graph:
        raise TaxonomyError(f"{subject} is in the scheme but not a skos:Concept")
    return Concept(
        id=_local_id(subject),
        iri=str(subject),
        notation=str(graph.value(subject, SKOS.notation) or ""),
        label_zh=_label(graph, subject, SKOS.prefLabel, "zh"),
        label_en=_label(graph, subject, SKOS.prefLabel, "en"),
        alt_labels=_alt_labels(graph, subject),
        broader=tuple(sorted(_local_id(o) for o in graph.objects(subject, SKOS.broader))),
        scope_note=" ".join(str(o) for o in graph.objects(subject, SKOS.scopeNote)),
        rules=_rules(graph, subject, weights),
    )


def _rules(graph: Graph, subject: URIRef, weights: dict[RuleKind, float]) -> tuple[Rule, ...]:
    rules = []
    for kind, prop in RULE_PROPERTIES.items():
        values = sorted(str(o) for o in graph.objects(subject, prop))
        rules.extend(Rule(kind, value, weights[kind]) for value in values)
    return tuple(rules)


def _label(graph: Graph, subject: URIRef, prop: URIRef, lang: str) -> str:
    for obj in graph.objects(subject, prop):
        if isinstance(obj, RDFLiteral) and (obj.language or "").startswith(lang):
            return str(obj)
    return ""


def _alt_labels(graph: Graph, subject: URIRef) -> tuple[str, ...]:
    literals = [o for o in graph.objects(subject, SKOS.altLabel) if isinstance(o, RDFLiteral)]
    literals.sort(key=lambda o: (not (o.language or "").startswith("zh"), str(o)))
    return tuple(str(o) for o in literals)


def _local_id(iri: object) -> str:
    text = str(iri)
    if not text.startswith(str(TYPES)):
        raise TaxonomyError(f"{text} is not under {TYPES}")
    return text[len(str(TYPES)):]


def _notation_key(notation: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", notation))


def _check_hierarchy(taxonomy: Taxonomy) -> None:
    for concept in taxonomy:
        missing = [b for b in concept.broader if b not in taxonomy]
        if missing:
            raise TaxonomyError(f"{concept.id}: broader {missing} not in the scheme")
    for concept in taxonomy:
        if concept.id in taxonomy.ancestors(concept.id):
            raise TaxonomyError(f"{concept.id}: skos:broader cycle")


def render_tree(taxonomy: Taxonomy | None = None) -> str:
    """The concepts as a nested Markdown list: notation, zh label, en label, id."""
    taxonomy = taxonomy or load_taxonomy()
    lines: list[str] = []

    def walk(concept: Concept, depth: int) -> None:
        lines.append(f"{'  ' * depth}- {concept.notation} {concept.label_zh} — "
                     f"{concept.label_en} (`{concept.id}`)")
        for child in taxonomy.children(concept.id):
            walk(child, depth + 1)

    for top in taxonomy.top_concepts():
        walk(top, 0)
    return "\n".join(lines) + "\n"


def replace_tree_block(document: str, tree: str) -> str:
    """``document`` with the text between the tree markers replaced by ``tree``."""
    start, end = document.index(TREE_START), document.index(TREE_END)
    return document[: start + len(TREE_START)] + "\n" + tree + document[end:]


def update_docs(path: str | Path, taxonomy: Taxonomy | None = None) -> bool:
    """Rewrite the tree block of the Markdown file at ``path``; True when it changed."""
    path = Path(path)
    old = path.read_text(encoding="utf-8")
    new = replace_tree_block(old, render_tree(taxonomy))
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


if __name__ == "__main__":  # python -m noticegraph.loaders.taxonomy [docs/taxonomy.md]
    if len(sys.argv) > 1:
        print("updated" if update_docs(sys.argv[1]) else "unchanged")
    else:
        sys.stdout.write(render_tree())
