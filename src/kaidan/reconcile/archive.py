"""Event records and the ledger read from a store (what the CLI and the service call).

Merged event records are cached in the store (``event_records``): when a document joins an event the pipeline
merges the new source into the event's stored record (:func:`add_document`, :func:`merge.add_source`), so
adding a source costs its facts times the event's merged facts, not a re-merge of the event; reading an
event, listing conflicts or building the ledger reads stored records. An event whose record is missing (a
document left it, or ``MERGE_VERSION`` retired an older merge's record) is merged whole at the next read.
"""
from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Iterator

from . import events as grouping
from . import ledger
from ..records import EventRecord
from .merge import add_source, merge_event, merge_record

MERGE_VERSION = "kaidan.merge.v12"


# Records merged during an ingest batch, written to the store once at its end (:func:`flush`): writing the
# whole record after every source would cost the size of the event each time. A batch that dies before
# the flush leaves those events without a stored record; they are merged whole at the next read.
_pending: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def add_document(store, doc_id: str, record: dict) -> list[str]:
    """Place a stored document in its events and merge it into each event's record; the event ids."""
    pending = _pending.setdefault(store, {})
    for ev in store.events_of_document(doc_id):      # a document ingested again: its events are merged anew
        pending.pop(ev["id"], None)
    store.unlink_document(doc_id)
    ids = []
    for ev, main in grouping.targets(store, record):
        before = pending.get(ev["id"])
        if before is None:
            cached = store.cached_event_record(ev["id"], MERGE_VERSION)
            before = EventRecord.from_dict(cached) if cached is not None else None
        store.put_event(ev, doc_id, main)
        now = store.get_event(ev["id"])
        if before is None:
            pending[ev["id"]] = merge_record(now, store.event_records(ev["id"]), store.document_text)
        else:
            pending[ev["id"]] = add_source(before, now, doc_id, record, main, store.document_text(doc_id),
                                           store.document_text)
        ids.append(ev["id"])
    return ids


def flush(store) -> None:
    """Write the event records merged since the last flush to the store, then relink the ledger's blocks
    they changed (once for the whole batch: see kaidan.store.links)."""
    pending = _pending.pop(store, None) or {}
    for event_id, rec in pending.items():
        store.cache_event_record(event_id, MERGE_VERSION, rec.to_dict())
    if pending and not store.readonly:
        store.refresh_ledger(MERGE_VERSION, ledger.MATCHER)


def place_missing(store) -> int:
    """Place documents that have facts but no event yet (a database written before events existed)."""
    n = 0
    for doc_id, record in store.facts_without_event():
        grouping.place(store, doc_id, record)
        n += 1
    return n


def _refresh(store) -> None:
    flush(store)
    place_missing(store)
    for event_id in store.uncached_events(MERGE_VERSION):
        ev = store.get_event(event_id)
        store.cache_event_record(event_id, MERGE_VERSION, merge_event(ev, store.event_records(event_id), store.document_text))


def event_records(store) -> list[dict]:
    _refresh(store)
    return list(store.cached_event_records(MERGE_VERSION))


def event_record(store, event_id: str) -> dict | None:
    flush(store)
    ev = store.get_event(event_id)
    if ev is None:
        place_missing(store)
        ev = store.get_event(event_id)
        if ev is None:
            return None
    cached = store.cached_event_record(ev["id"], MERGE_VERSION)
    if cached is None:
        cached = merge_event(ev, store.event_records(ev["id"]), store.document_text)
        store.cache_event_record(ev["id"], MERGE_VERSION, cached)
    return cached


def ledger_threads(store, today: dt.date) -> list[ledger.Shown]:
    """The ledger's threads from the store's light commitment rows and stored links (brought up to date
    first), entries without citations: :func:`shown` reads those of the threads printed."""
    refresh_ledger(store)
    return stored_threads(store, today)


def refresh_ledger(store) -> None:
    """Bring what the ledger reads up to date: pending records written, missing ones merged, links relinked."""
    _refresh(store)
    store.refresh_ledger(MERGE_VERSION, ledger.MATCHER)


def stored_threads(store, today: dt.date) -> list[ledger.Shown]:
    """:func:`ledger_threads` of the store as it is (after :func:`refresh_ledger`)."""
    return ledger.threads_of_links(store.ledger_entries(MERGE_VERSION), store.ledger_links(MERGE_VERSION), today)


def shown(store, threads: Iterable[ledger.Shown], today: dt.date, chunk: int = 200) -> Iterator[dict]:
    """The threads as JSON objects with their citations, read ``chunk`` threads at a time (the ledger's
    memory is then its light rows, whatever is printed)."""
    batch: list[ledger.Shown] = []
    for t in threads:
        batch.append(t)
        if len(batch) >= chunk:
            yield from _with_citations(store, batch, today)
            batch = []
    yield from _with_citations(store, batch, today)


def _with_citations(store, batch: list[ledger.Shown], today: dt.date) -> Iterator[dict]:
    if not batch:
        return
    cites = store.commitment_citations(k for t in batch for k in t.keys)
    for t in batch:
        yield ledger.with_citations(t, cites, today).to_dict()


def commitment_ledger(store, today: dt.date | None = None) -> list[dict]:
    """The whole ledger as JSON objects (what ``kaidan commitments --json --all`` prints)."""
    day = today or dt.date.today()
    return list(shown(store, ledger_threads(store, day), day))


def conflicts(store) -> list[dict]:
    """Every event's conflicts, from the store's conflict rows (written with each cached record)."""
    return list(iter_conflicts(store))


def iter_conflicts(store) -> Iterator[dict]:
    """:func:`conflicts` one row at a time."""
    _refresh(store)
    yield from store.cached_conflicts(MERGE_VERSION)
