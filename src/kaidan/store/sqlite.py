"""The embedded SQLite store: documents, their sources, failures and fact records.

One connection per :class:`Store`, in autocommit mode; every write runs in a
transaction of its own, so a crash in a batch loses at most the document in
flight (and ``pipeline.repair`` finishes it in the next batch). WAL journal, so
readers never wait for a writer; a busy timeout (:data:`BUSY_TIMEOUT_MS`), so two
writers take turns instead of failing; foreign keys on; schema version in
``PRAGMA user_version``.

``Store(path, readonly=True)`` opens the file read-only (an SQLite ``mode=ro``
URI): it never writes, so it reads a file it may not write (``chmod 444``, a
read-only mount). What reading commands would write there (placing documents a
killed batch left in no event, the cache of merged events) goes to in-memory
copies of those tables that last as long as the connection.

What this store runs like the PostgreSQL one (documents, failures, facts, events, cached records, the
ledger's rows and marks) is :class:`kaidan.store.base.SqlStore`; this module holds the schema and its
migrations, the file's lock and read-only mode, and the FTS5 search.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kaidan.errors import StoreError

from . import links
from .base import EventFilter, SqlStore, event_condition, marks, utc_now, write_rows

SCHEMA_VERSION = 9
# The schema from which stored event records have their ledger rows and links (see Store._open's migrations).
LINKED_SINCE = 7

# How long a write waits for another process's write to finish before failing (milliseconds). A batch
# writes one short transaction per step, so a waiting writer gets its turn within a transaction's time.
BUSY_TIMEOUT_MS = 30_000

# Tables a read-only store shadows with writable in-memory copies (see Store, readonly).
_SHADOWED = ("events", "doc_events", "event_records", "event_commitments", "event_conflicts", "ledger_links",
             "ledger_dirty", "event_countries", "ledger_state")

SCHEMA = """
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,  -- sha256 of the canonical text, 16 hex
    source       TEXT NOT NULL,     -- where it was first read from
    text         TEXT NOT NULL,     -- canonical text: offsets of facts refer to it
    lang         TEXT NOT NULL,     -- ja, en, mixed
    title        TEXT,
    content_type TEXT NOT NULL,     -- text, html, pdf
    encoding     TEXT,
    published    TEXT,              -- YYYY-MM-DD
    size         INTEGER NOT NULL,  -- bytes read
    added_at     TEXT NOT NULL
);
CREATE TABLE sources (              -- every source a document was read from
    source   TEXT NOT NULL,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (source, doc_id)
);
CREATE INDEX sources_doc ON sources(doc_id);
CREATE TABLE failures (             -- the last failure of each source not ingested since
    source    TEXT PRIMARY KEY,
    error     TEXT NOT NULL,        -- exception class name
    code      TEXT,                 -- its code attribute, e.g. K101
    message   TEXT NOT NULL,        -- one line
    failed_at TEXT NOT NULL
);
CREATE TABLE facts (                -- the fact record of a document, as JSON
    doc_id            TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL,
    record            TEXT NOT NULL,
    extracted_at      TEXT NOT NULL
);
""" + """
CREATE TABLE events (               -- one summit, telephone talk or visit (see kaidan.reconcile.events)
    id         TEXT PRIMARY KEY,    -- first local date and countries: 2025-10-28-JP-US
    countries  TEXT NOT NULL,       -- sorted ISO codes joined by '-'
    date_start TEXT NOT NULL,       -- YYYY-MM-DD, local
    date_end   TEXT NOT NULL,
    kind       TEXT                 -- summit, telephone, video, visit, ... of its main meeting
);
CREATE INDEX events_by_countries ON events(countries, date_start);
CREATE TABLE doc_events (           -- which documents report which events
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    main     INTEGER NOT NULL DEFAULT 1,   -- 1: the document's main event; 0: another it also reports
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX doc_events_by_event ON doc_events(event_id);
""" + """
CREATE TABLE search_rows (          -- what each row of search_text is: a document's text or one of its facts
    rowid   INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: search_text keeps rows of replaced entries
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,          -- 'document', or the fact type (agreements, commitments, ...)
    ref     INTEGER                 -- the fact's position in its type's list in the record; NULL for 'document'
);
CREATE INDEX search_rows_doc ON search_rows(doc_id);
CREATE VIRTUAL TABLE search_text USING fts5(  -- full-text index (see kaidan.store.search), contentless
    terms,                          -- Sudachi tokens of split modes A and C, joined by spaces
    scope,                          -- 'doc' or 'fact', so that a query can be limited to either
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
SCHEMA += """
CREATE TABLE event_records (        -- merged event records, kept until a document joins or leaves the event
    event_id    TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    version     TEXT NOT NULL,      -- kaidan.reconcile.merge.MERGE_VERSION that wrote it
    commitments INTEGER NOT NULL,   -- how many merged commitments (the ledger reads only events with some)
    conflicts   INTEGER NOT NULL,   -- how many conflicts
    record      TEXT NOT NULL
);
"""
SCHEMA += """
ALTER TABLE documents ADD COLUMN site TEXT;  -- the outlet: the page's site name, else its URL's host
ALTER TABLE documents ADD COLUMN url TEXT;   -- the address it was fetched from, after redirects
"""
LEDGER_TABLES = """
CREATE TABLE event_commitments (    -- the merged commitments of each cached event record (what the ledger reads)
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,    -- position in the record's commitments
    version    TEXT NOT NULL,       -- the record's version
    event_date TEXT NOT NULL,       -- the record's date_start
    countries  TEXT,
    actor      TEXT,
    text       TEXT,
    key        TEXT NOT NULL,       -- the text normalised (kaidan.text.norm)
    amount     REAL,
    unit       TEXT,
    qualifier  TEXT,
    deadline   TEXT,
    topics     TEXT NOT NULL,       -- JSON list
    support    INTEGER NOT NULL,
    citations  TEXT NOT NULL,       -- JSON list
    match      TEXT NOT NULL,       -- JSON: the wording's profile and concepts (see kaidan.reconcile.ledger)
    PRIMARY KEY (event_id, pos)
);
CREATE INDEX event_commitments_by_date ON event_commitments(version, event_date, event_id, pos);
CREATE TABLE event_conflicts (      -- the conflicts of each cached event record
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    version    TEXT NOT NULL,
    conflict   TEXT NOT NULL,       -- JSON, as in the record
    PRIMARY KEY (event_id, pos)
);
CREATE INDEX event_conflicts_by_version ON event_conflicts(version, event_id);
"""
SCHEMA += LEDGER_TABLES
# The ledger's thread links, kept per block and recomputed for the blocks a record changes (kaidan.store.links),
# the matcher that wrote each commitment's profile, and the analysts' done marks.
LEDGER_LINKS = """
ALTER TABLE event_commitments ADD COLUMN matcher TEXT NOT NULL DEFAULT '';  -- kaidan.reconcile.ledger.MATCHER
CREATE INDEX event_commitments_by_matcher ON event_commitments(version, matcher);
CREATE TABLE ledger_links (         -- each commitment in each of its blocks (party, countries, topic)
    version    TEXT NOT NULL,       -- the record's version
    block      TEXT NOT NULL,       -- JSON [party, countries, topic]
    event_date TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    pos        INTEGER NOT NULL,
    link_event TEXT,                -- the earlier head of the block it continues (NULL: it heads a thread)
    link_pos   INTEGER,
    PRIMARY KEY (version, block, event_date, event_id, pos)
);
CREATE INDEX ledger_links_by_event ON ledger_links(event_id);
CREATE TABLE ledger_dirty (         -- blocks whose links are to be recomputed, from a day on
    version    TEXT NOT NULL,
    block      TEXT NOT NULL,
    since      TEXT NOT NULL,
    PRIMARY KEY (version, block)
);
CREATE TABLE ledger_marks (         -- who marked a ledger entry done, when, and the citation that shows it
    entry      TEXT PRIMARY KEY,    -- kaidan.service.marks.entry_key
    done_by    TEXT NOT NULL,
    done_at    TEXT NOT NULL,
    citation   TEXT NOT NULL        -- JSON
);
"""
SCHEMA += LEDGER_LINKS
SEARCH_FILTER_TABLES = """
CREATE TABLE event_countries (      -- each country of each event (its id's codes), for the search's country filter
    country  TEXT NOT NULL,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (country, event_id)
) WITHOUT ROWID;
CREATE INDEX events_by_date ON events(date_start);
CREATE INDEX events_by_end ON events(date_end);
"""
SCHEMA += SEARCH_FILTER_TABLES
# A number that changes with every write the ledger reads or shows (commitment rows, links, marks, a
# document's columns rewritten: see kaidan.store.links.bump), so that a reader keeps the threads it built
# while the number stays the same.
LEDGER_STATE = """
CREATE TABLE ledger_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
"""
SCHEMA += LEDGER_STATE
# The countries of each search row's document's events (the codes of their ids, as in event_countries, sorted,
# joined by spaces), the column the PostgreSQL store reads from its full-text index with the terms for a country
# filter. Written with the row (index_search); a document joining or leaving an event rewrites its rows' value
# (triggers; an event's countries are its id's and never change); an archive of an older schema gets it filled.
_DOC_COUNTRIES = ("coalesce((SELECT group_concat(value, ' ') FROM (SELECT DISTINCT j.value FROM doc_events de "
                  "JOIN events e ON e.id = de.event_id, json_each('[\"' || replace(e.countries, '-', '\",\"') "
                  "|| '\"]') j WHERE de.doc_id = {doc} AND j.value != '' ORDER BY 1)), '')")
_RECOUNT = "UPDATE search_rows SET countries = " + _DOC_COUNTRIES.format(doc="search_rows.doc_id")
SEARCH_COUNTRIES = f"""
ALTER TABLE search_rows ADD COLUMN countries TEXT NOT NULL DEFAULT '';
{_RECOUNT};
CREATE TRIGGER doc_events_countries_in AFTER INSERT ON doc_events BEGIN
  {_RECOUNT} WHERE doc_id = NEW.doc_id; END;
CREATE TRIGGER doc_events_countries_out AFTER DELETE ON doc_events BEGIN
  {_RECOUNT} WHERE doc_id = OLD.doc_id; END;
CREATE TRIGGER doc_events_countries_moved AFTER UPDATE OF doc_id, event_id ON doc_events BEGIN
  {_RECOUNT} WHERE doc_id IN (OLD.doc_id, NEW.doc_id); END;
"""
SCHEMA += SEARCH_COUNTRIES
# Statements that bring a database of an older schema version up to this one, by version.
MIGRATIONS = {1: SCHEMA[SCHEMA.index("CREATE TABLE events"):SCHEMA.index("CREATE TABLE search_rows")],
              2: SCHEMA[SCHEMA.index("CREATE TABLE search_rows"):SCHEMA.index("CREATE TABLE event_records")],
              3: SCHEMA[SCHEMA.index("CREATE TABLE event_records"):SCHEMA.index("ALTER TABLE documents ADD COLUMN site")],
              4: SCHEMA[SCHEMA.index("ALTER TABLE documents ADD COLUMN site"):SCHEMA.index("CREATE TABLE event_commitments")],
              5: LEDGER_TABLES,
              # a database of schema 6 where a mark was made already has the marks table (it was made by the first
              # mark); the search filter's table is filled from the events stored
              6: LEDGER_LINKS.replace("CREATE TABLE ledger_marks", "CREATE TABLE IF NOT EXISTS ledger_marks")
              + SEARCH_FILTER_TABLES
              + "INSERT INTO event_countries SELECT j.value, e.id FROM events e, "
                "json_each('[\"' || replace(e.countries, '-', '\",\"') || '\"]') j WHERE j.value != '';\n",
              7: LEDGER_STATE, 8: SEARCH_COUNTRIES}
# Full-text matches ranked per search, the most recently indexed first (see Store.search).
SEARCH_WINDOW = 1000
# Up to this many documents in its events, a filtered search reads the index for their entries only.
FEW_DOCS = 100
# A filter kept by more documents reads at most this many windows of matches to fill the page asked for.
FILTER_SCAN = 4
# A search by date walks at most this many documents, the latest first, when the query matches more
# than a window of entries (fewer: all its matches are sorted by date).
WALK_DOCS = 1000
# BM25's constants (FTS5's own): term-frequency saturation and length normalisation.
BM25_K1, BM25_B = 1.2, 0.75
def _event_condition(within: EventFilter) -> tuple[str, list]:
    """The shared filter condition, the id prefix as an index range (ids are [0-9A-Za-z-]: '~' sorts after)."""
    return event_condition(within, ("e.id >= ? AND e.id < ?", [within.event, f"{within.event}~"]))


def _filter_docs_sql(within: EventFilter) -> tuple[str, list]:
    """The documents of a filter's events (with a ``LIMIT ?`` to add), driven by the most selective index:
    the country's range of ``event_countries``, else the events' dates or ids."""
    cond, params = _event_condition(EventFilter(within.event, None, within.date_from, within.date_to))
    if within.country:
        return ("SELECT DISTINCT de.doc_id FROM event_countries ec JOIN events e ON e.id = ec.event_id "
                f"JOIN doc_events de ON de.event_id = e.id WHERE ec.country = ? AND {cond} LIMIT ?",
                [within.country.upper(), *params])
    return (f"SELECT DISTINCT de.doc_id FROM events e JOIN doc_events de ON de.event_id = e.id WHERE {cond} LIMIT ?",
            params)


def _varint(blob: bytes, pos: int = 0) -> tuple[int, int]:
    """An SQLite varint (as FTS5 writes its sizes) at ``pos``: (value, position after it)."""
    value = 0
    for i in range(pos, min(pos + 8, len(blob))):
        value = (value << 7) | (blob[i] & 0x7F)
        if blob[i] < 0x80:
            return value, i + 1
    return (value << 8) | blob[pos + 8], pos + 9


def bm25_at_one(size: int, mean: float) -> float:
    """The rank of an entry of ``size`` tokens: BM25 of one occurrence (lower is better, as FTS5's rank)."""
    return -(BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * size / (mean or 1)))


class Store(SqlStore):
    """A Kaidan database file; use as a context manager or call :meth:`close`.

    ``path`` may be ``":memory:"`` (tests). ``clock`` returns the timestamps
    written (ISO 8601, UTC by default).
    """

    def __init__(self, path: str | Path, *, clock: Callable[[], str] = utc_now, readonly: bool = False) -> None:
        self.path = str(path)
        self._clock = clock
        self.readonly = readonly
        self._shadowed = False
        self._db: sqlite3.Connection | None = None
        try:
            if readonly:
                self._connect_readonly(Path(path))
            else:
                self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
                self._open()
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc
        except StoreError:
            self.close()
            raise

    def _connect_readonly(self, path: Path) -> None:
        uri = _readonly_uri(path)
        try:
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            self._open_readonly()
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                raise
            # A WAL database in a folder we may not write, without its -shm file: SQLite can only read it as
            # an immutable file (nothing else may be writing it then, which a read-only folder ensures).
            self.close()
            self._db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
            self._open_readonly()

    def _open_readonly(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            raise StoreError(f"{self.path}: not a Kaidan database (or an empty one); pass another --db path")
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema {version}, this Kaidan reads schema {SCHEMA_VERSION} read-only; run "
                f"`kaidan ingest` once on a writable copy to migrate it, or use the Kaidan that wrote it")

    def _shadow(self) -> None:
        """Give a read-only store writable in-memory copies of the tables reading may write (once)."""
        if self._shadowed:
            return
        db = self._db
        for table in _SHADOWED:
            ddl = db.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?",
                             (table,)).fetchone()[0]
            ddl = re.sub(r"REFERENCES \w+\(\w+\) ON DELETE CASCADE", "", ddl)  # no keys across schemas
            db.execute(ddl.replace("CREATE TABLE", "CREATE TEMP TABLE", 1))
            db.execute(f"INSERT INTO temp.{table} SELECT * FROM main.{table}")
        db.execute("CREATE INDEX temp.events_by_countries ON events(countries, date_start)")
        db.execute("CREATE INDEX temp.doc_events_by_event ON doc_events(event_id)")
        db.execute("CREATE INDEX temp.events_by_date ON events(date_start)")
        db.execute("CREATE INDEX temp.events_by_end ON events(date_end)")
        db.execute("CREATE INDEX temp.event_commitments_by_date ON event_commitments(version, event_date, event_id, pos)")
        db.execute("CREATE INDEX temp.event_conflicts_by_version ON event_conflicts(version, event_id)")
        db.execute("CREATE INDEX temp.ledger_links_by_event ON ledger_links(event_id)")
        db.execute("CREATE INDEX temp.event_commitments_by_matcher ON event_commitments(version, matcher)")
        self._shadowed = True

    def _open(self) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Kaidan (schema {version}, this one reads up to "
                f"{SCHEMA_VERSION}); upgrade Kaidan or pass another --db path"
            )
        if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path}: an SQLite database, but not a Kaidan one; pass another --db path")
        db.execute("PRAGMA journal_mode = WAL")
        if version == 0:
            try:
                db.executescript(f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            except sqlite3.Error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        elif version < SCHEMA_VERSION:
            try:
                script = "".join(MIGRATIONS[v] for v in range(version, SCHEMA_VERSION))
                db.executescript(f"BEGIN IMMEDIATE; {script}")   # (executescript commits first: so not below)
                # event records cached before the ledger's rows and links existed get them in the same step (a
                # later schema's records have them already: written again, every block would be relinked)
                records = db.execute("SELECT event_id, version, record FROM event_records").fetchall() \
                    if version < LINKED_SINCE else []
                for event_id, record_version, record in records:
                    write_rows(_sql(db), event_id, record_version, json.loads(record))
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except sqlite3.Error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        else:  # a write now proves the file writable before the first document is read
            db.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def batch(self, first: Callable[[], object] | None = None) -> Iterator[object]:
        """Hold the database's batch lock (``FILE-lock``, an flock) for a batch of writes.

        Every batch holds it shared. ``first`` runs before, only when no other batch holds it (this one
        gets it exclusively): work left unfinished is then abandoned work (a killed batch), not another
        batch's document in flight, so ``first`` may finish it. Yields what ``first`` returned (None when
        it did not run). The lock goes with the process, so a kill -9 leaves none behind."""
        import fcntl

        handle = None
        if self.path != ":memory:" and not self.readonly:
            try:
                handle = open(self.path + "-lock", "ab")
            except OSError:  # nowhere to put it: run alone, as before there were locks
                handle = None
        try:
            alone = True
            if handle is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    alone = False
            result = first() if first is not None and alone else None
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_SH)  # others may run now (and wait while one repairs)
            yield result
        finally:
            if handle is not None:
                handle.close()

    def facts_without_event(self) -> list[tuple[str, dict]]:
        rows = self._db.execute(
            "SELECT f.doc_id, f.record FROM facts f LEFT JOIN doc_events de ON de.doc_id = f.doc_id "
            "WHERE de.doc_id IS NULL")
        return [(doc_id, json.loads(rec)) for doc_id, rec in rows]

    # search

    def index_search(self, doc_id: str, entries: Iterable[tuple[str, int | None, str]]) -> None:
        """Replace the search entries of a document, in one transaction.

        ``entries`` are (kind, ref, terms): kind ``"document"`` or a fact type, ref the fact's position in its
        type's list (None for the document), terms the text as space-separated tokens. The replaced rows stay
        in the contentless full-text table but no longer belong to anything, so no search returns them.
        """
        with self._transaction() as db:
            db.execute("DELETE FROM search_rows WHERE doc_id = ?", (doc_id,))
            countries = db.execute("SELECT " + _DOC_COUNTRIES.format(doc="?"), (doc_id,)).fetchone()[0]
            for kind, ref, terms in entries:
                row = db.execute("INSERT INTO search_rows (doc_id, kind, ref, countries) VALUES (?, ?, ?, ?)",
                                 (doc_id, kind, ref, countries))
                db.execute("INSERT INTO search_text (rowid, terms, scope) VALUES (?, ?, ?)",
                           (row.lastrowid, terms, "doc" if kind == "document" else "fact"))

    def search(self, match: str, *, limit: int = 50, offset: int = 0, window: int = SEARCH_WINDOW,
               within: EventFilter | None = None, by_date: bool = False) -> list[tuple[str, str, int | None, float]]:
        """(doc id, kind, ref, rank) of the entries matching an FTS5 query, best first (rank: lower is better).

        Every step reads a bounded part of the index, whatever the number of matches:

        * Ranking: the ``window`` (at least ``offset + limit``) most recently indexed matches (the index
          is read in rowid order, which FTS5 stops early), each ranked by BM25 at one occurrence: the
          entry's length against the mean (FTS5's stored sizes). FTS5's own ``rank`` is not used: it
          counts every match of each phrase first (62 ms for a word found in 160,000 entries) before
          returning one row, and ``ORDER BY rank LIMIT k`` ranks every match.
        * ``within`` (:class:`EventFilter`): when its events have at most ``FEW_DOCS`` documents, only their
          entries are read (a range of the index per document); otherwise the window's documents are
          checked against the filter (indexed tables: ``event_countries``, ``events_by_date``), and older
          windows read, up to ``FILTER_SCAN``, while fewer entries passed than the page needs; then the
          filter's documents are read one by one (at most ``WALK_DOCS``) until the page is filled.
        * ``by_date``: the date of the document's latest event, the latest first, then by rank. A query
          with at most a window of matches sorts them all; a commoner one walks the documents from the
          latest event back (at most ``WALK_DOCS``) and reads each one's range of the index.
        """
        window = max(window, offset + limit)      # a page deep in the results widens the window
        try:
            if within is not None:
                sql, params = _filter_docs_sql(within)
                docs = [d for d, in self._db.execute(sql, (*params, FEW_DOCS + 1))]
                if len(docs) <= FEW_DOCS:
                    return self._page(self._hits_of_docs(match, docs), limit, offset, by_date)
            if by_date:
                hits = self._hits_by_date(match, offset + limit, window, within)
            else:
                hits = self._window_hits(match, window, within, offset + limit)
            return self._page(hits, limit, offset, by_date)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: search failed ({exc}); simplify the query") from exc

    def _window_hits(self, match: str, window: int, within: EventFilter | None, need: int) -> list[tuple]:
        """The entries of the ``window`` most recently indexed matches that pass ``within`` (each window's
        documents checked at once); older windows, up to ``FILTER_SCAN``, only while fewer than ``need``
        entries passed; then the entries of the filter's documents (at most ``WALK_DOCS``) until ``need``."""
        hits: list[tuple] = []
        below = None
        for _ in range(FILTER_SCAN if within is not None else 1):
            older = "" if below is None else " AND rowid < ?"
            raw = [r for r, in self._db.execute(f"SELECT rowid FROM search_text WHERE search_text MATCH ?{older} "
                                                "ORDER BY rowid DESC LIMIT ?",
                                                (match, *(() if below is None else (below,)), window))]
            batch = self._entries(raw)
            if within is not None:
                keep = self._docs_within({h[1] for h in batch}, within)
                batch = [h for h in batch if h[1] in keep]
            hits += batch
            if len(raw) < window or len(hits) >= need:
                return hits[:window]
            below = raw[-1]
        # the filter's documents are rare among the matches: read their own entries, document by document
        sql, params = _filter_docs_sql(within)
        have = {h[0] for h in hits}
        for doc_id, in self._db.execute(sql, (*params, WALK_DOCS)).fetchall():
            hits += [h for h in self._hits_of_docs(match, [doc_id]) if h[0] not in have]
            if len(hits) >= need:
                break
        return hits[:window]

    def _hits_of_docs(self, match: str, doc_ids: Iterable[str]) -> list[tuple]:
        """The matching entries of these documents, each document's range of the index read alone."""
        rowids = []
        for doc_id in doc_ids:
            lo, hi = self._db.execute("SELECT min(rowid), max(rowid) FROM search_rows WHERE doc_id = ?",
                                      (doc_id,)).fetchone()
            if lo is not None:
                rowids += [r for r, in self._db.execute(
                    "SELECT rowid FROM search_text WHERE search_text MATCH ? AND rowid BETWEEN ? AND ?",
                    (match, lo, hi))]
        return self._entries(rowids)

    def _entries(self, rowids: list[int]) -> list[tuple]:
        if not rowids:
            return []
        return self._db.execute("SELECT r.rowid, r.doc_id, r.kind, r.ref, d.sz FROM json_each(?) j "
                                "JOIN search_rows r ON r.rowid = j.value JOIN search_text_docsize d ON d.id = r.rowid",
                                (json.dumps(rowids),)).fetchall()

    def _hits_by_date(self, match: str, need: int, window: int, within: EventFilter | None) -> list[tuple]:
        """Enough matching entries, by date, for the first ``need`` results (see :meth:`search`)."""
        raw = [r for r, in self._db.execute("SELECT rowid FROM search_text WHERE search_text MATCH ? "
                                            "ORDER BY rowid DESC LIMIT ?", (match, window + 1))]
        if len(raw) <= window:
            hits = self._entries(raw)
            if within is not None:
                keep = self._docs_within({h[1] for h in hits}, within)
                hits = [h for h in hits if h[1] in keep]
            return hits
        hits, seen, last = [], set(), None
        walk = self._db.execute("SELECT de.doc_id, e.date_start FROM events e "
                                "JOIN doc_events de ON de.event_id = e.id ORDER BY e.date_start DESC")
        for doc_id, date in walk:
            if doc_id in seen:
                continue
            if len(hits) >= need and date != last or len(seen) >= WALK_DOCS:
                break
            seen.add(doc_id)
            if within is not None and not self._docs_within({doc_id}, within):
                continue
            found = self._hits_of_docs(match, [doc_id])
            if found:
                hits += found
                last = date
        walk.close()
        return hits

    def _docs_within(self, doc_ids: set[str], within: EventFilter) -> set[str]:
        """Which of these documents report an event the filter keeps."""
        cond, params = _event_condition(within)
        rows = self._db.execute("SELECT DISTINCT de.doc_id FROM json_each(?) j JOIN doc_events de "
                                f"ON de.doc_id = j.value JOIN events e ON e.id = de.event_id WHERE {cond}",
                                (json.dumps(sorted(doc_ids)), *params))
        return {d for d, in rows}

    def _page(self, hits: list[tuple], limit: int, offset: int, by_date: bool) -> list[tuple]:
        """One page of hits (rowid, doc id, kind, ref, FTS5 size blob) ranked, as :meth:`search` returns them."""
        mean = self._mean_size()
        ranked = [(h[0], h[1], h[2], h[3], bm25_at_one(_varint(h[4])[0], mean)) for h in hits]
        if by_date:
            dates = self._latest_dates({h[1] for h in ranked})
            ranked.sort(key=lambda h: (dates.get(h[1]) or "", -h[4], h[0]), reverse=True)
        else:
            ranked.sort(key=lambda h: (h[4], -h[0]))
        return [h[1:] for h in ranked[offset:offset + limit]]

    def _latest_dates(self, doc_ids: set[str]) -> dict[str, str]:
        rows = self._db.execute("SELECT de.doc_id, max(e.date_start) FROM json_each(?) j JOIN doc_events de "
                                "ON de.doc_id = j.value JOIN events e ON e.id = de.event_id GROUP BY de.doc_id",
                                (json.dumps(sorted(doc_ids)),))
        return dict(rows.fetchall())

    def _mean_size(self) -> float:
        """The mean number of tokens of an entry's terms, from FTS5's stored totals (row 1 of its data)."""
        row = self._db.execute("SELECT block FROM search_text_data WHERE id = 1").fetchone()
        if not row or not row[0]:
            return 1.0
        rows, pos = _varint(row[0])
        tokens, _ = _varint(row[0], pos)
        return tokens / rows if rows else 1.0

    # the hooks of SqlStore

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self._db.execute(sql, params).fetchall()

    def _pages(self, sql: str, params: tuple, key: Callable[[tuple], tuple], after: str) -> Iterator[tuple]:
        yield from self._db.execute(sql.format(after=""), params)   # one cursor: SQLite reads as it goes

    def _stream(self, sql: str, params: tuple) -> Iterator[tuple]:
        yield from self._db.execute(sql, params)

    def _write(self, work: Callable[[links.Sql], Any]) -> Any:
        with self._transaction() as db:
            return work(_sql(db))

    def _reader(self) -> links.Sql:
        return _sql(self._db)

    def _replace(self, table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
        return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks(len(columns))})"

    def _insert_ignore(self, table: str, columns: tuple[str, ...], key: tuple[str, ...] = ()) -> str:
        return f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks(len(columns))})"

    def _event_prefix(self, prefix: str) -> tuple[str, tuple]:
        return "id LIKE ?", (prefix + "%",)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._db
        if self.readonly:
            self._shadow()
        try:
            db.execute("BEGIN" if self.readonly else "BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: {_explain(exc)}") from exc
            raise


