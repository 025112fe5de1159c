"""One record per event, built one source at a time: merged facts with every citation, and the conflicts.

:func:`add_source` merges one document's facts into an :class:`~kaidan.records.EventRecord`;
:func:`merge_event` folds it over an event's documents (the documents whose main event this is first).
Adding a source costs its facts times the event's merged facts — each merged fact is compared through one
representative wording per language, read once (:func:`bilingual.profile` is cached) — never a re-merge of
the event, so the pipeline merges a new source into the stored record (:mod:`archive`).

* Agreements and statements are one pool of points (the same point may be an agreement in a readout and a
  statement in a wire story); commitments merge with commitments of the same actor. Each new fact is scored against every merged fact
  (:func:`match.text_score`); pairs are taken best first, each merged fact taking at most one fact of the
  source; a fact that bundles several points also joins (as a citation) each further merged fact whose
  words it holds on words of its own (:func:`_contained`); a fact left over cites the merged fact it scores
  best with when another fact of its sentence took that one (one point told in two facts of one sentence);
  the rest start merged facts of their own type.
  A merged fact's wording per language is its tightest (:func:`_tighter`), so it does not drift to a
  bundled fact that would attract the other points of later sources.
* Signed documents merge by title, quantities by unit and value, meetings by kind and date; a meeting keeps
  every value given for its start, length and place with the sentences that give it.
* The leaders' joint document (a joint statement issued, not signed) is one of the event's signed documents,
  marked ``issued`` (:func:`joint_document`, EVENTS.md's record of the meeting; a single document's facts keep
  FACTS.md's convention): each source cites its first sentence naming it. One per event: two joint documents
  of one meeting, told apart by no source, would be one entry.

Conflicts are listed, never resolved silently, and recomputed from the merged values: a meeting's start or
place given differently (a place and the city it is in are one place: ``data/places.json``), lengths that
differ by more than ``DURATION_TOLERANCE`` (約1時間 against 55 minutes is one length; about 40 minutes against
30 is not), the same commitment with different amounts, one figure given in two currencies, a person's name
written differently in one script (a name in two scripts is one name; a form that is another with words
around it is that name), two weekdays given for one date (3月19日(土) against "Friday (March 19)"), and a
source saying no document was signed where others list signed documents.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..extract.lexicon import load
from ..people import gazetteer
from ..records import (Conflict, EventRecord, MergedFact, MergedMeeting, NameForms, Source, SourceCitation,
                       ValueGroup)
from ..text import alternation, fold, glued_breaks, norm
from .bilingual import Frequencies, Profile, coverage, profile, specific_units, weighed
from .match import (CONTAINED_CHARS, MIN_SPECIFIC, _same_amount, compatible, lang_of, person, quote_and_joint,
                    same_concepts, text_score)
from .weekdays import stated as stated_weekdays

CLAUSE_TYPES = ("agreements", "commitments", "statements")
DURATION_TOLERANCE = 0.15   # lengths within 15 % of the longer are one length told roughly
SIGNED_TITLE = 0.5          # title score for one signed document
SUPPORT_COVERAGE = 0.4      # a source sentence supports a merged fact holding this share of the fact's words
SUPPORT_SPECIFIC = 3        # ... and at least this many of its specific (non-generic) words
SHORT_COVERAGE = 0.9        # ... or, for a short point with fewer specific words, nearly all its words and all of those
SUPPORT_RULE = "kaidan.merge.support.v2"
WORDING_SHARE = 0.15         # ... and becomes the fact's wording in its language when the fact holds this share of it
TIGHT_UNITS = 3             # specific words the wording of a merged fact needs
POINT_SPECIFIC = 2          # specific words of its own a further point told by one sentence needs
MAX_SUPPORT_CHARS = 400     # longer "sentences" are page furniture or run-on blocks
BACK_SOURCES = 12           # earlier sources searched for the points a new source tells first
WEEKDAY_RULE = "kaidan.merge.weekday.v1"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CURRENCIES = frozenset({"USD", "JPY", "EUR", "GBP", "CNY", "KRW", "INR", "AUD", "CAD"})


def _cite(doc_id: str, record: dict, fact: dict) -> SourceCitation:
    off = fact.get("offsets")
    return SourceCitation(doc_id, record.get("doc"), fact.get("evidence"), tuple(off) if off else None,
                          fact.get("rule"))


def _add_value(groups: tuple[ValueGroup, ...], value, cite: SourceCitation, same) -> tuple[ValueGroup, ...]:
    if value in (None, "", []):
        return groups
    for i, g in enumerate(groups):
        if same(g.value, value):
            return groups[:i] + (ValueGroup(g.value, g.citations + (cite,)),) + groups[i + 1:]
    return groups + (ValueGroup(value, (cite,)),)


@lru_cache(maxsize=1)
def _place_keys() -> tuple[tuple[str, int], ...]:
    data = load("places.json", ("places",))
    pairs = [(norm(n), i) for i, p in enumerate(data["places"]) for n in p["names"]]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def place_key(place: str) -> str:
    """One key for a place and the city it is in (首相官邸 and 東京; New Delhi and ニューデリー)."""
    n = norm(place)
    for name, i in _place_keys():
        if name and name in n:
            return f"place:{i}"
    return n


def same_place(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return na in nb or nb in na or place_key(a) == place_key(b)


_NUM = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|half an?|[一二三四五六七八九十]+)"
OVER = re.compile(r"\b(?:more than|over|upwards of|in excess of|longer than)\s+" + _NUM + r"[\s-]+(?:hours?|minutes?)"
                  r"|" + _NUM + r"\s*(?:時間|分)間?(?:以上|超)", re.I)
UNDER = re.compile(r"\b(?:nearly|almost|just under|less than|under|close to)\s+" + _NUM + r"[\s-]+(?:hours?|minutes?)"
                   r"|" + _NUM + r"\s*(?:時間|分)間?(?:近く|弱|足らず|未満|足らず)", re.I)


@lru_cache(maxsize=65536)
def bound_of(evidence: str | None) -> str | None:
    """"over" for "more than two hours" / 2時間以上, "under" for "nearly two hours" / 2時間近く, else None."""
    text = fold(evidence or "")
    over, under = bool(OVER.search(text)), bool(UNDER.search(text))
    return "over" if over and not under else "under" if under and not over else None


def _bounds(groups: tuple[ValueGroup, ...]) -> tuple[ValueGroup, ...]:
    """One length said to be more than it by some sources and less than it by others: two values."""
    if len(groups) != 1:
        return groups
    g = groups[0]
    over = tuple(c for c in g.citations if bound_of(c.evidence) == "over")
    under = tuple(c for c in g.citations if bound_of(c.evidence) == "under")
    if over and under:
        return (ValueGroup(f"more than {g.value}", over), ValueGroup(f"less than {g.value}", under))
    return groups


def _within_bounds(groups: tuple[ValueGroup, ...]) -> tuple[ValueGroup, ...]:
    """Lengths less a length every source of which gives it as a bound the other lengths keep: "over an hour"
    (60, a lower bound) does not contradict 90 minutes, nor "nearly two hours" (120, an upper bound) 100
    minutes; the length told as it is stands, the bound told with it is no second value."""
    if len(groups) < 2:
        return groups

    def bound(g: ValueGroup) -> str | None:
        bounds = {bound_of(c.evidence) for c in g.citations}
        return bounds.pop() if len(bounds) == 1 else None

    exact = [g for g in groups if bound(g) is None]

    def kept(g: ValueGroup, v) -> bool:
        return same_length(g.value, v) or (g.value < v if bound(g) == "over" else g.value > v)

    out = tuple(g for g in groups if bound(g) is None or not exact or
                not all(kept(g, e.value) for e in exact))
    return out


def same_length(a: int, b: int) -> bool:
    return abs(a - b) <= DURATION_TOLERANCE * max(a, b)


# -- pieces of one source ----------------------------------------------------------------------------------

def _programme(programme: tuple[MergedMeeting, ...], event: dict, doc_id: str, record: dict):
    progs = list(programme)
    for m in record.get("meetings") or []:
        date = m.get("date")
        if date and not (event["date_start"] <= date <= event["date_end"]):
            continue
        cite = _cite(doc_id, record, m)
        i = next((i for i, p in enumerate(progs) if p.kind == m["kind"] and (p.date == date or date is None)), None)
        if i is None and date is not None:
            i = next((i for i, p in enumerate(progs) if p.kind == m["kind"] and p.date is None), None)
        p = progs[i] if i is not None else MergedMeeting(m["kind"], date, (), (), (), (), ())
        gaz = gazetteer()
        parts = list(p.participants)
        known = {gaz.lookup(x) or x for x in parts}
        for name in m.get("participants") or []:
            pid = gaz.lookup(name) or name
            if pid not in known:
                parts.append(name)
                known.add(pid)
        new = MergedMeeting(p.kind, p.date or date,
                            _add_value(p.start, m.get("start"), cite, lambda a, b: a == b),
                            _add_value(p.duration_minutes, m.get("duration_minutes"), cite, same_length),
                            _add_value(p.place, m.get("place"), cite, same_place),
                            tuple(parts), p.citations + (cite,))
        if i is None:
            progs.append(new)
        else:
            progs[i] = new
    progs.sort(key=lambda p: (p.date or "", next((g.value for g in p.start), "99:99")))
    return tuple(progs)


def _signed(signed: tuple[MergedFact, ...], doc_id: str, record: dict):
    out = list(signed)
    for s in record.get("signed_documents") or []:
        cite = _cite(doc_id, record, s)
        for i, g in enumerate(out):
            title = g.field("title")
            if same_place(title, s["title"]) or same_concepts(title, s["title"]) or \
                    text_score(profile(title), profile(s["title"])) >= SIGNED_TITLE:
                fields = g.fields
                if len(s["title"]) > len(title):
                    fields["title"] = s["title"]
                texts = dict(g.texts)
                lang = lang_of(s["title"])
                if len(s["title"]) > len(texts.get(lang, "")):
                    texts[lang] = s["title"]
                out[i] = MergedFact.make("signed_documents", fields, texts, g.citations + (cite,))
                break
        else:
            out.append(MergedFact.make("signed_documents", {"title": s["title"], "date": s.get("date")},
                                       {lang_of(s["title"]): s["title"]}, (cite,)))
    return tuple(out)


def _quantities(qs: tuple[MergedFact, ...], doc_id: str, record: dict):
    out = list(qs)
    for q in record.get("quantities") or []:
        cite = _cite(doc_id, record, q)
        for i, g in enumerate(out):
            f = g.fields
            if _same_amount(f, q):
                out[i] = MergedFact.make("quantities", f, dict(g.texts), g.citations + (cite,))
                break
        else:
            fields = {"text": q["text"], "value": q["value"], "unit": q["unit"]}
            if q.get("qualifier"):
                fields["qualifier"] = q["qualifier"]
            out.append(MergedFact.make("quantities", fields, {lang_of(q["text"]): q["text"]}, (cite,)))
    return tuple(out)


def _fact_fields(kind: str, fact: dict) -> dict:
    return {k: v for k, v in fact.items() if k not in ("evidence", "offsets", "rule")}


def _join(g: MergedFact, kind: str, fact: dict, cite: SourceCitation) -> MergedFact:
    fields = g.fields
    texts = dict(g.texts)
    lang = lang_of(fact.get("text", ""))
    if lang not in texts or _tighter(fact.get("text", ""), texts[lang]):
        texts[lang] = fact["text"]
    if len(fact.get("text", "")) > len(fields.get("text", "")):
        if lang == lang_of(fields.get("text", "")) and kind == g.type:
            fields.update({k: v for k, v in _fact_fields(kind, fact).items() if k != "topics"})
    topics = [t for t in dict.fromkeys((fields.get("topics") or []) + (fact.get("topics") or [])) if t != "other"]
    fields["topics"] = topics or ["other"]
    amounts = g.amounts
    if g.type == "commitments":
        if not fields.get("amount") and fact.get("amount"):
            fields["amount"] = fact["amount"]
        if not fields.get("deadline") and fact.get("deadline"):
            fields["deadline"] = fact["deadline"]
        if fact.get("amount"):
            amounts = _add_value(amounts, fact["amount"]["value"], cite, lambda a, b: a == b)
    return MergedFact.make(g.type, fields, texts, g.citations + (cite,), amounts)


def _tighter(a: str, b: str) -> bool:
    """``a`` tells a point more tightly than ``b``: shorter, yet with ``TIGHT_UNITS`` specific words (a fact
    that bundles several points is a poor wording of any one of them)."""
    return len(a) < len(b) and sum(1 for u in profile(a).units if u.weight >= 1.0) >= TIGHT_UNITS


def _new(kind: str, fact: dict, cite: SourceCitation) -> MergedFact:
    fields = _fact_fields(kind, fact)
    fields["topics"] = [t for t in fields.get("topics") or [] if t != "other"] or ["other"]
    amounts = (ValueGroup(fact["amount"]["value"], (cite,)),) if kind == "commitments" and fact.get("amount") else ()
    return MergedFact.make(kind, fields, {lang_of(fact.get("text", "")): fact.get("text", "")}, (cite,), amounts)


def _freq(texts) -> Frequencies:
    """How many of the given wordings use each word (its lemma or stem), counted once per wording."""
    out = Frequencies()
    for t in texts:
        for key in {u.primary for u in profile(t).units}:
            out[key] = out.get(key, 0) + 1
    return out


class _Nearby:
    """Which merged facts a wording could match at all, so the others are skipped without being scored.

    Every test a pair must pass needs *specific* units of one wording of the merged fact (units weighing at
    least ``bilingual.SPECIFIC`` under the event's word counts) whose keys meet the new wording's keys, and
    how many it needs is known before scoring:

    * a score (:func:`match.text_score`) counts only with ``MIN_SPECIFIC`` specific units of each side that
      the other side has (:func:`bilingual.specific_shared`), one when both carry the same figure;
    * a fact holding a merged fact's point (:func:`_contained`) needs ``SUPPORT_SPECIFIC`` specific units of
      the merged wording that the fact's wording has (:func:`bilingual.coverage`);
    * a supporting sentence (:func:`_support_of`) needs ``SUPPORT_SPECIFIC`` of them, or, for a short point,
      all the specific units the wording counts in itself; and in one language ``coverage`` counts a unit
      only when the other wording has the word itself (``same_word``: such a unit meets the sentence by its
      own lemma or stem, not by a gloss).

    So each merged wording is indexed by the keys of its specific units alone, a query counts the units it
    meets per wording, and a wording meeting fewer than the least any test needs is no candidate. The one
    score needing no specific unit, one text holding the other in one language (``match.text_score``'s
    shortcut, texts of at least ``CONTAINED_CHARS``), is looked for apart with ``containment``."""

    def __init__(self, texts: list[tuple[tuple[str, str], ...]], freq: Frequencies, containment: bool = True,
                 same_word: bool = False) -> None:
        # (wording, unit) under each key: met by a wording in any language, or (``glossed``, per language of
        # the merged wording) only by one in another language
        self.keyed: dict[str, list[tuple[int, int]]] = {}
        self.glossed: dict[str, dict[str, list[tuple[int, int]]]] = {}
        self.norms: list[tuple[int, str, str]] = []
        self.owner: list[int] = []      # the merged fact of each wording
        self.lang: list[str] = []       # the language of each wording
        self.most: dict[tuple[int, int], int] = {}    # the units that may stand for several words (credit)
        self.least: list[int] = []      # the fewest specific units a sentence must meet in each wording
        self.same_word = same_word
        for m, wordings in enumerate(texts):
            for _lang, t in wordings:
                p = profile(t)
                w = len(self.owner)
                self.owner.append(m)
                self.lang.append(p.lang)
                own = coverage(p, p, freq)[1] if same_word else 0
                self.least.append(min(SUPPORT_SPECIFIC, own) if own else SUPPORT_SPECIFIC)
                glossed = self.glossed.setdefault(p.lang, {}) if same_word else self.keyed
                for u_i, u in enumerate(weighed(p, freq).specific):
                    entry = (w, u_i)
                    if u.phrases:
                        self.most[entry] = u.most
                    self.keyed.setdefault(u.primary, []).append(entry)
                    for key in u.keys:
                        if key != u.primary:
                            glossed.setdefault(key, []).append(entry)
                if containment and len(p.norm) >= CONTAINED_CHARS:
                    self.norms.append((m, p.lang, p.norm))

    def candidates(self, text: str, least: int | None = None) -> dict[int, int]:
        """The merged facts one of whose wordings ``text`` meets on ``least`` specific units (else on the
        least its support test needs), each with the most units it meets in one wording, in order; and
        (with ``containment``) those holding it or held by it in one language, with 0 when they meet fewer."""
        p = profile(text)
        keys, lang = p.keys, p.lang
        keyed = self.keyed
        met = {e for key in keys if key in keyed for e in keyed[key]}
        for wl, glossed in self.glossed.items():
            if wl != lang:
                met.update(e for key in keys if key in glossed for e in glossed[key])
        units: Counter = Counter()
        most = self.most
        for e in met:               # a unit glossed by a phrase may stand for its words (bilingual.credit)
            units[e[0]] += most.get(e, 1) if self.lang[e[0]] != lang else 1
        owner, least_of = self.owner, self.least
        found: dict[int, int] = {}
        for w, n in units.items():
            if n >= (least_of[w] if least is None else least):
                m = owner[w]
                found[m] = max(found.get(m, 0), n)
        if len(p.norm) >= CONTAINED_CHARS:
            for m, wl, t in self.norms:
                if wl == lang and m not in found and (t in p.norm or p.norm in t):
                    found[m] = 0
        return dict(sorted(found.items()))


def _score(g: MergedFact, kind: str, fact: dict, freq: dict[str, int] | None = None) -> float:
    """The best score of a fact against a merged fact's representative wordings (one per language); the two
    must be :func:`compatible` (the caller tells). A direct quotation and an agreement score on shared words
    alone (:func:`match.quote_and_joint`)."""
    figure = _same_amount(g.view.get("amount"), fact.get("amount"))
    pf = profile(fact.get("text", ""))
    letters = not quote_and_joint(g.type, g.view, kind, fact)
    return max((text_score(profile(t), pf, figure, freq, letters) for _, t in g.texts), default=0.0)


def _covers(point: Profile, wording: Profile, freq: dict[str, int]) -> float:
    """The share of a point's words that a wording holds, when it holds enough of them to tell that point
    (the test of a supporting sentence: ``SUPPORT_COVERAGE`` with ``SUPPORT_SPECIFIC`` specific words), else 0."""
    share, specific = coverage(point, wording, freq)
    return share if share >= SUPPORT_COVERAGE and specific >= SUPPORT_SPECIFIC else 0.0


def _contained(g: MergedFact, kind: str, fact: dict, freq: dict[str, int]) -> tuple[float, frozenset[str]]:
    """How well a fact's wording holds a merged fact's point (a fact bundling several points holds each of
    them) and the fact's specific words that meet it; the two must be :func:`compatible` (the caller tells)."""
    if _same_amount(g.view.get("amount"), fact.get("amount")) is False:
        return 0.0, frozenset()
    pf = profile(fact.get("text", ""))
    best, words = 0.0, frozenset()
    for _, t in g.texts:
        pt = profile(t)
        c = _covers(pt, pf, freq)
        if c > best:
            best, words = c, specific_units(pf, pt, freq)
    return best, words


def _cite_only(g: MergedFact, cite: SourceCitation) -> MergedFact:
    """A merged fact cited by one more source, its fields and wordings unchanged (a bundled fact that tells
    this point among others does not become the point's wording)."""
    return MergedFact.make(g.type, g.fields, dict(g.texts), g.citations + (cite,), g.amounts)


class _Taking:
    """One source's clause facts being merged into the event's pools of merged facts: what was taken so far.

    ``merged`` lists the merged facts before this source as (type, index) and ``new`` the source's facts as
    (type, fact); a merged fact takes at most one fact of the source (``taken_merged``, ``taker``), and the
    specific words each fact used to join (``claimed``) keep a further point it tells from being the same
    point again."""

    def __init__(self, rec: EventRecord, doc_id: str, record: dict) -> None:
        self.doc_id, self.record = doc_id, record
        self.pools = {k: list(getattr(rec, k)) for k in CLAUSE_TYPES}
        self.merged = [(k, i) for k in CLAUSE_TYPES for i in range(len(self.pools[k]))]
        self.new = [(kind, f) for kind in CLAUSE_TYPES for f in record.get(kind) or [] if f.get("text")]
        self.freq = _freq([t for k, i in self.merged for _, t in self.pools[k][i].texts] +
                          [f["text"] for _, f in self.new])
        self.taken_fact: set[int] = set()
        self.taken_merged: set[int] = set()
        self.taker: dict[int, int] = {}
        self.claimed: dict[int, frozenset[str]] = {}

    def fact(self, m: int) -> MergedFact:
        k, i = self.merged[m]
        return self.pools[k][i]

    def join(self, n: int, m: int) -> None:
        """Fact ``n`` joins merged fact ``m`` (its fields and wording may become the merged fact's)."""
        kind, fact = self.new[n]
        k, i = self.merged[m]
        self.taken_fact.add(n)
        self.taken_merged.add(m)
        self.taker[m] = n
        self.pools[k][i] = _join(self.pools[k][i], kind, fact, _cite(self.doc_id, self.record, fact))

    def cite(self, n: int, m: int) -> None:
        """Fact ``n`` is one more citation of merged fact ``m``, whose fields and wordings stay."""
        k, i = self.merged[m]
        self.pools[k][i] = _cite_only(self.pools[k][i], _cite(self.doc_id, self.record, self.new[n][1]))

    def result(self) -> dict[str, tuple[MergedFact, ...]]:
        return {k: tuple(v) for k, v in self.pools.items()}


def _scored_pairs(t: _Taking) -> tuple[list[tuple[float, int, int]], dict[tuple[int, int], frozenset[str]]]:
    """Every (score, fact, merged fact) pair that scores above 0, and the pairs where the fact holds the merged
    fact's point (:func:`_contained`) with the fact's specific words that meet it; only :class:`_Nearby`
    candidates of compatible type are scored."""
    pairs = []
    held: dict[tuple[int, int], frozenset[str]] = {}
    near = _Nearby([t.fact(m).texts for m in range(len(t.merged))], t.freq)
    for n, (kind, fact) in enumerate(t.new):
        # the fewest specific units a score (one with a figure) or a containment test needs
        least = 1 if fact.get("amount") else min(MIN_SPECIFIC, SUPPORT_SPECIFIC)
        for m, units in near.candidates(fact["text"], least).items():
            g = t.fact(m)
            if not compatible(g.type, g.view, kind, fact):
                continue
            s = _score(g, kind, fact, t.freq)
            c, words = _contained(g, kind, fact, t.freq) if units >= SUPPORT_SPECIFIC else (0.0, frozenset())
            if c:
                held[(n, m)] = words
            if s > 0:
                pairs.append((s, n, m))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs, held


def _take_best(t: _Taking, pairs: list[tuple[float, int, int]]) -> None:
    """Pairs taken best first, each fact and each merged fact in at most one."""
    for _s, n, m in pairs:
        if n in t.taken_fact or m in t.taken_merged:
            continue
        pf = profile(t.new[n][1]["text"])
        t.claimed[n] = frozenset().union(*(specific_units(pf, profile(w), t.freq) for _, w in t.fact(m).texts))
        t.join(n, m)


def _take_bundled(t: _Taking, held: dict[tuple[int, int], frozenset[str]]) -> None:
    """A fact that bundles several points (one sentence telling three outcomes) also joins each further merged
    fact whose point it holds on words of its own, not those of the points it already joined."""
    for (n, m), words in sorted(held.items(), key=lambda h: (-len(h[1]), h[0])):
        if m in t.taken_merged or (n in t.claimed and len(words - t.claimed[n]) < POINT_SPECIFIC):
            continue
        t.claimed[n] = t.claimed.get(n, frozenset()) | words
        if n in t.taken_fact:
            t.taken_merged.add(m)
            t.cite(n, m)
        else:
            t.join(n, m)


def _take_same_sentence(t: _Taking, pairs: list[tuple[float, int, int]], text: str) -> None:
    """One point told in two facts of one sentence (共感を示し、…枠組みを立ち上げることで一致した; a quoted readout
    read as an agreement and as a statement): a fact left over cites the best-scoring of the merged facts
    that a fact of its own sentence took, whose wording stays that of the point (not of the second clause)."""
    where = _sentence_of(text)
    for _s, n, m in pairs:
        if n in t.taken_fact or m not in t.taker:
            continue
        at = where(t.new[n][1].get("offsets"))
        if at is None or at != where(t.new[t.taker[m]][1].get("offsets")):
            continue
        t.taken_fact.add(n)
        t.cite(n, m)


def _clauses(rec: EventRecord, doc_id: str, record: dict,
             text: str | None = None) -> dict[str, tuple[MergedFact, ...]]:
    """The agreements, commitments and statements with one more source's facts: each fact joins the merged
    fact it scores best with (:func:`_take_best`), then those bundling several points join the further
    points they hold (:func:`_take_bundled`), then, with the source's text, a fact left over cites the merged
    fact another fact of its sentence took (:func:`_take_same_sentence`); the rest start merged facts."""
    t = _Taking(rec, doc_id, record)
    pairs, held = _scored_pairs(t)
    _take_best(t, pairs)
    _take_bundled(t, held)
    if text:
        _take_same_sentence(t, pairs, text)
    for n, (kind, fact) in enumerate(t.new):
        if n not in t.taken_fact:
            t.pools[kind].append(_new(kind, fact, _cite(doc_id, record, fact)))
    return t.result()


def _sentence_of(text: str):
    """The index of the sentence of ``text`` (:func:`_sentences`) that a span starts in, or None."""
    sentences = _sentences(text)
    starts = [x.start for x in sentences]

    def where(offsets) -> int | None:
        if not offsets:
            return None
        j = bisect.bisect_right(starts, offsets[0]) - 1
        return j if j >= 0 and offsets[0] < sentences[j].end else None

    return where


def _names(names: tuple[NameForms, ...], doc_id: str, record: dict) -> tuple[NameForms, ...]:
    out = {n.person: n for n in names}
    for n in record.get("names") or []:
        prev = out.get(n["person"], NameForms(n["person"], (), ()))
        forms = _add_value(prev.forms, n["written"], _cite(doc_id, record, n), lambda a, b: norm(a) == norm(b))
        unknown = prev.unknown + ((n["written"],) if not n.get("known") and n["written"] not in prev.unknown else ())
        out[n["person"]] = NameForms(n["person"], forms, unknown)
    return tuple(out.values())


# A paragraph wholly in parentheses: a transcript's paraphrase of a reporter's question or an editor's note,
# not what the source itself tells.
ASIDE = re.compile(r"^[ \t]*[(（][^\n]*[)）][ \t]*$", re.M)


@lru_cache(maxsize=512)
def _sentences(text: str) -> tuple:
    """The document's sentences, glued English sentences cut apart, none longer than ``MAX_SUPPORT_CHARS``,
    none from a paragraph wholly in parentheses (:data:`ASIDE`)."""
    from ..nlp import split_sentences

    asides = [(m.start(), m.end()) for m in ASIDE.finditer(text)]
    out = []
    for s in split_sentences(text):
        if any(a <= s.start < b for a, b in asides):
            continue
        cuts = [0] + [c for c in glued_breaks(s.text) if c < len(s.text)] + [len(s.text)]
        for a, b in zip(cuts, cuts[1:]):
            piece = s.text[a:b]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece and len(piece) <= MAX_SUPPORT_CHARS:
                out.append(replace(s, start=s.start + a + lead, end=s.start + a + lead + len(piece), text=piece))
    return tuple(out)


def _support_of(pools: dict[str, tuple[MergedFact, ...]], doc_id: str, doc: str | None, sentences,
                merged: list[tuple[str, int]], freq: dict[str, int],
                speakers: dict[int, frozenset[str]] | None = None) -> dict[str, tuple[MergedFact, ...]]:
    """Each of the given sentences of one source is cited by the merged facts (of ``merged``) it covers
    best, when such a fact holds ``SUPPORT_COVERAGE`` of its words there and this sentence is the fact's best
    of the source. One sentence may tell several points ("The document pledges X, calls for Y and confirms
    Z"): it supports a further merged fact when that fact meets it on ``POINT_SPECIFIC`` specific words of
    the sentence that the facts it already supports did not use (another point, not the same point again)."""
    pairs = []
    hits: dict[tuple[int, int], frozenset[str]] = {}
    near = _Nearby([pools[k][i].texts for k, i in merged], freq, containment=False, same_word=True)
    for n, s in enumerate(sentences):
        ps = profile(s.text)
        for m in near.candidates(s.text):
            k, i = merged[m]
            if _other_figure(s.text, pools[k][i].view.get("amount")):
                continue
            best = 0.0
            used: set[str] = set()
            for _lang, t in pools[k][i].texts:
                pt = profile(t)
                share, specific = coverage(pt, ps, freq)
                if share >= SUPPORT_COVERAGE and (specific >= SUPPORT_SPECIFIC or (
                        share >= SHORT_COVERAGE and specific and specific == coverage(pt, pt, freq)[1])):
                    best = max(best, share)
                    used |= specific_units(ps, pt, freq)
            if best and pools[k][i].type == "statements" and speakers and \
                    _other_speaker(speakers.get(n), pools[k][i].view.get("speaker")):
                continue
            if best:
                pairs.append((best, n, m))
                hits[(n, m)] = frozenset(used)
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    out = {k: list(v) for k, v in pools.items()}
    claimed: dict[int, frozenset[str]] = {}
    used_m = set()
    for _score, n, m in pairs:
        if m in used_m:
            continue
        further = n in claimed
        if further and len(hits[(n, m)] - claimed[n]) < POINT_SPECIFIC:
            continue
        used_m.add(m)
        claimed[n] = claimed.get(n, frozenset()) | hits[(n, m)]
        k, i = merged[m]
        f = out[k][i]
        s = sentences[n]
        cite = SourceCitation(doc_id, doc, s.text, (s.start, s.end), SUPPORT_RULE)
        texts = dict(f.texts)
        # a sentence telling several points is the wording of none but its first, and of that one only when
        # the point holds enough of it (a long sentence telling another point too would attract that point)
        if not further and lang_of(s.text) not in texts:
            wording = _wording(s.text, [profile(t) for _, t in f.texts], freq)
            if wording:
                texts[lang_of(s.text)] = wording
        out[k][i] = MergedFact.make(f.type, f.fields, texts, f.citations + (cite,), f.amounts)
    return {k: tuple(v) for k, v in out.items()}


def _other_figure(sentence: str, amount: dict | None) -> bool:
    """The sentence gives sums of money and none of them is the fact's amount (3.5 trillion yen against 5兆円,
    or against "$5-trillion", the same figure with its currency misstated being the fact's): it tells
    another commitment, as two facts with different figures are never one."""
    if not amount or amount.get("unit") not in CURRENCIES:
        return False
    from ..normalize import find_quantities

    money = [q for q in find_quantities(sentence) if q.unit in CURRENCIES]
    return bool(money) and not any(_same_amount(amount, {"value": q.value, "unit": amount["unit"]}) for q in money)


def _other_speaker(said: frozenset[str] | None, speaker: str | None) -> bool:
    """The sentence tells what other people said (the source's own statements there have other speakers):
    "Modi said that …" does not retell what Kishida said, however many of his words it uses."""
    return bool(said and speaker) and person(speaker) not in said


def _speakers(sentences, record: dict) -> dict[int, frozenset[str]]:
    """The speakers of the source's statements in each of its sentences (by index)."""
    starts = [x.start for x in sentences]
    out: dict[int, set[str]] = {}
    for st in record.get("statements") or []:
        off, who = st.get("offsets"), person(st.get("speaker"))
        if not off or not who:
            continue
        j = bisect.bisect_right(starts, off[0]) - 1
        if j >= 0 and off[0] < sentences[j].end:
            out.setdefault(j, set()).add(who)
    return {j: frozenset(v) for j, v in out.items()}


@lru_cache(maxsize=1)
def _clause_cut() -> re.Pattern:
    r = _merge_rules()["clause_cut"]
    return re.compile(alternation(map(re.escape, r["ja"] + r["en"])))


def _wording(sentence: str, wordings: list[Profile], freq: dict[str, int]) -> str | None:
    """The part of a supporting sentence that becomes the point's wording in its language: of the sentence's
    clauses (cut where it goes on to another point: 〜で一致し、また…, "…; and …"), the one whose own words the
    point covers most, when the point holds ``WORDING_SHARE`` of it, else None. A sentence
    that joins a second point to this one is not this point's wording whole, so it cannot draw the second
    point's facts of later sources into this one."""
    cut = _clause_cut()
    pieces = [sentence]
    if cut.search(sentence):
        parts = [x.strip() for x in cut.split(sentence)]
        parts = [x for x in parts if sum(1 for u in profile(x).units if u.weight >= 1.0) >= TIGHT_UNITS]
        if len(parts) > 1:
            pieces = parts
    best, share = None, 0.0
    for piece in pieces:
        got = max((coverage(profile(piece), w, freq)[0] for w in wordings), default=0.0)
        if got > share:
            best, share = piece, got
    return best if share >= WORDING_SHARE else None


def _support(pools: dict[str, tuple[MergedFact, ...]], doc_id: str, record: dict, text: str):
    """Sentences of the source that tell a merged fact it has no fact of its own for (a wire story retelling a
    point of the readout in a sentence the extractor read as no fact): each such sentence is cited by the
    merged fact it covers best, provided that fact has no citation of this source and this sentence is the
    best of the source for it (mutual best), with ``SUPPORT_COVERAGE`` of the fact's words. A sentence that
    gave another fact may support too: a wire story's sentence often tells two points of the readout."""
    merged = [(k, i) for k in CLAUSE_TYPES for i, f in enumerate(pools[k])
              if not any(c.doc_id == doc_id and len(c.evidence or "") <= MAX_SUPPORT_CHARS for c in f.citations)]
    freq = _freq([t for k in CLAUSE_TYPES for f in pools[k] for _, t in f.texts])
    sentences = _sentences(text)
    return _support_of(pools, doc_id, record.get("doc"), sentences, merged, freq, _speakers(sentences, record))


def _support_back(pools: dict[str, tuple[MergedFact, ...]], sources: tuple[Source, ...], doc_id: str, text_of):
    """The merged facts this source told first are looked for in the sentences of the event's earlier main
    sources (the last ``BACK_SOURCES`` of them, so the cost of a source stays bounded however large the
    event): a readout merged before the wire story that first gave a point as a fact cites its sentence
    too."""
    new = [(k, i) for k in CLAUSE_TYPES for i, f in enumerate(pools[k])
           if all(c.doc_id == doc_id for c in f.citations)]
    earlier = [s for s in sources if s.main and s.doc_id != doc_id][-BACK_SOURCES:]
    if not new or not earlier:
        return pools
    freq = _freq([t for k in CLAUSE_TYPES for f in pools[k] for _, t in f.texts])
    for src in earlier:
        text = text_of(src.doc_id)
        if not text:
            continue
        pools = _support_of(pools, src.doc_id, src.doc, _sentences(text), new, freq)
    return pools


def add_source(rec: EventRecord, event: dict, doc_id: str, record: dict, main: bool,
               text: str | None = None, text_of=None) -> EventRecord:
    """The event record with one more source merged in (its facts, if this is its main event); with the
    source's ``text``, its sentences that retell a merged fact are cited by it too (:func:`_support`); with
    ``text_of(doc_id)``, earlier sources' sentences that retell a point this source tells first
    (:func:`_support_back`)."""
    ev = record.get("event") or {}
    source = Source(doc_id, record.get("doc"), record.get("lang"), main, ev.get("date"),
                    "date" if ev.get("date") else "content")
    rec = EventRecord(event["id"], event["countries"], event["date_start"], event["date_end"], event.get("kind"),
                      rec.sources + (source,), _programme(rec.programme, event, doc_id, record),
                      _signed(rec.signed_documents, doc_id, record), rec.agreements, rec.commitments, rec.statements,
                      rec.quantities, _names(rec.names, doc_id, record),
                      rec.denials + tuple(_cite(doc_id, record, c) for c in record.get("claims") or []
                                          if c.get("type") == "no_document"), rec.weekdays)
    signed = rec.signed_documents
    if main:
        pools = _clauses(rec, doc_id, record, text)
        weekdays = rec.weekdays
        programme = rec.programme
        quantities = _quantities(rec.quantities, doc_id, record)
        if text:
            quantities = _conversions(quantities, doc_id, record, text)
            pools = _support(pools, doc_id, record, text)
            if text_of is not None:
                pools = _support_back(pools, rec.sources, doc_id, text_of)
            weekdays = _weekdays(weekdays, rec, doc_id, record, text)
            programme = _main_meeting(programme, event, doc_id, record, text)
            signed = _joint(signed, event, doc_id, record, text)
        rec = EventRecord(rec.id, rec.countries, rec.date_start, rec.date_end, rec.kind, rec.sources, programme,
                          signed, pools["agreements"], pools["commitments"], pools["statements"],
                          quantities, rec.names, rec.denials, weekdays)
    return with_conflicts(replace(rec, signed_documents=_documents_named(rec.signed_documents, rec)))


def empty(event: dict) -> EventRecord:
    return EventRecord(event["id"], event["countries"], event["date_start"], event["date_end"], event.get("kind"))


def merge_record(event: dict, docs: list[tuple[str, dict, bool]], text_of=None) -> EventRecord:
    """The event record from the fact records of its documents ((doc id, record, is main event));
    ``text_of(doc_id)`` gives a document's text for :func:`_support`."""
    rec = empty(event)
    for doc_id, record, main in sorted(docs, key=lambda d: not d[2]):
        rec = add_source(rec, event, doc_id, record, main, text_of(doc_id) if text_of else None, text_of)
    return rec


def merge_event(event: dict, docs: list[tuple[str, dict, bool]], text_of=None) -> dict:
    """:func:`merge_record` as JSON (EVENTS.md ``event ID --json``)."""
    return merge_record(event, docs, text_of).to_dict()


# -- conflicts ---------------------------------------------------------------------------------------------

def _docs(g: ValueGroup) -> set[str]:
    return {c.doc_id for c in g.citations}


def _distinct_sources(groups: tuple[ValueGroup, ...]) -> bool:
    """Two values given by different documents (a document that contradicts itself is an extraction slip)."""
    if len(groups) < 2:
        return False
    docs = [_docs(g) for g in groups]
    return any(a - b and b - a for i, a in enumerate(docs) for b in docs[i + 1:])


def _script(name: str) -> str:
    return lang_of(name)


def conflicts_of(rec: EventRecord) -> tuple[Conflict, ...]:
    out: list[Conflict] = []
    for m in rec.programme:
        about = f"{m.kind} {m.date}"
        for field in ("start", "duration_minutes", "place"):
            groups = getattr(m, field)
            if field == "duration_minutes":
                groups = _bounds(_within_bounds(groups))
            if _distinct_sources(groups):
                out.append(Conflict(f"meetings.{field}", about,
                                    tuple(sorted(groups, key=lambda g: -len(g.citations)))))
    for c in rec.commitments:
        if _distinct_sources(c.amounts):
            out.append(Conflict("commitments.amount", c.field("text"), c.amounts))
    money = [q for q in rec.quantities if q.field("unit") in CURRENCIES]
    for i, a in enumerate(money):
        for b in money[i + 1:]:
            fa, fb = a.fields, b.fields
            if fa["unit"] != fb["unit"] and float(fa["value"]) == float(fb["value"]) and \
                    {x.doc_id for x in a.citations} != {x.doc_id for x in b.citations}:
                out.append(Conflict("quantities.unit", f"{fa['value']:g}",
                                    (ValueGroup(f"{fa['text']} ({fa['unit']})", a.citations),
                                     ValueGroup(f"{fb['text']} ({fb['unit']})", b.citations))))
    gaz = gazetteer()
    for n in rec.names:
        if not n.unknown:
            continue
        for script in ("ja", "en"):
            groups = tuple(g for g in n.forms if _script(g.value) == script)
            if len(groups) < 2 or not any(g.value in n.unknown for g in groups):
                continue
            if _truncations(groups):
                continue
            about = gaz.name(n.person, "en") if n.person in gaz.entities else n.person
            out.append(Conflict("person.name", about, groups))
    for w in rec.weekdays:
        if len(w.forms) > 1:
            out.append(Conflict("event.weekday", w.person, w.forms))
    signed = [s for s in rec.signed_documents if not s.view.get("issued")]   # issued, not signed: no denial
    if rec.denials and signed:
        out.append(Conflict("signed_documents", "whether documents were signed", (
            ValueGroup(f"{len(signed)} signed: " + "; ".join(s.field("title") for s in signed),
                       tuple(c for s in signed for c in s.citations)),
            ValueGroup("no document", rec.denials))))
    return tuple(out)


def _truncations(groups: tuple[ValueGroup, ...]) -> bool:
    """Every form is a part of another (Kishida Fumio / Japanese Fumio Kishida / Korean Lee Jae-myung / Lee
    Jae Myung: one name with words around it or spaced differently)."""
    keys = [(frozenset(norm(w) for w in g.value.replace("・", " ").split()), norm(g.value)) for g in groups]
    return all(any(k <= o or o <= k or n in m or m in n for o, m in keys if o is not k) for k, n in keys)


def with_conflicts(rec: EventRecord) -> EventRecord:
    return replace(rec, conflicts=conflicts_of(rec))


def _weekdays(weekdays: tuple[NameForms, ...], rec: EventRecord, doc_id: str, record: dict, text: str):
    """The weekdays this source gives the event's dates (3月19日(土), "Friday (March 19)")."""
    out = {w.person: w for w in weekdays}
    for date, wd, start, end in stated_weekdays(text, rec.date_start, rec.date_end):
        cite = SourceCitation(doc_id, record.get("doc"), text[start:end], (start, end), WEEKDAY_RULE)
        prev = out.get(date, NameForms(date, (), ()))
        out[date] = NameForms(date, _add_value(prev.forms, WEEKDAYS[wd], cite, lambda a, b: a == b), ())
    return tuple(out.values())


# -- the main meeting in each source's own sentences ---------------------------------------------------------

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@lru_cache(maxsize=1)
def _merge_rules() -> dict:
    return load("merge.json", ("meeting_lead", "meeting_duration", "visit_lead", "joint_document"))


def _rule_id(name: str) -> str:
    r = _merge_rules()[name]
    return f"{r['id']}.v{r['version']}"


def _words_re(ja: list[str], en: list[str]) -> tuple[re.Pattern, re.Pattern]:
    ja_re = re.compile("|".join(re.escape(w) for w in sorted(set(ja), key=len, reverse=True)))
    en_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(en), key=len, reverse=True)) + r")\b",
                       re.I)
    return ja_re, en_re


