"""The application: ``create_app(db_path)`` gives the REST API under /api and the web page at /.

    from kaidan.service.app import create_app
    app = create_app("kaidan.db")                 # uvicorn, or fastapi.testclient.TestClient(app)

The page is one HTML file, one script and one style sheet from ``static/`` (no build step, nothing
fetched from elsewhere); the paths of its views (/events/ID, /documents/ID, /ledger, /search, /ingest)
all answer with the same HTML, in which the script draws the view. Every response carries a strict
Content-Security-Policy; the script also never inserts document text as HTML.
"""
from __future__ import annotations

import ipaddress
import logging
import re
import threading
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from kaidan import __version__, config
from kaidan.errors import UsageError
from kaidan.store import open_store

from kaidan.reconcile import archive

from . import api, errors, ingest
from ..store import search
from .guards import Guards, JSONErrorH11Protocol
from .listing import Listings
from .state import Stores
from .urls import Resolver, guard_client

log = logging.getLogger("kaidan.service")
STATIC = Path(__file__).with_name("static")
PAGES = ("/", "/events", "/events/{event_id}", "/documents", "/documents/{doc_id}", "/ledger", "/search",
         "/ingest")
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
UPLOAD_SLACK = 64 * 1024  # multipart framing around an upload of MAX_BYTES


def page_lang(accept_language: str | None) -> str:
    """'ja' when the browser prefers Japanese to English, else 'en' (from the Accept-Language header)."""
    best: dict[str, float] = {}
    for n, part in enumerate((accept_language or "").split(",")):
        lang, _, params = part.strip().partition(";")
        q = re.search(r"q=([0-9.]+)", params)
        weight = (float(q.group(1)) if q else 1.0) - n * 1e-6
        base = lang.strip().lower()[:2]
        if base in ("ja", "en") and weight > best.get(base, -1):
            best[base] = weight
    return "ja" if best.get("ja", -1) > best.get("en", -1) else "en"


def create_app(db_path: str | Path, *, token: str | None = None, allow_private: bool = False,
               client: httpx.Client | None = None, resolver: Resolver | None = None,
               allowed_hosts: tuple[str, ...] = (), private: bool = False) -> FastAPI:
    """The service over one database (created when missing).

    ``token``: POSTs need ``Authorization: Bearer <token>`` when set; with ``private`` every /api request
    does (the page asks for the token). ``allowed_hosts``: host names the service answers under besides IP
    addresses and localhost (see :mod:`.guards`). ``allow_private``: fetch URLs of
    private and loopback addresses too. ``client``: the httpx client URL ingestion fetches with (tests
    pass one with a MockTransport); ``resolver``: stands for ``socket.getaddrinfo`` in the address check.
    """
    if private and not token:
        raise UsageError("private: reads need the token, so give one (--token TOKEN or $KAIDAN_TOKEN)")
    with open_store(db_path):  # fail now on an unusable file, and bring its schema up to date
        pass
    stop = threading.Event()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        worker = threading.Thread(target=_catch_up, args=(str(db_path), stop), daemon=True, name="kaidan-catch-up")
        worker.start()
        yield
        stop.set()

    app = FastAPI(
        title="Kaidan", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Cited records of leaders' summits: events, facts with their citations, documents, the "
                    "commitment ledger, conflicts between sources, full-text search (Japanese and English) and "
                    "ingestion. Every error has the shape `{\"error\": {\"code\", \"message\", \"status\"}}`.",
    )
    app.state.db_path = str(db_path)
    app.state.token = token or None
    app.state.private = private
    app.state.allow_private = allow_private
    app.state.resolver = resolver
    app.state.client = guard_client(client, allow_private=allow_private, resolve=resolver) if client else None
    app.state.stores = Stores()
    app.state.listings = Listings()   # the ledger's threads, kept while the store's ledger is unchanged
    errors.install(app)
    app.include_router(api.router)
    app.include_router(api.reads)
    app.include_router(api.writes)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    shell = (STATIC / "index.html").read_text(encoding="utf-8")

    app.add_middleware(Guards, allowed_hosts=allowed_hosts, max_body=config.MAX_BYTES + UPLOAD_SLACK,
                       headers=HEADERS)

    def page(request: Request) -> HTMLResponse:
        lang = page_lang(request.headers.get("accept-language"))
        return HTMLResponse(shell.replace('<html lang="en">', f'<html lang="{lang}">', 1),
                            headers={"Cache-Control": "no-cache", "Vary": "Accept-Language"})

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET", "HEAD"], include_in_schema=False, response_class=HTMLResponse)
    return app


def _catch_up(db_path: str, stop: threading.Event) -> None:
    """Bring a database written by an older Kaidan up to date, in the background: place the documents that
    have facts but no event yet, then index for search the documents not indexed yet."""
    try:
        with open_store(db_path) as store:
            placed = archive.place_missing(store)
            indexed = search.index_missing(store, stop)
        if placed or indexed:
            log.info("placed %d and indexed %d older document(s)", placed, indexed)
    except Exception:  # the service goes on without them: events and search just miss those documents
        log.exception("catching up with older documents failed")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db: str | None, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          allow_private: bool = False, allowed_hosts: tuple[str, ...] = (), private: bool = False) -> None:
    """Run the service with uvicorn; beyond loopback it refuses to start without a token. It answers under IP
    addresses, localhost, the name it listens on and ``allowed_hosts``; ``private`` makes reads need the token."""
    import uvicorn

    if not is_loopback(host) and not token:
        raise UsageError(f"--host {host} listens beyond this machine: give --token TOKEN (or set $KAIDAN_TOKEN) so "
                         f"that changes need it, or listen on 127.0.0.1")
    names = (*allowed_hosts, host) if host not in ("0.0.0.0", "::", "") else tuple(allowed_hosts)
    app = create_app(config.db_path(db), token=token, allow_private=allow_private, allowed_hosts=names,
                     private=private)
    uvicorn.run(app, host=host, port=port, log_level="info", http=JSONErrorH11Protocol)
