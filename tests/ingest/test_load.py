"""load(): every bad input ends in its own IngestError with a one-line message."""
import random
from pathlib import Path

import httpx
import pytest

from kaidan.errors import BinaryInput, DecodeFailed, EmptyInput, FetchFailed, IngestError, NoMainText, TooLarge
from kaidan.ingest import load

from .helpers import EN_STATEMENT, LONG_JA, SHARED, blank_pdf, client, make_pdf, serve

PAGE = (Path(__file__).parent / "data" / "article.html").read_bytes()
_rng = random.Random(42)
NOISE_WITH_NULS = bytes(_rng.randrange(256) for _ in range(4096)) + b"\x00"
HIGH_NOISE = bytes(_rng.randrange(0x80, 0x100) for _ in range(4096))

BAD_FILES = [
    # name, content, error, words of the message
    ("empty.txt", b"", EmptyInput, "the file is empty"),
    ("blank.txt", b"  \n\t\r\n\xe3\x80\x80\n", EmptyInput, "only white space"),
    ("blank.html", b"\n\n   \n", EmptyInput, "only white space"),
    ("noise.bin", NOISE_WITH_NULS, BinaryInput, "NUL bytes"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), BinaryInput, "PNG image"),
    ("report.docx", b"PK\x03\x04" + bytes(64), BinaryInput, "ZIP archive"),
    ("noise.txt", HIGH_NOISE, DecodeFailed, "cannot decode"),
    ("broken.html", b"<html><body><div><script>x</script></div>", NoMainText, "no main text"),
    ("truncated.html", b"<!DOCTYPE html><html><head><title>t</title></head><body><div><p", NoMainText, "no main text"),
    ("scan.pdf", blank_pdf(), NoMainText, "no text layer"),
    ("corrupt.pdf", make_pdf(["text"])[:150], NoMainText, "corrupt PDF"),
    ("error-page.pdf", b"<html><body>404 Not Found</body></html>", NoMainText, "not a valid PDF"),
]


@pytest.mark.parametrize(("name", "content", "error", "words"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_file_raises_its_error(tmp_path, name, content, error, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        load(str(path))
    _assert_one_line_message(caught.value, str(path), words)


def test_missing_file(tmp_path):
    path = str(tmp_path / "nowhere.txt")
    with pytest.raises(FetchFailed) as caught:
        load(path)
    _assert_one_line_message(caught.value, path, "no such file")


def test_folder_is_not_a_document(tmp_path):
    with pytest.raises(FetchFailed, match="is a folder"):
        load(str(tmp_path))


def test_file_above_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(LONG_JA, encoding="utf-8")
    with pytest.raises(TooLarge) as caught:
        load(str(path), max_bytes=100)
    _assert_one_line_message(caught.value, str(path), "above the size limit of 100 bytes")
    assert load(str(path), max_bytes=path.stat().st_size).size == path.stat().st_size


def _refuse(exc: Exception):
    def handler(request):
        raise exc
    return client(handler)


def _stream_forever(request):
    def chunks():
        while True:
            yield b"x" * 1024
    return httpx.Response(200, content=chunks(), headers={"Content-Type": "text/plain"})


BAD_URLS = [
    ("unreachable", _refuse(httpx.ConnectError("[Errno -2] Name or service not known")), FetchFailed, "cannot fetch"),
    ("timeout", _refuse(httpx.ReadTimeout("timed out")), FetchFailed, "no answer within 20 s"),
    ("404", serve(b"<html><body>Not found</body></html>", status=404), FetchFailed, "HTTP 404 Not Found"),
    ("500", serve(b"oops", status=500), FetchFailed, "HTTP 500"),
    ("oversize-declared", serve(b"x" * 5000, "text/plain"), TooLarge, "above the size limit of 1,000 bytes"),
    ("oversize-streamed", client(_stream_forever), TooLarge, "above the size limit of 1,000 bytes"),
    ("empty-body", serve(b"", "text/html"), EmptyInput, "empty response"),
    ("broken-page", serve(b"<html><body><div><p>"), NoMainText, "no main text"),
]


@pytest.mark.parametrize(("name", "http", "error", "words"), BAD_URLS, ids=[row[0] for row in BAD_URLS])
def test_bad_url_raises_its_error(name, http, error, words):
    url = f"https://example.org/{name}"
    with pytest.raises(error) as caught:
        load(url, client=http, max_bytes=1000)
    _assert_one_line_message(caught.value, url, words)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/readout.txt",
                                 "data:text/plain,hello"])
def test_non_http_schemes_are_refused_without_a_request(url):
    def handler(request):
        raise AssertionError("no request may be made")
    with pytest.raises(FetchFailed) as caught:
        load(url, client=client(handler))
    _assert_one_line_message(caught.value, url, "only http and https")


def test_url_page_is_fetched_with_kaidan_user_agent_and_extracted():
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})

    doc = load("https://example.org/news/summit", client=client(handler))
    assert seen[0].headers["User-Agent"] == "kaidan/0.1"
    assert (doc.content_type, doc.encoding, doc.lang) == ("html", "utf-8", "ja")
    assert (doc.title, doc.published, doc.size) == ("日米首脳会談の概要", "2025-04-15", len(PAGE))
    assert "両首脳は、日米同盟の抑止力・対処力を一層強化していくことで一致しました。" in doc.text
    assert "税金の無駄遣い" not in doc.text


