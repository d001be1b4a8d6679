"""What can go wrong in a graph store, as three exception classes.

Contract: ``StoreUnavailable`` means the store cannot be reached or opened (wrong URI, bad
password, missing database, a database file locked by another writer); its message says what
and where in one line and never contains a password. ``NoticeRejected`` means one notice could
not be written; its transaction was rolled back, nothing of it remains, and ``.notice_id``,
``.source`` and ``.reason`` say which and why. ``QueryTimeout`` means a read query ran past its time limit and
was stopped (``.seconds``); the store stays usable. All are ``StoreError``.
"""
from __future__ import annotations


class StoreError(Exception):
    """Base class of graph store errors."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened."""


class NoticeRejected(StoreError):
    """One notice could not be written and was rolled back."""

    def __init__(self, notice_id: str, source: str | None, reason: str) -> None:
        self.notice_id, self.source, self.reason = notice_id, source, reason
        super().__init__(f"{source or notice_id}: {reason}")


class QueryTimeout(StoreError):
    """A read query ran past its time limit and was stopped; the store is still usable."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"stopped: the query ran longer than its time limit of {seconds:g} s")


class RowsLost(StoreError):
    """A batched write created fewer rows than it was given (a missing endpoint, say)."""


def one_line(error: BaseException, secret: str | None = None, limit: int = 300) -> str:
    """The first line of an error message, with ``secret`` masked, at most ``limit`` characters."""
    text = str(error).strip() or type(error).__name__
    if secret:
        text = text.replace(secret, "***")
    line = text.splitlines()[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"
