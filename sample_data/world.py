"""The world: region, noise fields and the fixed features (curves and points), all small."""

from dataclasses import dataclass

import numpy as np

from .legends import BASELINE_YEAR, NDVI_CLOUD_YEARS, NDVI_DROUGHT_YEARS, NDVI_YEARS, ORIGIN
from .noise import Noise1D, Noise2D, field_key, lattice_hash, uniform


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

    # name: (cells across at the coarsest octave, finest cell in pixels, persistence)
    NOISE_FIELDS = {
        "elev": (4, 6.0, 0.55), "warp": (4, 16.0, 0.5), "moist": (4, 6.0, 0.6),
        "mix": (6, 4.0, 0.6), "mix2": (8, 4.0, 0.6), "shape": (24, 2.0, 0.7),
        "defo": (8, 3.0, 0.75), "regrow": (8, 4.0, 0.6), "crop": (10, 4.0, 0.65),
        "wet": (8, 4.0, 0.6), "lake": (10, 4.0, 0.55), "lpd": (8, 4.0, 0.65),
        "soc": (4, 8.0, 0.55), "soil": (6, 6.0, 0.6), "cloud": (6, 3.0, 0.6),
        "ndvi_site": (6, 4.0, 0.6), "ndvi_a": (3, 8.0, 0.5), "ndvi_b": (3, 8.0, 0.5),
    }

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
        self._scales()
        self._random_fields()
        self._ndvi_years()
        self._features()

    def _scales(self):
        """Physical scales relative to the extent (rivers and roads keep a floor of about one pixel)."""
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

    def _random_fields(self):
        """The centre-line curves, the 2-D noise fields and the keys of the per-pixel hashes."""
        s = self.seed
        self.curve_transition = Noise1D(s, "transition", 2, 3, 0.6)
        self.curve_main = Noise1D(s, "main_river", 4, 4, 0.7)
        self.curve_trib = Noise1D(s, "tributary", 3, 5, 0.55)
        self.curve_road = Noise1D(s, "road_offset", 4, 5, 0.5)
        self.curve_branch = Noise1D(s, "branch_road", 2, 5, 0.5)
        self.noise = {name: Noise2D(s, name, self.size, *args) for name, args in self.NOISE_FIELDS.items()}
        self.pixel_key = field_key(s, "pixel")
        # Per-pixel interannual NDVI noise: 16 bits per year from a few 64-bit hashes per pixel.
        self.ndvi_keys = [field_key(s, "ndvi_pixel", k) for k in range((len(NDVI_YEARS) + 3) // 4)]
        self.feeder_keys = (field_key(s, "feeder_branch"), field_key(s, "feeder_road"))

    def _ndvi_years(self):
        """Each year's regional rainfall anomaly (droughts included) and persistent-cloud discs."""
        s = self.seed
        self.ndvi_climate = {}
        for year in NDVI_YEARS:
            a, b, g = (uniform(lattice_hash(field_key(s, "ndvi_climate", year), np.arange(3))) * 2.0 - 1.0).tolist()
            drought = -1.5 if year in NDVI_DROUGHT_YEARS else 0.0
            self.ndvi_climate[year] = (0.5 * g + drought, 1.5 * a, 1.5 * b)
        self.ndvi_clouds = {}
        for year in NDVI_CLOUD_YEARS:
            r = uniform(lattice_hash(field_key(s, "ndvi_cloud", year), np.arange(6))).tolist()
            self.ndvi_clouds[year] = [(0.3 + 0.45 * r[3 * k], 0.05 + 0.9 * r[3 * k + 1], 0.06 + 0.07 * r[3 * k + 2])
                                      for k in range(2)]

    def _features(self):
        """Fixed points: the confluence, the river port, towns, the mine, the nevado and the lakes."""
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
        self.min_radius = 3.0 * self.px

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


def distance_to_graph(pos, centre, slope):
    """Approximate distance from points to the curve ``pos = centre(other)``.

    The offset along the axis times the cosine of the curve's angle: exact for straight pieces,
    good enough for gentle meanders, and cheap (one pass, no search).
    """
    return np.abs(pos - centre) * (1.0 / np.sqrt(1.0 + slope * slope)).astype(np.float32)

