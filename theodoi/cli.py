"""The `theodoi` command line: ingest, watch, extract, search, tasks, task update, links, report, serve,
demo, reindex, reextract, doctor; user lives in cli_users.py, worker, backup and restore in cli_ops.py."""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import signal
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from theodoi.cli_users import demo_accounts, user
from theodoi.config import Settings

err = Console(stderr=True)
out = Console()


def _settings(ctx: click.Context) -> Settings:
    return Settings.load(ctx.obj.get("data_dir"))


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")


def _plain(snippet_html: str) -> str:
    """A highlighted HTML snippet as plain text, matches in [brackets]."""
    marked = snippet_html.replace("<mark>", "[").replace("</mark>", "]")
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")


@click.group()
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Data directory (else THEODOI_DATA_DIR, else ./theodoi-data).")
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """theodoi: who must do what by when, in Vietnamese Party and State documents."""
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir


@main.command()
@click.argument("paths", nargs=-1, required=False, type=click.Path())
@click.option("--failed", "show_failed", is_flag=True, help="List the files that could not be read, and stop.")
@click.option("--workers", type=int, help="Processes reading files beside the one storing them "
              "(else THEODOI_INGEST_WORKERS; 0 = one per core but one).")
@click.option("--queue", "to_queue", is_flag=True, help="Put the files on the job queue (THEODOI_QUEUE_URL) "
              "for `theodoi worker` processes instead of reading them here.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], show_failed: bool, workers: int | None,
           to_queue: bool) -> None:
    """Read files and folders into the data directory (PDF, DOCX, DOC, HTML, TXT, images).
    Files already stored are skipped, so an interrupted run resumes when started again."""
    from theodoi.pipeline import ingest_paths
    from theodoi.walk import display_name, walk

    settings = _settings(ctx)
    if workers is not None:
        settings = settings.with_(ingest_workers=workers)
    if show_failed:
        _list_failed(settings)
        return
    if not paths:
        raise click.UsageError("name at least one file or folder")
    if to_queue:
        from theodoi.cli_ops import enqueue

        enqueue(paths, settings)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind: files held are marked interrupted
    files = list(walk(paths))
    with Progress(TextColumn("[bold]Đọc văn bản"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, transient=True) as progress:
        bar = progress.add_task("", total=len(files))

        def on_file(outcome):
            if outcome.status == "failed":
                progress.console.print(f"[red]error[/red] {outcome.error_code}: {escape(outcome.message)}",
                                       highlight=False, soft_wrap=True)
            progress.update(bar, advance=1, description=escape(display_name(outcome.path.name)))

        report = ingest_paths(paths, settings, on_file=on_file, files=files)
    copies = f", {report.count('copy')} copies of stored documents" if report.count("copy") else ""
    err.print(f"{report.count('added')} added, {report.count('unchanged')} unchanged, "
              f"{report.count('failed')} failed{copies} ({settings.data_dir})", highlight=False)
    if report.index_error:
        err.print(f"[yellow]search index not updated[/yellow] ({report.index_error}); "
                  "run `theodoi reindex`", highlight=False)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--interval", type=float, default=2.0, show_default=True, help="Seconds between two looks at the folder.")
@click.option("--once", is_flag=True, help="Ingest what the folder holds now, and stop.")
@click.pass_context
def watch(ctx: click.Context, folder: str, interval: float, once: bool) -> None:
    """Ingest the files that appear in FOLDER (an e-office system's or a scanner's inbox), once
    each, with the outcomes of `ingest`; runs until stopped (Ctrl-C, SIGTERM). Restarting it
    ingests only what is new."""
    import signal

    from theodoi.watch import watch as watch_folder

    settings = _settings(ctx)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))

    def on_file(outcome):
        if outcome.status == "failed":
            out.print(f"error {outcome.error_code}: {escape(outcome.message or '')}", highlight=False, soft_wrap=True)
        else:
            out.print(f"{outcome.status} {escape(str(outcome.path))}"
                      + (f" (document {outcome.document_id})" if outcome.document_id else ""),
                      highlight=False, soft_wrap=True)
        sys.stdout.flush()

    if not once:
        err.print(f"watching {folder} every {interval:g} s ({settings.data_dir}); Ctrl-C stops", highlight=False)
    try:
        watch_folder(Path(folder), settings, interval=interval, once=once, on_file=on_file,
                     should_stop=lambda: bool(stopping))
    except KeyboardInterrupt:
        pass


