#!/usr/bin/env python3
"""The registry dock in the real QGIS desktop, in Spanish, under Xvfb: docs/img/registry_dock_qgis.png.

    /usr/bin/python3 tools/screenshot_qgis.py [--out docs/img/registry_dock_qgis.png]

Starts the `qgis` program under `xvfb-run` with a throw-away profile in which the plugin (this
checkout, linked) is enabled and the locale is es_PE, opens a demo registry (the same as
tools/screenshot.py) in the "Registro de iniciativas" dock, selects one initiative and grabs
QGIS's main window. The user's own QGIS profile is never touched.
"""

import argparse
import os
import shutil
import subprocess  # nosec B404 - fixed programs, argument lists, no shell
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)

STARTUP = """
import os
from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsProject, QgsRectangle
from qgis.utils import iface, plugins

OUT = {out!r}
REGISTRY = {registry!r}


def grab():
    ok = iface.mainWindow().grab().save(OUT, "PNG")
    print("screenshot:", OUT if ok else "cannot write " + OUT, flush=True)
    os._exit(0 if ok else 1)


def show():
    plugin = plugins["t2restore"]
    dock = plugin.registry_dock
    dock.show()
    dock.raise_()
    if not dock.open_registry(REGISTRY):
        print("screenshot: cannot open", REGISTRY, dock.messages, flush=True)
        os._exit(1)
    iface.mainWindow().resizeDocks([dock], [640], 1)
    dock.bar.clearWidgets()
    model = dock.list_model
    row = next(r for r in range(model.rowCount()) if model.summary(r).departments == ["Junín"])
    dock.list_view.selectRow(row)
    dock.list_view.resizeColumnToContents(0)
    junin = [a.geometry().GetEnvelope() for a in dock.store.list_areas() if a.department == "Junín"]
    minx, maxx = min(e[0] for e in junin), max(e[1] for e in junin)
    miny, maxy = min(e[2] for e in junin), max(e[3] for e in junin)

    def zoom():
        iface.mapCanvas().setExtent(QgsRectangle(minx, miny, maxx, maxy).buffered(0.03))
        iface.mapCanvas().refresh()

    QTimer.singleShot(2500, zoom)
    QTimer.singleShot(7000, grab)


iface.mainWindow().resize({width}, {height})
iface.mainWindow().showMaximized()
QTimer.singleShot(4000, show)
QTimer.singleShot(60000, lambda: os._exit(2))
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img" / "registry_dock_qgis.png"))
    parser.add_argument("--locale", default="es_PE")
    args = parser.parse_args(argv)
    for program in ("qgis", "xvfb-run"):
        if shutil.which(program) is None:
            sys.exit(f"screenshot: {program} is not installed (Debian packages qgis, xvfb)")
    work = Path(tempfile.mkdtemp(prefix="t2restore-qgis-shot-"))
    profile = work / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "t2restore").symlink_to(ROOT, target_is_directory=True)
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(textwrap.dedent(f"""\
        [PythonPlugins]
        t2restore=true

        [locale]
        userLocale={args.locale}
        overrideFlag=true
        globalLocale={args.locale}

        [qgis]
        checkVersion=false
        showTips322=false
        showTips340=false
        """), encoding="utf-8")

    # the demo registry, built with the same initiatives as tools/screenshot.py
    sys.path.insert(0, str(work))
    (work / "t2restore").symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(ROOT / "tools"))
    from screenshot import demo_initiatives

    from t2restore.registry.store import create_registry
    from t2restore.registry.validate import validate_store

    registry = work / "registro_demo.gpkg"
    with create_registry(registry) as store:
        for ini in demo_initiatives():
            store.save_initiative(ini)
        validate_store(store)

    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    script = work / "startup.py"
    script.write_text(STARTUP.format(out=str(out), registry=str(registry), width=SIZE[0], height=SIZE[1]),
                      encoding="utf-8")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0]}x{SIZE[1]}x24", "qgis", "--profiles-path", str(work),
           "--nologo", "--noversioncheck", "--code", str(script)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False,  # nosec B603
                          env={**os.environ, "QT_QPA_PLATFORM": "xcb"})
    print("\n".join(line for line in proc.stdout.splitlines() if line.startswith("screenshot")))
    if proc.returncode != 0 or not out.exists():
        print(proc.stderr[-2000:], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
