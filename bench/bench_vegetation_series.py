#!/usr/bin/env python3
"""Benchmark t2restore:prepare_vegetation_series: 20 years x 23 MODIS 16-day composites, seconds and peak memory.

    /usr/bin/python3 bench/bench_vegetation_series.py [--size 5000] [--years 20] [--composites 23] [--work DIR]
        [--link-years] [--before PACKAGE_PARENT]

Inputs as MODIS MOD13Q1 arrives from AppEEARS: per date one NDVI GeoTIFF (int16, x 10000, fill -3000, DEFLATE,
512 x 512 tiles) and one VI Quality GeoTIFF (uint16), UTM 18S, 250 m. Every year's files are real files with their
own values (seeded by year), so reading 20 years reads 20 years of bytes. ``--link-years`` instead generates one
year and links the other years' dated names to it (the page cache then serves repeated reads: I/O looks cheaper
than it is); use it only when the disk or the time cannot hold the full series (--size 5000 --years 20: about
20 GB, 1 GB a year, and about 2 minutes of generation a year on 2 cores; --size 2000: 155 MB a year).

Measured, each in its own process (bench/_measure.py: wall time, CPU time, peak RSS):
  - t2restore: ``vegetation_series.prepare_series`` over every year (quality mask 'usable', annual mean);
  - ``--before DIR``: the same with the t2restore package found in DIR (e.g. an older commit unpacked by
    ``git archive <commit> | tar -x -C DIR/t2restore``), for before / after figures in one run;
  - baseline, like for like: gdal_calc.py once per year over that year's 23 NDVI files and their 23 VI Quality
    files (``-A``/``-B`` take a list of files each, GDAL >= 3.3), with the same work: fill masked, the same VI
    Quality 'usable' test (MODLAND <= 1, usefulness <= 1100, no mixed clouds, snow/ice or shadow), scale, mean,
    input nodata ignored (--hideNoData: gdal_calc would otherwise blank every pixel where any composite is fill).
    Its first year is checked equal to t2restore's (1e-5), as t2restore's rows are checked against numpy.
Results go to bench/results/vegetation_series.json.
"""

import argparse
import datetime
import json
import os
import shutil
import time
from pathlib import Path

import numpy as np
from _common import HERE, PY, measure, package_parent, say, work_folder, write_results
from osgeo import gdal, osr

GOOD, CLOUDY = 2116, 2118  # VI Quality words: MODLAND 00 (usable), MODLAND 10 (probably cloudy)
OPTIONS = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "BIGTIFF=IF_SAFER"]


