"""Weekdays stated next to a date: 3月19日(土), 19日（土曜日）, "Friday (March 19)", "Friday, March 19",
"March 19 (Sat)". Two sources giving one date two weekdays contradict each other (one of them is wrong);
the calendar says which, but the conflict is listed with what each source says.

The forms are the calendar conventions of the two languages (a weekday in brackets after a Japanese date,
an English weekday before a date or in brackets after it), not phrases of one source. A weekday alone
("on Saturday") names no date and is not read here.
"""
from __future__ import annotations

import datetime as dt
import re

from ..text import fold

JA_DAYS = "月火水木金土日"
EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY_EN = r"(?P<wd>Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
PATTERNS = (
    re.compile(r"(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日\s*\((?P<wj>[" + JA_DAYS + r"])(?:曜日?)?\)"),
    re.compile(r"\b" + _DAY_EN + r"\s*(?:,\s*|\(\s*)" + _MONTH + r"\s+(?P<d>\d{1,2})\b\)?", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})\s*\(\s*" + _DAY_EN + r"\s*\)", re.I),
)


def stated(text: str, date_start: str, date_end: str) -> list[tuple[str, int, int, int]]:
    """(date, stated weekday 0=Monday, start, end) of each weekday given next to a date of the event."""
    lo, hi = dt.date.fromisoformat(date_start), dt.date.fromisoformat(date_end)
    folded = fold(text)
    out = []
    for pat in PATTERNS:
        for m in pat.finditer(folded):
            g = m.groupdict()
            day = int(g["d"])
            if g.get("wj"):
                wd = JA_DAYS.index(g["wj"])
                month = int(g["m"]) if g.get("m") else None
            else:
                wd = next(i for i, name in enumerate(EN_DAYS) if name.startswith(g["wd"].lower()[:3]))
                month = MONTHS.index(g["mon"].lower()[:3]) + 1
            for d in (lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)):
                if d.day == day and (month is None or d.month == month):
                    out.append((d.isoformat(), wd, m.start(), m.end()))
    return out
