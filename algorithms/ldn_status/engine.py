"""The block path of the multi-period status: read, correct, classify, tally.

Each SDG value becomes a 2-bit code (0 degraded, 1 stable, 2 improved, 3 no data) through a
look-up table; corrections are a per-polygon look-up table applied to those codes; the status of a
period is a 16-entry table of (baseline code, reporting code). The tables are built from the rule
functions in ``rules`` and the tests check that the rasters equal the rules pixel by pixel.
"""

from collections import defaultdict

import numpy as np

from .. import codes as code_check
from ..areas import CellAreas
from ..block_threads import Flags, in_block_order, shared
from ..blocks import Grid
from ..errors import N_, InputError
from ..tables import AreaAccumulator, lookup
from . import rules

CODE_NODATA = 3
SDG_OF_CODE = (rules.DEGRADED, rules.STABLE, rules.IMPROVED, None)
_CODE_OF_SDG = {rules.DEGRADED: 0, rules.STABLE: 1, rules.IMPROVED: 2}
SDG_VALUE = np.array([rules.DEGRADED, rules.STABLE, rules.IMPROVED, rules.NODATA], np.int16)


def _status_table():
    table = np.zeros(16, np.uint8)  # status code 0 = no data, else the class 1..7
    for b in range(4):
        for r in range(4):
            table[b * 4 + r] = rules.status_class(SDG_OF_CODE[b], SDG_OF_CODE[r]) or 0
    return table


STATUS_OF_CODES = _status_table()
STATUS_VALUE = np.array([rules.NODATA] + list(rules.STATUS_CLASSES), np.int16)
SIMPLE_VALUE = np.array([rules.NODATA] + [rules.simplified_status(c) for c in rules.STATUS_CLASSES], np.int16)
STATUS_CLASS_OF_CODE = (None,) + rules.STATUS_CLASSES
# counterbalancing category of a status code: 0 no data, 1 loss, 2 gain, 3 neither
LOSS, GAIN, OTHER = 1, 2, 3
CATEGORY = np.array([0] + [LOSS if rules.is_loss(c) else GAIN if rules.is_gain(c) else OTHER
                           for c in rules.STATUS_CLASSES], np.uint8)

SDG_TEMPLATE = N_("The raster {name} holds values other than -1 (degraded), 0 (stable), 1 (improved) and its no data "
                  "value; values (pixels): {values}. Give an SDG 15.3.1 raster (as ldn_degradation or Trends.Earth "
                  "write it), set its no data value, or set UNKNOWN_CODES to nodata to leave those pixels out.")


def sdg_codes(array, valid, unknown):
    """2-bit codes of an SDG block; values other than -1/0/1 among valid pixels are counted in ``unknown``."""
    out, known = lookup(array, _CODE_OF_SDG, CODE_NODATA, np.uint8)
    unknown.collect(array, valid & ~known)
    out[~valid] = CODE_NODATA
    return out


def correction_tables(corrections, periods):
    """{period: (n + 1) x 4 look-up table of new codes}, row i for polygon i (row 0: no polygon), for the
    periods some polygon corrects."""
    tables = {}
    for period in periods:
        table = np.tile(np.arange(4, dtype=np.uint8), (len(corrections) + 1, 1))
        for i, item in enumerate(corrections, start=1):
            if item.affects(period):
                for code, target in enumerate(item.targets()):
                    if target is not None:
                        table[i, code] = _CODE_OF_SDG[target]
        if any(item.affects(period) for item in corrections):
            tables[period] = table.ravel()
    return tables


class CorrectionTally:
    """Hectares and pixels whose value a correction changed, per (polygon number, period)."""

    def __init__(self, corrections, periods):
        self.tables = correction_tables(corrections, periods)
        self.n = len(corrections)
        self.hectares = defaultdict(float)
        self.pixels = defaultdict(int)
        shared(self)  # changes recorded on a Dask worker are tallied here

    def apply(self, period, codes, index, cell):
        """The corrected codes of ``period`` (a new array), the changes tallied."""
        table = self.tables.get(period)
        if table is None:
            return codes
        flat = index.astype(np.intp) * 4
        flat += codes
        new = table[flat]
        changed = new != codes
        if changed.any():
            where = index[changed]
            ha = np.bincount(where, weights=cell[changed], minlength=self.n + 1)
            px = np.bincount(where, minlength=self.n + 1)
            nz = np.nonzero(px)[0]
            in_block_order(self._add, period, nz.tolist(), ha[nz].tolist(), px[nz].tolist())
        return new

    def _add(self, period, polygons, hectares, pixels):
        """Add one block's changes, in block order (``in_block_order``): sums never depend on the threads."""
        for i, ha, px in zip(polygons, hectares, pixels):
            self.hectares[(int(i), period)] += float(ha)
            self.pixels[(int(i), period)] += int(px)


