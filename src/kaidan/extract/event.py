"""The main event a document reports: the local date of the leaders' meeting and the countries whose leaders met.

The stage reads the document (``DocContext``), its meeting drafts and its reference day, and returns a frozen
``EventInfo``; it changes neither. The pipeline hands the value on to the stages that need it.

Countries, in order of trust:

1. the meeting's own name: 日米首脳会談, 日・カザフスタン首脳会談, 日カンボジア両首脳, "Japan-U.S. Summit",
   "India-Australia Annual Summit" (a bilateral name wins over a trilateral one mentioned in passing);
2. the leaders who met: people the data knows who held a leader's office, and leaders known by their
   country alone (カザフスタンのトカエフ大統領, フン・セン・カンボジア首相, "NZ PM Christopher Luxon",
   "the Prime Minister of Canada"), weighed by how often and how early they are named;
3. a readout whose own side is unnamed ("The Prime Minister spoke to President Trump", "Today, I held my
   first summit meeting with President Xi"): the other country the text names most.

The date: the local date of the first leaders' meeting that states one (a meeting abroad timed in Japan
time is moved to the place's date; dates on which the leaders who met were not in office are background),
else the first date the article body states, on or before the reference day, else the reference day; a
month and day without a year (a dateline "Oct. 31", "23 Aug") take the one year in which the leaders who
met all held office (and which has the stated weekday), if only one fits.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import find_dates, to_local
from ..normalize.dates import WEEKDAY_NAMES
from ..people import NAMED, cldr_exclusions, cldr_territories, trie_pattern
from ..records import Event
from ..text import Gated, compile_large
from .context import DocContext
from .dating import LEADER_OFFICES, in_office, is_leader
from .lexicon import load
from .meetings import Draft, event_zone
from .profile import publisher

RULE_VERSION = 2
OPEN_TERM_YEARS = 4  # a leader still in office: one usual term from the start (so a weekday fixes one year)
LEAD = 3             # the title and the first sentences: where a story says who met
LEAD_WEIGHT = 3
BODY_DATE_SENTENCES = 6   # title, byline, date line and the lead paragraph
MAIN_KINDS = ("summit", "telephone", "video", "small_group", "working_lunch", "dinner")
# 日米首脳会談, 日英首脳電話会談, 日米韓首脳会合, 日・ベトナム首脳会談, 日カンボジア両首脳
JA_COMPOUND = Gated(re.compile(r"([一-龥ァ-ヶー・]{2,16}?)(?:首脳|両首脳|首相会談|電話会談)"), "首脳", "首相会談", "電話会談")
EN_COMPOUND = re.compile(
    r"\b((?:[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)(?:\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)+)\s+"
    r"(?:Joint|Telephone|Annual Summit|Bilateral|(?i:summit|leaders'?|leaders’|talks|phone call|telephone talks))\b")
FIRST_PERSON_HOST = re.compile(r"\b(?:I|We)\s+(?:held|met|spoke|had|welcomed|received)\b|^(?:Today|Earlier today), I\b")
UNNAMED_HOST = re.compile(r"(?:^|[.!?]\s+|\n)\s*The (?:Prime Minister|President|Chancellor|Taoiseach)\s+"
                          r"(?:met|spoke|held|welcomed|received|hosted|had|called)\b")


@dataclass(frozen=True)
class EventInfo:
    """The event stage's result: what the later stages read."""
    date: str | None
    countries: tuple[str, ...]
    leaders: tuple[str, ...] = ()            # entity ids of the leaders who met
    unnamed_leaders: tuple[str, ...] = ()    # those the text never names (inferred from office and date)
    date_rule: str | None = None             # the rule that gave the date
    countries_rule: str | None = None        # the rule that gave the countries
    day: int | None = None                   # without a date: the day of the month the lead states (20日)

    @property
    def record(self) -> Event:
        return Event(self.date, tuple(sorted(self.countries)), None if self.date else self.day)


def _rule(name: str) -> str:
    return f"kaidan.event.{name}.v{RULE_VERSION}"


