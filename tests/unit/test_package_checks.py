"""tools/package.py: the zip passes what plugins.qgis.org checks on upload, and each check refuses what it is for."""

import importlib.util
import subprocess  # nosec B404
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("package_tool", ROOT / "tools" / "package.py")
pkg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pkg)

METADATA = """[general]
name=Demo
qgisMinimumVersion=3.22
description=A demo plugin
version=0.1
author=Someone
email=someone@example.org
about=Does nothing.
tracker=https://example.org/issues
repository=https://example.org/repo
icon=icon.svg
experimental=True
"""
CLEAN = {"demo/__init__.py": "def classFactory(iface):\n    return None\n", "demo/metadata.txt": METADATA,
         "demo/LICENSE": "GPL-2.0-or-later\n", "demo/icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n"}


def make_zip(path, files):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_a_clean_plugin_passes(tmp_path):
    assert pkg.check_zip(make_zip(tmp_path / "ok.zip", CLEAN)) == []


@pytest.mark.parametrize("change,expected", [
    ({"demo/x.pyc": b"\x00"}, "demo/x.pyc: .pyc files are refused"),
    ({"demo/__pycache__/a.txt": "x"}, "a '__pycache__' folder is refused"),
    ({"demo/lib/fast.so": b"\x7fELF\x02\x01"}, "demo/lib/fast.so: binary or executable files are refused"),
    ({"demo/lib/fast.dat": b"\x7fELF\x02\x01"}, "demo/lib/fast.dat: compiled code (executable header) is refused"),
    ({"demo/tool.exe": b"MZ\x90\x00"}, "demo/tool.exe: binary or executable files are refused"),
    ({"demo/metadata.txt": METADATA.replace("email=someone@example.org\n", "")},
     "required field 'email' is missing or empty"),
    ({"demo/metadata.txt": METADATA.replace("https://example.org/issues", "bugs")}, "'tracker' is not an http(s) URL"),
    ({"demo/metadata.txt": METADATA.replace("author=Someone", "author=A/B")}, "the author cannot contain '/'"),
    ({"demo/metadata.txt": METADATA.replace("icon.svg", "missing.png")}, "the icon missing.png is not in the zip"),
    ({"other/readme.txt": "x"}, "the zip must hold one top folder"),
    ({"demo/run.py": "import subprocess\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n"},
     "bandit B602 (HIGH): demo/run.py:4"),
    ({"demo/settings.py": 'AWS_KEY = "AKIAIOSFODNN7EXAMPLE"\n'}, "detect-secrets: demo/settings.py:1: AWS Access Key"),
])
def test_each_upload_check_refuses_what_it_is_for(tmp_path, monkeypatch, change, expected):
    if not expected.startswith(("bandit", "detect-secrets")):  # the scanners take seconds each: run them where needed
        monkeypatch.setattr(pkg, "run_bandit", lambda folder: [])
        monkeypatch.setattr(pkg, "run_detect_secrets", lambda folder: [])
    problems = pkg.check_zip(make_zip(tmp_path / "bad.zip", {**CLEAN, **change}))
    assert any(expected in p for p in problems), problems


def test_missing_license_and_size_limit(tmp_path, monkeypatch):
    files = dict(CLEAN)
    del files["demo/LICENSE"]
    assert "demo/LICENSE is missing" in pkg.check_zip(make_zip(tmp_path / "nolicense.zip", files))
    monkeypatch.setattr(pkg, "MAX_BYTES", 100)
    assert any("the limit is 25 MB" in p for p in pkg.check_zip(make_zip(tmp_path / "big.zip", CLEAN)))


def test_a_refused_build_leaves_no_zip(tmp_path, monkeypatch):
    (tmp_path / "metadata.txt").write_text(METADATA, encoding="utf-8")
    monkeypatch.setattr(pkg, "ROOT", tmp_path)
    monkeypatch.setattr(pkg, "build", lambda target: list(make_zip(target, {**CLEAN, "demo/x.pyc": b"\x00"}).name))
    assert pkg.main([]) == 1
    assert list((tmp_path / "dist").iterdir()) == []


def test_the_plugin_zip_passes_and_ships_the_user_docs():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "package.py")], cwd=ROOT,  # nosec B603
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zips = sorted((ROOT / "dist").glob("t2restore-*.zip"), key=lambda p: p.stat().st_mtime)
    with zipfile.ZipFile(zips[-1]) as zf:
        names = set(zf.namelist())
    assert {"t2restore/docs/guia_usuario.md", "t2restore/docs/metodos.md", "t2restore/LICENSE"} <= names
    assert not [n for n in names if n.startswith("t2restore/docs/dev/")]
    assert pkg.check_zip(zips[-1]) == []
