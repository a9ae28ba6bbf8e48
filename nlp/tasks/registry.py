"""The registry of clause strategies: each reads one way a clause asks something of someone.

A strategy is a function `(reader, clause) -> (task, request) | None`: None when the clause is
not of its kind (the next strategy is tried), else its verdict, which may be `(None, None)`
("a report, not a task") or a request whose addressees the items below inherit. The task
finder tries the strategies named in `config.cfg` in their order. Tables are read apart, by the
table readers registered below (`table_rows`: one task per row).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from theodoi.domain import BodyMention, Deadline, Task

Request = tuple[list[BodyMention], int]  # addressees of a request and where they end
Verdict = tuple[Optional[Task], Optional[Request]]
STRATEGIES: dict[str, Callable] = {}


@dataclass(frozen=True)
class Clause:
    """One clause to read: text[start:end] and what it inherits."""

    start: int  # after a label and an opening time
    end: int
    inherited: list[BodyMention]
    inherited_support: list[BodyMention]
    directive: bool  # whether the part of the document around it gives instructions
    lead_in: Deadline | None  # the time that opens it ("Cuối tháng 3 năm 2010: ...")
    timed: bool  # whether that time makes it a step of a schedule or plan


def strategy(name: str) -> Callable:
    """Register a clause strategy under `name` (the name config.cfg lists)."""
    def register(function: Callable) -> Callable:
        STRATEGIES[name] = function
        return function
    return register


def strategies(names: list[str]) -> list[Callable]:
    """The registered strategies of `names`, in that order; a clear error for an unknown name."""
    unknown = [n for n in names if n not in STRATEGIES]
    if unknown:
        raise ValueError(f"theodoi_tasks: unknown strategies {unknown}; known: {sorted(STRATEGIES)}")
    return [STRATEGIES[n] for n in names]


# Readers of table blocks: `(text, block, doc_date) -> list[Task]`, one way a table lists tasks;
# the task finder runs those named in `config.cfg` (`table_readers`) on each table of a document.
TABLE_READERS: dict[str, Callable] = {}


def table_reader(name: str) -> Callable:
    """Register a table reader under `name` (the name config.cfg lists)."""
    def register(function: Callable) -> Callable:
        TABLE_READERS[name] = function
        return function
    return register


def table_readers(names: list[str]) -> list[Callable]:
    """The registered table readers of `names`, in order; a clear error for an unknown name."""
    unknown = [n for n in names if n not in TABLE_READERS]
    if unknown:
        raise ValueError(f"theodoi_tasks: unknown table readers {unknown}; known: {sorted(TABLE_READERS)}")
    return [TABLE_READERS[n] for n in names]
