"""The dashboard's server process: Streamlit's own command line, plus a warm-up, so the first
visitor does not pay for what every visitor needs.

``python -m noticegraph.dashboard.serve run APP [streamlit options]`` (what `noticegraph
dashboard` executes) starts one thread and then hands over to ``streamlit run``. The thread waits
until Streamlit's runtime exists (its caches are the ones page runs use), then imports what the
pages import (pandas, Altair, the engines' drivers; not st-link-analysis: a component declared
outside a page run is not served, and its iframe never draws), opens the store and fills
the data caches with the Overview's reads (``OVERVIEW``: its counts, description and saved
queries, the charts built once so Altair's schema is loaded), and prints one line starting with
``WARMED`` (with its seconds). A store that cannot be opened yet (no database, a server down) is
left to the page, which says so (the line says "not yet"); the warm-up never stops the server.
"""
from __future__ import annotations

import logging
import sys
import threading
import time

OVERVIEW: tuple[tuple[str, dict], ...] = (("status-summary", {"per_notice": False}),
                                          ("rounds-timeline", {"latest": True, "limit": 20}),
                                          ("notices", {"limit": 10}))
"""The saved queries screens/overview.py runs, with the parameters it gives them."""
WAIT_FOR_RUNTIME_S = 60.0
WARMED = "NoticeGraph: the Overview's data was read"
_QUIET = ("streamlit.runtime.scriptrunner_utils.script_run_context", "streamlit.runtime.caching.cache_data_api")


def wait_for_runtime(timeout_s: float = WAIT_FOR_RUNTIME_S) -> bool:
    from streamlit import runtime

    deadline = time.monotonic() + timeout_s
    while not runtime.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def warm() -> None:
    """Import the pages' modules and fill the caches the Overview reads."""
    from ..graph.errors import StoreError
    from ..queries.errors import QueryError
    from . import charts, data, views  # noqa: F401 - imported for their import time

    started = time.monotonic()
    try:
        data.stats()
        data.describe()
        for name, params in OVERVIEW:
            chart = charts.chart_for(data.run(name, params))
            if chart is not None:
                chart.to_dict()  # loads and compiles Altair's Vega-Lite schema once
    except (StoreError, QueryError) as error:
        print(f"{WARMED}: not yet ({str(error).splitlines()[0]})", flush=True)
        return
    print(f"{WARMED} in {time.monotonic() - started:.1f} s", flush=True)


def warm_when_ready() -> None:
    if not wait_for_runtime():
        return
    quiet = [logging.getLogger(name) for name in _QUIET]  # Streamlit has set up its loggers by now
    levels = [logger.level for logger in quiet]
    for logger in quiet:  # outside a page run Streamlit warns that there is none: expected here
        logger.setLevel(logging.ERROR)
    try:
        warm()
    finally:
        for logger, level in zip(quiet, levels):
            logger.setLevel(level)


def main() -> None:
    threading.Thread(target=warm_when_ready, name="noticegraph-warm-up", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", *sys.argv[1:]]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
