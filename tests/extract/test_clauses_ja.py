"""Japanese agreements, statements and commitments: tables of sentences in the shapes readouts use.

The sentences are written for these tests (not taken from the seeds), so a rule fitted to the
seeds' wording fails here.
"""
from __future__ import annotations

import pytest

from kaidan.pipeline import extract_text

HEAD = "令和6年5月10日\n5月10日、岸田総理大臣は、来日中のスナク英国首相と日英首脳会談を行ったところ、概要は以下のとおりです。\n"


def facts(body: str, head: str = HEAD):
    return extract_text(head + body, "t.txt").to_dict()


@pytest.mark.parametrize("body, verb, text", [
    ("両首脳は、経済安全保障分野での協力を一層強化していくことで一致しました。", "agreed",
     "経済安全保障分野での協力を一層強化していく"),
    ("両首脳は、インド太平洋地域の平和と安定の重要性を改めて確認しました。", "confirmed",
     "インド太平洋地域の平和と安定の重要性"),
    ("双方は、半導体の供給網を強靱化することで合意しました。", "agreed", "半導体の供給網を強靱化する"),
    ("両首脳は、中東情勢について認識を共有しました。", "shared_view", "中東情勢について"),
    ("両首脳は、力による一方的な現状変更の試みに強く反対しました。", "opposed", "力による一方的な現状変更の試み"),
    ("両首脳は、次世代戦闘機の共同開発が順調に進んでいることを歓迎しました。", "welcomed",
     "次世代戦闘機の共同開発が順調に進んでいる"),
    ("両首脳は、首脳間の意思疎通を継続していくことで一致。", "agreed", "首脳間の意思疎通を継続していく"),
])
def test_one_agreement_per_sentence(body, verb, text):
    out = facts(body)["agreements"]
    assert [(a["verb"], a["text"]) for a in out] == [(verb, text)]


def test_two_points_in_one_sentence_give_two_agreements():
    out = facts("両首脳は、ウクライナ情勢について認識を共有し、ロシアへの制裁を継続していくことを確認しました。")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("shared_view", "ウクライナ情勢について"), ("confirmed", "ロシアへの制裁を継続していく")]


def test_subject_stated_once_is_carried_across_clauses_and_sentences():
    out = facts("岸田総理大臣から、英国の新たな国家安全保障戦略を歓迎する旨述べ、防衛装備品の共同開発を加速したい旨述べました。"
                "また、日英関係を一層強化していく旨強調しました。")
    speakers = {s["speaker"] for s in out["statements"]}
    assert len(out["statements"]) == 3 and all("岸田" in s for s in speakers)


def test_speaker_marked_by_kara_and_karawa():
    out = facts("スナク首相からは、日本の防衛力強化の取組を高く評価する旨の発言がありました。"
                "これに対し、岸田総理大臣から、引き続き緊密に連携していきたい旨述べました。")
    assert [(s["speaker"][:2], s["mode"]) for s in out["statements"]] == [("リシ", "reported"), ("岸田", "reported")] \
        or [s["speaker"] for s in out["statements"]][1].startswith("岸田")
    assert any("スナク" in s["speaker"] or "Sunak" in s["speaker"] or "リシ" in s["speaker"]
               for s in out["statements"])


def test_direct_quotation_with_speaker_before_and_nested_brackets():
    out = facts("会見で岸田総理大臣は「英国は『グローバルな戦略的パートナー』だ。協力をさらに深めたい」と述べました。")
    st = out["statements"]
    assert len(st) == 1 and st[0]["mode"] == "direct"
    assert st[0]["text"] == "英国は『グローバルな戦略的パートナー』だ。協力をさらに深めたい"
    assert "岸田" in st[0]["speaker"]


def test_quotation_followed_by_another_predicate_is_still_direct():
    out = facts("スナク首相は「日英は最も緊密な同盟国の一つだ」と関係強化に期待感を示しました。")
    assert [(s["mode"], s["text"]) for s in out["statements"]] == [("direct", "日英は最も緊密な同盟国の一つだ")]


def test_unnamed_official_stays_as_written():
    out = facts("英政府高官は記者団に対し「両国の協力は新たな段階に入った」と述べました。")
    assert [s["speaker"] for s in out["statements"]] == ["英政府高官"]


def test_title_alone_resolves_by_date_and_people_named():
    out = facts("同首相は、日本との協力を重視している旨述べました。", head=HEAD + "スナク首相が来日しました。\n")
    assert len(out["statements"]) == 1
    assert "スナク" in out["statements"][0]["speaker"]


