from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaidan.normalize import QuantityMatch, find_quantities, parse_amount, parse_number
from kaidan.records import Amount

from .strategies import mixed_text

# ---------------------------------------------------------------- parse_number

PARSE_NUMBER = [
    ("5500", 5500), ("５５００", 5500), ("5,500", 5500), ("５，５００", 5500), ("3.5", 3.5), ("３．５", 3.5),
    ("1,234,567", 1234567), ("三千", 3000), ("十二", 12), ("二十五万", 250000), ("一億二千万", 120000000),
    ("二〇二五", 2025), ("2千5百", 2500), ("5500億", 5.5e11), ("1兆5300億", 1.53e12), ("5,500億", 5.5e11),
    ("3.5兆", 3.5e12), ("1.1億", 1.1e8), ("1万2千", 12000), ("100億", 1e10), ("84兆", 8.4e13),
    ("550 billion", 5.5e11), ("1 trillion", 1e12), ("2.5 million", 2.5e6), ("one trillion", 1e12),
    ("a trillion", 1e12), ("nine", 9), ("twenty-five", 25), ("one hundred", 100), ("two hundred fifty", 250),
    ("550bn", 5.5e11), (" 40 ", 40),
]


@pytest.mark.parametrize("text,expected", PARSE_NUMBER)
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", " ", "abc", "億", "万", "a", "1.2.3", "5500億ドル", "十分", "one two three x",
                                  "1兆2兆", "5万3億", "--", None])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


# ---------------------------------------------------------------- find_quantities: tables

def q(text, value, unit, qualifier=None):
    return (text, float(value), unit, qualifier)


QUANTITIES = [
    # seeds (Japanese)
    ("日本は5500億ドル約84兆円の対米投資を実現する", [q("5500億ドル", 5.5e11, "USD"), q("約84兆円", 8.4e13, "JPY", "approx")]),
    ("「5,500億ドル規模」という戦略投資", [q("5,500億ドル", 5.5e11, "USD")]),
    ("対米投資額を1兆ドルという規模まで", [q("1兆ドル", 1e12, "USD")]),
    ("およそ10億ドル、日本円にしておよそ1500億円の売却",
     [q("およそ10億ドル", 1e9, "USD", "approx"), q("およそ1500億円", 1.5e11, "JPY", "approx")]),
    ("年間3000億ドル以上のモノ", [q("3000億ドル以上", 3e11, "USD", "at_least")]),
    ("日本は8000億ドル近くの投資", [q("8000億ドル近く", 8e11, "USD", "nearly")]),
    ("貿易赤字は1000億ドルを超えている", [q("1000億ドル", 1e11, "USD", "more_than")]),
    ("防衛費を国内総生産比2パーセントに増額", [q("2パーセント", 2, "percent_gdp")]),
    ("採掘の約70パーセント、精製の約90パーセント",
     [q("約70パーセント", 70, "percent", "approx"), q("約90パーセント", 90, "percent", "approx")]),
    ("エネルギーなど9分野の具体的な案件", [q("9分野", 9, "count")]),
    ("次世代通信規格など7分野の協力", [q("7分野", 7, "count")]),
    ("基準レート1ドル153円を使用", [q("1ドル153円", 153, "JPY_per_USD")]),
    ("100億ドル約1兆5300億円を超える規模",
     [q("100億ドル", 1e10, "USD", "more_than"), q("約1兆5300億円", 1.53e12, "JPY", "more_than")]),
    ("韓国やフィリピンを加えた3か国での協力", [q("3か国", 3, "count")]),
    # other Japanese styles
    ("GDP比2％", [q("2％", 2, "percent_gdp")]),
    ("国内総生産(GDP)比約2%", [q("約2%", 2, "percent_gdp", "approx")]),
    ("防衛費2パーセントを前倒し", [q("2パーセント", 2, "percent_gdp")]),
    ("三千人が参加", [q("三千人", 3000, "people")]),
    ("二十五万人規模", [q("二十五万人", 250000, "people")]),
    ("10万人の雇用", [q("10万人", 1e5, "people")]),
    ("1億2千万人", [q("1億2千万人", 1.2e8, "people")]),
    ("５５００億ドル", [q("５５００億ドル", 5.5e11, "USD")]),
    ("3.5兆円超", [q("3.5兆円超", 3.5e12, "JPY", "more_than")]),
    ("100人未満", [q("100人未満", 100, "people", "less_than")]),
    ("20%以下", [q("20%以下", 20, "percent", "at_most")]),
    ("1万人余り", [q("1万人余り", 1e4, "people", "more_than")]),
    ("最大5000億円", [q("最大5000億円", 5e11, "JPY", "at_most")]),
    ("3隻と2基", [q("3隻", 3, "count"), q("2基", 2, "count")]),
    ("100万バレル", [q("100万バレル", 1e6, "count")]),
    ("50万トン", [q("50万トン", 5e5, "tonnes")]),
    ("1ユーロ=165円", [q("1ユーロ=165円", 165, "JPY_per_EUR")]),
    ("500億ユーロと30億ポンド", [q("500億ユーロ", 5e10, "EUR"), q("30億ポンド", 3e9, "GBP")]),
    ("1兆ウォン", [q("1兆ウォン", 1e12, "KRW")]),
    ("100億人民元", [q("100億人民元", 1e10, "CNY")]),
    # English
    ("a $550 billion investment", [q("$550 billion", 5.5e11, "USD")]),
    ("US$1 trillion", [q("US$1 trillion", 1e12, "USD")]),
    ("£2.5 billion", [q("£2.5 billion", 2.5e9, "GBP")]),
    ("€100 million", [q("€100 million", 1e8, "EUR")]),
    ("¥84 trillion", [q("¥84 trillion", 8.4e13, "JPY")]),
    ("$5bn", [q("$5bn", 5e9, "USD")]),
    ("550 billion dollars", [q("550 billion dollars", 5.5e11, "USD")]),
    ("one trillion yen", [q("one trillion yen", 1e12, "JPY")]),
    ("a trillion dollars", [q("a trillion dollars", 1e12, "USD")]),
    ("2% of GDP", [q("2%", 2, "percent_gdp")]),
    ("2 percent of GDP", [q("2 percent", 2, "percent_gdp")]),
    ("2 per cent of its gross domestic product", [q("2 per cent", 2, "percent_gdp")]),
    ("more than 10,000 jobs", [q("more than 10,000 jobs", 1e4, "count", "more_than")]),
    ("nine areas of cooperation", [q("nine areas", 9, "count")]),
    ("3 projects", [q("3 projects", 3, "count")]),
    ("100 aircraft", [q("100 aircraft", 100, "count")]),
    ("about 2.5 million people", [q("about 2.5 million people", 2.5e6, "people", "approx")]),
    ("an estimated 5,000 troops", [q("an estimated 5,000 troops", 5000, "people", "approx")]),
    ("at least 3 percent", [q("at least 3 percent", 3, "percent", "at_least")]),
    ("nearly $800 billion", [q("nearly $800 billion", 8e11, "USD", "nearly")]),
    ("up to $1 billion", [q("up to $1 billion", 1e9, "USD", "at_most")]),
    ("under 5%", [q("under 5%", 5, "percent", "less_than")]),
    ("some 500 workers", [q("some 500 workers", 500, "people", "approx")]),
    ("100 vehicles or more", [q("100 vehicles or more", 100, "count", "at_least")]),
    ("153 yen to the dollar", [q("153 yen to the dollar", 153, "JPY_per_USD")]),
]


