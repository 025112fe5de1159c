"""The ledger's thread links kept in the store (kaidan.store.links), on both backends (see conftest): written as
records are cached and dropped in any order, they give the ledger computed from the records themselves."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import sqlite3

from kaidan.reconcile import archive, ledger
from kaidan.store import SCHEMA, SCHEMA_VERSION, Store

from .conftest import as_schema_8, sql
from .test_sqlite import make_doc

DAY = dt.date(2025, 6, 1)


def _event(rec: dict) -> dict:
    return {"id": rec["id"], "countries": rec["countries"], "date_start": rec["date_start"],
            "date_end": rec["date_start"]}


def _stored_ledger(store, version: str = "m1") -> list[dict]:
    store.refresh_ledger(version, ledger.MATCHER)
    shown = ledger.threads_of_links(store.ledger_entries(version), store.ledger_links(version), DAY)
    cites = store.commitment_citations(k for t in shown for k in t.keys)
    return [ledger.with_citations(t, cites, DAY).to_dict() for t in shown]


def _build(records: list[dict]) -> list[dict]:
    """The ledger of the records themselves, read in the store's order (event date, then event id)."""
    return ledger.build(sorted(records, key=lambda r: (r["date_start"], r["id"])), DAY)


def _cache(store, doc_id: str, rec: dict) -> None:
    store.put_event(_event(rec), doc_id)
    store.cache_event_record(rec["id"], "m1", rec)


def test_links_written_in_any_order_give_the_ledger_of_the_records(store, ledger_records):
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    records = ledger_records(5, n_events=30)
    order = list(records)
    random.Random(3).shuffle(order)               # back-dated records too: blocks relinked from their day on
    for n, rec in enumerate(order, 1):
        _cache(store, doc.id, rec)
        if n % 7 == 0:
            store.refresh_ledger("m1", ledger.MATCHER)
    expected = _build(records)
    assert sum(len(t["entries"]) > 1 for t in expected) >= 3      # the records do make threads
    assert _stored_ledger(store) == expected

    # records replaced by shorter ones, and records dropped (a document joined the event): the same as the
    # ledger of the records that remain
    current = {r["id"]: r for r in records}
    for rec in records[::4]:
        current[rec["id"]] = {**rec, "commitments": rec["commitments"][1:]}
        store.cache_event_record(rec["id"], "m1", current[rec["id"]])
    other = make_doc("別の文書。")
    store.add_document(other)
    for rec in records[1::5]:
        store.put_event(_event(rec), other.id)
        del current[rec["id"]]
    assert _stored_ledger(store) == _build(list(current.values()))


def test_a_new_record_changes_only_its_own_blocks(store, ledger_records):
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    records = sorted(ledger_records(8, n_events=20), key=lambda r: r["date_start"])
    for rec in records[:-1]:
        _cache(store, doc.id, rec)
    store.refresh_ledger("m1", ledger.MATCHER)
    assert sql(store, "SELECT count(*) FROM ledger_dirty") == [(0,)]
    last = records[-1]
    _cache(store, doc.id, last)
    rows = [(last["id"], "m1", *row) for row in ledger.stored_commitments(last)]
    own = {b for row in rows for b in ledger.blocks_of_row(row)}
    dirty = sql(store, "SELECT block, since FROM ledger_dirty")
    assert {b for b, _ in dirty} == own and {s for _, s in dirty} == {last["date_start"]}
    assert len(own) < len({b for b, in sql(store, "SELECT DISTINCT block FROM ledger_links")})
    assert _stored_ledger(store) == _build(records)


def test_profiles_of_another_matcher_are_recomputed(store, ledger_records):
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    records = ledger_records(2, n_events=15)
    for rec in records:
        _cache(store, doc.id, rec)
    store.refresh_ledger("m1", ledger.MATCHER)
    # as an older Kaidan would have left them: another matcher's name, profiles that no longer hold, no links
    wrong = ledger.match_json("全く別の文言")
    store._db.execute(*_param(store, "UPDATE event_commitments SET matcher = 'kaidan.ledger.old', match = ?", (wrong,)))
    store._db.execute("DELETE FROM ledger_links")
    assert _stored_ledger(store) == _build(records)
    rows = sql(store, "SELECT text, match, matcher FROM event_commitments")
    assert rows and all(m == ledger.match_json(t or "") and v == ledger.MATCHER for t, m, v in rows)


