"""Uploading files (the văn thư, an admin): each file is saved in a temporary folder and read
through the ingest pipeline (theodoi.pipeline.ingest_paths), which keeps the original; the
page shows each file's outcome. The files that could not be read are listed with their
reasons, and a kept original can be read again ("Đọc lại")."""
from __future__ import annotations

import tempfile
from pathlib import Path, PurePosixPath

from flask import Blueprint, abort, render_template, request
from werkzeug.datastructures import FileStorage

from theodoi.pipeline import FileOutcome, IngestReport, ingest_paths
from theodoi.store import repo
from theodoi.store.claims import path_failures
from theodoi.tracking.access import can_upload
from theodoi.web.auth import current_actor, require_login
from theodoi.web.resources import data_file, db, settings, store

bp = Blueprint("upload", __name__, url_prefix="/upload")
REFUSED = "Chỉ văn thư hoặc quản trị viên được tải văn bản lên."
OUTCOME_LABELS = {"added": "Đã thêm", "unchanged": "Đã có, không đổi", "failed": "Không đọc được"}
MAX_NAME = 200


@bp.app_context_processor
def _helpers():
    return {"may_upload": lambda: can_upload(current_actor()), "failure_reason": reason}


def safe_name(filename: str | None) -> str:
    """The last part of a browser's file name, kept in Unicode (Vietnamese names stay readable),
    never a hidden name or a path; cut to MAX_NAME characters keeping the extension."""
    name = PurePosixPath((filename or "").replace("\\", "/").replace("\x00", "")).name.strip()
    if not name or name in (".", ".."):
        name = "tep-tai-len"
    if name.startswith("."):
        name = "_" + name
    if len(name) > MAX_NAME:
        suffix = PurePosixPath(name).suffix[:20]
        name = name[:MAX_NAME - len(suffix)] + suffix
    return name


def _require_uploader():
    who = require_login()
    if not can_upload(who):
        abort(403, REFUSED)
    return who


def _failed_lists():
    session = db()
    return repo.failed_files(session), path_failures(session)


def reason(message: str | None, path: str, name: str) -> str:
    """A failure message naming the file as it was uploaded, not by the server path it was read at."""
    return (message or "").replace(path, name)


def _shown(outcome: FileOutcome, name: str) -> dict:
    """An outcome for the page, the file under its uploaded `name`."""
    return {"name": name, "status": outcome.status, "label": OUTCOME_LABELS[outcome.status],
            "document_id": outcome.document_id, "error_code": outcome.error_code,
            "message": reason(outcome.message, str(outcome.path), name)}


def _ingest_uploads(files: list[FileStorage]) -> tuple[list[dict], IngestReport]:
    """Save each upload in its own temporary folder (two files may share a name) and ingest them."""
    with tempfile.TemporaryDirectory(prefix="theodoi-upload-") as tmp:
        folder = Path(tmp)
        paths = []
        for number, upload in enumerate(files):
            path = folder / str(number) / safe_name(upload.filename)
            path.parent.mkdir()
            upload.save(path)
            paths.append(path)
        db().close()  # the pipeline writes in its own sessions: this request's holds nothing meanwhile
        report = ingest_paths(paths, settings(), files=paths, store=store())
        return [_shown(outcome, outcome.path.name) for outcome in report.outcomes], report


@bp.get("")
def form():
    """The upload form, and the files that could not be read."""
    _require_uploader()
    failed, paths = _failed_lists()
    return render_template("upload/form.html", failed=failed, path_failures=paths, error=None)


@bp.post("")
def receive():
    """Ingest the uploaded files and show each one's outcome."""
    _require_uploader()
    files = [f for f in request.files.getlist("files") if f.filename]
    if not files:
        failed, paths = _failed_lists()
        return render_template("upload/form.html", failed=failed, path_failures=paths,
                               error="Chưa chọn tệp nào để tải lên."), 400
    results, report = _ingest_uploads(files)
    return render_template("upload/result.html", results=results, report=report, retried=False)


@bp.post("/failed/<int:file_id>/retry")
def retry(file_id: int):
    """Read a failed file again from its kept original."""
    _require_uploader()
    stored = repo.get_file(db(), file_id)
    if stored is None or stored.status != "failed":
        abort(404)
    original, name = data_file(stored.stored_path), stored.original_name
    db().close()
    report = ingest_paths([original], settings(), files=[original], store=store())
    results = [_shown(outcome, name) for outcome in report.outcomes]  # the kept copy is named by its hash
    return render_template("upload/result.html", results=results, report=report, retried=True)


@bp.app_errorhandler(413)
def _too_large(_error):
    limit = request.max_content_length or 0
    return render_template("upload/too_large.html", limit_mb=limit / (1024 * 1024)), 413
