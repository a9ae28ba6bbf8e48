"""The numbering of a directive's items, and the references a report or plan makes to it.

nlp labels each task with its numbering path: "1", "2.a", "II.1.a", "Điều 3.2". A report
names a task by that numbering in many ways: "(nhiệm vụ 3)", "nội dung 1 của Chỉ thị",
"Về nhiệm vụ số 2", "điểm b khoản 1", "khoản 1 mục III", "nhiệm vụ 1 mục II",
"khoản 2 Điều 3", "nội dung 3 và nội dung 4", "nhiệm vụ 3, 4 và 5". `referenced_labels`
reads them into labels in the same form ("1.b", "iii.1", "ii.1", "điều3.2", "3", "4").
"""
from __future__ import annotations

import re

# a unit of numbering and the level it stands at: a point is inside a clause, a clause
# (task, content) inside a section or an article
_UNITS = {"điểm": 0, "khoản": 1, "nhiệm vụ": 1, "nội dung": 1, "mục": 2, "phần": 3, "điều": 3}
_UNIT = r"(?P<unit>nhiệm vụ|nội dung|điểm|khoản|mục|phần|điều)"
_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*(?:\.?[a-zđ])?|[IVX]{1,4}|[a-zđ])(?![\w/])"
_MENTION = re.compile(rf"\b{_UNIT}\s+(?:số\s+)?(?P<label>{_NUMBER})", re.I)
# "nhiệm vụ 3, 4 và 5": more numbers of the same unit, each ending the list or followed by another
_MORE = re.compile(rf"^(?:\s*,\s*|\s+và\s+)(?:số\s+)?(?P<label>{_NUMBER})"
                   rf"(?=\s*[,);:.]|\s+và\b|\s*$|\s+(?:(?:tại|của|thuộc)\s+)?(?:khoản|mục|phần|điều)\b)", re.I)
# "khoản 1 mục III", "điểm b khoản 1 Chỉ thị", "khoản 2 tại Điều 3": the unit the numbers sit in
_WITHIN = re.compile(rf"^\s*(?:,\s*)?(?:(?:tại|của|thuộc)\s+)?{_UNIT}\s+(?:số\s+)?(?P<label>{_NUMBER})", re.I)
_SECTION = re.compile(r"^(?:[ivx]+|điều\d+)\.")  # a Roman section or an article ahead of the item


def normalize_label(label: str | None) -> str | None:
    """A task label compared loosely: "2.a)" / "2a" / "2. a" → "2.a"; "III.1." → "iii.1";
    "Điều 3" → "điều3"."""
    if not label:
        return None
    key = re.sub(r"[\s)]+", "", label.lower()).strip(".")
    return re.sub(r"(?<=\d)(?=[a-zđ]$)", ".", key)


def _mention_label(unit: str, number: str) -> str:
    return f"Điều {number}" if unit.lower() == "điều" else number


def referenced_labels(text: str) -> set[str]:
    """Task numbers a text refers to: "(nhiệm vụ số 3)", "điểm b khoản 1", "khoản 1 mục III",
    "nội dung 3 và 4" → {"3"}, {"1.b"}, {"iii.1"}, {"3", "4"}."""
    found: set[str] = set()
    position = 0
    for mention in _MENTION.finditer(text):
        if mention.start() < position:
            continue  # already read as the section of an earlier mention
        level = _UNITS[mention.group("unit").lower()]
        labels = [_mention_label(mention.group("unit"), mention.group("label"))]
        end = mention.end()
        while more := _MORE.match(text[end:]):
            labels.append(_mention_label(mention.group("unit"), more.group("label")))
            end += more.end()
        while (within := _WITHIN.match(text[end:])) and _UNITS[within.group("unit").lower()] > level:
            outer = _mention_label(within.group("unit"), within.group("label"))
            labels = [f"{outer}.{label}" for label in labels]
            level = _UNITS[within.group("unit").lower()]
            end += within.end()
        position = end
        found.update(normalize_label(label) for label in labels)
    return found


EXACT, WITHOUT_SECTION = 1.0, 0.3


def label_fit(task_label: str | None, wanted: str | None) -> float:
    """How surely a task's label is the number a text refers to: EXACT when they agree ("2.a"
    is "2a"; "III.1" is "1", a reference that leaves out the Roman section or the article);
    WITHOUT_SECTION when the reference names a section the task's label lacks ("khoản 1 mục
    III" for a task read as "1"): likely, not sure; else 0."""
    task_key, wanted = normalize_label(task_label), normalize_label(wanted)
    if not task_key or not wanted:
        return 0.0
    if task_key == wanted or task_key.endswith("." + wanted) and _SECTION.match(task_key):
        return EXACT
    if wanted.endswith("." + task_key) and _SECTION.match(wanted):
        return WITHOUT_SECTION
    return 0.0


def label_matches(task_label: str | None, wanted: str | None) -> bool:
    """Whether a task's label is, for sure, the number a text refers to (see `label_fit`)."""
    return label_fit(task_label, wanted) == EXACT
