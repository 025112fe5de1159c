"""What the CLI commands do, as library functions (testable without a terminal)."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Iterator

from . import config
from .errors import EvalError, KaidanError, UsageError
from .records import FACT_TYPES


def one_line(text: str) -> str:
    """A name or message on one line: newlines and other control characters shown as escapes."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def extract_paths(paths: list[str], *, max_bytes: int = config.MAX_BYTES,
                  all_files: bool = False) -> Iterator[tuple[dict | None, str | None]]:
    """(record, None) or (None, one-line error) for each document named (files, folders, URLs)."""
    from .ingest import iter_sources, load
    from .pipeline import doc_name, extract_text

    for source in iter_sources(paths, all_files=all_files):
        try:
            doc = load(source, max_bytes=max_bytes)
        except KaidanError as e:
            yield None, one_line(str(e))
            continue
        except Exception as e:  # an input the loader did not foresee: that input's error, not the command's
            yield None, one_line(f"{source}: cannot read it ({type(e).__name__}: {e}); please report this input")
            continue
        try:
            yield extract_text(doc.text, doc_name(source), doc.lang, doc.page_date, doc.origin).to_dict(), None
        except Exception as e:  # one document's extractor bug must not cost the others
            yield None, f"{source}: extraction failed ({type(e).__name__}: {e}); please report this document"


def run_ingest(sources: list[str], db: str | None, *, quiet: bool = False, workers: int = 1,
               ray: str | None = None, max_bytes: int = config.MAX_BYTES, all_files: bool = False) -> int:
    """Ingest sources into the database with a progress bar; 0 when nothing failed. ``workers`` processes
    (or a Ray cluster at ``ray``) load and extract (see kaidan.parallel).

    The failures and the summary line are printed on every exit: a full disk, a database that cannot
    be written, even Ctrl-C print what was done before."""
    from functools import partial

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.text import Text

    from .errors import StoreError
    from .ingest import iter_sources, load
    from .parallel import ingest as parallel_ingest
    from .pipeline import BatchReport
    from .store import open_store

    console = Console(stderr=True)
    skipped: list[str] = []
    items = list(iter_sources(sources, all_files=all_files, skipped=skipped))
    if skipped:
        console.print(Text(f"skipped {len(skipped)} file(s) in the folders that are not documents "
                           f"(.txt, .html, .htm, .xhtml, .pdf), e.g. {one_line(skipped[0])}; "
                           f"--all-files takes every file"), highlight=False, soft_wrap=True)

    def note(text: str) -> None:
        console.print(Text("note ", style="yellow") + Text(one_line(text)), highlight=False, soft_wrap=True)

    loader = partial(load, max_bytes=max_bytes, on_note=note)
    report = BatchReport()    # filled as the batch goes, so that an exit in the middle prints what was done

    def ingest(store, **options):
        parallel_ingest(items, store, workers=workers, ray=ray, loader=loader, max_bytes=max_bytes,
                        report=report, **options)

    try:
        with open_store(config.db_path(db)) as store:
            if quiet or len(items) < 2 or not console.is_terminal:
                ingest(store)
            else:
                with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                              TextColumn("{task.description}"), console=console, transient=True) as bar:
                    task = bar.add_task("", total=len(items))
                    ingest(store, on_item=lambda src, st: bar.update(
                        task, advance=1, description=one_line(Path(src).name)[:40]))
    except StoreError as e:  # the database cannot be opened or written: said once, with the summary
        report.aborted = str(e)
    finally:
        for source, reason in report.failures:
            line = reason if reason.startswith(source) else f"{source}: {reason}"
            console.print(Text("failed ", style="red") + Text(one_line(line)), highlight=False, soft_wrap=True)
        if report.aborted:
            console.print(Text("Error: ", style="red") + Text(one_line(report.aborted)), highlight=False,
                          soft_wrap=True)
        console.print(Text(report.summary), highlight=False, soft_wrap=True)
    return 1 if report.failed or report.aborted else 0


def existing_db(db: str | None) -> Path | str:
    """The database path, which must exist (reading commands never create an empty one), or a PostgreSQL URL."""
    path = config.db_path(db)
    if isinstance(path, Path) and not path.exists():
        raise UsageError(f"{path}: no database here; run `kaidan ingest PATH` first or pass --db")
    return path


