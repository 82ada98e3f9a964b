"""The dock's "Report" button: t2restore:target2_report on the open registry, as a task, then the PDF opened.

The dialog asks for what the registry does not hold (the degraded land, optional departments, the
folder, title, institution and period); the run goes through the session's task runner (progress bar,
Cancel) and, when it succeeds, the printable report opens in the system's PDF viewer.
"""

import os

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QObject, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QToolButton

from .. import compat
from ..algorithms.errors import Cancelled, T2Error
from ..translation import tr

ALGORITHM = "t2restore:target2_report"


class ReportError(T2Error):
    """The algorithm's own (already translated) refusal, shown as it is."""

    def __init__(self, text):
        self.text = text
        super().__init__()

    def message(self, translate=None):
        return self.text


class _Feedback(QgsProcessingFeedback):
    """Processing feedback driven by the task: its progress and its Cancel."""

    def __init__(self, progress, is_cancelled):
        super().__init__()
        self._progress, self._cancelled = progress, is_cancelled
        self.progressChanged.connect(lambda value: self._progress(value / 100.0))

    def isCanceled(self):  # noqa: N802 - QGIS API name
        return self._cancelled() or super().isCanceled()


def run_report(params, progress, is_cancelled):
    """Run target2_report with ``params`` (in a worker thread); its results."""
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
    feedback = _Feedback(progress, is_cancelled)
    try:
        results, ok = alg.run(params, QgsProcessingContext(), feedback, {}, False)
    except QgsProcessingException as error:
        raise ReportError(str(error)) from None
    if is_cancelled():
        raise Cancelled()
    if not ok:
        raise ReportError(tr("The report could not be made; the details are in the log."))
    return results


class ReportDialog(QDialog):
    """What the report needs besides the registry."""

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Target 2 report"))
        form = QFormLayout(self)
        self.degraded = QgsMapLayerComboBox()
        self.zones = QgsMapLayerComboBox()
        self.zones.setFilters(compat.LAYER_FILTER_POLYGON)
        self.zones.setAllowEmptyLayer(True)
        self.zones.setLayer(None)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setFilePath(folder)
        self.title = QLineEdit(tr("Target 2: restoration of degraded land"))
        self.institution, self.period = QLineEdit(), QLineEdit()
        for label, widget in ((tr("Degraded land (polygons, or a raster)"), self.degraded),
                              (tr("Zones (e.g. departments)"), self.zones), (tr("Folder"), self.folder),
                              (tr("Title"), self.title), (tr("Institution"), self.institution),
                              (tr("Period"), self.period)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choices(self):
        """(degraded layer source, zones source or None, folder, title, institution, period)."""
        degraded, zones = self.degraded.currentLayer(), self.zones.currentLayer()
        return (degraded.source() if degraded else None, zones.source() if zones else None,
                self.folder.filePath(), self.title.text(), self.institution.text(), self.period.text())


class ReportAction(QObject):
    """The "Report" button of the dock, talking only to the RegistrySession."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.button = QToolButton()
        self.button.setText(tr("Report…"))
        self.button.setToolTip(tr("Target 2 report of the open registry: workbook, printable PDF and layout"))
        self.button.clicked.connect(lambda: self.ask())
        self.last_results = None

    def ask(self):
        if not self.session.require_store():
            return False
        folder = os.path.dirname(str(self.session.location))
        dialog = ReportDialog(folder, self.button.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.start(*dialog.choices())

    def parameters(self, degraded, zones, folder, title, institution, period):
        stem = os.path.splitext(os.path.basename(str(self.session.location)))[0] + "_meta2"
        params = {"DEGRADED": degraded, "RESTORATION_AREAS": self.session.store.layer_uri(), "TITLE": title,
                  "INSTITUTION": institution, "PERIOD": period, "OUTPUT_XLSX": os.path.join(folder, stem + ".xlsx"),
                  "OUTPUT_PDF": os.path.join(folder, stem + ".pdf")}
        if zones:
            params["ZONES"] = zones
        return params

    def start(self, degraded, zones, folder, title="", institution="", period=""):
        """Run the report as a task; the PDF opens when it is done."""
        if not self.session.require_store():
            return False
        if not degraded:
            self.session.show_error(tr("Choose the degraded land layer for the report."))
            return False
        params = self.parameters(degraded, zones, folder, title, institution, period)
        return self.session.run_task(tr("Target 2 report"), lambda progress, cancelled: run_report(
            params, progress, cancelled), self._done)

    def _done(self, results):
        self.last_results = results
        pdf = results.get("OUTPUT_PDF")
        self.session.show_success(tr("Report written: {path}").format(path=pdf))
        QDesktopServices.openUrl(QUrl.fromLocalFile(pdf))
