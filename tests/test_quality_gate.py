"""The quality gate: extraction scored against gold records must stay above the floors in quality/."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kaidan.commands import check_floors, run_eval

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REQUIRED_SEED_FLOORS = {
    # issue: foundation
    "event_accuracy", "citation_validity", "types.meetings.f1", "types.signed_documents.f1",
    "types.quantities.f1", "attributes.meetings.start", "attributes.meetings.duration_minutes",
    # issue: agreements, commitments, statements
    "types.agreements.f1", "types.commitments.f1", "types.statements.f1", "attributes.statements.mode",
    "attributes.commitments.amount",
}


def test_seed_floors_file_keeps_every_required_floor():
    floors = json.loads((ROOT / "quality" / "seeds.json").read_text(encoding="utf-8"))
    assert REQUIRED_SEED_FLOORS <= set(floors), "a floor was dropped from quality/seeds.json"


@pytest.mark.skipif(not (SHARED / "gold" / "seeds").is_dir(), reason="../shared/gold/seeds not present")
def test_seed_corpus_meets_its_floors():
    scores = run_eval(SHARED / "gold" / "seeds", SHARED / "corpus" / "seeds")
    assert scores["documents"] == 5
    assert check_floors(scores, ROOT / "quality" / "seeds.json") == []


@pytest.mark.skipif(not (SHARED / "gold" / "real").is_dir(), reason="../shared/gold/real not present")
def test_real_documents_meet_their_floors():
    """65 real documents from other publishers (government readouts and news, Japanese and English)."""
    scores = run_eval(SHARED / "gold" / "real", SHARED / "corpus" / "real")
    assert scores["documents"] == 65 and scores["events_scored"] >= 30
    assert check_floors(scores, ROOT / "quality" / "real.json") == []


def test_own_corpus_meets_its_floors():
    corpus = ROOT / "tests" / "corpus"
    scores = run_eval(corpus, corpus)
    assert scores["documents"] >= 12
    assert check_floors(scores, ROOT / "quality" / "corpus.json") == []


@pytest.mark.parametrize("name", ["corpus2", "corpus3"])
def test_blind_corpora_meet_their_floors(name):
    corpus = ROOT / "tests" / name
    scores = run_eval(corpus, corpus)
    assert scores["documents"] >= 12
    assert check_floors(scores, ROOT / "quality" / f"{name}.json") == []


def test_floor_names_that_match_no_score_are_errors_not_skipped(tmp_path):
    from kaidan.errors import EvalError

    bad = tmp_path / "floors.json"
    bad.write_text('{"types.meeting.f1": 0.5}', encoding="utf-8")
    with pytest.raises(EvalError, match="names no score"):
        check_floors({"types": {"meetings": {"f1": 1.0}}, "attributes": {}}, bad)
