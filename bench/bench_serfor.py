#!/usr/bin/env python3
"""Benchmark t2restore:serfor_criteria at 30 m against the GDAL command-line tools doing the same steps.

    /usr/bin/python3 bench/bench_serfor.py [--size 10900] [--memory-sizes 3000,6000] [--repeat 1] [--work DIR]

The demo region generator (sample_data/generate.py, UTM 18S, 30 m) writes the inputs once per size:
capability (CUM), land cover, DEM, forest loss year and protected areas (the conservation areas).
10,900 x 10,900 px is 119 Mpx, the size of one department at 30 m (issue 18 item 9). Then, each in its
own process (bench/_measure.py: wall time and peak RSS):
  - t2restore: the algorithms layer's serfor_criteria (what the Processing algorithm calls) with every
    criterion (land-use conflict, slope, distance to conservation areas, deforestation density within
    1 km) and both outputs (degraded forest lands, the 5-band criteria raster);
  - GDAL baseline, the steps a GDAL user would chain for the same criteria: gdal_rasterize (areas to a
    mask, ALL_TOUCHED), gdal_proximity.py (distance, MAXDIST 20 km), gdaldem slope twice (degrees and
    percent, Horn, -compute_edges) and gdal_calc.py (the land-use conflict matrix by look-up). The
    deforestation density (a 1 km disc moving sum) has no GDAL tool and is not in the baseline: the
    baseline does less work than t2restore. Time = sum of the steps, peak = the largest step's.
The slope (inside the edge pixels) and distance bands of both are compared. Memory is then measured at
the --memory-sizes to show it is flat, and once with a stray conservation polygon 3,000 km away (issue 17
item 11).
Results go to bench/results/serfor.json.
"""

import argparse
import math
import os
import shutil
import sys

from _common import HERE, PY, demo_region, measure, package_parent, say, work_folder, write_results

LAYERS = ("capability", "lc_target", "dem", "forest_loss_year", "protected_areas")
MAX_DISTANCE = 20000

RUN = """
import json, sys, tempfile
sys.path.insert(0, sys.argv[1])
from osgeo import ogr
from t2restore.algorithms import serfor
folder, out, stray = sys.argv[2], sys.argv[3], sys.argv[4] == "stray"
ds = ogr.Open(folder + "/protected_areas.gpkg")
shapes = [bytes(f.GetGeometryRef().ExportToWkb()) for f in ds.GetLayer(0)]
if stray:
    shapes.append(bytes(ogr.CreateGeometryFromWkt(
        "POLYGON((3400000 11960000,3401000 11960000,3401000 11961000,3400000 11961000,3400000 11960000))"
    ).ExportToWkb()))
with tempfile.TemporaryDirectory(dir=out) as work:
    result = serfor.serfor_criteria(out + "/reason.tif", folder + "/capability.tif",
                                    criteria_output=out + "/criteria.tif", land_cover=folder + "/lc_target.tif",
                                    dem=folder + "/dem.tif", conservation=shapes,
                                    loss_year=folder + "/forest_loss_year.tif", workdir=work)
print(json.dumps({"used": result["used"], "warnings": len(result["warnings"])}))
"""


def generate(work, size):
    folder = work / f"serfor_{size}"
    demo_region(folder, size, LAYERS)
    return folder


def run_t2restore(folder, out, stray=False):
    out.mkdir(parents=True, exist_ok=True)
    run = measure([PY, "-c", RUN, str(package_parent()), str(folder), str(out), "stray" if stray else "-"],
                  "t2restore")
    return run.wall, run.peak_mb, run.child_json()


