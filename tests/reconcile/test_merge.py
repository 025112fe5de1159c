"""Merging facts across sources and languages, conflicts with tolerance, and incremental merging."""
from __future__ import annotations

from pathlib import Path

import pytest

from kaidan.pipeline import ingest
from kaidan.reconcile import archive
from kaidan.reconcile.match import lang_of
from kaidan.reconcile.report import event_markdown
from kaidan.reconcile.merge import CONVERSION_RULE, add_source, empty, joint_document, merge_event, merge_record
from kaidan.records import EventRecord

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
EVENT = {"id": "2025-08-23-JP-KR", "countries": "JP-KR", "date_start": "2025-08-23", "date_end": "2025-08-23",
         "kind": "summit"}


def _fact(text, **kw):
    return {"text": text, "evidence": text, "offsets": [0, len(text)], "rule": "t", "topics": [], **kw}


def _meeting(start=None, duration=None, place=None, kind="summit"):
    return {"kind": kind, "date": "2025-08-23", "start": start, "duration_minutes": duration, "place": place,
            "participants": [], "evidence": "m", "offsets": [0, 1], "rule": "t"}


def _rec(doc, lang, meetings=(), **facts):
    return {"doc": doc, "lang": lang, "event": {"date": "2025-08-23", "countries": ["JP", "KR"]},
            "meetings": list(meetings), **{k: list(v) for k, v in facts.items()}}


def test_the_same_point_in_japanese_and_english_is_one_merged_fact_citing_both():
    ja = _rec("ja.txt", "ja", agreements=[
        _fact("両首脳は、北朝鮮の完全な非核化に向けて緊密に連携していくことを確認した", verb="confirmed"),
        _fact("両首脳は、水素や人工知能など未来産業での協力を進めることで一致した", verb="agreed")])
    en = _rec("en.txt", "en", statements=[
        _fact("the two sides talked about cooperation in future industries such as hydrogen and artificial "
              "intelligence", speaker="Lee Jae-myung", mode="reported")], agreements=[
        _fact("pursue the complete denuclearization of North Korea in close coordination", verb="agreed")])
    rec = merge_event(EVENT, [("d1", ja, True), ("d2", en, True)])
    merged = rec["agreements"] + rec["statements"]
    assert len(merged) == 2
    assert all(f["support"] == 2 and set(f["texts"]) == {"ja", "en"} for f in merged)
    hydrogen = next(f for f in merged if "水素" in f["texts"]["ja"])
    assert "hydrogen" in hydrogen["texts"]["en"]


def test_two_points_of_one_source_do_not_fall_into_one_merged_fact():
    a = _rec("a.txt", "en", agreements=[_fact("strengthen the dialogue on export controls", verb="agreed")])
    b = _rec("b.txt", "en", agreements=[_fact("strengthen the export control dialogue", verb="agreed"),
                                        _fact("strengthen the dialogue on export controls and on the seas",
                                              verb="agreed")])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)])
    assert sorted(f["support"] for f in rec["agreements"]) == [1, 2]


def test_different_figures_are_two_commitments():
    a = _rec("a.txt", "en", commitments=[_fact("invest 5 trillion yen in India", actor="Japan",
                                               amount={"value": 5e12, "unit": "JPY"})])
    b = _rec("b.txt", "en", commitments=[_fact("invest 3 trillion yen in India", actor="Japan",
                                               amount={"value": 3e12, "unit": "JPY"})])
    assert len(merge_event(EVENT, [("d1", a, True), ("d2", b, True)])["commitments"]) == 2


def _conflicts(*recs):
    rec = merge_event(EVENT, [(f"d{i}", r, True) for i, r in enumerate(recs)])
    return {c["field"]: c for c in rec["conflicts"]}


def test_lengths_told_roughly_agree_but_forty_against_thirty_minutes_is_a_conflict():
    assert "meetings.duration_minutes" not in _conflicts(_rec("a", "ja", [_meeting(duration=60)]),
                                                         _rec("b", "en", [_meeting(duration=55)]))
    c = _conflicts(_rec("a", "en", [_meeting(duration=40)]), _rec("b", "en", [_meeting(duration=30)]))
    assert {v["value"] for v in c["meetings.duration_minutes"]["values"]} == {40, 30}


def test_a_place_and_the_city_it_is_in_are_one_place_but_two_starts_conflict():
    c = _conflicts(_rec("a", "ja", [_meeting(start="11:00", place="首相官邸")]),
                   _rec("b", "en", [_meeting(start="11:30", place="Tokyo")]))
    assert "meetings.place" not in c
    assert {v["value"] for v in c["meetings.start"]["values"]} == {"11:00", "11:30"}


def test_two_segments_of_one_programme_are_not_a_conflict():
    c = _conflicts(_rec("a", "ja", [_meeting(start="10:00", kind="small_group"), _meeting(start="10:40")]),
                   _rec("b", "ja", [_meeting(start="10:40")]))
    assert "meetings.start" not in c


def test_one_figure_in_two_currencies_is_a_conflict():
    def q(text, unit):
        return {"text": text, "value": 5e12, "unit": unit, "evidence": text, "offsets": [0, len(text)], "rule": "t"}
    c = _conflicts(_rec("a", "en", quantities=[q("$5-trillion", "USD")]),
                   _rec("b", "en", quantities=[q("5 trillion yen", "JPY")]))
    assert {v["value"] for v in c["quantities.unit"]["values"]} == {"$5-trillion (USD)", "5 trillion yen (JPY)"}


