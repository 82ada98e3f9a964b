"""Zones (polygons) burnt onto a raster grid, so class areas can be summed per zone block by block."""

from osgeo import gdal, ogr

from .blocks import bounded_gdal_cache, creation_options
from .errors import N_, InputError


def burn_target_options(dtype):
    """Creation options of a GeoTIFF that GDAL's RasterizeLayer fills in place: tiled and compressed as outputs are,
    without predictor, and compressed in one thread. Why: GDAL before 3.8 (Debian 12 ships 3.6) can deadlock when a
    GeoTIFF written with NUM_THREADS is read back in update mode while its dirty blocks are flushed (OSGeo/gdal
    #8561, #8729); RasterizeLayer does exactly that. It hung here burning 210,000 polygons on a 100 Mpx grid."""
    return [o for o in creation_options(dtype) if not o.startswith(("PREDICTOR", "NUM_THREADS"))]


def rasterize_zones(shapes, grid, path, all_touched=False, scratch=None):
    """Burn ``shapes`` [(zone id >= 1, WKB in the grid's CRS)] into an Int32 GeoTIFF (0 = no zone).

    A pixel belongs to the zone whose polygon contains its centre (with ``all_touched``: every
    pixel a polygon touches); where polygons overlap, the later one wins. Returns ``path``.
    ``shapes`` may be a generator; with ``scratch`` (a GeoPackage path) the polygons wait on disk there
    rather than in memory, so a national map of 100,000 polygons costs no more memory than a small one.
    """
    if scratch is None:
        holder = ogr.GetDriverByName("Memory").CreateDataSource("zones")
        layer = holder.CreateLayer("zones", srs=grid.srs(), geom_type=ogr.wkbUnknown)
    else:
        holder = ogr.GetDriverByName("GPKG").CreateDataSource(scratch)
        if holder is None:
            raise InputError(N_("Cannot write the temporary zones raster: {error}"), error=gdal.GetLastErrorMsg())
        layer = holder.CreateLayer("zones", srs=grid.srs(), geom_type=ogr.wkbUnknown, options=["SPATIAL_INDEX=NO"])
    layer.CreateField(ogr.FieldDefn("zid", ogr.OFTInteger))
    _write_shapes(layer, shapes, batch=20000 if scratch is not None else None)
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.xsize, grid.ysize, 1, gdal.GDT_Int32,
                                              burn_target_options("int32"))
    if ds is None:
        raise InputError(N_("Cannot write the temporary zones raster: {error}"), error=gdal.GetLastErrorMsg())
    ds.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        ds.SetProjection(grid.crs_wkt)
    ds.GetRasterBand(1).SetNoDataValue(0)
    ds.GetRasterBand(1).Fill(0)
    with bounded_gdal_cache():  # GDAL rasterizes in chunks sized by its cache: keep memory bounded
        options = ["ATTRIBUTE=zid"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
        err = gdal.RasterizeLayer(ds, [1], layer, options=options)
        ds.FlushCache()
    ds = layer = holder = None
    if err != 0:
        raise InputError(N_("Burning the zones onto the raster grid failed: {error}"), error=gdal.GetLastErrorMsg())
    return path


def _write_shapes(layer, shapes, batch=None):
    """Add ``shapes`` to ``layer`` in order; on disk (``batch`` set) in transactions of ``batch`` features, as one
    transaction per feature is slow."""
    defn = layer.GetLayerDefn()
    if batch:
        layer.StartTransaction()
    for n, (zid, wkb) in enumerate(shapes, start=1):
        geom = ogr.CreateGeometryFromWkb(wkb)
        if geom is None:
            continue
        feature = ogr.Feature(defn)
        feature.SetField("zid", int(zid))
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
        if batch and n % batch == 0:
            layer.CommitTransaction()
            layer.StartTransaction()
    if batch:
        layer.CommitTransaction()
