"""The "Initiative registry" dock: list, form, validation, summary and FERM exchange.

The dock is a thin shell over ``registry.store``: it never sees SQL or file formats, so a PostGIS
registry can replace the GeoPackage one without touching it. Short reads and writes (a list page,
one initiative) use the dock's own connection; anything that may take seconds (imports, exports,
validation, summaries) runs as a QgsTask on a second connection, so QGIS stays responsive.
Everything the user reads goes through ``tr()``; every failure becomes a message in the dock's
message bar (details of unexpected ones in the message log), never a traceback.
"""

import copy
import functools
from pathlib import Path

from qgis.core import QgsProject, QgsSettings
from qgis.gui import QgsDockWidget, QgsFilterLineEdit, QgsMessageBar
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import compat
from ..compat import QAction, QUndoStack
from ..registry.model import InitiativeFilter
from ..registry.store import VALIDATION_STATES, ConflictError, create_registry
from ..registry.store import open_registry as open_store
from ..translation import tr
from .admin_units import AdminLayerDialog, AdminLookup, load_config, save_config
from .area_import import ImportAreasDialog
from .area_layer import AreaLayer
from .exchange_panel import ExchangePanel
from .initiative_form import InitiativeForm, new_initiative, scrolled
from .models import UUID_ROLE, InitiativeListModel, state_label
from .summary_panel import SummaryPanel
from .tasks import TaskRunner, error_message, log_exception
from .undo import RegistryCommand
from .validation_panel import ValidationPanel
from .widgets.vocab_widgets import CodeComboBox

SETTINGS_PATH = "t2restore/registry/path"
PROJECT_SCOPE = "t2restore"
PROJECT_KEY = "registry_path"
BIG_SAVE_AREAS = 500  # above this many areas a save runs as a QgsTask


def narrow_combo(combo, chars=10):
    """A combo box whose width does not follow its longest item (long vocabulary labels would widen the
    dock); the list it opens still shows whole labels, and the current one is in the tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.setToolTip(combo.currentText())


def guarded(method):
    """Slots never raise into Qt: a failure becomes a message in the dock (and the log)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.show_error(self.error_text(exc))
            return False

    return wrapper


def _save_in_task(location, initiative):
    with open_store(location) as store:
        store.save_initiative(initiative)
    return initiative


