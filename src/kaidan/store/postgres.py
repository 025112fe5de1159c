"""The PostgreSQL store a team shares: the same tables, methods and search as the SQLite store.

``PostgresStore("postgresql://user@host/db")`` (or ``--db``/``$KAIDAN_DB`` set to such a URL, see
:func:`kaidan.store.open_store`). Needs psycopg 3 (``pip install 'kaidan[postgres]'``).

* **Schema.** The tables of :mod:`kaidan.store.sqlite` with the same columns, plus ``seq`` columns that
  stand for SQLite's rowid (the order documents and sources were stored). The schema version is kept in
  ``kaidan_meta``; an older version is brought up with the same steps as SQLite's, under an advisory
  lock, so two processes opening a new database at once create it once.
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
  to 16,383, so a long document is indexed in chunks of lines (the search returns it once).
"""
from __future__ import annotations

from contextlib import contextmanager

import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kaidan.errors import StoreError
from kaidan.ingest import RawDocument

from . import links
from .base import (INSERT_COMMITMENT, INSERT_CONFLICT, SELECT_CONFLICTS, SELECT_ENTRIES, SELECT_LEDGER, SELECT_LINKS,
                   EventFilter, event_countries, record_rows, utc_now)
from .base import heading as _heading
from .sqlite import LEDGER_LINKS, LEDGER_TABLES, SEARCH_FILTER_TABLES, SEARCH_WINDOW

SCHEMA_VERSION = 7
TS_CONFIG = "kaidan"
CHUNK_TOKENS = 6000        # tokens of one document's text per search row (positions stop at 16,383)
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
SCHEMA = _DOCUMENTS + _EVENTS + _SEARCH + _EVENT_RECORDS + _METADATA + _LEDGER + _LINKS + _FILTERS
# The same steps as the SQLite store's migrations, by the version they start from (a database of schema 6
# where a mark was made already has the marks table: it was made by the first mark).
MIGRATIONS = {1: _EVENTS, 2: _SEARCH, 3: _EVENT_RECORDS, 4: _METADATA, 5: _LEDGER,
              6: _LINKS.replace("CREATE TABLE ledger_marks", "CREATE TABLE IF NOT EXISTS ledger_marks") + _FILTERS
              + "INSERT INTO event_countries SELECT c, id FROM events, "
                "unnest(string_to_array(countries, '-')) c WHERE c <> '' ON CONFLICT DO NOTHING;"}
_RECORD_TABLES = ("event_records", "event_commitments", "event_conflicts")

_DOC_COLUMNS = tuple(field.name for field in fields(RawDocument))
_SELECT_DOC = f"SELECT {', '.join('d.' + column for column in _DOC_COLUMNS)} FROM documents d"
_HEX = frozenset("0123456789abcdef")
_FACT_TYPES = ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities")
_EVENT_FIELDS = ("id", "countries", "date_start", "date_end", "kind")
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


