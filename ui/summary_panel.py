"""Summary of the registry: hectares by restoration status, national gap, ecosystem, department,
and progress toward a national target (ProREST's 330,000 ha by default, editable and remembered).

Each group's hectares are those of the union of its areas' geometries (OGR UnaryUnion per group, measured on
the WGS84 ellipsoid as everywhere in registry/), so areas that overlap (double counting, which the
validation panel reports) count once; the number of areas of each group is shown beside it. An area
listing several ecosystems counts in each of them, and areas of different groups may overlap, so a
table may add up to more than the total, which is the union of all areas.
"""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.errors import Cancelled
from ..algorithms.outcomes.rules import OUTCOME_LABELS
from ..registry import outcome_writeback, vocab
from ..registry.geometry import union_area_ha
from ..registry.store import open_registry
from ..settings import PluginSettings
from ..translation import tr
from .degraded_share import DegradedSharePanel
from .models import format_ha
from .widgets.progress_chart import ProgressChart
from .widgets.vocab_widgets import ui_language

NONE_KEY = ""


def summarize(location, progress=None, is_cancelled=None):
    """Hectares (union of the group's geometries) and area counts per status, gap, ecosystem, department.

    Returns {"status"|"gap"|"ecosystem"|"department": {code or name: ha}, "counts": {same tables:
    {code or name: number of areas}}, "total": ha of the union of all areas, "total_sum": the
    areas' hectares summed one by one, "areas": n}.
    """
    with open_registry(location) as store:
        statuses = {s.uuid: s.restoration_status for s in store.list_initiatives(None)}
        if progress is not None:
            progress(0.1)
        areas = store.list_areas(None)
        outcomes = outcome_writeback.latest_classes(store)  # restoration_outcomes' class per area (issue 14)
    if progress is not None:
        progress(0.2)
    groups = {"status": {}, "gap": {}, "ecosystem": {}, "department": {}, "outcome": {}}
    geometries, total_sum = [], 0.0
    for n, area in enumerate(areas):
        if is_cancelled is not None and n % 500 == 0 and is_cancelled():
            raise Cancelled()
        total_sum += area.area_ha or 0.0
        geometry = area.geometry()
        geometries.append(geometry)
        keys = {
            "status": [statuses.get(area.initiative_uuid)],
            "gap": [area.national_gap],
            "ecosystem": list(area.ecosystems) or [None],
            "department": [area.department or None],
            "outcome": [outcomes.get(area.uuid)],
        }
        for table, codes in keys.items():
            for code in codes:
                groups[table].setdefault(NONE_KEY if code is None else code, []).append(geometry)
    jobs = [(table, key) for table, members in groups.items() for key in members]
    sums = {table: {} for table in groups}
    counts = {table: {key: len(members) for key, members in groups[table].items()} for table in groups}
    for n, (table, key) in enumerate(jobs):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        sums[table][key] = union_area_ha(groups[table][key])
        if progress is not None:
            progress(0.2 + 0.7 * (n + 1) / (len(jobs) + 1))
    total = union_area_ha(geometries)
    if progress is not None:
        progress(1.0)
    return {**sums, "counts": counts, "total": total, "total_sum": total_sum, "areas": len(areas)}