# ---------------------------------------------------------------- countries

@lru_cache(maxsize=1)
def _cldr_country_names() -> dict[str, str]:
    """Every ISO 3166 country's name in Japanese and English, from the Unicode CLDR (data/cldr_territories.json)."""
    skip, banned = cldr_exclusions()     # data/countries.json: no country, or never one by the name alone
    names: dict[str, str] = {}
    for lang in ("ja", "en"):
        for code, name in cldr_territories(lang).items():
            if len(code) == 2 and code.isalpha() and code not in skip and name not in banned:
                names.setdefault(name, code)
    return names


def _country_words(gaz) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Regexes of country names (Japanese, English) and the name → code table: the people data's names, its
    short forms and demonyms (data/event.json), then every country's CLDR name (one table per people data:
    a document's extra people add no country)."""
    return _country_words_of(getattr(gaz, "base", gaz))


@lru_cache(maxsize=4)
def _country_words_of(gaz) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for alias, ent in gaz.aliases():
        e = gaz.entities[ent]
        if e.kind == "country" and e.country:
            names.setdefault(alias, e.country)
    extra = load("event.json", ("country_short",))["country_short"]
    for alias, code in extra.items():
        names.setdefault(alias, code)
    for alias, code in _cldr_country_names().items():
        names.setdefault(alias, code)
    ja = sorted((a for a in names if not a.isascii()), key=len, reverse=True)
    en = sorted((a for a in names if a.isascii() and len(a) > 1), key=len, reverse=True)
    # as tries (longest name first, as the flat alternations sorted by length were): a flat alternation of
    # every country name is tried name by name at each character
    return (compile_large(trie_pattern(ja)), compile_large(r"\b(?:" + trie_pattern(en) + r")(?![A-Za-z])"), names)


def _segment_ja(prefix: str, names: dict[str, str]) -> list[str] | None:
    """日カザフ → [JP, KZ]; 日・ベトナム → [JP, VN]; None unless the whole prefix is country names."""
    out: list[str] = []
    i = 0
    while i < len(prefix):
        if prefix[i] == "・":
            i += 1
            continue
        for n in range(min(12, len(prefix) - i), 0, -1):
            code = names.get(prefix[i:i + n])
            if code and (n > 1 or not prefix[i].isascii()):
                out.append(code)
                i += n
                break
        else:
            return None
    return out


def _compound_votes(ctx: DocContext) -> Counter:
    _, _, names = _country_words(ctx.gaz)
    votes: Counter = Counter()
    for i, s in enumerate(ctx.sentences):
        weight = LEAD_WEIGHT if i < LEAD else 1
        if s.lang == "ja":
            for m in JA_COMPOUND.finditer(s.text):
                prefix = m.group(1)
                for k in range(len(prefix) - 1):      # the compound may follow other words: 初の日カザフ首脳会談
                    codes = _segment_ja(prefix[k:], names)
                    if codes:                         # the longest run of names: 日米豪印 is the Quad, not 米豪印
                        if 2 <= len(codes) <= 3:
                            votes[tuple(sorted(set(codes)))] += weight
                        break
        else:
            for m in EN_COMPOUND.finditer(s.text):
                parts = re.split(r"\s?[-–]\s?", m.group(1))
                codes = [ctx.gaz.country_of(ctx.gaz.lookup(p)) or names.get(p) for p in parts]
                if len(codes) >= 2 and all(codes):
                    votes[tuple(sorted(set(codes)))] += weight
    return votes


def _from_compounds(votes: Counter) -> list[str]:
    """The meeting's name: named in the lead or more than once (日中首脳会談の開催を呼びかけた, said once deep in
    a story about another meeting, is a meeting proposed, not this one)."""
    votes = Counter({k: n for k, n in votes.items() if n >= 2})
    bilateral = [k for k, _ in votes.most_common() if len(k) == 2]
    if bilateral:
        return list(bilateral[0])
    return list(votes.most_common(1)[0][0]) if votes else []


