"""Name extent and lists of bodies, and what is not a body (sentences written for these tests).

Every gazetteer entry is placed inside sentences (also wrapped over two lines inside a
paragraph): the body found must cover it whole, never cut it between its syllables."""
import pytest

import theodoi.nlp.components  # noqa: F401
from theodoi.nlp.agencies import load_agencies


def bodies(nlp, text):
    doc = nlp(text)
    return [s._.body.text for s in doc.spans["bodies"]]


def task_bodies(nlp, text):
    doc = nlp(text)
    return [([b.text for b in s._.task.lead], [b.text for b in s._.task.support]) for s in doc.spans["tasks"]]


SENTENCES = (
    "Giao {} chủ trì triển khai kế hoạch.",
    "Đề nghị {}, Sở Tài chính phối hợp kiểm tra.",
    "Các nội dung do {} đề xuất được tổng hợp.",
    "Ủy ban nhân dân tỉnh thống nhất giao nhiệm vụ rà soát toàn bộ danh mục dự án cho {} thực hiện.",
)


def _wrapped(name: str) -> str:
    """The name with a line break after its first word, as a PDF wraps a long paragraph."""
    cut = name.find(" ")
    return name[:cut] + "\n" + name[cut + 1:] if cut > 0 else name


@pytest.mark.parametrize("name", sorted({n for a in load_agencies() for n in a.names}))
def test_every_gazetteer_name_is_found_whole_inside_a_sentence(nlp, name):
    placed = [(sentence, name) for sentence in SENTENCES] + [(SENTENCES[-1], _wrapped(name))]  # (a long line wraps)
    for sentence, written in placed:
        text = sentence.format(written)
        doc = nlp(text)
        at = sentence.index("{}")
        end = at + len(written)
        spans = [(s.start_char, s.end_char) for s in doc.spans["bodies"]]
        assert any(s <= at and e >= end for s, e in spans), (text, spans)
        assert not any(at < s < end or at < e < end for s, e in spans), (text, spans)


@pytest.mark.parametrize("text, expected", [
    ("Giao Vụ Kế hoạch tài chính chủ trì lập dự toán.", "Vụ Kế hoạch tài chính"),
    ("Cục Quản lý thị trường tỉnh kiểm tra các cửa hàng.", "Cục Quản lý thị trường tỉnh"),
    ("Yêu cầu UBND các huyện - thị xã kiểm tra.", "UBND các huyện - thị xã"),
    ("Giao Thủ trưởng các sở, ban, ngành của tỉnh rà soát thủ tục.", "Thủ trưởng các sở, ban, ngành của tỉnh"),
    ("Giao các đơn vị trực thuộc Bộ rà soát.", "các đơn vị trực thuộc Bộ"),
    ("Giao Ủy ban nhân dân cấp tỉnh tổ chức kiểm tra định kỳ.", "Ủy ban nhân dân cấp tỉnh"),
    ("Phòng Tài nguyên và Môi trường cấp huyện rà soát hồ sơ đất đai.", "Phòng Tài nguyên và Môi trường cấp huyện"),
])
def test_name_extent_keeps_descriptors_qualifiers_and_hyphenated_groups(nlp, text, expected):
    assert expected in bodies(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # an unknown name written as a list closed by "và" is one name
    ("Giao Cục Văn hóa, Nghệ thuật và Triển lãm chủ trì rà soát các thủ tục.", "Cục Văn hóa, Nghệ thuật và Triển lãm"),
    ("**2. Cục\nKhảo cổ, Bảo tàng và Di sản**\n- Rà soát các thủ tục cấp phép.\n", "Cục Khảo cổ, Bảo tàng và Di sản"),
    # what a management board manages, in lower case after "các"
    ("Giao Ban Quản lý các khu kinh tế và khu công nghiệp rà soát quỹ đất.",
     "Ban Quản lý các khu kinh tế và khu công nghiệp"),
    ("Ban Quản lý các khu chế xuất và công nghiệp Bình An phối hợp kiểm tra.",
     "Ban Quản lý các khu chế xuất và công nghiệp Bình An"),
    # a group whose members a heading names with "có ..."
    ("**5. Các\ntrường có HSSV nội trú**\n- Rà soát ký túc xá.\n", "Các trường có HSSV nội trú"),
    ("3. Các xã có đất lúa\n- Kiểm tra việc đốt rơm rạ.\n", "Các xã có đất lúa"),
])
def test_name_extent_of_lists_closed_by_va_boards_and_headings(nlp, text, expected):
    assert expected in bodies(nlp, text)


