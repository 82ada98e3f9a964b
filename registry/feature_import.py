"""QGIS features (from any layer or file QGIS can read) as registry areas, in the storage CRS.

Shared by the dock's import dialog and ``t2restore:import_initiatives`` so both reproject, skip
and convert identically. Reprojection goes through QGIS (``QgsCoordinateTransform`` with the
project's transform context), so a PSAD56 file uses the datum transformation the user chose in
QGIS rather than a silent default. QGIS core only; safe in a worker thread when given a feature
source (``QgsVectorLayerFeatureSource``) rather than a layer.
"""

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

from ..algorithms.errors import Cancelled
from ..algorithms.vector_areas import wgs84
from . import mapping
from .geometry import as_multipolygon

STORAGE_CRS = "EPSG:4326"


def python_value(value):
    """A plain Python value from a QGIS attribute (NULL to None, dates to ISO text, maps to JSON)."""
    if value is None or value == NULL:
        return None
    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-ddTHH:mm:ss")
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd")
    return value


def storage_transform(source_crs, transform_context=None):
    """The transform from ``source_crs`` to the registry's storage CRS (None when already there)."""
    target = QgsCoordinateReferenceSystem(STORAGE_CRS)
    if not source_crs.isValid() or source_crs == target:
        return None
    return QgsCoordinateTransform(source_crs, target, transform_context or QgsCoordinateTransformContext())


def storage_geometry(geometry, transform):
    """A QgsGeometry as the storage form (OGR MultiPolygon, EPSG:4326), or None without polygons."""
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
    return multi


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
):
    """Areas from ``features`` (an iterable of QgsFeature) mapped by ``area_mapping``.

    Returns ``(areas, skipped)`` where skipped counts features without a polygon; with
    ``keep_values`` it returns ``([(values, area), ...], skipped)`` so a caller can group areas
    into initiatives by the initiative targets. ``capture_method`` defaults to "imported".
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
        geometry = storage_geometry(feature.geometry(), transform)
        if geometry is None:
            skipped += 1
            continue
        raw = {name: python_value(feature.attribute(name)) for name in set(area_mapping.values())}
        values = mapping.record_values(raw, area_mapping, defaults)
        area = mapping.area_from_values(values)
        area.geometry_wkb = bytes(geometry.ExportToIsoWkb(ogr.wkbNDR))
        area.original_crs = original or STORAGE_CRS
        out.append((values, area) if keep_values else area)
        if progress is not None and total and n % 100 == 0:
            progress(n / total)
    if progress is not None:
        progress(1.0)
    return out, skipped
