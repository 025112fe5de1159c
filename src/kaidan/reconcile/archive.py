"""Event records and the ledger read from a store (what the CLI and the service call)."""
from __future__ import annotations

import datetime as dt

from . import events as grouping
from . import ledger
from .merge import merge_event


def place_missing(store) -> int:
    """Place documents that have facts but no event yet (a database written before events existed)."""
    n = 0
    for doc_id, record in store.facts_without_event():
        grouping.place(store, doc_id, record)
        n += 1
    return n


def event_records(store) -> list[dict]:
    place_missing(store)
    return [merge_event(e, store.event_records(e["id"])) for e in store.iter_events()]


def event_record(store, event_id: str) -> dict | None:
    place_missing(store)
    ev = store.get_event(event_id)
    return merge_event(ev, store.event_records(ev["id"])) if ev else None


def commitment_ledger(store, today: dt.date | None = None) -> list[dict]:
    return ledger.build(event_records(store), today or dt.date.today())


def conflicts(store) -> list[dict]:
    out = []
    for ev in event_records(store):
        for c in ev["conflicts"]:
            out.append({"event": ev["id"], **c})
    return out
