"""Meetings: the programme of a summit — kind, participants, date, start, duration, place.

Per sentence:

1. programme items "KIND:TIME…DURATION" (日米首脳会談:午前9時50分から約40分間,
   署名式:約5分) each give one meeting; an envelope ("from 9:45, about 1 h 30 min
   in all") listing the same kinds gives none of its own;
2. other mentions of a meeting kind (首脳会談, 電話会談, working lunch …) give
   a meeting when the sentence concerns the leaders; clock times go to the
   first kind named after them, durations to the nearest kind named before;
3. times carry their zone (現地時間 / 日本時間 / "(EDT)"), converted to the
   local time of the meeting's place once the event's date is known.

Mentions of the same kind on the same date are merged into one meeting,
keeping the values whose zone was stated.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..nlp import Sentence
from ..normalize import find_clock_times, find_dates, find_durations, load_places, to_local, zone_of_place
from ..records import Meeting
from ..text import Gated, first_char_gate
from .context import DocContext
from .lexicon import load

ENVELOPE = re.compile(r"計\s*$|in all|in total|altogether")
FIRST = re.compile(r"はじめに|初めに|まず|冒頭|first")
SAME_DAY = re.compile(r"^\s*[(（]同[)）]")
PLACE_REACH = 30   # characters between a place and the meeting word it belongs to (…ホワイトハウスでトランプ大統領との…会談)
LOCATIVE = re.compile(r"^[^、。]{0,8}?(?:で|にて|において)")   # ホワイトハウスの執務室で / 迎賓館にて
LOCATIVE_NI = re.compile(r"^[^、。]{0,4}?(?:にて|において)")
VISITING = re.compile(r"([^、。\s]{2,20}?)(?:を)?(?:訪問中|訪れている|訪問している|を訪れた|滞在中)")
SIGNING = Gated(re.compile(r"(?:両首脳|首脳)[^。]{0,80}?(?:に|を)署名(?:し|を行)|\bsigned\b"), "署名", "signed")
LEADER_OFFICES = {"prime_minister", "president", "chancellor", "king", "general_secretary", "premier"}
LEADER_WORDS = re.compile(r"首脳|総理|首相|大統領|両首脳|leaders?|President|Prime Minister|Chancellor|(?i:prime ministers|presidents|the two men)")
# 午後5時30分からテタテ(一対一)の会談を含め約45分間…首脳会談: the included segment does not take the envelope's time
INCLUDED = re.compile(r"^\s*(?:[(（][^)）]{0,12}[)）])?(?:の)?(?:会談|会合)?(?:を|も)?含[めみむ]")
END_JA = re.compile(r"^\s*(?:ごろ|頃|過ぎ|すぎ)?(?:に)?\s*[^、。\d]{0,8}?(?:終わ|終了|終え)")
END_EN = re.compile(r"\b(?:ended|concluded|finished|wrapped\s+up)\s+(?:at\s+)?(?:around\s+|about\s+)?$", re.I)
ITEM = re.compile(r"\s*[:：]\s*([^、,，)）\n]*)")


@dataclass
class Draft:
    kind: str
    start_off: int
    end_off: int
    sentence: Sentence
    date: str | None = None
    date_zone: str | None = None
    time: tuple[int, int] | None = None
    time_zone: str | None = None          # "local", "Asia/Tokyo", an IANA zone, or None (unstated)
    duration: int | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    first: bool = False
    key_off: int = 0                      # where the meeting word stands (document offset)
    key_end: int = 0
    relative: bool = False                # the date was relative (today, 7日): resolved later
    rule: str = "kaidan.meeting.summit.v1"   # the exact rule (id and version) that found it
    sole: bool = False                    # counts only where the document names no other kind of meeting
    weak: bool = False                    # "talks" in a sentence naming no leader: counts only where no other meeting does
    implied: bool = False                 # "they discussed …": counts only where the document names no talks


@dataclass(frozen=True)
class KindMatch:
    start: int            # offsets in the sentence
    end: int
    kind: str
    leaders_only: bool
    rule: str
    sole: bool = False


@lru_cache(maxsize=1)
def _data() -> dict:
    return load("meetings.json", ("kinds",))


def _rule(entry: dict, lang: str) -> str:
    """kaidan.meeting.summit + language + version: kaidan.ja.meeting.summit.v1."""
    return entry["id"].replace("kaidan.", f"kaidan.{lang}.", 1) + f".v{entry['version']}"


@lru_cache(maxsize=2)
def _kind_pattern(lang: str) -> tuple[re.Pattern, dict[str, tuple[str, bool, str, bool]]]:
    """One compiled alternation of every kind word of a language (longest first) and what each word means."""
    meaning: dict[str, tuple[str, bool, str, bool]] = {}
    for k in _data()["kinds"]:
        for w in k.get(lang, []):
            key = w.lower() if lang == "en" else w
            meaning.setdefault(key, (k["kind"], bool(k.get("leaders_only")), _rule(k, lang), bool(k.get("sole"))))
    words = sorted(meaning, key=len, reverse=True)
    if lang == "en":
        return re.compile(first_char_gate(words) + r"\b(?:" + "|".join(map(re.escape, words)) + r")\b",
                          re.IGNORECASE), meaning
    return re.compile("|".join(map(re.escape, words))), meaning


@lru_cache(maxsize=None)
def _construction_entry(name: str) -> dict:
    return next(c for c in _data()["constructions"] if c["id"].endswith("." + name))


def _construction(name: str) -> str:
    entry = _construction_entry(name)
    return entry["id"] + f".v{entry['version']}"


@lru_cache(maxsize=None)
def _construction_pattern(name: str, key: str = "pattern") -> re.Pattern:
    """A construction's pattern (or another of its pattern fields), compiled once."""
    return re.compile(_construction_entry(name)[key])


