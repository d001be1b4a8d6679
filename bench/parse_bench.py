"""Parse throughput of the extractor on one core.

Usage: python bench/parse_bench.py [--repeat N] [FILES...]

Extracts every file (default: data/samples/*) N times in this one process and prints the
source size, the number of notices parsed, the wall and CPU time (``process_time``: the
figure to trust on a shared machine) and MB/s of each (UTF-8 bytes of source text per
second). Reading from disk is done once, outside the timed loop, so the figure is the
extractor's own speed: normalisation, outline, problems, titles, figures, persons.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from noticegraph.loaders import extract_text
from noticegraph.loaders.reader import read_source

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    sources = [read_source(p) for p in (args.files or sorted(SAMPLES.glob("*")))]
    size = sum(len(s.text.encode("utf-8")) for s in sources) * args.repeat
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for source in sources:
            extract_text(source.text, source.path)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"notices parsed : {len(sources) * args.repeat}")
    print(f"source text    : {size / 1e6:.2f} MB")
    print(f"wall time      : {elapsed:.2f} s")
    print(f"CPU time       : {cpu:.2f} s")
    print(f"throughput     : {size / 1e6 / elapsed:.2f} MB/s, {len(sources) * args.repeat / elapsed:.0f} notices/s (one core)")
    print(f"CPU throughput : {size / 1e6 / cpu:.2f} MB/CPU-s, {len(sources) * args.repeat / cpu:.0f} notices/CPU-s")


if __name__ == "__main__":
    main()
