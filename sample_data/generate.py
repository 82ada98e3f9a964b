"""Deterministic generator of a synthetic Andes-Amazon demo region (EPSG:32718, UTM 18S).

Why: T2 Restore needs demo data that looks like central Peru (Huánuco, Pasco, Ucayali) for the
tutorial, the tests and the benchmarks, without shipping real (large, licensed, changing) national
data. Everything here is synthetic but shaped like the real landscape: puna and a glaciated peak in
the west, a deep inter-Andean valley with cropland and towns, the eastern Andean slope with montane
forest, and the Amazon lowland with a meandering river, palm swamps (aguajales), a road and
deforestation fronts along it.

Design, and why:

* Memory is bounded whatever the size (benchmarks write 20000 x 20000 rasters): the rasters are
  computed window by window, and every value is a pure function of the global pixel coordinates,
  the seed and the size. Smooth randomness is *value noise*: per octave, a coarse lattice of hashed
  random values (never stored globally, only the few nodes one window needs) summed on the finest
  lattice and interpolated per pixel. Hence the output is bit-identical whatever the block size.
* Only exactly rounded arithmetic (+ - * / sqrt, comparisons) touches per-pixel arrays, never
  exp/sin, whose SIMD and scalar code paths may differ in the last bit; with the integer hash
  (no numpy random streams) a seed gives the same maps on numpy 1.x and 2.x.
* The geography is laid out in coordinates relative to the extent, so every size shows the same
  landscape (a small raster is a coarse view of a large one) and even a 256 x 256 raster holds all
  classes. Physical widths (rivers, roads) have a floor of about one pixel.
* Each output is a small function registered in a table (``RASTER_LAYERS``, ``FILE_LAYERS``) that
  reads shared driver fields from a ``Block`` (elevation, slope, distances to road and river,
  deforestation year, ...), each computed once per window however many layers use it; new layers
  plug in the same way, and ``layers=`` picks a subset.
* The annual NDVI series (``ndvi``, one Int16 band per year 2001-2023) follows each year's land
  cover, so it drops in the forest-loss year, declines where the LPD map says degrading, and
  recovers where clearings regrow; a few years have cloud gaps.
* The vector layers (protected areas, the MINAM and SERFOR restoration gaps, restoration
  initiatives) are derived from a ``Landscape``: the same fields on an analysis grid of at most
  ``VECTOR_GRID`` cells (the raster grid itself up to that size), so they agree with the rasters
  and take a few seconds at most whatever the size.

Run ``python3 sample_data/generate.py OUT_DIR --size 512 --seed 2030`` or call ``generate()``.
"""

import argparse
import csv
import json
import os
import sys
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from osgeo import gdal, ogr, osr

GENERATOR_VERSION = 2  # 2: annual NDVI series, protected areas, restoration gaps, initiatives
EPSG = 32718
ORIGIN = (380000.0, 8960000.0)  # upper-left corner, east of Huánuco city
BASELINE_YEAR = 2015
TARGET_YEAR = 2023
FIRST_LOSS_YEAR = 2001
TILE = 512
DEFAULT_BLOCK = 512
GDAL_CACHE_BYTES = 256 * 1024 * 1024

UNCCD_CLASSES = {
    1: ("Tree-covered", "#787f1b"),
    2: ("Grassland", "#ffac42"),
    3: ("Cropland", "#fffb6e"),
    4: ("Wetland", "#00db84"),
    5: ("Artificial", "#e60017"),
    6: ("Other land", "#fff3d7"),
    7: ("Water body", "#0146b5"),
}

# National (MINAM-like) legend: code -> (UNCCD class, Spanish label, colour). Aguajales are palm
# swamp forests on peat; they are mapped to Wetland, as the brief for KM-GBF Target 2 asks.
NATIONAL_CLASSES = {
    11: (1, "Bosque húmedo de montaña", "#1b5e20"),
    12: (1, "Bosque húmedo de llanura", "#2e7d32"),
    13: (4, "Bosque de palmeras (aguajal)", "#4e9a6a"),
    14: (1, "Bosque relicto altoandino (queñual)", "#6b8e23"),
    15: (1, "Bosque secundario (purma)", "#8bc34a"),
    21: (2, "Pajonal altoandino", "#e0c068"),
    22: (2, "Matorral arbustivo", "#c9a25a"),
    23: (2, "Pastizal (pastos cultivados)", "#f0dc82"),
    31: (3, "Agricultura", "#ffeb3b"),
    32: (3, "Mosaico agropecuario", "#fbc02d"),
    41: (4, "Bofedal", "#26a69a"),
    42: (4, "Humedal herbáceo (pantano)", "#4dd0e1"),
    51: (5, "Área urbana", "#d32f2f"),
    52: (5, "Infraestructura vial", "#8d1b1b"),
    53: (5, "Área minera", "#6d4c41"),
    61: (6, "Afloramiento rocoso", "#a1887f"),
    62: (6, "Glaciar", "#e3f2fd"),
    63: (6, "Playa y banco de arena", "#f5e6c8"),
    71: (7, "Río", "#1565c0"),
    72: (7, "Laguna o cocha", "#42a5f5"),
}

LPD_CLASSES = {
    1: ("Declining", "#a50026"),
    2: ("Moderate decline", "#f46d43"),
    3: ("Stressed", "#fee08b"),
    4: ("Stable", "#d9ef8b"),
    5: ("Increasing", "#1a9850"),
}

# Peru's Capacidad de Uso Mayor (CUM) groups.
CAPABILITY_CLASSES = {
    1: ("A - Cultivo en limpio", "#f6e27f"),
    2: ("C - Cultivo permanente", "#e6a93b"),
    3: ("P - Pastos", "#b6d77a"),
    4: ("F - Producción forestal", "#2e8b57"),
    5: ("X - Protección", "#9e9e9e"),
}

# Soil organic carbon reference stocks, t C/ha (0-30 cm), by national class; NaN = no soil.
SOC_REFERENCE = {
    11: 95, 12: 70, 13: 190, 14: 110, 15: 58, 21: 105, 22: 60, 23: 52, 31: 45, 32: 50,
    41: 260, 42: 150, 51: 25, 52: 20, 53: 8, 61: 10, 62: 0, 63: 12, 71: np.nan, 72: np.nan,
}

FOREST_NAT = (11, 12)
WATER = (71, 72)
SOC_NODATA = -9999.0
LOSS_NODATA = 65535

# Annual NDVI series (one band per year, Int16 = NDVI x NDVI_SCALE).
NDVI_FIRST_YEAR = FIRST_LOSS_YEAR
NDVI_YEARS = tuple(range(NDVI_FIRST_YEAR, TARGET_YEAR + 1))
NDVI_SCALE = 10000
NDVI_NODATA = -32768
NDVI_CLOUD_YEARS = (2003, 2008, 2012, 2019)  # annual composites with persistent-cloud gaps
NDVI_DROUGHT_YEARS = (2005, 2010, 2016)  # Amazon droughts (2005, 2010) and El Niño 2015-16
# National class -> (annual NDVI at sea level, decrease per km of elevation, interannual standard
# deviation, response to the regional rainfall anomaly). Values are typical of annual Landsat/MODIS
# composites: humid forest ~0.85, puna grassland ~0.4, bare rock ~0.1, snow and water below 0.
NDVI_BY_CLASS = {
    11: (0.82, 0.0, 0.015, 0.3), 12: (0.85, 0.0, 0.015, 0.3), 13: (0.80, 0.0, 0.02, 0.3),
    14: (0.66, 0.0, 0.025, 0.6), 15: (0.76, 0.0, 0.02, 0.4),
    21: (0.60, 0.045, 0.035, 1.0), 22: (0.66, 0.04, 0.035, 1.0), 23: (0.68, 0.05, 0.04, 0.9),
    31: (0.60, 0.03, 0.08, 0.8), 32: (0.66, 0.03, 0.06, 0.8),
    41: (0.58, 0.0, 0.03, 0.7), 42: (0.62, 0.0, 0.03, 0.5),
    51: (0.20, 0.0, 0.02, 0.2), 52: (0.16, 0.0, 0.02, 0.1), 53: (0.08, 0.0, 0.02, 0.1),
    61: (0.10, 0.0, 0.02, 0.2), 62: (-0.04, 0.0, 0.03, 0.0), 63: (0.12, 0.0, 0.04, 0.2),
    71: (-0.08, 0.0, 0.04, 0.0), 72: (-0.20, 0.0, 0.04, 0.0),
}

_UNCCD_LUT = np.zeros(256, np.uint8)
_SOC_LUT = np.full(256, np.nan, np.float32)
for _code, (_unccd, _label, _colour) in NATIONAL_CLASSES.items():
    _UNCCD_LUT[_code] = _unccd
    _SOC_LUT[_code] = SOC_REFERENCE[_code]
_WATER_LUT = np.zeros(256, bool)
_WATER_LUT[list(WATER)] = True
_NDVI_LUT = np.zeros((4, 256), np.float32)  # mean, lapse per km, noise amplitude, rain response
for _code, _row in NDVI_BY_CLASS.items():
    _NDVI_LUT[:, _code] = _row
_NDVI_LUT[2] *= np.float32(12**0.5)  # uniform noise in [-0.5, 0.5) has standard deviation 1/sqrt(12)


# ---------------------------------------------------------------------------------------------
# Hashing and value noise: pure functions of integer coordinates, so any window gives the same
# values and no global array is ever needed.

_MASK64 = (1 << 64) - 1
_C1 = np.uint64(0xBF58476D1CE4E5B9)
_C2 = np.uint64(0x94D049BB133111EB)
_PY = np.uint64(0x9E3779B97F4A7C15)
_PX = np.uint64(0xC2B2AE3D27D4EB4F)
_S11, _S27, _S30, _S31, _S40 = (np.uint64(s) for s in (11, 27, 30, 31, 40))


def _mix_int(x):
    """splitmix64 finaliser on a Python int: derives independent 64-bit keys from small ints."""
    x &= _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


def _key(seed, name, octave=0):
    """Key of one random field: by name (not by creation order), so adding a field shifts none."""
    return _mix_int(_mix_int(int(seed) * 0x9E3779B97F4A7C15 + zlib.crc32(name.encode())) + octave)


def _mix(x):
    """splitmix64 finaliser on a uint64 array (wrapping arithmetic is what a hash wants)."""
    x = x ^ (x >> _S30)
    x = x * _C1
    x = x ^ (x >> _S27)
    x = x * _C2
    return x ^ (x >> _S31)


def _as_u64(a):
    return np.ascontiguousarray(a, dtype=np.int64).view(np.uint64)


def _hash(key, iy, ix=None):
    """64-bit hash of integer lattice coordinates (broadcasting iy against ix)."""
    h = _as_u64(iy) * _PY
    if ix is not None:
        h = h ^ (_as_u64(ix) * _PX)
    return _mix(h ^ np.uint64(key))


