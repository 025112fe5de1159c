"""Shared character helpers for the normalizers.

Every finder scans a *folded* copy of its input: full-width ASCII (５５００,
％, ＄, ：) is mapped to ASCII one character for one character, so offsets in
the folded text are offsets in the original and ``text[start:end]`` is always
the span as written.
"""
from __future__ import annotations

import re

from ..text import Gated  # noqa: F401  (the normalizers' patterns are gated with it)

KANJI_DIGITS = "〇零一二三四五六七八九十百千"
# A date/time component: Arabic digits or a short run of kanji digits (令和七年, 二十八日).
JP_DIGITS = r"(?:\d{1,4}|[〇一二三四五六七八九十]{1,4})"


def is_ideograph(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆")


def is_hiragana(ch: str) -> bool:
    return bool(ch) and "\u3041" <= ch <= "\u309f"


def is_katakana(ch: str) -> bool:
    return bool(ch) and ("\u30a1" <= ch <= "\u30ff")


def char_before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def char_at(text: str, i: int) -> str:
    return text[i] if i < len(text) else ""


def pick_spans(cands: list, start=lambda c: c[0], end=lambda c: c[1]) -> list:
    """Greedy non-overlapping selection: earliest first, then longest, then list order."""
    order = sorted(range(len(cands)), key=lambda i: (start(cands[i]), -(end(cands[i]) - start(cands[i])), i))
    out, last = [], -1
    for i in order:
        c = cands[i]
        if start(c) >= last:
            out.append(c)
            last = end(c)
    return out


# Word numbers shared by the English parsers.
EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90}
_ONES = "one|two|three|four|five|six|seven|eight|nine"
EN_WORD_NUMBER = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_ONES}))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|"
    rf"{_ONES})"
)


def read_once(finder):
    """``finder(text) -> list`` remembering each text it read, for the stages that read the same sentence.

    The matches are kept frozen (a tuple) and a fresh list is returned each time; ``cache_clear`` forgets
    them (``normalize.clear_caches`` does, when a new document starts). Empty or non-text input gives []."""
    from functools import lru_cache, wraps

    remembered = lru_cache(maxsize=4096)(lambda text: tuple(finder(text)))

    @wraps(finder)
    def find(text: str) -> list:
        if not isinstance(text, str) or not text:
            return []
        return list(remembered(text))

    find.cache_clear = remembered.cache_clear
    return find
