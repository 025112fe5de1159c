"""Content words of a fact's wording as keys comparable across Japanese and English.

A Japanese wording is read into Sudachi lemmas (through :mod:`kaidan.nlp`); each content lemma (noun, verb,
adjective, adjectival noun) is one *unit* whose keys are the lemma itself and the stems of its English
glosses in JMdict (``jamdict`` with the ``jamdict-data`` database: 非核化 → denuclearization, 連携 →
cooperation, coordination, link). An English wording is one unit per content word, keyed by its stem. Two
wordings then share a unit when a unit's keys meet the other side's keys, whatever the languages: 連携 and
協力 meet through "cooperation" as 非核化 meets "denuclearization".

Lookups are cached per lemma (a JMdict lookup costs about a millisecond) and profiles per text, so a
fact's units are computed once however often it is compared. When the dictionary cannot be loaded, units
are the lemmas alone (same-language matching still works). A proper noun, or a word JMdict lacks, also gets
its Hepburn romanisation (``pykakasi``: 尖閣 → senkaku) as a key, so names match their English spelling.

A key is not always enough for two units to be one word (:func:`meets`). A compound (拉致問題 "abduction
issue") shares its head's glosses with every other compound on that head (請求権問題, "claims issue"): it
meets another word through its head alone only when its modifier meets the other wording too, or the other
word is the bare head itself with no noun before it (問題 in その問題, "the issue"). A word glossed by a
phrase (李 "Japanese plum") does not meet another through the phrase's modifier alone.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..text import lang as text_lang
from ..text import norm

# Words that carry no point of their own in a summit readout; they still count, at GENERIC_WEIGHT.
GENERIC_WORDS = frozenset("""
japan japanese china chinese korea korean india indian unite state america american us two both side leader
prime minister president country nation bilateral relation relationship tie meet meeting summit talk
discuss discussion agree agreement confirm say said state statement also further each other will would
shall make made hold held take issue matter field area way new first import important view exchange
cooperation cooperate work together government official visit
""".split())
GENERIC_JA = frozenset("両国 両首脳 首脳 会談 問題 総理 首相 大統領 大臣 日本 中国 韓国 インド 米国 日 中 韓 印 米 関係 協力 一致 確認 述べる "
                       "する いる ある なる できる いう こと もの ため よう 等 など 旨 考え 重要 意見 交換 二国 国 両 政府 "
                       "行う 表明 共有 今回 今後 引き続き 訪問 同 氏".split())
GENERIC_WEIGHT = 0.25
STOP = frozenset("""
a an the of to in on at for with by from and or but as that this these those it its is are was were be been
being has have had do does did not no than then so such which who whom whose what when where while into onto
about over under between among through during after before since until up down out off again very more most
their his her our your my they them he she we you i there here all any some can may might must should could
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]|[A-Za-z]")
_PAREN = re.compile(r"\([^)]*\)")
CONTENT_POS = ("名詞", "動詞", "形容詞", "形状詞")
SKIP_POS2 = ("数詞", "非自立可能", "代名詞")
# 日韓, 韓米, 日中: a compound of countries' one-character names names the countries, as generic as they are
COUNTRY_CHARS = frozenset("日中韓米印英仏独露豪加朝台伊越比")


