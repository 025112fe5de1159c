"""Reading the bytes of a source: a local file or an http(s) URL, within the size limit."""
from __future__ import annotations

import ipaddress
import os
import re
import stat
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from kaidan.errors import EmptyInput, FetchFailed, TooLarge

USER_AGENT = "kaidan/0.1"
SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Response:
    data: bytes
    media_type: str | None  # e.g. "text/html", without parameters
    charset: str | None  # from the Content-Type header
    url: str  # after redirects


def fetch(url: str, *, client: httpx.Client | None = None, max_bytes: int, timeout: float) -> Response:
    """GET ``url``; raise FetchFailed, TooLarge or EmptyInput.

    Reading stops as soon as the body exceeds ``max_bytes``. Without a client
    a short-lived one is made (and closed); tests pass one with a MockTransport.
    """
    check_address(url)
    own = client is None
    if own:
        client = httpx.Client()
    try:
        with client.stream("GET", url, headers={"User-Agent": USER_AGENT}, timeout=timeout,
                            follow_redirects=True) as response:
            if response.status_code >= 400:
                raise FetchFailed(
                    f"HTTP {response.status_code} {response.reason_phrase}; check the URL, or try again later"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise too_large(int(declared), max_bytes)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise too_large(None, max_bytes)
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            final_url, charset = str(response.url), response.charset_encoding
    except httpx.TimeoutException:
        raise FetchFailed(f"no answer within {timeout:g} s; try again later or raise the timeout") from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise FetchFailed(f"cannot fetch the URL ({reason}); check the address and the network") from exc
    finally:
        if own:
            client.close()
    data = b"".join(chunks)
    if not data:
        raise EmptyInput("the server sent an empty response; check the URL")
    media_type = content_type.split(";", 1)[0].strip().lower() or None
    return Response(data=data, media_type=media_type, charset=charset, url=final_url)


def check_address(url: str) -> None:
    """Raise FetchFailed, saying what is wrong, unless ``url`` is an http(s) URL with a plausible host.

    Checked before any request, so that a malformed URL is one clear line (httpx would raise InvalidURL,
    which is not one of its request errors, or call a missing host a missing protocol).
    """
    shown = url[:200]
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError as exc:
        raise FetchFailed(f"not a valid URL ({exc}); check the address (an IPv6 host is written [::1])") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchFailed(f"{scheme or 'no'}: URLs are refused, only http and https; "
                          f"download the document and ingest the file")
    if not host:
        raise FetchFailed(f"no host in the URL {shown!r}; give an address such as https://example.org/readout")
    if re.fullmatch(r"[0-9.]+", host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            raise FetchFailed(f"{host} is not a valid IPv4 address (four numbers 0-255); check the address") from None
    if any(ch.isspace() for ch in parts.netloc):
        raise FetchFailed("white space in the host name; check the address")


def read_file(path: str, *, max_bytes: int) -> bytes:
    """The bytes of a regular file; raise FetchFailed, TooLarge or EmptyInput."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise FetchFailed("is a folder; pass the files in it, or the folder to a command that expands it")
        if not stat.S_ISREG(info.st_mode):
            raise FetchFailed("not a regular file; copy the document to a file and ingest that")
        if info.st_size > max_bytes:
            raise too_large(info.st_size, max_bytes)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise FetchFailed("no such file; check the path") from None
    except PermissionError:
        raise FetchFailed("permission denied; check the file's permissions") from None
    except OSError as exc:
        raise FetchFailed(f"cannot read the file ({exc.strerror or exc}); check the path") from exc
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    if not data:
        raise EmptyInput("the file is empty; check that it was saved completely")
    return data


def too_large(size: int | None, max_bytes: int) -> TooLarge:
    """The error for input above ``max_bytes`` (config.MAX_BYTES unless ``--max-bytes`` overrides it).

    Sizes that round to the same megabytes are given in bytes, so that the message shows the difference.
    """
    if size is None:
        what = "it is"
    elif _size(size) == _size(max_bytes):
        what = f"{size:,} bytes is"
    else:
        what = f"{_size(size)} is"
    limit = f"{max_bytes:,} bytes" if size is not None and _size(size) == _size(max_bytes) else _size(max_bytes)
    return TooLarge(
        f"{what} above the size limit of {limit}; "
        "split the document, or raise the limit with --max-bytes N (config.MAX_BYTES)"
    )


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 100 * 1024 else f"{size:,} bytes"
