"""The ``Landscape`` behind the vector layers (protected areas, the two national restoration gaps
and restoration initiatives).

They are derived from an analysis grid: the world itself up to VECTOR_GRID pixels (so the gap
polygons follow the rasters' pixels exactly), beyond that a coarser World over the same extent (the
same landscape, coarser), so time and memory stay bounded.
"""

from functools import cached_property

import numpy as np
from osgeo import gdal, ogr

from .block import Block
from .legends import BASELINE_YEAR, FIRST_LOSS_YEAR, TARGET_YEAR, TILE
from .noise import Noise1D, field_key, lattice_hash, mix64, uniform
from .vector_io import utm_srs, valid_multipolygon
from .world import World

VECTOR_GRID = 2048
GAP_SMOOTH_M = 75.0  # generalisation radius of the gap maps, metres
GAP_THRESHOLD = 0.4  # share of degraded cells around a cell that puts it in a gap
GAP_MIN_CELLS = 4  # smallest gap polygon, in analysis cells
UNIT_M = 6000.0  # spacing of the micro-watershed units that split the gap polygons, metres

NATURAL_LUT = np.zeros(256, bool)
NATURAL_LUT[[11, 12, 13, 14, 15, 21, 22, 41, 42]] = True
RECOVERABLE_LUT = np.zeros(256, bool)  # land uses that replace natural cover and can be restored
RECOVERABLE_LUT[[23, 31, 32, 53]] = True
# Potential natural ecosystem (splits the MINAM gap): 1 montane forest, 2 lowland forest,
# 3 aguajal, 4 queñual, 5 pajonal, 6 matorral, 7 wetlands, 8 rock/ice/sand, 9 water.
ECOSYSTEM_LUT = np.zeros(256, np.uint8)
for _codes, _eco in (((11,), 1), ((12,), 2), ((13,), 3), ((14,), 4), ((21,), 5), ((22,), 6), ((41, 42), 7),
                     ((61, 62, 63), 8), ((71, 72), 9)):
    ECOSYSTEM_LUT[list(_codes)] = _eco


def box_mean(a, r):
    """Mean of ``a`` over the (2r+1) x (2r+1) window around each cell (clipped at the edges)."""
    n0, n1 = a.shape
    c = np.zeros((n0 + 1, n1 + 1), np.int32)
    np.cumsum(np.cumsum(a, 0, dtype=np.int32), 1, out=c[1:, 1:])
    i0, i1 = np.arange(n0), np.arange(n1)
    lo0, hi0 = np.maximum(i0 - r, 0), np.minimum(i0 + r + 1, n0)
    lo1, hi1 = np.maximum(i1 - r, 0), np.minimum(i1 + r + 1, n1)
    top, bottom = c[lo0], c[hi0]
    total = bottom[:, hi1] - top[:, hi1] - bottom[:, lo1] + top[:, lo1]
    return total / ((hi0 - lo0)[:, None] * (hi1 - lo1)[None, :])


