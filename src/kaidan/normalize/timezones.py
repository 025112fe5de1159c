"""Time-zone markers, the zone of a place, and conversion between zones.

``find_zone_marker`` returns an IANA zone name, or ``"local"`` for 現地時間 /
"local time" (the zone of the place where the event happened, which the
caller knows). Places come from ``kaidan/data/places.json``, validated on load.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import DataFileError
from ..text import fold

__all__ = ["Place", "country_of_place", "find_zone_marker", "load_places", "to_local", "zone_of_place"]

PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.json"

_MARKERS_JA = {
    "現地時間": "local", "日本時間": "Asia/Tokyo", "米東部時間": "America/New_York", "米国東部時間": "America/New_York",
    "東部時間": "America/New_York", "米西部時間": "America/Los_Angeles", "英国時間": "Europe/London",
    "韓国時間": "Asia/Seoul", "北京時間": "Asia/Shanghai", "協定世界時": "UTC",
}
_MARKERS_EN = {
    r"local\s+time": "local", r"Japan(?:\s+Standard)?\s+time": "Asia/Tokyo", r"Tokyo\s+time": "Asia/Tokyo",
    r"Washington\s+time": "America/New_York", r"Eastern(?:\s+(?:Standard|Daylight))?\s+Time": "America/New_York",
    r"London\s+time": "Europe/London",
}
# Abbreviations, upper case and on word boundaries only. CST is left out: US Central or China Standard Time.
_ABBREVIATIONS = {
    "EDT": "America/New_York", "EST": "America/New_York", "ET": "America/New_York", "JST": "Asia/Tokyo",
    "GMT": "Europe/London", "BST": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "IST": "Asia/Kolkata", "KST": "Asia/Seoul", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "PT": "America/Los_Angeles", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "UTC": "UTC",
}
_MARKERS = ([(re.escape(k), _MARKERS_JA[k]) for k in sorted(_MARKERS_JA, key=len, reverse=True)]
            + [(f"(?i:\\b{k}\\b)", v) for k, v in _MARKERS_EN.items()]
            + [(f"(?<![A-Za-z]){k}(?![A-Za-z])", v) for k, v in _ABBREVIATIONS.items()])
_MARKER_RE = re.compile("|".join(f"(?P<g{i}>{rx})" for i, (rx, _) in enumerate(_MARKERS)))


def find_zone_marker(text: str) -> str | None:
    """The zone named by the first marker in ``text`` (日本時間 → Asia/Tokyo, 現地時間 → local), or None."""
    if not isinstance(text, str):
        return None
    m = _MARKER_RE.search(fold(text))
    return _MARKERS[int(m.lastgroup[1:])][1] if m else None


# ---------------------------------------------------------------- places

@dataclass(frozen=True)
class Place:
    names: tuple[str, ...]
    country: str  # ISO 3166 alpha-2
    tz: str  # IANA zone


def _key(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def load_places(path: Path | str | None = None) -> tuple[Place, ...]:
    """Read and validate a places file; raise DataFileError naming the file and the bad entry."""
    path = Path(path) if path is not None else PLACES_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DataFileError(f"{path.name}: cannot be read as JSON ({e}); restore the file") from None
    entries = doc.get("places") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise DataFileError(f"{path.name}: expected an object with a 'places' list; restore the file")
    out = []
    for i, e in enumerate(entries):
        names = e.get("names") if isinstance(e, dict) else None
        label = f"{path.name}: entry {i}" + (f" ({names[0]})" if isinstance(names, list) and names
                                            and isinstance(names[0], str) else "")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataFileError(f"{label}: 'names' must be a non-empty list of non-empty strings")
        country, tz = e.get("country"), e.get("tz")
        if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
            raise DataFileError(f"{label}: 'country' must be an ISO 3166 alpha-2 code such as JP, got {country!r}")
        if not isinstance(tz, str) or not _valid_zone(tz):
            raise DataFileError(f"{label}: 'tz' must be an IANA time zone such as Asia/Tokyo, got {tz!r}")
        out.append(Place(tuple(names), country, tz))
    return tuple(out)


def _valid_zone(tz: str) -> bool:
    try:
        ZoneInfo(tz)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


@lru_cache(maxsize=4)
def _index(path: str | None) -> tuple[tuple[re.Pattern, Place], ...]:
    pairs = []
    for p in load_places(path):
        for name in p.names:
            k = re.escape(_key(name))
            rx = re.compile(rf"(?<![a-z0-9]){k}(?![a-z0-9])" if name.isascii() else k)
            pairs.append((rx, len(k), p))
    pairs.sort(key=lambda t: -t[1])  # longer names first at the same position
    return tuple((rx, p) for rx, _, p in pairs)


def _place(place: str, path: str | None = None) -> Place | None:
    if not isinstance(place, str) or not place.strip():
        return None
    s, best = _key(place), None
    for rx, p in _index(path):
        m = rx.search(s)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), p)
    return best[1] if best else None


def zone_of_place(place: str) -> str | None:
    """The IANA zone of the earliest known place named in ``place`` (東京・迎賓館 → Asia/Tokyo)."""
    p = _place(place)
    return p.tz if p else None


def country_of_place(place: str) -> str | None:
    """The ISO alpha-2 country of the earliest known place named in ``place``."""
    p = _place(place)
    return p.country if p else None


# ---------------------------------------------------------------- conversion

def to_local(date: str, hour: int, minute: int, from_tz: str, to_tz: str) -> tuple[str, str]:
    """Convert a wall-clock date and time in ``from_tz`` to (YYYY-MM-DD, HH:MM) in ``to_tz``, DST included."""
    for tz in (from_tz, to_tz):
        if not isinstance(tz, str) or not _valid_zone(tz):
            raise ValueError(f"not an IANA time zone: {tz!r} (resolve 'local' with zone_of_place first)")
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"not a clock time: {hour}:{minute}")
    d = dt.date.fromisoformat(date)
    src = dt.datetime(d.year, d.month, d.day, hour, minute, tzinfo=ZoneInfo(from_tz))
    out = src.astimezone(ZoneInfo(to_tz))
    return out.date().isoformat(), f"{out.hour:02d}:{out.minute:02d}"
