"""Plain domain types shared by every layer (ingest → nlp → store → search → web).

Nothing here imports a library of the project: these are the words the layers
speak to each other. Offsets (`start`, `end`) are character offsets into
`ParsedDocument.text`, the NFC-normalised text of the whole document.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


# --------------------------------------------------------------------------- ingest
class IngestError(Exception):
    """A file that cannot be read. `code` is machine-readable; `message` is the reason in
    plain words; `str(error)` is "<path>: <reason>", naming the file.

    Codes: unsupported_type, empty_file, empty_text, corrupt_file, encrypted_pdf,
    decode_error, too_large, ocr_unavailable, ocr_failed, converter_missing; for edXML
    packages malformed_xml, xml_entities, wrong_namespace, no_attachment,
    attachment_decode_error, attachment_type_mismatch, zip_bomb.
    """

    def __init__(self, code: str, message: str, path: str | None = None):
        self.code = code
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


@dataclass
class Block:
    """A piece of layout: a heading, paragraph, list item or table, with its text span."""

    kind: str  # "heading" | "paragraph" | "list_item" | "table"
    text: str
    start: int
    end: int
    rows: list[list[str]] | None = None  # for tables: rows of cell texts
    page: int | None = None


@dataclass
class Header:
    """The formal parts of a Vietnamese administrative document (Nghị định 30/2020, HD 36-HD/VPTW)."""

    kind: str | None = None  # "Nghị quyết", "Kế hoạch", ... (SCHEMA.md spelling)
    number: str | None = None  # the symbol after "Số:", e.g. "123/KH-UBND", "15-NQ/TU"
    issuer: str | None = None  # written out in full: "Ủy ban nhân dân tỉnh Long An"
    parent_issuer: str | None = None  # the body printed above the issuer, if any
    place: str | None = None
    date: dt.date | None = None
    title: str | None = None  # trích yếu, without the kind word
    signer: str | None = None
    signer_authority: str | None = None  # "TM.", "KT.", "TL.", "Q.", "T/M", ...
    signer_title: str | None = None  # "CHỦ TỊCH", "BÍ THƯ", ...
    recipients: list[str] = field(default_factory=list)  # Nơi nhận / Kính gửi
    issued_with: str | None = None  # "ban hành kèm theo Quyết định số ..." symbol
    # Set when the fields come from an edXML package's header (authoritative) and not the text:
    source: str = "text"  # "text" | "edxml"
    recipient_due: dt.date | None = None  # edXML DueDate: the recipient's deadline for the document
    directing: bool | None = None  # edXML SteeringType: a directing document (văn bản chỉ đạo)
    package: dict | None = None  # the package's header as read (ids, trace, other info, signature)
    box: dict[str, str] = field(default_factory=dict)  # a portal page's metadata box, as the portal prints it
    reports_on: str | None = None  # a news page: the number of the document it reports as just issued


@dataclass
class AttachedFile:
    """A file a package carried: the main document or an appendix, as decoded and read."""

    name: str
    mime: str | None
    role: str  # "main" | "appendix"
    sha256: str
    size: int
    parser: str | None = None  # None when the file could not be read (see the warnings)


@dataclass
class ParsedDocument:
    """What ingest hands to nlp: clean text, its layout, and the header."""

    path: str
    file_name: str
    mime: str
    parser: str  # parser name and version, e.g. "pdf_text/1"
    text: str
    blocks: list[Block] = field(default_factory=list)
    header: Header = field(default_factory=Header)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    attachments: list[AttachedFile] = field(default_factory=list)  # the files of an edXML package


# --------------------------------------------------------------------------- nlp
@dataclass
class BodyMention:
    """A body named in the text, as written, with its canonical name from the gazetteer."""

    text: str
    start: int
    end: int
    canonical: str | None = None  # "Ủy ban nhân dân tỉnh" for "UBND tỉnh"; None if unknown
    is_group: bool = False  # "các sở, ban, ngành", "UBND các huyện"


@dataclass
class Deadline:
    """When a task is due. `kind` follows SCHEMA.md: date, month, quarter, half-year,
    year, ongoing, recurring, relative; `due` is the last day of the period."""

    text: str
    kind: str
    due: dt.date | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Progress:
    """The progress a document states for a task (a report's row, "đã hoàn thành ..."):
    `value` is one of REPORTED_STATUSES, `text` the words that said so, `date` the day the
    passage gives for it ("Ngày 31/3/2025, Bộ ... đã ban hành"), when it gives one."""

    value: str
    text: str
    date: dt.date | None = None


@dataclass
class Task:
    """An action the document asks of someone."""

    text: str
    start: int
    end: int
    lead: list[BodyMention] = field(default_factory=list)
    support: list[BodyMention] = field(default_factory=list)
    deadline: Deadline | None = None
    component: str = ""  # the pipeline component that found it
    confidence: float = 1.0
    label: str | None = None  # the item's numbering in the document: "1", "2.a", ...
    status: Progress | None = None  # the progress the document itself states (reports)
    source: str | None = None  # the number of the document that assigned it, when another did
    target: "Target | None" = None  # the plan's target it serves (nlp/target_parents.py)


@dataclass
class Target:
    """A quantity to reach: 'trên 90% dịch vụ công trực tuyến mức độ 4 (đến năm 2025)'."""

    text: str
    start: int
    end: int
    indicator: str
    comparator: str  # ">", ">=", "<", "<=", "~", "="
    value: float
    unit: str
    year: int | None = None
    component: str = ""
    confidence: float = 1.0


@dataclass
class Citation:
    """A reference to another document by its number and symbol."""

    text: str
    start: int
    end: int
    number: str
    kind: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    relation: str = "cites"  # implements, reports_on, urges, issued_with, amends, replaces, repeals, cites
    component: str = ""
    confidence: float = 1.0


@dataclass
class Extraction:
    """What nlp hands to the store: everything found in one document."""

    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


# --------------------------------------------------------------------------- follow-up
REPORTED_STATUSES = ("done", "done_late", "in_progress", "overdue", "not_done")  # SCHEMA.md `status.value`
TASK_STATUSES = ("open", "in_progress", "done", "done_late", "cancelled", "superseded")
STATUS_LABELS = {
    "open": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "done_late": "Hoàn thành quá hạn",
    "cancelled": "Hủy bỏ",
    "superseded": "Được thay thế",
    "overdue": "Quá hạn",
}
REPORTED_LABELS = {  # SCHEMA.md's values as a report's row states them
    "done": "Đã hoàn thành",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện",
    "overdue": "Quá hạn",
    "not_done": "Chưa thực hiện",
}
