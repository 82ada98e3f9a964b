#!/usr/bin/env python3
"""Benchmark t2restore:gap_overlap against the equivalent chain of QGIS native algorithms, same run.

    /usr/bin/python3 bench/bench_gap_overlap.py [--n 20000] [--work DIR] [--repeat 1]

Two gap layers of ``n`` polygons each are generated once (GeoPackage, UTM 18S): irregular star-shaped
blobs (10..40 vertices, log-normal radii around 400 m) in clusters, as gaps drawn from degraded-land
patches are; half of gap B lies near gap A's polygons (so the gaps overlap in part, as the MINAM
and SERFOR gaps could), half is independent; polygons overlap inside each layer too. Then, each in
its own process so that peak memory (max RSS through bench/_measure.py) is its own:
  - t2restore: processing.run("t2restore:gap_overlap") writing the partition to a GeoPackage;
  - native chain: native:intersection (both), native:difference twice (only A, only B),
    native:mergevectorlayers, native:deletecolumn (the repeated "fid" column GeoPackage refuses),
    native:fieldcalculator with $area on the WGS 84 ellipsoid, writing a GeoPackage: what a QGIS
    user would run by hand.
Both time the algorithms only (QGIS start-up is reported apart). The native chain does not dissolve
each gap first, so land covered twice inside one gap is counted twice there: the class totals of
both are reported to show the difference. Results go to bench/results/gap_overlap.json.
"""

import argparse
import json
import os
import time
from pathlib import Path

from _common import (
    HERE,
    PY,
    measure,
    run_timed,
    say,
    start_plugin,
    start_qgis,
    work_folder,
    write_results,
)

EXTENT = (200000.0, 8600000.0, 700000.0, 9100000.0)  # 500 km x 500 km in UTM 18S (central Peru)


# -- data ----------------------------------------------------------------------------------------------