def test_a_name_in_two_scripts_is_no_conflict_but_a_misspelt_one_is():
    def names(*forms):
        return [{"person": "lee_jae_myung", "written": w, "known": k, "evidence": w, "offsets": [0, len(w)],
                 "rule": "t"} for w, k in forms]
    a = _rec("a", "ja", names=names(("李在明", True)))
    b = _rec("b", "en", names=names(("Lee Jae Myung", False)))
    assert "person.name" not in _conflicts(a, b)
    c = _rec("c", "en", names=names(("Lee Jae-myung", True), ("Lee Jae-myong", False)))
    assert "person.name" in _conflicts(a, c)


def test_a_record_read_back_from_json_merges_the_next_source_as_the_live_one_does():
    a = _rec("a", "ja", [_meeting(start="11:00", duration=60)], agreements=[
        _fact("両首脳は、エネルギー分野での協力を強化することで一致した", verb="agreed")])
    b = _rec("b", "en", [_meeting(start="11:00", duration=55)], agreements=[
        _fact("the leaders agreed to strengthen cooperation in the energy field", verb="agreed")])
    live = add_source(add_source(empty(EVENT), EVENT, "d1", a, True), EVENT, "d2", b, True)
    stored = EventRecord.from_dict(add_source(empty(EVENT), EVENT, "d1", a, True).to_dict())
    assert add_source(stored, EVENT, "d2", b, True).to_dict() == live.to_dict()
    assert live.to_dict() == merge_record(EVENT, [("d1", a, True), ("d2", b, True)]).to_dict()
    assert live.agreements[0].support == 2


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")
def test_records_merged_source_by_source_at_ingest_equal_a_merge_of_the_whole_event(tmp_path):
    from kaidan.store import Store

    with Store(tmp_path / "k.db") as store:
        ingest(sorted(str(p) for p in SEEDS.glob("*.txt")), store)
        for ev in store.iter_events():
            whole = merge_event(store.get_event(ev["id"]), store.event_records(ev["id"]), store.document_text)
            assert archive.event_record(store, ev["id"]) == whole


EVENTS = SEEDS.parent / "events"


@pytest.mark.skipif(not (SEEDS.is_dir() and EVENTS.is_dir()), reason="../shared/corpus/seeds or events not present")
def test_merged_facts_skipped_as_meeting_too_few_specific_words_would_change_no_record(tmp_path, monkeypatch):
    from kaidan.reconcile import merge
    from kaidan.store import Store

    with Store(tmp_path / "k.db") as store:
        ingest(sorted(str(p) for p in SEEDS.glob("*.txt")) + sorted(str(p) for p in EVENTS.rglob("*.txt")), store)
        events = [(store.get_event(ev["id"]), store.event_records(ev["id"])) for ev in store.iter_events()]
        indexed = [merge_event(ev, docs, store.document_text) for ev, docs in events]
        asked, indexed_candidates = [], merge._Nearby.candidates

        def every(self, text, least=None):
            asked.append(len(set(self.owner)) - len(indexed_candidates(self, text, least)))
            return dict.fromkeys(sorted(set(self.owner)), len(self.owner) + 99)   # as if meeting every unit

        monkeypatch.setattr(merge._Nearby, "candidates", every)
        assert [merge_event(ev, docs, store.document_text) for ev, docs in events] == indexed
    assert sum(asked) > 0       # the index did leave merged facts out


def test_two_weekdays_given_for_one_date_are_a_conflict():
    from kaidan.reconcile.weekdays import stated

    ja_text = "3月19日（土）、首脳会談が行われた。"
    en_text = "The prime minister on Friday (March 19) announced a plan. On Saturday, March 19, they met."
    assert [(d, w) for d, w, _, _ in stated(ja_text, "2022-03-19", "2022-03-20")] == [("2022-03-19", 5)]
    assert sorted((d, w) for d, w, _, _ in stated(en_text, "2022-03-19", "2022-03-20")) == [
        ("2022-03-19", 4), ("2022-03-19", 5)]
    event = {**EVENT, "id": "e", "date_start": "2022-03-19", "date_end": "2022-03-20"}
    a, b = _rec("a", "ja"), _rec("b", "en")
    rec = add_source(add_source(empty(event), event, "d1", a, True, ja_text), event, "d2", b, True,
                     "Kishida on Friday (March 19) met Modi.")
    (c,) = [c for c in rec.conflicts if c.field == "event.weekday"]
    assert {v.value: v.citations[0].evidence for v in c.values} == {"Saturday": "3月19日（土）",
                                                                   "Friday": "Friday (March 19)"}
    same = add_source(add_source(empty(event), event, "d1", a, True, ja_text), event, "d2", b, True,
                      "Kishida on Saturday (March 19) met Modi.")
    assert not [c for c in same.conflicts if c.field == "event.weekday"]


def test_the_dictionary_answers_in_every_thread():
    import threading

    from kaidan.reconcile.bilingual import glosses

    out = []
    t = threading.Thread(target=lambda: out.append(glosses("非核化")))
    t.start()
    t.join()
    assert out == [glosses("非核化")] and "denucleariz" in out[0]


def test_more_than_two_hours_against_nearly_two_hours_is_a_conflict_about_two_hours_is_not():
    def told(doc, evidence):
        m = {**_meeting(duration=120), "evidence": evidence, "offsets": [0, len(evidence)]}
        return _rec(doc, "en", [m])
    c = _conflicts(told("a", "After more than two hours of talks, they issued a statement."),
                   told("b", "The talks lasted nearly two hours."), told("c", "会談は約２時間行われた。"))
    assert [(v["value"], [x["doc"] for x in v["citations"]]) for v in c["meetings.duration_minutes"]["values"]] == [
        ("more than 120", ["a"]), ("less than 120", ["b"])]
    assert "meetings.duration_minutes" not in _conflicts(told("a", "The talks lasted about two hours."),
                                                         told("b", "会談は2時間近くに及んだ。"))


