"""Forest fragmentation classes of Riitters et al. (2000, with the 2001 errata), METHODS.md section 2.

Why it is built this way:
- Pf and Pff are ratios of counts inside a w x w window. The counts come from summed-area tables
  (cumulative sums over the block), so each window sum is four look-ups whatever w is: the cost
  per pixel does not grow with the window, unlike a moving window that visits w^2 cells.
- The classes compare Pf with 0.4, 0.6, 1 and Pff as exact fractions of integer counts
  (cross-multiplication), never as floats, so that a pixel exactly on a boundary gets the class
  the method says. GRASS r.forestfrag compares floats and uses Pf > 0.6 for perforated and
  undetermined; the benchmark counts where the two differ.
- Blocks are read with a halo of (w - 1) / 2 pixels, so the result does not depend on the block
  size. Cells outside the raster and nodata cells are left out of every count (a pair with a
  nodata cell is not counted either).
"""

import numpy as np

from .areas import CellAreas
from .blocks import DEFAULT_BLOCK, Grid, RasterInput, RasterOutput, run_blocks, valid_mask, windows
from .errors import N_, InputError
from .tables import AreaAccumulator
from .values import parse_value_list

NODATA = 255
RATIO_NODATA = -9999.0
NON_FOREST, PATCH, TRANSITIONAL, EDGE, PERFORATED, INTERIOR, UNDETERMINED = 0, 1, 2, 3, 4, 5, 6
CLASS_CODES = (NON_FOREST, PATCH, TRANSITIONAL, EDGE, PERFORATED, INTERIOR, UNDETERMINED)
MIN_WINDOW, MAX_WINDOW, DEFAULT_WINDOW = 3, 31, 3


def validate_window(window):
    """The window size as an int, or InputError: odd, from 3 to 31."""
    try:
        value = float(window)
    except (TypeError, ValueError):
        value = float("nan")
    if not value.is_integer() or not MIN_WINDOW <= value <= MAX_WINDOW or int(value) % 2 == 0:
        raise InputError(N_("WINDOW must be an odd whole number from {min} to {max} (3, 5, 7 ...); it is {value}."),
                         min=MIN_WINDOW, max=MAX_WINDOW, value=window)
    return int(value)


def parse_forest_values(text):
    """'1', '1, 2, 5', '1-5' (commas, semicolons, spaces, ranges) -> sorted list of ints, or InputError.

    The one value-list parser of the plugin (``values.parse_value_list``), so FOREST_VALUES accepts the
    ranges NATURAL_CLASSES accepts."""
    return list(parse_value_list(text, "FOREST_VALUES"))


def classify(forest, valid_count, forest_count, ff_pairs, any_pairs):
    """Riitters class per pixel from integer counts (METHODS.md section 2), compared exactly.

    ``forest`` says whether the pixel itself is forest; Pf = forest_count / valid_count and
    Pff = ff_pairs / any_pairs. Non-forest -> 0; Pf = 1 -> 5 interior; Pf < 0.4 -> 1 patch;
    0.4 <= Pf < 0.6 -> 2 transitional; Pf >= 0.6: Pf < Pff -> 3 edge, Pf > Pff -> 4 perforated,
    Pf = Pff -> 6 undetermined (also when no pair holds forest, so Pff is undefined).
    """
    forest = np.asarray(forest, bool)
    # counts are at most 31 x 31 cells and 2 x 31 x 30 pairs: products fit in int32
    v = np.asarray(valid_count, np.int32)
    f = np.asarray(forest_count, np.int32)
    ff = np.asarray(ff_pairs, np.int32)
    a = np.asarray(any_pairs, np.int32)
    out = np.full(np.broadcast(forest, v, f, ff, a).shape, UNDETERMINED, np.uint8)
    left = f * a  # Pf - Pff has the sign of f a - ff v (a, v > 0)
    right = ff * v
    out[(a > 0) & (left < right)] = EDGE
    out[(a > 0) & (left > right)] = PERFORATED
    out[5 * f < 3 * v] = TRANSITIONAL
    out[5 * f < 2 * v] = PATCH
    out[f == v] = INTERIOR
    out[~forest] = NON_FOREST
    return out


