"""t2restore:prepare_vegetation_series: an annual index series (one band per year) from MODIS, Landsat or S2 files."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms import vegetation_series as vs
from ..algorithms.errors import N_
from ..translation import tr
from .base import T2Algorithm

PRODUCTS = (N_("Detect (scale in the file's metadata, or MODIS MOD13/MYD13 in its name)"),
            N_("MODIS MOD13Q1 / MYD13Q1 NDVI or EVI (scale 0.0001, fill -3000)"),
            N_("Index values as stored (scale 1, offset 0)"), N_("Other: SCALE and OFFSET given"))
QUALITY_TYPES = (N_("MODIS VI Quality (16-bit flags)"), N_("MODIS pixel reliability (0 good .. 3 cloudy)"))
STRICTNESS = (N_("Good quality only"), N_("Usable (good, or marginal without clouds, snow or shadow)"),
              N_("Any value produced (good or marginal)"))
AGGREGATES = (N_("Mean"), N_("Maximum"), N_("Integral (index x days)"))
RASTER_SUFFIXES = (".tif", ".tiff", ".vrt", ".img")


class PrepareVegetationSeriesAlgorithm(T2Algorithm):
    NAME = "prepare_vegetation_series"
    DISPLAY_NAME = N_("Prepare an annual vegetation index series (NDVI, EVI)")
    GROUP_ID = "degradation"
    HELP = (
        N_("Builds the annual series that 'Land productivity dynamics' takes (one band per year, the year in each "
           "band's description) from the composites as they are downloaded: MODIS MOD13Q1 / MYD13Q1 16-day NDVI or "
           "EVI, Landsat or Sentinel-2 composites, as a list of rasters (INPUT), a FOLDER (the files whose name "
           "contains FILE_FILTER) or a multi-band raster."),
        N_("Dates: from a DATES table (CSV: file name, or band number of a multi-band raster; date), else from the "
           "band description of a multi-band raster, else from the file name: MODIS A2019001 or AppEEARS "
           "doy2019001 (year and day of year), 2019-01-17, 20190117, 2019-017, or a lone year (an annual "
           "composite). The bands of a multi-band raster without dates are the years from FIRST_YEAR (annual "
           "composites, as 'Land productivity dynamics' reads them). A file whose date cannot be read stops the "
           "run, named."),
        N_("Scale: PRODUCT says how stored values become index values (value x scale + offset). MODIS VI products "
           "store the index x 10000 with -3000 as fill. 'Detect' uses the scale written in the file or recognises "
           "MODIS by its name; a product whose scale is unknown stops the run: choose the product or give SCALE. "
           "FILL is an extra stored value that means no data."),
        N_("Quality: QUALITY (rasters) or, in FOLDER, the files whose name contains QUALITY_FILTER (e.g. "
           "VI_Quality or pixel_reliability), paired with the index by date. VI Quality bits (MOD13 user guide): "
           "bits 0-1 MODLAND QA, 2-5 VI usefulness, 10 mixed clouds, 14 possible snow/ice, 15 possible shadow. "
           "STRICTNESS 'good': MODLAND 00 (reliability 0); 'usable' (default): MODLAND 00 or 01 with usefulness "
           "1100 or better and none of clouds, snow, shadow (reliability 0 or 1); 'any produced': MODLAND 00 or "
           "01 (reliability 0 or 1)."),
        N_("Annual value over the season window (days of year SEASON_START to SEASON_END; a start after the end is "
           "a season across the new year, counted in the year it ends): mean, maximum or integral (trapezoid rule "
           "between the pixel's valid observations, in index x days; needs two) of the valid observations. Annual "
           "composites count for their year. Years from FIRST_YEAR to LAST_YEAR (0: those of the files); a year "
           "without observations is left as nodata and listed in MISSING_YEARS; a year whose observations hold no "
           "valid pixel is reported. Output: index values (NDVI_SCALE 1 in 'Land productivity dynamics'), "
           "float32, nodata -9999; FIRST_YEAR_OUT is its first year."),
        N_("All files must share one grid; a file on another grid stops the run, naming it and the property that "
           "differs, unless ALIGN is checked (bilinear for the index, nearest for quality)."),
    )

    INPUT = "INPUT"
    FOLDER = "FOLDER"
    FILE_FILTER = "FILE_FILTER"
    QUALITY = "QUALITY"
    QUALITY_FILTER = "QUALITY_FILTER"
    DATES = "DATES"
    PRODUCT = "PRODUCT"
    SCALE = "SCALE"
    OFFSET = "OFFSET"
    FILL = "FILL"
    QUALITY_TYPE = "QUALITY_TYPE"
    STRICTNESS = "STRICTNESS"
    AGGREGATE = "AGGREGATE"
    SEASON_START = "SEASON_START"
    SEASON_END = "SEASON_END"
    FIRST_YEAR = "FIRST_YEAR"
    LAST_YEAR = "LAST_YEAR"
    OUTPUT = "OUTPUT"
    FIRST_YEAR_OUT = "FIRST_YEAR_OUT"
    YEARS = "YEARS"
    MISSING_YEARS = "MISSING_YEARS"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        opt = {"optional": True}
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, tr("Vegetation index rasters (or one multi-band raster)"), layerType=compat.TYPE_RASTER, **opt))
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, tr("Folder of vegetation index files"), behavior=compat.FILE_BEHAVIOR_FOLDER, **opt))
        self.addParameter(QgsProcessingParameterString(
            self.FILE_FILTER, tr("Only files of the folder whose name contains (e.g. NDVI)"), **opt))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.QUALITY, tr("Quality rasters (paired by date)"), layerType=compat.TYPE_RASTER, **opt))
        self.addParameter(QgsProcessingParameterString(
            self.QUALITY_FILTER, tr("Quality files of the folder: names containing (e.g. VI_Quality)"), **opt))
        self.addParameter(QgsProcessingParameterFile(
            self.DATES, tr("Date table (CSV: file name or band number, date)"), fileFilter="CSV (*.csv *.txt)", **opt))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRODUCT, tr("Product (scale and fill)"), options=[tr(p) for p in PRODUCTS], defaultValue=0))
        for key, label in ((self.SCALE, tr("Scale factor (other product)")), (self.OFFSET, tr("Offset")),
                           (self.FILL, tr("Fill value (stored value meaning no data)"))):
            self.addParameter(QgsProcessingParameterNumber(key, label, type=compat.NUMBER_DOUBLE, **opt))
        self.addParameter(QgsProcessingParameterEnum(
            self.QUALITY_TYPE, tr("Quality layer type"), options=[tr(q) for q in QUALITY_TYPES], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.STRICTNESS, tr("Quality strictness"), options=[tr(s) for s in STRICTNESS], defaultValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.AGGREGATE, tr("Annual aggregate"), options=[tr(a) for a in AGGREGATES], defaultValue=0))
        for key, label, default in ((self.SEASON_START, tr("Season window: first day of year"), 1),
                                    (self.SEASON_END, tr("Season window: last day of year"), 366)):
            self.addParameter(QgsProcessingParameterNumber(
                key, label, type=compat.NUMBER_INTEGER, defaultValue=default, minValue=1, maxValue=366))
        for key, label in ((self.FIRST_YEAR, tr("First year of the output (0: from the files)")),
                           (self.LAST_YEAR, tr("Last year of the output (0: from the files)"))):
            self.addParameter(QgsProcessingParameterNumber(
                key, label, type=compat.NUMBER_INTEGER, defaultValue=0, minValue=0, maxValue=2200))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align files onto the first file's grid when they differ"), defaultValue=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, tr("Annual vegetation index series (one band per year)")))
        self.addOutput(QgsProcessingOutputNumber(self.FIRST_YEAR_OUT, tr("First year of the series")))
        self.addOutput(QgsProcessingOutputNumber(self.YEARS, tr("Number of years")))
        self.addOutput(QgsProcessingOutputString(self.MISSING_YEARS, tr("Years without observations")))

    def files(self, parameters, context, key, folder_filter, exclude=""):
        """Paths of a multiple-layer parameter, plus the folder's raster files whose name has ``folder_filter``."""
        paths = [layer.source() for layer in self.parameterAsLayerList(parameters, key, context)]
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if folder and (folder_filter or key == self.INPUT):
            if not os.path.isdir(folder):
                raise QgsProcessingException(tr("The folder {folder} does not exist.").format(folder=folder))
            for name in sorted(os.listdir(folder)):
                if (name.lower().endswith(RASTER_SUFFIXES) and folder_filter in name
                        and not (exclude and exclude in name)):
                    paths.append(os.path.join(folder, name))
        return paths

    def scale(self, parameters, context, first):
        """(scale, offset, fill) of the product chosen, detected or given."""
        product = self.parameterAsEnum(parameters, self.PRODUCT, context)
        fill = parameters.get(self.FILL)
        fill = self.parameterAsDouble(parameters, self.FILL, context) if fill not in (None, "") else None
        if product == 1:
            return vs.MODIS_SCALE, vs.MODIS_OFFSET, vs.MODIS_FILL if fill is None else fill
        if product == 2:
            return 1.0, 0.0, fill
        given = parameters.get(self.SCALE) not in (None, "")
        if product == 3 or given:
            if not given:
                raise QgsProcessingException(tr("Give SCALE (and OFFSET) for the product 'Other'."))
            offset = self.parameterAsDouble(parameters, self.OFFSET, context) if parameters.get(self.OFFSET) not in (
                None, "") else 0.0
            return self.parameterAsDouble(parameters, self.SCALE, context), offset, fill
        detected = vs.detect_scale(first)
        if detected is None:
            raise QgsProcessingException(tr(
                "The scale factor of {name} is unknown: its metadata has none and its name is not a known product. "
                "Choose the PRODUCT (e.g. MODIS, or 'Index values as stored') or give SCALE and OFFSET.").format(
                    name=os.path.basename(first)))
        return detected[0], detected[1], fill if fill is not None else detected[2]

    def options(self, parameters, context, first):
        scale, offset, fill = self.scale(parameters, context, first)
        years = [self.parameterAsInt(parameters, key, context) for key in (self.FIRST_YEAR, self.LAST_YEAR)]
        if all(years) and years[0] > years[1]:
            raise QgsProcessingException(tr("FIRST_YEAR ({first}) is after LAST_YEAR ({last}).").format(
                first=years[0], last=years[1]))
        return vs.SeriesOptions(
            scale=scale, offset=offset, fill=fill,
            how=vs.AGGREGATES[self.parameterAsEnum(parameters, self.AGGREGATE, context)],
            season=(self.parameterAsInt(parameters, self.SEASON_START, context),
                    self.parameterAsInt(parameters, self.SEASON_END, context)),
            quality_kind=vs.QUALITY_KINDS[self.parameterAsEnum(parameters, self.QUALITY_TYPE, context)],
            strictness=vs.STRICTNESS[self.parameterAsEnum(parameters, self.STRICTNESS, context)],
            years=tuple(years) if all(years) else None, align=self.parameterAsBoolean(parameters, self.ALIGN, context))

    def compute(self, parameters, context, feedback, workdir):
        quality_filter = self.parameterAsString(parameters, self.QUALITY_FILTER, context)
        paths = self.files(parameters, context, self.INPUT, self.parameterAsString(
            parameters, self.FILE_FILTER, context), exclude=quality_filter)
        if not paths:
            raise QgsProcessingException(tr("Give the vegetation index files: INPUT rasters, or a FOLDER holding "
                                            "them (check FILE_FILTER)."))
        quality = self.files(parameters, context, self.QUALITY, quality_filter)
        dates_file = self.parameterAsFile(parameters, self.DATES, context)
        dates = vs.read_date_table(dates_file) if dates_file else None
        first_year = self.parameterAsInt(parameters, self.FIRST_YEAR, context) or None
        obs = vs.observations_of(paths, dates, quality, first_year)
        options = self.options(parameters, context, paths[0])
        feedback.pushInfo(tr("{n} observations in {files} files; scale {scale:g}, offset {offset:g}.").format(
            n=len(obs), files=len(paths), scale=options.scale, offset=options.offset))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, cancelled = self.callbacks(feedback, 0, 99)
        result = vs.prepare_series(obs, output, options, workdir, progress=progress, is_cancelled=cancelled)
        self.report(feedback, result)
        first, last = result["years"]
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.FIRST_YEAR_OUT: first, self.YEARS: last - first + 1,
                self.MISSING_YEARS: ",".join(str(y) for y in result["missing"])}

    @staticmethod
    def report(feedback, result):
        for name in result["aligned"]:
            feedback.pushInfo(tr("{name} was aligned onto the first file's grid.").format(name=name))
        for year, n in result["observations"].items():
            feedback.pushInfo(tr("{year}: {n} observations, {px} pixels with a value.").format(
                year=year, n=n, px=result["valid_pixels"][year]))
        if result["missing"]:
            feedback.pushWarning(tr("Years without any observation, left as nodata: {years}.").format(
                years=", ".join(str(y) for y in result["missing"])))
        if result["empty"]:
            feedback.pushWarning(tr("Years whose observations hold no valid pixel (fill, nodata or rejected by the "
                                    "quality mask), left as nodata: {years}.").format(
                years=", ".join(str(y) for y in result["empty"])))
