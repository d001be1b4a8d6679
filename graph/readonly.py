"""The read-only guard for ad-hoc Cypher: the one the CLI `cypher` command and the dashboard console use.

Contract: ``run_read_only(store, statement, params)`` returns the rows of ``store.read_query``
(plain values) only if ``check_read_only(statement)`` passes; otherwise it raises
``QueryRefused`` naming the first refused keyword. Two layers:
- the statement check: the statement is tokenised with string literals, backtick-quoted names
  and comments skipped, and refused if any keyword of ``REFUSED`` appears as a word (writes,
  schema changes, procedure calls, file access, extensions, transaction control and
  administration), or if a ``;`` is followed by a second statement. Words right after ``.``
  or ``$`` are property and parameter names and are not keywords. The statement is read
  twice, with and without backslash escapes in strings, so that a quote the engine ends a
  string at cannot hide a keyword; a statement that cannot be tokenised (an unterminated
  string or comment) is refused too;
- the transaction: ``store.read_query`` runs it in a read-only transaction (LadybugDB
  ``BEGIN TRANSACTION READ ONLY``; Neo4j ``execute_read`` in a READ_ACCESS session).
An engine error (a syntax error, an unknown label) raises ``QueryFailed`` with a one-line message.
Limits for ad-hoc queries: ``max_rows`` caps the rows read (the result's ``truncated`` says
whether more there were) and ``timeout_s`` stops a query that runs longer (``QueryTimeout``,
a ``StoreError``; the store stays usable). The statement check is the same with or without them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .errors import QueryTimeout, StoreError, one_line

_WRITE, _SCHEMA, _FILES = "writes to the graph", "changes the schema", "reads or writes files"
_PROCEDURE, _TRANSACTION, _ADMIN = "calls a procedure", "controls transactions", "administers the database"
REFUSED: dict[str, str] = {
    "CREATE": _WRITE, "MERGE": _WRITE, "SET": _WRITE, "DELETE": _WRITE, "DETACH": _WRITE,
    "REMOVE": _WRITE, "FOREACH": _WRITE, "DROP": _SCHEMA, "ALTER": _SCHEMA, "RENAME": _SCHEMA,
    "TRUNCATE": _SCHEMA, "COPY": _FILES, "LOAD": _FILES, "EXPORT": _FILES, "IMPORT": _FILES,
    "CALL": _PROCEDURE, "INSTALL": "installs an extension", "ATTACH": "attaches a database",
    "USE": "switches the database", "BEGIN": _TRANSACTION, "COMMIT": _TRANSACTION,
    "ROLLBACK": _TRANSACTION, "PERIODIC": _TRANSACTION, "CHECKPOINT": _TRANSACTION,
    "GRANT": _ADMIN, "REVOKE": _ADMIN, "DENY": _ADMIN, "SHOW": _ADMIN, "START": _ADMIN,
    "STOP": _ADMIN, "TERMINATE": _ADMIN,
}
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUOTES = "'\"`"


class QueryRefused(StoreError):
    """A statement the read-only guard will not run."""

    def __init__(self, keyword: str, reason: str) -> None:
        self.keyword, self.reason = keyword, reason
        super().__init__(f"refused: {keyword} {reason}; only read queries run here")


__all__ = ["QueryFailed", "QueryRefused", "QueryTimeout", "Rows", "check_read_only", "run_read_only", "tokens"]


class QueryFailed(StoreError):
    """The engine could not run a read query (syntax error, unknown name, …)."""


def _skip_quoted(text: str, start: int, escapes: bool) -> int:
    """Index after the literal or quoted name opening at ``start``; -1 if it never closes."""
    quote, i = text[start], start + 1
    while i < len(text):
        if escapes and text[i] == "\\" and quote != "`":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return -1


def _skip_comment(text: str, start: int) -> int:
    """Index after the comment opening at ``start`` (``//`` to the line end, ``/* … */``); -1 if open."""
    if text.startswith("//", start):
        end = text.find("\n", start)
        return len(text) if end < 0 else end + 1
    end = text.find("*/", start + 2)
    return -1 if end < 0 else end + 2


def tokens(statement: str, escapes: bool = True) -> Iterator[str]:
    """Upper-cased keywords-to-be and ``;``, outside literals and comments; raises QueryRefused if unclosed."""
    i = 0
    while i < len(statement):
        char = statement[i]
        if char in _QUOTES or statement.startswith(("//", "/*"), i):
            end = _skip_quoted(statement, i, escapes) if char in _QUOTES else _skip_comment(statement, i)
            if end < 0:
                raise QueryRefused("statement", "has an unterminated string, name or comment")
            i = end
        elif word := _WORD.match(statement, i):
            if i == 0 or statement[i - 1] not in ".$":
                yield word.group().upper()
            i = word.end()
        else:
            if char == ";":
                yield ";"
            i += 1


def check_read_only(statement: str) -> None:
    """Raise QueryRefused if the statement could write, administer, call or touch files."""
    for escapes in (True, False):
        seen_semicolon = False
        for token in tokens(statement, escapes):
            if token == ";":
                seen_semicolon = True
            elif seen_semicolon:
                raise QueryRefused(";", "separates statements: run one statement at a time")
            elif token in REFUSED:
                raise QueryRefused(token, REFUSED[token])


class Rows(list):
    """Rows of a read query; ``truncated`` when a row cap left rows out."""

    truncated: bool = False


def run_read_only(store: Any, statement: str, params: dict[str, Any] | None = None,
                  max_rows: int | None = None, timeout_s: float | None = None) -> Rows:
    """Check the statement, then run it in the store's read-only transaction: at most
    ``max_rows`` rows (``.truncated`` says whether more there were), stopped after ``timeout_s``
    seconds with ``QueryTimeout``."""
    check_read_only(statement)
    try:
        rows = store.read_query(statement, params or {}, max_rows=None if max_rows is None else max_rows + 1,
                                timeout_s=timeout_s)
    except StoreError:
        raise
    except Exception as error:  # noqa: BLE001 - engine errors differ by engine: one message
        raise QueryFailed(f"query failed on {store.describe()}: {one_line(error)}") from error
    result = Rows(rows if max_rows is None else rows[:max_rows])
    result.truncated = max_rows is not None and len(rows) > max_rows
    return result
