"""UNKNOWN_CODES: what algorithms reading coded rasters do with codes outside the legend.

Shared by the algorithms that read land cover and LPD codes (``algorithms.codes``): the parameter,
its value, and the warning that says how many pixels were left out as no data.
"""

from qgis.core import QgsProcessingParameterEnum

from ..algorithms import codes
from ..translation import tr

UNKNOWN_CODES = "UNKNOWN_CODES"


def add_unknown_codes_parameter(alg):
    """The UNKNOWN_CODES choice: 0 refuse the run (default), 1 leave those pixels out as no data."""
    alg.addParameter(QgsProcessingParameterEnum(
        alg.UNKNOWN_CODES, tr("Codes outside the legend (e.g. land cover 50 in a 7-class map, LPD 7)"),
        options=[tr("Refuse the run, naming each code and its pixel count"), tr("Leave those pixels out as no data")],
        defaultValue=0))


def unknown_policy(alg, parameters, context):
    """'refuse' or 'nodata' from UNKNOWN_CODES."""
    return codes.POLICIES[alg.parameterAsEnum(parameters, alg.UNKNOWN_CODES, context)]


def report_unknown(feedback, reports):
    """A warning per input whose unknown codes were left out as no data: ``[(input, pixels, codes)]``."""
    for name, pixels, values in reports:
        feedback.pushWarning(tr("{name}: {pixels} pixels hold codes outside the legend and were left out as no "
                                "data; codes (pixels): {values}.").format(name=name, pixels=pixels, values=values))
