"""Where documents come from: local paths and http(s) URLs."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

# A URL scheme such as "https:" or "file:"; two letters at least, so that a
# Windows drive ("C:") stays a path.
_SCHEME = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]+):")


def url_scheme(source: str) -> str | None:
    """The lower-case scheme when ``source`` looks like a URL and is not an existing path."""
    match = _SCHEME.match(source)
    if match is None or Path(source).exists():
        return None
    return match.group(1).lower()


def iter_sources(args: Iterable[str]) -> Iterator[str]:
    """Yield each argument, with folders expanded to the files below them.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders (names starting with "."). Every other file is yielded, whatever
    its type: what cannot be ingested fails later with a reason. URLs and
    missing paths are yielded unchanged.
    """
    for arg in args:
        if url_scheme(arg) is None and os.path.isdir(arg):
            yield from _walk(arg)
        else:
            yield arg


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)