@lru_cache(maxsize=1)
def _visit_words() -> tuple[re.Pattern, re.Pattern]:
    v = _merge_rules()["visit_lead"]
    return _words_re(v["ja"], v["en"])


@lru_cache(maxsize=1)
def _today_words() -> tuple[re.Pattern, re.Pattern]:
    t = _merge_rules()["meeting_lead"]["today"]
    return _words_re(t["ja"], t["en"])


@lru_cache(maxsize=16)
def _meeting_words(kind: str) -> tuple[re.Pattern, re.Pattern]:
    lead = _merge_rules()["meeting_lead"]
    ja, en = list(lead["ja"]), list(lead["en"])
    for k in load("meetings.json", ("kinds",))["kinds"]:
        if k["kind"] == kind:
            ja += k.get("ja") or []
            en += k.get("en") or []
    return _words_re(ja, en)


def _names_day(sentence: str, dates: list) -> bool:
    """The sentence names one of the event's days: 19日 / Friday / March 19 / 19 March / Oct. 31."""
    t = fold(sentence).lower()
    ja_today, en_today = _today_words()
    if ja_today.search(t) or en_today.search(t):
        return True
    for d in dates:
        if re.search(rf"(?<!\d){d.day}日", t) or WEEKDAYS[d.weekday()].lower() in t:
            return True
        if re.search(rf"(?<!\d){d.day}(?!\d)", t) and re.search(rf"\b{MONTHS[d.month - 1]}", t):
            return True
    return False


