#!/usr/bin/env python3
"""Benchmark t2restore:prepare_vegetation_series: 20 years x 23 MODIS 16-day composites, seconds and peak memory.

    /usr/bin/python3 bench/bench_vegetation_series.py [--size 5000] [--years 20] [--composites 23] [--work DIR]

Inputs as MODIS MOD13Q1 arrives from AppEEARS: per date one NDVI GeoTIFF (int16, x 10000, fill -3000, DEFLATE,
512 x 512 tiles) and one VI Quality GeoTIFF (uint16), UTM 18S, 250 m. To keep the disk use of the full size
(--size 5000: 25 Mpx, 460 + 460 files, about 46 GB raw) affordable, the ``--composites`` dates of one year are
generated and the other years' files are symbolic links to them under their own dated names: t2restore opens
and reads all 920 names (the same bytes, so the page cache serves the repeated reads; the work measured is
reading, decompressing, masking and aggregating, not the disk).

Measured, each in its own process (bench/_measure.py: wall time, peak RSS):
  - t2restore: ``vegetation_series.prepare_series`` over every year (quality mask 'usable', annual mean);
  - baseline: gdal_calc.py computing ONE year's mean of the 23 composites (fill masked, scale applied, quality
    not used: gdal_calc takes 26 inputs at most, 23 NDVI files leave no room for their quality layers),
    then multiplied by the number of years.
Results go to bench/results/vegetation_series.json.
"""

import argparse
import datetime
import os
import string
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


def generate(folder, size, composites, seed=19):
    """One year of composites (NDVI and VI Quality), 512 rows at a time; the list of (doy, ndvi, quality)."""
    made = []
    for k in range(composites):
        doy = 1 + 16 * k
        ndvi_path = folder / f"base_NDVI_{doy:03d}.tif"
        quality_path = folder / f"base_VI_Quality_{doy:03d}.tif"
        made.append((doy, ndvi_path, quality_path))
        if ndvi_path.exists() and quality_path.exists():
            continue
        nd, qd = _create(ndvi_path, size, gdal.GDT_Int16, -3000), _create(quality_path, size, gdal.GDT_UInt16)
        for row0 in range(0, size, 512):
            n = min(512, size - row0)
            rng = np.random.default_rng([seed, k, row0])
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


def link_years(folder, base, years, first_year=2001):
    """Dated names (MOD13Q1.061 AppEEARS style) for every year, linked to the base year's files."""
    series = folder / "series"
    series.mkdir(exist_ok=True)
    ndvi, quality = [], []
    for year in range(first_year, first_year + years):
        for doy, ndvi_path, quality_path in base:
            for kind, src, out in (("NDVI", ndvi_path, ndvi), ("VI_Quality", quality_path, quality)):
                link = series / f"MOD13Q1.061__250m_16_days_{kind}_doy{year}{doy:03d}_aid0001.tif"
                if not link.exists():
                    link.symlink_to(src)
                out.append(str(link))
    return ndvi, quality


def run_t2restore(ndvi, quality, out, work):
    listing = Path(work) / "files.txt"
    listing.write_text("\n".join(ndvi) + "\n--\n" + "\n".join(quality))
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from t2restore.algorithms import vegetation_series as v; "
            "a, b = open(sys.argv[2]).read().split('\\n--\\n'); "
            "obs = v.observations_of(a.split(), None, b.split()); "
            "o = v.SeriesOptions(scale=v.MODIS_SCALE, fill=v.MODIS_FILL, how='mean'); "
            "r = v.prepare_series(obs, sys.argv[3], o, sys.argv[4]); print('years', r['years'])")
    tmp = Path(work) / "t2-work"
    tmp.mkdir(exist_ok=True)
    return measure([PY, "-c", code, str(package_parent()), str(listing), out, str(tmp)], "t2restore")


def run_gdal_calc(base, out):
    """gdal_calc.py: one year's mean of the composites (fill masked, scaled)."""
    letters = string.ascii_uppercase[:len(base)]
    valid = "+".join(f"({c}!=-3000)" for c in letters)
    total = "+".join(f"{c}*({c}!=-3000)" for c in letters)
    expr = f"where(({valid})>0,({total})*0.0001/maximum({valid},1),-9999)"
    cmd = ["/usr/bin/gdal_calc.py", "--quiet", "--overwrite", "--type=Float32", "--NoDataValue=-9999",
           "--co=TILED=YES", "--co=COMPRESS=DEFLATE", "--co=BIGTIFF=IF_SAFER", f"--calc={expr}",
           f"--outfile={out}"]
    for c, (_doy, ndvi_path, _q) in zip(letters, base):
        cmd += [f"-{c}", str(ndvi_path)]
    return measure(cmd, "gdal_calc")


def check(out, base, size):
    """The first year's mean at a few rows against a direct numpy computation (quality 'usable')."""
    ds = gdal.Open(out)
    for row in (0, size // 2, size - 1):
        got = ds.GetRasterBand(1).ReadAsArray(0, row, size, 1)[0]
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--composites", type=int, default=23)
    parser.add_argument("--work", default=str(HERE / "data" / "vegetation_series"))
    args = parser.parse_args()
    work = work_folder(Path(args.work) / f"{args.size}")
    say(f"generating {args.composites} composites at {args.size} x {args.size} ...")
    start = time.perf_counter()
    base = generate(work, args.size, args.composites)
    say(f"generated in {time.perf_counter() - start:.0f} s")
    ndvi, quality = link_years(work, base, args.years)
    out = str(work / "series.tif")
    say(f"t2restore: {len(ndvi)} NDVI + {len(quality)} quality files ...")
    t2 = run_t2restore(ndvi, quality, out, work)
    check(out, base, args.size)
    say(f"t2restore: {t2.seconds:.1f} s, peak {t2.peak_mb:.0f} MB (checked against numpy)")
    calc = run_gdal_calc(base, str(work / "calc_one_year.tif"))
    say(f"gdal_calc.py, one year: {calc.seconds:.1f} s, peak {calc.peak_mb:.0f} MB")
    results = {
        "date": datetime.date.today().isoformat(), "size": args.size, "megapixels": args.size ** 2 / 1e6,
        "years": args.years, "composites_per_year": args.composites, "cpus": os.cpu_count(),
        "t2restore": {"seconds": round(t2.seconds, 2), "peak_mb": round(t2.peak_mb, 1),
                      "what": "every year: quality mask (VI Quality 'usable'), fill, scale, annual mean"},
        "gdal_calc_one_year": {"seconds": round(calc.seconds, 2), "peak_mb": round(calc.peak_mb, 1),
                               "what": "one year's mean (fill masked, scaled, no quality mask)"},
        "gdal_calc_scaled_to_all_years_seconds": round(calc.seconds * args.years, 2),
        "ratio_t2restore_to_scaled_gdal_calc": round(t2.seconds / (calc.seconds * args.years), 3),
    }
    write_results("vegetation_series", results)


if __name__ == "__main__":
    main()
