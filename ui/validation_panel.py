"""The validation panel: FERM_INTERCHANGE.md item 7 findings per area, zoom-to and repair.

Validation of a whole registry (thousands of areas, pairwise overlaps) runs in a QgsTask on its
own registry connection; its outcome is written back (initiative state, area flags) so the list's
"validation state" filter reflects it. A geometry repair is always previewed, on the map and in
numbers (area before and after, parts), before anything is saved: a repair that silently removes
half a polygon would be worse than the error it fixes.
"""

import copy

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import compat
from ..algorithms.errors import N_
from ..registry.store import open_registry
from ..registry.validate import ERROR, WARNING, repair_geometry, validate_initiatives
from ..translation import tr
from .models import FindingsModel, format_ha

GEOMETRY_RULES = {"invalid_geometry"}


def run_validation(location, uuids, progress, is_cancelled):
    """Validate initiatives (all when ``uuids`` is None) against the whole registry and save the
    outcome; returns (report, titles, sites). Runs in a worker thread with its own connection."""
    with open_registry(location) as store:
        everything = store.get_initiatives(None, lambda f: progress(0.2 * f), is_cancelled)
        wanted = set(uuids) if uuids is not None else None
        subjects = [i for i in everything if wanted is None or i.uuid in wanted]
        report = validate_initiatives(subjects, everything, None, lambda f: progress(0.2 + 0.75 * f), is_cancelled)
        store.set_validation_results(report.initiative_states(), report.area_flags())
        # a PostGIS editor: the server left other institutions' results unwritten (shown by show_report)
        report.server_skipped = store.skipped_notice(N_("validation results"))
    titles = {i.uuid: i.title for i in subjects}
    sites = {a.uuid: a.site_name or a.uuid[:8] for i in subjects for a in i.areas}
    progress(1.0)
    return report, titles, sites


