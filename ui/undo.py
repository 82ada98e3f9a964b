"""Undo and redo of registry operations (save, delete, drawn areas, geometry repair).

What is undone is a registry write, not a keystroke: the form edits a copy, and "Revert" drops
unsaved changes, so the undo stack only needs the versions of an initiative before and after each
write. Undo writes the earlier version back through ``save_initiative`` (a new revision, so other
editors notice), and refuses, with a message, when someone else changed the initiative after our
write: undoing would silently throw their work away.
"""

import copy

from ..algorithms.errors import N_, T2Error
from ..compat import QUndoCommand
from ..registry.store import ConflictError
from ..translation import tr


class NoRegistryError(T2Error):
    template = N_("No registry is open: undo and redo work on the open registry only. Open it again to keep editing.")


def _current_revision(store, uuid):
    found = store.list_initiatives(_by_uuid(uuid), limit=1)
    return found[0].revision if found else None


def _by_uuid(uuid):
    from ..registry.model import InitiativeFilter

    return InitiativeFilter(uuids=[uuid])


class RegistryCommand(QUndoCommand):
    """Replaces the stored version of one initiative with ``after`` (redo) or ``before`` (undo).

    ``before`` None means the initiative did not exist (undo deletes it); ``after`` None means it
    was deleted (redo deletes it again). The first ``redo()`` is skipped: the dock has already
    performed the write when it pushes the command.
    """

    def __init__(self, session, text, before, after):
        super().__init__(text)
        self.session = getattr(session, "session", session)  # the dock's session when given the dock
        self.uuid = (after or before).uuid
        self.title = (after or before).title
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)
        self.revision = after.revision if after is not None else None  # what we last wrote
        self._first = True

    def _apply(self, version):
        store = self.session.store
        if store is None:
            raise NoRegistryError()
        current = _current_revision(store, self.uuid)
        if current != self.revision:
            raise ConflictError(title=self.title, expected=self.revision or "-", actual=current or "-")
        if version is None:
            store.delete_initiative(self.uuid, expected_revision=current)
            self.revision = None
        else:
            target = copy.deepcopy(version)
            target.revision = current or 0
            store.save_initiative(target)
            self.revision = target.revision
        self.session.notify_changed(self.uuid)

    def _run(self, version):
        try:
            self._apply(version)
        except Exception as exc:  # noqa: BLE001 - shown in the message bar; the stack stays usable
            self.setObsolete(True)
            self.session.show_error(tr("Cannot undo or redo \"{action}\": {reason}").format(
                action=self.text(), reason=self.session.error_text(exc)))

    def redo(self):
        if self._first:
            self._first = False
            return
        self._run(self.after)

    def undo(self):
        self._run(self.before)
