"""How the document writes people's full names, so sources that misspell a name can be shown side by side.

For each person the gazetteer recognises, the written full name is the mention with the given name the
text puts before it (ロナルド・トランプ, Donald J. Trump). ``known`` says whether that writing is one
of the person's names in ``data/people.json`` (ignoring middle dots, spaces and middle initials).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .context import DocContext

RULE = "kaidan.name.v1"
JA_GIVEN = re.compile(r"([ァ-ヶー]{2,}・(?:[A-ZＡ-Ｚァ-ヶ][.．]?・)?)$")
EN_GIVEN = re.compile(r"((?:[A-Z][a-z]+\s)(?:[A-Z]\.\s)?)$")
PREFIX = re.compile(r"^(?:President|Prime Minister|Chancellor|Premier|Mr\.|Ms\.|Mrs\.)\s+")
TITLES = re.compile(r"(総理大臣|内閣総理大臣|首相|総理|大統領|氏|外務大臣|長官|米国大統領|米大統領|主席|President|Prime Minister)$")


def _key(name: str) -> str:
    """The parts of a name, order and middle initials ignored: Ishiba Shigeru = Shigeru Ishiba,
    Donald J. Trump = Donald Trump."""
    n = unicodedata.normalize("NFKC", name).lower()
    parts = [p for p in re.split(r"[\s・=]+", n) if p and not re.fullmatch(r"[a-zァ-ヶ]\.?", p)]
    return " ".join(sorted(p.strip(".") for p in parts))


# name key of each alias already read: a document that names people the data lacks gets a gazetteer of its
# own, whose aliases are the data's (tens of thousands, CLDR country names included) and a few more; their
# keys are not worked out again for each such document. Bounded like the gazetteer's lookups.
_ALIAS_KEYS: dict[str, str] = {}
_ALIAS_KEYS_MAX = 200_000


@lru_cache(maxsize=4)
def _known(gaz) -> dict[str, frozenset[str]]:
    """The name keys of each person's aliases: data, the same for every document (read once per gazetteer)."""
    known: dict[str, set[str]] = {}
    memo = _ALIAS_KEYS
    for alias, ent in gaz.aliases():
        key = memo.get(alias)
        if key is None:
            key = _key(alias)
            if len(memo) < _ALIAS_KEYS_MAX:
                memo[alias] = key
        known.setdefault(ent, set()).add(key)
    return {ent: frozenset(keys) for ent, keys in known.items()}


def extract(ctx: DocContext) -> list[dict]:
    known = _known(ctx.gaz)
    out, seen = [], set()
    for s in ctx.sentences:
        for m in ctx.mentions(s):
            if m.kind != "person":
                continue
            surface = TITLES.sub("", PREFIX.sub("", m.text))
            start = m.start
            lead = (JA_GIVEN if s.lang == "ja" else EN_GIVEN).search(ctx.text[max(s.start, m.start - 20):m.start])
            if lead:
                surface = lead.group(1) + surface
                start = m.start - len(lead.group(1))
            if not re.search(r"[・\s]", surface.strip()):
                continue            # a family name alone says nothing about the given name
            written = surface.strip()
            key = (m.entity, _key(written))
            if key in seen:
                continue
            seen.add(key)
            out.append({"person": m.entity, "written": written, "known": _key(written) in known.get(m.entity, frozenset()),
                        "evidence": ctx.text[start:start + len(written)], "offsets": [start, start + len(written)],
                        "rule": RULE})
    return out
