"""Event (date + countries) of every document against gold: real corpus gold and the events folder manifest.

Reads gold and the manifest to MEASURE only; the extractor sees each document's text alone.

    PYTHONPATH=src python benchmarks/event_report.py [--only-wrong] [--set real|events|all]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from kaidan.ingest import load
from kaidan.pipeline import extract_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _extract(path: Path, name: str):
    doc = load(str(path))
    return extract_text(doc.text, name, doc.lang, doc.published)


def real_rows():
    gold_dir, docs = SHARED / "gold" / "real", SHARED / "corpus" / "real"
    for g in sorted(gold_dir.glob("*.json")):
        rec = json.loads(g.read_text())
        if "event" not in rec:
            continue
        ev = rec["event"]
        doc = docs / rec["doc"]
        if not doc.exists():
            continue
        yield rec["doc"], doc, ev.get("date"), sorted(ev.get("countries") or []), ev.get("date_stated", True)


def events_rows():
    root = SHARED / "corpus" / "events"
    decoys = json.loads((root / "decoys" / "expected.json").read_text())
    decoy_countries = {}
    for d in decoys if isinstance(decoys, list) else decoys.get("decoys", []):
        decoy_countries[d.get("doc") or d.get("file")] = sorted(d.get("countries") or [])
    with open(root / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ev = row["event_id_or_decoy"]
            name = Path(row["file"]).name
            if ev.startswith("decoy:"):
                countries = decoy_countries.get(name, [])
            else:
                countries = sorted(ev.split("-")[3:])
            yield name, root / row["file"], row["date_of_meeting"], countries, True


def run(rows, only_wrong: bool):
    ok = scored = 0
    for name, path, date, countries, stated in rows:
        facts = _extract(path, name)
        got_d, got_c = facts.event.date, sorted(facts.event.countries)
        d_ok, c_ok = got_d == date, got_c == countries
        if stated:
            scored += 1
            ok += d_ok and c_ok
        if only_wrong and (d_ok or not stated) and c_ok:
            continue
        mark = "ok " if (d_ok or not stated) and c_ok else "BAD"
        print(f"{mark} {name:<50} gold {date} {'-'.join(countries):<8}{'' if stated else ' (not stated)'}"
              f"  got {got_d} {'-'.join(got_c)}")
    return ok, scored


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only-wrong", action="store_true")
    ap.add_argument("--set", default="all", choices=["real", "events", "all"])
    a = ap.parse_args()
    totals = []
    if a.set in ("real", "all"):
        totals.append(("real", *run(real_rows(), a.only_wrong)))
    if a.set in ("events", "all"):
        totals.append(("events", *run(events_rows(), a.only_wrong)))
    for name, ok, n in totals:
        print(f"{name}: {ok}/{n} events right (date and countries; date not scored where gold says not stated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
