"""The ``kaidan`` command: thin wrappers, each parsing options and calling one library function."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import KaidanError


class _Group(click.Group):
    """Library errors become one-line messages (exit 1), never tracebacks."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KaidanError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(1)


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _emit(rows, as_json: bool, text, empty: str) -> None:
    """One JSON object per row, or the row as ``text(row)`` renders it (one or more lines).

    Without rows, text output says so (``empty``, on standard error); JSON output stays empty."""
    n = 0
    for row in rows:
        click.echo(_dump(row) if as_json else text(row))
        n += 1
    if not n and not as_json:
        click.echo(empty, err=True)


def _bytes(value: str) -> int:
    """A size such as 20000000, 20MB, 512KB or 1.5GiB, in bytes."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?\s*", value, re.IGNORECASE)
    if not m:
        raise click.BadParameter(f"{value!r}: give a number of bytes, e.g. 20000000, 20MB or 512KB")
    unit = (m.group(2) or "B").upper().replace("IB", "B").rstrip("B") or "B"
    return int(float(m.group(1)) * {"B": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}[unit])


max_bytes_option = click.option("--max-bytes", "max_bytes", default=None, metavar="SIZE",
                                help="Largest file or response read (default: 20MB, config.MAX_BYTES); "
                                     "e.g. 50MB, 512KB or a number of bytes.")
all_files_option = click.option("--all-files", is_flag=True,
                                help="In folders, take every file, not only .txt, .html, .htm, .xhtml and .pdf.")


def _max_bytes(value: str | None) -> int:
    from . import config

    return config.MAX_BYTES if value is None else _bytes(value)


db_option = click.option("--db", "db", default=None, metavar="FILE|URL",
                         help="SQLite database file, or a postgresql://user@host/db URL "
                              "(default: $KAIDAN_DB, else ./kaidan.db).")


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="kaidan")
def main():
    """Kaidan: cited, cross-checked records of leaders' summits."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar: failures and the summary line only.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Load and extract in this many processes (the database is written in input order).")
@click.option("--ray", "ray_address", default=None, metavar="ADDRESS",
              help="Extract on a Ray cluster: 'local' starts one here, 'auto' joins this machine's, "
                   "or ray://HEAD:10001 (needs the 'ray' extra).")
@max_bytes_option
@all_files_option
def ingest(sources, db, quiet, workers, ray_address, max_bytes, all_files):
    """Store documents (files, folders, http(s) URLs) and extract their facts."""
    from .commands import run_ingest

    code = run_ingest(list(sources), db, quiet=quiet, workers=workers, ray=ray_address,
                      max_bytes=_max_bytes(max_bytes), all_files=all_files)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one list.")
@max_bytes_option
@all_files_option
def extract(paths, fmt, max_bytes, all_files):
    """Print the fact records of documents (no database needed), one JSON record per document."""
    from .commands import extract_paths

    records = []
    failed = 0
    for rec, err in extract_paths(list(paths), max_bytes=_max_bytes(max_bytes), all_files=all_files):
        if err:
            click.echo(f"Error: {err}", err=True)
            failed += 1
            continue
        if fmt == "jsonl":
            click.echo(_dump(rec))
        else:
            records.append(rec)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    sys.exit(1 if failed else 0)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "md"]), default="jsonl", show_default=True,
              help="jsonl: one record per document; csv: one row per fact; md: a briefing per event "
                   "(with --output DIR, one file per event).")
@click.option("--output", "-o", type=click.Path(writable=True), default=None,
              help="Write to this file (or, for md, this folder) instead of standard output.")
def export(db, fmt, output):
    """Write the stored fact records (JSONL: one per document; CSV: one row per fact)."""
    from .commands import existing_db, export_records

    existing_db(db)    # fail before writing a header or truncating --output
    if fmt == "md" and output and (Path(output).is_dir() or not Path(output).suffix):
        from .commands import export_briefings

        for path in export_briefings(db, Path(output)):
            click.echo(str(path))
        return
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        export_records(db, fmt, out)
    finally:
        if output:
            out.close()


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--docs", "docs_dir", required=True, type=click.Path(path_type=Path),
              help="Folder holding the documents the gold records name.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--floors", type=click.Path(path_type=Path), default=None,
              help="Quality floors (JSON); exit 1 when a score falls below one.")
