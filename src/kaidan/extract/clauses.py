"""Agreements, commitments and statements of a document, in either language, each told once.

Japanese lines go to :mod:`clauses_ja`, English lines to :mod:`clauses_en`.
The same point told twice (a page that repeats its body, a summary followed
by a detailed section) is one fact: near-identical texts (bigram Dice ≥
``SAME_FACT``, or one containing the other) with the same speaker or actor
are merged, keeping the fuller wording.
"""
from __future__ import annotations

from ..evaluate.scorer import dice, norm
from . import clauses_en, clauses_ja
from .clauses_ja import Found
from .context import DocContext
from .profile import SourceProfile

SAME_FACT = 0.7  # seeds: repeated quotes differ by a word or two (Dice > 0.85); distinct points < 0.6


def _dedup(facts: list, key) -> list:
    out: list = []
    for f in facts:
        for i, o in enumerate(out):
            if key(f) != key(o):
                continue
            a, b = norm(f.text), norm(o.text)
            if a in b or b in a or dice(a, b) >= SAME_FACT:
                if len(a) > len(b):
                    out[i] = f
                break
        else:
            out.append(f)
    return out


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
