"""The source profile: who published a text, what kind it is, whom its bare titles and "I" stand for."""
from __future__ import annotations

import pytest

from kaidan.extract import profile
from kaidan.people import gazetteer
from kaidan.pipeline import extract_text


def read(text, date, leaders=(), unnamed=()):
    return profile.read(text, gazetteer(), date, leaders, unnamed)


def test_bare_title_in_a_readout_is_the_unnamed_side():
    # the foreign leader is named, the publisher's own is "the Prime Minister"; the UK is a side the text names
    text = ("PM call with President Trump: 24 January 2020\nThe Prime Minister spoke to President Trump.\n"
            "The Prime Minister raised the UK's position on digital taxes and the UK's departure from the EU.\n")
    p = read(text, "2020-01-24", ("trump",))
    assert (p.kind, p.country, p.self_leader) == ("readout", "GB", "johnson")
    assert p.bare_title("prime_minister") == "johnson"
    assert p.bare_title("president") is None


def test_bare_title_is_not_the_leader_named_as_the_counterpart():
    text = "The Prime Minister spoke to the Prime Minister of Canada Mark Carney this evening.\nThey discussed trade.\n"
    p = read(text, "2025-04-06", ("carney",))
    assert p.self_leader is None            # not Carney: the text names him as the one spoken to


def test_letterhead_names_the_publisher_and_first_person_is_its_leader():
    text = ("Opening remarks | Prime Minister of Australia\n"
            "I am delighted to welcome the President to Canberra for these talks.\nWe agreed to meet again.\n")
    p = read(text, "2024-02-01", ("albanese",))
    assert (p.publisher, p.country, p.kind, p.self_leader) == ("Prime Minister of Australia", "AU",
                                                               "press_statement", "albanese")
    assert p.first_person == "albanese"


def test_a_dateline_makes_news_and_news_has_no_self():
    text = ("Leaders meet in Seoul\nSEOUL, May 21 (Yonhap) -- President Yoon Suk Yeol met U.S. President Joe Biden "
            "on Saturday. The President said the alliance was strong.\n")
    p = read(text, "2022-05-21", ("yoon_suk_yeol", "biden"))
    assert p.kind == "news" and p.self_leader is None and p.first_person is None


def test_japanese_bare_sori_is_japans_prime_minister():
    text = "日豪首脳会談\n総理から、アルバニージー首相の訪日を歓迎すると述べました。\n"
    p = read(text, "2025-03-03", ("albanese",))
    assert (p.country, p.self_office) == ("JP", "prime_minister")
    assert p.bare_title("prime_minister") == "ishiba"


def test_readout_words_of_the_bare_title_go_to_the_publishers_leader():
    out = extract_text("PM meeting with Prime Minister Modi: 9 September 2023\n"
                       "The Prime Minister met India's Prime Minister Narendra Modi at the G20 Summit in New Delhi today.\n"
                       "He congratulated Prime Minister Modi on a successful presidency of the G20 for the UK and India.\n"
                       "The Prime Minister reiterated the UK's ambition to deliver a trade deal which benefits both "
                       "countries.\n", "t.txt").to_dict()
    speakers = {s["speaker"] for s in out["statements"]}
    assert speakers == {"Rishi Sunak"}
    (c,) = out["commitments"]
    assert c["actor"] == "Rishi Sunak" and c["text"].startswith("deliver a trade deal")   # the leader stands for the UK
    assert c["rule"] == "kaidan.en.commitment.object.v1"
