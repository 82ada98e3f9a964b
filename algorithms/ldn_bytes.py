"""LDN's land cover and productivity sub-indicators of byte rasters, each by one look-up.

Land cover classes and LPD codes come as bytes (GeoTIFF Byte) almost always. For them every rule of
``ldn`` that reads one pixel of these inputs (nodata, the legend or recode table, unknown codes, the
transition matrix, water in the baseline) is worked out once for each of the 65,536 (baseline, target)
pairs and the 256 LPD values, into tables made at the start of a run. A pixel then costs one look-up of
``baseline << 8 | target`` and one of its LPD value, where the general path made three look-ups, four
validity masks and an index (4 of the 12 ms per megapixel of LDN's strips). The tests check the tables
against the general path for every byte value, so both give the same codes.

Each entry holds a sub-indicator code in its two low bits (0 nodata, 1 degraded, 2 stable, 3 improved)
and flags above them.
"""

import numpy as np

from .nodata import valid_mask

CODE_BITS = 3
WATER = 4  # the baseline class is water (its SOC is not assessed)
UNKNOWN_BASELINE = 16  # a valid baseline value outside the legend
UNKNOWN_TARGET = 32  # a valid target value outside the legend
UNKNOWN_LPD = 16  # a valid LPD value other than 1..5 and the nodata codes 0 and 15
KNOWN = 128  # the bit of packed legend tables (``ldn._packed_table``) saying "in the legend"

_BYTES = np.arange(256, dtype=np.uint8)


def _classes(packed, nodata):
    """(class of each byte value, 0 for nodata or outside the legend; valid values outside the legend)."""
    valid = valid_mask(_BYTES, nodata)
    known = packed >= KNOWN
    return np.where(valid & known, packed & (KNOWN - 1), 0).astype(np.intp), valid & ~known


def land_cover_table(base_packed, target_packed, base_nodata, target_nodata, transitions, water_class):
    """65,536 entries indexed by ``baseline << 8 | target``: transition code | WATER | unknown flags.

    ``*_packed``: ``ldn._packed_table`` of each input's legend (value -> UNCCD class | KNOWN);
    ``transitions``: ``ldn._transition_codes`` (64 entries, class * 8 + class)."""
    base, base_unknown = _classes(base_packed, base_nodata)
    target, target_unknown = _classes(target_packed, target_nodata)
    codes = np.asarray(transitions)[np.clip(base[:, None] * 8 + target[None, :], 0, 63)]
    flags = (np.where(base == water_class, WATER, 0) | np.where(base_unknown, UNKNOWN_BASELINE, 0))[:, None]
    flags = flags | np.where(target_unknown, UNKNOWN_TARGET, 0)[None, :]
    return (codes | flags).astype(np.uint8).ravel()


def productivity_table(lpd_packed, nodata, nodata_codes):
    """256 entries: the LPD value's code (0 for nodata, the nodata codes and unknown values) | UNKNOWN_LPD."""
    valid = valid_mask(_BYTES, nodata)
    known = lpd_packed >= KNOWN
    codes = np.where(valid & known, lpd_packed & (KNOWN - 1), 0)
    unknown = valid & ~known & ~np.isin(_BYTES, nodata_codes)
    return (codes | np.where(unknown, UNKNOWN_LPD, 0)).astype(np.uint8)


def land_cover_codes(table, baseline, target, unknown_baseline, unknown_target, want_water=True):
    """(land cover codes, baseline is water or None) of some rows; unknown values set in the two boolean arrays."""
    pair = np.left_shift(baseline, 8, dtype=np.uint16)
    pair |= target
    info = np.take(table, pair)
    if info.max() >= UNKNOWN_BASELINE:  # rare: only then are the flags looked at pixel by pixel
        np.not_equal(info & UNKNOWN_BASELINE, 0, out=unknown_baseline)
        np.not_equal(info & UNKNOWN_TARGET, 0, out=unknown_target)
    water = np.not_equal(info & WATER, 0) if want_water else None
    info &= CODE_BITS
    return info, water


def productivity_codes(table, lpd, unknown):
    """LPD codes of some rows; unknown values set in the boolean array ``unknown``."""
    info = np.take(table, lpd)
    if info.max() >= UNKNOWN_LPD:
        np.not_equal(info & UNKNOWN_LPD, 0, out=unknown)
    info &= CODE_BITS
    return info
