#!/usr/bin/env python3
"""Benchmark of the initiative registry: 10,000 areas imported, validated and exported, and the
dock's initiative list with 10,000 initiatives.

    /usr/bin/python3 bench/bench_registry.py [--areas 10000] [--work DIR]

Each step runs in its own process (through bench/_measure.py) so its peak memory (max RSS) is its
own:
  1. import:   t2restore:import_initiatives (processing.run) of a GeoPackage of 10,000 UTM 18S
               polygons (100 initiatives x 100 areas, Spanish labels instead of codes) into a new
               registry: read, reproject to EPSG:4326, map fields, ellipsoidal hectares, one write;
  2. validate: every FERM rule on every area, pairwise overlaps included, results saved;
  3. export:   FERM-compatible GeoPackage of everything (validation included, as the export does);
  baseline:    ogr2ogr reprojecting the same 10,000 polygons into a GeoPackage (the I/O floor of
               an import or an export), measured in the same run;
  4. list:     a registry of 10,000 initiatives shown through the dock's InitiativeListModel: time
               to apply each filter (count + first page) and to reach rows deep in the list.
  5. report:   the FERM validation report of an export refusing 10,000 and 30,000 areas (linear:
               3x the areas, about 3x the time; it was quadratic, 83 s at 30,000).
"seconds" is the whole process (interpreter, imports, QGIS start-up for the import step);
"step_seconds" the step itself. Results go to bench/results/registry.json.
"""

import argparse
import json
import os
import subprocess  # nosec B404
import sys
import time
from pathlib import Path

from _common import HERE, PY, measure, package_parent, run_timed, say, start_plugin, work_folder, write_results


def timed(args):
    """Run this script's ``args`` step in a fresh process: (wall seconds, peak RSS MB, its JSON)."""
    run = measure([PY, str(Path(__file__).resolve())] + args, label=args[:2])
    return run.wall, run.peak_mb, run.child_json()


