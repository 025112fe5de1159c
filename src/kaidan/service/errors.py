"""One JSON shape for every error the service returns, built by :func:`error_response`.

    {"error": {"code": "K601", "message": "…", "status": 404}}          (+ "details" for invalid requests)

Codes: a :class:`~kaidan.errors.KaidanError` keeps its own code (K101 empty input, K106 fetch failed, …);
the service's own errors below are K6xx; other HTTP errors (unknown path, wrong method) are ``H<status>``,
an invalid request (bad parameter or body) ``V422`` and an unexpected failure ``E500``.

    KaidanError
    ├── IngestError › FetchFailed
    │   └── URLRefused      K604  a URL the service will not fetch (scheme, private address)   403
    └── ServiceError        K600
        ├── NotFound        K601  no such event or document                                      404
        ├── Unauthorized    K602  a change without the bearer token                              401
        ├── Forbidden       K603  a change sent from another site's page                         403
        └── Invalid         K606  well formed but untrue of the data (a quote not in its text)   422
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kaidan import errors as kerr

from .public import scrub

log = logging.getLogger("kaidan.service")


class ServiceError(kerr.KaidanError):
    code = "K600"


class NotFound(ServiceError):
    code = "K601"


class Unauthorized(ServiceError):
    code = "K602"


class Forbidden(ServiceError):
    code = "K603"


class Invalid(ServiceError):
    code = "K606"


class URLRefused(kerr.FetchFailed):
    code = "K604"


# HTTP status of each kind of KaidanError: the most specific class listed wins.
STATUS = [
    (NotFound, 404), (Unauthorized, 401), (Forbidden, 403), (Invalid, 422), (URLRefused, 403),
    (kerr.TooLarge, 413), (kerr.FetchFailed, 502), (kerr.ExtractionFailed, 500), (kerr.IngestError, 422),
    (kerr.UsageError, 400), (kerr.EvalError, 400), (kerr.StoreError, 500), (kerr.DataFileError, 500),
    (kerr.KaidanError, 500),
]


class ErrorBody(BaseModel):
    code: str
    message: str
    status: int
    details: list[dict] | None = None


class ErrorResponse(BaseModel):
    """Every error the API returns."""
    error: ErrorBody


def status_of(exc: kerr.KaidanError) -> int:
    return next(status for cls, status in STATUS if isinstance(exc, cls))


def error_response(code: str, message: str, status: int, *, details: list[dict] | None = None,
                   headers: dict | None = None) -> JSONResponse:
    """The one function that builds an error response."""
    body = {"code": code, "message": " ".join(str(message).split()) or "error", "status": status}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _kaidan_error(request: Request, exc: kerr.KaidanError) -> JSONResponse:
    status = status_of(exc)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
    return error_response(exc.code, scrub(str(exc), getattr(request.app.state, "db_path", "")), status,
                          headers=headers)


def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    return error_response(getattr(exc, "code", None) or f"H{exc.status_code}", message, exc.status_code, headers=getattr(exc, "headers", None))


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
               for e in exc.errors()]
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"][1:] or first["loc"]) or "request"
    return error_response("V422", f"invalid request: {where}: {first['msg']}; see /openapi.json for the parameters",
                          422, details=details)


def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response("E500", f"internal error ({type(exc).__name__}); the server log has the details", 500)


def install(app: FastAPI) -> None:
    """Route every kind of error through :func:`error_response`."""
    app.add_exception_handler(kerr.KaidanError, _kaidan_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)


def responses(*statuses: int) -> dict:
    """OpenAPI entries for these error statuses, all in the one error shape."""
    text = {400: "Bad request", 401: "Bearer token missing or wrong",
            403: "Refused: sent from another site's page, or a URL of a private address",
            404: "No such resource", 413: "Upload above the size limit", 422: "Invalid request or unreadable document",
            500: "Internal error", 502: "The URL's host name does not resolve"}
    return {s: {"model": ErrorResponse, "description": text.get(s, "Error")} for s in statuses}