def conflict_expression():
    """gdal_calc look-up of the preset's conflict matrix: A land cover 1..7, B capability 1..5 (A C P F X)."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms import serfor

    matrix = serfor.validate_conflict_matrix(serfor.load_preset()["conflict_matrix"])
    lut = [255] * 64
    for lc, row in matrix.items():
        for cap, group in enumerate(serfor.GROUPS[:5], start=1):
            lut[lc * 8 + cap] = row[group]
    return f"array({lut}, dtype=uint8)[clip(A,0,7).astype(int32)*8+clip(B,0,7)]"


def run_gdal(folder, out):
    """The GDAL tool chain; (seconds, peak MB of the largest step, {step: seconds})."""
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    out.mkdir(parents=True, exist_ok=True)
    tif = [f"--co={o}" for o in creation_options("uint8")]
    co = [x for o in creation_options("float32") for x in ("-co", o)]
    strips = ["-co", "COMPRESS=ZSTD", "-co", "ZSTD_LEVEL=1", "-co", "BIGTIFF=IF_SAFER"]
    cap = str(folder / "capability.tif")
    from osgeo import gdal

    ds = gdal.Open(cap)
    gt, width, height = ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize
    ds = None
    grow = math.ceil(MAX_DISTANCE / gt[1]) * gt[1]  # whole pixels, so the raster is a window of the mask
    extent = [str(v) for v in (gt[0] - grow, gt[3] + height * gt[5] - grow, gt[0] + width * gt[1] + grow,
                               gt[3] + grow)]
    steps = {
        "gdal_rasterize": ["gdal_rasterize", "-q", "-burn", "1", "-at", "-ot", "Byte", "-init", "0", "-tr",
                           str(gt[1]), str(-gt[5]), "-te", *extent, *strips, str(folder / "protected_areas.gpkg"),
                           str(out / "mask.tif")],
        "gdal_proximity": ["gdal_proximity.py", "-q", str(out / "mask.tif"), str(out / "dist.tif"), "-values", "1",
                           "-distunits", "GEO", "-maxdist", str(MAX_DISTANCE), "-nodata", "-1", "-ot", "Float32",
                           *strips, "-co", "PREDICTOR=3"],
        "gdaldem_slope_degrees": ["gdaldem", "slope", "-q", "-compute_edges", str(folder / "dem.tif"),
                                  str(out / "slope_deg.tif"), *co],
        "gdaldem_slope_percent": ["gdaldem", "slope", "-q", "-p", "-compute_edges", str(folder / "dem.tif"),
                                  str(out / "slope_pct.tif"), *co],
        "gdal_calc_conflict": ["gdal_calc.py", "--quiet", "--overwrite", "--type=Byte", "--NoDataValue=255",
                               "-A", str(folder / "lc_target.tif"), "-B", cap, f"--outfile={out / 'conflict.tif'}",
                               f"--calc={conflict_expression()}", *tif],
    }
    seconds, peak, per_step = 0.0, 0.0, {}
    for name, cmd in steps.items():
        run = measure(cmd, name)
        seconds += run.wall
        peak = max(peak, run.peak_mb)
        per_step[name] = round(run.wall, 2)
        say(f"  {name:24s} {run.wall:7.2f} s, peak {run.peak_mb:7.1f} MB")
    return seconds, peak, per_step


def compare(t2_criteria, gdal_out):
    """Largest differences of t2restore's slope and distance bands from GDAL's, over the raster."""
    import numpy as np
    from osgeo import gdal

    t2 = gdal.Open(str(t2_criteria))
    pairs = {"slope_degrees": (2, gdal_out / "slope_deg.tif"), "distance_m": (4, gdal_out / "dist.tif")}
    found = {}
    for name, (band, path) in pairs.items():
        other = gdal.Open(str(path))
        if name == "distance_m":  # the raster's window of GDAL's larger work grid
            ogt, tgt = other.GetGeoTransform(), t2.GetGeoTransform()
            x0, y0 = round((tgt[0] - ogt[0]) / ogt[1]), round((tgt[3] - ogt[3]) / ogt[5])
        else:
            x0 = y0 = 0
        worst, differing = 0.0, 0
        for y in range(0, t2.RasterYSize, 1024):
            h = min(1024, t2.RasterYSize - y)
            a = t2.GetRasterBand(band).ReadAsArray(0, y, t2.RasterXSize, h).astype(np.float64)
            b = other.GetRasterBand(1).ReadAsArray(x0, y0 + y, t2.RasterXSize, h).astype(np.float64)
            if name == "distance_m":
                b[b < 0] = MAX_DISTANCE  # GDAL's nodata beyond MAXDIST = t2restore's "that far or farther"
            ok = (a != -9999) & (b != -9999)
            if name == "slope_degrees":  # edges: gdaldem -compute_edges and t2restore extrapolate differently
                ok[:, [0, -1]] = False
                if y == 0:
                    ok[0] = False
                if y + h == t2.RasterYSize:
                    ok[-1] = False
            diff = np.abs(a - b)[ok]
            worst = max(worst, float(diff.max()) if diff.size else 0.0)
            differing += int((diff > 1e-3).sum())
        found[name] = {"max_abs_difference": round(worst, 6), "pixels_differing_over_1e-3": differing}
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10900, help="side in pixels for the time comparison")
    parser.add_argument("--memory-sizes", default="3000,6000", help="sides for the peak-memory check")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    work = work_folder(args.work)
    results = {"machine": {"cpus": os.cpu_count()}, "time": {}, "memory": {}}

    folder = generate(work, args.size)
    pixels = args.size * args.size
    best = {}
    for _ in range(args.repeat):
        seconds, rss, _info = run_t2restore(folder, work / f"out_serfor_{args.size}")
        say(f"t2restore {args.size}^2: {seconds:7.2f} s, peak {rss:7.1f} MB")
        if "t2restore" not in best or seconds < best["t2restore"][0]:
            best["t2restore"] = (seconds, rss)
        say("GDAL tools (no density):")
        seconds, rss, steps = run_gdal(folder, work / f"out_serfor_gdal_{args.size}")
        say(f"GDAL total {args.size}^2: {seconds:7.2f} s, peak {rss:7.1f} MB")
        if "gdal_tools" not in best or seconds < best["gdal_tools"][0]:
            best["gdal_tools"] = (seconds, rss)
            results["time"]["gdal_steps_seconds"] = steps
    t2 = best["t2restore"][0]
    results["time"].update({
        "pixels": pixels,
        "seconds": {k: round(v[0], 2) for k, v in best.items()},
        "peak_mb": {k: round(v[1], 1) for k, v in best.items()},
        "t2restore_seconds_per_100_mpx": round(t2 / pixels * 1e8, 1),
        "ratio_vs_gdal_tools": round(t2 / best["gdal_tools"][0], 3),
        "note": "the GDAL chain has no deforestation density (no GDAL tool for a disc moving sum)",
        "differences": compare(work / f"out_serfor_{args.size}" / "criteria.tif",
                               work / f"out_serfor_gdal_{args.size}"),
    })
    shutil.rmtree(work / f"out_serfor_gdal_{args.size}", ignore_errors=True)
    sizes = [int(s) for s in args.memory_sizes.split(",") if s]
    for size in sizes:
        seconds, rss, _info = run_t2restore(generate(work, size), work / f"out_serfor_{size}")
        results["memory"][str(size * size)] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1),
                                               "seconds_per_100_mpx": round(seconds / (size * size) * 1e8, 1)}
        say(f"t2restore {size}^2 ({size * size / 1e6:.0f} Mpx): {seconds:.1f} s, peak {rss:.1f} MB")
    if sizes:
        size = sizes[0]
        seconds, rss, info = run_t2restore(generate(work, size), work / f"out_serfor_stray_{size}", stray=True)
        results["stray_polygon_3000_km_away"] = {"pixels": size * size, "seconds": round(seconds, 2),
                                                 "peak_mb": round(rss, 1), "warnings": info.get("warnings")}
        say(f"t2restore {size}^2 with a stray polygon 3,000 km away: {seconds:.1f} s, peak {rss:.1f} MB")
    write_results("serfor", results)


if __name__ == "__main__":
    main()
