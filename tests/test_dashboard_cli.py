"""`noticegraph dashboard` serves the app on loopback over the store it is given, prints the URL
and hands the store options to the app through the environment (never a password on the
command line); stopping the command stops the server."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from noticegraph.cli_dashboard import dashboard_env, shown_url, streamlit_command
from noticegraph.graph.testserver import free_port


def test_options_go_to_the_environment_and_streamlit_stays_on_loopback(tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    env = dashboard_env({"store": "ladybug", "db": Path("rel.lbug"), "uri": None, "user": None, "database": None})
    assert env["NOTICEGRAPH_STORE"] == "ladybug" and env["NOTICEGRAPH_DB"] == str(Path("rel.lbug").resolve())
    command = streamlit_command("127.0.0.1", 8501)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert command[command.index("--browser.gatherUsageStats") + 1] == "false"
    assert "s3cret-pw" not in " ".join(command)
    assert shown_url("127.0.0.1", 8501) == "http://localhost:8501"


def test_the_command_serves_the_app_and_prints_its_url(tmp_path):
    port = free_port()
    cli = Path(sys.executable).with_name("noticegraph")
    server = subprocess.Popen([str(cli), "dashboard", "--port", str(port), "--db", str(tmp_path / "g.lbug")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "NEO4J_URI": ""})
    try:
        first_line = server.stdout.readline()
        assert f"http://localhost:{port}" in first_line
        deadline, health = time.monotonic() + 90, None
        while time.monotonic() < deadline and health is None:
            try:
                health = urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read()
            except OSError:
                time.sleep(0.5)
        assert health == b"ok"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert server.poll() is not None
