"""Every enum and API that moved between QGIS 3.22, 3.40 and 4.x, resolved in one place.

Modules import these names instead of reaching for ``QgsProcessing.TypeVectorPolygon`` or
``Qgis.ProcessingSourceType.VectorPolygon`` directly, so supporting a new QGIS line means editing
this file only.
"""

from qgis.core import (
    Qgis,
    QgsEditFormConfig,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant


def _pick(new, old):
    """The first attribute path that exists: ``new`` (QGIS >= 3.36 / 4) else ``old``."""
    for holder, names in (new, old):
        obj = holder
        try:
            for name in names.split("."):
                obj = getattr(obj, name)
            return obj
        except AttributeError:
            continue
    raise AttributeError(f"neither {new[1]} nor {old[1]}")


TYPE_VECTOR_POLYGON = _pick((Qgis, "ProcessingSourceType.VectorPolygon"), (QgsProcessing, "TypeVectorPolygon"))
TYPE_VECTOR_ANY_GEOMETRY = _pick((Qgis, "ProcessingSourceType.VectorAnyGeometry"),
                                 (QgsProcessing, "TypeVectorAnyGeometry"))
TYPE_VECTOR_POINT = _pick((Qgis, "ProcessingSourceType.VectorPoint"), (QgsProcessing, "TypeVectorPoint"))
TYPE_MAP_LAYER = _pick((Qgis, "ProcessingSourceType.MapLayer"), (QgsProcessing, "TypeMapLayer"))
TYPE_VECTOR = _pick((Qgis, "ProcessingSourceType.Vector"), (QgsProcessing, "TypeVector"))
TYPE_RASTER = _pick((Qgis, "ProcessingSourceType.Raster"), (QgsProcessing, "TypeRaster"))
TYPE_FILE = _pick((Qgis, "ProcessingSourceType.File"), (QgsProcessing, "TypeFile"))
NUMBER_INTEGER = _pick((Qgis, "ProcessingNumberParameterType.Integer"), (QgsProcessingParameterNumber, "Integer"))
NUMBER_DOUBLE = _pick((Qgis, "ProcessingNumberParameterType.Double"), (QgsProcessingParameterNumber, "Double"))
PARAMETER_ADVANCED = _pick((Qgis, "ProcessingParameterFlag.Advanced"),
                           (QgsProcessingParameterDefinition, "FlagAdvanced"))
FAST_INSERT = _pick((QgsFeatureSink, "Flag.FastInsert"), (QgsFeatureSink, "FastInsert"))
WKB_NO_GEOMETRY = _pick((Qgis, "WkbType.NoGeometry"), (QgsWkbTypes, "NoGeometry"))
WKB_MULTIPOLYGON = _pick((Qgis, "WkbType.MultiPolygon"), (QgsWkbTypes, "MultiPolygon"))
WKB_UNKNOWN = _pick((Qgis, "WkbType.Unknown"), (QgsWkbTypes, "Unknown"))
WKB_GEOMETRY_COLLECTION = _pick((Qgis, "WkbType.GeometryCollection"), (QgsWkbTypes, "GeometryCollection"))
FIELD_ANY = _pick((Qgis, "ProcessingFieldParameterDataType.Any"), (QgsProcessingParameterField, "Any"))
MESSAGE_WARNING = _pick((Qgis, "MessageLevel.Warning"), (Qgis, "Warning"))
MESSAGE_INFO = _pick((Qgis, "MessageLevel.Info"), (Qgis, "Info"))

try:  # QGIS >= 3.38 takes QMetaType; QGIS 4 requires it
    from qgis.PyQt.QtCore import QMetaType

    _TYPES = {"int": QMetaType.Type.Int, "double": QMetaType.Type.Double, "string": QMetaType.Type.QString,
              "longlong": QMetaType.Type.LongLong}
    QgsField("probe", QMetaType.Type.Int)
except (ImportError, AttributeError, TypeError):
    _TYPES = {"int": QVariant.Int, "double": QVariant.Double, "string": QVariant.String,  # qt6: ok (QGIS < 3.38)
              "longlong": QVariant.LongLong}  # qt6: ok (QGIS < 3.38)


def field(name, kind, length=0, precision=0):
    """A QgsField of kind 'int', 'double', 'string' or 'longlong' on any QGIS line."""
    return QgsField(name, _TYPES[kind], len=length, prec=precision)


def qgis_version_int():
    return Qgis.QGIS_VERSION_INT if hasattr(Qgis, "QGIS_VERSION_INT") else Qgis.versionInt()


# Registry dock and registry algorithms (moved to Qgis.* in 3.30 .. 3.36; old names gone in 4.x).
MESSAGE_CRITICAL = _pick((Qgis, "MessageLevel.Critical"), (Qgis, "Critical"))
MESSAGE_SUCCESS = _pick((Qgis, "MessageLevel.Success"), (Qgis, "Success"))
GEOMETRY_POLYGON = _pick((Qgis, "GeometryType.Polygon"), (QgsWkbTypes, "PolygonGeometry"))
FILE_BEHAVIOR_FILE = _pick((Qgis, "ProcessingFileParameterBehavior.File"), (QgsProcessingParameterFile, "File"))
FILE_BEHAVIOR_FOLDER = _pick((Qgis, "ProcessingFileParameterBehavior.Folder"), (QgsProcessingParameterFile, "Folder"))
REQUEST_NO_GEOMETRY = _pick((Qgis, "FeatureRequestFlag.NoGeometry"), (QgsFeatureRequest, "NoGeometry"))
LAYER_FILTER_POLYGON = _pick((Qgis, "LayerFilter.PolygonLayer"), (QgsMapLayerProxyModel, "PolygonLayer"))
FORM_SUPPRESS_ON = _pick((Qgis, "AttributeFormSuppression.On"), (QgsEditFormConfig, "SuppressOn"))

# Qt classes that moved from QtWidgets to QtGui in Qt6 (QGIS 4). QGIS 3.40 and 3.44 re-export QAction,
# QActionGroup and QShortcut from qgis.PyQt.QtGui on Qt5 too; QGIS 3.22, and QUndo* on any Qt5, need QtWidgets.
try:
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401  qt6: ok (Qt5 fallback, QGIS 3.22)
try:
    from qgis.PyQt.QtGui import QUndoCommand, QUndoStack
except ImportError:
    from qgis.PyQt.QtWidgets import QUndoCommand, QUndoStack  # noqa: F401  qt6: ok (Qt5 fallback)

# Print layouts (t2restore:target2_report): units and atlas scaling moved to Qgis.* in 3.30 .. 3.40.
from qgis.core import QgsLayoutItemMap, QgsUnitTypes  # noqa: E402

LAYOUT_MM = _pick((Qgis, "LayoutUnit.Millimeters"), (QgsUnitTypes, "LayoutMillimeters"))
DISTANCE_KM = _pick((Qgis, "DistanceUnit.Kilometers"), (QgsUnitTypes, "DistanceKilometers"))
ATLAS_SCALE_AUTO = _pick((QgsLayoutItemMap, "AtlasScalingMode.Auto"), (QgsLayoutItemMap, "Auto"))
# layouts print text as text (searchable, selectable PDFs); QGIS's layout default is outlines on newer lines
from qgis.core import QgsRenderContext  # noqa: E402

TEXT_ALWAYS_TEXT = _pick((Qgis, "TextRenderFormat.AlwaysText"), (QgsRenderContext, "TextFormatAlwaysText"))
# the report's SVG charts embedded in picture items (Qgis.PictureFormat from 3.26)
from qgis.core import QgsLayoutItemPicture  # noqa: E402

PICTURE_SVG = _pick((Qgis, "PictureFormat.SVG"), (QgsLayoutItemPicture, "Format.FormatSVG"))