def _blobs(rng, n, centres=None):
    import numpy as np

    x0, y0, x1, y1 = EXTENT
    if centres is None:
        k = max(1, n // 150)
        cx, cy = rng.uniform(x0, x1, k), rng.uniform(y0, y1, k)
        pick = rng.integers(0, k, n)
        spread = rng.uniform(2000, 12000, k)[pick]
        px, py = cx[pick] + rng.normal(0, 1, n) * spread, cy[pick] + rng.normal(0, 1, n) * spread
    else:
        px, py = centres
    radius = np.exp(rng.normal(np.log(400.0), 0.7, n))
    for i in range(n):
        m = int(rng.integers(10, 41))
        ang = np.sort(rng.uniform(0, 2 * np.pi, m))
        rad = radius[i] * rng.uniform(0.6, 1.3, m)
        yield px[i] + rad * np.cos(ang), py[i] + rad * np.sin(ang)


def _write(path, rings):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("gap", srs=srs, geom_type=ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    layer.StartTransaction()
    for n, (xs, ys) in enumerate(rings):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in zip(xs, ys):
            ring.AddPoint_2D(float(x), float(y))
        ring.CloseRings()
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        if not poly.IsValid():  # keep the inputs valid: the native chain stops on invalid geometries
            poly = poly.MakeValid()
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", n)
        feature.SetGeometry(ogr.ForceToMultiPolygon(poly))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def generate(work, n, seed=20):
    import numpy as np

    folder = work / f"gaps_{n}"
    a, b = folder / "gap_a.gpkg", folder / "gap_b.gpkg"
    if a.exists() and b.exists():
        return str(a), str(b)
    folder.mkdir(parents=True, exist_ok=True)
    say(f"generating 2 x {n} polygons in {folder} ...")
    rng = np.random.default_rng(seed)
    rings_a = list(_blobs(rng, n))
    _write(a, rings_a)
    half = n // 2
    near = (np.array([xs.mean() for xs, _ in rings_a[:half]]) + rng.normal(0, 300, half),
            np.array([ys.mean() for _, ys in rings_a[:half]]) + rng.normal(0, 300, half))
    _write(b, list(_blobs(rng, half, near)) + list(_blobs(rng, n - half)))
    return str(a), str(b)


# -- children ------------------------------------------------------------------------------------------

def child_t2restore(a, b, out):
    alive = start_plugin()  # noqa: F841 - keeps QGIS and the plugin alive
    res, seconds = run_timed("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "OUTPUT": out})
    return {"seconds": seconds, "only_a_ha": res["ONLY_A_HA"], "only_b_ha": res["ONLY_B_HA"],
            "both_ha": res["BOTH_HA"]}


def child_native(a, b, out):
    app = start_qgis()  # noqa: F841 - keeps QGIS alive
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("WGS84")
    feedback = QgsProcessingFeedback()
    start = time.perf_counter()

    def run(alg, params):
        return processing.run(alg, params, context=context, feedback=feedback)["OUTPUT"]

    both = run("native:intersection", {"INPUT": a, "OVERLAY": b, "OUTPUT": "TEMPORARY_OUTPUT"})
    only_a = run("native:difference", {"INPUT": a, "OVERLAY": b, "OUTPUT": "TEMPORARY_OUTPUT"})
    only_b = run("native:difference", {"INPUT": b, "OVERLAY": a, "OUTPUT": "TEMPORARY_OUTPUT"})
    for layer, name in ((both, "both_ha"), (only_a, "only_a_ha"), (only_b, "only_b_ha")):
        layer.setName(name)  # mergevectorlayers records it in its "layer" field
    merged = run("native:mergevectorlayers", {"LAYERS": [only_a, only_b, both], "OUTPUT": "TEMPORARY_OUTPUT"})
    # the inputs' "fid" column, copied by the merge, repeats: GeoPackage would refuse those features
    merged = run("native:deletecolumn", {"INPUT": merged, "COLUMN": ["fid"], "OUTPUT": "TEMPORARY_OUTPUT"})
    run("native:fieldcalculator", {"INPUT": merged, "FIELD_NAME": "hectares", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
                                   "FIELD_PRECISION": 6, "FORMULA": "$area / 10000", "OUTPUT": out})
    seconds = time.perf_counter() - start
    totals = {}
    layer = QgsVectorLayer(out, "o", "ogr")
    for feature in layer.getFeatures():
        totals[feature["layer"]] = totals.get(feature["layer"], 0.0) + feature["hectares"]
    return dict(totals, seconds=seconds, features=layer.featureCount())


def timed(kind, a, b, out):
    """(child result, wall seconds, peak RSS MB) of one child process."""
    for stale in (out, os.path.splitext(out)[0] + ".qml"):
        if os.path.exists(stale):
            os.remove(stale)
    run = measure([PY, str(Path(__file__).resolve()), "--child", kind, "--a", a, "--b", b, "--out", out],
                  label=kind)
    return run.child_json(), run.seconds, run.peak_mb


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="polygons in each gap layer")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", choices=("t2restore", "native"), help=argparse.SUPPRESS)
    parser.add_argument("--a", help=argparse.SUPPRESS)
    parser.add_argument("--b", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        fn = child_t2restore if args.child == "t2restore" else child_native
        print(json.dumps(fn(args.a, args.b, args.out)), flush=True)
        os._exit(0)  # skip QGIS's slow and sometimes crashing exit in a throw-away process
    work = work_folder(args.work)
    a, b = generate(work, args.n)
    best = {}
    for _ in range(args.repeat):
        for kind in ("t2restore", "native"):
            out = str(work / f"gaps_{args.n}" / f"out_{kind}.gpkg")
            result, wall, rss = timed(kind, a, b, out)
            say(f"{kind:9s} n={args.n}: algorithms {result['seconds']:7.2f} s, process {wall:7.2f} s, "
                f"peak {rss:7.1f} MB")
            if kind not in best or result["seconds"] < best[kind][0]["seconds"]:
                best[kind] = (result, wall, rss)
    t2, native = best["t2restore"], best["native"]
    results = {
        "machine": {"cpus": os.cpu_count()},
        "polygons_per_gap": args.n,
        "seconds": {"t2restore": round(t2[0]["seconds"], 2), "native_chain": round(native[0]["seconds"], 2)},
        "process_seconds": {"t2restore": round(t2[1], 2), "native_chain": round(native[1], 2)},
        "peak_mb": {"t2restore": round(t2[2], 1), "native_chain": round(native[2], 1)},
        "ratio_vs_native_chain": round(t2[0]["seconds"] / native[0]["seconds"], 3),
        "hectares": {k: {c: round(v[0].get(c, 0.0), 2) for c in ("only_a_ha", "only_b_ha", "both_ha")}
                     for k, v in (("t2restore", t2), ("native_chain", native))},
        "note": "the native chain does not dissolve each gap, so overlaps inside one gap count twice there",
    }
    write_results("gap_overlap", results)


if __name__ == "__main__":
    main()
