"""Event records and the ledger read from a store (what the CLI and the service call).

Merged event records are cached in the store (``event_records``): the pipeline merges an event again right
after a document joins it, so reading an event, listing conflicts or building the ledger reads stored
records instead of merging every event again. ``MERGE_VERSION`` retires records an older merge wrote.
"""
from __future__ import annotations

import datetime as dt

from . import events as grouping
from . import ledger
from .merge import merge_event

MERGE_VERSION = "kaidan.merge.v1"


def place_missing(store) -> int:
    """Place documents that have facts but no event yet (a database written before events existed)."""
    n = 0
    for doc_id, record in store.facts_without_event():
        grouping.place(store, doc_id, record)
        n += 1
    return n


def _refresh(store) -> None:
    place_missing(store)
    for event_id in store.uncached_events(MERGE_VERSION):
        ev = store.get_event(event_id)
        store.cache_event_record(event_id, MERGE_VERSION, merge_event(ev, store.event_records(event_id)))


def event_records(store) -> list[dict]:
    _refresh(store)
    return list(store.cached_event_records(MERGE_VERSION))


def event_record(store, event_id: str) -> dict | None:
    ev = store.get_event(event_id)
    if ev is None:
        place_missing(store)
        ev = store.get_event(event_id)
        if ev is None:
            return None
    cached = store.cached_event_record(ev["id"], MERGE_VERSION)
    if cached is None:
        cached = merge_event(ev, store.event_records(ev["id"]))
        store.cache_event_record(ev["id"], MERGE_VERSION, cached)
    return cached


def commitment_ledger(store, today: dt.date | None = None) -> list[dict]:
    _refresh(store)
    return ledger.build(list(store.cached_event_records(MERGE_VERSION, with_commitments=True)),
                        today or dt.date.today())


def conflicts(store) -> list[dict]:
    _refresh(store)
    out = []
    for ev in store.cached_event_records(MERGE_VERSION, with_conflicts=True):
        for c in ev["conflicts"]:
            out.append({"event": ev["id"], **c})
    return out
