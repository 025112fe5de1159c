"""The same Store interface and results on SQLite and PostgreSQL (see conftest: every `store` test runs on both)."""
from __future__ import annotations

import datetime as dt
import inspect
import threading
from pathlib import Path

import pytest

from kaidan.errors import StoreError
from kaidan.pipeline import ingest
from kaidan.reconcile import archive
from kaidan.store import SCHEMA_VERSION, Store, is_url, open_store, search
from kaidan.store.postgres import PostgresStore, redact
from kaidan.store.sqlite import EventFilter

from .conftest import Clock, as_schema_8, sql
from .test_sqlite import make_doc

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_postgres_store_has_every_public_method_of_the_sqlite_store_with_the_same_parameters():
    for name, method in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_") and name not in ("__enter__", "__exit__"):
            continue
        assert hasattr(PostgresStore, name), f"PostgresStore lacks {name}"
        theirs = list(inspect.signature(getattr(PostgresStore, name)).parameters)
        assert theirs == list(inspect.signature(method).parameters), name


def test_the_factory_picks_the_backend_from_the_url(tmp_path):
    assert is_url("postgresql://u@h/db") and is_url("postgres://h/db")
    assert not is_url("kaidan.db") and not is_url(tmp_path / "postgresql:")
    with open_store(tmp_path / "k.db") as store:
        assert isinstance(store, Store)


def test_a_password_never_appears_in_messages():
    assert redact("postgresql://kaidan:s3cret@db.example:5433/k") == "postgresql://kaidan:***@db.example:5433/k"
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://kaidan:s3cret@127.0.0.1:1/k")   # nothing listens on port 1
    assert "s3cret" not in str(caught.value) and "cannot reach the PostgreSQL server" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_events_widen_link_and_drop_their_cached_record(store):
    docs = [make_doc(f"document {i}") for i in range(3)]
    for doc in docs:
        store.add_document(doc)
        store.save_facts(doc.id, {"doc": doc.id}, "v1")
    event = {"id": "2025-02-07-JP-US", "countries": "JP-US", "date_start": "2025-02-07", "date_end": "2025-02-07",
             "kind": "summit"}
    store.put_event(event, docs[0].id)
    record = {"id": event["id"], "date_start": "2025-02-07", "countries": "JP-US", "conflicts": [],
              "commitments": [{"actor": "日本", "text": "投資する"}, {"actor": "米国", "text": "協議する"}]}
    store.cache_event_record(event["id"], "m1", record)
    assert store.cached_event_record(event["id"], "m1") == record
    assert list(store.cached_event_records("m1", with_commitments=True)) == [record]
    assert list(store.cached_event_records("m1", with_conflicts=True)) == []
    store.put_event({**event, "date_start": "2025-02-08", "date_end": "2025-02-09", "kind": None}, docs[1].id,
                    main=False)
    assert store.cached_event_record(event["id"], "m1") is None          # a document joined: merge again
    assert store.uncached_events("m1") == [event["id"]]
    assert store.get_event("2025-02-07") == {**event, "date_end": "2025-02-09"}
    assert store.events_near("JP-US", "2025-02-09", "2025-02-12")[0]["id"] == event["id"]
    assert store.events_near("JP-US", "2025-02-10", "2025-02-12") == []
    assert [(d, m) for d, _rec, m in store.event_records(event["id"])] == [(docs[0].id, True), (docs[1].id, False)]
    assert store.events_of_document(docs[1].id) == [{**event, "date_end": "2025-02-09", "main": False}]
    assert [d for d, _ in store.facts_without_event()] == [docs[2].id]
    assert list(store.iter_events()) == [{**event, "date_end": "2025-02-09", "documents": 2}]
    store.unlink_document(docs[1].id)
    assert [d for d, _rec, _m in store.event_records(event["id"])] == [docs[0].id]


def test_summaries_count_facts_and_name_events(store):
    doc = make_doc("日米首脳会談\n両首脳は一致しました。", title="会談")
    store.add_document(doc)
    assert store.document_summaries(10)[0]["facts"] is None
    store.save_facts(doc.id, {"meetings": [{}], "signed_documents": [], "agreements": [{}, {}], "commitments": [],
                              "statements": [], "quantities": []}, "v1")
    store.put_event({"id": "2025-02-07-JP-US", "countries": "JP-US", "date_start": "2025-02-07",
                     "date_end": "2025-02-07"}, doc.id)
    [row] = store.document_summaries(10)
    assert row["facts"] == {"meetings": 1, "signed_documents": 0, "agreements": 2, "commitments": 0,
                            "statements": 0, "quantities": 0}
    assert row["events"] == ["2025-02-07-JP-US"] and row["heading"] == "日米首脳会談" and row["title"] == "会談"
    assert store.document_summaries(10, offset=1) == []


def _indexed(store, doc, record=None):
    store.add_document(doc)
    if record is not None:
        store.save_facts(doc.id, record, "v1")
    store.index_search(doc.id, search.entries(doc.title, doc.text, record))


