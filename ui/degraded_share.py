"""Share of degraded land under restoration in the registry summary, with the degraded land taken from a
status raster (issue 11, item 3).

The Target 2 denominator can come from the latest reporting period: the user picks the status raster that
``t2restore:ldn_status`` wrote (STATUS_2 when there are two periods, else STATUS_1) and the classes counted as
degraded (1, 2, 3 by default: persistent, recent and baseline degradation, as the UNCCD Good Practice
Guidance addendum counts the degraded land of a reporting period; 1, 2 for only the land degrading now).
The figures are computed by the same code as ``t2restore:target2_indicator`` with a degraded raster
(``algorithms.target2.target2_raster`` and ``target2.indicator``): degraded hectares are the pixels'
areas on the WGS 84 ellipsoid; the registry's areas (dissolved: overlaps count once) count with the exact
share of each pixel they cover. The work runs as a task of the registry session, on its own connection.
"""

import tempfile

from osgeo import gdal, osr
from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsRasterLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from ..algorithms import target2
from ..algorithms.errors import N_, Cancelled, InputError
from ..algorithms.geometry import MAX_SEGMENT_DEG, clean_geometry, traditional, wgs84
from ..algorithms.values import parse_value_list
from ..registry.store import open_registry
from ..translation import tr
from .models import format_ha

DEFAULT_CLASSES = "1,2,3"
TARGET_SHARE_PCT = 30.0  # KM-GBF Target 2: 30 % of degraded land under effective restoration
CLASSES_NAME = N_("Degraded classes")
STATUS_BAND = "SDG 15.3.1 status {period}"  # band description ldn_status gives its STATUS outputs


def registry_polygons(location, srs, is_cancelled=None):
    """(valid polygons of every registry area in ``srs``, number of areas with a geometry)."""
    with open_registry(location) as store:
        areas = store.list_areas(None)
    target = traditional(srs)
    transform = None if target.IsSame(wgs84()) else osr.CoordinateTransformation(wgs84(), target)
    polygons, counted = [], 0
    for n, area in enumerate(areas):
        if is_cancelled is not None and n % 200 == 0 and is_cancelled():
            raise Cancelled()
        geom = area.geometry()
        if geom is None or geom.IsEmpty():
            continue
        counted += 1
        if transform is not None:
            geom.Segmentize(MAX_SEGMENT_DEG)  # edges stay geodesic-faithful once projected
            if geom.Transform(transform) != 0:
                continue
        polygons.extend(clean_geometry(geom)[0])
    return polygons, counted


def raster_srs(path):
    """The spatial reference of the status raster; refused when it has none."""
    ds = gdal.Open(str(path))
    if ds is None:
        raise InputError(N_("Cannot open the raster {path}. Choose a status raster written by ldn_status."),
                         path=path)
    srs = ds.GetSpatialRef()
    ds = None
    if srs is None:
        raise InputError(N_("The raster {path} has no coordinate reference system, so the registry's areas cannot "
                            "be placed on it. Assign its CRS (Layer properties > Source) and compute again."),
                         path=path)
    return srs


def degraded_share(location, raster_path, classes, target_share_pct=TARGET_SHARE_PCT, progress=None,
                   is_cancelled=None):
    """Target 2 figures of the registry against the degraded land of a status raster.

    ``classes``: the pixel values counted as degraded ('1,2,3' or a list). Returns a dict with
    ``degraded_ha``, ``inside_ha`` (registered restoration on degraded land), ``outside_ha``, ``share_pct``,
    ``to_share_ha``, ``classes`` (tuple) and ``areas`` (number of registry areas with a geometry).
    """
    values = parse_value_list(classes, tr(CLASSES_NAME))
    srs = raster_srs(raster_path)
    polygons, counted = registry_polygons(location, srs, is_cancelled)
    if progress is not None:
        progress(0.1)
    with tempfile.TemporaryDirectory(prefix="t2restore-share-") as workdir:
        result, _grid = target2.target2_raster(
            raster_path, values, polygons, workdir,
            progress=(lambda f: progress(0.1 + 0.9 * f)) if progress else None, is_cancelled=is_cancelled)
    _level, _label, degraded_ha, inside_ha, outside_ha = result.rows[0]
    if degraded_ha <= 0:
        raise InputError(N_("The raster {path} has no pixel of the degraded classes {classes}. Choose the status "
                            "raster of ldn_status (classes 1 to 7; 1, 2 and 3 are degraded) or change the classes."),
                         path=raster_path, classes=", ".join(str(v) for v in values))
    figures = target2.indicator(degraded_ha, inside_ha, target_share_pct)
    return {"degraded_ha": degraded_ha, "inside_ha": inside_ha, "outside_ha": outside_ha,
            "share_pct": figures["share_pct"], "to_share_ha": figures["to_share_ha"], "classes": values,
            "areas": counted, "target_share_pct": target_share_pct}


