"""The `kaidan` command, run through click's CliRunner on documents written in tmp_path.

stdout and stderr are checked apart (click >= 8.2 keeps them separate); every error must
be a one-line ``Error: …`` with exit code 1 and no exception escaping the command.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import BAD_FILES, BAD_URLS, FACT_TYPES, GOLD, GOOD_DOCS, RECORD_FIELDS

import kaidan
from kaidan.cli import main
from kaidan.store import Store

pytestmark = pytest.mark.usefixtures("isolated_env")

SUMMARY = re.compile(r"^(\d+) stored, (\d+) re-extracted, (\d+) unchanged, (\d+) failed$")


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_clean_error(result, *fragments: str) -> str:
    """Exit 1, no exception other than SystemExit, stderr one line 'Error: …' holding the fragments."""
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    err = lines(result.stderr)
    assert len(err) == 1, result.stderr
    assert err[0].startswith("Error: "), err[0]
    for fragment in fragments:
        assert fragment in err[0]
    assert "Traceback" not in result.output
    return err[0]


def squeeze(text: str) -> str:
    """Text without any white space (rich may wrap long lines when printing to a pipe)."""
    return "".join(text.split())


def facts_of(record: dict) -> list[tuple[str, dict]]:
    return [(t, f) for t in FACT_TYPES for f in record[t]]


def stored_records(db) -> dict[str, dict]:
    with Store(db) as store:
        return {rec["doc"]: rec for _id, rec in store.iter_facts()}


def bad_sources(folder) -> dict[str, tuple[str, str]]:
    """Every bad source of a mixed batch -> (reason fragment, error class)."""
    found = {str(folder / name): (reason, error) for name, (_data, reason, error) in BAD_FILES.items()}
    found.update({url: (reason, error) for url, reason, error in BAD_URLS})
    return found


# 1. ingest of a folder with good and bad documents

def test_ingest_stores_good_documents_and_reports_each_bad_source_once(cli, mixed_folder, db_path):
    urls = [url for url, _reason, _error in BAD_URLS]
    result = cli("ingest", mixed_folder, *urls, "--all-files", "--db", db_path)

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    err = lines(result.stderr)
    bad = bad_sources(mixed_folder)
    # one line per failure, then the summary: no multi-line reasons, no progress-bar residue
    assert len(err) == len(bad) + 1, result.stderr
    assert err[-1] == f"{len(GOOD_DOCS)} stored, 0 re-extracted, 0 unchanged, {len(bad)} failed"
    for source, (reason, _error) in bad.items():
        mentioning = [line for line in err if source in line]
        assert len(mentioning) == 1, (source, result.stderr)
        assert mentioning[0].startswith(f"failed {source}: "), mentioning[0]
        assert reason in mentioning[0]
        assert result.stderr.count(source) == 1
    for name in GOOD_DOCS:
        assert name not in result.stderr
    assert "\x1b[" not in result.stderr

    with Store(db_path) as store:
        assert store.count_documents() == len(GOOD_DOCS)
        records = {rec["doc"]: rec for _id, rec in store.iter_facts()}
        failures = store.failures()
    assert set(records) == set(GOOD_DOCS)
    for name, record in records.items():
        assert record["lang"] == ("ja" if name.startswith("ja_") else "en")
        assert facts_of(record), f"{name} stored without any fact"
    assert {f["source"]: f["error"] for f in failures} == {s: e for s, (_r, e) in bad.items()}
    for failure in failures:
        assert "\n" not in failure["message"]
        assert failure["message"].startswith(failure["source"])
        assert bad[failure["source"]][0] in failure["message"]
        assert re.fullmatch(r"K1\d\d", failure["code"])


# 2. re-ingest of the same folder

def test_reingest_changes_nothing_and_still_exits_1_for_the_bad_files(cli, mixed_folder, db_path, dump_tables,
                                                                     monkeypatch):
    urls = [url for url, _reason, _error in BAD_URLS]
    first = cli("ingest", mixed_folder, *urls, "--all-files", "--db", db_path)
    assert first.exit_code == 1
    before = dump_tables(db_path)
    assert len(before["documents"]) == len(GOOD_DOCS) and len(before["facts"]) == len(GOOD_DOCS)

    import kaidan.pipeline as pipeline

    real, calls = pipeline.extract_text, []
    monkeypatch.setattr(pipeline, "extract_text", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    again = cli("ingest", mixed_folder, *urls, "--all-files", "--db", db_path)

    assert again.exit_code == 1
    assert calls == []  # nothing extracted again
    n_bad = len(bad_sources(mixed_folder))
    assert lines(again.stderr)[-1] == f"0 stored, 0 re-extracted, {len(GOOD_DOCS)} unchanged, {n_bad} failed"
    assert dump_tables(db_path) == before
    with Store(db_path) as store:
        assert len(store.failures()) == n_bad


def test_a_fixed_bad_file_is_stored_and_its_failure_cleared(cli, mixed_folder, db_path):
    assert cli("ingest", mixed_folder, "--all-files", "--db", db_path).exit_code == 1
    fixed = GOOD_DOCS["ja_tel.txt"].replace("10月1日、", "10月2日、")  # new content, not a copy of ja_tel.txt
    (mixed_folder / "empty.txt").write_text(fixed, encoding="utf-8")

    again = cli("ingest", mixed_folder, "--all-files", "--db", db_path)

    assert again.exit_code == 1
    assert lines(again.stderr)[-1] == f"1 stored, 0 re-extracted, {len(GOOD_DOCS)} unchanged, {len(BAD_FILES) - 1} failed"
    assert "empty.txt" not in again.stderr
    with Store(db_path) as store:
        assert str(mixed_folder / "empty.txt") not in {f["source"] for f in store.failures()}
        assert len(store.failures()) == len(BAD_FILES) - 1
    assert set(stored_records(db_path)) == {*GOOD_DOCS, "empty.txt"}


# 5. progress output and exit codes

def test_ingest_without_a_terminal_shows_no_progress_bar(cli, good_folder, db_path):
    result = cli("ingest", good_folder, "--db", db_path)  # several sources: the progress-bar path

    assert result.exit_code == 0
    assert result.stdout == ""
    assert lines(result.stderr) == [f"{len(GOOD_DOCS)} stored, 0 re-extracted, 0 unchanged, 0 failed"]
    assert "ingest" not in result.stderr and "\x1b" not in result.stderr and "\r" not in result.stderr


def test_ingest_without_a_terminal_writes_exactly_the_summary_line(cli, good_folder, db_path):
    result = cli("ingest", good_folder, "--db", db_path)
    assert result.exit_code == 0
    assert result.stderr == f"{len(GOOD_DOCS)} stored, 0 re-extracted, 0 unchanged, 0 failed\n"


def test_ingest_quiet_prints_only_the_summary_line(cli, good_folder, db_path):
    result = cli("ingest", "--quiet", good_folder, "--db", db_path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"{len(GOOD_DOCS)} stored, 0 re-extracted, 0 unchanged, 0 failed\n"

    again = cli("ingest", "-q", good_folder, "--db", db_path)
    assert again.exit_code == 0
    assert again.stderr == f"0 stored, 0 re-extracted, {len(GOOD_DOCS)} unchanged, 0 failed\n"


def test_ingest_of_one_good_file_exits_0(cli, good_folder, db_path):
    result = cli("ingest", good_folder / "ja_tel.txt", "--db", db_path)
    assert result.exit_code == 0
    assert result.stderr == "1 stored, 0 re-extracted, 0 unchanged, 0 failed\n"
    assert set(stored_records(db_path)) == {"ja_tel.txt"}


def test_ingest_of_one_bad_file_exits_1(cli, tmp_path, db_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("ingest", tmp_path / "empty.txt", "--db", db_path)
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"failed {tmp_path / 'empty.txt'}: the file is empty; "
                                    "check that it was saved completely", "0 stored, 0 re-extracted, 0 unchanged, 1 failed"]


def test_ingest_failure_line_keeps_a_bracketed_file_name(cli, tmp_path, db_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "[draft] notes.txt").write_bytes(b"")
    (folder / "ok.txt").write_text(GOOD_DOCS["ja_tel.txt"], encoding="utf-8")
    result = cli("ingest", folder, "--db", db_path)
    assert result.exit_code == 1
    assert f"failed {folder / '[draft] notes.txt'}: the file is empty" in result.stderr


def test_ingest_source_with_a_closing_tag_lookalike_does_not_crash(cli, tmp_path, db_path):
    missing = str(tmp_path / "[") + "/draft]"
    result = cli("ingest", missing, "--db", db_path)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert lines(result.stderr)[-1] == "0 stored, 0 re-extracted, 0 unchanged, 1 failed"


# 6. extract

def test_extract_jsonl_prints_one_cited_record_per_document(cli, good_folder):
    result = cli("extract", good_folder, "--format", "jsonl")

    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout.splitlines()
    assert len(out) == len(GOOD_DOCS)
    records = [json.loads(line) for line in out]
    assert sorted(r["doc"] for r in records) == sorted(GOOD_DOCS)
    n_facts = 0
    for rec in records:
        assert RECORD_FIELDS <= set(rec)
        assert set(rec["event"]) >= {"date", "countries"}
        assert isinstance(rec["event"]["countries"], list)
        assert rec["lang"] in ("ja", "en", "mixed")
        text = (good_folder / rec["doc"]).read_text(encoding="utf-8")
        for t in FACT_TYPES:
            assert isinstance(rec[t], list)
        for t, fact in facts_of(rec):
            n_facts += 1
            evidence, (start, end) = fact["evidence"], fact["offsets"]
            assert evidence and evidence in text, (rec["doc"], t, evidence)
            assert text[start:end] == evidence, (rec["doc"], t, fact)
            assert re.search(r"\.v\d+$", fact["rule"]), fact["rule"]
        assert facts_of(rec), f"no facts in {rec['doc']}"
    assert n_facts >= 2 * len(GOOD_DOCS)
    # Japanese stays readable
    assert "\\u" not in result.stdout
    assert "一致" in result.stdout or "確認" in result.stdout


def test_extract_json_prints_one_list_with_the_same_records(cli, good_folder):
    jsonl = cli("extract", good_folder)  # jsonl is the default
    as_list = cli("extract", good_folder, "--format", "json")

    assert as_list.exit_code == 0
    records = json.loads(as_list.stdout)
    assert isinstance(records, list) and len(records) == len(GOOD_DOCS)
    assert records == [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert "\\u" not in as_list.stdout


def test_extract_reports_a_bad_file_in_one_line_and_prints_the_good_ones(cli, good_folder):
    (good_folder / "empty.txt").write_bytes(b"")
    (good_folder / "image.png").write_bytes(BAD_FILES["image.png"][0])
    result = cli("extract", good_folder, "--format", "jsonl", "--all-files")

    assert result.exception is None or isinstance(result.exception, SystemExit)
    err = lines(result.stderr)
    assert len(err) == 2
    assert err[0].startswith(f"Error: {good_folder / 'empty.txt'}: ") and "the file is empty" in err[0]
    assert err[1].startswith(f"Error: {good_folder / 'image.png'}: ") and "PNG image" in err[1]
    assert sorted(json.loads(line)["doc"] for line in result.stdout.splitlines()) == sorted(GOOD_DOCS)


def test_extract_exits_1_when_a_source_failed(cli, good_folder):
    (good_folder / "empty.txt").write_bytes(b"")
    result = cli("extract", good_folder)
    assert "Error: " in result.stderr
    assert result.exit_code == 1


def test_extract_goes_on_after_an_extraction_bug_on_one_document(cli, good_folder, monkeypatch):
    import kaidan.pipeline as pipeline

    real = pipeline.extract_text

    def flaky(text, doc_id="doc", *args, **kwargs):
        if doc_id == "en_statement.txt":  # the first document of the folder
            raise ValueError("a rule broke")
        return real(text, doc_id, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_text", flaky)
    result = cli("extract", good_folder)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert len(result.stdout.splitlines()) == len(GOOD_DOCS) - 1
    assert len(lines(result.stderr)) == 1 and "en_statement.txt" in result.stderr


# 7. export

def test_export_jsonl_gives_one_line_per_stored_document(cli, good_folder, db_path):
    assert cli("ingest", good_folder, "--db", db_path).exit_code == 0
    result = cli("export", "--db", db_path, "--format", "jsonl")

    assert result.exit_code == 0
    assert result.stderr == ""
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(exported) == len(GOOD_DOCS)
    stored = stored_records(db_path)
    assert {rec["doc"]: rec for rec in exported} == stored
    for rec in exported:
        assert RECORD_FIELDS <= set(rec)
    assert "\\u" not in result.stdout


def test_export_csv_has_a_header_and_one_row_per_fact(cli, good_folder, db_path):
    assert cli("ingest", good_folder, "--db", db_path).exit_code == 0
    result = cli("export", "--db", db_path, "--format", "csv")

    assert result.exit_code == 0
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert {"doc", "type", "evidence"} <= set(reader.fieldnames)
    rows = list(reader)
    stored = stored_records(db_path)
    expected = sorted((rec["doc"], t, f["evidence"]) for rec in stored.values() for t, f in facts_of(rec))
    assert sorted((r["doc"], r["type"], r["evidence"]) for r in rows) == expected
    for row in rows:
        text = GOOD_DOCS[row["doc"]]
        start, end = int(row["start_offset"]), int(row["end_offset"])
        assert text[start:end] == row["evidence"]


def test_export_to_a_file_writes_what_stdout_would(cli, good_folder, db_path, tmp_path):
    assert cli("ingest", good_folder, "--db", db_path).exit_code == 0
    out = tmp_path / "facts.jsonl"
    result = cli("export", "--db", db_path, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == cli("export", "--db", db_path).stdout


def test_export_from_a_missing_database_is_a_one_line_error(cli, tmp_path):
    missing = tmp_path / "nowhere.db"
    result = cli("export", "--db", missing, "--format", "jsonl")
    assert_clean_error(result, str(missing), "run `kaidan ingest")
    assert result.stdout == ""
    assert not missing.exists()


def test_export_csv_from_a_missing_database_prints_nothing_on_stdout(cli, tmp_path):
    result = cli("export", "--db", tmp_path / "nowhere.db", "--format", "csv")
    assert_clean_error(result, "run `kaidan ingest")
    assert result.stdout == ""


def test_export_from_a_missing_database_leaves_the_output_file_alone(cli, tmp_path):
    out = tmp_path / "facts.csv"
    out.write_text("earlier export\n", encoding="utf-8")
    result = cli("export", "--db", tmp_path / "nowhere.db", "--format", "csv", "-o", out)
    assert_clean_error(result, "run `kaidan ingest")
    assert out.read_text(encoding="utf-8") == "earlier export\n"


# 8. eval

TYPE_ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)$")


def eval_json(cli, gold, docs) -> dict:
    result = cli("eval", gold, "--docs", docs, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_eval_prints_per_type_precision_recall_f1(cli, gold_folder):
    gold, docs = gold_folder
    result = cli("eval", gold, "--docs", docs)

    assert result.exit_code == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0].split() == ["type", "P", "R", "F1", "match", "out", "gold"]
    rows = {m.group(1): m.groups()[1:] for line in out if (m := TYPE_ROW.match(line))}
    assert set(rows) == set(FACT_TYPES) | {"all"}
    scores = eval_json(cli, gold, docs)
    for t, (p, r, f1, matched, n_out, n_gold) in rows.items():
        s = scores["all"] if t == "all" else scores["types"][t]
        assert (float(p), float(r), float(f1)) == pytest.approx((s["precision"], s["recall"], s["f1"]), abs=5e-4)
        assert (int(matched), int(n_out), int(n_gold)) == (s["matched"], s["output"], s["gold"])
    assert "citation validity" in result.stdout and "event accuracy" in result.stdout


def test_eval_json_scores_the_gold_it_was_given(cli, gold_folder):
    gold, docs = gold_folder
    scores = eval_json(cli, gold, docs)

    assert {"types", "attributes", "event_accuracy", "citation_validity"} <= set(scores)
    assert scores["documents"] == len(GOLD)
    extracted = [json.loads(line) for line in cli("extract", docs).stdout.splitlines()]
    for t in FACT_TYPES:
        s = scores["types"][t]
        assert set(s) >= {"precision", "recall", "f1"}
        assert s["gold"] == sum(len(g[t]) for g in GOLD.values())
        assert s["output"] == sum(len(rec[t]) for rec in extracted)
        assert 0 <= s["matched"] <= min(s["gold"], s["output"])
    # every evidence the extractor gives is verbatim (FACTS.md), so citations are all valid
    assert scores["citation_validity"] == 1.0
    assert 0.0 <= scores["event_accuracy"] <= 1.0


def test_eval_floors_met_exit_0_and_unmet_exit_1(cli, gold_folder, tmp_path):
    gold, docs = gold_folder
    scores = eval_json(cli, gold, docs)
    met = tmp_path / "met.json"
    met.write_text(json.dumps({"_note": "comments are skipped",
                               "types.agreements.f1": scores["types"]["agreements"]["f1"],
                               "citation_validity": scores["citation_validity"],
                               "event_accuracy": scores["event_accuracy"]}), encoding="utf-8")
    ok = cli("eval", gold, "--docs", docs, "--floors", met)
    assert ok.exit_code == 0, ok.stderr
    assert "below floor" not in ok.stderr

    unmet = tmp_path / "unmet.json"
    unmet.write_text(json.dumps({"types.agreements.f1": 1.01, "citation_validity": 0.0}), encoding="utf-8")
    bad = cli("eval", gold, "--docs", docs, "--floors", unmet)
    assert bad.exit_code == 1
    assert bad.exception is None or isinstance(bad.exception, SystemExit)
    err = lines(bad.stderr)
    assert len(err) == 1
    assert err[0].startswith("below floor: types.agreements.f1 ") and err[0].endswith("< 1.01")


def test_eval_unknown_floor_name_is_a_one_line_error(cli, gold_folder, tmp_path):
    gold, docs = gold_folder
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"types.agreements.f2": 0.1}), encoding="utf-8")
    result = cli("eval", gold, "--docs", docs, "--floors", floors)
    assert_clean_error(result, "types.agreements.f2")


def test_eval_floor_naming_a_group_of_scores_is_a_one_line_error(cli, gold_folder, tmp_path):
    gold, docs = gold_folder
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"types.meetings": 0.5}), encoding="utf-8")
    result = cli("eval", gold, "--docs", docs, "--floors", floors)
    assert_clean_error(result, "types.meetings")


def test_eval_attribute_floor_without_matched_facts_fails_as_below_floor(cli, gold_folder, tmp_path):
    gold, docs = gold_folder
    for path in gold.glob("*.json"):  # meetings the documents do not hold: nothing can match
        record = json.loads(path.read_text(encoding="utf-8"))
        for meeting in record["meetings"]:
            meeting["kind"] = "dinner"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"attributes.meetings.start": 0.5}), encoding="utf-8")
    result = cli("eval", gold, "--docs", docs, "--floors", floors)
    assert result.exit_code == 1
    assert "names no score" not in result.stderr
    assert "attributes.meetings.start" in result.stderr


def test_eval_missing_gold_folder_is_a_one_line_error(cli, gold_folder, tmp_path):
    _gold, docs = gold_folder
    result = cli("eval", tmp_path / "no_gold", "--docs", docs)
    assert_clean_error(result, "no_gold", "gold folder not found")
    assert result.stdout == ""


def test_eval_missing_docs_folder_is_a_one_line_error(cli, gold_folder, tmp_path):
    gold, _docs = gold_folder
    result = cli("eval", gold, "--docs", tmp_path / "no_docs")
    assert_clean_error(result, "no_docs", "--docs")


# 9. show

def test_show_file_prints_facts_by_type_with_their_evidence(cli, good_folder):
    path = good_folder / "ja_tel.txt"
    result = cli("show", path)

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith("ja_tel.txt  lang=ja")
    record = json.loads(cli("extract", path).stdout)
    positions = []
    for t in FACT_TYPES:
        heading = f"{t} ({len(record[t])})"
        assert heading in out, heading
        positions.append(out.index(heading))
    assert positions == sorted(positions), "type headings out of order"
    assert facts_of(record)
    for t, fact in facts_of(record):
        section = out[out.index(f"{t} ("):]
        assert squeeze(fact["evidence"]) in squeeze(section), (t, fact["evidence"])


def test_show_prints_the_verb_of_each_agreement(cli, good_folder):
    path = good_folder / "ja_tel.txt"
    record = json.loads(cli("extract", path).stdout)
    assert record["agreements"]
    result = cli("show", path)
    for agreement in record["agreements"]:
        assert f"[{agreement['verb']}]" in result.stdout


def test_show_stored_document_by_id_prefix(cli, good_folder, db_path):
    assert cli("ingest", good_folder, "--db", db_path).exit_code == 0
    with Store(db_path) as store:
        by_doc = {rec["doc"]: (doc_id, rec) for doc_id, rec in store.iter_facts()}
    doc_id, record = by_doc["en_tel.txt"]

    result = cli("show", doc_id[:8], "--db", db_path)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("en_tel.txt  lang=en")
    for t in FACT_TYPES:
        assert f"{t} ({len(record[t])})" in result.stdout
    for _t, fact in facts_of(record):
        assert squeeze(fact["evidence"]) in squeeze(result.stdout)
    # the full id, and the source once the file is gone, name the same stored document
    assert cli("show", doc_id, "--db", db_path).stdout == result.stdout
    source = good_folder / "en_tel.txt"
    source.unlink()
    by_source = cli("show", source, "--db", db_path)
    assert by_source.exit_code == 0 and by_source.stdout == result.stdout


def test_show_unknown_id_is_a_one_line_error(cli, good_folder, db_path):
    assert cli("ingest", good_folder, "--db", db_path).exit_code == 0
    result = cli("show", "ffffffffffff", "--db", db_path)
    assert_clean_error(result, "ffffffffffff", "no such file or stored document")
    assert result.stdout == ""


def test_show_with_a_missing_database_creates_no_file(cli, tmp_path):
    missing = tmp_path / "typo.db"
    result = cli("show", "abcdef", "--db", missing)
    assert result.exit_code == 1
    assert not missing.exists()


# 10. version and help

def test_version_prints_the_package_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert kaidan.__version__ in result.stdout
    assert result.stdout.startswith("kaidan")


def test_every_command_has_help_text():
    from click.testing import CliRunner

    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    assert set(main.commands) >= {"ingest", "extract", "export", "eval", "show"}
    for name, command in main.commands.items():
        assert name in top.stdout
        assert command.help and command.help.strip(), f"{name} has no help"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: main {name}") or result.stdout.startswith(f"Usage: kaidan {name}")
        assert squeeze(command.help.split("\n\n")[0]) in squeeze(result.stdout)
        for param in command.params:
            if param.param_type_name == "option" and param.name == "db":
                assert "KAIDAN_DB" in squeeze(result.stdout)


# 11. KAIDAN_DB

def test_kaidan_db_environment_variable_is_used_without_db(cli, good_folder, tmp_path, monkeypatch):
    env_db = tmp_path / "from_env.db"
    monkeypatch.setenv("KAIDAN_DB", str(env_db))
    monkeypatch.chdir(tmp_path)

    result = cli("ingest", good_folder)
    assert result.exit_code == 0
    assert env_db.exists()
    assert not (tmp_path / "kaidan.db").exists()
    assert set(stored_records(env_db)) == set(GOOD_DOCS)
    exported = cli("export")
    assert exported.exit_code == 0
    assert len(exported.stdout.splitlines()) == len(GOOD_DOCS)

    # --db wins over the variable
    other = tmp_path / "other.db"
    assert cli("ingest", good_folder / "ja_tel.txt", "--db", other).exit_code == 0
    assert set(stored_records(other)) == {"ja_tel.txt"}
    assert len(stored_records(env_db)) == len(GOOD_DOCS)


def test_default_database_is_kaidan_db_in_the_current_folder(cli, good_folder, tmp_path):
    result = cli("ingest", good_folder / "ja_tel.txt")
    assert result.exit_code == 0
    db = sqlite3.connect(tmp_path / "kaidan.db")
    try:
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        db.close()


def test_every_command_is_documented_in_the_readme():
    from kaidan.cli import main as cli_main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli_main.commands if f"kaidan {name}" not in readme]
    assert missing == [], f"commands not in README.md: {missing}"