def eval_cmd(gold_dir, docs_dir, as_json, floors):
    """Score extraction against gold records (the rules of FACTS.md)."""
    from .commands import format_scores, run_eval

    _scores_out(run_eval(gold_dir, docs_dir), as_json, format_scores, floors)


def _scores_out(scores: dict, as_json: bool, text, floors) -> None:
    """Print scores (JSON or as ``text`` renders them); with ``floors``, exit 1 when one is under its floor."""
    from .commands import check_floors

    click.echo(json.dumps(scores, ensure_ascii=False, indent=1) if as_json else text(scores))
    if floors:
        failed = check_floors(scores, floors)
        for line in failed:
            click.echo(f"below floor: {line}", err=True)
        sys.exit(1 if failed else 0)


@main.command(name="eval-metamorphic")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--docs", "docs_dir", required=True, type=click.Path(path_type=Path),
              help="Folder holding the documents the gold records name.")
@click.option("--variant", "variants", multiple=True,
              help="Substitution variant (data/metamorphic.json); repeat for several. Default: all of them.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--floors", type=click.Path(path_type=Path), default=None,
              help="Floors per variant (JSON, e.g. quality/metamorphic.json); exit 1 when a score falls below one.")
def eval_metamorphic(gold_dir, docs_dir, variants, as_json, floors):
    """Score the gold set as it is and with other people's names and other countries substituted in the
    documents and the gold alike: the drop is what the people data carries."""
    from .evaluate.metamorphic import check_floors, evaluate, format_table, tables

    res = evaluate(gold_dir, docs_dir, list(variants) or list(tables()["variants"]))
    if as_json:
        click.echo(json.dumps({k: {x: v[x] for x in v if x != "per_document"} for k, v in res.items()},
                              ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(res))
    if floors:
        failed = check_floors(res, floors)
        for line in failed:
            click.echo(f"below floor: {line}", err=True)
        sys.exit(1 if failed else 0)


@main.command(name="eval-events")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and the misses) as JSON.")
@click.option("--floors", type=click.Path(path_type=Path), default=None,
              help="Quality floors (JSON); exit 1 when a score falls below one.")
def eval_events(folder, as_json, floors):
    """Score grouping, merging and conflicts on a folder of multi-source coverage (the corpus/events
    form): every .txt is ingested into a fresh temporary database, as a new user would."""
    from .evaluate.events import format_event_scores, score_folder

    _scores_out(score_folder(folder), as_json, format_event_scores, floors)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
def documents(db, as_json):
    """List stored documents: id, name, language, event and how many facts of each type."""
    from .commands import list_documents

    from .commands import one_line

    _emit(list_documents(db), as_json, lambda r: f"{r['id']}  {one_line(r['doc'] or '-'):<40} {r['lang']:<5} "
                                                  f"{r['event']:<22} "
                                                  + " ".join(f"{k}={v}" for k, v in r["facts"].items()),
          "no documents stored yet; `kaidan ingest PATH` adds some")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per failure.")
def failures(db, as_json):
    """List the sources that failed (and were not ingested since), each with the reason."""
    from .commands import list_failures, one_line

    _emit(list_failures(db), as_json,
          lambda f: f"{f['failed_at']}  {f['code'] or '-':<5} {one_line(f['source'])}: "
                    f"{one_line(f['message']).removeprefix(one_line(f['source']) + ': ')}",
          "no failures recorded")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
def events(db, as_json):
    """List events (one summit, telephone talk or visit) with their documents."""
    from .commands import list_events

    def text(ev):
        span = ev["date_start"] + ("" if ev["date_end"] == ev["date_start"] else f"..{ev['date_end']}")
        return f"{ev['id']:<24} {span:<22} {ev['countries']:<8} {ev.get('kind') or '-':<12} {ev['documents']} document(s)"

    _emit(list_events(db), as_json, text, "no events yet; `kaidan ingest PATH` adds documents and their events")


