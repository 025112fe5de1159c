"""Documents per second of ingestion with 1 and 2 worker processes and on a local Ray, on the seeds repeated.

The seeds are copied ``--repeat`` times into a temporary folder, each copy with one line of its own at the end
so that every copy is a new document (its hash differs). Two figures per mode:

* ``extract`` — loading and extraction alone (``kaidan.parallel.prepare`` over every copy), what the
  workers do: this is the part ``--workers`` and ``--ray`` spread;
* ``ingest`` — ``kaidan ingest`` as a whole into a fresh database (``kaidan.parallel.ingest``): extraction
  in the workers, and in the driver the writes, the placement in events and the merge of each event a
  document joins, which stay serial. Its copies all report the seeds' two events, the hardest case for
  the merge, so ``--ingest-repeat`` is smaller.

Wall times include starting the worker processes (each loads the Sudachi dictionary); Ray's own start is
timed apart (``ray start s``) and left out of its figures. ``--db postgresql://…`` ingests into a fresh
schema of that database instead of an SQLite file.

    .venv/bin/python benchmarks/bench_ingest.py [--repeat 20] [--ingest-repeat 4] [--workers 1,2]
                                                [--no-ray] [--db URL] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "seeds"


def copies(corpus: Path, repeat: int, folder: Path) -> list[str]:
    seeds = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")
    out = []
    for i in range(repeat):
        for seed in seeds:
            path = folder / f"{i:04d}_{seed.name}"
            path.write_text(seed.read_text(encoding="utf-8").rstrip("\n") + f"\n\n(写し {i})\n", encoding="utf-8")
            out.append(str(path))
    return out


SCHEMAS: list[str] = []  # PostgreSQL schemas made for the runs, dropped at the end


def fresh_db(db: str | None, folder: Path, name: str) -> str:
    if not db:
        return str(folder / f"{name}.db")
    import psycopg

    schema = "kaidan_bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(db, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    SCHEMAS.append(schema)
    return f"{db}{'&' if '?' in db else '?'}options=-csearch_path%3D{schema}"


def drop_schemas(db: str | None) -> None:
    if db and SCHEMAS:
        import psycopg

        with psycopg.connect(db, autocommit=True) as admin:
            for schema in SCHEMAS:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")


def run(modes, sources, ingest_sources, db, folder) -> list[dict]:
    from kaidan import parallel
    from kaidan.store import open_store

    rows = []
    for label, workers, ray in modes:
        t = time.perf_counter()
        if ray:
            results = parallel.ray_map(parallel.prepare, sources, "local", workers)
        elif workers > 1:
            results = parallel.process_map(parallel.prepare, sources, workers)
        else:
            results = map(parallel.prepare, sources)
        done = sum(1 for item in results if item.facts is not None)
        extract_s = time.perf_counter() - t
        with open_store(fresh_db(db, folder, label.replace(" ", "_"))) as store:
            t = time.perf_counter()
            report = parallel.ingest(ingest_sources, store, workers=workers, ray="local" if ray else None)
            ingest_s = time.perf_counter() - t
        assert done == len(sources) and report.stored == len(ingest_sources), (done, report.summary)
        rows.append({"mode": label, "extract_docs": len(sources), "extract_s": round(extract_s, 2),
                     "extract_docs_per_s": round(len(sources) / extract_s, 2),
                     "ingest_docs": len(ingest_sources), "ingest_s": round(ingest_s, 2),
                     "ingest_docs_per_s": round(len(ingest_sources) / ingest_s, 2)})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the seeds for the extract figure")
    parser.add_argument("--ingest-repeat", type=int, default=4, help="copies of the seeds for the ingest figure")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--no-ray", action="store_true", help="leave out Ray local")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", default=None, help="a postgresql:// URL (default: SQLite files in a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: no corpus here (the seeds live in ../shared/corpus/seeds)", file=sys.stderr)
        return 2
    modes = [(f"{w} worker{'s' if w > 1 else ''}", w, False) for w in map(int, args.workers.split(","))]
    ray_start = None
    if not args.no_ray:
        try:
            import ray
        except ImportError:
            print("ray is not installed (pip install 'kaidan[ray]'): Ray local left out", file=sys.stderr)
        else:
            t = time.perf_counter()
            from kaidan.parallel import ray_init

            ray_init("local", 2)
            ray_start = round(time.perf_counter() - t, 2)
            modes.append(("Ray local, 2 CPUs", 2, True))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "x").mkdir()
        (folder / "i").mkdir()
        sources = copies(args.corpus, args.repeat, folder / "x")
        ingest_sources = copies(args.corpus, args.ingest_repeat, folder / "i")
        try:
            rows = run(modes, sources, ingest_sources, args.db, folder)
        finally:
            drop_schemas(args.db)
    if ray_start is not None:
        ray.shutdown()
    if args.json:
        print(json.dumps({"rows": rows, "ray_start_s": ray_start}, indent=1))
    else:
        print(f"{'mode':<20} {'extract docs/s':>15} {'(docs, s)':>12} {'ingest docs/s':>14} {'(docs, s)':>12}")
        for r in rows:
            print(f"{r['mode']:<20} {r['extract_docs_per_s']:>15} {'(%d, %.1f)' % (r['extract_docs'], r['extract_s']):>12}"
                  f" {r['ingest_docs_per_s']:>14} {'(%d, %.1f)' % (r['ingest_docs'], r['ingest_s']):>12}")
        if ray_start is not None:
            print(f"Ray start (not in its figures): {ray_start} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
