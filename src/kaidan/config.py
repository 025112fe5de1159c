"""Settings with their defaults, one named constant each."""
from __future__ import annotations

import os
from pathlib import Path

# Largest file or HTTP response Kaidan reads, in bytes (20 MB). Readouts are a
# few hundred KB even as PDF; anything larger is almost surely not one, and
# reading stops here instead of filling memory.
MAX_BYTES = 20 * 1024 * 1024

# Seconds to wait for a server (connect, each read) before giving up on a URL.
FETCH_TIMEOUT = 20.0

# Database file used when neither --db nor $KAIDAN_DB is given (current folder).
DEFAULT_DB = "kaidan.db"

# Environment variable naming the database file (or a postgresql:// URL).
DB_ENV = "KAIDAN_DB"

# What a database named by URL starts with (a PostgreSQL database; anything else is an SQLite file).
DB_URL_SCHEMES = ("postgresql://", "postgres://")


def db_path(option: str | None) -> Path | str:
    """The database to use: the option, else $KAIDAN_DB, else ./kaidan.db; a postgresql:// URL stays a string."""
    db = option or os.environ.get(DB_ENV) or DEFAULT_DB
    return db if db.startswith(DB_URL_SCHEMES) else Path(db)

# Environment variable naming the folder where the compiled forms of the large generated patterns (the
# gazetteer's and the country names' tries, the English tokenizer's rules) are kept between processes; set
# to an empty value to keep none. Default: $XDG_CACHE_HOME/kaidan, else ~/.cache/kaidan.
PATTERN_CACHE_ENV = "KAIDAN_PATTERN_CACHE"


def pattern_cache_dir() -> Path | None:
    """The folder of the compiled-pattern cache, or None when $KAIDAN_PATTERN_CACHE is set empty."""
    env = os.environ.get(PATTERN_CACHE_ENV)
    if env is not None:
        return Path(env) if env.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kaidan"
