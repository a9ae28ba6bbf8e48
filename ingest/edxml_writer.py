"""Writing edXML packages (QCVN 102:2016) from header fields and files: for the tests, the bench,
and to wrap a document for sending. The layout is the one `edxml_package` reads.

The signature is an enveloped XML-DSig over the whole package (Reference URI "", transforms
enveloped-signature and C14N 1.0, SHA-256 digest), its SignatureValue an HMAC-SHA256 with the
caller's key: a real signature method of XML-DSig that needs no certificate.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from theodoi.domain import Header

from .edxml_package import DSIG, NS
from .edxml_signature import ENVELOPED

C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"


@dataclass
class PackageFile:
    """A file to carry: its name, bytes, declared ContentType and description."""

    name: str
    data: bytes
    content_type: str
    description: str = ""


@dataclass
class PackageFields:
    """The MessageHeader's fields, by their QCVN names."""

    from_id: str = ""
    from_name: str = ""
    to: list[tuple[str, str]] = field(default_factory=list)  # (OrganId, OrganName)
    code_number: str = ""
    code_notation: str = ""
    place: str = ""
    promulgation_date: dt.date | None = None
    type_name: str = ""
    subject: str = ""
    competence: str = ""
    position: str = ""
    full_name: str = ""
    due_date: dt.date | None = None
    steering_type: int | None = None
    to_places: list[str] = field(default_factory=list)
    appendixes: list[str] = field(default_factory=list)
    document_id: str = ""
    trace: list[tuple[str, str]] = field(default_factory=list)  # (OrganId, Timestamp)


def fields_from_header(header: Header, **extra) -> PackageFields:
    """The package fields that state what `header` says (number split into CodeNumber and
    CodeNotation at the first "/"); `extra` sets the fields a header has not (due_date, to, ...)."""
    number, _, notation = (header.number or "").partition("/")
    competence = " ".join(p for p in (header.signer_authority, header.signer_title) if p)
    fields = PackageFields(
        from_name=header.issuer or "", code_number=number, code_notation=notation, place=header.place or "",
        promulgation_date=header.date, type_name=header.kind or "", subject=header.title or "",
        competence=competence, position=header.signer_title or "", full_name=header.signer or "")
    for name, value in extra.items():
        setattr(fields, name, value)
    return fields


def zipped(name: str, files: list[PackageFile], description: str = "") -> PackageFile:
    """The files in one zip, as offices send several files in one attachment."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.writestr(file.name, file.data)
    return PackageFile(name, buffer.getvalue(), "application/zip", description)


def write_package(fields: PackageFields, files: list[PackageFile], *, sign_key: bytes | None = None) -> bytes:
    """The package's bytes (UTF-8 XML); signed when `sign_key` is given."""
    root = etree.Element(f"{{{NS}}}edXML", nsmap={None: NS})
    envelope = _sub(root, "edXMLEnvelope")
    header = _sub(envelope, "edXMLHeader")
    _message_header(_sub(header, "MessageHeader"), fields)
    trace = _sub(header, "TraceHeaderList")
    for organ_id, timestamp in fields.trace:
        entry = _sub(trace, "TraceHeader")
        _sub(entry, "OrganId", organ_id)
        _sub(entry, "Timestamp", timestamp)
    manifest = _sub(_sub(envelope, "edXMLBody"), "edXMLManifest")
    encoded = _sub(root, "AttachmentEncoded")
    for number, file in enumerate(files, start=1):
        reference = _sub(manifest, "Reference")
        for name, value in (("ContentId", f"cid:{number}"), ("ContentType", file.content_type),
                            ("Description", file.description), ("AttachmentName", file.name)):
            _sub(reference, name, value)
        attachment = _sub(encoded, "Attachment")
        _sub(attachment, "ContentId", f"cid:{number}")
        _sub(attachment, "AttachmentName", file.name)
        _sub(attachment, "ContentType", file.content_type)
        _sub(attachment, "ContentTransferEncoded", base64.encodebytes(file.data).decode("ascii"))
    if sign_key is not None:
        sign(root, header, sign_key)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _sub(parent, name: str, text: str | None = None):
    element = etree.SubElement(parent, f"{{{NS}}}{name}")
    if text:
        element.text = text
    return element


def _date(value: dt.date | None) -> str:
    return value.strftime("%Y/%m/%d") if value else ""


def _message_header(message, f: PackageFields) -> None:
    organ = _sub(message, "From")
    _sub(organ, "OrganId", f.from_id)
    _sub(organ, "OrganName", f.from_name)
    for organ_id, organ_name in f.to:
        to = _sub(message, "To")
        _sub(to, "OrganId", organ_id)
        _sub(to, "OrganName", organ_name)
    _sub(message, "DocumentId", f.document_id)
    code = _sub(message, "Code")
    _sub(code, "CodeNumber", f.code_number)
    _sub(code, "CodeNotation", f.code_notation)
    info = _sub(message, "PromulgationInfo")
    _sub(info, "Place", f.place)
    _sub(info, "PromulgationDate", _date(f.promulgation_date))
    _sub(_sub(message, "DocumentType"), "TypeName", f.type_name)
    _sub(message, "Subject", f.subject)
    signer = _sub(message, "SignerInfo")
    _sub(signer, "Competence", f.competence)
    _sub(signer, "Position", f.position)
    _sub(signer, "FullName", f.full_name)
    _sub(message, "DueDate", _date(f.due_date))
    places = _sub(message, "ToPlaces")
    for place in f.to_places:
        _sub(places, "Place", place)
    other = _sub(message, "OtherInfo")
    _sub(other, "Priority", "0")
    appendixes = _sub(other, "Appendixes")
    for name in f.appendixes:
        _sub(appendixes, "Appendix", name)
    _sub(message, "SteeringType", "" if f.steering_type is None else str(f.steering_type))


def sign(root, parent, key: bytes) -> None:
    """Append an enveloped signature of the whole document to `parent`."""
    digest = hashlib.sha256(etree.tostring(root, method="c14n")).digest()
    signature = etree.SubElement(parent, f"{{{DSIG}}}Signature", nsmap={"ds": DSIG})
    signed_info = etree.SubElement(signature, f"{{{DSIG}}}SignedInfo")
    etree.SubElement(signed_info, f"{{{DSIG}}}CanonicalizationMethod", Algorithm=C14N)
    etree.SubElement(signed_info, f"{{{DSIG}}}SignatureMethod", Algorithm=HMAC_SHA256)
    reference = etree.SubElement(signed_info, f"{{{DSIG}}}Reference", URI="")
    transforms = etree.SubElement(reference, f"{{{DSIG}}}Transforms")
    etree.SubElement(transforms, f"{{{DSIG}}}Transform", Algorithm=ENVELOPED)
    etree.SubElement(transforms, f"{{{DSIG}}}Transform", Algorithm=C14N)
    etree.SubElement(reference, f"{{{DSIG}}}DigestMethod", Algorithm=SHA256)
    etree.SubElement(reference, f"{{{DSIG}}}DigestValue").text = base64.b64encode(digest).decode("ascii")
    value = hmac.new(key, etree.tostring(signed_info, method="c14n"), hashlib.sha256).digest()
    etree.SubElement(signature, f"{{{DSIG}}}SignatureValue").text = base64.b64encode(value).decode("ascii")
