"""The cost of adding one source to an event that already has hundreds (issue: incremental merging).

Ingests ``--sources`` synthetic sources of ONE summit (the same date and leaders; Japanese and English
readouts and wire stories, each retelling a random subset of the same points in one of a few wordings,
with its own length of talks) into a fresh SQLite database through ``pipeline.ingest``, and prints the
seconds per source — whole ingest (extraction included) and the merge alone (``archive.add_document``:
placing the source and merging it into the event's stored record) — averaged over the sources just
before each checkpoint (10, 100, 300 by default), all in one ingest batch (the merged record is written to
the store once, at the end of the batch). Incremental merging keeps both flat; a design that
merges the whole event again after each source shows the merge growing with the event.

    .venv/bin/python benchmarks/bench_merge.py [--sources 300] [--checkpoints 10,100,300] [--json]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kaidan.ingest import RawDocument  # noqa: E402
from kaidan.pipeline import ingest  # noqa: E402
from kaidan.reconcile import archive  # noqa: E402
from kaidan.store import Store  # noqa: E402

# Points of one imaginary summit, each in a few wordings (written for this benchmark).
JA_POINTS = [
    ["両首脳は、エネルギー安全保障分野での協力を一層強化していくことで一致しました。",
     "両首脳は、エネルギー安全保障での協力強化で一致した。"],
    ["両首脳は、北朝鮮の完全な非核化に向けて緊密に連携していくことを確認しました。",
     "両首脳は北朝鮮の完全な非核化に向け緊密に連携することを確認した。"],
    ["石破総理大臣から、日本は今後5年間で総額3兆円の投資を行う考えを伝えました。",
     "石破首相は今後5年間で3兆円を投資する考えを示した。"],
    ["両首脳は、重要鉱物のサプライチェーン強靱化に関する文書に署名しました。"],
    ["両首脳は、経済安全保障に関する閣僚級対話を立ち上げることで一致しました。",
     "両首脳は経済安全保障の閣僚級対話の立ち上げで合意した。"],
    ["モディ首相は、日本との協力を高く評価する旨述べました。"],
]
EN_POINTS = [
    ["The two leaders agreed to further strengthen cooperation on energy security.",
     "The leaders agreed to deepen their energy security cooperation."],
    ["The leaders confirmed that they would work closely together towards the complete denuclearization of "
     "North Korea."],
    ["Prime Minister Ishiba said Japan would invest a total of 3 trillion yen over the next five years."],
    ["The leaders agreed to launch a ministerial dialogue on economic security."],
    ["Prime Minister Modi said he highly valued cooperation with Japan."],
]


def source(i: int, rng: random.Random) -> RawDocument:
    minutes = rng.choice([40, 45, 50])
    if rng.random() < 0.5:
        lines = ["日印首脳会談", "", "令和7年11月14日",
                 f"11月14日、午後6時から約{minutes}分間、石破茂内閣総理大臣は、来日中のナレンドラ・モディ・インド首相と"
                 "日印首脳会談を行いました。"]
        lines += [rng.choice(p) for p in rng.sample(JA_POINTS, rng.randint(3, len(JA_POINTS)))]
        lang = "ja"
    else:
        lines = ["Japan-India Summit Meeting", "", "November 14, 2025",
                 f"On November 14, from 6:00 p.m. for about {minutes} minutes, Prime Minister Shigeru Ishiba held a "
                 "summit meeting with Prime Minister Narendra Modi of India in Tokyo."]
        lines += [rng.choice(p) for p in rng.sample(EN_POINTS, rng.randint(2, len(EN_POINTS)))]
        lang = "en"
    lines.append(f"(source {i})")
    text = "\n".join(lines) + "\n"
    return RawDocument(f"{i:016x}", f"source-{i:04d}.txt", text, lang, None, "text", "utf-8", None,
                       len(text.encode()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=int, default=300)
    ap.add_argument("--checkpoints", default="10,100,300")
    ap.add_argument("--window", type=int, default=10, help="sources averaged before each checkpoint")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    checkpoints = [int(x) for x in args.checkpoints.split(",")]
    rng = random.Random(7)
    docs = {f"s{i}": source(i, rng) for i in range(1, args.sources + 1)}

    merge_times: list[float] = []
    real_add = archive.add_document

    def timed_add(store, doc_id, record):
        t = time.perf_counter()
        try:
            return real_add(store, doc_id, record)
        finally:
            merge_times.append(time.perf_counter() - t)

    archive.add_document = timed_add
    stamps: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        # warm-up: the first two sources load Sudachi, JMdict and the romaniser (the first comparison)
        ingest(["s1", "s2"], store, loader=docs.__getitem__)
        merge_times[:] = [0.0, 0.0]
        stamps.append(time.perf_counter())
        report = ingest([f"s{i}" for i in range(3, args.sources + 1)], store, loader=docs.__getitem__,
                        on_item=lambda _src, _status: stamps.append(time.perf_counter()))
        assert report.failed == 0, report.failures
        t = time.perf_counter()
        events = list(store.iter_events())
        rec = archive.event_record(store, events[0]["id"])
        read_s = time.perf_counter() - t
    ingest_times = [0.0, 0.0] + [b - a for a, b in zip(stamps, stamps[1:])]
    archive.add_document = real_add
    rows = []
    for c in checkpoints:
        lo = max(2, c - args.window)
        rows.append({"sources": c, "ingest_s_per_source": statistics.mean(ingest_times[lo:c]),
                     "merge_s_per_source": statistics.mean(merge_times[lo:c])})
    out = {"events": [(e["id"], e["documents"]) for e in events], "checkpoints": rows,
           "merged_facts": {k: len(rec[k]) for k in ("agreements", "commitments", "statements", "quantities",
                                                     "signed_documents")},
           "batch_end_flush_and_first_read_s": read_s,
           "merge_ratio_last_first": rows[-1]["merge_s_per_source"] / rows[0]["merge_s_per_source"],
           "ingest_ratio_last_first": rows[-1]["ingest_s_per_source"] / rows[0]["ingest_s_per_source"]}
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"events: {out['events']}  merged facts: {out['merged_facts']}")
    print(f"{'sources':>8} {'ingest s/source':>16} {'merge s/source':>15}")
    for r in rows:
        print(f"{r['sources']:>8} {r['ingest_s_per_source']:>16.4f} {r['merge_s_per_source']:>15.4f}")
    print(f"writing the merged record at the end of the batch and reading it: {read_s:.3f} s")
    print(f"last/first: ingest {out['ingest_ratio_last_first']:.2f}x, merge {out['merge_ratio_last_first']:.2f}x")


if __name__ == "__main__":
    main()
