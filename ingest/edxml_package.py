"""Reading an edXML package (QCVN 102:2016/BTTTT): the header fields and the encoded files.

The layout followed is the one the national exchange (VXP, LGSP) and e-office systems use,
as public readers of the format show it:

    <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
      <edXMLEnvelope>
        <edXMLHeader>
          <MessageHeader> From(OrganId, OrganName) To* DocumentId Code(CodeNumber, CodeNotation)
            PromulgationInfo(Place, PromulgationDate) DocumentType(Type, TypeName) Subject
            SignerInfo(Competence, Position, FullName) DueDate ToPlaces(Place*) OtherInfo
            SteeringType </MessageHeader>
          <TraceHeaderList> TraceHeader(OrganId, Timestamp)* </TraceHeaderList>
          <ds:Signature> (XML-DSig) </ds:Signature>
        </edXMLHeader>
        <edXMLBody><edXMLManifest> Reference(ContentId, ContentType, Description,
          AttachmentName)* </edXMLManifest></edXMLBody>
      </edXMLEnvelope>
      <AttachmentEncoded> Attachment(ContentId, ContentTransferEncoded = base64)* </AttachmentEncoded>
    </edXML>

Element names are matched in the QCVN namespace or in none (packages in the wild write
AttachmentEncoded both ways). XML is parsed by lxml with entities left unresolved, no
network, no DTD loading, and any DOCTYPE refused: edXML has no DTD, so a package that
declares one (the billion-laughs and external-entity attacks need it) is refused before a
single entity is read. lxml rather than defusedxml because the signature check needs
lxml's canonicalisation; defusedxml's lxml wrapper is deprecated.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from theodoi.domain import IngestError

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
DSIG = "http://www.w3.org/2000/09/xmldsig#"

_PROLOGUE = 1 << 16  # bytes searched for a DOCTYPE before parsing; the parse checks again
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=True, remove_comments=False)  # huge_tree: base64 text nodes over 10 MB


@dataclass
class EncodedFile:
    """One file of the package, still base64, with what the manifest declares of it."""

    content_id: str
    name: str
    declared_type: str | None
    description: str
    base64: str


@dataclass
class Package:
    """What a package says: its XML tree (for the signature) and its fields."""

    tree: etree._ElementTree
    fields: dict = field(default_factory=dict)  # the header as read, JSON-ready
    files: list[EncodedFile] = field(default_factory=list)


def read_package(path: Path) -> Package:
    """Parse the package at `path` safely; raise IngestError for bad XML, a DTD or a wrong root."""
    data = path.read_bytes()
    if b"<!DOCTYPE" in data[:_PROLOGUE]:  # before parsing: a DTD is where entity bombs live
        raise IngestError("xml_entities", "the package declares a DTD (entities are refused: edXML has none)",
                          str(path))
    try:
        tree = etree.ElementTree(etree.fromstring(data, _PARSER))
    except etree.XMLSyntaxError as error:
        raise IngestError("malformed_xml", f"the package is not well-formed XML ({error})", str(path)) from error
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise IngestError("xml_entities", "the package declares a DTD (entities are refused: edXML has none)",
                          str(path))
    root = tree.getroot()
    if etree.QName(root).namespace != NS:
        found = etree.QName(root).namespace or "none"
        raise IngestError("wrong_namespace", f"the root <{etree.QName(root).localname}> is in namespace {found}, "
                          f"not edXML's {NS}", str(path))
    message = _find(root, "edXMLEnvelope", "edXMLHeader", "MessageHeader")
    if message is None:
        raise IngestError("malformed_xml", "the package has no edXMLEnvelope/edXMLHeader/MessageHeader", str(path))
    return Package(tree=tree, fields=header_fields(root, message), files=encoded_files(root))


def _children(element, name: str) -> list:
    return [c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name
            and etree.QName(c).namespace in (NS, None)]


def _find(element, *names: str):
    for name in names:
        if element is None:
            return None
        found = _children(element, name)
        element = found[0] if found else None
    return element


def _all(element, *names: str) -> list:
    """Every child named names[-1] under the path names[:-1] (none when the path is missing)."""
    parent = _find(element, *names[:-1])
    return _children(parent, names[-1]) if parent is not None else []


def _text(element, *names: str) -> str | None:
    found = _find(element, *names)
    value = " ".join((found.text or "").split()) if found is not None else ""
    return value or None


def _organ(element) -> dict:
    return {"id": _text(element, "OrganId"), "name": _text(element, "OrganName")}


def header_fields(root, message) -> dict:
    """The MessageHeader's fields, the trace and the manifest, as strings (None when absent)."""
    trace = _find(root, "edXMLEnvelope", "edXMLHeader", "TraceHeaderList")
    other = _find(message, "OtherInfo")
    return {
        "from": _organ(_find(message, "From")) if _find(message, "From") is not None else None,
        "to": [_organ(to) for to in _children(message, "To")],
        "document_id": _text(message, "DocumentId"),
        "code_number": _text(message, "Code", "CodeNumber"),
        "code_notation": _text(message, "Code", "CodeNotation"),
        "place": _text(message, "PromulgationInfo", "Place"),
        "promulgation_date": _text(message, "PromulgationInfo", "PromulgationDate"),
        "type": _text(message, "DocumentType", "Type"),
        "type_name": _text(message, "DocumentType", "TypeName"),
        "subject": _text(message, "Subject"),
        "competence": _text(message, "SignerInfo", "Competence"),
        "position": _text(message, "SignerInfo", "Position"),
        "full_name": _text(message, "SignerInfo", "FullName"),
        "due_date": _text(message, "DueDate"),
        "steering_type": _text(message, "SteeringType"),
        "to_places": [" ".join(p.itertext()).strip() for p in _all(message, "ToPlaces", "Place")],
        "other_info": {etree.QName(c).localname: " ".join(c.itertext()).strip() or None
                       for c in other if isinstance(c.tag, str)} if other is not None else {},
        "appendixes": [" ".join(a.itertext()).strip() for a in _all(other, "Appendixes", "Appendix")],
        "trace": [{"organ_id": _text(t, "OrganId"), "timestamp": _text(t, "Timestamp")}
                  for t in _all(trace, "TraceHeader")],
    }


def encoded_files(root) -> list[EncodedFile]:
    """The files in AttachmentEncoded, with the manifest's name, type and description."""
    manifest = {_text(ref, "ContentId") or "": ref
                for ref in _all(root, "edXMLEnvelope", "edXMLBody", "edXMLManifest", "Reference")}
    files = []
    attachments = [a for block in _children(root, "AttachmentEncoded") for a in _children(block, "Attachment")]
    for number, attachment in enumerate(attachments, start=1):
        content_id = _text(attachment, "ContentId") or ""
        ref = manifest.get(content_id)

        def said(name: str) -> str | None:  # the attachment's own element, else the manifest's
            return _text(attachment, name) or (_text(ref, name) if ref is not None else None)

        encoded = _find(attachment, "ContentTransferEncoded")
        files.append(EncodedFile(content_id, said("AttachmentName") or f"attachment-{number}",
                                 said("ContentType"), said("Description") or "",
                                 (encoded.text or "") if encoded is not None else ""))
    return files


_DATE_FORMATS = ("%Y/%m/%d", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y%m%d")


def package_date(value: str | None) -> dt.date | None:
    """A date as packages write it (2016/12/30, 2016-12-30, 30/12/2016, or a timestamp); None if unreadable."""
    if not value:
        return None
    head = re.split(r"[T ]", value.strip(), maxsplit=1)[0]
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(head, form).date()
        except ValueError:
            continue
    return None
