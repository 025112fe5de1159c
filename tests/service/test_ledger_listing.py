"""GET /api/ledger serves filters and pages from the threads it keeps while the store's ledger is unchanged, and
GET /api/ledger/parties lists who acts in them."""
from __future__ import annotations

import dataclasses

from kaidan.service import listing
from kaidan.store import Store

FAR = {"today": "2040-01-01"}


def _all(c, **params) -> list[dict]:
    return c.get("/api/ledger", params={**FAR, "limit": 1000, **params}).json()


def _now(c, **params) -> list[dict]:
    """The ledger as of the server's date (the day a mark is made on)."""
    return c.get("/api/ledger", params={"limit": 1000, **params}).json()


def _who(thread: dict) -> str:
    known = thread["names"].get(thread["actor"] or "")
    return known["id"] if known else (thread["actor"] or "")


def test_threads_are_built_once_and_again_after_any_write_whoever_writes(archive_copy, make_client, monkeypatch):
    builds = []
    real = listing.build
    monkeypatch.setattr(listing, "build", lambda *a: builds.append(a[1]) or real(*a))
    c = make_client(archive_copy)
    first = _now(c)
    assert len(first) >= 3
    assert _now(c) == first and _now(c, offset=1) == first[1:] and _now(c, status="open")
    assert len(builds) == 1
    # a mark through the service finds its thread in the listing kept and carries the listing over: the next
    # read shows it, the same as a listing built again
    one, two = first[0], first[1]
    r = c.post(f"/api/ledger/{one['key']}/done", json={"by": "A", "citation": {"url": "https://example.org/a"}})
    assert r.status_code == 200 and r.json()["status"] == "marked done"
    carried = _now(c)
    assert [t["status"] for t in carried if t["key"] == one["key"]] == ["marked done"]
    assert _now(c, status="marked done") == [t for t in carried if t["key"] == one["key"]]
    assert len(builds) == 1
    assert carried == make_client(archive_copy).get("/api/ledger", params={"limit": 1000}).json()
    assert len(builds) == 2
    # a mark written by another connection to the same file (another process): seen at the next read
    with Store(archive_copy) as other:
        other.mark_done(two["key"], "B", {"url": "https://example.org/b"})
    after = _now(c)
    assert [t["status"] for t in after if t["key"] == two["key"]] == ["marked done"]
    assert len(builds) == 3
    assert [t["key"] for t in _now(c, status="marked done")] == [t["key"] for t in after
                                                                 if t["key"] in (one["key"], two["key"])]
    # another day is another listing (statuses depend on it), and both are kept
    far = _all(c)
    assert len(builds) == 4 and _all(c) == far and _now(c) == after and len(builds) == 4
    assert {t["status"] for t in far} != {t["status"] for t in after}


def test_filters_and_pages_give_what_filtering_every_thread_gives(client):
    every = _all(client)
    parties = client.get("/api/ledger/parties").json()
    assert parties and sum(p["threads"] for p in parties) == len(every)
    assert [p["threads"] for p in parties] == sorted((p["threads"] for p in parties), reverse=True)
    for p in parties:
        r = client.get("/api/ledger", params={**FAR, "who": p["id"], "limit": 1000})
        assert int(r.headers["X-Total-Count"]) == p["threads"]
        assert [t["id"] for t in r.json()] == [t["id"] for t in every if _who(t) == p["id"]]
        assert p["ja"] and p["en"]
    since = sorted(t["entries"][-1]["event_date"] for t in every)[len(every) // 2]
    assert [t["id"] for t in _all(client, since=since)] == [t["id"] for t in every
                                                            if t["entries"][-1]["event_date"] >= since]
    pages, offset = [], 0
    while True:
        r = client.get("/api/ledger", params={**FAR, "limit": 2, "offset": offset})
        pages += r.json()
        if 'rel="next"' not in r.headers.get("Link", ""):
            break
        offset += 2
    assert pages == every


def test_a_known_party_is_named_in_both_languages(client):
    parties = client.get("/api/ledger/parties").json()
    named = [p for p in parties if p["ja"] != p["en"]]
    assert named, parties
    for p in named:
        thread = _all(client, who=p["id"])[0]
        assert thread["names"][thread["actor"]] == {"id": p["id"], "ja": p["ja"], "en": p["en"]}


def test_a_cited_sources_new_title_and_outlet_show_at_the_next_read(archive_copy, make_client):
    c = make_client(archive_copy)
    before = _now(c)
    cited = before[0]["entries"][0]["citations"][0]
    with Store(archive_copy) as other:       # another process rewrites the document's columns
        doc = other.get_document(cited["doc_id"])
        other.restore_document(dataclasses.replace(doc, title="A title written later", site="Later Outlet"))
    after = _now(c)
    shown = [ci for t in after for e in t["entries"] for ci in e["citations"] if ci["doc_id"] == cited["doc_id"]]
    assert shown and {(ci["title"], ci["outlet"]) for ci in shown} == {("A title written later", "Later Outlet")}
    assert (cited["title"], cited["outlet"]) != ("A title written later", "Later Outlet")
    assert after == make_client(archive_copy).get("/api/ledger", params={"limit": 1000}).json()


def test_the_default_page_is_50_threads_with_a_link_to_the_next_while_there_are_more(client):
    spec = client.get("/openapi.json").json()["paths"]["/api/ledger"]["get"]["parameters"]
    assert next(p for p in spec if p["name"] == "limit")["schema"]["default"] == 50
    every = _all(client)
    r = client.get("/api/ledger", params=FAR)
    assert r.json() == every[:50] and int(r.headers["X-Total-Count"]) == len(every)
    assert ('rel="next"' in r.headers.get("Link", "")) == (len(every) > 50)
