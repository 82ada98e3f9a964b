"""The Target 2 indicator's overlay: restoration areas against degraded land (polygons or a raster).

Why a module of its own: the Target 2 counting rules (restoration dissolved so overlaps count once,
degraded land from polygons or from a raster, every registered hectare conserved at any pixel size)
sit on top of the polygon machinery of ``overlap`` (dissolve, partition) and the geometry core's
ellipsoidal areas but are not part of them. Pure numpy + OGR/GEOS: no qgis import.
"""

import math
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr

from . import coverage
from .blocks import Grid, RasterInput, in_block_order, open_raster, run_blocks, valid_mask
from .errors import N_, Cancelled, InputError
from .geometry import AreaCalculator, polygons_of, quiet_gdal_errors, rectangle
from .overlap import BOTH, ONLY_A, ONLY_B, class_areas_by_region, dissolve, labelled_regions, partition

INSIDE, OUTSIDE, DEGRADED_ONLY = BOTH, ONLY_A, ONLY_B  # partition of (restoration, degraded)


@dataclass
class Target2Result:
    rows: list        # [(breakdown index or None for national, label, degraded ha, inside ha, outside ha)]
    inside: list      # polygons: restoration inside degraded land
    outside: list     # polygons: restoration outside degraded land


def _levels_rows(level, sums):
    rows = []
    for label, cell in sums.items():
        rows.append((level, label, cell[DEGRADED_ONLY] + cell[INSIDE], cell[INSIDE], cell[OUTSIDE]))
    return rows


def target2_vector(degraded, restoration, srs, breakdowns=(), progress=None, is_cancelled=None):
    """Degraded land and restoration in it, from polygons: (restoration, degraded) partitioned exactly.

    ``degraded``/``restoration``: valid polygons; the restoration areas are dissolved, so land under
    two overlapping initiatives counts once. ``breakdowns``: [[(label, polygon)], ...]; rows name
    the breakdown by its index, the area outside every region of a breakdown under the label "".
    """
    area = AreaCalculator(srs)
    d_parts = dissolve(degraded, is_cancelled)
    r_parts = dissolve(restoration, is_cancelled)
    if progress:
        progress(0.3)
    pieces = partition(r_parts, d_parts, (lambda f: progress(0.3 + 0.3 * f)) if progress else None, is_cancelled)
    piece_ha = area([g for _c, g in pieces])
    national = dict.fromkeys((INSIDE, OUTSIDE, DEGRADED_ONLY), 0.0)
    for (cls, _g), ha in zip(pieces, piece_ha):
        national[cls] += float(ha)
    rows = _levels_rows(None, {None: national})
    for n, regions in enumerate(breakdowns):
        table = class_areas_by_region(pieces, piece_ha, labelled_regions(regions, is_cancelled), area, None,
                                      is_cancelled)
        sums = {}
        for (label, cls), (ha, _p) in table.items():
            if label is None:
                continue
            sums.setdefault(label, dict.fromkeys((INSIDE, OUTSIDE, DEGRADED_ONLY), 0.0))[cls] += ha
        rows.extend(_levels_rows(n, sums))
        if progress:
            progress(0.6 + 0.4 * (n + 1) / len(breakdowns))
    return Target2Result(rows, [g for c, g in pieces if c == INSIDE], [g for c, g in pieces if c == OUTSIDE])


def _rasterize_levels(breakdowns, grid, workdir):
    """Each breakdown [(label, polygon)] burnt onto ``grid`` (pixel centres): [(path, labels)]."""
    import os

    from .zones import rasterize_zones

    out = []
    for n, regions in enumerate(breakdowns):
        ids, shapes = {}, []
        for label, poly in regions:
            shapes.append((ids.setdefault(label, len(ids) + 1), poly.ExportToWkb()))
        path = os.path.join(workdir, f"level_{n}.tif")
        rasterize_zones(shapes, grid, path)
        out.append((path, list(ids)))
    return out


def _degraded_pass(inp, wanted, levels, block_size, progress, is_cancelled):
    """Degraded hectares, national and per region of each level (by pixel centre), in one block pass."""
    from .areas import CellAreas

    cells = CellAreas(Grid.of(inp.open()))
    sums = [np.zeros(len(labels) + 1) for _path, labels in levels]
    national = np.zeros(1)

    def block_func(block):
        deg = block.valid(0) & np.isin(block.arrays[0], wanted)
        ha = np.where(deg, cells.block(block.xoff, block.yoff, block.xsize, block.ysize), 0.0)
        per_level = [np.bincount(np.clip(block.arrays[1 + k], 0, len(labels)).astype(np.int64).ravel(),
                                 weights=ha.ravel(), minlength=len(labels) + 1)
                     for k, (_path, labels) in enumerate(levels)]
        in_block_order(add, float(ha.sum()), per_level)

    def add(block_national, per_level):  # in block order: the sums do not depend on the thread count
        national[0] += block_national
        for k, level_sums in enumerate(per_level):
            sums[k] += level_sums

    inputs = [inp] + [RasterInput(path, name=f"breakdown {k + 1}") for k, (path, _l) in enumerate(levels)]
    run_blocks(inputs, block_func, (), block_size=block_size, progress=progress, is_cancelled=is_cancelled,
               parallel=True)
    return float(national[0]), sums


