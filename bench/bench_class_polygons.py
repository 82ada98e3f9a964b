#!/usr/bin/env python3
"""Benchmark t2restore:prepare_land_cover on a land cover given as named polygons (MINAM's cover map), against
gdal_rasterize burning the same polygons by a field of codes, in the same run.

    /usr/bin/python3 bench/bench_class_polygons.py [--polygons 105354] [--vertices 150] [--side 10000]
                                                   [--small 100] [--work DIR]

MINAM's Mapa Nacional de Cobertura Vegetal (2015) has 105,354 polygons named in the field CobVeg2013 and no code.
This writes that many polygons (``--vertices`` each, about 15.8 M vertices by default) over a ``--side`` x ``--side``
grid of 30 m pixels in UTM 18S, each named by a unit of the minam_cobertura preset (and, for the baseline only, a
field ``code`` holding the preset's code of that name, the field a technician had to compute by hand before). Each
run is its own process, so that peak memory (max RSS) is its own:
  - t2restore: prepare_land_cover through Processing with POLYGONS, CLASS_FIELD=CobVeg2013, PRESET=minam_cobertura,
    REFERENCE (name lookup, burning, recoding to the 7 UNCCD classes, styling); again with ``--small`` polygons, to
    show that memory does not grow with the number of polygons;
  - gdal_rasterize: ``-a code`` onto the same grid (burning only, no recoding), the baseline.
The UNCCD classes written by t2restore are compared pixel by pixel with the preset's nesting of gdal_rasterize's
codes. Results go to bench/results/class_polygons.json.
"""

import argparse
import json
import math
import os
import random
import shutil
import sys
from pathlib import Path

from _common import HERE, PY, measure, package_parent, run_timed, say, start_plugin, work_folder, write_results

X0, Y0, PIXEL = 200000.0, 9000000.0, 30.0