def test_each_source_lead_and_length_sentences_are_cited_by_the_main_meeting():
    text_a = "Gyeongju, Aug. 23 -- The prime minister and the president held talks on Saturday. They met for about 40 minutes."
    a = _rec("a.txt", "en", meetings=[dict(_meeting(duration=40), evidence="They met for about 40 minutes.",
                                           offsets=[text_a.index("They"), len(text_a)])])
    text_b = ("首相は記者団に語った。首相は２３日、大統領と首脳官邸で会談した。会談は約４０分間行われた。"
              "両首脳は５分前に写真撮影に臨んだ。")
    b = _rec("b.txt", "ja")
    texts = {"d1": text_a, "d2": text_b}
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)], texts.get)
    (summit,) = [m for m in rec["programme"] if m["kind"] == "summit"]
    cited = [(c["doc"], c["evidence"], c["rule"]) for c in summit["citations"]]
    assert ("a.txt", "Gyeongju, Aug. 23 -- The prime minister and the president held talks on Saturday.",
            "kaidan.merge.meeting_lead.v1") in cited
    assert ("b.txt", "首相は２３日、大統領と首脳官邸で会談した。", "kaidan.merge.meeting_lead.v1") in cited
    assert ("b.txt", "会談は約４０分間行われた。", "kaidan.merge.meeting_duration.v1") in cited
    assert not any("写真" in e for _, e, _ in cited)
    for c in summit["citations"]:
        assert texts[{"a.txt": "d1", "b.txt": "d2"}[c["doc"]]][c["offsets"][0]:c["offsets"][1]] == c["evidence"]


def _money(text, sub, value, unit):
    i = text.index(sub)
    return {"text": sub, "value": value, "unit": unit, "evidence": sub, "offsets": [i, i + len(sub)], "rule": "t"}


def test_a_figure_and_its_conversion_in_parentheses_are_one_quantity_across_sources():
    t1 = "Japan set a goal of 2 trillion yen ($15 billion or Rs 1,10,000 crore) of investment over five years."
    a = _rec("a.txt", "en", quantities=[_money(t1, "2 trillion yen", 2e12, "JPY"),
                                        _money(t1, "Rs 1,10,000 crore", 1.1e12, "INR")])
    t2 = "Japan set a Rs 1,10,000-crore investment target. It also lent 40 billion yen (Rs 2,000 crore) separately."
    b = _rec("b.txt", "en", quantities=[_money(t2, "Rs 1,10,000-crore", 1.1e12, "INR"),
                                        _money(t2, "40 billion yen", 4e10, "JPY")])
    t3 = "日本は2兆円の投資目標を掲げた。"
    c = _rec("c.txt", "ja", quantities=[_money(t3, "2兆円", 2e12, "JPY")])
    texts = {"d1": t1, "d2": t2, "d3": t3}
    rec = merge_event(EVENT, [("d3", c, True), ("d2", b, True), ("d1", a, True)], texts.get)
    by_docs = sorted(sorted(c["doc"] for c in q["citations"]) for q in rec["quantities"])
    assert by_docs == [["a.txt", "a.txt", "a.txt", "b.txt", "c.txt"], ["b.txt"]]


def test_a_quantity_merged_with_its_conversion_cites_the_span_that_makes_them_one_under_the_conversion_rule():
    t = "Japan will lend 300 billion yen (about $2.5 billion) to the railway, and 10 billion yen in grants."
    rec = _rec("a.txt", "en", quantities=[_money(t, "300 billion yen", 3e11, "JPY"),
                                          _money(t, "$2.5 billion", 2.5e9, "USD"),
                                          _money(t, "10 billion yen", 1e10, "JPY")])
    out = merge_event(EVENT, [("d1", rec, True)], {"d1": t}.get)
    loan = next(q for q in out["quantities"] if q["value"] == 3e11)
    why = [c for c in loan["citations"] if c["rule"] == CONVERSION_RULE]
    assert [c["evidence"] for c in why] == ["300 billion yen (about $2.5 billion"]
    assert t[why[0]["offsets"][0]:why[0]["offsets"][1]] == why[0]["evidence"]
    grants = next(q for q in out["quantities"] if q["value"] == 1e10)
    assert all(c["rule"] != CONVERSION_RULE for c in grants["citations"])
    assert len(out["quantities"]) == 2


def test_an_earlier_source_sentence_is_cited_by_a_point_a_later_source_tells_first():
    t1 = ("The leaders met in Tokyo on Saturday. They will open a new dialogue between their coast guards on "
          "maritime rescue operations.")
    a = _rec("a.txt", "en")
    t2 = "The two leaders agreed to open a new dialogue between their coast guards on maritime rescue."
    b = _rec("b.txt", "en", agreements=[dict(_fact("open a new dialogue between their coast guards on maritime "
                                                   "rescue", verb="agreed"), evidence=t2, offsets=[0, len(t2)])])
    texts = {"d1": t1, "d2": t2}
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)], texts.get)
    (point,) = rec["agreements"]
    cited = {(c["doc"], c["evidence"], c["rule"]) for c in point["citations"]}
    assert ("a.txt", "They will open a new dialogue between their coast guards on maritime rescue operations.",
            "kaidan.merge.support.v2") in cited
    assert point["support"] == 2
    # the same two sources merged the other way round cite the same sentences
    other = merge_event(EVENT, [("d2", b, True), ("d1", a, True)], texts.get)
    assert {(c["doc"], c["evidence"]) for c in other["agreements"][0]["citations"]} == {(d, e) for d, e, _ in cited}


