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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..nlp import Sentence
from ..normalize import find_clock_times, find_dates, find_durations, load_places, to_local, zone_of_place
from ..records import Meeting
from .context import DocContext
from .lexicon import load

RULE = "kaidan.meeting.v1"
ENVELOPE = re.compile(r"計\s*$|in all|in total|altogether")
FUTURE = re.compile(r"来週|来月|来年|予定|見通し|方向で調整|ことにしています|早期に|早期の|次回|"
                    r"next week|next month|will hold|plans to|to hold|at an early date|next year")
FIRST = re.compile(r"はじめに|初めに|まず|冒頭|first")
SAME_DAY = re.compile(r"^\s*[(（]同[)）]")
PLACE_REACH = 30   # characters between a place and the meeting word it belongs to (…ホワイトハウスでトランプ大統領との…会談)
LOCATIVE = re.compile(r"^[^、。]{0,8}?(?:で|にて|において)")   # ホワイトハウスの執務室で / 迎賓館にて
LOCATIVE_NI = re.compile(r"^[^、。]{0,4}?(?:にて|において)")
VISITING = re.compile(r"([^、。\s]{2,20}?)(?:を)?(?:訪問中|訪れている|訪問している|を訪れた|滞在中)")
SIGNING = re.compile(r"(?:両首脳|首脳)[^。]{0,80}?(?:に|を)署名(?:し|を行)|\bsigned\b")
LEADER_OFFICES = {"prime_minister", "president", "chancellor", "king", "general_secretary", "premier"}
LEADER_WORDS = re.compile(r"首脳|総理|首相|大統領|両首脳|leaders?|President|Prime Minister|Chancellor")


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


def _kinds():
    data = load("meetings.json", ("kinds",))
    words = []
    for k in data["kinds"]:
        for w in k.get("ja", []):
            words.append((w, k["kind"], "ja", bool(k.get("leaders_only"))))
        for w in k.get("en", []):
            words.append((w, k["kind"], "en", bool(k.get("leaders_only"))))
    words.sort(key=lambda w: len(w[0]), reverse=True)
    return words, data


def _find_kinds(text: str, lang: str) -> list[tuple[int, int, str, bool]]:
    words, data = _kinds()
    taken: list[tuple[int, int]] = []
    found = []
    for w, kind, wl, leaders_only in words:
        if wl != lang:
            continue
        flags = re.IGNORECASE if lang == "en" else 0
        pat = re.escape(w) if lang == "ja" else r"\b" + re.escape(w) + r"\b"
        for m in re.finditer(pat, text, flags):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            before = text[max(0, m.start() - 8):m.start()]
            after = text[m.end():m.end() + 3]
            if lang == "ja":
                if any(before.endswith(p) for p in data.get("not_a_meeting_before", [])):
                    continue
                if any(after.startswith(p) for p in data.get("not_a_meeting_after", [])):
                    continue
            elif any(before.lower().rstrip().endswith(p) for p in data.get("not_a_meeting_en_before", [])):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), kind, leaders_only))
    return sorted(found)


