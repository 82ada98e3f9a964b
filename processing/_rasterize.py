"""Polygons where a mask or degradation raster is expected (issue 19, item 6).

Why a module: MINAM's and SERFOR's gaps are published as shapefiles, and a technician's exclusion areas
(water, towns, concessions) are usually polygons. The raster algorithms that take a mask or a constraint
accept a polygon layer instead, burnt onto their reference grid here, in one place, with the method said
in the log: a pixel is in when its centre is inside a polygon (the default, unbiased in area), or when a
polygon touches it at all ("all touched", which never misses a polygon narrower than a pixel). Invalid
geometries (self-intersecting rings) are repaired and counted, features without geometry skipped and
counted; the layer is reprojected to the grid's CRS (a layer without CRS is assumed to be in it, with a
warning). Exact shares of a pixel are ``algorithms/coverage.py``'s job, used where hectares must be
conserved (target2_indicator); a mask is yes or no.
"""

import os

from osgeo import gdal
from qgis.core import QgsProcessingParameterEnum

from ..algorithms import zones as burn
from ..algorithms.errors import N_
from ..translation import tr
from . import _zones

CENTRE, ALL_TOUCHED = 0, 1
METHOD_LABELS = (N_("Pixel centre inside a polygon"), N_("Every pixel a polygon touches (all touched)"))
METHOD_LOG = (N_("pixels whose centre is inside a polygon"), N_("every pixel a polygon touches (all touched)"))


def add_method_parameter(alg, key):
    """The enum parameter ``key``: how polygons given for a raster become pixels (default: pixel centre)."""
    alg.addParameter(QgsProcessingParameterEnum(
        key, tr("Polygons given as masks or constraints: pixels taken"),
        options=[tr(label) for label in METHOD_LABELS], defaultValue=CENTRE))


def log_geometry_counts(feedback, name, counts):
    """Say how many features of the layer ``name`` had no geometry (skipped) or an invalid one (repaired)."""
    if counts["skipped"]:
        feedback.pushWarning(tr("{name}: {n} features without geometry were skipped.").format(
            name=name, n=counts["skipped"]))
    if counts["repaired"]:
        feedback.pushInfo(tr("{name}: {n} invalid geometries (e.g. self-intersecting rings) were repaired.").format(
            name=name, n=counts["repaired"]))


def burn_polygons(layer, grid, context, feedback, path, name, method=CENTRE, onto=None):
    """Burn the polygon ``layer`` onto ``grid`` as a 1/0 raster at ``path`` (returned), everything logged.

    0 is no data (outside every polygon) unless ``onto`` names the raster whose grid is used (minam_degradation's
    forest mask): then 0 is a value (outside the polygons: not forest) and the log names that raster.
    """
    from .base import _crs_from_wkt, request_in_crs, usable_geometries

    target = _crs_from_wkt(grid.crs_wkt)
    request = request_in_crs(_zones.assumed_crs(layer.crs(), target, feedback, name), target, context)
    counts = {"skipped": 0, "repaired": 0}
    shapes = [(1, bytes(geom.asWkb())) for _f, geom in usable_geometries(layer.getFeatures(request), counts)]
    log_geometry_counts(feedback, name, counts)
    if not shapes:
        feedback.pushWarning(tr("{name} has no polygon; it changes nothing.").format(name=name))
    if onto is None:
        feedback.pushInfo(tr("{name}: polygons rasterized onto the grid of the first criterion: {method}.").format(
            name=name, method=tr(METHOD_LOG[method])))
        return burn.rasterize_zones(shapes, grid, os.fspath(path), all_touched=method == ALL_TOUCHED)
    feedback.pushInfo(tr("{name}: polygons rasterized onto the grid of {grid}: {method}; 1 inside, 0 outside.").format(
        name=name, grid=onto, method=tr(METHOD_LOG[method])))
    burn.rasterize_zones(shapes, grid, os.fspath(path), all_touched=method == ALL_TOUCHED)
    ds = gdal.Open(os.fspath(path), gdal.GA_Update)
    ds.GetRasterBand(1).DeleteNoDataValue()  # 0 is outside the polygons, a value, not no data
    ds = None
    return os.fspath(path)
