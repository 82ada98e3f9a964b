#!/usr/bin/env python3
"""Benchmark t2restore:ldn_status (two reporting periods and a land type) against gdal_calc.py, same run.

    /usr/bin/python3 bench/bench_ldn_status.py [--size 10000] [--work DIR] [--repeat 1]

``--size`` is the side in pixels (10000: 100 Mpx; the environment variable T2_BENCH_SIZE sets the
default, e.g. 2000 while developing). The inputs (baseline, two reporting periods coded -1/0/1 with
nodata -32768, a uint16 land type with 12 classes) are written once, window by window, with patches
of a few hundred pixels as real SDG maps have. Then, each in its own process so that peak memory
(max RSS) is its own:
  - t2restore: the algorithms layer's ldn_status (what the Processing algorithm calls): both status
    rasters, the per-class areas and the counterbalancing per land type;
  - gdal_calc.py: the 7-class status expression alone, once per reporting period (no areas, no
    table), with the same output creation options.
The status rasters of both are compared pixel by pixel. Results go to bench/results/ldn_status.json.
"""

import argparse
import os
import sys

from _common import PY, differing_pixels, measure, package_parent, say, work_folder, write_results

ND = -32768
# gdal_calc sets nodata wherever an input is nodata; the rest is the status matrix (METHODS.md 1.5)
STATUS_EXPR = "where(B==-1, where(A==-1, 1, 2), where(B==0, 4 + A, where(A==1, 7, 6)))"


def write_inputs(folder, size):
    """baseline.tif, report_1.tif, report_2.tif, land.tif of ``size`` x ``size`` pixels, written by windows."""
    import numpy as np
    from osgeo import gdal, osr

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    names = {"baseline": ("int16", gdal.GDT_Int16, ND), "report_1": ("int16", gdal.GDT_Int16, ND),
             "report_2": ("int16", gdal.GDT_Int16, ND), "land": ("uint16", gdal.GDT_UInt16, 0)}
    paths = {name: str(folder / f"{name}.tif") for name in names}
    if all(os.path.exists(p) for p in paths.values()):
        return paths
    say(f"writing the inputs at {size} x {size} pixels in {folder} ...")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    rng = np.random.default_rng(2026)
    coarse = {name: rng.integers(0, 4, (size // 256 + 2, size // 256 + 2)) for name in names}
    datasets = {}
    for name, (np_type, gdal_type, nodata) in names.items():
        ds = gdal.GetDriverByName("GTiff").Create(paths[name], size, size, 1, gdal_type, creation_options(np_type))
        ds.SetGeoTransform((-76.0, 0.00025, 0.0, -9.0, 0.0, -0.00025))  # about 28 m, in the Andes of Peru
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).SetNoDataValue(nodata)
        datasets[name] = ds
    for y in range(0, size, 1024):
        rows = min(1024, size - y)
        yy = (np.arange(y, y + rows) // 256)[:, None]
        xx = (np.arange(size) // 256)[None, :]
        noise = rng.random((rows, size))
        for name, ds in datasets.items():
            patch = coarse[name][yy, xx]
            if name == "land":
                block = (patch * 3 + (noise * 3).astype(int) + 1).astype(np.uint16)
            else:
                block = np.where(noise < 0.2, rng.integers(-1, 2, (rows, size)), patch - 1).astype(np.int16)
                block[patch == 3] = np.where(noise[patch == 3] < 0.5, 0, -1)
                block[noise > 0.995] = ND
            ds.GetRasterBand(1).WriteArray(block, 0, y)
    for ds in datasets.values():
        ds.FlushCache()
    datasets.clear()
    return paths


def run_t2restore(paths, work):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from t2restore.algorithms import ldn_status as ls; "
            "r = ls.ldn_status(ls.StatusInputs(sys.argv[2], sys.argv[3:5], land_type=sys.argv[5]), "
            "{('status', 'report_1'): sys.argv[6], ('status', 'report_2'): sys.argv[7]}); "
            "print(len(r['balance'].rows(r['periods'], ls.zone_numbers(r['areas']))))")
    out = [str(work / "t2_status_1.tif"), str(work / "t2_status_2.tif")]
    run = measure([PY, "-c", code, str(package_parent()), paths["baseline"], paths["report_1"], paths["report_2"],
                   paths["land"]] + out, "t2restore")
    return run, out


def run_gdal_calc(paths, work):
    from t2restore.algorithms.blocks import creation_options

    runs, out = [], []
    for period in ("report_1", "report_2"):
        target = str(work / f"calc_{period}.tif")
        cmd = ["gdal_calc.py", "--quiet", "--overwrite", "--type=Int16", f"--NoDataValue={ND}",
               "-A", paths["baseline"], "-B", paths[period], f"--outfile={target}", f"--calc={STATUS_EXPR}"]
        for opt in creation_options("int16"):
            cmd += ["--co", opt]
        runs.append(measure(cmd, "gdal_calc.py"))
        out.append(target)
    return runs, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=int(os.environ.get("T2_BENCH_SIZE", "10000")),
                        help="side in pixels (10000 = 100 Mpx)")
    parser.add_argument("--work", default=str(package_parent().parent / "data" / "ldn_status"))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    work = work_folder(args.work) / f"size_{args.size}"
    work.mkdir(exist_ok=True)
    paths = write_inputs(work, args.size)
    best = {}
    for _ in range(args.repeat):
        t2, t2_out = run_t2restore(paths, work)
        calc, calc_out = run_gdal_calc(paths, work)
        times = {"t2restore": (t2.wall, t2.peak_mb), "gdal_calc_both_periods": (sum(r.wall for r in calc),
                                                                               max(r.peak_mb for r in calc))}
        for name, (seconds, peak) in times.items():
            say(f"{name:24s} {args.size}^2: {seconds:7.2f} s, peak {peak:7.1f} MB")
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, peak)
    differing = sum(differing_pixels(a, b) for a, b in zip(t2_out, calc_out))
    pixels = args.size * args.size
    results = {"machine": {"cpus": os.cpu_count()}, "pixels": pixels, "periods": 2, "land_type": True,
               "seconds": {k: round(v[0], 2) for k, v in best.items()},
               "peak_mb": {k: round(v[1], 1) for k, v in best.items()},
               "t2restore_mpx_per_s": round(pixels / best["t2restore"][0] / 1e6, 1),
               "ratio_vs_gdal_calc": round(best["t2restore"][0] / best["gdal_calc_both_periods"][0], 3),
               "status_pixels_differing_from_gdal_calc": differing}
    say(f"ratio t2restore / gdal_calc: {results['ratio_vs_gdal_calc']}; differing pixels: {differing}")
    write_results("ldn_status" if args.size == 10000 else f"ldn_status_{args.size}", results)


if __name__ == "__main__":
    main()
