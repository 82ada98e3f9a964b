#!/usr/bin/env python3
"""`make demo`: generate the demo region and run the plugin's algorithms on it, headless.

Generates the synthetic Andes-Amazon region (EPSG:32718), then runs every algorithm through QGIS
Processing (the same code path as the toolbox and qgis_process): SDG 15.3.1 degradation from the
national legend, areas per province, productivity dynamics from NDVI, forest fragmentation, MINAM
and SERFOR degradation and their agreement, AHP weights, priority score from the ROAM SERFOR preset
with weight uncertainty, overlap of the two national gaps with protected areas and initiatives, and
the Target 2 indicator. Prints where every output is and the main figures.
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


def PRIORITY_PARAMS(serfor, ahp, results, zones, layers):  # noqa: N802 - reads as a constant table
    """Priority from the shipped ROAM SERFOR preset (option 1) over the SERFOR criteria, AHP weights, uncertainty."""
    return {
        "SHIPPED_PRESET": 1, "CRITERIA": [serfor["OUTPUT_CRITERIA"]], "WEIGHTS_TABLE": ahp["OUTPUT"],
        "CONSTRAINTS": [layers["protected_areas"]], "ZONES": zones, "ZONE_FIELD": "nombre",
        "UNCERTAINTY": True, "PERCENT": 20, "RUNS": 50, "SEED": 2030,
        "OUTPUT_SCORE": str(results / "priority_score.tif"), "OUTPUT_CLASSES": str(results / "priority_classes.tif"),
        "OUTPUT_STABILITY": str(results / "priority_stability.tif"),
        "OUTPUT_TABLE": str(results / "priority_by_department.csv")}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="demo_output")
    parser.add_argument("--size", type=int, default=600, help="demo region side in pixels (30 m)")
    parser.add_argument("--seed", type=int, default=2030)
    return parser.parse_args()


def start_qgis():
    """A headless QGIS with Processing and the plugin's provider; returns (app, plugin, processing)."""
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
    return app, plugin, processing


