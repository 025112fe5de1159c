"""One JSON error shape for every kind of error, built by one function."""
from __future__ import annotations

import pytest

from kaidan.service import errors


@pytest.fixture
def app_client(small_archive, make_client):
    c = make_client(small_archive, token="secret-token")

    @c.app.get("/api/boom", include_in_schema=False)
    def boom():  # an unexpected failure
        raise RuntimeError("kaboom")

    return c


CASES = [
    # (what, method, path, kwargs, status, code)
    ("KaidanError subclass (NotFound)", "get", "/api/events/1999-01-01-XX", {}, 404, "K601"),
    ("KaidanError subclass (URLRefused)", "post", "/api/ingest/url",
     {"json": {"url": "http://10.0.0.1/a.txt"}, "headers": {"Authorization": "Bearer secret-token"}}, 403, "K604"),
    ("KaidanError subclass (Unauthorized)", "post", "/api/ingest/url", {"json": {"url": "https://example.org/"}},
     401, "K602"),
    ("HTTPException: unknown path", "get", "/api/no-such-thing", {}, 404, "H404"),
    ("HTTPException: wrong method", "delete", "/api/events", {}, 405, "H405"),
    ("validation error: bad query parameter", "get", "/api/ledger", {"params": {"due_before": "tomorrow"}}, 422, "V422"),
    ("validation error: bad body", "post", "/api/ingest/url",
     {"json": {"link": 1}, "headers": {"Authorization": "Bearer secret-token"}}, 422, "V422"),
    ("validation error: not an http(s) URL", "post", "/api/ingest/url",
     {"json": {"url": "ftp://example.org/a.txt"}, "headers": {"Authorization": "Bearer secret-token"}}, 422, "V422"),
    ("unexpected error", "get", "/api/boom", {}, 500, "E500"),
]


def test_every_kind_of_error_has_the_one_shape(app_client):
    for what, method, path, kwargs, status, code in CASES:
        r = getattr(app_client, method)(path, **kwargs)
        assert r.status_code == status, (what, r.text)
        assert r.headers["content-type"].startswith("application/json"), what
        body = r.json()
        assert set(body) == {"error"}, what
        err = body["error"]
        assert err["code"] == code and err["status"] == status, (what, err)
        assert isinstance(err["message"], str) and err["message"] and "\n" not in err["message"], what
        assert set(err) <= {"code", "message", "status", "details"}, what
    assert "kaboom" not in app_client.get("/api/boom").text  # no internals leak
    assert app_client.post("/api/ingest/url", json={}).headers["www-authenticate"] == "Bearer"


def test_error_response_is_the_one_builder():
    r = errors.error_response("K601", "no\nsuch  event", 404)
    assert r.status_code == 404 and r.body == b'{"error":{"code":"K601","message":"no such event","status":404}}'


def test_status_of_each_error_class():
    from kaidan import errors as kerr

    assert errors.status_of(kerr.EmptyInput("x")) == 422
    assert errors.status_of(kerr.TooLarge("x")) == 413
    assert errors.status_of(kerr.FetchFailed("x")) == 502
    assert errors.status_of(errors.URLRefused("x")) == 403
    assert errors.status_of(kerr.UsageError("x")) == 400
    assert errors.status_of(kerr.StoreError("x")) == 500


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_the_page_says_every_error_in_both_languages():
    """Every code the service answers with has its own message in the page's English and Japanese labels (the
    page shows it in the reader's language, the server's English words below it)."""
    import re
    from pathlib import Path

    import kaidan.service.errors  # noqa: F401  (the service's own error classes)
    from kaidan.errors import KaidanError
    from kaidan.service import guards

    script = (Path(errors.__file__).with_name("static") / "app.js").read_text(encoding="utf-8")
    en, ja = script.split("\n    ja: {", 1)
    ja = ja.split("\n    },", 1)[0]
    codes = {c.code for c in [KaidanError, *_subclasses(KaidanError)]} | {c[5] for c in CASES}
    for module in (guards, errors):  # the codes the service writes out itself
        codes |= set(re.findall(r'"([A-Z]\d{3})"', Path(module.__file__).read_text(encoding="utf-8")))
    assert {"K102", "K105", "K604", "V422", "H400", "H405"} <= codes
    for code in sorted(codes):
        family = code[:2] + "00" if code.startswith("K") else code[0]
        for name, labels in (("en", en), ("ja", ja)):
            assert f'"err.{code}"' in labels or f'"err.{family}"' in labels, (name, code)
    for code in ("K101", "K102", "K103", "K104", "K105", "K106", "K107", "K601", "K602", "K603", "K604", "K605", "K606"):
        assert f'"err.{code}"' in ja, code  # what an analyst meets: its own words, not its family's
