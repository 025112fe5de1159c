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
    r"別ウィンドウで開く|データ放送では|【動画】|^https?://|^\d+$|^[|｜\-–—]$")
# A line that is nothing but a quotation, with no speaker and no speech verb: a reader's comment or a pull quote.
BARE_QUOTE = re.compile(r"^\s*[「『“\"][^」』”\"]*[」』”\"]\s*$")


def article_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that belong to the article."""
    keep = set()
    for i, line in enumerate(lines):
        s = line.strip()
        if s.lower() in TRAILER_HEADINGS:
            break
        if not s or FURNITURE.search(s) or BARE_QUOTE.match(s):
            continue
        keep.add(i)
    return keep


def article_sentences(text: str, sentences: list[Sentence]) -> list[Sentence]:
    keep = article_lines(text.split("\n"))
    return [s for s in sentences if s.line in keep]
