"""Zones (polygons) burnt onto a raster grid, so class areas can be summed per zone block by block."""

from osgeo import gdal, ogr

from .blocks import bounded_gdal_cache, creation_options
from .errors import N_, InputError


def rasterize_zones(shapes, grid, path, all_touched=False):
    """Burn ``shapes`` [(zone id >= 1, WKB in the grid's CRS)] into an Int32 GeoTIFF (0 = no zone).

    A pixel belongs to the zone whose polygon contains its centre (with ``all_touched``: every
    pixel a polygon touches); where polygons overlap, the later one wins. Returns ``path``.
    """
    mem = ogr.GetDriverByName("Memory").CreateDataSource("zones")
    srs = grid.srs()
    layer = mem.CreateLayer("zones", srs=srs, geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("zid", ogr.OFTInteger))
    defn = layer.GetLayerDefn()
    for zid, wkb in shapes:
        feature = ogr.Feature(defn)
        feature.SetField("zid", int(zid))
        geom = ogr.CreateGeometryFromWkb(wkb)
        if geom is None:
            continue
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    opts = [o for o in creation_options("int32") if not o.startswith("PREDICTOR")]
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.xsize, grid.ysize, 1, gdal.GDT_Int32, opts)
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
    ds = None
    if err != 0:
        raise InputError(N_("Burning the zones onto the raster grid failed: {error}"), error=gdal.GetLastErrorMsg())
    return path
