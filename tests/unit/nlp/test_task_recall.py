"""Task recall on forms the rules once missed (sentences written for these tests): ordinal items,
labelled items in brackets and inline, reported speech, articles that assign who carries out a
decision."""
import pytest

import theodoi.nlp.components  # noqa: F401

from .found_tasks import found_in_any as found


@pytest.mark.parametrize("text", [
    "Bộ trưởng yêu cầu Tổng cục Thuế tập trung một số việc sau:\nThứ nhất, rà soát toàn bộ hồ sơ hoàn thuế.\n"
    "*Thứ hai* là tăng cường thanh tra doanh nghiệp rủi ro cao.\nBa là, công khai kết quả trên cổng thông tin.",
    "Đề nghị Tổng cục Thuế:\n(1) Rà soát toàn bộ hồ sơ hoàn thuế.\n(2) Tăng cường thanh tra doanh nghiệp rủi ro cao.\n"
    "(3) Công khai kết quả trên cổng thông tin.",
])
def test_ordinal_and_bracketed_items_inherit_the_request(nlp, text):
    items = [t for t in found(nlp, text) if not t[1].startswith("tập trung")]
    assert [t[1].split()[0].lower() for t in items] == ["rà", "tăng", "công"]
    assert all(lead == ["Tổng cục Thuế"] for lead, _ in items)


def test_items_labelled_inline_after_a_colon_are_tasks_of_the_subject(nlp):
    tasks = found(nlp, "b) Sở Giáo dục và Đào tạo làm ngay hai việc: (i) Cập nhật hồ sơ học sinh lên phần mềm; "
                       "(ii) Kiểm tra bếp ăn của các trường nội trú; (iii) Việc sửa chữa phòng học ở vùng lũ.")
    assert [t for _, t in tasks][1:] == ["Cập nhật hồ sơ học sinh lên phần mềm", "Kiểm tra bếp ăn của các trường nội trú",
                                         "Việc sửa chữa phòng học ở vùng lũ"]
    assert all(lead == ["Sở Giáo dục và Đào tạo"] for lead, _ in tasks)


@pytest.mark.parametrize("text, lead", [
    ("Thủ tướng Chính phủ nhấn mạnh, các bộ, ngành phải khẩn trương hoàn thiện hồ sơ dự án.", ["các bộ, ngành"]),
    ("Bộ trưởng chỉ rõ: Tổng cục Hải quan cần rà soát quy trình thông quan.", ["Tổng cục Hải quan"]),
    ("Chủ tịch UBND tỉnh kết luận các địa phương tập trung giải ngân vốn đầu tư công.", ["các địa phương"]),
])
def test_the_speaker_of_reported_speech_is_not_the_lead(nlp, text, lead):
    [(found_lead, _)] = found(nlp, text)
    assert found_lead == lead


