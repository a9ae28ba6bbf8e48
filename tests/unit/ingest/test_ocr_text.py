"""OCR output saved as text (.txt/.md): told by formulas misread, its header checked like a scan's:
a field that fails validation is None plus a warning, never garbage."""
import datetime as dt

from theodoi.ingest import parse_file
from theodoi.ingest.ocr_checks import body_shaped, known_body, machine_read, person_named

BODY = ("Ngày 03 tháng 10 năm 2024, Phó Thủ tướng chủ trì cuộc họp về dữ liệu dân cư. Kết luận như sau:\n"
        "a) Bộ Công an chủ trì, phối hợp với các bộ hoàn thiện cơ sở dữ liệu trong tháng 12 năm 2024.\n"
        "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.\n")


def ocr_file(tmp_path, head: str, tail: str, name: str = "scan.txt"):
    path = tmp_path / name
    path.write_text(head + "\n\n" + BODY + "\n" + tail, encoding="utf-8")
    return parse_file(path)


def test_lost_tones_in_a_known_issuer_are_restored_and_columns_run_together_are_split(tmp_path):
    parsed = ocr_file(
        tmp_path,
        "VAN PHONG CHÍNH PHU CONG HOA XA HOI CHU NGHIA VIET NAM\n————— Doc lap - Tu do - Hanh phuc\n\n"
        "Số: 512/TB-VPCP Hà Nội, ngày 07 tháng 10 năm 2024\n\nTHÔNG BÁO\n"
        "Kết luận của Phó Thủ tướng tại cuộc họp về dữ liệu dân cư",
        "Noi nhận: - KT. BỘ TRƯỞNG, CHỦ NHIỆM\n- Như trên;\n- Lưu: VT, KSTT(2).vra\nNguyễn Văn Hải\n")
    h = parsed.header
    assert (h.issuer, h.number, h.place, h.date) == ("Văn phòng Chính phủ", "512/TB-VPCP", "Hà Nội",
                                                     dt.date(2024, 10, 7))
    assert h.kind == "Thông báo kết luận" and h.title.startswith("của Phó Thủ tướng")
    assert h.signer == "Nguyễn Văn Hải"


def test_garbage_fields_are_dropped_with_a_warning(tmp_path):
    parsed = ocr_file(
        tmp_path,
        "FCONG THONG TY TỪ CHÍ NI PHÙ STP T,\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n"
        "Số: ,/%KH~ Hà Nội, ngày 07 tháng 10 năm 2024\nCÔNG ĐIỆN\nVề bảo đảm an toàn dữ liệu",
        "Noi nhan:\n- Như trên;\n- Lưu: VT.\nTHỦ TƯỚNG\nCông Điện\n", name="scan.md")
    h = parsed.header
    assert h.issuer is None and h.number is None and h.signer is None
    assert h.kind == "Công điện" and h.date == dt.date(2024, 10, 7)
    warnings = " ".join(parsed.warnings)
    assert "not the name of a body" in warnings and "not a person's name" in warnings


def test_typed_text_is_not_taken_for_ocr(tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text("CÔNG TY CỔ PHẦN SỐ HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                    "Số: 12/BC-CT\nHà Nội, ngày 5 tháng 1 năm 2025\nBÁO CÁO\nVề kết quả năm 2024\n" + BODY,
                    encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.header.issuer.lower() == "công ty cổ phần số hóa" and not parsed.warnings


def test_validators():
    assert machine_read("CONG HOA XA HOI CHU NGHIA VIET NAM") and not machine_read("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert machine_read("Noi nhận:") and not machine_read("Nơi nhận:")
    assert known_body("Bo Tai chinh") == "Bộ Tài chính"
    assert known_body("Uy ban nhan dan tinh Long An") == "Ủy ban nhân dân tỉnh Long An"
    assert known_body("Sở Tài chính") is None
    assert body_shaped("Sở Nội vụ tỉnh Lào Cai") and not body_shaped("Fcong thong ty từ chí ni phù stp t,")
    assert person_named("Trần Văn Sơn") and not person_named("Công Điện") and not person_named("KT. CHỦ TỊCH")
    assert not person_named("Ủy Ban Nhân Dân")
