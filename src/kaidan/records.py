"""Frozen records that leave the NLP layer.

Every fact carries a :class:`Citation`: the document id, character offsets
into the document's canonical text (``text[start:end] == evidence``) and the
versioned id of the rule that produced it. Records are hashable, so
de-duplication is a set operation, and ``to_dict`` gives the form of
``FACTS.md`` plus the provenance fields.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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

    def to_dict(self) -> dict:
        return {"date": self.date, "countries": list(self.countries)}


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
