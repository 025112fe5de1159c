import dataclasses
import hashlib
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaidan.ingest import RawDocument, canonical_text, document_id


@pytest.mark.parametrize(("raw", "canonical"), [
    ("\ufeff両首脳は一致しました。", "両首脳は一致しました。"),  # BOM removed
    ("一行目\r\n二行目\r三行目\n", "一行目\n二行目\n三行目\n"),  # newlines normalised
    ("trailing  \t\n\u3000全角の字下げ\u3000\n", "trailing\n\u3000全角の字下げ\n"),  # trailing only; indent kept
    ("Cafe\u0301", "Café"),  # NFC
    ("  leading and\n\n\nblank lines  kept", "  leading and\n\n\nblank lines  kept"),
    ("半角ｶﾀｶﾅ と 全角ＡＢＣ", "半角ｶﾀｶﾅ と 全角ＡＢＣ"),  # no NFKC: evidence stays verbatim
])
def test_canonical_text(raw, canonical):
    assert canonical_text(raw) == canonical


@given(st.text())
def test_canonical_text_is_idempotent_and_clean(text):
    once = canonical_text(text)
    assert canonical_text(once) == once
    assert "\r" not in once and "\ufeff" not in once
    assert unicodedata.is_normalized("NFC", once)
    assert all(line == line.rstrip() for line in once.split("\n"))


def test_id_is_16_hex_of_sha256_of_utf8_text():
    text = "両首脳は一致しました。"
    assert document_id(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_raw_document_is_frozen_and_hashable():
    doc = RawDocument(id="0" * 16, source="a.txt", text="x", lang="en", title=None, content_type="text",
                      encoding="utf-8", published=None, size=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "y"
    assert len({doc, dataclasses.replace(doc)}) == 1
