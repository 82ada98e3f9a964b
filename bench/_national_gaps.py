"""The gap-overlap step of bench_national.py: the two national gaps on the national grid, the step, its baseline.

The gaps are made as the national data is published:
- MINAM's ecosystem recovery gap comes from MINAM's map of degraded areas, a raster product (indicators
  integrated per pixel, METHODS.md section 3): here ``minam_gap.tif`` (1 = in the gap, 0 = no data), the
  degraded natural cover (lowest productivity class of natural land cover) where a second value noise marks
  the sector's intervention areas: about 2.5 % of the land, as 3.2 Mha of Peru's 128 Mha.
- SERFOR's national restoration gap is published as polygons (ROAM priority sites, METHODS.md section 4):
  here ``serfor_gap.gpkg``, 18,000 irregular polygons (bench_gap_overlap.py's blobs, about 120 ha each on
  average, so about 2.15 Mha in all, overlapping each other in places), half centred on MINAM's gap (the two
  gaps overlap in part, as the sectors fear) and half on forest cleared between the two land cover years.
Both are written band by band or from a decimated read, so building them stays bounded in memory at any
scale. The polygons do not depend on the scale (the same 18,000 at every pixel size); the raster does.

Steps (each in its own process through bench_national.py, QGIS started there):
- ``gap_overlap``: processing.run("t2restore:gap_overlap") on the raster gap A and the polygon gap B, as a
  technician runs it (the raster mask polygonized inside, block-wise and in the engine's threads);
- ``gap_native``: the baseline of bench_gap_overlap.py (QGIS's native chain: intersection, difference twice,
  merge, field calculator with $area), after polygonizing MINAM's raster with GDAL (what gdal:polygonize does),
  which the native chain needs as polygons. Both time the algorithms only (QGIS start-up apart).
"""

import os
import time
from pathlib import Path

import numpy as np
from _common import noise_rows

SERFOR_POLYGONS = 18000
GAP_SEED = 17
GAP_THRESHOLD = 0.69  # of the intervention noise, inside degraded natural cover: about 2.5 % of the land
NATURAL = (3, 6, 11, 12, 13)  # forest, Andean forest, wetland, grassland, shrubland codes of the national legend
CENTRE_CELL_M = 1000.0  # SERFOR's polygons are centred from a read of the rasters decimated to about 1 km