def _list_failed(settings: Settings) -> None:
    from theodoi.store import repo
    from theodoi.store.claims import path_failures
    from theodoi.store.db import Store

    store = Store(settings)
    with store.session() as session:
        rows = [*repo.failed_files(session), *path_failures(session)]
        for row in rows:
            out.print(f"{row.error_code}\t{escape(row.error_message or '')}", highlight=False, soft_wrap=True)
    if not rows:
        err.print("no failed files")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the extraction JSON (eval/SCHEMA.md).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write DIR/<file stem>.json per file.")
def extract(files: tuple[str, ...], as_json: bool, out_dir: str | None) -> None:
    """Extract header, tasks, targets and citations from files, without storing them."""
    from theodoi.domain import IngestError
    from theodoi.ingest import parse_file
    from theodoi.nlp import extract_many
    from theodoi.nlp.schema_json import to_schema

    settings = Settings.load()
    if out_dir:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    read, failures = [], 0
    for name in files:
        path = Path(name)
        try:
            read.append((path, parse_file(path, settings)))
        except IngestError as error:
            err.print(f"[red]error[/red] {error.code}: {error}", highlight=False, soft_wrap=True)
            failures += 1
    results = []
    for (path, parsed), extraction in zip(read, extract_many(parsed for _, parsed in read)):
        data = to_schema(parsed, extraction)
        if out_dir:
            (Path(out_dir) / f"{path.stem}.json").write_text(
                json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        else:
            results.append(data)
    if results and as_json:
        _print_json(results[0] if len(results) == 1 else results)
    elif results:
        for name, data in zip((str(p) for p, _ in read), results):
            doc = data["document"]
            out.print(f"{name}: {doc['kind'] or '?'} {doc['number'] or ''} — {len(data['tasks'])} tasks, "
                      f"{len(data['targets'])} targets, {len(data['references'])} references", highlight=False)
    if failures:
        sys.exit(1)


@main.command()
@click.argument("query", nargs=-1, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--limit", default=10, show_default=True, help="How many results.")
@click.option("--kind", help="Only this kind of document (Nghị quyết, Chỉ thị, ...).")
@click.option("--year", type=int, help="Only documents issued this year.")
@click.option("--tasks", "over_tasks", is_flag=True, help="Search tasks instead of documents.")
@click.option("--agency", help="Only tasks (or documents with tasks) of this body, lead or support.")
@click.option("--status", "statuses", multiple=True, help="Only tasks in this status (repeat for several).")
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], as_json: bool, limit: int,
           kind: str | None, year: int | None, over_tasks: bool, agency: str | None,
           statuses: tuple[str, ...]) -> None:
    """Search documents (with or without diacritics, symbols such as 15-NQ/TU), or with
    --tasks the tasks ("tiem chung" --tasks --agency "Sở Y tế" --status open)."""
    from theodoi.search import open_index
    from theodoi.store import repo
    from theodoi.store.db import Store

    settings = _settings(ctx)
    filters = {k: v for k, v in {"kind": kind, "year": year, "agency": agency,
                                 "status": list(statuses)}.items() if v}
    if over_tasks:
        _search_tasks(settings, " ".join(query), filters, limit, as_json)
        return
    results = open_index(settings).search(" ".join(query), filters=filters, limit=limit)
    store = Store(settings)
    with store.session() as session:
        documents = repo.get_documents(session, [hit.id for hit in results.hits])
        rows = []
        for hit in results.hits:
            document = documents.get(hit.id)
            if document is None:
                continue
            rows.append({"id": document.id, "number": document.number, "kind": document.kind,
                         "title": document.title, "date": document.date.isoformat() if document.date else None,
                         "issuer": document.issuer, "file_name": document.file.original_name,
                         "score": round(hit.score, 3), "snippet": _plain(hit.snippet)})
    if as_json:
        _print_json(rows)
        return
    # Text from documents goes through rich.markup.escape: "[số]" would otherwise be read as a style tag.
    if results.suggestion:
        out.print(f"Có phải bạn muốn tìm: [bold]{escape(results.suggestion)}[/bold]", highlight=False)
    out.print(f"{results.total} kết quả", highlight=False)
    for row in rows:
        line = (f"{row['number'] or ''} {row['kind'] or ''} {row['date'] or ''} "
                f"— {row['title'] or row['file_name']}\n    {row['snippet']}")
        out.print(f"[bold]#{row['id']}[/bold] {escape(line)}", highlight=False, soft_wrap=True)


