#!/usr/bin/env python3
"""Benchmark t2restore's land-cover preparation against a gdal_calc.py + gdalwarp chain, in the same run.

    /usr/bin/python3 bench/bench_prepare_land_cover.py [--size 10000] [--factor 2] [--work DIR]

Input: a SIZE x SIZE (default 10,000 x 10,000 = 100 Mpx) ESA CCI land cover (Byte, 30 m, UTM 18S,
spatially coherent patches of the 37 CCI codes), written once. Task: recode it into the 7 UNCCD classes
(the esa_cci preset, Trends.Earth's default nesting) and bring it onto a reference grid FACTOR times
coarser (mode of the classes). Each run in its own process, so that peak memory (max RSS) is its own:
  - t2restore: ``land_cover_prep.prepare_land_cover`` (what t2restore:prepare_land_cover calls): census
    of unknown codes, recode in a VRT lookup table, warp (mode), one block pass writing the output;
  - chain: ``gdal_calc.py`` recoding into an intermediate GeoTIFF (a lookup array indexed by the code,
    as a gdal_calc user writes it), then ``gdalwarp -r mode`` onto the same grid; same creation options.
The two outputs are compared pixel by pixel. Results go to bench/results/prepare_land_cover.json.
"""

import argparse
import os
import subprocess  # nosec B404 - fixed commands, argument lists, no shell
import sys
import tempfile

from _common import PY, differing_pixels, measure, noise_rows, package_parent, say, work_folder, write_results

ORIGIN = (300000.0, 9000000.0)
PIXEL = 30.0


def write_input(path, size):
    """A CCI-like Byte raster: the 37 codes in patches of a few hundred metres, written in row strips."""
    import numpy as np
    from osgeo import gdal, osr

    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.legends import load_preset

    codes = np.array(sorted(load_preset("esa_cci").parent_of), np.uint8)
    rng = np.random.default_rng(2024)
    lattice = rng.random((size // 16 + 3, size // 16 + 3))
    fine = rng.random((size // 4 + 3, size // 4 + 3))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    opts = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 1, gdal.GDT_Byte, opts)
    ds.SetGeoTransform((ORIGIN[0], PIXEL, 0.0, ORIGIN[1], 0.0, -PIXEL))
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(0)
    for row0 in range(0, size, 512):
        n = min(512, size - row0)
        value = 0.7 * noise_rows(lattice, 16, row0, n, size) + 0.3 * noise_rows(fine, 4, row0, n, size)
        band.WriteArray(codes[np.clip((value * len(codes)).astype(int), 0, len(codes) - 1)], 0, row0)
    ds = None


def reference_args(size, factor):
    pixel = PIXEL * factor
    extent = (ORIGIN[0], ORIGIN[1] - size * PIXEL, ORIGIN[0] + size * PIXEL, ORIGIN[1])
    return pixel, extent, size // factor


def run_t2restore(src, out, work, size, factor):
    pixel, (xmin, ymin, xmax, ymax), n = reference_args(size, factor)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from osgeo import osr\n"
        "from t2restore.algorithms import land_cover_prep, legends\n"
        "from t2restore.algorithms.blocks import Grid\n"
        "s = osr.SpatialReference(); s.ImportFromEPSG(32718)\n"
        "p, n = float(sys.argv[5]), int(sys.argv[6])\n"
        "grid = Grid(n, n, (float(sys.argv[7]), p, 0.0, float(sys.argv[8]), 0.0, -p), s.ExportToWkt())\n"
        "land_cover_prep.prepare_land_cover(sys.argv[2], legends.load_preset('esa_cci'), sys.argv[3], sys.argv[4], "
        "grid=grid)\n")
    return measure([PY, "-c", code, str(package_parent()), str(src), str(out), str(work), str(pixel), str(n),
                    str(xmin), str(ymax)], "t2restore")


def run_chain(src, out, work, size, factor):
    sys.path.insert(0, str(package_parent()))
    from t2restore.algorithms.legends import load_preset

    nesting = load_preset("esa_cci")
    lut = [nesting.parent_of.get(code, 0) for code in range(256)]
    tmp = work / "chain_recoded.tif"
    opts = ["--co=TILED=YES", "--co=COMPRESS=DEFLATE", "--co=BIGTIFF=IF_SAFER", "--co=NUM_THREADS=ALL_CPUS"]
    calc = measure(["gdal_calc.py", "--quiet", "--overwrite", "--type=Byte", "--NoDataValue=0", "-A", str(src),
                    f"--outfile={tmp}", f"--calc=array({lut}, dtype=uint8)[A]"] + opts, "gdal_calc.py")
    pixel, (xmin, ymin, xmax, ymax), _n = reference_args(size, factor)
    warp = measure(["gdalwarp", "-q", "-overwrite", "-r", "mode", "-tr", str(pixel), str(pixel), "-te", str(xmin),
                    str(ymin), str(xmax), str(ymax), "-ot", "Byte", "-dstnodata", "0", "-multi", "-wo",
                    "NUM_THREADS=ALL_CPUS", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "BIGTIFF=IF_SAFER",
                    str(tmp), str(out)], "gdalwarp")
    return calc, warp


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--factor", type=int, default=2)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "t2restore-bench-land-cover"))
    args = parser.parse_args()
    work = work_folder(args.work)
    src = work / f"cci_{args.size}.tif"
    if not src.exists():
        say(f"writing a {args.size} x {args.size} ESA CCI-like input ...")
        subprocess.run([PY, __file__, "--write-input", str(src), str(args.size)], check=True)  # nosec B603
    say("t2restore ...")
    ours = run_t2restore(src, work / "t2restore.tif", work, args.size, args.factor)
    say("gdal_calc.py + gdalwarp ...")
    calc, warp = run_chain(src, work / "chain.tif", work, args.size, args.factor)
    from osgeo import gdal

    differ = differing_pixels(work / "t2restore.tif", work / "chain.tif")
    out = gdal.Open(str(work / "t2restore.tif"))
    total = out.RasterXSize * out.RasterYSize
    chain_s = calc.wall + warp.wall
    write_results("prepare_land_cover", {
        "input_pixels": args.size * args.size, "output_pixels": total, "coarsening_factor": args.factor,
        "t2restore": {"seconds": round(ours.wall, 2), "peak_mb": round(ours.peak_mb, 1)},
        "chain": {"seconds": round(chain_s, 2), "gdal_calc_seconds": round(calc.wall, 2),
                  "gdalwarp_seconds": round(warp.wall, 2), "peak_mb": round(max(calc.peak_mb, warp.peak_mb), 1)},
        "speedup_vs_chain": round(chain_s / ours.wall, 2),
        "pixels_differing_from_chain": differ,
    })


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--write-input":
        write_input(sys.argv[2], int(sys.argv[3]))
    else:
        main()
