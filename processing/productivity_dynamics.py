"""t2restore:productivity_dynamics: the 5-class LPD from an annual NDVI series (METHODS.md 1.2)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from .. import compat
from ..algorithms import productivity
from ..algorithms.blocks import grid_difference
from ..algorithms.errors import N_
from ..translation import tr
from .base import T2Algorithm, grid_of

CLASSES = [
    (productivity.DECLINING, N_("Declining"), "#f23c46"),
    (productivity.MODERATE_DECLINE, N_("Moderate decline (early signs)"), "#ffae4c"),
    (productivity.STRESSED, N_("Stressed"), "#ffff73"),
    (productivity.STABLE, N_("Stable"), "#d8d8d8"),
    (productivity.INCREASING, N_("Increasing"), "#abd96b"),
]


def lpd_classes():
    """(value, translated label, colour) of the 5 LPD classes."""
    return [(v, tr(label), color) for v, label, color in CLASSES]


class ProductivityDynamicsAlgorithm(T2Algorithm):
    NAME = "productivity_dynamics"
    DISPLAY_NAME = N_("Land productivity dynamics (5 classes) from NDVI")
    GROUP_ID = "degradation"
    HELP = (
        N_("Computes the 5-class land productivity dynamics (1 declining, 2 moderate decline or early signs of "
           "decline, 3 stressed, 4 stable, 5 increasing) from an annual NDVI series, following the UNCCD Good "
           "Practice Guidance for SDG indicator 15.3.1 (version 2, 2021) as Trends.Earth implements it. The result "
           "can be the productivity input of 'Degradation, SDG 15.3.1'."),
        N_("NDVI: one raster with one band per year, or several rasters (one per year, or several bands each) "
           "taken in the order given; the first band is FIRST_YEAR (default 2001). NDVI_SCALE says whether values "
           "are NDVI (1, from -1 to 1) or NDVI x 10000 (10000, default, as MODIS products and Trends.Earth "
           "exports). Values outside the range of the scale stop the run: set fill values as nodata."),
        N_("Periods: the comparison period is the last COMPARISON_YEARS years (default 3); the baseline is the "
           "first BASELINE_YEARS years (default 0: every year before the comparison period). Trajectory and "
           "performance use the whole series."),
        N_("Trajectory: least-squares slope of NDVI on the year and a two-sided Mann-Kendall test (variance "
           "corrected for tied values, continuity correction, normal approximation). Significant at SIGNIFICANCE "
           "(90, 95 or 99 %, default 95) with a slope of the same sign and larger than 0.001 NDVI per year: "
           "declining or increasing; otherwise no trend."),
        N_("State: the deciles of the pixel's own baseline values, after adding two synthetic values (minimum "
           "minus 5 % and maximum plus 5 % of their range), class the baseline mean and the comparison mean from "
           "1 to 10. A change of -2 or less is degradation, +2 or more improvement; means within 0.01 NDVI are "
           "no change."),
        N_("Performance: the pixel's mean NDVI over the series divided by the 90th percentile of that mean among "
           "the pixels of its ecological unit (nearest rank on 0.0001 NDVI bins). A ratio of 0.5 or less is low "
           "performance. Units: ECOLOGICAL_UNITS (integer raster) and/or LAND_COVER (one unit per class); with "
           "both, one unit per land cover class within each unit; with neither, the whole area is one unit. "
           "This needs two passes over the data (the percentiles first). A unit whose percentile is not above 0 "
           "(water, rock) has no reference and its pixels are nodata."),
        N_("The three metrics combine into the 5 classes with the table of the Good Practice Guidance. Years "
           "with nodata at a pixel are left out of its statistics. A pixel needs at least 5 valid years, 3 of "
           "them in the baseline and 1 in the comparison period; otherwise it is nodata, and the log counts these "
           "pixels apart. OUTPUT_METRICS (optional) holds four bands: slope (NDVI per year), Mann-Kendall "
           "significance code (sign of the trend x 1 at 90 %, 2 at 95 %, 3 at 99 %, 0 not significant), state "
           "change in decile classes and performance ratio."),
        N_("All inputs must share one grid; a raster on another grid stops the run, naming the property that "
           "differs. With ALIGN checked, the other NDVI rasters (bilinear), ECOLOGICAL_UNITS and LAND_COVER "
           "(nearest neighbour) are aligned onto the grid of the first NDVI raster instead."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    NDVI = "NDVI"
    FIRST_YEAR = "FIRST_YEAR"
    BASELINE_YEARS = "BASELINE_YEARS"
    COMPARISON_YEARS = "COMPARISON_YEARS"
    NDVI_SCALE = "NDVI_SCALE"
    ECOLOGICAL_UNITS = "ECOLOGICAL_UNITS"
    LAND_COVER = "LAND_COVER"
    SIGNIFICANCE = "SIGNIFICANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_METRICS = "OUTPUT_METRICS"
    DECLINING_HA = "DECLINING_HA"
    MODERATE_DECLINE_HA = "MODERATE_DECLINE_HA"
    STRESSED_HA = "STRESSED_HA"
    STABLE_HA = "STABLE_HA"
    INCREASING_HA = "INCREASING_HA"
    NODATA_HA = "NODATA_HA"
    TOO_FEW_YEARS_PIXELS = "TOO_FEW_YEARS_PIXELS"
    CLASS_OUTPUTS = (DECLINING_HA, MODERATE_DECLINE_HA, STRESSED_HA, STABLE_HA, INCREASING_HA)  # hectares per class

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.NDVI, tr("Annual NDVI series (one band per year, or one raster per year in year order)"),
            layerType=compat.TYPE_RASTER))
        self.addParameter(QgsProcessingParameterNumber(
            self.FIRST_YEAR, tr("Year of the first band"), type=compat.NUMBER_INTEGER, defaultValue=2001,
            minValue=1900, maxValue=2200))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASELINE_YEARS, tr("Baseline years (0 = every year before the comparison period)"),
            type=compat.NUMBER_INTEGER, defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.COMPARISON_YEARS, tr("Comparison years (the last years of the series)"), type=compat.NUMBER_INTEGER,
            defaultValue=productivity.DEFAULT_COMPARISON_YEARS, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.NDVI_SCALE, tr("NDVI scale (1: NDVI from -1 to 1; 10000: NDVI x 10000)"), type=compat.NUMBER_INTEGER,
            defaultValue=10000))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.ECOLOGICAL_UNITS, tr("Ecological units (integer raster)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LAND_COVER, tr("Land cover (one ecological unit per class)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SIGNIFICANCE, tr("Significance of the trend test (90, 95 or 99 %)"), type=compat.NUMBER_INTEGER,
            defaultValue=95))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the first NDVI raster's grid when they differ"), defaultValue=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, tr("Land productivity dynamics (5 classes)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_METRICS, tr("Productivity metrics (slope, significance, state change, performance ratio)"),
            optional=True, createByDefault=False))
        for key, (_v, label, _c) in zip(self.CLASS_OUTPUTS, CLASSES):
            self.addOutput(QgsProcessingOutputNumber(key, tr("{label} (ha)").format(label=tr(label))))
        self.addOutput(QgsProcessingOutputNumber(self.NODATA_HA, tr("No data area (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOO_FEW_YEARS_PIXELS, tr("Pixels with too few valid years")))

    def ndvi_sources(self, parameters, context):
        layers = self.parameterAsLayerList(parameters, self.NDVI, context)
        if not layers:
            raise QgsProcessingException(tr("Give the NDVI series: one raster with a band per year, or one raster "
                                            "per year."))
        sources = []
        for layer in layers:
            if layer.providerType() != "gdal":
                raise QgsProcessingException(
                    tr("The raster {name} comes from the '{provider}' provider; T2 Restore reads files GDAL can "
                       "open. Save it as a GeoTIFF first.").format(name=layer.name(), provider=layer.providerType()))
            sources.append(layer.source())
        return sources

    def compute(self, parameters, context, feedback, workdir):
        sources = self.ndvi_sources(parameters, context)
        named = {f"NDVI [{i + 1}]": src for i, src in enumerate(sources)}
        named[self.ECOLOGICAL_UNITS] = self.raster_path(parameters, self.ECOLOGICAL_UNITS, context, required=False)
        named[self.LAND_COVER] = self.raster_path(parameters, self.LAND_COVER, context, required=False)
        ndvi_keys = list(named)[:len(sources)]
        grid = grid_of(sources[0])
        differ = [key for key in list(named)[1:] if named[key] and grid_difference(grid, grid_of(named[key]))]
        self.align_inputs(parameters, context, named, differ, grid, bilinear=ndvi_keys, feedback=feedback)
        sources = [named[key] for key in ndvi_keys]
        units, land_cover = named[self.ECOLOGICAL_UNITS], named[self.LAND_COVER]
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        metrics = self.parameterAsOutputLayer(parameters, self.OUTPUT_METRICS, context) or None
        progress, cancelled = self.callbacks(feedback, 0, 98)
        result = productivity.productivity_dynamics(
            sources, output, first_year=self.parameterAsInt(parameters, self.FIRST_YEAR, context),
            baseline_years=self.parameterAsInt(parameters, self.BASELINE_YEARS, context) or None,
            comparison_years=self.parameterAsInt(parameters, self.COMPARISON_YEARS, context),
            scale=self.parameterAsInt(parameters, self.NDVI_SCALE, context), ecological_units=units,
            land_cover=land_cover, significance=self.parameterAsInt(parameters, self.SIGNIFICANCE, context),
            metrics_output=metrics, progress=progress, is_cancelled=cancelled, workdir=workdir)
        self.report(feedback, result)
        classes = lpd_classes()
        self.style_output(context, output, self.OUTPUT, classes, tr("Land productivity dynamics"))
        outputs = {self.OUTPUT: output, self.OUTPUT_METRICS: metrics,
                   self.TOO_FEW_YEARS_PIXELS: result["too_few_years"], self.NODATA_HA: result["nodata_hectares"]}
        for key, code in zip(self.CLASS_OUTPUTS, productivity.LPD_CODES):
            outputs[key] = result["hectares"][code] if result["hectares"] is not None else None
        feedback.setProgress(100)
        return outputs

    @staticmethod
    def report(feedback, result):
        """The periods, units and class areas, and every reason for nodata, in the log."""
        feedback.pushInfo(tr("Series {first}-{last}; baseline {b0}-{b1}; comparison {c0}-{c1}.").format(
            first=result["years"][0], last=result["years"][1], b0=result["baseline"][0], b1=result["baseline"][1],
            c0=result["comparison"][0], c1=result["comparison"][1]))
        feedback.pushInfo(tr("Ecological units with a performance reference: {n}.").format(n=len(result["references"])))
        for code, label, _color in lpd_classes():
            if result["hectares"] is not None:
                feedback.pushInfo(tr("{label}: {ha:,.2f} ha ({px} pixels)").format(
                    label=label, ha=result["hectares"][code], px=result["pixels"][code]))
            else:
                feedback.pushInfo(tr("{label}: {px} pixels").format(label=label, px=result["pixels"][code]))
        feedback.pushInfo(tr("No data: {px} pixels, of which {none} without any valid year, {few} with too few "
                             "valid years, {unit} outside every ecological unit and {ref} in units without a "
                             "reference.").format(px=result["nodata_pixels"], none=result["no_data"],
                                                  few=result["too_few_years"], unit=result["no_unit"],
                                                  ref=result["no_reference"]))
        if result["too_few_years"]:
            feedback.pushWarning(tr("{n} pixels have fewer valid years than needed ({trend} in the series, "
                                    "{baseline} in the baseline, {comparison} in the comparison period) and are "
                                    "nodata.").format(n=result["too_few_years"], trend=productivity.MIN_TREND_YEARS,
                                                      baseline=productivity.MIN_BASELINE_YEARS,
                                                      comparison=productivity.MIN_COMPARISON_YEARS))
