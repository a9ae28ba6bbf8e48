"""Patterns and word tests shared by the task strategies (one place, so they agree).

Cues ("giao / yêu cầu / đề nghị"), modals ("phải", "có trách nhiệm"), kinds of heading,
the closing formula, and the tests on words: `starts_with_action`, `starts_predicate`,
`is_report`, `has_object`. Word lists live in `theodoi.nlp.lexicon`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from theodoi.nlp.body_words import GROUP_NOUNS, HEADS
from theodoi.nlp.lexicon import REPORT_WORDS, leading_verb_length, opens_action
from theodoi.vietnamese import compare_key

# A cue that asks something of the addressee after it: "giao (cho) / yêu cầu / đề nghị / kêu gọi /
# chỉ thị X ..." ("chỉ thị" in lower case: "Chỉ thị số ..." names a document).
CUE = re.compile(r"(?<![\w])((?i:giao)(?:\s+cho(?=\s))?(?!\s+(?:thông|dịch|lưu|nhận|thương|tiếp|ước|khoán|đất|ban|"
                 r"hàng|diện|kết|thoa|ca|quyền|việc|nộp))|(?i:yêu c[ầẩấâàảa]u|đ[ềểếêèe] ngh[ịiíìỉ](?!\s+(?:quyết(?!\s+liệt)|định))|kêu g[ọoóòỏ]i)|chỉ thị)"
                 r"(?![\w])")  # (tones misread by OCR: "yêu cẩu", "để nghị")
# ("chỉ đạo X ..." is not one: the one who directs X is the lead, X only carries it out.)
NOT_CUE_BEFORE = {"theo", "các", "những", "đáp ứng", "về", "có", "được", "bàn", "thông", "sự", "ý kiến",
                  "kiến nghị", "nhiệm vụ được", "đúng", "với", "là", "nhằm", "của", "cơ quan", "văn bản"}
# Words that open a clause's subject when no known body does: "Cơ quan được giao ...".
_BODY_NOUNS = "|".join(sorted({" ".join(seq) for seq in GROUP_NOUNS | HEADS}, key=len, reverse=True))
SUBJECT_OPENER = re.compile(rf"(?i:(?:các|những|mọi)\s+)?(?i:{_BODY_NOUNS}|thủ trưởng|người đứng đầu|lãnh đạo|"
                            r"chủ tịch|giám đốc|công đoàn|nhà đầu tư|nhà thầu|chính quyền)[\s,]|(?i:các|những)\s+[A-ZĐ]{2,}\s")  # ... "Các LĐLĐ tỉnh"
# Heads that in lower case, without "các" / "những" before them or a name after them, are things or
# places, not bodies: "Tại các chợ, trung tâm thương mại phải ..." names no one.
COMMON_NOUN_HEADS = {"trung tâm", "trường", "bệnh viện", "viện", "phòng", "ban", "đài", "hội", "quỹ", "ngân hàng",
                     "văn phòng", "học viện", "công ty", "tổng công ty", "tập đoàn", "kho bạc", "hội đồng", "đoàn"}


def opens_subject(text: str, pos: int, end: int) -> re.Match | None:
    """The head noun or title that opens a subject at `pos` (SUBJECT_OPENER), or None; a lowercase
    head of COMMON_NOUN_HEADS with no name after it is a thing, not a body ("trung tâm thương mại")."""
    m = SUBJECT_OPENER.match(text, pos, end)
    if m is None or not text[pos:pos + 1].islower() or re.match(r"(?:các|những|mọi)\s", text[pos:pos + 6]):
        return m
    if m.group(0).strip(" ,").lower() in COMMON_NOUN_HEADS and not text[m.end():m.end() + 1].isupper():
        return None
    return m


# Who speaks before what is asked: "Thủ tướng nhấn mạnh, ...", "Bộ trưởng chỉ rõ: ...". The speaker
# is not the lead; what follows the verb is read as the clause.
# A cue set off by a comma is speech too: "Thủ tướng yêu cầu, đề cương phải ...".
SPEECH_VERB = re.compile(r"\s(?:nhấn mạnh|chỉ rõ|nêu rõ|lưu ý|khẳng định|kết luận|phát biểu|nhắc nhở)(?:\s+(?:rằng|là))?"
                         r"\s*[,:]?\s+|\s(?:yêu cầu|đề nghị|chỉ đạo)\s*,\s+", re.IGNORECASE)
SPEAKER_WORDS = 8  # at most this many words before the speech verb, none of them an action


# A body that cannot continue a group named before it ("..., công đoàn ngành trung ương").
NEW_BODY = re.compile("(?:" + "|".join(sorted({" ".join(seq) for seq in HEADS - GROUP_NOUNS} | {"công đoàn"},
                                              key=len, reverse=True)) + r")\s", re.IGNORECASE)
# Where a subject ends and its predicate starts: "... phải", "... có trách nhiệm".
MODAL = re.compile(r"\s(?:cần phải|phải|cần(?!\s+thiết)|có trách nhiệm|chịu trách nhiệm|khẩn trương|có thể)(?![\w])",
                   re.IGNORECASE)
# "căn cứ chức năng, nhiệm vụ, quyền hạn (được giao)": the mandate a body acts on, before its verb.
MANDATE = re.compile(r"(?:căn cứ|theo|trong phạm vi|thực hiện)\s+(?:(?:chức năng|nhiệm vụ|quyền hạn|thẩm quyền|"
                     r"được giao|của mình|theo quy định)(?:\s*,\s*|\s+và\s+|\s+|$))+", re.IGNORECASE)
REPORT_OPENERS = ("thời gian qua", "tuy nhiên", "bên cạnh", "kết quả", "nhìn chung", "trong năm qua",
                  "qua ", "theo báo cáo", "căn cứ", "xét ", "nơi nhận", "tham dự", "sau khi nghe",
                  "cùng dự", "cùng tham dự", "dự họp", "dự hội nghị", "dự cuộc họp")
# Who attended, before the list of their names: "Tham dự có các đồng chí:", "Cùng dự cuộc họp có:".
ATTENDANCE = re.compile(r"(?:^|[.;]\s+)\s*(?:cùng\s+)?(?:tham\s+)?dự\b[^.;]{0,80}?\bcó\b[^.;]{0,60}:\s*$",
                        re.IGNORECASE)
CLOSING = re.compile(r"có hiệu lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?(?:từ|ngày)|\s*\.|\s*$)|xin thông báo|thông báo để|thông báo ý kiến|biết, thực hiện|"
                     r"để các cơ quan|kể từ ngày ký|"
                     # "Quyết định này thay thế Quyết định số ...", not "xây dựng lộ trình thay thế các giếng khoan"
                     r"thay thế\s+(?:cho\s+)?(?:các\s+|những\s+)?(?:quyết định|chỉ thị|nghị quyết|nghị định|thông tư|"
                     r"kế hoạch|công văn|thông báo|quy định|quy chế|văn bản)|"
                     # the courtesy that closes a report or a submission: "Sở A kính báo cáo./.",
                     # "Trân trọng đề nghị Bộ B xem xét, quyết định./.", "Kính trình Ủy ban xem xét."
                     r"(?:kính|trân trọng)\s+(?:báo cáo|cảm ơn)\b[^.;:]{0,60}[./\s]*$|"
                     r"(?:kính|trân trọng)\s+(?:trình|đề nghị)\b[^.;:]{0,80}?\bxem xét\b[^.;:]{0,40}[./\s]*$|"
                     # the note under an annex's title: "(Kèm theo Báo cáo số ...)", "(Ban hành kèm theo ...)"
                     r"^\s*\(\s*(?:ban hành\s+)?kèm theo\b|"
                     # a Party text's closing line: "Nghị quyết này phổ biến đến chi bộ."
                     r"(?:chỉ thị|nghị quyết|kết luận|quy định|thông tri)\s+này\s+(?:được\s+)?phổ biến\s+(?:đến|tới)\b",
                     re.IGNORECASE)
# What a body agrees to or praises, also as the predicate of its subject: no one is asked to act
# ("HĐND tỉnh tán thành Tờ trình ...", "Thủ tướng cơ bản nhất trí với dự thảo ...", "Biểu dương các xã ...").
AGREES = ("tán thành", "cơ bản nhất trí", "cơ bản thống nhất", "cơ bản đồng ý", "ghi nhận và biểu dương",
          "ghi nhận, biểu dương", "biểu dương", "đánh giá cao", "hoan nghênh", "khen ngợi", "chúc mừng")
# What the document itself decides when a clause opens with it ("Phê duyệt Đề án ...", "Thông qua ...").
NOT_TASK_OPENERS = ("phê duyệt", "thông qua", "thống nhất", "nhất trí", "đồng ý", "ban hành kèm theo") + AGREES
_DOCUMENT_KINDS = (r"nghị quyết|quyết định|chỉ thị|kết luận|kế hoạch|công điện|công văn|thông báo|luật|nghị định|"
                   r"thông tư|văn bản|chương trình|đề án|hướng dẫn|điều lệ|quy chế|quy định|phụ lục")
# The ground a sentence opens with, a document it carries out, cited by number: "Thực hiện Quyết
# định số 12/QĐ-UBND ngày ... của ..., Sở A ...", "Triển khai thực hiện Nghị quyết số 08-NQ/TU; Kế
# hoạch số 3/KH-UBND ...". Like "Căn cứ ...", it says why, not what is asked.
GROUND = re.compile(rf"(?:triển khai\s+)?(?:thực hiện|thi hành)\s+(?:(?:ý kiến\s+)?chỉ đạo\s+của\s+[^,;.]{{3,80}}?\s+tại\s+)?"
                    rf"(?:các\s+|những\s+)?(?:{_DOCUMENT_KINDS})(?:\s+liên tịch)?\s+(?:số\s*)?\d", re.IGNORECASE)
# The issuer presenting the document itself: "Ủy ban nhân dân huyện ban hành Kế hoạch ... như sau:",
# "... ban hành Chương trình hành động với những nội dung sau:" (a duty to issue a plan never says
# that its content follows).
PRESENTS_ITSELF = re.compile(rf"(?:[^,;:.]{{0,80}}\s)?ban hành\s+(?:{_DOCUMENT_KINDS})\b[^:;]*?(?:cụ thể\s+)?(?:như sau|sau đây|"
                             r"(?:với\s+)?(?:các|những)\s+nội dung(?:\s+(?:chủ yếu|cụ thể|chính))?(?:\s+(?:như sau|sau đây|sau))?)"
                             r"\s*:?\s*", re.IGNORECASE)
# A change to the text of a legal document, written by the decision itself: "Sửa đổi, bổ sung khoản 2
# Điều 5 như sau:", "Bổ sung Điều 7a vào sau Điều 7", "Bãi bỏ điểm c khoản 1 Điều 3". The decision
# speaks; nobody is asked to act.
AMENDMENT = re.compile(r"(?:sửa đổi|bổ sung|bãi bỏ|thay thế|đính chính)(?:\s*,\s*(?:sửa đổi|bổ sung|bãi bỏ|thay thế))?"
                       r"(?:\s+(?:một số|các|cụm từ|tên|nội dung(?:\s+của)?))?"
                       r"\s+(?:điểm|khoản|điều|chương|mục|phụ lục|tiết|cụm từ)\s+[\w\d“\"]", re.IGNORECASE)
# A lead-in that only opens a list, its action a general word for the items below: "tập trung thực
# hiện tốt một số nhiệm vụ trọng tâm sau:", "khẩn trương triển khai các nội dung cụ thể như sau:".
_LEAD_IN_VERBS = (r"khẩn trương|tập trung|chủ động|quyết liệt|nghiêm túc|tiếp tục|triển khai|thực hiện|hoàn thành|"
                  r"chỉ đạo|tổ chức|ngay|tốt|có hiệu quả|hiệu quả|đồng bộ|nghiêm|kịp thời")
LIST_ONLY_LEAD_IN = re.compile(
    rf"(?:(?:{_LEAD_IN_VERBS})\s*,?\s*)+(?:một số|các|những)?\s*(?:nhóm\s+)?"
    r"(?:nhiệm vụ|nội dung|việc|công việc|giải pháp|biện pháp|yêu cầu|vấn đề|hoạt động)"
    r"(?:\s*,?\s*(?:chủ yếu|trọng tâm|trọng điểm|cụ thể|cấp bách|quan trọng|cần thiết|chính))*"
    r"\s*,?\s*(?:sau đây|như sau|sau)\s*:?\s*", re.IGNORECASE)
DIRECTIVE_HEADING = re.compile(r"nhiệm vụ|giải pháp|tổ chức thực hiện|yêu cầu|đề nghị|kết luận|chỉ đạo|"
                               r"trách nhiệm|phân công|chương trình hành động|như sau|sau đây", re.IGNORECASE)
BACKGROUND_HEADING = re.compile(r"^(?:về )?(?:(?:các|những) )?(?:mục tiêu|mục đích|quan điểm|tình hình|kết quả|đánh giá|thực trạng|"
                                r"bối cảnh|căn cứ|phạm vi|đối tượng|chỉ tiêu)", re.IGNORECASE)
# Where the operative part of a resolution or decision starts ("QUYẾT NGHỊ:"), or the plan,
# programme or scheme it adopts ("CHƯƠNG TRÌNH ...", "KẾ HOẠCH ...") in capitals on its own line.
OPERATIVE_START = re.compile(r"^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH|CHỈ THỊ|KẾT LUẬN)\s*:?$|"
                             r"^(?:CHƯƠNG TRÌNH|KẾ HOẠCH|ĐỀ ÁN|NHIỆM VỤ|GIẢI PHÁP)(?:\s|$)")
# A circumstance that opens a clause before its subject or action: when, if, during, for, each year.
OPENING_PHRASE = re.compile(r"(?:trong quá trình|trong thời gian|nếu|khi|đối với|trường hợp|hằng năm|hàng năm|"
                            r"định kỳ|sau khi|trước khi)\s", re.IGNORECASE)
# ... or a ground or a link to the sentence before: "Căn cứ tình hình ..., ", "Qua kết quả ..., ", "Đồng thời, ".
OPENING_LINK = re.compile(r"(?:căn cứ|qua|trong đó|đồng thời|ngoài ra|bên cạnh đó|mặt khác|riêng|tùy|tuỳ)[\s,]",
                          re.IGNORECASE)
# Where such an opening ends and the main clause starts: a comma, a colon, "thì".
OPENING_END = re.compile(r"\s*[,:]\s+|\s+thì\s+")
# An opening adverbial clause before the main one: "Căn cứ hướng dẫn của Bộ, Sở A ...".
ADVERBIAL = re.compile(r"(?:căn cứ|trên cơ sở|để|nhằm)\s[^,;:.]{3,200},|"
                       r"(?:trong đó|đồng thời|ngoài ra|mặt khác|bên cạnh đó|cụ thể|do đó|vì vậy|vì thế|theo đó)\s*,|"
                       r"riêng(?=\s)", re.IGNORECASE)  # ("Riêng Sở A ...": the body singled out is the subject)
# The end of a lead-in to a list written on one line: "... một số công việc sau đây: A; B".
INLINE_LIST = re.compile(r"(?:sau đây|như sau|sau|gồm|bao gồm)\s*:\s*|:\s*(?=\((?:1|a|i)\)\s)", re.IGNORECASE)
# The label of an item of such a list written inline: "...: (i) Tích hợp ...; (ii) Kết nối ...".
INLINE_LABEL = re.compile(r"\((?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)\s+")
# A deadline that the next word makes an obligation: "... chậm nhất đến ngày 31/12/2018 phải bàn giao".
DUE_CUE = re.compile(r"(?:chậm nhất|muộn nhất|trước|hạn chót|hạn)\b", re.IGNORECASE)
# A thing handed in by a time, with no body as subject: "Kết quả nghiên cứu gửi về Tổ biên tập trước
# ngày 31/3/2019", "Báo cáo phải nộp Sở Nội vụ chậm nhất ngày 15/12".
SUBMITTED = re.compile(r"[^;:()\n]{3,150}?\s(?:(?:phải|cần|được)\s+)?(?:gửi|nộp|trình|chuyển)(?:\s+(?:về|đến|cho|tới))?\s",
                       re.IGNORECASE)
# A time that opens a step of a plan: "Đến năm 2020", "Giai đoạn 2011 - 2015", "Thời kỳ 2021 - 2030".
HORIZON = re.compile(r"(?:đến|giai đoạn|thời kỳ)\s", re.IGNORECASE)
# A sentence that gives the time of the task before it.
TIME_NOTE = re.compile(r"\s*(?:thời gian|thời hạn|hạn chót|chậm nhất|tiến độ)\b", re.IGNORECASE)
# Where a second action may join the first in one clause: "... Chỉ thị và hằng năm tổng hợp ...",
# "..., trong quá trình thực hiện có khó khăn phải báo cáo ...".
SECOND_ACTION = re.compile(r"\s+và\s+|\s*;\s*|,\s*(?P<conditional>(?=(?:trong quá trình (?:thực hiện|triển khai)|"
                           r"nếu có|khi có)\s))", re.IGNORECASE)
# Where the second action's own words end: a time after it belongs to a purpose or a further clause.
PURPOSE_OR_COMMA = re.compile(r"[,;(]|\s(?:để|nhằm)\s", re.IGNORECASE)
MIN_CLAUSE_WORDS = 5  # each side of such a join is an action with its object, not a verb of a list
# "Nơi nhận:", also as a scan reads it: a stray mark before it, "Noi" without its horn.
RECIPIENTS = re.compile(r"\s*[^\w\s]{0,2}\s*n[oơ]i\s+nh[aậ]n\s*:", re.IGNORECASE)
# Kinds of document whose body is made of instructions from the start.
DIRECTIVE_KINDS = {"Chỉ thị", "Kế hoạch", "Thông báo kết luận", "Kết luận", "Công điện", "Chương trình"}
ADDRESSEE_PREFIX = re.compile(r"^(?:đối với|trách nhiệm của|nhiệm vụ của|giao|đề nghị|yêu cầu|riêng)\s+",
                              re.IGNORECASE)
# Who is asked to cooperate: "phối hợp (chặt chẽ) (với)", "kết hợp với", "cùng (với)" before the bodies.
SUPPORT_CUE = re.compile(r"(?:phối hợp(?: chặt chẽ)?(?: với| cùng)?|kết hợp(?: chặt chẽ)? với|cùng(?: với)?)\s+",
                         re.IGNORECASE)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])|(?<=:)\s+(?=[-+]\s)")
ABBREV_END = re.compile(r"(?:\b(?:TP|TT|Q|P|Tp|ThS|TS|PGS|GS|Th|St|v\.v|Nxb|Ths)\.|\b[A-ZĐ]\.)$")


@lru_cache(maxsize=4096)  # a clause is checked several times (subject, predicate, report)
def key_of(text: str) -> str:
    return compare_key(text)


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", key_of(text))


def starts_with_action(text: str) -> bool:
    return opens_action(words_of(text))


def has_object(text: str) -> bool:
    """Whether an action has words beyond a list of verbs: "kiểm tra việc thực hiện Chỉ thị"
    has, "theo dõi, đôn đốc, kiểm tra" (verbs that share the object after them) has not."""
    words = words_of(text)
    left = 0
    while words:
        verb = leading_verb_length(words)
        left += 0 if verb else 1
        words = words[verb or 1:]
    return left >= 2


def starts_predicate(text: str) -> bool:
    """Whether text opens a predicate asked of its subject: a modal or an action verb, also
    after "căn cứ chức năng, nhiệm vụ, quyền hạn" / "theo chức năng, nhiệm vụ được giao"."""
    m = MANDATE.match(text)
    if m:
        text = text[m.end():]
    return bool(MODAL.match(" " + text)) or starts_with_action(text)


# What an action is said to be when a sentence states a principle, not a duty: "Phát triển du lịch xanh
# là động lực ...", "Bảo đảm an toàn dữ liệu là điều kiện tiên quyết ...".
_ROLE_NOUNS = (r"trụ cột|điều kiện|nền tảng|động lực|đòn bẩy|lực đẩy|quá trình|định hướng|cơ hội|chìa khóa|chìa khoá|"
               r"xu hướng|xu thế|yếu tố|nhân tố|tiền đề|phương châm|nguyên tắc|con đường|hạt nhân|yêu cầu xuyên suốt|"
               r"nhiệm vụ (?:chiến lược|xuyên suốt|hàng đầu|then chốt|quan trọng)|khâu (?:đột phá|then chốt)|giải pháp then chốt")
STATEMENT = re.compile(rf"[^;:.()]{{3,200}}?[^,\s]\s+là\s+(?:một\s+|các\s+|những\s+)?(?:{_ROLE_NOUNS})(?!\w)", re.IGNORECASE)
# Verbs whose object is said to be something ("xác định ... là nhiệm vụ then chốt"): an action;
# ... or "là" that only singles out ("đặc biệt là", "nhất là", "gọi tắt là").
_TAKES_AS = re.compile(r"\b(?:xác định|coi|lấy|chọn|xem|công nhận|nhận thức|khẳng định|đánh giá|vai trò|"
                       r"(?:đặc biệt|nhất|tức|gọi tắt|cụ thể|chủ yếu)\s+là)\b", re.IGNORECASE)


def states_a_principle(clause: str) -> bool:
    """Whether a clause that opens with an action says what that action is ("Đẩy mạnh chuyển đổi số là
    động lực ..."): a statement of principle, no duty."""
    m = STATEMENT.match(clause.strip())
    return m is not None and _TAKES_AS.search(m.group(0)) is None


def opens_list_only(action: str) -> bool:
    """Whether an action only opens the list below it (LIST_ONLY_LEAD_IN), also after "trong phạm vi
    chức năng, quyền hạn của mình": the items are the tasks, the lead-in passes its bodies to them."""
    m = MANDATE.match(action.strip())
    return LIST_ONLY_LEAD_IN.fullmatch(action.strip()[m.end() if m else 0:]) is not None


def is_report(predicate: str) -> bool:
    """Whether a predicate reports ("đã ...", "là ...", "có ...") rather than asks;
    "có trách nhiệm", "có kế hoạch", "cần", "phải" ask."""
    if MODAL.match(" " + predicate):
        return False
    words = words_of(predicate)
    if words[:1] == ["có"] and opens_action(words):  # "có kế hoạch ...", "có giải pháp ..." ask
        return False
    if words[:1] and words[0][0].isdigit():  # "Bộ A 47 văn bản", "Sở B 12 hồ sơ": a figure, not an action
        return True
    if words[:1] == ["chưa"]:  # "Sở A chưa trình ...": a state; "chưa ... thì khẩn trương ..." asks
        return "thì" not in words
    return not words or words[0] in REPORT_WORDS or " ".join(words[:2]) in REPORT_WORDS

