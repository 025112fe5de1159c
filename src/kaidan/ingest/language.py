"""Language of a text by counting scripts: ``ja``, ``en`` or ``mixed``.

Each paragraph (line) is Japanese when its kana and kanji, weighted by
:data:`JA_CHAR_WEIGHT`, outweigh its Latin letters, else English. A document
is ``mixed`` when the Japanese and the English paragraphs each hold at least
:data:`MIXED_MIN_SHARE` of its weighted letters, else it takes the majority.

Chosen over lingua, which labels short kanji-only lines (titles, names)
Chinese unless restricted to ja/en and is a large dependency; Kaidan only
needs to tell Japanese from English.
"""
from __future__ import annotations

# The detector lives in kaidan.text (one script detector for ingestion, extraction, reconciliation and
# evaluation); these names stay importable from here.
from ..text import (DEFAULT_LANGUAGE, JA_CHAR_WEIGHT, MIXED_MIN_SHARE, detect_language,  # noqa: F401
                    language_of, script_weights as _weights)