def _records(db: str | None) -> Iterator[dict]:
    with _store(db) as store:
        for _doc_id, record in store.iter_facts():
            yield record


def list_documents(db: str | None) -> Iterator[dict]:
    with _store(db) as store:
        for doc_id, record in store.iter_facts():
            ev = record.get("event") or {}
            yield {"id": doc_id, "doc": record.get("doc"), "lang": record.get("lang"),
                   "event": f"{ev.get('date')} {'-'.join(ev.get('countries') or [])}",
                   "facts": {t: len(record.get(t) or []) for t in FACT_TYPES}}


def _store(db: str | None):
    """The database opened read-only, for the commands that only read (a file one may not write is read too)."""
    from .store import open_store

    return open_store(existing_db(db), readonly=True)


def list_failures(db: str | None) -> list[dict]:
    """Sources that failed and were not ingested since, with the reason: source, error, code, message, failed_at."""
    with _store(db) as store:
        return store.failures()


def closest(key: str, choices: list[str], n: int = 5) -> list[str]:
    """The few choices most like ``key`` (those starting with it first), for a 'did you mean' line."""
    import difflib

    starting = [c for c in choices if c.startswith(key)]
    return (starting or difflib.get_close_matches(key, choices, n=n, cutoff=0.3))[:n]


def list_events(db: str | None) -> list[dict]:
    from .reconcile.archive import place_missing

    with _store(db) as store:
        place_missing(store)
        return list(store.iter_events())


def get_event(event_id: str, db: str | None) -> dict:
    from .reconcile.archive import event_record

    with _store(db) as store:
        rec = event_record(store, event_id)
        if rec is None:
            ids = [e["id"] for e in store.iter_events()]
            if not ids:
                raise UsageError(f"{event_id}: no such event; the database has no events yet")
            near = closest(event_id, ids)
            hint = f"closest: {', '.join(near)}" if near else f"{len(ids)} event(s), none close"
            raise UsageError(f"{one_line(event_id)[:80]}: no such event (or the prefix names several); {hint}; "
                             f"`kaidan events` lists them all")
        return rec


LEDGER_LIMIT = 50   # threads `kaidan commitments` prints without --all or --limit


def ledger_rows(db: str | None, *, actor=None, topic=None, due_before=None, status=None, since=None, today=None,
                limit: int | None = None, on_total=None) -> Iterator[dict]:
    """The ledger's threads kept by the filters, soonest due first, as JSON objects read and printed one
    chunk at a time: at most ``limit`` (None: all). ``on_total(shown, matching)`` is told how many are given and
    how many match, before the first."""
    import datetime as dt

    from .reconcile import ledger
    from .reconcile.archive import ledger_threads, shown

    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
        for value in (due_before, since):
            if value:
                dt.date.fromisoformat(value)
    except ValueError as e:
        raise UsageError(f"{e}: dates are YYYY-MM-DD, e.g. --due-before 2026-03-31") from e
    with _store(db) as store:
        threads = [t for t in ledger_threads(store, day)
                   if ledger.thread_kept(t.thread, actor=actor, topic=topic, due_before=due_before, status=status,
                                         since=since)]
        page = threads if limit is None else threads[:limit]
        if on_total is not None:
            on_total(len(page), len(threads))
        yield from shown(store, page, day)


def list_conflicts(db: str | None) -> Iterator[dict]:
    """Every event's conflicts, read and printed row by row."""
    from .reconcile.archive import iter_conflicts

    with _store(db) as store:
        yield from iter_conflicts(store)


def export_briefings(db: str | None, folder: Path) -> list[Path]:
    """One Markdown briefing per event, written into a folder; the paths written."""
    from .reconcile.archive import event_records
    from .reconcile.report import event_markdown

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with _store(db) as store:
        for ev in event_records(store):
            path = folder / f"{ev['id']}.md"
            path.write_text(event_markdown(ev), encoding="utf-8")
            paths.append(path)
    return paths