class Demo:
    """The demo's runs, step by step, each adding (label, path) rows to ``outputs``."""

    def __init__(self, processing, layers, results):
        self.processing = processing
        self.layers = layers
        self.results = results
        self.zones = f"{layers['zones']}|layername=departamentos"
        self.provinces = f"{layers['zones']}|layername=provincias"
        self.gaps = layers["gaps"]
        self.outputs = []

    def out(self, name):
        return str(self.results / name)

    def run(self, alg, params, label):
        t = time.perf_counter()
        print(f"demo: {alg} ({label}) ...", flush=True)
        result = self.processing.run(alg, params)
        print(f"demo:   done in {time.perf_counter() - t:.1f} s", flush=True)
        return result

    def degradation(self):
        """1. SDG 15.3.1 from the national legend, per department; areas per province."""
        layers = self.layers
        deg = self.run("t2restore:ldn_degradation", {
            "LC_BASELINE": layers["lc_national_baseline"], "LC_TARGET": layers["lc_national_target"],
            "LC_RECODE_FILE": layers["lc_recode"], "PRODUCTIVITY": layers["lpd"],
            "SOC_BASELINE": layers["soc_baseline"], "SOC_TARGET": layers["soc_target"],
            "ZONES": self.zones, "ZONE_FIELD": "nombre",
            "OUTPUT": self.out("degradation_sdg15_3_1.tif"),
            "OUTPUT_SUBINDICATORS": self.out("subindicators.tif"),
            "OUTPUT_TABLE": self.out("degradation_by_department.csv")}, "SDG 15.3.1, one out all out")
        summary = self.run("t2restore:area_summary", {
            "INPUT": deg["OUTPUT"], "ZONES": self.provinces, "ZONE_FIELD": "nombre",
            "OUTPUT_TABLE": self.out("degradation_by_province.csv")}, "hectares per province")
        self.outputs += [("SDG 15.3.1 degradation (styled)", deg["OUTPUT"]),
                         ("  sub-indicators (3 bands)", deg["OUTPUT_SUBINDICATORS"]),
                         ("  hectares by department", deg["OUTPUT_TABLE"]),
                         ("  hectares by province", summary["OUTPUT_TABLE"])]
        return deg

    def productivity(self):
        """2. Productivity dynamics from the annual NDVI series, and forest fragmentation."""
        layers = self.layers
        lpd = self.run("t2restore:productivity_dynamics", {
            "NDVI": layers["ndvi"], "FIRST_YEAR": 2001, "NDVI_SCALE": 10000, "LAND_COVER": layers["lc_baseline"],
            "OUTPUT": self.out("lpd_from_ndvi.tif"), "OUTPUT_METRICS": self.out("lpd_metrics.tif")},
            "LPD from NDVI 2001-2023")
        frag = self.run("t2restore:forest_fragmentation", {
            "INPUT": layers["lc_target"], "FOREST_VALUES": "1", "WINDOW": 3,
            "OUTPUT": self.out("fragmentation.tif")}, "Riitters classes, window 3")
        self.outputs += [("land productivity dynamics from NDVI", lpd["OUTPUT"]),
                         ("forest fragmentation", frag["OUTPUT"])]
        return lpd

    def definitions(self, lpd):
        """3. The two national definitions of degradation and where they agree."""
        layers = self.layers
        minam = self.run("t2restore:minam_degradation", {
            "LC_BASELINE": layers["lc_baseline"], "LC_TARGET": layers["lc_target"], "PRODUCTIVITY": lpd["OUTPUT"],
            "FOREST_MASK": layers["lc_target"], "FOREST_VALUES": "1", "WINDOW": 3,
            "ZONES": self.zones, "ZONE_FIELD": "nombre",
            "OUTPUT": self.out("degradation_minam.tif"),
            "OUTPUT_TABLE": self.out("degradation_minam_by_department.csv")}, "MINAM criteria, provisional preset")
        serfor = self.run("t2restore:serfor_criteria", {
            "CAPABILITY": layers["capability"], "LAND_COVER": layers["lc_target"], "DEM": layers["dem"],
            "CONSERVATION_AREAS": layers["protected_areas"], "LOSS_YEAR": layers["forest_loss_year"],
            "ZONES": self.zones, "ZONE_FIELD": "nombre",
            "OUTPUT_CRITERIA": self.out("serfor_criteria.tif"),
            "OUTPUT": self.out("degraded_forest_lands_serfor.tif"),
            "OUTPUT_TABLE": self.out("serfor_by_department.csv")}, "SERFOR ROAM criteria, provisional preset")
        agree = self.run("t2restore:definition_agreement", {
            "INPUT_A": minam["OUTPUT"], "INPUT_B": serfor["OUTPUT"], "ZONES": self.zones, "ZONE_FIELD": "nombre",
            "OUTPUT": self.out("agreement_minam_serfor.tif"),
            "OUTPUT_TABLE": self.out("agreement_minam_serfor.csv")}, "MINAM vs SERFOR")
        self.outputs += [("MINAM degradation levels", minam["OUTPUT"]),
                         ("SERFOR criteria (bands)", serfor["OUTPUT_CRITERIA"]),
                         ("SERFOR degraded forest lands", serfor["OUTPUT"]),
                         ("agreement MINAM / SERFOR", agree["OUTPUT"]),
                         ("  confusion table and kappa", agree["OUTPUT_TABLE"])]
        return serfor

    def priority(self, serfor):
        """4. Priority: AHP weights for the SERFOR criteria, ROAM SERFOR preset with weight uncertainty."""
        ahp = self.run("t2restore:ahp_weights", {
            "CRITERIA": "land_use_conflict,slope,distance_conservation_areas,deforestation_density",
            "MATRIX": "2,2,1,1,0.5,0.5", "OUTPUT": self.out("ahp_weights.csv")}, "pairwise comparisons")
        prio = self.run("t2restore:priority_score", PRIORITY_PARAMS(serfor, ahp, self.results, self.zones, self.layers),
                        "ROAM SERFOR (provisional) preset, 50 runs of +-20 % weights")
        self.outputs += [("AHP weights", ahp["OUTPUT"]), ("priority score", prio["OUTPUT_SCORE"]),
                         ("priority classes", prio["OUTPUT_CLASSES"]),
                         ("stability under weight uncertainty", prio["OUTPUT_STABILITY"])]

    def gaps_and_target2(self, deg):
        """5. Gaps and the Target 2 indicator."""
        layers, gaps = self.layers, self.gaps
        overlap = self.run("t2restore:gap_overlap", {
            "GAP_A": f"{gaps}|layername=brecha_minam", "GAP_B": f"{gaps}|layername=brecha_serfor",
            "PROTECTED_AREAS": layers["protected_areas"], "INITIATIVES": layers["initiatives"],
            "ZONES": self.zones, "ZONE_FIELD": "nombre",
            "OUTPUT": self.out("gap_overlap.gpkg"), "OUTPUT_TABLE": self.out("gap_overlap_by_department.csv"),
            "OUTPUT_INITIATIVES": self.out("initiatives_in_gaps.gpkg")}, "MINAM vs SERFOR restoration gaps")
        target2 = self.run("t2restore:target2_indicator", {
            "DEGRADED": deg["OUTPUT"], "DEGRADED_VALUE": -1, "RESTORATION_AREAS": layers["initiatives"],
            "ZONES": self.zones, "ZONE_FIELD": "nombre",
            "GAP_A": f"{gaps}|layername=brecha_minam", "GAP_B": f"{gaps}|layername=brecha_serfor",
            "OUTPUT": self.out("restoration_in_degraded.gpkg"),
            "OUTPUT_TABLE": self.out("target2_indicator.csv")}, "area under restoration / degraded area")
        self.outputs += [("gap overlap (only MINAM / only SERFOR / both)", overlap["OUTPUT"]),
                         ("  hectares by department", overlap["OUTPUT_TABLE"]),
                         ("initiatives in the gaps (double counting)", overlap["OUTPUT_INITIATIVES"]),
                         ("Target 2 indicator table", target2["OUTPUT_TABLE"])]
        return overlap


