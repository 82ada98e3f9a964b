"""Import areas from a layer or a file, with a field-mapping dialog that remembers its choices.

Field offices send shapefiles (often zipped), KML/KMZ from phones, GeoJSON, GeoPackages and CSV
tables with WKT, in WGS 84, PSAD56 or SIRGAS UTM zones. The dialog opens any of them, asks for the
CRS when the file does not say (CSV) or says something wrong, proposes a mapping from the field
names and remembers the mapping (and CRS) per set of field names, so the second file from the same
office needs no clicks. The reading itself runs in a QgsTask (``registry.feature_import``).
"""

import csv
import json
import zipfile
from pathlib import Path

from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
from qgis.gui import QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QUrl, QUrlQuery
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
)

from .. import compat, settings
from ..algorithms.errors import N_
from ..registry import mapping
from ..registry.feature_import import first_undecoded, is_undefined_crs
from ..translation import tr
from .designer import load_form

NOT_MAPPED = "—"

# CRSs met in Peruvian data: WGS 84, PSAD56 and SIRGAS 2000 (geographic and UTM zones 17S-19S).
PERU_CRS = (
    "EPSG:4326",
    "EPSG:32717",
    "EPSG:32718",
    "EPSG:32719",
    "EPSG:4248",
    "EPSG:24877",
    "EPSG:24878",
    "EPSG:24879",
    "EPSG:4674",
    "EPSG:31977",
    "EPSG:31978",
    "EPSG:31979",
)
# What to do with areas the initiative already holds (registry.area_match modes), as offered in the dialog.
MODE_LABELS = (
    ("update", N_("Add new areas and update those the initiative already holds")),
    ("skip", N_("Add new areas and leave those the initiative already holds as they are")),
    ("replace", N_("Replace the initiative's areas with those of the file")),
)
SUPPORTED_SUFFIXES = (".shp", ".zip", ".kml", ".kmz", ".geojson", ".json", ".gpkg", ".csv")


def file_filter():
    return tr("Polygon files (*.shp *.zip *.kml *.kmz *.geojson *.json *.gpkg *.csv);;All files (*)")


def _ogr_path(path):
    """The path OGR opens: zipped shapefiles through /vsizip/, KMZ as GDAL documents it.

    GDAL reads a .kmz itself only with its LIBKML driver, which some builds lack (Debian's GDAL
    3.13); the KML driver then reads the archive's root document through /vsizip/ (the first .kml
    file of the archive, usually doc.kml, as the KMZ specification says).
    """
    path = str(path)
    if path.lower().endswith(".zip"):
        return "/vsizip/" + path
    if path.lower().endswith(".kmz") and ogr.GetDriverByName("LIBKML") is None:
        root = _kmz_root(path)
        return f"/vsizip/{path}/{root}" if root else path
    return path


def _kmz_root(path):
    """The name of the first .kml file inside the KMZ archive ``path``, or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            return next((n for n in archive.namelist() if n.lower().endswith(".kml")), None)
    except (OSError, zipfile.BadZipFile):
        return None


def sublayers(path):
    """Names of the polygon (or unknown-geometry) layers of a file, in file order."""
    ds = ogr.Open(_ogr_path(path))
    if ds is None:
        return []
    names = []
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        kind = ogr.GT_Flatten(layer.GetGeomType())
        if kind in (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbUnknown, ogr.wkbGeometryCollection,
                    ogr.wkbCurvePolygon, ogr.wkbMultiSurface):
            names.append(layer.GetName())
    return names


def csv_columns(path):
    """(delimiter, header fields) of a CSV file."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(65536)
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    header = next(csv.reader(sample.splitlines(), delimiter=delimiter), [])
    return delimiter, header


def guess_wkt_column(header):
    for name in header:
        if name.strip().lower() in ("wkt", "geometry", "geom", "the_geom", "geometria", "wkt_geom"):
            return name
    return header[-1] if header else ""


def csv_layer(path, wkt_field, crs):
    """A delimited-text layer of a CSV with WKT polygons in ``crs``."""
    delimiter, _header = csv_columns(path)
    url = QUrl.fromLocalFile(str(path))
    query = QUrlQuery()
    query.addQueryItem("type", "csv")
    query.addQueryItem("delimiter", delimiter)
    query.addQueryItem("detectTypes", "yes")
    query.addQueryItem("wktField", wkt_field)
    query.addQueryItem("geomType", "Polygon")
    query.addQueryItem("crs", crs.authid() or "EPSG:4326")
    url.setQuery(query)
    return QgsVectorLayer(url.toString(), Path(path).stem, "delimitedtext")


