"""The slow fuzz run of tests/test_fuzz_extract.py, timed: every example's extraction seconds and size.

Usage: python bench/fuzz_seconds.py [--examples 10000]   (run it under ``nice -n 19``)

Runs the same hypothesis strategy (``mutated()``) and the same check as the slow-marked test,
with ``outcome`` wrapped in a timer, and prints: examples tried, results that were a Notice or a
NoticeError, exceptions of any other type (the property fails on the first: hypothesis then
prints it and the run stops), wall time, the slowest example in seconds, and the worst seconds
per MB of input (over inputs of at least 64 KB, where a per-MB figure means something, and over
all inputs).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import test_fuzz_extract as fuzz  # noqa: E402

LARGE = 64 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    seen: list[tuple[float, int, str]] = []
    plain = fuzz.outcome

    def timed(text: str, route: str, encoding: str):
        started = time.perf_counter()
        try:
            return plain(text, route, encoding)
        finally:
            size = len(text.encode(encoding, errors="replace")) if route != "text" else len(text.encode("utf-8"))
            seen.append((time.perf_counter() - started, size, route))

    fuzz.outcome = timed
    run = settings(max_examples=args.examples, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))(given(fuzz.mutated())(fuzz.check))
    started = time.perf_counter()
    run()
    wall = time.perf_counter() - started
    per_mb = [(s / (n / 1e6), s, n) for s, n, _ in seen if n]
    large = [p for p in per_mb if p[2] >= LARGE]
    slowest = max(seen)
    print(f"examples: {len(seen):,} (asked {args.examples:,}); exceptions other than NoticeError: 0")
    print(f"wall time: {wall:,.0f} s; slowest example: {slowest[0]:.3f} s ({slowest[1]:,} bytes, {slowest[2]})")
    if large:
        worst = max(large)
        print(f"worst seconds per MB, inputs >= 64 KB ({len(large):,} of them): {worst[0]:.3f} s/MB "
              f"({worst[1]:.3f} s for {worst[2]:,} bytes)")
    worst_all = max(per_mb)
    print(f"worst seconds per MB, all inputs: {worst_all[0]:.3f} s/MB ({worst_all[1]:.4f} s for {worst_all[2]:,} bytes)")
    print(f"largest input: {max(n for _, n, _ in seen):,} bytes")


if __name__ == "__main__":
    main()
