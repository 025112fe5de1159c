"""The document's own date: date lines, title dates, datelines, URLs, else a full date its leaders fit."""
from __future__ import annotations

import datetime as dt

import pytest

from kaidan.extract.dating import page_dating, reference
from kaidan.people import gazetteer

PAGE_DATES = [
    (" date 2024-05-02 Newsfrom Somewhere\n首相は2日、会談した。", "2024-05-02", "store_date_line"),
    ("Leaders agree on trade\n\nPosted on : Mar.3,2021 09:12 KST Modified on : Mar.3,2021 09:30 KST\n\nThe two "
     "leaders met.", "2021-03-03", "date_line"),
    ("アルファ共和国\n\n令和5年6月7日\n首相は会談した。", "2023-06-07", "date_line"),
    ("Talks in the capital\n\nJune 9, 2022 at 7:15 PM\n\nThe leaders met on Thursday.", "2022-06-09", "date_line"),
    ("PM call with President Biden: 12 March 2021\nThe Prime Minister spoke to President Biden.", "2021-03-12",
     "title_date"),
    ("OSAKA, Nov. 4, 2023 (Wire) -- The two leaders met today.", "2023-11-04", "dateline"),
    ("Briefing\n\n2021 Oct. 6\n\nThe president held talks.", "2021-10-06", "date_line"),
]


@pytest.mark.parametrize("text,iso,form", PAGE_DATES)
def test_the_page_states_its_date_in_one_of_the_known_forms(text, iso, form):
    d = page_dating(text)
    assert (d.iso, d.rule) == (iso, f"kaidan.dating.{form}.v1")


def test_published_metadata_comes_first():
    assert page_dating("OSAKA, Nov. 4, 2023 (Wire) -- text", "2023-11-05").iso == "2023-11-05"


def test_a_dateline_without_a_year_keeps_its_month_and_day():
    d = page_dating("SEOUL, April 5 (Wire) -- The two presidents spoke by phone on Tuesday.")
    assert (d.day, d.partial) == (None, (4, 5))


def test_a_date_inside_a_long_sentence_of_the_header_is_not_a_date_line():
    text = "Second Annual Summit\n\nThe first summit was held on 10 March 2023 in the capital, the leaders recalled."
    assert page_dating(text).day is None


def test_the_reference_is_the_latest_full_date_on_which_the_named_leaders_held_office():
    text = ("Prime Minister Fumio Kishida met President Joseph R. Biden on 13 January 2023. They recalled the "
            "statement of 17 April 1996 and their talks of 21 May 2022.")
    d = reference(text, None, gazetteer())
    assert (d.iso, d.rule) == ("2023-01-13", "kaidan.dating.latest_date.v1")


def test_a_background_date_before_the_leaders_took_office_is_no_reference():
    text = ("Gyeongju, Oct. 31 (Wire)–Japanese Prime Minister Sanae Takaichi and Chinese President Xi Jinping met "
            "Friday. They cited the joint statement of September 29, 1972.")
    d = reference(text, None, gazetteer())
    assert (d.day, d.partial) == (None, (10, 31))


def test_no_date_at_all():
    assert reference("The two leaders met and agreed.", None, gazetteer()) == reference("", None, gazetteer())
    assert reference("The two leaders met and agreed.", None, gazetteer()).day is None


def test_the_dating_is_frozen():
    d = page_dating("OSAKA, Nov. 4, 2023 (Wire) -- text")
    with pytest.raises(AttributeError):
        d.day = dt.date(2020, 1, 1)


def test_a_date_still_to_come_is_no_reference():
    text = ("Prime Minister Fumio Kishida met President Joseph R. Biden on 13 January 2023. The next summit will be "
            "held on 5 June 2023.")
    assert reference(text, None, gazetteer()).iso == "2023-01-13"
