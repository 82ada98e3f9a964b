"""Where the command line puts what it makes on the way, and zones given as polygons.

On a Dask cluster every worker opens the rasters itself, so a raster made during the run (zones burnt
from polygons, SERFOR's distances) must be in a folder every worker reaches: the ``--shared-folder``
named, else the output's folder (a hidden working folder, removed afterwards), never this machine's
temporary folder.
"""

import os
from contextlib import contextmanager

from osgeo import gdal, ogr, osr

from ..algorithms import files, zones
from ..algorithms.blocks import Grid, open_raster
from ..algorithms.errors import N_, InputError


@contextmanager
def work_folder(args, output):
    """A hidden working folder in ``--shared-folder`` or beside ``output``, removed afterwards."""
    parent = args.shared_folder or os.path.dirname(os.path.abspath(output))
    with files.work_directory(parent, ".t2restore-work-", shared=bool(getattr(args, "scheduler", None))) as folder:
        yield folder


def is_raster(path):
    try:
        ds = gdal.OpenEx(str(path), gdal.OF_RASTER)
    except RuntimeError:  # GDAL exceptions switched on elsewhere in the process
        ds = None
    return ds is not None


def _polygon_layer(path):
    try:
        ds = ogr.Open(str(path))
    except RuntimeError:
        ds = None
    if ds is None or ds.GetLayerCount() == 0:
        raise InputError(N_("Cannot open the zones {path} as a raster or as polygons. Give a zones raster (whole "
                            "numbers, 0 outside every zone) or a polygon file GDAL can read (GeoPackage, "
                            "shapefile)."), path=path)
    return ds, ds.GetLayer(0)


def polygons(path, grid, field=None):
    """[(id, WKB in the grid's CRS)] of a polygon file: ``field``'s whole-number value, else 1, 2, ... in order."""
    ds, layer = _polygon_layer(path)
    if field and layer.GetLayerDefn().GetFieldIndex(field) < 0:
        raise InputError(N_("The zones {path} have no field {field}. Name a whole-number field with --zone-field, "
                            "or leave it out to number the zones in order."), path=path, field=field)
    target = grid.srs()
    source = layer.GetSpatialRef()
    transform = None
    if source is not None and grid.crs_wkt and not source.IsSame(target):
        source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(source, target)
    shapes = []
    for n, feature in enumerate(layer, start=1):
        geom = feature.GetGeometryRef()
        if geom is None:
            continue
        geom = geom.Clone()
        if transform is not None:
            geom.Transform(transform)
        zid = n
        if field:
            value = feature.GetField(field)
            if not isinstance(value, int) or value < 1:
                raise InputError(N_("The zone field {field} of {path} holds {value}; zone ids must be whole numbers "
                                    "from 1. Choose another field, or leave --zone-field out."),
                                 field=field, path=path, value=value)
            zid = value
        shapes.append((zid, bytes(geom.ExportToWkb())))
    del layer, ds  # the layer before its data source
    return shapes


def zones_raster(path, reference, folder, field=None):
    """``path`` when it is a raster; polygons burnt onto ``reference``'s grid in ``folder`` otherwise (or None)."""
    if path is None or is_raster(path):
        return path
    grid = Grid.of(open_raster(reference))
    shapes = polygons(path, grid, field)
    if not shapes:
        raise InputError(N_("The zones {path} hold no polygon. Give a polygon file, or leave --zones out."),
                         path=path)
    return zones.rasterize_zones(shapes, grid, os.path.join(folder, "zones.tif"))
