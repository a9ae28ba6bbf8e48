"""Who is reading which file: claims that make concurrent ingests safe, and reclaiming the
files a killed run left "processing".

A run claims a file with a compare-and-set UPDATE (only one of several racing processes, on
one machine or many, changes the row) and stores the document only while it still holds the
claim. A claim names its run as host:pid:start-time/thread; a claim whose process is gone (same host)
or older than STALE_CLAIM (another host) is abandoned, and the next run reclaims it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import threading
from functools import lru_cache
from typing import Sequence

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from theodoi.store.models import Document, PathFailure, StoredFile, utc_now

STALE_CLAIM = dt.timedelta(hours=6)  # a claim from another machine older than this is abandoned


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), so a reused pid is told apart."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return ""


@lru_cache(maxsize=None)
def _claimant_for(pid: int) -> str:
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


def claimant() -> str:
    """This run as a claimant: host:pid:start-time/thread (threads of one worker process are
    separate runs; the process's liveness decides whether their claims are abandoned)."""
    return f"{_claimant_for(os.getpid())}/{threading.get_ident()}"


def is_abandoned(claimed_by: str | None, claimed_at: dt.datetime | None) -> bool:
    """True when the run that claimed a file is gone: no claimant (an older version), its process
    is not running on this host any more, or (another host) the claim is older than STALE_CLAIM."""
    if not claimed_by:
        return True
    host, _, rest = claimed_by.split("/", 1)[0].partition(":")
    pid, _, started = rest.partition(":")
    if host != socket.gethostname():
        return claimed_at is None or utc_now() - claimed_at > STALE_CLAIM
    return not pid.isdigit() or _start_time(int(pid)) != started


def _take(session: Session, stored: StoredFile, me: str) -> bool:
    """Compare-and-set: mark the file "processing" by `me` if nobody changed it since it was read."""
    result = session.execute(
        update(StoredFile)
        .where(StoredFile.id == stored.id, StoredFile.status == stored.status,
               StoredFile.claimed_by.is_(None) if stored.claimed_by is None else StoredFile.claimed_by == stored.claimed_by)
        .values(status="processing", claimed_by=me, claimed_at=utc_now(), updated_at=utc_now())
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def claim(session: Session, *, sha256: str, new_file: dict) -> tuple[str, StoredFile | None]:
    """Claim the file with this hash for this process. Returns ("claimed", row) when this run is to
    read it, ("done", row) when it is stored already, ("busy", row) when another live run is
    reading it. `new_file` holds the columns of a row to insert when the hash is new. Commits."""
    me = claimant()
    for _ in range(3):  # a racing insert of the same hash: read again
        stored = session.scalar(select(StoredFile).where(StoredFile.sha256 == sha256))
        if stored is None:
            stored = StoredFile(sha256=sha256, status="processing", claimed_by=me, claimed_at=utc_now(), **new_file)
            session.add(stored)
            try:
                session.commit()
                return "claimed", stored
            except IntegrityError:
                session.rollback()
                continue
        if stored.status == "done":
            return "done", stored
        has_document = session.scalar(select(Document.id).where(Document.file_id == stored.id)) is not None
        if has_document:  # failed or processing with its document stored (a race before claims): heal it
            session.execute(update(StoredFile).where(StoredFile.id == stored.id).values(
                status="done", error_code=None, error_message=None, claimed_by=None))
            session.commit()
            return "done", stored
        if stored.status == "processing" and not is_abandoned(stored.claimed_by, stored.claimed_at):
            return "busy", stored
        if _take(session, stored, me):
            session.commit()
            session.refresh(stored)
            return "claimed", stored
        session.rollback()
    return "busy", stored


def hold(session: Session, file_id: int) -> bool:
    """In the transaction that stores the document: True (and the row locked until the commit)
    when this process still holds the file's claim and no document is stored for it."""
    result = session.execute(
        update(StoredFile).where(StoredFile.id == file_id, StoredFile.status == "processing",
                                 StoredFile.claimed_by == claimant())
        .values(claimed_at=utc_now()).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return False
    return session.scalar(select(Document.id).where(Document.file_id == file_id)) is None


def release(session: Session, file_id: int, code: str, message: str) -> bool:
    """Record a failure on a file this process holds; False when the claim was lost."""
    result = session.execute(
        update(StoredFile).where(StoredFile.id == file_id, StoredFile.status == "processing",
                                 StoredFile.claimed_by == claimant())
        .values(status="failed", error_code=code, error_message=message, claimed_by=None, updated_at=utc_now())
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def interrupt_abandoned(session: Session, *, mine: bool = False) -> int:
    """Mark failed ("interrupted") the files left "processing" by runs that are gone, or with
    `mine` those this process still holds (it is stopping). Returns how many."""
    rows = session.scalars(select(StoredFile).where(StoredFile.status == "processing")).all()
    me, count = claimant(), 0
    for row in rows:
        if (row.claimed_by == me) if mine else (row.claimed_by != me and is_abandoned(row.claimed_by, row.claimed_at)):
            result = session.execute(
                update(StoredFile).where(StoredFile.id == row.id, StoredFile.status == "processing",
                                         and_(StoredFile.claimed_by == row.claimed_by) if row.claimed_by
                                         else StoredFile.claimed_by.is_(None))
                .values(status="failed", error_code="interrupted", claimed_by=None, updated_at=utc_now(),
                        error_message=f"{row.source_path}: the ingest reading it stopped before the end "
                                      f"({row.claimed_by or 'an older run'}); ingest it again")
                .execution_options(synchronize_session=False))
            count += result.rowcount
    return count


# --------------------------------------------------------------------------- path failures
def _path_key(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()


def record_path_failure(session: Session, path: str, code: str, message: str) -> None:
    """Remember (or update) a path that could not be read; `path` as displayed. Commits."""
    key = _path_key(path)
    for _ in range(2):  # another run may record the same path at the same moment
        row = session.scalar(select(PathFailure).where(PathFailure.path_key == key))
        if row is None:
            session.add(PathFailure(path_key=key, path=path, error_code=code, error_message=message))
        else:
            row.error_code, row.error_message, row.updated_at = code, message, utc_now()
        try:
            session.commit()
            return
        except IntegrityError:
            session.rollback()


def forget_path_failure(session: Session, path: str) -> None:
    """The path was read: it is no longer a failure."""
    session.execute(delete(PathFailure).where(PathFailure.path_key == _path_key(path)))


def path_failures(session: Session) -> Sequence[PathFailure]:
    """Paths that could not be read, newest first."""
    return session.scalars(select(PathFailure).order_by(PathFailure.updated_at.desc())).all()


def stuck_files(session: Session) -> tuple[int, int]:
    """(files and paths that could not be read, files left "processing" by a run that is gone)."""
    failed = session.scalar(select(func.count()).select_from(StoredFile).where(StoredFile.status == "failed"))
    failed += session.scalar(select(func.count()).select_from(PathFailure))
    abandoned = sum(1 for row in session.execute(select(StoredFile.claimed_by, StoredFile.claimed_at)
                                                 .where(StoredFile.status == "processing"))
                    if is_abandoned(row.claimed_by, row.claimed_at))
    return failed, abandoned
