import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaidan.errors import EmptyInput, StoreError
from kaidan.ingest import RawDocument, canonical_text, document_id
from kaidan.store import SCHEMA_VERSION, Store


def make_doc(text: str = "両首脳は一致しました。", source: str = "a.txt", **fields) -> RawDocument:
    text = canonical_text(text)
    values = dict(id=document_id(text), source=source, text=text, lang="ja", title=None, content_type="text",
                  encoding="utf-8", published=None, size=len(text.encode()))
    return RawDocument(**{**values, **fields})


class Clock:
    """A clock that ticks one second per call."""

    def __init__(self):
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"2026-01-01T00:00:{self.calls:02d}+00:00"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kaidan.db", clock=Clock()) as opened:
        yield opened


def dump(path) -> list[str]:
    """Every row of the database, to compare states."""
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def test_new_database_has_schema_version_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "kaidan.db"
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(path) as store:  # reopening keeps it
        assert store.count_documents() == 0


def test_add_document_round_trips(store):
    doc = make_doc(title="日米首脳会談", published="2025-02-07", content_type="html")
    assert store.add_document(doc) == "stored"
    assert store.get_document(doc.id) == doc
    assert store.has_document(doc.id) and not store.has_document("0" * 16)
    assert list(store.iter_documents()) == [doc] and store.count_documents() == 1


def test_adding_the_same_content_again_changes_nothing(tmp_path):
    path = tmp_path / "kaidan.db"
    doc = make_doc()
    with Store(path, clock=Clock()) as store:
        assert store.add_document(doc) == "stored"
    before = dump(path)
    with Store(path, clock=Clock()) as store:
        assert store.add_document(doc) == "unchanged"
    assert dump(path) == before  # not even a timestamp


def test_same_content_from_a_second_source_is_recorded_but_unchanged(store):
    first, second = make_doc(source="a.txt"), make_doc(source="https://example.org/a")
    store.add_document(first)
    assert store.add_document(second) == "unchanged"
    assert store.count_documents() == 1
    assert store.get_document("https://example.org/a") == first  # stored under its first source
    sources = store._db.execute("SELECT source FROM sources WHERE doc_id = ? ORDER BY source", (first.id,)).fetchall()
    assert sources == [("a.txt",), ("https://example.org/a",)]


def test_get_document_by_prefix_or_source(store):
    old, new = make_doc("old text", source="s.txt"), make_doc("new text", source="s.txt")
    store.add_document(old)
    store.add_document(new)
    assert store.get_document(old.id[:6]) == old
    assert store.get_document("s.txt") == new  # the latest content of a source
    assert store.get_document("nothing") is None
    assert store.get_document("") is None


def test_ambiguous_prefix_raises(store):
    texts = [f"text {i}" for i in range(40)]
    docs = [make_doc(text) for text in texts]
    for doc in docs:
        store.add_document(doc)
    first_chars = [doc.id[0] for doc in docs]
    shared = next(c for c in first_chars if first_chars.count(c) > 1)  # 40 ids, 16 first characters
    with pytest.raises(StoreError, match="matches several documents"):
        store.get_document(shared)


def test_failure_is_recorded_then_cleared_by_a_successful_ingest(store):
    store.record_failure("a.txt", EmptyInput("a.txt: the file is empty;\ncheck it"))
    [failure] = store.failures()
    assert failure == {"source": "a.txt", "error": "EmptyInput", "code": "K101",
                       "message": "a.txt: the file is empty; check it", "failed_at": "2026-01-01T00:00:01+00:00"}
    store.record_failure("a.txt", ValueError("later\nproblem"))
    assert [(f["error"], f["code"], f["message"]) for f in store.failures()] == [("ValueError", None, "later problem")]
    store.add_document(make_doc(source="a.txt"))
    assert store.failures() == []


def test_save_and_get_facts(store):
    doc = make_doc()
    store.add_document(doc)
    assert store.get_facts(doc.id) is None
    store.save_facts(doc.id, {"doc": doc.id, "agreements": [{"text": "日米同盟の強化"}]}, "v1")
    store.save_facts(doc.id, {"doc": doc.id, "agreements": []}, "v2")  # replaces
    assert store.get_facts(doc.id) == {"doc": doc.id, "agreements": []}
    assert list(store.iter_facts()) == [(doc.id, {"doc": doc.id, "agreements": []})]
    stored = store._db.execute("SELECT record FROM facts").fetchone()[0]
    assert stored == '{"doc": "%s", "agreements": []}' % doc.id


def test_facts_are_stored_as_readable_json(store):
    doc = make_doc()
    store.add_document(doc)
    store.save_facts(doc.id, {"text": "日米同盟"}, "v1")
    assert "日米同盟" in store._db.execute("SELECT record FROM facts").fetchone()[0]  # ensure_ascii=False


def test_facts_of_an_unknown_document_are_refused(store):
    with pytest.raises(StoreError, match="add the document before its facts"):
        store.save_facts("0" * 16, {}, "v1")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=st.dictionaries(st.text(), json_values, max_size=6))
def test_facts_round_trip(store, record):
    doc = make_doc()
    store.add_document(doc)
    store.save_facts(doc.id, record, "v1")
    assert store.get_facts(doc.id) == record


@settings(max_examples=40)
@given(text=st.text(min_size=1), title=st.none() | st.text(), source=st.text(min_size=1),
       published=st.none() | st.dates().map(str))
def test_documents_round_trip(text, title, source, published):
    doc = make_doc(text, source=source, title=title, published=published)
    with Store(":memory:") as store:
        assert store.add_document(doc) == "stored"
        assert store.get_document(doc.id) == doc
        assert store.get_document(source) == doc


def test_docs_without_facts_resumes_a_batch(store):
    docs = [make_doc(f"document {i}") for i in range(4)]
    for doc in docs:
        store.add_document(doc)
    store.save_facts(docs[0].id, {}, "v2")
    store.save_facts(docs[1].id, {}, "v1")  # an older extractor
    assert store.docs_without_facts("v2") == [docs[1].id, docs[2].id, docs[3].id]
    store.save_facts(docs[2].id, {}, "v2")
    assert store.docs_without_facts("v2") == [docs[1].id, docs[3].id]


def test_a_failed_write_leaves_earlier_writes_in_place(tmp_path):
    path = tmp_path / "kaidan.db"
    with Store(path) as store:
        store.add_document(make_doc("first"))
        with pytest.raises(StoreError):
            store.save_facts("f" * 16, {}, "v1")
        store.add_document(make_doc("second"))
    with Store(path) as store:
        assert store.count_documents() == 2


@pytest.mark.parametrize(("content", "words"), [
    (b"this is a text file, not a database" * 10, "not a database file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a database file"),
])
def test_non_database_file_raises_store_error(tmp_path, content, words):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=words) as caught:
        Store(path)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))
    assert path.read_bytes() == content  # left alone


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a Kaidan one"):
        Store(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "kaidan.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="upgrade Kaidan"):
        Store(path)


@pytest.mark.parametrize("where", ["missing-folder/kaidan.db", "."])
def test_unwritable_location_raises_store_error(tmp_path, where):
    with pytest.raises(StoreError, match="check that the folder exists and is writable"):
        Store(tmp_path / where)