def _title_patterns(gaz) -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    """The patterns of :func:`_title_countries`, built once per people data rather than once per document."""
    return _title_patterns_of(getattr(gaz, "base", gaz))


@lru_cache(maxsize=4)
def _title_patterns_of(gaz) -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    ja_re, en_re, names = _country_words(gaz)
    data = load("event.json", ("leader_titles_ja", "leader_titles_en"))
    ja_t = "|".join(map(re.escape, sorted(data["leader_titles_ja"], key=len, reverse=True)))
    en_t = "|".join(map(re.escape, sorted(data["leader_titles_en"], key=len, reverse=True)))
    ja_rx = compile_large(rf"({ja_re.pattern})(?:王国|共和国|連邦|国)?(?:の(?:[ァ-ヶー・]{{2,20}}|[一-龥]{{1,4}}))?(?:{ja_t})")
    en_before = compile_large(rf"({en_re.pattern})(?:'s|’s)?\s+(?:{en_t})\b")
    en_after = compile_large(rf"\b(?:{en_t})(?:\s+[A-Z][a-z]+){{0,3}},?\s+of\s+(?:the\s+)?({en_re.pattern})")
    return ja_rx, en_before, en_after, names


def _title_countries(ctx: DocContext) -> Counter:
    """Countries of leaders named by their country: カザフスタンのトカエフ大統領, ポーランド首相, "Indian PM",
    "the Prime Minister of Canada", "President Yoon of the Republic of Korea"."""
    ja_rx, en_before, en_after, names = _title_patterns(ctx.gaz)
    votes: Counter = Counter()
    for i, s in enumerate(ctx.sentences):
        weight = LEAD_WEIGHT if i < LEAD else 1
        rxs = (ja_rx,) if s.lang == "ja" else (en_before, en_after)
        people = [(p.start - s.start, p.end - s.start) for p in ctx.mentions(s) if p.kind == "person"]
        for rx in rxs:
            for m in rx.finditer(s.text):
                if any(a < m.end() and m.start() <= b for a, b in people):
                    continue                      # a leader the data knows (トランプ米大統領) is counted as that person

                code = names.get(m.group(1))
                if len(m.group(1)) == 1 and re.match(r"[一-龥]", s.text[m.start() - 1:m.start()] or "a"):
                    continue                      # 訪中, 来日: a one-character name inside a word
                if code:
                    votes[code] += weight
    return votes


def _leader_votes(ctx: DocContext, date: str | None) -> Counter:
    votes: Counter = Counter()
    for i, s in enumerate(ctx.sentences):
        weight = LEAD_WEIGHT if i < LEAD else 1
        for m in ctx.mentions(s):
            if m.kind != "person":
                continue
            ok = ctx.gaz.office_at(m.entity, date) in LEADER_OFFICES if date else is_leader(ctx.gaz, m.entity)
            if ok:
                votes[m.entity] += weight
    return votes


PAIR_JOIN = re.compile(r"\s+and\s+(?:the\s+)?|と|・|及び|、")


def _lead_pair(ctx: DocContext) -> list[str] | None:
    """Two countries joined in the lead as the subject of the story: "France and Vietnam have signed",
    "Leaders of Japan and the Republic of Korea", 日本と韓国の首脳."""
    verbs = load("event.json", ("pair_verbs",))["pair_verbs"]
    verb_rx = re.compile(r"\b(?:" + "|".join(map(re.escape, verbs["en"])) + r")\b|" + "|".join(map(re.escape, verbs["ja"])))
    for s in ctx.sentences[:LEAD + 1]:
        ms = [m for m in ctx.mentions(s) if m.kind == "country"]
        for a, b in zip(ms, ms[1:]):
            if PAIR_JOIN.fullmatch(ctx.text[a.end:b.start]) and verb_rx.search(ctx.text[b.end:b.end + verbs["reach"]]):
                codes = {ctx.gaz.country_of(a.entity), ctx.gaz.country_of(b.entity)}
                if len(codes) == 2 and None not in codes:
                    return sorted(codes)
    return None


