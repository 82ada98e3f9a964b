#!/usr/bin/env python3
"""Benchmark t2restore:ldn_degradation against gdal_calc.py and I/O floors, in the same run.

    /usr/bin/python3 bench/bench_ldn.py [--size 10000] [--repeat 2] [--memory-sizes 5000,20000] [--work DIR]
                                        [--soc int16|float32]

For each size the demo region generator writes the five inputs (land cover baseline/target, LPD,
SOC baseline/target) once. ``--soc float32`` (the default) reads the demo's own float32 stocks, stored
with the floating-point predictor (PREDICTOR=3), whose decoding alone takes about a quarter of
gdal_calc.py's time at 100 Mpx (libtiff undoes that predictor byte by byte); ``--soc int16`` stores them
as whole t C/ha in Int16, nodata -32768, the type Trends.Earth and SoilGrids distribute SOC in.
Then, each in its own process so that peak memory (max RSS) and CPU seconds are its own, interleaved
``--repeat`` times (the best wall time is kept, with its CPU seconds):
  - t2restore: the algorithms layer's ldn_degradation (what the Processing algorithm calls), with every
    core and with one thread (T2RESTORE_THREADS; one thread uses one core);
  - gdal_calc.py: the same one-out-all-out result from the same inputs, with the same output
    creation options (tiled, compressed, BIGTIFF=IF_SAFER, NUM_THREADS=ALL_CPUS);
  - I/O floors, no computation: ``io_floor`` reads the inputs window by window in one thread with GDAL's
    defaults and writes one int16 output (as before); ``engine_floor`` / ``engine_floor_1thread`` do the
    same through the block engine (same codec, cache, allocator and threads as t2restore): the least
    time any computation of this result can take with these input files.
The t2restore and gdal_calc outputs are compared pixel by pixel. The two targets of issue 16 are printed
last (2 threads <= 0.6 x 1 thread; <= 0.3 x gdal_calc.py). Results go to bench/results/ldn.json
(ldn_soc_int16.json with ``--soc int16``).
"""

import argparse
import os
import sys

from _common import HERE, PY, demo_region, differing_pixels, measure, package_parent, say, work_folder, write_results

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
    """Run ``cmd`` in a fresh process; (seconds, its peak RSS in MB, its CPU seconds user + system)."""
    run = measure(cmd)
    return run.wall, run.peak_mb, run.cpu


# Read the five inputs and write one int16 output through the block engine, computing nothing.
ENGINE_FLOOR = ("import sys; sys.path.insert(0, sys.argv[1]); import numpy as np; "
                "from t2restore.algorithms import blocks; "
                "blocks.run_blocks([blocks.RasterInput(p) for p in sys.argv[3:]], "
                "lambda b: b.arrays[2].astype(np.int16), [blocks.RasterOutput(sys.argv[2], np.int16, -32768)], "
                "parallel=True)")


def generate(work, size, soc="float32"):
    folder = work / f"region_{size}"
    demo_region(folder, size, LAYERS)
    inputs = {name: str(folder / f"{name}.tif") for name in LAYERS}
    if soc == "int16":
        for name in ("soc_baseline", "soc_target"):
            inputs[name] = soc_as_int16(folder / f"{name}.tif", folder / f"{name}_int16.tif")
    return inputs


def soc_as_int16(source, target):
    """``source`` (float32 t C/ha, NaN outside) as whole t C/ha in Int16 (nodata -32768), unless already there."""
    if target.exists():
        return str(target)
    import numpy as np
    from osgeo import gdal

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    src = gdal.Open(str(source))
    band = src.GetRasterBand(1)
    tmp = target.with_suffix(".part.tif")
    out = gdal.GetDriverByName("GTiff").Create(str(tmp), src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Int16,
                                               creation_options("int16"))
    out.SetGeoTransform(src.GetGeoTransform())
    out.SetProjection(src.GetProjection())
    out_band = out.GetRasterBand(1)
    out_band.SetNoDataValue(-32768)
    nodata = band.GetNoDataValue()
    for y in range(0, src.RasterYSize, 1024):
        rows = band.ReadAsArray(0, y, src.RasterXSize, min(1024, src.RasterYSize - y))
        missing = ~np.isfinite(rows) | ((rows == nodata) if nodata is not None else False)
        values = np.rint(np.where(missing, 0, rows)).clip(-32767, 32767).astype(np.int16)
        values[missing] = -32768
        out_band.WriteArray(values, 0, y)
    out = None
    os.replace(tmp, target)
    return str(target)


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


def run_engine_floor(inputs, out, threads=None):
    os.environ["T2RESTORE_THREADS"] = str(threads or os.cpu_count() or 1)
    return timed([PY, "-c", ENGINE_FLOOR, str(package_parent()), out] + [inputs[k] for k in LAYERS])