def status_period(layer):
    """2 or 1 when the raster layer is an ldn_status STATUS output of that reporting period, else 0."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return 0
    ds = gdal.Open(layer.source())
    name = ds.GetRasterBand(1).GetDescription() if ds is not None and ds.RasterCount else ""
    ds = None
    for period in (2, 1):
        if name == STATUS_BAND.format(period=f"report_{period}"):
            return period
    return 0


class DegradedSharePanel(QGroupBox):
    """Status raster + degraded classes -> the share of degraded land under restoration (a session task)."""

    def __init__(self, session, parent=None):
        super().__init__(tr("Share of degraded land under restoration (Target 2)"), parent)
        self.session = session
        self.result = None
        form = QFormLayout(self)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.user_chose = False  # once the user picks a layer, new layers no longer change the choice
        self.layer_combo.activated.connect(self._chosen)
        self.layer_combo.setToolTip(tr("The status raster of ldn_status of the latest reporting period (STATUS_2 "
                                       "when there are two periods)."))
        form.addRow(tr("Degraded land (status raster)"), self.layer_combo)
        self.classes_edit = QLineEdit(DEFAULT_CLASSES)
        self.classes_edit.setToolTip(tr("Status classes counted as degraded: 1,2,3 (persistent, recent and baseline "
                                        "degradation, as the UNCCD Good Practice Guidance addendum counts degraded "
                                        "land) or 1,2 (only land degrading now)."))
        form.addRow(tr(CLASSES_NAME), self.classes_edit)
        self.compute_button = QPushButton(tr("Compute share"))
        self.compute_button.clicked.connect(self.compute)
        form.addRow(self.compute_button)
        self.result_label = QLabel(tr("Choose a status raster and press Compute share."))
        self.result_label.setWordWrap(True)
        form.addRow(self.result_label)
        self.pick_latest_status()
        QgsProject.instance().layersAdded.connect(self.pick_latest_status)

    def _chosen(self, _index):
        self.user_chose = True

    def pick_latest_status(self, _added=None):
        """Select the status raster of the latest reporting period among the project's layers (as layers are
        added too), unless the user chose a layer in the list."""
        if self.user_chose and self.layer_combo.currentLayer() is not None:
            return
        layers = sorted(QgsProject.instance().mapLayers().values(), key=status_period, reverse=True)
        if layers and status_period(layers[0]) > status_period(self.layer_combo.currentLayer()):
            self.layer_combo.setLayer(layers[0])

    def compute(self):
        """Run the computation as a task; the result shows in ``result_label``."""
        store = self.session.require_store()
        if store is None:
            return False
        layer = self.layer_combo.currentLayer()
        if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
            self.session.show_error(tr("Choose the status raster (a raster file written by ldn_status) whose "
                                       "degraded land the share is computed on."))
            return False
        location, path, classes = store.location, layer.source(), self.classes_edit.text()
        try:
            parse_value_list(classes, tr(CLASSES_NAME))
        except InputError as exc:
            self.session.show_error(exc.message(tr))
            return False
        return self.session.run_task(
            tr("Share of degraded land under restoration"),
            lambda progress, cancelled: degraded_share(location, path, classes, progress=progress,
                                                       is_cancelled=cancelled),
            self._show)

    def _show(self, result):
        self.result = result
        self.result_label.setText(tr(
            "Degraded land (classes {classes} of {layer}): {degraded} ha. Registered restoration on it: {inside} ha "
            "({share:.2f} %; {areas} areas, overlaps counted once), outside it: {outside} ha. Missing to "
            "{target:g} %: {missing} ha.").format(
            classes=", ".join(str(v) for v in result["classes"]), layer=self.layer_combo.currentText(),
            degraded=format_ha(result["degraded_ha"]), inside=format_ha(result["inside_ha"]),
            share=result["share_pct"] or 0.0, areas=result["areas"], outside=format_ha(result["outside_ha"]),
            target=result["target_share_pct"], missing=format_ha(result["to_share_ha"])))
