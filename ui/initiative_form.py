"""The form that creates and edits one initiative: FERM fields, organizations, contacts, areas.

The form edits a copy of an ``Initiative``; nothing reaches the registry until the dock saves it
(one store transaction), so "Revert" is always possible and a half-filled form never leaves a
half-written initiative. Vocabulary fields are the code widgets of widgets/vocab_widgets.py, so
labels are shown in the user's language and codes are stored. The pages are laid out by
ui/forms/initiative_{general,people,areas}.ui; which registry field each widget shows, and how it
is read back and checked, is the one table of ``bindings.py``.
"""

import copy

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.geometry import ellipsoidal_area_ha
from ..registry.model import Area, Contact, Initiative, Organization
from ..translation import tr
from . import bindings
from .bindings import AREA_FIELDS, INITIATIVE_FIELDS
from .designer import load_form
from .models import format_ha
from .widgets.monitoring_editor import value_problems
from .widgets.vocab_widgets import CodeComboBox

LEAD_ROLE = 1
SUPPORT_ROLE = 2


def scrolled(widget):
    """``widget`` inside a scroll area, so the dock fits a laptop screen whatever its height."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def new_initiative():
    """A blank initiative with FERM's defaults for Peru (country PE, FERM reporting, draft)."""
    return Initiative()


def _row_table(table, stretch_column=0):
    """Table settings the .ui files leave to code (enums are spelled differently by Qt5's and Qt6's uic)."""
    table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)


