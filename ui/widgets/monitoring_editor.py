"""The monitoring values of one area (FERM: indicator code, unit, date, value) as a small table.

The indicator is chosen by label from FERM's ``indicators`` vocabulary (the SDG indicators) and
stored as its code; a code that is not in the vocabulary (a free indicator name read from a file)
is kept, never dropped. Unit, date and value are typed. What is typed is kept as typed, even when
invalid, so nothing is lost when switching areas; ``value_problems`` says what keeps a row from
being saved (the form refuses to save while any row has a problem) and invalid cells are tinted.
"""

import re
from datetime import date

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...registry.model import MonitoringValue
from ...translation import tr
from .outcome_chart import OutcomeChart
from .vocab_widgets import CODE_ROLE, CodeComboBox, ui_language

INDICATOR, UNIT, DATE, VALUE = range(4)
META_ROLE = Qt.ItemDataRole.UserRole + 1
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INVALID_BRUSH = QBrush(QColor("#f8d0d0"))


def parse_number(text):
    """A float from what a user typed ("12.5", "12,5"), or None when it is not a number."""
    text = str(text).strip()
    if not text:
        return None
    try:
        number = float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def is_iso_date(text):
    """True for a real calendar date written YYYY-MM-DD."""
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def value_problems(value):
    """Translated problems of one MonitoringValue (empty when it can be saved)."""
    found = []
    if not str(value.indicator or "").strip():
        found.append(tr("choose an indicator"))
    if not is_iso_date(value.date):
        found.append(tr("the date \"{date}\" is not a date (YYYY-MM-DD)").format(date=value.date or ""))
    if isinstance(value.value, bool) or not isinstance(value.value, (int, float)):
        shown = "" if value.value is None else value.value
        found.append(tr("the value \"{value}\" is not a number").format(value=shown))
    return found


class IndicatorComboBox(CodeComboBox):
    """FERM's indicators by their own label (which starts with the code), without the goal/target path."""

    def __init__(self, parent=None):
        super().__init__("indicators", allow_empty=True, parent=parent)
        lang = ui_language()
        for i in range(self.count()):
            entry = self.vocabulary.get(self.itemData(i, CODE_ROLE))
            if entry is not None:
                self.setItemText(i, entry.label(lang))
                self.setItemData(i, entry.label(lang), Qt.ItemDataRole.ToolTipRole)
        self.setMinimumContentsLength(18)


class MonitoringEditor(QWidget):
    """Rows of (indicator, unit, date, value) of one area; ``values()`` gives MonitoringValue objects."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Indicator"), tr("Unit"), tr("Date (YYYY-MM-DD)"), tr("Value")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Stretch)
        for column in (UNIT, DATE, VALUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add value"))
        self.remove_button = QPushButton(tr("Remove value"))
        self.add_button.clicked.connect(lambda: self.add_value(MonitoringValue(date=date.today().isoformat())))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.outcome_chart = OutcomeChart()  # the series inside vs matched controls, when restoration_outcomes ran
        layout.addWidget(self.outcome_chart)

    def set_values(self, values):
        values = list(values or [])
        self._loading = True
        try:
            self.table.setRowCount(0)
            for value in values:
                self.add_value(value, select=False)
        finally:
            self._loading = False
        self.outcome_chart.set_values(values)

    def add_value(self, value, select=True):
        """Append a row showing ``value`` (its uuid and note are kept)."""
        loading, self._loading = self._loading, True
        row = self.table.rowCount()
        try:
            self.table.insertRow(row)
            combo = IndicatorComboBox()
            combo.set_code(value.indicator or None)
            combo.currentIndexChanged.connect(self._combo_changed)
            self.table.setCellWidget(row, INDICATOR, combo)
            unit = QTableWidgetItem(value.unit or "")
            unit.setData(META_ROLE, (value.uuid, value.note or ""))
            self.table.setItem(row, UNIT, unit)
            self.table.setItem(row, DATE, QTableWidgetItem(value.date or ""))
            shown = value.value
            if isinstance(shown, float) and shown.is_integer():
                shown = int(shown)
            self.table.setItem(row, VALUE, QTableWidgetItem("" if shown is None else str(shown)))
            for column in (DATE, VALUE):
                self.table.item(row, column).setTextAlignment(
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            self._mark(row)
        finally:
            self._loading = loading
        if select:
            self.table.selectRow(row)
            self.table.setCurrentCell(row, UNIT)
            self._emit()
        return row

    def remove_selected(self):
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._emit()

    def value_at(self, row):
        combo = self.table.cellWidget(row, INDICATOR)
        unit = self.table.item(row, UNIT)
        uuid, note = unit.data(META_ROLE) or (None, "")
        text = self.table.item(row, VALUE).text().strip()
        number = parse_number(text)
        value = MonitoringValue(
            indicator=combo.code() or "",
            unit=unit.text().strip(),
            date=self.table.item(row, DATE).text().strip(),
            value=number if number is not None else (text or None),
            note=note,
        )
        if uuid:
            value.uuid = uuid
        return value

    def values(self):
        return [self.value_at(row) for row in range(self.table.rowCount())]

    def _mark(self, row):
        value = self.value_at(row)
        checks = {DATE: is_iso_date(value.date), VALUE: isinstance(value.value, float)}
        for column, ok in checks.items():
            item = self.table.item(row, column)
            item.setBackground(QBrush() if ok else INVALID_BRUSH)

    def _item_changed(self, item):
        if self._loading or self.table.item(item.row(), VALUE) is None:
            return
        self._loading = True
        try:
            self._mark(item.row())
        finally:
            self._loading = False
        self._emit()

    def _combo_changed(self, *_args):
        self._emit()

    def _emit(self):
        if not self._loading:
            self.changed.emit()
