"""Target 2 counted only over areas whose restoration outcome is "recovering" (issue 14).

``target2_indicator`` (and the report built on it) gives, beside the share of all registered areas,
the share of the areas that ``restoration_outcomes`` found recovering: land under *effective*
restoration. OUTCOMES is that algorithm's table or layer (fields ``area_id`` and ``outcome``);
OUTCOME_ID_FIELD is the field of RESTORATION_AREAS holding the same identifier (a registry's
``uuid`` by default, else the feature id, as restoration_outcomes uses). The provider skips this
module (its name starts with ``_``).
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from .. import compat
from ..algorithms.errors import N_
from ..algorithms.outcomes.rules import RECOVERING
from ..translation import tr
from . import _vector

OUTCOMES = "OUTCOMES"
OUTCOME_ID_FIELD = "OUTCOME_ID_FIELD"
RECOVERING_IN_DEGRADED_HA = "RECOVERING_IN_DEGRADED_HA"
RECOVERING_SHARE_PCT = "RECOVERING_SHARE_PCT"


class OutcomeNames:
    """The outcome parameter and output names, as class constants of the algorithms that count recovering areas."""

    OUTCOMES = OUTCOMES
    OUTCOME_ID_FIELD = OUTCOME_ID_FIELD
    RECOVERING_IN_DEGRADED_HA = RECOVERING_IN_DEGRADED_HA
    RECOVERING_SHARE_PCT = RECOVERING_SHARE_PCT


def add_parameters(alg, areas_key):
    alg.addParameter(QgsProcessingParameterFeatureSource(
        OUTCOMES, tr("Restoration outcomes (table of restoration_outcomes): also count only recovering areas"),
        [compat.TYPE_VECTOR], optional=True))
    alg.addParameter(QgsProcessingParameterField(
        OUTCOME_ID_FIELD, tr("Field of the areas matching area_id of the outcomes (empty: uuid of a registry, "
                             "else the feature id)"), parentLayerParameterName=areas_key, optional=True))
    for key, label in ((RECOVERING_IN_DEGRADED_HA, N_("Recovering restoration inside degraded land (ha)")),
                       (RECOVERING_SHARE_PCT, N_("Share of degraded land under recovering restoration (%)"))):
        alg.addOutput(QgsProcessingOutputNumber(key, tr(label)))


def recovering_ids(alg, parameters, context):
    """The area_id of every area whose outcome is recovering, or None without OUTCOMES."""
    source = alg.parameterAsSource(parameters, OUTCOMES, context)
    if source is None:
        return None
    names = source.fields().names()
    if "area_id" not in names or "outcome" not in names:
        raise QgsProcessingException(tr("OUTCOMES needs the fields area_id and outcome: choose the table or the "
                                        "layer written by restoration_outcomes."))
    return {str(f["area_id"]) for f in source.getFeatures() if f["outcome"] == RECOVERING}


def recovering_polygons(alg, parameters, context, reader, areas_source, ids):
    """Polygons of the areas of ``areas_source`` whose identifier is in ``ids``."""
    field = alg.parameterAsString(parameters, OUTCOME_ID_FIELD, context)
    if not field and "uuid" in areas_source.fields().names():
        field = "uuid"
    if field and areas_source.fields().lookupField(field) < 0:
        raise QgsProcessingException(tr("The areas have no field '{field}' (OUTCOME_ID_FIELD).").format(field=field))
    polygons = []
    for fid, polys, values, _f in reader.features(areas_source, tr("Recovering areas"), [field] if field else []):
        key = _vector.label_of(values[0]) if field else str(fid)
        if key in ids:
            polygons.extend(polys)
    return polygons


def recovering_figures(feedback, degraded_ha, recovering_ha, count):
    """{output: value} of the recovering-only figures, logged."""
    share = 100.0 * recovering_ha / degraded_ha if degraded_ha > 0 else 0.0
    feedback.pushInfo(tr("Only areas recovering ({n}): {ha:,.2f} ha inside degraded land, {share:.2f} % of it.")
                      .format(n=count, ha=recovering_ha, share=share))
    return {RECOVERING_IN_DEGRADED_HA: recovering_ha, RECOVERING_SHARE_PCT: share}
