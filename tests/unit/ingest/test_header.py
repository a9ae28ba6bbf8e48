import datetime as dt

from theodoi.ingest.header import parse_header

STATE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH DƯƠNG
Số: 09 / 2009 / CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thủ Dầu Một, ngày 15 tháng 4 năm 2009
CHỈ THỊ
Về việc đẩy mạnh hoạt động khoa học
và công nghệ cấp cơ sở
Trong thời gian qua, hoạt động khoa học và công nghệ được quan tâm.
Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Hiệp"""

PARTY = """ĐẢNG BỘ TỈNH THÁI NGUYÊN
BAN CHẤP HÀNH
*
Số 15-NQ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Thái Nguyên, ngày 31 tháng 12 năm 2020
NGHỊ QUYẾT
VỀ CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TỈNH THÁI NGUYÊN ĐẾN NĂM 2025
Căn cứ Điều lệ Đảng;
T/M TỈNH ỦY
BÍ THƯ
Nguyễn Thanh Hải"""

CONG_VAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ THỌ\tĐộc lập - Tự do - Hạnh phúc
Số: 4532/UBND- KSTTHC\tPhú Thọ, ngày 07 tháng 12 năm 2011
V/v xây dựng kế hoạch rà soát quy định,
thủ tục hành chính
Kính gửi:
- Các sở, ban, ngành;
- UBND các huyện, thành, thị.
Thực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ."""


def test_state_header():
    h = parse_header(STATE)
    assert h.kind == "Chỉ thị"
    assert h.number == "09/2009/CT-UBND"
    assert h.issuer == "Ủy ban nhân dân tỉnh Bình Dương"
    assert (h.place, h.date) == ("Thủ Dầu Một", dt.date(2009, 4, 15))
    assert h.title == "Về việc đẩy mạnh hoạt động khoa học và công nghệ cấp cơ sở"
    assert (h.signer_authority, h.signer_title, h.signer) == ("KT.", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp")
    assert h.recipients == ["Bộ Khoa học và Công nghệ", "Lưu: VT"]


def test_party_header():
    h = parse_header(PARTY)
    assert h.kind == "Nghị quyết" and h.number == "15-NQ/TU"
    assert h.issuer == "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên"
    assert h.date == dt.date(2020, 12, 31) and h.place == "Thái Nguyên"
    assert h.title == "VỀ CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TỈNH THÁI NGUYÊN ĐẾN NĂM 2025"
    assert (h.signer_authority, h.signer) == ("T/M", "Nguyễn Thanh Hải")


def test_cong_van_with_side_by_side_columns():
    h = parse_header(CONG_VAN)
    assert h.kind == "Công văn"
    assert h.number == "4532/UBND-KSTTHC"
    assert h.issuer == "Ủy ban nhân dân tỉnh Phú Thọ"
    assert h.date == dt.date(2011, 12, 7) and h.place == "Phú Thọ"
    assert h.title == "Về việc xây dựng kế hoạch rà soát quy định, thủ tục hành chính"
    assert h.recipients == ["Các sở, ban, ngành", "UBND các huyện, thành, thị"]


def test_parent_issuer_and_issued_with():
    text = ("UBND TỈNH LONG AN\nSỞ TÀI CHÍNH\nSố: 12/QĐ-STC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Long An, ngày 05 tháng 01 năm 2024\nQUY CHẾ\nLàm việc của Sở Tài chính\n"
            "(Ban hành kèm theo Quyết định số 12/QĐ-STC ngày 05/01/2024 của Giám đốc Sở Tài chính)\n"
            "Điều 1. Phạm vi điều chỉnh")
    h = parse_header(text)
    assert h.kind == "Quy chế"
    assert h.issuer == "Sở Tài chính tỉnh Long An" and h.parent_issuer == "Ủy ban nhân dân tỉnh Long An"
    assert h.issued_with == "12/QĐ-STC"
    assert h.title == "Làm việc của Sở Tài chính"


def test_headerless_directive_infers_issuer():
    text = ("Chỉ thị về việc bảo đảm mỹ quan công trình viễn thông trên địa bàn tỉnh đồng nai\n"
            "Thời gian qua, các công trình được xây dựng nhanh.\n"
            "Để khắc phục tình trạng trên, Ủy ban nhân dân tỉnh chỉ thị:\n"
            "1. Sở Xây dựng chủ trì kiểm tra các công trình trên địa bàn tỉnh Đồng Nai.")
    h = parse_header(text)
    assert h.kind == "Chỉ thị" and h.number is None and h.date is None and h.signer is None
    assert h.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert h.title.startswith("về việc bảo đảm mỹ quan")


def test_news_report_has_only_a_headline():
    text = ("Thủ tướng chỉ đạo thúc đẩy giải ngân vốn đầu tư công\n"
            "Ngày 15/9, Thủ tướng Chính phủ yêu cầu các bộ, ngành đẩy nhanh giải ngân. Đảng Cộng sản Việt Nam "
            "lãnh đạo toàn diện.\n")
    h = parse_header(text)
    assert h.title == "Thủ tướng chỉ đạo thúc đẩy giải ngân vốn đầu tư công"
    assert (h.kind, h.number, h.issuer, h.date, h.signer) == (None, None, None, None, None)


def test_news_paragraph_first_gives_no_title():
    text = "Ngày 17.2.2025, Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động số 32-CT/TU.\nNội dung khác."
    assert parse_header(text).title is None


def test_signer_title_misread_by_ocr_is_still_a_title():
    text = ("TỈNH ỦY QUẢNG NINH\nSố 05-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ninh, ngày 15 tháng 7 năm 2021\n"
            "CHỈ THỊ\nvề đẩy mạnh học tập\nNội dung.\nNơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\n"
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THỪ THƯỜNG TRỰC\nĐỗ Thị Hạnh")
    header = parse_header(text)
    assert (header.signer_title, header.signer) == ("PHÓ BÍ THỪ THƯỜNG TRỰC", "Đỗ Thị Hạnh")


def test_a_title_wrapped_after_so_runs_on_to_the_number():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 3540/UBND-NC\nV/v đôn đốc thực hiện Chỉ thị số\n"
            "08/CT-UBND ngày 05/4/2021 của UBND tỉnh\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLong An, ngày 20 tháng 9 năm 2021\nKính gửi: Các sở, ngành.\nNội dung.")
    assert parse_header(text).title == "Về việc đôn đốc thực hiện Chỉ thị số 08/CT-UBND ngày 05/4/2021 của UBND tỉnh"
