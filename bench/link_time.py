"""How long SIMILAR_TO linking takes on a loaded store: from scratch, then after one more notice.

Usage: python bench/link_time.py FOLDER DB

Loads the notices of FOLDER (e.g. from ``noticegraph synth 10000 -o FOLDER``) into a fresh
LadybugDB file DB with linking held back (each batch marked pending, as ingest does), then
times ``pending.complete`` (the linking a load ends with), and then the incremental update
after one notice is replaced. Figures only: nothing is asserted.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from noticegraph.graph import open_store, pending
from noticegraph.graph.ingest import find_notice_files, ingest


def main() -> None:
    folder, db = Path(sys.argv[1]), Path(sys.argv[2])
    files = find_notice_files([folder])
    with open_store("ladybug", db) as store:
        complete, pending.complete = pending.complete, lambda _store: pending.LinkReport()
        started = time.perf_counter()
        ingest(store, files)
        print(f"loaded {len(files)} notices without linking in {time.perf_counter() - started:.1f} s")
        pending.complete = complete
        timed(store, "link from scratch")
        first = files[0]
        original = first.read_text("utf-8")
        first.write_text(original.replace("整改", "整改落实", 1), "utf-8")
        try:
            started = time.perf_counter()
            report = ingest(store, [first])  # replaced: its problems and their neighbours relinked
            print(f"replacing one notice (whole ingest): {time.perf_counter() - started:.1f} s, "
                  f"{report.similar} links created")
        finally:
            first.write_text(original, "utf-8")


def timed(store, what: str) -> None:
    started = time.perf_counter()
    report = pending.complete(store)
    links = store.stats()["relationships"]["SIMILAR_TO"]
    print(f"{what}: {time.perf_counter() - started:.1f} s, {report}, {links} links")


if __name__ == "__main__":
    main()
