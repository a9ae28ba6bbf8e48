"""Pages saved from a legal portal, as HTML, as markdown and as text: the official text is found
inside the site text, the metadata box fills what the text lacks, and nothing comes from the
chrome (menus, copyright, login prompts, the portal's summary, related documents)."""
import datetime as dt

import pytest

from theodoi.ingest import parse_file

# an invented plan; the site text around it holds a task, a target and citations of its own
OFFICIAL = [
    "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "|", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "|", "Số: 58/KH-UBND", "|", "Lào Cai, ngày 12 tháng 3 năm 2025", "|",
    "KẾ HOẠCH", "TRIỂN KHAI NỀN TẢNG SỐ DÙNG CHUNG CỦA TỈNH",
    "Thực hiện Nghị quyết số 12-NQ/TU ngày 05/01/2025 của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:",
    "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành xây dựng kho dữ liệu dùng chung, "
    "hoàn thành trước ngày 30/6/2025.",
    "2. Phấn đấu đến năm 2025 có 80% hồ sơ được số hóa.", "|",
    "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "|", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    "Lê Văn Hòa",
]
BEFORE = [
    "Trang chủ | Văn bản | Biểu mẫu | Đăng nhập", "Bản quyền thuộc về Cổng Văn Bản Mẫu. Mọi sao chép phải xin phép.",
    "Đang tải văn bản...",
]
BOX = [("Số hiệu", "58/KH-UBND"), ("Loại văn bản", "Kế hoạch"), ("Nơi ban hành", "Tỉnh Lào Cai"),
       ("Người ký", "Lê Văn Hòa"), ("Ngày ban hành", "12/03/2025"), ("Ngày hiệu lực", "Đã biết"),
       ("Tình trạng", "Còn hiệu lực")]
SUMMARY = [
    "Tóm tắt: Lào Cai số hóa hồ sơ",
    "Theo kế hoạch, giao Sở Tài chính bố trí 900 tỷ đồng trước ngày 31/12/2026 theo Quyết định số 4321/QĐ-TTg.",
]
AFTER = [
    "Kế hoạch 58/KH-UBND năm 2025 triển khai nền tảng số dùng chung của tỉnh do Tỉnh Lào Cai ban hành",
    "Văn bản liên quan", "Quyết định 777/QĐ-UBND năm 2024 về chuyển đổi số", "Ban hành: 01/02/2024",
    "Quý khách Đăng nhập để tải văn bản gốc. Yêu cầu đạt 100% thành viên đăng ký.",
]
CHROME_WORDS = ["Sở Tài chính", "4321/QĐ-TTg", "777/QĐ-UBND", "900", "Đăng nhập", "Bản quyền", "Tóm tắt"]


def markdown_capture() -> str:
    """The page as an HTML-to-markdown converter writes it: one table cell a line, a lone '|'
    between cells, bold marks, and a bold label wrapped onto two lines."""
    box = []
    for label, value in BOX:
        box += [f"**{label}:**" if label != "Ngày hiệu lực" else f"**\n{label}:**", "|", value, "|"]
    official = [f"**{line}**" if line.isupper() and line != "|" else line for line in OFFICIAL]
    official[official.index("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**")] = "**CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"
    return "\n".join(BEFORE + ["#"] + box + ["## " + SUMMARY[0]] + SUMMARY[1:] + ["|"] + official + ["|"] + AFTER)


def html_capture() -> str:
    cells = "".join(f"<tr><td><b>{label}:</b></td><td>{value}</td></tr>" for label, value in BOX)
    text = "".join(f"<p>{line}</p>" for line in OFFICIAL if line != "|")
    return (f"<html><body><div class='menu'>{BEFORE[0]}</div><div><p>{BEFORE[1]}</p>"
            f"<table>{cells}</table><h2>{SUMMARY[0]}</h2><p>{SUMMARY[1]}</p><div class='content'>{text}</div>"
            + "".join(f"<p>{line}</p>" for line in AFTER) + "</div></body></html>")


def html_property_table() -> str:
    """A box as a property table: label and value cells side by side, two pairs a row, no colons."""
    pairs = [(label, value) for label, value in BOX]
    rows = "".join("<tr>" + "".join(f"<td>{label}</td><td>{value}</td>" for label, value in pairs[i:i + 2]) + "</tr>"
                   for i in range(0, len(pairs), 2))
    text = "".join(f"<p>{line}</p>" for line in OFFICIAL if line != "|")
    return (f"<html><body><div>{BEFORE[0]}</div><div class='content'>{text}</div><h3>Thuộc tính</h3>"
            f"<table>{rows}</table>" + "".join(f"<p>{line}</p>" for line in AFTER) + "</body></html>")


def text_capture() -> str:
    """Select all, copy, paste: labels and values on one line, no marks."""
    box = [f"{label}: {value}" for label, value in BOX]
    return "\n".join(BEFORE + box + SUMMARY + [line for line in OFFICIAL if line != "|"] + AFTER)


