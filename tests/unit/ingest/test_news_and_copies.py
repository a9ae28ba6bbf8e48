"""News pages about a document and copies without a header."""
from theodoi.ingest import parse_file
from theodoi.ingest.issuer_names import speaker

NEWS = """# Thủ tướng yêu cầu đẩy mạnh giải ngân vốn đầu tư công

*(Chinhphu.vn) - Thủ tướng Chính phủ vừa ký ban hành Chỉ thị số 14/CT-TTg ngày 12/5/2025 về giải ngân vốn.*

Theo Hoàng Anh | Thứ năm, 15/05/2025 - 08:30

Thủ tướng Chính phủ vừa ký ban hành Chỉ thị số 14/CT-TTg ngày 12/5/2025 về đẩy mạnh giải ngân vốn đầu tư công.

Các bộ, ngành tại hội nghị giao ban trực tuyến - Ảnh: VGP/Minh Khôi

Chỉ thị yêu cầu các bộ, cơ quan trung ương và địa phương phấn đấu giải ngân trên 95% kế hoạch vốn năm 2025.

Bộ Tài chính chủ trì tổng hợp tình hình giải ngân, báo cáo Thủ tướng Chính phủ trước ngày 20 hằng tháng.

Link bài viết gốc: https://example.gov.vn/bai-viet-123.htm

Giờ đăng: 15/05/2025 08:30
"""


def test_news_page_headline_is_the_title_and_the_reported_directive_is_no_issuer(tmp_path):
    path = tmp_path / "tin.md"
    path.write_text(NEWS, encoding="utf-8")
    parsed = parse_file(path)
    h = parsed.header
    assert h.title == "Thủ tướng yêu cầu đẩy mạnh giải ngân vốn đầu tư công"
    assert (h.kind, h.number, h.issuer, h.date, h.place, h.signer) == (None,) * 6
    assert h.reports_on == "14/CT-TTg"
    for furniture in ("Hoàng Anh", "Ảnh:", "https://", "Giờ đăng", "(Chinhphu.vn)"):
        assert furniture not in parsed.text, furniture
    assert parsed.blocks[0].kind == "heading"
    assert "Bộ Tài chính chủ trì" in parsed.text


def test_a_formal_document_is_never_a_news_page(tmp_path):
    path = tmp_path / "qd.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n"
                    "Theo đề nghị của Sở Tài chính\nQUYẾT ĐỊNH:\nĐiều 1. Giao Sở Tài chính chủ trì.\n",
                    encoding="utf-8")
    parsed = parse_file(path)
    assert "Theo đề nghị của Sở Tài chính" in parsed.text and parsed.header.number == "12/QĐ-UBND"


def test_plain_report_without_furniture_is_not_a_news_page(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text("Báo cáo nhanh tình hình giải ngân\nTheo số liệu của Bộ Tài chính, đến ngày 30/4/2025 "
                    "cả nước giải ngân được 20% kế hoạch.\nBộ Tài chính đề nghị các bộ đẩy nhanh tiến độ.\n",
                    encoding="utf-8")
    parsed = parse_file(path)
    assert "Theo số liệu" in parsed.text and parsed.header.reports_on is None


def test_copy_without_header_takes_its_issuer_from_the_first_sentence(tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text("Về việc tăng cường quản lý giá sách giáo khoa\n\nBộ trưởng Bộ Giáo dục và Đào tạo yêu cầu các "
                    "sở giáo dục và đào tạo kiểm tra việc bán sách giáo khoa, báo cáo trước ngày 30/9/2025.\n",
                    encoding="utf-8")
    assert parse_file(path).header.issuer == "Bộ Giáo dục và Đào tạo"


def test_speaker_of_the_first_sentence():
    assert speaker("Bộ trưởng Bộ Y tế yêu cầu các sở y tế rà soát thuốc.") == "Bộ Y tế"
    assert speaker("Chủ tịch UBND tỉnh Nam Định chỉ thị các sở, ngành ...") == "Ủy ban nhân dân tỉnh Nam Định"
    assert speaker("Phó Chủ tịch Ủy ban nhân dân thành phố Cần Thơ giao Sở Xây dựng ...") == \
        "Ủy ban nhân dân thành phố Cần Thơ"
    assert speaker("Thủ tướng Chính phủ yêu cầu các bộ ...") == "Thủ tướng Chính phủ"
    assert speaker("Thủ tướng Chính phủ vừa ký ban hành Chỉ thị số 14/CT-TTg ...") is None
    assert speaker("Theo Bộ trưởng Bộ Y tế, cần rà soát ...") is None


def test_letter_copied_from_kinh_gui_on_is_a_cong_van_numbered_by_its_annex(tmp_path):
    """No header, no kind line: a letter that opens with its recipients is a Công văn; its annex
    names it ("kèm theo văn bản số: /UBND-VP"), even with the number's digits left blank."""
    path = tmp_path / "cv.txt"
    path.write_text("Kính gửi: Các sở, ban, ngành thành phố.\n"
                    "UBND Thành phố yêu cầu các sở rà soát hồ sơ tồn đọng, báo cáo trước ngày 10/12/2025./.\n"
                    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐỗ Minh Tâm\n"
                    "PHỤ LỤC\n(kèm theo văn bản số: /UBND-VP ngày tháng năm 2025 của UBND Thành phố)\n"
                    "1. Sở Xây dựng\n", encoding="utf-8")
    h = parse_file(path).header
    assert (h.kind, h.number, h.signer, h.date) == ("Công văn", "/UBND-VP", "Đỗ Minh Tâm", None)
