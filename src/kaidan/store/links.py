"""The commitment ledger's thread links, kept in the store and recomputed block by block (both backends).

The ledger (:mod:`kaidan.reconcile.ledger`) compares a commitment only with the commitments of its *block*:
the same party, relationship (the event's countries) and topic. Within a block each commitment, in event
date order, either starts a thread (a *head*) or links to the first earlier head it continues, and that
choice depends only on the block's earlier commitments. So the store keeps, per block, every member with its
link (``ledger_links``), and when an event's record is written or dropped it notes the blocks it touched
from that event's date on (``ledger_dirty``); :func:`relink` then recomputes only those blocks, and in each
only the members from that date on (the heads before it are read back as they were), comparing again only
the members a change can reach (see :func:`kaidan.reconcile.ledger.block_links`). Reading the ledger is then
a union of stored links, with no wording compared.

Every change of what the ledger reads or shows (a record's commitment rows entered or dropped, links
recomputed, a done mark, a stored document's title, outlet or other columns rewritten) adds one to ``ledger_state.generation`` in the same transaction (:func:`bump`): a reader that
built the threads at one generation may serve them again while :func:`generation` gives the same number.

A stored wording profile (``event_commitments.match``) and the links depend on the matching code and data
(:data:`kaidan.reconcile.ledger.MATCHER`); rows written by another matcher are *stale*: :func:`refresh`
computes their profiles again from their stored text and relinks every block of the version.

The functions take a :class:`Sql` of the caller's open transaction: statements are written with ``?``
placeholders and the PostgreSQL store translates them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Sql:
    """How to run statements in the caller's transaction: ``rows(sql, params)`` returns every row,
    ``run(sql, params)`` runs a statement, ``many(sql, seq)`` runs one statement for each parameter tuple,
    ``least`` is the SQL function of the smaller of two values (``min`` in SQLite, ``least`` in PostgreSQL),
    ``lock()`` makes the transaction the only one changing links until it ends (PostgreSQL's writers run at
    once; SQLite's already take turns)."""
    rows: Callable[[str, tuple], list[tuple]]
    run: Callable[[str, tuple], None]
    many: Callable[[str, list[tuple]], None]
    least: str
    lock: Callable[[], None]


_MARK = ("INSERT INTO ledger_dirty (version, block, since) VALUES (?, ?, ?) ON CONFLICT (version, block) "
         "DO UPDATE SET since = {least}(ledger_dirty.since, excluded.since)")
_MEMBER = ("INSERT INTO ledger_links (version, block, event_date, event_id, pos, link_pos) "
           "VALUES (?, ?, ?, ?, ?, -1)")   # not linked yet (kaidan.reconcile.ledger.NEW)
# a block's heads before the first changed day, and every member from it on, in the ledger's order
_BLOCK = ("SELECT l.event_date, l.event_id, l.pos, c.actor, c.text, c.amount, c.unit, c.qualifier, c.topics, c.match, "
          "l.link_event, l.link_pos "
          "FROM ledger_links l JOIN event_commitments c ON c.event_id = l.event_id AND c.pos = l.pos "
          "WHERE l.version = ? AND l.block = ? AND (l.event_date >= ? OR l.link_event IS NULL) "
          "ORDER BY l.event_date, l.event_id, l.pos")
_LINK = ("UPDATE ledger_links SET link_event = ?, link_pos = ? "
         "WHERE version = ? AND block = ? AND event_date = ? AND event_id = ? AND pos = ?")


_BUMP = ("INSERT INTO ledger_state (id, generation) VALUES (1, 1) ON CONFLICT (id) "
         "DO UPDATE SET generation = ledger_state.generation + 1")


def bump(sql: Sql) -> None:
    """Note in the caller's transaction that what the ledger reads changed."""
    sql.run(_BUMP, ())


def generation(sql: Sql) -> int:
    """The number :func:`bump` raises (0 before the first change)."""
    rows = sql.rows("SELECT generation FROM ledger_state WHERE id = 1", ())
    return rows[0][0] if rows else 0


def forget(sql: Sql, event_ids: Iterable[str]) -> None:
    """Drop the links of these events' commitments (their record is being replaced or dropped), noting their
    blocks as changed from each event's date on."""
    for event_id in event_ids:
        touched = sql.rows("SELECT version, block, min(event_date) FROM ledger_links WHERE event_id = ? "
                           "GROUP BY version, block", (event_id,))
        if touched:
            sql.lock()
            sql.many(_MARK.format(least=sql.least), touched)
            sql.run("DELETE FROM ledger_links WHERE event_id = ?", (event_id,))
            # what continued a head of this event is to be linked again (to another head, or heads a thread)
            sql.run("UPDATE ledger_links SET link_event = NULL, link_pos = -1 WHERE link_event = ?", (event_id,))
            bump(sql)


def add(sql: Sql, event_id: str, version: str, rows: list[tuple]) -> None:
    """Enter an event's new commitment rows (as :func:`ledger.stored_commitments` makes them, with the event id
    and version first) in their blocks, noting those blocks as changed from the event's date on."""
    from kaidan.reconcile.ledger import blocks_of_row

    members, marks = [], {}
    for row in rows:
        pos, date = row[2], row[3]
        for block in blocks_of_row(row):
            members.append((version, block, date, event_id, pos))
            marks[block] = min(marks.get(block, date), date)
    if members:
        sql.lock()
        sql.many(_MEMBER, members)
        sql.many(_MARK.format(least=sql.least), [(version, b, since) for b, since in marks.items()])
        bump(sql)


def dirty(sql: Sql, version: str) -> bool:
    return bool(sql.rows("SELECT 1 FROM ledger_dirty WHERE version = ? LIMIT 1", (version,)))


def stale(sql: Sql, version: str, matcher: str) -> bool:
    return bool(sql.rows("SELECT 1 FROM event_commitments WHERE version = ? AND matcher <> ? LIMIT 1",
                         (version, matcher)))


def relink(sql: Sql, version: str) -> int:
    """Recompute the links of every changed block of this version (each from its first changed day); the
    number of blocks relinked."""
    from kaidan.reconcile.ledger import block_links

    sql.lock()
    changed = sql.rows("SELECT block, since FROM ledger_dirty WHERE version = ?", (version,))
    for block, since in changed:
        rows = sql.rows(_BLOCK, (version, block, since))
        before = [r for r in rows if r[0] < since]
        after = [r for r in rows if r[0] >= since]
        sql.many(_LINK, [(event, pos, version, block, *after[k][:3])
                         for k, event, pos in block_links(block, before, after)])
    if changed:
        sql.run("DELETE FROM ledger_dirty WHERE version = ?", (version,))
        bump(sql)
    return len(changed)


def rematch(sql: Sql, version: str, matcher: str) -> int:
    """Profiles of the rows another matcher wrote, computed again from their text, and every block of the
    version entered anew (the blocks themselves depend on the matcher: a party is read from the actor); the
    number of rows recomputed."""
    from kaidan.reconcile.ledger import match_json

    sql.lock()
    old = sql.rows("SELECT event_id, pos, text FROM event_commitments WHERE version = ? AND matcher <> ?",
                   (version, matcher))
    sql.many("UPDATE event_commitments SET match = ?, matcher = ? WHERE event_id = ? AND pos = ?",
             [(match_json(text or ""), matcher, event_id, pos) for event_id, pos, text in old])
    sql.run("DELETE FROM ledger_links WHERE version = ?", (version,))
    sql.run("DELETE FROM ledger_dirty WHERE version = ?", (version,))
    bump(sql)
    events = sql.rows("SELECT DISTINCT event_id FROM event_commitments WHERE version = ?", (version,))
    for (event_id,) in events:
        add(sql, event_id, version, sql.rows(
            "SELECT event_id, version, pos, event_date, countries, actor, text, key, amount, unit, qualifier, "
            "deadline, topics FROM event_commitments WHERE event_id = ? AND version = ? ORDER BY pos",
            (event_id, version)))
    return len(old)


def refresh(sql: Sql, version: str, matcher: str) -> None:
    """Make the stored links of this version current: stale rows rematched, changed blocks relinked."""
    if stale(sql, version, matcher):
        rematch(sql, version, matcher)
    relink(sql, version)
