"""The deadline a task gets once the time phrases around it are weighed (theodoi_task_deadlines)."""
import datetime as dt

import pytest

from theodoi.nlp.pipeline import load_pipeline

DOC_DATE = dt.date(2021, 3, 1)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def deadlines(nlp, text, doc_date=DOC_DATE):
    doc = nlp.make_doc(text)
    doc._.doc_date = doc_date
    doc._.blocks = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s._.task.text, s._.task.deadline and (s._.task.deadline.kind, s._.task.deadline.due))
            for s in doc.spans["tasks"]]


@pytest.mark.parametrize("text, due", [
    ("Giao Sở Y tế tổ chức kiểm tra an toàn thực phẩm trong năm 2021, gửi kết quả về Ủy ban nhân dân tỉnh "
     "trong tháng 4 năm 2022.", dt.date(2022, 4, 30)),
    ("Sở Tài chính chủ trì rà soát tài sản công trong năm 2021, báo cáo Ủy ban nhân dân tỉnh trước ngày "
     "15/12/2021.", dt.date(2021, 12, 15)),
    ("Yêu cầu Sở Xây dựng triển khai kiểm tra các công trình trong quý II/2021, nộp báo cáo tổng hợp "
     "trong tháng 7/2021.", dt.date(2021, 7, 31)),
])
def test_the_report_time_wins_over_the_period_of_work(nlp, text, due):
    [(_, deadline)] = deadlines(nlp, text)
    assert deadline[1] == due


def test_a_strict_date_first_stays(nlp):
    [(_, deadline)] = deadlines(nlp, "Giao Sở Nội vụ hoàn thành trước ngày 30/6/2021, báo cáo kết quả trong năm 2021.")
    assert deadline == ("date", dt.date(2021, 6, 30))


@pytest.mark.parametrize("closing, due", [
    ("Hoàn thành trong quý III năm 2021.", dt.date(2021, 9, 30)),
    ("Thời gian thực hiện: tháng 10/2021.", dt.date(2021, 10, 31)),
    ("Thời hạn: trước ngày 15/11/2021.", dt.date(2021, 11, 15)),
])
def test_a_time_line_after_the_items_applies_to_each(nlp, closing, due):
    text = ("Yêu cầu các sở, ngành thực hiện các nội dung sau:\n"
            "1. Rà soát các thủ tục hành chính thuộc lĩnh vực quản lý.\n"
            "2. Cập nhật cơ sở dữ liệu về đất đai trên địa bàn.\n" + closing)
    found = dict(deadlines(nlp, text))
    assert found["Rà soát các thủ tục hành chính thuộc lĩnh vực quản lý"][1] == due
    assert found["Cập nhật cơ sở dữ liệu về đất đai trên địa bàn"][1] == due


def test_labelled_fields_under_an_item_give_its_deadline(nlp):
    text = ("Giao Sở Nội vụ:\n"
            "- Xây dựng đề án vị trí việc làm của các cơ quan hành chính.\n"
            "- Thời gian hoàn thành: dự kiến quý III/2021.\n"
            "- Đơn vị phối hợp: Sở Tài chính.")
    found = dict(deadlines(nlp, text))
    assert found["Xây dựng đề án vị trí việc làm của các cơ quan hành chính"] == ("quarter", dt.date(2021, 9, 30))


def test_an_item_with_its_own_deadline_keeps_it(nlp):
    text = ("Các phòng, ban chuyên môn thực hiện:\n"
            "- Tổng hợp danh sách hộ nghèo trước ngày 30/4/2021.\n"
            "- Tổ chức hội nghị tập huấn cho cán bộ cơ sở.\n"
            "Hoàn thành trong quý II năm 2021.")
    found = dict(deadlines(nlp, text))
    assert found["Tổng hợp danh sách hộ nghèo trước ngày 30/4/2021"] == ("date", dt.date(2021, 4, 30))
    assert found["Tổ chức hội nghị tập huấn cho cán bộ cơ sở"] == ("quarter", dt.date(2021, 6, 30))


def test_a_time_line_stops_at_the_lead_in_of_its_list(nlp):
    text = ("1. Giao Sở Công Thương kiểm tra thị trường dịp Tết trước ngày 20/01/2022.\n"
            "2. Các huyện, thị xã thực hiện các việc sau:\n"
            "- Rà soát các điểm bán hàng tạm.\n"
            "Hoàn thành trong tháng 12/2021.")
    found = dict(deadlines(nlp, text))
    assert found["Rà soát các điểm bán hàng tạm"] == ("month", dt.date(2021, 12, 31))
    assert found["kiểm tra thị trường dịp Tết trước ngày 20/01/2022"] == ("date", dt.date(2022, 1, 20))


def test_a_month_without_year_takes_the_title_year(nlp):
    text = "KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2022\nGiao Sở Thông tin và Truyền thông trình đề án trong tháng 5."
    found = dict(deadlines(nlp, text, doc_date=None))
    assert found["trình đề án trong tháng 5"] == ("month", dt.date(2022, 5, 31))


