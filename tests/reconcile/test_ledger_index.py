"""The ledger's indexed comparison gives the threads of comparing every entry with every head, and the ledger
built from the store's rows is the ledger built from the records they were written from."""
from __future__ import annotations

import datetime as dt
import json
import random

from kaidan.reconcile import ledger
from kaidan.reconcile.match import party

WORDS = ["semiconductor", "supply", "chains", "rare", "earths", "shipbuilding", "investment", "energy", "LNG",
         "defence", "spending", "students", "exchange", "visas", "critical", "minerals", "nuclear", "reactors",
         "quantum", "research", "tariffs", "automobiles", "fisheries", "satellites"]
JA = ["半導体の供給網を強化する", "防衛費を増額する", "レアアースの共同開発を進める", "留学生の交流を拡大する",
      "防衛費を国内総生産比2パーセントに増額する", "原子力発電所の建設で協力する"]
ACTORS = ["Japan", "日本", "United States", "the United States", "Australia"]
TOPICS = ["investment", "security", "defense_spending", "energy", "economy", "other"]
UNITS = ["USD", "JPY", "percent_gdp"]


def _records(seed: int, n_events: int = 40) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for k in range(n_events):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(2000))
        countries = rnd.choice(["JP-US", "AU-JP"])
        commitments = []
        for _ in range(rnd.randrange(1, 6)):
            if rnd.random() < 0.3:
                text = rnd.choice(JA)
            else:
                text = "will " + " ".join(rnd.sample(WORDS, rnd.randrange(2, 6)))
            amount = ({"value": rnd.choice([1, 2, 550, 1000]), "unit": rnd.choice(UNITS)}
                      if rnd.random() < 0.3 else None)
            commitments.append({
                "actor": rnd.choice(ACTORS), "text": text, "amount": amount,
                "deadline": rnd.choice([None, "FY2027", "within_days:180"]),
                "topics": rnd.sample(TOPICS, rnd.randrange(0, 3)), "support": rnd.randrange(1, 4),
                "citations": [{"doc_id": f"d{k}", "doc": f"{k}.txt", "evidence": text, "offsets": [0, len(text)],
                               "rule": "test.rule.v1"}]})
        out.append({"id": f"{day.isoformat()}-{countries}-{k}", "date_start": day.isoformat(),
                    "countries": countries, "commitments": commitments,
                    "conflicts": [{"field": "meetings.start", "about": k}] if k % 7 == 0 else []})
    return out


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


def test_indexed_heads_give_the_threads_of_comparing_every_head():
    linked = 0
    for seed in range(4):
        events = _records(seed)
        threads = ledger.threads(events, dt.date(2026, 1, 1))
        ours = sorted(sorted((e.event, e.text) for e in t.entries) for t in threads)
        naive = _naive_groups(events)
        assert ours == naive
        linked += sum(len(g) > 1 for g in naive)
    assert linked >= 10   # the random records do make threads of several entries


def test_the_ledger_of_stored_rows_is_the_ledger_of_the_records():
    events = _records(11)
    rows = []
    for ev in sorted(events, key=lambda e: e["date_start"]):
        for pos, date, countries, actor, text, _key, value, unit, qualifier, deadline, topics, support, cites, match \
                in ledger.stored_commitments(ev):
            rows.append((ev["id"], date, countries, actor, text, value, unit, qualifier, deadline, topics, support,
                         cites, match))
    day = dt.date(2025, 6, 1)
    assert ledger.build_from_rows(rows, day) == ledger.build(events, day)
    assert [json.loads(c) for _, c in ledger.stored_conflicts(events[0])] == events[0]["conflicts"]