def test_a_list_of_bodies_is_not_read_as_one_name(nlp):
    assert bodies(nlp, "Giao Vụ Pháp chế, Văn phòng Bộ và Cục Điện ảnh rà soát.") == [
        "Vụ Pháp chế", "Văn phòng Bộ", "Cục Điện ảnh"]


def test_a_lowercase_run_after_a_known_name_is_the_sentence(nlp):
    assert bodies(nlp, "Sở Y tế quyết định danh mục thuốc.") == ["Sở Y tế"]
    assert bodies(nlp, "Giao Sở Tư pháp hằng năm tổng hợp báo cáo.") == ["Sở Tư pháp"]


@pytest.mark.parametrize("text, expected", [
    ("Đề nghị các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ khẩn trương rà soát.",
     ["các Bộ", "cơ quan ngang Bộ", "cơ quan thuộc Chính phủ"]),
    ("Giao Ủy ban nhân dân các cấp, các hội, đoàn thể vận động nhân dân.",
     ["Ủy ban nhân dân các cấp", "các hội, đoàn thể"]),
    ("Giao Sở Tài chính, Liên minh Hợp tác xã tỉnh, Hội Doanh nhân trẻ tỉnh hỗ trợ doanh nghiệp.",
     ["Sở Tài chính", "Liên minh Hợp tác xã tỉnh", "Hội Doanh nhân trẻ tỉnh"]),
    ("Yêu cầu các sở, ban, ngành, các địa phương tăng cường kiểm tra.", ["các sở, ban, ngành, các địa phương"]),
    # a kind with words of its own ends its group; the kinds after it are another body
    ("Các doanh nghiệp vận tải, tổ chức, cá nhân có liên quan chấp hành nghiêm quy định về tải trọng.",
     ["Các doanh nghiệp vận tải", "tổ chức, cá nhân có liên quan"]),
    ("Các cơ quan quản lý thị trường, tổ chức, cá nhân kinh doanh có trách nhiệm niêm yết giá.",
     ["Các cơ quan quản lý thị trường", "tổ chức, cá nhân kinh doanh"]),
    ("Yêu cầu các hợp tác xã nông nghiệp, cơ sở chế biến, hộ gia đình tham gia bảo hiểm cây trồng.",
     ["các hợp tác xã nông nghiệp", "cơ sở chế biến", "hộ gia đình"]),
    # a bare kind after a body of its own is one more body
    ("Các bộ, cơ quan ngang bộ, cơ quan có liên quan rà soát lại định mức chi phí.",
     ["Các bộ", "cơ quan ngang bộ", "cơ quan có liên quan"]),
])
def test_a_list_is_split_at_each_body_with_its_own_head(nlp, text, expected):
    [(lead, _)] = task_bodies(nlp, text)
    assert lead == expected


@pytest.mark.parametrize("text, expected", [
    ("Yêu cầu Giám đốc các Sở: Y tế, Giáo dục và Đào tạo kiểm tra an toàn thực phẩm.",
     ["Giám đốc Sở Y tế", "Giám đốc Sở Giáo dục và Đào tạo"]),
    ("Các Bộ: Công Thương, Xây dựng, Nội vụ cần rà soát lại định mức chi phí.", ["Bộ Công Thương", "Bộ Xây dựng",
                                                                                  "Bộ Nội vụ"]),
])
def test_a_shared_head_is_written_out(nlp, text, expected):
    [(lead, _)] = task_bodies(nlp, text)
    assert lead == expected