class RepairPreviewDialog(QDialog):
    """Shows what a repair changes (numbers here, shapes on the map) and asks to accept it."""

    def __init__(self, preview, original_wkb, canvas=None, site="", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Repair geometry"))
        self.preview = preview
        self.bands = []
        layout = QVBoxLayout(self)
        if preview.geometry is None:
            text = tr("No valid geometry could be made from area \"{site}\". Draw or import it again.").format(
                site=site
            )
        else:
            text = tr(
                "Area \"{site}\": {before} ha in {parts_before} part(s) before, {after} ha in {parts_after} "
                "part(s) after the repair ({change:+.2f} %). The original is shown in red and the repaired "
                "geometry in green on the map."
            ).format(
                site=site,
                before=format_ha(preview.area_before_ha),
                after=format_ha(preview.area_after_ha),
                parts_before=preview.parts_before,
                parts_after=preview.parts_after,
                change=preview.area_change_pct,
            )
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if preview.geometry is not None and abs(preview.area_change_pct) > 5.0:
            warning = QLabel(tr("The repair changes the area by more than 5 %: check it on the map before accepting."))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #c62828")
            layout.addWidget(warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if preview.geometry is not None:
            self.accept_button = buttons.addButton(
                tr("Save the repaired geometry"), QDialogButtonBox.ButtonRole.AcceptRole
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if canvas is not None:
            self._band(canvas, original_wkb, "#c62828")
            if preview.geometry is not None:
                self._band(canvas, bytes(preview.geometry.ExportToIsoWkb()), "#2e7d32")
        self.finished.connect(self._clear)

    def _band(self, canvas, wkb, color):
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        band = QgsRubberBand(canvas, compat.GEOMETRY_POLYGON)
        band.setToGeometry(geometry, QgsCoordinateReferenceSystem("EPSG:4326"))
        band.setStrokeColor(QColor(color))
        fill = QColor(color)
        fill.setAlpha(50)
        band.setFillColor(fill)
        band.setWidth(2)
        self.bands.append((canvas, band))

    def _clear(self, *_args):
        for canvas, band in self.bands:
            canvas.scene().removeItem(band)
        self.bands = []


class ValidationPanel(QWidget):
    """Run validation, list findings, zoom to them and repair geometries."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.report = None
        self.scope = None  # the initiatives of the last run (None: all), validated again after a repair
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.validate_all_button = QPushButton(tr("Validate all"))
        self.validate_selected_button = QPushButton(tr("Validate selected"))
        self.validate_all_button.clicked.connect(lambda: self.validate(None))
        self.validate_selected_button.clicked.connect(lambda: self.validate(self.session.selected_uuids() or None))
        row.addWidget(self.validate_all_button)
        row.addWidget(self.validate_selected_button)
        layout.addLayout(row)
        self.summary = QLabel(tr("Not validated yet in this session."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.severity_combo = QComboBox()
        self.severity_combo.addItem(tr("Errors and warnings"), None)
        self.severity_combo.addItem(tr("Errors only"), ERROR)
        self.severity_combo.addItem(tr("Warnings only"), WARNING)
        self.severity_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_severity(self.severity_combo.currentData())
        )
        layout.addWidget(self.severity_combo)
        self.model = FindingsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(160)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.zoom())
        layout.addWidget(self.view, 1)
        actions = QHBoxLayout()
        self.zoom_button = QPushButton(tr("Zoom to"))
        self.repair_button = QPushButton(tr("Repair geometry…"))
        self.open_button = QPushButton(tr("Open in the form"))
        self.zoom_button.clicked.connect(self.zoom)
        self.repair_button.clicked.connect(self.repair)
        self.open_button.clicked.connect(self.open_in_form)
        actions.addWidget(self.zoom_button)
        actions.addWidget(self.repair_button)
        actions.addWidget(self.open_button)
        layout.addLayout(actions)
        self._update_buttons()

    def selected_finding(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.finding(rows[0].row()) if rows else None

    def _update_buttons(self):
        finding = self.selected_finding()
        self.zoom_button.setEnabled(finding is not None)
        self.open_button.setEnabled(finding is not None)
        self.repair_button.setEnabled(finding is not None and finding.rule in GEOMETRY_RULES)

    def validate(self, uuids=None):
        """Start validating (all initiatives when ``uuids`` is None) in a QgsTask."""
        store = self.session.require_store()
        if store is None:
            return False
        location = store.location
        self.scope = list(uuids) if uuids is not None else None
        return self.session.run_task(
            tr("Validating initiatives"),
            lambda progress, cancelled: run_validation(location, uuids, progress, cancelled),
            self.show_report,
        )

    def show_report(self, result):
        report, titles, sites = result
        self.report = report
        self.model.set_findings(report.findings, titles, sites)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        states = report.initiative_states()
        self.summary.setText(
            tr(
                "{initiatives} initiatives and {areas} areas checked: {errors} errors, {warnings} warnings; "
                "{valid} initiatives valid."
            ).format(
                initiatives=len(report.initiatives_checked),
                areas=len(report.areas_checked),
                errors=len(report.errors()),
                warnings=len(report.warnings()),
                valid=sum(1 for s in states.values() if s == "valid"),
            )
        )
        self._update_buttons()
        self.session.notify_changed()
        skipped = getattr(report, "server_skipped", None)
        if skipped is not None:
            self.session.show_message(skipped.message(tr), compat.MESSAGE_WARNING, 0)

    # --- actions ---------------------------------------------------------------------------
    def _area_of(self, finding):
        initiative = self.session.store.get_initiative(finding.initiative_uuid)
        if initiative is None:
            return None, None
        area = next((a for a in initiative.areas if a.uuid == finding.area_uuid), None)
        return initiative, area

    def zoom(self):
        finding = self.selected_finding()
        if finding is None or self.session.store is None:
            return False
        initiative, area = self._area_of(finding)
        if initiative is None:
            return False
        return self.session.area_layer.zoom_to_areas([area] if area is not None else initiative.areas)

    def open_in_form(self):
        finding = self.selected_finding()
        if finding is not None:
            self.session.request_edit(finding.initiative_uuid, finding.area_uuid)

    def repair(self):
        """Preview the repair of the selected finding's geometry; save it when accepted."""
        finding = self.selected_finding()
        if finding is None or finding.area_uuid is None:
            return False
        initiative, area = self._area_of(finding)
        if area is None or area.geometry_wkb is None:
            self.session.show_error(tr("The area no longer exists in the registry; validate again."))
            return False
        preview = repair_geometry(area.geometry())
        dialog = RepairPreviewDialog(preview, area.geometry_wkb, self.session.canvas, area.site_name, self)
        self.session.area_layer.zoom_to_areas([area])
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or preview.geometry is None:
            return False
        before = copy.deepcopy(initiative)
        area.set_geometry(preview.geometry)
        area.original_crs = before.areas[initiative.areas.index(area)].original_crs
        if not self.session.write_initiative(initiative, before, tr("Repair geometry")):
            return False
        self.validate(self.scope)
        return True

    def select_initiative_findings(self, uuid):
        """Select the first finding of an initiative (after "Validate selected")."""
        for row, finding in enumerate(self.model.findings):
            if finding.initiative_uuid == uuid:
                self.view.selectRow(row)
                return True
        return False