@main.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The whole event record as JSON.")
def event(event_id, db, as_json):
    """One event: programme, signed documents, agreements by topic, commitments, statements by speaker,
    conflicts and sources (EVENT_ID may be a prefix)."""
    from .commands import get_event

    rec = get_event(event_id, db)
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=1))
    else:
        from .reconcile.report import event_markdown

        click.echo(event_markdown(rec))


@main.command()
@db_option
@click.option("--actor", help="Country, leader or organisation (a leader stands for the country).")
@click.option("--topic", help="A topic of FACTS.md, e.g. investment, security.")
@click.option("--due-before", metavar="YYYY-MM-DD", help="Only commitments due on or before this day.")
@click.option("--status", type=click.Choice(["open", "due soon", "overdue", "reported done"]))
@click.option("--since", metavar="YYYY-MM-DD", help="Only threads taken up on or after this day.")
@click.option("--today", metavar="YYYY-MM-DD", help="The day statuses are computed for (default: today).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Print the first N threads (default 50).")
@click.option("--all", "every", is_flag=True, help="Print every thread (the whole ledger).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per commitment thread.")
def commitments(db, actor, topic, due_before, status, since, today, limit, every, as_json):
    """The commitment ledger: promises linked from summit to summit, with due dates and status.

    Prints the 50 threads due soonest (--limit N for more, --all for every one); filters keep the threads of
    a party (--actor), a topic, a status, a due date or the threads taken up since a day."""
    from .commands import LEDGER_LIMIT, ledger_rows

    def amount(f):
        return f" [{f['amount']['value']:,.0f} {f['amount']['unit']}]" if f.get("amount") else ""

    def text(t):
        head = f"{t['id']}  {t['status']:<13} due {t['due'] or '-':<10}  {t['actor']}: {t['text'][:70]}{amount(t)}"
        return "\n".join([head] + [f"        {e['event']:<22} {e['text'][:70]}{amount(e)}" for e in t["entries"]])

    counted: list[tuple[int, int]] = []
    filtered = any(v is not None for v in (actor, topic, due_before, status, since))
    _emit(ledger_rows(db, actor=actor, topic=topic, due_before=due_before, status=status, since=since, today=today,
                      limit=None if every else (limit or LEDGER_LIMIT), on_total=lambda *n: counted.append(n)),
          as_json, text, "no commitments match" + (" these options" if filtered else "; none are stored yet"))
    if counted and counted[0][0] < counted[0][1]:
        click.echo(f"{counted[0][0]} of {counted[0][1]} threads shown; --limit N shows more, --all every one",
                   err=True)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per conflict.")
def conflicts(db, as_json):
    """Where sources of one event give different values, with both values and their citations."""
    from .commands import list_conflicts

    def text(c):
        lines = [f"{c['event']}  {c['field']}  ({c['about'][:50]})"]
        for v in c["values"]:
            docs = ", ".join(sorted({x.get("doc") or x.get("doc_id") for x in v["citations"]}))
            lines.append(f"    {str(v['value'])[:80]:<40}  ← {docs}")
        return "\n".join(lines)

    _emit(list_conflicts(db), as_json, text, "no conflicts: the sources of every event agree")


@main.command()
@click.argument("doc")
@db_option
def show(doc, db):
    """Print one document's facts by type, each with its evidence highlighted in its sentence.

    DOC is a file (extracted on the fly) or a stored document's id, id prefix or source."""
    from .commands import show_document

    show_document(doc, db)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; beyond loopback (e.g. 0.0.0.0) a token is required.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="KAIDAN_TOKEN", default=None, metavar="TOKEN",
              help="Bearer token that ingestion requests must send (default: $KAIDAN_TOKEN).")
@click.option("--allow-private-urls", is_flag=True,
              help="Let URL ingestion fetch private, loopback and link-local addresses (refused by default).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A host name the service is reached by (besides IP addresses and localhost); repeat for more.")
@click.option("--private", is_flag=True, help="Reads need the token too (for a service beyond loopback).")
def serve(db, host, port, token, allow_private_urls, allow_hosts, private):
    """Serve the REST API (/api, /openapi.json) and the web page over the database."""
    from .service.app import serve as run

    run(db, host=host, port=port, token=token, allow_private=allow_private_urls, allowed_hosts=allow_hosts,
        private=private)


if __name__ == "__main__":  # pragma: no cover
    main()
