"""Helpers for the dashboard tests: the samples loaded into a store the app opens (either
engine, configured through the environment as `noticegraph dashboard` configures it), and
the app driven on one page with URL parameters (streamlit.testing.v1.AppTest)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from streamlit.testing.v1 import AppTest

from noticegraph.dashboard.pages import PAGES, SCREENS
from noticegraph.graph import open_store
from noticegraph.graph.ingest import ingest

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
MODULES = {title: module for _, title, module in PAGES}
STORE_ENV = ("NOTICEGRAPH_STORE", "NOTICEGRAPH_DB", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD",
             "NEO4J_DATABASE", "NOTICEGRAPH_UPLOADS")


def store_env(kind: str, request: pytest.FixtureRequest, folder: Path) -> dict[str, str]:
    """The environment that points the app at a store of ``kind`` (the Bolt test server for neo4j)."""
    if kind == "ladybug":
        return {"NOTICEGRAPH_STORE": "ladybug", "NOTICEGRAPH_DB": str(folder / "graph.lbug"),
                "NOTICEGRAPH_UPLOADS": str(folder / "uploads")}
    server = request.getfixturevalue("bolt_server")
    return {"NOTICEGRAPH_STORE": "neo4j", "NEO4J_URI": server.uri, "NEO4J_USER": server.user,
            "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": server.database,
            "NOTICEGRAPH_UPLOADS": str(folder / "uploads")}


def open_env_store(env: dict[str, str]):
    if env["NOTICEGRAPH_STORE"] == "ladybug":
        return open_store("ladybug", env["NOTICEGRAPH_DB"])
    return open_store("neo4j", uri=env["NEO4J_URI"], user=env["NEO4J_USER"], password=env["NEO4J_PASSWORD"],
                      database=env["NEO4J_DATABASE"])


def loaded_env(kind: str, request: pytest.FixtureRequest, folder: Path, files: list[Path] | None = None) -> dict:
    """A store of ``kind`` emptied and loaded with ``files`` (the samples by default), closed again."""
    env = store_env(kind, request, folder)
    with open_env_store(env) as graph:
        graph.reset()
        report = ingest(graph, sorted(SAMPLES.glob("*.txt")) if files is None else files)
        assert not report.failures, report.failures
    return env


def page(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], title: str,
         params: dict[str, Any] | None = None, run: bool = True) -> AppTest:
    """The app on the page titled ``title`` with URL parameters ``params``, run once."""
    for name in STORE_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = AppTest.from_file(str(APP), default_timeout=90)
    app.run()
    app.switch_page(f"{SCREENS}/{MODULES[title]}.py")
    app.query_params.update({k: str(v) for k, v in (params or {}).items()})
    if run:
        app.run()
        assert not app.exception, [e.value for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    """Everything the page wrote as text (titles, captions, markdown, messages), one per line."""
    parts = [e.value for kind in ("title", "header", "subheader", "caption", "markdown", "error", "warning",
                                  "info", "success") for e in getattr(app, kind)]
    return "\n".join(str(p) for p in parts)


def html_bodies(app: AppTest) -> list[str]:
    return [element.proto.body for element in app.get("html")]
