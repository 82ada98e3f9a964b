"""The Target 2 report's data GeoPackage and the layout bound to it, so the saved .qpt prints again (issue 13).

``<PDF name>_data.gpkg``, written beside the PDF (under a temporary name, then renamed), holds:
- the departments (named as the map's layer, e.g. "Departamentos"): one polygon per atlas page with its
  figures, the page's table text
  (``page_table``) and its chart as base64 SVG (``page_chart``); the atlas runs over this layer and the atlas
  page's items read it (label expressions, the picture's data-defined source), so QGIS's own atlas export
  fills the department pages exactly as the report does;
- restoration inside degraded land (named as the map's layer), so the maps do not point to a deleted work file;
  the layers are named as in the layout, so the layers a user drags from the Browser resolve the .qpt's
  references (QGIS matches a layer by name, source and provider);
- the rows of each chart (``chart_zones``, ``chart_years``, ``chart_outcomes``: label, value), which feed
  QGIS's chart items where the running QGIS has them (``_report_charts.use_chart_items``).
With every page marked by ``_report_layout.mark_pages``, ``QgsLayoutExporter.exportToPdf(atlas, ...)`` (the
Layout Manager's atlas export) prints the fixed pages once and one page per department, as the report does.
"""

import base64
import os
from pathlib import Path

from osgeo import gdal, ogr, osr
from qgis.core import QgsLayoutObject, QgsProcessingException, QgsVectorLayer

from .. import compat
from ..algorithms.files import owner_token
from ..translation import tr
from . import _report_charts as charts
from . import _report_outcomes as outcomes
from ._report_layout import mark_pages, set_outcome_page
from ._report_pdf import item, zone_chart, zone_texts
from ._report_texts import sources_text

MARKER = "t2r_report_data"  # a table every data GeoPackage of a report holds: only such a file is replaced
ZONE_FIELDS = (("zone_id", ogr.OFTString), ("zone", ogr.OFTString), ("degraded_ha", ogr.OFTReal),
               ("inside_ha", ogr.OFTReal), ("outside_ha", ogr.OFTReal), ("share_pct", ogr.OFTReal),
               ("to_share_ha", ogr.OFTReal), ("page_table", ogr.OFTString), ("page_chart", ogr.OFTString))
ATLAS_TEXTS = {"t2r_atlas_title": '[% "zone" %]', "t2r_atlas_table": '[% "page_table" %]'}
ATLAS_CHART = "'base64:' || \"page_chart\""


def data_path(pdf_path):
    return os.path.splitext(os.path.abspath(pdf_path))[0] + "_data.gpkg"


def _svg64(path):
    return base64.b64encode(Path(path).read_bytes()).decode("ascii")


def check_ours(path):
    """Refuse to replace a file a report did not write (it has no MARKER table)."""
    if not os.path.exists(path):
        return
    ds = ogr.Open(path)
    ours = ds is not None and ds.GetLayerByName(MARKER) is not None
    ds = None
    if not ours:
        raise QgsProcessingException(tr(
            "The file {path} exists and was not written by a Target 2 report; the report writes its data there. "
            "Move that file or choose another name for the printable report (OUTPUT_PDF).").format(path=path))


def _zone_layer(ds, layers, data, workdir):
    srs = osr.SpatialReference()
    srs.ImportFromWkt(layers.zones.crs().toWkt())
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(layers.zones.name(), srs, ogr.wkbMultiPolygon)
    for name, kind in ZONE_FIELDS:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    rows = {z["zone_id"]: z for z in data.zones}
    for n, feature in enumerate(layers.zones.getFeatures()):
        zone = rows.get(str(feature.id()))
        if zone is None:
            continue
        out = ogr.Feature(lyr.GetLayerDefn())
        geometry = ogr.CreateGeometryFromWkb(bytes(feature.geometry().asWkb()))
        out.SetGeometry(ogr.ForceToMultiPolygon(geometry) if geometry is not None else None)
        chart = zone_chart(os.path.join(workdir, f"atlas_{n}.svg"), zone)
        for key, value in (("zone_id", zone["zone_id"]), ("zone", zone["zone"]), ("degraded_ha", zone["degraded"]),
                           ("inside_ha", zone["inside"]), ("outside_ha", zone["outside"]),
                           ("share_pct", zone["share"]), ("to_share_ha", zone["to_share"]),
                           ("page_table", zone_texts(zone, data.target_share)), ("page_chart", _svg64(chart))):
            if value is not None:
                out.SetField(key, value)
        lyr.CreateFeature(out)


