"""The extractor's version: the package version and a hash of everything that decides what
the pipeline finds (its config, word lists, gazetteer and code). A stored document records
the version that read it, so `theodoi reextract --older` knows what an upgrade changed."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

NLP_DIR = Path(__file__).parent


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """"<package version>+<first 12 hex digits of the hash of the nlp layer's files>"."""
    digest = hashlib.sha256()
    for path in sorted(NLP_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".cfg", ".jsonl", ".json", ".txt"}:
            digest.update(path.relative_to(NLP_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    try:
        package = version("theodoi")
    except PackageNotFoundError:  # running from a source tree that was never installed
        package = "0+unknown"
    return f"{package}+{digest.hexdigest()[:12]}"
