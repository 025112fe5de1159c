"""Frozen records that leave the NLP layer.

Every fact carries a :class:`Citation`: the document id, character offsets
into the document's canonical text (``text[start:end] == evidence``) and the
versioned id of the rule that produced it. Records are hashable, so
de-duplication is a set operation, and ``to_dict`` gives the form of
``FACTS.md`` plus the provenance fields.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType


@dataclass(frozen=True)
class Citation:
    doc: str
    start: int
    end: int
    evidence: str
    rule: str

    def to_dict(self) -> dict:
        return {"evidence": self.evidence, "offsets": [self.start, self.end], "rule": self.rule}


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str  # USD, JPY, EUR, GBP, percent, percent_gdp, people, count, ...
    qualifier: str | None = None  # approx, at_least, more_than, nearly, at_most, less_than

    def to_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        d = {"value": value, "unit": self.unit}
        if self.qualifier:
            d["qualifier"] = self.qualifier
        return d


@dataclass(frozen=True)
class Event:
    date: str | None
    countries: tuple[str, ...]
    day: int | None = None      # the day of the month the lead states, when no date could be established

    def to_dict(self) -> dict:
        out = {"date": self.date, "countries": list(self.countries)}
        if self.date is None and self.day:
            out["day"] = self.day
        return out


@dataclass(frozen=True)
class Meeting:
    kind: str
    participants: tuple[str, ...]
    date: str | None
    start: str | None
    duration_minutes: int | None
    place: str | None
    citation: Citation

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "participants": list(self.participants),
            "date": self.date,
            "start": self.start,
            "duration_minutes": self.duration_minutes,
            "place": self.place,
            **_cite(self.citation),
        }


@dataclass(frozen=True)
class SignedDocument:
    title: str
    date: str | None
    citation: Citation

    def to_dict(self) -> dict:
        return {"title": self.title, "date": self.date, **_cite(self.citation)}


@dataclass(frozen=True)
class Agreement:
    text: str
    verb: str  # agreed, confirmed, shared_view, opposed, welcomed, signed, other
    topics: tuple[str, ...]
    citation: Citation

    def to_dict(self) -> dict:
        return {"text": self.text, "verb": self.verb, "topics": list(self.topics), **_cite(self.citation)}


@dataclass(frozen=True)
class Commitment:
    actor: str
    text: str
    amount: Amount | None
    deadline: str | None  # YYYY-MM-DD, FY2027, within_days:180
    citation: Citation
    topics: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "actor": self.actor,
            "text": self.text,
            "amount": self.amount.to_dict() if self.amount else None,
            "deadline": self.deadline,
            "topics": list(self.topics),
            **_cite(self.citation),
        }


@dataclass(frozen=True)
class Statement:
    speaker: str
    text: str
    mode: str  # direct, reported
    citation: Citation
    topics: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "mode": self.mode, "topics": list(self.topics),
                **_cite(self.citation)}


@dataclass(frozen=True)
class Quantity:
    text: str
    value: float
    unit: str
    qualifier: str | None
    citation: Citation

    def to_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        d = {"text": self.text, "value": value, "unit": self.unit}
        if self.qualifier:
            d["qualifier"] = self.qualifier
        return {**d, **_cite(self.citation)}


FACT_TYPES = ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities")


@dataclass(frozen=True)
class DocumentFacts:
    doc: str
    lang: str
    event: Event
    meetings: tuple[Meeting, ...] = ()
    signed_documents: tuple[SignedDocument, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    statements: tuple[Statement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        d = {"doc": self.doc, "lang": self.lang, "event": self.event.to_dict()}
        for name in FACT_TYPES:
            d[name] = [f.to_dict() for f in getattr(self, name)]
        d.update(self.extra)
        return d


def _cite(c: Citation) -> dict:
    """Evidence (verbatim), its character offsets into the document's text, and the rule that found it."""
    return c.to_dict()


# -- across documents: the records reconciliation builds (see reconcile/merge.py and EVENTS.md) -------------

@dataclass(frozen=True)
class SourceCitation:
    """One source sentence behind a merged fact: ``text_of(doc_id)[offsets[0]:offsets[1]] == evidence``."""
    doc_id: str
    doc: str | None
    evidence: str | None
    offsets: tuple[int, int] | None
    rule: str | None

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "doc": self.doc, "evidence": self.evidence,
                "offsets": list(self.offsets) if self.offsets else None, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict) -> SourceCitation:
        off = d.get("offsets")
        return cls(d["doc_id"], d.get("doc"), d.get("evidence"), tuple(off) if off else None, d.get("rule"))


def _cites(items) -> list[dict]:
    return [c.to_dict() for c in items]