CSV_FIELDS = ["doc", "type", "text", "verb", "speaker", "actor", "mode", "kind", "date", "start",
              "duration_minutes", "place", "participants", "title", "value", "unit", "amount_value",
              "amount_unit", "deadline", "topics", "evidence", "start_offset", "end_offset", "rule"]


def export_records(db: str | None, fmt: str, out: IO[str]) -> None:
    if fmt == "md":
        from .reconcile.report import event_markdown
        with _store(db) as store:
            from .reconcile.archive import event_records

            for ev in event_records(store):
                out.write(event_markdown(ev) + "\n")
        return
    if fmt == "jsonl":
        for rec in _records(db):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    for rec in _records(db):
        for t in FACT_TYPES:
            for f in rec.get(t, []):
                row = {k: v for k, v in f.items() if not isinstance(v, (list, dict))}
                offsets = f.get("offsets") or [None, None]
                row.update(doc=rec["doc"], type=t, start_offset=offsets[0], end_offset=offsets[1])
                if t == "meetings":
                    row["start"] = f.get("start")
                    row["participants"] = "; ".join(f.get("participants") or [])
                if f.get("topics"):
                    row["topics"] = "; ".join(f["topics"])
                if isinstance(f.get("amount"), dict):
                    row["amount_value"], row["amount_unit"] = f["amount"]["value"], f["amount"]["unit"]
                w.writerow(row)


def run_eval(gold_dir: Path, docs_dir: Path) -> dict:
    from .evaluate import load_gold, load_names, score_documents
    from .ingest import load
    from .pipeline import extract_text

    gold = load_gold(gold_dir)
    if not docs_dir.is_dir():
        raise EvalError(f"{docs_dir}: documents folder not found; pass --docs with the folder of the gold's documents")
    output, texts = {}, {}
    for name in gold:
        path = docs_dir / name
        if not path.is_file():
            raise EvalError(f"{path}: document named by the gold is missing from --docs")
        doc = load(str(path))
        texts[name] = doc.text
        output[name] = extract_text(doc.text, name, doc.lang, doc.page_date, doc.origin).to_dict()
    names = load_names(gold_dir.parent / "people.json", gold_dir / "people.json")
    if not names.aliases:
        names = _bundled_names()
    return score_documents(gold, output, texts, names)


def _bundled_names():
    """The scorer's alias table from Kaidan's own people file, for gold folders that bring none."""
    from .evaluate import Names
    from .people import gazetteer

    gaz = gazetteer()
    names = Names()
    for alias, ent in gaz.aliases():
        names.aliases.append((alias.lower(), ent))
        c = gaz.country_of(ent)
        if c and not ent.startswith("country:"):
            names.country_of[ent] = c
    return names