@pytest.mark.parametrize("text, expected", [
    # titles joined before one group name the heads of that group
    ("Giám đốc, Thủ trưởng các cơ quan, đơn vị thuộc tỉnh chịu trách nhiệm thi hành Quyết định này.",
     ["Giám đốc, Thủ trưởng các cơ quan, đơn vị thuộc tỉnh"]),
    ("Yêu cầu Chủ tịch, Phó Chủ tịch Ủy ban nhân dân các xã và Giám đốc Trung tâm Y tế huyện kiểm tra.",
     ["Chủ tịch, Phó Chủ tịch Ủy ban nhân dân các xã", "Giám đốc Trung tâm Y tế huyện"]),
    # a title that names its own body stays apart; a title shared by bodies of one kind is written out
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh "
     "tập trung rà soát các dự án dừng thi công.",
     ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
      "Chủ tịch Ủy ban nhân dân các tỉnh"]),
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan chịu trách nhiệm thi hành Nghị định này.",
     ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan có liên quan"]),
    ("Thường trực Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân huyện giám sát việc thu phí.",
     ["Thường trực Hội đồng nhân dân", "các Tổ đại biểu", "đại biểu Hội đồng nhân dân huyện"]),
])
def test_titles_of_a_list_of_bodies(nlp, text, expected):
    [(lead, _)] = task_bodies(nlp, text)
    assert lead == expected


def test_unknown_names_after_a_shared_head_are_kept_by_their_shape(nlp):
    [(_, support)] = task_bodies(nlp, "Văn phòng Bộ chủ trì, phối hợp với các Cục: Quản trị, Thống kê "
                                      "xây dựng báo cáo năm.")
    assert support == ["Cục Quản trị", "Cục Thống kê"]


@pytest.mark.parametrize("text, support", [
    ("Giao Sở Công Thương chủ trì, kết hợp với Công an tỉnh kiểm tra hàng giả.", ["Công an tỉnh"]),
    ("Giao Sở Công Thương cùng với Công an tỉnh kiểm tra hàng giả.", ["Công an tỉnh"]),
    ("Giao Sở Y tế cùng các địa phương rà soát cơ sở dữ liệu.", ["các địa phương"]),
    ("Sở Văn hóa chủ trì, phối hợp với Hội Nông dân, Báo Bình An, Đài Phát thanh tỉnh tuyên truyền.",
     ["Hội Nông dân", "Báo Bình An", "Đài Phát thanh tỉnh"]),
    ("Ủy ban nhân dân thành phố chủ trì, phối hợp với bộ, ngành liên quan sớm hoàn thiện đề án chống ngập.",
     ["bộ, ngành liên quan"]),
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp, các cơ quan liên quan và chính quyền địa phương tổ chức vận động.",
     ["Sở Tư pháp", "các cơ quan liên quan", "chính quyền địa phương"]),
    # a known group keeps its qualifier; media kinds are a group; "hoặc" joins a list; a body at each level
    ("Sở Xây dựng chủ trì, phối hợp với các Sở, Ban, ngành liên quan lập quy hoạch bến bãi.",
     ["các Sở, Ban, ngành liên quan"]),
    ("Sở Du lịch phối hợp với các cơ quan báo chí, truyền hình đăng tải lịch lễ hội.",
     ["các cơ quan báo chí, truyền hình"]),
    ("Sở Giao thông vận tải phối hợp với Công an xã, phường hoặc UBND các xã, phường xử lý lấn chiếm.",
     ["Công an xã, phường", "UBND các xã, phường"]),
])
def test_support_cue_variants_and_unknown_bodies_in_a_support_list(nlp, text, support):
    [(_, found)] = task_bodies(nlp, text)
    assert found == support


