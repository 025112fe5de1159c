"""When two facts from different documents are one fact.

* same language: the wording — character-bigram Dice of at least ``SAME_WORDING`` (as the scorer),
  or one text containing the other;
* across languages (a Japanese readout and the English joint statement): the concepts both texts
  name (``data/concepts.json``: 尖閣 / Senkaku, 非核化 / denucleari…) — at least ``MIN_SHARED``
  specific concepts and a concept Dice of at least ``SAME_CONCEPTS``; with the same figure on both
  sides (5500億ドル / $550 billion) one shared concept is enough;
* commitments also need the same actor (a leader stands for the country), statements the same
  speaker, agreements a compatible verb.

Where it errs: two different points on one subject told with the same concepts (two sentences about
North Korea's missiles and its denuclearisation) can merge across languages; a paraphrase with few
shared concepts and different wording stays two facts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..evaluate.scorer import dice, norm
from ..extract.lexicon import load
from ..people import gazetteer

SAME_WORDING = 0.5   # the scorer's threshold for one fact told twice in one language
SAME_CONCEPTS = 0.67  # across languages: on the seeds' readout vs joint statement, true pairs >= 0.67
MIN_SHARED = 2        # shared concepts, not counting the generic ones below
GENERIC = frozenset({"alliance", "indo_pacific", "investment", "nuclear", "energy", "deterrence", "technology",
                     "security_environment", "cooperation", "peace_stability", "china", "north_korea"})
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _concepts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = load("concepts.json", ("concepts",))
    return tuple((c, tuple(words)) for c, words in data["concepts"].items())


@lru_cache(maxsize=4096)
def concepts_of(text: str) -> frozenset[str]:
    low = text.lower()
    return frozenset(c for c, words in _concepts() if any(w in low for w in words))


def lang_of(text: str) -> str:
    return "ja" if len(_JA.findall(text)) * 3 >= len(re.findall(r"[A-Za-z]", text)) else "en"


def same_text(a: str, b: str, same_figure: bool = False) -> float:
    """A similarity in [0, 1] when the two texts tell the same thing, else 0."""
    if lang_of(a) == lang_of(b):
        na, nb = norm(a), norm(b)
        if na and nb and (na in nb or nb in na):
            return 1.0
        d = dice(na, nb)
        return d if d >= SAME_WORDING else 0.0
    ca, cb = concepts_of(a), concepts_of(b)
    shared = len(ca & cb)
    if same_figure:
        if shared < 1:          # the same figure and at least one concept in common
            return 0.0
    elif len((ca & cb) - GENERIC) < MIN_SHARED:
        return 0.0
    d = 2 * (shared + same_figure) / (len(ca) + len(cb) + 2 * same_figure)
    return d if d >= SAME_CONCEPTS else 0.0


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


def _same_amount(a: dict | None, b: dict | None) -> bool:
    if not a or not b or a.get("unit") != b.get("unit"):
        return False
    va, vb = float(a["value"]), float(b["value"])
    return abs(va - vb) <= 0.005 * max(abs(va), abs(vb), 1e-9)


def same_fact(kind: str, a: dict, b: dict) -> float:
    if kind == "commitments" and party(a.get("actor")) != party(b.get("actor")):
        return 0.0
    if kind == "statements" and person(a.get("speaker")) != person(b.get("speaker")):
        return 0.0
    return same_text(a.get("text", ""), b.get("text", ""), _same_amount(a.get("amount"), b.get("amount")))
