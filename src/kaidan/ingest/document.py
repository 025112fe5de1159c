"""The document record and its canonical text.

Character offsets of every fact refer to the canonical text, and evidence
strings must be verbatim substrings of it, so canonicalisation changes as
little as possible: BOM characters removed, newlines normalised to ``\\n``,
Unicode NFC, trailing white space stripped on each line. Nothing else.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Length of a document id: 16 hex characters of the SHA-256 of the canonical text.
ID_LENGTH = 16

@dataclass(frozen=True)
class RawDocument:
    """One ingested document: canonical text plus where and how it was read."""

    id: str
    source: str
    text: str
    lang: str  # ja, en, mixed
    title: str | None
    content_type: str  # text, html, pdf
    encoding: str | None  # codec the bytes were decoded with; None for PDF
    published: str | None  # YYYY-MM-DD when the page states it (or, for text, its dateline)
    size: int  # bytes read
    site: str | None = None  # the outlet: the page's site name, else the host of its URL
    url: str | None = None  # the address it was fetched from (after redirects); None for files

    @property
    def page_date(self) -> str | None:
        """The date the extractor may take as the page's own: a web page's metadata. A text's or PDF's dateline
        is shown as its date, but the extractor reads it from the text itself (``extract.dating``), where it
        weighs it against the other dates the text gives."""
        return self.published if self.content_type == "html" else None

    @property
    def origin(self) -> tuple[str, ...]:
        """Where it came from, as the extractor may read it beside its letterhead: the site's name and the URL."""
        return tuple(x for x in (self.site, self.url) if x)


@dataclass(frozen=True)
class MainText:
    """What the HTML and PDF stages hand on: text before canonicalisation, title, date."""

    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD
    site: str | None = None  # the site's name, as the page gives it


# A dateline is the first full date in the first lines of a page (the same lines the extractor reads its
# reference date from), standing on a line of its own: "July 12, 2024", "令和7年10月28日", "2024年7月12日（金）".
DATELINE_LINES = 12
TITLE_CHARS = 200
_LABEL = r"(?:date|dated|posted(?:\s+on)?|published(?:\s+on)?|updated(?:\s+on)?|公開日?|更新日?|掲載日?|配信日?|日付|発表日?)?"
_PUNCT = r"[\s()（）\[\]［］【】,.、。:：\-–—|/]*"
_WEEKDAY = r"(?:[月火水木金土日](?:曜日?)?|(?:mon|tues|wednes|thurs|fri|satur|sun)(?:day)?|mon|tue|wed|thu|fri|sat|sun)?"
_TIME = r"(?:\d{1,2}[:：]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
# What may stand on a dateline besides the date: a label before it, a weekday, a time and a zone after it.
_DATELINE_BEFORE = re.compile(rf"^{_PUNCT}{_LABEL}{_PUNCT}$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(rf"^{_PUNCT}{_WEEKDAY}{_PUNCT}{_TIME}{_PUNCT}$", re.IGNORECASE)


def text_metadata(text: str) -> tuple[str | None, str | None]:
    """(title, publication date) of a plain-text document: its first line with words in it, and its dateline.

    The date is only taken when the first full date of the first lines stands alone on its line (a dateline),
    never from a sentence of the text.
    """
    from kaidan.normalize.dates import find_dates  # deferred: only plain text needs it

    lines = text.split("\n")
    published = dateline = None
    for line in lines[:DATELINE_LINES]:
        dates = [m for m in find_dates(line, None) if m.kind == "date"]
        if dates:
            m = dates[0]
            if _DATELINE_BEFORE.match(line[:m.start]) and _DATELINE_AFTER.match(line[m.end:]):
                published, dateline = m.value, line
            break
    title = next((line.strip()[:TITLE_CHARS] for line in lines
                  if sum(ch.isalnum() for ch in line) >= 2 and line != dateline), None)
    return title, published


def canonical_text(text: str) -> str:
    """Return ``text`` with BOMs removed, ``\\n`` newlines, NFC and no trailing spaces."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def document_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the (canonical) text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]
