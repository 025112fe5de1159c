"""English tokens and token-pattern matches, from spaCy's rule-based tokenizer (no model, no download).

One blank English pipeline (tokenizer only) is built per process, on first use, and one
:class:`EnRules` per rule set; nothing outside this package sees a spaCy ``Doc`` or ``Matcher``:
callers get frozen :class:`EnToken` and :class:`EnMatch` records with document offsets.
Patterns are spaCy Matcher patterns over ``LOWER`` / ``ORTH`` / ``IS_*`` attributes (no lemmas,
so no lookup tables are needed: rule files list the word forms they cover).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class EnToken:
    i: int
    text: str
    lower: str
    start: int      # document offsets
    end: int


@dataclass(frozen=True)
class EnMatch:
    rule: str       # the rule id the pattern belongs to
    start: int      # token indices, end exclusive
    end: int
    start_char: int  # document offsets
    end_char: int


@lru_cache(maxsize=1)
def _nlp():
    import spacy      # imported on first English sentence only: Japanese-only runs never load it

    return spacy.blank("en")


@lru_cache(maxsize=4096)
def _doc(text: str):
    """One tokenised Doc per text, shared by every rule set that reads it."""
    return _nlp().make_doc(text)


def tokenize(text: str, offset: int = 0) -> tuple[EnToken, ...]:
    doc = _doc(text)
    return tuple(EnToken(t.i, t.text, t.lower_, offset + t.idx, offset + t.idx + len(t.text)) for t in doc)


class EnRules:
    """A set of token patterns, each under a rule id; matches are the longest, non-overlapping ones."""

    def __init__(self, patterns: dict[str, list[list[dict]]]):
        from spacy.matcher import Matcher

        self._matcher = Matcher(_nlp().vocab, validate=True)
        for rule, pats in patterns.items():
            self._matcher.add(rule, pats, greedy="LONGEST")
        self._memo: dict[tuple[str, int], tuple[tuple[EnToken, ...], tuple[EnMatch, ...]]] = {}

    def read(self, text: str, offset: int = 0) -> tuple[tuple[EnToken, ...], tuple[EnMatch, ...]]:
        """The tokens of a text and the rule matches in it, left to right (longest first where they overlap)."""
        key = (text, offset)
        if key in self._memo:
            return self._memo[key]
        doc = _doc(text)
        vocab = doc.vocab.strings
        raw = sorted(((vocab[mid], s, e) for mid, s, e in self._matcher(doc)), key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        found = []
        for rule, s, e in raw:
            if taken.intersection(range(s, e)):
                continue
            taken.update(range(s, e))
            found.append(EnMatch(rule, s, e, offset + doc[s].idx, offset + doc[e - 1].idx + len(doc[e - 1].text)))
        toks = tuple(EnToken(t.i, t.text, t.lower_, offset + t.idx, offset + t.idx + len(t.text)) for t in doc)
        out = (toks, tuple(sorted(found, key=lambda m: m.start)))
        if len(self._memo) < 20_000:
            self._memo[key] = out
        return out
