"""edXML packages (QCVN 102:2016/BTTTT), as the national document exchange delivers them.

The package's header is authoritative: its fields become the document's header, marked
`source="edxml"`, and the text's own header only fills what the package leaves out. The
files are decoded (zips opened), each read by the parser of its own format; the main
document (the first file not named as an appendix) gives the text, and the appendices
follow it as further files. See `edxml_package` for the layout and the XML hardening.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import AttachedFile, Header, IngestError

from .. import attachments, legacy
from ..base import ParseResult, Parser
from ..detect import EDXML
from ..edxml_package import EncodedFile, Package, package_date, read_package
from ..edxml_signature import check_signature
from ..layout import RawBlock

_APPENDIX = re.compile(r"ph[uụ][\s_.-]*l[uụ]c|\bPL[\s_.-]*\d|appendix|annex", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?(?=\s|$)", re.IGNORECASE)


class EdxmlParser(Parser):
    NAME = "edxml"
    VERSION = 1
    EXTENSIONS = ("edxml",)
    MIME_TYPES = (EDXML,)

    @classmethod
    def score(cls, mime: str | None, extension: str) -> int:
        """30 for a .edxml file whatever it holds (a bad package gets this parser's error), 20 for
        XML whose root is edXML."""
        return 30 if extension in cls.EXTENSIONS else super().score(mime, extension)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        package = read_package(path)
        signature = check_signature(package.tree)
        files = decoded_files(path, package.files, settings.max_file_mb * 1_000_000)
        appendix_names = {name.lower() for name in package.fields["appendixes"]}
        main = next((f for f in files if not is_appendix(f, appendix_names)), files[0])
        ordered = [main] + [f for f in files if f is not main]
        result = ParseResult(blocks=[], header=package_header(package, signature))
        if signature == "digest_mismatch":
            result.warnings.append("edXML signature: the digest of the signed part does not match (changed after signing)")
        with tempfile.TemporaryDirectory(prefix="theodoi-edxml-") as folder:
            for number, file in enumerate(ordered):
                role = "main" if file is main else "appendix"
                attached = AttachedFile(file.name, file.mime, role, hashlib.sha256(file.data).hexdigest(),
                                        len(file.data))
                result.attachments.append(attached)
                try:
                    read = read_file(Path(folder) / f"{number}-{_safe(file.name)}", file, settings)
                except IngestError as error:
                    if role == "main":
                        raise IngestError(error.code, f"the main document {file.name}: {error.message}",
                                          str(path)) from error
                    result.warnings.append(f"appendix {file.name} not read: {error.code}: {error.message}")
                    continue
                attached.parser = read.parser_name
                result.blocks.extend(read.blocks)
                result.warnings.extend(f"{file.name}: {w}" for w in read.result.warnings)
                if role == "main":
                    result.pages = read.result.pages
                    result.ocr_pages = read.result.ocr_pages
        return result


def decoded_files(path: Path, encoded: list[EncodedFile], limit: int) -> list[attachments.DecodedFile]:
    """Every file of the package, decoded and type-checked, zips replaced by their members."""
    if not encoded:
        raise IngestError("no_attachment", "the package carries no file in AttachmentEncoded", str(path))
    files = []
    for item in encoded:
        data = attachments.decode(path, item.name, item.base64)
        file = attachments.checked(path, item.name, data, item.declared_type, item.description)
        files.extend(attachments.unzip(path, file, limit) if attachments.is_zip(file) else [file])
    if not files:
        raise IngestError("no_attachment", "the package's zip holds no file", str(path))
    return files


def is_appendix(file: attachments.DecodedFile, appendix_names: set[str]) -> bool:
    """A file the package lists in OtherInfo/Appendixes, or whose name or description says phụ lục."""
    return file.name.lower() in appendix_names or bool(_APPENDIX.search(f"{file.name} {file.description}"))


@dataclass
class _Read:
    """One file as its parser read it, its blocks already in Unicode."""

    parser_name: str
    result: ParseResult
    blocks: list[RawBlock]


def read_file(target: Path, file: attachments.DecodedFile, settings: Settings) -> _Read:
    """Read one file of the package with the parser of its format (never another package)."""
    from .. import registry  # the registry imports this module

    parser_class = registry.choose(file.mime, target.suffix.lower().lstrip("."))
    if parser_class is None or parser_class is EdxmlParser:
        raise IngestError("unsupported_type", f"this kind of file cannot be read ({file.mime or 'unknown'})",
                          file.name)
    target.write_bytes(file.data)
    result = parser_class().parse(target, settings)
    encoding = result.legacy_encoding or legacy.detect_legacy("\n".join(b.text for b in result.blocks))
    blocks = result.blocks if encoding is None else [  # each file its own encoding, before joining
        RawBlock(b.kind, legacy.to_unicode(b.text, encoding),
                 [[legacy.to_unicode(c, encoding) for c in row] for row in b.rows] if b.rows else b.rows, b.page)
        for b in result.blocks]
    return _Read(f"{parser_class.NAME}/{parser_class.VERSION}", result, blocks)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", Path(name).name)[-100:] or "file"


def package_header(package: Package, signature: str) -> Header:
    """The document's header from the package's MessageHeader (see docs/ingest.md for each field)."""
    fields = package.fields
    number = "/".join(p for p in (fields["code_number"], fields["code_notation"]) if p) or None
    subject = fields["subject"]
    if subject:
        subject = re.sub(r"^(?:V/v|v/v|V/V)\s*", "Về việc ", subject)
    competence = fields["competence"] or ""
    authority = _AUTHORITY.match(competence)
    steering = fields["steering_type"]
    recipients = [to["name"] for to in fields["to"] if to.get("name")] + fields["to_places"]
    issuer = (fields["from"] or {}).get("name")
    return Header(
        kind=_kind(fields["type_name"]), number=number, issuer=issuer, place=fields["place"],
        date=package_date(fields["promulgation_date"]), title=subject, signer=fields["full_name"],
        signer_authority=_authority(authority.group(1)) if authority else None,
        signer_title=fields["position"], recipients=list(dict.fromkeys(r for r in recipients if r)),
        source="edxml", recipient_due=package_date(fields["due_date"]),
        directing=(int(steering) > 0) if steering and steering.isdigit() else None,
        package={**fields, "signature": signature})


def _authority(word: str) -> str:
    """"kt" → "KT.", "t/m" → "T/M": the spelling the text's header gives."""
    word = word.upper()
    return word if "/" in word else word + "."


def _kind(type_name: str | None) -> str | None:
    """"CÔNG VĂN" / "công văn" → "Công văn" (the spelling of SCHEMA.md)."""
    if not type_name:
        return None
    lowered = type_name.strip().lower()
    return lowered[:1].upper() + lowered[1:]
