"""Weighted multi-criteria restoration priority, ROAM style, with stability under weight uncertainty.

METHODS.md sections 4 and 6. Each criterion raster is rescaled to 0..1 (linear between two values,
inverted, quantile classes as in FAO's se.plan, or a categorical look-up table), the rescaled
criteria are combined with weights that sum to 1, constraints (water, towns, protected areas when
the user says so) are cut out, and the score is classed low / medium / high / very high.

Why the uncertainty part is built the way it is: weights are what experts disagree on, so the
planner's question is "which priorities survive other reasonable weights?". Each block is read and
rescaled once; the N perturbed weight vectors then make one (N x k) @ (k x pixels) matrix product,
so 50 runs cost little more than one (the reads, decompression and rescaling dominate a single run).

Passes over the rasters, and why each is needed:
- quantile rescaling of a criterion needs its distribution first: exact block-wise histograms of
  order-preserving 16-bit keys (one pass for 8/16-bit rasters; a second, refining pass on the few
  bins holding a break for other types);
- fixed class breaks: one scoring pass writes every output;
- quantile or equal-interval classes depend on the score's distribution (per run under
  uncertainty): a first shared pass accumulates a histogram (or min/max) of the base score and of
  every run's score and writes the score; a second pass classes them.
"""

import json
import math
import os
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .areas import CellAreas
from .blocks import DEFAULT_BLOCK, RasterInput, RasterOutput, check_aligned, open_raster, run_blocks
from .errors import N_, InputError
from .tables import AreaAccumulator, lookup

PRESET_FORMAT = "t2restore.priority_score"
PRESET_VERSION = 1

SCORE_NODATA = -9999.0
CLASS_NODATA = 255
EXCLUDED = 0  # class value of pixels cut out by a constraint
MASKED = 254  # area-table class of pixels with data outside the mask (not scored, not "no data")

RESCALE_METHODS = ("linear", "inverted", "quantile", "quantile_inverted", "categorical")
QUANTILE_METHODS = ("quantile", "quantile_inverted")
_METHOD_ALIASES = {
    "linear": "linear", "lineal": "linear",
    "inverted": "inverted", "invertido": "inverted", "invertida": "inverted", "lineal_invertido": "inverted",
    "quantile": "quantile", "quantiles": "quantile", "cuantil": "quantile", "cuantiles": "quantile",
    "quantile_inverted": "quantile_inverted", "cuantil_invertido": "quantile_inverted",
    "categorical": "categorical", "categorico": "categorical", "categorica": "categorical",
}
DEFAULT_QUANTILE_CLASSES = 5  # se.plan uses quintiles

