"""Accounts of the web app: created and disabled from the command line, checked at login.

Passwords are kept as salted hashes (werkzeug's scrypt); the agencies of an officer are
read through the gazetteer and stored under their canonical names, so "Sở TT&TT" and
"so thong tin va truyen thong" are the same assignment.
"""
from __future__ import annotations

import hashlib
import secrets
from typing import Iterable

from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from theodoi.nlp.agencies import resolve
from theodoi.store import repo
from theodoi.store.db import Store
from theodoi.store.models import User
from theodoi.tracking.access import ROLES, Actor

MIN_PASSWORD = 8
# checked against when the username is unknown, so a wrong name costs as long as a wrong password
_DUMMY_HASH = generate_password_hash("theodoi-no-such-user")


class AccountError(ValueError):
    """An account that cannot be created or changed, with the reason."""


def add_account(store: Store, *, username: str, password: str, role: str,
                agencies: Iterable[str] = ()) -> User:
    """Create an account; an officer needs at least one agency the gazetteer knows."""
    username = username.strip()
    agencies = [a for a in agencies if a.strip()]
    if not username:
        raise AccountError("the username is empty")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; one of: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    if role == "officer" and not agencies:
        raise AccountError("an officer needs at least one agency (--agency)")
    resolved = []
    for agency in agencies:
        name = resolve(agency)
        if name is None:
            raise AccountError(f"unknown agency {agency!r}: not in the gazetteer (nlp/patterns/agencies.jsonl)")
        resolved.append(name)
    with store.transaction() as session:
        if repo.user_by_name(session, username) is not None:
            raise AccountError(f"the username {username!r} is taken")
        return repo.add_user(session, username=username, password_hash=generate_password_hash(password),
                             role=role, agencies=resolved)


def set_active(store: Store, username: str, active: bool) -> User:
    """Disable (or enable again) an account; a disabled account cannot log in."""
    with store.transaction() as session:
        user = repo.user_by_name(session, username)
        if user is None:
            raise AccountError(f"no account named {username!r}")
        user.active = active
        return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active account with this username and password, else None."""
    user = repo.user_by_name(session, username.strip())
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


def actor(user: User) -> Actor:
    """What the permission checks need of an account."""
    return Actor(id=user.id, username=user.username, role=user.role, agencies=tuple(user.agencies))


def token_hash(token: str) -> str:
    """What is kept of an API token: its SHA-256 (a token is random, so no salt is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_api_token(store: Store, username: str, name: str = "") -> str:
    """A new API token for an account (shown once; only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    with store.transaction() as session:
        user = repo.user_by_name(session, username)
        if user is None:
            raise AccountError(f"no account named {username!r}")
        repo.add_api_token(session, user, token_hash(token), name)
    return token


def token_account(session: Session, token: str) -> User | None:
    """The active account an API token acts for, or None."""
    return repo.user_by_token_hash(session, token_hash(token)) if token else None
