"""Secrets: the Neo4j password never shows, wherever a user or a log could see it.

Two sentinels: the Bolt test server's own random root password (the secret of every successful
run) and ``sentinel-<random>``, a wrong password (the secret of every refused login, unreachable
server or URI that carries credentials). Checked, with Python logging captured at DEBUG (the
neo4j driver's loggers included):
- the CLI on the neo4j store (load, stats, query, cypher, types, analyze, export, repair):
  output and exception on success, on a wrong password, an unreachable URI and a URI with
  ``user:password@``;
- the exceptions the stores raise: message, repr and the whole formatted chain;
- the store's repr and description;
- every dashboard page (AppTest) on the neo4j store, and a page whose login is refused: every
  element the page holds, exceptions included;
- `docker-compose config` with a .env holding the sentinel: the password appears only in the
  two environment values that must carry it into the containers (``NEO4J_AUTH`` of neo4j,
  ``NEO4J_PASSWORD`` of the loader and the dashboard: `config` prints the configuration as
  resolved, by design), nowhere else; and never in the compose file itself.
ArcadeDB locks a user out for ~30 s after a few failed logins in a row: each refused login here
is followed by a good one (``relogin``), so the session's server stays usable for other tests.
"""
from __future__ import annotations

import logging
import secrets
import traceback
from pathlib import Path

import pytest
import streamlit
import yaml
from click.testing import CliRunner
from dashboard_support import MODULES, loaded_env, open_env_store, page
from test_compose import COMPOSE, compose_config

from noticegraph.cli import main
from noticegraph.graph import open_store
from noticegraph.graph.errors import StoreError
from noticegraph.graph.testserver import free_port

ROOT = Path(__file__).resolve().parents[1]
WRONG = f"sentinel-{secrets.token_hex(8)}"
CARRIERS = {("neo4j", "NEO4J_AUTH"), ("loader", "NEO4J_PASSWORD"), ("dashboard", "NEO4J_PASSWORD")}


@pytest.fixture(scope="module")
def server(request):
    found = request.getfixturevalue("bolt_server")
    assert len(found.password) >= 8, "the Bolt test server's password is too short to be a sentinel"
    return found


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="neo4j")
    return caplog


def assert_hidden(secret: str, *texts: object) -> None:
    for text in texts:
        assert secret not in str(text), f"the password shows in: {str(text)[:300]}"


def relogin(server) -> None:
    """One successful login: ArcadeDB counts failed logins in a row, and locks the user out."""
    open_store("neo4j", uri=server.uri, user=server.user, password=server.password,
               database=server.database).close()


def neo4j_env(server, password: str, uri: str | None = None) -> dict[str, str | None]:
    return {"NEO4J_URI": uri or server.uri, "NEO4J_USER": server.user, "NEO4J_PASSWORD": password,
            "NEO4J_DATABASE": server.database, "NOTICEGRAPH_STORE": "neo4j", "NOTICEGRAPH_DB": None}


def exception_texts(error: BaseException | None) -> list[str]:
    """Message, repr and the formatted chain (suppressed contexts too) of an exception."""
    texts = []
    while error is not None:
        texts += [str(error), repr(error), "".join(traceback.format_exception(error))]
        error = error.__cause__ or error.__context__
    return texts


def invoke(args: list[str], env: dict[str, str | None]):
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=True)
    return result, [result.output, *exception_texts(result.exception)]


SUCCEEDING = [["load", str(ROOT / "data" / "samples")], ["stats"], ["stats", "--json"], ["query", "notices"],
              ["cypher", "MATCH (n:Notice) RETURN n.title AS title"], ["types"], ["repair"]]
FAILING = [["stats"], ["query", "notices"], ["load", str(ROOT / "data" / "samples")],
           ["cypher", "MATCH (n) RETURN count(n)"]]


def test_cli_on_the_neo4j_store_never_prints_the_password(server, logs, tmp_path):
    env = neo4j_env(server, server.password)
    for args in [*SUCCEEDING, ["export", "--format", "graphml", "--output", str(tmp_path / "g.graphml")]]:
        result, texts = invoke(args, env)
        assert result.exit_code == 0, (args, result.output, result.exception)
        assert_hidden(server.password, *texts)
    assert_hidden(server.password, logs.text, *(r.getMessage() for r in logs.records))
    assert any(r.name.startswith("neo4j") for r in logs.records), "the driver's logs were not captured"


