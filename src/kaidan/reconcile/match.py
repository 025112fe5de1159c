"""When two facts from different documents are one fact.

Each wording is read once into a :class:`bilingual.Profile` (language, normalised text, content units whose
keys are Sudachi lemmas and their JMdict glosses, or English stems, plus the people and countries named).
Two wordings score

* in one language: the larger of the character-bigram Dice of the normalised texts (as the scorer) and the
  weighted share of content units both have; one text containing the other scores 1;
* across languages: the weighted share of units that meet through the dictionary (非核化 / denuclearization).

A score counts only with at least ``MIN_SPECIFIC`` shared units that are not generic words of readouts
(relations, cooperation, leaders, the countries), unless both facts carry the same figure; two different
figures in the same unit are never one fact. Commitments also need the same actor (a leader stands for the
country) and statements the same speaker. The merger takes the *best* match within an event above
``MIN_SCORE`` (see :mod:`merge`), so the threshold only bounds how weak a best match may be.

Where it errs: two different points on one subject told with the same words (two sentences about North
Korea's missiles and its denuclearisation) can merge; a paraphrase with few shared words stays two facts.
"""
from __future__ import annotations

from functools import lru_cache

from ..extract.lexicon import load
from ..people import gazetteer
from ..text import bigrams, dice_counts, lang, norm
from .bilingual import Profile, overlap, profile, specific_shared

SAME_CONCEPTS = 0.67  # across languages: on the seeds' readout vs joint statement, true pairs >= 0.67
MIN_SHARED = 2        # shared concepts, not counting the generic ones below
GENERIC = frozenset({"alliance", "indo_pacific", "investment", "nuclear", "energy", "deterrence", "technology",
                     "security_environment", "cooperation", "peace_stability", "china", "north_korea"})
MIN_SCORE = 0.3        # the weakest best match that still merges
MIN_SPECIFIC = 2       # shared non-generic content units (one with the same figure)
CONTAINED_CHARS = 6    # one text holding another scores 1 when both are at least this long


@lru_cache(maxsize=1)
def _concepts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = load("concepts.json", ("concepts",))
    return tuple((c, tuple(words)) for c, words in data["concepts"].items())


@lru_cache(maxsize=4096)
def concepts_of(text: str) -> frozenset[str]:
    low = text.lower()
    return frozenset(c for c, words in _concepts() if any(w in low for w in words))


def lang_of(text: str) -> str:
    """The language of a fact's wording (the one script detector of :mod:`kaidan.text`)."""
    return lang(text)


@lru_cache(maxsize=32768)
def _bigrams(n: str):
    return bigrams(n)


def text_score(pa: Profile, pb: Profile, figure: bool | None = None, freq: dict[str, int] | None = None,
               letters: bool = True) -> float:
    """Similarity in [0, 1] of two wordings (``figure``: True same figure, False different, None none);
    ``freq`` counts how many facts of the event use each word (frequent words weigh less); without
    ``letters``, on shared words alone (no character-bigram score)."""
    if figure is False:
        return 0.0
    if pa.lang == pb.lang and pa.norm and pb.norm and (pa.norm in pb.norm or pb.norm in pa.norm) \
            and min(len(pa.norm), len(pb.norm)) >= CONTAINED_CHARS:
        return 1.0
    shared = min(specific_shared(pa, pb, freq), specific_shared(pb, pa, freq))
    if shared < (1 if figure else MIN_SPECIFIC):
        return 0.0
    s = overlap(pa, pb, freq)
    if letters and pa.lang == pb.lang and pa.norm and pb.norm:
        s = max(s, dice_counts(_bigrams(pa.norm), _bigrams(pb.norm)))
    if figure:
        s = min(1.0, s + 0.15)
    return s if s >= MIN_SCORE else 0.0


def same_concepts(a: str, b: str) -> bool:
    """Two titles naming the same things (レアアース…供給確保…文書 / 重要鉱物及びレアアースの供給確保…枠組み)."""
    ca, cb = concepts_of(a), concepts_of(b)
    shared = len(ca & cb)
    return len((ca & cb) - GENERIC) >= MIN_SHARED and 2 * shared / (len(ca) + len(cb)) >= SAME_CONCEPTS


def party(name: str | None) -> str | None:
    """The country a person, organisation or country name stands for (a leader stands for the country)."""
    if not name:
        return None
    gaz = gazetteer()
    ent = gaz.lookup(name)
    if ent is None:
        return norm(name)
    return gaz.country_of(ent) or ent


def person(name: str | None) -> str | None:
    if not name:
        return None
    return gazetteer().lookup(name) or norm(name)


def _same_amount(a: dict | None, b: dict | None) -> bool | None:
    """True for the same figure, False for two figures of one unit that differ, None otherwise."""
    if not a or not b or a.get("unit") != b.get("unit"):
        return None
    va, vb = float(a["value"]), float(b["value"])
    return abs(va - vb) <= 0.005 * max(abs(va), abs(vb), 1e-9)


def compatible(kind_a: str, a: dict, kind_b: str, b: dict) -> bool:
    """Commitments need the same actor, statements the same speaker; an agreement and a statement may be one
    point, but a commitment stays a commitment (its actor, amount and deadline feed the ledger)."""
    if (kind_a == "commitments") != (kind_b == "commitments"):
        return False
    if kind_a == kind_b == "commitments" and party(a.get("actor")) != party(b.get("actor")):
        return False
    if kind_a == kind_b == "statements" and person(a.get("speaker")) != person(b.get("speaker")):
        return False
    return True


def quote_and_joint(kind_a: str, a: dict, kind_b: str, b: dict) -> bool:
    """One is a direct quotation (one speaker's own words, FACTS.md statements), the other an agreement (what
    both sides hold): they are one point only when they share its words, not when two long wordings merely
    look alike letter by letter (a leader's "prosperity and partnership" against a joint text's "supply
    chains that provide for prosperity")."""
    if {kind_a, kind_b} != {"agreements", "statements"}:
        return False
    return (a if kind_a == "statements" else b).get("mode") == "direct"


def same_fact(kind: str, a: dict, b: dict) -> float:
    if not compatible(kind, a, kind, b):
        return 0.0
    return text_score(profile(a.get("text", "")), profile(b.get("text", "")),
                      _same_amount(a.get("amount"), b.get("amount")))
