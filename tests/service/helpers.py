"""Helpers of the service tests: where the seeds are, the token, a fake resolver, a mock transport and
building an archive through ``pipeline.ingest``."""
from __future__ import annotations

import socket
from pathlib import Path

import httpx

from .docs import OWN

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
TOKEN = "test-token-0123456789"
PUBLIC_IP = "93.184.216.34"  # what the mocked resolver answers for every host name: a public address


def fake_resolver(answers: dict[str, list[str]] | None = None):
    """Stands for socket.getaddrinfo: host -> addresses (default: one public address), never the network."""
    def resolve(host, port, *args, **kwargs):
        found = (answers or {}).get(host, [PUBLIC_IP])
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in found]
    return resolve


def readout_transport(body: str = OWN["en_in.txt"], status: int = 200, headers: dict | None = None):
    """An httpx transport that answers every request with one document (no traffic leaves the process)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, text=body, headers=headers or {"content-type": "text/plain; charset=utf-8"})

    transport = httpx.MockTransport(handler)
    transport.seen = seen
    return transport


def build_archive(path: Path, with_seeds: bool = True) -> Path:
    from kaidan.pipeline import ingest
    from kaidan.store import Store

    folder = path.parent / "own_docs"
    folder.mkdir(exist_ok=True)
    sources = []
    if with_seeds and SEEDS.is_dir():
        sources += [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    for name, text in OWN.items():
        (folder / name).write_text(text, encoding="utf-8")
        sources.append(str(folder / name))
    with Store(path) as store:
        report = ingest(sources, store)
    assert report.failed == 0, report.failures
    return path
