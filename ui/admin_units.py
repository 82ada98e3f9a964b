"""Department, province, district and UBIGEO of areas from an administrative layer chosen once.

Technicians should not type UBIGEO codes: the dock looks them up in the INEI limits (or any polygon
layer with those fields) that the user picks once; the choice and its field names are kept in
QgsSettings. An area gets the unit that contains a point inside it (``pointOnSurface``, so a
crescent-shaped area is not assigned by a centroid lying outside it); when no polygon contains that
point (an area on a boundary), the unit overlapping it most is taken.
"""

import json
from dataclasses import asdict

from qgis.core import QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from .. import compat
from ..registry.admin_units import UNIT_FIELDS, AdminConfig, AdminLookup, guess_fields
from ..settings import PluginSettings
from ..translation import tr
from .widgets.vocab_widgets import CodeComboBox

__all__ = ["UNIT_FIELDS", "AdminConfig", "AdminLayerDialog", "AdminLookup", "guess_fields", "load_config",
           "save_config"]



def load_config():
    """The saved choice (an empty config when none was made)."""
    text = PluginSettings.load().admin_layer
    try:
        data = json.loads(text) if text else {}
        return AdminConfig(**data)
    except (TypeError, ValueError):
        return AdminConfig()


def save_config(config):
    PluginSettings.load().update(admin_layer=json.dumps(asdict(config)))


class AdminLayerDialog(QDialog):
    """Choose the administrative layer (from the project or a file) and its fields, once."""

    def __init__(self, config=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Administrative layer"))
        config = config or load_config()
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Department, province, district and UBIGEO of each area are read from this polygon layer "
                "(for example INEI's district limits). The choice is remembered."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(compat.LAYER_FILTER_POLYGON)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        self.file_widget = QgsFileWidget()
        self.file_widget.setFilter(tr("Polygon files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz)"))
        form.addRow(tr("Layer in the project"), self.layer_combo)
        form.addRow(tr("or a file"), self.file_widget)
        self.field_combos = {}
        labels = {
            "department": tr("Department field"),
            "province": tr("Province field"),
            "district": tr("District field"),
            "ubigeo": tr("UBIGEO field"),
        }
        for key in UNIT_FIELDS:
            combo = QgsFieldComboBox()
            combo.setAllowEmptyFieldName(True)
            self.field_combos[key] = combo
            form.addRow(labels[key], combo)
        self.ubigeo_source = CodeComboBox("ubigeoSources", allow_empty=False)
        self.ubigeo_source.set_code(config.ubigeo_source or "INEI")
        form.addRow(tr("UBIGEO code source"), self.ubigeo_source)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._layer = None
        self.layer_combo.layerChanged.connect(self._layer_chosen)
        self.file_widget.fileChanged.connect(self._file_chosen)
        if config.source:
            self._use(QgsVectorLayer(config.source, "admin", config.provider), config.fields)

    def _use(self, layer, fields=None):
        self._layer = layer if layer is not None and layer.isValid() else None
        names = [f.name() for f in self._layer.fields()] if self._layer is not None else []
        fields = fields or guess_fields(names)
        for key, combo in self.field_combos.items():
            combo.setLayer(self._layer)
            combo.setField(fields.get(key, ""))

    def _layer_chosen(self, layer):
        if layer is not None:
            self.file_widget.setFilePath("")
            self._use(layer)

    def _file_chosen(self, path):
        if path:
            self._use(QgsVectorLayer(path, "admin", "ogr"))

    def config(self):
        """The chosen configuration (``usable`` is False when nothing usable was chosen)."""
        if self._layer is None:
            return AdminConfig()
        fields = {key: combo.currentField() for key, combo in self.field_combos.items() if combo.currentField()}
        return AdminConfig(
            source=self._layer.source(),
            provider=self._layer.providerType(),
            fields=fields,
            ubigeo_source=self.ubigeo_source.code() or "INEI",
        )
