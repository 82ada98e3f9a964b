"""t2restore:export_ferm: a registry (or part of it) as a FERM-compatible GeoPackage, headless."""

from pathlib import Path

from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms.errors import N_
from ..registry import ferm
from ..registry.store import open_registry
from ..translation import tr
from .base import T2Algorithm


def initiatives_matching(path, expression, context=None):
    """uuids of the registry's initiatives for which ``expression`` is true (QGIS expression)."""
    layer = QgsVectorLayer(str(path) + "|layername=initiatives", "initiatives", "ogr")
    if not layer.isValid():
        raise QgsProcessingException(tr("The registry's initiatives table cannot be read: {path}").format(path=path))
    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        raise QgsProcessingException(
            tr("The filter expression is not valid: {error}").format(error=parsed.parserErrorString())
        )
    expression_context = QgsExpressionContext()
    expression_context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    request = QgsFeatureRequest(parsed, expression_context)
    request.setFlags(compat.REQUEST_NO_GEOMETRY)
    uuids = [feature["uuid"] for feature in layer.getFeatures(request)]
    if parsed.hasEvalError():
        raise QgsProcessingException(
            tr("The filter expression cannot be evaluated: {error}").format(error=parsed.evalErrorString())
        )
    return uuids


class ExportFermAlgorithm(T2Algorithm):
    NAME = "export_ferm"
    DISPLAY_NAME = N_("Export initiatives to a FERM-compatible GeoPackage")
    GROUP_ID = "registry"
    HELP = (
        N_(
            "Writes the initiatives of a T2 Restore registry to one GeoPackage that FAO's FERM and the national "
            "platforms can take: restoration areas as EPSG:4326 MultiPolygons with a spatial index, the "
            "initiative, organization, contact and monitoring tables linked by uuid, lookup tables (code, "
            "English and Spanish label) for every vocabulary, FERM's flat public-export layer and export metadata."
        ),
        N_(
            "Every area is validated first (the checks are listed in docs/metodos.md, section 12, shipped with the "
            "plugin): areas with errors are refused, areas "
            "with warnings are exported and flagged. The validation report is written beside the file as "
            "<name>.validation.json and .csv. The file is built under a temporary name and renamed only when "
            "complete."
        ),
        N_(
            "FILTER is an optional QGIS expression over the columns of the registry's initiatives table, for "
            "example \"restoration_status\" = 2 AND \"start_year\" >= 2021; empty exports every initiative. "
            "GEF_TABLE adds the FAO-GEF table (ID_CODE, Restor_str, Restor_end, Restor_eco, Restor_typ, area_ha)."
        ),
    )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(
            QgsProcessingParameterFile(
                "REGISTRY", tr("Registry (GeoPackage)"), behavior=compat.FILE_BEHAVIOR_FILE, extension="gpkg"
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression("FILTER", tr("Filter on initiatives (expression)"), optional=True)
        )
        self.addParameter(QgsProcessingParameterBoolean("GEF_TABLE", tr("Add the FAO-GEF table"), defaultValue=False))
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("FERM GeoPackage"), tr("GeoPackage (*.gpkg)"))
        )
        self.addOutput(QgsProcessingOutputFile("REPORT_JSON", tr("Validation report (JSON)")))
        self.addOutput(QgsProcessingOutputFile("REPORT_CSV", tr("Validation report (CSV)")))
        self.addOutput(QgsProcessingOutputNumber("INITIATIVES", tr("Initiatives exported")))
        self.addOutput(QgsProcessingOutputNumber("AREAS_EXPORTED", tr("Areas exported")))
        self.addOutput(QgsProcessingOutputNumber("AREAS_REFUSED", tr("Areas refused")))

    def compute(self, parameters, context, feedback, workdir):
        path = self.parameterAsFile(parameters, "REGISTRY", context)
        if not path or not Path(path).exists():
            raise QgsProcessingException(tr("The registry {path} does not exist.").format(path=path))
        # parameterAsString, not parameterAsExpression: the latter turns an invalid expression into ""
        # (QGIS 3.22), which would silently export everything instead of saying what is wrong.
        expression = (self.parameterAsString(parameters, "FILTER", context) or "").strip()
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        uuids = None
        if expression:
            uuids = initiatives_matching(path, expression, context)
            feedback.pushInfo(tr("{count} initiatives match the filter.").format(count=len(uuids)))
            if not uuids:
                feedback.pushWarning(tr("No initiative matches the filter; the file holds no initiative."))
        progress, cancelled = self.callbacks(feedback)
        with open_registry(path) as store:
            result = ferm.export_ferm(
                store,
                output,
                uuids=uuids,
                gef_table=self.parameterAsBoolean(parameters, "GEF_TABLE", context),
                translate=tr,
                progress=progress,
                is_cancelled=cancelled,
            )
            left_out = [store.get_initiative(uuid).title for uuid in result.initiatives_left_out]
        if left_out:
            feedback.pushWarning(tr("Left out, every area refused: {titles}.").format(titles="; ".join(left_out)))
        feedback.pushInfo(
            tr("{initiatives} initiatives and {areas} areas exported; {refused} areas refused.").format(
                initiatives=len(result.initiatives_exported),
                areas=len(result.areas_exported),
                refused=len(result.areas_refused),
            )
        )
        for finding in result.file_findings:
            feedback.pushWarning(finding.message(tr))
        errors = result.report.errors()
        for finding in errors[:20]:
            feedback.pushWarning(finding.message(tr))
        if len(errors) > 20:
            feedback.pushWarning(tr("… and {count} more errors: see the validation report.").format(
                count=len(errors) - 20))
        feedback.pushInfo(tr("Validation report: {json} and {csv}").format(json=result.report_json,
                                                                          csv=result.report_csv))
        return {
            "OUTPUT": result.path,
            "REPORT_JSON": result.report_json,
            "REPORT_CSV": result.report_csv,
            "INITIATIVES": len(result.initiatives_exported),
            "AREAS_EXPORTED": len(result.areas_exported),
            "AREAS_REFUSED": len(result.areas_refused),
        }
