"""Errors of the search layer; callers catch SearchIndexError and mark documents
"index pending"."""
from __future__ import annotations


class SearchIndexError(Exception):
    """The index could not be opened, written or read."""


class IndexLockedError(SearchIndexError):
    """Another writer held the index lock longer than the timeout."""


class IndexWriteError(SearchIndexError):
    """Writing to the index failed; nothing of this write was committed."""


class IndexCorruptError(SearchIndexError):
    """The index on disk cannot be read; rebuild it from the database (theodoi reindex)."""