def _main_meeting(programme: tuple[MergedMeeting, ...], event: dict, doc_id: str, record: dict, text: str):
    """The event's main meeting cites the source's lead sentence (the first naming the meeting and its day,
    else the first naming the meeting), the first naming a visit or arrival and its day, and the sentence giving the talks' length when it agrees with a length
    the sources give (or none is given yet), unless the source's citations there already hold them."""
    import datetime as dt

    from ..normalize import find_durations

    kind = event.get("kind") or "summit"
    progs = list(programme)
    mains = [i for i, p in enumerate(progs) if p.kind == kind]
    if mains:
        i = max(mains, key=lambda j: (len({c.doc_id for c in progs[j].citations}), -j))
    else:
        single = event["date_start"] if event["date_start"] == event["date_end"] else None
        progs.append(MergedMeeting(kind, single, (), (), (), (), ()))
        i = len(progs) - 1
    p = progs[i]
    sentences = list(_sentences(text))
    cites = list(p.citations)
    covered = [c.offsets for c in cites if c.doc_id == doc_id and c.offsets]
    ja_re, en_re = _meeting_words(kind)
    named = [s for s in sentences if ja_re.search(s.text) or en_re.search(s.text)]
    try:
        start, end = dt.date.fromisoformat(event["date_start"]), dt.date.fromisoformat(event["date_end"])
        dates = [start + dt.timedelta(days=k) for k in range(min((end - start).days, 7) + 1)]
    except (TypeError, ValueError):
        dates = []
    lead = next((s for s in named if _names_day(s.text, dates)), named[0] if named else None)
    if lead is not None and not any(a < lead.end and lead.start < b for a, b in covered):
        cites.append(SourceCitation(doc_id, record.get("doc"), lead.text, (lead.start, lead.end),
                                    _rule_id("meeting_lead")))
    ja_visit, en_visit = _visit_words()
    arrival = next((s for s in sentences if (ja_visit.search(s.text) or en_visit.search(s.text))
                    and _names_day(s.text, dates)), None)
    if arrival is not None and not any(a < arrival.end and arrival.start < b for a, b in
                                       [c.offsets for c in cites if c.doc_id == doc_id and c.offsets]):
        cites.append(SourceCitation(doc_id, record.get("doc"), arrival.text, (arrival.start, arrival.end),
                                    _rule_id("visit_lead")))
    lengths = [g.value for g in p.duration_minutes]
    covered = [c.offsets for c in cites if c.doc_id == doc_id and c.offsets]
    for s in sentences:
        if any(a < s.end and s.start < b for a, b in covered):
            continue
        ds = [d for d in find_durations(s.text) if 5 <= d.minutes <= 600]
        if ds and (not lengths or any(same_length(d.minutes, v) for d in ds for v in lengths)):
            cites.append(SourceCitation(doc_id, record.get("doc"), s.text, (s.start, s.end),
                                        _rule_id("meeting_duration")))
            break
    if len(cites) == len(p.citations):
        return programme
    progs[i] = replace(p, citations=tuple(cites))
    return tuple(progs)


