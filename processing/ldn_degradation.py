"""t2restore:ldn_degradation: SDG 15.3.1, one out all out (METHODS.md 1.1, 1.3, 1.4)."""

import csv

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..algorithms import ldn
from ..algorithms.errors import N_
from ..translation import tr
from ._codes import add_unknown_codes_parameter, report_unknown, unknown_policy
from ._dask import DaskOption
from .base import T2Algorithm, grid_of

CLASSES = [(-1, N_("Degraded"), "#d7191c"), (0, N_("Stable"), "#bdbdbd"), (1, N_("Improved"), "#1a9641")]
SUBINDICATOR_LABELS = {"land_cover": N_("land cover"), "productivity": N_("productivity"),
                       "soc": N_("soil organic carbon")}


def degradation_classes():
    """(value, translated label, colour) of the -1/0/+1 encoding."""
    return [(v, tr(label), color) for v, label, color in CLASSES]


class LdnDegradationAlgorithm(DaskOption, T2Algorithm):
    NAME = "ldn_degradation"
    DISPLAY_NAME = N_("Degradation, SDG 15.3.1 (one out, all out)")
    GROUP_ID = "degradation"
    HELP = (
        N_("Classifies land as degraded (-1), stable (0) or improved (+1) following the UNCCD Good Practice "
           "Guidance for SDG indicator 15.3.1 (version 2, 2021), the method of Trends.Earth."),
        N_("Land cover: the baseline and target maps in the 7 UNCCD classes (1 tree-covered, 2 grassland, "
           "3 cropland, 4 wetland, 5 artificial, 6 other land, 7 water) are compared through the transition "
           "matrix (default: the UNCCD matrix; edit it, e.g. for agroforestry). National legends are recoded "
           "with LC_RECODE (input class, UNCCD class) or a CSV file with columns code,unccd_class."),
        N_("Codes outside the legend (a land cover class without a recode row, or outside 1..7 without a recode "
           "table; an LPD value other than 1..5, where 0 and 15 are nodata) stop the run, which names each code "
           "with its pixel count, unless UNKNOWN_CODES is set to leave those pixels out as no data (the log then "
           "says how many). NaN and infinite values are no data in every input."),
        N_("Productivity: a 5-class land productivity dynamics raster (1 declining, 2 moderate decline, "
           "3 stressed, 4 stable, 5 increasing); 1-2 are degraded, 3-4 stable, 5 improved; 0 and 15 are nodata."),
        N_("Soil organic carbon: change of at most -10 % is degraded, at least +10 % improved; a baseline of 0 "
           "and water in the baseline land cover give nodata."),
        N_("One out, all out: degraded where any sub-indicator is degraded, else improved where any is "
           "improved, else stable. Any of the three may be left out (at least one is needed); nodata in any "
           "used input gives nodata, whose area the table reports as its own row."),
        N_("Inputs must share one grid (CRS, pixel size, origin, size); otherwise the run stops and names "
           "the difference, unless 'Align inputs' is checked (nearest neighbour for classes, bilinear for "
           "carbon, onto the baseline's grid). Areas are hectares on the WGS 84 ellipsoid whatever the CRS."),
        N_("Blocks are computed in parallel with as many threads as Processing's 'Max threads' setting "
           "(the environment variable T2RESTORE_THREADS wins); the result does not depend on it. DASK_SCHEDULER "
           "(advanced, optional) sends the blocks to a Dask cluster (e.g. tcp://10.0.0.5:8786); its workers "
           "read the inputs, so they must be files every worker reaches (a shared folder or a cloud path), and "
           "the result is the same, byte for byte. Dask is optional: sudo apt install python3-dask "
           "python3-distributed."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    LC_BASELINE = "LC_BASELINE"
    LC_TARGET = "LC_TARGET"
    LC_RECODE = "LC_RECODE"
    LC_RECODE_FILE = "LC_RECODE_FILE"
    TRANSITION_MATRIX = "TRANSITION_MATRIX"
    PRODUCTIVITY = "PRODUCTIVITY"
    SOC_BASELINE = "SOC_BASELINE"
    SOC_TARGET = "SOC_TARGET"
    OUTPUT = "OUTPUT"
    OUTPUT_SUBINDICATORS = "OUTPUT_SUBINDICATORS"
    SUBINDICATORS_USED = "SUBINDICATORS_USED"
    DEGRADED_HA = "DEGRADED_HA"
    STABLE_HA = "STABLE_HA"
    IMPROVED_HA = "IMPROVED_HA"
    NODATA_HA = "NODATA_HA"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        optional = {"optional": True}
        self.addParameter(QgsProcessingParameterRasterLayer(self.LC_BASELINE, tr("Land cover, baseline"), **optional))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LC_TARGET, tr("Land cover, target"), **optional))
        self.addParameter(QgsProcessingParameterMatrix(
            self.LC_RECODE, tr("Land cover recode table (input class, UNCCD class 1-7)"), numberRows=0,
            hasFixedNumberRows=False, headers=[tr("Input class"), tr("UNCCD class")], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.LC_RECODE_FILE, tr("Land cover recode table as CSV (columns code, unccd_class)"),
            extension="csv", optional=True))
        headers = [str(i) for i in range(1, 8)]
        self.addParameter(QgsProcessingParameterMatrix(
            self.TRANSITION_MATRIX, tr("Land cover transition matrix (rows baseline, columns target; -1, 0, 1)"),
            numberRows=7, hasFixedNumberRows=True, headers=headers,
            defaultValue=[int(v) for v in ldn.UNCCD_MATRIX.ravel()], optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PRODUCTIVITY, tr("Land productivity dynamics (5 classes)"), **optional))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_BASELINE, tr("Soil organic carbon, baseline stock"), **optional))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_TARGET, tr("Soil organic carbon, target stock"), **optional))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the baseline grid when they differ"), defaultValue=False))
        add_unknown_codes_parameter(self)
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Degradation (SDG 15.3.1)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_SUBINDICATORS, tr("Sub-indicators (land cover, productivity, soil carbon)"),
            optional=True, createByDefault=False))
        self.add_table_output(tr("Degradation area table (hectares per zone and class)"))
        self.add_dask_parameter()
        self.addOutput(QgsProcessingOutputString(self.SUBINDICATORS_USED, tr("Sub-indicators used")))
        for key, label in ((self.DEGRADED_HA, N_("Degraded area (ha)")), (self.STABLE_HA, N_("Stable area (ha)")),
                           (self.IMPROVED_HA, N_("Improved area (ha)")), (self.NODATA_HA, N_("No data area (ha)"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def recode_table(self, parameters, context):
        values = [v for v in self.parameterAsMatrix(parameters, self.LC_RECODE, context) if v not in (None, "")]
        path = self.parameterAsFile(parameters, self.LC_RECODE_FILE, context)
        table = {}
        if values:
            if len(values) % 2:
                raise QgsProcessingException(tr("The land cover recode table needs pairs of values (input class, "
                                                "UNCCD class); it has {n} values.").format(n=len(values)))
            table.update(zip(values[0::2], values[1::2]))
        if path:
            try:
                with open(path, newline="", encoding="utf-8-sig") as fh:
                    rows = list(csv.DictReader(fh))
            except OSError as error:
                raise QgsProcessingException(tr("Cannot read the recode file {path}: {error}").format(
                    path=path, error=error)) from None
            if not rows or not {"code", "unccd_class"} <= set(rows[0]):
                raise QgsProcessingException(tr("The recode file {path} needs the columns code and unccd_class.")
                                             .format(path=path))
            table.update((row["code"], row["unccd_class"]) for row in rows)
        return table or None

    def transition_matrix(self, parameters, context):
        values = [v for v in self.parameterAsMatrix(parameters, self.TRANSITION_MATRIX, context) if v not in (None, "")]
        if not values:
            return None
        if len(values) != 49:
            raise QgsProcessingException(tr("The transition matrix must be 7 x 7 (49 values, one row and one column "
                                            "per UNCCD class); it has {n} values.").format(n=len(values)))
        try:
            numbers = [float(v) for v in values]
        except (TypeError, ValueError):
            raise QgsProcessingException(tr("The transition matrix may only hold -1, 0 or 1.")) from None
        return ldn.validate_matrix([numbers[i * 7:(i + 1) * 7] for i in range(7)])

    def degradation(self, output, sources, recode, matrix, zones, sub_output, progress, cancelled, policy):
        """ldn.ldn_degradation on the sources (on the Dask scheduler of ``use_dask`` when one is set)."""
        return ldn.ldn_degradation(
            output, lc_baseline=sources[self.LC_BASELINE], lc_target=sources[self.LC_TARGET],
            productivity=sources[self.PRODUCTIVITY], soc_baseline=sources[self.SOC_BASELINE],
            soc_target=sources[self.SOC_TARGET], lc_recode=recode, matrix=matrix, zones=zones,
            subindicators_output=sub_output, progress=progress, is_cancelled=cancelled, unknown_codes=policy)

    def compute(self, parameters, context, feedback, workdir):
        sources = {key: self.raster_path(parameters, key, context, required=False)
                   for key in (self.LC_BASELINE, self.LC_TARGET, self.PRODUCTIVITY, self.SOC_BASELINE, self.SOC_TARGET)}
        present = [key for key, path in sources.items() if path]
        if not present:
            raise QgsProcessingException(tr("Give at least one sub-indicator: both land cover rasters, the "
                                            "productivity raster, or both soil organic carbon rasters."))
        recode = self.recode_table(parameters, context)
        matrix = self.transition_matrix(parameters, context)
        grid = grid_of(sources[present[0]])
        self.align_inputs(parameters, context, sources, present[1:], grid,
                          bilinear=(self.SOC_BASELINE, self.SOC_TARGET), feedback=feedback)
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        sub_output = self.parameterAsOutputLayer(parameters, self.OUTPUT_SUBINDICATORS, context) or None
        progress, cancelled = self.callbacks(feedback, 0, 95)
        result = self.degradation(output, sources, recode, matrix, zones, sub_output, progress, cancelled,
                                  unknown_policy(self, parameters, context))
        report_unknown(feedback, result["unknown"])
        used = ", ".join(tr(SUBINDICATOR_LABELS[name]) for name in result["used"])
        feedback.pushInfo(tr("Sub-indicators used: {used}.").format(used=used))
        classes = degradation_classes()
        self.style_output(context, output, self.OUTPUT, classes, tr("Degradation (SDG 15.3.1)"))
        if sub_output:
            self.style_output(context, sub_output, self.OUTPUT_SUBINDICATORS, classes, tr("Sub-indicators"))
        table, totals = self.class_area_table(parameters, context, feedback, result["areas"], classes, labels, grid)
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.OUTPUT_SUBINDICATORS: sub_output, self.OUTPUT_TABLE: table,
                self.SUBINDICATORS_USED: used, self.DEGRADED_HA: totals[-1], self.STABLE_HA: totals[0],
                self.IMPROVED_HA: totals[1], self.NODATA_HA: totals[None]}
