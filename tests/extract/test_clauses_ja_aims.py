"""Japanese commitments against general aims, preparations of a verifiable act, and a speaker's turn cut by the
end of a stored page. The sentences are written for these tests (not taken from any corpus)."""
from __future__ import annotations

import pytest

from kaidan.pipeline import extract_text

HEAD = "令和6年5月10日\n5月10日、岸田総理大臣は、来日中のスナク英国首相と日英首脳会談を行ったところ、概要は以下のとおりです。\n"


def facts(body: str):
    return extract_text(HEAD + body, "t.txt").to_dict()


@pytest.mark.parametrize("body, said", [
    ("岸田総理大臣は、英国との間では、宇宙や医療の分野でさらに協力関係を深化させるとの意向を示しました。",
     "英国との間では、宇宙や医療の分野でさらに協力関係を深化させる"),
    ("岸田総理大臣から、英国との関係を一層強化する考えを伝えました。", "英国との関係を一層強化する考え"),
    ("スナク首相から、日本との絆を深めるとの意向が示されました。", "日本との絆を深める"),
])
def test_an_intention_only_to_deepen_a_relationship_is_a_statement_not_a_commitment(body, said):
    out = facts(body)
    assert [s["text"] for s in out["statements"]] == [said]
    assert out["commitments"] == []


@pytest.mark.parametrize("body, text", [
    ("岸田総理大臣から、2027年度までに英国との防衛協力を強化する方針を説明しました。", "2027年度までに英国との防衛協力を強化する"),
    ("岸田総理大臣から、来年度中に英国に研究拠点を設ける方針を説明しました。", "来年度中に英国に研究拠点を設ける"),
])
def test_an_intention_with_a_deadline_or_an_act_stays_a_commitment(body, text):
    out = facts(body)
    assert [(c["text"], c["rule"]) for c in out["commitments"]] == [(text, "kaidan.ja.commitment.intent_noun.v2")]


def test_preparing_a_verifiable_act_is_an_undertaking_of_it():
    out = facts("岸田総理大臣から、要請のあった練習機の供与について、手続きが整えば、早期の引き渡しに向け準備を進める旨伝達しました。")
    assert [(c["actor"][:2], c["rule"]) for c in out["commitments"]] == [("岸田", "kaidan.ja.commitment.preparation.v1")]
    assert out["commitments"][0]["text"].endswith("早期の引き渡しに向け準備を進める")


@pytest.mark.parametrize("body", [
    "岸田総理大臣から、検討の準備を進める旨伝達しました。",
    "岸田総理大臣から、英国との対話の準備を進める旨伝達しました。",
])
def test_preparing_without_a_verifiable_goal_is_no_commitment(body):
    out = facts(body)
    assert len(out["statements"]) == 1
    assert out["commitments"] == []


CUT = ("岸田総理大臣から,日本は平和国家として歩んできた旨述べた。また,国際協調の立場から,今後も地域と国際社会の安定に一層貢献していく,"
       "この一環として関連する法整備を進めており,首")


def test_a_turn_cut_before_its_speech_verb_keeps_its_complete_points():
    out = facts(CUT)
    assert [(s["speaker"][:2], s["mode"], s["text"], s["rule"]) for s in out["statements"]][1:] == [
        ("岸田", "reported", "国際協調の立場から,今後も地域と国際社会の安定に一層貢献していく,この一環として関連する法整備を進めており",
         "kaidan.ja.statement.cut_speech.v1")]
    assert [(c["actor"][:2], c["text"]) for c in out["commitments"]] == [("岸田", "国際協調の立場から,今後も地域と国際社会の安定に一層貢献していく")]
    for f in out["statements"] + out["commitments"]:
        assert f["evidence"] in HEAD + CUT


def test_a_cut_turn_ending_in_besides_keeps_the_point_before_it():
    out = facts("スナク首相は,日本の歓待に感謝の意を述べた上で,両国は法の支配の重要性で一致している他,技術分野で")
    assert [s["text"] for s in out["statements"]] == ["日本の歓待に感謝の意", "両国は法の支配の重要性で一致している"]


@pytest.mark.parametrize("body", [
    # the point before the cut is incomplete (a topic, a compound particle)
    "また,岸田総理大臣から,練習機の無償譲渡は,防衛協力を進める上で大きな一",
    "また,スナク首相より,日本のこれまでの協力に対し,高い評価と謝",
    # no speaker's turn: a subject with は that has not spoken in the sentence
    "岸田総理大臣は,ロンドンの研究所を視察し,研究者と懇談し,大",
])
def test_a_cut_clause_that_is_no_complete_spoken_point_gives_nothing(body):
    assert facts(body)["statements"] == []


def test_a_page_that_is_not_cut_gives_no_cut_turn():
    out = facts("岸田総理大臣から,今後も地域の安定に一層貢献していく,この一環として法整備を進めている旨述べた。")
    assert [s["rule"] for s in out["statements"]] == ["kaidan.ja.statement.reported.v4"]