# -- a signed document named in another source's statement or agreement --------------------------------------

@lru_cache(maxsize=1)
def _document_words() -> dict:
    r = _merge_rules()["document_named"]
    out = {"rule": f"{r['id']}.v{r['version']}", "window": r["window"]}
    for lang in ("en", "ja"):
        alt = alternation(map(re.escape, r["nouns"][lang]))
        out[lang] = (re.compile(rf"\b(?:{alt})\b" if lang == "en" else alt, re.I),
                     frozenset(r["generic"][lang]), sorted(r["generic"][lang], key=len, reverse=True))
    return out


@lru_cache(maxsize=1024)
def _subject(title: str) -> tuple[str, tuple[re.Pattern, ...]] | None:
    """A signed document's title as its language and its subject words, each as a pattern that allows a
    space or hyphen inside it (cyber security = cybersecurity), or None when the title has no document
    noun or no subject beyond it."""
    words = _document_words()
    lang = lang_of(title)
    if lang not in ("en", "ja"):
        return None
    nouns, generic, pieces = words[lang]
    t = fold(title).lower()
    if not nouns.search(t):
        return None
    rest = nouns.sub(" ", t)
    if lang == "en":
        subject = [w for w in re.findall(r"[a-z0-9]+", rest) if w not in generic]
    else:
        for g in pieces:
            rest = rest.replace(g, " ")
        subject = [w for w in re.split(r"[\s・、「」『』（）()]+", rest) if len(w) >= 2]
    if not subject or sum(len(w) for w in subject) < 4:
        return None
    return lang, tuple(re.compile(r"[\s-]?".join(re.escape(c) for c in w)) for w in subject)


