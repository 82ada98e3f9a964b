#!/usr/bin/env python3
"""Benchmark of the Target 2 report: the national report of a 10,000-area registry with 25 departments.

    /usr/bin/python3 bench/bench_report.py [--areas 10000] [--work DIR]

Inputs (made here, deterministic): 25 departments (0.4 degree squares, 5 x 5, in the Andes), degraded land
(one polygon per department, covering its western 60 %), a registry of 100 initiatives x 100 areas of 0.005
degree squares (about 30 ha each) spread over the departments. Each step runs in its own process (through
bench/_measure.py), so its peak memory is its own:
  baseline: t2restore:target2_indicator on the same inputs (the figures the report is built on);
  report:   t2restore:target2_report: indicator, registry validation, workbook, 4 fixed pages and 25 atlas
            pages printed to PDF, layout saved.
Results go to bench/results/report.json (aim: report under 60 s on this machine).
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

from _common import HERE, PY, measure, package_parent, say, start_qgis, work_folder, write_results

DEPARTMENTS = 25
LON0, LAT0, SIZE = -76.0, -13.0, 0.4


def department_box(d):
    col, row = d % 5, d // 5
    return LON0 + col * SIZE, LAT0 + row * SIZE


def _square_wkt(lon, lat, size):
    return f"POLYGON(({lon} {lat},{lon + size} {lat},{lon + size} {lat + size},{lon} {lat + size},{lon} {lat}))"


def write_layers(work):
    """departments.gpkg and degraded.gpkg."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    for name, width in (("departments", 1.0), ("degraded", 0.6)):
        path = work / f"{name}.gpkg"
        if path.exists():
            path.unlink()
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        lyr = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon)
        lyr.CreateField(ogr.FieldDefn("nombre", ogr.OFTString))
        for d in range(DEPARTMENTS):
            lon, lat = department_box(d)
            feat = ogr.Feature(lyr.GetLayerDefn())
            feat.SetField("nombre", f"Departamento {d + 1:02d}")
            geom = ogr.CreateGeometryFromWkt(_square_wkt(lon, lat, SIZE) if width == 1.0 else
                                             f"POLYGON(({lon} {lat},{lon + SIZE * width} {lat},"
                                             f"{lon + SIZE * width} {lat + SIZE},{lon} {lat + SIZE},{lon} {lat}))")
            feat.SetGeometry(ogr.ForceToMultiPolygon(geom))
            lyr.CreateFeature(feat)
        ds = None


def make_registry(path, areas):
    """100 initiatives x (areas / 100) areas, 0.005 degree squares on a 0.02 degree lattice per department."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.registry import samples
    from t2restore.registry.store import create_registry

    if path.exists():
        path.unlink()
    per = max(1, areas // 100)
    with create_registry(path) as store:
        for n in range(100):
            ini = samples.sample_initiative(n, areas=0, monitoring=0)
            for k in range(per):
                slot = n * per + k
                d, cell = slot % DEPARTMENTS, slot // DEPARTMENTS
                lon, lat = department_box(d)
                area = samples.sample_area(lon + 0.01 + 0.02 * (cell % 19), lat + 0.01 + 0.02 * (cell // 19 % 19),
                                           0.005, f"Sitio {n}-{k}", monitoring=0)
                area.start_year = 2015 + slot % 10
                ini.areas.append(area)
            store.save_initiative(ini)


def step(kind, work):
    """One run (in its own process): 'baseline' (target2_indicator) or 'report'."""
    sys.path.insert(0, str(package_parent()))
    _app = start_qgis()
    import t2restore

    plugin = t2restore.classFactory(None)
    plugin.initProcessing()
    import processing

    work = Path(work)
    common = {"DEGRADED": str(work / "degraded.gpkg"), "ZONES": str(work / "departments.gpkg"),
              "ZONE_FIELD": "nombre", "RESTORATION_AREAS": str(work / "registry.gpkg") + "|layername=restoration_areas"}
    start = time.perf_counter()
    if kind == "baseline":
        results = processing.run("t2restore:target2_indicator", dict(common, OUTPUT=str(work / "inside.gpkg"),
                                                                     OUTPUT_TABLE=str(work / "indicator.csv")))
    else:
        results = processing.run("t2restore:target2_report", dict(
            common, TITLE="Meta 2 - reporte nacional", INSTITUTION="MINAM", PERIOD="2015-2025",
            OUTPUT_XLSX=str(work / "report.xlsx"), OUTPUT_PDF=str(work / "report.pdf")))
    seconds = time.perf_counter() - start
    print(json.dumps({"step_seconds": seconds, "pages": results.get("PAGES"),
                      "degraded_ha": results["DEGRADED_HA"]}))
    print(json.dumps({}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=10000)
    parser.add_argument("--work", default=str(HERE / "data" / "report"))
    parser.add_argument("step", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        step(*args.step)
        return
    work = work_folder(args.work)
    t = time.perf_counter()
    write_layers(work)
    make_registry(work / "registry.gpkg", args.areas)
    say(f"inputs ({args.areas} areas, {DEPARTMENTS} departments) written in {time.perf_counter() - t:.1f} s")
    results = {"machine": {"cpus": os.cpu_count(), "note": "2 cores shared with other developers"},
               "areas": args.areas, "departments": DEPARTMENTS}
    for kind in ("baseline", "report"):
        run = measure([PY, __file__, "--work", str(work), kind, str(work)], kind)
        inner = json.loads([line for line in run.stdout.splitlines() if line.startswith("{\"step")][-1])
        results[kind] = {"seconds": round(run.seconds, 2), "step_seconds": round(inner["step_seconds"], 2),
                         "peak_mb": round(run.peak_mb, 1), "pages": inner["pages"]}
        say(f"{kind:8s} {run.seconds:6.2f} s (process), step {inner['step_seconds']:.2f} s, "
            f"peak {run.peak_mb:.0f} MB, pages {inner['pages']}")
    results["report_over_indicator"] = round(results["report"]["step_seconds"] / results["baseline"]["step_seconds"],
                                             1)
    write_results("report", results)


if __name__ == "__main__":
    main()
