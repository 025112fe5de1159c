"""What kind of bytes a source holds: a PDF, text (plain or HTML), or neither.

HTML and plain text are told apart after decoding (see :mod:`.html`).
"""
from __future__ import annotations

from kaidan.errors import BinaryInput, NoMainText

from .decode import BOMS, utf16_text

# The PDF header may follow up to 1 KB of junk (PDF 32000-1, annex H).
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024

# Signatures of common non-text files, named in the error message. Short
# ASCII-only signatures (MZ, BZh, RIFF) are left out: text may start so, and
# those files contain NUL bytes, which are caught anyway.
BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

PDF_SUFFIXES = (".pdf",)

# Text may carry a few stray NUL bytes (a bad copy, a broken editor): up to this share of its bytes, or
# MAX_STRAY_NULS, they are removed with a note (see loader); more mean binary data.
STRAY_NUL_SHARE = 0.0005
MAX_STRAY_NULS = 8


def is_pdf(data: bytes) -> bool:
    """True when the PDF header appears within the first kilobyte."""
    return PDF_MAGIC in data[:PDF_HEADER_WINDOW]


def sniff(data: bytes, *, media_type: str | None = None, suffix: str = "") -> str:
    """Return ``"pdf"`` or ``"text"``; raise BinaryInput for other binary data.

    Text is told from binary data by its NUL bytes: none, a few stray ones (removed after decoding), or
    those of readable UTF-16 (see :func:`~.decode.utf16_text`).

    A file named ``.pdf`` or served as ``application/pdf`` without the PDF
    header is a broken PDF (often an error page saved under the PDF's name).
    """
    if is_pdf(data):
        return "pdf"
    if suffix.lower() in PDF_SUFFIXES or media_type == "application/pdf":
        raise NoMainText("not a valid PDF (no %PDF header); download it again or export it as PDF anew")
    for magic, name in BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"{name}, not text, HTML or PDF; save the document as text, HTML or PDF")
    nuls = data.count(0)
    if (nuls > max(MAX_STRAY_NULS, STRAY_NUL_SHARE * len(data)) and not data.startswith(tuple(m for m, _ in BOMS))
            and utf16_text(data) is None):
        raise BinaryInput("binary data (NUL bytes), not text, HTML or PDF; save the document as text, HTML or PDF")
    return "text"