def _country_mentions(ctx: DocContext) -> Counter:
    counts: Counter = Counter()
    for s in ctx.sentences:
        for m in ctx.mentions(s):
            if m.kind == "country":
                counts[ctx.gaz.country_of(m.entity)] += 1
    return counts


def _unnamed_host(ctx: DocContext) -> bool:
    return any(FIRST_PERSON_HOST.search(s.text) or UNNAMED_HOST.search(s.text) for s in ctx.sentences[:6])


def _countries(ctx: DocContext, date: str | None) -> tuple[list[str], list[str], str]:
    """(countries, leaders who met, rule)."""
    leader_votes = _leader_votes(ctx, date)
    leaders = [e for e, _ in leader_votes.most_common()]
    compound = _from_compounds(_compound_votes(ctx))
    if compound:
        return compound, _leaders_of(ctx, compound, leaders, date), _rule("countries.meeting_name")
    votes: Counter = Counter()
    for e, n in leader_votes.items():
        votes[ctx.gaz.country_of(e)] += n
    votes.update(_title_countries(ctx))
    votes.pop(None, None)
    ranked = [c for c, _ in votes.most_common()]
    countries, rule = ranked[:2], _rule("countries.leaders")
    pair = _lead_pair(ctx)
    if pair and ranked and ranked[0] in pair:
        return pair, _leaders_of(ctx, pair, leaders, date), _rule("countries.lead_pair")
    if len(countries) == 1 or (not countries and _unnamed_host(ctx)):
        own = _government_publisher(ctx)
        if own and own not in countries and _unnamed_host(ctx):
            # a government's page tells of its own leader's meeting by the bare title or in the first person:
            # that unnamed side is its own ("10 Downing Street … The Prime Minister spoke to Chancellor X")
            return countries + [own], _leaders_of(ctx, countries + [own], leaders, date), _rule("countries.publisher")
        others = [(c, n) for c, n in _country_mentions(ctx).most_common() if c and c not in countries]
        if others and (others[0][1] >= 2 or _unnamed_host(ctx)):
            countries.append(others[0][0])
            rule = _rule("countries.unnamed_host")
    return countries, _leaders_of(ctx, countries, leaders, date), rule


def _government_publisher(ctx: DocContext) -> str | None:
    """The country of the government whose letterhead, site or URL signs the page (a readout's publisher)."""
    _name, country, kind = publisher(ctx.text, ctx.origin)
    return country if kind == "readout" else None


def _leaders_of(ctx: DocContext, countries: list[str], leaders: list[str], date: str | None) -> list[str]:
    chosen = []
    for c in countries:
        for e in leaders:
            if ctx.gaz.country_of(e) == c and e not in chosen:
                chosen.append(e)
                break
        else:
            # a leader the text names with a title but no country is the side that has no leader named
            # ("Prime Minister Shri X had a telephonic conversation with H.E. Y, President of Z"), before
            # whoever the people data says held an office there
            unplaced = [e for e in leaders if e.startswith(NAMED) and ctx.gaz.country_of(e) is None
                        and e not in chosen]
            if unplaced:
                chosen.append(unplaced[0])
                continue
            holder = None
            for office in ("prime_minister", "president", "chancellor"):
                holder = holder or ctx.gaz.holder(office, date, country=c)
            if holder and date:
                chosen.append(holder)
    return chosen


# ---------------------------------------------------------------- date

def _local_date(d: Draft, tz: str | None) -> tuple[str, bool]:
    """A draft's local date, and whether it is known to be local (a meeting abroad dated in Japan time moves:
    by its clock time, or by a part of the day that converts to one local date, 日本時間8日未明)."""
    if d.date_zone == "Asia/Tokyo" and tz and tz != "Asia/Tokyo":
        if d.time:
            return to_local(d.date, d.time[0], d.time[1], "Asia/Tokyo", tz)[0], True
        local = _part_of_day_local(d, tz)
        if local:
            return local, True
    return d.date, d.date_zone != "Asia/Tokyo"


