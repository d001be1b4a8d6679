"""Serve the dashboard on loopback and drive Debian's chromium with Playwright (browser tests).

- ``load_samples(db)``: data/samples loaded into a fresh LadybugDB file by the library;
  returns each notice's id by its file's stem (000_00de51ecc004529a → id).
- ``served_dashboard(db, log)``: ``noticegraph dashboard --host 127.0.0.1 --port <free>
  --store ladybug --db <db>`` (whatever NEO4J_URI says)
  as a subprocess, yielded once its health endpoint answers and it has said it read the Overview's
  data (``wait_for_warm_up``; ``warm_up_line(log)`` is that line), stopped (SIGTERM, then SIGKILL)
  at the end. A server that dies early fails with its own output.
- ``chromium_browser()``: headless /usr/bin/chromium (Playwright's own browser download cannot
  reach its host here) with the flags that keep it off the network by itself.
- ``new_app_page(context)``: a page that counts Streamlit's script runs from its first byte
  (a MutationObserver on the app's ``data-test-script-state``), so ``wait_for_app_run(page)``
  can wait until a run has started and finished, 0.5 s have passed without another (pages that
  rerun after writing the URL), no skeleton placeholder or running indicator remains, and every
  chart and component on the page has drawn. ``render_seconds(page)``: from the start of
  its navigation to its script's end and to the last change of its document (without that wait).
- ``is_local(url)``: True for loopback, data: and blob: addresses.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
RUN_WATCHER = """
window.__ngRuns = 0; window.__ngRunning = false; window.__ngLastEnd = 0; window.__ngLastChange = 0;
new MutationObserver(() => {
    window.__ngLastChange = performance.now();
    const app = document.querySelector('[data-testid="stApp"]');
    const running = !!app && app.getAttribute('data-test-script-state') === 'running';
    if (running && !window.__ngRunning) { window.__ngRunning = true; }
    if (!running && window.__ngRunning) {
        window.__ngRunning = false; window.__ngRuns += 1; window.__ngLastEnd = performance.now();
    }
}).observe(document, {attributes: true, subtree: true, childList: true, characterData: true});
"""
SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return window.__ngRuns > 0 && !window.__ngRunning && performance.now() - window.__ngLastEnd > 500
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
}"""
CHART = '[data-testid="stVegaLiteChart"], [data-testid="stPlotlyChart"], [data-testid="stEChartsChart"]'
COMPONENT = 'iframe[data-testid="stCustomComponentV1"], iframe[data-testid="stIFrame"]'
DRAWN = "canvas, svg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_samples(db: Path) -> dict[str, str]:
    from noticegraph.graph import open_store
    from noticegraph.graph.ingest import find_notice_files, ingest

    with open_store("ladybug", db) as store:
        report = ingest(store, find_notice_files([SAMPLES]))
        assert not report.failures, report.failures
        rows = store.query("MATCH (n:Notice) RETURN n.id AS id, n.source AS source")
    return {Path(row["source"]).stem: row["id"] for row in rows}


def dashboard_command(db: Path, port: int) -> list[str]:
    script = Path(sys.executable).with_name("noticegraph")
    return [str(script), "dashboard", "--host", "127.0.0.1", "--port", str(port), "--store", "ladybug",
            "--db", str(db)]


@contextlib.contextmanager
def served_dashboard(db: Path, log: Path, timeout: float = 90.0) -> Iterator[str]:
    """The dashboard served on 127.0.0.1 on a free port; yields its base URL."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(dashboard_command(db, port), stdout=out, stderr=subprocess.STDOUT,
                                   cwd=ROOT, env=os.environ.copy(), start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_answers(f"{url}/_stcore/health", process, log, timeout)
            wait_for_warm_up(process, log, timeout)
            yield url
        finally:
            stop(process)


def wait_until_answers(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"dashboard exited with {process.returncode}:\n{log.read_text()}")
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        time.sleep(0.25)
    raise AssertionError(f"dashboard did not answer {url} within {timeout:.0f} s:\n{log.read_text()}")


def wait_for_warm_up(process: subprocess.Popen, log: Path, timeout: float) -> None:
    """Until the server says it has read the Overview's data (dashboard/serve.py), as it does
    before an analyst who opens the printed URL gets there."""
    from noticegraph.dashboard.serve import WARMED

    deadline = time.monotonic() + timeout
    while WARMED not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the dashboard never said {WARMED!r}:\n{log.read_text()}")
        time.sleep(0.1)


def warm_up_line(log: Path) -> str:
    from noticegraph.dashboard.serve import WARMED

    return next((line for line in log.read_text(errors="replace").splitlines() if WARMED in line), "")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def chromium_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def highlighted_problems(page) -> int:
    """Problems the reader highlights: anchors (one per problem start) followed by a problem mark
    before the next anchor (a problem's mark may be split around items nested in it)."""
    return page.evaluate("""() => {
        let count = 0, open = false;
        for (const el of document.querySelectorAll('.ng-text a[id], .ng-text mark.hl.problem')) {
            if (el.tagName === 'A') { open = true; } else if (open) { count += 1; open = false; }
        }
        return count;
    }""")


def render_seconds(page) -> tuple[float, float]:
    """Seconds from the start of the page's navigation to the end of its last script run, and
    to the last change of its document (tables and charts drawn)."""
    script_end, last_change = page.evaluate("[window.__ngLastEnd, window.__ngLastChange]")
    return script_end / 1000, last_change / 1000


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


def new_app_page(context):
    page = context.new_page()
    page.add_init_script(RUN_WATCHER)
    return page


def wait_for_app_run(page, timeout_ms: float = 60_000) -> None:
    """Until a script run has finished and settled, and every chart and component has drawn."""
    page.wait_for_function(SETTLED, timeout=timeout_ms, polling=100)
    page.wait_for_selector('[data-testid="stStatusWidget"] [data-testid^="stStatusWidgetRunning"]',
                           state="detached", timeout=timeout_ms)
    for chart in page.locator(CHART).all():
        chart.locator(DRAWN).first.wait_for(timeout=timeout_ms)
    for index in range(page.locator(COMPONENT).count()):
        frame = page.frame_locator(COMPONENT).nth(index)
        frame.locator(DRAWN).first.wait_for(timeout=timeout_ms)
