"""POST /api/ledger/KEY/done: mark a promise done with who and a citation; guarded like every change."""
from __future__ import annotations

import json

import pytest

from .helpers import TOKEN

FAR = {"today": "2040-01-01"}  # every deadline past: what is not marked or taken up again is overdue


def _overdue_thread(c):
    threads = c.get("/api/ledger", params=FAR).json()
    return next(t for t in threads if t["status"] == "overdue")


def _cite(c, thread):
    first = thread["entries"][0]["citations"][0]
    return {"doc_id": first["doc_id"], "evidence": first["evidence"]}


def test_marking_done_stores_who_when_and_the_citation_and_the_thread_shows_it(archive_copy, make_client):
    c = make_client(archive_copy)
    thread = _overdue_thread(c)
    assert thread["key"].startswith(thread["entries"][0]["event"] + "~")
    cite = _cite(c, thread)
    r = c.post(f"/api/ledger/{thread['key']}/done", json={"by": "Analyst A", "citation": cite})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "marked done"
    done = r.json()["done"]
    assert done["by"] == "Analyst A" and done["entry"] == thread["key"] and done["at"][:2] == "20"
    text = c.get(f"/api/documents/{cite['doc_id']}").json()["text"]
    s, e = done["citation"]["offsets"]
    assert text[s:e] == cite["evidence"] == done["citation"]["evidence"]
    # read again by a new service over the same file: stored, not overdue, found by the status filter
    again = make_client(archive_copy)
    same = next(t for t in again.get("/api/ledger", params=FAR).json() if t["key"] == thread["key"])
    assert same["status"] == "marked done" and same["done"] == done
    marked = again.get("/api/ledger", params={**FAR, "status": "marked done"}).json()
    assert [t["key"] for t in marked] == [thread["key"]]
    assert thread["key"] not in [t["key"] for t in again.get("/api/ledger", params={**FAR, "status": "overdue"}).json()]


def test_a_url_is_a_citation_too(archive_copy, make_client):
    c = make_client(archive_copy)
    thread = _overdue_thread(c)
    r = c.post(f"/api/ledger/{thread['key']}/done",
               json={"by": "B", "citation": {"url": "https://www.example.org/report", "evidence": "It was done."}})
    assert r.status_code == 200 and r.json()["done"]["citation"] == {"url": "https://www.example.org/report",
                                                                      "evidence": "It was done."}


def test_with_a_token_marking_needs_it(archive_copy, make_client):
    c = make_client(archive_copy, token=TOKEN)
    thread = _overdue_thread(c)
    body = {"by": "A", "citation": _cite(c, thread)}
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        r = c.post(f"/api/ledger/{thread['key']}/done", json=body, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "K602"
    assert c.get("/api/ledger", params={**FAR, "status": "marked done"}).json() == []
    ok = c.post(f"/api/ledger/{thread['key']}/done", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["status"] == "marked done"


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}])
def test_marking_from_another_sites_page_is_refused(archive_copy, make_client, headers):
    c = make_client(archive_copy)
    thread = _overdue_thread(c)
    r = c.post(f"/api/ledger/{thread['key']}/done", json={"by": "A", "citation": _cite(c, thread)}, headers=headers)
    assert r.status_code == 403 and r.json()["error"]["code"] == "K603"
    assert c.get("/api/ledger", params={**FAR, "status": "marked done"}).json() == []


def test_bad_input_gets_one_line_json_errors(archive_copy, make_client):
    c = make_client(archive_copy)
    thread = _overdue_thread(c)
    key, cite = thread["key"], _cite(c, thread)
    cases = [
        (key, {"by": "A", "citation": {}}, 422, "V422"),                                   # neither document nor URL
        (key, {"by": "", "citation": cite}, 422, "V422"),                                  # nobody
        (key, {"by": "A", "citation": {**cite, "extra": 1}}, 422, "V422"),                 # unknown field
        (key, {"by": "A", "citation": {"url": "javascript:alert(1)//x"}}, 422, "V422"),    # not http(s)
        (key, {"by": "A", "citation": {**cite, "evidence": "a sentence it does not have"}}, 422, "K606"),
        (key, {"by": "A", "citation": {"doc_id": "0123456789abcdef"}}, 404, "K601"),      # no such document
        (key.split("~")[0] + "~0123456789", {"by": "A", "citation": cite}, 404, "K601"),  # no such promise
        ("C0001", {"by": "A", "citation": cite}, 422, "V422"),                             # a number, not a key
    ]
    for k, body, status, code in cases:
        r = c.post(f"/api/ledger/{k}/done", json=body)
        assert r.status_code == status, (body, r.text)
        err = r.json()["error"]
        assert err["code"] == code and "\n" not in err["message"] and err["status"] == status, (body, err)
    r = c.post(f"/api/ledger/{key}/done", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "V422"
    assert c.get("/api/ledger", params={**FAR, "status": "marked done"}).json() == []


def test_the_mark_is_kept_by_entry_whatever_the_threads_number(archive_copy, make_client):
    from kaidan.service import marks

    c = make_client(archive_copy)
    thread = _overdue_thread(c)
    c.post(f"/api/ledger/{thread['key']}/done", json={"by": "A", "citation": _cite(c, thread)})
    stored = c.get("/api/ledger", params=FAR).json()
    renumbered = [{**t, "id": f"C{9999 - i:04d}"} for i, t in enumerate(stored)]
    mark = next(t["done"] for t in stored if t["status"] == "marked done")
    again = marks.apply(renumbered, {mark["entry"]: mark})
    assert [t["key"] for t in again if t["status"] == "marked done"] == [thread["key"]]
    assert json.dumps(again[0]["entries"]) == json.dumps(stored[0]["entries"])