def _sql(db: sqlite3.Connection) -> links.Sql:
    """The ledger links' statements run on this connection (see kaidan.store.links)."""
    return links.Sql(lambda q, p: db.execute(q, p).fetchall(), db.execute, db.executemany, "min",
                     lambda: None)


def _readonly_uri(path: Path) -> str:
    """The ``mode=ro`` URI of a database file (with the characters URIs reserve escaped)."""
    from urllib.parse import quote

    if not path.exists():
        raise StoreError(f"{path}: no database here; run `kaidan ingest PATH` first or pass --db")
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def _explain(exc: sqlite3.Error) -> str:
    """One line saying what went wrong with the database file and what to do; never advice that loses data."""
    text = str(exc)
    if "full" in text:
        return (f"the disk is full ({text}); everything stored before is kept: free some space (or move the "
                f"database to a larger disk and pass --db) and run the same command again, it goes on where it stopped")
    if "not a database" in text:
        return "not a database file; pass another --db path or $KAIDAN_DB"
    if "readonly" in text:
        return (f"the database cannot be written ({text}); reading commands still work on it; to ingest, make "
                f"the file and its folder writable or copy it elsewhere and pass --db")
    if "unable to open" in text or "disk I/O" in text:
        return f"cannot open or write the database ({text}); check that the folder exists and is writable"
    if "locked" in text or "busy" in text:
        return f"the database is busy ({text}); wait for the other Kaidan process or use another --db path"
    if "malformed" in text or "corrupt" in text:
        return (f"the database file is damaged ({text}); keep it, and recover what it holds with "
                f"`sqlite3 FILE .recover`, or pass another --db path")
    return f"database error ({text}); keep the file and pass another --db path, or report this error"
