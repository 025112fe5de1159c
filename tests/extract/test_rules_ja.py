"""The Japanese rule files: every rule is documented, and every fact names the exact rule that made it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kaidan.extract.grammar_ja import RULE_FIELDS, rules
from kaidan.pipeline import extract_text

RULES = Path(__file__).resolve().parents[2] / "src" / "kaidan" / "data" / "rules"
FACTS = ("agreements", "commitments", "statements")


@pytest.mark.parametrize("fact", FACTS)
def test_every_rule_has_id_version_construction_example_and_note(fact):
    data = json.loads((RULES / f"ja_{fact}.json").read_text(encoding="utf-8"))
    ids = [r["id"] for r in data["rules"]]
    assert len(ids) == len(set(ids))
    for r in data["rules"]:
        assert all(r.get(k) for k in RULE_FIELDS), r["id"]
        assert re.fullmatch(rf"kaidan\.ja\.{fact[:-1]}\.[a-z_]+", r["id"])
        assert isinstance(r["version"], int)
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", r["example"])


def known_ids() -> set[str]:
    return {f"{r['id']}.v{r['version']}" for fact in FACTS for r in rules(fact).values()}


HEAD = "令和6年5月10日\n5月10日、岸田総理大臣は、来日中のスナク英国首相と日英首脳会談を行ったところ、概要は以下のとおりです。\n"


@pytest.mark.parametrize("body, fact, rule", [
    ("岸田総理大臣から、2027年度までに防衛費を増額する方針を説明しました。", "commitments",
     "kaidan.ja.commitment.intent_noun.v2"),
    ("英国は、日本への液化水素の輸出を拡大すると約束しました。", "commitments", "kaidan.ja.commitment.party_clause.v1"),
    ("スナク首相は、日本への液化水素の輸出を拡大すると約束しました。", "commitments",
     "kaidan.ja.commitment.promise_verb.v2"),
    ("岸田総理大臣から、被災地の復興を全面的に支援する旨述べました。", "commitments", "kaidan.ja.commitment.own_action.v3"),
    ("政府は、来月中に追加の支援策をまとめる方針だ。", "commitments", "kaidan.ja.commitment.sentence_final.v2"),
    ("両首脳は、閣僚対話を毎年開くことで一致しました。", "agreements", "kaidan.ja.agreement.verb.v3"),
    ("両首脳は、閣僚対話を毎年開くことで一致。", "agreements", "kaidan.ja.agreement.nominal_end.v1"),
    ("岸田総理大臣は「協力は新たな段階に入った」と述べました。", "statements", "kaidan.ja.statement.direct.v2"),
    ("スナク首相から、日本の協力に謝意を表する旨述べました。", "statements", "kaidan.ja.statement.reported.v4"),
])
def test_each_path_names_its_own_rule(body, fact, rule):
    out = extract_text(HEAD + body, "t.txt").to_dict()
    assert [f["rule"] for f in out[fact]] == [rule]
    assert rule in known_ids()


@pytest.mark.parametrize("content, verb, modality", [
    ("早期に日本を訪問したい旨", "述べ", "wish"),
    ("協力を強化していく旨", "述べ", "intent"),
    ("支援を行う方針を", "説明し", "intent"),
    ("輸出を拡大すると", "約束し", "promise"),
    ("全面的に支援する旨", "述べ", "plain"),
    ("支援に謝意を", "表し", "other"),
])
def test_the_modality_of_a_clause_is_read_from_its_content_tokens(content, verb, modality):
    from kaidan.extract.clauses_ja import Clause
    from kaidan.extract.grammar_ja import depths
    from kaidan.extract.subjects import Subject
    from kaidan.nlp import Sentence, tokenize

    text = "首相は、" + content + verb + "た。"
    toks = tokenize(text)
    lo = next(k for k, t in enumerate(toks) if t.text == "、") + 1
    head = next(k for k, t in enumerate(toks) if t.start >= len("首相は、" + content))
    label = toks[head].lemma if toks[head].pos == "動詞" else toks[head].text
    c = Clause(Sentence(0, len(text), text, "ja", 0), tuple(toks), tuple(depths(toks)), lo, head, head + 2,
               "speech", label, Subject("person", None, "首相", 0, 2, "は"), content, 4)
    assert c.modality == modality


def test_an_ellipsis_is_no_quotation_bracket():
    """Sudachi reads … as three dots and gives the two it adds empty surfaces; the empty string is part of
    every string, so an empty token once opened a quotation and the rest of the sentence sat inside it."""
    from kaidan.extract.grammar_ja import depths
    from kaidan.nlp import ja

    text = "首相は「協力する…」と述べ、…を確認した。"
    toks = ja.tokenize(text)
    assert any(t.text == "" for t in toks)
    d = dict(zip(range(len(toks)), depths(toks, text)))
    inside = [t.text for i, t in enumerate(toks) if d[i] > 0]
    assert inside == ["協力", "する", "…", "", ""]
    assert d[len(toks) - 2] == 0          # 確認し(た) is outside any quotation
    assert depths(toks) == depths(toks, text)
