"""Progress toward a restoration target, painted with QPainter (no plotting dependency).

One horizontal bar: the target (ProREST's 330,000 ha by default) as the full width, the registered
hectares stacked by restoration status in the status colours, and a legend. Plugins that pull in
matplotlib break on QGIS installs that lack it; a bar needs nothing more than QPainter.
"""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ...translation import tr
from ..models import format_ha

DEFAULT_TARGET_HA = 330000.0
PALETTE = ("#8d6e63", "#2e7d32", "#1565c0", "#9e9e9e", "#6a1b9a", "#ef6c00")


class ProgressChart(QWidget):
    """``set_data(target_ha, [(label, hectares), ...])`` and the widget paints itself."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.target_ha = DEFAULT_TARGET_HA
        self.parts = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self):  # noqa: N802 - Qt API name
        line = QFontMetrics(self.font()).height()
        return QSize(260, int(line * 6.5))

    def set_data(self, target_ha, parts):
        self.target_ha = float(target_ha or 0.0)
        self.parts = [(label, float(ha or 0.0)) for label, ha in parts]
        self.update()

    @property
    def total_ha(self):
        return sum(ha for _label, ha in self.parts)

    @property
    def percent(self):
        return 100.0 * self.total_ha / self.target_ha if self.target_ha else 0.0

    def caption(self):
        return tr("{done} ha of {target} ha ({percent:.1f} %)").format(
            done=format_ha(self.total_ha), target=format_ha(self.target_ha), percent=self.percent
        )

    def paintEvent(self, _event):  # noqa: N802 - Qt API name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width = self.width() - 2
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(1, 0, width, line), int(Qt.AlignmentFlag.AlignLeft), self.caption())
        bar = QRectF(1, line * 1.3, width, line * 1.6)
        painter.setPen(QPen(QColor("#616161"), 1))
        painter.setBrush(QColor("#eeeeee"))
        painter.drawRect(bar)
        scale = bar.width() / max(self.target_ha, self.total_ha, 1e-9)
        x = bar.left()
        painter.setPen(Qt.PenStyle.NoPen)
        for n, (_label, ha) in enumerate(self.parts):
            w = ha * scale
            painter.setBrush(QColor(PALETTE[n % len(PALETTE)]))
            painter.drawRect(QRectF(x, bar.top() + 1, w, bar.height() - 1))
            x += w
        if self.total_ha > self.target_ha > 0:  # mark the target when it was exceeded
            painter.setPen(QPen(QColor("#c62828"), 2))
            tx = bar.left() + self.target_ha * scale
            painter.drawLine(int(tx), int(bar.top() - 3), int(tx), int(bar.bottom() + 3))
        y = bar.bottom() + line * 0.5
        x = 1.0
        for n, (label, ha) in enumerate(self.parts):
            text = "%s: %s ha" % (label, format_ha(ha))
            w = metrics.horizontalAdvance(text) + line * 1.6
            if x + w > width and x > 1.0:
                x, y = 1.0, y + line * 1.2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE[n % len(PALETTE)]))
            painter.drawRect(QRectF(x, y + line * 0.2, line * 0.8, line * 0.8))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(x + line, y, w, line), int(Qt.AlignmentFlag.AlignLeft), text)
            x += w
        painter.end()
