"""What every extractor reads: the document's text, its article sentences, its date and its people.

Built once per document by the orchestrator. Sudachi tokens are computed per
sentence on first use and cached, so a sentence no extractor asks about is never tokenised.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp import Sentence, Token, split_sentences, tokenize
from ..normalize import clear_caches
from ..people import Gazetteer, Mention, gazetteer
from ..records import Citation
from .dating import Dating, reference
from .zones import article_sentences

if TYPE_CHECKING:
    from .event import EventInfo


@dataclass
class DocContext:
    doc_id: str
    text: str
    lang: str
    published: str | None = None
    gaz: Gazetteer = field(default_factory=gazetteer)
    origin: tuple[str, ...] = ()             # the page's site name and URL, where it came from the web
    sentences: list[Sentence] = field(init=False)
    dating: Dating = field(init=False)
    event: EventInfo | None = None           # the event stage's result, on the context made by ``at_event``
    _tokens: dict[int, list[Token]] = field(default_factory=dict, init=False, repr=False)
    _mentions: dict[int, list[Mention]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        clear_caches()          # sentence-level finders and mentions remember this document's texts only
        self.gaz.clear_cache()
        self.sentences = article_sentences(self.text, split_sentences(self.text))
        self.dating = reference(self.text, self.published, self.gaz)

    def with_gazetteer(self, gaz: Gazetteer) -> DocContext:
        """This context with another gazetteer (the people data and the people this document names with a
        title): the same sentences and tokens, mentions found afresh."""
        other = copy.copy(self)
        other.gaz = gaz
        other._mentions = {}
        gaz.clear_cache()
        return other

    def at_event(self, ev: EventInfo) -> DocContext:
        """This context for the stages after the event stage: the same document (and caches), with its event."""
        other = copy.copy(self)
        other.event = ev
        return other

    @property
    def ref_date(self) -> dt.date | None:
        return self.dating.day

    @property
    def event_date(self) -> str | None:
        return self.event.date if self.event else None

    @property
    def event_leaders(self) -> tuple[str, ...]:
        """Entity ids of the leaders who met."""
        return self.event.leaders if self.event else ()

    @property
    def unnamed_leaders(self) -> tuple[str, ...]:
        """Those of them the text never names (inferred from office and date)."""
        return self.event.unnamed_leaders if self.event else ()

    def tokens(self, s: Sentence) -> list[Token]:
        if s.start not in self._tokens:
            self._tokens[s.start] = tokenize(s.text, s.start) if s.lang == "ja" else []
        return self._tokens[s.start]

    def mentions(self, s: Sentence) -> list[Mention]:
        if s.start not in self._mentions:
            self._mentions[s.start] = self.gaz.mentions(s.text, s.start)
        return self._mentions[s.start]

    def cite(self, start: int, end: int, rule: str) -> Citation:
        return Citation(self.doc_id, start, end, self.text[start:end], rule)

    @property
    def ref_iso(self) -> str | None:
        return self.ref_date.isoformat() if self.ref_date else None


def reference_date(text: str, published: str | None = None, gaz: Gazetteer | None = None) -> dt.date | None:
    """The date partial dates are read against (see ``extract.dating``)."""
    return reference(text, published, gaz or gazetteer()).day