def test_a_sentence_that_gave_one_point_also_supports_another_point_it_tells():
    a = _rec("a.txt", "en", agreements=[
        _fact("launch a ministerial dialogue on critical minerals supply chains", verb="agreed"),
        _fact("expand the youth exchange programme for university students", verb="agreed")])
    t2 = ("The leaders agreed to launch a ministerial dialogue on critical minerals supply chains, and said "
          "they would expand the youth exchange programme for university students.")
    b = _rec("b.txt", "en", agreements=[dict(_fact("launch a ministerial dialogue on critical minerals supply "
                                                   "chains", verb="agreed"), evidence=t2, offsets=[0, len(t2)])])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)], {"d1": "", "d2": t2}.get)
    assert sorted(f["support"] for f in rec["agreements"]) == [2, 2]
    youth = next(f for f in rec["agreements"] if "youth" in f["text"])
    assert [c["rule"] for c in youth["citations"] if c["doc"] == "b.txt"] == ["kaidan.merge.support.v2"]


def test_a_visit_lead_and_a_leaders_today_are_cited_by_the_main_meeting():
    t1 = "The president arrived in Tokyo on Aug. 23 for a two-day visit. The leaders discussed trade."
    t2 = "Today, I held a summit meeting with the president. We discussed trade."
    texts = {"d1": t1, "d2": t2}
    rec = merge_event(EVENT, [("d1", _rec("a.txt", "en"), True), ("d2", _rec("b.txt", "en"), True)], texts.get)
    (summit,) = rec["programme"]
    assert {(c["doc"], c["evidence"], c["rule"]) for c in summit["citations"]} == {
        ("a.txt", "The president arrived in Tokyo on Aug. 23 for a two-day visit.", "kaidan.merge.visit_lead.v1"),
        ("b.txt", "Today, I held a summit meeting with the president.", "kaidan.merge.meeting_lead.v1")}


def test_a_short_point_is_supported_by_a_sentence_holding_all_its_words():
    a = _rec("a.txt", "en", statements=[_fact("Canada is a very important partner for Japan", speaker="Kishida Fumio",
                                              mode="reported")])
    t2 = "Kishida said Canada's a very important partner for Japan. The leaders also met business executives."
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "en"), True)], {"d1": "", "d2": t2}.get)
    (point,) = rec["statements"]
    assert [(c["doc"], c["evidence"]) for c in point["citations"] if c["doc"] == "b.txt"] == [
        ("b.txt", "Kishida said Canada's a very important partner for Japan.")]


def test_a_point_told_inside_glued_sentences_is_supported_by_that_sentence_alone():
    a = _rec("a.txt", "en", agreements=[_fact("pursue the complete denuclearization of the Korean Peninsula and "
                                              "continue close coordination on North Korea policy", verb="agreed")])
    t2 = ("The leaders held talks on Saturday.They discussed trade and investment.Lee and Ishiba reaffirmed their "
          "resolve to pursue the complete denuclearization of the Korean Peninsula, agreeing to continue close "
          "coordination on North Korea policy.They also discussed tourism.")
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "en"), True)], {"d1": "", "d2": t2}.get)
    (point,) = rec["agreements"]
    assert [c["evidence"] for c in point["citations"] if c["doc"] == "b.txt"] == [
        "Lee and Ishiba reaffirmed their resolve to pursue the complete denuclearization of the Korean Peninsula, "
        "agreeing to continue close coordination on North Korea policy."]


def test_one_sentence_telling_two_points_supports_both_merged_facts():
    a = _rec("a.txt", "en", agreements=[
        _fact("launch a ministerial dialogue on critical minerals supply chains", verb="agreed"),
        _fact("expand the youth exchange programme for university students", verb="agreed")])
    t2 = ("The leaders met on Saturday. Their statement calls for a ministerial dialogue on critical minerals supply "
          "chains and confirms a larger youth exchange programme for university students.")
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "en"), True)], {"d1": "", "d2": t2}.get)
    cited = [[c["evidence"] for c in f["citations"] if c["doc"] == "b.txt"] for f in rec["agreements"]]
    assert cited == [[t2[len("The leaders met on Saturday. "):]]] * 2


def test_a_sentence_does_not_support_a_second_merged_fact_on_the_words_of_the_first():
    a = _rec("a.txt", "en", agreements=[
        _fact("launch a ministerial dialogue on critical minerals supply chains", verb="agreed"),
        _fact("hold a ministerial dialogue on critical minerals next year", verb="agreed")])
    t2 = "The leaders agreed to launch a ministerial dialogue on critical minerals supply chains."
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "en"), True)], {"d1": "", "d2": t2}.get)
    assert sorted(f["support"] for f in rec["agreements"]) == [1, 2]


def test_a_fact_bundling_two_points_joins_both_merged_facts_and_becomes_the_wording_of_neither():
    a = _rec("a.txt", "en", agreements=[
        _fact("launch a ministerial dialogue on critical minerals supply chains", verb="agreed"),
        _fact("expand the youth exchange programme for university students", verb="agreed")])
    bundled = ("launch a ministerial dialogue on critical minerals supply chains and expand the youth exchange "
               "programme for university students, while reviewing coast guard cooperation")
    b = _rec("b.txt", "en", agreements=[_fact(bundled, verb="agreed")])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)])
    assert len(rec["agreements"]) == 2
    assert all(f["support"] == 2 for f in rec["agreements"])
    assert all(f["texts"]["en"] != bundled for f in rec["agreements"])


