"""How the SIMILAR_TO threshold was chosen: precision and recall over labelled real pairs.

Usage: python bench/similarity_threshold.py [--background N]

The 54 problems of the two sample notices give 560 cross-notice pairs; the pairs in
tests/fixtures/similar_pairs.tsv are the ones judged to be the same problem phrased
differently. For each threshold the script counts the labelled pairs found (true positives)
and the other pairs found (false positives): first every pair scoring at or above the
threshold, then the pairs actually linked (each problem's TOP_K best) when N synthetic
notices (noticegraph.synth) share the store, as a check that the top-k cut does not crowd the
real pairs out. The score is corpus-independent, so the background changes only that cut.
Figures only: nothing is asserted.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from noticegraph.graph.similar import score, similar_pairs
from noticegraph.loaders import extract_file, extract_text
from noticegraph.synth import generate_corpus

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.10, 0.12, 0.14, 0.15, 0.16, 0.17, 0.18, 0.20, 0.25, 0.30, 0.40)


def labelled_pairs() -> set[frozenset[str]]:
    lines = (ROOT / "tests" / "fixtures" / "similar_pairs.tsv").read_text("utf-8").splitlines()
    return {frozenset(line.split("\t")) for line in lines if line and not line.startswith("#")}


def problems_of(notices) -> dict[str, tuple[str, str]]:
    return {f"{n.id}:{p.path}": (n.id, p.text) for n in notices for p in n.problems}


def all_scores(real: dict) -> dict[frozenset[str], float]:
    """Every cross-notice pair of real problems with its score (no top-k cut)."""
    items = sorted(real.items())
    return {frozenset((ta, tb)): score(ta, tb) for i, (a, (na, ta)) in enumerate(items)
            for b, (nb, tb) in items[i + 1:] if na != nb}


def linked(real: dict, background: dict, threshold: float) -> dict[frozenset[str], float]:
    """The real pairs that the store would link at ``threshold`` with ``background`` loaded."""
    corpus = real | background
    return {frozenset((corpus[a][1], corpus[b][1])): s for a, b, s in similar_pairs(corpus, threshold)
            if a in real and b in real}


def row(t: float, scored: dict, positives: set) -> str:
    tp = sum(1 for p in positives if p in scored and scored[p] >= t)
    fp = sum(1 for k, s in scored.items() if k not in positives and s >= t)
    precision, recall = tp / (tp + fp) if tp + fp else 1.0, tp / len(positives)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return f"  {t:9.2f}  {tp:5}  {fp:5}  {precision:9.2f}  {recall:6.2f}  {f1:4.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=500, help="synthetic notices added (default 500)")
    args = parser.parse_args()
    real = problems_of(extract_file(path) for path in sorted((ROOT / "data" / "samples").glob("*.txt")))
    synthetic = problems_of(extract_text(s.text, s.filename) for s in generate_corpus(args.background, seed=99))
    positives, scored = labelled_pairs(), all_scores(real)
    header = "  threshold  found  false  precision  recall  F1"
    print(f"every pair at or above the threshold ({len(real)} problems)\n{header}")
    for t in THRESHOLDS:
        print(row(t, scored, positives))
    print(f"pairs linked (top-k) with {args.background} synthetic notices ({len(synthetic)} more problems)\n{header}")
    for t in THRESHOLDS:
        print(row(t, linked(real, synthetic, t), positives))


if __name__ == "__main__":
    main()