class RegistryDock(QgsDockWidget):
    """The registry panel. ``iface`` may be None (tests, screenshots) when ``canvas`` is given."""

    def __init__(self, iface=None, canvas=None, parent=None):
        super().__init__(tr("Initiative registry"), parent)
        self.setObjectName("T2RestoreRegistryDock")
        self.iface = iface
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.store = None
        self.messages = []
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self)
        self.area_layer = AreaLayer(iface, self.canvas, self)
        self.area_layer.areas_committed.connect(self._areas_drawn)
        self._draw_snapshots = {}
        self._admin_cache = None
        self._restored = False
        self._build()
        self.runner.started.connect(self._task_started)
        self.runner.progress.connect(lambda value: self.progress_bar.setValue(int(value)))
        self.runner.done.connect(self._task_done)
        QgsProject.instance().readProject.connect(self._project_read)

    # --- layout ----------------------------------------------------------------------------
    def _build(self):
        root = QWidget()
        layout = QVBoxLayout(root)
        layout.setContentsMargins(4, 4, 4, 4)
        self.bar = QgsMessageBar()
        layout.addWidget(self.bar)
        top = QHBoxLayout()
        self.path_label = QLabel(tr("No registry open"))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setMinimumWidth(60)
        top.addWidget(self.path_label, 1)
        self.new_registry_button = QToolButton()
        self.new_registry_button.setText(tr("New…"))
        self.new_registry_button.setToolTip(tr("Create a new registry (GeoPackage)"))
        self.new_registry_button.clicked.connect(lambda: self.choose_new_registry())
        self.open_registry_button = QToolButton()
        self.open_registry_button.setText(tr("Open…"))
        self.open_registry_button.setToolTip(tr("Open a registry (GeoPackage)"))
        self.open_registry_button.clicked.connect(lambda: self.choose_registry())
        self.undo_action = self.undo_stack.createUndoAction(self, tr("Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, tr("Redo"))
        self.undo_button = self._stack_button(tr("Undo"), self.undo_action)
        self.redo_button = self._stack_button(tr("Redo"), self.redo_action)
        self.settings_button = QToolButton()
        self.settings_button.setText("⋯")
        self.settings_button.setToolTip(tr("More"))
        self.settings_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.settings_button)
        menu.addAction(tr("Administrative layer…"), lambda: self.fill_admin_units(choose=True, fill=False))
        self.settings_button.setMenu(menu)
        for button in (
            self.new_registry_button,
            self.open_registry_button,
            self.undo_button,
            self.redo_button,
            self.settings_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_page(), tr("Initiatives"))
        self.tabs.addTab(self._form_page(), tr("Initiative"))
        self.validation = ValidationPanel(self)
        self.tabs.addTab(scrolled(self.validation), tr("Validation"))
        self.summary = SummaryPanel(self)
        self._summary_page = scrolled(self.summary)
        self.tabs.addTab(self._summary_page, tr("Summary"))
        self.exchange = ExchangePanel(self)
        self.tabs.addTab(scrolled(self.exchange), tr("FERM"))
        self._summary_stale = True
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        progress = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.runner.cancel)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(progress)
        self.progress_row.setVisible(False)
        layout.addWidget(self.progress_row)
        self.setWidget(root)
        self.setMinimumWidth(320)

    @staticmethod
    def _stack_button(text, action):
        """An undo/redo button of fixed text; what it would undo ("Undo Save «title»", as long as the
        title) goes to its tooltip, so a long initiative title never widens the dock."""
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(action.trigger)

        def follow():
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.text())

        action.changed.connect(follow)
        follow()
        return button

    def _list_page(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        self.search_edit = QgsFilterLineEdit()
        self.search_edit.setPlaceholderText(tr("Search title, description, organization, site…"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        layout.addWidget(self.search_edit)
        grid = QGridLayout()
        self.department_combo = QComboBox()
        self.department_combo.addItem(tr("All"), None)
        self.status_filter = CodeComboBox("restorationStatuses")
        self.gap_filter = CodeComboBox("nationalGaps")
        self.ecosystem_filter = CodeComboBox("iucnEcosystems")
        for combo in (self.status_filter, self.gap_filter, self.ecosystem_filter):
            combo.setItemText(0, tr("All"))
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("All"), None)
        for state in VALIDATION_STATES:
            self.state_filter.addItem(state_label(state), state)
        filters = (
            (tr("Department"), self.department_combo),
            (tr("Status"), self.status_filter),
            (tr("Gap"), self.gap_filter),
            (tr("Ecosystem"), self.ecosystem_filter),
            (tr("Validation"), self.state_filter),
        )
        for n, (label, combo) in enumerate(filters):
            narrow_combo(combo)  # one column of narrow combos: the dock fits a laptop screen
            grid.addWidget(QLabel(label), n, 0)
            grid.addWidget(combo, n, 1)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.list_model = InitiativeListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._setup_list_columns()
        self.list_view.horizontalHeader().setSortIndicatorShown(True)
        self.list_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.list_view.setSortingEnabled(True)
        self.list_view.setWordWrap(False)
        self.list_view.setMinimumHeight(180)
        self.list_view.selectionModel().selectionChanged.connect(lambda *_a: self._list_selection_changed())
        self.list_view.doubleClicked.connect(lambda index: self.edit_initiative(self.list_model.data(index, UUID_ROLE)))
        layout.addWidget(self.list_view, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(tr("New"))
        self.edit_button = QPushButton(tr("Edit"))
        self.delete_button = QPushButton(tr("Delete"))
        self.new_button.clicked.connect(lambda: self.new_initiative())
        self.edit_button.clicked.connect(lambda: self.edit_initiative())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    def _setup_list_columns(self):
        """Fixed widths (no resize-to-contents: that would read every page of a 10,000-row list),
        the title stretched, less used columns hidden; the header's context menu shows or hides them."""
        header = self.list_view.horizontalHeader()
        em = self.fontMetrics().averageCharWidth()
        widths = {"status": 13, "validation": 15, "areas": 6, "hectares": 11, "departments": 14, "years": 10}
        for column, name in enumerate(InitiativeListModel.COLUMNS):
            if name == "title":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.list_view.setColumnWidth(column, widths[name] * em)
        header.setMinimumSectionSize(4 * em)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column, name in enumerate(InitiativeListModel.COLUMNS):
            if name == "title":
                continue
            action = QAction(self.list_model.headerData(column, Qt.Orientation.Horizontal), header)
            action.setCheckable(True)
            action.setChecked(name not in ("areas", "years"))
            action.toggled.connect(lambda on, c=column: self.list_view.setColumnHidden(c, not on))
            self.list_view.setColumnHidden(column, not action.isChecked())
            header.addAction(action)

    def _form_page(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = InitiativeForm()
        self.form.draw_requested.connect(lambda: self.start_drawing())
        self.form.import_requested.connect(lambda: self.open_import_dialog())
        self.form.admin_requested.connect(lambda: self.fill_admin_units())
        self.form.zoom_area_requested.connect(self._zoom_form_area)
        self.form.changed.connect(self._form_changed)
        layout.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"))
        self.revert_button = QPushButton(tr("Revert"))
        self.new_form_button = QPushButton(tr("New"))
        self.save_button.clicked.connect(lambda: self.save_form())
        self.revert_button.clicked.connect(lambda: self.revert_form())
        self.new_form_button.clicked.connect(lambda: self.new_initiative())
        for button in (self.save_button, self.revert_button, self.new_form_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._form_changed()
        return page

    def _tab_changed(self, index):
        """The summary refreshes itself when shown after the registry changed."""
        if self.tabs.widget(index) is self._summary_page:
            if self._summary_stale and self.store is not None and not self.busy:
                self._summary_stale = False
                self.summary.refresh()

    # --- messages --------------------------------------------------------------------------
    def show_message(self, text, level=None, duration=8):
        level = compat.MESSAGE_INFO if level is None else level
        self.messages.append((level, text))
        self.bar.pushMessage(tr("Initiative registry"), text, level, duration)

    def show_error(self, text):
        self.show_message(text, compat.MESSAGE_CRITICAL, 0)

    def show_success(self, text):
        self.show_message(text, compat.MESSAGE_SUCCESS, 6)

    def error_text(self, exc):
        if not isinstance(exc, (OSError, MemoryError)) and not hasattr(exc, "template"):
            log_exception(exc)
        return error_message(exc)

    def confirm(self, question):
        """Ask a yes/no question (tests replace this method)."""
        answer = QMessageBox.question(self, tr("Initiative registry"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- tasks -----------------------------------------------------------------------------
    @property
    def busy(self):
        return self.runner.busy

    def run_task(self, description, func, on_success):
        if self.runner.busy:
            self.show_error(tr("Another task is running; wait for it to finish or cancel it."))
            return False
        return self.runner.run(description, func, on_success)

    def _task_started(self, description):
        self.progress_label.setText(description)
        self.progress_bar.setValue(0)
        self.progress_row.setVisible(True)

    def _task_done(self, ok, message):
        self.progress_row.setVisible(False)
        if not ok and message:
            self.show_error(message)

    # --- registry --------------------------------------------------------------------------
    def require_store(self):
        if self.store is None:
            self.show_error(tr("Create or open a registry first (buttons New… and Open… above)."))
        return self.store

    @guarded
    def open_registry(self, path, create=False):
        """Open (or create) the registry at ``path``; remembered in the settings and the project."""
        path = str(path)
        store = create_registry(path) if create else open_store(path)
        self.close_registry()
        self.store = store
        QgsSettings().setValue(SETTINGS_PATH, path)
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_KEY, path)
        self.path_label.setText(Path(path).name)
        self.path_label.setToolTip(path)
        self.list_model.set_store(store)
        self.area_layer.set_registry(store)
        self._refresh_departments()
        self._update_count()
        self.form.load(new_initiative())
        self.undo_stack.clear()
        self._restored = True
        self.show_success(
            (tr("New registry created: {path}") if create else tr("Registry opened: {path}")).format(path=path)
        )
        return True

    def close_registry(self):
        self.runner.cancel()
        # Undo replays writes into the registry that was open: after closing (or opening another)
        # there is nothing it may write into, so the history goes with the registry.
        self.undo_stack.clear()
        self.area_layer.release()
        if self.store is not None:
            self.store.close()
            self.store = None
        self.list_model.set_store(None)
        self.path_label.setText(tr("No registry open"))

    def restore_registry(self):
        """Reopen the registry of the project, else the last one used (once, when first shown)."""
        if self.store is not None:
            return True
        path, found = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if not (found and path):
            path = QgsSettings().value(SETTINGS_PATH, "")
        self._restored = True
        if path and Path(path).exists():
            return self.open_registry(path)
        return False

    def _project_read(self, *_args):
        path, found = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if found and path and Path(path).exists() and (self.store is None or self.store.location != path):
            self.open_registry(path)

    def showEvent(self, event):  # noqa: N802 - Qt API name
        super().showEvent(event)
        if not self._restored:
            QTimer.singleShot(0, self.restore_registry)

    def choose_new_registry(self):
        folder = str(Path(QgsSettings().value(SETTINGS_PATH, str(Path.home()))).parent)
        path, _filter = QFileDialog.getSaveFileName(self, tr("New registry"), folder, tr("GeoPackage (*.gpkg)"))
        if path:
            if not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            return self.open_registry(path, create=True)
        return False

    def choose_registry(self):
        folder = str(Path(QgsSettings().value(SETTINGS_PATH, str(Path.home()))).parent)
        path, _filter = QFileDialog.getOpenFileName(self, tr("Open registry"), folder, tr("GeoPackage (*.gpkg)"))
        return self.open_registry(path) if path else False

    def unload(self):
        """Called by the plugin's unload: stop work, close the connection, drop signal links."""
        try:
            QgsProject.instance().readProject.disconnect(self._project_read)
        except (TypeError, RuntimeError):
            pass
        self.close_registry()
        self.undo_stack.clear()

    # --- list and filters ------------------------------------------------------------------
    def current_filter(self):
        text = self.search_edit.text().strip()
        return InitiativeFilter(
            text=text or None,
            department=self.department_combo.currentData(),
            restoration_status=self.status_filter.code(),
            national_gap=self.gap_filter.code(),
            ecosystem=self.ecosystem_filter.code(),
            validation_state=self.state_filter.currentData(),
        )

    @guarded
    def apply_filters(self):
        self.search_timer.stop()
        if self.store is None:
            return False
        self.list_model.set_filter(self.current_filter())
        self._update_count()
        return True

    def _update_count(self):
        self.count_label.setText(tr("{count} initiatives").format(count=self.list_model.rowCount()))

    def _refresh_departments(self):
        current = self.department_combo.currentData()
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        self.department_combo.addItem(tr("All"), None)
        if self.store is not None:
            for name in self.store.distinct_values("department"):
                self.department_combo.addItem(name, name)
        index = self.department_combo.findData(current) if current else 0
        self.department_combo.setCurrentIndex(max(0, index))
        self.department_combo.blockSignals(False)

    def selected_uuids(self):
        rows = self.list_view.selectionModel().selectedRows() if self.list_view.selectionModel() else []
        return [self.list_model.data(index, UUID_ROLE) for index in rows if self.list_model.data(index, UUID_ROLE)]

    def select_in_list(self, uuid):
        row = self.list_model.row_of(uuid)
        if row < 0:
            return False
        self.list_view.selectRow(row)
        self.list_view.scrollTo(self.list_model.index(row, 0))
        return True

    @guarded
    def _list_selection_changed(self):
        uuids = self.selected_uuids()
        self.edit_button.setEnabled(len(uuids) == 1)
        self.delete_button.setEnabled(bool(uuids))
        if len(uuids) != 1 or self.store is None:
            return
        self.zoom_to_initiative(uuids[0])

    def zoom_to_initiative(self, uuid):
        """Zoom the map to an initiative's areas and highlight them on the registry's layer."""
        areas = self.store.list_areas([uuid])
        self.area_layer.select_initiative(uuid)
        return self.area_layer.zoom_to_areas(areas)

    def registry_changed(self, uuid=None):
        """Refresh what shows registry content after a write (list, filters, map, form)."""
        if self.store is None:
            return
        selected = self.selected_uuids()
        self._summary_stale = True
        self.list_model.refresh()
        self._refresh_departments()
        self._update_count()
        self.area_layer.reload()
        for item in selected[:1]:
            self.select_in_list(item)
        if uuid is not None and self.form.initiative.uuid == uuid and not self.form.dirty:
            fresh = self.store.get_initiative(uuid)
            self.form.load(fresh if fresh is not None else new_initiative())

    # --- form ------------------------------------------------------------------------------
    def _form_changed(self):
        self.save_button.setEnabled(self.form.dirty or self.form.is_new)
        self.revert_button.setEnabled(self.form.dirty)

    def _may_discard(self):
        return not self.form.dirty or self.confirm(tr("Discard the unsaved changes of the form?"))

    @guarded
    def new_initiative(self):
        if self.require_store() is None or not self._may_discard():
            return False
        self.form.load(new_initiative())
        self.tabs.setCurrentIndex(1)
        self.form.tabs.setCurrentIndex(0)
        self.form.title_edit.setFocus()
        return True

    @guarded
    def edit_initiative(self, uuid=None):
        if self.require_store() is None:
            return False
        if uuid is None:
            uuids = self.selected_uuids()
            if len(uuids) != 1:
                self.show_error(tr("Select one initiative in the list."))
                return False
            uuid = uuids[0]
        if self.form.initiative.uuid != uuid and not self._may_discard():
            return False
        initiative = self.store.get_initiative(uuid)
        if initiative is None:
            self.show_error(tr("The initiative no longer exists in the registry."))
            self.registry_changed()
            return False
        self.form.load(initiative)
        self.tabs.setCurrentIndex(1)
        layer = self.area_layer.layer
        if self.area_layer.drawing_for and layer is not None and layer.isEditable():
            self.area_layer.prepare_drawing(uuid)  # areas drawn from now on belong to this initiative
        return True

    @guarded
    def revert_form(self):
        if self.form.is_new:
            self.form.load(new_initiative())
            return True
        fresh = self.store.get_initiative(self.form.initiative.uuid) if self.store is not None else None
        self.form.load(fresh if fresh is not None else new_initiative())
        return True

    @guarded
    def save_form(self):
        """Save the form's initiative (one transaction); undoable."""
        if self.require_store() is None:
            return False
        problems = self.form.problems()
        if problems:
            self.show_error(" ".join(problems))
            return False
        initiative = self.form.collect()
        before = None if self.form.is_new else self.store.get_initiative(initiative.uuid)
        action = tr("Create \"{title}\"") if before is None else tr("Save \"{title}\"")
        return self.write_initiative(initiative, before, action.format(title=initiative.title), from_form=True)

    def write_initiative(self, initiative, before, action, from_form=False):
        """Save ``initiative`` through the store, push the undo command, refresh the views.

        Large initiatives (imports of hundreds of areas) are saved in a QgsTask.
        """
        def finish(saved):
            self.undo_stack.push(RegistryCommand(self, action, before, saved))
            if self.form.initiative.uuid == saved.uuid:
                if from_form or not self.form.dirty:
                    self.form.load(saved)
                else:  # drawn areas arrived while the user was editing: merge, keep the edits
                    known = {a.uuid for a in self.form.areas}
                    self.form.initiative.revision = saved.revision
                    self.form.add_areas([copy.deepcopy(a) for a in saved.areas if a.uuid not in known])
            self.registry_changed()
            self.select_in_list(saved.uuid)
            self.show_success(tr("{action}: done.").format(action=action))

        try:
            if len(initiative.areas) > BIG_SAVE_AREAS:
                location = self.store.location
                return self.run_task(action, lambda _p, _c: _save_in_task(location, initiative), finish)
            self.store.save_initiative(initiative)
        except ConflictError as exc:
            self.show_error(exc.message(tr))
            return False
        finish(initiative)
        return True

    @guarded
    def delete_selected(self, confirmed=False):
        uuids = self.selected_uuids()
        if not uuids or self.require_store() is None:
            return False
        if not confirmed and not self.confirm(
            tr("Delete {count} initiative(s) with all their areas? You can undo it.").format(count=len(uuids))
        ):
            return False
        self.undo_stack.beginMacro(tr("Delete {count} initiative(s)").format(count=len(uuids)))
        try:
            for uuid in uuids:
                before = self.store.get_initiative(uuid)
                if before is None:
                    continue
                self.store.delete_initiative(uuid, expected_revision=before.revision)
                self.undo_stack.push(RegistryCommand(self, tr("Delete \"{title}\"").format(title=before.title),
                                                     before, None))
                if self.form.initiative.uuid == uuid:
                    self.form.load(new_initiative())
        finally:
            self.undo_stack.endMacro()
        self.registry_changed()
        self.show_success(tr("{count} initiative(s) deleted.").format(count=len(uuids)))
        return True

    # --- areas: drawing, importing, administrative units -------------------------------------
    def _zoom_form_area(self, uuid):
        area = next((a for a in self.form.areas if a.uuid == uuid), None)
        if area is not None:
            self.area_layer.zoom_to_areas([area])

    @guarded
    def start_drawing(self):
        """Let the user digitize areas of the form's initiative on the registry's layer."""
        if self.require_store() is None:
            return False
        if self.form.is_new or self.form.dirty:
            self.show_error(tr("Save the initiative before drawing its areas."))
            return False
        if self.area_layer.layer is None:
            self.area_layer.set_registry(self.store)
        uuid = self.form.initiative.uuid
        self._draw_snapshots[uuid] = self.store.get_initiative(uuid)
        if not self.area_layer.start_drawing(uuid):
            self.show_error(tr("The registry's area layer cannot be edited."))
            return False
        self.show_message(
            tr(
                "Draw the areas of \"{title}\" with QGIS's digitizing tools, then save the layer edits: "
                "the dock completes identifier, hectares and department."
            ).format(title=self.form.initiative.title)
        )
        return True

    def _admin_lookup(self):
        """The administrative lookup of the saved configuration (built once, then cached)."""
        config = load_config()
        if not config.usable:
            return None
        key = (config.source, tuple(sorted(config.fields.items())), config.ubigeo_source)
        if self._admin_cache is None or self._admin_cache[0] != key:
            self._admin_cache = (key, AdminLookup(config, QgsProject.instance().transformContext()))
        return self._admin_cache[1]

    @guarded
    def _areas_drawn(self, rows):
        """QGIS committed drawn rows: complete them through the store (uuid, hectares, units)."""
        if self.store is None:
            return False
        by_initiative, orphans = {}, 0
        for initiative_uuid, area_uuid in rows:
            if initiative_uuid and area_uuid:
                by_initiative.setdefault(initiative_uuid, set()).add(area_uuid)
            else:
                orphans += 1
        for uuid, new in by_initiative.items():
            initiative = self.store.get_initiative(uuid)
            if initiative is None:
                orphans += len(new)
                continue
            drawn = [a for a in initiative.areas if a.uuid in new]
            initiative.areas = [a for a in initiative.areas if a.uuid not in new] + drawn
            try:
                lookup = self._admin_lookup()
            except (OSError, RuntimeError):
                lookup = None
            if lookup is not None:
                lookup.fill(drawn)
            before = self._draw_snapshots.pop(uuid, None)
            if before is None:
                before = copy.deepcopy(initiative)
                before.areas = [a for a in before.areas if a.uuid not in new]
            self.write_initiative(
                initiative, before, tr("Draw {count} area(s) of \"{title}\"").format(count=len(drawn),
                                                                                     title=initiative.title)
            )
        if orphans:
            self.show_error(
                tr(
                    "{count} drawn area(s) are not attached to any initiative. Open an initiative in the form "
                    "and use \"Draw on map\" before drawing."
                ).format(count=orphans)
            )
        return True

    @guarded
    def open_import_dialog(self, path=None):
        if self.require_store() is None:
            return False
        dialog = ImportAreasDialog(self, path)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.layer is None:
                return False
            # the task reads a copy of the layer's source, so the file can be closed right after
            return self.import_areas(dialog.layer, dialog.crs(), dialog.area_mapping(), mode=dialog.mode(),
                                     encoding=dialog.encoding())
        finally:
            dialog.release()

    def import_areas(self, layer, crs, area_mapping, defaults=None, mode="update", encoding=None):
        """Read areas from ``layer`` (in ``crs``) in a QgsTask and merge them into the form's areas.

        Areas the form already holds (same uuid, or same site name and geometry) are updated,
        skipped or replaced as ``mode`` says (``registry.area_match``), so a second import of one
        file does not duplicate them.
        """
        from qgis.core import QgsVectorLayerFeatureSource

        from ..registry.area_match import merge_areas
        from ..registry.feature_import import read_areas

        if self.require_store() is None:
            return False
        source = QgsVectorLayerFeatureSource(layer)
        names = layer.fields().names()
        total = max(1, layer.featureCount())
        context = QgsProject.instance().transformContext()
        config = load_config()

        def work(progress, cancelled):
            repaired = []
            areas, skipped = read_areas(
                source.getFeatures(), names, crs, area_mapping, defaults, context, total,
                lambda f: progress(0.8 * f), cancelled, repaired=repaired, encoding=encoding,
            )
            filled, admin_missing = 0, ""
            if config.usable:
                try:
                    filled = AdminLookup(config, context, cancelled).fill(areas)
                except FileNotFoundError:
                    admin_missing = config.source  # the areas are still imported; the user is told below
            return areas, skipped, filled, len(repaired), admin_missing

        def done(result):
            areas, skipped, filled, repaired, admin_missing = result
            merged, counts = merge_areas(self.form.current_areas(), areas, mode)
            self.form.replace_areas(merged)
            self.tabs.setCurrentIndex(1)
            self.form.tabs.setCurrentIndex(2)
            text = tr("{count} areas read: {inserted} added, {updated} updated, {unchanged} unchanged, {skipped} "
                      "skipped, {removed} removed; save the initiative to keep them.").format(
                count=len(areas), inserted=counts.inserted, updated=counts.updated, unchanged=counts.unchanged,
                skipped=counts.skipped, removed=counts.removed)
            if repaired:
                text += " " + tr("{count} invalid geometries were repaired before measuring.").format(count=repaired)
            if skipped:
                text += " " + tr("{count} features without a polygon were skipped.").format(count=skipped)
            if filled:
                text += " " + tr("Department and district filled for {count} areas.").format(count=filled)
            if admin_missing:
                text += " " + tr("The administrative layer {path} could not be opened, so department and district "
                                 "were not filled: choose it again (menu: Administrative layer…).").format(
                    path=admin_missing)
            self.show_success(text)

        return self.run_task(tr("Importing areas"), work, done)

    @guarded
    def fill_admin_units(self, choose=False, fill=True):
        """Fill department, province, district and UBIGEO of the form's areas.

        The administrative layer is asked for the first time only (or when ``choose``).
        """
        config = load_config()
        if choose or not config.usable:
            dialog = AdminLayerDialog(config, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            config = dialog.config()
            if not config.usable:
                self.show_error(tr("Choose a polygon layer and at least one of its fields."))
                return False
            save_config(config)
            self._admin_cache = None
        if not fill:
            return True
        areas = copy.deepcopy(self.form.current_areas())
        if not areas:
            self.show_error(tr("The initiative has no areas yet."))
            return False
        context = QgsProject.instance().transformContext()

        def work(_progress, cancelled):
            return AdminLookup(config, context, cancelled).fill(areas, overwrite=True)

        def done(count):
            self.form.replace_areas(areas)
            self.show_success(tr("Department and district filled for {count} areas.").format(count=count))

        return self.run_task(tr("Filling departments and districts"), work, done)
