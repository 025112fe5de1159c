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
import re

from dataclasses import replace

from ..normalize import due_date
from ..records import Amount, LedgerEntry, LedgerThread, SourceCitation
from .match import concepts_of, party, same_fact

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


def threads(events: list[dict], today: dt.date) -> list[LedgerThread]:
    """Threads of commitments across event records (from :func:`merge.merge_event`), as frozen records."""
    entries: list[LedgerEntry] = []
    for ev in sorted(events, key=lambda e: e["date_start"]):
        for c in ev.get("commitments") or []:
            due = None
            if c.get("deadline"):
                try:
                    due = due_date(c["deadline"], dt.date.fromisoformat(ev["date_start"]))
                except (ValueError, TypeError):
                    due = None
            entries.append(LedgerEntry(ev["id"], ev["date_start"], ev.get("countries"), c.get("actor"), c.get("text"),
                                       _amount(c.get("amount")), c.get("deadline"),
                                       due.isoformat() if due else None, tuple(c.get("topics") or ()),
                                       c.get("support", 1),
                                       tuple(SourceCitation.from_dict(x) for x in c.get("citations") or [])))
    facts = [_as_fact(e) for e in entries]
    parent = list(range(len(entries)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only commitments of the same party, in the same bilateral relationship (the event's countries) and
    # sharing a topic can be one promise: compare within those blocks, not every pair of the archive.
    blocks: dict[tuple, list[int]] = {}
    for i, e in enumerate(entries):
        for topic in (set(e.topics) - {"other"}) or {"other"}:
            blocks.setdefault((party(e.actor), e.countries, topic), []).append(i)
    # Within a block an entry is compared with the first entry of each thread so far (not with every
    # entry), so the work grows with entries x threads, not entries squared.
    for members in blocks.values():
        heads: list[int] = []
        for i in members:
            for j in heads:
                if entries[i].event != entries[j].event and _related(facts[i], facts[j]):
                    parent[find(i)] = find(j)
                    break
            else:
                heads.append(i)
    groups: dict[int, list[LedgerEntry]] = {}
    for i, e in enumerate(entries):
        groups.setdefault(find(i), []).append(e)
    out = []
    for members in groups.values():
        members.sort(key=lambda e: e.event_date)
        first, last = members[0], members[-1]
        dues = [m.due for m in members if m.due]
        t = LedgerThread(f"{first.event}#{len(out) + 1}", first.actor, party(first.actor),
                         tuple(sorted({x for m in members for x in m.topics} - {"other"}) or ["other"]),
                         last.text, last.amount, dues[-1] if dues else None,
                         tuple(sorted({m.event for m in members})), tuple(members), "open")
        out.append(replace(t, **_status(t, today)))
    out.sort(key=lambda t: (t.due or "9999", t.entries[0].event_date))
    return [replace(t, id=f"C{n:04d}") for n, t in enumerate(out, 1)]


def build(events: list[dict], today: dt.date) -> list[dict]:
    """:func:`threads` as JSON objects (what ``kaidan commitments --json`` prints), oldest due first."""
    return [t.to_dict() for t in threads(events, today)]


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
           due_before: str | None = None, status: str | None = None) -> list[dict]:
    out = []
    for t in threads:
        if actor and party(actor) != t["party"] and actor.lower() not in (t["actor"] or "").lower():
            continue
        if topic and topic not in t["topics"]:
            continue
        if due_before and not (t["due"] and t["due"] <= due_before):
            continue
        if status and t["status"] != status:
            continue
        out.append(t)
    return out
