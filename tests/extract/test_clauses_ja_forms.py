"""Japanese forms of reporting that readouts and news share: verbs of manner after a quotation (「…」と笑顔で
迎えた), …するとともに between two clauses, the frame noun of a reported thought (…とのN), and a page cut in the
middle of its last agreement. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from kaidan.pipeline import extract_text

HEAD = "令和6年5月10日\n5月10日、岸田総理大臣は、来日中のスナク英国首相と日英首脳会談を行ったところ、概要は以下のとおりです。\n"


def facts(body: str, head: str = HEAD):
    return extract_text(head + body, "t.txt").to_dict()


def said(body: str) -> list[tuple[str, str, str]]:
    return [(s["mode"], s["text"], s["rule"]) for s in facts(body)["statements"]]


MANNER = "kaidan.ja.statement.quote_manner.v1"


@pytest.mark.parametrize("body, text", [
    ("岸田総理大臣は「首相の来日を心待ちにしていた」と笑顔で迎えました。", "首相の来日を心待ちにしていた"),
    ("岸田総理大臣は「協定の署名は大きな前進だ」と胸を張りました。", "協定の署名は大きな前進だ"),
    ("スナク首相は記者団に「両国の協力は新しい段階に入った」と締めくくった。", "両国の協力は新しい段階に入った"),
])
def test_a_verb_of_manner_after_a_quotation_reports_it(body, text):
    assert said(body) == [("direct", text, MANNER)]


def test_a_quotation_then_a_verb_of_manner_after_a_speech_verb_gives_two_statements():
    out = said("岸田総理大臣は「来日を歓迎する」と述べ、「協力を深めたい」と力を込めました。")
    assert [(m, t) for m, t, _ in out] == [("direct", "来日を歓迎する"), ("direct", "協力を深めたい")]
    assert out[1][2] == MANNER


@pytest.mark.parametrize("body", [
    "岸田総理大臣は、空港でスナク首相を笑顔で迎えました。",
    "両首脳は、経済連携協定が本日発効を迎えたことを歓迎しました。",
    "岸田総理大臣は、会談の成果に胸を張りました。",
])
def test_a_verb_of_manner_without_a_quotation_is_no_statement(body):
    assert MANNER not in [r for _, _, r in said(body)]


def test_a_speech_verb_before_tomo_ni_ends_its_own_statement():
    out = said("スナク首相から、岸田総理の再選に祝意を伝達するとともに、両国の協力を一層深めていきたい旨述べました。")
    assert [t for _, t, _ in out] == ["岸田総理の再選に祝意", "両国の協力を一層深めていきたい"]


def test_a_stance_verb_before_tomo_ni_continues_the_same_turn():
    out = said("スナク首相から、岸田総理の訪英を歓迎するとともに、両国の協力を一層深めていきたい旨述べました。")
    assert [t for _, t, _ in out] == ["岸田総理の訪英を歓迎するとともに、両国の協力を一層深めていきたい"]


def test_both_sides_welcoming_before_tomo_ni_and_confirming_give_two_agreements():
    out = facts("両首脳は、経済連携協定の発効を歓迎するとともに、その着実な実施を目指していくことを確認しました。")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("welcomed", "経済連携協定の発効"), ("confirmed", "その着実な実施を目指していく")]


@pytest.mark.parametrize("body, text", [
    ("スナク首相から、日本の高い技術を評価するとの前向きな考えが示されました。", "日本の高い技術を評価する"),
    ("スナク首相は、対話の扉は開かれているという認識を示しました。", "対話の扉は開かれている"),
])
def test_the_frame_noun_of_a_reported_thought_is_no_part_of_what_was_said(body, text):
    assert [t for _, t, _ in said(body)] == [text]


def test_a_thought_frame_still_makes_a_commitment_of_an_intention():
    out = facts("岸田総理大臣は、英国への円借款を来年度に供与するとの意向を示しました。")
    assert [s["text"] for s in out["statements"]] == ["英国への円借款を来年度に供与する"]
    assert [c["text"] for c in out["commitments"]] == ["英国への円借款を来年度に供与する"]


CUT = "kaidan.ja.agreement.cut_tail.v1"


@pytest.mark.parametrize("tail, text", [
    ("両首脳は、海洋安全保障分野で緊密に協力していくことで一", "海洋安全保障分野で緊密に協力していく"),
    ("双方は、首脳間の対話を継続していくこと", "首脳間の対話を継続していく"),
    ("両首脳は、地域の平和と安定の重要性を改めて確認し、今後も連携していくことを確", "今後も連携していく"),
])
def test_a_page_cut_after_the_complement_of_an_agreement_keeps_the_point(tail, text):
    out = facts("両首脳は、経済協力を強化することで一致しました。\n" + tail)["agreements"]
    assert ("other", text, CUT) in [(a["verb"], a["text"], a["rule"]) for a in out]


@pytest.mark.parametrize("tail", [
    "スナク首相から、首脳間の対話を継続していくこと",          # one side: what it would have said is unknown
    "両首脳は、首脳間の対話を継続していくことで一致した。\n(写真)",  # not the cut sentence
    "両首脳は、首脳間の対話を継続",                           # cut before the complement marker
])
def test_no_cut_agreement_without_both_sides_or_a_cut_complement(tail):
    out = facts("両首脳は、経済協力を強化することで一致しました。\n" + tail)["agreements"]
    assert CUT not in [a["rule"] for a in out]


NEWS = "【ソウル共同】石破茂首相は9日、韓国の李在明大統領と電話会談した。\n"


def test_an_institution_that_announces_a_quotation_is_its_speaker():
    out = facts("韓国大統領府は「互いの信頼に基づき、未来志向の関係を築くことで両首脳が一致した」と発表した。", NEWS)
    assert [(s["speaker"], s["mode"], s["text"]) for s in out["statements"]] == [
        ("韓国大統領府", "direct", "互いの信頼に基づき、未来志向の関係を築くことで両首脳が一致した")]
    # the point both sides agreed, without the sides named after it
    assert [a["text"] for a in out["agreements"]] == ["互いの信頼に基づき、未来志向の関係を築く"]


def test_an_institution_as_subject_is_not_the_leader_carried_from_before():
    out = facts("石破首相は「訪問を歓迎する」と述べた。外務省は「両首脳は、関係を発展させていくことで一致した」とした。", NEWS)
    assert [(s["speaker"], s["text"]) for s in out["statements"]][0] == ("石破茂", "訪問を歓迎する")
    assert "石破茂" not in [s["speaker"] for s in out["statements"][1:]]
    assert [a["text"] for a in out["agreements"]] == ["関係を発展させていく"]


def test_a_plain_announcement_without_a_quotation_is_no_statement():
    out = facts("韓国大統領府は会談の結果を発表した。", NEWS)
    assert out["statements"] == []


def test_ryoshi_is_both_sides():
    out = facts("両氏は、北朝鮮への対応で緊密に連携する重要性を確認した。", NEWS)
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [("confirmed", "北朝鮮への対応で緊密に連携する重要性")]


def test_the_meetings_own_passive_clause_is_no_part_of_the_agreed_point():
    out = facts("会談は約30分間行われ、「安定的な関係」を目指す方針でも一致した。", NEWS)
    assert [a["text"] for a in out["agreements"]] == ["「安定的な関係」を目指す方針"]


def test_a_passive_of_okonau_inside_the_point_stays_in_it():
    out = facts("両首脳は、閣僚協議が定期的に行われることで一致した。", NEWS)
    assert [a["text"] for a in out["agreements"]] == ["閣僚協議が定期的に行われる"]


def test_plain_forms_listed_before_mune_are_one_turn():
    out = said("スナク首相から,ご招待に感謝する,英国は日本の最も緊密なパートナーである,"
               "両国の協力を一層深めていきたい旨の発言がありました。")
    assert [t for _, t, _ in out] == [
        "ご招待に感謝する,英国は日本の最も緊密なパートナーである,両国の協力を一層深めていきたい"]


def test_a_continuative_speech_verb_before_a_comma_still_ends_its_clause():
    out = said("スナク首相から,ご招待に感謝を表し,両国の協力を一層深めていきたい旨述べました。")
    assert [t for _, t, _ in out] == ["ご招待に感謝", "両国の協力を一層深めていきたい"]
