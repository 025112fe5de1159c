"""What the service checks on every request before a route sees it (an ASGI middleware, :class:`Guards`).

* **Host.** The Host header must name this service: an IP address, ``localhost``, or a name given with
  ``allowed_hosts``. A page of another site whose name was made to resolve to 127.0.0.1 (DNS rebinding)
  sends its own name and is refused with 421 before it can read or ingest anything.
* **Body size.** A request body is counted while it is read, chunked or not: above the limit the request is
  refused with 413 at once, so a large body never sits in memory (a declared Content-Length above the limit
  is refused before a byte is read).
* **Headers.** Every response carries the security headers given (Content-Security-Policy, …).
* **HEAD.** HEAD is answered on the page and on every ``/api`` route as GET is, without the body.
* **Request line.** :class:`JSONErrorH11Protocol` gives uvicorn's own refusals (a request line or headers
  too long, malformed HTTP) the service's one JSON error shape.
"""
from __future__ import annotations

import ipaddress
import json

from fastapi import HTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

from .errors import error_response

LOOPBACK_NAMES = frozenset({"localhost"})


def host_name(host_header: str) -> str:
    """The name in a Host header, without the port and brackets, lower case."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host_header: str | None, allowed: frozenset[str]) -> bool:
    """An IP address (no DNS name can be rebound onto one), localhost, or a name allowed by configuration."""
    if not host_header:
        return False
    name = host_name(host_header)
    if name in LOOPBACK_NAMES or name in allowed or name.rstrip(".") in allowed:
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


class BodyTooLarge(HTTPException):
    code = "K103"

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is above the size limit of {limit:,} bytes (config.MAX_BYTES); "
                              f"split the document")


class Guards:
    """Host allow-list, body size counted while reading, HEAD as GET without the body."""

    def __init__(self, app, *, allowed_hosts=(), max_body: int, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
        self.allowed = frozenset(h.strip().lower().rstrip(".") for h in allowed_hosts if h.strip())
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = self._with_headers(send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        if not host_allowed(headers.get("host"), self.allowed):
            return await self._refuse(scope, send, "K605", "this service is not served under the host name "
                                      f"{headers.get('host', '')[:100]!r}; open it by its address, or start it with "
                                      "--allow-host NAME", 421)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            return await self._refuse(scope, send, "K103", f"the request body ({int(length):,} bytes) is above the "
                                      f"size limit of {self.max_body:,} bytes (config.MAX_BYTES); split the "
                                      "document", 413)
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        return await self.app(scope, self._counting(receive), send)

    def _with_headers(self, send):
        extra = self.headers

        async def sending(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers") or []}
                message = {**message, "headers": [*(message.get("headers") or []),
                                                   *((k, v) for k, v in extra if k not in present)]}
            await send(message)
        return sending

    def _counting(self, receive):
        seen = 0
        limit = self.max_body

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message
        return counted

    @staticmethod
    async def _refuse(scope, send, code: str, message: str, status: int) -> None:
        response = error_response(code, message, status)
        if scope["method"] == "HEAD":
            send = _without_body(send)
        await response({**scope, "method": "GET"}, _nothing, send)


async def _nothing():
    return {"type": "http.disconnect"}


def _without_body(send):
    async def sending(message):
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)
    return sending


class JSONErrorH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, whose refusals of malformed requests use the service's JSON error shape."""

    def send_400_response(self, msg: str) -> None:
        import h11

        body = json.dumps({"error": {"code": "H400", "message": f"{msg.strip() or 'invalid HTTP request'}: the "
                                     "request line or headers are malformed or too long", "status": 400}}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close")]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"), h11.Data(data=body),
                      h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))
        self.transport.close()
