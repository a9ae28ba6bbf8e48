"""Word lists of the body finder (`theodoi_bodies`): head nouns, kinds of group, titles, places,
and the words that end or qualify a name. One place, read by the body finder, the task
strategies and the unit splitter. Entries are lowercase syllables (tuples for several)."""
from __future__ import annotations

# Nouns that open the name of a body; the name goes on with capitalised syllables.
HEADS = {
    ("bộ",), ("sở",), ("ủy", "ban"), ("uỷ", "ban"), ("ban",), ("vụ",), ("cục",), ("tổng", "cục"),
    ("chi", "cục"), ("văn", "phòng"), ("thanh", "tra"), ("ngân", "hàng"), ("kho", "bạc"), ("hội",),
    ("liên", "đoàn"), ("tổng", "liên", "đoàn"), ("mặt", "trận"), ("đảng", "ủy"), ("đảng", "uỷ"),
    ("trung", "tâm"), ("phòng",), ("công", "an"), ("viện",), ("đài",), ("tòa", "án"), ("toà", "án"),
    ("kiểm", "toán"), ("tập", "đoàn"), ("tổng", "công", "ty"), ("công", "ty"), ("hội", "đồng"),
    ("ủy", "ban", "nhân", "dân"), ("uỷ", "ban", "nhân", "dân"), ("ubnd",), ("hđnd",), ("huyện", "ủy"),
    ("tỉnh", "ủy"), ("thành", "ủy"), ("thường", "trực"), ("ban", "quản", "lý"), ("bảo", "hiểm", "xã", "hội"),
    ("học", "viện"), ("trường",), ("đoàn",), ("đảng", "đoàn"), ("ban", "cán", "sự"), ("liên", "đoàn", "lao", "động"), ("bệnh", "viện"), ("quỹ",), ("chính", "phủ"), ("quốc", "hội"),
}
# Nouns that open a body's name only when capitalised and followed by a name ("Báo Nhân Dân",
# "Liên minh Hợp tác xã tỉnh"); in lower case they are words of a sentence ("báo cáo").
NAME_ONLY_HEADS = {("báo",), ("liên", "minh"), ("thông", "tấn", "xã"), ("hiệp", "hội"), ("tỉnh", "đoàn"),
                   ("thành", "đoàn"), ("chi", "nhánh"), ("bộ", "chỉ", "huy"), ("bộ", "tư", "lệnh"), ("nhà", "xuất", "bản"),
                   ("cổng", "thông", "tin")}
# Lowercase syllables that go on an unknown body's name after its capitalised ones ("Vụ Kế hoạch
# tài chính"): at most this many, and never a verb, modal or function word.
DESCRIPTOR_MAX = 3
DESCRIPTOR_STOP = {"hằng", "hàng", "định", "năm", "tháng", "quý", "ngày", "tuần", "trước", "sau", "cuối", "đầu",
                   "giữa", "này", "đó", "ngay", "luôn", "đều", "cũng", "chưa", "không", "vẫn", "còn", "nay"}
