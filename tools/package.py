#!/usr/bin/env python3
"""Build dist/t2restore-<version>.zip for QGIS's Plugin Manager and check it as plugins.qgis.org does on upload.

    python3 tools/package.py            build, check, keep the zip only when every check passes
    python3 tools/package.py --check Z  check an existing zip (exit status 1 with the list of problems)

One top folder ``t2restore``: the plugin's tracked files, the compiled .qm and the user documentation
(docs/, without docs/dev); no tests, benchmarks, tools, CI, caches or build artefacts.

The checks follow plugins.qgis.org's validator (QGIS-Django plugins/validator.py) and its security
scan: size at most 25 MB; no path with ".." or an absolute path, no .pyc, no __MACOSX, .git or
__pycache__ folder; one top folder named [A-Za-z][A-Za-z0-9-_]+ holding __init__.py, metadata.txt
and LICENSE; the required metadata fields (name, description, version, qgisMinimumVersion, author,
email, about, tracker, repository) present and not empty, tracker/repository/homepage well-formed
URLs (not fetched: this runs offline), author without "/", the icon inside the zip; no binaries
(compiled code or executables, by name and by content); bandit (-ll) and detect-secrets find
nothing in the zip's content. The zip is written under a temporary name and renamed only when it
passes, so a zip in dist/ has passed.
"""

import configparser
import io
import json
import re
import shutil
import subprocess  # nosec B404
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
EXCLUDED_DIRS = {"tests", "bench", "tools", ".ci", "build", "dist", ".venv", "demo_output"}
EXCLUDED_PREFIXES = ("docs/dev/",)
EXCLUDED_FILES = {".gitignore", "Makefile", "requirements-dev.txt", "i18n/t2restore_es.ts", "ruff.toml"}
EXCLUDED_SUFFIXES = {".pyc", ".zip", ".ts"}
MAX_BYTES = 25_000_000
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
                     "repository")
BOOLEAN_METADATA = ("experimental", "deprecated", "server")
BINARY_SUFFIXES = {".pyc", ".pyo", ".pyd", ".so", ".dll", ".dylib", ".exe", ".bin", ".o", ".a", ".lib", ".class",
                   ".jar", ".msi", ".app", ".deb", ".rpm"}
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
TOP_FOLDER = re.compile(r"^[A-Za-z][A-Za-z0-9-_]+$")


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
    if rel.startswith(EXCLUDED_PREFIXES):
        return False
    return Path(rel).suffix not in EXCLUDED_SUFFIXES and (ROOT / rel).is_file()


# -- checks (each returns a list of problems, plain English for the developer) --------------------------

def check_names(names):
    problems = []
    for name in names:
        parts = name.split("/")
        if ".." in parts or name.startswith("/"):
            problems.append(f"{name}: paths with '..' or absolute paths are refused")
        if name.endswith(".pyc"):
            problems.append(f"{name}: .pyc files are refused")
        for forbidden in ("__MACOSX", ".git", "__pycache__"):
            if forbidden in parts:
                problems.append(f"{name}: a '{forbidden}' folder is refused")
    tops = {name.split("/")[0] for name in names}
    if len(tops) != 1:
        problems.append(f"the zip must hold one top folder, not {sorted(tops)}")
    top = sorted(tops)[0] if tops else ""
    if top and not TOP_FOLDER.match(top):
        problems.append(f"top folder '{top}' must match [A-Za-z][A-Za-z0-9-_]+")
    for required in ("__init__.py", "metadata.txt", "LICENSE"):
        if f"{top}/{required}" not in names:
            problems.append(f"{top}/{required} is missing")
    return problems


def _well_formed(url):
    parsed = urlparse(url or "")
    return bool(parsed.scheme in ("http", "https") and parsed.netloc)


def check_metadata(text, names, top):
    parser = configparser.ConfigParser()
    parser.optionxform = str
    try:
        parser.read_string(text)
    except configparser.Error as err:
        return [f"metadata.txt cannot be parsed: {err}"]
    if not parser.has_section("general"):
        return ["metadata.txt has no [general] section"]
    meta = dict(parser.items("general"))
    problems = [f"metadata.txt: required field '{key}' is missing or empty" for key in REQUIRED_METADATA
                if not meta.get(key, "").strip()]
    for key in ("tracker", "repository", "homepage"):
        if key in meta and not _well_formed(meta[key]):
            problems.append(f"metadata.txt: '{key}' is not an http(s) URL: {meta[key]!r}")
    for key in BOOLEAN_METADATA:
        if key in meta and meta[key].strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
            problems.append(f"metadata.txt: '{key}' must be True or False, not {meta[key]!r}")
    if "/" in meta.get("author", ""):
        problems.append("metadata.txt: the author cannot contain '/'")
    icon = meta.get("icon", "").removeprefix("./")
    if icon and f"{top}/{icon}" not in names:
        problems.append(f"metadata.txt: the icon {icon} is not in the zip")
    return problems


