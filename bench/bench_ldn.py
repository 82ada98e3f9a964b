#!/usr/bin/env python3
"""Benchmark t2restore:ldn_degradation against gdal_calc.py and an I/O floor, in the same run.

    /usr/bin/python3 bench/bench_ldn.py [--size 10000] [--memory-sizes 5000,20000] [--work DIR]

For each size the demo region generator writes the five inputs (land cover baseline/target, LPD,
SOC baseline/target) once. Then, each in its own process so that peak memory (max RSS) is its own:
  - t2restore: the algorithms layer's ldn_degradation (what the Processing algorithm calls), with every
    core and with one thread (T2RESTORE_THREADS);
  - gdal_calc.py: the same one-out-all-out result from the same inputs, with the same output
    creation options (tiled, compressed, BIGTIFF=IF_SAFER, NUM_THREADS=ALL_CPUS);
  - I/O floor: read the same inputs window by window and write one int16 output, no computation.
The t2restore and gdal_calc outputs are compared pixel by pixel. Results go to bench/results/.
"""

import argparse
import os
import sys

from _common import HERE, PY, demo_region, measure, package_parent, say, work_folder, write_results

LAYERS = ("lc_baseline", "lc_target", "lpd", "soc_baseline", "soc_target")

# gdal_calc expression: A lc baseline, B lc target, C LPD, D SOC baseline, E SOC target. gdal_calc
# sets nodata wherever any input is nodata; the rest is the UNCCD matrix, LPD map, SOC rule, and
# one out all out, written as numpy as a gdal_calc user would.
_MATRIX = [0, -1, -1, -1, -1, -1, 0, 1, 0, 1, -1, -1, -1, 0, 1, -1, 0, -1, -1, -1, 0, -1, -1, -1, 0, -1, -1, 0,
           1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
_LUT = [0] * 64
for _i in range(7):
    for _j in range(7):
        _LUT[(_i + 1) * 8 + _j + 1] = _MATRIX[_i * 7 + _j]
_LC = f"array({_LUT})[clip(A,0,7).astype(int32)*8+clip(B,0,7)]"
_LC_OK = "((A>=1)&(A<=7)&(B>=1)&(B<=7))"
_PROD = "array([0,-1,-1,0,0,1,0,0,0,0,0,0,0,0,0,0])[clip(C,0,15)]"
_PROD_OK = "((C>=1)&(C<=5))"
_SOC_OK = "((D>0)&(A!=7))"
_SOC_DEG = "(10*(E.astype(float64)-D)<=-D.astype(float64))"
_SOC_IMP = "(10*(E.astype(float64)-D)>=D.astype(float64))"
GDAL_CALC_EXPR = (
    f"where(~({_LC_OK}&{_PROD_OK}&{_SOC_OK}), -32768, "
    f"where(({_LC}==-1)|({_PROD}==-1)|{_SOC_DEG}, -1, "
    f"where(({_LC}==1)|({_PROD}==1)|{_SOC_IMP}, 1, 0)))"
)


def timed(cmd):
    """Run ``cmd`` in a fresh process; (seconds, its peak RSS in MB)."""
    run = measure(cmd)
    return run.wall, run.peak_mb


def generate(work, size):
    folder = work / f"region_{size}"
    demo_region(folder, size, LAYERS)
    return {name: str(folder / f"{name}.tif") for name in LAYERS}


def run_t2restore_1(inputs, out):
    """t2restore with one thread (T2RESTORE_THREADS=1)."""
    return run_t2restore(inputs, out, threads=1)


def run_t2restore(inputs, out, threads=None):
    """t2restore with ``threads`` block threads (default: every core)."""
    os.environ["T2RESTORE_THREADS"] = str(threads or os.cpu_count() or 1)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from t2restore.algorithms import ldn; "
            "ldn.ldn_degradation(sys.argv[2], *sys.argv[3:8])")
    parent = package_parent()
    return timed([PY, "-c", code, str(parent), out, inputs["lc_baseline"], inputs["lc_target"], inputs["lpd"],
                  inputs["soc_baseline"], inputs["soc_target"]])


