"""Shared text utilities."""
from __future__ import annotations

from kaidan.text import glued_breaks


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
