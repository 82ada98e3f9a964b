"""Accumulate hectares per (zone, class) block by block, and look-up tables for class rasters."""

from collections import defaultdict

import numpy as np

from .block_threads import in_block_order, shared
from .errors import N_, InputError

NODATA_CLASS = None  # the key under which nodata area is reported (never silently dropped)


class AreaAccumulator:
    """Hectares and pixel counts per (zone, class); nodata pixels go to class ``NODATA_CLASS``."""

    def __init__(self):
        self.hectares = defaultdict(float)
        self.pixels = defaultdict(int)
        shared(self)  # sums recorded on a Dask worker are added here

    def add(self, classes, valid, areas, zones=None):
        """Add one block of class values (any integers); pixels not ``valid`` count as nodata."""
        classes = np.asarray(classes).ravel()
        valid = np.asarray(valid).ravel()
        areas = np.asarray(areas, dtype=np.float64).ravel()
        zones = np.zeros(classes.shape, np.int64) if zones is None else np.asarray(zones).ravel().astype(np.int64)
        if classes.dtype.kind in "iu" and self._add_dense(zones, classes, valid, areas):
            return
        self._add(zones[valid], classes[valid].astype(np.int64), areas[valid], nodata=False)
        if not valid.all():
            inv = ~valid
            self._add(zones[inv], np.zeros(int(inv.sum()), np.int64), areas[inv], nodata=True)

    def _add_dense(self, zones, classes, valid, areas):
        """``add`` in one weighted bincount over every pixel (no copies of the valid ones) when the (zone, class)
        bins are few; False otherwise. Each bin adds the same pixels in the same order: the same sums, bit for bit."""
        if not valid.any():
            return False
        limits = np.iinfo(classes.dtype)
        cmin = int(classes.min(where=valid, initial=limits.max))
        cmax = int(classes.max(where=valid, initial=limits.min))
        zmin, zmax = int(zones.min()), int(zones.max())
        ncls = cmax - cmin + 2  # the last slot of each zone: nodata
        nbins = (zmax - zmin + 1) * ncls
        if nbins > 4_000_000:
            return False
        index = (zones - zmin) * ncls
        index += np.where(valid, classes.astype(np.int64) - cmin, ncls - 1)
        ha = np.bincount(index, weights=areas, minlength=nbins)
        px = np.bincount(index, minlength=nbins)
        found = np.nonzero(px)[0]
        nodata = found % ncls == ncls - 1
        order = np.concatenate([found[~nodata], found[nodata]])  # classes first, then nodata, as ``_add`` does
        names = [(k // ncls + zmin, None if k % ncls == ncls - 1 else k % ncls + cmin) for k in order.tolist()]
        in_block_order(self._merge, names, ha[order], px[order])
        return True

    def add_codes(self, codes, ncodes, areas, zones, classes_of_code):
        """Add one block of small non-negative codes (0..ncodes-1) named by ``classes_of_code``.

        The fastest path: one weighted and one plain bincount; ``classes_of_code[i]`` is the class
        reported for code i (None for nodata).
        """
        index = codes.ravel()
        if zones is None:
            zmin, nz = 0, 1
            # pixel counts by comparison (integers: any order gives the same); bincount's increments of one
            # bin after another wait on each other, several times slower on the few codes of a class raster
            px = np.array([np.count_nonzero(index == code) for code in range(ncodes)], dtype=np.intp)
            if int(px.sum()) != index.size:  # a code outside 0..ncodes-1: bincount's bins, as before
                px = None
            index = index.astype(np.intp)  # once, not inside bincount
        else:
            zones = np.asarray(zones).ravel()
            zmin = int(zones.min())
            nz = int(zones.max()) - zmin + 1
            index = (zones.astype(np.intp) - zmin) * ncodes + index
            px = None
        nbins = nz * ncodes
        ha = np.bincount(index, weights=np.asarray(areas, dtype=np.float64).ravel(), minlength=nbins)
        if px is None:
            px = np.bincount(index, minlength=nbins)
        found = np.nonzero(px)[0]
        keys = [(int(k // ncodes) + zmin, classes_of_code[int(k % ncodes)]) for k in found]
        in_block_order(self._merge, keys, ha[found], px[found])

    def add_cell_codes(self, codes, ncodes, cells, block, zones, classes_of_code):
        """``add_codes`` with the areas of ``cells`` (an ``areas.CellAreas``) over the window of ``block``: without
        zones, by ``cells.code_sums``, which never makes the per-pixel areas (a third of the time of LDN's blocks)."""
        sums = cells.code_sums(codes, ncodes, block.xoff, block.yoff) if zones is None else None
        if sums is None:
            area = cells.block(block.xoff, block.yoff, block.xsize, block.ysize)
            self.add_codes(codes, ncodes, area, zones, classes_of_code)
            return
        hectares, pixels = sums
        found = np.nonzero(pixels)[0]
        keys = [(0, classes_of_code[int(k)]) for k in found]
        in_block_order(self._merge, keys, hectares[found], pixels[found])

    def _merge(self, keys, ha, px):
        """Add one block's sums: in block order (``in_block_order``), so totals never depend on threads."""
        for key, h, p in zip(keys, ha.tolist(), px.tolist()):
            self.hectares[key] += h
            self.pixels[key] += p

    def _add(self, zones, classes, areas, nodata):
        if zones.size == 0:
            return
        zmin, zmax = int(zones.min()), int(zones.max())
        cmin, cmax = int(classes.min()), int(classes.max())
        ncls = cmax - cmin + 1
        nbins = (zmax - zmin + 1) * ncls
        if nbins <= 4_000_000:
            index = (zones - zmin) * ncls + (classes - cmin)
            ha = np.bincount(index, weights=areas, minlength=nbins)
            px = np.bincount(index, minlength=nbins)
            keys = np.nonzero(px)[0]
        else:
            pairs, index = np.unique(np.stack([zones, classes]), axis=1, return_inverse=True)
            ha = np.bincount(index.ravel(), weights=areas)
            px = np.bincount(index.ravel())
            keys = np.arange(len(px))
        if nbins <= 4_000_000:
            zone_cls = ((int(k // ncls) + zmin, int(k % ncls) + cmin) for k in keys)
        else:
            zone_cls = ((int(pairs[0, k]), int(pairs[1, k])) for k in keys)
        names = [(zone, NODATA_CLASS if nodata else cls) for zone, cls in zone_cls]
        in_block_order(self._merge, names, ha[keys], px[keys])

    def rows(self):
        """Sorted (zone, class, hectares, pixels); nodata rows after the classes of their zone."""
        def order(key):
            zone, cls = key
            return (zone, cls is None, cls if cls is not None else 0)

        return [(z, c, self.hectares[(z, c)], self.pixels[(z, c)]) for z, c in sorted(self.hectares, key=order)]

    def require_overlap(self):
        """Refuse a result without a single pixel where every input had data (their valid areas do not meet)."""
        if not any(cls is not None for (_zone, cls) in self.hectares):
            raise InputError(N_("There is no pixel where all the inputs have data: the inputs' valid areas "
                                "do not overlap. Check that they cover the same region."))

    def total(self, include_nodata=True):
        return sum(v for (z, c), v in self.hectares.items() if include_nodata or c is not None)


_TABLES = {}


def _dense_table(dtype, mapping, default, out_dtype):
    """(values, known, offset) for every value of an 8/16-bit dtype, cached: built once per run."""
    key = (dtype.str, tuple(sorted(mapping.items())), default, np.dtype(out_dtype).str)
    entry = _TABLES.get(key)  # one look-up, never a second one another block thread may have cleared
    if entry is None:
        info = np.iinfo(dtype)
        offset = -int(info.min)
        table = np.full(int(info.max) + offset + 1, default, dtype=out_dtype)
        known = np.zeros(table.shape, dtype=bool)
        for k, value in mapping.items():
            if info.min <= k <= info.max:
                table[int(k) + offset] = value
                known[int(k) + offset] = True
        if len(_TABLES) > 64:
            _TABLES.clear()
        entry = _TABLES[key] = (table, known, offset)
    return entry


def lookup(array, mapping, default, out_dtype, want_known=True):
    """Map integer values through ``mapping`` (dict); values not in it become ``default``.

    Returns (mapped array, boolean array of pixels whose value was in the mapping, or None when
    ``want_known`` is false). A dense look-up table is used for 8 and 16-bit data (the common case
    for class rasters), sorted search otherwise.
    """
    array = np.asarray(array)
    if array.dtype.kind in "iu" and array.dtype.itemsize <= 2:
        table, known, offset = _dense_table(array.dtype, mapping, default, out_dtype)
        idx = array.astype(np.int32) + offset if offset else array
        # np.take: the same values as table[idx], about a third faster on 8/16-bit blocks
        return np.take(table, idx), (np.take(known, idx) if want_known else None)
    keys = np.array(sorted(mapping), dtype=np.float64)
    values = np.array([mapping[k] for k in sorted(mapping)], dtype=out_dtype)
    flat = array.astype(np.float64)
    pos = np.clip(np.searchsorted(keys, flat), 0, max(len(keys) - 1, 0))
    found = keys[pos] == flat if len(keys) else np.zeros(flat.shape, bool)
    out = np.where(found, values[pos] if len(keys) else default, default).astype(out_dtype)
    return out, found
