"""Land cover of the demo region, year by year, and the indicators derived from it (forest loss,
soil organic carbon, land use capability)."""

from functools import cached_property

import numpy as np

from .legends import (
    BASELINE_YEAR,
    FIRST_LOSS_YEAR,
    FOREST_NAT,
    LOSS_NODATA,
    SOC_LUT,
    TARGET_YEAR,
    UNCCD_LUT,
    WATER_LUT,
)
from .noise import smoothstep


class LandCoverFields:
    """Land cover fields of a window (a mixin of ``block.Block``, over ``TerrainFields``): the
    potential natural cover, clearing, regrowth and drainage years, the national and UNCCD classes of
    any year, forest loss, soil organic carbon and land use capability."""

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
             + 15.0 * smoothstep((self.elev - 1500.0) * (1 / 1500))
             + 8.0 * smoothstep((self.slope - 30.0) * (1 / 40)))
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
        water = WATER_LUT[cls]
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
        return UNCCD_LUT[self.national(year)]

    @cached_property
    def forest_loss_year(self):
        """Year of forest loss 2001-2023 (0 = none), consistent with the land-cover change.

        Every baseline-tree pixel that is not tree in the target gets a year in the period even
        when the cause is not clearing (towns, mines), as a satellite loss product would.
        """
        year = self.deforestation_year
        loss = np.where((year >= FIRST_LOSS_YEAR) & (year <= TARGET_YEAR), year, 0).astype(np.uint16)
        b = UNCCD_LUT[self.national_unmasked(BASELINE_YEAR)]
        t = UNCCD_LUT[self.national_unmasked(TARGET_YEAR)]
        in_period = (loss > BASELINE_YEAR) & (loss <= TARGET_YEAR)
        loss[in_period & (b != 1)] = 0  # cleared under a road or town already there in 2015
        lost = (b == 1) & (t != 1) & ~in_period
        span = TARGET_YEAR - BASELINE_YEAR
        fill = (BASELINE_YEAR + 1 + self.pixel_random[1] * np.float32(span)).astype(np.uint16)
        np.copyto(loss, fill, where=lost)
        loss[self.outside] = LOSS_NODATA
        return loss

    @cached_property
    def soc(self):
        """SOC stocks (t C/ha) at baseline and target; NaN where no soil (water) or outside.

        Cover change moves the stock 60 % of the way to the new cover's reference in the period
        (tree -> crop ends ~20 % lower); unchanged land drifts within a few percent.
        """
        b = self.national_unmasked(BASELINE_YEAR)
        t = self.national_unmasked(TARGET_YEAR)
        ref_b = SOC_LUT[b]
        ref_t = SOC_LUT[t]
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
        out[WATER_LUT[nat] | self.outside] = 0
        return out

