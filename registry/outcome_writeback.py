"""Restoration outcomes written back into the registry's monitoring values (issue 14).

Each measure of ``t2restore:restoration_outcomes`` becomes one dated monitoring value of the area
(indicator code and unit from ``algorithms.outcomes.rules.INDICATORS``, date = 31 December of the
last year of the series, the method and inputs in the note). The note carries a marker of the run
configuration (series, years, preset, radius, matching inputs), so a new run of the same
configuration replaces its earlier values, another configuration adds its own, and values a person
entered (other indicators, or notes without the marker) are never touched. The store writes every
area in one transaction and gives the initiatives a new revision, so a form open on one of them
refuses to save over the new values (``ConflictError``) instead of losing them. Pure Python.
"""

import hashlib
import json
import math

from ..algorithms.outcomes.rules import INDICATOR_PREFIX, INDICATORS, INSUFFICIENT, OUTCOME_NUMBERS
from .model import MonitoringValue

METHOD = "t2restore:restoration_outcomes (BACI, matched controls, bootstrap)"
MEASURES = ("effect", "ci_low", "ci_high", "p_value", "trend_diff", "forest_change_ha", "outcome_code", "start")


def run_marker(config):
    """A short, stable marker of a run configuration ({name: JSON-able value})."""
    digest = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    return "[t2r-outcomes " + digest[:12] + "]"


def _value(outcome, measure):
    if measure == "outcome_code":
        return OUTCOME_NUMBERS.get(outcome.outcome)
    value = getattr(outcome, measure)
    return None if value is None or (isinstance(value, float) and not math.isfinite(value)) else float(value)


def _series_values(outcome, years, note):
    """One dated value per year of the series inside the area and of its matched controls (for the chart)."""
    out = []
    for measure, series in (("series_inside", outcome.inside_series), ("series_controls", outcome.control_series)):
        if series is None:
            continue
        code, unit = INDICATORS[measure]
        for year, value in zip(years, series):
            if value is not None and math.isfinite(value):
                out.append(MonitoringValue(indicator=code, unit=unit, date="%04d-12-31" % int(year),
                                           value=float(value), note=note))
    return out


def monitoring_values(outcome, years, marker, summary):
    """[MonitoringValue] of one area's outcome ([] when its data did not suffice), dated at the last of ``years``;
    the series inside and in the controls as one value per year.

    ``summary``: the inputs in words (series, years, preset, radius), written into each note.
    """
    if outcome.outcome == INSUFFICIENT:
        return []
    note = "{marker} {method}; start {start}; {controls} matched controls; {before} years before, {after} after; " \
           "outcome {outcome}; {summary}".format(
               marker=marker, method=METHOD, start=outcome.start, controls=outcome.controls,
               before=outcome.years_before, after=outcome.years_after, outcome=outcome.outcome, summary=summary)
    out = []
    for measure in MEASURES:
        value = _value(outcome, measure)
        if value is None:
            continue
        code, unit = INDICATORS[measure]
        out.append(MonitoringValue(indicator=code, unit=unit, date="%04d-12-31" % int(years[-1]), value=value,
                                   note=note))
    return out + _series_values(outcome, years, note)


def write_outcomes(store, outcomes_by_uuid, years, marker, summary):
    """Write the outcomes ({area uuid: Outcome}) in one transaction: (areas written, uuids missing)."""
    values = {uuid: monitoring_values(o, years, marker, summary) for uuid, o in outcomes_by_uuid.items()}
    return store.set_area_monitoring(values, marker, INDICATOR_PREFIX + "-")


def latest_classes(store):
    """{area uuid: outcome code} from the latest T2R-OUT-CLASS value of each area (areas without one left out)."""
    code = INDICATORS["outcome_code"][0]
    by_number = {number: name for name, number in OUTCOME_NUMBERS.items()}
    out = {}
    for initiative in store.get_initiatives():
        for area in initiative.areas:
            values = [v for v in area.monitoring if v.indicator == code and v.value is not None]
            if values:
                latest = max(enumerate(values), key=lambda pair: (pair[1].date or "", pair[0]))[1]
                out[area.uuid] = by_number.get(int(round(float(latest.value))))
    return out
