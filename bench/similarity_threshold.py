"""How the SIMILAR_TO threshold was chosen: precision and recall over labelled real pairs.

Usage: python bench/similarity_threshold.py [--background N]

The 54 problems of the two sample notices give 560 cross-notice pairs; the pairs in
tests/fixtures/similar_pairs.tsv are the ones judged to be the same problem phrased
differently. For each threshold the script counts the labelled pairs found (true positives)
and the other pairs found (false positives), first with the idf of the samples alone, then
with N synthetic notices (noticegraph.synth) added to the corpus, as a check that the choice
survives the idf shift of a larger store. Figures only: nothing is asserted.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from noticegraph.graph.similar import similar_pairs
from noticegraph.loaders import extract_file, extract_text
from noticegraph.synth import generate_corpus

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.10, 0.12, 0.15, 0.18, 0.20, 0.25, 0.30, 0.35, 0.40)


def labelled_pairs() -> set[frozenset[str]]:
    lines = (ROOT / "tests" / "fixtures" / "similar_pairs.tsv").read_text("utf-8").splitlines()
    return {frozenset(line.split("\t")) for line in lines if line and not line.startswith("#")}


def problems_of(notices) -> dict[str, tuple[str, str]]:
    return {f"{n.id}:{p.path}": (n.id, p.text) for n in notices for p in n.problems}


def scores(real: dict, background: dict) -> dict[frozenset[str], float]:
    corpus = real | background
    pairs = similar_pairs(corpus, list(real), threshold=0.0, top_k=len(corpus))
    return {frozenset((corpus[a][1], corpus[b][1])): s for a, b, s in pairs if a in real and b in real}


def report(title: str, scored: dict, positives: set) -> None:
    print(f"{title}\n  threshold  found  false  precision  recall  F1")
    for t in THRESHOLDS:
        tp = sum(1 for p in positives if scored.get(p, 0) >= t)
        fp = sum(1 for k, s in scored.items() if k not in positives and s >= t)
        precision, recall = tp / (tp + fp) if tp + fp else 1.0, tp / len(positives)
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        print(f"  {t:9.2f}  {tp:5}  {fp:5}  {precision:9.2f}  {recall:6.2f}  {f1:4.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=500, help="synthetic notices added (default 500)")
    args = parser.parse_args()
    real = problems_of(extract_file(path) for path in sorted((ROOT / "data" / "samples").glob("*.txt")))
    synthetic = problems_of(extract_text(s.text, s.filename) for s in generate_corpus(args.background, seed=99))
    positives = labelled_pairs()
    report(f"samples only ({len(real)} problems)", scores(real, {}), positives)
    report(f"samples + {args.background} synthetic notices ({len(synthetic)} more problems)",
           scores(real, synthetic), positives)


if __name__ == "__main__":
    main()
