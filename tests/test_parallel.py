"""Parallel ingestion (kaidan.parallel): worker processes or Ray extract, the database ends up as a serial ingest's."""
from __future__ import annotations

from pathlib import Path

import pytest

from kaidan import parallel
from kaidan.errors import EmptyInput
from kaidan.pipeline import ingest as serial_ingest
from kaidan.reconcile import archive
from kaidan.store import Store





def state(store) -> dict:
    """Everything an ingest leaves in the store but its timestamps."""
    return {
        "documents": [d.id for d in store.iter_documents()],
        "sources": sorted(store._db.execute("SELECT source, doc_id FROM sources").fetchall()),
        "facts": list(store.iter_facts()),
        "failures": [(f["source"], f["error"], f["message"]) for f in store.failures()],
        "events": list(store.iter_events()),
        "records": [archive.event_record(store, e["id"]) for e in store.iter_events()],
    }


def serial(tmp_path, batch_sources):
    with Store(tmp_path / "serial.db") as store:
        return serial_ingest(batch_sources, store), state(store)


def test_two_workers_leave_exactly_what_a_serial_ingest_leaves(tmp_path, batch_sources):
    first, expected = serial(tmp_path, batch_sources)
    assert (first.stored, first.unchanged, first.failed) == (8, 1, 1)
    seen = []
    with Store(tmp_path / "two.db") as store:
        report = parallel.ingest(batch_sources, store, workers=2, on_item=lambda src, st: seen.append((src, st)))
        assert state(store) == expected
    assert report.summary == first.summary and report.failures == first.failures
    assert [src for src, _ in seen] == batch_sources                       # reported in input order
    assert [st for _, st in seen].count("failed") == 1 and seen[6][1] == "unchanged"


def test_ray_local_leaves_exactly_what_a_serial_ingest_leaves(tmp_path, batch_sources):
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'kaidan[ray]')")
    first, expected = serial(tmp_path, batch_sources)
    with Store(tmp_path / "ray.db") as store:
        report = parallel.ingest(batch_sources, store, ray="local", workers=2)
        assert state(store) == expected
    assert report.summary == first.summary and report.failures == first.failures


def test_a_worker_reports_a_load_failure_instead_of_raising_it(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    item = parallel.prepare(str(tmp_path / "empty.txt"))
    assert isinstance(item.load_error, EmptyInput) and item.doc is None and item.facts is None


def test_an_extraction_bug_in_a_worker_stores_the_text_and_records_the_failure(tmp_path, monkeypatch, batch_sources):
    def broken(source):
        item = parallel.prepare(source)
        return parallel.Prepared(source, item.doc, load_error=item.load_error,
                                 extract_error=None if item.load_error else ZeroDivisionError("division by zero"))

    monkeypatch.setattr(parallel, "process_map", lambda fn, jobs, workers: (broken(source) for source, *_ in jobs))
    with Store(tmp_path / "k.db") as store:
        report = parallel.ingest(batch_sources[:2], store, workers=2)
        assert report.failed == 2 and store.count_documents() == 2 and list(store.iter_facts()) == []
        assert "extraction failed (ZeroDivisionError: division by zero)" in store.failures()[0]["message"]


def test_cli_ingest_with_workers(tmp_path, batch_sources, monkeypatch):
    from click.testing import CliRunner

    from kaidan.cli import main

    monkeypatch.delenv("KAIDAN_DB", raising=False)
    result = CliRunner().invoke(main, ["ingest", "-q", "--workers", "2", "--db", str(tmp_path / "k.db"),
                                       *batch_sources])
    assert result.exit_code == 1                                      # the empty file failed
    assert "8 stored, 0 re-extracted, 1 unchanged, 1 failed" in result.output
    with Store(tmp_path / "k.db") as store:
        assert store.count_documents() == 8
