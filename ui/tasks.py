"""Long registry work (import, export, validation, summaries) as QgsTasks.

Why a wrapper: registry functions take plain ``progress(fraction)`` and ``is_cancelled()``
callbacks (so they stay testable without Qt); this turns them into a cancellable QgsTask whose
outcome comes back to the main thread, where the dock may touch widgets. The work must open its
own registry connection (``open_registry(location)``): the dock's connection stays free for the
list and the form, so the interface never waits for a long transaction.
"""

import traceback

from qgis.core import QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QObject, pyqtSignal

from .. import compat
from ..algorithms.errors import Cancelled, T2Error
from ..translation import tr

LOG_TAG = "T2 Restore"


def error_message(exc):
    """A message for the user: the translated T2 message, or a short line (details go to the log)."""
    if isinstance(exc, T2Error):
        return exc.message(tr)
    if isinstance(exc, MemoryError):
        return tr("Not enough memory. Close other programs or process a smaller region.")
    if isinstance(exc, OSError):
        return tr("The file could not be read or written: {error}").format(error=exc.strerror or str(exc))
    return tr("Unexpected error: {error}. Details are in the T2 Restore message log.").format(error=str(exc))


def log_exception(exc):
    """Tracebacks go to the QGIS message log, never into a dialog."""
    QgsMessageLog.logMessage(
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), LOG_TAG, compat.MESSAGE_CRITICAL
    )


class FunctionTask(QgsTask):
    """Runs ``func(progress, is_cancelled)`` in a worker thread."""

    def __init__(self, description, func):
        super().__init__(description)
        self.func = func
        self.result = None
        self.error = None
        self.cancelled = False
        self.callback = None

    def run(self):
        try:
            self.result = self.func(lambda f: self.setProgress(100.0 * max(0.0, min(1.0, f))), self.isCanceled)
            return True
        except Cancelled:
            self.cancelled = True
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message, never a traceback
            self.error = exc
            if not isinstance(exc, T2Error):
                log_exception(exc)
            # Release the failing frames' locals (feature iterators of layers that may be deleted
            # before this task is): kept alive by the stored error, they crash QGIS later.
            traceback.clear_frames(exc.__traceback__)
        return False

    def finished(self, ok):
        if self.isCanceled():
            self.cancelled = True
        if self.callback is not None:
            self.callback(self)


class TaskRunner(QObject):
    """One long job at a time for the dock: progress, cancel, and the outcome in the main thread.

    ``run(description, func, on_success, on_failure)``; ``on_success(result)`` runs in the main
    thread. ``busy`` tells tests and the dock whether a job is running.
    """

    started = pyqtSignal(str)
    progress = pyqtSignal(float)
    done = pyqtSignal(bool, str)  # ok, message (error text, "cancelled" message or "")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = None
        self._handlers = None

    @property
    def busy(self):
        return self.task is not None

    def run(self, description, func, on_success, on_failure=None):
        if self.task is not None:
            return False
        task = FunctionTask(description, func)
        task.callback = self._finished
        task.progressChanged.connect(self.progress.emit)
        self.task = task
        self._handlers = (on_success, on_failure)
        self.started.emit(description)
        QgsApplication.taskManager().addTask(task)
        return True

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def _finished(self, task):
        on_success, on_failure = self._handlers
        self.task, self._handlers = None, None
        if task.error is None and not task.cancelled:
            try:
                on_success(task.result)
            except Exception as exc:  # noqa: BLE001 - shown as a message
                log_exception(exc)
                self.done.emit(False, error_message(exc))
                return
            self.done.emit(True, "")
            return
        message = tr("Cancelled; nothing was changed.") if task.cancelled else error_message(task.error)
        if on_failure is not None:
            on_failure(message)
        self.done.emit(False, message)
