"""The scale benchmark: parse, load and query figures at several corpus sizes, as a table and JSON.

Usage: python bench/run.py [--sizes 1000,10000,50000] [--runs 5] [--work DIR] [--json FILE]
                           [--naive 100] [--parse-files 300] [--seed 7]

For each size N: a synthetic corpus (``noticegraph synth N --seed S``, kept in the work folder
and reused), then
- parse: MB/s of ``extract_text`` on one core over ``--parse-files`` of its files;
- load: ``noticegraph load`` of the corpus into a fresh LadybugDB file, as a separate process:
  wall seconds, notices/s and the peak resident memory of its whole process tree (proctree.py);
- queries: in this (warm) process, each saved query with its default parameters once to warm
  up and then ``--runs`` times: p50 and p95 in ms; the detail queries run for the first row of
  their aggregate (named ``aggregate>detail``).
Once (at the smallest size): the naive baseline, ``--naive`` notices loaded with one MERGE per
row (naive.py) against the same notices through ``load_many``; the ratio is naive / bulk time.
Growth: for each figure, the exponent k in figure ∝ N^k between consecutive sizes (1 = linear).
The machine is whatever runs this: figures only, nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from naive import naive_load  # noqa: E402
from proctree import run_measured  # noqa: E402

from noticegraph.graph import open_store  # noqa: E402
from noticegraph.graph.ingest import find_notice_files  # noqa: E402
from noticegraph.loaders import extract_text  # noqa: E402
from noticegraph.loaders.reader import read_source  # noqa: E402
from noticegraph.queries.registry import default_registry, run_detail, run_query  # noqa: E402

QUERY_TIMEOUT_MS = 60_000
NOTICEGRAPH = [str(Path(sys.executable).with_name("noticegraph"))]


def corpus(work: Path, size: int, seed: int) -> Path:
    folder = work / f"c{size}_s{seed}"
    if not folder.exists() or len(find_notice_files([folder])) != size:
        shutil.rmtree(folder, ignore_errors=True)
        measured = run_measured([*NOTICEGRAPH, "synth", str(size), "--seed", str(seed), "-o", str(folder)])
        if measured.returncode:
            raise SystemExit(f"synth {size} failed")
    return folder


def parse_speed(files: list[Path]) -> dict[str, float]:
    sources = [read_source(path) for path in files]
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    started = time.perf_counter()
    for source in sources:
        extract_text(source.text, source.path)
    seconds = time.perf_counter() - started
    return {"mb_per_s": round(size / 1e6 / seconds, 2), "notices_per_s": round(len(sources) / seconds, 1)}


def load(folder: Path, db: Path, size: int) -> dict[str, float]:
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
    measured = run_measured([*NOTICEGRAPH, "load", "--db", str(db), str(folder)],
                            stdout=open(os.devnull, "w"))  # noqa: SIM115
    if measured.returncode:
        raise SystemExit(f"load of {folder} failed")
    return {"seconds": measured.seconds, "notices_per_s": round(size / measured.seconds, 1),
            "peak_mb": measured.peak_mb}


def timed(run: Any, runs: int) -> dict[str, float]:
    run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}


def query_times(db: Path, runs: int) -> dict[str, dict[str, Any]]:
    figures: dict[str, dict[str, Any]] = {}
    with open_store(db=db, read_only=True) as store:
        store._conn.set_query_timeout(QUERY_TIMEOUT_MS)  # a runaway query is reported, not waited for
        for name, query in default_registry().items():
            try:
                result = run_query(store, name)
                figures[name] = {**timed(lambda: run_query(store, name), runs), "rows": len(result.rows),
                                 "total": result.total}
            except Exception as error:  # noqa: BLE001 - a failing query is a figure too
                figures[name] = {"error": str(error).splitlines()[0][:200]}
                continue
            if query.detail and result.rows:
                row = result.rows[0]
                figures[f"{name}>{query.detail.query}"] = timed(lambda: run_detail(store, result, row), runs)
    return figures


def naive_ratio(files: list[Path]) -> dict[str, float]:
    from noticegraph.loaders import extract_file
    notices = [extract_file(path.resolve()) for path in files]
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(db=Path(tmp) / "bulk.lbug") as bulk:
            started = time.perf_counter()
            bulk.load_many(notices)
            bulk_s = time.perf_counter() - started
        with open_store(db=Path(tmp) / "naive.lbug") as naive:
            started = time.perf_counter()
            statements = naive_load(naive, notices)
            naive_s = time.perf_counter() - started
    return {"notices": len(notices), "bulk_s": round(bulk_s, 2), "naive_s": round(naive_s, 2),
            "statements": statements, "ratio": round(naive_s / bulk_s, 1)}


def growth(results: list[dict[str, Any]]) -> dict[str, list[float | None]]:
    """figure ∝ N^k: k between each pair of consecutive sizes, per figure."""
    def flat(result: dict[str, Any]) -> dict[str, float]:
        out = {"load_seconds": result["load"]["seconds"], "load_peak_mb": result["load"]["peak_mb"]}
        out.update({f"{q}.p50_ms": f["p50_ms"] for q, f in result["queries"].items() if "p50_ms" in f})
        return out
    out: dict[str, list[float | None]] = {}
    for small, large in zip(results, results[1:]):
        a, b, ratio = flat(small), flat(large), math.log(large["size"] / small["size"])
        for key in a:
            k = math.log(b[key] / a[key]) / ratio if key in b and a[key] > 0 and b[key] > 0 else None
            out.setdefault(key, []).append(None if k is None else round(k, 2))
    return out


def table(results: list[dict[str, Any]]) -> str:
    sizes = [r["size"] for r in results]
    lines = ["| figure | " + " | ".join(f"{n:,}" for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    lines.append("| parse MB/s (one core) | " + " | ".join(str(r["parse"]["mb_per_s"]) for r in results) + " |")
    for key, label in (("seconds", "load s"), ("notices_per_s", "load notices/s"), ("peak_mb", "load peak MB")):
        lines.append(f"| {label} | " + " | ".join(str(r["load"][key]) for r in results) + " |")
    for name in results[0]["queries"]:
        cells = []
        for r in results:
            f = r["queries"].get(name, {})
            cells.append("fails" if "error" in f else f"{f.get('p50_ms', '?')} / {f.get('p95_ms', '?')}")
        lines.append(f"| {name} p50 / p95 ms | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
            "load_average": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "noticegraph-bench")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--naive", type=int, default=100, help="notices for the naive baseline (0: skip)")
    parser.add_argument("--parse-files", type=int, default=300)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sorted(int(s.replace("_", "")) for s in args.sizes.split(",")):
        folder = corpus(args.work, size, args.seed)
        files = find_notice_files([folder])
        db = args.work / f"db{size}.lbug"
        result = {"size": size, "parse": parse_speed(files[:args.parse_files]), "load": load(folder, db, size)}
        result["queries"] = query_times(db, args.runs)
        results.append(result)
        print(f"{size:,} notices: load {result['load']}", file=sys.stderr)
    report = {"machine": machine(), "results": results, "growth": growth(results)}
    if args.naive:
        report["naive"] = naive_ratio(find_notice_files([corpus(args.work, results[0]["size"], args.seed)])[:args.naive])
    print(table(results))
    if "naive" in report:
        n = report["naive"]
        print(f"\nnaive one-MERGE-per-row load of {n['notices']} notices: {n['naive_s']} s; "
              f"bulk load_many: {n['bulk_s']} s; ratio {n['ratio']}x")
    path = args.json or args.work / "bench.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    print(f"\nJSON: {path}")


if __name__ == "__main__":
    main()