def test_japanese_search_finds_words_inside_runs_of_kanji(store):
    doc = make_doc("石破首相は防衛費増額の方針を表明した。\nThe leaders welcomed new commitments.")
    _indexed(store, doc, {"commitments": [{"evidence": "防衛費増額の方針", "actor": "Japan"}]})
    other = make_doc("首脳会談は行われなかった。")
    _indexed(store, other)
    hits = lambda q, scope=None: sorted((d, k) for d, k, _ref, _rank in store.search(search.match_query(q, scope)))
    assert hits("防衛費") == [(doc.id, "commitments"), (doc.id, "document")]
    assert hits("防衛") == [(doc.id, "commitments"), (doc.id, "document")]     # a short unit of 防衛費
    assert hits("防衛費", "doc") == [(doc.id, "document")]
    assert hits("会談") == [(other.id, "document")]
    assert hits("commitment") == [(doc.id, "document")]                      # stemmed, as FTS5's porter
    assert hits("防衛費 会談") == []                                          # every word must match
    assert hits("首脳") == [(other.id, "document")]
    store.index_search(doc.id, search.entries(None, "差し替えた本文", None))   # replaced entries are gone
    assert hits("防衛費") == [] and hits("差し替え") == [(doc.id, "document")]


def test_a_word_at_the_end_of_a_long_document_is_found(store):
    filler = "\n".join(f"第{i}項では両国の経済関係について長く説明した。" for i in range(1500))
    doc = make_doc(filler + "\n最後に尖閣諸島に言及した。")
    _indexed(store, doc)
    assert [(d, k) for d, k, *_ in store.search(search.match_query("尖閣"))] == [(doc.id, "document")]
    assert len(store.search(search.match_query("経済関係"))) == 1                # one hit per document


def test_the_pipeline_gives_the_same_records_events_search_and_ledger_on_both_backends(tmp_path, pg_url):
    sources = sorted(str(p) for p in CORPUS.glob("*.txt"))[:8]
    results = []
    for db in (str(tmp_path / "k.db"), pg_url):
        with open_store(db) as store:
            report = ingest(sources, store)
            assert report.failed == 0 and report.stored == len(sources)
            results.append((
                list(store.iter_facts()),
                [dict(e) for e in store.iter_events()],
                [archive.event_record(store, e["id"]) for e in store.iter_events()],
                archive.commitment_ledger(store, dt.date(2026, 1, 1)),
                archive.conflicts(store),
                sorted((d, k, r) for d, k, r, _ in store.search(search.match_query("首脳会談"))),
                sorted((d, k, r) for d, k, r, _ in store.search(search.match_query("Prime Minister"))),
                [sorted((d, k, r) for d, k, r, _ in store.search(search.match_query("首脳会談"), within=within,
                                                                 limit=100))
                 for within in (EventFilter(country="jp"), EventFilter(event="2025"),
                                EventFilter(date_from="2025-06-01", date_to="2025-12-31"))],
            ))
    assert results[0][5] and results[0][6] and results[0][2] and all(results[0][7])
    assert results[0] == results[1]


def test_same_columns_on_both_backends(tmp_path, pg_url):
    with open_store(tmp_path / "k.db") as lite, open_store(pg_url) as pg:
        tables = [t for (t,) in sql(lite, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                          "'search_text%' AND name NOT LIKE 'sqlite_%'")]
        for table in tables:
            ours = [r[1] for r in sql(lite, f"PRAGMA table_info({table})")]
            theirs = [c for (c,) in sql(pg, "SELECT column_name FROM information_schema.columns WHERE table_schema "
                                            "= current_schema() AND table_name = ? ORDER BY ordinal_position",
                                        (table,))]
            assert [c for c in theirs if c not in ("seq", "scope", "terms")] == ours, table


