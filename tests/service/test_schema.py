"""Property-based tests of the API against its own OpenAPI schema (schemathesis).

Every operation gets generated requests (with the token, so ingestion runs too); each response must be
documented, match its schema and never be a server error. URL ingestion resolves host names with a fake
resolver and fetches through a MockTransport: nothing leaves the process.

The app is made when this module is imported (schemathesis reads the schema then; its fixture-based
loader does not work with this pytest), over an empty database in a temporary folder that the
module fixture fills with our own documents before the first test and removes after the last.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from kaidan.service.app import create_app

from .helpers import TOKEN, build_archive, fake_resolver, readout_transport

MAX_EXAMPLES = int(os.environ.get("KAIDAN_SCHEMA_EXAMPLES", "30"))
FOLDER = Path(tempfile.mkdtemp(prefix="kaidan-schema-"))
APP = create_app(FOLDER / "kaidan.db", token=TOKEN, client=httpx.Client(transport=readout_transport()),
                 resolver=fake_resolver(), allowed_hosts=("testserver",))  # the host name schemathesis sends
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def documents():
    build_archive(FOLDER / "kaidan.db", with_seeds=False)
    yield
    shutil.rmtree(FOLDER, ignore_errors=True)


@schema.auth()
class Bearer:
    """The token on every request, except those where schemathesis leaves it out on purpose (then 401)."""

    def get(self, case, context):
        return TOKEN

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case):
    case.call_and_validate()
