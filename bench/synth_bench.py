"""Time the synthetic corpus generator and print notices per second (figures only, nothing asserted).

Usage: python bench/synth_bench.py [--notices N] [--relapses K] [--seed S]

Replaces the timed test that used to sit in tests/test_synth.py: speed is measured here, on a
quiet machine, never asserted in the suite.
"""
from __future__ import annotations

import argparse
import time

from noticegraph.synth import generate_corpus, planted_relapses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--relapses", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = generate_corpus(args.notices, seed=args.seed, relapses=args.relapses)
    seconds = time.perf_counter() - started
    characters = sum(len(s.text) for s in corpus)
    print(f"{len(corpus)} notices ({characters / 1e6:.1f} M characters, "
          f"{len(planted_relapses(corpus))} relapses) in {seconds:.2f} s: {len(corpus) / seconds:,.0f} notices/s")


if __name__ == "__main__":
    main()