def test_redirect_is_followed():
    def handler(request):
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://example.org/new.txt"})
        return httpx.Response(200, content=EN_STATEMENT.encode(), headers={"Content-Type": "text/plain"})

    assert load("https://example.org/old", client=client(handler)).lang == "en"


def test_shift_jis_page_declared_in_the_http_header():
    body = f"<html><body><article><p>{LONG_JA}</p></article></body></html>".encode("cp932")
    doc = load("https://example.org/a", client=serve(body, "text/html; charset=Shift_JIS"))
    assert doc.encoding == "cp932" and "抑止力・対処力" in doc.text


def test_shift_jis_html_file_declared_in_a_meta_tag(tmp_path):
    page = PAGE.decode("utf-8").replace('charset="utf-8"', 'charset="Shift_JIS"').replace("©", "(C)")
    doc = load(_write(tmp_path / "page.htm", page.encode("cp932")))
    assert (doc.content_type, doc.encoding, doc.title) == ("html", "cp932", "日米首脳会談の概要")
    assert "両首脳は、日米同盟の抑止力・対処力を一層強化していくことで一致しました。" in doc.text


def test_pdf_from_a_url():
    doc = load("https://example.org/statement", client=serve(make_pdf(["Joint Statement"]), "application/pdf"))
    assert (doc.content_type, doc.encoding, doc.text, doc.lang) == ("pdf", None, "Joint Statement", "en")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc_jp", "iso2022_jp"])
def test_text_file_in_each_japanese_encoding_gives_the_same_document(tmp_path, encoding):
    path = tmp_path / "readout.txt"
    path.write_bytes(("日米首脳会談\r\n" + LONG_JA + "\r\n").encode(encoding))
    doc = load(str(path))
    reference = load(_write(tmp_path / "ref.txt", ("日米首脳会談\n" + LONG_JA + "\n").encode()))
    assert (doc.id, doc.text, doc.lang, doc.content_type) == (reference.id, reference.text, "ja", "text")
    assert doc.encoding == encoding and doc.size == path.stat().st_size


def test_mixed_page_japanese_readout_then_english_joint_statement(tmp_path):
    doc = load(_write(tmp_path / "page.md", (LONG_JA + "\n\n" + EN_STATEMENT).encode()))
    assert doc.lang == "mixed"


def test_file_without_extension_is_plain_text(tmp_path):
    doc = load(_write(tmp_path / "README", b"<p>not html at the start</p>\nThe two leaders met."))
    assert doc.content_type == "text" and doc.text.startswith("<p>")


@pytest.mark.parametrize("name", ["000_58ca534914d8c012.txt", "002_29df64e5bb346e5e.txt", "003_f1cd6fa94029fc4f.txt"])
def test_seed_documents_load_as_canonical_text(name):
    path = SHARED / "corpus" / "seeds" / name
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    doc = load(str(path))
    raw = path.read_text(encoding="utf-8")
    assert doc.text == "\n".join(line.rstrip() for line in raw.split("\n"))
    assert (doc.content_type, doc.encoding, doc.size) == ("text", "utf-8", path.stat().st_size)
    assert load(str(path)) == doc  # same content, same id: deterministic


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _assert_one_line_message(error: IngestError, source: str, words: str) -> None:
    message = str(error)
    assert message.startswith(f"{source}: ")
    assert words in message
    assert "\n" not in message and ";" in message  # what is wrong; what to do


def test_a_texts_dateline_is_shown_but_not_handed_to_the_extractor_as_the_pages_date(tmp_path):
    from kaidan.ingest import load

    path = tmp_path / "news.txt"
    path.write_text("Leaders meet\n29 May 2025\n\nThe two leaders met on Monday in Hanoi.\n", encoding="utf-8")
    doc = load(str(path))
    assert doc.published == "2025-05-29" and doc.page_date is None
