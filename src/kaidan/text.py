"""Text utilities shared by ingestion, extraction, reconciliation and evaluation: one definition each.

* :func:`norm` — NFKC, lower case, white space, brackets and punctuation dropped (how the scorer and the
  merger compare wordings);
* :func:`nfkc_fold` — NFKC and case folding with white space collapsed (how evidence and names compare);
* :func:`fold` — full-width ASCII as ASCII, one character for one, so offsets in the folded copy are offsets
  in the original (how the normalizers and the merger scan a text);
* :func:`bigrams` / :func:`dice` — character-bigram Dice similarity of two normalised texts;
* :func:`language_of` / :func:`detect_language` — Japanese or English by counting scripts: kana and kanji,
  weighted by :data:`JA_CHAR_WEIGHT`, against Latin letters;
* :func:`glued_breaks` — where English sentences run together without a space (a scraped page that lost
  its line breaks: "…two hours.President Lee said…");
* :class:`Gated` — a pattern that does not scan a text lacking every word its matches all contain;
* :func:`compile_large` — ``re.compile`` for a large generated pattern, its compiled form kept between
  processes.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """NFKC, lower case, brackets, spaces and punctuation dropped."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def nfkc_fold(text: str | None) -> str:
    """NFKC, case folded, runs of white space as one space, stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "")).casefold().strip()


_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # ！..～ → !..~
_FOLD.update({0x3000: 0x20, 0xFFE5: 0xA5, 0xFFE1: 0xA3, 0x2212: 0x2D, 0x00A0: 0x20})  # 　 ￥ ￡ − nbsp


# Any character ``fold`` maps: a text with none is its own folded copy (a scan in C, where ``translate`` with
# a table looks up each character of a non-ASCII text; most sentences have nothing to fold).
_FOLDED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """Map full-width ASCII to ASCII without changing the length of the text."""
    return text.translate(_FOLD) if _FOLDED.search(text) else text


def bigrams(text: str) -> Counter:
    """Character bigrams of an (already normalised) text; a one-character text is its own bigram."""
    # each character joined to the next (a pairwise map in C, not a slice per position in Python)
    return Counter(map(str.__add__, text, text[1:])) if len(text) > 1 else Counter([text])


def dice_counts(ba: Counter, bb: Counter) -> float:
    """Dice similarity of two bigram multisets."""
    total = sum(ba.values()) + sum(bb.values())
    return 2 * sum((ba & bb).values()) / total if total else 0.0


def dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity of two texts after :func:`norm`."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    return dice_counts(bigrams(a), bigrams(b))


# One kana or kanji counts as this many Latin letters, so that weighted counts compare amounts of content,
# not characters: by the usual rule of thumb of translators, an English rendering of a Japanese text has
# about 2.5 letters per Japanese character.
JA_CHAR_WEIGHT = 2.5
# Least share of weighted letters each language needs for "mixed". Calibrated on the seed documents: the
# page with a Japanese readout and the English joint statement has 30 % / 70 %; the Japanese pages have at
# most 1 % English (names, titles and copyright lines), so 20 % leaves a wide margin both ways.
MIXED_MIN_SHARE = 0.20
# Language of a text without any letters (digits and punctuation only).
DEFAULT_LANGUAGE = "ja"
# Hiragana, katakana (full- and half-width), CJK ideographs and 々〆ヶ.
JA_CHARS = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9d\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]")
# Latin letters, ASCII and accented.
LATIN_CHARS = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


# Their complements, in runs: a text less those runs is as long as its count of the class's characters (removing a
# few runs is cheaper than listing every character).
_NOT_JA_CHARS = re.compile("[^" + JA_CHARS.pattern[1:-1] + "]+")
_NOT_LATIN_CHARS = re.compile("[^" + LATIN_CHARS.pattern[1:-1] + "]+")


def script_weights(text: str) -> tuple[float, float]:
    """(weighted Japanese characters, Latin letters) of a text."""
    return JA_CHAR_WEIGHT * len(_NOT_JA_CHARS.sub("", text)), float(len(_NOT_LATIN_CHARS.sub("", text)))


def language_of(text: str) -> str | None:
    """``"ja"`` or ``"en"`` for one paragraph or sentence; None when it has no letters."""
    ja, latin = script_weights(text)
    if not ja and not latin:
        return None
    return "ja" if ja >= latin else "en"


def detect_language(text: str) -> str:
    """``"ja"``, ``"en"`` or ``"mixed"`` for a whole document."""
    totals = {"ja": 0.0, "en": 0.0}
    for paragraph in text.split("\n"):
        ja, latin = script_weights(paragraph)
        if ja or latin:
            totals["ja" if ja >= latin else "en"] += ja + latin
    whole = totals["ja"] + totals["en"]
    if not whole:
        return DEFAULT_LANGUAGE
    if min(totals.values()) >= MIXED_MIN_SHARE * whole:
        return "mixed"
    return "ja" if totals["ja"] >= totals["en"] else "en"


def lang(text: str | None) -> str:
    """``"ja"`` or ``"en"`` for a fact's wording (a text without letters counts as Japanese)."""
    return language_of(text or "") or DEFAULT_LANGUAGE


# A sentence's full stop directly followed by the capital of the next one, after a lower-case word ("hours.Lee")
# or after a dotted abbreviation when a capitalised word follows ("the U.S.Welcoming"); "p.m." and "U.S.A." do
# not match, nor a stop before the straight quote that closes its quotation ('a new level." "I hope').
_GLUED = re.compile(r"(?<=[a-z0-9\)”\"'’])[.!?](?=[A-Z“‘]|\"[A-Z])|(?<=\b[A-Z]\.[A-Z])\.(?=[A-Z][a-z])")


