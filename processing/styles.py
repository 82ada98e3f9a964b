"""Styles of the outputs: QML documents, raster attribute tables and the style applied on loading.

Why a module: every algorithm styles its outputs the same way (paletted rasters, categorized
polygons, colour ramps), and the base class should hold what algorithms share in running, not how
their outputs look. Styles are written beside the output (never over a style file T2 Restore did
not write) and applied by a post-processor when QGIS loads the output.
"""

import os
import uuid

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..algorithms import files
from ..algorithms.blocks import write_categories


def style_raster(context, path, classes, layer_name):
    """QML sidecar + raster attribute table of the raster ``path``, and the style applied when QGIS loads it.

    ``classes`` is a list of (value, label, '#rrggbb'); returns the QML's path.
    """
    qml = write_qml(path, paletted_qml(classes))
    write_categories(path, classes)
    style_on_load(context, path, qml, layer_name)
    return qml


def write_qml(path, text):
    """The QML sidecar of the output ``path`` (same name, .qml, which QGIS loads with it); returns its path.

    A ``<stem>.qml`` T2 Restore did not write (the user's style, or the style of another file of the
    same stem such as ``<stem>.shp``) is never overwritten: ours then goes to ``<output>.t2restore.qml``
    and is still applied when QGIS loads the output. Ours carry ``files.QML_MARKER``; written to a
    temporary name, then renamed.
    """
    qml = os.path.splitext(path)[0] + ".qml"
    if os.path.exists(qml) and not files.written_by_us(qml):
        qml = path + ".t2restore.qml"
    head, sep, rest = text.partition("\n")
    text = f"{head}\n{files.QML_MARKER}\n{rest}" if head.startswith(("<?xml", "<!DOCTYPE")) and sep \
        else f"{files.QML_MARKER}\n{text}"
    tmp = files.part_path(qml, ".qml")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, qml)
    return qml


def style_on_load(context, path, qml, layer_name):
    """Name the output ``path`` and apply the style ``qml`` when QGIS loads it on completion."""
    if context.willLoadLayerOnCompletion(path):
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = layer_name
        details.setPostProcessor(StylePostProcessor.create(qml))


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML style to an output when QGIS loads it (runs in the main thread).

    QGIS runs an algorithm on a copy that is destroyed before outputs are loaded, and does not own
    post-processors, so instances are kept alive here (a few bytes each) rather than on the algorithm.
    """

    _alive = []

    def __init__(self, qml):
        super().__init__()
        self.qml = qml

    @classmethod
    def create(cls, qml):
        instance = cls(qml)
        cls._alive = cls._alive[-99:] + [instance]
        return instance

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API name
        layer.loadNamedStyle(self.qml)
        layer.triggerRepaint()


def _xml(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def raster_qml(renderer):
    """A raster style document (stable format across QGIS 3.x and 4) around a ``<rasterrenderer>`` element."""
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
{renderer}
    <brightnesscontrast brightness="0" contrast="0"/>
    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
"""


def paletted_qml(classes, band=1):
    """A paletted-renderer QML."""
    entries = "\n".join(
        f'        <paletteEntry value="{value}" color="{color}" label="{_xml(label)}" alpha="255"/>'
        for value, label, color in classes)
    return raster_qml(f"""\
    <rasterrenderer type="paletted" band="{band}" opacity="1" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <colorPalette>
{entries}
      </colorPalette>
    </rasterrenderer>""")


def categorized_qml(field, classes):
    """QML text of a categorized fill renderer: ``classes`` [(value, translated label, '#rrggbb')]."""
    categories = []
    for value, label, color in classes:
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": "#505050", "outline_width": "0.1"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer = QgsVectorLayer(f"MultiPolygon?field={field}:integer", "style", "memory")
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    doc = QDomDocument("qgis")
    layer.exportNamedStyle(doc)
    return doc.toString()


def style_vector_output(context, dest, field, classes, layer_name):
    """A QML sidecar beside a file output (QGIS loads it with the file) and the same style applied
    through the base post-processor when QGIS loads the output on completion."""
    path = str(dest).split("|")[0]
    if os.path.splitext(path)[1] and os.path.isdir(os.path.dirname(path) or "."):
        qml = write_qml(path, categorized_qml(field, classes))  # never over a style file that is not ours
    else:  # a memory layer: the style lives in the processing temporary folder
        qml = os.path.join(QgsProcessingUtils.tempFolder(), f"style_{uuid.uuid4().hex[:12]}.qml")
        with open(qml, "w", encoding="utf-8") as fh:
            fh.write(categorized_qml(field, classes))
    if context.willLoadLayerOnCompletion(dest):
        details = context.layerToLoadOnCompletionDetails(dest)
        details.name = layer_name
        details.setPostProcessor(StylePostProcessor.create(qml))
    return qml
