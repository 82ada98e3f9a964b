"""MINAM degradation levels: three indicators through an editable rules table (METHODS.md section 3).

Why a rule engine and not fixed thresholds: MINAM's national map of degraded areas (2019) and its
2023 procedure guide integrate loss of vegetation cover, loss of primary productivity and forest
fragmentation per pixel, but the guide's combination rules are not public in full. Each indicator is
therefore reduced to a small number of *states* (0 = no sign of degradation), and an ordered rules
table maps the combination of states to a level 0 none .. 4 very high. The default table ships as
``presets/minam_provisional.json`` ("MINAM (provisional)"); users replace it with the official one
when they have it, without touching code.

The rule functions (``parse_rules``, ``level_of``) are the reference and are tested row by row
against the preset; the block path uses a 64-entry look-up table built from them and is tested
equal to them.
"""

import csv
import json
import re
from pathlib import Path

import numpy as np

from . import codes as code_check
from . import fragmentation as riitters
from .areas import CellAreas
from .block_threads import Flags, in_block_order, shared
from .blocks import DEFAULT_BLOCK, Grid, InputSlots, RasterOutput, core_arrays, run_blocks
from .errors import N_, InputError
from .tables import AreaAccumulator, lookup
from .values import parse_value_list

PRESETS = Path(__file__).resolve().parents[1] / "presets"
DEFAULT_PRESET = PRESETS / "minam_provisional.json"

NODATA = 255
LEVELS = (0, 1, 2, 3, 4)
INDICATORS = ("cover_loss", "productivity", "fragmentation")
# number of states of each indicator (state 0 = no sign of degradation)
STATE_COUNTS = {"cover_loss": 2, "productivity": 4, "fragmentation": 4}
INDICATOR_LABELS = {"cover_loss": N_("vegetation cover loss"), "productivity": N_("productivity decline"),
                    "fragmentation": N_("fragmentation")}
# LPD codes 0 and 15 are the nodata codes of the JRC / FAO-WOCAT products (METHODS.md 1.2)
LPD_NODATA_CODES = (0, 15)
RIITTERS_CODES = (0, 1, 2, 3, 4, 5, 6)
MAX_REPORTED_VALUES = 20


class RuleError(InputError):
    """A rules-table error whose ``indicator`` parameter is itself a translatable word."""

    translated_params = ("indicator",)


# -- value lists ---------------------------------------------------------------------------------


def parse_values(text, name):
    """'1,2,4' or '11-15, 21' or '-1' -> sorted tuple of ints (``values.parse_value_list``, shared by every
    value-list parameter so that all of them accept the same ranges)."""
    return parse_value_list(text, name)


def _format_values(values):
    values = sorted(values)
    text = ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values[:MAX_REPORTED_VALUES])
    return text + (" ..." if len(values) > MAX_REPORTED_VALUES else "")


# -- presets and rules ---------------------------------------------------------------------------

def load_preset(path=None):
    """The preset as a dict (default: MINAM (provisional)); InputError when unreadable."""
    path = Path(path or DEFAULT_PRESET)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except OSError as error:
        raise InputError(N_("Cannot read the rules file {path}: {error}"), path=str(path), error=error) from None
    except ValueError as error:
        raise InputError(N_("The rules file {path} is not valid JSON: {error}"), path=str(path),
                         error=error) from None
    if not isinstance(data, dict) or "rules" not in data:
        raise InputError(N_("The rules file {path} has no 'rules' list (see presets/minam_provisional.json for "
                            "the format)."), path=str(path))
    return data


def _state_set(cell, indicator, row):
    """A rule cell -> frozenset of states, or None for any state."""
    count = STATE_COUNTS[indicator]
    if cell is None or (isinstance(cell, str) and cell.strip() in ("*", "", "any")):
        return None
    items = cell if isinstance(cell, (list, tuple)) else re.split(r"[;| ]+", str(cell).strip())
    states = set()
    for item in items:
        try:
            number = float(item)
        except (TypeError, ValueError):
            raise RuleError(N_("Rule {row}: the {indicator} condition '{value}' is not a state number, a list "
                               "of states separated by ';' or *."), row=row, indicator=INDICATOR_LABELS[indicator],
                            value=cell) from None
        if not number.is_integer() or not 0 <= number < count:
            raise RuleError(N_("Rule {row}: {indicator} has no state {value}; its states are 0 to {last}."),
                            row=row, indicator=INDICATOR_LABELS[indicator], value=f"{number:g}", last=count - 1)
        states.add(int(number))
    return frozenset(states)


