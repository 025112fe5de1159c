from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaidan.normalize import ClockMatch, find_clock_times, find_durations, parse_duration

from .strategies import mixed_text

CLOCKS = [
    ("午前9時45分", 9, 45, None),
    ("午後3時", 15, 0, None),
    ("午後3時半", 15, 30, None),
    ("9時50分", 9, 50, None),
    ("15時30分", 15, 30, None),
    ("15:30", 15, 30, None),
    ("１５時", 15, 0, None),
    ("１５：３０", 15, 30, None),
    ("11:55 a.m.", 11, 55, None),
    ("3 p.m.", 15, 0, None),
    ("3:30 PM", 15, 30, None),
    ("12 p.m.", 12, 0, None),
    ("12 a.m.", 0, 0, None),
    ("noon", 12, 0, None),
    ("midnight", 0, 0, None),
    ("正午", 12, 0, None),
    ("午前2時前", 2, 0, "before"),
    ("午前2時半前", 2, 30, "before"),
    ("午前11時50分ごろ", 11, 50, "approx"),
    ("午後3時頃", 15, 0, "approx"),
    ("15時過ぎ", 15, 0, "after"),
    ("午後6時直前", 18, 0, "before"),
    ("about 3 p.m.", 15, 0, "approx"),
    ("shortly after noon", 12, 0, "after"),
    ("午前九時", 9, 0, None),
    ("午前0時", 0, 0, None),
    ("午後0時", 12, 0, None),
    ("午前12時", 12, 0, None),
    ("午後12時", 0, 0, None),
]


@pytest.mark.parametrize("text,hour,minute,qualifier", CLOCKS)
def test_clock_times(text, hour, minute, qualifier):
    assert find_clock_times(text) == [ClockMatch(text, 0, len(text), hour, minute, qualifier)]


def test_clock_times_in_seed_sentences():
    text = "現地時間2月7日、午前11時55分(日本時間2月8日、午前1時55分)から計約1時間50分間"
    assert [(m.text, m.hour, m.minute) for m in find_clock_times(text)] == [("午前11時55分", 11, 55),
                                                                              ("午前1時55分", 1, 55)]
    text = "トランプ大統領は7日午前11時50分ごろ、日本時間の8日午前1時50分ごろホワイトハウスで"
    assert [(m.text, m.qualifier) for m in find_clock_times(text)] == [("午前11時50分ごろ", "approx"),
                                                                         ("午前1時50分ごろ", "approx")]
    text = "met at 3:30 p.m. (EDT) at the White House"
    assert [(m.text, m.hour, m.minute) for m in find_clock_times(text)] == [("3:30 p.m.", 15, 30)]


NOT_CLOCKS = ["40分間", "約40分間", "1時間30分", "2時間", "2025年10月28日", "2025-10-28", "10.28", "一時的に",
              "同時に", "3 amendments", "2 PMs", "the 3 leaders", "3:1", "時点", "9分野", "24時間体制", "25時"]


@pytest.mark.parametrize("text", NOT_CLOCKS)
def test_not_clock_times(text):
    assert find_clock_times(text) == []


DURATIONS = [
    ("約1時間30分間", 90, "approx"),
    ("計約1時間30分間", 90, "approx"),
    ("約40分間", 40, "approx"),
    ("およそ30分間", 30, "approx"),
    ("40分", 40, None),
    ("1時間半", 90, None),
    ("2時間", 120, None),
    ("1.5時間", 90, None),
    ("四十分間", 40, None),
    ("1時間以上", 60, "at_least"),
    ("for about 40 minutes", 40, "approx"),
    ("an hour", 60, None),
    ("one and a half hours", 90, None),
    ("an hour and a half", 90, None),
    ("1.5 hours", 90, None),
    ("90-minute", 90, None),
    ("half an hour", 30, None),
    ("1 hour 30 minutes", 90, None),
    ("1 hour and 30 minutes", 90, None),
    ("1 h 30 min", 90, None),
    ("two hours", 120, None),
    ("more than an hour", 60, "more_than"),
    ("hour-long", 60, None),
]


@pytest.mark.parametrize("text,minutes,qualifier", DURATIONS)
def test_parse_duration(text, minutes, qualifier):
    assert parse_duration(text) == minutes
    (m,) = find_durations(text)
    assert (m.minutes, m.qualifier) == (minutes, qualifier)
    assert text[m.start:m.end] == m.text


def test_durations_after_clock_times():
    text = "10月28日、午前9時45分から計約1時間30分間(日米首脳会談:午前9時50分から約40分間、署名式:午前10時40分から約5分間)"
    assert [(m.text, m.minutes) for m in find_durations(text)] == [("計約1時間30分間", 90), ("約40分間", 40),
                                                                    ("約5分間", 5)]


def test_programme_line():
    text = "首脳会談:約40分\n署名式:約5分\nワーキング・ランチ:約45分"
    assert [m.minutes for m in find_durations(text)] == [40, 5, 45]


def test_english_duration_text_leaves_out_for():
    (m,) = find_durations("They talked for about 40 minutes.")
    assert m.text == "about 40 minutes"


NOT_DURATIONS = ["9分野", "9時30分", "午前9時45分", "3分の1", "十分な", "分析", "ah", "an h", "2025年", "80歳",
                 "the minutes of the meeting", "15:30",
                 # a range names no one length (NOTES_en 09: "about 5-10 minutes" has no duration)
                 "a private conversation for about 5-10 minutes", "約5～10分間", "three to four hours"]


def test_a_figure_after_a_clock_time_and_to_is_still_a_duration():
    assert [d.minutes for d in find_durations("from 10:00 to 45 minutes later")] == [45]


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_not_durations(text):
    assert find_durations(text) == []
    assert parse_duration(text) is None


# ---------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None)
@given(text=mixed_text)
def test_offsets_and_determinism(text):
    clocks, durations = find_clock_times(text), find_durations(text)
    assert clocks == find_clock_times(text) and durations == find_durations(text)
    for m in clocks:
        assert text[m.start:m.end] == m.text
        assert 0 <= m.hour <= 23 and 0 <= m.minute <= 59
    for m in durations:
        assert text[m.start:m.end] == m.text
        assert m.minutes >= 0
        assert not any(c.start < m.end and m.start < c.end for c in clocks)


@settings(max_examples=200, deadline=None)
@given(h=st.integers(0, 23), mi=st.integers(0, 59))
def test_clock_round_trip(h, mi):
    ampm, h12 = ("午前", h) if h < 12 else ("午後", h - 12)
    assert [(m.hour, m.minute) for m in find_clock_times(f"{ampm}{h12}時{mi}分から")] == [(h, mi)]
    assert [(m.hour, m.minute) for m in find_clock_times(f"at {h:02d}:{mi:02d} today")] == [(h, mi)]
    en = f"{(h % 12) or 12}:{mi:02d} {'a.m.' if h < 12 else 'p.m.'}"
    assert [(m.hour, m.minute) for m in find_clock_times(en)] == [(h, mi)]


@settings(max_examples=200, deadline=None)
@given(h=st.integers(0, 9), mi=st.integers(0, 59))
def test_duration_round_trip(h, mi):
    text = f"約{h}時間{mi}分間" if h else f"約{mi}分間"
    assert parse_duration(text) == h * 60 + mi