class Balance:
    """Counterbalancing: hectares of loss, gain and neither per (period, zone, land type).

    The land type key is the class value, None where LAND_TYPE has no data, '' without LAND_TYPE.
    """

    def __init__(self, no_land=False):
        self.no_land = no_land
        self.hectares = defaultdict(_four_zeros)
        shared(self)  # sums recorded on a Dask worker are added here

    def _merge(self, items):
        """Add one block's [(key, category, hectares)], in block order (``in_block_order``)."""
        for key, cat, ha in items:
            self.hectares[key][cat] += ha

    def add(self, period, status, land, land_valid, zones, cell, dense=None):
        """Tally one block of status codes; ``dense`` is ``dense_keys(...)`` of the block (shared by the periods)."""
        if dense is not None:
            self._add_dense(period, status, dense, cell)
            return
        category = CATEGORY[status].ravel()
        has = category > 0
        if not has.any():
            return
        z = np.zeros(int(has.sum()), np.int64) if zones is None else zones.ravel()[has].astype(np.int64)
        if land is None:
            lkey = np.zeros(z.shape, np.int64)
        else:
            lkey = land.ravel()[has].astype(np.int64)
            missing = ~land_valid.ravel()[has]
            # no data gets a key just below this block's smallest class, so the keys stay dense
            nodata_key = int(lkey[~missing].min()) - 1 if (~missing).any() else 0
            lkey[missing] = nodata_key
        keys = np.stack([z, lkey, category[has].astype(np.int64)])
        items = []
        for (zone, lval, cat), ha in _sum_by_key(keys, cell.ravel()[has]):
            land_key = "" if land is None else (None if lval == nodata_key else lval)
            items.append(((period, zone, land_key), cat, ha))
        in_block_order(self._merge, items)

    @staticmethod
    def dense_keys(shape, land, land_valid, zones, limit=4_000_000):
        """(4 x the (zone, land type) bin of each pixel, land min, land bins, zone min, zone bins) when the
        bins are few enough for one bincount, else None. Land bin 0 is no data (or every pixel without
        LAND_TYPE)."""
        lmin, nland = 0, 1
        if land is not None and land_valid.any():
            lmin = int(np.min(land, where=land_valid, initial=np.iinfo(land.dtype).max))
            nland = int(np.max(land, where=land_valid, initial=np.iinfo(land.dtype).min)) - lmin + 2
        zmin = int(zones.min()) if zones is not None else 0
        nzones = int(zones.max()) - zmin + 1 if zones is not None else 1
        if nzones * nland * 4 > limit:
            return None
        base = np.zeros(shape, np.intp)
        if land is not None:
            base += land.astype(np.intp, copy=False)
            base -= lmin - 1
            base[~land_valid] = 0
        if zones is not None:
            base += (zones.astype(np.intp) - zmin) * nland
        base *= 4
        return base, lmin, nland, zmin, nzones

    def _add_dense(self, period, status, dense, cell):
        base, lmin, nland, zmin, nzones = dense
        index = CATEGORY[status].astype(np.intp)
        index += base
        sums = np.bincount(index.ravel(), weights=cell.ravel(), minlength=nzones * nland * 4)
        items = []
        for k in np.nonzero(sums)[0]:
            cat, rest = int(k % 4), int(k // 4)
            if cat:
                lidx = rest % nland
                land = "" if self.no_land else (None if lidx == 0 else lidx - 1 + lmin)
                items.append(((period, rest // nland + zmin, land), cat, float(sums[k])))
        in_block_order(self._merge, items)

    def rows(self, periods, zone_ids, overall=False):
        """(period, zone, land type, losses, gains, area with data) per land type, then the whole area of the
        zone (land type ''); with ``overall``, the same over every zone (zone None) after the zones."""
        groups = [(zone, {zone}) for zone in sorted(zone_ids)] + ([(None, set(zone_ids))] if overall else [])
        out = []
        for period in periods:
            for label, members in groups:
                per_land = defaultdict(lambda: np.zeros(4))
                for (p, zone, land), values in self.hectares.items():
                    if p == period and zone in members:
                        per_land[land] += values
                total = np.zeros(4)
                for land in sorted(per_land, key=lambda k: (k == "", k is None, k if isinstance(k, int) else 0)):
                    total += per_land[land]
                    if land != "":
                        out.append(_balance_row(period, label, land, per_land[land]))
                out.append(_balance_row(period, label, "", total))
        return out


def _four_zeros():
    return np.zeros(4)


def _balance_row(period, zone, land, values):
    return period, zone, land, float(values[LOSS]), float(values[GAIN]), float(values[1:].sum())


def _sum_by_key(keys, weights):
    """[((zone, land, category), hectares)] summed over the columns of ``keys`` (3 x n int64)."""
    lows = keys.min(axis=1)
    spans = keys.max(axis=1) - lows + 1
    if int(np.prod(spans)) <= 4_000_000:
        flat = np.ravel_multi_index(tuple(keys - lows[:, None]), tuple(int(s) for s in spans))
        sums = np.bincount(flat, weights=weights, minlength=int(np.prod(spans)))
        count = np.bincount(flat, minlength=int(np.prod(spans)))
        nz = np.nonzero(count)[0]
        idx = np.stack(np.unravel_index(nz, tuple(int(s) for s in spans))) + lows[:, None]
        return [(tuple(int(v) for v in idx[:, j]), float(sums[k])) for j, k in enumerate(nz)]
    unique, inverse = np.unique(keys, axis=1, return_inverse=True)
    sums = np.bincount(inverse.ravel(), weights=weights)
    return [(tuple(int(v) for v in unique[:, j]), float(sums[j])) for j in range(unique.shape[1])]


def check_land_type(inp):
    """Refuse a decimal LAND_TYPE raster: land types are classes (whole numbers)."""
    if inp.dtype().kind == "f":
        raise InputError(N_("The land type raster {name} holds decimal numbers ({type}); land types are classes and "
                            "must be whole numbers. Give an integer raster (e.g. the 7-class land cover of the "
                            "baseline or an ecosystem map), or convert it to integers first."),
                         name=inp.name, type=str(inp.dtype()))


class StatusKernel:
    """The block function: codes of each period, corrected, classified, written and tallied."""

    def __init__(self, opened, reports, tally, outputs, unknown_policy):
        self.opened, self.slots, self.reports = opened, opened.slots, reports
        self.tally, self.outputs = tally, outputs
        self.unknown = {key: code_check.UnknownCodes(opened.inputs[opened.slots[key]].name, SDG_TEMPLATE,
                                                     unknown_policy) for key in ("baseline",) + reports}
        self.seen_data = Flags(("baseline",) + reports)
        self.areas = {period: AreaAccumulator() for period in reports}
        self.balance = Balance(no_land="land" not in opened.slots)
        self.cells = None

    def read(self, block):
        """({period: corrected codes}, land type, its valid mask, zones, cell hectares) of one block."""
        if self.cells is None:
            self.cells = CellAreas(Grid.of(self.opened.inputs[0].open()))
        cell = self.cells.block(block.xoff, block.yoff, block.xsize, block.ysize)
        index = block.arrays[self.slots["index"]] if "index" in self.slots else None
        codes = {}
        for period in self.seen_data:
            i = self.slots[period]
            valid = block.valid(i)
            if not self.seen_data[period] and valid.any():
                in_block_order(self.seen_data.mark, period)
            codes[period] = sdg_codes(block.arrays[i], valid, self.unknown[period])
            if index is not None:
                codes[period] = self.tally.apply(period, codes[period], index, cell)
        land = land_valid = None
        if "land" in self.slots:
            land, land_valid = block.arrays[self.slots["land"]], block.valid(self.slots["land"])
        zones = block.arrays[self.slots["zones"]] if "zones" in self.slots else None
        return codes, (land, land_valid), zones, cell

    def __call__(self, block):
        codes, (land, land_valid), zones, cell = self.read(block)
        base = codes["baseline"] << 2
        dense = Balance.dense_keys(base.shape, land, land_valid, zones)
        results = {}
        for period in self.reports:
            status = STATUS_OF_CODES[base | codes[period]]
            self.areas[period].add_codes(status, 8, cell, zones, STATUS_CLASS_OF_CODE)
            self.balance.add(period, status, land, land_valid, zones, cell, dense)
            results[("status", period)] = STATUS_VALUE[status]
            results[("simple", period)] = SIMPLE_VALUE[status]
        for period, period_codes in codes.items():
            results[("corrected", period)] = SDG_VALUE[period_codes]
        return [results[key] for key in self.outputs]

    def before_commit(self):
        for item in self.unknown.values():
            item.check()
        self.opened.require_data(self.seen_data)
        self.areas[self.reports[0]].require_overlap()
