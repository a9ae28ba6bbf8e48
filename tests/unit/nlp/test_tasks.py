"""The task finder on short Vietnamese texts (sections + bodies + tasks)."""
import pytest
import spacy

import theodoi.nlp.components  # noqa: F401


def tasks(nlp, text):
    doc = nlp(text)
    return [s._.task for s in doc.spans["tasks"]]


def names(bodies):
    return [b.text for b in bodies]


def test_giao_lead_and_support_split(nlp):
    [task] = tasks(nlp, "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính và các sở, ngành "
                        "liên quan rà soát danh mục dự án, báo cáo UBND tỉnh trước ngày 30/6/2021.")
    assert names(task.lead) == ["Sở Kế hoạch và Đầu tư"]
    assert names(task.support) == ["Sở Tài chính", "các sở, ngành liên quan"]
    assert task.text.startswith("chủ trì, phối hợp với Sở Tài chính")
    assert task.text.endswith("trước ngày 30/6/2021")


def test_numbered_section_items_inherit_addressee(nlp):
    found = tasks(nlp, "Chủ tịch UBND tỉnh chỉ thị như sau:\n1. Sở Thông tin và Truyền thông:\n"
                       "a) Chủ trì phối hợp với Sở Xây dựng dự thảo quy định về hạ tầng viễn thông;\n"
                       "b) Tham mưu cho Ủy ban nhân dân tỉnh về quy hoạch hạ tầng.\n"
                       "2. Sở Xây dựng:\na) Hướng dẫn các chủ đầu tư thực hiện quy chuẩn.\n")
    assert [names(t.lead) for t in found] == [["Sở Thông tin và Truyền thông"]] * 2 + [["Sở Xây dựng"]]
    assert names(found[0].support) == ["Sở Xây dựng"]
    assert found[1].text.startswith("Tham mưu cho")


def test_request_list_inherits_addressees(nlp):
    found = tasks(nlp, "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành:\n"
                       "- Tăng cường kiểm tra việc chấp hành quy định.\n- Báo cáo kết quả hằng quý.\n")
    assert [t.text for t in found] == ["Tăng cường kiểm tra việc chấp hành quy định", "Báo cáo kết quả hằng quý"]
    assert all(names(t.lead) == ["các sở, ban, ngành"] for t in found)


def test_de_nghi_paragraph_gives_one_task_per_sentence(nlp):
    found = tasks(nlp, "Đề nghị Hội Nông dân Việt Nam chỉ đạo các cấp hội tuyên truyền chính sách. "
                       "Tổ chức tư vấn miễn phí cho nông dân.")
    assert [t.text for t in found] == ["chỉ đạo các cấp hội tuyên truyền chính sách",
                                       "Tổ chức tư vấn miễn phí cho nông dân"]
    assert all(names(t.lead) == ["Hội Nông dân Việt Nam"] for t in found)


def test_reports_are_not_tasks(nlp):
    found = tasks(nlp, "Thời gian qua, các doanh nghiệp đã đầu tư phát triển hạ tầng. "
                       "Sở Tài chính đã hoàn thành việc giao dự toán năm 2020. "
                       "Nghị quyết có hiệu lực kể từ ngày ký.")
    assert found == []


def test_subject_with_modal_is_a_task_and_clauses_split(nlp):
    found = tasks(nlp, "Các địa phương cần tăng cường năng lực quản lý dự án; Sở Tài chính bố trí kinh phí.")
    assert [names(t.lead) for t in found] == [["Các địa phương"], ["Sở Tài chính"]]
    assert found[1].text == "bố trí kinh phí"


def test_request_that_ends_a_paragraph_governs_the_items_below(nlp):
    found = tasks(nlp, "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện "
                       "triển khai xây dựng kế hoạch năm 2026 với những nội dung sau:\n"
                       "I. Về đánh giá tình hình\n1. Đánh giá kết quả thực hiện kế hoạch năm 2025.\n"
                       "2. Phân tích nguyên nhân của những tồn tại.\n")
    assert [t.text[:12] for t in found] == ["triển khai x", "Đánh giá kết", "Phân tích ng"]
    assert all(names(t.lead) == ["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện"] for t in found)


