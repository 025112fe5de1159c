"""People, organisations, offices and countries, from ``data/people.json``.

One :class:`Gazetteer` answers the questions the extractors ask:

* which people, organisations and countries a sentence names, with offsets
  (:meth:`Gazetteer.mentions`); a name followed by a title (高市総理大臣,
  トランプ大統領, 石破首相) is one mention;
* who a title alone stands for on a date (総理, 同大統領, "the President"),
  preferring the people the document has already named (:meth:`Gazetteer.holder`);
* which country a person or organisation belongs to.

The file is validated on load; an invalid entry raises DataFileError naming it.
"""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafiles import load, read
from .errors import DataFileError
from .text import compile_large, first_char_gate

DATA = Path(__file__).parent / "data" / "people.json"
COUNTRIES = Path(__file__).parent / "data" / "countries.json"
TERRITORIES = Path(__file__).parent / "data" / "cldr_territories.json"
NAMED = "named:"     # id prefix of the people a document names with a title that the data lacks



@dataclass(frozen=True)
class Entity:
    id: str
    kind: str            # person, org, country
    country: str | None
    name_ja: str
    name_en: str
    terms: tuple[tuple[str, str, str | None], ...] = ()   # (office, from, to)

    def name(self, lang: str = "ja") -> str:
        return self.name_ja if lang == "ja" else self.name_en


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: str | None    # entity id; None for a title that could not be resolved
    kind: str             # person, org, country, title
    office: str | None = None


# English titles that may stand before a name and belong to the mention ("President Biden")
_EN_TITLE_WORDS = ("President", "Prime Minister", "Chancellor", "Premier", "Mr.", "Ms.", "Mrs.", "Secretary")
_EN_TITLE_PREFIX = ("(?:" + "|".join(re.escape(t) for t in _EN_TITLE_WORDS if t != "Secretary")
                    + r"|Secretary(?: of [A-Z][a-z]+)?)")      # Secretary of State
_STRIP_TITLE = re.compile(rf"^{_EN_TITLE_PREFIX}\s+")


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


