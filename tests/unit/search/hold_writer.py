"""Hold a search index's writer lock from another program, for the lock tests:

    python hold_writer.py BACKEND WHERE SECONDS

WHERE is the index folder (whoosh, tantivy) or the index database URL (postgres, where a table
lock lets readers in and keeps writers out). Prints "ready" once the lock is held, then holds
it for SECONDS. A program of its own, not a forked copy of the test process: a fork would
share the test's open lock files (tantivy's flock), and could wait on itself for ever."""
from __future__ import annotations

import sys
import time


def live_generation(url: str) -> str:
    """The live generation of a PostgreSQL search index."""
    from sqlalchemy import create_engine, text

    from theodoi.search.postgres_backend import SCHEMA

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(f"SELECT name FROM {SCHEMA}.generations WHERE live")).scalar_one()
    finally:
        engine.dispose()


def hold(backend: str, where: str, seconds: float) -> None:
    if backend == "postgres":
        from sqlalchemy import create_engine, text

        from theodoi.search.postgres_backend import SCHEMA

        table = f"{SCHEMA}.{live_generation(where)}_documents"
        engine = create_engine(where)
        with engine.begin() as connection:
            connection.execute(text(f"LOCK TABLE {table} IN EXCLUSIVE MODE"))
            print("ready", flush=True)
            time.sleep(seconds)
        engine.dispose()
        return
    if backend == "tantivy":
        import tantivy

        from theodoi.search.tantivy_backend import DOCUMENTS_DIR

        writer = tantivy.Index.open(f"{where}/{DOCUMENTS_DIR}").writer()
    else:
        from whoosh import index as whoosh_index

        writer = whoosh_index.open_dir(where).writer()
    print("ready", flush=True)
    time.sleep(seconds)
    writer.commit()


if __name__ == "__main__":
    hold(sys.argv[1], sys.argv[2], float(sys.argv[3]))
