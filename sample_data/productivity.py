"""Land productivity dynamics and the annual NDVI series of the demo region (Int16 = NDVI x
NDVI_SCALE, one band per year): the NDVI drops in the forest-loss year, declines where the LPD map
says degrading, recovers where clearings regrow, and a few years have cloud gaps."""

from functools import cached_property
from types import SimpleNamespace

import numpy as np

from .legends import (
    BASELINE_YEAR,
    NDVI_FIRST_YEAR,
    NDVI_LUT,
    NDVI_NODATA,
    NDVI_SCALE,
    NDVI_YEARS,
    TARGET_YEAR,
    UNCCD_LUT,
)
from .noise import lattice_hash

# NDVI_LUT rows: mean at sea level, decrease per km, noise amplitude, response to the rainfall anomaly.
_NOISE_AMPLITUDE = NDVI_LUT[2] * np.float32(2.0**-16)  # the per-pixel noise is a signed 16-bit integer


def _cover_value(cls, ekm):
    """NDVI of national classes ``cls`` at elevations ``ekm`` (km), before noise and trends."""
    return np.take(NDVI_LUT[0], cls) - np.take(NDVI_LUT[1], cls) * ekm


class ProductivityFields:
    """Productivity fields of a window (a mixin of ``block.Block``): the land productivity dynamics
    map and the annual NDVI series, consistent with each year's land cover."""

    @cached_property
    def lpd(self):
        """Land productivity dynamics: declining where cover was lost, increasing where regrown."""
        b = UNCCD_LUT[self.national_unmasked(BASELINE_YEAR)]
        t = UNCCD_LUT[self.national_unmasked(TARGET_YEAR)]
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
    def ndvi_trend(self):
        """Gradual NDVI change: per-year slope, and the years it starts and stops (float32).

        Consistent with ``lpd``: overgrazed puna (moderate decline) loses 0.006 a year from 2003,
        stressed land 0.0025 from 2008, increasing land gains 0.003 (dense forest 0.0015). Land
        cleared from forest degrades after the clearing, for 12 years: pastures and mosaics 0.006 a
        year (soil and pasture degradation), cropland 0.003. Cover changes (clearing, drainage,
        towns) come on top, as steps, from the land cover of each year.
        """
        b = UNCCD_LUT[self.national_unmasked(BASELINE_YEAR)]
        t = UNCCD_LUT[self.national_unmasked(TARGET_YEAR)]
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
        steps = self._ndvi_steps
        rows = np.arange(self.r0, self.r0 + self.h)[:, None]
        cols = np.arange(self.c0, self.c0 + self.w)[None, :]
        hashes = [lattice_hash(key, rows, cols) for key in self.world.ndvi_keys]
        out = np.empty((len(NDVI_YEARS), self.h, self.w), np.int16)
        work = np.empty((self.h, self.w), np.float32)
        for k, year in enumerate(NDVI_YEARS):
            cls, v = self._cover_ndvi(year, steps)
            # 16 hashed bits as a signed integer: uniform noise in [-0.5, 0.5) once scaled by the amplitude.
            noise = (hashes[k // 4] >> np.uint64(16 * (k % 4))).astype(np.uint16).view(np.int16)
            self._add_variability(v, cls, year, noise, work)
            np.clip(v, -1.0, 1.0, out=v)
            v *= np.float32(NDVI_SCALE)
            np.rint(v, out=v)
            band = out[k]
            band[...] = v
            band[self.ndvi_nodata(year)] = NDVI_NODATA
        return out

    @cached_property
    def _ekm(self):
        """Elevation in kilometres."""
        return self.elev * np.float32(0.001)

    @cached_property
    def _ndvi_steps(self):
        """Pixels whose NDVI change is not a property of the yearly land cover (sparse index lists):
        the clearing year itself, loss by town or mine growth (the step comes in the loss product's
        year) and the regrowth ramps."""
        ekm = self._ekm
        d, cc, loss = self.deforestation_year, self.cleared_class, self.forest_loss_year
        i_cut = np.nonzero((loss == d) & (d >= NDVI_FIRST_YEAR))
        cut_cc = cc[i_cut]
        cut_value = 0.5 * (_cover_value(self.natural[i_cut], ekm[i_cut]) + _cover_value(cut_cc, ekm[i_cut])) - 0.06
        i_fill = np.nonzero((loss != d) & (loss > BASELINE_YEAR) & (loss <= TARGET_YEAR))
        i_re = np.nonzero(self.regrowth_year < 9999)
        re_cc = cc[i_re]
        re_from = _cover_value(re_cc, ekm[i_re])
        return SimpleNamespace(
            i_cut=i_cut, cut_year=d[i_cut], cut_cc=cut_cc, cut_value=cut_value,
            i_fill=i_fill, fill_year=loss[i_fill],
            fill_before=_cover_value(self.national_unmasked(BASELINE_YEAR)[i_fill], ekm[i_fill]),
            fill_after=_cover_value(self.national_unmasked(TARGET_YEAR)[i_fill], ekm[i_fill]),
            i_re=i_re, re_cc=re_cc, re_from=re_from, re_gain=NDVI_LUT[0][15] - re_from,
            re_start=(self.regrowth_year[i_re] - 4).astype(np.float32))

    def _cover_ndvi(self, year, s):
        """The year's national classes, and their NDVI with the clearing, loss and regrowth steps."""
        cls = self.national_unmasked(year)
        v = _cover_value(cls, self._ekm)
        now = cls[s.i_re]
        ramp = s.re_from + s.re_gain * np.clip((year - s.re_start) * np.float32(0.1), 0.0, 1.0)
        v[s.i_re] = np.where((now == s.re_cc) | (now == 15), ramp, v[s.i_re])
        if year > BASELINE_YEAR:
            v[s.i_fill] = np.where(year < s.fill_year, s.fill_before, s.fill_after)
        hit = (s.cut_year == year) & (cls[s.i_cut] == s.cut_cc)
        v[s.i_cut[0][hit], s.i_cut[1][hit]] = s.cut_value[hit]
        return cls, v

    def _add_variability(self, v, cls, year, noise, work):
        """Add to ``v`` (in place) the per-pixel noise, the regional rainfall anomaly, the gradual
        trend and the site offset; ``work`` is a scratch array of the window's shape."""
        np.multiply(np.take(_NOISE_AMPLITUDE, cls), noise, out=work)
        v += work
        g, a, b = (np.float32(0.025 * x) for x in self.world.ndvi_climate[year])
        np.multiply(self.noise("ndvi_a"), a, out=work)
        work += g
        work += b * self.noise("ndvi_b")
        work *= np.take(NDVI_LUT[3], cls)
        v += work
        slope, start, stop = self.ndvi_trend
        np.clip(np.float32(year), start, stop, out=work)
        work -= start
        work *= slope
        v += work
        v += np.float32(0.03) * self.noise("ndvi_site")

