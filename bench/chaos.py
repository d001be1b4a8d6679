"""Chaos benchmark: `noticegraph load` killed with SIGKILL at random moments, then run again.

Usage: python bench/chaos.py [--trials 20] [--notices 120] [--seed 1] [--store ladybug|neo4j]

Writes a synthetic corpus (noticegraph.synth), loads it once cleanly (the reference graph:
graph/dump.py, every node, relationship and property), then per trial: starts `noticegraph
load` into an empty store, SIGKILLs it at a random moment within the clean load's duration,
and checks
- the store opens read-only and read-write (a failure is counted, with its message),
- every notice it holds is complete (its owned nodes and mention relationships, counted per
  notice, equal the reference's) or absent: otherwise it is counted half-written,
- after a rerun of the same load, no reference notice is missing (lost) and the whole graph
  equals the reference (differing),
- no process of the killed load (a worker) is still alive two seconds after the kill (orphans).
Neo4j: the connection comes from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD; the database is
emptied before each trial. Prints the figures; every one should be 0. ``run_chaos`` returns
them for tests/test_crash.py.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from noticegraph.graph import open_store
from noticegraph.graph.dump import dump_graph
from noticegraph.graph.schema import NODES, RELATIONSHIPS
from noticegraph.synth import generate_corpus, write_corpus

CLI = str(Path(sys.executable).with_name("noticegraph"))
ORPHAN_GRACE = 2.0


@dataclass
class ChaosReport:
    kills: int = 0
    unopenable: int = 0
    unopenable_read_only: int = 0
    half_written: int = 0
    lost: int = 0
    differing: int = 0
    orphans: int = 0
    notes: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, int]:
        return {k: v for k, v in self.__dict__.items() if k != "notes"}


def per_notice(store) -> dict[str, dict[str, int]]:
    """For each notice id: how many owned nodes and mention relationships of each kind it has."""
    counts: dict[str, dict[str, int]] = {}
    kinds = [n.label for n in NODES if n.owned] + [r.type for r in RELATIONSHIPS if "notice_id" in r.names]
    for kind in kinds:
        pattern = f"(x:{kind})" if kind in {n.label for n in NODES} else f"()-[x:{kind}]->()"
        for row in store.query(f"MATCH {pattern} RETURN x.notice_id AS notice, count(*) AS n"):
            counts.setdefault(row["notice"], {})[kind] = int(row["n"])
    return counts


def canonical(store) -> str:
    dump = dump_graph(store)
    rels = {"|".join(key): rows for key, rows in dump.rels.items()}
    return json.dumps({"nodes": dump.nodes, "rels": rels}, sort_keys=True, ensure_ascii=False, default=str)


class Target:
    """Where a trial loads: a fresh LadybugDB file, or the Neo4j database emptied."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind, self.folder = kind, folder

    def args(self, trial: str) -> list[str]:
        return ["--db", str(self.folder / f"{trial}.lbug")] if self.kind == "ladybug" else ["--store", "neo4j"]

    def open(self, trial: str, read_only: bool = False):
        if self.kind == "ladybug":
            return open_store("ladybug", self.folder / f"{trial}.lbug", read_only=read_only)
        return open_store("neo4j")

    def empty(self) -> None:
        if self.kind == "neo4j":
            with open_store("neo4j") as store:
                store.reset()


def load(corpus: Path, target: Target, trial: str) -> subprocess.Popen:
    return subprocess.Popen([CLI, "load", str(corpus), *target.args(trial)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def processes_with(marker: str) -> set[int]:
    """Live processes whose command line holds ``marker`` (the trial's store path)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker in cmdline and state != "Z":
                found.add(int(entry.name))
    return found


def run_chaos(trials: int = 20, notices: int = 120, seed: int = 1, kind: str = "ladybug",
              folder: Path | None = None) -> ChaosReport:
    folder = folder or Path(tempfile.mkdtemp(prefix="chaos-"))
    corpus = folder / "corpus"
    write_corpus(generate_corpus(notices, seed=seed), corpus)
    target, rng, report = Target(kind, folder), random.Random(seed), ChaosReport()
    target.empty()
    started = time.perf_counter()
    clean = load(corpus, target, "clean")
    if clean.wait() != 0:
        raise RuntimeError(f"the clean load failed: {clean.stderr.read()}")
    duration = time.perf_counter() - started
    with target.open("clean") as store:
        reference, reference_counts = canonical(store), per_notice(store)
    for trial in range(trials):
        one_trial(corpus, target, f"trial{trial:02d}", rng.uniform(0.05, 1.0) * duration,
                  reference, reference_counts, report)
    return report


def one_trial(corpus: Path, target: Target, trial: str, delay: float, reference: str,
              reference_counts: dict, report: ChaosReport) -> None:
    target.empty()
    victim = load(corpus, target, trial)
    time.sleep(delay)
    marker = " ".join(target.args(trial)) if target.kind == "ladybug" else str(corpus)
    if victim.poll() is None:
        os.kill(victim.pid, signal.SIGKILL)
        report.kills += 1
    victim.wait()
    time.sleep(ORPHAN_GRACE)
    report.orphans += len(processes_with(marker))
    check_after_kill(target, trial, reference_counts, report)
    rerun = load(corpus, target, trial)
    if rerun.wait() != 0:
        report.notes.append(f"{trial}: rerun failed: {rerun.stderr.read().strip()[-300:]}")
    try:
        with target.open(trial) as store:
            report.lost += len(set(reference_counts) - set(per_notice(store)))
            report.differing += canonical(store) != reference
    except Exception as error:  # noqa: BLE001 - counted and shown, the benchmark goes on
        report.unopenable += 1
        report.notes.append(f"{trial}: after the rerun: {error}")


def check_after_kill(target: Target, trial: str, reference_counts: dict, report: ChaosReport) -> None:
    if target.kind == "ladybug" and not (target.folder / f"{trial}.lbug").exists():
        return  # killed before the store was created: nothing to open
    for read_only in (True, False):
        try:
            with target.open(trial, read_only=read_only) as store:
                counts = None if not read_only else per_notice(store) if store.stats()["nodes"]["Notice"] else {}
        except Exception as error:  # noqa: BLE001 - counted and shown
            report.unopenable_read_only += read_only
            report.unopenable += not read_only
            report.notes.append(f"{trial}: {'read-only ' if read_only else ''}open after kill: {error}")
            continue
        if counts is not None:
            report.half_written += sum(1 for notice, kinds in counts.items()
                                       if reference_counts.get(notice) != kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--notices", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", choices=["ladybug", "neo4j"], default="ladybug")
    args = parser.parse_args()
    started = time.perf_counter()
    report = run_chaos(args.trials, args.notices, args.seed, args.store)
    for name, value in report.figures().items():
        print(f"{name:<22}{value:>6}")
    for note in report.notes:
        print(f"note: {note}")
    print(f"({args.trials} trials of {args.notices} notices on {args.store} in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