@pytest.mark.parametrize("body, actor, text, amount, deadline", [
    ("岸田総理大臣は、2027年度までに防衛費を国内総生産比2パーセントに増額する方針を説明しました。", "岸田",
     "2027年度までに防衛費を国内総生産比2パーセントに増額する", (2, "percent_gdp"), "FY2027"),
    ("岸田総理大臣から、今後5年間で総額1兆円の支援を行う決意を表明しました。", "岸田",
     "今後5年間で総額1兆円の支援を行う", (1e12, "JPY"), None),
    ("スナク首相から、180日以内に共同作業部会を立ち上げる意思が伝えられました。", "スナク",
     "180日以内に共同作業部会を立ち上げる", None, "within_days:180"),
])
def test_commitments_with_amount_and_deadline(body, actor, text, amount, deadline):
    out = facts(body)["commitments"]
    assert len(out) == 1
    c = out[0]
    assert c["text"] == text and c["deadline"] == deadline
    assert actor in c["actor"] or (actor == "スナク" and ("Sunak" in c["actor"] or "スナク" in c["actor"]))
    if amount:
        assert (c["amount"]["value"], c["amount"]["unit"]) == amount
    else:
        assert c["amount"] is None


def test_country_promise_is_a_commitment_not_a_statement():
    out = facts("英国は、日本への液化水素の輸出を拡大すると約束しました。")
    assert out["statements"] == []
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [("英国", "日本への液化水素の輸出を拡大する")]


def test_a_page_that_repeats_its_body_gives_each_fact_once():
    body = "両首脳は、宇宙分野での協力を強化していくことで一致しました。岸田総理大臣から、協力を歓迎する旨述べました。\n"
    once, twice = facts(body), facts(body + body)
    for t in ("agreements", "statements"):
        assert len(twice[t]) == len(once[t]) == 1


def test_readers_comments_are_not_statements():
    out = facts("両首脳は、宇宙分野での協力を強化していくことで一致しました。\n"
                "「日英の協力はもっと進めるべきだと思う」\n「ニュースを見て安心した」\n")
    assert out["statements"] == []


@pytest.mark.parametrize("body", [
    "「協力は新たな段階に入った。今後も緊密に連携したい」\n会談の後、岸田総理大臣はこう強調しました。",
    "会談の後、岸田総理大臣は次のように述べました。\n「協力は新たな段階に入った。今後も緊密に連携したい」",
])
def test_a_quotation_standing_alone_takes_its_speaker_from_the_sentence_before_or_after(body):
    out = facts(body)
    direct = [s for s in out["statements"] if s["mode"] == "direct"]
    assert [s["text"] for s in direct] == ["協力は新たな段階に入った。今後も緊密に連携したい"]
    assert "岸田" in direct[0]["speaker"]


@pytest.mark.parametrize("body, speaker", [
    # the titled name is a person of the document (extract/titled.py), written as known people are: the name
    ("ボルカノフ首相からは、日本の技術協力に感謝する旨述べました。", "ボルカノフ"),
    ("テムルバエフ大統領は、両国の経済関係を一層拡大したいと述べました。", "テムルバエフ"),
])
def test_a_titled_name_missing_from_the_people_data_is_the_speaker(body, speaker):
    out = facts(body)
    assert [s["speaker"] for s in out["statements"]] == [speaker]


def test_a_kara_phrase_inside_a_noun_modifier_is_not_the_speaker():
    out = facts("岸田総理大臣は、スナク首相からも要請のあった練習機の供与について、早期に準備を進める旨伝えました。")
    assert [s["speaker"][:2] for s in out["statements"]] == ["岸田"]


def test_a_speech_noun_ending_the_sentence_is_a_speech_verb():
    out = facts("スナク首相は、日本に新たな研究拠点を設けると表明。岸田総理大臣は「協力を一段と深めたい」と強調。")
    assert [(s["speaker"][:2], s["mode"], s["text"]) for s in out["statements"]] == [
        ("リシ", "reported", "日本に新たな研究拠点を設ける"), ("岸田", "direct", "協力を一段と深めたい")]
    assert [c["text"] for c in out["commitments"]] == ["日本に新たな研究拠点を設ける"]


def test_shusho_alone_in_japanese_news_is_the_japanese_prime_minister():
    out = facts("首相は、両国の協力は新たな段階に入ったと述べた。")
    assert [s["speaker"] for s in out["statements"]] == ["岸田文雄"]


