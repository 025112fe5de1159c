"""Store tests run against both backends: the SQLite file and a real PostgreSQL server.

The PostgreSQL variants need ``$KAIDAN_TEST_PG`` (a URL such as postgresql://postgres@127.0.0.1:54329/postgres,
which `.ci/run` exports after starting a throwaway server) and skip with the reason when it is unset or the
server cannot be reached. Each test gets a schema of its own in that database, dropped afterwards.
"""
from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

from kaidan.store import open_store

BACKENDS = ("sqlite", "postgresql")


class Clock:
    """A clock that ticks one second per call."""

    def __init__(self):
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"2026-01-01T00:00:{self.calls:02d}+00:00"


def pg_server() -> str:
    """The test server's URL, or a skip saying why there is none."""
    url = os.environ.get("KAIDAN_TEST_PG")
    if not url:
        pytest.skip("KAIDAN_TEST_PG is not set (.ci/run starts a PostgreSQL server and sets it)")
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'kaidan[postgres]')")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        pytest.skip(f"the PostgreSQL server of KAIDAN_TEST_PG cannot be reached: {' '.join(str(exc).split())}")
    return url


@pytest.fixture
def pg_url():
    """A postgresql:// URL whose search_path is a fresh, empty schema (dropped after the test)."""
    import psycopg

    server = pg_server()
    schema = "kaidan_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    yield f"{server}{sep}options={quote('-csearch_path=' + schema)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def db_url(backend, tmp_path, request):
    """What --db would name for this backend: an SQLite file path or a PostgreSQL URL (fresh database)."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "kaidan.db")


@pytest.fixture
def store(db_url):
    with open_store(db_url, clock=Clock()) as opened:
        yield opened


def sql(store, query: str, params: tuple = ()) -> list[tuple]:
    """Rows of a query written with ``?`` placeholders, on either backend's connection."""
    if type(store).__name__ == "PostgresStore":
        query = query.replace("?", "%s")
    return [tuple(row) for row in store._db.execute(query, params).fetchall()]


def as_schema_8(db) -> None:
    """Take a database of this schema back to schema 8's search rows (no countries, no triggers keeping them);
    ``db``: an sqlite3 or a psycopg connection (autocommit). The version number is left to the caller."""
    if type(db).__module__.startswith("sqlite3"):
        db.executescript("DROP TRIGGER doc_events_countries_in; DROP TRIGGER doc_events_countries_out; "
                         "DROP TRIGGER doc_events_countries_moved; ALTER TABLE search_rows DROP COLUMN countries;")
        return
    db.execute("DROP FUNCTION kaidan_search_rows_countries, kaidan_doc_events_countries CASCADE")
    db.execute("DROP FUNCTION kaidan_recount, kaidan_doc_countries")
    db.execute("ALTER TABLE search_rows DROP COLUMN countries")     # and the GIN index of (terms, countries)
    db.execute("CREATE INDEX search_rows_terms ON search_rows USING gin(terms)")
