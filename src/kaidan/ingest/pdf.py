"""Text layer of a PDF (pypdf): the text of all pages, joined by blank lines."""
from __future__ import annotations

import io

from kaidan.errors import NoMainText

from .document import MainText


def extract_pdf_text(data: bytes) -> MainText:
    """Text and title of a PDF; raise NoMainText for a corrupt PDF or one without text."""
    import pypdf  # deferred: only PDFs need it

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many kinds on broken files; all mean "corrupt"
        raise NoMainText(f"corrupt PDF ({_reason(exc)}); download it again or re-export it") from exc
    if encrypted:
        try:
            opened = reader.decrypt("")  # many PDFs are encrypted with an empty user password
        except Exception:
            opened = False
        if not opened:
            raise NoMainText("the PDF is encrypted; save an unprotected copy and ingest that")
    try:
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except Exception as exc:
        raise NoMainText(f"corrupt PDF ({_reason(exc)}); download it again or re-export it") from exc
    text = "\n\n".join(page for page in pages if page.strip())
    if not text:
        raise NoMainText("the PDF has no text layer (a scan?); run OCR on it (e.g. ocrmypdf) and ingest the result")
    return MainText(text=text, title=(title or "").strip() or None, published=None)


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
