"""The tokens of a clause inside a quotation are the sentence's own tokens, sliced, when the clause starts and
ends at token boundaries; a clause cut inside a token is tokenised on its own, at its document offsets."""
from __future__ import annotations

from kaidan.extract.quotes_ja import span_tokens
from kaidan.nlp import tokenize

PREFIX = "首相は会談後、"
SENTENCE = "「日本はいつでも助けになる。新たな基金を設立する」と述べた。"


def _sentence():
    return tokenize(SENTENCE, len(PREFIX))


def test_aligned_span_is_the_sentence_slice():
    toks = _sentence()
    clause = "新たな基金を設立する"
    at = len(PREFIX) + SENTENCE.index(clause)
    got = span_tokens(toks, 0, len(toks), at, clause)
    assert "".join(t.text for t in got) == clause
    assert all(any(g is t for t in toks) for g in got)      # the very tokens of the sentence, not new ones
    assert got[0].start == at and got[-1].end == at + len(clause)


def test_span_cut_inside_a_token_is_tokenised_at_its_offsets():
    toks = _sentence()
    clause = "たな基金を設立"                                      # starts inside 新た
    at = len(PREFIX) + SENTENCE.index(clause)
    got = span_tokens(toks, 0, len(toks), at, clause)
    assert "".join(t.text for t in got) == clause
    assert not any(g is t for g in got for t in toks)
    assert got[0].start == at and got[-1].end == at + len(clause)
