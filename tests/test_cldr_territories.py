"""data/cldr_territories.json is Babel's CLDR territory names, as scripts/cldr_territories.py writes them."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kaidan.people import TERRITORIES, cldr_territories

ROOT = Path(__file__).resolve().parent.parent
babel = pytest.importorskip("babel", reason="Babel is not installed")


def _script_data() -> dict:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from cldr_territories import territories_data
    finally:
        sys.path.pop(0)
    return territories_data()


def test_the_file_is_the_installed_babels():
    assert json.loads(TERRITORIES.read_text(encoding="utf-8")) == _script_data(), \
        "data/cldr_territories.json is not the installed Babel's: run scripts/cldr_territories.py"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_names_and_their_order_are_babels(lang):
    from babel import Locale

    # the order matters: the event's country table keeps the first code a name has
    assert list(cldr_territories(lang).items()) == list(Locale(lang).territories.items())
    assert cldr_territories(lang)["KE"] == ("ケニア" if lang == "ja" else "Kenya")
