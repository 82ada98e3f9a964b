#!/usr/bin/env python3
"""Benchmark of the batch FERM merge: 25 regional FERM exports x 400 areas merged into a national
registry of 10,000 areas in one run of t2restore:import_initiatives (issue 10).

    /usr/bin/python3 bench/bench_ferm_merge.py [--national 10000] [--files 25] [--per-file 400] [--work DIR]

Data (not measured): a national registry of 10,000 areas (25 areas per initiative); 25 registries
of 400 areas, each exported with export_ferm (a FERM-compatible GeoPackage, as regions hand them
over). In each file, 4 of its 16 initiatives are copies of national ones (same uuids), half of them
changed (a new title and a renamed area): conflicts; the other 12 are new.
Steps, each in its own process (bench/_measure.py) so its peak memory (max RSS) is its own:
  merge:     processing.run t2restore:import_initiatives INPUTS=<25 files> into a copy of the
             national registry, with the conflict table, and the validation of what was written;
  baseline:  the dock's path, ``registry.ferm.import_ferm`` called once per file (25 calls, no
             Processing, no validation), into another copy, measured in the same run;
  ogr2ogr:   ``ogr2ogr -append`` of the 25 files' restoration_areas into a copy of the national
             areas (the I/O floor of copying the same rows, with no merge at all).
"seconds" is the whole process (interpreter, imports, QGIS start-up for merge); "step_seconds" the
step itself. Results go to bench/results/ferm_merge.json.
"""

import argparse
import json
import os
import shutil
import subprocess  # nosec B404 - fixed commands, argument lists, no shell
import sys
import time
from pathlib import Path

from _common import PY, measure, package_parent, run_timed, say, start_plugin, work_folder, write_results

PER_INITIATIVE = 25


def timed(args):
    run = measure([PY, str(Path(__file__).resolve())] + args, label=args[:2])
    return run.wall, run.peak_mb, run.child_json()