@pytest.mark.parametrize("how", ["wrong password", "unreachable", "credentials in the URI"])
def test_cli_failures_never_print_the_password(server, logs, how):
    uri = {"wrong password": server.uri, "unreachable": f"bolt://127.0.0.1:{free_port()}",
           "credentials in the URI": server.uri.replace("//", f"//{server.user}:{WRONG}@")}[how]
    env = neo4j_env(server, WRONG, uri)
    for args in FAILING:
        result, texts = invoke(args, env)
        relogin(server)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (args, result.output)
        assert result.output.strip(), args
        assert_hidden(WRONG, *texts)
    assert_hidden(WRONG, logs.text, *(r.getMessage() for r in logs.records))


@pytest.mark.parametrize("how", ["wrong password", "unreachable", "credentials in the URI"])
def test_store_errors_never_hold_the_password(server, logs, how):
    uri = {"wrong password": server.uri, "unreachable": f"bolt://127.0.0.1:{free_port()}",
           "credentials in the URI": server.uri.replace("//", f"//{server.user}:{WRONG}@")}[how]
    with pytest.raises(StoreError) as caught:
        open_store("neo4j", uri=uri, user=server.user, password=WRONG, database=server.database)
    relogin(server)
    assert_hidden(WRONG, *exception_texts(caught.value), logs.text)


def test_an_open_store_shows_no_password(server, logs):
    with open_store("neo4j", uri=server.uri, user=server.user, password=server.password,
                    database=server.database) as graph:
        assert_hidden(server.password, repr(graph), graph.describe(), str(graph), graph.stats())
    assert_hidden(server.password, logs.text)


def page_texts(app) -> list[str]:
    """Every element the page holds, as its protobuf text (exceptions and their traces included)."""
    texts = []
    stack = [app._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None:
            texts.append(str(proto))
        stack.extend(getattr(node, "children", {}).values())
    return texts


def test_dashboard_pages_on_the_neo4j_store_never_show_the_password(server, request, tmp_path, monkeypatch, logs):
    env = loaded_env("neo4j", request, tmp_path)
    assert env["NEO4J_PASSWORD"] == server.password
    with open_env_store(env) as graph:
        notice = graph.query("MATCH (n:Notice) RETURN n.id AS id")[0]["id"]
    params = {"reader": {"notice": notice}, "console": {"cypher": "MATCH (n:Notice) RETURN n", "run": "1"},
              "regulations": {"tcsel": 0}, "problem_types": {"ptsel": 0}}
    for title, module in MODULES.items():
        app = page(monkeypatch, env, title, params.get(module), run=False)
        app.run()
        assert not app.exception, (title, [e.value for e in app.exception])
        shown = page_texts(app)
        assert any(title.split()[0] in text or "NoticeGraph" in text for text in shown), title  # texts read
        assert_hidden(server.password, *shown)
    assert_hidden(server.password, logs.text)


def test_a_dashboard_page_whose_login_is_refused_shows_one_line_without_the_password(server, tmp_path,
                                                                                      monkeypatch, logs):
    env = {k: v for k, v in neo4j_env(server, WRONG).items() if v is not None}
    streamlit.cache_resource.clear()  # the handle opened with the right password by the test before
    for title in ("Overview", "Regulations", "Notice reader", "Load"):
        app = page(monkeypatch, env, title, run=False)
        app.run()
        relogin(server)
        shown = page_texts(app)
        assert not app.exception, (title, [e.value for e in app.exception])
        assert app.error and "cannot reach Neo4j" in app.error[0].value, title
        assert_hidden(WRONG, *shown)
    assert_hidden(WRONG, logs.text)


def test_docker_compose_config_shows_the_password_only_where_the_containers_need_it(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"NEO4J_PASSWORD={WRONG}\n", encoding="utf-8")
    done = compose_config(tmp_path, str(dotenv), None)
    assert done.returncode == 0, done.stderr
    assert_hidden(WRONG, done.stderr)
    config = yaml.safe_load(done.stdout)
    holders = {(name, key) for name, service in config["services"].items()
               for key, value in (service.get("environment") or {}).items() if WRONG in str(value)}
    assert holders == CARRIERS
    for name, key in CARRIERS:
        del config["services"][name]["environment"][key]
    assert_hidden(WRONG, yaml.safe_dump(config, allow_unicode=True))
    assert WRONG not in COMPOSE.read_text(encoding="utf-8")