def test_a_merged_fact_keeps_its_tightest_wording_so_a_later_point_does_not_fall_into_it():
    bundled = ("両首脳は、重要鉱物の供給網に関する閣僚対話を立ち上げ、大学生の青少年交流を拡大し、海上保安機関の協力を"
               "進めることで一致した")
    a = _rec("a.txt", "ja", agreements=[_fact(bundled, verb="agreed")])
    b = _rec("b.txt", "ja", agreements=[_fact("両首脳は、重要鉱物の供給網に関する閣僚対話を立ち上げることで一致した",
                                              verb="agreed")])
    c = _rec("c.txt", "ja", agreements=[_fact("両首脳は、大学生の青少年交流を拡大することで一致した", verb="agreed")])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True), ("d3", c, True)])
    minerals = next(f for f in rec["agreements"] if {x["doc"] for x in f["citations"]} >= {"a.txt", "b.txt"})
    assert minerals["texts"]["ja"] == "両首脳は、重要鉱物の供給網に関する閣僚対話を立ち上げることで一致した"
    assert "c.txt" not in {x["doc"] for x in minerals["citations"]}


def test_a_reporters_question_in_parentheses_is_not_the_sources_own_sentence():
    a = _rec("a.txt", "en", statements=[_fact("the prime minister raised the detention of fishermen and the ban on "
                                              "seafood imports", speaker="Kishida Fumio", mode="reported")])
    t2 = ("(On the summit, whether the detention of fishermen and the ban on seafood imports were raised with the "
          "president.)\n\nI raised the detention of our fishermen, and I asked that the ban on seafood imports be "
          "lifted.")
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "en"), True)], {"d1": "", "d2": t2}.get)
    (point,) = rec["statements"]
    assert [c["evidence"] for c in point["citations"] if c["doc"] == "b.txt"] == [
        "I raised the detention of our fishermen, and I asked that the ban on seafood imports be lifted."]


def test_in_one_language_words_that_only_share_an_english_gloss_do_not_make_a_sentence_retell_a_point():
    a = _rec("a.txt", "ja", agreements=[_fact("両首脳は、重要鉱物の供給網を強靱化するための閣僚対話を立ち上げることで一致した",
                                              verb="agreed")])
    t2 = "首相は、食料の調達網を強固にする大臣会合の開始を提案した。"
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "ja"), True)], {"d1": "", "d2": t2}.get)
    (point,) = rec["agreements"]
    assert {c["doc"] for c in point["citations"]} == {"a.txt"}


def test_an_english_adjective_meets_the_japanese_noun_glossed_by_its_noun():
    from kaidan.reconcile.bilingual import profile, stem

    assert stem("strategic") == stem("strategy") and stem("economic") == stem("economy")
    assert stem("historical") == stem("history")
    assert stem("policy") != stem("police") and stem("topic") != stem("top") and stem("public") != stem("pub")
    assert not profile("戦略").keys.isdisjoint(profile("strategic").keys)
    ja = _rec("ja.txt", "ja", agreements=[_fact("両首脳は、防衛当局間の戦略対話を新設することで一致した", verb="agreed")])
    en = _rec("en.txt", "en", agreements=[_fact("launch a strategic dialogue", verb="agreed")])
    rec = merge_event(EVENT, [("d1", ja, True), ("d2", en, True)])
    assert [f["support"] for f in rec["agreements"]] == [2]


def test_a_compound_of_country_names_weighs_as_the_countries_so_two_points_sharing_it_stay_apart():
    from kaidan.reconcile.bilingual import GENERIC_WEIGHT, profile

    assert {u.primary: u.weight for u in profile("日韓の若者").units}["日韓"] == GENERIC_WEIGHT
    a = _rec("a.txt", "ja", agreements=[_fact("日韓の若者の交流を拡大する", verb="agreed")])
    b = _rec("b.txt", "ja", agreements=[_fact("日韓の若者の就職を支援する", verb="agreed")])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)])
    assert sorted(f["support"] for f in rec["agreements"]) == [1, 1]


def test_a_sentence_mostly_about_another_point_supports_a_point_but_does_not_become_its_wording():
    a = _rec("a.txt", "en", agreements=[_fact("closer strategic communication on defense and economic security",
                                              verb="agreed")])
    t2 = ("両首脳は防衛・経済安全保障分野で戦略的な意思疎通を重ねることで一致し、また地方の活性化、出生率の低下と高齢化、"
          "首都への人口集中、農業の担い手不足、自然災害への備えなど両国が直面する共通の社会課題について、互いの知見と政策"
          "経験を共有し解決策を探る政府間協議の枠組みを新たに立ち上げることでも一致した。")
    c = _rec("c.txt", "ja", agreements=[_fact("政策の知見を共有し解決策を探るための政府間の枠組みを立ち上げる",
                                              verb="agreed")])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", _rec("b.txt", "ja"), True), ("d3", c, True)],
                      {"d1": "", "d2": t2, "d3": ""}.get)
    strategic = next(f for f in rec["agreements"] if "strategic" in f["texts"].get("en", ""))
    assert {c["doc"] for c in strategic["citations"]} == {"a.txt", "b.txt"}
    assert "枠組み" not in strategic["texts"].get("ja", "")


