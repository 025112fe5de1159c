"""English meeting constructions: coordinated kinds, visits, captions, comparisons, background and the noun a
duration or a date belongs to."""
from __future__ import annotations

from kaidan.pipeline import extract_text


def kinds(text: str) -> list[tuple]:
    out = extract_text(text, "t.txt", "en").to_dict()
    return sorted((m["kind"], m["date"], m["start"], m["duration_minutes"]) for m in out["meetings"])


def test_coordinated_modifiers_share_the_head_noun_of_a_kind():
    got = kinds("Seoul, 3 March 2025\nPresident Yoon Suk Yeol held individual and extended talks with Prime "
                "Minister Anthony Albanese on 3 March 2025.")
    assert [k[0] for k in got] == ["small_group", "summit"]


def test_a_modifier_that_names_no_kind_adds_nothing():
    got = kinds("Seoul, 3 March 2025\nPresident Yoon Suk Yeol held long and extended talks with Prime Minister "
                "Anthony Albanese on 3 March 2025.")
    assert [k[0] for k in got] == ["summit"]


def test_a_state_visit_told_alone_is_a_visit_and_gives_way_to_the_talks():
    alone = kinds("Canberra, 2 June 2024\nPrime Minister Narendra Modi paid a State Visit to Australia on "
                  "2 June 2024 at the invitation of Prime Minister Anthony Albanese.")
    assert alone == [("visit", "2024-06-02", None, None)]
    with_talks = kinds("Canberra, 2 June 2024\nPrime Minister Narendra Modi paid a State Visit to Australia on "
                       "2 June 2024. Prime Minister Anthony Albanese held talks with Prime Minister Modi.")
    assert [k[0] for k in with_talks] == ["summit"]


def test_talks_with_no_leader_named_count_only_when_nothing_firmer_does():
    only = kinds("Prague, 20 September 2024\nPresident Yoon Suk Yeol and Prime Minister Petr Fiala oversaw a "
                 "business forum. The roadmap was adopted after bilateral talks held at the castle.")
    assert [k[0] for k in only] == ["summit"]
    # with a leaders' meeting named, the plain "talks" of officials is not another one
    firm = kinds("Prague, 20 September 2024\nPresident Yoon Suk Yeol and Prime Minister Petr Fiala held a "
                 "telephone call on 20 September 2024. The roadmap was adopted after bilateral talks held at the "
                 "castle.")
    assert [k[0] for k in firm] == ["telephone"]


def test_a_line_closed_by_an_agency_photo_credit_is_a_caption():
    got = kinds("Tokyo, 5 May 2025\nPrime Minister Shigeru Ishiba and President Lee Jae-myung walk to their "
                "dinner on 5 May 2025. (Reuters/Yonhap)\nThe two leaders held a summit on 5 May 2025.")
    assert [k[0] for k in got] == ["summit"]


def test_a_meeting_named_as_the_standard_of_a_comparison_is_another_one():
    got = kinds("Hanoi, 4 April 2025\nPresident Emmanuel Macron met with President Luong Cuong on 4 April 2025. "
                "The talks were warmer than the working lunch in Paris.")
    assert [k[0] for k in got] == ["summit"]
    # a number after "than" measures the meeting itself
    measured = kinds("Hanoi, 4 April 2025\nAfter more than two hours of talks, President Emmanuel Macron and "
                     "President Luong Cuong issued a statement on 4 April 2025.")
    assert measured == [("summit", "2025-04-04", None, 120)]


def test_background_markers_in_any_case_and_meetings_held_at_an_earlier_one():
    got = kinds("Rio, 19 November 2024\nPrime Minister Narendra Modi and Prime Minister Anthony Albanese held the "
                "Second Annual Summit on 19 November 2024. The First Annual Summit was held on 10 March 2023. "
                "Their working lunch at last year's summit was longer.")
    assert got == [("summit", "2024-11-19", None, None)]


def test_a_compound_duration_belongs_to_the_noun_it_modifies():
    got = kinds("Hanoi, 27 February 2019\nPresident Donald Trump and Kim Jong-un held a 40-minute one-on-one "
                "meeting and a dinner on 27 February 2019, the close of a two-hour programme.")
    assert got == [("dinner", "2019-02-27", None, None), ("small_group", "2019-02-27", None, 40)]


def test_a_date_after_a_meeting_belongs_to_the_nearer_meeting_word():
    got = kinds("Hanoi, 27 February 2019\nPresident Donald Trump and Kim Jong-un held a one-on-one meeting on "
                "27 February 2019. The leaders' dinner came before their summit on 28 February 2019.")
    assert got == [("dinner", "2019-02-27", None, None), ("small_group", "2019-02-27", None, None),
                   ("summit", "2019-02-28", None, None)]


def test_leaders_discussing_together_is_their_talk_where_no_talks_are_named():
    told = kinds("Canberra, 2 June 2024\nPrime Minister Anthony Albanese welcomed Prime Minister Narendra Modi. "
                 "Later, they discussed trade and critical minerals.")
    assert told == [("summit", "2024-06-02", None, None)]
    named = kinds("Canberra, 2 June 2024\nPrime Minister Narendra Modi and Prime Minister Anthony Albanese "
                  "discussed trade.")
    assert named == [("summit", "2024-06-02", None, None)]


def test_a_joint_discussion_adds_nothing_beside_a_named_call_nor_for_other_subjects():
    call = kinds("Canberra, 2 June 2024\nPrime Minister Anthony Albanese held a telephone call with Prime Minister "
                 "Narendra Modi. The two leaders discussed trade.")
    assert [k[0] for k in call] == ["telephone"]
    others = kinds("Canberra, 2 June 2024\nPrime Minister Anthony Albanese welcomed Prime Minister Narendra Modi. "
                   "The two ministers discussed trade.")
    assert others == []


def test_people_said_to_attend_a_meeting_are_its_participants():
    out = extract_text("Seoul, 21 May 2022\nPresident Yoon Suk Yeol held talks with President Joe Biden. The talks "
                       "were attended by Foreign Minister Park Jin.", "t.txt", "en").to_dict()
    assert "Park Jin" in out["meetings"][0]["participants"]
    without = extract_text("Seoul, 21 May 2022\nPresident Yoon Suk Yeol held talks with President Joe Biden. Foreign "
                           "Minister Park Jin spoke to reporters.", "t.txt", "en").to_dict()
    assert all("Park Jin" not in m["participants"] for m in without["meetings"])


def test_an_exchange_of_documents_is_a_signing_ceremony_but_an_exchange_of_students_is_not():
    docs = kinds("New Delhi, 4 April 2024\nPrime Minister Narendra Modi held talks with Prime Minister Anthony "
                 "Albanese. The visit saw an exchange of three memoranda on health and ports.")
    assert [k[0] for k in docs] == ["signing_ceremony", "summit"]
    people = kinds("New Delhi, 4 April 2024\nPrime Minister Narendra Modi held talks with Prime Minister Anthony "
                   "Albanese. The plan will promote the exchange of students, researchers and business people.")
    assert [k[0] for k in people] == ["summit"]
