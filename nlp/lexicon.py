"""Word lists shared by the body and task components (one place, so they agree).

- `ACTION_VERBS`: the first words of an action asked of someone ("triển khai", "chủ trì").
- `NOT_ACTIONS`: nouns that open with the syllable of an action verb ("giao thông").
- `REPORT_WORDS`: first words of a predicate that reports rather than asks ("đã", "là").
- `ROLE_MODIFIERS`: verbs that, right after "cơ quan" / "Cục" / "đơn vị", name a role
  instead ("các cơ quan tham mưu", "các Cục quản lý chuyên ngành").
- `opens_action(words)`: whether a list of words (compare_key form) opens with an action
  (a verb of ACTION_VERBS, a verb in "hóa", or either after "không").
- `leading_verb_length(words)`: how many words the longest action verb opening them takes.

All entries are lowercase and compared on `theodoi.vietnamese.compare_key`.
"""
from __future__ import annotations

# First words of an action asked of someone (lowercase, compared on compare_key).
ACTION_VERBS = set("""
triển khai|tăng cường|đẩy mạnh|chủ trì|phối hợp|xây dựng|tổ chức|rà soát|nghiên cứu|tiếp tục|chỉ đạo|
hướng dẫn|báo cáo|tham mưu|thực hiện|kiểm tra|thanh tra|giám sát|đôn đốc|theo dõi|tập trung|chú trọng|
nâng cao|đổi mới|hoàn thiện|hoàn thành|ban hành|bố trí|bảo đảm|đảm bảo|khẩn trương|quán triệt|tuyên truyền|
phổ biến|cung cấp|chuẩn bị|đề xuất|kiến nghị|xử lý|cải tạo|nâng cấp|đầu tư|phát triển|cải thiện|huy động|
ưu tiên|quản lý|củng cố|kiện toàn|sắp xếp|thành lập|lập|điều tra|khảo sát|xác định|khuyến khích|chủ động|
kiên quyết|nghiêm túc|thường xuyên|trình|tổng hợp|gửi|phân bổ|cân đối|mở rộng|hỗ trợ|sửa đổi|bổ sung|
thúc đẩy|duy trì|áp dụng|ứng dụng|cập nhật|công khai|tiến hành|phát huy|hình thành|kết hợp|lồng ghép|
thẩm định|nắm vững|chịu trách nhiệm|phân tích|làm rõ|thu hút|khắc phục|ngăn chặn|phòng chống|vận động|đào tạo|bồi dưỡng|
chọn|lựa chọn|tiếp thu|đánh giá|sơ kết|tổng kết|tạo điều kiện|giải quyết|đẩy nhanh|rút kinh nghiệm|
sớm|kịp thời|tích cực|quyết liệt|hoàn chỉnh|giao|tăng|giảm|khai thác|vận hành|tổ chức thực hiện|
phấn đấu|thiết lập|hiện đại hóa|số hóa|chuyển đổi|tranh thủ|nghiêm cấm|không để|kêu gọi|chấn chỉnh|
quy định|tiếp nhận|xem xét|lãnh đạo|phát động|biểu dương|khen thưởng|điều chỉnh|chuyển|thống kê|
đăng ký|kê khai|niêm yết|tuyên dương|cải cách|thí điểm|nhân rộng|tháo gỡ|rà soát|dự thảo|in|cấp|thu|
quan tâm|lưu ý|chú ý|bám sát|nỗ lực|nhanh chóng|họp|lắp đặt|
kết nối|tích hợp|chuẩn hóa|sửa|sửa chữa|hoàn tất|bàn giao|di dời|giải ngân|thu hồi|xác minh|tuần tra|kiểm soát|
công bố|phục hồi|xây|phản ánh|đưa|tuân thủ|chấp hành|thực thi|tạm dừng|đăng tải|dành|
tạo|tạo lập|phủ sóng|đo đạc|mời|tham gia|mở|đồng bộ|liên kết|tập huấn|phê duyệt|
thông báo cho|thông báo công khai|thông báo rộng rãi|thông báo kịp thời|
có kế hoạch|có giải pháp|có phương án|có biện pháp|có văn bản|có cơ chế|có chính sách|
""".replace("\n", "").split("|")) - {""}
# Nouns that open with the syllable of an action verb: "giao thông" is not "giao".
NOT_ACTIONS = {"giao thông", "giao dịch", "thu nhập", "cấp độ", "tăng trưởng", "chuyển biến", "lập trường",
               "cấp xã", "cấp tỉnh", "cấp huyện", "cấp trên", "cấp cơ sở", "cấp ủy", "cấp uỷ"}  # ("cơ quan ... cấp xã")
# Nouns made with "hóa" that are not verbs: "văn hóa" (culture), "hàng hóa" (goods).
HOA_NOUNS = {"văn hóa", "hàng hóa", "tiêu hóa", "hóa đơn", "hóa chất", "biến hóa", "hóa học"}
# First words of a predicate that reports what is or was, not what is asked.
REPORT_WORDS = {"đã", "đang", "vừa", "là", "được", "bị", "đạt", "gồm", "có", "với", "của", "tại", "trong",
                "về", "và", "cho", "thuộc", "ban hành", "nhận", "tham dự", "báo cáo về"}

ROLE_MODIFIERS = {"tham mưu", "quản lý", "giúp việc", "chuyên môn", "chủ quản", "thanh tra"}
_LONGEST_VERB = max(len(v.split()) for v in ACTION_VERBS)


def leading_verb_length(words: list[str]) -> int:
    """How many of `words` (compare_key form) the longest action verb that opens them takes; 0 when
    they open otherwise ("tổ chức thực hiện kế hoạch" → 3)."""
    return next((n for n in range(_LONGEST_VERB, 0, -1) if " ".join(words[:n]) in ACTION_VERBS), 0)


def opens_action(words: list[str]) -> bool:
    """Whether `words` (lowercase, compare_key form) open with an action verb that is not
    the first syllable of a noun ("giao thông"): one of ACTION_VERBS, a verb made with "hóa"
    ("đa dạng hóa", "thông minh hóa"), or one of them denied ("Không cấp phép ...")."""
    if " ".join(words[:2]) in NOT_ACTIONS:
        return False
    if words[:1] == ["không"] and len(words) > 1:
        return words[1] != "không" and opens_action(words[1:])
    return any(" ".join(words[:n]) in ACTION_VERBS for n in range(1, _LONGEST_VERB + 1)) \
        or "hóa" in words[1:3] and " ".join(words[words.index("hóa") - 1:words.index("hóa") + 1]) not in HOA_NOUNS