def _param(store, statement: str, params: tuple) -> tuple:
    return (statement if isinstance(store, Store) else statement.replace("?", "%s")), params


def test_an_sqlite_database_of_schema_6_gets_links_and_the_marks_table(tmp_path, ledger_records):
    path = tmp_path / "v6.db"
    doc = make_doc()
    records = ledger_records(4, n_events=12)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA[:SCHEMA.index("ALTER TABLE event_commitments ADD COLUMN matcher")]
                     + "PRAGMA user_version = 6;")
    db.execute("INSERT INTO documents (id, source, text, lang, content_type, size, added_at) "
               "VALUES (?, 'a.txt', ?, 'ja', 'text', 1, 'now')", (doc.id, doc.text))
    for rec in records:
        db.execute("INSERT INTO events VALUES (?, ?, ?, ?, NULL)", (rec["id"], rec["countries"], rec["date_start"],
                                                                    rec["date_start"]))
        db.execute("INSERT INTO doc_events VALUES (?, ?, 1)", (doc.id, rec["id"]))
        db.execute("INSERT INTO event_records VALUES (?, 'm1', ?, ?, ?)",
                   (rec["id"], len(rec["commitments"]), len(rec["conflicts"]), json.dumps(rec, ensure_ascii=False)))
        for row in ledger.stored_commitments(rec):          # schema 6's rows: no matcher column
            db.execute("INSERT INTO event_commitments VALUES (?, ?, 'm1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (rec["id"], row[0], *row[1:-1]))
    db.commit()
    db.close()
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.done_marks() == {}
        store.mark_done("e~0123456789", "analyst", {"url": "https://example.org/"})
        assert list(store.done_marks()) == ["e~0123456789"]
        assert _stored_ledger(store) == _build(records)


def test_a_read_only_store_with_current_links_copies_no_table(tmp_path, ledger_records):
    path = tmp_path / "k.db"
    records = ledger_records(6, n_events=10)
    with Store(path) as store:
        store.add_document(doc := make_doc())
        store.save_facts(doc.id, {}, "v1")
        for rec in records:
            store.put_event(_event(rec), doc.id)
            store.cache_event_record(rec["id"], archive.MERGE_VERSION, rec)
        store.refresh_ledger(archive.MERGE_VERSION, ledger.MATCHER)
    with Store(path, readonly=True) as store:
        got = archive.commitment_ledger(store, DAY)
        assert not store._shadowed
    assert got == _build(records)


def test_links_relinked_after_every_change_stay_those_of_the_records(store, ledger_records):
    """Each record cached, replaced or dropped, in random order (older days after newer ones), then the changed
    blocks relinked: after every step the stored threads are the threads of the records there are."""
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    other = make_doc("別の文書。")
    store.add_document(other)
    rnd = random.Random(17)
    records = ledger_records(9, n_events=24)
    current: dict[str, dict] = {}
    linked = 0
    for step in range(40):
        rec = rnd.choice(records)
        action = rnd.random()
        if rec["id"] in current and action < 0.2:
            store.put_event(_event(rec), other.id)                  # a document joined: its record goes
            del current[rec["id"]]
        elif rec["id"] in current and action < 0.4:
            current[rec["id"]] = {**rec, "commitments": rnd.sample(rec["commitments"], len(rec["commitments"]) // 2)}
            store.cache_event_record(rec["id"], "m1", current[rec["id"]])
        else:
            current[rec["id"]] = rec
            _cache(store, doc.id, rec)
        expected = _build(list(current.values()))
        assert _stored_ledger(store) == expected, f"step {step}"
        linked = max(linked, sum(len(t["entries"]) > 1 for t in expected))
    assert linked >= 3


def test_a_postgres_database_of_schema_6_keeps_its_marks_and_gets_links(pg_url, ledger_records):
    import psycopg

    from kaidan.store.postgres import PostgresStore

    records = ledger_records(3, n_events=10)
    with PostgresStore(pg_url) as store:
        store.add_document(doc := make_doc())
        store.save_facts(doc.id, {}, "v1")
        for rec in records:
            _cache(store, doc.id, rec)
        store.mark_done("e~0123456789", "analyst", {"url": "https://example.org/"})
    with psycopg.connect(pg_url, autocommit=True) as db:     # as schema 6 left it: marks made by the first mark
        as_schema_8(db)
        db.execute("DROP TABLE ledger_links, ledger_dirty, ledger_state")
        db.execute("DROP TABLE event_countries")
        db.execute("DROP INDEX events_by_date, events_by_end")
        db.execute("ALTER TABLE event_commitments DROP COLUMN matcher")
        db.execute("UPDATE kaidan_meta SET value = '6'")
    with PostgresStore(pg_url) as store:
        assert sql(store, "SELECT value FROM kaidan_meta") == [(str(SCHEMA_VERSION),)]
        assert list(store.done_marks()) == ["e~0123456789"]
        assert _stored_ledger(store) == _build(records)


def test_the_generation_changes_with_every_write_the_ledger_reads_or_shows_and_only_then(store, ledger_records):
    store.add_document(doc := make_doc())
    store.save_facts(doc.id, {}, "v1")
    records = ledger_records(8, n_events=6)
    seen = [store.ledger_generation()]

    def changed() -> bool:
        now = store.ledger_generation()
        new = now != seen[-1]
        seen.append(now)
        return new

    _cache(store, doc.id, records[0])
    assert changed()                                         # commitment rows entered
    store.refresh_ledger("m1", ledger.MATCHER)
    assert changed()                                         # links computed
    store.refresh_ledger("m1", ledger.MATCHER)
    _stored_ledger(store)
    store.done_marks()
    assert not changed()                                     # reads, and a refresh with nothing to do
    store.mark_done("e~0123456789", "analyst", {"url": "https://example.org/"})
    assert changed()                                         # a mark
    store.save_facts(doc.id, {"doc": "x"}, "v1")
    assert not changed()                                     # facts are not what the ledger reads
    store.restore_document(doc)
    assert not changed()                                     # the document's columns as they are
    store.restore_document(retitled := dataclasses.replace(doc, title="Another title", site="Another outlet"))
    assert changed()                                         # what names a cited source
    assert store.document_metadata([doc.id])[doc.id]["title"] == "Another title"
    assert store.get_document(doc.id) == retitled
    store.unlink_document(doc.id)
    assert changed()                                         # the record's rows dropped


def test_a_database_of_schema_7_keeps_its_links_and_gets_the_ledger_generation(tmp_path, ledger_records):
    path = tmp_path / "v7.db"
    with Store(path) as store:
        store.add_document(doc := make_doc())
        store.save_facts(doc.id, {}, "v1")
        for rec in ledger_records(9, n_events=10):
            _cache(store, doc.id, rec)
        store.refresh_ledger("m1", ledger.MATCHER)
        links_before = sql(store, "SELECT * FROM ledger_links ORDER BY 1, 2, 3, 4, 5")
        ledger_before = _stored_ledger(store)
    db = sqlite3.connect(path)
    as_schema_8(db)
    db.executescript("DROP TABLE ledger_state; PRAGMA user_version = 7;")
    db.close()
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert sql(store, "SELECT count(*) FROM ledger_dirty") == [(0,)]      # no block to relink
        assert sql(store, "SELECT * FROM ledger_links ORDER BY 1, 2, 3, 4, 5") == links_before
        assert store.ledger_generation() == 0
        assert _stored_ledger(store) == ledger_before
        store.mark_done("e~0123456789", "analyst", {"url": "https://example.org/"})
        assert store.ledger_generation() == 1