@lru_cache(maxsize=4096)
def _names_document(sentence: str, title: str) -> bool:
    """The sentence names the document: a document noun of the title's language and, within the rule's
    window of it, every subject word of the title."""
    subj = _subject(title)
    if subj is None or lang_of(sentence) != subj[0]:
        return False
    words = _document_words()
    t = fold(sentence).lower()
    nouns = [m.start() for m in words[subj[0]][0].finditer(t)]
    if not nouns:
        return False
    for pat in subj[1]:
        found = [m.start() for m in pat.finditer(t)]
        if not any(abs(a - b) <= words["window"] for a in found for b in nouns):
            return False
    return True


def _documents_named(signed: tuple[MergedFact, ...], rec: EventRecord) -> tuple[MergedFact, ...]:
    """Each merged signed document cites the sentences of other sources' statements and agreements that name
    it (:func:`_names_document`): "We also welcome the agreement of cooperation in cyber security" supports
    the "Memorandum of Cooperation on cybersecurity" another source lists as signed, and stays a statement
    too. A document cites at most one such sentence per source, none of a source that already cites it."""
    if not signed:
        return signed
    cites = [c for k in CLAUSE_TYPES for f in getattr(rec, k) for c in f.citations
             if c.evidence and c.offsets and len(c.evidence) <= MAX_SUPPORT_CHARS]
    if not cites:
        return signed
    rule = _document_words()["rule"]
    out = list(signed)
    for i, g in enumerate(out):
        title = g.field("title") or ""
        if _subject(title) is None:
            continue
        have = {c.doc_id for c in g.citations}
        added = []
        for c in cites:
            if c.doc_id not in have and _names_document(c.evidence, title):
                have.add(c.doc_id)
                added.append(SourceCitation(c.doc_id, c.doc, c.evidence, c.offsets, rule))
        if added:
            out[i] = MergedFact.make(g.type, g.fields, dict(g.texts), g.citations + tuple(added), g.amounts)
    return tuple(out)


