"""The ``t2restore`` Processing provider."""

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr

ICON = Path(__file__).resolve().parents[1] / "resources" / "icon.svg"


def algorithm_classes():
    from .area_summary import AreaSummaryAlgorithm
    from .ldn_degradation import LdnDegradationAlgorithm

    return [LdnDegradationAlgorithm, AreaSummaryAlgorithm]


class T2RestoreProvider(QgsProcessingProvider):
    def id(self):
        return "t2restore"

    def name(self):
        return "T2 Restore"

    def longName(self):  # noqa: N802 - QGIS API name
        return tr("T2 Restore: ecosystem restoration (KM-GBF Target 2)")

    def icon(self):
        return QIcon(str(ICON))

    def svgIconPath(self):  # noqa: N802 - QGIS API name
        return str(ICON)

    def loadAlgorithms(self):  # noqa: N802 - QGIS API name
        for cls in algorithm_classes():
            self.addAlgorithm(cls())

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802 - QGIS API name
        return ["tif"]

    def defaultRasterFileExtension(self):  # noqa: N802 - QGIS API name
        return "tif"
