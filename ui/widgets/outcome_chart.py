"""The series inside an area against its matched controls, with the start year marked and the outcome
(issue 14), painted with QPainter from the area's monitoring values written by restoration_outcomes.

``outcome_data(values)`` reads the values (T2R-OUT-SERIES-IN / -CTRL per year, T2R-OUT-START,
T2R-OUT-CLASS, T2R-OUT-EFFECT and its interval) of the latest run; ``OutcomeChart.set_values``
shows them, or hides itself when the area has none.
"""

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ...algorithms.outcomes.rules import INDICATORS, OUTCOME_COLORS, OUTCOME_LABELS, OUTCOME_NUMBERS, finite_number
from ...translation import tr

INSIDE_COLOR, CONTROL_COLOR, START_COLOR = "#1b5e20", "#757575", "#c62828"
_CLASS_OF = {number: code for code, number in OUTCOME_NUMBERS.items()}


def _code(measure):
    return INDICATORS[measure][0]


def outcome_data(values):
    """{years, inside, controls, start, outcome, effect, ci_low, ci_high} of the latest run, or None."""
    series_in = [v for v in values if v.indicator == _code("series_inside")]
    if not series_in:
        return None
    marker = max(series_in, key=lambda v: v.date or "").note or ""
    run = [v for v in values if (v.note or "") == marker]
    inside = {str(v.date)[:4]: finite_number(v.value) for v in run if v.indicator == _code("series_inside")}
    controls = {str(v.date)[:4]: finite_number(v.value) for v in run if v.indicator == _code("series_controls")}
    single = {v.indicator: finite_number(v.value) for v in run}
    years = sorted(int(y) for y in set(inside) | set(controls) if y.isdigit())
    number = single.get(_code("outcome_code"))
    return {"years": years, "inside": [inside.get(str(y)) for y in years],
            "controls": [controls.get(str(y)) for y in years], "start": single.get(_code("start")),
            "outcome": _CLASS_OF.get(int(number)) if number is not None else None,
            "effect": single.get(_code("effect")), "ci_low": single.get(_code("ci_low")),
            "ci_high": single.get(_code("ci_high"))}


class OutcomeChart(QWidget):
    """Line chart of an area's series and its controls; ``set_values(monitoring values)``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())
        self.setVisible(False)

    def sizeHint(self):  # noqa: N802 - Qt API name
        return QSize(260, int(QFontMetrics(self.font()).height() * 11))

    def set_values(self, values):
        self.data = outcome_data(list(values or []))
        self.setVisible(self.data is not None)
        self.update()

    def caption(self):
        if self.data is None:
            return ""
        label = tr(OUTCOME_LABELS[self.data["outcome"]]) if self.data["outcome"] else tr("(no outcome)")
        if self.data["effect"] is None:
            return label
        return tr("{label}: effect {effect:+.3f} ({low:+.3f} to {high:+.3f})").format(
            label=label, effect=self.data["effect"], low=self.data["ci_low"] or 0.0, high=self.data["ci_high"] or 0.0)

    def paintEvent(self, _event):  # noqa: N802 - Qt API name
        if self.data is None or not self.data["years"]:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = QFontMetrics(self.font()).height()
        text_color = self.palette().windowText().color()
        painter.setPen(QColor(OUTCOME_COLORS.get(self.data["outcome"], "#000000")).darker(150))
        painter.drawText(QRectF(1, 0, self.width() - 2, line), int(Qt.AlignmentFlag.AlignLeft), self.caption())
        plot = QRectF(line * 3, line * 1.4, self.width() - line * 3.5, self.height() - line * 4.2)
        self._axes(painter, plot, line, text_color)
        for key, color in (("controls", CONTROL_COLOR), ("inside", INSIDE_COLOR)):
            self._line(painter, plot, self.data[key], color)
        self._start(painter, plot)
        self._legend(painter, line, text_color)
        painter.end()

    def _scale(self, plot):
        values = [v for key in ("inside", "controls") for v in self.data[key] if v is not None]
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        if high - low < 1e-9:
            low, high = low - 0.5, high + 0.5
        first, last = self.data["years"][0], self.data["years"][-1]
        span = max(last - first, 1)

        def point(year, value):
            return QPointF(plot.left() + (year - first) / span * plot.width(),
                           plot.bottom() - (value - low) / (high - low) * plot.height())
        return point, low, high

    def _axes(self, painter, plot, line, color):
        _point, low, high = self._scale(plot)
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.drawRect(plot)
        painter.setPen(color)
        left = QRectF(0, plot.top() - line / 2, plot.left() - 3, line)
        painter.drawText(left, int(Qt.AlignmentFlag.AlignRight), "%.2f" % high)
        painter.drawText(left.translated(0, plot.height()), int(Qt.AlignmentFlag.AlignRight), "%.2f" % low)
        years = self.data["years"]
        below = QRectF(plot.left() - line * 2, plot.bottom() + 2, line * 4, line)
        painter.drawText(below, int(Qt.AlignmentFlag.AlignHCenter), str(years[0]))
        painter.drawText(below.translated(plot.width(), 0), int(Qt.AlignmentFlag.AlignHCenter), str(years[-1]))

    def _line(self, painter, plot, values, color):
        point, _low, _high = self._scale(plot)
        painter.setPen(QPen(QColor(color), 2))
        previous = None
        for year, value in zip(self.data["years"], values):
            current = point(year, value) if value is not None else None
            if previous is not None and current is not None:
                painter.drawLine(previous, current)
            if current is not None:
                painter.drawEllipse(current, 2.0, 2.0)
            previous = current

    def _start(self, painter, plot):
        start = self.data["start"]
        if start is None:
            return
        point, low, _high = self._scale(plot)
        x = point(start, low).x()
        pen = QPen(QColor(START_COLOR), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _legend(self, painter, line, color):
        y = self.height() - line * 1.2
        x = 1.0
        items = ((INSIDE_COLOR, tr("Inside the area")), (CONTROL_COLOR, tr("Matched controls")),
                 (START_COLOR, tr("Start year {year}").format(year=int(self.data["start"] or 0))))
        metrics = QFontMetrics(self.font())
        for swatch, text in items:
            painter.setPen(QPen(QColor(swatch), 3))
            painter.drawLine(QPointF(x, y + line / 2), QPointF(x + line, y + line / 2))
            painter.setPen(color)
            width = metrics.horizontalAdvance(text) + line * 0.5
            painter.drawText(QRectF(x + line * 1.2, y, width, line), int(Qt.AlignmentFlag.AlignLeft), text)
            x += line * 1.7 + width
