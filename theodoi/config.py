"""Settings, read in one place.

Every setting comes from an explicit argument, else an environment variable
`THEODOI_*`, else a default. Nothing else in the project reads `os.environ`.
`SETTINGS_HELP` documents each one (shown by `theodoi settings`).
"""
from __future__ import annotations

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
    "secret_key": ("THEODOI_SECRET_KEY", "dev-<random per data dir>", "Flask session signing key"),
}

SEARCH_BACKENDS = ("whoosh", "tantivy", "postgres")


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
    secret_key: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def originals_dir(self) -> Path:
        """Content-addressed copies of ingested files."""
        return self.data_dir / "originals"

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
            "secret_key": env.get("THEODOI_SECRET_KEY"),
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
