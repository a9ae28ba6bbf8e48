"""The Vietnamese analysers, token by token."""
from __future__ import annotations

import unicodedata

from theodoi.search.abbreviations import agency_keys, spellings
from theodoi.search.analysis import analyser_fingerprint, exact_tokens, folded_tokens, symbol_tokens


def test_exact_keeps_short_syllables_and_has_no_stop_list():
    assert exact_tokens("Ý kiến của Sở ở tỉnh a về quy định") == [
        "ý", "kiến", "của", "sở", "ở", "tỉnh", "a", "về", "quy", "định"]
    assert exact_tokens("tổ chức thể hiện cần làm, máy tờ") == [
        "tổ", "chức", "thể", "hiện", "cần", "làm", "máy", "tờ"]


def test_folded_survives_english_lookalikes():
    # "tổ", "thể", "cần", "máy" fold to English stop words; none may be dropped
    assert folded_tokens("Tổ chức thể hiện cần máy Ý") == ["to", "chuc", "the", "hien", "can", "may", "y"]


def test_folding_handles_d_bar_and_upper_case():
    assert folded_tokens("CHUYỂN ĐỔI SỐ Đảng ủy") == ["chuyen", "doi", "so", "dang", "uy"]


def test_tone_placement_and_nfd_are_unified():
    assert exact_tokens("hoà thuỷ") == exact_tokens("hòa thủy") == ["hòa", "thủy"]
    nfd = unicodedata.normalize("NFD", "Chuyển")
    assert exact_tokens(unicodedata.normalize("NFC", nfd)) == ["chuyển"]


def test_symbol_tokens_keep_d_bar():
    assert symbol_tokens("15-NQ/TU") == ["15", "nq", "tu"]
    assert symbol_tokens("36-HĐ/VPTW") == ["36", "hđ", "vptw"]
    assert symbol_tokens("36-HĐ/VPTW") != symbol_tokens("36-HD/VPTW")
    assert symbol_tokens("01/2020/NĐ-CP") == ["01", "2020", "nđ", "cp"]


def test_abbreviation_table_goes_both_ways():
    table = spellings()
    assert ("uy", "ban", "nhan", "dan") in table[("ubnd",)]
    assert ("ubnd",) in table[("uy", "ban", "nhan", "dan")]
    assert ("thong", "tin", "va", "truyen", "thong") in table[("tt", "tt")]
    assert ("ke", "hoach", "va", "dau", "tu") in table[("kh", "dt")]
    assert ("tu",) not in table  # "TU" folds like từ/tư: never expanded


def test_agency_keys_include_canonical_name():
    assert agency_keys("UBND tỉnh Long An") == {"ubnd tỉnh long an", "ủy ban nhân dân tỉnh long an"}


def test_fingerprint_is_stable():
    assert analyser_fingerprint() == analyser_fingerprint()
    assert len(analyser_fingerprint()) == 16