def _search_tasks(settings: Settings, query: str, filters: dict, limit: int, as_json: bool) -> None:
    from theodoi.search import open_index
    from theodoi.store import repo
    from theodoi.store.db import Store

    results = open_index(settings).search_tasks(query, filters=filters, limit=limit)
    store = Store(settings)
    with store.session() as session:
        documents = repo.get_documents(session, {hit.document_id for hit in results.hits})
        rows = []
        for hit in results.hits:
            task, document = repo.get_task(session, hit.id), documents.get(hit.document_id)
            if task is None or document is None:
                continue
            rows.append({"id": task.id, "document_id": document.id, "number": document.number,
                         "lead": [b.text for b in task.bodies if b.role == "lead"],
                         "due": task.due.isoformat() if task.due else None,
                         "status": task.events[-1].status if task.events else "open",
                         "score": round(hit.score, 3), "snippet": _plain(hit.snippet)})
    if as_json:
        _print_json(rows)
        return
    out.print(f"{results.total} nhiệm vụ", highlight=False)
    for row in rows:
        line = (f"{row['number'] or '#' + str(row['document_id'])} — {', '.join(row['lead']) or '?'} — "
                f"{row['due'] or 'không hạn'} — {row['status']}\n    {row['snippet']}")
        out.print(f"[bold]#{row['id']}[/bold] {escape(line)}", highlight=False, soft_wrap=True)


STATUS_CHOICES = ["open", "in_progress", "done", "done_late", "cancelled", "superseded", "overdue"]


@main.command()
@click.option("--agency", help="Only tasks led or supported by this body (as typed; abbreviations work).")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUS_CHOICES),
              help="Only tasks in this status (repeat for several).")
