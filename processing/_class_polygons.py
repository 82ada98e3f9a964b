"""A land-cover map published as polygons, burnt onto a grid with the code of each polygon's class.

Why a module: MINAM's Mapa Nacional de Cobertura Vegetal is a shapefile whose units are named (field
CobVeg2013) and carry no code, so a technician had to add a field of codes by hand, one per unit name,
before rasterizing it. ``t2restore:prepare_land_cover`` takes the polygons and the name field instead:
each name is looked up in the legend (``legends.ClassLookup``: the name as written, or with other
capitals, accents or spacing, or the code itself), names the legend lacks are refused or left out as
no data (UNKNOWN_CODES, as unknown raster codes are), and the polygons are burnt onto the REFERENCE
grid: a pixel takes the class of the polygon that holds its centre (the later polygon where they overlap).
"""

import os

from qgis.core import QgsProcessingException

from ..algorithms import codes, legends
from ..algorithms import zones as burn
from ..translation import tr
from . import _rasterize, _zones
from .base import _crs_from_wkt, request_in_crs, usable_geometries


def field_name(source, field, name):
    """``field``, checked to exist in ``source`` (the polygon layer given as ``name``)."""
    if not field:
        raise QgsProcessingException(tr(
            "{name} needs CLASS_FIELD: the field that holds each polygon's class name or code (CobVeg2013 in "
            "MINAM's cover map).").format(name=name))
    if source.fields().lookupField(field) < 0:
        raise QgsProcessingException(tr("{name} has no field '{field}'; its fields: {fields}.").format(
            name=name, field=field, fields=", ".join(source.fields().names())))
    return field


class ClassShapes:
    """The polygons of ``source`` as (class code, WKB in the grid's CRS), read one by one when iterated.

    After the iteration: ``lookup.unknown`` holds the values the legend lacks, ``count`` the polygons burnt,
    ``counts`` the features skipped (no geometry) and repaired.
    """

    def __init__(self, source, field, nesting, grid, context, feedback, name):
        self.source, self.field = source, field
        target = _crs_from_wkt(grid.crs_wkt)
        self.request = request_in_crs(_zones.assumed_crs(source.sourceCrs(), target, feedback, name), target,
                                      context)
        self.lookup = legends.ClassLookup(nesting)
        self.counts = {"skipped": 0, "repaired": 0}
        self.count = 0

    def __iter__(self):
        for feature, geom in usable_geometries(self.source.getFeatures(self.request), self.counts):
            value = feature[self.field]
            code = self.lookup.code(None if _zones.is_blank(value) else value)
            if code is not None and code > 0:  # 0 is outside every polygon in the burnt raster
                self.count += 1
                yield code, bytes(geom.asWkb())


def burn_classes(source, field, nesting, grid, context, feedback, workdir, policy, name):
    """The polygons of ``source`` burnt onto ``grid`` with the code of their class: an Int32 raster (0: none).

    The polygons stream through a GeoPackage in ``workdir`` (memory stays small for a national map); a value
    the legend lacks is refused after that pass, before anything is written where the user can see it."""
    field = field_name(source, field, name)
    shapes = ClassShapes(source, field, nesting, grid, context, feedback, name)
    path = burn.rasterize_zones(shapes, grid, os.path.join(workdir, "polygon_classes.tif"),
                                scratch=os.path.join(workdir, "polygon_classes.gpkg"))
    _rasterize.log_geometry_counts(feedback, name, shapes.counts)
    lookup = shapes.lookup
    if lookup.unknown:
        polygons = sum(lookup.unknown.values())
        if policy == codes.REFUSE:
            raise QgsProcessingException(tr(
                "{name}: {n} polygons name a class (field {field}) that the legend '{legend}' does not have; "
                "values (polygons): {values}. Correct those values, choose the legend they follow, or set "
                "UNKNOWN_CODES to nodata to leave those polygons out.").format(
                    name=name, n=polygons, field=field, legend=nesting.name, values=lookup.report()))
        feedback.pushWarning(tr("{name}: {n} polygons whose class the legend does not have were left out as no "
                                "data; values (polygons): {values}.").format(name=name, n=polygons,
                                                                             values=lookup.report()))
    if not shapes.count:
        raise QgsProcessingException(tr(
            "{name} has no polygon with a class of the legend '{legend}': nothing to rasterize. Check CLASS_FIELD "
            "and the legend.").format(name=name, legend=nesting.name))
    feedback.pushInfo(tr("{name}: {n} polygons rasterized onto the grid of REFERENCE by their class (field {field}): "
                         "a pixel takes the class of the polygon that holds its centre, the later one where polygons "
                         "overlap.").format(name=name, n=shapes.count, field=field))
    return path
