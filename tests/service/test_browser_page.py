"""The analyst's page, continued (Debian's headless Chromium, at 1400×900 and 390×844): the document keeps its
title and source in sight and marks the fact pointed at in its side list; one party is one row whatever the
script; the event's tables sort, filter and export what is shown; a promise is marked done from the ledger;
the event page opens short, folded under its contents; each fact lists the sources it rests on.

Tests that change the data run on their own server (``writable``), over another copy of the archive.
"""
from __future__ import annotations

import csv
import io
import json
import shutil

import httpx
import pytest

from .docs import JA_AU
from .helpers import SEEDS
from .test_browser import (CHROMIUM, SHOTS, WIDTHS, api, browser, no_sideways_scroll, open_at,  # noqa: F401
                           page_opener, pick_event, ready, server, serving, shot, sync_api)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: install Debian's "
                                                             "chromium (apt-get install chromium), as .ci/run does")

# The Japan-Australia summit of docs.JA_AU as an English readout would tell it (sentences written for this test).
EN_AU = """Japan-Australia Summit Meeting

September 12, 2025

On September 12, commencing at 11:00 a.m. for approximately 50 minutes, Mr. ISHIBA Shigeru, Prime Minister of Japan, held a summit meeting with the Hon. Anthony Albanese MP, Prime Minister of Australia.

The two leaders confirmed that they would further strengthen defence cooperation, including increased defence spending.
Prime Minister Ishiba stated that Japan would jointly develop defence equipment worth a total of 200 billion yen by FY2027.
Prime Minister Albanese stated that he highly valued defence cooperation with Japan.
Japan will host a meeting of energy ministers in Tokyo next spring.
Prime Minister Ishiba expressed his intention to visit Canberra next year.
"""
# The same summit told without any date: placed in the event by what it shares with the event's sources.
UNDATED_AU = """日豪首脳会談について

石破茂内閣総理大臣は、アンソニー・アルバニージー豪州首相と日豪首脳会談を行いました。

両首脳は、防衛費の増額を含む防衛協力を一層強化していくことで一致しました。
石破総理大臣から、日本は2027年度までに総額2000億円の防衛装備品の共同開発を進める考えを伝えました。
"""
AU = "2025-09-12-AU-JP"


@pytest.fixture(scope="module")
def writable(archive, tmp_path_factory):
    """A server of its own over a copy of the archive, with the English and the undated Australia readouts added."""
    db = tmp_path_factory.mktemp("writable") / "kaidan.db"
    shutil.copy(archive, db)
    with serving(db) as url:
        for name, text in (("en_au_readout.txt", EN_AU), ("undated_au.txt", UNDATED_AU)):
            r = httpx.post(url + "/api/ingest/file", files={"file": (name, text.encode(), "text/plain")}, timeout=120)
            assert r.json()["status"] == "stored" and AU in r.json()["events"], r.text
        yield url


@pytest.fixture
def open_on(browser, writable):  # noqa: F811
    """open_on(path, width, locale) -> a page of this module's own server, downloads accepted."""
    with page_opener(browser, writable, accept_downloads=True) as open_:
        yield lambda path, width="desk", locale="en-US": open_(path, WIDTHS[width], locale)


def open_section(page, key: str) -> None:
    page.locator(f'nav.toc a.toc-link[href="#{key}"]').click()
    sync_api.expect(page.locator(f"details#{key}")).to_have_attribute("open", "")


# ---------------------------------------------------------------- 1. the document view

