"""Skip policy: a skip is a failure unless the test is marked ``slow``.

A missing file, server or package must never turn into a green run, so:

- a test that skips (``pytest.skip``, ``importorskip``, ``skipif``) without the ``slow`` marker
  is reported as failed, with the skip reason in the message;
- a module or class that skips at collection time makes the session fail (exit status 1) and is
  named in the terminal summary;
- expected failures (``xfail``) are not skips and are left alone.

Tests marked ``slow`` are deselected by the default run (``-m "not slow"`` in pyproject's
addopts) and may skip when what they need is absent. Loaded from tests/conftest.py through
``pytest_plugins``.
"""
from __future__ import annotations

import pytest

ALLOWED_MARKER = "slow"
_collect_skips: list[str] = []


def skip_allowed(item: pytest.Item) -> bool:
    return item.get_closest_marker(ALLOWED_MARKER) is not None


def skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and not skip_allowed(item):
        report.outcome = "failed"
        report.longrepr = (f"skipped without the '{ALLOWED_MARKER}' marker (skip policy, "
                           f"tests/skip_policy.py): {skip_reason(report)}")


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.skipped:
        _collect_skips.append(f"{report.nodeid}: {skip_reason(report)}")


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _collect_skips:
        terminalreporter.section("skip policy: skipped at collection (fails the run)")
        for line in _collect_skips:
            terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _collect_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
