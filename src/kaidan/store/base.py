"""What both stores run: the statements and the row handling of every method that differs between SQLite and
PostgreSQL only in dialect.

Statements are written once, with ``?`` placeholders; a backend runs them through its hooks (:meth:`SqlStore._rows`,
:meth:`SqlStore._one`, :meth:`SqlStore._pages`, :meth:`SqlStore._stream`, :meth:`SqlStore._write`), which
translate the placeholders where the driver wants others, and fills in its SQL words (the class attributes of
:class:`SqlStore`: the column that keeps the order rows were stored, string and JSON functions, upserts).
What really differs (opening and migrating, full-text search, locks, the SQLite file's read-only mode) stays
in :mod:`kaidan.store.sqlite` and :mod:`kaidan.store.postgres`.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from typing import Any

from kaidan.errors import StoreError
from kaidan.ingest import RawDocument

from . import links

# The insert of one commitment row and of one conflict row.
INSERT_COMMITMENT = ("INSERT INTO event_commitments (event_id, version, pos, event_date, countries, actor, text, key, "
                     "amount, unit, qualifier, deadline, topics, support, citations, match, matcher) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_CONFLICT = "INSERT INTO event_conflicts (event_id, version, pos, conflict) VALUES (?, ?, ?, ?)"
# The ledger's rows, in the order it reads them (an event record's date, then the order of cached records).
SELECT_LEDGER = ("SELECT c.event_id, c.event_date, c.countries, c.actor, c.text, c.amount, c.unit, c.qualifier, "
                 "c.deadline, c.topics, c.support, c.citations, c.match FROM event_commitments c "
                 "JOIN events e ON e.id = c.event_id WHERE c.version = ? "
                 "ORDER BY c.event_date, e.date_start, c.event_id, c.pos")
# The same rows without citations or profiles (what the ledger of stored links reads), and the links.
SELECT_ENTRIES = ("SELECT c.event_id, c.pos, c.event_date, c.countries, c.actor, c.text, c.amount, c.unit, "
                  "c.qualifier, c.deadline, c.topics, c.support FROM event_commitments c "
                  "JOIN events e ON e.id = c.event_id WHERE c.version = ? "
                  "ORDER BY c.event_date, e.date_start, c.event_id, c.pos")
SELECT_LINKS = ("SELECT event_id, pos, link_event, link_pos FROM ledger_links "
                "WHERE version = ? AND link_event IS NOT NULL")
SELECT_CONFLICTS = ("SELECT c.event_id, c.conflict FROM event_conflicts c JOIN events e ON e.id = c.event_id "
                    "WHERE c.version = ? ORDER BY e.date_start, c.event_id, c.pos")

# The documents columns that hold RawDocument's fields, named alike.
DOC_COLUMNS = tuple(field.name for field in fields(RawDocument))
SELECT_DOC = f"SELECT {', '.join('d.' + column for column in DOC_COLUMNS)} FROM documents d"
HEX = frozenset("0123456789abcdef")
FACT_TYPES = ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities")
EVENT_FIELDS = ("id", "countries", "date_start", "date_end", "kind")
RECORD_TABLES = ("event_records", "event_commitments", "event_conflicts")
# Ids per statement of the lookups by a list of ids.
CHUNK = 500


@dataclass(frozen=True)
class EventFilter:
    """The events a search keeps documents of: an event id or its prefix, a country taking part (ISO code),
    and dates (ISO, inclusive) that the event's dates must meet."""
    event: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def event_condition(within: EventFilter, prefix: tuple[str, list]) -> tuple[str, list]:
    """SQL over events ``e`` keeping the events of a filter (``?`` placeholders), and its parameters; ``prefix``
    is the backend's condition and parameters for ``within.event`` (an id prefix)."""
    conds, params = [], []
    if within.event:
        conds.append(prefix[0])
        params += prefix[1]
    if within.date_from:
        conds.append("e.date_end >= ?")
        params.append(within.date_from)
    if within.date_to:
        conds.append("e.date_start <= ?")
        params.append(within.date_to)
    if within.country:   # a lookup of the event's key (a non-correlated IN would list the country's events)
        conds.append("EXISTS (SELECT 1 FROM event_countries ec WHERE ec.country = ? AND ec.event_id = e.id)")
        params.append(within.country.upper())
    return " AND ".join(conds) or "1 = 1", params


