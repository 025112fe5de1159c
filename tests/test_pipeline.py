"""Batch ingestion (kaidan.pipeline.ingest): crashes resume, stale facts are redone, one bug costs one document."""
from __future__ import annotations

import sqlite3

import pytest
from conftest import FACT_TYPES, GOOD_DOCS

import kaidan.pipeline as pipeline
from kaidan.ingest import iter_sources, load
from kaidan.pipeline import EXTRACTOR_VERSION, ingest
from kaidan.store import Store

pytestmark = pytest.mark.usefixtures("isolated_env")

GOOD_DOCS_SORTED = sorted(GOOD_DOCS)


def sources_of(folder) -> list[str]:
    found = list(iter_sources([str(folder)]))
    assert [s.rsplit("/", 1)[-1] for s in found] == sorted(GOOD_DOCS)
    return found


def assert_complete(db_path) -> dict[str, dict]:
    """Every good document stored once, from one source, with one fact record of the current extractor."""
    db = sqlite3.connect(db_path)
    try:
        doc_ids = [row[0] for row in db.execute("SELECT id FROM documents")]
        facts = db.execute("SELECT doc_id, extractor_version FROM facts").fetchall()
        per_source = db.execute("SELECT source, count(*) FROM sources GROUP BY source").fetchall()
    finally:
        db.close()
    assert len(doc_ids) == len(set(doc_ids)) == len(GOOD_DOCS)
    assert sorted(doc_id for doc_id, _v in facts) == sorted(doc_ids)
    assert {v for _id, v in facts} == {EXTRACTOR_VERSION}
    assert len(per_source) == len(GOOD_DOCS) and all(n == 1 for _s, n in per_source)
    with Store(db_path) as store:
        records = {rec["doc"]: rec for _id, rec in store.iter_facts()}
    assert sorted(records) == sorted(GOOD_DOCS)
    for name, rec in records.items():
        assert any(rec[t] for t in FACT_TYPES), f"{name} has no facts"
    return records


class CountingExtract:
    """Wraps pipeline.extract_text, counting calls; raises ``error`` on the call numbered ``fail_on``."""

    def __init__(self, fail_on: int | None = None, error: BaseException | None = None):
        self.real = pipeline.extract_text
        self.calls: list[str] = []
        self.fail_on, self.error = fail_on, error

    def __call__(self, text, doc_id="doc", *args, **kwargs):
        self.calls.append(doc_id)
        if len(self.calls) == self.fail_on:
            raise self.error
        return self.real(text, doc_id, *args, **kwargs)


# 3. a crashed batch resumes

def test_batch_interrupted_while_loading_resumes_without_duplicates(good_folder, db_path):
    sources = sources_of(good_folder)
    seen = []

    def crashing_loader(source):
        seen.append(source)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return load(source)

    with Store(db_path) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest(sources, store, loader=crashing_loader)
        assert store.count_documents() == 2
        assert len(list(store.iter_facts())) == 2
        assert store.failures() == []  # an interrupt is not a failure of the source

    with Store(db_path) as store:
        report = ingest(sources, store)
    assert (report.stored, report.unchanged, report.failed) == (2, 2, 0)
    assert report.summary == "2 stored, 0 re-extracted, 2 unchanged, 0 failed"
    assert_complete(db_path)


def test_batch_interrupted_during_extraction_extracts_that_document_again(good_folder, db_path, monkeypatch):
    sources = sources_of(good_folder)
    crash = CountingExtract(fail_on=3, error=KeyboardInterrupt())
    monkeypatch.setattr(pipeline, "extract_text", crash)
    with Store(db_path) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest(sources, store)
        assert store.count_documents() == 3  # the third is stored, its facts are not
        third = load(sources[2]).id
        assert store.docs_without_facts(EXTRACTOR_VERSION) == [third]

    counting = CountingExtract()
    monkeypatch.setattr(pipeline, "extract_text", counting)
    with Store(db_path) as store:
        report = ingest(sources, store)
    # the interrupted document is extracted again first (repair), and counted as re-extracted
    assert (report.stored, report.reextracted, report.unchanged, report.failed, report.repaired) == (1, 1, 2, 0, 0)
    assert counting.calls == [GOOD_DOCS_SORTED[2], GOOD_DOCS_SORTED[3]]
    assert_complete(db_path)


def test_document_whose_facts_were_deleted_is_extracted_again(good_folder, db_path, monkeypatch):
    sources = sources_of(good_folder)
    with Store(db_path) as store:
        ingest(sources, store)
    before = assert_complete(db_path)
    victim = load(sources[1])
    db = sqlite3.connect(db_path)
    with db:
        assert db.execute("DELETE FROM facts WHERE doc_id = ?", (victim.id,)).rowcount == 1
    db.close()

    counting = CountingExtract()
    monkeypatch.setattr(pipeline, "extract_text", counting)
    with Store(db_path) as store:
        report = ingest(sources, store)
    assert report.summary == f"0 stored, 1 re-extracted, {len(GOOD_DOCS) - 1} unchanged, 0 failed"
    assert counting.calls == [GOOD_DOCS_SORTED[1]]  # only the document without facts
    assert assert_complete(db_path) == before