@lru_cache(maxsize=1)
def _filters() -> dict[str, re.Pattern]:
    d = _data()
    return {"future": re.compile(d["future"]["pattern"]), "done": re.compile(d["future"]["done"]),
            "background": re.compile(d["background"]["pattern"]),
            "part_of_earlier": re.compile(d["background"]["part_of_earlier"]), "caption": re.compile(d["caption"]["pattern"]),
            "caption_position": re.compile(d["caption_position"]["pattern"]),
            "caption_credit": re.compile(d["caption_credit"]["pattern"]),
            "comparison": re.compile(d["comparison"]["pattern"]),
            "witness_ja": re.compile(d["witness"]["ja"]), "witness_en": re.compile(d["witness"]["en"], re.I),
            "official_ja": re.compile(d["official_press"]["ja"]), "official_en": re.compile(d["official_press"]["en"]),
            "attendance_en": re.compile(d["attendance"]["en"])}


@lru_cache(maxsize=1)
def _not_a_meeting_words() -> dict[str, tuple[str, ...]]:
    """The words before and after a kind word that make it no leaders' meeting, as tuples (one
    ``str.endswith`` / ``str.startswith`` tests them all; an empty tuple matches nothing)."""
    d = _data()
    return {k: tuple(d.get(k, [])) for k in ("not_a_meeting_before", "not_a_meeting_after",
                                             "not_a_meeting_en_before", "not_a_meeting_en_after")}


def _not_a_meeting(text: str, m: re.Match, lang: str) -> bool:
    """外相会談, 会談中の, "ministerial meeting", "spoke to reporters": the word names no leaders' meeting."""
    w = _not_a_meeting_words()
    before = text[max(0, m.start() - 8):m.start()]
    after = text[m.end():m.end() + 12]
    if lang == "ja":
        return before.endswith(w["not_a_meeting_before"]) or after.startswith(w["not_a_meeting_after"])
    return before.lower().rstrip().endswith(w["not_a_meeting_en_before"]) or \
        after.lower().lstrip().startswith(w["not_a_meeting_en_after"])


def _find_kinds(text: str, lang: str, bounds: Callable[[], tuple[set[int], set[int]] | None] | None = None
                ) -> list[KindMatch]:
    """Kind words in a sentence; in Japanese only where Sudachi tokens begin and end (``bounds``: gives the token
    start and end offsets in the sentence, asked at the first kind word only: most sentences have none), so a
    kind word inside a longer word (会談 in 懇談会談記録) is not taken."""
    rx, meaning = _kind_pattern(lang)
    found = []
    edges = None
    for m in rx.finditer(text):
        if bounds is not None and edges is None:
            edges = bounds() or ()
        if edges and (m.start() not in edges[0] or m.end() not in edges[1]):
            continue
        if _not_a_meeting(text, m, lang):
            continue
        kind, leaders_only, rule, sole = meaning[m.group(0).lower() if lang == "en" else m.group(0)]
        found.append(KindMatch(m.start(), m.end(), kind, leaders_only, rule, sole))
        if lang == "en":
            found += _coordinated(text, m.start(), m.group(0), meaning)
    return sorted(found, key=lambda k: k.start)


MEETING_HEADS = {"talks", "meeting", "meetings", "session", "sessions", "conversation", "summit", "luncheon", "lunch",
                 "dinner", "conference"}
CONJUNCT = re.compile(r"([A-Za-z][\w-]*)\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$")


