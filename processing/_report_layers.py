"""The layers of the Target 2 report's maps, in a project of their own (never the user's project).

Each input is opened again from its source (so the report can run in a background task without
touching layers of the open project) and given a plain style whose legend entries name the classes.
"""

from qgis.core import (
    QgsFillSymbol,
    QgsPalettedRasterRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..translation import tr

DEGRADED_COLOR = "#d7191c"


def _fill(color, outline="#333333", width="0.2", style="solid"):
    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width,
                                       "style": style})


def _vector(source, name, symbol):
    layer = QgsVectorLayer(source, name, "ogr")
    if not layer.isValid():
        return None
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def _degraded(layer, values):
    """The degraded land: a raster with its degraded values named, or polygons."""
    name = tr("Degraded land")
    if isinstance(layer, QgsRasterLayer):
        copy = QgsRasterLayer(layer.source(), name, layer.providerType())
        if not copy.isValid():
            return None
        classes = [QgsPalettedRasterRenderer.Class(float(v), QColor(DEGRADED_COLOR), name) for v in values]
        copy.setRenderer(QgsPalettedRasterRenderer(copy.dataProvider(), 1, classes))
        return copy
    return _vector(layer.source(), name, _fill("227,26,28,150", DEGRADED_COLOR, "0.1"))


class ReportLayers:
    """The project of the maps and its layers (bottom to top): degraded land, gaps, zones, restoration."""

    def __init__(self, degraded_layer, degraded_values, restoration_source, inside_path, zones_source=None,
                 gaps=()):
        self.project = QgsProject()
        self.project.setEllipsoid("EPSG:7030")
        self.project.setCrs(degraded_layer.crs())
        self.degraded = self._add(_degraded(degraded_layer, degraded_values))
        self.gaps = [self._add(_vector(source, tr("Gap: {name}").format(name=name),
                                       _fill("0,0,0,0", color, "0.5", "no")))
                     for (name, source), color in zip(gaps, ("#2b83ba", "#7b3294"))]
        self.zones = self._add(_vector(zones_source, tr("Departments"), _fill("0,0,0,0", "#000000", "0.4", "no"))
                               if zones_source else None)
        self.restoration = self._add(_vector(restoration_source, tr("Restoration outside degraded land"),
                                             _fill("#fdae61", "#b35806", "0.2")))
        self.inside = self._add(_vector(inside_path, tr("Restoration inside degraded land"),
                                        _fill("#1a9641", "#00441b", "0.2")))

    def _add(self, layer):
        if layer is not None:
            self.project.addMapLayer(layer)
        return layer

    def map_layers(self):
        """The layers a map shows, top first."""
        order = [self.inside, self.restoration, self.zones, *self.gaps, self.degraded]
        return [layer for layer in order if layer is not None]

    def crs(self):
        return self.project.crs()

    def sources(self):
        """The names of the files shown, for the map's sources note."""
        return [layer.source().split("|")[0].replace("\\", "/").rsplit("/", 1)[-1] for layer in self.map_layers()]