def open_file(path, sublayer=None, wkt_field=None, crs=None, encoding=None):
    """A QgsVectorLayer for a supported file (CSV needs its WKT column and CRS).

    ``encoding`` reads the text of a file that does not declare its own (a shapefile without .cpg).
    """
    path = str(path)
    if path.lower().endswith(".csv"):
        _delimiter, header = csv_columns(path)
        return csv_layer(path, wkt_field or guess_wkt_column(header), crs or QgsCoordinateReferenceSystem("EPSG:4326"))
    uri = _ogr_path(path)
    if sublayer:
        uri += "|layername=" + sublayer
    layer = QgsVectorLayer(uri, Path(path).stem, "ogr")
    if encoding and layer.isValid():
        layer.setProviderEncoding(encoding)
    return layer


def with_encoding(layer, encoding):
    """A copy of a project layer read with ``encoding`` (the user's own layer is left as it is)."""
    copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    if copy.isValid():
        copy.setProviderEncoding(encoding)
    return copy


def remembered(names):
    """(mapping, crs authid) remembered for a source with these field names, or ({}, "")."""
    text = settings.import_mapping(mapping.signature(names))
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        data = {}
    kept = {t: f for t, f in data.get("mapping", {}).items() if t in mapping.TARGETS and f in names}
    return kept, data.get("crs", "")


def remember(names, area_mapping, crs_authid):
    settings.remember_import_mapping(
        mapping.signature(names), json.dumps({"mapping": area_mapping, "crs": crs_authid})
    )


