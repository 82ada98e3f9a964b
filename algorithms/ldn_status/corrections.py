"""False-positive / false-negative corrections in Trends.Earth's format, read and checked.

Trends.Earth's error-recode polygons carry ``recode_deg_to``, ``recode_stable_to`` and
``recode_imp_to`` (-1, 0, 1, or null for "leave as is": what a pixel now degraded / stable /
improved becomes inside the polygon) and ``periods_affected``, the periods the polygon corrects
(``baseline``, ``report_1``, ``report_2``). Trends.Earth keeps ``periods_affected`` as a list
(a GeoJSON array, which OGR reads as a string list and writes into a GeoPackage as JSON text or as
``(2:baseline,report_1)``); a comma-separated text typed by hand is accepted too. A free-text
``reason`` is optional. Each polygon is checked here, and refused by feature id and field, before
any pixel is touched.
"""

import json
import re
from dataclasses import dataclass

from ..errors import N_, InputError
from .rules import PERIODS, SDG_VALUES

RECODE_FIELDS = ("recode_deg_to", "recode_stable_to", "recode_imp_to")
PERIODS_FIELD = "periods_affected"
REASON_FIELD = "reason"
# names older Trends.Earth versions and hand-made layers use for the same periods
_OGR_LIST = re.compile(r"^\(\d+:(.*)\)$")  # how OGR writes a string list into a text field: (2:baseline,report_1)
PERIOD_ALIASES = {"reporting_1": "report_1", "reporting_2": "report_2", "progress_1": "report_1",
                  "progress_2": "report_2"}


@dataclass(frozen=True)
class Correction:
    """One checked correction polygon: its feature id, targets (None = leave as is) and periods."""

    feature_id: int
    deg_to: object
    stable_to: object
    imp_to: object
    periods: frozenset
    reason: str = ""

    def targets(self):
        return self.deg_to, self.stable_to, self.imp_to

    def affects(self, period):
        return period in self.periods


def recode_target(value, feature_id, field):
    """-1, 0, 1 or None (null, empty text) from a field value; InputError naming the feature and field otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if number not in SDG_VALUES:
        raise InputError(N_("Correction polygon {fid}: the field {field} holds '{value}'; it must be -1 (degraded), "
                            "0 (stable), 1 (improved) or empty (leave as is). Fix that feature and run again."),
                         fid=feature_id, field=field, value=value)
    return int(number)


def _period_names(value):
    """Period names of a field value: a list, a JSON list text, or text separated by commas, semicolons or spaces."""
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value]
    text = str(value).strip()
    match = _OGR_LIST.match(text)
    if match:
        text = match.group(1)
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            items = None
        if isinstance(items, list):
            return [str(v) for v in items]
    return text.replace(";", ",").replace(" ", ",").split(",")


def periods_affected(value, feature_id):
    """frozenset of 'baseline', 'report_1', 'report_2'; InputError when missing, empty or holding another name."""
    names = [] if value is None else [n.strip().strip("'\"").lower() for n in _period_names(value)]
    names = [PERIOD_ALIASES.get(n, n) for n in names if n]
    if not names:
        raise InputError(N_("Correction polygon {fid} has no value in the field periods_affected: say which periods "
                            "it corrects, one or more of baseline, report_1, report_2 (e.g. 'baseline,report_1')."),
                         fid=feature_id)
    unknown = [n for n in names if n not in PERIODS]
    if unknown:
        raise InputError(N_("Correction polygon {fid}: the field periods_affected names '{value}', which is not a "
                            "period; use one or more of baseline, report_1, report_2 (e.g. 'baseline,report_1')."),
                         fid=feature_id, value=", ".join(unknown))
    return frozenset(names)


def check_fields(field_names):
    """InputError when the layer lacks periods_affected or every recode field (nothing could be corrected)."""
    names = {name.lower() for name in field_names}
    if PERIODS_FIELD not in names:
        raise InputError(N_("The corrections layer has no field periods_affected. Add a text field "
                            "periods_affected holding, per polygon, the periods it corrects (baseline, report_1, "
                            "report_2), as Trends.Earth's error-recode layers do."))
    if not names.intersection(RECODE_FIELDS):
        raise InputError(N_("The corrections layer has none of the fields recode_deg_to, recode_stable_to, "
                            "recode_imp_to, so it corrects nothing. Use a Trends.Earth error-recode layer or add "
                            "those fields (-1, 0, 1 or empty)."))


def correction_from_attributes(feature_id, attributes):
    """A checked ``Correction`` from {field name: value} (names compared without case; null values as None)."""
    lower = {str(k).lower(): v for k, v in attributes.items()}
    targets = [recode_target(lower.get(field), feature_id, field) for field in RECODE_FIELDS]
    periods = periods_affected(lower.get(PERIODS_FIELD), feature_id)
    reason = lower.get(REASON_FIELD)
    return Correction(feature_id, *targets, periods=periods, reason="" if reason is None else str(reason))