def _part_of_day_local(d: Draft, tz: str) -> str | None:
    parts = {k: v for k, v in load("event.json", ("parts_of_day_ja",))["parts_of_day_ja"].items() if k != "note"}
    words = "|".join(sorted(map(re.escape, parts), key=len, reverse=True))
    day = int(d.date[8:])
    for m in re.finditer(rf"日本時間\s*(?:同)?(\d{{1,2}})?日?\s*(?:の)?({words})", d.sentence.text):
        if m.group(1) and int(m.group(1)) != day:
            continue
        lo, hi = parts[m.group(2)]
        ends = {to_local(d.date, h, 0, "Asia/Tokyo", tz)[0] for h in (lo, hi - 1)} | \
            {to_local(d.date, hi - 1, 59, "Asia/Tokyo", tz)[0]}
        if len(ends) == 1:
            return ends.pop()
    return None


def _meeting_date(ctx: DocContext, drafts: list[Draft], leaders: tuple[str, ...]) -> str | None:
    tz = event_zone(ctx, drafts)
    dated = [_local_date(d, tz) for d in drafts if d.kind in MAIN_KINDS and d.date and d.date != "same"]
    dated = [(v, local) for v, local in dated if in_office(ctx.gaz, leaders, v)] or dated
    local = [v for v, is_local in dated if is_local]
    if local:
        return Counter(local).most_common(1)[0][0] if len(local) > 2 else local[0]
    return dated[0][0] if dated else None


def _body_date(ctx: DocContext, leaders: tuple[str, ...]) -> str | None:
    """The first day the article's opening states (its title included, its date line not), on or before the
    reference day: where a story says when; dates further down are mostly background."""
    ref = ctx.ref_date
    if ref is None:
        return None
    for s in ctx.sentences[:BODY_DATE_SENTENCES]:
        if ctx.dating.start is not None and s.start <= ctx.dating.start < s.end:
            continue                                   # the date line itself
        for d in find_dates(s.text, ref):
            if d.kind in ("date", "relative") and len(d.value) == 10 and d.value <= ref.isoformat() \
                    and in_office(ctx.gaz, leaders, d.value):
                return d.value
    return None


def _weekday_stated(ctx: DocContext) -> int | None:
    lead = " ".join(s.text for s in ctx.sentences[:3])
    for i, name in enumerate(WEEKDAY_NAMES):
        if re.search(rf"\b{name}\b", lead):
            return i
    m = re.search(r"\d日\s*[(（]([月火水木金土日])(?:曜日?)?[)）]", lead)
    return "月火水木金土日".index(m.group(1)) if m else None


def _lead_month_day(ctx: DocContext) -> tuple[int, int] | None:
    """A month and day the lead states without a year ("On Oct. 31", "arriving in Tokyo on 23 Aug", 3月19日)."""
    for s in ctx.sentences[:LEAD]:
        for d in find_dates(s.text, dt.date(2024, 7, 1)):      # any leap year: only month and day are kept
            if d.kind == "date" and re.search(r"月|[A-Za-z]", d.text) and not re.search(r"\d{4}", d.text):
                v = dt.date.fromisoformat(d.value)
                return v.month, v.day
    return None


def _new_leaders(ctx: DocContext) -> set[str]:
    """Leaders the lead calls new (in the first year of their term): "new Japanese Prime Minister Sanae
    Takaichi", "Takaichi, who took office last week", 高市総理大臣が就任後、初めて."""
    data = load("event.json", ("new_leader",))["new_leader"]
    before_en, after_en, after_ja = (re.compile(data[k]) for k in ("before_en", "after_en", "after_ja"))
    new = set()
    for s in ctx.sentences[:LEAD]:
        for m in ctx.mentions(s):
            if m.kind != "person":
                continue
            a, b = m.start - s.start, m.end - s.start
            if (s.lang == "en" and (before_en.search(s.text[max(0, a - 60):a]) or after_en.search(s.text[b:b + 60]))) \
                    or (s.lang == "ja" and after_ja.search(s.text[b:b + 12])):
                new.add(m.entity)
    return new


