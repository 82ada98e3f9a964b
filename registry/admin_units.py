"""Department, province, district and UBIGEO of areas from an administrative polygon layer.

Shared by the dock (which remembers the layer chosen once, see ``ui/admin_units.py``) and
``t2restore:import_initiatives`` (its ``ADMIN_LAYER`` parameter), so both assign units identically.
An area gets the unit that contains a point inside it (``pointOnSurface``, so a crescent-shaped area
is not assigned by a centroid lying outside it); when no polygon contains that point (an area on a
boundary), the unit overlapping it most is taken. QGIS core only; safe in a worker thread.
"""

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsSpatialIndex,
    QgsVectorLayer,
)

from ..algorithms.errors import Cancelled
from . import mapping
from .feature_import import python_value

UNIT_FIELDS = ("department", "province", "district", "ubigeo")


@dataclass
class AdminConfig:
    """Where the administrative layer is and which of its fields hold what."""

    source: str = ""
    provider: str = "ogr"
    fields: dict = field(default_factory=dict)  # department / province / district / ubigeo -> field
    ubigeo_source: str = "INEI"

    @property
    def usable(self):
        return bool(self.source) and any(self.fields.get(k) for k in UNIT_FIELDS)


def guess_fields(names):
    """Field names of INEI-style layers (NOMBDEP, NOMBPROV, NOMBDIST, UBIGEO/IDDIST)."""
    guess = mapping.guess_mapping(names)
    return {key: guess[key] for key in UNIT_FIELDS if key in guess}


class AdminLookup:
    """The administrative polygons in EPSG:4326 with a spatial index; build it once per run."""

    def __init__(self, config, transform_context=None, is_cancelled=None, source=None):
        """``source`` (a layer or Processing feature source) replaces opening ``config.source``."""
        self.config = config
        layer = source
        if layer is None:
            layer = QgsVectorLayer(config.source, "admin", config.provider)
            if not layer.isValid():
                raise FileNotFoundError(config.source)
        wanted = [f for f in (config.fields.get(k) for k in UNIT_FIELDS) if f]
        request = QgsFeatureRequest()
        request.setDestinationCrs(
            QgsCoordinateReferenceSystem("EPSG:4326"), transform_context or QgsCoordinateTransformContext()
        )
        request.setSubsetOfAttributes(wanted, layer.fields())
        self.index = QgsSpatialIndex()
        self.units = {}
        for n, feature in enumerate(layer.getFeatures(request)):
            if is_cancelled is not None and n % 200 == 0 and is_cancelled():
                raise Cancelled()
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                continue  # INEI's limits have districts without geometry: they cannot contain anything
            values = {}
            for key in UNIT_FIELDS:
                name = config.fields.get(key)
                if name:
                    value = python_value(feature.attribute(name))
                    values[key] = "" if value is None else str(value).strip()
            if values.get("ubigeo"):
                values["ubigeo"] = mapping.convert("ubigeo", values["ubigeo"])
            self.units[feature.id()] = (geometry, values)
            self.index.addFeature(feature)

    def lookup(self, wkb):
        """{department, province, district, ubigeo} of the unit holding an area (EPSG:4326 WKB)."""
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(wkb))
        if geometry.isNull() or geometry.isEmpty():
            return None
        point = geometry.pointOnSurface()
        for fid in self.index.intersects(point.boundingBox()):
            unit, values = self.units[fid]
            if unit.contains(point):
                return values
        best, best_area = None, 0.0
        for fid in self.index.intersects(geometry.boundingBox()):
            unit, values = self.units[fid]
            overlap = unit.intersection(geometry)
            if overlap is not None and overlap.area() > best_area:
                best, best_area = values, overlap.area()
        return best

    def fill(self, areas, overwrite=False):
        """Fill the units of ``areas`` in place; returns how many areas were filled."""
        filled = 0
        for area in areas:
            if area.geometry_wkb is None or (area.department and area.ubigeo and not overwrite):
                continue
            values = self.lookup(area.geometry_wkb)
            if not values:
                continue
            for key, value in values.items():
                if value:
                    setattr(area, key, value)
            if values.get("ubigeo"):
                area.ubigeo_source = self.config.ubigeo_source or "INEI"
            filled += 1
        return filled