class Gazetteer:
    def __init__(self, data: dict, source: str = "people.json", *, keep_compiled: bool = False):
        self.entities: dict[str, Entity] = {}
        self.office_titles: dict[str, tuple[str, ...]] = {}
        self._alias: list[tuple[str, str]] = []      # (alias, entity id)
        self._mention_cache: dict[tuple[str, int], tuple[Mention, ...]] = {}
        self._data, self._source = data, source
        self._cldr = frozenset(data.get("cldr_countries") or ())   # countries added from the CLDR names
        self.base = self        # the gazetteer of the people data itself (``with_people`` keeps it)
        # the bundled data's patterns are kept compiled between processes (text.compile_large); those of a
        # document's extra people, one set per document, are not
        self._compile = compile_large if keep_compiled else re.compile
        self._load(data, source)
        self._build()

    # -- loading -------------------------------------------------------------
    def _load(self, data: dict, source: str) -> None:
        if not isinstance(data, dict) or not isinstance(data.get("people"), list):
            raise DataFileError(f"{source}: expected an object with a 'people' list; see data/people.json")
        for oid, titles in (data.get("offices") or {}).items():
            if not isinstance(titles, dict):
                raise DataFileError(f"{source}: office '{oid}' must map 'ja'/'en' to lists of titles")
            self.office_titles[oid] = tuple(titles.get("ja", [])) + tuple(titles.get("en", []))
        for code, names in (data.get("countries") or {}).items():
            if not re.fullmatch(r"[A-Z]{2}", code) or not isinstance(names, dict):
                raise DataFileError(f"{source}: country '{code}' must be an ISO alpha-2 code mapping to names")
            ja, en = list(names.get("ja", [])), list(names.get("en", []))
            self.entities[f"country:{code}"] = Entity(f"country:{code}", "country", code,
                                                      ja[0] if ja else code, en[0] if en else code)
            for a in ja + en:
                self._alias.append((a, f"country:{code}"))
        people = list(data["people"])
        for i, item in enumerate(people + list(data.get("orgs") or [])):
            if i == len(people):      # where a document's extra people go (``with_people``): before the orgs
                self._people_end = (len(self._alias), len(self.entities))
            pid = item.get("id") if isinstance(item, dict) else None
            names = item.get("names") if isinstance(item, dict) else None
            if not pid or not isinstance(names, dict) or not (names.get("ja") or names.get("en")):
                raise DataFileError(f"{source}: entry {i} ({pid or 'no id'}) needs an 'id' and 'names' with 'ja'/'en'")
            terms = []
            for t in item.get("terms") or []:
                if t.get("office") not in self.office_titles:
                    raise DataFileError(f"{source}: {pid}: unknown office '{t.get('office')}'; add it to 'offices'")
                terms.append((t["office"], t.get("from") or "0000-00-00", t.get("to")))
            ja, en = list(names.get("ja", [])), list(names.get("en", []))
            self.entities[pid] = Entity(pid, item.get("kind", "person"), item.get("country"),
                                        ja[0] if ja else en[0], en[0] if en else ja[0], tuple(terms))
            for a in ja + en:
                self._alias.append((a, pid))
        if not hasattr(self, "_people_end"):
            self._people_end = (len(self._alias), len(self.entities))

    def _build(self) -> None:
        # Free-text search skips one-character aliases (日, 米): they only make sense inside compounds.
        # the CLDR-only countries have a pattern of their own, built once per people data (_cldr_re); a
        # document's extra people have one of their own names (``_incremental``)
        aliases = sorted({a for a, e in self._alias if len(a) > 1 and not self._is_cldr(e)}, key=len, reverse=True)
        self._by_alias = {}
        org_keys = set()           # the keys an org's alias sets first: an extra person's alias goes before
        orgs_from = self._people_end[0]
        for i, (a, e) in enumerate(self._alias):
            for k in _alias_keys(a):
                if k not in self._by_alias:
                    self._by_alias[k] = e
                    if i >= orgs_from:
                        org_keys.add(k)
        self._org_keys = frozenset(org_keys)
        # longest first, and of one length in a fixed order (not a set's, which changes from one process to the
        # next): two names of one length in a text then resolve the same way in every process
        self._long_aliases = sorted({(_nfkc(a).lower(), e) for a, e in self._alias if len(a) > 1}, key=_longest)
        self._lookups: dict[str, str | None] = {}
        # longest first, titles of one length in a fixed order (not a set's, which changes from one process to
        # the next): the patterns are then the same string in every process, and the pattern cache finds them
        titles = sorted({t for ts in self.office_titles.values() for t in ts}, key=lambda t: (-len(t), t))
        ja_titles = [re.escape(t) for t in titles if not t.isascii()]
        self._ja_titles = ja_titles
        pattern, names = _name_pattern(aliases, ja_titles)
        self._name_re = self._compile(pattern) if pattern else None
        self._extra_re = None            # a document's extra people's names (``with_people``)
        self._pattern_names = names      # the names the pattern finds (English ones in capitals too)
        self._affixes = _affixes(ja_titles)
        # one-character family names (習, 李, 菅) only with a title right after them: 習主席, 李首相
        self._single_re = _single_pattern(self._alias, self.entities, ja_titles)
        self._title_re = re.compile(
            r"(?:(?:同|米国|米|日本国?|英国|英|仏|印|韓国|韓|中国|露|豪|独)?(?:" + "|".join(ja_titles) + r"))"
            r"|(?:[Tt]he (?:U\.S\. |US |American |Japanese |British |French |Indian |Korean )?"
            r"(?:President|Prime Minister|Chancellor))")
        self._title_office = {}
        for oid, ts in self.office_titles.items():
            for t in ts:
                self._title_office.setdefault(t.lower(), oid)

    def _is_cldr(self, entity: str) -> bool:
        return entity.startswith("country:") and entity[8:] in self._cldr

    @property
    def _cldr_re(self) -> re.Pattern | None:
        """The names of the CLDR-only countries (Japanese, and English on word boundaries), longest first."""
        if "_cldr_pattern" not in self.__dict__:
            names = sorted({a for a, e in self._alias if len(a) > 1 and self._is_cldr(e)}, key=len, reverse=True)
            ja = [a for a in names if not a.isascii()]
            en = sorted({a for a in names if a.isascii()} | {a.upper() for a in names
                                                             if a.isascii() and " " not in a and len(a) > 3},
                        key=len, reverse=True)
            alts = "|".join(x for x in (trie_pattern(ja), rf"\b(?:{trie_pattern(en)})\b" if en else "") if x)
            prefix, tail = self._affixes        # the titles and honorifics a name's mention takes
            self._cldr_pattern = self._compile(first_char_gate(list(_EN_TITLE_WORDS) + ja + en)
                                            + rf"{prefix}(?:{alts})(?:{tail})?") if alts else None
        return self._cldr_pattern

    def with_people(self, entries: tuple[dict, ...]) -> Gazetteer:
        """This gazetteer and some people more (people.json entries): the people one document names with a
        title that the data does not know. Its countries and offices are this one's."""
        if not entries:
            return self
        return _extended(self.base, tuple(sorted(entries, key=lambda e: e["id"])))

    # -- queries -------------------------------------------------------------
    def aliases(self) -> list[tuple[str, str]]:
        """Every (alias, entity id) pair, one-character country abbreviations (日, 米) included."""
        return list(self._alias)

    def abbreviations(self) -> dict[str, str]:
        """One-character country abbreviations used in compounds (日米, 日英): character -> ISO code."""
        return {a: self.entities[e].country for a, e in self._alias
                if len(a) == 1 and self.entities[e].kind == "country"}

    def lookup(self, name: str) -> str | None:
        """Entity id for a name or alias (longest alias contained in it); answers are memoised."""
        if name in self._lookups:
            return self._lookups[name]
        n = _nfkc(name).lower()
        found = self._by_alias.get(n)
        if found is None:
            for al, e in self._long_aliases:      # longest first: the first contained alias wins
                if al in n and (not al.isascii() or re.search(rf"(?<![a-z]){re.escape(al)}(?![a-z])", n)):
                    found = e                     # "eu" is not in "Park Geun-hye"
                    break
        if len(self._lookups) < 100_000:
            self._lookups[name] = found
        return found

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Named people, organisations and countries in a text (longest first, no overlaps)."""
        cache = self._mention_cache
        key = (text, offset)
        found = cache.get(key)
        if found is None:
            found = tuple(self._mentions(text, offset))
            if len(cache) >= 20_000:          # bounded, even for one very long document
                cache.clear()
            cache[key] = found
        return list(found)

    def clear_cache(self) -> None:
        """Forget the texts read so far (a new document's extraction starts afresh)."""
        self._mention_cache.clear()

    def _mentions(self, text: str, offset: int) -> list[Mention]:
        out: list[Mention] = []
        if self._name_re or self._extra_re:
            for m in self._name_matches(text):
                surface = m.group(0)
                ent = self.lookup(_strip_title(surface))
                if ent is None:
                    continue
                if surface.isascii() and " " not in surface and re.match(r"\s*\d", text[m.end():m.end() + 3]):
                    continue      # "May 18, 2023" is a date, not Theresa May
                e = self.entities[ent]
                if e.kind == "person" or e.kind == "org" or (
                        _country_ok(text, m.start(), m.end(), surface)
                        and (e.country not in self._cldr or _cldr_country_ok(text, m.start(), surface))):
                    out.append(Mention(offset + m.start(), offset + m.end(), surface, ent, e.kind))
        cldr = self.base._cldr_re
        if cldr:
            named = list(out)
            for m in cldr.finditer(text):
                inside = [x for x in named if x.start - offset < m.end() and m.start() < x.end - offset]
                if any(x.kind != "country" or x.end - x.start >= m.end() - m.start() for x in inside):
                    continue     # a person's name or a longer country name holds it
                ent = self.lookup(_strip_title(m.group(0)))
                if ent and _country_ok(text, m.start(), m.end(), m.group(0)) \
                        and _cldr_country_ok(text, m.start(), m.group(0)):
                    out = [x for x in out if x not in inside]     # American Samoa, not American + Samoa
                    out.append(Mention(offset + m.start(), offset + m.end(), m.group(0), ent, "country"))
            out.sort(key=lambda x: x.start)
        if self._single_re:
            for m in self._single_re.finditer(text):
                if any(x.start - offset <= m.start() < x.end - offset for x in out):
                    continue
                ent = self._single_holder(m.group(1), m.group(2))
                if ent:
                    out.append(Mention(offset + m.start(), offset + m.end(), m.group(0), ent, "person"))
            out.sort(key=lambda x: x.start)
        return out

    def _name_matches(self, text: str):
        """The matches of the name pattern: the people data's, and with a document's extra people the matches
        one pattern of all their names would give. Both patterns scan the text; where one match starts first it
        is that pattern's, and where both start at one place the two names decide as the one pattern's trie and
        alternation would (``_resolve``); the scan goes on after the match, as ``finditer`` does."""
        base, extra = self._name_re, self._extra_re
        mx = extra.search(text) if extra else None
        if mx is None:
            yield from base.finditer(text) if base else ()
            return
        if base is None:
            yield from extra.finditer(text)
            return
        mb = base.search(text)
        while mb is not None or mx is not None:
            if mx is None or (mb is not None and mb.start() < mx.start()):
                m = mb
            elif mb is None or mx.start() < mb.start():
                m = mx
            else:
                m = self._resolve(text, mb)
            yield m
            pos = m.end()
            if mb is not None and mb.start() < pos:
                mb = base.search(text, pos)
            if mx is not None and mx.start() < pos:
                mx = extra.search(text, pos)

    def _resolve(self, text: str, mb: re.Match) -> re.Match:
        """The match of one pattern of all the names where the people data's match ``mb`` and an extra
        person's start at one place: the pattern of the extra names and the data's names written inside
        ``mb`` (the data's name of that match is one of them; a name the data's pattern does not find at a
        place cannot win there), matched at that place."""
        seg = mb.group(0)
        inside = {seg[i:j] for i in range(len(seg)) for j in range(i + 2, len(seg) + 1)} & self.base._pattern_names
        return _small_re(_name_pattern(tuple(sorted(inside | self._extra_names)), tuple(self._ja_titles))[0]) \
            .match(text, mb.start())

    def _single_holder(self, alias: str, title: str) -> str | None:
        """習主席 → the person whose one-character alias is 習 and who held an office with that title."""
        office = self._title_office.get(title.lower())      # None for 氏: any office
        cands = [e for a, e in self._alias if a == alias and self.entities[e].kind == "person"]
        with_office = [e for e in cands if office is None or any(t[0] == office for t in self.entities[e].terms)]
        pick = with_office or cands
        return pick[0] if len(pick) == 1 else None

    def titles(self, text: str, offset: int = 0) -> list[Mention]:
        """Titles standing alone (総理, 同大統領, the President), unresolved."""
        out = []
        for m in self._title_re.finditer(text):
            t = m.group(0)
            core = re.sub(r"^(?:同|米国|米|日本国?|英国|英|仏|印|韓国|韓|中国|露|豪|独)", "", t)
            core = re.sub(r"^[Tt]he (?:U\.S\. |US |American |Japanese |British |French |Indian |Korean )?", "", core)
            office = self._title_office.get(core.lower())
            out.append(Mention(offset + m.start(), offset + m.end(), t, None, "title", office))
        return out

    def holder(self, office: str, date: str | None, *, country: str | None = None,
               prefer: tuple[str, ...] = ()) -> str | None:
        """Who held an office on a date; among several (two presidents), the first of ``prefer``."""
        cands = []
        for e in self.entities.values():
            if country and e.country != country:
                continue
            for off, start, end in e.terms:
                if off == office and (date is None or (start <= date and (end is None or date <= end))):
                    cands.append(e.id)
                    break
        # a holder the document itself names with the title (``with_people``) is who the title stands for
        # there, before anyone the data says held the office then
        own = [c for c in cands if c.startswith(NAMED)]
        if len(own) == 1:
            return own[0]
        for p in prefer:
            if p in cands:
                return p
        return cands[0] if len(cands) == 1 else None

    def country_of(self, entity: str | None) -> str | None:
        if entity is None:
            return None
        e = self.entities.get(entity)
        return e.country if e else None

    def name(self, entity: str, lang: str = "ja") -> str:
        return self.entities[entity].name(lang)

    def office_at(self, entity: str, date: str | None) -> str | None:
        e = self.entities.get(entity)
        for off, start, end in (e.terms if e else ()):
            if date is None or (start <= date and (end is None or date <= end)):
                return off
        return None


@lru_cache(maxsize=32)
def _extended_cached(base: Gazetteer, key: str) -> Gazetteer:
    entries = json.loads(key)
    data = {**base._data, "people": list(base._data["people"]) + entries}
    g = _incremental(base, data, entries)
    if g is None:
        g = Gazetteer(data, base._source)
        g.base = base
    return g


def _incremental(base: Gazetteer, data: dict, entries: list) -> Gazetteer | None:
    """The gazetteer of the people data and a document's extra people, built from the data's gazetteer:
    the same as ``Gazetteer(data)`` (aliases, entities and lookups in the same order; the mentions a pattern
    of all the names finds, ``_name_matches``), where only the extra people's names make a pattern. None
    where an extra entry shares an id with the data (the whole gazetteer is then built again)."""
    extra = Gazetteer.__new__(Gazetteer)
    extra.office_titles = base.office_titles
    extra.entities, extra._alias = {}, []
    Gazetteer._load(extra, {"people": entries}, base._source)     # validates the entries as the data's
    if any(pid in base.entities for pid in extra.entities):
        return None
    g = Gazetteer.__new__(Gazetteer)
    g.__dict__.update({k: v for k, v in base.__dict__.items() if not k.startswith("_cldr_pattern")})
    g._data, g.base, g._compile = data, base, re.compile
    g._mention_cache, g._lookups = {}, {}
    na, ne = base._people_end
    g._alias = base._alias[:na] + extra._alias + base._alias[na:]
    items = list(base.entities.items())
    g.entities = dict(items[:ne])
    g.entities.update(extra.entities)
    g.entities.update(items[ne:])
    g._people_end = (na + len(extra._alias), len(g.entities) - (len(items) - ne))
    # the first alias of a key wins: an extra person's over the orgs' (they come after the people)
    by_alias = dict(base._by_alias)
    org_keys = base._org_keys
    for a, e in extra._alias:
        for k in _alias_keys(a):
            if k not in by_alias or k in org_keys:
                by_alias[k] = e
                org_keys = org_keys - {k} if k in org_keys else org_keys
    g._by_alias = by_alias
    g._org_keys = frozenset(org_keys)
    g._long_aliases = list(base._long_aliases)      # in the order a whole build sorts them (_longest)
    for pair in sorted({(_nfkc(a).lower(), e) for a, e in extra._alias if len(a) > 1}, key=_longest):
        i = bisect.bisect_left(g._long_aliases, _longest(pair), key=_longest)
        if i == len(g._long_aliases) or g._long_aliases[i] != pair:
            g._long_aliases.insert(i, pair)
    names = {a for a, _ in extra._alias if len(a) > 1}
    pattern, g._extra_names = _name_pattern(tuple(sorted(names)), tuple(base._ja_titles))
    g._extra_re = re.compile(pattern) if pattern else None
    if any(len(a) == 1 and not a.isascii() for a, _ in extra._alias):
        g._single_re = _single_pattern(g._alias, g.entities, base._ja_titles)
    return g


def _extended(base: Gazetteer, entries: tuple[dict, ...]) -> Gazetteer:
    return _extended_cached(base, json.dumps(entries, ensure_ascii=False, sort_keys=True))


def _longest(pair: tuple[str, str]) -> tuple[int, str, str]:
    return -len(pair[0]), pair[0], pair[1]


def _alias_keys(alias: str) -> tuple[str, ...]:
    """The keys an alias has in the lookup: its NFKC lower case, and an English one-word name's capitals."""
    if alias.isascii() and " " not in alias and len(alias) > 3:
        return _nfkc(alias).lower(), alias.upper().lower()
    return (_nfkc(alias).lower(),)


def _affixes(ja_titles: list[str]) -> tuple[str, str]:
    """The English titles before a name and the Japanese titles and honorifics after it that belong to a
    name's mention, as patterns."""
    # Honorifics and titles that may follow a name and belong to the mention.
    tail = "|".join(list(ja_titles) + ["氏", "さん", "元首相", "元総理大臣", "前首相", "前大統領", "元大統領", "首相"])
    return rf"(?:{_EN_TITLE_PREFIX}\s+)?", tail


def _name_pattern(aliases, ja_titles) -> tuple[str, frozenset]:
    """The pattern of a name's mention (a title before it, a title or an honorific after it) for some names,
    and the names it finds ("" where there is none)."""
    ja_aliases = [a for a in aliases if not a.isascii()]
    en_aliases = [a for a in aliases if a.isascii()]
    # English names also in capitals, as MOFA writes them (KISHIDA Fumio)
    en_aliases = sorted(set(en_aliases) | {a.upper() for a in en_aliases if " " not in a and len(a) > 3},
                        key=len, reverse=True)
    name = "|".join(x for x in (trie_pattern(ja_aliases),
                                rf"\b(?:{trie_pattern(en_aliases)})\b" if en_aliases else "") if x)
    if not name:
        return "", frozenset()
    prefix, tail = _affixes(ja_titles)
    # a mention starts with a title's or a name's first character: the lookahead lets every other
    # position fail on one set test instead of trying the title and the whole trie
    gate = first_char_gate(list(_EN_TITLE_WORDS) + ja_aliases + en_aliases)
    return rf"{gate}{prefix}(?:{name})(?:{tail})?", frozenset(ja_aliases) | frozenset(en_aliases)


@lru_cache(maxsize=256)
def _small_re(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _single_pattern(alias: list[tuple[str, str]], entities: dict[str, Entity], ja_titles: list[str]):
    """One-character family names (習, 李, 菅) only with a title right after them: 習主席, 李首相."""
    singles = sorted({a for a, _ in alias if len(a) == 1 and not a.isascii()
                      and not entities.get(_first(alias, a), Entity("", "country", None, "", "")).kind
                      == "country"})
    return re.compile("(" + "|".join(map(re.escape, singles)) + ")(" + "|".join(list(ja_titles) + ["氏"]) + ")") \
        if singles and ja_titles else None


def _first(pairs: list[tuple[str, str]], alias: str) -> str:
    return next(e for a, e in pairs if a == alias)


_ESCAPED: dict[str, str] = {}     # character -> re.escape of it (a trie escapes each node's character)


def trie_pattern(words: list[str]) -> str:
    """One regex for many literal words, nested as a trie (Python's re tries alternatives one by one, so a
    flat alternation of a thousand names is slow; a trie shares their prefixes). Longest match first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    esc = _ESCAPED

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(node):
            if ch:
                e = esc.get(ch)
                if e is None:
                    e = esc[ch] = re.escape(ch)
                alts.append(e + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


def _strip_title(surface: str) -> str:
    return _STRIP_TITLE.sub("", surface)


def _country_ok(text: str, start: int, end: int, surface: str) -> bool:
    """A country name inside a longer word (日本製鉄, 米国債) is not a country mention."""
    if surface.isascii():
        return True
    nxt = text[end:end + 1]
    return not (nxt and re.match(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z]", nxt) and not re.match(
        r"[側政府は]", nxt))


def _cldr_country_ok(text: str, start: int, surface: str) -> bool:
    """A CLDR-only country's Japanese name is no mention inside a katakana word (アマリ: マリ) nor with an
    honorific after it (マリ氏 is a person)."""
    if surface.isascii():
        return True
    return not (start and re.match(r"[\u30a1-\u30fa\u30fc]", text[start - 1])) and not re.search(
        r"(?:氏|さん)$", surface)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer (loaded once per process)."""
    return Gazetteer(with_cldr_countries(read("people.json")), str(DATA), keep_compiled=True)


def with_cldr_countries(data: dict) -> dict:
    """People data with every CLDR territory it lacks as a country (data/countries.json): the Japanese and
    English CLDR names and the English adjectives the demonym suffixes make (Kenyan, Senegalese). The
    countries the data has keep their names; the excluded codes and names of countries.json stay out."""
    sufs = load("titled.json", ("en_demonym_suffixes",))["en_demonym_suffixes"]
    skip, banned = cldr_exclusions()
    have = dict(data.get("countries") or {})
    taken = {a for names in have.values() for a in names.get("ja", []) + names.get("en", [])}
    ja_names, en_names = cldr_territories("ja"), cldr_territories("en")
    new = sorted(c for c in en_names if len(c) == 2 and c.isalpha() and c not in skip and c not in have)
    adjectives: dict[str, list[str]] = {}      # code -> its adjectives
    for a, c in demonyms({c: en_names[c] for c in new}, sufs).items():
        adjectives.setdefault(c, []).append(a)
    extra = {}
    for code in new:
        names = [n for n in (ja_names.get(code), en_names[code]) if n]
        names += sorted(adjectives.get(code, ()))
        names = [n for n in dict.fromkeys(names) if n not in banned and n not in taken]
        if names:
            extra[code] = {"ja": [n for n in names if not n.isascii()], "en": [n for n in names if n.isascii()]}
    return {**data, "countries": {**have, **extra}, "cldr_countries": sorted(extra)}


def cldr_territories(lang: str) -> dict[str, str]:
    """The CLDR's name of every territory code in ``lang`` ("ja" or "en"), in the CLDR's order: Babel's
    ``Locale(lang).territories``, written to data/cldr_territories.json by scripts/cldr_territories.py so
    that no extraction loads Babel's locale data. Callers share the dict and must not change it."""
    return load(TERRITORIES.name, ("ja", "en"))[lang]


@lru_cache(maxsize=1)
def cldr_exclusions() -> tuple[frozenset, frozenset]:
    """The CLDR codes that are no country and the names that are never a country by themselves
    (data/countries.json): read by the gazetteer and by the event's country names alike."""
    rules = load(COUNTRIES.name, ("exclude_codes", "exclude_names"))
    return (frozenset(c for r in rules["exclude_codes"] for c in r["codes"]),
            frozenset(n for r in rules["exclude_names"] for n in r["names"]))


def demonyms(names: dict[str, str], suffixes: list[str]) -> dict[str, str]:
    """English adjectives of one-word country names (Kenya → Kenyan) by the demonym suffixes; an adjective
    two names make is the longer name's (Nigerian: Nigeria, not Niger)."""
    out: dict[str, str] = {}
    for code, name in sorted(names.items(), key=lambda kv: len(kv[1])):
        if " " in name:
            continue
        stem = name[:-1] if name[-1] in "aeiouy" else name
        for base in {name, stem}:
            for s in suffixes:
                out[base + s] = code
    return out
