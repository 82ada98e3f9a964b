"""The Target 2 report's layout filled with its data and printed to PDF (static pages once, the atlas
page once per zone), written under a temporary name and renamed only when complete."""

import os

from qgis.core import (
    QgsCoordinateTransform,
    QgsLayoutExporter,
    QgsLayoutItemPicture,
    QgsProcessingException,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageSize, QPainter, QPdfWriter

from .. import compat
from ..algorithms.errors import Cancelled
from ..algorithms.files import owner_token
from ..translation import format_ha, tr
from . import _report_charts as charts
from ._report_layout import PAGE_H, PAGE_W, atlas_page, item

DPI = 150


def national_extent(layers):
    """The extent of the zones (else of the degraded land) in the map CRS, with a margin."""
    layer = layers.zones or layers.degraded
    box = QgsRectangle(layer.extent())
    if layer.crs() != layers.crs():
        transform = QgsCoordinateTransform(layer.crs(), layers.crs(), layers.project.transformContext())
        box = transform.transformBoundingBox(box)
    box.scale(1.05)
    return box


def link_maps(layout, layers):
    """Both maps show the report's layers; the atlas (one page per zone) runs over the zones."""
    shown = layers.map_layers()
    for map_id in ("t2r_map", "t2r_atlas_map"):
        map_item = item(layout, map_id)
        map_item.setCrs(layers.crs())
        map_item.setLayers(shown)
        map_item.setKeepLayerSet(True)
        size = map_item.sizeWithUnits()
        map_item.setExtent(national_extent(layers))  # a new map has no extent for zoomToExtent to keep
        map_item.attemptResize(size)
        map_item.zoomToExtent(national_extent(layers))
    legend = item(layout, "t2r_legend")
    legend.setLinkedMap(item(layout, "t2r_map"))
    legend.setTitle(tr("Legend"))
    scalebar = item(layout, "t2r_scalebar")
    scalebar.setLinkedMap(item(layout, "t2r_map"))
    scalebar.setUnits(compat.DISTANCE_KM)
    scalebar.setUnitLabel("km")
    scalebar.applyDefaultSize(compat.DISTANCE_KM)
    atlas = layout.atlas()
    if layers.zones is not None:
        atlas.setCoverageLayer(layers.zones)
        atlas.setEnabled(True)
        atlas_map = item(layout, "t2r_atlas_map")
        atlas_map.setAtlasDriven(True)
        atlas_map.setAtlasScalingMode(compat.ATLAS_SCALE_AUTO)
        atlas_map.setAtlasMargin(0.10)
    else:
        atlas.setEnabled(False)


def set_texts(layout, texts):
    """Label texts by item id."""
    for item_id, text in texts.items():
        item(layout, item_id).setText(text)


def set_pictures(layout, pictures):
    """SVG charts by item id, embedded in the layout (a chart item of QGIS 4 in their place is left alone)."""
    for item_id, path in pictures.items():
        picture = item(layout, item_id)
        if isinstance(picture, QgsLayoutItemPicture):
            charts.set_picture(picture, path)


def zone_texts(zone, target_share):
    """The atlas page's table of one zone (department)."""
    share = "-" if zone["share"] is None else f"{zone['share']:.2f} %"
    lines = [(tr("Degraded land"), f"{format_ha(zone['degraded'])} ha"),
             (tr("Restoration inside degraded land"), f"{format_ha(zone['inside'])} ha"),
             (tr("Restoration outside degraded land"), f"{format_ha(zone['outside'])} ha"),
             (tr("Share of degraded land under restoration"), share),
             (tr("Missing to the {target:g} % target share").format(target=target_share),
              f"{format_ha(zone['to_share'])} ha")]
    return "\n".join(f"{label}: {value}" for label, value in lines)


def zone_chart(path, zone):
    return charts.bar_chart(path, zone["zone"], [tr("Degraded land"), tr("Inside degraded land"),
                                                 tr("Outside degraded land"), tr("Missing to the target share")],
                            [zone["degraded"], zone["inside"], zone["outside"], zone["to_share"]])


def _writer(path):
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QSizeF(PAGE_W, PAGE_H), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(DPI)
    writer.setTitle(tr("Target 2 report"))
    writer.setCreator("T2 Restore")
    return writer


class PdfPrinter:
    """Prints the static pages, then the atlas page for every zone, into one PDF: the pages QGIS's own atlas
    export prints with the pages marked by ``_report_layout.mark_pages``. The atlas page's items read the
    coverage feature (``_report_atlas.bind``), so nothing is filled here per zone."""

    def __init__(self, layout, zones_by_id, target_share, workdir, progress=None, is_cancelled=None):
        self.layout, self.zones, self.share, self.workdir = layout, zones_by_id, target_share, workdir
        self.progress, self.is_cancelled = progress, is_cancelled
        self.pages = 0

    def _new_page(self, writer, painter):
        if self.pages:
            writer.newPage()
        self.pages += 1

    def _atlas(self, writer, painter, exporter, page):
        atlas = self.layout.atlas()
        if not atlas.enabled() or not atlas.beginRender():
            return
        try:
            for n in range(atlas.count()):
                if self.is_cancelled is not None and self.is_cancelled():
                    raise Cancelled()
                atlas.seekTo(n)
                self._new_page(writer, painter)
                exporter.renderPage(painter, page)
                if self.progress is not None:
                    self.progress((n + 1) / max(1, atlas.count()))
        finally:
            atlas.endRender()

    def print(self, path):
        """Write the PDF ``path`` atomically; returns the number of pages."""
        part = os.path.join(os.path.dirname(os.path.abspath(path)), f".t2restore-report.{owner_token()}.part.pdf")
        self.layout.renderContext().setDpi(DPI)
        self.layout.renderContext().setTextRenderFormat(compat.TEXT_ALWAYS_TEXT)
        exporter = QgsLayoutExporter(self.layout)
        page_of_atlas = atlas_page(self.layout)
        try:
            writer = _writer(part)
            painter = QPainter(writer)
            try:
                for page in range(self.layout.pageCollection().pageCount()):
                    if page != page_of_atlas:
                        self._new_page(writer, painter)
                        exporter.renderPage(painter, page)
                self._atlas(writer, painter, exporter, page_of_atlas)
            finally:
                painter.end()
            del writer
            if not os.path.exists(part) or os.path.getsize(part) == 0:
                raise QgsProcessingException(tr("The report {path} could not be written. Choose a folder you can "
                                                "write to.").format(path=path))
            os.replace(part, path)
        finally:
            if os.path.exists(part):
                os.remove(part)
        return self.pages
