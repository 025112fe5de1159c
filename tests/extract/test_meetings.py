"""Meetings, the event, signed documents and quantities."""
from __future__ import annotations

import re

from kaidan.pipeline import extract_text


def facts(text: str):
    return extract_text(text, "t.txt").to_dict()


def test_programme_line_gives_segments_not_the_envelope():
    out = facts("令和6年4月10日\n4月10日、午前10時から計約2時間、岸田総理大臣は、来日中のアルバニージー豪首相と"
                "日豪首脳会談、署名式及びワーキング・ランチを行いました(首脳会談:午前10時5分から約50分間、"
                "署名式:午前11時から約10分間、ワーキング・ランチ:午前11時15分から約45分間)。")
    got = sorted((m["kind"], m["date"], m["start"], m["duration_minutes"]) for m in out["meetings"])
    assert got == [("signing_ceremony", "2024-04-10", "11:00", 10), ("summit", "2024-04-10", "10:05", 50),
                   ("working_lunch", "2024-04-10", "11:15", 45)]
    assert out["event"] == {"date": "2024-04-10", "countries": ["AU", "JP"]}


def test_japan_time_of_a_meeting_in_washington_becomes_local_time():
    out = facts("2024年4月11日\n現地時間4月10日、午前10時(日本時間11日午後11時)から約1時間30分、"
                "ワシントンを訪問中の岸田総理大臣は、ホワイトハウスでバイデン大統領と日米首脳会談を行いました。")
    (m,) = [m for m in out["meetings"] if m["kind"] == "summit"]
    assert (m["date"], m["start"], m["duration_minutes"]) == ("2024-04-10", "10:00", 90)
    assert out["event"]["date"] == "2024-04-10"


def test_japan_time_without_a_date_is_converted_on_the_event_day():
    out = facts("2024年4月10日\nバイデン大統領は10日、ホワイトハウスで岸田総理大臣と会談しました。\n"
                "両首脳は日本時間の午前0時すぎからホワイトハウスで首脳会談に臨みました。")
    (m,) = [m for m in out["meetings"] if m["kind"] == "summit"]
    assert (m["date"], m["start"]) == ("2024-04-10", "11:00")


def test_telephone_talk_in_english_readout():
    out = facts("Japan-India Summit Telephone Talk\nOn June 5, 2025, from 9:15 a.m. for approximately 25 minutes, "
                "Prime Minister Ishiba Shigeru held a telephone talk with Prime Minister Narendra Modi of India.")
    assert [(m["kind"], m["date"], m["start"], m["duration_minutes"]) for m in out["meetings"]] == [
        ("telephone", "2025-06-05", "09:15", 25)]
    assert out["event"] == {"date": "2025-06-05", "countries": ["IN", "JP"]}


def test_greetings_and_future_meetings_are_not_meetings():
    out = facts("2025年2月7日\n石破総理大臣は7日、ホワイトハウスでトランプ大統領と会談しました。"
                "トランプ大統領は来週、別の首脳と会談する予定です。")
    assert [m["kind"] for m in out["meetings"]] == ["summit"]


def test_signed_documents_from_brackets_and_from_the_list_after_a_signing_sentence():
    out = facts("2025年3月1日\n両首脳は、「日英経済安全保障パートナーシップ」に署名しました。\n"
                "今回、二つの文書が署名されました。\n「宇宙協力に関する覚書」:内容\n「人材交流に関する取決め」:内容\n")
    titles = [d["title"] for d in out["signed_documents"]]
    assert titles == ["日英経済安全保障パートナーシップ", "宇宙協力に関する覚書", "人材交流に関する取決め"]


def test_quantities_once_each_and_no_page_furniture():
    out = facts("2025年3月1日\n日本は5500億ドル(約84兆円)を投資します。日本は5500億ドルを投資します。\n"
                "価格:15980円~\n第5条が適用される。建国250周年。約40分間会談した。")
    assert sorted((q["unit"], q["value"]) for q in out["quantities"]) == [
        ("JPY", 84000000000000), ("USD", 550000000000)]


def test_every_citation_slices_back_from_its_offsets():
    text = ("2025年3月1日\n両首脳は、宇宙分野での協力を強化していくことで一致しました。"
            "石破総理大臣は「協力を深めたい」と述べました。日本は5500億ドルを投資すると約束しました。")
    out = facts(text)
    for t in ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities"):
        for f in out[t]:
            s, e = f["offsets"]
            assert text[s:e] == f["evidence"] and re.search(r"\.v\d+$", f["rule"])


def test_english_signed_documents_active_and_passive_but_not_those_signed_another_day():
    out = facts("Joint Press Statement\nManila, April 29, 2025\nThe two leaders held a summit meeting today. "
                "In the presence of the two leaders, the Exchange of Notes on Maritime Security Assistance was "
                "signed. They welcomed the Reciprocal Access Agreement, signed in Manila on 8 July 2024.")
    assert [d["title"] for d in out["signed_documents"]] == ["Exchange of Notes on Maritime Security Assistance"]


def test_leaders_the_people_data_does_not_know_stand_as_written():
    out = facts("2025年4月15日\n4月15日、山田一郎内閣総理大臣は、来日中のジョン・スミス米国大統領と首脳会談を行いました。")
    (m,) = out["meetings"]
    assert m["participants"] == ["山田一郎", "ジョン・スミス"]


def test_the_occasion_of_a_greeting_of_gladness_is_no_meeting():
    out = facts("2025年6月3日\n6月3日、石破総理大臣はベルリンでメルツ首相と首脳会談を行いました。"
                "石破総理大臣から、初めてベルリンを訪問することができて嬉しい旨述べました。"
                "メルツ首相から、何度も石破総理大臣に面会でき嬉しく思う旨述べました。")
    assert [m["kind"] for m in out["meetings"]] == ["summit"]
    # the same visit told as done, not as the speaker's gladness, is the programme's visit
    told = facts("2025年6月3日\n6月3日、石破総理大臣はベルリンでメルツ首相と首脳会談を行いました。"
                 "石破総理大臣は、メルツ首相と共にベルリンの工場を訪問しました。")
    assert sorted(m["kind"] for m in told["meetings"]) == ["summit", "visit"]


def test_token_bounds_are_asked_once_and_only_for_a_sentence_with_a_kind_word():
    from kaidan.extract.meetings import _find_kinds

    asked = []

    def bounds():
        asked.append(1)
        return {0, 2, 4}, {2, 4, 6}

    assert _find_kinds("天気は晴れでした", "ja", bounds) == [] and asked == []
    text = "両首脳は会談し、夕食会談も行った"      # 会談 at a token edge, and inside the word 夕食会談 (no edge there)
    kinds = _find_kinds(text, "ja", lambda: bounds() and ({0, 4}, {6}))
    assert [text[k.start:k.end] for k in kinds] == ["会談"] and asked == [1]