@dataclass(frozen=True)
class ValueGroup:
    """One value of a field and the sentences that give it (a conflict lists two or more of these)."""
    value: object
    citations: tuple[SourceCitation, ...]

    def to_dict(self) -> dict:
        return {"value": self.value, "citations": _cites(self.citations)}

    @classmethod
    def from_dict(cls, d: dict) -> ValueGroup:
        return cls(d["value"], tuple(SourceCitation.from_dict(c) for c in d.get("citations") or []))


@dataclass(frozen=True)
class MergedFact:
    """One real-world fact told by one or more sources: the FACTS.md fields of its type (``fields``, from its
    fullest wording), its wording per language, every citation and, for commitments, each amount given."""
    type: str                                    # agreements, commitments, statements, signed_documents, quantities
    fields_json: str                             # the FACTS.md fields (text/title, verb, actor, amount, ...) as JSON
    texts: tuple[tuple[str, str], ...]           # (language, wording)
    citations: tuple[SourceCitation, ...]
    amounts: tuple[ValueGroup, ...] = ()

    @classmethod
    def make(cls, type_: str, fields: dict, texts: dict, citations, amounts=()) -> MergedFact:
        return cls(type_, json.dumps(fields, ensure_ascii=False, sort_keys=True), tuple(texts.items()),
                   tuple(citations), tuple(amounts))

    @property
    def fields(self) -> dict:
        """The fields as a new dict, for a caller that builds a changed fact from them."""
        return json.loads(self.fields_json)

    @cached_property
    def view(self) -> Mapping:
        """The fields, decoded once, read-only (what comparisons read, hundreds of times per merge)."""
        return MappingProxyType(json.loads(self.fields_json))

    def field(self, name: str, default=None):
        return self.view.get(name, default)

    @property
    def support(self) -> int:
        return len({c.doc_id for c in self.citations})

    def to_dict(self) -> dict:
        d = self.fields
        d["support"] = self.support
        d["citations"] = _cites(self.citations)
        d["texts"] = dict(self.texts)
        if self.type == "commitments":
            d["amounts"] = [g.to_dict() for g in self.amounts]
        return d

    @classmethod
    def from_dict(cls, type_: str, d: dict) -> MergedFact:
        fields = {k: v for k, v in d.items() if k not in ("support", "citations", "texts", "amounts")}
        return cls.make(type_, fields, d.get("texts") or {}, (SourceCitation.from_dict(c) for c in d["citations"]),
                        (ValueGroup.from_dict(g) for g in d.get("amounts") or []))


@dataclass(frozen=True)
class MergedMeeting:
    """One meeting of the programme (kind and local date) with each value of start, duration and place."""
    kind: str
    date: str | None
    start: tuple[ValueGroup, ...]
    duration_minutes: tuple[ValueGroup, ...]
    place: tuple[ValueGroup, ...]
    participants: tuple[str, ...]
    citations: tuple[SourceCitation, ...]

    @staticmethod
    def _top(groups: tuple[ValueGroup, ...]):
        return max(groups, key=lambda g: len(g.citations)).value if groups else None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "date": self.date, "start": self._top(self.start),
                "duration_minutes": self._top(self.duration_minutes), "place": self._top(self.place),
                "participants": list(self.participants), "support": len({c.doc_id for c in self.citations}),
                "citations": _cites(self.citations),
                "values": {f: [g.to_dict() for g in getattr(self, f)] for f in ("start", "duration_minutes", "place")}}

    @classmethod
    def from_dict(cls, d: dict) -> MergedMeeting:
        vals = d.get("values") or {}
        groups = {f: tuple(ValueGroup.from_dict(g) for g in vals.get(f) or []) for f in ("start", "duration_minutes",
                                                                                         "place")}
        return cls(d["kind"], d.get("date"), groups["start"], groups["duration_minutes"], groups["place"],
                   tuple(d.get("participants") or ()), tuple(SourceCitation.from_dict(c) for c in d["citations"]))


@dataclass(frozen=True)
class Source:
    doc_id: str
    doc: str | None
    lang: str | None
    main: bool
    event_date: str | None
    placed_by: str          # "date" (its own date and countries) or "content" (what it shares with the event)

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "doc": self.doc, "lang": self.lang, "main": self.main,
                "event_date": self.event_date, "placed_by": self.placed_by}

    @classmethod
    def from_dict(cls, d: dict) -> Source:
        return cls(d["doc_id"], d.get("doc"), d.get("lang"), bool(d.get("main")), d.get("event_date"),
                   d.get("placed_by") or "date")


