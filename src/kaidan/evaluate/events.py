"""Scoring reconciliation against a folder of real multi-source coverage (the ``corpus/events`` form).

The folder holds one sub-folder per event with an ``expected.json`` (``event_id``, ``docs``, ``merges``,
``conflicts``, ``not_conflicts``) and a ``decoys/`` folder whose documents must each stay alone. Every
``.txt`` under the folder is ingested into a fresh database, as a new user would, and scored:

1. **grouping** — over all unordered pairs of documents, a pair is *put together* when both are main
   sources of one event; precision, recall and F1 against the gold events (each decoy its own event);
2. **merges** — a gold merge is *found* when one merged fact in the record of the event holding most of
   its documents cites every document of the merge with a span overlapping the gold evidence (character
   offsets in the stored text); merged facts citing two or more documents and matching no gold merge are
   counted as *suspect* (the gold is not exhaustive);
3. **conflicts** — a gold conflict is found when one reported conflict cites at least two of its documents
   with overlapping evidence; precision = reported conflicts matching a gold conflict / all reported. A
   reported conflict is a definite false alarm when two of its values are both named in the ``what`` of a
   ``not_conflicts`` entry (compared after NFKC and case folding).
"""
from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

from ..text import nfkc_fold

MERGED_LISTS = ("programme", "signed_documents", "agreements", "commitments", "statements", "quantities")


def load_folder(folder: Path) -> tuple[list[dict], list[str], list[Path]]:
    """Gold events, decoy file names and every ``.txt`` file of a folder in the ``corpus/events`` form."""
    folder = Path(folder)
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*/expected.json"))
            if p.parent.name != "decoys"]
    decoys_file = folder / "decoys" / "expected.json"
    decoys = [d["file"] for d in json.loads(decoys_file.read_text(encoding="utf-8"))["decoys"]] \
        if decoys_file.exists() else []
    files = sorted(p for p in folder.rglob("*.txt"))
    return gold, decoys, files


def _overlaps(cite: dict, span: tuple[int, int] | None) -> bool:
    off = cite.get("offsets")
    return bool(span and off and off[0] < span[1] and span[0] < off[1])


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score_store(store, gold: list[dict], decoys: list[str]) -> dict:
    """Scores of the documents and events in a store against the gold of one folder."""
    from ..reconcile import archive

    archive.place_missing(store)
    doc_ids: dict[str, str] = {}
    for doc_id, record in store.iter_facts():
        doc_ids[record.get("doc")] = doc_id
    texts = {name: store.document_text(i) or "" for name, i in doc_ids.items()}
    main_events = {name: {e["id"] for e in store.events_of_document(i) if e["main"]} for name, i in doc_ids.items()}
    all_events = {name: {e["id"] for e in store.events_of_document(i)} for name, i in doc_ids.items()}

    # 1. grouping
    gold_of = {d: g["event_id"] for g in gold for d in g["docs"]}
    names = sorted(set(gold_of) | set(decoys))
    together = gold_pairs = tp = 0
    for a, b in itertools.combinations(names, 2):
        mine = bool(main_events.get(a, set()) & main_events.get(b, set()))
        theirs = a in gold_of and gold_of.get(a) == gold_of.get(b)
        together += mine
        gold_pairs += theirs
        tp += mine and theirs
    grouping = _prf(tp, together, gold_pairs)
    grouping["unplaced"] = sorted(n for n in names if not all_events.get(n))

    def span_of(doc: str, evidence: str) -> tuple[int, int] | None:
        i = texts.get(doc, "").find(evidence)
        return (i, i + len(evidence)) if i >= 0 else None

    records: dict[str, dict] = {}

    def record(event_id: str) -> dict:
        if event_id not in records:
            records[event_id] = archive.event_record(store, event_id) or {}
        return records[event_id]

    per_event = []
    merges_found = merges_total = cross_found = cross_total = 0
    conflict_spans: list[tuple[str, list[tuple[str, tuple[int, int] | None]]]] = []
    suspects = []
    for g in gold:
        counts: dict[str, int] = {}
        for d in g["docs"]:
            for e in main_events.get(d, ()):
                counts[e] = counts.get(e, 0) + 1
        right = max(sorted(counts), key=lambda e: (counts[e], e == g["event_id"])) if counts else None
        rec = record(right) if right else {}
        facts = [f for kind in MERGED_LISTS for f in rec.get(kind) or []]
        found_facts: set[int] = set()
        missed = []
        n_found = 0
        for m in g["merges"]:
            spans = [(s["doc"], span_of(s["doc"], s["evidence"])) for s in m["spans"]]
            cross = len({"ja" if s["doc"].endswith("_ja.txt") else "en" for s in m["spans"]}) > 1
            hit = None
            for i, f in enumerate(facts):
                cites = f.get("citations") or []
                if all(any(c.get("doc") == doc and _overlaps(c, span) for c in cites) for doc, span in spans):
                    hit = i
                    break
            merges_total += 1
            cross_total += cross
            if hit is not None:
                found_facts.add(hit)
                n_found += 1
                merges_found += 1
                cross_found += cross
            else:
                missed.append(m["what"])
        for i, f in enumerate(facts):
            if i not in found_facts and len({c.get("doc_id") for c in f.get("citations") or []}) >= 2:
                if not _matches_merge(f, g, span_of):
                    suspects.append({"event": right, "text": f.get("text") or f.get("title") or f.get("kind"),
                                     "docs": sorted({c.get("doc") for c in f.get("citations") or []})})
        for c in g["conflicts"]:
            conflict_spans.append((c["what"], [(s["doc"], span_of(s["doc"], s["evidence"])) for s in c["spans"]]))
        per_event.append({"event_id": g["event_id"], "placed_as": right, "merges_found": n_found,
                          "merges": len(g["merges"]), "missed": missed})

    # 3. conflicts
    reported = archive.conflicts(store)
    not_conflicts = [nc["what"] for g in gold for nc in g.get("not_conflicts") or []]
    matched_gold: set[int] = set()
    good = 0
    false_alarms, unmatched = [], []
    for rc in reported:
        cites = [c for v in rc.get("values") or [] for c in v.get("citations") or []]
        hit = False
        for k, (_what, spans) in enumerate(conflict_spans):
            docs_hit = {doc for doc, span in spans if any(c.get("doc") == doc and _overlaps(c, span) for c in cites)}
            if len(docs_hit) >= 2:
                matched_gold.add(k)
                hit = True
        good += hit
        if not hit:
            summary = {"event": rc.get("event"), "field": rc.get("field"), "about": rc.get("about"),
                       "values": [str(v.get("value")) for v in rc.get("values") or []]}
            if _names_not_conflict(summary["values"], not_conflicts):
                false_alarms.append(summary)
            else:
                unmatched.append(summary)
    return {
        "documents": len(names),
        "grouping": grouping,
        "merges": {"found": merges_found, "total": merges_total,
                   "recall": round(merges_found / merges_total, 4) if merges_total else 0.0,
                   "cross_language_found": cross_found, "cross_language_total": cross_total,
                   "cross_language_recall": round(cross_found / cross_total, 4) if cross_total else 0.0,
                   "suspect": len(suspects)},
        "conflicts": {"found": len(matched_gold), "total": len(conflict_spans),
                      "recall": round(len(matched_gold) / len(conflict_spans), 4) if conflict_spans else 0.0,
                      "reported": len(reported), "matching": good,
                      "precision": round(good / len(reported), 4) if reported else 0.0,
                      "false_alarms": len(false_alarms)},
        "per_event": per_event,
        "false_alarms": false_alarms,
        "unmatched_conflicts": unmatched,
        "suspect_merges": suspects,
    }