@pytest.mark.parametrize("text", [
    "Tại các chợ, trung tâm thương mại phải niêm yết giá bán.",
    "Trong khu dân cư, trường học phải bố trí lối thoát hiểm.",
])
def test_a_phrase_without_a_body_is_never_a_lead(nlp, text):
    assert all(not lead for lead, _ in task_bodies(nlp, text))


@pytest.mark.parametrize("text", [
    "3. Sở Giao thông vận tải\nRà soát các bến xe. Trường hợp phát sinh vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh.\n",
    "3. Sở Giao thông vận tải\nRà soát các bến xe. Trường hợp cần thiết, khẩn trương đề xuất phương án xử lý.\n",
])
def test_a_circumstance_that_looks_like_a_body_leaves_the_action_to_the_heading(nlp, text):
    found = task_bodies(nlp, text)
    assert len(found) == 2 and all(lead == ["Sở Giao thông vận tải"] for lead, _ in found)


def test_a_short_name_in_brackets_is_not_part_of_the_lead(nlp):
    [(lead, _)] = task_bodies(nlp, "Giao Sở Kế hoạch và Đầu tư (Sở KH&ĐT) chủ trì tham mưu phương án vốn.")
    assert lead == ["Sở Kế hoạch và Đầu tư"]


def test_the_body_that_decides_is_not_the_lead_of_its_items(nlp):
    found = task_bodies(nlp, "Ban Thường vụ Tỉnh ủy quyết nghị:\n1. Rà soát quy hoạch các điểm du lịch.\n"
                             "2. Hỗ trợ người dân cải tạo nhà ở.")
    assert found == [([], []), ([], [])]


def test_a_table_cell_keeps_a_group_of_levels_together():
    from theodoi.nlp.tasks.tables import split_names
    assert [m.text for m in split_names("UBND các huyện, thành phố, thị xã; Sở Y tế", 0)] == [
        "UBND các huyện, thành phố, thị xã", "Sở Y tế"]


def test_press_bodies_and_a_portal_in_a_list(nlp):
    [(lead, _)] = task_bodies(nlp, "Đề nghị Thông tấn xã Việt Nam, Cổng Thông tin điện tử tỉnh Bình An và các cơ "
                                   "quan thông tấn, báo chí đưa tin kịp thời về mùa lũ.")
    assert lead == ["Thông tấn xã Việt Nam", "Cổng Thông tin điện tử tỉnh Bình An", "các cơ quan thông tấn, báo chí"]


@pytest.mark.parametrize("text, expected", [
    ("Giao Liên đoàn Lao động, Hội Nông dân tỉnh vận động đoàn viên.", ["Liên đoàn Lao động", "Hội Nông dân tỉnh"]),
    ("Đề nghị Sở Xây dựng, Liên đoàn Lao động tổ chức tập huấn an toàn.", ["Sở Xây dựng", "Liên đoàn Lao động"]),
    ("Giao Kho bạc Nhà nước khu vực VII kiểm soát chi.", ["Kho bạc Nhà nước khu vực VII"]),
    ("Đề nghị Chi cục Hải quan khu vực 4 phối hợp kiểm tra hàng hóa.", ["Chi cục Hải quan khu vực 4"]),
])
def test_a_head_that_is_a_whole_name_and_a_numbered_region(nlp, text, expected):
    assert task_bodies(nlp, text)[0][0] == expected


@pytest.mark.parametrize("text, lead", [
    ("Sở Tài chính, Kho bạc Nhà nước tỉnh và đơn vị liên quan: Có trách nhiệm cung cấp số liệu trong 05 ngày.",
     ["Sở Tài chính", "Kho bạc Nhà nước tỉnh", "đơn vị liên quan"]),
    ("Giao Sở Nội vụ, Sở Tư pháp và cơ quan có liên quan hướng dẫn thủ tục.",
     ["Sở Nội vụ", "Sở Tư pháp", "cơ quan có liên quan"]),
])
def test_the_others_concerned_close_a_list_of_bodies(nlp, text, lead):
    assert task_bodies(nlp, text)[0][0] == lead


