"""Render time of every dashboard page in a real browser, on a database of any size.

Usage: python bench/dashboard_bench.py --db FILE [--visits 2] [--screenshots DIR]

``noticegraph dashboard`` serves FILE (a LadybugDB database, e.g. one loaded from
``noticegraph synth 10000 --seed 7``) on 127.0.0.1, and Debian's chromium (Playwright) opens each
page of dashboard/pages.py ``--visits`` times in one browser context: the first visit on the
fresh server (after its warm-up, with an empty browser cache for the first page), the next ones
warm. For each visit it prints the seconds from navigation to the end of the page's script run
and to the last change of the document (charts and tables drawn): the figures the dashboard
issue's "each page renders in 2 s" is read from. The reader opens the notice with the smallest
id. The server and browser helpers are the browser test's (tests/browser_support.py). Figures
only: nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (chromium_browser, new_app_page, render_seconds, served_dashboard,  # noqa: E402
                             wait_for_app_run, warm_up_line)
from playwright.sync_api import sync_playwright  # noqa: E402

from noticegraph.dashboard.pages import PAGES  # noqa: E402
from noticegraph.graph import open_store  # noqa: E402

VIEWPORT = {"width": 1400, "height": 1800}
FIRST_NOTICE = "MATCH (n:Notice) RETURN n.id AS id ORDER BY id LIMIT 1"


def first_notice(db: Path) -> str:
    with open_store("ladybug", db, read_only=True) as store:
        rows = store.query(FIRST_NOTICE)
    if not rows:
        raise SystemExit(f"{db} holds no notices")
    return rows[0]["id"]


def visit(context, url: str, shot: Path | None) -> tuple[float, float]:
    page = new_app_page(context)
    page.goto(url)
    wait_for_app_run(page)
    seconds = render_seconds(page)
    if shot is not None:
        page.screenshot(path=str(shot))
    page.close()
    return seconds


def page_times(base: str, notice: str, visits: int, shots: Path | None) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {}
    with sync_playwright() as playwright:
        browser = chromium_browser(playwright)
        context = browser.new_context(viewport=VIEWPORT)
        for url_path, title, module in PAGES:
            url = f"{base}/{url_path}" + (f"?notice={notice}" if module == "reader" else "")
            times[title] = [visit(context, url, shots / f"{module}.png" if shots and k == 0 else None)
                            for k in range(visits)]
        browser.close()
    return times


def report(times: dict[str, list[tuple[float, float]]]) -> None:
    print(f"{'page':24s} {'first visit':>24s} {'later visits (median)':>24s}")
    for title, seen in times.items():
        first = f"{seen[0][0]:.2f} / {seen[0][1]:.2f} s"
        later = (f"{statistics.median(s for s, _ in seen[1:]):.2f} / {statistics.median(c for _, c in seen[1:]):.2f} s"
                 if len(seen) > 1 else "-")
        print(f"{title:24s} {first:>24s} {later:>24s}")
    print("(seconds from navigation to the script's end / to the last change of the page)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--visits", type=int, default=2)
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args()
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    notice = first_notice(args.db)
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"dashboard_bench.{os.getpid()}.log"
    with served_dashboard(args.db, log) as base:
        print(warm_up_line(log), f"(load average {os.getloadavg()[0]:.2f})")
        report(page_times(base, notice, args.visits, args.screenshots))


if __name__ == "__main__":
    main()
