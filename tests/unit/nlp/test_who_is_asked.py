"""Who is asked: the addressee after a cue is the lead, never the speaker before it; a lead-in's
addressees pass to its items unless an item names its own subject; continuation sentences keep
the support. (Sentences written for these tests.)"""
import pytest

import theodoi.nlp.components  # noqa: F401

from .found_tasks import found_in_any as leads


def tasks(nlp, text):
    doc = nlp(text)
    return [s._.task for s in doc.spans["tasks"]]


@pytest.mark.parametrize("text, addressee", [
    ("UBND huyện yêu cầu các phòng, ban chuyên môn thực hiện các nội dung sau:\n"
     "1. Rà soát hồ sơ tồn đọng.\n2. Báo cáo kết quả trước ngày 15/5.", ["các phòng, ban chuyên môn"]),
    ("Chủ tịch Ủy ban nhân dân thành phố chỉ thị thủ trưởng các đơn vị trực thuộc:\n"
     "- Kiểm tra kho bãi.\n- Lập danh sách cơ sở vi phạm.", ["thủ trưởng các đơn vị trực thuộc"]),
    ("Bộ trưởng đề nghị các cơ quan quản lý thị trường:\n- Tăng cường kiểm tra hàng hóa.\n"
     "- Xử lý nghiêm các vi phạm.", ["các cơ quan quản lý thị trường"]),
])
def test_the_speaker_is_never_the_lead_of_what_it_asks(nlp, text, addressee):
    found = leads(nlp, text)
    assert found and all(lead == addressee for lead, _ in found)


def test_giao_cho_names_the_lead_after_cho(nlp):
    [(lead, text)] = leads(nlp, "Ủy ban nhân dân tỉnh giao cho Sở Tài chính chủ trì thẩm định phương án giá.")
    assert lead == ["Sở Tài chính"] and text.startswith("chủ trì thẩm định")


def test_a_speaker_that_only_opens_a_list_asks_the_items(nlp):
    found = leads(nlp, "Chủ tịch UBND tỉnh chỉ thị như sau:\n1. Sở Y tế:\na) Kiểm tra các cơ sở khám bệnh.\n")
    assert found == [(["Sở Y tế"], "Kiểm tra các cơ sở khám bệnh")]


def test_an_item_with_its_own_subject_keeps_it(nlp):
    found = leads(nlp, "Yêu cầu các sở, ban, ngành thực hiện các việc sau:\n"
                       "1. Rà soát các thủ tục hành chính.\n2. Công an tỉnh tăng cường tuần tra ban đêm.\n")
    assert [lead for lead, _ in found][-2:] == [["các sở, ban, ngành"], ["Công an tỉnh"]]


def test_a_continuation_sentence_keeps_the_support(nlp):
    found = tasks(nlp, "Giao Sở Xây dựng chủ trì, phối hợp với Sở Giao thông vận tải lập quy hoạch bến bãi. "
                       "Tổ chức lấy ý kiến các huyện trước khi trình.")
    assert [[b.text for b in t.support] for t in found] == [["Sở Giao thông vận tải"]] * 2


@pytest.mark.parametrize("text", [
    "**3. Sở Nông nghiệp và\nMôi trường**\na) Theo dõi diễn biến mặn trên các sông.\n",
    "3. Sở Nông nghiệp và Môi trường,\nSở Công Thương\na) Theo dõi diễn biến mặn trên các sông.\n",
])
def test_a_heading_in_markdown_or_wrapped_at_a_comma_names_the_lead(nlp, text):
    [(lead, task)] = leads(nlp, text)
    assert lead[0] == "Sở Nông nghiệp và Môi trường" and task.startswith("Theo dõi")


def test_a_body_that_only_cooperates_keeps_its_next_duties_alone(nlp):
    found = tasks(nlp, "Ủy ban nhân dân các huyện phối hợp với Sở Y tế trong công tác tuyên truyền. "
                       "Xử lý vi phạm trong lĩnh vực an toàn thực phẩm theo thẩm quyền.")
    assert [[b.text for b in t.support] for t in found] == [["Sở Y tế"], []]


@pytest.mark.parametrize("text, lead", [
    ("2. Ủy ban nhân dân các xã:\n- Tăng cường kiểm tra các công trường, yêu cầu các nhà thầu che chắn vật liệu.\n",
     ["Ủy ban nhân dân các xã"]),
    ("3. Sở Công Thương\na) Rà soát các cửa hàng xăng dầu trên địa bàn, đề nghị các doanh nghiệp đầu mối bảo đảm nguồn cung.\n",
     ["Sở Công Thương"]),
])
def test_a_cue_after_the_items_own_action_is_part_of_it(nlp, text, lead):
    [(found, task)] = leads(nlp, text)
    assert found == lead and task.startswith(("Tăng cường", "Rà soát"))


@pytest.mark.parametrize("text", [
    "4. Ngân hàng Nhà nước Việt Nam\na) Chỉ đạo các ngân hàng thương mại, tổ chức tài chính vi mô khẩn trương "
    "rà soát các khoản vay.\n",
    "4. Ngân hàng Nhà nước Việt Nam\na) Hướng dẫn các quỹ tín dụng, tổ chức tài chính vi mô phải công khai lãi suất.\n",
])
def test_bodies_after_a_comma_in_an_item_that_opens_with_its_action_are_its_object(nlp, text):
    [(found, _)] = leads(nlp, text)
    assert found == ["Ngân hàng Nhà nước Việt Nam"]


@pytest.mark.parametrize("text, lead", [
    ("Giao cơ quan có chức năng quản lý đất đai cấp huyện rà soát các thửa đất xen kẹt.",
     ["cơ quan có chức năng quản lý đất đai cấp huyện"]),
    ("Yêu cầu cơ quan có thẩm quyền cấp phép xây dựng cấp xã kiểm tra các công trình.",
     ["cơ quan có thẩm quyền cấp phép xây dựng cấp xã"]),
    ("Giao cơ quan có chức năng kiểm tra, xử lý vi phạm về trật tự xây dựng.", ["cơ quan có chức năng"]),
])
def test_a_function_with_its_level_belongs_to_the_name(nlp, text, lead):
    [(found, _)] = leads(nlp, text)
    assert found == lead