class ImportAreasDialog(QDialog):
    """Source, CRS and field mapping of an area import; ``layer``, ``crs``, ``mapping`` on accept."""

    def __init__(self, parent=None, path=None):
        super().__init__(parent)
        load_form("area_import", self, self)  # layout: ui/forms/area_import.ui
        self.layer = None
        self._own_layer = None
        self._project_layer = None
        self._undecoded = None
        self._path = None
        self._fill_choices()
        self.map_combos = {}
        for target in mapping.AREA_TARGETS:
            combo = QComboBox()
            combo.addItem(NOT_MAPPED, "")
            self.map_combos[target] = combo
            self.map_form.addRow(tr(mapping.target_label(target)), combo)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layer_combo.layerChanged.connect(self._layer_chosen)
        self.file_widget.fileChanged.connect(self.set_file)
        self.sublayer_combo.currentIndexChanged.connect(lambda _i: self._reopen())
        self.wkt_combo.currentIndexChanged.connect(lambda _i: self._reopen())
        self.peru_crs.currentIndexChanged.connect(self._peru_crs_chosen)
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self._encoding_chosen())
        self.crs_widget.crsChanged.connect(lambda _crs: self._reopen() if self._is_csv() else self._update_info())
        self._update_info()
        if path:
            self.file_widget.setFilePath(str(path))

    def _fill_choices(self):
        """Filters and items of the source widgets (the .ui file holds their layout and texts)."""
        self.layer_combo.setFilters(compat.LAYER_FILTER_POLYGON)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        self.file_widget.setFilter(file_filter())
        self.crs_widget.setOptionVisible(QgsProjectionSelectionWidget.CrsOption.CrsNotSet, True)
        self.peru_crs.addItem(tr("Common CRSs in Peru…"), "")
        for authid in PERU_CRS:
            crs = QgsCoordinateReferenceSystem(authid)
            self.peru_crs.addItem("%s — %s" % (authid, crs.description()), authid)
        self.encoding_combo.addItem(tr("As the file declares (UTF-8 otherwise)"), "")
        for name in ("ISO-8859-1", "windows-1252", "UTF-8"):
            self.encoding_combo.addItem(name, name)
        for key, label in MODE_LABELS:
            self.mode_combo.addItem(tr(label), key)

    # --- source ----------------------------------------------------------------------------
    def _is_csv(self):
        return bool(self._path) and self._path.lower().endswith(".csv")

    def encoding(self):
        """The encoding chosen for the source ("" for what the file declares)."""
        return self.encoding_combo.currentData() or ""

    def mode(self):
        """What to do with areas the initiative already holds: "update", "skip" or "replace"."""
        return self.mode_combo.currentData()

    def _encoding_chosen(self):
        if self._path:
            self._reopen()
        elif self._project_layer is not None:
            self._set_layer(with_encoding(self._project_layer, self.encoding()) if self.encoding()
                            else self._project_layer)

    def _layer_chosen(self, layer):
        if layer is None:
            return
        self._project_layer = layer
        if self.encoding():
            layer = with_encoding(layer, self.encoding())
        self._path = None
        self.file_widget.blockSignals(True)
        self.file_widget.setFilePath("")
        self.file_widget.blockSignals(False)
        self.sublayer_combo.clear()
        self.wkt_combo.clear()
        self._set_layer(layer)

    def set_file(self, path):
        """Open a file as the source (also used by tests and drag and drop)."""
        self._path = str(path) if path else None
        self.sublayer_combo.blockSignals(True)
        self.wkt_combo.blockSignals(True)
        self.sublayer_combo.clear()
        self.wkt_combo.clear()
        if self._path and self._is_csv():
            _delimiter, header = csv_columns(self._path)
            self.wkt_combo.addItems(header)
            self.wkt_combo.setCurrentText(guess_wkt_column(header))
            _kept, crs = remembered(header)
            if crs:
                self.crs_widget.setCrs(QgsCoordinateReferenceSystem(crs))
        elif self._path:
            self.sublayer_combo.addItems(sublayers(self._path))
        self.sublayer_combo.setEnabled(self.sublayer_combo.count() > 1)
        self.wkt_combo.setEnabled(self.wkt_combo.count() > 0)
        self.sublayer_combo.blockSignals(False)
        self.wkt_combo.blockSignals(False)
        if self._path:
            self.layer_combo.blockSignals(True)
            self.layer_combo.setLayer(None)
            self.layer_combo.blockSignals(False)
        self._reopen()

    def _reopen(self):
        if not self._path:
            return
        crs = self.crs_widget.crs() if self._is_csv() else None
        if self._is_csv() and not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:4326")
        layer = open_file(self._path, self.sublayer_combo.currentText() or None, self.wkt_combo.currentText(), crs,
                          self.encoding())
        self._own_layer = layer
        self._set_layer(layer if layer.isValid() else None)

    def _set_layer(self, layer):
        self.layer = layer
        names = [f.name() for f in layer.fields()] if layer is not None else []
        self._undecoded = first_undecoded(layer.getFeatures(), names) if names else None
        kept, crs = remembered(names) if names else ({}, "")
        proposal = kept or mapping.guess_mapping(names)
        proposal = {t: f for t, f in proposal.items() if t in mapping.AREA_TARGETS}
        for target, combo in self.map_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_MAPPED, "")
            for name in names:
                combo.addItem(name, name)
            index = combo.findData(proposal.get(target, ""))
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        if layer is not None and not self._is_csv():
            chosen = QgsCoordinateReferenceSystem(crs) if crs else layer.crs()
            self.crs_widget.blockSignals(True)
            self.crs_widget.setCrs(chosen)
            self.crs_widget.blockSignals(False)
        self._update_info()

    def _peru_crs_chosen(self, index):
        authid = self.peru_crs.itemData(index)
        if authid:
            self.crs_widget.setCrs(QgsCoordinateReferenceSystem(authid))

    def _update_info(self):
        ok = self.layer is not None and self.layer.isValid()
        if not ok:
            self.info.setText(
                tr("Choose a layer or a file.") if not self._path else tr("The file cannot be read as polygons.")
            )
        else:
            self.info.setText(
                tr("{count} features; the layer says its CRS is {crs}.").format(
                    count=self.layer.featureCount(), crs=self.layer.crs().authid() or tr("unknown")
                )
            )
            problem = self._problem()
            if problem:
                self.info.setText(self.info.text() + " " + problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok and not self._problem())

    def _problem(self):
        """Why the import cannot go ahead yet (undecoded text, undefined CRS), or ""."""
        if self._undecoded is not None:
            feature, field = self._undecoded
            return tr("The text of feature {feature} (field \"{field}\") is not valid in the encoding read: the file "
                      "does not declare its encoding. Choose it under \"Encoding\" (usually ISO-8859-1, or "
                      "windows-1252).").format(feature=feature, field=field)
        if is_undefined_crs(self.crs()):
            return tr("The CRS of the data is undefined; choose the CRS the coordinates are in.")
        return ""

    # --- results ---------------------------------------------------------------------------
    def crs(self):
        """The CRS the data is in (the user's choice overrides what the file says)."""
        return self.crs_widget.crs()

    def area_mapping(self):
        return {t: c.currentData() for t, c in self.map_combos.items() if c.currentData()}

    def set_mapping(self, area_mapping):
        for target, combo in self.map_combos.items():
            combo.setCurrentIndex(max(0, combo.findData(area_mapping.get(target, ""))))

    def release(self):
        """Close the file this dialog opened and free the dialog (an open file stays locked on Windows)."""
        self.layer = self._own_layer = None
        self.deleteLater()

    def accept(self):
        if self.layer is not None:
            names = [f.name() for f in self.layer.fields()]
            remember(names, self.area_mapping(), self.crs().authid())
        super().accept()
