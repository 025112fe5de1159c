"""One source (a path or an http(s) URL) to one :class:`RawDocument`.

Stages, in this order:

1. read: the bytes of the file or URL, within ``max_bytes`` (:mod:`.read`)
2. sniff: PDF, text, or refused as binary (:mod:`.sniff`)
3. decode: bytes to text, unless PDF (:mod:`.decode`); stray NUL characters
   are removed, with a note (``on_note``, else the ``kaidan.ingest`` log)
4. main text: the article of an HTML page (:mod:`.html`) or the text layer
   of a PDF (:mod:`.pdf`); plain text is taken whole
5. canonical text and id (:mod:`.document`)
6. language (:mod:`.language`)

Every :class:`~kaidan.errors.IngestError` leaves with the source in front of
its message, e.g. ``notes.txt: the file is empty; …``.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from kaidan import config
from kaidan.errors import EmptyInput, IngestError

from .decode import decode_bytes
from .document import MainText, RawDocument, canonical_text, document_id, text_metadata
from .html import extract_main_text, is_html
from .language import detect_language
from .pdf import extract_pdf_text
from .read import fetch, read_file
from .sniff import sniff
from .sources import url_scheme


def load(
    source: str,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = config.MAX_BYTES,
    timeout: float = config.FETCH_TIMEOUT,
    on_note: Callable[[str], None] | None = None,
) -> RawDocument:
    """Read, decode and clean one document; raise an IngestError subclass saying why not.

    ``on_note`` receives one-line notes about what was changed to read the document (NUL bytes removed);
    without it they go to the ``kaidan.ingest`` logger as warnings."""
    def note(text: str) -> None:
        (on_note or log.warning)(f"{source}: {text}")

    try:
        return _load(source, client=client, max_bytes=max_bytes, timeout=timeout, note=note)
    except IngestError as exc:
        raise type(exc)(f"{source}: {exc}") from exc


log = logging.getLogger("kaidan.ingest")


def _load(source: str, *, client: httpx.Client | None, max_bytes: int, timeout: float,
          note: Callable[[str], None]) -> RawDocument:
    url = media_type = charset = None
    if url_scheme(source) is None:
        data = read_file(source, max_bytes=max_bytes)
        suffix = os.path.splitext(source)[1]
    else:
        response = fetch(source, client=client, max_bytes=max_bytes, timeout=timeout)
        data, media_type, charset, url = response.data, response.media_type, response.charset, response.url
        suffix = os.path.splitext(urlsplit(url).path)[1]

    if sniff(data, media_type=media_type, suffix=suffix) == "pdf":
        main, encoding, content_type = extract_pdf_text(data), None, "pdf"
    else:
        decoded, encoding = decode_bytes(data, charset)
        if nuls := decoded.count("\x00"):
            decoded = decoded.replace("\x00", "")
            note(f"{nuls} NUL byte(s) removed from the text (a damaged copy?); the rest is read as {encoding}")
        if not decoded.replace("\ufeff", "").strip():
            raise EmptyInput("only white space in it; check that the document was saved completely")
        if is_html(decoded, media_type=media_type, suffix=suffix):
            main, content_type = extract_main_text(decoded, url=url), "html"
        else:
            main, content_type = MainText(decoded, title=None, published=None), "text"

    text = canonical_text(main.text)
    title, published = main.title, main.published
    if content_type != "html":  # text and PDF: the first line and the dateline
        first, dated = text_metadata(text)
        title, published = title or first, published or dated
    return RawDocument(
        id=document_id(text),
        source=source,
        text=text,
        lang=detect_language(text),
        title=title,
        content_type=content_type,
        encoding=encoding,
        published=published,
        size=len(data),
        site=main.site or site_of(url),
        url=url,
    )


def site_of(url: str | None) -> str | None:
    """The host of a URL without a leading www. (www.mofa.go.jp → mofa.go.jp); None without a URL."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
