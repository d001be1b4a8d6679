"""Run a cosmic-ray session's mutants from one warm process: fork per mutant, mutate in memory.

usage: python mutation/fastrun.py CONFIG.toml SESSION.sqlite [--against TEST_FILE...]

The session must exist (``cosmic-ray init CONFIG SESSION``); its pending mutants are tested and
each outcome is written back to it as cosmic-ray's own ``exec`` would, so ``mutation/summary.py``
and resuming after an interruption work the same way. What differs from ``cosmic-ray exec``:

- Nothing is written to disk. The parent imports pytest and the project's dependencies once;
  for each mutant it forks, the child drops every ``noticegraph`` module, serves the mutated
  source of the one module from an import hook, and runs ``pytest.main`` on the selected tests.
  The child is a fresh import of the project (no state from the parent's imports), only the
  interpreter start-up and third-party imports are shared.
- Only the tests that execute the mutated lines run, fastest first, with ``-x``: a coverage run
  with per-test contexts (``.mutation/NAME.coverage``, made once) maps each line of the module to
  the tests of the config's test command that execute it. A mutant on a line no test executes
  is recorded as survived without a run; one on a line executed only at import time (module
  level, class bodies, signatures) runs every test of the command.
- A mutant that is not valid Python (cosmic-ray turns ``**`` unpacking into ``//``) is recorded as
  incompetent without a run.
- A mutant that changes only annotations, in a module with ``from __future__ import annotations``
  (so they stay unevaluated strings), is recorded as survived without a run, its output saying
  "equivalent: annotation only"; mutation/summary.py counts these apart.
- Configs with ``[mutation] bolt-server = true`` get one ArcadeDB server for the whole run
  (NEO4J_TEST_URI for tests/conftest.py) instead of one per mutant.
- ``--against TEST_FILE...`` runs only the given test files against the session's survivors (not
  the equivalent ones) and records those they kill: after tests were added, without a new
  coverage map (scripts/mutation --against).
- A child that exceeds its time limit (3x the selected tests' measured time + 30 s) is killed and
  the mutant counts as killed (cosmic-ray's rule for timeouts).
"""
from __future__ import annotations

import ctypes
import importlib
import importlib.abc
import importlib.util
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "noticegraph"
PRELOAD = ["pytest", "_pytest.python", "_pytest.fixtures", "_pytest.terminal", "_pytest.main",
           "anyio.pytest_plugin", "_hypothesis_pytestplugin", "hypothesis", "click.testing", "yaml", "opencc", "rdflib", "networkx", "neo4j",
           "pyarrow", "ladybug", "noticegraph.cli", "noticegraph.graph.ladybug_store",
           "noticegraph.graph.neo4j_store", "noticegraph.queries.registry", "noticegraph.loaders"]
CHILD_OPTIONS = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:cov", "-p", "no:randomly"]


def test_arguments(config: dict) -> list[str]:
    """The pytest arguments of the config's test command (everything after ``-m pytest``)."""
    tokens = shlex.split(config["test-command"])
    return [t for t in tokens[tokens.index("pytest") + 1:] if t not in ("-x", "-q")]


def module_name(path: Path) -> str:
    """loaders/outline.py -> noticegraph.loaders.outline (the installed layout, pyproject.toml)."""
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


# -- which tests execute which lines --------------------------------------------------------

def coverage_map(config: dict, base: Path) -> dict:
    """{"lines": {file: {line: [nodeid...]}}, "seconds": {nodeid: s}}, made once per session."""
    cached = base.with_suffix(".tests.json")
    if cached.exists():
        return json.loads(cached.read_text())
    junit, data = base.with_suffix(".junit.xml"), base.with_suffix(".coverage")
    roots = sorted({Path(config["module-path"]).parts[0]})
    command = [sys.executable, "-B", "-m", "pytest", "-q", "-p", "no:cacheprovider",
               *[f"--cov={r}" for r in roots], "--cov-context=test", "--cov-report=",
               f"--junitxml={junit}", *test_arguments(config)]
    env = dict(os.environ, COVERAGE_FILE=str(data))
    if subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        sys.exit(f"{base.name}: the selected tests fail on the unmutated code")
    result = {"lines": lines_by_test(data), "seconds": test_seconds(junit)}
    cached.write_text(json.dumps(result))
    return result


