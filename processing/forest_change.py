"""t2restore:forest_change: forest mask of a year, year of forest loss and loss per zone and year."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms import forest_change as fc
from ..algorithms import forest_density
from ..algorithms.blocks import grid_difference
from ..algorithms.errors import N_
from ..algorithms.values import parse_value_list
from ..translation import tr
from .base import T2Algorithm, grid_of

SOURCES = (N_("Hansen Global Forest Change (treecover2000, lossyear, gain)"),
           N_("Annual land-cover series (e.g. MapBiomas, one band per year)"))
MASK_CLASSES = [(0, N_("Non-forest"), "#efe3c2"), (1, N_("Forest"), "#1b7837")]


class ForestChangeAlgorithm(T2Algorithm):
    NAME = "forest_change"
    DISPLAY_NAME = N_("Forest change (Hansen GFC or MapBiomas): forest mask, loss year, loss per zone")
    GROUP_ID = "degradation"
    HELP = (
        N_("From Hansen's Global Forest Change layers or an annual land-cover series, three products: the forest "
           "mask of YEAR (1 forest, 0 non-forest, 255 nodata; the input of 'Forest fragmentation'), the year of "
           "forest loss (OUTPUT_LOSS_YEAR: calendar year, 0 no loss; the LOSS_YEAR input of the SERFOR criteria, "
           "which compute the density of recent deforestation from it) and the hectares of forest lost per zone "
           "and year (OUTPUT_TABLE: 'class' is the year; WGS 84 ellipsoid)."),
        N_("Hansen: forest in 2000 is treecover2000 at or above THRESHOLD percent canopy cover (default 30). A "
           "forest pixel with lossyear code c (1-99) is lost in 2000 + c. Forest in YEAR = forest in 2000 not lost "
           "from 2001 to YEAR. With GAIN, a gain pixel is forest from GAIN_YEAR on (2012, the end of the gain "
           "period of GFC v1.0-1.7; 2020 for later versions), unless lost after GAIN_YEAR."),
        N_("Land-cover series: forest is a class of FOREST_CLASSES (default 3, 4, 5, 6: MapBiomas' forest "
           "formation, savanna or dry forest, mangrove and flooded forest; check your collection's legend). Band "
           "years come from band descriptions (e.g. classification_2019) or FIRST_YEAR (the year of band 1). "
           "Loss in year Y = forest in Y-1 and not in Y, both with data: every such change counts in the table "
           "(gross loss); the loss-year raster keeps the latest."),
        N_("Density of recent deforestation (OUTPUT_DENSITY, optional): hectares of forest loss per km2 of land "
           "with data within RADIUS metres of each pixel, counting the loss of the last RECENT_YEARS years up to "
           "the latest loss year found (0 = every year); nodata -9999. It is computed from the year of forest "
           "loss by the same functions as the deforestation density criterion of 't2restore:serfor_criteria', "
           "with the same defaults (5 years, 1000 m, from presets/serfor_provisional.json), so it equals that "
           "criterion and can be inspected or fed to SERFOR's workflow."),
        N_("Inputs must share one grid unless ALIGN is checked (nearest neighbour onto the first input's grid)."),
    )

    SOURCE = "SOURCE"
    TREECOVER = "TREECOVER"
    LOSSYEAR = "LOSSYEAR"
    GAIN = "GAIN"
    THRESHOLD = "THRESHOLD"
    GAIN_YEAR = "GAIN_YEAR"
    LAND_COVER_SERIES = "LAND_COVER_SERIES"
    FOREST_CLASSES = "FOREST_CLASSES"
    FIRST_YEAR = "FIRST_YEAR"
    YEAR = "YEAR"
    OUTPUT_MASK = "OUTPUT_MASK"
    OUTPUT_LOSS_YEAR = "OUTPUT_LOSS_YEAR"
    OUTPUT_DENSITY = "OUTPUT_DENSITY"
    RECENT_YEARS = "RECENT_YEARS"
    RADIUS = "RADIUS"
    FOREST_HA = "FOREST_HA"
    LOSS_HA = "LOSS_HA"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        opt = {"optional": True}
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCE, tr("Source"), options=[tr(s) for s in SOURCES], defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterLayer(self.TREECOVER, tr("Hansen treecover2000 (%)"), **opt))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LOSSYEAR, tr("Hansen lossyear (0, 1-99)"), **opt))
        self.addParameter(QgsProcessingParameterRasterLayer(self.GAIN, tr("Hansen gain (0, 1)"), **opt))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, tr("Canopy cover threshold of forest (%)"), type=compat.NUMBER_DOUBLE, defaultValue=30.0,
            minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.GAIN_YEAR, tr("Last year of the gain period"), type=compat.NUMBER_INTEGER, defaultValue=2012,
            minValue=2001, maxValue=2100))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LAND_COVER_SERIES, tr("Annual land-cover series (one band per year)"), **opt))
        self.addParameter(QgsProcessingParameterString(
            self.FOREST_CLASSES, tr("Forest classes of the series"), defaultValue="3,4,5,6"))
        self.addParameter(QgsProcessingParameterNumber(
            self.FIRST_YEAR, tr("Year of band 1 of the series (0: from band descriptions)"),
            type=compat.NUMBER_INTEGER, defaultValue=0, minValue=0, maxValue=2200))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Year of the forest mask"), type=compat.NUMBER_INTEGER, defaultValue=2020, minValue=1900,
            maxValue=2200))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the first input's grid when they differ"), defaultValue=False))
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_MASK, tr("Forest mask of the year"), **opt))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_LOSS_YEAR, tr("Year of forest loss"), createByDefault=False, **opt))
        self.add_density_parameters()
        self.add_table_output(tr("Forest loss table (hectares per zone and year)"))
        self.addOutput(QgsProcessingOutputNumber(self.FOREST_HA, tr("Forest area in the year (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.LOSS_HA, tr("Forest loss, all years (ha)")))

    def add_density_parameters(self):
        """RECENT_YEARS, RADIUS and OUTPUT_DENSITY, with SERFOR's defaults (serfor_criteria's parameters)."""
        years, radius = forest_density.density_defaults()
        self.addParameter(QgsProcessingParameterNumber(
            self.RECENT_YEARS, tr("Recent deforestation: last years counted (0 = every year)"),
            type=compat.NUMBER_INTEGER, defaultValue=years, minValue=0, maxValue=100, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, tr("Deforestation density search radius (m)"), type=compat.NUMBER_DOUBLE,
            defaultValue=radius, minValue=1.0, optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_DENSITY, tr("Density of recent deforestation (ha per km2)"), optional=True,
            createByDefault=False))

    def density_values(self, parameters, context):
        """(RECENT_YEARS, RADIUS); their defaults are SERFOR's preset."""
        return (self.parameterAsInt(parameters, self.RECENT_YEARS, context),
                self.parameterAsDouble(parameters, self.RADIUS, context))

    def write_density(self, parameters, context, feedback, loss_year):
        """OUTPUT_DENSITY from the loss-year raster, by SERFOR's criterion (algorithms/forest_density.py)."""
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT_DENSITY, context) or None
        if path is None:
            return None
        years, radius = self.density_values(parameters, context)
        progress, cancelled = self.callbacks(feedback, 80, 99)
        notes = forest_density.deforestation_density(loss_year, path, years, radius, progress=progress,
                                                     is_cancelled=cancelled)
        for template, params in notes:
            feedback.pushInfo(tr(template).format(**params))
        return path

    def source(self, parameters, context, feedback):
        """(fc.Hansen or fc.Series, reference grid) with inputs aligned when asked."""
        if self.parameterAsEnum(parameters, self.SOURCE, context) == 1:
            path = self.raster_path(parameters, self.LAND_COVER_SERIES, context, required=False)
            if path is None:
                raise QgsProcessingException(tr("Give LAND_COVER_SERIES, the annual land-cover raster."))
            classes = parse_value_list(self.parameterAsString(parameters, self.FOREST_CLASSES, context),
                                       self.FOREST_CLASSES)
            first = self.parameterAsInt(parameters, self.FIRST_YEAR, context) or None
            return fc.Series(path, classes, first), grid_of(path)
        named = {key: self.raster_path(parameters, key, context, required=False)
                 for key in (self.TREECOVER, self.LOSSYEAR, self.GAIN)}
        for key in (self.TREECOVER, self.LOSSYEAR):
            if named[key] is None:
                raise QgsProcessingException(tr("Give {name}: Hansen's source needs treecover2000 and lossyear.")
                                             .format(name=key))
        grid = grid_of(named[self.TREECOVER])
        differ = [k for k in (self.LOSSYEAR, self.GAIN) if named[k] and grid_difference(grid, grid_of(named[k]))]
        self.align_inputs(parameters, context, named, differ, grid, feedback=feedback)
        gain = named[self.GAIN]
        return fc.Hansen(named[self.TREECOVER], named[self.LOSSYEAR], gain,
                         self.parameterAsDouble(parameters, self.THRESHOLD, context),
                         self.parameterAsInt(parameters, self.GAIN_YEAR, context) if gain else None), grid

    def compute(self, parameters, context, feedback, workdir):
        source, grid = self.source(parameters, context, feedback)
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        mask = self.parameterAsOutputLayer(parameters, self.OUTPUT_MASK, context) or None
        loss_year = self.parameterAsOutputLayer(parameters, self.OUTPUT_LOSS_YEAR, context) or None
        wants_density = bool(self.parameterAsOutputLayer(parameters, self.OUTPUT_DENSITY, context))
        if wants_density:  # refuse a bad radius before any output is written
            forest_density.density_rules(grid, *self.density_values(parameters, context))
        loss_input = loss_year or (os.path.join(workdir, "loss_year.tif") if wants_density else None)
        year = self.parameterAsInt(parameters, self.YEAR, context)
        progress, cancelled = self.callbacks(feedback, 0, 80 if wants_density else 95)
        result = fc.forest_change(source, year, mask=mask, loss_year=loss_input, zones=zones, progress=progress,
                                  is_cancelled=cancelled)
        density = self.write_density(parameters, context, feedback, loss_input) if wants_density else None
        table = self.write_area_table(parameters, context, result["table"], {}, labels, grid)
        for when, ha in result["loss_ha"].items():
            feedback.pushInfo(tr("Forest loss in {year}: {ha:,.2f} ha").format(year=when, ha=ha))
        feedback.pushInfo(tr("Forest in {year}: {ha:,.2f} ha").format(year=year, ha=result["forest_ha"]))
        if not result["loss_ha"]:
            feedback.pushWarning(tr("No forest loss found: check the threshold, the forest classes and the years."))
        if mask:
            self.style_output(context, mask, self.OUTPUT_MASK, [(v, tr(lab), c) for v, lab, c in MASK_CLASSES],
                              tr("Forest {year}").format(year=year))
        feedback.setProgress(100)
        return {self.OUTPUT_MASK: mask, self.OUTPUT_LOSS_YEAR: loss_year, self.OUTPUT_DENSITY: density,
                self.OUTPUT_TABLE: table,
                self.FOREST_HA: result["forest_ha"], self.LOSS_HA: sum(result["loss_ha"].values())}
