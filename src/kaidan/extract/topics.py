"""Topics of a fact's text, from keyword lists in ``data/topics.json`` (both languages)."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import load


@lru_cache(maxsize=1)
def _table() -> list[tuple[str, tuple[str, ...]]]:
    data = load("topics.json", ("topics",))
    return [(t, tuple(w.lower() for w in words)) for t, words in data["topics"].items()]


def topics_of(text: str) -> tuple[str, ...]:
    low = text.lower()
    found = tuple(t for t, words in _table() if any(map(low.__contains__, words)))
    return found or ("other",)