def parse_rules(rows):
    """Rules as dicts (preset format) or 4-item rows -> [(conditions, level)]; checked complete.

    Every combination of states must be matched by some rule, so that no pixel is left without a
    level silently; the first combination without a rule is named.
    """
    rules = []
    for n, row in enumerate(rows, start=1):
        if isinstance(row, dict):
            cells = [row.get(name, "*") for name in INDICATORS]
            level = row.get("level")
        else:
            row = list(row)
            if len(row) != 4:
                raise InputError(N_("Rule {row} must have 4 cells (cover loss, productivity, fragmentation, "
                                    "level); it has {n}."), row=n, n=len(row))
            cells, level = row[:3], row[3]
        conditions = tuple(_state_set(cell, name, n) for cell, name in zip(cells, INDICATORS))
        try:
            level_number = float(level)
        except (TypeError, ValueError):
            level_number = None
        if level_number is None or not level_number.is_integer() or int(level_number) not in LEVELS:
            raise InputError(N_("Rule {row}: the level must be 0 (none) to 4 (very high); it is '{value}'."),
                             row=n, value=level)
        rules.append((conditions, int(level_number)))
    if not rules:
        raise InputError(N_("The rules table is empty."))
    for combo in np.ndindex(*(STATE_COUNTS[name] for name in INDICATORS)):
        if level_of(*combo, rules=rules) is None:
            raise InputError(N_("No rule gives a level to cover loss {loss}, productivity {productivity}, "
                                "fragmentation {fragmentation}. Add a rule (use * for any state)."),
                             loss=combo[0], productivity=combo[1], fragmentation=combo[2])
    return rules


def rules_from_matrix(values):
    """The flat cell list of a Processing matrix parameter -> rows of 4 cells."""
    values = ["" if v is None else v for v in values]
    while values and all(str(v).strip() == "" for v in values[-4:]) and len(values) % 4 == 0:
        values = values[:-4]
    if len(values) % 4:
        raise InputError(N_("The rules table needs 4 cells per row (cover loss, productivity, fragmentation, "
                            "level); it has {n} cells."), n=len(values))
    return [values[i:i + 4] for i in range(0, len(values), 4)]


def rules_matrix_values(rules_rows):
    """Preset rules (dicts) -> the flat list a Processing matrix parameter shows."""
    flat = []
    for row in rules_rows:
        for name in INDICATORS:
            cell = row.get(name, "*")
            flat.append(";".join(str(v) for v in cell) if isinstance(cell, list) else str(cell))
        flat.append(str(row["level"]))
    return flat


def read_rules_file(path):
    """A JSON preset or a CSV with columns cover_loss, productivity, fragmentation, level.

    Returns (rules rows, preset dict or None). JSON presets may also change the LPD and Riitters
    state mappings and the natural vegetation classes.
    """
    if str(path).lower().endswith(".json"):
        preset = load_preset(path)
        return preset["rules"], preset
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as error:
        raise InputError(N_("Cannot read the rules file {path}: {error}"), path=str(path), error=error) from None
    needed = set(INDICATORS) | {"level"}
    if not rows or not needed <= set(rows[0]):
        raise InputError(N_("The rules file {path} needs the columns cover_loss, productivity, fragmentation "
                            "and level."), path=str(path))
    return [{key: row[key] for key in needed} for row in rows], None


def level_of(cover_loss, productivity, fragmentation, rules):
    """The level of one combination of states: the first matching rule's, or None."""
    states = (cover_loss, productivity, fragmentation)
    for conditions, level in rules:
        if all(cond is None or state in cond for cond, state in zip(conditions, states)):
            return level
    return None


def rules_table(rules):
    """64-entry look-up table: (cover_loss << 4 | productivity << 2 | fragmentation) -> level."""
    table = np.full(64, NODATA, dtype=np.uint8)
    for combo in np.ndindex(*(STATE_COUNTS[name] for name in INDICATORS)):
        table[(combo[0] << 4) | (combo[1] << 2) | combo[2]] = level_of(*combo, rules=rules)
    return table


