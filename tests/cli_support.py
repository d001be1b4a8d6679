"""Checks on click's CliRunner results.

CliRunner catches whatever a command raises: an uncaught exception ends up in
``result.exception`` with exit code 1 and never in ``result.output``, so "no Traceback in the
output" proves nothing. A clean failure is a ``SystemExit`` (click.ClickException, sys.exit,
click.Abort) with the expected code; a success has no exception at all.
"""
from __future__ import annotations

from click.testing import Result


def assert_clean_exit(result: Result, code: int) -> None:
    """The command ended by itself with ``code``, not by an exception escaping it."""
    assert result.exit_code == code, (result.exit_code, result.output)
    if code == 0:
        assert result.exception is None, result.exc_info
    else:
        assert isinstance(result.exception, SystemExit), result.exc_info
