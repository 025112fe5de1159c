"""Nothing lost, nothing crashes: hostile input, faults between steps, full disks, read-only files, two writers.

Each test names the point of the reliability review it holds (1-10). Documents are the short readouts of
conftest.py, written for these tests.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import GOOD_DOCS

from kaidan import config, pipeline
from kaidan.ingest import load
from kaidan.reconcile import events as grouping
from kaidan.store import Store

pytestmark = pytest.mark.usefixtures("isolated_env")

SRC = Path(__file__).resolve().parents[1] / "src"
KAIDAN = [sys.executable, "-c", "from kaidan.cli import main; main()"]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def doc_events(db) -> dict[str, int]:
    """Document id -> number of events it is in."""
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT d.id, count(de.event_id) FROM documents d "
                                "LEFT JOIN doc_events de ON de.doc_id = d.id GROUP BY d.id"))


# 1. malformed URLs: one line each, the batch goes on, the summary is printed

MALFORMED = {
    "http://[::1": "not a valid URL",
    "http://999.999.999.999/": "999.999.999.999 is not a valid IPv4 address",
    "http://": "no host in the URL",
}


def test_malformed_urls_fail_one_line_each_and_the_batch_goes_on(cli, good_folder, db_path):
    first, *rest = sorted(good_folder.iterdir())
    result = cli("ingest", "--db", db_path, first, *MALFORMED, *rest)
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    err = lines(result.stderr)
    assert err[-1] == f"{len(GOOD_DOCS)} stored, 0 re-extracted, 0 unchanged, 3 failed"
    for url, words in MALFORMED.items():
        [line] = [line for line in err if line.startswith(f"failed {url}: ")]
        assert words in line, line
    assert "missing an 'http://'" not in result.stderr and "Traceback" not in result.stderr
    with Store(db_path) as store:
        assert {f["source"] for f in store.failures()} == set(MALFORMED)
        assert store.count_documents() == len(GOOD_DOCS)


def test_extract_of_a_malformed_url_is_one_error_line(cli, good_folder):
    result = cli("extract", "http://[::1", good_folder / "ja_tel.txt")
    assert result.exit_code == 1
    assert lines(result.stderr) == ["Error: http://[::1: not a valid URL (Invalid IPv6 URL); check the address "
                                    "(an IPv6 host is written [::1])"]
    assert json.loads(result.stdout)["doc"] == "ja_tel.txt"


def test_an_unforeseen_loader_error_is_that_sources_failure(good_folder, db_path):
    sources = [str(p) for p in sorted(good_folder.iterdir())]

    def loader(source):
        if source == sources[1]:
            raise RuntimeError("a bug in a reader")
        return load(source)

    with Store(db_path) as store:
        report = pipeline.ingest(sources, store, loader=loader)
        assert [f["source"] for f in store.failures()] == [sources[1]]
    assert (report.stored, report.failed) == (len(sources) - 1, 1)
    assert "RuntimeError: a bug in a reader" in report.failures[0][1]


def test_failures_so_far_and_the_summary_are_printed_when_the_batch_is_interrupted(cli, good_folder, db_path,
                                                                                   monkeypatch):
    sources = [str(p) for p in sorted(good_folder.iterdir())]
    real = pipeline.extract_text

    def interrupted(text, doc_id="doc", *args, **kwargs):
        if doc_id == Path(sources[2]).name:
            raise KeyboardInterrupt
        return real(text, doc_id, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_text", interrupted)
    result = cli("ingest", "--db", db_path, "http://", *sources)
    assert result.exit_code == 1  # click turns the KeyboardInterrupt into "Aborted!"
    err = lines(result.stderr)
    assert err[0].startswith("failed http://: no host")
    assert err[-2:] == ["2 stored, 0 re-extracted, 0 unchanged, 1 failed", "Aborted!"]


# 2. a kill between storing the facts and placing the event is repaired by the next command that writes

def test_a_kill_between_facts_and_event_is_repaired_by_the_next_ingest(cli, good_folder, tmp_path, db_path,
                                                                       monkeypatch):
    victim = good_folder / "ja_summit.txt"
    real_targets = grouping.targets

    def killed(store, record):
        raise KeyboardInterrupt  # the process dies after save_facts and index_search, before put_event

    monkeypatch.setattr(grouping, "targets", killed)
    with Store(db_path) as store, pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(victim)], store)
    victim_id = load(str(victim)).id
    assert doc_events(db_path) == {victim_id: 0}
    with Store(db_path) as store:
        assert store.get_facts(victim_id) is not None

    monkeypatch.setattr(grouping, "targets", real_targets)
    other = tmp_path / "other"
    other.mkdir()
    (other / "ja_tel.txt").write_text(GOOD_DOCS["ja_tel.txt"], encoding="utf-8")
    result = cli("ingest", "--db", db_path, other)  # another document: the victim is not in this batch
    assert lines(result.stderr) == ["1 stored, 0 re-extracted, 0 unchanged, 0 failed, 1 repaired"]
    placed = doc_events(db_path)
    assert placed[victim_id] == 1 and len(placed) == 2 and all(placed.values())
    events = cli("events", "--db", db_path)
    assert "2025-06-16-CA-JP" in events.stdout


def test_a_kill_between_storing_the_text_and_the_facts_is_repaired_too(good_folder, db_path, monkeypatch):
    victim = good_folder / "en_tel.txt"
    monkeypatch.setattr(pipeline, "extract_text", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    with Store(db_path) as store, pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(victim)], store)
    monkeypatch.undo()
    with Store(db_path) as store:
        assert store.docs_without_any_facts() == [load(str(victim)).id]
        report = pipeline.ingest([], store)
        assert store.docs_without_any_facts() == [] and store.is_indexed(load(str(victim)).id)
    assert report.repaired == 1
    assert list(doc_events(db_path).values()) == [1]


# 3. a read-only database can be read

READ_COMMANDS = [["documents"], ["events"], ["event", "2025-10-01"], ["commitments", "--today", "2025-12-01"],
                 ["conflicts"], ["failures"], ["export", "--format", "csv"], ["show", "ja_tel.txt"]]


def _freeze(paths, on: bool) -> None:
    """Make files and folders unwritable: chmod for a user; for root, whom permissions do not stop, the
    immutable attribute (chattr +i), which stops root too."""
    for path in paths:
        if os.geteuid() == 0:
            done = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True, text=True)
            if done.returncode and on:
                pytest.skip(f"running as root and chattr +i is refused here ({done.stderr.strip()})")
        else:
            path.chmod((0o555 if path.is_dir() else 0o444) if on else (0o755 if path.is_dir() else 0o644))


@pytest.mark.parametrize("frozen", ["file", "file and folder"])
def test_read_commands_read_a_database_they_may_not_write(cli, good_folder, tmp_path, frozen):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "kaidan.db"
    with Store(db) as store:
        pipeline.ingest([str(p) for p in sorted(good_folder.iterdir())] + ["http://"], store)
    before = db.read_bytes()
    frozen_paths = [db] if frozen == "file" else [db, folder]
    _freeze(frozen_paths, True)
    try:
        for args in READ_COMMANDS:
            done = cli(*args, "--db", db)
            assert done.exit_code == 0, (args, done.stderr)
            assert "readonly" not in done.stderr and "Error" not in done.stderr, (args, done.stderr)
            assert (done.stdout + done.stderr).strip(), args  # rows, or a line saying there are none
        refused = cli("ingest", "--db", db, good_folder / "ja_tel.txt")
        assert refused.exit_code == 1
        assert "cannot be written" in refused.stderr and "remove" not in refused.stderr
        assert lines(refused.stderr)[-1].startswith("0 stored, 0 re-extracted, 0 unchanged, 0 failed; stopped after 0")
    finally:
        _freeze(frozen_paths, False)
    assert db.read_bytes() == before


def test_a_read_only_store_refuses_every_write_at_the_sqlite_level(good_folder, db_path):
    with Store(db_path) as store:
        pipeline.ingest([str(good_folder / "ja_tel.txt")], store)
    with Store(db_path, readonly=True) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._db.execute("DELETE FROM documents")
        assert store.count_documents() == 1


# 4. a full disk: what to do, nothing lost, the summary printed

class FullDisk(Store):
    """A store whose file may grow by a few pages only: SQLite answers SQLITE_FULL like on a full disk."""

    def __init__(self, path, **kwargs):
        super().__init__(path, **kwargs)
        if not self.readonly:
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            self._db.execute(f"PRAGMA max_page_count = {pages + 6}")


def test_a_full_disk_says_what_to_do_keeps_what_was_stored_and_prints_the_summary(cli, tmp_path, db_path,
                                                                                  monkeypatch):
    import kaidan.store

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):  # enough text to fill six pages
        (folder / f"doc{i:02}.txt").write_text(GOOD_DOCS["ja_tel.txt"] + f"\n{'追記 ' * 400}{i}\n", encoding="utf-8")
    with Store(db_path):
        pass
    monkeypatch.setattr(kaidan.store, "Store", FullDisk)
    result = cli("ingest", "--db", db_path, folder)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    err = lines(result.stderr)
    assert any(line.startswith("Error: ") and "the disk is full" in line and "free some space" in line
               and "run the same command again" in line for line in err), err
    assert "remove" not in result.stderr
    assert "stopped after" in err[-1] and err[-1].startswith(tuple(f"{n} stored" for n in range(12)))
    stored_before = int(err[-1].split()[0])

    monkeypatch.setattr(kaidan.store, "Store", Store)  # space freed: the same command finishes the batch
    again = cli("ingest", "--db", db_path, folder)
    assert again.exit_code == 0, again.stderr
    with Store(db_path) as store:
        assert store.count_documents() == 12 and store.docs_without_any_facts() == []
        assert store.unplaced_documents() == []
    assert stored_before < 12
    with sqlite3.connect(db_path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# 5. size limit: a settable --max-bytes, a message that shows the difference, bounded sections

def test_one_byte_above_the_limit_shows_the_difference(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(config.MAX_BYTES + 1)
    from kaidan.errors import TooLarge

    with pytest.raises(TooLarge) as caught:
        load(str(path))
    assert "20,971,521 bytes is above the size limit of 20,971,520 bytes" in str(caught.value)
    assert "--max-bytes" in str(caught.value)


def test_max_bytes_on_the_command_line(cli, good_folder, db_path):
    doc = good_folder / "ja_tel.txt"
    size = doc.stat().st_size
    refused = cli("ingest", "--db", db_path, "--max-bytes", str(size - 1), doc)
    assert refused.exit_code == 1
    assert f"{size:,} bytes is above the size limit of {size - 1:,} bytes" in refused.stderr
    assert cli("ingest", "--db", db_path, "--max-bytes", "0.5KB", doc).exit_code == 1
    taken = cli("ingest", "--db", db_path, "--max-bytes", "2MB", doc)
    assert lines(taken.stderr) == ["1 stored, 0 re-extracted, 0 unchanged, 0 failed"]
    bad = cli("ingest", "--db", db_path, "--max-bytes", "lots", doc)
    assert bad.exit_code == 2 and "give a number of bytes" in bad.stderr


def test_a_long_text_is_extracted_section_by_section_with_offsets_into_the_whole(monkeypatch):
    copies = [GOOD_DOCS["ja_tel.txt"].replace("総額500億円", f"総額{500 + i}億円") for i in range(40)]
    text = "\n".join(copies + ["一" * 3000 + "。" + "二" * 3000])
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 2000)
    pieces = pipeline.sections(text, 2000)
    assert "".join(p for _base, p in pieces) == text
    assert all(len(p) <= 2000 and text[base:base + len(p)] == p for base, p in pieces)
    seen = []
    real = pipeline.DocContext

    def recording(doc_id, section, *args, **kwargs):
        seen.append(len(section))
        return real(doc_id, section, *args, **kwargs)

    monkeypatch.setattr(pipeline, "DocContext", recording)
    record = pipeline.extract_text(text, "long").to_dict()
    assert max(seen) <= 2000 and len(seen) == len(pieces)
    assert record["event"] == {"date": "2025-10-01", "countries": ["AU", "JP"]}
    facts = [f for t in ("meetings", "agreements", "commitments", "statements", "quantities") for f in record[t]]
    in_section = {next(i for i, (base, p) in enumerate(pieces) if base <= c["offsets"][0] < base + len(p))
                  for c in record["commitments"]}
    assert len(in_section) > 3  # commitments are found in later sections too, at their offsets in the whole
    evidence = [f["evidence"] for f in record["agreements"]]
    assert len(evidence) == len(set(evidence)) == 2  # exact copies in later sections are dropped
    for f in facts:
        s, e = f["offsets"]
        assert text[s:e] == f["evidence"]


# 6. inputs that were lost or mislabelled

JA = "10月1日、石破茂内閣総理大臣は、アルバニージー豪州首相と日豪首脳電話会談を行いました。\n両首脳は、エネルギー分野での協力を一層強化していくことで一致しました。\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [JA, JA.replace("\n", "").replace("10月1日、", ""), GOOD_DOCS["en_tel.txt"]],
                         ids=["ja-with-ascii", "ja-only", "en"])
def test_utf16_without_bom_is_read(tmp_path, codec, text):
    path = tmp_path / "u16.txt"
    path.write_bytes(text.encode(codec))
    doc = load(str(path))
    assert doc.encoding == codec
    assert doc.text == text.rstrip("\n") or doc.text == text


def test_stray_nul_bytes_are_removed_with_a_note(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(JA.encode("utf-8").replace("会談".encode(), "会談".encode() + b"\x00\x00"))
    notes = []
    doc = load(str(path), on_note=notes.append)
    assert "\x00" not in doc.text and "首脳電話会談を行いました" in doc.text
    assert notes == [f"{path}: 2 NUL byte(s) removed from the text (a damaged copy?); the rest is read as utf-8"]


def test_stray_nul_notes_are_printed_by_ingest(cli, tmp_path, db_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(JA.encode("utf-8") + b"\x00")
    result = cli("ingest", "--db", db_path, path)
    assert result.exit_code == 0
    assert lines(result.stderr) == [f"note {path}: 1 NUL byte(s) removed from the text (a damaged copy?); the rest "
                                    f"is read as utf-8", "1 stored, 0 re-extracted, 0 unchanged, 0 failed"]


def test_a_page_of_100k_nested_divs_falls_back_to_its_text(tmp_path):
    n = 100_000
    sentence = "両首脳は、エネルギー分野での協力を一層強化していくことで一致しました。"
    path = tmp_path / "deep.html"
    path.write_text(f"<html><head><title>t</title><script>var x;</script></head><body>{'<div>' * n}<p>{sentence}"
                    f"</p>{'</div>' * n}</body></html>", encoding="utf-8")
    doc = load(str(path))
    assert doc.text == sentence and doc.content_type == "html"


def test_a_page_with_only_menus_still_has_no_main_text(tmp_path):
    from kaidan.errors import NoMainText

    path = tmp_path / "menu.html"
    path.write_text("<html><body>" + "<div>" * 2000 + "<a>Home</a><a>News</a><p>Log in</p>" + "</div>" * 2000
                    + "</body></html>", encoding="utf-8")
    with pytest.raises(NoMainText):
        load(str(path))


# 7. failures listed, empty results said, close ids suggested, names as ingested

def test_failures_lists_each_failed_source_with_its_reason(cli, good_folder, db_path):
    (good_folder / "empty.txt").write_bytes(b"")
    cli("ingest", "--db", db_path, good_folder, "http://")
    result = cli("failures", "--db", db_path)
    assert result.exit_code == 0
    out = lines(result.stdout)
    assert len(out) == 2
    assert any(f"K101  {good_folder / 'empty.txt'}: the file is empty" in line for line in out)
    assert any("K106  http://: no host in the URL" in line for line in out)
    as_json = [json.loads(line) for line in cli("failures", "--db", db_path, "--json").stdout.splitlines()]
    assert {f["code"] for f in as_json} == {"K101", "K106"}


def test_the_api_lists_failures(tmp_path, db_path):
    from fastapi.testclient import TestClient

    from kaidan.service.app import create_app

    with Store(db_path) as store:
        pipeline.ingest(["http://999.999.999.999/"], store)
    with TestClient(create_app(db_path), base_url="http://127.0.0.1") as client:
        answer = client.get("/api/failures")
    assert answer.status_code == 200
    [failure] = answer.json()
    assert failure["source"] == "http://999.999.999.999/" and failure["code"] == "K106"
    assert "not a valid IPv4 address" in failure["message"]


@pytest.mark.parametrize(("args", "said"), [
    (["commitments", "--topic", "nosuchtopic"], "no commitments match these options"),
    (["conflicts"], "no conflicts: the sources of every event agree"),
    (["failures"], "no failures recorded"),
])
def test_empty_results_say_so(cli, good_folder, db_path, args, said):
    cli("ingest", "--db", db_path, good_folder / "ja_tel.txt")
    result = cli(*args, "--db", db_path)
    assert result.exit_code == 0 and result.stdout == ""
    assert lines(result.stderr) == [said]
    assert cli(*args, "--db", db_path, "--json").stderr == ""


def test_an_unknown_event_suggests_the_closest_ids(cli, good_folder, db_path):
    cli("ingest", "--db", db_path, good_folder)
    result = cli("event", "2025-06-17-CA-JP", "--db", db_path)
    assert result.exit_code == 1
    [err] = lines(result.stderr)
    assert "closest: 2025-06-16-CA-JP" in err and len(err) < 300
    assert "`kaidan events` lists them all" in err


def test_show_takes_the_source_as_ingested_or_its_file_name(cli, good_folder, tmp_path, db_path):
    cli("ingest", "--db", db_path, good_folder)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)
    for key in (str(good_folder / "en_tel.txt"), "en_tel.txt"):
        shown = cli("show", key, "--db", db_path)
        assert shown.exit_code == 0, shown.stderr
        assert shown.stdout.startswith("en_tel.txt  lang=en")
    missing = cli("show", "nosuch.txt", "--db", db_path)
    assert missing.exit_code == 1 and "its file name" in missing.stderr


def test_the_readme_example_id_is_the_demo_documents_id():
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    [shown] = re.findall(r"kaidan show ([0-9a-f]{8})\b", readme)
    examples = Path(__file__).resolve().parents[1] / "examples"
    ids = [load(str(p)).id for p in sorted(examples.glob("*.txt"))]
    assert any(i.startswith(shown) for i in ids), (shown, ids)


def test_file_names_with_newlines_stay_on_one_line(cli, tmp_path, db_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "two\nlines.txt").write_text(GOOD_DOCS["ja_tel.txt"], encoding="utf-8")
    (folder / "empty\nfile.txt").write_bytes(b"")
    result = cli("ingest", "--db", db_path, folder)
    err = lines(result.stderr)
    assert len(err) == 2 and "empty\\nfile.txt" in err[0]
    listed = cli("documents", "--db", db_path)
    assert len(lines(listed.stdout)) == 1 and "two\\nlines.txt" in listed.stdout
    failed = cli("failures", "--db", db_path)
    assert len(lines(failed.stdout)) == 1 and "empty\\nfile.txt" in failed.stdout


# 8. reproducible installs

def test_constraints_pin_what_the_tests_ran_with_and_make_uses_them():
    import re
    import tomllib

    root = Path(__file__).resolve().parents[1]
    pins = {}
    for line in (root / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name.lower())] = version
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    for requirement in wanted:
        name = re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower())
        assert name in pins, f"{name} is not pinned in constraints.txt"
    assert "lxml-html-clean" in pins and any(r.startswith("lxml_html_clean") for r in project["dependencies"])
    assert "kaidan" not in pins
    from importlib.metadata import version

    for name in ("trafilatura", "lxml", "sudachipy", "httpx"):
        assert pins[name] == version(name), name
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    assert "PIN    := -c constraints.txt" in makefile and makefile.count("$(PIN) -e") == 3


# 9. two writers and a reader on one database

def test_two_writers_and_a_reader_share_one_database(tmp_path):
    db = tmp_path / "shared.db"
    folders = []
    for w in range(2):
        folder = tmp_path / f"writer{w}"
        folder.mkdir()
        for i in range(6):
            (folder / f"w{w}_{i}.txt").write_text(
                GOOD_DOCS["ja_tel.txt"].replace("約30分間", f"約{10 + w * 10 + i}分間"), encoding="utf-8")
        folders.append(folder)
    with Store(db):
        pass
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    writers = [subprocess.Popen(KAIDAN + ["ingest", "--db", str(db), str(f)], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for f in folders]
    seen = []
    while any(w.poll() is None for w in writers):
        with Store(db, readonly=True) as reader:
            seen.append(reader.count_documents())
            list(reader.iter_events())
        time.sleep(0.2)
    outcomes = [w.communicate() for w in writers]
    for w, (_out, err) in zip(writers, outcomes):
        assert w.returncode == 0, err
        assert lines(err) == ["6 stored, 0 re-extracted, 0 unchanged, 0 failed"], err
    assert seen == sorted(seen) and seen[-1] <= 12
    with Store(db) as store:
        assert store.count_documents() == 12
        assert store.docs_without_any_facts() == [] and store.unplaced_documents() == []
        assert sum(e["documents"] for e in store.iter_events()) == 12
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# 10. folders give documents only

def test_a_folder_ingest_skips_readmes_and_gold_records(cli, good_folder, db_path):
    (good_folder / "README.md").write_text("# Notes\n\nThese are our readouts.\n", encoding="utf-8")
    (good_folder / "gold").mkdir()
    (good_folder / "gold" / "ja_tel.json").write_text('{"doc": "ja_tel.txt"}', encoding="utf-8")
    result = cli("ingest", "--db", db_path, good_folder)
    assert result.exit_code == 0
    err = lines(result.stderr)
    assert err[0].startswith("skipped 2 file(s) in the folders that are not documents") and "--all-files" in err[0]
    assert err[-1] == f"{len(GOOD_DOCS)} stored, 0 re-extracted, 0 unchanged, 0 failed"
    every = cli("ingest", "--db", db_path, "--all-files", good_folder)
    assert lines(every.stderr)[-1] == f"2 stored, 0 re-extracted, {len(GOOD_DOCS)} unchanged, 0 failed"
