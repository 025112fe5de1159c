"""An analyst's "done" on a ledger promise: who marked it, when, and the citation that shows it.

A thread's number (C0001…) follows the order of due dates and changes as documents arrive, so a mark is
kept against one *entry* of the thread: its event and the promise's words (:func:`entry_key`). A thread is
``marked done`` when any of its entries carries a mark (the newest mark is shown), whatever became of the
thread's number or first entry since; a marked thread is never ``overdue``.
"""
from __future__ import annotations

import hashlib

from ..text import norm


def entry_key(entry: dict) -> str:
    """``EVENT~HASH``: the entry's event and the first ten hex digits of the SHA-1 of its normalised words."""
    return key_of(entry["event"], entry.get("text"))


def key_of(event: str, text: str | None) -> str:
    """:func:`entry_key` of an entry of this event with these words."""
    digest = hashlib.sha1(norm(text or "").encode("utf-8")).hexdigest()[:10]
    return f"{event}~{digest}"


def apply(threads: list[dict], marks: dict[str, dict]) -> list[dict]:
    """Threads with their ``key`` (the first entry's) and, where an entry is marked, ``status: marked done``
    and the mark as ``done``."""
    out = []
    for t in threads:
        keys = [entry_key(e) for e in t.get("entries") or []]
        t = {**t, "key": keys[0] if keys else t["id"]}
        found = [marks[k] for k in keys if k in marks]
        if found:
            t["status"] = "marked done"
            t["done"] = max(found, key=lambda m: m["at"])
        out.append(t)
    return out