def run_gdal_calc(inputs, out):
    os.environ.pop("T2RESTORE_THREADS", None)  # gdal_calc's outputs compressed with NUM_THREADS=ALL_CPUS
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    cmd = ["gdal_calc.py", "--quiet", "--overwrite", "--type=Int16", "--NoDataValue=-32768",
           "-A", inputs["lc_baseline"], "-B", inputs["lc_target"], "-C", inputs["lpd"],
           "-D", inputs["soc_baseline"], "-E", inputs["soc_target"], f"--outfile={out}",
           f"--calc={GDAL_CALC_EXPR}"]
    for opt in creation_options("int16"):
        cmd += ["--co", opt]
    return timed(cmd)


def run_floor(inputs, out):
    os.environ.pop("T2RESTORE_THREADS", None)
    return timed([PY, str(HERE / "_io_floor.py"), out] + [inputs[k] for k in LAYERS])


def compare(a, b):
    """Number of differing pixels between two rasters, window by window."""
    from osgeo import gdal

    da, db = gdal.Open(a), gdal.Open(b)
    ba, bb = da.GetRasterBand(1), db.GetRasterBand(1)
    diff = 0
    for y in range(0, da.RasterYSize, 1024):
        h = min(1024, da.RasterYSize - y)
        diff += int((ba.ReadAsArray(0, y, da.RasterXSize, h) != bb.ReadAsArray(0, y, da.RasterXSize, h)).sum())
    return diff


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="side in pixels for the time comparison")
    parser.add_argument("--memory-sizes", default="5000,20000", help="sides for the peak-memory check")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    work = work_folder(args.work)
    results = {"machine": {"cpus": os.cpu_count()}, "time": {}, "memory": {}}

    inputs = generate(work, args.size)
    pixels = args.size * args.size
    best = {}
    for _ in range(args.repeat):
        for name, fn in (("io_floor", run_floor), ("t2restore", run_t2restore), ("t2restore_1thread", run_t2restore_1),
                         ("gdal_calc", run_gdal_calc)):
            out = str(work / f"out_{name}_{args.size}.tif")
            seconds, rss = fn(inputs, out)
            say(f"{name:10s} {args.size}^2: {seconds:7.2f} s, peak {rss:7.1f} MB")
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, rss)
    differing = compare(str(work / f"out_t2restore_{args.size}.tif"), str(work / f"out_gdal_calc_{args.size}.tif"))
    t2 = best["t2restore"][0]
    results["time"] = {
        "pixels": pixels,
        "seconds": {k: round(v[0], 2) for k, v in best.items()},
        "peak_mb": {k: round(v[1], 1) for k, v in best.items()},
        "t2restore_mpx_per_s": round(pixels / t2 / 1e6, 1),
        "threads": os.cpu_count(),
        "ratio_vs_gdal_calc": round(t2 / best["gdal_calc"][0], 3),
        "ratio_all_threads_vs_1": round(t2 / best["t2restore_1thread"][0], 3),
        "ratio_vs_io_floor": round(t2 / best["io_floor"][0], 3),
        "pixels_differing_from_gdal_calc": differing,
    }
    for size in [int(s) for s in args.memory_sizes.split(",") if s]:
        inp = generate(work, size)
        seconds, rss = run_t2restore(inp, str(work / f"out_t2restore_{size}.tif"))
        results["memory"][str(size * size)] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1),
                                               "mpx_per_s": round(size * size / seconds / 1e6, 1)}
        say(f"t2restore {size}^2 ({size * size / 1e6:.0f} Mpx): {seconds:.1f} s, peak {rss:.1f} MB")
    write_results("ldn", results)


if __name__ == "__main__":
    main()
