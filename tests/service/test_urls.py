"""URL ingestion: http(s) only, private and internal addresses refused before anything is sent,
every redirect checked, size and time limits passed through."""
from __future__ import annotations

import socket

import httpx
import pytest

from kaidan.errors import FetchFailed
from kaidan.service.errors import URLRefused
from kaidan.service.urls import check_url

from .helpers import PUBLIC_IP, TOKEN, fake_resolver, readout_transport

AUTH = {"Authorization": f"Bearer {TOKEN}"}

REFUSED = [
    "http://127.0.0.1/readout.html",
    "http://127.1.2.3:8000/",
    "http://localhost/readout",                 # resolves to loopback
    "http://10.0.0.5/internal",
    "http://172.16.3.4/",
    "http://192.168.1.1/admin",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata, link-local
    "http://[::1]/readout",
    "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",               # IPv4-mapped loopback
    "http://[fd00::1]/",                         # unique local
    "http://224.0.0.1/",                         # multicast
    "http://0.0.0.0/",
    "http://100.64.0.1/",                        # carrier-grade NAT
    "http://240.0.0.1/",                         # reserved
    "http://intranet.example/readout",           # a name that resolves to a private address
    "http://mixed.example/",                     # one public and one private address: refused
]
RESOLVES = {"localhost": ["127.0.0.1", "::1"], "intranet.example": ["10.1.2.3"],
            "mixed.example": ["93.184.216.34", "192.168.0.10"]}


@pytest.mark.parametrize("url", REFUSED)
def test_private_loopback_link_local_and_reserved_addresses_are_refused(url):
    with pytest.raises(URLRefused, match="allow-private-urls"):
        check_url(url, resolve=fake_resolver(RESOLVES))


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "javascript:alert(1)",
                                 "gopher://example.org/", "http://", "example.org/readout", "http://[::1"])
def test_only_http_and_https_urls_with_a_host(url):
    with pytest.raises(URLRefused):
        check_url(url, resolve=fake_resolver())


def test_public_addresses_pass_and_allow_private_lets_private_ones_through():
    check_url("https://www.mofa.go.jp/readout.html", resolve=fake_resolver())
    check_url("http://93.184.216.34/")
    check_url("http://10.0.0.5/internal", allow_private=True)
    check_url("http://localhost:8000/", allow_private=True, resolve=fake_resolver(RESOLVES))


def test_unresolvable_host_fails_before_anything_is_sent():
    def fail(*args, **kwargs):
        raise OSError("Name or service not known")

    with pytest.raises(FetchFailed, match="does not resolve"):
        check_url("https://nowhere.invalid/", resolve=fail)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/readout.html", "http://10.0.0.5/x", "http://169.254.169.254/",
                                 "http://[::1]:8000/", "http://intranet.example/readout"])
def test_api_refuses_before_sending_anything(archive_copy, make_client, url):
    transport = readout_transport()
    c = make_client(archive_copy, token=TOKEN, client=httpx.Client(transport=transport),
                    resolver=fake_resolver(RESOLVES))
    r = c.post("/api/ingest/url", json={"url": url}, headers=AUTH)
    assert r.status_code == 403 and r.json()["error"]["code"] == "K604"
    assert transport.seen == []  # nothing was fetched


def test_api_fetches_a_public_url_through_the_client(archive_copy, make_client):
    transport = readout_transport()
    c = make_client(archive_copy, token=TOKEN, client=httpx.Client(transport=transport), resolver=fake_resolver())
    r = c.post("/api/ingest/url", json={"url": "https://readouts.example/india.txt"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "unchanged" and r.json()["events"] == ["2025-03-03-IN-JP"]  # same text as en_in.txt
    # sent to the address that was checked, under the host's name (Host header and TLS server name)
    assert [str(q.url) for q in transport.seen] == [f"https://{PUBLIC_IP}/india.txt"]
    assert transport.seen[0].headers["host"] == "readouts.example"
    assert transport.seen[0].extensions["sni_hostname"] == "readouts.example"


def test_the_address_checked_is_the_address_connected_to(archive_copy, make_client):
    """A name that resolves to a public address when checked and to loopback the next time (DNS rebinding)."""
    answers = iter([[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]])

    def rebinding(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in next(answers)]

    transport = readout_transport()
    c = make_client(archive_copy, token=TOKEN, client=httpx.Client(transport=transport), resolver=rebinding)
    r = c.post("/api/ingest/url", json={"url": "https://rebind.example/india.txt"}, headers=AUTH)
    assert r.status_code == 403 and r.json()["error"]["code"] == "K604" and "127.0.0.1" in r.json()["error"]["message"]
    assert transport.seen == []


def test_a_redirect_to_a_private_address_is_refused(archive_copy, make_client):
    seen = []

    def handler(request):
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    c = make_client(archive_copy, token=TOKEN, client=httpx.Client(transport=httpx.MockTransport(handler)),
                    resolver=fake_resolver())
    r = c.post("/api/ingest/url", json={"url": "https://readouts.example/moved"}, headers=AUTH)
    assert r.status_code == 403 and r.json()["error"]["code"] == "K604"
    assert seen == [f"https://{PUBLIC_IP}/moved"]  # the redirect target was never requested


def test_allow_private_lets_the_service_fetch_internal_urls(archive_copy, make_client):
    transport = readout_transport()
    c = make_client(archive_copy, token=TOKEN, allow_private=True, client=httpx.Client(transport=transport))
    r = c.post("/api/ingest/url", json={"url": "http://10.0.0.5/india.txt"}, headers=AUTH)
    assert r.status_code == 200 and len(transport.seen) == 1


def test_size_limit_and_timeout_come_from_config(archive_copy, make_client, monkeypatch):
    from kaidan import config

    monkeypatch.setattr(config, "MAX_BYTES", 50)
    c = make_client(archive_copy, token=TOKEN, client=httpx.Client(transport=readout_transport()),
                    resolver=fake_resolver())
    r = c.post("/api/ingest/url", json={"url": "https://readouts.example/big.txt"}, headers=AUTH)
    assert r.json()["status"] == "failed" and r.json()["error"]["code"] == "K103"
    monkeypatch.setattr(config, "MAX_BYTES", 20 * 1024 * 1024)
    monkeypatch.setattr(config, "FETCH_TIMEOUT", 1.5)
    timeouts = []

    def slow(request):
        timeouts.append(request.extensions.get("timeout"))
        raise httpx.ReadTimeout("too slow", request=request)

    c = make_client(archive_copy, token=TOKEN, client=httpx.Client(transport=httpx.MockTransport(slow)),
                    resolver=fake_resolver())
    r = c.post("/api/ingest/url", json={"url": "https://readouts.example/slow.txt"}, headers=AUTH)
    assert r.json()["status"] == "failed" and r.json()["error"]["code"] == "K106"
    assert "1.5 s" in r.json()["error"]["message"]
    assert timeouts and timeouts[0]["read"] == 1.5