def test_heading_with_lead_and_support_passes_both_to_its_items(nlp):
    found = tasks(nlp, "Chủ tịch UBND tỉnh chỉ thị như sau:\n"
                       "1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ và các cơ quan liên quan:\n"
                       "- Rà soát các văn bản quy phạm pháp luật.\n- Tổng hợp kết quả, báo cáo UBND tỉnh.\n")
    assert [names(t.lead) for t in found] == [["Sở Tư pháp"]] * 2
    assert [names(t.support) for t in found] == [["Sở Nội vụ", "các cơ quan liên quan"]] * 2


def test_subject_written_out_up_to_its_modal(nlp):
    found = tasks(nlp, "Cơ quan được giao chủ trì soạn thảo phải gửi dự thảo cho Sở Tư pháp thẩm định. "
                       "Các Cục quản lý chuyên ngành, các Sở Giao thông vận tải cần tăng cường kiểm tra.")
    assert [names(t.lead) for t in found] == [["Cơ quan được giao chủ trì soạn thảo"],
                                              ["Các Cục quản lý chuyên ngành", "các Sở Giao thông vận tải"]]
    assert found[0].text.startswith("phải gửi dự thảo")


def test_resolution_operative_part_and_background_headings(nlp):
    found = tasks(nlp, "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT NGHỊ:\n"
                       "I. Mục tiêu\n- Phát triển mạng lưới chợ hiện đại.\n"
                       "II. Giải pháp\n- Phát triển mạng lưới chợ đầu mối nông sản.\n"
                       "- Xây dựng cơ chế thu hút đầu tư vào hạ tầng thương mại.\n")
    assert [t.text for t in found] == ["Phát triển mạng lưới chợ đầu mối nông sản",
                                       "Xây dựng cơ chế thu hút đầu tư vào hạ tầng thương mại"]


@pytest.fixture(scope="module")
def nlp_dated():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    for name in ("theodoi_sections", "theodoi_bodies", "theodoi_deadlines", "theodoi_tasks"):
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def dated_tasks(nlp, text):
    import datetime as dt
    doc = nlp.make_doc(text)
    doc._.doc_date = dt.date(2010, 2, 1)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return [s._.task for s in doc.spans["tasks"]]


def test_time_lead_in_and_period_heading_give_deadlines(nlp_dated):
    found = dated_tasks(nlp_dated, "Để bảo đảm tiến độ, yêu cầu:\n"
                                   "- Cuối tháng 4 năm 2010: tổ chức giao ban ở các vùng kinh tế;\n"
                                   "- Giai đoạn 2011 - 2015:\n+ Xây dựng chợ đầu mối nông sản.\n"
                                   "+ Nâng cấp các chợ xã.\n")
    assert [t.text for t in found] == ["tổ chức giao ban ở các vùng kinh tế", "Xây dựng chợ đầu mối nông sản",
                                       "Nâng cấp các chợ xã"]
    assert [t.deadline.due.isoformat() for t in found] == ["2010-04-30", "2015-12-31", "2015-12-31"]


def test_time_phrase_inside_a_title_is_not_passed_down(nlp_dated):
    found = dated_tasks(nlp_dated, "Chủ tịch UBND tỉnh chỉ thị như sau:\n"
                                   "1. Lập kế hoạch phát triển đô thị đến năm 2025, gồm:\n"
                                   "- Xây dựng mới hệ thống giao thông đô thị.\n")
    assert found[-1].text == "Xây dựng mới hệ thống giao thông đô thị"
    assert found[-1].deadline is None


def test_articles_that_decide_are_not_tasks_and_table_rows_are_skipped(nlp):
    found = tasks(nlp, "QUYẾT NGHỊ:\nĐiều 1. Sửa đổi, bổ sung Phụ lục số 01 kèm theo Nghị quyết số 22/2022/NQ-HĐND.\n"
                       "| - Thu trên địa bàn phường | | 100 |\n"
                       "Điều 2. Giao Ủy ban nhân dân Thành phố tổ chức thực hiện Nghị quyết.\n")
    assert [(t.text, names(t.lead)) for t in found] == [
        ("tổ chức thực hiện Nghị quyết", ["Ủy ban nhân dân Thành phố"])]


def test_items_of_a_request_in_a_directive_are_duties_even_without_a_verb(nlp):
    doc = nlp.make_doc("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành tỉnh đánh giá các nội dung sau:\n"
                       "1. Việc huy động và sử dụng các nguồn vốn đầu tư phát triển.\n"
                       "2. Vốn cân đối qua ngân sách: 1.009.074 triệu đồng\n"
                       "3. Năm 2010 là năm có nhiều sự kiện lớn của tỉnh.\n"
                       "Nơi nhận:\n- Các sở, ban, ngành tỉnh;\n- Lưu VT.\n")
    doc._.doc_kind = "Chỉ thị"
    for _, component in nlp.pipeline:
        doc = component(doc)
    found = [s._.task for s in doc.spans["tasks"]]
    assert [t.text for t in found] == ["đánh giá các nội dung sau",
                                       "Việc huy động và sử dụng các nguồn vốn đầu tư phát triển"]
    assert names(found[1].lead) == ["các sở, ban, ngành tỉnh"]


