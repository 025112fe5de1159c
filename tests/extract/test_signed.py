"""Signed documents: the constructions of data/rules/ja_signed.json and en_signed.json, on sentences written here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kaidan.pipeline import extract_text

RULES = Path(__file__).resolve().parents[2] / "src" / "kaidan" / "data" / "rules"


def signed(text: str) -> list[tuple[str, str]]:
    return [(d["title"], d["rule"]) for d in extract_text(text, "t.txt").to_dict()["signed_documents"]]


def titles(text: str) -> list[str]:
    return [t for t, _ in signed(text)]


@pytest.mark.parametrize("name", ["ja_signed.json", "en_signed.json"])
def test_every_rule_has_id_version_construction_example_and_note(name):
    for rule in json.loads((RULES / name).read_text(encoding="utf-8"))["rules"]:
        assert {"id", "version", "construction", "example", "note"} <= set(rule), rule.get("id")


def test_ja_dative_object_of_shomei_names_the_rule():
    assert signed("2024年5月1日\n両首脳は、港湾協力に関する覚書に署名しました。") == [
        ("港湾協力に関する覚書", "kaidan.ja.signed.ni.v1")]


def test_ja_genitive_object_of_a_welcomed_signing():
    assert titles("2024年5月1日\n岸田総理は,大型巡視船5隻の交換公文の署名を歓迎すると述べました。") == ["大型巡視船5隻の交換公文"]


def test_ja_two_signings_joined_by_oyobi_give_two_titles():
    got = titles("2024年5月1日\n会談後、両首脳は、漁港整備に関する交換公文の署名及び商社と運輸省との間の港湾開発に関するMOUの署名に立ち会いました。")
    assert got == ["漁港整備に関する交換公文", "商社と運輸省との間の港湾開発に関するMOU"]


def test_ja_coordination_splits_but_a_closed_list_with_nado_stays_one():
    assert titles("2024年5月1日\n両首脳は漁業の振興や港湾の整備に関する文書に署名した。") == [
        "漁業の振興に関する文書", "港湾の整備に関する文書"]
    assert titles("2024年5月1日\n空港の改修や橋の建設など3件に関する交換公文に署名した。") == [
        "空港の改修や橋の建設など3件に関する交換公文"]


def test_ja_bare_memorandum_is_named_by_its_nitsuite_complement():
    assert titles("2024年5月1日\n漁業資源の管理や、防災教育の協力についても覚書が交わされた。") == ["漁業資源の管理", "防災教育の協力"]


def test_ja_bare_documents_named_by_the_toshite_enumeration_of_their_relative_head():
    got = signed("2024年5月1日\n交換公文・借款契約が交わされた分野として、港湾整備計画(第1期、北部)、空港改修計画、"
                 "借款契約としては橋梁建設計画があった。")
    assert got == [("港湾整備計画(第1期、北部)", "kaidan.ja.signed.toshite.v1"),
                   ("空港改修計画", "kaidan.ja.signed.toshite.v1"), ("橋梁建設計画", "kaidan.ja.signed.toshite.v1")]
    # a named document keeps its own title: the enumeration only names bare document nouns
    assert titles("2024年5月1日\n漁業協力に関する覚書が交わされた分野として、漁港整備計画があった。") == ["漁業協力に関する覚書"]


def test_ja_a_signing_still_to_come_or_long_past_is_not_listed():
    assert titles("2024年5月1日\n両首脳は投資協定の締結に向けた交渉の開始で一致した。") == []
    assert titles("2024年5月1日\n首相は港湾協力に関する交換公文に署名する意思を伝えた。") == []
    assert titles("2024年5月1日\n両国は2008年に「戦略的互恵関係に関する共同声明」を締結した。") == []


def test_ja_quoted_titles_before_the_predicate():
    assert titles("2024年5月1日\n両首脳は、「海洋協力に関する覚書」及び「鉱物資源に関する共同声明」に署名しました。") == [
        "海洋協力に関する覚書", "鉱物資源に関する共同声明"]


def test_ja_list_after_a_signing_sentence_replaces_the_umbrella():
    text = "2024年5月1日\n署名式では、以下の文書が署名されました。\n(1)「宇宙協力に関する覚書」\n(2)「鉄道計画に関する交換公文」\n"
    assert titles(text) == ["宇宙協力に関する覚書", "鉄道計画に関する交換公文"]


def test_ja_ceremony_list_with_bullets():
    text = ("2024年5月1日\n両首相は署名式に立ち会った。署名式では、鉄道の改修など2件に関する交換公文のほか、"
            "◇港湾開発に関する運輸省の覚書◇漁業協力に関する水産庁の覚書が署名された。")
    assert titles(text) == ["鉄道の改修など2件に関する交換公文", "港湾開発に関する運輸省の覚書", "漁業協力に関する水産庁の覚書"]


def test_en_active_nominal_and_passive_forms():
    assert signed("The two leaders signed a new maritime security pact to deepen ties.") == [
        ("new maritime security pact", "kaidan.en.signed.active.v1")]
    assert titles("They welcomed the signing of the Memorandum of Cooperation on Ports and Harbours.") == [
        "Memorandum of Cooperation on Ports and Harbours"]
    assert signed("A total of 12 memoranda of understanding were signed during the visit.") == [
        ("12 memoranda of understanding", "kaidan.en.signed.passive.v1")]


def test_en_pp_tail_runs_over_a_list_but_stops_at_a_date():
    assert titles("The two countries signed agreements on cooperation in health, space and clean energy.") == [
        "agreements on cooperation in health, space and clean energy"]
    assert titles("The two countries finalized 9 deals on June 3, covering rail and ports.") == ["9 deals"]


def test_en_future_and_background_signings_are_not_listed():
    assert titles("They hoped the trade agreement would be concluded soon.") == []
    assert titles("They called for an early conclusion of the Comprehensive Trade Agreement later this year.") == []
    assert titles("The Interim Trade Agreement, which was signed last year, has boosted trade.") == []


def test_en_a_description_and_an_anaphor_give_way_to_the_named_document():
    text = ("Leaders ink landmark defence pact\nThe prime ministers signed the Harbour Treaty in Canberra. "
            "Officials then formally signed the treaty text.")
    assert titles(text) == ["Harbour Treaty"]


def test_en_counted_documents_told_twice_are_one():
    text = "India signed 6 MoUs with Fiji.\nIndia has signed 6 Memoranda of Understanding (MoUs) with the Fiji government."
    assert titles(text) == ["6 Memoranda of Understanding (MoUs)"]


def test_en_list_after_a_colon():
    text = "The two sides signed the following documents:\n- Memorandum of Understanding on Health\n- Agreement on Air Services\n"
    assert titles(text) == ["Memorandum of Understanding on Health", "Agreement on Air Services"]


def test_en_members_of_a_set_of_signed_documents_are_titles():
    got = signed("The four agreements that the two sides signed include a Memorandum of Cooperation on ports, "
                 "a Memorandum on Coastal Tourism and an agreement on fisheries management.")
    assert got == [("Memorandum of Cooperation on ports", "kaidan.en.signed.include.v1"),
                   ("Memorandum on Coastal Tourism", "kaidan.en.signed.include.v1"),
                   ("agreement on fisheries management", "kaidan.en.signed.include.v1")]
    # an item without a document noun continues the title before it
    assert titles("Among the deals signed on Friday were a Memorandum of Understanding on Trade and Investment "
                  "and an agreement on air services.") == [
        "Memorandum of Understanding on Trade and Investment", "agreement on air services"]


def test_en_including_appositive_names_the_counted_documents():
    assert titles("The two sides signed seven agreements, including an Agreement on Air Services and "
                  "a Memorandum of Cooperation in Health, to boost ties.") == [
        "Agreement on Air Services", "Memorandum of Cooperation in Health"]


def test_en_set_of_documents_to_come_or_without_documents_listed_gives_nothing():
    assert titles("The agreements to be signed include a pact on rail.") == []
    assert titles("The agreements signed last year include a pact on rail.") == []
    assert titles("The agreements signed were a sign of trust.") == []


def test_ja_documents_listed_before_nado_and_a_count_are_titles():
    assert signed("2024年5月1日\n両首脳は港湾協力に関する覚書や漁業協定など6本の文書に署名した。") == [
        ("港湾協力に関する覚書", "kaidan.ja.signed.nado.v1"), ("漁業協定", "kaidan.ja.signed.nado.v1")]
    # topics, not titles, before など: the counted phrase stays one title
    assert titles("2024年5月1日\n両首脳は原子力や宇宙など6本の文書に署名した。") == ["原子力や宇宙など6本の文書"]


def test_ja_members_of_the_signed_documents_enumerated_by_fukumareru():
    assert signed("2024年5月1日\n署名された文書には、港湾協力に関する覚書、「漁業に関する協定」が含まれる。") == [
        ("港湾協力に関する覚書", "kaidan.ja.signed.fukumu.v1"), ("漁業に関する協定", "kaidan.ja.signed.fukumu.v1")]
    assert titles("2024年5月1日\n署名される予定の文書には、港湾協力に関する覚書が含まれる。") == []


def test_ja_a_ya_inside_a_bracketed_title_is_no_list_separator():
    assert signed("2024年5月1日\n署名された文書には、「食料や農業に関する協力覚書」、港湾協力に関する覚書が含まれる。") == [
        ("食料や農業に関する協力覚書", "kaidan.ja.signed.fukumu.v1"), ("港湾協力に関する覚書", "kaidan.ja.signed.fukumu.v1")]


def test_en_passive_signing_with_an_including_appositive():
    assert titles("Six agreements were signed, including a Memorandum of Cooperation on Railways "
                  "and a loan agreement for a metro line.") == [
        "Memorandum of Cooperation on Railways", "loan agreement for a metro line"]


def test_en_a_name_holding_its_own_list_of_capitalised_words_is_one_title():
    assert signed("October 2, 2024\nThe two leaders signed the Alpha-Beta Climate, Critical Minerals and Clean Energy "
                  "Transformation Compact.") == [
        ("Alpha-Beta Climate, Critical Minerals and Clean Energy Transformation Compact", "kaidan.en.signed.active.v1")]
    # the name ends at its first document noun: a capitalised word after it is not drawn in
    assert titles("October 2, 2024\nThe leaders signed the Defence Agreement, Tokyo officials said.") == [
        "Defence Agreement"]


def test_en_a_compact_is_a_document_noun_but_not_as_an_adjective():
    assert titles("October 2, 2024\nThe Clean Energy Compact was signed by the two leaders.") == ["Clean Energy Compact"]
    assert titles("October 2, 2024\nThe leaders signed off on a compact timetable.") == []
