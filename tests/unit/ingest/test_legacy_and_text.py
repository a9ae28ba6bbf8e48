import unicodedata

import pytest

from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.ingest.legacy import detect_legacy, to_unicode

# The test's own encoders (independent of the module's tables).
TCVN3 = dict(zip("àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
                 "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ¡¢£¤¥¦§"))
VNI = {"á": "aù", "à": "aø", "ả": "aû", "ạ": "aï", "â": "aâ", "ấ": "aá", "ầ": "aà", "ậ": "aä", "ă": "aê",
       "ắ": "aé", "ê": "eâ", "ế": "eá", "ề": "eà", "ệ": "eä", "ể": "eå", "ô": "oâ", "ố": "oá", "ộ": "oä", "ồ": "oà",
       "ơ": "ô", "ớ": "ôù", "ờ": "ôø", "ư": "ö", "ứ": "öù", "ừ": "öø", "ự": "öï", "đ": "ñ", "í": "í", "ì": "ì",
       "ỉ": "æ", "ị": "ò", "ó": "où", "ò": "oø", "ọ": "oï", "ú": "uù", "ù": "uø", "ủ": "uû", "ụ": "uï", "ý": "yù",
       "ỳ": "yø", "ở": "ôû", "ợ": "ôï", "ỷ": "yû", "é": "eù", "è": "eø", "ã": "aõ", "õ": "oõ", "Ủ": "UÛ", "Đ": "Ñ", "Â": "AÂ", "Ư": "Ö"}
SAMPLE = ("Ủy ban nhân dân tỉnh Thái Nguyên báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế xã hội năm 2025. "
          "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành đề xuất giải pháp.")


def encode(text: str, table: dict) -> str:
    return "".join(table.get(ch, ch) for ch in text)


def cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ă ê ô ơ ư đ whole and writes tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = [p for p in parts if p in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tone))
            out += base.encode("cp1258") + "".join(tone).encode("cp1258")
    return out


def test_tcvn3_round_trip():
    garbled = encode(SAMPLE.replace("Ủy", "Uỷ"), TCVN3)
    assert "nh©n d©n" in garbled
    assert detect_legacy(garbled) == "tcvn3"
    assert to_unicode(garbled, "tcvn3") == SAMPLE.replace("Ủy", "Uỷ")


# TCVN3 has no codes for toned capitals (the .VnTimeH font draws the lower-case codes as capitals):
# typed in .VnTime, "CỘNG" is stored as C + the code of "ộ" + NG
TCVN3_TYPED = {**{letter.upper(): code for letter, code in TCVN3.items() if letter.upper() not in TCVN3}, **TCVN3}


def test_tcvn3_toned_capitals_typed_with_lower_case_codes_are_read_as_capitals():
    header = ("ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ỦY HÀ TĨNH\nĐẢNG BỘ TỈNH\n"
              "VĂN PHÒNG CHÍNH PHỦ\nSỞ CÔNG THƯƠNG\nUỶ BAN NHÂN DÂN\nBÍ THƯ\n"
              "SỞ NỘI VỤ      Độc lập - Tự do - Hạnh phúc\nSỞ CÔNG THƯƠNG      Độc lập - Tự do - Hạnh phúc\n"
              "ĐỘC LẬP - TỰ DO - HẠNH PHÚC\nNơi nhận:     KT. CHỦ TỊCH")
    garbled = encode(header, TCVN3_TYPED)
    assert "CéNG HßA" in garbled
    assert to_unicode(garbled, "tcvn3") == header


@pytest.mark.parametrize("text", ["Sở TT&TT, Sở KH&ĐT và Bộ Y tế", "Uỷ ban nhân dân thành phố Hà Nội",
                                  "Võ Thành Nhân", "ủy ban", "Hà Tĩnh, Xã Kỳ Anh", "ở VIỆT NAM",
                                  "- Sở TT&TT;\n- Sở GTVT;\n- Bộ CA;", "Về UBND tỉnh"])
def test_tcvn3_words_not_in_capitals_keep_their_case(text):
    assert to_unicode(encode(text, TCVN3_TYPED), "tcvn3") == text


