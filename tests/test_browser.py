"""One real-browser test: every dashboard page in Debian's chromium, driven by Playwright.

The samples are loaded into a temporary LadybugDB, `noticegraph dashboard` serves it on
127.0.0.1, and each page of ``PAGES`` is opened in turn: it must finish running, draw its charts
and components, show no Streamlit exception element and make no request beyond loopback.
Its navigation must be the one st.navigation builds from ``PAGES`` (not Streamlit's legacy
file-based listing, which it runs when a pages/ folder sits beside the entry script and a
server's first visitor opens a page other than the root: the second test opens a shared reader
link first on a fresh server). Screenshots go to $NOTICEGRAPH_SCREENSHOTS (default: a pytest temporary
folder). The server's warm-up line and the render times of the Overview (the first page of
``PAGES``), on the fresh server (after its warm-up, as an analyst opening the printed URL finds
it) and again warm, are printed: figures, not assertions (the machine is shared).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from browser_support import (CHART, COMPONENT, chromium_browser, highlighted_problems, is_local, load_samples,
                             new_app_page, render_seconds, served_dashboard, wait_for_app_run, warm_up_line)
from noticegraph.dashboard.pages import PAGES

SEED_000 = "000_00de51ecc004529a"
VIEWPORT = {"width": 1400, "height": 1800}  # tall: Streamlit scrolls inside, so shots show what fits
DRAWN_AT_LEAST = {"overview": (CHART, 2), "regulations": (CHART, 1), "problem_types": (CHART, 2),
                  "network": (COMPONENT, 1)}  # charts and components the wait must have seen drawn
READER_PROBLEMS = 40  # seed 000's problems, each highlighted from its span


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    db = tmp_path_factory.mktemp("dashboard") / "samples.lbug"
    return db, load_samples(db)


@pytest.fixture(scope="module")
def dashboard_url(samples_db: tuple[Path, dict[str, str]]):
    db, _ = samples_db
    with served_dashboard(db, db.with_name("dashboard.log")) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("NOTICEGRAPH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Visit:
    """A page opened and rendered, with every address it asked for, every script error, and the
    seconds from navigation to its last change."""
    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    script_seconds: float = 0.0
    seconds: float = 0.0


def visit(context: BrowserContext, url: str) -> Visit:
    page = new_app_page(context)
    seen = Visit(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("websocket", lambda socket: seen.requests.append(socket.url))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.goto(url)
    wait_for_app_run(page)
    seen.script_seconds, seen.seconds = render_seconds(page)
    return seen


def navigation_titles(page: Page) -> list[str]:
    return [link.inner_text().strip() for link in page.locator('[data-testid="stSidebarNavLink"]').all()]


def check_page(seen: Visit, title: str) -> None:
    assert navigation_titles(seen.page) == [t for _, t, _ in PAGES], "navigation is not st.navigation's"
    assert seen.page.locator('[data-testid="stException"]').count() == 0, title
    outside = [url for url in seen.requests if not is_local(url)]
    assert not outside, (title, outside)
    assert not seen.errors, (title, seen.errors)
    assert seen.page.locator('[data-testid="stAlertContentError"]').count() == 0, title


def report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    """A figure for the run's log, printed past pytest's capture (CI shows it)."""
    with capsys.disabled():
        print(f"\n{line}")


def timing(seen: Visit) -> str:
    return f"{seen.seconds:.2f} s to the last change ({seen.script_seconds:.2f} s to the script's end)"


def page_url(base: str, url_path: str, module: str, ids: dict[str, str]) -> str:
    """A page's address; the reader's names seed 000, as the other pages' "open" links do."""
    return f"{base}/{url_path}" + (f"?notice={ids[SEED_000]}" if module == "reader" else "")


def check_reader(seen: Visit) -> None:
    assert highlighted_problems(seen.page) == READER_PROBLEMS


def test_every_page_renders_locally_without_errors(
        dashboard_url: str, samples_db: tuple[Path, dict[str, str]], screenshots: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, ids = samples_db
    with sync_playwright() as playwright:
        browser = chromium_browser(playwright)
        try:
            context = browser.new_context(viewport=VIEWPORT)  # one HTTP cache, as one analyst has
            for url_path, title, module in PAGES:
                seen = visit(context, page_url(dashboard_url, url_path, module, ids))
                if url_path == PAGES[0][0]:
                    report(capsys, warm_up_line(samples_db[0].with_name("dashboard.log")))
                    report(capsys, f"{title}, first render (fresh server, empty browser cache): {timing(seen)}")
                seen.page.screenshot(path=str(screenshots / f"{module}.png"))
                check_page(seen, title)
                if module == "reader":
                    check_reader(seen)
                if module in DRAWN_AT_LEAST:
                    selector, least = DRAWN_AT_LEAST[module]
                    assert seen.page.locator(selector).count() >= least, (title, selector)
                seen.page.close()
            again = visit(context, f"{dashboard_url}/{PAGES[0][0]}")
            report(capsys, f"{PAGES[0][1]}, again (warm caches): {timing(again)}")
        finally:
            browser.close()


def test_a_shared_reader_link_opened_first_on_a_fresh_server(
        samples_db: tuple[Path, dict[str, str]], screenshots: Path) -> None:
    """A bookmarked link is the first thing a fresh server serves: same navigation, all highlights."""
    db, ids = samples_db
    url_path, title, module = next(page for page in PAGES if page[2] == "reader")
    with served_dashboard(db, db.with_name("bookmark.log")) as url, sync_playwright() as playwright:
        browser = chromium_browser(playwright)
        try:
            seen = visit(browser.new_context(viewport=VIEWPORT), page_url(url, url_path, module, ids))
            seen.page.screenshot(path=str(screenshots / "reader-opened-first.png"))
            check_page(seen, title)
            check_reader(seen)
        finally:
            browser.close()
