"""Test inputs built by hand: Japanese paragraphs, PDFs, mock HTTP clients."""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import httpx

SHORT_JA = "両首脳は、日米同盟の抑止力・対処力を一層強化していくことで一致しました。"
LONG_JA = (
    SHORT_JA + "\n"
    "また、両首脳は、経済安全保障の分野で緊密に連携していくことを確認しました。"
    "山田総理大臣から、自由で開かれたインド太平洋の実現に向けて、同志国との連携を深めていく考えを述べたのに対し、"
    "スミス大統領は賛意を示しました。会談は約45分間行われ、双方は来年の早い時期に再び会うことで合意しました。"
)
EN_STATEMENT = (
    "Joint Leaders' Statement\n"
    "The two leaders reaffirmed that the alliance remains the cornerstone of peace and prosperity in the region.\n"
    "They decided to expand cooperation on energy security, critical minerals and shipbuilding, and instructed "
    "their ministers to report on progress within six months.\n"
    "The leaders also welcomed new investment in manufacturing and committed to meeting again next year."
)

# The shared corpus beside the repository (../shared), which tests may read but not copy.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF drawing ``lines`` (ASCII) in Helvetica, with a correct xref table."""
    body = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td {body} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode()
    xref, size = len(out), len(objects) + 1
    out += (
        f"xref\n0 {size}\n0000000000 65535 f \n"
        + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
        + f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def blank_pdf() -> bytes:
    """A valid PDF with one empty page: no text layer."""
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def client(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    """An httpx client whose requests go to ``handler`` instead of the network."""
    return httpx.Client(transport=httpx.MockTransport(handler))


def serve(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> httpx.Client:
    """A client that answers every request with this body."""
    return client(lambda request: httpx.Response(status, content=body, headers={"Content-Type": content_type}))
