#!/usr/bin/env python3
"""`make screenshot`: the cover and one department page of the Target 2 report, in Spanish, as PNGs for the docs.

    /usr/bin/python3 tools/screenshot_report.py [--out docs/img]

Runs t2restore:target2_report on the demo registry of tools/screenshot.py (42 initiatives in Junín,
Huancavelica and Cusco, with validation errors), three department squares and degraded land drawn
around them, then renders page 1 (cover) and page 5 (the first department) with poppler's pdftoppm.
QGIS settings go to a temporary profile, so the user's own QGIS profile is never touched.
"""

import argparse
import os
import shutil
import subprocess  # nosec B404 - fixed poppler executable, argument list, no shell
import sys
import tempfile
from pathlib import Path

from screenshot import ROOT, demo_initiatives, package_parent

DEPARTMENTS = [("Junín", (-76.0, -12.2, -74.8, -11.5)), ("Huancavelica", (-75.4, -13.0, -74.2, -12.2)),
               ("Cusco", (-72.4, -13.8, -71.2, -13.0))]
DEGRADED = [(-75.95, -12.0, -75.3, -11.6), (-75.3, -12.9, -74.7, -12.5), (-72.3, -13.6, -71.8, -13.2)]


def _box(lon1, lat1, lon2, lat2):
    from osgeo import ogr

    return ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(
        f"POLYGON(({lon1} {lat1},{lon2} {lat1},{lon2} {lat2},{lon1} {lat2},{lon1} {lat1}))"))


def write_boxes(path, rows):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(path.stem, srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("nombre", ogr.OFTString))
    for name, box in rows:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("nombre", name)
        feat.SetGeometry(_box(*box))
        lyr.CreateFeature(feat)
    ds = None
    return str(path)


def make_inputs(work):
    from t2restore.registry.store import create_registry

    registry = work / "registro_demo.gpkg"
    with create_registry(registry) as store:
        for ini in demo_initiatives():
            store.save_initiative(ini)
    return {"RESTORATION_AREAS": str(registry) + "|layername=restoration_areas",
            "ZONES": write_boxes(work / "departamentos.gpkg", DEPARTMENTS),
            "DEGRADED": write_boxes(work / "degradado.gpkg", [("degradado", b) for b in DEGRADED])}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils (make setup does)")
    work = Path(tempfile.mkdtemp(prefix="t2restore-report-shot-"))
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "profile")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, package_parent(work))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QSettings

    app = QgsApplication([], False)
    app.initQgis()
    QSettings().setValue("locale/userLocale", "es_PE")
    QSettings().setValue("locale/overrideFlag", True)
    from processing.core.Processing import Processing

    Processing.initialize()
    import t2restore

    plugin = t2restore.classFactory(None)
    plugin.initProcessing()
    import processing

    params = dict(make_inputs(work), ZONE_FIELD="nombre", TITLE="Meta 2: restauración de tierras degradadas",
                  INSTITUTION="Gobierno Regional (demostración)", PERIOD="2021-2025",
                  OUTPUT_XLSX=str(work / "reporte.xlsx"), OUTPUT_PDF=str(work / "reporte.pdf"))
    processing.run("t2restore:target2_report", params)
    out = Path(args.out)
    for page, name in ((1, "report_cover"), (5, "report_atlas")):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",  # nosec
                        str(work / "reporte.pdf"), str(out / name)], check=True)
        print(f"screenshot: {out / name}.png")
    plugin.unload()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
