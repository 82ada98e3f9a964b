"""t2restore:prepare_land_cover: a national or global land cover in the 7 UNCCD classes, on a reference grid."""

from osgeo import gdal
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBand,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms import land_cover_prep, legends
from ..algorithms.blocks import Grid, grid_difference, open_raster
from ..algorithms.errors import N_
from ..translation import tr
from . import _align, _class_polygons
from ._codes import add_unknown_codes_parameter, report_unknown, unknown_policy
from .base import T2Algorithm, grid_of

MODE_LABEL = N_("mode of the UNCCD classes")


def unccd_classes():
    """(value, translated label, colour) of the 7 UNCCD classes."""
    return [(v, tr(label), color) for v, label, color in legends.UNCCD_CLASSES]


class PrepareLandCoverAlgorithm(T2Algorithm):
    NAME = "prepare_land_cover"
    DISPLAY_NAME = N_("Prepare land cover (national legends to the 7 UNCCD classes)")
    GROUP_ID = "degradation"
    HELP = (
        N_("Recodes a land-cover raster into the 7 UNCCD classes (1 tree-covered, 2 grassland, 3 cropland, "
           "4 wetland, 5 artificial, 6 other land, 7 water body; 0 no data), aligns it onto a reference grid and "
           "clips it to zones, in one step: the input the land cover, SDG 15.3.1 and status algorithms expect. "
           "BAND picks one band of a multi-band file (MapBiomas collections hold one band per year)."),
        N_("PRESET: the legend of the product, by id: mapbiomas_peru (MapBiomas Perú), esa_cci (ESA CCI Land "
           "Cover, the UNCCD default nesting), esa_worldcover (ESA WorldCover), modis_igbp (MODIS MCD12Q1 / "
           "MCD12C1 LC_Type1) or minam_cobertura (MINAM's Mapa Nacional de Cobertura Vegetal 2015: its 75 units, "
           "named as in the field CobVeg2013). Each preset is a file of presets/land_cover citing the legend it "
           "follows; copy and edit it to change a class. NESTING_FILE instead: a Trends.Earth custom legend-nesting "
           "JSON file (Land cover > Edit definition > Save), used unchanged. OUTPUT_NESTING writes the nesting "
           "used in the same format, to open in Trends.Earth or edit."),
        N_("A code found in the raster but missing from the nesting stops the run, which names each code with its "
           "pixel count, unless UNKNOWN_CODES is set to leave those pixels out as no data (the log then says how "
           "many). Codes the nesting files under no data (e.g. MapBiomas 27, MODIS 255) are no data."),
        N_("POLYGONS instead of INPUT: a land cover published as polygons, such as MINAM's cover map, with "
           "CLASS_FIELD naming each polygon's class (CobVeg2013 for MINAM's map) by its name in the legend (capitals, "
           "accents and spacing aside) or by its code. The polygons are rasterized onto REFERENCE, which is then "
           "required: a pixel takes the class of the polygon that holds its centre. Names the legend does not have "
           "stop the run, which lists them with their number of polygons (or, with UNKNOWN_CODES set to no data, "
           "those polygons are left out)."),
        N_("REFERENCE (optional): the output takes its grid (CRS, pixel size, extent). The classes, never the "
           "product's codes, are resampled: the mode of the classes under each reference cell when its cells are "
           "larger (coarsening), nearest neighbour otherwise; the log states which, with the coordinate operation "
           "used. Without REFERENCE the output keeps the input's grid. ZONES (optional): pixels whose centre is "
           "outside every polygon become no data."),
        N_("MODIS files declare an 'unknown datum based upon the Clarke 1866 ellipsoid' geographic CRS; MODIS grids "
           "are defined in WGS 84 latitude and longitude, so such a CRS is read as WGS 84, with a note in the log. "
           "The raster is read block by block: memory stays bounded whatever its size. The log reports hectares "
           "per class on the WGS 84 ellipsoid."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    INPUT = "INPUT"
    POLYGONS = "POLYGONS"
    CLASS_FIELD = "CLASS_FIELD"
    BAND = "BAND"
    PRESET = "PRESET"
    NESTING_FILE = "NESTING_FILE"
    REFERENCE = "REFERENCE"
    UNKNOWN_CODES = "UNKNOWN_CODES"
    OUTPUT = "OUTPUT"
    OUTPUT_NESTING = "OUTPUT_NESTING"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Land cover (product codes)"),
                                                            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POLYGONS, tr("Land cover as polygons, instead of the raster (e.g. MINAM's cover map)"),
            [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, tr("Class field of the polygons (name or code; CobVeg2013 in MINAM's map)"),
            parentLayerParameterName=self.POLYGONS, optional=True))
        self.addParameter(QgsProcessingParameterBand(
            self.BAND, tr("Band (e.g. the year of a MapBiomas collection)"), defaultValue=1,
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PRESET, tr("Legend preset ({choices})").format(choices=", ".join(legends.preset_ids())),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.NESTING_FILE, tr("Legend nesting file (Trends.Earth JSON), instead of a preset"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REFERENCE, tr("Reference grid (optional: the input's own grid)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones to clip to (optional)"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        add_unknown_codes_parameter(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Land cover, UNCCD classes")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_NESTING, tr("Nesting used (Trends.Earth JSON)"), fileFilter="JSON (*.json)", optional=True,
            createByDefault=False))

    def nesting(self, parameters, context):
        """The nesting of PRESET or NESTING_FILE (exactly one of them)."""
        preset = (self.parameterAsString(parameters, self.PRESET, context) or "").strip()
        path = self.parameterAsFile(parameters, self.NESTING_FILE, context) if self.NESTING_FILE in parameters else ""
        if bool(preset) == bool(path):
            raise QgsProcessingException(tr(
                "Give either PRESET (one of {choices}) or NESTING_FILE (a Trends.Earth legend-nesting JSON file), "
                "not both and not neither.").format(choices=", ".join(legends.preset_ids())))
        return legends.load_preset(preset) if preset else legends.load_nesting(path)

    def target_grid(self, parameters, context, ds, wkt):
        reference = self.raster_path(parameters, self.REFERENCE, context, required=False)
        if reference:
            return grid_of(reference)
        return Grid(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), wkt)

    def source_raster(self, parameters, context, feedback, nesting, policy, workdir):
        """(path, band, input name) of INPUT, or of POLYGONS burnt onto REFERENCE by class."""
        given = [key for key in (self.INPUT, self.POLYGONS) if parameters.get(key) not in (None, "")]
        if len(given) != 1:
            raise QgsProcessingException(tr(
                "Give the land cover either as a raster (INPUT) or as polygons (POLYGONS, with CLASS_FIELD), "
                "not both and not neither."))
        if given[0] == self.INPUT:
            band = self.parameterAsInt(parameters, self.BAND, context) or 1
            return self.raster_path(parameters, self.INPUT, context), band, self.INPUT
        source = self.parameterAsSource(parameters, self.POLYGONS, context)
        reference = self.raster_path(parameters, self.REFERENCE, context, required=False)
        if source is None:
            raise QgsProcessingException(tr("The polygon layer POLYGONS is missing or cannot be opened."))
        if not reference:
            raise QgsProcessingException(tr(
                "POLYGONS needs REFERENCE, the grid to rasterize the polygons onto (e.g. the other land cover or "
                "the productivity raster they will be compared with)."))
        field = self.parameterAsString(parameters, self.CLASS_FIELD, context) if self.CLASS_FIELD in parameters else ""
        path = _class_polygons.burn_classes(source, field, nesting, grid_of(reference), context, feedback, workdir,
                                            policy, self.POLYGONS)
        return path, 1, self.POLYGONS

    def compute(self, parameters, context, feedback, workdir):
        nesting = self.nesting(parameters, context)
        policy = unknown_policy(self, parameters, context)
        path, band, name = self.source_raster(parameters, context, feedback, nesting, policy, workdir)
        ds = open_raster(path, name)
        wkt, assumed = land_cover_prep.source_crs(ds)
        if assumed:
            feedback.pushWarning(tr("{name}: its CRS is a geographic CRS with an unknown datum (as MODIS files "
                                    "declare); it is read as WGS 84 latitude and longitude.").format(name=self.INPUT))
        grid = self.target_grid(parameters, context, ds, wkt)
        operation = self.log_alignment(context, feedback, ds, wkt, grid)
        zones, _labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, cancelled = self.callbacks(feedback, 0, 95)
        result = land_cover_prep.prepare_land_cover(
            path, nesting, output, workdir, grid=grid, zones=zones, policy=policy, name=name, band=band,
            progress=progress, is_cancelled=cancelled, coordinate_operation=operation)
        report_unknown(feedback, [result["unknown"]] if result["unknown"] else [])
        classes = unccd_classes()
        for value, label, _color in classes:
            feedback.pushInfo(tr("{label}: {ha:,.2f} ha").format(label=label, ha=result["hectares"][value]))
        self.style_output(context, output, self.OUTPUT, classes, tr("Land cover (UNCCD classes)"))
        results = {self.OUTPUT: output}
        nesting_out = self.parameterAsFileOutput(parameters, self.OUTPUT_NESTING, context)
        if nesting_out:
            results[self.OUTPUT_NESTING] = legends.save_nesting(nesting, nesting_out)
        return results

    def log_alignment(self, context, feedback, ds, wkt, grid):
        """The coordinate operation onto ``grid`` (None when none is needed), logged with the resampling."""
        own = Grid(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), wkt)
        if grid_difference(own, grid) is None:
            return None
        view = gdal.Translate("", ds, format="VRT", outputSRS=wkt) if wkt != ds.GetProjection() else ds
        method = land_cover_prep.resampling_for(ds, wkt, grid)
        operation = _align.coordinate_operation(context, view, grid)
        _align.log_alignment(feedback, self.INPUT, view, grid, MODE_LABEL if method == "mode" else "near", operation)
        return operation[0]
