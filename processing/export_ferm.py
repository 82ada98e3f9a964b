"""t2restore:export_ferm: a registry (or part of it) as a FERM-compatible GeoPackage or FERM upload zip, headless."""

from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms.errors import N_
from ..registry import ferm, ferm_upload
from ..registry.pg_connect import display_name
from ..registry.store import open_registry, resolve_location
from ..translation import format_ha, qgis_locale, tr
from .base import T2Algorithm


def _initiatives_layer(path, postgis):
    """The registry's initiatives table as a QGIS layer (GeoPackage, or PostGIS: ``path`` a conninfo)."""
    if not postgis:
        return QgsVectorLayer(str(path) + "|layername=initiatives", "initiatives", "ogr")
    uri = QgsDataSourceUri(str(path))
    uri.setDataSource("t2restore", "initiatives", None, "", "uuid")
    return QgsVectorLayer(uri.uri(False), "initiatives", "postgres")


def initiatives_matching(path, expression, context=None, postgis=False):
    """uuids of the registry's initiatives for which ``expression`` is true (QGIS expression)."""
    layer = _initiatives_layer(path, postgis)
    if not layer.isValid():
        where = display_name(path) if postgis else path
        raise QgsProcessingException(tr("The registry's initiatives table cannot be read: {path}").format(path=where))
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
    REGISTRY = "REGISTRY"
    FILTER = "FILTER"
    GEF_TABLE = "GEF_TABLE"
    FORMAT = "FORMAT"
    UPLOAD_SPLIT = "UPLOAD_SPLIT"
    OUTPUT = "OUTPUT"
    REPORT_JSON = "REPORT_JSON"
    REPORT_CSV = "REPORT_CSV"
    INITIATIVES = "INITIATIVES"
    AREAS_EXPORTED = "AREAS_EXPORTED"
    AREAS_REFUSED = "AREAS_REFUSED"
    AREA_FILES = "AREA_FILES"
    FORMAT_GPKG, FORMAT_UPLOAD = 0, 1
    SPLIT_MODES = (ferm_upload.SPLIT, ferm_upload.DISSOLVE)  # UPLOAD_SPLIT index -> mode
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
            "GEF_TABLE adds the FAO-GEF table (ID_CODE, Layer, Restor_str, Restor_end, Restor_eco, Restor_typ, "
            "area_ha) and its totals per sub-indicator."
        ),
        N_(
            "FORMAT = 1 (FERM upload package) writes a zip instead of the GeoPackage: per initiative a folder with "
            "the area files FERM's upload accepts, each as GeoJSON and as a zipped shapefile (UTF-8, .cpg), in "
            "EPSG:4326, 2D, at most 50 features per file (numbered files, an area never split between two), plus "
            "initiatives.csv (the initiatives' FERM fields) and field_names.csv (shapefile names are cut to 10 "
            "characters: short name -> full name). UPLOAD_SPLIT = 0 writes one feature per polygon of an area and "
            "refuses an area of more than 50 polygons; UPLOAD_SPLIT = 1 dissolves each area into one feature. Each "
            "feature carries area_ha (ellipsoidal hectares of its area) and ferm_ha (the hectares FERM computes: "
            "equal-area EPSG:6933 area of the union of the area's polygons, 2 decimals); the validation report "
            "lists areas where the two differ by more than 0.5 %."
        ),
        N_(
            "GEF profile (GEF_TABLE): each area's GEF-8 core indicator 3 sub-indicator (Layer: GEF3.1 degraded "
            "agricultural land, GEF3.2 forest and forest land, GEF3.3 natural grass and shrublands, GEF3.4 "
            "wetlands) is the one chosen in the area's form or, when none is chosen, the one derived from its "
            "ecosystems and restoration type: forest biomes T1, T2 -> 3.2; shrublands and grasslands T3, T4 -> "
            "3.3; wetlands TF1, MFT1, FM1, F1, F2 -> 3.4; intensive land use T7 alone -> 3.1; T7 with one natural "
            "class -> that class under ecological restoration, 3.1 under rehabilitation alone; several natural "
            "classes or other biomes: none (a warning for initiatives on the GEF reporting line). The totals per "
            "sub-indicator are added as the table gef_totals (gef_totals.csv in the zip) and in the JSON report."
        ),
    )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(
            QgsProcessingParameterFile(  # a file filter, not an extension: a PostGIS connection is accepted too
                self.REGISTRY, tr("Registry (GeoPackage, or a PostGIS connection: saved name, connection string)"),
                behavior=compat.FILE_BEHAVIOR_FILE, fileFilter=tr("GeoPackage (*.gpkg);;All files (*)")
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(self.FILTER, tr("Filter on initiatives (expression)"), optional=True)
        )
        self.addParameter(QgsProcessingParameterBoolean(self.GEF_TABLE, tr("Add the FAO-GEF table"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, tr("Format"), options=[tr("FERM-compatible GeoPackage"), tr("FERM upload package (zip)")],
            defaultValue=self.FORMAT_GPKG))
        self.addParameter(QgsProcessingParameterEnum(
            self.UPLOAD_SPLIT, tr("Upload package: areas of many polygons"),
            options=[tr("One feature per polygon (refuse an area of more than 50)"),
                     tr("Dissolve each area into one feature")],
            defaultValue=0))
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("FERM GeoPackage or upload package"),
                                                  tr("GeoPackage (*.gpkg);;ZIP (*.zip)"))
        )
        self.addOutput(QgsProcessingOutputFile(self.REPORT_JSON, tr("Validation report (JSON)")))
        self.addOutput(QgsProcessingOutputFile(self.REPORT_CSV, tr("Validation report (CSV)")))
        self.addOutput(QgsProcessingOutputNumber(self.INITIATIVES, tr("Initiatives exported")))
        self.addOutput(QgsProcessingOutputNumber(self.AREAS_EXPORTED, tr("Areas exported")))
        self.addOutput(QgsProcessingOutputNumber(self.AREAS_REFUSED, tr("Areas refused")))
        self.addOutput(QgsProcessingOutputNumber(self.AREA_FILES, tr("Area files in the upload package")))

    def _output(self, parameters, context, upload):
        """The destination with the format's extension; a .gpkg name for the zip is refused."""
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        suffix = Path(output).suffix.lower()
        if upload and suffix == ".gpkg":
            raise QgsProcessingException(tr(
                "OUTPUT {path} is a GeoPackage name, but FORMAT asks for the FERM upload package, a zip. Name "
                "the output .zip, or choose the GeoPackage format.").format(path=output))
        if not upload and suffix == ".zip":
            raise QgsProcessingException(tr(
                "OUTPUT {path} is a zip name, but FORMAT asks for the FERM-compatible GeoPackage. Name the "
                "output .gpkg, or choose the FERM upload package format.").format(path=output))
        wanted = ".zip" if upload else ".gpkg"
        return output if suffix == wanted else output + wanted

    def compute(self, parameters, context, feedback, workdir):
        path = self.parameterAsFile(parameters, self.REGISTRY, context)
        conninfo = resolve_location(path) if path else None
        if conninfo is None and (not path or not Path(path).exists()):
            raise QgsProcessingException(tr("The registry {path} does not exist.").format(path=path))
        # parameterAsString, not parameterAsExpression: the latter turns an invalid expression into ""
        # (QGIS 3.22), which would silently export everything instead of saying what is wrong.
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        upload = self.parameterAsEnum(parameters, self.FORMAT, context) == self.FORMAT_UPLOAD
        gef_table = self.parameterAsBoolean(parameters, self.GEF_TABLE, context)
        output = self._output(parameters, context, upload)
        uuids = None
        if expression:
            uuids = initiatives_matching(path if conninfo is None else conninfo, expression, context,
                                         postgis=conninfo is not None)
            feedback.pushInfo(tr("{count} initiatives match the filter.").format(count=len(uuids)))
            if not uuids:
                feedback.pushWarning(tr("No initiative matches the filter; the file holds no initiative."))
        progress, cancelled = self.callbacks(feedback)
        files = 0
        with open_registry(path) as store:
            if upload:
                mode = self.SPLIT_MODES[self.parameterAsEnum(parameters, self.UPLOAD_SPLIT, context)]
                result, files = ferm_upload.export_upload(store, output, uuids=uuids, mode=mode, gef_profile=gef_table,
                                                          translate=tr, progress=progress, is_cancelled=cancelled)
            else:
                result = ferm.export_ferm(store, output, uuids=uuids, gef_table=gef_table, translate=tr,
                                          progress=progress, is_cancelled=cancelled)
            left_out = [store.get_initiative(uuid).title for uuid in result.initiatives_left_out]
        self._log(feedback, result, left_out)
        if gef_table:
            self._log_gef_totals(feedback, result)
        return {
            self.OUTPUT: result.path,
            self.REPORT_JSON: result.report_json,
            self.REPORT_CSV: result.report_csv,
            self.INITIATIVES: len(result.initiatives_exported),
            self.AREAS_EXPORTED: len(result.areas_exported),
            self.AREAS_REFUSED: len(result.areas_refused),
            self.AREA_FILES: files,
        }

    @staticmethod
    def _log(feedback, result, left_out):
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

    @staticmethod
    def _log_gef_totals(feedback, result):
        """One line per GEF core indicator 3 sub-indicator: areas and hectares."""
        for row in result.gef_totals:
            label = row["label_es"] if qgis_locale().lower().startswith("es") else row["label_en"]
            feedback.pushInfo(tr("GEF {indicator}: {areas} areas, {hectares} ha.").format(
                indicator=label or row["Layer"] or tr("no sub-indicator"), areas=row["areas"],
                hectares=format_ha(row["area_ha"])))
