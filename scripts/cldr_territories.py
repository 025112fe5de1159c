"""Write src/kaidan/data/cldr_territories.json: the Unicode CLDR's territory names in Japanese and English.

The gazetteer's CLDR-only countries, the event's country names and the English demonyms are made from
these names (``kaidan.people.cldr_territories``). Reading them from Babel's locale data at run time costs
every extracting process Babel's import and two locale files' loading; this file holds the same two
tables, in Babel's order, with the installed Babel version. ``tests/test_cldr_territories.py`` checks that
the file is what this script writes for the installed Babel. Run it after upgrading Babel:

    .venv/bin/python scripts/cldr_territories.py
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "kaidan" / "data" / "cldr_territories.json"
LANGS = ("ja", "en")


def territories_data() -> dict:
    """Every territory code's name in each of LANGS (Babel's ``Locale(lang).territories``, in its order)."""
    import babel
    from babel import Locale

    return {
        "comment": "CLDR territory names from Babel (scripts/cldr_territories.py); do not edit by hand",
        "babel_version": babel.__version__,
        **{lang: dict(Locale(lang).territories.items()) for lang in LANGS},
    }


def main() -> int:
    OUT.write_text(json.dumps(territories_data(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
