import codecs
import random

import pytest

from kaidan.errors import DecodeFailed
from kaidan.ingest import DECODE_ORDER, decode_bytes
from kaidan.ingest.decode import MIN_JAPANESE_PLAUSIBILITY, declared_charset, japanese_plausibility

from .helpers import LONG_JA, SHORT_JA

JAPANESE_ENCODINGS = [("utf-8", "utf-8"), ("cp932", "cp932"), ("shift_jis", "cp932"),
                      ("euc_jp", "euc_jp"), ("iso2022_jp", "iso2022_jp")]


@pytest.mark.parametrize("text", [SHORT_JA, LONG_JA, "カタカナ", "日本", "東京"],
                         ids=["short", "long", "kana", "nihon", "tokyo"])
@pytest.mark.parametrize(("encoding", "expected_codec"), JAPANESE_ENCODINGS)
def test_japanese_text_in_each_encoding_decodes_exactly(text, encoding, expected_codec):
    assert decode_bytes(text.encode(encoding)) == (text, expected_codec)


def test_euc_jp_that_also_decodes_as_cp932_is_read_as_euc_jp():
    data = "カタカナ".encode("euc_jp")
    assert data.decode("cp932") != "カタカナ"  # strictly valid CP932 too: the ambiguity under test
    assert decode_bytes(data)[1] == "euc_jp"


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_bom_decides_and_is_removed(bom, codec):
    data = bom + LONG_JA.encode(codec.replace("-sig", ""))
    assert decode_bytes(data, declared="cp932") == (LONG_JA, codec)


@pytest.mark.parametrize(("data", "declared", "codec"), [
    (LONG_JA.encode("cp932"), "Shift_JIS", "cp932"),  # HTTP header; read as its superset CP932
    (b'<html><head><meta charset="euc-jp"></head>' + LONG_JA.encode("euc_jp"), None, "euc_jp"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">' + LONG_JA.encode("cp932"),
     None, "cp932"),
    (b'<?xml version="1.0" encoding="EUC-JP"?><doc>' + LONG_JA.encode("euc_jp"), None, "euc_jp"),
    ("café crème".encode("latin-1"), "iso-8859-1", "cp1252"),  # browsers read Latin-1 as windows-1252
])
def test_declared_charset_is_used(data, declared, codec):
    assert decode_bytes(data, declared)[1] == codec


def test_valid_utf8_beats_a_stale_declaration():
    data = b'<meta charset="shift_jis">' + LONG_JA.encode("utf-8")
    assert decode_bytes(data) == (data.decode("utf-8"), "utf-8")


@pytest.mark.parametrize("declared", ["no-such-charset", "utf-16", ""])
def test_unknown_or_bomless_utf16_declaration_is_ignored(declared):
    assert decode_bytes(LONG_JA.encode("cp932"), declared) == (LONG_JA, "cp932")


@pytest.mark.parametrize(("head", "expected"), [
    (b'<meta charset="UTF-8">', "UTF-8"),
    (b"<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=euc-jp'>", "euc-jp"),
    (b'<?xml version="1.0" encoding="Shift_JIS"?>', "Shift_JIS"),
    (b"<p>no declaration</p>", None),
])
def test_declared_charset_in_the_bytes(head, expected):
    assert declared_charset(head) == expected


def test_stray_byte_in_long_utf8_text_is_replaced():
    data = (LONG_JA * 5).encode() + b"\xff"
    text, codec = decode_bytes(data)
    assert codec == "utf-8" and text.count("\ufffd") == 1 and text.startswith(LONG_JA)


def test_undecodable_bytes_raise_decode_failed():
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    with pytest.raises(DecodeFailed, match="convert the file to UTF-8"):
        decode_bytes(noise)


def test_order_is_documented():
    assert DECODE_ORDER == ("bom", "declared", "iso-2022-jp", "utf-16", "utf-8", "japanese-legacy", "detected",
                            "lossy-utf-8")
    import kaidan.ingest.decode as module

    assert all(f"``{step}``" in module.__doc__ for step in DECODE_ORDER)


@pytest.mark.parametrize(("text", "plausible"), [
    (LONG_JA, True),
    ("ASCII only", True),
    ("カタカナ".encode("euc_jp").decode("cp932"), False),  # half-width katakana soup
    ("Grüße aus München", False),
])
def test_japanese_plausibility(text, plausible):
    assert (japanese_plausibility(text) >= MIN_JAPANESE_PLAUSIBILITY) is plausible


def test_a_text_holding_replacement_characters_of_its_own_decodes_after_a_bom():
    text = "\ufffd\ufffd 文字化けの跡"   # U+FFFD written in the text itself, not left by decoding
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8-sig")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
@pytest.mark.parametrize("body", [
    "An English readout of the talks, in UTF-8 after the mark.".encode("utf-8"),   # ASCII pairs: CJK soup
    LONG_JA.encode("utf-8"),                                                        # UTF-8 Japanese
    bytes(range(32, 256)) * 4,                                                      # bytes of every value
])
def test_a_utf16_or_utf32_mark_followed_by_other_bytes_is_refused_in_one_line(bom, body):
    with pytest.raises(DecodeFailed) as err:
        decode_bytes(bom + body)
    message = str(err.value)
    assert "\n" not in message and "convert the file to UTF-8" in message


@pytest.mark.parametrize("text", [LONG_JA, "Joint statement: the leaders met in Tokyo. Café, Élysée.", "Hi"])
def test_text_after_a_utf16_or_utf32_mark_still_decodes(text):
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                       (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        assert decode_bytes(bom + text.encode(codec)) == (text, codec)
