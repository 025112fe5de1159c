"""Our own gold records are well formed: FACTS.md fields and values, and evidence that is in the document."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kaidan.evaluate.scorer import evidence_ok

ROOT = Path(__file__).resolve().parent
GOLD = sorted(p for d in ("corpus", "corpus2", "corpus3") for p in (ROOT / d).glob("*.json") if p.name != "people.json")
KINDS = {"summit", "small_group", "working_lunch", "dinner", "signing_ceremony", "press_conference", "telephone",
         "video", "courtesy_call", "visit", "other"}
VERBS = {"agreed", "confirmed", "shared_view", "opposed", "welcomed", "signed", "other"}
DEADLINE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|FY\d{4}|within_days:\d+)$")


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_record_is_well_formed(path):
    rec = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / rec["doc"]).read_text(encoding="utf-8")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["event"]["date"])
    assert rec["event"]["countries"] == sorted(rec["event"]["countries"])
    for m in rec["meetings"]:
        assert m["kind"] in KINDS and (m["start"] is None or re.fullmatch(r"\d{2}:\d{2}", m["start"]))
    for a in rec["agreements"]:
        assert a["verb"] in VERBS
    for c in rec["commitments"]:
        assert c["deadline"] is None or DEADLINE.match(c["deadline"]), c["deadline"]
    for s in rec["statements"]:
        assert s["mode"] in ("direct", "reported")
    for kind in ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities"):
        for fact in rec[kind]:
            if "evidence" in fact:
                assert evidence_ok(fact["evidence"], text), (kind, fact["evidence"])
