"""The print layout of the Target 2 report: built, or loaded from a user's .qpt, checked, and saved.

Pages (A4 landscape): cover, national map, charts, methods and validation, and last the atlas page,
which ``_report_pdf`` prints once per zone. Every item the report fills has an id (``ITEMS``); a
template missing one is refused naming it, so a user may restyle, move or resize anything else.
"""

import os
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProperty,
    QgsReadWriteContext,
)
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from .. import compat
from ..algorithms.files import owner_token
from ..translation import tr

PAGE_W, PAGE_H = 297.0, 210.0
MAP_IDS = ("t2r_map", "t2r_atlas_map")
# the outcome page (only when OUTCOMES is given; removed otherwise, so a template may lack it)
OUTCOME_PAGE = [("t2r_outcome_title", "label", 10, 6, 277, 10, 16),
                ("t2r_outcome_chart", "picture", 10, 20, 160, 90, 0),
                ("t2r_outcome_text", "label", 178, 20, 109, 180, 10)]
OUTCOME_IDS = [spec[0] for spec in OUTCOME_PAGE]
# data-defined "exclude from exports" (honoured by QgsLayoutExporter on 3.22 .. 3.44): the fixed pages print
# with the first atlas feature only, the atlas page not at all when no atlas runs; so the Layout Manager's atlas
# export prints the same pages as the report (fixed pages once, then one page per department)
FIXED_PAGE_EXCLUDED = "@atlas_featurenumber > 1"
ATLAS_PAGE_EXCLUDED = "coalesce(@atlas_totalfeatures, 0) = 0"
# page -> [(id, kind, x, y, width, height, font size)]
PAGES = (
    [("t2r_title", "label", 20, 30, 257, 22, 26), ("t2r_subtitle", "label", 20, 55, 257, 14, 14),
     ("t2r_headline", "label", 20, 75, 140, 80, 12), ("t2r_cover_note", "label", 20, 160, 257, 25, 12),
     ("t2r_progress", "picture", 165, 75, 112, 60, 0)],
    [("t2r_map_title", "label", 10, 6, 277, 10, 16), ("t2r_map", "map", 10, 18, 185, 180, 0),
     ("t2r_legend", "legend", 200, 18, 90, 100, 0), ("t2r_scalebar", "scalebar", 200, 150, 60, 14, 0),
     ("t2r_north", "picture", 268, 126, 18, 20, 0), ("t2r_sources", "label", 200, 168, 90, 35, 7)],
    [("t2r_charts_title", "label", 10, 6, 277, 10, 16), ("t2r_chart_zones", "picture", 10, 20, 135, 180, 0),
     ("t2r_chart_progress", "picture", 152, 20, 135, 50, 0), ("t2r_chart_years", "picture", 152, 80, 135, 120, 0)],
    [("t2r_methods", "label", 10, 8, 135, 195, 9), ("t2r_validation", "label", 152, 8, 135, 195, 8)],
    OUTCOME_PAGE,
    [("t2r_atlas_title", "label", 10, 6, 277, 10, 16), ("t2r_atlas_map", "map", 10, 18, 170, 185, 0),
     ("t2r_atlas_table", "label", 185, 18, 102, 60, 10), ("t2r_atlas_chart", "picture", 185, 85, 102, 80, 0)],
)
ITEMS = [spec[0] for page in PAGES for spec in page if spec[0] not in OUTCOME_IDS]  # required in a template


def _font(size, bold=False):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _place(layout, item, page, x, y, width, height):
    item.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MM), page=page)
    item.attemptResize(QgsLayoutSize(width, height, compat.LAYOUT_MM))


def _north_arrow():
    for folder in QgsApplication.svgPaths():
        path = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if path.exists():
            return str(path)
    return ""


def _new_item(layout, kind, size, item_id):
    if kind == "label":
        item = QgsLayoutItemLabel(layout)
        item.setFont(_font(size, bold=size >= 14))
    elif kind == "picture":
        item = QgsLayoutItemPicture(layout)
        if item_id == "t2r_north":
            item.setPicturePath(_north_arrow())
    elif kind == "map":
        item = QgsLayoutItemMap(layout)
        item.setFrameEnabled(True)
    elif kind == "legend":
        item = QgsLayoutItemLegend(layout)
    else:
        item = QgsLayoutItemScaleBar(layout)
        item.setStyle("Single Box")
    return item


