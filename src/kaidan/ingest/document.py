"""The document record and its canonical text.

Character offsets of every fact refer to the canonical text, and evidence
strings must be verbatim substrings of it, so canonicalisation changes as
little as possible: BOM characters removed, newlines normalised to ``\\n``,
Unicode NFC, trailing white space stripped on each line. Nothing else.
"""
from __future__ import annotations

import hashlib
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
    published: str | None  # YYYY-MM-DD when the page states it
    size: int  # bytes read


@dataclass(frozen=True)
class MainText:
    """What the HTML and PDF stages hand on: text before canonicalisation, title, date."""

    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD


def canonical_text(text: str) -> str:
    """Return ``text`` with BOMs removed, ``\\n`` newlines, NFC and no trailing spaces."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def document_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the (canonical) text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]
