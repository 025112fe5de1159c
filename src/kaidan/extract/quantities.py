"""Quantities: every money amount, percentage and count the article states, once each.

The normaliser finds and values them; this stage keeps article lines only
(no advertisements, rankings or readers' comments) and lists each
(unit, value) once, since a page that repeats a figure states one fact.
"""
from __future__ import annotations

from ..normalize import find_quantities
from ..records import Quantity
from .context import DocContext

RULE = "kaidan.quantity.v1"


def extract(ctx: DocContext) -> list[Quantity]:
    seen: set[tuple[str, float]] = set()
    out: list[Quantity] = []
    for s in ctx.sentences:
        for q in find_quantities(s.text):
            key = (q.unit, round(float(q.value), 6))
            if key in seen:
                continue
            seen.add(key)
            out.append(Quantity(q.text, q.value, q.unit, q.qualifier,
                                ctx.cite(s.start + q.start, s.start + q.end, RULE)))
    return out