def test_a_side_named_with_kara_is_the_speaker_and_its_plan_its_commitment():
    out = facts("(2)経済については,EU側から,欧州は域内の投資を拡大していく考えであると述べました。")
    assert [(s["speaker"], s["mode"]) for s in out["statements"]] == [("欧州連合", "reported")]
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [("欧州連合", "欧州は域内の投資を拡大していく")]


def test_a_feeling_expressed_with_a_promise_verb_is_no_commitment():
    out = facts("スナク首相は、日本政府の温かい歓待に謝意を表明しました。")
    assert len(out["statements"]) == 1 and out["commitments"] == []


def test_the_trips_own_schedule_is_no_commitment():
    out = facts("岸田総理大臣は、一連の日程を終えて、あす朝、日本に帰国する予定です。")
    assert out["commitments"] == []


def test_a_wish_to_do_a_verifiable_act_is_a_commitment_a_general_wish_is_not():
    out = facts("岸田総理大臣から、できるだけ早く英国を訪問したい旨を述べ、スナク首相からも早期に首脳会談を行いたいとの"
                "発言があった。岸田総理大臣から、両国の協力を一層深めたい旨述べた。")
    assert [s["text"] for s in out["statements"]] == [
        "できるだけ早く英国を訪問したい", "早期に首脳会談を行いたい", "両国の協力を一層深めたい"]
    assert [(c["actor"][:2], c["text"], c["rule"]) for c in out["commitments"]] == [
        ("岸田", "できるだけ早く英国を訪問したい", "kaidan.ja.commitment.wish_action.v1"),
        ("リシ", "早期に首脳会談を行いたい", "kaidan.ja.commitment.wish_action.v1")]


def test_one_actors_decision_is_a_commitment_and_hoka_ends_its_clause():
    out = facts("岸田総理大臣は、英国の要請を受け練習機の追加供与を決めたほか、新造艦の供与の早期実現を目指す方針を伝えた。"
                "岸田総理大臣は、円借款2件228億円の供与を決定したことを伝達しました。")
    assert [(c["text"], c["rule"].split(".")[3]) for c in out["commitments"]] == [
        ("英国の要請を受け練習機の追加供与", "decision"), ("新造艦の供与の早期実現を目指す", "intent_noun"),
        ("円借款2件228億円の供与", "decision")]
    assert "英国の要請を受け練習機の追加供与" not in [s["text"] for s in out["statements"]]


def test_a_decision_inside_reported_content_does_not_cut_the_clause():
    out = facts("岸田総理大臣から、英国企業が新たに約5億ドルの対日投資を決め、約千人の雇用を生み出したことを歓迎する旨述べた。")
    assert out["commitments"] == []
    assert [s["text"] for s in out["statements"]] == ["英国企業が新たに約5億ドルの対日投資を決め、約千人の雇用を生み出したことを歓迎する"]


def test_an_agreement_pointing_to_a_list_gives_one_agreement_per_item():
    out = facts("両首脳は、今回の会談の成果として、以下の点で一致。\n"
                "(ア)閣僚対話を毎年開くこと。\n(イ)青少年交流を拡充すること。\n"
                "• 防衛当局間の対話の再開。これを含む安全保障対話の重要性の確認。\n"
                "次に、岸田総理大臣から、協力を歓迎する旨述べました。\n")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("agreed", "閣僚対話を毎年開く"), ("agreed", "青少年交流を拡充する"), ("agreed", "防衛当局間の対話の再開"),
        ("confirmed", "これを含む安全保障対話の重要性")]
    assert {a["rule"] for a in out["agreements"]} == {"kaidan.ja.agreement.list_item.v1"}
    assert [s["text"] for s in out["statements"]] == ["協力を歓迎する"]


def test_a_known_person_with_an_office_and_its_institution_is_the_speaker():
    out = facts("フォン・デア・ライエン欧州委員長から,日本の支援に感謝する旨述べました。")
    assert [s["speaker"] for s in out["statements"]] == ["ウルズラ・フォン・デア・ライエン"]


def test_kara_no_modifies_a_noun_and_names_no_speaker():
    out = facts("岸田総理大臣は、英国からの観光客の来訪に期待を示しました。")
    assert [s["speaker"][:2] for s in out["statements"]] == ["岸田"]


