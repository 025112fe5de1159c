"""Numbers and quantities (money, percentages, counts) in Japanese and English.

Units: ISO currency codes (USD, JPY, EUR, GBP, KRW, INR, CNY, AUD, CAD, ...),
``percent``, ``percent_gdp``, ``people`` (人, 名, people, persons, workers,
troops; 10万人の雇用 stays ``people``), ``count`` for every other thing
counted (分野, 件, 隻, か国, "nine areas", "100 aircraft", jobs and 雇用,
barrels and バレル: FACTS.md names people and count as the units of
counts), ``tonnes``, and exchange rates such as ``JPY_per_USD`` (1ドル153円).

Qualifiers: approx, at_least, more_than, nearly, at_most, less_than. A
qualifier written next to the number (約, 以上, 近く, "more than") is part of
the match text; a verb that bounds it (1000億ドルを超えている) only sets the
qualifier. When both occur the bound wins over ``approx``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import kanjize

from ..records import Amount
from ..text import first_char_gate, fold
from ._text import (EN_TENS, EN_UNITS, EN_WORD_NUMBER, KANJI_DIGITS, Gated, char_at, char_before, is_ideograph, read_once,
                    is_katakana, pick_spans)

__all__ = ["QuantityMatch", "find_quantities", "parse_amount", "parse_number"]

MONEY_UNITS = frozenset({"USD", "JPY", "EUR", "GBP", "KRW", "INR", "CNY", "AUD", "CAD", "HKD", "TWD", "SGD",
                         "RUB", "CHF"})
# "2人" / "1人" in readouts are nearly always "the two (leaders)" or "one of them", not a count.
MIN_PEOPLE = 3
# Characters before a percentage searched for 国内総生産(GDP)比 / 防衛費: the longest prefix plus spaces.
_GDP_LOOKBEHIND = 24

_JP_SCALE = {"万": Decimal(10) ** 4, "億": Decimal(10) ** 8, "兆": Decimal(10) ** 12}
_EN_SCALE = {"hundred": Decimal(100), "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
             "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "m": Decimal(10) ** 6,
             "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
             "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "dozen": Decimal(12),
             "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5, "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7}
# Indian digit grouping: 3,20,000 (three lakh twenty thousand), 1,00,00,000 (one crore)
_INDIAN_GROUPED = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}$")


@dataclass(frozen=True)
class QuantityMatch:
    text: str
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None


# ---------------------------------------------------------------- parse_number

_GROUPED = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_ARABIC_SCALED = re.compile(r"(\d+(?:\.\d+)?)([兆億万]?)")
_JP_NUMBER_FULL = re.compile(rf"[\d.{KANJI_DIGITS}]+(?:[兆億万][\d.{KANJI_DIGITS}]*)*")


def parse_number(text: str) -> float | None:
    """The value of a number written in any of the supported styles, or None."""
    if not isinstance(text, str):
        return None
    s = _GROUPED.sub("", fold(text).strip())
    value = None
    if s[:1].isdigit() or _has_kanji_digit(s):
        value = _parse_jp(s.replace(" ", ""))
    if value is None:
        value = _parse_en(s)
    if value is None:
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _has_kanji_digit(s: str) -> bool:
    return any(ch in KANJI_DIGITS for ch in s)


def _parse_jp(s: str) -> Decimal | None:
    if not s or not _JP_NUMBER_FULL.fullmatch(s):
        return None
    if _has_kanji_digit(s):
        if "." in s:
            return None
        try:
            return Decimal(int(kanjize.kanji2number(s.replace("零", "〇"))))
        except Exception:  # kanjize raises ValueError and friends on malformed numerals
            return None
    total, last_scale, pos = Decimal(0), None, 0
    for m in _ARABIC_SCALED.finditer(s):
        if m.start() != pos:
            return None
        pos = m.end()
        scale = _JP_SCALE.get(m.group(2), Decimal(1))
        if last_scale is not None and scale >= last_scale:
            return None  # 億 after 万, or two plain runs
        last_scale = scale
        total += Decimal(m.group(1)) * scale
    return total if pos == len(s) and last_scale is not None else None


def _parse_en(s: str) -> Decimal | None:
    s = re.sub(r"(?<=\d)(?=[A-Za-z])", " ", s.lower())
    words = [w for w in re.split(r"[\s\-]+", s) if w and w != "and"]
    if not words:
        return None
    head, rest = words[0], words[1:]
    if re.fullmatch(r"\d+(?:\.\d+)?", head):
        value = Decimal(head)
        if not all(w in _EN_SCALE for w in rest):
            return None
        for w in rest:
            value *= _EN_SCALE[w]
        return value
    total, current, seen = Decimal(0), Decimal(0), False
    for i, w in enumerate(words):
        if w in ("a", "an") and i == 0 and len(words) > 1 and words[1] in _EN_SCALE:
            current, seen = Decimal(1), True
        elif w in EN_UNITS:
            current += EN_UNITS[w]
            seen = True
        elif w in EN_TENS:
            current += EN_TENS[w]
            seen = True
        elif w in ("hundred", "dozen") and seen:
            current = (current or 1) * _EN_SCALE[w]
        elif w in ("thousand", "million", "billion", "trillion") and seen:
            total += (current or 1) * _EN_SCALE[w]
            current = Decimal(0)
        else:
            return None
    return total + current if seen else None


def _num(s: str) -> Decimal | None:
    v = parse_number(s)
    try:
        return Decimal(str(v)) if v is not None else None
    except InvalidOperation:
        return None


# ---------------------------------------------------------------- Japanese quantities

# (?!\d) keeps the digit run from being split two ways (no catastrophic backtracking).
_JP_ATOM = rf"(?:[{KANJI_DIGITS}]|\d+(?:,\d{{3}})*(?:\.\d+)?(?!\d))+"
_JP_NUMBER = rf"{_JP_ATOM}(?:[兆億万](?:{_JP_ATOM})?)*"
_NUM_START = r"(?<![0-9A-Za-z.,\-+/_#])"
# A Japanese number starts where no other digit or 万/億/兆 stands before it (also keeps scans linear).
_JP_NUM_START = rf"(?<![0-9A-Za-z.,\-+/_#{KANJI_DIGITS}万億兆])"

_JP_UNITS = {
    "米ドル": "USD", "豪ドル": "AUD", "加ドル": "CAD", "カナダドル": "CAD", "香港ドル": "HKD", "台湾ドル": "TWD",
    "シンガポールドル": "SGD", "ドル": "USD", "円": "JPY", "ユーロ": "EUR", "ポンド": "GBP", "ウォン": "KRW",
    "ルピー": "INR", "人民元": "CNY", "元": "CNY", "ルーブル": "RUB", "スイスフラン": "CHF",
    "パーセント": "percent", "%": "percent",
    "人": "people", "名": "people", "雇用": "count",
    "分野": "count", "件": "count", "隻": "count", "基": "count", "か国": "count", "カ国": "count",
    "ヵ国": "count", "ヶ国": "count", "ケ国": "count", "箇国": "count", "か所": "count", "カ所": "count",
    "ヵ所": "count", "ヶ所": "count", "箇所": "count", "台": "count", "社": "count", "項目": "count",
    "品目": "count", "本": "count", "機": "count", "回": "count", "閣僚": "people", "つ": "count",
    "トン": "tonnes", "バレル": "count",
}
_JP_UNIT_RE = "|".join(sorted(map(re.escape, _JP_UNITS), key=len, reverse=True))
_JP_PREFIX = {"約": "approx", "およそ": "approx", "概ね": "approx", "おおむね": "approx", "ほぼ": "approx",
              "ざっと": "approx", "少なくとも": "at_least", "最低": "at_least", "最大": "at_most", "最大で": "at_most",
              "最高": "at_most"}
_JP_PREFIX_RE = "|".join(sorted(map(re.escape, _JP_PREFIX), key=len, reverse=True))
# Written inside the amount (kept in the match text).
_JP_SUFFIX = {"以上": "at_least", "超": "more_than", "強": "more_than", "余り": "more_than", "余": "more_than",
              "近く": "nearly", "弱": "nearly", "以下": "at_most", "未満": "less_than", "程度": "approx",
              "前後": "approx", "ほど": "approx"}
_JP_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, _JP_SUFFIX), key=len, reverse=True))
                           + r")(?![えす])")
# A verb after the amount: sets the qualifier, stays out of the match text.
_JP_VERBAL = [(re.compile(r"\)?[ \t]*(?:を|も)?(?:超え|超す|超過|上回)"), "more_than"),
              (re.compile(r"\)?[ \t]*(?:を|も)?下回"), "less_than")]
# Ideographs that may follow a kanji unit (円, 人, 件...) without making it part of a longer word.
_UNIT_FOLLOWERS = ("以上", "以下", "未満", "超", "強", "弱", "余", "程度", "前後", "規模", "相当", "分", "近",
                   "全", "等", "増", "減", "程")
# Nouns of the text's own structure: 4つのポイント counts the article's points, not things of the subject.
_DISCOURSE_NOUNS = ("ポイント", "点", "理由", "論点", "特徴", "観点", "視点", "疑問", "質問")
_JP_QUANTITY = re.compile(
    first_char_gate(list(_JP_PREFIX) + list(KANJI_DIGITS), r"\d") +
    rf"(?:(?P<pre>{_JP_PREFIX_RE})[ \t]*)?{_JP_NUM_START}(?P<num>{_JP_NUMBER})[ \t]*(?P<unit>{_JP_UNIT_RE})")
_FX_JP = re.compile(
    rf"{_NUM_START}(?P<one>1|一)[ \t]*(?P<c1>米ドル|ドル|ユーロ|ポンド|人民元|元|ウォン)[ \t]*[=:]?[ \t]*"
    rf"(?:約|およそ)?[ \t]*(?P<num>{_JP_NUMBER})[ \t]*(?P<c2>円|ドル|ウォン|ユーロ|元)")
_GDP_BEFORE = re.compile(
    r"(?:(?:国内総生産|GDP)(?:[ \t]*\([ \t]*(?:GDP|国内総生産)[ \t]*\))?[ \t]*(?:対?比|の)[ \t]*(?:で|は|を)?"
    r"|防衛(?:費|関連費|予算))[ \t]*$")
_GDP_AFTER = re.compile(r"\s+of\s+(?:(?:its|their|the|our|his|her|[A-Z][\w.]*(?:'s|’s))\s+)?"
                        r"(?:GDP|gross domestic product)\b", re.I)


def _jp_candidates(f: str) -> list[tuple]:
    out = []
    for m in _JP_QUANTITY.finditer(f):
        unit_word, num = m.group("unit"), m.group("num")
        start = m.start("pre") if m.group("pre") else m.start("num")
        if not _jp_number_ok(f, m.start("num"), num, bool(m.group("pre"))):
            continue
        nxt = char_at(f, m.end())
        if unit_word == "回" and nxt in ("目", "忌", "生", "戦"):
            continue  # 5回目, 3回忌: ordinals, not counts (4回会談した is a count)
        if is_ideograph(unit_word[-1]) and is_ideograph(nxt) and not f.startswith(_UNIT_FOLLOWERS, m.end()) \
                and unit_word != "回":
            continue  # 3本柱, 2人目, 1人当たり, 一本化: part of a longer word
        if is_katakana(unit_word[-1]) and is_katakana(nxt):
            continue  # トンネル
        if unit_word == "元" and f.startswith(("首相", "総理", "大統領", "年"), m.end()):
            continue
        if unit_word == "つ" and (not (num.isdigit() and int(num) >= 2 and f.startswith("の", m.end()))
                                  or f.startswith(_DISCOURSE_NOUNS, m.end() + 1)):
            continue  # only 7つの協定 counts things: 一つの中国 is a word, 国の1つ is "one of", …の3つで sums a list
        value = _num(num)
        if value is None:
            continue
        unit = _JP_UNITS[unit_word]
        end, qual, verbal = m.end(), _JP_PREFIX.get(m.group("pre") or ""), None
        suf = _JP_SUFFIX_RE.match(f, end)
        if suf:
            qual, end = _JP_SUFFIX[suf.group(0)], suf.end()
        for rx, q in _JP_VERBAL:
            if rx.match(f, end):
                verbal = q
        out.append((start, end, value, unit, verbal or qual, verbal))
    return out


def _jp_number_ok(f: str, i: int, num: str, has_prefix: bool) -> bool:
    before = char_before(f, i)
    if before in ("第", "数"):
        return False  # ordinals (第5条) and vague amounts (数千人)
    if num[0] in KANJI_DIGITS and is_ideograph(before) and not has_prefix:
        return False  # 統一, 唯一, 万一, 同一: a kanji numeral glued to a word
    return True


# ---------------------------------------------------------------- English quantities

_EN_PREFIX = {
    "about": "approx", "approximately": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "an estimated": "approx", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "at least": "at_least", "no less than": "at_least", "more than": "more_than", "over": "more_than",
    "above": "more_than", "just over": "more_than", "well over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "exceeding": "more_than", "up to": "at_most", "at most": "at_most",
    "as much as": "at_most", "as many as": "at_most", "less than": "less_than", "under": "less_than",
    "fewer than": "less_than", "just under": "less_than", "below": "less_than",
}
_EN_PREFIX_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _EN_PREFIX), key=len, reverse=True))
_CURRENCY_SYMBOLS = {"US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
                     "CA$": "CAD", "HK$": "HKD", "S$": "SGD", "¥": "JPY", "£": "GBP", "€": "EUR", "₩": "KRW",
                     "₹": "INR", "USD": "USD", "JPY": "JPY", "EUR": "EUR", "GBP": "GBP", "KRW": "KRW", "INR": "INR",
                     "CNY": "CNY", "RMB": "CNY", "AUD": "AUD", "CAD": "CAD", "Rs.": "INR", "Rs": "INR"}
_MIXED_CASE_CODES = {"Rs", "Rs."}   # written in mixed case, unlike the ISO codes
_CUR_RE = "|".join(sorted(map(re.escape, _CURRENCY_SYMBOLS), key=len, reverse=True))
_EN_NUMBER = rf"(?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?!\d)|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{EN_WORD_NUMBER}|an?)\b)"
_EN_SCALE_RE = (r"(?:(?:(?:\s+|-)(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b){1,2}"
                r"|(?<=\d)(?:bn|mn|tn|m|k|b)\b)")
_EN_UNIT_WORDS = [
    (r"Australian\s+dollars?", "AUD"), (r"Canadian\s+dollars?", "CAD"), (r"(?:Philippine\s+)?pesos?", "PHP"),
    (r"(?:Malaysian\s+)?ringgit", "MYR"),
    (r"(?:(?:U\.S\.|US|American)\s+)?dollars?", "USD"), (r"yen", "JPY"), (r"euros?", "EUR"),
    (r"pounds?(?:\s+sterling)?", "GBP"), (r"(?:South\s+Korean\s+)?won", "KRW"), (r"rupees?", "INR"),
    (r"yuan|renminbi", "CNY"),
    (r"%|percent\b|per\s+cent\b|pct\b", "percent"),
    (r"(?:people|persons|individuals|workers|employees|troops|soldiers|personnel|citizens|residents|"
     r"professionals|students|visitors|tourists|travell?ers|experts|engineers|trainees|scholars|officials|"
     r"ministers|delegates|participants|staff|members|nurses|doctors)", "people"),
    (r"jobs", "count"), (r"barrels", "count"), (r"(?:metric\s+)?(?:tons|tonnes)", "tonnes"),
    (r"(?:areas|fields|sectors|projects|countries|nations|companies|firms|aircraft|airplanes|planes|jets|ships|"
     r"vessels|submarines|vehicles|cars|trucks|reactors|items|units|deals|plants|factories|missiles|satellites|"
     r"agreements|chargers|stations|initiatives|programs|programmes|scholarships|facilities|"
     r"memorand(?:um|a|ums)(?:\s+of\s+(?:understanding|co-?operation)s?)?|MoUs|MOUs|MoCs|treaties|pacts|contracts|"
     r"documents|visas|rounds|times(?!\s+(?:more|less|larger|bigger|higher|greater|as|the|that|faster|over(?!\s+the\b))\b))",
     "count"),
]
# units that may stand a few words after the number: "50,000 Indian professionals", "5,000 direct jobs"
_EN_FAR_UNITS = {"people", "count"}
_EN_UNIT_RE = "|".join(f"(?P<u{i}>{rx})" for i, (rx, _) in enumerate(_EN_UNIT_WORDS))
# Where an English amount can start: a qualifier (about, more than), a currency sign, a figure or a word number.
_EN_MONEY_START = first_char_gate(list(_EN_PREFIX) + list(_CURRENCY_SYMBOLS))
_EN_FIGURE_START = first_char_gate(list(_EN_PREFIX) + list(EN_UNITS) + list(EN_TENS) + ["a"], r"\d")
_EN_DIGITS_START = first_char_gate(list(_EN_PREFIX), r"\d")
_EN_MONEY = re.compile(
    _EN_MONEY_START +
    rf"(?:\b(?P<pre>{_EN_PREFIX_RE})\s+)?(?<![0-9A-Za-z.,\-+/_#])(?P<cur>{_CUR_RE})\s?(?P<num>{_EN_NUMBER})"
    rf"(?P<scale>{_EN_SCALE_RE})?", re.I)
_EN_COUNTED = re.compile(
    _EN_FIGURE_START +
    rf"(?:\b(?P<pre>{_EN_PREFIX_RE})\s+)?{_NUM_START}(?P<num>{_EN_NUMBER})(?P<scale>{_EN_SCALE_RE})?"
    rf"(?:\s?(?=%)|[\s\-]+)(?:{_EN_UNIT_RE})(?![A-Za-z])", re.I)
_EN_COUNTED_FAR = re.compile(
    _EN_DIGITS_START +
    rf"(?:\b(?P<pre>{_EN_PREFIX_RE})\s+)?{_NUM_START}(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{2,}})(?P<scale>{_EN_SCALE_RE})?"
    rf"[\s\-]+(?:(?!and\b|or\b|of\b|in\b|to\b|the\b|for\b)[A-Za-z]+[\s\-]+){{1,3}}(?:{_EN_UNIT_RE})(?![A-Za-z])", re.I)
_EN_MONEY = Gated(_EN_MONEY, *_CURRENCY_SYMBOLS)          # every match has a currency sign or code
_EN_COUNTED = Gated(_EN_COUNTED, gate=r"[a-z%]")          # and a unit: % or a word (a Japanese line's figures are not)
_EN_COUNTED_FAR = Gated(_EN_COUNTED_FAR, gate=r"\d")      # and a figure in digits
_EN_SUFFIX = re.compile(r"\s+or\s+(more|less)\b", re.I)
# "increase visas from 20,000 to 90,000": in a change "from A to B" written as bare figures the counted noun stands
# before the range; each end is a count. Only figures in thousands grouping or with a scale word, so years
# ("from 2020 to 2025"), clock times and small ordinals stay out; durations and lengths after the range too.
_EN_BARE = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?(?=\s+(?:thousand|million|billion|trillion|lakhs?|crores?)\b)"
_EN_BARE_RANGE = re.compile(
    rf"\bfrom\s+{_NUM_START}(?P<a>{_EN_BARE})(?P<sa>{_EN_SCALE_RE})?\s+to\s+{_NUM_START}(?P<b>{_EN_BARE})"
    rf"(?P<sb>{_EN_SCALE_RE})?(?![\w%,.]?\d)(?!\s*(?:%|percent\b|per\s+cent\b|years?\b|months?\b|weeks?\b|days?\b|"
    r"hours?\b|minutes?\b|km\b|kilomet|miles?\b|met(?:er|re)s?\b|feet\b))", re.I)
_EN_BARE_RANGE = Gated(_EN_BARE_RANGE, gate=r"\d")
_FX_EN = re.compile(rf"{_NUM_START}(?:¥\s?(?P<num>\d+(?:\.\d+)?)|(?P<num2>\d+(?:\.\d+)?)\s?yen)\s+"
                    r"(?:to|per|against)\s+(?:the|one|a|each)\s+(?:(?:U\.S\.|US)\s+)?dollar\b", re.I)


_EN_OCCASIONS = re.compile(r"\b(?:rounds|times)$", re.I)
_EN_POSSIBLE = re.compile(r"[\dA-Za-z\u0130\u0131\u017f\u212a]")   # with the letters re.I folds to i, s, k
_JP_POSSIBLE = re.compile(rf"[\d{KANJI_DIGITS}]")


def _en_candidates(f: str) -> list[tuple]:
    out = []
    for m in _EN_MONEY.finditer(f):
        cur = m.group("cur")
        code = _CURRENCY_SYMBOLS.get(cur) or _CURRENCY_SYMBOLS.get(cur.upper() if cur[0].isalpha() else cur)
        if code is None or (cur[0].isalpha() and cur != cur.upper() and cur not in _MIXED_CASE_CODES):
            continue  # "usd" in running text is not a currency code
        out.append(_en_finish(f, m, code))
    for m in _EN_COUNTED.finditer(f):
        unit = next(_EN_UNIT_WORDS[i][1] for i in range(len(_EN_UNIT_WORDS)) if m.group(f"u{i}"))
        if unit in _EN_FAR_UNITS and not re.match(r"\d", m.group("num")) and not m.group("scale") and (
                (_num(m.group("num")) or 0) < 3) and not _EN_OCCASIONS.search(m.group(0)):
            continue   # "the two countries", "one company": not a quantity of the subject (nine areas is; "two
                       # rounds of talks" and "met two times" count occasions, not the parties)
        out.append(_en_finish(f, m, unit))
    for m in _EN_COUNTED_FAR.finditer(f):
        unit = next(_EN_UNIT_WORDS[i][1] for i in range(len(_EN_UNIT_WORDS)) if m.group(f"u{i}"))
        num = m.group("num")
        if unit in _EN_FAR_UNITS and not (len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100):
            out.append(_en_finish(f, m, unit))
    for m in _EN_BARE_RANGE.finditer(f):
        tail = _EN_COUNTED.match(f, m.start("b"))     # "from 1,000 to 2,000 people": both ends are people
        unit = next(_EN_UNIT_WORDS[i][1] for i in range(len(_EN_UNIT_WORDS)) if tail.group(f"u{i}")) if tail else "count"
        for num, scale in (("a", "sa"), ("b", "sb")):
            value = _num(m.group(num) + (" " + m.group(scale).strip() if m.group(scale) else ""))
            if value is not None:
                out.append((m.start(num), m.end(scale) if m.group(scale) else m.end(num), value, unit, None, None))
    return [c for c in out if c is not None]


def _en_finish(f: str, m: re.Match, unit: str) -> tuple | None:
    num = m.group("num")
    if _INDIAN_GROUPED.match(num):
        num = num.replace(",", "")
    if num.lower() in ("a", "an") and not m.group("scale"):
        return None
    value = _num(num + (" " + m.group("scale").strip() if m.group("scale") else ""))
    if value is None:
        return None
    pre = m.group("pre")
    qual = _EN_PREFIX[" ".join(pre.lower().split())] if pre else None
    if pre:
        start = m.start("pre")
    else:
        start = m.start("cur") if "cur" in m.re.groupindex else m.start("num")
    end = m.end()
    suf = _EN_SUFFIX.match(f, end)
    if suf:
        qual, end = ("at_least" if suf.group(1).lower() == "more" else "at_most"), suf.end()
    return (start, end, value, unit, qual, None)


# ---------------------------------------------------------------- find_quantities

def _find_quantities(text: str) -> list[QuantityMatch]:
    """Every money amount, percentage and count in ``text``, with offsets."""
    if not isinstance(text, str) or not text:
        return []
    f = fold(text)
    cands = []
    for m in _FX_JP.finditer(f):
        value = _num(m.group("num"))
        unit = f"{_JP_UNITS[m.group('c2')]}_per_{_JP_UNITS[m.group('c1')]}"
        if value is not None and m.group("c1") != m.group("c2"):
            cands.append((m.start(), m.end(), value, unit, None, None))
    for m in _FX_EN.finditer(f):
        value = _num(m.group("num") or m.group("num2"))
        if value is not None:
            cands.append((m.start(), m.end(), value, "JPY_per_USD", None, None))
    # every English amount has a digit or a number word (Latin letters), every Japanese one a digit or a
    # kanji numeral: a sentence with neither is not scanned by those patterns
    cands += (_en_candidates(f) if _EN_POSSIBLE.search(f) else []) + (_jp_candidates(f) if _JP_POSSIBLE.search(f) else [])
    chosen = pick_spans(cands)
    out: list[QuantityMatch] = []
    for i, (start, end, value, unit, qual, _verbal) in enumerate(chosen):
        if unit == "percent" and _is_gdp_share(f, start, end):
            unit = "percent_gdp"
        if unit == "people" and value < MIN_PEOPLE:
            continue
        if qual in (None, "approx") and i + 1 < len(chosen):
            qual = _pair_qualifier(f, chosen[i], chosen[i + 1]) or qual
        out.append(QuantityMatch(text[start:end], start, end, float(value), unit, qual))
    return out


def _is_gdp_share(f: str, start: int, end: int) -> bool:
    return bool(_GDP_BEFORE.search(f, max(0, start - _GDP_LOOKBEHIND), start) or _GDP_AFTER.match(f, end))


def _pair_qualifier(f: str, a: tuple, b: tuple) -> str | None:
    """5500億ドル(約84兆円)を超える: the bound after the second amount applies to both."""
    if a[3] in MONEY_UNITS and b[3] in MONEY_UNITS and a[3] != b[3] and b[5]:
        if re.fullmatch(r"[\s(、,/]*", f[a[1]:b[0]]):
            return b[5]
    return None


def parse_amount(text: str) -> Amount | None:
    """The first money or percentage amount in a phrase."""
    for q in find_quantities(text):
        if q.unit in MONEY_UNITS or q.unit in ("percent", "percent_gdp"):
            return Amount(q.value, q.unit, q.qualifier)
    return None


find_quantities = read_once(_find_quantities)   # several stages read the same sentence: each text once
