"""The per-sentence gates and shortcuts change no answer: each gated pattern against its bare pattern, the
script counts against listing every letter, and the facts' merge against comparing every earlier fact."""
import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaidan import text as textmod
from kaidan.extract import clauses, meetings
from kaidan.nlp import segment
from kaidan.normalize import dates, times

TEXTS = [
    "会談は午後3時から約1時間30分間行われ、3時間以内に共同声明に署名した。",
    "The leaders met for about an hour and a half from 3:30 p.m. and signed the declaration.",
    "They talked for an h or two hrs, then for two hours, then 2 hrs and 1h.",
    "for an h, a hr and two hrs",          # no digit and no "hour": every bare match is one the reader drops
    "The summit opened at noon; the talks lasted ninety minutes within two weeks of the visit.",
    "両首脳は、本日、共同文書に署名を行った。1時間弱の会談だった。",
    "首脳会談は１０時半から行われた。",
    "",
]


def _bare(monkeypatch, module, name):
    monkeypatch.setattr(module, name, getattr(module, name).pattern)


@pytest.mark.parametrize("text", TEXTS)
def test_time_patterns_gated_only_where_they_cannot_give_a_result(monkeypatch, text):
    gated = (times._find_clock_times(text), times._find_durations(text))
    times.find_clock_times.cache_clear()
    _bare(monkeypatch, times, "_EN_CLOCK")
    _bare(monkeypatch, times, "_EN_HOURS")
    assert (times._find_clock_times(text), times._find_durations(text)) == gated
    times.find_clock_times.cache_clear()


def test_a_bare_h_without_a_figure_is_matched_by_the_pattern_but_never_kept():
    text = "for an h, a hr and two hrs"
    assert times._EN_HOURS.pattern.search(text)         # the bare pattern matches: the gate is what skips it
    assert not times._EN_HOURS.gate.search(text)
    assert times._find_durations(text) == []


@pytest.mark.parametrize("text", TEXTS)
def test_span_and_signing_patterns_gated_only_where_they_cannot_match(text):
    f = dates.fold(text)
    assert [m.span() for m in dates._JP_SPAN.finditer(f)] == [m.span() for m in dates._JP_SPAN.pattern.finditer(f)]
    got, bare = meetings.SIGNING.search(text), meetings.SIGNING.pattern.search(text)
    assert (got and got.span()) == (bare and bare.span())


_SCRIPTS = st.text(st.sampled_from("aZé日本語かなカナｶﾅ々〆ー。、 ,.1２-\u00c0\u024f\u3005\uf900\uff9e"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_SCRIPTS)
def test_script_counts_are_the_counts_of_letters(s):
    ja = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]", s))
    en = len(re.findall(r"[A-Za-z]", s))
    assert segment.script_lang(s) == ("ja" if ja * 3 >= en else "en")
    assert textmod.script_weights(s) == (textmod.JA_CHAR_WEIGHT * len(textmod.JA_CHARS.findall(s)),
                                         float(len(textmod.LATIN_CHARS.findall(s))))


@dataclass(frozen=True)
class _Fact:
    text: str
    actor: str


def _every_pair(facts, key):
    """The merge as it reads: each fact against every fact kept so far, in order."""
    out = []
    for f in facts:
        t = clauses._Text(f, key(f))
        for i, o in enumerate(out):
            if t.key == o.key and t.same(o):
                if len(t.norm) > len(o.norm):
                    out[i] = t
                break
        else:
            out.append(t)
    return [t.fact for t in out]


_WORDS = st.sampled_from(["両首脳は", "協力を", "強化する", "ことで", "一致した", "the leaders", "agreed", "to",
                          "strengthen", "cooperation", "。", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_WORDS, max_size=6), st.sampled_from(["A", "B", "C"])), max_size=12))
def test_merging_within_a_key_is_merging_against_every_earlier_fact(rows):
    facts = [_Fact(" ".join(words), actor) for words, actor in rows]
    key = lambda f: f.actor          # noqa: E731
    assert clauses._dedup(facts, key) == _every_pair(facts, key)
    assert clauses._dedup(facts, lambda f: 0) == _every_pair(facts, lambda f: 0)
