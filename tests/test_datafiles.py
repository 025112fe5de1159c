"""The one reader of the bundled data files: same errors for every file, cached load shared, read afresh."""
from __future__ import annotations

import pytest

from kaidan import datafiles
from kaidan.errors import DataFileError


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    datafiles.load.cache_clear()
    yield tmp_path
    datafiles.load.cache_clear()


def test_broken_json_is_one_line_error_naming_the_file(data_dir):
    (data_dir / "words.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        datafiles.read("words.json")
    assert "words.json: cannot read this data file" in str(e.value) and "\n" not in str(e.value)


def test_missing_keys_are_named(data_dir):
    (data_dir / "words.json").write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(DataFileError, match="missing keys b, c"):
        datafiles.read("words.json", ("a", "b", "c"))


def test_load_shares_one_dict_and_read_gives_a_fresh_one(data_dir):
    (data_dir / "words.json").write_text('{"a": [1]}', encoding="utf-8")
    assert datafiles.load("words.json") is datafiles.load("words.json")
    fresh = datafiles.read("words.json")
    fresh["a"].append(2)
    assert datafiles.read("words.json") == {"a": [1]} and datafiles.load("words.json") == {"a": [1]}


def test_the_bundled_readers_use_it():
    from kaidan.extract import lexicon
    from kaidan.nlp import en_tokenizer

    assert lexicon.load is datafiles.load
    assert en_tokenizer.DATA.parent == datafiles.DATA
