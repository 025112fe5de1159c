"""Ingestion with extraction in parallel: worker processes on this machine, or a Ray cluster.

Loading (reading, decoding, main text), extraction and the search index's Sudachi tokens are pure
functions of one source, and they are where ingestion spends most of its time; storing, placing a document in its events and merging them need the
documents in order. So workers load and extract (:func:`prepare`), at most a few sources ahead of the
writer, and the driver hands each result to :func:`kaidan.pipeline.ingest` in input order: the
database ends up exactly as a serial ingest leaves it (same documents, facts, events, merged records,
failures), whatever order the workers finish in. A worker's exception is carried back and raised where
the serial ingest would have raised it, so failures are reported and recorded alike.

* ``workers=N`` — N processes of this machine (``concurrent.futures``, spawned: no fork of a parent that
  runs threads, such as the progress bar; each worker imports Kaidan from the parent's ``sys.path``).
* ``ray="local"`` starts a Ray runtime on this machine for the batch; ``ray="auto"`` joins the cluster
  this machine belongs to (``ray start``), ``ray="ray://head:10001"`` a remote one through Ray Client.
  Kaidan's package is shipped to the cluster's workers (Ray ``py_modules``); its dependencies
  (sudachipy, sudachidict-core, trafilatura, …) must be installed there, and a file source must be a
  path the workers can read (a shared folder) or a URL.

Where the writes happen depends on the store. With SQLite (one file, one writer at a time) they go
through the driver. With PostgreSQL the workers write what depends on one source alone straight to the
server — the document and its source, its facts and its search entries, the bulk of the bytes — and hand
back only the document's header (no text), its facts and the document's ``seq``; the driver, in input
order, does what depends on the order: each source's status (``stored`` when its content is new to this
batch: first in input order and stored after the batch began, whichever worker won the insert), failures,
placing documents in events and merging them. The facts, events, merged records and failures are then
those of a serial ingest; only the order the documents were stored in (``seq``) follows the workers.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from .ingest import RawDocument
from .pipeline import EXTRACTOR_VERSION, BatchReport, doc_name, extract_text
from .pipeline import ingest as serial_ingest
from .records import DocumentFacts

AHEAD = 4  # sources in flight per worker: enough to keep workers busy, bounded so memory stays flat


@dataclass(frozen=True)
class Prepared:
    """What a worker made of one source: the document and its facts, or the exception that stopped it."""

    source: str
    doc: RawDocument | None = None
    facts: DocumentFacts | None = None
    entries: list | None = None                  # its search entries (kaidan.store.search.entries)
    load_error: BaseException | None = None      # raised by loading: the source is not stored
    extract_error: BaseException | None = None   # raised by extraction: the text is stored, the facts are not
    seq: int | None = None                       # written by the worker: the document's seq in PostgreSQL
    won: bool = False                            # ... and its insert stored the document (and its facts)


def prepare(source: str, max_bytes: int | None = None, db: str | None = None) -> Prepared:
    """Load and extract one source and tokenise it for search (in a worker). With ``db`` (a PostgreSQL URL)
    the worker also writes the document, its facts and search entries there, and hands back the document
    without its text."""
    from . import config
    from .ingest import load
    from .store import search

    try:
        doc = load(source, max_bytes=max_bytes or config.MAX_BYTES)
    except Exception as e:  # carried back to the driver, which raises it in input order
        return Prepared(source, load_error=e)
    try:
        facts = extract_text(doc.text, doc_name(source), doc.lang, doc.page_date, doc.origin)
        entries = search.entries(doc.title, doc.text, facts.to_dict())
    except Exception as e:
        if db is None:
            return Prepared(source, doc, extract_error=e)
        won, seq = _store_of(db).write_prepared(doc)
        return Prepared(source, replace(doc, text=""), extract_error=e, seq=seq, won=won)
    if db is None:
        return Prepared(source, doc, facts, entries)
    won, seq = _store_of(db).write_prepared(doc, facts.to_dict(), EXTRACTOR_VERSION, entries)
    # the search entries go back only when the driver may write them: a copy or a re-extraction (rare)
    return Prepared(source, replace(doc, text=""), facts, None if won else entries, seq=seq, won=won)


def prepare_job(job: tuple) -> Prepared:
    """:func:`prepare` of one (source, max_bytes[, db]) tuple: what the worker maps take."""
    return prepare(*job)


_stores: dict = {}   # a worker's connection to the database it writes, opened once per worker process


def _store_of(db: str):
    if db not in _stores:
        from .store import open_store

        _stores[db] = open_store(db)
    return _stores[db]


class _Written:
    """The driver's view of a store the workers wrote to: what the workers wrote is not written again, and a
    document's status is decided in input order (see the module's docstring); the rest is the store's."""

    def __init__(self, store, mark: int, current: list) -> None:
        self._store, self._mark, self._current, self._seen = store, mark, current, set()

    def __getattr__(self, name):
        return getattr(self._store, name)

    def add_document(self, doc: RawDocument) -> str:
        item = self._current[0]
        first = doc.id not in self._seen
        self._seen.add(doc.id)
        if not (first and item.seq > self._mark):
            return "unchanged"
        if not item.won:    # a later copy of this batch was stored first: this source is the one read first
            self._store.restore_document(doc)
        return "stored"

    def save_facts(self, doc_id: str, record: dict, extractor_version: str) -> None:
        if not self._current[0].won:     # else the worker wrote them
            self._store.save_facts(doc_id, record, extractor_version)

    def index_search(self, doc_id: str, entries) -> None:
        if not self._current[0].won:
            self._store.index_search(doc_id, entries)


