"""The "Initiative registry" dock: list, form, validation, summary and FERM exchange.

The dock is a thin shell over ``registry.store``: it never sees SQL or file formats, so a PostGIS
registry can replace the GeoPackage one without touching it. What the panels share (the open
registry, the initiative being edited, the undo stack, tasks, the area layer, messages) lives in one
``RegistrySession`` (ui/session.py); the panels talk to it, never to each other or to the dock.
Short reads and writes (a list page, one initiative) use the session's own connection; anything
that may take seconds (imports, exports, validation, summaries) runs as a QgsTask on a second
connection, so QGIS stays responsive. Everything the user reads goes through ``tr()``; every
failure becomes a message in the dock's message bar (details of unexpected ones in the message
log), never a traceback. Layouts: ui/forms/registry_list.ui and the form's ui/forms/initiative_*.ui.
"""

import copy
from pathlib import Path

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget, QgsMessageBar
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import compat
from ..registry.model import InitiativeFilter
from ..registry.store import VALIDATION_STATES
from ..settings import PluginSettings
from ..translation import tr
from . import conflict_dialog, postgis_home
from .area_actions import AreaActions
from .designer import load_form, replace_placeholder
from .exchange_panel import ExchangePanel
from .initiative_form import InitiativeForm, new_initiative, scrolled
from .list_view import narrow_combo, setup_list_view
from .models import UUID_ROLE, InitiativeListModel, state_label
from .report_action import ReportAction
from .session import RegistrySession, guarded
from .summary_panel import SummaryPanel
from .undo import RegistryCommand
from .validation_panel import ValidationPanel
from .widgets.vocab_widgets import CodeComboBox

PROJECT_SCOPE = "t2restore"
PROJECT_KEY = "registry_path"
FILTERS = (("status_filter", "restorationStatuses"), ("gap_filter", "nationalGaps"),
           ("ecosystem_filter", "iucnEcosystems"))