def _coordinated(text: str, start: int, word: str, meaning: dict) -> list[KindMatch]:
    """Modifiers coordinated before a kind word's head noun ("individual and extended talks", "small-group,
    expanded and plenary meetings") each name a meeting of their own when modifier + head is a kind word:
    English shares one head noun among coordinated adjectives."""
    parts = word.split()
    head = parts[-1].lower()
    if len(parts) < 2 or head not in MEETING_HEADS:
        return []
    out, pos = [], start
    while (m := CONJUNCT.search(text[:pos])) is not None:
        entry = meaning.get(f"{m.group(1)} {head}".lower())
        if entry is None:
            break
        kind, leaders_only, rule, sole = entry
        out.append(KindMatch(m.start(1), m.end(1), kind, leaders_only, rule, sole))
        pos = m.start()
    return out


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    names = sorted({n for p in load_places() for n in p.names}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Known places named in a text, longest name first, no overlaps, in text order."""
    return [(m.start(), m.end(), m.group(0)) for m in _place_pattern().finditer(text)]


ZONE_ABBREV = {"EDT": "America/New_York", "EST": "America/New_York", "ET": "America/New_York",
               "PDT": "America/Los_Angeles", "PST": "America/Los_Angeles", "BST": "Europe/London",
               "GMT": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris", "IST": "Asia/Kolkata",
               "KST": "Asia/Seoul", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "PHT": "Asia/Manila",
               "WIB": "Asia/Jakarta", "ICT": "Asia/Bangkok", "SGT": "Asia/Singapore", "JST": "Asia/Tokyo"}
ZONE_AFTER = re.compile(r"\(?\b(" + "|".join(ZONE_ABBREV) + r")\b\)?")


def _zone_near(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 14):start]
    after = text[end:end + 8]
    if "日本時間" in before or re.search(r"\(?(JST|Japan time)\)?", after):
        if "現地時間" not in before[before.rfind("日本時間"):] if "日本時間" in before else True:
            return "Asia/Tokyo"
    if "現地時間" in before or re.search(r"local time", after, re.I):
        return "local"
    m = ZONE_AFTER.search(after)
    return ZONE_ABBREV[m.group(1)] if m else None


def _in_parens(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
    return depth > 0


def _ever_leader(ctx: DocContext, entity: str, date: str | None) -> bool:
    """A leader on the date; with no date known, anyone who ever held a leader's office."""
    if date:
        return ctx.gaz.office_at(entity, date) in LEADER_OFFICES
    e = ctx.gaz.entities.get(entity)
    return any(off in LEADER_OFFICES for off, _, _ in (e.terms if e else ()))


def _leaders(ctx: DocContext, s: Sentence) -> list[str]:
    return [m.entity for m in ctx.mentions(s) if m.kind == "person" and _ever_leader(ctx, m.entity, ctx.ref_iso)]


def _programme_items(s: Sentence, kinds: list[KindMatch], times, durs) -> list[Draft]:
    """KIND:TIME…DURATION segments of a programme line: each is a meeting of its own."""
    text, out = s.text, []
    for k in kinds:
        m = ITEM.match(text[k.end:])
        if not m:
            continue
        seg_end = k.end + m.end()
        while seg_end > k.end and text[seg_end - 1].isspace():
            seg_end -= 1
        d = Draft(k.kind, s.start + k.start, s.start + seg_end, s, key_off=s.start + k.start, key_end=s.start + k.end,
                  rule=_construction("programme_item"))
        for t in times:
            if k.end <= t.start < seg_end:
                d.time, d.time_zone = (t.hour, t.minute), _zone_near(text, t.start, t.end)
        for du in durs:
            if k.end <= du.start < seg_end:
                d.duration = du.minutes
        out.append(d)
    return out


def _mentions(ctx: DocContext, s: Sentence, kinds: list[KindMatch], items: list[Draft], timed: bool) -> list[Draft]:
    """Other mentions of a kind, when the sentence reports a held meeting of the leaders."""
    text = s.text
    spans = [(d.key_off - s.start, d.end_off - s.start) for d in items]
    covered = {text[d.key_off - s.start:d.key_end - s.start] for d in items}
    # a mention of a programme item's own name is that item (日米首脳会談、署名式… then 日米首脳会談:9時50分…);
    # an envelope named otherwise (日印首脳会談 with 少人数会合 and 全体会合 inside it) is a meeting of its own
    mentions = [k for k in kinds if not any(a <= k.start < b for a, b in spans) and text[k.start:k.end] not in covered]
    f = _filters()
    if f["future"].search(text) and not f["done"].search(text):
        return []
    past = f["background"].search(text)
    leaders_here = _leaders(ctx, s)
    attended = bool(_attendees(ctx, s))    # "the talks were attended by Foreign Minister …": the leaders' talks
    out = []
    for k in mentions:
        if (past and k.start >= past.start()) or f["part_of_earlier"].match(text[k.end:]):
            continue         # 先月の訪日時の…夕食会, "Abe had forged close ties … golf … meetings", "their lunch at last
                             # year's summit": told as background
        if f["comparison"].search(text[:k.start]):
            continue         # "more intimate than the Singapore summit's working lunch": the standard compared with
        weak = k.leaders_only and not (leaders_here or LEADER_WORDS.search(text) or timed or attended)
        if weak and k.sole:
            continue         # a visit with no leader named ("… State Visit to the United States" as a title)
        if k.kind == "press_conference" and not leaders_here and f["official_" + s.lang].search(text[:k.start]):
            continue         # 官房長官は…記者会見で: an official's press conference
        d = Draft(k.kind, s.start, s.end, s, key_off=s.start + k.start, key_end=s.start + k.end, rule=k.rule,
                  sole=k.sole, weak=weak)
        d.first = bool(FIRST.search(text[max(0, k.start - 25):k.start]))
        out.append(d)
    return out


def _assign_times(s: Sentence, times, items: list[Draft], singles: list[Draft]) -> None:
    """Clock times outside items go to the first kind named after them (ja) or the last before them (en)."""
    text = s.text
    spans = [(d.key_off - s.start, d.end_off - s.start) for d in items]
    for t in times:
        if any(a <= t.start < b for a, b in spans):
            continue
        if END_JA.match(text[t.end:]) or END_EN.search(text[:t.start]):
            continue  # ■22:05 会談終わる, "the talks ended at 6 p.m.": when it ended, not when it began
        zone = _zone_near(text, t.start, t.end)
        if zone == "Asia/Tokyo" and _in_parens(text, t.start) and any(
                _zone_near(text, o.start, o.end) != "Asia/Tokyo" for o in times if o is not t):
            continue  # 11:55 (日本時間 1:55): keep the local one
        after = [d for d in singles if d.key_off - s.start >= t.end and not INCLUDED.match(text[d.key_end - s.start:])]
        before = [d for d in singles if d.key_end - s.start <= t.start]
        if s.lang == "en":   # "The talks began at 5:40 p.m." — the meeting is named before its time
            target = before[-1] if before else (after[0] if after else None)
        else:                # 午前9時から…会談 — the time comes first
            target = after[0] if after else (before[-1] if before else None)
        if target and target.time is None:
            target.time, target.time_zone = (t.hour, t.minute), zone


def _assign_durations(s: Sentence, durs, items: list[Draft], singles: list[Draft]) -> None:
    """Durations go to the nearest kind before them (an envelope "計…" only when one kind is named)."""
    text = s.text
    spans = [(d.key_off - s.start, d.end_off - s.start) for d in items]
    for du in durs:
        if any(a <= du.start < b for a, b in spans):
            continue
        envelope = bool(ENVELOPE.search(text[max(0, du.start - 3):du.start]))
        if envelope and (len(singles) != 1 or items):
            continue
        if s.lang == "en" and COMPOUND_DURATION.search(du.text):
            # "a 90-minute summit" / "a two-hour sequence": the compound adjective is the duration of the noun
            # it modifies, and of no meeting when that noun names none
            modified = [d for d in singles if 0 <= d.key_off - s.start - du.end <= 24
                        and re.fullmatch(r"[\s\w'’-]*", text[du.end:d.key_off - s.start])]
            if modified and modified[0].duration is None:
                modified[0].duration = du.minutes
            continue
        before = [d for d in singles if d.key_end - s.start <= du.start
                  and (du.start - (d.key_end - s.start) < 20 or s.lang == "en")]
        after = [d for d in singles if d.key_off - s.start >= du.end]
        right_after = [d for d in after if d.key_off - s.start - du.end <= 6]    # 約1時間、昼食会を行った
        target = right_after[0] if right_after and s.lang == "ja" else (
            before[-1] if before else (after[0] if after else None))
        if target and target.duration is None:
            target.duration = du.minutes


COMPOUND_DURATION = re.compile(r"\w-(?:minute|hour|hr|min)\b", re.I)


EN_LEADERS_SIGNED = re.compile(r"\b(?:leaders|prime ministers|presidents|two men|they)\b[^.;]{0,60}?\bsigned\b", re.I)
OTHER_SIGNERS = re.compile(r"\b(?:countries|sides|nations|governments|(?<!prime )ministers|officials|secretar(?:y|ies)|companies|firms)\b",
                           re.I)
PASSIVE_SIGNED = re.compile(r"\b(?:was|were|been|be|being)\s+(?:\w+\s+)?signed\b")


def _leaders_signed(ctx: DocContext, s: Sentence) -> re.Match | None:
    """両首脳は…に署名し / "Kishida and Albanese signed …": the leaders themselves signing."""
    text = s.text
    if s.lang == "ja":
        return SIGNING.search(text)
    for m in re.finditer(r"\bsigned\b", text):
        if PASSIVE_SIGNED.search(text[max(0, m.start() - 20):m.end()]):
            continue
        before = [x for x in ctx.mentions(s) if x.kind == "person" and x.end - s.start <= m.start()
                  and m.start() - (x.end - s.start) <= 60 and _ever_leader(ctx, x.entity, ctx.ref_iso)]
        between = text[max(x.end - s.start for x in before):m.start()] if before else text[:m.start()]
        if OTHER_SIGNERS.search(between[-40:]):
            continue         # "Modi and Scholz met … where the two countries signed": not the leaders signing
        if before or EN_LEADERS_SIGNED.search(text[:m.end()]):
            return m
    return None


def _witnessed_signing(ctx: DocContext, s: Sentence, drafts: list[Draft]) -> list[Draft]:
    """The leaders witnessing a signing (署名に立ち会い, "witnessed the signing of") or signing in person is a
    signing ceremony even when no programme names one."""
    if any(d.kind == "signing_ceremony" for d in drafts):
        return []
    m = _filters()["witness_ja" if s.lang == "ja" else "witness_en"].search(s.text)
    rule = "witnessed_signing"
    if not m:
        m, rule = _leaders_signed(ctx, s), "leaders_signed"
    if not m and s.lang == "en" and (m := _construction_pattern("exchange_of_documents").search(s.text)):
        # "the visit saw an exchange of three memoranda": the exchange of the two sides' documents is the ceremony itself
        f = _filters()
        if (f["future"].search(s.text) and not f["done"].search(s.text)) or f["background"].search(s.text):
            return []
        return [Draft("signing_ceremony", s.start, s.end, s, key_off=s.start + m.start(), key_end=s.start + m.end(),
                      rule=_construction("exchange_of_documents"))]
    if not m or not (_leaders(ctx, s) or LEADER_WORDS.search(s.text) or re.search(r"両首[脳相]|the two (?:men|leaders)",
                                                                                   s.text, re.I)):
        return []
    return [Draft("signing_ceremony", s.start, s.end, s, key_off=s.start + m.start(), key_end=s.start + m.end(),
                  rule=_construction(rule))]


def _attendees(ctx: DocContext, s: Sentence) -> list[str]:
    """The people a sentence says attend its meeting ("the extended talks were attended by Foreign Minister
    Park Jin …", "… attended the meeting"): participants besides the leaders."""
    if s.lang != "en" or not _filters()["attendance_en"].search(s.text):
        return []
    return [m.entity for m in ctx.mentions(s) if m.kind == "person"]


def _attach_date_place(ctx: DocContext, s: Sentence, drafts: list[Draft]) -> None:
    text = s.text
    dates = [d for d in find_dates(text, ctx.ref_date) if d.kind in ("date", "relative")]
    places = find_places(text)
    leaders_here = _leaders(ctx, s)
    attending = _attendees(ctx, s)
    for d in drafts:
        rel = d.key_off - s.start
        before = [x for x in dates if x.start < rel]
        pool = before or dates
        local = [x for x in pool if _zone_near(text, x.start, x.end) != "Asia/Tokyo"]
        x = (local or pool)[-1] if before else ((local or pool)[0] if pool else None)
        if x is not None and not before and any(o is not d and d.key_end <= o.key_off < s.start + x.start
                                                for o in drafts):
            x = None         # "a one-on-one ahead of their main summit on Feb. 28": the date is the nearer meeting's
        if x is not None and len(x.value) == 10:
            d.date, d.date_zone = x.value, _zone_near(text, x.start, x.end)
            d.relative = x.kind == "relative"
        if SAME_DAY.match(text[d.key_end - s.start:]):
            d.date = "same"
        # the place said with the meeting: "迎賓館にて", "ホワイトハウスで…会談", "in Canberra"
        near = [p for p in places if (0 <= rel - p[1] <= PLACE_REACH and (d.kind == "visit" or LOCATIVE.match(
            text[p[1]:]) or re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[:p[0]]))) or LOCATIVE_NI.match(text[p[1]:])]
        if near:
            d.place = max(near, key=lambda p: p[1])[2]
        d.participants = list(dict.fromkeys(leaders_here + attending))


