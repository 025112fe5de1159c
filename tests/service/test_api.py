"""The REST API in-process: events, facts, documents, ledger, conflicts, search and ingestion."""
from __future__ import annotations

import re

import pytest

from .docs import JA_AU
from .helpers import SEEDS

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


def cited_ok(client, citation: dict) -> bool:
    """text[start:end] == evidence in the cited document."""
    doc = client.get(f"/api/documents/{citation['doc_id']}").json()
    start, end = citation["offsets"]
    return doc["text"][start:end] == citation["evidence"]


def test_events_list_and_filters(client):
    events = client.get("/api/events").json()
    ids = [e["id"] for e in events]
    assert "2025-09-12-AU-JP" in ids and "2025-03-03-IN-JP" in ids
    assert ids == sorted(ids, key=lambda i: next(e["date_start"] for e in events if e["id"] == i))
    au = client.get("/api/events", params={"country": "au"}).json()
    assert [e["id"] for e in au] == ["2025-09-12-AU-JP"]
    in_2025_h1 = client.get("/api/events", params={"date_from": "2025-01-01", "date_to": "2025-06-30"}).json()
    assert all("2025-01-01" <= e["date_start"] <= "2025-06-30" for e in in_2025_h1)
    assert "2025-03-03-IN-JP" in [e["id"] for e in in_2025_h1]


def test_one_event_has_every_section_and_valid_citations(client):
    ev = client.get("/api/events/2025-09-12").json()  # a prefix is enough
    assert ev["id"] == "2025-09-12-AU-JP"
    for key in ("programme", "signed_documents", "agreements", "commitments", "statements", "quantities",
                "conflicts", "sources"):
        assert key in ev
    seg = ev["programme"][0]
    assert seg["start"] == "11:00" and seg["duration_minutes"] == 50
    commitment = ev["commitments"][0]
    assert commitment["amount"] == {"value": 200000000000, "unit": "JPY"} and commitment["deadline"] == "FY2027"
    assert all(cited_ok(client, c) for kind in ("agreements", "commitments", "statements")
               for fact in ev[kind] for c in fact["citations"])


@needs_seeds
def test_seed_event_merges_three_sources(client):
    ev = client.get("/api/events/2025-10-28-JP-US").json()
    assert len(ev["sources"]) == 3 and ev["signed_documents"] and ev["conflicts"]
    conflicts = client.get("/api/conflicts", params={"event": "2025-10-28"}).json()
    assert conflicts and all(c["event"] == "2025-10-28-JP-US" for c in conflicts)
    assert all(len(c["values"]) >= 2 for c in conflicts)


def test_facts_by_type_with_filters(client):
    page = client.get("/api/facts/commitments", params={"country": "AU"}).json()
    assert page["total"] == 1 and page["items"][0]["event"] == "2025-09-12-AU-JP"
    assert page["items"][0]["fact"]["actor"] == "日本"
    by_actor = client.get("/api/facts/commitments", params={"actor": "Japan"}).json()
    assert by_actor["total"] >= 3 and all(i["fact"]["actor"] for i in by_actor["items"])
    assert client.get("/api/facts/commitments", params={"actor": "Germany"}).json()["total"] == 0
    by_topic = client.get("/api/facts/agreements", params={"topic": "critical_minerals"}).json()
    assert by_topic["total"] >= 1 and all("critical_minerals" in i["fact"]["topics"] for i in by_topic["items"])
    dated = client.get("/api/facts/statements", params={"date_from": "2025-09-01", "date_to": "2025-09-30"}).json()
    assert dated["total"] >= 1 and all(i["event_date"].startswith("2025-09") for i in dated["items"])
    speaker = client.get("/api/facts/statements", params={"speaker": "アルバニージー"}).json()
    assert speaker["total"] >= 1 and all("アルバニージー" in i["fact"]["speaker"] for i in speaker["items"])
    meetings = client.get("/api/facts/meetings", params={"country": "IN"}).json()
    assert meetings["items"][0]["fact"]["start"] == "17:00"
    assert client.get("/api/facts/commitments", params={"limit": 1}).json()["items"].__len__() == 1


def test_documents_list_and_one_document_with_citations(client):
    page = client.get("/api/documents", params={"limit": 100}).json()
    names = {d["source"].rsplit("/", 1)[-1]: d for d in page["items"]}
    au = names["ja_au.txt"]
    assert au["heading"] == "日豪首脳会談" and au["events"] == ["2025-09-12-AU-JP"] and au["facts"]["commitments"] == 1
    doc = client.get(f"/api/documents/{au['id'][:8]}").json()  # a prefix is enough
    assert doc["text"].startswith("日豪首脳会談") and doc["record"]["event"]["date"] == "2025-09-12"
    assert doc["events"][0]["id"] == "2025-09-12-AU-JP" and doc["events"][0]["main"] is True
    assert doc["citations"] and all(doc["text"][c["offsets"][0]:c["offsets"][1]] == c["evidence"]
                                    for c in doc["citations"])
    assert {c["type"] for c in doc["citations"]} >= {"meetings", "agreements", "commitments", "statements"}


