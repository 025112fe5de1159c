"""Agreements, commitments and statements of a document, in either language, each told once.

Japanese lines go to :mod:`clauses_ja`, English lines to :mod:`clauses_en`.
The same point told twice (a page that repeats its body, a summary followed
by a detailed section) is one fact: near-identical texts (bigram Dice ≥
``SAME_FACT``, or one containing the other) with the same speaker or actor
are merged, keeping the fuller wording.
"""
from __future__ import annotations

from ..evaluate.scorer import bigrams, norm
from . import clauses_en, clauses_ja
from .clauses_ja import Found
from .context import DocContext
from .profile import SourceProfile

SAME_FACT = 0.7  # seeds: repeated quotes differ by a word or two (Dice > 0.85); distinct points < 0.6


class _Text:
    """One fact's text as the merge compares it, computed once: ``norm`` of the text, and the
    bigram counts of ``norm`` of that (what :func:`kaidan.evaluate.scorer.dice` reads)."""

    __slots__ = ("fact", "key", "norm", "grams", "size")

    def __init__(self, fact, key) -> None:
        self.fact, self.key = fact, key
        self.norm = norm(fact.text)
        again = norm(self.norm)                  # dice() normalises its arguments once more
        self.grams = bigrams(again) if again else None
        self.size = sum(self.grams.values()) if again else 0

    def same(self, other: _Text) -> bool:
        a, b = self.norm, other.norm
        if a in b or b in a:
            return True
        if self.grams is None or other.grams is None:
            return 0.0 >= SAME_FACT
        total = self.size + other.size
        # the shared bigrams are at most the smaller count: skip the count when even that is too few
        if 2 * min(self.size, other.size) / total < SAME_FACT:
            return False
        mine, theirs = self.grams, other.grams
        shared = 0
        for g in mine.keys() & theirs.keys():       # the bigrams both have (a set operation, in C)
            n, m = mine[g], theirs[g]
            shared += n if n < m else m
        return 2 * shared / total >= SAME_FACT


def _dedup(facts: list, key) -> list:
    """Each fact, unless an earlier kept one with the same key tells the same (the first such, in order, is
    kept or replaced by the fuller). Only facts of one key are ever compared, so each key's kept facts are
    listed apart (their places in the output, in order): the first match in that list is the first match
    of the whole output, and no pair of different keys is looked at."""
    out: list[_Text] = []
    by_key: dict = {}
    for f in facts:
        t = _Text(f, key(f))
        places = by_key.setdefault(t.key, [])
        for i in places:
            o = out[i]
            if t.same(o):
                if len(t.norm) > len(o.norm):
                    out[i] = t
                break
        else:
            places.append(len(out))
            out.append(t)
    return [t.fact for t in out]


def extract(ctx: DocContext, profile: SourceProfile | None = None) -> Found:
    ja = [s for s in ctx.sentences if s.lang == "ja"]
    en = [s for s in ctx.sentences if s.lang == "en"]
    a = clauses_ja.extract(ctx, ja) if ja else Found()
    b = clauses_en.extract(ctx, en, profile or SourceProfile()) if en else Found()
    gaz = ctx.gaz
    return Found(
        agreements=_dedup(a.agreements + b.agreements, lambda f: 0),
        commitments=_dedup(a.commitments + b.commitments, lambda f: gaz.lookup(f.actor) or f.actor),
        statements=_dedup(a.statements + b.statements, lambda f: gaz.lookup(f.speaker) or f.speaker),
    )