CLASS_METHODS = ("fixed", "quantile", "equal_interval")
DEFAULT_BREAKS = (0.25, 0.5, 0.75)
CLASS_NAMES = {
    3: (N_("Low"), N_("Medium"), N_("High")),
    4: (N_("Low"), N_("Medium"), N_("High"), N_("Very high")),
    5: (N_("Very low"), N_("Low"), N_("Medium"), N_("High"), N_("Very high")),
}
CLASS_COLORS = {
    3: ("#fee8c8", "#fdbb84", "#e34a33"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
}
EXCLUDED_LABEL, EXCLUDED_COLOR = N_("Excluded by a constraint"), "#bdbdbd"
MASKED_LABEL = N_("Excluded / masked (outside the mask)")
# First class that counts as "high priority" for the stability share (high or very high).
HIGH_FROM = {3: 3, 4: 3, 5: 4}

# Score histograms (quantile classes): SCORE_BINS bins of width 1 / (SCORE_BINS - 1) on [0, 1] for
# the base score (exact over every scored pixel). Under uncertainty each run's quantile breaks come
# from RUN_BINS bins over a fixed pseudo-random sample of about RUN_SAMPLE pixels of the raster (the
# same pixels for every run and any block size): 50 full-resolution histograms of every pixel would
# cost more than the rest of the run, and a break known to 1/4,095 from two million pixels is far
# more precise than the disagreement about weights being measured.
SCORE_BINS = 65536
RUN_BINS = 4096
RUN_SAMPLE = 2 ** 21
_KEY_BINS = 65536
RUN_CHUNK_VALUES = 4_000_000  # run scores held at once (N x pixels), about 16 MB of float32
_NAN = float("nan")  # one object, so that the look-up table cache (keyed on the default) hits


# -- rescaling rules --------------------------------------------------------------------------

def rescale_linear(values, low, high):
    """0 at ``low``, 1 at ``high``, linear in between, clamped outside (``low`` > ``high`` is allowed).

    Computed in double precision and stored as float32: a value equal to a bound maps exactly to
    0 or 1.
    """
    v = np.asarray(values, dtype=np.float64)
    out = (v - low) / (high - low)
    np.clip(out, 0.0, 1.0, out=out)
    return out.astype(np.float32)


def rescale_inverted(values, low, high):
    """'Smaller is better': 1 at ``low``, 0 at ``high`` (linear with the bounds swapped)."""
    return rescale_linear(values, high, low)


def classify(values, breaks):
    """Class 1 + the number of breaks strictly below each value: a value equal to a break stays below it."""
    return np.searchsorted(np.asarray(breaks, dtype=np.float64), np.asarray(values, dtype=np.float64),
                           side="left").astype(np.uint8) + np.uint8(1)


def quantile_score(classes, count, inverted=False):
    """Quantile class 1..count -> 0..1 ((c - 1) / (count - 1)); inverted gives (count - c) / (count - 1)."""
    c = np.asarray(classes, dtype=np.float64)
    out = (count - c) if inverted else (c - 1.0)
    return (out / (count - 1)).astype(np.float32)


def quantile_ranks(n, count):
    """1-based ranks of the breaks: the smallest value whose cumulative share reaches j / count.

    The 'inverted CDF' quantile (numpy method ``inverted_cdf``), in integer arithmetic so that a
    share such as 3/10 of 10 pixels is exactly rank 3.
    """
    return [(n * j + count - 1) // count for j in range(1, count)]


def quantile_breaks_exact(values, count):
    """Reference implementation (whole array, sorted): the breaks the block-wise histograms reproduce."""
    v = np.sort(np.asarray(values).ravel())
    return [float(v[r - 1]) for r in quantile_ranks(v.size, count)]


def parse_lookup(text):
    """'1:1; 2:0.5; 3:0; *:0' -> ({1: 1.0, 2: 0.5, 3: 0.0}, default 0.0 or None). '=' works as ':' too."""
    table, default = {}, None
    for item in str(text or "").replace("\n", ";").split(";"):
        item = item.strip()
        if not item:
            continue
        sep = ":" if ":" in item else "="
        key, _, value = item.partition(sep)
        if not _ or not value.strip():
            raise InputError(N_("The lookup table entry '{item}' is not 'value: score' (e.g. '3: 0.5')."), item=item)
        score = _number(value, N_("lookup score"), item)
        if key.strip() == "*":
            default = score
        else:
            table[_number(key, N_("lookup value"), item)] = score
    return table, default


class _NumberError(InputError):
    translated_params = ("what",)  # the kind of number is itself an N_-marked word


def _number(text, what, context):
    try:
        value = float(str(text).strip())
    except ValueError:
        raise _NumberError(N_("'{text}' is not a number ({what} in '{context}')."), text=str(text).strip(),
                           what=what, context=context) from None
    return int(value) if value.is_integer() else value


# -- criteria ---------------------------------------------------------------------------------

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
        self.method = normalize_method(self.method, self.name)
        if self.method in ("linear", "inverted"):
            for key in ("low", "high"):
                value = getattr(self, key)
                if value is None or not math.isfinite(float(value)):
                    raise InputError(N_("The criterion {name} ({method} rescaling) needs two numbers, the values "
                                        "that score 0 and 1 (low and high)."), name=self.name, method=self.method)
            self.low, self.high = float(self.low), float(self.high)
            if self.low == self.high:
                raise InputError(N_("The criterion {name} has the same low and high value ({value}); linear "
                                    "rescaling needs two different values."), name=self.name, value=f"{self.low:g}")
        elif self.method in QUANTILE_METHODS:
            try:
                self.classes = int(self.classes if self.classes not in (None, "") else DEFAULT_QUANTILE_CLASSES)
            except (TypeError, ValueError):
                self.classes = 0
            if not 2 <= self.classes <= 20:
                raise InputError(N_("The criterion {name} asks for {classes} quantile classes; use 2 to 20 (se.plan "
                                    "uses 5)."), name=self.name, classes=self.classes)
        else:
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
        return self

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
        if self.default is None and not known.all():
            self.missing.update(np.unique(values[~known]).tolist())
        return out

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


def normalize_method(method, name=""):
    """A rescaling keyword (English or Spanish, any case or accents) -> one of RESCALE_METHODS."""
    key = _plain(method).replace(" ", "_").replace("-", "_")
    if key not in _METHOD_ALIASES:
        raise InputError(N_("The criterion {name} has the unknown rescaling '{method}'; use linear, inverted, "
                            "quantile, quantile_inverted or categorical."), name=name, method=method)
    return _METHOD_ALIASES[key]


def _plain(text):
    """Lower case without accents, for matching keywords and band names typed by people."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _band_key(text):
    return "".join(ch for ch in _plain(text) if ch.isalnum())


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


RESCALING_COLUMNS = 7  # raster number, band, name, method, low (or classes), high, lookup


def entries_from_rows(values):
    """Criterion entries (preset style) from the RESCALING matrix, a flat list of 7 columns per row.

    Columns: raster number in CRITERIA (1-based), band (number or name; blank = 1), criterion name
    (blank = raster and band), rescaling method, low (or number of quantile classes), high, lookup
    table ('value: score; ...; *: default').
    """
    cells = ["" if v is None else str(v).strip() for v in values]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) % RESCALING_COLUMNS:
        cells += [""] * (RESCALING_COLUMNS - len(cells) % RESCALING_COLUMNS)
    entries = []
    for r in range(0, len(cells), RESCALING_COLUMNS):
        raster, band, name, method, low, high, table = cells[r:r + RESCALING_COLUMNS]
        if not any((raster, band, name, method, low, high, table)):
            continue
        row = r // RESCALING_COLUMNS + 1
        try:
            number = int(float(raster or "1"))
        except ValueError:
            raise InputError(N_("Row {row} of the rescaling table: '{value}' is not a raster number (1 for the "
                                "first raster of CRITERIA)."), row=row, value=raster) from None
        entry = {"input": number, "band": _int_or_text(band) if band else 1,
                 "name": name or f"{number}:{band or 1}", "method": method}
        if not method:
            raise InputError(N_("Row {row} of the rescaling table has no rescaling method; use linear, inverted, "
                                "quantile, quantile_inverted or categorical."), row=row)
        kind = normalize_method(method, entry["name"])
        if kind in QUANTILE_METHODS:
            entry["classes"] = int(_number(low, N_("classes"), name)) if low else DEFAULT_QUANTILE_CLASSES
        elif kind == "categorical":
            entry["table"], entry["default"] = parse_lookup(table)
        else:
            entry["low"] = _number(low, N_("low"), name) if low else None
            entry["high"] = _number(high, N_("high"), name) if high else None
        entries.append(entry)
    return entries


def _int_or_text(text):
    """'2' or '2.0' (qgis_process passes matrix cells as numbers) -> 2; a band name stays text."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else text


def criteria_from_entries(entries, rasters, origin, base_dir=None):
    """(criteria, weights or None, notes) from preset-style entries.

    An entry finds its raster by ``input`` (1-based position in ``rasters``, the CRITERIA parameter)
    or ``path`` (relative to ``base_dir``, the preset's folder). ``notes`` are (template, params) for
    the log.
    """
    criteria, weights, notes = [], [], []
    for entry in entries:
        name = str(entry.get("name") or "").strip()
        if not name:
            raise InputError(N_("A criterion in {origin} has no name."), origin=origin)
        if entry.get("path"):
            path = Path(str(entry["path"]))
            if not path.is_absolute() and base_dir is not None:
                path = Path(base_dir) / path
            if not path.exists():
                raise InputError(N_("The criterion {name} ({origin}) refers to the file {path}, which does not "
                                    "exist."), name=name, origin=origin, path=str(path))
            source, raster = str(path), path.name
        else:
            number = int(entry.get("input", 1))
            if not 1 <= number <= len(rasters):
                raise InputError(N_("The criterion {name} ({origin}) refers to raster {input} of CRITERIA, but "
                                    "CRITERIA holds {count} raster(s). Add the rasters this preset expects (see its "
                                    "description)."), name=name, origin=origin, input=number, count=len(rasters))
            source = rasters[number - 1]
            raster = _label(source)
        ds = open_raster(source, name)
        band, note = resolve_band(ds, entry.get("band", 1), entry.get("band_index"), name, origin, raster)
        if note:
            notes.append(note)
        criterion = Criterion(name=name, source=source, band=band, method=entry.get("method", ""),
                              low=entry.get("low"), high=entry.get("high"),
                              classes=entry.get("classes", DEFAULT_QUANTILE_CLASSES), table=entry.get("table"),
                              default=entry.get("default"))
        criteria.append(criterion.validate())
        weights.append(entry.get("weight"))
    check_names([c.name for c in criteria])
    given = [w is not None for w in weights]
    if any(given) and not all(given):
        missing = ", ".join(c.name for c, g in zip(criteria, given) if not g)
        raise InputError(N_("{origin} gives weights to some criteria but not to {names}; give a weight to every "
                            "criterion or to none."), origin=origin, names=missing)
    return criteria, ([float(w) for w in weights] if all(given) and weights else None), notes


def _label(source):
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(str(source))
    try:
        return os.path.basename(source.GetDescription()) or "raster"
    except AttributeError:
        return str(source)


def check_names(names):
    seen = set()
    for name in names:
        if _plain(name) in seen:
            raise InputError(N_("The criterion name {name} appears twice; each criterion needs its own name."),
                             name=name)
        seen.add(_plain(name))


# -- weights ----------------------------------------------------------------------------------

_WEIGHT = N_("weight")


def parse_numbers(text, what=_WEIGHT):
    """Numbers from '0.4, 0.3, 0.3' (or ';' separated, then decimal commas are allowed); None when blank."""
    if isinstance(text, (list, tuple)):
        return [float(_number(t, what, text)) for t in text if str(t).strip()]
    text = str(text or "").strip()
    if not text:
        return None
    if ";" in text:
        items = [t.replace(",", ".") for t in text.split(";")]
    else:
        items = text.split(",")
    return [float(_number(t, what, text)) for t in items if t.strip()]


def normalize_weights(weights, names):
    """(weights summing to 1, their original sum); InputError on a count mismatch, negatives or a zero sum."""
    if len(weights) != len(names):
        raise InputError(N_("{n} weights were given for {k} criteria ({names}); give one weight per criterion, "
                            "in the same order."), n=len(weights), k=len(names), names=", ".join(names))
    w = np.asarray(weights, dtype=np.float64)
    for name, value in zip(names, w):
        if not math.isfinite(value) or value < 0:
            raise InputError(N_("The weight of criterion {name} is {value}; weights must be zero or positive."),
                             name=name, value=f"{value:g}")
    total = float(w.sum())
    if total <= 0:
        raise InputError(N_("The weights sum to 0; give at least one criterion a positive weight."))
    return w / total, total


def weights_from_table(rows, names):
    """Weights in criteria order from (criterion, weight) rows, matched by name (case and accents ignored).

    The table format is the one ``t2restore:ahp_weights`` writes (columns ``criterion`` and ``weight``).
    """
    table = {}
    for name, weight in rows:
        try:
            table[_plain(name)] = float(str(weight).replace(",", "."))
        except (TypeError, ValueError):
            raise InputError(N_("The weights table gives '{weight}' as the weight of {name}; it must be a number."),
                             weight=weight, name=name) from None
    missing = [n for n in names if _plain(n) not in table]
    if missing:
        raise InputError(N_("The weights table has no row for the criteria {missing}; its criteria are {found}. "
                            "Criterion names must match."), missing=", ".join(missing),
                         found=", ".join(str(n) for n, _w in rows) or "-")
    extra = [str(n) for n, _w in rows if _plain(n) not in {_plain(x) for x in names}]
    if extra:
        raise InputError(N_("The weights table names {extra}, which are not criteria of this run ({names})."),
                         extra=", ".join(extra), names=", ".join(names))
    return [table[_plain(n)] for n in names]


def perturbed_weights(weights, percent, runs, seed):
    """(runs x k) weight vectors: each weight times a factor drawn uniformly in [1 - p, 1 + p], then
    renormalized to sum 1. Seeded (numpy's PCG64), so a seed always gives the same runs.
    """
    p = float(percent) / 100.0
    rng = np.random.default_rng(int(seed))
    factors = 1.0 + rng.uniform(-p, p, size=(int(runs), len(weights)))
    w = np.asarray(weights, dtype=np.float64)[None, :] * factors
    return w / w.sum(axis=1, keepdims=True)


# -- classes ----------------------------------------------------------------------------------

@dataclass
class ClassSpec:
    """How the score becomes classes: 'fixed' breaks, 'quantile' or 'equal_interval' with ``count`` classes."""

    method: str = "fixed"
    breaks: tuple = DEFAULT_BREAKS
    count: int = 4

    def validate(self):
        method = _plain(self.method).replace(" ", "_")
        method = {"quantiles": "quantile", "equal": "equal_interval", "fixed_breaks": "fixed"}.get(method, method)
        if method not in CLASS_METHODS:
            raise InputError(N_("Unknown class method '{method}'; use fixed, quantile or equal_interval."),
                             method=self.method)
        self.method = method
        if method == "fixed":
            breaks = [float(b) for b in (self.breaks or ())]
            if not 2 <= len(breaks) <= 4:
                raise InputError(N_("Fixed breaks define the classes: give 2, 3 or 4 breaks (3, 4 or 5 classes); "
                                    "{n} were given."), n=len(breaks))
            if any(not 0.0 <= b <= 1.0 for b in breaks) or any(b >= a for b, a in zip(breaks, breaks[1:])):
                raise InputError(N_("Fixed breaks must lie between 0 and 1 and increase strictly: {breaks}."),
                                 breaks=", ".join(f"{b:g}" for b in breaks))
            self.breaks = tuple(breaks)
            self.count = len(breaks) + 1
        elif int(self.count) not in CLASS_NAMES:
            raise InputError(N_("Use 3, 4 or 5 priority classes; {n} were asked for."), n=self.count)
        self.count = int(self.count)
        return self

    @property
    def high_from(self):
        return HIGH_FROM[self.count]


def class_legend(count):
    """[(value, English label, colour)] of the classes and of the excluded value."""
    return ([(i + 1, label, color) for i, (label, color) in enumerate(zip(CLASS_NAMES[count], CLASS_COLORS[count]))]
            + [(EXCLUDED, EXCLUDED_LABEL, EXCLUDED_COLOR)])


def equal_interval_breaks(low, high, count):
    return [low + (high - low) * j / count for j in range(1, count)]


def breaks_from_score_histogram(hist, count, bins=SCORE_BINS):
    """Quantile breaks from ``bins`` counts of floor(score * (bins - 1)).

    Each break is the upper edge of the bin where the cumulative count reaches the break's rank,
    so a class's share is exact up to the pixels whose score lies within 1 / 65,535 below a break.
    """
    hist = np.asarray(hist)
    cum = np.cumsum(hist, axis=-1)
    n = cum[..., -1]
    ranks = np.stack([(n * j + count - 1) // count for j in range(1, count)], axis=-1)
    if hist.ndim == 1:
        found = np.searchsorted(cum, ranks, side="left")
    else:
        found = np.stack([np.searchsorted(c, r, side="left") for c, r in zip(cum, ranks)])
    return (found + 1) / (bins - 1)


def _floor32(values):
    """The largest float32 <= each value: for float32 x, x > floor32(t) exactly when x > t."""
    v = np.atleast_1d(np.asarray(values, dtype=np.float64))
    t = v.astype(np.float32)
    above = t.astype(np.float64) > v
    t[above] = np.nextafter(t[above], np.float32(-np.inf))
    return t


def _thresholds32(values):
    """float32 thresholds for unclipped run scores: x > t exactly when min(x, 1) > value.

    Run scores are not clipped to 1 (it would cost as much as the comparison; they exceed 1 by a
    few float32 ulps at most), so a break at or above 1, which no clipped score exceeds, becomes +inf.
    """
    v = np.atleast_1d(np.asarray(values, dtype=np.float64))
    t = _floor32(v)
    t[v >= 1.0] = np.inf
    return t


def sample_mask(xoff, yoff, xsize, ysize, grid_xsize, step):
    """Pixels of a window in the fixed pseudo-random 1-in-``step`` sample of the grid.

    A pixel is in the sample when the fractional part of its global index times the golden ratio
    (a Weyl sequence, evenly spread over the raster) is below 1 / step: a property of the pixel,
    so the sample is the same whatever the block size.
    """
    if step <= 1:
        return np.ones((ysize, xsize), bool)
    rows = np.arange(yoff, yoff + ysize, dtype=np.uint64)[:, None] * np.uint64(grid_xsize)
    index = rows + np.arange(xoff, xoff + xsize, dtype=np.uint64)[None, :]
    hashed = (index * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)
    return hashed < np.uint64((1 << 32) // step)


# -- exact block-wise quantiles of a criterion -----------------------------------------------

def _float_keys(values):
    """Order-preserving uint32 keys of float32 values (-0 counted as +0)."""
    f = np.asarray(values, dtype=np.float32) + np.float32(0.0)
    bits = f.view(np.uint32)
    return np.where(bits & np.uint32(0x80000000), ~bits, bits | np.uint32(0x80000000))


def _key_value(key):
    key = int(key)
    bits = key ^ 0x80000000 if key & 0x80000000 else (~key) & 0xFFFFFFFF
    return float(np.array([bits], dtype=np.uint32).view(np.float32)[0])


class _QuantileCollector:
    """Exact quantile breaks of one criterion from block-wise histograms.

    8 and 16-bit integers: one histogram over every possible value (one pass, exact). Other types:
    values as float32 (7 significant digits; decimal rasters are compared in float32 too), mapped to
    order-preserving 32-bit keys; a first pass counts the top 16 bits, a second pass counts the low
    16 bits inside the (at most classes - 1) top bins that hold a break. Memory: 512 KB per bin set.
    """

    def __init__(self, criterion, dtype):
        self.criterion = criterion
        self.small = dtype.kind in "iu" and dtype.itemsize <= 2
        self.offset = -int(np.iinfo(dtype).min) if self.small else 0
        self.hist = np.zeros(_KEY_BINS, np.int64)
        self.targets = []  # (top bin, rank inside it) per break, for the second pass
        self.fine = {}

    def add(self, values):
        if self.small:
            keys = values.astype(np.intp) + self.offset
        else:
            keys = (_float_keys(values) >> np.uint32(16)).astype(np.intp)
        self.hist += np.bincount(keys, minlength=_KEY_BINS)

    def plan(self):
        """Locate the breaks after the first pass; True when a refining pass is needed."""
        n = int(self.hist.sum())
        if n == 0:
            raise InputError(N_("The criterion {name} has no valid pixel inside the mask and outside the "
                                "constraints, so its quantiles cannot be computed."), name=self.criterion.name)
        cum = np.cumsum(self.hist)
        ranks = quantile_ranks(n, self.criterion.classes)
        bins = np.searchsorted(cum, ranks, side="left")
        if self.small:
            self.criterion.breaks = [float(b - self.offset) for b in bins]
            return False
        self.targets = [(int(b), r - (int(cum[b - 1]) if b else 0)) for b, r in zip(bins, ranks)]
        self.fine = {b: np.zeros(_KEY_BINS, np.int64) for b, _r in self.targets}
        return True

    def refine(self, values):
        keys = _float_keys(values)
        top = keys >> np.uint32(16)
        for b, hist in self.fine.items():
            low = keys[top == b] & np.uint32(0xFFFF)
            if low.size:
                hist += np.bincount(low.astype(np.intp), minlength=_KEY_BINS)

    def finish(self):
        breaks = []
        for b, rank in self.targets:
            low = int(np.searchsorted(np.cumsum(self.fine[b]), rank, side="left"))
            breaks.append(_key_value((b << 16) | low))
        self.criterion.breaks = breaks


# -- the block engine -------------------------------------------------------------------------

@dataclass
class Uncertainty:
    percent: float = 20.0
    runs: int = 50
    seed: int = 1

    def validate(self):
        if not 0 < float(self.percent) <= 100:
            raise InputError(N_("The weight perturbation must be more than 0 and at most 100 percent; {value} was "
                                "given."), value=f"{float(self.percent):g}")
        if not 2 <= int(self.runs) <= 1000:
            raise InputError(N_("Use 2 to 1000 uncertainty runs; {value} were asked for."), value=int(self.runs))
        self.percent, self.runs, self.seed = float(self.percent), int(self.runs), int(self.seed)
        return self


@dataclass
class Layer:
    """A mask or constraint raster: pixels with data and a non-zero value (or one of ``values``) count."""

    name: str
    source: object
    band: int = 1
    values: tuple = None


class _Engine:
    """Slots of the inputs of one run, and what every pass computes from a block."""

    def __init__(self, criteria, weights, mask, constraints, zones, runs):
        self.criteria = criteria
        self.weights = [float(w) for w in weights]
        self.runs = None if runs is None else np.ascontiguousarray(runs, dtype=np.float32)
        self.inputs = [RasterInput(c.source, name=c.name, band=c.band) for c in criteria]
        self.mask = mask
        self.mask_slot = self._add(mask)
        self.constraints = list(constraints)
        self.constraint_slots = [self._add(c) for c in self.constraints]
        self.zones_slot = self._add(Layer("ZONES", zones)) if zones is not None else None
        self.excluded_by = [0] * len(self.constraints)
        self.seen = [False] * len(criteria)
        self.counts = {"all_valid": 0, "candidates": 0, "scored": 0}

    def _add(self, layer):
        if layer is None:
            return None
        self.inputs.append(RasterInput(layer.source, name=layer.name, band=layer.band))
        return len(self.inputs) - 1

    @staticmethod
    def data(block, slot):
        return block.core(block.arrays[slot]), block.core(block.valid(slot))  # valid: not nodata, NaN or inf

    def region(self, block):
        """(inside the mask, constrained) boolean arrays; constraint counts are taken by ``status``."""
        shape = (block.ysize, block.xsize)
        inside = np.ones(shape, bool)
        if self.mask_slot is not None:
            arr, ok = self.data(block, self.mask_slot)
            hit = np.isin(arr, self.mask.values) if self.mask.values else arr != 0
            inside = ok & hit
        constrained = []
        for slot in self.constraint_slots:
            arr, ok = self.data(block, slot)
            constrained.append(ok & (arr != 0))
        return inside, constrained

    def status(self, block):
        """uint8 per pixel: 0 no data, 1 scored, 2 excluded by a constraint, 3 data outside the mask."""
        valid = None
        for i in range(len(self.criteria)):
            _arr, ok = self.data(block, i)
            if not self.seen[i]:
                self.seen[i] = bool(ok.any())
            valid = ok if valid is None else valid & ok
        inside, constrained = self.region(block)
        self.counts["all_valid"] += int(np.count_nonzero(valid))
        candidate = valid & inside
        excluded = np.zeros_like(candidate)
        for n, c in enumerate(constrained):
            hit = candidate & c
            self.excluded_by[n] += int(np.count_nonzero(hit))
            excluded |= hit
        status = candidate.view(np.uint8).copy()
        status[excluded] = 2
        status[valid & ~inside] = 3
        ncand = int(np.count_nonzero(candidate))
        self.counts["candidates"] += ncand
        self.counts["scored"] += ncand - int(np.count_nonzero(excluded))
        return status

    def rescaled(self, block, scored):
        """(k, pixels) float32 rescaled criteria of the scored pixels, C-contiguous."""
        everywhere = bool(scored.all())
        x = np.empty((len(self.criteria), int(np.count_nonzero(scored))), np.float32)
        for i, criterion in enumerate(self.criteria):
            arr = block.core(block.arrays[i])
            x[i] = criterion.rescale(arr.ravel() if everywhere else arr[scored])
        return x

    def base_score(self, x):
        """sum_i w_i x_i in float32, in criteria order (exactly reproducible whatever the block size)."""
        s = np.zeros(x.shape[1], np.float32)
        for w, row in zip(self.weights, x):
            if w:
                s += np.float32(w) * row
        return np.clip(s, 0.0, 1.0, out=s)

    def run_scores(self, x):
        """Yield (start, N x chunk run scores): one matrix product per chunk of pixels.

        Not clipped to 0..1: see ``_thresholds32``.
        """
        n = self.runs.shape[0]
        chunk = max(4096, RUN_CHUNK_VALUES // n)
        for start in range(0, x.shape[1], chunk):
            yield start, self.runs @ x[:, start:start + chunk]


class _ScoreStats:
    """Histogram (quantile classes) or range (equal interval) of one score per row: the base, or each run."""

    def __init__(self, rows, bins, histogram):
        self.rows, self.bins = rows, bins
        self.hist = np.zeros(rows * bins, np.int64) if histogram else None
        self.low = np.full(rows, np.inf)
        self.high = np.full(rows, -np.inf)
        self.offsets = (np.arange(rows, dtype=np.intp) * bins)[:, None]

    def add(self, scores):
        """``scores`` is (rows, pixels); it may be overwritten."""
        if scores.shape[1] == 0:
            return
        if self.hist is None:
            np.minimum(self.low, scores.min(axis=1), out=self.low)
            np.maximum(self.high, scores.max(axis=1), out=self.high)
            return
        scores *= np.float32(self.bins - 1)
        idx = scores.astype(np.intp)
        idx += self.offsets
        self.hist += np.bincount(idx.ravel(), minlength=self.rows * self.bins)

    def breaks(self, count):
        """(rows, count - 1) breaks."""
        if self.hist is None:
            return np.stack([equal_interval_breaks(lo, hi, count) for lo, hi in zip(self.low, self.high)])
        return breaks_from_score_histogram(self.hist.reshape(self.rows, self.bins), count, self.bins)


def _region_error(mask, constraints, inside, excluded_by):
    """Raise the error that says why no pixel is left: the mask keeps none, or constraints cut all."""
    if inside == 0:
        raise InputError(N_("The mask {name} leaves no pixel to score: none of the pixels where the criteria have "
                            "data is inside it. Check MASK and MASK_VALUES."), name=mask.name)
    alone = [c.name for c, n in zip(constraints, excluded_by) if n == inside]
    if alone:
        raise InputError(N_("The constraint {name} excludes every pixel that could be scored, so nothing is left to "
                            "prioritize. Check that it is the right layer (constraints mark the areas to exclude "
                            "with non-zero values or polygons), or remove it."), name=alone[0])
    raise InputError(N_("The constraints {names} together exclude every pixel that could be scored, so nothing is "
                        "left to prioritize. Remove one of them or check their values."),
                     names=", ".join(c.name for c in constraints))


def _hidden_path(path, tag):
    folder, base = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{base}.{uuid.uuid4().hex[:8]}.{tag}.tif")


def _remove(*paths):
    for path in paths:
        for p in (path, path + ".aux.xml"):
            if p and os.path.exists(p):
                os.remove(p)


def _progress_part(progress, index, total):
    if progress is None:
        return None
    return lambda fraction: progress((index + fraction) / total)


def priority_score(criteria, weights, score_output, classes_output=None, constraints=(), mask=None,
                   classes=None, zones=None, uncertainty=None, stability_output=None, block_size=DEFAULT_BLOCK,
                   progress=None, is_cancelled=None):
    """Score, classes, stability and the area table, block by block.

    ``criteria`` are validated ``Criterion`` objects, ``weights`` one number per criterion (any
    positive sum; normalized here), ``constraints`` and ``mask`` are ``Layer`` rasters on the
    criteria's grid (polygon layers are burnt onto it by the caller), ``zones`` an int32 zone raster
    or None, ``uncertainty`` an ``Uncertainty`` or None. Returns a dict (see the end).
    """
    criteria = [c.validate() for c in criteria]
    if not criteria:
        raise InputError(N_("Give at least one criterion raster with its rescaling."))
    names = [c.name for c in criteria]
    check_names(names)
    w, weight_sum = normalize_weights(weights, names)
    spec = (classes or ClassSpec()).validate()
    unc = uncertainty.validate() if uncertainty is not None else None
    runs = perturbed_weights(w, unc.percent, unc.runs, unc.seed) if unc else None
    if unc and not stability_output:
        raise InputError(N_("The uncertainty analysis needs an output for the stability raster."))
    for c in criteria:
        c.missing = set()
    engine = _Engine(criteria, w, mask, constraints, zones, runs)
    for inp in engine.inputs:
        inp.open()
    grid = check_aligned([(i.name, i.ds) for i in engine.inputs])
    k = spec.count
    two_pass = spec.method != "fixed"
    quantile_criteria = [i for i, c in enumerate(criteria) if c.method in QUANTILE_METHODS]
    needs_refine = any(not _QuantileCollector(criteria[i], engine.inputs[i].dtype()).small
                       for i in quantile_criteria)
    total_passes = (1 + needs_refine if quantile_criteria else 0) + 1 + two_pass
    pass_no = 0
    cells = CellAreas(grid)
    areas = AreaAccumulator()
    classes_of_code = (None,) + tuple(range(1, k + 1)) + (EXCLUDED, MASKED)

    # -- pass: quantiles of criteria ----------------------------------------------------------
    if quantile_criteria:
        collectors = {i: _QuantileCollector(criteria[i], engine.inputs[i].dtype()) for i in quantile_criteria}
        region_slots = [s for s in [engine.mask_slot] + engine.constraint_slots if s is not None]
        sub = [engine.inputs[i] for i in quantile_criteria] + [engine.inputs[s] for s in region_slots]

        region_counts = {"inside": 0, "free": 0, "excluded_by": [0] * len(engine.constraints)}

        def gather(block, refine=False):
            shifted = _Shifted(block, {slot: n for n, slot in enumerate(quantile_criteria + region_slots)})
            inside, constrained = engine.region(shifted)
            if not refine:
                region_counts["inside"] += int(np.count_nonzero(inside))
                for n, c in enumerate(constrained):
                    region_counts["excluded_by"][n] += int(np.count_nonzero(inside & c))
            for c in constrained:
                inside &= ~c
            if not refine:
                region_counts["free"] += int(np.count_nonzero(inside))
            for i in quantile_criteria:
                arr, ok = engine.data(shifted, i)
                values = arr[ok & inside]
                (collectors[i].refine if refine else collectors[i].add)(values)

        run_blocks(sub, gather, (), block_size=block_size, progress=_progress_part(progress, pass_no, total_passes),
                   is_cancelled=is_cancelled)
        pass_no += 1
        if region_counts["free"] == 0:
            _region_error(mask, engine.constraints, region_counts["inside"], region_counts["excluded_by"])
        refine = [col for col in collectors.values() if col.plan()]
        if refine:
            run_blocks(sub, lambda b: gather(b, refine=True), (), block_size=block_size,
                       progress=_progress_part(progress, pass_no, total_passes), is_cancelled=is_cancelled)
            pass_no += 1
            for col in refine:
                col.finish()

    high_index = spec.high_from - 2  # class >= high_from  <=>  score > breaks[high_index]
    result = {"weights": [float(v) for v in w], "weight_sum": weight_sum, "run_weights": runs,
              "criterion_breaks": {c.name: c.breaks for c in criteria if c.breaks is not None},
              "classes": k, "high_from": spec.high_from, "areas": areas}

    def check_scored():
        for i, seen in enumerate(engine.seen):
            if not seen:
                raise InputError(N_("The raster {name} has no valid pixel (all nodata)."), name=criteria[i].name)
        for c in criteria:
            if c.missing:
                values = ", ".join(f"{v:g}" for v in sorted(c.missing)[:20])
                raise InputError(N_("The lookup table of criterion {name} has no row for the values {values} found "
                                    "in its raster. Add them to the table, or give a score for other values "
                                    "('*: 0')."), name=c.name, values=values)
        counts = engine.counts
        if counts["all_valid"] == 0:
            raise InputError(N_("There is no pixel where all the criteria have data: their valid areas do not "
                                "overlap. Check that they cover the same region."))
        if counts["scored"] == 0:
            _region_error(mask, engine.constraints, counts["candidates"], engine.excluded_by)

    def add_areas(block, cls, zone_arr, status):
        code = cls.copy()
        code[cls == CLASS_NODATA] = 0
        code[cls == EXCLUDED] = k + 1
        code[status == 3] = k + 2  # outside the mask: its own row, not "no data"
        cell = cells.block(block.xoff, block.yoff, block.xsize, block.ysize)
        areas.add_codes(code, k + 3, cell, zone_arr, classes_of_code)

    def stability_counts(x, thresholds):
        counts = np.zeros(x.shape[1], np.uint16)
        for start, s in engine.run_scores(x):
            hit = s > thresholds
            counts[start:start + s.shape[1]] = hit.sum(axis=0, dtype=np.uint16)
        return counts

    shape_of = lambda block: (block.ysize, block.xsize)  # noqa: E731
    score_out = RasterOutput(score_output, np.float32, SCORE_NODATA, band_names=("priority score",))
    class_outs = ([RasterOutput(classes_output, np.uint8, CLASS_NODATA, band_names=("priority class",))]
                  if classes_output else [])
    stab_outs = ([RasterOutput(stability_output, np.float32, SCORE_NODATA, band_names=("stability",))]
                 if unc else [])

    if not two_pass:
        breaks = list(spec.breaks)
        thresholds = _thresholds32(breaks[high_index])[0] if unc else None

        def score_block(block):
            status = engine.status(block)
            scored = status == 1
            x = engine.rescaled(block, scored)
            s = engine.base_score(x)
            score = np.full(shape_of(block), SCORE_NODATA, np.float32)
            score[scored] = s
            cls = np.full(shape_of(block), CLASS_NODATA, np.uint8)
            cls[status == 2] = EXCLUDED
            cls[scored] = classify(s, breaks)
            zone_arr = block.core(block.arrays[engine.zones_slot]) if engine.zones_slot is not None else None
            add_areas(block, cls, zone_arr, status)
            out = [score] + ([cls] if class_outs else [])
            if unc:
                stab = np.full(shape_of(block), SCORE_NODATA, np.float32)
                stab[scored] = stability_counts(x, thresholds) / np.float32(unc.runs)
                out.append(stab)
            return out

        run_blocks(engine.inputs, score_block, [score_out] + class_outs + stab_outs, block_size=block_size,
                   progress=_progress_part(progress, pass_no, total_passes), is_cancelled=is_cancelled,
                   before_commit=check_scored)
        result.update(breaks=breaks, run_breaks=None)
    else:
        hidden_score = _hidden_path(score_output, "score")
        hidden_status = _hidden_path(score_output, "status")
        quantile = spec.method == "quantile"
        base_stats = _ScoreStats(1, SCORE_BINS, quantile)
        run_stats = _ScoreStats(unc.runs, RUN_BINS, quantile) if unc else None
        step = max(1, -(-grid.pixel_count // RUN_SAMPLE)) if quantile else 1
        pass1_inputs = engine.inputs[:engine.zones_slot] if engine.zones_slot is not None else engine.inputs

        def first_block(block):
            status = engine.status(block)
            scored = status == 1
            x = engine.rescaled(block, scored)
            s = engine.base_score(x)
            base_stats.add(s[None, :].copy())
            if unc:
                if step > 1:
                    keep = sample_mask(block.xoff, block.yoff, block.xsize, block.ysize, grid.xsize, step)[scored]
                    x = x[:, keep]
                for _start, rs in engine.run_scores(x):
                    run_stats.add(rs)
            score = np.full(shape_of(block), SCORE_NODATA, np.float32)
            score[scored] = s
            return [score, status]

        tmp_outputs = [RasterOutput(hidden_score, np.float32, SCORE_NODATA, band_names=("priority score",)),
                       RasterOutput(hidden_status, np.uint8, None)]
        try:
            run_blocks(pass1_inputs, first_block, tmp_outputs, block_size=block_size,
                       progress=_progress_part(progress, pass_no, total_passes), is_cancelled=is_cancelled,
                       before_commit=check_scored)
            pass_no += 1
            breaks = [float(b) for b in base_stats.breaks(k)[0]]
            run_breaks = run_stats.breaks(k) if unc else None
            thresholds = _thresholds32(run_breaks[:, high_index])[:, None] if unc else None
            second = [RasterInput(hidden_score, name="score"), RasterInput(hidden_status, name="status")]
            if engine.zones_slot is not None:
                second.append(engine.inputs[engine.zones_slot])
            crit_slots = list(range(len(second), len(second) + (len(criteria) if unc else 0)))
            second += engine.inputs[:len(criteria)] if unc else []

            def second_block(block):
                score = block.arrays[0]
                status = block.arrays[1]
                scored = status == 1
                cls = np.full(shape_of(block), CLASS_NODATA, np.uint8)
                cls[status == 2] = EXCLUDED
                cls[scored] = classify(score[scored], breaks)
                add_areas(block, cls, block.arrays[2] if engine.zones_slot is not None else None, status)
                out = [cls] if class_outs else []
                if unc:
                    x = engine.rescaled(_Shifted(block, dict(enumerate(crit_slots))), scored)
                    stab = np.full(shape_of(block), SCORE_NODATA, np.float32)
                    stab[scored] = stability_counts(x, thresholds) / np.float32(unc.runs)
                    out.append(stab)
                return out

            run_blocks(second, second_block, class_outs + stab_outs, block_size=block_size,
                       progress=_progress_part(progress, pass_no, total_passes), is_cancelled=is_cancelled)
            _remove(score_output, os.path.splitext(score_output)[0] + ".qml")
            os.replace(hidden_score, score_output)
        finally:
            _remove(hidden_score, hidden_status)
        result.update(breaks=breaks, run_breaks=run_breaks)

    counts = engine.counts
    result["pixels"] = {"scored": counts["scored"], "excluded": counts["candidates"] - counts["scored"],
                        "excluded_by": dict(zip([c.name for c in engine.constraints], engine.excluded_by))}
    return result


class _Shifted:
    """A view of a block whose slots are renumbered: slot ``i`` of the view is ``slots[i]`` of the block.

    Lets the engine address criteria, mask and constraints by their own slot numbers in a pass
    that reads only some of them, or other rasters first.
    """

    def __init__(self, block, slots):
        self._block = block
        self._slots = dict(slots)
        self.arrays = _Remap(block.arrays, self._slots)
        self.xsize, self.ysize, self.xoff, self.yoff = block.xsize, block.ysize, block.xoff, block.yoff

    def valid(self, i):
        return self._block.valid(self._slots[i])

    def core(self, array):
        return self._block.core(array)


class _Remap:
    def __init__(self, arrays, slots):
        self._arrays, self._slots = arrays, slots

    def __getitem__(self, i):
        return self._arrays[self._slots[i]]


# -- presets ----------------------------------------------------------------------------------

def load_preset(path):
    """A validated preset dict (format described in presets/README_priority.md), ``base_dir`` added."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as error:
        raise InputError(N_("Cannot read the preset {path}: {error}"), path=path, error=error) from None
    except ValueError as error:
        raise InputError(N_("The preset {path} is not valid JSON: {error}"), path=path, error=error) from None
    if not isinstance(data, dict) or data.get("format") != PRESET_FORMAT:
        raise InputError(N_("The file {path} is not a priority preset: its \"format\" must be "
                            "\"t2restore.priority_score\"."), path=path)
    if int(data.get("version", 1)) > PRESET_VERSION:
        raise InputError(N_("The preset {path} has format version {version}; this plugin reads version {supported}. "
                            "Update the plugin."), path=path, version=data.get("version"), supported=PRESET_VERSION)
    entries = data.get("criteria")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise InputError(N_("The preset {path} has no \"criteria\" list."), path=path)
    data["base_dir"] = str(Path(path).resolve().parent)
    data["file_name"] = Path(path).name
    weights = data.get("weights")
    if isinstance(weights, dict):
        names = {_plain(e.get("name")) for e in entries}
        unknown = [n for n in weights if _plain(n) not in names]
        if unknown:
            raise InputError(N_("The preset {path} gives a weight to {names}, which is not one of its criteria."),
                             path=path, names=", ".join(unknown))
        lookup_w = {_plain(n): v for n, v in weights.items()}
        for entry in entries:
            entry.setdefault("weight", lookup_w.get(_plain(entry.get("name"))))
    return data


def preset_document(name, criteria, weights, spec, uncertainty=None, constraints=(), mask=None, description=""):
    """A preset dict reproducing a run (absolute paths), for users to save and edit."""
    entries = []
    for c, w in zip(criteria, weights):
        entry = {"name": c.name, "path": os.path.abspath(str(c.source)) if isinstance(c.source, str) else None,
                 "band": c.band}
        entry.update({k: v for k, v in c.describe().items() if k != "name"})
        entry["weight"] = round(float(w), 6)
        entries.append(entry)
    classes = {"method": spec.method}
    if spec.method == "fixed":
        classes["breaks"] = list(spec.breaks)
    else:
        classes["count"] = spec.count
    doc = {"format": PRESET_FORMAT, "version": PRESET_VERSION, "name": name, "provisional": False,
           "description": description, "criteria": entries, "classes": classes,
           "constraints": [{"name": c.name, "path": c.source} for c in constraints]}
    if mask is not None:
        doc["mask"] = {"name": mask.name, "path": mask.source, "values": list(mask.values or [])}
    if uncertainty is not None:
        doc["uncertainty"] = {"enabled": True, "percent": uncertainty.percent, "runs": uncertainty.runs,
                              "seed": uncertainty.seed}
    return doc
