"""The dock's "write gaps into the registry" action: t2restore:gap_overlap with WRITE_TO_REGISTRY.

Runs the Processing algorithm itself (the same code as the toolbox and qgis_process) in the dock's
worker task, on its own Processing context; the layers are passed by source, never as objects of
the main thread.
"""

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from ..algorithms.errors import N_, T2Error

ALGORITHM = "t2restore:gap_overlap"


class GapWritebackError(T2Error):
    template = N_("The gaps could not be written into the registry: {reason}")


class _Feedback(QgsProcessingFeedback):
    """Progress to the task's callback; cancel when the task is cancelled."""

    def __init__(self, progress, is_cancelled):
        super().__init__()
        self.messages = []
        self._progress, self._cancelled = progress, is_cancelled
        self.progressChanged.connect(self._changed)

    def _changed(self, percent):
        if self._cancelled():
            self.cancel()
        self._progress(percent / 100.0)

    def pushInfo(self, info):  # noqa: N802 - QGIS API name
        self.messages.append(info)
        super().pushInfo(info)


def write_gaps(registry, gap_a, gap_b, protected, name_field, progress, is_cancelled):
    """Run the algorithm for the registry's areas; returns (areas changed, log lines)."""
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
    if alg is None:
        raise GapWritebackError(reason=ALGORITHM)
    params = {"GAP_A": gap_a, "GAP_B": gap_b, "INITIATIVES": registry + "|layername=restoration_areas",
              "WRITE_TO_REGISTRY": True, "OUTPUT": "TEMPORARY_OUTPUT"}
    if protected:
        params["PROTECTED_AREAS"] = protected
        params["PROTECTED_NAME_FIELD"] = name_field or ""
    context = QgsProcessingContext()
    feedback = _Feedback(progress, is_cancelled)
    try:
        results, ok = alg.run(params, context, feedback, {}, False)
    except QgsProcessingException as exc:  # already translated by the algorithm
        raise GapWritebackError(reason=exc.args[0] if exc.args else str(exc)) from exc
    if not ok:
        raise GapWritebackError(reason=feedback.messages[-1] if feedback.messages else ALGORITHM)
    return int(results.get("AREAS_WRITTEN") or 0), feedback.messages