def state_mapping(mapping, name, count):
    """{"1": 3, ...} from a preset -> {1: 3}; states checked against the indicator's range."""
    out = {}
    for key, value in (mapping or {}).items():
        try:
            k, v = int(key), int(value)
        except (TypeError, ValueError):
            raise InputError(N_("The {name} mapping has a row that is not two whole numbers: {key} -> {value}."),
                             name=name, key=key, value=value) from None
        if not 0 <= v < count:
            raise InputError(N_("The {name} mapping sends code {key} to state {value}; states are 0 to {last}."),
                             name=name, key=k, value=v, last=count - 1)
        out[k] = v
    if not out:
        raise InputError(N_("The {name} mapping is empty."), name=name)
    return out


def _require_codes(mapping, codes, name):
    missing = [c for c in codes if c not in mapping]
    if missing:
        raise InputError(N_("The {name} mapping has no state for the codes {values}."), name=name,
                         values=_format_values(missing))


def preset_mappings(preset):
    """(LPD -> productivity state, Riitters class -> fragmentation state, natural classes) of a preset."""
    indicators = preset.get("indicators", {})
    lpd = state_mapping(indicators.get("productivity", {}).get("from_lpd"), "from_lpd",
                        STATE_COUNTS["productivity"])
    riitters = state_mapping(indicators.get("fragmentation", {}).get("from_riitters"), "from_riitters",
                             STATE_COUNTS["fragmentation"])
    natural = parse_values(preset.get("natural_vegetation_classes", []), "natural_vegetation_classes")
    return lpd, riitters, natural


# -- indicator rules on arrays (reference functions) ---------------------------------------------

def cover_loss_state(baseline, target, natural, valid=None):
    """1 where a natural vegetation class in the baseline is not natural in the target, else 0."""
    nat = {int(c): 1 for c in natural}
    base = lookup(np.asarray(baseline), nat, 0, np.uint8, want_known=False)[0]
    targ = lookup(np.asarray(target), nat, 0, np.uint8, want_known=False)[0]
    out = base & (1 - targ)
    if valid is not None:
        out[~valid] = NODATA
    return out


def productivity_state(lpd, mapping, valid=None):
    """LPD code -> productivity state through ``mapping``; codes outside it (0, 15 ...) -> nodata."""
    out = lookup(np.asarray(lpd), mapping, NODATA, np.uint8, want_known=False)[0]
    if valid is not None:
        out[~valid] = NODATA
    return out


def riitters_classes(forest, valid, window):
    """Riitters classes (METHODS.md 2) of the core of halo-padded boolean forest / valid arrays.

    Delegates to ``algorithms.fragmentation`` (imported as ``riitters``): the same counts and
    exact-fraction comparisons as t2restore:forest_fragmentation, so a derived fragmentation
    indicator equals that algorithm's output; 255 where the centre pixel has no data.
    """
    k = (window - 1) // 2
    forest = np.asarray(forest, bool)
    valid = np.asarray(valid, bool)
    counts = riitters.window_counts(forest & valid, valid, window)
    core = (slice(k, forest.shape[0] - k), slice(k, forest.shape[1] - k))
    classes = riitters.classify(forest[core] & valid[core], *counts)
    classes[~valid[core]] = NODATA
    return classes


# -- the block run -------------------------------------------------------------------------------

def _unknown_collectors(policy, legend):
    """One ``codes.UnknownCodes`` per coded input: values outside its legend are refused or left out."""
    def make(name, template, **params):
        return code_check.UnknownCodes(name, template, policy, **params)

    return {
        "lc": make("LC_BASELINE / LC_TARGET", N_(
            "The land cover rasters {name} hold codes outside the land cover legend LC_CLASSES ({legend}); codes "
            "(pixels): {values}. Add them to LC_CLASSES (and to NATURAL_CLASSES if they are natural vegetation), "
            "or set UNKNOWN_CODES to nodata to leave those pixels out."), legend=_format_values(legend)),
        "loss": make("COVER_LOSS", N_(
            "The cover loss raster {name} holds values other than 0 (no loss) and 1 (loss); values (pixels): "
            "{values}. Fix the raster or its nodata value, or set UNKNOWN_CODES to nodata to leave those pixels "
            "out.")),
        "lpd": make("PRODUCTIVITY", N_(
            "The productivity raster {name} holds codes that are not land productivity dynamics classes (1 to 5; "
            "0 and 15 are no data); codes (pixels): {values}. Fix the raster or its nodata value, or set "
            "UNKNOWN_CODES to nodata to leave those pixels out.")),
        "frag": make("FRAGMENTATION", N_(
            "The fragmentation raster {name} holds codes that are not Riitters classes (0 to 6); codes (pixels): "
            "{values}. Fix the raster or its nodata value, or set UNKNOWN_CODES to nodata to leave those pixels "
            "out.")),
    }


