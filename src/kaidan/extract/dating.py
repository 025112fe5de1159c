"""A document's own date: the reference day its partial dates (29日, "on Saturday", Oct. 31) are read against.

In order of trust: the page's published date (HTML metadata), the store's date line, a line that is a
date ("May 25, 2023 at 9:53 AM", 平成27年11月1日), a title ending in a date, a dateline ("TOKYO,
Aug 23 (Reuters) -" with a year), a dated URL, and last the latest full date the text states on which
the leaders it names held office (a story citing a 1995 statement is not dated 1995). The forms are
data (``data/dating.json``); the result is frozen and names the rule that found it.

A dateline without a year ("TOKYO, Oct. 31 --") still fixes the month and day: ``Dating.partial`` keeps
it, and the event stage may complete it from the leaders' terms of office.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import find_dates
from ..text import fold
from .lexicon import load

LEADER_OFFICES = frozenset({"prime_minister", "president", "chancellor", "king", "general_secretary", "premier",
                            "chairman"})


@dataclass(frozen=True)
class Dating:
    day: dt.date | None = None          # the reference day
    rule: str | None = None             # kaidan.dating.<form>.v<n>
    start: int | None = None            # where the text states it (None: metadata)
    partial: tuple[int, int] | None = None   # (month, day) of a dateline without a year

    @property
    def iso(self) -> str | None:
        return self.day.isoformat() if self.day else None

    @property
    def from_page(self) -> bool:
        """The day is the page's own (published, date line, dateline, URL), not a date read in its text."""
        return self.rule is not None and "first_date" not in self.rule and "latest_date" not in self.rule


@dataclass(frozen=True)
class _Form:
    id: str
    rule: str
    kind: str
    pattern: re.Pattern | None
    rest: re.Pattern | None
    before: re.Pattern | None


@lru_cache(maxsize=1)
def _forms() -> tuple[int, tuple[_Form, ...], re.Pattern, str]:
    data = load("dating.json", ("forms", "url_date", "header_lines"))
    forms = []
    for f in data["forms"]:
        rule = f"kaidan.dating.{f['id']}.v{f['version']}"
        forms.append(_Form(f["id"], rule, f["kind"], *(re.compile(f[k]) if f.get(k) else None
                                                        for k in ("pattern", "rest", "before"))))
    u = data["url_date"]
    return int(data["header_lines"]), tuple(forms), re.compile(u["pattern"]), f"kaidan.dating.{u['id']}.v{u['version']}"


def _lines(text: str, limit: int):
    pos = 0
    for i, line in enumerate(text.split("\n")):
        if i >= limit:
            return
        yield pos, line
        pos += len(line) + 1


def _without(line: str, spans) -> str:
    """The line with every date in it blanked out."""
    chars = list(line)
    for d in spans:
        chars[d.start:d.end] = " " * (d.end - d.start)
    return "".join(chars)


def _line_date(form: _Form, line: str) -> tuple[dt.date | None, tuple[int, int] | None, int] | None:
    """The date a header line states in this form: (full day or None, (month, day) or None, offset in line)."""
    if form.pattern is not None:
        m = form.pattern.search(fold(line))
        return (dt.date.fromisoformat(m.group("date")), None, m.start("date")) if m else None
    full = [d for d in find_dates(line, None) if d.kind == "date"]
    if full and form.rest is not None and form.rest.match(_without(line, full)):
        return dt.date.fromisoformat(full[0].value), None, full[0].start
    for d in full:
        if form.before is not None and form.before.search(line[:d.start]):
            return dt.date.fromisoformat(d.value), None, d.start
    if form.kind == "dateline" and form.before is not None:
        # no year: the month and day only (read against an arbitrary leap year to keep 29 February)
        for d in find_dates(line, dt.date(2024, 7, 1)):
            if d.kind == "date" and form.before.search(line[:d.start]):
                v = dt.date.fromisoformat(d.value)
                return None, (v.month, v.day), d.start
    return None


def page_dating(text: str, published: str | None = None) -> Dating:
    """The date the page gives itself, or a Dating without a day."""
    if published:
        try:
            return Dating(dt.date.fromisoformat(published[:10]), "kaidan.dating.published.v1")
        except ValueError:
            pass
    limit, forms, url_re, url_rule = _forms()
    partial = None
    for form in forms:
        for pos, line in _lines(text, limit):
            got = _line_date(form, line)
            if got is None:
                continue
            day, md, off = got
            if day is not None:
                return Dating(day, form.rule, pos + off)
            partial = partial or Dating(None, form.rule, pos + off, md)
    m = url_re.search(text)
    if m:
        try:
            return Dating(dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), url_rule, m.start())
        except ValueError:
            pass
    return partial or Dating()


def in_office(gaz, leaders: tuple[str, ...], iso: str) -> bool:
    """Were at least two of ``leaders`` (or the one, if only one is named) in a leader's office on that day?"""
    if not leaders:
        return True
    held = sum(1 for e in leaders if gaz.office_at(e, iso) in LEADER_OFFICES)
    return held >= min(2, len(leaders))


def named_leaders(gaz, text: str) -> tuple[str, ...]:
    """People the text names who held a leader's office at some time (in order of first mention)."""
    out: list[str] = []
    for m in gaz.mentions(text):
        if m.kind == "person" and m.entity not in out and is_leader(gaz, m.entity):
            out.append(m.entity)
    return tuple(out)


def is_leader(gaz, entity: str) -> bool:
    e = gaz.entities.get(entity)
    return bool(e) and any(t[0] in LEADER_OFFICES for t in e.terms)


def _sentence_at(text: str, pos: int) -> str:
    """The sentence (or line) around a position: from the last 。/./newline before it to the next one."""
    starts = [text.rfind(ch, 0, pos) for ch in ("。", ". ", "\n")]
    ends = [i for i in (text.find(ch, pos) for ch in ("。", ". ", "\n")) if i >= 0]
    return text[max(starts) + 1:min(ends) if ends else len(text)]


def reference(text: str, published: str | None, gaz) -> Dating:
    """The reference day: the page's own date, else the latest full date in the text on which its leaders held
    office, outside sentences about what is still to come (``kaidan.dating.latest_date.v1``); a dateline's
    month and day is kept in ``partial``."""
    page = page_dating(text, published)
    if page.day is not None:
        return page
    leaders = named_leaders(gaz, text)
    future = re.compile(load("dating.json", ("future",))["future"]["pattern"])
    full = [d for d in find_dates(text, None) if d.kind == "date" and in_office(gaz, leaders, d.value)
            and not future.search(_sentence_at(text, d.start))]
    if full:
        best = max(full, key=lambda d: d.value)
        return Dating(dt.date.fromisoformat(best.value), "kaidan.dating.latest_date.v1", best.start, page.partial)
    return page