def ingest(sources: Iterable[str], store, *, workers: int = 1, ray: str | None = None,
           on_item: Callable[[str, str], None] | None = None, loader: Callable | None = None,
           max_bytes: int | None = None, report: BatchReport | None = None) -> BatchReport:
    """:func:`kaidan.pipeline.ingest` with loading and extraction done by ``workers`` processes or on Ray.

    ``loader`` is the serial ingest's; workers load with ``ingest.load`` and ``max_bytes``."""
    sources = list(sources)
    if not ray and workers <= 1:
        return serial_ingest(sources, store, on_item=on_item, loader=loader, report=report)
    direct = getattr(store, "url", None)          # PostgreSQL: the workers write to it themselves
    current: list[Prepared] = []
    if direct:
        mark = store.document_mark()               # documents stored after this are new to this batch
        store = _Written(store, mark, current)
    jobs = [(source, max_bytes, direct) for source in sources]
    results = ray_map(prepare_job, jobs, ray, workers) if ray else process_map(prepare_job, jobs, workers)

    def loader(source: str) -> RawDocument:
        item = next(results)
        if item.source != source:  # pragma: no cover - the maps keep input order
            raise RuntimeError(f"parallel ingest out of order: {item.source} for {source}")
        current[:] = [item]
        if item.load_error is not None:
            raise item.load_error
        return item.doc

    def extractor(text, name, lang, published, origin=()) -> DocumentFacts:
        item = current[0]
        if item.extract_error is not None:
            raise item.extract_error
        return item.facts

    def indexer(title, text, record) -> list:
        return current[0].entries

    try:
        return serial_ingest(sources, store, loader=loader, extractor=extractor, indexer=indexer, on_item=on_item,
                             report=report)
    finally:
        results.close()


def process_map(fn: Callable, items: list, workers: int) -> Iterator:
    """``fn`` over ``items`` in worker processes, results in input order, at most AHEAD per worker in flight."""
    context = multiprocessing.get_context("spawn")  # fresh interpreters with the parent's sys.path
    pool = ProcessPoolExecutor(max(1, workers), mp_context=context)
    try:
        yield from _windowed(lambda item: pool.submit(fn, item), lambda future: future.result(), items,
                             max(1, workers) * AHEAD)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ray_map(fn: Callable, items: list, address: str, workers: int = 0) -> Iterator:
    """``fn`` over ``items`` as Ray tasks, results in input order. ``address``: ``local`` (start a Ray runtime
    here, with ``workers`` CPUs when given), else what ``ray.init(address=…)`` takes (``auto``, ``ray://…``)."""
    try:
        import ray
    except ImportError as exc:
        from .errors import UsageError

        raise UsageError("--ray needs Ray: pip install 'kaidan[ray]'") from exc
    started = not ray.is_initialized()
    if started:
        ray_init(address, workers)
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        task = ray.remote(fn)
        yield from _windowed(lambda item: task.remote(item), ray.get, items, cpus * AHEAD)
    finally:
        if started:
            ray.shutdown()


def ray_init(address: str, workers: int = 0) -> None:
    """Start (``local``) or join a Ray cluster, shipping this Kaidan package to its workers (``py_modules``):
    they import the driver's Kaidan, not whichever one their own environment has."""
    import ray

    import kaidan

    runtime_env = {"py_modules": [kaidan.__path__[0]]}
    if address == "local":
        ray.init(num_cpus=workers if workers > 1 else None, include_dashboard=False, log_to_driver=False,
                 runtime_env=runtime_env)
    else:
        ray.init(address=address, runtime_env=runtime_env, log_to_driver=False)


def _windowed(submit: Callable, result: Callable, items: list, ahead: int) -> Iterator:
    pending: deque = deque()
    upcoming = iter(items)
    for item in upcoming:
        pending.append(submit(item))
        if len(pending) >= ahead:
            break
    while pending:
        head = pending.popleft()
        for item in upcoming:
            pending.append(submit(item))
            break
        yield result(head)
