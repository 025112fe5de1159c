"""Request and response bodies of the API: the edges of the service, described for OpenAPI.

Fact models name the fields every client may rely on and allow more (``extra="allow"``): a fact record
grows fields (``texts``, ``qualifier``, …) without breaking clients.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

FactType = Literal["meetings", "signed_documents", "agreements", "commitments", "statements", "quantities"]
Status = Literal["open", "due soon", "overdue", "reported done", "marked done"]


def _iso_day(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("dates are written YYYY-MM-DD, e.g. 2026-03-31")
    return value


# A calendar day written YYYY-MM-DD (pydantic alone would also take "0" as a Unix time).
Day = Annotated[dt.date, BeforeValidator(_iso_day)]

# An http(s) URL with a host name, an IPv4 address or a bracketed IPv6 address, and an optional port.
URL_PATTERN = (r"^[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])"
               r"(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?([/?#][^\x00-\x20\x7f]*)?$")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Citation(Open):
    """Where a fact was read: ``text[offsets[0]:offsets[1]] == evidence`` in the document ``doc_id``."""
    doc_id: str
    doc: str | None = None
    evidence: str | None = None
    offsets: list[int] | None = None
    rule: str | None = None


class Amount(Open):
    """A figure: value and unit (USD, JPY, percent_gdp, …), with ``qualifier`` (approx, more_than, …) when given."""
    value: float
    unit: str


class Fact(Open):
    """A fact merged across the sources of an event; ``support`` counts the documents behind it."""
    support: int | None = None
    topics: list[str] | None = None
    citations: list[Citation] = []


class Segment(Fact):
    """One segment of an event's programme (a meeting, a signing, a lunch)."""
    kind: str
    date: str | None = None
    start: str | None = Field(None, description="Local time HH:MM")
    duration_minutes: float | None = None
    place: str | None = None
    participants: list[str] = []


class Signed(Fact):
    title: str
    date: str | None = None


class Agreement(Fact):
    text: str
    verb: str | None = None


class Commitment(Fact):
    actor: str | None = None
    text: str
    amount: Amount | None = None
    deadline: str | None = Field(None, description="YYYY-MM-DD, FY2027 or within_days:180")


class Statement(Fact):
    speaker: str | None = None
    text: str
    mode: str | None = None


class Quantity(Fact):
    text: str
    value: float
    unit: str


class ConflictValue(Open):
    value: Any = None
    citations: list[Citation] = []


class Conflict(Open):
    """Sources of one event that disagree: each value with the citations behind it."""
    field: str
    about: str | None = None
    values: list[ConflictValue]
    event: str | None = None


class Provenance(BaseModel):
    """Where a document came from, as the service shows it (never a path of the server's disk)."""
    source: str = Field("", description="The file's name, upload:NAME, or the URL it was fetched from")
    title: str | None = Field(None, description="The page's title, or the first line of a text")
    outlet: str | None = Field(None, description="Who published it: the site's name, else its URL's host")
    site: str | None = Field(None, description="The site name the page gives")
    url: str | None = Field(None, description="The address it was fetched from, after redirects")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD: the page's, or a text's dateline")


class Source(Open):
    doc_id: str
    doc: str | None = None
    lang: str | None = None
    main: bool = True
    event_date: str | None = None
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None


class Name(BaseModel):
    """One party in both languages: ``id`` is the people data's (trump, country:JP), the same whatever the script."""
    id: str
    ja: str
    en: str


class EventFields(Open):
    """What identifies an event: its id, countries, dates and kind (an event's summary and its record)."""
    id: str
    countries: str
    date_start: str
    date_end: str
    kind: str | None = None


class EventSummary(EventFields):
    documents: int | None = None


class EventRecord(EventFields):
    """One event with all its facts, merged across its sources."""
    sources: list[Source] = []
    programme: list[Segment] = []
    signed_documents: list[Signed] = []
    agreements: list[Agreement] = []
    commitments: list[Commitment] = []
    statements: list[Statement] = []
    quantities: list[Quantity] = []
    conflicts: list[Conflict] = []
    names: dict[str, Name] = Field({}, description="Each actor, speaker and participant as written -> the party it "
                                                  "names, in Japanese and English (names the data lacks are absent)")


class FactItem(BaseModel):
    type: FactType
    event: str
    event_date: str
    countries: str
    fact: Fact


class FactPage(BaseModel):
    total: int
    items: list[FactItem]