def test_heading_that_names_unknown_bodies_is_cut_into_them(nlp_dated):
    found = dated_tasks(nlp_dated, "III. Tổ chức thực hiện\n"
                       "2.1 - Các LĐLĐ tỉnh, thành phố, công đoàn ngành trung ương:\n"
                       "- Hằng năm xây dựng kế hoạch đào tạo cán bộ công đoàn.\n")
    assert [t.text for t in found] == ["xây dựng kế hoạch đào tạo cán bộ công đoàn"]
    assert names(found[0].lead) == ["Các LĐLĐ tỉnh, thành phố", "công đoàn ngành trung ương"]


def test_opening_adverbial_and_a_following_time_note(nlp_dated):
    found = dated_tasks(nlp_dated, "Căn cứ hướng dẫn của Bộ Tư pháp, Sở Tư pháp tổ chức tập huấn cho cán bộ pháp chế. "
                                   "Thời gian tổ chức tập huấn trong quý II năm 2010.\n")
    assert [(t.text, names(t.lead)) for t in found] == [("tổ chức tập huấn cho cán bộ pháp chế", ["Sở Tư pháp"])]
    assert found[0].deadline.due.isoformat() == "2010-06-30"


def test_inline_list_after_sau_day_and_who_directs_is_the_lead(nlp):
    found = tasks(nlp, "Chủ tịch UBND tỉnh chỉ thị như sau:\n"
                       "1. Trách nhiệm của chính quyền các địa phương\n"
                       "- Chủ động triển khai Đề án, trước mắt thực hiện một số công việc sau đây: thành lập "
                       "Ban Chỉ đạo cấp tỉnh; chỉ đạo các huyện lập dự án đầu tư trung tâm dạy nghề.\n")
    assert [t.text[:20] for t in found] == ["Chủ động triển khai ", "thành lập Ban Chỉ đạ", "chỉ đạo các huyện lậ"]
    assert all(names(t.lead) == ["chính quyền các địa phương"] for t in found)


def test_kind_of_body_written_once_before_a_colon(nlp):
    [task] = tasks(nlp, "Yêu cầu các Bộ: Kế hoạch và Đầu tư, Tài chính và Văn phòng Chính phủ khẩn trương "
                        "tổng hợp tình hình giải ngân.")
    assert names(task.lead) == ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Văn phòng Chính phủ"]
    assert task.text == "khẩn trương tổng hợp tình hình giải ngân"


def test_list_of_subjects_with_lowercase_qualifiers(nlp):
    found = tasks(nlp, "Các Cục quản lý chuyên ngành, các cơ quan, đơn vị phối hợp triển khai các điều ước quốc tế. "
                       "Các Vụ, Cục, Thanh tra Bộ phải tập trung thực hiện.")
    assert [names(t.lead) for t in found] == [["Các Cục quản lý chuyên ngành", "các cơ quan, đơn vị"],
                                              ["Các Vụ, Cục", "Thanh tra Bộ"]]
    assert found[0].text.startswith("phối hợp triển khai")


def test_place_label_before_a_time_lead_in(nlp_dated):
    found = dated_tasks(nlp_dated, "Chủ tịch UBND tỉnh chỉ thị như sau:\n"
                                   "- Thành phố Việt Trì: Giai đoạn 2011 - 2015 xây dựng mới 01 trung tâm bán buôn.\n")
    assert [t.text for t in found] == ["xây dựng mới 01 trung tâm bán buôn"]
    assert found[0].deadline.due.isoformat() == "2015-12-31"


def test_subject_after_an_opening_phrase(nlp):
    [task] = tasks(nlp, "Đối với những dự thảo liên quan trực tiếp đến quyền của công dân, cơ quan chủ trì soạn thảo "
                        "phải lấy ý kiến rộng rãi của nhân dân.")
    assert names(task.lead) == ["cơ quan chủ trì soạn thảo"]
    assert task.text == "phải lấy ý kiến rộng rãi của nhân dân"


