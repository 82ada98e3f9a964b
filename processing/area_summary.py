"""t2restore:area_summary: hectares per class of any integer raster, optionally per zone."""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterBand, QgsProcessingParameterRasterLayer

from ..algorithms.errors import N_
from ..algorithms.summary import class_areas
from ..translation import tr
from ._dask import DASK_HELP, DaskOption
from ._legends import add_legend_parameter, legend_class_names
from .base import T2Algorithm, grid_of


class AreaSummaryAlgorithm(DaskOption, T2Algorithm):
    NAME = "area_summary"
    DISPLAY_NAME = N_("Area by class (hectares, per zone)")
    GROUP_ID = "summaries"
    HELP = (
        N_("Sums the area of every class of an integer raster, optionally per zone of a polygon layer "
           "(e.g. departments). Areas are hectares on the WGS 84 ellipsoid whatever the raster's CRS: per-row "
           "cell areas in a geographic CRS, the ellipsoidal cell area across the map in a projected one."),
        N_("A pixel belongs to the zone whose polygon contains its centre. Nodata pixels are reported as "
           "their own row, never dropped. The table states the raster's CRS and the area method."),
        N_("Zones are keyed by feature, or by ZONE_ID (e.g. UBIGEO), never by name: districts that share a name "
           "stay separate rows, each with its zone_id. Zones without a defined CRS are taken to be in the "
           "raster's CRS (with a warning); zones that do not overlap the raster stop the run."),
        N_("LEGEND (optional) fills the class_name column: a land-cover preset id (unccd for the 7 UNCCD classes, "
           "mapbiomas_peru, esa_cci, esa_worldcover, modis_igbp, minam_cobertura), a CSV file of code,name or a "
           "QML style (e.g. the layer's paletted style, Layer properties > Style > Save style). Codes the legend "
           "does not name keep their number."),
        DASK_HELP,
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    INPUT = "INPUT"
    BAND = "BAND"
    LEGEND = "LEGEND"
    TOTAL_HA = "TOTAL_HA"
    DASK_OUTPUT = T2Algorithm.OUTPUT_TABLE  # the working folder (zones) goes beside the table with a Dask scheduler

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Class raster")))
        self.addParameter(QgsProcessingParameterBand(
            self.BAND, tr("Band"), defaultValue=1, parentLayerParameterName=self.INPUT, optional=True))
        self.add_zone_parameters()
        add_legend_parameter(self)
        self.add_table_output(tr("Area table (hectares per zone and class)"))
        self.add_dask_parameter()
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_HA, tr("Total area with data (ha)")))

    def compute(self, parameters, context, feedback, workdir):
        path = self.raster_path(parameters, self.INPUT, context)
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        grid = grid_of(path)
        names = legend_class_names(self, parameters, context)
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        progress, cancelled = self.callbacks(feedback, 0, 95)
        acc = class_areas(path, band, zones, progress=progress, is_cancelled=cancelled)
        table = self.write_area_table(parameters, context, acc, names, labels, grid)
        total = acc.total(include_nodata=False)
        feedback.pushInfo(tr("Total area with data: {ha:,.2f} ha").format(ha=total))
        return {self.OUTPUT_TABLE: table, self.TOTAL_HA: total}
