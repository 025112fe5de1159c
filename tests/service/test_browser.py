"""End-to-end: Debian's headless Chromium, driven by Playwright, against a real uvicorn server on 127.0.0.1.

No browser is downloaded: Playwright launches /usr/bin/chromium (installed by .ci/run). The tests walk
what an analyst does — timeline, event, a commitment, the cited sentence highlighted and scrolled into
view, search in Japanese, the ledger, the ingest form — check the labels in Japanese and English, show
hostile documents as text, and write screenshots to tests/artifacts/screenshots/.
"""
from __future__ import annotations

import contextlib

import re
import shutil
import socket
import threading
import time
from contextlib import contextmanager
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


@contextmanager
def serving(db: Path):
    """A uvicorn server over the database, on a free port of 127.0.0.1, in a thread of this process."""
    import uvicorn

    from kaidan.service.app import create_app

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
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def server(archive, tmp_path_factory):
    """The server over a copy of the archive."""
    db = tmp_path_factory.mktemp("browser") / "kaidan.db"
    shutil.copy(archive, db)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def page_opener(browser, base: str, **context_options):
    """open_(path, viewport, locale) -> a page of ``base + path`` in a context of its own, the view drawn; JS
    errors and dialogs (dismissed) are collected on it. The contexts close on leaving."""
    contexts = []

    def open_(path: str, viewport: dict, locale: str):
        ctx = browser.new_context(locale=locale, viewport=viewport, **context_options)
        ctx.set_default_timeout(20_000)
        contexts.append(ctx)
        page = ctx.new_page()
        page.errors, page.dialogs = [], []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(base + path)
        ready(page)
        return page

    try:
        yield open_
    finally:
        for ctx in contexts:
            ctx.close()


@pytest.fixture
def open_page(browser, server):
    """open_page(path, locale) -> a page with the view drawn; JS errors and dialogs are collected on it."""
    with page_opener(browser, server) as open_:
        yield lambda path="/", locale="en-US": open_(path, {"width": 1280, "height": 900}, locale)


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
    page.wait_for_selector("nav.toc")
    ready(page)
    page.locator("button.fold-all").click()  # the sections open folded under their headings
    page.wait_for_selector("#commitments .commitment-link")
    assert page.url.endswith(f"/events/{ev['id']}")
    assert page.locator("#programme svg.programme rect.bar").count() == sum(1 for s in ev["programme"] if s["start"])
    assert page.locator("#commitments tr.commitment").count() == len(ev["commitments"])
    assert page.locator("#sources tr.source").count() == len(ev["sources"])
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


def test_the_ledger_loads_further_pages_and_lists_every_party_while_filtered(open_page, server):
    threads = api(server, "/api/ledger")
    parties = api(server, "/api/ledger/parties")
    assert len(threads) > 4
    page = open_page("/ledger?limit=2")
    page.wait_for_selector("svg.ledger-chart")
    assert page.locator("tr.thread-row").count() == 2
    assert f"2 of {len(threads)}" in page.locator(".ledger-count").inner_text()
    page.locator("button.ledger-more").click()
    sync_api.expect(page.locator("tr.thread-row")).to_have_count(4)
    while page.locator("button.ledger-more").is_visible():
        n = page.locator("tr.thread-row").count()
        page.locator("button.ledger-more").click()
        sync_api.expect(page.locator("tr.thread-row")).to_have_count(min(n + 2, len(threads)))
    shown = page.locator("tr.thread-row").evaluate_all("rows => rows.map((r) => r.dataset.thread)")
    assert shown == [t["id"] for t in threads] and page.locator(".ledger-count").inner_text() == ""
    # filtered by one party, the choice still offers every party, with its count of threads
    pick = parties[-1]
    page = open_page(f"/ledger?who={pick['id']}")
    page.wait_for_selector("tr.thread-row")
    assert page.locator("tr.thread-row").count() == pick["threads"]
    options = page.locator("select[name=who] option").evaluate_all("os => os.map((o) => [o.value, o.textContent])")
    assert [v for v, _ in options[1:]] and sorted(v for v, _ in options[1:]) == sorted(p["id"] for p in parties)
    assert dict(options)[pick["id"]].endswith(f"({pick['threads']})")
    assert page.locator("select[name=who]").input_value() == pick["id"]
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


# ---------------------------------------------------------------- the analyst's page, at desk and phone widths