def _burn(geom, geotransform, xsize, ysize, all_touched=False):
    """Boolean (ysize, xsize) array of the pixels of a small window that ``geom`` covers (or touches)."""
    mem = gdal.GetDriverByName("MEM").Create("", xsize, ysize, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(geotransform)
    source = ogr.GetDriverByName("Memory").CreateDataSource("burn")
    layer = source.CreateLayer("burn", geom_type=ogr.wkbUnknown)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geom)
    layer.CreateFeature(feature)
    with quiet_gdal_errors():  # "no spatial reference on layer burn": the window and the geometry share one CRS
        err = gdal.RasterizeLayer(mem, [1], layer, burn_values=[1],
                                  options=["ALL_TOUCHED=TRUE"] if all_touched else [])
    if err != 0:
        raise InputError(N_("Burning the zones onto the raster grid failed: {error}"), error=gdal.GetLastErrorMsg())
    return mem.GetRasterBand(1).ReadAsArray() > 0


def _tile_pixels(part, geotransform, xsize, ysize, deg):
    """(interior mask, edge rows, edge cols, covered share of each edge pixel) of ``part`` in a window.

    Pixels whose centre lies inside and that no edge crosses are covered whole; the pixels an edge
    crosses (ALL_TOUCHED) get the exact share the part covers (``coverage.pixel_shares``).
    """
    edge = _burn(part.GetBoundary(), geotransform, xsize, ysize, all_touched=True)
    interior = _burn(part, geotransform, xsize, ysize) & ~edge
    rows, cols = np.nonzero(edge)
    return interior, rows, cols, coverage.pixel_shares([part], geotransform, cols, rows, deg)


def _part_windows(part, grid, tile):
    """Pixel windows (xoff, yoff, xsize, ysize), at most ``tile`` square, over the part's envelope in the grid."""
    gt = grid.geotransform
    minx, maxx, miny, maxy = part.GetEnvelope()
    c0, c1 = max(0, math.floor((minx - gt[0]) / gt[1])), min(grid.xsize, math.ceil((maxx - gt[0]) / gt[1]))
    r0, r1 = max(0, math.floor((maxy - gt[3]) / gt[5])), min(grid.ysize, math.ceil((miny - gt[3]) / gt[5]))
    for yoff in range(r0, r1, tile):
        for xoff in range(c0, c1, tile):
            yield xoff, yoff, min(tile, c1 - xoff), min(tile, r1 - yoff)


class _Restored:
    """Restoration hectares inside / outside degraded land, national and per region, and their polygons."""

    def __init__(self, inp, wanted, levels, grid):
        from .areas import CellAreas

        self.inp, self.wanted, self.levels, self.grid = inp, wanted, levels, grid
        self.cells = CellAreas(grid)
        self.deg = self.cells.deg if self.cells.geographic else None
        self.zone_sets = [open_raster(path) for path, _labels in levels]  # datasets kept open with their bands
        self.zone_bands = [ds.GetRasterBand(1) for ds in self.zone_sets]
        self.national = np.zeros(2)
        self.sums = [np.zeros((len(labels) + 1, 2)) for _path, labels in levels]
        self.polygons = {INSIDE: [], OUTSIDE: []}

    def beyond(self, ha, polygons):
        """Restoration beyond the raster: outside degraded land and outside every region."""
        self.national[1] += ha
        for sums in self.sums:
            sums[0, 1] += ha
        self.polygons[OUTSIDE].extend(polygons)

    def add(self, part, xoff, yoff, xsize, ysize):
        gt = self.grid.geotransform
        window_gt = (gt[0] + xoff * gt[1], gt[1], 0.0, gt[3] + yoff * gt[5], 0.0, gt[5])
        interior, rows, cols, shares = _tile_pixels(part, window_gt, xsize, ysize, self.deg)
        values = self.inp.bands()[0].ReadAsArray(xoff, yoff, xsize, ysize)
        deg = valid_mask(values, self.inp.nodata_value()) & np.isin(values, self.wanted)
        cells = self.cells.block(xoff, yoff, xsize, ysize)
        ha = np.where(interior, cells, 0.0)  # whole pixels, then the covered share of the edge pixels
        np.add.at(ha, (rows, cols), shares * cells[rows, cols])
        split = (np.where(deg, ha, 0.0), np.where(deg, 0.0, ha))
        self.national += [float(split[0].sum()), float(split[1].sum())]
        for (_path, labels), sums, zband in zip(self.levels, self.sums, self.zone_bands):
            zone = np.clip(zband.ReadAsArray(xoff, yoff, xsize, ysize), 0, len(labels)).astype(np.int64).ravel()
            for c in (0, 1):
                sums[:, c] += np.bincount(zone, weights=split[c].ravel(), minlength=len(labels) + 1)
        self.add_polygons(part, window_gt, np.where(deg, INSIDE, OUTSIDE).astype(np.uint8), interior,
                          (rows[shares > 0], cols[shares > 0]))

    def add_polygons(self, part, window_gt, classes, interior, edge):
        """Exact output polygons: whole interior pixels as they are, edge pixels cut by the part (GEOS, once
        per run of edge pixels of one class)."""
        for cls, poly in _polygonize(np.where(interior, classes, 0).astype(np.uint8), window_gt):
            self.polygons[cls].append(poly)
        edges = np.zeros_like(classes)
        edges[edge] = classes[edge]
        for cls, region in _polygonize(edges, window_gt):
            self.polygons[cls].extend(polygons_of(part.Intersection(region)))