# --- data -------------------------------------------------------------------------------------
def _initiative(n, first_area):
    """Initiative ``n`` with PER_INITIATIVE 0.008-degree squares on a 0.012-degree grid over Junín."""
    from t2restore.registry import samples

    ini = samples.sample_initiative(n, areas=0, monitoring=0)
    for k in range(PER_INITIATIVE):
        i = first_area + k
        lon, lat = -76.4 + 0.012 * (i % 200), -12.8 + 0.012 * (i // 200)
        ini.areas.append(samples.sample_area(lon, lat, 0.008, "Parcela %06d" % i, monitoring=0))
    return ini


def make_data(work, national, files, per_file):
    import copy

    sys.path.insert(0, str(package_parent()))
    from t2restore.registry.ferm import export_ferm
    from t2restore.registry.store import create_registry

    base = work / "nacional.gpkg"
    for old in [base] + sorted(work.glob("region_*")):
        old.unlink(missing_ok=True)
    count = national // PER_INITIATIVE
    nationals = [_initiative(n, n * PER_INITIATIVE) for n in range(count)]
    with create_registry(base) as store:
        store.put_initiatives(nationals)
    per_region = per_file // PER_INITIATIVE
    next_n, paths = count, []
    for f in range(files):
        region = []
        for j in range(4):  # copies of national initiatives, every other one changed
            ini = copy.deepcopy(nationals[(f * 4 + j) % count])
            if j % 2:
                ini.title += " (actualizado por la región %d)" % f
                ini.areas[0].site_name = "Renombrada %d" % f
            region.append(ini)
        for _ in range(per_region - 4):
            region.append(_initiative(next_n, next_n * PER_INITIATIVE))
            next_n += 1
        registry = work / ("region_%02d_registro.gpkg" % f)
        with create_registry(registry) as store:
            store.put_initiatives(region)
            paths.append(export_ferm(store, work / ("region_%02d.gpkg" % f)).path)
        registry.unlink()
    return base, paths


# --- steps ------------------------------------------------------------------------------------
def step_merge(registry, table, *paths):
    _app, plugin = start_plugin()
    result, seconds = run_timed("t2restore:import_initiatives", {
        "INPUTS": list(paths), "REGISTRY": registry, "CONFLICTS_TABLE": table})
    keys = ("FILES_MERGED", "AREAS", "INITIATIVES_INSERTED", "INITIATIVES_UNCHANGED", "INITIATIVES_REPLACED",
            "CONFLICTS", "INITIATIVES_SKIPPED", "AREAS_REFUSED")
    print(json.dumps({"step_seconds": seconds, **{k.lower(): result[k] for k in keys}}))
    plugin.unload()
    os._exit(0)  # skip QGIS teardown (not part of the measurement)


def step_dock(registry, *paths):
    sys.path.insert(0, str(package_parent()))
    from t2restore.registry.ferm import import_ferm
    from t2restore.registry.store import open_registry

    start = time.perf_counter()
    inserted = conflicts = 0
    with open_registry(registry) as store:
        for path in paths:
            result = import_ferm(path, store)
            inserted += len(result.inserted)
            conflicts += len(result.conflicts)
    print(json.dumps({"step_seconds": time.perf_counter() - start, "inserted": inserted, "conflicts": conflicts}))


def step_ogr2ogr(target, *paths):
    start = time.perf_counter()
    for path in paths:
        subprocess.run(["ogr2ogr", "-append", "-nln", "restoration_areas", target, path,  # nosec B603 B607
                        "restoration_areas"], check=True)
    print(json.dumps({"step_seconds": time.perf_counter() - start, "files": len(paths)}))


# --- driver -----------------------------------------------------------------------------------
def run_steps(work, base, paths):
    merged, dock, areas = work / "merge.gpkg", work / "dock.gpkg", work / "ogr2ogr.gpkg"
    shutil.copyfile(base, merged)
    shutil.copyfile(base, dock)
    if areas.exists():
        areas.unlink()
    # through OGR SQL, so that the copy has no UNIQUE(uuid): the baseline copies rows, it does not merge
    subprocess.run(["ogr2ogr", "-f", "GPKG", "-nln", "restoration_areas", "-sql",  # nosec B603 B607
                    "SELECT * FROM restoration_areas", str(areas), str(base)], check=True)
    steps = {}
    for name, step_args in (
        ("merge", ["merge", str(merged), str(work / "conflictos.csv")] + paths),
        ("baseline_import_ferm_x_files", ["dock", str(dock)] + paths),
        ("baseline_ogr2ogr_append", ["ogr2ogr", str(areas)] + paths),
    ):
        seconds, rss, inner = timed(step_args)
        steps[name] = {"seconds": round(seconds, 2), "peak_mb": round(rss, 1), **{
            k: (round(v, 2) if isinstance(v, float) else v) for k, v in inner.items()}}
        say(f"{name:30s} {seconds:6.2f} s (process), peak {rss:6.1f} MB  {inner}")
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", type=int, default=10000)
    parser.add_argument("--files", type=int, default=25)
    parser.add_argument("--per-file", type=int, default=400)
    parser.add_argument("--work", default=str(Path(__file__).resolve().parent / "data" / "ferm_merge"))
    parser.add_argument("step", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, *rest = args.step
        {"merge": step_merge, "dock": step_dock, "ogr2ogr": step_ogr2ogr}[name](*rest)
        return
    work = work_folder(args.work)
    start = time.perf_counter()
    base, paths = make_data(work, args.national, args.files, args.per_file)
    say(f"national registry of {args.national} areas and {args.files} files x {args.per_file} areas written in "
        f"{time.perf_counter() - start:.0f} s")
    steps = run_steps(work, base, paths)
    merge = steps["merge"]
    results = {"machine": {"cpus": os.cpu_count(), "note": "2 cores shared with other developers"},
               "national_areas": args.national, "files": args.files, "areas_per_file": args.per_file,
               "steps": steps,
               "ratio_merge_vs_import_ferm_x_files": round(
                   merge["step_seconds"] / steps["baseline_import_ferm_x_files"]["step_seconds"], 2),
               "ratio_merge_vs_ogr2ogr_append": round(
                   merge["step_seconds"] / steps["baseline_ogr2ogr_append"]["step_seconds"], 2)}
    write_results("ferm_merge", results)


if __name__ == "__main__":
    main()
