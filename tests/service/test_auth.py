"""Changes need the bearer token when the service has one, and `kaidan serve` beyond loopback needs one."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kaidan.cli import main
from kaidan.service.app import is_loopback

from .docs import EN_IN
from .helpers import TOKEN

UPLOAD = {"file": ("readout.txt", EN_IN.encode(), "text/plain")}


def test_without_a_token_on_loopback_changes_need_none(archive_copy, make_client):
    c = make_client(archive_copy)
    assert c.get("/api/info").json()["auth_required"] is False
    assert c.post("/api/ingest/file", files=UPLOAD).status_code == 200


def test_with_a_token_posts_need_it_and_reads_do_not(archive_copy, make_client):
    c = make_client(archive_copy, token=TOKEN)
    assert c.get("/api/info").json()["auth_required"] is True
    assert c.get("/api/events").status_code == 200
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic eDp5"}):
        r = c.post("/api/ingest/file", files=UPLOAD, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "K602", headers
    ok = c.post("/api/ingest/file", files=UPLOAD, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200


def test_changes_from_another_sites_page_are_refused(archive_copy, make_client):
    c = make_client(archive_copy)
    r = c.post("/api/ingest/file", files=UPLOAD, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "K603"
    r = c.post("/api/ingest/file", files=UPLOAD, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    same = c.post("/api/ingest/file", files=UPLOAD, headers={"Origin": "http://127.0.0.1",
                                                             "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "kaidan.example"])
def test_serve_beyond_loopback_refuses_to_start_without_a_token(host, tmp_path, monkeypatch):
    monkeypatch.delenv("KAIDAN_TOKEN", raising=False)
    started = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: started.append(k))
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "k.db"), "--host", host])
    assert r.exit_code == 1 and "--token" in r.output and started == []


def test_serve_starts_with_a_token_from_the_option_or_the_environment(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr("uvicorn.run", lambda app, **k: started.append((app.state.token, k["host"], k["port"])))
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "k.db"), "--host", "0.0.0.0", "--token", "abc"])
    assert r.exit_code == 0, r.output
    monkeypatch.setenv("KAIDAN_TOKEN", "from-env")
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "k.db"), "--host", "0.0.0.0", "--port", "9001"])
    assert r.exit_code == 0, r.output
    monkeypatch.delenv("KAIDAN_TOKEN")
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "k.db")])  # loopback: no token needed
    assert r.exit_code == 0, r.output
    assert started == [("abc", "0.0.0.0", 8000), ("from-env", "0.0.0.0", 9001), (None, "127.0.0.1", 8000)]


def test_allow_private_urls_option_reaches_the_app(tmp_path, monkeypatch):
    apps = []
    monkeypatch.setattr("uvicorn.run", lambda app, **k: apps.append(app))
    CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "k.db"), "--allow-private-urls"])
    assert apps[0].state.allow_private is True


def test_loopback_hosts():
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.org"))
