"""Former home of the priority scoring, now the package ``algorithms.priority`` (one module per concept).

Kept so that ``from t2restore.algorithms import scoring`` and scripts written against it keep
working; new code imports from ``algorithms.priority``. Module constants read by the computation
(e.g. ``uncertainty.RUN_SAMPLE``) must be changed in their own module, not here.
"""

from .priority.classes import (  # noqa: F401 - re-exported
    CLASS_COLORS,
    CLASS_METHODS,
    CLASS_NAMES,
    CLASS_NODATA,
    DEFAULT_BREAKS,
    EXCLUDED,
    EXCLUDED_COLOR,
    EXCLUDED_LABEL,
    HIGH_FROM,
    MASKED,
    MASKED_LABEL,
    SCORE_BINS,
    SCORE_NODATA,
    ClassSpec,
    breaks_from_score_histogram,
    class_legend,
    equal_interval_breaks,
)
from .priority.constraints import Layer  # noqa: F401
from .priority.criteria import Criterion, check_names, resolve_band  # noqa: F401
from .priority.driver import priority_score  # noqa: F401
from .priority.entries import RESCALING_COLUMNS, criteria_from_entries, entries_from_rows  # noqa: F401
from .priority.parsing import parse_lookup, parse_numbers  # noqa: F401
from .priority.presets import PRESET_FORMAT, PRESET_VERSION, load_preset, preset_document  # noqa: F401
from .priority.rescale import (  # noqa: F401
    DEFAULT_QUANTILE_CLASSES,
    QUANTILE_METHODS,
    RESCALE_METHODS,
    classify,
    normalize_method,
    quantile_breaks_exact,
    quantile_ranks,
    quantile_score,
    rescale_inverted,
    rescale_linear,
)
from .priority.uncertainty import (  # noqa: F401
    RUN_BINS,
    RUN_CHUNK_VALUES,
    RUN_SAMPLE,
    Uncertainty,
    perturbed_weights,
    sample_mask,
)
from .priority.uncertainty import thresholds32 as _thresholds32  # noqa: F401
from .priority.weights import normalize_weights, weights_from_table  # noqa: F401
