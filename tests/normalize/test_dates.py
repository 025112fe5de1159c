from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaidan.normalize import DateMatch, deadline_of, due_date, era_to_year, find_dates, parse_date

from .strategies import mixed_text

REF = dt.date(2025, 2, 8)  # a Saturday; seed 001 was published in Tokyo that day

# ---------------------------------------------------------------- absolute dates (no reference needed)

ABSOLUTE = [
    ("令和7年10月28日", "2025-10-28", "date"),
    ("平成31年4月30日", "2019-04-30", "date"),
    ("令和元年5月1日", "2019-05-01", "date"),
    ("令和元年", "2019", "year"),
    ("昭和64年1月7日", "1989-01-07", "date"),
    ("令和七年十月二十八日", "2025-10-28", "date"),
    ("令和７年１０月２８日", "2025-10-28", "date"),
    ("2025年10月28日", "2025-10-28", "date"),
    ("２０２５年１０月２８日", "2025-10-28", "date"),
    ("2025年7月", "2025-07", "month"),
    ("2019年", "2019", "year"),
    ("2025-10-28", "2025-10-28", "date"),
    ("2025-2-9", "2025-02-09", "date"),
    ("2025/10/28", "2025-10-28", "date"),
    ("2025.10.28", "2025-10-28", "date"),
    ("February 7, 2025", "2025-02-07", "date"),
    ("7 February 2025", "2025-02-07", "date"),
    ("Feb. 7, 2025", "2025-02-07", "date"),
    ("October 2025", "2025-10", "month"),
    ("2027年度", "FY2027", "fiscal_year"),
    ("令和9年度", "FY2027", "fiscal_year"),
    ("FY 2027", "FY2027", "fiscal_year"),
    ("FY2027", "FY2027", "fiscal_year"),
    ("fiscal year 2027", "FY2027", "fiscal_year"),
    ("180日以内", "within_days:180", "span"),
    ("within 180 days", "within_days:180", "span"),
    ("3か月以内", "within_months:3", "span"),
    ("within three months", "within_months:3", "span"),
    ("2週間以内", "within_weeks:2", "span"),
    ("within a year", "within_years:1", "span"),
]


@pytest.mark.parametrize("text,value,kind", ABSOLUTE)
@pytest.mark.parametrize("ref", [None, REF])
def test_absolute_dates(text, value, kind, ref):
    assert [(m.text, m.value, m.kind) for m in find_dates(text, ref)] == [(text, value, kind)]


def test_year_inside_deadline_phrase():
    assert [(m.text, m.value, m.kind) for m in find_dates("安全保障関連3文書を2026年中に改定する", None)] == [
        ("2026年", "2026", "year")]
    assert [(m.text, m.value) for m in find_dates("by the end of 2026", None)] == [("2026", "2026")]


# ---------------------------------------------------------------- partial and relative dates

RELATIVE = [
    ("10月28日", "2024-10-28", "date"),  # nearer to 2025-02-08 than 2025-10-28
    ("2月7日", "2025-02-07", "date"),
    ("12月30日", "2024-12-30", "date"),
    ("4月", "2025-04", "month"),
    ("October 28", "2024-10-28", "date"),
    ("Feb. 7", "2025-02-07", "date"),
    ("7日", "2025-02-07", "date"),
    ("8日", "2025-02-08", "date"),
    ("15日", "2025-02-15", "date"),  # within DAY_LOOKAHEAD of the 8th: this month
    ("28日", "2025-01-28", "date"),  # too far ahead: last month
    ("きょう", "2025-02-08", "relative"),
    ("今日", "2025-02-08", "relative"),
    ("本日", "2025-02-08", "relative"),
    ("昨日", "2025-02-07", "relative"),
    ("明日", "2025-02-09", "relative"),
    ("あす", "2025-02-09", "relative"),
    ("来年", "2026", "relative"),
    ("今年", "2025", "relative"),
    ("昨年", "2024", "relative"),
    ("去年", "2024", "relative"),
    ("来月", "2025-03", "relative"),
    ("先月", "2025-01", "relative"),
    ("来週", "2025-02-10", "relative"),
    ("先週", "2025-01-27", "relative"),
    ("今年度", "FY2024", "fiscal_year"),  # February belongs to the fiscal year that began in April 2024
    ("来年度", "FY2025", "fiscal_year"),
    ("today", "2025-02-08", "relative"),
    ("yesterday", "2025-02-07", "relative"),
    ("tomorrow", "2025-02-09", "relative"),
    ("next year", "2026", "relative"),
    ("last year", "2024", "relative"),
    ("next week", "2025-02-10", "relative"),
]


