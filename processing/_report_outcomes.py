"""The outcome page of the Target 2 report: restoration outcomes (OUTCOMES, the table of restoration_outcomes)
as hectares and areas per class, a chart and a short text (issue 13). Without OUTCOMES there is no page.

The figures are those of the OUTCOMES table itself: the number of its rows per ``outcome`` class and the sum
of their ``area_ha`` (the hectares restoration_outcomes wrote), never recomputed here.
"""

import os

from ..algorithms.errors import N_
from ..algorithms.outcomes.rules import (
    DECLINING,
    INSUFFICIENT,
    NO_CHANGE,
    OUTCOME_COLORS,
    OUTCOME_LABELS,
    OUTCOMES,
    RECOVERING,
    finite_number,
)
from ..translation import format_ha, tr
from . import _report_charts as charts
from ._outcome_filter import OUTCOMES as OUTCOMES_KEY
from ._report_pdf import item

TEXTS = {
    RECOVERING: N_("{label}: {n} areas, {ha} ha. Vegetation there gained more than on comparable land without "
                   "restoration."),
    NO_CHANGE: N_("{label}: {n} areas, {ha} ha. No difference from comparable land could be shown yet."),
    DECLINING: N_("{label}: {n} areas, {ha} ha. Vegetation there lost more than on comparable land: these areas "
                  "need a visit."),
    INSUFFICIENT: N_("{label}: {n} areas, {ha} ha. Too few years, pixels or comparable land to judge."),
}


def outcome_rows(alg, parameters, context):
    """[(code, label, areas, hectares or None)] per outcome class of OUTCOMES (all classes), [] without it."""
    if parameters.get(OUTCOMES_KEY) in (None, ""):
        return []
    source = alg.parameterAsSource(parameters, OUTCOMES_KEY, context)
    if source is None or "outcome" not in source.fields().names():
        return []
    has_ha = "area_ha" in source.fields().names()
    counts, hectares = dict.fromkeys(OUTCOMES, 0), dict.fromkeys(OUTCOMES, 0.0)
    for feature in source.getFeatures():
        code = feature["outcome"]
        if code in counts:
            counts[code] += 1
            hectares[code] += (finite_number(feature["area_ha"]) or 0.0) if has_ha else 0.0
    return [(code, tr(OUTCOME_LABELS[code]), counts[code], hectares[code] if has_ha else None) for code in OUTCOMES]


def outcome_text(rows, national):
    """The outcome page's text in plain words: one line per class, then Target 2 counted over recovering areas."""
    total = sum(n for _c, _l, n, _h in rows)
    lines = [tr("Restoration outcomes measured by restoration_outcomes for {n} areas: each area's vegetation "
                "before and after the start of restoration, compared with similar land nearby without "
                "restoration.").format(n=total), ""]
    for code, label, count, ha in rows:
        lines.append(tr(TEXTS[code]).format(label=label, n=count, ha="-" if ha is None else format_ha(ha)))
    recovering = national.get("RECOVERING_IN_DEGRADED_HA")
    if recovering is not None:
        share = national.get("RECOVERING_SHARE_PCT")
        lines += ["", tr("Counting only recovering areas, restoration inside degraded land is {ha} ha, {pct} of the "
                         "degraded land (effective restoration, as Target 2 asks).").format(
            ha=format_ha(recovering), pct="-" if share is None else f"{share:.2f} %")]
    return "\n".join(lines)


def fill(layout, rows, national, workdir):
    """The outcome page's title, text and chart (hectares per class; areas when OUTCOMES has no area_ha)."""
    item(layout, "t2r_outcome_title").setText(tr("Restoration outcomes"))
    item(layout, "t2r_outcome_text").setText(outcome_text(rows, national))
    hectares = all(ha is not None for _c, _l, _n, ha in rows)
    title = tr("Hectares per restoration outcome") if hectares else tr("Areas per restoration outcome")
    path = charts.bar_chart(os.path.join(workdir, "outcomes.svg"), title, [label for _c, label, _n, _h in rows],
                            [ha if hectares else n for _c, _l, n, ha in rows], "ha" if hectares else "",
                            2 if hectares else 0, [OUTCOME_COLORS[code] for code, _l, _n, _h in rows])
    charts.set_picture(item(layout, "t2r_outcome_chart"), path)