def test_a_katakana_name_with_shi_is_a_person():
    out = facts("ボルカノフ氏は「日本を重んじている」と述べた。")
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [("ボルカノフ氏", "日本を重んじている")]


def test_mo_marked_speaker_before_a_quotation_with_verbs_inside():
    out = facts("岸田総理大臣は「協力を進めたい」と述べた。スナク首相も「日本は信頼できる友人であり、共に歩む」と述べた。")
    assert [s["speaker"][:2] for s in out["statements"]] == ["岸田", "リシ"]


def test_a_one_kanji_family_name_with_shi_is_the_leader_of_that_name():
    head = "2025年6月9日\n石破総理大臣は、李在明韓国大統領と電話会談を行った。\n"
    out = facts("石破総理大臣は、就任への祝意を伝えた。李氏は「日韓関係の重要性が増している」と強調した。", head=head)
    assert [s["speaker"] for s in out["statements"]] == ["石破茂", "李在明"]


def test_one_speakers_welcome_and_thanks_in_one_sentence_are_one_statement():
    out = facts("岸田総理大臣から、スナク首相の訪日を歓迎し、多忙な中での訪問に感謝を述べました。"
                "スナク首相は、日本の歓待を歓迎し、「協力を進めたい」と述べました。")
    assert [(s["speaker"][:2], s["text"]) for s in out["statements"]] == [
        ("岸田", "スナク首相の訪日を歓迎し、多忙な中での訪問に感謝"), ("リシ", "日本の歓待"), ("リシ", "協力を進めたい")]


def test_one_speakers_juushi_is_a_stance_not_an_agreement():
    out = facts("岸田総理大臣から、日本は英国を極めて重視しており、今後も防衛分野での協力を強化していく旨述べました。")
    assert out["agreements"] == []
    assert [s["text"] for s in out["statements"]] == ["日本は英国を極めて重視しており、今後も防衛分野での協力を強化していく"]
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [
        ("日本", "英国を極めて重視しており、今後も防衛分野での協力を強化していく")]


def test_a_leaders_own_welcome_or_stance_inside_the_quotation_is_no_agreement():
    out = facts("岸田総理大臣は「スナク首相の訪日を心から歓迎する。われわれは法の支配という原則を共有している。"
                "両国は宇宙協力を拡大することで一致した」と述べました。")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [("agreed", "宇宙協力を拡大する")]


def test_a_plain_non_past_agreement_verb_with_no_subject_is_a_forecast():
    out = facts("来週の首脳会合は首相が議長を務め、人工知能分野の協力枠組み新設で合意する。"
                "両首脳は、閣僚対話を毎年開くことで合意する。")
    assert [a["text"] for a in out["agreements"]] == ["閣僚対話を毎年開く"]


def test_the_partner_named_with_tono_aida_is_not_the_actor():
    out = facts("岸田総理大臣は、オーストラリアとの間では、宇宙分野で共同研究を始める方針を示した。")
    assert [c["actor"][:2] for c in out["commitments"]] == ["岸田"]


def test_concessive_temo_does_not_end_the_clause():
    out = facts("スナク首相から、日本の支援にはいくら感謝してもしきれない旨述べました。")
    assert [s["text"] for s in out["statements"]] == ["日本の支援にはいくら感謝してもしきれない"]


def test_an_occasion_alone_before_a_speech_verb_is_no_statement():
    out = facts("今回の協議は、スナク首相が昨年5月の首脳会談で提案した。")
    assert out["statements"] == []


def test_news_style_sns_post_and_hearsay_close_a_statement():
    out = facts("スナク首相は会談後に「非常に良い会談だった」とSNSに投稿しました。"
                "また、スナク首相は岸田総理大臣が英国を訪問するように招待したということです。")
    assert [(s["mode"], s["text"]) for s in out["statements"]] == [
        ("direct", "非常に良い会談だった"), ("reported", "岸田総理大臣が英国を訪問するよう")]


def test_a_verb_of_agreement_itself_gives_an_agreement_and_its_plain_form_a_forecast():
    out = facts("両首脳はまた、重要鉱物の供給網での連携も申し合わせた。")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [("agreed", "重要鉱物の供給網での連携")]
    # no subject, plain non-past: what a meeting to come is expected to do
    assert facts("来月の閣僚会合では、物流網の整備に向けた協力も申し合わせる。")["agreements"] == []


