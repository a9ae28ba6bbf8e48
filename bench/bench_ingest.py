"""Ingest benchmark: pages per second on generated Vietnamese text PDFs (header block, body and a
table on every page), reading alone (parse_file) and end to end (ingest_paths into a temporary
data directory: read, extract, store, index), beside `pdftotext` on the same files; seconds per
page of OCR on rendered scanned-like pages; seconds to ingest corpora/demo.

The default pages read like a real plan (about 3,000 characters and 8 tasks a page: results,
shortcomings and their causes around a few assignments); `--dense` pages are all assignments
(about 26 tasks a page), a stress test of extraction, storing and the task index.

    .venv/bin/python bench/bench_ingest.py [--dense] [--files 10] [--pages 5] [--ocr-pages 2] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fpdf import FPDF
from sqlalchemy import func, select

from theodoi.config import Settings
from theodoi.ingest import parse_file
from theodoi.pipeline import ingest_paths
from theodoi.store.db import Store
from theodoi.store.models import Task

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"
# Dense pages (--dense): every sentence is an assignment, about 26 tasks a page.
SENTENCES = [
    "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành triển khai nền tảng số.",
    "Ủy ban nhân dân các huyện, thành phố rà soát thủ tục hành chính, báo cáo trước ngày 30/6/2025.",
    "Sở Tài chính bố trí kinh phí thực hiện kế hoạch theo quy định của pháp luật về ngân sách nhà nước.",
    "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc, tổng hợp kết quả thực hiện định kỳ hằng quý.",
]
# Realistic pages (the default): the situation, results and reasons a plan sets out, around a
# list of assignments, at the dev set's density (7.9 tasks per 3,000 characters).
BACKGROUND = [
    "Năm 2024, toàn tỉnh đã cung cấp 1.850 dịch vụ công trực tuyến, trong đó 68% là dịch vụ công trực tuyến "
    "toàn trình.",
    "Hạ tầng viễn thông được đầu tư đồng bộ, cáp quang đã được kéo đến trung tâm của tất cả các xã, phường, "
    "thị trấn.",
    "Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 97,5%, tăng 4,2% so với cùng kỳ năm trước.",
    "Nhận thức của cán bộ, công chức, viên chức và người dân về chuyển đổi số từng bước được nâng lên.",
    "Tuy nhiên, việc kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin còn chậm, nhiều dữ liệu chưa bảo đảm "
    "đúng, đủ, sạch, sống.",
    "Nguồn nhân lực công nghệ thông tin ở cấp huyện, cấp xã còn thiếu, nhiều nơi chưa bố trí được cán bộ "
    "chuyên trách.",
    "Nguyên nhân chủ yếu là kinh phí đầu tư còn hạn chế, công tác phối hợp giữa một số đơn vị chưa chặt chẽ.",
    "Bên cạnh đó, hạ tầng mạng ở một số xã vùng sâu, vùng xa chưa bảo đảm, ảnh hưởng đến việc cung cấp dịch vụ "
    "trực tuyến.",
    "Trong năm qua, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 125.400 hồ sơ, giải quyết trước và đúng "
    "hạn 98,1%.",
    "Kết quả khảo sát cho thấy mức độ hài lòng của người dân, doanh nghiệp đối với dịch vụ công đạt 91,3%.",
    "Hệ thống quản lý văn bản và điều hành đã được triển khai đến 100% cơ quan nhà nước từ cấp tỉnh đến cấp xã.",
    "Chỉ số chuyển đổi số của tỉnh năm 2024 xếp thứ 18/63 tỉnh, thành phố, tăng 7 bậc so với năm 2023.",
    "Nhìn chung, các chỉ tiêu cơ bản của kế hoạch năm trước đều đạt và vượt, tạo nền tảng cho giai đoạn tiếp theo.",
    "Một số nhiệm vụ còn chậm so với tiến độ đề ra, nhất là việc số hóa hồ sơ, kết quả giải quyết thủ tục "
    "hành chính.",
    "Thời gian qua, công tác thông tin, tuyên truyền về chuyển đổi số được đẩy mạnh trên các phương tiện thông "
    "tin đại chúng.",
    "Việc thanh toán trực tuyến phí, lệ phí còn thấp do người dân chưa quen với các phương thức thanh toán "
    "điện tử.",
    "Cơ sở dữ liệu về đất đai, dân cư và doanh nghiệp đã được xây dựng nhưng việc khai thác, sử dụng chưa "
    "hiệu quả.",
    "Kinh tế số bước đầu hình thành, tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn ước đạt 9,5%.",
    "Mạng lưới tổ công nghệ số cộng đồng đã được thành lập ở 100% thôn, tổ dân phố với hơn 9.000 thành viên.",
    "Một số phần mềm dùng chung được đầu tư từ nhiều năm trước, công nghệ lạc hậu, khó kết nối với các hệ "
    "thống mới.",
]
ASSIGNMENTS = SENTENCES + [
    "Sở Nội vụ chủ trì đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, hoàn thành trong quý III/2025.",
    "Công an tỉnh phối hợp với Sở Tư pháp hoàn thiện cơ sở dữ liệu dân cư, hộ tịch trước ngày 31/10/2025.",
]
SECTIONS = ["hạ tầng số", "dữ liệu số", "chính quyền số", "kinh tế số", "xã hội số", "nguồn nhân lực số"]
ROWS = [["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
        ["Xây dựng kho dữ liệu dùng chung", "Sở TT&TT", "Các sở, ngành", "Quý II/2025"],
        ["Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "UBND các huyện", "Năm 2025"]]


def _rotate(items: list[str], start: int, count: int) -> list[str]:
    return [items[(start + k) % len(items)] for k in range(count)]


def dense_page(number: int, page: int) -> list[str]:
    """Eight numbered paragraphs of three assignments each."""
    return [f"{i + 1}. " + " ".join(SENTENCES[(i + j + page) % 4] for j in range(3)) for i in range(8)]


def realistic_page(number: int, page: int) -> list[str]:
    """One section of a plan: what was done, what is lacking and why (background), then the list
    of its assignments."""
    seed = number * 7 + page * 5
    background = _rotate(BACKGROUND, seed, 19)
    tasks = _rotate(ASSIGNMENTS, seed, 6)
    area = SECTIONS[(number + page) % len(SECTIONS)]
    return [f"{page + 1}. Về {area}", f"a) Kết quả đạt được về {area}", " ".join(background[:7]),
            " ".join(background[7:13]), f"b) Tồn tại, hạn chế về {area} và nguyên nhân", " ".join(background[13:]),
            f"c) Nhiệm vụ về {area} năm 2025", *(f"- {sentence}" for sentence in tasks)]


def write_plan(path: Path, number: int, pages: int, dense: bool = False) -> None:
    """A generated plan: the two-column header on page 1, then per page the paragraphs of
    `dense_page` or `realistic_page` and a ruled task table."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11 if dense else 10)
    line = 6 if dense else 5
    for page in range(pages):
        pdf.add_page()
        if page == 0:
            for left, right in [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                ("TỈNH THÁI NGUYÊN", "Độc lập - Tự do - Hạnh phúc"),
                                (f"Số: {number}/KH-UBND", "Thái Nguyên, ngày 15 tháng 3 năm 2025")]:
                y = pdf.get_y()
                pdf.set_xy(10, y)
                pdf.cell(70, 6, left, align="C")
                pdf.set_xy(85, y)
                pdf.cell(115, 6, right, align="C")
                pdf.ln(7)
            pdf.ln(4)
            pdf.cell(0, 8, "KẾ HOẠCH", align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 7, f"Chuyển đổi số năm 2025 (đợt {number})", align="C", new_x="LMARGIN", new_y="NEXT")
        for paragraph in (dense_page if dense else realistic_page)(number, page):
            pdf.multi_cell(0, line, paragraph, new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=(70, 40, 40, 30), first_row_as_headings=False) as table:
            for row in ROWS:
                r = table.row()
                for cell in row:
                    r.cell(cell)
    pdf.output(str(path))


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--pages", type=int, default=5, help="pages per PDF")
    parser.add_argument("--ocr-pages", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of parse_file")
    parser.add_argument("--dense", action="store_true",
                        help="stress pages where every sentence is an assignment (about 26 tasks a page)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "pdfs")
        folder.mkdir()
        for n in range(args.files):
            write_plan(folder / f"kh-{n:03d}.pdf", 100 + n, args.pages, dense=args.dense)
        files = sorted(folder.iterdir())
        settings = Settings.load(Path(tmp, "data"), ocr_mode="off")
        t_pdftotext, _ = timed(lambda: [subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True,
                                                       check=True) for f in files])
        t_read, parsed = timed(lambda: [parse_file(f, settings) for f in files])
        t_e2e, report = timed(lambda: ingest_paths([folder], settings))
        assert report.count("added") == args.files, [o.message for o in report.failed]
        pages = sum(doc.pages for doc in parsed)
        store = Store(settings)
        with store.session() as session:
            tasks = session.scalar(select(func.count()).select_from(Task))
        store.dispose()
        print(f"text PDFs ({'dense' if args.dense else 'realistic'}): {args.files} files, {pages} pages, "
              f"{sum(len(doc.text) for doc in parsed) / pages:.0f} characters and {tasks / pages:.1f} tasks a page")
        for name, seconds in [("pdftotext", t_pdftotext), ("read (parse_file)", t_read),
                              ("end to end (ingest_paths)", t_e2e)]:
            print(f"  {name:28} {seconds:7.2f} s  {pages / seconds:8.1f} pages/s  {seconds / t_pdftotext:6.1f}× pdftotext")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(lambda: [parse_file(f, settings) for f in files])
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        if args.ocr_pages and shutil.which("tesseract"):
            import pypdfium2 as pdfium
            from PIL import ImageFilter

            scan = Path(tmp, "scan.pdf")
            source = pdfium.PdfDocument(str(files[0]))
            images = [source[i % len(source)].render(scale=300 / 72).to_pil().convert("L").filter(
                ImageFilter.GaussianBlur(0.8)) for i in range(args.ocr_pages)]
            images[0].save(scan, save_all=True, append_images=images[1:], resolution=300)
            t_ocr, doc = timed(lambda: parse_file(scan, settings.with_(ocr_mode="auto")))
            print(f"OCR (scanned-like, 300 dpi): {args.ocr_pages} pages, {t_ocr / args.ocr_pages:.2f} s/page "
                  f"(number read: {doc.header.number})")
        if DEMO.is_dir():
            t_demo, demo = timed(lambda: ingest_paths([DEMO], Settings.load(Path(tmp, "demo"))))
            print(f"corpora/demo: {len(demo.outcomes)} files in {t_demo:.1f} s ({demo.count('failed')} failed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