@pytest.mark.parametrize("text,expected", QUANTITIES)
def test_find_quantities(text, expected):
    found = find_quantities(text)
    assert [(m.text, m.value, m.unit, m.qualifier) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


NOT_QUANTITIES = [
    "日米安全保障条約第5条", "米国建国250周年", "1期目のトランプ政権", "80歳の誕生日", "2人目の外国首脳",
    "約40分間", "1時間30分", "80年近くにわたって", "2025年10月28日", "令和7年", "2025年度", "180日以内",
    "午前9時45分", "5年連続で", "4つのポイント", "3本柱", "一本化", "数千人", "唯一の同盟国", "統一する",
    "2人によって", "1人当たり", "Article V", "the first meeting", "February 7, 2025", "F-35 aircraft",
    "Japan's 2015 Legislation", "Crew-10 mission", "2+2", "3 percentage points", "台湾", "関東一円", "十分な",
    "3分の1", "2国間", "トンネル", "安倍元総理",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_offsets_in_longer_text():
    text = "トヨタ自動車が米国内に100億ドル約1兆5300億円を超える規模の工場を建設する。"
    found = find_quantities(text)
    assert [m.text for m in found] == ["100億ドル", "約1兆5300億円"]
    assert found[0] == QuantityMatch("100億ドル", 11, 17, 1e10, "USD", "more_than")


def test_duplicates_are_kept_with_their_offsets():
    text = "1兆ドル。また1兆ドル。"
    assert [(m.start, m.end) for m in find_quantities(text)] == [(0, 4), (7, 11)]


# ---------------------------------------------------------------- parse_amount

@pytest.mark.parametrize("text,expected", [
    ("5500億ドル約84兆円の対米投資を実現する", Amount(5.5e11, "USD")),
    ("防衛費を2027年度中に国内総生産比2パーセントに増額する", Amount(2.0, "percent_gdp")),
    ("米国内に100億ドル約1兆5300億円を超える規模の自動車工場を建設する", Amount(1e10, "USD", "more_than")),
    ("9分野で3000億ドル以上", Amount(3e11, "USD", "at_least")),
    ("to invest $550 billion", Amount(5.5e11, "USD")),
    ("no amount here", None),
    ("9分野の協力", None),
])
def test_parse_amount(text, expected):
    assert parse_amount(text) == expected


# ---------------------------------------------------------------- properties

_FULLWIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")


def _jp_grouped(n: int, comma: bool = False) -> str:
    """Write n with 兆/億/万 and Arabic groups: 1530000000000 → 1兆5300億 (1,000兆 with comma=True)."""
    parts, scales = [], [(10**12, "兆"), (10**8, "億"), (10**4, "万")]
    for size, mark in scales:
        if n >= size:
            parts.append(f"{n // size:,}{mark}" if comma else f"{n // size}{mark}")
            n %= size
    if n or not parts:
        parts.append(f"{n:,}" if comma else str(n))
    return "".join(parts)


FORMATS = {
    "arabic": str,
    "comma": lambda n: f"{n:,}",
    "fullwidth": lambda n: f"{n:,}".translate(_FULLWIDTH),
    "jp_grouped": _jp_grouped,
    "jp_grouped_comma": lambda n: _jp_grouped(n, comma=True),
}


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**15), fmt=st.sampled_from(sorted(FORMATS)))
def test_parse_number_round_trips(n, fmt):
    assert parse_number(FORMATS[fmt](n)) == n


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12))
def test_parse_number_round_trips_kanji(n):
    import kanjize
    assert parse_number(kanjize.number2kanji(n)) == n


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**9), unit=st.sampled_from(["ドル", "円", "人", "件", "%"]))
def test_find_quantities_reads_what_it_is_given(n, unit):
    text = f"計画では{_jp_grouped(n)}{unit}とした"
    found = find_quantities(text)
    if unit == "人" and n < 3:
        assert found == []
    else:
        assert [(m.value, m.text) for m in found] == [(n, f"{_jp_grouped(n)}{unit}")]