def _create(path, size, gdal_type, nodata=None):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal_type, OPTIONS)
    ds.SetGeoTransform((400000.0, 250.0, 0.0, 8960000.0, 0.0, -250.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    ds.SetProjection(srs.ExportToWkt())
    if nodata is not None:
        ds.GetRasterBand(1).SetNoDataValue(nodata)
    return ds


def _names(year, doy):
    stem = "MOD13Q1.061__250m_16_days_{kind}_doy" + f"{year}{doy:03d}_aid0001.tif"
    return stem.format(kind="NDVI"), stem.format(kind="VI_Quality")


def generate(folder, size, composites, year, seed=19):
    """One year of composites (NDVI and VI Quality) under their dated names, 512 rows at a time;
    the list of (doy, ndvi, quality)."""
    made = []
    for k in range(composites):
        doy = 1 + 16 * k
        ndvi_name, quality_name = _names(year, doy)
        ndvi_path, quality_path = folder / ndvi_name, folder / quality_name
        made.append((doy, ndvi_path, quality_path))
        if ndvi_path.exists() and quality_path.exists():
            continue
        nd, qd = _create(ndvi_path, size, gdal.GDT_Int16, -3000), _create(quality_path, size, gdal.GDT_UInt16)
        for row0 in range(0, size, 512):
            n = min(512, size - row0)
            rng = np.random.default_rng([seed, year, k, row0])
            cols = np.linspace(0, 1, size)[None, :]
            season = 0.15 * np.sin(2 * np.pi * doy / 365.0)
            ndvi = 0.25 + 0.5 * cols + season + rng.normal(0, 0.03, (n, size))
            raw = np.clip(np.rint(ndvi * 10000), -2000, 10000).astype(np.int16)
            cloudy = rng.random((n, size)) < 0.15
            raw[rng.random((n, size)) < 0.01] = -3000
            nd.GetRasterBand(1).WriteArray(raw, 0, row0)
            qd.GetRasterBand(1).WriteArray(np.where(cloudy, CLOUDY, GOOD).astype(np.uint16), 0, row0)
        nd = qd = None
    return made


def real_years(folder, size, composites, years, first_year=2001):
    """Every year generated as its own files: {year: [(doy, ndvi, quality)]}."""
    series = folder / "years"
    series.mkdir(exist_ok=True)
    return {year: generate(series, size, composites, year) for year in range(first_year, first_year + years)}


def link_years(folder, size, composites, years, first_year=2001):
    """One year generated; the other years' dated names are links to its files: {year: [(doy, ndvi, quality)]}."""
    base = generate(folder, size, composites, first_year)
    series = folder / "series"
    series.mkdir(exist_ok=True)
    out = {first_year: base}
    for year in range(first_year + 1, first_year + years):
        out[year] = []
        for doy, ndvi_path, quality_path in base:
            made = []
            for src, name in zip((ndvi_path, quality_path), _names(year, doy)):
                link = series / name
                if not link.exists():
                    link.symlink_to(src)
                made.append(link)
            out[year].append((doy, *made))
    return out


def run_t2restore(ndvi, quality, out, work, package=None, label="t2restore"):
    listing = Path(work) / "files.txt"
    listing.write_text("\n".join(ndvi) + "\n--\n" + "\n".join(quality))
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from t2restore.algorithms import vegetation_series as v; "
            "a, b = open(sys.argv[2]).read().split('\\n--\\n'); "
            "obs = v.observations_of(a.split(), None, b.split()); "
            "o = v.SeriesOptions(scale=v.MODIS_SCALE, fill=v.MODIS_FILL, how='mean'); "
            "r = v.prepare_series(obs, sys.argv[3], o, sys.argv[4]); print('years', r['years'])")
    tmp = Path(work) / f"{label}-work"
    tmp.mkdir(exist_ok=True)
    try:
        return measure([PY, "-c", code, str(package or package_parent()), str(listing), out, str(tmp)], label)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the per-year working files: 2 GB at --size 5000


# VI Quality 'usable' (vegetation_series.vi_quality_ok): MODLAND <= 1, usefulness <= 1100, bits 10, 14, 15 clear
USABLE = "(((B&3)<=1)&(((B>>2)&15)<=12)&((B&50176)==0))"


def run_gdal_calc(composites, out):
    """gdal_calc.py: one year's mean of the composites with the same fill, quality mask and scale as t2restore."""
    ok = f"((A!=-3000)&{USABLE})"
    expr = f"where(({ok}).any(axis=0),(A*0.0001*{ok}).sum(axis=0)/maximum(({ok}).sum(axis=0),1),-9999)"
    cmd = ["/usr/bin/gdal_calc.py", "--quiet", "--overwrite", "--hideNoData", "--type=Float32", "--NoDataValue=-9999",
           "--co=TILED=YES", "--co=COMPRESS=DEFLATE", "--co=BIGTIFF=IF_SAFER", f"--calc={expr}", f"--outfile={out}",
           "-A"] + [str(ndvi) for _doy, ndvi, _q in composites] + ["-B"] + [str(q) for _doy, _n, q in composites]
    return measure(cmd, "gdal_calc")


def cpu_seconds(measured):
    """The CPU seconds (user + system) _measure.py reported for the command."""
    return json.loads([line for line in measured.stdout.splitlines() if line.startswith("{")][-1])["cpu_seconds"]


def check(out, base, size, band=1, reference=None):
    """One year's mean at a few rows against a direct numpy computation (quality 'usable'), or against
    ``reference`` (another file's band 1) everywhere."""
    ds = gdal.Open(out)
    if reference is not None:
        got = ds.GetRasterBand(band).ReadAsArray()
        ref = gdal.Open(reference)  # kept: a band outlives its dataset only while the dataset is referenced
        other = ref.GetRasterBand(1).ReadAsArray()
        if not np.allclose(got, other, atol=1e-5):
            raise SystemExit(f"bench: {reference} differs from {out} band {band}")
        return
    for row in (0, size // 2, size - 1):
        got = ds.GetRasterBand(band).ReadAsArray(0, row, size, 1)[0]
        vals, oks = [], []
        for _doy, ndvi_path, quality_path in base:
            v = gdal.Open(str(ndvi_path)).ReadAsArray(0, row, size, 1)[0].astype(np.float64)
            q = gdal.Open(str(quality_path)).ReadAsArray(0, row, size, 1)[0]
            vals.append(v * 0.0001)
            oks.append((v != -3000) & (q == GOOD))
        v, ok = np.array(vals), np.array(oks)
        truth = np.where(ok.any(0), (v * ok).sum(0) / np.maximum(ok.sum(0), 1), -9999)
        if not np.allclose(got, truth, atol=1e-5):
            raise SystemExit(f"bench: row {row} differs from the direct computation")


def _figures(measured):
    return {"seconds": round(measured.seconds, 2), "cpu_seconds": round(cpu_seconds(measured), 2),
            "peak_mb": round(measured.peak_mb, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--composites", type=int, default=23)
    parser.add_argument("--work", default=str(HERE / "data" / "vegetation_series"))
    parser.add_argument("--link-years", action="store_true", help="link the other years to one generated year")
    parser.add_argument("--before", help="folder holding another t2restore package, measured too")
    args = parser.parse_args()
    work = work_folder(Path(args.work) / f"{args.size}")
    say(f"generating {args.years} x {args.composites} composites at {args.size} x {args.size} ...")
    start = time.perf_counter()
    by_year = (link_years if args.link_years else real_years)(work, args.size, args.composites, args.years)
    say(f"generated in {time.perf_counter() - start:.0f} s")
    ndvi = [str(n) for year in sorted(by_year) for _doy, n, _q in by_year[year]]
    quality = [str(q) for year in sorted(by_year) for _doy, _n, q in by_year[year]]
    first = by_year[min(by_year)]
    results = {"date": datetime.date.today().isoformat(), "size": args.size, "megapixels": args.size ** 2 / 1e6,
               "years": args.years, "composites_per_year": args.composites, "cpus": os.cpu_count(),
               "other_years": "links to one year" if args.link_years else "real files"}
    runs = [("t2restore", None)] + ([("before", args.before)] if args.before else [])
    for label, package in runs:
        out = str(work / f"series_{label}.tif")
        say(f"{label}: {len(ndvi)} NDVI + {len(quality)} quality files ...")
        measured = run_t2restore(ndvi, quality, out, work, package, label)
        check(out, first, args.size)
        say(f"{label}: {measured.seconds:.1f} s, {cpu_seconds(measured):.1f} s CPU, peak {measured.peak_mb:.0f} MB "
            f"(checked against numpy)")
        results[label] = dict(_figures(measured), what="every year: quality mask (VI Quality 'usable'), fill, "
                                                       "scale, annual mean")
    calc = [run_gdal_calc(by_year[year], str(work / f"calc_{year}.tif")) for year in sorted(by_year)]
    check(str(work / "series_t2restore.tif"), first, args.size, reference=str(work / f"calc_{min(by_year)}.tif"))
    seconds, cpu = sum(c.seconds for c in calc), sum(cpu_seconds(c) for c in calc)
    say(f"gdal_calc.py, every year: {seconds:.1f} s, {cpu:.1f} s CPU, peak {max(c.peak_mb for c in calc):.0f} MB "
        f"(first year equal to t2restore's)")
    results["gdal_calc_every_year"] = {
        "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_mb": round(max(c.peak_mb for c in calc), 1),
        "what": "one gdal_calc.py per year: the same fill, VI Quality 'usable' mask, scale and mean"}
    results["ratio_t2restore_to_gdal_calc"] = round(results["t2restore"]["seconds"] / seconds, 3)
    results["cpu_ratio_t2restore_to_gdal_calc"] = round(results["t2restore"]["cpu_seconds"] / cpu, 3)
    if args.before:
        results["speedup_over_before"] = round(results["before"]["seconds"] / results["t2restore"]["seconds"], 3)
        results["cpu_speedup_over_before"] = round(results["before"]["cpu_seconds"] /
                                                   results["t2restore"]["cpu_seconds"], 3)
    write_results("vegetation_series", results)


if __name__ == "__main__":
    main()