# Kinds of body that a group names after "các": "các sở, ban, ngành".
GROUP_NOUNS = {
    ("sở",), ("ban",), ("ngành",), ("bộ",), ("cơ", "quan"), ("đơn", "vị"), ("địa", "phương"), ("tỉnh",),
    ("thành", "phố"), ("huyện",), ("quận",), ("thị", "xã"), ("xã",), ("phường",), ("thị", "trấn"),
    ("doanh", "nghiệp"), ("công", "ty"), ("chủ", "đầu", "tư"), ("tổ", "chức"), ("đoàn", "thể"), ("hội",), ("cục",), ("vụ",),
    ("tổng", "cục"), ("tổng", "công", "ty"), ("ban", "quản", "lý", "dự", "án"), ("cơ", "sở"), ("trường",),
    ("hợp", "tác", "xã"), ("ngân", "hàng"), ("cấp",), ("cấp", "chính", "quyền"), ("cấp", "ủy"), ("cấp", "uỷ"),
    ("ngành", "chức", "năng"), ("cơ", "quan", "chức", "năng"),
    ("cơ", "quan", "ngang", "bộ"), ("cơ", "quan", "thuộc", "chính", "phủ"), ("đoàn", "thể", "chính", "trị", "-", "xã", "hội"),
    ("cá", "nhân"), ("hộ", "gia", "đình"),  # "các tổ chức, cá nhân có liên quan"
    ("phòng",),  # "các phòng, ban chuyên môn"
    ("tổ", "đại", "biểu"), ("tổ", "công", "tác"), ("báo", "chí"), ("truyền", "hình"), ("phát", "thanh"),
    ("tổ", "chức", "chính", "trị", "-", "xã", "hội"), ("trung", "tâm"), ("chi", "cục"), ("ủy", "ban"), ("uỷ", "ban"),
    # Party committees of a level: "các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy".
    ("huyện", "ủy"), ("huyện", "uỷ"), ("thành", "ủy"), ("thành", "uỷ"), ("thị", "ủy"), ("thị", "uỷ"),
    ("quận", "ủy"), ("quận", "uỷ"), ("tỉnh", "ủy"), ("tỉnh", "uỷ"), ("đảng", "ủy"), ("đảng", "uỷ"),
    ("tổ", "chức", "đảng"), ("tổ", "chức", "cơ", "sở", "đảng"), ("chi", "bộ"), ("đảng", "bộ"),
}
# Party committees of a level, as written after a title: "Bí thư Tỉnh ủy, Thành ủy".
PARTY_COMMITTEES = {(level, committee) for level in ("tỉnh", "thành", "huyện", "quận", "thị")
                    for committee in ("ủy", "uỷ")}
# Kinds that carry a qualifier of their own: in a list they are bodies of their own ("các Bộ, cơ quan
# ngang Bộ, cơ quan thuộc Chính phủ" is three), while bare kinds continue a group ("các sở, ban, ngành").
OWN_KINDS = {
    ("cơ", "quan", "ngang", "bộ"), ("cơ", "quan", "thuộc", "chính", "phủ"), ("ban", "quản", "lý", "dự", "án"),
    ("tổ", "chức", "chính", "trị", "-", "xã", "hội"), ("đoàn", "thể", "chính", "trị", "-", "xã", "hội"),
}
# Kinds that after a kind with words of its own begin another body: "các doanh nghiệp vận tải, tổ chức,
# cá nhân có liên quan" is two.
OTHER_KINDS = {("tổ", "chức"), ("cá", "nhân"), ("đơn", "vị"), ("cơ", "quan"), ("doanh", "nghiệp"), ("hợp", "tác", "xã"),
               ("cơ", "sở"), ("hộ", "gia", "đình")}
# Words (and the pair "liên quan") that may qualify a group: "liên quan", "trực thuộc Bộ",
# "chức năng ở địa phương"; "quan" alone is not one ("các Sở GTVT quan tâm ...").
QUALIFIER_WORDS = {
    "liên quan", "có", "chức", "năng", "trực", "thuộc", "chuyên", "ngành", "trong", "ở", "trung", "ương",
    "địa", "phương", "trên", "bàn", "tỉnh", "thành", "phố", "nhà", "nước", "bộ", "cấp",
    "huyện", "xã", "đoàn", "thể", "của", "chính", "phủ", "ngang", "cả", "toàn", "chuyên", "môn",
}
QUALIFIER_END_BAD = {"có", "trong", "ở", "trên", "thuộc", "của", "trực", "cả", "toàn", "nhà", "chính"}
# Lowercase words that never end a name: they start the predicate after it.
NOT_NAME_TAIL = {
    "và", "có", "là", "đã", "đang", "sẽ", "cần", "phải", "chủ", "phối", "tiếp", "thực", "tổ", "xây", "tham",
    "chịu", "được", "với", "của", "về", "tại", "trong", "theo", "để", "khẩn", "chỉ", "báo", "triển", "tăng",
    "đẩy", "rà", "nghiên", "kiểm", "hướng", "ban", "quản", "thường", "sớm", "tập", "các", "những", "cho", "từ",
    "cùng", "kết", "hoặc", "thuộc", "trên", "tới", "đến", "nhằm", "bằng", "do", "vì", "khi", "nếu", "thì", "mà",
    "quyết", "thống", "nhất", "yêu", "đề",
}
LEVEL_WORDS = {("tỉnh",), ("thành", "phố"), ("huyện",), ("quận",), ("thị", "xã"), ("xã",), ("phường",), ("tp",)}
TITLES = {
    ("chủ", "tịch"), ("giám", "đốc"), ("thủ", "trưởng"), ("lãnh", "đạo"), ("bộ", "trưởng"), ("trưởng", "ban"),
    ("bí", "thư"), ("các", "đồng", "chí", "bộ", "trưởng"), ("người", "đứng", "đầu"), ("chánh", "văn", "phòng"),
    ("đại", "biểu"), ("tổ", "đại", "biểu"), ("đoàn", "đại", "biểu"), ("tổng", "thư", "ký"), ("chủ", "nhiệm"),
    ("phó", "chủ", "tịch"), ("phó", "giám", "đốc"), ("thứ", "trưởng"), ("chánh", "án"), ("viện", "trưởng"),
    ("chánh",),  # "Chánh" + "Văn phòng UBND tỉnh", "Chánh" + "Thanh tra tỉnh"
}
# Words that open with a body's head noun but name a thing or a circumstance: "Trường hợp có vướng mắc, ..."
THING_NOUNS = {"trường hợp", "hội nghị", "hội thảo", "ban hành", "bộ máy", "đoàn kết", "phòng ngừa", "phòng chống",
               "cơ sở dữ liệu", "quỹ đất", "trung tâm dữ liệu"}
