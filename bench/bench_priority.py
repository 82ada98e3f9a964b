#!/usr/bin/env python3
"""Benchmark t2restore:priority_score: a single run, and uncertainty with 50 runs as a ratio to it.

    /usr/bin/python3 bench/bench_priority.py [--size 10000] [--runs 50] [--work DIR] [--repeat 1]

Six criterion rasters of size x size pixels (10000 x 10000 = 100 million pixels each by default) are
generated block by block (memory bounded, deterministic) and reused. Each case runs in its own process
(peak memory = its max RSS, through bench/_measure.py), calling the algorithms layer as the Processing
algorithm does:
  - single:       fixed breaks, no uncertainty (score, classes, area table); every core, and
                  ``single_1thread`` with T2RESTORE_THREADS=1;
  - uncertainty:  the same plus OUTPUT_STABILITY from RUNS perturbed weight vectors (target: <= 3 x single);
  - quantile / quantile_uncertainty: quantile classes, which need a histogram pass (and, with runs,
    per-run breaks and a second pass over the criteria);
  - gdal_calc:    the baseline: gdal_calc.py computing the same weighted sum of the six rescaled criteria
    (score only, no classes or table), with the same output creation options;
  - io_floor:     bench/_io_floor.py: read the six inputs window by window and write one int16 output,
    no computation.
Results are printed and written to bench/results/priority.json.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

from _common import HERE, PY, measure, package_parent, say, work_folder, write_results

BLOCK = 1024

# name, dtype, rescaling (method, low, high or lookup), weight
CRITERIA = [
    ("land_use_conflict", "uint8", {"method": "categorical", "table": {1: 1.0, 2: 0.0, 3: 0.2}, "default": 0.0}, 0.30),
    ("slope", "float32", {"method": "linear", "low": 0.0, "high": 35.0}, 0.15),
    ("distance_conservation", "float32", {"method": "inverted", "low": 0.0, "high": 10000.0}, 0.15),
    ("deforestation_density", "float32", {"method": "linear", "low": 0.0, "high": 20.0}, 0.20),
    ("distance_roads", "float32", {"method": "inverted", "low": 0.0, "high": 5000.0}, 0.10),
    ("elevation", "int16", {"method": "linear", "low": 200.0, "high": 4500.0}, 0.10),
]


def _field(name, dtype, x, y, size, rng):
    """A smooth landscape-like field of global coordinates plus noise; values in the criterion's range."""
    import numpy as np

    u, v = x / size, y / size
    wave = np.sin(6.1 * u + 2.3) * np.cos(4.7 * v + 0.4) + 0.5 * np.sin(17.0 * (u + v))
    noise = rng.standard_normal(wave.shape).astype(np.float32) * 0.15
    t = (wave + noise + 1.6) / 3.2  # about 0..1
    if name == "land_use_conflict":
        return np.clip(1 + (t * 3).astype(np.int16), 1, 3).astype(np.uint8)
    if name == "elevation":
        return (200 + 4300 * np.clip(t, 0, 1)).astype(np.int16)
    scale = {"slope": 50.0, "distance_conservation": 20000.0, "deforestation_density": 30.0,
             "distance_roads": 8000.0}[name]
    return (np.clip(t, 0, 1) * scale).astype(np.float32)


def generate(work, size, seed=2030):
    """The six criteria, written window by window (deterministic, whatever the machine)."""
    import numpy as np
    from osgeo import gdal, osr

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import _NP_TO_GDAL, creation_options

    folder = work / f"priority_{size}"
    manifest = folder / "manifest.json"
    paths = {name: str(folder / f"{name}.tif") for name, *_ in CRITERIA}
    if manifest.exists():
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    say(f"generating 6 criteria of {size} x {size} pixels in {folder} ...")
    start = time.perf_counter()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    for index, (name, dtype, _rescale, _w) in enumerate(CRITERIA):
        ds = gdal.GetDriverByName("GTiff").Create(paths[name], size, size, 1, _NP_TO_GDAL[np.dtype(dtype)],
                                                  creation_options(dtype))
        ds.SetGeoTransform((400000.0, 30.0, 0.0, 9000000.0, 0.0, -30.0))
        ds.SetProjection(srs.ExportToWkt())
        band = ds.GetRasterBand(1)
        for yoff in range(0, size, BLOCK):
            rows = min(BLOCK, size - yoff)
            rng = np.random.default_rng([seed, index, yoff])
            y, x = np.mgrid[yoff:yoff + rows, 0:size].astype(np.float32)
            band.WriteArray(_field(name, dtype, x, y, size, rng), 0, yoff)
        ds = None
    manifest.write_text(json.dumps({"size": size, "seed": seed, "criteria": [c[0] for c in CRITERIA]}))
    say(f"generated in {time.perf_counter() - start:.0f} s")
    return paths


