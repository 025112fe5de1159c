"""Read routes: events, facts, documents, the commitment ledger, conflicts and search.

Each route parses its parameters and calls the library (``reconcile.archive``, ``reconcile.ledger``,
``reconcile.merge``, the store, :mod:`.search`); none holds logic of its own beyond filtering and paging.

Routes that read events use ``archive.event_record``: the merged record cached in the store (merged again
only after a document joined or left the event). Documents are placed in events by ``pipeline.ingest``,
and by the service for older databases when it starts (``app._catch_up``).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel

from kaidan import __version__, config
from kaidan.errors import StoreError
from kaidan.reconcile import archive, ledger
from kaidan.reconcile.match import party, person
from kaidan.records import FACT_TYPES

from . import listing, marks, models
from .names import names_in, names_of
from .public import source_fields
from ..store import search
from ..store.sqlite import EventFilter
from .errors import Invalid, NotFound, responses
from .ingest import guard, read_guard
from .state import store_of

router = APIRouter(prefix="/api", responses=responses(422, 500))
# Every read but /api/info needs the token when the service is private.
reads = APIRouter(prefix="/api", responses=responses(401, 422, 500), dependencies=[Depends(read_guard)])
# Changes other than ingestion: the same guard (the token when there is one; never from another site's page).
writes = APIRouter(prefix="/api", responses=responses(401, 403, 404, 422, 500), dependencies=[Depends(guard)])

Limit = Annotated[int, Query(ge=1, le=500, description="Most items returned")]
# Threads of one ledger page unless `limit` asks for more (with their citations, 500 threads of an archive of
# 100,000 documents were 74 MB of JSON); the web page follows the Link header to the next ones.
LEDGER_PAGE = 50
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items skipped")]
Country = Annotated[str | None, Query(max_length=8, pattern=r"^[A-Za-z]{2}$",
                                      description="ISO 3166 code of a country taking part, e.g. JP")]
DateFrom = Annotated[models.Day | None, Query(description="Events on or after this day (YYYY-MM-DD)")]
DateTo = Annotated[models.Day | None, Query(description="Events on or before this day (YYYY-MM-DD)")]
Text = Annotated[str | None, Query(max_length=200)]
Who = Annotated[str | None, Query(max_length=200, description="A party's id as `names` gives it: trump, country:JP")]


def _events_between(store, country: str | None, date_from: dt.date | None, date_to: dt.date | None) -> list[dict]:
    out = []
    for ev in store.iter_events():
        if country and country.upper() not in ev["countries"].split("-"):
            continue
        if date_from and ev["date_end"] < date_from.isoformat():
            continue
        if date_to and ev["date_start"] > date_to.isoformat():
            continue
        out.append(ev)
    return out


@router.get("/info", response_model=models.ServiceInfo, summary="What this service is",
            description="The version, whether changes need a bearer token, the upload size limit and how many "
                        "documents are stored.")
def info(request: Request):
    store = store_of(request)
    return {"version": __version__, "auth_required": request.app.state.token is not None,
            "read_auth_required": bool(request.app.state.private),
            "max_bytes": config.MAX_BYTES, "documents": store.count_documents()}


@reads.get("/events", response_model=list[models.EventSummary], summary="List events",
            description="Events (one summit, telephone talk or visit each), oldest first, with how many documents "
                        "report each. Filter by a country taking part and by date. One page of `limit` events "
                        "from `offset`: the header `X-Total-Count` gives how many match, and `Link: <…>; "
                        "rel=\"next\"` the next page while there is one.")
def list_events(request: Request, response: Response, country: Country = None, date_from: DateFrom = None,
                date_to: DateTo = None, limit: Annotated[int, Query(ge=1, le=1000)] = 500, offset: Offset = 0):
    found = _events_between(store_of(request), country, date_from, date_to)
    response.headers["X-Total-Count"] = str(len(found))
    if offset + limit < len(found):
        nxt = request.url.include_query_params(offset=offset + limit, limit=limit)
        response.headers["Link"] = f'<{nxt.path}?{nxt.query}>; rel="next"'
    return found[offset:offset + limit]


@reads.get("/events/{event_id}", response_model=models.EventRecord, responses=responses(404),
            summary="One event with all its facts",
            description="The programme, signed documents, agreements, commitments, statements and quantities merged "
                        "across the event's sources, each with the citations behind it, the conflicts between "
                        "sources and the list of sources. EVENT_ID may be a unique prefix, e.g. 2025-10-28.")
def get_event(request: Request, event_id: Annotated[str, Path(min_length=1, max_length=100)]):
    store = store_of(request)
    ev = store.get_event(event_id.replace("%", "").replace("_", "") or "-")  # an id or a unique prefix
    if ev is None:
        raise NotFound(f"{event_id}: no such event (or the prefix names several); GET /api/events lists them")
    return with_sources(store, archive.event_record(store, ev["id"]))


def with_sources(store, record: dict) -> dict:
    """An event record whose sources carry their outlet, title, publication date and public name, with the
    parties it names in both languages (``names``)."""
    sources = record.get("sources") or []
    meta = store.document_metadata(s["doc_id"] for s in sources)
    return {**record, "sources": [{**s, **source_fields(meta.get(s["doc_id"]))} for s in sources],
            "names": names_of(record)}


def _matches(fact: dict, topic, actor, speaker) -> bool:
    if topic and topic not in (fact.get("topics") or []):
        return False
    if actor:
        a = fact.get("actor")
        if not a or (party(actor) != party(a) and actor.lower() not in a.lower()):
            return False
    if speaker:
        s = fact.get("speaker")
        if not s or (person(speaker) != person(s) and speaker.lower() not in s.lower()):
            return False
    return True


@reads.get("/facts/{fact_type}", response_model=models.FactPage, summary="Facts of one type, filtered",
            description="Facts of one type across events (merged per event, with citations), oldest event first. "
                        "`topic` is a FACTS.md topic (investment, security, …); `actor` a country, leader or "
                        "organisation (a leader stands for the country); `speaker` a person; `country` an ISO code "
                        "of a country taking part in the event; `date_from`/`date_to` bound the event's dates.")
def list_facts(request: Request, fact_type: models.FactType, topic: Text = None, actor: Text = None,
               speaker: Text = None, country: Country = None, date_from: DateFrom = None, date_to: DateTo = None,
               limit: Limit = 100, offset: Offset = 0):
    store = store_of(request)
    key = "programme" if fact_type == "meetings" else fact_type
    items = []
    for ev in _events_between(store, country, date_from, date_to):
        rec = archive.event_record(store, ev["id"])
        for fact in rec.get(key) or []:
            if _matches(fact, topic, actor, speaker):
                items.append({"type": fact_type, "event": ev["id"], "event_date": ev["date_start"],
                              "countries": ev["countries"], "fact": fact})
    return {"total": len(items), "items": items[offset:offset + limit]}


@reads.get("/documents", response_model=models.DocumentPage, summary="List documents",
            description="Stored documents without their text, the latest first, with fact counts and events.")
def list_documents(request: Request, limit: Limit = 50, offset: Offset = 0):
    store = store_of(request)
    items = [{**d, **source_fields(d)} for d in store.document_summaries(limit, offset)]
    return {"total": store.count_documents(), "items": items}


@reads.get("/documents/{doc_id}", response_model=models.DocumentDetail, responses=responses(404),
            summary="One document with its facts and citations",
            description="The canonical text (fact offsets refer to it), the fact record as extracted, every fact "
                        "as a citation (type, position, evidence, offsets, rule) and the events it reports. "
                        "DOC_ID may be a unique prefix of the id.")
def get_document(request: Request, doc_id: Annotated[str, Path(min_length=1, max_length=200)]):
    store = store_of(request)
    try:
        doc = store.get_document(doc_id)
    except StoreError as exc:  # a prefix naming several documents
        raise NotFound(str(exc)) from None
    if doc is None:
        raise NotFound(f"{doc_id}: no such document; GET /api/documents lists them")
    record = store.get_facts(doc.id)
    citations = [{"type": t, "index": i, "text": f.get("text") or f.get("title") or f.get("evidence"),
                  "evidence": f.get("evidence"), "offsets": f.get("offsets"), "rule": f.get("rule")}
                 for t in FACT_TYPES for i, f in enumerate((record or {}).get(t) or [])]
    meta = store.document_metadata([doc.id]).get(doc.id)
    return {**{k: getattr(doc, k) for k in ("id", "lang", "content_type", "encoding", "size", "text")},
            **source_fields(meta),
            "record": record, "citations": citations, "events": store.events_of_document(doc.id)}


@reads.get("/ledger", response_model=list[models.LedgerThread], summary="The commitment ledger",
            description="Promises followed from summit to summit, soonest due first, with due dates and a status "
                        "as of `today` (default: the server's date): `overdue` only for a deadline past with no "
                        "later entry and no mark; `marked done` where someone marked it done with a citation "
                        "(`done`: who, when, the citation). Each citation of an entry carries its source's `outlet`, "
                        "`title`, `published` and `lang`. Each thread's `names` gives the party of its actor and "
                        "of its entries' actors in Japanese and English, as an event's `names` does. Filter by actor "
                        "(a country, leader or organisation: a leader stands for the country), by `who` (one party "
                        "whatever the script: the `names` id of the thread's actor, e.g. trump or country:JP, or the "
                        "actor as written when the data lacks it), topic, due date, status and `since` (threads "
                        "taken up on or after that day). One page of `limit` threads (50 unless asked) from `offset`: the header "
                        "`X-Total-Count` gives how many match, and `Link: <…>; rel=\"next\"` the next page while "
                        "there is one.")
def get_ledger(request: Request, response: Response, actor: Text = None, topic: Text = None,
               who: Who = None,
               due_before: Annotated[models.Day | None, Query(description="Due on or before this day")] = None,
               status: models.Status | None = None,
               since: Annotated[models.Day | None, Query(description="Taken up on or after this day")] = None,
               today: Annotated[models.Day | None, Query(description="The day statuses are computed for")] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = LEDGER_PAGE, offset: Offset = 0):
    store = store_of(request)
    day = today or dt.date.today()
    kept = _listing(request, store, day)
    found = kept.select(actor=actor, topic=topic, due_before=due_before.isoformat() if due_before else None,
                        status=status, since=since.isoformat() if since else None, who=who)
    response.headers["X-Total-Count"] = str(len(found))
    if offset + limit < len(found):
        nxt = request.url.include_query_params(offset=offset + limit, limit=limit)
        response.headers["Link"] = f'<{nxt.path}?{nxt.query}>; rel="next"'
    page = kept.shown(found[offset:offset + limit], lambda threads: [
        models.LedgerThread.model_validate(t).model_dump_json().encode() for t in _with_citations(store, threads, day)])
    # the threads' JSON as kept (each validated by the model when it was made): written as it is
    return Response(b"[" + b",".join(page) + b"]", media_type="application/json", headers=dict(response.headers))


@reads.get("/ledger/parties", response_model=list[models.LedgerParty], summary="Who acts in the ledger",
            description="Each party of the ledger's threads (a thread's actor), most threads first: its id (what "
                        "GET /api/ledger's `who` takes: the `names` id, e.g. trump or country:JP, else the actor "
                        "as written), its names in Japanese and English, and how many threads it has.")
def get_ledger_parties(request: Request):
    return _listing(request, store_of(request), dt.date.today()).parties()


def _listing(request: Request, store, day: dt.date) -> listing.Listing:
    """Every thread of the ledger as of ``day``, kept by the service while the store's ledger is unchanged."""
    return request.app.state.listings.get(store, day)