def test_ledger_and_its_filters(client):
    threads = client.get("/api/ledger", params={"today": "2026-01-10"}).json()
    au = [t for t in threads if "2025-09-12-AU-JP" in t["events"]]
    assert au and au[0]["due"] == "2028-03-31" and au[0]["status"] == "open"
    assert all(t["status"] in ("open", "due soon", "overdue", "reported done") for t in threads)
    due = client.get("/api/ledger", params={"due_before": "2028-12-31", "today": "2026-01-10"}).json()
    assert due and all(t["due"] and t["due"] <= "2028-12-31" for t in due)
    assert client.get("/api/ledger", params={"actor": "Germany"}).json() == []
    overdue = client.get("/api/ledger", params={"status": "overdue", "today": "2029-01-01"}).json()
    assert any("2025-09-12-AU-JP" in t["events"] for t in overdue)
    assert client.get("/api/ledger", params={"status": "late"}).status_code == 422


def test_the_ledger_names_each_party_in_both_languages_and_filters_by_party(client):
    threads = client.get("/api/ledger").json()
    party = {t["key"]: (t["names"].get(t["actor"]) or {}).get("id", t["actor"]) for t in threads}
    for t in threads:  # the actor of the thread and of each entry, as written -> its party
        assert {e["actor"] for e in t["entries"]} | {t["actor"]} >= set(t["names"])
    jp = [t for t in threads if party[t["key"]] == "country:JP"]
    assert {"日本", "Japan"} <= {t["actor"] for t in jp}
    assert all(t["names"][t["actor"]] == {"id": "country:JP", "ja": "日本", "en": "Japan"} for t in jp)
    who = client.get("/api/ledger", params={"who": "country:JP"}).json()
    assert [t["key"] for t in who] == [t["key"] for t in jp]
    assert client.get("/api/ledger", params={"who": "country:JP", "status": "reported done"}).json() == \
        [t for t in who if t["status"] == "reported done"]

    au = next(c for t in threads for e in t["entries"] for c in e["citations"] if c["source"] == "ja_au.txt")
    assert (au["title"], au["published"], au["lang"]) == ("日豪首脳会談", "2025-09-12", "ja")  # what names a citation


@needs_seeds
def test_a_leader_is_one_party_of_the_ledger_whatever_the_script(client):
    trump = client.get("/api/ledger", params={"who": "trump"}).json()
    assert {t["actor"] for t in trump} == {"ドナルド・J・トランプ", "Donald J. Trump"}
    assert {t["names"][t["actor"]]["en"] for t in trump} == {"Donald J. Trump"}
    us = client.get("/api/ledger", params={"actor": "Donald J. Trump"}).json()  # actor: the leader's country
    assert len(us) > len(trump) and {t["actor"] for t in us} > {t["actor"] for t in trump}


def test_a_deadline_past_is_overdue_until_a_later_summit_takes_the_promise_up(archive_copy, make_client):
    c = make_client(archive_copy)
    au = lambda: [t for t in c.get("/api/ledger", params={"today": "2029-01-01"}).json()  # noqa: E731
                  if "2025-09-12-AU-JP" in t["events"]]
    assert [(t["due"], t["status"]) for t in au()] == [("2028-03-31", "overdue")]
    # a summit after the deadline (1 June 2028) speaks of the same joint development, with no new deadline
    later = JA_AU.replace("令和7年9月12日", "令和10年6月1日").replace("9月12日、", "6月1日、") \
        .replace("2027年度までに総額2000億円の", "")
    r = c.post("/api/ingest/file", files={"file": ("later_au.txt", later.encode(), "text/plain")})
    assert r.json()["events"] == ["2028-06-01-AU-JP"]
    [thread] = au()
    assert thread["events"] == ["2025-09-12-AU-JP", "2028-06-01-AU-JP"] and thread["due"] == "2028-03-31"
    assert thread["status"] == "open"  # taken up again: not known to be missed
    overdue = c.get("/api/ledger", params={"today": "2029-01-01", "status": "overdue"}).json()
    assert thread["key"] not in [t["key"] for t in overdue]


def test_ledger_pages_carry_their_citations(client):
    every = client.get("/api/ledger", params={"today": "2026-01-10"}).json()
    assert len(every) >= 2 and all(e["citations"] for t in every for e in t["entries"])
    first = client.get("/api/ledger", params={"today": "2026-01-10", "limit": 1})
    assert first.json() == every[:1] and first.headers["X-Total-Count"] == str(len(every))
    assert "offset=1" in first.headers["Link"]
    rest = client.get("/api/ledger", params={"today": "2026-01-10", "limit": 500, "offset": 1})
    assert rest.json() == every[1:] and "Link" not in rest.headers
    latest = max(t["entries"][-1]["event_date"] for t in every)
    since = client.get("/api/ledger", params={"today": "2026-01-10", "since": latest}).json()
    assert since == [t for t in every if t["entries"][-1]["event_date"] >= latest]


