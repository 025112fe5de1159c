"""Constructions of news text (headlines, ledes, wire copy) in both languages. The sentences are written for
these tests."""
from __future__ import annotations

from kaidan.pipeline import extract_text

JA_LEDE = "岸田文雄首相は14日、ベトナムのファム・ミン・チン首相と会談した。\n"


def agreed(text: str, lang: str | None = None) -> list[str]:
    return [a["text"] for a in extract_text(text, "t.txt", lang).to_dict()["agreements"]]


def test_a_headline_meeting_noun_before_a_comma_ends_its_clause():
    # 日越首脳が会談、…で一致: the が-phrase needs a predicate, so 会談 is one (its する left out)
    assert agreed("日越首脳が会談、安保協力強化で一致\n" + JA_LEDE) == ["安保協力強化"]


def test_a_lede_meeting_noun_before_a_comma_ends_its_clause():
    assert agreed(JA_LEDE + "両首脳が初会談、経済関係の拡大で合意した。") == ["経済関係の拡大"]


def test_meeting_nouns_listed_without_a_case_particle_stay_in_the_content():
    # no が/を before the noun: an item of the list the agreement is about
    assert agreed(JA_LEDE + "両首脳は、首脳会談、外相会談の定期開催で一致した。") == ["首脳会談、外相会談の定期開催"]
