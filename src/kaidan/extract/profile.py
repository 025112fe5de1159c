"""Who wrote a document, what kind of text it is, and whom its bare titles and first person stand for.

A :class:`SourceProfile` is read ONCE from the document's own text and handed to every reader
that resolves speakers and actors. It rests on two facts of how readouts are written:

* a government's readout names the foreign leader by title and name ("President Trump",
  "Prime Minister Modi", 「トランプ大統領」) and its own leader by the bare title ("The Prime
  Minister spoke to …", 「総理から」); a leader's own statement says "I" / "we";
* the publisher signs the page: a letterhead or title line ("… | Prime Minister of Australia",
  "Prime Minister's Office, 10 Downing Street", 外務省), a URL line, "by elysee".

The self-referring leader is then the person who held the bare title's office on the event's
date in the publisher's country; without a letterhead, the event leader holding that office whom
the text never names, or the only event leader holding it. People data (``data/people.json``:
offices and terms) turns (country, office, date) into a person. Nothing here is specific to
one page or one pair of countries.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..people import NAMED, Gazetteer
from ..text import first_char_gate
from .lexicon import load

RULE = "kaidan.profile.v1"
LETTERHEAD_LINES = 6          # a page's title block and the lines that sign it
KINDS = ("readout", "joint_statement", "press_statement", "news")

# "The Prime Minister spoke …", "the President said", "PM meeting with …": a title with no name after it
# and no country tied to it ("the President of Indonesia", "India's Prime Minister" name a foreign one).
_BARE_TITLES = ("Prime Minister", "President", "Federal Chancellor", "Chancellor", "PM")
_BARE_EN = re.compile(
    first_char_gate(["The", "the", "Our", "our", *_BARE_TITLES]) +
    rf"(?<![’'A-Za-z])(?:(?:[Tt]he|[Oo]ur)\s+)?(?P<t>{'|'.join(_BARE_TITLES)})"
    r"(?![’']s\b)(?!\s*(?:of|-elect)\b)(?!\s*,?\s+(?:Mr\.?\s+|Shri\s+|Sir\s+|H\.E\.\s+)?[A-Z][a-z])(?!\s*[A-Z]{2,})")
_TITLE_OFFICE = {"prime minister": "prime_minister", "pm": "prime_minister", "president": "president",
                 "chancellor": "chancellor", "federal chancellor": "chancellor"}
_DATELINE_JA = re.compile(r"【[^】]{1,12}(?:共同|時事|ロイター|AFP|聯合)[^】]{0,6}】|（共同）|（時事）")
_BARE_JA = re.compile(r"(?<![一-龥ァ-ヶ])(総理|首相)(?:から|は|より|が|とは|の)")
# "WASHINGTON, March 9 (Yonhap) --", "PERTH, Australia —", "NEW DELHI" alone on a line: a news dateline
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.\-']+(?:\s[A-Z][A-Z.\-']+)*)(?:,\s[A-Z][\w .]+?)?(?:\s*\([A-Za-z]+\))?\s*(?:--|—|–|:|$)",
                       re.M)
_PLACE_LINE = re.compile(r"^[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,3}:\s")      # "New Delhi: …", "London/New Delhi: …"
_I = re.compile(r"(?<![\w’'])(?:I|I’m|I'm|I’ve|I've|I’d|I'd|my)(?![\w’'])")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|「[^」]*」")
_TURN = re.compile(r"^([A-Z][A-Z.\-' ]{3,60}),\s*([A-Z][A-Z ,'’\-]{3,80}):", re.M)


@dataclass(frozen=True)
class SourceProfile:
    publisher: str | None = None        # as written in the letterhead ("Prime Minister of Australia", 外務省)
    country: str | None = None          # ISO code of the publisher (or of the side whose leader the text calls by title)
    kind: str = "news"                  # readout / joint_statement / press_statement / news
    self_leader: str | None = None      # entity id of the leader the bare title and "I" stand for
    self_office: str | None = None      # the office of that bare title (prime_minister, president, chancellor)
    rule: str = RULE

    def bare_title(self, office: str | None) -> str | None:
        """The person a bare title ("the Prime Minister") stands for in this document, if the profile knows."""
        if self.self_leader and (office is None or office == self.self_office
                                 or {office, self.self_office} <= {"prime_minister", "chancellor"}):
            return self.self_leader
        return None

    @property
    def first_person(self) -> str | None:
        """Whom "I" (outside quotation marks) stands for: the leader whose own statement this is."""
        return self.self_leader if self.kind == "press_statement" else None


def _data() -> dict:
    return load("rules/profile.json", ("publishers", "kinds"))


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _letterhead(text: str) -> list[str]:
    lines = _lines(text)
    return lines[:LETTERHEAD_LINES] + lines[-2:] + [ln for ln in lines if re.search(r"https?://", ln)]


@lru_cache(maxsize=None)
def _sign_patterns(name: str) -> tuple[re.Pattern, re.Pattern]:
    flags = re.I if name.islower() else 0
    n = re.escape(name)
    return (re.compile(rf"(?:.*[|–]\s*)?(?:by\s+)?({n})\s*(?:[|–,].*)?", flags),
            re.compile(rf"(?:\bby\s+|https?://\S*?)({n})(?![A-Za-z])", flags))


def _signs(line: str, name: str) -> re.Match | None:
    """The line is signed by the name: the whole line, a '|'/'–' part of it, 'by NAME', or inside a URL."""
    if name.lower() not in line.lower():
        return None
    whole, inline = _sign_patterns(name)
    return whole.fullmatch(line) or inline.search(line)


def publisher(text: str, origin: tuple[str, ...] = ()) -> tuple[str | None, str | None, str | None]:
    """(publisher as written, its country, the kind it suggests) from the letterhead lines, or from the site
    name and URL the page came from (``origin``), which sign it as a letterhead line would."""
    head = list(_letterhead(text)) + list(origin)
    for entry in _data()["publishers"]:
        for name in entry["names"]:
            for ln in head:
                m = _signs(ln, name)
                if m:
                    return m.group(1), entry.get("country"), entry.get("kind")
    return None, None, None


def _body(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _first_body_line(text: str) -> str:
    """The first line long enough to be prose (title lines, dates and credits are short)."""
    return next((ln for ln in _lines(text) if len(ln) > 60 and not ln.isupper() and ln[0] not in "“\"‘'" and re.search(r"[.!?:”\"]$", ln)), "")


def _kind(text: str, hint: str | None) -> str:
    kinds = _data()["kinds"]
    head = "\n".join(_lines(text)[:LETTERHEAD_LINES])
    first = _first_body_line(text)
    if _TURN.search(text):
        return "press_statement"
    if any(b in text for b in kinds["news"]["body"]) or _DATELINE.match(first) or _PLACE_LINE.match(first) or _DATELINE.search(head):
        return "news"
    # a leader's own statement speaks in the first person from its first sentence on
    if _I.search(_body(first)):
        return "press_statement"
    title = "\n".join(_lines(text)[:2]).lower()       # the title lines, not a press conference the story mentions
    if any(t.lower() in title for t in kinds["press_statement"]["title"]):
        return "press_statement"
    if any(t.lower() in title for t in kinds["joint_statement"]["title"]) or \
            any(b in text for b in kinds["joint_statement"]["body"]):
        return "joint_statement"
    if hint:
        return hint
    return "readout" if _bare_offices(text) else "news"


def _bare_offices(text: str) -> Counter:
    offices: Counter = Counter()
    for m in _BARE_EN.finditer(_body(text)):
        offices[_TITLE_OFFICE[m.group("t").lower()]] += 1
    return offices


def _bare_ja(text: str) -> int:
    """総理 / 首相 with no name or country before it: in Japanese it is Japan's own prime minister
    (a foreign head of government is written with the country or the name: 英国首相, モディ首相)."""
    return len(_BARE_JA.findall(_body(text)))


def _turn_speaker(text: str, gaz: Gazetteer) -> str | None:
    m = _TURN.search(text)
    return gaz.lookup(m.group(1).title()) if m else None


def read(text: str, gaz: Gazetteer, date: str | None, leaders: tuple[str, ...] = (),
         unnamed: tuple[str, ...] = (), origin: tuple[str, ...] = ()) -> SourceProfile:
    """The document's profile. ``leaders`` are the event's leaders (entity ids), ``unnamed`` those of
    them the text never names; ``date`` is the event's date (the terms of office are read on it); ``origin``
    the site name and URL the page came from."""
    signed_by, country, hint = publisher(text, origin)
    kind = _kind(text, hint)
    offices = _bare_offices(text)
    office = offices.most_common(1)[0][0] if offices else None
    if not offices and _bare_ja(text):
        office, country = "prime_minister", country or "JP"
        kind = hint or ("readout" if kind == "news" and not _DATELINE_JA.search(text) else kind)
    leader = None
    if kind == "press_statement":
        leader = _turn_speaker(text, gaz)
    if leader is None and country and kind != "news":
        for off in ([office] if office else []) + ["president", "prime_minister", "chancellor"]:
            leader = gaz.holder(off, date, country=country)
            if leader:
                office = office or off
                break
    if leader is None and country is None and kind != "news":
        # the bare title is the side the text does not name: a leader holding that office on the date,
        # among the event's leaders and the countries the text mentions, whom the text never names
        named = {m.entity for m in gaz.mentions(text) if m.kind == "person"}
        mentioned = Counter(gaz.country_of(m.entity) for m in gaz.mentions(text) if m.kind == "country")
        # a country the text keeps mentioning ("the UK", "the UK's departure") is a side even when the
        # event reader found only the named leader's
        countries = {gaz.country_of(e) for e in leaders}
        if len(countries) < 2:
            countries |= {c for c, n in mentioned.items() if n >= 2}
        holding = [e for e in leaders if office is None or gaz.office_at(e, date) == office]
        for c in sorted(c for c in countries if c):
            h = gaz.holder(office, date, country=c) if office else None
            if h and h not in holding:
                holding.append(h)
        quiet = [e for e in holding if e in unnamed or e not in named]
        if len(quiet) == 1:
            leader = quiet[0]
        elif not quiet and len(holding) == 1 and (office or kind == "press_statement") and \
                not _foreign(text, holding[0], gaz):
            leader = holding[0]
    if leader and kind != "news" and not leader.startswith(NAMED):
        own = _named_holder(text, gaz, date, office or gaz.office_at(leader, date), leader)
        if own:
            country, leader = country or gaz.country_of(leader), own
    if leader and country is None:
        country = gaz.country_of(leader)
    if leader and office is None:
        office = gaz.office_at(leader, date)
    return SourceProfile(signed_by, country, kind, leader, office)


def _named_holder(text: str, gaz: Gazetteer, date: str | None, office: str | None, holder: str) -> str | None:
    """The publisher's leader as the page itself names them: the one person the text writes with the bare
    title's office ("Prime Minister Shri X had a telephonic conversation with …") and no other country, when
    ``holder``, the people data's holder of that office in the publisher's country, is not named at all (a
    page names its own leader in full once, if at all: a holder the text never names and a named one of the
    same office are one person)."""
    named = {m.entity for m in gaz.mentions(text) if m.kind == "person"}
    country = gaz.country_of(holder)
    if holder in named or office is None:
        return None
    own = [e for e in named if e.startswith(NAMED) and gaz.office_at(e, date) == office
           and gaz.country_of(e) in (None, country)]
    return own[0] if len(own) == 1 and not _foreign(text, own[0], gaz) else None


def _foreign(text: str, entity: str, gaz: Gazetteer) -> bool:
    """The text names this leader by title and name in the same breath as a bare title ("The Prime
    Minister spoke to the Prime Minister of Canada Mark Carney"): the bare title is someone else."""
    for m in _BARE_EN.finditer(text):
        rest = text[m.end():m.end() + 80]
        if re.match(r"\s+(?:met|spoke|called|held|had)\b", rest):
            after = [x for x in gaz.mentions(rest) if x.kind == "person"]
            if any(x.entity == entity for x in after[:1]):
                return True
    return False