@lru_cache(maxsize=2)
def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n"))


def _is_caption(ctx: DocContext, s: Sentence) -> bool:
    """A photo caption, not a meeting: a line followed by a photo credit or closed by one ("… on Monday.
    (AFP/Yonhap)"), or one placing a person in the picture ("President Lee (left) and …")."""
    lines = _lines(ctx.text)      # the document's lines, split once rather than for every meeting sentence
    nxt = next((ln.strip() for ln in lines[s.line + 1:s.line + 3] if ln.strip()), "")
    f = _filters()
    return bool(f["caption"].search(nxt)) or bool(re.search(r"[(（]写真提供", s.text)) \
        or bool(f["caption_position"].search(s.text)) or bool(f["caption_credit"].search(lines[s.line]))


def _token_bounds(ctx: DocContext, s: Sentence) -> tuple[set[int], set[int]] | None:
    toks = ctx.tokens(s)
    if not toks:
        return None
    return {t.start - s.start for t in toks}, {t.end - s.start for t in toks}


def _drafts_of(ctx: DocContext, s: Sentence) -> list[Draft]:
    text = s.text
    kinds = _find_kinds(text, s.lang, (lambda: _token_bounds(ctx, s)) if s.lang == "ja" else None)
    witness = _filters()["witness_ja" if s.lang == "ja" else "witness_en"].search(text) or SIGNING.search(text) \
        or (s.lang == "en" and _construction_pattern("exchange_of_documents").search(text))
    if (not kinds and not witness) or _is_caption(ctx, s):
        return _joint_discussion(ctx, s) if not kinds and not witness else []
    times = find_clock_times(text)
    durs = find_durations(text)
    items = _programme_items(s, kinds, times, durs)
    singles = _mentions(ctx, s, kinds, items, bool(times or durs))
    _assign_times(s, times, items, singles)
    _assign_durations(s, durs, items, singles)
    drafts = singles + items     # the envelope named in the sentence first, then its timed segments
    drafts += _witnessed_signing(ctx, s, drafts)
    _attach_date_place(ctx, s, drafts)
    return drafts


