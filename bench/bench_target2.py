#!/usr/bin/env python3
"""Benchmark the Target 2 count on a degraded raster: exact pixel shares against pixel centres.

    /usr/bin/python3 bench/bench_target2.py [--size 4000] [--areas 300] [--pattern noise|checker] [--work DIR]

A 30 m degraded raster in UTM 18S (``--size`` square; ``noise``: degraded patches from value noise, as
degradation maps look; ``checker``: a 1-pixel checkerboard, the worst case for the edge pixels) and
``--areas`` round restoration areas of 1 to 700 ha (some overlapping). Each in its own process
(bench/_measure.py: wall time and peak RSS):
  - t2restore: ``algorithms.target2.target2_raster`` (what t2restore:target2_indicator runs), every
    pixel counted with the exact share of it the dissolved areas cover;
  - baseline: the pixel-centre count (gdal.RasterizeLayer of the areas, then one numpy pass over the
    blocks summing the cell areas; what the plugin did before issue 18 item 3; no output polygons).
Both totals are compared with the ellipsoidal area of the dissolved areas (the truth): the baseline's
error is the one the exact count removes. Results go to bench/results/target2.json.
"""

import argparse
import sys

from _common import HERE, PY, measure, package_parent, say, work_folder, write_results

RUN = """
import json, math, sys
sys.path.insert(0, sys.argv[1])
import numpy as np
from osgeo import gdal, ogr, osr
from t2restore.algorithms import overlap, target2
from t2restore.algorithms.areas import CellAreas
from t2restore.algorithms.blocks import Grid, windows
mode, raster, n, work = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
ds = gdal.Open(raster)
grid = Grid.of(ds)
gt = grid.geotransform
rng = np.random.default_rng(2)
polys = []
for _ in range(n):
    r = math.sqrt(rng.uniform(1, 700) * 1e4 / math.pi)
    cx = gt[0] + rng.uniform(r, grid.xsize * gt[1] - r)
    cy = gt[3] - rng.uniform(r, grid.ysize * gt[1] - r)
    ring = ", ".join(f"{cx + r * math.cos(a)} {cy + r * math.sin(a)}" for a in np.linspace(0, 2 * math.pi, 61)[:-1])
    polys.append(ogr.CreateGeometryFromWkt(f"POLYGON(({ring}, {cx + r} {cy}))"))
truth = float(overlap.AreaCalculator(grid.srs())(overlap.dissolve(polys)).sum())
if mode == "t2restore":
    result, _grid = target2.target2_raster(raster, [-1], polys, work)
    inside, outside = result.rows[0][3], result.rows[0][4]
else:
    mem = gdal.GetDriverByName("GTiff").Create(work + "/centres.tif", grid.xsize, grid.ysize, 1, gdal.GDT_Byte,
                                               ["TILED=YES", "COMPRESS=DEFLATE"])
    mem.SetGeoTransform(gt)
    mem.SetProjection(grid.crs_wkt)
    src = ogr.GetDriverByName("Memory").CreateDataSource("r")
    layer = src.CreateLayer("r", srs=grid.srs())
    for p in polys:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(p)
        layer.CreateFeature(f)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1])
    cells = CellAreas(grid)
    inside = outside = 0.0
    for xoff, yoff, xs, ys in windows(grid, 1024):
        deg = ds.GetRasterBand(1).ReadAsArray(xoff, yoff, xs, ys) == -1
        rest = mem.GetRasterBand(1).ReadAsArray(xoff, yoff, xs, ys) == 1
        ha = cells.block(xoff, yoff, xs, ys)
        inside += float(ha[rest & deg].sum())
        outside += float(ha[rest & ~deg].sum())
print(json.dumps({"inside_ha": inside, "outside_ha": outside, "truth_ha": truth,
                  "error_pct": 100.0 * (inside + outside - truth) / truth}))
"""


def degraded_raster(folder, size, pattern):
    """The degraded raster (-1 degraded, 0 not), written once per size and pattern."""
    import numpy as np
    from _common import noise_rows
    from osgeo import gdal, osr

    path = folder / f"degraded_{pattern}_{size}.tif"
    if path.exists():
        return path
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Int16,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform((300000.0, 30.0, 0.0, 9300000.0, 0.0, -30.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-32768)
    lattice = np.random.default_rng(1).random((size // 40 + 3, size // 40 + 3))
    for row in range(0, size, 512):
        rows = min(512, size - row)
        if pattern == "checker":
            r, c = np.indices((rows, size))
            block = np.where((r + row + c) % 2 == 0, -1, 0)
        else:
            block = np.where(noise_rows(lattice, 40, row, rows, size) < 0.45, -1, 0)
        band.WriteArray(block.astype(np.int16), 0, row)
    ds = None
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--areas", type=int, default=300)
    parser.add_argument("--pattern", choices=("noise", "checker"), default="noise")
    parser.add_argument("--work", default=str(HERE / "data" / "target2"))
    args = parser.parse_args()
    work = work_folder(args.work)
    raster = degraded_raster(work, args.size, args.pattern)
    results = {"size_px": args.size, "pixel_m": 30, "areas": args.areas, "pattern": args.pattern}
    for mode in ("t2restore", "pixel_centres"):
        say(f"{mode} ...")
        run = measure([PY, "-c", RUN, str(package_parent()), mode, str(raster), str(args.areas), str(work)], mode)
        figures = run.child_json()
        results[mode] = {"seconds": round(run.seconds, 2), "peak_mb": round(run.peak_mb, 1),
                         **{k: round(v, 4) for k, v in figures.items()}}
    results["time_ratio"] = round(results["t2restore"]["seconds"] / results["pixel_centres"]["seconds"], 2)
    write_results("target2", results)


if __name__ == "__main__":
    sys.exit(main())
