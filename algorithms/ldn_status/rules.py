"""SDG 15.3.1 status between a baseline and a reporting period, and what counts as gain or loss.

METHODS.md 1.5 and the UNCCD Good Practice Guidance addendum (2025 reporting): the seven status
classes of a reporting period against the baseline, their three-class simplification, and the
counterbalancing of gains against losses per land type. Each rule is a small function on plain
values so that the tests can check it cell by cell; the block path (``engine``) uses look-up
tables built from the same encoding and is tested equal to these functions.
"""

NODATA = -32768
DEGRADED, STABLE, IMPROVED = -1, 0, 1
SDG_VALUES = (DEGRADED, STABLE, IMPROVED)

PERSISTENT_DEGRADATION = 1
RECENT_DEGRADATION = 2
BASELINE_DEGRADATION = 3
STATUS_STABLE = 4
BASELINE_IMPROVEMENT = 5
RECENT_IMPROVEMENT = 6
PERSISTENT_IMPROVEMENT = 7
STATUS_CLASSES = (1, 2, 3, 4, 5, 6, 7)

GAIN_CLASSES = (RECENT_IMPROVEMENT, PERSISTENT_IMPROVEMENT)
LOSS_CLASSES = (PERSISTENT_DEGRADATION, RECENT_DEGRADATION)

PERIODS = ("baseline", "report_1", "report_2")


def status_class(baseline, reporting):
    """The 7-class status of one pixel (METHODS.md 1.5), or None when either value is not -1, 0 or 1."""
    if baseline not in SDG_VALUES or reporting not in SDG_VALUES:
        return None
    if reporting == DEGRADED:
        return PERSISTENT_DEGRADATION if baseline == DEGRADED else RECENT_DEGRADATION
    if reporting == STABLE:
        return {DEGRADED: BASELINE_DEGRADATION, STABLE: STATUS_STABLE, IMPROVED: BASELINE_IMPROVEMENT}[baseline]
    return PERSISTENT_IMPROVEMENT if baseline == IMPROVED else RECENT_IMPROVEMENT


def simplified_status(status):
    """Classes 1-3 -> degraded (-1), 4 -> stable (0), 5-7 -> improved (+1); anything else -> None."""
    if status in (PERSISTENT_DEGRADATION, RECENT_DEGRADATION, BASELINE_DEGRADATION):
        return DEGRADED
    if status == STATUS_STABLE:
        return STABLE
    if status in (BASELINE_IMPROVEMENT, RECENT_IMPROVEMENT, PERSISTENT_IMPROVEMENT):
        return IMPROVED
    return None


def is_gain(status):
    """Counterbalancing gain: recent or persistent improvement (classes 6, 7)."""
    return status in GAIN_CLASSES


def is_loss(status):
    """Counterbalancing loss: persistent or recent degradation (classes 1, 2)."""
    return status in LOSS_CLASSES


def net_balance(gains_ha, losses_ha):
    """(net hectares, LDN achieved): net = gains - losses; neutrality is achieved when net >= 0."""
    net = gains_ha - losses_ha
    return net, net >= 0


def recoded(value, deg_to, stable_to, imp_to):
    """A pixel's SDG value inside a correction polygon: degraded becomes ``deg_to``, stable ``stable_to``,
    improved ``imp_to``; None (a null field) leaves the value as it is; no data stays no data."""
    target = {DEGRADED: deg_to, STABLE: stable_to, IMPROVED: imp_to}.get(value)
    if value not in SDG_VALUES or target is None:
        return value
    return target
