"""The event stage: the local date of the leaders' meeting and the countries whose leaders met (own sentences)."""
from __future__ import annotations

import dataclasses

import pytest

from kaidan.extract import event, meetings
from kaidan.extract.context import DocContext
from kaidan.pipeline import extract_text


def run(text: str, lang: str = "en", published: str | None = None) -> event.EventInfo:
    ctx = DocContext("t", text, lang, published)
    return event.extract(ctx, meetings.drafts(ctx))


COUNTRIES = [
    # events without Japan; the side left unnamed in its own government's readout
    ("PM call with President Biden: 12 March 2021\nThe Prime Minister spoke to President Biden.\n"
     "They discussed the UK's trade with the US and the UK's climate plans.", "en", ("GB", "US")),
    ("Briefing\n\n2022 Nov. 17\n\nPresident Yoon Suk Yeol on Nov. 17 held talks with visiting Saudi Arabian Crown "
     "Prince Mohammed, who is also his nation's prime minister.", "en", ("KR", "SA")),
    ("17 Mar 2025\n\nNZ PM Christopher Luxon met Indian PM Narendra Modi in New Delhi.\nThe two leaders "
     "discussed defence ties.", "en", ("IN", "NZ")),
    # a leader the people data does not know, known by the country named with the title
    (" date 2025-12-18 Wire\n\n高市早苗首相は18日、カザフスタンのトカエフ大統領と首相官邸で会談した。", "ja", ("JP", "KZ")),
    ("令和4年5月12日\n岸田文雄内閣総理大臣は、ポーランド首相と会談を行いました。", "ja", ("JP", "PL")),
    # a meeting name with full country names
    ("モンゴル国\n\n令和4年6月1日\n\n1 日モンゴル首脳会談\n本1日,首脳会談を行いました。", "ja", ("JP", "MN")),
    ("ベトナム社会主義共和国\n日・ベトナム首脳会談\n令和3年4月2日\n首脳会談を実施しました。", "ja", ("JP", "VN")),
    # a bilateral on the sidelines of a four-country meeting
    ("令和4年5月24日\n24日、岸田総理大臣は、日米豪印首脳会合出席のため来日したモディ首相と首脳会談を行いました。\n"
     "岸田総理大臣から、日米豪印首脳会合での協力に言及しました。", "ja", ("IN", "JP")),
    # a meeting name without Japan, in a Japanese story
    (" date 2023-04-27 Wire\n米韓首脳会談\nバイデン米大統領は26日、ホワイトハウスで韓国の尹錫悦大統領と米韓首脳会談を行った。",
     "ja", ("KR", "US")),
    # a bilateral of two members of a trilateral is the bilateral
    ("令和5年8月18日\n日米首脳会談\n日米韓首脳会合に先立ち、日米首脳会談を行いました。", "ja", ("JP", "US")),
    # a third leader named in passing is not one who met
    ("2025年08月24日 08:59\n\n韓国の李在明大統領はトランプ米大統領との会談前に訪日し、23日、石破茂総理と首脳会談を行った。"
     "李大統領は、石破総理と協力を確認した。", "ja", ("JP", "KR")),
    # a meeting proposed once deep in the story is not the one reported
    ("インドへ円借款 首脳会談\nインドを訪問中の安倍首相は、シン首相と会談した。\nインドとの関係強化を確認した。\n"
     "インドの地下鉄建設を支援する。\n安倍首相は日中首脳会談の開催を呼びかけた。", "ja", ("IN", "JP")),
    # an English meeting name in lower case, the leaders' names unknown to the data
    ("SEOUL, May 3, 2024 (Wire) -- The Korea-Mongolia summit opened with a ceremony. The Korea-Mongolia summit "
     "then turned to minerals.", "en", ("KR", "MN")),
    # two countries joined in the lead
    ("Deals signed in the capital\n29 May 2025\n\nHANOI: France and Vietnam have signed deals during French "
     "President Emmanuel Macron's visit. U.S. President Donald Trump has warned of tariffs.", "en", ("FR", "VN")),
    # two countries named together but not as the subject of the meeting
    ("Prime Minister Fumio Kishida and President Joseph R. Biden met on 13 January 2023. They discussed how "
     "Japan and China could manage tensions.", "en", ("JP", "US")),
]


@pytest.mark.parametrize("text,lang,countries", COUNTRIES)
def test_the_countries_are_those_whose_leaders_met(text, lang, countries):
    assert run(text, lang).countries == countries