def lines_by_test(data_file: Path) -> dict:
    import coverage

    data = coverage.CoverageData(str(data_file))
    data.read()
    lines: dict = {}
    for file in data.measured_files():
        rel = str(Path(file).resolve().relative_to(ROOT))
        per_line = data.contexts_by_lineno(file)
        lines[rel] = {str(n): sorted({c.split("|")[0] for c in ctxs}) for n, ctxs in per_line.items()}
    return lines


def test_seconds(junit: Path) -> dict:
    import xml.etree.ElementTree as ET

    seconds = {}
    for case in ET.parse(junit).iter("testcase"):
        path = case.get("classname", "").replace(".", "/")
        name = case.get("name", "")
        seconds[(path, name)] = float(case.get("time", 0))
    return {f"{p}.py::{n}": s for (p, n), s in seconds.items()}


def selected_tests(tests: dict, path: str, first: int, last: int) -> tuple[list[str], float] | None:
    """Node ids executing lines first..last, fastest first; None when only import time runs them."""
    per_line = tests["lines"].get(path, {})
    ids: set[str] = set()
    import_time = False
    for line in range(first, last + 1):
        contexts = per_line.get(str(line), [])
        import_time |= "" in contexts
        ids.update(c for c in contexts if c)
    if not ids and import_time:
        return None
    seconds = tests["seconds"]
    ordered = sorted(ids, key=lambda i: (seconds.get(i, 1.0), i))
    return ordered, sum(seconds.get(i, 1.0) for i in ordered)


def compiles(source: str) -> bool:
    try:
        compile(source, "<mutant>", "exec")
    except SyntaxError:
        return False
    return True


def annotation_only(original: str, mutated: str) -> bool:
    """Whether the two sources differ only in annotations that are never evaluated."""
    if "from __future__ import annotations" not in original:
        return False
    return _without_annotations(original) == _without_annotations(mutated)


def _without_annotations(source: str) -> str:
    import ast

    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            node.returns = None
        elif isinstance(node, ast.arg):
            node.annotation = None
        elif isinstance(node, ast.AnnAssign):
            node.annotation = ast.Constant(None)
    return ast.dump(tree)


def bolt_server():
    """Start one ArcadeDB server in a child process; set NEO4J_TEST_* for the tests."""
    code = ("import json, sys\n"
            "from noticegraph.graph.testserver import arcadedb_server\n"
            "with arcadedb_server() as s:\n"
            "    print(json.dumps([s.uri, s.user, s.password, s.database]), flush=True)\n"
            "    sys.stdin.read()\n")
    server = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    uri, user, password, database = json.loads(server.stdout.readline())
    os.environ.update(NEO4J_TEST_URI=uri, NEO4J_TEST_USER=user, NEO4J_TEST_PASSWORD=password,
                      NEO4J_TEST_DATABASE=database)
    return server


# -- one mutant in a forked child -----------------------------------------------------------

class MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the mutated source for one module; every other import goes its usual way."""

    def __init__(self, name: str, path: Path, source: str):
        self.name, self.path, self.source = name, path, source

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        package = self.path.name == "__init__.py"
        return importlib.util.spec_from_file_location(
            fullname, self.path, loader=self,
            submodule_search_locations=[str(self.path.parent)] if package else None)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(compile(self.source, str(self.path), "exec"), module.__dict__)


def run_child(name: str, path: Path, source: str, arguments: list[str], log: Path) -> None:
    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # die with the runner
    for loaded in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[loaded]
    sys.meta_path.insert(0, MutantFinder(name, path, source))
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    import pytest

    code = pytest.main([*CHILD_OPTIONS, *arguments])
    sys.stdout.flush()
    os._exit(int(code))


def run_mutant(name: str, path: Path, source: str, arguments: list[str], limit: float,
               log: Path) -> tuple[str, str]:
    pid = os.fork()
    if pid == 0:
        try:
            run_child(name, path, source, arguments, log)
        finally:
            os._exit(99)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return outcome(os.waitstatus_to_exitcode(status), log)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return "killed", f"timeout after {limit:.0f} s"


class Interrupted(Exception):
    """The child was stopped from outside (SIGTERM/SIGINT/SIGKILL): its mutant stays pending."""


def outcome(code: int, log: Path) -> tuple[str, str]:
    if code in (-signal.SIGTERM, -signal.SIGINT, -signal.SIGKILL):
        raise Interrupted(f"the test run was stopped by signal {-code}")
    output = log.read_text(errors="replace")[-4000:]
    if code == 0:
        return "survived", output
    if code in (5, 99):  # no tests collected, the child itself broke
        return "incompetent", f"exit {code}\n{output}"
    # 4: a test module no longer imports (the baseline collected them all): the mutant broke it
    return "killed", output


# -- the session ---------------------------------------------------------------------------

def preload() -> None:
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def mutant_source(spec, sources: dict) -> tuple[Path, str, str | None]:
    from cosmic_ray.mutating import mutate_code
    from cosmic_ray.plugins import get_operator

    path = Path(spec.module_path)
    original = sources.setdefault(path, path.read_text(encoding="utf-8"))
    operator = get_operator(spec.operator_name)(**spec.operator_args)
    return path, original, mutate_code(original, operator, spec.occurrence)


def against(config_path: Path, session: Path, test_files: list[str]) -> int:
    """Run ``test_files`` against the session's real survivors; record the ones they kill."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    whole = tomllib.loads(config_path.read_text())
    server = bolt_server() if whole.get("mutation", {}).get("bolt-server") else None
    os.chdir(ROOT)
    sys.dont_write_bytecode = False
    preload()
    log, sources, killed = session.with_suffix(".against.log"), {}, 0
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.test_outcome != TestOutcome.SURVIVED or (result.output or "").startswith("equivalent:"):
                continue
            path, original, mutated = mutant_source(item.mutations[0], sources)
            outcome_, output = run_mutant(module_name(path), ROOT / path, mutated, test_files, 300, log)
            if outcome_ == "killed":
                killed += 1
                db.set_result(item.job_id, WorkResult(
                    worker_outcome=WorkerOutcome.NORMAL, test_outcome=TestOutcome.KILLED,
                    output=f"killed by {' '.join(test_files)}\n{output}", diff=result.diff))
            print(f"{path}:{item.mutations[0].start_pos[0]} {item.mutations[0].operator_name} -> {outcome_}",
                  flush=True)
    print(f"{session.name}: {killed} survivors killed by {' '.join(test_files)}")
    return 0


def main(argv: list[str]) -> int:
    if "--against" in argv:
        return against(Path(argv[1]), Path(argv[2]), argv[argv.index("--against") + 1:])
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    config_path, session = Path(argv[1]), Path(argv[2])
    sources: dict[Path, str] = {}
    whole = tomllib.loads(config_path.read_text())
    config = whole["cosmic-ray"]
    server = bolt_server() if whole.get("mutation", {}).get("bolt-server") else None
    tests = coverage_map(config, session)
    everything = [a for a in test_arguments(config)]
    os.chdir(ROOT)
    sys.dont_write_bytecode = False  # children load the unmutated modules and rewritten tests from
    preload()                        # __pycache__ instead of compiling them each time
    log = session.with_suffix(".child.log")
    with use_db(str(session), WorkDB.Mode.open) as db:
        pending = list(db.pending_work_items)
        random.Random(0).shuffle(pending)  # an interrupted run leaves a fair sample of the module
        print(f"{session.name}: {len(pending)} mutants pending", flush=True)
        for number, item in enumerate(pending, 1):
            spec = item.mutations[0]
            path, original, mutated = mutant_source(spec, sources)
            if mutated is None:
                db.set_result(item.job_id, WorkResult(worker_outcome=WorkerOutcome.NO_TEST))
                continue
            chosen = selected_tests(tests, str(path), spec.start_pos[0], spec.end_pos[0])
            if chosen is None:
                arguments, seconds = everything, sum(tests["seconds"].values())
            else:
                arguments, seconds = chosen
            started = time.monotonic()
            if not compiles(mutated):
                result, output = "incompetent", "the mutant is not valid Python"
            elif annotation_only(original, mutated):
                result, output = "survived", "equivalent: annotation only"
            elif not arguments:
                result, output = "survived", "no test executes the mutated lines"
            else:
                result, output = run_mutant(module_name(path), ROOT / path, mutated, arguments,
                                            3 * seconds + 30, log)
            db.set_result(item.job_id, WorkResult(
                worker_outcome=WorkerOutcome.NORMAL, test_outcome=TestOutcome(result),
                output=output, diff=unified_diff(original, mutated, path)))
            print(f"{number}/{len(pending)} {path}:{spec.start_pos[0]} {spec.operator_name} "
                  f"-> {result} ({len(arguments)} tests, {time.monotonic() - started:.1f} s)", flush=True)
    return 0


def unified_diff(original: str, mutated: str, path: Path) -> str:
    import difflib

    return "\n".join(difflib.unified_diff(original.splitlines(), mutated.splitlines(),
                                          f"{path} (original)", f"{path} (mutated)", lineterm=""))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
