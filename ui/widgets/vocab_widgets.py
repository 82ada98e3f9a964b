"""Widgets that show FERM vocabularies by label in the user's language and hand back codes.

The registry stores codes only (FERM's, verbatim); people read labels. These widgets are the one
place where one becomes the other, so a label can never leak into the registry. A code that is
not in the vocabulary (read from an old or foreign file) is shown as such and kept, never dropped:
silently losing a value on "open and save" would break the lossless round trip.
"""

from datetime import date

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...registry import vocab
from ...translation import qgis_locale, tr

CODE_ROLE = Qt.ItemDataRole.UserRole
EMPTY_TEXT = "—"


def ui_language():
    """ "es" under a Spanish QGIS locale (es, es_PE ...), else "en": the vocabularies have both."""
    return "es" if qgis_locale().lower().startswith("es") else "en"


def same_code(a, b):
    """Codes compare type-exactly (1 and "1" are different codes), as the vocabularies do."""
    return type(a) is type(b) and a == b


def entry_text(entry, lang):
    """Label of an entry, prefixed by its parent for nested vocabularies (activities)."""
    label = entry.label(lang)
    parent = entry.parent_es if lang == "es" else entry.parent_en
    group = entry.group_es if lang == "es" else entry.group_en
    if parent and parent != group:
        return parent + " › " + label
    return label


def unknown_text(code):
    return tr("{code} (not in the vocabulary)").format(code=code)


class CodeComboBox(QComboBox):
    """Single choice from a vocabulary: labels shown, ``code()`` returns the code (None when empty)."""

    def __init__(self, vocabulary, allow_empty=True, lang=None, parent=None):
        super().__init__(parent)
        self.vocabulary = vocab.get(vocabulary)
        lang = lang or ui_language()
        if allow_empty:
            self.addItem(EMPTY_TEXT, None)
        for entry in self.vocabulary.entries:
            if entry.selectable:
                self.addItem(entry_text(entry, lang), entry.code)
                self.setItemData(self.count() - 1, str(entry.code), Qt.ItemDataRole.ToolTipRole)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def code(self):
        return self.currentData(CODE_ROLE)

    def index_of(self, code):
        for i in range(self.count()):
            if same_code(self.itemData(i, CODE_ROLE), code):
                return i
        return -1

    def set_code(self, code):
        index = self.index_of(code)
        if index < 0:
            if code is None or code == "":
                index = 0
            else:
                self.addItem(unknown_text(code), code)
                index = self.count() - 1
        self.setCurrentIndex(index)


class CodeListWidget(QWidget):
    """Multiple choice from a vocabulary as a checkable list (with a filter for long lists)."""

    changed = pyqtSignal()

    def __init__(self, vocabulary, lang=None, max_height=118, parent=None):
        super().__init__(parent)
        self.vocabulary = vocab.get(vocabulary)
        self._order = []
        lang = lang or ui_language()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.filter = None
        if len(self.vocabulary.entries) > 12:
            self.filter = QLineEdit(self)
            self.filter.setPlaceholderText(tr("Filter the list…"))
            self.filter.setClearButtonEnabled(True)
            self.filter.textChanged.connect(self._apply_filter)
            layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(max_height)
        self.list.setUniformItemSizes(True)
        layout.addWidget(self.list)
        bold = QFont()
        bold.setBold(True)
        for entry in self.vocabulary.entries:
            item = QListWidgetItem(entry_text(entry, lang) if entry.selectable else entry.label(lang))
            item.setToolTip(str(entry.code))
            if entry.selectable:
                item.setData(CODE_ROLE, entry.code)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setFont(bold)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def _items(self):
        return [self.list.item(i) for i in range(self.list.count())]

    def _apply_filter(self, text):
        from ...registry.text import fold

        wanted = fold(text)
        for item in self._items():
            item.setHidden(bool(wanted) and wanted not in fold(item.text() + " " + item.toolTip()))

    def codes(self):
        """Checked codes: those loaded first, in their stored order, then new ones in list order."""
        checked = [
            item.data(CODE_ROLE) for item in self._items() if item.checkState() == Qt.CheckState.Checked
        ]
        kept = [c for c in self._order if any(same_code(c, k) for k in checked)]
        return kept + [c for c in checked if not any(same_code(c, k) for k in kept)]

    def set_codes(self, codes):
        codes = list(codes or [])
        self._order = codes
        self.list.blockSignals(True)
        try:
            for item in self._items():
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    code = item.data(CODE_ROLE)
                    on = any(same_code(code, c) for c in codes)
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            known = [item.data(CODE_ROLE) for item in self._items()]
            for code in codes:
                if not any(same_code(code, k) for k in known):
                    item = QListWidgetItem(unknown_text(code))
                    item.setData(CODE_ROLE, code)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                    self.list.addItem(item)
                    known.append(code)
        finally:
            self.list.blockSignals(False)

    def check(self, code, on=True):
        """Check or uncheck one code (used by tests and by keyboard-free scripting)."""
        for item in self._items():
            if same_code(item.data(CODE_ROLE), code):
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return True
        return False

    def labels(self):
        """Texts of the selectable entries, as the user sees them."""
        return [item.text() for item in self._items() if item.flags() & Qt.ItemFlag.ItemIsUserCheckable]


class YearSpinBox(QSpinBox):
    """A year or nothing: 0 shows "—" (no year); stepping up from nothing starts at this year."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRange(0, 2100)
        self.setSpecialValueText(EMPTY_TEXT)
        self.setValue(0)

    def stepBy(self, steps):  # noqa: N802 - Qt API name
        if self.value() == 0:
            self.setValue(date.today().year)
        else:
            super().stepBy(steps)

    def year(self):
        return self.value() or None

    def set_year(self, year):
        self.setValue(int(year) if year else 0)


class OptionalAreaSpinBox(QDoubleSpinBox):
    """A positive number or nothing (0 shows "—"), for declared and target areas."""

    def __init__(self, parent=None, suffix=""):
        super().__init__(parent)
        self.setRange(0.0, 1e9)
        self.setDecimals(2)
        self.setGroupSeparatorShown(True)
        self.setSpecialValueText(EMPTY_TEXT)
        if suffix:
            self.setSuffix(suffix)

    def number(self):
        return self.value() or None

    def set_number(self, value):
        self.setValue(float(value) if value else 0.0)
