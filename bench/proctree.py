"""Run a command and measure its wall time and the peak memory of its whole process tree.

Usage: python bench/proctree.py -- COMMAND [ARGS...]   (prints one JSON line on stderr)

``run_measured(argv) -> Measured`` starts ``argv``, samples every ``INTERVAL`` seconds the
resident set (VmRSS in /proc, Linux only) of the process and all its descendants (extraction
workers included) and returns the exit code, the wall seconds, the peak of the *sum* over
the tree, in MB, and the CPU seconds (user + system) the tree used, children waited for
included: on a shared machine the CPU seconds vary less than the wall time. Sampling can miss
a spike shorter than the interval. Figures only.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

INTERVAL = 0.2
PROC = Path("/proc")


@dataclass(frozen=True)
class Measured:
    returncode: int
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0


def _parents() -> dict[int, int]:
    parents = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _rss_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(root: int) -> float:
    """The resident memory of ``root`` and every descendant, summed, in MB."""
    parents = _parents()
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(frontier)
    return sum(_rss_kb(pid) for pid in tree) / 1024


def run_measured(argv: list[str], **popen: object) -> Measured:
    start, cpu_before = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(argv, **popen)  # noqa: S603 - the caller's own command
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        time.sleep(INTERVAL)
    return Measured(process.returncode, round(time.perf_counter() - start, 2), round(peak, 1),
                    round(_children_cpu() - cpu_before, 2))


def _children_cpu() -> float:
    """User + system seconds of the children this process has waited for (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    measured = run_measured(argv)
    print(json.dumps(asdict(measured)), file=sys.stderr)
    return measured.returncode


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
