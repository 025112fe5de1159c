"""Main text, title, site name and publication date of an HTML page (trafilatura).

Navigation, footers and, where trafilatura can tell them apart, readers'
comments are left out. Paragraphs come out one per line; tables as
``| cell | cell |`` rows.
"""
from __future__ import annotations

import re

from kaidan.errors import NoMainText

from .document import MainText

HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# Markup that opens an HTML document, after optional white space and comments.
_LEADING_MARKUP = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)

# Dates only from what the page states (meta tags, structured data, the URL),
# not guessed from its free text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def is_html(text: str, *, media_type: str | None = None, suffix: str = "") -> bool:
    """True for an HTML media type or file suffix, or text that opens with HTML markup."""
    return (
        media_type in HTML_MEDIA_TYPES
        or suffix.lower() in HTML_SUFFIXES
        or _LEADING_MARKUP.match(text) is not None
    )


def extract_main_text(html: str, *, url: str | None = None) -> MainText:
    """Extract the article of an HTML page; raise NoMainText when there is none."""
    import trafilatura  # deferred: ~0.3 s to import, and only HTML pages need it

    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    text = result.text if result is not None else None
    if not text or not text.strip():  # e.g. nesting too deep for lxml: the page's text content, if it is prose
        from .fallback import NO_METADATA, text_content

        text, result = text_content(html), result or NO_METADATA
    if not text or not text.strip():
        raise NoMainText("no main text found in the HTML page; save the article text as .txt and ingest that")
    return MainText(text=text, title=result.title or None, published=result.date or None,
                    site=(result.sitename or "").strip() or None)