def land_cover_legend(legend, natural):
    """The land cover legend (default: the preset's classes) checked to hold every natural class."""
    legend = parse_values(load_preset().get("land_cover_classes", "1-7") if legend is None else legend,
                          "LC_CLASSES")
    outside = sorted(set(natural) - set(legend))
    if outside:
        raise InputError(N_("The natural vegetation classes {values} are not in the land cover legend LC_CLASSES "
                            "({legend}). Set LC_CLASSES to every class of your land cover maps."),
                         values=_format_values(outside), legend=_format_values(legend))
    return legend


def _mappings(rules, lpd_states, riitters_states, natural_classes):
    """(parsed rules, LPD -> state, Riitters class -> state, natural classes), preset defaults filled in."""
    preset = load_preset()
    default_lpd, default_riitters, default_natural = preset_mappings(preset)
    rules = parse_rules(preset["rules"] if rules is None else rules)
    lpd_states = default_lpd if lpd_states is None else state_mapping(lpd_states, "from_lpd",
                                                                      STATE_COUNTS["productivity"])
    riitters_states = default_riitters if riitters_states is None else state_mapping(
        riitters_states, "from_riitters", STATE_COUNTS["fragmentation"])
    _require_codes(lpd_states, (1, 2, 3, 4, 5), "from_lpd")
    _require_codes(riitters_states, RIITTERS_CODES, "from_riitters")
    natural = default_natural if natural_classes is None else parse_values(natural_classes, "NATURAL_CLASSES")
    return rules, lpd_states, riitters_states, natural


def _indicators_used(sources):
    """{indicator: used} from the raster sources given (keys as the parameters), refusing bad combinations."""
    derive_loss = sources["lcb"] is not None or sources["lct"] is not None
    if derive_loss and (sources["lcb"] is None or sources["lct"] is None):
        raise InputError(N_("Cover loss from land cover needs both LC_BASELINE and LC_TARGET."))
    if derive_loss and sources["loss"] is not None:
        raise InputError(N_("Give either the two land cover maps (LC_BASELINE, LC_TARGET) or a COVER_LOSS raster, "
                            "not both."))
    if sources["forest"] is not None and sources["frag"] is not None:
        raise InputError(N_("Give either a FOREST_MASK (fragmentation is then derived) or a FRAGMENTATION class "
                            "raster, not both."))
    use = {"cover_loss": derive_loss or sources["loss"] is not None, "productivity": sources["lpd"] is not None,
           "fragmentation": sources["forest"] is not None or sources["frag"] is not None}
    if not any(use.values()):
        raise InputError(N_("At least one indicator is needed: vegetation cover loss, productivity or "
                            "fragmentation."))
    return use


_INPUT_NAMES = (("lcb", "LC_BASELINE"), ("lct", "LC_TARGET"), ("loss", "COVER_LOSS"), ("lpd", "PRODUCTIVITY"),
                ("forest", "FOREST_MASK"), ("frag", "FRAGMENTATION"), ("zones", "ECOSYSTEMS"))


def _open_inputs(sources):
    """InputSlots of the sources given, in a fixed order; decimal zones refused."""
    opened = InputSlots()
    for key, name in _INPUT_NAMES:
        if sources[key] is not None:
            opened.add(key, sources[key], name)
    if "zones" in opened.slots and opened.inputs[opened.slots["zones"]].dtype().kind not in "iu":
        raise InputError(N_("The zones raster {name} holds decimal values; zones must be whole numbers "
                            "(e.g. ecosystem codes)."), name="ECOSYSTEMS")
    return opened


