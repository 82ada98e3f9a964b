#!/usr/bin/env python3
"""Benchmark t2restore:restoration_outcomes (issue 14): 10,000 areas on a 100 Mpx x 20-year series.

    /usr/bin/python3 bench/bench_outcomes.py [--size 10000] [--areas 10000] [--years 20] [--work DIR]

``--size`` is the side in pixels (10000: 100 Mpx; T2_BENCH_SIZE sets the default, e.g. 2000 while
developing) and ``--areas`` the number of restoration areas (square, 10 x 10 pixels, one per cell of
a regular lattice, start years 2008..2014, a third with a planted gain of 0.15, a third a loss, a
third none). The series (int16 NDVI x 10000, nodata -32768, a regional trend and yearly shocks
shared by every pixel, independent pixel noise) is written once, window by window. Then, each in its
own process so that peak memory (max RSS) is its own:
  - t2restore: the algorithms layer's ``restoration_outcomes`` (what the Processing algorithm calls);
  - io_floor: reading every band of the series window by window and nothing else (the baseline).
Also reported: the share of areas whose class is the planted one. Results: bench/results/outcomes.json.
"""

import argparse
import json
import os
import sys

from _common import PY, measure, package_parent, say, work_folder, write_results

FIRST_YEAR = 2005
ND = -32768
AREA_PX = 10


