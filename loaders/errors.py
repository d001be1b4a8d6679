"""Why a source file could not be turned into notice text.

Contract: every error is a ``NoticeError`` carrying ``path`` (the file as given) and
``reason`` (one human-readable phrase); ``str(err)`` is the single line ``"PATH: reason"``.
The subclasses let callers (CLI, batch loaders) count and report failures by kind.
"""
from __future__ import annotations

import os


class NoticeError(Exception):
    """Base class: a source file that cannot yield a rectification notice."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(self.path, reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UnreadableNotice(NoticeError):
    """The file cannot be opened, or its bytes cannot be decoded (reason names the encoding)."""


class EmptyNotice(NoticeError):
    """The file is empty, or holds only whitespace or markup."""


class BinaryNotice(NoticeError):
    """The file is binary: NUL bytes, many control bytes, or a known binary signature."""


class NotANotice(NoticeError):
    """Readable text with no inspection-rectification vocabulary (巡视/巡察 and 整改)."""
