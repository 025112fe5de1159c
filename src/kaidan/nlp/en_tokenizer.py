"""spaCy's English tokenization, without spaCy: the same algorithm over the same rules.

spaCy's rule-based tokenizer (``spacy.tokenizer.Tokenizer.__call__``, spaCy 3.x with ``faster_heuristics``)
splits a text at whitespace, strips prefixes and suffixes, applies special cases (tokenizer exceptions) and
URL matches, splits infixes, then re-applies the special cases that contain affixes over the token sequence.
This module runs those steps, in that order and with those tie rules, over the English rules of
``data/en_tokenizer.json`` (written from ``spacy.blank("en")`` by ``scripts/en_tokenizer_data.py``): importing
spaCy costs about a second of CPU per process, the port a few milliseconds. ``tests/nlp/test_en_tokenizer.py``
checks, where spaCy is installed, that the data file is the installed spaCy's and that both tokenizers give the
same tokens and offsets on every English sentence of the corpora.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import read
from ..text import compile_large

DATA = Path(__file__).resolve().parent.parent / "data" / "en_tokenizer.json"
KEYS = ("prefix", "suffix", "infix", "token_match", "url_match", "special")

# the flag of a token: followed by one space, which is not a token of its own
Piece = tuple[str, bool]


def _compiled(spec: dict | None):
    return compile_large(spec["pattern"], spec["flags"]) if spec else None


class Tokenizer:
    """Text -> (token text, followed by a space) pairs, as spaCy's tokenizer gives them."""

    def __init__(self, data: dict):
        self._prefix = _compiled(data["prefix"])
        self._suffix = _compiled(data["suffix"])
        self._infix = _compiled(data["infix"])
        self._token_match = _compiled(data["token_match"])
        self._url_match = _compiled(data["url_match"])
        self.special: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data["special"].items()}
        # special cases that the affix rules would split: spaCy finds them again over the token sequence
        self._affixed: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for text in sorted(self.special):
            if self._prefix_len(text) or self._suffix_len(text) or self._infixes(text) or " " in text:
                orths = tuple(t for t, _ in self._affixes(text, False))
                self._affixed.setdefault(orths[0], []).append((orths, text))
        self._memo: dict[str, tuple[str, ...]] = {}

    # -- the rules -------------------------------------------------------------
    def _prefix_len(self, s: str) -> int:
        m = self._prefix.search(s) if self._prefix else None
        return m.end() - m.start() if m else 0

    def _suffix_len(self, s: str) -> int:
        m = self._suffix.search(s) if self._suffix else None
        return m.end() - m.start() if m else 0

    def _infixes(self, s: str) -> list:
        return list(self._infix.finditer(s)) if self._infix else []

    def _whole(self, s: str) -> bool:
        return bool((self._token_match and self._token_match.match(s)) or (self._url_match and self._url_match.match(s)))

    # -- the algorithm -----------------------------------------------------------
    def __call__(self, text: str) -> list[Piece]:
        return self._special_spans(self._affixes(text, True))

    def _affixes(self, text: str, specials: bool) -> list[Piece]:
        """Whitespace spans, each tokenised: one space after a token is its flag, other whitespace a token."""
        out: list[list] = []
        if not text:
            return []
        in_ws = text[0].isspace()
        start = 0
        for i, ch in enumerate(text):
            if ch.isspace() != in_ws:
                if start < i:
                    out.extend([t, False] for t in self._span(text[start:i], specials))
                if ch == " ":
                    out[-1][1] = True
                    start = i + 1
                else:
                    start = i
                in_ws = not in_ws
        if start < len(text):
            out.extend([t, False] for t in self._span(text[start:], specials))
            out[-1][1] = text[-1] == " " and not in_ws
        return [(t, sp) for t, sp in out]

    def _span(self, span: str, specials: bool) -> tuple[str, ...]:
        if specials and span in self.special:
            return self.special[span]
        if specials and span in self._memo:
            return self._memo[span]
        core, prefixes, suffixes = self._split_affixes(span, specials)
        toks = (*prefixes, *self._attach(core, specials), *reversed(suffixes))
        if specials and len(self._memo) < 10_000:
            self._memo[span] = toks
        return toks

    def _split_affixes(self, s: str, specials: bool) -> tuple[str, list[str], list[str]]:
        prefixes: list[str] = []
        suffixes: list[str] = []
        last = 0
        while s and len(s) != last:
            if self._token_match and self._token_match.match(s):
                break
            if specials and s in self.special:
                break
            last = len(s)
            pre = self._prefix_len(s)
            if pre:
                prefix, minus_pre = s[:pre], s[pre:]
                if minus_pre and specials and minus_pre in self.special:
                    prefixes.append(prefix)
                    s = minus_pre
                    break
            suf = self._suffix_len(s[pre:])
            if suf:
                suffix, minus_suf = s[-suf:], s[:-suf]
                if minus_suf and specials and minus_suf in self.special:
                    suffixes.append(suffix)
                    s = minus_suf
                    break
            if pre and suf and pre + suf <= len(s):
                s = s[pre:-suf]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre:
                s = minus_pre
                prefixes.append(prefix)
            elif suf:
                s = minus_suf
                suffixes.append(suffix)
        return s, prefixes, suffixes

    def _attach(self, s: str, specials: bool) -> tuple[str, ...]:
        if not s:
            return ()
        if specials and s in self.special:
            return self.special[s]
        if self._whole(s):
            return (s,)
        matches = self._infixes(s)
        if not matches:
            return (s,)
        out = []
        start = 0
        for m in matches:
            a, b = m.start(), m.end()
            if a == 0:            # an infix at the very start is no split point
                continue
            if a != start:
                out.append(s[start:a])
            if a != b:
                out.append(s[a:b])
            start = b
        if s[start:]:
            out.append(s[start:])
        return tuple(out)

    def _special_spans(self, toks: list[Piece]) -> list[Piece]:
        """Special cases with affixes, found again over the tokens: longest first, then leftmost; a span whose
        first or last token an accepted (or longer) span covers is dropped; a span is replaced only when its
        text (with its inner spaces) is the special case's."""
        found = []
        for i, (t, _) in enumerate(toks):
            for orths, _text in self._affixed.get(t, ()):
                n = len(orths)
                if i + n <= len(toks) and all(toks[i + k][0] == orths[k] for k in range(n)):
                    found.append((i, i + n))
        if not found:
            return toks
        seen: set[int] = set()
        kept = []
        for s, e in sorted(set(found), key=lambda m: (-(m[1] - m[0]), m[0])):
            if s not in seen and e - 1 not in seen:
                kept.append((s, e))
            seen.update(range(s, e))
        out: list[Piece] = []
        i = 0
        for s, e in sorted(kept):
            out.extend(toks[i:s])
            text = "".join(t + (" " if sp else "") for t, sp in toks[s:e - 1]) + toks[e - 1][0]
            rule = self.special.get(text)
            if rule is None:
                out.extend(toks[s:e])
            else:
                out.extend((t, False) for t in rule[:-1])
                out.append((rule[-1], toks[e - 1][1]))
            i = e
        out.extend(toks[i:])
        return out


@lru_cache(maxsize=1)
def english() -> Tokenizer:
    """The English tokenizer, built once per process."""
    return Tokenizer(read(DATA.name, KEYS))
