"""Making geometries valid: one repair routine, one cleaner for layers of features.

``repairs`` yields the candidate repairs in order (GEOS MakeValid with the STRUCTURE method where
GDAL and GEOS offer it, plain MakeValid, buffer by 0); ``make_valid`` takes the first non-empty one,
the registry's repair preview the first that is a valid multipolygon. ``clean_geometry`` turns one
feature's geometry (WKB, WKT or OGR) into valid polygons and says what it did. Pure OGR/GEOS.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from osgeo import gdal, ogr

from ..errors import Cancelled
from .parts import multipolygon, polygons_of

OK, NULL, REPAIRED, DROPPED = "ok", "null", "repaired", "dropped"


@contextmanager
def quiet_gdal_errors():
    """Silence GDAL's console messages (GEOS "Self-intersection at ..."); results are checked."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def quietly(method, *args):
    """``method(*args)`` with GDAL/GEOS console messages silenced (results are checked instead);
    None when it raises. A plain push/pop: this runs once per geometry, tens of thousands of times."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return method(*args)
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()


def is_valid(geom):
    """OGC validity without GEOS printing warnings; False when GEOS cannot tell."""
    return bool(quietly(geom.IsValid))


def repairs(geom, structure=True):
    """Candidate valid versions of ``geom``, best first (GEOS messages silenced; failures skipped).

    ``structure``: try MakeValid's STRUCTURE method first (keeps every polygon, GDAL >= 3.4 with
    GEOS >= 3.10); without it the plain (LINEWORK) MakeValid comes first. Buffer by 0 comes last.
    """
    attempts = ([["METHOD=STRUCTURE"]] if structure else []) + [None]
    for options in attempts:
        with quiet_gdal_errors():
            try:
                fixed = geom.MakeValid(options) if options else geom.MakeValid()
            except (RuntimeError, TypeError, AttributeError):
                fixed = None
        if fixed is not None:
            yield fixed
    fixed = quietly(geom.Buffer, 0)
    if fixed is not None:
        yield fixed


def make_valid(geom, structure=True):
    """The first non-empty repair of ``geom`` (``repairs``), or None."""
    return next((fixed for fixed in repairs(geom, structure) if not fixed.IsEmpty()), None)


def parse_geometry(geometry):
    """An OGR geometry from WKB bytes, WKT text or an OGR geometry (cloned); None when unreadable."""
    if geometry is None:
        return None
    if isinstance(geometry, (bytes, bytearray, memoryview)):
        return quietly(ogr.CreateGeometryFromWkb, bytes(geometry)) if len(geometry) else None
    if isinstance(geometry, str):
        return quietly(ogr.CreateGeometryFromWkt, geometry)
    return geometry.Clone()


def clean_geometry(geometry):
    """(list of valid polygons, status) of one feature's geometry (WKB, WKT or OGR geometry).

    Status is ``NULL`` (no geometry or empty), ``DROPPED`` (no area: lines, points, a polygon
    collapsed to a line), ``REPAIRED`` (invalid, e.g. self-intersecting, fixed by GEOS MakeValid) or
    ``OK``. Curves are linearised and Z/M dropped; overlapping parts of one multipolygon are merged.
    """
    geom = parse_geometry(geometry)
    if geom is None or geom.IsEmpty():
        return [], NULL
    if geom.HasCurveGeometry():
        geom = geom.GetLinearGeometry()
    geom.FlattenTo2D()
    polys = polygons_of(geom)
    if not polys:
        return [], DROPPED
    whole = polys[0] if len(polys) == 1 else multipolygon(polys)
    if quietly(whole.IsValid):
        return polys, OK
    fixed = make_valid(whole)
    polys = [p for p in polygons_of(fixed) if p.GetArea() > 0]
    return polys, (REPAIRED if polys else DROPPED)


@dataclass
class CleanStats:
    """What cleaning did to one layer, for the log."""

    features: int = 0
    null: int = 0
    repaired: int = 0
    dropped: int = 0
    parts: int = 0
    repaired_ids: list = field(default_factory=list)

    def add(self, status, polys, fid=None):
        self.features += 1
        self.parts += len(polys)
        if status == NULL:
            self.null += 1
        elif status == DROPPED:
            self.dropped += 1
        elif status == REPAIRED:
            self.repaired += 1
            if len(self.repaired_ids) < 5 and fid is not None:
                self.repaired_ids.append(fid)


def clean_all(geometries, stats=None, is_cancelled=None):
    """Valid polygons of an iterable of geometries (or (fid, geometry) pairs), and their CleanStats."""
    stats = stats or CleanStats()
    out = []
    for n, item in enumerate(geometries):
        fid, geometry = item if isinstance(item, tuple) else (None, item)
        if is_cancelled is not None and n % 1000 == 0 and is_cancelled():
            raise Cancelled()
        polys, status = clean_geometry(geometry)
        stats.add(status, polys, fid)
        out.extend(polys)
    return out, stats
