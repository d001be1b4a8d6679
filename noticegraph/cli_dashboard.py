"""`noticegraph dashboard`: serve the Streamlit dashboard on this machine.

The store options are handed to the app through the environment (NOTICEGRAPH_STORE,
NOTICEGRAPH_DB, NEO4J_URI, NEO4J_USER, NEO4J_DATABASE; the password only ever comes from
NEO4J_PASSWORD and is never printed). Streamlit runs headless, on 127.0.0.1 unless --host says
otherwise, without usage statistics (nothing leaves the machine), through
``noticegraph.dashboard.serve`` (Streamlit's command line plus a warm-up of the Overview's reads);
it replaces this process, so stopping the command stops the server.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from noticegraph.cli import main

ENV_OF = {"store": "NOTICEGRAPH_STORE", "db": "NOTICEGRAPH_DB", "uri": "NEO4J_URI", "user": "NEO4J_USER",
          "database": "NEO4J_DATABASE"}


def app_path() -> Path:
    from noticegraph import dashboard
    return Path(dashboard.__file__).resolve().parent / "app.py"


def dashboard_env(options: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for name, value in options.items():
        if value is not None:
            env[ENV_OF[name]] = str(Path(value).resolve()) if name == "db" else str(value)
    return env


def shown_url(host: str, port: int) -> str:
    return f"http://{'localhost' if host in ('127.0.0.1', 'localhost', '0.0.0.0') else host}:{port}"


def streamlit_command(host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "noticegraph.dashboard.serve", "run", str(app_path()), "--server.address", host,
            "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--global.developmentMode", "false",
            "--client.toolbarMode", "minimal"]


@main.command()
@click.option("--port", default=8501, show_default=True, type=int, help="Port to serve on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--store", type=click.Choice(["ladybug", "neo4j"]),
              help="Graph store (default: ladybug, or neo4j when NEO4J_URI is set).")
@click.option("--db", type=click.Path(path_type=Path),
              help="LadybugDB file (default: NOTICEGRAPH_DB or ./data/noticegraph.lbug).")
@click.option("--uri", help="Neo4j URI (default: NEO4J_URI).")
@click.option("--user", help="Neo4j user (default: NEO4J_USER or neo4j).")
@click.option("--database", help="Neo4j database (default: NEO4J_DATABASE or neo4j).")
def dashboard(port: int, host: str, **options: Any) -> None:
    """Serve the analyst's dashboard (Streamlit) and print its URL."""
    click.echo(f"NoticeGraph dashboard: {shown_url(host, port)}  (Ctrl-C to stop)")
    command = streamlit_command(host, port)
    sys.stdout.flush()
    os.execve(command[0], command, dashboard_env(options))  # Streamlit takes this process over
