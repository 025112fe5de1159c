"""Latency of the service with a large archive: the event page and search, p50 and p95.

The archive is filled with ``--docs`` synthetic documents (default 100,000) made by
``bench_archive.py``'s ``templates``/``synthetic``/``add`` from the seed corpus, each also indexed for
full-text search as ``pipeline.ingest`` indexes it. Then ``kaidan serve`` runs in a subprocess on
127.0.0.1 and this script sends requests to it, one at a time, over one keep-alive connection:

* event JSON   GET /api/events/{id} of random events (the merged record: programme, facts, conflicts)
* event page   GET /events/{id} (the HTML the browser loads before it asks for the JSON)
* search ja    GET /api/search?q=… with Japanese queries (防衛費, 首脳会談, …)
* search en    GET /api/search?q=… with English queries

    .venv/bin/python benchmarks/bench_service.py                     # 100,000 documents, a temporary database
    .venv/bin/python benchmarks/bench_service.py --db bench.db       # keep the database; reuse it next time

``--ledger`` times the commitment ledger instead, on an archive of ``bench_archive.py --ledger``'s kind
(``--docs`` documents, 10 sources and 5 distinct commitments per event; built unless ``--db`` names one),
SQLite or a ``postgresql://`` ``--db``: GET /api/ledger unfiltered, with ``who=``, with ``actor=``, its
second page, the party list, and POST /api/ledger/{key}/done. Besides wall time it gives the server's CPU
time per request (its process's user + system time over each row, from /proc), steadier than wall time on a
shared machine:

    .venv/bin/python benchmarks/bench_service.py --ledger --docs 100000 [--db ledger.db | --db postgresql://…]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_archive import add, synthetic, templates  # noqa: E402

from kaidan.reconcile import archive  # noqa: E402
from kaidan.store import search  # noqa: E402
from kaidan.store import Store  # noqa: E402

QUERIES_JA = ["防衛費", "首脳会談", "重要鉱物", "投資", "日米同盟", "会談 協力"]
QUERIES_EN = ["Trump", "President of the United States", "defense", "Prime Minister", "security cooperation", "Honorable"]


def _entries(doc, rec: dict, template_text: str) -> list:
    """``search.entries`` of a synthetic document, tokenising each template's text once: the document's text
    is its number, then the template's text, so its tokens are the number's then the template's. (Tokenising
    100,000 texts of 2,000 characters would take most of an hour on two cores; the index holds the same rows.)"""
    if template_text not in _DOC_TERMS:
        _DOC_TERMS[template_text] = search.terms(template_text)
    out = search.entries(doc.title, "", rec)
    return [("document", None, search.terms(doc.text.split("\n", 1)[0]) + "\n" + _DOC_TERMS[template_text])] + out[1:]


_DOC_TERMS: dict[str, str] = {}


def fill(path: Path | str, n: int, corpus: Path) -> int:
    """Add synthetic documents until the archive holds n (a kept database is topped up, not rebuilt); how many
    were added."""
    from functools import lru_cache

    tpls = templates(corpus)
    search.terms = lru_cache(maxsize=100_000)(search.terms)   # facts repeat across copies: tokenised once
    if str(path).startswith(("postgresql://", "postgres://")):
        return fill_pg(str(path), n, tpls)
    rng = random.Random(7)
    with Store(path) as store:
        store._db.execute("PRAGMA synchronous = OFF")           # no fsync per transaction while filling
        have = store.count_documents()
        for _ in range(have):  # the same random sequence as a fresh fill, so ids and dates stay unique
            synthetic(0, tpls[0], rng)
        t0 = time.perf_counter()
        for i in range(have, n):
            doc, rec = synthetic(i, tpls[i % len(tpls)], rng)
            add(store, doc, rec)
            store.index_search(doc.id, _entries(doc, rec, tpls[i % len(tpls)][0]))
            if (i + 1) % 10_000 == 0:
                print(f"bench_service: {i + 1:,} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return max(0, n - have)


def fill_pg(url: str, n: int, tpls: list, batch: int = 200) -> int:
    """:func:`fill` on PostgreSQL: the rows ``add`` and ``index_search`` write (documents, sources, facts,
    events, search rows as ``to_tsvector``), ``batch`` documents per transaction (a round trip per statement
    would take hours). Each document's event is its own date and pair of countries (the grouping's lookup
    is not run): search reads only which events a document reports."""
    from kaidan.pipeline import EXTRACTOR_VERSION
    from kaidan.store import open_store
    from kaidan.store.postgres import TS_CONFIG, _chunks

    rng = random.Random(7)
    now = "2026-01-01T00:00:00+00:00"
    with open_store(url) as store:
        have = store.count_documents()
        for _ in range(have):
            synthetic(0, tpls[0], rng)
        t0 = time.perf_counter()
        for start in range(have, n, batch):
            docs = [synthetic(i, tpls[i % len(tpls)], rng) + (tpls[i % len(tpls)][0],)
                    for i in range(start, min(n, start + batch))]
            events = {}
            for doc, rec, _ in docs:
                date, pair = rec["event"]["date"], rec["event"]["countries"]
                events[doc.id] = {"id": f"{date}-{'-'.join(pair)}", "countries": "-".join(pair), "date": date}
            search_rows = [(doc.id, kind, ref, "doc" if kind == "document" else "fact", chunk)
                           for doc, rec, text in docs for kind, ref, terms in _entries(doc, rec, text)
                           for chunk in (_chunks(terms) if kind == "document" else [terms])]
            with store._db.transaction(), store._db.cursor() as cur:
                cur.executemany("INSERT INTO documents (id, source, text, lang, title, content_type, encoding, "
                                "published, size, site, url, added_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, "
                                "%s, %s, %s)", [(d.id, d.source, d.text, d.lang, d.title, d.content_type, d.encoding,
                                                 d.published, d.size, d.site, d.url, now) for d, _, _ in docs])
                cur.executemany("INSERT INTO sources (source, doc_id, added_at) VALUES (%s, %s, %s)",
                                [(d.source, d.id, now) for d, _, _ in docs])
                cur.executemany("INSERT INTO facts (doc_id, extractor_version, record, extracted_at) "
                                "VALUES (%s, %s, %s, %s)", [(d.id, EXTRACTOR_VERSION, json.dumps(r, ensure_ascii=False),
                                                             now) for d, r, _ in docs])
                cur.executemany("INSERT INTO events (id, countries, date_start, date_end, kind) "
                                "VALUES (%s, %s, %s, %s, 'summit') ON CONFLICT DO NOTHING",
                                [(e["id"], e["countries"], e["date"], e["date"]) for e in events.values()])
                cur.executemany("INSERT INTO event_countries (country, event_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                                [(c, e["id"]) for e in events.values() for c in e["countries"].split("-")])
                cur.executemany("INSERT INTO doc_events (doc_id, event_id, main) VALUES (%s, %s, 1)",
                                [(d, e["id"]) for d, e in events.items()])
                cur.executemany("INSERT INTO search_rows (doc_id, kind, ref, scope, terms) "
                                f"VALUES (%s, %s, %s, %s, to_tsvector('{TS_CONFIG}', %s))", search_rows)
            if (start + batch) % 10_000 == 0:
                print(f"bench_service: {start + batch:,} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        store._db.execute("ANALYZE")
    return max(0, n - have)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path | str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "kaidan.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    sys.exit(f"bench_service: the server did not start: {proc.stderr.read().decode()[-2000:]}")


def timed(client: httpx.Client, paths: list[str], warmup: int = 5) -> list[float]:
    for p in paths[:warmup]:
        client.get(p).raise_for_status()
    out = []
    for p in paths:
        t = time.perf_counter()
        r = client.get(p)
        out.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    return out


def row(name: str, ms: list[float]) -> dict:
    q = statistics.quantiles(ms, n=100)
    return {"what": name, "requests": len(ms), "p50_ms": statistics.median(ms), "p95_ms": q[94], "max_ms": max(ms)}


def cpu_s(proc: subprocess.Popen) -> float:
    """User + system seconds the process used so far (Linux /proc)."""
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ledger_rows(client: httpx.Client, proc: subprocess.Popen, n: int) -> list[dict]:
    """The ledger's requests, each row with the server's CPU milliseconds per request."""
    first = client.get("/api/ledger", params={"limit": 500})
    first.raise_for_status()
    threads = first.json()
    actor = threads[0]["actor"]
    who = (threads[0]["names"].get(actor) or {}).get("id", actor)
    has_parties = client.get("/api/ledger/parties").status_code == 200   # (a release before it: no row)
    keys = [t["key"] for t in threads]
    out = []

    def measured(name: str, send) -> None:
        send(0)                                           # warm: the first request builds what later ones reuse
        c0 = cpu_s(proc)
        ms = []
        for i in range(n):
            t = time.perf_counter()
            r = send(i)
            ms.append((time.perf_counter() - t) * 1000)
            r.raise_for_status()
        out.append({**row(name, ms), "cpu_ms": (cpu_s(proc) - c0) * 1000 / n})
        print(f"bench_service: {json.dumps(out[-1])}", file=sys.stderr)

    measured("ledger      GET /api/ledger", lambda i: client.get("/api/ledger"))
    measured("ledger      who=", lambda i: client.get("/api/ledger", params={"who": who}))
    measured("ledger      actor=", lambda i: client.get("/api/ledger", params={"actor": actor}))
    measured("ledger      page 2 (offset=500)", lambda i: client.get("/api/ledger", params={"offset": 500}))
    if has_parties:
        measured("ledger      GET /api/ledger/parties", lambda i: client.get("/api/ledger/parties"))
    measured("ledger      POST done", lambda i: client.post(
        f"/api/ledger/{keys[i % len(keys)]}/done", json={"by": "bench", "citation": {"url": "https://example.org/done"}}))
    return out


def ledger_main(args) -> None:
    from bench_archive import _reset_pg, build_ledger_archive

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "ledger.db"
        pg = str(db).startswith(("postgresql://", "postgres://"))
        built = None
        if pg or not Path(db).exists():
            if pg:
                _reset_pg(str(db))
            built = build_ledger_archive(str(db), args.docs, 10, 5, args.corpus)
        with Store(db) if not pg else _pg_store(str(db)) as store:
            n_docs = store.count_documents()
        port = free_port()
        proc = serve(db, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
                total = client.get("/api/ledger", params={"limit": 1}).headers["X-Total-Count"]
                rows = ledger_rows(client, proc, args.requests)
        finally:
            proc.terminate()
            proc.wait(10)
    if args.json:
        print(json.dumps({"documents": n_docs, "threads": int(total), "built": built, "rows": rows}))
        return
    print(f"{n_docs:,} documents, {int(total):,} threads ({'postgresql' if pg else 'sqlite'}); kaidan serve on "
          f"127.0.0.1, one request at a time\n")
    print(f"{'request':<34} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'cpu ms':>9}")
    for r in rows:
        print(f"{r['what']:<34} {r['requests']:>5} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f} {r['max_ms']:>9.1f} "
              f"{r['cpu_ms']:>9.1f}")


def _pg_store(url: str):
    from kaidan.store import open_store

    return open_store(url)


def _open(db):
    return _pg_store(str(db)) if str(db).startswith(("postgresql://", "postgres://")) else Store(db)


def _size_mb(db) -> float:
    if str(db).startswith(("postgresql://", "postgres://")):
        with _pg_store(str(db)) as store:
            return store._one("SELECT pg_database_size(current_database())")[0] / 1e6
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the archive")
    ap.add_argument("--requests", type=int, default=300, help="requests timed per row")
    ap.add_argument("--db", help="database to fill and keep (default: a temporary one), or the postgresql:// URL "
                                 "of a throwaway database (--ledger empties it)")
    ap.add_argument("--ledger", action="store_true", help="time the commitment ledger's requests")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench_service: {args.corpus} not found; pass --corpus with a folder of documents")
    if args.ledger:
        ledger_main(args)
        return
    if args.db and not str(args.db).startswith(("postgresql://", "postgres://")):
        args.db = Path(args.db)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        added = fill(db, args.docs, args.corpus)
        fill_s = time.perf_counter() - t0
        rng = random.Random(11)
        with _open(db) as store:
            events = [e["id"] for e in store.iter_events()]
            n_docs = store.count_documents()
            picks = [rng.choice(events) for _ in range(args.requests)]
            # An ingest writes each event's merged record at the end of its batch; the synthetic fill places
            # documents without merging, so the records of the events asked for are written first, as an
            # ingest would have (a record not written yet is merged on its first read: the "first read" row).
            t0 = time.perf_counter()
            for e in set(picks):
                archive.event_record(store, e)
            warm_s = time.perf_counter() - t0
            cold = [e for e in rng.sample(events, min(len(events), 3 * args.requests)) if e not in set(picks)]
        port = free_port()
        proc = serve(db, port)
        try:
            ja = [f"/api/search?q={q}" for q in QUERIES_JA] * (args.requests // len(QUERIES_JA) + 1)
            en = [f"/api/search?q={q}" for q in QUERIES_EN] * (args.requests // len(QUERIES_EN) + 1)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
                hits = {q: len(client.get("/api/search", params={"q": q, "limit": 100}).json()["results"])
                        for q in QUERIES_JA + QUERIES_EN}
                rows = [row("event JSON  first read (merge)", timed(client, [f"/api/events/{e}" for e in
                                                                            cold[:args.requests // 3]], warmup=0)),
                        row("event JSON  GET /api/events/{id}", timed(client, [f"/api/events/{e}" for e in picks])),
                        row("event page  GET /events/{id}", timed(client, [f"/events/{e}" for e in picks])),
                        row("search ja   GET /api/search", timed(client, ja[:args.requests])),
                        row("search en   GET /api/search", timed(client, en[:args.requests])),
                        row("search ja   sort=date", timed(client, [p + "&sort=date" for p in ja[:args.requests]])),
                        row("search ja   country=JP", timed(client, [p + "&country=JP" for p in ja[:args.requests]]))]
        finally:
            proc.terminate()
            proc.wait(10)
        db_mb = _size_mb(db)
    info = {"documents": n_docs, "events": len(events), "db_mb": round(db_mb), "added": added, "fill_s": round(fill_s),
            "records_written_s": round(warm_s, 1),
            "search_hits_of_100": hits, "rows": rows}
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return
    print(f"{n_docs:,} documents, {len(events):,} events, database {db_mb:,.0f} MB ({added:,} documents added "
          f"and indexed in {fill_s:,.0f} s); kaidan serve on 127.0.0.1, one request at a time\n")
    print(f"{'request':<34} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for r in rows:
        print(f"{r['what']:<34} {r['requests']:>5} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f} {r['max_ms']:>9.1f}")
    print("\nsearch results (first 100) per query: " + ", ".join(f"{q} {n}" for q, n in hits.items()))


if __name__ == "__main__":
    main()
