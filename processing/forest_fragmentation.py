"""t2restore:forest_fragmentation: Riitters fragmentation classes from a forest mask (METHODS.md section 2)."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms import fragmentation
from ..algorithms.errors import N_
from ..translation import tr
from ._dask import DASK_HELP, DaskOption
from .base import T2Algorithm

CLASSES = [
    (fragmentation.NON_FOREST, N_("Non-forest"), "#f0f0f0"),
    (fragmentation.PATCH, N_("Patch"), "#d73027"),
    (fragmentation.TRANSITIONAL, N_("Transitional"), "#fc8d59"),
    (fragmentation.EDGE, N_("Edge"), "#fee08b"),
    (fragmentation.PERFORATED, N_("Perforated"), "#d9ef8b"),
    (fragmentation.INTERIOR, N_("Interior"), "#1a9850"),
    (fragmentation.UNDETERMINED, N_("Undetermined"), "#91cf60"),
]


def fragmentation_classes():
    """(value, translated label, colour) of the 7 output codes."""
    return [(v, tr(label), color) for v, label, color in CLASSES]


class ForestFragmentationAlgorithm(DaskOption, T2Algorithm):
    NAME = "forest_fragmentation"
    DISPLAY_NAME = N_("Forest fragmentation (Riitters classes)")
    GROUP_ID = "degradation"
    HELP = (
        N_("Classifies every forest pixel by the pattern of forest around it, after Riitters et al. (2000, "
           "Conservation Ecology 4(2): 3, with the 2001 errata), the method of GRASS r.forestfrag and of the R "
           "package fragmentation. Fragmentation is one of MINAM's degradation indicators."),
        N_("INPUT: a raster whose values FOREST_VALUES (default 1; several separated by commas, e.g. 1,2,5, or "
           "ranges such as 1-5) are forest; every other value is non-forest and nodata cells are left out. "
           "WINDOW: the side of the square moving window in pixels, odd from 3 to 31 (default 3)."),
        N_("In the window around each pixel, Pf is the share of forest among the valid cells, and Pff, among the "
           "pairs of cardinal neighbours inside the window with at least one forest cell, the share in which both "
           "are forest. Cells outside the raster, nodata cells and pairs with a nodata cell are not counted."),
        N_("Codes: 0 non-forest; 1 patch (Pf < 0.4); 2 transitional (0.4 <= Pf < 0.6); 3 edge (Pf >= 0.6 and "
           "Pf < Pff); 4 perforated (Pf >= 0.6 and Pf > Pff); 5 interior (Pf = 1); 6 undetermined (Pf >= 0.6 and "
           "Pf = Pff); 255 nodata. Pf and Pff are compared as exact fractions, so pixels exactly on a boundary get "
           "the class of the method (GRASS r.forestfrag uses Pf > 0.6 for perforated and undetermined)."),
        N_("OUTPUT_PF and OUTPUT_PFF (optional, decimal rasters) hold Pf for every valid cell and Pff where a pair "
           "holds forest (nodata -9999). The result does not depend on how the raster is split into blocks. The "
           "log reports hectares per class on the WGS 84 ellipsoid."),
        N_("Unlike the algorithms that combine several rasters, this one has no ALIGN option: it reads a single "
           "raster, so there is no other grid to align with, and the outputs are on the grid of INPUT. To combine "
           "the result with rasters on another grid, align them in the algorithm that combines them."),
        DASK_HELP,
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    INPUT = "INPUT"
    FOREST_VALUES = "FOREST_VALUES"
    WINDOW = "WINDOW"
    OUTPUT = "OUTPUT"
    OUTPUT_PF = "OUTPUT_PF"
    OUTPUT_PFF = "OUTPUT_PFF"
    NON_FOREST_HA = "NON_FOREST_HA"
    PATCH_HA = "PATCH_HA"
    TRANSITIONAL_HA = "TRANSITIONAL_HA"
    EDGE_HA = "EDGE_HA"
    PERFORATED_HA = "PERFORATED_HA"
    INTERIOR_HA = "INTERIOR_HA"
    UNDETERMINED_HA = "UNDETERMINED_HA"
    FOREST_PIXELS = "FOREST_PIXELS"
    # Output numbers: hectares per class
    CLASS_OUTPUTS = (NON_FOREST_HA, PATCH_HA, TRANSITIONAL_HA, EDGE_HA, PERFORATED_HA, INTERIOR_HA, UNDETERMINED_HA)

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Forest mask or land cover raster")))
        self.addParameter(QgsProcessingParameterString(
            self.FOREST_VALUES, tr("Values that mean forest (separated by commas)"), defaultValue="1"))
        self.addParameter(QgsProcessingParameterNumber(
            self.WINDOW, tr("Window size in pixels (odd, 3 to 31)"), type=compat.NUMBER_INTEGER,
            defaultValue=fragmentation.DEFAULT_WINDOW))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Forest fragmentation")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PF, tr("Pf (share of forest in the window)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PFF, tr("Pff (share of forest pairs among pairs with forest)"), optional=True,
            createByDefault=False))
        for key, (_v, label, _c) in zip(self.CLASS_OUTPUTS, CLASSES):
            self.addOutput(QgsProcessingOutputNumber(key, tr("{label} (ha)").format(label=tr(label))))
        self.add_dask_parameter()
        self.addOutput(QgsProcessingOutputNumber(self.FOREST_PIXELS, tr("Forest pixels")))

    def compute(self, parameters, context, feedback, workdir):
        source = self.raster_path(parameters, self.INPUT, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        pf = self.parameterAsOutputLayer(parameters, self.OUTPUT_PF, context) or None
        pff = self.parameterAsOutputLayer(parameters, self.OUTPUT_PFF, context) or None
        window = self.parameterAsDouble(parameters, self.WINDOW, context)
        window = int(window) if float(window).is_integer() else window
        progress, cancelled = self.callbacks(feedback, 0, 98)
        result = fragmentation.forest_fragmentation(
            source, output, self.parameterAsString(parameters, self.FOREST_VALUES, context), window,
            pf_output=pf, pff_output=pff, progress=progress, is_cancelled=cancelled)
        feedback.pushInfo(tr("Window {w} x {w} pixels; forest values: {values}.").format(
            w=result["window"], values=", ".join(str(v) for v in result["forest_values"])))
        classes = fragmentation_classes()
        outputs = {self.OUTPUT: output, self.OUTPUT_PF: pf, self.OUTPUT_PFF: pff,
                   self.FOREST_PIXELS: result["forest_pixels"]}
        for (code, label, _color), key in zip(classes, self.CLASS_OUTPUTS):
            if result["hectares"] is not None:
                outputs[key] = result["hectares"][code]
                feedback.pushInfo(tr("{label}: {ha:,.2f} ha ({px} pixels)").format(
                    label=label, ha=outputs[key], px=result["pixels"][code]))
            else:
                outputs[key] = None
                feedback.pushInfo(tr("{label}: {px} pixels").format(label=label, px=result["pixels"][code]))
        feedback.pushInfo(tr("No data: {px} pixels").format(px=result["pixels"][None]))
        self.style_output(context, output, self.OUTPUT, classes, tr("Forest fragmentation"))
        feedback.setProgress(100)
        return outputs