def lattice(size, areas):
    """(column, row, start year, planted effect) of each area on a regular lattice."""
    per_side = max(1, int(round(areas ** 0.5)))
    step = size // per_side
    out = []
    for i in range(per_side * per_side):
        col = (i % per_side) * step + step // 2 - AREA_PX // 2
        row = (i // per_side) * step + step // 2 - AREA_PX // 2
        out.append((col, row, 2008 + i % 7, (0.15, -0.15, 0.0)[i % 3]))
    return out


def write_inputs(folder, size, areas, years):
    """series.tif and areas.gpkg (fields key, start, planted), unless already there."""
    import numpy as np
    from osgeo import gdal, ogr, osr

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    paths = {"series": str(folder / "series.tif"), "areas": str(folder / "areas.gpkg")}
    if all(os.path.exists(p) for p in paths.values()):
        return paths
    say(f"writing a {size} x {size} x {years} series and {areas} areas in {folder} ...")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    gt = (400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0)
    ds = gdal.GetDriverByName("GTiff").Create(paths["series"], size, size, years, gdal.GDT_Int16,
                                              creation_options("int16") + ["BIGTIFF=YES"])
    ds.SetGeoTransform(gt)
    ds.SetProjection(srs.ExportToWkt())
    rng = np.random.default_rng(14)
    shocks = 0.01 * np.arange(years) + rng.normal(0, 0.05, years)
    spots = lattice(size, areas)
    for y in range(0, size, 512):
        rows = min(512, size - y)
        rr, cc = np.mgrid[y:y + rows, 0:size]
        base = 0.45 + 0.1 * np.sin(rr / 170.0) * np.cos(cc / 230.0)
        effect = np.zeros((years, rows, size), np.float32)
        for col, row, start, planted in spots:
            if planted and row + AREA_PX > y and row < y + rows:
                r0, r1 = max(row - y, 0), min(row + AREA_PX - y, rows)
                after = (FIRST_YEAR + np.arange(years)) >= start + 1
                effect[:, r0:r1, col:col + AREA_PX] += np.where(after, planted, 0.0)[:, None, None]
        for t in range(years):
            values = base + shocks[t] + effect[t] + rng.normal(0, 0.02, (rows, size))
            ds.GetRasterBand(t + 1).WriteArray(np.round(values * 10000).astype(np.int16), 0, y)
    for t in range(years):
        ds.GetRasterBand(t + 1).SetNoDataValue(ND)
        ds.GetRasterBand(t + 1).SetDescription(str(FIRST_YEAR + t))
    ds = None
    vec = ogr.GetDriverByName("GPKG").CreateDataSource(paths["areas"])
    layer = vec.CreateLayer("areas", srs, ogr.wkbPolygon)
    for name, kind in (("key", ogr.OFTString), ("start", ogr.OFTInteger), ("planted", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for n, (col, row, start, planted) in enumerate(spots):
        x0, y0 = gt[0] + col * 30.0, gt[3] - row * 30.0
        x1, y1 = x0 + AREA_PX * 30.0, y0 - AREA_PX * 30.0
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("key", f"a{n}")
        feat.SetField("start", start)
        feat.SetField("planted", planted)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    vec = None
    return paths


RUN = """
import json, sys, tempfile
sys.path.insert(0, sys.argv[1])
from osgeo import ogr
from t2restore.algorithms import outcomes
src = ogr.Open(sys.argv[3])
specs, planted = [], []
for f in src.GetLayer(0):
    specs.append(outcomes.AreaSpec(f.GetField("key"), f.GetField("start"), [f.GetGeometryRef().Clone()]))
    planted.append(f.GetField("planted"))
years = outcomes.series_years(sys.argv[2])
rules = outcomes.load_preset()
with tempfile.TemporaryDirectory(dir=sys.argv[4]) as work:
    rows = outcomes.restoration_outcomes(specs, outcomes.SeriesInputs(sys.argv[2], years), [], 900.0, rules, work)
want = {0.15: "recovering", -0.15: "declining", 0.0: "no_change"}
right = sum(r.outcome == want[p] for r, p in zip(rows, planted))
counts = {}
for r in rows:
    counts[r.outcome] = counts.get(r.outcome, 0) + 1
print(json.dumps({"areas": len(rows), "right": right, "classes": counts}))
"""

FLOOR = """
import sys
from osgeo import gdal
ds = gdal.Open(sys.argv[1])
for y in range(0, ds.RasterYSize, 512):
    for x in range(0, ds.RasterXSize, 512):
        w, h = min(512, ds.RasterXSize - x), min(512, ds.RasterYSize - y)
        ds.ReadAsArray(x, y, w, h)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=int(os.environ.get("T2_BENCH_SIZE", "10000")),
                        help="side in pixels (10000 = 100 Mpx)")
    parser.add_argument("--areas", type=int, default=10000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--work", default=str(package_parent().parent / "data" / "outcomes"))
    args = parser.parse_args()
    work = work_folder(args.work) / f"size_{args.size}_{args.areas}_{args.years}"
    work.mkdir(exist_ok=True)
    paths = write_inputs(work, args.size, args.areas, args.years)
    t2 = measure([PY, "-c", RUN, str(package_parent()), paths["series"], paths["areas"], str(work)], "t2restore")
    floor = measure([PY, "-c", FLOOR, paths["series"]], "io_floor")
    found = t2.child_json()
    for name, run in (("t2restore", t2), ("io_floor", floor)):
        say(f"{name:10s} {args.size}^2 x {args.years} years, {args.areas} areas: {run.wall:8.1f} s, "
            f"peak {run.peak_mb:7.1f} MB")
    say(f"classes {json.dumps(found.get('classes'))}; planted class found for {found.get('right')} of "
        f"{found.get('areas')} areas")
    results = {"machine": {"cpus": os.cpu_count()}, "pixels": args.size * args.size, "years": args.years,
               "areas": found.get("areas"), "seconds": {"t2restore": round(t2.wall, 1),
                                                        "io_floor": round(floor.wall, 1)},
               "peak_mb": {"t2restore": round(t2.peak_mb, 1), "io_floor": round(floor.peak_mb, 1)},
               "ratio_vs_io_floor": round(t2.wall / floor.wall, 2), "search_radius_m": 900.0,
               "planted_class_found": found.get("right"),
               "classes": found.get("classes")}
    write_results("outcomes", results)


if __name__ == "__main__":
    main()
