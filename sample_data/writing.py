"""Raster writing of the generator: GDAL settings (exceptions, cache), creation options, and the
window-by-window loop that computes every selected layer from one ``Block`` per window."""

import os
import time
from contextlib import contextmanager

import numpy as np
from osgeo import gdal, ogr, osr

from .block import Block
from .legends import EPSG, GENERATOR_VERSION, TILE


def remove_file(path):
    if os.path.exists(path):
        os.remove(path)


@contextmanager
def gdal_exceptions():
    """GDAL/OGR exceptions on inside, and the caller's (e.g. QGIS's) setting restored after."""
    saved = [(mod, mod.GetUseExceptions()) for mod in (gdal, ogr, osr)]
    for mod, _ in saved:
        mod.UseExceptions()
    try:
        yield
    finally:
        for mod, was in reversed(saved):  # GDAL keeps the handlers as a stack
            if not was:
                mod.DontUseExceptions()


@contextmanager
def gdal_cache(limit):
    """Cap GDAL's block cache while writing (dirty tiles are compressed and written as they are
    evicted), so memory stays bounded on 400-megapixel outputs; the caller's cap is restored."""
    saved = gdal.GetCacheMax()
    gdal.SetCacheMax(min(saved, limit))
    try:
        yield
    finally:
        gdal.SetCacheMax(saved)


def _compression():
    """ZSTD where this GDAL has it (several times faster at the same ratio), else DEFLATE."""
    options = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    return "ZSTD" if "ZSTD" in options else "DEFLATE"


def _creation_options(dtype):
    """Tiled, compressed with a predictor, BigTIFF when needed; ZSTD level 3 (GDAL's default 9 is
    about 40 % slower overall for a few percent smaller files)."""
    predictor = "3" if dtype in (gdal.GDT_Float32, gdal.GDT_Float64) else "2"
    compress = _compression()
    level = ["ZSTD_LEVEL=3"] if compress == "ZSTD" else []
    return ["TILED=YES", f"BLOCKXSIZE={TILE}", f"BLOCKYSIZE={TILE}", f"COMPRESS={compress}",
            f"PREDICTOR={predictor}", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"] + level


def _colour_table(classes):
    table = gdal.ColorTable()
    for code, (_, colour) in classes.items():
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        table.SetColorEntry(int(code), rgb + (255,))
    return table


def _create_raster(world, spec, path):
    ds = gdal.GetDriverByName("GTiff").Create(path, world.size, world.size, spec.bands, spec.dtype,
                                              _creation_options(spec.dtype))
    x0, y0 = world.origin
    ds.SetGeoTransform((x0, world.pixel_size, 0.0, y0, 0.0, -world.pixel_size))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds.SetProjection(srs.ExportToWkt())
    ds.SetMetadataItem("DESCRIPTION", spec.description)
    ds.SetMetadataItem("GENERATOR", f"T2 Restore sample_data v{GENERATOR_VERSION} seed={world.seed}")
    for i in range(spec.bands):
        band = ds.GetRasterBand(i + 1)
        band.SetNoDataValue(spec.nodata)
        if spec.band_names:
            band.SetDescription(spec.band_names[i])
        if spec.classes and spec.dtype == gdal.GDT_Byte:
            band.SetColorTable(_colour_table(spec.classes))
    return ds


def _compute_window(world, specs, window):
    """Arrays of every selected layer for one window (NaN -> the layer's nodata)."""
    block = Block(world, *window)
    arrays = []
    for spec in specs:
        array = spec.func(block)
        if array.dtype.kind == "f":
            array = np.where(np.isnan(array), np.float32(spec.nodata), array)
        arrays.append(array)
    return arrays


def write_rasters(world, specs, out_dir, block_size, log):
    """Compute every selected layer window by window; one Block serves all layers of a window."""
    paths = {spec.name: os.path.join(out_dir, spec.name + ".tif") for spec in specs}
    datasets = {}
    for spec in specs:
        remove_file(paths[spec.name] + ".part")
        datasets[spec.name] = _create_raster(world, spec, paths[spec.name] + ".part")
    n = world.size
    windows = [(r0, c0, min(block_size, n - r0), min(block_size, n - c0))
               for r0 in range(0, n, block_size) for c0 in range(0, n, block_size)]

    def write(window, arrays):
        for spec, array in zip(specs, arrays):
            band_arrays = array[None] if array.ndim == 2 else array
            for i, band_array in enumerate(band_arrays):
                datasets[spec.name].GetRasterBand(i + 1).WriteArray(band_array, window[1], window[0])

    start = time.perf_counter()
    # Single-threaded on purpose: the work is many short numpy calls that hold the GIL, and
    # compute threads or a separate writer thread measured no faster (GDAL compresses with
    # NUM_THREADS on its own).
    for window in windows:
        write(window, _compute_window(world, specs, window))
    for spec in specs:
        datasets[spec.name].FlushCache()
        datasets[spec.name] = None
        os.replace(paths[spec.name] + ".part", paths[spec.name])
        log(f"wrote {paths[spec.name]}")
    return paths, time.perf_counter() - start


def manifest_entry(name, path, out_dir, **extra):
    entry = {"file": os.path.relpath(path, out_dir)}
    entry.update(extra)
    return entry


