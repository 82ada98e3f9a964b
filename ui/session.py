"""The registry session: what the dock's panels share, so none of them reaches into another.

One ``RegistrySession`` per dock holds the open registry (``store``), the initiative being edited,
the undo stack, the task runner and the registry's area layer on the map. Panels (validation,
FERM exchange, summary, area import) read and write through it and listen to its signals; the dock
listens too and refreshes its list and form. Messages for the user go out as ``message`` signals,
shown by the dock's message bar.
"""

import functools

from qgis.PyQt.QtCore import QObject, pyqtSignal

from .. import compat
from ..compat import QUndoStack
from ..registry.store import ConflictError, create_registry
from ..registry.store import open_registry as open_store
from ..translation import tr
from .area_layer import AreaLayer
from .tasks import TaskRunner, error_message, log_exception
from .undo import RegistryCommand

BIG_SAVE_AREAS = 500  # above this many areas a save runs as a QgsTask


def guarded(method):
    """Slots never raise into Qt: a failure becomes a message (and the log). The object has
    ``show_error`` and ``error_text`` (the dock, the session, the area actions)."""

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


class RegistrySession(QObject):
    """The open registry, the current initiative, the undo stack and change signals."""

    registry_opened = pyqtSignal(str)  # location
    registry_closed = pyqtSignal()
    initiative_changed = pyqtSignal(str)  # uuid of the initiative now being edited
    registry_changed = pyqtSignal(object)  # uuid of the initiative written, None: anything may have changed
    initiative_saved = pyqtSignal(object, bool)  # the saved initiative, whether it came from the form
    edit_requested = pyqtSignal(str, str)  # initiative uuid, area uuid ("" for none)
    message = pyqtSignal(object, str, int)  # level, text, duration in seconds (0: until closed)

    def __init__(self, iface=None, canvas=None, parent=None):
        super().__init__(parent)
        self.store = None
        self.capabilities = None  # PostGIS home: what the connected role may do (None: a GeoPackage)
        self.current = None  # the initiative being edited (as loaded, not the unsaved edits)
        self.canvas = canvas
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self)
        self.area_layer = AreaLayer(iface, canvas, self)
        self._selection = list
        self.conflict_resolver = None  # (mine, registry's) -> initiative to save or None: ui/conflict_dialog.py

    # --- registry --------------------------------------------------------------------------
    @property
    def location(self):
        return self.store.location if self.store is not None else None

    def open(self, path, create=False):
        """Open (or create) the registry at ``path``, closing the one open before; raises on failure."""
        path = str(path)
        store = create_registry(path) if create else open_store(path)
        self.close()
        self.store = store
        self.capabilities = store.capabilities() if hasattr(store, "capabilities") else None
        self.area_layer.set_registry(store)
        # a PostGIS registry is remembered by its connection's name (or its string without the password)
        self.registry_opened.emit(store.location if self.capabilities is not None else path)
        return store

    def close(self):
        self.runner.cancel()
        # Undo replays writes into the registry that was open: after closing (or opening another)
        # there is nothing it may write into, so the history goes with the registry.
        self.undo_stack.clear()
        self.area_layer.release()
        if self.store is not None:
            self.store.close()
            self.store = None
            self.registry_closed.emit()

    @property
    def read_only(self):
        """True when the connected role may change nothing (a PostGIS reader): the dock greys out writes."""
        return self.capabilities is not None and not self.capabilities.may_edit

    def may_change(self, uuids):
        """True when the connected role may change all these initiatives (PostGIS: admin, or an editor and
        every one owned by its institution; new ones become its own). Always True for a GeoPackage."""
        caps = self.capabilities
        if caps is None or caps.admin:
            return True
        if not caps.may_edit:
            return False
        owners = self.store.owners(list(uuids))
        return all(caps.may_change(owners.get(uuid, caps.institution)) for uuid in uuids)

    def require_store(self):
        if self.store is None:
            self.show_error(tr("Create or open a registry first (buttons New… and Open… above)."))
        return self.store

    def set_current(self, initiative):
        self.current = initiative
        self.initiative_changed.emit(initiative.uuid)

    def notify_changed(self, uuid=None):
        """Tell every view that the registry changed (``uuid``: the one initiative written)."""
        if self.store is not None:
            self.registry_changed.emit(uuid)

    def request_edit(self, uuid, area_uuid=None):
        """Ask the dock to open an initiative (and one of its areas) in the form."""
        self.edit_requested.emit(uuid, area_uuid or "")

    # --- selection in the list -------------------------------------------------------------
    def set_selection_source(self, func):
        """``func()`` returns the uuids selected in the dock's list."""
        self._selection = func

    def selected_uuids(self):
        return list(self._selection())

    # --- writes ----------------------------------------------------------------------------
    def write_initiative(self, initiative, before, action, from_form=False):
        """Save ``initiative`` through the store and push the undo command; large initiatives
        (imports of hundreds of areas) are saved in a QgsTask. ``initiative_saved`` follows."""

        def finish(saved):
            self.undo_stack.push(RegistryCommand(self, action, before, saved))
            self.initiative_saved.emit(saved, from_form)
            self.show_success(tr("{action}: done.").format(action=action))

        try:
            if len(initiative.areas) > BIG_SAVE_AREAS:
                location = self.store.location
                return self.run_task(action, lambda _p, _c: _save_in_task(location, initiative), finish)
            self.store.save_initiative(initiative)
        except ConflictError as exc:
            resolved = self._resolve_conflict(initiative)
            if resolved is None:
                self.show_error(exc.message(tr))
                return False
            return self.write_initiative(resolved, before, action, from_form)
        finish(initiative)
        return True

    def _resolve_conflict(self, mine):
        """The version to save after a refused save (field by field, by the user), or None."""
        theirs = self.store.get_initiative(mine.uuid) if self.conflict_resolver is not None else None
        return self.conflict_resolver(mine, theirs) if theirs is not None else None

    # --- tasks -----------------------------------------------------------------------------
    @property
    def busy(self):
        return self.runner.busy

    def run_task(self, description, func, on_success):
        if self.runner.busy:
            self.show_error(tr("Another task is running; wait for it to finish or cancel it."))
            return False
        return self.runner.run(description, func, on_success)

    # --- messages --------------------------------------------------------------------------
    def show_message(self, text, level=None, duration=8):
        self.message.emit(compat.MESSAGE_INFO if level is None else level, text, duration)

    def show_error(self, text):
        self.show_message(text, compat.MESSAGE_CRITICAL, 0)

    def show_success(self, text):
        self.show_message(text, compat.MESSAGE_SUCCESS, 6)

    @staticmethod
    def error_text(exc):
        if not isinstance(exc, (OSError, MemoryError)) and not hasattr(exc, "template"):
            log_exception(exc)
        return error_message(exc)
