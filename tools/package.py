#!/usr/bin/env python3
"""Build dist/t2restore-<version>.zip for QGIS's Plugin Manager ("Install from ZIP").

One top folder ``t2restore``; the plugin's tracked files plus the compiled .qm; no tests, benchmarks,
tools, CI, caches or build artefacts.
"""

import configparser
import subprocess  # nosec B404
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXCLUDED_DIRS = {"tests", "bench", "tools", ".ci", "docs", "build", "dist", ".venv", "demo_output"}
EXCLUDED_FILES = {".gitignore", "Makefile", "requirements-dev.txt", "i18n/t2restore_es.ts"}
EXCLUDED_SUFFIXES = {".pyc", ".zip", ".ts"}


def tracked_files():
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout  # nosec B603 B607
        files = [f for f in out.decode().split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file()]
    return files


def wanted(rel):
    parts = rel.split("/")
    if parts[0] in EXCLUDED_DIRS or rel in EXCLUDED_FILES or "__pycache__" in parts:
        return False
    return Path(rel).suffix not in EXCLUDED_SUFFIXES and (ROOT / rel).is_file()


def main():
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    version = meta["general"]["version"]
    qms = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "i18n").glob("*.qm"))
    if not qms:
        sys.exit("package: no compiled translation (.qm); run `make translations` first")
    files = sorted({f for f in tracked_files() if wanted(f)} | set(qms))
    dist = ROOT / "dist"
    dist.mkdir(exist_ok=True)
    target = dist / f"t2restore-{version}.zip"
    tmp = target.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in files:
            zf.write(ROOT / rel, f"t2restore/{rel}")
    tmp.replace(target)
    print(f"package: {target.relative_to(ROOT)} ({len(files)} files)")
    return target


if __name__ == "__main__":
    main()
