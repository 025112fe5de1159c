"""Which differences between sources are contradictions: values told in other words, units, roundings or
scripts are one value; a different day, hour or a denied signing is a conflict."""
from __future__ import annotations

from kaidan.reconcile.merge import merge_event

EVENT = {"id": "2025-08-23-JP-KR", "countries": "JP-KR", "date_start": "2025-08-23", "date_end": "2025-08-23",
         "kind": "summit"}


def _meeting(evidence, start=None, duration=None, kind="summit", date="2025-08-23"):
    return {"kind": kind, "date": date, "start": start, "duration_minutes": duration, "place": None,
            "participants": [], "evidence": evidence, "offsets": [0, len(evidence)], "rule": "t"}


def _rec(doc, lang, meetings=(), **facts):
    return {"doc": doc, "lang": lang, "event": {"date": "2025-08-23", "countries": ["JP", "KR"]},
            "meetings": list(meetings), **{k: list(v) for k, v in facts.items()}}


def _fields(*recs):
    rec = merge_event(EVENT, [(f"d{i}", r, True) for i, r in enumerate(recs)])
    return {c["field"] for c in rec["conflicts"]}


def test_an_hour_and_a_half_told_four_ways_is_one_length():
    told = [("ja", "会談は約1時間半行われた。", 90), ("en", "The talks lasted 90 minutes.", 90),
            ("en", "They met for about an hour and a half.", 90), ("en", "They talked for over an hour.", 60)]
    recs = [_rec(f"s{i}", lang, [_meeting(ev, duration=d)]) for i, (lang, ev, d) in enumerate(told)]
    assert "meetings.duration_minutes" not in _fields(*recs)


def test_a_bound_the_exact_length_breaks_is_still_a_conflict():
    a = _rec("a", "en", [_meeting("They talked for more than two hours.", duration=120)])
    b = _rec("b", "en", [_meeting("The talks lasted 90 minutes.", duration=90)])
    assert "meetings.duration_minutes" in _fields(a, b)


def test_the_whole_programme_and_one_segment_are_two_lengths_not_a_conflict():
    a = _rec("a", "en", [_meeting("The leaders met for two hours in all.", start="10:00", duration=120)])
    b = _rec("b", "en", [_meeting("A small-group session of 30 minutes opened the talks.", start="10:00",
                                  duration=30, kind="small_group"),
                         _meeting("The leaders met for two hours in all.", start="10:00", duration=120)])
    assert "meetings.duration_minutes" not in _fields(a, b)


def test_a_start_converted_to_local_time_agrees_with_one_given_in_local_time():
    # FACTS.md: a meeting's start is local time, so a source telling it in Japan time is read as local
    a = _rec("a", "ja", [_meeting("会談は日本時間午後2時から行われた。", start="14:00")])
    b = _rec("b", "en", [_meeting("The talks began at 2 p.m.", start="14:00")])
    assert "meetings.start" not in _fields(a, b)


def test_a_different_start_hour_is_a_conflict():
    a = _rec("a", "en", [_meeting("The talks began at 2 p.m.", start="14:00")])
    b = _rec("b", "en", [_meeting("The talks began at 4 p.m.", start="16:00")])
    assert "meetings.start" in _fields(a, b)


def test_a_name_with_or_without_honorific_and_spaced_or_hyphenated_is_one_name():
    def names(*forms):
        return [{"person": "lee_jae_myung", "written": w, "known": k, "evidence": w, "offsets": [0, len(w)],
                 "rule": "t"} for w, k in forms]
    recs = [_rec("a", "ja", names=names(("李在明大統領", False))), _rec("b", "ja", names=names(("李在明", True))),
            _rec("c", "en", names=names(("Lee Jae Myung", False))),
            _rec("d", "en", names=names(("President Lee Jae-myung", False)))]
    assert "person.name" not in _fields(*recs)


def _commitment(text, value, unit):
    return {"text": text, "evidence": text, "offsets": [0, len(text)], "rule": "t", "topics": [],
            "actor": "Japan", "amount": {"value": value, "unit": unit}}


def test_a_rounded_amount_is_no_conflict_with_the_exact_one():
    a = _rec("a", "en", commitments=[_commitment("Japan will invest about $5 billion in Korean chip plants",
                                                 5e9, "USD")])
    b = _rec("b", "en", commitments=[_commitment("Japan will invest $4.8 billion in Korean chip plants",
                                                 4.8e9, "USD")])
    assert "commitments.amount" not in _fields(a, b)


def test_one_amount_in_two_currencies_is_no_conflict():
    def q(text, value, unit):
        return {"text": text, "value": value, "unit": unit, "evidence": text, "offsets": [0, len(text)],
                "rule": "t"}
    a = _rec("a", "ja", quantities=[q("5000億円", 5e11, "JPY")])
    b = _rec("b", "en", quantities=[q("$3.4 billion", 3.4e9, "USD")])
    assert "quantities.unit" not in _fields(a, b)


def test_a_signed_document_against_a_source_saying_none_was_signed_is_a_conflict():
    signed = "The two ministers signed a memorandum on hydrogen cooperation."
    a = _rec("a", "en", signed_documents=[{"title": "memorandum on hydrogen cooperation", "evidence": signed,
                                            "offsets": [0, len(signed)], "rule": "t", "signatories": []}])
    denial = "No documents were signed at the summit."
    b = _rec("b", "en")
    b["claims"] = [{"type": "no_document", "evidence": denial, "offsets": [0, len(denial)], "rule": "t"}]
    assert "signed_documents" in _fields(a, b)
