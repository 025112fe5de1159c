"""Sentence splitting that keeps quotations whole and offsets exact.

Japanese: a sentence ends at 。！？ or a line break, but never inside 「」『』（）
brackets — ja_ginza's own splitter cuts inside 「…。…」 quotations, so a
quotation of several sentences would lose its speaker. Bracket depth is reset
at each line break, so one unbalanced bracket cannot swallow a page.

English: a sentence ends at . ! ? followed by space and an upper-case letter or
an opening quote, unless the word before the stop is a known abbreviation
(U.S., D.C., Mr., a.m. …). An abbreviation's stop also ends the sentence when the
word after it is one that only opens a clause (a pronoun, an article, a
sentence adverb: "… from 2 p.m. Afterward, they …", "… and the U.S. They …"):
English writes one stop for both, and no abbreviation is followed inside its
phrase by such a word. A stop glued to the next sentence's capital without a
space ends a sentence too ("…the outcome.It is…", a page that lost its line
breaks: :func:`kaidan.text.glued_breaks`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import glued_breaks

OPEN = "「『（(［【〈《“"
CLOSE = "」』）)］】〉》”"
JA_STOPS = "。！？!?"
# Abbreviations after which a full stop does not end an English sentence.
EN_ABBREV = {
    "u.s", "d.c", "mr", "mrs", "ms", "dr", "st", "no", "gen", "lt", "col", "sen", "rep", "gov", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
    "co", "corp", "vs", "etc", "e.g", "i.e", "u.k", "u.n", "e.u", "p.m", "a.m", "h.e", "jr", "sr",
}
# Capitalised words that open a sentence and never continue an abbreviated phrase ("2 p.m. Tokyo time",
# "U.S. President" continue it; "p.m. Afterward" and "U.S. They" do not).
EN_OPENERS = {
    "the", "a", "an", "they", "he", "she", "it", "we", "i", "this", "these", "those", "there", "afterward",
    "afterwards", "later", "then", "meanwhile", "however", "earlier", "both", "following", "during", "after",
    "before", "its", "their", "his", "her", "our",
}
_EN_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Runs of the characters that are not kana/kanji (not Latin letters): what is left when they are removed is
# as long as the count of kana/kanji (Latin letters), and removing a few runs is cheaper than listing every letter.
_NOT_KANA_KANJI = re.compile(r"[^\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]+")
_NOT_LATIN = re.compile(r"[^A-Za-z]+")
# the characters the Japanese splitter reads: brackets and sentence stops
_JA_MARKS = re.compile("[" + re.escape(OPEN + CLOSE + JA_STOPS) + "]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    lang: str  # "ja" or "en"
    line: int  # index of the line (paragraph) the sentence is on


def script_lang(text: str) -> str:
    """"ja" when kana/kanji outnumber Latin letters, else "en" (per sentence or line)."""
    ja = len(_NOT_KANA_KANJI.sub("", text))
    en = len(_NOT_LATIN.sub("", text))
    return "ja" if ja * 3 >= en else "en"   # a kana/kanji carries ~3 Latin letters of content


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a whole document, with offsets into it; blank lines dropped."""
    out: list[Sentence] = []
    pos = 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            lang = script_lang(line)
            pieces = _split_ja(line) if lang == "ja" else _split_en(line)
            for s, e in pieces:
                s, e = _strip(line, s, e)
                if e > s:
                    out.append(Sentence(pos + s, pos + e, line[s:e], lang, line_no))
        pos += len(line) + 1
    return out


def _strip(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    return s, e


def _split_ja(line: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for m in _JA_MARKS.finditer(line):      # only brackets and stops change the spans: the rest is skipped in C
        i, ch = m.start(), m.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in JA_STOPS and depth == 0:
            spans.append((start, i + 1))
            start = i + 1
    spans.append((start, len(line)))
    return spans


def _opens_clause(line: str, pos: int) -> bool:
    """The word at ``pos`` is one that only opens a sentence (EN_OPENERS), followed by a space or comma."""
    nxt = re.match(r"[\"“‘(\[]?([A-Z][a-z]*)(?=[\s,])", line[pos:])
    return bool(nxt) and nxt.group(1).lower() in EN_OPENERS


def _split_en(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _EN_BREAK.finditer(line):
        stop = m.start()
        word = re.search(r"([A-Za-z][A-Za-z.]*)$", line[start:stop])
        if word and word.group(1).lower().rstrip(".") in EN_ABBREV and not _opens_clause(line, m.end()):
            continue
        if word and len(word.group(1)) == 1 and word.group(1).isupper():  # an initial: "Donald J. Trump"
            continue
        end = m.end()
        while end > stop and line[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(line)))
    return [cut for s, e in spans for cut in _unglue(line, s, e)]


def _unglue(line: str, s: int, e: int) -> list[tuple[int, int]]:
    """A span cut after each stop that ends a sentence glued to the next without a space (a page that lost
    its line breaks: "…the outcome.It is the first time…", :func:`kaidan.text.glued_breaks`)."""
    cuts = [s] + [s + c for c in glued_breaks(line[s:e]) if s + c < e] + [e]
    return list(zip(cuts, cuts[1:]))
