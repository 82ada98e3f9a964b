"""The form that creates and edits one initiative: FERM fields, organizations, contacts, areas.

The form edits a copy of an ``Initiative``; nothing reaches the registry until the dock saves it
(one store transaction), so "Revert" is always possible and a half-filled form never leaves a
half-written initiative. Vocabulary fields are the code widgets of widgets/vocab_widgets.py, so
labels are shown in the user's language and codes are stored.
"""

import copy

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.vector_areas import ellipsoidal_area_ha
from ..registry.model import Area, Initiative, Organization
from ..translation import tr
from .models import format_ha
from .widgets.monitoring_editor import MonitoringEditor, value_problems
from .widgets.vocab_widgets import CodeComboBox, CodeListWidget, OptionalAreaSpinBox, YearSpinBox

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


def split_keywords(text):
    return [k.strip() for k in (text or "").replace(",", ";").split(";") if k.strip()]


class InitiativeForm(QWidget):
    """Edits a copy of one initiative; ``collect()`` returns the edited copy."""

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
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(tr("Name of the initiative (required)"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setMaximumHeight(70)
        self.website_edit = QLineEdit()
        self.website_edit.setPlaceholderText("https://")
        self.start_year = YearSpinBox()
        self.end_year = YearSpinBox()
        years = QHBoxLayout()
        years.addWidget(self.start_year)
        years.addWidget(QLabel(tr("to")))
        years.addWidget(self.end_year)
        self.status_combo = CodeComboBox("restorationStatuses")
        self.workflow_combo = CodeComboBox("workflowStatuses", allow_empty=False)
        self.types_list = CodeListWidget("restorationTypes", max_height=48)
        self.objectives_list = CodeListWidget("projectObjectives", max_height=80)
        self.objectives_other = QLineEdit()
        self.tenure_list = CodeListWidget("tenureStatuses")
        self.keywords_edit = QLineEdit()
        self.keywords_edit.setPlaceholderText(tr("Separated by semicolons"))
        self.target_area = OptionalAreaSpinBox()
        self.target_unit = CodeComboBox("units", allow_empty=False)
        target = QHBoxLayout()
        target.addWidget(self.target_area, 1)
        target.addWidget(self.target_unit)
        self.under_restoration = OptionalAreaSpinBox(suffix=" ha")
        self.under_restoration.setToolTip(tr("Leave empty to report the sum of the areas' hectares."))
        self.countries_list = CodeListWidget("countries", max_height=30)
        self.reporting_combo = CodeComboBox("reportingLines", allow_empty=False)
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Description"), self.description_edit)
        form.addRow(tr("Website"), self.website_edit)
        form.addRow(tr("Years"), years)
        form.addRow(tr("Restoration status"), self.status_combo)
        form.addRow(tr("Workflow status"), self.workflow_combo)
        form.addRow(tr("Restoration types"), self.types_list)
        form.addRow(tr("Target 2 objectives"), self.objectives_list)
        form.addRow(tr("Other objectives"), self.objectives_other)
        form.addRow(tr("Tenure statuses"), self.tenure_list)
        form.addRow(tr("Keywords"), self.keywords_edit)
        form.addRow(tr("Target area"), target)
        form.addRow(tr("Area under restoration"), self.under_restoration)
        form.addRow(tr("Countries"), self.countries_list)
        form.addRow(tr("Reporting line"), self.reporting_combo)
        peru = QGroupBox(tr("Peru additions"))
        peru_form = QFormLayout(peru)
        self.funding_list = CodeListWidget("fundingSources")
        self.institutions_list = CodeListWidget("implementingInstitutions")
        peru_form.addRow(tr("Funding sources"), self.funding_list)
        peru_form.addRow(tr("Implementing institutions"), self.institutions_list)
        form.addRow(peru)
        for widget in (self.title_edit, self.website_edit, self.objectives_other, self.keywords_edit):
            widget.textChanged.connect(self._touch)
        self.description_edit.textChanged.connect(self._touch)
        for widget in (self.start_year, self.end_year):
            widget.valueChanged.connect(self._touch)
        for widget in (self.target_area, self.under_restoration):
            widget.valueChanged.connect(self._touch)
        for widget in (self.status_combo, self.workflow_combo, self.target_unit, self.reporting_combo):
            widget.currentIndexChanged.connect(self._touch)
        for widget in (
            self.types_list,
            self.objectives_list,
            self.tenure_list,
            self.countries_list,
            self.funding_list,
            self.institutions_list,
        ):
            widget.changed.connect(self._touch)
        return page

    def _people_page(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        orgs = QGroupBox(tr("Organizations (at least one leading)"))
        org_layout = QVBoxLayout(orgs)
        self.org_table = QTableWidget(0, 4)
        self.org_table.setHorizontalHeaderLabels([tr("Name"), tr("Acronym"), tr("Type"), tr("Role")])
        self.org_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.org_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.org_table.setMinimumHeight(110)
        self.org_table.itemChanged.connect(self._touch)
        org_layout.addWidget(self.org_table)
        buttons = QHBoxLayout()
        self.add_org_button = QPushButton(tr("Add organization"))
        self.remove_org_button = QPushButton(tr("Remove"))
        self.add_org_button.clicked.connect(lambda: self.add_organization(Organization()))
        self.remove_org_button.clicked.connect(lambda: self._remove_rows(self.org_table))
        buttons.addWidget(self.add_org_button)
        buttons.addWidget(self.remove_org_button)
        buttons.addStretch(1)
        org_layout.addLayout(buttons)
        layout.addWidget(orgs)
        contacts = QGroupBox(tr("Points of contact"))
        contact_layout = QVBoxLayout(contacts)
        self.contact_table = QTableWidget(0, 3)
        self.contact_table.setHorizontalHeaderLabels([tr("Name"), tr("Email"), tr("Organization")])
        self.contact_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.contact_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_table.setMinimumHeight(90)
        self.contact_table.itemChanged.connect(self._touch)
        contact_layout.addWidget(self.contact_table)
        buttons = QHBoxLayout()
        self.add_contact_button = QPushButton(tr("Add contact"))
        self.remove_contact_button = QPushButton(tr("Remove"))
        self.add_contact_button.clicked.connect(lambda: self.add_contact("", "", ""))
        self.remove_contact_button.clicked.connect(lambda: self._remove_rows(self.contact_table))
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch(1)
        contact_layout.addLayout(buttons)
        layout.addWidget(contacts)
        layout.addStretch(1)
        return page

    def _areas_page(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        self.area_table = QTableWidget(0, 4)
        self.area_table.setHorizontalHeaderLabels([tr("Site"), tr("Hectares"), tr("Department"), tr("District")])
        self.area_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.area_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.area_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.area_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.area_table.setMinimumHeight(110)
        self.area_table.itemSelectionChanged.connect(self._area_selected)
        layout.addWidget(self.area_table)
        row1 = QHBoxLayout()
        self.draw_button = QPushButton(tr("Draw on map"))
        self.draw_button.setToolTip(
            tr(
                "Digitize new areas with QGIS's own tools on the registry's area layer; "
                "save the layer edits and the dock completes them (identifier, hectares, department)."
            )
        )
        self.import_button = QPushButton(tr("Import…"))
        self.import_button.setToolTip(
            tr("Add areas from a layer or a file (shapefile, zipped shapefile, KML/KMZ, GeoJSON, GeoPackage, CSV)")
        )
        self.draw_button.clicked.connect(self.draw_requested.emit)
        self.import_button.clicked.connect(self.import_requested.emit)
        row1.addWidget(self.draw_button)
        row1.addWidget(self.import_button)
        layout.addLayout(row1)
        row2 = QHBoxLayout()
        self.zoom_area_button = QPushButton(tr("Zoom to"))
        self.remove_area_button = QPushButton(tr("Remove area"))
        self.admin_button = QPushButton(tr("Fill department…"))
        self.admin_button.setToolTip(
            tr("Fill department, province, district and UBIGEO of every area from the administrative layer")
        )
        self.zoom_area_button.clicked.connect(self._zoom_area)
        self.remove_area_button.clicked.connect(self.remove_selected_area)
        self.admin_button.clicked.connect(self.admin_requested.emit)
        row2.addWidget(self.zoom_area_button)
        row2.addWidget(self.remove_area_button)
        row2.addWidget(self.admin_button)
        layout.addLayout(row2)
        self.area_box = QGroupBox(tr("Selected area"))
        form = QFormLayout(self.area_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.site_edit = QLineEdit()
        self.computed_label = QLabel()
        self.declared_area = OptionalAreaSpinBox(suffix=" ha")
        self.area_start_year = YearSpinBox()
        self.ecosystems_list = CodeListWidget("iucnEcosystems")
        self.activities_list = CodeListWidget("activities", max_height=140)
        self.activities_other = QLineEdit()
        self.area_types_list = CodeListWidget("restorationTypes", max_height=48)
        self.area_tenure_list = CodeListWidget("tenureStatuses")
        self.gef_combo = CodeComboBox("gefIndicators")
        self.gap_combo = CodeComboBox("nationalGaps")
        self.practices_list = CodeListWidget("restorationPractices")
        self.department_edit = QLineEdit()
        self.province_edit = QLineEdit()
        self.district_edit = QLineEdit()
        self.ubigeo_edit = QLineEdit()
        self.ubigeo_edit.setMaxLength(6)
        self.ubigeo_source = CodeComboBox("ubigeoSources")
        self.protected_edit = QLineEdit()
        self.capture_combo = CodeComboBox("captureMethods")
        self.crs_label = QLabel()
        self.crs_label.setWordWrap(True)
        form.addRow(tr("Site name"), self.site_edit)
        form.addRow(tr("Computed area"), self.computed_label)
        form.addRow(tr("Declared area"), self.declared_area)
        form.addRow(tr("Starting year"), self.area_start_year)
        form.addRow(tr("Ecosystems (IUCN)"), self.ecosystems_list)
        form.addRow(tr("Activities"), self.activities_list)
        form.addRow(tr("Other activities"), self.activities_other)
        form.addRow(tr("Restoration types"), self.area_types_list)
        form.addRow(tr("Tenure statuses"), self.area_tenure_list)
        form.addRow(tr("GEF core indicator"), self.gef_combo)
        monitoring = QGroupBox(tr("Monitoring values"))
        monitoring_layout = QVBoxLayout(monitoring)
        self.monitoring_editor = MonitoringEditor()
        self.monitoring_editor.setToolTip(
            tr("Dated values of the indicators monitored in this area (FERM): indicator, unit, date, value.")
        )
        monitoring_layout.addWidget(self.monitoring_editor)
        form.addRow(monitoring)
        peru = QGroupBox(tr("Peru additions"))
        peru_form = QFormLayout(peru)
        peru_form.addRow(tr("National gap"), self.gap_combo)
        peru_form.addRow(tr("Restoration practices"), self.practices_list)
        peru_form.addRow(tr("Department"), self.department_edit)
        peru_form.addRow(tr("Province"), self.province_edit)
        peru_form.addRow(tr("District"), self.district_edit)
        peru_form.addRow(tr("UBIGEO"), self.ubigeo_edit)
        peru_form.addRow(tr("UBIGEO code source"), self.ubigeo_source)
        peru_form.addRow(tr("Protected area"), self.protected_edit)
        peru_form.addRow(tr("Capture method"), self.capture_combo)
        peru_form.addRow(tr("Original CRS"), self.crs_label)
        form.addRow(peru)
        layout.addWidget(self.area_box)
        layout.addStretch(1)
        for widget in (
            self.site_edit,
            self.activities_other,
            self.department_edit,
            self.province_edit,
            self.district_edit,
            self.ubigeo_edit,
            self.protected_edit,
        ):
            widget.textChanged.connect(self._area_touched)
        self.declared_area.valueChanged.connect(self._area_touched)
        self.area_start_year.valueChanged.connect(self._area_touched)
        for widget in (self.gef_combo, self.gap_combo, self.ubigeo_source, self.capture_combo):
            widget.currentIndexChanged.connect(self._area_touched)
        for widget in (
            self.ecosystems_list,
            self.activities_list,
            self.area_types_list,
            self.area_tenure_list,
            self.practices_list,
        ):
            widget.changed.connect(self._area_touched)
        self.monitoring_editor.changed.connect(self._area_touched)
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
            self.title_edit.setText(ini.title)
            self.description_edit.setPlainText(ini.description)
            self.website_edit.setText(ini.website)
            self.start_year.set_year(ini.start_year)
            self.end_year.set_year(ini.end_year)
            self.status_combo.set_code(ini.restoration_status)
            self.workflow_combo.set_code(ini.workflow_status)
            self.types_list.set_codes(ini.restoration_types)
            self.objectives_list.set_codes(ini.objectives)
            self.objectives_other.setText(ini.objectives_other)
            self.tenure_list.set_codes(ini.tenure_statuses)
            self.keywords_edit.setText("; ".join(ini.keywords))
            self.target_area.set_number(ini.target_area)
            self.target_unit.set_code(ini.target_area_unit)
            self.under_restoration.set_number(ini.area_under_restoration_ha)
            self.countries_list.set_codes(ini.countries)
            self.reporting_combo.set_code(ini.reporting_line)
            self.funding_list.set_codes(ini.funding_sources)
            self.institutions_list.set_codes(ini.implementing_institutions)
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
        ini.title = self.title_edit.text().strip()
        ini.description = self.description_edit.toPlainText()
        ini.website = self.website_edit.text().strip()
        ini.start_year = self.start_year.year()
        ini.end_year = self.end_year.year()
        ini.restoration_status = self.status_combo.code()
        ini.workflow_status = self.workflow_combo.code()
        ini.restoration_types = self.types_list.codes()
        ini.objectives = self.objectives_list.codes()
        ini.objectives_other = self.objectives_other.text().strip()
        ini.tenure_statuses = self.tenure_list.codes()
        ini.keywords = split_keywords(self.keywords_edit.text())
        ini.target_area = self.target_area.number()
        ini.target_area_unit = self.target_unit.code()
        ini.area_under_restoration_ha = self.under_restoration.number()
        ini.countries = self.countries_list.codes()
        ini.reporting_line = self.reporting_combo.code()
        ini.funding_sources = self.funding_list.codes()
        ini.implementing_institutions = self.institutions_list.codes()
        ini.organizations = self._organizations()
        ini.contacts = self._contacts()
        ini.areas = copy.deepcopy(self.areas)
        return ini

    def problems(self):
        """Translated reasons that keep the initiative from being saved (empty when it can be)."""
        found = []
        if not self.title_edit.text().strip():
            found.append(tr("The initiative needs a title."))
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
        from ..registry.model import Contact

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
            self.site_edit.setText(area.site_name)
            hectares = self._hectares(area)
            self.computed_label.setText(format_ha(hectares) + " ha" if hectares is not None else "—")
            self.declared_area.set_number(area.declared_area_ha)
            self.area_start_year.set_year(area.start_year)
            self.ecosystems_list.set_codes(area.ecosystems)
            self.activities_list.set_codes(area.activities)
            self.activities_other.setText(area.activities_other)
            self.area_types_list.set_codes(area.restoration_types)
            self.area_tenure_list.set_codes(area.tenure_statuses)
            self.gef_combo.set_code(area.gef_indicator)
            self.gap_combo.set_code(area.national_gap)
            self.practices_list.set_codes(area.practices)
            self.department_edit.setText(area.department)
            self.province_edit.setText(area.province)
            self.district_edit.setText(area.district)
            self.ubigeo_edit.setText(area.ubigeo)
            self.ubigeo_source.set_code(area.ubigeo_source or None)
            self.protected_edit.setText(area.protected_area)
            self.capture_combo.set_code(area.capture_method)
            self.crs_label.setText(area.original_crs or "—")
            self.monitoring_editor.set_values(area.monitoring)
        finally:
            self._loading = loading

    def _editor_to_area(self, area):
        area.site_name = self.site_edit.text().strip()
        area.declared_area_ha = self.declared_area.number()
        area.start_year = self.area_start_year.year()
        area.ecosystems = self.ecosystems_list.codes()
        area.activities = self.activities_list.codes()
        area.activities_other = self.activities_other.text().strip()
        area.restoration_types = self.area_types_list.codes()
        area.tenure_statuses = self.area_tenure_list.codes()
        area.gef_indicator = self.gef_combo.code()
        area.national_gap = self.gap_combo.code()
        area.practices = self.practices_list.codes()
        area.department = self.department_edit.text().strip()
        area.province = self.province_edit.text().strip()
        area.district = self.district_edit.text().strip()
        area.ubigeo = self.ubigeo_edit.text().strip()
        area.ubigeo_source = self.ubigeo_source.code() or ""
        area.protected_area = self.protected_edit.text().strip()
        area.capture_method = self.capture_combo.code()
        area.monitoring = self.monitoring_editor.values()

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