@pytest.mark.parametrize("body, said", [
    ("スナク首相は会談で、日本への液化水素の輸出を拡大すると伝えました。", "日本への液化水素の輸出を拡大する"),
    ("岸田総理大臣は共同記者会見で、英国との防衛装備品の共同開発を進める考えを示しました。", "英国との防衛装備品の共同開発を進める考え"),
    ("岸田総理大臣は記者団に対し、英国との経済対話を来年も開く考えを示しました。", "英国との経済対話を来年も開く考え"),
])
def test_the_occasion_or_addressee_of_a_speech_is_no_part_of_what_was_said(body, said):
    assert [s["text"] for s in facts(body)["statements"]] == [said]


@pytest.mark.parametrize("body, text", [
    ("また、スナク首相は、日本にとって必要な時は、いつでも助けになる旨強調しました。", "日本にとって必要な時は、いつでも助けになる"),
    ("スナク首相から、被災した地域の復興の力になる旨述べました。", "被災した地域の復興の力になる"),
    ("スナク首相は「必要な時は、いつでも力になる」と述べました。", "必要な時は、いつでも力になる"),
])
def test_the_idiom_of_help_is_an_undertaking_of_the_speaker(body, text):
    out = facts(body)
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [("リシ・スナク", text)]


@pytest.mark.parametrize("body", [
    "スナク首相から、この協定は両国にとって大きな力になる旨述べました。",
    "スナク首相は「この合意は両国の力になる」と述べました。",
    "スナク首相から、日本は今後も重要な市場となる旨述べました。",
])
def test_a_thing_that_becomes_a_strength_is_no_undertaking(body):
    out = facts(body)
    assert len(out["statements"]) == 1
    assert out["commitments"] == []


@pytest.mark.parametrize("body, actor, text", [
    # the other leader of the meeting is the one thanked
    ("スナク首相は「港湾整備への支援の表明に深く感謝する」と述べました。", "日本", "港湾整備への支援"),
    # the side named before the act
    ("スナク首相から、日本からの練習機の供与の決定に謝意が示されました。", "日本", "練習機の供与"),
])
def test_thanks_for_an_announced_act_report_the_undertaking_of_the_one_thanked(body, actor, text):
    out = facts(body)
    assert [(c["actor"], c["text"], c["rule"]) for c in out["commitments"]] == [
        (actor, text, "kaidan.ja.commitment.thanked_pledge.v1")]


def test_thanks_for_an_act_its_maker_announced_add_no_second_commitment():
    out = facts("岸田総理大臣から、練習機の供与を決定した旨伝えました。スナク首相から、練習機の供与の決定に謝意が示されました。")
    assert [(c["actor"][:2], c["text"]) for c in out["commitments"]] == [("岸田", "練習機の供与")]


@pytest.mark.parametrize("body", [
    "スナク首相は、日本の支援表明に対して謝意を示しました。",     # the act says no more than "support"
    "スナク首相は、日本の長年の支援に深く感謝する旨述べました。",  # thanks for past help, no announcement
])
def test_thanks_without_an_announced_verifiable_act_give_no_commitment(body):
    out = facts(body)
    assert len(out["statements"]) == 1
    assert out["commitments"] == []


def test_a_lead_repeated_in_the_body_with_another_reason_is_one_statement():
    out = facts("岸田総理大臣は、英国の負担も増しているとして、技術協力を通じて支えていく意向を示しました。\n"
                "そして、岸田総理大臣は、英国の財政負担も年々増えているとして、技術協力を通じて支えていく意向を示しました。")
    assert [s["text"] for s in out["statements"]] == ["英国の財政負担も年々増えているとして、技術協力を通じて支えていく意向"]
    assert len(out["commitments"]) == 1


def test_two_different_points_after_reasons_stay_two_statements():
    out = facts("岸田総理大臣は、英国の負担も増しているとして、技術協力を通じて支えていく意向を示しました。\n"
                "岸田総理大臣は、留学生が増えているとして、奨学金の枠を広げていく意向を示しました。")
    assert len(out["statements"]) == 2


@pytest.mark.parametrize("body, actor, text", [
    ("岸田総理大臣から、英国の原子力発電所の建設を支援する方針に変わりはない旨述べました。", "岸田文雄",
     "英国の原子力発電所の建設を支援する"),
    # an official not named speaks for its government
    ("英国政府高官は、日本との協力を引き続き支持し、ともに地域の安定に取り組む考えは変わらないと強調しました。", "英国",
     "日本との協力を引き続き支持し、ともに地域の安定に取り組む"),
])
def test_an_intention_said_to_be_unchanged_is_restated(body, actor, text):
    out = facts(body)
    assert [(c["actor"], c["text"], c["rule"]) for c in out["commitments"]] == [
        (actor, text, "kaidan.ja.commitment.intent_noun.v2")]


def test_a_stance_said_to_be_unchanged_is_a_statement_only():
    out = facts("岸田総理大臣から、ウクライナと共にあるとの日本の姿勢は変わらない旨述べました。")
    assert len(out["statements"]) == 1
    assert out["commitments"] == []
