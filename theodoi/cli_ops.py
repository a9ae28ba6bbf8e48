"""Commands for running theodoi at scale, beside cli.py: queue workers, backups, and the store
checks of `theodoi doctor` (failed and half-read files, the guarded status history)."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from theodoi.config import Settings

# The helpers of theodoi.cli are imported inside each command: cli.py imports this module at its
# end, and `python -m theodoi.cli` runs cli.py under another name.


def enqueue(paths: tuple[str, ...], settings: Settings) -> None:
    """`ingest --queue`: one job per file on the queue; paths that cannot be read, at once."""
    from theodoi.cli import _refuse, err

    from theodoi.jobs import QueueNotConfigured, enqueue_ingest

    try:
        queued, refused = enqueue_ingest(paths, settings)
    except QueueNotConfigured as error:
        _refuse(str(error))
    for outcome in refused:
        err.print(f"[red]error[/red] {outcome.error_code}: {escape(outcome.message)}", highlight=False, soft_wrap=True)
    err.print(f"{queued} files queued for `theodoi worker`, {len(refused)} failed", highlight=False)
    if refused:
        sys.exit(1)


@click.command()
@click.option("--threads", default=1, show_default=True, help="Files read at once by this worker.")
@click.pass_context
def worker(ctx: click.Context, threads: int) -> None:
    """Read files from the job queue (THEODOI_QUEUE_URL) until stopped (SIGTERM or Ctrl-C). Start
    one or more on every machine that sees the files, the database and the search index."""
    from theodoi.cli import _refuse, _settings, err

    import logging

    from theodoi.jobs import QueueNotConfigured, run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = _settings(ctx)
    err.print(f"theodoi worker: queue {settings.queue_url} ({settings.queue_namespace}), {threads} thread(s)",
              highlight=False)
    try:
        run_worker(settings, threads)
    except QueueNotConfigured as error:
        _refuse(str(error))


def check_store(store) -> bool:
    """Print the files that could not be read or were left half-read, and any sign the status
    history was changed; True when there is none."""
    from theodoi.cli import out

    from theodoi.store.audit import broken_events, missing_guards
    from theodoi.store.claims import stuck_files

    with store.session() as session:
        failed, abandoned = stuck_files(session)
        broken, unguarded = broken_events(session), missing_guards(session)
    store.dispose()
    if failed:
        out.print(f"{failed} file{'s' if failed > 1 else ''} could not be read: `theodoi ingest --failed` "
                  "lists them with the reason; ingest them again once repaired", highlight=False, soft_wrap=True)
    if abandoned:
        out.print(f"{abandoned} file{'s' if abandoned > 1 else ''} left half-read by an ingest that stopped: "
                  "the next `theodoi ingest` marks them, ingest their folder again", highlight=False, soft_wrap=True)
    if broken:
        shown = ", ".join(str(i) for i in broken[:20]) + (" …" if len(broken) > 20 else "")
        out.print(f"{len(broken)} status events changed, or with an earlier event removed, since they were "
                  f"written: {shown}", highlight=False, soft_wrap=True)
    if unguarded:
        out.print(f"the status history is not protected: trigger {', '.join(unguarded)} missing", highlight=False, soft_wrap=True)
    return not (failed or abandoned or broken or unguarded)


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@click.pass_context
def backup_command(ctx: click.Context, target: str) -> None:
    """Write the database, the kept originals and evidence files and the secret key to TARGET
    (a .tar.gz); the search index is rebuilt by `restore`."""
    from theodoi.cli import _settings, err

    from theodoi.backup import backup

    manifest = backup(_settings(ctx), Path(target))
    err.print(f"{sum(manifest['tables'].values())} rows, {manifest['files']} files → {target}", highlight=False)


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def restore_command(ctx: click.Context, source: str) -> None:
    """Restore a backup into an empty data directory (and database), then rebuild the index."""
    from theodoi.cli import _refuse, _settings, err

    from theodoi.backup import BackupError, restore

    settings = _settings(ctx)
    try:
        manifest = restore(settings, Path(source))
    except BackupError as error:
        _refuse(str(error))
    err.print(f"{sum(manifest['tables'].values())} rows, {manifest['files']} files restored, "
              f"{manifest['indexed']} documents indexed ({settings.data_dir})", highlight=False)
