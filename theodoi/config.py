"""Settings, read in one place.

Every setting comes from an explicit argument, else an environment variable
`THEODOI_*`, else a default. Nothing else in the project reads `os.environ`.
`SETTINGS_HELP` documents each one (shown by `theodoi settings`).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

SETTINGS_HELP = {
    "data_dir": ("THEODOI_DATA_DIR", "./theodoi-data", "where originals, the database and the index live"),
    "database_url": ("THEODOI_DATABASE_URL", "sqlite:///<data_dir>/theodoi.db",
                     "SQLAlchemy URL; postgresql+psycopg://... for many users"),
    "index_dir": ("THEODOI_INDEX_DIR", "<data_dir>/index", "the search index directory (derived, rebuildable)"),
    "search_backend": ("THEODOI_SEARCH_BACKEND", "whoosh",
                       "search engine: whoosh (embedded), tantivy (needs the tantivy package), or postgres "
                       "(one index shared by several app servers); run `theodoi reindex` after a change"),
    "search_database_url": ("THEODOI_SEARCH_DATABASE_URL", "<database_url>",
                            "PostgreSQL URL of the postgres search backend's index (schema theodoi_search)"),
    "whoosh_document_limit": ("THEODOI_WHOOSH_DOCUMENT_LIMIT", "10000",
                              "`theodoi doctor` advises tantivy or postgres past this many documents on Whoosh"),
    "ocr_mode": ("THEODOI_OCR_MODE", "auto", "auto (OCR pages without text), force, or off"),
    "ocr_languages": ("THEODOI_OCR_LANGUAGES", "vie", "Tesseract languages"),
    "max_file_mb": ("THEODOI_MAX_FILE_MB", "200", "larger files are refused with too_large"),
    "max_pages": ("THEODOI_MAX_PAGES", "2000", "PDFs with more pages are refused with too_large"),
    "ingest_workers": ("THEODOI_INGEST_WORKERS", "0", "processes reading files beside the one storing them (0 = one per core but one)"),
    "file_timeout": ("THEODOI_FILE_TIMEOUT", "300", "seconds one file may take to read and extract, else it fails with timeout (0 = no limit)"),
    "reader_memory_mb": ("THEODOI_READER_MEMORY_MB", "2000",
                         "MB a reader may grow while reading one file, else it fails with too_much_memory (0 = no limit)"),
    "queue_url": ("THEODOI_QUEUE_URL", "", "Redis URL of the job queue for `theodoi worker` on many machines "
                  "(e.g. redis://127.0.0.1:6379/0); empty: everything in one process, no Redis"),
    "queue_namespace": ("THEODOI_QUEUE_NAMESPACE", "theodoi", "prefix of the queue's keys in Redis"),
    "queue_heartbeat": ("THEODOI_QUEUE_HEARTBEAT", "60", "seconds without a heartbeat after which a worker counts "
                        "as dead and its jobs go to another worker"),
    "secret_key": ("THEODOI_SECRET_KEY", "<data_dir>/secret_key, created at first start", "Flask session signing key"),
    "anonymous_read": ("THEODOI_ANONYMOUS_READ", "1",
                       "1: people who have not logged in may search and read (never update); 0: every page needs a login"),
    "login_rate_limit": ("THEODOI_LOGIN_RATE_LIMIT", "5 per minute",
                         "login attempts allowed from one address (Flask-Limiter notation)"),
    "rate_limit_storage": ("THEODOI_RATE_LIMIT_STORAGE", "memory://",
                           "where login attempts are counted; redis://host:6379 when several server processes run"),
    "secure_cookies": ("THEODOI_SECURE_COOKIES", "0", "1: session cookies only over HTTPS (set it behind TLS)"),
    "track_kinds": ("THEODOI_TRACK_KINDS", "",
                    "document kinds tracked without being marked, comma-separated (empty: any kind, when track_since is set)"),
    "track_since": ("THEODOI_TRACK_SINCE", "",
                    "documents issued on or after this day (YYYY-MM-DD) of the kinds above are tracked; empty: only marked ones"),
}

SEARCH_BACKENDS = ("whoosh", "tantivy", "postgres")


def _flag(name: str, raw: str) -> bool:
    if raw.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if raw.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be 1 or 0, not {raw!r}")


def _day(name: str, raw: str) -> dt.date | None:
    if not raw.strip():
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{name} must be a day written YYYY-MM-DD, not {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Build with `Settings.load(...)`; derive with `.with_(...)`."""

    data_dir: Path
    database_url: str
    index_dir: Path
    search_backend: str = "whoosh"
    search_database_url: str | None = None
    whoosh_document_limit: int = 10_000
    ocr_mode: str = "auto"
    ocr_languages: str = "vie"
    max_file_mb: int = 200
    max_pages: int = 2000
    ingest_workers: int = 0
    file_timeout: float = 300
    reader_memory_mb: float = 2000
    queue_url: str = ""
    queue_namespace: str = "theodoi"
    queue_heartbeat: float = 60
    secret_key: str | None = None
    anonymous_read: bool = True
    login_rate_limit: str = "5 per minute"
    rate_limit_storage: str = "memory://"
    secure_cookies: bool = False
    track_kinds: tuple[str, ...] = ()
    track_since: dt.date | None = None
    extra: dict = field(default_factory=dict)

    @property
    def originals_dir(self) -> Path:
        """Content-addressed copies of ingested files."""
        return self.data_dir / "originals"

    @property
    def secret_key_file(self) -> Path:
        """Where the web app's session key is kept when THEODOI_SECRET_KEY is not set."""
        return self.data_dir / "secret_key"

    @property
    def evidence_dir(self) -> Path:
        """Files officers attach to status updates."""
        return self.data_dir / "evidence"

    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None, **overrides) -> "Settings":
        """Resolve settings from arguments, then `THEODOI_*` variables, then defaults."""
        env = os.environ
        root = Path(data_dir or env.get("THEODOI_DATA_DIR") or "./theodoi-data").resolve()
        values = {
            "data_dir": root,
            "database_url": env.get("THEODOI_DATABASE_URL") or f"sqlite:///{root / 'theodoi.db'}",
            "index_dir": Path(env.get("THEODOI_INDEX_DIR") or root / "index"),
            "search_backend": env.get("THEODOI_SEARCH_BACKEND", "whoosh"),
            "search_database_url": env.get("THEODOI_SEARCH_DATABASE_URL"),
            "whoosh_document_limit": int(env.get("THEODOI_WHOOSH_DOCUMENT_LIMIT", "10000")),
            "ocr_mode": env.get("THEODOI_OCR_MODE", "auto"),
            "ocr_languages": env.get("THEODOI_OCR_LANGUAGES", "vie"),
            "max_file_mb": int(env.get("THEODOI_MAX_FILE_MB", "200")),
            "max_pages": int(env.get("THEODOI_MAX_PAGES", "2000")),
            "ingest_workers": int(env.get("THEODOI_INGEST_WORKERS", "0")),
            "file_timeout": float(env.get("THEODOI_FILE_TIMEOUT", "300")),
            "reader_memory_mb": float(env.get("THEODOI_READER_MEMORY_MB", "2000")),
            "queue_url": env.get("THEODOI_QUEUE_URL", ""),
            "queue_namespace": env.get("THEODOI_QUEUE_NAMESPACE", "theodoi"),
            "queue_heartbeat": float(env.get("THEODOI_QUEUE_HEARTBEAT", "60")),
            "secret_key": env.get("THEODOI_SECRET_KEY"),
            "anonymous_read": _flag("THEODOI_ANONYMOUS_READ", env.get("THEODOI_ANONYMOUS_READ", "1")),
            "login_rate_limit": env.get("THEODOI_LOGIN_RATE_LIMIT", "5 per minute"),
            "rate_limit_storage": env.get("THEODOI_RATE_LIMIT_STORAGE", "memory://"),
            "secure_cookies": _flag("THEODOI_SECURE_COOKIES", env.get("THEODOI_SECURE_COOKIES", "0")),
            "track_kinds": tuple(k.strip() for k in env.get("THEODOI_TRACK_KINDS", "").split(",") if k.strip()),
            "track_since": _day("THEODOI_TRACK_SINCE", env.get("THEODOI_TRACK_SINCE", "")),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values["ocr_mode"] not in ("auto", "force", "off"):
            raise ValueError(f"THEODOI_OCR_MODE must be auto, force or off, not {values['ocr_mode']!r}")
        if values["search_backend"] not in SEARCH_BACKENDS:
            raise ValueError(f"THEODOI_SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}, "
                             f"not {values['search_backend']!r}")
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        """A copy with some settings changed."""
        return replace(self, **changes)
