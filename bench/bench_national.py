#!/usr/bin/env python3
"""National benchmark: Peru's extent at 30 m, the chain a national technician runs, 1 thread and every core.

    /usr/bin/python3 bench/bench_national.py [--scale 0.02] [--work DIR] [--steps ldn,summary,...]

Builds a synthetic but realistic input set once (in DIR/national_<scale>): a land mask from a coarse
polygon of Peru drawn here (about 70 vertices, so the project does not depend on any shared file), two
national land cover maps in a national legend (coast desert and crops, Andean grassland and crops, Amazon
forest with deforestation fronts between the two years, lakes, towns), a land productivity map (LPD 1..5),
1,874 district-like zones (Voronoi cells of seeds inside the land), 600 restoration areas, and the two
national gaps as they are published (bench/_national_gaps.py): MINAM's recovery gap as a raster mask, SERFOR's
restoration gap as 18,000 polygons. Every raster is tiled and compressed as the plugin writes them; values
come from value noise, so class patches have realistic sizes and the files compress as real maps do. Inputs
are written band by band (a few million pixels a band, GDAL's cache capped), so building them stays under
1 GB of memory at any scale (732 MB measured at scale 0.05, whose bands have as many pixels as scale 1's);
the disk the run needs (raw upper bounds, and the free space the engine asks for at its largest step) is
printed first, and a disk too small for that is refused before anything is built.

``--scale`` is the fraction of the national pixel count: the extent stays Peru's, the pixel is
30 m / sqrt(scale) (scale 1: about 46,000 x 63,000 pixels at 30 m, 1.43 G of them on land).

Then each step runs in its own process (peak memory is its own, ``_measure.py``), with
T2RESTORE_THREADS=1 and with every core: land cover preparation (national legend -> UNCCD classes, both
years), LDN (SDG 15.3.1 from land cover and productivity), area summary per district (1,874 zones),
forest fragmentation (Riitters, 3 x 3), Target 2 (restoration areas against degraded land), gap overlap
(t2restore:gap_overlap on the two gaps, through Processing), and the baselines in the same run: those of
bench_ldn.py (gdal_calc.py computing the same LDN result, and the I/O floor) and of bench_gap_overlap.py
(QGIS's native chain on the same gaps, MINAM's raster polygonized first). Each step prints its seconds and
peak memory. Results: bench/results/national.json.
"""

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
from _common import HERE, PY, differing_pixels, measure, noise_rows, package_parent, say, work_folder, write_results
from _national_gaps import (  # noqa: F401 - step_gap_* are run by name (run_step)
    band_rows,
    build_gaps,
    disk_plan,
    folder_bytes,
    gap_ratios,
    gb,
    step_gap_native,
    step_gap_overlap,
)

