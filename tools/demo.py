#!/usr/bin/env python3
"""`make demo`: generate the demo region and run the plugin's main job on it, headless.

Generates the synthetic Andes-Amazon region (EPSG:32718), then runs through QGIS Processing
(the same code path as the toolbox and qgis_process):
  1. t2restore:ldn_degradation from the national-legend land cover (recoded with lc_recode.csv),
     LPD and soil organic carbon, summarized per department;
  2. t2restore:area_summary of the result per province.
Prints where every output is and the hectares per class.
"""

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def package_parent(out):
    """A folder holding a `t2restore` link to the checkout (never put the checkout itself on sys.path)."""
    parent = out / ".pkg"
    parent.mkdir(parents=True, exist_ok=True)
    link = parent / "t2restore"
    if not link.is_symlink():
        link.symlink_to(ROOT, target_is_directory=True)
    return parent


def print_table(path, title):
    print(f"\n{title}")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    zone_width = max([len(r["zone"]) for r in rows] + [4])
    print(f"  {'zone':<{zone_width}}  {'class':<12} {'hectares':>14} {'%':>7}")
    for r in rows:
        print(f"  {r['zone']:<{zone_width}}  {r['class_name']:<12} {float(r['hectares']):>14,.1f} "
              f"{float(r['percent']):>7.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="demo_output")
    parser.add_argument("--size", type=int, default=600, help="demo region side in pixels (30 m)")
    parser.add_argument("--seed", type=int, default=2030)
    args = parser.parse_args()
    out = Path(args.out).resolve()
    region = out / "region"
    results = out / "results"
    results.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(package_parent(out)))

    from t2restore.sample_data.generate import generate

    t0 = time.perf_counter()
    print(f"demo: generating the demo region ({args.size} x {args.size} pixels of 30 m, seed {args.seed}) ...")
    layers = generate(str(region), size=args.size, seed=args.seed)
    print(f"demo: region written to {region} in {time.perf_counter() - t0:.1f} s")

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing
    import t2restore

    plugin = t2restore.classFactory(None)
    plugin.initProcessing()

    zones = f"{layers['zones']}|layername=departamentos"
    provinces = f"{layers['zones']}|layername=provincias"
    print("demo: running t2restore:ldn_degradation (SDG 15.3.1, one out all out) ...")
    deg = processing.run("t2restore:ldn_degradation", {
        "LC_BASELINE": layers["lc_national_baseline"],
        "LC_TARGET": layers["lc_national_target"],
        "LC_RECODE_FILE": layers["lc_recode"],
        "PRODUCTIVITY": layers["lpd"],
        "SOC_BASELINE": layers["soc_baseline"],
        "SOC_TARGET": layers["soc_target"],
        "ZONES": zones,
        "ZONE_FIELD": "nombre",
        "OUTPUT": str(results / "degradation_sdg15_3_1.tif"),
        "OUTPUT_SUBINDICATORS": str(results / "subindicators.tif"),
        "OUTPUT_TABLE": str(results / "degradation_by_department.csv"),
    })
    print("demo: running t2restore:area_summary per province ...")
    summary = processing.run("t2restore:area_summary", {
        "INPUT": deg["OUTPUT"],
        "ZONES": provinces,
        "ZONE_FIELD": "nombre",
        "OUTPUT_TABLE": str(results / "degradation_by_province.csv"),
    })
    print_table(deg["OUTPUT_TABLE"], "Degradation (SDG 15.3.1) by department, hectares on the WGS 84 ellipsoid:")
    print(f"\nSub-indicators used: {deg['SUBINDICATORS_USED']}")
    print(f"Degraded {deg['DEGRADED_HA']:,.1f} ha | stable {deg['STABLE_HA']:,.1f} ha | "
          f"improved {deg['IMPROVED_HA']:,.1f} ha | no data {deg['NODATA_HA']:,.1f} ha")
    print("\ndemo: outputs")
    for label, path in (("demo region", region), ("degradation map (styled: .qml beside it)", deg["OUTPUT"]),
                        ("sub-indicators (3 bands)", deg["OUTPUT_SUBINDICATORS"]),
                        ("area table by department", deg["OUTPUT_TABLE"]),
                        ("area table by province", summary["OUTPUT_TABLE"])):
        print(f"  {label:42s} {path}")
    print(f"demo: done in {time.perf_counter() - t0:.1f} s. Open the .tif files in QGIS to see them styled.")
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main()
