"""One name per party, in both languages, for the page: 日本 and Japan, ドナルド・J・トランプ and Donald J. Trump
are one party whatever the script a source wrote them in.

:func:`names_of` maps each actor, speaker and participant of an event record to ``{"id", "ja", "en"}`` (and
:func:`names_in` any names, e.g. the actors of a ledger thread and its entries): the
people data (``data/people.json``: people, organisations and countries with their aliases, through the
gazetteer the merge uses), else the Unicode CLDR's country names through Babel (as ``extract.event`` reads
them). A name found in neither is left out, and the page shows it as written.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..extract.event import _cldr_country_names
from ..people import gazetteer


@lru_cache(maxsize=1)
def _territories() -> dict[str, dict[str, str]]:
    from babel import Locale

    names: dict[str, dict[str, str]] = {}
    for lang in ("ja", "en"):
        for code, name in Locale(lang).territories.items():
            names.setdefault(code, {})[lang] = name
    return names


@lru_cache(maxsize=20_000)
def name_of(name: str) -> dict | None:
    """``{"id", "ja", "en"}`` for a person, organisation or country name, or None when the data lacks it."""
    if not name or not name.strip():
        return None
    gaz = gazetteer()
    ent = gaz.entities.get(gaz.lookup(name) or "")
    if ent is not None:
        return {"id": ent.id, "ja": ent.name_ja, "en": ent.name_en}
    code = _cldr_country_names().get(name.strip())
    if code and code in _territories():
        labels = _territories()[code]
        return {"id": f"country:{code}", "ja": labels.get("ja", name), "en": labels.get("en", name)}
    return None


def names_in(names: Iterable[str | None]) -> dict[str, dict]:
    """Each of these names (as written) -> its party, for the names :func:`name_of` knows."""
    out = {}
    for n in sorted(set(names) - {None, ""}):
        known = name_of(n)
        if known:
            out[n] = known
    return out


def names_of(record: dict) -> dict[str, dict]:
    """Every actor, speaker and participant named in an event record, as :func:`name_of` knows it."""
    found: list[str | None] = [c.get("actor") for c in record.get("commitments") or []]
    found += [s.get("speaker") for s in record.get("statements") or []]
    for g in record.get("programme") or []:
        found += g.get("participants") or []
    return names_in(found)