# -- the leaders' joint document: issued, not signed ----------------------------------------------------------

# A year a sentence names: 2008, 2008年, ９８年 (not a length: １７年ぶり, 5年間).
# A year since which something is first (2008年以来, "since 2008") dates no other document.
YEAR = re.compile(r"(?<![\d.,])(\d{2}|(?:19|20)\d{2})年(?!ぶり|間|以来|越し|来|度|目)"
                  r"|(?<![\d.,$])(?<!since )((?:19|20)\d{2})(?![\d,]|年)", re.I)
JOINT_WINDOW = 40     # characters between a joint-document noun and the verb issuing it
TITLE_END = re.compile(r"[。．.!?！？]\s*$")     # a line ending as a sentence ends is no title
JOINT_NAME = re.compile(r"「[^「」\n]{1,30}」")     # the document's name after its noun: 合意文書「共同プレス発表」
# Countries joined by hyphens before an English noun: "Japan-U.S.-ROK", "India-Japan"
EN_PARTIES = re.compile(r"([A-Z][\w.]*(?:\s*[-–]\s*[A-Z][\w.]*)+)\s+$")


@lru_cache(maxsize=1)
def _joint_words() -> dict:
    r = _merge_rules()["joint_document"]

    def en(words) -> re.Pattern:
        return re.compile(r"(?<![\w'])(?:" + alternation(map(re.escape, words)) + r")(?![\w'])", re.I)

    def ja(words) -> re.Pattern:
        return re.compile(alternation(map(re.escape, words)))

    return {"rule": f"{r['id']}.v{r['version']}",
            "ja": ja(r["nouns"]["ja"]), "en": en(r["nouns"]["en"]),
            "issue": {"ja": ja(r["issue"]["ja"]), "en": en(r["issue"]["en"])},
            "negation": {"ja": ja(r["negation"]["ja"]), "en": en(r["negation"]["en"])},
            "in_ja": tuple(r["in_it"]["ja"]),
            "before_en": re.compile(r"(?:" + alternation(map(re.escape, r["in_it"]["en_before"])) + r")\s+$", re.I),
            "after_en": re.compile(r"^\s+(?:" + alternation(map(re.escape, r["in_it"]["en_after"])) + r")\b", re.I),
            "leader_ja": tuple(r["leader"]["ja"]),
            "leader_en": re.compile(r"(?:" + alternation(map(re.escape, r["leader"]["en"])) + r")\s+$", re.I)}


