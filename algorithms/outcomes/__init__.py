"""Restoration outcomes: is each registered area recovering? (issue 14)

Before-after-control-impact per area: pixels inside against control pixels outside every
restoration area, within a search radius, of the same land type, matched on the pre-start mean and
trend of an annual vegetation series (and covariates). ``rules`` holds the preset and the classes,
``sampling`` the order-free pixel samples, ``gather`` the block passes, ``stats`` matching, effect
and bootstrap, ``engine`` the driver ``restoration_outcomes``.
"""

from .engine import AreaSpec, Outcome, assess, check_series, restoration_outcomes, series_years  # noqa: F401
from .gather import SeriesInputs  # noqa: F401
from .rules import (  # noqa: F401
    INDICATORS,
    OUTCOME_COLORS,
    OUTCOME_LABELS,
    OUTCOMES,
    REASONS,
    check_preset,
    classify,
    load_preset,
)