def band_rows(cols, limit=4_000_000):
    """Rows per band so that one band of float64 noise holds at most ``limit`` pixels (bounded memory)."""
    return max(16, min(256, limit // max(1, cols)))


def write_minam_gap(folder, grid, create):
    """minam_gap.tif, band by band from the land cover and productivity maps (see the module's docstring)."""
    from osgeo import gdal

    gt, cols, rows, wkt, _ring = grid
    cell = max(8, cols // 160) // 2 or 1
    lattice = np.random.default_rng(GAP_SEED).random((rows // cell + 3, cols // cell + 3))
    sources = {name: gdal.Open(str(folder / f"{name}.tif")) for name in ("land", "lc_2020", "lpd")}
    part = folder / "minam_gap.part.tif"  # renamed when complete: an interrupted build is not taken as built
    out = create(part, cols, rows, gt, wkt, "uint8", 0)
    step = band_rows(cols)
    for row0 in range(0, rows, step):
        n = min(step, rows - row0)
        arrays = {name: ds.GetRasterBand(1).ReadAsArray(0, row0, cols, n) for name, ds in sources.items()}
        degraded = (arrays["land"] > 0) & (arrays["lpd"] == 1) & np.isin(arrays["lc_2020"], NATURAL)
        gap = degraded & (noise_rows(lattice, cell, row0, n, cols) > GAP_THRESHOLD)
        out.GetRasterBand(1).WriteArray(gap.astype(np.uint8), 0, row0)
    out = None
    os.replace(part, folder / "minam_gap.tif")


def _centres(folder, grid, rng, n):
    """``n`` polygon centres (x, y arrays, metres): half on MINAM's gap, half on cleared forest."""
    from osgeo import gdal

    gt, cols, rows = grid[0], grid[1], grid[2]
    factor = max(1, int(CENTRE_CELL_M / gt[1]))  # about 1,400 x 1,900 cells whatever the scale: bounded memory
    bx, by = max(1, cols // factor), max(1, rows // factor)
    datasets = {name: gdal.Open(str(folder / f"{name}.tif")) for name in ("minam_gap", "lc_2000", "lc_2020")}
    read = {name: ds.GetRasterBand(1).ReadAsArray(buf_xsize=bx, buf_ysize=by) for name, ds in datasets.items()}
    pools = [np.nonzero(read["minam_gap"] == 1), np.nonzero((read["lc_2000"] == 3) & (read["lc_2020"] != 3))]
    xs, ys = [], []
    for (yy, xx), count in zip(pools, (n // 2, n - n // 2)):
        pick = rng.integers(0, len(yy), count)
        xs.append(gt[0] + (xx[pick] + rng.random(count)) * cols / bx * gt[1])
        ys.append(gt[3] + (yy[pick] + rng.random(count)) * rows / by * gt[5])
    return np.concatenate(xs), np.concatenate(ys)


def write_serfor_gap(folder, grid, n=SERFOR_POLYGONS):
    """serfor_gap.gpkg: ``n`` polygons (see the module's docstring)."""
    from bench_gap_overlap import _blobs, _write
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS's notes on the blobs it makes valid
    rng = np.random.default_rng(GAP_SEED + 1)
    part = folder / "serfor_gap.part.gpkg"
    if part.exists():
        part.unlink()
    try:
        _write(part, list(_blobs(rng, n, _centres(folder, grid, rng, n))))
    finally:
        gdal.PopErrorHandler()
    os.replace(part, folder / "serfor_gap.gpkg")


def build_gaps(folder, grid, create):
    """Both gaps in ``folder`` unless already there (an input set built before this step existed gets them too)."""
    if not (folder / "minam_gap.tif").exists():
        write_minam_gap(folder, grid, create)
    if not (folder / "serfor_gap.gpkg").exists():
        write_serfor_gap(folder, grid)


def _fresh(path):
    for stale in (path, path.with_suffix(".qml")):
        if stale.exists():
            stale.unlink()
    return path


def step_gap_overlap(data, out):
    from bench_gap_overlap import child_t2restore

    result = child_t2restore(str(data / "minam_gap.tif"), str(data / "serfor_gap.gpkg"),
                             str(_fresh(out / "gap_overlap.gpkg")))
    result["seconds_algorithm"] = round(result.pop("seconds"), 2)
    return result


def polygonize(raster, path):
    """The gap pixels of ``raster`` as polygons in a GeoPackage (GDAL's Polygonize, as gdal:polygonize runs it)."""
    from osgeo import gdal, ogr

    ds = gdal.Open(str(raster))
    band = ds.GetRasterBand(1)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = out.CreateLayer("gap", srs=ds.GetSpatialRef(), geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DN", ogr.OFTInteger))
    layer.StartTransaction()
    gdal.Polygonize(band, band.GetMaskBand(), layer, 0, [])
    layer.CommitTransaction()
    count = layer.GetFeatureCount()
    out = None
    return count


def step_gap_native(data, out):
    from bench_gap_overlap import child_native

    start = time.perf_counter()
    minam = _fresh(out / "minam_gap_polygons.gpkg")
    features = polygonize(data / "minam_gap.tif", minam)
    seconds_polygonize = time.perf_counter() - start
    result = child_native(str(minam), str(data / "serfor_gap.gpkg"), str(_fresh(out / "gap_native.gpkg")))
    result["seconds_algorithm"] = round(result.pop("seconds") + seconds_polygonize, 2)
    result.update(seconds_polygonize=round(seconds_polygonize, 2), minam_polygons=features)
    return result


def gap_ratios(steps, cores):
    """Ratios of the gap step: all threads / 1 thread, and against the native chain (algorithm seconds)."""
    def algo(name, threads):
        return steps.get(name, {}).get(f"{threads} thread(s)", {}).get("seconds_algorithm")

    out = {}
    one, many, native = algo("gap_overlap", 1), algo("gap_overlap", cores), algo("gap_native", cores)
    if one and many:
        out["gap_overlap algorithm: all threads / 1 thread"] = round(many / one, 3)
    if many and native:
        out["gap_overlap / native chain (algorithms, all threads)"] = round(many / native, 3)
    return out


# -- disk ----------------------------------------------------------------------------------------------------

# Raw bytes per pixel: the inputs (land, two land cover maps, productivity, int32 zones, MINAM's gap), the raster
# outputs of one thread setting (two prepared land covers, LDN int16, fragmentation), and those written only with
# all threads (gdal_calc.py's and the I/O floor's int16).
INPUT_BYTES_PER_PX = 1 + 1 + 1 + 1 + 4 + 1
OUTPUT_BYTES_PER_PX = 1 + 1 + 2 + 1
BASELINE_BYTES_PER_PX = 2 + 2
# The engine refuses a step unless the raw size of its outputs (+1 %) fits the free disk (algorithms/files.py):
# the largest single step is LDN, int16.
LARGEST_STEP_BYTES_PER_PX = 2 * 1.01


def disk_plan(work, pixels, measured_inputs=None):
    """{figure: bytes} of the disk a run needs, and the free bytes of ``work``.

    Raw sizes are upper bounds (the files are compressed); ``measured_inputs`` (bytes of a built input set)
    gives the compressed ratio of the inputs."""
    import shutil

    raw_inputs = INPUT_BYTES_PER_PX * pixels
    plan = {"raw_inputs": raw_inputs,
            "raw_outputs_both_thread_settings": (2 * OUTPUT_BYTES_PER_PX + BASELINE_BYTES_PER_PX) * pixels,
            "free_needed_by_the_largest_step": LARGEST_STEP_BYTES_PER_PX * pixels,
            "free": shutil.disk_usage(os.fspath(work)).free}
    if measured_inputs:
        plan["measured_inputs"] = measured_inputs
        plan["compression_ratio_of_inputs"] = raw_inputs / measured_inputs
    return plan


def folder_bytes(folder):
    """Bytes of the files of ``folder`` (0 when it does not exist)."""
    folder = Path(folder)
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0


def gb(value):
    return f"{value / 1e9:,.1f} GB"