def test_facts_of_an_older_extractor_version_are_replaced(good_folder, db_path, monkeypatch):
    sources = sources_of(good_folder)
    with Store(db_path) as store:
        ingest(sources, store)
    before = assert_complete(db_path)
    victim = load(sources[0])
    with Store(db_path) as store:
        store.save_facts(victim.id, {"doc": victim.id, "stale": True}, "kaidan.extract.v0")
        assert store.docs_without_facts(EXTRACTOR_VERSION) == [victim.id]

    counting = CountingExtract()
    monkeypatch.setattr(pipeline, "extract_text", counting)
    with Store(db_path) as store:
        report = ingest(sources, store)
        assert store.get_facts(victim.id) == before[GOOD_DOCS_SORTED[0]]
    assert (report.stored, report.reextracted, report.unchanged, report.failed) == (0, 1, len(GOOD_DOCS) - 1, 0)
    assert counting.calls == [GOOD_DOCS_SORTED[0]]
    assert_complete(db_path)


def test_ingest_without_extract_stores_documents_only(good_folder, db_path):
    with Store(db_path) as store:
        report = ingest(sources_of(good_folder), store, extract=False)
        assert report.stored == len(GOOD_DOCS)
        assert list(store.iter_facts()) == []
        assert len(store.docs_without_facts(EXTRACTOR_VERSION)) == len(GOOD_DOCS)
        later = ingest(sources_of(good_folder), store)  # a normal run extracts them
    assert (later.stored, later.reextracted, later.unchanged) == (0, len(GOOD_DOCS), 0)
    assert_complete(db_path)


def test_on_item_is_called_once_per_source_with_its_status(good_folder, db_path, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    sources = [*sources_of(good_folder), str(tmp_path / "empty.txt")]
    calls = []
    with Store(db_path) as store:
        ingest(sources, store, on_item=lambda source, status: calls.append((source, status)))
        ingest(sources[:1], store, on_item=lambda source, status: calls.append((source, status)))
    assert calls == [*((s, "stored") for s in sources[:-1]), (sources[-1], "failed"), (sources[0], "unchanged")]


# 4. an extraction bug costs one document, not the batch

def flaky_on(doc_name: str):
    real = pipeline.extract_text

    def flaky(text, doc_id="doc", *args, **kwargs):
        if doc_id == doc_name:
            raise ValueError("rule kaidan.test.v1 broke on this sentence")
        return real(text, doc_id, *args, **kwargs)

    return flaky


def test_extraction_bug_on_one_document_is_recorded_and_the_batch_goes_on(good_folder, db_path, monkeypatch):
    sources = sources_of(good_folder)
    broken = "en_tel.txt"  # second of four: documents before and after it
    monkeypatch.setattr(pipeline, "extract_text", flaky_on(broken))
    with Store(db_path) as store:
        report = ingest(sources, store)
        assert store.count_documents() == len(GOOD_DOCS)  # the text is kept
        records = {rec["doc"] for _id, rec in store.iter_facts()}
        failures = store.failures()
    assert records == set(GOOD_DOCS) - {broken}
    assert (report.stored, report.unchanged, report.failed) == (len(GOOD_DOCS) - 1, 0, 1)
    source = str(good_folder / broken)
    assert [(f["source"], f["error"], f["code"]) for f in failures] == [(source, "ExtractionFailed", "K107")]
    message = failures[0]["message"]
    assert "extraction failed" in message and "ValueError" in message and "kaidan.test.v1" in message
    assert report.failures == [(source, message)]


def test_extraction_bug_through_the_cli_exits_1_and_a_fixed_run_recovers(cli, good_folder, db_path, monkeypatch):
    broken = "ja_summit.txt"
    real = pipeline.extract_text
    monkeypatch.setattr(pipeline, "extract_text", flaky_on(broken))
    result = cli("ingest", good_folder, "--db", db_path)

    assert result.exit_code == 1
    err = [line for line in result.stderr.splitlines() if line.strip()]
    assert err[-1] == f"{len(GOOD_DOCS) - 1} stored, 0 re-extracted, 0 unchanged, 1 failed"
    assert len(err) == 2
    assert err[0].startswith(f"failed {good_folder / broken}: extraction failed (ValueError: ")
    with Store(db_path) as store:
        [failure] = store.failures()
    assert failure["source"] == str(good_folder / broken) and "extraction failed" in failure["message"]

    monkeypatch.setattr(pipeline, "extract_text", real)  # fixed: the next run extracts the stored text
    fixed = cli("ingest", good_folder, "--db", db_path)
    assert fixed.exit_code == 0
    assert [line for line in fixed.stderr.splitlines() if line.strip()] == [
        f"0 stored, 1 re-extracted, {len(GOOD_DOCS) - 1} unchanged, 0 failed"]
    with Store(db_path) as store:
        assert store.failures() == []
    assert_complete(db_path)


GOVUK_PAGE = """<html><head><title>PM call with Chancellor Merz: 14 November 2025 - GOV.UK</title>
<meta property="og:site_name" content="GOV.UK"></head><body><article>
<h1>PM call with Chancellor Merz: 14 November 2025</h1>
<p>The Prime Minister spoke to German Chancellor Friedrich Merz this afternoon.</p>
<p>The leaders discussed the latest situation in Ukraine and agreed to speak again soon.</p>
</article></body></html>"""


def test_a_page_signed_by_its_site_name_is_read_and_stored_as_its_government_s_readout(tmp_path, db_path):
    page = tmp_path / "call.html"
    page.write_text(GOVUK_PAGE, encoding="utf-8")
    doc = load(str(page))
    assert doc.origin == ("GOV.UK",)
    with Store(db_path) as store:
        ingest([str(page)], store)
        record = store.get_facts(store.get_document(str(page)).id)
    assert record["event"]["countries"] == ["DE", "GB"]
    assert set(record["meetings"][0]["participants"]) == {"Friedrich Merz", "Keir Starmer"}
