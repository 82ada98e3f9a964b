"""Pixel sizes in metres, distances to conservation areas and burnt loss points of the SERFOR criteria.

Split from ``serfor.py`` (the criteria and their block run), which re-exports what it used to hold:
these are the grid-level steps, run before the block pass or per block row.
"""

import math
import os
import shutil
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

from .areas import WGS84_A, WGS84_E2, crs_description, wgs84_centred
from .blocks import bounded_gdal_cache, compression, creation_options, open_raster
from .errors import N_, Cancelled, InputError
from .geometry import wgs84
from .zones import burn_target_options


def metres_per_degree(lat_deg):
    """(east-west, north-south) metres per degree of longitude / latitude on the WGS 84 ellipsoid."""
    phi = np.radians(np.asarray(lat_deg, dtype=np.float64))
    w = 1.0 - WGS84_E2 * np.sin(phi) ** 2
    east = math.pi / 180.0 * WGS84_A * np.cos(phi) / np.sqrt(w)
    north = math.pi / 180.0 * WGS84_A * (1.0 - WGS84_E2) / w ** 1.5
    return east, north


class PixelMetres:
    """Pixel width and height in metres per row: constant when projected, by latitude when geographic.

    Why: a DEM in EPSG:4326 has pixels of 0.000277 degrees whose width in metres shrinks with the
    cosine of the latitude; slope and search radii must use metres or they are off by a factor of
    about 100000.
    """

    def __init__(self, grid):
        gt = grid.geotransform
        if gt[2] != 0 or gt[4] != 0:
            raise InputError(N_("The raster grid is rotated (its geotransform has rotation terms); slope and "
                                "distances need a north-up raster. Warp it to a north-up grid first."))
        srs = grid.srs()
        self.gt = gt
        self.geographic = bool(srs.IsGeographic())
        if self.geographic:
            self.deg = srs.GetAngularUnits() * 180 / math.pi
        else:
            self.unit = srs.GetLinearUnits() or 1.0

    def rows(self, first, count):
        """(dx, dy) in metres of rows first..first+count-1, each an array of shape (count,)."""
        gt = self.gt
        if not self.geographic:
            return (np.full(count, abs(gt[1]) * self.unit), np.full(count, abs(gt[5]) * self.unit))
        rows = np.arange(first, first + count, dtype=np.float64) + 0.5
        lat = (gt[3] + rows * gt[5]) * self.deg
        east, north = metres_per_degree(lat)
        return abs(gt[1]) * self.deg * east, abs(gt[5]) * self.deg * north

    def minimum(self, nrows):
        """Smallest (dx, dy) in metres over the raster's rows (the first and last are the extremes)."""
        dx0, dy0 = self.rows(0, 1)
        dx1, dy1 = self.rows(max(nrows - 1, 0), 1)
        if self.geographic:
            lat0 = self.gt[3] * self.deg
            lat1 = (self.gt[3] + nrows * self.gt[5]) * self.deg
            if lat0 * lat1 < 0:  # the equator lies inside: dy is smallest there
                dy0 = np.minimum(dy0, metres_per_degree(0.0)[1] * abs(self.gt[5]) * self.deg)
        return float(min(dx0[0], dx1[0])), float(min(dy0[0], dy1[0]))


def check_crs_plausible(grid, name):
    """InputError when the CRS contradicts the coordinates (degrees labelled projected or vice versa)."""
    if not grid.crs_wkt:
        raise InputError(N_("The raster {name} has no coordinate reference system; slope, distances and areas "
                            "need one. Assign its CRS (Layer properties > Source) and run again."), name=name)
    srs = grid.srs()
    xmin, ymin, xmax, ymax = grid.bounds()
    crs = crs_description(grid.crs_wkt)
    if srs.IsGeographic():
        if max(abs(xmin), abs(xmax)) > 360 or max(abs(ymin), abs(ymax)) > 90.000001:
            raise InputError(N_("The raster {name} has a geographic CRS ({crs}) but its coordinates ({x:.0f}, {y:.0f}) "
                                "are not longitudes and latitudes: it is probably in a projected CRS such as UTM. "
                                "Assign the right CRS (Layer properties > Source) and run again."),
                             name=name, crs=crs, x=xmin, y=ymax)
        return
    pixel = abs(grid.geotransform[1]) * (srs.GetLinearUnits() or 1.0)
    if max(abs(xmin), abs(xmax)) <= 180 and max(abs(ymin), abs(ymax)) <= 90 and pixel < 0.1:
        raise InputError(N_("The raster {name} has a projected CRS ({crs}) but its pixel size ({size:g}) and "
                            "coordinates ({x:g}, {y:g}) look like degrees: it is probably in a geographic CRS such "
                            "as EPSG:4326. Assign the right CRS (Layer properties > Source) and run again."),
                         name=name, crs=crs, size=abs(grid.geotransform[1]), x=xmin, y=ymax)