# Peru's outline, lon/lat, drawn coarsely from the coast (Tumbes) clockwise; about 1 % of its area off.
PERU = [
    (-80.34, -3.39), (-81.33, -4.67), (-81.19, -5.20), (-80.86, -5.75), (-80.97, -6.09), (-79.98, -6.74),
    (-79.46, -7.72), (-78.99, -8.23), (-78.58, -8.98), (-78.15, -9.98), (-77.68, -10.84), (-77.17, -11.85),
    (-76.69, -12.55), (-76.24, -13.44), (-76.29, -13.88), (-75.95, -14.66), (-75.26, -15.42), (-74.41, -15.87),
    (-73.47, -16.30), (-72.52, -16.75), (-71.46, -17.31), (-71.04, -17.86), (-70.38, -18.35), (-69.86, -18.17),
    (-69.47, -17.50), (-69.50, -17.00), (-69.04, -16.68), (-68.97, -16.20), (-69.38, -15.60), (-69.16, -15.26),
    (-69.35, -14.79), (-68.86, -14.15), (-68.98, -13.44), (-68.68, -12.50), (-69.57, -10.95), (-70.62, -11.01),
    (-70.63, -9.83), (-71.37, -10.00), (-72.18, -10.00), (-72.37, -9.49), (-73.21, -9.41), (-72.96, -8.99),
    (-73.53, -8.35), (-74.00, -7.54), (-73.73, -6.92), (-73.17, -6.53), (-73.24, -6.09), (-72.86, -5.27),
    (-71.88, -4.52), (-70.93, -4.38), (-70.01, -4.31), (-69.95, -4.22), (-70.31, -3.79), (-70.71, -3.80),
    (-70.05, -2.73), (-70.87, -2.21), (-71.41, -2.34), (-72.18, -2.44), (-73.07, -2.07), (-73.66, -1.26),
    (-74.12, -1.00), (-74.79, -0.20), (-75.22, -0.04), (-75.56, -0.15), (-75.21, -0.97), (-75.55, -1.55),
    (-76.64, -2.61), (-77.85, -3.01), (-78.34, -3.41), (-78.71, -4.58), (-79.27, -4.96), (-79.99, -4.38),
    (-80.44, -4.43), (-80.34, -3.39),
]
EPSG = 32718
NATIONAL_ROWS, NATIONAL_COLS = 63000, 46000  # Peru at 30 m
# national legend (MapBiomas Peru-like codes) -> UNCCD class (1 forest .. 7 water)
NESTING = {3: 1, 4: 1, 6: 1, 11: 4, 12: 2, 13: 2, 15: 3, 18: 3, 21: 3, 24: 5, 25: 6, 29: 6, 33: 7, 34: 6}
ZONES = 1874
RESTORATION_AREAS = 600
BAND_ROWS = 256
STEPS = ("prepare_land_cover", "ldn", "summary", "fragmentation", "target2", "gap_overlap", "gdal_calc", "io_floor",
         "gap_native")
BASELINES = ("gdal_calc", "io_floor", "gap_native")  # run once, with all threads
QGIS_STEPS = ("gap_overlap", "gap_native")  # start QGIS in their process (left with os._exit)


def creation(dtype):
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.blocks import creation_options

    return creation_options(dtype)


# -- the input set ----------------------------------------------------------------------------------------


def national_grid(scale):
    """(geotransform, cols, rows, WKT) of Peru's extent in UTM 18S at 30 m / sqrt(scale)."""
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    geo = osr.SpatialReference()
    geo.ImportFromEPSG(4326)
    geo.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    pts = osr.CoordinateTransformation(geo, srs).TransformPoints([(x, y) for x, y in PERU])
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    pixel = 30.0 / math.sqrt(scale)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    cols, rows = round(NATIONAL_COLS * 30.0 / pixel), round(NATIONAL_ROWS * 30.0 / pixel)
    gt = (cx - cols * pixel / 2, pixel, 0.0, cy + rows * pixel / 2, 0.0, -pixel)
    return gt, cols, rows, srs.ExportToWkt(), [(x, y) for x, y in zip(xs, ys)]


def _create(path, cols, rows, gt, wkt, dtype, nodata):
    from osgeo import gdal

    types = {"uint8": gdal.GDT_Byte, "int32": gdal.GDT_Int32}
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, types[dtype], creation(dtype))
    ds.SetGeoTransform(gt)
    ds.SetProjection(wkt)
    ds.GetRasterBand(1).SetNoDataValue(nodata)
    return ds


def land_mask(folder, grid):
    """land.tif: 1 inside Peru's polygon (GDAL rasterizes it band by band, bounded memory)."""
    from osgeo import gdal, ogr

    gt, cols, rows, wkt, ring_xy = grid
    ds = _create(folder / "land.tif", cols, rows, gt, wkt, "uint8", 0)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ring_xy:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("peru")
    layer = mem.CreateLayer("peru", srs=ds_srs(wkt))
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetGeometry(poly)
    layer.CreateFeature(feat)
    gdal.RasterizeLayer(ds, [1], layer, burn_values=[1])
    ds = None
    return poly


def ds_srs(wkt):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    return srs


def _classes(x_share, forest_noise, use_noise, rows_noise):
    """National legend codes of one band from the position west -> east and three noises (0..1)."""
    out = np.full(forest_noise.shape, 12, np.uint8)  # Andean grassland (puna)
    coast = x_share < 0.18 + 0.08 * rows_noise
    amazon = x_share > 0.42 + 0.10 * rows_noise
    out[coast] = np.where(use_noise[coast] > 0.72, 18, np.where(use_noise[coast] > 0.62, 24, 25))
    andes = ~coast & ~amazon
    out[andes & (use_noise > 0.66)] = 21
    out[andes & (forest_noise > 0.78)] = 6
    out[andes & (use_noise < 0.07)] = 33
    out[amazon] = np.where(forest_noise[amazon] > 0.18, 3, 11)
    out[amazon & (use_noise > 0.86)] = 15
    return out


