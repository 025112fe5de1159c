"""Speed and memory of Kaidan's extraction, next to the NLP tools it is built on.

Each stage runs in a fresh subprocess (this script with the hidden ``--only STAGE``
flag), so that one tool's memory does not pollute another's figure:

* ``extract``      ``kaidan.pipeline.extract_text`` over the corpus repeated ``--repeat``
                   times; the first call (imports, Sudachi dictionary, word lists) is
                   timed apart as the warm-up, then the steady state is timed;
* ``sudachi``      bare SudachiPy tokenisation, split mode C, of the same texts, one line
                   at a time (a single call fails above 49,149 bytes), surfaces read;
* ``ginza``        a full ja_ginza parse (``nlp.pipe(lines, batch_size=64)``) of the
                   first ``--ginza-chars`` characters of the corpus;
* ``ginza-noner``  the same parse, loaded with ``exclude=["ner"]``.

Characters are those of the canonical document texts (newlines included). Peak RSS
is ``ru_maxrss`` of the stage's own process; the tracemalloc peak is taken over one
extra pass of the extraction over the corpus, after the timed loop (tracing slows
Python down, so it is kept out of the timing and out of the RSS figure).

The ratio extraction / bare SudachiPy is printed on chars per wall second and on CPU seconds
(``time.process_time`` of each stage's timed loop): on a machine that others load, the CPU ratio is the
steadier one. ``--no-ginza`` times only those two stages; ``--no-trace`` skips the tracemalloc pass (so
that ``--only extract`` is a whole process doing the timed work only, for an outside timer such as
``farm-bench``). Peak RSS flat in the number of documents: compare ``--repeat 10`` with ``--repeat 40``.

    .venv/bin/python benchmarks/bench_extract.py [--repeat 60] [--corpus DIR]
                                                 [--ginza-chars 30000] [--json]
                                                 [--no-ginza] [--no-trace]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "seeds"
STAGES = {"extract": "Kaidan extraction", "sudachi": "SudachiPy, mode C",
          "ginza": "ja_ginza, full", "ginza-noner": "ja_ginza, no NER"}
PIECE = 4000  # characters per Sudachi/GiNZA call, far below Sudachi's 49,149-byte limit


def read_corpus(corpus: Path) -> list[tuple[str, str]]:
    """(file name, text) of each file, canonicalised as ``kaidan.ingest.document.canonical_text`` does."""
    docs = []
    for path in sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith(".")):
        text = path.read_text(encoding="utf-8").replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
        docs.append((path.name, unicodedata.normalize("NFC", "\n".join(l.rstrip() for l in text.split("\n")))))
    return docs


def pieces(text: str) -> list[str]:
    """The non-empty lines of ``text``, long lines cut into PIECE-character parts."""
    return [line[i:i + PIECE] for line in text.split("\n") if line.strip() for i in range(0, len(line), PIECE)]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def run_extract(docs, args) -> dict:
    t0 = time.perf_counter()
    from kaidan.pipeline import extract_text
    extract_text(docs[0][1], docs[0][0])
    warm = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for name, text in docs:
            extract_text(text, name)
    wall, cpu, rss = time.perf_counter() - t0, time.process_time() - c0, rss_mb()
    if args.no_trace:
        return {"warmup_s": warm, "wall_s": wall, "cpu_s": cpu, "docs": args.repeat * len(docs),
                "chars": args.repeat * sum(len(t) for _, t in docs), "rss_mb": rss, "tracemalloc_mb": None}
    tracemalloc.start()
    for name, text in docs:
        extract_text(text, name)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"warmup_s": warm, "wall_s": wall, "cpu_s": cpu, "docs": args.repeat * len(docs),
            "chars": args.repeat * sum(len(t) for _, t in docs), "rss_mb": rss, "tracemalloc_mb": peak}


def run_sudachi(docs, args) -> dict:
    lines = [p for _, text in docs for p in pieces(text)]
    t0 = time.perf_counter()
    from sudachipy import dictionary, tokenizer
    tok, mode = dictionary.Dictionary().create(), tokenizer.Tokenizer.SplitMode.C
    tok.tokenize(lines[0], mode)
    warm = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for line in lines:
            for m in tok.tokenize(line, mode):
                m.surface()
    return {"warmup_s": warm, "wall_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0,
            "docs": args.repeat * len(docs),
            "chars": args.repeat * sum(len(t) for _, t in docs), "rss_mb": rss_mb()}


def run_ginza(docs, args, exclude=()) -> dict:
    text = "\n".join(t for _, t in docs)[:args.ginza_chars]
    lines = pieces(text)
    t0 = time.perf_counter()
    import spacy
    nlp = spacy.load("ja_ginza", exclude=list(exclude))
    nlp(lines[0])
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(lines, batch_size=64):
        pass
    return {"warmup_s": warm, "wall_s": time.perf_counter() - t0, "docs": None, "chars": len(text),
            "rss_mb": rss_mb()}


RUNNERS = {"extract": run_extract, "sudachi": run_sudachi, "ginza": run_ginza,
           "ginza-noner": lambda docs, args: run_ginza(docs, args, exclude=["ner"])}


def run_stage(stage: str, args) -> dict:
    """One stage in a fresh interpreter; its last stdout line is its JSON result."""
    print(f"bench_extract: running {stage} …", file=sys.stderr, flush=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--only", stage, "--corpus", str(args.corpus),
           "--repeat", str(args.repeat), "--ginza-chars", str(args.ginza_chars)] + (["--no-trace"] if args.no_trace else [])
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"bench_extract: the {stage} stage failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["chars_per_s"] = result["chars"] / result["wall_s"]
    result["docs_per_s"] = result["docs"] / result["wall_s"] if result["docs"] else None
    return result


def ratios(res: dict) -> dict:
    """Speed of extraction over each tool's speed, and its inverse: tool runs one extraction costs."""
    ext = res["extract"]["chars_per_s"]
    out = {}
    for stage in (s for s in ("sudachi", "ginza", "ginza-noner") if s in res):
        out[stage] = {"speed_ratio": ext / res[stage]["chars_per_s"],
                      "runs_per_extraction": res[stage]["chars_per_s"] / ext}
        if res[stage].get("cpu_s"):     # CPU seconds: steadier than wall time on a machine others load
            out[stage]["cpu_speed_ratio"] = res[stage]["cpu_s"] / res["extract"]["cpu_s"]
    return out