@pytest.mark.parametrize("query", ["防衛費", "会談", "防衛", "重要鉱物"])
def test_japanese_search_finds_words_written_without_spaces(client, query):
    res = client.get("/api/search", params={"q": query}).json()
    assert res["results"], query
    docs = client.get("/api/search", params={"q": query, "scope": "documents"}).json()["results"]
    assert docs and all(r["kind"] == "document" for r in docs)
    top = docs[0]
    assert query in top["snippet"]["match"] or top["snippet"]["match"] in query
    text = client.get(f"/api/documents/{top['doc_id']}").json()["text"]
    start, end = top["offsets"]
    assert text[start:end] == top["snippet"]["match"]


def test_search_of_facts_cites_them(client):
    facts = client.get("/api/search", params={"q": "防衛費", "scope": "facts"}).json()["results"]
    assert facts and all(r["kind"] != "document" for r in facts)
    ours = [r for r in facts if r["title"] == "日豪首脳会談" and "2025-09-12-AU-JP" in r["events"]]
    assert ours and "防衛費" in ours[0]["evidence"]


def test_english_search_stems_and_needs_every_word(client):
    assert client.get("/api/search", params={"q": "leaders welcomed dialogues"}).json()["results"]
    assert client.get("/api/search", params={"q": "dialogue zanzibar"}).json()["results"] == []


def test_search_query_is_never_fts_syntax(client):
    for q in ['"', "AND", "NEAR(a b)", "a:b", "* OR *", "'", "防衛費\"", "-", "^x"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_upload_ingests_and_second_upload_is_unchanged(archive_copy, make_client):
    c = make_client(archive_copy)
    text = JA_AU.replace("令和7年9月12日", "令和7年9月13日").replace("9月12日、", "9月13日、")
    r = c.post("/api/ingest/file", files={"file": ("my readout.txt", text.encode("utf-8"), "text/plain")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "stored" and body["source"] == "upload:my_readout.txt"
    assert body["events"] == ["2025-09-12-AU-JP"] and body["facts"]["commitments"] == 1
    again = c.post("/api/ingest/file", files={"file": ("other.txt", text.encode("utf-8"), "text/plain")}).json()
    assert again["status"] == "unchanged" and again["doc_id"] == body["doc_id"]
    assert c.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"] == body["doc_id"]
    ev = c.get("/api/events/2025-09-12-AU-JP").json()
    assert body["doc_id"] in [s["doc_id"] for s in ev["sources"]]
    hits = c.get("/api/search", params={"q": "防衛装備品", "scope": "documents"}).json()["results"]
    assert body["doc_id"] in [h["doc_id"] for h in hits]


def test_an_unreadable_upload_fails_with_its_reason_recorded(archive_copy, make_client):
    from kaidan.store import Store

    c = make_client(archive_copy)
    r = c.post("/api/ingest/file", files={"file": ("blank.txt", b"  \n \n", "text/plain")})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "failed" and body["doc_id"] is None
    err = body["error"]
    assert err["code"] == "K101" and err["message"].startswith("upload:blank.txt:") and "/tmp" not in err["message"]
    binary = c.post("/api/ingest/file", files={"file": ("x.bin", b"KAI\x00\x01\x02DAN\x00" * 8, "application/x")})
    assert binary.json()["error"]["code"] == "K102"
    with Store(archive_copy) as store:
        assert {f["source"]: f["code"] for f in store.failures()} == {"upload:blank.txt": "K101", "upload:x.bin": "K102"}


def test_upload_above_the_size_limit_is_refused(archive_copy, make_client, monkeypatch):
    from kaidan import config

    monkeypatch.setattr(config, "MAX_BYTES", 100)
    c = make_client(archive_copy)
    r = c.post("/api/ingest/file", files={"file": ("big.txt", "会談".encode() * 200, "text/plain")})
    assert r.status_code == 413 and r.json()["error"]["code"] == "K103"


def test_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("summary") and op.get("description"), (method, path)
            assert "200" in op["responses"] and "422" in op["responses"], (method, path)
            schema = op["responses"]["422"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (method, path)
    assert {"/api/events", "/api/events/{event_id}", "/api/facts/{fact_type}", "/api/documents",
            "/api/documents/{doc_id}", "/api/ledger", "/api/conflicts", "/api/search", "/api/ingest/file",
            "/api/ingest/url"} <= set(spec["paths"])


def test_pages_are_served_in_the_browsers_language(client):
    ja = client.get("/events/2025-09-12-AU-JP", headers={"accept-language": "ja-JP,ja;q=0.9,en;q=0.8"})
    en = client.get("/ledger", headers={"accept-language": "en-US,en;q=0.9,ja;q=0.5"})
    assert ja.status_code == en.status_code == 200
    assert '<html lang="ja">' in ja.text and '<html lang="en">' in en.text
    assert "script-src 'self'" in ja.headers["content-security-policy"]
    js = client.get("/static/app.js")
    assert js.status_code == 200
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(", js.text)
    assert "http://" not in client.get("/").text and "https://" not in client.get("/static/style.css").text
