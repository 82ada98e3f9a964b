#!/usr/bin/env python3
"""The LDN block function against a look-up-table variant of it, on one block of the bench region, in one thread.

    /usr/bin/python3 bench/bench_ldn_kernel.py [--size 10000] [--soc float32|int16] [--block 1024] [--work DIR]

A record of a design that was measured and not adopted (issue 16: LDN at <= 0.3 x gdal_calc.py). The variant
computes the same result with fewer, larger look-up tables: the land cover transition in one take from a 65,536-entry
table indexed by (baseline byte << 8 | target byte), with unknown-code flags in the table; productivity in one
256-entry take; the three sub-indicators combined by one 64-entry take to the output value and one to the area
code; hectares per 64-row strip. Both run on the same block read from the inputs bench_ldn.py generates (the
same ``--work``); the result, pixel counts and hectares are compared, then each is timed (best of ``--repeat``).
The current block function is timed through its parts as ldn._OneOutAllOut runs them (validity masks, strips,
cell areas, area sums), without the engine's reading and writing. Results: bench/results/ldn_kernel.json.
"""

import argparse
import os
import sys
import time

import numpy as np
from _common import HERE, package_parent, say, work_folder, write_results
from bench_ldn import generate

KEYS = ("lcb", "lct", "lpd", "socb", "soct")
STRIP = 64
UNKNOWN_BASE, UNKNOWN_TARGET = 16, 32


