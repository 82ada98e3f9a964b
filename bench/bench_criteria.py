#!/usr/bin/env python3
"""Peak memory and time of minam_degradation, serfor_criteria and definition_agreement as the raster grows.

    /usr/bin/python3 bench/bench_criteria.py [--sizes 2048,4096] [--work DIR]

For each size the demo region generator writes the inputs once (land cover 2015 / 2023 in the UNCCD
classes, LPD, DEM, land use capability, forest loss year, protected areas). Then, each in its own
process (bench/_measure.py: wall time and peak RSS, so that each figure is that run's own):
  - minam: cover loss from the two land cover maps, LPD, fragmentation derived from the 2023 land
    cover (class 1 = forest, window 3); outputs the levels and the three indicator bands;
  - serfor: land-use conflict, slope, distance to the protected areas, deforestation density (1 km
    radius, i.e. a halo of 33 pixels) and the degraded forest lands;
  - agreement: the two outputs above, MINAM levels 1-4 against SERFOR reasons 1-3;
  - io_floor (the named baseline): read each run's raster inputs window by window and write one
    int16 output, no computation.
Peak memory must stay about the same when the pixel count quadruples (block-wise engine). Results
go to bench/results/criteria.json.
"""

import argparse
import json
import os

from _common import HERE, PY, demo_region, measure, package_parent, say, work_folder, write_results

LAYERS = ("lc_baseline", "lc_target", "lpd", "dem", "capability", "forest_loss_year", "protected_areas")

RUNNER = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from osgeo import ogr
from t2restore.algorithms import agreement, minam, serfor
job = json.loads(sys.argv[2])
if job["alg"] == "minam":
    minam.minam_degradation(job["out"], lc_baseline=job["lc_baseline"], lc_target=job["lc_target"],
                            productivity=job["lpd"], forest_mask=job["lc_target"], forest_values="1", window=3,
                            indicators_output=job["out2"])
elif job["alg"] == "serfor":
    ds = ogr.Open(job["protected_areas"])
    layer = ds.GetLayer(0)
    shapes = [bytes(f.GetGeometryRef().ExportToWkb()) for f in layer if f.GetGeometryRef() is not None]
    serfor.serfor_criteria(job["out"], job["capability"], criteria_output=job["out2"], land_cover=job["lc_target"],
                           dem=job["dem"], conservation=shapes, loss_year=job["forest_loss_year"], radius_m=1000,
                           workdir=job["work"])
else:
    agreement.definition_agreement(job["out"], job["a"], job["b"], "1-4", "1-3")
"""


def timed(cmd):
    """Run ``cmd`` in a fresh process under _measure.py; (seconds, peak RSS in MB)."""
    run = measure(cmd)
    return run.seconds, run.peak_mb


def generate(work, size):
    folder = work / f"criteria_{size}"
    demo_region(folder, size, LAYERS)
    paths = {name: str(folder / f"{name}.tif") for name in LAYERS if name != "protected_areas"}
    paths["protected_areas"] = str(folder / "protected_areas.gpkg")
    return folder, paths


def run(job):
    return timed([PY, "-c", RUNNER, str(package_parent()), json.dumps(job)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2048,4096", help="raster sides in pixels (at least two)")
    parser.add_argument("--work", default=str(HERE / "data"))
    args = parser.parse_args()
    work = work_folder(args.work)
    results = {"machine": {"cpus": os.cpu_count()}, "runs": {}}
    for size in [int(s) for s in args.sizes.split(",") if s]:
        folder, paths = generate(work, size)
        out = {name: str(folder / f"out_{name}.tif") for name in ("minam", "minam_ind", "serfor", "serfor_crit",
                                                                   "agreement", "floor")}
        jobs = {
            "minam": (dict(paths, alg="minam", out=out["minam"], out2=out["minam_ind"]),
                      [paths["lc_baseline"], paths["lc_target"], paths["lpd"]]),
            "serfor": (dict(paths, alg="serfor", out=out["serfor"], out2=out["serfor_crit"], work=str(folder)),
                       [paths["capability"], paths["lc_target"], paths["dem"], paths["forest_loss_year"]]),
            "agreement": ({"alg": "agreement", "out": out["agreement"], "a": out["minam"], "b": out["serfor"]},
                          [out["minam"], out["serfor"], out["minam"]]),
        }
        entry = {"pixels": size * size}
        for name, (job, raster_inputs) in jobs.items():
            seconds, rss = run(job)
            floor_s, floor_rss = timed([PY, str(HERE / "_io_floor.py"), out["floor"]] + raster_inputs)
            entry[name] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1),
                           "mpx_per_s": round(size * size / seconds / 1e6, 2),
                           "io_floor_seconds": round(floor_s, 2), "io_floor_peak_mb": round(floor_rss, 1),
                           "ratio_vs_io_floor": round(seconds / floor_s, 2)}
            say(f"{name:9s} {size}^2 ({size * size / 1e6:.1f} Mpx): {seconds:6.2f} s, peak {rss:6.1f} MB "
                f"(I/O floor {floor_s:.2f} s, {floor_rss:.1f} MB)")
        results["runs"][str(size)] = entry
    sizes = sorted(results["runs"], key=int)
    if len(sizes) >= 2:
        first, last = results["runs"][sizes[0]], results["runs"][sizes[-1]]
        results["peak_growth"] = {name: round(last[name]["peak_mb"] / first[name]["peak_mb"], 2)
                                  for name in ("minam", "serfor", "agreement")}
        results["pixel_growth"] = round(last["pixels"] / first["pixels"], 2)
    write_results("criteria", results)


if __name__ == "__main__":
    main()