def build_layout(project):
    """The report's layout, every item placed and named, not yet linked to maps or filled."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(tr("Target 2 report"))
    for _n in range(len(PAGES) - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, compat.LAYOUT_MM))
        layout.pageCollection().addPage(page)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, compat.LAYOUT_MM))
    for number, specs in enumerate(PAGES):
        _add_items(layout, number, specs)
    return layout


def load_template(project, path):
    """The layout of the .qpt ``path``; refused naming the report's items it lacks."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        message = tr("The template {path} cannot be read ({error}). Choose a .qpt file saved by the report or by "
                     "the Layout Manager.").format(path=path, error=error)
        raise QgsProcessingException(message) from None
    document = QDomDocument()
    layout = QgsPrintLayout(project)
    if not document.setContent(text)[0]:
        raise QgsProcessingException(tr("The template {path} is not a QGIS layout template (.qpt). Choose the "
                                        ".qpt file saved beside a report (OUTPUT_LAYOUT).").format(path=path))
    layout.loadFromTemplate(document, QgsReadWriteContext())
    missing = [item_id for item_id in ITEMS if layout.itemById(item_id) is None]
    if missing:
        raise QgsProcessingException(tr(
            "The template {path} lacks items the report fills: {items}. Start from the .qpt saved beside a "
            "report (OUTPUT_LAYOUT) and keep these items with their ids (Item properties > Item ID); anything "
            "else may be moved, resized, restyled or added.").format(path=path, items=", ".join(missing)))
    return layout


def item(layout, item_id):
    """The layout item ``item_id`` cast to its class (QgsLayout.itemById returns the base class)."""
    found = layout.itemById(item_id)
    for cls in (QgsLayoutItemMap, QgsLayoutItemLabel, QgsLayoutItemPicture, QgsLayoutItemLegend,
                QgsLayoutItemScaleBar):
        if isinstance(found, cls):
            return found
    return found


def _add_page(layout, before):
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, compat.LAYOUT_MM))
    layout.pageCollection().insertPage(page, before)


def _add_items(layout, number, specs):
    for item_id, kind, x, y, width, height, size in specs:
        new = _new_item(layout, kind, size, item_id)
        new.setId(item_id)
        layout.addLayoutItem(new)
        _place(layout, new, number, x, y, width, height)


def set_outcome_page(layout, wanted):
    """The outcome page present (before the atlas page) when ``wanted``, else removed with its items."""
    found = [layout.itemById(item_id) for item_id in OUTCOME_IDS]
    if wanted:
        missing = [spec for spec, found_item in zip(OUTCOME_PAGE, found) if found_item is None]
        if len(missing) == len(OUTCOME_PAGE):  # a template of a report without outcomes: add the page
            number = atlas_page(layout)
            _add_page(layout, number)
            _add_items(layout, number, OUTCOME_PAGE)
        elif missing:
            _add_items(layout, layout.pageCollection().pageNumberForPoint(
                next(i for i in found if i is not None).pos()), missing)
        return
    pages = {layout.pageCollection().pageNumberForPoint(i.pos()) for i in found if i is not None}
    for found_item in found:
        if found_item is not None:
            layout.removeLayoutItem(found_item)
    for number in sorted(pages, reverse=True):
        if number != atlas_page(layout) and layout.pageCollection().pageIsEmpty(number):
            layout.pageCollection().deletePage(number)


def mark_pages(layout):
    """Data-defined "exclude from exports" on every page (FIXED_PAGE_EXCLUDED, ATLAS_PAGE_EXCLUDED)."""
    atlas = atlas_page(layout)
    for number in range(layout.pageCollection().pageCount()):
        page = layout.pageCollection().page(number)
        expression = ATLAS_PAGE_EXCLUDED if number == atlas else FIXED_PAGE_EXCLUDED
        page.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
                                                 QgsProperty.fromExpression(expression))


def atlas_page(layout):
    """The page number of the atlas map (printed once per zone); the other pages are printed once."""
    return layout.pageCollection().pageNumberForPoint(item(layout, "t2r_atlas_map").pos())


def save_template(layout, path):
    """Save ``layout`` as the .qpt ``path``, atomically (written beside it, then renamed)."""
    part = os.path.join(os.path.dirname(os.path.abspath(path)), f".t2restore-layout.{owner_token()}.part.qpt")
    try:
        if not layout.saveAsTemplate(part, QgsReadWriteContext()):
            raise QgsProcessingException(tr("The layout template {path} cannot be written. Choose a folder you can "
                                            "write to.").format(path=path))
        os.replace(part, path)
    finally:
        if os.path.exists(part):
            os.remove(part)
    return path