@pytest.mark.parametrize("body, text", [
    ("スナク首相は、北海での漁業協定の扱いに言及。", "北海での漁業協定の扱い"),
    ("スナク首相は、両国の研究協力は今後さらに広がっていくとコメント。", "両国の研究協力は今後さらに広がっていく"),
    ("岸田総理大臣は、航行の自由が何より重要だとけん制した。", "航行の自由が何より重要だ"),
])
def test_news_speech_nouns_comment_kensei_and_dative_genkyu(body, text):
    assert [s["text"] for s in facts(body)["statements"]] == [text]


def test_a_country_and_its_leaders_title_name_the_holder_of_that_office():
    out = facts("英国首相は、日本の支援に深い謝意を表する旨述べました。")
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [("リシ・スナク", "日本の支援に深い謝意を表する")]


def test_a_headline_quotation_is_a_statement_of_the_person_named_before_it():
    head = "日英首脳会談 スナク首相「協力は新たな段階に」 岸田首相「心強い友人」\n\n"
    out = facts("5月10日、岸田総理大臣は、来日中のスナク英国首相と会談しました。", head=head)
    assert sorted((s["speaker"], s["text"], s["mode"]) for s in out["statements"]) == [
        ("リシ・スナク", "協力は新たな段階に", "direct"), ("岸田文雄", "心強い友人", "direct")]
    assert {s["rule"] for s in out["statements"]} == {"kaidan.ja.statement.headline_quote.v1"}


def test_a_sub_heading_over_the_same_quotation_in_the_body_is_not_a_second_statement():
    body = ("岸田首相「防衛協力を次の段階へ」\n\n"
            "岸田総理大臣は共同記者会見で「英国との防衛協力を次の段階へ進めていきたい」と述べました。")
    out = facts(body)
    assert [s["text"] for s in out["statements"]] == ["英国との防衛協力を次の段階へ進めていきたい"]


@pytest.mark.parametrize("body", [
    "「港湾協力を一段と深めたい」と岸田総理大臣は述べた。",
    "「港湾協力を一段と深めたい」と岸田首相が述べた。",
    "「港湾協力を一段と深めたい」と岸田首相は会談後、記者団に語った。",
])
def test_news_order_quotation_first_then_speaker(body):
    out = facts(body)
    assert [(s["speaker"], s["text"], s["mode"]) for s in out["statements"]] == [
        ("岸田文雄", "港湾協力を一段と深めたい", "direct")]


def test_a_quoted_welcome_in_the_continuative_ends_before_the_next_quotation():
    out = facts("岸田総理大臣は「初の訪問先が日本で光栄だ」と歓迎し「友人として心強い」と応じた。")
    assert [s["text"] for s in out["statements"]] == ["初の訪問先が日本で光栄だ", "友人として心強い"]
    # …に触れ「…」と述べた: the topic mentioned is no statement of its own
    out = facts("岸田総理大臣は、両国の若者交流の写真に触れ「未来は明るい」と述べた。")
    assert [s["text"] for s in out["statements"]] == ["未来は明るい"]


def test_quotations_side_by_side_before_one_to_are_one_statement():
    out = facts("晩餐会で岸田総理大臣は「訪日を心から歓迎する」「英国は古い友人だ」などと挨拶した。")
    assert [(s["text"], s["mode"]) for s in out["statements"]] == [("訪日を心から歓迎する 英国は古い友人だ", "direct")]


def test_a_transcript_turn_continues_on_the_bare_quotations_below_it():
    body = ("会談後の共同記者発表での発言は次の通り。\n\n"
            "岸田首相「スナク首相の来日を歓迎します。」\n\n"
            "「両国の防衛当局の代表者がこの場で覚書に署名しました。」\n\n"
            "次に、スナク首相が発言した。")
    out = facts(body)
    turn = [s for s in out["statements"] if s["rule"] == "kaidan.ja.statement.headline_quote.v1"]
    assert [(s["speaker"], s["text"]) for s in turn] == [
        ("岸田文雄", "スナク首相の来日を歓迎します。 両国の防衛当局の代表者がこの場で覚書に署名しました")]
    assert [d["title"] for d in out["signed_documents"]] == ["覚書"]


def test_a_bare_quotation_with_no_turn_above_it_is_still_no_article_line():
    out = facts("両首脳は、港湾協力を進めることで一致しました。\n\n「両国の防衛当局の代表者が覚書に署名しました。」")
    assert out["signed_documents"] == [] and out["statements"] == []


