#!/usr/bin/env python3
"""Benchmark t2restore:productivity_dynamics: throughput, peak memory at two sizes, and GRASS r.series slope.

    /usr/bin/python3 bench/bench_productivity.py [--size 5000] [--years 20] [--memory-sizes 2500,5000]
                                                 [--repeat 1] [--no-check] [--work DIR]

A 20-year NDVI x 10000 series (int16, one band per year, nodata -32768, UTM 18S, 30 m) is generated block by
block (smooth vegetation field, patches of decline and recovery, a regional climate anomaly per year,
per-pixel noise and about 2 % missing values as clouds), once per size. Then, each in its own process
(bench/_measure.py: wall time and peak RSS):
  - t2restore: the algorithms layer's productivity_dynamics (both passes: metrics and unit histograms, then
    the classes), GeoTIFF in and out;
  - GRASS (Debian's grass-core): r.series method=slope over the 20 imported maps, the per-pixel slope alone
    (timed alone; the import with r.in.gdal is reported apart).
Unless --no-check, an untimed run with OUTPUT_METRICS compares the slope band with GRASS's (GRASS regresses
on the map index, i.e. per year; t2restore reports NDVI per year, so GRASS's slope / 10000). Results go to
bench/results/productivity.json.
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

ND = -32768


def generate_series(path, size, years, seed=15):
    """The synthetic NDVI x 10000 series, 256 rows at a time (memory bounded whatever the size)."""
    if os.path.exists(path):
        return path
    rng = np.random.default_rng(seed)
    base_lat = [rng.random((size // c + 3, size // c + 3)) for c in (500, 60)]
    trend_lat = rng.random((size // 150 + 3, size // 150 + 3))
    anomaly = rng.normal(0, 0.015, years)  # a regional climate signal per year (El Niño years ...)
    tmp = path + ".part.tif"
    ds = gdal.GetDriverByName("GTiff").Create(tmp, size, size, years, gdal.GDT_Int16, [
        "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "INTERLEAVE=BAND",
        "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform((400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds.SetProjection(srs.ExportToWkt())
    for b in range(years):
        ds.GetRasterBand(b + 1).SetNoDataValue(ND)
    t = np.arange(years)[:, None, None]
    for row0 in range(0, size, 256):
        n = min(256, size - row0)
        local = np.random.default_rng([seed, row0])
        base = 0.2 + 0.65 * (0.7 * noise_rows(base_lat[0], 500, row0, n, size)
                             + 0.3 * noise_rows(base_lat[1], 60, row0, n, size))
        tr = noise_rows(trend_lat, 150, row0, n, size)
        trend = np.where(tr < 0.25, -0.012, np.where(tr > 0.8, 0.006, 0.0))  # NDVI per year: decline, recovery
        ndvi = base[None] + trend[None] * t + anomaly[:, None, None] + local.normal(0, 0.025, (years, n, size))
        raw = np.clip(np.rint(ndvi * 10000), -2000, 10000).astype(np.int16)
        raw[local.random(raw.shape) < 0.02] = ND
        for b in range(years):
            ds.GetRasterBand(b + 1).WriteArray(raw[b], 0, row0)
    ds = None
    os.replace(tmp, path)
    return path


def run_t2restore(ndvi, out, metrics=None):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from t2restore.algorithms import productivity as p; "
            "r = p.productivity_dynamics(sys.argv[2], sys.argv[3], metrics_output=sys.argv[4] or None); "
            "print('too_few_years', r['too_few_years'])")
    run = measure([PY, "-c", code, str(package_parent()), ndvi, out, metrics or ""])
    return run.seconds, run.peak_mb


def grass_worker(args):
    """Runs inside ``grass --tmp-location``: import the bands, time r.series method=slope, export."""
    import grass.script as gs

    t0 = time.perf_counter()
    gs.run_command("r.in.gdal", input=args.ndvi, output="ndvi", quiet=True)
    maps = sorted(gs.list_strings("raster", pattern="ndvi.*"), key=lambda m: int(m.split("@")[0].split(".")[-1]))
    gs.run_command("g.region", raster=maps[0], quiet=True)
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    gs.run_command("r.series", input=maps, output="slope", method="slope", quiet=True)
    t_series = time.perf_counter() - t0
    if args.out:
        gs.run_command("r.out.gdal", input="slope", output=args.out, type="Float64", flags="c", quiet=True,
                       createopt="TILED=YES,COMPRESS=DEFLATE")
    print(json.dumps({"import": t_import, "series": t_series, "maps": len(maps)}))


def run_grass(ndvi, out=None):
    return run_grass_worker(__file__, ndvi, ["--ndvi", ndvi] + (["--out", out] if out else []))


def compare_slopes(metrics, grass_slope):
    """Largest difference between t2restore's slope (NDVI/year) and GRASS's (raw/year / 10000)."""
    a_ds, b_ds = gdal.Open(metrics), gdal.Open(grass_slope)
    a_band, b_band = a_ds.GetRasterBand(1), b_ds.GetRasterBand(1)
    worst, compared, only_one = 0.0, 0, 0
    nd = b_band.GetNoDataValue()
    for y0 in range(0, a_ds.RasterYSize, 512):
        n = min(512, a_ds.RasterYSize - y0)
        a = a_band.ReadAsArray(0, y0, a_ds.RasterXSize, n).astype(np.float64)
        raw = b_band.ReadAsArray(0, y0, a_ds.RasterXSize, n)
        b = raw / 10000.0
        ok_a = a != -9999.0
        ok_b = np.isfinite(raw) if nd is None or np.isnan(nd) else np.isfinite(raw) & (raw != nd)
        both = ok_a & ok_b
        compared += int(both.sum())
        only_one += int((ok_a & ~ok_b).sum())
        if both.any():
            worst = max(worst, float(np.abs(a[both] - b[both]).max()))
    return {"pixels_compared": compared, "max_abs_difference_ndvi_per_year": worst,
            "t2restore_valid_grass_null": only_one}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="side in pixels (5000: 25 million pixels per year)")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--memory-sizes", default="2500,5000", help="sides for the peak-memory check")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-check", action="store_true", help="skip the slope comparison with GRASS")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--grass-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ndvi", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.grass_worker:
        grass_worker(args)
        return
    work = work_folder(args.work)

    def series(size):
        t = time.perf_counter()
        path = generate_series(str(work / f"ndvi_{args.years}y_{size}.tif"), size, args.years)
        say(f"NDVI series {size}^2 x {args.years} ready ({time.perf_counter() - t:.1f} s)")
        return path

    pixels = args.size ** 2
    results = {"machine": {"cpus": os.cpu_count()}, "size": args.size, "years": args.years, "pixels": pixels}
    ndvi = series(args.size)
    tmp = Path(tempfile.mkdtemp(prefix="t2lpd-", dir=work))
    try:
        best_t2 = best_grass = None
        for _ in range(args.repeat):
            seconds, rss = run_t2restore(ndvi, str(tmp / "lpd.tif"))
            best_t2 = (seconds, rss) if best_t2 is None or seconds < best_t2[0] else best_t2
            g = run_grass(ndvi)
            best_grass = g if best_grass is None or g["series"] < best_grass["series"] else best_grass
            say(f"t2restore {seconds:.2f} s (peak {rss:.0f} MB); GRASS r.series slope {g['series']:.2f} s "
                f"(import {g['import']:.2f} s)")
        results["time"] = {
            "t2restore_seconds": round(best_t2[0], 2), "t2restore_peak_mb": round(best_t2[1], 1),
            "t2restore_mpx_per_s": round(pixels / best_t2[0] / 1e6, 3),
            "t2restore_million_values_per_s": round(pixels * args.years / best_t2[0] / 1e6, 2),
            "grass_series_slope_seconds": round(best_grass["series"], 2),
            "grass_import_seconds": round(best_grass["import"], 2),
            "ratio_vs_grass_slope": round(best_t2[0] / best_grass["series"], 3),
        }
        if not args.no_check:
            run_t2restore(ndvi, str(tmp / "lpd_m.tif"), str(tmp / "metrics.tif"))
            run_grass(ndvi, str(tmp / "grass_slope.tif"))
            results["slope_check"] = compare_slopes(str(tmp / "metrics.tif"), str(tmp / "grass_slope.tif"))
            say(f"slope check {results['slope_check']}")
        results["memory"] = {}
        for size in [int(s) for s in args.memory_sizes.split(",") if s]:
            path = series(size)
            seconds, rss = run_t2restore(path, str(tmp / f"lpd_{size}.tif"))
            results["memory"][str(size * size)] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1),
                                                   "mpx_per_s": round(size * size / seconds / 1e6, 3)}
            say(f"memory {size}^2 x {args.years}: {seconds:.2f} s, peak {rss:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["notes"] = (
        "t2restore: both passes (trajectory with Mann-Kendall, state, per-unit histograms; then performance and "
        "classes), GeoTIFF in and out, in its own process. GRASS: r.series method=slope alone on imported maps "
        "(import apart), the per-pixel slope only. Peak memory is the child's max RSS."
    )
    write_results("productivity", results)


if __name__ == "__main__":
    main()
