"""Files in, graph out: find notice files, extract each, load them in batches, count what happened.

Contract: ``find_notice_files(paths)`` expands folders recursively to their .txt .md .html .htm
entries that are not folders (a FIFO or a looping symlink is listed, never opened, so the reader
reports it; symlinked folders are not followed, so a loop cannot recur; a folder named x.txt is a
folder), a file named explicitly is taken whatever its suffix; sorted, each once.
``ingest(store, files, encoding=None, progress=None)`` extracts every file (a file that cannot
be extracted, or whose notice cannot be turned into graph rows, is a failure with its reason;
the others still load), loads the notices with ``store.load_rows`` in batches of
``batch_size``, calls ``progress(1)`` per file, links the problems of the notices loaded or
replaced to similar problems across the store and returns an ``IngestReport``
(``report.similar`` counts the links created). Each batch is marked pending before it is
written and the links complete what is pending (pending.py), so a load killed after a commit
leaves nothing half-done that the next load does not finish. Batches are large because each
commit of a bulk write costs LadybugDB a checkpoint (~2.5-3.5 CPU-s once the tables hold data,
the same for 1,000 or 3,000 notices: it rewrites the relationship storage the batch touches):
1,500 notices a batch make 7 checkpoints of 10,000 notices instead of 10, and a 10,000-notice
load (workers included) stays under 1.5 GB (1.39 GB measured; 2,000 a batch peaked at 1.65 GB).
Extraction runs in a process pool (one worker per core) when there are many files, one batch
ahead of the load (the pool extracts batch k+1 while batch k loads; at most two batches are
held, so memory does not grow with the number of files). The workers also turn each notice
into its graph rows (``notice_rows``) and send them pickled, so this process only writes them;
the batch extracted ahead waits as bytes until its turn. The notices still load in file order,
from this process. Notice sources are absolute paths, so reloading a changed file replaces it
whichever working directory the load runs from. ``StoreUnavailable`` propagates.
"""
from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..loaders import NoticeError, extract_file
from ..loaders.records import Notice
from .errors import one_line
from . import pending
from .rows import GraphRows, notice_rows
from .store import GraphStore, LoadResult
from .workers import die_with_parent

NOTICE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
PARALLEL_FROM = 40  # below this many files a process pool costs more than it saves
OUTCOMES = ("loaded", "unchanged", "replaced", "failed")


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


@dataclass
class IngestReport:
    results: list[LoadResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    similar: int = 0

    def count(self, outcome: str) -> int:
        if outcome == "failed":
            return len(self.failures)
        return sum(1 for result in self.results if result.outcome == outcome)

    def totals(self, outcome: str) -> dict[str, int]:
        chosen = [r for r in self.results if r.outcome == outcome]
        return {"notices": self.count(outcome), "problems": sum(r.problems for r in chosen),
                "measures": sum(r.measures for r in chosen), "regulations": sum(r.regulations for r in chosen)}


Outcome = bytes | GraphRows | Failure  # what extraction yields: the workers' results arrive pickled


def find_notice_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix.lower() in NOTICE_SUFFIXES and not p.is_dir())
        else:
            found.add(path)
    return sorted(found)


def extract(path: Path, encoding: str | None) -> Notice | Failure:
    try:
        return extract_file(_absolute(path), encoding=encoding)
    except NoticeError as error:
        return Failure(str(path), error.reason)
    except Exception as error:  # noqa: BLE001 - an extractor bug fails this file, not the run
        return Failure(str(path), f"extraction failed: {type(error).__name__}: {one_line(error)}")


def prepare(path: Path, encoding: str | None) -> GraphRows | Failure:
    """The graph rows of one file's notice, or why there are none (what the workers run)."""
    notice = extract(path, encoding)
    if isinstance(notice, Failure):
        return notice
    try:
        return notice_rows(notice)
    except Exception as error:  # noqa: BLE001 - a bug turning the notice into rows fails this file too
        return Failure(str(path), f"graph rows failed: {type(error).__name__}: {one_line(error)}")


def prepare_sealed(path: Path, encoding: str | None) -> bytes:
    """``prepare``, pickled in the worker: the batch extracted ahead waits in the loading process
    as bytes (a quarter of the memory of the row dicts) until its turn to load."""
    return pickle.dumps(prepare(path, encoding), protocol=pickle.HIGHEST_PROTOCOL)


def _opened(outcome: Outcome) -> GraphRows | Failure:
    return pickle.loads(outcome) if isinstance(outcome, bytes) else outcome  # noqa: S301 - our own workers' bytes


def _absolute(path: Path) -> Path:
    """The resolved path; a symlink loop cannot be resolved: its absolute path, for the reader to refuse."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def ingest(store: GraphStore, files: list[Path], encoding: str | None = None,
           progress: Callable[[int], None] | None = None, batch_size: int = 1500,
           workers: int | None = None) -> IngestReport:
    report = IngestReport()
    with _extractor(len(files), workers) as extract_all:
        for outcomes in _ahead(extract_all, _slices(files, batch_size), encoding):
            all_rows: list[GraphRows] = []
            for outcome in map(_opened, outcomes):
                (report.failures if isinstance(outcome, Failure) else all_rows).append(outcome)
                if progress:
                    progress(1)
            pending.mark_rows(store, all_rows)
            record(report, store.load_rows(all_rows))
    report.similar = pending.complete(store).created
    return report


def _slices(files: list[Path], size: int) -> list[list[Path]]:
    return [files[start:start + size] for start in range(0, len(files), size)]


def _ahead(extract_all: Callable[..., Iterable[Outcome]], batches: list[list[Path]],
           encoding: str | None) -> Iterator[list[Outcome]]:
    """Each batch's extraction results, the next batch already submitted while the caller loads
    this one (the pool keeps extracting during the load): at most two batches in memory."""
    pending = extract_all(batches[0], encoding) if batches else iter(())
    for index in range(len(batches)):
        current = list(pending)
        if index + 1 < len(batches):
            pending = extract_all(batches[index + 1], encoding)
        yield current


@contextlib.contextmanager
def _extractor(file_count: int, workers: int | None) -> Iterator[Callable[..., Iterable[Outcome]]]:
    """Extraction (with the rows) is CPU-bound: many files are extracted in a pool of processes (one per core
    unless ``workers`` says otherwise), a few in this process. Results keep the files' order.
    Workers die with this process (workers.py), so a killed load leaves none behind."""
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers < 2 or file_count < PARALLEL_FROM:
        yield lambda paths, encoding: (prepare(path, encoding) for path in paths)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        yield lambda paths, encoding: pool.map(prepare_sealed, paths, [encoding] * len(paths), chunksize=8)


def record(report: IngestReport, results: list[LoadResult]) -> None:
    for result in results:
        if result.outcome == "failed":
            report.failures.append(Failure(result.source or result.notice_id, result.reason or "failed"))
        else:
            report.results.append(result)