# -- distances -----------------------------------------------------------------------------------

def _boundary_points(bounds, n=32):
    xmin, ymin, xmax, ymax = bounds
    t = np.linspace(0.0, 1.0, n)
    xs = np.concatenate([xmin + t * (xmax - xmin), np.full(n, xmax), xmax - t * (xmax - xmin), np.full(n, xmin)])
    ys = np.concatenate([np.full(n, ymax), ymax - t * (ymax - ymin), np.full(n, ymin), ymin + t * (ymax - ymin)])
    return np.stack([xs, ys], 1)


def _gdal_callback(progress, is_cancelled, start, end):
    def callback(complete, _message, _data):
        if is_cancelled is not None and is_cancelled():
            callback.cancelled = True
            return 0
        if progress is not None:
            progress(start + (end - start) * complete)
        return 1

    return callback


def conservation_distance(grid, shapes, workdir, max_distance, progress=None, is_cancelled=None):
    """Metres from each pixel centre of ``grid`` to the nearest conservation area, up to ``max_distance``.

    ``shapes`` are WKB polygons in the grid's CRS. Method: the polygons are burnt (every touched
    pixel) onto a work grid and GDAL's proximity (two streaming passes, bounded memory) gives the
    distance between pixel centres; the result is within half a pixel diagonal of the exact
    distance to the polygons. Projected grids with square pixels are their own work grid; other
    grids (geographic, non-square pixels) use an azimuthal equidistant projection centred on the
    raster, with square pixels of the raster's size in metres, and the distances are interpolated
    back (bilinear). Areas outside the raster count, but only up to ``max_distance`` (metres): the
    work grid is the raster grown by that distance (no more than the areas need), so a stray
    feature thousands of kilometres away (a wrong CRS) costs nothing; areas whose bounding box
    lies farther than that from the raster cannot be the nearest within ``max_distance`` and are
    left out. Returns None when there is no polygon, else (path of the distance raster or None
    when no area lies within reach, unit of its values in metres, number of areas left out); the
    raster is Float32 with -1 where no area lies within ``max_distance``.
    """
    geoms = [g for g in (ogr.CreateGeometryFromWkb(w) for w in shapes) if g is not None and not g.IsEmpty()]
    if not geoms:
        return None
    srs = grid.srs()
    gt = grid.geotransform
    square = abs(abs(gt[1]) - abs(gt[5])) <= 1e-9 * abs(gt[1]) and gt[2] == 0 and gt[4] == 0
    direct = not srs.IsGeographic() and square
    if direct:
        work_srs, unit, pixel = srs, srs.GetLinearUnits() or 1.0, abs(gt[1])
        grid_env = grid.bounds()
    else:
        work_srs, unit, pixel, grid_env = _equidistant_work_grid(grid, srs, geoms)
    reach = float(max_distance) / unit
    near = [g for g in geoms if _envelope_gap(g.GetEnvelope(), grid_env) <= reach]
    if not near:
        return None, unit, len(geoms)
    env = [g.GetEnvelope() for g in near]  # (minx, maxx, miny, maxy)
    areas_env = (min(e[0] for e in env), min(e[2] for e in env), max(e[1] for e in env), max(e[3] for e in env))
    margin = reach + pixel  # a touched pixel's centre lies up to half a pixel beyond its polygon
    ext = (max(min(areas_env[0], grid_env[0]), grid_env[0] - margin),
           max(min(areas_env[1], grid_env[1]), grid_env[1] - margin),
           min(max(areas_env[2], grid_env[2]), grid_env[2] + margin),
           min(max(areas_env[3], grid_env[3]), grid_env[3] + margin))
    with bounded_gdal_cache():
        path = _proximity(grid, near, work_srs, pixel, grid_env, ext, direct, workdir, reach,
                          _gdal_callback(progress, is_cancelled, 0.0, 1.0))
    return path, unit, len(geoms) - len(near)


