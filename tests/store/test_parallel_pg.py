"""Parallel ingestion into PostgreSQL: the workers write documents, facts and search entries themselves, and the
database holds what a serial ingest leaves (but the order documents were stored in, which follows the workers)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kaidan import parallel
from kaidan.pipeline import ingest as serial_ingest
from kaidan.reconcile import archive
from kaidan.store import open_store, search

from .conftest import sql





def state(store) -> dict:
    return {
        "documents": sorted(d.id for d in store.iter_documents()),
        "sources": sorted(sql(store, "SELECT source, doc_id FROM sources")),
        "facts": sorted(store.iter_facts(), key=lambda f: f[0]),
        "failures": [(f["source"], f["error"], f["message"]) for f in store.failures()],
        "events": list(store.iter_events()),
        "records": [archive.event_record(store, e["id"]) for e in store.iter_events()],
        "ledger": archive.commitment_ledger(store, dt.date(2026, 1, 1)),
        "conflicts": archive.conflicts(store),
        "search": sorted((d, k, r) for d, k, r, _ in store.search(search.match_query("首脳会談"))),
    }


@pytest.fixture
def serial_url(pg_url):
    """A second fresh schema of the test database, for the serial ingest to compare with (dropped after)."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        schema = db.execute("SELECT current_schema()").fetchone()[0]
        db.execute(f"CREATE SCHEMA {schema}_serial")
    yield pg_url.replace(schema, schema + "_serial")
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {schema}_serial CASCADE")


@pytest.mark.parametrize("how", ["workers", "ray"])
def test_workers_write_postgres_directly_and_leave_what_a_serial_ingest_leaves(pg_url, serial_url, batch_sources,
                                                                              how, monkeypatch):
    if how == "ray":
        pytest.importorskip("ray", reason="Ray is not installed (pip install 'kaidan[ray]')")
    with open_store(serial_url) as store:
        first = serial_ingest(batch_sources, store)
        expected = state(store)
    written = []
    real = parallel._Written.add_document

    def spy(self, doc):
        written.append(doc.text)
        return real(self, doc)

    monkeypatch.setattr(parallel._Written, "add_document", spy)
    with open_store(pg_url) as store:
        kwargs = {"ray": "local", "workers": 2} if how == "ray" else {"workers": 2}
        report = parallel.ingest(batch_sources, store, **kwargs)
        assert state(store) == expected
    assert report.summary == first.summary and report.failures == first.failures
    assert written and set(written) == {""}      # the driver never had the texts: the workers stored them
    assert (first.stored, first.unchanged, first.failed) == (8, 1, 1)
