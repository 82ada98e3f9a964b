"""A Processing feedback that keeps what an algorithm logs, for tests to read."""

from qgis.core import QgsProcessingFeedback


class Capture(QgsProcessingFeedback):
    """``infos``, ``warnings`` and ``errors`` apart, and ``lines``: all of them, in the order they came."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings, self.errors, self.lines = [], [], [], []

    def pushInfo(self, text):  # noqa: N802 - QGIS API name
        self.infos.append(text)
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802 - QGIS API name
        self.warnings.append(text)
        self.lines.append(text)

    def reportError(self, text, fatalError=False):  # noqa: N802, N803 - QGIS API names
        self.errors.append(text)
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines)