DATES = [
    # a weekday is the most recent such day on or before the date line
    ("Pact signed\n\nMay 25, 2023 at 9:53 AM\n\nIndia and Australia on Wednesday signed a pact as Prime Minister "
     "Narendra Modi and Anthony Albanese met.", "en", "2023-05-24"),
    # the page's date is not the meeting's: the body states the day
    ("Visit yields deals\nA Writer\n29 May 2025\n\nFrance and Vietnam finalized deals on May 26 during French "
     "President Emmanuel Macron's visit.", "en", "2025-05-26"),
    # a visit's date range gives its first day, not the posting date or an earlier visit recalled
    ("India - France Joint Statement on the State Visit of President Emmanuel Macron (25 - 26 January 2024)\n\n"
     "Posted on: January 31, 2024\n\nThe visit follows Prime Minister Narendra Modi's visit to France on 14 July "
     "2023.", "en", "2024-01-25"),
    # a partial date takes its year from the document, not from an earlier summit recalled first
    ("Second Annual Summit\n\nPrime Minister Narendra Modi and Prime Minister Anthony Albanese held the summit on 19 "
     "November. The 1st Annual Summit was held on 10 March 2023.\nThe leaders held the second summit in Rio on "
     "19 November 2024.", "en", "2024-11-19"),
    # a meeting in Washington reported in Japan time: the event's date is local
    ("令和7年2月8日\n石破総理大臣は、ワシントンを訪問中、日本時間8日午前1時55分から約1時間、トランプ大統領と"
     "日米首脳会談を行いました。", "ja", "2025-02-07"),
    # ... or dated only by a part of the day in Japan time that falls on one local day
    (" date 2025-02-08 Wire\n石破茂首相は日本時間8日未明、ワシントンでトランプ米大統領と初の首脳会談に臨んだ。", "ja",
     "2025-02-07"),
    # a dateline without a year: the leaders' terms and the weekday fix one year
    ("Gyeongju, Oct. 31 (Wire)–Japanese Prime Minister Sanae Takaichi and Chinese President Xi Jinping at their "
     "first meeting Friday agreed to keep talking.", "en", "2025-10-31"),
    # a month and day with leaders whose terms overlap in one year only
    ("South Korean President Lee Jae-myung arrived in Tokyo on 23 Aug and met Japanese Prime Minister Shigeru "
     "Ishiba.", "en", "2025-08-23"),
    # a leader called new is in the first year of the term: one year fits
    ("On Oct. 31, Chinese President Xi Jinping held his first meeting with new Japanese Prime Minister Sanae "
     "Takaichi.", "en", "2025-10-31"),
    ("On Oct. 30, President Lee Jae-myung met Prime Minister Sanae Takaichi, who took office last week.", "en",
     "2025-10-30"),
    # several years fit: no date
    ("On Oct. 31, Chinese President Xi Jinping met Japanese Prime Minister Sanae Takaichi.", "en", None),
    # a background year is not the event's
    ("Gyeongju, Oct. 31 (Wire)–Japanese Prime Minister Sanae Takaichi and Chinese President Xi Jinping met "
     "Friday. They recalled the statement of August 15, 1995.", "en", "2025-10-31"),
]


@pytest.mark.parametrize("text,lang,date", DATES)
def test_the_date_is_the_local_day_of_the_meeting(text, lang, date):
    assert run(text, lang).date == date


def test_the_stage_changes_neither_the_context_nor_the_drafts():
    text = ("令和7年2月8日\n石破総理大臣は、ワシントンを訪問中、日本時間8日午前1時55分から約1時間、トランプ大統領と"
            "日米首脳会談を行いました。")
    ctx = DocContext("t", text, "ja")
    drafts = meetings.drafts(ctx)
    before = [dataclasses.asdict(d) for d in drafts]
    ev = event.extract(ctx, drafts)
    assert [dataclasses.asdict(d) for d in drafts] == before
    assert ctx.event is None and ctx.event_date is None
    later = ctx.at_event(ev)
    assert (later.event_date, later.event_leaders) == ("2025-02-07", ("ishiba", "trump"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.date = "2025-02-08"


def test_the_rules_are_named_and_versioned():
    ev = run("PM call with President Biden: 12 March 2021\nThe Prime Minister spoke to President Biden.\n"
             "They discussed the UK's steel exports and the UK's climate plans.")
    assert ev.countries_rule == "kaidan.event.countries.unnamed_host.v2"
    assert ev.date_rule == "kaidan.event.date.meeting.v2"     # the call is dated by the title


def test_a_country_the_people_data_lacks_is_known_by_its_cldr_name():
    from kaidan.pipeline import extract_text

    ja = extract_text("2024年6月3日\nボツワナのマシシ大統領と電話会談を行いました。\n岸田総理大臣は、ボツワナのマシシ大統領と電話会談を行いました。",
                      "d", "ja")
    assert ja.event.countries == ("BW", "JP")


def test_an_english_country_name_that_is_also_a_person_is_not_read_as_the_country():
    from kaidan.extract.event import _cldr_country_names

    names = _cldr_country_names()
    assert names["Estonia"] == "EE" and names["エストニア"] == "EE"
    assert "Jordan" not in names and "Georgia" not in names and names["ヨルダン"] == "JO"


def test_a_government_letterhead_is_the_side_its_readout_does_not_name():
    # the page never names its own country or leader; one mention of a third country is a topic, not a side
    text = ("Prime Minister's Office, 10 Downing Street\nPM call with Prime Minister Carney: 14 November 2025\n"
            "The Prime Minister spoke to Canadian Prime Minister Mark Carney this afternoon.\n"
            "The leaders discussed the situation in Ukraine.")
    facts = extract_text(text, "t.txt")
    assert facts.event.countries == ("CA", "GB")
    assert set(facts.meetings[0].participants) == {"Mark Carney", "Keir Starmer"}


def test_the_site_or_url_a_readout_came_from_signs_it_as_its_letterhead_would():
    text = ("PM call with Prime Minister Carney: 14 November 2025\n"
            "The Prime Minister spoke to Canadian Prime Minister Mark Carney this afternoon.\n"
            "The leaders discussed the situation in Ukraine.")
    assert extract_text(text, "t.txt").event.countries != ("CA", "GB")
    for origin in [("https://www.gov.uk/government/news/pm-call-with-prime-minister-carney",), ("GOV.UK",)]:
        facts = extract_text(text, "t.txt", origin=origin)
        assert facts.event.countries == ("CA", "GB")
        assert set(facts.meetings[0].participants) == {"Mark Carney", "Keir Starmer"}
