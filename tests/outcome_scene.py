"""Synthetic scenes with planted restoration effects for the outcome tests (issue 14).

A 30 m UTM grid of annual values: a smooth spatial pattern, independent pixel noise, a regional
trend and yearly shocks shared by every pixel, and square areas whose pixels get a planted step
(+gain, -loss or 0) from the year after their start year on. The planted step is the true BACI
effect: the shared trend and shocks cancel between an area and its controls.
"""

import numpy as np
from osgeo import ogr, osr
from rasters import GT_UTM, UTM18S, write_raster

FIRST_YEAR = 2005
N_YEARS = 16
SIZE = 120
AREA_PX = 10


def area_wkt(col, row, size=AREA_PX, gt=GT_UTM):
    x0, y0 = gt[0] + col * gt[1], gt[3] + row * gt[5]
    x1, y1 = x0 + size * gt[1], y0 + size * gt[5]
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def polygon(wkt, epsg=UTM18S):
    geom = ogr.CreateGeometryFromWkt(wkt)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    geom.AssignSpatialReference(srs)
    return geom


# (key, column, row, start year, planted effect)
AREAS = [
    ("gain_2010", 15, 15, 2010, 0.15),
    ("loss_2012", 55, 15, 2012, -0.15),
    ("none_2014", 95, 15, 2014, 0.0),
    ("gain_2013", 15, 60, 2013, 0.10),
    ("none_2009", 55, 60, 2009, 0.0),
    ("loss_2011", 95, 60, 2011, -0.10),
    ("gain_2015", 15, 100, 2015, 0.20),
    ("none_2011", 55, 100, 2011, 0.0),
]


def scene(trend=0.01, noise=0.02, shocks=0.05, areas=AREAS, seed=7, size=SIZE, n_years=N_YEARS,
          area_noise=None):
    """(values (years, rows, cols) float32, planted {key: effect}).

    ``area_noise``: {key: sd} of a yearly shock that only the pixels of that area get (noise with no effect).
    """
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:size, 0:size]
    base = 0.45 + 0.1 * np.sin(rows / 17.0) * np.cos(cols / 23.0)
    years = np.arange(n_years)
    yearly = trend * years + rng.normal(0.0, shocks, n_years)
    values = base[None] + yearly[:, None, None] + rng.normal(0.0, noise, (n_years, size, size))
    for key, col, row, start, effect in areas:
        after = (FIRST_YEAR + years) >= start + 1
        window = (slice(None), slice(row, row + AREA_PX), slice(col, col + AREA_PX))
        values[window] += np.where(after, effect, 0.0)[:, None, None]
        if area_noise and key in area_noise:
            values[window] += rng.normal(0.0, area_noise[key], n_years)[:, None, None]
    return values.astype(np.float32), {key: effect for key, _c, _r, _s, effect in areas}


def write_scene(folder, name="series.tif", descriptions=False, **kwargs):
    """(path of the series GeoTIFF, planted effects)."""
    values, planted = scene(**kwargs)
    path = write_raster(folder / name, values, nodata=-9999.0)
    if descriptions:
        from osgeo import gdal

        ds = gdal.Open(path, gdal.GA_Update)
        for b in range(ds.RasterCount):
            ds.GetRasterBand(b + 1).SetDescription(str(FIRST_YEAR + b))
        ds = None
    return path, planted