def _equidistant_work_grid(grid, srs, geoms):
    """(work CRS, unit, pixel, raster envelope) of the azimuthal equidistant work grid; ``geoms`` moved into it."""
    xmin, ymin, xmax, ymax = grid.bounds()
    to_geo = osr.CoordinateTransformation(srs, wgs84())
    lon0, lat0 = to_geo.TransformPoint((xmin + xmax) / 2, (ymin + ymax) / 2)[:2]
    work_srs = wgs84_centred("aeqd", lon0, lat0)
    dx, dy = PixelMetres(grid).rows(grid.ysize // 2, 1)
    to_work = osr.CoordinateTransformation(srs, work_srs)
    pts = np.asarray(to_work.TransformPoints(_boundary_points(grid.bounds()).tolist()))[:, :2]
    for geom in geoms:
        geom.AssignSpatialReference(srs)
        geom.Transform(to_work)
    grid_env = (pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max())
    return work_srs, 1.0, float(min(dx[0], dy[0])), grid_env


def _envelope_gap(env, bounds):
    """Distance between an OGR envelope (minx, maxx, miny, maxy) and bounds (xmin, ymin, xmax, ymax)."""
    gap_x = max(env[0] - bounds[2], bounds[0] - env[1], 0.0)
    gap_y = max(env[2] - bounds[3], bounds[1] - env[3], 0.0)
    return math.hypot(gap_x, gap_y)


def _work_geotransform(grid, pixel, grid_env, ext, direct):
    """(width, height, geotransform) of the work grid covering ``ext``."""
    gt = grid.geotransform
    if direct:
        # Work grid aligned with the raster's pixels, so the raster is an exact window of it.
        left = int(math.ceil((grid_env[0] - ext[0]) / pixel - 1e-9))
        right = int(math.ceil((ext[2] - grid_env[2]) / pixel - 1e-9))
        top = int(math.ceil((ext[3] - grid_env[3]) / pixel - 1e-9))
        bottom = int(math.ceil((grid_env[1] - ext[1]) / pixel - 1e-9))
        work_gt = (gt[0] - left * abs(gt[1]), abs(gt[1]), 0.0, gt[3] + top * abs(gt[5]), 0.0, -abs(gt[5]))
        return grid.xsize + left + right, grid.ysize + top + bottom, work_gt
    width = int(math.ceil((ext[2] - ext[0]) / pixel)) + 2
    height = int(math.ceil((ext[3] - ext[1]) / pixel)) + 2
    return width, height, (ext[0] - pixel, pixel, 0.0, ext[3] + pixel, 0.0, -pixel)


# Work files of the distances (the mask and the distances, 5 bytes a pixel) are left uncompressed up to
# this size when the disk has room for twice it: compressing and decompressing them took about 40 % of
# the proximity step. Larger work grids (a country at 10 m) stay compressed.
RAW_WORK_BYTES = 2 * 1024 ** 3


def _raw_work_files(path, width, height):
    """True when the distance work files can be written uncompressed (small enough, room on the disk)."""
    need = width * height * 5
    try:
        free = shutil.disk_usage(os.path.dirname(path) or ".").free
    except OSError:
        return False
    return need <= RAW_WORK_BYTES and 2 * need <= free


def _strip_raster(path, width, height, gdal_type, work_gt, work_srs, extra=(), raw=False):
    # *Strips*, not tiles: GDAL's proximity reads and writes whole scanlines, top-down then bottom-up,
    # and on tiled compressed files it recompresses tiles over and over (about 200 times slower on a
    # 1024 x 1024 raster). Uncompressed when ``raw``, else the fastest level: these are work files read once.
    method = compression()
    if raw:
        opts, extra = ["COMPRESS=NONE", "BIGTIFF=IF_SAFER"], ()
    else:
        opts = [f"COMPRESS={method}", "BIGTIFF=IF_SAFER", "ZSTD_LEVEL=1" if method == "ZSTD" else "ZLEVEL=1"]
    ds = gdal.GetDriverByName("GTiff").Create(path, width, height, 1, gdal_type, opts + list(extra))
    if ds is None:
        raise InputError(N_("Cannot write the work file {path}: {error}. Free some disk space and run again."),
                         path=path, error=gdal.GetLastErrorMsg())
    ds.SetGeoTransform(work_gt)
    ds.SetProjection(work_srs.ExportToWkt())
    return ds


def _proximity(grid, geoms, work_srs, pixel, grid_env, ext, direct, workdir, reach, callback):
    width, height, work_gt = _work_geotransform(grid, pixel, grid_env, ext, direct)
    raw = _raw_work_files(str(Path(workdir) / "conservation_mask.tif"), width, height)
    mask = _strip_raster(str(Path(workdir) / "conservation_mask.tif"), width, height, gdal.GDT_Byte, work_gt,
                         work_srs, raw=raw)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("areas")
    layer = mem.CreateLayer("areas", srs=work_srs, geom_type=ogr.wkbUnknown)
    for geom in geoms:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    if gdal.RasterizeLayer(mask, [1], layer, burn_values=[1], options=["ALL_TOUCHED=TRUE"]) != 0:
        raise InputError(N_("Burning the conservation areas onto the raster grid failed: {error}"),
                         error=gdal.GetLastErrorMsg())
    mask.FlushCache()
    dist_path = str(Path(workdir) / "conservation_distance.tif")
    dist = _strip_raster(dist_path, width, height, gdal.GDT_Float32, work_gt, work_srs, ["PREDICTOR=3"], raw=raw)
    try:
        result = gdal.ComputeProximity(mask.GetRasterBand(1), dist.GetRasterBand(1),
                                       ["VALUES=1", "DISTUNITS=GEO", "NODATA=-1", f"MAXDIST={reach!r}"],
                                       callback=callback)
        message = gdal.GetLastErrorMsg()
    except RuntimeError as error:  # GDAL exceptions switched on (by QGIS or another plugin)
        result, message = -1, str(error)
    if result != 0:
        dist = mask = None
        if getattr(callback, "cancelled", False):
            raise Cancelled()
        raise InputError(N_("Computing the distances to conservation areas failed: {error}"), error=message)
    dist.GetRasterBand(1).SetNoDataValue(-1)
    dist = mask = None
    out_path = str(Path(workdir) / "conservation_distance_grid.vrt")
    if direct:
        gt = grid.geotransform
        left = int(round((gt[0] - work_gt[0]) / pixel))
        top = int(round((work_gt[3] - gt[3]) / pixel))
        gdal.Translate(out_path, dist_path, format="VRT", srcWin=[left, top, grid.xsize, grid.ysize])
    else:
        xmin, ymin, xmax, ymax = grid.bounds()
        gdal.Warp(out_path, dist_path, format="VRT", outputBounds=(xmin, ymin, xmax, ymax), width=grid.xsize,
                  height=grid.ysize, dstSRS=grid.crs_wkt, resampleAlg="bilinear", srcNodata=-1, dstNodata=-1)
    return out_path


def rasterize_points(points, grid, path):
    """Burn loss points [(WKB point in the grid's CRS, year or 1)] into a UInt16 raster (0 = no loss)."""
    mem = ogr.GetDriverByName("Memory").CreateDataSource("points")
    layer = mem.CreateLayer("points", srs=grid.srs(), geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("year", ogr.OFTInteger))
    for wkb, year in points:
        geom = ogr.CreateGeometryFromWkb(wkb)
        if geom is None:
            continue
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("year", int(year))
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), grid.xsize, grid.ysize, 1, gdal.GDT_UInt16,
                                              burn_target_options("uint16"))
    ds.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        ds.SetProjection(grid.crs_wkt)
    ds.GetRasterBand(1).Fill(0)
    if gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=year"]) != 0:
        raise InputError(N_("Burning the loss points onto the raster grid failed: {error}"),
                         error=gdal.GetLastErrorMsg())
    ds = None
    return str(path)


def latest_loss_year(source):
    """The latest loss year in the raster (one streaming pass by GDAL), None when it holds no loss.

    Under the engine's bounded block cache: GDAL's default (5 % of RAM) would keep the whole raster.
    """
    ds = open_raster(source, "LOSS_YEAR")
    try:
        with bounded_gdal_cache():
            found = ds.GetRasterBand(1).ComputeRasterMinMax(False)
    except RuntimeError:
        return None
    high = found[1] if found else None
    if high is None or high <= 0:
        return None
    high = int(high)
    return high + 2000 if high < 100 else high


def fast_float_options():
    """Creation options of the criteria raster: the engine's, with the fastest compression level.

    Why: slopes, distances and densities are noisy decimals that compress little at any level; at
    GDAL's default ZSTD level (9) compressing them took more than half of the whole run, at level 1
    it is about 5 times faster for files about 5 % larger.
    """
    return tuple(creation_options(np.float32, level=1))
