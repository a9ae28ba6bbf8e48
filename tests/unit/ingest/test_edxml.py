"""edXML packages built by the project's writer: each header field read, the files decoded and read
(PDF, DOCX, a zip), the signature checked, and every bad package refused with its own code."""
from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import pytest

from theodoi.config import Settings
from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.ingest.edxml_writer import PackageFields, PackageFile, write_package, zipped
from theodoi.nlp import extract
from theodoi.pipeline import ingest_paths

from .conftest import write_docx, write_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.load(tmp_path / "data", ocr_mode="off")


def fields(**changes) -> PackageFields:
    base = PackageFields(
        from_id="000.00.00.H56", from_name="UBND tỉnh Thái Nguyên",
        to=[("000.00.31.H56", "Sở TT&TT tỉnh Thái Nguyên"), ("000.00.12.H56", "Công ty Điện lực Thái Nguyên")],
        code_number="88", code_notation="KH-UBND", place="Thái Nguyên", promulgation_date=dt.date(2025, 4, 2),
        type_name="KẾ HOẠCH", subject="V/v triển khai kho dữ liệu dùng chung", competence="KT. CHỦ TỊCH",
        position="PHÓ CHỦ TỊCH", full_name="Lê Văn Bình", due_date=dt.date(2025, 5, 15), steering_type=1,
        to_places=["UBND huyện Phú Bình", "Sở Tài chính"], document_id="H56-2025-000123",
        trace=[("000.00.00.H56", "2025/04/02 08:15:00")])
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def package(tmp_path: Path, name: str = "p.edxml", *, files=None, sign_key=b"test-key", **changes) -> Path:
    if files is None:
        files = [PackageFile("ke-hoach.pdf", write_pdf(tmp_path / "main.pdf").read_bytes(), "application/pdf")]
    path = tmp_path / name
    path.write_bytes(write_package(fields(**changes), files, sign_key=sign_key))
    return path


def code_of(path: Path, settings: Settings) -> str:
    with pytest.raises(IngestError) as caught:
        parse_file(path, settings)
    assert str(path) in str(caught.value)
    return caught.value.code


# --------------------------------------------------------------------------- header fields
def test_every_header_field_comes_from_the_package(tmp_path, settings):
    parsed = parse_file(package(tmp_path), settings)
    header = parsed.header
    assert header.source == "edxml" and parsed.parser == "edxml/1"
    assert header.number == "88/KH-UBND"  # CodeNumber / CodeNotation (the PDF's own says 123/KH-UBND)
    assert header.kind == "Kế hoạch"  # TypeName, in the spelling of SCHEMA.md
    assert header.place == "Thái Nguyên" and header.date == dt.date(2025, 4, 2)
    assert header.title == "Về việc triển khai kho dữ liệu dùng chung"  # Subject
    assert (header.signer, header.signer_authority, header.signer_title) == ("Lê Văn Bình", "KT.", "PHÓ CHỦ TỊCH")
    assert header.recipient_due == dt.date(2025, 5, 15) and header.directing is True
    assert header.issuer == "UBND tỉnh Thái Nguyên"  # as written until nlp normalises it
    assert header.recipients == ["Sở TT&TT tỉnh Thái Nguyên", "Công ty Điện lực Thái Nguyên",
                                 "UBND huyện Phú Bình", "Sở Tài chính"]  # To, then ToPlaces
    recorded = header.package
    assert recorded["from"] == {"id": "000.00.00.H56", "name": "UBND tỉnh Thái Nguyên"}
    assert recorded["document_id"] == "H56-2025-000123" and recorded["competence"] == "KT. CHỦ TỊCH"
    assert recorded["trace"] == [{"organ_id": "000.00.00.H56", "timestamp": "2025/04/02 08:15:00"}]
    assert recorded["signature"] == "digest_ok"


