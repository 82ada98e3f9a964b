"""The rules of the outcome of a restoration area: preset, classes, reasons, indicator codes.

Pure Python: the thresholds come from a preset file (``presets/outcomes_default.json``), the class
of an area from ``classify`` (tested row by row against docs/metodos.md).
"""

import json
import math
import os

from ..errors import N_, InputError

RECOVERING, NO_CHANGE, DECLINING, INSUFFICIENT = "recovering", "no_change", "declining", "insufficient"
OUTCOMES = (RECOVERING, NO_CHANGE, DECLINING, INSUFFICIENT)
OUTCOME_LABELS = {
    RECOVERING: N_("Recovering"),
    NO_CHANGE: N_("No detectable change"),
    DECLINING: N_("Declining"),
    INSUFFICIENT: N_("Insufficient data"),
}
OUTCOME_COLORS = {RECOVERING: "#1a9641", NO_CHANGE: "#ffffbf", DECLINING: "#d7191c", INSUFFICIENT: "#bdbdbd"}

# Reasons: code -> English template (formatted with the row's numbers by the caller).
REASONS = {
    "no_start_year": N_("no start year"),
    "start_outside": N_("start year {start} outside the series {first}-{last}"),
    "few_pixels": N_("{pixels} pixels inside, fewer than {needed}"),
    "few_before": N_("{years} valid years before the start, fewer than {needed}"),
    "few_after": N_("{years} valid years after the start, fewer than {needed}"),
    "few_controls": N_("{controls} matched controls, fewer than {needed}"),
    "significant_gain": N_("gain beyond the controls, interval above 0"),
    "significant_loss": N_("loss beyond the controls, interval below 0"),
    "interval_spans_zero": N_("the interval includes 0"),
    "below_min_effect": N_("significant but smaller than {min_effect}"),
}

# Indicator codes written into the registry's monitoring values (documented in docs/metodos.md).
INDICATOR_PREFIX = "T2R-OUT"
INDICATORS = {
    "effect": ("T2R-OUT-EFFECT", "series units"),
    "ci_low": ("T2R-OUT-CI-LOW", "series units"),
    "ci_high": ("T2R-OUT-CI-HIGH", "series units"),
    "p_value": ("T2R-OUT-P", "probability"),
    "trend_diff": ("T2R-OUT-TREND", "series units per year"),
    "forest_change_ha": ("T2R-OUT-FOREST-HA", "ha"),
    "outcome_code": ("T2R-OUT-CLASS", "class (1 recovering, 0 no change, -1 declining)"),
    "start": ("T2R-OUT-START", "year"),
    "series_inside": ("T2R-OUT-SERIES-IN", "series units"),
    "series_controls": ("T2R-OUT-SERIES-CTRL", "series units"),
}
OUTCOME_NUMBERS = {RECOVERING: 1, NO_CHANGE: 0, DECLINING: -1}

PRESET_KEYS = {
    "min_years_before": (int, 1, 100), "min_years_after": (int, 1, 100), "after_offset": (int, 0, 10),
    "min_pixels_inside": (int, 1, 10**9), "min_controls": (int, 1, 10**6), "inside_samples": (int, 1, 10000),
    "control_candidates": (int, 1, 100000), "caliper_sd": (float, 0.0, 100.0), "bootstrap": (int, 99, 100000),
    "seed": (int, 0, 2**31 - 1), "alpha": (float, 0.001, 0.5), "min_effect": (float, 0.0, 1e9),
    "search_radius_m": (float, 0.0, 1e7),
}
DEFAULT_PRESET = os.path.join(os.path.dirname(__file__), "..", "..", "presets", "outcomes_default.json")


def finite_number(value):
    """``value`` as a float (a number or its text), or None when it is empty, not a number or not finite
    (registry values and layer fields read back for charts and reports)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def load_preset(path=None):
    """The rules of a preset file (the default when None), checked key by key."""
    path = path or DEFAULT_PRESET
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise InputError(N_("The outcome preset {path} cannot be read ({error}). Choose a JSON file like "
                            "presets/outcomes_default.json."), path=path, error=str(exc)) from exc
    return check_preset(data, path)


def check_preset(data, path="preset"):
    """{key: value} with every key of PRESET_KEYS, of the right type and range."""
    rules = {}
    for key, (kind, low, high) in PRESET_KEYS.items():
        value = data.get(key) if isinstance(data, dict) else None
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        if ok and kind is int:
            ok = float(value).is_integer()
        if not ok or not low <= value <= high:
            raise InputError(N_("The outcome preset {path} needs {key} as a number from {low} to {high} (found "
                                "{value}). Correct the file, or use presets/outcomes_default.json."),
                             path=path, key=key, low=low, high=high, value=value)
        rules[key] = kind(value)
    return rules


def classify(effect, ci_low, ci_high, min_effect):
    """(outcome, reason code) of an estimate whose data sufficed.

    Recovering: the interval lies above 0 and the effect is at least ``min_effect``; declining: the
    interval lies below 0 and the effect is at most -``min_effect``; otherwise no detectable change.
    """
    if ci_low > 0:
        return (RECOVERING, "significant_gain") if effect >= min_effect else (NO_CHANGE, "below_min_effect")
    if ci_high < 0:
        return (DECLINING, "significant_loss") if effect <= -min_effect else (NO_CHANGE, "below_min_effect")
    return NO_CHANGE, "interval_spans_zero"


def insufficiency(pixels, years_before, years_after, controls, rules):
    """(reason code, numbers) of the first unmet data requirement, or None when all are met."""
    checks = (
        ("few_pixels", pixels, rules["min_pixels_inside"], {"pixels": pixels}),
        ("few_before", years_before, rules["min_years_before"], {"years": years_before}),
        ("few_after", years_after, rules["min_years_after"], {"years": years_after}),
        ("few_controls", controls, rules["min_controls"], {"controls": controls}),
    )
    for code, have, needed, numbers in checks:
        if have < needed:
            return code, dict(numbers, needed=needed)
    return None


def min_series_years(rules):
    """Fewest years a series needs for any area to be assessed."""
    return rules["min_years_before"] + rules["after_offset"] + rules["min_years_after"]
