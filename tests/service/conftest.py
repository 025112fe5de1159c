"""Databases and clients for the service tests.

``archive`` is built once per session from the seed documents in ../shared/corpus/seeds (when present)
and the small documents of ``docs.py`` (always), through ``pipeline.ingest`` like the CLI; tests that
write copy it first (``archive_copy``).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import build_archive


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Path:
    """A database of the seeds (when present) and our own documents; read it only."""
    return build_archive(tmp_path_factory.mktemp("archive") / "kaidan.db")


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory) -> Path:
    """A database of our own four documents only."""
    return build_archive(tmp_path_factory.mktemp("small") / "kaidan.db", with_seeds=False)


@pytest.fixture
def archive_copy(archive, tmp_path) -> Path:
    dest = tmp_path / "kaidan.db"
    shutil.copy(archive, dest)
    for suffix in ("-wal", "-shm"):
        if Path(str(archive) + suffix).exists():
            shutil.copy(str(archive) + suffix, str(dest) + suffix)
    return dest


@pytest.fixture
def client(archive):
    from fastapi.testclient import TestClient

    from kaidan.service.app import create_app

    with TestClient(create_app(archive), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def make_client():
    """A TestClient over an app made with create_app(**kwargs); server errors come back as 500 responses."""
    from fastapi.testclient import TestClient

    from kaidan.service.app import create_app

    opened = []

    def make(db, **kwargs):
        c = TestClient(create_app(db, **kwargs), raise_server_exceptions=False, base_url="http://127.0.0.1")
        c.__enter__()
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.__exit__(None, None, None)