def _other_year(text: str, year: int) -> bool:
    for m in YEAR.finditer(text):
        y = m.group(1) or m.group(2)
        if (int(y) != year % 100) if len(y) == 2 else (int(y) != year):
            return True
    return False


def _parties(before: str, lang: str) -> tuple[frozenset[str] | None, int]:
    """The countries named right before a joint-document noun (日米韓(首脳)共同声明, "Japan-U.S.-ROK (summit)
    joint statement") and where their words start in ``before``; (None, len(before)) when it names none."""
    gaz = gazetteer()
    words = _joint_words()
    k = len(before)
    if lang == "ja":
        for lead in words["leader_ja"]:
            if before[:k].endswith(lead):
                k -= len(lead)
        abbr = gaz.abbreviations()
        run = k
        while run and before[run - 1] in abbr:
            run -= 1
        return (frozenset(abbr[c] for c in before[run:k]), run) if k - run >= 2 else (None, len(before))
    lead = words["leader_en"].search(before)
    m = EN_PARTIES.search(before[:lead.start()] if lead else before)
    if not m:
        return None, len(before)
    codes = set()
    for part in re.split(r"\s*[-–]\s*", m.group(1)):
        ent = gaz.lookup(part)
        if not ent or not ent.startswith("country:"):
            return None, len(before)
        codes.add(ent.split(":", 1)[1])
    return frozenset(codes), m.start()