def test_postgres_refuses_a_newer_schema_and_a_foreign_documents_table(pg_url):
    import psycopg

    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("UPDATE kaidan_meta SET value = '99'")
    with pytest.raises(StoreError, match="upgrade Kaidan"):
        PostgresStore(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("DROP TABLE kaidan_meta")
    with pytest.raises(StoreError, match="not a Kaidan database"):
        PostgresStore(pg_url)


def test_postgres_migrates_an_older_schema(pg_url):
    import psycopg

    PostgresStore(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as db:     # as schema 3 left it: no event_records, no site/url
        as_schema_8(db)
        db.execute("DROP TABLE event_records")
        db.execute("DROP TABLE event_commitments")
        db.execute("DROP TABLE event_conflicts")
        db.execute("DROP TABLE ledger_links, ledger_dirty, ledger_marks, ledger_state")
        db.execute("ALTER TABLE documents DROP COLUMN site")
        db.execute("ALTER TABLE documents DROP COLUMN url")
        db.execute("DROP TABLE event_countries")
        db.execute("DROP INDEX events_by_date")
        db.execute("DROP INDEX events_by_end")
        db.execute("INSERT INTO events VALUES ('2024-05-01-AU-JP', 'AU-JP', '2024-05-01', '2024-05-01', NULL)")
        db.execute("UPDATE kaidan_meta SET value = '3'")
    with PostgresStore(pg_url) as store:
        store.add_document(doc := make_doc())
        store.save_facts(doc.id, {}, "v1")
        store.put_event({"id": "e", "countries": "JP-US", "date_start": "2025-01-01", "date_end": "2025-01-01"},
                        doc.id)
        store.cache_event_record("e", "m", {"commitments": []})
        assert store.cached_event_record("e", "m") == {"commitments": []}
        assert sql(store, "SELECT value FROM kaidan_meta") == [(str(SCHEMA_VERSION),)]
        assert sql(store, "SELECT country, event_id FROM event_countries ORDER BY 1, 2") == [
            ("AU", "2024-05-01-AU-JP"), ("JP", "2024-05-01-AU-JP"), ("JP", "e"), ("US", "e")]
        assert store.document_metadata([doc.id])[doc.id]["site"] == doc.site


def test_concurrent_writers_on_postgres_store_each_row_once(pg_url):
    docs = [make_doc(f"同じ文書 {i}") for i in range(30)]
    event = {"id": "2025-02-07-JP-US", "countries": "JP-US", "date_start": "2025-02-07", "date_end": "2025-02-07"}
    errors: list[Exception] = []
    start = threading.Barrier(4)

    def writer(n: int) -> None:
        try:
            with PostgresStore(pg_url, clock=Clock()) as store:   # each its own connection; 4 open the schema at once
                start.wait()
                for doc in docs[n:] + docs[:n]:
                    store.add_document(make_doc(doc.text, source=f"w{n}/{doc.id}"))
                    store.save_facts(doc.id, {"writer": n}, "v1")
                    store.index_search(doc.id, search.entries(None, doc.text, None))
                    store.put_event({**event, "date_end": f"2025-02-{7 + n:02d}"}, doc.id)
        except Exception as exc:  # reported below: a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with PostgresStore(pg_url) as store:
        assert store.count_documents() == 30
        assert sql(store, "SELECT count(*) FROM sources") == [(120,)]
        assert sql(store, "SELECT count(*), max(date_end) FROM events") == [(1, "2025-02-10")]
        assert sql(store, "SELECT count(*) FROM doc_events") == [(30,)]
        assert sql(store, "SELECT count(*) FROM search_rows") == [(30,)]
        assert len(store.search(search.match_query("文書"), limit=100)) == 30


def test_kaidan_db_names_a_postgres_database_for_the_cli(pg_url, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from kaidan.cli import main

    monkeypatch.setenv("KAIDAN_DB", pg_url)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    src = sorted(CORPUS.glob("*.txt"))[0]
    result = runner.invoke(main, ["ingest", "-q", str(src)])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output
    listed = runner.invoke(main, ["documents"])
    assert listed.exit_code == 0 and src.name in listed.output
    assert not (tmp_path / "kaidan.db").exists()


def test_the_service_serves_a_postgres_database(pg_url):
    from fastapi.testclient import TestClient

    from kaidan.service.app import create_app

    sources = sorted(str(p) for p in CORPUS.glob("*_ja_*.txt"))[:3]
    with open_store(pg_url) as store:
        assert ingest(sources, store).stored == 3
        expected = {e["id"] for e in store.iter_events()}
    with TestClient(create_app(pg_url), base_url="http://127.0.0.1") as client:
        assert {e["id"] for e in client.get("/api/events").json()} == expected
        found = client.get("/api/search", params={"q": "首脳会談"}).json()["results"]
        assert found and all(r["doc_id"] for r in found)
        doc = client.get(f"/api/documents/{found[0]['doc_id']}")
        assert doc.status_code == 200


def test_ledger_marks_are_stored_with_who_when_and_the_citation_and_marked_again_replaced(store):
    assert store.done_marks() == {}  # a database without marks (the table is made by the first)
    cite = {"doc_id": "0123456789abcdef", "evidence": "達成した。", "offsets": [10, 15]}
    first = store.mark_done("2025-02-07-JP-US~0123456789", "Analyst A", cite)
    assert first["by"] == "Analyst A" and first["citation"] == cite and first["at"]
    store.mark_done("2025-10-28-JP-US~abcdefabcd", "B", {"url": "https://www.example.org/r"})
    again = store.mark_done("2025-02-07-JP-US~0123456789", "Analyst C", {"url": "https://www.example.org/s"})
    marks = store.done_marks()
    assert sorted(marks) == ["2025-02-07-JP-US~0123456789", "2025-10-28-JP-US~abcdefabcd"]
    assert marks["2025-02-07-JP-US~0123456789"] == again and again["by"] == "Analyst C"