def mark_seen(flags, valid):
    """Mark in ``flags`` (a ``block_threads.Flags``) the inputs with a valid pixel in this block, in block order.

    Through ``in_block_order`` so that the marks reach the engine's copy of the flags also when the block
    is computed on a Dask worker (a flag set here would be set on the worker's copy and lost)."""
    for key, seen in flags.items():
        if not seen and valid[key].any():
            in_block_order(flags.mark, key)


class FoundCodes(set):
    """Codes found where they should not be, added in block order (also from a Dask worker: ``shared``)."""

    def __init__(self, codes=()):  # codes: how pickle rebuilds a set
        super().__init__(codes)
        shared(self)

    def add_codes(self, codes):
        if len(self) <= MAX_REPORTED_VALUES:  # which codes are listed must not depend on the thread count
            self.update(codes)


class _Levels:
    """The block function of ``minam_degradation`` (indicator states -> level) and what it accumulates."""

    def __init__(self, opened, rules, natural, legend, lpd_states, riitters_states, forest_values, window,
                 unknown, with_indicators):
        self.opened, self.slots = opened, opened.slots
        self.table = rules_table(rules)
        self.natural, self.legend_map = natural, dict.fromkeys(legend, 1)
        self.lpd_map, self.riitters_states = dict(lpd_states), riitters_states
        self.forest_values, self.forest_map = forest_values, {int(v): 1 for v in forest_values}
        self.window, self.unknown, self.with_indicators = window, unknown, with_indicators
        self.seen_data = Flags(key for key in self.slots if key != "zones")
        self.forest_seen, self.cells = Flags(("forest",)), None
        self.areas = AreaAccumulator()

    def _mapped(self, key, array, valid, mapping, ignore=()):
        out, known = lookup(array, mapping, NODATA, np.uint8)
        bad = valid & ~known
        for code in ignore:
            bad &= array != code
        self.unknown[key].collect(array, bad)
        out[~valid] = NODATA
        return out

    def _cover_loss(self, core, core_valid):
        valid = core_valid["lcb"] & core_valid["lct"]
        for key in ("lcb", "lct"):
            known = lookup(core[key], self.legend_map, 0, np.uint8)[1]
            self.unknown["lc"].collect(core[key], core_valid[key] & ~known)
            valid &= known
        return cover_loss_state(core["lcb"], core["lct"], self.natural, valid)

    def _derived_fragmentation(self, block):
        i = self.slots["forest"]
        valid = block.valid(i)
        forest = lookup(block.arrays[i], self.forest_map, 0, np.uint8, want_known=False)[0].view(bool) & valid
        if not self.forest_seen["forest"] and block.core(forest).any():
            in_block_order(self.forest_seen.mark, "forest")
        classes = riitters_classes(forest, valid, self.window)
        return lookup(classes, self.riitters_states, NODATA, np.uint8, want_known=False)[0]

    def states(self, block):
        """{indicator: state array (NODATA where unknown)} of the indicators used, core window."""
        core, core_valid = core_arrays(block, self.slots, {})
        mark_seen(self.seen_data, core_valid)
        states = {}
        if "lcb" in self.slots:
            states["cover_loss"] = self._cover_loss(core, core_valid)
        elif "loss" in self.slots:
            states["cover_loss"] = self._mapped("loss", core["loss"], core_valid["loss"], {0: 0, 1: 1})
        if "lpd" in self.slots:
            states["productivity"] = self._mapped("lpd", core["lpd"], core_valid["lpd"], self.lpd_map,
                                                  LPD_NODATA_CODES)
        if "forest" in self.slots:
            states["fragmentation"] = self._derived_fragmentation(block)
        elif "frag" in self.slots:
            states["fragmentation"] = self._mapped("frag", core["frag"], core_valid["frag"], self.riitters_states)
        zone = None
        if "zones" in self.slots:
            zone = np.where(core_valid["zones"], core["zones"], 0).astype(np.int64)
            zone[zone < 0] = 0
        return states, zone

    def __call__(self, block):
        states, zone = self.states(block)
        shape = (block.ysize, block.xsize)
        idx = np.zeros(shape, np.uint8)
        missing = np.zeros(shape, bool)
        for shift, name in zip((4, 2, 0), INDICATORS):
            if name in states:
                missing |= states[name] == NODATA
                idx |= (states[name] & 3) << shift
        level = self.table[idx]
        level[missing] = NODATA
        if self.cells is None:
            self.cells = CellAreas(Grid.of(self.opened.inputs[0].open()))
        codes = np.where(missing, np.uint8(len(LEVELS)), level)
        self.areas.add_cell_codes(codes, len(LEVELS) + 1, self.cells, block, zone, LEVELS + (None,))
        if not self.with_indicators:
            return level
        stack = np.full((3,) + shape, NODATA, np.uint8)
        for band, name in enumerate(INDICATORS):
            if name in states:
                stack[band] = states[name]
        return [level, stack]

    def before_commit(self):
        for item in self.unknown.values():
            item.check()
        self.opened.require_data(self.seen_data)
        if "forest" in self.slots and not self.forest_seen["forest"]:
            raise InputError(N_("The forest mask {name} has no forest pixel (no value in {values}), so fragmentation "
                                "cannot be derived. Check FOREST_VALUES or leave the forest mask out."),
                             name="FOREST_MASK", values=_format_values(self.forest_values))
        self.areas.require_overlap()