def glued_breaks(text: str) -> list[int]:
    """Offsets just after each full stop that ends an English sentence glued to the next one."""
    return [m.end() for m in _GLUED.finditer(text)]


class Gated:
    """A compiled pattern whose every match contains one of a few words: ``finditer`` does not scan a text
    in which none of them occurs (searching for a handful of literals is far cheaper than trying a long
    pattern at every character). The words are searched with the pattern's own case-folding, so the gate
    only skips texts where the pattern cannot match; everything else is the pattern's."""

    __slots__ = ("pattern", "gate")

    def __init__(self, pattern: re.Pattern, *words: str, gate: str | None = None) -> None:
        self.pattern = pattern        # ``gate``: a regex instead of words (r"\d": every match has a digit)
        self.gate = re.compile(gate or "|".join(map(re.escape, words)), pattern.flags & re.IGNORECASE)

    def finditer(self, text: str, *args):
        """``args``: pos and endpos, as for ``re.Pattern.finditer``; the gate looks between them too."""
        return self.pattern.finditer(text, *args) if self.gate.search(text, *args) else iter(())

    def search(self, text: str, *args) -> re.Match | None:
        return self.pattern.search(text, *args) if self.gate.search(text, *args) else None

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


def alternation(words) -> str:
    """A regex alternation of ``words`` (regex fragments, not escaped), longest first, so that a longer word is
    tried before a shorter one it starts with (協力関係 before 協力)."""
    return "|".join(sorted(words, key=len, reverse=True))


def first_char_gate(words: list[str], classes: str = "") -> str:
    """A lookahead that holds only where one of the words can start, to put in front of a pattern whose
    every match starts with one of them. Python's re does not skip ahead over a pattern that opens with an
    optional part or ``\\b``: it tries the whole pattern at every character, where the lookahead fails on
    one set test. Compiled with the pattern's flags, the set folds case as the pattern does. ``classes``:
    set escapes for starts that are not literal words (r"\\d": a figure in any script's digits)."""
    chars = "".join(re.escape(c) for c in sorted({w[0] for w in words if w})) + classes
    return f"(?=[{chars}])" if chars else ""


# Patterns shorter than this compile in well under a millisecond: ``compile_large`` leaves them to re.compile.
LARGE_PATTERN = 2000
# Files the pattern cache keeps at most: past it, storing a pattern first removes the older half (the bundled
# data's patterns are a dozen; more come only from other data versions and interpreters).
MAX_CACHED_PATTERNS = 256


def compile_large(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, for the large patterns Kaidan builds from its data (tries of thousands
    of names; tens of thousands of characters, which CPython's regex parser, written in Python, takes tens of
    milliseconds each to read). The compiled program is kept in the pattern cache folder
    (:func:`kaidan.config.pattern_cache_dir`), one file per pattern, keyed by the pattern, the flags and the
    interpreter's version, so that a later process hands the program to the regex engine without parsing the
    pattern again. The result is the pattern ``re.compile`` gives (equal to it: same program); whatever goes
    wrong with the cache (no folder, unwritable, another Python, a damaged file) falls back to re.compile."""
    if len(pattern) < LARGE_PATTERN:
        return re.compile(pattern, flags)
    from .config import pattern_cache_dir

    folder = pattern_cache_dir()
    if folder is None:
        return re.compile(pattern, flags)
    try:
        path = folder / (_pattern_key(pattern, flags) + ".marshal")
        cached = _load_program(path, pattern, flags)
        if cached is not None:
            return cached
        compiled, program = _compile_program(pattern, flags)
        _store_program(path, program)
        return compiled
    except Exception:      # noqa: BLE001 - a cache problem of any kind only costs the compile
        return re.compile(pattern, flags)


def _engine_tag() -> str:
    import _sre
    import sys

    return f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}-{_sre.MAXGROUPS}"


def _pattern_key(pattern: str, flags: int) -> str:
    import hashlib

    return hashlib.sha256(f"{_engine_tag()}\0{int(flags)}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _compile_program(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """The compiled pattern and its program (what ``re._compiler.compile`` hands to ``_sre.compile``)."""
    from re import _compiler, _parser

    flags = int(flags)
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    program = (_engine_tag(), pattern, flags, int(flags | parsed.state.flags), code, parsed.state.groups - 1,
               dict(parsed.state.groupdict))
    compiled = _from_program(program)
    if compiled != re.compile(pattern, flags):      # the program is not what re builds: keep none
        raise ValueError("compiled program differs from re.compile's")
    return compiled, program


def _from_program(program: tuple) -> re.Pattern:
    import _sre

    _, pattern, _, all_flags, code, groups, groupindex = program
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, all_flags, code, groups, groupindex, tuple(indexgroup))


def _load_program(path, pattern: str, flags: int) -> re.Pattern | None:
    import marshal

    try:
        program = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(program, tuple) and len(program) == 7 and program[0] == _engine_tag()
            and program[1] == pattern and program[2] == int(flags)):
        return None
    return _from_program(program)


def _store_program(path, program: tuple) -> None:
    import marshal
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    old = sorted(path.parent.glob("*.marshal"), key=lambda p: p.stat().st_mtime)
    if len(old) >= MAX_CACHED_PATTERNS:
        for stale in old[:len(old) // 2 + 1]:
            stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pattern-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(program))
        os.replace(tmp, path)       # atomic: a process reading meanwhile sees the old file or the new one
    except BaseException:
        os.unlink(tmp)
        raise
