"""QGIS features (from any layer or file QGIS can read) as registry areas, in the storage CRS.

Shared by the dock's import dialog and ``t2restore:import_initiatives`` so both reproject, skip
and convert identically. Reprojection goes through QGIS (``QgsCoordinateTransform`` with the
project's transform context), so a PSAD56 file uses the datum transformation the user chose in
QGIS rather than a silent default. QGIS core only; safe in a worker thread when given a feature
source (``QgsVectorLayerFeatureSource``) rather than a layer.
"""

import functools

from osgeo import ogr
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsGeometry,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..algorithms.errors import N_, Cancelled, T2Error
from ..algorithms.geometry import is_valid, wgs84
from . import mapping
from .geometry import as_multipolygon, repair_geometry

STORAGE_CRS = "EPSG:4326"
REPLACEMENT = "\ufffd"  # what a decoder puts for bytes that are not valid in the declared encoding
ENCODINGS = ("UTF-8", "ISO-8859-1", "windows-1252")  # what Peruvian files come in, the usual first


class UndeclaredEncodingError(T2Error):
    template = N_(
        'Feature {feature}: the field "{field}" holds bytes that are not valid in the encoding {encoding} '
        '("{value}"). The file does not declare its encoding (a shapefile without its .cpg file, for '
        "example); nothing was imported. Give the encoding of the file (ENCODING in the algorithm, "
        '"Encoding" in the import dialog): usually ISO-8859-1, or windows-1252 for files saved on Windows.'
    )


def check_text(raw, feature, encoding="UTF-8"):
    """Refuse a row whose text holds replacement characters (the file is in another encoding)."""
    for name, value in raw.items():
        if isinstance(value, str) and REPLACEMENT in value:
            raise UndeclaredEncodingError(feature=feature, field=name, value=value, encoding=encoding or "UTF-8")


def first_undecoded(features, field_names, limit=1000):
    """(feature id, field) of the first text value holding a replacement character among the first
    ``limit`` features, or None: the check the import dialog runs when a file is opened."""
    for n, feature in enumerate(features):
        if n >= limit:
            break
        for name in field_names:
            value = feature.attribute(name)
            if isinstance(value, str) and REPLACEMENT in value:
                return feature.id(), name
    return None


def python_value(value):
    """A plain Python value from a QGIS attribute (NULL to None, dates to ISO text, maps to JSON)."""
    if value is None or value == NULL:
        return None
    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-ddTHH:mm:ss")
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd")
    return value


def is_undefined_crs(crs):
    """True for a missing CRS and for GeoPackage's placeholders "Undefined geographic SRS" (srs_id 0)
    and "Undefined Cartesian SRS" (-1): QGIS reports those as valid lon/lat, so metres would be
    read as degrees."""
    if crs is None or not crs.isValid():
        return True
    return not crs.authid() and "undefined" in (crs.description() or crs.toWkt()[:80]).lower()


def storage_transform(source_crs, transform_context=None):
    """The transform from ``source_crs`` to the registry's storage CRS (None when already there)."""
    target = QgsCoordinateReferenceSystem(STORAGE_CRS)
    if not source_crs.isValid() or source_crs == target:
        return None
    return QgsCoordinateTransform(source_crs, target, transform_context or QgsCoordinateTransformContext())


def storage_geometry(geometry, transform, repaired=None):
    """A QgsGeometry as the storage form (OGR MultiPolygon, EPSG:4326), or None without polygons.

    An invalid polygon (a bow-tie, a spike) is repaired here, before anyone measures it: the
    signed area of a bow-tie's two lobes cancels, so measuring first stores a fraction of it.
    With a list ``repaired``, a repair appends its ``RepairPreview``. A polygon no repair fixes
    is kept as it is, for validation to refuse.
    """
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    geometry = QgsGeometry(geometry)
    if transform is not None:
        try:
            geometry.transform(transform)
        except QgsCsException:
            return None  # outside the CRS's area of use: counted as skipped by the caller
    ogr_geom = ogr.CreateGeometryFromWkb(bytes(geometry.asWkb()))
    if ogr_geom is None:
        return None
    multi = as_multipolygon(ogr_geom)
    if multi.IsEmpty():
        return None
    multi.AssignSpatialReference(wgs84())
    if not is_valid(multi):
        preview = repair_geometry(multi)
        if preview.geometry is not None:
            multi = preview.geometry
            multi.AssignSpatialReference(wgs84())
            if repaired is not None:
                repaired.append(preview)
    return multi


