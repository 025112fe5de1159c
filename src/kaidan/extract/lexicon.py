"""Loading the extractors' word lists (``kaidan/data/*.json``), validated on load."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=None)
def load(name: str, required: tuple[str, ...] = ()) -> dict:
    path = DATA / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataFileError(f"{path}: cannot read this data file ({e}); reinstall kaidan or fix the JSON") from e
    missing = [k for k in required if k not in data]
    if missing:
        raise DataFileError(f"{path}: missing keys {', '.join(missing)}")
    return data