def child(case, paths_json, out_dir, runs):
    """Run one case in this process (called through _measure.py)."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms import scoring

    paths = json.loads(paths_json)
    criteria = [scoring.Criterion(name, paths[name], **rescale) for name, _d, rescale, _w in CRITERIA]
    weights = [w for *_rest, w in CRITERIA]
    method = "quantile" if case.startswith("quantile") else "fixed"
    unc = scoring.Uncertainty(20, runs, 1) if case.endswith("uncertainty") else None
    out = Path(out_dir)
    scoring.priority_score(criteria, weights, str(out / f"score_{case}.tif"), str(out / f"classes_{case}.tif"),
                           classes=scoring.ClassSpec(method), uncertainty=unc,
                           stability_output=str(out / f"stability_{case}.tif") if unc else None)


def timed(cmd):
    """(seconds, peak RSS in MB) of ``cmd`` in a fresh process."""
    run = measure(cmd, label=cmd[:4])
    return run.wall, run.peak_mb


def gdal_calc_command(paths, out):
    """gdal_calc.py computing the same weighted sum of rescaled criteria (score only)."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    letters = "ABCDEF"
    total = sum(w for *_r, w in CRITERIA)
    terms = []
    for letter, (_name, _d, rescale, w) in zip(letters, CRITERIA):
        if rescale["method"] == "categorical":
            table = [rescale["table"].get(i, rescale["default"]) for i in range(4)]
            x = f"array({table})[clip({letter},0,3)]"
        else:
            lo, hi = rescale["low"], rescale["high"]
            if rescale["method"] == "inverted":
                lo, hi = hi, lo
            x = f"clip(({letter}.astype(float32)-{lo})/({hi - lo}),0,1)"
        terms.append(f"{w / total}*{x}")
    cmd = ["gdal_calc.py", "--quiet", "--overwrite", "--type=Float32", "--NoDataValue=-9999", f"--outfile={out}",
           f"--calc={'+'.join(terms)}"]
    for letter, (name, *_r) in zip(letters, CRITERIA):
        cmd += [f"-{letter}", paths[name]]
    for opt in creation_options("float32"):
        cmd += ["--co", opt]
    return cmd


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="side in pixels of each criterion raster")
    parser.add_argument("--runs", type=int, default=50, help="uncertainty runs")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--repeat", type=int, default=1, help="repetitions (the best time is kept)")
    parser.add_argument("--skip-quantile", action="store_true", help="skip the quantile-class cases")
    parser.add_argument("--child", nargs=4, metavar=("CASE", "PATHS", "OUT", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        case, paths_json, out_dir, runs = args.child
        child(case, paths_json, out_dir, int(runs))
        return
    work = work_folder(args.work)
    paths = generate(work, args.size)
    out_dir = work / f"priority_{args.size}" / "out"
    out_dir.mkdir(exist_ok=True)
    pixels = args.size * args.size
    cases = ["single", "uncertainty"] + ([] if args.skip_quantile else ["quantile", "quantile_uncertainty"])
    commands = {case: [PY, str(Path(__file__).resolve()), "--child", case, json.dumps(paths), str(out_dir),
                       str(args.runs)] for case in cases}
    commands["single_1thread"] = commands["single"]  # run with T2RESTORE_THREADS=1 (below)
    commands["gdal_calc"] = gdal_calc_command(paths, str(out_dir / "gdal_calc.tif"))
    commands["io_floor"] = [PY, str(HERE / "_io_floor.py"), str(out_dir / "io_floor.tif")] + \
        [paths[name] for name, *_r in CRITERIA]
    best = {}
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            if name.endswith("_1thread"):
                os.environ["T2RESTORE_THREADS"] = "1"
            try:
                seconds, rss = timed(cmd)
            finally:
                os.environ.pop("T2RESTORE_THREADS", None)
            say(f"{name:22s} {args.size}^2 x 6: {seconds:8.2f} s, peak {rss:7.1f} MB")
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, rss)
    single = best["single"][0]
    results = {
        "machine": {"cpus": os.cpu_count()},
        "size": args.size, "pixels_per_criterion": pixels, "criteria": len(CRITERIA), "runs": args.runs,
        "seconds": {k: round(v[0], 2) for k, v in best.items()},
        "peak_mb": {k: round(v[1], 1) for k, v in best.items()},
        "single_mpx_per_s": round(pixels / single / 1e6, 2),
        "uncertainty_ratio_to_single": round(best["uncertainty"][0] / single, 3),
        "single_ratio_to_gdal_calc": round(single / best["gdal_calc"][0], 3),
        "single_all_threads_vs_1": round(single / best["single_1thread"][0], 3),
        "single_ratio_to_io_floor": round(single / best["io_floor"][0], 3),
    }
    if "quantile" in best:
        results["quantile_uncertainty_ratio_to_quantile"] = round(best["quantile_uncertainty"][0] /
                                                                  best["quantile"][0], 3)
        results["quantile_uncertainty_ratio_to_single"] = round(best["quantile_uncertainty"][0] / single, 3)
    write_results("priority", results)
    ok = results["uncertainty_ratio_to_single"] <= 3.0
    say(f"uncertainty with {args.runs} runs = {results['uncertainty_ratio_to_single']} x a single run "
        f"({'within' if ok else 'ABOVE'} the 3 x target)")


if __name__ == "__main__":
    main()
