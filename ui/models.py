"""Item models of the dock: the initiative list (lazy, page by page) and validation findings.

The list must stay fast with 10,000 initiatives: it asks the store for the count and then only
for the pages the view actually paints (``list_initiatives(limit, offset)``), keeping a few pages
in memory. Nothing loads full initiatives; the form does that for the one being edited.
"""

from collections import OrderedDict

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QColor

from ..registry import vocab
from ..registry.store import STATE_ERRORS, STATE_UNCHECKED, STATE_VALID, STATE_WARNINGS
from ..translation import tr
from .widgets.vocab_widgets import ui_language

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

STATE_COLORS = {
    STATE_UNCHECKED: QColor("#9e9e9e"),
    STATE_VALID: QColor("#2e7d32"),
    STATE_WARNINGS: QColor("#f9a825"),
    STATE_ERRORS: QColor("#c62828"),
}


def state_label(state):
    """Translated name of a validation state (the stored value is the English key)."""
    return {
        STATE_UNCHECKED: tr("Not validated"),
        STATE_VALID: tr("Valid"),
        STATE_WARNINGS: tr("Warnings"),
        STATE_ERRORS: tr("Errors"),
    }.get(state, state)


def format_ha(value):
    """Hectares with two decimals, written as in the log (``translation.format_ha``)."""
    from ..translation import format_ha as _format_ha

    return _format_ha(value)


class InitiativeListModel(QAbstractTableModel):
    """Initiatives matching a filter, fetched from the store one page at a time."""

    PAGE = 200
    MAX_PAGES = 12
    COLUMNS = ("title", "status", "validation", "areas", "hectares", "departments", "years")
    # Columns the store can sort by, and the store's key for each.
    SORT_KEYS = {"title": "title", "years": "start_year"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self.filter = None
        self.order_by = "title"
        self.descending = False
        self._count = 0
        self._pages = OrderedDict()
        self._lang = ui_language()
        self._headers = {
            "title": tr("Title"),
            "status": tr("Status"),
            "validation": tr("Validation"),
            "areas": tr("Areas"),
            "hectares": tr("Hectares"),
            "departments": tr("Departments"),
            "years": tr("Years"),
        }

    # --- loading ---------------------------------------------------------------------------
    def set_store(self, store):
        self.store = store
        self.refresh()

    def set_filter(self, flt):
        self.filter = flt
        self.refresh()

    def refresh(self):
        """Count again and forget cached pages (after a save, a delete, an import)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self.store.count_initiatives(self.filter) if self.store is not None else 0
        self.endResetModel()

    def _page(self, number):
        page = self._pages.get(number)
        if page is None:
            page = self.store.list_initiatives(
                self.filter, self.order_by, self.descending, limit=self.PAGE, offset=number * self.PAGE
            )
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def summary(self, row):
        """The ``InitiativeSummary`` of a row (None past the end)."""
        if self.store is None or not 0 <= row < self._count:
            return None
        page = self._page(row // self.PAGE)
        offset = row % self.PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, uuid):
        """Row of an initiative among the cached pages, or -1 (the caller may search the store)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.uuid == uuid:
                    return number * self.PAGE + offset
        return -1

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.summary(index.row())
        if item is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "validation":
            return STATE_COLORS.get(item.validation_state)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return item.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("areas", "hectares"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UUID_ROLE:
            return item.uuid
        if role == SUMMARY_ROLE:
            return item
        return None

    def _display(self, item, column):
        if column == "title":
            return item.title or tr("(untitled)")
        if column == "status":
            if item.restoration_status is None:
                return ""
            return vocab.label("restorationStatuses", item.restoration_status, self._lang)
        if column == "validation":
            return state_label(item.validation_state)
        if column == "areas":
            return str(item.area_count)
        if column == "hectares":
            return format_ha(item.area_ha)
        if column == "departments":
            return ", ".join(item.departments)
        if column == "years":
            if item.start_year is None and item.end_year is None:
                return ""
            return "%s–%s" % (item.start_year or "?", item.end_year or "?")
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        key = self.SORT_KEYS.get(self.COLUMNS[column])
        if key is None:
            return
        self.order_by = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()


class FindingsModel(QAbstractTableModel):
    """Validation findings (and export refusals): severity, initiative, site, message."""

    COLUMNS = ("severity", "initiative", "site", "message")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings = []
        self._all = []
        self.titles = {}
        self.sites = {}
        self.severity = None
        self._headers = {
            "severity": tr("Severity"),
            "initiative": tr("Initiative"),
            "site": tr("Area"),
            "message": tr("Problem"),
        }

    def set_findings(self, findings, titles=None, sites=None):
        """Show ``findings`` (validate.Finding); titles/sites map uuids to names for display."""
        self.beginResetModel()
        self._all = list(findings)
        self.titles = dict(titles or {})
        self.sites = dict(sites or {})
        self.findings = [f for f in self._all if self.severity is None or f.severity == self.severity]
        self.endResetModel()

    def set_severity(self, severity):
        self.severity = severity
        self.set_findings(self._all, self.titles, self.sites)

    def finding(self, row):
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        finding = self.finding(index.row()) if index.isValid() else None
        if finding is None:
            return None
        column = self.COLUMNS[index.column()]
        error = finding.severity == "error"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "severity":
                return tr("Error") if error else tr("Warning")
            if column == "initiative":
                return self.titles.get(finding.initiative_uuid, "")
            if column == "site":
                return self.sites.get(finding.area_uuid, "") if finding.area_uuid else tr("(initiative)")
            return finding.message(tr)
        if role == Qt.ItemDataRole.DecorationRole and column == "severity":
            return STATE_COLORS[STATE_ERRORS if error else STATE_WARNINGS]
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return finding.message(tr)
        return None
