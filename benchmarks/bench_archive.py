"""How the cost of adding one document grows with the archive (issue: grouping and merging at scale).

Synthetic documents are made by varying the fact records of real ones (the seed corpus, or any folder of
documents): each copy gets another date (2017–2026) and another pair of countries, and keeps a few facts
of each type. The script fills a fresh SQLite archive up to ``--max`` documents and, at each checkpoint,
times adding the next ``--probe`` documents (store the text, save the facts, place the document in its
event), and the latency of reading one event record (merge) and the ledger of one event.

    .venv/bin/python benchmarks/bench_archive.py --max 100000

A cost per document that stays flat as the archive grows is what the indexed (countries, date) lookup
promises; a quadratic design would show the per-document time growing with the archive.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kaidan.ingest import RawDocument, load  # noqa: E402
from kaidan.pipeline import EXTRACTOR_VERSION, extract_text  # noqa: E402
from kaidan.reconcile.events import place  # noqa: E402
from kaidan.reconcile.merge import merge_event  # noqa: E402
from kaidan.store import Store  # noqa: E402

COUNTRIES = ["JP", "US", "GB", "FR", "DE", "IN", "KR", "AU", "CA", "IT", "PH", "ID"]
KEEP = 4  # facts of each type kept in a synthetic record


def templates(corpus: Path) -> list[tuple[str, dict]]:
    out = []
    for p in sorted(corpus.glob("*.txt")):
        doc = load(str(p))
        rec = extract_text(doc.text, p.name, doc.lang)
        out.append((doc.text[:2000], rec.to_dict()))
    return out


def synthetic(i: int, tpl: tuple[str, dict], rng: random.Random) -> tuple[RawDocument, dict]:
    text, rec = tpl
    date = (dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(3650))).isoformat()
    countries = sorted(rng.sample(COUNTRIES, 2))
    r = {k: (v[:KEEP] if isinstance(v, list) else v) for k, v in rec.items()}
    r["doc"] = f"synthetic-{i}.txt"
    r["event"] = {"date": date, "countries": countries}
    r["meetings"] = [{**m, "date": date} for m in r.get("meetings", [])]
    body = f"{i}\n{text}"
    doc = RawDocument(f"{i:016x}", r["doc"], body, rec["lang"], None, "text", "utf-8", None, len(body))
    return doc, r


def add(store: Store, doc: RawDocument, rec: dict) -> None:
    store.add_document(doc)
    store.save_facts(doc.id, rec, EXTRACTOR_VERSION)
    place(store, doc.id, rec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    ap.add_argument("--max", type=int, default=100_000)
    ap.add_argument("--probe", type=int, default=300, help="documents timed at each checkpoint")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench_archive: {args.corpus} not found; pass --corpus with a folder of documents")
    tpls = templates(args.corpus)
    rng = random.Random(7)
    checkpoints = [c for c in (1_000, 3_000, 10_000, 30_000, 100_000, 300_000) if c <= args.max]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        n = 0
        t_fill = time.perf_counter()
        for cp in checkpoints:
            while n < cp:
                add(store, *synthetic(n, tpls[n % len(tpls)], rng))
                n += 1
                if n % 10_000 == 0:
                    print(f"bench_archive: {n:,} documents ({time.perf_counter() - t_fill:.0f} s)", file=sys.stderr)
            per = []
            for _ in range(args.probe):
                doc, rec = synthetic(n, tpls[n % len(tpls)], rng)
                t = time.perf_counter()
                add(store, doc, rec)
                per.append((time.perf_counter() - t) * 1000)
                n += 1
            ids = [e["id"] for e in store.iter_events()]
            lat = []
            for eid in rng.sample(ids, min(50, len(ids))):
                t = time.perf_counter()
                merge_event(store.get_event(eid), store.event_records(eid))
                lat.append((time.perf_counter() - t) * 1000)
            rows.append({"documents": n, "events": len(ids), "add_ms_median": statistics.median(per),
                         "add_ms_p95": sorted(per)[int(0.95 * len(per)) - 1], "event_record_ms_median":
                         statistics.median(lat), "db_mb": (Path(tmp) / "bench.db").stat().st_size / 1e6})
    if args.json:
        print(json.dumps(rows))
        return
    print(f"{'documents':>10} {'events':>8} {'add ms p50':>11} {'add ms p95':>11} {'event rec ms':>13} {'db MB':>8}")
    for r in rows:
        print(f"{r['documents']:>10,} {r['events']:>8,} {r['add_ms_median']:>11.2f} {r['add_ms_p95']:>11.2f} "
              f"{r['event_record_ms_median']:>13.2f} {r['db_mb']:>8.0f}")
    first, last = rows[0], rows[-1]
    growth = last["add_ms_median"] / first["add_ms_median"]
    print(f"\nadding one document: x{growth:.2f} from {first['documents']:,} to {last['documents']:,} documents "
          f"(archive x{last['documents'] / first['documents']:.0f}); quadratic work would grow it about "
          f"x{last['documents'] / first['documents']:.0f}")


if __name__ == "__main__":
    main()
