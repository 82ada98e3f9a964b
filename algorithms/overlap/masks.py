"""Raster masks as polygons (gap layers given as rasters).

Pure numpy + GDAL/OGR: no qgis import.
"""

import os
import uuid

import numpy as np
from osgeo import gdal, ogr

from ..block_memory import release
from ..block_threads import OrderedPool, SerialPool, thread_count
from ..blocks import Grid, RasterInput, RasterOutput, bounded_gdal_cache, run_blocks
from ..errors import N_, Cancelled, InputError
from ..geometry import polygons_of

# Rows polygonized at a time, each strip by its own thread: polygons crossing a strip's edge are cut there
# (they stay disjoint, so no area changes; the cut shows in the output like the quadtree cuts of large
# polygons). A fixed height, so the polygons are the same whatever the number of threads.
STRIP_ROWS = 4096


def polygonize_mask(path, workdir, values=None, name="", progress=None, is_cancelled=None):
    """(polygons, CRS WKT) of the pixels of a raster that hold ``values`` (default: any non-zero value).

    The mask is computed block by block into a temporary byte raster and polygonized by GDAL, which
    works scanline by scanline, in strips of ``STRIP_ROWS`` rows on the engine's threads: memory stays
    bounded by the block size and the number of polygons. Polygons follow pixel edges (4-connected);
    they are disjoint, so no dissolve is needed.
    """
    inp = RasterInput(path, name=name)
    grid = Grid.of(inp.open())
    mask_path = os.path.join(workdir, f"mask_{uuid.uuid4().hex[:12]}.tif")
    wanted = None if values is None else np.asarray(list(values), dtype=np.float64)

    def block_func(block):
        arr = block.arrays[0]
        hit = (arr != 0) if wanted is None else np.isin(arr, wanted)
        return (hit & block.valid(0)).astype(np.uint8)

    run_blocks([inp], block_func, [RasterOutput(mask_path, "uint8", 0)], parallel=True,
               progress=(lambda f: progress(0.5 * f)) if progress else None, is_cancelled=is_cancelled)
    try:
        polys = _polygonize_strips(mask_path, grid, name, progress, is_cancelled)
    finally:
        os.remove(mask_path)
    return polys, grid.crs_wkt


def _polygonize_strips(mask_path, grid, name, progress, is_cancelled):
    """The polygons of the byte mask ``mask_path``, strip by strip in the engine's worker pool, in strip order."""
    strips = [(y, min(STRIP_ROWS, grid.ysize - y)) for y in range(0, grid.ysize, STRIP_ROWS)]
    threads = max(1, min(thread_count(), len(strips)))
    cancelled = is_cancelled or (lambda: False)

    def keep_going(_fraction, _msg, _data):
        return 0 if cancelled() else 1

    def one(strip):
        view = gdal.Translate("", mask_path, format="VRT", srcWin=[0, strip[0], grid.xsize, strip[1]])
        band = view.GetRasterBand(1)
        mem = ogr.GetDriverByName("Memory").CreateDataSource("mask")
        layer = mem.CreateLayer("mask", srs=grid.srs(), geom_type=ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
        err = gdal.Polygonize(band, band, layer, 0, [], callback=keep_going)
        if err != 0 and not cancelled():
            raise InputError(N_("Turning the raster {name} into polygons failed: {error}"), name=name,
                             error=gdal.GetLastErrorMsg())
        return [poly for feature in layer for poly in polygons_of(feature.GetGeometryRef())]

    # GDAL polygonizes through its block cache (5 % of RAM by default): capped, a national mask (46,000 x
    # 63,000 px) is polygonized in 1.4 GB less memory, and no slower
    polys, tasks = [], ((one, strip) for strip in strips)
    with bounded_gdal_cache(), (OrderedPool(threads, threads) if threads > 1 else SerialPool()) as pool:
        for done in range(1, len(strips) + 1):
            pool.fill(tasks)
            polys.extend(pool.next_result())  # in strip order
            if cancelled():
                raise Cancelled()  # the strips not started are dropped by the pool
            if progress is not None:
                progress(0.5 + 0.5 * done / len(strips))
    release()  # the strips' scanline buffers back to the system before the overlay
    return polys