@pytest.mark.parametrize("width", ["desk", "phone"])
def test_the_document_keeps_title_and_source_in_sight_and_marks_the_fact_in_its_list(open_at, server, width):  # noqa: F811
    ev = pick_event(server)
    docs = [api(server, f"/api/documents/{s['doc_id']}") for s in ev["sources"]]
    doc = max(docs, key=lambda d: len(d["citations"]))
    facts = [c for c in doc["citations"] if c["offsets"]]
    fact = facts[len(facts) * 3 // 4]  # far down the side list
    s, e = fact["offsets"]
    page = open_at(f"/documents/{doc['id']}?start={s}&end={e}", width)
    current = page.locator("aside.doc-facts li.doc-fact.current")
    assert current.count() == 1 and current.get_attribute("aria-current") == "true"
    assert f"start={s}&end={e}" in current.locator("a").get_attribute("href")
    # the side list scrolled to it: the item lies inside the list's visible part
    inside = page.evaluate("""() => { const a = document.querySelector('aside.doc-facts'),
        li = a.querySelector('li.current'); const top = li.offsetTop - a.scrollTop;
        return [a.scrollTop, top >= 0 && top + li.offsetHeight <= a.clientHeight]; }""")
    assert inside[0] > 0 and inside[1], inside
    head = page.locator("header.doc-head")
    mark = page.locator("mark#cited")
    sync_api.expect(mark).to_be_in_viewport()
    for y in (600, 2500):  # reading further down: the header stays at the top of the window
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(100)
        assert page.evaluate("window.scrollY") > 300
        box = head.bounding_box()
        assert abs(box["y"]) <= 1 and box["height"] < 120, box
        sync_api.expect(head.locator("h1")).to_be_in_viewport()
    assert head.locator(".doc-source").inner_text().startswith((doc["outlet"] or doc["source"])[:10]) or \
        doc["source"] in head.locator(".doc-source").inner_text()
    mark.scroll_into_view_if_needed()
    page.evaluate("document.getElementById('cited').scrollIntoView({block: 'start'})")
    assert mark.bounding_box()["y"] >= head.bounding_box()["y"] + head.bounding_box()["height"] - 1  # not under it
    assert no_sideways_scroll(page) and not page.errors
    page.evaluate("window.scrollTo(0, 900)")
    shot(page, f"document_sticky_{width}")


# ---------------------------------------------------------------- 2. one party, one row

@pytest.mark.parametrize("width, locale, ishiba, japan", [("desk", "en-US", "Shigeru Ishiba", "Japan"),
                                                         ("phone", "ja-JP", "石破茂", "日本")])
def test_one_party_is_one_row_whatever_the_script(open_on, writable, width, locale, ishiba, japan):
    ev = api(writable, f"/api/events/{AU}")
    speakers = {st["speaker"] for st in ev["statements"] if ev["names"].get(st["speaker"], {}).get("id") == "ishiba"}
    assert len(speakers) >= 2 and any(x.isascii() for x in speakers) and not all(x.isascii() for x in speakers)
    actors = {c["actor"] for c in ev["commitments"] if ev["names"].get(c["actor"], {}).get("id") == "country:JP"}
    assert {"日本", "Japan"} <= actors
    page = open_on(f"/events/{AU}", width, locale)
    page.locator("button.fold-all").click()
    groups = page.locator("#statements .group.speaker")
    keys = [groups.nth(i).get_attribute("data-party") for i in range(groups.count())]
    assert len(keys) == len(set(keys)) and "ishiba" in keys
    assert page.locator('#statements .group.speaker[data-party="ishiba"] h3').inner_text() == ishiba
    assert set(page.locator('#commitments .party[data-party="country:JP"]').all_inner_texts()) == {japan}
    leaders = page.locator("#summary dl dd").first.inner_text()
    assert leaders.count(ishiba) == 1
    assert no_sideways_scroll(page) and not page.errors
    page.locator("details#statements summary").scroll_into_view_if_needed()
    shot(page, f"event_one_party_{width}")


# ---------------------------------------------------------------- 3. tables: sort, filter, export

def _rows(page, key: str, col: str) -> list[str]:
    cell = f'#{key} td[data-col="{col}"]' + (" .fact-text" if col == "text" else "")
    return page.locator(cell).all_inner_texts()


@pytest.mark.parametrize("width", ["desk", "phone"])
def test_event_tables_sort_filter_and_export_what_is_shown(open_at, server, width, tmp_path):  # noqa: F811
    ev = pick_event(server)
    page = open_at(f"/events/{ev['id']}", width)
    open_section(page, "commitments")
    items = ev["commitments"]
    assert len(_rows(page, "commitments", "text")) == len(items) > 3
    by_amount = sorted((c for c in items if c["amount"]), key=lambda c: c["amount"]["value"])
    blanks = [c["text"] for c in items if not c["amount"]]
    if width == "desk":  # a click on a header sorts, a second the other way
        page.locator('#commitments th[data-col="amount"] button.sort').click()
        assert page.locator('#commitments th[data-col="amount"]').get_attribute("aria-sort") == "ascending"
    else:  # on a phone the rows are cards without a header row: the select sorts
        sync_api.expect(page.locator('#commitments th[data-col="amount"] button.sort')).not_to_be_in_viewport()
        page.locator("#commitments select.table-sort").select_option("amount:1")
    texts = _rows(page, "commitments", "text")
    assert texts[:len(by_amount)] == [c["text"] for c in by_amount] and sorted(texts[len(by_amount):]) == sorted(blanks)
    if width == "desk":
        page.locator('#commitments th[data-col="amount"] button.sort').click()
    else:
        page.locator("#commitments select.table-sort").select_option("amount:-1")
    assert _rows(page, "commitments", "text")[:len(by_amount)] == [c["text"] for c in reversed(by_amount)]
    # the filter box: every word must appear in some column
    word = "防衛"
    assert not any(word in (s.get("title") or "") for s in ev["sources"])
    page.locator("#commitments input.table-filter").fill(word)
    shown = _rows(page, "commitments", "text")
    expected = [c for c in reversed(by_amount) if word in c["text"]] + [c for c in items if not c["amount"] and word in c["text"]]
    assert sorted(shown) == sorted(c["text"] for c in expected) and 0 < len(shown) < len(items)
    assert page.locator("#commitments .table-count").inner_text().startswith(f"{len(shown)} / {len(items)}")
    # export: the rows shown, in the order shown
    with page.expect_download() as dl:
        page.locator("#commitments button.export-csv").click()
    assert dl.value.suggested_filename == f"{ev['id']}-commitments.csv"
    path = tmp_path / "out.csv"
    dl.value.save_as(path)
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert table[0] == ["actor", "text", "amount", "deadline", "support", "sources"]
    assert [r[1] for r in table[1:]] == shown
    assert all(r[5].startswith("[") for r in table[1:])
    with page.expect_download() as dl:
        page.locator("#commitments button.export-json").click()
    path = tmp_path / "out.json"
    dl.value.save_as(path)
    records = json.loads(path.read_text(encoding="utf-8"))
    assert [r["text"] for r in records] == shown
    assert records == [next(c for c in items if c["text"] == t) for t in shown]  # the facts as the API gives them
    # the other tables of the page have the same tools
    open_section(page, "sources")
    page.locator("#sources input.table-filter").fill(ev["sources"][0]["lang"])
    assert page.locator("#sources tr.source").count() == sum(1 for s in ev["sources"] if s["lang"] == ev["sources"][0]["lang"])
    assert no_sideways_scroll(page) and not page.errors
    page.locator("#commitments").scroll_into_view_if_needed()
    shot(page, f"event_table_tools_{width}")


# ---------------------------------------------------------------- 4. the ledger: marked done

@pytest.mark.parametrize("width", ["desk", "phone"])
def test_a_promise_is_marked_done_with_a_citation_from_the_ledger(open_on, writable, width):
    threads = api(writable, "/api/ledger")
    todo = [t for t in threads if t["status"] in ("open", "due soon", "overdue") and t["entries"][0]["citations"]]
    thread = todo[0 if width == "desk" else 1]
    cite = thread["entries"][0]["citations"][0]
    page = open_on("/ledger", width)
    row = page.locator(f'tr.thread-row[data-thread="{thread["id"]}"]')
    row.locator("button.mark-done").click()
    form = row.locator("form.done-form")
    sync_api.expect(form).to_be_visible()
    form.locator("input[name=by]").fill("Tester")
    form.locator("input[name=source]").fill(cite["doc_id"])
    form.locator("textarea[name=evidence]").fill("a sentence this document does not have")
    form.locator("button[type=submit]").click()
    sync_api.expect(form.locator(".error")).to_contain_text("K606")  # refused, said why, nothing stored
    assert api(writable, "/api/ledger", status="marked done") == [] or \
        thread["key"] not in [t["key"] for t in api(writable, "/api/ledger", status="marked done")]
    form.locator("textarea[name=evidence]").fill(cite["evidence"])
    form.locator("button[type=submit]").click()
    page.wait_for_selector(f'tr.thread-row[data-thread="{thread["id"]}"] li.done-entry')
    ready(page)
    row = page.locator(f'tr.thread-row[data-thread="{thread["id"]}"]')
    assert row.locator("td .status").first.inner_text() == "marked done"
    done = row.locator("li.done-entry")
    assert "Marked done by Tester" in done.inner_text() and cite["evidence"] in done.inner_text()
    s, e = cite["offsets"]
    assert f"start={s}&end={e}" in done.locator("a.done-cite").get_attribute("href")
    stored = next(t for t in api(writable, "/api/ledger") if t["key"] == thread["key"])
    assert stored["status"] == "marked done" and stored["done"]["by"] == "Tester"
    assert no_sideways_scroll(page) and not page.errors
    row.scroll_into_view_if_needed()
    shot(page, f"ledger_marked_done_{width}")


# ---------------------------------------------------------------- 5. a shorter event page

SEED_EVENTS = ("2025-02-07-JP-US", "2025-10-28-JP-US")


def test_the_event_page_opens_folded_under_its_contents_and_is_short(open_at, server):  # noqa: F811
    heights = {}
    for ev in api(server, "/api/events"):
        page = open_at(f"/events/{ev['id']}", "desk")
        folded = page.evaluate("document.documentElement.scrollHeight")
        assert page.locator("details.fold[open]").count() == 0
        page.locator("button.fold-all").click()
        assert page.locator("details.fold:not([open])").count() == 0
        unfolded = page.evaluate("document.documentElement.scrollHeight")
        heights[ev["id"]] = {"folded": folded, "open": unfolded}
        assert folded <= unfolded and folded < 2 * 900 + 200, (ev["id"], folded)  # about two screens at most
    (SHOTS.parent).mkdir(parents=True, exist_ok=True)
    (SHOTS.parent / "event_heights_1400x900.json").write_text(json.dumps(heights, indent=1) + "\n")
    if all(e in heights for e in SEED_EVENTS):
        assert all(heights[e]["open"] > heights[e]["folded"] + 1500 for e in SEED_EVENTS), heights
    # a link of the contents opens its section and scrolls to it
    ev = pick_event(server)
    for width in ("desk", "phone"):
        page = open_at(f"/events/{ev['id']}", width)
        if width == "phone":
            assert page.evaluate("document.documentElement.scrollHeight") < 5000
        page.locator('nav.toc a.toc-link[href="#statements"]').click()
        sync_api.expect(page.locator("details#statements")).to_have_attribute("open", "")
        sync_api.expect(page.locator("#statements .group").first).to_be_in_viewport()
        page.locator("details#statements > summary").click()  # and its heading folds it again
        sync_api.expect(page.locator("#statements .group").first).to_be_hidden()
        page.evaluate("window.scrollTo(0, 0)")
        shot(page, f"event_folded_{width}", full_page=True)
        assert not page.errors


# ---------------------------------------------------------------- 6. the sources of each fact

@pytest.mark.parametrize("width", ["desk", "phone"])
def test_each_fact_lists_the_sources_it_rests_on(open_on, writable, width):
    ev = api(writable, f"/api/events/{AU}")
    by_id = {s["doc_id"]: s for s in ev["sources"]}
    assert sorted(s["placed_by"] for s in ev["sources"]) == ["content", "date", "date"]
    page = open_on(f"/events/{AU}", width)
    page.locator("button.fold-all").click()
    checked = 0
    for kind, selector in (("agreements", "#agreements li.fact"), ("statements", "#statements li.fact"),
                           ("commitments", "#commitments tr.fact")):
        rows = page.locator(selector)
        assert rows.count() == len(ev[kind])
        for i in range(rows.count()):  # grouped by topic or speaker: each row found back by its words
            words = rows.nth(i).locator(".fact-text").first.inner_text()
            fact = next(f for f in ev[kind] if f["text"] == words)
            texts = rows.nth(i).locator("ul.rests-on li.rest")
            docs = list(dict.fromkeys(c["doc_id"] for c in fact["citations"]))
            assert [texts.nth(j).get_attribute("data-doc") for j in range(texts.count())] == docs
            for j, d in enumerate(docs):
                line = texts.nth(j).inner_text()
                src = by_id[d]
                assert (src["outlet"] or "") in line and (src["published"] or "") in line
                assert line.split(" · ")[-1 if src["placed_by"] != "content" else -2] in ("Japanese", "English")
                assert ("placed by content" in line) == (src["placed_by"] == "content")
                checked += 1
    assert checked >= 6
    assert page.locator("#view ul.rests-on .by-content").count() >= 1
    assert page.locator("#sources tr.source .by-content").count() == 1
    assert no_sideways_scroll(page) and not page.errors
    page.locator("#agreements").scroll_into_view_if_needed()
    shot(page, f"event_sources_per_fact_{width}")


def test_a_link_to_a_section_opens_it_folded_or_not(open_at, server):  # noqa: F811
    ev = pick_event(server)
    page = open_at(f"/events/{ev['id']}#conflicts", "phone")
    sync_api.expect(page.locator("details#conflicts")).to_have_attribute("open", "")
    sync_api.expect(page.locator("details#conflicts > summary h2")).to_be_in_viewport()
    assert page.locator("details.fold[open]").count() == 1
    page.locator("details#conflicts > summary").click()  # folded again
    sync_api.expect(page.locator("details#conflicts")).not_to_have_attribute("open", "")
    links = page.locator('#summary a[href="#quantities"], #summary a[href="#conflicts"]')  # the summary's links
    if SEEDS.is_dir():  # the seed summit has both (our own Japan-Australia summit neither)
        page.evaluate("window.scrollTo(0, 0)")
        links.first.click()
        assert page.locator("details.fold[open]").count() == 1
    assert not page.errors


# ---------------------------------------------------------------- 7. the ledger: one party, one row, one choice

def _party(thread: dict) -> str:
    return (thread["names"].get(thread["actor"]) or {}).get("id") or thread["actor"]


@pytest.mark.parametrize("width, locale, japan", [("desk", "en-US", "Japan"), ("phone", "ja-JP", "日本")])
def test_the_ledger_shows_one_party_as_one_name_and_one_filter_value(open_at, server, width, locale, japan,  # noqa: F811
                                                                     tmp_path):
    threads = api(server, "/api/ledger")
    jp = [t for t in threads if _party(t) == "country:JP"]
    assert {"日本", "Japan"} <= {t["actor"] for t in jp}  # both scripts are in the data
    page = open_at("/ledger", width, locale)
    values = [v for v in page.locator("select[name=who] option").evaluate_all("os => os.map(o => o.value)") if v]
    assert len(values) == len(set(values)) and set(values) == {_party(t) for t in threads}
    assert page.locator('select[name=who] option[value="country:JP"]').inner_text() == f"{japan} ({len(jp)})"
    who = page.locator('tr.thread-row td[data-col="actor"] .party[data-party="country:JP"]').all_inner_texts()
    assert who == [japan] * len(jp)
    said = page.locator('ol.entries .entry-actor[data-party="country:JP"]').all_inner_texts()
    assert said and {x.strip() for x in said} == {f"{japan}:"}
    by_id = {t["id"]: t for t in threads}
    for row in page.locator("tr.thread-row").all()[:10]:  # each entry with its date, who said it and its sources
        entries = row.locator("ol.entries li.entry")
        assert entries.count() == entries.locator(".entry-date").count() == entries.locator(".entry-actor").count()
        thread = by_id[row.get_attribute("data-thread")]
        for i, entry in enumerate(sorted(thread["entries"], key=lambda e: e["event_date"], reverse=True)):
            cited = list({c["doc_id"]: c for c in entry["citations"]}.values())
            shown = entries.nth(i).locator("ul.rests-on li.rest")
            assert [shown.nth(j).get_attribute("data-doc") for j in range(shown.count())] == [c["doc_id"] for c in cited]
            for j, c in enumerate(cited):  # named on the page (a phone has no hover): outlet or title, and date
                line = shown.nth(j).inner_text()
                assert (c["outlet"] or c["title"][:20]) in line and (c["published"] or "") in line, (line, c)
    page.select_option("select[name=who]", "country:JP")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/ledger?who=country%3AJP")
    ready(page)
    assert page.locator("tr.thread-row").count() == len(jp)
    assert set(page.locator('tr.thread-row td[data-col="actor"] .party').all_inner_texts()) == {japan}
    assert page.locator("select[name=who]").input_value() == "country:JP"  # the choice kept, among all parties
    assert page.locator("select[name=who] option").count() == len(values) + 1
    labels = page.locator("svg.ledger-chart a.thread text.row-label")
    assert labels.count() == len(jp) and all(x.startswith(f"{japan}: ") for x in labels.all_text_contents())
    left = page.locator("svg.ledger-chart").bounding_box()["x"]
    for label in labels.all():  # a label in Japanese fits the chart as one in English does
        assert label.bounding_box()["x"] >= left - 1, label.text_content()
    # the ledger's table filters and exports the rows shown, as the event's tables do
    first = next(t for t in jp if not any(c.isspace() or c.isupper() for c in t["text"][:12]))  # one filter word
    word = first["text"][:12]
    page.locator("[data-table=ledger] input.table-filter").fill(word)
    shown = page.locator("tr.thread-row").evaluate_all("rs => rs.map(r => r.dataset.thread)")
    assert first["id"] in shown and len(shown) == sum(1 for t in jp if word in t["text"] or any(
        word in (e["text"] or "") for e in t["entries"])) < len(jp)
    with page.expect_download() as dl:
        page.locator("[data-table=ledger] button.export-json").click()
    path = tmp_path / "ledger.json"
    dl.value.save_as(path)
    assert [t["id"] for t in json.loads(path.read_text(encoding="utf-8"))] == shown
    page.locator("[data-table=ledger] input.table-filter").fill("")
    assert no_sideways_scroll(page) and not page.errors
    shot(page, f"ledger_one_party_{width}")


# ---------------------------------------------------------------- 8. a long title under the sticky header

LONG_TITLE = ("日豪首脳会談（防衛協力・重要鉱物の供給網・経済安全保障・宇宙とサイバー分野の連携についての両首脳による確認と今後の対話の進め方）"
              * 2)[:120]
LONG_NAME = ("mofa-japan-australia-summit-meeting-defence-cooperation-critical-minerals-supply-chains-" * 2)[:116] + ".txt"


@pytest.fixture(scope="module")
def long_titled(writable):
    """A readout whose title and file name are 120 characters long (a summit of its own, 2 June 2025)."""
    text = JA_AU.replace("日豪首脳会談\n", LONG_TITLE + "\n", 1).replace("令和7年9月12日", "令和7年6月2日") \
        .replace("9月12日、", "6月2日、") + "\n" * 120  # longer than a window: room to scroll
    r = httpx.post(writable + "/api/ingest/file", files={"file": (LONG_NAME, text.encode(), "text/plain")}, timeout=120)
    body = r.json()
    assert body["status"] == "stored" and body["title"] == LONG_TITLE, r.text
    return body


WHOLE = "e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1"


@pytest.mark.parametrize("width", ["desk", "phone"])
def test_a_long_title_and_source_name_stay_readable_and_nothing_hides_under_the_header(open_on, writable, long_titled,
                                                                                       width):
    doc = api(writable, f"/api/documents/{long_titled['doc_id']}")
    fact = next(c for c in doc["citations"] if c["type"] == "commitments")
    s, e = fact["offsets"]
    page = open_on(f"/documents/{doc['id']}?start={s}&end={e}", width)
    head = page.locator("header.doc-head")
    h1, source = head.locator("h1"), head.locator(".doc-source")
    assert h1.inner_text() == LONG_TITLE and "upload:" + LONG_NAME in source.inner_text()
    for y in (0, 1500):  # at the top and further down, the whole title and source name are on screen
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(100)
        for el in (head, h1, source):
            assert el.evaluate(WHOLE), (width, y, el.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]"))
        sync_api.expect(h1).to_be_in_viewport(ratio=1)
        sync_api.expect(source).to_be_in_viewport(ratio=1)
        assert y == 0 or (page.evaluate("window.scrollY") > 500 and abs(head.bounding_box()["y"]) <= 1)
    bottom = lambda: head.bounding_box()["y"] + head.bounding_box()["height"]  # noqa: E731
    assert head.bounding_box()["height"] < 0.34 * WIDTHS[width]["height"] + 1
    # what a link (#cited) or the browser scrolls to stops below the header, however tall a long title makes it
    mark = page.locator("mark#cited")
    mark.evaluate("e => e.scrollIntoView({block: 'start', behavior: 'instant'})")
    assert mark.bounding_box()["y"] >= bottom() - 1
    # a fact of the side list: the new view's sentence is in sight, below the header
    page.locator("aside.doc-facts li.doc-fact a").last.click()
    page.wait_for_url("**start=*")
    ready(page)
    sync_api.expect(page.locator("mark#cited")).to_be_in_viewport()
    assert page.locator("mark#cited").bounding_box()["y"] >= bottom() - 1
    assert no_sideways_scroll(page) and not page.errors
    shot(page, f"document_long_title_{width}")
    # the documents list and the event keep the long names inside the page too
    for path in ("/documents", f"/events/{long_titled['events'][0]}"):
        other = open_on(path, width)
        assert LONG_TITLE in other.locator("#view").inner_text() and no_sideways_scroll(other), path
