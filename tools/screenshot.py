#!/usr/bin/env python3
"""`make screenshot`: the registry dock beside a map canvas, in Spanish, saved as a PNG for the docs.

    xvfb-run -a /usr/bin/python3 tools/screenshot.py [--out docs/img/registry_dock.png]

Builds a throw-away demo registry from ``registry/samples.py`` (initiatives in several statuses,
gaps and departments, one with an invalid geometry), validates it, opens it in the dock inside a
QMainWindow with a QgsMapCanvas at a laptop's 1366 x 768, selects one initiative (the map zooms to
it) and grabs the window. QGIS settings go to a temporary profile, so the user's own QGIS profile
is never touched.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)


def package_parent(folder):
    """A folder holding a `t2restore` link to the checkout (never the checkout itself on sys.path)."""
    link = Path(folder) / "t2restore"
    link.symlink_to(ROOT, target_is_directory=True)
    return str(folder)


def demo_initiatives():
    """Forty-two initiatives in Junín, Huancavelica and Cusco, varied so that the filters, the
    validation states and the summary have something to show (one invalid geometry, one initiative
    without activities, one overlap between initiatives)."""
    from osgeo import ogr

    from t2restore.registry import samples

    made = []
    places = [("Junín", "12", -75.9, -11.8), ("Huancavelica", "09", -75.2, -12.6), ("Cusco", "08", -72.2, -13.4)]
    titles = [
        "Bofedales altoandinos", "Queñuales de la cordillera", "Bosque de neblina", "Cercos vivos en chacras",
        "Regeneración natural asistida", "Siembra y cosecha de agua", "Agroforestería con café", "Pastos nativos",
    ]
    for n in range(42):
        department, code, lon0, lat0 = places[n % 3]
        column, row = n // 3, n % 5
        ini = samples.sample_initiative(n, areas=1 + column % 3)
        ini.title = "%s %d" % (titles[n % len(titles)], n + 1)
        ini.restoration_status = (1, 2, 2, 3)[n % 4]
        for k, area in enumerate(ini.areas):
            area.department = department
            area.ubigeo = code + "0101"
            area.national_gap = ("MINAM", "SERFOR", "BOTH", "NONE")[(n + k) % 4]
            area.ecosystems = [("T1", "T2", "F2", "T3")[(n + k) % 4]]
            size = 0.012 + 0.004 * ((n + k) % 3)
            area.set_geometry(samples.square(lon0 + 0.06 * column + 0.025 * k, lat0 - 0.035 * row, size))
        made.append(ini)
    bowtie = ogr.CreateGeometryFromWkt(
        "POLYGON((-75.52 -11.66,-75.5 -11.64,-75.5 -11.66,-75.52 -11.64,-75.52 -11.66))")
    made[6].areas[0].set_geometry(bowtie)  # "Agroforestería con café 7": invalid geometry (error)
    made[14].areas[0].activities = []  # "Agroforestería con café 15": a required field missing (error)
    first = made[1].areas[0].geometry().GetEnvelope()
    made[22].areas[0].set_geometry(samples.square(first[0] + 0.005, first[2] + 0.005, 0.012))  # overlap: warning
    return made


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img" / "registry_dock.png"))
    parser.add_argument("--locale", default="es_PE")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="t2restore-screenshot-"))
    # a throw-away QGIS profile: the Spanish locale and registry path set below never reach the user's
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "profile")
    sys.path.insert(0, package_parent(work))
    if os.environ.get("DISPLAY"):  # under xvfb-run: a real X server, even if make exported offscreen
        os.environ["QT_QPA_PLATFORM"] = "xcb"

    from qgis.PyQt.QtCore import QLocale, QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "profile"))
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle, QgsSettings

    app = QgsApplication([], True)
    app.initQgis()
    QgsSettings().setValue("locale/userLocale", args.locale)
    QgsSettings().setValue("locale/overrideFlag", True)
    QLocale.setDefault(QLocale(args.locale))
    from t2restore.translation import install_translator

    install_translator(args.locale)
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMainWindow

    from t2restore.registry.store import create_registry
    from t2restore.registry.validate import validate_store
    from t2restore.ui.registry_dock import RegistryDock

    path = work / "registro_demo.gpkg"
    with create_registry(path) as store:
        for ini in demo_initiatives():
            store.save_initiative(ini)
        validate_store(store)

    window = QMainWindow()
    window.setWindowTitle("QGIS — T2 Restore")
    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setCanvasColor(Qt.GlobalColor.white)
    window.setCentralWidget(canvas)
    dock = RegistryDock(None, canvas)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(*SIZE)
    window.show()
    window.resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    if not dock.open_registry(path):
        print("screenshot: the demo registry cannot be opened:", dock.messages, file=sys.stderr)
        return 1
    canvas.setLayers([dock.area_layer.layer])
    dock.bar.clearWidgets()
    # select a Junín initiative (the dock zooms to it and highlights it), then show its neighbours
    row = next(r for r in range(dock.list_model.rowCount()) if dock.list_model.summary(r).departments == ["Junín"])
    dock.list_view.selectRow(row)
    junin = [a.geometry().GetEnvelope() for a in dock.store.list_areas() if a.department == "Junín"]
    minx, maxx = min(e[0] for e in junin), max(e[1] for e in junin)
    miny, maxy = min(e[2] for e in junin), max(e[3] for e in junin)
    canvas.setExtent(QgsRectangle(minx, miny, maxx, maxy).buffered(0.03))
    canvas.refresh()
    deadline = time.time() + 3
    while time.time() < deadline:
        app.processEvents()
        time.sleep(0.05)
    canvas.waitWhileRendering()
    app.processEvents()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(out), "PNG")
    print("screenshot:", out if saved else "cannot write " + str(out))
    dock.unload()
    window.close()
    sys.stdout.flush()
    # QGIS may crash while tearing down canvases at interpreter exit; the PNG is written, so leave now
    os._exit(0 if saved else 1)


if __name__ == "__main__":
    sys.exit(main())
