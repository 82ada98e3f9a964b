"""`make package` builds a zip that QGIS's Plugin Manager installs."""

import configparser
import subprocess  # nosec B404
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_zip_layout(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "package.py")], cwd=ROOT,  # nosec B603
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    target = ROOT / "dist" / f"t2restore-{meta['general']['version']}.zip"
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        zf.extractall(tmp_path)
    assert {n.split("/")[0] for n in names} == {"t2restore"}
    for required in ("metadata.txt", "LICENSE", "__init__.py", "plugin.py", "i18n/t2restore_es.qm",
                     "processing/provider.py", "algorithms/ldn.py", "resources/icon.svg"):
        assert f"t2restore/{required}" in names, required
    forbidden = ("tests/", "bench/", "tools/", ".ci/", "__pycache__", ".pyc", ".venv", ".git/", ".zip",
                 "demo_output", ".qgis-settings", ".pytest_cache")
    assert not [n for n in names if any(f in n for f in forbidden)]
    # the unzipped plugin imports and answers classFactory like QGIS would call it
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import t2restore; "
            "assert callable(t2restore.classFactory); print('ok')")
    check = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,  # nosec B603
                           check=False, cwd=tmp_path)
    assert check.stdout.strip() == "ok", check.stderr
