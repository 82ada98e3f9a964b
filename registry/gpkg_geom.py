"""GeoPackage geometry blobs, and the SQL functions GeoPackage's R-tree triggers call.

The registry writes rows through Python's sqlite3 (real transactions, busy timeout, parameterised
queries), but GeoPackage's spatial-index triggers call ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY and
ST_MaxY, which exist only inside GDAL's own connections. Registering equivalent functions on our
connection keeps the R-tree exact without going through OGR for every write.
Blob layout: GeoPackage 1.2+ section 2.1.3 (header "GP", version 0, flags, srs_id, envelope, WKB).
"""

import struct

from osgeo import ogr

from ..algorithms.geometry import quiet_gdal_errors

_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}
_FLAG_EMPTY = 0x10
_FLAG_LITTLE_ENDIAN = 0x01
_ENVELOPE_XY = 1 << 1


def encode(geom, srs_id=4326):
    """GeoPackage blob of an OGR geometry (2D), with an XY envelope unless it is empty."""
    if geom is None:
        return None
    wkb = bytes(geom.ExportToIsoWkb(ogr.wkbNDR))
    if geom.IsEmpty():
        header = struct.pack("<2sBBi", b"GP", 0, _FLAG_EMPTY | _FLAG_LITTLE_ENDIAN, srs_id)
        return header + wkb
    minx, maxx, miny, maxy = geom.GetEnvelope()
    header = struct.pack("<2sBBi", b"GP", 0, _ENVELOPE_XY | _FLAG_LITTLE_ENDIAN, srs_id)
    return header + struct.pack("<4d", minx, maxx, miny, maxy) + wkb


def _parse_header(blob):
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    order = "<" if flags & _FLAG_LITTLE_ENDIAN else ">"
    n_doubles = _ENVELOPE_DOUBLES.get((flags >> 1) & 0x07)
    if n_doubles is None:
        return None
    envelope = struct.unpack_from(order + "%dd" % n_doubles, blob, 8) if n_doubles else ()
    return flags, envelope, 8 + 8 * n_doubles


def wkb_of(blob):
    """The WKB part of a GeoPackage blob (None for NULL or a malformed blob)."""
    parsed = _parse_header(bytes(blob)) if blob is not None else None
    return bytes(blob)[parsed[2] :] if parsed else None


def decode(blob):
    """An OGR geometry from a GeoPackage blob, or None."""
    wkb = wkb_of(blob)
    if wkb is None:
        return None
    with quiet_gdal_errors():
        try:
            return ogr.CreateGeometryFromWkb(wkb)
        except RuntimeError:
            return None


def is_empty(blob):
    """True for an empty geometry (header flag, or an envelope-less blob with empty WKB)."""
    parsed = _parse_header(bytes(blob)) if blob is not None else None
    if parsed is None:
        return None
    if parsed[0] & _FLAG_EMPTY:
        return True
    if parsed[1]:
        return False
    geom = decode(blob)
    return geom is None or geom.IsEmpty()


def envelope(blob):
    """(minx, maxx, miny, maxy) from the header, computed from the WKB when absent."""
    parsed = _parse_header(bytes(blob)) if blob is not None else None
    if parsed is None:
        return None
    if len(parsed[1]) >= 4:
        return tuple(parsed[1][:4])
    geom = decode(blob)
    if geom is None or geom.IsEmpty():
        return None
    return geom.GetEnvelope()


def _bound(index):
    def func(blob):
        env = envelope(blob)
        return env[index] if env else None

    return func


def register_functions(conn):
    """Give a sqlite3 connection the ST_* functions GeoPackage R-tree triggers use."""
    conn.create_function("ST_IsEmpty", 1, lambda b: None if b is None else int(bool(is_empty(b))), deterministic=True)
    conn.create_function("ST_MinX", 1, _bound(0), deterministic=True)
    conn.create_function("ST_MaxX", 1, _bound(1), deterministic=True)
    conn.create_function("ST_MinY", 1, _bound(2), deterministic=True)
    conn.create_function("ST_MaxY", 1, _bound(3), deterministic=True)
