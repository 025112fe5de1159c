"""The commitment ledger: promises followed from the summit where they were made to later ones.

Commitments of different events are one *thread* when they are the same promise carried on: the same
party (a leader stands for the country), in the same bilateral relationship (the events' countries), and
the same subject — the same fact by :func:`match.same_fact`,
or a shared topic other than "other" with amounts in the same unit (the February 2025 aim of
$1 trillion of investment in the US and the October 2025 $550 billion), or enough shared concepts.

Each entry gets a due date where a deadline is known (FY2025 → 2026-03-31; within_days:180 → counted
from its event's date) and each thread a status as of a given day (the clock is a parameter):
``reported done`` only with a citation that says so (a later fact of the thread with 達成 / 実現した /
completed …), else ``overdue`` past the due date when no later event took the promise up again, ``due soon``
within ``DUE_SOON_DAYS``, else ``open``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from ..normalize import due_date
from ..records import Amount, LedgerEntry, LedgerThread, SourceCitation
from ..text import norm
from .bilingual import SPECIFIC, Profile, Unit, profile
from .match import _same_amount, concepts_of, party, same_fact, text_score

DUE_SOON_DAYS = 90
DONE = re.compile(r"達成(?:した|しました|され)|実現(?:した|しました|され)|完了(?:した|しました)|履行(?:した|しました|され)|"
                  r"\b(?:achieved|completed|fulfilled|met its|delivered on)\b", re.I)
GENERIC = {"alliance", "investment", "cooperation", "security_environment", "indo_pacific"}


def _related(a: dict, b: dict) -> bool:
    if party(a.get("actor")) != party(b.get("actor")):
        return False
    if same_fact("commitments", a, b):
        return True
    shared_topics = (set(a.get("topics") or []) & set(b.get("topics") or [])) - {"other"}
    amounts = a.get("amount") and b.get("amount") and a["amount"]["unit"] == b["amount"]["unit"]
    if shared_topics and amounts:
        return True
    ca, cb = concepts_of(a.get("text", "")), concepts_of(b.get("text", ""))
    specific = (ca & cb) - GENERIC
    return bool(shared_topics) and len(specific) >= 1 and len(ca & cb) >= 2


def _amount(a: dict | None) -> Amount | None:
    return Amount(float(a["value"]), a["unit"], a.get("qualifier")) if a else None


def _as_fact(e: LedgerEntry) -> dict:
    return {"actor": e.actor, "text": e.text or "", "topics": list(e.topics),
            "amount": e.amount.to_dict() if e.amount else None}


# What the store keeps of each merged commitment beside its fields, so that the ledger never reads a text
# again: its wording's profile (language, normalised text, content units) and concepts, the inputs of
# :func:`_related`. Written with the event record (:func:`stored_commitments`), read by :func:`threads_of_rows`.

def _match_of(text: str) -> dict:
    p = profile(text)
    return {"lang": p.lang, "norm": p.norm,
            "units": [_unit_of(u) for u in p.units],
            "concepts": sorted(concepts_of(text))}


def _unit_of(u: Unit) -> list:
    """A unit as stored: keys, weight, primary, then (when any) its gloss phrases and what makes it a
    compound or a modified word (:class:`bilingual.Unit`'s ``head_word``, ``head``, ``weak``, ``bare``)."""
    out: list = [sorted(u.keys), u.weight, u.primary]
    compound = {k: v for k, v in (("head_word", u.head_word), ("head", sorted(u.head)), ("weak", sorted(u.weak)))
                if v}
    if not u.bare:
        compound["bare"] = False
    if u.phrases or compound:
        out.append([sorted(x) for x in u.phrases])
    if compound:
        out.append(compound)
    return out


def match_json(text: str) -> str:
    """The stored match of a wording (its ``event_commitments.match``), as JSON."""
    return json.dumps(_match_of(text), ensure_ascii=False)


def _fingerprint() -> str:
    """What stored profiles and links depend on: the matching code, its data and the dictionaries it reads
    (a release that changes any of them makes the stored ones stale, whatever MERGE_VERSION says)."""
    import hashlib
    from importlib import metadata
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha1()
    for rel in ("reconcile/ledger.py", "reconcile/match.py", "reconcile/bilingual.py", "text.py", "people.py",
                "nlp/ja.py", "data/concepts.json", "data/people.json"):
        try:
            h.update(rel.encode() + b"\0" + (root / rel).read_bytes())
        except OSError:
            h.update(rel.encode() + b"\0-")
    for package in ("SudachiPy", "SudachiDict-core", "jamdict", "jamdict-data", "pykakasi"):
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{package}={version}\0".encode())
    return "kaidan.ledger.m1:" + h.hexdigest()[:16]


MATCHER = _fingerprint()


def _block_key(party_: str | None, countries, topic: str) -> str:
    return json.dumps([party_, countries, topic], ensure_ascii=False)


def _topics_of(topics) -> set[str]:
    return (set(topics) - {"other"}) or {"other"}


def blocks_of_row(row: tuple) -> list[str]:
    """The blocks of a stored commitment row (event id, version, position, event date, countries, actor, text,
    key, amount, unit, qualifier, deadline, topics JSON, ...): one per topic."""
    p = party(row[5])
    return [_block_key(p, row[4], topic) for topic in sorted(_topics_of(json.loads(row[12])))]


NEW = -1   # the link position of a block member not linked yet (a new commitment, or one whose head went)


def block_links(block: str, before: list[tuple], after: list[tuple]) -> list[tuple[int, str | None, int | None]]:
    """The links that change in a block from its first changed day on, as (index in ``after``, event id,
    position) of the head each continues (None, None: it heads a thread).

    ``before`` are the block's heads before that day, ``after`` every member from it on, as (event date, event
    id, position, actor, text, amount, unit, qualifier, topics JSON, match JSON, linked event, linked position)
    in the ledger's order; a member not linked yet has the position :data:`NEW`. The result is what
    :func:`_threads` chooses for the block, found without comparing every member again: a member keeps its
    link while that head still heads a thread and no head added before it continues it (heads added are few);
    only a new member, or one whose head went, is compared with every head through :class:`_Heads`. Once no
    head was added or lost and no new member is left, the rest of the block is as it was."""
    topic = json.loads(block)[2]
    heads_rows = list(before)                              # the current heads so far, in order
    head_keys = {(r[1], r[2]): (r[0], r[1], r[2]) for r in before}   # each current head's place in the order
    index: list = []                                       # [_Heads, [(event, pos, match)]] once needed
    added: list[tuple[tuple, str, int, _Match]] = []       # heads that were not heads before, in order
    lost = False                                           # a former head now continues another
    pending = sum(1 for r in after if r[11] == NEW)
    out: list[tuple[int, str | None, int | None]] = []

    def match(r):
        return _decoded(*r[3:10])

    def indexed():
        if not index:
            heads, items = _Heads(topic), []
            for r in heads_rows:
                m = r[-1] if isinstance(r[-1], _Match) else match(r)
                heads.add(len(items), m)
                items.append((r[1], r[2], m))
            index.extend([heads, items])
        return index

    for k, r in enumerate(after):
        fresh = r[11] == NEW
        if not fresh and not added and not lost and not pending:
            break                                          # nothing before this member changed
        old = (r[10], r[11]) if not fresh else None
        m = None
        if fresh or (old[0] is not None and old not in head_keys):
            m = match(r)
            heads, items = indexed()
            new = (None, None)
            for j in heads.candidates(m):
                if items[j][0] != r[1] and _related_m(m, items[j][2]):
                    new = items[j][:2]
                    break
            pending -= fresh
        else:
            new = old
            limit = (r[0], r[1], r[2]) if old[0] is None else head_keys[old]   # only heads before its own
            for at, event, pos, hm in added:
                if at >= limit:
                    break
                m = m or match(r)
                if event != r[1] and _related_m(m, hm):
                    new = (event, pos)
                    break
        if new != old:
            out.append((k, *new))
        if new[0] is None:                                 # a head now
            m = m or match(r)
            head_keys[(r[1], r[2])] = (r[0], r[1], r[2])
            heads_rows.append((*r[:3], m))
            if index:
                index[0].add(len(index[1]), m)
                index[1].append((r[1], r[2], m))
            if old is None or old[0] is not None:
                added.append(((r[0], r[1], r[2]), r[1], r[2], m))
        elif old is not None and old[0] is None:
            lost = True
    return out


# Decoded stored matches, kept for the process: an ingest relinks the same blocks batch after batch, and
# decoding a block's heads again each time would cost more than comparing. Bounded like the profile caches.
_UNITS: dict = {}


@lru_cache(maxsize=65536)
def _decoded(actor, text, value, unit, qualifier, topics, match) -> _Match:
    """The _Match of a stored row's (actor, text, amount, unit, qualifier, topics JSON, match JSON)."""
    if len(_UNITS) > 200_000:
        _UNITS.clear()
    amount = Amount(float(value), unit, qualifier) if unit is not None else None
    m = json.loads(match)
    fact = {"actor": actor, "text": text or "", "topics": json.loads(topics),
            "amount": amount.to_dict() if amount else None}
    return _Match(_party(actor), _profile_of(m, _UNITS), frozenset(m["concepts"]), fact)


@lru_cache(maxsize=4096)
def _party(actor):
    return party(actor)


def _profile_of(match: dict, units_seen: dict | None = None) -> Profile:
    """The Profile a stored match holds. ``units_seen`` shares one Unit among the entries using the same word
    (a ledger reads tens of thousands of wordings made of a few thousand words)."""
    seen = units_seen if units_seen is not None else {}
    units = []
    for keys, weight, primary, *rest in match["units"]:
        phrases = tuple(frozenset(x) for x in rest[0]) if rest else ()
        compound = rest[1] if len(rest) > 1 else {}
        key = (primary, weight, *keys, *phrases, json.dumps(compound, sort_keys=True) if compound else "")
        unit = seen.get(key)
        if unit is None:
            unit = seen[key] = Unit(frozenset(keys), weight, primary, phrases, compound.get("head_word", ""),
                                    frozenset(compound.get("head", ())), frozenset(compound.get("weak", ())),
                                    compound.get("bare", True))
        units.append(unit)
    return Profile(match["lang"], match["norm"], tuple(units), frozenset(k for u in units for k in u.keys),
                   sum(u.weight for u in units))


def stored_commitments(record: dict) -> list[tuple]:
    """The rows the store keeps of an event record's merged commitments, in the record's order: (position,
    event date, countries, actor, text, normalised text, amount value, unit, qualifier, deadline, topics JSON,
    support, citations JSON, match JSON, :data:`MATCHER`)."""
    rows = []
    for pos, c in enumerate(record.get("commitments") or []):
        a = c.get("amount")
        text = c.get("text")
        rows.append((pos, record["date_start"], record.get("countries"), c.get("actor"), text, norm(text or ""),
                     float(a["value"]) if a else None, a["unit"] if a else None, a.get("qualifier") if a else None,
                     c.get("deadline"), json.dumps(c.get("topics") or [], ensure_ascii=False), c.get("support", 1),
                     json.dumps(c.get("citations") or [], ensure_ascii=False),
                     match_json(text or ""), MATCHER))
    return rows


def stored_conflicts(record: dict) -> list[tuple]:
    """The rows the store keeps of an event record's conflicts: (position, conflict JSON)."""
    return [(pos, json.dumps(c, ensure_ascii=False)) for pos, c in enumerate(record.get("conflicts") or [])]


@dataclass(frozen=True)
class _Match:
    """What :func:`_related` reads of one entry, computed once per entry."""
    party: str | None
    profile: Profile
    concepts: frozenset[str]
    fact: dict


def _entry(event: str, date: str, countries, c: dict) -> LedgerEntry:
    due = None
    if c.get("deadline"):
        try:
            due = due_date(c["deadline"], dt.date.fromisoformat(date))
        except (ValueError, TypeError):
            due = None
    return LedgerEntry(event, date, countries, c.get("actor"), c.get("text"), _amount(c.get("amount")),
                       c.get("deadline"), due.isoformat() if due else None, tuple(c.get("topics") or ()),
                       c.get("support", 1), tuple(SourceCitation.from_dict(x) for x in c.get("citations") or []))


def threads(events: list[dict], today: dt.date) -> list[LedgerThread]:
    """Threads of commitments across event records (from :func:`merge.merge_event`), as frozen records."""
    entries = []
    for ev in sorted(events, key=lambda e: e["date_start"]):
        for c in ev.get("commitments") or []:
            e = _entry(ev["id"], ev["date_start"], ev.get("countries"), c)
            text = e.text or ""
            entries.append((e, _Match(party(e.actor), profile(text), concepts_of(text), _as_fact(e))))
    return _threads(entries, today)


def threads_of_rows(rows: Iterable[tuple], today: dt.date) -> list[LedgerThread]:
    """:func:`threads` from the store's commitment rows (``Store.ledger_rows``: event id, event date,
    countries, actor, text, amount value, unit, qualifier, deadline, topics JSON, support, citations JSON,
    match JSON; in event date order), without reading any event record."""
    entries = []
    parties: dict = {}
    units: dict = {}
    for event, date, countries, actor, text, value, unit, qualifier, deadline, topics, support, cites, match in rows:
        amount = {"value": value, "unit": unit, **({"qualifier": qualifier} if qualifier else {})} \
            if unit is not None else None
        c = {"actor": actor, "text": text, "amount": amount, "deadline": deadline, "topics": json.loads(topics),
             "support": support, "citations": json.loads(cites)}
        e = _entry(event, date, countries, c)
        m = json.loads(match)
        if actor not in parties:
            parties[actor] = party(actor)
        entries.append((e, _Match(parties[actor], _profile_of(m, units), frozenset(m["concepts"]), _as_fact(e))))
    return _threads(entries, today)


def _related_m(a: _Match, b: _Match) -> bool:
    """:func:`_related` on precomputed matches (the same tests in the same order)."""
    if a.party != b.party:
        return False
    if text_score(a.profile, b.profile, _same_amount(a.fact.get("amount"), b.fact.get("amount"))):
        return True
    shared_topics = (set(a.fact["topics"]) & set(b.fact["topics"])) - {"other"}
    amounts = a.fact.get("amount") and b.fact.get("amount") and a.fact["amount"]["unit"] == b.fact["amount"]["unit"]
    if shared_topics and amounts:
        return True
    ca, cb = a.concepts, b.concepts
    specific = (ca & cb) - GENERIC
    return bool(shared_topics) and len(specific) >= 1 and len(ca & cb) >= 2


class _Heads:
    """The first entries of a block's threads so far, indexed so that an entry is compared only with the heads
    :func:`_related` could accept. A head passes :func:`text_score` only if its wording contains this one or
    is contained in it (for a head this wording contains: the head's first three characters occur in it), or
    if it has two of this wording's
    specific units (one when both carry an amount in the same unit); in a block of a real topic, also a head
    with an amount in the same unit, or one sharing two concepts of which one is specific. Every other head
    fails each of _related's tests, so the first related head among these candidates is the first related
    head of all: the threads are those of comparing with every head in order."""

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self.by_key: dict[str, list[int]] = {}
        self.by_start: dict[str, list[int]] = {}
        self.long: list[tuple[int, str, str]] = []      # (head, language, normalised text) of 6 characters or more
        self.by_unit: dict[str, int] = {}
        self.unit_of: dict[int, str] = {}
        self.by_concept: dict[str, list[int]] = {}

    def candidates(self, m: _Match) -> list[int]:
        out: set[int] = set()
        amount = m.fact.get("amount")
        unit = amount["unit"] if amount else None
        hits: dict[int, int] = {}
        for u in m.profile.units:                      # specific_shared(this, head), for every head at once
            if u.weight >= SPECIFIC:
                met: set[int] = set()
                for k in u.keys:
                    met.update(self.by_key.get(k, ()))
                for j in met:       # as many words as the unit may stand for (bilingual.credit)
                    hits[j] = hits.get(j, 0) + u.most
        for j, n in hits.items():
            if n >= 2 or (unit is not None and self.unit_of.get(j) == unit):
                out.add(j)
        n = m.profile.norm
        if len(n) >= 6:
            for g in {n[k:k + 3] for k in range(len(n) - 2)}:
                out.update(self.by_start.get(g, ()))       # heads this wording may contain
            lang = m.profile.lang
            out.update(j for j, other_lang, other in self.long if other_lang == lang and n in other)
        if self.topic != "other":
            if unit in self.by_unit:
                out.add(self.by_unit[unit])
            shared: dict[int, int] = {}
            specific: set[int] = set()
            for c in m.concepts:
                for j in self.by_concept.get(c, ()):
                    shared[j] = shared.get(j, 0) + 1
                    if c not in GENERIC:
                        specific.add(j)
            out.update(j for j in specific if shared[j] >= 2)
        return sorted(out)

    def add(self, i: int, m: _Match) -> None:
        for k in m.profile.keys:
            self.by_key.setdefault(k, []).append(i)
        n = m.profile.norm
        if len(n) >= 6:
            self.by_start.setdefault(n[:3], []).append(i)
            self.long.append((i, m.profile.lang, n))
        amount = m.fact.get("amount")
        if amount:
            self.by_unit.setdefault(amount["unit"], i)
            self.unit_of[i] = amount["unit"]
        for c in m.concepts:
            self.by_concept.setdefault(c, []).append(i)


def _root(parent: list[int], i: int) -> int:
    """The root of ``i`` in the union-find forest ``parent`` (halving the path on the way)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _threads(items: list[tuple[LedgerEntry, _Match]], today: dt.date) -> list[LedgerThread]:
    entries = [e for e, _ in items]
    matches = [m for _, m in items]
    parent = list(range(len(entries)))
    find = partial(_root, parent)

    # Only commitments of the same party, in the same bilateral relationship (the event's countries) and
    # sharing a topic can be one promise: compare within those blocks, not every pair of the archive.
    blocks: dict[tuple, list[int]] = {}
    for i, e in enumerate(entries):
        for topic in _topics_of(e.topics):
            blocks.setdefault((matches[i].party, e.countries, topic), []).append(i)
    # Within a block an entry is compared with the first entry of each thread so far (not with every
    # entry), and only with the heads that could match (see _Heads), so the work grows with the entries
    # and the heads that share words with them. A block's index is dropped once the block is done.
    for (_party, _countries, topic), members in blocks.items():
        heads = _Heads(topic)
        for i in members:
            for j in heads.candidates(matches[i]):
                if entries[i].event != entries[j].event and _related_m(matches[i], matches[j]):
                    parent[find(i)] = find(j)
                    break
            else:
                heads.add(i, matches[i])
    return [t for t, _ in _assemble(entries, find, today)]


def _assemble(entries: list[LedgerEntry], find: Callable[[int], int], today: dt.date) \
        -> list[tuple[LedgerThread, list[int]]]:
    """The threads of entries (in the ledger's order) joined by ``find`` (each entry's thread root), oldest due
    first and numbered, each with the indices of its entries."""
    groups: dict[int, list[int]] = {}
    for i in range(len(entries)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        members.sort(key=lambda i: entries[i].event_date)
        out.append((_thread(f"{entries[members[0]].event}#{len(out) + 1}", [entries[i] for i in members], today),
                    members))
    out.sort(key=lambda t: (t[0].due or "9999", t[0].entries[0].event_date))
    return [(replace(t, id=f"C{n:04d}"), members) for n, (t, members) in enumerate(out, 1)]


def _thread(thread_id: str, members: list[LedgerEntry], today: dt.date) -> LedgerThread:
    first, last = members[0], members[-1]
    dues = [m.due for m in members if m.due]
    t = LedgerThread(thread_id, first.actor, party(first.actor),
                     tuple(sorted({x for m in members for x in m.topics} - {"other"}) or ["other"]),
                     last.text, last.amount, dues[-1] if dues else None,
                     tuple(sorted({m.event for m in members})), tuple(members), "open")
    return replace(t, **_status(t, today))


# The ledger from stored links (see kaidan.store.links): the store's light rows (no citations) joined by the
# links kept per block, so that a ledger of 100,000 documents compares no wording when it is read. Citations
# are read afterwards for the threads shown only (:func:`with_citations`).

@dataclass(frozen=True)
class Shown:
    """A thread of the stored ledger before its citations are read: the thread (entries without citations)
    and the (event id, position) of each entry."""
    thread: LedgerThread
    keys: tuple[tuple[str, int], ...]


def threads_of_links(rows: Iterable[tuple], links: Iterable[tuple], today: dt.date) -> list[Shown]:
    """The ledger's threads from the store's light commitment rows (``Store.ledger_entries``: event id,
    position, event date, countries, actor, text, amount value, unit, qualifier, deadline, topics JSON,
    support; in the ledger's order) and its stored links (``Store.ledger_links``: event id, position, linked
    event id, linked position): the threads :func:`threads_of_rows` computes, entries without citations."""
    entries: list[LedgerEntry] = []
    keys: list[tuple[str, int]] = []
    for event, pos, date, countries, actor, text, value, unit, qualifier, deadline, topics, support in rows:
        amount = {"value": value, "unit": unit, **({"qualifier": qualifier} if qualifier else {})} \
            if unit is not None else None
        entries.append(_entry(event, date, countries, {"actor": actor, "text": text, "amount": amount,
                                                        "deadline": deadline, "topics": json.loads(topics),
                                                        "support": support}))
        keys.append((event, pos))
    index = {k: i for i, k in enumerate(keys)}
    parent = list(range(len(entries)))
    find = partial(_root, parent)

    for event, pos, link_event, link_pos in links:
        i, j = index.get((event, pos)), index.get((link_event, link_pos))
        if i is not None and j is not None:
            parent[find(i)] = find(j)
    return [Shown(t, tuple(keys[i] for i in members)) for t, members in _assemble(entries, find, today)]


def with_citations(shown: Shown, citations: dict[tuple[str, int], str], today: dt.date) -> LedgerThread:
    """A thread of :func:`threads_of_links` with its entries' citations (JSON, by (event id, position))."""
    entries = tuple(replace(e, citations=tuple(SourceCitation.from_dict(x) for x in json.loads(citations.get(k)
                                                                                               or "[]")))
                    for e, k in zip(shown.thread.entries, shown.keys))
    t = replace(shown.thread, entries=entries, done_citation=None)
    return replace(t, **_status(t, today))


def build(events: list[dict], today: dt.date) -> list[dict]:
    """:func:`threads` as JSON objects (what ``kaidan commitments --json`` prints), oldest due first."""
    return [t.to_dict() for t in threads(events, today)]


def build_from_rows(rows: Iterable[tuple], today: dt.date) -> list[dict]:
    """:func:`threads_of_rows` as JSON objects (the same as :func:`build` of the records the rows came from)."""
    return [t.to_dict() for t in threads_of_rows(rows, today)]


def _status(thread: LedgerThread, today: dt.date) -> dict:
    entries = thread.entries
    for m in entries[1:] + entries[:1]:
        if DONE.search(m.text or ""):
            return {"status": "reported done", "done_citation": m.citations[0] if m.citations else None}
    due = thread.due
    if not due:
        return {"status": "open"}
    d = dt.date.fromisoformat(due)
    if d < today:
        # a deadline past is overdue only while nothing was said of the promise after it: a later summit
        # that takes it up again (without a new deadline) leaves it open, not known to be missed
        return {"status": "open" if any(m.event_date > due for m in entries) else "overdue"}
    if (d - today).days <= DUE_SOON_DAYS:
        return {"status": "due soon"}
    return {"status": "open"}


def select(threads: list[dict], *, actor: str | None = None, topic: str | None = None,
           due_before: str | None = None, status: str | None = None, since: str | None = None) -> list[dict]:
    """Thread objects kept by the filters: ``actor`` a party (a country, or a leader standing for it) or words
    of the actor, ``topic``, due on or before ``due_before``, ``status``, an entry on or after ``since``."""
    return [t for t in threads if kept(t["party"], t["actor"], t["topics"], t["due"], t["status"],
                                       t["entries"][-1]["event_date"] if t["entries"] else None,
                                       actor=actor, topic=topic, due_before=due_before, status=status, since=since)]


def kept(party_: str | None, actor_: str | None, topics, due: str | None, status_: str, last: str | None, *,
         actor: str | None = None, topic: str | None = None, due_before: str | None = None,
         status: str | None = None, since: str | None = None) -> bool:
    """Whether a thread (its party, actor, topics, due date, status and latest entry's date) passes the filters
    of :func:`select`."""
    if actor and party(actor) != party_ and actor.lower() not in (actor_ or "").lower():
        return False
    if topic and topic not in topics:
        return False
    if due_before and not (due and due <= due_before):
        return False
    if status and status_ != status:
        return False
    if since and not (last and last >= since):
        return False
    return True


def thread_kept(t: LedgerThread, **filters) -> bool:
    """:func:`kept` of a thread record."""
    return kept(t.party, t.actor, t.topics, t.due, t.status, t.entries[-1].event_date if t.entries else None,
                **filters)
