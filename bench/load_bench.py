"""Load N distinct copies of the sample notices into each store and print notices per second.

Usage: python bench/load_bench.py [--copies N] [--store ladybug|neo4j ...] [--single K]

Each copy is a sample with a marker line appended, so every copy has its own notice id (the
extraction runs once; copies differ only in text, id and source). Two paths are timed per
store: ``load_many`` (the bulk path: COPY from Arrow on LadybugDB, large UNWIND batches on
Neo4j) over all copies, then ``load`` one notice at a time for K further copies. Neo4j is the
server in NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD if set, else a throwaway ArcadeDB from the
arcadedb-embedded wheel. Figures only: nothing is asserted.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from noticegraph.graph import open_store
from noticegraph.graph.ids import notice_id
from noticegraph.graph.testserver import arcadedb_server
from noticegraph.loaders import extract_file
from noticegraph.loaders.records import Notice

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def copies(samples: list[Notice], count: int, offset: int = 0) -> list[Notice]:
    out = []
    for k in range(offset, offset + count):
        sample = samples[k % len(samples)]
        text = f"{sample.text}\n副本{k}\n"
        out.append(dataclasses.replace(sample, id=notice_id(text), text=text, source=f"{sample.source}#{k}"))
    return out


@contextlib.contextmanager
def neo4j_settings() -> Iterator[dict[str, str]]:
    if os.environ.get("NEO4J_URI"):
        yield {}
        return
    with arcadedb_server() as server:
        yield {"uri": server.uri, "user": server.user, "password": server.password, "database": server.database}


def timed(label: str, count: int, action) -> None:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"  {label:<22}{count:>6} notices {seconds:>8.2f} s {count / seconds:>9.1f} notices/s")


def bench_store(kind: str, samples: list[Notice], count: int, single: int, settings: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with open_store(kind, Path(folder) / "bench.lbug", **settings) as graph:
            graph.reset()
            print(f"{kind}: {graph.describe()}")
            bulk = copies(samples, count)
            timed("load_many (bulk)", count, lambda: graph.load_many(bulk))
            one_by_one = copies(samples, single, offset=count)
            timed("load (one by one)", single, lambda: [graph.load(n) for n in one_by_one])
            timed("load_many (unchanged)", count, lambda: graph.load_many(bulk))
            nodes = graph.stats()["nodes"]
            print(f"  graph: {nodes['Notice']} notices, {nodes['Problem']} problems, "
                  f"{nodes['Measure']} measures, {nodes['Regulation']} regulations")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=500)
    parser.add_argument("--single", type=int, default=50)
    parser.add_argument("--store", action="append", choices=["ladybug", "neo4j"])
    args = parser.parse_args()
    samples = [extract_file(path) for path in sorted(SAMPLES.glob("*.txt"))]
    for kind in args.store or ["ladybug", "neo4j"]:
        context = neo4j_settings() if kind == "neo4j" else contextlib.nullcontext({})
        with context as settings:
            bench_store(kind, samples, args.copies, args.single, settings)


if __name__ == "__main__":
    main()
