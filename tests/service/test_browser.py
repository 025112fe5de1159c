"""End-to-end: Debian's headless Chromium, driven by Playwright, against a real uvicorn server on 127.0.0.1.

No browser is downloaded: Playwright launches /usr/bin/chromium (installed by .ci/run). The tests walk
what an analyst does — timeline, event, a commitment, the cited sentence highlighted and scrolled into
view, search in Japanese, the ledger, the ingest form — check the labels in Japanese and English, show
hostile documents as text, and write screenshots to tests/artifacts/screenshots/.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

from .docs import JA_AU, PAYLOADS
from .helpers import SEEDS

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: install Debian's "
                                                             "chromium (apt-get install chromium), as .ci/run does")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def server(archive, tmp_path_factory):
    """A uvicorn server over a copy of the archive, on a free port of 127.0.0.1, in a thread of this process."""
    import uvicorn

    from kaidan.service.app import create_app

    db = tmp_path_factory.mktemp("browser") / "kaidan.db"
    shutil.copy(archive, db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, server):
    """open_page(path, locale) -> a page with the view drawn; JS errors and dialogs are collected on it."""
    contexts = []

    def open_(path: str = "/", locale: str = "en-US"):
        ctx = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        ctx.set_default_timeout(20_000)
        contexts.append(ctx)
        page = ctx.new_page()
        page.errors, page.dialogs = [], []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(server + path)
        ready(page)
        return page

    yield open_
    for ctx in contexts:
        ctx.close()


def ready(page) -> None:
    page.wait_for_selector("body[data-ready]", state="attached")


def shot(page, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def api(server: str, path: str, **params):
    return httpx.get(server + path, params=params, timeout=30).json()


def pick_event(server: str) -> dict:
    """The seed summit when the seeds are there, else our own Japan-Australia summit."""
    return api(server, "/api/events/" + ("2025-10-28-JP-US" if SEEDS.is_dir() else "2025-09-12-AU-JP"))


def test_timeline_event_commitment_lands_on_the_highlighted_sentence(open_page, server):
    page = open_page("/")
    events = api(server, "/api/events")
    assert page.locator("svg.timeline a.event-mark").count() == len(events)
    assert page.locator("h1").inner_text() == "Timeline of events"
    shot(page, "timeline")

    ev = pick_event(server)
    page.locator(f'svg.timeline a.event-mark[data-event="{ev["id"]}"]').click()
    page.wait_for_selector("#commitments .commitment-link")
    ready(page)
    assert page.url.endswith(f"/events/{ev['id']}")
    assert page.locator("#programme svg.programme rect.bar").count() == sum(1 for s in ev["programme"] if s["start"])
    assert page.locator("#commitments tr.commitment").count() == len(ev["commitments"])
    assert page.locator("#sources li.source").count() == len(ev["sources"])
    assert page.locator("#agreements .group h3").count() == len({(a["topics"] or ["other"])[0] for a in ev["agreements"]})
    shot(page, "event", full_page=True)

    commitment = ev["commitments"][0]
    cite = commitment["citations"][0]
    page.locator("#commitments .commitment-link").first.click()
    mark = page.locator("mark#cited")
    mark.wait_for()
    ready(page)
    assert f"/documents/{cite['doc_id']}" in page.url
    assert mark.inner_text() == cite["evidence"]
    sync_api.expect(mark).to_be_in_viewport()
    doc = api(server, f"/api/documents/{cite['doc_id']}")
    assert page.locator("pre.doc-text").inner_text() == doc["text"]  # the whole text, the mark inside it
    shot(page, "document")
    page.go_back()
    page.wait_for_selector("#commitments")
    assert not page.errors and not page.dialogs


def test_the_ledger_charts_deadlines_and_status(open_page, server):
    page = open_page("/ledger")
    threads = api(server, "/api/ledger")
    page.wait_for_selector("svg.ledger-chart")
    assert page.locator("svg.ledger-chart circle.due").count() == sum(1 for t in threads if t["due"])
    assert page.locator("tr.thread-row").count() == len(threads)
    shot(page, "ledger")
    page.select_option("select[name=status]", "open")
    page.locator("form.filters button").click()
    page.wait_for_url("**/ledger?status=open")
    ready(page)
    rows = page.locator("tr.thread-row .status")
    assert rows.count() == len([t for t in threads if t["status"] == "open"])
    assert not page.errors


def test_search_in_japanese_and_open_a_result(open_page, server):
    page = open_page("/search", locale="ja-JP")
    page.fill("input[name=q]", "防衛費")
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.results li")
    ready(page)
    assert "q=%E9%98%B2%E8%A1%9B%E8%B2%BB" in page.url
    results = page.locator("ol.results li")
    assert results.count() >= 2
    marks = page.locator("ol.results mark").all_inner_texts()
    assert marks and all(m in "防衛費" or "防衛" in m for m in marks)
    shot(page, "search")
    page.select_option("select[name=scope]", "documents")
    page.locator("form.search-form button").click()
    page.wait_for_url("**scope=documents")
    ready(page)
    first = page.locator("ol.results li.kind-document a.snippet").first
    match = first.locator("mark").inner_text()
    first.click()
    page.wait_for_selector("mark#cited")
    assert page.locator("mark#cited").inner_text() == match
    sync_api.expect(page.locator("mark#cited")).to_be_in_viewport()
    assert not page.errors


def test_ingest_a_file_through_the_form_and_see_it_listed(open_page, server, tmp_path):
    path = tmp_path / "kaidan_e2e_readout.txt"
    path.write_text(JA_AU.replace("令和7年9月12日", "令和7年7月1日").replace("9月12日、", "7月1日、"), encoding="utf-8")
    page = open_page("/ingest")
    page.set_input_files(".ingest-file input[type=file]", str(path))
    page.locator(".ingest-file button").click()
    page.wait_for_selector(".ingest-status .ok")
    status = page.locator(".ingest-status").inner_text()
    assert "Stored" in status and "2025-07-01-AU-JP" in status
    page.wait_for_selector(".latest td >> text=upload:kaidan_e2e_readout.txt")
    shot(page, "ingest")
    page.locator("#nav-documents").click()
    page.wait_for_selector("tr.document-row")
    ready(page)
    assert "upload:kaidan_e2e_readout.txt" in page.locator("tr.document-row").first.inner_text()
    page.goto(server + "/")
    ready(page)
    assert page.locator('svg.timeline a.event-mark[data-event="2025-07-01-AU-JP"]').count() == 1
    assert not page.errors


@pytest.mark.parametrize("locale, lang, labels", [
    ("ja-JP", "ja", {"#nav-timeline": "年表", "#nav-ledger": "約束台帳", "#nav-search": "検索", "h1": "会談の年表"}),
    ("en-US", "en", {"#nav-timeline": "Timeline", "#nav-ledger": "Ledger", "#nav-search": "Search",
                     "h1": "Timeline of events"}),
])
def test_labels_follow_the_browsers_language(open_page, locale, lang, labels):
    page = open_page("/", locale=locale)
    assert page.evaluate("document.documentElement.lang") == lang
    for selector, text in labels.items():
        assert page.locator(selector).first.inner_text() == text, selector
    page.locator("#nav-ledger").click()
    page.wait_for_selector("h1")
    ready(page)
    assert page.locator("h1").inner_text() == labels["#nav-ledger"].replace("Ledger", "Commitment ledger")
    assert not page.errors


HOSTILE_DOM = ("#view script, #view img, #view iframe, #view object, #view [onerror], #view [onload], "
               "#view a[href^='javascript:' i]")


def assert_inert(page) -> None:
    page.wait_for_timeout(300)  # time for an onerror/onload to fire, were there one
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.errors == []
    assert page.locator(HOSTILE_DOM).count() == 0
    classes = page.eval_on_selector_all("#view svg", "els => els.map(e => e.getAttribute('class'))")
    assert set(classes) <= {"timeline", "programme", "ledger-chart"}  # only our own charts


def test_hostile_documents_are_shown_as_text_and_never_run(open_page, server):
    docs = api(server, "/api/documents", limit=200)["items"]
    hostile = [d for d in docs if d["source"].endswith(("hostile_ja.txt", "hostile_en.txt"))]
    assert len(hostile) == 2
    for d in hostile:
        doc = api(server, f"/api/documents/{d['id']}")
        commitment = next(c for c in doc["citations"] if c["type"] == "commitments")
        s, e = commitment["offsets"]
        page = open_page(f"/documents/{d['id']}?start={s}&end={e}")
        page.wait_for_selector("mark#cited")
        text = page.locator("pre.doc-text").inner_text()
        assert text == doc["text"] and all(p in text for p in PAYLOADS if p in doc["text"])
        assert page.locator("mark#cited").inner_text() == commitment["evidence"]
        assert "<" in commitment["evidence"] or "javascript:" in commitment["evidence"]
        assert_inert(page)
        if d is hostile[0]:
            shot(page, "hostile_document")
        for ev in d["events"]:
            page = open_page(f"/events/{ev}")
            page.wait_for_selector("#agreements")
            body = page.locator("#view").inner_text()
            assert "<script>" in body or "<img" in body or "javascript:" in body
            assert_inert(page)
    page = open_page("/search?q=pwned")
    page.wait_for_selector("ol.results li")
    assert "window.__pwned" in page.locator("ol.results").inner_text()
    assert_inert(page)
    for path in ("/", "/documents", "/ledger"):
        assert_inert(open_page(path))