class UnknownCrsError(mapping.MappingError):
    template = N_(
        'Feature {feature}: the original CRS "{value}" is not a coordinate reference system QGIS knows. Give it as '
        "an authority code (for example EPSG:32718, EPSG:24878 or EPSG:31978) or as WKT, or leave original_crs "
        "unmapped to record the CRS of the layer."
    )


def known_crs(value, feature):
    """``value`` (a mapped original_crs) when QGIS knows it as a CRS, None when empty; UnknownCrsError otherwise."""
    if not value:
        return None
    if not _crs_known(value):
        raise UnknownCrsError(feature=feature, value=value)
    return value


@functools.lru_cache(maxsize=64)
def _crs_known(text):
    crs = QgsCoordinateReferenceSystem()
    return crs.createFromUserInput(text) and crs.isValid()


def crs_label(crs):
    """What the area records as its original CRS ("EPSG:32718"), as Area.set_geometry does."""
    return (crs.authid() or crs.toWkt()) if crs.isValid() else ""


def read_areas(
    features,
    field_names,
    source_crs,
    area_mapping,
    defaults=None,
    transform_context=None,
    total=None,
    progress=None,
    is_cancelled=None,
    keep_values=False,
    repaired=None,
    encoding=None,
):
    """Areas from ``features`` (an iterable of QgsFeature) mapped by ``area_mapping``.

    Returns ``(areas, skipped)`` where skipped counts features without a polygon; with
    ``keep_values`` it returns ``([(values, area), ...], skipped)`` so a caller can group areas
    into initiatives by the initiative targets. ``capture_method`` defaults to "imported".
    With a list ``repaired``, each geometry repaired on the way appends (feature id, area,
    ``RepairPreview``). Text holding replacement characters (a file in another encoding than
    ``encoding``, the one it was read with) raises ``UndeclaredEncodingError``.
    """
    transform = storage_transform(source_crs, transform_context)
    original = crs_label(source_crs)
    defaults = dict(defaults or {})
    defaults.setdefault("capture_method", "imported")
    missing = [f for f in area_mapping.values() if f not in field_names]
    if missing:
        raise mapping.MissingSourceFieldError(field=missing[0])
    out, skipped = [], 0
    for n, feature in enumerate(features):
        if is_cancelled is not None and n % 100 == 0 and is_cancelled():
            raise Cancelled()
        previews = []
        geometry = storage_geometry(feature.geometry(), transform, previews)
        if geometry is None:
            skipped += 1
            continue
        raw = {name: python_value(feature.attribute(name)) for name in set(area_mapping.values())}
        check_text(raw, feature.id(), encoding)
        values = mapping.record_values(raw, area_mapping, defaults, feature=feature.id())
        area = mapping.area_from_values(values)
        if previews and repaired is not None:
            repaired.append((feature.id(), area, previews[0]))
        area.geometry_wkb = bytes(geometry.ExportToIsoWkb(ogr.wkbNDR))
        # the CRS the area was drawn in: the one the source records (a re-imported export), else the layer's
        area.original_crs = known_crs(values.get("original_crs"), feature.id()) or original or STORAGE_CRS
        out.append((values, area) if keep_values else area)
        if progress is not None and total and n % 100 == 0:
            progress(n / total)
    if progress is not None:
        progress(1.0)
    return out, skipped
