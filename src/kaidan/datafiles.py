"""Kaidan's bundled data files (``kaidan/data/*.json``: word lists, rules, people, tokenizer rules).

One reader for all of them, so an unreadable or incomplete file always gives the same one-line
:class:`~kaidan.errors.DataFileError`. :func:`load` caches the parsed file and hands every caller the same
dict (read-only use); :func:`read` parses afresh, for a caller that builds on the data.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import DataFileError

DATA = Path(__file__).resolve().parent / "data"


def read(name: str, required: tuple[str, ...] = ()) -> dict:
    """The JSON data file ``name`` (a path below ``kaidan/data``), checked to have the ``required`` keys."""
    path = DATA / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataFileError(f"{path}: cannot read this data file ({e}); reinstall kaidan or fix the JSON") from e
    missing = [k for k in required if k not in data]
    if missing:
        raise DataFileError(f"{path}: missing keys {', '.join(missing)}")
    return data


@lru_cache(maxsize=None)
def load(name: str, required: tuple[str, ...] = ()) -> dict:
    """:func:`read`, once per process: callers share the dict and must not change it."""
    return read(name, required)