def table(res: dict, rat: dict, args, ndocs: int) -> str:
    def num(v, fmt):
        return "—" if v is None else format(v, fmt)

    rows = [f"Corpus {args.corpus} ({ndocs} documents), repeated {args.repeat}x; ja_ginza on the first "
            f"{args.ginza_chars:,} characters", "",
            f"{'stage':<20}{'warm-up s':>10}{'docs':>7}{'chars':>11}{'wall s':>9}{'docs/s':>9}"
            f"{'chars/s':>10}{'peak RSS MB':>13}{'tracemalloc MB':>16}"]
    for stage, label in STAGES.items():
        if stage not in res:
            continue
        r = res[stage]
        rows.append(f"{label:<20}{r['warmup_s']:>10.2f}{num(r['docs'], ','):>7}{r['chars']:>11,}"
                    f"{r['wall_s']:>9.2f}{num(r['docs_per_s'], '.2f'):>9}{r['chars_per_s']:>10,.0f}"
                    f"{r['rss_mb']:>13.0f}{num(r.get('tracemalloc_mb'), '.1f'):>16}")
    rows += ["", f"{'extraction speed / tool speed':<36}{'ratio':>8}{'on CPU s':>10}   tool runs one extraction costs"]
    for stage in rat:
        rows.append(f"{'  / ' + STAGES[stage]:<36}{rat[stage]['speed_ratio']:>8.3f}"
                    f"{num(rat[stage].get('cpu_speed_ratio'), '.3f'):>10}   {rat[stage]['runs_per_extraction']:.3f}")
    rows.append("(runs one extraction costs < 1: extracting a text is cheaper than one run of that tool on it)")
    return "\n".join(rows)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=60, help="passes over the corpus (default 60)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="directory of UTF-8 text files (default ../shared/corpus/seeds from the repo root)")
    ap.add_argument("--ginza-chars", type=int, default=30000,
                    help="characters of the corpus given to the slow ja_ginza parse (default 30000)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--no-ginza", action="store_true",
                    help="time only the extraction and bare SudachiPy (the ratio that matters; GiNZA is slow to load)")
    ap.add_argument("--no-trace", action="store_true",
                    help="skip the tracemalloc pass (with --only extract: the whole process is then the timed work)")
    ap.add_argument("--only", choices=list(STAGES), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.corpus = args.corpus.resolve()
    if not args.corpus.is_dir():
        sys.exit(f"bench_extract: corpus directory not found: {args.corpus} (pass --corpus DIR)")
    docs = read_corpus(args.corpus)
    if not docs:
        sys.exit(f"bench_extract: no files in the corpus directory {args.corpus}")
    if args.only:
        print(json.dumps(RUNNERS[args.only](docs, args)))
        return
    stages = [s for s in STAGES if not (args.no_ginza and s.startswith("ginza"))]
    res = {stage: run_stage(stage, args) for stage in stages}
    rat = ratios(res)
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "documents": len(docs), "repeat": args.repeat,
                          "ginza_chars": args.ginza_chars, "stages": res, "ratios": rat}, indent=2))
    else:
        print(table(res, rat, args, len(docs)))


if __name__ == "__main__":
    main()