def stem(word: str) -> str:
    """A light English stemmer: plurals, -ing, -ed, -ation/-ize families folded (denuclearization ~ denuclearize),
    adjectives and their nouns (regional ~ region, stability ~ stable)."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    for suf, rep in (("isation", "iz"), ("ization", "iz"), ("ational", "ate"), ("ional", "ion"), ("ility", "le"), ("ations", "ate"), ("ation", "ate"),
                     ("ising", "iz"), ("izing", "iz"), ("ised", "iz"), ("ized", "iz"), ("ise", "iz"), ("ize", "iz"),
                     ("ities", "ity"), ("ies", "y"), ("ness", ""), ("ments", ""), ("ment", ""), ("ing", ""), ("ed", ""),
                     ("es", "e"), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not (suf == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: len(w) - len(suf)] + rep
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return _base(w)


ADJ_MIN = 5     # letters an adjective in -ic / -ical or a noun in -y keeps when folded to its base


def _base(w: str) -> str:
    """An adjective in -ic / -ical and its noun in -y share a base (strategic ~ strategy, economic ~ economy,
    historical ~ history), so an English adjective meets the JMdict gloss of a Japanese noun (戦略 "strategy")."""
    for suf in ("ical", "ic"):
        if w.endswith(suf) and len(w) - len(suf) >= ADJ_MIN:
            return w[: -len(suf)]
    if w.endswith("y") and len(w) - 1 > ADJ_MIN and w[-2] not in "aeiou":
        return w[:-1]
    return w


GENERIC = frozenset(stem(w) for w in GENERIC_WORDS)   # compared as stems
# Light verbs and nouns that a gloss of several words uses around its content word (就任 "taking office",
# 訪問先 "place one visits"): alone they would meet "taking place" in an English wording.
GLOSS_LIGHT = frozenset(stem(w) for w in """
take taking took taken make making made get getting got give giving gave put putting do doing did done have
having go going went come coming keep keeping kept set setting one place thing person someone something way
""".split())


def _en_stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOP and len(w) > 1]


_local = threading.local()      # JMdict's SQLite connection serves only the thread that opened it
_gloss_cache: dict[str, tuple[frozenset[str], tuple[frozenset[str], ...]]] = {}
_gloss_lock = threading.Lock()
MAX_GLOSS_CACHE = 200_000


def _jamdict():
    jam = getattr(_local, "jam", False)
    if jam is False:
        try:
            from jamdict import Jamdict

            jam = Jamdict(memory_mode=False)
            jam.lookup("協力", strict_lookup=True, lookup_chars=False, lookup_ne=False)
            _local.ctx = jam.jmdict.ctx()
        except Exception:  # noqa: BLE001 — no dictionary: lemmas alone
            jam = None
        _local.jam = jam
    return jam


# The entries JMdict's strict lookup finds for a word written in kanji or kana (or glossed by it): the query
# ``jamdict`` itself runs, so the entries come in the same order.
_ENTRIES = ("SELECT idseq FROM Entry WHERE (idseq IN (SELECT idseq FROM Kanji WHERE text == ?) OR idseq IN "
            "(SELECT idseq FROM Kana WHERE text == ?) OR idseq IN (SELECT idseq FROM sense JOIN sensegloss ON "
            "sense.ID == sensegloss.sid WHERE text == ?))")
FIRST_ENTRIES, FIRST_SENSES, FIRST_GLOSSES = 2, 3, 4


def _gloss_texts(jam, lemma: str) -> list[str]:
    """The glosses :func:`glosses` reads: the first ``FIRST_GLOSSES`` of the first senses of the first entries.
    Only the senses and glosses of those entries are read (a whole ``jam.lookup`` entry is some 30 queries);
    a word that ``jamdict`` would read as a pattern (``%``, ``_``, ``@``, ``id#``) goes through its lookup."""
    if not lemma or lemma.startswith("id#") or any(ch in lemma for ch in "_@%"):
        res = jam.lookup(lemma, strict_lookup=True, lookup_chars=False, lookup_ne=False)
        return [g.text for entry in res.entries[:FIRST_ENTRIES] for sense in entry.senses[:FIRST_SENSES]
                for g in sense.gloss[:FIRST_GLOSSES]]
    ctx = _local.ctx
    out = []
    for (idseq,) in ctx.execute(_ENTRIES, (lemma, lemma, lemma)).fetchall()[:FIRST_ENTRIES]:
        for sense in ctx.Sense.select("idseq=?", (idseq,))[:FIRST_SENSES]:
            out.extend(g.text for g in ctx.SenseGloss.select("sid=?", (sense.ID,))[:FIRST_GLOSSES])
    return out


_Entry = tuple[frozenset[str], tuple[frozenset[str], ...], frozenset[str]]
_NO_GLOSS: _Entry = (frozenset(), (), frozenset())
# a gloss listing things ("Japan and South Korea") has no head: each of its words stands for itself
_COORD = re.compile(r"\b(?:and|or)\b|[,/&]", re.I)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    """English equivalents JMdict's first glosses miss (``data/lexicon_ja_en.json``: 意思疎通 → communication)."""
    from ..datafiles import load

    return {e["ja"]: tuple(e["en"]) for e in load("lexicon_ja_en.json", ("entries",))["entries"]}


def _gloss_entry(lemma: str) -> _Entry:
    """(:func:`glosses`, :func:`gloss_phrases`, :func:`gloss_modifiers`) of a lemma, looked up once and cached."""
    hit = _gloss_cache.get(lemma)
    if hit is not None:
        return hit
    jam = _jamdict()
    if jam is None:
        return _NO_GLOSS
    try:
        texts = _gloss_texts(jam, lemma) + list(_lexicon().get(lemma, ()))
    except Exception:  # noqa: BLE001 — a failed lookup is not cached
        return _NO_GLOSS
    out: set[str] = set()
    heads: set[str] = set()
    phrases: list[frozenset[str]] = []
    for text in texts:
        bare = _PAREN.sub(" ", text)
        words = _en_stems(bare)
        if len(_WORD.findall(bare)) > 1:      # "place one visits": its light words say nothing, unless
            words = [w for w in words if w not in GLOSS_LIGHT] or words   # they are all ("taking up")
        if len(words) <= 3:          # "Korean peninsula", not a definition
            out.update(words)
            # an English noun phrase ends in its head ("Japanese plum", "prime minister"); the words before
            # it only modify it, unless the gloss lists things
            heads.update(words if _COORD.search(bare) else words[-1:])
            if len(set(words)) > 1 and frozenset(words) not in phrases:
                phrases.append(frozenset(words))
    found = (frozenset(out), tuple(phrases), frozenset(out - heads))
    with _gloss_lock:
        if len(_gloss_cache) >= MAX_GLOSS_CACHE:
            _gloss_cache.clear()
        _gloss_cache[lemma] = found
    return found


def glosses(lemma: str) -> frozenset[str]:
    """English stems of the first senses of a Japanese lemma's first JMdict entries (cached per lemma)."""
    return _gloss_entry(lemma)[0]


def gloss_phrases(lemma: str) -> tuple[frozenset[str], ...]:
    """The glosses of :func:`glosses` that are phrases of two or three words, each as its set of stems
    (シャトル外交 "shuttle diplomacy", 意思疎通 "mutual understanding")."""
    return _gloss_entry(lemma)[1]


def gloss_modifiers(lemma: str) -> frozenset[str]:
    """The stems of :func:`glosses` that only ever modify another word of a gloss (李 "Japanese plum":
    "japanese"; 総理 "prime minister": "prime"), never stand as a gloss's head."""
    return _gloss_entry(lemma)[2]


@lru_cache(maxsize=1)
def _kakasi():
    try:
        import pykakasi

        return pykakasi.kakasi()
    except Exception:  # noqa: BLE001 — no romaniser: names match by their own script only
        return None


@lru_cache(maxsize=65536)
def romaji(word: str) -> str | None:
    """Hepburn romanisation of a Japanese word (尖閣 → senkaku), lower case, letters only."""
    k = _kakasi()
    if k is None:
        return None
    out = "".join(part["hepburn"] for part in k.convert(word))
    out = re.sub(r"[^a-z]", "", out.lower())
    return out or None


@lru_cache(maxsize=65536)
def word_glosses(lemma: str) -> frozenset[str]:
    """:func:`glosses` of a word, or of the dictionary words it is made of when JMdict lacks the whole
    (日米安全保障条約 → 日米 + 安全保障 + 条約), longest first."""
    g = glosses(lemma)
    if g or len(lemma) < 3 or re.fullmatch(r"[\u3040-\u30ff]+", lemma):
        return g
    out: set[str] = set()
    i = 0
    while i < len(lemma):
        for j in range(len(lemma), i + 1, -1):
            if j - i < len(lemma) and glosses(lemma[i:j]):
                out |= glosses(lemma[i:j])
                i = j
                break
        else:
            i += 1
    return frozenset(out)


@dataclass(frozen=True)
class Unit:
    keys: frozenset[str]
    weight: float
    primary: str = ""        # the lemma or stem itself (what event frequencies count)
    # a Japanese word glossed by an English phrase (シャトル外交 "shuttle diplomacy"): the phrases' stems; an
    # English wording holding all the words of one tells as many words as the phrase has (see :func:`credit`)
    phrases: tuple[frozenset[str], ...] = ()
    # a compound (拉致問題 "abduction issue"): its head word (問題) and the keys it has only through that head
    # ("issue"); a key of ``head`` alone does not make the compound meet a word (see :func:`meets`)
    head_word: str = ""
    head: frozenset[str] = frozenset()
    # the keys that alone do not make the unit meet a word: ``head``, and the words that only modify another
    # in its glosses (李 "Japanese plum": "japanese" does not make 李 meet 日本)
    weak: frozenset[str] = frozenset()
    # False when a noun (Japanese) or another content word (English) stands right before the word and so
    # modifies it: 請求権問題's 問題, "claims issue"'s "issue"
    bare: bool = True

    @property
    def most(self) -> int:
        """The most words this unit can count for (:func:`credit`)."""
        return max((len(p) for p in self.phrases), default=1)


def credit(u: Unit, keys: frozenset[str]) -> int:
    """How many words of another language's wording (its ``keys``) a unit meeting them stands for: the words
    of the longest of its gloss phrases the wording holds whole, else one. One Japanese compound is one unit
    where its English rendering is several (シャトル外交 / shuttle diplomacy), so counted word by word the two
    sides of one pair would count shared words differently."""
    return max((len(p) for p in u.phrases if p <= keys), default=1)


@dataclass(frozen=True)
class Profile:
    """A wording read once: language, normalised text and bigrams, content units, every key."""
    lang: str
    norm: str
    units: tuple[Unit, ...]
    keys: frozenset[str]
    total: float

    @cached_property
    def free(self) -> frozenset[str]:
        """The keys its units have other than through a compound's head (:attr:`Unit.head`)."""
        return frozenset(k for u in self.units for k in u.keys - u.weak)


MAX_COMPOUND = 4   # tokens joined to look a compound up (非+核+化 → 非核化 "denuclearization")


NOMINAL = ("名詞", "接頭辞", "接尾辞")


def _lemmas(text: str) -> list[tuple[str, str, bool]]:
    """(lemma, POS, modified) of content words; a run of nouns, prefixes and suffixes that JMdict knows as one
    word (非核化, 輸出管理) is one lemma. ``modified``: a noun stands right before it, with no particle between,
    so the two make one compound (請求権問題: 問題 is the 請求権 one)."""
    from ..nlp import tokenize

    toks = tokenize(text)
    out: list[tuple[str, str, bool]] = []
    i = 0
    while i < len(toks):
        modified = i > 0 and toks[i - 1].pos in NOMINAL
        for n in range(min(MAX_COMPOUND, len(toks) - i), 1, -1):
            run = toks[i:i + n]
            if all(t.pos in NOMINAL for t in run) and run[-1].pos != "接頭辞":
                word = "".join(t.text for t in run)
                if glosses(word):
                    out.append((word, "名詞", modified))
                    i += n
                    break
        else:
            t = toks[i]
            if t.pos in CONTENT_POS and t.pos2 not in SKIP_POS2 and t.lemma.strip():
                out.append((t.lemma, t.pos2 if t.pos2 == "固有名詞" else t.pos, modified))
            i += 1
    return out


HEAD_CHARS = 2     # a head is a word: one character ending a two-character word (協議's 議) is a morpheme of it


def head_of(lemma: str) -> str:
    """The head of a Japanese compound: the longest word of at least ``HEAD_CHARS`` characters that JMdict
    knows, ends it and is shorter than it (拉致問題 → 問題, 経済協力 → 協力); "" for a word that is not one."""
    if re.fullmatch(r"[\u3040-\u30ffA-Za-z]+", lemma):
        return ""
    for k in range(1, len(lemma) - HEAD_CHARS + 1):
        if glosses(lemma[k:]):
            return lemma[k:]
    return ""


def _entity_units(text: str) -> list[Unit]:
    from ..people import gazetteer

    ids = dict.fromkeys(m.entity for m in gazetteer().mentions(text) if m.entity)
    return [Unit(frozenset({e}), GENERIC_WEIGHT, e) for e in ids]


def _countries(lemma: str) -> bool:
    """日韓, 日韓米, 中日: two or more one-character country names and nothing else."""
    return 2 <= len(lemma) <= 4 and all(c in COUNTRY_CHARS for c in lemma)


def _ja_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    seen: set[str] = set()
    for lemma, pos, modified in _lemmas(text):
        if lemma in seen or re.fullmatch(r"[\u3040-\u309f]", lemma):
            continue
        seen.add(lemma)
        phrases: tuple[frozenset[str], ...] = ()
        if re.fullmatch(r"[A-Za-z]+", lemma):
            keys = frozenset({stem(lemma)})
        else:
            keys = frozenset({lemma}) | word_glosses(lemma)
            phrases = gloss_phrases(lemma)
            if pos == "固有名詞" or not keys - {lemma}:
                r = romaji(lemma)
                if r and len(r) >= 4:
                    keys |= {stem(r)}
        generic = lemma in GENERIC_JA or (keys - {lemma} and keys - {lemma} <= GENERIC) or _countries(lemma)
        # a name (北朝鮮) is not a noun its parts modify
        head = head_of(lemma) if pos != "固有名詞" and not re.fullmatch(r"[A-Za-z]+", lemma) else ""
        head_keys = keys & word_glosses(head) - {lemma} if head else frozenset()
        # in a compound's gloss the words before the head render its modifier (拉致問題 "abduction issue":
        # "abduction" is 拉致); in a word that is not a compound they only qualify it (李 "Japanese plum")
        weak = head_keys or keys & gloss_modifiers(lemma)
        units.append(Unit(keys, GENERIC_WEIGHT if generic else 1.0, lemma, phrases,
                          head if head_keys else "", head_keys, weak, not modified))
    return units


def _en_units(text: str) -> list[Unit]:
    units, seen = [], set()
    prev_end, prev_content = -1, False
    for m in _WORD.finditer(text):
        w = m.group()
        content = w.lower() not in STOP and len(w) > 1
        # "claims issue": a content word right before (a space between) modifies this one
        modified = prev_content and text[prev_end:m.start()].isspace()
        prev_end, prev_content = m.end(), content
        if not content:
            continue
        s = stem(w)
        if s in seen:
            continue
        seen.add(s)
        units.append(Unit(frozenset({s}), GENERIC_WEIGHT if s in GENERIC else 1.0, s, bare=not modified))
    return units


@lru_cache(maxsize=32768)
def profile(text: str) -> Profile:
    lang = text_lang(text)
    units = tuple((_ja_units(text) if lang == "ja" else _en_units(text)) + _entity_units(text))
    keys = frozenset(k for u in units for k in u.keys)
    return Profile(lang, norm(text), units, keys, sum(u.weight for u in units))


def weight(u: Unit, freq: dict[str, int] | None) -> float:
    """A unit's weight, lowered for words that many facts of the event use (常に日韓, 連携, 発展 …)."""
    if not freq:
        return u.weight
    n = freq.get(u.primary, 0)
    return u.weight * (1.0 if n <= FREQ_FREE else FREQ_FREE / n)


FREQ_FREE = 3          # a word used by up to this many facts of the event keeps its full weight
SPECIFIC = 0.5         # a unit weighing at least this much is specific


@dataclass(frozen=True)
class Weighed:
    """A wording's units with their weights under one event's word counts: the units with weights, their
    total, and the specific ones (weight at least ``SPECIFIC``)."""
    pairs: tuple[tuple[Unit, float], ...]
    total: float
    specific: tuple[Unit, ...]


def _weigh(p: Profile, freq: dict[str, int] | None) -> Weighed:
    pairs = tuple((u, weight(u, freq)) for u in p.units)
    return Weighed(pairs, sum(w for _, w in pairs), tuple(u for u, w in pairs if w >= SPECIFIC))


class Frequencies(dict):
    """How many wordings of an event use each word (see :func:`weight`), remembering each wording's
    :class:`Weighed` units, so that scoring a wording against hundreds of others weighs its units once.
    Its counts are not to change once it is used."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._weighed: dict[int, tuple[Profile, Weighed]] = {}

    def weighed(self, p: Profile) -> Weighed:
        hit = self._weighed.get(id(p))
        if hit is None or hit[0] is not p:      # the profile is held here, so its id is not reused meanwhile
            hit = self._weighed[id(p)] = (p, _weigh(p, self))
        return hit[1]


def weighed(p: Profile, freq: dict[str, int] | None) -> Weighed:
    """``p``'s units weighed under ``freq`` (remembered when ``freq`` is :class:`Frequencies`)."""
    if isinstance(freq, Frequencies):
        return freq.weighed(p)
    return _weigh(p, freq)


def _is_head(v: Unit, u: Unit) -> bool:
    """``v`` is compound ``u``'s head word itself (its lemma, or an English word glossing it), standing alone."""
    if not v.bare or v.head:
        return False
    return v.primary == u.head_word or (v.primary.isascii() and v.primary in u.head)


def _head_ok(u: Unit, other: Profile, v: Unit, k: str) -> bool:
    """Compound ``u`` meets ``v`` through its head alone: it does when the modifiers agree (the rest of ``u``
    meets the other wording: 拉致問題 and "abduction issue") or ``v`` is the bare head (問題, "the issue")."""
    return not (u.keys - u.weak).isdisjoint(other.keys) or (k in u.head and _is_head(v, u))


def meets(u: Unit, own: Profile, other: Profile) -> bool:
    """Whether unit ``u`` of wording ``own`` has a counterpart in ``other``: a unit sharing a key with it, but
    a compound does not meet another word through its head noun alone (拉致問題 "abduction issue" and 請求権問題
    "claims issue" share only 問題 "issue"), unless the modifiers agree or the other word is the bare head."""
    if u.keys.isdisjoint(other.keys):
        return False
    if not (u.keys - u.weak).isdisjoint(other.free):
        return True
    for v in other.units:
        for k in u.keys & v.keys:
            if (k not in u.weak or _head_ok(u, other, v, k)) and (k not in v.weak or _head_ok(v, own, u, k)):
                return True
    return False


def overlap(a: Profile, b: Profile, freq: dict[str, int] | None = None) -> float:
    """Weighted share of the two wordings' units that the other side has (:func:`meets`), in [0, 1]."""
    wa, wb = weighed(a, freq), weighed(b, freq)
    total = wa.total + wb.total
    if not total:
        return 0.0
    hit = sum(w for u, w in wa.pairs if meets(u, a, b)) + sum(w for u, w in wb.pairs if meets(u, b, a))
    return hit / total


def specific_shared(a: Profile, b: Profile, freq: dict[str, int] | None = None) -> int:
    """How many specific units of ``a`` the other wording has (across languages, as many words as each
    stands for there: :func:`credit`); in one language, by the word itself (two
    Japanese lemmas that only share an English gloss, 巡る and 発展 through "around", are not one word)."""
    keys = b.keys
    if a.lang == b.lang:
        return sum(1 for u in weighed(a, freq).specific if u.primary in keys)
    return sum(credit(u, keys) for u in weighed(a, freq).specific if meets(u, a, b))


def coverage(fact: Profile, sentence: Profile, freq: dict[str, int] | None = None) -> tuple[float, int]:
    """(weighted share of a fact's units the sentence has, how many of them are specific)."""
    ws = weighed(fact, freq)
    if not ws.total:
        return 0.0, 0
    keys = sentence.keys
    hit = [(u, w) for u, w in ws.pairs if not u.keys.isdisjoint(keys)]
    # in one language a specific word counts when the sentence uses the word itself (two Japanese lemmas that
    # only share an English gloss are related words, not the same point told again)
    same = fact.lang == sentence.lang
    return (sum(w for _, w in hit) / ws.total,
            sum(1 for u, w in hit if w >= SPECIFIC and (not same or u.primary in keys)))


def specific_units(sentence: Profile, fact: Profile, freq: dict[str, int] | None = None) -> frozenset[str]:
    """The specific units of a sentence (their lemma or stem) that a fact's wording has."""
    keys = fact.keys
    return frozenset(u.primary for u in weighed(sentence, freq).specific if not u.keys.isdisjoint(keys))