def test_the_light_words_of_a_gloss_do_not_make_a_first_visit_meet_a_summit_taking_place():
    from kaidan.reconcile.bilingual import glosses

    assert "visit" in glosses("訪問先") and not glosses("訪問先") & {"plac", "one"}
    a = _rec("a.txt", "ja", statements=[_fact("総理に就任して初めての二国間訪問先としてインドを選んだこと",
                                              speaker="岸田文雄", mode="reported")])
    b = _rec("b.txt", "en", statements=[_fact("the summit was taking place at a significant time for both countries",
                                              speaker="Fumio Kishida", mode="reported")])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)])
    assert sorted(f["support"] for f in rec["statements"]) == [1, 1]


def test_a_sentence_giving_another_sum_does_not_support_a_commitment():
    def pledge():
        return _rec("a.txt", "en", commitments=[_fact(
            "invest 3.5 trillion yen in Indian railways and hospitals over five years", actor="Japan",
            amount={"value": 3.5e12, "unit": "JPY"})])

    other = "首相は、今後5年間でインドの鉄道と病院に5兆円を投資すると表明した。"
    same = "首相は、今後5年間でインドの鉄道と病院に3.5兆円を投資すると表明した。"
    for text, cited in ((other, False), (same, True)):
        rec = merge_event(EVENT, [("d1", pledge(), True), ("d2", _rec("b.txt", "ja"), True)],
                          {"d1": "", "d2": text}.get)
        (point,) = rec["commitments"]
        assert ("b.txt" in {c["doc"] for c in point["citations"]}) is cited


def test_one_point_told_in_two_facts_of_one_sentence_joins_one_merged_fact():
    a = _rec("a.txt", "en", agreements=[_fact("launch a consultative body to seek solutions to low birth rates, "
                                              "regional revitalisation and disaster safety", verb="agreed")])
    t2 = "両首脳は少子化や地方創生、防災の共通課題に共感を示し、解決策を模索する協議体を立ち上げることで一致した。次の文。"
    first, second = "少子化や地方創生、防災の共通課題に共感を示し", "解決策を模索する協議体を立ち上げる"
    b = _rec("b.txt", "ja", statements=[{**_fact(first, speaker=None, mode="reported"),
                                         "offsets": [t2.index(first), t2.index(first) + len(first)]}],
             agreements=[{**_fact(second, verb="agreed"),
                          "offsets": [t2.index(second), t2.index(second) + len(second)]}])
    rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)], {"d1": "", "d2": t2}.get)
    merged = rec["agreements"] + rec["statements"]
    assert len(merged) == 1
    assert sorted(c["evidence"] for c in merged[0]["citations"] if c["doc"] == "b.txt") == sorted([first, second])
    # the same two facts in two sentences stay apart: only one of them joins the English point
    t3 = t2.replace("共感を示し、", "共感を示した。")
    b3 = _rec("b.txt", "ja", statements=[{**_fact(first, speaker=None, mode="reported"),
                                          "offsets": [t3.index(first), t3.index(first) + len(first)]}],
              agreements=[{**_fact(second, verb="agreed"),
                           "offsets": [t3.index(second), t3.index(second) + len(second)]}])
    rec3 = merge_event(EVENT, [("d1", a, True), ("d2", b3, True)], {"d1": "", "d2": t3}.get)
    assert len(rec3["agreements"] + rec3["statements"]) == 2


def test_a_leaders_direct_quotation_merges_with_a_joint_text_on_shared_words_not_on_look_alike_letters():
    joint = _fact("view that the economies of both countries would be powered by resilient, transparent and secure "
                  "supply chains that provide for the economic security and prosperity of their peoples",
                  verb="shared_view")
    quote = ("Progress, prosperity and partnership are the foundation of our relations, and we are committed to "
             "providing every possible support to their companies")
    told = "resilient, transparent and secure supply chains will power the economies of both countries"
    a = _rec("a.txt", "en", agreements=[joint])
    for text, merged in ((quote, False), (told, True)):
        b = _rec("b.txt", "en", statements=[_fact(text, speaker="Narendra Modi", mode="direct")])
        rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)])
        docs = [sorted({c["doc"] for c in f["citations"]}) for f in rec["agreements"] + rec["statements"]]
        assert (["a.txt", "b.txt"] in docs) is merged


def test_a_sentence_telling_what_another_leader_said_does_not_support_a_statement():
    a = _rec("a.txt", "en", statements=[_fact("deepening the partnership on clean energy and green hydrogen will "
                                              "bring growth to the region", speaker="Fumio Kishida",
                                              mode="reported")])
    t2 = ("The president said that deepening the partnership on clean energy and green hydrogen will bring growth "
          "to the region.")
    said = "deepening the partnership on clean energy and green hydrogen will bring growth to the region"
    for speaker, cited in (("Narendra Modi", False), ("Fumio Kishida", True)):
        b = _rec("b.txt", "en", statements=[{**_fact("the visit was a success", speaker=speaker, mode="reported"),
                                             "offsets": [t2.index(said), t2.index(said) + len(said)]}])
        rec = merge_event(EVENT, [("d1", a, True), ("d2", b, True)], {"d1": "", "d2": t2}.get)
        point = next(f for f in rec["statements"] if "hydrogen" in f["text"])
        assert ("b.txt" in {c["doc"] for c in point["citations"]}) is cited


def test_in_one_language_two_words_sharing_only_an_english_gloss_are_not_a_shared_word():
    from kaidan.reconcile.bilingual import profile, specific_shared

    a = profile("地域を巡る情勢が揺れ動く中で、防衛の協力を増す")
    b = profile("地域の発展のために、産業の基盤を作る")
    assert specific_shared(a, b) <= 1
    assert specific_shared(profile("地域の安定と経済の発展を目指す"), profile("地域の安定と経済の発展を求める")) >= 2


