"""What a task table's columns hold, and the bodies and times of its cells.

A column's kind comes from its header words ("Cơ quan chủ trì" → lead, "Thời hạn hoàn thành" →
deadline); a column that says what comes out of the task ("Sản phẩm / Kết quả", "Chỉ tiêu cần
đạt") or groups the tasks ("Nhóm giải pháp") is none of them. When several columns may
hold the task, the header that names it most surely wins ("Tên nhiệm vụ" over "Nội dung chính"),
and of equal ones the column whose cells say most ("Huyện đề xuất | Ý kiến đề xuất"); when no
header names the lead, a column whose cells are names of bodies is the lead.
"""
from __future__ import annotations

import re

from theodoi.domain import BodyMention, Deadline
from theodoi.nlp.body_words import GROUP_NOUNS, HEADS, NAME_ONLY_HEADS, OWN_KINDS, TITLES
from theodoi.nlp.dates import parse_deadline

COLUMN_KINDS = (  # checked in this order: "Tiến độ trình" is a deadline, "Cơ quan trình" a lead
    ("output", re.compile(r"^\W*(?:sản\s+phẩm|kết\s+quả|đầu\s+ra|yêu\s+cầu|ghi\s+chú|kinh\s+phí|nguồn|dự\s+toán"
                          r"|tình\s+hình|tình\s+trạng|chỉ\s+tiêu\s+(?:đạt|cần|phải))", re.I)),
    ("group", re.compile(r"thuộc\s+nhóm|nhóm\s+nhiệm\s+vụ|^\W*nhóm\b|lĩnh\s+vực", re.I)),
    ("task", re.compile(r"nhiệm vụ|nội dung|tên|công việc|đề án|dự án|luật|đề\s+xuất|kiến\s+nghị|hoạt\s+động", re.I)),
    ("support", re.compile(r"phối hợp|tham gia", re.I)),
    ("deadline", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành|thời\s+điểm", re.I)),
    ("lead", re.compile(r"chủ trì|thực hiện|trình|chịu trách nhiệm|phụ\s+trách|đầu\s+mối|tiếp\s+nhận|được\s+giao", re.I)),
    ("number", re.compile(r"^\s*(?:stt|tt|số\s+thứ\s+tự|số\s+tt)\s*\.?\s*$", re.I)),
)
READ_KINDS = ("task", "support", "deadline", "lead", "number")
# How surely a header names the task column, best first: "Tên nhiệm vụ" before "Nội dung chính",
# both before "Ý kiến đề xuất"; columns of one rank are told apart by their cells.
TASK_RANKS = (re.compile(r"nhiệm\s+vụ|công\s+việc|^\W*tên\b", re.I), re.compile(r"nội\s+dung|đề\s+án|dự\s+án|luật|hoạt\s+động", re.I))
# First words of a body's name; a piece of a cell after a comma that opens otherwise goes on
# the name before it ("Ủy ban Quốc phòng, An ninh và Đối ngoại").
NAME_OPENERS = HEADS | NAME_ONLY_HEADS | GROUP_NOUNS | TITLES | {
    (w,) for w in ("các", "những", "mttq", "thủ", "lãnh", "giám", "chủ", "người", "đồng", "đ/c", "trưởng", "phó")}
# Words that open a body's name after "và" ("Các sở liên quan và UBND các xã"), where a kind of
# group alone goes on the name ("Bộ Lao động - Thương binh và Xã hội").
NAME_HEADS = HEADS | NAME_ONLY_HEADS | TITLES | {(w,) for w in ("các", "những", "mttq")}
BODY_SHARE = 0.6  # of a column's cells that name bodies, for it to be the lead column


def opens_name(name: str, openers: set = NAME_OPENERS) -> bool:
    """Whether `name` opens with the words a body's or a person's name opens with."""
    words = tuple(re.findall(r"[^\s,;.:()]+", name.lower().replace("/", " ")))
    return any(words[:len(seq)] == seq for seq in openers)


def is_body_name(name: str) -> bool:
    """Whether `name` is a body's or a person's: it opens with a head noun or a title, or with
    "các" and a kind of body ("các sở, ngành"; not "Các nhiệm vụ về ...")."""
    words = name.split()
    if words[:1] and words[0].lower() in ("các", "những"):
        return opens_name(" ".join(words[1:]), GROUP_NOUNS)
    return opens_name(name, NAME_HEADS)


def _group_goes_on(name: str, before: str) -> bool:
    """Whether a lower-case kind of group goes on the group before it: "các bộ, ngành liên
    quan" is one, "các Bộ, cơ quan ngang Bộ" two (a kind with a qualifier of its own)."""
    words = tuple(name.lower().split())
    return (name.islower() or name.isupper()) and " các " in f" {before.lower()} " and opens_name(name, GROUP_NOUNS) \
        and not any(words[:len(k)] == k for k in OWN_KINDS)


def header_kinds(header: list[str]) -> dict[str, list[int]]:
    """Column indexes of a header row by kind, read from its words alone (a table may have two
    lead columns, and several columns that could hold the task)."""
    cols: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        kind = next((k for k, pattern in COLUMN_KINDS if pattern.search(cell or "")), None)
        if kind in READ_KINDS and (kind in ("lead", "support", "task") or kind not in cols):
            cols.setdefault(kind, []).append(i)
    return cols


def _words(row: list[str], i: int) -> int:
    return len((row[i] or "").split()) if i < len(row) else 0


def column_kinds(header: list[str], body: list[list[str]] = ()) -> dict[str, list[int]]:
    """Column indexes of a task table by kind: the header's words, and, given the rows under
    it (`body`), the task column is the one of most words and the lead column, when no header
    names it, the one whose cells name bodies."""
    cols = header_kinds(header)
    tasks = cols.get("task", [])
    if len(tasks) > 1:
        def rank(i: int) -> int:
            return next((n for n, pattern in enumerate(TASK_RANKS) if pattern.search(header[i])), len(TASK_RANKS))
        best = min(map(rank, tasks))
        tasks = [i for i in tasks if rank(i) == best]
        cols["task"] = [max(tasks, key=lambda i: (sum(_words(r, i) for r in body), -i))]
    if body and "lead" not in cols and "task" in cols:
        taken = {i for found in cols.values() for i in found}
        for i in range(len(header)):
            cells = [r[i] for r in body if i < len(r) and (r[i] or "").strip()]
            if i not in taken and cells and sum(map(opens_name, cells)) >= BODY_SHARE * len(cells) \
                    and not re.search(r"\d{4}", " ".join(cells)):
                cols["lead"] = [i]
                break
    return cols


_SPLIT = re.compile(r"[;,\n]|\s+và\s+(?=\S)")
_NOTE = re.compile(r"\([^()]*\)")  # a role note after a name: "(chủ trì phần kỹ thuật)", "(cấp trung ương)"
_LEVEL = re.compile(r"^(?:các\s+)?(?:thành\s+phố|tỉnh|huyện|quận|thị\s+xã|xã|phường)\b", re.I)
_HEAD_OF_LEVEL = re.compile(r"^(.+?)\s+(?:thành\s+phố|tỉnh|huyện|quận|thị\s+xã|xã|phường)\s+\w", re.I)


def _shared_head(name: str, before: str) -> str:
    """A place after a body of a place written with its head: "UBND thành phố A, Thành phố B" →
    "UBND Thành phố B", "UBND tỉnh A, các tỉnh khác" → "UBND các tỉnh khác"."""
    if not _LEVEL.match(name) or opens_name(name, NAME_HEADS) and not name.lower().startswith("các"):  # "Tỉnh đoàn"
        return name
    head = _HEAD_OF_LEVEL.match(before)
    return f"{head.group(1)} {name}" if head and opens_name(head.group(1), NAME_HEADS) else name


def split_names(cell: str, base: int) -> list[BodyMention]:
    """The bodies of a table cell, one per name with its own head: "Bộ Tài chính, các Ủy ban
    của Quốc hội" → two; "- Bộ Y tế; - Bộ Xây dựng" → two; "Các sở, ngành liên quan và UBND các
    xã" → two; a piece that opens no name goes on the name before it ("Ủy ban Quốc phòng, An ninh
    và Đối ngoại"), and so does a kind of group after "các" ("các sở, ngành")."""
    out: list[BodyMention] = []
    pos = 0
    pieces = []
    masked = _NOTE.sub(lambda m: " " * len(m.group(0)), cell)
    for sep in [*_SPLIT.finditer(masked), None]:
        end = sep.start() if sep else len(cell)
        pieces.append((pos, end, sep.group(0) if sep else ""))
        pos = sep.end() if sep else len(cell)
    joiner = ""
    for start, end, sep in pieces:
        raw = masked[start:end]
        name = raw.strip(" -–+•.")
        if len(name) <= 1:
            joiner = sep
            continue
        at = start + raw.find(name)
        opens = opens_name(name, NAME_HEADS if joiner.strip() == "và" else NAME_OPENERS)
        if out and (_group_goes_on(name, out[-1].text) or not opens and not name.split()[0].isupper()
                    or not opens and joiner.strip() == "và"):
            prev = out[-1]
            out[-1] = BodyMention(" ".join(masked[prev.start - base:at + len(name)].split()), prev.start,
                                  base + at + len(name))
        else:
            out.append(BodyMention(_shared_head(name, out[-1].text) if out else name, base + at, base + at + len(name)))
        joiner = sep
    return out


_RANGE = re.compile(r"\s*(?:[-–]|\bđến\b|\bvà\b)\s*(?=(?:năm\s+|quý\s+|tháng\s+)?[\dIV])", re.I)
_CLAUSE_END = re.compile(r"[,;]|\s+(?:và|rồi)\s+(?!(?:năm|quý|tháng)?\s*[\dIV])", re.I)  # "2025 - 2026 và nhân rộng sau đó"
_FROM = re.compile(r"\b(?:từ|bắt\s+đầu)\s+(?:năm|quý|tháng|ngày)?\s*[\dIV]", re.I)
_ONGOING = re.compile(r"thường\s+xuyên|liên\s+tục|hằng\s+năm|hàng\s+năm|định\s+kỳ", re.I)
_PLAIN_YEAR = re.compile(r"^\D*(?:19|20)\d\d\W*$")


def cell_deadline(cell: str, doc_date=None) -> Deadline | None:
    """When the task of a row is due, from its time cell: the end of a range ("2026 - 2030",
    "Quý III/2025 - Quý I/2027", "Từ tháng 10/2025 đến quý II/2026", "Quý III/2025 và Quý II/2026");
    nothing for a start alone ("Bắt đầu từ năm 2027"), the repetition when a start goes on
    with one ("Từ năm 2027, duy trì thường xuyên")."""
    text = " ".join(cell.split())
    if not text:
        return None
    first = re.split(r"(?<=[^\d\s])\.\s+", text, maxsplit=1)[0]  # the completion part comes first
    for sep in _RANGE.finditer(first):
        left, right = first[:sep.start()], _CLAUSE_END.split(first[sep.end():], maxsplit=1)[0]
        if re.search(r"\d", left) and (_PLAIN_YEAR.match(right) or parse_deadline(right, doc_date)):
            found = parse_deadline(right, doc_date) or parse_deadline("năm " + right.strip(), doc_date)
            if found is not None and found.due is not None:
                return Deadline(first, found.kind, found.due)
    if _FROM.search(first):
        repeat = _ONGOING.search(text)
        return parse_deadline(text[repeat.start():], doc_date) if repeat else None
    return parse_deadline(text, doc_date)
