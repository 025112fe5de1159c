"""Where a document came from: ingest records its title, outlet, URL and publication date, the API returns
them, and no response carries a path of the server's disk."""
from __future__ import annotations

import json

import httpx
import pytest

from kaidan.ingest import load
from kaidan.ingest.document import text_metadata
from kaidan.service.public import outlet, scrub, source_label

from .helpers import TOKEN, fake_resolver, readout_transport


@pytest.mark.parametrize("text, title, published", [
    ("Japan-Chile Summit Meeting\nMarch 4, 2025\nOn March 4, the two leaders met.", "Japan-Chile Summit Meeting",
     "2025-03-04"),
    ("日智首脳会談\n\n令和7年3月4日\n3月4日、両首脳は会談しました。", "日智首脳会談", "2025-03-04"),
    ("日智首脳会談\n2025年3月4日（火）\n本文。", "日智首脳会談", "2025-03-04"),
    ("Leaders meet\nPublished: 4 March 2025 10:30 GMT\nText.", "Leaders meet", "2025-03-04"),
    ("2025年3月4日\n日智首脳会談\n本文。", "日智首脳会談", "2025-03-04"),  # the dateline is not the title
    # a date inside a sentence is not a dateline, and a later dateline does not count after it
    ("Leaders meet\nOn March 4, 2025 the two leaders met.\nMarch 5, 2025\n", "Leaders meet", None),
    ("|\n▼\nA title after marks\n", "A title after marks", None),
])
def test_text_title_and_dateline(text, title, published):
    assert text_metadata(text) == (title, published)


def test_html_metadata_comes_from_the_page(tmp_path):
    page = tmp_path / "readout.html"
    body = "".join(f"<p>The two leaders confirmed that they would strengthen cooperation in area {i}.</p>"
                   for i in range(8))
    page.write_text(
        "<html><head><title>Japan-Chile Summit | Ministry</title>"
        '<meta property="og:title" content="Japan-Chile Summit Meeting">'
        '<meta property="og:site_name" content="Ministry of Foreign Affairs of Japan">'
        '<meta property="article:published_time" content="2025-03-04T10:00:00+09:00">'
        f"</head><body><article><h1>Japan-Chile Summit Meeting</h1>{body}</article></body></html>",
        encoding="utf-8")
    doc = load(str(page))
    assert doc.title == "Japan-Chile Summit Meeting"
    assert doc.site == "Ministry of Foreign Affairs of Japan"
    assert doc.published == "2025-03-04"
    assert doc.url is None


def test_a_fetched_text_keeps_its_url_and_its_host_as_outlet():
    from .docs import EN_IN

    client = httpx.Client(transport=readout_transport(EN_IN))
    doc = load("https://www.example.org/readouts/in.txt", client=client)
    assert doc.url == "https://www.example.org/readouts/in.txt"
    assert doc.site == "example.org"
    assert doc.title == "Japan-India Summit Telephone Talk" and doc.published == "2025-03-03"


def test_source_label_and_outlet():
    assert source_label("/srv/data/readouts/ja_au.txt") == "ja_au.txt"
    assert source_label("C:\\data\\ja_au.txt") == "ja_au.txt"
    assert source_label("upload:ja_au.txt") == "upload:ja_au.txt"
    assert source_label("https://example.org/a/b.html") == "https://example.org/a/b.html"
    assert outlet({"site": "NHK", "url": "https://www3.nhk.or.jp/x"}) == "NHK"
    assert outlet({"url": "https://www.mofa.go.jp/x"}) == "mofa.go.jp"
    assert outlet({"source": "/srv/a.txt"}) is None
    assert scrub("/srv/db/kaidan.db: search failed", "/srv/db/kaidan.db") == "kaidan.db: search failed"


def _every_response(client) -> list[str]:
    """The bodies of every read route, for every event and document of the archive."""
    bodies = []

    def get(path, **params):
        r = client.get(path, params=params)
        assert r.status_code == 200, (path, r.text[:200])
        bodies.append(r.text)
        return r.json()

    events = get("/api/events")
    for ev in events:
        get(f"/api/events/{ev['id']}")
    docs = get("/api/documents", limit=500)["items"]
    for d in docs:
        get(f"/api/documents/{d['id']}")
    for kind in ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities"):
        get(f"/api/facts/{kind}", limit=500)
    for q in ("会談", "leaders", "防衛費"):
        get("/api/search", q=q, limit=100)
    get("/api/ledger")
    get("/api/conflicts")
    get("/api/info")
    return bodies


def test_no_response_carries_a_server_path(client, archive):
    folders = {str(archive.parent), str(archive.parent.parent), "/work/", "/tmp/", "/home/"}
    for body in _every_response(client):
        for folder in folders:
            assert folder not in body and json.dumps(folder)[1:-1] not in body


def test_sources_of_an_event_carry_title_date_and_language(client):
    ev = client.get("/api/events/2025-09-12-AU-JP").json()
    src = ev["sources"][0]
    assert src["source"] == "ja_au.txt" and src["title"] == "日豪首脳会談"
    assert src["published"] == "2025-09-12" and src["lang"] == "ja" and src["outlet"] is None
    docs = client.get("/api/documents", params={"limit": 100}).json()["items"]
    au = next(d for d in docs if d["source"] == "ja_au.txt")
    assert au["published"] == "2025-09-12" and au["title"] == "日豪首脳会談"


def test_an_error_message_does_not_show_the_database_path(make_client, archive_copy):
    from kaidan.errors import StoreError

    c = make_client(archive_copy)

    @c.app.get("/api/boom")
    def boom():
        raise StoreError(f"{archive_copy}: database error (disk I/O error)")

    body = c.get("/api/boom").text
    assert "kaidan.db: database error" in body and str(archive_copy.parent) not in body


def test_a_fetched_page_is_listed_by_its_outlet(make_client, archive_copy):
    from .docs import EN_IN

    body = EN_IN.replace("March 3", "March 9").replace("Telephone Talk", "Telephone Talk (2)")
    c = make_client(archive_copy, token=TOKEN, resolver=fake_resolver(),
                    client=httpx.Client(transport=readout_transport(body)))
    r = c.post("/api/ingest/url", json={"url": "https://www.example.org/in.txt"},
               headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert r["status"] == "stored"
    doc = c.get(f"/api/documents/{r['doc_id']}").json()
    assert doc["outlet"] == "example.org" and doc["url"] == "https://www.example.org/in.txt"
    assert doc["published"] == "2025-03-09" and doc["source"] == "https://www.example.org/in.txt"
