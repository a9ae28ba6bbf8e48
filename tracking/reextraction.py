"""A stored document read again by a newer extractor, without losing what people recorded.

Officers' status changes, corrections, report evidence and figures reached are recorded on
stored tasks and targets; they are not extraction output. So a new reading is matched onto the
stored rows instead of replacing them: a stored task takes the new reading of the same task
(same numbering and similar wording, or very similar wording) and keeps its id and its
history; a new task is added; a stored task the new reading no longer finds is removed only
when nothing was recorded on it, otherwise it stays as it was. A task people removed or merged
(tracking.task_list) takes the new reading of itself and stays withdrawn; a task they added stays.
People's corrections are then written back over the new reading (the latest of each field). Targets are matched the same way. The
document's own citations are pure extraction output and are read anew (follow-up resolves them
again).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.domain import Extraction, ParsedDocument
from theodoi.store import repo
from theodoi.store.models import Correction, Document, Target, Task
from theodoi.tracking.corrections import reapply_corrections
from theodoi.tracking.labels import normalize_label
from theodoi.tracking.wording import overlap

SAME_LABEL_WORDING = 0.5  # wording overlap for a task under the same numbering
SAME_WORDING = 0.8  # wording overlap that is the same task wherever it stands

Row = TypeVar("Row")


@dataclass
class Reconciled:
    """What a new reading changed: rows updated in place, added, removed, and kept with history."""

    updated: int = 0
    added: int = 0
    removed: int = 0
    kept: int = 0

    def __iadd__(self, other: "Reconciled") -> "Reconciled":
        self.updated += other.updated
        self.added += other.added
        self.removed += other.removed
        self.kept += other.kept
        return self


def _pairs(stored: Sequence[Row], found: Sequence, score: Callable[[Row, object], float]) -> dict[int, Row]:
    """Best one-to-one pairs (index in `found` → stored row), highest score first."""
    scored = sorted(((score(row, new), i, j) for i, new in enumerate(found) for j, row in enumerate(stored)),
                    reverse=True)
    paired: dict[int, Row] = {}
    taken: set[int] = set()
    for value, i, j in scored:
        if value <= 0:
            break
        if i not in paired and j not in taken:
            paired[i] = stored[j]
            taken.add(j)
    return paired


def _task_scorer(session: Session, document: Document) -> Callable[[Task, object], float]:
    """The score of a stored task against a new finding, on the task's wording as the extractor
    read it (before people's text corrections: a merged task's text holds two findings)."""
    as_read: dict[int, str] = {}
    for correction in session.scalars(select(Correction).where(Correction.document_id == document.id,
                                                               Correction.field == "text")
                                      .order_by(Correction.id)):
        as_read.setdefault(correction.task_id, correction.old_value or "")
    return lambda task, found: _task_score(task, found, as_read.get(task.id, task.text))


def _task_score(task: Task, found, text: str) -> float:
    wording = overlap(text, found.text)
    same_label = task.label is not None and normalize_label(task.label) == normalize_label(found.label)
    if same_label and wording >= SAME_LABEL_WORDING:
        return 1 + wording
    return wording if wording >= SAME_WORDING else 0.0


def _target_score(target: Target, found) -> float:
    if target.value != found.value or target.unit != found.unit:
        return 0.0
    wording = overlap(target.indicator, found.indicator)
    return wording if wording >= SAME_LABEL_WORDING else 0.0


def _has_history(task: Task, session: Session) -> bool:
    """Events, corrections or plan tasks placed under it: what people or reports recorded on it."""
    if task.events:
        return True
    if session.scalar(select(Correction.id).where(Correction.task_id == task.id).limit(1)) is not None:
        return True
    return session.scalar(select(Task.id).where(Task.parent_task_id == task.id).limit(1)) is not None


def _reconcile(rows: list, found: Sequence, score, has_history: Callable[[object], bool],
               new_row: Callable[[int, object], object], update_row: Callable[[object, int, object], None],
               withdrawn: Sequence = ()) -> Reconciled:
    """Match `found` (a new reading) onto the stored `rows` (a document's relationship list, changed
    in place): pairs are updated, new items added, unpaired rows removed unless they have history.
    An item paired with a `withdrawn` row (a task people removed or merged) updates it and is not
    added."""
    result = Reconciled()
    paired = _pairs([*rows, *withdrawn], found, score)
    matched = {id(row) for row in paired.values()}
    for row in list(rows):
        if id(row) in matched:
            continue
        if has_history(row):
            result.kept += 1
        else:
            rows.remove(row)
            result.removed += 1
    for i, item in enumerate(found):
        row = paired.get(i)
        if row is None:
            rows.append(new_row(i, item))
            result.added += 1
        else:
            update_row(row, i, item)
            result.updated += 1
    return result


def _update_task(task: Task, ordinal: int, found) -> None:
    repo.set_task_fields(task, found)
    task.ordinal = ordinal


def apply_new_reading(session: Session, document: Document, parsed: ParsedDocument,
                      extraction: Extraction) -> Reconciled:
    """Write a new reading of `document` into the store, keeping every recorded event."""
    repo.fill_header(document, parsed)
    withdrawn = list(session.scalars(select(Task).where(Task.document_id == document.id,
                                                        Task.removed_at.is_not(None))))
    result = _reconcile(document.tasks, extraction.tasks, _task_scorer(session, document),
                        lambda task: _has_history(task, session), repo.new_task, _update_task, withdrawn)
    result += _reconcile(document.targets, extraction.targets, _target_score, lambda target: bool(target.progress),
                         lambda _, found: repo.new_target(found),
                         lambda target, _, found: repo.set_target_fields(target, found))
    repo.set_target_parents(document, extraction)
    document.citations.clear()
    session.flush()
    document.citations.extend(repo.new_citation(found) for found in extraction.citations)
    session.flush()
    reapply_corrections(session, document)
    document.index_state = "pending"
    session.flush()
    return result
