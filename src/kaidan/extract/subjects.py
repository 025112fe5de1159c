"""Who a clause is about: subjects and speakers resolved to people, countries and groups.

A subject is the noun phrase before は / が / から / からは / も at the top level
of a clause (not inside a quotation). It counts as a subject when it names a
person, an organisation or a country (gazetteer), both sides (両首脳, 両国, the
two leaders), a title alone resolved by date and by who the document has named
(総理, 同大統領, "the President"), or an unnamed official, kept as written
(米政府高官).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..nlp import Token
from .context import DocContext
from .lexicon import load

SUBJECT_PARTICLES = {"は", "から", "が", "も", "では", "より"}
LEADER_TITLE = re.compile(r"^(?:同|米国|米|日本国?|英国|英|仏|印|韓国|韓|中国|露|豪|独)?(総理大臣|内閣総理大臣|総理|首相|大統領|首席|国家主席|主席|首相閣下)$")
HEAD_SUFFIX = re.compile(r"(?:政府|側|当局|首脳|国|社|グループ|さん|氏|様|首相|大統領|総理大臣|総理|外相|外務大臣|"
                         r"元首相|前首相|元総理大臣|長官|大臣|会長|社長|国務長官|報道官)")
# Titles that follow a person's name (フン・セン首相, チョン書記長): a name the people data lacks, written in
# katakana or tagged as a personal name, followed by one of these is still a person (grammar: name + title).
PERSON_TITLES = {"首相", "大統領", "書記長", "国家主席", "主席", "首席", "国王", "議長", "委員長", "総理", "総理大臣",
                 "副大統領", "副首相", "外相", "首相閣下", "大統領閣下", "氏"}
# a known person followed by an office with its institution: フォン・デア・ライエン欧州委員長, 李克強中国国務院総理
OFFICE_AFTER_NAME = re.compile(r"[^、。\s]{0,8}?(?:委員長|議長|総理|首相|大統領|書記長|国家主席|主席|国王|長官|大臣)")
# a leader's title after a country name (ポーランド首相): the offices it can name, in order
COUNTRY_TITLE = {"首相": ("prime_minister", "chancellor", "premier"), "大統領": ("president",),
                 "国家主席": ("general_secretary", "president"), "主席": ("general_secretary", "president")}
COUNTRY_TITLE_RE = re.compile(r"(.{1,12}?)(首相|大統領|国家主席|主席)")
KATAKANA_NAME = re.compile(r"^[ァ-ヴー・＝=]+$")
FIRST_PERSON = {"私", "わたし", "われわれ", "我々", "私たち", "わたしたち", "我が国", "わが国", "私ども"}


@dataclass(frozen=True)
class Subject:
    kind: str               # person, org, country, group, unnamed, self
    entity: str | None      # gazetteer id for person / org / country
    name: str               # what to print: canonical name, or the phrase as written
    start: int              # offsets of the phrase (document)
    end: int
    particle: str


def _lex():
    return load("predicates.json", ("ja", "en"))


@lru_cache(maxsize=1)
def _ja_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The Japanese group subjects and official nouns as tuples, for one ``str.endswith`` each (a phrase equal
    to a word also ends with it)."""
    lex = _lex()["ja"]
    return tuple(lex["group_subjects"]), tuple(lex["official_nouns"])


def np_before(tokens: list[Token], i: int) -> int:
    """Index of the first token of the noun phrase that ends right before token i."""
    j = i
    while j > 0:
        t = tokens[j - 1]
        if t.pos in ("名詞", "接尾辞", "接頭辞", "代名詞") or t.text in ("・", "=", "＝"):
            j -= 1
        elif t.text == "の" and j - 2 >= 0 and tokens[j - 2].pos in ("名詞", "接尾辞") and j < i:
            j -= 1
        else:
            break
    return j


def resolve_phrase(ctx: DocContext, phrase: str, start: int, end: int, particle: str,
                   named: list[str]) -> Subject | None:
    p = phrase.strip()
    if not p:
        return None
    if p in FIRST_PERSON:
        return Subject("self", None, p, start, end, particle)
    groups, officials = _ja_endings()
    if p.endswith(groups):
        return Subject("group", None, "両首脳", start, end, particle)
    if p.endswith(officials):
        return Subject("unnamed", None, p, start, end, particle)
    leader = country_leader(ctx, p, named)
    if leader:
        return Subject("person", leader, ctx.gaz.entities[leader].name("ja"), start, end, particle)
    ms = ctx.gaz.mentions(p)
    if ms:
        m = max(ms, key=lambda m: m.end - m.start)
        # the entity must head the phrase: USスチールの買収計画 is about a plan, 日本政府 / 米側 are the country
        rest = p[m.end:]
        if not rest or HEAD_SUFFIX.fullmatch(rest) or (ctx.gaz.entities[m.entity].kind == "person"
                                                       and OFFICE_AFTER_NAME.fullmatch(rest)):
            e = ctx.gaz.entities[m.entity]
            return Subject(e.kind, e.id, e.name(ctx.lang if ctx.lang in ("ja", "en") else "ja"), start, end, particle)
    one = re.fullmatch(r"([一-龥])(?:氏|首相|大統領|主席|総理)", p)
    if one:
        # 李氏 / 尹氏: a one-kanji family name stands for the leader of that name the document is about
        pool = list(reversed(named)) + [e for e in ctx.event_leaders if e not in named]
        who = next((e for e in pool if e in ctx.gaz.entities and ctx.gaz.entities[e].kind == "person"
                    and ctx.gaz.entities[e].name("ja").startswith(one.group(1))), None)
        if who:
            return Subject("person", who, ctx.gaz.entities[who].name("ja"), start, end, particle)
    side = re.fullmatch(r"([A-Za-z]{2,})(側|政府|当局)", p)
    if side and ctx.gaz.lookup(side.group(1)):
        # EU側 / US政府: a Latin name written against a kanji suffix (the name lookup wants a word boundary)
        e = ctx.gaz.entities[ctx.gaz.lookup(side.group(1))]
        if e.kind in ("country", "org"):
            return Subject(e.kind, e.id, e.name(ctx.lang if ctx.lang in ("ja", "en") else "ja"), start, end, particle)
    t = LEADER_TITLE.match(p)
    if t:
        date = ctx.event_date or ctx.ref_iso
        office = "president" if "大統領" in p else ("general_secretary" if "主席" in p else "prime_minister")
        offices = {office} | ({"chancellor", "premier"} if office == "prime_minister" and "総理" not in p else set())
        who = None
        if p.startswith("同"):
            # 同首相 / 同大統領: the holder of that office named most recently (首相 is also a chancellor)
            who = next((n for n in reversed(named) if ctx.gaz.office_at(n, date) in offices), None)
        if who is None:
            # 総理, and 首相 with no name or country before it, is the Japanese prime minister in Japanese text
            country = "US" if p.startswith(("米国", "米")) else ("JP" if "総理" in p or p == "首相" else None)
            who = ctx.gaz.holder(office, date, country=country, prefer=tuple(ctx.event_leaders) + tuple(named))
        if who:
            e = ctx.gaz.entities[who]
            return Subject("person", who, e.name("ja"), start, end, particle)
    return None


