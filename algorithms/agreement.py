"""Agreement between two degradation definitions (e.g. MINAM and SERFOR): classes, confusion, kappa.

Why: the national dialogue on KM-GBF Target 2 found that MINAM and MIDAGRI/SERFOR share a
conceptual definition of degradation but not an operational one. Putting both results on one grid
and counting hectares of "degraded in both / only in A / only in B / in neither" shows where the
sectors agree and by how much (overall agreement and Cohen's kappa, weighted by area, since pixels
of a geographic raster do not have equal areas).

Codes: 0 neither, 1 only A, 2 only B, 3 both (bit 1 = A degraded, bit 2 = B degraded); 255 nodata
(a raster input without data at the pixel). Polygon inputs are burnt onto the grid beforehand
(``rasterize_mask``): inside a polygon = degraded, outside = not degraded.
"""

import math

import numpy as np
from osgeo import gdal, ogr

from .areas import CellAreas
from .block_threads import Flags, in_block_order
from .blocks import (
    DEFAULT_BLOCK,
    TILE,
    Grid,
    RasterInput,
    RasterOutput,
    bounded_gdal_cache,
    run_blocks,
)
from .errors import N_, InputError
from .minam import parse_values
from .tables import AreaAccumulator, lookup
from .zones import burn_target_options

NEITHER, ONLY_A, ONLY_B, BOTH = 0, 1, 2, 3
CODES = (NEITHER, ONLY_A, ONLY_B, BOTH)
NODATA = 255
MAX_PIXELS_FROM_POLYGONS = 2_000_000_000


def agreement_code(degraded_a, degraded_b):
    """0 neither, 1 only A, 2 only B, 3 both."""
    return np.asarray(degraded_a, bool).astype(np.uint8) + 2 * np.asarray(degraded_b, bool).astype(np.uint8)


def agreement_stats(both, only_a, only_b, neither):
    """(overall agreement, Cohen's kappa) of a 2 x 2 confusion matrix given in hectares.

    p_o = (both + neither) / N; p_e = pA pB + (1 - pA)(1 - pB) with pA = (both + only_a) / N and
    pB = (both + only_b) / N; kappa = (p_o - p_e) / (1 - p_e). Kappa is None (undefined) when
    p_e = 1, i.e. both definitions call everything degraded or everything not degraded; both are
    None without any area.
    """
    total = both + only_a + only_b + neither
    if total <= 0:
        return None, None
    p_o = (both + neither) / total
    p_a = (both + only_a) / total
    p_b = (both + only_b) / total
    p_e = p_a * p_b + (1 - p_a) * (1 - p_b)
    if math.isclose(p_e, 1.0, rel_tol=0, abs_tol=1e-15):
        return p_o, None
    return p_o, (p_o - p_e) / (1 - p_e)


def grid_for_polygons(bounds, pixel_size, crs_wkt):
    """A north-up grid covering ``bounds`` (xmin, ymin, xmax, ymax) with square pixels."""
    if not pixel_size or pixel_size <= 0:
        raise InputError(N_("Both inputs are polygon layers: give a pixel size (PIXEL_SIZE, in the units of the "
                            "first layer's CRS) to compare them on."))
    xmin, ymin, xmax, ymax = bounds
    if not (xmax > xmin and ymax > ymin):
        raise InputError(N_("The polygon layers have an empty extent; there is nothing to compare."))
    xsize = max(1, int(math.ceil((xmax - xmin) / pixel_size - 1e-9)))
    ysize = max(1, int(math.ceil((ymax - ymin) / pixel_size - 1e-9)))
    if xsize * ysize > MAX_PIXELS_FROM_POLYGONS:
        raise InputError(N_("A pixel size of {size:g} makes a grid of {x} x {y} pixels over the polygons' extent; "
                            "choose a larger pixel size (it is in the units of the first layer's CRS)."),
                         size=pixel_size, x=xsize, y=ysize)
    return Grid(xsize, ysize, (xmin, pixel_size, 0.0, ymax, 0.0, -pixel_size), crs_wkt)


def rasterize_mask(shapes, grid, path):
    """Burn WKB polygons (in the grid's CRS) as 1 on 0 into a Byte GeoTIFF; a pixel is inside when
    its centre is (the same rule as zones), so polygon areas match pixel areas on average.

    This raster is written outside ``run_blocks``, so GDAL's block cache is capped here too, and the
    burn works on strips of one tile row: otherwise GDAL sizes its work buffer from the (uncapped,
    5 % of RAM) cache and memory grows with the grid (600 MB at 268 Mpx).
    """
    with bounded_gdal_cache():
        return _rasterize_mask(shapes, grid, path)


