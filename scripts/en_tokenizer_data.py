"""Write src/kaidan/data/en_tokenizer.json: the rules of spaCy's blank English tokenizer, as data.

Kaidan's English tokenizer (``kaidan.nlp.en_tokenizer``) runs spaCy's tokenization algorithm over these
rules without importing spaCy (whose import costs about a second of CPU per process). The file holds the
prefix, suffix and infix expressions, the URL expression and the special cases (tokenizer exceptions) of
``spacy.blank("en")``, with the installed spaCy version; ``tests/nlp/test_en_tokenizer.py`` checks that the
file is what this script writes for the installed spaCy, and that both tokenizers give the same tokens on
every English sentence of the corpora. Run it after upgrading spaCy:

    .venv/bin/python scripts/en_tokenizer_data.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "kaidan" / "data" / "en_tokenizer.json"


def _pattern(fn) -> dict | None:
    if fn is None:
        return None
    rx = fn.__self__           # a bound method of a compiled expression (search, finditer, match)
    return {"pattern": rx.pattern, "flags": int(rx.flags)}


def tokenizer_data() -> dict:
    """The rules of spaCy's blank English tokenizer, in the form kaidan.nlp.en_tokenizer reads."""
    import spacy
    from spacy.attrs import ORTH

    tok = spacy.blank("en").tokenizer
    if not tok.faster_heuristics:
        raise SystemExit("this spaCy's English tokenizer does not use faster_heuristics; the algorithm differs")
    special = {}
    for text, pieces in sorted(tok.rules.items()):
        orths = [p.get(ORTH, p.get("ORTH")) for p in pieces]
        if "".join(orths) != text:
            raise SystemExit(f"special case {text!r}: pieces {orths!r} do not spell it")
        special[text] = orths
    return {
        "comment": "spaCy's blank English tokenizer rules (scripts/en_tokenizer_data.py); do not edit by hand",
        "spacy_version": spacy.__version__,
        "prefix": _pattern(tok.prefix_search),
        "suffix": _pattern(tok.suffix_search),
        "infix": _pattern(tok.infix_finditer),
        "token_match": _pattern(tok.token_match),
        "url_match": _pattern(tok.url_match),
        "special": special,
    }


def main() -> int:
    OUT.write_text(json.dumps(tokenizer_data(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
