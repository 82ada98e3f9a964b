"""Pixels of every area and of its candidate controls, gathered block by block with bounded memory.

The areas are burnt onto the series grid (pixel centre inside: area number 1..n) and, with the
EXCLUDE polygons, into a mask of land that may not serve as control (every pixel touched). Pass 1
(only with LAND_TYPE) finds the land type of each area (its most frequent class); pass 2 sums the
series inside each area per year and keeps, per area, a bounded sample of its pixels and of the
candidate control pixels (outside every excluded polygon, within the search radius, of the same land
type, with enough years of data), chosen by ``sampling.BottomK`` so that the result does not depend
on the block size. Blocks run in the engine's worker threads: each block computes its own sums and
samples, added to the totals by ``in_block_order`` (on the engine's thread, in block order), so the
result does not depend on the number of threads either.
"""

import math
import os
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, ogr, osr

from ..areas import CellAreas
from ..block_threads import block_size_override, in_block_order, shared, thread_count
from ..blocks import DEFAULT_BLOCK, Grid, RasterInput, bounded_gdal_cache, open_raster, run_blocks
from ..geometry import multipolygon
from .sampling import BottomK, priorities

WGS84_M_PER_DEG = 111_320.0
# Pass 2 holds every year of the series per block (about 100 MB at 512 x 512 x 20 years, its copies included):
# no more blocks in flight (threads + 1) than fit in this, whatever the number of cores.
IN_FLIGHT_BYTES = 1_000_000_000


@dataclass
class SeriesInputs:
    """Rasters on the series grid: the series (one band per year), optional land type (band 1),
    covariates (band 1 each) and forest cover (one band per year, > 0 is forest)."""

    series: str
    years: list
    land_type: str = None
    covariates: list = field(default_factory=list)
    forest: str = None