@pytest.mark.parametrize("cell, expected", [
    ("Giai đoạn 2022 - 2023. Đánh giá, điều chỉnh nếu cần", ("year", dt.date(2023, 12, 31))),
    ("Hoàn thành trong năm 2022", ("year", dt.date(2022, 12, 31))),
    ("2022 - 2025", ("year", dt.date(2025, 12, 31))),
    ("Triển khai thường xuyên, liên tục", ("ongoing", None)),
])
def test_a_task_in_a_table_row_takes_the_time_cell(nlp, cell, expected):
    text = ("Giao các sở thực hiện các nhiệm vụ tại bảng sau:\n|\n|\n"
            "- Xây dựng sổ tay hướng dẫn phân loại rác tại nguồn cho khu dân cư.\n|\n"
            "- Sổ tay được phát hành tới các thôn.\n|\n" + cell + "\n|\n|\n")
    found = dict(deadlines(nlp, text))
    assert found.get("Xây dựng sổ tay hướng dẫn phân loại rác tại nguồn cho khu dân cư") == expected


def test_appendix_rows_take_the_deadline_of_the_item_that_sends_to_them(nlp):
    text = ("1. Các sở giải quyết các đề xuất của huyện nêu tại Phụ lục, xong trước ngày 20/12/2021.\n"
            "2. Các tỉnh tổ chức sơ kết việc thực hiện.\n"
            "Nơi nhận:\n- Như trên.\n"
            "PHỤ LỤC\n"
            "|\n1\n|\nĐề nghị Bộ Xây dựng sửa đổi quy định về cấp phép xây dựng nhà ở riêng lẻ\n|\nBộ Xây dựng\n|\n")
    found = deadlines(nlp, text)
    appendix = [d for t, d in found if t.startswith("sửa đổi quy định")]
    assert appendix == [("date", dt.date(2021, 12, 20))]
    assert dict(found)["tổ chức sơ kết việc thực hiện"] is None


def test_a_time_field_covers_the_item_and_its_sub_bullets_but_not_the_next_item(nlp):
    text = ("Giao Văn phòng thực hiện các việc sau:\n"
            "1. Tổ chức hội nghị triển khai kế hoạch cho cán bộ chủ chốt.\n"
            "- Tài liệu hội nghị phải gửi đại biểu trước ba ngày.\n"
            "- Mời đại diện các hội, đoàn thể dự và phát biểu ý kiến.\n"
            "- Thời gian hoàn thành: Quý IV/2021 và Quý I/2022;\n"
            "- Đơn vị chủ trì: Văn phòng\n"
            "2. Tổ chức kiểm tra việc thực hiện tại các thôn.\n"
            "- Thời gian thực hiện: Từ tháng 5/2021 đến tháng 8/2022.\n"
            "- Đơn vị chủ trì: Ban Thường trực\n")
    found = dict(deadlines(nlp, text))
    assert found["Tổ chức hội nghị triển khai kế hoạch cho cán bộ chủ chốt"] == ("quarter", dt.date(2022, 3, 31))
    assert found["Tổ chức kiểm tra việc thực hiện tại các thôn"] == ("month", dt.date(2022, 8, 31))


def test_a_later_report_time_after_a_semicolon_is_another_action(nlp):
    found = deadlines(nlp, "Giao Ủy ban nhân dân tỉnh xây dựng kế hoạch, hoàn thành trong tháng 01/2022; "
                           "chỉ đạo lập đề án phát triển du lịch, trình trong năm 2022.")
    assert found[0][1] == ("month", dt.date(2022, 1, 31))


def test_a_time_sentence_closing_a_paragraph_applies_to_its_tasks(nlp):
    text = ("Các phòng chuyên môn khẩn trương rà soát tài sản công đang sử dụng tại đơn vị. "
            "Ủy ban nhân dân các xã lập danh sách nhà văn hóa xuống cấp. "
            "Thời hạn hoàn thành: trước ngày 15/10/2021.\nBộ Tài chính tổng hợp kết quả.")
    found = deadlines(nlp, text)
    assert [d for _, d in found[:2]] == [("date", dt.date(2021, 10, 15))] * 2
    assert found[-1][1] is None


@pytest.mark.parametrize("lead_in, first, second, after", [
    ("b) Các Sở: Xây dựng, Nội vụ khẩn trương khắc phục các lỗi của hệ thống thuộc phạm vi quản lý, "
     "hoàn thành trong tháng 9 năm 2021, cụ thể:", "(1)", "(2)", "c)"),
    ("b) Giao Sở Tài nguyên và Môi trường chủ trì các nội dung sau, xong trước ngày 30/9/2021:", "-", "-", "c)"),
    ("2. Các huyện hoàn thành các việc sau trong quý III/2021:", "a)", "b)", "3."),
])
def test_a_lead_in_time_passes_to_its_items_down_to_the_next_item_as_high(nlp, lead_in, first, second, after):
    text = (f"{lead_in}\n"
            f"{first} Cập nhật dữ liệu cấp phép xây dựng lên hệ thống dùng chung của tỉnh.\n"
            f"{second} Kết nối dữ liệu hộ tịch với Cổng dịch vụ công của tỉnh.\n"
            f"{after} Ủy ban nhân dân các xã rà soát quy trình nội bộ giải quyết thủ tục hành chính.\n")
    found = dict(deadlines(nlp, text))
    assert found["Cập nhật dữ liệu cấp phép xây dựng lên hệ thống dùng chung của tỉnh"][1] == dt.date(2021, 9, 30)
    assert found["Kết nối dữ liệu hộ tịch với Cổng dịch vụ công của tỉnh"][1] == dt.date(2021, 9, 30)
    assert found["rà soát quy trình nội bộ giải quyết thủ tục hành chính"] is None


