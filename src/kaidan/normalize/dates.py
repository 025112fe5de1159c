"""Dates, fiscal years, spans and deadlines in Japanese and English.

Values: ``YYYY-MM-DD`` (kind "date"), ``YYYY-MM`` ("month"), ``YYYY``
("year"), ``FY2027`` ("fiscal_year", the Japanese April-March year),
``within_days:180`` / ``within_weeks:2`` / ``within_months:3`` /
``within_years:1`` ("span", exactly as written), and resolved relative words
(kind "relative": 来週 → the Monday of next week, 来年 → ``YYYY``).

Partial dates are resolved against the reference date ``ref``: 10月28日 takes
the year that puts it nearest to ``ref``; a bare day 7日 is in ``ref``'s month
unless it lies more than ``DAY_LOOKAHEAD`` days after ``ref``, in which case it
is in the previous month (a report on the 8th that mentions "28日" means last
month). With ``ref=None`` partial and relative dates are skipped: the
machine's clock is never read.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import fold
from ._text import EN_WORD_NUMBER, JP_DIGITS, Gated, char_at, char_before, is_hiragana, pick_spans
from .numbers import parse_number

__all__ = ["DateMatch", "deadline_of", "due_date", "era_to_year", "find_dates", "parse_date"]

# A bare day-of-month up to this many days after the reference day is taken as this month's (upcoming
# events are announced about a week ahead); later days are last month's.
DAY_LOOKAHEAD = 7

ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018,
        "M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}


@dataclass(frozen=True)
class DateMatch:
    text: str
    start: int
    end: int
    value: str
    kind: str  # date, month, year, fiscal_year, span, relative


def era_to_year(era: str, year: int) -> int:
    """Western year of ``year`` of a Japanese era (令和7 → 2025; pass 1 for 元年)."""
    base = ERAS.get(era.strip().upper() if era.strip().isascii() else era.strip())
    if base is None:
        raise ValueError(f"unknown Japanese era {era!r}")
    if year < 1:
        raise ValueError(f"era year must be at least 1, got {year}")
    return base + year


def _jnum(s: str) -> int | None:
    if s == "元":
        return 1
    v = parse_number(s)
    return int(v) if v is not None and v.is_integer() else None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except (ValueError, OverflowError):
        return None


def _ym(y: int, m: int) -> str | None:
    return f"{y:04d}-{m:02d}" if 1 <= m <= 12 and 1 <= y <= 9999 else None


def _fy_of(d: dt.date) -> int:
    return d.year if d.month >= 4 else d.year - 1


def _nearest_year(m: int, d: int | None, ref: dt.date) -> int | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if d is None:
            dist = abs((y * 12 + m) - (ref.year * 12 + ref.month))
        else:
            iso = _iso(y, m, d)
            if iso is None:
                continue
            dist = abs((dt.date.fromisoformat(iso) - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _day_only(d: int, ref: dt.date) -> str | None:
    if d <= ref.day + DAY_LOOKAHEAD:
        iso = _iso(ref.year, ref.month, d)
        if iso:
            return iso
    if (ref.year, ref.month) == (1, 1):
        return None
    prev = ref.replace(day=1) - dt.timedelta(days=1)
    return _iso(prev.year, prev.month, d)


def _monday(d: dt.date, weeks: int) -> str:
    return (d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=weeks)).isoformat()


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


# ---------------------------------------------------------------- patterns

_D = JP_DIGITS
_ERA_RE = "明治|大正|昭和|平成|令和"
_YMD_TAIL = rf"(?:[ \t]*(?P<fy>度)|(?:[ \t]*(?P<m>{_D})[ \t]*月(?:[ \t]*(?P<d>{_D})[ \t]*日)?)?)"
_ERA_DATE = re.compile(rf"(?P<era>{_ERA_RE})[ \t]*(?P<y>元|{_D})[ \t]*年{_YMD_TAIL}")
_JP_DATE = re.compile(rf"(?<![\d〇一二三四五六七八九十])(?P<y>\d{{4}}|[〇一二三四五六七八九]{{4}})[ \t]*年{_YMD_TAIL}")
_ISO_DATE = re.compile(r"(?<![\d.\-/])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d]|[-/.]\d)")
_JP_MONTH_DAY = re.compile(rf"(?<![\d〇一二三四五六七八九十])(?P<m>{_D})[ \t]*月[ \t]*(?P<d>{_D})[ \t]*日")
_JP_MONTH = re.compile(r"(?<![\d年])(?P<m>\d{1,2})[ \t]*月(?![\d日])")
_JP_DAY = re.compile(r"(?<![\d月年.,:/])(?P<d>\d{1,2})日"
                     r"(?!(?:間|以内|以降|以上|未満|目|連続|分|後|前|ぶり|付|当|程度|余|超|近|も早|ほど|中))")
_SPAN_UNITS = {"日": "days", "週間": "weeks", "か月": "months", "カ月": "months", "ヵ月": "months", "ヶ月": "months",
               "ケ月": "months", "箇月": "months", "年": "years"}
_JP_SPAN = Gated(re.compile(rf"(?P<n>{_D})[ \t]*(?P<u>日|週間|か月|カ月|ヵ月|ヶ月|ケ月|箇月|年)[ \t]*以内"), "以内")
_EN_NUM = rf"(?:\d+|{EN_WORD_NUMBER}|an?)"
_EN_SPAN = re.compile(rf"\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?P<n>{_EN_NUM})\s+(?P<u>day|week|month|year)s?\b",
                      re.I)
_FY_EN = re.compile(r"\b(?:FY\s?(?P<y>\d{4})|FY(?P<yy>\d{2})|[Ff]iscal(?:\s+[Yy]ear)?\s+(?P<y3>\d{4}))\b")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_FULL_MONTHS = [m for m in calendar.month_name if m]
_MON = ("(?:" + "|".join(_FULL_MONTHS + [m.upper() for m in _FULL_MONTHS]) + "|"     # April, APRIL (datelines)
        r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_EN_MDY = re.compile(rf"\b(?P<mon>{_MON})(?:\s+|(?<=\.))(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:(?:,\s*|\s+)(?P<y>\d{{4}})\b)?")
_EN_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MON})(?:,?\s+(?P<y>\d{{4}})\b)?")
_EN_YMD = re.compile(rf"\b(?P<y>\d{{4}})\s+(?P<mon>{_MON})\s*(?P<d>\d{{1,2}})\b")   # 2022 Nov. 17 (Korean pages)
_EN_MY = re.compile(rf"\b(?P<mon>{_MON})\s+(?:of\s+)?(?P<y>\d{{4}})\b")
_EN_RANGE_DMY = re.compile(rf"\b(?:from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"\s+(?P<mon>{_MON})(?:,?\s+(?P<y>\d{{4}})\b)?")
_EN_RANGE_MDY = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})"
                           rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?")
_JP_RANGE = re.compile(rf"(?<![\d年.,:/])(?:(?P<m>{_D})[ \t]*月[ \t]*)?(?P<d1>\d{{1,2}})[ \t]*日?[ \t]*(?:[(（][^)）]{{1,3}}[)）])?"
                       r"[ \t]*(?:～|〜|~|-|から)[ \t]*(?:\d{1,2}[ \t]*月[ \t]*)?(?P<d2>\d{1,2})[ \t]*日(?!間|以内|以降|目|後|前|ぶり)")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")   # date.weekday() order
_WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_EN_WEEKDAY = re.compile(r"(?:(?P<next>\b(?:next|this\s+coming|coming)\s+)|(?P<last>\blast\s+))?"
                         r"\b(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")\b(?!\s+(?:Night|Times|Post|Review)\b)")
_EN_YEAR = re.compile(r"\b(?:in|by|since|until|till|through|before|after|from|of|early|late|mid-?)\s+"
                      r"(?P<y>(?:1[89]|20)\d{2})\b(?![-/.]\d)", re.I)
# Relative words: (offset kind, amount). Longest first so 来年度 wins over 来年 and 一昨日 over 昨日.
_REL_JP = {
    "一昨年": ("year", -2), "再来年": ("year", 2), "昨年": ("year", -1), "去年": ("year", -1), "今年": ("year", 0),
    "ことし": ("year", 0), "本年": ("year", 0), "来年": ("year", 1),
    "今年度": ("fy", 0), "本年度": ("fy", 0), "来年度": ("fy", 1), "昨年度": ("fy", -1), "前年度": ("fy", -1),
    "一昨日": ("day", -2), "おととい": ("day", -2), "昨日": ("day", -1), "きのう": ("day", -1), "今日": ("day", 0),
    "きょう": ("day", 0), "本日": ("day", 0), "明日": ("day", 1), "あす": ("day", 1), "あした": ("day", 1),
    "明後日": ("day", 2), "あさって": ("day", 2),
    "先月": ("month", -1), "今月": ("month", 0), "来月": ("month", 1),
    "先週": ("week", -1), "今週": ("week", 0), "来週": ("week", 1),
}
_REL_EN = {"today": ("day", 0), "yesterday": ("day", -1), "tomorrow": ("day", 1), "next year": ("year", 1),
           "last year": ("year", -1), "this year": ("year", 0), "next month": ("month", 1),
           "last month": ("month", -1), "this month": ("month", 0), "next week": ("week", 1),
           "last week": ("week", -1), "this week": ("week", 0)}
_REL_JP_RE = re.compile("|".join(sorted(map(re.escape, _REL_JP), key=len, reverse=True)))
_REL_EN_RE = re.compile(r"\b(?:" + "|".join(k.replace(" ", r"\s+") for k in _REL_EN) + r")\b", re.I)
# Hiragana words are only taken next to a particle or punctuation (not inside 状況 じょうきょう, 協力 きょうりょく).
_PARTICLES_BEFORE = "はがもにでとやねをへ"
_PARTICLES_AFTER = ("の", "は", "も", "に", "で", "から", "まで", "、", "。")


def _relative(kind: str, n: int, ref: dt.date) -> tuple[str, str] | None:
    try:
        return _relative_unsafe(kind, n, ref)
    except OverflowError:  # next day of date.max and the like
        return None


def _relative_unsafe(kind: str, n: int, ref: dt.date) -> tuple[str, str]:
    if not 1 <= ref.year + n <= 9999 or not 1 <= _fy_of(ref) + n <= 9999:
        raise OverflowError("relative date out of range")
    if kind == "day":
        return (ref + dt.timedelta(days=n)).isoformat(), "relative"
    if kind == "week":
        return _monday(ref, n), "relative"
    if kind == "month":
        y, m = _add_months(ref.year, ref.month, n)
        return f"{y:04d}-{m:02d}", "relative"
    if kind == "fy":
        return f"FY{_fy_of(ref) + n}", "fiscal_year"
    return f"{ref.year + n:04d}", "relative"


def _ymd_value(y: int, m: str | None, d: str | None, fy: str | None) -> tuple[str, str] | None:
    if fy:
        return f"FY{y}", "fiscal_year"
    if m is None:
        return (f"{y:04d}", "year") if 1 <= y <= 9999 else None
    mm = _jnum(m)
    if mm is None:
        return None
    if d is None:
        v = _ym(y, mm)
        return (v, "month") if v else None
    dd = _jnum(d)
    v = _iso(y, mm, dd) if dd is not None else None
    return (v, "date") if v else None


# Each reader yields (start, end, value, kind) candidates of one construction; readers that need a
# reference day take ``ref`` and are skipped without one. ``find_dates`` keeps the earliest, longest span.
Cand = tuple  # (start, end, value, kind)


def _got(start: int, end: int, got: tuple[str | None, str] | None):
    if got and got[0]:
        yield start, end, got[0], got[1]


def _read_era(f: str):
    for m in _ERA_DATE.finditer(f):
        y = _jnum(m.group("y"))
        if y:
            yield from _got(m.start(), m.end(),
                            _ymd_value(era_to_year(m.group("era"), y), m.group("m"), m.group("d"), m.group("fy")))


def _read_jp_ymd(f: str):
    for m in _JP_DATE.finditer(f):
        y = _jnum(m.group("y"))
        if y and 1000 <= y <= 2999:
            yield from _got(m.start(), m.end(), _ymd_value(y, m.group("m"), m.group("d"), m.group("fy")))


def _read_iso(f: str):
    for m in _ISO_DATE.finditer(f):
        yield from _got(m.start(), m.end(), (_iso(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "date"))


def _read_fy_en(f: str):
    for m in _FY_EN.finditer(f):
        y = m.group("y") or m.group("y3") or (m.group("yy") and str(2000 + int(m.group("yy"))))
        yield from _got(m.start(), m.end(), (f"FY{y}", "fiscal_year"))


def _span_value(n: str, unit: str) -> str | None:
    k = 1 if n.lower() in ("a", "an") else _jnum(n.lower())
    return f"within_{_SPAN_UNITS.get(unit) or unit.lower() + 's'}:{k}" if k else None


def _read_spans(f: str):
    # 以内 is outside ASCII, "within" Latin: a text without such a character is not scanned for that form
    for rx in (() if f.isascii() else (_JP_SPAN,)) + ((_EN_SPAN,) if _LATIN.search(f) else ()):
        for m in rx.finditer(f):
            yield from _got(m.start(), m.end(), (_span_value(m.group("n"), m.group("u")), "span"))


def _mon(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _read_en_ymd(f: str):
    for m in _EN_YMD.finditer(f):
        yield from _got(m.start(), m.end(), (_iso(int(m.group("y")), _mon(m.group("mon")), int(m.group("d"))), "date"))


def _read_en_month_year(f: str):
    for m in _EN_MY.finditer(f):
        yield from _got(m.start(), m.end(), (_ym(int(m.group("y")), _mon(m.group("mon"))), "month"))


def _read_en_ranges(f: str, ref: dt.date | None):
    """"25 - 26 January 2024", "from 19 to 20 March 2022", "March 19-20, 2022": the first day, the span covering all."""
    for rx in (_EN_RANGE_DMY, _EN_RANGE_MDY):
        for m in rx.finditer(f):
            mon, d = _mon(m.group("mon")), int(m.group("d1"))
            y = int(m.group("y")) if m.group("y") else (_nearest_year(mon, d, ref) if ref else None)
            if y:
                yield from _got(m.start(), m.end(), (_iso(y, mon, d), "date"))


def _read_en_dates(f: str, ref: dt.date | None):
    for rx in (_EN_MDY, _EN_DMY):
        for m in rx.finditer(f):
            mon, d = _mon(m.group("mon")), int(m.group("d"))
            if m.group("y"):
                yield from _got(m.start(), m.end(), (_iso(int(m.group("y")), mon, d), "date"))
            elif ref is not None:
                y = _nearest_year(mon, d, ref)
                if y:
                    yield from _got(m.start(), m.end(), (_iso(y, mon, d), "date"))


def _read_en_year(f: str):
    for m in _EN_YEAR.finditer(f):
        yield m.start("y"), m.end("y"), m.group("y"), "year"


def _read_jp_ranges(f: str, ref: dt.date):
    """3月19日から20日 / 19～20日 / 19日(土)～20日: the first day."""
    for m in _JP_RANGE.finditer(f):
        d = int(m.group("d1"))
        if m.group("m"):
            mm = _jnum(m.group("m"))
            y = _nearest_year(mm, d, ref) if mm else None
            yield from _got(m.start(), m.end(), (_iso(y, mm, d) if y else None, "date"))
        elif 1 <= d <= 31:
            yield from _got(m.start(), m.end(), (_day_only(d, ref), "date"))


def _read_jp_partial(f: str, ref: dt.date):
    for m in _JP_MONTH_DAY.finditer(f):
        mm, dd = _jnum(m.group("m")), _jnum(m.group("d"))
        y = _nearest_year(mm, dd, ref) if mm and dd else None
        if y:
            yield from _got(m.start(), m.end(), (_iso(y, mm, dd), "date"))
    for m in _JP_MONTH.finditer(f):
        mm = int(m.group("m"))
        y = _nearest_year(mm, None, ref) if 1 <= mm <= 12 else None
        if y:
            yield from _got(m.start(), m.end(), (_ym(y, mm), "month"))
    for m in _JP_DAY.finditer(f):
        d = int(m.group("d"))
        if 1 <= d <= 31:
            yield from _got(m.start(), m.end(), (_day_only(d, ref), "date"))


def _read_jp_relative(f: str, ref: dt.date):
    for m in _REL_JP_RE.finditer(f):
        word = m.group(0)
        if is_hiragana(word[0]) and not _hiragana_ok(f, m.start(), m.end()):
            continue
        if word[0] == "本" and char_before(f, m.start()) == "日":
            continue  # 日本年金, 日本日報: 本 belongs to 日本
        yield from _got(m.start(), m.end(), _relative(*_REL_JP[word], ref))


def _read_en_relative(f: str, ref: dt.date):
    for m in _REL_EN_RE.finditer(f):
        yield from _got(m.start(), m.end(), _relative(*_REL_EN[" ".join(m.group(0).lower().split())], ref))


def _read_weekdays(f: str, ref: dt.date):
    """"on Saturday", "Friday's talks": the most recent such day on or before ``ref`` (a news story tells a
    day of the week that has passed or is today); "next/this coming Saturday" the first one after it."""
    for m in _EN_WEEKDAY.finditer(f):
        wd = _WEEKDAYS[m.group("wd").lower()]
        back = (ref.weekday() - wd) % 7
        if m.group("next"):
            shift = (wd - ref.weekday()) % 7 or 7
        else:
            shift = -(back or 7) if m.group("last") else -back
        try:
            yield m.start(), m.end(), (ref + dt.timedelta(days=shift)).isoformat(), "relative"
        except OverflowError:      # before date.min or after date.max
            continue


# (reader, needs a reference day); order matters only for equal spans
_READERS = ((_read_era, False), (_read_jp_ymd, False), (_read_iso, False), (_read_fy_en, False),
            (_read_spans, False), (_read_en_ymd, False), (_read_en_month_year, False), (_read_en_ranges, None), (_read_en_dates, None),
            (_read_en_year, False), (_read_jp_ranges, True), (_read_jp_partial, True), (_read_jp_relative, True),
            (_read_en_relative, True), (_read_weekdays, True))


# Readers whose every pattern needs a Latin letter (English month and weekday names, FY, "within", "in 2027")
# or a character outside ASCII (年, 月, 日, 以内, 令和, 昨年): a text without one is not scanned by them.
_NEEDS_LATIN = frozenset({_read_fy_en, _read_en_ymd, _read_en_month_year, _read_en_ranges, _read_en_dates,
                          _read_en_year, _read_en_relative, _read_weekdays})
_NEEDS_WIDE = frozenset({_read_era, _read_jp_ymd, _read_jp_ranges, _read_jp_partial, _read_jp_relative})
# the letters an ASCII letter of a pattern matches under re.I (İ ı ſ K fold to i and s and k)
_LATIN = re.compile(r"[A-Za-z\u0130\u0131\u017f\u212a]")


_NEEDS_EITHER = _NEEDS_LATIN | _NEEDS_WIDE
_NONE: frozenset = frozenset()
# Readers whose every pattern has an Arabic digit (\d: any decimal digit), and the words a reader's
# patterns all contain one of (年 of a year, 月/日 of a month or day, the "day" of Monday…Sunday).
_NEEDS_DIGIT = frozenset({_read_iso, _read_fy_en, _read_en_ymd, _read_en_month_year, _read_en_ranges,
                          _read_en_dates, _read_en_year, _read_jp_ranges})
_NEEDS_WORD = ((_read_era, ("年",)), (_read_jp_ymd, ("年",)), (_read_jp_ranges, ("日",)),
               (_read_jp_partial, ("月", "日")), (_read_weekdays, ("day",)))
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _skipped(f: str) -> frozenset:
    """The readers that cannot match anything in ``f`` (asked for each reference day the text is read
    against, and by ``_ref_free``: worked out once per text)."""
    if _LATIN.search(f) is None:
        skip = _NEEDS_EITHER if f.isascii() else _NEEDS_LATIN
    else:
        skip = _NEEDS_WIDE if f.isascii() else _NONE
    if _DIGIT.search(f) is None:
        skip = skip | _NEEDS_DIGIT
    missing = [reader for reader, words in _NEEDS_WORD if not any(map(f.__contains__, words))]
    return skip.union(missing) if missing else skip


@lru_cache(maxsize=4096)
def _ref_free(f: str) -> tuple[tuple[Cand, ...], ...]:
    """What the readers that take no reference day find, in ``_READERS`` order: the same sentence is
    read against several reference days, and these do not depend on it."""
    skip = _skipped(f)
    return tuple(() if reader in skip else tuple(reader(f)) for reader, needs_ref in _READERS if needs_ref is False)


def _candidates(f: str, ref: dt.date | None) -> list[Cand]:
    out: list[Cand] = []
    free = iter(_ref_free(f))
    skip = _skipped(f)
    for reader, needs_ref in _READERS:
        if needs_ref is False:
            out.extend(next(free))
        elif reader in skip:
            continue
        elif needs_ref is None:
            out.extend(reader(f, ref))
        elif ref is not None:
            out.extend(reader(f, ref))
    return out


def _hiragana_ok(f: str, start: int, end: int) -> bool:
    before, after = char_before(f, start), char_at(f, end)
    if is_hiragana(before) and before not in _PARTICLES_BEFORE:
        return False
    return not is_hiragana(after) or f.startswith(_PARTICLES_AFTER, end)


def find_dates(text: str, ref: dt.date | None) -> list[DateMatch]:
    """Every date, fiscal year, span and (given ``ref``) partial or relative date in ``text``."""
    if not isinstance(text, str) or not text:
        return []
    return list(_find_dates(text, ref))


@lru_cache(maxsize=4096)
def _find_dates(text: str, ref: dt.date | None) -> tuple[DateMatch, ...]:
    """Several stages read the dates of the same sentence: each text is read once (frozen matches)."""
    f = fold(text)
    return tuple(DateMatch(text[s:e], s, e, v, k) for s, e, v, k in pick_spans(_candidates(f, ref)))


def parse_date(text: str, ref: dt.date | None = None) -> str | None:
    """The value of the first date in ``text``."""
    found = find_dates(text, ref)
    return found[0].value if found else None


# ---------------------------------------------------------------- deadlines

_DL_SUFFIX = r"[ \t]*(?:中|内|末|いっぱい|まで)"
_DL_FY = re.compile(rf"(?:(?P<era>{_ERA_RE})[ \t]*(?P<ey>元|{_D})|(?P<y>\d{{4}}))[ \t]*年度"
                    rf"(?:{_DL_SUFFIX}|[ \t]*に(?!おけ|つい|関))")
_DL_REL_FY = re.compile(rf"(?P<w>今年度|本年度|来年度|再来年度){_DL_SUFFIX}")
_DL_MONTH = re.compile(rf"(?:(?:(?P<era>{_ERA_RE})[ \t]*(?P<ey>元|{_D})|(?P<y>\d{{4}}))[ \t]*年[ \t]*)?(?P<m>{_D})[ \t]*月"
                       rf"(?:[ \t]*(?P<d>{_D})[ \t]*日[ \t]*まで|[ \t]*(?:末|中|いっぱい|まで))")
_DL_YEAR = re.compile(rf"(?:(?P<era>{_ERA_RE})[ \t]*(?P<ey>元|{_D})|(?P<y>\d{{4}}))[ \t]*年[ \t]*"
                      rf"(?:中|内|末|いっぱい|まで|に(?!おけ|つい|関|は|も|発|署|合|行|開|実施さ|入))")
_DL_REL_YEAR = re.compile(r"(?P<w>年内|今年中|今年末|年末まで|来年中|来年末|来年まで|本年中|本年末|本年内)")
_DL_REL_MONTH = re.compile(r"(?P<w>今月中|今月末|今月内|本月中|来月中|来月末)")
_EN_IN_YEAR = re.compile(r"\bin\s+(?P<y>20\d\d)\b(?![-/.]\d)")
_EN_REL_MONTH = re.compile(r"\b(?:by\s+the\s+end\s+of|within|before\s+the\s+end\s+of)\s+(?P<w>this|next)\s+month\b", re.I)
_EN_DL = re.compile(
    r"\b(?:by|until|till|through|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?"
    r"(?:(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy>\d{4})"
    rf"|(?P<mon>{_MON})\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<my>\d{{4}})"
    r"|(?P<y>\d{4})(?![-/.]\d)"
    r"|(?P<rel>this\s+year|next\s+year|the\s+year|this\s+fiscal\s+year|next\s+fiscal\s+year))\b", re.I)


def _dl_year(m: re.Match) -> int | None:
    if m.group("era"):
        n = _jnum(m.group("ey"))
        return era_to_year(m.group("era"), n) if n else None
    return int(m.group("y")) if m.group("y") else None


def _future(mm: int, dd: int | None, ref: dt.date | None) -> int | None:
    """Year of a month(/day) deadline without a year: the first occurrence on or after ``ref``."""
    if ref is None:
        return None
    last = dd or calendar.monthrange(ref.year, mm)[1]
    return ref.year if (mm, last) >= (ref.month, ref.day) else ref.year + 1


def _month_end(y: int, m: int) -> str | None:
    return _iso(y, m, calendar.monthrange(y, m)[1]) if 1 <= m <= 12 and 1 <= y <= 9999 else None


def _year_end(y: int) -> str | None:
    return _iso(y, 12, 31)


def _dl_fiscal_years(f: str, ref: dt.date | None):
    for m in _DL_FY.finditer(f):
        y = _dl_year(m)
        if y:
            yield m.start(), f"FY{y}"


def _dl_months(f: str, ref: dt.date | None):
    for m in _DL_MONTH.finditer(f):
        mm, dd = _jnum(m.group("m")), _jnum(m.group("d")) if m.group("d") else None
        y = _dl_year(m) or (_future(mm, dd, ref) if mm and 1 <= mm <= 12 else None)
        if y and mm:
            yield m.start(), _iso(y, mm, dd) if dd else _month_end(y, mm)


def _dl_years(f: str, ref: dt.date | None):
    for m in _DL_YEAR.finditer(f):
        y = _dl_year(m)
        if y:
            yield m.start(), _year_end(y)


def _dl_spans(f: str, ref: dt.date | None):
    for rx in (_JP_SPAN, _EN_SPAN):
        for m in rx.finditer(f):
            v = _span_value(m.group("n"), m.group("u"))
            if v:
                yield m.start(), v


def _dl_english(f: str, ref: dt.date | None):
    for m in _EN_DL.finditer(f):
        if m.group("fy"):
            yield m.start(), f"FY{m.group('fy')}"
        elif m.group("my"):
            y, mon = int(m.group("my")), _mon(m.group("mon"))
            yield m.start(), _iso(y, mon, int(m.group("d"))) if m.group("d") else _month_end(y, mon)
        elif m.group("y"):
            yield m.start(), f"{m.group('y')}-12-31"
        elif ref is not None:
            rel = " ".join(m.group("rel").lower().split())
            nxt = 1 if rel.startswith("next") else 0
            yield m.start(), f"FY{_fy_of(ref) + nxt}" if "fiscal" in rel else _year_end(ref.year + nxt)


def _dl_relative(f: str, ref: dt.date | None):
    if ref is None:
        return
    for m in _DL_REL_FY.finditer(f):
        yield m.start(), f"FY{_fy_of(ref) + {'来年度': 1, '再来年度': 2}.get(m.group('w'), 0)}"
    for m in _DL_REL_YEAR.finditer(f):
        yield m.start(), _year_end(ref.year + (1 if m.group("w").startswith("来") else 0))
    months = [(m, m.group("w").startswith("来")) for m in _DL_REL_MONTH.finditer(f)]
    months += [(m, m.group("w").lower() == "next") for m in _EN_REL_MONTH.finditer(f)]
    for m, nxt in months:
        y, mo = (ref.year + (ref.month == 12), ref.month % 12 + 1) if nxt else (ref.year, ref.month)
        yield m.start(), _month_end(y, mo)


_DL_READERS = (_dl_fiscal_years, _dl_months, _dl_years, _dl_spans, _dl_english, _dl_relative)


def _deadlines(f: str, ref: dt.date | None) -> list[tuple[int, str]]:
    out: list[tuple[int, str | None]] = [found for reader in _DL_READERS for found in reader(f, ref)]
    for m in _EN_IN_YEAR.finditer(f):
        if not any(start <= m.start() < start + 40 for start, _ in out):   # "by 2030" already read
            out.append((m.start(), f"{m.group('y')}-12-31"))
    return [(s, v) for s, v in out if v]


def deadline_of(text: str, ref: dt.date | None) -> str | None:
    """The deadline a commitment phrase states (the last one wins), in FACTS.md form, or None."""
    if not isinstance(text, str) or not text:
        return None
    found = _deadlines(fold(text), ref)
    return max(found, key=lambda sv: sv[0])[1] if found else None


def due_date(deadline: str, event_date: dt.date) -> dt.date | None:
    """The last day a deadline allows: FY2025 → 2026-03-31, within_days:180 → event_date + 180."""
    if not isinstance(deadline, str):
        return None
    s = deadline.strip()
    try:
        if m := re.fullmatch(r"FY(\d{4})", s):
            return dt.date(int(m.group(1)) + 1, 3, 31)
        if m := re.fullmatch(r"within_(days|weeks|months|years):(\d+)", s):
            unit, n = m.group(1), int(m.group(2))
            if unit in ("days", "weeks"):
                return event_date + dt.timedelta(days=n * (7 if unit == "weeks" else 1))
            y, mo = _add_months(event_date.year, event_date.month, n * (12 if unit == "years" else 1))
            return dt.date(y, mo, min(event_date.day, calendar.monthrange(y, mo)[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date.fromisoformat(s)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", s):
            v = _month_end(int(m.group(1)), int(m.group(2)))
            return dt.date.fromisoformat(v) if v else None
        if re.fullmatch(r"\d{4}", s):
            return dt.date(int(s), 12, 31)
    except (ValueError, OverflowError):
        return None
    return None
