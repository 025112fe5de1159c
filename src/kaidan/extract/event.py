"""The main event a document reports: the local date of the leaders' meeting and the countries whose leaders met.

Countries come, in order of trust, from the meeting's own name (日米首脳会談,
日英首脳電話会談, "Japan-U.S. Summit", "U.S.-Japan Joint Leaders' Statement"),
then from the leaders named as taking part, then from the two leaders the
document names most. The date is that of the first leaders' meeting that
states one, else the most frequent meeting date, else the document's date.
"""
from __future__ import annotations

import re
from collections import Counter

from ..records import Event
from .context import DocContext
from ..normalize import to_local
from .meetings import LEADER_OFFICES, Draft, event_zone

MAIN_KINDS = ("summit", "telephone", "video", "small_group", "working_lunch", "dinner")
# 日米首脳会談, 日英首脳電話会談, 日米韓首脳会合: one-character country abbreviations before 首脳
JA_COMPOUND = re.compile(r"([一-龥]{2,4})(?:首脳|両首脳|首相会談|電話会談)")
EN_COMPOUND = re.compile(
    r"\b((?:[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)(?:\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)+)\s+"
    r"(?:Summit|Leaders|Joint|Telephone|Summit Meeting|Leaders'|Leaders’)")


def countries_from_names(ctx: DocContext) -> list[str]:
    abbrev = ctx.gaz.abbreviations()
    votes: Counter = Counter()
    for s in ctx.sentences:
        if s.lang == "ja":
            for m in JA_COMPOUND.finditer(s.text):
                codes = [abbrev.get(ch) for ch in m.group(1)]
                if len(codes) >= 2 and all(codes) and len(codes) <= 3:
                    votes[tuple(sorted(set(codes)))] += 1
        else:
            for m in EN_COMPOUND.finditer(s.text):
                parts = re.split(r"\s?[-–]\s?", m.group(1))
                codes = [ctx.gaz.country_of(ctx.gaz.lookup(p)) for p in parts]
                if len(codes) >= 2 and all(codes):
                    votes[tuple(sorted(set(codes)))] += 1
    # a bilateral name wins over a trilateral one mentioned in passing (日米韓)
    bilateral = [(k, n) for k, n in votes.most_common() if len(k) == 2]
    if bilateral or votes:
        return list(bilateral[0][0]) if bilateral else list(votes.most_common(1)[0][0])
    # a headline joining two countries: "Leaders of Japan and the Republic of Korea", 日本と韓国の首脳
    for s in ctx.sentences[:4]:
        ms = [m for m in ctx.mentions(s) if m.kind == "country"]
        for a, b in zip(ms, ms[1:]):
            between = ctx.text[a.end:b.start]
            if re.fullmatch(r"\s+and\s+(?:the\s+)?|と|・|及び", between):
                codes = {ctx.gaz.country_of(a.entity), ctx.gaz.country_of(b.entity)}
                if len(codes) == 2 and None not in codes:
                    return sorted(codes)
    return []


def leaders_by_mentions(ctx: DocContext, date: str | None) -> list[str]:
    counts: Counter = Counter()
    for s in ctx.sentences:
        for m in ctx.mentions(s):
            if m.kind == "person" and ctx.gaz.office_at(m.entity, date) in LEADER_OFFICES:
                counts[m.entity] += 1
    return [e for e, _ in counts.most_common()]


def extract(ctx: DocContext, drafts: list[Draft]) -> Event:
    """The event; also sets ctx.event_date and ctx.event_leaders for the later stages."""
    dated = [d for d in drafts if d.kind in MAIN_KINDS and d.date and d.date != "same"]
    date = None
    tz = event_zone(ctx, drafts)
    for d in dated:
        # a meeting abroad dated and timed in Japan time: its local date is the event's
        if d.date_zone == "Asia/Tokyo" and d.time and tz and tz != "Asia/Tokyo":
            d.date, _ = to_local(d.date, d.time[0], d.time[1], "Asia/Tokyo", tz)
            d.date_zone, d.time_zone = "local", "local"
            d.time = tuple(int(x) for x in _.split(":"))
    local = [d for d in dated if d.date_zone != "Asia/Tokyo"]
    if local:
        date = Counter(d.date for d in local).most_common(1)[0][0] if len(local) > 2 else local[0].date
    elif dated:
        date = dated[0].date
    elif ctx.ref_date:
        date = ctx.ref_iso
    countries = countries_from_names(ctx)
    mentioned = leaders_by_mentions(ctx, date)
    leaders = mentioned
    if countries:
        chosen = []
        for c in countries:
            for e in leaders:
                if ctx.gaz.country_of(e) == c and e not in chosen:
                    chosen.append(e)
                    break
            else:
                holder = None
                for office in ("prime_minister", "president", "chancellor"):
                    holder = holder or ctx.gaz.holder(office, date, country=c)
                if holder:
                    chosen.append(holder)
        leaders = chosen
    else:
        leaders = _distinct_countries(ctx, leaders)[:2]
        countries = sorted({ctx.gaz.country_of(e) for e in leaders if ctx.gaz.country_of(e)})
    ctx.event_date = date
    ctx.event_leaders = tuple(leaders)
    ctx.unnamed_leaders = tuple(e for e in leaders if e not in mentioned)   # inferred from office and date only
    return Event(date, tuple(sorted(countries)))


def _distinct_countries(ctx: DocContext, leaders: list[str]) -> list[str]:
    seen, out = set(), []
    for e in leaders:
        c = ctx.gaz.country_of(e)
        if c not in seen:
            seen.add(c)
            out.append(e)
    return out
