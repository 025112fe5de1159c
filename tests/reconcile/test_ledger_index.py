"""The ledger's indexed comparison gives the threads of comparing every entry with every head, and the ledger
built from the store's rows is the ledger built from the records they were written from."""
from __future__ import annotations

import datetime as dt
import json

from kaidan.reconcile import ledger
from kaidan.reconcile.match import party

def _naive_groups(events: list[dict]) -> list[list[tuple[str, str | None]]]:
    """The threads' (event, text) entries, found by comparing every entry with every head of its block."""
    entries = []
    for ev in sorted(events, key=lambda e: e["date_start"]):
        for c in ev["commitments"]:
            entries.append((ev["id"], ev["countries"], c))
    parent = list(range(len(entries)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    blocks: dict[tuple, list[int]] = {}
    for i, (_, countries, c) in enumerate(entries):
        for topic in (set(c["topics"]) - {"other"}) or {"other"}:
            blocks.setdefault((party(c["actor"]), countries, topic), []).append(i)
    facts = [{"actor": c["actor"], "text": c["text"] or "", "topics": c["topics"],
              "amount": {"value": float(c["amount"]["value"]), "unit": c["amount"]["unit"]} if c["amount"] else None}
             for _, _, c in entries]
    for members in blocks.values():
        heads: list[int] = []
        for i in members:
            for j in heads:
                if entries[i][0] != entries[j][0] and ledger._related(facts[i], facts[j]):
                    parent[find(i)] = find(j)
                    break
            else:
                heads.append(i)
    groups: dict[int, list] = {}
    for i, (event, _, c) in enumerate(entries):
        groups.setdefault(find(i), []).append((event, c["text"]))
    return sorted(sorted(g) for g in groups.values())


def test_indexed_heads_give_the_threads_of_comparing_every_head(ledger_records):
    linked = 0
    for seed in range(4):
        events = ledger_records(seed)
        threads = ledger.threads(events, dt.date(2026, 1, 1))
        ours = sorted(sorted((e.event, e.text) for e in t.entries) for t in threads)
        naive = _naive_groups(events)
        assert ours == naive
        linked += sum(len(g) > 1 for g in naive)
    assert linked >= 10   # the random records do make threads of several entries


def test_the_ledger_of_stored_rows_is_the_ledger_of_the_records(ledger_records):
    events = ledger_records(11)
    rows = []
    for ev in sorted(events, key=lambda e: e["date_start"]):
        for pos, date, countries, actor, text, _key, value, unit, qualifier, deadline, topics, support, cites, match, \
                _matcher in ledger.stored_commitments(ev):
            rows.append((ev["id"], date, countries, actor, text, value, unit, qualifier, deadline, topics, support,
                         cites, match))
    day = dt.date(2025, 6, 1)
    assert ledger.build_from_rows(rows, day) == ledger.build(events, day)
    assert [json.loads(c) for _, c in ledger.stored_conflicts(events[0])] == events[0]["conflicts"]


def test_a_stored_match_keeps_the_gloss_phrases_of_its_units():
    import json

    from kaidan.reconcile.bilingual import profile
    from kaidan.reconcile.ledger import _profile_of, match_json

    text = "首脳によるシャトル外交を続ける"
    stored = _profile_of(json.loads(match_json(text)))
    assert any(u.phrases for u in stored.units)
    assert stored == profile(text)


def test_a_stored_match_keeps_what_makes_its_units_compounds_or_modified_words():
    import json

    from kaidan.reconcile.bilingual import profile
    from kaidan.reconcile.ledger import _profile_of, match_json

    for text in ("拉致問題と請求権問題の解決を求める", "the claims issue"):
        stored = _profile_of(json.loads(match_json(text)))
        assert any(u.head or not u.bare for u in stored.units)
        assert stored == profile(text)
