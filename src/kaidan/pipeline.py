"""The orchestrator: the only module that orders the stages.

Extraction of one document:

1. ``nlp.segment``      sentences (quote-aware), language per line
2. ``extract.zones``    article lines only: no furniture, no readers' comments
3. ``extract.meetings`` meeting drafts (kind, times with their zones, places)
4. ``extract.event``    the event's local date, countries and leaders
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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractionFailed, IngestError
from .extract import claims, clauses, event, meetings, names, profile, quantities, signed
from .extract.context import DocContext
from .records import DocumentFacts
from .reconcile import archive, events
from .store import search

EXTRACTOR_VERSION = "kaidan.extract.v2"


def extract_text(text: str, doc_id: str = "doc", lang: str | None = None,
                 published: str | None = None) -> DocumentFacts:
    """All facts of one document's canonical text."""
    from .ingest.language import detect_language

    lang = lang or detect_language(text)
    ctx = DocContext(doc_id, text, lang, published)
    drafts = meetings.drafts(ctx)
    ev = event.extract(ctx, drafts)
    prof = profile.read(text, ctx.gaz, ctx.event_date or ctx.ref_iso, ctx.event_leaders, ctx.unnamed_leaders)
    found = clauses.extract(ctx, prof)
    return DocumentFacts(
        doc=doc_id,
        lang=lang,
        event=ev,
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
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return f"{self.stored} stored, {self.unchanged} unchanged, {self.failed} failed"


def doc_name(source: str) -> str:
    """The name a document's record carries: the file name (as gold records use), or the URL."""
    return source if "://" in source else Path(source).name


def ingest(sources: Iterable[str], store, *, loader: Callable | None = None,
           on_item: Callable[[str, str], None] | None = None, extract: bool = True) -> BatchReport:
    """Load, store and extract each source; failures are recorded and the batch goes on.

    Each document is stored, then its facts, each in its own transaction: a batch that crashed
    resumes on the next run, because documents stored without facts of the current extractor
    version are extracted again even when their text is unchanged."""
    from .ingest import load

    loader = loader or load
    report = BatchReport()
    stale = set(store.docs_without_facts(EXTRACTOR_VERSION)) if extract else set()
    for source in sources:
        try:
            doc = loader(source)
            status = store.add_document(doc)
            if extract and (status == "stored" or doc.id in stale):
                try:
                    facts = extract_text(doc.text, doc_name(source), doc.lang, doc.published)
                except Exception as e:  # a bug on one document must not cost the batch
                    raise ExtractionFailed(f"{source}: extraction failed ({type(e).__name__}: {e}); "
                                           f"the text is stored, please report this document") from e
                record = facts.to_dict()
                store.save_facts(doc.id, record, EXTRACTOR_VERSION)
                store.index_search(doc.id, search.entries(doc.title, doc.text, record))
                for event_id in events.place(store, doc.id, record):
                    archive.event_record(store, event_id)    # merge the event again now, not at first read
                stale.discard(doc.id)
        except IngestError as e:
            store.record_failure(source, e)
            report.failed += 1
            report.failures.append((source, str(e)))
            status = "failed"
        else:
            if status == "stored":
                report.stored += 1
            else:
                report.unchanged += 1
        if on_item:
            on_item(source, status)
    return report