class DoneCitation(BaseModel):
    """What shows that a promise was kept: a stored document (with the sentence, which must be in its text) or a
    public http(s) address, or both."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": [{"required": ["doc_id"]},
                                                                            {"required": ["url"]}]})
    doc_id: str = Field(None, min_length=4, max_length=64, pattern=r"^[0-9a-f]+$",
                        description="A stored document's id or a unique prefix of it")
    url: str = Field(None, min_length=10, max_length=2048, pattern=URL_PATTERN)
    evidence: str = Field(None, min_length=1, max_length=2000,
                          description="The sentence that says so (in the document's text when doc_id is given)")

    @model_validator(mode="after")
    def _something(self):
        if not self.doc_id and not self.url:
            raise ValueError("a citation names a stored document (doc_id) or an address (url)")
        return self


class DoneBody(BaseModel):
    """Mark a promise of the ledger done."""
    model_config = ConfigDict(extra="forbid")
    by: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$", description="Who marks it")
    citation: DoneCitation


class DoneMark(BaseModel):
    entry: str
    by: str
    at: str = Field(description="When, ISO 8601 UTC")
    citation: dict[str, Any]


class LedgerEntry(Open):
    event: str
    event_date: str
    actor: str | None = None
    text: str | None = None
    amount: Amount | None = None
    deadline: str | None = None
    due: str | None = None
    topics: list[str] = []
    citations: list[Citation] = []


class LedgerThread(Open):
    """A promise followed from the summit where it was made to later ones."""
    id: str
    actor: str | None = None
    party: str | None = None
    topics: list[str] = []
    text: str | None = None
    amount: Amount | None = None
    due: str | None = None
    status: Status
    events: list[str] = []
    entries: list[LedgerEntry] = []
    done_citation: Citation | None = None
    key: str | None = Field(None, description="EVENT~HASH of the first entry: what POST /api/ledger/KEY/done marks")
    done: DoneMark | None = Field(None, description="Who marked it done, when, with which citation (status "
                                                    "'marked done')")
    names: dict[str, Name] = Field({}, description="The thread's actor and its entries' actors as written -> the "
                                                  "party each names, in Japanese and English (as an event's names)")


class LedgerParty(Name):
    """A party acting in the ledger's threads: ``id`` is what GET /api/ledger's ``who`` takes."""
    threads: int = Field(description="How many threads it acts in")


class DocumentSummary(Provenance):
    id: str
    heading: str | None = Field(None, description="The first line of the text")
    lang: str
    content_type: str
    size: int
    added_at: str
    facts: dict[str, int] | None = Field(None, description="How many facts of each type; null before extraction")
    events: list[str] = []


class DocumentPage(BaseModel):
    total: int
    items: list[DocumentSummary]


class DocumentCitation(BaseModel):
    """One fact of the document, where it stands in the text."""
    type: FactType
    index: int
    text: str | None = None
    evidence: str | None = None
    offsets: list[int] | None = None
    rule: str | None = None


class EventRef(BaseModel):
    id: str
    countries: str
    date_start: str
    date_end: str
    kind: str | None = None
    main: bool


class DocumentDetail(Provenance):
    """A stored document: its canonical text (offsets refer to it), its fact record and its citations."""
    id: str
    lang: str
    content_type: str
    encoding: str | None = None
    size: int
    text: str
    record: dict[str, Any] | None = None
    citations: list[DocumentCitation] = []
    events: list[EventRef] = []


class Snippet(BaseModel):
    before: str
    match: str
    after: str


class SearchResult(Provenance):
    kind: str = Field(description="'document', or the fact type")
    doc_id: str
    lang: str
    events: list[str] = []
    rank: float
    snippet: Snippet | None = None
    text: str | None = None
    evidence: str | None = None
    offsets: list[int] | None = None
    speaker: str | None = None
    actor: str | None = None


class SearchResults(BaseModel):
    query: str
    results: list[SearchResult]


class URLBody(BaseModel):
    """A document to fetch and ingest."""
    url: str = Field(min_length=10, max_length=2048, pattern=URL_PATTERN,
                     examples=["https://www.mofa.go.jp/na/na1/us/page1e_000001.html"])


class IngestFailure(BaseModel):
    code: str = Field(description="The error's code, e.g. K101 (empty), K106 (fetch failed)")
    message: str


class IngestResult(BaseModel):
    """What became of the document: stored, unchanged (its text was already stored) or failed (the reason is
    also recorded in the database, as `kaidan ingest` records it)."""
    status: Literal["stored", "unchanged", "failed"]
    source: str
    doc_id: str | None = None
    title: str | None = None
    lang: str | None = None
    events: list[str] = []
    facts: dict[str, int] = {}
    error: IngestFailure | None = None


class ServiceInfo(BaseModel):
    version: str
    auth_required: bool = Field(description="Whether POST requests need 'Authorization: Bearer <token>'")
    read_auth_required: bool = Field(False, description="Whether every /api read but this one needs the token too")
    max_bytes: int
    documents: int