@pytest.mark.parametrize("text, leads", [
    ("Điều 5. Giám đốc Sở Y tế, Thủ trưởng các bệnh viện công lập, Chủ tịch Ủy ban nhân dân các huyện và các tổ "
     "chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
     ["Giám đốc Sở Y tế", "Thủ trưởng các bệnh viện công lập", "Chủ tịch Ủy ban nhân dân các huyện",
      "các tổ chức, cá nhân có liên quan"]),
    ("Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các huyện chịu trách nhiệm thi hành "
     "Quyết định này./.", ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính", "Chủ tịch UBND các huyện"]),
])
def test_an_article_on_who_carries_out_the_decision_is_a_task(nlp, text, leads):
    [(lead, task)] = found(nlp, text)
    assert lead == leads and task.startswith("chịu trách nhiệm thi hành")


def test_a_time_inside_a_topic_is_not_the_deadline():
    import datetime as dt

    from theodoi.domain import Header, ParsedDocument
    from theodoi.nlp import extract

    def deadlines(text):
        parsed = ParsedDocument(path="x.txt", file_name="x.txt", mime="text/plain", parser="text/1", text=text,
                                header=Header(kind="Thông báo", date=dt.date(2020, 12, 30)))
        return [t.deadline and t.deadline.text for t in extract(parsed).tasks]

    assert deadlines("Về nhiệm vụ trọng tâm trong năm 2021, Chủ tịch UBND tỉnh đề nghị các cơ quan tham mưu "
                     "triển khai đồng bộ các giải pháp.") == [None]
    assert deadlines("Trong năm 2021, Chủ tịch UBND tỉnh đề nghị các cơ quan tham mưu triển khai đồng bộ các "
                     "giải pháp.") == ["Trong năm 2021"]


def test_a_headline_is_neither_a_task_nor_joined_to_the_report(nlp):
    from theodoi.domain import Block
    headline = "Sở Y tế: Tiêm vắc xin sởi cho toàn bộ trẻ dưới 5 tuổi trong tháng 4"
    text = (headline + "\nSáng 12/3, Bộ trưởng Bộ Giao thông vận tải chủ trì cuộc họp về tiến độ các dự án cao tốc\n"
            "Bộ trưởng yêu cầu các ban quản lý dự án đẩy nhanh công tác giải phóng mặt bằng.")
    doc = nlp.make_doc(text)
    doc._.blocks = [Block("heading", headline, 0, len(headline))]
    doc = nlp(doc)
    units = [text[u.start_char:u.end_char] for u in doc.spans["units"]]
    assert units[0] == headline
    assert [s._.task.text for s in doc.spans["tasks"]] == ["đẩy nhanh công tác giải phóng mặt bằng"]


def test_the_recipients_list_gives_no_tasks_but_an_annex_after_it_does(nlp):
    text = ("Điều 2. Giao Sở Công Thương hướng dẫn các doanh nghiệp thực hiện.\n"
            "Nơi nhận:\n- Như Điều 2;\n- VP Tỉnh ủy: CVP, các Ban;\n- Sở Tài chính: GĐ, các PGĐ;\n- Lưu: VT.\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
            "PHỤ LỤC\nI. NHIỆM VỤ CỤ THỂ\n1. Sở Tài chính bố trí kinh phí cho các doanh nghiệp nhỏ.\n")
    doc = nlp(text)
    assert [s._.task.text for s in doc.spans["tasks"]] == [
        "hướng dẫn các doanh nghiệp thực hiện", "bố trí kinh phí cho các doanh nghiệp nhỏ"]


def test_a_request_after_the_list_of_addressees_governs_every_numbered_part(nlp):
    text = ("Kính gửi:\n- Các phòng chuyên môn thuộc Sở;\n- Thanh tra Sở.\nSở Xây dựng yêu cầu:\n"
            "1. Thanh tra Sở\n- Kiểm tra các công trình chậm tiến độ.\n2. Các phòng có dự án\n"
            "- Rà soát hồ sơ thiết kế của các dự án chuyển tiếp.\n- Báo cáo kết quả giải ngân hằng tháng.")
    doc = nlp(text)
    assert [s._.task.text for s in doc.spans["tasks"]] == [
        "Kiểm tra các công trình chậm tiến độ", "Rà soát hồ sơ thiết kế của các dự án chuyển tiếp",
        "Báo cáo kết quả giải ngân hằng tháng"]


@pytest.mark.parametrize("text, expected", [
    ("Sở Giao thông vận tải xây dựng lộ trình thay thế các xe buýt chạy dầu bằng xe điện.",
     ["xây dựng lộ trình thay thế các xe buýt chạy dầu bằng xe điện"]),
    ("Điều 3. Quyết định này thay thế Quyết định số 15/2021/QĐ-UBND của Ủy ban nhân dân tỉnh.", []),
    ("Điều 3. Chỉ thị này thay thế cho các chỉ thị trước đây về phòng cháy.", []),
])
def test_thay_the_closes_a_document_only_when_it_replaces_one(nlp, text, expected):
    assert [t for _, t in found(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Bộ trưởng yêu cầu, đề án phải nêu rõ lộ trình và nguồn lực thực hiện.",
     [([], "đề án phải nêu rõ lộ trình và nguồn lực thực hiện")]),
    ("Chủ tịch UBND tỉnh nhắc nhở, Sở Y tế bảo đảm đủ thuốc cho các trạm y tế xã.",
     [(["Sở Y tế"], "bảo đảm đủ thuốc cho các trạm y tế xã")]),
])
def test_a_cue_or_reminder_set_off_by_a_comma_is_reported_speech(nlp, text, expected):
    assert found(nlp, "Kết luận\n" + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Riêng Sở Xây dựng khẩn trương hoàn thành quy hoạch chung đô thị.",
     [(["Sở Xây dựng"], "khẩn trương hoàn thành quy hoạch chung đô thị")]),
    ("Do đó, Chủ tịch tỉnh nhắc nhở, Sở Công Thương theo dõi giá xăng dầu, còn Sở Tài chính kiểm tra việc niêm yết giá.",
     [(["Sở Công Thương"], "theo dõi giá xăng dầu"), (["Sở Tài chính"], "kiểm tra việc niêm yết giá")]),
])
def test_a_body_singled_out_and_a_second_body_after_con_lead_their_own_duties(nlp, text, expected):
    assert found(nlp, "Kết luận\n" + text) == expected


def test_a_task_under_a_heading_on_its_own_line_starts_at_its_verb(nlp):
    assert found(nlp, "Kế hoạch\n1. Sở Tài chính\nbố trí kinh phí cho các xã.") == [(["Sở Tài chính"], "bố trí kinh phí cho các xã")]