def _rasterize_mask(shapes, grid, path):
    mem = ogr.GetDriverByName("Memory").CreateDataSource("mask")
    layer = mem.CreateLayer("mask", srs=grid.srs(), geom_type=ogr.wkbUnknown)
    for wkb in shapes:
        geom = ogr.CreateGeometryFromWkb(wkb)
        if geom is None:
            continue
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), grid.xsize, grid.ysize, 1, gdal.GDT_Byte,
                                              burn_target_options("uint8"))
    if ds is None:
        raise InputError(N_("Cannot write the temporary raster {path}: {error}"), path=str(path),
                         error=gdal.GetLastErrorMsg())
    ds.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        ds.SetProjection(grid.crs_wkt)
    ds.GetRasterBand(1).Fill(0)
    if gdal.RasterizeLayer(ds, [1], layer, burn_values=[1], options=[f"CHUNKYSIZE={TILE}"]) != 0:
        raise InputError(N_("Burning the polygons onto the raster grid failed: {error}"), error=gdal.GetLastErrorMsg())
    ds = None
    return str(path)


def definition_agreement(output, a, b, degraded_a=(1,), degraded_b=(1,), zones=None, names=("A", "B"),
                         block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None):
    """Agreement classes block by block; returns per-zone confusion hectares and statistics.

    ``a`` and ``b`` are rasters on one grid; a pixel is degraded in A when its value is in
    ``degraded_a`` (a list or a text such as '1-4'). ``zones`` is an integer raster of zone ids (0 =
    outside every zone). Returns ``areas`` (AreaAccumulator over (zone, code)), ``zones`` {zone:
    {"both", "only_a", "only_b", "neither", "nodata", "overall", "kappa"}} and the same for the
    whole area under the key None.
    """
    sets = {"A": parse_values(degraded_a, "DEGRADED_A"), "B": parse_values(degraded_b, "DEGRADED_B")}
    inputs = [RasterInput(a, name=names[0]), RasterInput(b, name=names[1])]
    for inp in inputs:
        inp.open()
    if zones is not None:
        inputs.append(RasterInput(zones, name="ZONES"))
    grid = Grid.of(inputs[0].ds)
    cells = CellAreas(grid)
    areas = AreaAccumulator()
    seen, found = Flags((0, 1)), Flags((0, 1))  # marked in block order: they come back from a Dask worker too
    maps = [{int(v): 1 for v in sets["A"]}, {int(v): 1 for v in sets["B"]}]
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("agreement",))]

    def block_func(block):
        degraded, valid = [], None
        for i in (0, 1):
            ok = block.valid(i)
            if not seen[i] and ok.any():
                in_block_order(seen.mark, i)
            hit = lookup(block.arrays[i], maps[i], 0, np.uint8, want_known=False)[0].view(bool) & ok
            if not found[i] and hit.any():
                in_block_order(found.mark, i)
            degraded.append(hit)
            valid = ok if valid is None else valid & ok
        code = agreement_code(*degraded)
        code[~valid] = NODATA
        zone = block.arrays[2] if zones is not None else None
        acc_codes = np.where(valid, code, np.uint8(len(CODES)))
        areas.add_cell_codes(acc_codes, len(CODES) + 1, cells, block, zone, CODES + (None,))
        return code

    def before_commit():
        for i, name in enumerate(names):
            if not seen[i]:
                raise InputError(N_("The raster {name} has no valid pixel (all nodata)."), name=name)
        areas.require_overlap()

    run_blocks(inputs, block_func, outputs, block_size=block_size, progress=progress, is_cancelled=is_cancelled,
               before_commit=before_commit, parallel=True)
    summary = {}
    for (zone, cls), ha in areas.hectares.items():
        for key in (zone, None) if zones is not None else (None,):
            entry = summary.setdefault(key, dict.fromkeys(("both", "only_a", "only_b", "neither", "nodata"), 0.0))
            entry[_KEYS[cls]] += ha
    for entry in summary.values():
        entry["overall"], entry["kappa"] = agreement_stats(entry["both"], entry["only_a"], entry["only_b"],
                                                           entry["neither"])
    nothing = [names[i] for i in (0, 1) if not found[i]]
    return {"areas": areas, "zones": summary, "no_degraded": nothing}


_KEYS = {BOTH: "both", ONLY_A: "only_a", ONLY_B: "only_b", NEITHER: "neither", None: "nodata"}