def _names(thread: dict) -> dict:
    """The party of a thread's actor and of its entries' actors, in Japanese and English (an event's ``names``)."""
    return names_in([thread.get("actor"), *(e.get("actor") for e in thread.get("entries") or [])])


def _with_citations(store, threads: list[ledger.Shown], today: dt.date) -> list[dict]:
    """The threads with their marks, their ``names`` and, on each entry's citations, the source's outlet, title,
    publication date and language (what the page names a citation by)."""
    shown = marks.apply(list(archive.shown(store, threads, today)), store.done_marks())
    meta = store.document_metadata(c["doc_id"] for t in shown for e in t.get("entries") or []
                                   for c in e.get("citations") or [])

    def cited(c: dict) -> dict:
        fields = source_fields(meta.get(c["doc_id"]))
        return {**c, **{k: fields.get(k) for k in ("source", "title", "outlet", "published", "lang")}}

    out = []
    for t in shown:
        entries = [{**e, "citations": [cited(c) for c in e.get("citations") or []]} for e in t.get("entries") or []]
        out.append({**t, "entries": entries, "names": _names(t)})
    return out


EntryKey = Annotated[str, Path(max_length=120, pattern=r"^[0-9A-Za-z-]+~[0-9a-f]{10}$",
                               description="A thread's `key` (EVENT~HASH), as GET /api/ledger gives it")]