@lru_cache(maxsize=1)
def _place_names() -> tuple[str, ...]:
    return tuple(sorted({n for p in load_places() for n in p.names}, key=len, reverse=True))


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Known places named in a text, longest name first, no overlaps, in text order."""
    taken: list[tuple[int, int, str]] = []
    for name in _place_names():
        for m in re.finditer(re.escape(name), text):
            if not any(m.start() < e and s < m.end() for s, e, _ in taken):
                taken.append((m.start(), m.end(), name))
    return sorted(taken)


def _zone_near(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 14):start]
    after = text[end:end + 8]
    if "日本時間" in before or re.search(r"\(?(JST|Japan time)\)?", after):
        if "現地時間" not in before[before.rfind("日本時間"):] if "日本時間" in before else True:
            return "Asia/Tokyo"
    if "現地時間" in before or re.search(r"local time", after, re.I):
        return "local"
    m = re.search(r"\(?\b(EDT|EST|ET|PDT|PST|BST|GMT|CET|CEST|IST|KST)\b\)?", after)
    if m:
        return {"EDT": "America/New_York", "EST": "America/New_York", "ET": "America/New_York",
                "PDT": "America/Los_Angeles", "PST": "America/Los_Angeles", "BST": "Europe/London",
                "GMT": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris", "IST": "Asia/Kolkata",
                "KST": "Asia/Seoul"}[m.group(1)]
    return None


def _in_parens(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
    return depth > 0


def _leaders(ctx: DocContext, s: Sentence) -> list[str]:
    out = []
    for m in ctx.mentions(s):
        if m.kind == "person" and ctx.gaz.office_at(m.entity, ctx.ref_iso) in LEADER_OFFICES:
            out.append(m.entity)
    return out


def _drafts_of(ctx: DocContext, s: Sentence) -> list[Draft]:
    text = s.text
    kinds = _find_kinds(text, s.lang)
    if not kinds and not SIGNING.search(text):
        return []
    times = [t for t in find_clock_times(text)]
    durs = [d for d in find_durations(text)]
    dates = [d for d in find_dates(text, ctx.ref_date) if d.kind in ("date", "relative")]
    drafts: list[Draft] = []
    items: list[tuple[int, int]] = []
    # 1. programme items: KIND[:：] ...
    for ks, ke, kind, _ in kinds:
        m = re.match(r"\s*[:：]\s*([^、,，)）\n]*)", text[ke:])
        if not m:
            continue
        seg_end = ke + m.end()
        while seg_end > ke and text[seg_end - 1].isspace():
            seg_end -= 1
        d = Draft(kind, s.start + ks, s.start + seg_end, s, key_off=s.start + ks, key_end=s.start + ke)
        for t in times:
            if ke <= t.start < seg_end:
                d.time, d.time_zone = (t.hour, t.minute), _zone_near(text, t.start, t.end)
        for du in durs:
            if ke <= du.start < seg_end:
                d.duration = du.minutes
        items.append((ks, seg_end))
        drafts.append(d)
    covered = {text[d.start_off - s.start:d.key_end - s.start] for d in drafts}
    # 2. other mentions
    leaders_here = _leaders(ctx, s)
    # a mention of a programme item's own name is that item (日米首脳会談、署名式… then 日米首脳会談:9時50分…);
    # an envelope named otherwise (日印首脳会談 with 少人数会合 and 全体会合 inside it) is a meeting of its own
    mentions = [(ks, ke, kind, lo) for ks, ke, kind, lo in kinds
                if not any(a <= ks < b for a, b in items) and text[ks:ke] not in covered]
    if FUTURE.search(text) and not re.search(r"行いました|行った|始まりました|臨み|ました。?$", text):
        mentions = []
    singles = []
    timed = bool(times or durs)
    for ks, ke, kind, leaders_only in mentions:
        if leaders_only and not (leaders_here or LEADER_WORDS.search(text) or timed):
            continue
        d = Draft(kind, s.start, s.end, s, key_off=s.start + ks, key_end=s.start + ke)  # cites its sentence
        d.first = bool(FIRST.search(text[max(0, ks - 25):ks]))
        singles.append((ks, ke, d))
    # 2a. clock times (not inside items, not a Japan-time echo in parentheses) → first kind after them
    for t in times:
        if any(a <= t.start < b for a, b in items):
            continue
        zone = _zone_near(text, t.start, t.end)
        if zone == "Asia/Tokyo" and _in_parens(text, t.start) and any(
                _zone_near(text, o.start, o.end) != "Asia/Tokyo" for o in times if o is not t):
            continue  # 11:55 (日本時間 1:55): keep the local one
        after = [x for x in singles if x[0] >= t.end]
        before = [x for x in singles if x[1] <= t.start]
        if s.lang == "en":   # "The talks began at 5:40 p.m." — the meeting is named before its time
            target = before[-1] if before else (after[0] if after else None)
        else:                # 午前9時から…会談 — the time comes first
            target = after[0] if after else (before[-1] if before else None)
        if target and target[2].time is None:
            target[2].time, target[2].time_zone = (t.hour, t.minute), zone
    # 2b. durations → nearest kind before (an envelope "計…" counts only when one kind is named)
    for du in durs:
        if any(a <= du.start < b for a, b in items):
            continue
        envelope = bool(ENVELOPE.search(text[max(0, du.start - 3):du.start]))
        if envelope and (len(singles) != 1 or items):
            continue
        before = [x for x in singles if x[1] <= du.start and (du.start - x[1] < 20 or s.lang == "en")]
        after = [x for x in singles if x[0] >= du.end]
        right_after = [x for x in after if x[0] - du.end <= 6]    # 約1時間、昼食会を行った
        target = right_after[0] if right_after and s.lang == "ja" else (
            before[-1] if before else (after[0] if after else None))
        if target and target[2].duration is None:
            target[2].duration = du.minutes
    drafts += [d for _, _, d in singles]
    # signing by the leaders is a signing ceremony even when no programme names one
    if not any(d.kind == "signing_ceremony" for d in drafts) and SIGNING.search(text) and (
            leaders_here or LEADER_WORDS.search(text)):
        m = SIGNING.search(text)
        drafts.append(Draft("signing_ceremony", s.start, s.end, s, key_off=s.start + m.start(),
                            key_end=s.start + m.end()))
    # dates, places, participants
    places = find_places(text)
    for d in drafts:
        rel = d.key_off - s.start
        before = [x for x in dates if x.start < rel]
        pool = before or dates
        local = [x for x in pool if _zone_near(text, x.start, x.end) != "Asia/Tokyo"]
        x = (local or pool)[-1] if before else ((local or pool)[0] if pool else None)
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
        d.participants = list(dict.fromkeys(leaders_here))
    return drafts


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
        for d in _drafts_of(ctx, s):
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
    return out


UNKNOWN_LEADER_JA = re.compile(r"(?<![一-龥ァ-ヶー・])((?:[ァ-ヶー]+・)+[ァ-ヶー]+|[一-龥]{2,5})(?:米国|英国|米|英|仏|独|伊|印|韓国|豪州)?"
                               r"(?:内閣総理大臣|総理大臣|首相|大統領|国家主席)")
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
        m = VISITING.search(s.text)
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


def extract(ctx: DocContext, ds: list[Draft]) -> list[Meeting]:
    """Meetings from the drafts, once the event's date and leaders are known (ctx.event_date)."""
    tz = event_zone(ctx, ds)
    # an undated mention of a kind dated elsewhere in the document has that date (a page that reports a
    # summit and, weeks later, a telephone talk); otherwise the event's date
    kind_date: dict[str, str] = {}
    for d in ds:
        if d.date and d.date != "same" and d.date_zone != "Asia/Tokyo" and d.kind in ("telephone", "video"):
            kind_date.setdefault(d.kind, d.date)
    for d in ds:
        if not d.date and d.kind in kind_date and kind_date[d.kind] != ctx.event_date:
            d.date = kind_date[d.kind]
    # leaders the text names but the people data does not know stand as written, not as whoever held
    # that office on that day (山田一郎内閣総理大臣 is not replaced by the prime minister of the date)
    written = unknown_leaders(ctx)
    name_lang = "en" if ctx.lang == "en" else "ja"    # participants named in the document's language
    unknown_for = set(ctx.unnamed_leaders) if written else set()
    default_place = visit_place(ctx)
    if default_place:
        for d in ds:
            if d.place is None and d.kind not in ("telephone", "video", "visit"):
                d.place = default_place
    merged: dict[tuple, Meeting] = {}
    certain: dict[tuple, bool] = {}
    ds_sentence: dict[tuple, object] = {}
    for d in ds:
        if d.kind == "visit" and not d.place:
            continue
        if d.kind == "signing_ceremony" and d.date and d.date != "same" and ctx.event_date and d.date != ctx.event_date \
                and SIGNING.search(d.sentence.text) and re.search(r"\bsigned\b[^.]*\bon\b|に署名された", d.sentence.text):
            continue    # "…Agreement, signed in Manila on 8 July 2024": an earlier signing recalled
        if d.kind == "telephone" or d.kind == "video":
            date = d.date or ctx.event_date
            local_date, start = date, (f"{d.time[0]:02d}:{d.time[1]:02d}" if d.time else None)
        else:
            date = d.date if (d.date and d.date_zone != "Asia/Tokyo") else ctx.event_date
            if date and ctx.event_date and date != ctx.event_date and d.time is None and d.date_zone is None \
                    and tz and tz != "Asia/Tokyo" and ctx.lang != "en" and _one_day_apart(date, ctx.event_date):
                date = ctx.event_date   # a Japanese source's unmarked date of a meeting abroad is Japan's date
            if d.date and d.date_zone == "Asia/Tokyo" and not d.time and tz and tz != "Asia/Tokyo":
                date = ctx.event_date or d.date
            local_date, start = _local(ctx, d, date, tz) if date else (None, None)
        names = [ctx.gaz.name(p, name_lang) for p in (d.participants or ctx.event_leaders) if p not in unknown_for]
        for p in ctx.event_leaders:
            if d.kind not in ("courtesy_call", "visit", "other") and ctx.gaz.name(p, name_lang) not in names \
                    and p not in unknown_for:
                names.append(ctx.gaz.name(p, name_lang))
        names += [w for w in written if w not in names]
        m = Meeting(d.kind, tuple(names), local_date, start, d.duration, d.place,
                    ctx.cite(d.start_off, d.end_off, RULE))
        key = (d.kind, local_date)
        sure = d.time_zone is not None
        if key in merged and start and merged[key].start and merged[key].start != start \
                and d.sentence is ds_sentence.get(key):
            key = (d.kind, local_date, start)    # one sentence, two starts: two segments (少人数会合 / 全体会合)
        ds_sentence.setdefault(key, d.sentence)
        if key not in merged:
            merged[key], certain[key] = m, sure
            continue
        old = merged[key]
        upd = {}
        if old.start is None or (start and sure and not certain[key]):
            upd["start"] = start or old.start
            certain[key] = certain[key] or sure
        if old.duration_minutes is None and d.duration:
            upd["duration_minutes"] = d.duration
        if old.place is None and d.place:
            upd["place"] = d.place
        extra = tuple(n for n in names if n not in old.participants)
        if extra:
            upd["participants"] = old.participants + extra
        if (start or d.duration) and old.start is None and old.duration_minutes is None:
            upd["citation"] = m.citation     # cite the mention that gives the time, not a headline
        if upd:
            merged[key] = replace(old, **upd)
    # a talk held by telephone or video: a plain "会談" / "talks" on its day is the same talk
    remote = {k[1]: k for k in merged if k[0] in ("telephone", "video")}
    for key in [k for k in list(merged) if k[0] == "summit" and k[1] in remote]:
        talk, summit = merged[remote[key[1]]], merged.pop(key)
        merged[remote[key[1]]] = replace(talk, start=talk.start or summit.start,
                                         duration_minutes=talk.duration_minutes or summit.duration_minutes)
    # a first segment with no time of its own starts when the meeting it opens starts
    starts = {k[:2]: m.start for k, m in merged.items() if m.kind == "summit" and m.start}
    for d in ds:
        if d.first and d.time is None:
            for key, m in merged.items():
                if m.kind == d.kind and m.start is None and (("summit", key[1]) in starts):
                    merged[key] = replace(m, start=starts[("summit", key[1])])
    return list(merged.values())
