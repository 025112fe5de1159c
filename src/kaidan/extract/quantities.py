"""Quantities: every money amount, percentage and count the article states, once each.

The normaliser finds and values them (``normalize/numbers.py``); this stage keeps article
lines only (no advertisements, rankings or readers' comments) and lists each (unit, value)
once, since a page that repeats a figure states one fact. Each fact's rule names the
language and the class of the amount: ``kaidan.ja.quantity.money.v1``,
``kaidan.en.quantity.count.v1`` …
"""
from __future__ import annotations

from ..normalize import find_quantities
from ..normalize.numbers import MONEY_UNITS
from ..records import Quantity
from .context import DocContext

VERSION = 1


def rule_of(unit: str, lang: str) -> str:
    kind = "money" if unit in MONEY_UNITS else ("percent" if unit.startswith("percent") else "count")
    return f"kaidan.{lang}.quantity.{kind}.v{VERSION}"


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
                                ctx.cite(s.start + q.start, s.start + q.end, rule_of(q.unit, s.lang))))
    return out