WIDTHS = {"desk": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
RAW_IDS = ("shared_view", "signed_documents", "JPY_per_USD", "percent_gdp", "duration_minutes", "meetings.start")


@pytest.fixture
def open_at(browser, server):
    """open_at(path, width, locale) -> a page at the desk (1400×900) or phone (390×844) size, view drawn."""
    with page_opener(browser, server) as open_:
        yield lambda path, width="desk", locale="en-US": open_(path, WIDTHS[width], locale)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def main_pages(server) -> dict[str, str]:
    ev = pick_event(server)
    doc = ev["sources"][0]["doc_id"]
    return {"timeline": "/", "event": f"/events/{ev['id']}", "documents": "/documents", "document": f"/documents/{doc}",
            "ledger": "/ledger", "search": "/search?q=%E9%98%B2%E8%A1%9B", "ingest": "/ingest"}


@pytest.mark.parametrize("width", ["desk", "phone"])
def test_every_main_page_fits_its_width_and_is_screenshotted(open_at, server, width):
    for name, path in main_pages(server).items():
        page = open_at(path, width)
        assert no_sideways_scroll(page), f"{name} scrolls sideways at {width} width"
        shot(page, f"{name}_{width}", full_page=name in ("event", "ledger"))
        assert not page.errors, (name, page.errors)


def test_phone_navigation_is_collapsed_behind_a_menu_button(open_at):
    page = open_at("/", "phone")
    menu = page.locator("#menu-toggle")
    sync_api.expect(menu).to_be_visible()
    sync_api.expect(page.locator("#nav")).to_be_hidden()
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    sync_api.expect(page.locator("#nav-ledger")).to_be_visible()
    assert menu.get_attribute("aria-expanded") == "true"
    page.locator("#nav-ledger").click()
    page.wait_for_selector("svg.ledger-chart")
    ready(page)
    sync_api.expect(page.locator("#nav")).to_be_hidden()  # closed again on the new view
    cards = page.locator("table.ledger tr.thread-row").first
    assert cards.evaluate("e => getComputedStyle(e).display") == "block"  # rows become cards
    desk = open_at("/", "desk")
    sync_api.expect(desk.locator("#menu-toggle")).to_be_hidden()
    sync_api.expect(desk.locator("#nav-ledger")).to_be_visible()


SCREEN_FONT_PX = "ts => ts.map(t => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"


def test_charts_keep_their_text_size_on_a_phone_and_scroll_in_their_own_box(open_at, server):
    ev = pick_event(server)
    for path in ("/", "/ledger", f"/events/{ev['id']}#programme"):
        for width in ("desk", "phone"):
            page = open_at(path, width)
            sizes = page.eval_on_selector_all("#view .chart-scroll svg text", SCREEN_FONT_PX)
            assert sizes and min(sizes) >= 10.5, (path, width, min(sizes))  # at its own size, at least
            box = page.locator("#view .chart-scroll").first
            assert box.evaluate("e => e.scrollWidth > e.clientWidth") == (width == "phone"), (path, width)
            assert no_sideways_scroll(page) and not page.errors
    box.evaluate("e => e.scrollLeft = 300")
    box.scroll_into_view_if_needed()
    shot(page, "event_programme_scrolled_phone")


@pytest.mark.parametrize("locale, summary, leaders", [("en-US", "At a glance", "Leaders"), ("ja-JP", "概要", "首脳")])
def test_the_event_opens_on_its_summary_with_labels_in_the_readers_language(open_at, server, locale, summary, leaders):
    ev = pick_event(server)
    page = open_at(f"/events/{ev['id']}", "desk", locale)
    assert page.locator("#summary h2").inner_text() == summary
    assert leaders in page.locator("#summary dl").inner_text()
    top = {sel: page.locator(sel).bounding_box()["y"] for sel in ("#summary", "nav.toc", "#programme", "#conflicts")}
    assert top["#summary"] < top["nav.toc"] < top["#programme"] < top["#conflicts"]
    assert top["#summary"] < 400  # the summary is the first thing seen
    sources = page.locator("#summary ol.source-index li")
    assert sources.count() == len(ev["sources"])
    assert page.locator("#summary .conflict-list li").count() == len(ev["conflicts"])
    assert page.locator("#summary .signed-list li").count() == len(ev["signed_documents"])
    toc = page.locator("nav.toc a.toc-link")
    assert toc.count() == 8 and toc.first.get_attribute("href") == "#programme"
    page.locator("button.fold-all").click()  # every section open: every label and marker on screen
    text = page.locator("#view").inner_text()
    for raw in RAW_IDS:
        assert raw not in text, raw
    assert not re.search(r"\d count\b", text)
    # every citation marker [n] is the n-th source listed in the summary, and says its name
    names = [sources.nth(i).locator(".source-title").inner_text() for i in range(sources.count())]
    for cite in page.locator("#view a.cite").all()[:40]:
        n = int(cite.inner_text().strip("[]"))
        assert 1 <= n <= len(names) and names[n - 1] in cite.get_attribute("aria-label")
    toc.nth(6).click()  # to the conflicts: the view stays, scrolled to the section
    page.wait_for_timeout(200)
    sync_api.expect(page.locator("#conflicts h2")).to_be_in_viewport()
    assert page.locator("#summary").count() == 1 and not page.errors


@pytest.mark.parametrize("locale, japanese", [("en-US", "Japanese"), ("ja-JP", "日本語")])
def test_no_page_shows_a_raw_identifier(open_at, server, locale, japanese):
    pages = main_pages(server)
    for name in ("timeline", "documents", "document", "ledger", "search"):
        page = open_at(pages[name], "desk", locale)
        text = page.locator("#view").inner_text()
        for raw in RAW_IDS + ("defense_spending", "critical_minerals"):
            assert raw not in text, (name, raw)
        assert not re.search(r"\d count\b", text), name
        assert not page.errors
    langs = set(open_at(pages["documents"], "desk", locale).locator("tr.document-row td.lang").all_inner_texts())
    assert japanese in langs and not langs & {"ja", "en", "mixed"}  # a language by its name, not its code


def test_sources_show_outlet_title_and_date_never_a_server_path(open_at, server, archive):
    folders = (str(archive.parent.parent), "/tmp/", "/work/")
    docs = api(server, "/api/documents", limit=200)["items"]
    au = next(d for d in docs if d["source"] == "ja_au.txt")
    page = open_at("/documents")
    row = page.locator(f'tr.document-row:has(a[href="/documents/{au["id"]}"])')
    assert row.locator("td.published").inner_text() == au["published"] == "2025-09-12"
    pages = [page, open_at(f"/documents/{au['id']}"), open_at(f"/events/{au['events'][0]}"),
             open_at("/search?q=%E9%98%B2%E8%A1%9B%E8%B2%BB")]
    assert pages[1].locator("dd.published").inner_text() == "2025-09-12"
    assert "2025-09-12" in pages[3].locator("ol.results li .where").first.inner_text() or \
        any("2025-09-12" in w for w in pages[3].locator("ol.results li .where").all_inner_texts())
    for p in pages:
        text = p.locator("body").inner_text()
        assert not any(f in text for f in folders), p.url


def test_the_ledger_names_each_promise_and_shows_every_thread(open_at, server):
    threads = api(server, "/api/ledger")
    page = open_at("/ledger", "desk")
    labels = page.locator("svg.ledger-chart a.thread text.row-label").all_text_contents()
    assert len(labels) == len(threads)  # threads without a deadline are drawn too
    assert not any(re.fullmatch(r"C\d{4}", x) for x in labels)
    undated = [t for t in threads if not t["due"]]
    if undated:
        assert f"({len(undated)})" in page.locator("svg.ledger-chart text.group-label").text_content()
    # the axis fits the deadlines: no tick beyond ten years from now
    years = [int(y[:4]) for y in page.locator("svg.ledger-chart text.tick").all_text_contents() if y[:4].isdigit()]
    assert years and max(years) <= time.gmtime().tm_year + 11
    for row in page.locator("tr.thread-row").all()[:20]:
        dates = row.locator("ol.entries .entry-date").all_inner_texts()
        assert dates == sorted(dates, reverse=True)  # newest first, each with its date
    first = page.locator("tr.thread-row td.promise").first.inner_text()
    assert not re.fullmatch(r"C\d{4}", first.strip())
    assert not page.errors


def _contrast(fg: str, bg: str) -> float:
    def lum(css: str) -> float:
        r, g, b = [int(x) / 255 for x in re.findall(r"[\d.]+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


BACKGROUND_JS = """e => { let n = e; while (n) { const c = getComputedStyle(n).backgroundColor;
  if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; n = n.parentElement; } return 'rgb(255, 255, 255)'; }"""


def test_text_contrast_is_aa_and_due_soon_is_readable(open_at, server):
    page = open_at("/ledger")
    soon = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--soon').trim()")
    rgb = tuple(int(soon[i:i + 2], 16) for i in (1, 3, 5))
    assert _contrast(f"rgb{rgb}", "rgb(255, 255, 255)") >= 4.5
    checked = 0
    for path in ("/ledger", "/documents", f"/events/{pick_event(server)['id']}"):
        page = open_at(path)
        for el in page.locator("#view .muted, #view .status, #view a, #view th, #view .badge, .top a").all()[:80]:
            if not el.is_visible():
                continue
            fg = el.evaluate("e => getComputedStyle(e).color")
            bg = el.evaluate(BACKGROUND_JS)
            assert _contrast(fg, bg) >= 4.5, (path, el.inner_text()[:40], fg, bg)
            checked += 1
    assert checked > 50


def test_skip_link_labelled_controls_and_focus_on_the_new_heading(open_at):
    page = open_at("/search?q=%E4%BC%9A%E8%AB%87")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "skip"
    sync_api.expect(page.locator("#skip")).to_be_in_viewport()
    assert page.get_by_label("Search in").evaluate("e => e.tagName") == "SELECT"
    assert page.get_by_label("Sort").evaluate("e => e.tagName") == "SELECT"
    page.locator("#nav-documents").click()
    page.wait_for_selector("tr.document-row")
    ready(page)
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert page.evaluate("document.activeElement.textContent") == "Documents"


def test_errors_are_shown_in_the_readers_language(open_at, tmp_path):
    page = open_at("/events/1999-01-01", "desk", "ja-JP")
    assert "見つかりません" in page.locator("#view .error").inner_text()
    page = open_at("/ingest", "phone", "ja-JP")
    page.fill(".ingest-url input[type=url]", "http://127.0.0.1:9/readout.html")
    page.locator(".ingest-url button").click()
    page.wait_for_selector(".ingest-status .error")
    status = page.locator(".ingest-status .error").inner_text()
    assert "このURLは取得しません" in status and "K604" in status
    shot(page, "ingest_error_phone")
    # bytes that no encoding reads as text: the reason in Japanese too (the server's English words below it)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    page.set_input_files(".ingest-file input[type=file]", str(binary))
    page.locator(".ingest-file button").click()
    page.wait_for_selector(".ingest-status .error.failed")
    status = page.locator(".ingest-status .error").inner_text()
    assert "文書の文字コードを読み取れませんでした" in status and "K104" in status and "convert the file" in status
    assert not page.errors


def test_search_with_a_phrase_a_filter_and_sorting(open_at, server):
    page = open_at("/search")
    page.fill("input[name=q]", '"critical minerals" OR 重要鉱物')
    page.fill("input[name=date_from]", "2025-01-01")
    page.select_option("select[name=sort]", "date")
    page.locator("form.search-form button").click()
    page.wait_for_selector("ol.results li")
    ready(page)
    assert "sort=date" in page.url and "date_from=2025-01-01" in page.url
    expected = api(server, "/api/search", q='"critical minerals" OR 重要鉱物', date_from="2025-01-01", sort="date",
                   limit=50)["results"]
    assert page.locator("ol.results li").count() == len(expected) > 0
    assert page.locator("select[name=sort]").input_value() == "date"
    shot(page, "search_filtered")
    assert not page.errors


def test_a_long_source_name_stays_inside_the_page(open_at, server):
    name = ("a" * 60) + "_" + ("b" * 55) + ".txt"
    r = httpx.post(server + "/api/ingest/file", timeout=60,
                   files={"file": (name, JA_AU.replace("日豪首脳会談", "日豪首脳会談" + "あ" * 120).encode(), "text/plain")})
    assert r.json()["status"] == "stored", r.text
    for width in ("desk", "phone"):
        page = open_at("/documents", width)
        assert page.locator("tr.document-row", has_text="a" * 60).count() == 1
        assert no_sideways_scroll(page), width


@pytest.mark.parametrize("locale, label", [("en-US", "issued jointly, not signed"), ("ja-JP", "共同で発出（署名なし）")])
def test_a_joint_statement_the_leaders_issued_is_listed_as_issued_not_signed(open_at, server, locale, label):
    if not SEEDS.is_dir():
        pytest.skip("the seeds (../shared/corpus/seeds), whose 7 February summit issued a joint statement, are absent")
    ev = api(server, "/api/events/2025-02-07-JP-US")
    assert [d["issued"] for d in ev["signed_documents"]] == [True]
    page = open_at(f"/events/{ev['id']}", "desk", locale)
    page.locator("button.fold-all").click()
    assert label in page.locator("#signed").inner_text()
    assert not page.errors
