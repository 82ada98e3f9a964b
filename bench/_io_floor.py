"""I/O floor: read the inputs window by window and write one int16 output, no computation.

Same windows (1024 x 1024) and output creation options as t2restore; single-threaded reads.
"""

import sys
from pathlib import Path

import numpy as np
from osgeo import gdal

sys.path.insert(0, str(Path(__file__).resolve().parent / ".pkg"))
from t2restore.algorithms.blocks import creation_options  # noqa: E402

out_path, *inputs = sys.argv[1:]
datasets = [gdal.Open(p) for p in inputs]
xs, ys = datasets[0].RasterXSize, datasets[0].RasterYSize
out = gdal.GetDriverByName("GTiff").Create(out_path, xs, ys, 1, gdal.GDT_Int16, creation_options("int16"))
out.SetGeoTransform(datasets[0].GetGeoTransform())
out.SetProjection(datasets[0].GetProjection())
band = out.GetRasterBand(1)
band.SetNoDataValue(-32768)
for y in range(0, ys, 1024):
    for x in range(0, xs, 1024):
        w, h = min(1024, xs - x), min(1024, ys - y)
        arrays = [d.GetRasterBand(1).ReadAsArray(x, y, w, h) for d in datasets]
        band.WriteArray(arrays[2].astype(np.int16), x, y)
out = None