def _chart_tables(ds, chart_rows):
    ds.CreateLayer(MARKER, None, ogr.wkbNone).CreateField(ogr.FieldDefn("made_by", ogr.OFTString))
    for name, rows in chart_rows.items():
        lyr = ds.CreateLayer(name, None, ogr.wkbNone)
        lyr.CreateField(ogr.FieldDefn("label", ogr.OFTString))
        lyr.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
        for label, value in rows:
            out = ogr.Feature(lyr.GetLayerDefn())
            out.SetField("label", str(label))
            if value is not None:
                out.SetField("value", float(value))
            lyr.CreateFeature(out)


def write_data(path, layers, data, chart_rows, workdir):
    """Write the data GeoPackage ``path`` atomically; returns ``path``."""
    check_ours(path)
    part = os.path.join(os.path.dirname(path), f".t2restore-data.{owner_token()}.part.gpkg")
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(part)
        if ds is None:
            raise QgsProcessingException(tr("The report's data {path} cannot be written. Choose a folder you can "
                                            "write to.").format(path=path))
        if layers.zones is not None:
            _zone_layer(ds, layers, data, workdir)
        _chart_tables(ds, chart_rows)
        ds = None
        if layers.inside is not None:
            gdal.VectorTranslate(part, layers.inside.source().split("|")[0], options=gdal.VectorTranslateOptions(
                accessMode="update", layerName=layers.inside.name(), geometryType="PROMOTE_TO_MULTI"))
        os.replace(part, path)
    finally:
        if os.path.exists(part):
            os.remove(part)
    return path


def _swap(layers, attr, source):
    """Replace the layer ``attr`` of ``layers`` by the layer at ``source``, keeping its name and style."""
    old = getattr(layers, attr)
    new = QgsVectorLayer(source, old.name(), "ogr")
    if not new.isValid():
        return
    new.setRenderer(old.renderer().clone())
    layers.project.addMapLayer(new)
    layers.project.removeMapLayer(old.id())
    setattr(layers, attr, new)


def bind(layout, layers, path):
    """The maps show the data GeoPackage's layers; the atlas runs over its departments."""
    if layers.inside is not None:
        _swap(layers, "inside", f"{path}|layername={layers.inside.name()}")
    if layers.zones is not None:
        _swap(layers, "zones", f"{path}|layername={layers.zones.name()}")
    for map_id in ("t2r_map", "t2r_atlas_map"):
        item(layout, map_id).setLayers(layers.map_layers())
    for item_id, text in ATLAS_TEXTS.items():
        item(layout, item_id).setText(text)
    item(layout, "t2r_sources").setText(sources_text(layers, layers.crs()))
    if layers.zones is None:
        return
    layout.atlas().setCoverageLayer(layers.zones)
    layout.atlas().setEnabled(True)  # removing the former coverage layer from the project disabled the atlas
    chart = item(layout, "t2r_atlas_chart")
    chart.setMode(compat.PICTURE_SVG)
    chart.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                              charts.expression_property(ATLAS_CHART))


def prepare(alg, parameters, context, layout, layers, data, tables, pdf_path, workdir):
    """The outcome page (present only with OUTCOMES), the data GeoPackage beside ``pdf_path`` and the layout
    bound to it, charts as chart items where QGIS has them, and the pages marked for the atlas export."""
    rows = outcomes.outcome_rows(alg, parameters, context)
    set_outcome_page(layout, bool(rows))
    if rows:
        outcomes.fill(layout, rows, data.national, workdir)
    chart_rows = charts.chart_rows(data, tables, rows)
    path = write_data(data_path(pdf_path), layers, data, chart_rows, workdir)
    bind(layout, layers, path)
    charts.use_chart_items(layout, path, layers.project)
    mark_pages(layout)
    return path