def test_a_japanese_compound_glossed_by_an_english_phrase_counts_as_the_phrases_words():
    from kaidan.reconcile.bilingual import profile, specific_shared
    from kaidan.reconcile.match import text_score

    ja, en = profile("首脳によるシャトル外交"), profile("shuttle diplomacy between leaders")
    assert specific_shared(en, ja) == 2 and specific_shared(ja, en) == 2
    assert text_score(ja, en) > 0.5
    # the phrase counts only when the other side holds all of its words
    assert specific_shared(profile("シャトル外交の意義"), profile("the meaning of a shuttle bus")) == 2


def test_a_statement_naming_a_signed_document_supports_it_and_stays_a_statement():
    listed = _rec("a.txt", "en", signed_documents=[
        {"title": "Memorandum of Cooperation on cybersecurity", "evidence": "x", "offsets": [0, 1], "rule": "t"}])
    welcomed = "We also welcome the agreement of cooperation in cyber security."
    other = "We welcome the agreement on the security of semiconductor supply chains."
    b = _rec("b.txt", "en", statements=[_fact(welcomed, speaker="Fumio Kishida", mode="direct")])
    c = _rec("c.txt", "en", statements=[_fact(other, speaker="Fumio Kishida", mode="direct")])
    for order in ([("d1", listed, True), ("d2", b, True), ("d3", c, True)],
                  [("d2", b, True), ("d3", c, True), ("d1", listed, True)]):
        rec = merge_event(EVENT, order)
        (doc,) = rec["signed_documents"]
        assert doc["support"] == 2 and {x["doc"] for x in doc["citations"]} == {"a.txt", "b.txt"}
        assert any(x["evidence"] == welcomed for s in rec["statements"] for x in s["citations"])
        assert not rec["conflicts"]


def test_a_japanese_word_the_dictionary_glosses_otherwise_meets_its_english_equivalent_from_the_lexicon():
    from kaidan.reconcile.bilingual import glosses, profile, specific_shared

    assert "communicat" in glosses("意思疎通")
    assert specific_shared(profile("防衛当局間の危機管理と意思疎通の重要性"),
                           profile("the importance of crisis management and communication between defense authorities"))


def test_a_japanese_sentence_naming_a_signed_document_supports_it_but_one_on_its_field_alone_does_not():
    listed = _rec("a.txt", "ja", signed_documents=[
        {"title": "サイバーセキュリティ分野における協力覚書", "evidence": "x", "offsets": [0, 1], "rule": "t"}])
    named = _rec("b.txt", "ja", statements=[_fact("サイバーセキュリティに関する協力覚書の署名を歓迎する",
                                                  speaker="岸田文雄", mode="reported")])
    field = _rec("c.txt", "ja", statements=[_fact("サイバーセキュリティ分野での協力を一層進めていきたい",
                                                  speaker="岸田文雄", mode="reported")])
    rec = merge_event(EVENT, [("d1", listed, True), ("d2", named, True), ("d3", field, True)])
    (doc,) = rec["signed_documents"]
    assert {x["doc"] for x in doc["citations"]} == {"a.txt", "b.txt"}


def test_the_leaders_joint_statement_told_by_each_source_is_one_issued_document_of_the_event():
    texts = {"d1": "両首脳は23日に会談した。会談後、両首脳は共同声明を発出した。",
             "d2": "The leaders met in Tokyo on Saturday. In the joint statement, they pledged closer ties.",
             "d3": "Japan-Korea Joint Statement on a New Era\nThe two leaders met in Tokyo."}
    recs = [(d, _rec(f"{d}.txt", "ja" if d == "d1" else "en"), True) for d in texts]
    rec = merge_event(EVENT, recs, texts.get)
    (doc,) = rec["signed_documents"]
    assert doc["issued"] is True
    assert doc["title"] == "共同声明"
    assert {c["doc"]: c["evidence"] for c in doc["citations"]} == {
        "d1.txt": "会談後、両首脳は共同声明を発出した。",
        "d2.txt": "In the joint statement, they pledged closer ties.",
        "d3.txt": "Japan-Korea Joint Statement on a New Era"}
    assert {c["rule"] for c in doc["citations"]} == {"kaidan.merge.joint_document.v1"}
    assert doc["texts"] == {"ja": "共同声明", "en": "joint statement"}     # each language's first wording


@pytest.mark.parametrize("sentence", [
    "首相は1998年の日韓共同宣言を引き継ぐと述べた。",               # another year's document
    "首相は９８年の「日韓共同宣言」の立場を引き継ぐと述べた。",
    "両首脳は日米韓首脳共同声明の発出を歓迎した。",                # other parties
    "They recalled the Japan-U.S.-ROK joint statement issued at the trilateral summit.",
    "共同声明は発出されなかった。",                                # none issued
    "No joint statement was issued after the talks.",
    "両首脳は共同声明について意見を交わした。",                     # named, neither issued nor quoted from
])
def test_a_sentence_naming_another_document_or_none_issued_is_not_the_events_joint_document(sentence):
    assert joint_document(sentence, "JP-KR", 2025) is None
    rec = merge_event(EVENT, [("d1", _rec("a.txt", lang_of(sentence)), True)], {"d1": sentence}.get)
    assert rec["signed_documents"] == []


def test_a_joint_document_first_in_years_is_the_events_own_and_keeps_its_name_and_parties():
    assert joint_document("両国は2008年以来17年ぶりに合意文書「共同プレス発表」を発出した。", "JP-KR", 2025) == \
        "合意文書「共同プレス発表」"
    assert joint_document("The leaders issued their first joint statement since 2008.", "JP-KR", 2025) == \
        "joint statement"
    assert joint_document("両首脳は日韓首脳共同声明を発出した。", "JP-KR", 2025) == "日韓首脳共同声明"
    assert joint_document("The Korea-Japan joint statement, issued on Saturday, says more.", "JP-KR", 2025) == \
        "Korea-Japan joint statement"


