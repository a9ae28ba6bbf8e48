"""`theodoi backup` and `theodoi restore`: one .tar.gz file holding the database (every table as
JSON lines, so a backup of SQLite restores into PostgreSQL and back), the kept originals and
evidence files, and the secret key; the search index is not kept: restore rebuilds it.

The archive holds manifest.json (format, schema revision, rows per table), db/<table>.jsonl,
files/originals/..., files/evidence/..., secret_key. A restore goes into an empty data directory
(and an empty database): the schema is built to the backup's revision, the rows inserted with
their ids, then the schema upgraded to the code's newest revision.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
from pathlib import Path

from alembic import command
from sqlalchemy import Date, DateTime, inspect, select, text, update

from theodoi.config import Settings
from theodoi.search import rebuild
from theodoi.store.db import Store, alembic_config
from theodoi.store.models import Base

FORMAT = 1
FILE_FOLDERS = ("originals", "evidence")


class BackupError(Exception):
    """A backup that cannot be made or restored, and why."""


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _revision(store: Store) -> str:
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(dt.datetime.now().timestamp()), 0o600
    archive.addfile(info, io.BytesIO(data))


def backup(settings: Settings, target: Path) -> dict:
    """Write the backup of the data directory `settings` name to `target`; returns the manifest."""
    store = Store(settings)
    manifest = {"format": FORMAT, "created_at": dt.datetime.now(dt.timezone.utc).isoformat(),
                "revision": _revision(store), "tables": {}, "files": 0}
    partial = target.with_name(target.name + ".partial")
    try:
        with tarfile.open(partial, "w:gz") as archive, store.engine.connect() as connection:
            with connection.begin():  # one snapshot of every table
                for table in Base.metadata.sorted_tables:
                    lines = [json.dumps({k: _plain(v) for k, v in row._mapping.items()}, ensure_ascii=False)
                             for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
                    _add_bytes(archive, f"db/{table.name}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
                    manifest["tables"][table.name] = len(lines)
            for folder in FILE_FOLDERS:
                root = settings.data_dir / folder
                for path in sorted(root.rglob("*")) if root.is_dir() else ():
                    if path.is_file() and not path.name.startswith("."):
                        archive.add(path, f"files/{path.relative_to(settings.data_dir).as_posix()}")
                        manifest["files"] += 1
            if settings.secret_key_file.is_file():
                _add_bytes(archive, "secret_key", settings.secret_key_file.read_bytes())
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode("utf-8"))
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
        store.dispose()
    return manifest


def _typed(table, row: dict) -> dict:
    """JSON values back to the column types (dates and times)."""
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, DateTime):
            row[column.name] = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            row[column.name] = dt.date.fromisoformat(value)
    return row


def _check_empty(settings: Settings) -> None:
    for folder in (*FILE_FOLDERS, "index"):
        if any((settings.data_dir / folder).glob("*")):
            raise BackupError(f"{settings.data_dir} is not empty ({folder}/ has files): restore into a new data directory")
    store = Store(settings, upgrade=False)
    try:
        if inspect(store.engine).get_table_names():
            raise BackupError(f"the database {store.engine.url.render_as_string()} is not empty: restore into a new one")
    finally:
        store.dispose()


def restore(settings: Settings, source: Path) -> dict:
    """Restore the backup `source` into the empty data directory (and database) of `settings`,
    then rebuild the search index; returns the manifest."""
    with tarfile.open(source, "r:gz") as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{source}: backup format {manifest.get('format')!r}, this version reads {FORMAT}")
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        _check_empty(settings)
        store = Store(settings, upgrade=False)
        try:
            config = alembic_config(store.engine.url.render_as_string(hide_password=False))
            with store.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, manifest["revision"])
                for table in Base.metadata.sorted_tables:
                    if table.name not in manifest["tables"]:
                        continue
                    raw = archive.extractfile(f"db/{table.name}.jsonl").read().decode("utf-8")
                    rows = [_typed(table, json.loads(line)) for line in raw.splitlines() if line]
                    _insert(connection, table, rows)
            with store.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        finally:
            store.dispose()
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith("files/"):
                relative = Path(member.name).relative_to("files")
                if ".." in relative.parts or relative.parts[0] not in FILE_FOLDERS:
                    raise BackupError(f"{source}: unexpected member {member.name}")
                target = settings.data_dir / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())
            elif member.name == "secret_key":
                settings.secret_key_file.write_bytes(archive.extractfile(member).read())
                settings.secret_key_file.chmod(0o600)
    store = Store(settings)
    try:
        manifest["indexed"] = rebuild(store, settings)
    finally:
        store.dispose()
    return manifest


def _insert(connection, table, rows: list[dict]) -> None:
    """Insert rows with their ids; a column referring to its own table is filled in afterwards
    (a parent row may come later), and PostgreSQL's id sequences are moved past the ids."""
    if not rows:
        return
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    later = [(row["id"], {name: row[name] for name in own}) for row in rows if any(row[name] for name in own)]
    for start in range(0, len(rows), 500):
        connection.execute(table.insert(), [{**row, **{name: None for name in own}} for row in rows[start:start + 500]])
    for row_id, values in later:
        connection.execute(update(table).where(table.c.id == row_id).values(**values))
    if connection.dialect.name == "postgresql" and "id" in table.c:
        connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"(SELECT max(id) FROM {table.name}))"))
