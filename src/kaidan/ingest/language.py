"""Language of a text by counting scripts: ``ja``, ``en`` or ``mixed``.

Each paragraph (line) is Japanese when its kana and kanji, weighted by
:data:`JA_CHAR_WEIGHT`, outweigh its Latin letters, else English. A document
is ``mixed`` when the Japanese and the English paragraphs each hold at least
:data:`MIXED_MIN_SHARE` of its weighted letters, else it takes the majority.

Chosen over lingua, which labels short kanji-only lines (titles, names)
Chinese unless restricted to ja/en and is a large dependency; Kaidan only
needs to tell Japanese from English.
"""
from __future__ import annotations

import re

# One kana or kanji counts as this many Latin letters, so that weighted
# counts compare amounts of content, not characters: by the usual rule of
# thumb of translators, an English rendering of a Japanese text has about
# 2.5 letters per Japanese character.
JA_CHAR_WEIGHT = 2.5

# Least share of weighted letters each language needs for "mixed". Calibrated
# on the seed documents: the page with a Japanese readout and the English
# joint statement has 30 % / 70 %; the Japanese pages have at most 1 % English
# (names, titles and copyright lines), so 20 % leaves a wide margin both ways.
MIXED_MIN_SHARE = 0.20

# Language of a text without any letters (digits and punctuation only).
DEFAULT_LANGUAGE = "ja"

# Hiragana, katakana (full- and half-width), CJK ideographs and 々〆ヶ.
_JA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9d\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]")
# Latin letters, ASCII and accented.
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def language_of(text: str) -> str | None:
    """``"ja"`` or ``"en"`` for one paragraph or sentence; None when it has no letters."""
    ja, latin = _weights(text)
    if not ja and not latin:
        return None
    return "ja" if ja >= latin else "en"


def detect_language(text: str) -> str:
    """``"ja"``, ``"en"`` or ``"mixed"`` for a whole document."""
    totals = {"ja": 0.0, "en": 0.0}
    for paragraph in text.split("\n"):
        ja, latin = _weights(paragraph)
        if ja or latin:
            totals["ja" if ja >= latin else "en"] += ja + latin
    whole = totals["ja"] + totals["en"]
    if not whole:
        return DEFAULT_LANGUAGE
    if min(totals.values()) >= MIXED_MIN_SHARE * whole:
        return "mixed"
    return "ja" if totals["ja"] >= totals["en"] else "en"


def _weights(text: str) -> tuple[float, float]:
    return JA_CHAR_WEIGHT * len(_JA.findall(text)), float(len(_LATIN.findall(text)))
