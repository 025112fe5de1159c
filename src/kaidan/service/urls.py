"""Which URLs the service fetches: http(s) only, and only public addresses unless configured otherwise.

The host is resolved (``socket.getaddrinfo``, injectable) and *every* address it resolves to is checked
before anything is sent: loopback, private, link-local (169.254.x.x, where cloud metadata lives),
carrier-grade NAT, multicast, reserved and unspecified addresses are refused, also when written as an
IPv4-mapped IPv6 address. The same check runs on every redirect (an httpx request hook), so a public
URL cannot bounce the fetch to an internal one.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from kaidan.errors import FetchFailed

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


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver | None = None) -> None:
    """Raise URLRefused unless ``url`` is http(s) with a host whose addresses are all public (FetchFailed when
    the host name does not resolve: nothing can be fetched from it, and nothing is)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        raise URLRefused(f"{url[:200]}: not a valid URL ({exc}); give an http(s) address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise URLRefused(f"{(scheme or 'no')} scheme: only http and https URLs are fetched; "
                         f"download the document and upload the file")
    if not host:
        raise URLRefused(f"{url[:200]}: no host in the URL; give an address such as https://example.org/readout")
    if allow_private:
        return
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


def guard_client(client, *, allow_private: bool, resolve: Resolver | None = None):
    """Add the address check to an httpx client's request hooks, so that every redirect is checked too."""
    def hook(request) -> None:
        check_url(str(request.url), allow_private=allow_private, resolve=resolve)

    hooks = dict(client.event_hooks)
    hooks["request"] = [*hooks.get("request", []), hook]
    client.event_hooks = hooks
    return client