# --- data -------------------------------------------------------------------------------------
def make_source(path, count):
    """``count`` 300 m squares on a 500 m grid in UTM 18S, 100 areas per initiative."""
    from osgeo import ogr, osr

    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("parcelas", srs, ogr.wkbPolygon)
    for name in ("PROYECTO", "SITIO", "ESTADO", "ECOS", "ACTIVIDAD"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.StartTransaction()
    side = 100
    for n in range(count):
        x = 450000.0 + 500.0 * (n % side)
        y = 8650000.0 + 500.0 * (n // side)
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for dx, dy in ((0, 0), (300, 0), (300, 300), (0, 300), (0, 0)):
            ring.AddPoint_2D(x + dx, y + dy)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("PROYECTO", "Iniciativa %03d" % (n // 100))
        feat.SetField("SITIO", "Parcela %05d" % n)
        feat.SetField("ESTADO", ("En preparación", "En ejecución", "Monitoreo posterior a la culminación")[n % 3])
        feat.SetField("ECOS", ("T1", "T2;F2", "T3")[n % 3])
        feat.SetField("ACTIVIDAD", "4;6")
        feat.SetGeometry(poly)
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None


def make_list_registry(path, count):
    """A registry of ``count`` initiatives with one area each (for the list step)."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.registry import samples
    from t2restore.registry.store import create_registry

    if path.exists():
        path.unlink()
    made = []
    for n in range(count):
        ini = samples.sample_initiative(n % 3000, areas=1, monitoring=0)
        ini.title = "Iniciativa %05d de restauración" % n
        ini.restoration_status = 1 + n % 3
        area = ini.areas[0]
        area.department = ("Junín", "Cusco", "Puno", "Áncash")[n % 4]
        area.national_gap = ("MINAM", "SERFOR", "BOTH", "NONE")[n % 4]
        area.ecosystems = [("T1", "T2", "F2")[n % 3]]
        ini.validation_state = ("unchecked", "valid", "warnings", "errors")[n % 4]
        ini.revision = 1
        made.append(ini)
    with create_registry(path) as store:
        store.put_initiatives(made)


# --- steps (each in its own process) ----------------------------------------------------------
def step_import(source, registry):
    _app, plugin = start_plugin()
    mapping = {"initiative_title": "PROYECTO", "site_name": "SITIO", "restoration_status": "ESTADO",
               "ecosystems": "ECOS", "activities": "ACTIVIDAD"}
    defaults = {"lead_organization": "Gobierno Regional de Junín", "initiative_start_year": 2023}
    result, seconds = run_timed("t2restore:import_initiatives", {
        "INPUT": str(source), "REGISTRY": str(registry), "FIELD_MAPPING": json.dumps(mapping),
        "DEFAULTS": json.dumps(defaults)})
    print(json.dumps({"step_seconds": seconds, "areas": result["AREAS"], "initiatives": result["INITIATIVES"]}))
    plugin.unload()
    os._exit(0)  # skip QGIS teardown (not part of the measurement)


def step_validate(registry):
    sys.path.insert(0, str(package_parent()))
    from t2restore.registry.store import open_registry
    from t2restore.registry.validate import validate_store

    start = time.perf_counter()
    with open_registry(registry) as store:
        report = validate_store(store)
    print(json.dumps({"step_seconds": time.perf_counter() - start, "areas": len(report.areas_checked),
                      "errors": len(report.errors()), "warnings": len(report.warnings())}))


def step_export(registry, output):
    sys.path.insert(0, str(package_parent()))
    from t2restore.registry.ferm import export_ferm
    from t2restore.registry.store import open_registry

    start = time.perf_counter()
    with open_registry(registry) as store:
        result = export_ferm(store, output, gef_table=True)
    print(json.dumps({"step_seconds": time.perf_counter() - start, "areas": len(result.areas_exported),
                      "refused": len(result.areas_refused)}))


def step_report(count, folder):
    """The FERM validation report of an export refusing ``count`` areas (one error each, 10
    initiatives, one of them with an initiative-level error): linear since findings are indexed by uuid."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.registry.report import write_report
    from t2restore.registry.validate import ERROR, Finding, ValidationReport

    count = int(count)
    report = ValidationReport(initiatives_checked=["ini-%d" % i for i in range(10)])
    for n in range(count):
        report.areas_checked["area-%06d" % n] = "ini-%d" % (n % 10)
        report.findings.append(Finding("ini-%d" % (n % 10), "area-%06d" % n, "outside_peru", ERROR, "outside", {}))
    report.findings.append(Finding("ini-3", None, "missing_title", ERROR, "no title", {}))
    start = time.perf_counter()
    write_report(Path(folder) / ("refused_%d.gpkg" % count), report, [], [], [], {"areas": 0})
    print(json.dumps({"step_seconds": time.perf_counter() - start, "refused": count}))


def step_list(registry):
    """Filters and scrolling through the dock's model (the code the dock's list view calls)."""
    sys.path.insert(0, str(package_parent()))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import Qt

    app = QgsApplication([], True)
    app.initQgis()
    from t2restore.registry.model import InitiativeFilter
    from t2restore.registry.store import open_registry
    from t2restore.ui.models import InitiativeListModel

    store = open_registry(registry)
    model = InitiativeListModel()
    model.set_store(store)

    def show(flt):
        """What the view does after a filter change: count, then paint the first 30 rows."""
        start = time.perf_counter()
        model.set_filter(flt)
        for row in range(min(30, model.rowCount())):
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        return 1000.0 * (time.perf_counter() - start), model.rowCount()

    def jump(row):
        """Scrolling to ``row``: the page holding it is fetched and 30 rows painted."""
        start = time.perf_counter()
        for r in range(row, min(row + 30, model.rowCount())):
            for column in range(model.columnCount()):
                model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole)
        return 1000.0 * (time.perf_counter() - start)

    cases = {
        "all": None,
        "text": InitiativeFilter(text="iniciativa 05"),
        "department": InitiativeFilter(department="Junín"),
        "status": InitiativeFilter(restoration_status=2),
        "gap": InitiativeFilter(national_gap="MINAM"),
        "ecosystem": InitiativeFilter(ecosystem="T2"),
        "validation": InitiativeFilter(validation_state="errors"),
        "combined": InitiativeFilter(department="Cusco", restoration_status=2, ecosystem="T2"),
    }
    out = {"filters_ms": {}, "rows": {}, "scroll_ms": {}}
    for name, flt in cases.items():
        best = min(show(flt)[0] for _ in range(3))
        out["filters_ms"][name] = round(best, 1)
        out["rows"][name] = model.rowCount()
    model.set_filter(None)
    for row in (5000, 9970):
        model.set_filter(None)  # cold cache
        out["scroll_ms"][str(row)] = round(jump(row), 1)
    start = time.perf_counter()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    jump(0)
    out["sort_ms"] = round(1000.0 * (time.perf_counter() - start), 1)
    print(json.dumps(out))
    store.close()
    os._exit(0)


# --- driver -----------------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=10000)
    parser.add_argument("--initiatives", type=int, default=10000)
    parser.add_argument("--work", default=str(HERE / "data" / "registry"))
    parser.add_argument("step", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, *rest = args.step
        steps = {"import": step_import, "validate": step_validate, "export": step_export, "list": step_list,
                 "report": step_report}
        steps[name](*rest)
        return
    work = work_folder(args.work)
    source, registry = work / "areas_utm18s.gpkg", work / "registry.gpkg"
    output, baseline = work / "ferm_export.gpkg", work / "ogr2ogr_baseline.gpkg"
    list_registry = work / "registry_list.gpkg"
    t = time.perf_counter()
    make_source(source, args.areas)
    say(f"source of {args.areas} polygons written in {time.perf_counter() - t:.1f} s")
    for path in (registry, output, baseline):
        if path.exists():
            path.unlink()
    results = {"machine": {"cpus": os.cpu_count(), "note": "2 cores shared with other developers"},
               "areas": args.areas, "steps": {}}
    for name, step_args in (
        ("import", ["import", str(source), str(registry)]),
        ("validate", ["validate", str(registry)]),
        ("export", ["export", str(registry), str(output)]),
    ):
        seconds, rss, inner = timed(step_args)
        results["steps"][name] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1), **{
            k: (round(v, 2) if isinstance(v, float) else v) for k, v in inner.items()}}
        say(f"{name:8s} {seconds:6.2f} s (process), peak {rss:6.1f} MB  {inner}")
    start = time.perf_counter()
    subprocess.run(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:4326", "-nlt", "MULTIPOLYGON", str(baseline),  # nosec
                    str(source)], check=True)
    base = time.perf_counter() - start
    results["baseline_ogr2ogr_seconds"] = round(base, 2)
    total = sum(s["seconds"] for s in results["steps"].values())
    results["total_seconds"] = round(total, 2)
    results["ratio_import_vs_ogr2ogr"] = round(results["steps"]["import"]["seconds"] / base, 1)
    say(f"baseline ogr2ogr {base:.2f} s; whole cycle {total:.1f} s")
    t = time.perf_counter()
    make_list_registry(list_registry, args.initiatives)
    say(f"list registry of {args.initiatives} initiatives written in {time.perf_counter() - t:.1f} s")
    seconds, rss, inner = timed(["list", str(list_registry)])
    results["list"] = {"initiatives": args.initiatives, "peak_mb": round(rss, 1), **inner}
    say(f"list {json.dumps(inner)}")
    results["report_refused"] = {}
    for count in (10000, 30000):
        _seconds, rss, inner = timed(["report", str(count), str(work)])
        results["report_refused"][str(count)] = {"step_seconds": round(inner["step_seconds"], 2),
                                                 "peak_mb": round(rss, 1)}
        say(f"validation report with {count} refused areas: {inner['step_seconds']:.2f} s")
    write_results("registry", results)


if __name__ == "__main__":
    main()
