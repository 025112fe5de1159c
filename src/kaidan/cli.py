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


db_option = click.option("--db", "db", default=None, metavar="FILE",
                         help="SQLite database (default: $KAIDAN_DB, else ./kaidan.db).")


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="kaidan")
def main():
    """Kaidan: cited, cross-checked records of leaders' summits."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar: failures and the summary line only.")
def ingest(sources, db, quiet):
    """Store documents (files, folders, http(s) URLs) and extract their facts."""
    from .commands import run_ingest

    code = run_ingest(list(sources), db, quiet=quiet)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one list.")
def extract(paths, fmt):
    """Print the fact records of documents (no database needed), one JSON record per document."""
    from .commands import extract_paths

    records = []
    failed = 0
    for rec, err in extract_paths(list(paths)):
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
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one record per document; csv: one row per fact.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
def export(db, fmt, output):
    """Write the stored fact records (JSONL: one per document; CSV: one row per fact)."""
    from .commands import existing_db, export_records

    existing_db(db)    # fail before writing a header or truncating --output
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
    from .commands import check_floors, format_scores, run_eval

    scores = run_eval(gold_dir, docs_dir)
    click.echo(json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_scores(scores))
    if floors:
        failed = check_floors(scores, floors)
        for line in failed:
            click.echo(f"below floor: {line}", err=True)
        sys.exit(1 if failed else 0)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
def documents(db, as_json):
    """List stored documents: id, name, language, event and how many facts of each type."""
    from .commands import list_documents

    for row in list_documents(db):
        if as_json:
            click.echo(_dump(row))
        else:
            counts = " ".join(f"{k}={v}" for k, v in row["facts"].items())
            click.echo(f"{row['id']}  {row['doc']:<40} {row['lang']:<5} {row['event']:<22} {counts}")


@main.command()
@click.argument("doc")
@db_option
def show(doc, db):
    """Print one document's facts by type, each with its evidence highlighted in its sentence.

    DOC is a file (extracted on the fly) or a stored document's id, id prefix or source."""
    from .commands import show_document

    show_document(doc, db)


if __name__ == "__main__":  # pragma: no cover
    main()
