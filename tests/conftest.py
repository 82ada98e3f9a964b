"""Make the repository importable as the package ``t2restore``.

The repository root is the plugin folder. Putting the root itself on ``sys.path`` would let our
``processing/`` package shadow QGIS's ``processing``; instead a temporary folder holding a
``t2restore`` link to the root goes on ``sys.path``.
"""

import os
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _package_parent():
    parent = Path(tempfile.gettempdir()) / f"t2restore-pkg-{os.getuid()}-{zlib.crc32(str(ROOT).encode()):08x}"
    parent.mkdir(exist_ok=True)
    link = parent / "t2restore"
    if not (link.is_symlink() and link.resolve() == ROOT):
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(ROOT, target_is_directory=True)
    return parent


# ``python -m pytest`` puts the working directory (the plugin root) on sys.path; drop it so that
# ``import processing`` finds QGIS's package, not our ``processing/``.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]

PACKAGE_PARENT = _package_parent()
if str(PACKAGE_PARENT) not in sys.path:
    sys.path.insert(0, str(PACKAGE_PARENT))

# The throw-away PostgreSQL + PostGIS cluster of the PostGIS registry tests (tests/pg.py).
from pg import pg_cluster, pg_database, pg_registry_dsn  # noqa: E402, F401