def event_countries(event: dict) -> list[str]:
    """The country codes of an event (its ``countries``, joined by '-')."""
    return [c for c in event["countries"].split("-") if c]


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record_rows(event_id: str, version: str, record: dict) -> tuple[list[tuple], list[tuple]]:
    """The commitment and conflict rows of an event record, in the column order of INSERT_COMMITMENT and
    INSERT_CONFLICT (both stores write these)."""
    from kaidan.reconcile.ledger import stored_commitments, stored_conflicts

    return ([(event_id, version, *row) for row in stored_commitments(record)],
            [(event_id, version, *row) for row in stored_conflicts(record)])


def heading(head: str) -> str:
    """The first line of a text that has words in it (not a lone '|' or '▼'), cut to 120 characters."""
    return next((line.strip()[:120] for line in head.splitlines() if sum(ch.isalnum() for ch in line) >= 2), "")


def document(row: tuple) -> RawDocument:
    return RawDocument(**dict(zip(DOC_COLUMNS, row)))


META_FIELDS = ("id", "source", "title", "site", "url", "published", "lang", "content_type")


def metadata(doc: RawDocument) -> dict:
    """What shows a document as a source (:meth:`SqlStore.document_metadata`'s form): its fields but the text,
    and ``heading``, the first line of the text's first 200 characters."""
    return {**{name: getattr(doc, name) for name in META_FIELDS}, "heading": heading(doc.text[:200])}


def marks(n: int) -> str:
    """``n`` placeholders, for an ``IN (...)`` list."""
    return ", ".join("?" * n)


