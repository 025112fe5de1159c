"""The event commands: events, event, commitments, conflicts and the Markdown briefing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kaidan.cli import main

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "k.db"
    r = CliRunner().invoke(main, ["ingest", "--db", str(path), "-q", str(SEEDS)])
    assert r.exit_code == 0, r.output
    return str(path)


def run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.output


def test_events_and_json(db):
    assert [json.loads(line)["id"] for line in run("events", "--db", db, "--json").splitlines()] == [
        "2025-02-07-JP-US", "2025-10-28-JP-US"]
    assert "2025-10-28-JP-US" in run("events", "--db", db)


def test_event_briefing_has_every_section_and_footnotes(db):
    out = run("event", "2025-10-28", "--db", db)
    for heading in ("## Programme", "## Documents signed", "## Agreed by both sides", "## Commitments",
                    "## Statements", "## Where the sources disagree", "## Sources"):
        assert heading in out
    assert "[^1]: " in out and "合意の実施" in out
    rec = json.loads(run("event", "2025-10-28-JP-US", "--db", db, "--json"))
    assert rec["id"] == "2025-10-28-JP-US" and len(rec["sources"]) == 3


def test_unknown_event_is_a_one_line_error(db):
    r = CliRunner().invoke(main, ["event", "1999", "--db", db])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "no such event" in r.output


def test_commitment_filters(db):
    rows = [json.loads(x) for x in run("commitments", "--db", db, "--json", "--topic", "investment",
                                       "--today", "2026-01-10").splitlines()]
    assert rows and all("investment" in t["topics"] for t in rows)
    assert run("commitments", "--db", db, "--actor", "Germany") == "no commitments match these options\n"
    due = [json.loads(x) for x in run("commitments", "--db", db, "--json", "--due-before", "2026-12-31").splitlines()]
    assert due and all(t["due"] <= "2026-12-31" for t in due)
    r = CliRunner().invoke(main, ["commitments", "--db", db, "--due-before", "tomorrow"])
    assert r.exit_code == 1 and "YYYY-MM-DD" in r.output


def test_commitments_print_a_page_unless_all_is_asked(db):
    every = [json.loads(x) for x in run("commitments", "--db", db, "--json", "--all", "--today", "2026-01-10")
             .splitlines()]
    assert len(every) >= 3
    r = CliRunner().invoke(main, ["commitments", "--db", db, "--json", "--limit", "2", "--today", "2026-01-10"])
    assert r.exit_code == 0
    assert [json.loads(x) for x in r.stdout.splitlines()] == every[:2]
    assert f"2 of {len(every)} threads shown" in r.stderr
    latest = max(t["entries"][-1]["event_date"] for t in every)
    since = [json.loads(x) for x in run("commitments", "--db", db, "--json", "--all", "--since", latest,
                                        "--today", "2026-01-10").splitlines()]
    assert since == [t for t in every if t["entries"][-1]["event_date"] >= latest] and len(since) < len(every)


def test_conflicts_list_both_values(db):
    rows = [json.loads(x) for x in run("conflicts", "--db", db, "--json").splitlines()]
    start = next(c for c in rows if c["field"] == "meetings.start")
    assert len(start["values"]) == 2 and all(v["citations"] for v in start["values"])


def test_export_md_writes_one_briefing_per_event(db, tmp_path):
    out = run("export", "--db", db, "--format", "md", "-o", str(tmp_path / "briefings"))
    files = sorted(p.name for p in (tmp_path / "briefings").iterdir())
    assert files == ["2025-02-07-JP-US.md", "2025-10-28-JP-US.md"] and "2025-02-07-JP-US.md" in out
    text = (tmp_path / "briefings" / "2025-02-07-JP-US.md").read_text(encoding="utf-8")
    assert text.startswith("# JP-US — 2025-02-07") and "[^1]:" in text
