"""Settings: read in one place, every one documented in the README."""
from __future__ import annotations

from pathlib import Path

import pytest

from theodoi.config import SETTINGS_HELP, Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = [variable for variable, _default, _meaning in SETTINGS_HELP.values() if variable not in text]
    assert not missing


def test_every_documented_setting_exists():
    fields = set(Settings.__dataclass_fields__)
    assert set(SETTINGS_HELP) <= fields


def test_environment_then_arguments(monkeypatch, tmp_path):
    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("THEODOI_OCR_MODE", "off")
    settings = Settings.load()
    assert settings.data_dir == (tmp_path / "env").resolve() and settings.ocr_mode == "off"
    assert settings.database_url == f"sqlite:///{(tmp_path / 'env').resolve() / 'theodoi.db'}"
    assert Settings.load(tmp_path / "arg").data_dir == (tmp_path / "arg").resolve()


def test_a_bad_ocr_mode_is_refused(monkeypatch):
    monkeypatch.setenv("THEODOI_OCR_MODE", "sometimes")
    with pytest.raises(ValueError, match="THEODOI_OCR_MODE"):
        Settings.load()