def country_leader(ctx: DocContext, phrase: str, named: list[str] = ()) -> str | None:
    """ポーランド首相 / 韓国大統領: a country's name and its leader's title name the one holder of that office
    in that country on the document's date (grammar: country + title is a definite description)."""
    m = COUNTRY_TITLE_RE.fullmatch(phrase)
    if not m:
        return None
    from .event import _country_words     # the country names of the people data, its short forms and CLDR
    code = _country_words(ctx.gaz)[2].get(m.group(1))
    if not code:
        return None
    date = ctx.event_date or ctx.ref_iso
    prefer = tuple(ctx.event_leaders) + tuple(named)     # with no date, the one the document is about
    return next((h for h in (ctx.gaz.holder(o, date, country=code, prefer=prefer) for o in COUNTRY_TITLE[m.group(2)])
                 if h), None)


def subjects_in(ctx: DocContext, tokens: list[Token], depth: list[int], lo: int, hi: int,
                named: list[str]) -> list[tuple[int, Subject]]:
    """(token index of the particle, subject) for every subject phrase in tokens[lo:hi] at depth 0."""
    out = []
    for i in range(lo, hi):
        t = tokens[i]
        if depth[i] or t.pos != "助詞" or t.text not in SUBJECT_PARTICLES:
            continue
        j = max(np_before(tokens, i), lo)
        if j == i:
            continue
        start, end = tokens[j].start, tokens[i - 1].end
        phrase = ctx.text[start:end]
        particle = t.text
        if t.text == "から" and i + 1 < hi and tokens[i + 1].text == "は":
            particle = "からは"
        if t.text == "より":
            particle = "から"       # フック首相より、…旨述べた: MOFA's written form of から marking the speaker
        if particle == "から" and (_in_relative_clause(tokens, i + 1, hi) or (i + 1 < hi and tokens[i + 1].text == "の")):
            continue     # フィリピンからの来場: からの modifies a noun
        s = resolve_phrase(ctx, phrase, start, end, particle, named) or titled_name(tokens[j:i], phrase, start, end,
                                                                               particle)
        if s and t.text == "より" and s.kind != "person":
            continue     # 日本より: a comparison, not a speaker
        if s:
            out.append((i, s))
    return out


def titled_name(tokens: list[Token], phrase: str, start: int, end: int, particle: str) -> Subject | None:
    """A person the people data does not know, named with a title: フン・セン首相, トカエフ大統領, チョン書記長.
    The name is kept as written (the scorer and the reader resolve it by alias)."""
    if len(tokens) < 2 or tokens[-1].text not in PERSON_TITLES:
        return None
    name = tokens[:-1]
    text = "".join(t.text for t in name)
    if len(text) < 2:
        return None
    if not (KATAKANA_NAME.match(text) or all(t.pos3 == "人名" or t.text in ("・", "=", "＝") for t in name)):
        return None
    return Subject("person", None, phrase, start, end, particle)


FORMAL_NOUNS = {"旨", "こと", "の", "もの", "考え", "意向", "方針", "決意", "意思", "用意", "ため", "よう", "とき", "際"}


def _in_relative_clause(tokens: list[Token], k: int, hi: int) -> bool:
    """Xから(も)要請のあった巡視船: the から-phrase sits in a clause modifying a noun (an attributive verb
    followed by a content noun before any comma), so it is not the speaker of the sentence's predicate."""
    while k < hi and tokens[k].text == "も":
        k += 1
    for n in range(k, min(hi, k + 8) - 1):
        t = tokens[n]
        if t.pos == "補助記号":
            return False
        if t.pos in ("動詞", "助動詞") and t.lemma != "だ" and t.form.startswith("連体形") and tokens[n + 1].pos == "名詞" \
                and tokens[n + 1].text not in FORMAL_NOUNS:
            return True
    return False
