"""docker-compose.yml, Dockerfile and .dockerignore, checked without a Docker engine.

No engine runs on the build machines, so the compose file is rendered by Debian's
`docker-compose config` (offline: it validates the schema and interpolates variables) with a
sentinel password, and read as YAML as it is written. The binary is required, never skipped:
.ci/run installs it. The Dockerfile's COPY sources must exist and cover the package directories
pyproject.toml installs (built as the image builds them, into a wheel that must hold every tracked
project file); its CMD and the compose commands must be real `noticegraph` commands and options,
and the loader service's command, with its rendered environment, loads the samples into a real
Bolt server (the suite's ArcadeDB).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import click
import pytest
import yaml

from noticegraph.cli import main as cli
from noticegraph.graph import open_store

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
SENTINEL = "sentinel-Pw-4f1c9e"
SERVICES = {"neo4j", "loader", "dashboard"}
CLIENTS = ("loader", "dashboard")


# -- rendering -----------------------------------------------------------------------------

def compose_config(tmp_path: Path, env_file: str, password: str | None) -> subprocess.CompletedProcess:
    """`docker-compose config` in a clean environment: no developer .env, no inherited NEO4J_*."""
    binary = shutil.which("docker-compose")
    assert binary, "docker-compose is missing: apt-get install docker-compose (.ci/run does)"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    if password is not None:
        env["NEO4J_PASSWORD"] = password
    return subprocess.run([binary, "--env-file", env_file, "-f", str(COMPOSE), "config"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)


def rendered(tmp_path: Path, password: str) -> dict:
    empty = tmp_path / "empty.env"
    empty.write_text("", encoding="utf-8")
    done = compose_config(tmp_path, str(empty), password)
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(done.stdout)


@pytest.fixture(scope="module")
def rendered_config(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return rendered(tmp_path_factory.mktemp("compose"), SENTINEL)


@pytest.fixture(params=["source", "rendered"])
def config(request: pytest.FixtureRequest) -> dict:
    """The compose file as written (PyYAML) and as docker-compose renders it: same structure."""
    if request.param == "source":
        return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return request.getfixturevalue("rendered_config")


def command_words(service: dict) -> list[str]:
    command = service["command"]
    return command.split() if isinstance(command, str) else list(command)


def host_ip(port: str | dict) -> str:
    if isinstance(port, dict):
        return port.get("host_ip", "")
    return str(port).split(":", 1)[0]


# -- the structure, as written and as rendered -----------------------------------------------

def test_the_three_services(config: dict) -> None:
    assert set(config["services"]) == SERVICES
    assert config["services"]["neo4j"]["image"] == "neo4j:5"
    for name in CLIENTS:
        build = config["services"][name]["build"]
        assert (build if isinstance(build, str) else build["context"]) in (".", str(ROOT))


def test_neo4j_health_check_runs_cypher_shell(config: dict) -> None:
    test = config["services"]["neo4j"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL" and "cypher-shell" in test[1] and "RETURN 1" in test[1]


def test_dashboard_health_check_asks_streamlit(config: dict) -> None:
    test = config["services"]["dashboard"]["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"] and "127.0.0.1:8501/_stcore/health" in test[-1]


def test_neo4j_keeps_its_data_in_a_named_volume(config: dict) -> None:
    mounts = config["services"]["neo4j"]["volumes"]
    assert any(str(m).split(":")[:2] == ["neo4j-data", "/data"] for m in mounts)
    assert "neo4j-data" in config["volumes"]


def test_dashboard_keeps_uploads_in_a_named_volume(config: dict) -> None:
    dashboard = config["services"]["dashboard"]
    folder = dashboard["environment"]["NOTICEGRAPH_UPLOADS"]
    assert any(str(m).split(":")[:2] == ["dashboard-uploads", folder] for m in dashboard["volumes"])
    assert "dashboard-uploads" in config["volumes"]
    assert f"NOTICEGRAPH_UPLOADS={folder}" in " ".join(instruction_args("ENV"))


def test_dashboard_waits_for_neo4j_healthy_and_the_loader_done(config: dict) -> None:
    services = config["services"]
    assert services["loader"]["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert services["dashboard"]["depends_on"] == {
        "neo4j": {"condition": "service_healthy"},
        "loader": {"condition": "service_completed_successfully"}}
    assert str(services["loader"]["restart"]) == "no"


def test_every_published_port_is_on_loopback(config: dict) -> None:
    ports = [p for service in config["services"].values() for p in service.get("ports", [])]
    assert ports and all(host_ip(p) == "127.0.0.1" for p in ports)
    assert any(str(p).endswith(("8501", "8501/tcp")) for p in config["services"]["dashboard"]["ports"])


def test_loader_and_dashboard_commands(config: dict) -> None:
    loader = command_words(config["services"]["loader"])
    assert loader == ["noticegraph", "load", "data/samples", "--store", "neo4j"]
    dashboard = command_words(config["services"]["dashboard"])
    assert dashboard[:2] == ["noticegraph", "dashboard"]
    assert option_value(dashboard, "--host") == "0.0.0.0" and option_value(dashboard, "--port") == "8501"


def option_value(words: list[str], option: str) -> str | None:
    return words[words.index(option) + 1] if option in words else None


# -- rendered only ---------------------------------------------------------------------------

def test_clients_reach_neo4j_with_the_password_from_the_environment(rendered_config: dict) -> None:
    services = rendered_config["services"]
    assert services["neo4j"]["environment"]["NEO4J_AUTH"] == f"neo4j/{SENTINEL}"
    for name in CLIENTS:
        env = services[name]["environment"]
        assert env["NEO4J_URI"] == "bolt://neo4j:7687" and env["NEO4J_PASSWORD"] == SENTINEL
        assert env["NEO4J_USER"] == "neo4j"


def test_dashboard_is_published_on_127_0_0_1_8501_by_default(rendered_config: dict) -> None:
    assert rendered_config["services"]["dashboard"]["ports"] in (
        ["127.0.0.1:8501:8501/tcp"], [{"host_ip": "127.0.0.1", "published": 8501, "target": 8501,
                                       "protocol": "tcp", "mode": "host"}])


def test_every_password_in_the_rendered_config_comes_from_the_variable(
        tmp_path: Path, rendered_config: dict) -> None:
    other = rendered(tmp_path, "another-Pw-77aa")
    assert yaml.safe_dump(other).replace("another-Pw-77aa", SENTINEL) == yaml.safe_dump(rendered_config)


def test_an_unset_password_is_refused_with_a_hint(tmp_path: Path) -> None:
    done = compose_config(tmp_path, str(ROOT / ".env.example"), None)
    assert done.returncode != 0 and "set NEO4J_PASSWORD in .env" in done.stderr


# -- no password in the committed files -------------------------------------------------------

PASSWORD_SETTING = re.compile(r"(PASSWORD|NEO4J_AUTH)\s*[:=]\s*(\S*)")
LITERAL_FLAG = re.compile(r"cypher-shell[^|;&]*\s(-p|--password)[\s=]+(?!\$)\S+")


@pytest.mark.parametrize("name", ["docker-compose.yml", "Dockerfile", ".env.example"])
def test_no_password_literal(name: str) -> None:
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            continue
        for _, value in PASSWORD_SETTING.findall(line):
            assert value == "" or re.search(r"\$\{(NEO4J_PASSWORD:\?|NEO4J_AUTH#)", value), line
        assert not LITERAL_FLAG.search(line), line


def test_env_files_stay_out_of_git_and_the_image() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT)
    assert ignored.returncode == 0, ".env must be git-ignored"
    assert ".env" in dockerignore_patterns()


# -- Dockerfile and .dockerignore -----------------------------------------------------------

def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1])
            for line in lines if line and not line.startswith("#")]


def instruction_args(keyword: str) -> list[str]:
    return [args for key, args in dockerfile_instructions() if key == keyword]


def copy_sources() -> list[str]:
    return [source for args in instruction_args("COPY") for source in args.split()[:-1]
            if not source.startswith("--")]


def dockerignore_patterns() -> set[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_dockerfile_base_and_non_root_user() -> None:
    instructions = dockerfile_instructions()
    assert instructions[0] == ("FROM", "python:3.11-slim")
    users = [i for i, (key, _) in enumerate(instructions) if key == "USER"]
    assert users and instructions[users[-1]][1] not in ("root", "0")
    assert users[-1] < max(i for i, (key, _) in enumerate(instructions) if key == "CMD")


def test_dockerfile_copies_paths_that_exist_and_every_package() -> None:
    sources = copy_sources()
    missing = [s for s in sources if not (ROOT / s).exists()]
    assert not missing, missing
    package_dirs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-dir"].values()
    assert set(package_dirs) <= {s.rstrip("/") for s in sources}
    assert "data/samples" in sources  # the loader service loads them


def test_dockerignore_keeps_out_environments_databases_and_caches() -> None:
    patterns = dockerignore_patterns()
    assert {".venv", ".git", "data/*.lbug", "**/__pycache__", ".pytest_cache"} <= patterns
    copied_tops = {s.split("/")[0] for s in copy_sources()}
    assert not copied_tops & patterns, "a copied path is excluded from the build context"


def test_dockerfile_holds_no_secret() -> None:
    for key, args in dockerfile_instructions():
        if key in ("ENV", "ARG"):
            assert not re.search(r"PASSWORD|SECRET|TOKEN|NEO4J_AUTH", args), args


def click_command(words: list[str]) -> click.Command:
    assert words[0] == "noticegraph"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["noticegraph"] == "noticegraph.cli:main"
    assert words[1] in cli.commands, f"noticegraph has no {words[1]!r} command"
    return cli.commands[words[1]]


def test_commands_in_the_compose_file_and_dockerfile_are_real_noticegraph_commands(
        rendered_config: dict) -> None:
    commands = [command_words(rendered_config["services"][name]) for name in CLIENTS]
    commands.append(json.loads(instruction_args("CMD")[-1]))
    for words in commands:
        options = {opt for param in click_command(words).params for opt in param.opts}
        assert {w for w in words if w.startswith("--")} <= options, words


# -- what `pip install .` in the image installs ------------------------------------------------

def tracked_files(*folders: str) -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--", *folders], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    return listed.stdout.split()


def build_context(target: Path) -> None:
    """The Dockerfile's COPY sources (tracked files only) laid out as in the image's /app."""
    for args in instruction_args("COPY"):
        *sources, destination = args.split()
        for source in sources:
            assert destination.rstrip("/") in (".", f"./{source}"), "COPY keeps the repository layout"
            for name in tracked_files(source):
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, target / name)


def test_the_image_installs_every_project_file(tmp_path: Path) -> None:
    build_context(tmp_path / "app")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                            str(tmp_path / "wheel"), str(tmp_path / "app")],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    with zipfile.ZipFile(next((tmp_path / "wheel").glob("*.whl"))) as wheel:
        installed = set(wheel.namelist())
    package_dir = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-dir"]
    expected = {f"{package.replace('.', '/')}/{name[len(folder) + 1:]}"
                for package, folder in package_dir.items() for name in tracked_files(folder)}
    assert not expected - installed, sorted(expected - installed)


# -- the loader service's command, run for real against a Bolt server --------------------------

def wiped(server) -> None:
    with open_store("neo4j", uri=server.uri, user=server.user, password=server.password,
                    database=server.database) as graph:
        graph.query("MATCH (n) DETACH DELETE n")


def test_the_loader_service_loads_the_samples_with_its_environment_only(
        rendered_config: dict, bolt_server, tmp_path: Path) -> None:
    """Its command and environment as rendered, only the address and account pointed at the test
    server: the service needs no other configuration than compose gives it."""
    loader = rendered_config["services"]["loader"]
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), **loader["environment"],
           "NEO4J_URI": bolt_server.uri, "NEO4J_USER": bolt_server.user,
           "NEO4J_PASSWORD": bolt_server.password}
    words = command_words(loader)
    words[0] = str(Path(sys.executable).with_name(words[0]))
    wiped(bolt_server)
    done = subprocess.run(words, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with open_store("neo4j", uri=bolt_server.uri, user=bolt_server.user, password=bolt_server.password,
                    database=bolt_server.database, read_only=True) as graph:
        notices = graph.query("MATCH (n:Notice) RETURN count(n) AS n")[0]["n"]
    wiped(bolt_server)
    assert notices == len(list((ROOT / "data" / "samples").glob("*.txt")))
