"""The ledger's threads as the service filters and pages them, kept between requests while the ledger is unchanged.

Building the threads of an archive of 100,000 documents (reading every light commitment row and every link,
due dates, statuses) costs seconds; a request filters and pages them. So the threads built are kept, per
service, with the store's ledger generation (``Store.ledger_generation``: every write the ledger reads or
its threads show, done marks and a cited document's title or outlet included, changes it, whichever process
wrote) and the day statuses are computed for: a request whose store reports the same generation for the same
day filters the kept threads, and only the threads of its page are turned into JSON with their citations. Each kept thread carries what the filters read (party,
actor, topics, due date, status with the marks applied, latest entry's date), the ``names`` id of its actor
(what ``who`` compares, computed once per actor) and the keys of its entries (what a mark is found by).
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..reconcile import archive, ledger
from . import marks
from .names import name_of


@dataclass(frozen=True)
class Row:
    """One thread as the filters read it."""
    shown: ledger.Shown
    status: str                  # the thread's status with the marks applied
    who: str                     # the ``names`` id of its actor, else the actor as written
    keys: tuple[str, ...]        # its entries' keys (marks.entry_key)

    def kept(self, *, actor=None, topic=None, due_before=None, status=None, since=None, who=None) -> bool:
        t = self.shown.thread
        return (not who or self.who == who) and ledger.kept(
            t.party, t.actor, t.topics, t.due, self.status, t.entries[-1].event_date if t.entries else None,
            actor=actor, topic=topic, due_before=due_before, status=status, since=since)


@dataclass(frozen=True)
class Listing:
    """Every thread of the ledger at one generation and day, in the ledger's order, and the JSON objects of the
    threads served so far (with citations, marks and names: :meth:`shown`)."""
    generation: int
    today: dt.date
    rows: tuple[Row, ...]
    by_key: dict[str, int]       # an entry's key -> the index of its thread
    rendered: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    RENDERED = 2000              # threads whose JSON is kept (the first pages asked for)

    def shown(self, rows: list[Row], render: Callable[[list[ledger.Shown]], list[bytes]]) -> list[bytes]:
        """The JSON of these threads: as served before at this generation and day, the others made by
        ``render`` (one call for all of them) and kept, up to ``RENDERED`` threads. (What a thread's JSON
        holds changes only with the generation: entries, citations, marks, and a cited source's title and
        outlet, which :meth:`Store.restore_document` changes with a bump.)"""
        missing = [r for r in rows if r.shown.thread.id not in self.rendered]
        made = dict(zip((r.shown.thread.id for r in missing), render([r.shown for r in missing]))) if missing else {}
        for thread_id, text in made.items():
            if len(self.rendered) < self.RENDERED:
                self.rendered[thread_id] = text
        return [self.rendered.get(r.shown.thread.id) or made[r.shown.thread.id] for r in rows]

    def marked(self, key: str, generation: int) -> Listing:
        """This listing after a mark of the entry ``key`` (the only write since: ``generation`` is this one's
        plus one): the threads with that entry read ``marked done``, and their JSON is made again."""
        rows = [replace(r, status="marked done") if key in r.keys else r for r in self.rows]
        changed = {r.shown.thread.id for r in rows if key in r.keys}
        kept = {t: text for t, text in self.rendered.items() if t not in changed}
        return Listing(generation, self.today, tuple(rows), self.by_key, kept)

    def select(self, **filters) -> list[Row]:
        """The rows kept by the filters of :meth:`Row.kept`."""
        if not any(filters.values()):
            return list(self.rows)
        return [r for r in self.rows if r.kept(**filters)]

    def find(self, key: str) -> Row | None:
        """The thread with an entry of this key."""
        i = self.by_key.get(key)
        return None if i is None else self.rows[i]

    def parties(self) -> list[dict]:
        """Each party that acts in a thread (the ``who`` values), most threads first: its id, its names in
        Japanese and English (the actor as written when the data lacks it) and how many threads it has."""
        count: dict[str, int] = {}
        actor_of: dict[str, str | None] = {}
        for r in self.rows:
            count[r.who] = count.get(r.who, 0) + 1
            actor_of.setdefault(r.who, r.shown.thread.actor)
        out = []
        for who, n in count.items():
            known = name_of(actor_of[who] or "")
            written = actor_of[who] or ""
            out.append({"id": who, "ja": known["ja"] if known else written, "en": known["en"] if known else written,
                        "threads": n})
        return sorted(out, key=lambda p: (-p["threads"], p["en"], p["id"]))


def party_of(actor: str | None) -> str:
    """The ``names`` id of an actor (trump, country:JP), else the actor as written (what ``who`` is compared with)."""
    known = name_of(actor or "")
    return known["id"] if known else (actor or "")


def build(store, today: dt.date, generation: int) -> Listing:
    """The listing of the store's ledger (brought up to date by the caller) as of ``today``."""
    marked = store.done_marks()
    rows, by_key = [], {}
    for i, shown in enumerate(archive.stored_threads(store, today)):
        t = shown.thread
        keys = tuple(marks.key_of(e.event, e.text) for e in t.entries)
        status = "marked done" if any(k in marked for k in keys) else t.status
        rows.append(Row(shown, status, party_of(t.actor), keys))
        for k in keys:
            by_key.setdefault(k, i)
    return Listing(generation, today, tuple(rows), by_key)


class Listings:
    """The listings a service keeps (one store), one per day asked for (the server's date, and ``today`` values
    of API clients: at most ``DAYS`` of them), all of the store's current generation.

    A request whose store reports the generation of the kept listing is served from it without bringing the
    ledger up to date first (``archive.refresh_ledger`` reads every event and every document's facts: 0.1 s
    at 100,000 documents): every write that changes what the ledger reads changes the generation. What the
    refresh would still find without a write, a record a stopped writer left unmerged, is merged at the
    first request ``RECHECK_SECONDS`` after the last refresh."""

    DAYS = 3
    RECHECK_SECONDS = 10.0

    def __init__(self, clock=time.monotonic) -> None:
        self._lock = threading.Lock()
        self._kept: dict[dt.date, Listing] = {}
        self._clock = clock
        self._checked = -float("inf")

    def get(self, store, today: dt.date) -> Listing:
        kept = self._kept.get(today)
        if kept is not None and self._clock() - self._checked < self.RECHECK_SECONDS \
                and kept.generation == store.ledger_generation():
            return kept
        with self._lock:                         # one build at a time; a request waiting for it reuses it
            archive.refresh_ledger(store)
            self._checked = self._clock()
            generation = store.ledger_generation()   # read before the rows: a write after it changes it again
            kept = self._kept.get(today)
            if kept is not None and kept.generation == generation:
                return kept
            listing = build(store, today, generation)
            days = {d: k for d, k in self._kept.items() if k.generation == generation and d != today}
            while len(days) >= self.DAYS:
                days.pop(next(iter(days)))
            self._kept = {**days, today: listing}
            return listing

    def mark_done(self, store, key: str, done_by: str, citation: dict) -> None:
        """Store a mark of the entry ``key`` and carry the kept listings over to it, when it was the only write
        since they were built (else the next request builds them again)."""
        with self._lock:
            before = store.ledger_generation()
            store.mark_done(key, done_by, citation)
            after = store.ledger_generation()
            self._kept = {d: k.marked(key, after) for d, k in self._kept.items()
                          if k.generation == before == after - 1 and key in k.by_key}
