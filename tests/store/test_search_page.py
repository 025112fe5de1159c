"""A page of search results reads its documents, events and records in one statement, on both backends
(see conftest: every `store` test runs on SQLite and PostgreSQL)."""
from __future__ import annotations

from kaidan.store import search

from .test_sqlite import make_doc


def _event(day: str, countries: str = "JP-US") -> dict:
    return {"id": f"2025-02-{day}-{countries}", "countries": countries, "date_start": f"2025-02-{day}",
            "date_end": f"2025-02-{day}", "kind": "summit"}


def _archive(store):
    """Three documents: one with two events (its main one later than the other), one with a fact record
    and no event, one with neither."""
    both = make_doc("日米首脳会談で防衛費について協議した。", title="会談")
    facts = make_doc("防衛費の増額を表明した。\nSecond line.")
    bare = make_doc("防衛費は議題にならなかった。")
    record = {"commitments": [{"evidence": "防衛費の増額", "text": "防衛費を増額する", "actor": "日本"}]}
    for doc, rec in ((both, None), (facts, record), (bare, None)):
        store.add_document(doc)
        if rec is not None:
            store.save_facts(doc.id, rec, "v1")
        store.index_search(doc.id, search.entries(doc.title, doc.text, rec))
    store.put_event(_event("09"), both.id)
    store.put_event(_event("03", "JP-KR"), both.id, main=False)
    store.put_event(_event("05", "JP-AU"), both.id, main=False)
    return both, facts, bare, record


def test_the_page_holds_what_the_lookups_of_each_document_give(store):
    both, facts, bare, record = _archive(store)
    page = store.search_page([bare.id, both.id, facts.id, both.id], with_facts=[facts.id, "missing"])
    assert set(page) == {both.id, facts.id, bare.id}
    for doc in (both, facts, bare):
        got, events, rec = page[doc.id]
        assert got == store.get_document(doc.id)
        assert events == [e["id"] for e in store.events_of_document(doc.id)]
        assert rec == (record if doc is facts else None)           # records only for the ids asked
    assert page[both.id][1] == ["2025-02-09-JP-US", "2025-02-03-JP-KR", "2025-02-05-JP-AU"]  # main, then by date
    assert store.search_page(["missing"]) == {} and store.search_page([]) == {}


def test_the_metadata_of_a_page_is_what_document_metadata_reads(store):
    both, facts, bare, _ = _archive(store)
    _, meta = search.search_page(store, "防衛費")
    assert meta == store.document_metadata([both.id, facts.id, bare.id])
    assert meta[both.id]["heading"] == "日米首脳会談で防衛費について協議した。"


def test_a_page_of_results_reads_its_documents_in_one_statement(store, monkeypatch):
    both, facts, bare, record = _archive(store)
    statements = []
    rows, hits = store._rows, store.search
    monkeypatch.setattr(store, "_rows", lambda sql, params=(): statements.append(sql) or rows(sql, params))
    monkeypatch.setattr(store, "search", lambda *a, **k: (found := hits(*a, **k), statements.clear())[0])
    results = search.search(store, "防衛費")
    assert len(statements) == 1                                    # after the hits: one statement for the page
    by_kind = {(r["doc_id"], r["kind"]): r for r in results}
    assert set(by_kind) == {(both.id, "document"), (facts.id, "document"), (facts.id, "commitments"),
                            (bare.id, "document")}
    assert by_kind[(both.id, "document")]["events"] == ["2025-02-09-JP-US", "2025-02-03-JP-KR", "2025-02-05-JP-AU"]
    assert by_kind[(both.id, "document")]["snippet"]["match"] == "防衛費"
    fact = by_kind[(facts.id, "commitments")]
    assert (fact["text"], fact["evidence"], fact["actor"], fact["events"]) == ("防衛費を増額する", "防衛費の増額", "日本", [])
    assert by_kind[(bare.id, "document")]["title"] is None


def test_by_date_puts_the_latest_event_first_and_documents_without_events_last(store):
    both, facts, bare, _ = _archive(store)
    later = make_doc("三月の会談でも防衛費を取り上げた。")
    store.add_document(later)
    store.index_search(later.id, search.entries(None, later.text, None))
    store.put_event(_event("09", "JP-CA") | {"id": "2025-03-01-JP-CA", "date_start": "2025-03-01",
                                             "date_end": "2025-03-01"}, later.id)
    match = search.match_query("防衛費", "doc")
    by_date = [d for d, *_ in store.search(match, limit=10, by_date=True)]
    assert by_date[:2] == [later.id, both.id] and set(by_date[2:]) == {facts.id, bare.id}
    ranked = store.search(match, limit=10)
    assert [r for *_, r in ranked] == sorted(r for *_, r in ranked)          # best (lowest) rank first
    undated = [d for d, *_ in ranked if d in (facts.id, bare.id)]
    assert by_date[2:] == undated                                            # among equal dates: by rank
    assert len({(d, k, ref) for d, k, ref, _ in store.search(search.match_query("防衛費"), limit=10)}) == 5
