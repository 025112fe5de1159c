"""A hostile batch: 40 kinds of bad (or merely odd) input in one folder, ingested in one run.

    .venv/bin/python benchmarks/hostile.py            # table: per input stored/failed and the message
    .venv/bin/python benchmarks/hostile.py --json     # the same as JSON
    .venv/bin/python benchmarks/hostile.py --keep DIR # build the folder in DIR and keep it

The folder is built in a temporary directory from sentences written here (no third-party text), then
``kaidan ingest --all-files`` runs on it and on a few bad URLs in a child process, whose peak resident
memory (``ru_maxrss``) is the batch's. Each input's outcome is read back from the database: stored (with
its language and fact count), unchanged (the same text as another input), or failed with the message.
Nothing needs the network: the URLs fail before a connection or on a closed local port.
"""
from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kaidan import config  # noqa: E402

JA = ("日米首脳会談\n\n2025年10月28日\n\n10月28日、午前10時から約90分間、高市早苗内閣総理大臣は、東京でトランプ米国大統領と"
      "日米首脳会談を行いました。\n両首脳は、日米同盟の一層の強化に向けて緊密に連携していくことで一致しました。\n"
      "高市総理大臣から、日本は防衛力の抜本的強化を進めていく考えを述べました。\n")
EN = ("Japan-U.S. Summit Meeting\n\nOctober 28, 2025\n\nOn October 28, from 10:00 a.m. for approximately 90 minutes, "
      "Prime Minister Takaichi held a summit meeting with President Trump in Tokyo.\n"
      "The two leaders confirmed that they would further strengthen the Japan-U.S. Alliance.\n")


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF drawing ASCII lines in Helvetica."""
    body = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td {body} ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode()
    xref, size = len(out), len(objects) + 1
    out += (f"xref\n0 {size}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
            + f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return out


def _pypdf(encrypt: str | None = None) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    if encrypt:
        writer.encrypt(encrypt)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def build(folder: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Write the hostile files; ([(kind, path)], urls)."""
    import random

    rng = random.Random(7)
    deep = 100_000
    files: dict[str, tuple[str, bytes | None]] = {
        "empty file": ("empty.txt", b""),
        "white space only": ("blank.txt", b" \n\t\r\n\xe3\x80\x80\n"),
        "random bytes with NULs": ("noise.bin", bytes(rng.randrange(256) for _ in range(4096))),
        "random high bytes (no encoding)": ("noise.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(4096))),
        "PNG image named .txt": ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        "ZIP archive (.docx)": ("report.docx", b"PK\x03\x04" + bytes(64)),
        "gzip of a readout": ("readout.txt.gz", gzip.compress(JA.encode())),
        "ELF executable": ("tool", b"\x7fELF\x02\x01\x01" + bytes(120)),
        "SQLite database": ("other.db", b"SQLite format 3\x00" + bytes(200)),
        "HTML with a script only": ("script.html", b"<html><body><div><script>var x = 1;</script></div></body></html>"),
        "truncated HTML": ("truncated.html", b"<!DOCTYPE html><html><head><title>t</title></head><body><div><p"),
        "HTML of menus only": ("menu.html", b"<html><body><nav><a>Home</a><a>News</a></nav><p>Log in</p></body></html>"),
        "HTML, 100k nested divs": ("deep.html", (f"<html><body>{'<div>' * deep}<p>{JA.splitlines()[4]}</p>"
                                                 f"{'</div>' * deep}</body></html>").encode()),
        "HTML with a wrong charset": ("stale-meta.html", ("<html><head><meta charset=shift_jis></head><body><article>"
                                                          + "".join(f"<p>{line}</p>" for line in JA.splitlines() if line)
                                                          + "</article></body></html>").encode()),
        "PDF without a text layer": ("scan.pdf", _pypdf()),
        "encrypted PDF": ("locked.pdf", _pypdf("secret")),
        "truncated PDF": ("cut.pdf", _pdf(["Prime Minister Takaichi met President Trump."])[:150]),
        "HTML error page named .pdf": ("error-page.pdf", b"<html><body>404 Not Found</body></html>"),
        "PDF with text": ("readout.pdf", _pdf(["Prime Minister Takaichi held a summit meeting with President Trump.",
                                               "The two leaders confirmed that they would strengthen the Alliance."])),
        "UTF-16-LE without BOM": ("utf16le.txt", JA.encode("utf-16-le")),
        "UTF-16-BE without BOM": ("utf16be.txt", EN.encode("utf-16-be")),
        "UTF-16 with BOM": ("utf16bom.txt", codecs.BOM_UTF16_LE + (JA + "追記。\n").encode("utf-16-le")),
        "UTF-32 with BOM": ("utf32.txt", codecs.BOM_UTF32_LE + (EN + "Added.\n").encode("utf-32-le")),
        "Shift_JIS": ("sjis.txt", (JA + "シフトJIS。\n").encode("cp932")),
        "EUC-JP": ("eucjp.txt", (JA + "EUC-JP。\n").encode("euc_jp")),
        "ISO-2022-JP": ("jis.txt", (JA + "JIS。\n").encode("iso2022_jp")),
        "UTF-8 with BOM": ("bom.txt", codecs.BOM_UTF8 + (JA + "BOM。\n").encode()),
        "UTF-8 with two NUL bytes": ("nul.txt", (JA + "NUL。\n").encode().replace("会談".encode(), "会談".encode() + b"\0\0", 1)),
        "CR and CRLF newlines": ("newlines.txt", (EN + "CR.\n").replace("\n", "\r").encode()[:60]
                                 + (EN + "CR.\n").replace("\n", "\r\n").encode()[60:]),
        "control characters in text": ("controls.txt", (JA + "\x1b[31m赤\x07\x08。\n").encode()),
        "bidi and zero-width marks": ("bidi.txt", (EN.replace("Takaichi", "Taka\u200bichi\u202e") + "Mark.\n").encode()),
        "one line of 300 KB": ("oneline.txt", (JA.replace("\n", "") * 1200).encode()),
        "the same text as another file": ("copy-of-bom.txt", (JA + "BOM。\n").encode()),
        "file name with a newline": ("two\nlines.txt", (EN + "Newline name.\n").encode()),
        "file name in Japanese with spaces": ("日米 首脳 会談.txt", (JA + "名前。\n").encode()),
        "README in the folder": ("README.md", b"# Notes\n\nThese are the readouts we collected.\n"),
        "one byte above the size limit": ("huge.txt", None),
    }
    paths = []
    for kind, (name, data) in files.items():
        path = folder / name
        if data is None:
            with open(path, "wb") as handle:
                handle.truncate(config.MAX_BYTES + 1)
        else:
            path.write_bytes(data)
        paths.append((kind, str(path)))
    dangling = folder / "dangling-link.txt"
    dangling.symlink_to(folder / "nowhere.txt")
    paths.append(("dangling symbolic link", str(dangling)))
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    paths.append(("named pipe (FIFO)", str(fifo)))
    urls = [("malformed URL (IPv6)", "http://[::1"), ("malformed URL (IPv4)", "http://999.999.999.999/"),
            ("URL without a host", "http://"), ("ftp URL", "ftp://example.org/readout.txt"),
            ("closed local port", "http://127.0.0.1:9/readout.html")]
    return paths + urls, [url for _kind, url in urls]


def run(folder: Path) -> dict:
    inputs, urls = build(folder)
    db = folder.parent / "hostile.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from kaidan.cli import main; main()", "ingest", "--all-files",
                           "--quiet", "--db", str(db), str(folder), *urls], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    con = sqlite3.connect(db)
    failures = dict(con.execute("SELECT source, message FROM failures"))
    stored = {src: (doc_id, lang, record) for src, doc_id, lang, record in con.execute(
        "SELECT s.source, d.id, d.lang, f.record FROM sources s JOIN documents d ON d.id = s.doc_id "
        "LEFT JOIN facts f ON f.doc_id = d.id ORDER BY s.rowid")}
    first_of = {}
    for src, (doc_id, _lang, _record) in stored.items():
        first_of.setdefault(doc_id, src)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    rows = []
    for kind, source in inputs:
        if source in failures:
            message = failures[source]
            rows.append({"input": kind, "outcome": "failed",
                         "message": message[len(source) + 2:] if message.startswith(source + ": ") else message})
        elif source in stored:
            doc_id, lang, record = stored[source]
            facts = sum(len(v) for k, v in json.loads(record).items()
                        if k in ("meetings", "signed_documents", "agreements", "commitments", "statements",
                                 "quantities")) if record else 0
            same = first_of[doc_id] != source
            rows.append({"input": kind, "outcome": "unchanged" if same else "stored",
                         "message": f"{doc_id} {lang}, {facts} facts" + (" (same text as another input)" if same else "")})
        else:
            rows.append({"input": kind, "outcome": "not read", "message": "neither stored nor failed"})
    return {"inputs": len(inputs), "rows": rows, "exit_status": done.returncode,
            "summary": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "",
            "traceback": "Traceback" in done.stderr, "seconds": round(seconds, 1), "peak_rss_mb": round(peak_mb),
            "integrity_check": integrity}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--keep", type=Path, help="build the folder in this directory and keep it")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "hostile").mkdir()
        result = run(args.keep / "hostile")
    else:
        with tempfile.TemporaryDirectory(prefix="kaidan-hostile-") as tmp:
            (Path(tmp) / "hostile").mkdir()
            result = run(Path(tmp) / "hostile")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    width = max(len(r["input"]) for r in result["rows"])
    for r in result["rows"]:
        print(f"{r['input']:<{width}}  {r['outcome']:<9}  {r['message'][:150]}")
    print(f"\n{result['inputs']} inputs; {result['summary']}; exit status {result['exit_status']}; "
          f"traceback: {'yes' if result['traceback'] else 'none'}; integrity_check: {result['integrity_check']}")
    print(f"{result['seconds']} s, peak RSS of the batch {result['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