def burn(polygon_sets, grid, path, all_touched):
    """Write an int32 raster of ``grid``: pixel = number (1-based) of the polygon set burnt last, 0 elsewhere."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs_wkt)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("areas")
    layer = mem.CreateLayer("areas", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("num", ogr.OFTInteger))
    for num, polys in enumerate(polygon_sets, start=1):
        if not polys:
            continue
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("num", num)
        feat.SetGeometry(multipolygon(polys))
        layer.CreateFeature(feat)
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.xsize, grid.ysize, 1, gdal.GDT_Int32,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(grid.crs_wkt)
    options = ["ATTRIBUTE=num"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    with bounded_gdal_cache():  # GDAL rasterizes in chunks sized by its cache: keep memory bounded
        gdal.RasterizeLayer(ds, [1], layer, options=options)
        ds.FlushCache()
    ds = None
    return path


def pixel_metres(grid, lat):
    """(x, y) size of a pixel in metres near latitude ``lat``."""
    gt = grid.geotransform
    srs = grid.srs()
    if srs.IsGeographic():
        return abs(gt[1]) * WGS84_M_PER_DEG * max(math.cos(math.radians(lat)), 0.01), abs(gt[5]) * WGS84_M_PER_DEG
    unit = srs.GetLinearUnits() or 1.0
    return abs(gt[1]) * unit, abs(gt[5]) * unit


def area_windows(polygon_sets, grid, radius_m):
    """Per area (pixel rectangle [c0, c1, r0, r1] as floats, pixel metres (mx, my)); None without polygons."""
    gt = grid.geotransform
    to_geo = None
    srs = grid.srs()
    if not srs.IsGeographic():
        geo = srs.CloneGeogCS()
        geo.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        to_geo = osr.CoordinateTransformation(srs, geo)
    out = []
    for polys in polygon_sets:
        if not polys:
            out.append(None)
            continue
        envs = [p.GetEnvelope() for p in polys]
        xmin, xmax = min(e[0] for e in envs), max(e[1] for e in envs)
        ymin, ymax = min(e[2] for e in envs), max(e[3] for e in envs)
        c0, c1 = sorted(((xmin - gt[0]) / gt[1], (xmax - gt[0]) / gt[1]))
        r0, r1 = sorted(((ymin - gt[3]) / gt[5], (ymax - gt[3]) / gt[5]))
        lat = (ymin + ymax) / 2
        if to_geo is not None:
            lat = to_geo.TransformPoint((xmin + xmax) / 2, lat)[1]
        out.append(((c0, c1, r0, r1), pixel_metres(grid, lat)))
    return out


class KeyCounts(dict):
    """{key: pixel count} that blocks add to in block order (``in_block_order(counts.add, keys, counts)``)."""

    def __init__(self):
        super().__init__()
        shared(self)  # counts recorded on a Dask worker are added here

    def add(self, keys, counts):
        for key, c in zip(keys, counts):
            self[key] = self.get(key, 0) + c


def land_types(ids_path, land_path, n, block_size, progress=None, is_cancelled=None):
    """Most frequent land type class of each area (index 1..n; NaN without land type data)."""
    counts = KeyCounts()

    def func(block):
        ids = block.arrays[0]
        ok = (ids > 0) & block.valid(1)
        if not ok.any():
            return None
        keys = ids[ok].astype(np.int64) * (2**32) + (block.arrays[1][ok].astype(np.int64) & 0xFFFFFFFF)
        uniq, cnt = np.unique(keys, return_counts=True)
        in_block_order(counts.add, uniq.tolist(), cnt.tolist())
        return None

    run_blocks([RasterInput(ids_path, "areas"), RasterInput(land_path, "LAND_TYPE")], func,
               block_size=block_size, progress=progress, is_cancelled=is_cancelled, parallel=True)
    best = {}
    for key in sorted(counts):
        area, code = key // 2**32, key % 2**32
        code = code - 2**32 if code >= 2**31 else code
        if area not in best or counts[key] > best[area][1]:
            best[area] = (code, counts[key])
    out = np.full(n + 1, np.nan)
    for area, (code, _c) in best.items():
        out[area] = code
    return out


@dataclass
class Gathered:
    """What pass 2 found: per area (index 1..n) pixels, per-year sums and counts, forest hectares,
    and the inside and control samples (rows: series years, then covariates)."""

    pixels: np.ndarray
    sums: np.ndarray
    counts: np.ndarray
    forest_ha: object
    inside: BottomK
    controls: BottomK

    def inside_mean(self, area):
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.counts[area] > 0, self.sums[area] / np.maximum(self.counts[area], 1), np.nan)


class SeriesGatherer:
    """The block function of pass 2 (see the module's docstring)."""

    def __init__(self, inputs, grid, windows, area_land, radius_m, rules):
        self.inputs, self.grid, self.windows = inputs, grid, windows
        self.area_land, self.radius = area_land, float(radius_m)
        self.seed = rules["seed"]
        self.min_years = rules["min_years_before"] + rules["min_years_after"]
        n, t = len(windows), len(inputs.years)
        self.n_cov = len(inputs.covariates)
        width = t + self.n_cov
        self.data = Gathered(np.zeros(n + 1, np.int64), np.zeros((n + 1, t)), np.zeros((n + 1, t), np.int64),
                             np.zeros((n + 1, t)) if inputs.forest else None,
                             BottomK(rules["inside_samples"], width), BottomK(rules["control_candidates"], width))
        self.cells = CellAreas(grid) if inputs.forest else None
        live = [(i + 1, w) for i, w in enumerate(windows) if w is not None]
        self.live_ids = np.array([i for i, _w in live], np.int64)
        self.rects = np.array([w[0] for _i, w in live], float).reshape(-1, 4)
        self.metres = np.array([w[1] for _i, w in live], float).reshape(-1, 2)
        shared(self)  # sums and samples recorded on a Dask worker are added here

    def raster_inputs(self):
        inp = self.inputs
        out = [RasterInput(inp.series, "SERIES", band=None), RasterInput(self._ids, "areas"),
               RasterInput(self._excluded, "EXCLUDE")]
        if inp.land_type:
            out.append(RasterInput(inp.land_type, "LAND_TYPE"))
        out.extend(RasterInput(path, "COVARIATES") for path in inp.covariates)
        if inp.forest:
            out.append(RasterInput(inp.forest, "FOREST", band=None))
        return out

    def run(self, ids_path, excluded_path, block_size, progress=None, is_cancelled=None):
        self._ids, self._excluded = ids_path, excluded_path
        run_blocks(self.raster_inputs(), self, block_size=block_size, progress=progress, is_cancelled=is_cancelled,
                   parallel=True, threads=self.threads(block_size))
        return self.data

    def threads(self, block_size):
        """Every core (``thread_count``), but no more blocks in flight than ``IN_FLIGHT_BYTES`` holds."""
        side = block_size_override() or block_size
        bands = len(self.inputs.years) * (2 if self.inputs.forest else 1) + len(self.inputs.covariates) + 3
        per_block = side * side * bands * 4 * 5  # float32 values, and the masks and copies made from them
        return max(1, min(thread_count(), IN_FLIGHT_BYTES // per_block - 1))

    def __call__(self, block):
        valid = block.valid(0)
        series = np.where(valid, block.arrays[0], np.nan).astype(np.float32)
        slot = 3
        land = land_ok = None
        if self.inputs.land_type:
            land, land_ok = block.arrays[slot], block.valid(slot)
            slot += 1
        covs, cov_ok = [], np.ones(valid.shape[1:], bool)
        for _ in range(self.n_cov):
            covs.append(np.where(block.valid(slot), block.arrays[slot], np.nan).astype(np.float32))
            cov_ok &= block.valid(slot)
            slot += 1
        payload = np.concatenate([series, np.array(covs, np.float32).reshape(-1, *valid.shape[1:])], axis=0)
        rows, cols = np.mgrid[block.yoff:block.yoff + block.ysize, block.xoff:block.xoff + block.xsize]
        prio = priorities(rows, cols, self.grid.xsize, self.seed)
        ids = block.arrays[1]
        self._inside(block, ids, valid, series, payload, prio, slot)
        years_ok = valid.sum(axis=0)
        candidate = (ids == 0) & (block.arrays[2] == 0) & (years_ok >= self.min_years) & cov_ok
        self._controls(block, candidate, land, land_ok, payload, prio)
        return None

    def _inside(self, block, ids, valid, series, payload, prio, forest_slot):
        """The block's sums per area (and its sample of their pixels), added in block order by ``_add_inside``."""
        inside = (ids > 0) & valid.any(axis=0)
        if not inside.any():
            return
        num = ids[inside].astype(np.int64)
        areas, local = np.unique(num, return_inverse=True)
        size = len(areas)
        values, ok = series[:, inside], valid[:, inside]
        sums = np.stack([np.bincount(local, weights=np.where(ok[t], values[t], 0.0), minlength=size)
                         for t in range(values.shape[0])], axis=1)
        counts = np.stack([np.bincount(local, weights=ok[t], minlength=size).astype(np.int64)
                           for t in range(values.shape[0])], axis=1)
        forest_ha = None
        if self.inputs.forest:
            cell = self.cells.block(block.xoff, block.yoff, block.xsize, block.ysize)[inside]
            forest = block.arrays[forest_slot][:, inside]
            forest_ok = block.valid(forest_slot)[:, inside] & (forest > 0)
            forest_ha = np.stack([np.bincount(local, weights=np.where(forest_ok[t], cell, 0.0), minlength=size)
                                  for t in range(forest.shape[0])], axis=1)
        sample = BottomK(self.data.inside.k, self.data.inside.width)
        sample.offer_grouped(num, prio[inside], payload[:, inside].T)
        in_block_order(self._add_inside, areas, np.bincount(local, minlength=size), sums, counts, forest_ha, sample)

    def _add_inside(self, areas, pixels, sums, counts, forest_ha, sample):
        """Add one block's sums and sample (``in_block_order``: on the engine's thread, in block order).

        Each area's sums get the same additions in the same order as with one block function adding
        them itself, and a bottom-K sample of the block's bottom-K samples is the bottom-K sample."""
        d = self.data
        d.pixels[areas] += pixels
        d.sums[areas] += sums
        d.counts[areas] += counts
        if forest_ha is not None:
            d.forest_ha[areas] += forest_ha
        _merge_samples(d.inside, sample)

    def _near(self, block):
        """Areas whose search window meets the block: (ids, rects, metres)."""
        if not len(self.live_ids):
            return []
        reach = self.radius / self.metres
        r = self.rects
        hit = ((r[:, 0] - reach[:, 0] < block.xoff + block.xsize) & (r[:, 1] + reach[:, 0] > block.xoff)
               & (r[:, 2] - reach[:, 1] < block.yoff + block.ysize) & (r[:, 3] + reach[:, 1] > block.yoff))
        return [(int(self.live_ids[i]), r[i], self.metres[i], reach[i]) for i in np.flatnonzero(hit)]

    def _controls(self, block, candidate, land, land_ok, payload, prio):
        """The block's candidate controls of each area near it, added in block order by ``_add_controls``."""
        sample = BottomK(self.data.controls.k, self.data.controls.width)
        for area, (c0, c1, r0, r1), (mx, my), (rx, ry) in self._near(block):
            x0 = max(int(math.floor(c0 - rx)) - block.xoff, 0)
            x1 = min(int(math.ceil(c1 + rx)) - block.xoff, block.xsize)
            y0 = max(int(math.floor(r0 - ry)) - block.yoff, 0)
            y1 = min(int(math.ceil(r1 + ry)) - block.yoff, block.ysize)
            if x0 >= x1 or y0 >= y1:
                continue
            ok = candidate[y0:y1, x0:x1]
            if land is not None:
                ok = ok & land_ok[y0:y1, x0:x1] & (land[y0:y1, x0:x1] == self.area_land[area])
            if not ok.any():
                continue
            xs = np.arange(x0, x1) + block.xoff + 0.5
            ys = np.arange(y0, y1) + block.yoff + 0.5
            dx = np.maximum(np.maximum(c0 - xs, xs - c1), 0.0) * mx
            dy = np.maximum(np.maximum(r0 - ys, ys - r1), 0.0) * my
            ok = ok & (dx[None, :] ** 2 + dy[:, None] ** 2 <= self.radius ** 2)
            if ok.any():
                yy, xx = np.nonzero(ok)
                pr = prio[y0:y1, x0:x1][ok]
                k = self.data.controls.k
                if len(pr) > k:
                    keep = np.argpartition(pr, k - 1)[:k]
                    pr, yy, xx = pr[keep], yy[keep], xx[keep]
                sample.offer(area, pr, payload[:, y0 + yy, x0 + xx].T)
        if sample.prio:
            in_block_order(self._add_controls, sample)

    def _add_controls(self, sample):
        _merge_samples(self.data.controls, sample)


def _merge_samples(total, sample):
    """Offer a block's BottomK ``sample`` to the run's ``total`` (the same rows as offering its pixels)."""
    for area, prio in sample.prio.items():
        total.offer(area, prio, sample.rows[area])


def gather(inputs, polygon_sets, exclude, radius_m, rules, workdir, block_size=DEFAULT_BLOCK,
           progress=None, is_cancelled=None):
    """Burn the areas, find their land types, then gather their pixels and candidate controls."""
    grid = Grid.of(open_raster(inputs.series, "SERIES"))
    ids_path = burn(polygon_sets, grid, os.path.join(workdir, "outcome_areas.tif"), all_touched=False)
    excluded_path = burn([p for p in polygon_sets if p] + [exclude], grid,
                         os.path.join(workdir, "outcome_excluded.tif"), all_touched=True)
    n = len(polygon_sets)
    area_land = None
    if inputs.land_type:
        area_land = land_types(ids_path, inputs.land_type, n, block_size,
                               (lambda f: progress(0.2 * f)) if progress else None, is_cancelled)
    gatherer = SeriesGatherer(inputs, grid, area_windows(polygon_sets, grid, radius_m), area_land, radius_m, rules)
    second = (lambda f: progress(0.2 + 0.8 * f)) if progress else None
    return gatherer.run(ids_path, excluded_path, block_size, second, is_cancelled), grid