def _joint_discussion(ctx: DocContext, s: Sentence) -> list[Draft]:
    """The leaders as the plural subject of a reciprocal verb of talking ("they discussed …", "the two leaders
    exchanged views …", "Modi and Biden discussed …"): a talk of the two, whatever the page calls it. The draft is
    ``implied``: it stands only where the document names no talks of its own (``_fallbacks``)."""
    if s.lang != "en" or _is_caption(ctx, s):
        return []
    subject, verb = _construction_pattern("joint_discussion", "subject"), _construction_pattern("joint_discussion")
    f = _filters()
    text = s.text
    for m in re.finditer(r"\b(?:discussed|talked|exchanged|held|had)\b", text):
        if not verb.match(text[m.start():]):
            continue
        before = text[:m.start()]
        named = [x for x in ctx.mentions(s) if x.kind == "person" and x.end - s.start <= m.start()
                 and _ever_leader(ctx, x.entity, ctx.ref_iso)]
        last = max((x.end - s.start for x in named), default=None)
        # "Modi and Biden (also) discussed": leaders of two countries named right before the verb
        pair = last is not None and len({ctx.gaz.country_of(x.entity) for x in named}) >= 2 \
            and re.fullmatch(r"[\s\w'’-]{0,30}", before[last:]) is not None
        if not (subject.search(before) or pair):
            continue
        if (f["future"].search(text) and not f["done"].search(text)) or f["background"].search(text):
            return []
        d = Draft("summit", s.start, s.end, s, key_off=s.start + m.start(), key_end=s.start + m.end(),
                  rule=_construction("joint_discussion"), implied=True)
        _attach_date_place(ctx, s, [d])
        return [d]
    return []


