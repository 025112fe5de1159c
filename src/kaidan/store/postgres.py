"""The PostgreSQL store a team shares: the same tables, methods and search as the SQLite store.

``PostgresStore("postgresql://user@host/db")`` (or ``--db``/``$KAIDAN_DB`` set to such a URL, see
:func:`kaidan.store.open_store`). Needs psycopg 3 (``pip install 'kaidan[postgres]'``).

* **Schema.** The tables of :mod:`kaidan.store.sqlite` with the same columns, plus ``seq`` columns that
  stand for SQLite's rowid (the order documents and sources were stored). The schema version is kept in
  ``kaidan_meta``; an older version is brought up with the same steps as SQLite's, under an advisory
  lock, so two processes opening a new database at once create it once.
* **Shared code.** Every method the two stores run alike is :class:`kaidan.store.base.SqlStore`'s, with
  PostgreSQL's words: ``seq`` for rowid, ``least``/``greatest``, ``ON CONFLICT`` upserts, ``?`` placeholders
  turned into ``%s``. Opening and migrating, batch locks, parallel workers' writes and search are here.
* **Concurrent writers.** Every write is one transaction; inserts are ``ON CONFLICT`` upserts, so two
  writers storing the same document, source or event both succeed and leave one row; a transaction that
  deadlocks or fails serialisation is retried.
* **Japanese search.** PostgreSQL's parser cuts at spaces and punctuation, like FTS5, so it is fed the
  same Sudachi tokens (modes A and C, joined by spaces, from :mod:`kaidan.store.search`) as a
  ``tsvector`` under the ``kaidan`` configuration: ``simple`` (lower-casing, no stop words) for
  Japanese and numbers, a Snowball English stemmer without stop words for ASCII words (as FTS5's porter
  tokenizer folds "commitments" into "commitment"), in a GIN index. Each word of a query must match as a
  phrase (``<->``) of its A or its C tokens, exactly as in SQLite. (pg_trgm was not chosen: trigrams
  need no tokenizer but cannot match a two-kanji word such as 会談 inside a longer run without false
  hits, and would give results that differ from the SQLite store's.) A tsvector keeps positions only up
  to 16,383, so a long document is indexed in chunks of lines (the search returns it once). Each row also
  holds its document's event countries, in the same GIN index (``gin(terms, countries)``), so that a country
  filter is one more key of the index scan rather than a look-up of each matching row's events.
"""
from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kaidan.errors import StoreError
from kaidan.ingest import RawDocument

from . import links
from .base import EventFilter, SqlStore, event_condition, marks, utc_now, write_rows
from .sqlite import (LEDGER_LINKS, LEDGER_STATE, LEDGER_TABLES, LINKED_SINCE, SEARCH_FILTER_TABLES,
                     SEARCH_WINDOW)

SCHEMA_VERSION = 9
TS_CONFIG = "kaidan"
CHUNK_TOKENS = 6000        # tokens of one document's text per search row (positions stop at 16,383)
# How a search finds the newest matches (see PostgresStore._newest_matches): it walks the newest SCAN_SPAN rowids,
# then reads the rest the cheapest way by what each costs (backend CPU µs, measured on 1.84 million search rows
# at a load average of 3): walking on, a row at a time (its terms read and matched); a range MARGIN times what the
# density seen says holds the rest, through a bitmap of the full-text index (ENTRY_COST per entry of each word)
# ANDed with the range's rowids (RANGE_COST each), reading the matches in it from the table (MATCH_COST each); or
# every older match through that bitmap. A country filter is part of the index's condition (the rows' countries);
# a filter of dates or an event is checked on each row the index condition keeps (FILTER_COST each: a look-up of
# the document's events, measured the same way at a load average of 5), so those steps are costed by the rows
# they read, not only by those the filter keeps
SCAN_SPAN = 10_000
MARGIN = 1.5
WALK_COST, ENTRY_COST, RANGE_COST, MATCH_COST = 1.2, 0.55, 0.12, 2.5
FILTER_COST = 12.0
RETRIES = 5                # attempts of a transaction that deadlocked or failed serialisation
_LOCK_KEY = 0x6B616964616E  # advisory lock held while the schema is created or migrated ("kaidan")

