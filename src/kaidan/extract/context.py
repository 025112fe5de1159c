"""What every extractor reads: the document's text, its article sentences, its date and its people.

Built once per document by the orchestrator. Sudachi tokens are computed per
sentence on first use and cached, so a sentence no extractor asks about is never tokenised.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..nlp import Sentence, Token, split_sentences, tokenize
from ..normalize import find_dates
from ..people import Gazetteer, Mention, gazetteer
from ..records import Citation
from .zones import article_sentences

HEADER_LINES = 12          # a dateline stands in the first lines of a page
URL_DATE = re.compile(r"https?://\S*?/(20\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:/|\D)")


@dataclass
class DocContext:
    doc_id: str
    text: str
    lang: str
    published: str | None = None
    gaz: Gazetteer = field(default_factory=gazetteer)
    sentences: list[Sentence] = field(init=False)
    ref_date: dt.date | None = field(init=False)
    event_date: str | None = None            # set by the event stage
    event_leaders: tuple[str, ...] = ()      # entity ids of the leaders who met
    unnamed_leaders: tuple[str, ...] = ()    # those of them the text never names (inferred from office and date)
    _tokens: dict[int, list[Token]] = field(default_factory=dict, init=False, repr=False)
    _mentions: dict[int, list[Mention]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.sentences = article_sentences(self.text, split_sentences(self.text))
        self.ref_date = reference_date(self.text, self.published)

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


def reference_date(text: str, published: str | None = None) -> dt.date | None:
    """The date partial dates are read against: the page's date, a dateline, a dated URL, or the first full date."""
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    lines = text.split("\n")
    header = "\n".join(lines[:HEADER_LINES])
    for m in find_dates(header, None):
        if m.kind == "date":
            return dt.date.fromisoformat(m.value)
    m = URL_DATE.search(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    for m in find_dates(text, None):
        if m.kind == "date":
            return dt.date.fromisoformat(m.value)
    return None
