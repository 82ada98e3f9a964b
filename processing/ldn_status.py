"""t2restore:ldn_status: SDG 15.3.1 status of reporting periods against the baseline, counterbalancing per
land type, Trends.Earth-style corrections (METHODS.md 1.5, UNCCD GPG addendum)."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from .. import compat
from ..algorithms import ldn_status as ls
from ..algorithms import zones as zone_raster
from ..algorithms.areas import AREA_METHOD, crs_description
from ..algorithms.errors import N_
from ..algorithms.ldn_status import corrections as recode
from ..algorithms.ldn_status import rules
from ..translation import tr
from . import _te_bands, _zones
from ._codes import add_unknown_codes_parameter, report_unknown, unknown_policy
from .base import T2Algorithm, grid_of, request_in_crs

STATUS_COLOURS = {1: "#a50026", 2: "#f46d43", 3: "#fdae61", 4: "#e0e0e0", 5: "#a6d96a", 6: "#66bd63", 7: "#006837"}
SIMPLE_CLASSES = [(-1, N_("Degraded"), "#d7191c"), (0, N_("Stable"), "#bdbdbd"), (1, N_("Improved"), "#1a9641")]


def status_classes():
    """(value, translated label, colour) of the 7 status classes."""
    return [(v, tr(ls.STATUS_NAMES[v]), STATUS_COLOURS[v]) for v in rules.STATUS_CLASSES]


class LdnStatusAlgorithm(T2Algorithm):
    NAME = "ldn_status"
    DISPLAY_NAME = N_("SDG 15.3.1 status over several periods (counterbalancing, corrections)")
    GROUP_ID = "degradation"
    HELP = (
        N_("Compares one or two reporting periods of SDG indicator 15.3.1 with the baseline, as the UNCCD Good "
           "Practice Guidance addendum for the 2026 reporting asks and Trends.Earth does. Inputs are SDG 15.3.1 "
           "rasters coded -1 degraded, 0 stable, 1 improved (nodata -32768), as ldn_degradation or Trends.Earth "
           "write them; any other value stops the run naming the values found, unless UNKNOWN_CODES leaves "
           "them out as no data."),
        N_("Status classes of each reporting period (STATUS_1, STATUS_2): 1 persistent degradation (degraded in the "
           "baseline and in the reporting period); 2 recent degradation (stable or improved in the baseline, "
           "degraded now); 3 baseline degradation (degraded in the baseline, stable now); 4 stable (stable in "
           "both); 5 baseline improvement (improved in the baseline, stable now); 6 recent improvement (degraded "
           "or stable in the baseline, improved now); 7 persistent improvement (improved in both). No data in "
           "either period gives no data. The simplified status (SIMPLE_STATUS_1, SIMPLE_STATUS_2) is -1 for "
           "classes 1-3, 0 for class 4 and 1 for classes 5-7."),
        N_("Which classes count as degraded for the Target 2 denominator: in the UNCCD Good Practice Guidance for "
           "SDG 15.3.1 (version 2, 2021) and its addendum for the 2026 reporting, land degraded in the baseline "
           "stays degraded in a reporting period until it improves, so the degraded land of a reporting period is "
           "classes 1, 2 and 3 (simplified status -1). Counting only land degrading now (classes 1 and 2) is the "
           "narrower choice. For the denominator give the status of the latest period to target2_indicator with "
           "DEGRADED_CLASSES 1,2,3 (or 1,2), or its simplified status with the degraded value -1."),
        N_("Counterbalancing (OUTPUT_TABLE): per land type (LAND_TYPE, an integer raster such as the baseline "
           "land cover or an ecosystem map; any number of classes; decimal rasters are refused) and per zone "
           "when ZONES is given: gains = classes 6 and 7, losses = classes 1 and 2, in hectares on the WGS 84 "
           "ellipsoid; net = gains - losses; neutrality (ldn_achieved) when net >= 0. Rows with an empty land "
           "type give the whole area. STATUS_TABLE gives the hectares of each status class."),
        N_("Corrections (CORRECTIONS): polygons in Trends.Earth's error-recode format, so that a Trends.Earth "
           "layer works unchanged: recode_deg_to, recode_stable_to, recode_imp_to (-1, 0, 1, or empty to leave "
           "the pixel as it is: what a pixel now degraded / stable / improved becomes), periods_affected (one or "
           "more of baseline, report_1, report_2, as a list or separated by commas) and an optional reason. A "
           "polygon without periods_affected or with another value stops the run naming its feature id and field. "
           "They are applied to the SDG rasters before the status; where polygons overlap, the later one wins. "
           "As in Trends.Earth, a pixel is corrected when its centre is inside a polygon. Polygons in another CRS "
           "are reprojected; invalid geometries are repaired and listed in the log. CORRECTIONS_TABLE gives the "
           "hectares changed per polygon and period; CORRECTED_* are the corrected SDG rasters."),
        N_("Inputs must share one grid (CRS, pixel size, origin, size); otherwise the run stops and names the "
           "difference, unless 'Align inputs' is checked (nearest neighbour onto the baseline's grid)."),
        N_("Trends.Earth outputs: a Trends.Earth result is a multi-band GeoTIFF with a JSON file of the same name "
           "beside it. When that JSON is there and BASELINE_BAND, REPORTING_1_BAND or REPORTING_2_BAND is left "
           "empty, the band named 'SDG 15.3.1 Indicator' is read (the log names the band and its years). A band "
           "number given there always wins. Without the JSON, the band given is read, band 1 when none is given, "
           "with a warning when the file has several bands."),
    )

    BASELINE = "BASELINE"
    REPORTING_1 = "REPORTING_1"
    REPORTING_2 = "REPORTING_2"
    BASELINE_BAND = "BASELINE_BAND"
    REPORTING_1_BAND = "REPORTING_1_BAND"
    REPORTING_2_BAND = "REPORTING_2_BAND"
    LAND_TYPE = "LAND_TYPE"
    CORRECTIONS = "CORRECTIONS"
    STATUS_1 = "STATUS_1"
    STATUS_2 = "STATUS_2"
    SIMPLE_STATUS_1 = "SIMPLE_STATUS_1"
    SIMPLE_STATUS_2 = "SIMPLE_STATUS_2"
    STATUS_TABLE = "STATUS_TABLE"
    CORRECTIONS_TABLE = "CORRECTIONS_TABLE"
    CORRECTED_BASELINE = "CORRECTED_BASELINE"
    CORRECTED_REPORTING_1 = "CORRECTED_REPORTING_1"
    CORRECTED_REPORTING_2 = "CORRECTED_REPORTING_2"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        raster = QgsProcessingParameterRasterLayer
        self.addParameter(raster(self.BASELINE, tr("SDG 15.3.1, baseline period (-1, 0, 1)")))
        self.addParameter(raster(self.REPORTING_1, tr("SDG 15.3.1, reporting period 1")))
        self.addParameter(raster(self.REPORTING_2, tr("SDG 15.3.1, reporting period 2"), optional=True))
        for key, parent in ((self.BASELINE_BAND, self.BASELINE), (self.REPORTING_1_BAND, self.REPORTING_1),
                            (self.REPORTING_2_BAND, self.REPORTING_2)):
            self.addParameter(QgsProcessingParameterBand(
                key, tr("Band of {raster} (empty: by name from a Trends.Earth JSON, else band 1)").format(
                    raster=parent), defaultValue=None, parentLayerParameterName=parent, optional=True))
        self.addParameter(raster(self.LAND_TYPE, tr("Land type (integer classes) for counterbalancing"),
                                 optional=True))
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CORRECTIONS, tr("Corrections of false positives / negatives (Trends.Earth error-recode polygons)"),
            [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the baseline grid when they differ"), defaultValue=False))
        add_unknown_codes_parameter(self)
        destination = QgsProcessingParameterRasterDestination
        self.addParameter(destination(self.STATUS_1, tr("Status, reporting period 1 (7 classes)")))
        self.addParameter(destination(self.STATUS_2, tr("Status, reporting period 2 (7 classes)"), optional=True))
        for key, label in ((self.SIMPLE_STATUS_1, N_("Simplified status, reporting period 1 (-1, 0, 1)")),
                           (self.SIMPLE_STATUS_2, N_("Simplified status, reporting period 2 (-1, 0, 1)"))):
            self.addParameter(destination(key, tr(label), optional=True, createByDefault=False))
        self.add_table_output(tr("Counterbalancing (gains, losses, net per land type and zone)"))
        for key, label in ((self.STATUS_TABLE, N_("Status area table (hectares per period, zone and class)")),
                           (self.CORRECTIONS_TABLE, N_("Corrections table (hectares changed per polygon and period)"))):
            self.addParameter(QgsProcessingParameterFeatureSink(key, tr(label), compat.TYPE_VECTOR, optional=True,
                                                                createByDefault=True))
        for key, label in ((self.CORRECTED_BASELINE, N_("Corrected SDG 15.3.1, baseline")),
                           (self.CORRECTED_REPORTING_1, N_("Corrected SDG 15.3.1, reporting period 1")),
                           (self.CORRECTED_REPORTING_2, N_("Corrected SDG 15.3.1, reporting period 2"))):
            self.addParameter(destination(key, tr(label), optional=True, createByDefault=True))

    def output_paths(self, parameters, context, periods, corrected):
        """{(kind, period): path} of the raster outputs asked for (corrected ones only with corrections)."""
        keys = {("status", "report_1"): self.STATUS_1, ("status", "report_2"): self.STATUS_2,
                ("simple", "report_1"): self.SIMPLE_STATUS_1, ("simple", "report_2"): self.SIMPLE_STATUS_2,
                ("corrected", "baseline"): self.CORRECTED_BASELINE,
                ("corrected", "report_1"): self.CORRECTED_REPORTING_1,
                ("corrected", "report_2"): self.CORRECTED_REPORTING_2}
        paths = {}
        for key in ls.output_keys(periods, True, corrected):
            path = self.parameterAsOutputLayer(parameters, keys[key], context)
            if path:
                paths[key] = path
        return paths, keys

    def compute(self, parameters, context, feedback, workdir):
        sources = {key: self.raster_path(parameters, key, context, required=key in (self.BASELINE, self.REPORTING_1))
                   for key in (self.BASELINE, self.REPORTING_1, self.REPORTING_2, self.LAND_TYPE)}
        self.pick_sdg_bands(parameters, context, feedback, sources, workdir)
        grid = grid_of(sources[self.BASELINE])
        self.align_inputs(parameters, context, sources, (self.REPORTING_1, self.REPORTING_2, self.LAND_TYPE), grid,
                          feedback=feedback)
        reporting = [sources[k] for k in (self.REPORTING_1, self.REPORTING_2) if sources[k]]
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        index, items, repaired = self.read_corrections(parameters, context, feedback, grid, workdir, len(reporting))
        inputs = ls.StatusInputs(sources[self.BASELINE], reporting, sources[self.LAND_TYPE], zones, index, items,
                                 (1, 1, 1))
        periods = ls.REPORTS[:len(reporting)]
        paths, keys = self.output_paths(parameters, context, periods, bool(items))
        progress, cancelled = self.callbacks(feedback, 0, 90)
        result = ls.ldn_status(inputs, paths, progress=progress, is_cancelled=cancelled,
                               unknown_codes=unknown_policy(self, parameters, context))
        report_unknown(feedback, result["unknown"])
        self.style_rasters(context, paths, keys)
        crs = crs_description(grid.crs_wkt)
        outputs = {keys[key]: path for key, path in paths.items()}
        outputs[self.OUTPUT_TABLE] = self.write_balance(parameters, context, feedback, result, labels, crs)
        outputs[self.STATUS_TABLE] = self.write_status_table(parameters, context, result, labels, crs)
        outputs[self.CORRECTIONS_TABLE] = self.write_corrections(parameters, context, result, items, repaired)
        feedback.setProgress(100)
        return outputs

    def pick_sdg_bands(self, parameters, context, feedback, sources, workdir):
        """Replace each SDG source by the one-band raster of its SDG 15.3.1 band: the band number given, else the
        band named in the Trends.Earth JSON beside the file, else band 1 (``_te_bands``)."""
        for key, band_key in ((self.BASELINE, self.BASELINE_BAND), (self.REPORTING_1, self.REPORTING_1_BAND),
                              (self.REPORTING_2, self.REPORTING_2_BAND)):
            if sources[key]:
                number = self.parameterAsInt(parameters, band_key, context)
                spec = str(number) if number > 0 else ""
                sources[key] = _te_bands.te_source(feedback, sources[key], spec, _te_bands.SDG, band_key,
                                                   workdir).path

    def style_rasters(self, context, paths, keys):
        simple = [(v, tr(label), colour) for v, label, colour in SIMPLE_CLASSES]
        for (kind, period), path in paths.items():
            classes = status_classes() if kind == "status" else simple
            self.style_output(context, path, keys[(kind, period)], classes,
                              self.parameterDefinition(keys[(kind, period)]).description())

    # -- corrections ---------------------------------------------------------------------------

    def read_corrections(self, parameters, context, feedback, grid, workdir, n_reports):
        """(polygon-number raster, [Correction], {number: repaired}) of CORRECTIONS, or (None, [], {})."""
        source = self.parameterAsSource(parameters, self.CORRECTIONS, context)
        if source is None:
            return None, [], {}
        name = self.CORRECTIONS
        _zones.check_polygons(source, name)
        recode.check_fields(source.fields().names())
        target = QgsCoordinateReferenceSystem.fromWkt(grid.crs_wkt) if grid.crs_wkt else QgsCoordinateReferenceSystem()
        crs = _zones.assumed_crs(source.sourceCrs(), target, feedback, name)
        request = request_in_crs(crs, target, context)
        if request.destinationCrs().isValid():
            feedback.pushInfo(tr("Corrections reprojected from {src} to {dst}.").format(
                src=_zones.crs_text(crs), dst=_zones.crs_text(target)))
        items, shapes, repaired = [], [], {}
        for feature in source.getFeatures(request):
            geom = feature.geometry()
            if geom is None or geom.isNull() or geom.isEmpty():
                feedback.pushWarning(tr("Correction polygon {fid} has no geometry and was skipped.").format(
                    fid=feature.id()))
                continue
            items.append(recode.correction_from_attributes(feature.id(), _attributes(feature)))
            repaired[len(items)] = not geom.isGeosValid()
            if repaired[len(items)]:
                geom = geom.makeValid()
            shapes.append((len(items), bytes(geom.asWkb())))
        if not items:
            raise QgsProcessingException(tr("The corrections layer {name} has no polygon. Choose a layer with "
                                            "correction polygons or leave it empty.").format(name=name))
        self.log_corrections(feedback, items, repaired, n_reports)
        path = os.path.join(workdir, "corrections.tif")
        zone_raster.rasterize_zones(shapes, grid, path)  # pixel centres; a later polygon overwrites an earlier one
        return path, items, repaired

    @staticmethod
    def log_corrections(feedback, items, repaired, n_reports):
        fixed = [str(items[n - 1].feature_id) for n, flag in repaired.items() if flag]
        if fixed:
            feedback.pushWarning(tr("Correction polygons with invalid geometry were repaired before use (feature "
                                    "ids): {ids}. Check them.").format(ids=", ".join(fixed)))
        if n_reports < 2:
            unused = [str(item.feature_id) for item in items if item.periods == {"report_2"}]
            if unused:
                feedback.pushWarning(tr("Correction polygons {ids} only correct report_2, but REPORTING_2 was not "
                                        "given: they change nothing.").format(ids=", ".join(unused)))
        feedback.pushInfo(tr("{n} correction polygons read.").format(n=len(items)))

    # -- tables --------------------------------------------------------------------------------

    def _sink(self, parameters, context, key, columns):
        fields = QgsFields()
        for name, kind in columns:
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, key, context, fields, compat.WKB_NO_GEOMETRY)
        return sink, dest, fields

    @staticmethod
    def _add(sink, fields, values):
        feature = QgsFeature(fields)
        feature.setAttributes(values)
        sink.addFeature(feature, compat.FAST_INSERT)

    def write_balance(self, parameters, context, feedback, result, labels, crs):
        """OUTPUT_TABLE: gains, losses, net and neutrality per period, zone and land type."""
        columns = [("period", "string"), ("land_type", "string"), ("gains_ha", "double"), ("losses_ha", "double"),
                   ("net_ha", "double"), ("ldn_achieved", "int"), ("area_ha", "double")]
        if labels:
            columns[1:1] = [("zone", "string"), ("zone_id", "string")]
        sink, dest, fields = self._sink(parameters, context, self.OUTPUT_TABLE, columns + [
            ("input_crs", "string"), ("area_method", "string")])
        zone_ids = ls.zone_numbers(result["areas"])
        for period, zone, land, losses, gains, area in result["balance"].rows(result["periods"], zone_ids,
                                                                               overall=bool(labels)):
            net, achieved = rules.net_balance(round(gains, 4), round(losses, 4))
            if zone is None and land == "" or not labels and land == "":
                feedback.pushInfo(tr("{period}: gains {gains:,.2f} ha, losses {losses:,.2f} ha, net {net:,.2f} ha; "
                                     "neutrality {state}.").format(
                    period=period, gains=gains, losses=losses, net=net,
                    state=tr("achieved") if achieved else tr("not achieved")))
            if sink is None:
                continue
            land_text = tr("No data") if land is None else str(land)
            values = [period, land_text, round(gains, 4), round(losses, 4), round(net, 4), int(achieved),
                      round(area, 4)]
            if labels:
                values[1:1] = [_zone_label(labels, zone), getattr(labels, "zone_ids", {}).get(zone)]
            self._add(sink, fields, values + [crs, tr(AREA_METHOD)])
        return dest

    def write_status_table(self, parameters, context, result, labels, crs):
        """STATUS_TABLE: hectares per period, zone and status class (nodata as its own row)."""
        sink, dest, fields = self._sink(parameters, context, self.STATUS_TABLE, [
            ("period", "string"), ("zone", "string"), ("zone_id", "string"), ("class", "int"),
            ("class_name", "string"), ("simple_class", "int"), ("hectares", "double"), ("pixels", "longlong"),
            ("percent", "double"), ("input_crs", "string"), ("area_method", "string")])
        if sink is None:
            return None
        for period in result["periods"]:
            rows = result["areas"][period].rows()
            totals = {}
            for zone, _cls, ha, _px in rows:
                totals[zone] = totals.get(zone, 0.0) + ha
            for zone, cls, ha, px in rows:
                name = tr("No data") if cls is None else tr(ls.STATUS_NAMES[cls])
                label = _zone_label(labels, zone) if labels else tr("(all)")
                self._add(sink, fields, [period, label, getattr(labels, "zone_ids", {}).get(zone), cls, name,
                                         rules.simplified_status(cls), round(ha, 4), px,
                                         round(100.0 * ha / totals[zone], 4) if totals[zone] else 0.0,
                                         crs, tr(AREA_METHOD)])
        return dest

    def write_corrections(self, parameters, context, result, items, repaired):
        """CORRECTIONS_TABLE: hectares and pixels changed per polygon and period it corrects (0 included)."""
        if not items:
            return None
        sink, dest, fields = self._sink(parameters, context, self.CORRECTIONS_TABLE, [
            ("feature_id", "longlong"), ("period", "string"), ("reason", "string"), ("changed_ha", "double"),
            ("changed_pixels", "longlong"), ("geometry_repaired", "int")])
        if sink is None:
            return None
        for number, item in enumerate(items, start=1):
            for period in ("baseline",) + tuple(result["periods"]):
                if item.affects(period):
                    ha, px = result["corrections"].get((number, period), (0.0, 0))
                    self._add(sink, fields, [item.feature_id, period, item.reason, round(ha, 4), px,
                                             int(repaired[number])])
        return dest


def _zone_label(labels, zone):
    if zone is None:
        return tr("(all)")
    return labels.get(zone, tr("(outside every zone)"))


def _attributes(feature):
    """{field name: value} with QGIS's NULL as None; string lists stay lists."""
    out = {}
    for field_name, value in zip(feature.fields().names(), feature.attributes()):
        out[field_name] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
    return out