def read_block(inputs, size, block):
    """{key: array} and {key: nodata} of the block at the centre of the region."""
    from osgeo import gdal

    off = max(0, (size // 2 // block) * block - block)
    arrays, nodata = {}, {}
    for key, name in zip(KEYS, ("lc_baseline", "lc_target", "lpd", "soc_baseline", "soc_target")):
        ds = gdal.Open(inputs[name])
        band = ds.GetRasterBand(1)
        arrays[key], nodata[key] = band.ReadAsArray(off, off, block, block), band.GetNoDataValue()
    return arrays, nodata, off


def current(ldn, arrays, nodata, cells, off, block):
    """The block function's parts as ldn._OneOutAllOut runs them: (result, area codes, hectares, pixels)."""
    from t2restore.algorithms.blocks import valid_mask

    valid = {k: valid_mask(arrays[k], nodata[k]) for k in KEYS}
    unknown_codes = ldn._unknown_collectors("refuse", False)
    kernel = ldn._OneOutAllOut.__new__(ldn._OneOutAllOut)
    kernel.use, kernel.transitions = (True, True, True), ldn._transition_codes(ldn.UNCCD_MATRIX)
    kernel.classes = {k: ldn._ClassTable(None, unknown_codes[k]) for k in ("lcb", "lct")}
    shape = (block, block)
    unknown = {k: np.zeros(shape, bool) for k in ("lcb", "lct", "lpd")}
    code, result = np.empty(shape, np.uint8), np.empty(shape, np.int16)
    for y0 in range(0, block, STRIP):
        rows = slice(y0, y0 + STRIP)
        subs = kernel.strip_codes({k: a[rows] for k, a in arrays.items()}, {k: v[rows] for k, v in valid.items()},
                                  {k: m[rows] for k, m in unknown.items()})
        ldn._combine_codes(subs, code[rows])
        ldn._values_of_codes(code[rows], result[rows])
    index = code.ravel().astype(np.intp)
    hectares = np.bincount(index, weights=cells.block(off, off, block, block).ravel(), minlength=4)
    return result, code, hectares, np.bincount(index, minlength=4)


def lookup_tables(ldn, nodata):
    """(land cover table of 65,536 entries, baseline-is-water table, LPD table) for byte inputs."""
    def classes(nd):
        table = np.full(256, 255, np.uint8)  # 255: a code outside the 7 classes
        table[1:8] = np.arange(1, 8)
        if nd is not None and float(nd).is_integer() and 0 <= nd <= 255:
            table[int(nd)] = 0
        return table

    base, target = classes(nodata["lcb"]), classes(nodata["lct"])
    b, t = base[:, None].astype(np.int32), target[None, :].astype(np.int32)
    both = (b >= 1) & (b <= 7) & (t >= 1) & (t <= 7)
    transitions = ldn._transition_codes(ldn.UNCCD_MATRIX)
    lc = np.where(both, transitions[np.clip(b, 0, 7) * 8 + np.clip(t, 0, 7)], 0).astype(np.uint8)
    lc |= np.where(b == 255, UNKNOWN_BASE, 0).astype(np.uint8)
    lc |= np.where(t == 255, UNKNOWN_TARGET, 0).astype(np.uint8)
    lpd = np.full(256, UNKNOWN_BASE, np.uint8)
    for value, code in ldn._LPD_CODE_MAP.items():
        lpd[value] = code
    for value in ldn.LPD_NODATA_CODES + ((int(nodata["lpd"]),) if nodata["lpd"] is not None else ()):
        lpd[value] = 0
    return lc.ravel(), base == ldn.WATER, lpd


def variant(ldn, arrays, nodata, cells, off, block, tables):
    """The look-up-table variant: (result, area codes, hectares, pixels); unknown codes stop it (none in the bench)."""
    from t2restore.algorithms.blocks import valid_mask

    lc_table, water_table, lpd_table = tables
    values = ldn.VALUE_OF_CODE[ldn.COMBINE]
    shape = (block, block)
    code, result = np.empty(shape, np.uint8), np.empty(shape, np.int16)
    hectares, pixels = np.zeros(4), np.zeros(4, np.int64)
    pair, lc, tmp = np.empty((STRIP, block), np.uint16), np.empty((STRIP, block), np.uint8), np.empty((STRIP, block),
                                                                                                         np.uint8)
    for y0 in range(0, block, STRIP):
        rows = slice(y0, y0 + STRIP)
        base = arrays["lcb"][rows]
        np.left_shift(base, 8, out=pair, dtype=np.uint16)
        pair |= arrays["lct"][rows]
        np.take(lc_table, pair, out=lc)
        prod = np.take(lpd_table, arrays["lpd"][rows])
        if lc.max() > 3 or prod.max() > 3:
            raise SystemExit("the bench region holds unknown codes: the variant does not collect them")
        soc_b, soc_t = arrays["socb"][rows], arrays["soct"][rows]
        soc_valid = valid_mask(soc_b, nodata["socb"])
        soc_valid &= valid_mask(soc_t, nodata["soct"])
        soc = ldn._soc_codes(soc_b, soc_t, soc_valid, np.take(water_table, base))
        out = code[rows]
        np.left_shift(lc, 4, out=out)
        np.left_shift(prod, 2, out=tmp)
        out |= tmp
        out |= soc
        np.take(values, out, out=result[rows])
        np.take(ldn.COMBINE, out, out=out)
        flat = out.ravel()
        hectares += np.bincount(flat, weights=cells.block(off, off + y0, block, STRIP).ravel(), minlength=4)
        pixels += np.bincount(flat, minlength=4)
    return result, code, hectares, pixels


def best_ms(func, repeat):
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--soc", choices=("float32", "int16"), default="float32")
    parser.add_argument("--block", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--work", default=str(HERE / "data"))
    args = parser.parse_args()
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    sys.path.insert(0, str(package_parent()))
    from osgeo import gdal

    from t2restore.algorithms import ldn
    from t2restore.algorithms.areas import CellAreas
    from t2restore.algorithms.blocks import Grid

    inputs = generate(work_folder(args.work), args.size, args.soc)
    arrays, nodata, off = read_block(inputs, args.size, args.block)
    cells = CellAreas(Grid.of(gdal.Open(inputs["lc_baseline"])))
    tables = lookup_tables(ldn, nodata)
    ref = current(ldn, arrays, nodata, cells, off, args.block)
    alt = variant(ldn, arrays, nodata, cells, off, args.block, tables)
    same = bool(np.array_equal(ref[0], alt[0]) and np.array_equal(ref[1], alt[1]) and np.array_equal(ref[3], alt[3]))
    ms = {"current": best_ms(lambda: current(ldn, arrays, nodata, cells, off, args.block), args.repeat),
          "look_up_tables": best_ms(lambda: variant(ldn, arrays, nodata, cells, off, args.block, tables), args.repeat)}
    mpx = args.block * args.block / 1e6
    results = {
        "soc_inputs": args.soc, "block": args.block, "same_result_and_pixel_counts": same,
        "hectares_max_relative_difference": float(np.abs(ref[2] - alt[2]).max() / ref[2].max()),
        "ms_per_mpx": {k: round(v / mpx, 2) for k, v in ms.items()},
        "ratio_look_up_tables_vs_current": round(ms["look_up_tables"] / ms["current"], 3),
    }
    say(f"current {results['ms_per_mpx']['current']} ms/Mpx, look-up tables "
        f"{results['ms_per_mpx']['look_up_tables']} ms/Mpx, same result: {same}")
    write_results(f"ldn_kernel_{args.soc}", results)


if __name__ == "__main__":
    main()
