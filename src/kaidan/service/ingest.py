"""Write routes: ingest an uploaded file or a URL, through ``pipeline.ingest`` like the CLI does.

A document that cannot be read (empty, binary, too large, unreachable, …) is not an error of the request:
the answer is ``status: failed`` with the reason, which is also recorded in the database like
``kaidan ingest`` records it. The request itself is refused (in the one error shape) for a URL the
service will not fetch (403), an upload above the size limit (413) or a missing token (401).

Both are guarded by :func:`guard`: a request sent by another site's page (its ``Origin`` or
``Sec-Fetch-Site`` says so) is refused, and when the service has a token (it must when it listens beyond
loopback) the request needs ``Authorization: Bearer <token>``.
"""
from __future__ import annotations

import dataclasses
import hmac
import re
import tempfile
import threading
from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import urlsplit

import httpx
from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kaidan import config
from kaidan import errors as kerr
from kaidan.ingest import load
from kaidan.ingest.read import too_large
from kaidan.pipeline import ingest as run_ingest
from kaidan.records import FACT_TYPES

from . import errors as serr
from . import models
from .errors import Forbidden, Unauthorized, responses
from .state import store_of
from .urls import check_url, guard_client

bearer = HTTPBearer(auto_error=False, description="The service's token (`kaidan serve --token`); needed for changes "
                                                  "when one is set, as it must be beyond loopback")


def guard(request: Request,
          credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None) -> None:
    """Refuse changes sent from another site's page, and changes without the token when there is one."""
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise Forbidden(f"a change sent from {origin[:100]} is refused; use this service's own page or a client "
                        f"that sends no Origin header")
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        raise Forbidden("a change sent from another site's page is refused; use this service's own page")
    check_token(request, credentials, "this change")


def read_guard(request: Request) -> None:
    """Reads need the token too when the service is private (``kaidan serve --private``). The header is read
    here rather than declared, as reads of a service that is not private need none."""
    if request.app.state.private:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        given = HTTPAuthorizationCredentials(scheme=scheme, credentials=value.strip()) \
            if scheme.lower() == "bearer" else None
        check_token(request, given, "this service is private: reading")


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None, what: str) -> None:
    token = request.app.state.token
    if token is None:
        return
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise Unauthorized(f"{what} needs the service's token: send 'Authorization: Bearer <token>' "
                           "(the token given to kaidan serve --token or $KAIDAN_TOKEN)")


router = APIRouter(prefix="/api/ingest", dependencies=[Depends(guard)],
                   responses=responses(400, 401, 403, 413, 422, 500))

_UNSAFE = re.compile(r"[^\w.\-]+")
# One ingestion at a time: the extractor's Sudachi tokenizer is not to be shared between threads, and the
# database takes one writer at a time anyway.
_ONE_AT_A_TIME = threading.Lock()


def _safe_name(filename: str | None) -> str:
    name = _UNSAFE.sub("_", FilePath((filename or "").replace("\\", "/")).name).strip("._")[:120]
    return name or "upload.txt"


def _failure(store, source: str, caught: list) -> kerr.KaidanError:
    """The error that made a source fail: the one the loader raised, else the one the pipeline recorded."""
    if caught:
        return caught[0]
    row = next((f for f in store.failures() if f["source"] == source), None)
    if row is None:
        return kerr.IngestError(f"{source}: ingestion failed; see the server log")
    cls = getattr(serr, row["error"], None) or getattr(kerr, row["error"], None)
    if not (isinstance(cls, type) and issubclass(cls, kerr.KaidanError)):
        cls = kerr.ExtractionFailed
    return cls(row["message"])


def _run(store, source: str, loader) -> dict:
    """Ingest one source with the pipeline: stored, unchanged, or failed with the reason (also recorded)."""
    caught: list[kerr.KaidanError] = []
    docs = []

    def load_one(src: str):
        try:
            doc = loader(src)
        except kerr.IngestError as exc:
            caught.append(exc)
            raise
        docs.append(doc)
        return doc

    with _ONE_AT_A_TIME:
        report = run_ingest([source], store, loader=load_one)
    if report.failed or not docs:
        exc = _failure(store, source, caught)
        if isinstance(exc, serr.URLRefused):  # a redirect to an address the service does not fetch
            raise exc
        return {"status": "failed", "source": source, "error": {"code": exc.code, "message": str(exc)}}
    doc = docs[0]
    record = store.get_facts(doc.id) or {}
    stored = store.get_document(doc.id)
    return {"status": "stored" if report.stored else "unchanged", "doc_id": doc.id, "source": source,
            "title": stored.title if stored else doc.title, "lang": doc.lang,
            "events": [e["id"] for e in store.events_of_document(doc.id)],
            "facts": {t: len(record.get(t) or []) for t in FACT_TYPES}}


@router.post("/file", response_model=models.IngestResult, summary="Ingest an uploaded file",
             description="Upload one document (text, HTML or PDF; multipart field `file`, at most MAX_BYTES). It is "
                         "stored, its facts are extracted and it is placed in its events and indexed for search. "
                         "The same content again is `unchanged`; a file that cannot be read is `failed`, with the "
                         "reason. Needs the bearer token when the service has one.")
def ingest_file(request: Request, file: Annotated[UploadFile, File(description="The document: any bytes",
                                                                   json_schema_extra={"format": "binary"})]):
    limit = config.MAX_BYTES
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise too_large(None, limit)
    name = _safe_name(file.filename)
    source = f"upload:{name}"
    with tempfile.TemporaryDirectory(prefix="kaidan-upload-") as tmp:
        path = FilePath(tmp) / name
        path.write_bytes(data)

        def loader(src: str):
            try:
                return dataclasses.replace(load(str(path), max_bytes=limit), source=src)
            except kerr.IngestError as exc:
                raise type(exc)(str(exc).replace(str(path), src)) from None

        return _run(store_of(request), source, loader)


@router.post("/url", response_model=models.IngestResult, summary="Ingest a document from a URL",
             description="Fetch an http(s) URL (at most MAX_BYTES, FETCH_TIMEOUT seconds) and ingest it like an "
                         "upload (`failed` with the reason when it cannot be fetched or read). URLs whose host "
                         "resolves to a private, loopback, link-local, multicast or reserved address are refused "
                         "with 403 before anything is sent (and so is a redirect to one) unless the service runs "
                         "with --allow-private-urls. Needs the bearer token when the service has one.",
             responses=responses(502))
def ingest_url(request: Request, body: models.URLBody):
    state = request.app.state
    url = body.url.strip()
    check_url(url, allow_private=state.allow_private, resolve=state.resolver)
    client = state.client
    own = client is None
    if own:
        client = guard_client(httpx.Client(), allow_private=state.allow_private, resolve=state.resolver)

    def loader(src: str):
        try:
            return load(src, client=client, max_bytes=config.MAX_BYTES, timeout=config.FETCH_TIMEOUT)
        except httpx.InvalidURL as exc:  # not an httpx.HTTPError, so the fetcher lets it through
            raise kerr.FetchFailed(f"{src[:200]}: not a URL httpx can send ({exc}); check the address") from None

    try:
        return _run(store_of(request), url, loader)
    finally:
        if own:
            client.close()
