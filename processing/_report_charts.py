"""Charts of the Target 2 report drawn with Qt's painter into SVG files (placed by QgsLayoutItemPicture).

QGIS 3.22 has no chart item in its layouts, so every QGIS line (3.22, 3.40, 3.44) gets the same SVG
charts drawn with what Qt ships: horizontal bars with their values written beside them.
"""

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPen
from qgis.PyQt.QtSvg import QSvgGenerator

from ..translation import format_ha

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


def bar_chart(path, title, labels, values, unit="ha", decimals=0):
    """Horizontal bars of ``values`` (one per label) with the value and ``unit`` written at the end."""
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
        painter.fillRect(QRectF(label_w, y + 6, max(length, 1.0), ROW - 12), BAR if value else GREY)
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
