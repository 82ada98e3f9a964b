"""__about__.py: name, version and QGIS range read from metadata.txt, the one place they are written."""

import configparser
from pathlib import Path

from t2restore import __about__

ROOT = Path(__file__).resolve().parents[2]


def _general():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    return meta["general"]


def test_about_gives_what_metadata_txt_says():
    general = _general()
    assert __about__.__version__ == general["version"]
    assert __about__.__title__ == general["name"]
    assert __about__.__qgis_minimum_version__ == general["qgisMinimumVersion"]
    assert __about__.__qgis_maximum_version__ == general["qgisMaximumVersion"]


def test_no_module_writes_the_version_itself():
    version = _general()["version"]
    for path in ROOT.glob("**/*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in ("tests", "build", "dist", "bench", "tools") or parts[0].startswith("."):
            continue
        assert f'"{version}"' not in path.read_text(encoding="utf-8"), path


def test_a_changed_metadata_file_is_read_not_a_copy(tmp_path):
    path = tmp_path / "metadata.txt"
    path.write_text("[general]\nname=T2 Restore\nversion=9.8.7\nqgisMinimumVersion=3.40\n", encoding="utf-8")
    general = __about__.read_metadata(path)
    assert general["version"] == "9.8.7" and general["qgisminimumversion"] == "3.40"


def test_a_missing_or_broken_metadata_file_gives_nothing_rather_than_an_error(tmp_path):
    assert __about__.read_metadata(tmp_path / "absent.txt") == {}
    broken = tmp_path / "metadata.txt"
    broken.write_bytes(b"version = 1\n\xff\xfe")
    assert __about__.read_metadata(broken) == {}
    no_section = tmp_path / "plain.txt"
    no_section.write_text("[other]\nversion=1\n", encoding="utf-8")
    assert __about__.read_metadata(no_section) == {}
