"""A store that cannot be reached gives one line saying what and where, never the password."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from cli_support import assert_clean_exit
from noticegraph.cli import main
from noticegraph.graph import StoreUnavailable, open_store
from noticegraph.graph.neo4j_store import safe_uri
from noticegraph.graph.testserver import free_port

WRONG_PASSWORD = "not-the-password-42"


def neo4j_targets(server):
    """(label, open_store kwargs, password that must never show) for each way of failing."""
    closed = f"bolt://127.0.0.1:{free_port()}"
    with_userinfo = server.uri.replace("bolt://", f"bolt://root:{WRONG_PASSWORD}@")
    return [
        ("closed port", dict(uri=closed, user="root", password=WRONG_PASSWORD), "Connection refused"),
        ("bad password", dict(uri=server.uri, user=server.user, password=WRONG_PASSWORD), "authentication failed"),
        ("password in URI", dict(uri=with_userinfo, user=server.user, password=WRONG_PASSWORD),
         "credentials in the URI"),
        ("missing database", dict(uri=server.uri, user=server.user, password=server.password,
                                  database="nosuchdb"), "nosuchdb"),
        ("not bolt", dict(uri="http://127.0.0.1:7474", user="root", password=WRONG_PASSWORD), "not a Bolt URI"),
    ]


def assert_one_clean_line(message: str, secret: str) -> None:
    assert len(message.strip().splitlines()) == 1, message
    assert secret not in message and "Traceback" not in message


def test_unreachable_neo4j_raises_store_unavailable(bolt_server):
    for label, kwargs, expected in neo4j_targets(bolt_server):
        with pytest.raises(StoreUnavailable) as caught:
            open_store("neo4j", **kwargs)
        message = str(caught.value)
        assert expected in message, label
        assert safe_uri(kwargs["uri"]) in message, label
        assert_one_clean_line(message, kwargs["password"])


def test_unreachable_neo4j_on_the_command_line(bolt_server):
    for label, kwargs, expected in neo4j_targets(bolt_server):
        args = ["stats", "--store", "neo4j", "--uri", kwargs["uri"], "--user", kwargs["user"]]
        if "database" in kwargs:
            args += ["--database", kwargs["database"]]
        result = CliRunner().invoke(main, args, env={"NEO4J_PASSWORD": kwargs["password"]})
        assert_clean_exit(result, 1)
        assert expected in result.output, label
        assert_one_clean_line(result.output, kwargs["password"])


@pytest.fixture
def locked_db(tmp_path):
    """A LadybugDB file held open for writing by another process."""
    path = tmp_path / "locked.lbug"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import ladybug, sys, time; db = ladybug.Database(sys.argv[1]); "
         "ladybug.Connection(db); print('ready', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield path
    finally:
        holder.kill()
        holder.wait()


def test_locked_ladybug_file(locked_db, tmp_path):
    with pytest.raises(StoreUnavailable) as caught:
        open_store("ladybug", locked_db)
    assert "locked by another writer" in str(caught.value) and str(locked_db) in str(caught.value)
    sample = tmp_path / "n.txt"
    sample.write_text("x", "utf-8")
    result = CliRunner().invoke(main, ["load", str(sample), "--db", str(locked_db)], env={"NEO4J_URI": None})
    assert_clean_exit(result, 1)
    assert "locked by another writer" in result.output
    assert_one_clean_line(result.output, WRONG_PASSWORD)


def test_reader_opens_beside_a_writer(locked_db):
    with open_store("ladybug", locked_db, read_only=True) as graph:
        assert graph.stats()["nodes"]["Notice"] == 0
