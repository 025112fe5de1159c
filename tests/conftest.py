"""Fixtures for the CLI and pipeline tests: small readouts written for these tests, bad inputs, databases.

The documents below are original sentences in the style of summit readouts, not real
readouts. They are short so that extraction stays well under a second per test.

The fixtures are not autouse: tests/test_cli.py and tests/test_pipeline.py opt in to
``isolated_env`` with ``pytestmark``, so other test modules under tests/ are unaffected.
"""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests assert what holds for every input, not how fast: on a loaded machine one example can take
# longer than Hypothesis's default deadline of 200 ms and fail a test whose property holds.
settings.register_profile("kaidan", deadline=None)
settings.load_profile("kaidan")

JA_TEL = """日豪首脳電話会談

令和7年10月1日

10月1日、午後4時から約30分間、石破茂内閣総理大臣は、アンソニー・アルバニージー豪州首相と日豪首脳電話会談を行いました。

両首脳は、エネルギー分野での協力を一層強化していくことで一致しました。また、両首脳は、自由で開かれたインド太平洋の実現に向けて緊密に連携していくことを確認しました。
石破総理大臣から、日本は今後3年間で総額500億円の支援を行う考えを伝えました。
アルバニージー首相は、日本との協力を高く評価する旨述べました。
"""

JA_SUMMIT = """日加首脳会談

令和7年6月16日

6月16日、午前10時から約45分間、石破茂内閣総理大臣は、マーク・カーニー・カナダ首相と首脳会談を行いました。

両首脳は、経済安全保障の分野で協力を強化していくことで一致しました。
カーニー首相は、「日本は信頼できるパートナーだ」と述べました。
石破総理大臣から、液化天然ガスの安定供給に向けて連携していきたい旨述べました。
"""

EN_TEL = """Japan-India Summit Telephone Talk

March 3, 2025

On March 3, commencing at 5:00 p.m. for approximately 40 minutes, Mr. ISHIBA Shigeru, Prime Minister of Japan, held a telephone talk with Mr. Narendra Modi, Prime Minister of India.

The two leaders confirmed that they would strengthen cooperation in critical minerals and clean energy.
The two leaders welcomed the launch of a new dialogue on economic security.
Prime Minister Ishiba stated that Japan would provide 300 million US dollars to support infrastructure in the region.
"""

EN_STATEMENT = """Joint Statement by the Leaders of Japan and the Philippines

Manila, April 29, 2025

Prime Minister Ishiba and President Marcos met in Manila today.
The two leaders reaffirmed their commitment to a free and open Indo-Pacific.
They welcomed progress on maritime security cooperation, including the provision of five patrol vessels.
Japan intends to provide 20 billion yen in development assistance by 2027.
"""

# Written in this order; the folder walk yields them sorted by name.
GOOD_DOCS = {
    "en_statement.txt": EN_STATEMENT,
    "en_tel.txt": EN_TEL,
    "ja_summit.txt": JA_SUMMIT,
    "ja_tel.txt": JA_TEL,
}

# Bad sources that are not files: (source, fragment of the reason, error class).
BAD_URLS = [
    ("ftp://example.org/readout.txt", "only http and https", "FetchFailed"),
    ("http://127.0.0.1:9/readout.html", "cannot fetch the URL", "FetchFailed"),  # connection refused, no network
]

FACT_TYPES = ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities")
RECORD_FIELDS = {"doc", "lang", "event", *FACT_TYPES}


