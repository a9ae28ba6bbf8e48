"""`theodoi user add/list/disable/enable/token`: the accounts of the web app and API."""
from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.table import Table

from theodoi.config import Settings

out = Console()
err = Console(stderr=True)


def _store(ctx: click.Context):
    from theodoi.store.db import Store

    return Store(Settings.load(ctx.obj.get("data_dir")))


@click.group()
def user() -> None:
    """Accounts of the web app: viewer, officer (of agencies), secretary, admin."""


@user.command("add")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(["viewer", "officer", "secretary", "admin"]))
@click.option("--agency", "agencies", multiple=True,
              help="An agency an officer acts for (repeat for several); any spelling the gazetteer knows.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@click.pass_context
def add(ctx: click.Context, username: str, role: str, agencies: tuple[str, ...], password_stdin: bool) -> None:
    """Create an account; the password is asked for twice (or read with --password-stdin)."""
    from theodoi.tracking.accounts import AccountError, add_account

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        account = add_account(_store(ctx), username=username, password=password, role=role, agencies=agencies)
    except AccountError as error:
        raise click.ClickException(str(error))
    err.print(f"user {account.username}: {account.role}"
              + (f", {'; '.join(account.agencies)}" if account.agencies else ""), highlight=False)


@user.command("list")
@click.pass_context
def list_accounts(ctx: click.Context) -> None:
    """List the accounts with their role, agencies and state."""
    from theodoi.store import repo

    store = _store(ctx)
    with store.transaction() as session:
        table = Table("username", "role", "agencies", "active", "created")
        for account in repo.list_users(session):
            table.add_row(account.username, account.role, "; ".join(account.agencies),
                          "yes" if account.active else "no", f"{account.created_at:%Y-%m-%d}")
    out.print(table)


@user.command("disable")
@click.argument("username")
@click.pass_context
def disable(ctx: click.Context, username: str) -> None:
    """Disable an account: it can no longer log in (its history stays)."""
    _set_active(ctx, username, False)


@user.command("enable")
@click.argument("username")
@click.pass_context
def enable(ctx: click.Context, username: str) -> None:
    """Enable a disabled account again."""
    _set_active(ctx, username, True)


@user.command("token")
@click.argument("username")
@click.option("--name", default="", help="What the token is for (a script's name).")
@click.pass_context
def token(ctx: click.Context, username: str, name: str) -> None:
    """Make an API token acting as USERNAME; it is printed once (only its hash is kept)."""
    from theodoi.tracking.accounts import AccountError, new_api_token

    try:
        value = new_api_token(_store(ctx), username, name)
    except AccountError as error:
        raise click.ClickException(str(error))
    sys.stdout.write(value + "\n")


def _set_active(ctx: click.Context, username: str, active: bool) -> None:
    from theodoi.tracking.accounts import AccountError, set_active

    try:
        set_active(_store(ctx), username, active)
    except AccountError as error:
        raise click.ClickException(str(error))
    err.print(f"user {username}: {'enabled' if active else 'disabled'}", highlight=False)


def demo_accounts(settings: Settings) -> None:
    """In the demo every document is tracked, and an admin account is made (its password
    printed once) so the pages that need a login can be tried."""
    import secrets

    from theodoi.store import repo
    from theodoi.store.db import Store
    from theodoi.tracking.accounts import add_account
    from theodoi.tracking.tracked import set_tracked

    store = Store(settings)
    with store.transaction() as session:
        for document_id in repo.document_ids(session):
            set_tracked(session, document_id, user_id=None, tracked=True)
    password = secrets.token_urlsafe(9)
    add_account(store, username="quantri", password=password, role="admin")
    err.print(f"demo: every document tracked; log in as quantri with password {password}", highlight=False)