def test_an_issued_joint_statement_does_not_contradict_a_source_saying_nothing_was_signed():
    texts = {"d1": "会談後、両首脳は共同声明を発出した。", "d2": "No documents were signed at the summit."}
    denial = _rec("b.txt", "en")
    denial["claims"] = [{"type": "no_document", "evidence": texts["d2"], "offsets": [0, len(texts["d2"])], "rule": "t"}]
    rec = merge_event(EVENT, [("d1", _rec("a.txt", "ja"), True), ("d2", denial, True)], texts.get)
    assert [d["issued"] for d in rec["signed_documents"]] == [True]
    assert not [c for c in rec["conflicts"] if c["field"] == "signed_documents"]


def test_the_briefing_lists_an_issued_joint_statement_as_issued_not_signed():
    texts = {"d1": "会談後、両首脳は共同声明を発出した。"}
    rec = merge_event(EVENT, [("d1", _rec("a.txt", "ja"), True)], texts.get)
    assert "- 共同声明 (issued jointly, not signed) [^1]" in event_markdown(rec)


def _meets(text: str, lemma: str, other: str) -> bool:
    from kaidan.reconcile.bilingual import meets, profile

    own, theirs = profile(text), profile(other)
    return meets(next(u for u in own.units if u.primary == lemma), own, theirs)


def test_a_compound_does_not_meet_another_compound_through_its_head_noun_alone():
    # 拉致問題 "abduction issue" and 請求権問題 / "claims issue" share only 問題 "issue"
    assert not _meets("拉致問題の解決を求める", "拉致問題", "請求権問題の解決を確認する")
    assert not _meets("拉致問題の解決を求める", "拉致問題", "the claims issue")
    assert not _meets("請求権問題の解決を確認する", "問題", "拉致問題の解決を求める")
    assert not _meets("the claims issue", "issu", "拉致問題の解決を求める")
    # the modifiers agree
    assert _meets("拉致問題の解決を求める", "拉致問題", "the abduction issue")
    assert _meets("経済協力を進める", "経済協力", "economic cooperation")
    assert not _meets("経済協力を進める", "経済協力", "security cooperation")
    assert not _meets("経済協力を進める", "経済協力", "安全保障協力を進める")


def test_a_compound_meets_its_bare_head_standing_alone():
    assert _meets("拉致問題の解決を求める", "拉致問題", "その問題の解決を求める")
    assert _meets("その問題の解決を求める", "問題", "拉致問題の解決を求める")
    assert _meets("拉致問題の解決を求める", "拉致問題", "the issue")
    assert _meets("the issue", "issu", "拉致問題の解決を求める")


def test_a_word_a_noun_stands_before_is_modified_by_it():
    from kaidan.reconcile.bilingual import profile

    assert {u.primary: u.bare for u in profile("請求権問題の解決").units} == {"請求権": True, "問題": False, "解決": True}
    assert {u.primary: u.bare for u in profile("the claims issue").units} == {"claim": True, "issu": False}


def test_a_compound_head_is_a_word_and_a_name_has_none():
    from kaidan.reconcile.bilingual import head_of, profile

    assert head_of("拉致問題") == "問題" and head_of("経済協力") == "協力"
    assert head_of("協議") == ""            # 議 is a character of the word, not a word it is made of
    (north,) = [u for u in profile("北朝鮮の動向").units if u.primary == "北朝鮮"]
    assert not north.head


def test_a_word_glossed_by_a_phrase_does_not_meet_a_word_through_the_phrase_modifier_alone():
    # 李 is glossed "Japanese plum": "Japanese" alone does not make it meet; its own words do
    assert not _meets("李大統領と会う", "李", "the Japanese side")
    assert _meets("李大統領と会う", "李", "李氏の発言")
    # in a compound's gloss the modifier renders the compound's modifier: 共同宣言 "joint declaration"
    assert _meets("共同宣言を発表する", "共同宣言", "the joint declaration")
    assert not _meets("共同宣言を発表する", "共同宣言", "the Obuchi declaration")


def test_two_clauses_sharing_a_head_noun_meet_on_the_words_they_really_share():
    from kaidan.reconcile.bilingual import meets, profile

    a = profile("請求権問題を解決した経済協力協定の重要性を確認した")
    b = profile("拉致問題の解決に向けた連携の重要性で一致した")
    # 問題 / 拉致問題 meet only through 問題; 経済協力 / 連携 only through "cooperation", 協力's gloss
    assert {u.primary for u in a.units if meets(u, a, b)} == {"解決", "協定", "重要性"}
    assert {u.primary for u in b.units if meets(u, b, a)} == {"解決", "一致", "重要性"}


def test_a_generic_head_noun_weighs_as_little_in_japanese_as_in_english():
    from kaidan.reconcile.bilingual import GENERIC_WEIGHT, profile

    for text, word in (("その問題を話し合う", "問題"), ("discuss the issue", "issu"), ("両国の協力", "協力"),
                       ("cooperation of the two", "cooperat")):
        assert next(u for u in profile(text).units if u.primary == word).weight == GENERIC_WEIGHT
    # a compound on a generic head says what it is about and keeps its weight
    assert next(u for u in profile("拉致問題を話し合う").units if u.primary == "拉致問題").weight == 1.0
