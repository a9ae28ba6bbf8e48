"""Ingest benchmark: pages per second on generated Vietnamese text PDFs (header block, body and a
table on every page), reading alone (parse_file) and end to end (ingest_paths into a temporary
data directory: read, extract, store, index), beside `pdftotext` on the same files; seconds per
page of OCR on rendered scanned-like pages; seconds to ingest corpora/demo.

    .venv/bin/python bench/bench_ingest.py [--files 10] [--pages 5] [--ocr-pages 2] [--profile]
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

from theodoi.config import Settings
from theodoi.ingest import parse_file
from theodoi.pipeline import ingest_paths

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"
SENTENCES = [
    "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành triển khai nền tảng số.",
    "Ủy ban nhân dân các huyện, thành phố rà soát thủ tục hành chính, báo cáo trước ngày 30/6/2025.",
    "Sở Tài chính bố trí kinh phí thực hiện kế hoạch theo quy định của pháp luật về ngân sách nhà nước.",
    "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc, tổng hợp kết quả thực hiện định kỳ hằng quý.",
]
ROWS = [["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
        ["Xây dựng kho dữ liệu dùng chung", "Sở TT&TT", "Các sở, ngành", "Quý II/2025"],
        ["Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "UBND các huyện", "Năm 2025"]]


def write_plan(path: Path, number: int, pages: int) -> None:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
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
        for i in range(8):
            pdf.multi_cell(0, 6, f"{i + 1}. " + " ".join(SENTENCES[(i + j + page) % 4] for j in range(3)),
                           new_x="LMARGIN", new_y="NEXT")
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "pdfs")
        folder.mkdir()
        for n in range(args.files):
            write_plan(folder / f"kh-{n:03d}.pdf", 100 + n, args.pages)
        files = sorted(folder.iterdir())
        pages = args.files * args.pages
        settings = Settings.load(Path(tmp, "data"), ocr_mode="off")
        t_pdftotext, _ = timed(lambda: [subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True,
                                                       check=True) for f in files])
        t_read, _ = timed(lambda: [parse_file(f, settings) for f in files])
        t_e2e, report = timed(lambda: ingest_paths([folder], settings))
        assert report.count("added") == args.files, [o.message for o in report.failed]
        print(f"text PDFs: {args.files} files × {args.pages} pages = {pages} pages")
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
