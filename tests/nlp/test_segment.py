"""Sentence splitting keeps quotations whole and offsets exact."""
from __future__ import annotations

from hypothesis import given, strategies as st

from kaidan.nlp import split_sentences, tokenize


def test_japanese_quotation_of_several_sentences_is_one_sentence():
    text = "首相は「協力を深めたい。具体策はこれからだ。」と述べた。次の文です。"
    assert [s.text for s in split_sentences(text)] == [
        "首相は「協力を深めたい。具体策はこれからだ。」と述べた。", "次の文です。"]


def test_unbalanced_bracket_does_not_swallow_the_next_line():
    text = "「閉じない引用。まだ続く\n次の行。"
    assert [s.text for s in split_sentences(text)][-1] == "次の行。"


def test_english_abbreviations_do_not_end_sentences():
    text = "President Donald J. Trump met Prime Minister Ishiba in Washington, D.C. on Friday. The U.S. side agreed."
    assert [s.text for s in split_sentences(text)] == [
        "President Donald J. Trump met Prime Minister Ishiba in Washington, D.C. on Friday.", "The U.S. side agreed."]


def test_language_per_line_in_a_mixed_page():
    text = "両首脳は一致しました。\nThe two leaders affirmed their alliance."
    assert [s.lang for s in split_sentences(text)] == ["ja", "en"]


@given(st.text(alphabet="あいう。「」『』abc. \nXYZ!?", max_size=80))
def test_offsets_slice_back(text):
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text


def test_tokens_carry_lemma_form_and_document_offsets():
    toks = tokenize("確認しました", offset=10)
    assert [t.lemma for t in toks][:2] == ["確認", "する"]
    assert toks[0].start == 10 and toks[-1].end == 16
    assert toks[1].form.startswith("連用形")


def test_long_input_is_fed_in_chunks():
    text = "日米同盟を強化する。" * 3000   # 30,000 characters, ~90 kB: above Sudachi's single-call limit
    toks = tokenize(text)
    assert toks[-1].end == len(text)


def test_an_abbreviation_stop_ends_the_sentence_before_a_word_that_opens_one():
    text = "The talks began at 3 p.m. Afterward, they toured the port. Talks at 3 p.m. Tokyo time followed."
    assert [s.text for s in split_sentences(text)] == [
        "The talks began at 3 p.m.", "Afterward, they toured the port.", "Talks at 3 p.m. Tokyo time followed."]
    assert len(split_sentences("He met the U.S. President in the U.S. They spoke.")) == 2


def test_english_sentences_glued_without_a_space_are_split_with_exact_offsets():
    text = ("Lee said they agreed to release a document on the outcome.It is the first time in 17 years. "
            "Talks ended at 6 p.m. Saturday with the U.S.Welcoming the outcome.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Lee said they agreed to release a document on the outcome.", "It is the first time in 17 years.",
        "Talks ended at 6 p.m. Saturday with the U.S.", "Welcoming the outcome."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def _split_ja_by_character(line: str) -> list[tuple[int, int]]:
    """The Japanese splitter's rule read one character at a time: a stop ends a span at bracket depth 0,
    a closing bracket never takes the depth below 0."""
    from kaidan.nlp.segment import CLOSE, JA_STOPS, OPEN

    spans, depth, start = [], 0, 0
    for i, ch in enumerate(line):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in JA_STOPS and depth == 0:
            spans.append((start, i + 1))
            start = i + 1
    spans.append((start, len(line)))
    return spans


@given(st.text(alphabet="あ漢ア。！？!?「」『』（）()［］【】〈〉《》“”a ", max_size=60))
def test_japanese_spans_are_those_of_the_rule_read_per_character(line):
    from kaidan.nlp.segment import _split_ja

    assert _split_ja(line) == _split_ja_by_character(line)


def test_a_stray_closing_bracket_does_not_keep_the_next_stop_from_ending_a_sentence():
    text = "注）終わった。次の文！最後?"
    assert [s.text for s in split_sentences(text)] == ["注）終わった。", "次の文！", "最後?"]
