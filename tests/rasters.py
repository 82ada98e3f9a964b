"""Small raster and vector fixtures written on the fly (the tests never depend on ../shared)."""

import numpy as np
from osgeo import gdal, ogr, osr

UTM18S = 32718
GT_UTM = (400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0)

_TYPES = {"uint8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "uint16": gdal.GDT_UInt16, "int32": gdal.GDT_Int32,
          "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}


def srs_wkt(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def write_raster(path, array, epsg=UTM18S, geotransform=GT_UTM, nodata=None, tiled=False):
    """Write a 2-D (or 3-D bands-first) array as GeoTIFF and return the path as str."""
    array = np.asarray(array)
    bands = array[np.newaxis] if array.ndim == 2 else array
    opts = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"] if tiled else []
    ds = gdal.GetDriverByName("GTiff").Create(str(path), bands.shape[2], bands.shape[1], bands.shape[0],
                                              _TYPES[str(array.dtype)], opts)
    ds.SetGeoTransform(geotransform)
    if epsg:
        ds.SetProjection(srs_wkt(epsg))
    for i, band_array in enumerate(bands):
        band = ds.GetRasterBand(i + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(band_array)
    ds = None
    return str(path)


def read_raster(path, band=1):
    ds = gdal.Open(str(path))
    return ds.GetRasterBand(band).ReadAsArray()


def write_polygons(path, polygons, epsg=UTM18S, field="name", layer="zones"):
    """GeoPackage of polygons given as (value, WKT); returns the path as str."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(layer, srs=srs, geom_type=ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for value, wkt in polygons:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField(field, value)
        if wkt is not None:
            geom = ogr.CreateGeometryFromWkt(wkt)
            feat.SetGeometry(ogr.ForceToMultiPolygon(geom))
        lyr.CreateFeature(feat)
    ds = None
    return str(path)


def declare_undefined_geographic_srs(path):
    """Make every layer of the GeoPackage ``path`` declare srs_id 0, "Undefined geographic SRS".

    That is what older GDAL, ArcGIS and many field tools write for a layer without a CRS (GDAL 3.10 and
    newer write srs_id 99999 instead, which QGIS reads as no CRS at all), so the tests set it themselves
    to meet the same file on every GDAL.
    """
    import sqlite3

    with sqlite3.connect(str(path)) as con:
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = 0")
        con.execute("UPDATE gpkg_contents SET srs_id = 0 WHERE data_type = 'features'")
        name = con.execute("SELECT srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = 0").fetchone()
    assert name == ("Undefined geographic SRS",), name


NONFINITE_ND = -9999.0
NONFINITE_AT = [(0, 1, np.nan), (2, 2, np.inf), (3, 0, -np.inf)]  # (row, col, value)


def nonfinite_pair(folder, name, array):
    """(path with NaN/±inf at NONFINITE_AT, path with NONFINITE_ND there) of a float32 copy of ``array``.

    Both declare NONFINITE_ND as nodata: results must be equal, since NaN and ±inf are no data."""
    dirty = np.asarray(array, np.float32).copy()
    clean = dirty.copy()
    for r, c, v in NONFINITE_AT:
        dirty[r, c] = v
        clean[r, c] = NONFINITE_ND
    return (write_raster(folder / f"{name}_dirty.tif", dirty, nodata=NONFINITE_ND),
            write_raster(folder / f"{name}_clean.tif", clean, nodata=NONFINITE_ND))


def disk_full_on_write(monkeypatch, nth=3):
    """Make the block engine's ``nth`` output write fail as a full disk does; the list of (xoff, yoff) of every
    write tried, for the test to count."""
    from t2restore.algorithms import blocks

    calls = []
    write = blocks.RasterOutput.write

    def failing(self, array, xoff, yoff):
        calls.append((xoff, yoff))
        if len(calls) == nth:
            raise OSError(28, "No space left on device", self.tmp_path)
        write(self, array, xoff, yoff)

    monkeypatch.setattr(blocks.RasterOutput, "write", failing)
    return calls


def footprint_area_ha(grid, epsg_equal_area=6933, densify=200):
    """Area of the raster footprint via another equal-area projection (EPSG:6933), densified edges."""
    xmin, ymin, xmax, ymax = grid.bounds()
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    poly.Segmentize(max(xmax - xmin, ymax - ymin) / densify)
    src = grid.srs()
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(epsg_equal_area)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    poly.Transform(osr.CoordinateTransformation(src, dst))
    return poly.GetArea() / 10000
