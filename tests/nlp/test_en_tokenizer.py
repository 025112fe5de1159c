"""The English tokens and rule matches are spaCy's: same tokenizer rules, same tokens and offsets, same matches.

Kaidan's English reader runs spaCy's tokenization algorithm and Matcher semantics without importing spaCy
(``kaidan.nlp.en_tokenizer``, ``kaidan.nlp.en``). Where spaCy is installed (a development and benchmark
dependency), these tests run both on every English sentence and line of the corpora (../shared/corpus: real
documents, seeds, events with their decoys; tests/corpus*) and on every English string literal of the test
suite, and compare tokens, offsets and matches of the three rule files.
"""
from __future__ import annotations

import ast
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from kaidan.errors import DataFileError
from kaidan.extract.lexicon import load
from kaidan.nlp import EnRules, split_sentences
from kaidan.nlp.en import tokenize
from kaidan.nlp.en_tokenizer import DATA, english

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
KINDS = ("agreements", "commitments", "statements")
HAS_SPACY = importlib.util.find_spec("spacy") is not None
needs_spacy = pytest.mark.skipif(not HAS_SPACY, reason="spaCy is not installed (pip install -e '.[bench]')")


def _rule_patterns(kind: str) -> dict:
    return {r["id"]: r["patterns"] for r in load(f"rules/en_{kind}.json", ("rules",))["rules"]}


@lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    """Every English sentence and line of the corpora, and the English string literals of the tests."""
    files = [p for d in (SHARED, *sorted(ROOT.glob("tests/corpus*"))) if d.is_dir() for p in sorted(d.rglob("*"))
             if p.is_file() and p.suffix in (".txt", ".md", ".tsv", ".json")]
    out: set[str] = set()
    for p in files:
        text = p.read_text(encoding="utf-8")
        out.update(s.text for s in split_sentences(text) if s.lang == "en")
        out.update(line for line in text.split("\n") if line.isascii() and any(c.isalpha() for c in line))
    for p in sorted(ROOT.glob("tests/**/*.py")):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value:
                out.add(node.value)
    return tuple(sorted(out))


@lru_cache(maxsize=1)
def _spacy_nlp():
    import spacy

    return spacy.blank("en")


def _spacy_tokens(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.idx) for t in _spacy_nlp().make_doc(text)]


def _ours(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.start) for t in tokenize(text)]


@needs_spacy
def test_the_rule_file_is_the_installed_spacys():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from en_tokenizer_data import tokenizer_data
    finally:
        sys.path.pop(0)
    import json

    assert json.loads(DATA.read_text(encoding="utf-8")) == tokenizer_data(), \
        "data/en_tokenizer.json is not the installed spaCy's: run scripts/en_tokenizer_data.py"


@needs_spacy
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus not present")
def test_tokens_and_offsets_are_spacys_on_every_english_sentence():
    texts = _texts()
    assert len(texts) > 2000
    differ = [t for t in texts if _ours(t) != _spacy_tokens(t)]
    assert differ == []


@needs_spacy
def test_tokens_are_spacys_on_affixes_exceptions_urls_and_whitespace():
    texts = ["Japan's PM didn't go to the U.S. (today), e.g. at 5 p.m.; see https://mofa.go.jp/a_b.html :-)",
             "  two  spaces,\ttabs\nand a newline ", "'Cause they're “ready”—or (:", "(U.K.-Japan) $5bn, 10a.m. ’’",
             "", " ", "don't.", "co-operation 1,000 3.5% 2024-05-01 #tag @user <3 (c) vs. No. 5"]
    assert [_ours(t) for t in texts] == [_spacy_tokens(t) for t in texts]


def test_known_tokens_without_spacy():
    text = "Japan's PM didn't go to the U.S. (today), e.g. at 5 p.m.; see https://mofa.go.jp/a_b.html :-)"
    assert [t for t, _ in _ours(text)] == [
        "Japan", "'s", "PM", "did", "n't", "go", "to", "the", "U.S.", "(", "today", ")", ",", "e.g.", "at", "5",
        "p.m.", ";", "see", "https://mofa.go.jp/a_b.html", ":-)"]
    toks = tokenize("Mr. Abe  met", 10)
    assert [(t.text, t.lower, t.start, t.end) for t in toks] == [
        ("Mr.", "mr.", 10, 13), ("Abe", "abe", 14, 17), (" ", " ", 18, 19), ("met", "met", 19, 22)]


def _spacy_matches(kind: str):
    from spacy.matcher import Matcher

    matcher = Matcher(_spacy_nlp().vocab, validate=True)
    for rule, pats in _rule_patterns(kind).items():
        matcher.add(rule, pats, greedy="LONGEST")

    def read(text: str) -> list[tuple[str, int, int]]:
        doc = _spacy_nlp().make_doc(text)
        strings = doc.vocab.strings
        raw = sorted(((strings[m], s, e) for m, s, e in matcher(doc)), key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        found = []
        for rule, s, e in raw:
            if not taken.intersection(range(s, e)):
                taken.update(range(s, e))
                found.append((rule, s, e))
        return sorted(found, key=lambda m: m[1])
    return read


@needs_spacy
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus not present")
@pytest.mark.parametrize("kind", KINDS)
def test_rule_matches_are_spacy_matchers(kind):
    ours, theirs = EnRules(_rule_patterns(kind)), _spacy_matches(kind)
    texts = _texts()
    found = 0
    differ = []
    for t in texts:
        a = [(m.rule, m.start, m.end) for m in ours.read(t)[1]]
        found += len(a)
        if a != theirs(t):
            differ.append(t)
    assert found > 200
    assert differ == []


def test_matches_are_longest_first_and_do_not_overlap():
    rules = EnRules({
        "short": [[{"LOWER": "will"}]],
        "long": [[{"LOWER": {"IN": ["will", "would"]}}, {"LOWER": "not", "OP": "?"}, {"LOWER": "go"}]],
        "gap": [[{"LOWER": "reaffirmed"}, {"LOWER": {"NOT_IN": ["and", ","]}, "OP": "{0,2}"}, {"LOWER": "commitment"}]],
    })
    _, ms = rules.read("Japan will not go. It will stay. He reaffirmed his strong commitment, and commitment.", 5)
    assert [(m.rule, m.start, m.end, m.start_char, m.end_char) for m in ms] == [
        ("long", 1, 4, 11, 22), ("short", 6, 7, 27, 31), ("gap", 10, 14, 41, 73)]


def test_unsupported_patterns_are_refused():
    with pytest.raises(DataFileError):
        EnRules({"x": [[{"LEMMA": "go"}]]})
    with pytest.raises(DataFileError):
        EnRules({"x": [[{"LOWER": "go", "OP": "+"}]]})


def test_extraction_does_not_import_spacy():
    import subprocess

    code = ("import sys; from kaidan.pipeline import extract_text; "
            "extract_text('Prime Minister Ishiba and President Marcos met in Manila. The two leaders agreed to "
            "strengthen cooperation.', 'a'); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"
