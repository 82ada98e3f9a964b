"""The dock's shared registry: choose a PostGIS home among QGIS's saved PostgreSQL connections,
initialize it, see what the connected role may do, browse an initiative's history and restore a
version (as a new change). Everything goes through the dock's ``RegistrySession``.
"""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ..pg_connections import install, saved_connection_names
from ..registry import pg_connect, pg_history
from ..registry.store import initialize_postgis
from ..translation import tr
from .session import guarded


def capabilities_text(caps):
    """What the connected role may do, in words."""
    if caps is None:
        return ""
    if caps.admin:
        return tr("Connected as {role}: administrator, may change every initiative.").format(role=caps.role)
    if caps.may_edit:
        return tr("Connected as {role}: editor of {institution}, may change only its initiatives; reads all.").format(
            role=caps.role, institution=caps.institution)
    return tr("Connected as {role}: reader, may not change anything (saving and deleting are disabled).").format(
        role=caps.role)


class PostgisHomeDialog(QDialog):
    """Pick a saved PostgreSQL connection; Open or Initialize it as the dock's registry."""

    def __init__(self, session, parent=None, names=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("Shared registry (PostGIS)"))
        layout = QVBoxLayout(self)
        self.connection_combo = QComboBox()
        self.connection_combo.addItems(names if names is not None else saved_connection_names())
        layout.addWidget(QLabel(tr("Saved PostgreSQL connection (Browser > PostgreSQL):")))
        layout.addWidget(self.connection_combo)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(tr("Open"))
        self.init_button = QPushButton(tr("Initialize registry"))
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.init_button.clicked.connect(lambda: self.initialize_selected())
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.init_button)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if not pg_connect.available():
            self.status_label.setText(pg_connect.DriverMissingError(path="").message(tr))
            for widget in (self.open_button, self.init_button, self.connection_combo):
                widget.setEnabled(False)
        elif self.connection_combo.count() == 0:
            self.status_label.setText(tr("No PostgreSQL connection is saved in QGIS: add one in the Browser "
                                         "(PostgreSQL > New Connection), then come back."))
            self.open_button.setEnabled(False)
            self.init_button.setEnabled(False)

    def show_error(self, text):
        self.status_label.setText(text)

    error_text = staticmethod(lambda exc: exc.message(tr) if hasattr(exc, "message") else str(exc))

    @guarded
    def open_selected(self):
        install()
        name = self.connection_combo.currentText()
        self.session.open(name)
        self.status_label.setText(capabilities_text(self.session.capabilities))
        return True

    @guarded
    def initialize_selected(self):
        install()
        existing = initialize_postgis(self.connection_combo.currentText())
        self.status_label.setText(
            tr("Registry created; open it now.") if existing is None
            else tr("This database already holds a registry (schema version {version}).").format(version=existing))
        return True


class HistoryDialog(QDialog):
    """The audited changes of one initiative; the chosen version is restored as a new change."""

    def __init__(self, session, uuid, parent=None):
        super().__init__(parent)
        self.session, self.uuid = session, uuid
        self.setWindowTitle(tr("History of the initiative"))
        layout = QVBoxLayout(self)
        self.changes_list = QListWidget()
        layout.addWidget(self.changes_list)
        self.restore_button = QPushButton(tr("Restore this version"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.changes_list.currentRowChanged.connect(
            lambda row: self.restore_button.setEnabled(row >= 0 and not session.read_only))
        layout.addWidget(self.restore_button)
        for change in pg_history.history(session.store, uuid):
            item = QListWidgetItem(tr("{at} {who}: {action}, revision {revision}: {title}").format(
                at=change.at[:19], who=change.who, action=change.action, revision=change.revision,
                title=change.title))
            item.setData(Qt.ItemDataRole.UserRole, change.audit_id)
            self.changes_list.addItem(item)

    def show_error(self, text):
        self.session.show_error(text)

    error_text = staticmethod(lambda exc: exc.message(tr) if hasattr(exc, "message") else str(exc))

    @guarded
    def restore_selected(self):
        item = self.changes_list.currentItem()
        before = self.session.store.get_initiative(self.uuid)
        restored = pg_history.version_at(self.session.store, self.uuid, item.data(Qt.ItemDataRole.UserRole))
        restored.revision = before.revision
        restored.created_at = before.created_at
        return self.session.write_initiative(restored, before, tr("Restore an earlier version"))


def open_dialog(dock):
    """The dock's menu entry."""
    PostgisHomeDialog(dock.session, dock).exec()


def history_target(session):
    """The initiative whose history the menu shows (the one selected, else the one being edited), or None
    with a message saying why."""
    if session.store is None or not hasattr(session.store, "capabilities"):
        session.show_error(tr("The history is kept by shared (PostGIS) registries; open one first (menu ⋯ > "
                              "Shared registry (PostGIS)…)."))
        return None
    selected = session.selected_uuids()
    if len(selected) == 1:
        return selected[0]
    if session.current is not None and session.store.get_initiative(session.current.uuid) is not None:
        return session.current.uuid
    session.show_error(tr("Select one initiative in the list to see its history."))
    return None


def open_history(dock):
    """The dock's menu entry: the history of the selected initiative."""
    uuid = history_target(dock.session)
    if uuid is not None:
        HistoryDialog(dock.session, uuid, dock).exec()