@pytest.mark.parametrize("text, name", [
    ("Thực hiện theo hướng dẫn của Cục Quản lý Giá tại Công văn số 15/QLG ngày 3/4/2024.", "Cục Quản lý Giá"),
    ("Thanh tra Vùng Ba theo Kế hoạch số 22/KH-TTr kiểm tra hồ sơ.", "Thanh tra Vùng Ba"),
    ("Ý kiến của Vụ Pháp chế về Dự thảo được tiếp thu.", "Vụ Pháp chế"),
])
def test_a_preposition_between_two_names_ends_the_first(nlp, text, name):
    assert name in bodies(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("1. Ban Thường vụ Ủy ban Hội Cựu chiến binh huyện\n- Lập danh sách hội viên.",
     "Ban Thường vụ Ủy ban Hội Cựu chiến binh huyện"),
    ("Đề nghị Ban Thường vụ Ủy ban Hội Nông dân tỉnh chỉ đạo.", "Ban Thường vụ Ủy ban Hội Nông dân tỉnh"),
])
def test_a_head_inside_a_name_is_never_split(nlp, text, name):
    assert name in bodies(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Công an xã, phường làm nòng cốt trong công tác kiểm tra.", "Công an xã, phường"),
    ("Giao Công an cấp huyện, xã làm đầu mối tiếp nhận tin báo.", "Công an cấp huyện, xã"),
])
def test_the_levels_after_a_head_end_its_name(nlp, text, name):
    assert bodies(nlp, text)[0] == name


@pytest.mark.parametrize("text, lead", [
    ("Chủ tịch Ủy ban nhân dân cấp xã (nơi có dự án) quyết định thành lập Tổ công tác.",
     ["Chủ tịch Ủy ban nhân dân cấp xã"]),
    ("Ủy ban nhân dân cấp huyện (nơi có tuyến đường đi qua) tổ chức kiểm đếm.", ["Ủy ban nhân dân cấp huyện"]),
    ("Bộ Tài chính (Kho bạc Nhà nước) hướng dẫn thủ tục.", ["Bộ Tài chính (Kho bạc Nhà nước)"]),
])
def test_a_note_in_brackets_is_not_part_of_the_name(nlp, text, lead):
    assert task_bodies(nlp, text)[0][0] == lead


@pytest.mark.parametrize("text, lead", [
    ("Đề nghị Giám đốc các sở, đơn vị được giao nhiệm vụ gửi báo cáo tiến độ về Văn phòng.",
     ["Giám đốc các sở, đơn vị được giao nhiệm vụ"]),
    ("Các sở, ngành được giao nhiệm vụ có trách nhiệm báo cáo kết quả trước ngày 10 hằng tháng.",
     ["Các sở, ngành được giao nhiệm vụ"]),
])
def test_the_members_meant_by_the_task_they_were_given_belong_to_the_group(nlp, text, lead):
    assert task_bodies(nlp, text)[0][0] == lead


@pytest.mark.parametrize("text, lead", [
    ("Đề nghị Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh quan tâm chỉ đạo.",
     ["Bí thư Tỉnh ủy, Thành ủy", "Chủ tịch Ủy ban nhân dân các tỉnh"]),
    ("Yêu cầu Bí thư huyện ủy, thị ủy trực tiếp chỉ đạo.", ["Bí thư huyện ủy, thị ủy"]),
    ("Giao Tỉnh ủy, Thành ủy chỉ đạo.", ["Tỉnh ủy", "Thành ủy"]),  # no title: two committees
])
def test_a_title_over_party_committees_of_two_levels_is_one_addressee(nlp, text, lead):
    assert task_bodies(nlp, text)[0][0] == lead
