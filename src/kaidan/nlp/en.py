"""English tokens and token-pattern matches: spaCy's English tokenization and Matcher semantics, without spaCy.

Tokens are those of spaCy's blank English tokenizer (:mod:`.en_tokenizer` runs its algorithm over its rules,
proven equal on the corpora by ``tests/nlp/test_en_tokenizer.py``). Patterns are spaCy Matcher patterns (data in
``data/rules/en_*.json``) over ``LOWER`` / ``ORTH`` values (a string, ``IN`` or ``NOT_IN`` a list), with the
``OP`` quantifiers ``?``, ``{n}``, ``{n,m}`` and ``{,m}``; no lemmas, so rule files list the word forms they
cover. Every match of every pattern is found, then each rule keeps its longest non-overlapping ones (spaCy's
``greedy="LONGEST"``), then the rule set its longest non-overlapping ones across rules. Callers get frozen
:class:`EnToken` and :class:`EnMatch` records with document offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import DataFileError
from .en_tokenizer import english


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


@lru_cache(maxsize=4096)
def _pieces(text: str) -> tuple[tuple[str, int], ...]:
    """(token text, offset in ``text``) of each token, shared by every rule set that reads the text."""
    out, pos = [], 0
    for tok, space in english()(text):
        out.append((tok, pos))
        pos += len(tok) + space
    return tuple(out)


def tokenize(text: str, offset: int = 0) -> tuple[EnToken, ...]:
    return tuple(EnToken(i, t, t.lower(), offset + p, offset + p + len(t)) for i, (t, p) in enumerate(_pieces(text)))


# -- patterns ------------------------------------------------------------------
# a token test: (attribute index into (text, lower), how, value); how 0: equal, 1: in the set, 2: not in it
Check = tuple[int, int, object]
Element = tuple[tuple[Check, ...], int, int]      # the tests of one pattern token, its least and most count
_QUANT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_ATTRS = {"LOWER": 1, "ORTH": 0, "TEXT": 0}


def _check(attr: str, value) -> Check:
    if isinstance(value, str):
        return _ATTRS[attr], 0, value
    if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
        return _ATTRS[attr], 1 if "IN" in value else 2, frozenset(next(iter(value.values())))
    raise DataFileError(f"token pattern {attr}: {value!r} is not a string, {{'IN': [...]}} or {{'NOT_IN': [...]}}")


def _quantity(op: str | None) -> tuple[int, int]:
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    m = _QUANT.fullmatch(op)
    if m and (m.group(1) or m.group(3)):
        lo = int(m.group(1) or 0)
        hi = int(m.group(3)) if m.group(3) else (lo if not m.group(2) else None)
        if hi is not None and hi >= lo:
            return lo, hi
    raise DataFileError(f"token pattern OP {op!r}: only ?, {{n}}, {{n,m}} and {{,m}} are supported")


def _element(spec: dict) -> Element:
    unknown = set(spec) - set(_ATTRS) - {"OP"}
    if unknown:
        raise DataFileError(f"token pattern {spec!r}: unsupported keys {sorted(unknown)}")
    lo, hi = _quantity(spec.get("OP"))
    return tuple(_check(a, v) for a, v in spec.items() if a != "OP"), lo, hi


def _fits(checks: tuple[Check, ...], tok: tuple[str, str]) -> bool:
    for a, how, value in checks:
        v = tok[a]
        if not (v == value if how == 0 else (v in value) if how == 1 else (v not in value)):
            return False
    return True


def _anchors(pattern: list[Element]) -> frozenset[str] | None:
    """The lowercase words a match of the pattern can begin with; None when any token can begin one."""
    words: set[str] = set()
    for checks, lo, _hi in pattern:
        lowers = [(how, value) for a, how, value in checks if a == 1 and how in (0, 1)]
        if not lowers:
            return None
        how, value = lowers[0]
        words.update((value,) if how == 0 else value)
        if lo > 0:
            return frozenset(words)
    return None                                   # every token optional: a match may begin anywhere


def _ends(pattern: list[Element], toks: tuple[tuple[str, str], ...], start: int) -> set[int]:
    """Every token index at which the pattern, begun at ``start``, can end (all ways through its quantifiers)."""
    here = {start}
    n = len(toks)
    for checks, lo, hi in pattern:
        nxt = set()
        for p in here:
            if lo == 0:
                nxt.add(p)
            k = 0
            while k < hi and p + k < n and _fits(checks, toks[p + k]):
                k += 1
                if k >= lo:
                    nxt.add(p + k)
        if not nxt:
            return nxt
        here = nxt
    return here


class EnRules:
    """A set of token patterns, each under a rule id; matches are the longest, non-overlapping ones."""

    def __init__(self, patterns: dict[str, list[list[dict]]]):
        self._order = list(patterns)
        self._anchored: dict[str, list[tuple[str, list[Element]]]] = {}
        self._anywhere: list[tuple[str, list[Element]]] = []
        for rule, pats in patterns.items():
            for pat in pats:
                elements = [_element(e) for e in pat]
                words = _anchors(elements)
                if words is None:
                    self._anywhere.append((rule, elements))
                for w in words or ():
                    self._anchored.setdefault(w, []).append((rule, elements))
        self._memo: dict[tuple[str, int], tuple[tuple[EnToken, ...], tuple[EnMatch, ...]]] = {}

    def _matches(self, toks: tuple[tuple[str, str], ...]) -> list[tuple[str, int, int]]:
        spans: dict[str, set[tuple[int, int]]] = {}
        for s, tok in enumerate(toks):
            for rule, pat in (*self._anchored.get(tok[1], ()), *self._anywhere):
                ends = _ends(pat, toks, s)
                if ends:
                    spans.setdefault(rule, set()).update((s, e) for e in ends if e > s)
        out = []
        for rule in self._order:
            used: set[int] = set()
            for s, e in sorted(spans.get(rule, ()), key=lambda m: (-(m[1] - m[0]), m[0])):   # the rule's longest first
                if not used.intersection(range(s, e)):
                    out.append((rule, s, e))
                    used.update(range(s, e))
        return out

    def read(self, text: str, offset: int = 0) -> tuple[tuple[EnToken, ...], tuple[EnMatch, ...]]:
        """The tokens of a text and the rule matches in it, left to right (longest first where they overlap)."""
        key = (text, offset)
        if key in self._memo:
            return self._memo[key]
        toks = tokenize(text, offset)
        raw = sorted(self._matches(tuple((t.text, t.lower) for t in toks)), key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        found = []
        for rule, s, e in raw:
            if taken.intersection(range(s, e)):
                continue
            taken.update(range(s, e))
            found.append(EnMatch(rule, s, e, toks[s].start, toks[e - 1].end))
        out = (toks, tuple(sorted(found, key=lambda m: m.start)))
        if len(self._memo) < 20_000:
            self._memo[key] = out
        return out
