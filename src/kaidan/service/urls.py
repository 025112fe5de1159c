"""Which URLs the service fetches: http(s) only, and only public addresses unless configured otherwise.

The host is resolved (``socket.getaddrinfo``, injectable) and *every* address it resolves to is checked
before anything is sent: loopback, private, link-local (169.254.x.x, where cloud metadata lives),
carrier-grade NAT, multicast, reserved and unspecified addresses are refused, also when written as an
IPv4-mapped IPv6 address. The same check runs on every redirect, so a public URL cannot bounce the fetch
to an internal one; and the request is sent to the address that was checked (:class:`PinnedTransport`), so
a name that resolves to a public address for the check and to an internal one a moment later (DNS
rebinding) cannot slip through.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from kaidan.errors import FetchFailed
from kaidan.ingest.read import check_address

from .errors import URLRefused

Resolver = Callable[..., list]
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return _blocked(ip.ipv4_mapped)
        if ip in NAT64:
            return _blocked(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global)


def addresses(host: str, port: int, resolve: Resolver) -> list[str]:
    """The addresses a host name stands for (the host itself when it is an address)."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchFailed(f"{host}: the host name does not resolve ({exc}); check the address") from None
    return [str(info[4][0]).split("%", 1)[0] for info in infos]


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver | None = None) -> list[str]:
    """Raise URLRefused unless ``url`` is http(s) with a host whose addresses are all public (FetchFailed when
    the host name does not resolve: nothing can be fetched from it, and nothing is); the addresses checked
    (none when private addresses are allowed: nothing is checked then)."""
    try:
        check_address(url)
    except FetchFailed as exc:
        raise URLRefused(f"{url[:200]}: {exc}") from None
    parts = urlsplit(url)
    host, port, scheme = parts.hostname, parts.port, parts.scheme.lower()
    if allow_private:
        return []
    found = addresses(host, port or (443 if scheme == "https" else 80), resolve or socket.getaddrinfo)
    if not found:
        raise FetchFailed(f"{host}: the host name resolves to no address; check the address")
    for addr in found:
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError:
            raise URLRefused(f"{host}: resolves to {addr!r}, which is not an address") from None
        if _blocked(ip):
            raise URLRefused(f"{host}: resolves to {ip}, a private, loopback, link-local or reserved address; "
                             f"such URLs are refused unless the service runs with --allow-private-urls")
    return found


class PinnedTransport(httpx.BaseTransport):
    """Checks each request's URL (redirects included) and sends it to the first address checked, with the
    host name kept in the Host header and as the TLS server name (so certificates are verified against it)."""

    def __init__(self, inner: httpx.BaseTransport, *, allow_private: bool, resolve: Resolver | None) -> None:
        self.inner, self.allow_private, self.resolve = inner, allow_private, resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        found = check_url(str(request.url), allow_private=self.allow_private, resolve=self.resolve)
        host = request.url.host
        if not found or found[0] == host:
            return self.inner.handle_request(request)
        pinned = httpx.Request(request.method, request.url.copy_with(host=found[0]), headers=request.headers,
                               stream=request.stream, extensions={**request.extensions, "sni_hostname": host})
        return self.inner.handle_request(pinned)

    def close(self) -> None:
        self.inner.close()


def guard_client(client: httpx.Client, *, allow_private: bool, resolve: Resolver | None = None) -> httpx.Client:
    """Make an httpx client check every URL it sends (redirects too) and connect to the address checked."""
    client._transport = PinnedTransport(client._transport, allow_private=allow_private, resolve=resolve)
    client._mounts = {pattern: PinnedTransport(t, allow_private=allow_private, resolve=resolve) if t else t
                      for pattern, t in client._mounts.items()}
    return client