@click.option("--due-before", help="Only tasks due on or before this date (YYYY-MM-DD).")
@click.option("--as-of", help="Compute overdue as of this date (default today).")
@click.option("--document", "document_id", type=int, help="Only the tasks of this document (its id).")
@click.option("--json", "as_json", is_flag=True, help="Print the tasks as JSON.")
@click.pass_context
def tasks(ctx: click.Context, agency: str | None, statuses: tuple[str, ...], due_before: str | None,
          as_of: str | None, document_id: int | None, as_json: bool) -> None:
    """List the stored tasks with document, lead, deadline, status and evidence."""
    from theodoi.store.db import Store
    from theodoi.tracking.export import task_record
    from theodoi.tracking.tasks import list_tasks

    store = Store(_settings(ctx))
    with store.session() as session:
        views = list_tasks(session, agency=agency, status=statuses[0] if len(statuses) == 1 else None,
                           as_of=_iso_date(as_of), due_before=_iso_date(due_before), document_id=document_id)
        if len(statuses) > 1:
            views = [v for v in views if v.state.display in statuses or v.state.recorded in statuses]
        records = [task_record(view) for view in views]
    if as_json:
        _print_json(records)
        return
    table = Table("ID", "Văn bản", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái", "Bằng chứng", show_lines=True)
    for r in records:
        latest = r["evidence"][-1] if r["evidence"] else None
        evidence = ""
        if latest:
            source = latest["user"] if latest["source"] == "manual" else (latest["document_number"] or "báo cáo")
            evidence = f"{latest['at'][:10]} {source}: {(latest['passage'] or latest['note'] or '')[:100]}"
        status = r["status"] + (f" ({r['overdue_days']} ngày)" if r["overdue_days"] else "")
        table.add_row(str(r["id"]), r["document"]["number"] or f"#{r['document']['id']}", r["text"][:160],
                      ", ".join(r["lead"]), r["deadline"]["due"] or r["deadline"]["kind"] if r["deadline"] else "",
                      status, evidence)
    out.print(table)
    err.print(f"{len(records)} nhiệm vụ")


@main.group()
def task() -> None:
    """Work on one task (officers' updates)."""


@task.command("update")
@click.argument("task_id", type=int)
@click.option("--status", required=True, type=click.Choice(["open", "in_progress", "done", "done_late",
                                                            "cancelled", "superseded"]))
@click.option("--user", required=True, help="Who makes the update.")
@click.option("--note", help="What was done, or why.")
@click.option("--evidence", type=click.Path(exists=True, dir_okay=False), help="A file to keep as evidence.")
@click.pass_context
def task_update(ctx: click.Context, task_id: int, status: str, user: str, note: str | None,
                evidence: str | None) -> None:
    """Record an officer's status change of task TASK_ID (appended to its history)."""
    from theodoi.store.db import Store
    from theodoi.tracking.updates import UpdateError, update_status

    settings = _settings(ctx)
    try:
        event = update_status(Store(settings), task_id, status=status, user=user, note=note,
                              evidence_file=Path(evidence) if evidence else None, settings=settings)
    except UpdateError as error:
        raise click.ClickException(str(error))
    err.print(f"task {task_id}: {event.status} by {event.user} at {event.created_at:%Y-%m-%d %H:%M}"
              + (f", evidence {event.evidence_path}" if event.evidence_path else ""), highlight=False)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON.")
@click.option("--unresolved", is_flag=True, help="Only citations whose document is not stored yet.")
@click.option("--relink", is_flag=True, help="Resolve every citation again first (and read reports again).")
@click.pass_context
def links(ctx: click.Context, as_json: bool, unresolved: bool, relink: bool) -> None:
    """List the links between documents: who implements, reports on, urges, ... what."""
    from theodoi.store.db import Store
    from theodoi.tracking.followup import relink as relink_all
    from theodoi.tracking.links import document_links

    store = Store(_settings(ctx))
    if relink:
        with store.transaction() as session:
            done = relink_all(session)
        err.print(f"relinked: {done.links} links, {done.child_tasks} plan tasks placed, {done.events} status events, "
                  f"{done.figures} figures", highlight=False)
    with store.session() as session:
        records = document_links(session)
    if unresolved:
        records = [r for r in records if not r["to"]["resolved"]]
    if as_json:
        _print_json(records)
        return
    table = Table("Từ văn bản", "Quan hệ", "Đến văn bản", show_lines=False)
    for r in records:
        source, target = r["from"], r["to"]
        name = f"#{target['id']} {target['number']}" if target["resolved"] else f"[dim]{target['number']} (chưa có)[/dim]"
        via = f" (qua {r['via']})" if r.get("via") else ""
        table.add_row(f"#{source['id']} {source['number'] or source['file_name']}", r["relation"],
                      f"{name} {target['number'] is None and target['file_name'] or ''}{target['date'] or ''}{via}")
    out.print(table)
    err.print(f"{len(records)} liên kết, {sum(1 for r in records if r['to']['resolved'])} đã xác định văn bản")


@main.command()
@click.option("--agency", help="The body whose tasks are reported (as typed; abbreviations work).")
@click.option("--as-of", help="Compute statuses as of this date (default today).")
@click.option("--xlsx", "xlsx_path", required=True, type=click.Path(dir_okay=False), help="The Excel file to write.")
@click.pass_context
def report(ctx: click.Context, agency: str | None, as_of: str | None, xlsx_path: str) -> None:
    """Write the follow-up table (task, document, deadline, status, evidence) to an Excel file."""
    from theodoi.store.db import Store
    from theodoi.tracking.report import write_report

    store = Store(_settings(ctx))
    with store.session() as session:
        count = write_report(session, Path(xlsx_path), agency=agency, as_of=_iso_date(as_of))
    err.print(f"{count} nhiệm vụ → {xlsx_path}", highlight=False)


@main.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the search index from the database (into a new folder, swapped in when done)."""
    from theodoi.search import rebuild
    from theodoi.store.db import Store

    settings = _settings(ctx)
    count = rebuild(Store(settings), settings)
    err.print(f"{count} documents indexed")


@main.command()
@click.option("--all", "everything", is_flag=True, help="Read every stored document again.")
@click.option("--older", "older", is_flag=True, default=True,
              help="Read again only documents an older extractor read (the default).")
@click.pass_context
def reextract(ctx: click.Context, everything: bool, older: bool) -> None:
    """Read stored documents again after an upgrade, keeping every status change, report evidence
    and figure recorded on their tasks and targets."""
    from theodoi.reextract import reextract as run

    with Progress(TextColumn("[bold]Đọc lại văn bản"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        bar = progress.add_task("", total=None)
        report = run(_settings(ctx), everything=everything,
                     on_document=lambda done, total: progress.update(bar, completed=done, total=total))
    changes = report.changes
    err.print(f"{report.documents} documents read again by extractor {report.version}: tasks and targets "
              f"{changes.updated} updated, {changes.added} added, {changes.removed} removed, "
              f"{changes.kept} kept for their recorded history", highlight=False, soft_wrap=True)
    for document_id, reason in report.failed:
        err.print(f"[red]error[/red] document {document_id}: {escape(reason)}", highlight=False, soft_wrap=True)
    if report.failed:
        sys.exit(1)


@main.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Check the search index against the database (documents missing from the index or no
    longer stored, stuck "index pending", an index built by another version) and the files
    (failed, or left half-read). Exits 1 when anything needs care. Also advises another search
    engine when the collection has outgrown Whoosh (see search/doctor.py)."""
    from theodoi.search import open_index
    from theodoi.search.doctor import check
    from theodoi.store.db import Store

    settings = _settings(ctx)
    health = check(Store(settings), open_index(settings), whoosh_limit=settings.whoosh_document_limit)
    out.print(f"{health.stored} documents stored, {health.indexed} indexed", highlight=False)
    for label, ids in (("stored but not in the index", health.missing_from_index),
                       ("in the index but not stored", health.not_in_store),
                       ("waiting as index pending", health.pending)):
        if ids:
            shown = ", ".join(str(i) for i in ids[:20]) + (" …" if len(ids) > 20 else "")
            out.print(f"{len(ids)} {label}: {shown}", highlight=False)
    if health.version_mismatch:
        out.print(f"index version {health.index_version} differs from the code's {health.code_version}",
                  highlight=False)
    if health.outgrown:
        err.print(f"advice: {health.outgrown}", highlight=False)
    from theodoi.cli_ops import check_store

    store_ok = check_store(Store(settings))
    if not health.healthy:
        err.print("run `theodoi reindex` to rebuild the index from the database")
    else:
        out.print("index in step with the database", highlight=False)
    if not (health.healthy and store_ok):
        sys.exit(1)


def _serve(settings: Settings, host: str, port: int) -> None:
    """Serve the web app with waitress (a production WSGI server, several threads). A data
    directory that is missing or unreadable, or a port already taken, is one line and exit 2."""
    import errno
    import os

    import waitress

    from theodoi.web import create_app

    data_dir = settings.data_dir
    if not data_dir.is_dir():
        _refuse(f"thư mục dữ liệu không có / no data directory at {data_dir}: "
                "run `theodoi ingest PATH` first, or name one with --data-dir")
    if not os.access(data_dir, os.R_OK | os.X_OK):
        _refuse(f"không đọc được thư mục dữ liệu / cannot read the data directory {data_dir}")
    try:
        server = waitress.create_server(create_app(settings), host=host, port=port, threads=8)
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        _refuse(f"cổng {port} đang được dùng / port {port} on {host} is already in use: "
                f"choose another with --port, e.g. --port {port + 1}")
    err.print(f"theodoi: http://{host}:{port}/ ({data_dir})", highlight=False)
    server.run()


def _refuse(message: str) -> None:
    """One line on standard error and exit code 2, no traceback."""
    err.print(f"theodoi: {escape(message)}", highlight=False, soft_wrap=True)
    sys.exit(2)


@main.command("settings")
@click.pass_context
def show_settings(ctx: click.Context) -> None:
    """Show each setting, the variable that sets it, and its value here."""
    from theodoi.config import SETTINGS_HELP

    settings = _settings(ctx)
    for name, (variable, default, meaning) in SETTINGS_HELP.items():
        value = "(set)" if name == "secret_key" and settings.secret_key else getattr(settings, name)
        out.print(f"{variable:<24} {value}\n    {meaning} (default {default})", highlight=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the web app (search, documents, task board)."""
    _serve(_settings(ctx), host, port)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Build the demo data directory and stop.")
@click.pass_context
def demo(ctx: click.Context, host: str, port: int, no_serve: bool) -> None:
    """Build a fresh data directory from the bundled corpus and serve it."""
    import shutil

    from theodoi.pipeline import ingest_paths

    settings = Settings.load(ctx.obj.get("data_dir") or "./theodoi-demo")
    corpus = Path(__file__).resolve().parent.parent / "corpora" / "demo"
    if not corpus.is_dir():
        raise click.ClickException(f"the demo corpus is not at {corpus} (run from a clone of the repository)")
    if settings.data_dir.exists():
        shutil.rmtree(settings.data_dir)
    report = ingest_paths([corpus], settings)
    err.print(f"demo: {report.count('added')} documents in {settings.data_dir}", highlight=False)
    for outcome in report.failed:
        err.print(f"[red]error[/red] {outcome.error_code}: {escape(outcome.message)}", highlight=False)
    demo_accounts(settings)
    if not no_serve:
        _serve(settings, host, port)


main.add_command(user)
from theodoi.cli_ops import backup_command, restore_command, worker  # noqa: E402  (they use the helpers above)

for command in (worker, backup_command, restore_command):
    main.add_command(command)

if __name__ == "__main__":
    main()
