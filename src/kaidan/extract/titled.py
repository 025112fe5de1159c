"""People the people data does not know, recognised by the title written next to their name.

A leader or foreign minister the data lacks is still named the way every readout names one: a name with
an office title beside it. Each person found here joins the document's gazetteer (``Gazetteer.with_people``)
as a holder of that office on the document's date, so the stages after it (subjects, speakers, the event's
leaders and countries, meeting participants) treat them as they treat a known person.

Rules (each person found carries the id of the rule that found them):

* ``kaidan.person.ja_name_title.v1``: Japanese, a name Sudachi tags 人名 (or a run of katakana with a
  middle dot, as foreign names are written) followed by an office title, with a country name before it
  (ケニアのルト大統領) or between the name and the title (文在寅韓国大統領); 内閣総理大臣 / 総理大臣 / 総理
  with no country name is Japan's, and so is 首相 after a kanji name with no country name (the Japanese press
  writes a foreign leader with the country: スターマー英首相, 中国の李強首相); 元 / 前 before the title is a
  former holder: a person who holds no office now. A kanji name Sudachi does not tag is still one between a
  country's の and a title (中国の芮承煥国家主席); a three-kanji Chinese or Korean name has a one-kanji family
  name (芮氏). The family name is the first 人名 token of a kanji name, and each
  part of a dotted katakana name that the text also writes with a title (ルト大統領) or 氏.
* ``kaidan.person.en_title_name.v1``: English, a title before a capitalised name of two or three words
  ("Kenyan President William Ruto", "President William Ruto of Kenya", "Kenya's President William Ruto",
  "President Lena von der Maroto", MOFA's "Prime Minister SERIZAWA Seiji").
* ``kaidan.person.en_name_apposition.v1``: English, a name set off by a comma before its title
  ("William Ruto, the Kenyan president", "William Ruto, President of Kenya").

An English country adjective is read from the CLDR country names by the English demonym suffixes
(Kenya → Kenyan, Chile → Chilean, Senegal → Senegalese): a grammar fact, not a list of countries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..people import NAMED
from ..text import first_char_gate
from .context import DocContext
from .dating import LEADER_OFFICES
from .lexicon import load

RULE_JA = "kaidan.person.ja_name_title.v1"
RULE_EN = "kaidan.person.en_title_name.v1"
RULE_EN_APPOSITION = "kaidan.person.en_name_apposition.v1"
OFFICES = LEADER_OFFICES | {"foreign_minister", "vice_president"}
KATA_DOTTED = re.compile(r"^[ァ-ヴー]+(?:[・＝=][ァ-ヴー]+)+$")
KATA_RUN = re.compile(r"^[ァ-ヴー]{3,}$")
KANJI_NAME = re.compile(r"^[一-龥々]{2,5}$")
ONE_KANJI_FAMILY = {"CN", "KR", "KP", "TW", "HK", "MO"}
# a given name and a family name (with von / de … before it), or MOFA's FAMILY Given
EN_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
EN_NAME = (rf"(?:[A-Z]{{2,}}\s{EN_WORD}|{EN_WORD}(?:\s(?:(?:von|van|de|der|den|da|del|dos|bin|al)\s)*{EN_WORD}){{1,2}})"
           r"(?![A-Za-z])")
EN_COUNTRY = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"


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
    return load("titled.json", ("ja_titles_of_japan", "ja_honorifics", "en_demonym_suffixes", "en_not_names"))


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
    return re.compile("|".join(map(re.escape, ja))), re.compile(rf"(?i:{en_re})"), office_of


@lru_cache(maxsize=4)
def _demonyms() -> dict[str, str]:
    """English country adjectives made from the CLDR names by the demonym suffixes: Kenyan → KE."""
    from babel import Locale

    out: dict[str, str] = {}
    sufs = _data()["en_demonym_suffixes"]
    for code, name in Locale("en").territories.items():
        if len(code) != 2 or not code.isalpha() or " " in name:
            continue
        stem = name[:-1] if name[-1] in "aeiouy" else name
        for base in {name, stem}:
            for s in sufs:
                out.setdefault(base + s, code)
    return out


def country_code(ctx: DocContext, word: str | None) -> str | None:
    """The country a name or adjective stands for: the people data's and CLDR names, then demonyms."""
    if not word:
        return None
    from .event import _country_words

    names = _country_words(ctx.gaz)[2]
    w = word.strip()
    return names.get(w) or names.get(re.sub(r"^the\s+", "", w, flags=re.I)) or _demonyms().get(w)


def _known(ctx: DocContext, name: str) -> bool:
    return bool(ctx.gaz.mentions(name)) or ctx.gaz.lookup(name) is not None


@lru_cache(maxsize=4)
def _ja_country_patterns(gaz) -> tuple[re.Pattern, re.Pattern]:
    """Compiled once per people data: a country name (and の) that ends the text before a name, and a
    country name, の, a kanji name and a title (中国の芮承煥国家主席), opening with the lookahead on the
    country names' first characters."""
    from .event import _country_words

    cw_ja, _, cnames = _country_words(gaz)
    title_re = _titles_of(gaz)[0]
    starts = first_char_gate([n for n in cnames if not n.isascii()])
    return (re.compile(r"(?<![一-龥])(" + cw_ja.pattern + r")の?$"),
            re.compile(rf"{starts}(?<![一-龥])({cw_ja.pattern})の([一-龥]{{2,4}}?)({title_re.pattern})"))


