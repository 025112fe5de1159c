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


def meetings(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(m["kind"], m["date"], m["start"], m["duration_minutes"])
            for m in extract_text(text, "t.txt", "ja", "2024-05-14").to_dict()["meetings"]]


def test_a_sentence_holding_the_meeting_named_before_gives_its_time_and_duration():
    # news names the meeting, then goes on about it with the subject left out
    out = meetings(JA_LEDE + "午後2時から約40分間行われ、両首脳は経済関係の拡大で一致した。")
    assert out == [("summit", "2024-05-14", "14:00", 40)]


def test_talking_over_it_with_a_duration_is_the_meeting_named_before():
    out = meetings(JA_LEDE + "14日の午前10時から約30分にわたり、両国関係の今後について話し合った。")
    assert out == [("summit", "2024-05-14", "10:00", 30)]


def test_a_meeting_still_to_come_gives_no_time_to_the_one_held():
    out = meetings(JA_LEDE + "来月にも約30分間行われる予定だ。")
    assert out == [("summit", "2024-05-14", None, None)]
