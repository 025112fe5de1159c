"""Kaidan as a service: a REST API (FastAPI) and a web page over the same database.

    app.py      create_app(): the application, its settings and the pages
    api.py      read routes: events, facts, documents, ledger, conflicts, search
    ingest.py   write routes: upload a file or give a URL; the bearer token and same-site guard
    urls.py     which URLs may be fetched (http(s), public addresses only unless allowed)
    models.py   pydantic models of request and response bodies (the OpenAPI schema)
    errors.py   the one JSON error shape
    static/     index.html, app.js, style.css: the web page (plain JS, no build step, nothing fetched)

The full-text index it searches is kept by kaidan.store.search, which the pipeline feeds.
"""