def test_council_oversight_after_its_mandate(nlp):
    [task] = tasks(nlp, "Điều 3. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân và các đại biểu "
                        "Hội đồng nhân dân tỉnh căn cứ chức năng, nhiệm vụ, quyền hạn giám sát việc thực hiện "
                        "Nghị quyết này.")
    assert names(task.lead) == ["Thường trực Hội đồng nhân dân", "các Ban của Hội đồng nhân dân",
                                "các đại biểu Hội đồng nhân dân tỉnh"]
    assert task.text.endswith("giám sát việc thực hiện Nghị quyết này")


def test_heading_body_with_its_role_after_a_dash(nlp):
    [task] = tasks(nlp, "1. Sở Nội vụ - cơ quan thường trực kế hoạch:\n- Hướng dẫn, kiểm tra việc thực hiện.\n")
    assert names(task.lead) == ["Sở Nội vụ"]


def test_bodies_named_in_brackets_after_a_generic_subject(nlp):
    [task] = tasks(nlp, "Cơ quan thẩm định (Sở Tư pháp, Phòng Tư pháp huyện) phải bảo đảm đúng thời hạn.")
    assert names(task.lead) == ["Sở Tư pháp", "Phòng Tư pháp huyện"]
    assert task.text == "phải bảo đảm đúng thời hạn"


def test_subject_after_an_opening_phrase_with_co_the(nlp):
    [task] = tasks(nlp, "Chủ tịch UBND tỉnh chỉ thị như sau:\n- Tùy theo nội dung dự thảo, cơ quan chủ trì soạn thảo "
                        "có thể tổ chức lấy ý kiến nhân dân.\n")
    assert names(task.lead) == ["cơ quan chủ trì soạn thảo"]


def test_dac_biet_la_continues_a_list_of_subjects(nlp):
    [task] = tasks(nlp, "Các cơ quan, đơn vị trực thuộc Bộ, đặc biệt là các Cục quản lý chuyên ngành cần "
                        "tăng cường kiểm tra.")
    assert names(task.lead) == ["Các cơ quan, đơn vị trực thuộc Bộ", "các Cục quản lý chuyên ngành"]


def test_one_person_with_two_titles(nlp):
    [task] = tasks(nlp, "Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội kịp thời tổng hợp ý kiến đại biểu.")
    assert names(task.lead) == ["Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội"]


def test_taking_effect_inside_a_duty_is_not_the_closing_formula(nlp):
    [task] = tasks(nlp, "Đề nghị Chính phủ ban hành văn bản quy định chi tiết bảo đảm có hiệu lực cùng thời điểm "
                        "có hiệu lực của luật.")
    assert names(task.lead) == ["Chính phủ"]
    assert tasks(nlp, "Điều 4. Nghị quyết này có hiệu lực kể từ ngày ký.") == []


def test_labels_give_the_numbering_path(nlp):
    found = tasks(nlp, "II. NHIỆM VỤ\n1. Sở Thông tin và Truyền thông:\na) Chủ trì xây dựng quy định về hạ tầng.\n"
                       "- Báo cáo kết quả hằng quý.\n2. Sở Xây dựng:\n2.1. Hướng dẫn các chủ đầu tư thực hiện.\n"
                       "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.")
    assert [t.label for t in found] == ["II.1.a", "II.1.a", "II.2.1", "Điều 3"]
    assert tasks(nlp, "Đề nghị Sở Tài chính bố trí kinh phí.")[0].label is None


def test_dated_step_of_a_schedule_is_a_task(nlp_dated):
    doc = nlp_dated("Để bảo đảm tiến độ, yêu cầu:\n- Tháng 7 năm 2030: có sơ kết 06 tháng triển khai Đề án;\n"
                    "- Năm 2030: 32.456 tỷ đồng.\n")
    [task] = [s._.task for s in doc.spans["tasks"]]
    assert task.text.startswith("có sơ kết") and task.deadline.due.isoformat() == "2030-07-31"


def test_deadline_followed_by_phai_makes_an_obligation_of_its_subject(nlp_dated):
    [task] = dated_tasks(nlp_dated, "Theo quy định mới, nhà đầu tư các dự án BOT trên quốc lộ 1 chậm nhất đến ngày "
                                    "31/12/2010 phải bàn giao các trạm thu phí cho đơn vị vận hành.")
    assert names(task.lead) == ["nhà đầu tư các dự án BOT trên quốc lộ 1"]
    assert task.text.startswith("chậm nhất đến ngày 31/12/2010 phải bàn giao")
    assert task.deadline.due.isoformat() == "2010-12-31"