class SummaryPanel(QWidget):
    """Tables and the progress chart; refreshed on demand in a QgsTask."""

    TABLES = (
        ("status", "restorationStatuses"),
        ("gap", "nationalGaps"),
        ("ecosystem", "iucnEcosystems"),
        ("department", None),
        ("outcome", None),
    )

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.data = None
        self._job = None  # the summary task this panel started, while it runs
        self._lang = ui_language()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        layout.addLayout(top)
        form = QFormLayout()
        self.target_spin = QDoubleSpinBox()
        self.target_spin.setRange(1.0, 1e9)
        self.target_spin.setDecimals(0)
        self.target_spin.setGroupSeparatorShown(True)
        self.target_spin.setSuffix(" ha")
        self.target_spin.setValue(PluginSettings.load().target_ha)
        self.target_spin.setToolTip(tr("ProREST's national target is 330,000 ha."))
        self.target_spin.valueChanged.connect(self._target_changed)
        form.addRow(tr("Target"), self.target_spin)
        layout.addLayout(form)
        self.chart = ProgressChart()
        layout.addWidget(self.chart)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        layout.addWidget(self.total_label)
        self.degraded_share = DegradedSharePanel(session)  # the Target 2 share against a status raster (issue 11)
        layout.addWidget(self.degraded_share)
        self.tables = {}
        titles = {
            "status": tr("Hectares by restoration status"),
            "gap": tr("Hectares by national gap"),
            "ecosystem": tr("Hectares by ecosystem (an area with several ecosystems counts in each)"),
            "department": tr("Hectares by department"),
            "outcome": tr("Hectares by restoration outcome (latest restoration_outcomes run)"),
        }
        for key, _vocabulary in self.TABLES:
            box = QGroupBox(titles[key])
            box_layout = QVBoxLayout(box)
            table = QTableWidget(0, 3)
            table.setHorizontalHeaderLabels([tr("Class"), tr("Hectares"), tr("Areas")])
            table.horizontalHeaderItem(1).setToolTip(tr("Hectares of the union of the areas: overlaps count once."))
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setMinimumHeight(90)
            box_layout.addWidget(table)
            self.tables[key] = table
            layout.addWidget(box)
        layout.addStretch(1)

    def _target_changed(self, value):
        PluginSettings.load().update(target_ha=float(value))
        if self.data is not None:
            self._show(self.data)

    def refresh(self):
        """Summarize in a task. Pressed while the summary the tab started on opening is still running
        (the usual case right after opening the tab), it waits for that one rather than reporting that
        another task is running."""
        if self._job is not None and self.session.runner.task is self._job:
            return True
        store = self.session.require_store()
        if store is None:
            return False
        location = store.location
        started = self.session.run_task(
            tr("Summarizing the registry"), lambda progress, cancelled: summarize(location, progress, cancelled),
            self._show,
        )
        if started:
            self._job = self.session.runner.task
            self.refresh_button.setEnabled(False)
            self.session.runner.done.connect(self._job_done)
        return started

    def _job_done(self, _ok, _message):
        self.session.runner.done.disconnect(self._job_done)
        self._job = None
        self.refresh_button.setEnabled(True)

    def label(self, key, code):
        if code == NONE_KEY:
            return tr("(not given)")
        if key == "outcome":
            return tr(OUTCOME_LABELS.get(code, str(code)))
        vocabulary = dict(self.TABLES)[key]
        return vocab.label(vocabulary, code, self._lang) if vocabulary else str(code)

    def _show(self, data):
        self.data = data
        for key, table in self.tables.items():
            rows = sorted(data.get(key, {}).items(), key=lambda kv: -kv[1])
            table.setRowCount(len(rows))
            for row, (code, ha) in enumerate(rows):
                table.setItem(row, 0, QTableWidgetItem(self.label(key, code)))
                item = QTableWidgetItem(format_ha(ha))
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                table.setItem(row, 1, item)
                counted = data["counts"].get(key, {}).get(code, 0)
                count = QTableWidgetItem(f"{int(counted):,}")  # as the log writes numbers
                count.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                table.setItem(row, 2, count)
            table.resizeRowsToContents()
        parts = sorted(data["status"].items(), key=lambda kv: (kv[0] == NONE_KEY, str(kv[0])))
        self.chart.set_data(self.target_spin.value(), [(self.label("status", c), ha) for c, ha in parts])
        text = tr("{areas} areas, {total} ha registered in total.").format(
            areas=data["areas"], total=format_ha(data["total"])
        )
        if data["total_sum"] - data["total"] > 0.005:
            text += " " + tr("Overlapping areas count once; summed area by area they hold {sum} ha.").format(
                sum=format_ha(data["total_sum"])
            )
        self.total_label.setText(text)
