"""The files inside a package: base64 decoded, zips opened within limits, declared types checked.

A file that does not decode, whose bytes are not the type its name or ContentType
declares, or a zip that would unpack past the limits (a zip bomb) raises IngestError
naming the package and the file. Zips are opened one level deep; their members become
files of the package in the zip's order.
"""
from __future__ import annotations

import base64
import binascii
import io
import mimetypes
import zipfile
from dataclasses import dataclass
from pathlib import Path

from theodoi.domain import IngestError

from .detect import sniff_bytes

ZIP = "application/zip"
MAX_MEMBERS = 200
MAX_RATIO = 100  # uncompressed / compressed, over the whole zip: documents compress 2-10 times
_ALIASES = {"application/x-zip-compressed": ZIP, "application/x-zip": ZIP, "image/jpg": "image/jpeg",
            "application/vnd.ms-word": "application/msword", "application/x-pdf": "application/pdf"}
_UNSPECIFIC = {None, "", "application/octet-stream", "binary/octet-stream"}
_TEXT_TYPES = {"text/plain", "text/html"}
_OLE_TYPES = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}


@dataclass
class DecodedFile:
    """A file of the package as bytes, with its name and its (checked) type."""

    name: str
    data: bytes
    mime: str | None
    description: str = ""


def decode(package: Path, name: str, encoded: str) -> bytes:
    """The bytes of a base64 attachment; attachment_decode_error when it is not base64."""
    compact = "".join(encoded.split())
    if not compact:
        raise IngestError("attachment_decode_error", f"the attachment {name} is empty", str(package))
    try:
        return base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as error:
        raise IngestError("attachment_decode_error", f"the attachment {name} is not valid base64 ({error})",
                          str(package)) from error


def declared_type(name: str, content_type: str | None) -> str | None:
    """The MIME type a package declares for a file: its ContentType, else its extension's."""
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared in _UNSPECIFIC:
        declared = (mimetypes.guess_type(name)[0] or "") if "." in name else ""
    return _ALIASES.get(declared, declared) or None


def checked(package: Path, name: str, data: bytes, content_type: str | None, description: str = "") -> DecodedFile:
    """The file with the type its bytes show; attachment_type_mismatch when they show another
    type than the one declared (a text file named .pdf, a DOCX declared as a PDF)."""
    declared, found = declared_type(name, content_type), sniff_bytes(data)
    if declared and found and _same_container(declared, found):
        return DecodedFile(name, data, declared, description)  # an .xlsx is a zip, an .xls an OLE file
    if declared and found and declared != found and not (declared in _TEXT_TYPES and found in _TEXT_TYPES):
        raise IngestError("attachment_type_mismatch", f"the attachment {name} is declared {declared} "
                          f"but holds {found}", str(package))
    if declared and not found and declared not in _TEXT_TYPES:
        raise IngestError("attachment_type_mismatch", f"the attachment {name} is declared {declared} "
                          "but its bytes are no known file type", str(package))
    return DecodedFile(name, data, found or declared, description)


def _same_container(declared: str, found: str) -> bool:
    """Office formats the magic bytes cannot tell apart: OOXML/ODF files are zips, the old
    Office formats all OLE2 files (sniffed as application/msword)."""
    if found == ZIP:
        return "openxmlformats" in declared or "opendocument" in declared
    return found == "application/msword" and declared in _OLE_TYPES


def unzip(package: Path, zipped: DecodedFile, limit: int) -> list[DecodedFile]:
    """The members of a zipped attachment, refused as zip_bomb past MAX_MEMBERS members, `limit`
    bytes unpacked or a MAX_RATIO compression ratio, whatever the zip's directory claims."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(zipped.data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except zipfile.BadZipFile as error:
        raise IngestError("attachment_decode_error", f"the zip {zipped.name} cannot be opened ({error})",
                          str(package)) from error
    if len(members) > MAX_MEMBERS:
        raise IngestError("zip_bomb", f"the zip {zipped.name} holds {len(members)} files, more than "
                          f"{MAX_MEMBERS}", str(package))
    budget = min(limit, MAX_RATIO * max(len(zipped.data), 1))
    files, total = [], 0
    for member in members:
        try:
            data = _read_capped(archive, member, budget - total)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError) as error:
            raise IngestError("attachment_decode_error", f"the zip member {member.filename} of {zipped.name} "
                              f"cannot be read ({error})", str(package)) from error
        if data is None:
            raise IngestError("zip_bomb", f"the zip {zipped.name} unpacks to more than {budget:,} bytes "
                              f"({len(zipped.data):,} packed)", str(package))
        total += len(data)
        files.append(checked(package, Path(member.filename).name, data, None, zipped.description))
    return files


def _read_capped(archive: zipfile.ZipFile, member: zipfile.ZipInfo, cap: int) -> bytes | None:
    """The member's bytes, or None as soon as they pass `cap` (read in chunks, never trusting the header)."""
    if member.file_size > cap:
        return None
    out = bytearray()
    with archive.open(member) as handle:
        while chunk := handle.read(1 << 16):
            out += chunk
            if len(out) > cap:
                return None
    return bytes(out)


def is_zip(file: DecodedFile) -> bool:
    """A zip archive (a DOCX, also a zip, sniffs as DOCX and is read by its parser)."""
    return file.mime == ZIP