def _first_year(term: tuple[str, str, str | None]) -> tuple[str, str, str | None]:
    days = load("event.json", ("new_leader",))["new_leader"]["days"]
    end = (dt.date.fromisoformat(term[1]) + dt.timedelta(days=days)).isoformat()
    return term[0], term[1], min(end, term[2]) if term[2] else end


def _year_from_terms(ctx: DocContext, md: tuple[int, int], leaders: tuple[str, ...]) -> str | None:
    """The one year in which all the leaders who met held office on that month and day (and which, when the
    lead states a weekday, has it). A term still open is counted to OPEN_TERM_YEARS after the latest start
    among them: the data vouches for one usual term after the last change, not for ever."""
    if len(leaders) < 2:
        return None
    # (a leader the document names with a title but the data lacks has no known term: no year follows from it)
    spans = [[t for t in ctx.gaz.entities[e].terms if t[0] in LEADER_OFFICES and not t[1].startswith("0000")] for e in leaders]
    if not all(spans):
        return None
    new = _new_leaders(ctx)
    spans = [[_first_year(max(ts, key=lambda t: t[1]))] if e in new else ts for e, ts in zip(leaders, spans)]
    last_start = max(t[1] for ts in spans for t in ts)
    horizon = f"{int(last_start[:4]) + OPEN_TERM_YEARS}{last_start[4:]}"
    weekday = _weekday_stated(ctx)
    fits = []
    for y in range(int(min(t[1] for ts in spans for t in ts)[:4]), int(horizon[:4]) + 1):
        try:
            day = dt.date(y, *md)
        except ValueError:
            continue
        iso = day.isoformat()
        if all(any(t[1] <= iso <= (t[2] or horizon) for t in ts) for ts in spans) \
                and (weekday is None or day.weekday() == weekday):
            fits.append(iso)
    return fits[0] if len(fits) == 1 else None


def extract(ctx: DocContext, drafts: list[Draft]) -> EventInfo:
    """The event of a document from its context and meeting drafts (neither is changed)."""
    leaders = tuple(_countries(ctx, None)[1])    # who met, before the date is known (any term of office)
    date = _meeting_date(ctx, drafts, leaders)
    date_rule = _rule("date.meeting") if date else None
    if date is None and ctx.ref_date:
        date = _body_date(ctx, leaders) if not _is_dated_today(ctx) else None
        date, date_rule = (date, _rule("date.body")) if date else (ctx.dating.iso, ctx.dating.rule)
    partial = ctx.dating.partial or (_lead_month_day(ctx) if ctx.ref_date is None else None)
    if date is None and partial:
        date = _year_from_terms(ctx, partial, leaders)
        date_rule = _rule("date.terms_of_office") if date else None
    countries, chosen, countries_rule = _countries(ctx, date)
    mentioned = set(_leader_votes(ctx, date))
    day = None if date else (partial[1] if partial else _lead_day(ctx))
    return EventInfo(date, tuple(sorted(countries)), tuple(chosen),
                     tuple(e for e in chosen if e not in mentioned), date_rule, countries_rule, day)


LEAD_DAY_JA = re.compile(r"(?<![\d月年/.])(\d{1,2})日(?:[(（][月火水木金土日][)）])?[、,に]")


def _lead_day(ctx: DocContext) -> int | None:
    """The day of the month a Japanese news lead gives its meeting without month or year (岸田首相は20日、…):
    the grammar of a wire story's first sentence, which dates its event by the day alone."""
    for s in ctx.sentences[:LEAD]:
        if s.lang == "ja":
            m = LEAD_DAY_JA.search(unicodedata.normalize("NFKC", s.text))
            if m and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1))
    return None


def _is_dated_today(ctx: DocContext) -> bool:
    """A page dated by its date line whose lead tells the meeting as today's (本日, today)."""
    lead = " ".join(s.text for s in ctx.sentences[:3])
    return ctx.dating.from_page and bool(re.search(r"\btoday\b|本日|きょう", lead))