def test_the_text_fills_what_the_package_leaves_out(tmp_path, settings):
    parsed = parse_file(package(tmp_path, code_number="", code_notation="", place="", promulgation_date=None,
                                due_date=None, steering_type=None), settings)
    assert parsed.header.number == "123/KH-UBND" and parsed.header.place == "Thái Nguyên"  # read from the PDF
    assert parsed.header.date == dt.date(2025, 3, 15)
    assert parsed.header.recipient_due is None and parsed.header.directing is None


@pytest.mark.parametrize("steering, directing", [(0, False), (1, True), (2, True)])
def test_steering_type_marks_directing_documents(tmp_path, settings, steering, directing):
    assert parse_file(package(tmp_path, steering_type=steering), settings).header.directing is directing


def test_nlp_writes_the_package_bodies_out_against_the_gazetteer(tmp_path, settings):
    parsed = parse_file(package(tmp_path), settings)
    extract(parsed)
    assert parsed.header.issuer == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert parsed.header.recipients == ["Sở Thông tin và Truyền thông tỉnh Thái Nguyên",
                                        "Công ty Điện lực Thái Nguyên",  # unknown: as written
                                        "Ủy ban nhân dân huyện Phú Bình", "Sở Tài chính"]


# --------------------------------------------------------------------------- files
def test_main_document_then_appendices_docx_and_zipped(tmp_path, settings):
    main = PackageFile("ke-hoach.pdf", write_pdf(tmp_path / "main.pdf").read_bytes(), "application/pdf")
    docx = PackageFile("bang-nhiem-vu.docx", write_docx(tmp_path / "tasks.docx").read_bytes(), DOCX)
    note = PackageFile("ghi-chu.txt", "PHỤ LỤC II\nGiao Sở Tài chính bố trí kinh phí năm 2025.".encode(), "text/plain")
    parsed = parse_file(package(tmp_path, files=[docx, main, zipped("kem-theo.zip", [note], "Phụ lục kèm theo")],
                                appendixes=["bang-nhiem-vu.docx"]), settings)
    roles = [(f.name, f.role, f.parser) for f in parsed.attachments]
    assert roles == [("ke-hoach.pdf", "main", "pdf/1"), ("bang-nhiem-vu.docx", "appendix", "docx/1"),
                     ("ghi-chu.txt", "appendix", "plain_text/1")]
    alone = parse_file(tmp_path / "main.pdf", settings)
    assert parsed.text.startswith(alone.text)  # the main document's own text first
    assert "Xây dựng kho dữ liệu dùng chung" in parsed.text and parsed.text.endswith("bố trí kinh phí năm 2025.")


def test_xml_file_whose_root_is_edxml_is_a_package(tmp_path, settings):
    parsed = parse_file(package(tmp_path, "goi-tin.xml"), settings)
    assert parsed.parser == "edxml/1" and parsed.header.number == "88/KH-UBND"


def test_an_unreadable_appendix_is_a_warning(tmp_path, settings):
    main = PackageFile("ke-hoach.pdf", write_pdf(tmp_path / "main.pdf").read_bytes(), "application/pdf")
    png = PackageFile("phu-luc-scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")  # OCR is off
    parsed = parse_file(package(tmp_path, files=[main, png]), settings)
    assert [f.parser for f in parsed.attachments] == ["pdf/1", None]
    assert any(w.startswith("appendix phu-luc-scan.png not read") for w in parsed.warnings)


# --------------------------------------------------------------------------- signature
def test_signature_absent_is_recorded_not_refused(tmp_path, settings):
    assert parse_file(package(tmp_path, sign_key=None), settings).header.package["signature"] == "absent"


def test_a_package_changed_after_signing_is_read_with_a_warning(tmp_path, settings):
    path = package(tmp_path)
    path.write_bytes(path.read_bytes().replace("kho dữ liệu".encode(), "kho số liệu".encode(), 1))
    parsed = parse_file(path, settings)
    assert parsed.header.package["signature"] == "digest_mismatch"
    assert parsed.header.title == "Về việc triển khai kho số liệu dùng chung"
    assert any("does not match" in w for w in parsed.warnings)