@pytest.mark.parametrize("body", [
    "両首脳は、中東情勢について意見交換したうえで、引き続き緊密に連携していくことで一致した。",
    "両首脳は,中東情勢について率直な意見交換を行い,引き続き緊密に連携していくことで一致しました。",
])
def test_the_exchange_of_views_before_the_point_is_not_what_was_agreed(body):
    assert [a["text"] for a in facts(body)["agreements"]] == ["引き続き緊密に連携していく"]


def test_a_quotation_with_quotative_toshite_is_the_direct_statement():
    out = facts("岸田総理大臣は、「国際法を踏まえている」としてスナク首相の対応を評価した。")
    assert [(s["text"], s["mode"]) for s in out["statements"]] == [("国際法を踏まえている", "direct")]


def test_one_undertaking_told_in_the_lead_and_the_body_with_different_reasons_is_one_commitment():
    body = ("岸田総理大臣は、英国の負担も増しているとして、技術協力を通じて支えていく意向を示しました。\n"
            "会談で岸田総理大臣は、物価高により英国の負担も増えているとして、技術協力=政府間協力を通じて支えていく意向を示しました。")
    out = facts(body)
    assert [c["text"] for c in out["commitments"]] == [
        "物価高により英国の負担も増えているとして、技術協力=政府間協力を通じて支えていく"]


@pytest.mark.parametrize("body, text, mode", [
    ("「歴代内閣の立場を引き継いでいる」と岸田首相が述べたことを強調した。", "歴代内閣の立場を引き継いでいる", "direct"),
    ("歴史認識については、「歴代内閣の立場を引き継いでいる」と岸田首相が述べたことを強調した。",
     "歴史認識については、「歴代内閣の立場を引き継いでいる」", "reported"),
])
def test_a_nominalised_report_of_a_quotation_is_its_speakers_statement(body, text, mode):
    out = facts(body)
    assert [(s["speaker"], s["text"], s["mode"]) for s in out["statements"]] == [("岸田文雄", text, mode)]


def test_yori_marks_the_speaker_and_a_passive_keeps_the_speaker_named_in_its_sentence():
    out = facts("スナク首相より,日本の支援に謝意が示されると共に,引き続き研究交流の強化に対して希望が示されました。")
    assert [(s["speaker"], s["text"]) for s in out["statements"]][-1] == ("リシ・スナク", "引き続き研究交流の強化に対して希望")
    # a passive with nobody named in its sentence states no speaker
    assert facts("会談では、新たな協力案件が紹介されました。")["statements"] == []
    # より after a country is a comparison, not the speaker
    out = facts("スナク首相は、日本より早く研究拠点を設ける方針を説明しました。")
    assert [s["speaker"] for s in out["statements"]] == ["リシ・スナク"]


def test_a_headline_welcome_with_no_subject_is_no_agreement_but_a_headline_accord_is():
    head = "英首相が初来日 総理笑顔で歓迎\n\n"
    assert facts("5月10日、岸田総理大臣は、来日中のスナク英国首相と会談しました。", head=head)["agreements"] == []
    head = "日英首脳 防衛協力の強化で一致\n\n"
    out = facts("5月10日、岸田総理大臣は、来日中のスナク英国首相と会談しました。", head=head)
    assert [a["text"] for a in out["agreements"]] == ["防衛協力の強化"]


def test_a_chain_after_a_two_sided_agreement_verb_is_both_sides_not_the_last_speaker():
    body = ("スナク首相は「英国は日本の最も近い友人だ」と述べました。"
            "両国は宇宙分野の協力にも合意し、重要鉱物の供給網を多角化する姿勢を鮮明にしました。"
            "また、宇宙分野の協力にも合意し、重要鉱物の供給網を多角化する姿勢を鮮明にしました。")
    out = facts(body)
    assert [s["speaker"] for s in out["statements"]] == ["リシ・スナク"]
    assert not any("多角化" in c["text"] for c in out["commitments"])
    assert any(a["verb"] == "agreed" and "宇宙分野の協力" in a["text"] for a in out["agreements"])
    # the speaker carried into such a sentence is handed on to the next one
    after = facts("スナク首相は「英国は日本の最も近い友人だ」と述べました。"
                  "宇宙分野の協力にも合意し、重要鉱物の供給網を多角化する姿勢を鮮明にしました。"
                  "さらに、日本の半導体産業を高く評価したと述べました。")
    assert [s["speaker"] for s in after["statements"]] == ["リシ・スナク", "リシ・スナク"]
