"""Where Kaidan keeps documents, failures and fact records: one SQLite file, or a PostgreSQL database.

:func:`open_store` picks the backend from what ``--db``/``$KAIDAN_DB`` names: a ``postgresql://`` (or
``postgres://``) URL opens :class:`~kaidan.store.postgres.PostgresStore`, anything else is the path of
the SQLite file (:class:`~kaidan.store.sqlite.Store`). Both have the same methods.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kaidan.config import DB_URL_SCHEMES

from .sqlite import SCHEMA, SCHEMA_VERSION, Store, utc_now


def is_url(db: str | Path) -> bool:
    """Whether ``db`` names a PostgreSQL database rather than an SQLite file."""
    return isinstance(db, str) and db.startswith(DB_URL_SCHEMES)


def open_store(db: str | Path, *, clock: Callable[[], str] = utc_now, readonly: bool = False):
    """The store ``db`` names: a PostgreSQL URL, else an SQLite file path (``":memory:"`` too).
    ``readonly``: for commands that only read (an SQLite file is then opened read-only)."""
    if is_url(db):
        from .postgres import PostgresStore

        return PostgresStore(str(db), clock=clock, readonly=readonly)
    return Store(db, clock=clock, readonly=readonly)


__all__ = ["SCHEMA", "SCHEMA_VERSION", "Store", "is_url", "open_store"]