def minam_degradation(output, lc_baseline=None, lc_target=None, natural_classes=None, cover_loss=None,
                      productivity=None, forest_mask=None, forest_values=(1,), window=3, fragmentation=None,
                      zones=None, rules=None, lpd_states=None, riitters_states=None, indicators_output=None,
                      block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None, land_cover_classes=None,
                      unknown_codes=code_check.REFUSE):
    """Classify MINAM degradation levels block by block; return what was used and the area table.

    Cover loss comes from ``lc_baseline``/``lc_target`` with ``natural_classes`` or from a 0/1
    ``cover_loss`` raster; productivity from an LPD raster; fragmentation from ``forest_mask``
    (``forest_values``, ``window``) or from a Riitters class raster. ``zones`` is an integer raster
    on the same grid (positive ids; 0 and nodata are outside every zone). ``rules`` defaults to the
    MINAM (provisional) preset. ``land_cover_classes`` is the legend of the land cover maps (default:
    the preset's, the 7 UNCCD classes); codes outside it, LPD codes other than 1..5 (0 and 15 are
    no data) and other unknown codes are refused with their pixel counts, or become no data when
    ``unknown_codes`` is 'nodata'. Returns ``used``, ``areas`` (AreaAccumulator over (zone, level)),
    ``valid_pixels``, ``rules`` (parsed) and ``unknown`` ([(input, pixels, codes)] left out as no data).
    """
    rules, lpd_states, riitters_states, natural = _mappings(rules, lpd_states, riitters_states, natural_classes)
    sources = {"lcb": lc_baseline, "lct": lc_target, "loss": cover_loss, "lpd": productivity, "forest": forest_mask,
               "frag": fragmentation, "zones": zones}
    use = _indicators_used(sources)
    legend = land_cover_legend(land_cover_classes, natural) if sources["lcb"] is not None else ()
    window = riitters.validate_window(window) if forest_mask is not None else 3
    forest_values = riitters.parse_forest_values(forest_values)
    opened = _open_inputs(sources)
    levels = _Levels(opened, rules, natural, legend, lpd_states, riitters_states, forest_values, window,
                     _unknown_collectors(unknown_codes, legend), bool(indicators_output))
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("MINAM degradation level",))]
    if indicators_output:
        outputs.append(RasterOutput(indicators_output, np.uint8, NODATA, bands=3,
                                    band_names=("vegetation cover loss", "productivity decline", "fragmentation")))
    halo = (window - 1) // 2 if forest_mask is not None else 0
    run_blocks(opened.inputs, levels, outputs, block_size=block_size, halo=halo, progress=progress,
               is_cancelled=is_cancelled, before_commit=levels.before_commit, parallel=True)
    areas = levels.areas
    valid_pixels = sum(px for (_z, cls), px in areas.pixels.items() if cls is not None)
    return {"used": [name for name in INDICATORS if use[name]], "areas": areas, "valid_pixels": valid_pixels,
            "rules": rules, "unknown": [item.report() for item in levels.unknown.values() if item.report()]}
