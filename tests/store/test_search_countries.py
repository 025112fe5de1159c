"""Search rows carry the countries of their document's events (schema 9), on both backends: written with the
row, rewritten when a document joins or leaves an event, filled when an archive of schema 8 is opened; a
country filter finds the same hits as the look-up of the document's events it replaces."""
from __future__ import annotations

import sqlite3

from kaidan.store import open_store, search
from kaidan.store.base import EventFilter

from .conftest import Clock, as_schema_8, sql
from .test_sqlite import make_doc

COUNTRIES = ("JP", "AU", "KR")


def _fill(store) -> dict[str, set[str]]:
    """24 documents, 会談 in every second, each in an event of its own (JP, AU or KR with US, in turn) and every
    fourth also in a second event (FR-DE); half are indexed before they are placed, half after. Returns the
    countries each document's events have."""
    have = {}
    for i in range(24):
        doc = make_doc(f"{'会談' if i % 2 == 0 else '外交'} 第{i}回", source=f"d{i}.txt")
        store.add_document(doc)
        day = f"2024-{i % 12 + 1:02d}-{i + 1:02d}"
        country = COUNTRIES[i % 3]
        if i < 12:
            store.index_search(doc.id, search.entries(None, doc.text, None))
        store.put_event({"id": f"{day}-{country}-US", "countries": f"{country}-US", "date_start": day,
                         "date_end": day}, doc.id)
        have[doc.id] = {country, "US"}
        if i % 4 == 0:
            store.put_event({"id": f"{day}-DE-FR", "countries": "DE-FR", "date_start": day, "date_end": day},
                            doc.id, main=False)
            have[doc.id] |= {"DE", "FR"}
        if i >= 12:
            store.index_search(doc.id, search.entries(None, doc.text, None))
    return have


def _stored_countries(store) -> dict[str, set[str]]:
    rows = sql(store, "SELECT doc_id, countries FROM search_rows")
    out: dict[str, set[str]] = {}
    for doc_id, countries in rows:
        value = set(countries.split()) if isinstance(countries, str) else set(countries)
        assert out.setdefault(doc_id, value) == value          # every row of a document the same
    return out


def _results(store) -> list:
    match = search.match_query("会談")
    return [store.search(match, limit=50, within=within, by_date=by_date)
            for within in (None, EventFilter(country="jp"), EventFilter(country="FR"), EventFilter(country="GB"),
                           EventFilter(country="AU", date_from="2024-06-01"))
            for by_date in (False, True)]


def test_every_search_row_has_its_documents_countries(store):
    assert _stored_countries(store) == {}
    have = _fill(store)
    assert _stored_countries(store) == have
    doc_id = next(d for d, c in have.items() if "FR" in c)
    store.unlink_document(doc_id)                              # leaves both its events
    assert _stored_countries(store)[doc_id] == set()
    store.put_event({"id": "2025-01-01-GB-JP", "countries": "GB-JP", "date_start": "2025-01-01",
                     "date_end": "2025-01-01"}, doc_id)
    assert _stored_countries(store) == {**have, doc_id: {"GB", "JP"}}


def test_a_country_filter_finds_the_documents_of_that_countrys_events(store):
    have = _fill(store)
    match = search.match_query("会談")
    for country in ("JP", "FR", "US", "GB"):
        hits = {d for d, *_ in store.search(match, limit=50, within=EventFilter(country=country))}
        expected = {d for d, c in have.items() if country in c and "会談" in store.get_document(d).text}
        assert hits == expected, country
        # the same as a filter that also looks up the events (a date every event meets)
        looked_up = store.search(match, limit=50, within=EventFilter(country=country, date_from="2000-01-01"))
        assert store.search(match, limit=50, within=EventFilter(country=country)) == looked_up
    assert {d for d, *_ in store.search(match, limit=50, within=EventFilter(country="FR"))}


def _as_schema_8(db_url: str, backend: str) -> None:
    if backend == "sqlite":
        db = sqlite3.connect(db_url)
        as_schema_8(db)
        db.executescript("PRAGMA user_version = 8;")
        db.close()
        return
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as db:
        as_schema_8(db)
        db.execute("UPDATE kaidan_meta SET value = '8'")


def test_an_archive_of_schema_8_gets_the_countries_and_the_same_search_results(db_url, backend):
    from kaidan.store import postgres, sqlite

    with open_store(db_url, clock=Clock()) as store:
        have = _fill(store)
        before = _results(store)
        old = sql(store, "SELECT rowid, doc_id, kind, ref FROM search_rows ORDER BY rowid")
    assert all(before[2:4]) and not any(before[6:8])             # JP and FR find some, GB none
    _as_schema_8(db_url, backend)
    with open_store(db_url, clock=Clock()) as store:
        version = sql(store, "PRAGMA user_version" if backend == "sqlite" else "SELECT value FROM kaidan_meta")
        assert int(version[0][0]) == sqlite.SCHEMA_VERSION == postgres.SCHEMA_VERSION == 9
        assert sql(store, "SELECT rowid, doc_id, kind, ref FROM search_rows ORDER BY rowid") == old
        assert _stored_countries(store) == have
        assert _results(store) == before
        doc = make_doc("会談 新しい文書", source="new.txt")       # the triggers came with the migration
        store.add_document(doc)
        store.index_search(doc.id, search.entries(None, doc.text, None))
        store.put_event({"id": "2025-02-01-GB-US", "countries": "GB-US", "date_start": "2025-02-01",
                         "date_end": "2025-02-01"}, doc.id)
        assert [d for d, *_ in store.search(search.match_query("会談"), within=EventFilter(country="GB"))] == [doc.id]


def test_postgres_indexing_and_placing_a_document_at_once_leave_its_countries(pg_url):
    # each on its own connection: the rows being written when the document joins an event get its countries
    import threading

    stale = []
    with open_store(pg_url) as indexing, open_store(pg_url) as placing:
        for i in range(30):
            doc = make_doc(f"会談 第{i}回", source=f"d{i}.txt")
            indexing.add_document(doc)
            event = {"id": f"2024-01-01-JP-US-{i}", "countries": "JP-US", "date_start": "2024-01-01",
                     "date_end": "2024-01-01"}
            both = [threading.Thread(target=indexing.index_search,
                                     args=(doc.id, search.entries(None, doc.text, None))),
                    threading.Thread(target=placing.put_event, args=(event, doc.id))]
            for t in both:
                t.start()
            for t in both:
                t.join()
            rows = sql(indexing, "SELECT countries FROM search_rows WHERE doc_id = ?", (doc.id,))
            assert rows
            stale += [doc.id for countries, in rows if countries != ["JP", "US"]]
    assert stale == []
