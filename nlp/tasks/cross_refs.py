"""Leads given by cross-reference: "Sở A chủ trì các nhiệm vụ nêu ở mục II.3".

A plan often lists its tasks by topic in one part and says in another which body carries out
which part. The items of the part referred to that name no body of their own take the lead of
the task that refers to them. A part is matched by the numbering path of the items
(`Task.label`, "II.3.b"): "mục (II) (3)", "mục II.3", "điểm b khoản 3 mục II" all mean
"II.3", and cover the items below it.
"""
from __future__ import annotations

import re

from theodoi.domain import Task
from theodoi.nlp.tasks.patterns import words_of

# Carrying out the tasks of a part: "chủ trì các nhiệm vụ tại", "thực hiện nội dung
# nêu tại", "triển khai các giải pháp ở". A part only mentioned ("lưu ý nội dung tại mục III")
# assigns nothing.
CARRIES_OUT = re.compile(
    r"(?:chủ trì|triển khai|thực hiện)\s+(?:\w+\s+){0,3}?(?:các\s+|những\s+)?"
    r"(?:nhiệm vụ|nội dung|giải pháp|hoạt động|công việc)\b[^.;:()]{0,60}?\s"
    r"(?:nêu\s+|quy định\s+|đề ra\s+)?(?:tại|ở)\s+(?=(?:các\s+)?(?:tiểu mục|mục|điểm|khoản|phần)\b)",
    re.IGNORECASE)
# Carrying out the tasks about some topics: "chủ trì các nhiệm vụ về phát triển giống cây trồng, thủy
# lợi nội đồng" names the parts titled "Giống cây trồng" and "Thủy lợi nội đồng".
ABOUT = re.compile(
    r"(?:chủ trì|triển khai|thực hiện)\s+(?:\w+\s+){0,3}?(?:các\s+|những\s+)?nhiệm vụ(?:,?\s+giải pháp)?\s+"
    r"(?:về|trong lĩnh vực|thuộc lĩnh vực)\s+([^.;:()]{3,200})", re.IGNORECASE)
# Titles too general to name one part.
GENERAL_TITLES = {"nhiệm vụ", "giải pháp", "mục tiêu", "tổ chức thực hiện", "nhiệm vụ, giải pháp", "kinh phí",
                  "chế độ báo cáo", "quan điểm", "yêu cầu", "mục đích", "mục đích, yêu cầu"}
# One group of a reference: a kind of part and its labels, "mục (II) (2.1), (2.3)", "khoản 2, 3".
PART_WORD = re.compile(r"(?:các\s+)?(tiểu mục|mục|điểm|khoản|phần)\s+", re.IGNORECASE)
LABEL = re.compile(r"\(?\s*((?:[IVX]+|\d+|[a-zđ])(?:\.(?:\d+|[a-zđ]))*)\s*\)?(?=[\s,;.)(]|$)", re.IGNORECASE)
JOIN = re.compile(r"\s*(?:,|và)?\s*")
# The rank of a kind of part: "điểm a khoản 2 mục III" is written from the smallest part up.
RANK = {"điểm": 0, "khoản": 1, "tiểu mục": 1, "mục": 2, "phần": 3}
# A part of another document: "mục II Nghị quyết số 12/NQ-HĐND", "mục 3 của Chỉ thị 05-CT/TU".
OTHER_DOCUMENT = re.compile(r"(?:[^.;:\n]|\.(?=\S)){0,60}?(?:\bsố\s*\d|\d+\s*[/-]\s*[A-ZĐ])")


def referenced_parts(text: str, pos: int) -> list[str]:
    """The numbering paths a reference starting at `pos` names: "mục (II) (1)" → ["II.1"],
    "mục (II) (2.1), (2.3)" → ["II.2.1", "II.2.3"], "điểm a khoản 2 mục III" → ["III.2.a"]."""
    groups: list[tuple[int, list[str]]] = []  # (rank of the kind of part, its paths)
    while (part := PART_WORD.match(text, pos)) is not None:
        pos, chain = part.end(), []
        while (label := LABEL.match(text, pos)) is not None:
            chain.append(_label(label.group(1)))
            pos = JOIN.match(text, label.end()).end()
        if not chain:
            break
        rank = RANK[part.group(1).lower()]
        if groups and groups[-1][0] == rank:  # "khoản 1 và khoản 2": more of the same kind
            groups[-1][1].extend(_alternatives(chain))
        else:
            groups.append((rank, _alternatives(chain)))
    if len(groups) > 1 and groups[0][0] < groups[-1][0]:
        groups.reverse()
    paths = [""]
    for _, alternatives in groups:
        paths = [f"{p}.{a}" if p else a for p in paths for a in alternatives]
    return [p for p in paths if p]


def _label(label: str) -> str:
    return label.upper() if re.fullmatch(r"[IVX][ivxIVX]*", label) else label  # as `number_item` writes it


def _alternatives(chain: list[str]) -> list[str]:
    """Labels of one group as paths: a label of another kind goes under the one before it
    ("II", "3" → "II.3"); one of the same kind is its sibling ("3.1", "3.2" → both)."""
    paths: list[list[str]] = []
    for label in chain:
        if not paths:
            paths.append([label])
        elif _same_kind(paths[-1][-1], label):
            paths.append(paths[-1][:-1] + [label])
        else:
            paths = [p + [label] for p in paths]
    return [".".join(p) for p in paths]


def _same_kind(before: str, label: str) -> bool:
    """Whether two labels number items of one level: two roman numerals, two letters, two
    numbers with as many dots ("4.1", "4.2")."""
    return _kind(before) == _kind(label)


def _kind(label: str) -> str:
    if re.fullmatch(r"[IVX]+", label):
        return "roman"
    if re.fullmatch(r"\d+(?:\.\d+)*", label):
        return f"number{label.count('.')}"
    return "letter"


def apply_cross_references(text: str, tasks: list[Task], titles: dict[str, str] | None = None) -> None:
    """Give the tasks of a part referred to by "X chủ trì các nhiệm vụ tại mục ..." (or "... các
    nhiệm vụ về <a part's title>", `titles`: numbering path → title) the lead of the task that
    refers to them, when they name no body of their own."""
    claims: dict[str, Task] = {}
    for task in tasks:
        if not task.lead:
            continue
        for m in CARRIES_OUT.finditer(text, task.start, task.end + 40):
            if OTHER_DOCUMENT.match(text, m.end()):
                continue
            for path in referenced_parts(text, m.end()):
                claims.setdefault(path, task)
    for task in tasks:
        if task.lead:
            for path in _parts_about(text, task, titles or {}):
                if not any(path == p or path.startswith(p + ".") for p in claims):
                    claims[path] = task
    if not claims:
        return
    for task in tasks:
        if task.lead or not task.label or task in claims.values():
            continue
        path = max((p for p in claims if task.label == p or task.label.startswith(p + ".")), key=len, default=None)
        if path is not None:
            task.lead = list(claims[path].lead)


def _parts_about(text: str, task: Task, titles: dict[str, str]) -> list[str]:
    """The parts whose titles a task's "các nhiệm vụ về ..." names, word for word."""
    found = []
    for m in ABOUT.finditer(text, task.start, task.end):
        topics = f" {_words(m.group(1))} "
        found += [path for path, title in titles.items()
                  if len(_words(title).split()) >= 2 and _words(title) not in GENERAL_TITLES
                  and f" {_words(title)} " in topics]
    return found


def _words(text: str) -> str:
    return " ".join(words_of(text))
