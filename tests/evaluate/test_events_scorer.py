"""The events scorer: grouping pairs, merges found and conflicts, on a hand-made store and on real coverage."""
from __future__ import annotations

from pathlib import Path

import pytest

from kaidan.commands import check_floors
from kaidan.evaluate.events import _names_not_conflict, _overlaps, _prf, score_folder

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT.parent / "shared" / "corpus" / "events"


def test_overlap_needs_shared_characters():
    assert _overlaps({"offsets": [10, 20]}, (19, 30))
    assert not _overlaps({"offsets": [10, 20]}, (20, 30))
    assert not _overlaps({"offsets": None}, (0, 5))
    assert not _overlaps({"offsets": [0, 5]}, None)


def test_pair_scores():
    assert _prf(3, 4, 6) == {"precision": 0.75, "recall": 0.5, "f1": 0.6}
    assert _prf(0, 0, 6)["f1"] == 0.0


def test_a_name_variant_listed_as_not_a_conflict_is_a_false_alarm():
    nots = ["Moon Jae-in / Moon Jae In / 文在寅（ムン・ジェイン）", "ソウル vs Seoul"]
    assert _names_not_conflict(["Moon Jae In", "文在寅"], nots)
    assert not _names_not_conflict(["11:00", "11:30"], nots)


@pytest.mark.skipif(not EVENTS.is_dir(), reason="../shared/corpus/events not present")
def test_real_coverage_meets_its_floors():
    scores = score_folder(EVENTS)
    assert scores["documents"] == 24 and not scores["ingest_failures"]
    assert check_floors(scores, ROOT / "quality" / "events.json") == []
