"""The cheap prefilters in front of the normalizers' readers skip only readers that cannot match: with
every reader run on every text, the results are the same."""
import datetime as dt

import pytest

from kaidan.normalize import dates

TEXTS = [
    "首脳会談は2024年3月19日から20日まで東京で行われ、昨年の合意を確認した。",
    "令和六年度中に実施する。両首脳は来週再び会談する予定だ。",
    "The leaders met on Saturday, March 19, 2022, and agreed to meet again next year.",
    "Within two weeks, the ministers will report; FY2027 budgets start in April 2027.",
    "G7首脳は within 30 days に報告する。",
    "2024-03-19 10:00",
    "On 25 - 26 January 2024 the talks resumed in Tokyo; the summit of 3月5日 followed.",
    "İstanbul ſummit: \u212aey points since 2019",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("ref", [None, dt.date(2024, 3, 21)])
def test_date_readers_skipped_only_where_they_cannot_match(monkeypatch, text, ref):
    f = dates.fold(text)
    dates._ref_free.cache_clear()
    filtered = dates._candidates(f, ref)
    dates._ref_free.cache_clear()
    monkeypatch.setattr(dates, "_skipped", lambda f: frozenset())
    monkeypatch.setattr(dates, "_LATIN", __import__("re").compile(r"[\s\S]"))
    assert dates._candidates(f, ref) == filtered
    dates._ref_free.cache_clear()


def test_a_text_of_one_script_skips_the_other_scripts_readers():
    assert dates._read_en_dates in dates._skipped("２０２４年３月１９日、首脳会談")
    assert dates._read_jp_partial in dates._skipped("The summit was held on March 19.")
    assert not dates._skipped("2024年3月19日 (Monday, March 19)")


def test_a_text_without_a_digit_or_a_readers_word_skips_that_reader():
    skipped = dates._skipped("首脳は来週にも会談する。")
    assert {dates._read_iso, dates._read_jp_ranges, dates._read_jp_ymd, dates._read_jp_partial} <= skipped
    assert dates._read_jp_relative not in skipped
    assert dates._read_weekdays in dates._skipped("The leaders met on Sunday.".replace("day", "")) \
        and dates._read_weekdays not in dates._skipped("The leaders met on Sunday.")


QUANTITY_TEXTS = [
    "日本は5500億ドルを投資し、約3万人の雇用を生み出す。",
    "両国は協力を一層強化することで一致した。",
    "The company will invest $1.5 billion and create about five thousand jobs.",
    "Japan pledged 5% of GDP, and twenty-one projects.",
    "首脳は、G7として an estimated 300 companies を歓迎した。",
    "¥150 to the dollar; 1ドル=150円",
]


@pytest.mark.parametrize("text", QUANTITY_TEXTS)
def test_quantity_patterns_skipped_only_where_they_cannot_match(monkeypatch, text):
    from kaidan.normalize import numbers

    filtered = numbers._find_quantities(text)
    anything = __import__("re").compile(r"[\s\S]")
    monkeypatch.setattr(numbers, "_EN_POSSIBLE", anything)
    monkeypatch.setattr(numbers, "_JP_POSSIBLE", anything)
    monkeypatch.setattr(numbers, "_EN_MONEY", numbers._EN_MONEY.pattern)
    monkeypatch.setattr(numbers, "_EN_COUNTED_FAR", numbers._EN_COUNTED_FAR.pattern)
    assert numbers._find_quantities(text) == filtered


def test_a_gated_pattern_finds_what_its_pattern_finds():
    import re

    from kaidan.normalize._text import Gated

    rx = re.compile(r"(?:about\s+)?\d+\s*(?:minutes?|mins?)\b", re.I)
    gated = Gated(rx, "min")
    for text in ("for about 40 MINUTES", "talks of 40 min.", "forty-five minutes", "no figure here", "90 Mins"):
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert list(gated.finditer("the leaders met for 40 hours")) == []
    assert gated.groupindex == rx.groupindex


@pytest.mark.parametrize("text", [
    "会談は午前10時から約1時間30分行われ、正午に終わった。", "The talks lasted about 40 minutes, a half-hour longer.",
    "They met at 3:30 p.m. for an hour-long session before midnight.", "首脳は40分間会談した。", "No times at all."])
def test_time_patterns_gated_only_where_they_cannot_match(monkeypatch, text):
    from kaidan.normalize import times

    filtered = (times._find_clock_times(text), times._find_durations(text))
    for name in ("_JP_CLOCK", "_NOON_JP", "_EN_NOON", "_JP_HOURS", "_JP_MINUTES", "_EN_MINUTES", "_EN_HALF_HOUR",
                 "_EN_HOUR_LONG"):
        monkeypatch.setattr(times, name, getattr(times, name).pattern)
    assert (times._find_clock_times(text), times._find_durations(text)) == filtered
