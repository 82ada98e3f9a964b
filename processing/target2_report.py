"""t2restore:target2_report: the Target 2 report as a workbook (XLSX), a printable PDF and its layout (issue 13).

Thin: the figures come from target2_indicator run on the same inputs (``_report_data``), the registry's
tables from ``registry/report_tables.py``, the pages from ``_report_layout`` / ``_report_pdf``.
"""

import os
import tempfile

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms.errors import N_
from ..algorithms.workbook import write_workbook
from ..registry import report_tables
from ..translation import tr
from . import _degraded_params, _outcome_filter, _report_atlas, _report_pdf, _report_texts, _report_zones, _vector
from . import _report_charts as charts
from . import _report_data as rd
from ._report_layers import ReportLayers
from ._report_layout import build_layout, load_template, save_template
from .base import T2Algorithm
from .target2_indicator import DEFAULT_TARGET_HA, DEFAULT_TARGET_SHARE
from .target2_indicator import Target2IndicatorAlgorithm as Indicator


class Target2ReportAlgorithm(_degraded_params.DegradedLandNames, _outcome_filter.OutcomeNames, T2Algorithm):
    NAME = "target2_report"
    DISPLAY_NAME = N_("Target 2 report (workbook, printable report and layout)")
    GROUP_ID = "reporting"
    HELP = (
        N_("The Target 2 report a technician hands in: a workbook (XLSX, one sheet per table, numbers as numbers "
           "with units in the headers), a printable report (PDF: cover with the headline figures and the "
           "progress toward each target, national map, charts, methods, validation, and one page per "
           "department) and its print layout (.qpt), which the Layout Manager opens for restyling."),
        N_("The headline figures are those of target2_indicator, run on the same inputs: DEGRADED, taken as that "
           "algorithm takes it (polygons; a degradation raster with DEGRADED_VALUE; the status of ldn_status with "
           "the classes DEGRADED_CLASSES counted as degraded; a Trends.Earth result, its band picked by name or by "
           "DEGRADED_BAND), RESTORATION_AREAS (a T2 Restore registry, whose "
           "initiatives, institutions, start years, monitoring values and validation findings then fill their "
           "own sheets, or any polygon layer), the optional gap layers GAP_A (MINAM) and GAP_B (SERFOR), and "
           "the optional ZONES (departments, named by ZONE_FIELD), each of which gets its page."),
        N_("Without ZONES, the pages of a registry are its departments: the administrative layer the registry "
           "names itself (a PostGIS registry: the database setting t2restore.admin_layer, which its administrator "
           "sets to a polygon table of the same database and its department field), else the one chosen in the "
           "registry dock (from which its areas get their department), dissolved by its department field. "
           "Without such a layer, or with any other polygon layer as RESTORATION_AREAS, there are no department "
           "pages."),
        N_("Beside the PDF the report writes <PDF name>_data.gpkg: the departments with their figures, page "
           "tables and charts, and the chart rows. The saved layout's atlas reads it, so QGIS's own atlas export "
           "reprints the same pages (add its layers to the project under their names first)."),
        N_("TEMPLATE takes back a layout saved by an earlier report (OUTPUT_LAYOUT) and edited in the Layout "
           "Manager; it must keep the items the report fills (ids starting with t2r_). Every output is written "
           "under a temporary name and renamed when complete."),
        N_("OUTCOMES (the table of restoration_outcomes) adds, beside all registered areas, the restoration of "
           "only the areas found recovering to the Summary sheet and the outputs, as target2_indicator counts it "
           "with the same OUTCOMES and OUTCOME_ID_FIELD."),
    )

    GAP_A = "GAP_A"
    GAP_B = "GAP_B"
    NAME_A = "NAME_A"
    NAME_B = "NAME_B"
    RESTORATION_AREAS = "RESTORATION_AREAS"
    TARGET_SHARE = "TARGET_SHARE"
    TARGET_HA = "TARGET_HA"
    TITLE = "TITLE"
    INSTITUTION = "INSTITUTION"
    PERIOD = "PERIOD"
    TEMPLATE = "TEMPLATE"
    OUTPUT_XLSX = "OUTPUT_XLSX"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_LAYOUT = "OUTPUT_LAYOUT"
    DEGRADED_HA = "DEGRADED_HA"
    RESTORATION_IN_DEGRADED_HA = "RESTORATION_IN_DEGRADED_HA"
    RESTORATION_OUTSIDE_HA = "RESTORATION_OUTSIDE_HA"
    SHARE_PCT = "SHARE_PCT"
    PAGES = "PAGES"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        _degraded_params.add_parameters(self)
        self.addParameter(QgsProcessingParameterMapLayer(
            self.RESTORATION_AREAS, tr("Areas under restoration (a registry, or any polygon layer)"),
            types=[compat.TYPE_VECTOR_POLYGON]))
        _outcome_filter.add_parameters(self, self.RESTORATION_AREAS)
        _vector.add_gap_parameters(self, optional=True)
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_SHARE, tr("Target share of degraded land under restoration (%)"), compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_TARGET_SHARE, minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_HA, tr("National restoration goal (ha)"), compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_TARGET_HA, minValue=0))
        for key, label, default in ((self.TITLE, tr("Title"), tr("Target 2: restoration of degraded land")),
                                    (self.INSTITUTION, tr("Institution"), ""), (self.PERIOD, tr("Period"), "")):
            self.addParameter(QgsProcessingParameterString(key, label, defaultValue=default, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, tr("Layout template (.qpt) of an earlier report, edited"), extension="qpt", optional=True))
        for key, label, file_filter in ((self.OUTPUT_XLSX, tr("Workbook"), "XLSX (*.xlsx)"),
                                        (self.OUTPUT_PDF, tr("Printable report"), "PDF (*.pdf)")):
            self.addParameter(QgsProcessingParameterFileDestination(key, label, file_filter))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_LAYOUT, tr("Layout template (empty: beside the PDF)"), "QGIS layout template (*.qpt)",
            optional=True, createByDefault=False))
        for key, label in ((self.DEGRADED_HA, N_("Degraded area (ha)")),
                           (self.RESTORATION_IN_DEGRADED_HA, N_("Restoration inside degraded land (ha)")),
                           (self.RESTORATION_OUTSIDE_HA, N_("Restoration outside degraded land (ha)")),
                           (self.SHARE_PCT, N_("Share of degraded land under restoration (%)")),
                           (self.PAGES, N_("Pages of the printable report"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def destinations(self, parameters, context):
        """{key: path} of the three outputs, each folder checked writable before any work."""
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        qpt = self.parameterAsFileOutput(parameters, self.OUTPUT_LAYOUT, context) or os.path.splitext(pdf)[0] + ".qpt"
        out = {self.OUTPUT_XLSX: self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context),
               self.OUTPUT_PDF: pdf, self.OUTPUT_LAYOUT: qpt}
        for key, path in out.items():
            folder = os.path.dirname(os.path.abspath(path))
            try:
                with tempfile.NamedTemporaryFile(dir=folder, prefix=".t2restore-probe-"):
                    pass
            except OSError as error:
                raise QgsProcessingException(tr(
                    "The folder {folder} of the output {output} cannot be written to ({reason}). Choose a folder "
                    "that exists and that you can write to.").format(folder=folder, output=key,
                                                                     reason=error.strerror or error)) from None
        _report_atlas.check_ours(_report_atlas.data_path(pdf))  # before any output is written
        return out

    def zone_field(self, parameters, context):
        """ZONE_FIELD, else the first text field of ZONES (the department name), else none."""
        field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
        source = self.parameterAsSource(parameters, self.ZONES, context)
        if field or source is None:
            return field, source
        names = [f.name() for f in source.fields() if f.typeName().lower() in ("string", "text", "varchar")]
        return (names[0] if names else ""), source

    def assemble(self, parameters, context, feedback, workdir):
        """ReportData: the indicator's figures on the same inputs, with the registry's contents."""
        field, zones = self.zone_field(parameters, context)
        params = dict(parameters, **({self.ZONE_FIELD: field} if field else {}))
        results, rows = rd.run_indicator(self, params, context, feedback, workdir)
        share = self.parameterAsDouble(parameters, self.TARGET_SHARE, context)
        national = {key: results[key] for key in (Indicator.DEGRADED_HA, Indicator.RESTORATION_IN_DEGRADED_HA,
                                                  Indicator.RESTORATION_OUTSIDE_HA, Indicator.SHARE_PCT,
                                                  Indicator.TO_SHARE_HA, Indicator.TO_TARGET_HA,
                                                  Indicator.RECOVERING_IN_DEGRADED_HA, Indicator.RECOVERING_SHARE_PCT)
                    if key in results}
        data = rd.ReportData(
            national=national, zones=rd.zone_rows(rows, rd.zone_names(zones, field), share),
            gap_rows=[r for r in rows if r["level"] == "gap"], target_share=share,
            target_ha=self.parameterAsDouble(parameters, self.TARGET_HA, context),
            area_method=rows[0]["area_method"] if rows else "", inside_path=results["OUTPUT"])
        layer = self.parameterAsLayer(parameters, self.RESTORATION_AREAS, context)
        data.registry = rd.registry_path(layer.source()) if layer is not None else None
        if data.registry:
            data.initiatives, data.findings = rd.registry_contents(data.registry, feedback)
        return data

    def tables(self, parameters, context, data):
        lang = "es" if tr("Degraded land") != "Degraded land" else "en"
        tables = [rd.summary_table(data, report_tables.registered_hectares(data.initiatives)),
                  rd.zones_table(data), rd.gap_layers_table(data)]
        if data.registry:
            ini = data.initiatives
            tables += [report_tables.ecosystems_table(ini, lang), report_tables.gaps_table(ini, lang),
                       report_tables.institutions_table(ini, lang), report_tables.start_years_table(ini),
                       report_tables.areas_table(ini, data.findings),
                       report_tables.findings_table(ini, data.findings, tr), report_tables.monitoring_table(ini)]
        tables.append(rd.provenance_table(self, parameters, context, data))
        return [rd.translated(t) for t in tables]

    def charts(self, data, tables, workdir):
        zones = sorted(data.zones, key=lambda z: -z["inside"])
        n = data.national
        progress = [(tr("Share of degraded land under restoration"), n[Indicator.SHARE_PCT] or 0.0, data.target_share,
                     "%")]
        if data.target_ha:
            progress.append((tr("National goal"), n[Indicator.RESTORATION_IN_DEGRADED_HA], data.target_ha, "ha"))
        years = next((t for t in tables if t.name == tr("Start years")), None)
        return {
            "t2r_chart_zones": charts.bar_chart(os.path.join(workdir, "zones.svg"), tr("Restoration inside degraded "
                                                "land per department (ha)"), [z["zone"] for z in zones],
                                                [z["inside"] for z in zones]),
            "t2r_progress": charts.progress_chart(os.path.join(workdir, "progress.svg"), tr("Progress"), progress),
            "t2r_chart_progress": charts.progress_chart(os.path.join(workdir, "progress2.svg"),
                                                        tr("Progress toward the targets"), progress),
            "t2r_chart_years": charts.bar_chart(os.path.join(workdir, "years.svg"), tr("Hectares registered by "
                                                "start year"), [r[years.columns[0][0]] for r in years.rows]
                                                if years else [], [r["hectares"] for r in years.rows] if years
                                                else [])}

    def map_layers(self, parameters, context, data, workdir):
        degraded = _degraded_params.map_layer(self, parameters, context, workdir)
        restoration = self.parameterAsLayer(parameters, self.RESTORATION_AREAS, context)
        zones = self.parameterAsLayer(parameters, self.ZONES, context) if parameters.get(self.ZONES) else None
        gaps = []
        for key, name_key, default in ((self.GAP_A, self.NAME_A, "MINAM"), (self.GAP_B, self.NAME_B, "SERFOR")):
            layer = self.parameterAsLayer(parameters, key, context) if parameters.get(key) else None
            if layer is not None:
                gaps.append((self.parameterAsString(parameters, name_key, context).strip() or default, layer.source()))
        values = _degraded_params.values(self, parameters, context)
        return ReportLayers(degraded, values, restoration.source(), data.inside_path,
                            zones.source() if zones is not None else None, gaps)

    def layout(self, parameters, context, layers):
        template = self.parameterAsFile(parameters, self.TEMPLATE, context)
        return load_template(layers.project, template) if template else build_layout(layers.project)

    def compute(self, parameters, context, feedback, workdir):
        outputs = self.destinations(parameters, context)
        if self.parameterAsLayer(parameters, self.DEGRADED, context) is None:
            raise QgsProcessingException(tr("The degraded land layer DEGRADED is missing or cannot be opened."))
        template = self.parameterAsFile(parameters, self.TEMPLATE, context)
        if template:  # refused before the work, naming the items it lacks
            from qgis.core import QgsProject
            project = QgsProject()
            load_template(project, template)
            del project
        areas = self.parameterAsLayer(parameters, self.RESTORATION_AREAS, context)
        parameters = _report_zones.with_default_zones(self, parameters, context, feedback, workdir,
                                                      rd.registry_path(areas.source()) if areas else None)
        data = self.assemble(parameters, context, feedback, workdir)
        feedback.setProgress(50)
        tables = self.tables(parameters, context, data)
        write_workbook(outputs[self.OUTPUT_XLSX], tables)
        feedback.pushInfo(tr("Workbook: {path}").format(path=outputs[self.OUTPUT_XLSX]))
        layers = self.map_layers(parameters, context, data, workdir)
        layout = self.layout(parameters, context, layers)
        _report_pdf.link_maps(layout, layers)
        _report_pdf.set_texts(layout, _report_texts.page_texts(
            data, layers, *(self.parameterAsString(parameters, k, context) for k in (self.TITLE, self.INSTITUTION,
                                                                                    self.PERIOD))))
        _report_pdf.set_pictures(layout, self.charts(data, tables, workdir))
        _report_atlas.prepare(self, parameters, context, layout, layers, data, tables, outputs[self.OUTPUT_PDF],
                              workdir)  # outcome page, data GeoPackage, atlas as QGIS's own export prints it
        progress, cancelled = self.callbacks(feedback, 60, 98)
        printer = _report_pdf.PdfPrinter(layout, {z["zone_id"]: z for z in data.zones}, data.target_share,
                                         workdir, progress, cancelled)
        pages = printer.print(outputs[self.OUTPUT_PDF])
        save_template(layout, outputs[self.OUTPUT_LAYOUT])
        feedback.pushInfo(tr("Printable report: {path} ({pages} pages); layout: {layout}").format(
            path=outputs[self.OUTPUT_PDF], pages=pages, layout=outputs[self.OUTPUT_LAYOUT]))
        n = data.national
        return {**outputs, self.PAGES: pages, **{key: n[key] for key in (
            self.DEGRADED_HA, self.RESTORATION_IN_DEGRADED_HA, self.RESTORATION_OUTSIDE_HA, self.SHARE_PCT,
            self.RECOVERING_IN_DEGRADED_HA, self.RECOVERING_SHARE_PCT) if key in n}}
