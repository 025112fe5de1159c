"""CPU per search request in one process (``time.process_time``), the steady figure on a shared machine.

Runs the app over a ``TestClient`` on a database ``bench_service.py --db`` filled, and prints p50/p95 CPU
milliseconds per row: the search rows of ``bench_service.py`` and the other filters (a rarer country, a
month's date range, an event prefix, by date with a country).

    .venv/bin/python benchmarks/bench_search_cpu.py bench.db [--requests 20]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_service import QUERIES_EN, QUERIES_JA  # noqa: E402

ROWS = {"search ja": ("ja", ""), "search en": ("en", ""), "search ja sort=date": ("ja", "&sort=date"),
        "search ja country=JP": ("ja", "&country=JP"), "search ja country=AU": ("ja", "&country=AU"),
        "search ja date 2025-03": ("ja", "&date_from=2025-03-01&date_to=2025-03-31"),
        "search ja event 2025-10-28": ("ja", "&event=2025-10-28"),
        "search ja sort=date country=JP": ("ja", "&sort=date&country=JP")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--requests", type=int, default=20, help="requests timed per row")
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from kaidan.service.app import create_app

    with TestClient(create_app(args.db), base_url="http://127.0.0.1") as client:
        for name, (lang, extra) in ROWS.items():
            paths = [f"/api/search?q={q}{extra}" for q in (QUERIES_JA if lang == "ja" else QUERIES_EN)]
            for p in paths:                                     # warm-up: one of each query
                client.get(p).raise_for_status()
            ms = []
            for i in range(args.requests):
                t = time.process_time()
                r = client.get(paths[i % len(paths)])
                ms.append((time.process_time() - t) * 1000)
                r.raise_for_status()
            p95 = statistics.quantiles(ms, n=100)[94]
            print(f"{name:32} CPU p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms  "
                  f"results {len(r.json()['results'])}", flush=True)


if __name__ == "__main__":
    main()