def check_binaries(zf):
    problems = []
    for info in zf.infolist():
        if info.is_dir():
            continue
        name = info.filename
        if Path(name).suffix.lower() in BINARY_SUFFIXES:
            problems.append(f"{name}: binary or executable files are refused")
            continue
        with zf.open(info) as fh:
            head = fh.read(4)
        if head.startswith(BINARY_MAGIC):
            problems.append(f"{name}: compiled code (executable header) is refused")
    return problems


def _tool(name):
    """The command of a check tool installed next to this Python (the venv of `make setup`), or on PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"package: {name} is not installed; run `make setup` (it installs requirements-dev.txt)")
    return found


def run_bandit(folder):
    command = [_tool("bandit"), "-q", "-ll", "-r", str(folder), "-f", "json"]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)  # nosec B603
    try:
        results = json.loads(proc.stdout or "{}").get("results", [])
    except ValueError:
        return [f"bandit could not run: {proc.stderr.strip()[:300]}"]
    return [f"bandit {r['test_id']} ({r['issue_severity']}): {Path(r['filename']).relative_to(folder)}:"
            f"{r['line_number']}: {r['issue_text']}" for r in results]


def run_detect_secrets(folder):
    command = [_tool("detect-secrets"), "scan", "--all-files", "."]
    proc = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)  # nosec B603
    try:
        results = json.loads(proc.stdout).get("results", {})
    except ValueError:
        return [f"detect-secrets could not run: {proc.stderr.strip()[:300]}"]
    return [f"detect-secrets: {name}:{hit['line_number']}: {hit['type']}"
            for name, hits in sorted(results.items()) for hit in hits]


def check_zip(path):
    """Every problem plugins.qgis.org would find in the zip ``path`` (an empty list when it passes)."""
    path = Path(path)
    size = path.stat().st_size
    problems = [f"the zip is {size / 1e6:.1f} MB; the limit is 25 MB"] if size > MAX_BYTES else []
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return problems + ["the file is not a zip archive"]
    with zf, tempfile.TemporaryDirectory(prefix="t2restore-package-") as tmp:
        names = zf.namelist()
        bad = zf.testzip()
        if bad:
            problems.append(f"{bad}: bad CRC in the zip")
        problems += check_names(names)
        top = names[0].split("/")[0] if names else ""
        if f"{top}/metadata.txt" in names:
            problems += check_metadata(io.TextIOWrapper(zf.open(f"{top}/metadata.txt"), encoding="utf-8").read(),
                                       names, top)
        problems += check_binaries(zf)
        if not any(p.startswith(("the file is not", "the zip must")) or "'..'" in p for p in problems):
            zf.extractall(tmp)
            problems += run_bandit(Path(tmp))
            problems += run_detect_secrets(Path(tmp))
    return problems


def build(target):
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    qms = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "i18n").glob("*.qm"))
    if not qms:
        sys.exit("package: no compiled translation (.qm); run `make translations` first")
    files = sorted({f for f in tracked_files() if wanted(f)} | set(qms))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in files:
            zf.write(ROOT / rel, f"t2restore/{rel}")
    return files


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--check"] and len(argv) == 2:
        problems = check_zip(argv[1])
        for problem in problems:
            print(f"package: {problem}")
        return 1 if problems else 0
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    dist = ROOT / "dist"
    dist.mkdir(exist_ok=True)
    target = dist / f"t2restore-{meta['general']['version']}.zip"
    tmp = target.with_suffix(".zip.part")
    files = build(tmp)
    problems = check_zip(tmp)
    if problems:
        tmp.unlink()
        for problem in problems:
            print(f"package: {problem}", file=sys.stderr)
        print(f"package: refused: {len(problems)} problem(s) plugins.qgis.org would reject; no zip written",
              file=sys.stderr)
        return 1
    tmp.replace(target)
    print(f"package: {target.relative_to(ROOT)} ({len(files)} files, {target.stat().st_size / 1e6:.1f} MB): "
          "passes the plugins.qgis.org checks (size, names, metadata, no binaries, bandit, detect-secrets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
