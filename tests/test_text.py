"""Shared text utilities."""
from __future__ import annotations

from kaidan.text import fold, glued_breaks


def test_glued_english_sentences_are_cut_after_their_full_stop_but_abbreviations_are_not():
    t = "They met at 6 p.m. Saturday.President Lee spoke.It was agreed with the U.S.Welcoming this, U.S.A. firms and J.P. Morgan."
    assert [t[:b].split()[-1] for b in glued_breaks(t)] == ["Saturday.", "spoke.", "U.S."]


def test_a_full_stop_before_the_straight_quote_closing_its_quotation_is_no_glued_break():
    assert glued_breaks('He said "ties reached a new level." "I hope so," Lee replied.') == []
    assert glued_breaks('They met."We agreed," Lee said.') == [len("They met.")]


def test_sentences_with_a_space_after_the_full_stop_have_no_glued_break():
    assert glued_breaks("The talks lasted an hour. Lee spoke. Ishiba replied.") == []


def test_the_stemmer_folds_an_adjective_and_its_noun():
    from kaidan.reconcile.bilingual import stem

    assert stem("regional") == stem("region")
    assert stem("stability") == stem("stable")
    assert stem("responsibility") == stem("responsible")
    assert stem("traditional") != stem("trade")


def test_a_first_character_lookahead_keeps_every_match_of_a_pattern_with_an_optional_opening():
    import re

    from kaidan.text import first_char_gate

    pattern = r"(?:\b(?P<pre>about|more\s+than)\s+)?(?<![\w.])(?P<n>\d+|two)\s+minutes"
    gate = first_char_gate(["about", "more than", "two"], r"\d")
    assert gate == r"(?=[amt\d])"
    text = "About 40 minutes, then MORE THAN two minutes and ２ minutes (not x3 minutes), over 5 minutes"
    found = [(m.span(), m.groups()) for m in re.finditer(gate + pattern, text, re.I)]
    assert found == [(m.span(), m.groups()) for m in re.finditer(pattern, text, re.I)]
    assert [m.group("n") for m in re.finditer(gate + pattern, text, re.I)] == ["40", "two", "２", "5"]
    assert first_char_gate([]) == ""


def test_a_gated_pattern_looks_for_its_words_only_between_pos_and_endpos():
    import re

    from kaidan.text import Gated

    thanks = Gated(re.compile(r"支援の表明に(?:感謝|謝意)"), "感謝", "謝意")
    text = "支援の表明に留意した。支援の表明に感謝する。"
    first = len("支援の表明に留意した。")
    assert list(thanks.finditer(text, 0, first)) == []
    assert [m.span() for m in thanks.finditer(text, first, len(text))] == [(first, first + 8)]
    assert thanks.search(text, 0, first) is None and thanks.search(text).start() == first
    assert thanks.search("支援の表明に留意した。") is None


# -- compile_large: large patterns kept compiled between processes ------------------------------------

def _large_pattern() -> str:
    from kaidan.people import trie_pattern

    words = [f"{a}{b}{c}ン" for a in "アイウエオカキクケコ" for b in "サシスセソタチツテト" for c in "ナニヌネノ"]
    return rf"(?P<pre>前)?(?P<name>{trie_pattern(words)})(?:氏|さん)?"


def test_compile_large_gives_re_compiles_pattern_and_reads_it_back_without_parsing(tmp_path, monkeypatch):
    import re as re_mod

    from kaidan import text

    monkeypatch.setenv("KAIDAN_PATTERN_CACHE", str(tmp_path))
    pattern = _large_pattern()
    assert len(pattern) >= text.LARGE_PATTERN
    first = text.compile_large(pattern, re_mod.I)
    assert first == re_mod.compile(pattern, re_mod.I)
    assert len(list(tmp_path.glob("*.marshal"))) == 1

    def no_parsing(*a, **k):
        raise AssertionError("the pattern was parsed again")

    re_mod.purge()          # re's own per-process cache would answer re.compile without parsing either
    monkeypatch.setattr(re_mod._parser, "parse", no_parsing)
    again = text.compile_large(pattern, re_mod.I)
    assert again == first and again.groupindex == first.groupindex
    m = again.search("きのう前カサナンさんが")
    assert m and m.group("pre") == "前" and m.group("name") == "カサナン" and m.group(0) == "前カサナンさん"


def test_compile_large_falls_back_on_a_damaged_or_missing_cache(tmp_path, monkeypatch):
    import re as re_mod

    from kaidan import text

    pattern = _large_pattern()
    monkeypatch.setenv("KAIDAN_PATTERN_CACHE", str(tmp_path))
    text.compile_large(pattern)
    (path,) = tmp_path.glob("*.marshal")
    path.write_bytes(b"\x00not a program")
    assert text.compile_large(pattern) == re_mod.compile(pattern)
    monkeypatch.setenv("KAIDAN_PATTERN_CACHE", "")         # no cache folder at all
    path.unlink()
    assert text.compile_large(pattern) == re_mod.compile(pattern)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv("KAIDAN_PATTERN_CACHE", str(tmp_path / "file"))
    (tmp_path / "file").write_text("a file, not a folder")
    assert text.compile_large(pattern) == re_mod.compile(pattern)


def test_compile_large_keeps_a_bounded_number_of_files(tmp_path, monkeypatch):
    from kaidan import text

    monkeypatch.setenv("KAIDAN_PATTERN_CACHE", str(tmp_path))
    monkeypatch.setattr(text, "MAX_CACHED_PATTERNS", 4)
    for i in range(9):
        text.compile_large(_large_pattern() + "x" * i)
    assert 1 <= len(list(tmp_path.glob("*.marshal"))) <= 4


def test_bigrams_count_each_character_with_the_next_in_order_of_first_occurrence():
    from kaidan.text import bigrams

    got = bigrams("日米日米首脳")
    assert list(got.items()) == [("日米", 2), ("米日", 1), ("米首", 1), ("首脳", 1)]
    assert list(bigrams("a").items()) == [("a", 1)]


def test_bigrams_are_the_slices_of_two_characters_at_every_position():
    from collections import Counter

    from hypothesis import given, strategies as st

    from kaidan.text import bigrams

    @given(st.text(alphabet="日米あ。ab ", min_size=2, max_size=40))
    def check(text):
        assert list(bigrams(text).items()) == list(Counter(text[i:i + 2] for i in range(len(text) - 1)).items())

    check()


def test_fold_maps_full_width_ascii_one_character_for_one():
    text = "会談は１５時３０分から、５５００億ドル（ＵＳ＄）"
    folded = fold(text)
    assert folded == "会談は15時30分から、5500億ドル(US$)"
    assert len(folded) == len(text)


def test_fold_leaves_a_text_without_full_width_ascii_as_it_is():
    text = "The talks lasted 55 minutes."
    assert fold(text) is text