class InitiativeForm(QWidget):
    """Edits a copy of one initiative; ``collect()`` returns the edited copy.

    Layout: ui/forms/initiative_*.ui; fields: ``bindings.INITIATIVE_FIELDS`` and ``AREA_FIELDS``.
    """

    changed = pyqtSignal()
    draw_requested = pyqtSignal()
    import_requested = pyqtSignal()
    admin_requested = pyqtSignal()
    zoom_area_requested = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.initiative = new_initiative()
        self.areas = []
        self.dirty = False
        self._loading = False
        self._current_area = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        self.tabs.addTab(scrolled(self._general_page()), tr("General"))
        self.tabs.addTab(scrolled(self._people_page()), tr("Organizations and contacts"))
        self.tabs.addTab(scrolled(self._areas_page()), tr("Areas"))
        self.load(new_initiative())

    # --- pages -----------------------------------------------------------------------------
    def _general_page(self):
        page = load_form("initiative_general", self)
        self.general_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        bindings.build(self, INITIATIVE_FIELDS)
        bindings.connect(self, INITIATIVE_FIELDS, self._touch)
        return page

    def _people_page(self):
        page = load_form("initiative_people", self)
        for table in (self.org_table, self.contact_table):
            _row_table(table)
            table.itemChanged.connect(self._touch)
        for buttons in (self.org_buttons, self.contact_buttons):
            buttons.addStretch(1)
        self.add_org_button.clicked.connect(lambda: self.add_organization(Organization()))
        self.remove_org_button.clicked.connect(lambda: self._remove_rows(self.org_table))
        self.add_contact_button.clicked.connect(lambda: self.add_contact("", "", ""))
        self.remove_contact_button.clicked.connect(lambda: self._remove_rows(self.contact_table))
        self.people_layout.addStretch(1)
        return page

    def _areas_page(self):
        page = load_form("initiative_areas", self)
        _row_table(self.area_table)
        self.area_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.area_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.area_table.itemSelectionChanged.connect(self._area_selected)
        self.area_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.areas_layout.addStretch(1)
        self.draw_button.clicked.connect(self.draw_requested.emit)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.zoom_area_button.clicked.connect(self._zoom_area)
        self.remove_area_button.clicked.connect(self.remove_selected_area)
        self.admin_button.clicked.connect(self.admin_requested.emit)
        bindings.build(self, AREA_FIELDS)
        bindings.connect(self, AREA_FIELDS, self._area_touched)
        return page

    # --- state -----------------------------------------------------------------------------
    def _touch(self, *_args):
        if not self._loading:
            self.dirty = True
            self.changed.emit()

    def _area_touched(self, *_args):
        if self._loading or self._current_area is None:
            return
        self._editor_to_area(self._current_area)
        row = self.areas.index(self._current_area)
        self._fill_area_row(row, self._current_area)
        self._touch()

    @property
    def is_new(self):
        return not self.initiative.revision

    def load(self, initiative):
        """Show ``initiative`` (a copy is edited; the argument is left untouched)."""
        self._loading = True
        try:
            ini = copy.deepcopy(initiative)
            self.initiative = ini
            bindings.load(self, INITIATIVE_FIELDS, ini)
            self.org_table.setRowCount(0)
            for org in ini.organizations:
                self.add_organization(org)
            self.contact_table.setRowCount(0)
            for contact in ini.contacts:
                self.add_contact(contact.name, contact.email, contact.organization, contact.uuid)
            self.areas = ini.areas
            self._current_area = None
            self._refresh_area_table()
            self._update_header()
        finally:
            self._loading = False
        self.dirty = False
        self.changed.emit()

    def _update_header(self):
        if self.is_new:
            self.header.setText(tr("New initiative (not saved yet)"))
        else:
            self.header.setText(
                tr("Editing: {title} (revision {revision})").format(
                    title=self.initiative.title, revision=self.initiative.revision
                )
            )

    def collect(self):
        """The edited initiative (a new object; the form keeps its own copy)."""
        if self._current_area is not None:
            self._editor_to_area(self._current_area)
        ini = copy.deepcopy(self.initiative)
        bindings.save(self, INITIATIVE_FIELDS, ini)
        ini.organizations = self._organizations()
        ini.contacts = self._contacts()
        ini.areas = copy.deepcopy(self.areas)
        return ini

    def problems(self):
        """Translated reasons that keep the initiative from being saved (empty when it can be)."""
        found = bindings.problems(self, INITIATIVE_FIELDS)
        orgs = self._organizations()
        if not any(org.role == LEAD_ROLE and org.name.strip() for org in orgs):
            found.append(tr("Add at least one organization with the leading role (FERM requires it)."))
        for area in self.current_areas():
            for row, value in enumerate(area.monitoring, start=1):
                for problem in value_problems(value):
                    found.append(
                        tr("Area \"{site}\", monitoring value {row}: {problem}.").format(
                            site=area.site_name or area.uuid[:8], row=row, problem=problem
                        )
                    )
        return found

    # --- organizations and contacts --------------------------------------------------------
    def add_organization(self, org):
        """Append an organization row; a new row gets the leading role when there is no lead yet."""
        table = self.org_table
        if org.role is None and not self._loading:
            org.role = SUPPORT_ROLE if any(o.role == LEAD_ROLE for o in self._organizations()) else LEAD_ROLE
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        name = QTableWidgetItem(org.name)
        name.setData(Qt.ItemDataRole.UserRole, org.uuid)
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(org.acronym))
        kind = CodeComboBox("agencyTypes")
        kind.set_code(org.org_type)
        role = CodeComboBox("agencyRoles")
        role.set_code(org.role)
        kind.currentIndexChanged.connect(self._touch)
        role.currentIndexChanged.connect(self._touch)
        table.setCellWidget(row, 2, kind)
        table.setCellWidget(row, 3, role)
        table.blockSignals(False)
        self._touch()
        return row

    def _organizations(self):
        table = self.org_table
        orgs = []
        for row in range(table.rowCount()):
            name = table.item(row, 0)
            acronym = table.item(row, 1)
            org = Organization(
                name=name.text().strip() if name else "",
                acronym=acronym.text().strip() if acronym else "",
                org_type=table.cellWidget(row, 2).code(),
                role=table.cellWidget(row, 3).code(),
            )
            if name is not None and name.data(Qt.ItemDataRole.UserRole):
                org.uuid = name.data(Qt.ItemDataRole.UserRole)
            orgs.append(org)
        return orgs

    def add_contact(self, name, email, organization, uuid=None):
        table = self.contact_table
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        item = QTableWidgetItem(name)
        if uuid:
            item.setData(Qt.ItemDataRole.UserRole, uuid)
        table.setItem(row, 0, item)
        table.setItem(row, 1, QTableWidgetItem(email))
        table.setItem(row, 2, QTableWidgetItem(organization))
        table.blockSignals(False)
        self._touch()
        return row

    def _contacts(self):
        table = self.contact_table
        contacts = []
        for row in range(table.rowCount()):
            cells = [table.item(row, c) for c in range(3)]
            texts = [c.text().strip() if c else "" for c in cells]
            if not any(texts):
                continue
            contact = Contact(name=texts[0], email=texts[1], organization=texts[2])
            if cells[0] is not None and cells[0].data(Qt.ItemDataRole.UserRole):
                contact.uuid = cells[0].data(Qt.ItemDataRole.UserRole)
            contacts.append(contact)
        return contacts

    def _remove_rows(self, table):
        rows = sorted({index.row() for index in table.selectedIndexes()}, reverse=True)
        if not rows and table.currentRow() >= 0:
            rows = [table.currentRow()]
        for row in rows:
            table.removeRow(row)
        if rows:
            self._touch()

    # --- areas -----------------------------------------------------------------------------
    @staticmethod
    def _hectares(area):
        if area.area_ha is not None:
            return area.area_ha
        geom = area.geometry()
        return ellipsoidal_area_ha(geom) if geom is not None and not geom.IsEmpty() else None

    def _fill_area_row(self, row, area):
        hectares = self._hectares(area)
        values = [
            area.site_name or tr("(no name)"),
            format_ha(hectares) if hectares is not None else "—",
            area.department,
            area.district,
        ]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, area.uuid)
            if column == 1:
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            self.area_table.setItem(row, column, item)

    def _refresh_area_table(self, select_uuid=None):
        table = self.area_table
        table.blockSignals(True)
        table.setRowCount(len(self.areas))
        for row, area in enumerate(self.areas):
            self._fill_area_row(row, area)
        table.blockSignals(False)
        target = next((r for r, a in enumerate(self.areas) if a.uuid == select_uuid), None)
        if target is None and self.areas:
            target = 0
        if target is not None:
            table.selectRow(target)
        else:
            self._current_area = None
        self._area_selected()

    def select_area(self, uuid):
        """Select the area with ``uuid`` in the table (True when it is part of this initiative)."""
        for row, area in enumerate(self.areas):
            if area.uuid == uuid:
                self.tabs.setCurrentIndex(2)
                self.area_table.selectRow(row)
                return True
        return False

    def selected_area(self):
        rows = {index.row() for index in self.area_table.selectedIndexes()}
        if len(rows) == 1:
            row = rows.pop()
            if row < len(self.areas):
                return self.areas[row]
        return None

    def _area_selected(self):
        if self._current_area is not None and self._current_area in self.areas:
            self._editor_to_area(self._current_area)
        area = self.selected_area()
        self._current_area = None
        self.area_box.setEnabled(area is not None)
        for button in (self.zoom_area_button, self.remove_area_button):
            button.setEnabled(area is not None)
        self._area_to_editor(area or Area())
        self._current_area = area

    def _area_to_editor(self, area):
        loading, self._loading = self._loading, True
        try:
            bindings.load(self, AREA_FIELDS, area)
            hectares = self._hectares(area)
            self.computed_label.setText(format_ha(hectares) + " ha" if hectares is not None else "—")
        finally:
            self._loading = loading

    def _editor_to_area(self, area):
        bindings.save(self, AREA_FIELDS, area)

    def add_areas(self, areas):
        """Append areas (imported or drawn) to the form; they are saved with the initiative."""
        areas = list(areas)
        if not areas:
            return
        if self._current_area is not None:
            self._editor_to_area(self._current_area)
        self.areas.extend(areas)
        self._refresh_area_table(select_uuid=areas[0].uuid)
        self._touch()

    def replace_areas(self, areas):
        """Replace the areas (after admin units were filled), keeping the selection."""
        selected = self._current_area.uuid if self._current_area is not None else None
        self._current_area = None
        self.areas[:] = list(areas)
        self._refresh_area_table(select_uuid=selected)
        self._touch()

    def current_areas(self):
        """The areas as edited so far (the editor's pending values included)."""
        if self._current_area is not None:
            self._editor_to_area(self._current_area)
        return self.areas

    def remove_selected_area(self):
        area = self.selected_area()
        if area is None:
            return
        self._current_area = None
        self.areas.remove(area)
        self._refresh_area_table()
        self._touch()

    def _zoom_area(self):
        area = self.selected_area()
        if area is not None:
            self.zoom_area_requested.emit(area.uuid)
