"""The initiative list of the dock: a lazy table view of fixed column widths, and narrow filter combos."""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QComboBox, QHeaderView

from ..compat import QAction
from .models import InitiativeListModel

WIDTHS = {"status": 13, "validation": 15, "areas": 6, "hectares": 11, "departments": 14, "years": 10}  # in chars
HIDDEN = ("areas", "years")  # shown from the header's context menu


def narrow_combo(combo, chars=10):
    """A combo box whose width does not follow its longest item (long vocabulary labels would widen the
    dock); the list it opens still shows whole labels, and the current one is in the tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.setToolTip(combo.currentText())


def setup_list_view(view, model):
    """Rows selected whole, sorted by title, one line per row, the columns of ``setup_list_columns``."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    setup_list_columns(view, model)
    view.horizontalHeader().setSortIndicatorShown(True)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setWordWrap(False)


def setup_list_columns(view, model):
    """Fixed widths (no resize-to-contents: that would read every page of a 10,000-row list),
    the title stretched, less used columns hidden; the header's context menu shows or hides them."""
    header = view.horizontalHeader()
    em = view.fontMetrics().averageCharWidth()
    for column, name in enumerate(InitiativeListModel.COLUMNS):
        if name == "title":
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, WIDTHS[name] * em)
    header.setMinimumSectionSize(4 * em)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column, name in enumerate(InitiativeListModel.COLUMNS):
        if name == "title":
            continue
        action = QAction(model.headerData(column, Qt.Orientation.Horizontal), header)
        action.setCheckable(True)
        action.setChecked(name not in HIDDEN)
        action.toggled.connect(lambda on, c=column: view.setColumnHidden(c, not on))
        view.setColumnHidden(column, not action.isChecked())
        header.addAction(action)
