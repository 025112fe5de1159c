import pytest

from kaidan.ingest import detect_language, language_of

from .helpers import EN_STATEMENT, LONG_JA, SHARED, SHORT_JA


@pytest.mark.parametrize(("text", "lang"), [
    (SHORT_JA, "ja"),
    ("日米首脳会談", "ja"),  # kanji only: not Chinese here
    ("トランプ大統領(Donald J. Trump)と会談", "ja"),
    ("両首脳はFree and Open Indo-Pacificの実現に向けて協力することで一致しました。", "ja"),
    ("The two leaders reaffirmed the alliance.", "en"),
    ("Prime Minister Ishiba (石破茂) met the President.", "en"),
    ("2025-02-07 10:30", None),
    ("", None),
])
def test_language_of_one_paragraph(text, lang):
    assert language_of(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    (LONG_JA, "ja"),
    (EN_STATEMENT, "en"),
    (LONG_JA + "\n" + EN_STATEMENT, "mixed"),  # Japanese readout followed by the English joint statement
    (LONG_JA * 3 + "\nCopyright 2025 Example News Inc. All rights reserved.", "ja"),
    (EN_STATEMENT * 3 + "\n日米首脳会談", "en"),
    ("1 2 3", "ja"),  # no letters: the default
])
def test_detect_language_of_a_document(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(("name", "lang"), [
    ("000_58ca534914d8c012.txt", "ja"),
    ("001_f3c4f5f3c262ac6f.txt", "ja"),
    ("002_29df64e5bb346e5e.txt", "mixed"),  # MOFA readout plus the English Joint Leaders' Statement
    ("003_f1cd6fa94029fc4f.txt", "ja"),
    ("004_e2f74aeb8f00b9e8.txt", "ja"),
])
def test_seed_documents(name, lang):
    path = SHARED / "corpus" / "seeds" / name
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    assert detect_language(path.read_text(encoding="utf-8")) == lang