def _local(ctx: DocContext, d: Draft, date: str, tz: str | None) -> tuple[str, str | None]:
    """Local date and HH:MM of a draft, converting a Japan-time value to the place's zone."""
    if d.time is None:
        return date, None
    h, m = d.time
    hhmm = f"{h:02d}:{m:02d}"
    if d.time_zone == "Asia/Tokyo" and tz and tz != "Asia/Tokyo":
        if d.date and d.date_zone == "Asia/Tokyo":
            return to_local(d.date, h, m, "Asia/Tokyo", tz)
        # no Japan-time date given: take the Japan date whose local conversion falls on the event's date
        import datetime as dt
        base = dt.date.fromisoformat(date)
        for delta in (0, 1, -1):
            jd = (base + dt.timedelta(days=delta)).isoformat()
            ld, lt = to_local(jd, h, m, "Asia/Tokyo", tz)
            if ld == date:
                return ld, lt
    if d.time_zone not in (None, "local", "Asia/Tokyo") and tz and d.time_zone != tz:
        return to_local(date, h, m, d.time_zone, tz)
    return date, hhmm


def drafts(ctx: DocContext) -> list[Draft]:
    """Meeting mentions of the whole document, with dates as stated (relative ones read against
    the latest full date the document gave before them: a dateline, not the page's own date)."""
    out = []
    dateline = None
    for s in ctx.sentences:
        found = _drafts_of(ctx, s)
        if not found and out:
            found = _held_on(ctx, s, out)
        for d in found:
            if d.relative and d.date and ctx.ref_date:
                if d.date > ctx.ref_iso:
                    continue                # 来週…会談する: a meeting still to come is not this event's
                if dateline and d.date != dateline and _is_today(s.text):
                    d.date = dateline
            out.append(d)
        full = [x for x in find_dates(s.text, None) if x.kind == "date"]
        if full:
            dateline = full[-1].value
    prev = None
    for d in out:
        if d.date == "same":
            d.date = prev
        prev = d.date or prev
    return _fallbacks(out)


def _held_on(ctx: DocContext, s: Sentence, before: list[Draft]) -> list[Draft]:
    """A Japanese sentence naming no meeting whose predicate holds one (…から約30分間行われ、 / …にわたり…について
    話し合った) with a clock time or duration: the subject left out is the meeting named last before it (not a
    visit), and the time and duration are that meeting's."""
    if s.lang != "ja" or not _construction_pattern("held_on").search(s.text) or _filters()["future"].search(s.text):
        return []
    text = s.text
    times = [t for t in find_clock_times(text) if not END_JA.match(text[t.end:])]
    durs = [du for du in find_durations(text) if not ENVELOPE.search(text[max(0, du.start - 3):du.start])]
    last = next((d for d in reversed(before) if d.kind not in ("visit", "press_conference")), None)
    if last is None or not (times or durs) or _leaders(ctx, s):
        return []     # a sentence naming leaders of its own has a subject of its own
    d = Draft(last.kind, s.start, s.end, s, date=last.date, date_zone=last.date_zone,
              key_off=s.start, key_end=s.start, relative=last.relative, rule=_construction("held_on"))
    if times:
        d.time, d.time_zone = (times[0].hour, times[0].minute), _zone_near(text, times[0].start, times[0].end)
    if durs:
        d.duration = durs[0].minutes
    dates = [x for x in find_dates(text, ctx.ref_date) if x.kind in ("date", "relative") and len(x.value) == 10]
    if dates:
        d.date, d.date_zone, d.relative = dates[0].value, _zone_near(text, dates[0].start, dates[0].end), \
            dates[0].kind == "relative"
    d.participants = list(last.participants)
    return [d]


# Kinds that are the leaders' talks themselves: a document naming one needs no talk implied by "they discussed".
TALK_KINDS = frozenset({"summit", "small_group", "telephone", "video"})


def _fallbacks(ds: list[Draft]) -> list[Draft]:
    """Drafts that count only where nothing firmer names the event's meetings: "talks" in a sentence naming no
    leader ("the document adopted after bilateral talks held in …"), then a state or official visit."""
    talks = any(d.kind in TALK_KINDS and not d.implied for d in ds)
    ds = [d for d in ds if not (d.implied and talks)]
    strong = any(not (d.sole or d.weak) and d.kind != "visit" for d in ds)
    others = strong or any(d.weak for d in ds)
    return [d for d in ds if not (d.weak and strong) and not (d.sole and others)]


UNKNOWN_LEADER_JA = Gated(re.compile(r"(?<![一-龥ァ-ヶー・])((?:[ァ-ヶー]+・)+[ァ-ヶー]+|[ァ-ヶー]{3,}|[一-龥]{2,5})"
                                     r"(?:米国|英国|米|英|仏|独|伊|印|韓国|豪州)?(?:内閣総理大臣|総理大臣|首相|大統領|国家主席)"),
                          "総理大臣", "首相", "大統領", "国家主席")     # a title ends every match
