from pathlib import Path

import pytest

from kaidan.errors import NoMainText
from kaidan.ingest.html import extract_main_text, is_html

PAGE = (Path(__file__).parent / "data" / "article.html").read_text(encoding="utf-8")

ARTICLE = [
    "4月15日、山田一郎内閣総理大臣は、来日中のジョン・スミス米国大統領と首脳会談を行いました。",
    "両首脳は、日米同盟の抑止力・対処力を一層強化していくことで一致しました。",
    "山田総理大臣から、自由で開かれたインド太平洋の実現に向けて、同志国との連携を深めていく考えを述べました。",
    "共同記者会見",  # tables are kept
]
BOILERPLATE = ["ログインはこちら", "プライバシーポリシー", "無断転載", "税金の無駄遣い", "匿名さん", "期待しています"]


@pytest.fixture(scope="module")
def main():
    return extract_main_text(PAGE)


@pytest.mark.parametrize("sentence", ARTICLE)
def test_article_sentences_are_kept(main, sentence):
    assert sentence in main.text


@pytest.mark.parametrize("text", BOILERPLATE)
def test_navigation_comments_and_footer_are_dropped(main, text):
    assert text not in main.text


def test_paragraphs_stay_on_lines_of_their_own(main):
    lines = main.text.split("\n")
    assert any(line.startswith("両首脳は、日米同盟") and line.endswith("確認しました。") for line in lines)


def test_title_and_date_come_from_the_page(main):
    assert main.title == "日米首脳会談の概要"
    assert main.published == "2025-04-15"


def test_no_date_is_guessed_from_free_text():
    page = PAGE.replace('<meta property="article:published_time" content="2025-04-15T18:30:00+09:00">', "")
    assert extract_main_text(page).published is None


@pytest.mark.parametrize("broken", [
    "<html><body><div><script>x</script></div>",
    "<html><body><div><p>",
    "<!DOCTYPE html><html><head><title>Only a title</title></head><body></body></html>",
])
def test_page_without_main_text_raises(broken):
    with pytest.raises(NoMainText, match="save the article text as .txt"):
        extract_main_text(broken)


@pytest.mark.parametrize(("text", "media_type", "suffix", "expected"), [
    ("plain text", "text/html", "", True),
    ("plain text", "application/xhtml+xml", "", True),
    ("plain text", None, ".HTM", True),
    ("  <!DOCTYPE html><p>x", None, ".txt", True),
    ("<!-- saved page --><html><body>x", None, "", True),
    ("<BODY>x", None, "", True),
    ("本文 <html> ではない", None, ".txt", False),
    ("<b>bold</b> but plain", "text/plain", "", False),
])
def test_is_html(text, media_type, suffix, expected):
    assert is_html(text, media_type=media_type, suffix=suffix) is expected