# --------------------------------------------------------------------------- bad packages
def test_malformed_xml(tmp_path, settings):
    path = package(tmp_path)
    path.write_bytes(path.read_bytes()[:-40])
    assert code_of(path, settings) == "malformed_xml"


def test_entity_expansion_is_refused_at_once(tmp_path, settings):
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    path = tmp_path / "bomb.edxml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY l0 "lol">{lol}]>'
                    f'<edXML xmlns="{NS}"><edXMLEnvelope><edXMLHeader><MessageHeader><Subject>&l9;</Subject>'
                    '</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>', encoding="utf-8")
    started = time.perf_counter()
    assert code_of(path, settings) == "xml_entities"
    assert time.perf_counter() - started < 5  # refused, not expanded (a billion "lol"s would take minutes)


def test_external_entity_is_refused(tmp_path, settings):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu")
    path = tmp_path / "xxe.edxml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>'
                    f'<edXML xmlns="{NS}"><Subject>&s;</Subject></edXML>', encoding="utf-8")
    assert code_of(path, settings) == "xml_entities"


def test_wrong_namespace(tmp_path, settings):
    path = package(tmp_path)
    path.write_bytes(path.read_bytes().replace(NS.encode(), b"http://www.go.vn/eDoc"))
    assert code_of(path, settings) == "wrong_namespace"


def test_attachment_that_does_not_decode(tmp_path, settings):
    path = package(tmp_path, files=[PackageFile("a.pdf", b"%PDF-1.4 x", "application/pdf")])
    data = path.read_bytes()
    start = data.index(b"<ContentTransferEncoded>") + len(b"<ContentTransferEncoded>")
    path.write_bytes(data[:start] + b"@@not base64!!" + data[start:])
    assert code_of(path, settings) == "attachment_decode_error"


@pytest.mark.parametrize("name, content_type, data", [
    ("ke-hoach.pdf", "application/pdf", "Kế hoạch gõ bằng tay, không phải PDF".encode()),  # text named .pdf
    ("ke-hoach.pdf", "application/pdf", b"docx"),  # a DOCX declared as a PDF (bytes filled in below)
    ("ke-hoach.docx", "application/octet-stream", b"%PDF-1.4\n%%EOF"),  # the extension declares it
])
def test_attachment_whose_declared_type_lies(tmp_path, settings, name, content_type, data):
    if data == b"docx":
        data = write_docx(tmp_path / "real.docx").read_bytes()
    assert code_of(package(tmp_path, files=[PackageFile(name, data, content_type)]), settings) \
        == "attachment_type_mismatch"


