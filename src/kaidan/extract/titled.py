"""People the people data does not know, recognised by the title written next to their name.

A leader or foreign minister the data lacks is still named the way every readout names one: a name with
an office title beside it. Each person found here joins the document's gazetteer (``Gazetteer.with_people``)
as a holder of that office on the document's date, so the stages after it (subjects, speakers, the event's
leaders and countries, meeting participants) treat them as they treat a known person.

Rules (each person found carries the id of the rule that found them; the ids and the word lists each rule
reads are data, ``data/titled.json``):

* ``kaidan.person.ja_name_title.v3``: Japanese, a name Sudachi tags 人名 (or a run of katakana with a
  middle dot, as foreign names are written) followed by an office title, with a country name before it
  (ケニアのルト大統領) or between the name and the title (文在寅韓国大統領, also after the name's reading in
  parentheses: 文在寅(ムン・ジェイン)韓国大統領); 内閣総理大臣 / 総理大臣 / 総理
  with no country name is Japan's, and so is 首相 after a kanji name with no country name (the Japanese press
  writes a foreign leader with the country: スターマー英首相, 中国の李強首相); 元 / 前 before the title is a
  former holder: a person who holds no office now. A kanji name Sudachi does not tag is still one between a
  country's の and a title (中国の芮承煥国家主席); a three-kanji Chinese or Korean name has a one-kanji family
  name (芮氏). Many Japanese family names are place names (Sudachi 地名): a two- or three-kanji place word
  written at least twice right before 首相 or a title of Japan, with no country, is the prime minister's
  family name (X首相は…). The family name is the first 人名 token of a kanji name, and each
  part of a dotted katakana name that the text also writes with a title (ルト大統領) or 氏.
* ``kaidan.person.en_title_name.v2``: English, a title before a capitalised name of two or three words
  ("Kenyan President William Ruto", "President William Ruto of Kenya", "Kenya's President William Ruto",
  "the President of Kenya William Ruto",
  "President Lena von der Maroto", MOFA's "Prime Minister SERIZAWA Seiji", European protocol's
  "Mr. Rado VETOZA, Prime Minister of …").
* ``kaidan.person.en_name_apposition.v2``: English, a name set off by a comma before its title
  ("William Ruto, the Kenyan president", "William Ruto, President of Kenya").
* ``kaidan.person.en_speaker_label.v1``: English, a transcript's speaker label at the start of a line, name
  and title in capitals ("WILLIAM RUTO, PRESIDENT OF KENYA: …").
* ``kaidan.person.en_honorific_surname.v2``: English, a name of two or three words that the text also writes
  with an honorific and one of its words ("William Ruto … Mr Ruto said", "Sir Kaki Bena … Sir Kaki said");
  such a person holds the office of a capitalised title written before one of those words ("… Prime Minister
  Ruto", not after former / ex- / then), else that of the titled person they are named the counterpart of.

An English name's words that the text also writes alone after a title or an honorific are its aliases
(either end: "Yunoki Shohei … Prime Minister Yunoki", "Noro Bezo … President Noro").

An English country adjective is read from the CLDR country names by the English demonym suffixes
(Kenya → Kenyan, Chile → Chilean, Senegal → Senegalese): a grammar fact, not a list of countries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..people import NAMED, cldr_territories, demonyms
from ..text import alternation, first_char_gate
from .context import DocContext
from .dating import LEADER_OFFICES
from .lexicon import load

OFFICES = LEADER_OFFICES | {"foreign_minister", "vice_president"}
KATA_DOTTED = re.compile(r"^[ァ-ヴー]+(?:[・＝=][ァ-ヴー]+)+$")
KATA_RUN = re.compile(r"^[ァ-ヴー]{3,}$")
KATA_START = re.compile(r"[ァ-ヴー]")
KANJI_NAME = re.compile(r"^[一-龥々]{2,5}$")
READING = re.compile(r"^[(（][ァ-ヴー・＝\s]{2,24}[)）]")
# a party or body between a country and its office's title (ベトナム共産党中央執行委員会書記長, 朝鮮労働党総書記):
# kanji ending in 党 (party) or 会 (committee, assembly)
ORGAN = re.compile(r"[一-龥]{0,10}[党会](?=[一-龥])")
ONE_KANJI_FAMILY = {"CN", "KR", "KP", "TW", "HK", "MO"}
# a given name and a family name (with von / de … before it), MOFA's FAMILY Given, or the Given FAMILY of
# European protocol (Olaf SCHOLZ, Chancellor …): the family name in capitals at either end
EN_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
PARTICLES = "(?:von|van|de|der|den|da|del|dos|bin|al)"
# a middle initial ("Joseph R. Biden") and a generational suffix ("…, Jr.") belong to the name
EN_NAME = (rf"(?:[A-Z]{{2,}}\s{EN_WORD}|{EN_WORD}\s[A-Z]{{3,}}(?![a-z])|{EN_WORD}(?:\s[A-Z]\.)?(?:\s(?:{PARTICLES}\s)*{EN_WORD}){{1,2}}"
           r"(?:,?\s(?:Jr|Sr)\.?(?=[\s,]))?)(?![A-Za-z])")
# a country's name or adjective of one or two words, or its abbreviation (US, U.S., UK, ROK)
EN_COUNTRY = r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,3}(?![A-Za-z])|(?:[A-Z]\.){2,3})"
# a transcript's speaker label at the start of a line: NAME, TITLE [OF COUNTRY]: (all in capitals)
TURN_LABEL = re.compile(r"(?m)^(?P<name>[A-Z][A-Z'\-]+(?:\s[A-Z][A-Z.'\-]*){1,3}),\s*(?:THE\s+)?"
                        r"(?P<title>[A-Z][A-Z ]{2,40}?)(?:\s+OF\s+(?:THE\s+)?(?P<post>[A-Z][A-Z ]{2,30}?))?\s*:")


def name_words(name: str) -> list[str]:
    """The words of an English name without its middle initials and generational suffix (Joseph R. Biden, Jr.)."""
    core = re.sub(r",?\s(?:Jr|Sr)\.?$", "", name)
    return [w for w in core.split() if not re.fullmatch(r"[A-Z]\.", w)]


@dataclass(frozen=True)
class TitledPerson:
    name: str                    # as written, in full
    aliases: tuple[str, ...]     # the full name first, then the family name(s) the text uses
    office: str | None           # None for a former holder (安倍元首相): a person, holding no office now
    country: str | None
    lang: str
    rule: str

    def entry(self) -> dict:
        """The person as a people.json entry (an office held on any date: the document says they hold it)."""
        names = {"ja": list(self.aliases), "en": []} if self.lang == "ja" else {"ja": [], "en": list(self.aliases)}
        return {"id": f"{NAMED}{self.name}", "kind": "person", "country": self.country, "names": names,
                "terms": [{"office": self.office, "from": "0000-00-00", "to": None}] if self.office else [],
                "rule": self.rule}


def _data() -> dict:
    return load("titled.json", ("rules", "en_demonym_suffixes", "en_not_names"))


def rule(name: str) -> dict:
    """One rule of data/titled.json: its id and the word lists it reads."""
    return _data()["rules"][name]


def rule_id(name: str) -> str:
    """The id a rule of data/titled.json gives the people it finds (``ja_name_title`` → kaidan.person.…)."""
    return rule(name)["id"]


@lru_cache(maxsize=1)
def _honorific() -> tuple[re.Pattern, frozenset, frozenset]:
    """The English honorific + one capitalised word ("Mr Ruto", "Sir Kaki"), the honorifics and those of them
    written before the given name."""
    hon = rule("en_honorific_surname")["honorifics"]
    given = frozenset(hon["before_given_name"])
    every = frozenset(hon["before_surname"]) | given
    pattern = re.compile(rf"(?<![A-Za-z])({alternation(sorted(every))})\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![A-Za-z])")
    return pattern, every, given


@lru_cache(maxsize=1)
def _name_prefixes() -> str:
    """The honorifics and styles that may stand between a title and a name (Prime Minister Shri X)."""
    return rf"(?:(?:{alternation(map(re.escape, rule('en_title_name')['name_prefixes']))})\s+)?"


def _titles(gaz) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """The title regexes (ja, en) of the offices looked for, and title → office (one set per people data)."""
    return _titles_of(gaz.base)


@lru_cache(maxsize=4)
def _titles_of(gaz) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    office_of: dict[str, str] = {}
    for oid, titles in gaz.office_titles.items():
        if oid in OFFICES:
            for t in titles:
                office_of.setdefault(t.lower(), oid)
    ja = sorted((t for t in office_of if not t.isascii()), key=len, reverse=True)
    en = sorted((t for t in office_of if t.isascii() and len(t) > 2 and t[:1].isalpha()), key=len, reverse=True)
    en_re = "|".join(re.escape(t).replace(r"\ ", r"\s") for t in en)
    # an abbreviated title in capitals (PM) only as written: "pm" is also a clock time
    short = "|".join(re.escape(t.upper()) for t in office_of if t.isascii() and len(t) == 2 and t.isalpha())
    return re.compile("|".join(map(re.escape, ja))), re.compile(rf"(?i:{en_re})" + (f"|{short}" if short else "")), \
        office_of


@lru_cache(maxsize=4)
def _demonyms() -> dict[str, str]:
    """English country adjectives made from the CLDR names by the demonym suffixes: Kenyan → KE."""
    names = {code: name for code, name in cldr_territories("en").items() if len(code) == 2 and code.isalpha()}
    return demonyms(names, _data()["en_demonym_suffixes"])


def country_code(ctx: DocContext, word: str | None) -> str | None:
    """The country a name or adjective stands for: the people data's and CLDR names, then demonyms."""
    if not word:
        return None
    from .event import _country_words

    names = _country_words(ctx.gaz)[2]
    w = word.strip()
    # "the French Republic": a country's adjective before Republic names it
    return names.get(w) or names.get(re.sub(r"^the\s+", "", w, flags=re.I)) or _demonyms().get(w) \
        or _demonyms().get(re.sub(r"\s+Republic$", "", w))


