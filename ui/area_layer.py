"""The registry's area layer in the QGIS project: loading, zooming, selecting, and drawing.

Drawing uses QGIS's own digitizing tools on this layer (snapping, tracing, undo of vertices all
come for free). QGIS writes the new rows through OGR, which knows nothing about the registry: the
layer is given default values (a uuid, the initiative being edited, the capture method) so the rows
are attached, and when QGIS commits them the dock reloads the initiative and saves it again through
the store, which computes hectares and positions and (with the administrative layer) fills the
department. ``areas_committed`` tells the dock which rows arrived.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDefaultValue,
    QgsExpression,
    QgsFillSymbol,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from .. import compat
from ..pg_connections import areas_layer_source
from ..translation import tr

LAYER_PROPERTY = "t2restore/registry_areas"


class AreaLayer(QObject):
    """Keeps one project layer showing the open registry's restoration areas."""

    areas_committed = pyqtSignal(list)  # [(initiative uuid or None, area uuid), ...]

    def __init__(self, iface=None, canvas=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = canvas
        self.layer = None
        self.drawing_for = None

    # --- loading ---------------------------------------------------------------------------
    def set_registry(self, store):
        """Show ``store``'s areas: reuse a project layer with the same source, or add one."""
        self.release()
        if store is None:
            return None
        uri, provider = areas_layer_source(store)  # a GeoPackage layer, or PostGIS through QGIS's connection
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.source() == uri:
                self._adopt(layer)
                return layer
        layer = QgsVectorLayer(uri, tr("Restoration areas (registry)"), provider)
        if not layer.isValid():
            return None
        symbol = QgsFillSymbol.createSimple(
            {"color": "46,125,50,80", "outline_color": "27,94,32,255", "outline_width": "0.5"}
        )
        layer.renderer().setSymbol(symbol)
        layer.setCustomProperty(LAYER_PROPERTY, True)
        QgsProject.instance().addMapLayer(layer)
        self._adopt(layer)
        return layer

    def _adopt(self, layer):
        self.layer = layer
        layer.committedFeaturesAdded.connect(self._committed)
        layer.willBeDeleted.connect(self._forget)

    def _forget(self):
        self.layer = None
        self.drawing_for = None

    def release(self):
        """Disconnect from the current layer (it stays in the project: it is the user's now)."""
        if self.layer is not None:
            try:
                self.layer.committedFeaturesAdded.disconnect(self._committed)
                self.layer.willBeDeleted.disconnect(self._forget)
            except (TypeError, RuntimeError):
                pass
        self.layer = None
        self.drawing_for = None

    def reload(self):
        """Show what the store wrote (OGR caches features and the extent)."""
        if self.layer is None:
            return
        self.layer.dataProvider().reloadData()
        self.layer.updateExtents()
        self.layer.triggerRepaint()

    # --- map navigation --------------------------------------------------------------------
    def zoom_to_envelope(self, envelope):
        """Zoom the canvas to an OGR envelope (minx, maxx, miny, maxy) in EPSG:4326."""
        if self.canvas is None or envelope is None:
            return False
        minx, maxx, miny, maxy = envelope
        rect = QgsRectangle(minx, miny, maxx, maxy)
        target = self.canvas.mapSettings().destinationCrs()
        source = QgsCoordinateReferenceSystem("EPSG:4326")
        if target.isValid() and target != source:
            rect = QgsCoordinateTransform(source, target, QgsProject.instance()).transformBoundingBox(rect)
        if rect.width() == 0 or rect.height() == 0:
            rect.grow(0.001 if not target.isValid() or target.isGeographic() else 100.0)
        else:
            rect.scale(1.15)
        self.canvas.setExtent(rect)
        self.canvas.refresh()
        return True

    def zoom_to_areas(self, areas):
        """Zoom to the union of the areas' envelopes (areas without geometry are ignored)."""
        envelope = None
        for area in areas:
            geom = area.geometry()
            if geom is None or geom.IsEmpty():
                continue
            e = geom.GetEnvelope()
            envelope = e if envelope is None else (
                min(envelope[0], e[0]), max(envelope[1], e[1]), min(envelope[2], e[2]), max(envelope[3], e[3])
            )
        return self.zoom_to_envelope(envelope)

    def select_initiative(self, uuid):
        """Highlight the initiative's areas with QGIS's selection colour."""
        if self.layer is None:
            return
        if uuid is None:
            self.layer.removeSelection()
            return
        self.layer.selectByExpression(QgsExpression.createFieldEqualityExpression("initiative_uuid", uuid))

    # --- drawing ---------------------------------------------------------------------------
    def prepare_drawing(self, initiative_uuid):
        """Defaults that attach drawn rows to ``initiative_uuid``; editing on; no attribute form."""
        layer = self.layer
        if layer is None:
            return False
        fields = layer.fields()
        defaults = {
            "uuid": "substr(uuid(), 2, 36)",
            "initiative_uuid": QgsExpression.quotedValue(initiative_uuid),
            "capture_method": "'imagery_digitizing'",
            "original_crs": "@project_crs",
        }
        for name, expression in defaults.items():
            index = fields.indexOf(name)
            if index >= 0:
                layer.setDefaultValueDefinition(index, QgsDefaultValue(expression))
        form = layer.editFormConfig()
        form.setSuppress(compat.FORM_SUPPRESS_ON)
        layer.setEditFormConfig(form)
        self.drawing_for = initiative_uuid
        if not layer.isEditable():
            layer.startEditing()
        return True

    def start_drawing(self, initiative_uuid):
        """Prepare the layer and switch QGIS to its "Add polygon feature" tool."""
        if not self.prepare_drawing(initiative_uuid):
            return False
        if self.iface is not None:
            self.iface.setActiveLayer(self.layer)
            self.iface.actionAddFeature().trigger()
        return True

    def _committed(self, _layer_id, features):
        rows = []
        for feature in features:
            fields = feature.fields()
            ini = feature.attribute("initiative_uuid") if fields.indexOf("initiative_uuid") >= 0 else None
            uid = feature.attribute("uuid") if fields.indexOf("uuid") >= 0 else None
            rows.append((ini if isinstance(ini, str) and ini else None, uid if isinstance(uid, str) else None))
        if rows:
            self.areas_committed.emit(rows)
