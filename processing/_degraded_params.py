"""The degraded land of Target 2, declared and read once for target2_indicator and target2_report (issue 13).

Both algorithms take the degraded land the same way: DEGRADED (polygons, or a raster), DEGRADED_VALUE (the
degraded value of a raster, default -1), DEGRADED_CLASSES (the ldn_status classes counted as degraded,
replacing the value) and DEGRADED_BAND (the band of a multi-band raster, by number or by its Trends.Earth
name). ``add_parameters`` declares them with one wording; ``indicator_parameters`` reads them back into the
parameters of a target2_indicator run, so the report passes on exactly what the user gave; ``values`` and
``band_source`` are what the indicator (and the report's map) read. The provider skips this module (its
name starts with ``_``).
"""

from qgis.core import (
    QgsProcessingFeedback,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
)

from .. import compat
from ..algorithms import values as values_list
from ..translation import tr
from . import _te_bands

DEGRADED = "DEGRADED"
DEGRADED_VALUE = "DEGRADED_VALUE"
DEGRADED_CLASSES = "DEGRADED_CLASSES"
DEGRADED_BAND = "DEGRADED_BAND"
KEYS = (DEGRADED, DEGRADED_VALUE, DEGRADED_CLASSES, DEGRADED_BAND)
DEFAULT_VALUE = -1  # the degraded class of the T2 Restore degradation algorithm and of Trends.Earth's SDG band


class DegradedLandNames:
    """The four parameter names, as class constants of both algorithms that take degraded land."""

    DEGRADED = DEGRADED
    DEGRADED_VALUE = DEGRADED_VALUE
    DEGRADED_CLASSES = DEGRADED_CLASSES
    DEGRADED_BAND = DEGRADED_BAND


def add_parameters(alg):
    """Declare DEGRADED, DEGRADED_VALUE, DEGRADED_CLASSES and DEGRADED_BAND on ``alg``."""
    alg.addParameter(QgsProcessingParameterMapLayer(
        DEGRADED, tr("Degraded land (polygons, or a raster)"), types=[compat.TYPE_VECTOR_POLYGON, compat.TYPE_RASTER]))
    alg.addParameter(QgsProcessingParameterNumber(
        DEGRADED_VALUE, tr("Degraded value in a raster"), compat.NUMBER_INTEGER, defaultValue=DEFAULT_VALUE))
    alg.addParameter(QgsProcessingParameterString(
        DEGRADED_CLASSES, tr("Degraded classes in a raster (e.g. 1,2,3 of an ldn_status status; replaces "
                             "the degraded value)"), optional=True))
    alg.addParameter(QgsProcessingParameterString(
        DEGRADED_BAND, tr("Band of a multi-band raster: number, or Trends.Earth band name (empty: "
                          "'SDG 15.3.1 Indicator' when its JSON is beside the file, else band 1)"), optional=True))


def _text(alg, parameters, key, context):
    return (alg.parameterAsString(parameters, key, context) or "").strip()


def values(alg, parameters, context):
    """The raster values counted as degraded: DEGRADED_CLASSES ('1,2,3') when set, else [DEGRADED_VALUE]."""
    text = _text(alg, parameters, DEGRADED_CLASSES, context)
    if text:
        return list(values_list.parse_value_list(text, DEGRADED_CLASSES))
    return [alg.parameterAsInt(parameters, DEGRADED_VALUE, context)]


def indicator_parameters(alg, parameters, context):
    """{key: value} of the four parameters for a target2_indicator run, as the user gave them (DEGRADED as
    given, the value read back, the classes and the band only when set)."""
    out = {DEGRADED: parameters.get(DEGRADED), DEGRADED_VALUE: alg.parameterAsInt(parameters, DEGRADED_VALUE, context)}
    for key in (DEGRADED_CLASSES, DEGRADED_BAND):
        text = _text(alg, parameters, key, context)
        if text:
            out[key] = text
    return out


def band_source(alg, parameters, context, feedback, workdir):
    """The one-band raster of DEGRADED that is read (the band DEGRADED_BAND or Trends.Earth's JSON names)."""
    return _te_bands.te_source(feedback, alg.raster_path(parameters, DEGRADED, context),
                               _text(alg, parameters, DEGRADED_BAND, context), _te_bands.SDG, DEGRADED, workdir).path


def map_layer(alg, parameters, context, workdir):
    """DEGRADED as a map draws it: of a raster, the one band that is read (DEGRADED_BAND, or the band its
    Trends.Earth JSON names); polygons as they are."""
    layer = alg.parameterAsLayer(parameters, DEGRADED, context)
    if not isinstance(layer, QgsRasterLayer):
        return layer
    path = band_source(alg, parameters, context, QgsProcessingFeedback(), workdir)  # its notes: the indicator's log
    return layer if path == layer.source() else QgsRasterLayer(path, layer.name(), "gdal")