SEPARABLE_MAX = 9  # up to this window, shifted sums beat a summed-area table
LUT_MAX = 5  # up to this window, classes come from a table over every count combination


def _window_sums(x, wy, wx):
    """Sums of ``x`` over every wy x wx window (top-left at each position).

    Small windows: separable shifted sums in uint16 (wy + wx additions per pixel, little memory
    traffic). Large windows: a summed-area table, whose cost does not grow with the window.
    """
    if max(wy, wx) <= SEPARABLE_MAX:
        height, width = x.shape[0] - wy + 1, x.shape[1] - wx + 1
        rows = x[:, :width].astype(np.uint16)
        for j in range(1, wx):
            rows += x[:, j:j + width]
        out = rows[:height].copy()
        for i in range(1, wy):
            out += rows[i:i + height]
        return out
    table = np.zeros((x.shape[0] + 1, x.shape[1] + 1), np.int32)
    np.cumsum(x, axis=0, dtype=np.int32, out=table[1:, 1:])
    np.cumsum(table[1:, 1:], axis=1, out=table[1:, 1:])
    return table[wy:, wx:] - table[:-wy, wx:] - table[wy:, :-wx] + table[:-wy, :-wx]


def window_counts(forest, valid, window):
    """(valid cells, forest cells, forest-forest pairs, pairs with forest) per window.

    ``forest`` and ``valid`` are boolean arrays grown by a halo of (window - 1) / 2 on every
    side (forest implies valid); the results have the core size. Pairs are the cardinal
    neighbour pairs lying entirely inside the window with both cells valid.
    """
    w = window
    f = forest & valid
    f8 = f.view(np.uint8)
    valid_count = _window_sums(valid.view(np.uint8), w, w)
    forest_count = _window_sums(f8, w, w)
    # horizontal pairs (r, c)-(r, c+1): a window holds w rows x (w - 1) of them; vertical alike
    h_ff = f[:, :-1] & f[:, 1:]
    h_any = (f[:, :-1] & valid[:, 1:]) | (f[:, 1:] & valid[:, :-1])
    v_ff = f[:-1, :] & f[1:, :]
    v_any = (f[:-1, :] & valid[1:, :]) | (f[1:, :] & valid[:-1, :])
    ff_pairs = _window_sums(h_ff.view(np.uint8), w, w - 1) + _window_sums(v_ff.view(np.uint8), w - 1, w)
    any_pairs = _window_sums(h_any.view(np.uint8), w, w - 1) + _window_sums(v_any.view(np.uint8), w - 1, w)
    return valid_count, forest_count, ff_pairs, any_pairs


_LUTS = {}


def _class_table(window):
    """Class for every (valid, forest, forest pairs, pairs) combination of a small window.

    Built with ``classify`` itself, so the table and the rule cannot disagree.
    """
    if window not in _LUTS:
        cells, pairs = window * window, 2 * window * (window - 1)
        v, f, ff, a = np.meshgrid(np.arange(cells + 1), np.arange(cells + 1), np.arange(pairs + 1),
                                  np.arange(pairs + 1), indexing="ij")
        _LUTS[window] = classify(np.ones(v.shape, bool), v, f, ff, a).ravel()
    return _LUTS[window]


def classify_counts(forest, counts, window):
    """``classify`` for blocks: one table look-up for small windows, the rule otherwise."""
    if window > LUT_MAX:
        return classify(forest, *counts)
    valid_count, forest_count, ff_pairs, any_pairs = counts
    cells1, pairs1 = window * window + 1, 2 * window * (window - 1) + 1
    index = valid_count.astype(np.int32)
    index *= cells1
    index += forest_count
    index *= pairs1
    index += ff_pairs
    index *= pairs1
    index += any_pairs
    out = _class_table(window)[index]
    out[~forest] = NON_FOREST
    return out


