"""Property tests of the decoders and normalisers on hostile input: whatever the bytes, an IngestError or text.

Time is bounded for CI: each property runs a fixed number of examples (``FUZZ``) with a per-example
deadline, and derandomised so that a run is reproducible (``derandomize=True``: the same examples each run).
"""
from __future__ import annotations

import codecs
import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kaidan.errors import DecodeFailed, IngestError
from kaidan.ingest import canonical_text, decode_bytes, document_id, load
from kaidan.ingest.decode import BOMS, MIN_UTF16_READABLE, text_share
from kaidan.ingest.fallback import text_content
from kaidan.ingest.sniff import sniff
from kaidan.normalize import find_clock_times, find_dates, find_durations, find_quantities
from kaidan.pipeline import sections

FUZZ = settings(max_examples=150, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Bytes that look like what arrives: runs of Japanese in several encodings, ASCII, NULs, BOMs, noise.
JA_TEXT = st.text(alphabet=st.sampled_from("日米首脳会談は、東京で行われ、両首脳は一致しました。0123abc \n「」ー"), max_size=80)
PIECES = st.one_of(
    st.binary(max_size=64),
    JA_TEXT.map(lambda t: t.encode("utf-8")),
    JA_TEXT.map(lambda t: t.encode("cp932")),
    JA_TEXT.map(lambda t: t.encode("euc_jp")),
    JA_TEXT.map(lambda t: t.encode("utf-16-le")),
    st.sampled_from([b"\x00", b"\x00\x00", b"\x1b$B", b"\x1b(B", b"<meta charset=shift_jis>", b"%PDF-",
                     *(mark for mark, _codec in BOMS)]),
)
HOSTILE_BYTES = st.lists(PIECES, max_size=8).map(b"".join)
# Text with what breaks parsers: controls, surrogates are impossible in str from bytes, so lone marks, CR, BOM.
HOSTILE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@FUZZ
@given(HOSTILE_BYTES)
def test_decode_gives_text_or_an_ingest_error(data):
    try:
        text, codec = decode_bytes(data)
    except IngestError as e:
        assert "\n" not in str(e)
        return
    assert isinstance(text, str) and codecs.lookup(codec)


@FUZZ
@given(HOSTILE_BYTES, st.sampled_from(["", ".txt", ".pdf", ".html"]), st.sampled_from([None, "application/pdf"]))
def test_sniff_gives_a_kind_or_an_ingest_error(data, suffix, media_type):
    try:
        assert sniff(data, media_type=media_type, suffix=suffix) in ("pdf", "text")
    except IngestError as e:
        assert "\n" not in str(e)


@FUZZ
@given(HOSTILE_TEXT)
def test_utf8_round_trips_and_utf16_with_a_bom_unless_it_does_not_read_as_text(text):
    assume("\x00" not in text)  # NULs are bytes of UTF-16 (or stray ones, removed by the loader)
    # a leading U+FEFF in UTF-8 is the byte-order mark, which decoding drops
    assert decode_bytes(text.encode("utf-8"))[0] == text.removeprefix("\ufeff")
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if text and text_share(text) < MIN_UTF16_READABLE:   # characters of no text: refused, in one line
        with pytest.raises(DecodeFailed, match="byte-order mark") as err:
            decode_bytes(data)
        assert "\n" not in str(err.value)
    else:
        assert decode_bytes(data) == (text, "utf-16-le")


@FUZZ
@given(HOSTILE_TEXT)
def test_canonical_text_is_idempotent_and_the_id_stable(text):
    once = canonical_text(text)
    assert canonical_text(once) == once
    assert "\r" not in once and "\ufeff" not in once
    assert document_id(once) == document_id(canonical_text(once)) and len(document_id(once)) == 16


@FUZZ
@given(HOSTILE_TEXT, st.integers(min_value=1, max_value=50))
def test_sections_give_the_text_back_in_bounded_pieces(text, limit):
    pieces = sections(text, limit)
    assert "".join(piece for _base, piece in pieces) == text
    for base, piece in pieces:
        assert len(piece) <= limit and text[base:base + len(piece)] == piece


@FUZZ
@given(st.lists(st.one_of(HOSTILE_TEXT, st.sampled_from(["<div>", "</div>", "<p>", "<script>", "</script>", "<",
                                                          ">", "<!--", "-->", "&amp;", "&#0;", "<head>"])),
                max_size=30).map("".join))
def test_html_text_content_never_raises(html):
    text = text_content(html)
    assert isinstance(text, str)
    assert all(line and line == " ".join(line.split()) for line in text.split("\n")) if text else True


@FUZZ
@given(st.text(alphabet=st.sampled_from("0123456789年月日時分約億万円ドル兆午前後から間、。%％〜-:： ABCpmEDT"),
               max_size=60))
def test_the_normalisers_find_spans_inside_the_text(text):
    ref = dt.date(2025, 10, 28)
    for found in (find_dates(text, ref), find_clock_times(text), find_durations(text), find_quantities(text)):
        for m in found:
            assert 0 <= m.start <= m.end <= len(text)


@settings(max_examples=60, deadline=5000, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(HOSTILE_BYTES, st.sampled_from(["doc.txt", "page.html", "file.pdf", "noext"]))
def test_load_of_any_file_gives_a_document_or_an_ingest_error(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        doc = load(str(path))
    except IngestError as e:
        assert "\n" not in str(e) and str(e).startswith(str(path))
        return
    assert doc.text.strip() and "\x00" not in doc.text
    assert doc.id == document_id(doc.text)


@FUZZ
@given(st.text(alphabet=st.sampled_from("両首脳は協力を強化することで一致しましたabcXYZ0189"), min_size=20, max_size=60),
       st.integers(min_value=0, max_value=3000))
def test_html_text_content_keeps_a_sentence_at_any_depth(sentence, depth):
    assert text_content(f"<html><body>{'<div>' * depth}<p>{sentence}</p>{'</div>' * depth}</body></html>") == sentence