class PostgresStore:
    """A Kaidan database in PostgreSQL; use as a context manager or call :meth:`close`."""

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
                # event records cached before the ledger's tables existed get their rows in the same step
                for event_id, record_version, record in self._db.execute(
                        "SELECT event_id, version, record FROM event_records").fetchall():
                    _write_rows(self._db, event_id, record_version, json.loads(record))
                self._db.execute("UPDATE kaidan_meta SET value = %s WHERE key = 'schema_version'",
                                 (str(SCHEMA_VERSION),))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # plumbing

    def _write(self, work: Callable[[Any], Any]) -> Any:
        """Run ``work(connection)`` in one transaction, again when it deadlocked or lost a serialisation race."""
        psycopg = _psycopg()
        for attempt in range(RETRIES):
            try:
                with self._db.transaction():
                    return work(self._db)
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == RETRIES - 1:
                    raise StoreError(f"{self.path}: gave up after {RETRIES} conflicting attempts; try again")
                time.sleep(0.05 * (attempt + 1))
            except psycopg.Error as exc:
                raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, params).fetchall()
        except _psycopg().Error as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def _one(self, sql: str, params: tuple = ()) -> tuple | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

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

    # documents

    def add_document(self, doc: RawDocument) -> str:
        return "stored" if self._write(self._add_work(doc)) else "unchanged"

    def _add_work(self, doc: RawDocument) -> Callable:
        def work(db):
            now = self._clock()
            values = [getattr(doc, column) for column in _DOC_COLUMNS]
            added = db.execute(
                f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}, added_at) "
                f"VALUES ({', '.join(['%s'] * (len(_DOC_COLUMNS) + 1))}) ON CONFLICT (id) DO NOTHING",
                (*values, now)).rowcount
            db.execute("INSERT INTO sources (source, doc_id, added_at) VALUES (%s, %s, %s) "
                       "ON CONFLICT (source, doc_id) DO NOTHING", (doc.source, doc.id, now))
            db.execute("DELETE FROM failures WHERE source = %s", (doc.source,))
            return added

        return work

    def get_document(self, key: str) -> RawDocument | None:
        row = self._one(f"{_SELECT_DOC} WHERE d.id = %s", (key,))
        if row is None and key and set(key) <= _HEX:
            rows = self._rows(f"{_SELECT_DOC} WHERE left(d.id, %s) = %s LIMIT 2", (len(key), key))
            if len(rows) > 1:
                raise StoreError(f"id prefix {key!r} matches several documents; give more characters")
            row = rows[0] if rows else None
        if row is None:
            row = self._one(f"{_SELECT_DOC} JOIN sources s ON s.doc_id = d.id WHERE s.source = %s "
                            "ORDER BY s.seq DESC LIMIT 1", (key,))
        return _document(row) if row else None

    def document_by_name(self, name: str) -> RawDocument | None:
        """The document read from a source whose file name is ``name`` (see :meth:`Store.document_by_name`)."""
        if not name:
            return None
        rows = self._rows(
            f"{_SELECT_DOC} JOIN sources s ON s.doc_id = d.id WHERE s.source = %s OR right(s.source, %s) IN (%s, %s) "
            "GROUP BY d.id ORDER BY max(s.seq) DESC LIMIT 2",
            (name, len(name) + 1, "/" + name, "\\" + name))
        if len(rows) > 1:
            raise StoreError(f"{name!r} names several documents; give the path as ingested or the document id")
        return _document(rows[0]) if rows else None

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

    def iter_documents(self) -> Iterator[RawDocument]:
        sql = f"SELECT {', '.join('d.' + c for c in _DOC_COLUMNS)}, d.seq FROM documents d {{after}} ORDER BY d.seq"
        for row in self._pages(sql, (), lambda r: (r[-1],), "WHERE d.seq > %s"):
            yield _document(row[:-1])

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

        def work(db):
            won = bool(add(db))
            if won and facts is not None:
                facts(db)
                index(db)
            return won, db.execute("SELECT seq FROM documents WHERE id = %s", (doc.id,)).fetchone()[0]

        return self._write(work)

    def restore_document(self, doc: RawDocument) -> None:
        """Give a stored document the columns of ``doc`` (same text, so same id): the source read first of a
        parallel batch whose later copy a worker happened to store first (kaidan.parallel)."""
        cols = [c for c in _DOC_COLUMNS if c not in ("id", "text")]
        self._write(lambda db: db.execute(
            f"UPDATE documents SET {', '.join(c + ' = %s' for c in cols)} WHERE id = %s",
            (*[getattr(doc, c) for c in cols], doc.id)))

    def count_documents(self) -> int:
        return self._one("SELECT count(*) FROM documents")[0]

    def has_document(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM documents WHERE id = %s", (doc_id,)) is not None

    # failures

    def clear_failure(self, source: str) -> None:
        """Forget the failure of ``source`` (it was ingested after all)."""
        self._write(lambda db: db.execute("DELETE FROM failures WHERE source = %s", (source,)))

    def record_failure(self, source: str, error: Exception) -> None:
        message = " ".join(str(error).split()) or type(error).__name__
        self._write(lambda db: db.execute(
            "INSERT INTO failures (source, error, code, message, failed_at) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (source) DO UPDATE SET error = excluded.error, code = excluded.code, "
            "message = excluded.message, failed_at = excluded.failed_at",
            (source, type(error).__name__, getattr(error, "code", None), message, self._clock())))

    def failures(self) -> list[dict]:
        names = ("source", "error", "code", "message", "failed_at")
        rows = self._rows("SELECT source, error, code, message, failed_at FROM failures ORDER BY source")
        return [dict(zip(names, row)) for row in rows]

    # facts

    def save_facts(self, doc_id: str, record: dict, extractor_version: str) -> None:
        self._write(self._facts_work(doc_id, record, extractor_version))

    def _facts_work(self, doc_id: str, record: dict, extractor_version: str) -> Callable:
        text = json.dumps(record, ensure_ascii=False)

        def work(db):
            if db.execute("SELECT 1 FROM documents WHERE id = %s", (doc_id,)).fetchone() is None:
                raise StoreError(f"no document {doc_id!r} in {self.path}; add the document before its facts")
            db.execute(
                "INSERT INTO facts (doc_id, extractor_version, record, extracted_at) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (doc_id) DO UPDATE SET extractor_version = excluded.extractor_version, "
                "record = excluded.record, extracted_at = excluded.extracted_at",
                (doc_id, extractor_version, text, self._clock()))

        return work

    def get_facts(self, doc_id: str) -> dict | None:
        row = self._one("SELECT record FROM facts WHERE doc_id = %s", (doc_id,))
        return json.loads(row[0]) if row else None

    def iter_facts(self) -> Iterator[tuple[str, dict]]:
        sql = "SELECT f.doc_id, f.record, d.seq FROM facts f JOIN documents d ON d.id = f.doc_id {after} ORDER BY d.seq"
        for doc_id, record, _seq in self._pages(sql, (), lambda r: (r[2],), "WHERE d.seq > %s"):
            yield doc_id, json.loads(record)

    def docs_without_any_facts(self) -> list[str]:
        """Ids of documents stored without any fact record (a batch killed between the two steps)."""
        return [r[0] for r in self._rows("SELECT d.id FROM documents d WHERE NOT EXISTS "
                                         "(SELECT 1 FROM facts f WHERE f.doc_id = d.id) ORDER BY d.seq")]

    def unplaced_documents(self) -> list[str]:
        """Ids of documents whose facts give an event date but that are in no event."""
        return [r[0] for r in self._rows(
            "SELECT f.doc_id FROM facts f WHERE NOT EXISTS (SELECT 1 FROM doc_events de WHERE de.doc_id = f.doc_id) "
            "AND (f.record::json -> 'event' ->> 'date') IS NOT NULL")]

    def is_indexed(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM search_rows WHERE doc_id = %s LIMIT 1", (doc_id,)) is not None

    def docs_without_facts(self, extractor_version: str) -> list[str]:
        rows = self._rows(
            "SELECT d.id FROM documents d LEFT JOIN facts f ON f.doc_id = d.id "
            "WHERE f.doc_id IS NULL OR f.extractor_version != %s ORDER BY d.seq", (extractor_version,))
        return [row[0] for row in rows]

    # events

    def events_near(self, countries: str, date_lo: str, date_hi: str) -> list[dict]:
        rows = self._rows(
            "SELECT id, countries, date_start, date_end, kind FROM events "
            "WHERE countries = %s AND date_start <= %s AND date_end >= %s ORDER BY date_start",
            (countries, date_hi, date_lo))
        return [dict(zip(_EVENT_FIELDS, r)) for r in rows]

    def put_event(self, event: dict, doc_id: str, main: bool = True) -> None:
        def work(db):
            db.execute(
                "INSERT INTO events (id, countries, date_start, date_end, kind) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET date_start = least(events.date_start, excluded.date_start), "
                "date_end = greatest(events.date_end, excluded.date_end), "
                "kind = coalesce(events.kind, excluded.kind)",
                (event["id"], event["countries"], event["date_start"], event["date_end"], event.get("kind")))
            with db.cursor() as cur:
                cur.executemany("INSERT INTO event_countries (country, event_id) VALUES (%s, %s) "
                                "ON CONFLICT DO NOTHING", [(c, event["id"]) for c in event_countries(event)])
            db.execute("INSERT INTO doc_events (doc_id, event_id, main) VALUES (%s, %s, %s) "
                       "ON CONFLICT (doc_id, event_id) DO UPDATE SET main = excluded.main",
                       (doc_id, event["id"], int(main)))
            links.forget(_sql(db), [event["id"]])
            for table in _RECORD_TABLES:
                db.execute(f"DELETE FROM {table} WHERE event_id = %s", (event["id"],))

        self._write(work)

    def unlink_document(self, doc_id: str) -> None:
        def work(db):
            links.forget(_sql(db), [r[0] for r in db.execute("SELECT event_id FROM doc_events WHERE doc_id = %s",
                                                              (doc_id,))])
            for table in _RECORD_TABLES:
                db.execute(f"DELETE FROM {table} WHERE event_id IN "
                           "(SELECT event_id FROM doc_events WHERE doc_id = %s)", (doc_id,))
            db.execute("DELETE FROM doc_events WHERE doc_id = %s", (doc_id,))

        self._write(work)

    # merged event records (a cache: dropped whenever a document joins or leaves the event)

    def cached_event_record(self, event_id: str, version: str) -> dict | None:
        row = self._one("SELECT record FROM event_records WHERE event_id = %s AND version = %s", (event_id, version))
        return json.loads(row[0]) if row else None

    def cache_event_record(self, event_id: str, version: str, record: dict) -> None:
        values = (event_id, version, len(record.get("commitments") or []), len(record.get("conflicts") or []),
                  json.dumps(record, ensure_ascii=False))

        def work(db):
            db.execute(
                "INSERT INTO event_records (event_id, version, commitments, conflicts, record) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (event_id) DO UPDATE SET version = excluded.version, "
                "commitments = excluded.commitments, conflicts = excluded.conflicts, record = excluded.record",
                values)
            _write_rows(db, event_id, version, record)

        self._write(work)

    def ledger_rows(self, version: str) -> Iterator[tuple]:
        """The merged commitments of the cached records of this version (see :meth:`Store.ledger_rows`),
        read through a server-side cursor (memory stays flat in the archive's size)."""
        yield from self._stream(_pg(SELECT_LEDGER), (version,))

    def ledger_entries(self, version: str) -> Iterator[tuple]:
        """The merged commitments without citations or profiles (see :meth:`Store.ledger_entries`)."""
        yield from self._stream(_pg(SELECT_ENTRIES), (version,))

    def ledger_links(self, version: str) -> Iterator[tuple]:
        """Every stored link of this version (see :meth:`Store.ledger_links`)."""
        yield from self._stream(_pg(SELECT_LINKS), (version,))

    def commitment_citations(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The citations (JSON) of these commitments, by (event id, position)."""
        wanted = set(keys)
        events = sorted({k[0] for k in wanted})
        out = {}
        for base in range(0, len(events), 1000):
            for event_id, pos, cites in self._rows("SELECT event_id, pos, citations FROM event_commitments "
                                                   "WHERE event_id = ANY(%s)", (events[base:base + 1000],)):
                if (event_id, pos) in wanted:
                    out[(event_id, pos)] = cites
        return out

    def refresh_ledger(self, version: str, matcher: str) -> None:
        """Bring the stored links of this version up to date (see :meth:`Store.refresh_ledger`)."""
        if links.dirty(_sql(self._db), version) or links.stale(_sql(self._db), version, matcher):
            self._write(lambda db: links.refresh(_sql(db), version, matcher))

    def cached_conflicts(self, version: str) -> Iterator[dict]:
        for event_id, conflict in self._stream(_pg(SELECT_CONFLICTS), (version,)):
            yield {"event": event_id, **json.loads(conflict)}

    def _stream(self, sql: str, params: tuple) -> Iterator[tuple]:
        """Rows of one query through a named (server-side) cursor, in one read transaction."""
        psycopg = _psycopg()
        try:
            with self._db.transaction(), self._db.cursor(name="kaidan_stream") as cur:
                cur.itersize = _PAGE * 10
                cur.execute(sql, params)
                yield from cur
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_explain(exc)}") from exc

    def uncached_events(self, version: str) -> list[str]:
        rows = self._rows("SELECT e.id FROM events e LEFT JOIN event_records r ON r.event_id = e.id "
                          "AND r.version = %s WHERE r.event_id IS NULL ORDER BY e.date_start, e.id", (version,))
        return [r[0] for r in rows]

    def cached_event_records(self, version: str, *, with_commitments: bool = False,
                             with_conflicts: bool = False) -> Iterator[dict]:
        where = " AND r.commitments > 0" if with_commitments else ""
        where += " AND r.conflicts > 0" if with_conflicts else ""
        sql = ("SELECT r.record, e.date_start, e.id FROM event_records r JOIN events e ON e.id = r.event_id "
               f"WHERE r.version = %s{where} {{after}} ORDER BY e.date_start, e.id")
        for rec, _date, _id in self._pages(sql, (version,), lambda r: (r[1], r[2]),
                                           "AND (e.date_start, e.id) > (%s, %s)"):
            yield json.loads(rec)

    def iter_events(self) -> Iterator[dict]:
        rows = self._rows(
            "SELECT e.id, e.countries, e.date_start, e.date_end, e.kind, count(de.doc_id) FROM events e "
            "LEFT JOIN doc_events de ON de.event_id = e.id GROUP BY e.id ORDER BY e.date_start, e.id")
        for r in rows:
            yield dict(zip((*_EVENT_FIELDS, "documents"), r))

    def get_event(self, event_id: str) -> dict | None:
        row = self._one("SELECT id, countries, date_start, date_end, kind FROM events WHERE id = %s", (event_id,))
        if row is None:
            rows = self._rows("SELECT id, countries, date_start, date_end, kind FROM events WHERE left(id, %s) = %s "
                              "LIMIT 2", (len(event_id), event_id))
            if len(rows) != 1:
                return None
            row = rows[0]
        return dict(zip(_EVENT_FIELDS, row))

    def event_records(self, event_id: str) -> list[tuple[str, dict, bool]]:
        rows = self._rows(
            "SELECT de.doc_id, f.record, de.main FROM doc_events de JOIN facts f ON f.doc_id = de.doc_id "
            "JOIN documents d ON d.id = de.doc_id WHERE de.event_id = %s ORDER BY d.seq", (event_id,))
        return [(doc_id, json.loads(rec), bool(main)) for doc_id, rec, main in rows]

    def facts_without_event(self) -> list[tuple[str, dict]]:
        rows = self._rows(
            "SELECT f.doc_id, f.record FROM facts f JOIN documents d ON d.id = f.doc_id "
            "LEFT JOIN doc_events de ON de.doc_id = f.doc_id WHERE de.doc_id IS NULL ORDER BY d.seq")
        return [(doc_id, json.loads(rec)) for doc_id, rec in rows]

    def events_of_document(self, doc_id: str) -> list[dict]:
        rows = self._rows(
            "SELECT e.id, e.countries, e.date_start, e.date_end, e.kind, de.main FROM doc_events de "
            "JOIN events e ON e.id = de.event_id WHERE de.doc_id = %s ORDER BY de.main DESC, e.date_start", (doc_id,))
        return [dict(zip((*_EVENT_FIELDS, "main"), (*r[:5], bool(r[5])))) for r in rows]

    def document_summaries(self, limit: int, offset: int = 0) -> list[dict]:
        counts = ", ".join(f"json_array_length(f.record::json -> '{t}')" for t in _FACT_TYPES)
        rows = self._rows(
            f"SELECT d.id, d.source, d.title, d.lang, d.content_type, d.published, d.size, d.added_at, d.site, d.url, "
            f"{counts}, (SELECT string_agg(event_id, ' ') FROM doc_events de WHERE de.doc_id = d.id), left(d.text, 200) "
            "FROM documents d LEFT JOIN facts f ON f.doc_id = d.id ORDER BY d.seq DESC LIMIT %s OFFSET %s",
            (limit, offset))
        names = ("id", "source", "title", "lang", "content_type", "published", "size", "added_at", "site", "url")
        out = []
        for r in rows:
            counted = r[len(names):len(names) + len(_FACT_TYPES)]
            out.append({**dict(zip(names, r)),
                        "facts": None if counted[0] is None else dict(zip(_FACT_TYPES, counted)),
                        "events": (r[-2] or "").split(), "heading": _heading(r[-1])})
        return out

    def document_metadata(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """What shows a document as a source, by id (see :meth:`Store.document_metadata`)."""
        ids = list(dict.fromkeys(doc_ids))
        names = ("id", "source", "title", "site", "url", "published", "lang", "content_type")
        rows = self._rows(f"SELECT {', '.join(names)}, left(text, 200) FROM documents WHERE id = ANY(%s)",
                          (ids,)) if ids else []
        return {r[0]: {**dict(zip(names, r)), "heading": _heading(r[-1])} for r in rows}

    # search

    def index_search(self, doc_id: str, entries: Iterable[tuple[str, int | None, str]]) -> None:
        """Replace the search entries of a document, in one transaction (see :meth:`Store.index_search`)."""
        self._write(self._search_work(doc_id, entries))

    def _search_work(self, doc_id: str, entries: Iterable[tuple[str, int | None, str]]) -> Callable:
        rows = [(doc_id, kind, ref, "doc" if kind == "document" else "fact", chunk)
                for kind, ref, terms in entries
                for chunk in (_chunks(terms) if kind == "document" else [terms])]

        def work(db):
            # one writer at a time per document: two replacing its entries at once would each keep their own
            db.execute("SELECT 1 FROM documents WHERE id = %s FOR NO KEY UPDATE", (doc_id,))
            db.execute("DELETE FROM search_rows WHERE doc_id = %s", (doc_id,))
            if rows:
                with db.cursor() as cur:
                    cur.executemany("INSERT INTO search_rows (doc_id, kind, ref, scope, terms) "
                                    f"VALUES (%s, %s, %s, %s, to_tsvector('{TS_CONFIG}', %s))", rows)

        return work

    def docs_without_search(self, limit: int = 1000) -> list[str]:
        rows = self._rows(
            "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_rows r WHERE r.doc_id = d.id) "
            "ORDER BY d.seq LIMIT %s", (limit,))
        return [row[0] for row in rows]

    def search(self, match: str, *, limit: int = 50, offset: int = 0, window: int = SEARCH_WINDOW,
               within: EventFilter | None = None, by_date: bool = False) -> list[tuple[str, str, int | None, float]]:
        """(doc id, kind, ref, rank) of the entries matching a query, best first (rank: lower is better).

        ``match`` is the query :func:`kaidan.store.search.match_query` builds for FTS5 (quoted phrases joined
        by AND/OR, a ``terms :`` and maybe a ``scope :`` filter); it is read into a tsquery of phrases. As in
        SQLite, only the ``window`` most recently indexed matches are ranked (by ``ts_rank``, which reads
        the row alone); ``within`` keeps entries of documents reporting one of its events (a join on the
        indexed ``event_countries`` and ``events``), ``by_date`` puts the latest event first (see
        :meth:`Store.search`).
        """
        try:
            query, params, scope = _tsquery(match)
        except ValueError as exc:
            raise StoreError(f"{self.path}: search failed ({exc}); simplify the query") from exc
        where = "AND scope = %s" if scope else ""
        extra: list = [scope] if scope else []
        if within is not None:
            cond, params_within = _event_condition(within)
            where += (" AND doc_id IN (SELECT de.doc_id FROM doc_events de JOIN events e ON e.id = de.event_id "
                      f"WHERE {cond})")
            extra += params_within
        order = ("(SELECT max(e.date_start) FROM doc_events de JOIN events e ON e.id = de.event_id "
                 "WHERE de.doc_id = best.doc_id) DESC NULLS LAST, rank, rowid DESC") if by_date else "rank, rowid DESC"
        sql = (
            "WITH q AS (SELECT " + query + " AS q), "
            "hits AS (SELECT rowid, doc_id, kind, ref, terms FROM search_rows, q "
            f"WHERE terms @@ q.q {where} ORDER BY rowid DESC LIMIT %s), "
            "best AS (SELECT DISTINCT ON (doc_id, kind, ref) doc_id, kind, ref, "
            "-ts_rank(terms, q.q) AS rank, rowid FROM hits, q ORDER BY doc_id, kind, ref, rank, rowid DESC) "
            f"SELECT doc_id, kind, ref, rank FROM best ORDER BY {order} LIMIT %s OFFSET %s")
        return [tuple(r) for r in self._rows(sql, (*params, *extra, max(window, offset + limit), limit, offset))]

    # the ledger's "done" marks (see the SQLite store)

    def mark_done(self, entry: str, done_by: str, citation: dict) -> dict:
        mark = {"entry": entry, "by": done_by, "at": self._clock(), "citation": citation}

        def work(db):
            db.execute("INSERT INTO ledger_marks (entry, done_by, done_at, citation) VALUES (%s, %s, %s, %s) "
                       "ON CONFLICT (entry) DO UPDATE SET done_by = excluded.done_by, done_at = excluded.done_at, "
                       "citation = excluded.citation",
                       (entry, done_by, mark["at"], json.dumps(citation, ensure_ascii=False)))
        self._write(work)
        return mark

    def done_marks(self) -> dict[str, dict]:
        rows = self._rows("SELECT entry, done_by, done_at, citation FROM ledger_marks")
        return {e: {"entry": e, "by": by, "at": at, "citation": json.loads(c)} for e, by, at, c in rows}

    def document_text(self, doc_id: str) -> str | None:
        row = self._one("SELECT text FROM documents WHERE id = %s", (doc_id,))
        return row[0] if row else None


def _event_condition(within: EventFilter) -> tuple[str, list]:
    """SQL over events ``e`` keeping the events of a filter, and its parameters (see the SQLite store's)."""
    conds, params = [], []
    if within.event:
        conds.append("starts_with(e.id, %s)")
        params.append(within.event)
    if within.date_from:
        conds.append("e.date_end >= %s")
        params.append(within.date_from)
    if within.date_to:
        conds.append("e.date_start <= %s")
        params.append(within.date_to)
    if within.country:
        conds.append("e.id IN (SELECT event_id FROM event_countries WHERE country = %s)")
        params.append(within.country.upper())
    return " AND ".join(conds) or "TRUE", params


def _pg(sql: str) -> str:
    """A statement shared with the SQLite store, with PostgreSQL's placeholders."""
    return sql.replace("?", "%s")


def _write_rows(db, event_id: str, version: str, record: dict) -> None:
    """Replace an event's commitment and conflict rows (inside the caller's transaction)."""
    commitments, conflicts = record_rows(event_id, version, record)
    sql = _sql(db)
    links.forget(sql, [event_id])
    db.execute("DELETE FROM event_commitments WHERE event_id = %s", (event_id,))
    db.execute("DELETE FROM event_conflicts WHERE event_id = %s", (event_id,))
    with db.cursor() as cur:
        if commitments:
            cur.executemany(_pg(INSERT_COMMITMENT), commitments)
        if conflicts:
            cur.executemany(_pg(INSERT_CONFLICT), conflicts)
    links.add(sql, event_id, version, commitments)


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


def _document(row: tuple) -> RawDocument:
    return RawDocument(**dict(zip(_DOC_COLUMNS, row)))


def _explain(exc: Exception) -> str:
    """One line saying what went wrong with the server and what to do."""
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    if name == "OperationalError" and ("connect" in text or "server" in text):
        return f"cannot reach the PostgreSQL server ({text}); check the URL and that the server runs"
    if name == "InsufficientPrivilege":
        return f"not allowed ({text}); the role needs CREATE on the database or schema"
    return f"database error ({text})"