def test_zip_bomb_inside(tmp_path, settings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ke-hoach.txt", b"\x00" * 40_000_000)  # 40 MB of zeros pack into ~40 KB
    bomb = PackageFile("ho-so.zip", buffer.getvalue(), "application/zip")
    assert code_of(package(tmp_path, files=[bomb]), settings) == "zip_bomb"


def test_package_without_files(tmp_path, settings):
    assert code_of(package(tmp_path, files=[]), settings) == "no_attachment"


def test_a_batch_goes_on_past_bad_packages(tmp_path):
    settings = Settings.load(tmp_path / "data", ocr_mode="off")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    main = [PackageFile("ke-hoach.pdf", write_pdf(tmp_path / "main.pdf").read_bytes(), "application/pdf")]
    good = package(inbox, "1-good.edxml", files=main)
    (inbox / "2-broken.edxml").write_bytes(good.read_bytes()[:200])
    package(inbox, "3-lying.edxml", files=[PackageFile("x.pdf", b"plain words", "application/pdf")])
    other = [PackageFile("ke-hoach-2.pdf", write_pdf(tmp_path / "other.pdf", pages=2).read_bytes(), "application/pdf")]
    package(inbox, "4-good.edxml", files=other, code_number="89")  # another text: not a copy of the first
    report = ingest_paths([inbox], settings)
    assert [(o.path.name, o.status, o.error_code) for o in report.outcomes] == [
        ("1-good.edxml", "added", None), ("2-broken.edxml", "failed", "malformed_xml"),
        ("3-lying.edxml", "failed", "attachment_type_mismatch"), ("4-good.edxml", "added", None)]


def test_a_spreadsheet_appendix_is_no_lie_and_is_listed_unread(tmp_path, settings):
    """An .xlsx is a zip by its bytes: declared as a spreadsheet it is neither a type mismatch nor
    opened as a zip; no parser reads spreadsheets, so it is listed with a warning."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Chỉ tiêu", "Kết quả"])
    book.save(tmp_path / "bieu-mau.xlsx")
    sheet = PackageFile("bieu-mau.xlsx", (tmp_path / "bieu-mau.xlsx").read_bytes(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Phụ lục số liệu")
    main = PackageFile("ke-hoach.pdf", write_pdf(tmp_path / "main.pdf").read_bytes(), "application/pdf")
    parsed = parse_file(package(tmp_path, files=[main, sheet]), settings)
    assert [(f.name, f.role, f.parser) for f in parsed.attachments] == [
        ("ke-hoach.pdf", "main", "pdf/1"), ("bieu-mau.xlsx", "appendix", None)]
    assert any(w.startswith("appendix bieu-mau.xlsx not read: unsupported_type") for w in parsed.warnings)


def header_signed_package(tmp_path: Path, digest_method: str = "http://www.w3.org/2000/09/xmldsig#sha1") -> Path:
    """A package whose signature covers the MessageHeader alone (Reference URI "#hdr", exclusive C14N)."""
    import base64
    import hashlib

    from lxml import etree

    dsig = "http://www.w3.org/2000/09/xmldsig#"
    root = etree.fromstring(package(tmp_path, sign_key=None).read_bytes())
    message = root.find(f".//{{{NS}}}MessageHeader")
    message.set("Id", "hdr")
    digest = hashlib.sha1(etree.tostring(message, method="c14n", exclusive=True)).digest()
    signature = etree.SubElement(root.find(f".//{{{NS}}}edXMLHeader"), f"{{{dsig}}}Signature")
    reference = etree.SubElement(etree.SubElement(signature, f"{{{dsig}}}SignedInfo"), f"{{{dsig}}}Reference", URI="#hdr")
    etree.SubElement(etree.SubElement(reference, f"{{{dsig}}}Transforms"), f"{{{dsig}}}Transform",
                     Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#")
    etree.SubElement(reference, f"{{{dsig}}}DigestMethod", Algorithm=digest_method)
    etree.SubElement(reference, f"{{{dsig}}}DigestValue").text = base64.b64encode(digest).decode()
    path = tmp_path / "header-signed.edxml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return path


def test_a_signature_of_the_header_alone(tmp_path, settings):
    path = header_signed_package(tmp_path)
    assert parse_file(path, settings).header.package["signature"] == "digest_ok"
    original = path.read_bytes()
    path.write_bytes(original.replace(b"<ContentType>application/pdf</ContentType>",
                                      b"<ContentType>application/pdf </ContentType>"))  # outside what is signed
    assert parse_file(path, settings).header.package["signature"] == "digest_ok"
    path.write_bytes(original.replace("Lê Văn Bình".encode(), "Lê Văn Bính".encode()))  # inside
    assert parse_file(path, settings).header.package["signature"] == "digest_mismatch"


def test_a_digest_method_it_does_not_know_is_reported_unchecked(tmp_path, settings):
    path = header_signed_package(tmp_path, digest_method="urn:example:digest")
    parsed = parse_file(path, settings)
    assert parsed.header.package["signature"] == "unchecked: digest method urn:example:digest"
