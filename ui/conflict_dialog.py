"""Two people saved the same initiative: both versions side by side, field by field.

Shown by the session when a save is refused with ``ConflictError`` (the registry holds a newer
revision, saved from another machine or window). For every field that differs the user keeps the
registry's value or theirs; "Keep mine" and "Keep the registry's" choose all at once. The merged
initiative carries the registry's revision, so saving it is an ordinary, checked save: if yet
another save slipped in meanwhile, the dialog comes again.
"""

import copy
import json

from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..registry.ferm import differing_fields
from ..translation import tr


def _text(value):
    """A field value shown in a cell: lists and records as compact JSON, at most 200 characters."""
    if isinstance(value, (list, dict)):
        from dataclasses import asdict, is_dataclass

        value = [asdict(v) if is_dataclass(v) else v for v in value] if isinstance(value, list) else value
        value = json.dumps(value, ensure_ascii=False, default=str)
        value = value.replace('"geometry_wkb": ', "").strip()
    text = "" if value is None else str(value)
    return text if len(text) <= 200 else text[:199] + "…"


def merge(mine, theirs, keep_mine_fields):
    """The registry's version with the fields in ``keep_mine_fields`` taken from mine; registry revision."""
    merged = copy.deepcopy(theirs)
    for name in keep_mine_fields:
        setattr(merged, name, copy.deepcopy(getattr(mine, name)))
    merged.revision = theirs.revision
    return merged


class ConflictDialog(QDialog):
    """Field-by-field choice between my version and the registry's."""

    def __init__(self, mine, theirs, parent=None):
        super().__init__(parent)
        self.mine, self.theirs = mine, theirs
        self.fields = differing_fields(theirs, mine)
        self.setWindowTitle(tr("Someone else saved this initiative"))
        layout = QVBoxLayout(self)
        label = QLabel(tr('"{title}" was saved by someone else (revision {theirs}) after you opened it (revision '
                          '{mine}). Choose, field by field, which value to keep.').format(
            title=theirs.title, theirs=theirs.revision, mine=mine.revision))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = QTableWidget(len(self.fields), 4)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("In the registry"), tr("Mine"), tr("Keep")])
        self.groups = {}
        for row, name in enumerate(self.fields):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(_text(getattr(theirs, name))))
            self.table.setItem(row, 2, QTableWidgetItem(_text(getattr(mine, name))))
            self.table.setCellWidget(row, 3, self._choice(name))
        layout.addWidget(self.table)
        all_row = QHBoxLayout()
        self.keep_mine_button = QPushButton(tr("Keep mine"))
        self.keep_theirs_button = QPushButton(tr("Keep the registry's"))
        self.keep_mine_button.clicked.connect(lambda: self.choose_all(True))
        self.keep_theirs_button.clicked.connect(lambda: self.choose_all(False))
        all_row.addWidget(self.keep_mine_button)
        all_row.addWidget(self.keep_theirs_button)
        layout.addLayout(all_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choice(self, name):
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(2, 0, 2, 0)
        group = QButtonGroup(cell)
        theirs, mine = QRadioButton(tr("registry")), QRadioButton(tr("mine"))
        mine.setChecked(True)
        for n, button in enumerate((theirs, mine)):
            group.addButton(button, n)
            row.addWidget(button)
        self.groups[name] = (theirs, mine)
        return cell

    def choose_all(self, keep_mine):
        for theirs, mine in self.groups.values():
            (mine if keep_mine else theirs).setChecked(True)

    def choose(self, name, keep_mine):
        theirs, mine = self.groups[name]
        (mine if keep_mine else theirs).setChecked(True)

    def merged(self):
        """The initiative to save: the registry's version with the fields chosen as "mine"."""
        return merge(self.mine, self.theirs, [n for n, (_t, m) in self.groups.items() if m.isChecked()])


def resolve(mine, theirs, parent=None):
    """Show the dialog; the merged initiative to save, or None when the user cancels."""
    dialog = ConflictDialog(mine, theirs, parent)
    return dialog.merged() if dialog.exec() == QDialog.DialogCode.Accepted else None
