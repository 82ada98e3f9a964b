"""Charts of the Target 2 report drawn with Qt's painter into SVG files (placed by QgsLayoutItemPicture).

QGIS 3.22 .. 3.44 have no chart item in their layouts, so there the charts are SVG drawn with what Qt ships:
horizontal bars with their values written beside them, embedded in the layout. Where QGIS has its chart item
(QgsLayoutItemChart, QGIS 4.0), ``use_chart_items`` replaces the data charts by chart items fed from the rows
of the report's data GeoPackage (``chart_rows``), which a user restyles in the layout designer.
"""

import base64

from qgis.core import QgsLayoutItemPicture, QgsProperty
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen
from qgis.PyQt.QtSvg import QSvgGenerator

from .. import compat
from ..translation import format_ha, tr

WIDTH = 1000
ROW = 34
TOP = 56
BAR = QColor("#1a9641")
TARGET = QColor("#d7191c")
GREY = QColor("#bdbdbd")
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _generator(path, height, title):
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(QSize(WIDTH, height))
    gen.setViewBox(QRectF(0, 0, WIDTH, height))
    gen.setTitle(title)
    return gen


def _painter(gen, title):
    painter = QPainter(gen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(26)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, WIDTH, TOP - 10), ALIGN_LEFT, title)
    font.setPixelSize(20)
    font.setBold(False)
    painter.setFont(font)
    return painter


def bar_chart(path, title, labels, values, unit="ha", decimals=0, colors=None):
    """Horizontal bars of ``values`` (one per label) with the value and ``unit`` written at the end; ``colors``:
    one "#rrggbb" per bar (default green)."""
    height = TOP + ROW * max(1, len(labels)) + 10
    gen = _generator(path, height, title)
    painter = _painter(gen, title)
    label_w, value_w = 300, 190
    span = WIDTH - label_w - value_w - 20
    top = max([v for v in values if v] + [0.0])
    for n, (label, value) in enumerate(zip(labels, values)):
        y = TOP + n * ROW
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.drawText(QRectF(0, y, label_w - 10, ROW), ALIGN_RIGHT, str(label)[:32])
        length = span * (value or 0.0) / top if top > 0 else 0.0
        color = QColor(colors[n]) if colors else BAR
        painter.fillRect(QRectF(label_w, y + 6, max(length, 1.0), ROW - 12), color if value else GREY)
        painter.drawText(QRectF(label_w + length + 8, y, value_w, ROW), ALIGN_LEFT,
                         f"{format_ha(value or 0.0, decimals)} {unit}")
    if not labels:
        painter.drawText(QRectF(0, TOP, WIDTH, ROW), ALIGN_LEFT, "-")
    painter.end()
    return str(path)


def progress_chart(path, title, rows):
    """Bars of progress toward targets: ``rows`` = [(label, achieved, target, unit)], the target marked."""
    height = TOP + 2 * ROW * max(1, len(rows)) + 10
    gen = _generator(path, height, title)
    painter = _painter(gen, title)
    left, span = 20, WIDTH - 40
    for n, (label, achieved, target, unit) in enumerate(rows):
        y = TOP + 2 * n * ROW
        fraction = min(1.0, achieved / target) if target else 0.0
        painter.setPen(QPen(Qt.GlobalColor.black))
        text = f"{label}: {format_ha(achieved)} / {format_ha(target)} {unit} ({100.0 * fraction:.1f} %)"
        painter.drawText(QRectF(left, y, span, ROW), ALIGN_LEFT, text)
        painter.fillRect(QRectF(left, y + ROW, span, ROW - 8), GREY)
        painter.fillRect(QRectF(left, y + ROW, span * fraction, ROW - 8), BAR)
        painter.setPen(QPen(TARGET, 3))
        painter.drawLine(QPointF(left + span, y + ROW - 4), QPointF(left + span, y + 2 * ROW - 4))
    painter.end()
    return str(path)


def set_picture(picture, path):
    """Show the SVG file ``path`` in ``picture``, embedded (base64) so the saved .qpt keeps it when the report's
    work folder is gone."""
    with open(path, "rb") as fh:
        content = base64.b64encode(fh.read()).decode("ascii")
    picture.setMode(compat.PICTURE_SVG)
    picture.setPicturePath("base64:" + content)


def expression_property(expression):
    return QgsProperty.fromExpression(expression)


def chart_rows(data, tables, outcome_rows=()):
    """{table name: [(label, value)]}: the rows of the report's charts (departments by hectares inside degraded
    land, hectares by start year, hectares per outcome class), as the workbook's sheets give them."""
    zones = sorted(data.zones, key=lambda z: -z["inside"])
    years = next((t for t in tables if t.name == tr("Start years")), None)
    year_rows = [(r[years.columns[0][0]], r["hectares"]) for r in years.rows] if years else []
    rows = {"chart_zones": [(z["zone"], z["inside"]) for z in zones],
            "chart_years": [("-" if label is None else label, value) for label, value in year_rows]}
    if outcome_rows:
        rows["chart_outcomes"] = [(label, ha) for _code, label, _n, ha in outcome_rows]
    return rows


# picture item -> table of the data GeoPackage feeding the chart item that replaces it (QGIS 4)
CHART_TABLES = {"t2r_chart_zones": "chart_zones", "t2r_chart_years": "chart_years",
                "t2r_outcome_chart": "chart_outcomes"}


def chart_item_class():
    """QGIS's chart layout item (QGIS 4.0 and later), or None: then the charts stay SVG pictures."""
    import qgis.core

    return getattr(qgis.core, "QgsLayoutItemChart", None)


def _chart_item(layout, picture, table_layer):
    """A bar chart item of ``table_layer`` (label, value) placed where ``picture`` is, with its id."""
    import qgis.core

    chart = qgis.core.QgsLayoutItemChart(layout)
    plot = qgis.core.QgsBarChartPlot()
    axis_types = qgis.core.Qgis.PlotAxisType
    plot.xAxis().setType(getattr(axis_types, "Categorical", None) or axis_types.CategoryType)  # renamed in 4.0 betas
    chart.setPlot(plot)
    chart.setSourceLayer(table_layer)
    series = qgis.core.QgsLayoutItemChart.SeriesDetails(table_layer.name())
    series.setXExpression('"label"')
    series.setYExpression('"value"')
    chart.setSeriesList([series])
    layout.addLayoutItem(chart)
    chart.attemptMove(picture.positionWithUnits(), page=picture.page())
    chart.attemptResize(picture.sizeWithUnits())
    picture_id = picture.id()
    layout.removeLayoutItem(picture)
    chart.setId(picture_id)
    return chart


def use_chart_items(layout, data_path, project):
    """Where QGIS has chart items (4.0+), the charts of CHART_TABLES become chart items fed from the data
    GeoPackage's tables (restyled in the layout designer); elsewhere they stay SVG pictures. Returns the ids."""
    if chart_item_class() is None:
        return []
    from qgis.core import QgsVectorLayer

    done = []
    for item_id, table in CHART_TABLES.items():
        picture = layout.itemById(item_id)
        if not isinstance(picture, QgsLayoutItemPicture):
            continue
        layer = QgsVectorLayer(f"{data_path}|layername={table}", table, "ogr")
        if not layer.isValid():
            continue
        project.addMapLayer(layer, False)
        _chart_item(layout, picture, layer)
        done.append(item_id)
    return done
