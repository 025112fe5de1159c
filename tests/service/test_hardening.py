"""The service on the open network: Host allow-list, body size counted while reading, the token for reads,
HEAD, one status per outcome, paginated events, and uvicorn's own refusals in the JSON error shape."""
from __future__ import annotations

import shutil
import socket
import threading
import time

import httpx
import pytest

from .helpers import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPLOAD = {"file": ("note.txt", "日豪首脳会談\n両首脳は協力を確認しました。".encode(), "text/plain")}


@pytest.mark.parametrize("host", ["evil.example:8780", "evil.example", "kaidan.example.evil.example", ""])
def test_a_host_name_not_allowed_is_refused_for_reads_and_changes(client, host):
    r = client.get("/api/events", headers={"Host": host})
    assert r.status_code == 421 and r.json()["error"]["code"] == "K605"
    r = client.post("/api/ingest/file", files=UPLOAD, headers={"Host": host})
    assert r.status_code == 421
    assert client.get("/", headers={"Host": host}).status_code == 421


@pytest.mark.parametrize("host", ["127.0.0.1:8780", "localhost:8000", "[::1]:8000", "192.168.1.20", "localhost"])
def test_addresses_and_localhost_are_served(client, host):
    assert client.get("/api/info", headers={"Host": host}).status_code == 200


def test_allowed_host_names_are_served(make_client, archive):
    c = make_client(archive, allowed_hosts=("kaidan.example",))
    assert c.get("/api/info", headers={"Host": "kaidan.example:8000"}).status_code == 200
    assert c.get("/api/info", headers={"Host": "KAIDAN.example"}).status_code == 200
    assert c.get("/api/info", headers={"Host": "other.example"}).status_code == 421


def test_reads_need_the_token_when_the_service_is_private(make_client, archive):
    c = make_client(archive, token=TOKEN, private=True)
    info = c.get("/api/info").json()
    assert info["read_auth_required"] is True and info["auth_required"] is True
    for path in ("/api/events", "/api/documents", "/api/ledger", "/api/search?q=会談", "/api/conflicts"):
        r = c.get(path)
        assert r.status_code == 401 and r.json()["error"]["code"] == "K602", path
        assert c.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get(path, headers=AUTH).status_code == 200, path
    assert c.get("/").status_code == 200  # the page itself asks for the token


def test_private_needs_a_token(archive):
    from kaidan.errors import UsageError
    from kaidan.service.app import create_app

    with pytest.raises(UsageError, match="token"):
        create_app(archive, private=True)


def test_reads_are_open_when_the_service_is_not_private(make_client, archive):
    c = make_client(archive, token=TOKEN)
    assert c.get("/api/events").status_code == 200
    assert c.get("/api/info").json()["read_auth_required"] is False


@pytest.mark.parametrize("path", ["/", "/ledger", "/api/info", "/api/events", "/api/documents",
                                  "/api/events/2025-09-12-AU-JP"])
def test_head_answers_like_get_without_a_body(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]


def test_head_of_an_unknown_event_is_404(client):
    r = client.head("/api/events/1999-01-01")
    assert r.status_code == 404 and r.content == b""


def test_events_come_in_pages(client):
    every = client.get("/api/events", params={"limit": 1000}).json()
    assert len(every) >= 3
    r = client.get("/api/events", params={"limit": 2})
    assert r.json() == every[:2] and r.headers["x-total-count"] == str(len(every))
    nxt = r.headers["link"]
    assert nxt.startswith("</api/events?") and nxt.endswith('>; rel="next"')
    page2 = client.get(nxt[1:nxt.index(">")]).json()
    assert page2 == every[2:4]
    last = client.get("/api/events", params={"limit": 2, "offset": len(every) - 1})
    assert "link" not in last.headers and len(last.json()) == 1
    assert client.get("/api/events", params={"limit": 1001}).status_code == 422


def test_a_declared_body_above_the_limit_is_refused_before_reading(client):
    from kaidan import config

    r = client.post("/api/ingest/url", content=b"{}", headers={"Content-Length": str(config.MAX_BYTES * 2),
                                                                "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "K103"


@pytest.fixture
def live(archive, tmp_path, monkeypatch):
    """A uvicorn server with the service's protocol, on a free port of 127.0.0.1, with a 1 KB upload limit."""
    import uvicorn

    from kaidan import config
    from kaidan.service import app as app_module
    from kaidan.service.app import create_app
    from kaidan.service.guards import JSONErrorH11Protocol

    monkeypatch.setattr(config, "MAX_BYTES", 1024)
    monkeypatch.setattr(app_module, "UPLOAD_SLACK", 1024)
    db = tmp_path / "kaidan.db"
    shutil.copy(archive, db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", http=JSONErrorH11Protocol))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline
        time.sleep(0.05)
    yield port
    srv.should_exit = True
    thread.join(10)
    sock.close()


def _raw(port: int, head: bytes, chunks=(), pause: float = 0.0) -> tuple[bytes, int]:
    """Send a request by hand; the response, and how many body chunks were sent before the server answered."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head)
        sent = 0
        for chunk in chunks:
            try:
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:  # the server answered and closed
                break
            sent += 1
            time.sleep(pause)
            s.setblocking(False)
            try:
                peek = s.recv(1, socket.MSG_PEEK)
            except BlockingIOError:
                peek = b""
            s.setblocking(True)
            if peek:
                break
        s.settimeout(10)
        out = b""
        try:
            while True:
                part = s.recv(65536)
                if not part:
                    break
                out += part
        except (TimeoutError, ConnectionResetError):
            pass
    return out, sent


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit(live):
    head = (b"POST /api/ingest/url HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    out, sent = _raw(live, head, [b" " * 512] * 200, pause=0.02)
    assert out.startswith(b"HTTP/1.1 413"), out[:200]
    assert b'"code":"K103"' in out
    assert sent < 50  # refused at ~2 KB (the limit and its slack), long before the 100 KB sent otherwise


def test_an_over_long_request_line_gets_the_json_error_shape(live):
    out, _ = _raw(live, b"GET /api/search?q=" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert out.startswith(b"HTTP/1.1 400")
    body = out.split(b"\r\n\r\n", 1)[1]
    import json

    err = json.loads(body)["error"]
    assert err["code"] == "H400" and err["status"] == 400 and b"application/json" in out.split(b"\r\n\r\n")[0]


def test_a_rebinding_page_cannot_read_the_live_service(live):
    r = httpx.get(f"http://127.0.0.1:{live}/api/events", headers={"Host": f"evil.example:{live}"})
    assert r.status_code == 421
    assert httpx.get(f"http://127.0.0.1:{live}/api/events").status_code == 200