UNKNOWN_LEADER_EN = re.compile(r"\b(?:President|Prime Minister|Chancellor)\s+((?:[A-Z][a-z]+\s){1,2}[A-Z][a-z]+)\b")
NOT_NAMES = re.compile(r"^(?:同|両|米国|日本|英国|韓国|中国|前|元|各国|当時|現職|新|副|歴代|現|同国|内閣)")


def unknown_leaders(ctx: DocContext) -> list[str]:
    """Names with a leader's title that the people data does not know, as written, in order."""
    out: list[str] = []
    for s in ctx.sentences:
        rx = UNKNOWN_LEADER_JA if s.lang == "ja" else UNKNOWN_LEADER_EN
        for m in rx.finditer(s.text):
            name = m.group(1)
            if NOT_NAMES.match(name) or ctx.gaz.lookup(name) or name in out:
                continue
            if s.lang == "ja" and not re.search(r"[ァ-ヶ]", name) and len(name) < 3:
                continue
            if s.lang == "ja" and re.fullmatch(r"[ァ-ヶー]+", name) and re.search(
                    re.escape(name) + r"(?:の|政府|側|国|訪問|との|大使|軍|経済|国民|企業)", ctx.text):
                continue   # ポーランド首相: a country used as one (ポーランド政府, ポーランドの), not a name
            if any(name in w for w in out):
                continue
            out.append(name)
    return out


def _one_day_apart(a: str, b: str) -> bool:
    import datetime as dt

    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) == 1


def _is_today(text: str) -> bool:
    return bool(re.search(r"\btoday\b|きょう|本日|今日", text))


def visit_place(ctx: DocContext) -> str | None:
    """Where the leader is visiting (ワシントンを訪問中の…), the default place of in-person meetings."""
    for s in ctx.sentences:
        # every form of VISITING has 訪 or 滞在中: a sentence without either is not scanned (its lazy
        # place group makes the scan cost about twenty tries per character)
        m = VISITING.search(s.text) if "訪" in s.text or "滞在中" in s.text else None
        if m:
            ps = find_places(m.group(1))
            if ps:
                return ps[-1][2]
    return None


def event_zone(ctx: DocContext, ds: list[Draft]) -> str | None:
    for d in ds:
        if d.kind not in ("telephone", "video") and d.place:
            tz = zone_of_place(d.place)
            if tz:
                return tz
    place = visit_place(ctx)
    return zone_of_place(place) if place else None


def _date_undated(ctx: DocContext, ds: list[Draft]) -> None:
    """An undated mention of a kind dated elsewhere in the document has that date (a page that reports a
    summit and, weeks later, a telephone talk); otherwise the event's date."""
    kind_date: dict[str, str] = {}
    for d in ds:
        if d.date and d.date != "same" and d.date_zone != "Asia/Tokyo" and d.kind in ("telephone", "video"):
            kind_date.setdefault(d.kind, d.date)
    for d in ds:
        if not d.date and d.kind in kind_date and kind_date[d.kind] != ctx.event_date:
            d.date = kind_date[d.kind]


def _recalled_signing(ctx: DocContext, d: Draft) -> bool:
    """…Agreement, signed in Manila on 8 July 2024: an earlier signing recalled."""
    return d.kind == "signing_ceremony" and bool(d.date) and d.date != "same" and bool(ctx.event_date) \
        and d.date != ctx.event_date and bool(SIGNING.search(d.sentence.text)) \
        and bool(re.search(r"\bsigned\b[^.]*\bon\b|に署名された", d.sentence.text))


def _when(ctx: DocContext, d: Draft, tz: str | None) -> tuple[str | None, str | None]:
    """Local date and start of a draft."""
    if d.kind in ("telephone", "video"):
        return d.date or ctx.event_date, (f"{d.time[0]:02d}:{d.time[1]:02d}" if d.time else None)
    date = d.date if (d.date and d.date_zone != "Asia/Tokyo") else ctx.event_date
    if date and ctx.event_date and date != ctx.event_date and d.time is None and d.date_zone is None \
            and tz and tz != "Asia/Tokyo" and ctx.lang != "en" and _one_day_apart(date, ctx.event_date):
        date = ctx.event_date   # a Japanese source's unmarked date of a meeting abroad is Japan's date
    if d.date and d.date_zone == "Asia/Tokyo" and not d.time and tz and tz != "Asia/Tokyo":
        date = ctx.event_date or d.date
    if date:
        return _local(ctx, d, date, tz)
    # no date known: the stated time stands unless it is Japan time of a meeting elsewhere
    keep = d.time and not (d.time_zone == "Asia/Tokyo" and tz and tz != "Asia/Tokyo")
    return None, (f"{d.time[0]:02d}:{d.time[1]:02d}" if keep else None)


def _document_leaders(ctx: DocContext, ds: list[Draft]) -> list[str]:
    """The event's leaders; where the event stage found fewer than two countries' leaders, the leaders most
    named with the document's meetings, one per country (a page with no full date still names both)."""
    leaders = list(ctx.event_leaders)
    if len({ctx.gaz.country_of(e) for e in leaders}) >= 2:
        return leaders
    counts: dict[str, int] = {}
    for d in ds:
        for e in d.participants:
            counts[e] = counts.get(e, 0) + 1
    seen = {ctx.gaz.country_of(e) for e in leaders}
    for e in sorted(counts, key=lambda e: -counts[e]):
        c = ctx.gaz.country_of(e)
        if e not in leaders and c not in seen and len(seen) < 2:
            leaders.append(e)
            seen.add(c)
    return leaders


