#!/usr/bin/env python3
"""Keep i18n/t2restore_es.ts in step with the source.

    python3 tools/i18n.py update   add new source strings (unfinished), mark vanished ones obsolete
    python3 tools/i18n.py check    exit 1 listing every source string without a finished translation
    python3 tools/i18n.py merge F  update, then set the translations in F (JSON {english: spanish})

Strings are the literal first arguments of ``tr(...)``, ``self.tr(...)`` and ``N_(...)`` calls
(``N_`` marks strings in layers that must not import Qt), plus ``<string>`` texts of Qt Designer
.ui files. One context, ``T2Restore``, matches ``translation.tr``. Uses only the standard library.
"""

import ast
import json
import sys
import xml.etree.ElementTree as ET  # nosec B405
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "i18n" / "t2restore_es.ts"
CONTEXT = "T2Restore"
SOURCE_DIRS = ("algorithms", "processing", "registry", "ui")
SOURCE_FILES = ("plugin.py", "translation.py", "compat.py")
MARKERS = {"tr", "N_"}


def source_files():
    for name in SOURCE_FILES:
        if (ROOT / name).exists():
            yield ROOT / name
    for folder in SOURCE_DIRS:
        yield from sorted((ROOT / folder).rglob("*.py"))
        yield from sorted((ROOT / folder).rglob("*.ui"))


def _call_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def strings_in(path):
    """(text, line) of every marked literal in one file."""
    if path.suffix == ".ui":
        tree = ET.parse(path)  # nosec B314
        return [(el.text, 0) for el in tree.iter("string") if el.text and el.get("notr") != "true"]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node.func) in MARKERS and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((arg.value, node.lineno))
    return found


def collect():
    """{text: [location, ...]} over the whole source."""
    out = {}
    for path in source_files():
        for text, line in strings_in(path):
            out.setdefault(text, []).append((path.relative_to(ROOT).as_posix(), line))
    return out


def load_ts(path=TS):
    """{source: (translation, finished)} from the .ts file."""
    if not path.exists():
        return {}
    tree = ET.parse(path)  # nosec B314
    messages = {}
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr_el = msg.find("translation")
        text = (tr_el.text or "") if tr_el is not None else ""
        kind = tr_el.get("type") if tr_el is not None else "unfinished"
        messages[source] = (text, kind not in ("unfinished", "obsolete", "vanished") and bool(text.strip()))
    return messages


def write_ts(strings, existing, path=TS):
    root = ET.Element("TS", version="2.1", language="es", sourcelanguage="en")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for source in sorted(strings):
        msg = ET.SubElement(ctx, "message")
        for file, line in strings[source][:3]:
            ET.SubElement(msg, "location", filename=f"../{file}", line=str(line))
        ET.SubElement(msg, "source").text = source
        text, finished = existing.get(source, ("", False))
        el = ET.SubElement(msg, "translation")
        el.text = text
        if not finished:
            el.set("type", "unfinished")
    ET.indent(root) if hasattr(ET, "indent") else None
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def missing(strings=None, existing=None):
    strings = collect() if strings is None else strings
    existing = load_ts() if existing is None else existing
    return sorted(s for s in strings if not existing.get(s, ("", False))[1])


def placeholder_mismatches(existing=None):
    """Translations whose {placeholders} differ from the source's (they would break .format())."""
    import re

    existing = load_ts() if existing is None else existing
    pattern = re.compile(r"\{(\w*)[^{}]*\}")
    bad = []
    for source, (text, finished) in existing.items():
        if finished and sorted(pattern.findall(source)) != sorted(pattern.findall(text)):
            bad.append(source)
    return bad


def merge(path):
    """Set the translations of a JSON file {source: translation}; returns sources not in the code."""
    with open(path, encoding="utf-8") as fh:
        new = json.load(fh)
    with _Locked():
        strings = collect()
        existing = load_ts()
        unknown = []
        for source, text in new.items():
            if source in strings and str(text).strip():
                existing[source] = (text, True)
            else:
                unknown.append(source)
        write_ts(strings, existing)
    return unknown


class _Locked:
    """An exclusive lock beside the .ts file: several developers may merge at once."""

    def __enter__(self):
        import fcntl

        self.fh = open(TS.with_suffix(".lock"), "w")  # noqa: SIM115
        fcntl.flock(self.fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def main(argv):
    command = argv[1] if len(argv) > 1 else "check"
    if command == "merge":
        unknown = merge(argv[2])
        for source in unknown:
            print(f"not in the source (or empty translation), skipped: {source!r}")
        todo = missing()
        print(f"{TS.relative_to(ROOT)}: {len(todo)} strings without a finished translation")
        return 0
    strings = collect()
    existing = load_ts()
    if command == "update":
        write_ts(strings, existing)
        todo = missing(strings, load_ts())
        print(f"{TS.relative_to(ROOT)}: {len(strings)} strings, {len(todo)} without a finished translation")
        return 0
    if command == "check":
        todo = missing(strings, existing)
        bad = placeholder_mismatches(existing)
        for text in todo:
            print(f"untranslated: {text!r}")
        for text in bad:
            print(f"placeholders differ: {text!r}")
        return 1 if todo or bad else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
