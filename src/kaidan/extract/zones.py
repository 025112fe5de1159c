"""Which lines of a page are the article, and which are page furniture or readers' comments.

News pages carry rankings, login prompts, photo credits, advertisements and
readers' comments around the article. Facts are taken from article lines only.
"""
from __future__ import annotations

import re

from ..nlp import Sentence

# A line that is exactly one of these headings starts the page's furniture: nothing after it is article.
TRAILER_HEADINGS = {
    "コメント", "コメント一覧", "ランキング", "関連記事", "関連ニュース", "おすすめ記事", "あわせて読みたい",
    "人気記事", "アクセスランキング", "comments", "related", "related articles", "most read", "more stories",
}
# Lines that are furniture wherever they stand (photo credits, ads, share buttons, counters).
FURNITURE = re.compile(
    r"写真提供|価格[:：]|送料|税込|ログインして|News Thumbnail|Copyright|©|シェアする|ツイート|"
    r"データ放送では|【動画】|^https?://|^\d+$|^[|｜\-–—]$")
# A link label: furniture on a link line of its own, but a long paragraph that carries inline links
# (共同声明(仮訳(PDF)別ウィンドウで開く英文(PDF)別ウィンドウで開く)を発出) is article text.
LINK_LABEL = re.compile(r"別ウィンドウで開く")
LINK_LINE_MAX = 80     # characters left once the labels are removed
# A line that is nothing but a quotation, with no speaker and no speech verb: a reader's comment or a pull quote.
BARE_QUOTE = re.compile(r"^\s*[「『“\"][^」』”\"]*[」』”\"]。?\s*$")
# 安倍首相「…」 on a line of its own: a transcript turn (or a headline) naming its speaker before the quotation;
# a bare quotation on the next line continues that turn
SPEAKER_TURN = re.compile(r"^\s*[^\s「」『』。、,，]{2,15}[「『][^」』]*[」』]?\s*$")
# …はこう強調しました / 次のように述べました: the quotation on the next or previous line is that person's
INTRODUCER = re.compile(r"(?:こう|このように|次のように|以下のように)(?:述べ|強調|語|話|訴え|説明|明らかに|呼びかけ)|"
                        r"\b(?:said|stated|told reporters)\s*:\s*$")
# English news style: a paragraph that is only a quotation goes on with the speaker of the quotation just before
# it ("“…,” Mr X declared." then "“…”"), and a paragraph that opens a quotation without closing it runs on into
# the next one, which opens with a quote mark again.
EN_ATTRIBUTED = re.compile(r"[”\"]\s*,?\s*(?:(?:he|she)|(?:the\s+)?[A-Z][\w.\-’' ]{1,60}?)\s+(?:said|says|declared|"
                           r"added|stated|told\b|noted|stressed|remarked|replied)\b")


def _neighbour(lines: list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return lines[j] if 0 <= j < len(lines) else ""


def article_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that belong to the article. A line that is only a quotation is a reader's
    comment or a pull quote, unless the line before or after introduces it (石破総理大臣はこう強調しました)
    or it continues a transcript turn (安倍首相「…」 then 「…」 on the following lines) or, in English, the quoted
    speech of the paragraph before it."""
    keep = set()
    turn = None         # the line of the speaker's turn that bare quotations below it continue
    quoting = False     # the last article line kept was quoted speech
    for i, line in enumerate(lines):
        s = line.strip()
        if s.lower() in TRAILER_HEADINGS:
            break
        if not s or FURNITURE.search(s):
            continue
        if LINK_LABEL.search(s) and len(LINK_LABEL.sub("", s)) < LINK_LINE_MAX:
            continue
        if BARE_QUOTE.match(s) and not (INTRODUCER.search(_neighbour(lines, i, -1))
                                        or INTRODUCER.search(_neighbour(lines, i, 1))):
            if not (turn is not None and turn in keep) and not (quoting and _goes_on(s, _neighbour(lines, i, -1))):
                quoting = False
                continue
        if SPEAKER_TURN.match(s) and not BARE_QUOTE.match(s):
            turn = i
        elif s and not BARE_QUOTE.match(s):
            turn = None
        keep.add(i)
        quoting = s[:1] in "“\"" or bool(EN_ATTRIBUTED.search(s))
    return keep


def _goes_on(line: str, before: str) -> bool:
    """An English quotation paragraph continuing the quoted speech of the paragraph before it."""
    if not line.startswith("“"):
        return False
    return bool(EN_ATTRIBUTED.search(before)) or before.count("“") > before.count("”") or bool(BARE_QUOTE.match(before))


def article_sentences(text: str, sentences: list[Sentence]) -> list[Sentence]:
    keep = article_lines(text.split("\n"))
    return [s for s in sentences if s.line in keep]