def _participants(ctx: DocContext, d: Draft, leaders: list[str], written: list[str]) -> list[str]:
    """The leaders, named in the document's language; leaders the people data does not know stand as written
    (山田一郎内閣総理大臣 is not replaced by the prime minister of the date)."""
    name_lang = "en" if ctx.lang == "en" else "ja"
    unknown_for = set(ctx.unnamed_leaders) if written else set()
    names = [ctx.gaz.name(p, name_lang) for p in (d.participants or leaders) if p not in unknown_for]
    if d.kind not in ("courtesy_call", "visit", "other"):
        names += [ctx.gaz.name(p, name_lang) for p in leaders if p not in unknown_for]
    names += written
    return list(dict.fromkeys(names))


def _merge_into(merged: dict, certain: dict, first_sentence: dict, named: dict, d: Draft, m: Meeting) -> None:
    """Mentions of the same kind on the same date are one meeting, keeping the values whose zone was stated;
    ``named`` holds the folded names of the mentions that gave each meeting's start."""
    key = (d.kind, m.date)
    sure = d.time_zone is not None
    item = d.rule == _construction("programme_item")
    if key in merged and m.start and merged[key].start and merged[key].start != m.start \
            and (d.sentence is first_sentence.get(key) or (item and m.duration_minutes)
                 or (d.kind in NAMED_FORMATS and _named(d) not in named.get(key, ()))):
        # two starts in one sentence, a timed programme item, or the start of a format named otherwise ("the
        # small-group meeting began around 1:35 pm" / "a private conversation … from around 2 p.m."): two segments
        key = (d.kind, m.date, m.start)
    first_sentence.setdefault(key, d.sentence)
    if m.start:
        named.setdefault(key, set()).add(_named(d))
    if key not in merged:
        merged[key], certain[key] = m, sure
        return
    old = merged[key]
    upd: dict = {}
    if old.start is None or (m.start and sure and not certain[key]):
        upd["start"] = m.start or old.start
        certain[key] = certain[key] or sure
    if old.duration_minutes is None and m.duration_minutes:
        upd["duration_minutes"] = m.duration_minutes
    if old.place is None and m.place:
        upd["place"] = m.place
    extra = tuple(n for n in m.participants if n not in old.participants)
    if extra:
        upd["participants"] = old.participants + extra
    if (m.start or m.duration_minutes) and old.start is None and old.duration_minutes is None:
        upd["citation"] = m.citation     # cite the mention that gives the time, not a headline
    if upd:
        merged[key] = replace(old, **upd)


# Kinds whose names are formats a programme runs in turn (a small-group meeting, then a private conversation with
# interpreters only: NOTES_en 09), unlike the names of one summit (summit / talks / meeting).
NAMED_FORMATS = frozenset({"small_group"})


def _named(d: Draft) -> str:
    """The words naming a meeting, folded ("small-group meeting" and "small group meeting" are one name)."""
    return re.sub(r"[\W_]+", "", d.sentence.text[d.key_off - d.sentence.start:d.key_end - d.sentence.start]).lower()


def _fold_remote(merged: dict) -> None:
    """A talk held by telephone or video: a plain "会談" / "talks" on its day is the same talk."""
    remote = {k[1]: k for k in merged if k[0] in ("telephone", "video")}
    for key in [k for k in list(merged) if k[0] == "summit" and k[1] in remote]:
        talk, summit = merged[remote[key[1]]], merged.pop(key)
        merged[remote[key[1]]] = replace(talk, start=talk.start or summit.start,
                                         duration_minutes=talk.duration_minutes or summit.duration_minutes)


def _first_segments(merged: dict, ds: list[Draft]) -> None:
    """A first segment with no time of its own starts when the meeting it opens starts."""
    starts = {k[:2]: m.start for k, m in merged.items() if m.kind == "summit" and m.start}
    for d in ds:
        if d.first and d.time is None:
            for key, m in merged.items():
                if m.kind == d.kind and m.start is None and (("summit", key[1]) in starts):
                    merged[key] = replace(m, start=starts[("summit", key[1])])


def extract(ctx: DocContext, ds: list[Draft]) -> list[Meeting]:
    """Meetings from the drafts, once the event's date and leaders are known (ctx.event_date)."""
    tz = event_zone(ctx, ds)
    _date_undated(ctx, ds)
    written = unknown_leaders(ctx)
    leaders = _document_leaders(ctx, ds)
    default_place = visit_place(ctx)
    merged: dict[tuple, Meeting] = {}
    certain: dict[tuple, bool] = {}
    first_sentence: dict[tuple, object] = {}
    named: dict[tuple, set[str]] = {}
    for d in ds:
        if default_place and d.place is None and d.kind not in ("telephone", "video", "visit"):
            d.place = default_place
        if (d.kind == "visit" and not d.place and not d.sole) or _recalled_signing(ctx, d):
            continue
        local_date, start = _when(ctx, d, tz)
        m = Meeting(d.kind, tuple(_participants(ctx, d, leaders, written)), local_date, start, d.duration, d.place,
                    ctx.cite(d.start_off, d.end_off, d.rule))
        _merge_into(merged, certain, first_sentence, named, d, m)
    _fold_remote(merged)
    _first_segments(merged, ds)
    return list(merged.values())