_DOCUMENTS = """
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,  -- the order stored (SQLite's rowid)
    source       TEXT NOT NULL,
    text         TEXT NOT NULL,
    lang         TEXT NOT NULL,
    title        TEXT,
    content_type TEXT NOT NULL,
    encoding     TEXT,
    published    TEXT,
    size         BIGINT NOT NULL,
    added_at     TEXT NOT NULL
);
CREATE TABLE sources (
    source   TEXT NOT NULL,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    seq      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    PRIMARY KEY (source, doc_id)
);
CREATE INDEX sources_doc ON sources(doc_id);
CREATE TABLE failures (
    source    TEXT PRIMARY KEY,
    error     TEXT NOT NULL,
    code      TEXT,
    message   TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE TABLE facts (
    doc_id            TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL,
    record            TEXT NOT NULL,   -- JSON text, as written (json, not jsonb: it keeps \\u0000 and key order)
    extracted_at      TEXT NOT NULL
);
"""
_EVENTS = """
CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    countries  TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_end   TEXT NOT NULL,
    kind       TEXT
);
CREATE INDEX events_by_countries ON events(countries, date_start);
CREATE TABLE doc_events (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    main     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX doc_events_by_event ON doc_events(event_id);
"""
_SEARCH = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{TS_CONFIG}'
                 AND cfgnamespace = current_schema()::regnamespace) THEN
    CREATE TEXT SEARCH DICTIONARY {TS_CONFIG}_english (TEMPLATE = snowball, Language = english);
    CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG} (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION {TS_CONFIG}
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH {TS_CONFIG}_english;
  END IF;
END $$;
CREATE TABLE search_rows (          -- one search entry: a document's text (or a chunk of it) or one of its facts
    rowid   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    ref     INTEGER,
    scope   TEXT NOT NULL,          -- 'doc' or 'fact'
    terms   TSVECTOR NOT NULL
);
CREATE INDEX search_rows_doc ON search_rows(doc_id);
CREATE INDEX search_rows_terms ON search_rows USING gin(terms);
"""
_EVENT_RECORDS = """
CREATE TABLE event_records (
    event_id    TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    commitments INTEGER NOT NULL,
    conflicts   INTEGER NOT NULL,
    record      TEXT NOT NULL
);
"""
_METADATA = """
ALTER TABLE documents ADD COLUMN site TEXT;  -- the outlet: the page's site name, else its URL's host
ALTER TABLE documents ADD COLUMN url TEXT;   -- the page's own URL, when known
"""
_LEDGER = LEDGER_TABLES.replace(" REAL,", " DOUBLE PRECISION,")
_LINKS = LEDGER_LINKS
_META = "CREATE TABLE kaidan_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
_FILTERS = SEARCH_FILTER_TABLES.replace(") WITHOUT ROWID;", ");")
# Each search row carries the countries of its document's events (the codes of their ids, as in event_countries),
# in the full-text index's GIN next to its terms: a search with a country filter reads only the rows of that
# country from the index instead of looking up each matching row's document, events and countries. Triggers keep
# the column right whoever writes: a row inserted takes its document's countries, and a document joining or
# leaving an event rewrites its rows, when they change (an event's countries never change: they are its id's).
# They are read from ``events`` by its key (``event_countries`` is keyed by country first). An archive of an
# older schema gets the column filled in one pass, the GIN index built again after it (updating every row under
# the index would insert each row's terms again).
_COUNTRIES = f"""
ALTER TABLE search_rows ADD COLUMN countries TEXT[] NOT NULL DEFAULT '{{}}';
DROP INDEX search_rows_terms;
UPDATE search_rows r SET countries = c.countries
  FROM (SELECT de.doc_id, array_agg(DISTINCT c ORDER BY c) AS countries
        FROM doc_events de JOIN events e ON e.id = de.event_id, unnest(string_to_array(e.countries, '-')) c
        WHERE c <> '' GROUP BY de.doc_id) c
  WHERE c.doc_id = r.doc_id;
CREATE INDEX search_rows_terms ON search_rows USING gin(terms, countries);
CREATE FUNCTION kaidan_doc_countries(doc TEXT) RETURNS TEXT[] LANGUAGE plpgsql STABLE AS $$
BEGIN  -- PL/pgSQL keeps the statement's plan; an SQL function called from a trigger is planned on every call
  RETURN (SELECT coalesce(array_agg(DISTINCT c ORDER BY c), '{{}}')
          FROM doc_events de JOIN events e ON e.id = de.event_id, unnest(string_to_array(e.countries, '-')) c
          WHERE de.doc_id = doc AND c <> '');
END $$;
CREATE FUNCTION kaidan_recount(doc TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE have TEXT[];
BEGIN
  -- the lock a document's indexing holds (PostgresStore._search_work): rows it is writing are committed and
  -- seen here, or it waits and its rows see this document's events
  PERFORM 1 FROM documents WHERE id = doc FOR NO KEY UPDATE;
  have := kaidan_doc_countries(doc);
  UPDATE search_rows SET countries = have WHERE doc_id = doc AND countries <> have;
END $$;
CREATE FUNCTION kaidan_search_rows_countries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.countries := kaidan_doc_countries(NEW.doc_id);
  RETURN NEW;
END $$;
CREATE FUNCTION kaidan_doc_events_countries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.doc_id = OLD.doc_id AND NEW.event_id = OLD.event_id THEN
    RETURN NULL;                    -- the same link upserted again (its main flag): the same countries
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM kaidan_recount(OLD.doc_id); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.doc_id <> OLD.doc_id) THEN PERFORM kaidan_recount(NEW.doc_id); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER search_rows_countries BEFORE INSERT ON search_rows
  FOR EACH ROW EXECUTE FUNCTION kaidan_search_rows_countries();
CREATE TRIGGER doc_events_countries AFTER INSERT OR UPDATE OR DELETE ON doc_events
  FOR EACH ROW EXECUTE FUNCTION kaidan_doc_events_countries();
ANALYZE search_rows;
"""
SCHEMA = (_DOCUMENTS + _EVENTS + _SEARCH + _EVENT_RECORDS + _METADATA + _LEDGER + _LINKS + _FILTERS + LEDGER_STATE
          + _COUNTRIES)
# The same steps as the SQLite store's migrations, by the version they start from (a database of schema 6
# where a mark was made already has the marks table: it was made by the first mark).
MIGRATIONS = {1: _EVENTS, 2: _SEARCH, 3: _EVENT_RECORDS, 4: _METADATA, 5: _LEDGER,
              6: _LINKS.replace("CREATE TABLE ledger_marks", "CREATE TABLE IF NOT EXISTS ledger_marks") + _FILTERS
              + "INSERT INTO event_countries SELECT c, id FROM events, "
                "unnest(string_to_array(countries, '-')) c WHERE c <> '' ON CONFLICT DO NOTHING;",
              7: LEDGER_STATE, 8: _COUNTRIES}
_BATCH_LOCK = 0x6B616964  # the advisory lock of ingest batches ('kaid')
_LINKS_LOCK = 0x6C696E6B  # held by a transaction changing the ledger's links ('link')
_PAGE = 1000               # rows per page of the iterators (memory stays flat in the archive's size)


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise StoreError("a postgresql:// database needs psycopg 3: pip install 'kaidan[postgres]'") from exc
    return psycopg


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore(SqlStore):
    """A Kaidan database in PostgreSQL; use as a context manager or call :meth:`close`."""

    SEQ = "seq"
    LEAST, GREATEST = "least", "greatest"
    LEFT = "left({0}, {1})"
    RIGHT = "right({0}, {1})"
    JSON_LENGTH = "json_array_length({0}::json -> '{1}')"
    EVENT_DATE = "({0}::json -> 'event' ->> 'date')"
    JOIN_WORDS = "string_agg({0}, ' ')"

    def __init__(self, url: str, *, clock: Callable[[], str] = utc_now, readonly: bool = False) -> None:
        psycopg = _psycopg()
        self.path = redact(url)
        self.url = url             # what workers connect with (kaidan.parallel): they write here directly
        self._clock = clock
        self.readonly = readonly   # read commands pass it; the server's own permissions decide what is refused
        self._db = None
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self._open()
        except psycopg.Error as exc:
            self.close()
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc
        except StoreError:
            self.close()
            raise

    def _open(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            present = {r[0] for r in self._db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
            if "kaidan_meta" in present:
                version = int(self._db.execute(
                    "SELECT value FROM kaidan_meta WHERE key = 'schema_version'").fetchone()[0])
            elif "documents" in present:
                raise StoreError(f"{self.path}: has a documents table but is not a Kaidan database; "
                                 "pass another --db (or another schema: ?options=-csearch_path%3DNAME)")
            else:
                version = 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer Kaidan (schema {version}, this one reads up to "
                    f"{SCHEMA_VERSION}); upgrade Kaidan or pass another --db")
            if version == 0:
                self._db.execute(_META)
                self._db.execute(SCHEMA)
                self._db.execute("INSERT INTO kaidan_meta VALUES ('schema_version', %s)", (str(SCHEMA_VERSION),))
            elif version < SCHEMA_VERSION:
                for v in range(version, SCHEMA_VERSION):
                    self._db.execute(MIGRATIONS[v])
                # event records cached before the ledger's rows and links existed get them in the same step (a
                # later schema's records have them already: written again, every block would be relinked)
                records = self._db.execute("SELECT event_id, version, record FROM event_records").fetchall() \
                    if version < LINKED_SINCE else []
                for event_id, record_version, record in records:
                    write_rows(_sql(self._db), event_id, record_version, json.loads(record))
                self._db.execute("UPDATE kaidan_meta SET value = %s WHERE key = 'schema_version'",
                                 (str(SCHEMA_VERSION),))

    # plumbing

    def _write(self, work: Callable[[links.Sql], Any]) -> Any:
        """Run ``work(tx)`` in one transaction, again when it deadlocked or lost a serialisation race."""
        psycopg = _psycopg()
        for attempt in range(RETRIES):
            try:
                with self._db.transaction():
                    return work(_sql(self._db))
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == RETRIES - 1:
                    raise StoreError(f"{self.path}: gave up after {RETRIES} conflicting attempts; try again")
                time.sleep(0.05 * (attempt + 1))
            except psycopg.Error as exc:
                raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        try:
            return self._db.execute(_pg(sql), params).fetchall()
        except _psycopg().Error as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _stream(self, sql: str, params: tuple) -> Iterator[tuple]:
        """Rows of one query through a named (server-side) cursor, in one read transaction."""
        psycopg = _psycopg()
        try:
            with self._db.transaction(), self._db.cursor(name="kaidan_stream") as cur:
                cur.itersize = _PAGE * 10
                cur.execute(_pg(sql), params)
                yield from cur
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _reader(self) -> links.Sql:
        return _sql(self._db)

    def _replace(self, table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
        return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks(len(columns))}) "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}")

    def _insert_ignore(self, table: str, columns: tuple[str, ...], key: tuple[str, ...] = ()) -> str:
        target = f" ({', '.join(key)})" if key else ""
        return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks(len(columns))}) ON CONFLICT{target} DO NOTHING"

    def _event_prefix(self, prefix: str) -> tuple[str, tuple]:
        return "left(id, ?) = ?", (len(prefix), prefix)

    def _pages(self, sql: str, params: tuple, key: Callable[[tuple], tuple], after: str) -> Iterator[tuple]:
        """Rows of ``sql`` page by page (keyset pagination: no transaction stays open between pages).

        ``sql`` has a ``{after}`` slot for the condition on the last row's key and ends in its ORDER BY."""
        last = None
        while True:
            cond, extra = ("", ()) if last is None else (after, last)
            rows = self._rows(sql.format(after=cond) + f" LIMIT {_PAGE}", (*params, *extra))
            yield from rows
            if len(rows) < _PAGE:
                return
            last = key(rows[-1])

    @contextmanager
    def batch(self, first: Callable[[], object] | None = None) -> Iterator[object]:
        """A batch of writes (see :meth:`Store.batch`): ``first`` runs only while no other batch holds the
        server's advisory lock of this database, which every batch holds shared while it writes."""
        alone = self._one("SELECT pg_try_advisory_lock(%s)", (_BATCH_LOCK,))[0]
        try:
            result = first() if first is not None and alone else None
            if alone:
                self._rows("SELECT pg_advisory_unlock(%s)", (_BATCH_LOCK,))
                alone = False
            self._rows("SELECT pg_advisory_lock_shared(%s)", (_BATCH_LOCK,))
            yield result
        finally:
            if alone:
                self._rows("SELECT pg_advisory_unlock(%s)", (_BATCH_LOCK,))
            else:
                self._rows("SELECT pg_advisory_unlock_shared(%s)", (_BATCH_LOCK,))

    def document_mark(self) -> int:
        """The seq of the last document stored so far (0 for none): documents stored later have a larger one."""
        return self._one("SELECT coalesce(max(seq), 0) FROM documents")[0]

    def write_prepared(self, doc: RawDocument, record: dict | None = None, extractor_version: str | None = None,
                       entries: Iterable | None = None) -> tuple[bool, int]:
        """What a worker of a parallel ingest writes of one source (kaidan.parallel), in one transaction: the
        document and its source, and when this insert stored the document (``won``), its facts and search
        entries. (won, the document's seq)."""
        add = self._add_work(doc)
        facts = self._facts_work(doc.id, record, extractor_version) if record is not None else None
        index = self._search_work(doc.id, entries or []) if record is not None else None

        def work(tx: links.Sql) -> tuple[bool, int]:
            won = bool(add(tx))
            if won and facts is not None:
                facts(tx)
                index(tx)
            return won, tx.rows("SELECT seq FROM documents WHERE id = ?", (doc.id,))[0][0]

        return self._write(work)

    def facts_without_event(self) -> list[tuple[str, dict]]:
        rows = self._rows(
            "SELECT f.doc_id, f.record FROM facts f JOIN documents d ON d.id = f.doc_id "
            "LEFT JOIN doc_events de ON de.doc_id = f.doc_id WHERE de.doc_id IS NULL ORDER BY d.seq")
        return [(doc_id, json.loads(rec)) for doc_id, rec in rows]

    # search

    def index_search(self, doc_id: str, entries: Iterable[tuple[str, int | None, str]]) -> None:
        """Replace the search entries of a document, in one transaction (see :meth:`Store.index_search`)."""
        self._write(self._search_work(doc_id, entries))

    def _search_work(self, doc_id: str, entries: Iterable[tuple[str, int | None, str]]) -> Callable:
        rows = [(doc_id, kind, ref, "doc" if kind == "document" else "fact", chunk)
                for kind, ref, terms in entries
                for chunk in (_chunks(terms) if kind == "document" else [terms])]

        def work(tx: links.Sql) -> None:
            # one writer at a time per document: two replacing its entries at once would each keep their own
            tx.run("SELECT 1 FROM documents WHERE id = ? FOR NO KEY UPDATE", (doc_id,))
            tx.run("DELETE FROM search_rows WHERE doc_id = ?", (doc_id,))
            tx.many("INSERT INTO search_rows (doc_id, kind, ref, scope, terms) "
                    f"VALUES (?, ?, ?, ?, to_tsvector('{TS_CONFIG}', ?))", rows)

        return work

    def search(self, match: str, *, limit: int = 50, offset: int = 0, window: int = SEARCH_WINDOW,
               within: EventFilter | None = None, by_date: bool = False) -> list[tuple[str, str, int | None, float]]:
        """(doc id, kind, ref, rank) of the entries matching a query, best first (rank: lower is better).

        ``match`` is the query :func:`kaidan.store.search.match_query` builds for FTS5 (quoted phrases joined
        by AND/OR, a ``terms :`` and maybe a ``scope :`` filter); it is read into a tsquery of phrases. As in
        SQLite, only the ``window`` most recently indexed matches are ranked (by ``ts_rank``, which reads
        the row alone); ``within`` keeps entries of documents reporting one of its events: its country is the
        rows' ``countries``, read from the GIN index with the terms; dates or an event id are a join on the
        indexed ``doc_events`` and ``events`` for each row the index gives; ``by_date`` puts the latest event
        first (see :meth:`Store.search`).
        """
        try:
            query, params, scope = _tsquery(match)
        except ValueError as exc:
            raise StoreError(f"{self.path}: search failed ({exc}); simplify the query") from exc
        where = "AND scope = %s" if scope else ""
        extra: list = [scope] if scope else []
        if within is not None and within.country:   # read from the index with the terms: rows of the country only
            where += " AND countries @> ARRAY[%s]::text[]"
            extra.append(within.country.upper())
        plain = None                                   # the conditions but the look-up of the filter's events
        if within is not None and (within.event or within.date_from or within.date_to):
            # a country alone is the countries condition; with dates or an event, one event must meet them all
            plain = (where, list(extra))
            cond, params_within = _event_condition(within)
            where += (" AND doc_id IN (SELECT de.doc_id FROM doc_events de JOIN events e ON e.id = de.event_id "
                      f"WHERE {cond})")
            extra += params_within
        found = self._newest_matches(query, params, where, extra, max(window, offset + limit), plain)
        if not found:
            return []
        # the best-ranked row of each entry (a document or a fact: doc_id, kind, ref), then the entries by rank
        best: dict[tuple, tuple] = {}
        for row in found:
            key = row[1:4]
            if key not in best or (row[4], -row[0]) < (best[key][4], -best[key][0]):
                best[key] = row
        ranked = sorted(best.values(), key=lambda r: (r[4], -r[0]))
        if by_date:                                    # the latest event first (none: last), stable on the rank
            latest = self._latest_dates({r[1] for r in ranked})
            ranked.sort(key=lambda r: (latest.get(r[1]) is not None, latest.get(r[1]) or ""), reverse=True)
        return [(doc_id, kind, ref, rank) for _rowid, doc_id, kind, ref, rank in ranked[offset:offset + limit]]

    def _latest_dates(self, doc_ids: set[str]) -> dict[str, str | None]:
        """The latest date_start of each document's events (None: it has none). One look-up per document
        through the indexes (a join of the list with ``doc_events`` may be planned as a scan of ``events``:
        18-27 ms for 1,000 documents at 100,000 against 1-3)."""
        try:
            return dict(self._db.execute(
                "SELECT d, (SELECT max(e.date_start) FROM doc_events de JOIN events e ON e.id = de.event_id "
                "WHERE de.doc_id = d) FROM unnest(%s::text[]) d", (sorted(doc_ids),), prepare=False).fetchall())
        except _psycopg().Error as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _newest_matches(self, query: str, params: list, where: str, extra: list, need: int,
                        plain: tuple[str, list] | None = None) -> list[tuple]:
        """The ``need`` most recently indexed entries matching (``where`` and its parameters ``extra`` added),
        the newest first, as (rowid, doc id, kind, ref, rank): the same rows whichever way each step reads
        them.

        PostgreSQL's own estimate of a query's matches is no guide (it multiplies the words' frequencies: for
        "Prime Minister" it expects 222 of the 20,000 rows that have both), so the first step measures it: the
        newest ``SCAN_SPAN`` rows are walked through the primary key (bitmap scans off), which fills the window
        of a common word at a cost bounded by the span. When it does not, the matches it found give the
        query's density, and the rest is read in the cheapest of three ways (:func:`_next_step`): walking on
        through the range the density says holds the rest (times ``MARGIN``); that range as the full-text
        index's matches ANDed with the primary key's range (only the matches in the range are read from the
        table); or every older match through the full-text index (a rare word: few matches to read). A range
        that falls short is followed by the next step, from where it stopped.

        A country filter is a condition of ``where`` on the rows' ``countries``, which the range and index
        steps read from the GIN index with the terms: nothing more to cost. With a filter of dates or an event
        (its look-up is part of ``where``; ``plain``: the other conditions, the country's included) a step
        reads every row the full-text condition keeps and checks the filter on each: when the walk leaves
        matches to find, the rows of the walked span that match the query without the filter are counted too
        (a second walk of the span, without the filter's look-ups), and the next step is costed by both
        densities (:func:`_next_step`)."""
        top = self._one("SELECT max(rowid) FROM search_rows")[0]
        if not top:
            return []
        # the other conditions before the full-text one: a walk checks a row's countries before matching its
        # terms (PostgreSQL keeps the written order of conditions of equal cost)
        # each row with its rank: ranked as it is read (the rows the step keeps only), not looked up again
        body = (" SELECT rowid, doc_id, kind, ref, -ts_rank(terms, tq) AS rank FROM (SELECT rowid, doc_id, kind, "
                f"ref, terms, q.q AS tq FROM search_rows, q WHERE true {where} AND terms @@ q.q "
                "AND rowid > %s AND rowid <= %s ORDER BY rowid DESC LIMIT %s) kept")
        # the walk and the full index read see the query (a constant: the planner expects it rare and reads
        # the index alone); a range hides it (the planner's default guess, 0.5 % of the rows, makes it AND the
        # index with the primary key's range)
        sql = {"walk": "WITH q AS (SELECT " + query + " AS q)" + body,
               "index": "WITH q AS (SELECT " + query + " AS q)" + body,
               "range": "WITH q AS MATERIALIZED (SELECT " + query + " AS q)" + body}
        words = sum(len(p.split()) for p in params)     # the words of the query's phrases, as indexed
        found: list[tuple] = []
        hi, how, lo = top, "walk", max(0, top - SCAN_SPAN)
        share = 1.0                                     # of the rows matching the query, those the filter keeps
        try:
            while True:
                with self._db.transaction():
                    for setting in _STEP_SETTINGS[how]:
                        self._db.execute(f"SET LOCAL {setting} = off")
                    found += self._step(sql[how], (*params, *extra, lo, hi, need - len(found)))
                if plain is not None and hi == top and lo > 0 and 0 < len(found) < need:  # none: the index
                    share = self._share(query, params, *plain, lo, hi, len(found))
                hi = lo
                if hi <= 0 or len(found) >= need:
                    return found
                how, lo = _next_step(len(found) / (top - hi), need - len(found), hi, top, words, share)
        except _psycopg().Error as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _share(self, query: str, params: list, where: str, extra: list, lo: int, hi: int, kept: int) -> float:
        """Of the rows in (``lo``, ``hi``] matching the query (``where``: its scope alone, no event filter), the
        share ``kept`` is: a walk of the span through the primary key, as the first step's."""
        with self._db.transaction():
            self._db.execute("SET LOCAL enable_bitmapscan = off")
            rows = self._db.execute("WITH q AS (SELECT " + query + " AS q) SELECT count(*) FROM search_rows, q "
                                    f"WHERE true {where} AND terms @@ q.q AND rowid > %s AND rowid <= %s",
                                    (*params, *extra, lo, hi), prepare=False).fetchone()[0]
        return kept / rows if rows else 1.0

    def _step(self, sql: str, params: tuple) -> list[tuple]:
        """The rows of a step, (rowid, doc id, kind, ref, rank), run on the connection (in the caller's
        transaction).

        Search statements are never prepared (``prepare=False``; nor is the share's count or the dates'):
        psycopg prepares a statement run five times, and after five more runs PostgreSQL may keep a generic
        plan, made without the query's words and the step's range, the values each step's plan is chosen by
        (measured on 1.84 million rows: the same country-filtered search 50 ms for its first ten runs, then
        150-620 ms)."""
        return [tuple(r) for r in self._db.execute(sql, params, prepare=False)]


# what each step of a search turns off for its statement: the walk reads the primary key in order, the range and
# the full index read build bitmaps
_STEP_SETTINGS = {"walk": ("enable_bitmapscan",), "range": ("enable_indexscan", "enable_seqscan"),
                  "index": ("enable_indexscan", "enable_seqscan")}


def _next_step(density: float, rest: int, hi: int, top: int, words: int = 1,
               share: float = 1.0) -> tuple[str, int]:
    """How to read the ``rest`` newest matches at or below rowid ``hi`` (of ``top`` rows), given the matches per
    row seen so far: ("walk" | "range" | "index", the rowid the step reads down to), the cheapest by the costs
    per row. A bitmap of the full-text index reads each of the query's ``words``' entries, each at least every
    match of the table. ``share`` < 1: an event filter keeps that share of the rows matching the query, so each
    step reads ``1 / share`` as many matching rows as it keeps, and checks the filter on each."""
    if density <= 0:
        return "index", 0                               # none seen: a rare word, read through the index
    span = min(hi, math.ceil(rest / density * MARGIN))
    read = density / share                              # rows matching the query per row, before the filter
    check = FILTER_COST if share < 1 else 0.0
    entries = ENTRY_COST * words * density * top        # as unfiltered: words x matches overstates a phrase's
    costs = {"walk": WALK_COST * span + check * read * span,
             "range": entries + RANGE_COST * span + (MATCH_COST + check) * min(rest * MARGIN / share, read * span),
             "index": entries + (MATCH_COST + check) * read * hi}
    how = min(costs, key=costs.get)
    return how, 0 if how == "index" else hi - span


def _event_condition(within: EventFilter) -> tuple[str, list]:
    """The shared filter condition with PostgreSQL's placeholders, the id prefix tested by ``starts_with``
    (a range would depend on the database's collation)."""
    cond, params = event_condition(within, ("starts_with(e.id, ?)", [within.event]))
    return _pg(cond), params


def _pg(sql: str) -> str:
    """A statement shared with the SQLite store, with PostgreSQL's placeholders."""
    return sql.replace("?", "%s")


def _sql(db) -> links.Sql:
    """The ledger links' statements run on this connection, with PostgreSQL's placeholders."""
    def many(q: str, seq: list[tuple]) -> None:
        if seq:
            with db.cursor() as cur:
                cur.executemany(_pg(q), seq)

    return links.Sql(lambda q, p: db.execute(_pg(q), p).fetchall(), lambda q, p: db.execute(_pg(q), p), many,
                     "least", lambda: db.execute("SELECT pg_advisory_xact_lock(%s)", (_LINKS_LOCK,)))


def _chunks(terms: str) -> list[str]:
    """A document's index terms cut at line ends into pieces of at most CHUNK_TOKENS tokens."""
    out, part, size = [], [], 0
    for line in terms.split("\n"):
        n = line.count(" ") + 1
        if part and size + n > CHUNK_TOKENS:
            out.append("\n".join(part))
            part, size = [], 0
        part.append(line)
        size += n
    out.append("\n".join(part))
    return out


_QUERY_TOKEN = re.compile(r'\s*("(?:[^"]|"")*"|\(|\)|:|[A-Za-z_]+)')


def _tsquery(match: str) -> tuple[str, list[str], str | None]:
    """SQL for the tsquery of an FTS5 query made of quoted phrases, AND, OR, parentheses and column filters.

    Returns (SQL expression, its parameters, the scope filter or None)."""
    tokens, pos = [], 0
    while pos < len(match):
        m = _QUERY_TOKEN.match(match, pos)
        if m is None:
            if match[pos:].strip():
                raise ValueError(f"cannot read {match[pos:pos + 20]!r}")
            break
        tokens.append(m.group(1))
        pos = m.end()
    params: list[str] = []
    scope: list[str] = []
    i = 0

    def peek():
        return tokens[i] if i < len(tokens) else None

    def take(expected=None):
        nonlocal i
        tok = peek()
        if tok is None or (expected and tok != expected):
            raise ValueError(f"expected {expected or 'more'} in the query")
        i += 1
        return tok

    def atom():
        tok = take()
        if tok == "(":
            inner = either()
            take(")")
            return inner
        if tok.startswith('"'):
            params.append(tok[1:-1].replace('""', '"'))
            return f"phraseto_tsquery('{TS_CONFIG}', %s)"
        if peek() == ":" and tok in ("terms", "scope"):
            take(":")
            if tok == "scope":
                scope.append(take())
                return None
            return atom()
        raise ValueError(f"unexpected {tok!r}")

    def both():
        parts = [atom()]
        while peek() == "AND":
            take()
            parts.append(atom())
        parts = [p for p in parts if p is not None]
        return "(" + " && ".join(parts) + ")" if parts else None

    def either():
        parts = [both()]
        while peek() == "OR":
            take()
            parts.append(both())
        if any(p is None for p in parts):
            raise ValueError("a column filter inside OR")
        return "(" + " || ".join(parts) + ")"

    expr = either()
    if i != len(tokens):
        raise ValueError(f"unexpected {tokens[i]!r}")
    if len(set(scope)) > 1 or (scope and scope[0] not in ("doc", "fact")):
        raise ValueError("an unknown scope")
    return expr, params, scope[0] if scope else None


def _explain(exc: Exception) -> str:
    """One line saying what went wrong with the server and what to do."""
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    if name == "OperationalError" and ("connect" in text or "server" in text):
        return f"cannot reach the PostgreSQL server ({text}); check the URL and that the server runs"
    if name == "InsufficientPrivilege":
        return f"not allowed ({text}); the role needs CREATE on the database or schema"
    return f"database error ({text})"