@writes.post("/ledger/{key}/done", response_model=models.LedgerThread, summary="Mark a promise done",
             responses=responses(400),
             description="Mark the ledger thread that has the entry KEY done, with who marks it and the citation that "
                         "shows it kept: a stored document (`doc_id`, with `evidence`, a sentence of its text) or a "
                         "public `url`. Stored with the time; the thread then reads `marked done` with `done`. Needs "
                         "the token when the service has one, and is refused from another site's page.")
def mark_done(request: Request, key: EntryKey, body: models.DoneBody):
    store = store_of(request)
    day = dt.date.today()
    thread = _listing(request, store, day).find(key)
    if thread is None:
        raise NotFound(f"{key}: no promise of the ledger has this key; GET /api/ledger gives each thread's key")
    citation = body.citation.model_dump(exclude_none=True)
    if body.citation.doc_id:
        try:
            doc = store.get_document(body.citation.doc_id)
        except StoreError as exc:  # a prefix naming several documents
            raise NotFound(str(exc)) from None
        if doc is None:
            raise NotFound(f"{body.citation.doc_id}: no such document; GET /api/documents lists them")
        citation["doc_id"] = doc.id
        if body.citation.evidence:
            at = doc.text.find(body.citation.evidence)
            if at < 0:
                raise Invalid("citation.evidence is not in the document's text; copy the sentence as the document "
                              "writes it")
            citation["offsets"] = [at, at + len(body.citation.evidence)]
    request.app.state.listings.mark_done(store, key, body.by.strip(), citation)
    return _with_citations(store, [thread.shown], day)[0]