def run_engine_floor_1(inputs, out):
    return run_engine_floor(inputs, out, threads=1)


RUNS = (("io_floor", run_floor), ("engine_floor", run_engine_floor), ("engine_floor_1thread", run_engine_floor_1),
        ("t2restore", run_t2restore), ("t2restore_1thread", run_t2restore_1), ("gdal_calc", run_gdal_calc))


def time_runs(work, inputs, size, repeat):
    """{name: (best seconds, peak MB, CPU seconds of that run)} of every run, interleaved ``repeat`` times."""
    best = {}
    for _ in range(repeat):
        for name, fn in RUNS:
            out = str(work / f"out_{name}_{size}.tif")
            seconds, rss, cpu = fn(inputs, out)
            say(f"{name:20s} {size}^2: {seconds:7.2f} s, CPU {cpu:7.2f} s, peak {rss:7.1f} MB")
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, rss, cpu)
    return best


def targets(best):
    """The ratios of issue 16's targets and of the floors, with what they are measured against."""
    t2, one, calc = best["t2restore"][0], best["t2restore_1thread"][0], best["gdal_calc"][0]
    return {
        "ratio_all_threads_vs_1": round(t2 / one, 3),  # target <= 0.6
        "ratio_vs_gdal_calc": round(t2 / calc, 3),  # target <= 0.3
        "engine_floor_vs_gdal_calc": round(best["engine_floor"][0] / calc, 3),  # the least ratio_vs_gdal_calc possible
        "ratio_vs_engine_floor": round(t2 / best["engine_floor"][0], 3),
        "ratio_vs_io_floor": round(t2 / best["io_floor"][0], 3),
        "cpu_seconds_all_threads_vs_1": round(best["t2restore"][2] / max(best["t2restore_1thread"][2], 1e-9), 3),
    }


def say_targets(ratios, threads):
    for key, limit, text in (("ratio_all_threads_vs_1", 0.6, f"LDN {threads} threads / 1 thread"),
                             ("ratio_vs_gdal_calc", 0.3, f"LDN {threads} threads / gdal_calc.py")):
        verdict = "met" if ratios[key] <= limit else "NOT met"
        say(f"TARGET {text}: {ratios[key]:.3f} (target <= {limit}): {verdict}")
    say(f"floor: reading the inputs and writing the output with {threads} threads, computing nothing, takes "
        f"{ratios['engine_floor_vs_gdal_calc']:.3f} x gdal_calc.py")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--size", type=int, default=10000, help="side in pixels for the time comparison")
    parser.add_argument("--memory-sizes", default="5000,20000", help="sides for the peak-memory check")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--soc", choices=("float32", "int16"), default="float32",
                        help="SOC stock inputs: the demo's float32, or whole t C/ha in Int16 (as distributed)")
    args = parser.parse_args()
    work = work_folder(args.work)
    results = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}, "time": {},
               "memory": {}, "soc_inputs": args.soc}

    inputs = generate(work, args.size, args.soc)
    pixels = args.size * args.size
    best = time_runs(work, inputs, args.size, args.repeat)
    differing = differing_pixels(work / f"out_t2restore_{args.size}.tif", work / f"out_gdal_calc_{args.size}.tif")
    ratios = targets(best)
    results["time"] = {
        "pixels": pixels,
        "seconds": {k: round(v[0], 2) for k, v in best.items()},
        "cpu_seconds": {k: round(v[2], 2) for k, v in best.items()},
        "peak_mb": {k: round(v[1], 1) for k, v in best.items()},
        "t2restore_mpx_per_s": round(pixels / best["t2restore"][0] / 1e6, 1),
        "threads": os.cpu_count(),
        **ratios,
        "pixels_differing_from_gdal_calc": differing,
    }
    results["machine"]["load_average_at_end"] = os.getloadavg()
    for size in [int(s) for s in args.memory_sizes.split(",") if s]:
        inp = generate(work, size, args.soc)
        seconds, rss, _cpu = run_t2restore(inp, str(work / f"out_t2restore_{size}.tif"))
        results["memory"][str(size * size)] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1),
                                               "mpx_per_s": round(size * size / seconds / 1e6, 1)}
        say(f"t2restore {size}^2 ({size * size / 1e6:.0f} Mpx): {seconds:.1f} s, peak {rss:.1f} MB")
    write_results("ldn" if args.soc == "float32" else f"ldn_soc_{args.soc}", results)
    say(f"pixels differing from gdal_calc.py: {differing}")
    say_targets(ratios, os.cpu_count())


if __name__ == "__main__":
    main()
