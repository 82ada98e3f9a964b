"""Area of polygons on the WGS84 ellipsoid, in hectares, for any input CRS.

GDAL 3.6 (Debian 12) has no geodesic area API, and a planar area in degrees or in a conformal
projection (UTM) is wrong by up to several per cent. The restoration registry reports hectares
toward a national target, so the area is computed in an equal-area projection of the WGS84
ellipsoid: the Lambert cylindrical equal-area projection, the projection family of EPSG:6933 that
FERM itself uses. Equal-area projections preserve area exactly; the only error left comes from
replacing curved edges by straight ones, which the densification below keeps far under 0.01 %.
The projection is evaluated with numpy (no PROJ object per geometry), so thousands of areas take
milliseconds. Pure numpy + osgeo: no qgis import.
"""

import math
from contextlib import contextmanager

import numpy as np
from osgeo import gdal, ogr, osr

WGS84_A = 6378137.0
WGS84_F = 1.0 / 298.257223563
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
WGS84_E = math.sqrt(WGS84_E2)

# Edges are densified to at most this many degrees before projecting (about 1 km at the equator);
# it bounds the difference between an edge drawn straight in the source CRS and the projected one.
MAX_SEGMENT_DEG = 0.01
# Edges of projected (metric) inputs are cut into at most 1/256 of the geometry's extent.
PROJECTED_SEGMENTS = 256

AREA_METHOD = (
    "Ellipsoidal area on WGS84: densified edges (<= 0.01 degree), Lambert cylindrical equal-area "
    "projection of the WGS84 ellipsoid (as EPSG:6933), union of the area's polygons"
)


@contextmanager
def quiet_gdal_errors():
    """Silence GDAL's console messages (GEOS "Self-intersection at ..."); results are checked."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def is_valid(geom):
    """OGC validity without GEOS printing warnings; False when GEOS cannot tell."""
    with quiet_gdal_errors():
        try:
            return bool(geom.IsValid())
        except RuntimeError:
            return False


def _traditional(srs):
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def wgs84():
    """EPSG:4326 with longitude/latitude axis order (what GeoPackage stores)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def authalic_q(lat_rad):
    """Snyder's q(phi) for the WGS84 ellipsoid (vectorised); y = a * q / 2 is equal-area."""
    s = np.sin(lat_rad)
    es = WGS84_E * s
    return (1.0 - WGS84_E2) * (s / (1.0 - es * es) - (1.0 / (2.0 * WGS84_E)) * np.log((1.0 - es) / (1.0 + es)))


def _ring_area_m2(points):
    """Signed-free area (m2) of one closed lon/lat ring in the cylindrical equal-area projection."""
    if len(points) < 4:
        return 0.0
    xy = np.asarray(points, dtype="float64")[:, :2]
    lon = np.radians(xy[:, 0])
    # Unwrap longitudes so a ring crossing the antimeridian stays contiguous.
    lon = np.unwrap(lon)
    x = WGS84_A * lon
    y = WGS84_A * authalic_q(np.radians(xy[:, 1])) / 2.0
    return abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))) / 2.0


def _polygons(geom):
    gtype = ogr.GT_Flatten(geom.GetGeometryType())
    if gtype == ogr.wkbPolygon:
        yield geom
    elif gtype in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            yield from _polygons(geom.GetGeometryRef(i))


def _lonlat_area_m2(geom):
    total = 0.0
    for poly in _polygons(geom):
        for i in range(poly.GetGeometryCount()):
            ring_area = _ring_area_m2(poly.GetGeometryRef(i).GetPoints() or [])
            total += ring_area if i == 0 else -ring_area
    return total


def to_lonlat(geometry, srs=None):
    """Clone ``geometry`` into EPSG:4326 lon/lat, densifying straight source edges first.

    ``srs`` defaults to the geometry's own spatial reference; without either the coordinates are
    taken as lon/lat already. Returns None when the transformation fails.
    """
    geom = geometry.Clone()
    srs = srs or geometry.GetSpatialReference()
    source = _traditional(srs) if srs is not None else None
    if source is not None and not source.IsSame(wgs84()):
        if source.IsProjected():
            minx, maxx, miny, maxy = geom.GetEnvelope()
            extent = max(maxx - minx, maxy - miny)
            if extent > 0:
                geom.Segmentize(extent / PROJECTED_SEGMENTS)
        elif source.IsGeographic():
            geom.Segmentize(MAX_SEGMENT_DEG)
        transform = osr.CoordinateTransformation(source, wgs84())
        with quiet_gdal_errors():
            try:
                if geom.Transform(transform) != 0:
                    return None
            except RuntimeError:
                return None
    geom.AssignSpatialReference(wgs84())
    return geom


def ellipsoidal_area_ha(geometry, srs=None):
    """Area in hectares on the WGS84 ellipsoid of an OGR polygon or multipolygon in any CRS.

    Overlapping parts of a multipolygon are counted once (their union is measured, as FERM does).
    Returns 0.0 for empty or non-areal geometries and None if the geometry cannot be reprojected.
    """
    if geometry is None or geometry.IsEmpty():
        return 0.0
    geom = to_lonlat(geometry, srs)
    if geom is None:
        return None
    if geom.GetGeometryCount() > 1 and ogr.GT_Flatten(geom.GetGeometryType()) != ogr.wkbPolygon:
        # A valid multipolygon has disjoint parts; only an invalid one may count overlaps twice.
        if not is_valid(geom):
            with quiet_gdal_errors():
                union = geom.UnionCascaded()
            if union is not None and not union.IsEmpty():
                geom = union
    geom.Segmentize(MAX_SEGMENT_DEG)
    return _lonlat_area_m2(geom) / 10000.0


def cell_area_ha(lon_min, lat_min, lon_max, lat_max):
    """Exact area (ha) of a lon/lat cell bounded by two meridians and two parallels.

    Closed form from the authalic latitude: A = a^2 / 2 * dlon * (q(lat2) - q(lat1)). Used as the
    known truth in tests and for raster pixel areas.
    """
    q = authalic_q(np.radians([lat_min, lat_max]))
    return WGS84_A**2 / 2.0 * math.radians(lon_max - lon_min) * float(q[1] - q[0]) / 10000.0
