"""The commitment and conflict rows kept beside each cached event record, on both backends (see conftest)."""
from __future__ import annotations

import datetime as dt
import sqlite3

from kaidan.reconcile import ledger
from kaidan.store import SCHEMA, Store, open_store
from kaidan.store.postgres import PostgresStore
from kaidan.store.sqlite import SCHEMA_VERSION

from .conftest import as_schema_8, sql
from .test_sqlite import make_doc

EVENTS = [{"id": "2025-02-07-JP-US", "countries": "JP-US", "date_start": "2025-02-07", "date_end": "2025-02-07"},
          {"id": "2025-10-28-JP-US", "countries": "JP-US", "date_start": "2025-10-28", "date_end": "2025-10-28"}]


def _cite(doc_id: str, text: str) -> dict:
    return {"doc_id": doc_id, "doc": "a.txt", "evidence": text, "offsets": [0, len(text)], "rule": "test.rule.v1"}


def _records(doc_id: str) -> list[dict]:
    first = {"id": EVENTS[0]["id"], "date_start": "2025-02-07", "countries": "JP-US",
             "commitments": [
                 {"actor": "日本", "text": "対米投資を1兆ドルに引き上げる", "amount": {"value": 1e12, "unit": "USD"},
                  "deadline": None, "topics": ["investment"], "support": 2,
                  "citations": [_cite(doc_id, "対米投資を1兆ドルに引き上げる")]},
                 {"actor": "日本", "text": "防衛費を増額する", "amount": None, "deadline": "FY2027",
                  "topics": ["security", "defense_spending"], "support": 1, "citations": [_cite(doc_id, "防衛費")]}],
             "conflicts": [{"field": "meetings.start", "about": "main", "values": [{"value": "11:00"}]}]}
    second = {"id": EVENTS[1]["id"], "date_start": "2025-10-28", "countries": "JP-US",
              "commitments": [
                  {"actor": "高市早苗", "text": "5500億ドルを投資する", "amount": {"value": 5.5e11, "unit": "USD",
                                                                            "qualifier": "approx"},
                   "deadline": "within_days:180", "topics": ["investment"], "support": 1,
                   "citations": [_cite(doc_id, "5500億ドル")]}],
              "conflicts": []}
    return [first, second]


def _stored(store, doc_id: str) -> list[dict]:
    records = _records(doc_id)
    for ev, rec in zip(EVENTS, records):
        store.put_event(ev, doc_id)
        store.cache_event_record(ev["id"], "m1", rec)
    return records


def test_rows_give_the_ledger_and_conflicts_of_the_records(store):
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    records = _stored(store, doc.id)
    day = dt.date(2026, 1, 1)
    threads = ledger.build_from_rows(store.ledger_rows("m1"), day)
    assert threads == ledger.build(records, day)
    assert [len(t["entries"]) for t in threads] == [2, 1]           # the $1 trillion and the $550 billion: one
    assert list(store.cached_conflicts("m1")) == [{"event": EVENTS[0]["id"], **records[0]["conflicts"][0]}]
    assert list(store.ledger_rows("m2")) == [] and list(store.cached_conflicts("m2")) == []


def test_rows_are_replaced_with_their_record_and_dropped_with_it(store):
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    records = _stored(store, doc.id)
    fewer = {**records[0], "commitments": records[0]["commitments"][:1], "conflicts": []}
    store.cache_event_record(EVENTS[0]["id"], "m1", fewer)
    assert sql(store, "SELECT event_id, pos FROM event_commitments ORDER BY event_id, pos") == [
        (EVENTS[0]["id"], 0), (EVENTS[1]["id"], 0)]
    assert list(store.cached_conflicts("m1")) == []
    other = make_doc("別の文書。")
    store.add_document(other)
    store.put_event(EVENTS[1], other.id)                       # a document joined: record and rows go
    assert [r[0] for r in store.ledger_rows("m1")] == [EVENTS[0]["id"]]
    store.unlink_document(doc.id)
    assert list(store.ledger_rows("m1")) == []
    assert sql(store, "SELECT count(*) FROM event_commitments") == [(0,)]


def test_an_sqlite_database_of_schema_5_gets_the_rows_of_its_cached_records(tmp_path):
    path = tmp_path / "v5.db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA[:SCHEMA.index("CREATE TABLE event_commitments")] + "PRAGMA user_version = 5;")
    doc = make_doc()
    db.execute("INSERT INTO documents (id, source, text, lang, content_type, size, added_at) "
               "VALUES (?, 'a.txt', ?, 'ja', 'text', 1, 'now')", (doc.id, doc.text))
    import json
    for ev, rec in zip(EVENTS, _records(doc.id)):
        db.execute("INSERT INTO events VALUES (?, ?, ?, ?, NULL)", (ev["id"], ev["countries"], ev["date_start"],
                                                                    ev["date_end"]))
        db.execute("INSERT INTO doc_events VALUES (?, ?, 1)", (doc.id, ev["id"]))
        db.execute("INSERT INTO event_records VALUES (?, 'm1', ?, ?, ?)",
                   (ev["id"], len(rec["commitments"]), len(rec["conflicts"]), json.dumps(rec, ensure_ascii=False)))
    db.commit()
    db.close()
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # the migration to 7 lists each event's countries for the search's country filter
        assert store._db.execute("SELECT country, event_id FROM event_countries ORDER BY 1, 2").fetchall() == \
            sorted((c, ev["id"]) for ev in EVENTS for c in ev["countries"].split("-"))
        day = dt.date(2026, 1, 1)
        assert ledger.build_from_rows(store.ledger_rows("m1"), day) == ledger.build(_records(doc.id), day)
        assert len(list(store.cached_conflicts("m1"))) == 1


def test_a_postgres_database_of_schema_5_gets_the_rows_of_its_cached_records(pg_url):
    import psycopg

    with open_store(pg_url) as store:
        store.add_document(doc := make_doc())
        _stored(store, doc.id)
    with psycopg.connect(pg_url, autocommit=True) as db:     # as schema 5 left it: records, no ledger tables
        as_schema_8(db)
        db.execute("DROP TABLE event_commitments")
        db.execute("DROP TABLE event_conflicts")
        db.execute("DROP TABLE ledger_links, ledger_dirty, ledger_marks, ledger_state")
        db.execute("DROP TABLE event_countries")
        db.execute("DROP INDEX events_by_date")
        db.execute("DROP INDEX events_by_end")
        db.execute("UPDATE kaidan_meta SET value = '5'")
    with PostgresStore(pg_url) as store:
        assert sql(store, "SELECT value FROM kaidan_meta") == [(str(SCHEMA_VERSION),)]
        assert sql(store, "SELECT country, event_id FROM event_countries ORDER BY 1, 2") == \
            sorted((c, ev["id"]) for ev in EVENTS for c in ev["countries"].split("-"))
        day = dt.date(2026, 1, 1)
        assert ledger.build_from_rows(store.ledger_rows("m1"), day) == ledger.build(_records(doc.id), day)
        assert len(list(store.cached_conflicts("m1"))) == 1