@pytest.mark.parametrize("text,value,kind", RELATIVE)
def test_relative_dates(text, value, kind):
    assert [(m.text, m.value, m.kind) for m in find_dates(text, REF)] == [(text, value, kind)]


@pytest.mark.parametrize("text", [row[0] for row in RELATIVE])
def test_relative_dates_need_a_reference(text):
    assert find_dates(text, None) == []


def test_day_only_wraps_to_the_previous_month_across_a_year():
    assert parse_date("31日", dt.date(2025, 1, 2)) == "2024-12-31"
    assert parse_date("31日", dt.date(2025, 3, 2)) is None  # 31 February does not exist


def test_seed_sentence_with_local_and_japan_time():
    text = "現地時間2月7日、午前11時55分(日本時間2月8日、午前1時55分)から計約1時間50分間"
    found = find_dates(text, dt.date(2025, 2, 9))
    assert [(m.text, m.value) for m in found] == [("2月7日", "2025-02-07"), ("2月8日", "2025-02-08")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_hiragana_words_need_a_boundary():
    assert [m.text for m in find_dates("われわれはきょう、それについて話し合う", REF)] == ["きょう"]
    for text in ["状況", "影響", "きょうだい", "協力 きょうりょく", "東京 とうきょう"]:
        assert find_dates(text, REF) == []


NOT_DATES = ["5日間", "1日も早く", "80歳", "9分野", "Mayor", "5 Marines", "日本年金機構", "1 日米関係", "3か月",
             "250周年", "1期目", "約40分間", "Japan's 2015 Legislation"]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, REF) == []


def test_parse_date():
    assert parse_date("会談は令和7年10月28日に行われた") == "2025-10-28"
    assert parse_date("7日に会談", None) is None
    assert parse_date("7日に会談", REF) == "2025-02-07"
    assert parse_date("日付なし") is None


# ---------------------------------------------------------------- eras

@pytest.mark.parametrize("era,year,western", [
    ("令和", 7, 2025), ("令和", 1, 2019), ("平成", 31, 2019), ("平成", 1, 1989), ("昭和", 64, 1989),
    ("昭和", 1, 1926), ("大正", 1, 1912), ("明治", 1, 1868), ("R", 7, 2025), ("h", 31, 2019),
])
def test_era_to_year(era, year, western):
    assert era_to_year(era, year) == western


@pytest.mark.parametrize("era,year", [("天平", 1), ("令和", 0)])
def test_era_to_year_rejects(era, year):
    with pytest.raises(ValueError):
        era_to_year(era, year)


# ---------------------------------------------------------------- deadlines

DEADLINES = [
    ("防衛費を2027年度中に国内総生産比2パーセントに増額する計画を、2025年度中に前倒しする", None, "FY2025"),
    ("安全保障関連3文書を2026年中に改定する", None, "2026-12-31"),
    ("2025年度までに", None, "FY2025"),
    ("令和8年度末までに", None, "FY2026"),
    ("2030年までに", None, "2030-12-31"),
    ("2026年3月末", None, "2026-03-31"),
    ("2026年3月31日までに", None, "2026-03-31"),
    ("180日以内に", None, "within_days:180"),
    ("3か月以内に", None, "within_months:3"),
    ("by the end of 2026", None, "2026-12-31"),
    ("by 2026", None, "2026-12-31"),
    ("by FY 2027", None, "FY2027"),
    ("building capabilities by FY 2027 to consolidate, and beyond FY 2027", None, "FY2027"),
    ("by fiscal 2027", None, "FY2027"),
    ("within 180 days", None, "within_days:180"),
    ("by March 2026", None, "2026-03-31"),
    ("by March 31, 2026", None, "2026-03-31"),
    ("年内に", REF, "2025-12-31"),
    ("年内に", None, None),
    ("来年中に", REF, "2026-12-31"),
    ("今年度中に", REF, "FY2024"),
    ("3月末までに", REF, "2025-03-31"),
    ("3月末までに", dt.date(2025, 10, 28), "2026-03-31"),
    ("by the end of this year", REF, "2025-12-31"),
    ("2027年度予算", None, None),
    ("防衛力強化に取り組む", None, None),
    ("", None, None),
]


@pytest.mark.parametrize("text,ref,expected", DEADLINES)
def test_deadline_of(text, ref, expected):
    assert deadline_of(text, ref) == expected