# Titles that name the head of a body on their own ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ": the
# ministers, then the heads of the other bodies): never joined to the title after them.
SELF_TITLES = {"bộ trưởng", "các bộ trưởng", "các đồng chí bộ trưởng", "tổ đại biểu", "đoàn đại biểu"}
SELF_TITLES_SEQ = {("bộ", "trưởng")}  # (the same, as syllables: "Bộ trưởng, Thủ trưởng ..." names the ministers)
# Heads whose unknown names may be lists closed by "và": "Cục Xuất bản, In và Phát hành".
COMMA_NAME_HEADS = {("bộ",), ("sở",), ("cục",), ("vụ",), ("viện",), ("tổng", "cục"), ("chi", "cục"), ("trung", "tâm")}
# Heads that name a body at each level with a lowercase level after them: "Công an xã, phường".
LEVEL_HEADS = {("công", "an"), ("thanh", "tra"), ("đảng", "ủy"), ("đảng", "uỷ")}
MANAGED_MAX = 10  # syllables of what a Ban Quản lý manages: "các khu công nghệ cao và khu công nghiệp"
# Words of the media that go on a group's kind: "các cơ quan báo chí, truyền hình" (not "báo cáo").
MEDIA_WORDS = {"báo chí", "truyền hình", "phát thanh", "truyền thông", "thông tấn"}
# Groups that a council or committee is made of: "các Ban Hội đồng nhân dân", "các Ủy ban của Quốc hội".
MEMBER_GROUPS = {"ban", "tổ"}
CONNECTORS = {"và", "-", "&"}
# Lowercase words that end a group's own modifiers ("các công ty viễn thông"): what follows
# them is the predicate or a qualifier.
TAIL_STOP = {"này", "đó", "nào", "mà", "thì", "để", "nhằm", "nhất", "đặc", "cùng", "đều", "cũng", "luôn",
             "không", "chưa", "vẫn", "còn", "ngay", "hết", "liên", "tự", "trực", "phải", "cần", "nên", "căn"}
# Group nouns after which a verb of ROLE_MODIFIERS names a role ("các cơ quan tham mưu").
ROLE_HEADS = {"quan", "cục", "vụ", "vị", "ban"}
GROUP_TAIL_MAX = 4  # syllables
# Qualifier words that go on a word inside a group's kind ("bưu chính", "tài chính"), not a qualifier.
SECOND_SYLLABLES = {"chính", "năng", "môn", "ngành", "thể", "nước"}
COUNCIL_ENDS = {"ubnd", "hđnd", "dân", "ubmttq", "mttq", "nam"}  # "Ủy ban nhân dân" + "các huyện"

# Nouns after "có" that open the predicate ("có trách nhiệm triển khai"), not a kind of member.
PREDICATE_NOUNS = {"trách nhiệm", "nhiệm vụ", "kế hoạch", "ý kiến", "văn bản", "biện pháp", "giải pháp",
                   "phương án", "chương trình", "báo cáo", "đề xuất", "thể", "quyền"}
HAVING_MAX = 6  # syllables of "có điểm du lịch cộng đồng"