def print_figures(deg, overlap):
    print_table(deg["OUTPUT_TABLE"], "Degradation (SDG 15.3.1) by department, hectares on the WGS 84 ellipsoid:")
    print(f"\nSub-indicators used: {deg['SUBINDICATORS_USED']}")
    print(f"Degraded {deg['DEGRADED_HA']:,.1f} ha | stable {deg['STABLE_HA']:,.1f} ha | "
          f"improved {deg['IMPROVED_HA']:,.1f} ha | no data {deg['NODATA_HA']:,.1f} ha")
    print(f"Gaps: only MINAM {overlap['ONLY_A_HA']:,.1f} ha | only SERFOR {overlap['ONLY_B_HA']:,.1f} ha | "
          f"both {overlap['BOTH_HA']:,.1f} ha")


def main():
    args = parse_args()
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

    app, plugin, processing = start_qgis()
    demo = Demo(processing, layers, results)
    deg = demo.degradation()
    serfor = demo.definitions(demo.productivity())
    demo.priority(serfor)
    overlap = demo.gaps_and_target2(deg)

    print_figures(deg, overlap)
    print("\ndemo: outputs (open them in QGIS: rasters and layers load styled with class names)")
    print(f"  {'demo region':46s} {region}")
    for label, path in demo.outputs:
        print(f"  {label:46s} {path}")
    print(f"demo: done in {time.perf_counter() - t0:.1f} s.")
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main()
