"""Clock times and durations in Japanese and English.

Clock qualifiers: ``approx`` (頃, ごろ, 前後, about, around), ``after`` (過ぎ,
"shortly after"), ``before`` (前, 直前, "just before"): 午前2時前 → 02:00
before. 午前0時 is midnight, 午後0時 noon; 午前12時 is read as noon and 午後12時
as midnight (the official 1872 convention still used in readouts).

Durations are minutes. 約40分, 1時間30分間, 1時間半, "for about 40 minutes",
"an hour and a half", "90-minute". The minutes of a clock time (9時50分) are
never a duration; neither are 分野 (fields) or 3分の1 (a third).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..text import first_char_gate, fold
from ._text import EN_TENS, EN_UNITS, EN_WORD_NUMBER, Gated, char_at, is_ideograph, pick_spans, read_once
from .numbers import parse_number

__all__ = ["ClockMatch", "DurationMatch", "find_clock_times", "find_durations", "parse_duration"]


@dataclass(frozen=True)
class ClockMatch:
    text: str
    start: int
    end: int
    hour: int
    minute: int
    qualifier: str | None


@dataclass(frozen=True)
class DurationMatch:
    text: str
    start: int
    end: int
    minutes: int
    qualifier: str | None


_KD = r"[〇一二三四五六七八九十]{1,3}"
_JP_CLOCK_Q = {"ごろ": "approx", "頃": "approx", "前後": "approx", "過ぎ": "after", "すぎ": "after",
               "直前": "before", "前": "before"}
_JP_CLOCK = re.compile(
    rf"(?:(?P<ampm>午前|午後)[ \t]*)?(?<![\d.])(?P<h>\d{{1,2}}|{_KD})[ \t]*時(?!間|点|代|期|差|的|限|刻|計|給|効|事|折|速|半ば)"
    rf"(?:[ \t]*(?P<half>半)|[ \t]*(?P<m>\d{{1,2}}|{_KD})[ \t]*分(?!間))?"
    r"(?P<q>ごろ|頃|前後|過ぎ|すぎ|直前|前)?")
_JP_CLOCK = Gated(_JP_CLOCK, "時")      # each gate: a word every match of the pattern contains
_NOON_JP = Gated(re.compile(r"正午(?P<q>ごろ|頃|前後|過ぎ|すぎ|直前|前)?"), "正午")
_EN_CLOCK_PRE = {"about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
                 "shortly after": "after", "just after": "after", "after": "after", "shortly before": "before",
                 "just before": "before", "before": "before"}
_EN_PRE_RE = "|".join(k.replace(" ", r"\s+") for k in sorted(_EN_CLOCK_PRE, key=len, reverse=True))
_AMPM = r"(?P<ap>[aApP]\.\s?[mM]\.?|[aApP][mM])(?![A-Za-z])"
_EN_CLOCK = re.compile(
    first_char_gate(list(_EN_CLOCK_PRE), r"\d") +         # where a match can start: a qualifier or the hour
    rf"(?:\b(?P<pre>{_EN_PRE_RE})\s+)?(?<![\d:.])(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}})(?::\d{{2}})?)?(?![\d:])"
    rf"(?:\s*{_AMPM}|\s*o['’]clock\b)?", re.I)
_EN_CLOCK = Gated(_EN_CLOCK, gate=r"\d")     # the hour (?P<h>) is one or two digits in every match
_EN_NOON = Gated(re.compile(first_char_gate([*_EN_CLOCK_PRE, "noon", "midday", "midnight"]) +
                            rf"(?:\b(?P<pre>{_EN_PRE_RE})\s+)?\b(?P<w>noon|midday|midnight)\b", re.I), "noon", "mid")


def _small(s: str | None) -> int | None:
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None and v.is_integer() else None


def _find_clock_times(text: str) -> list[ClockMatch]:
    """Every clock time in ``text`` (午前9時45分, 15:30, "3:30 p.m.", 正午), with offsets."""
    if not isinstance(text, str) or not text:
        return []
    f = fold(text)
    cands = []
    for m in _JP_CLOCK.finditer(f):
        h, mi = _small(m.group("h")), _small(m.group("m")) if m.group("m") else (30 if m.group("half") else 0)
        kanji = not m.group("h").isdigit()
        if h is None or mi is None or (kanji and not m.group("ampm")):
            continue  # 一時的, 同時: kanji hours only with 午前/午後
        if not m.group("ampm") and not (m.group("m") or m.group("half")) and is_ideograph(char_at(f, m.end())):
            continue  # 3時会 etc.: 時 glued to a word
        h = _ampm_jp(m.group("ampm"), h)
        if h is not None and 0 <= mi <= 59:
            start = m.start("ampm") if m.group("ampm") else m.start("h")
            cands.append((start, m.end(), h, mi, _JP_CLOCK_Q.get(m.group("q") or "")))
    for m in _NOON_JP.finditer(f):
        cands.append((m.start(), m.end(), 12, 0, _JP_CLOCK_Q.get(m.group("q") or "")))
    for m in _EN_CLOCK.finditer(f):
        if m.group("m") is None and m.group("ap") is None and "clock" not in m.group(0):
            continue  # a bare number
        h, mi = int(m.group("h")), int(m.group("m") or 0)
        if m.group("ap"):
            if not 0 <= h <= 12:   # MOFA's English writes "0:45 a.m." for a quarter to one at night
                continue
            h = h % 12 + (12 if m.group("ap")[0] in "pP" else 0)
        if 0 <= h <= 23 and 0 <= mi <= 59:
            pre = m.group("pre")
            q = _EN_CLOCK_PRE[" ".join(pre.lower().split())] if pre else None
            cands.append((m.start("pre") if pre else m.start("h"), m.end(), h, mi, q))
    for m in _EN_NOON.finditer(f):
        pre = m.group("pre")
        q = _EN_CLOCK_PRE[" ".join(pre.lower().split())] if pre else None
        h = 0 if m.group("w").lower() == "midnight" else 12
        cands.append((m.start("pre") if pre else m.start("w"), m.end(), h, 0, q))
    return [ClockMatch(text[s:e], s, e, h, mi, q) for s, e, h, mi, q in pick_spans(cands)]


def _ampm_jp(ampm: str | None, h: int) -> int | None:
    if ampm is None:
        return h if 0 <= h <= 23 else None
    if not 0 <= h <= 12:
        return None
    if ampm == "午前":
        return h  # 午前12時 = noon
    return 0 if h == 12 else h + 12  # 午後12時 = midnight


# ---------------------------------------------------------------- durations

_JP_DUR_PRE = {"約": "approx", "およそ": "approx", "概ね": "approx", "おおむね": "approx", "ほぼ": "approx",
               "最大": "at_most", "少なくとも": "at_least"}
_JP_DUR_SUF = {"以上": "at_least", "余り": "more_than", "超": "more_than", "強": "more_than", "弱": "nearly",
               "近く": "nearly", "程度": "approx", "ほど": "approx", "足らず": "less_than"}
_JP_PRE_RE = "|".join(sorted(map(re.escape, _JP_DUR_PRE), key=len, reverse=True))
_JP_SUF_RE = "|".join(sorted(map(re.escape, _JP_DUR_SUF), key=len, reverse=True))
_JP_HOURS = re.compile(
    rf"(?P<total>計[ \t]*)?(?:(?P<pre>{_JP_PRE_RE})[ \t]*)?(?<![\d.])(?P<h>\d+(?:\.\d+)?|{_KD})[ \t]*時間"
    rf"(?:[ \t]*(?P<m>\d{{1,2}}|{_KD})[ \t]*分|[ \t]*(?P<half>半))?(?:[ \t]*間)?(?P<suf>{_JP_SUF_RE})?")
# Arabic minutes only: 十分 is "enough", not ten minutes. 分野, 分析, 3分の1 are not durations.
_JP_MINUTES = re.compile(
    rf"(?P<total>計[ \t]*)?(?:(?P<pre>{_JP_PRE_RE})[ \t]*)?(?<![\d.])(?P<m>\d{{1,4}}|{_KD}(?=[ \t]*分間))[ \t]*分"
    rf"(?!の|\d)(?:[ \t]*間)?(?P<suf>{_JP_SUF_RE})?")
_JP_HOURS, _JP_MINUTES = Gated(_JP_HOURS, "時間"), Gated(_JP_MINUTES, "分")
# Ideographs that may follow 分 in a duration (40分間, 5分前, 10分程度); any other makes a word (分野, 分析).
_MINUTE_FOLLOWERS = "間前後程以弱強超余近足"
_EN_DUR_PRE = {"about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
               "some": "approx", "nearly": "nearly", "almost": "nearly", "more than": "more_than",
               "over": "more_than", "just over": "more_than", "less than": "less_than", "under": "less_than",
               "just under": "less_than", "at least": "at_least", "up to": "at_most"}
_EN_DUR_PRE_RE = "|".join(k.replace(" ", r"\s+") for k in sorted(_EN_DUR_PRE, key=len, reverse=True))
_EN_N = rf"(?:\d+(?:\.\d+)?|{EN_WORD_NUMBER}|an?)"
_SEP = r"(?:(?<=\d)[\s-]*|[\s-]+)"  # "90-minute", "40 minutes", "1h"; a word number needs a separator
_EN_PRE = rf"(?:\b(?P<for>for\s+)?(?:(?P<pre>{_EN_DUR_PRE_RE})\s+)?)?"
# Where an English duration can start: "for", a qualifier, a figure or a word number ("a", "half" for the half hour).
_EN_PRE_WORDS = ["for", *_EN_DUR_PRE]
_EN_N_START = first_char_gate([*_EN_PRE_WORDS, *EN_UNITS, *EN_TENS, "a"], r"\d")
_EN_HOURS = re.compile(
    rf"{_EN_N_START}{_EN_PRE}(?<![\w.])(?P<h>{_EN_N})(?P<ahalf>\s+and\s+a\s+half)?{_SEP}(?P<hu>hours?|hrs?|h)\b"
    rf"(?P<bhalf>\s+and\s+a\s+half)?(?:,?\s+(?:and\s+)?(?P<m>\d+|{EN_WORD_NUMBER}){_SEP}(?:minutes?|mins?)\b)?",
    re.I)
# A match is kept only if its unit starts with "hour" or its figure with a digit (see ``_find_durations``:
# "h" and "hrs" only after digits), so a text with neither "hour" nor a digit gives no duration.
_EN_HOURS = Gated(_EN_HOURS, gate=r"hour|\d")
_EN_MINUTES = Gated(re.compile(rf"{_EN_N_START}{_EN_PRE}(?<![\w.])(?P<m>\d+|{EN_WORD_NUMBER}){_SEP}(?:minutes?|mins?)\b",
                               re.I), "min")
_EN_HALF_HOUR = Gated(re.compile(first_char_gate([*_EN_PRE_WORDS, "half", "a"]) +
                                 rf"{_EN_PRE}\b(?:half\s+an\s+hour|a\s+half[\s-]hour|half[\s-]hour)\b", re.I), "half")
_EN_HOUR_LONG = Gated(re.compile(r"\b(?:an\s+)?hour-long\b", re.I), "hour-long")


def _en_n(s: str) -> Decimal | None:
    if s.lower() in ("a", "an"):
        return Decimal(1)
    v = parse_number(s)
    return Decimal(str(v)) if v is not None else None


def _pre_q(m: re.Match, table: dict) -> str | None:
    pre = m.group("pre")
    return table[" ".join(pre.lower().split())] if pre else None


# The lower end of a range just before a duration's figure ("about 5-10 minutes", "5 to 10 minutes", 約5～10分間).
_RANGE_FROM = re.compile(r"(?:(?<![:\d.])\d+|[一二三四五六七八九十]+|\b(?:one|two|three|four|five|six|seven|eight|nine|"
                         r"ten|fifteen|twenty|thirty|forty|fifty))\s*(?:-|–|~|～|〜|\bto)\s*$", re.I)


def _find_durations(text: str) -> list[DurationMatch]:
    """Every duration in ``text`` in minutes (約40分間, 1時間30分, "for about 40 minutes"); the upper end of a range
    ("5-10 minutes") is none."""
    if not isinstance(text, str) or not text:
        return []
    f = fold(text)
    clocks = [(c.start, c.end) for c in find_clock_times(text)]
    cands = []

    def add(m, minutes, q, start=None):
        if minutes is None or minutes < 0:
            return
        s = start if start is not None else m.start()
        if _RANGE_FROM.search(f[:s]):
            return       # "5-10 minutes", 5～10分間: a range names no one length
        if not any(cs < m.end() and s < ce for cs, ce in clocks):
            cands.append((s, m.end(), int(minutes.to_integral_value()), q))

    for m in _JP_HOURS.finditer(f):
        h = _small_dec(m.group("h"))
        mi = _small_dec(m.group("m")) if m.group("m") else (Decimal(30) if m.group("half") else Decimal(0))
        q = _JP_DUR_SUF.get(m.group("suf") or "") or _JP_DUR_PRE.get(m.group("pre") or "")
        add(m, h * 60 + mi if h is not None and mi is not None else None, q)
    for m in _JP_MINUTES.finditer(f):
        after = char_at(f, f.index("分", m.end("m")) + 1)
        if is_ideograph(after) and after not in _MINUTE_FOLLOWERS:
            continue
        q = _JP_DUR_SUF.get(m.group("suf") or "") or _JP_DUR_PRE.get(m.group("pre") or "")
        add(m, _small_dec(m.group("m")), q)
    for m in _EN_HOURS.finditer(f):
        h, mi = _en_n(m.group("h")), _en_n(m.group("m")) if m.group("m") else Decimal(0)
        if h is None or mi is None or (not m.group("hu").lower().startswith("hour") and not m.group("h")[0].isdigit()):
            continue  # "h"/"hrs" only after digits: "an h" is not an hour
        half = Decimal(30) if m.group("ahalf") or m.group("bhalf") else Decimal(0)
        add(m, h * 60 + half + mi, _pre_q(m, _EN_DUR_PRE), _en_start(m))
    for m in _EN_MINUTES.finditer(f):
        add(m, _en_n(m.group("m")), _pre_q(m, _EN_DUR_PRE), _en_start(m))
    for m in _EN_HALF_HOUR.finditer(f):
        add(m, Decimal(30), _pre_q(m, _EN_DUR_PRE), _en_start(m))
    for m in _EN_HOUR_LONG.finditer(f):
        add(m, Decimal(60), None)
    return [DurationMatch(text[s:e], s, e, mi, q) for s, e, mi, q in pick_spans(cands)]


def _en_start(m: re.Match) -> int:
    """Start after "for ": the match text is the duration itself (about 40 minutes)."""
    for g in ("pre", "h", "m"):
        if g in m.re.groupindex and m.group(g) is not None:
            return m.start(g)
    return m.start()


def _small_dec(s: str | None) -> Decimal | None:
    v = parse_number(s) if s else None
    return Decimal(str(v)) if v is not None else None


def parse_duration(text: str) -> int | None:
    """Minutes of the first duration in ``text``, or None."""
    found = find_durations(text)
    return found[0].minutes if found else None


find_clock_times = read_once(_find_clock_times)   # several stages read the same sentence: each text once


find_durations = read_once(_find_durations)   # several stages read the same sentence: each text once
