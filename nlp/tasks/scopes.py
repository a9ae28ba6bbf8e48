"""Scopes: what the items below a heading, a request or a numbered item inherit.

A stack of `Scope`s follows the document's outline: a numbered item covers the deeper
items, a paragraph that ends with ":" the items below it, a request that opens the
document all of it. `number_item` keeps the numbering path ("II.2.b") of the items open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.domain import BodyMention, Deadline


@dataclass
class Scope:
    """Addressees that the items below an item or request inherit."""

    depth: float
    bodies: list[BodyMention] = field(default_factory=list)
    directive: bool | None = None  # None: as the part of the document around it
    support: list[BodyMention] = field(default_factory=list)
    deadline: Deadline | None = None  # "Giai đoạn 2021 - 2025:", "Cuối tháng 3:" over a list


def number_item(numbering: list[tuple[float, str]], depth: float, label: str | None) -> None:
    """Update the numbering path for an item of `depth` labelled `label`: it closes the items
    at its depth or deeper; a numbered one ("2", "b", "II", "Điều 3", "2.1") joins the path,
    a bullet ("-", "+") does not. "2.1" stands for itself and its parent "2"."""
    while numbering and numbering[-1][0] >= depth:
        numbering.pop()
    if not label or not re.match(r"[\wĐđ]", label):
        return
    if re.fullmatch(r"[IVX][ivxIVX]*", label):
        label = label.upper()  # "Ii." of a sentence-cased heading is "II"
    if "." in label:
        numbering[:] = [(d, n) for d, n in numbering if not label.startswith(n + ".")]
    numbering.append((depth, label))


def inherited(scopes: list[Scope]) -> tuple[list[BodyMention], list[BodyMention]]:
    """Lead and support of the nearest scope that names addressees."""
    for scope in reversed(scopes):
        if scope.bodies:
            return scope.bodies, scope.support
    return [], []


def is_directive(scopes: list[Scope]) -> bool:
    """Whether the part of the document at the top of `scopes` gives instructions."""
    return next((s.directive for s in reversed(scopes) if s.directive is not None), False)


def heading_deadline(scopes: list[Scope]) -> Deadline | None:
    """The time of the nearest scope that gives one ("Giai đoạn 2021 - 2025:" over a list)."""
    return next((s.deadline for s in reversed(scopes) if s.deadline is not None), None)


def open_scope(scopes: list[Scope], scope: Scope) -> None:
    """Push a scope in place of the earlier ones of its level; what the new one leaves
    open (addressees, directive or not) it keeps from the scopes it replaces."""
    while len(scopes) > 1 and scopes[-1].depth >= scope.depth:
        replaced = scopes.pop()
        if not scope.bodies and replaced.bodies:
            scope.bodies, scope.support = replaced.bodies, replaced.support
        if scope.directive is None:
            scope.directive = replaced.directive
    scopes.append(scope)