def _ja(ctx: DocContext) -> list[TitledPerson]:
    title_re, _, office_of = _titles(ctx.gaz)
    country_before, country_name_title = _ja_country_patterns(ctx.gaz.base)
    from .event import _country_words

    cw_ja, _, cnames = _country_words(ctx.gaz)
    japan = set(_data()["ja_titles_of_japan"])
    found: dict[str, TitledPerson] = {}
    for s in ctx.sentences:
        if s.lang != "ja" or not title_re.search(s.text):
            continue
        toks = ctx.tokens(s)
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and (toks[j].pos3 == "人名" or (j > i and toks[j].text in ("・", "＝"))):
                j += 1
            run = toks[i:j]
            tok = toks[i]
            if not run and (KATA_DOTTED.match(tok.text) or (tok.pos == "名詞" and tok.pos3 != "地名"
                                                            and KATA_RUN.match(tok.text))):
                run, j = [tok], i + 1
            if not run:
                i += 1
                continue
            name = ctx.text[run[0].start:run[-1].end].strip("・＝")
            after = ctx.text[run[-1].end:run[-1].end + 24]
            between = cw_ja.match(after)
            rest = after[between.end():] if between else after
            former = re.match(r"[元前故]", rest)
            t = title_re.match(rest, 1 if former else 0)
            if t and len(name) >= 2 and not _known(ctx, name) and name not in cnames:
                before = ctx.text[max(s.start, run[0].start - 12):run[0].start]
                pre = country_before.search(before)
                country = cnames.get(between.group(0)) if between else (cnames.get(pre.group(1)) if pre else None)
                if country is None and (t.group(0) in japan or (t.group(0) == "首相" and KANJI_NAME.match(name))):
                    country = "JP"     # 総理 is Japan's; the Japanese press writes a foreign 首相 with the country
                family = _ja_family(ctx, name, run, country)
                found.setdefault(name, TitledPerson(name, (name,) + family,
                                                    None if former else office_of[t.group(0).lower()],
                                                    country, "ja", RULE_JA))
            i = max(j, i + 1)
        # 中国のX国家主席: a kanji name Sudachi does not know, between a country and の and a title
        for m in country_name_title.finditer(s.text):
            name, country = m.group(2), cnames.get(m.group(1))
            if name in found or name in cnames or _known(ctx, name) or len(m.group(1)) < 2:
                continue
            found[name] = TitledPerson(name, (name,) + _ja_family(ctx, name, [], country),
                                       office_of[m.group(3).lower()], country, "ja", RULE_JA)
    # 芹沢総理 after 芹沢征爾内閣総理大臣: a family name with a title is the person named in full, not another
    people = list(found.values())
    return [p for p in people if not any(p.name != q.name and (p.name in q.aliases or q.name.startswith(p.name))
                                         for q in people)]


def _ja_family(ctx: DocContext, name: str, run, country: str | None = None) -> tuple[str, ...]:
    """The family name(s) of a Japanese-written name, as the text uses them."""
    title_re = _titles(ctx.gaz)[0]
    hon = "|".join(map(re.escape, _data()["ja_honorifics"]))
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
    forward = re.compile(rf"(?:\b(?P<pre>{EN_COUNTRY})(?:['’]s)?\s+)?\b(?P<title>{t})\s+(?:(?:Shri|Mr\.|Ms\.|Mrs\.|Dr\.|H\.E\.)\s+)?(?P<name>{EN_NAME})\b"
                         rf"(?:\s+of\s+(?:the\s+)?(?P<post>{EN_COUNTRY}))?")
    apposition = re.compile(rf"\b(?P<name>{EN_NAME}),\s+(?:the\s+)?(?:(?P<pre>{EN_COUNTRY})(?:['’]s)?\s+)?"
                            rf"(?P<title>{t})\b(?:\s+of\s+(?:the\s+)?(?P<post>{EN_COUNTRY}))?")
    found: dict[str, TitledPerson] = {}
    for s in ctx.sentences:
        if s.lang == "ja":
            continue
        for rx, rule in ((forward, RULE_EN), (apposition, RULE_EN_APPOSITION)):
            for m in rx.finditer(s.text):
                name = m.group("name")
                words = name.split()
                if any(w in stop for w in words) or _known(ctx, name) or country_code(ctx, name):
                    continue
                title = re.sub(r"\s+", " ", m.group("title")).lower()
                if title not in office_of:
                    continue
                country = country_code(ctx, m.group("post")) or country_code(ctx, m.group("pre"))
                upper = [w for w in words if w.isupper()]
                surname = upper[0].title() if upper else words[-1]
                aliases = (name,) + ((surname,) if len(surname) >= 3 and surname not in stop else ())
                found.setdefault(name, TitledPerson(name, aliases, office_of[title], country, "en", rule))
    return list(found.values())


def discover(ctx: DocContext) -> list[TitledPerson]:
    """The titled people of a document that the people data does not know, in order of first mention."""
    return _ja(ctx) + _en(ctx)