@pytest.mark.parametrize("name,content", [("page.md", markdown_capture), ("page.html", html_capture),
                                          ("page.txt", text_capture), ("props.html", html_property_table)])
def test_portal_page_official_text_and_header(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content(), encoding="utf-8")
    parsed = parse_file(path)
    h = parsed.header
    assert (h.kind, h.number, h.issuer, h.date) == ("Kế hoạch", "58/KH-UBND", "Ủy ban nhân dân tỉnh Lào Cai",
                                                    dt.date(2025, 3, 12))
    assert h.title == "TRIỂN KHAI NỀN TẢNG SỐ DÙNG CHUNG CỦA TỈNH" and h.signer == "Lê Văn Hòa"
    assert h.box["number"] == "58/KH-UBND" and h.box["issuer"] == "Tỉnh Lào Cai"
    assert parsed.text.startswith("ỦY BAN NHÂN DÂN") and parsed.text.rstrip().endswith("Lê Văn Hòa")
    for word in CHROME_WORDS:
        assert word not in parsed.text, word
    assert not parsed.warnings


def test_box_fills_what_the_official_text_lacks_and_a_disagreement_is_a_warning(tmp_path):
    """A capture that starts at "Kính gửi" (no header block): number, kind, issuer, date and signer
    come from the box, the title from the portal's caption; a box number that differs from the
    number the text prints is kept out and warned about."""
    headerless = ["Kính gửi: Các sở, ban, ngành tỉnh.",
                  "Ủy ban nhân dân tỉnh yêu cầu các sở rà soát thủ tục hành chính trước ngày 15/4/2025./.",
                  "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Hòa"]
    box = [f"{label}: {value}" for label, value in BOX]
    caption = "Công văn 912/UBND-KSTT năm 2025 về rà soát thủ tục hành chính do Tỉnh Lào Cai ban hành"
    page = box[:1] + ["Loại văn bản: Công văn"] + box[2:]
    path = tmp_path / "cv.txt"
    path.write_text("\n".join(BEFORE + [line.replace("58/KH-UBND", "912/UBND-KSTT") for line in page]
                              + headerless + [caption] + AFTER), encoding="utf-8")
    parsed = parse_file(path)
    h = parsed.header
    assert (h.kind, h.number, h.date, h.signer) == ("Công văn", "912/UBND-KSTT", dt.date(2025, 3, 12), "Lê Văn Hòa")
    assert h.issuer == "Tỉnh Lào Cai" and h.title == "về rà soát thủ tục hành chính"
    assert parsed.text.startswith("Kính gửi") and "Văn bản liên quan" not in parsed.text

    stamped = "\n".join(BEFORE + box + ["Số hiệu: 85/KH-UBND"] + [line for line in OFFICIAL if line != "|"])
    path.write_text(stamped.replace("Số hiệu: 58/KH-UBND\n", "", 1), encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.header.number == "58/KH-UBND"
    assert any("disagree on number" in w and "85/KH-UBND" in w for w in parsed.warnings)


def test_no_task_target_or_citation_from_the_chrome(tmp_path):
    from theodoi.nlp import extract

    path = tmp_path / "page.md"
    path.write_text(markdown_capture(), encoding="utf-8")
    found = extract(parse_file(path))
    assert [c.number for c in found.citations] == ["12-NQ/TU"]
    assert {t.value for t in found.targets} <= {80}
    texts = " ".join(t.text for t in found.tasks)
    assert "kho dữ liệu dùng chung" in texts and "900 tỷ" not in texts and "Sở Tài chính" not in texts


def test_a_document_that_only_mentions_box_labels_is_left_whole(tmp_path):
    path = tmp_path / "note.txt"
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 7/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Lào Cai, ngày 2 tháng 4 năm 2025\nTHÔNG BÁO\nVề cách ghi văn bản\n"
            "Các văn bản ghi rõ Số hiệu: và Người ký: theo mẫu.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
            "CHỦ TỊCH\nTrần Văn Nam")
    path.write_text(text, encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.header.number == "7/TB-UBND" and parsed.header.box == {}
    assert parsed.text.startswith("ỦY BAN NHÂN DÂN")


def test_a_table_listing_documents_is_no_box(tmp_path):
    """A report's table whose head row reads like box labels leaves the report whole."""
    path = tmp_path / "bc.txt"
    rows = ["Số hiệu | Ngày ban hành | Loại văn bản | Người ký", "12/KH-UBND | 03/02/2025 | Kế hoạch | Lê Văn Hòa",
            "20/KH-UBND | 05/03/2025 | Kế hoạch | Lê Văn Hòa"]
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 9/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "BÁO CÁO\nKết quả ban hành văn bản\nCác văn bản đã ban hành:\n" + "\n".join(rows) +
                    "\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Nam\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.header.number == "9/BC-UBND" and parsed.header.box == {}
    assert "12/KH-UBND" in parsed.text and parsed.header.signer == "Trần Văn Nam"