def generate(folder, polygons, vertices, side, seed=1):
    """``cobveg.gpkg`` (rings on a square lattice, random unit names) and ``ref.tif`` in ``folder``, unless there."""
    from osgeo import gdal, ogr, osr

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms import legends

    folder.mkdir(parents=True, exist_ok=True)
    layer_path, ref_path = folder / "cobveg.gpkg", folder / "ref.tif"
    if layer_path.exists() and ref_path.exists():
        return str(layer_path), str(ref_path)
    say(f"writing {polygons} polygons of {vertices} vertices in {folder} ...")
    units = sorted(legends.load_preset("minam_cobertura").names().items())
    rng = random.Random(seed)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(layer_path))
    layer = ds.CreateLayer("cobveg", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("CobVeg2013", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTInteger))
    cells = math.ceil(math.sqrt(polygons))
    size = side * PIXEL / cells
    layer.StartTransaction()
    for k in range(polygons):
        cx, cy = X0 + (k % cells + 0.5) * size, Y0 - (k // cells + 0.5) * size
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for v in range(vertices):
            angle, radius = 2 * math.pi * v / vertices, size * (0.45 + 0.1 * rng.random())
            ring.AddPoint_2D(cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        ring.CloseRings()
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        code, name = rng.choice(units)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("CobVeg2013", name)
        feature.SetField("code", code)
        feature.SetGeometry(ogr.ForceToMultiPolygon(polygon))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    ref = gdal.GetDriverByName("GTiff").Create(str(ref_path), side, side, 1, gdal.GDT_Byte,
                                               ["TILED=YES", "COMPRESS=ZSTD", "SPARSE_OK=TRUE"])
    ref.SetGeoTransform((X0, PIXEL, 0.0, Y0, 0.0, -PIXEL))
    ref.SetProjection(srs.ExportToWkt())
    ref = None
    return str(layer_path), str(ref_path)


def child_t2restore(layer, ref, out):
    alive = start_plugin()  # noqa: F841 - keeps QGIS and the plugin alive
    _results, seconds = run_timed("t2restore:prepare_land_cover", {
        "POLYGONS": layer, "CLASS_FIELD": "CobVeg2013", "PRESET": "minam_cobertura", "REFERENCE": ref, "OUTPUT": out})
    return {"seconds": seconds}


def run_t2restore(layer, ref, out):
    for stale in (out, os.path.splitext(out)[0] + ".qml"):
        if os.path.exists(stale):
            os.remove(stale)
    run = measure([PY, str(Path(__file__).resolve()), "--child", layer, ref, out], label="t2restore")
    return {"seconds": round(run.child_json()["seconds"], 2), "process_seconds": round(run.wall, 2),
            "peak_mb": round(run.peak_mb, 1)}


def run_gdal_rasterize(layer, side, out):
    if os.path.exists(out):
        os.remove(out)
    tool = shutil.which("gdal_rasterize")
    if tool is None:
        raise RuntimeError("gdal_rasterize not found: apt-get install gdal-bin")
    extent = [str(X0), str(Y0 - side * PIXEL), str(X0 + side * PIXEL), str(Y0)]
    run = measure([tool, "-q", "-a", "code", "-a_nodata", "0", "-init", "0", "-ot", "Int32", "-tr", str(PIXEL),
                   str(PIXEL), "-te", *extent, "-co", "TILED=YES", "-co", "COMPRESS=ZSTD", layer, out],
                  label="gdal_rasterize")
    return {"seconds": round(run.seconds, 2), "peak_mb": round(run.peak_mb, 1)}


def differing(classes_path, codes_path):
    """Pixels where t2restore's UNCCD class is not the preset's nesting of gdal_rasterize's code (0 stays 0)."""
    import numpy as np
    from osgeo import gdal

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms import legends

    parent_of = legends.load_preset("minam_cobertura").parent_of
    table = np.zeros(max(parent_of) + 1, np.int64)
    for code, unccd in parent_of.items():
        table[code] = unccd
    da, db = gdal.Open(classes_path), gdal.Open(codes_path)  # kept: a band does not keep its dataset alive
    a, b = da.GetRasterBand(1), db.GetRasterBand(1)
    diff = 0
    for y in range(0, a.YSize, 1024):
        h = min(1024, a.YSize - y)
        diff += int((a.ReadAsArray(0, y, a.XSize, h) != table[b.ReadAsArray(0, y, a.XSize, h)]).sum())
    return diff


def main():
    if "--child" in sys.argv:
        layer, ref, out = sys.argv[sys.argv.index("--child") + 1:][:3]
        print(json.dumps(child_t2restore(layer, ref, out)), flush=True)
        os._exit(0)  # skip QGIS's slow exit in a throw-away process
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--polygons", type=int, default=105354)
    parser.add_argument("--vertices", type=int, default=150)
    parser.add_argument("--side", type=int, default=10000, help="grid side in 30 m pixels")
    parser.add_argument("--small", type=int, default=100, help="polygons of the small run (memory check)")
    parser.add_argument("--work", default=str(HERE / "data"))
    args = parser.parse_args()
    work = work_folder(args.work)
    runs = {}
    for n in (args.polygons, args.small):
        folder = work / f"class_polygons_{n}_{args.vertices}_{args.side}"
        layer, ref = generate(folder, n, args.vertices, args.side)
        out = str(folder / "out_t2restore.tif")
        runs[n] = {"t2restore": run_t2restore(layer, ref, out)}
        if n == args.polygons:
            runs[n]["gdal_rasterize"] = run_gdal_rasterize(layer, args.side, str(folder / "out_gdal_rasterize.tif"))
            runs[n]["pixels_differing"] = differing(out, str(folder / "out_gdal_rasterize.tif"))
        say(f"{n} polygons: {runs[n]}")
    big = runs[args.polygons]
    results = {
        "machine": {"cpus": os.cpu_count()},
        "grid": f"{args.side} x {args.side} pixels of 30 m", "vertices_per_polygon": args.vertices,
        "runs": {str(n): r for n, r in runs.items()},
        "ratio_vs_gdal_rasterize": round(big["t2restore"]["seconds"] / big["gdal_rasterize"]["seconds"], 2),
        "peak_mb_growth": round(big["t2restore"]["peak_mb"] - runs[args.small]["t2restore"]["peak_mb"], 1),
    }
    write_results("class_polygons", results)


if __name__ == "__main__":
    main()