class RegistryDock(QgsDockWidget):
    """The registry panel. ``iface`` may be None (tests, screenshots) when ``canvas`` is given."""

    def __init__(self, iface=None, canvas=None, parent=None):
        super().__init__(tr("Initiative registry"), parent)
        self.setObjectName("T2RestoreRegistryDock")
        self.iface = iface
        canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.session = RegistrySession(iface, canvas, self)
        self.session.conflict_resolver = lambda mine, theirs: conflict_dialog.resolve(mine, theirs, self)
        self.messages = []
        self._restored = False
        self._build()
        self.area_actions = AreaActions(self.session, self.form, self, self._show_form_areas)
        self.session.set_selection_source(self.selected_uuids)
        self.session.message.connect(lambda level, text, duration: self.show_message(text, level, duration))
        self.session.registry_opened.connect(self._registry_opened)
        self.session.registry_closed.connect(self._registry_closed)
        self.session.registry_changed.connect(self._refresh)
        self.session.initiative_saved.connect(self._initiative_saved)
        self.session.edit_requested.connect(self._edit_requested)
        self.runner.started.connect(self._task_started)
        self.runner.progress.connect(lambda value: self.progress_bar.setValue(int(value)))
        self.runner.done.connect(self._task_done)
        QgsProject.instance().readProject.connect(self._project_read)

    # what the session holds, under the names the dock has always had
    store = property(lambda self: self.session.store)
    undo_stack = property(lambda self: self.session.undo_stack)
    runner = property(lambda self: self.session.runner)
    area_layer = property(lambda self: self.session.area_layer)
    canvas = property(lambda self: self.session.canvas)

    # --- layout ----------------------------------------------------------------------------
    def _build(self):
        root = QWidget()
        layout = QVBoxLayout(root)
        layout.setContentsMargins(4, 4, 4, 4)
        self.bar = QgsMessageBar()
        layout.addWidget(self.bar)
        layout.addLayout(self._top_row())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_page(), tr("Initiatives"))
        self.tabs.addTab(self._form_page(), tr("Initiative"))
        self.validation = ValidationPanel(self.session)
        self.tabs.addTab(scrolled(self.validation), tr("Validation"))
        self.summary = SummaryPanel(self.session)
        self._summary_page = scrolled(self.summary)
        self.tabs.addTab(self._summary_page, tr("Summary"))
        self.exchange = ExchangePanel(self.session)
        self.tabs.addTab(scrolled(self.exchange), tr("FERM"))
        self._summary_stale = True
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._progress_row())
        self.setWidget(root)
        self.setMinimumWidth(320)

    def _top_row(self):
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
        menu.addAction(tr("Shared registry (PostGIS)…"), lambda: postgis_home.open_dialog(self))
        menu.addAction(tr("History of the initiative…"), lambda: postgis_home.open_history(self))
        self.settings_button.setMenu(menu)
        for button in (self.new_registry_button, self.open_registry_button, self.undo_button, self.redo_button,
                       self.settings_button):
            top.addWidget(button)
        return top

    def _progress_row(self):
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
        return self.progress_row

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
        page = load_form("registry_list", self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.department_combo.addItem(tr("All"), None)
        for name, vocabulary in FILTERS:
            replace_placeholder(self, name, CodeComboBox(vocabulary)).setItemText(0, tr("All"))
        self.state_filter.addItem(tr("All"), None)
        for state in VALIDATION_STATES:
            self.state_filter.addItem(state_label(state), state)
        for combo in (self.department_combo, self.status_filter, self.gap_filter, self.ecosystem_filter,
                      self.state_filter):
            narrow_combo(combo)  # one column of narrow combos: the dock fits a laptop screen
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.list_model = InitiativeListModel(self)
        setup_list_view(self.list_view, self.list_model)
        self.list_view.selectionModel().selectionChanged.connect(lambda *_a: self._list_selection_changed())
        self.list_view.doubleClicked.connect(
            lambda index: self.edit_initiative(self.list_model.data(index, UUID_ROLE)))
        self.new_button.clicked.connect(lambda: self.new_initiative())
        self.edit_button.clicked.connect(lambda: self.edit_initiative())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.report = ReportAction(self.session, self)  # issue 13: target2_report as a task, then the PDF
        self.list_buttons.addWidget(self.report.button)
        return page

    def _form_page(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = InitiativeForm()
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

    def _show_form_areas(self):
        self.tabs.setCurrentIndex(1)
        self.form.tabs.setCurrentIndex(2)

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
        return self.session.error_text(exc)

    def confirm(self, question):
        """Ask a yes/no question (tests replace this method)."""
        answer = QMessageBox.question(self, tr("Initiative registry"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- tasks -----------------------------------------------------------------------------
    @property
    def busy(self):
        return self.session.busy

    def run_task(self, description, func, on_success):
        return self.session.run_task(description, func, on_success)

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
        return self.session.require_store()

    @guarded
    def open_registry(self, path, create=False):
        """Open (or create) the registry at ``path``; remembered in the settings and the project."""
        self.session.open(path, create)
        self._restored = True
        path = str(self.session.location or path)  # a PostGIS registry: its name without the password
        self.show_success(
            (tr("New registry created: {path}") if create else tr("Registry opened: {path}")).format(path=path)
        )
        return True

    def _registry_opened(self, path):
        PluginSettings.load().update(registry_path=path)
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_KEY, path)
        self.path_label.setText(Path(path).name)
        self.path_label.setToolTip(path)
        self.list_model.set_store(self.store)
        self._refresh_departments()
        self._update_count()
        self._load_form(new_initiative())

    def close_registry(self):
        self.session.close()

    def _registry_closed(self):
        self.list_model.set_store(None)
        self.path_label.setText(tr("No registry open"))

    def restore_registry(self):
        """Reopen the registry of the project, else the last one used (once, when first shown)."""
        if self.store is not None:
            return True
        path, found = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if not (found and path):
            path = PluginSettings.load().registry_path
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
        folder = PluginSettings.load().last_folder
        path, _filter = QFileDialog.getSaveFileName(self, tr("New registry"), folder, tr("GeoPackage (*.gpkg)"))
        if path:
            if not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            return self.open_registry(path, create=True)
        return False

    def choose_registry(self):
        folder = PluginSettings.load().last_folder
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
        self.delete_button.setEnabled(bool(uuids) and self.session.may_change(uuids))
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
        self.session.notify_changed(uuid)

    def _refresh(self, uuid=None):
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
            self._load_form(fresh if fresh is not None else new_initiative())

    # --- form ------------------------------------------------------------------------------
    def _load_form(self, initiative):
        self._may_change_cache = (None, None)  # another initiative (or registry): ask the server again
        self.form.load(initiative)
        self.session.set_current(self.form.initiative)

    def _form_changed(self):
        self.save_button.setEnabled((self.form.dirty or self.form.is_new) and self._may_change_form())
        self.revert_button.setEnabled(self.form.dirty)

    def _may_change_form(self):
        """Whether the role may save the form's initiative (asked once per initiative, not per keystroke)."""
        uuid = self.form.initiative.uuid
        if getattr(self, "_may_change_cache", (None, None))[0] != uuid:
            self._may_change_cache = (uuid, self.session.may_change([uuid]))
        return self._may_change_cache[1]

    def _may_discard(self):
        return not self.form.dirty or self.confirm(tr("Discard the unsaved changes of the form?"))

    @guarded
    def new_initiative(self):
        if self.require_store() is None or not self._may_discard():
            return False
        self._load_form(new_initiative())
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
        self._load_form(initiative)
        self.tabs.setCurrentIndex(1)
        layer = self.area_layer.layer
        if self.area_layer.drawing_for and layer is not None and layer.isEditable():
            self.area_layer.prepare_drawing(uuid)  # areas drawn from now on belong to this initiative
        return True

    def _edit_requested(self, uuid, area_uuid):
        if self.edit_initiative(uuid) and area_uuid:
            self.form.select_area(area_uuid)

    @guarded
    def revert_form(self):
        if self.form.is_new:
            self._load_form(new_initiative())
            return True
        fresh = self.store.get_initiative(self.form.initiative.uuid) if self.store is not None else None
        self._load_form(fresh if fresh is not None else new_initiative())
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
        """Save ``initiative`` through the session (undoable; large ones in a QgsTask)."""
        return self.session.write_initiative(initiative, before, action, from_form)

    def _initiative_saved(self, saved, from_form):
        if self.form.initiative.uuid == saved.uuid:
            if from_form or not self.form.dirty:
                self._load_form(saved)
            else:  # drawn areas arrived while the user was editing: merge, keep the edits
                known = {a.uuid for a in self.form.areas}
                self.form.initiative.revision = saved.revision
                self.form.add_areas([copy.deepcopy(a) for a in saved.areas if a.uuid not in known])
        self.registry_changed()
        self.select_in_list(saved.uuid)

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
                self.undo_stack.push(RegistryCommand(self.session, tr("Delete \"{title}\"").format(
                    title=before.title), before, None))
                if self.form.initiative.uuid == uuid:
                    self._load_form(new_initiative())
        finally:
            self.undo_stack.endMacro()
        self.registry_changed()
        self.show_success(tr("{count} initiative(s) deleted.").format(count=len(uuids)))
        return True

    # --- areas of the form (ui/area_actions.py) ----------------------------------------------
    def start_drawing(self):
        return self.area_actions.start_drawing()

    def open_import_dialog(self, path=None):
        return self.area_actions.open_import_dialog(path)

    def import_areas(self, layer, crs, area_mapping, defaults=None, mode="update", encoding=None):
        return self.area_actions.import_areas(layer, crs, area_mapping, defaults, mode, encoding)

    def fill_admin_units(self, choose=False, fill=True):
        return self.area_actions.fill_admin_units(choose, fill)