def _unit(h, dtype=np.float64):
    """Uniform [0, 1) from a hash: 53 bits for float64, 24 for float32 (exact either way)."""
    if dtype == np.float32:
        return (h >> _S40).astype(np.float32) * np.float32(2.0**-24)
    return (h >> _S11).astype(np.float64) * (2.0**-53)


def _smooth(t):
    """Smoothstep of t clipped to [0, 1]: a sigmoid made of exactly rounded operations only."""
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


class Noise1D:
    """Fractal 1-D value noise with its derivative, for the centre lines of rivers and roads."""

    def __init__(self, seed, name, base_cells, octaves, persistence):
        self.octaves = [
            (_key(seed, name, k), base_cells * 2**k, persistence**k) for k in range(octaves)
        ]
        total = sum(a for _, _, a in self.octaves)
        self.octaves = [(key, n, a / total) for key, n, a in self.octaves]

    def __call__(self, t):
        """Value in about [-1, 1] and d/dt at relative positions t (float64 arrays)."""
        t = np.asarray(t, np.float64)
        value = np.zeros_like(t)
        slope = np.zeros_like(t)
        for key, n, amp in self.octaves:
            x = t * n
            i = np.floor(x)
            f = x - i
            i = i.astype(np.int64)
            a = _unit(_hash(key, i)) * 2.0 - 1.0
            b = _unit(_hash(key, i + 1)) * 2.0 - 1.0
            value += amp * (a + (b - a) * (f * f * (3.0 - 2.0 * f)))
            slope += amp * (b - a) * (6.0 * f * (1.0 - f) * n)
        return value, slope


class Noise2D:
    """Fractal 2-D value noise (standard deviation ~1/3) over the region, on any window of pixels.

    Octave k has ``base_cells * 2**k`` cells across the region (so every size shows the same
    coarse pattern), down to cells of about ``finest_px`` pixels. Coarser octaves are resampled with
    smoothstep onto the finest lattice nodes that the window needs, and the sum is interpolated
    bilinearly per pixel: one gather-and-lerp per pixel whatever the number of octaves.
    """

    def __init__(self, seed, name, size, base_cells=3, finest_px=8.0, persistence=0.5):
        cells = [base_cells]
        while size / (cells[-1] * 2) >= finest_px:
            cells.append(cells[-1] * 2)
        amps = [persistence**k for k in range(len(cells))]
        # Standard deviation about 1/3 whatever the number of octaves (hence the size).
        norm = 0.8 / sum(a * a for a in amps) ** 0.5
        self.octaves = [(_key(seed, name, k), n, a * norm) for k, (n, a) in enumerate(zip(cells, amps))]
        self.size = size

    def _lattice(self, jy, jx):
        """Summed octaves at finest-lattice nodes jy (rows) x jx (columns), float64."""
        finest = self.octaves[-1][1]
        total = np.zeros((jy.size, jx.size))
        for key, n, amp in self.octaves:
            ratio = finest // n
            axes = []
            for j in (jy, jx):
                q = j // ratio
                t = (j - q * ratio) / ratio
                q0 = int(q[0])
                axes.append((q - q0, t * t * (3.0 - 2.0 * t), np.arange(q0, int(q[-1]) + 2)))
            (qy, sy, ny), (qx, sx, nx) = axes
            values = _unit(_hash(key, ny[:, None], nx[None, :])) * 2.0 - 1.0
            a = values[qy]
            rows = a + (values[qy + 1] - a) * sy[:, None]
            a = rows[:, qx]
            total += amp * (a + (rows[:, qx + 1] - a) * sx[None, :])
        return total

    def __call__(self, r0, c0, h, w):
        """float32 (h, w) values, roughly in [-1, 1], for global rows r0.. and columns c0.."""
        scale = self.octaves[-1][1] / self.size
        fy = (np.arange(r0, r0 + h, dtype=np.float64) + 0.5) * scale
        fx = (np.arange(c0, c0 + w, dtype=np.float64) + 0.5) * scale
        iy = np.floor(fy).astype(np.int64)
        ix = np.floor(fx).astype(np.int64)
        grid = self._lattice(np.arange(iy[0], iy[-1] + 2), np.arange(ix[0], ix[-1] + 2))
        grid = grid.astype(np.float32)
        ty = (fy - iy).astype(np.float32)[:, None]
        tx = (fx - ix).astype(np.float32)[None, :]
        iy -= iy[0]
        ix -= ix[0]
        a = grid[iy]
        rows = a + (grid[iy + 1] - a) * ty
        a = rows[:, ix]
        return a + (rows[:, ix + 1] - a) * tx


# ---------------------------------------------------------------------------------------------
# The world: region, noise fields and the fixed features (curves and points), all small.

@dataclass(frozen=True)
class Town:
    name: str
    u: float
    v: float
    radius: float  # relative to the extent, at the baseline year