def _ratio(num, den):
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), RATIO_NODATA).astype(np.float32)


def _found_values(inp, limit=20):
    """A few distinct valid values of the input (for the 'no forest' message), read window by window."""
    ds = inp.open()
    band = ds.GetRasterBand(1)
    nodata = inp.nodata_value()
    found = set()
    for xoff, yoff, xs, ys in windows(Grid.of(ds), 1024):
        arr = band.ReadAsArray(xoff, yoff, xs, ys)
        arr = arr[valid_mask(arr, nodata)]
        found.update(np.unique(arr).tolist())
        if len(found) > limit:
            break
    values = sorted(found)[:limit]
    return ", ".join(f"{v:g}" for v in values) or "-"


def forest_fragmentation(source, output, forest_values=(1,), window=DEFAULT_WINDOW, pf_output=None,
                         pff_output=None, block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None):
    """Classify a forest mask block by block; return pixel counts and hectares per class.

    ``source`` is a raster (band 1); cells whose value is in ``forest_values`` are forest, other
    valid cells non-forest, nodata cells nodata (255 in the output). Optional float32 outputs
    hold Pf (every valid cell) and Pff (cells where a pair holds forest); nodata -9999.
    """
    w = validate_window(window)
    values = parse_forest_values(forest_values)
    inp = RasterInput(source, name="INPUT")
    ds = inp.open()
    grid = Grid.of(ds)
    halo = (w - 1) // 2
    cells = CellAreas(grid) if grid.crs_wkt else None
    areas = AreaAccumulator()
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("fragmentation",))]
    if pf_output:
        outputs.append(RasterOutput(pf_output, np.float32, RATIO_NODATA, band_names=("Pf",)))
    if pff_output:
        outputs.append(RasterOutput(pff_output, np.float32, RATIO_NODATA, band_names=("Pff",)))
    values_arr = np.array(values)

    def block_func(block):
        arr = block.arrays[0]
        valid = block.valid(0)
        forest = valid & (arr == values_arr[0] if len(values_arr) == 1 else np.isin(arr, values_arr))
        counts = window_counts(forest, valid, w)
        centre_valid = block.core(valid)
        centre_forest = block.core(forest)
        classes = classify_counts(centre_forest, counts, w)
        classes[~centre_valid] = NODATA
        codes = np.where(classes == NODATA, 7, classes)
        if cells is not None:
            areas.add_cell_codes(codes, 8, cells, block, None, CLASS_CODES + (None,))
        else:
            areas.add_codes(codes, 8, np.zeros(classes.shape), None, CLASS_CODES + (None,))
        result = [classes]
        if pf_output:
            result.append(np.where(centre_valid, _ratio(counts[1], counts[0]), RATIO_NODATA).astype(np.float32))
        if pff_output:
            result.append(np.where(centre_valid, _ratio(counts[2], counts[3]), RATIO_NODATA).astype(np.float32))
        return result

    def before_commit():
        forest_pixels = sum(px for (_z, c), px in areas.pixels.items() if c not in (NON_FOREST, None))
        if forest_pixels == 0:
            raise InputError(N_("The raster {name} has no forest pixel: no valid cell holds {forest} (FOREST_VALUES). "
                                "Values found: {found}. Set FOREST_VALUES to the values that mean forest."),
                             name=ds.GetDescription() or "INPUT", forest=", ".join(str(v) for v in values),
                             found=_found_values(inp))

    run_blocks([inp], block_func, outputs, block_size=block_size, halo=halo, progress=progress,
               is_cancelled=is_cancelled, before_commit=before_commit, parallel=True)
    pixels = {c: areas.pixels.get((0, c), 0) for c in CLASS_CODES + (None,)}
    hectares = {c: areas.hectares.get((0, c), 0.0) for c in CLASS_CODES + (None,)} if cells is not None else None
    return {"pixels": pixels, "hectares": hectares, "window": w, "forest_values": values,
            "forest_pixels": sum(pixels[c] for c in CLASS_CODES if c != NON_FOREST)}

