"""Grouping documents into events.

A document's main event is its ``event`` record (local date, countries). It joins an existing event of
the same countries whose date range lies within ``WINDOW_DAYS`` of its date — one day covers a meeting
in Washington reported in Japan time as the next day; two more cover the days of a visit — unless one
is a telephone or video talk and the other is not (a call two days after a summit is another event).
A document whose meetings fall on dates far from its main event (a recap of an earlier summit) is also
linked, as a secondary report, to the events of those dates.

Each placement is an indexed range query on (countries, date), so adding a document costs the same
whether the archive holds a hundred documents or a hundred thousand.
"""
from __future__ import annotations

import datetime as dt

WINDOW_DAYS = 2          # same countries within this many days of an event's range: the same event
SECONDARY_DAYS = 4       # a meeting this far from the main event's date is another event
REMOTE = ("telephone", "video")


def _shift(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def main_kind(record: dict) -> str | None:
    kinds = [m["kind"] for m in record.get("meetings") or [] if m.get("date") == (record.get("event") or {}).get("date")]
    for k in ("telephone", "video", "summit"):
        if k in kinds:
            return k
    return kinds[0] if kinds else None


def event_id(date: str, countries: str) -> str:
    return f"{date}-{countries}" if countries else date


def candidates(record: dict) -> list[tuple[str, str, str | None, bool]]:
    """(date, countries, kind, main) of every event a record reports."""
    ev = record.get("event") or {}
    date, countries = ev.get("date"), "-".join(sorted(ev.get("countries") or []))
    if not date:
        return []
    out = [(date, countries, main_kind(record), True)]
    seen = {date}
    for m in record.get("meetings") or []:
        d = m.get("date")
        if d and d not in seen and abs((dt.date.fromisoformat(d) - dt.date.fromisoformat(date)).days) >= SECONDARY_DAYS:
            if m.get("kind") in ("summit", "telephone", "video"):
                out.append((d, countries, m["kind"], False))
                seen.add(d)
    return out


def place(store, doc_id: str, record: dict) -> list[str]:
    """Link a stored document to its events (creating or widening them); the event ids."""
    store.unlink_document(doc_id)
    ids = []
    for date, countries, kind, main in candidates(record):
        near = store.events_near(countries, _shift(date, -WINDOW_DAYS), _shift(date, WINDOW_DAYS))
        near = [e for e in near if not _kinds_differ(e.get("kind"), kind)]
        if near:
            target = min(near, key=lambda e: abs((dt.date.fromisoformat(e["date_start"])
                                                  - dt.date.fromisoformat(date)).days))
            ev = {**target, "date_start": min(target["date_start"], date), "date_end": max(target["date_end"], date)}
        else:
            ev = {"id": event_id(date, countries), "countries": countries, "date_start": date, "date_end": date,
                  "kind": kind}
        store.put_event(ev, doc_id, main)
        ids.append(ev["id"])
    return ids


def _kinds_differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and ((a in REMOTE) != (b in REMOTE))
