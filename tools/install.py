#!/usr/bin/env python3
"""Link this checkout into the user's QGIS profile as the plugin ``t2restore`` (development install)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def plugins_dir():
    base = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")
    if base:
        root = Path(base)
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support" / "QGIS" / "QGIS3"
    elif os.name == "nt":
        root = Path(os.environ["APPDATA"]) / "QGIS" / "QGIS3"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "QGIS" / "QGIS3"
    profile = os.environ.get("QGIS_PROFILE", "default")
    return root / "profiles" / profile / "python" / "plugins"


def main():
    target = plugins_dir() / "t2restore"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or target.exists():
        if target.is_symlink() and target.resolve() == ROOT:
            print(f"install: {target} already links to {ROOT}")
            return
        if not target.is_symlink():
            sys.exit(f"install: {target} exists and is not a link; remove it first")
        target.unlink()
    target.symlink_to(ROOT, target_is_directory=True)
    print(f"install: linked {target} -> {ROOT}. Enable 'T2 Restore' in Plugins > Manage and Install Plugins.")


if __name__ == "__main__":
    main()
