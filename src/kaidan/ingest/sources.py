"""Where documents come from: local paths and http(s) URLs."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

# A URL scheme such as "https:" or "file:"; two letters at least, so that a
# Windows drive ("C:") stays a path.
_SCHEME = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]+):")

# What a folder walk takes (case-insensitive): plain text, HTML pages and PDFs. Other files in a folder
# (a README.md, gold .json records, images) are skipped unless ``all_files`` is set; a file named on its
# own is always taken.
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".pdf")


def url_scheme(source: str) -> str | None:
    """The lower-case scheme when ``source`` looks like a URL and is not an existing path."""
    match = _SCHEME.match(source)
    if match is None or Path(source).exists():
        return None
    return match.group(1).lower()


def iter_sources(args: Iterable[str], *, all_files: bool = False,
                 skipped: list[str] | None = None) -> Iterator[str]:
    """Yield each argument, with folders expanded to the documents below them.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders (names starting with ".") and, unless ``all_files``, files whose
    suffix is not one of :data:`DOCUMENT_SUFFIXES` (appended to ``skipped``
    when given). Files named on their own, URLs and missing paths are yielded
    unchanged: what cannot be ingested fails later with a reason.
    """
    for arg in args:
        if url_scheme(arg) is None and os.path.isdir(arg):
            yield from _walk(arg, all_files, skipped)
        else:
            yield arg


def is_document_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES


def _walk(folder: str, all_files: bool, skipped: list[str] | None) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if all_files or is_document_name(name):
                yield os.path.join(root, name)
            elif skipped is not None:
                skipped.append(os.path.join(root, name))
