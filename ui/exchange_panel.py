"""FERM exchange from the dock: export a FERM-compatible GeoPackage, import one back.

Both run as QgsTasks on their own registry connection. The export's validation report (areas
exported, warnings, areas refused and why) is shown here and saved beside the file by
``registry.ferm``; the import's conflicts (initiatives that differ from the registry's copy) are
listed with what was done about each.
"""

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..registry import ferm
from ..registry.store import open_registry
from ..translation import tr
from .gap_writeback import write_gaps
from .models import FindingsModel

SETTINGS_EXPORT = "t2restore/registry/last_export"


def run_export(location, output, uuids, gef_table, progress, is_cancelled):
    """Export in a worker thread; returns (ExportResult, titles, sites) for the report view."""
    with open_registry(location) as store:
        result = ferm.export_ferm(
            store, output, uuids=uuids, gef_table=gef_table, translate=tr, progress=progress, is_cancelled=is_cancelled
        )
        wanted = result.report.initiatives_checked
        initiatives = store.get_initiatives(wanted) if wanted else []
    titles = {i.uuid: i.title for i in initiatives}
    sites = {a.uuid: a.site_name or a.uuid[:8] for i in initiatives for a in i.areas}
    return result, titles, sites


def run_import(location, path, on_conflict, progress, is_cancelled):
    with open_registry(location) as store:
        return ferm.import_ferm(path, store, on_conflict=on_conflict, progress=progress, is_cancelled=is_cancelled)