def _known(ctx: DocContext, name: str) -> bool:
    return bool(ctx.gaz.mentions(name)) or ctx.gaz.lookup(name) is not None


@lru_cache(maxsize=4)
def _ja_country_patterns(gaz) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Compiled once per people data: a country name (and の) that ends the text before a name, a
    country name, の, a kanji name and a title (中国の芮承煥国家主席), opening with the lookahead on the
    country names' first characters, and a kanji name, its reading in parentheses, a country and a title
    (文在寅(ムン・ジェイン)韓国大統領)."""
    from .event import _country_words

    cw_ja, _, cnames = _country_words(gaz)
    title_re = _titles_of(gaz)[0]
    starts = first_char_gate([n for n in cnames if not n.isascii()])
    return (re.compile(r"(?<![一-龥])(" + cw_ja.pattern + r")の?$"),
            re.compile(rf"{starts}(?<![一-龥])({cw_ja.pattern})の([一-龥]{{2,4}}?)({title_re.pattern})"),
            re.compile(rf"(?<![一-龥])([一-龥]{{2,4}})[(（][ァ-ヴー・]{{2,24}}[)）]({cw_ja.pattern})"
                       rf"({title_re.pattern})"))


def _ja(ctx: DocContext) -> list[TitledPerson]:
    title_re, _, office_of = _titles(ctx.gaz)
    country_before, country_name_title, reading_country_title = _ja_country_patterns(ctx.gaz.base)
    from .event import _country_words

    cw_ja, _, cnames = _country_words(ctx.gaz)
    japan = set(rule("ja_name_title")["titles_of_japan"])
    found: dict[str, TitledPerson] = {}
    for s in ctx.sentences:
        if s.lang != "ja" or not title_re.search(s.text):
            continue
        toks = ctx.tokens(s)
        i = 0
        while i < len(toks):
            first = toks[i].text[:1]
            place_family = toks[i].pos3 == "地名" and _place_family(ctx, toks, i, japan, cnames)
            if toks[i].pos3 != "人名" and not place_family and not ("ァ" <= first <= "ヴ" or first == "ー"):
                i += 1      # every name below opens with a 人名 token or katakana (KATA_START): none here
                continue
            j = i + 1 if place_family else i
            while j < len(toks) and (toks[j].pos3 == "人名" or (j > i and toks[j].text in ("・", "＝"))):
                j += 1
            run = toks[i:j]
            kata = KATA_START.match(toks[i].text) is not None     # every katakana reading below starts so
            dotted = _kata_dotted(toks, i, cnames) if kata else i
            if dotted > i + 1 and (not run or dotted > j):
                run, j = toks[i:dotted], dotted     # トザ・ルヴェ: a dotted katakana name Sudachi cuts in parts
            elif not run and kata and (KATA_DOTTED.match(toks[i].text) or (
                    KATA_RUN.match(toks[i].text) and toks[i].pos == "名詞" and toks[i].pos3 != "地名")):
                run, j = [toks[i]], i + 1
            elif not run and kata and _short_kata_name(ctx, toks, i, title_re):
                run, j = [toks[i]], i + 1
            if not run:
                i += 1
                continue
            name = ctx.text[run[0].start:run[-1].end].strip("・＝")
            after = ctx.text[run[-1].end:run[-1].end + 40]
            after = READING.sub("", after, count=1)     # 文在寅(ムン・ジェイン)韓国大統領: a reading after the name
            between = cw_ja.match(after, 1 if after.startswith("・") else 0)
            rest = after[between.end():] if between else after
            if between and not title_re.match(rest) and (organ := ORGAN.match(rest)) \
                    and title_re.match(rest, organ.end()):
                rest = rest[organ.end():]     # …・ベトナム共産党中央執行委員会書記長: the party or body of the office
            former = re.match(r"[元前故]", rest)
            t = title_re.match(rest, 1 if former else 0)
            if t and len(name) >= 2 and not _known(ctx, name) and name not in cnames:
                before = ctx.text[max(s.start, run[0].start - 12):run[0].start]
                pre = country_before.search(before)
                country = cnames.get(between.group(0)) if between else (cnames.get(pre.group(1)) if pre else None)
                if country is None and (t.group(0) in japan or (t.group(0) == "首相" and KANJI_NAME.match(name))):
                    country = "JP"     # 総理 is Japan's; the Japanese press writes a foreign 首相 with the country
                family = _ja_family(ctx, name, run, country)
                _keep(found, TitledPerson(name, (name,) + family, None if former else office_of[t.group(0).lower()],
                                          country, "ja", rule_id("ja_name_title")))
            i = max(j, i + 1)
        # 中国のX国家主席: a kanji name Sudachi does not know, between a country and の and a title
        for m in country_name_title.finditer(s.text):
            name, country = m.group(2), cnames.get(m.group(1))
            if name in found or name in cnames or _known(ctx, name) or len(m.group(1)) < 2:
                continue
            found[name] = TitledPerson(name, (name,) + _ja_family(ctx, name, [], country),
                                       office_of[m.group(3).lower()], country, "ja", rule_id("ja_name_title"))
        # 文在寅(ムン・ジェイン)韓国大統領: a kanji name with its reading in parentheses, a country and a title
        # (the reading's opening parenthesis is in every match: a sentence without one is not scanned)
        for m in (reading_country_title.finditer(s.text) if "(" in s.text or "（" in s.text else ()):
            name, country = m.group(1), cnames.get(m.group(2))
            if name in found or name in cnames or _known(ctx, name) or country is None:
                continue
            found[name] = TitledPerson(name, (name,) + _ja_family(ctx, name, [], country),
                                       office_of[m.group(3).lower()], country, "ja", rule_id("ja_name_title"))
    # 芹沢総理 after 芹沢征爾内閣総理大臣: a family name with a title is the person named in full, not another
    people = list(found.values())
    return [p for p in people if not any(p.name != q.name and (p.name in q.aliases or q.name.startswith(p.name))
                                         for q in people)]


def _place_family(ctx: DocContext, toks, i: int, japan: set, cnames: dict) -> bool:
    """A kanji word Sudachi tags 地名 that is a Japanese family name: many Japanese family names are place
    names (a family took the name of its village), and the press names the prime minister by family name and
    title alone (X首相は…). Read so only as the Japanese press writes its own prime minister: two to three
    kanji, no country before it and no country name itself, right before 首相 or a title of Japan, and so
    written at least twice (one mention could be a place's own office)."""
    t = toks[i]
    if not re.fullmatch(r"[一-龥々]{2,3}", t.text) or t.text in cnames or i + 1 >= len(toks):
        return False
    title = toks[i + 1].text
    if title != "首相" and title not in japan:
        return False
    if i > 0 and (toks[i - 1].pos3 == "地名" or toks[i - 1].text in cnames or re.fullmatch(r"[一-龥々]+", toks[i - 1].text)
                  and toks[i - 1].pos == "名詞"):
        return False      # 中国の… is handled by the country rules; a kanji noun before it makes a compound
    return len(re.findall(rf"(?<![一-龥々]){re.escape(t.text)}{re.escape(title)}", ctx.text)) >= 2


def _keep(found: dict[str, "TitledPerson"], p: "TitledPerson") -> None:
    """A person's first mention, or a later one that says their country when the first did not (ザタグル首相と会談
    … ポーランドのザタグル首相は)."""
    old = found.get(p.name)
    if old is None or (old.country is None and p.country is not None):
        found[p.name] = p


def _short_kata_name(ctx: DocContext, toks, i: int, title_re: re.Pattern) -> bool:
    """A two-kana word the text writes with a leader's title more than once (ラコ首相 … ラコ首相から) is a
    name: one mention could be any noun, a repeated name + title is how a leader is referred to."""
    t = toks[i]
    if not re.fullmatch(r"[ァ-ヴ][ァ-ヴー]", t.text) or t.pos != "名詞" or t.pos3 == "地名":
        return False
    if i > 0 and re.search(r"[ァ-ヴー・＝]$", toks[i - 1].text):
        return False
    uses = _short_kata_uses(ctx.text, title_re)
    if uses is None:
        return len(re.findall(rf"(?<![ァ-ヴー・＝]){re.escape(t.text)}(?:{title_re.pattern})", ctx.text)) >= 2
    return uses.get(t.text, 0) >= 2


@lru_cache(maxsize=2)
def _short_kata_uses(text: str, title_re: re.Pattern) -> dict[str, int] | None:
    """How often the text writes each two-kana word right before a title (not inside a longer katakana word),
    in one pass over the text for all its words. Each position is counted once: two uses of one word cannot
    overlap, as no title has a katakana letter in it (None when one has: each word is then counted alone)."""
    if re.search(r"[ァ-ヴ]", title_re.pattern):
        return None
    counts: dict[str, int] = {}
    for m in re.finditer(rf"(?<![ァ-ヴー・＝])(?=([ァ-ヴ][ァ-ヴー])(?:{title_re.pattern}))", text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


def _kata_dotted(toks, i: int, countries=()) -> int:
    """The end of a katakana name of several words joined by middle dots that starts at token i (ノザ・マゾ・ペモナ:
    a foreign name written in katakana, its words split by ・ or ＝), or i when none starts there."""
    kata = re.compile(r"^[ァ-ヴー]+$")
    j = i
    if i < len(toks) and kata.match(toks[i].text) and (i == 0 or not kata.match(toks[i - 1].text)):
        j = i + 1
        while j + 1 < len(toks) and toks[j].text in ("・", "＝") and kata.match(toks[j + 1].text) \
                and toks[j + 1].pos3 != "地名" and toks[j + 1].text not in countries:
            j += 2        # ジョコ・ウィドド・インドネシア大統領: the country after the name is not part of it
    return j if j >= i + 3 else i


def _ja_family(ctx: DocContext, name: str, run, country: str | None = None) -> tuple[str, ...]:
    """The family name(s) of a Japanese-written name, as the text uses them."""
    title_re = _titles(ctx.gaz)[0]
    hon = "|".join(map(re.escape, rule("ja_name_title")["honorifics"]))
    parts = [p for p in re.split("[・＝]", name) if p]
    if len(parts) > 1:
        return tuple(p for p in parts if len(p) >= 2 and re.search(
            rf"(?<![ァ-ヴー・]){re.escape(p)}(?:{title_re.pattern}|{hon})", ctx.text))
    if country in ONE_KANJI_FAMILY and len(name) == 3 and KANJI_NAME.match(name):
        return (name[0],)          # 芮承煥 → 芮氏, 芮主席: Chinese and Korean family names are one kanji
    people = [t for t in run if t.pos3 == "人名"]
    if len(people) >= 2 and re.fullmatch(r"[一-龥々]+", name) and people[0].text != name:
        return (people[0].text,)
    return ()


def _en(ctx: DocContext) -> list[TitledPerson]:
    _, title_en, office_of = _titles(ctx.gaz)
    stop = set(_data()["en_not_names"])
    t = title_en.pattern
    prefixes = _name_prefixes()
    forward = re.compile(rf"(?:\b(?P<pre>{EN_COUNTRY})(?:['’]s)?\s+)?\b(?P<title>{t})"
                         rf"(?:\s+of\s+(?:the\s+)?(?P<ofc>{EN_COUNTRY})(?=,?\s+{prefixes}{EN_NAME}),?)?\s+{prefixes}(?P<name>{EN_NAME})\b"
                         rf"(?:\s+of\s+(?:the\s+)?(?P<post>{EN_COUNTRY}))?")
    apposition = re.compile(rf"\b(?P<name>{EN_NAME}),\s+(?:the\s+)?(?:(?P<pre>{EN_COUNTRY})(?:['’]s)?\s+)?"
                            rf"(?P<title>{t})\b(?:\s+of\s+(?:the\s+)?(?P<post>{EN_COUNTRY}))?")
    found: dict[str, TitledPerson] = {}
    for m in TURN_LABEL.finditer(ctx.text):
        # "ZODO TONATE, PRIME MINISTER OF AUSTRALIA:": a transcript's speaker label, name and title in capitals
        name = " ".join(w.title() if not re.match(r"(?:VON|VAN|DE|DER|DEN|DA|DEL|BIN|AL)$", w) else w.lower()
                        for w in m.group("name").split())
        title = re.sub(r"\s+", " ", m.group("title")).lower()
        words = name.split()
        if title not in office_of or not title_en.fullmatch(m.group("title")) or any(w in stop for w in words) \
                or _known(ctx, name) or country_code(ctx, name):
            continue
        country = country_code(ctx, (m.group("post") or "").title() or None)
        found.setdefault(name, TitledPerson(name, (name, words[-1]) if len(words[-1]) >= 3 else (name,),
                                            office_of[title], country, "en", rule_id("en_speaker_label")))
    for s in ctx.sentences:
        if s.lang == "ja":
            continue
        for rx, rid in ((forward, rule_id("en_title_name")), (apposition, rule_id("en_name_apposition"))):
            for m in rx.finditer(s.text):
                name = m.group("name")
                words = name_words(name)
                if any(w in stop for w in words) or _known(ctx, name) or country_code(ctx, name):
                    continue
                title = re.sub(r"\s+", " ", m.group("title")).lower()
                if title not in office_of:
                    continue
                country = country_code(ctx, m.group("post")) or country_code(ctx, m.group("pre")) \
                    or country_code(ctx, m.groupdict().get("ofc"))
                upper = [w for w in words if w.isupper()]
                surname = upper[0].title() if upper else words[-1]
                aliases = (name,) + ((surname,) if len(surname) >= 3 and surname not in stop else ())
                _keep(found, TitledPerson(name, aliases, office_of[title], country, "en", rid))
        for p in _en_counterparts(ctx, s.text, title_en, office_of, stop):
            found.setdefault(p.name, p)
    for p in _en_honorific(ctx, stop, set(found)):
        found.setdefault(p.name, p)
    for p in _en_title_surname(ctx, title_en, office_of, stop, found):
        found.setdefault(p.name, p)
    people = [_en_title_words(ctx, p, title_en, stop) for p in found.values()]
    return _en_offices(ctx, people, title_en, office_of)


def _en_offices(ctx: DocContext, people: list[TitledPerson], title_en: re.Pattern,
                office_of: dict) -> list[TitledPerson]:
    """The office of a person found with no title beside their full name ("Mr Betara", rule
    en_honorific_surname): a capitalised title the text writes before one of their name words holds it
    ("… Prime Minister Betara"), unless former / ex- stands before that title; then a counterpart of a
    person with an office holds that office ("X and his Kenyan counterpart Y", X titled somewhere)."""
    rid = rule_id("en_honorific_surname")
    out = []
    for p in people:
        if p.office is None and p.rule == rid:
            for w in p.aliases[1:]:
                m = next((m for m in re.finditer(rf"(?<![A-Za-z])(?P<title>{title_en.pattern})\s+{re.escape(w)}"
                                                 rf"(?![A-Za-z])", ctx.text)
                          if m.group("title")[:1].isupper()
                          and not re.search(r"(?:\b(?:former|ex)[\s-]|\bthen\s)$", ctx.text[max(0, m.start() - 8):m.start()],
                                            re.I)), None)
                office = office_of.get(re.sub(r"\s+", " ", m.group("title")).lower()) if m else None
                if office:
                    p = replace(p, office=office)
                    break
        out.append(p)
    by_name = {p.name: p for p in out}
    for i, p in enumerate(out):
        if p.office is not None or p.rule != rid:
            continue
        for m in re.finditer(rf"\b{EN_COUNTRY}\s+counterparts?,?\s+{_name_prefixes()}{re.escape(p.name)}(?![A-Za-z])",
                             ctx.text):
            s = next((s for s in ctx.sentences if s.start <= m.start() < s.end), None)
            before = ctx.text[s.start if s else 0:m.start()]
            q = next((q for q in by_name.values() if q is not p and q.office and q.name in before), None)
            if q is not None:
                out[i] = replace(p, office=q.office)
                break
    return out


def _en_counterparts(ctx: DocContext, text: str, title_en: re.Pattern, office_of: dict, stop: set) -> list[TitledPerson]:
    """"Prime Minister X and his Australian counterpart Y": a counterpart holds the office of the titled person
    the sentence named before them, for the country of the adjective before the word."""
    if "counterpart" not in text:
        return []
    out = []
    for m in re.finditer(rf"\b(?P<adj>{EN_COUNTRY})\s+counterparts?,?\s+{_name_prefixes()}(?P<name>{EN_NAME})\b", text):
        name, country = m.group("name"), country_code(ctx, m.group("adj"))
        titles = [t for t in title_en.finditer(text, 0, m.start()) if t.group(0)[:1].isupper()]
        if country is None or not titles or any(w in stop for w in name_words(name)) or _known(ctx, name) \
                or country_code(ctx, name):
            continue
        office = office_of.get(re.sub(r"\s+", " ", titles[-1].group(0)).lower())
        if office:
            words = name_words(name)
            out.append(TitledPerson(name, (name,) + ((words[-1],) if len(words[-1]) >= 3 else ()), office, country,
                                    "en", rule_id("en_counterpart")))
    return out


def _en_title_surname(ctx: DocContext, title_en: re.Pattern, office_of: dict, stop: set,
                      found: dict[str, TitledPerson]) -> list[TitledPerson]:
    """"President Riri of the United States", "President Lugu … President Lugu": a leader the text names only
    by one word after a capitalised title, with the country after it or the same title and word written twice
    (one mention could be any capitalised word). A word of a name found in full is that person's, not another."""
    taken = {w for p in found.values() for a in p.aliases for w in name_words(a)}
    seen: dict[str, list[re.Match]] = {}
    for m in _title_word_re(title_en.pattern).finditer(ctx.text):
        if m.group("title")[:1].isupper():
            seen.setdefault(m.group("name"), []).append(m)
    out = []
    for word, ms in seen.items():
        if word in stop or word in taken or _known(ctx, word) or country_code(ctx, word):
            continue
        post = next((c for m in ms if (c := country_code(ctx, m.group("post")))), None)
        if len(ms) < 2 and post is None:
            continue
        office = office_of.get(re.sub(r"\s+", " ", ms[0].group("title")).lower())
        if office is None:
            continue
        country = post or next((c for m in ms if (c := country_code(ctx, _country_before(ctx.text, m.start())))),
                               None)
        out.append(TitledPerson(word, (word,), office, country, "en", rule_id("en_title_surname")))
    return out


@lru_cache(maxsize=4)
def _title_word_re(titles: str) -> re.Pattern:
    """A title and one capitalised word that no other capitalised word follows, with of COUNTRY after it."""
    return re.compile(rf"\b(?P<title>{titles})\s+(?P<name>[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?)(?![A-Za-z])"
                      rf"(?!\s+(?:[A-Z]|{PARTICLES}\s))(?:\s+of\s+(?:the\s+)?(?P<post>{EN_COUNTRY}))?")


def _country_before(text: str, at: int) -> str | None:
    """The country name, abbreviation or adjective just before a title (US President, Kenya's President)."""
    m = re.search(rf"\b({EN_COUNTRY})(?:['’]s)?\s+$", text[max(0, at - 40):at])
    return m.group(1) if m else None


def _en_title_words(ctx: DocContext, p: TitledPerson, title_en: re.Pattern, stop: set) -> TitledPerson:
    """A person with every word of their name that the text also writes alone after a title or an honorific
    ("Yunoki Shohei, Prime Minister of Japan … Prime Minister Yunoki"; "Noro Bezo … President Noro"): which end
    of a name is the one used alone depends on the language it comes from, so the text tells."""
    extra = []
    for w in name_words(p.name):
        w = w.title() if w.isupper() else w
        if len(w) < 3 or w in stop or w in p.aliases or not w[:1].isupper():
            continue
        if re.search(rf"(?:(?<![A-Za-z])(?:{title_en.pattern}|Mr\.?|Ms\.?|Mrs\.?|Dr\.?))\s+{re.escape(w)}"
                     rf"(?![A-Za-z])(?!\s+(?:[A-Z][a-z]|[A-Z]{{3,}}(?![a-z])|{PARTICLES}\s))", ctx.text):
            extra.append(w)
    return replace(p, aliases=p.aliases + tuple(extra)) if extra else p


def _en_honorific(ctx: DocContext, stop: set, taken: set) -> list[TitledPerson]:
    """People the press names in full once and then by an honorific: "Mr Ruto" / "Ms Maroto" with the
    surname, "Sir Kaki" with the given name (English press style). The full name is a name of two or three
    capitalised words elsewhere in the document whose last word (first, after Sir or Dame) is the one after
    the honorific; a country adjective before "counterpart" gives the country ("his Kenyan counterpart
    William Ruto")."""
    text = ctx.text
    out: dict[str, TitledPerson] = {}
    full = [m for m in re.finditer(rf"(?<![A-Za-z.]){EN_NAME}", text)]
    honorific, honorifics, before_given = _honorific()
    for m in honorific.finditer(text):
        hon, word = m.group(1), m.group(2)
        if word in stop:
            continue
        given_first = hon in before_given
        for f in full:
            words = f.group(0).split()
            if words[0] in honorifics:
                words = words[1:]          # "Sir Kaki Bena": the honorific is not part of the name
            if len(words) < 2 or (words[0] if given_first else words[-1]) != word or any(w in stop for w in words):
                continue
            name = " ".join(words)
            if name in taken or name in out or _known(ctx, name) or _known(ctx, word) or country_code(ctx, name):
                break
            cp = re.search(rf"({EN_COUNTRY})\s+counterparts?,?\s+(?:Mr\.?\s+|Ms\.?\s+)?{re.escape(name)}", text)
            country = country_code(ctx, cp.group(1)) if cp else None
            out[name] = TitledPerson(name, (name, word), None, country, "en", rule_id("en_honorific_surname"))
            break
    return list(out.values())


def discover(ctx: DocContext) -> list[TitledPerson]:
    """The titled people of a document that the people data does not know, in order of first mention."""
    return _ja(ctx) + _en(ctx)
