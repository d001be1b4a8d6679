"""A throwaway Bolt server for tests and benchmarks: ArcadeDB from the `arcadedb-embedded` wheel.

Contract: ``with arcadedb_server() as server:`` starts ArcadeDB as a child process listening on
loopback only (free ports, a random root password of 24 characters, a database named
``neo4j``), waits until ``RETURN 1`` succeeds on that database, yields a ``BoltServer`` with
``uri``, ``user``, ``password`` and ``database``, and terminates the process on exit.
On Linux the server also dies with its parent process. No Neo4j server can be installed on
the build machines; ArcadeDB speaks Neo4j 5 Cypher over Bolt (see ../shared/ENGINES.md).
Raises ``RuntimeError`` if the wheel is missing or the server does not come up within
``timeout`` seconds.
"""
from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import secrets
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATABASE = "neo4j"
LOOPBACK = "127.0.0.1"
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class BoltServer:
    uri: str
    user: str
    password: str
    database: str = DATABASE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def arcadedb_home() -> Path:
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or spec.origin is None:
        raise RuntimeError("the arcadedb-embedded wheel is not installed (pip install -e '.[dev]')")
    return Path(spec.origin).parent


def server_command(root: Path, password: str, bolt_port: int, http_port: int) -> list[str]:
    home = arcadedb_home()
    return [
        str(home / "jre" / "bin" / "java"), "-Xmx512m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "--add-modules", "jdk.incubator.vector",
        "-cp", f"{home / 'jars'}/*",
        f"-Darcadedb.server.rootPath={root}",
        f"-Darcadedb.server.rootPassword={password}",
        f"-Darcadedb.server.defaultDatabases={DATABASE}[root]",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        f"-Darcadedb.bolt.host={LOOPBACK}", f"-Darcadedb.bolt.port={bolt_port}",
        f"-Darcadedb.bolt.defaultDatabase={DATABASE}",
        f"-Darcadedb.server.httpIncomingHost={LOOPBACK}",
        f"-Darcadedb.server.httpIncomingPort={http_port}",
        "com.arcadedb.server.ArcadeDBServer",
    ]


def wait_until_ready(server: BoltServer, process: subprocess.Popen, timeout: float) -> None:
    """Poll ``RETURN 1`` on the database: the Bolt port opens before the database exists."""
    import neo4j

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"ArcadeDB exited with code {process.returncode} while starting")
        try:
            auth = (server.user, server.password)
            with neo4j.GraphDatabase.driver(server.uri, auth=auth) as driver, \
                    driver.session(database=server.database) as session:
                session.run("RETURN 1").consume()
            return
        except Exception:  # noqa: BLE001 - any failure means "not ready yet"
            time.sleep(0.25)
    raise RuntimeError(f"ArcadeDB did not answer on {server.uri} within {timeout:.0f} s")


def die_with_parent() -> None:
    """In the child, before exec: ask Linux to SIGTERM it when the parent dies (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


@contextlib.contextmanager
def arcadedb_server(timeout: float = 60.0) -> Iterator[BoltServer]:
    password = secrets.token_urlsafe(18)
    bolt_port, http_port = free_port(), free_port()
    server = BoltServer(f"bolt://{LOOPBACK}:{bolt_port}", "root", password)
    with tempfile.TemporaryDirectory(prefix="arcadedb-") as root:
        command = server_command(Path(root), password, bolt_port, http_port)
        log = open(Path(root) / "server.log", "wb")  # noqa: SIM115 - closed below
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=root,
                                   preexec_fn=die_with_parent)
        try:
            wait_until_ready(server, process, timeout)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
