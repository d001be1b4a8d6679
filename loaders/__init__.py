"""Loaders: notices (text or HTML, any common encoding) into typed records with spans.

Public API: ``extract_file(path, encoding=None)``, ``extract_text(text, source)`` → ``Notice``;
errors are ``NoticeError`` subclasses (loaders.errors).
"""
from .errors import NoticeError
from .extract import extract_file, extract_text
from .records import Notice

__all__ = ["NoticeError", "Notice", "extract_file", "extract_text"]