def test_something_to_hand_in_by_a_date_is_a_task(nlp_dated):
    found = dated_tasks(nlp_dated, "Bộ trưởng yêu cầu các Vụ nghiên cứu tổng kết việc thực hiện Chiến lược. "
                                   "Kết quả nghiên cứu gửi về Văn phòng Bộ trước ngày 31/3/2010.")
    assert found[-1].text == "Kết quả nghiên cứu gửi về Văn phòng Bộ trước ngày 31/3/2010"
    assert found[-1].deadline.due.isoformat() == "2010-03-31"
    assert names(found[-1].lead) == ["các Vụ"]


def test_horizon_lead_in_opens_a_step_of_a_plan_but_a_plain_year_does_not(nlp_dated):
    found = dated_tasks(nlp_dated, "QUYẾT NGHỊ:\n1. Phát triển mạng lưới chợ.\n"
                                   "Đến năm 2020 tổng số chợ trên địa bàn tỉnh là 260 chợ.\n"
                                   "Năm 2010, kinh tế của tỉnh sẽ có nhiều thuận lợi hơn.\n")
    assert [t.text for t in found] == ["Phát triển mạng lưới chợ",
                                       "Đến năm 2020 tổng số chợ trên địa bàn tỉnh là 260 chợ"]
    assert found[1].deadline.due.isoformat() == "2020-12-31"


def test_a_dated_sentence_about_someone_else_dates_the_task_before_it(nlp_dated):
    found = dated_tasks(nlp_dated, "b) Bộ Nông nghiệp và Phát triển nông thôn\n"
                                   "- Chủ trì chuẩn bị phương án thí điểm cấp thẻ học nghề.\n"
                                   "Trước ngày 08 tháng 3 năm 2010, Phó Thủ tướng sẽ chủ trì cuộc họp, nghe báo cáo.\n")
    assert [t.text for t in found] == ["Chủ trì chuẩn bị phương án thí điểm cấp thẻ học nghề"]
    assert found[0].deadline.due.isoformat() == "2010-03-08"


def test_a_sentence_with_its_own_task_keeps_its_opening_deadline(nlp_dated):
    found = dated_tasks(nlp_dated, "Chủ tịch UBND tỉnh chỉ thị như sau:\n"
                                   "- Các sở phải đưa dự thảo văn bản lên trang thông tin điện tử.\n"
                                   "Chậm nhất là cuối quý I năm 2010, các đơn vị phải công khai tất cả các dự thảo.\n")
    assert found[0].deadline is None
    assert found[1].deadline.due.isoformat() == "2010-03-31"


def test_time_opening_an_item_does_not_cover_the_paragraph_after_it(nlp_dated):
    found = dated_tasks(nlp_dated, "III. Tổ chức thực hiện\n2.1 - Các LĐLĐ tỉnh, thành phố:\n"
                                   "- Hằng năm xây dựng kế hoạch đào tạo cán bộ công đoàn.\n"
                                   "Chọn cử cán bộ đi đào tạo theo đúng kế hoạch.\n")
    assert [t.deadline.kind if t.deadline else None for t in found] == ["recurring", None]


def test_end_of_a_term_opens_a_step(nlp_dated):
    found = dated_tasks(nlp_dated, "Các cấp công đoàn thực hiện như sau:\n- Tổ chức sơ kết giữa nhiệm kỳ.\n"
                                   "Cuối nhiệm kỳ Đại hội Công đoàn toàn quốc có báo cáo tổng kết.\n")
    assert found[-1].text == "Cuối nhiệm kỳ Đại hội Công đoàn toàn quốc có báo cáo tổng kết"
    assert found[-1].deadline.kind == "relative"


def test_a_second_action_with_a_recurring_time_is_its_own_task(nlp_dated):
    found = dated_tasks(nlp_dated, "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn việc thực hiện "
                                   "Kế hoạch và hằng năm tổng hợp kết quả gửi Ủy ban nhân dân tỉnh.")
    assert [t.text for t in found] == ["chủ trì, phối hợp với Sở Tài chính hướng dẫn việc thực hiện Kế hoạch",
                                       "hằng năm tổng hợp kết quả gửi Ủy ban nhân dân tỉnh"]
    assert all(names(t.lead) == ["Sở Nội vụ"] and names(t.support) == ["Sở Tài chính"] for t in found)
    assert found[0].deadline is None
    assert found[1].deadline.kind == "recurring"