def format_scores(scores: dict) -> str:
    lines = [f"{'type':<18}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}{'out':>6}{'gold':>6}"]
    for t, s in scores["types"].items():
        lines.append(f"{t:<18}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                     f"{s['matched']:>7}{s['output']:>6}{s['gold']:>6}")
    a = scores["all"]
    lines.append(f"{'all':<18}{a['precision']:>7.3f}{a['recall']:>7.3f}{a['f1']:>7.3f}"
                 f"{a['matched']:>7}{a['output']:>6}{a['gold']:>6}")
    lines.append("")
    for k, v in scores["attributes"].items():
        ok, n = scores["attribute_counts"][k]
        lines.append(f"{k:<32}{v if v is not None else '-':>7}  ({ok}/{n})")
    ev = scores["event_accuracy"]
    lines.append(f"{'event accuracy':<32}{ev if ev is not None else '-':>7}  ({scores['events_scored']} scored)")
    lines.append(f"{'citation validity':<32}{scores['citation_validity']:>7}")
    lines.append(f"documents: {scores['documents']}")
    return "\n".join(lines)


def check_floors(scores: dict, floors_path: Path) -> list[str]:
    """Scores under their floors, as 'name value < floor' lines. Unknown floor names are errors, never skipped."""
    return floors_failed(scores, read_floors(floors_path), floors_path)


def read_floors(floors_path: Path) -> dict:
    try:
        return json.loads(Path(floors_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise EvalError(f"{floors_path}: cannot read the floors file ({e})") from e


def floors_failed(scores: dict, floors: dict, floors_path: Path) -> list[str]:
    """Scores under the floors of one table (``floors_path`` names where they come from in errors)."""
    failed = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        known, value = _lookup(scores, key)
        if not known or isinstance(value, dict) or not isinstance(floor, (int, float)):
            raise EvalError(f"{floors_path}: floor '{key}' names no score; use e.g. types.meetings.f1, "
                            f"attributes.meetings.start, event_accuracy, citation_validity")
        if value is None:
            failed.append(f"{key} has nothing to score (no matched facts) < {floor}")
        elif value < floor:
            failed.append(f"{key} {value} < {floor}")
    return failed


ATTRIBUTES = {"meetings.start", "meetings.duration_minutes", "meetings.participants", "commitments.amount",
              "commitments.deadline", "statements.mode", "agreements.verb"}


def _lookup(scores: dict, key: str) -> tuple[bool, object]:
    """(whether the key names a score, its value — None for an attribute with nothing matched)."""
    if key.startswith("attributes."):
        name = key[len("attributes."):]
        return name in ATTRIBUTES or name in scores["attributes"], scores["attributes"].get(name)
    cur = scores
    for part in key.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return False, None
        cur = cur[part]
    return True, cur


def show_document(doc: str, db: str | None) -> None:
    from rich.console import Console
    from rich.text import Text

    from .ingest import load
    from .pipeline import extract_text

    console = Console()
    if Path(doc).is_file():
        raw = load(doc)
        name = Path(doc).name
        record = extract_text(raw.text, name, raw.lang, raw.page_date, raw.origin).to_dict()
        text = raw.text
    else:
        with _store(db) as store:
            raw = store.get_document(doc) or store.document_by_name(Path(doc).name)
            if raw is None:
                raise UsageError(f"{one_line(doc)[:200]}: no such file or stored document; give a path, a document "
                                 f"id (`kaidan documents` lists them), the source as ingested or its file name")
            record = store.get_facts(raw.id)
            if record is None:
                record = extract_text(raw.text, raw.id, raw.lang, raw.page_date, raw.origin).to_dict()
            text = raw.text
    ev = record["event"]
    console.print(f"[bold]{record['doc']}[/bold]  lang={record['lang']}  event={ev['date']} "
                  f"{'-'.join(ev['countries'])}", highlight=False)
    for t in FACT_TYPES:
        facts = record.get(t) or []
        console.rule(f"{t} ({len(facts)})")
        for f in facts:
            console.print(Text(_headline(t, f)), highlight=False)
            console.print(_in_sentence(text, f), highlight=False)


def _headline(t: str, f: dict) -> str:
    if t == "meetings":
        return (f"• {f['kind']} {f['date']} {f.get('start') or ''} "
                f"{str(f.get('duration_minutes')) + ' min' if f.get('duration_minutes') else ''} "
                f"{f.get('place') or ''} — {', '.join(f['participants'])}")
    if t == "signed_documents":
        return f"• {f['title']} ({f.get('date')})"
    if t == "agreements":
        return f"• [{f['verb']}] {f['text']}  ({', '.join(f.get('topics', []))})"
    if t == "commitments":
        amt = f" {f['amount']['value']:,} {f['amount']['unit']}" if f.get("amount") else ""
        return f"• {f['actor']}: {f['text']}{amt}{' by ' + f['deadline'] if f.get('deadline') else ''}"
    if t == "statements":
        return f"• {f['speaker']} ({f['mode']}): {f['text']}"
    return f"• {f['text']} = {f['value']:,} {f['unit']}"


def _in_sentence(text: str, f: dict):
    from rich.text import Text

    s, e = (f.get("offsets") or [None, None])[:2]
    if s is None or e is None:
        return Text("    " + f.get("evidence", ""))
    lo = max(text.rfind("\n", 0, s) + 1, s - 80)
    hi = text.find("\n", e)
    hi = min(hi if hi >= 0 else len(text), e + 80)
    out = Text("    ")
    out.append(text[lo:s], style="dim")
    out.append(text[s:e], style="bold yellow")
    out.append(text[e:hi], style="dim")
    return out
