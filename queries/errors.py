"""What can go wrong with saved queries, as exception classes with one-line messages.

Contract: ``QueryDefinitionError`` means a query's files are wrong (unknown or missing keys,
bad types, declared parameters that differ from the ``$params`` the Cypher uses); it names
the file. ``UnknownQuery`` names the query asked for and the ones that exist. ``ParamError``
means a value given for a parameter is unknown or does not parse as its declared type. All
are ``QueryError``; engine failures while running come from graph/readonly.py.
"""
from __future__ import annotations


class QueryError(Exception):
    """Base class of saved-query errors."""


class QueryDefinitionError(QueryError):
    """A saved query's .yaml or .cypher file is invalid."""


class UnknownQuery(QueryError):
    """No saved query has that name."""


class ParamError(QueryError):
    """A parameter value is unknown or of the wrong type."""
