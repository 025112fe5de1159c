"""Where Kaidan keeps documents, failures and fact records: one SQLite file."""
from __future__ import annotations

from .sqlite import SCHEMA, SCHEMA_VERSION, Store

__all__ = ["SCHEMA", "SCHEMA_VERSION", "Store"]
