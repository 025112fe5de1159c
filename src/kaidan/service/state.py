"""The database connection of the thread serving a request.

An SQLite connection belongs to the thread that opened it, and FastAPI serves synchronous routes from a
pool of threads; each thread opens the database once and keeps its :class:`~kaidan.store.Store`. Routes
call :func:`store_of` in their body (a dependency may run on another thread than the route).
"""
from __future__ import annotations

import threading

from fastapi import Request

from kaidan.store import Store, open_store


class Stores(threading.local):
    store: Store | None = None


def store_of(request: Request) -> Store:
    local: Stores = request.app.state.stores
    if local.store is None:
        local.store = open_store(request.app.state.db_path)
    return local.store
