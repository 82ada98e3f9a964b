#!/usr/bin/env python3
"""Benchmark t2restore:forest_fragmentation against GRASS GIS computing the same classes as r.forestfrag.

    /usr/bin/python3 bench/bench_fragmentation.py [--size 5000] [--windows 3,7] [--memory-sizes 5000,10000]
                                                  [--repeat 2] [--work DIR]

A clustered forest mask (size x size pixels, UTM 18S, 30 m) is generated block by block with numpy
(value noise at three scales, thresholded, plus small clearings), once per size. Then, for each window:
  - t2restore: the algorithms layer's forest_fragmentation (what the Processing algorithm calls), in its
    own process (bench/_measure.py: wall time and peak RSS), reading and writing GeoTIFF;
  - GRASS (Debian's grass-core): the steps of the r.forestfrag addon, in a temporary location: r.neighbors
    (sum and count) for Pf, r.mapcalc over the pairs of the window for Pff (as the addon does), r.mapcalc for
    the classes. Only these steps are timed (the import, r.in.gdal, and the export are reported apart).
The two class rasters are compared pixel by pixel and the differing pixels are explained: GRASS reads
outside the region as NULL in r.mapcalc neighbourhoods, so Pff is NULL within (w - 1) / 2 pixels of the edge
and the addon gives 0 there to forest pixels that are not patch, transitional or interior; and the addon uses
Pf > 0.6 (not >= 0.6) for perforated and undetermined. Results go to bench/results/fragmentation.json.
"""

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import HERE, PY, measure, noise_rows, package_parent, run_grass_worker, say, work_folder, write_results
from osgeo import gdal, osr

GT_PIXEL = 30.0
ORIGIN = (400000.0, 8960000.0)


# -- synthetic forest mask --------------------------------------------------------------------------------