class ExchangePanel(QWidget):
    """Export and import of FERM-compatible GeoPackages, with their reports."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.result = None
        self.import_result = None
        layout = QVBoxLayout(self)
        export_box = QGroupBox(tr("Export to FERM (GeoPackage)"))
        export_form = QFormLayout(export_box)
        self.all_radio = QRadioButton(tr("All initiatives"))
        self.selected_radio = QRadioButton(tr("Initiatives selected in the list"))
        self.all_radio.setChecked(True)
        export_form.addRow(self.all_radio)
        export_form.addRow(self.selected_radio)
        self.gef_check = QCheckBox(tr("Add the FAO-GEF table (ID_CODE, Restor_str, …)"))
        export_form.addRow(self.gef_check)
        self.export_file = QgsFileWidget()
        self.export_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.export_file.setFilter(tr("GeoPackage (*.gpkg)"))
        self.export_file.setConfirmOverwrite(True)
        export_form.addRow(tr("File"), self.export_file)
        self.export_button = QPushButton(tr("Export"))
        self.export_button.clicked.connect(lambda: self.export())
        export_form.addRow(self.export_button)
        self.export_summary = QLabel()
        self.export_summary.setWordWrap(True)
        self.export_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        export_form.addRow(self.export_summary)
        self.findings_model = FindingsModel(self)
        self.findings_view = QTableView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.verticalHeader().setVisible(False)
        self.findings_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.findings_view.setMinimumHeight(120)
        export_form.addRow(self.findings_view)
        layout.addWidget(export_box)

        import_box = QGroupBox(tr("Import a FERM-compatible GeoPackage"))
        import_form = QFormLayout(import_box)
        self.import_file = QgsFileWidget()
        self.import_file.setFilter(tr("GeoPackage (*.gpkg)"))
        import_form.addRow(tr("File"), self.import_file)
        self.conflict_combo = QComboBox()
        self.conflict_combo.addItem(tr("Keep the registry's version"), "keep")
        self.conflict_combo.addItem(tr("Take the file's version"), "replace")
        import_form.addRow(tr("When an initiative differs"), self.conflict_combo)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.clicked.connect(lambda: self.import_file_())
        import_form.addRow(self.import_button)
        self.import_summary = QLabel()
        self.import_summary.setWordWrap(True)
        import_form.addRow(self.import_summary)
        self.conflict_table = QTableWidget(0, 3)
        self.conflict_table.setHorizontalHeaderLabels([tr("Initiative"), tr("Differing fields"), tr("Resolution")])
        self.conflict_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.verticalHeader().setVisible(False)
        self.conflict_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflict_table.setMinimumHeight(90)
        import_form.addRow(self.conflict_table)
        layout.addWidget(import_box)
        layout.addWidget(self._gap_box())
        layout.addStretch(1)

    def _gap_box(self):
        """Gaps and protected areas written into the registry (t2restore:gap_overlap)."""
        box = QGroupBox(tr("National gap and protected area of each area"))
        form = QFormLayout(box)
        self.gap_a_combo, self.gap_b_combo = QgsMapLayerComboBox(), QgsMapLayerComboBox()
        self.protected_combo = QgsMapLayerComboBox()
        for combo in (self.gap_a_combo, self.gap_b_combo, self.protected_combo):
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.protected_combo.setAllowEmptyLayer(True)
        self.protected_field = QgsFieldComboBox()
        self.protected_field.setAllowEmptyFieldName(True)
        self.protected_combo.layerChanged.connect(self.protected_field.setLayer)
        form.addRow(tr("MINAM recovery gap (A)"), self.gap_a_combo)
        form.addRow(tr("SERFOR restoration gap (B)"), self.gap_b_combo)
        form.addRow(tr("Protected areas"), self.protected_combo)
        form.addRow(tr("Name field"), self.protected_field)
        self.gap_button = QPushButton(tr("Write into the registry"))
        self.gap_button.setToolTip(tr("Runs «Overlap of the two national restoration gaps» on the registry's "
                                      "areas and stores the gap and protected area of each, in one transaction."))
        self.gap_button.clicked.connect(lambda: self.write_gaps())
        form.addRow(self.gap_button)
        self.gap_summary = QLabel()
        self.gap_summary.setWordWrap(True)
        form.addRow(self.gap_summary)
        return box

    # --- export ----------------------------------------------------------------------------
    def export(self, output=None, selected=None):
        store = self.session.require_store()
        if store is None:
            return False
        output = output or self.export_file.filePath()
        if not output:
            self.session.show_error(tr("Choose the file to export to."))
            return False
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        if ferm.same_file(output, store.location):
            self.session.show_error(ferm.ExportOverRegistryError(path=output).message(tr))
            return False
        selected = self.selected_radio.isChecked() if selected is None else selected
        uuids = None
        if selected:
            uuids = self.session.selected_uuids()
            if not uuids:
                self.session.show_error(tr("Select initiatives in the list, or export all of them."))
                return False
        location, gef = store.location, self.gef_check.isChecked()
        return self.session.run_task(
            tr("Exporting to FERM"),
            lambda progress, cancelled: run_export(location, output, uuids, gef, progress, cancelled),
            self.show_export,
        )

    def show_export(self, outcome):
        result, titles, sites = outcome
        self.result = result
        findings = list(result.file_findings) + list(result.report.findings)
        self.findings_model.set_findings(findings, titles, sites)
        self.findings_view.resizeColumnsToContents()
        self.findings_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lines = [
            tr("{initiatives} initiatives and {areas} areas exported to {path}.").format(
                initiatives=len(result.initiatives_exported), areas=len(result.areas_exported), path=result.path
            ),
            tr("{refused} areas refused (errors), {warnings} warnings.").format(
                refused=len(result.areas_refused), warnings=len(result.report.warnings()) + len(result.file_findings)
            ),
            tr("Validation report: {json} and {csv}").format(json=result.report_json, csv=result.report_csv),
        ]
        for finding in result.file_findings:
            lines.append(finding.message(tr))
        self.export_summary.setText("\n".join(lines))
        self.session.show_success(lines[0])

    # --- gaps ------------------------------------------------------------------------------
    def write_gaps(self):
        store = self.session.require_store()
        if store is None:
            return False
        gap_a, gap_b = self.gap_a_combo.currentLayer(), self.gap_b_combo.currentLayer()
        if gap_a is None or gap_b is None:
            self.session.show_error(tr("Choose the layers of both gaps (MINAM and SERFOR)."))
            return False
        protected = self.protected_combo.currentLayer()
        sources = (gap_a.source(), gap_b.source(), protected.source() if protected is not None else None,
                   self.protected_field.currentField())
        location = store.location
        return self.session.run_task(
            tr("Writing gaps into the registry"),
            lambda progress, cancelled: write_gaps(location, *sources, progress, cancelled),
            self.show_gaps,
        )

    def show_gaps(self, outcome):
        changed, _messages = outcome
        text = tr("Gap and protected area written: {count} areas changed.").format(count=changed)
        self.gap_summary.setText(text)
        self.session.notify_changed()
        self.session.show_success(text)

    # --- import ----------------------------------------------------------------------------
    def import_file_(self, path=None, on_conflict=None):
        store = self.session.require_store()
        if store is None:
            return False
        path = path or self.import_file.filePath()
        if not path:
            self.session.show_error(tr("Choose the GeoPackage to import."))
            return False
        on_conflict = on_conflict or self.conflict_combo.currentData()
        location = store.location
        return self.session.run_task(
            tr("Importing from a FERM GeoPackage"),
            lambda progress, cancelled: run_import(location, path, on_conflict, progress, cancelled),
            self.show_import,
        )

    def show_import(self, result):
        self.import_result = result
        text = tr(
            "{inserted} initiatives added, {replaced} replaced, {unchanged} unchanged, {conflicts} conflicts."
        ).format(
            inserted=len(result.inserted),
            replaced=len(result.replaced),
            unchanged=len(result.unchanged),
            conflicts=len(result.conflicts),
        )
        self.import_summary.setText(text)
        resolutions = {
            "kept registry": tr("kept the registry's version"),
            "replaced": tr("replaced by the file's version"),
            "skipped": tr("skipped: an area belongs to another initiative"),
        }
        self.conflict_table.setRowCount(len(result.conflicts))
        for row, conflict in enumerate(result.conflicts):
            self.conflict_table.setItem(row, 0, QTableWidgetItem(conflict.title))
            self.conflict_table.setItem(row, 1, QTableWidgetItem(", ".join(conflict.fields)))
            self.conflict_table.setItem(
                row, 2, QTableWidgetItem(resolutions.get(conflict.resolution, conflict.resolution))
            )
        self.session.notify_changed()
        self.session.show_success(text)