def test_a_lead_in_without_a_list_after_it_keeps_its_time_to_itself(nlp):
    text = ("1. Sở Xây dựng hoàn thiện hệ thống dữ liệu, hoàn thành trong tháng 9 năm 2021.\n"
            "2. Sở Nội vụ rà soát quy trình nội bộ giải quyết thủ tục hành chính.\n")
    found = dict(deadlines(nlp, text))
    assert found["rà soát quy trình nội bộ giải quyết thủ tục hành chính"] is None


@pytest.mark.parametrize("closing, due", [
    ("Đảm bảo hoàn thành thực thi trong năm 2022.", dt.date(2022, 12, 31)),
    ("Bảo đảm hoàn thành nhiệm vụ trước ngày 15/12/2021.", dt.date(2021, 12, 15)),
    ("**Đảm bảo hoàn thành trong quý I/2022.**", dt.date(2022, 3, 31)),
])
def test_a_completion_sentence_closing_a_wrapped_paragraph_gives_its_time(nlp, closing, due):
    text = ("**3. Cục Văn hóa cơ sở**\n"
            "- Phối hợp với Vụ Pháp chế đưa nội dung sửa đổi vào dự thảo Luật sửa đổi, bổ sung một số\n"
            f"điều của Luật Thư viện có liên quan. {closing}\n"
            "**4. Cục Di sản**\n"
            "Rà soát danh mục di tích cấp tỉnh.\n")
    found = dict(deadlines(nlp, text))
    task = next(t for t in found if t.startswith("Phối hợp với Vụ Pháp chế"))
    assert found[task][1] == due
    assert found["Rà soát danh mục di tích cấp tỉnh"] is None


def test_an_unmarked_lead_in_with_a_term_passes_it_to_the_run_of_items_after_it(nlp):
    text = ("3. Tổ chức lấy ý kiến\n"
            "Trong thời gian không quá 07 (bảy) ngày làm việc kể từ ngày kết thúc lấy ý kiến, Ủy ban nhân dân cấp xã "
            "thực hiện các nội dung sau:\n\n"
            "- Lập biên bản tổng hợp ý kiến của người dân.\n\n"
            "- Giải quyết kiến nghị liên quan theo thẩm quyền.\n\n"
            "4. Giao đất\n"
            "Ủy ban nhân dân cấp xã thông báo cho người sử dụng đất liền kề.\n")
    found = dict(deadlines(nlp, text))
    assert found["Lập biên bản tổng hợp ý kiến của người dân"][0] == "relative"
    assert found["Giải quyết kiến nghị liên quan theo thẩm quyền"][0] == "relative"
    assert found["thông báo cho người sử dụng đất liền kề"] is None


@pytest.mark.parametrize("text, due", [
    ("Giao Sở Giao thông vận tải khởi công tuyến đường tránh vào ngày 2/9/2021 để hoàn thành chậm nhất vào "
     "cuối năm 2022.", dt.date(2022, 12, 31)),
    ("Đề nghị Ban Quản lý dự án ra quân giải phóng mặt bằng vào dịp 19/5/2021 để hoàn thành trước ngày "
     "30/6/2022.", dt.date(2022, 6, 30)),
])
def test_the_time_of_completion_wins_over_the_day_the_work_starts(nlp, text, due):
    [(_, deadline)] = deadlines(nlp, text)
    assert deadline[1] == due


@pytest.mark.parametrize("text", [
    "Giao Sở Xây dựng hướng dẫn các chủ đầu tư, bảo đảm mục tiêu đạt 300 công trình xanh vào năm 2030.",
    "Đề nghị Sở Công Thương hỗ trợ doanh nghiệp, đảm bảo mục tiêu về thương mại điện tử: mỗi huyện có tối thiểu "
    "20 cửa hàng bán trực tuyến vào năm 2027.",
])
def test_the_horizon_of_a_goal_is_no_deadline_of_the_task(nlp, text):
    [(_, deadline)] = deadlines(nlp, text)
    assert deadline is None


def test_a_goal_to_complete_by_a_year_keeps_its_deadline(nlp):
    [(_, deadline)] = deadlines(nlp, "Giao Sở Nông nghiệp thực hiện mục tiêu trồng rừng, hoàn thành trong năm 2022.")
    assert deadline == ("year", dt.date(2022, 12, 31))
