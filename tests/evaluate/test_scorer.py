"""The scorer follows FACTS.md's matching rules."""
from __future__ import annotations

from kaidan.evaluate.scorer import Names, dice, evidence_ok, score_documents, score_type


def names() -> Names:
    n = Names()
    n.aliases = [("高市", "takaichi"), ("takaichi", "takaichi"), ("日本", "country:JP"), ("japan", "country:JP")]
    n.country_of = {"takaichi": "JP"}
    return n


def test_dice_of_identical_and_disjoint_texts():
    assert dice("日米同盟の強化", "「日米同盟の強化」") == 1.0
    assert dice("日米同盟", "気候変動") == 0.0


def test_greedy_matching_is_one_to_one_best_first():
    gold = [{"text": "日米同盟を強化していく", "verb": "agreed"}]
    out = [{"text": "日米同盟を強化していく", "verb": "agreed"}, {"text": "日米同盟を強化", "verb": "agreed"}]
    matched, _ = score_type("agreements", gold, out, names())
    assert matched == [(0, 0)]


def test_commitment_actor_leader_stands_for_country():
    gold = [{"actor": "高市", "text": "防衛費を増額する", "amount": None, "deadline": None}]
    out = [{"actor": "日本", "text": "防衛費を増額する", "amount": None, "deadline": None}]
    matched, attrs = score_type("commitments", gold, out, names())
    assert matched == [(0, 0)] and attrs["deadline"] == [1, 1]


def test_statement_speaker_must_match_not_only_the_text():
    gold = [{"speaker": "高市", "text": "協力を深めたい", "mode": "direct"}]
    out = [{"speaker": "日本", "text": "協力を深めたい", "mode": "direct"}]
    assert score_type("statements", gold, out, names())[0] == []


def test_quantities_need_unit_and_value_within_half_a_percent():
    gold = [{"text": "5500億ドル", "value": 550e9, "unit": "USD"}]
    assert score_type("quantities", gold, [{"text": "x", "value": 552e9, "unit": "USD"}], names())[0] == [(0, 0)]
    assert score_type("quantities", gold, [{"text": "x", "value": 560e9, "unit": "USD"}], names())[0] == []
    assert score_type("quantities", gold, [{"text": "x", "value": 550e9, "unit": "JPY"}], names())[0] == []


def test_evidence_is_checked_after_nfkc_and_whitespace_folding():
    assert evidence_ok("5,500億ドル  規模", "「５，５００億ドル 規模」")
    assert not evidence_ok("存在しない文", "本文")


def test_event_and_citation_scores():
    gold = {"d": {"event": {"date": "2025-10-28", "countries": ["JP", "US"]}}}
    out = {"d": {"event": {"date": "2025-10-28", "countries": ["US", "JP"]},
                 "quantities": [{"text": "1兆ドル", "value": 1e12, "unit": "USD", "evidence": "1兆ドル"}]}}
    s = score_documents(gold, out, {"d": "…1兆ドル…"}, names())
    assert s["event_accuracy"] == 1.0 and s["citation_validity"] == 1.0
    assert s["types"]["quantities"]["precision"] == 0.0


def test_meetings_match_on_kind_alone_when_the_text_does_not_fix_the_date():
    gold = [{"kind": "summit", "date": "2023-05-20", "start": None, "duration_minutes": None}]
    out = [{"kind": "summit", "date": "2023-05-21", "start": None, "duration_minutes": None}]
    assert score_type("meetings", gold, out, names())[0] == []
    assert score_type("meetings", gold, out, names(), date_stated=False)[0] == [(0, 0)]


def test_documents_without_a_stated_date_are_not_scored_on_the_event():
    gold = {"a": {"event": {"date": "2023-05-20", "countries": ["JP", "US"]}},
            "b": {"event": {"date": "2023-05-20", "countries": ["JP", "US"], "date_stated": False}},
            "c": {"event": {"date": None, "countries": ["JP", "US"]}}}
    out = {d: {"event": {"date": "2023-05-20", "countries": ["JP", "US"]}} for d in ("a",)}
    s = score_documents(gold, out, {}, names())
    assert s["event_accuracy"] == 1.0 and s["events_scored"] == 1
    assert s["per_document"]["b"]["event"] is None


def test_all_is_the_micro_average_over_every_type():
    gold = {"d": {"quantities": [{"text": "1兆ドル", "value": 1e12, "unit": "USD"}],
                  "statements": [{"speaker": "高市", "text": "協力を深めたい", "mode": "direct"}]}}
    out = {"d": {"quantities": [{"text": "1兆ドル", "value": 1e12, "unit": "USD", "evidence": "1兆ドル"}]}}
    s = score_documents(gold, out, {"d": "1兆ドル"}, names())
    assert (s["all"]["matched"], s["all"]["output"], s["all"]["gold"]) == (1, 1, 2)
    assert s["all"]["recall"] == 0.5