@lru_cache(maxsize=4096)
def joint_document(sentence: str, countries: str, year: int, title: bool = False) -> str | None:
    """The joint document of the event's leaders that the sentence names (its noun as written, with the
    parties before it), or None: a joint-document noun with a verb issuing it within ``JOINT_WINDOW``
    characters, or as where something is said (共同声明では / "in the joint statement"), or anywhere in a
    ``title``; not in a sentence naming another year, another set of parties or a document not issued."""
    lang = lang_of(sentence)
    if lang not in ("ja", "en"):
        return None
    words = _joint_words()
    t = fold(sentence)
    if words["negation"][lang].search(t) or _other_year(t, year):
        return None
    ours = frozenset(countries.split("-"))
    for m in words[lang].finditer(t):
        before, after = t[:m.start()], t[m.end():]
        parties, start = _parties(before, lang)
        if parties is not None and parties != ours:
            continue
        near = t[max(0, m.start() - JOINT_WINDOW):m.end() + JOINT_WINDOW]
        if lang == "ja":
            said_in = after.lstrip("」』").startswith(words["in_ja"])
        else:
            said_in = bool(words["before_en"].search(before) or words["after_en"].search(after))
        if title or said_in or words["issue"][lang].search(near):
            named = JOINT_NAME.match(t, m.end()) if lang == "ja" else None
            return sentence[start:named.end() if named else m.end()].strip()
    return None


def _joint(signed: tuple[MergedFact, ...], event: dict, doc_id: str, record: dict, text: str):
    """The event's joint document cites the first sentence of this source naming it (:func:`joint_document`),
    the source's first line when the source is that document (its title names it). One merged joint document
    per event, marked ``issued``; it is a signed document whose title names a joint document when the sources
    list one as signed."""
    try:
        year = int(event["date_start"][:4])
    except (TypeError, ValueError, KeyError):
        return signed
    at = next((i for i, g in enumerate(signed) if g.view.get("issued")), None)
    if at is None:
        at = next((i for i, g in enumerate(signed)
                   if joint_document(g.field("title") or "", event["countries"], year, title=True)), None)
    if at is not None and any(c.doc_id == doc_id for c in signed[at].citations):
        return signed
    sentences = _sentences(text)
    first_line = text.lstrip().split("\n", 1)[0].strip()
    headed = bool(first_line) and not TITLE_END.search(first_line)
    found = None
    for k, sent in enumerate(sentences):
        name = joint_document(sent.text, event["countries"], year,
                              title=k == 0 and headed and first_line.startswith(sent.text))
        if name:
            found = (sent, name)
            break
    if found is None:
        return signed
    sent, name = found
    cite = SourceCitation(doc_id, record.get("doc"), sent.text, (sent.start, sent.end), _joint_words()["rule"])
    out = list(signed)
    if at is None:
        lang = lang_of(name)
        out.append(MergedFact.make("signed_documents", {"title": name, "date": None, "issued": True},
                                   {lang: name}, (cite,)))
    else:
        g = out[at]
        texts = dict(g.texts)
        texts.setdefault(lang_of(name), name)
        out[at] = MergedFact.make(g.type, g.fields, texts, g.citations + (cite,), g.amounts)
    return tuple(out)


# -- one figure given in several currencies ------------------------------------------------------------------

# A figure followed by its conversion in parentheses: 5 trillion yen ($42 billion or Rs 3,20,000 crore),
# 750億ドル(約9兆8000億円): the gap from one figure to the next opens a parenthesis and does not close it.
CONVERSION_GAP = re.compile(r"\s*[(（][^()（）\n]{0,30}")
CONVERSION_RULE = "kaidan.merge.conversion.v1"


def _conversions(qs: tuple[MergedFact, ...], doc_id: str, record: dict, text: str) -> tuple[MergedFact, ...]:
    """Merged quantities that this source gives as one figure and its conversion into another currency are
    one merged quantity (the first figure's fields, every citation of both, and the span from the figure to
    its conversion cited under ``CONVERSION_RULE``: the merge says which words made it)."""
    own = sorted((q for q in record.get("quantities") or [] if q.get("offsets") and q.get("unit") in CURRENCIES),
                 key=lambda q: q["offsets"][0])
    out = list(qs)

    def holder(q) -> int | None:
        return next((i for i, g in enumerate(out) if any(c.doc_id == doc_id and c.offsets == tuple(q["offsets"])
                                                          for c in g.citations)), None)

    for k, q in enumerate(own):
        for later in own[k + 1:]:
            gap = text[q["offsets"][1]:later["offsets"][0]]
            if later["unit"] == q["unit"] or not CONVERSION_GAP.fullmatch(gap):
                continue
            i, j = holder(q), holder(later)
            if i is None or j is None or i == j:
                continue
            a, b = out[i], out[j]
            texts = dict(a.texts)
            for lang, t in b.texts:
                texts.setdefault(lang, t)
            start, end = q["offsets"][0], later["offsets"][1]
            why = SourceCitation(doc_id, record.get("doc"), text[start:end], (start, end), CONVERSION_RULE)
            out[i] = MergedFact.make("quantities", a.fields, texts,
                                     a.citations + tuple(c for c in b.citations if c not in a.citations) + (why,))
            del out[j]
    return tuple(out)