def _matches_merge(fact: dict, gold_event: dict, span_of) -> bool:
    """A merged fact that cites, with overlapping spans, two documents of some gold merge (a partial find)."""
    cites = fact.get("citations") or []
    for m in gold_event["merges"]:
        docs = {s["doc"] for s in m["spans"] if any(c.get("doc") == s["doc"] and _overlaps(c, span_of(s["doc"], s["evidence"]))
                                                    for c in cites)}
        if len(docs) >= 2:
            return True
    return False


def _names_not_conflict(values: list[str], not_conflicts: list[str]) -> bool:
    folded = [nfkc_fold(v) for v in values if v]
    for what in not_conflicts:
        w = nfkc_fold(what)
        if sum(1 for v in folded if v and v in w) >= 2:
            return True
    return False


def score_folder(folder: Path) -> dict:
    """Ingest every ``.txt`` of the folder into a fresh temporary database and score it."""
    from ..pipeline import ingest
    from ..store import Store

    gold, decoys, files = load_folder(folder)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "events.db")
        try:
            report = ingest([str(p) for p in files], store)
            scores = score_store(store, gold, decoys)
        finally:
            store.close()
    scores["ingest_failures"] = report.failures
    return scores


def format_event_scores(s: dict) -> str:
    g, m, c = s["grouping"], s["merges"], s["conflicts"]
    lines = [
        f"documents: {s['documents']}  unplaced: {len(g['unplaced'])}",
        f"same-event pairs  P {g['precision']:.2f}  R {g['recall']:.2f}  F1 {g['f1']:.2f}",
        f"merges found      {m['found']}/{m['total']} ({m['recall']:.2f}); across languages "
        f"{m['cross_language_found']}/{m['cross_language_total']} ({m['cross_language_recall']:.2f}); "
        f"suspect {m['suspect']}",
        f"conflicts         recall {c['found']}/{c['total']} ({c['recall']:.2f}); precision "
        f"{c['matching']}/{c['reported']} ({c['precision']:.2f}); false alarms {c['false_alarms']}",
    ]
    for e in s["per_event"]:
        lines.append(f"  {e['event_id']}: placed as {e['placed_as']}, merges {e['merges_found']}/{e['merges']}")
    return "\n".join(lines)
