"""LEGEND: class names for the tables of class rasters (a preset id, a CSV of code,name or a QML style).

Shared by the algorithms that write a table of classes (area_summary first): without a legend the
table shows bare codes ("2", "8"); with one, each row carries the class name. CSV files and presets
are read by ``algorithms.legends``; a QML is read here with Qt's XML parser (paletted and singleband
pseudocolour rasters, categorized vectors). The provider skips modules starting with ``_``.
"""

from qgis.core import QgsProcessingException, QgsProcessingParameterString
from qgis.PyQt.QtCore import QByteArray
from qgis.PyQt.QtXml import QDomDocument

from ..algorithms import legends
from ..translation import tr

LEGEND = "LEGEND"


def add_legend_parameter(alg):
    """The optional LEGEND string: a preset id, or the path of a CSV (code,name) or QML file."""
    alg.addParameter(QgsProcessingParameterString(
        alg.LEGEND, tr("Legend for class names: a preset ({choices}) or a CSV (code,name) or QML file").format(
            choices=", ".join([legends.UNCCD_ID] + legends.preset_ids())), defaultValue="", optional=True))


def legend_class_names(alg, parameters, context):
    """{code: name} from LEGEND ({} when not set); UNCCD names translated."""
    text = (alg.parameterAsString(parameters, alg.LEGEND, context) or "").strip() if alg.LEGEND in parameters else ""
    if not text:
        return {}
    if text.lower().endswith(".qml"):
        return read_qml_names(text)
    names = legends.legend_names(text)
    return {code: tr(name) for code, name in names.items()} if text == legends.UNCCD_ID else names


def read_qml_names(path):
    """{code: label} of a QML style: palette entries, colour ramp items or renderer categories."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise QgsProcessingException(
            tr("Cannot read the legend file {path}: check the path.").format(path=path)) from exc
    doc = QDomDocument()
    ok = doc.setContent(QByteArray(data))[0]
    if not ok:
        raise QgsProcessingException(tr("The legend file {path} is not a QML style (XML).").format(path=path))
    names = {}
    for tag in ("paletteEntry", "item", "category"):
        nodes = doc.elementsByTagName(tag)
        for i in range(nodes.count()):
            element = nodes.item(i).toElement()
            value, label = element.attribute("value"), element.attribute("label")
            try:
                code = float(value)
            except ValueError:
                continue
            if label and code.is_integer():
                names.setdefault(int(code), label)
    if not names:
        raise QgsProcessingException(tr("The style {path} has no class with a value and a label (a paletted or "
                                        "categorized style is needed).").format(path=path))
    return names
