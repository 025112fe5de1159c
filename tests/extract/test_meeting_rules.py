"""Meetings: the kinds and constructions of data/meetings.json, on sentences written here."""
from __future__ import annotations

import json
from pathlib import Path

from kaidan.pipeline import extract_text

DATA = Path(__file__).resolve().parents[2] / "src" / "kaidan" / "data" / "meetings.json"


def meetings(text: str) -> list[dict]:
    return extract_text(text, "t.txt").to_dict()["meetings"]


def kinds(text: str) -> list[str]:
    return sorted(m["kind"] for m in meetings(text))


def test_every_kind_and_construction_has_id_version_construction_example_and_note():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for rule in data["kinds"] + data["constructions"]:
        assert {"id", "version", "construction", "example", "note"} <= set(rule), rule.get("id")


def test_each_meeting_cites_its_kind_rule_in_its_language():
    (m,) = meetings("2024年5月1日\n岸田総理大臣は、来日中のアルバニージー豪首相と首脳会談を行いました。")
    assert (m["kind"], m["rule"]) == ("summit", "kaidan.ja.meeting.summit.v1")


def test_leaders_witnessing_a_signing_is_a_signing_ceremony():
    ms = meetings("On 3 May 2024, Prime Minister Narendra Modi and Prime Minister Anthony Albanese held talks in Delhi. "
                  "The two leaders then witnessed the signing of a Memorandum of Understanding on Ports.")
    assert sorted((m["kind"], m["rule"]) for m in ms) == [
        ("signing_ceremony", "kaidan.meeting.witnessed_signing.v2"), ("summit", "kaidan.en.meeting.summit.v1")]
    assert kinds("2024年5月1日\n会談後、両首脳は、港湾整備に関する交換公文の署名に立ち会いました。") == ["signing_ceremony", "summit"]


def test_leaders_meeting_for_or_attending_a_signing_is_a_signing_ceremony_but_an_exchange_of_views_is_not():
    assert kinds("On 3 May 2024, Prime Minister Modi and Prime Minister Albanese met in Delhi for the formal signing "
                 "of the trade agreement.") == ["signing_ceremony", "summit"]
    assert kinds("On 3 May 2024, Modi and Albanese held talks in Delhi. The two leaders later attended the signing "
                 "of five agreements.") == ["signing_ceremony", "summit"]
    assert kinds("On 3 May 2024, Modi and Albanese met in Delhi for the exchange of views on trade.") == ["summit"]


def test_two_small_group_formats_with_their_own_starts_are_two_segments_but_one_summit_named_twice_is_one():
    text = ("On 3 May 2024, President Biden and President Yoon held a summit in Seoul. The small-group meeting began "
            "around 1:35 pm. Following the meeting, the two leaders had a private conversation with only an "
            "interpreter from around 2 p.m.")
    assert sorted((m["kind"], m["start"]) for m in meetings(text) if m["kind"] == "small_group") == [
        ("small_group", "13:35"), ("small_group", "14:00")]
    text = ("On 3 May 2024, President Biden and President Yoon held a summit in Seoul that began at 1:30 pm. "
            "The talks, which started around 1:35 pm, focused on North Korea.")
    assert [m["kind"] for m in meetings(text)] == ["summit"]


def test_countries_signing_is_not_the_leaders_ceremony():
    assert kinds("On 3 May 2024, Modi and Scholz met in Delhi, where the two countries signed agreements on trade.") == [
        "summit"]


def test_an_officials_press_conference_is_not_the_leaders():
    out = meetings("2024年5月1日\n岸田総理大臣は、アルバニージー豪首相と首脳会談を行いました。\n"
                   "官房長官は同日午後の記者会見で、会談の成果を説明した。")
    assert [m["kind"] for m in out] == ["summit"]


def test_a_meeting_named_only_in_a_photo_caption_is_not_a_meeting():
    text = ("2024年5月1日\n共同記者発表\n(写真提供:内閣広報室)\n"
            "岸田総理大臣は、来日中のアルバニージー豪首相と首脳会談を行いました。")
    assert kinds(text) == ["summit"]


def test_a_caption_placing_a_person_in_the_picture_gives_no_meeting_and_the_body_sentence_does():
    text = ("May 8, 2024\n\nPresident Moon (left) and Prime Minister Kishida hold a joint press conference after "
            "their summit in Seoul on May 7.\n\nPresident Moon and Prime Minister Kishida held a joint press conference "
            "after their summit in Seoul on May 7.")
    ms = meetings(text)
    assert sorted(m["kind"] for m in ms) == ["press_conference", "summit"]
    assert all(m["evidence"] in text.split("\n\n")[2] for m in ms)
    assert meetings("May 8, 2024\n\nPresident Moon (second from right) held a summit with Prime Minister "
                    "Kishida in Seoul on May 7.") == []


def test_background_and_future_meetings_are_not_this_programme():
    assert kinds("On 3 May 2024 Suga spoke with Trump by phone. Abe had held frequent meetings and played golf with Trump.") \
        == ["telephone"]
    assert kinds("On 3 May 2024 Starmer spoke to Carney by phone. He said he was looking forward to the G7 Summit in June.") \
        == ["telephone"]


def test_phone_talk_takes_its_duration():
    (m,) = meetings("On 3 May 2024, Prime Minister Suga held a phone talk with President Trump. "
                    "During the 25-minute phone talk, they agreed to meet soon.")
    assert (m["kind"], m["duration_minutes"]) == ("telephone", 25)


def test_a_timed_programme_item_is_a_segment_of_its_own_and_keeps_its_start_without_a_date():
    text = ("From 5 p.m. for approximately 85 minutes, Prime Minister Ishiba held a Summit Meeting with President Marcos. "
            "The overview is as follows (small group meeting: for approximately 25 minutes from 5 p.m., "
            "plenary meeting: for approximately 60 minutes from 5:25 p.m.).")
    got = sorted((m["kind"], m["start"], m["duration_minutes"]) for m in meetings(text))
    assert got == [("small_group", "17:00", 25), ("summit", "17:00", 85), ("summit", "17:25", 60)]


def test_new_segment_names():
    assert "small_group" in kinds("On 3 May 2024, Luxon and Modi held a 20-minute closed door meeting.")
    assert "working_lunch" in kinds("2024年5月1日\n大統領主催の午餐会が開かれ、両首脳が出席しました。")


def test_a_paragraph_with_inline_pdf_links_is_article_text_but_a_link_line_is_not():
    assert kinds("2024年5月1日\n首脳会談の概要(PDF)別ウィンドウで開く") == []
    text = ("2024年5月1日\n岸田総理大臣は、実務訪問賓客として来日中のアンソニー・アルバニージー豪首相と首脳会談を行い、"
            "両国の特別な戦略的パートナーシップを確認し、共同声明(仮訳(PDF)別ウィンドウで開く"
            "英文(PDF)別ウィンドウで開く)を発出しました。")
    assert kinds(text) == ["summit"]


def test_a_katakana_leader_unknown_to_the_people_data_stands_as_written_but_a_country_does_not():
    text = ("2016年9月7日\n安倍総理大臣は、ヌアン首相と首脳会談を行いました。"
            "ヌアン首相は、ザルバニア政府の方針を説明しました。ザルバニア首相は謝意を述べました。")
    (m,) = meetings(text)
    assert "ヌアン" in m["participants"] and "ザルバニア" not in m["participants"]
