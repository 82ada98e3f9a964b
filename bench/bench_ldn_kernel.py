#!/usr/bin/env python3
"""LDN's block function on one block of the bench region, in one thread, without reading or writing: with the byte
look-up tables (ldn_bytes, what runs) and with the general path (what runs for non-byte land cover and LPD).

    /usr/bin/python3 bench/bench_ldn_kernel.py [--size 10000] [--soc float32|int16] [--block 1024] [--work DIR]

The block at the centre of the region bench_ldn.py generates (the same ``--work``) is read once; the block function
(``ldn._OneOutAllOut``: codes in strips, the result, unknown codes, hectares by ``CellAreas.code_sums``) is timed
on it both ways (best of ``--repeat``), and the two results, pixel counts and hectares compared. Results:
bench/results/ldn_kernel_<soc>.json.
"""

import argparse
import os
import sys
import time

from _common import HERE, package_parent, say, work_folder, write_results
from bench_ldn import generate

SOURCES = {"lcb": "lc_baseline", "lct": "lc_target", "lpd": "lpd", "socb": "soc_baseline", "soct": "soc_target"}


def block_function(ldn, inputs, tables):
    """A fresh ``ldn._OneOutAllOut`` of the bench inputs, with or without its byte tables."""
    sources = {key: inputs[name] for key, name in SOURCES.items()}
    sources["zones"] = None
    opened, use = ldn._open_ldn_inputs(sources)
    func = ldn._OneOutAllOut(opened, use, ldn._transition_codes(ldn.UNCCD_MATRIX), None,
                             ldn._unknown_collectors("refuse", False), False)
    if not tables:
        func.lc_table = func.lpd_table = None
    return func, opened


def read_block(blocks, opened, size, block):
    grid = blocks.Grid.of(opened.inputs[0].open())
    off = max(0, (size // 2 // block) * block - block)
    win = (off, off, block, block)
    arrays = [blocks._read(inp, grid, win, 0) for inp in opened.inputs]
    return blocks.Block(*win, 0, arrays, None, [inp.nodata_value() for inp in opened.inputs])


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
    import numpy as np

    from t2restore.algorithms import blocks, ldn

    inputs = generate(work_folder(args.work), args.size, args.soc)
    funcs = {name: block_function(ldn, inputs, tables) for name, tables in (("byte_tables", True), ("general", False))}
    block = read_block(blocks, funcs["general"][1], args.size, args.block)
    results = {name: (func(block), func.areas) for name, (func, _opened) in funcs.items()}
    (res_a, areas_a), (res_b, areas_b) = results.values()
    same = bool(np.array_equal(res_a, res_b) and areas_a.pixels == areas_b.pixels)
    ms = {name: best_ms(lambda f=func: f(block), args.repeat) for name, (func, _opened) in funcs.items()}
    mpx = args.block * args.block / 1e6
    results = {
        "soc_inputs": args.soc, "block": args.block, "same_result_and_pixel_counts": same,
        "ms_per_mpx": {k: round(v / mpx, 2) for k, v in ms.items()},
        "ratio_byte_tables_vs_general": round(ms["byte_tables"] / ms["general"], 3),
    }
    say(f"byte tables {results['ms_per_mpx']['byte_tables']} ms/Mpx, general path "
        f"{results['ms_per_mpx']['general']} ms/Mpx, same result: {same}")
    write_results(f"ldn_kernel_{args.soc}", results)


if __name__ == "__main__":
    main()