@reads.get("/conflicts", response_model=list[models.Conflict], summary="Conflicts between sources",
            description="Where sources of one event give different values (a start time, an amount, a name, "
                        "whether anything was signed), each value with its citations. `event` keeps one event.")
def get_conflicts(request: Request, event: Annotated[str | None, Query(max_length=100)] = None):
    out = archive.conflicts(store_of(request))
    return [c for c in out if not event or c["event"].startswith(event)]


class Failure(BaseModel):
    """A source that could not be ingested (and was not ingested since), with the reason."""
    source: str
    error: str
    code: str | None = None
    message: str
    failed_at: str


@reads.get("/failures", response_model=list[Failure], summary="Sources that failed, with the reason",
            description="Every source (file, upload or URL) whose ingestion failed and that was not ingested since: "
                        "the error's class and code (K101 empty, K102 binary, K103 too large, …), the one-line "
                        "message saying what to do, and when it failed.")
def get_failures(request: Request, limit: Limit = 500, offset: Offset = 0):
    return store_of(request).failures()[offset:offset + limit]


@reads.get("/search", response_model=models.SearchResults, summary="Full-text search",
           description="Documents and facts matching `q`, best first. Every word must match; \"a phrase\" in "
                       "quotes matches its words in order; OR between two terms takes either. Japanese needs no "
                       "spaces: text and query are cut into Sudachi tokens, so 防衛費 or 会談 find documents that "
                       "write them inside longer runs of kanji. `scope` keeps documents or facts only; `event` (an "
                       "id or its prefix), `country` and `date_from`/`date_to` keep documents reporting such "
                       "events; `sort=date` puts the latest event first.")
def get_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
               scope: Literal["all", "documents", "facts"] = "all",
               event: Annotated[str | None, Query(max_length=100, pattern=r"^[0-9A-Za-z-]+$")] = None,
               country: Country = None, date_from: DateFrom = None, date_to: DateTo = None,
               sort: Literal["relevance", "date"] = "relevance",
               limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Annotated[int, Query(ge=0, le=1000)] = 0):
    store = store_of(request)
    within = None
    if event or country or date_from or date_to:
        within = EventFilter(event=event, country=country.upper() if country else None,
                             date_from=date_from.isoformat() if date_from else None,
                             date_to=date_to.isoformat() if date_to else None)
    results, meta = search.search_page(store, q, scope={"documents": "doc", "facts": "fact"}.get(scope),
                                       limit=limit, offset=offset, within=within, by_date=sort == "date")
    return {"query": q, "results": [{**r, **source_fields(meta.get(r["doc_id"]))} for r in results]}
