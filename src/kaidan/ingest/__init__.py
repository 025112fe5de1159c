"""From a path or URL to a :class:`RawDocument` with canonical text.

    docs = [load(source) for source in iter_sources(["readouts/", "https://…"])]

:func:`load` runs the stages in the order given in :mod:`.loader`; failures
raise the :class:`~kaidan.errors.IngestError` subclasses of :mod:`kaidan.errors`.
"""
from __future__ import annotations

from .decode import DECODE_ORDER, decode_bytes
from .document import RawDocument, canonical_text, document_id
from .language import detect_language, language_of
from .loader import load
from .read import USER_AGENT
from .sources import iter_sources

__all__ = [
    "DECODE_ORDER",
    "USER_AGENT",
    "RawDocument",
    "canonical_text",
    "decode_bytes",
    "detect_language",
    "document_id",
    "iter_sources",
    "language_of",
    "load",
]
