"""The ``t2restore`` Processing provider."""

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr

ICON = Path(__file__).resolve().parents[1] / "resources" / "icon.svg"


def algorithm_classes():
    """Every T2Algorithm subclass defined in a module of this package (one algorithm per file).

    Discovered rather than listed, so adding an algorithm is adding a file.
    """
    import importlib
    import pkgutil

    from .base import T2Algorithm

    found = []
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).resolve().parent)]), key=lambda i: i.name):
        if info.name in ("base", "provider", "styles") or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, T2Algorithm) and obj is not T2Algorithm
                    and obj.__module__ == module.__name__ and obj.NAME):
                found.append(obj)
    return found


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
        from ..pg_connections import install

        install()  # REGISTRY parameters also accept QGIS's saved PostgreSQL connections
        for cls in algorithm_classes():
            self.addAlgorithm(cls())

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802 - QGIS API name
        return ["tif"]

    def defaultRasterFileExtension(self):  # noqa: N802 - QGIS API name
        return "tif"