def write_land_cover(folder, grid, seed=7):
    """lc_2000.tif and lc_2020.tif (national legend) and lpd.tif, row band by row band."""
    from osgeo import gdal

    gt, cols, rows, wkt, _ring = grid
    rng = np.random.default_rng(seed)
    cell = max(8, cols // 160)
    lattices = [rng.random((rows // c + 3, cols // c + 3)) for c in (cell, cell // 4 or 1, cell, cell // 2 or 1)]
    cells = (cell, cell // 4 or 1, cell, cell // 2 or 1)
    land_ds = gdal.Open(str(folder / "land.tif"))  # kept: a band outlives its dataset only in C++
    land = land_ds.GetRasterBand(1)
    outs = [_create(folder / f"{name}.tif", cols, rows, gt, wkt, "uint8", 0) for name in ("lc_2000", "lc_2020", "lpd")]
    x_share = (np.arange(cols) + 0.5) / cols
    step = band_rows(cols, BAND_ROWS * 10_286)  # 256 rows up to scale 0.05; fewer above (bounded memory)
    for row0 in range(0, rows, step):
        n = min(step, rows - row0)
        noise = [noise_rows(lat, c, row0, n, cols) for lat, c in zip(lattices, cells)]
        inside = land.ReadAsArray(0, row0, cols, n).astype(bool)
        lc0 = _classes(x_share[None, :], noise[0], noise[1], noise[3][:, :1])
        lc1 = lc0.copy()
        front = (noise[2] > 0.68) & (lc0 == 3)
        lc1[front] = np.where(noise[1][front] > 0.5, 15, 12)  # deforestation: pasture, crops
        lc1[(lc0 == 21) & (noise[2] < 0.08)] = 6  # regrowth in the Andes
        lpd = np.clip((noise[3] * 4.999 + 1 - (lc1 != lc0) * 2).astype(np.int16), 1, 5).astype(np.uint8)
        for ds, arr in zip(outs, (lc0, lc1, lpd)):
            ds.GetRasterBand(1).WriteArray(np.where(inside, arr, 0).astype(np.uint8), 0, row0)
    outs = None


def write_zones(folder, grid, seed=11):
    """zones.tif: 1,874 district-like zones (Voronoi cells of seeds on land), 0 outside the land."""
    from osgeo import gdal
    from scipy.spatial import cKDTree

    gt, cols, rows, wkt, _ring = grid
    land_ds = gdal.Open(str(folder / "land.tif"))
    land = land_ds.GetRasterBand(1)
    coarse = land.ReadAsArray(buf_xsize=max(1, cols // 16), buf_ysize=max(1, rows // 16))
    yy, xx = np.nonzero(coarse)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(yy), ZONES, replace=False)
    seeds = np.stack([(xx[pick] + rng.random(ZONES)) * 16, (yy[pick] + rng.random(ZONES)) * 16], 1)
    tree = cKDTree(seeds)
    ds = _create(folder / "zones.tif", cols, rows, gt, wkt, "int32", 0)
    cx = np.arange(cols) + 0.5
    step = band_rows(cols, BAND_ROWS * 10_286)
    for row0 in range(0, rows, step):
        n = min(step, rows - row0)
        inside = land.ReadAsArray(0, row0, cols, n).astype(bool)
        ids = np.zeros((n, cols), np.int32)
        yy, xx = np.nonzero(inside)
        if len(yy):
            ids[yy, xx] = tree.query(np.stack([cx[xx], row0 + yy + 0.5], 1))[1].astype(np.int32) + 1
        ds.GetRasterBand(1).WriteArray(ids, 0, row0)
    ds = None


def write_restoration(folder, grid, poly, seed=13):
    """restoration.wkb.json: 600 restoration areas (squares of 20 to 400 ha) on land, as WKB hex."""
    from osgeo import ogr

    gt = grid[0]
    xmin, xmax, ymin, ymax = poly.GetEnvelope()
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < RESTORATION_AREAS:
        x, y = rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)
        side = math.sqrt(rng.uniform(20, 400) * 10000.0)
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for dx, dy in ((0, 0), (side, 0), (side, side), (0, side), (0, 0)):
            ring.AddPoint_2D(x + dx, y + dy)
        square = ogr.Geometry(ogr.wkbPolygon)
        square.AddGeometry(ring)
        if poly.Contains(square):
            out.append(square.ExportToWkb().hex())
    (folder / "restoration.wkb.json").write_text(json.dumps({"pixel": gt[1], "wkb": out}))


def check_disk(folder, scale):
    """Print the disk the run needs; SystemExit when the free space cannot hold the largest step's outputs."""
    grid = national_grid(scale)
    pixels = grid[1] * grid[2]
    built = folder_bytes(folder) if (folder / "manifest.json").exists() else None
    plan = disk_plan(folder.parent, pixels, built)
    say(f"disk at scale {scale:g} ({grid[1]} x {grid[2]} = {pixels / 1e9:.2f} G pixels): inputs at most "
        f"{gb(plan['raw_inputs'])} raw" + (f" ({gb(built)} as built)" if built else "")
        + f"; raster outputs of both thread settings at most {gb(plan['raw_outputs_both_thread_settings'])} raw "
        f"(compressed, a fraction of it); the engine asks for {gb(plan['free_needed_by_the_largest_step'])} free at "
        f"its largest step (LDN); free now: {gb(plan['free'])}")
    if plan["free"] < plan["free_needed_by_the_largest_step"] + (0 if built else plan["raw_inputs"] / 4):
        raise SystemExit(f"bench: not enough free disk in {folder.parent} for scale {scale:g}: free "
                         f"{gb(plan['free'])}, needed {gb(plan['free_needed_by_the_largest_step'])} at the LDN step"
                         + ("" if built else " plus the inputs (about a quarter of their raw size)"))
    return plan


BUILD_CACHE_BYTES = 256 * 1024 * 1024


def build_inputs(folder, scale):
    """The input set in ``folder`` (kept between runs: manifest.json is written last).

    GDAL's block cache (5 % of RAM by default) holds written tiles until it is full and sizes the chunks
    RasterizeLayer burns at once: capped here, building stays near the same peak memory at any scale."""
    from osgeo import gdal

    gdal.SetCacheMax(BUILD_CACHE_BYTES)
    if (folder / "manifest.json").exists():
        build_gaps(folder, national_grid(scale), _create)  # an input set built before the gap step existed
        return json.loads((folder / "manifest.json").read_text())
    folder.mkdir(parents=True, exist_ok=True)
    grid = national_grid(scale)
    start = time.perf_counter()
    say(f"building Peru at scale {scale}: {grid[1]} x {grid[2]} pixels of {grid[0][1]:.1f} m in {folder} ...")
    poly = land_mask(folder, grid)
    write_land_cover(folder, grid)
    write_zones(folder, grid)
    write_restoration(folder, grid, poly)
    build_gaps(folder, grid, _create)
    land_ds = gdal.Open(str(folder / "land.tif"))
    band = land_ds.GetRasterBand(1)
    land_share = sum(float(np.count_nonzero(band.ReadAsArray(0, y, grid[1], min(1024, grid[2] - y))))
                     for y in range(0, grid[2], 1024)) / (grid[1] * grid[2])
    manifest = {"scale": scale, "cols": grid[1], "rows": grid[2], "pixel_m": grid[0][1],
                "pixels": grid[1] * grid[2], "land_pixels": round(land_share * grid[1] * grid[2]),
                "zones": ZONES, "restoration_areas": RESTORATION_AREAS,
                "seconds_to_build": round(time.perf_counter() - start, 1)}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    say(f"built in {manifest['seconds_to_build']} s: {manifest['land_pixels'] / 1e6:.0f} M land pixels")
    return manifest


# -- the steps (each run in its own process: ``--step NAME``) ------------------------------------------------


def _nesting():
    from types import SimpleNamespace

    return SimpleNamespace(parent_of=dict(NESTING), nodata_codes=(0,))


def step_prepare_land_cover(data, out):
    from t2restore.algorithms.land_cover_prep import prepare_land_cover

    for year in ("2000", "2020"):
        prepare_land_cover(str(data / f"lc_{year}.tif"), _nesting(), str(out / f"unccd_{year}.tif"), str(out))


def _unccd(data, out, year):
    """The UNCCD land cover of ``year``: the prepared one, else recoded here (when preparation is not run)."""
    path = out / f"unccd_{year}.tif"
    if not path.exists():
        from osgeo import gdal

        from t2restore.algorithms.land_cover_prep import recode_vrt

        vrt = recode_vrt(gdal.Open(str(data / f"lc_{year}.tif")), gdal.Open(str(data / "land.tif")).GetProjection(),
                         _nesting(), str(out / f"unccd_{year}.vrt"))
        return vrt
    return str(path)


def step_ldn(data, out):
    from t2restore.algorithms import ldn

    ldn.ldn_degradation(str(out / "ldn.tif"), lc_baseline=_unccd(data, out, "2000"),
                        lc_target=_unccd(data, out, "2020"), productivity=str(data / "lpd.tif"))


def step_summary(data, out):
    from t2restore.algorithms import summary

    acc = summary.class_areas(str(out / "ldn.tif"), zones=str(data / "zones.tif"))
    return {"rows": len(acc.rows()), "zones": len({z for z, _c, _h, _p in acc.rows()})}


def step_fragmentation(data, out):
    from t2restore.algorithms import fragmentation

    fragmentation.forest_fragmentation(_unccd(data, out, "2020"), str(out / "fragmentation.tif"), forest_values=(1,))


def step_target2(data, out):
    from osgeo import ogr

    from t2restore.algorithms import target2

    wkb = json.loads((data / "restoration.wkb.json").read_text())["wkb"]
    result, _grid = target2.target2_raster(str(out / "ldn.tif"), [-1], [ogr.CreateGeometryFromWkb(bytes.fromhex(w))
                                                                     for w in wkb], str(out))
    return {"degraded_ha": round(result.rows[0][2]), "restored_inside_ha": round(result.rows[0][3])}


def step_gdal_calc(data, out):
    import subprocess  # nosec B404

    lut = [0] * 64  # UNCCD transition matrix as in bench_ldn.py
    matrix = [0, -1, -1, -1, -1, -1, 0, 1, 0, 1, -1, -1, -1, 0, 1, -1, 0, -1, -1, -1, 0, -1, -1, -1, 0, -1, -1, 0,
              1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    for i in range(7):
        for j in range(7):
            lut[(i + 1) * 8 + j + 1] = matrix[i * 7 + j]
    lc = f"array({lut})[clip(A,0,7).astype(int32)*8+clip(B,0,7)]"
    prod = "array([0,-1,-1,0,0,1,0,0,0,0,0,0,0,0,0,0])[clip(C,0,15)]"
    expr = (f"where(~((A>=1)&(A<=7)&(B>=1)&(B<=7)&(C>=1)&(C<=5)), -32768, "
            f"where(({lc}==-1)|({prod}==-1), -1, where(({lc}==1)|({prod}==1), 1, 0)))")
    cmd = ["gdal_calc.py", "--quiet", "--overwrite", "--type=Int16", "--NoDataValue=-32768",
           "-A", _unccd(data, out, "2000"), "-B", _unccd(data, out, "2020"), "-C", str(data / "lpd.tif"),
           f"--outfile={out / 'ldn_gdal_calc.tif'}", f"--calc={expr}"]
    os.environ.pop("T2RESTORE_THREADS", None)
    for opt in creation("int16"):
        cmd += ["--co", opt]
    subprocess.run(cmd, check=True)  # nosec B603


def step_io_floor(data, out):
    import subprocess  # nosec B404

    os.environ.pop("T2RESTORE_THREADS", None)
    subprocess.run([PY, str(HERE / "_io_floor.py"), str(out / "io_floor.tif"), _unccd(data, out, "2000"),  # nosec B603
                    _unccd(data, out, "2020"), str(data / "lpd.tif")], check=True)


def run_step(name, data, out):
    """``--step`` mode: run one step here and print its figures as JSON."""
    sys.path.insert(0, str(package_parent()))
    start = time.perf_counter()
    extra = globals()[f"step_{name}"](Path(data), Path(out)) or {}
    print(json.dumps(dict(extra, seconds_in_step=round(time.perf_counter() - start, 2))), flush=True)
    if name in QGIS_STEPS:
        os._exit(0)  # skip QGIS's slow and sometimes crashing exit in a throw-away process


# -- the run ------------------------------------------------------------------------------------------------


def measured(name, data, out, threads):
    env_before = os.environ.get("T2RESTORE_THREADS")
    if threads:
        os.environ["T2RESTORE_THREADS"] = str(threads)
    try:
        run = measure([PY, str(Path(__file__).resolve()), "--step", name, "--data", str(data), "--out", str(out)],
                      label=name)
    finally:
        if env_before is None:
            os.environ.pop("T2RESTORE_THREADS", None)
        else:
            os.environ["T2RESTORE_THREADS"] = env_before
    figures = run.child_json()
    figures.update(seconds=round(run.seconds, 2), peak_mb=round(run.peak_mb, 1),
                   cpu_seconds=round(getattr(run, "cpu", 0.0), 2))  # above ``seconds``: several cores worked
    return figures


def compare_ldn(out):
    """Pixels where t2restore's LDN and gdal_calc's differ (window by window)."""
    return differing_pixels(out / "ldn.tif", out / "ldn_gdal_calc.tif")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.02, help="fraction of the national pixel count (1 = 30 m)")
    parser.add_argument("--work", default=str(HERE / "data"))
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        return run_step(args.step, args.data, args.out)
    work = work_folder(args.work)
    data = work / f"national_{args.scale:g}"
    disk = check_disk(data, args.scale)
    manifest = build_inputs(data, args.scale)
    cores = os.cpu_count() or 1
    results = {"machine": {"cpus": cores}, "inputs": manifest, "steps": {}}
    for threads in (1, cores):
        out = work / f"national_{args.scale:g}_out_{threads}"
        out.mkdir(exist_ok=True)
        for name in args.steps.split(","):
            if name in BASELINES and threads != cores:
                continue
            try:
                figures = measured(name, data, out, threads)
            except RuntimeError as error:
                figures = {"failed": str(error)[-600:]}
            results["steps"].setdefault(name, {})[f"{threads} thread(s)"] = figures
            say(f"{name:20s} {threads} thread(s): {figures.get('seconds', '-')} s, peak {figures.get('peak_mb', '-')} "
                f"MB; {figures}")
    _ratios(results, cores, work / f"national_{args.scale:g}_out_{cores}")
    results["disk"] = dict(disk, inputs_built=folder_bytes(data),
                           outputs_written=sum(folder_bytes(work / f"national_{args.scale:g}_out_{t}")
                                               for t in {1, cores}))
    write_results("national", results)
    return None


def _ratios(results, cores, out):
    steps = results["steps"]

    def secs(name, threads):
        return steps.get(name, {}).get(f"{threads} thread(s)", {}).get("seconds")

    ratios = {}
    for name in steps:
        one, many = secs(name, 1), secs(name, cores)
        if one and many and name not in BASELINES:
            ratios[f"{name}: all threads / 1 thread"] = round(many / one, 3)
    ratios.update(gap_ratios(steps, cores))
    if secs("ldn", cores) and secs("gdal_calc", cores):
        ratios["ldn / gdal_calc"] = round(secs("ldn", cores) / secs("gdal_calc", cores), 3)
        ratios["ldn / io_floor"] = round(secs("ldn", cores) / secs("io_floor", cores), 3)
        ratios["ldn pixels differing from gdal_calc"] = compare_ldn(out)
    ldn_summary = [secs(n, cores) for n in ("prepare_land_cover", "ldn", "summary")]
    if all(ldn_summary):
        ratios["land cover prep + LDN + summary, seconds (all threads)"] = round(sum(ldn_summary), 1)
    results["ratios"] = ratios


if __name__ == "__main__":
    main()
