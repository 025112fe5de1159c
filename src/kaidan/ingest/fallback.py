"""The text content of an HTML page, for pages trafilatura finds no main text in.

lxml (under trafilatura) stops building the tree at a nesting depth of a few hundred elements, so a page
of 100,000 nested ``<div>`` yields nothing at all; Python's own tokenising parser has no depth and keeps
going. Text outside ``<head>``, scripts, styles and templates is kept, one line per block element. The
fallback is taken only when a line of it reads like prose (:data:`MIN_PROSE_CHARS` letters or digits):
navigation and buttons alone still give ``NoMainText``.
"""
from __future__ import annotations

from html.parser import HTMLParser

# A line of the fallback text with at least this many letters or digits is prose, not a menu.
MIN_PROSE_CHARS = 20

_SKIPPED = frozenset({"head", "script", "style", "noscript", "template", "svg", "title"})
_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                     "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "hr", "main"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def text_content(html: str) -> str:
    """The page's text outside head, scripts and styles, one line per block, white space collapsed; "" when no
    line reads like prose."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    lines = [line for line in lines if line]
    if not any(sum(ch.isalnum() for ch in line) >= MIN_PROSE_CHARS for line in lines):
        return ""
    return "\n".join(lines)


class _NoMetadata:
    """Stands for trafilatura's result when it returned none: every field (title, date, …) is None."""

    def __getattr__(self, name: str) -> None:
        return None


NO_METADATA = _NoMetadata()
