"""Test fixtures stay out of the plugin zip: no file the zip would hold carries a hostile string."""

import importlib.util
import subprocess  # nosec B404
from pathlib import Path

from fixtures.hostile import CONTROL_CHARACTERS, SHIPPED_MARKERS, TRICKY_TEXT

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("package_tool_shipped", ROOT / "tools" / "package.py")
pkg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pkg)

BINARY_SUFFIXES = {".png", ".jpg", ".qm", ".gpkg", ".tif", ".zip"}


def candidate_files():
    """Tracked files plus new files not ignored by git (what the zip holds once they are committed)."""
    new = subprocess.run(["git", "ls-files", "-z", "--others", "--exclude-standard"], cwd=ROOT,  # nosec B603 B607
                         check=True, capture_output=True).stdout.decode().split("\0")
    return sorted(set(pkg.tracked_files()) | {f for f in new if f})


def shipped_text_files():
    return [rel for rel in candidate_files() if pkg.wanted(rel) and Path(rel).suffix not in BINARY_SUFFIXES]


def test_the_zip_leaves_the_tests_and_their_fixtures_out():
    files = candidate_files()
    assert "tests/fixtures/hostile.py" in files
    assert [rel for rel in files if rel.startswith("tests/") and pkg.wanted(rel)] == []


def test_no_shipped_file_holds_a_hostile_test_string():
    found = []
    for rel in shipped_text_files():
        text = (ROOT / rel).read_text(encoding="utf-8")
        found += [(rel, marker) for marker in (TRICKY_TEXT, *SHIPPED_MARKERS) if marker in text]
        found += [(rel, repr(char)) for char in CONTROL_CHARACTERS if char in text]
    assert found == [], "hostile test strings belong in tests/fixtures/, not in the plugin"