def blank_pdf() -> bytes:
    """A valid PDF with one empty page: no text layer."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# Bad files: name -> (bytes, fragment of the reason, error class).
BAD_FILES = {
    "empty.txt": (b"", "the file is empty", "EmptyInput"),
    "blank.txt": (b"  \n\t\n   \n", "only white space", "EmptyInput"),
    "binary.dat": (b"KAI\x00\x01\x02\x00DAN\x00" * 8, "NUL bytes", "BinaryInput"),
    "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "a PNG image", "BinaryInput"),
    "noise.txt": (bytes(range(0x80, 0x100)) * 3, "cannot decode", "DecodeFailed"),
    "broken.html": (b"<html><head><title></title></head><body><div><script>var x = 1;</script><p></p></div>",
                    "no main text", "NoMainText"),
    "scan.pdf": (None, "no text layer", "NoMainText"),  # bytes built by blank_pdf()
}


@pytest.fixture
def isolated_env(tmp_path, monkeypatch):
    """Run in tmp_path, with no $KAIDAN_DB, no proxies and nothing that makes rich think it has a terminal."""
    monkeypatch.chdir(tmp_path)
    for name in ("KAIDAN_DB", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS",
                 "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture
def cli(runner):
    """Invoke ``kaidan ARGS``; stdout and stderr are kept apart (result.stdout, result.stderr)."""
    from kaidan.cli import main

    def invoke(*args: str, **kwargs):
        return runner.invoke(main, [str(a) for a in args], **kwargs)

    return invoke


def _write_docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD_DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def good_folder(tmp_path) -> Path:
    """A folder holding the four good readouts only."""
    return _write_docs(tmp_path / "readouts")


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """A folder holding the four good readouts and one file of each bad kind."""
    folder = _write_docs(tmp_path / "mixed")
    for name, (data, _reason, _error) in BAD_FILES.items():
        (folder / name).write_bytes(blank_pdf() if data is None else data)
    return folder


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "kaidan.db"


@pytest.fixture
def dump_tables():
    """Rows of the documents and facts tables of a database file, to compare states."""

    def dump(path: Path) -> dict[str, list[tuple]]:
        db = sqlite3.connect(path)
        try:
            return {table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                    for table in ("documents", "facts")}
        finally:
            db.close()

    return dump


# Gold records for `kaidan eval`, in the form of FACTS.md, of JA_TEL and EN_TEL.
GOLD = {
    "ja_tel.txt": {
        "doc": "ja_tel.txt",
        "lang": "ja",
        "event": {"date": "2025-10-01", "countries": ["AU", "JP"]},
        "meetings": [
            {"kind": "telephone", "participants": ["石破茂", "アンソニー・アルバニージー"], "date": "2025-10-01",
             "start": "16:00", "duration_minutes": 30, "place": None,
             "evidence": "10月1日、午後4時から約30分間、石破茂内閣総理大臣は"},
        ],
        "signed_documents": [],
        "agreements": [
            {"text": "エネルギー分野での協力を一層強化していく", "verb": "agreed", "topics": ["energy"],
             "evidence": "エネルギー分野での協力を一層強化していくことで一致しました"},
            {"text": "自由で開かれたインド太平洋の実現に向けて緊密に連携していく", "verb": "confirmed",
             "topics": ["regional_partners"],
             "evidence": "自由で開かれたインド太平洋の実現に向けて緊密に連携していくことを確認しました"},
        ],
        "commitments": [
            {"actor": "石破", "text": "日本は今後3年間で総額500億円の支援を行う", "amount": {"value": 50000000000, "unit": "JPY"},
             "deadline": None, "evidence": "日本は今後3年間で総額500億円の支援を行う考えを伝えました"},
        ],
        "statements": [
            {"speaker": "アルバニージー", "mode": "reported", "text": "日本との協力を高く評価する",
             "evidence": "アルバニージー首相は、日本との協力を高く評価する旨述べました"},
        ],
        "quantities": [
            {"text": "総額500億円", "value": 50000000000, "unit": "JPY", "evidence": "総額500億円"},
        ],
    },
    "en_tel.txt": {
        "doc": "en_tel.txt",
        "lang": "en",
        "event": {"date": "2025-03-03", "countries": ["IN", "JP"]},
        "meetings": [
            {"kind": "telephone", "participants": ["Ishiba", "Modi"], "date": "2025-03-03", "start": "17:00",
             "duration_minutes": 40, "place": None,
             "evidence": "On March 3, commencing at 5:00 p.m. for approximately 40 minutes"},
        ],
        "signed_documents": [],
        "agreements": [
            {"text": "strengthen cooperation in critical minerals and clean energy", "verb": "confirmed",
             "topics": ["critical_minerals", "energy"],
             "evidence": "confirmed that they would strengthen cooperation in critical minerals and clean energy"},
            {"text": "the launch of a new dialogue on economic security", "verb": "welcomed", "topics": ["economy"],
             "evidence": "welcomed the launch of a new dialogue on economic security"},
        ],
        "commitments": [
            {"actor": "Japan", "text": "provide 300 million US dollars to support infrastructure in the region",
             "amount": {"value": 300000000, "unit": "USD"}, "deadline": None,
             "evidence": "Japan would provide 300 million US dollars to support infrastructure in the region"},
        ],
        "statements": [
            {"speaker": "Ishiba", "mode": "reported",
             "text": "Japan would provide 300 million US dollars to support infrastructure in the region",
             "evidence": "Prime Minister Ishiba stated that Japan would provide 300 million US dollars"},
        ],
        "quantities": [
            {"text": "300 million US dollars", "value": 300000000, "unit": "USD", "evidence": "300 million US dollars"},
        ],
    },
}


@pytest.fixture
def gold_folder(tmp_path) -> tuple[Path, Path]:
    """(gold folder, documents folder) for `kaidan eval`: two documents and their gold records."""
    gold, docs = tmp_path / "gold", tmp_path / "gold_docs"
    gold.mkdir()
    docs.mkdir()
    for name, record in GOLD.items():
        (docs / name).write_text(GOOD_DOCS[name], encoding="utf-8")
        (gold / name.replace(".txt", ".json")).write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                                          encoding="utf-8")
    return gold, docs


@pytest.fixture
def batch_sources(tmp_path) -> list[str]:
    """A batch for the parallel-ingest tests: eight of tests/corpus's documents, one of them twice under
    another name, and an empty file."""
    docs = sorted((Path(__file__).resolve().parent / "corpus").glob("*.txt"))[:8]
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(docs[2], tmp_path / "copy.txt")
    return [str(p) for p in docs[:5]] + [str(tmp_path / "empty.txt"), str(tmp_path / "copy.txt")] + \
        [str(p) for p in docs[5:]]


# The commitment ledger's random records (tests/reconcile/test_ledger_index.py, tests/store/test_ledger_links.py).
LEDGER_WORDS = ["semiconductor", "supply", "chains", "rare", "earths", "shipbuilding", "investment", "energy",
                "LNG", "defence", "spending", "students", "exchange", "visas", "critical", "minerals", "nuclear", "reactors",
                "quantum", "research", "tariffs", "automobiles", "fisheries", "satellites"]
LEDGER_JA = ["半導体の供給網を強化する", "防衛費を増額する", "レアアースの共同開発を進める", "留学生の交流を拡大する",
             "防衛費を国内総生産比2パーセントに増額する", "原子力発電所の建設で協力する"]
LEDGER_ACTORS = ["Japan", "日本", "United States", "the United States", "Australia"]
LEDGER_TOPICS = ["investment", "security", "defense_spending", "energy", "economy", "other"]
LEDGER_UNITS = ["USD", "JPY", "percent_gdp"]


def _ledger_records(seed: int, n_events: int = 40) -> list[dict]:
    """Random event records with commitments of two relationships, some of them one promise carried on."""
    import datetime as dt
    import random

    rnd = random.Random(seed)
    out = []
    for k in range(n_events):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(2000))
        countries = rnd.choice(["JP-US", "AU-JP"])
        commitments = []
        for _ in range(rnd.randrange(1, 6)):
            if rnd.random() < 0.3:
                text = rnd.choice(LEDGER_JA)
            else:
                text = "will " + " ".join(rnd.sample(LEDGER_WORDS, rnd.randrange(2, 6)))
            amount = ({"value": rnd.choice([1, 2, 550, 1000]), "unit": rnd.choice(LEDGER_UNITS)}
                      if rnd.random() < 0.3 else None)
            commitments.append({
                "actor": rnd.choice(LEDGER_ACTORS), "text": text, "amount": amount,
                "deadline": rnd.choice([None, "FY2027", "within_days:180"]),
                "topics": rnd.sample(LEDGER_TOPICS, rnd.randrange(0, 3)), "support": rnd.randrange(1, 4),
                "citations": [{"doc_id": f"d{k}", "doc": f"{k}.txt", "evidence": text, "offsets": [0, len(text)],
                               "rule": "test.rule.v1"}]})
        out.append({"id": f"{day.isoformat()}-{countries}-{k}", "date_start": day.isoformat(),
                    "countries": countries, "commitments": commitments,
                    "conflicts": [{"field": "meetings.start", "about": k}] if k % 7 == 0 else []})
    return out


@pytest.fixture
def ledger_records():
    """``ledger_records(seed, n_events=40)``: random event records with commitments (see _ledger_records)."""
    return _ledger_records