@dataclass(frozen=True)
class NameForms:
    """How the sources write one person's name (a conflict when two sources write it differently)."""
    person: str
    forms: tuple[ValueGroup, ...]
    unknown: tuple[str, ...]     # written forms the people data does not know

    def to_dict(self) -> dict:
        return {"person": self.person, "forms": [g.to_dict() for g in self.forms], "unknown": list(self.unknown)}

    @classmethod
    def from_dict(cls, d: dict) -> NameForms:
        return cls(d["person"], tuple(ValueGroup.from_dict(g) for g in d["forms"]), tuple(d.get("unknown") or ()))


@dataclass(frozen=True)
class Conflict:
    field: str
    about: str
    values: tuple[ValueGroup, ...]

    def to_dict(self) -> dict:
        return {"field": self.field, "about": self.about, "values": [v.to_dict() for v in self.values]}


@dataclass(frozen=True)
class EventRecord:
    """One summit told by many sources (EVENTS.md ``event ID --json``)."""
    id: str
    countries: str
    date_start: str
    date_end: str
    kind: str | None
    sources: tuple[Source, ...] = ()
    programme: tuple[MergedMeeting, ...] = ()
    signed_documents: tuple[MergedFact, ...] = ()
    agreements: tuple[MergedFact, ...] = ()
    commitments: tuple[MergedFact, ...] = ()
    statements: tuple[MergedFact, ...] = ()
    quantities: tuple[MergedFact, ...] = ()
    names: tuple[NameForms, ...] = ()
    denials: tuple[SourceCitation, ...] = ()          # sentences saying no document was signed
    weekdays: tuple[NameForms, ...] = ()              # per date of the event, the weekdays sources give it
    conflicts: tuple[Conflict, ...] = ()

    MERGED = ("signed_documents", "agreements", "commitments", "statements", "quantities")

    def to_dict(self) -> dict:
        d = {"id": self.id, "countries": self.countries, "date_start": self.date_start, "date_end": self.date_end,
             "kind": self.kind, "sources": [s.to_dict() for s in self.sources],
             "programme": [m.to_dict() for m in self.programme]}
        for name in self.MERGED:
            d[name] = [f.to_dict() for f in sorted(getattr(self, name), key=lambda f: -f.support)]
        d["names"] = [n.to_dict() for n in self.names]
        d["denials"] = _cites(self.denials)
        d["weekdays"] = [w.to_dict() for w in self.weekdays]
        d["conflicts"] = [c.to_dict() for c in self.conflicts]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> EventRecord:
        return cls(d["id"], d["countries"], d["date_start"], d["date_end"], d.get("kind"),
                   tuple(Source.from_dict(s) for s in d.get("sources") or []),
                   tuple(MergedMeeting.from_dict(m) for m in d.get("programme") or []),
                   *(tuple(MergedFact.from_dict(name, f) for f in d.get(name) or []) for name in cls.MERGED),
                   names=tuple(NameForms.from_dict(n) for n in d.get("names") or []),
                   denials=tuple(SourceCitation.from_dict(c) for c in d.get("denials") or []),
                   weekdays=tuple(NameForms.from_dict(w) for w in d.get("weekdays") or []), conflicts=())


@dataclass(frozen=True)
class LedgerEntry:
    """One commitment of one event, as the ledger follows it."""
    event: str
    event_date: str
    countries: str | None
    actor: str | None
    text: str | None
    amount: Amount | None
    deadline: str | None
    due: str | None
    topics: tuple[str, ...]
    support: int
    citations: tuple[SourceCitation, ...]

    def to_dict(self) -> dict:
        return {"event": self.event, "event_date": self.event_date, "countries": self.countries, "actor": self.actor,
                "text": self.text, "amount": self.amount.to_dict() if self.amount else None,
                "deadline": self.deadline, "due": self.due, "topics": list(self.topics), "support": self.support,
                "citations": _cites(self.citations)}


@dataclass(frozen=True)
class LedgerThread:
    """One promise followed from event to event, with its due date and status as of a given day."""
    id: str
    actor: str | None
    party: str | None
    topics: tuple[str, ...]
    text: str | None
    amount: Amount | None
    due: str | None
    events: tuple[str, ...]
    entries: tuple[LedgerEntry, ...]
    status: str
    done_citation: SourceCitation | None = None

    def to_dict(self) -> dict:
        d = {"id": self.id, "actor": self.actor, "party": self.party, "topics": list(self.topics), "text": self.text,
             "amount": self.amount.to_dict() if self.amount else None, "due": self.due, "events": list(self.events),
             "entries": [e.to_dict() for e in self.entries], "status": self.status}
        if self.status == "reported done":
            d["done_citation"] = self.done_citation.to_dict() if self.done_citation else None
        return d
