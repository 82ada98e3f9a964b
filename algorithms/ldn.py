"""SDG 15.3.1 / LDN degradation: land cover, productivity and SOC sub-indicators, one out all out.

METHODS.md sections 1.1, 1.3 and 1.4 (UNCCD Good Practice Guidance v2). Every rule is a table or a
comparison on arrays so that it can be tested row by row without GDAL; ``ldn_degradation`` runs the
rules block by block over rasters.
"""

import numpy as np

from . import codes as code_check
from . import ldn_bytes
from .areas import CellAreas
from .block_threads import Flags
from .blocks import DEFAULT_BLOCK, Grid, InputSlots, RasterOutput, in_block_order, run_blocks
from .errors import N_, InputError
from .tables import AreaAccumulator, lookup

NODATA = -32768
DEGRADED, STABLE, IMPROVED = -1, 0, 1
UNCCD_CLASSES = (1, 2, 3, 4, 5, 6, 7)
WATER = 7

# Row = baseline class, column = target class (METHODS.md 1.1).
UNCCD_MATRIX = np.array(
    [
        [0, -1, -1, -1, -1, -1, 0],
        [1, 0, 1, -1, -1, -1, 0],
        [1, -1, 0, -1, -1, -1, 0],
        [-1, -1, -1, 0, -1, -1, 0],
        [1, 1, 1, 1, 0, 1, 0],
        [1, 1, 1, 1, -1, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
    ],
    dtype=np.int16,
)

# LPD code -> productivity sub-indicator (METHODS.md 1.2, last line); 0 and 15 are nodata.
LPD_TO_SUBINDICATOR = {1: -1, 2: -1, 3: 0, 4: 0, 5: 1}

SUBINDICATORS = ("land_cover", "productivity", "soc")


def validate_matrix(matrix):
    """A 7 x 7 matrix of -1/0/1, or InputError saying what is wrong."""
    try:
        arr = np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(N_("The transition matrix must hold numbers only (-1, 0 or 1).")) from None
    if arr.shape != (7, 7):
        shape = " x ".join(str(n) for n in arr.shape) or "1"
        raise InputError(N_("The transition matrix must be 7 x 7 (one row and one column per UNCCD class); "
                            "it is {shape}."), shape=shape)
    bad = ~np.isin(arr, (-1, 0, 1))
    if bad.any():
        r, c = (int(v) for v in np.argwhere(bad)[0])
        raise InputError(N_("The transition matrix may only hold -1, 0 or 1; row {row}, column {col} holds {value}."),
                         row=r + 1, col=c + 1, value=f"{arr[r, c]:g}")
    return arr.astype(np.int16)


def validate_recode(table):
    """{input class: UNCCD class 1..7}, or InputError naming the offending row."""
    out = {}
    for key, value in table.items():
        try:
            k, v = int(key), int(value)
        except (TypeError, ValueError):
            raise InputError(
                N_("The land cover recode table has a row that is not two whole numbers: {key} -> {value}."),
                key=key, value=value) from None
        if v not in UNCCD_CLASSES:
            raise InputError(N_("The land cover recode table maps class {key} to {value}; UNCCD classes are 1 to 7."),
                             key=k, value=v)
        out[k] = v
    if not out:
        raise InputError(N_("The land cover recode table is empty."))
    return out


def land_cover_subindicator(baseline, target, matrix=UNCCD_MATRIX):
    """Sub-indicator from UNCCD class arrays (any value outside 1..7 -> nodata)."""
    b = np.asarray(baseline)
    t = np.asarray(target)
    ok = (b >= 1) & (b <= 7) & (t >= 1) & (t <= 7)
    table = np.full(64, NODATA, dtype=np.int16)
    for i in range(7):
        for j in range(7):
            table[(i + 1) * 8 + (j + 1)] = matrix[i][j]
    idx = np.where(ok, b.astype(np.int32) * 8 + t.astype(np.int32), 0)
    return table[idx]


def productivity_subindicator(lpd, valid=None):
    """LPD 1..5 -> -1/0/+1; anything else (0, 15, nodata) -> nodata."""
    out, known = lookup(lpd, LPD_TO_SUBINDICATOR, NODATA, np.int16)
    if valid is not None:
        out[~valid] = NODATA
    return out


def soc_subindicator(baseline, target, valid=None, water=None):
    """Percent change <= -10 -> -1, >= +10 -> +1, else 0 (METHODS.md 1.3).

    Compared without dividing: change <= -10 % is 10 (t - b) <= -b for b > 0, which is exact at
    the boundary for values that are exact in floating point. Baseline <= 0, nodata or water ->
    nodata.
    """
    b = np.asarray(baseline, dtype=np.float64)
    diff10 = np.asarray(target, dtype=np.float64)  # a fresh float64 copy, reused in place
    bad = ~np.isfinite(diff10)
    diff10 -= b
    diff10 *= 10.0
    out = (diff10 >= b).astype(np.int16)
    out[diff10 <= -b] = DEGRADED
    bad |= ~(b > 0)
    if valid is not None:
        bad |= ~valid
    if water is not None:
        bad |= water
    out[bad] = NODATA
    return out


def one_out_all_out(subindicators):
    """Degraded if any is -1, else improved if any is +1, else stable; nodata in any -> nodata."""
    subs = [np.asarray(s, dtype=np.int16) for s in subindicators]
    if not subs:
        raise InputError(N_("At least one sub-indicator (land cover, productivity or soil organic carbon) is needed."))
    # With values in {nodata < -1 < 0 < 1}: the minimum is nodata or -1 when any is; otherwise the
    # maximum says whether any improved. Two reductions instead of three masks per input.
    low = subs[0].copy()
    high = subs[0].copy()
    for s in subs[1:]:
        np.minimum(low, s, out=low)
        np.maximum(high, s, out=high)
    high[low == DEGRADED] = DEGRADED
    high[low == NODATA] = NODATA
    return high


# -- fast block path ---------------------------------------------------------------------------
# Each sub-indicator becomes a 2-bit code (0 nodata, 1 degraded, 2 stable, 3 improved) through a
# look-up table, and one 64-entry table combines the three codes (one out, all out). This does per
# pixel a handful of byte operations instead of a dozen full-array comparisons; the rule functions
# above stay the reference, and the tests check that both give the same result.
CODE_NODATA, CODE_DEGRADED, CODE_STABLE, CODE_IMPROVED = 0, 1, 2, 3
VALUE_OF_CODE = np.array([NODATA, DEGRADED, STABLE, IMPROVED], dtype=np.int16)
_CODE_OF_VALUE = {NODATA: CODE_NODATA, DEGRADED: CODE_DEGRADED, STABLE: CODE_STABLE, IMPROVED: CODE_IMPROVED}


def _combine_table():
    table = np.zeros(64, dtype=np.uint8)
    for a in range(4):
        for b in range(4):
            for c in range(4):
                value = one_out_all_out([VALUE_OF_CODE[[a]], VALUE_OF_CODE[[b]], VALUE_OF_CODE[[c]]])[0]
                table[(a << 4) | (b << 2) | c] = _CODE_OF_VALUE[int(value)]
    return table


COMBINE = _combine_table()


def _combine_codes(subs, out):
    """``COMBINE`` by comparisons: nodata (0) or degraded (1) when the lowest code is, else the highest
    (stable 2, improved 3); the tests check it against the table for all 64 combinations."""
    low = np.minimum(subs[0], subs[1])
    np.minimum(low, subs[2], out=low)
    np.maximum(subs[0], subs[1], out=out)
    np.maximum(out, subs[2], out=out)
    np.copyto(out, low, where=low <= CODE_DEGRADED)
    return out


def _values_of_codes(codes, out):
    """``VALUE_OF_CODE[codes]`` into the int16 array ``out``: code - 2, and NODATA for code 0."""
    np.subtract(codes, CODE_STABLE, out=out, dtype=np.int16)
    out[codes == CODE_NODATA] = NODATA
    return out
STRIP_ROWS = 256  # rows of a block computed at a time (see _OneOutAllOut)


def _transition_codes(matrix):
    """64-entry table: (baseline UNCCD class * 8 + target class) -> code; class 0 means invalid."""
    table = np.zeros(64, dtype=np.uint8)
    for i in range(7):
        for j in range(7):
            table[(i + 1) * 8 + (j + 1)] = _CODE_OF_VALUE[int(matrix[i][j])]
    return table


class _ClassTable:
    """Raw land cover value -> UNCCD class (0 = nodata or outside the legend), by look-up table.

    Valid values missing from the legend (the recode table, or the 7 UNCCD classes without one) are
    counted in ``unknown`` (a ``codes.UnknownCodes``) so that the run can name them all at the end.
    """

    def __init__(self, table, unknown):
        self.mapping = dict(table) if table is not None else {c: c for c in UNCCD_CLASSES}
        self.unknown = unknown
        self.packed = _packed_table(self.mapping, 0)

    def __call__(self, array, valid, unknown=None):
        """UNCCD classes; valid values outside the legend are set in the boolean ``unknown`` when given
        (for the caller to collect once per block), else collected here."""
        if unknown is not None and array.dtype == np.uint8:
            return _byte_lookup(array, self.packed, valid, unknown, 0)
        out, known = lookup(array, self.mapping, 0, np.uint8)
        if unknown is None:
            self.unknown.collect(array, valid & ~known)
        else:
            np.logical_and(valid, ~known, out=unknown)
        out[~valid] = 0
        return out


_KNOWN = ldn_bytes.KNOWN  # the bit of a packed table saying "this value is in the legend"


def _packed_table(mapping, default):
    """256-entry table of a byte raster: the mapped value (under 128), plus 128 where the value is in ``mapping``."""
    table = np.full(256, default, np.uint8)
    for key, value in mapping.items():
        if 0 <= key <= 255:
            table[key] = value | _KNOWN
    return table


def _byte_lookup(array, packed, valid, unknown, default):
    """``lookup`` of a byte array in one pass through a packed table: the mapped values (``default`` where
    not valid), with ``unknown`` set where a valid value is not in the table (the same values as ``lookup``)."""
    out = np.take(packed, array)
    np.less(out, _KNOWN, out=unknown)
    unknown &= valid
    out &= np.uint8(_KNOWN - 1)
    out[~valid] = default
    return out


_LPD_CODE_MAP = {k: _CODE_OF_VALUE[v] for k, v in LPD_TO_SUBINDICATOR.items()}
_LPD_PACKED = _packed_table(_LPD_CODE_MAP, CODE_NODATA)
LPD_NODATA_CODES = (0, 15)  # the nodata codes of the JRC / FAO-WOCAT products (METHODS.md 1.2)


def _lpd_codes(array, valid, unknown, bad=None):
    """LPD 1..5 -> code; 0, 15 and nodata -> CODE_NODATA; other valid values counted in ``unknown``
    (or, when the boolean array ``bad`` is given, set in it for the caller to collect once per block)."""
    if bad is not None and array.dtype == np.uint8:
        out = _byte_lookup(array, _LPD_PACKED, valid, bad, CODE_NODATA)
        for code in LPD_NODATA_CODES:
            bad &= array != code
        return out
    out, known = lookup(array, _LPD_CODE_MAP, CODE_NODATA, np.uint8)
    mask = np.logical_and(valid, ~known, out=bad)
    for code in LPD_NODATA_CODES:
        mask &= array != code
    if bad is None:
        unknown.collect(array, mask)
    out[~valid] = CODE_NODATA
    return out


def _unknown_collectors(policy, recode):
    """Land cover codes outside the legend and LPD codes outside 1..5, refused or left out as no data."""
    if recode:
        lc_template = N_("The land cover recode table has no row for the classes found in {name}; classes (pixels): "
                         "{values}. Add them to LC_RECODE (input class -> UNCCD class 1..7), or set UNKNOWN_CODES "
                         "to nodata to leave those pixels out.")
    else:
        lc_template = N_("The land cover raster {name} holds codes that are not UNCCD classes (1 to 7); codes "
                         "(pixels): {values}. Give a recode table (LC_RECODE) from your legend to the 7 UNCCD "
                         "classes, or set UNKNOWN_CODES to nodata to leave those pixels out.")
    out = {key: code_check.UnknownCodes(name, lc_template, policy)
           for key, name in (("lcb", "LC_BASELINE"), ("lct", "LC_TARGET"))}
    out["lpd"] = code_check.UnknownCodes("PRODUCTIVITY", N_(
        "The productivity raster {name} holds codes that are not land productivity dynamics classes (1 to 5; "
        "0 and 15 are no data); codes (pixels): {values}. Fix the raster or its nodata value, or set "
        "UNKNOWN_CODES to nodata to leave those pixels out."), policy)
    return out


def _soc_work_type(baseline, target):
    """int32 for stocks stored as integers of at most 16 bits (SoilGrids, Trends.Earth: 11 x 32767 fits),
    else float64 (exact for float32 input). Why: integer stocks compared in int32 move half the bytes."""
    small_int = all(a.dtype.kind in "iub" and a.dtype.itemsize <= 2 for a in (baseline, target))
    return np.int32 if small_int else np.float64


def _soc_codes(baseline, target, valid, water):
    """2 + improved - degraded, compared as 10 t vs 9 b and 11 b (exact in int32 for 16-bit integer input,
    in float64 for float32 input); 0 (nodata) where the baseline is not above 0, ``valid`` is False (it must
    exclude NaN, as ``valid_mask`` does; without it NaN targets are looked for here) or ``water`` is True.
    Nodata is applied by multiplying with the mask: a boolean-indexed assignment took three times as long."""
    kind = _soc_work_type(baseline, target)
    b = baseline.astype(kind)
    t10 = target.astype(kind)
    t10 *= kind(10)
    scaled = np.multiply(b, kind(11))
    codes = np.greater_equal(t10, scaled).view(np.uint8)  # 1 where improved
    codes += np.uint8(CODE_STABLE)
    np.multiply(b, kind(9), out=scaled)
    codes -= np.less_equal(t10, scaled).view(np.uint8)  # stable 2, improved 3, degraded 1
    ok = np.greater(b, kind(0))  # False for NaN
    if valid is not None:
        ok &= valid
    elif kind is np.float64:
        ok &= ~np.isnan(t10)
    if water is not None:
        np.greater(ok, water, out=ok)  # ok and not water
    codes *= ok.view(np.uint8)
    return codes


def _open_ldn_inputs(sources):
    """(InputSlots of the sources given, (use land cover, use productivity, use SOC)), bad combinations refused."""
    use_lc = sources["lcb"] is not None or sources["lct"] is not None
    if use_lc and (sources["lcb"] is None or sources["lct"] is None):
        raise InputError(N_("The land cover sub-indicator needs both the baseline and the target land cover."))
    use_soc = sources["socb"] is not None or sources["soct"] is not None
    if use_soc and (sources["socb"] is None or sources["soct"] is None):
        raise InputError(N_("The soil organic carbon sub-indicator needs both the baseline and the target stock."))
    use_prod = sources["lpd"] is not None
    if not (use_lc or use_prod or use_soc):
        raise InputError(N_("At least one sub-indicator (land cover, productivity or soil organic carbon) is needed."))
    opened = InputSlots()
    for key, name in (("lcb", "LC_BASELINE"), ("lct", "LC_TARGET"), ("lpd", "PRODUCTIVITY"),
                      ("socb", "SOC_BASELINE"), ("soct", "SOC_TARGET"), ("zones", "ZONES")):
        if sources[key] is not None:
            opened.add(key, sources[key], name)
    return opened, (use_lc, use_prod, use_soc)


class _OneOutAllOut:
    """The block function of ``ldn_degradation`` (sub-indicator codes -> combined class) and its tallies.

    A block is computed ``STRIP_ROWS`` rows at a time: the temporaries of a strip (a few MB at most) stay in
    the processor's cache, where whole-block temporaries (8 MB each) went to memory and back at every
    step (the SOC rule took 25 ms per megapixel block, 2 ms in strips). Strips of 256 rows rather than 64:
    as fast on one thread, and with two threads a quarter as many array operations, each a hand-over of
    Python's lock between the threads (2.24 s against 2.56 s, median of 5 runs of bench_ldn's Int16 case).
    Tallies (areas, unknown codes, "had data") are still made once per block, on the whole block, so they are
    the same sums.
    """

    def __init__(self, opened, use, transitions, table, unknown, with_subindicators):
        self.opened, self.slots, self.use = opened, opened.slots, use
        self.transitions, self.unknown = transitions, unknown
        self.classes = {key: _ClassTable(table, unknown[key]) for key in ("lcb", "lct") if use[0]}
        self.with_subindicators = with_subindicators
        self.lc_table = self.lpd_table = None  # byte inputs: one look-up each (ldn_bytes)
        if use[0] and all(self._is_byte(key) for key in ("lcb", "lct")):
            self.lc_table = ldn_bytes.land_cover_table(
                self.classes["lcb"].packed, self.classes["lct"].packed, self._nodata("lcb"), self._nodata("lct"),
                transitions, WATER)
        if use[1] and self._is_byte("lpd"):
            self.lpd_table = ldn_bytes.productivity_table(_LPD_PACKED, self._nodata("lpd"), LPD_NODATA_CODES)
        self.seen_data = Flags(key for key in self.slots if key != "zones")
        self.areas = AreaAccumulator()
        self.cells = None

    def _is_byte(self, key):
        return self.opened.inputs[self.slots[key]].dtype() == np.uint8

    def _nodata(self, key):
        return self.opened.inputs[self.slots[key]].nodata_value()

    def uses_table(self, key):
        """True when input ``key`` is read through a byte look-up table (its validity is in the table)."""
        table = self.lc_table if key in ("lcb", "lct") else self.lpd_table if key == "lpd" else None
        return table is not None

    def strip_codes(self, arr, valid, unknown):
        """(land cover, productivity, SOC) 2-bit codes of some rows; stable where a sub-indicator is not used.

        Valid codes outside the legends are set in the boolean arrays ``unknown`` (by input key); ``valid``
        holds the validity of the inputs not read through a byte table."""
        shape = arr[next(iter(arr))].shape
        stable = np.full(shape, CODE_STABLE, np.uint8)
        lc = prod = soc = stable
        water = None
        if self.use[0] and self.lc_table is not None:
            lc, water = ldn_bytes.land_cover_codes(self.lc_table, arr["lcb"], arr["lct"], unknown["lcb"],
                                                   unknown["lct"], want_water=self.use[2])
        elif self.use[0]:
            base_unccd = self.classes["lcb"](arr["lcb"], valid["lcb"], unknown["lcb"])
            idx = base_unccd * np.uint8(8)
            idx += self.classes["lct"](arr["lct"], valid["lct"], unknown["lct"])
            lc = np.take(self.transitions, idx, mode="clip")
            water = base_unccd == WATER
        if self.use[1] and self.lpd_table is not None:
            prod = ldn_bytes.productivity_codes(self.lpd_table, arr["lpd"], unknown["lpd"])
        elif self.use[1]:
            prod = _lpd_codes(arr["lpd"], valid["lpd"], None, unknown["lpd"])
        if self.use[2]:
            soc = _soc_codes(arr["socb"], arr["soct"], valid["socb"] & valid["soct"], water)
        return lc, prod, soc

    def __call__(self, block):
        keys = [key for key in self.slots if key != "zones"]
        arr = {key: block.arrays[self.slots[key]] for key in keys}
        valid = {key: block.valid(self.slots[key]) for key in keys if not self.uses_table(key)}
        for key, seen in self.seen_data.items():
            if not seen and (valid[key] if key in valid else block.valid(self.slots[key])).any():
                in_block_order(self.seen_data.mark, key)
        shape = (block.ysize, block.xsize)
        unknown = {key: np.zeros(shape, bool) for key in ("lcb", "lct", "lpd") if key in arr}
        code, result = np.empty(shape, np.uint8), np.empty(shape, np.int16)
        stack = np.full((3,) + shape, NODATA, np.int16) if self.with_subindicators else None
        for y0 in range(0, block.ysize, STRIP_ROWS):
            rows = slice(y0, y0 + STRIP_ROWS)
            subs = self.strip_codes({k: a[rows] for k, a in arr.items()}, {k: v[rows] for k, v in valid.items()},
                                    {k: m[rows] for k, m in unknown.items()})
            _combine_codes(subs, code[rows])
            _values_of_codes(code[rows], result[rows])
            for band, (flag, codes) in enumerate(zip(self.use, subs)):
                if stack is not None and flag:
                    _values_of_codes(codes, stack[band, rows])
        for key, mask in unknown.items():  # once per block, as the run's unknown codes are counted
            self.unknown[key].collect(arr[key], mask)
        if self.cells is None:
            self.cells = CellAreas(Grid.of(self.opened.inputs[0].open()))
        zones = block.arrays[self.slots["zones"]] if "zones" in self.slots else None
        self.areas.add_cell_codes(code, 4, self.cells, block, zones, CODE_CLASSES)
        return result if stack is None else [result, stack]

    def before_commit(self):
        for item in self.unknown.values():
            item.check()
        self.opened.require_data(self.seen_data)
        self.areas.require_overlap()


def ldn_degradation(output, lc_baseline=None, lc_target=None, productivity=None, soc_baseline=None,
                    soc_target=None, lc_recode=None, matrix=None, zones=None, subindicators_output=None,
                    block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None, unknown_codes=code_check.REFUSE):
    """Classify degradation block by block; return what was used and the area table.

    Inputs are raster paths or datasets on one grid (``zones``, if given, is an int32 raster of zone
    ids on that grid, 0 outside every zone). Land cover codes outside the legend (LC_RECODE, else the
    7 UNCCD classes) and LPD codes other than 1..5 (0, 15 are no data) are refused with their pixel
    counts, or left out as no data when ``unknown_codes`` is 'nodata'. Returns a dict with ``used``
    (sub-indicators), ``areas`` (an AreaAccumulator over (zone, class)), ``valid_pixels`` and
    ``unknown`` ([(input, pixels, codes)] left out as no data).
    """
    sources = {"lcb": lc_baseline, "lct": lc_target, "lpd": productivity, "socb": soc_baseline,
               "soct": soc_target, "zones": zones}
    matrix = UNCCD_MATRIX if matrix is None else validate_matrix(matrix)
    table = None if lc_recode is None else validate_recode(lc_recode)
    opened, use = _open_ldn_inputs(sources)
    combine = _OneOutAllOut(opened, use, _transition_codes(matrix), table,
                            _unknown_collectors(unknown_codes, table is not None), bool(subindicators_output))
    outputs = [RasterOutput(output, np.int16, NODATA, band_names=("SDG 15.3.1",))]
    if subindicators_output:
        outputs.append(RasterOutput(subindicators_output, np.int16, NODATA, bands=3,
                                    band_names=("land cover", "productivity", "soil organic carbon")))
    run_blocks(opened.inputs, combine, outputs, block_size=block_size, progress=progress,
               is_cancelled=is_cancelled, before_commit=combine.before_commit, parallel=True)
    areas = combine.areas
    valid_pixels = sum(px for (_z, cls), px in areas.pixels.items() if cls is not None)
    return {"used": [name for name, flag in zip(SUBINDICATORS, use) if flag], "areas": areas,
            "valid_pixels": valid_pixels,
            "unknown": [item.report() for item in combine.unknown.values() if item.report()]}


# code -> class value reported in tables (None = nodata)
CODE_CLASSES = (None, DEGRADED, STABLE, IMPROVED)