class Landscape:
    """What the vector layers need, per cell of the analysis grid (n x n, n <= VECTOR_GRID).

    Cell (row, col) has its centre at relative coordinates ((col + 0.5) / n, (row + 0.5) / n).
    """

    def __init__(self, world):
        n = min(world.size, VECTOR_GRID)
        grid = world if n == world.size else World(n, world.seed, world.extent_m / n, world.origin)
        self.world, self.n, self.cell = world, n, world.extent_m / n
        self.inside = np.zeros((n, n), bool)
        self.minam = np.zeros((n, n), bool)  # degraded per MINAM's criteria (before generalisation)
        self.serfor = np.zeros((n, n), bool)  # degraded forest land per SERFOR's criteria
        self.ecosystem = np.zeros((n, n), np.uint8)
        self.capability = np.zeros((n, n), np.uint8)
        self.intact = np.zeros((n, n), bool)  # forest far from the fronts, no loss, not declining
        self.andes = np.zeros((n, n), bool)  # natural high-Andean cover, not declining
        for r0 in range(0, n, TILE):
            for c0 in range(0, n, TILE):
                h, w = min(TILE, n - r0), min(TILE, n - c0)
                self._summarise(Block(grid, r0, c0, h, w), np.s_[r0:r0 + h, c0:c0 + w])

    def _summarise(self, block, window):
        b = block.national_unmasked(BASELINE_YEAR)
        t = block.national_unmasked(TARGET_YEAR)
        lpd, loss, cap = block.lpd, block.forest_loss_year, block.capability
        inside = ~block.outside
        declining = (lpd == 1) | (lpd == 2)
        self.inside[window] = inside
        # MINAM (environmental sector, LDN-like): natural cover lost in the period, declining
        # productivity, degraded pastures on cleared forest, secondary forest, mines and drained
        # wetlands.
        self.minam[window] = inside & (
            (NATURAL_LUT[b] & RECOVERABLE_LUT[t]) | declining | (t == 53) | (t == 15)
            | ((t == 23) & np.isin(block.natural, (11, 12, 13))) | (block.drainage_year <= TARGET_YEAR))
        # SERFOR (agrarian sector, ROAM-like): forest and protection lands (CUM F, X) with forest
        # loss since 2001 or in agrarian use (overuse).
        lost = (loss >= FIRST_LOSS_YEAR) & (loss <= TARGET_YEAR)
        self.serfor[window] = inside & ((cap == 4) | (cap == 5)) & (lost | np.isin(t, (23, 31, 32)))
        self.ecosystem[window] = ECOSYSTEM_LUT[block.natural]
        self.capability[window] = cap
        far = block.deforestation_year > TARGET_YEAR + 10
        self.intact[window] = inside & np.isin(t, (11, 12, 13)) & (loss == 0) & ~declining & far
        self.andes[window] = inside & np.isin(t, (14, 21, 22, 41, 61, 62, 72)) & ~declining & (block.elev >= 3300)

    @cached_property
    def gaps(self):
        """The generalised MINAM and SERFOR gap masks (majority over about GAP_SMOOTH_M)."""
        r = max(1, round(GAP_SMOOTH_M / self.cell))
        return tuple(self.inside & (box_mean(mask, r) >= GAP_THRESHOLD) for mask in (self.minam, self.serfor))

    def units(self, rows, cols):
        """Micro-watershed unit of cells: a Voronoi partition of jittered points UNIT_M apart,
        warped so that its borders wind like water divides (ids unique among neighbours)."""
        seed = self.world.seed
        scale = self.cell / UNIT_M
        x = (cols + 0.5) * scale
        y = (rows + 0.5) * scale
        x = x + 0.35 * Noise1D(seed, "unit_warp_x", 4, 3, 0.5)(y * 0.25)[0]
        y = y + 0.35 * Noise1D(seed, "unit_warp_y", 4, 3, 0.5)(x * 0.25)[0]
        iy0, ix0 = np.floor(y).astype(np.int64), np.floor(x).astype(np.int64)
        key = field_key(seed, "units")
        best = np.full(x.shape, np.inf)
        unit = np.zeros(x.shape, np.int64)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                iy, ix = iy0 + dy, ix0 + dx
                h = lattice_hash(key, iy, ix)
                py = iy + 0.15 + 0.7 * uniform(h)
                px = ix + 0.15 + 0.7 * uniform(mix64(h))
                d = (y - py) ** 2 + (x - px) ** 2
                closer = d < best
                best[closer] = d[closer]
                unit[closer] = ((iy % 256) * 256 + ix % 256 + 1)[closer]
        return unit

    def gap_polygons(self, which):
        """Polygons of one gap ("minam" or "serfor"), split by unit and ecosystem (MINAM) or
        capability class (SERFOR); pixel-edged (they come from rasters), valid, not overlapping."""
        mask = self.gaps[0 if which == "minam" else 1]
        split = self.ecosystem if which == "minam" else self.capability
        rows, cols = np.nonzero(mask)
        label = np.zeros((self.n, self.n), np.int32)
        label[rows, cols] = self.units(rows, cols) * 16 + split[rows, cols]
        return self._polygonize(label)

    def _polygonize(self, label):
        ds = gdal.GetDriverByName("MEM").Create("", self.n, self.n, 1, gdal.GDT_Int32)
        x0, y0 = self.world.origin
        ds.SetGeoTransform((x0, self.cell, 0.0, y0, 0.0, -self.cell))
        band = ds.GetRasterBand(1)
        band.WriteArray(label)
        vector = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = vector.CreateLayer("polygons", utm_srs(), ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
        gdal.Polygonize(band, band, layer, 0)
        min_area = (GAP_MIN_CELLS - 0.5) * self.cell * self.cell
        polygons = []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom.GetArea() >= min_area:
                polygons.append(valid_multipolygon(geom.Clone()))
        return polygons

    # --- placing features -----------------------------------------------------------------------
    @cached_property
    def placement(self):
        """Point samples of the analysis grid, at most 512 x 512, to score places for features."""
        m = min(self.n, 512)
        return m, (np.arange(m) * self.n) // m

    def sample(self, mask):
        m, pick = self.placement
        return mask[pick][:, pick]


_LANDSCAPES = {}


def landscape_of(world):
    """The Landscape of a world, computed once for all the vector layers of a run."""
    key = (world.size, world.seed, world.pixel_size, world.origin)
    if key not in _LANDSCAPES:
        _LANDSCAPES.clear()
        _LANDSCAPES[key] = Landscape(world)
    return _LANDSCAPES[key]


def clear_landscapes():
    """Forget the cached Landscape (at the end of a run: it holds several grids of the world)."""
    _LANDSCAPES.clear()


