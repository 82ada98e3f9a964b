"""A coarse outline of Peru, embedded so the "outside Peru" check needs no data download.

The vertices follow the national boundary and coast roughly (about 35 points) and the polygon is
then buffered by ``MARGIN_DEG`` (about 35 km), so every real Peruvian area is inside while data in
the wrong CRS, in a neighbouring country far from the border, or with swapped coordinates is
caught. It is a plausibility check, not a boundary: the administrative layer the user picks in the
dock gives the exact department / province / district.
"""

from functools import lru_cache

from osgeo import ogr

MARGIN_DEG = 0.3

# (lon, lat), clockwise from the Tumbes coast.
OUTLINE = [
    (-80.30, -3.40),
    (-80.45, -4.00),
    (-80.00, -4.35),
    (-79.45, -4.50),
    (-79.05, -4.95),
    (-78.55, -4.60),
    (-78.35, -3.40),
    (-77.85, -2.98),
    (-76.65, -2.60),
    (-75.56, -1.56),
    (-75.40, -0.95),
    (-75.25, -0.05),
    (-73.70, -1.30),
    (-72.00, -2.40),
    (-70.05, -2.45),
    (-70.70, -3.80),
    (-69.95, -4.30),
    (-72.90, -5.10),
    (-74.00, -7.40),
    (-73.20, -9.40),
    (-72.40, -9.50),
    (-70.60, -9.50),
    (-70.60, -11.00),
    (-69.57, -10.95),
    (-68.65, -12.50),
    (-68.85, -12.90),
    (-69.20, -14.50),
    (-69.40, -15.30),
    (-68.95, -16.20),
    (-69.04, -16.60),
    (-69.50, -17.50),
    (-69.95, -18.20),
    (-70.40, -18.35),
    (-71.30, -17.70),
    (-72.00, -17.10),
    (-73.50, -16.30),
    (-75.00, -15.50),
    (-76.10, -14.20),
    (-76.40, -13.00),
    (-77.70, -10.70),
    (-78.80, -8.50),
    (-79.95, -6.85),
    (-81.20, -5.90),
    (-81.35, -4.60),
    (-80.30, -3.40),
]
# Bounding box of the outline (before the margin), for the swapped-coordinates test.
LON_RANGE = (-81.35, -68.65)
LAT_RANGE = (-18.35, -0.05)


@lru_cache(maxsize=1)
def _outline_wkb():
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for lon, lat in OUTLINE:
        ring.AddPoint_2D(lon, lat)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return bytes(poly.Buffer(MARGIN_DEG, 4).ExportToWkb())


def peru_polygon():
    """A new OGR polygon (EPSG:4326 lon/lat) of the coarse, buffered outline of Peru."""
    return ogr.CreateGeometryFromWkb(_outline_wkb())


def contains_point(lon, lat):
    """True if (lon, lat) lies inside the coarse outline."""
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(lon, lat)
    return peru_polygon().Contains(point)
