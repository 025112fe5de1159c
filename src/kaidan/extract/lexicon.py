"""Loading the extractors' word lists (``kaidan/data/*.json``), validated on load: the one reader of
:mod:`kaidan.datafiles`."""
from __future__ import annotations

from ..datafiles import DATA, load

__all__ = ["DATA", "load"]
