"""How the cost of adding one document grows with the archive (issue: grouping and merging at scale).

Synthetic documents are made by varying the fact records of real ones (the seed corpus, or any folder of
documents): each copy gets another date (2017–2026) and another pair of countries, and keeps a few facts
of each type. The script fills a fresh SQLite archive up to ``--max`` documents and, at each checkpoint,
times adding the next ``--probe`` documents (store the text, save the facts, place the document in its
event), and the latency of reading one event record (merge) and the ledger of one event.

    .venv/bin/python benchmarks/bench_archive.py --max 100000

A cost per document that stays flat as the archive grows is what the indexed (countries, date) lookup
promises; a quadratic design would show the per-document time growing with the archive.

``--ledger`` times the commitment ledger and the conflict list instead, at ``--docs`` documents with many
sources per event and distinct commitment texts, on SQLite or (``--db postgresql://…``) PostgreSQL:

    .venv/bin/python benchmarks/bench_archive.py --ledger --docs 10000,100000 [--db postgresql://…]

Extracting and merging 100,000 documents takes hours on two cores, so the archive is built synthetically
through the store API: each document is stored with a small fact record and linked to its event
(``--sources`` per event; on PostgreSQL these rows are inserted in one transaction per event, the same
rows without a round trip per statement), and each event gets a merged record (``cache_event_record``, which writes the
commitment and conflict rows as a real merge's flush does) shaped like the seeds' merged records, with
``--commitments`` commitments of distinct wording (Japanese and English) and a conflict in one event of
three. ``kaidan commitments --json`` and ``kaidan conflicts --json`` then run as separate processes
(wall time and peak RSS), and so does the former path, which decoded every cached record with
commitments (``--old``).
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


JA_SUBJECTS = ["半導体", "重要鉱物", "造船", "液化天然ガス", "原子力", "量子技術", "宇宙開発", "人工知能", "水素", "蓄電池",
               "医薬品", "漁業", "農産品", "鉄道", "港湾", "送電網", "防衛装備品", "サイバー防衛", "留学生", "観光"]
JA_ACTS = ["の供給網を強化する", "の共同研究を進める", "分野への投資を拡大する", "の輸出管理で連携する", "の人材交流を倍増する",
           "の規制を調和させる", "の共同開発に着手する", "の安定供給を確保する"]
EN_SUBJECTS = ["semiconductor", "critical mineral", "shipbuilding", "LNG", "nuclear fuel", "quantum", "space launch",
               "AI safety", "hydrogen", "battery", "pharmaceutical", "fisheries", "farm export", "rail", "port",
               "power grid", "defence industrial", "cyber", "student", "tourism"]
EN_ACTS = ["will strengthen {} supply chains", "will launch joint {} research", "will expand investment in {}",
           "will coordinate {} export controls", "will double {} exchanges", "will align {} regulation",
           "will co-develop {} capabilities", "will secure stable {} supplies"]
LEADERS = {"JP": "日本", "US": "United States", "GB": "United Kingdom", "FR": "France", "DE": "Germany",
           "IN": "India", "KR": "South Korea", "AU": "Australia", "CA": "Canada", "IT": "Italy",
           "PH": "Philippines", "ID": "Indonesia"}


def _template(corpus: Path) -> dict:
    """A merged event record of the seeds (what a real merge wrote), its lists cut to ``KEEP`` items."""
    from kaidan.reconcile.merge import merge_event as merge

    docs = []
    for i, p in enumerate(sorted(corpus.glob("*.txt"))[:2]):
        doc = load(str(p))
        docs.append((f"t{i}", extract_text(doc.text, p.name, doc.lang).to_dict(), True))
    ev = {"id": "2025-01-01-JP-US", "countries": "JP-US", "date_start": "2025-01-01", "date_end": "2025-01-01",
          "kind": "summit"}
    rec = merge(ev, docs)
    return {k: (v[:KEEP] if isinstance(v, list) else v) for k, v in rec.items()}


PLACES = ["in the Indo-Pacific", "with Southeast Asia", "for Pacific islands", "in Africa", "across Europe",
          "in Latin America", "with Central Asia", "for the Arctic", "in the Middle East", "for South Asia"]
JA_PLACES = ["インド太平洋で", "東南アジアと", "太平洋島嶼国に", "アフリカで", "欧州全域で", "中南米で", "中央アジアと",
             "北極圏で", "中東で", "南アジアに"]


def _commitment(rng: random.Random, n: int, actor: str, doc_ids: list[str]) -> dict:
    """A commitment of distinct wording (two subjects, an act and a region: 32,000 combinations), in
    Japanese or English; wordings share some words, as a relationship's commitments do."""
    k = len(JA_SUBJECTS)
    a, b = n % k, (n // k) % (k - 1)
    b = b + 1 if b >= a else b
    act, place = (n // (k * (k - 1))) % len(JA_ACTS), (n // (k * (k - 1) * len(JA_ACTS))) % len(PLACES)
    year = 2026 + n % 9
    if rng.random() < 0.5:
        text = f"{year}年までに{JA_PLACES[place]}{JA_SUBJECTS[a]}と{JA_SUBJECTS[b]}{JA_ACTS[act]}"
    else:
        text = f"{EN_ACTS[act].format(EN_SUBJECTS[a] + ' and ' + EN_SUBJECTS[b])} {PLACES[place]} by {year}"
    amount = {"value": rng.choice([1, 5, 10, 50]) * 10 ** 9, "unit": "USD"} if rng.random() < 0.2 else None
    cites = [{"doc_id": d, "doc": f"synthetic-{d}.txt", "evidence": text, "offsets": [0, len(text)],
              "rule": "kaidan.bench.synthetic.v1"} for d in doc_ids[:3]]
    return {"actor": actor, "text": text, "amount": amount, "deadline": rng.choice([None, f"FY{year}"]),
            "topics": rng.sample(["investment", "economy", "energy", "technology", "security", "other"], 2),
            "support": len(cites), "citations": cites}


def build_ledger_archive(db: str, docs: int, per_event: int, commitments: int, corpus: Path, batch: int = 100) -> dict:
    """Fill ``db`` with ``docs`` documents in events of ``per_event`` sources, through the store API, relinking
    the ledger's changed blocks after every ``batch`` events (as an ingest batch's flush does)."""
    from kaidan.reconcile.archive import MERGE_VERSION
    from kaidan.reconcile.ledger import MATCHER
    from kaidan.store import open_store

    tpl = _template(corpus)
    rng = random.Random(11)
    n_commitments = n_conflicts = 0
    relink_s = 0.0
    t0 = time.perf_counter()
    conflict = {"field": "meetings.duration_minutes", "about": "main", "values": [
        {"value": 40, "citations": [{"doc_id": "a", "doc": "a.txt", "evidence": "40分", "offsets": [0, 3],
                                     "rule": "kaidan.bench.synthetic.v1"}]},
        {"value": 90, "citations": [{"doc_id": "b", "doc": "b.txt", "evidence": "90 minutes", "offsets": [0, 10],
                                     "rule": "kaidan.bench.synthetic.v1"}]}]}
    with open_store(db) as store:
        if hasattr(store._db, "create_function"):   # SQLite: no fsync per transaction while building (bench only)
            store._db.execute("PRAGMA synchronous = OFF")
        for e in range(0, docs // per_event):
            date = (dt.date(2016, 1, 1) + dt.timedelta(days=(e * 7919) % 3650)).isoformat()
            pair = sorted(rng.sample(COUNTRIES, 2))
            ev = {"id": f"{date}-{'-'.join(pair)}-{e}", "countries": "-".join(pair), "date_start": date,
                  "date_end": date, "kind": "summit"}
            docs_of_event = []
            for k in range(per_event):
                n = e * per_event + k
                body = f"{n}\n{ev['id']} synthetic source"
                docs_of_event.append((RawDocument(f"{n:016x}", f"synthetic-{n}.txt", body, "ja", None, "text",
                                                  "utf-8", None, len(body)),
                                      {"doc": f"synthetic-{n}.txt", "event": {"date": date, "countries": pair}}))
            if hasattr(store._db, "create_function"):
                for doc, facts in docs_of_event:
                    store.add_document(doc)
                    store.save_facts(doc.id, facts, EXTRACTOR_VERSION)
                    store.put_event(ev, doc.id)
            else:
                _pg_event(store, ev, docs_of_event)
            ids = [doc.id for doc, _ in docs_of_event]
            rec = {**tpl, "id": ev["id"], "countries": ev["countries"], "date_start": date, "date_end": date,
                   "sources": [{"doc_id": d, "doc": f"synthetic-{d}.txt", "main": True} for d in ids],
                   "commitments": [_commitment(rng, e * commitments + c, LEADERS[pair[c % 2]], ids)
                                   for c in range(commitments)],
                   "conflicts": [conflict] if e % 3 == 0 else []}
            store.cache_event_record(ev["id"], MERGE_VERSION, rec)
            n_commitments += len(rec["commitments"])
            n_conflicts += len(rec["conflicts"])
            if (e + 1) % batch == 0 or e + 1 == docs // per_event:
                t1 = time.process_time()
                store.refresh_ledger(MERGE_VERSION, MATCHER)
                relink_s += time.process_time() - t1
            if (e + 1) % 1000 == 0:
                print(f"bench_archive: {(e + 1) * per_event:,} documents ({time.perf_counter() - t0:.0f} s)",
                      file=sys.stderr)
    return {"documents": docs // per_event * per_event, "events": docs // per_event, "n_commitments": n_commitments,
            "n_conflicts": n_conflicts, "build_s": time.perf_counter() - t0,
            "relink_cpu_s": relink_s}


def _pg_event(store, ev: dict, docs: list) -> None:
    """The documents, facts and links of one event in one PostgreSQL transaction (the rows ``add_document``,
    ``save_facts`` and ``put_event`` write, without their round trips: on this machine those took ~20 ms a
    document, half an hour for 100,000)."""
    now = "2026-01-01T00:00:00+00:00"
    with store._db.transaction(), store._db.cursor() as cur:
        cur.executemany("INSERT INTO documents (id, source, text, lang, title, content_type, encoding, published, "
                        "size, site, url, added_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        [(d.id, d.source, d.text, d.lang, d.title, d.content_type, d.encoding, d.published, d.size,
                          d.site, d.url, now) for d, _ in docs])
        cur.executemany("INSERT INTO sources (source, doc_id, added_at) VALUES (%s, %s, %s)",
                        [(d.source, d.id, now) for d, _ in docs])
        cur.executemany("INSERT INTO facts (doc_id, extractor_version, record, extracted_at) VALUES (%s, %s, %s, %s)",
                        [(d.id, EXTRACTOR_VERSION, json.dumps(f, ensure_ascii=False), now) for d, f in docs])
        cur.execute("INSERT INTO events (id, countries, date_start, date_end, kind) VALUES (%s, %s, %s, %s, %s)",
                    (ev["id"], ev["countries"], ev["date_start"], ev["date_end"], ev["kind"]))
        cur.executemany("INSERT INTO doc_events (doc_id, event_id, main) VALUES (%s, %s, 1)",
                        [(d.id, ev["id"]) for d, _ in docs])


OLD_LEDGER = """
import datetime as dt, sys
from kaidan.reconcile import ledger
from kaidan.reconcile.archive import MERGE_VERSION, _refresh
from kaidan.store import open_store
with open_store(sys.argv[1]) as store:
    _refresh(store)
    if sys.argv[2] == "commitments":
        out = ledger.build(list(store.cached_event_records(MERGE_VERSION, with_commitments=True)), dt.date(2026, 1, 1))
    else:
        out = [{"event": ev["id"], **c} for ev in store.cached_event_records(MERGE_VERSION, with_conflicts=True)
               for c in ev["conflicts"]]
print(len(out))
"""


# Runs a command and prints its wall seconds, CPU seconds and peak RSS: started from this small process, the
# child's peak RSS is its own (a child forked from the benchmark would inherit the benchmark's).
_MEASURE = """
import json, os, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([rc, time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024]))
"""


def _run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one command run as its own process, output discarded."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], env=env, capture_output=True, text=True, check=True)
    rc, wall, cpu, rss = json.loads(out.stdout)
    if rc != 0:
        sys.exit(f"bench_archive: {' '.join(cmd)} failed")
    return wall, cpu, rss


def ledger_bench(args) -> None:
    import shutil

    kaidan = shutil.which("kaidan", path=str(Path(sys.executable).parent)) or "kaidan"
    rows = []
    for docs in [int(x) for x in args.docs.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db or str(Path(tmp) / "ledger.db")
            if args.db and args.db.startswith(("postgresql://", "postgres://")):
                _reset_pg(args.db)
            info = build_ledger_archive(db, docs, args.sources, args.commitments, args.corpus, args.batch)
            row = {**info, "backend": "postgresql" if args.db else "sqlite"}
            row["commitments_all"] = _run([kaidan, "commitments", "--db", db, "--json", "--all", "--today", "2026-01-01"])
            for what in ("commitments", "conflicts"):
                extra = ["--today", "2026-01-01"] if what == "commitments" else []
                row[what] = _run([kaidan, what, "--db", db, "--json", *extra])
                if args.old:
                    row[what + "_old"] = _run([sys.executable, "-c", OLD_LEDGER, db, what])
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    if args.json:
        print(json.dumps(rows))
        return
    print("backend     documents  events  commit.  build s  relink cpu s   commitments s/cpu s/MB   --all s/cpu s/MB"
          "   conflicts s/cpu s/MB"
          + ("   old commitments s/cpu s/MB   old conflicts s/cpu s/MB" if args.old else ""))

    def cell(v):
        return f"{v[0]:>7.1f} {v[1]:>6.1f} {v[2]:>5.0f}"

    for r in rows:
        line = (f"{r['backend']:<10} {r['documents']:>10,} {r['events']:>7,} {r['n_commitments']:>8,} "
                f"{r['build_s']:>8.0f} {r['relink_cpu_s']:>9.1f}   {cell(r['commitments']):>20}   "
                f"{cell(r['commitments_all']):>16}   {cell(r['conflicts']):>18}")
        if args.old:
            line += f"   {cell(r['commitments_old']):>24}   {cell(r['conflicts_old']):>22}"
        print(line)


def _reset_pg(url: str) -> None:
    """Empty the PostgreSQL database's current schema (a throwaway cluster's, as the benchmark asks for)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute("CREATE SCHEMA public")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ledger", action="store_true", help="time `kaidan commitments` and `kaidan conflicts`")
    ap.add_argument("--docs", default="10000,100000", help="--ledger: archive sizes, comma-separated")
    ap.add_argument("--sources", type=int, default=10, help="--ledger: sources per event")
    ap.add_argument("--commitments", type=int, default=5, help="--ledger: distinct commitments per event")
    ap.add_argument("--batch", type=int, default=100,
                    help="--ledger: events per ingest batch (the ledger's blocks are relinked after each)")
    ap.add_argument("--db", help="--ledger: a postgresql:// URL of a throwaway database (it is emptied)")
    ap.add_argument("--old", action="store_true", help="--ledger: also time the former decode-every-record path")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    ap.add_argument("--max", type=int, default=100_000)
    ap.add_argument("--probe", type=int, default=300, help="documents timed at each checkpoint")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench_archive: {args.corpus} not found; pass --corpus with a folder of documents")
    if args.ledger:
        ledger_bench(args)
        return
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
