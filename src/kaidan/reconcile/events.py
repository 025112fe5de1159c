"""Grouping documents into events.

A document's main event is its ``event`` record (local date, countries). It joins an existing event of
the same countries whose date range lies within ``WINDOW_DAYS`` of its date — one day covers a meeting
in Washington reported in Japan time as the next day; two more cover the days of a visit — unless one
is a telephone or video talk and the other is not (a call two days after a summit is another event).
A document whose meetings fall on dates far from its main event (a recap of an earlier summit) is also
linked, as a secondary report, to the events of those dates.

Each placement is an indexed range query on (countries, date), so adding a document costs the same
whether the archive holds a hundred documents or a hundred thousand.

A document with no stated date (a wire story that says only 「19日」 or "on Friday") is placed *by
content* (:func:`place_by_content`): among the events of its countries, the one whose merged record shares
most with it — the same leaders, the same place, the same length of talks, the same figures and the same
facts — provided it shares a leader and at least ``CONTENT_MIN`` such points, and strictly more than any
other event (a tie between a summit and its namesake a year later places nothing). Its source entry in
the event record says ``placed_by: content``. A trilateral and a bilateral of two of its members on the
same day stay two events: events are keyed by their exact set of countries.
"""
from __future__ import annotations

import datetime as dt

from ..people import gazetteer
from ..text import norm

WINDOW_DAYS = 2          # same countries within this many days of an event's range: the same event
SECONDARY_DAYS = 4       # a meeting this far from the main event's date is another event
REMOTE = ("telephone", "video")
CONTENT_MIN = 2          # shared points (leaders, place, length, figures, facts) to place a document by content
CONTENT_FACTS = 4        # at most this many shared facts count towards the content score


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


def targets(store, record: dict) -> list[tuple[dict, bool]]:
    """(event, main) of every event a record reports: existing events widened to its date, or new ones."""
    cands = candidates(record)
    if not cands:
        target = place_by_content(store, record)
        return [(target, True)] if target is not None else []
    out = []
    for date, countries, kind, main in cands:
        near = store.events_near(countries, _shift(date, -WINDOW_DAYS), _shift(date, WINDOW_DAYS))
        near = [e for e in near if not _kinds_differ(e.get("kind"), kind)]
        if near:
            target = min(near, key=lambda e: abs((dt.date.fromisoformat(e["date_start"])
                                                  - dt.date.fromisoformat(date)).days))
            ev = {**target, "date_start": min(target["date_start"], date), "date_end": max(target["date_end"], date)}
        else:
            ev = {"id": event_id(date, countries), "countries": countries, "date_start": date, "date_end": date,
                  "kind": kind}
        out.append((ev, main))
    return out


def place(store, doc_id: str, record: dict) -> list[str]:
    """Link a stored document to its events (creating or widening them); the event ids."""
    store.unlink_document(doc_id)
    ids = []
    for ev, main in targets(store, record):
        store.put_event(ev, doc_id, main)
        ids.append(ev["id"])
    return ids


def _kinds_differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and ((a in REMOTE) != (b in REMOTE))


def _persons(names) -> set[str]:
    gaz = gazetteer()
    out = set()
    for n in names:
        pid = gaz.lookup(n) if n else None
        if pid and gaz.entities[pid].kind == "person":
            out.add(pid)
    return out


def _profile(rec: dict, merged: bool) -> dict:
    """What a document (or an event's merged record) says that another source of the event would say too."""
    meetings = rec.get("programme" if merged else "meetings") or []
    return {
        "persons": _persons([p for m in meetings for p in m.get("participants") or []]
                            + [s.get("speaker") for s in rec.get("statements") or []]),
        "places": {norm(m["place"]) for m in meetings if m.get("place")},
        "durations": {m["duration_minutes"] for m in meetings if m.get("duration_minutes")},
        "quantities": {(q["unit"], float(q["value"])) for q in rec.get("quantities") or []},
    }


def content_score(record: dict, event_record: dict) -> tuple[int, int]:
    """(shared points, shared leaders) of a document's record and an event's merged record."""
    from .match import same_fact

    a, b = _profile(record, False), _profile(event_record, True)
    persons = len(a["persons"] & b["persons"])
    score = persons
    score += any(x in y or y in x for x in a["places"] for y in b["places"])
    score += bool(a["durations"] & b["durations"])
    score += sum(1 for u, v in a["quantities"]
                 if any(u == u2 and abs(v - v2) <= 0.005 * max(abs(v), 1e-9) for u2, v2 in b["quantities"]))
    facts = 0
    for kind in ("agreements", "commitments", "statements"):
        theirs = event_record.get(kind) or []
        for f in record.get(kind) or []:
            if facts < CONTENT_FACTS and any(same_fact(kind, f, g) for g in theirs):
                facts += 1
    return score + facts, persons


def _has_day(ev: dict, day: int) -> bool:
    """Whether the event's dates include that day of the month (a source saying 20日 is not about the 19th)."""
    d, end = dt.date.fromisoformat(ev["date_start"]), dt.date.fromisoformat(ev["date_end"])
    while d <= end:
        if d.day == day:
            return True
        d += dt.timedelta(days=1)
    return False


def place_by_content(store, record: dict) -> dict | None:
    """The event a document without a date reports, judged by what it shares with the event's sources."""
    from .archive import event_record

    mine = set((record.get("event") or {}).get("countries") or [])
    mine |= {gazetteer().country_of(p) for p in _profile(record, False)["persons"]} - {None}
    if not mine:
        return None
    day = (record.get("event") or {}).get("day")
    scored = []
    for ev in store.iter_events():
        theirs = set(ev["countries"].split("-")) if ev.get("countries") else set()
        if not mine & theirs or (day and not _has_day(ev, day)):
            continue
        rec = event_record(store, ev["id"])
        if rec is None:
            continue
        score, persons = content_score(record, rec)
        if persons and score >= CONTENT_MIN:
            scored.append((score, ev))
    scored.sort(key=lambda x: -x[0])
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    ev = scored[0][1]
    return {k: ev[k] for k in ("id", "countries", "date_start", "date_end", "kind")}