class SqlStore:
    """The methods both stores share. A subclass sets the dialect's words and implements the hooks.

    ``_write(work)`` runs ``work(tx)`` in one transaction, ``tx`` a :class:`links.Sql` of it (``tx.run``
    returns the driver's cursor)."""

    path: str
    readonly: bool
    _clock: Callable[[], str]

    SEQ = "rowid"                 # the column that keeps the order documents and sources were stored
    LEAST, GREATEST = "min", "max"
    LEFT = "substr({0}, 1, {1})"  # the first {1} characters of {0}
    RIGHT = "substr({0}, -{1})"   # the last {1} characters of {0}
    JSON_LENGTH = "json_array_length({0}, '$.{1}')"   # the length of the JSON list under key {1} of {0}
    EVENT_DATE = "json_extract({0}, '$.event.date')"  # a fact record's event date
    JOIN_WORDS = "group_concat({0}, ' ')"             # the values of {0} joined by spaces

    _db: Any                      # the driver's connection

    def close(self) -> None:
        """Close the connection (committed writes are already stored)."""
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # hooks

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        raise NotImplementedError

    def _one(self, sql: str, params: Iterable = ()) -> tuple | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _pages(self, sql: str, params: tuple, key: Callable[[tuple], tuple], after: str) -> Iterator[tuple]:
        """Rows of ``sql`` in its order; ``sql`` has an ``{after}`` slot for ``after``, a condition on the ``key``
        of the last row read (for a backend that reads page by page)."""
        raise NotImplementedError

    def _stream(self, sql: str, params: tuple) -> Iterator[tuple]:
        """Rows of one query, read as they are iterated."""
        raise NotImplementedError

    def _write(self, work: Callable[[links.Sql], Any]) -> Any:
        raise NotImplementedError

    def _reader(self) -> links.Sql:
        """A :class:`links.Sql` that reads outside a transaction."""
        raise NotImplementedError

    def _replace(self, table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
        """The insert of a row of ``table`` that replaces the row with the same ``key``."""
        raise NotImplementedError

    def _insert_ignore(self, table: str, columns: tuple[str, ...], key: tuple[str, ...] = ()) -> str:
        """The insert of a row of ``table`` that writes nothing when a row has the same key."""
        raise NotImplementedError

    def _event_prefix(self, prefix: str) -> tuple[str, tuple]:
        """The condition on events' ``id`` keeping those that start with ``prefix``, and its parameters."""
        raise NotImplementedError

    # documents

    def add_document(self, doc: RawDocument) -> str:
        """Store ``doc``; ``"stored"``, or ``"unchanged"`` when its content is already in.

        Either way the source is recorded for the document and its failure, if
        any, is cleared. Adding the same document from the same source again
        writes nothing.
        """
        return "stored" if self._write(self._add_work(doc)) else "unchanged"

    def _add_work(self, doc: RawDocument) -> Callable[[links.Sql], int]:
        insert_doc = self._insert_ignore("documents", (*DOC_COLUMNS, "added_at"), ("id",))
        insert_source = self._insert_ignore("sources", ("source", "doc_id", "added_at"), ("source", "doc_id"))

        def work(tx: links.Sql) -> int:
            now = self._clock()
            values = [getattr(doc, column) for column in DOC_COLUMNS]
            added = tx.run(insert_doc, (*values, now)).rowcount
            tx.run(insert_source, (doc.source, doc.id, now))
            tx.run("DELETE FROM failures WHERE source = ?", (doc.source,))
            return added

        return work

    def restore_document(self, doc: RawDocument) -> None:
        """Give a stored document the columns of ``doc`` (same text, so same id): the source read first of a
        parallel batch whose later copy a worker happened to store first (kaidan.parallel). A change of what
        names a source (title, outlet, URL, date, language) changes what the ledger's threads show, so it
        raises the ledger's generation in the same transaction (:func:`links.bump`); the same columns write
        nothing."""
        cols = [c for c in DOC_COLUMNS if c not in ("id", "text")]
        values = tuple(getattr(doc, c) for c in cols)

        def work(tx: links.Sql) -> None:
            stored = tx.rows(f"SELECT {', '.join(cols)} FROM documents WHERE id = ?", (doc.id,))
            if stored and tuple(stored[0]) != values:
                tx.run(f"UPDATE documents SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?", (*values, doc.id))
                links.bump(tx)

        self._write(work)

    def get_document(self, key: str) -> RawDocument | None:
        """The document with this id, unique id prefix, or source (latest content read from it).

        Raises StoreError when a prefix matches more than one document.
        """
        row = self._one(f"{SELECT_DOC} WHERE d.id = ?", (key,))
        if row is None and key and set(key) <= HEX:
            rows = self._rows(f"{SELECT_DOC} WHERE {self.LEFT.format('d.id', '?')} = ? LIMIT 2", (len(key), key))
            if len(rows) > 1:
                raise StoreError(f"id prefix {key!r} matches several documents; give more characters")
            row = rows[0] if rows else None
        if row is None:
            row = self._one(f"{SELECT_DOC} JOIN sources s ON s.doc_id = d.id WHERE s.source = ? "
                            f"ORDER BY s.{self.SEQ} DESC LIMIT 1", (key,))
        return document(row) if row else None

    def document_by_name(self, name: str) -> RawDocument | None:
        """The document read from a source whose file name is ``name`` (``readouts/a.txt`` for ``a.txt``).

        Raises StoreError when sources of several documents have that name."""
        if not name:
            return None
        rows = self._rows(
            f"{SELECT_DOC} JOIN sources s ON s.doc_id = d.id WHERE s.source = ? OR "
            f"{self.RIGHT.format('s.source', '?')} IN (?, ?) GROUP BY d.id ORDER BY max(s.{self.SEQ}) DESC LIMIT 2",
            (name, len(name) + 1, "/" + name, "\\" + name))
        if len(rows) > 1:
            raise StoreError(f"{name!r} names several documents; give the path as ingested or the document id")
        return document(rows[0]) if rows else None

    def iter_documents(self) -> Iterator[RawDocument]:
        """Every document, in the order they were stored."""
        sql = (f"SELECT {', '.join('d.' + c for c in DOC_COLUMNS)}, d.{self.SEQ} FROM documents d {{after}} "
               f"ORDER BY d.{self.SEQ}")
        for row in self._pages(sql, (), lambda r: (r[-1],), f"WHERE d.{self.SEQ} > ?"):
            yield document(row[:-1])

    def count_documents(self) -> int:
        return self._one("SELECT count(*) FROM documents")[0]

    def has_document(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def document_text(self, doc_id: str) -> str | None:
        row = self._one("SELECT text FROM documents WHERE id = ?", (doc_id,))
        return row[0] if row else None

    # failures

    def record_failure(self, source: str, error: Exception) -> None:
        """Remember why ``source`` failed (replacing an earlier failure of it)."""
        message = " ".join(str(error).split()) or type(error).__name__
        insert = self._replace("failures", ("source", "error", "code", "message", "failed_at"), ("source",))
        self._write(lambda tx: tx.run(insert, (source, type(error).__name__, getattr(error, "code", None), message,
                                               self._clock())))

    def clear_failure(self, source: str) -> None:
        """Forget the failure of ``source`` (it was ingested after all)."""
        self._write(lambda tx: tx.run("DELETE FROM failures WHERE source = ?", (source,)))

    def failures(self) -> list[dict]:
        """Sources that failed and were not ingested since: source, error, code, message, failed_at."""
        names = ("source", "error", "code", "message", "failed_at")
        rows = self._rows(f"SELECT {', '.join(names)} FROM failures ORDER BY source")
        return [dict(zip(names, row)) for row in rows]

    # facts

    def save_facts(self, doc_id: str, record: dict, extractor_version: str) -> None:
        """Store the fact record of a document (JSON), replacing an older one."""
        self._write(self._facts_work(doc_id, record, extractor_version))

    def _facts_work(self, doc_id: str, record: dict, extractor_version: str) -> Callable[[links.Sql], None]:
        text = json.dumps(record, ensure_ascii=False)
        insert = self._replace("facts", ("doc_id", "extractor_version", "record", "extracted_at"), ("doc_id",))

        def work(tx: links.Sql) -> None:
            if tx.run("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
                raise StoreError(f"no document {doc_id!r} in {self.path}; add the document before its facts")
            tx.run(insert, (doc_id, extractor_version, text, self._clock()))

        return work

    def get_facts(self, doc_id: str) -> dict | None:
        row = self._one("SELECT record FROM facts WHERE doc_id = ?", (doc_id,))
        return json.loads(row[0]) if row else None

    def iter_facts(self) -> Iterator[tuple[str, dict]]:
        """(document id, fact record) pairs, in the order the documents were stored."""
        sql = (f"SELECT f.doc_id, f.record, d.{self.SEQ} FROM facts f JOIN documents d ON d.id = f.doc_id {{after}} "
               f"ORDER BY d.{self.SEQ}")
        for doc_id, record, _seq in self._pages(sql, (), lambda r: (r[2],), f"WHERE d.{self.SEQ} > ?"):
            yield doc_id, json.loads(record)

    def docs_without_facts(self, extractor_version: str) -> list[str]:
        """Ids of documents with no facts from this extractor version, in the order stored."""
        rows = self._rows("SELECT d.id FROM documents d LEFT JOIN facts f ON f.doc_id = d.id "
                          f"WHERE f.doc_id IS NULL OR f.extractor_version != ? ORDER BY d.{self.SEQ}",
                          (extractor_version,))
        return [row[0] for row in rows]

    def docs_without_any_facts(self) -> list[str]:
        """Ids of documents stored without any fact record (a batch killed between the two steps)."""
        return [r[0] for r in self._rows("SELECT d.id FROM documents d WHERE NOT EXISTS "
                                         f"(SELECT 1 FROM facts f WHERE f.doc_id = d.id) ORDER BY d.{self.SEQ}")]

    def unplaced_documents(self) -> list[str]:
        """Ids of documents whose facts give an event date but that are in no event (a batch killed between
        saving the facts and placing the document)."""
        return [r[0] for r in self._rows(   # the record is read only when in no event
            "SELECT f.doc_id FROM facts f WHERE NOT EXISTS (SELECT 1 FROM doc_events de WHERE de.doc_id = f.doc_id) "
            f"AND {self.EVENT_DATE.format('f.record')} IS NOT NULL")]

    def is_indexed(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM search_rows WHERE doc_id = ? LIMIT 1", (doc_id,)) is not None

    def docs_without_search(self, limit: int = 1000) -> list[str]:
        """Ids of documents not indexed for search yet (stored by an older Kaidan), in the order stored."""
        rows = self._rows(
            "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_rows r WHERE r.doc_id = d.id) "
            f"ORDER BY d.{self.SEQ} LIMIT ?", (limit,))
        return [row[0] for row in rows]

    # events

    def events_near(self, countries: str, date_lo: str, date_hi: str) -> list[dict]:
        """Events of these countries whose date range meets [date_lo, date_hi] (an index range scan)."""
        rows = self._rows(
            f"SELECT {', '.join(EVENT_FIELDS)} FROM events "
            "WHERE countries = ? AND date_start <= ? AND date_end >= ? ORDER BY date_start",
            (countries, date_hi, date_lo))
        return [dict(zip(EVENT_FIELDS, r)) for r in rows]

    def put_event(self, event: dict, doc_id: str, main: bool = True) -> None:
        """Create or widen an event and link a document to it, in one transaction."""
        insert_country = self._insert_ignore("event_countries", ("country", "event_id"))
        insert_doc = self._replace("doc_events", ("doc_id", "event_id", "main"), ("doc_id", "event_id"))

        def work(tx: links.Sql) -> None:
            tx.run(f"INSERT INTO events ({', '.join(EVENT_FIELDS)}) VALUES (?, ?, ?, ?, ?) "
                   f"ON CONFLICT (id) DO UPDATE SET date_start = {self.LEAST}(events.date_start, excluded.date_start), "
                   f"date_end = {self.GREATEST}(events.date_end, excluded.date_end), "
                   "kind = coalesce(events.kind, excluded.kind)",
                   (event["id"], event["countries"], event["date_start"], event["date_end"], event.get("kind")))
            tx.many(insert_country, [(c, event["id"]) for c in event_countries(event)])
            tx.run(insert_doc, (doc_id, event["id"], int(main)))
            links.forget(tx, [event["id"]])
            for table in RECORD_TABLES:
                tx.run(f"DELETE FROM {table} WHERE event_id = ?", (event["id"],))

        self._write(work)

    def unlink_document(self, doc_id: str) -> None:
        def work(tx: links.Sql) -> None:
            links.forget(tx, [r[0] for r in tx.rows("SELECT event_id FROM doc_events WHERE doc_id = ?", (doc_id,))])
            for table in RECORD_TABLES:
                tx.run(f"DELETE FROM {table} WHERE event_id IN (SELECT event_id FROM doc_events WHERE doc_id = ?)",
                       (doc_id,))
            tx.run("DELETE FROM doc_events WHERE doc_id = ?", (doc_id,))

        self._write(work)

    def iter_events(self) -> Iterator[dict]:
        rows = self._rows(
            "SELECT e.id, e.countries, e.date_start, e.date_end, e.kind, count(de.doc_id) FROM events e "
            "LEFT JOIN doc_events de ON de.event_id = e.id GROUP BY e.id ORDER BY e.date_start, e.id")
        for r in rows:
            yield dict(zip((*EVENT_FIELDS, "documents"), r))

    def get_event(self, event_id: str) -> dict | None:
        """The event with this id, else the one event whose id starts with it."""
        row = self._one(f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE id = ?", (event_id,))
        if row is None:
            cond, params = self._event_prefix(event_id)
            rows = self._rows(f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE {cond} LIMIT 2", params)
            if len(rows) != 1:
                return None
            row = rows[0]
        return dict(zip(EVENT_FIELDS, row))

    def event_records(self, event_id: str) -> list[tuple[str, dict, bool]]:
        """(doc id, fact record, is main event) of every document linked to an event."""
        rows = self._rows(
            "SELECT de.doc_id, f.record, de.main FROM doc_events de JOIN facts f ON f.doc_id = de.doc_id "
            f"JOIN documents d ON d.id = de.doc_id WHERE de.event_id = ? ORDER BY d.{self.SEQ}", (event_id,))
        return [(doc_id, json.loads(rec), bool(main)) for doc_id, rec, main in rows]

    def events_of_document(self, doc_id: str) -> list[dict]:
        """The events a document reports: id, countries, date_start, date_end, kind and main (its main event)."""
        rows = self._rows(
            "SELECT e.id, e.countries, e.date_start, e.date_end, e.kind, de.main FROM doc_events de "
            "JOIN events e ON e.id = de.event_id WHERE de.doc_id = ? ORDER BY de.main DESC, e.date_start", (doc_id,))
        return [dict(zip((*EVENT_FIELDS, "main"), (*r[:5], bool(r[5])))) for r in rows]

    def document_summaries(self, limit: int, offset: int = 0) -> list[dict]:
        """Documents without their text (but its first line, as ``heading``), the latest stored first, with how
        many facts of each type they have and the ids of their events."""
        counts = ", ".join(self.JSON_LENGTH.format("f.record", t) for t in FACT_TYPES)
        rows = self._rows(
            f"SELECT d.id, d.source, d.title, d.lang, d.content_type, d.published, d.size, d.added_at, d.site, d.url, "
            f"{counts}, (SELECT {self.JOIN_WORDS.format('event_id')} FROM doc_events de WHERE de.doc_id = d.id), "
            f"{self.LEFT.format('d.text', 200)} "
            f"FROM documents d LEFT JOIN facts f ON f.doc_id = d.id ORDER BY d.{self.SEQ} DESC LIMIT ? OFFSET ?",
            (limit, offset))
        names = ("id", "source", "title", "lang", "content_type", "published", "size", "added_at", "site", "url")
        out = []
        for r in rows:
            counted = r[len(names):len(names) + len(FACT_TYPES)]
            out.append({**dict(zip(names, r)),
                        "facts": None if counted[0] is None else dict(zip(FACT_TYPES, counted)),
                        "events": (r[-2] or "").split(), "heading": heading(r[-1])})
        return out

    def document_metadata(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """What shows a document as a source, by id: source, title, site, url, published, lang, content_type and
        heading (the first line of its text), without the text."""
        ids = list(dict.fromkeys(doc_ids))
        out: dict[str, dict] = {}
        names = META_FIELDS
        for base in range(0, len(ids), CHUNK):
            chunk = ids[base:base + CHUNK]
            for r in self._rows(f"SELECT {', '.join(names)}, {self.LEFT.format('text', 200)} FROM documents "
                                f"WHERE id IN ({marks(len(chunk))})", chunk):
                out[r[0]] = {**dict(zip(names, r)), "heading": heading(r[-1])}
        return out

    def search_page(self, doc_ids: Iterable[str], with_facts: Iterable[str] = ()) -> dict[str, tuple]:
        """What a page of search results shows of its documents, in one statement: by id, (the document,
        the ids of its events in :meth:`events_of_document`'s order, its fact record or None). The record is
        read for the ids of ``with_facts`` only (the documents a fact of the page comes from); a missing
        document is left out."""
        ids = list(dict.fromkeys(doc_ids))
        if len(ids) > CHUNK:
            wanted, out = set(with_facts), {}
            for base in range(0, len(ids), CHUNK):
                chunk = ids[base:base + CHUNK]
                out.update(self.search_page(chunk, wanted.intersection(chunk)))
            return out
        if not ids:
            return {}
        facts = [i for i in dict.fromkeys(with_facts) if i in set(ids)]
        blanks = ", ".join(["NULL"] * len(DOC_COLUMNS))
        record = (f"(SELECT f.record FROM facts f WHERE f.doc_id = d.id AND d.id IN ({marks(len(facts))}))"
                  if facts else "NULL")
        # one row per document (part 0), then one per event of each (part 1), in events_of_document's order
        rows = self._rows(
            f"SELECT 0 AS part, d.id AS doc, {', '.join('d.' + c for c in DOC_COLUMNS)}, {record} AS record, "
            f"NULL AS event, NULL AS main, NULL AS date_start FROM documents d WHERE d.id IN ({marks(len(ids))}) "
            f"UNION ALL SELECT 1, de.doc_id, {blanks}, NULL, de.event_id, de.main, e.date_start FROM doc_events de "
            f"JOIN events e ON e.id = de.event_id WHERE de.doc_id IN ({marks(len(ids))}) "
            "ORDER BY part, doc, main DESC, date_start",
            (*facts, *ids, *ids))
        out: dict[str, tuple] = {}
        width = len(DOC_COLUMNS)
        events: dict[str, list[str]] = {}
        for row in rows:
            if row[0] == 0:
                rec = row[2 + width]
                out[row[1]] = (document(row[2:2 + width]), events.setdefault(row[1], []),
                               json.loads(rec) if rec is not None else None)
            elif row[1] in out:
                out[row[1]][1].append(row[3 + width])
        return out

    # merged event records (a cache: dropped whenever a document joins or leaves the event)

    def cached_event_record(self, event_id: str, version: str) -> dict | None:
        row = self._one("SELECT record FROM event_records WHERE event_id = ? AND version = ?", (event_id, version))
        return json.loads(row[0]) if row else None

    def cache_event_record(self, event_id: str, version: str, record: dict) -> None:
        """Keep an event's merged record, with its commitment and conflict rows, replacing the old ones in
        one transaction."""
        values = (event_id, version, len(record.get("commitments") or []), len(record.get("conflicts") or []),
                  json.dumps(record, ensure_ascii=False))
        insert = self._replace("event_records", ("event_id", "version", "commitments", "conflicts", "record"),
                               ("event_id",))

        def work(tx: links.Sql) -> None:
            tx.run(insert, values)
            write_rows(tx, event_id, version, record)

        self._write(work)

    def uncached_events(self, version: str) -> list[str]:
        rows = self._rows("SELECT e.id FROM events e LEFT JOIN event_records r ON r.event_id = e.id "
                          "AND r.version = ? WHERE r.event_id IS NULL ORDER BY e.date_start, e.id", (version,))
        return [r[0] for r in rows]

    def cached_event_records(self, version: str, *, with_commitments: bool = False,
                             with_conflicts: bool = False) -> Iterator[dict]:
        """Cached records in date order; only those with commitments or conflicts when asked."""
        where = " AND r.commitments > 0" if with_commitments else ""
        where += " AND r.conflicts > 0" if with_conflicts else ""
        sql = ("SELECT r.record, e.date_start, e.id FROM event_records r JOIN events e ON e.id = r.event_id "
               f"WHERE r.version = ?{where} {{after}} ORDER BY e.date_start, e.id")
        for rec, _date, _id in self._pages(sql, (version,), lambda r: (r[1], r[2]),
                                           "AND (e.date_start, e.id) > (?, ?)"):
            yield json.loads(rec)

    def ledger_rows(self, version: str) -> Iterator[tuple]:
        """The merged commitments of the cached records of this version, as :func:`ledger.threads_of_rows`
        reads them, in event date order: no event record is read."""
        yield from self._stream(SELECT_LEDGER, (version,))

    def ledger_entries(self, version: str) -> Iterator[tuple]:
        """The merged commitments of this version without citations or profiles, as
        :func:`ledger.threads_of_links` reads them, in the ledger's order."""
        yield from self._stream(SELECT_ENTRIES, (version,))

    def ledger_links(self, version: str) -> Iterator[tuple]:
        """(event id, position, linked event id, linked position) of every stored link of this version (see
        :mod:`kaidan.store.links`); current after :meth:`refresh_ledger`."""
        yield from self._stream(SELECT_LINKS, (version,))

    def cached_conflicts(self, version: str) -> Iterator[dict]:
        """The conflicts of the cached records of this version, each with its event's id first, in the
        order of the events' dates (as :meth:`cached_event_records` with ``with_conflicts``)."""
        for event_id, conflict in self._stream(SELECT_CONFLICTS, (version,)):
            yield {"event": event_id, **json.loads(conflict)}

    def commitment_citations(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The citations (JSON) of these commitments, by (event id, position)."""
        wanted = set(keys)
        events = sorted({k[0] for k in wanted})
        out = {}
        for base in range(0, len(events), CHUNK):
            chunk = events[base:base + CHUNK]
            for event_id, pos, cites in self._rows("SELECT event_id, pos, citations FROM event_commitments "
                                                   f"WHERE event_id IN ({marks(len(chunk))})", chunk):
                if (event_id, pos) in wanted:
                    out[(event_id, pos)] = cites
        return out

    def refresh_ledger(self, version: str, matcher: str) -> None:
        """Bring the stored links of this version up to date (see :func:`links.refresh`); writes only when
        something changed, so that a read-only store reads a current ledger without copying any table."""
        reader = self._reader()
        if links.dirty(reader, version) or links.stale(reader, version, matcher):
            self._write(lambda tx: links.refresh(tx, version, matcher))

    def ledger_generation(self) -> int:
        """A number that changes whenever what the ledger reads changes (see :func:`links.generation`)."""
        return links.generation(self._reader())

    # the ledger's "done" marks: who marked a promise done, when, and the citation that shows it

    def mark_done(self, entry: str, done_by: str, citation: dict) -> dict:
        """Mark the ledger entry ``entry`` (see ``service.marks``) done; the mark as stored."""
        mark = {"entry": entry, "by": done_by, "at": self._clock(), "citation": citation}
        insert = self._replace("ledger_marks", ("entry", "done_by", "done_at", "citation"), ("entry",))

        def work(tx: links.Sql) -> None:
            tx.run(insert, (entry, done_by, mark["at"], json.dumps(citation, ensure_ascii=False)))
            links.bump(tx)

        self._write(work)
        return mark

    def done_marks(self) -> dict[str, dict]:
        """Every mark, by entry."""
        rows = self._rows("SELECT entry, done_by, done_at, citation FROM ledger_marks")
        return {e: {"entry": e, "by": by, "at": at, "citation": json.loads(c)} for e, by, at, c in rows}


def write_rows(tx: links.Sql, event_id: str, version: str, record: dict) -> None:
    """Replace an event's commitment and conflict rows (inside the caller's transaction)."""
    commitments, conflicts = record_rows(event_id, version, record)
    links.forget(tx, [event_id])
    tx.run("DELETE FROM event_commitments WHERE event_id = ?", (event_id,))
    tx.run("DELETE FROM event_conflicts WHERE event_id = ?", (event_id,))
    tx.many(INSERT_COMMITMENT, commitments)
    tx.many(INSERT_CONFLICT, conflicts)
    links.add(tx, event_id, version, commitments)
