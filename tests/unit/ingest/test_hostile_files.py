"""Hostile files end with a clean code, never a hang, a traceback or a leak: a Word file with
nested XML entities or an external entity, a ZIP whose headers lie about sizes, a PDF with
JavaScript."""
from __future__ import annotations

import struct

import pytest

from theodoi.domain import IngestError
from theodoi.ingest import parse_file

from ...raw_docx import document_xml, raw_docx

def _body(doctype: str, text: str) -> str:
    return document_xml(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>", doctype)


def test_nested_entities_are_a_corrupt_file(tmp_path, settings):
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "laughs.docx"
    path.write_bytes(raw_docx(_body(f"<!DOCTYPE w:document [{entities}]>", "&a9;")))
    with pytest.raises(IngestError) as raised:
        parse_file(path, settings)
    assert raised.value.code == "corrupt_file" and "laughs.docx" in str(raised.value)


def test_an_external_entity_is_not_read(tmp_path, settings):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu của máy chủ", encoding="utf-8")
    path = tmp_path / "external.docx"
    path.write_bytes(raw_docx(_body(f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>',
                                 "KẾ HOẠCH triển khai &x; năm 2025")))
    try:
        parsed = parse_file(path, settings)
    except IngestError as error:
        assert error.code == "corrupt_file"
    else:
        assert "mật khẩu" not in parsed.text


def test_a_zip_whose_headers_lie_about_sizes_is_a_corrupt_file(tmp_path, settings):
    body = _body("", "Giao Sở Tài chính chủ trì rà soát. " * 200_000)
    data = bytearray(raw_docx(body))
    real = struct.pack("<I", len(body.encode("utf-8")))
    assert data.count(real) == 2  # the local and the central header
    path = tmp_path / "lying.docx"
    path.write_bytes(bytes(data.replace(real, struct.pack("<I", 1000))))
    with pytest.raises(IngestError) as raised:
        parse_file(path, settings)
    assert raised.value.code == "corrupt_file"


def test_javascript_in_a_pdf_is_never_run(tmp_path, settings):
    path = tmp_path / "script.pdf"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /S /JavaScript /JS (while(true){}) >>",
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Ke hoach 12) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    try:
        parsed = parse_file(path, settings)
    except IngestError as error:  # refused with a code is as good as read
        assert error.code in ("empty_text", "corrupt_file")
    else:
        assert "while(true)" not in parsed.text
