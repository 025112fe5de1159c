"""The orchestrator: the only module that orders the stages.

Extraction of one document:

1. ``nlp.segment``      sentences (quote-aware), language per line
2. ``extract.zones``    article lines only: no furniture, no readers' comments
3. ``extract.meetings`` meeting drafts (kind, times with their zones, places)
4. ``extract.event``    the event's local date, countries and leaders (a frozen ``EventInfo``)
5. ``extract.meetings`` meetings in local time, merged by kind and date
6. ``extract.signed``   signed documents
7. ``extract.quantities`` money, percentages, counts
8. ``extract.profile``  the source profile: publisher, kind of text, whom bare titles and "I" stand for
9. ``extract.clauses``  agreements, commitments and statements (Japanese and English)
10. ``extract.names``, ``extract.claims``  how names are written; statements that nothing was signed

Ingestion then places each document in its events (``reconcile.events``) and indexes its text and
facts for full-text search (``store.search``).

Ingestion of a batch: ``ingest.load`` → ``store.add_document`` → extraction →
``store.save_facts``, one document at a time, each in its own transaction, so a
broken file is recorded and skipped and a crashed batch resumes where it stopped.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractionFailed, IngestError
from .extract import claims, clauses, event, meetings, names, profile, quantities, signed, titled
from .extract.context import DocContext
from .records import FACT_TYPES, Citation, DocumentFacts

EXTRACTOR_VERSION = "kaidan.extract.v12"


# Texts longer than this (characters) are extracted section by section (:func:`sections`), so that the
# memory and time of one document grow with its length, not with its length squared (the same point told
# twice is looked for among all the facts of a section). Readouts are far shorter: the longest real one
# in ../shared has 12,000 characters, and no text of that length is cut.
SECTION_CHARS = 40_000


def extract_text(text: str, doc_id: str = "doc", lang: str | None = None,
                 published: str | None = None, origin: tuple[str, ...] = ()) -> DocumentFacts:
    """All facts of one document's canonical text.

    A text above :data:`SECTION_CHARS` is cut at paragraph ends into sections of at most that length, each
    extracted on its own with the first section's reference date (its offsets shifted to the whole text);
    the event is the first section's, where the dateline and the lede stand. Memory per document is then
    bounded by one section's, plus the facts found. ``origin`` is the page's site name and URL (a web page's
    publisher signs it there as well as in its letterhead: www.gov.uk, mea.gov.in)."""
    from .text import detect_language     # not through kaidan.ingest, whose loader imports httpx

    lang = lang or detect_language(text)
    try:
        return _extract_sections(text, doc_id, lang, published, origin)
    finally:
        _freeze_loaded()


_modules_at_freeze = -1


def _freeze_loaded() -> None:
    """Move what the first extractions loaded for good (the people data, rule files, word lists, the English
    tokenizer's rules) out of the cyclic garbage collector's reach, so that its full passes stop re-scanning
    them after every few thousand tokens. Done again only when a later document imported more modules
    (its first English sentence loads the English reader); the objects stay freed by reference counting as before."""
    global _modules_at_freeze
    if len(sys.modules) != _modules_at_freeze:
        gc.collect()
        gc.freeze()
        _modules_at_freeze = len(sys.modules)


def _extract_sections(text: str, doc_id: str, lang: str, published: str | None,
                      origin: tuple[str, ...]) -> DocumentFacts:
    if len(text) <= SECTION_CHARS:
        return _extract(text, doc_id, lang, published, origin)
    from .extract.context import reference_date

    parts = []
    for base, section in sections(text, SECTION_CHARS):
        if not parts and published is None:
            ref = reference_date(section)
            published = ref.isoformat() if ref else None
        facts = _extract(section, doc_id, lang, published, origin)
        parts.append(facts if base == 0 else _shifted(facts, base))
    first = parts[0]
    merged = {name: _first_copies(f for part in parts for f in getattr(part, name)) for name in FACT_TYPES}
    extra: dict = {}
    for part in parts:
        for key, items in part.extra.items():
            extra.setdefault(key, []).extend(items)
    extra = {key: list(_first_copies(items)) for key, items in extra.items()}
    return DocumentFacts(doc=doc_id, lang=lang, event=first.event, extra=extra, **merged)


def _first_copies(facts) -> tuple:
    """The facts without exact copies found in later sections (the same sentence again: a page that repeats
    its body), keeping the first; a set lookup each, so a long text costs no pairwise comparisons."""
    import json

    seen, out = set(), []
    for f in facts:
        d = dict(f) if isinstance(f, dict) else f.to_dict()
        d.pop("offsets", None)
        key = json.dumps(d, sort_keys=True, ensure_ascii=False, default=str)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)


def sections(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, str]]:
    """(start offset, section) pieces of ``text``, each at most ``limit`` characters, cut after a newline,
    else after a sentence end (。．.!?！？), else anywhere; the pieces joined give the text back."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n") + 1
        if cut <= limit // 4:
            cut = max(window.rfind(mark) + 1 for mark in "。．.!?！？")
        if cut <= limit // 4:
            cut = limit
        out.append((start, window[:cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def _shifted(obj, base: int):
    """A copy of a fact (or list or dict of them) with every citation moved ``base`` characters on."""
    if isinstance(obj, Citation):
        return dataclasses.replace(obj, start=obj.start + base, end=obj.end + base)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: _shifted(getattr(obj, f.name), base)
                                           for f in dataclasses.fields(obj) if f.init})
    if isinstance(obj, tuple):
        return tuple(_shifted(x, base) for x in obj)
    if isinstance(obj, list):
        return [_shifted(x, base) for x in obj]
    if isinstance(obj, dict):
        return {k: ([v[0] + base, v[1] + base] if k == "offsets" and isinstance(v, list) and len(v) == 2
                    and all(isinstance(x, int) for x in v) else _shifted(v, base)) for k, v in obj.items()}
    return obj


def _extract(text: str, doc_id: str, lang: str, published: str | None, origin: tuple[str, ...]) -> DocumentFacts:
    ctx = DocContext(doc_id, text, lang, published, origin=origin)
    named = titled.discover(ctx)          # titled people the people data lacks join this document's gazetteer
    if named:
        ctx = ctx.with_gazetteer(ctx.gaz.with_people(tuple(p.entry() for p in named)))
    drafts = meetings.drafts(ctx)
    ev = event.extract(ctx, drafts)
    ctx = ctx.at_event(ev)            # the stages below read the event's date and leaders from it
    prof = profile.read(text, ctx.gaz, ctx.event_date or ctx.ref_iso, ctx.event_leaders, ctx.unnamed_leaders,
                        origin=origin)
    found = clauses.extract(ctx, prof)
    return DocumentFacts(
        doc=doc_id,
        lang=lang,
        event=ev.record,
        meetings=tuple(meetings.extract(ctx, drafts)),
        signed_documents=tuple(signed.extract(ctx)),
        agreements=tuple(found.agreements),
        commitments=tuple(found.commitments),
        statements=tuple(found.statements),
        quantities=tuple(quantities.extract(ctx)),
        extra={"names": names.extract(ctx), "claims": claims.extract(ctx)},
    )


@dataclass
class BatchReport:
    stored: int = 0
    reextracted: int = 0     # already stored, extracted again (no facts of the current extractor version yet)
    unchanged: int = 0
    failed: int = 0
    repaired: int = 0        # documents not in the batch that a killed batch left unfinished, finished first
    failures: list[tuple[str, str]] = field(default_factory=list)
    aborted: str | None = None   # why the batch stopped before its end (the database cannot be written)
    seen: int = 0            # sources taken from the batch

    @property
    def summary(self) -> str:
        line = f"{self.stored} stored, {self.reextracted} re-extracted, {self.unchanged} unchanged, {self.failed} failed"
        if self.repaired:
            line += f", {self.repaired} repaired"
        if self.aborted:
            line += f"; stopped after {self.seen} source(s): the database cannot be written"
        return line


def doc_name(source: str) -> str:
    """The name a document's record carries: the file name (as gold records use), or the URL."""
    return source if "://" in source else Path(source).name


def repair(store) -> tuple[set[str], int]:
    """Finish what a killed batch left undone: (ids of the documents extracted, how many were only placed).

    The steps of one document (store it, save its facts, index them, place it in its events) are separate
    transactions, so a kill between two leaves a document stored without facts, or with facts but in no
    event. Every batch calls this first: such documents are extracted, indexed and placed from their
    stored text, whether or not their source is in the batch."""
    from .reconcile import archive
    from .store import search

    extracted, placed = set(), 0
    for doc_id in store.docs_without_any_facts():
        doc = store.get_document(doc_id)
        try:
            record = extract_text(doc.text, doc_name(doc.source), doc.lang, doc.page_date, doc.origin).to_dict()
        except Exception as e:  # recorded like a failure in the batch; the text stays stored
            store.record_failure(doc.source, ExtractionFailed(
                f"{doc.source}: extraction failed ({type(e).__name__}: {e}); the text is stored, "
                f"please report this document"))
            continue
        store.save_facts(doc.id, record, EXTRACTOR_VERSION)
        store.index_search(doc.id, search.entries(doc.title, doc.text, record))
        archive.add_document(store, doc.id, record)
        store.clear_failure(doc.source)
        extracted.add(doc_id)
    for doc_id in store.unplaced_documents():
        doc, record = store.get_document(doc_id), store.get_facts(doc_id)
        if not store.is_indexed(doc_id):
            store.index_search(doc_id, search.entries(doc.title, doc.text, record))
        archive.add_document(store, doc_id, record)
        placed += 1
    return extracted, placed


def ingest(sources: Iterable[str], store, *, loader: Callable | None = None,
           on_item: Callable[[str, str], None] | None = None, extract: bool = True,
           extractor: Callable[..., DocumentFacts] | None = None,
           indexer: Callable[..., list] | None = None, report: BatchReport | None = None) -> BatchReport:
    """Load, store and extract each source; failures are recorded and the batch goes on.

    Unfinished work of an earlier batch is finished first (:func:`repair`). Each document is then stored,
    then its facts, each in its own transaction: documents stored without facts of the current extractor
    version are extracted again even when their text is unchanged (counted as re-extracted).
    ``loader``, ``extractor`` and ``indexer`` stand for ``ingest.load``, :func:`extract_text` and
    ``search.entries`` (``kaidan.parallel`` passes ones that hand over what worker processes made).

    A source that cannot be read is a failure of that source, whatever the loader raised. When the database
    itself cannot be written (a full disk, a read-only file), the batch stops: ``aborted`` says why, and what
    was stored before stays stored. The merged event records are written at the end of the batch."""
    from .errors import StoreError
    from .ingest import load
    from .reconcile import archive       # ingestion only: extraction alone never loads the store or the merger
    from .store import search

    steps = _Steps(loader or load, extractor or extract_text, indexer or search.entries)
    report = report if report is not None else BatchReport()
    extracted: set[str] = set()
    with contextlib.ExitStack() as hold:
        try:
            if extract:
                extracted, report.repaired = hold.enter_context(store.batch(lambda: repair(store))) or (set(), 0)
                report.repaired += len(extracted)
            stale = set(store.docs_without_facts(EXTRACTOR_VERSION)) if extract else set()
        except StoreError as e:
            report.aborted = str(e)
            return report
        _batch(sources, store, steps, on_item, extract, report, stale, extracted)
        try:
            archive.flush(store)         # the merged event records, written once per batch
        except StoreError as e:          # rebuilt from the stored facts when the event is next read
            report.aborted = report.aborted or str(e)
    return report


@dataclass(frozen=True)
class _Steps:
    """How one source is read, extracted and indexed (the serial functions, or a parallel ingest's)."""
    load: Callable
    extract: Callable[..., DocumentFacts]
    index: Callable[..., list]


def _batch(sources, store, steps: _Steps, on_item, extract: bool, report: BatchReport, stale: set[str],
           extracted: set[str]) -> None:
    from .errors import StoreError
    from .reconcile import archive

    for source in sources:
        report.seen += 1
        try:
            try:
                doc = steps.load(source)
            except IngestError:
                raise
            except Exception as e:  # an input the loader did not foresee is that input's failure, not the batch's
                raise IngestError(f"{source}: cannot read it ({type(e).__name__}: "
                                  f"{' '.join(str(e).split())[:200]}); please report this input") from e
            status = store.add_document(doc)
            if extract and (status == "stored" or doc.id in stale):
                try:
                    facts = steps.extract(doc.text, doc_name(source), doc.lang, doc.page_date, doc.origin)
                except Exception as e:  # a bug on one document must not cost the batch
                    raise ExtractionFailed(f"{source}: extraction failed ({type(e).__name__}: {e}); "
                                           f"the text is stored, please report this document") from e
                record = facts.to_dict()
                store.save_facts(doc.id, record, EXTRACTOR_VERSION)
                store.index_search(doc.id, steps.index(doc.title, doc.text, record))
                archive.add_document(store, doc.id, record)    # place it and merge it into its events' records
                stale.discard(doc.id)
                if status == "unchanged":
                    status = "re-extracted"
            elif status == "unchanged" and doc.id in extracted:  # extracted again by repair() just before
                status = "re-extracted"
                extracted.discard(doc.id)
                report.repaired -= 1
        except IngestError as e:
            try:
                store.record_failure(source, e)
            except StoreError as store_error:
                report.aborted = str(store_error)
            report.failed += 1
            report.failures.append((source, str(e)))
            status = "failed"
        except StoreError as e:  # the source in flight is not lost: what was stored of it, the next batch finishes
            report.aborted = str(e)
            status = "failed"
        else:
            if status == "stored":
                report.stored += 1
            elif status == "re-extracted":
                report.reextracted += 1
            else:
                report.unchanged += 1
        if on_item:
            on_item(source, status)
        if report.aborted:
            break