def generate_mask(path, size, seed=2024):
    """A realistic clustered forest mask (1 forest, 0 non-forest), written 512 rows at a time."""
    if os.path.exists(path):
        return path
    rng = np.random.default_rng(seed)
    octaves = [(400, 0.55), (100, 0.3), (25, 0.15)]
    lattices = [rng.random((size // cell + 3, size // cell + 3)) for cell, _w in octaves]
    tmp = path + ".part.tif"
    ds = gdal.GetDriverByName("GTiff").Create(tmp, size, size, 1, gdal.GDT_Byte, [
        "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform((ORIGIN[0], GT_PIXEL, 0.0, ORIGIN[1], 0.0, -GT_PIXEL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(255)
    for row0 in range(0, size, 512):
        nrows = min(512, size - row0)
        field = sum(w * noise_rows(lat, cell, row0, nrows, size) for (cell, w), lat in zip(octaves, lattices))
        local = np.random.default_rng([seed, row0])
        field += local.normal(0, 0.04, field.shape)
        forest = field > 0.45
        forest &= local.random(field.shape) > 0.01  # scattered single-pixel clearings (perforations)
        band.WriteArray(forest.astype(np.uint8), 0, row0)
    band = None
    ds = None
    os.replace(tmp, path)
    return path


# -- the two implementations ------------------------------------------------------------------------------


def run_t2restore(mask, out, window, pf_out=None):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from t2restore.algorithms import fragmentation as f; "
            "f.forest_fragmentation(sys.argv[2], sys.argv[3], window=int(sys.argv[4]), "
            "pf_output=sys.argv[5] or None)")
    run = measure([PY, "-c", code, str(package_parent()), mask, out, str(window), pf_out or ""])
    return run.seconds, run.peak_mb


def _pairs_expression(name, s, op):
    """The r.forestfrag addon's expression: every cardinal pair of the window combined with ``op``, summed."""
    terms = []
    for j in range(-s, s + 1):
        for i in range(-s, s):
            terms.append(f"({name}[{i},{j}] {op} {name}[{i + 1},{j}])")
    for i in range(-s, s + 1):
        for j in range(-s, s):
            terms.append(f"({name}[{i},{j}] {op} {name}[{i},{j + 1}])")
    return " + ".join(terms)


def grass_worker(args):
    """Runs inside ``grass --tmp-location``: import, the r.forestfrag steps (timed), export."""
    import grass.script as gs

    mask, out, window = args.mask, args.out, args.window
    t0 = time.perf_counter()
    gs.run_command("r.in.gdal", input=mask, output="mask", quiet=True)
    gs.run_command("g.region", raster="mask", quiet=True)
    t_import = time.perf_counter() - t0
    s = (window - 1) // 2
    t0 = time.perf_counter()
    gs.run_command("r.neighbors", input="mask", output=["fsum", "fcount"], method=["sum", "count"], size=window,
                   quiet=True)
    gs.mapcalc("pf = if(mask >= 0, float(fsum) / float(fcount))", quiet=True)
    gs.run_command("g.copy", raster=["mask", "mask0"], quiet=True)
    gs.run_command("r.null", map="mask0", null=0, quiet=True)
    ff = _pairs_expression("mask0", s, "&")
    anyf = _pairs_expression("mask0", s, "|")
    gs.mapcalc(f"pff = if(mask >= 0, float({ff}) / float({anyf}))", quiet=True)
    gs.mapcalc(
        "eval(dpf = pf - pff,"
        "patch = if(pf < 0.4, 1, 0),"
        "transitional = if(pf >= 0.4 && pf < 0.6, 2, 0),"
        "edge = if(pf >= 0.6 && dpf < 0, 3, 0),"
        "perforated = if(pf > 0.6 && pf < 1 && dpf > 0, 4, 0),"
        "interior = if(pf == 1, 5, 0),"
        "undetermined = if(pf > 0.6 && pf < 1 && dpf == 0, 6, 0),"
        "patch = if(isnull(patch), 0, patch),"
        "transitional = if(isnull(transitional), 0, transitional),"
        "edge = if(isnull(edge), 0, edge),"
        "perforated = if(isnull(perforated), 0, perforated),"
        "interior = if(isnull(interior), 0, interior),"
        "undetermined = if(isnull(undetermined), 0, undetermined),"
        "all = patch + transitional + edge + perforated + interior + undetermined)\n"
        "classes = all * mask", quiet=True)
    t_compute = time.perf_counter() - t0
    t0 = time.perf_counter()
    gs.run_command("r.out.gdal", input="classes", output=out, type="Byte", nodata=255, flags="c",
                   createopt="TILED=YES,COMPRESS=DEFLATE", quiet=True)
    t_export = time.perf_counter() - t0
    print(json.dumps({"import": t_import, "compute": t_compute, "export": t_export}))


def run_grass(mask, out, window):
    return run_grass_worker(__file__, mask, ["--mask", mask, "--out", out, "--window", str(window)])


def compare(ours, grass, pf_path, window):
    """Differing pixels, split by reason: raster border (GRASS Pff NULL), Pf exactly 0.6, other."""
    a_ds, b_ds, pf_ds = gdal.Open(ours), gdal.Open(grass), gdal.Open(pf_path)
    a_band, b_band, pf_band = a_ds.GetRasterBand(1), b_ds.GetRasterBand(1), pf_ds.GetRasterBand(1)
    xs, ys = a_ds.RasterXSize, a_ds.RasterYSize
    h = (window - 1) // 2
    out = {"differing": 0, "border": 0, "pf_exactly_0.6": 0, "other": 0, "pairs": {}}
    cols = np.arange(xs)
    for y0 in range(0, ys, 1024):
        n = min(1024, ys - y0)
        a = a_band.ReadAsArray(0, y0, xs, n)
        b = b_band.ReadAsArray(0, y0, xs, n)
        pf = pf_band.ReadAsArray(0, y0, xs, n)
        diff = a != b
        if not diff.any():
            continue
        rows = np.arange(y0, y0 + n)[:, None]
        border = (rows < h) | (rows >= ys - h) | (cols[None, :] < h) | (cols[None, :] >= xs - h)
        at06 = np.abs(pf.astype(np.float64) - 0.6) < 1e-6
        out["differing"] += int(diff.sum())
        out["border"] += int((diff & border).sum())
        out["pf_exactly_0.6"] += int((diff & ~border & at06).sum())
        out["other"] += int((diff & ~border & ~at06).sum())
        pairs, counts = np.unique(np.stack([a[diff], b[diff]]), axis=1, return_counts=True)
        for (p, q), c in zip(pairs.T.tolist(), counts.tolist()):
            key = f"t2restore {p} / GRASS {q}"
            out["pairs"][key] = out["pairs"].get(key, 0) + c
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="side in pixels of the compared mask")
    parser.add_argument("--windows", default="3,7")
    parser.add_argument("--memory-sizes", default="5000,10000", help="sides for the peak-memory check")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--grass-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mask", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--window", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.grass_worker:
        grass_worker(args)
        return
    work = work_folder(args.work)
    results = {"machine": {"cpus": os.cpu_count()}, "size": args.size, "pixels": args.size ** 2, "windows": {},
               "memory": {}}
    t = time.perf_counter()
    mask = generate_mask(str(work / f"forest_mask_{args.size}.tif"), args.size)
    say(f"mask {args.size}^2 ready ({time.perf_counter() - t:.1f} s)")
    tmp = Path(tempfile.mkdtemp(prefix="t2frag-", dir=work))
    try:
        for window in [int(w) for w in args.windows.split(",") if w]:
            ours = str(tmp / f"t2_{window}.tif")
            pf = str(tmp / f"pf_{window}.tif")
            best_t2 = best_grass = None
            for _ in range(args.repeat):
                seconds, rss = run_t2restore(mask, ours, window)
                if best_t2 is None or seconds < best_t2[0]:
                    best_t2 = (seconds, rss)
                g = run_grass(mask, str(tmp / f"grass_{window}.tif"), window)
                if best_grass is None or g["compute"] < best_grass["compute"]:
                    best_grass = g
                say(f"w={window}: t2restore {seconds:.2f} s (peak {rss:.0f} MB); GRASS compute "
                    f"{g['compute']:.2f} s (import {g['import']:.2f} s, export {g['export']:.2f} s)")
            run_t2restore(mask, ours, window, pf_out=pf)  # Pf, untimed, to explain differences
            diff = compare(ours, str(tmp / f"grass_{window}.tif"), pf, window)
            results["windows"][str(window)] = {
                "t2restore_seconds": round(best_t2[0], 3), "t2restore_peak_mb": round(best_t2[1], 1),
                "grass_compute_seconds": round(best_grass["compute"], 3),
                "grass_import_seconds": round(best_grass["import"], 3),
                "grass_export_seconds": round(best_grass["export"], 3),
                "ratio_vs_grass": round(best_t2[0] / best_grass["compute"], 4),
                "t2restore_mpx_per_s": round(args.size ** 2 / best_t2[0] / 1e6, 2),
                "pixels_differing": diff,
            }
            say(f"w={window}: ratio {best_t2[0] / best_grass['compute']:.3f}; differing pixels "
                f"{diff['differing']} (border {diff['border']}, Pf = 0.6 {diff['pf_exactly_0.6']}, "
                f"other {diff['other']})")
        for size in [int(s) for s in args.memory_sizes.split(",") if s]:
            m = generate_mask(str(work / f"forest_mask_{size}.tif"), size)
            seconds, rss = run_t2restore(m, str(tmp / f"mem_{size}.tif"), 7)
            results["memory"][str(size * size)] = {"window": 7, "seconds": round(seconds, 2), "peak_mb": round(rss, 1),
                                                   "mpx_per_s": round(size * size / seconds / 1e6, 2)}
            say(f"memory {size}^2, w=7: {seconds:.2f} s, peak {rss:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["notes"] = (
        "GRASS time = r.neighbors + r.mapcalc steps of r.forestfrag on imported maps (import/export apart); "
        "t2restore time = whole run from GeoTIFF to GeoTIFF in its own process. Differences: 'border' pixels lie "
        "within (w-1)/2 of the raster edge, where r.mapcalc reads NULL outside the region so the addon's Pff is "
        "NULL and its edge/perforated/undetermined classes become 0; 'pf_exactly_0.6' pixels meet the addon's "
        "Pf > 0.6 rule for perforated/undetermined (t2restore: Pf >= 0.6, METHODS.md)."
    )
    write_results("fragmentation", results)


if __name__ == "__main__":
    main()
