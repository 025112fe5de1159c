"""The search index: Sudachi tokens in FTS5, kept by the store (schema 3), filled at ingestion and, for
databases of an older schema, in the background when the service starts."""
from __future__ import annotations

import sqlite3
import time

import pytest

from kaidan.store import search
from kaidan.store import SCHEMA, SCHEMA_VERSION, Store

from .docs import JA_AU


def test_terms_hold_short_and_long_units():
    t = search.terms("防衛費の増額に取り組む日米首脳会談")
    assert "防衛 費" in t and "防衛費" in t and "会談" in t.split()
    assert search.terms("Japan and the U.S. agreed") == "Japan and the U.S. agreed"  # ASCII: FTS5 splits it


@pytest.mark.parametrize("q, expected", [
    ("防衛費", 'terms : (("防衛 費" OR "防衛費"))'),
    ("会談 investment", 'terms : (("会談") AND ("investment"))'),
    ('say "hi"', 'terms : (("say") AND ("hi"))'),                       # a quoted term is a phrase
    ('"critical minerals" 日本', 'terms : (("critical minerals") AND ("日本"))'),
    ('Japan OR 日本 summit', 'terms : (("Japan" OR "日本") AND ("summit"))'),
    ('say "hi""', 'terms : (("say") AND ("hi"))'),                      # an unclosed quote closes at the end
    ('a"b OR', 'terms : (("a""b"))'),                                   # a quote inside a word stays quoted
    ('OR OR "" |', None),
])
def test_queries_are_quoted_phrases(q, expected):
    assert search.match_query(q) == expected


def test_a_query_without_words_matches_nothing():
    assert search.match_query(" 、。!? ") is None


def _old_database(path, version: int) -> None:
    """A database as an older Kaidan wrote it: its schema only, and one document with facts."""
    from kaidan.ingest import canonical_text, document_id
    from kaidan.pipeline import EXTRACTOR_VERSION, extract_text

    cut = {1: SCHEMA.index("CREATE TABLE events"), 2: SCHEMA.index("CREATE TABLE search_rows"),
           3: SCHEMA.index("CREATE TABLE event_records"),
           4: SCHEMA.index("ALTER TABLE documents ADD COLUMN site"),
           5: SCHEMA.index("CREATE TABLE event_commitments"),
           6: SCHEMA.index("ALTER TABLE event_commitments ADD COLUMN matcher")}[version]
    db = sqlite3.connect(path)
    db.executescript(SCHEMA[:cut] + f"PRAGMA user_version = {version};")
    text = canonical_text(JA_AU)
    doc_id = document_id(text)
    db.execute("INSERT INTO documents (id, source, text, lang, title, content_type, encoding, published, size, "
               "added_at) VALUES (?, 'au.txt', ?, 'ja', NULL, 'text', 'utf-8', NULL, ?, 'now')",
               (doc_id, text, len(text.encode())))
    import json
    db.execute("INSERT INTO facts VALUES (?, ?, ?, 'now')",
               (doc_id, EXTRACTOR_VERSION, json.dumps(extract_text(text, "au.txt", "ja").to_dict(), ensure_ascii=False)))
    db.commit()
    db.close()


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
def test_older_databases_migrate_and_get_indexed_when_the_service_starts(tmp_path, make_client, version):
    path = tmp_path / "old.db"
    _old_database(path, version)
    c = make_client(path)
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 9
    deadline = time.monotonic() + 20
    while not c.get("/api/search", params={"q": "防衛費"}).json()["results"]:
        assert time.monotonic() < deadline, "the older document was not indexed"
        time.sleep(0.1)
    kinds = {r["kind"] for r in c.get("/api/search", params={"q": "防衛"}).json()["results"]}
    assert {"document", "agreements"} <= kinds
    assert c.get("/api/events").json()[0]["id"] == "2025-09-12-AU-JP"  # placed in its event on the way
    doc = c.get("/api/documents").json()["items"][0]
    assert doc["title"] == "日豪首脳会談" and doc["outlet"] is None  # the first line stands for a missing title


def test_reindexing_replaces_a_documents_entries(tmp_path):
    from kaidan.pipeline import ingest

    path = tmp_path / "k.db"
    (tmp_path / "au.txt").write_text(JA_AU, encoding="utf-8")
    with Store(path) as store:
        ingest([str(tmp_path / "au.txt")], store)
        before = store.search(search.match_query("防衛費"))
        doc_id = before[0][0]
        search.index_document(store, doc_id)
        search.index_document(store, doc_id)
        after = store.search(search.match_query("防衛費"))
        assert sorted((d, k, r) for d, k, r, _ in after) == sorted((d, k, r) for d, k, r, _ in before)
        assert store.docs_without_search() == []


@pytest.fixture(params=["few", "many"])
def filter_path(request, monkeypatch):
    """Both ways a filtered search runs: the index read for the events' documents only, or the window filtered."""
    from kaidan.store import sqlite

    if request.param == "many":
        monkeypatch.setattr(sqlite, "FEW_DOCS", 0)


def test_phrase_or_and_filters_through_the_api(client, filter_path):
    def ids(**params):
        return [(r["doc_id"], r["kind"]) for r in client.get("/api/search", params=params).json()["results"]]

    # a phrase matches its words in this order only
    assert ids(q='"critical minerals"', scope="facts", limit=100)
    assert ids(q='"minerals critical"', scope="facts") == []
    # OR: either term; without OR both must match
    assert ids(q="zanzibar dialogue") == []
    either = ids(q="zanzibar OR dialogue", limit=100)
    assert either and set(either) == set(ids(q="dialogue", limit=100))
    # filters: event (a prefix), country, date range
    au = client.get("/api/search", params={"q": "防衛", "event": "2025-09-12", "limit": 100}).json()["results"]
    assert au and all("2025-09-12-AU-JP" in r["events"] for r in au)
    by_country = client.get("/api/search", params={"q": "防衛", "country": "AU", "limit": 100}).json()["results"]
    assert {r["doc_id"] for r in by_country} == {r["doc_id"] for r in au}
    assert ids(q="防衛", date_from="2030-01-01") == []
    march = client.get("/api/search", params={"q": "leaders", "date_from": "2025-03-01", "date_to": "2025-03-31",
                                              "limit": 100}).json()["results"]
    assert march and all(any(e.startswith("2025-03") for e in r["events"]) for r in march)


def test_results_sort_by_date_and_carry_outlet_and_date(client):
    rows = client.get("/api/search", params={"q": "会談", "sort": "date", "scope": "documents",
                                             "limit": 100}).json()["results"]
    latest = [max(r["events"]) if r["events"] else "" for r in rows]
    assert len(rows) >= 3 and latest == sorted(latest, reverse=True)
    au = next(r for r in rows if r["source"] == "ja_au.txt")
    assert au["published"] == "2025-09-12" and au["title"] == "日豪首脳会談" and "outlet" in au