@settings(max_examples=300, deadline=None)
@given(text=mixed_text)
def test_find_quantities_offsets_and_determinism(text):
    found = find_quantities(text)
    assert found == find_quantities(text)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.value == m.value and m.value >= 0  # not NaN
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_parse_number_never_raises(text):
    assert parse_number(text) == parse_number(text)
    parse_amount(text)


@pytest.mark.parametrize("text, expected", [
    ("50,000 Indian professionals come to Japan", [("50,000 Indian professionals", 50000, "people")]),
    ("the roughly 400 Japanese companies operating", [("roughly 400 Japanese companies", 400, "count")]),
    ("more than 70 agreements", [("more than 70 agreements", 70, "count")]),
    ("4.2 billion Philippine pesos", [("4.2 billion Philippine pesos", 4.2e9, "PHP")]),
    ("500 million Australian dollars", [("500 million Australian dollars", 5e8, "AUD")]),
    ("the two countries", []),
    ("in 2024 more companies", []),
])
def test_english_counts_with_words_between_number_and_noun(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("a $5-trillion economy", [("$5-trillion", 5e12, "USD")]),
    ("loans of Rs 2,50,000 crore", [("Rs 2,50,000 crore", 2.5e12, "INR")]),
    ("₹3 lakh crore of investment", [("₹3 lakh crore", 3e12, "INR")]),
    ("Rs. 700 crore for ports", [("Rs. 700 crore", 7e9, "INR")]),
    ("a £2 billion fund and €4 billion in loans", [("£2 billion", 2e9, "GBP"), ("€4 billion", 4e9, "EUR")]),
    ("attended by 9 officials", [("9 officials", 9, "people")]),
    ("they have met four times", [("four times", 4, "count")]),
    ("trade grew three times faster", []),
    ("12 memoranda of understanding were signed", [("12 memoranda of understanding", 12, "count")]),
    ("a 52-year-old minister at the 15th annual summit", []),
])
def test_english_currencies_indian_scales_and_counts(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("半年で4回会談した", [("4回", 4, "count")]),
    ("第4回会合と4回目の協議", []),
    ("5閣僚ずつが参加した", [("5閣僚", 5, "people")]),
    ("6つの覚書に署名した", [("6つ", 6, "count")]),
    ("一つの中国の原則と協力国の1つ", []),
    ("注目すべき3つのポイント", []),
])
def test_japanese_counts_of_meetings_ministers_and_documents(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministers held two rounds of consultations in May.", [("count", 2.0)]),
    ("The envoys have met five times over the last month.", [("count", 5.0)]),
    ("The two countries signed one accord.", []),                 # the parties counted, not a quantity
    ("Exports grew ten times over the decade.", [("count", 10.0)]),
])
def test_english_counts_of_occasions(text, expected):
    assert [(q.unit, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The company will raise its intake of apprentices from 12,000 to 45,000.", [(12000, "count"), (45000, "count")]),
    ("Exports grew from 1.5 million to 3 million.", [(1.5e6, "count"), (3e6, "count")]),
    ("Places rise from 4,000 to 6,500 students.", [(4000, "people"), (6500, "people")]),
])
def test_both_ends_of_a_bare_range_are_quantities(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text", [
    "The plan runs from 2025 to 2030.", "The road grows from 1,000 to 2,000 kilometres.",
    "Talks ran from 10 to 11.",
])
def test_years_lengths_and_small_figures_in_a_range_are_not_counts(text):
    assert find_quantities(text) == []
