"""What the service shows of where a document came from: its outlet, title, date and language, never a path
of the server's disk.

A document read from a file is named by the file's name (``ja_au.txt``), an upload by ``upload:NAME`` and a
fetched page by its URL; the folders above a file stay on the server. Error messages lose the paths of the
database and of the server's working folder the same way.
"""
from __future__ import annotations

import os
import re
from pathlib import PurePath
from urllib.parse import urlsplit

_URL = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]+://")


def source_label(source: str | None) -> str:
    """A source as the service shows it: a URL or ``upload:NAME`` unchanged, a file path by its name only."""
    if not source:
        return ""
    if _URL.match(source) or source.startswith("upload:"):
        return source
    return PurePath(source.replace("\\", "/")).name or source


def outlet(meta: dict) -> str | None:
    """Who published a document: the site name of its page, else the host of its URL (None for a file)."""
    if meta.get("site"):
        return meta["site"]
    url = meta.get("url") or (meta.get("source") if _URL.match(meta.get("source") or "") else None)
    if url:
        host = (urlsplit(url).hostname or "").lower()
        return host.removeprefix("www.") or None
    return None


def source_fields(meta: dict | None) -> dict:
    """The fields every response that names a document carries: source (public form), title, outlet, site, url,
    published and lang. The title falls back to the first line of the text (documents stored before titles
    were read from text files)."""
    if not meta:
        return {}
    return {"source": source_label(meta.get("source")), "title": meta.get("title") or meta.get("heading") or None,
            "outlet": outlet(meta), "site": meta.get("site"), "url": meta.get("url"),
            "published": meta.get("published"), "lang": meta.get("lang")}


def scrub(message: str, *paths: str) -> str:
    """A message without the server's paths: each of ``paths`` (and the working folder) cut to its last part."""
    out = str(message)
    folders = {os.getcwd()}
    for p in paths:
        if p:
            out = out.replace(str(p), PurePath(str(p)).name)
            folders.add(str(PurePath(str(p)).parent))
    for folder in sorted(folders, key=len, reverse=True):
        if len(folder) > 1:
            out = out.replace(folder.rstrip("/") + "/", "")
    return out
