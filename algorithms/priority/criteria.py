"""One criterion: a raster band and how it is rescaled to 0..1; band look-up by name; unique names."""

import math
from dataclasses import dataclass, field

import numpy as np

from ..block_threads import in_block_order, shared
from ..errors import N_, InputError
from ..tables import lookup
from .parsing import plain
from .rescale import (
    DEFAULT_QUANTILE_CLASSES,
    QUANTILE_METHODS,
    classify,
    normalize_method,
    quantile_score,
    rescale_inverted,
    rescale_linear,
)

_NAN = float("nan")  # one object, so that the look-up table cache (keyed on the default) hits


@dataclass
class Criterion:
    """One criterion: a raster band and how it is rescaled to 0..1."""

    name: str
    source: object
    band: int = 1
    method: str = "linear"
    low: float = None
    high: float = None
    classes: int = DEFAULT_QUANTILE_CLASSES
    table: dict = None
    default: float = None
    breaks: list = None  # quantile breaks, computed by the first pass
    missing: set = field(default_factory=set, repr=False)

    def validate(self):
        """Check the rescaling settings (named errors), normalize them, and return self."""
        self.method = normalize_method(self.method, self.name)
        if self.method in ("linear", "inverted"):
            self._validate_bounds()
        elif self.method in QUANTILE_METHODS:
            self._validate_quantile_classes()
        else:
            self._validate_lookup_table()
        return shared(self)  # values missing from its table, noted by blocks on a Dask worker, land here

    def _validate_bounds(self):
        for key in ("low", "high"):
            value = getattr(self, key)
            if value is None or not math.isfinite(float(value)):
                raise InputError(N_("The criterion {name} ({method} rescaling) needs two numbers, the values "
                                    "that score 0 and 1 (low and high)."), name=self.name, method=self.method)
        self.low, self.high = float(self.low), float(self.high)
        if self.low == self.high:
            raise InputError(N_("The criterion {name} has the same low and high value ({value}); linear "
                                "rescaling needs two different values."), name=self.name, value=f"{self.low:g}")

    def _validate_quantile_classes(self):
        try:
            self.classes = int(self.classes if self.classes not in (None, "") else DEFAULT_QUANTILE_CLASSES)
        except (TypeError, ValueError):
            self.classes = 0
        if not 2 <= self.classes <= 20:
            raise InputError(N_("The criterion {name} asks for {classes} quantile classes; use 2 to 20 (se.plan "
                                "uses 5)."), name=self.name, classes=self.classes)

    def _validate_lookup_table(self):
        if not self.table:
            raise InputError(N_("The criterion {name} (categorical rescaling) needs a lookup table of "
                                "'value: score' pairs."), name=self.name)
        self.table = {_as_key(k): float(v) for k, v in self.table.items()}
        scores = list(self.table.values()) + ([] if self.default is None else [float(self.default)])
        bad = [s for s in scores if not 0.0 <= s <= 1.0]
        if bad:
            raise InputError(N_("The lookup table of criterion {name} holds the score {score}; scores must lie "
                                "between 0 and 1."), name=self.name, score=f"{bad[0]:g}")
        self.default = None if self.default is None else float(self.default)

    def rescale(self, values):
        """Rescaled float32 values of a 1-D array of valid pixels."""
        if self.method == "linear":
            return rescale_linear(values, self.low, self.high)
        if self.method == "inverted":
            return rescale_inverted(values, self.low, self.high)
        if self.method in QUANTILE_METHODS:
            v = values if self._exact_ints(values) else values.astype(np.float32)
            return quantile_score(classify(v, self.breaks), self.classes, self.method == "quantile_inverted")
        out, known = lookup(values, self.table, _NAN if self.default is None else self.default, np.float32,
                            want_known=self.default is None)
        if self.default is None and not known.all():  # noted in block order, on the engine's thread
            in_block_order(self._note_missing, np.unique(values[~known]).tolist())
        return out

    def _note_missing(self, values):
        self.missing.update(values)

    @staticmethod
    def _exact_ints(values):
        return values.dtype.kind in "iu" and values.dtype.itemsize <= 2

    def describe(self):
        """The rescaling as a preset entry (without source)."""
        entry = {"name": self.name, "method": self.method}
        if self.method in ("linear", "inverted"):
            entry.update(low=self.low, high=self.high)
        elif self.method in QUANTILE_METHODS:
            entry["classes"] = self.classes
        else:
            entry["table"] = {str(k): v for k, v in self.table.items()}
            entry["default"] = self.default
        return entry


def _as_key(key):
    value = float(key)
    return int(value) if value.is_integer() else value


def _band_key(text):
    return "".join(ch for ch in plain(text) if ch.isalnum())


def resolve_band(ds, band, band_index=None, name="", origin="", raster=""):
    """(band number, note or None) for ``band`` given as a number, a name, or a list of candidate names.

    Names match band descriptions ignoring case, accents, spaces and punctuation. When no name
    matches and ``band_index`` is given, that documented position is used and a note says so.
    """
    count = ds.RasterCount
    if band is None or band == "":
        band = 1
    if isinstance(band, (int, float)) or (isinstance(band, str) and band.strip().isdigit()):
        number = int(band)
        if not 1 <= number <= count:
            raise InputError(N_("The criterion {name} ({origin}) uses band {band} of {raster}, which has {count} "
                                "band(s)."), name=name, origin=origin, band=number, raster=raster, count=count)
        return number, None
    candidates = [band] if isinstance(band, str) else list(band)
    descriptions = [ds.GetRasterBand(i + 1).GetDescription() for i in range(count)]
    keys = [_band_key(d) for d in descriptions]
    for candidate in candidates:
        if _band_key(candidate) in keys:
            return keys.index(_band_key(candidate)) + 1, None
    shown = ", ".join(d or f"#{i + 1}" for i, d in enumerate(descriptions))
    if band_index is not None and 1 <= int(band_index) <= count:
        note = (N_("Criterion {name}: no band of {raster} is named {band} (its bands: {bands}); band {index} is "
                   "used, the position documented for it. Check that it holds this criterion."),
                dict(name=name, raster=raster, band=candidates[0], bands=shown, index=int(band_index)))
        return int(band_index), note
    raise InputError(N_("The criterion {name} ({origin}) needs a band named {band} in {raster}, but its bands are: "
                        "{bands}. Choose the right raster, or edit the band in the preset."),
                     name=name, origin=origin, band=candidates[0], raster=raster, bands=shown)


def check_names(names):
    """InputError when two criteria share a name (case and accents ignored)."""
    seen = set()
    for name in names:
        if plain(name) in seen:
            raise InputError(N_("The criterion name {name} appears twice; each criterion needs its own name."),
                             name=name)
        seen.add(plain(name))

