"""Events, merged facts, conflicts and the ledger, on the seeds and on records made by hand."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kaidan.pipeline import ingest
from kaidan.reconcile import archive, ledger
from kaidan.reconcile.events import place
from kaidan.reconcile.merge import merge_event
from kaidan.store import Store

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("db") / "k.db")
    report = ingest(sorted(str(p) for p in SEEDS.glob("*.txt")), store)
    assert report.failed == 0
    yield store
    store.close()


@needs_seeds
def test_the_five_seeds_form_exactly_two_events_with_the_right_documents(seeds_store):
    evs = list(seeds_store.iter_events())
    assert [(e["id"], e["documents"]) for e in evs] == [("2025-02-07-JP-US", 2), ("2025-10-28-JP-US", 3)]
    docs = {e["id"]: sorted(r["doc"][:3] for _, r, _ in seeds_store.event_records(e["id"])) for e in evs}
    assert docs == {"2025-02-07-JP-US": ["001", "002"], "2025-10-28-JP-US": ["000", "003", "004"]}


@needs_seeds
def test_seed_conflicts_are_listed_with_both_values_and_citations(seeds_store):
    found = {(c["event"], c["field"]): c for c in archive.conflicts(seeds_store)}
    start = found[("2025-02-07-JP-US", "meetings.start")]
    assert {v["value"] for v in start["values"]} == {"12:00", "11:55"}
    assert all(v["citations"] and v["citations"][0]["evidence"] for v in start["values"])
    name = found[("2025-02-07-JP-US", "person.name")]
    assert "ロナルド・トランプ" in {v["value"] for v in name["values"]}
    signed = found[("2025-10-28-JP-US", "signed_documents")]
    assert any(v["value"] == "no document" for v in signed["values"])


@needs_seeds
def test_facts_told_by_several_sources_are_merged_with_every_citation(seeds_store):
    feb = archive.event_record(seeds_store, "2025-02-07")
    senkaku = [a for a in feb["agreements"] if "尖閣" in a["text"] or "Senkaku" in a["text"]]
    merged = max(senkaku, key=lambda a: a["support"])
    assert merged["support"] == 2 and {"ja", "en"} <= set(merged["texts"])
    oct_ = archive.event_record(seeds_store, "2025-10-28")
    summit = next(m for m in oct_["programme"] if m["kind"] == "summit")
    assert (summit["start"], summit["duration_minutes"], summit["support"]) == ("09:50", 40, 3)


@needs_seeds
def test_ledger_links_the_trillion_dollar_aim_and_the_550_billion(seeds_store):
    threads = archive.commitment_ledger(seeds_store, dt.date(2026, 1, 10))
    inv = [t for t in threads if {"2025-02-07-JP-US", "2025-10-28-JP-US"} <= set(t["events"])
           and "investment" in t["topics"]]
    assert inv, "the investment pledge is not followed from February to October"
    amounts = {e["amount"]["value"] for e in inv[0]["entries"] if e.get("amount")}
    assert {1e12, 5.5e11} <= amounts


def _record(doc, date, countries=("JP", "US"), kind="summit", commitments=()):
    return {"doc": doc, "lang": "ja", "event": {"date": date, "countries": list(countries)},
            "meetings": [{"kind": kind, "date": date, "start": None, "duration_minutes": None, "place": None,
                          "participants": [], "evidence": "x", "offsets": [0, 1], "rule": "t"}],
            "commitments": list(commitments)}


def _store_with(tmp_path, records):
    from kaidan.ingest import RawDocument

    store = Store(tmp_path / "k.db")
    for i, rec in enumerate(records):
        doc = RawDocument(f"{i:016x}", rec["doc"], "x", "ja", None, "text", "utf-8", None, 1)
        store.add_document(doc)
        store.save_facts(doc.id, rec, "t")
        place(store, doc.id, rec)
    return store


def test_a_day_apart_and_a_multi_day_visit_are_one_event_but_a_later_call_is_not(tmp_path):
    store = _store_with(tmp_path, [
        _record("a", "2025-02-07"), _record("b", "2025-02-08"),            # Japan-time date of the same summit
        _record("c", "2025-02-09"),                                         # third day of the visit
        _record("d", "2025-02-10", kind="telephone"),                       # a call: another event
        _record("e", "2025-02-08", countries=("JP", "GB")),                 # other countries
        _record("f", "2025-06-01"),
    ])
    got = [(e["id"], e["date_end"], e["documents"]) for e in store.iter_events()]
    assert got == [("2025-02-07-JP-US", "2025-02-09", 3), ("2025-02-08-GB-JP", "2025-02-08", 1),
                   ("2025-02-10-JP-US", "2025-02-10", 1), ("2025-06-01-JP-US", "2025-06-01", 1)]


def test_a_document_that_reports_two_events_is_linked_to_both(tmp_path):
    rec = _record("recap", "2025-10-28")
    rec["meetings"].append({"kind": "summit", "date": "2025-02-07", "evidence": "x", "offsets": [0, 1]})
    store = _store_with(tmp_path, [_record("feb", "2025-02-07"), rec])
    assert [(e["id"], e["documents"]) for e in store.iter_events()] == [
        ("2025-02-07-JP-US", 2), ("2025-10-28-JP-US", 1)]


def test_reingesting_places_a_document_once(tmp_path):
    store = _store_with(tmp_path, [_record("a", "2025-02-07")])
    place(store, "0000000000000000", _record("a", "2025-02-07"))
    assert [e["documents"] for e in store.iter_events()] == [1]


def _c(actor, text, amount=None, deadline=None, topics=("investment",)):
    return {"actor": actor, "text": text, "amount": amount, "deadline": deadline, "topics": list(topics),
            "evidence": text, "offsets": [0, len(text)], "rule": "t"}


def test_ledger_due_dates_and_statuses():
    evs = [merge_event({"id": "e1", "countries": "JP-US", "date_start": "2025-10-28", "date_end": "2025-10-28"},
                       [("d1", _record("d1", "2025-10-28", commitments=[
                           _c("日本", "防衛費を増額する", deadline="FY2025", topics=("defense_spending",)),
                           _c("日本", "閣僚会合を開催する", deadline="within_days:180", topics=("critical_minerals",)),
                           _c("米国", "協議を続ける", topics=("trade_tariffs",))]), True)])]
    threads = {t["text"]: t for t in ledger.build(evs, dt.date(2026, 3, 1))}
    assert threads["防衛費を増額する"]["due"] == "2026-03-31"
    assert threads["防衛費を増額する"]["status"] == "due soon"
    assert threads["閣僚会合を開催する"]["due"] == "2026-04-26"
    assert threads["協議を続ける"]["status"] == "open"
    later = {t["text"]: t for t in ledger.build(evs, dt.date(2026, 5, 1))}
    assert later["防衛費を増額する"]["status"] == "overdue"


def test_reported_done_needs_a_citation_that_says_so():
    e1 = {"id": "e1", "countries": "JP-US", "date_start": "2025-02-07", "date_end": "2025-02-07"}
    e2 = {"id": "e2", "countries": "JP-US", "date_start": "2025-10-28", "date_end": "2025-10-28"}
    evs = [merge_event(e1, [("d1", _record("d1", "2025-02-07", commitments=[
               _c("日本", "対米投資を1兆ドルに引き上げる", {"value": 1e12, "unit": "USD"})]), True)]),
           merge_event(e2, [("d2", _record("d2", "2025-10-28", commitments=[
               _c("日本", "対米投資1兆ドルを達成した", {"value": 1e12, "unit": "USD"})]), True)])]
    (t,) = ledger.build(evs, dt.date(2026, 1, 1))
    assert t["status"] == "reported done" and t["done_citation"]["doc_id"] == "d2"


def test_the_same_figure_helps_a_japanese_and_an_english_commitment_merge():
    from kaidan.reconcile.match import same_fact

    ja = _c("日本", "5500億ドルの対米投資を実現する", {"value": 5.5e11, "unit": "USD"})
    en = _c("Japan", "invest $550 billion in the United States", {"value": 5.5e11, "unit": "USD"})
    other = _c("Japan", "invest $100 billion in the United States", {"value": 1e11, "unit": "USD"})
    assert same_fact("commitments", ja, en) > 0
    assert same_fact("commitments", ja, other) == 0


def test_a_cached_event_record_is_merged_again_when_a_document_joins(tmp_path):
    store = _store_with(tmp_path, [_record("a", "2025-02-07")])
    first = archive.event_record(store, "2025-02-07-JP-US")
    assert len(first["sources"]) == 1
    assert archive.event_record(store, "2025-02-07-JP-US") == first            # served from the cache
    from kaidan.ingest import RawDocument

    doc = RawDocument("00000000000000ff", "b", "y", "ja", None, "text", "utf-8", None, 1)
    rec = _record("b", "2025-02-08")
    store.add_document(doc)
    store.save_facts(doc.id, rec, "t")
    place(store, doc.id, rec)
    assert len(archive.event_record(store, "2025-02-07-JP-US")["sources"]) == 2


def _with_people(rec, people, place=None, duration=None):
    rec["meetings"][0].update({"participants": list(people), "place": place, "duration_minutes": duration})
    return rec


def _undated(doc, people, countries=("JP", "KR"), **kw):
    rec = _with_people(_record(doc, None, countries), people, **kw)
    rec["event"]["date"] = None
    return rec


def test_a_source_without_a_date_is_placed_by_what_it_shares_and_says_so(tmp_path):
    store = _store_with(tmp_path, [
        _with_people(_record("dated", "2025-08-23", ("JP", "KR")), ["石破茂", "李在明"], place="東京", duration=120),
        _with_people(_record("later", "2025-09-30", ("JP", "KR")), ["石破茂", "李在明"], place="釜山", duration=60),
        _undated("undated", ["Shigeru Ishiba", "Lee Jae-myung"], place="Tokyo", duration=120),
    ])
    docs = {e["id"]: e["documents"] for e in store.iter_events()}
    assert docs == {"2025-08-23-JP-KR": 2, "2025-09-30-JP-KR": 1}
    sources = {s["doc"]: s["placed_by"] for s in archive.event_record(store, "2025-08-23-JP-KR")["sources"]}
    assert sources == {"dated": "date", "undated": "content"}


def test_a_source_without_a_date_that_fits_two_events_equally_is_placed_in_neither(tmp_path):
    store = _store_with(tmp_path, [
        _with_people(_record("a", "2025-08-23", ("JP", "KR")), ["石破茂", "李在明"], duration=120),
        _with_people(_record("b", "2025-09-30", ("JP", "KR")), ["石破茂", "李在明"], duration=120),
        _undated("undated", ["石破茂", "李在明"], duration=120),
    ])
    assert [e["documents"] for e in store.iter_events()] == [1, 1]


def test_a_trilateral_and_a_bilateral_of_two_members_the_same_day_are_two_events(tmp_path):
    store = _store_with(tmp_path, [_record("tri", "2025-10-30", ("JP", "KR", "US")),
                                   _record("bi", "2025-10-30", ("JP", "KR"))])
    assert [e["id"] for e in store.iter_events()] == ["2025-10-30-JP-KR", "2025-10-30-JP-KR-US"]


def test_a_source_dated_by_the_day_alone_is_placed_by_content_only_in_an_event_of_that_day():
    from kaidan.reconcile.events import _has_day

    visit = {"date_start": "2022-03-19", "date_end": "2022-03-20"}
    assert _has_day(visit, 19) and _has_day(visit, 20) and not _has_day(visit, 21)
    assert not _has_day({"date_start": "2022-03-19", "date_end": "2022-03-19"}, 20)


def test_a_japanese_lead_that_gives_the_day_alone_keeps_it_in_the_event():
    from kaidan.pipeline import extract_text

    ev = extract_text("岸田首相は２０日、訪問先のインドでモディ首相と会談した。両首脳は協力で一致した。", "d", "ja").event
    assert ev.to_dict() == {"date": None, "countries": ["IN", "JP"], "day": 20}


def test_a_deadline_past_is_overdue_only_without_a_later_entry():
    e1 = {"id": "e1", "countries": "JP-US", "date_start": "2025-02-07", "date_end": "2025-02-07"}
    e2 = {"id": "e2", "countries": "JP-US", "date_start": "2026-06-01", "date_end": "2026-06-01"}
    first = _c("日本", "防衛費を増額する", deadline="FY2025", topics=("defense_spending",))
    evs = [merge_event(e1, [("d1", _record("d1", "2025-02-07", commitments=[first]), True)])]
    alone = ledger.build(evs, dt.date(2026, 12, 1))
    assert [(t["due"], t["status"]) for t in alone] == [("2026-03-31", "overdue")]
    again = _c("日本", "防衛費を増額する", topics=("defense_spending",))  # taken up after the deadline, none new
    evs.append(merge_event(e2, [("d2", _record("d2", "2026-06-01", commitments=[again]), True)]))
    followed = ledger.build(evs, dt.date(2026, 12, 1))
    assert [(t["due"], t["status"], len(t["entries"])) for t in followed] == [("2026-03-31", "open", 2)]