def test_vni_round_trip():
    garbled = encode(SAMPLE, VNI)
    assert "nhaân daân" in garbled
    assert detect_legacy(garbled) == "vni"
    assert to_unicode(garbled, "vni") == SAMPLE


@pytest.mark.parametrize("text", [SAMPLE, "Báo cáo tài chính", "Café, résumé ©2024 ®", "Hello world"])
def test_unicode_text_is_never_converted(text):
    assert detect_legacy(text) is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
def test_plain_text_encodings(tmp_path, settings, encoding):
    path = tmp_path / "van-ban.txt"
    path.write_bytes(cp1258(SAMPLE) if encoding == "cp1258" else SAMPLE.encode(encoding))
    doc = parse_file(path, settings)
    assert doc.text == SAMPLE
    assert doc.parser == "plain_text/1"


@pytest.mark.parametrize("table, name", [(TCVN3, "tcvn3"), (VNI, "vni")])
def test_plain_text_legacy_files(tmp_path, settings, table, name):
    path = tmp_path / f"{name}.txt"
    source = SAMPLE.replace("Ủy", "Uỷ")  # TCVN3 has no upper-case toned letters
    path.write_bytes(encode(source, table).encode("cp1252" if name == "vni" else "latin-1"))
    assert parse_file(path, settings).text == SAMPLE  # clean_text also places the tone: Uỷ → Ủy


def test_nfd_text_becomes_nfc(tmp_path, settings):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", SAMPLE), encoding="utf-8")
    assert parse_file(path, settings).text == SAMPLE


def test_wrapped_lines_are_joined_and_blocks_point_into_text(tmp_path, settings):
    path = tmp_path / "wrapped.txt"
    path.write_text("KẾ HOẠCH\nTriển khai nền tảng số\n- Giao Sở Tài chính chủ trì, phối hợp với\ncác sở, ngành "
                    "thực hiện.\nĐiều 2. Hiệu lực thi hành\n", encoding="utf-8")
    doc = parse_file(path, settings)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "paragraph", "list_item", "heading"]
    assert doc.blocks[2].text == "- Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành thực hiện."
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


def test_undecodable_text(tmp_path, settings):
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(IngestError) as err:
        parse_file(path, settings)
    assert err.value.code == "decode_error"
    assert "rac.txt" in str(err.value)


def test_empty_file(tmp_path, settings):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as err:
        parse_file(path, settings)
    assert err.value.code == "empty_file" and "trong.txt" in str(err.value)


def test_blank_text_is_empty_text(tmp_path, settings):
    path = tmp_path / "trang.txt"
    path.write_text("   \n\n  \n", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        parse_file(path, settings)
    assert err.value.code == "empty_text" and "trang.txt" in str(err.value)


def test_unknown_type(tmp_path, settings):
    path = tmp_path / "anh.xyz"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(IngestError) as err:
        parse_file(path, settings)
    assert err.value.code == "unsupported_type" and "anh.xyz" in str(err.value)


def test_too_large(tmp_path, settings):
    path = tmp_path / "lon.txt"
    path.write_bytes(b"a" * 1_100_000)
    with pytest.raises(IngestError) as err:
        parse_file(path, settings.with_(max_file_mb=1))
    assert err.value.code == "too_large" and "lon.txt" in str(err.value)


def test_piped_rows_in_plain_text_are_a_table(tmp_path, settings):
    path = tmp_path / "ke-hoach.txt"
    path.write_text("Phân công thực hiện như sau:\n"
                    "Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn\n"
                    "Xây dựng kho dữ liệu dùng chung | Sở TT&TT | Các sở, ngành | Quý II/2025\n"
                    "Số hóa hồ sơ | Văn phòng UBND tỉnh | UBND các huyện | Năm 2025\n"
                    "Các cơ quan báo cáo kết quả | về Sở Nội vụ.\n", encoding="utf-8")
    blocks = parse_file(path, settings).blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1].rows[2] == ["Số hóa hồ sơ", "Văn phòng UBND tỉnh", "UBND các huyện", "Năm 2025"]
    assert blocks[2].text == "Các cơ quan báo cáo kết quả | về Sở Nội vụ."  # a lone piped line is text