def _polygonize(classes, geotransform):
    """[(class, polygon)] of the non-zero regions of a small class array (pixel edges)."""
    if not classes.any():
        return []
    mem = gdal.GetDriverByName("MEM").Create("", classes.shape[1], classes.shape[0], 1, gdal.GDT_Byte)
    mem.SetGeoTransform(geotransform)
    band = mem.GetRasterBand(1)
    band.WriteArray(classes)
    source = ogr.GetDriverByName("Memory").CreateDataSource("classes")
    layer = source.CreateLayer("classes", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("c", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0)
    return [(f.GetField(0), p) for f in layer for p in polygons_of(f.GetGeometryRef())]


def target2_raster(degraded_path, degraded_values, restoration, workdir, breakdowns=(), block_size=1024,
                   progress=None, is_cancelled=None, tile=1024):
    """Degraded land from a raster; restoration counted by the exact share of each pixel it covers.

    Degraded hectares are the pixels' ellipsoidal areas (``areas.CellAreas``), per region by pixel
    centre. The restoration polygons (valid, in the raster's CRS) are dissolved (overlaps count once)
    and never reduced to pixel centres: a pixel counts with the fraction of its area they cover,
    exact where an edge crosses it (``_tile_coverage``), so every registered hectare is counted once,
    inside or outside degraded land, at any pixel size; restoration beyond the raster, or on nodata,
    is outside degraded land. Work runs part by part in windows of at most ``tile`` pixels (bounded
    memory). ``breakdowns``: [[(label, polygon)], ...], rasterized by pixel centre. The output
    polygons are exact: whole pixels inside the areas plus the areas' share of the edge pixels.
    """
    inp = RasterInput(degraded_path, name="DEGRADED")
    grid = Grid.of(inp.open())
    if grid.geotransform[2] or grid.geotransform[4]:
        raise InputError(N_("The raster {name} is rotated (its geotransform has rotation terms); warp it to a "
                            "north-up grid first (Raster > Projections > Warp)."), name="DEGRADED")
    wanted = np.asarray(list(degraded_values), dtype=np.float64)
    levels = _rasterize_levels(breakdowns, grid, workdir)
    degraded_ha, deg_sums = _degraded_pass(inp, wanted, levels, block_size,
                                           (lambda f: progress(0.4 * f)) if progress else None, is_cancelled)
    parts = dissolve(restoration, is_cancelled)
    restored = _Restored(inp, wanted, levels, grid)
    area = AreaCalculator(grid.srs())
    xmin, ymin, xmax, ymax = grid.bounds()
    extent = rectangle(xmin, xmax, ymin, ymax)
    for n, part in enumerate(parts):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        beyond = polygons_of(part.Difference(extent)) if not extent.Contains(part) else []
        if beyond:
            restored.beyond(float(area(beyond).sum()), beyond)
        for xoff, yoff, xsize, ysize in _part_windows(part, grid, tile):
            restored.add(part, xoff, yoff, xsize, ysize)
        if progress:
            progress(0.4 + 0.6 * (n + 1) / len(parts))
    rows = [(None, None, degraded_ha, float(restored.national[0]), float(restored.national[1]))]
    for n, (_path, labels) in enumerate(levels):
        sums, rest = deg_sums[n], restored.sums[n]
        rows.extend((n, label, float(sums[k + 1]), float(rest[k + 1, 0]), float(rest[k + 1, 1]))
                    for k, label in enumerate(labels))
        if sums[0] > 0 or rest[0].sum() > 0:
            rows.append((n, "", float(sums[0]), float(rest[0, 0]), float(rest[0, 1])))
    return Target2Result(rows, restored.polygons[INSIDE], restored.polygons[OUTSIDE]), grid


def indicator(degraded_ha, inside_ha, target_share_pct, target_ha=None):
    """The Target 2 figures of one row: share restored, and what is missing to each target.

    share = restoration inside degraded land / degraded land (percent; None without degraded land);
    to_share_ha = max(0, target share x degraded - restoration inside); with ``target_ha`` (the
    national ProREST goal) also to_target_ha = max(0, target - inside) and the row's contribution to
    that target in percent.
    """
    share = 100.0 * inside_ha / degraded_ha if degraded_ha > 0 else None
    out = {"share_pct": share, "to_share_ha": max(0.0, target_share_pct / 100.0 * degraded_ha - inside_ha),
           "to_target_ha": None, "target_contribution_pct": None}
    if target_ha:
        out["to_target_ha"] = max(0.0, target_ha - inside_ha)
        out["target_contribution_pct"] = 100.0 * inside_ha / target_ha
    return out