class World:
    """Everything about the region that does not depend on the window: O(1) or O(size) memory.

    Coordinates ``u`` (west to east) and ``v`` (north to south) are relative to the extent, in
    [0, 1]; a pixel centre is ``(col + 0.5) / size``.
    """

    def __init__(self, size, seed, pixel_size=30.0, origin=ORIGIN):
        if int(size) < 16:
            raise ValueError("size must be at least 16 pixels")
        if not pixel_size > 0:
            raise ValueError("pixel_size must be positive")
        self.size = int(size)
        self.seed = int(seed)
        self.pixel_size = float(pixel_size)
        self.origin = (float(origin[0]), float(origin[1]))
        self.extent_m = self.size * self.pixel_size
        # Local relief shrinks on small extents so that slopes stay plausible.
        self.relief = float(np.clip(self.extent_m / 150000.0, 0.4, 1.0))
        # Deforestation front scale (metres from the access line over ~40 years).
        self.front_m = float(np.clip(0.045 * self.extent_m, 300.0, 9000.0))
        px = 1.0 / self.size
        # Spacing and length of the feeder tracks off the lowland roads (the "fishbone").
        self.feeder_spacing = float(np.clip(0.08 * self.extent_m, 2000.0, 6000.0)) / self.extent_m
        self.feeder_length = 0.8 * self.front_m / self.extent_m
        self.hw_main = max(1.6, min(0.006 * self.size, 250.0 / self.pixel_size)) * px
        self.hw_trib = max(0.9, min(0.0025 * self.size, 60.0 / self.pixel_size)) * px
        self.hw_road = max(0.75, 10.0 / self.pixel_size) * px
        self.px = px

        s = self.seed
        self.curve_transition = Noise1D(s, "transition", 2, 3, 0.6)
        self.curve_main = Noise1D(s, "main_river", 4, 4, 0.7)
        self.curve_trib = Noise1D(s, "tributary", 3, 5, 0.55)
        self.curve_road = Noise1D(s, "road_offset", 4, 5, 0.5)
        self.curve_branch = Noise1D(s, "branch_road", 2, 5, 0.5)
        n = self.size
        # name: (cells across at the coarsest octave, finest cell in pixels, persistence)
        fields = {
            "elev": (4, 6.0, 0.55), "warp": (4, 16.0, 0.5), "moist": (4, 6.0, 0.6),
            "mix": (6, 4.0, 0.6), "mix2": (8, 4.0, 0.6), "shape": (24, 2.0, 0.7),
            "defo": (8, 3.0, 0.75), "regrow": (8, 4.0, 0.6), "crop": (10, 4.0, 0.65),
            "wet": (8, 4.0, 0.6), "lake": (10, 4.0, 0.55), "lpd": (8, 4.0, 0.65),
            "soc": (4, 8.0, 0.55), "soil": (6, 6.0, 0.6), "cloud": (6, 3.0, 0.6),
            "ndvi_site": (6, 4.0, 0.6), "ndvi_a": (3, 8.0, 0.5), "ndvi_b": (3, 8.0, 0.5),
        }
        self.noise = {name: Noise2D(s, name, n, *args) for name, args in fields.items()}
        self.pixel_key = _key(s, "pixel")
        # Per-pixel interannual NDVI noise: 16 bits per year from a few 64-bit hashes per pixel.
        self.ndvi_keys = [_key(s, "ndvi_pixel", k) for k in range((len(NDVI_YEARS) + 3) // 4)]
        self.ndvi_climate = {}
        for year in NDVI_YEARS:
            a, b, g = (_unit(_hash(_key(s, "ndvi_climate", year), np.arange(3))) * 2.0 - 1.0).tolist()
            drought = -1.5 if year in NDVI_DROUGHT_YEARS else 0.0
            self.ndvi_climate[year] = (0.5 * g + drought, 1.5 * a, 1.5 * b)
        self.ndvi_clouds = {}
        for year in NDVI_CLOUD_YEARS:
            r = _unit(_hash(_key(s, "ndvi_cloud", year), np.arange(6))).tolist()
            self.ndvi_clouds[year] = [(0.3 + 0.45 * r[3 * k], 0.05 + 0.9 * r[3 * k + 1], 0.06 + 0.07 * r[3 * k + 2])
                                      for k in range(2)]
        self.feeder_keys = (_key(s, "feeder_branch"), _key(s, "feeder_road"))

        # Confluence of the tributary with the main river, by fixed-point iteration.
        uc = 0.8
        for _ in range(30):
            vc = float(self.trib_v(np.array([uc]))[0][0])
            uc = float(self.main_u(np.array([vc]))[0][0])
        self.confluence = (uc, vc)
        up = uc - 0.03
        self.port = (up, float(self.road_v(np.array([up]))[0][0]))
        u1, u2, u3 = 0.08, 0.28, 0.52
        v1, v2, v3 = (float(x) for x in self.road_v(np.array([u1, u2, u3]))[0])
        vb1, vb2 = 0.14, 0.86
        ub1, ub2 = (float(x) for x in self.branch_u(np.array([vb1, vb2]))[0])
        self.towns = [
            Town("Cerro alto (minero)", u1, v1, 0.012),
            Town("Valle (capital)", u2, v2 + 0.004, 0.016),
            Town("Ceja de selva", u3, v3, 0.011),
            Town("Puerto fluvial", self.port[0], self.port[1], 0.024),
            Town("Marginal norte", ub1, vb1, 0.008),
            Town("Marginal sur", ub2, vb2, 0.008),
        ]
        self.mine = (u1 + 0.035, v1 - 0.03, 0.010)
        self.nevado = (0.09, 0.22, 0.05)
        self.lake = (0.19, 0.70, 0.013)
        vk = 0.62
        uk = float(self.main_u(np.array([vk]))[0][0]) + self.hw_main + 0.02
        self.cocha = (uk, vk, 0.009)
        self.min_radius = 3.0 * px

    # Centre lines: each returns (position, derivative) for float64 arrays of the other coordinate.
    def transition_u(self, v):
        """Longitude of the Andes-lowland transition (mid-slope) for each v, kept in [0.3, 0.5]
        so that every seed leaves room for the puna features and the lowland roads."""
        value, slope = self.curve_transition(v)
        inside = (value > -0.55) & (value < 0.45)
        return 0.41 + 0.2 * np.clip(value, -0.55, 0.45), np.where(inside, 0.2 * slope, 0.0)

    def main_u(self, v):
        """The main lowland river (an Ucayali/Pachitea-like meandering river) flowing north."""
        value, slope = self.curve_main(v)
        return 0.80 + 0.07 * value, 0.07 * slope

    def trib_v(self, u):
        """The tributary that carves the inter-Andean valley, flowing east to the main river."""
        value, slope = self.curve_trib(u)
        return 0.42 + 0.09 * value, 0.09 * slope

    def road_v(self, u):
        """The trunk road follows the tributary valley, south of the river, to the river port."""
        tv, tslope = self.trib_v(u)
        value, slope = self.curve_road(u)
        return tv + 0.024 + 0.008 * value, tslope + 0.008 * slope

    def branch_u(self, v):
        """A north-south lowland road (like the Carretera Marginal) that opens new fronts."""
        value, slope = self.curve_branch(v)
        return 0.63 + 0.03 * value, 0.03 * slope

    def town_scale(self, year):
        """Urban areas grow 3.5 % of their 2015 radius per year (and were smaller before)."""
        return max(0.4, 1.0 + 0.035 * (year - BASELINE_YEAR))

    def mine_scale(self, year):
        return max(0.3, 1.0 + 0.05 * (year - BASELINE_YEAR))


def _distance_to_graph(pos, centre, slope):
    """Approximate distance from points to the curve ``pos = centre(other)``.

    The offset along the axis times the cosine of the curve's angle: exact for straight pieces,
    good enough for gentle meanders, and cheap (one pass, no search).
    """
    return np.abs(pos - centre) * (1.0 / np.sqrt(1.0 + slope * slope)).astype(np.float32)


# ---------------------------------------------------------------------------------------------
# Block: the shared driver fields for one window, each computed once, on demand.

class Block:
    """Driver fields and derived maps for the window rows r0..r0+h, columns c0..c0+w.

    Geometric fields are computed with a one-pixel halo so that slope needs no neighbour window.
    """

    def __init__(self, world, r0, c0, h, w):
        self.world = world
        self.r0, self.c0, self.h, self.w = r0, c0, h, w
        n = world.size
        self._v64 = (np.arange(r0 - 1, r0 + h + 1, dtype=np.float64) + 0.5) / n
        self._u64 = (np.arange(c0 - 1, c0 + w + 1, dtype=np.float64) + 0.5) / n
        self.v_pad = self._v64.astype(np.float32)[:, None]
        self.u_pad = self._u64.astype(np.float32)[None, :]
        self.v = self.v_pad[1:-1]
        self.u = self.u_pad[:, 1:-1]
        self._noise = {}
        self._national = {}

    def _inner(self, a):
        return a[1:-1, 1:-1]

    def noise(self, name):
        """The world's noise field ``name`` on this window (computed once)."""
        if name not in self._noise:
            self._noise[name] = self.world.noise[name](self.r0, self.c0, self.h, self.w)
        return self._noise[name]

    # --- geometry (padded) -------------------------------------------------------------------
    def noise_pad(self, name):
        """Noise on the padded window (its inner part equals ``noise(name)`` bit for bit)."""
        key = name + "+pad"
        if key not in self._noise:
            self._noise[key] = self.world.noise[name](self.r0 - 1, self.c0 - 1, self.h + 2, self.w + 2)
        return self._noise[key]

    @cached_property
    def transition_pad(self):
        return self.world.transition_u(self._v64)[0].astype(np.float32)[:, None]

    @cached_property
    def highland_pad(self):
        """1 in the Andes, 0 in the lowland, across a ragged eastern slope about 0.16 wide."""
        ut = self.transition_pad + 0.15 * self.noise_pad("warp")
        return _smooth((ut - self.u_pad) * (1 / 0.16) + 0.5)

    @cached_property
    def main_pad(self):
        centre, slope = self.world.main_u(self._v64)
        centre = centre.astype(np.float32)[:, None]
        return centre, _distance_to_graph(self.u_pad, centre, slope[:, None])

    @cached_property
    def d_trib_pad(self):
        centre, slope = self.world.trib_v(self._u64)
        d = _distance_to_graph(self.v_pad, centre.astype(np.float32)[None, :], slope[None, :])
        return np.where(self.u_pad < self.main_pad[0], d, np.float32(1.0))

    @cached_property
    def elev_pad(self):
        """Elevation in metres: puna ~4150 m in the west, lowland ~200-350 m in the east."""
        wd = self.world
        u, v = self.u_pad, self.v_pad
        ut = self.transition_pad
        hl = self.highland_pad
        low = 380.0 - 200.0 * u
        base = low + (4150.0 - low) * hl
        # Folded noise: sharp V valleys along its zero lines, rounded ridges between them.
        relief = 2.0 * np.abs(self.noise_pad("elev")) - 0.4
        amp = (40.0 + 0.15 * (base - 200.0)) * np.float32(wd.relief)
        # Compact profiles: nothing far from a river depends on the river's (approximate) distance.
        valley = _smooth(1.0 - self.d_trib_pad * (1 / 0.07))
        plain = _smooth(1.0 - self.main_pad[1] * (1 / 0.05))
        depth = 2100.0 * _smooth(u * 4.0) * _smooth((ut + 0.1 - u) * 5.0)
        elev = base + amp * relief * (1.0 - 0.85 * valley) * (1.0 - 0.9 * plain)
        elev -= depth * valley + 30.0 * plain * (1.0 - hl)
        nu, nv, nr = wd.nevado
        du = (u - np.float32(nu)) * np.float32(1 / nr)
        dv = (v - np.float32(nv)) * np.float32(1 / nr)
        radial = (du * du + dv * dv) * np.maximum(1.0 + 0.8 * self.noise_pad("shape"), 0.4)
        bump = np.maximum(1.0 - radial, 0.0)
        elev += 1300.0 * bump * bump
        return np.maximum(elev, 120.0)

    # --- geometry (inner) ----------------------------------------------------------------------
    @cached_property
    def elev(self):
        return self._inner(self.elev_pad)

    @cached_property
    def slope(self):
        """Slope in percent, from the DEM with the real pixel size (as a user would compute it)."""
        e = self.elev_pad
        k = np.float32(50.0 / self.world.pixel_size)  # 100 % / (2 * pixel)
        dx = (e[1:-1, 2:] - e[1:-1, :-2]) * k
        dy = (e[2:, 1:-1] - e[:-2, 1:-1]) * k
        return np.sqrt(dx * dx + dy * dy)

    @cached_property
    def transition(self):
        return self.transition_pad[1:-1]

    @cached_property
    def highland(self):
        return self._inner(self.highland_pad)

    @cached_property
    def d_main(self):
        return self._inner(self.main_pad[1])

    @cached_property
    def d_trib(self):
        return self._inner(self.d_trib_pad)

    @cached_property
    def d_trunk(self):
        """Distance to the trunk road, which ends at the river port."""
        wd = self.world
        centre, slope = wd.road_v(self._u64[1:-1])
        d = _distance_to_graph(self.v, centre.astype(np.float32)[None, :], slope[None, :])
        pu, pv = wd.port
        du = self.u - np.float32(pu)
        dv = self.v - np.float32(pv)
        return np.where(self.u <= np.float32(pu), d, np.sqrt(du * du + dv * dv))

    @cached_property
    def d_branch(self):
        centre, slope = self.world.branch_u(self._v64[1:-1])
        return _distance_to_graph(self.u, centre.astype(np.float32)[:, None], slope[:, None])

    @cached_property
    def d_road(self):
        """Distance to the nearest road (trunk road to the port, or the north-south branch)."""
        return np.minimum(self.d_trunk, self.d_branch)

    def _feeders(self, along, across, key, start, stop):
        """Distance to feeder tracks crossing a road at right angles (the fishbone pattern).

        ``along`` is the position along the road (a row or column vector), ``across`` the distance
        from the road. Feeder k sits near ``(k + 0.5) * spacing`` with a hashed jitter and length;
        the three nearest feeders are checked so the field has no seams.
        """
        wd = self.world
        sp = wd.feeder_spacing
        cell = np.floor(along.astype(np.float64) / sp).astype(np.int64)
        best = np.full(np.broadcast(along, across).shape, np.float32(1e9))
        for shift in (-1, 0, 1):
            k = cell + shift
            h = _hash(key, k)
            pos = (k + 0.2 + 0.6 * _unit(h)) * sp
            length = (0.3 + _unit(_mix(h)) * 1.2) * wd.feeder_length
            pos = pos.astype(np.float32)
            length = np.where((pos > start) & (pos < stop), length, -1.0).astype(np.float32)
            d_along = np.abs(along - pos)
            over = np.maximum(across - length, 0.0)
            d = np.where(length > 0, np.sqrt(d_along * d_along + over * over), np.float32(1e9))
            np.minimum(best, d, out=best)
        return best

    @cached_property
    def d_feeder(self):
        wd = self.world
        branch = self._feeders(self.v, self.d_branch, wd.feeder_keys[0], 0.0, 1.0)
        trunk = self._feeders(self.u, self.d_trunk, wd.feeder_keys[1], 0.52, wd.port[0])
        return np.minimum(branch, trunk)

    @cached_property
    def town_norm(self):
        """Distance to the nearest town centre in units of that town's (irregular) radius.

        Exact below 3 (towns farther than 5 radii from the window are skipped).
        """
        wd = self.world
        best = np.full((self.h, self.w), np.float32(1e9))
        for town in wd.towns:
            r = max(town.radius, wd.min_radius)
            if self._far(town.u, town.v, 5.0 * r):
                continue
            du = self.u - np.float32(town.u)
            dv = self.v - np.float32(town.v)
            np.minimum(best, np.sqrt(du * du + dv * dv) * np.float32(1.0 / r), out=best)
        return best / np.clip(1.0 + 0.5 * self.noise("shape"), 0.4, 1.6)

    @cached_property
    def d_town(self):
        """Distance to the edge of the nearest town (relative units)."""
        wd = self.world
        best = np.full((self.h, self.w), np.float32(1e9))
        for town in wd.towns:
            du = self.u - np.float32(town.u)
            dv = self.v - np.float32(town.v)
            d = np.sqrt(du * du + dv * dv) - np.float32(max(town.radius, wd.min_radius))
            np.minimum(best, d, out=best)
        return np.maximum(best, np.float32(0.0))

    @cached_property
    def access(self):
        """Distance (metres) to what opens forest to clearing: roads, tracks, rivers, towns."""
        a = np.minimum(self.d_road, 1.15 * self.d_feeder)
        a = np.minimum(a, 2.0 * self.d_main)
        a = np.minimum(a, 2.0 * self.d_trib)
        a = np.minimum(a, self.d_town)
        return a * np.float32(self.world.extent_m)

    @cached_property
    def moisture(self):
        near_main = _smooth(1.0 - self.d_main * (1 / 0.05))
        near_trib = _smooth(1.0 - self.d_trib * (1 / 0.02))
        return self.noise("moist") + 0.6 * near_main + 0.3 * near_trib

    def _far(self, cu, cv, reach):
        """True when the whole window is farther than ``reach`` from the point (a cheap skip)."""
        du = max(float(self.u[0, 0]) - cu, cu - float(self.u[0, -1]), 0.0)
        dv = max(float(self.v[0, 0]) - cv, cv - float(self.v[-1, 0]), 0.0)
        return du * du + dv * dv > reach * reach

    def _disc(self, centre, scale=1.0, ragged=0.5):
        """Distance to a fixed point in units of its radius (at least 2 pixels), ragged edge.

        Exact below 2 (all callers compare with smaller values); windows far away get +inf
        without computing anything, which keeps small features cheap on huge rasters.
        """
        cu, cv, r = centre
        r = max(r * scale, 2.0 * self.world.px)
        if self._far(cu, cv, 5.0 * r):
            return np.broadcast_to(np.float32(np.inf), (self.h, self.w))
        du = self.u - np.float32(cu)
        dv = self.v - np.float32(cv)
        ragged = np.maximum(1.0 + ragged * self.noise("shape"), 0.4)
        return np.sqrt(du * du + dv * dv) * np.float32(1.0 / r) * ragged

    @cached_property
    def pixel_random(self):
        """Two independent per-pixel uniforms in [0, 1) (white noise for salt-and-pepper effects)."""
        rows = np.arange(self.r0, self.r0 + self.h)[:, None]
        cols = np.arange(self.c0, self.c0 + self.w)[None, :]
        h = _hash(self.world.pixel_key, rows, cols)
        return _unit(h, np.float32), _unit(h << _S30 | h >> np.uint64(34), np.float32)

    # --- land cover ----------------------------------------------------------------------------
    @cached_property
    def natural(self):
        """Potential (pre-human) national class, with rivers, lakes, rock and glaciers."""
        wd = self.world
        e, s, m = self.elev, self.slope, self.moisture
        mix, mix2 = self.noise("mix"), self.noise("mix2")
        ee = e + 150.0 * mix
        nat = np.full((self.h, self.w), 12, np.uint8)
        nat[ee >= 900] = 11
        dry = (self.u < self.transition - 0.04 + 0.05 * mix2) & (ee >= 1100)
        nat[dry] = 22
        nat[ee >= 3500] = 22
        nat[ee >= 3800] = 21
        nat[(ee >= 3500) & (ee < 4300) & (mix2 > 0.35) & (s > 15)] = 14
        nat[(ee >= 4550) | ((e >= 4200) & (s > 90))] = 61
        nat[e >= 4950.0 + 60.0 * mix] = 62
        nat[(e >= 3700) & (s < 8) & (m > 0.35)] = 41
        lake_n = self.noise("lake")
        nat[(e >= 3800) & (lake_n > 0.7) & (s < 15)] = 72
        lake = self._disc(wd.lake)
        nat[(lake < 1.9) & (nat != 62)] = 41
        nat[lake < 1.0] = 72
        low = e < 700
        flat = s < 4
        nat[low & flat & (m > 0.3)] = 13
        nat[low & flat & (m > 0.75)] = 42
        hw = np.float32(wd.hw_main)
        dm = self.d_main
        band = low & (dm >= 2 * hw) & (dm < 0.035)
        nat[band & (lake_n > 0.55)] = 72
        nat[self._disc(wd.cocha) < 1.0] = 72
        bar = max(1.2 * wd.px, 0.4 * wd.hw_main)
        nat[low & (dm >= hw) & (dm < hw + np.float32(bar)) & (mix2 > -0.1)] = 63
        nat[dm < hw] = 71
        hwt = np.float32(wd.hw_trib) * (0.6 + 0.8 * self.u)
        nat[self.d_trib < hwt] = 71
        return nat

    @cached_property
    def old_agriculture(self):
        """Fields older than the satellite record: the inter-Andean valley floor and town fringes."""
        e, nat = self.elev, self.natural
        near_valley = self.d_trib < 0.028 + 0.012 * self.noise("mix")
        near_town = self.town_norm < 3.0
        arable = (e >= 1500) & (e < 3900) & (self.slope < 60) & np.isin(nat, (11, 14, 21, 22))
        mask = arable & (near_valley | near_town)
        crop = self.noise("crop")
        cls = np.where(crop > 0.05, 31, 32).astype(np.uint8)
        cls[(e >= 3400) & (crop < 0.15)] = 23
        return mask, cls

    @cached_property
    def deforestation_year(self):
        """Year each natural-forest pixel is cleared (9999 = never within the horizon).

        Earliest next to roads, rivers and towns, later further away (the front advances), later
        on high and steep land; the noise makes ragged, fishbone-like fronts.
        """
        n = self.noise("defo")
        y = (1988.0 + np.float32(42.0 / self.world.front_m) * self.access * np.maximum(1.0 + 0.6 * n, 0.4)
             + 8.0 * n
             + 15.0 * _smooth((self.elev - 1500.0) * (1 / 1500))
             + 8.0 * _smooth((self.slope - 30.0) * (1 / 40)))
        year = np.floor(np.minimum(y, 9999.0)).astype(np.int16)
        forest = np.isin(self.natural, FOREST_NAT) & ~self.old_agriculture[0]
        return np.where(forest, year, np.int16(9999))

    @cached_property
    def regrowth_year(self):
        """Year abandoned clearings (cleared up to 2012) turn into secondary forest; 9999 = never."""
        r1, r2 = self.pixel_random
        cleared = self.deforestation_year
        abandoned = (cleared <= 2012) & (self.noise("regrow") > 0.3) & (r1 < 0.7)
        year = cleared + np.int16(7) + (r2 * 14).astype(np.int16)
        return np.where(abandoned, year, np.int16(9999))

    @cached_property
    def cleared_class(self):
        crop = self.noise("crop")
        cls = np.where(crop > 0.2, 31, np.where(crop < -0.1, 23, 32)).astype(np.uint8)
        cls[(self.elev >= 900) & (cls == 23)] = 32
        return cls

    @cached_property
    def drainage_year(self):
        """Year a wetland is drained or degraded (aguajal -> farmland, bofedal -> pajonal)."""
        nat, r1 = self.natural, self.pixel_random[0]
        wet = self.noise("wet")
        ratio = self.access * np.float32(1.0 / self.world.front_m)
        aguajal = (nat == 13) & (wet > -0.1)
        y = 1988.0 + 45.0 * ratio + 10.0 * wet
        year = np.where(aguajal, np.floor(y), np.float32(9999.0))
        bofedal = (nat == 41) & (self.d_road < 0.08) & (wet > 0.15)
        year = np.where(bofedal, np.float32(2004.0) + np.floor(r1 * np.float32(19.0)), year)
        return year.astype(np.int16)

    def national_unmasked(self, year):
        """National class in ``year`` everywhere (no cloud or outside-area mask)."""
        cache = self._national
        if year in cache:
            return cache[year]
        wd = self.world
        cls = self.natural.copy()
        mask, agri = self.old_agriculture
        np.copyto(cls, agri, where=mask)
        cleared = self.deforestation_year <= year
        np.copyto(cls, self.cleared_class, where=cleared)
        np.copyto(cls, np.uint8(15), where=cleared & (self.regrowth_year <= year))
        drained = self.drainage_year <= year
        np.copyto(cls, self.drained_class, where=drained)
        water = _WATER_LUT[cls]
        hi = self.elev >= 3000
        np.copyto(cls, np.uint8(53), where=hi & ~water & (self._disc(wd.mine, wd.mine_scale(year)) < 1.0))
        np.copyto(cls, np.uint8(51), where=~water & (self.town_norm < np.float32(wd.town_scale(year))))
        np.copyto(cls, np.uint8(52), where=~water & (self.d_road < np.float32(wd.hw_road)))
        cache[year] = cls
        return cls

    @cached_property
    def crop_noise_high(self):
        return self.noise("crop") > 0.0

    @cached_property
    def drained_class(self):
        """What a drained wetland becomes: bofedal -> pajonal, aguajal/pantano -> farmland."""
        return np.where(self.natural == 41, 21, np.where(self.crop_noise_high, 32, 23)).astype(np.uint8)

    @cached_property
    def outside(self):
        """Outside the study area: a wavy triangle in the south-west corner."""
        return (self.u + (1.0 - self.v)) < 0.16 + 0.04 * self.noise("mix")

    def cloud(self, year):
        """Persistent cloud in that year's land-cover composite (only baseline and target)."""
        clouds = {BASELINE_YEAR: (0.95, 0.05, 0.10), TARGET_YEAR: (0.42, 0.96, 0.05)}
        if year not in clouds:
            return np.zeros((self.h, self.w), bool)
        disc = self._disc(clouds[year], ragged=0.0)
        return disc * np.maximum(1.0 + 0.8 * self.noise("cloud"), 0.3) < 1.0

    def national(self, year):
        """National class in ``year`` as mapped: 0 where cloud or outside the study area."""
        key = ("masked", year)
        if key not in self._national:
            cls = self.national_unmasked(year).copy()
            cls[self.outside | self.cloud(year)] = 0
            self._national[key] = cls
        return self._national[key]

    def unccd(self, year):
        return _UNCCD_LUT[self.national(year)]

    # --- indicators ----------------------------------------------------------------------------
    @cached_property
    def forest_loss_year(self):
        """Year of forest loss 2001-2023 (0 = none), consistent with the land-cover change.

        Every baseline-tree pixel that is not tree in the target gets a year in the period even
        when the cause is not clearing (towns, mines), as a satellite loss product would.
        """
        year = self.deforestation_year
        loss = np.where((year >= FIRST_LOSS_YEAR) & (year <= TARGET_YEAR), year, 0).astype(np.uint16)
        b = _UNCCD_LUT[self.national_unmasked(BASELINE_YEAR)]
        t = _UNCCD_LUT[self.national_unmasked(TARGET_YEAR)]
        in_period = (loss > BASELINE_YEAR) & (loss <= TARGET_YEAR)
        loss[in_period & (b != 1)] = 0  # cleared under a road or town already there in 2015
        lost = (b == 1) & (t != 1) & ~in_period
        span = TARGET_YEAR - BASELINE_YEAR
        fill = (BASELINE_YEAR + 1 + self.pixel_random[1] * np.float32(span)).astype(np.uint16)
        np.copyto(loss, fill, where=lost)
        loss[self.outside] = LOSS_NODATA
        return loss

    @cached_property
    def lpd(self):
        """Land productivity dynamics: declining where cover was lost, increasing where regrown."""
        b = _UNCCD_LUT[self.national_unmasked(BASELINE_YEAR)]
        t = _UNCCD_LUT[self.national_unmasked(TARGET_YEAR)]
        r = self.pixel_random[0]
        anomaly = self.noise("lpd")
        out = np.full((self.h, self.w), 4, np.uint8)
        out[anomaly > 0.5] = 3
        out[anomaly < -0.55] = 5
        grazed = (b == 2) & (t == 2) & (self.access < np.float32(0.05 * self.world.extent_m)) & (anomaly > 0.1)
        out[grazed] = 2
        crop = (b == 3) & (t == 3)
        out[crop & (r < 0.12)] = 3
        out[crop & (r > 0.94)] = 5
        regrown = (t == 1) & (b != 1)
        out[regrown] = np.where(r[regrown] < 0.7, 5, 4)
        lost = ((b == 1) & (t != 1)) | ((b == 4) & (t != 4)) | ((t == 5) & (b != 5))
        out[lost] = np.where(r[lost] < 0.78, 1, np.where(r[lost] < 0.92, 2, 3))
        out[(b == 7) | (t == 7) | self.outside] = 0
        return out

    @cached_property
    def soc(self):
        """SOC stocks (t C/ha) at baseline and target; NaN where no soil (water) or outside.

        Cover change moves the stock 60 % of the way to the new cover's reference in the period
        (tree -> crop ends ~20 % lower); unchanged land drifts within a few percent.
        """
        b = self.national_unmasked(BASELINE_YEAR)
        t = self.national_unmasked(TARGET_YEAR)
        ref_b = _SOC_LUT[b]
        ref_t = _SOC_LUT[t]
        variation = 1.0 + 0.18 * self.noise("soc") + 0.15 * self.highland
        base = ref_b * variation
        r1, r2 = self.pixel_random
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(ref_b > 0, ref_t / ref_b, np.float32(1.0))
        factor = 1.0 + 0.6 * (ratio - 1.0)
        drift = 1.0 + 0.03 * self.noise("lpd") + 0.04 * (r2 - 0.5)
        factor = np.where(b == t, drift, factor * (np.float32(0.98) + np.float32(0.04) * r1))
        target = base * factor
        no = self.outside
        base = np.where(no, np.nan, base).astype(np.float32)
        target = np.where(no | np.isnan(ref_t), np.nan, target).astype(np.float32)
        return base, target

    @cached_property
    def capability(self):
        """CUM group from slope, elevation, wetness and soil: 1 A, 2 C, 3 P, 4 F, 5 X, 0 none."""
        e, s, nat = self.elev, self.slope, self.natural
        soil = self.noise("soil")
        alluvial = (self.d_main < 0.05) | (self.d_trib < 0.02)
        out = np.full((self.h, self.w), 4, np.uint8)
        out[(s < 25) & (e < 3000) & (soil > -0.05)] = 2
        out[(s < 4) & (e < 3500) & ((soil > 0.15) | alluvial)] = 1
        out[(e >= 3400) & (s < 50)] = 3
        protect = (s >= 50) | (e >= 4300) | np.isin(nat, (13, 41, 42, 61, 62, 63))
        out[protect] = 5
        out[_WATER_LUT[nat] | self.outside] = 0
        return out

    # --- annual NDVI ---------------------------------------------------------------------------
    @cached_property
    def ndvi_trend(self):
        """Gradual NDVI change: per-year slope, and the years it starts and stops (float32).

        Consistent with ``lpd``: overgrazed puna (moderate decline) loses 0.006 a year from 2003,
        stressed land 0.0025 from 2008, increasing land gains 0.003 (dense forest 0.0015). Land
        cleared from forest degrades after the clearing, for 12 years: pastures and mosaics 0.006 a
        year (soil and pasture degradation), cropland 0.003. Cover changes (clearing, drainage,
        towns) come on top, as steps, from the land cover of each year.
        """
        b = _UNCCD_LUT[self.national_unmasked(BASELINE_YEAR)]
        t = _UNCCD_LUT[self.national_unmasked(TARGET_YEAR)]
        lpd = self.lpd
        slope = np.zeros((self.h, self.w), np.float32)
        start = np.full((self.h, self.w), np.float32(NDVI_FIRST_YEAR))
        stop = np.full((self.h, self.w), np.float32(TARGET_YEAR))
        d, cc = self.deforestation_year, self.cleared_class
        farmed = (d <= TARGET_YEAR) & (self.regrowth_year == 9999) & (self.national_unmasked(TARGET_YEAR) == cc)
        slope[farmed] = np.where(cc[farmed] == 31, np.float32(-0.003), np.float32(-0.006))
        start[farmed] = d[farmed] + 1
        stop[farmed] = d[farmed] + 13
        same = b == t  # the LPD classes below win where the cover did not change in the period
        for cls, per_year, since in ((3, -0.0025, 2008), (5, 0.003, NDVI_FIRST_YEAR), (2, -0.006, 2003)):
            where = same & (lpd == cls)
            slope[where] = per_year
            start[where] = since
            stop[where] = TARGET_YEAR
        slope[same & (lpd == 5) & (b == 1)] = 0.0015  # dense canopies saturate
        return slope, start, stop

    @cached_property
    def _cloud_ragged(self):
        return np.maximum(1.0 + 0.8 * self.noise("cloud"), 0.3)

    def ndvi_nodata(self, year):
        """Outside the area, or under persistent cloud (no valid observation all year) in a few
        years' NDVI composites."""
        mask = self.outside
        for centre in self.world.ndvi_clouds.get(year, ()):
            if not self._far(centre[0], centre[1], 5.0 * centre[2]):
                mask = mask | (self._disc(centre, ragged=0.0) * self._cloud_ragged < 1.0)
        return mask

    def ndvi(self):
        """Annual NDVI x NDVI_SCALE (int16, one band per year in NDVI_YEARS), nodata outside and
        under cloud.

        Per year: the value of that year's land cover (lower with elevation for herbaceous
        classes), a site offset, per-pixel noise, a regional rainfall anomaly (droughts in
        NDVI_DROUGHT_YEARS) and the gradual trend of ``ndvi_trend``. Forest loss is a step in
        ``forest_loss_year`` (half forest, half burnt in the clearing year itself); regrowth a
        ten-year recovery starting when the clearing is abandoned, four years before it maps
        as secondary forest.
        """
        wd = self.world
        mean, lapse, amp, rain_k = _NDVI_LUT
        amp = amp * np.float32(2.0**-16)  # the noise below is a signed 16-bit integer
        ekm = self.elev * np.float32(0.001)

        def value(cls, e):
            return np.take(mean, cls) - np.take(lapse, cls) * e

        site = np.float32(0.03) * self.noise("ndvi_site")
        n1, n2 = self.noise("ndvi_a"), self.noise("ndvi_b")
        slope, start, stop = self.ndvi_trend
        rows = np.arange(self.r0, self.r0 + self.h)[:, None]
        cols = np.arange(self.c0, self.c0 + self.w)[None, :]
        hashes = [_hash(key, rows, cols) for key in wd.ndvi_keys]
        d, cc, loss = self.deforestation_year, self.cleared_class, self.forest_loss_year
        # Pixels whose change is not a property of the yearly land cover (sparse index lists).
        i_cut = np.nonzero((loss == d) & (d >= NDVI_FIRST_YEAR))
        cut_year, cut_cc = d[i_cut], cc[i_cut]
        cut_value = 0.5 * (value(self.natural[i_cut], ekm[i_cut]) + value(cut_cc, ekm[i_cut])) - 0.06
        # Loss by town or mine growth: the step comes in the loss product's year.
        i_fill = np.nonzero((loss != d) & (loss > BASELINE_YEAR) & (loss <= TARGET_YEAR))
        fill_year = loss[i_fill]
        fill_before = value(self.national_unmasked(BASELINE_YEAR)[i_fill], ekm[i_fill])
        fill_after = value(self.national_unmasked(TARGET_YEAR)[i_fill], ekm[i_fill])
        i_re = np.nonzero(self.regrowth_year < 9999)
        re_cc = cc[i_re]
        re_from = value(re_cc, ekm[i_re])
        re_gain = mean[15] - re_from
        re_start = (self.regrowth_year[i_re] - 4).astype(np.float32)
        out = np.empty((len(NDVI_YEARS), self.h, self.w), np.int16)
        work = np.empty((self.h, self.w), np.float32)
        for k, year in enumerate(NDVI_YEARS):
            cls = self.national_unmasked(year)
            v = value(cls, ekm)
            now = cls[i_re]
            ramp = re_from + re_gain * np.clip((year - re_start) * np.float32(0.1), 0.0, 1.0)
            v[i_re] = np.where((now == re_cc) | (now == 15), ramp, v[i_re])
            if year > BASELINE_YEAR:
                v[i_fill] = np.where(year < fill_year, fill_before, fill_after)
            hit = (cut_year == year) & (cls[i_cut] == cut_cc)
            v[i_cut[0][hit], i_cut[1][hit]] = cut_value[hit]
            # 16 hashed bits as a signed integer: uniform noise in [-0.5, 0.5) once scaled by amp.
            noise = (hashes[k // 4] >> np.uint64(16 * (k % 4))).astype(np.uint16).view(np.int16)
            np.multiply(np.take(amp, cls), noise, out=work)
            v += work
            g, a, b = (np.float32(0.025 * x) for x in wd.ndvi_climate[year])
            np.multiply(n1, a, out=work)
            work += g
            work += b * n2
            work *= np.take(rain_k, cls)
            v += work
            np.clip(np.float32(year), start, stop, out=work)
            work -= start
            work *= slope
            v += work
            v += site
            np.clip(v, -1.0, 1.0, out=v)
            v *= np.float32(NDVI_SCALE)
            np.rint(v, out=v)
            band = out[k]
            band[...] = v
            band[self.ndvi_nodata(year)] = NDVI_NODATA
        return out


# ---------------------------------------------------------------------------------------------
# Layer registry. A raster layer is a function Block -> array (2-D, or 3-D bands-first for
# ``bands`` > 1, e.g. ``ndvi``, with ``band_names`` and extra ``manifest`` entries); a file layer
# is a function (World, out_dir) -> path (vector layers built from ``_landscape(world)``).

@dataclass(frozen=True)
class RasterLayer:
    name: str
    func: object
    dtype: int
    nodata: float
    description: str
    classes: dict = None
    bands: int = 1
    band_names: tuple = None  # band descriptions (e.g. the years of a series)
    manifest: dict = None  # extra manifest entries (e.g. the first year of a series)


@dataclass(frozen=True)
class FileLayer:
    name: str
    func: object  # (World, out_dir) -> path
    kind: str  # "table" or "vector"
    description: str
    manifest: dict = None  # extra manifest entries (e.g. the layers of a GeoPackage)


RASTER_LAYERS = {}
FILE_LAYERS = {}


def raster_layer(name, dtype, nodata, description, classes=None, bands=1, band_names=None, manifest=None):
    """Register a raster layer generator (decorator)."""
    def register(func):
        RASTER_LAYERS[name] = RasterLayer(name, func, dtype, nodata, description, classes, bands, band_names,
                                          manifest)
        return func
    return register


def file_layer(name, kind, description, manifest=None):
    """Register a non-raster output (CSV table, GeoPackage vector) generator (decorator)."""
    def register(func):
        FILE_LAYERS[name] = FileLayer(name, func, kind, description, manifest)
        return func
    return register


def _national_legend():
    return {code: (label, colour) for code, (_, label, colour) in NATIONAL_CLASSES.items()}


@raster_layer("dem", gdal.GDT_Float32, -9999.0, "Elevation (m): puna in the west, Amazon lowland in the east.")
def _dem(block):
    return block.elev


@raster_layer("lc_baseline", gdal.GDT_Byte, 0, f"Land cover {BASELINE_YEAR}, 7 UNCCD classes.", UNCCD_CLASSES)
def _lc_baseline(block):
    return block.unccd(BASELINE_YEAR)


@raster_layer("lc_target", gdal.GDT_Byte, 0, f"Land cover {TARGET_YEAR}, 7 UNCCD classes.", UNCCD_CLASSES)
def _lc_target(block):
    return block.unccd(TARGET_YEAR)


@raster_layer("lc_national_baseline", gdal.GDT_Byte, 0,
              f"Land cover {BASELINE_YEAR}, national (MINAM-like) legend; see lc_recode.csv.",
              _national_legend())
def _lc_national_baseline(block):
    return block.national(BASELINE_YEAR)


@raster_layer("lc_national_target", gdal.GDT_Byte, 0,
              f"Land cover {TARGET_YEAR}, national (MINAM-like) legend; see lc_recode.csv.",
              _national_legend())
def _lc_national_target(block):
    return block.national(TARGET_YEAR)


@raster_layer("lpd", gdal.GDT_Byte, 0, "Land productivity dynamics, 5 classes.", LPD_CLASSES)
def _lpd(block):
    return block.lpd


@raster_layer("soc_baseline", gdal.GDT_Float32, SOC_NODATA, f"Soil organic carbon {BASELINE_YEAR} (t C/ha).")
def _soc_baseline(block):
    return block.soc[0]


@raster_layer("soc_target", gdal.GDT_Float32, SOC_NODATA, f"Soil organic carbon {TARGET_YEAR} (t C/ha).")
def _soc_target(block):
    return block.soc[1]


@raster_layer("forest_loss_year", gdal.GDT_UInt16, LOSS_NODATA,
              f"Year of forest loss {FIRST_LOSS_YEAR}-{TARGET_YEAR}; 0 = no loss.")
def _forest_loss_year(block):
    return block.forest_loss_year


@raster_layer("capability", gdal.GDT_Byte, 0, "Land use capability (CUM): 1 A, 2 C, 3 P, 4 F, 5 X.",
              CAPABILITY_CLASSES)
def _capability(block):
    return block.capability


@raster_layer("ndvi", gdal.GDT_Int16, NDVI_NODATA,
              f"Annual NDVI x {NDVI_SCALE}, one band per year {NDVI_YEARS[0]}-{NDVI_YEARS[-1]} "
              "(band description = year); nodata outside the area and under persistent cloud.",
              bands=len(NDVI_YEARS), band_names=tuple(str(year) for year in NDVI_YEARS),
              manifest={"first_year": NDVI_YEARS[0], "last_year": NDVI_YEARS[-1], "scale": NDVI_SCALE})
def _ndvi(block):
    return block.ndvi()


@file_layer("lc_recode", "table", "National land-cover codes to UNCCD classes (code,unccd_class,label_es).")
def _lc_recode(world, out_dir):
    path = os.path.join(out_dir, "lc_recode.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "unccd_class", "label_es"])
        for code, (unccd, label, _) in sorted(NATIONAL_CLASSES.items()):
            writer.writerow([code, unccd, label])
    return path


# Administrative partition: a tree of cuts by wavy lines. ("V", u, ...) splits west | east at
# about u, ("H", v, ...) north | south at about v; leaves are (ubigeo, nombre[, provinces tree]).
DEPARTMENTS = (
    "V", 0.60,
    ("H", 0.55,
     ("10", "Huánuco",
      ("V", 0.30,
       ("H", 0.25, ("1003", "Dos de Mayo"), ("1001", "Huánuco")),
       ("H", 0.30, ("1006", "Leoncio Prado"), ("1008", "Pachitea")))),
     ("19", "Pasco",
      ("V", 0.28,
       ("H", 0.72, ("1902", "Daniel Alcides Carrión"), ("1901", "Pasco")),
       ("1903", "Oxapampa")))),
    ("25", "Ucayali",
     ("H", 0.35, ("2501", "Coronel Portillo"), ("H", 0.70, ("2503", "Padre Abad"), ("2502", "Atalaya")))),
)


def _side_polygon(world, axis, at, name):
    """Polygon of everything east (axis V) or north (axis H) of a wavy line, in map coordinates."""
    curve = Noise1D(world.seed, "border_" + name, 3, 5, 0.55)
    t = np.linspace(-0.05, 1.05, 221)
    offset = at + 0.035 * curve(t)[0]
    x0, y0 = world.origin
    span = world.extent_m
    if axis == "V":
        pts = [(x0 + o * span, y0 - s * span) for s, o in zip(t, offset)]
        pts += [(x0 + 2 * span, y0 - 1.05 * span), (x0 + 2 * span, y0 + 0.05 * span)]
    else:
        pts = [(x0 + s * span, y0 - o * span) for s, o in zip(t, offset)]
        pts += [(x0 + 1.05 * span, y0 + 2 * span), (x0 - 0.05 * span, y0 + 2 * span)]
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts + [pts[0]]:
        ring.AddPoint_2D(float(x), float(y))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def _partition(world, node, geom, path, leaves):
    """Split geom by the cut tree; leaves get (ubigeo, nombre, subtree, geometry)."""
    if node[0] in ("V", "H"):
        axis, at, first, second = node
        side = _side_polygon(world, axis, at, path + axis)
        east_or_north = geom.Intersection(side)
        rest = geom.Difference(side)
        # V: first = west (rest); H: first = north (intersection).
        parts = (rest, east_or_north) if axis == "V" else (east_or_north, rest)
        _partition(world, first, parts[0], path + "0", leaves)
        _partition(world, second, parts[1], path + "1", leaves)
    else:
        leaves.append((node[0], node[1], node[2] if len(node) > 2 else None, geom))


def _write_polygons(ds, srs, name, fields, rows):
    """A MultiPolygon layer; ``fields`` are (name, width) for text or (name, ogr type, width)."""
    layer = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    fields = [(f[0], ogr.OFTString, f[1]) if len(f) == 2 else f for f in fields]
    for field, kind, width in fields:
        defn = ogr.FieldDefn(field, kind)
        if width:
            defn.SetWidth(width)
        layer.CreateField(defn)
    layer.StartTransaction()
    for values, geom in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field, _, _), value in zip(fields, values):
            feature.SetField(field, value)
        feature.SetGeometry(ogr.ForceToMultiPolygon(geom))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def _write_gpkg(path, layers):
    """Write {layer name: (fields, rows)} to a GeoPackage, atomically (temporary name, rename)."""
    tmp = path[:-len(".gpkg")] + ".part.gpkg"
    _remove(tmp)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
    srs = _srs()
    for name, (fields, rows) in layers.items():
        _write_polygons(ds, srs, name, fields, rows)
    ds = None
    os.replace(tmp, path)
    return path


@file_layer("zones", "vector", "Departments and provinces (UBIGEO) partitioning the extent, wavy borders.",
            manifest={"layers": ["departamentos", "provincias"]})
def _zones(world, out_dir):
    path = os.path.join(out_dir, "zones.gpkg")
    x0, y0 = world.origin
    x1, y1 = x0 + world.extent_m, y0 - world.extent_m
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    extent = ogr.Geometry(ogr.wkbPolygon)
    extent.AddGeometry(ring)
    departments = []
    _partition(world, DEPARTMENTS, extent, "d", departments)
    provinces = []
    for ubigeo, _, tree, geom in departments:
        found = []
        _partition(world, tree, geom, "p" + ubigeo, found)
        provinces += [(ub, name, ubigeo, g) for ub, name, _, g in found]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    tmp = os.path.join(out_dir, "zones.part.gpkg")
    _remove(tmp)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
    _write_polygons(ds, srs, "departamentos", [("ubigeo", 2), ("nombre", 60)],
                    [((ub, name), g) for ub, name, _, g in departments])
    _write_polygons(ds, srs, "provincias", [("ubigeo", 4), ("nombre", 60), ("dep_ubigeo", 2)],
                    [((ub, name, dep), g) for ub, name, dep, g in provinces])
    ds = None
    os.replace(tmp, path)
    return path


# ---------------------------------------------------------------------------------------------
# Vector layers drawn from the landscape: protected areas, the two national restoration gaps and
# restoration initiatives. They are derived from an analysis grid: the world itself up to
# VECTOR_GRID pixels (so the gap polygons follow the rasters' pixels exactly), beyond that a coarser
# World over the same extent (the same landscape, coarser), so time and memory stay bounded.

VECTOR_GRID = 2048
GAP_SMOOTH_M = 75.0  # generalisation radius of the gap maps, metres
GAP_THRESHOLD = 0.4  # share of degraded cells around a cell that puts it in a gap
GAP_MIN_CELLS = 4  # smallest gap polygon, in analysis cells
UNIT_M = 6000.0  # spacing of the micro-watershed units that split the gap polygons, metres

_NATURAL_LUT = np.zeros(256, bool)
_NATURAL_LUT[[11, 12, 13, 14, 15, 21, 22, 41, 42]] = True
_RECOVERABLE_LUT = np.zeros(256, bool)  # land uses that replace natural cover and can be restored
_RECOVERABLE_LUT[[23, 31, 32, 53]] = True
# Potential natural ecosystem (splits the MINAM gap): 1 montane forest, 2 lowland forest,
# 3 aguajal, 4 queñual, 5 pajonal, 6 matorral, 7 wetlands, 8 rock/ice/sand, 9 water.
_ECOSYSTEM_LUT = np.zeros(256, np.uint8)
for _codes, _eco in (((11,), 1), ((12,), 2), ((13,), 3), ((14,), 4), ((21,), 5), ((22,), 6), ((41, 42), 7),
                     ((61, 62, 63), 8), ((71, 72), 9)):
    _ECOSYSTEM_LUT[list(_codes)] = _eco


def _box_mean(a, r):
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
            (_NATURAL_LUT[b] & _RECOVERABLE_LUT[t]) | declining | (t == 53) | (t == 15)
            | ((t == 23) & np.isin(block.natural, (11, 12, 13))) | (block.drainage_year <= TARGET_YEAR))
        # SERFOR (agrarian sector, ROAM-like): forest and protection lands (CUM F, X) with forest
        # loss since 2001 or in agrarian use (overuse).
        lost = (loss >= FIRST_LOSS_YEAR) & (loss <= TARGET_YEAR)
        self.serfor[window] = inside & ((cap == 4) | (cap == 5)) & (lost | np.isin(t, (23, 31, 32)))
        self.ecosystem[window] = _ECOSYSTEM_LUT[block.natural]
        self.capability[window] = cap
        far = block.deforestation_year > TARGET_YEAR + 10
        self.intact[window] = inside & np.isin(t, (11, 12, 13)) & (loss == 0) & ~declining & far
        self.andes[window] = inside & np.isin(t, (14, 21, 22, 41, 61, 62, 72)) & ~declining & (block.elev >= 3300)

    @cached_property
    def gaps(self):
        """The generalised MINAM and SERFOR gap masks (majority over about GAP_SMOOTH_M)."""
        r = max(1, round(GAP_SMOOTH_M / self.cell))
        return tuple(self.inside & (_box_mean(mask, r) >= GAP_THRESHOLD) for mask in (self.minam, self.serfor))

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
        key = _key(seed, "units")
        best = np.full(x.shape, np.inf)
        unit = np.zeros(x.shape, np.int64)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                iy, ix = iy0 + dy, ix0 + dx
                h = _hash(key, iy, ix)
                py = iy + 0.15 + 0.7 * _unit(h)
                px = ix + 0.15 + 0.7 * _unit(_mix(h))
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
        layer = vector.CreateLayer("polygons", _srs(), ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
        gdal.Polygonize(band, band, layer, 0)
        min_area = (GAP_MIN_CELLS - 0.5) * self.cell * self.cell
        polygons = []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom.GetArea() >= min_area:
                polygons.append(_valid(geom.Clone()))
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


def _landscape(world):
    """The Landscape of a world, computed once for all the vector layers of a run."""
    key = (world.size, world.seed, world.pixel_size, world.origin)
    if key not in _LANDSCAPES:
        _LANDSCAPES.clear()
        _LANDSCAPES[key] = Landscape(world)
    return _LANDSCAPES[key]


def _valid(geom):
    """The geometry made valid (kept polygonal), as a MultiPolygon."""
    if not geom.IsValid():
        fixed = geom.MakeValid() if hasattr(geom, "MakeValid") else geom.Buffer(0.0)
        geom = ogr.Geometry(ogr.wkbMultiPolygon)
        parts = [fixed.GetGeometryRef(i) for i in range(fixed.GetGeometryCount())] \
            if fixed.GetGeometryType() in (ogr.wkbGeometryCollection, ogr.wkbMultiPolygon) else [fixed]
        for part in parts:
            if part.GetGeometryType() == ogr.wkbPolygon:
                geom.AddGeometry(part)
            elif part.GetGeometryType() == ogr.wkbMultiPolygon:
                for i in range(part.GetGeometryCount()):
                    geom.AddGeometry(part.GetGeometryRef(i))
    return ogr.ForceToMultiPolygon(geom)


def _extent_polygon(world):
    x0, y0 = world.origin
    x1, y1 = x0 + world.extent_m, y0 - world.extent_m
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def _blob(world, name, u, v, radius, wobble=0.2, points=72):
    """A star-shaped (hence simple and valid) polygon around relative (u, v) with a wavy edge."""
    r = _unit(_hash(_key(world.seed, "blob_" + name), np.arange(8))) * 2.0 - 1.0
    theta = np.arange(points) * (2.0 * np.pi / points)
    rad = np.ones(points)
    for k in range(4):
        rad += wobble / (k + 1) * r[2 * k] * np.cos((k + 2) * theta + np.pi * r[2 * k + 1])
    rad = radius * np.maximum(rad, 0.4) * world.extent_m
    x0, y0 = world.origin
    ring = ogr.Geometry(ogr.wkbLinearRing)
    xs = x0 + u * world.extent_m + rad * np.cos(theta)
    ys = y0 - v * world.extent_m + rad * np.sin(theta)
    for x, y in zip(xs.tolist() + xs[:1].tolist(), ys.tolist() + ys[:1].tolist()):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


# nombre, categoria, administracion, habitat ("forest", "andes", or "front": mostly intact forest with
# some degraded land, as where a protection forest guards a watershed near farms), radius (relative),
# longitude range (relative).
PROTECTED_AREAS = (
    ("Parque Nacional Alto Pachitea", "Parque Nacional", "nacional", "forest", 0.13,
     (0.35, 0.8)),
    ("Reserva Comunal Asháninka-Yánesha del Pachitea", "Reserva Comunal", "nacional", "forest", 0.09,
     (0.6, 1.0)),
    ("Área de Conservación Regional Queñuales y Bofedales de Jircán", "Área de Conservación Regional",
     "regional", "andes", 0.08, (0.0, 0.35)),
    ("Bosque de Protección Río Chinchao", "Bosque de Protección", "nacional", "front", 0.05, (0.3, 0.8)),
    ("Área de Conservación Privada Bosque de Neblina Añaypampa", "Área de Conservación Privada", "privada",
     "forest", 0.025, (0.3, 0.8)),
)


def _protected_area_rows(world):
    """Each protected area where its habitat is most intact, within its longitude range, apart
    from the others (scored on a grid of at most 256 x 256 cells); they cover little degraded land."""
    land = _landscape(world)
    m = min(land.n, 256)
    pick = (np.arange(m) * land.n) // m
    rows = []
    placed = []
    for name, category, admin, habitat, radius, (umin, umax) in PROTECTED_AREAS:
        r = max(1, round(radius * m))
        if habitat == "front":  # mostly intact, with some degraded land inside
            gap = land.gaps[0] | land.gaps[1]
            score = (np.minimum(_box_mean(land.intact[pick][:, pick], r), 0.6)
                     + np.minimum(_box_mean(gap[pick][:, pick], r), 0.25))
        else:
            score = _box_mean((land.intact if habitat == "forest" else land.andes)[pick][:, pick], r)
        centre = (np.arange(m) + 0.5) / m
        u, v = centre[None, :], centre[:, None]
        allowed = (u >= max(umin, radius)) & (u <= min(umax, 1.0 - radius)) & (v >= radius) & (v <= 1.0 - radius)
        for pu, pv, pr in placed:
            allowed &= (u - pu) ** 2 + (v - pv) ** 2 >= (1.3 * (radius + pr)) ** 2
        if not allowed.any():
            allowed = np.ones((m, m), bool)
        row, col = np.unravel_index(np.argmax(np.where(allowed, score, -1.0)), score.shape)
        cu, cv = float(centre[col]), float(centre[row])
        placed.append((cu, cv, radius))
        geom = _blob(world, name, cu, cv, radius).Intersection(_extent_polygon(world))
        rows.append(((name, category, admin), _valid(geom)))
    return rows


@file_layer("protected_areas", "vector",
            "Protected areas (layer areas_protegidas): national park, communal reserve, protection forest, "
            "regional and private conservation areas over intact forest and high Andes.",
            manifest={"layers": ["areas_protegidas"]})
def _protected_areas(world, out_dir):
    fields = [("nombre", 120), ("categoria", 60), ("administracion", 20)]
    return _write_gpkg(os.path.join(out_dir, "protected_areas.gpkg"),
                       {"areas_protegidas": (fields, _protected_area_rows(world))})


@file_layer("gaps", "vector",
            "National restoration gaps (layers brecha_minam, brecha_serfor), overlapping in part: MINAM's "
            "ecosystem recovery gap (lost cover, declining productivity) and SERFOR's restoration gap "
            "(forest and protection lands with forest loss or in agrarian use).",
            manifest={"layers": ["brecha_minam", "brecha_serfor"]})
def _gaps(world, out_dir):
    land = _landscape(world)
    fields = [("id", ogr.OFTInteger, 0), ("fuente", ogr.OFTString, 20)]
    layers = {}
    for which, source in (("minam", "MINAM"), ("serfor", "SERFOR")):
        polygons = land.gap_polygons(which)
        layers["brecha_" + which] = (fields, [((i + 1, source), g) for i, g in enumerate(polygons)])
    return _write_gpkg(os.path.join(out_dir, "gaps.gpkg"), layers)


# nombre, institucion, practica, estado (1 in preparation, 2 in progress, 3 post-completion), inicio,
# where (minam: only MINAM's gap, serfor: only SERFOR's, both, gap: either, edge: partly outside),
# zone (highland, lowland or None), radius in metres, parts, index of an initiative it overlaps.
INITIATIVES = (
    ("Recuperación de pastizales altoandinos de Jircán", "Gobierno Regional de Huánuco",
     "clausura y manejo de pastos naturales", 2, 2019, "minam", "highland", 900, 1, None),
    ("Sistemas agroforestales con cacao en Pachitea", "Gobierno Regional de Huánuco",
     "sistemas agroforestales", 2, 2020, "serfor", "lowland", 600, 2, None),
    ("Regeneración natural asistida en Chinchao", "SERFOR", "regeneración natural asistida", 3, 2016,
     "both", None, 800, 1, None),
    ("Cercos vivos en la cuenca del Huallaga", "ONG Ñuqanchik Sacha", "cercos vivos", 1, 2024, "gap", None,
     400, 3, None),
    ("Reforestación con especies nativas en Puerto Inca", "Municipalidad Provincial de Puerto Inca",
     "plantación con especies nativas", 2, 2018, "serfor", "lowland", 700, 1, None),
    ("Enriquecimiento de purmas en Padre Abad", "Gobierno Regional de Ucayali",
     "enriquecimiento de bosques secundarios", 2, 2021, "both", None, 650, 1, 2),
    ("Restauración de aguajales del bajo Pachitea", "ONG Aguajales Vivos", "restauración de humedales",
     1, 2023, "minam", "lowland", 500, 1, None),
    ("Zanjas de infiltración y qochas en la puna de Pasco", "Gobierno Regional de Pasco",
     "zanjas de infiltración y qochas", 3, 2017, "minam", "highland", 700, 2, None),
    ("Sistemas silvopastoriles en Codo del Pozuzo", "AGRO RURAL (MIDAGRI)", "sistemas silvopastoriles", 2,
     2020, "both", None, 750, 1, None),
    ("Agroforestería cafetalera en la montaña de Panao", "Cooperativa Agraria Cafetalera Montaña Alta",
     "sistemas agroforestales", 2, 2019, "serfor", None, 500, 1, 4),
    ("Restauración de riberas del río Pachitea", "Autoridad Nacional del Agua", "restauración de riberas", 1,
     2024, "edge", None, 600, 1, None),
    ("Plantación de queñua en Yanahuanca", "Comunidad Campesina de Yanahuanca",
     "plantación de queñua (Polylepis)", 3, 2015, "minam", "highland", 450, 1, None),
    ("Regeneración natural en Tournavista", "SERFOR", "regeneración natural asistida", 2, 2022, "gap",
     "lowland", 900, 1, 8),
    ("Cercos vivos y linderos en Pillao", "Municipalidad Distrital de Chinchao", "cercos vivos", 2, 2021,
     "gap", None, 350, 2, None),
    ("Reforestación comunal en Tingo María", "ONG Bosques para el Futuro", "plantación con especies nativas",
     3, 2016, "serfor", None, 550, 1, None),
)


def _initiative_rows(world):
    """Initiatives placed where their gap is solid around them (scored on a grid of at most
    512 x 512 cells, ties broken by a hash), apart from each other, except the pairs meant to
    overlap and the one meant to straddle a gap edge."""
    land = _landscape(world)
    m, _ = land.placement
    minam, serfor = (land.sample(mask) for mask in land.gaps)
    either = minam | serfor
    highland = land.sample(np.isin(land.ecosystem, (4, 5, 6, 7, 8)))
    kinds = {"minam": minam & ~serfor, "serfor": serfor & ~minam, "both": minam & serfor, "gap": either,
             "edge": either}
    zones = {"highland": highland, "lowland": ~highland, None: np.ones_like(highland)}
    centre = (np.arange(m) + 0.5) / m
    u, v = centre[None, :], centre[:, None]
    shares = {}

    def share(name, radius):
        """Share of a mask within the blob's reach around every cell (a square window)."""
        r = max(1, round(1.2 * radius * m))
        if (name, r) not in shares:
            shares[name, r] = _box_mean(either if name == "either" else kinds[name], r)
        return shares[name, r]

    def best(name, where, allowed, radius):
        """Relative centre of the best allowed cell: the gap solid around it (or, for "edge", half
        of it), then most of it of the right kind, ties broken by a hash."""
        union = share("either", radius)
        if where == "edge":
            score = 1.0 - np.abs(union - 0.5)
        else:
            score = 2.0 * np.minimum(union, 0.97) + np.minimum(share(where, radius), 0.6)
        rows, cols = np.nonzero(allowed)
        if rows.size == 0:
            rows, cols = np.nonzero(np.ones_like(allowed))
        tie = _unit(_hash(_key(world.seed, "place_" + name), rows, cols)) * 1e-3
        k = int(np.argmax(score[rows, cols] + tie))
        return float(union[rows[k], cols[k]]), float(centre[cols[k]]), float(centre[rows[k]])

    def first(name, where, radius, *masks):
        """``best`` in the first mask with a solid enough place (else the most solid found)."""
        found = None
        for allowed in masks:
            if allowed.any():
                got = best(name, where, allowed, radius)
                if found is None or got[0] > found[0] + 0.05:
                    found = got
                if where == "edge" or found[0] >= 0.9:
                    break
        return found[1:] if found else best(name, where, masks[-1], radius)[1:]

    placed = []  # (u, v, radius) of every part placed so far
    centres = []
    rows = []
    for i, (name, inst, practice, state, start, where, zone, radius_m, parts, overlaps) in enumerate(INITIATIVES):
        radius = float(np.clip(radius_m / world.extent_m, 2.5 / world.size, 0.018))
        apart = np.ones((m, m), bool)
        for pu, pv, pr in placed:
            apart &= (u - pu) ** 2 + (v - pv) ** 2 >= (1.5 * (radius + pr)) ** 2
        if overlaps is not None:
            # Next to the initiative it overlaps, clear of the others if possible, on the side that
            # keeps it most inside the gaps.
            ou, ov, orad = centres[overlaps]
            union = share("either", radius)
            options = []
            for k in range(8):
                cu = ou + 0.8 * (radius + orad) * np.cos(2.0 * np.pi * k / 8)
                cv = ov + 0.8 * (radius + orad) * np.sin(2.0 * np.pi * k / 8)
                cell = union[int(np.clip(cv * m, 0, m - 1)), int(np.clip(cu * m, 0, m - 1))]
                clear = all((cu - pu) ** 2 + (cv - pv) ** 2 >= (1.3 * (radius + pr)) ** 2
                            for pu, pv, pr in placed if (pu, pv, pr) != (ou, ov, orad))
                options.append((min(cell, 0.9), clear, cell, -k, cu, cv))
            cu, cv = max(options)[4:]
        else:
            cu, cv = first(name, where, radius, apart & kinds[where] & zones[zone], apart & kinds[where],
                           apart & either, apart)
        centres.append((cu, cv, radius))
        placed.append((cu, cv, radius))
        geom = _blob(world, name, cu, cv, radius)
        for part in range(1, parts):
            small = 0.7 * radius
            d2 = (u - cu) ** 2 + (v - cv) ** 2
            ring = (d2 >= (2.8 * radius) ** 2) & (d2 <= (7.0 * radius) ** 2)
            for pu, pv, pr in placed:
                ring &= (u - pu) ** 2 + (v - pv) ** 2 >= (1.5 * (small + pr)) ** 2
            pu, pv = first(f"{name} {part}", where, small, ring & kinds[where], ring & either, ring)
            geom = geom.Union(_blob(world, f"{name} {part}", pu, pv, small))
            placed.append((pu, pv, small))
        geom = _valid(geom.Intersection(_extent_polygon(world)))
        factor = 0.85 + 0.3 * float(_unit(_hash(_key(world.seed, "declared"), np.array([i])))[0])
        declared = round(geom.GetArea() / 10000.0 * factor, 1)
        rows.append(((name, inst, practice, state, start, declared), geom))
    return rows


@file_layer("initiatives", "vector",
            "Restoration initiatives (layer iniciativas), mostly inside the gaps, some multi-part, a few "
            "overlapping each other; estado 1 in preparation, 2 in progress, 3 post-completion.",
            manifest={"layers": ["iniciativas"]})
def _initiatives(world, out_dir):
    fields = [("nombre", ogr.OFTString, 120), ("institucion", ogr.OFTString, 120),
              ("practica", ogr.OFTString, 80), ("estado", ogr.OFTInteger, 0), ("inicio", ogr.OFTInteger, 0),
              ("area_declarada_ha", ogr.OFTReal, 0)]
    return _write_gpkg(os.path.join(out_dir, "initiatives.gpkg"), {"iniciativas": (fields, _initiative_rows(world))})


# ---------------------------------------------------------------------------------------------
# Writing.

def _remove(path):
    if os.path.exists(path):
        os.remove(path)


@contextmanager
def _gdal_exceptions():
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
def _gdal_cache(limit):
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


def _write_rasters(world, specs, out_dir, block_size, log):
    """Compute every selected layer window by window; one Block serves all layers of a window."""
    paths = {spec.name: os.path.join(out_dir, spec.name + ".tif") for spec in specs}
    datasets = {}
    for spec in specs:
        _remove(paths[spec.name] + ".part")
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


def _manifest_entry(name, path, out_dir, **extra):
    entry = {"file": os.path.relpath(path, out_dir)}
    entry.update(extra)
    return entry


def generate(out_dir, size=512, seed=2030, pixel_size=30.0, layers=None, *, block_size=DEFAULT_BLOCK,
             verbose=True):
    """Write the demo region into ``out_dir``; return {layer name: absolute path}.

    ``size`` is the width and height in pixels, ``pixel_size`` in metres; the landscape is laid out
    relative to the extent, so any size shows the same region. ``layers`` is an iterable of names
    from ``RASTER_LAYERS`` and ``FILE_LAYERS`` (all when None). ``block_size`` changes only speed
    and memory (about 90 float32 arrays of block_size^2 with the NDVI series, plus GDAL's cache,
    capped at ``GDAL_CACHE_BYTES`` while writing), never the output. ``out_dir/manifest.json``
    records the parameters and every layer's file, type, nodata and legend (and, for the NDVI
    series, its years; for GeoPackages, their layers).
    """
    names = list(RASTER_LAYERS) + list(FILE_LAYERS) if layers is None else list(layers)
    unknown = [name for name in names if name not in RASTER_LAYERS and name not in FILE_LAYERS]
    if unknown:
        raise ValueError(f"unknown layers {unknown}; known: {sorted(RASTER_LAYERS) + sorted(FILE_LAYERS)}")
    if int(block_size) < 1:
        raise ValueError("block_size must be positive")
    log = print if verbose else (lambda *_: None)
    world = World(size, seed, pixel_size)
    out_dir = os.path.abspath(os.fspath(out_dir))
    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    manifest_layers = {}
    with _gdal_exceptions(), _gdal_cache(GDAL_CACHE_BYTES):
        specs = [RASTER_LAYERS[name] for name in names if name in RASTER_LAYERS]
        if specs:
            written, seconds = _write_rasters(world, specs, out_dir, int(block_size), log)
            paths.update(written)
            mpx = world.size**2 / 1e6
            log(f"{len(specs)} rasters of {world.size} x {world.size} in {seconds:.1f} s "
                f"({mpx * len(specs) / max(seconds, 1e-9):.1f} Mpx/s per layer)")
            for spec in specs:
                extra = {"kind": "raster", "dtype": gdal.GetDataTypeName(spec.dtype), "nodata": spec.nodata,
                         "description": spec.description}
                if spec.classes:
                    extra["classes"] = {str(k): v[0] for k, v in spec.classes.items()}
                if spec.bands > 1:
                    extra["bands"] = spec.bands
                if spec.band_names:
                    extra["band_names"] = list(spec.band_names)
                extra.update(spec.manifest or {})
                manifest_layers[spec.name] = _manifest_entry(spec.name, written[spec.name], out_dir, **extra)
        for name in names:
            if name in FILE_LAYERS:
                spec = FILE_LAYERS[name]
                paths[name] = spec.func(world, out_dir)
                log(f"wrote {paths[name]}")
                manifest_layers[name] = _manifest_entry(name, paths[name], out_dir, kind=spec.kind,
                                                        description=spec.description, **(spec.manifest or {}))
        _LANDSCAPES.clear()
    manifest = {
        "generator": "t2restore.sample_data.generate",
        "version": GENERATOR_VERSION,
        "synthetic": True,
        "crs": f"EPSG:{EPSG}",
        "size": world.size,
        "seed": world.seed,
        "pixel_size": world.pixel_size,
        "origin": list(world.origin),
        "extent": [world.origin[0], world.origin[1] - world.extent_m,
                   world.origin[0] + world.extent_m, world.origin[1]],
        "baseline_year": BASELINE_YEAR,
        "target_year": TARGET_YEAR,
        "layers": manifest_layers,
    }
    manifest_path = os.path.join(out_dir, "manifest.json")
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
    log(f"wrote {manifest_path}")
    return paths


def main(argv=None):
    """Command line: ``generate.py OUT_DIR [--size N] [--seed S] [--pixel-size M] [--layers a,b]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--size", type=int, default=512, help="raster width and height in pixels")
    parser.add_argument("--seed", type=int, default=2030)
    parser.add_argument("--pixel-size", type=float, default=30.0, help="metres")
    parser.add_argument("--layers", help="comma-separated subset of: "
                        + ", ".join(list(RASTER_LAYERS) + list(FILE_LAYERS)))
    parser.add_argument("--block-size", type=int, default=DEFAULT_BLOCK,
                        help="window edge in pixels (memory/speed only, not the output)")
    args = parser.parse_args(argv)
    layers = [name.strip() for name in args.layers.split(",") if name.strip()] if args.layers else None
    try:
        generate(args.out_dir, args.size, args.seed, args.pixel_size, layers, block_size=args.block_size)
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