DUE = [
    ("FY2025", dt.date(2026, 3, 31)),
    ("FY2027", dt.date(2028, 3, 31)),
    ("within_days:180", dt.date(2026, 4, 26)),
    ("within_weeks:2", dt.date(2025, 11, 11)),
    ("within_months:3", dt.date(2026, 1, 28)),
    ("within_years:1", dt.date(2026, 10, 28)),
    ("2026-12-31", dt.date(2026, 12, 31)),
    ("2026-02", dt.date(2026, 2, 28)),
    ("2026", dt.date(2026, 12, 31)),
    ("soon", None),
    ("2026-02-30", None),
    ("FY", None),
]


@pytest.mark.parametrize("deadline,expected", DUE)
def test_due_date(deadline, expected):
    assert due_date(deadline, dt.date(2025, 10, 28)) == expected


def test_within_months_clamps_to_month_end():
    assert due_date("within_months:1", dt.date(2025, 1, 31)) == dt.date(2025, 2, 28)


# ---------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None)
@given(text=mixed_text, ref=st.one_of(st.none(), st.dates()))
def test_find_dates_offsets_and_determinism(text, ref):
    found = find_dates(text, ref)
    assert found == find_dates(text, ref)
    for m in found:
        assert isinstance(m, DateMatch)
        assert text[m.start:m.end] == m.text
        assert m.kind in {"date", "month", "year", "fiscal_year", "span", "relative"}
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    deadline_of(text, ref)


@pytest.mark.parametrize("ref", [dt.date.min, dt.date.max])
def test_extreme_reference_dates_do_not_overflow(ref):
    text = ("明日 昨日 来週 先週 来月 先月 来年 31日 1日 12月31日 tomorrow next week 年内 来年中 今年度 3月末まで "
            "on Sunday next Monday last Friday 19～20日 19 to 20 March")
    for m in find_dates(text, ref):
        assert text[m.start:m.end] == m.text
    deadline_of(text, ref)


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_western_and_era_dates_agree(d):
    era, base = ("令和", 2018) if d >= dt.date(2019, 5, 1) else ("平成", 1988)
    n = d.year - base
    era_text = f"{era}{'元' if n == 1 else n}年{d.month}月{d.day}日"
    assert parse_date(era_text) == d.isoformat()
    assert parse_date(f"{d.year}年{d.month}月{d.day}日") == d.isoformat()
    assert parse_date(d.strftime("%B %-d, %Y")) == d.isoformat()


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_partial_date_resolves_to_itself_when_ref_is_near(d):
    ref = d + dt.timedelta(days=3)
    assert parse_date(f"{d.month}月{d.day}日", ref) == d.isoformat()


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=40), d=st.dates())
def test_due_date_never_raises(text, d):
    due_date(text, d)


@pytest.mark.parametrize("text, expected", [
    ("by the end of this month", "2023-05-31"),
    ("within this month", "2023-05-31"),
    ("今月中に専門家チームを派遣する", "2023-05-31"),
    ("本年中に共同研究を立ち上げる", "2023-12-31"),
    ("2024年に戦闘機を派遣する", "2024-12-31"),
    ("dispatch its carrier strike group in 2024", "2024-12-31"),
    ("2024年に発表された計画", None),
])
def test_deadlines_of_this_month_this_year_and_a_bare_year(text, expected):
    assert deadline_of(text, dt.date(2023, 5, 7)) == expected


# ---------------------------------------------------------------- weekdays and ranges (read against REF, a Saturday)

WEEKDAY_AND_RANGE = [
    ("The two leaders met on Saturday.", "2025-02-08"),            # the reference day itself
    ("They spoke by phone on Wednesday.", "2025-02-05"),           # the most recent Wednesday before it
    ("Talks are set for next Monday.", "2025-02-10"),
    ("He recalled their talks last Saturday.", "2025-02-01"),
    ("a State Visit to India (25 - 26 January 2024)", "2024-01-25"),
    ("an official visit from 19 to 20 March 2022", "2022-03-19"),
    ("the summit on March 19-20, 2022 in New Delhi", "2022-03-19"),
    ("首相は6日～7日にワシントンを訪れた", "2025-02-06"),
    ("2月6日から7日までの日程で訪米した", "2025-02-06"),
]


@pytest.mark.parametrize("text,value", WEEKDAY_AND_RANGE)
def test_weekdays_and_ranges_give_one_day(text, value):
    dates = [d for d in find_dates(text, REF) if d.kind in ("date", "relative")]
    assert [d.value for d in dates] == [value]


def test_a_range_does_not_swallow_a_span_of_days():
    assert [d.value for d in find_dates("7日から3日間の日程", REF) if d.kind == "date"] == ["2025-02-07"]