def test_a_report_at_each_session_after_a_semicolon_is_its_own_task(nlp_dated):
    found = dated_tasks(nlp_dated, "Giao Ủy ban nhân dân huyện tổ chức thực hiện Nghị quyết này; báo cáo kết quả "
                                   "với Hội đồng nhân dân huyện tại các kỳ họp thường lệ.")
    assert [t.text[:20] for t in found] == ["tổ chức thực hiện Ng", "báo cáo kết quả với "]
    assert found[0].deadline is None and found[1].deadline.kind == "recurring"
    assert names(found[1].lead) == ["Ủy ban nhân dân huyện"]


def test_each_clause_keeps_its_own_time_when_both_have_one(nlp_dated):
    found = dated_tasks(nlp_dated, "Hằng năm, Sở Xây dựng báo cáo kết quả thực hiện Chương trình với Ủy ban "
                                   "nhân dân tỉnh; tổng kết việc thực hiện khi kết thúc Chương trình và đề xuất "
                                   "giải pháp tiếp theo.")
    assert [t.deadline.text for t in found] == ["Hằng năm", "khi kết thúc Chương trình"]
    assert [t.deadline.kind for t in found] == ["recurring", "relative"]
    assert all(names(t.lead) == ["Sở Xây dựng"] for t in found)


def test_a_dated_report_and_a_list_of_verbs_do_not_split(nlp_dated):
    found = dated_tasks(nlp_dated, "Giao Sở Tài chính xây dựng phương án phân bổ kinh phí cho các huyện và báo cáo "
                                   "Ủy ban nhân dân tỉnh trước ngày 30/6/2010. Giao Sở Y tế theo dõi, đôn đốc, kiểm "
                                   "tra và hằng quý báo cáo Ủy ban nhân dân tỉnh về kết quả thực hiện.")
    assert len(found) == 2
    assert found[0].deadline.due.isoformat() == "2010-06-30"
    assert found[1].deadline.kind == "recurring"


def test_a_duty_for_when_trouble_arises_is_its_own_task(nlp_dated):
    found = dated_tasks(nlp_dated, "Giao Sở Tư pháp hằng năm tổng hợp báo cáo kết quả kiểm tra văn bản, trong quá "
                                   "trình thực hiện có khó khăn vướng mắc phải báo cáo Ủy ban nhân dân tỉnh.")
    assert [t.text[:22] for t in found] == ["hằng năm tổng hợp báo ", "trong quá trình thực h"]
    assert found[1].deadline is None and names(found[1].lead) == ["Sở Tư pháp"]


def test_a_subject_group_written_with_a_comma_is_one_lead(nlp_dated):
    found = dated_tasks(nlp_dated, "Chậm nhất là cuối quý II năm 2010, những cơ quan, đơn vị đã có trang thông tin "
                                   "điện tử phải đăng tải các dự thảo văn bản để lấy ý kiến.")
    assert names(found[0].lead) == ["những cơ quan, đơn vị đã có trang thông tin điện tử"]
    assert found[0].deadline.due.isoformat() == "2010-06-30"


def test_a_topic_that_opens_with_a_verb_is_a_label_before_a_subject(nlp_dated):
    found = dated_tasks(nlp_dated, "Các giải pháp:\n- Khuyến khích đầu tư: Các ngành chức năng sớm hoàn thiện "
                                   "cơ chế hỗ trợ doanh nghiệp đầu tư vào nông nghiệp.\n")
    assert names(found[0].lead) == ["Các ngành chức năng"]
    assert found[0].text.startswith("sớm hoàn thiện")


def test_the_end_mark_of_a_document_does_not_hide_the_last_task(nlp):
    found = tasks(nlp, "Các giải pháp:\n- Các địa phương cần rà soát danh mục công trình ưu tiên đầu tư./.\n")
    assert [(t.text, names(t.lead)) for t in found] == [("cần rà soát danh mục công trình ưu tiên đầu tư",
                                                         ["Các địa phương"])]


def test_a_recurring_time_inside_a_purpose_does_not_split(nlp_dated):
    found = dated_tasks(nlp_dated, "Giao Sở Xây dựng lập kế hoạch đầu tư và lựa chọn danh mục công trình ưu tiên "
                                   "để triển khai thực hiện hằng năm.")
    assert len(found) == 1 and found[0].deadline.kind == "recurring"
