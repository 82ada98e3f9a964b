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

from . import fragmentation as riitters
from .areas import CellAreas
from .blocks import DEFAULT_BLOCK, Grid, InputSlots, RasterOutput, core_arrays, run_blocks
from .errors import N_, InputError
from .tables import AreaAccumulator, lookup

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

_ITEM = re.compile(r"^\s*(-?\d+)\s*(?:(?:\.\.|:|-)\s*(-?\d+))?\s*$")


def parse_values(text, name):
    """'1,2,4' or '11-15, 21' or '-1' -> sorted tuple of ints; InputError naming the bad item.

    Why a text list: class sets (natural vegetation, forest, degraded values) are typed by users in a
    single line edit; ranges save typing national legends such as 11-15.
    """
    if isinstance(text, (list, tuple, set)):
        text = ",".join(str(v) for v in text)
    values = set()
    for item in str(text or "").replace(";", ",").split(","):
        if not item.strip():
            continue
        match = _ITEM.match(item)
        if not match:
            raise InputError(N_("The list {name} has an item that is neither a whole number nor a range such as "
                                "11-15: '{item}'."), name=name, item=item.strip())
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else low
        if high < low or high - low > 100000:
            raise InputError(N_("The list {name} has a range that runs backwards or is too long: '{item}'."),
                             name=name, item=item.strip())
        values.update(range(low, high + 1))
    if not values:
        raise InputError(N_("The list {name} is empty; give at least one value."), name=name)
    return tuple(sorted(values))


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

class _Unknown:
    """Values found in an input but missing from its mapping, kept to name them all at the end."""

    def __init__(self, name, template):
        self.name = name
        self.template = template
        self.values = set()

    def collect(self, array, unknown):
        if unknown.any() and len(self.values) <= MAX_REPORTED_VALUES:
            self.values.update(np.unique(array[unknown]).tolist())

    def check(self):
        if self.values:
            raise InputError(self.template, name=self.name, values=_format_values(self.values))


def minam_degradation(output, lc_baseline=None, lc_target=None, natural_classes=None, cover_loss=None,
                      productivity=None, forest_mask=None, forest_values=(1,), window=3, fragmentation=None,
                      zones=None, rules=None, lpd_states=None, riitters_states=None, indicators_output=None,
                      block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None):
    """Classify MINAM degradation levels block by block; return what was used and the area table.

    Cover loss comes from ``lc_baseline``/``lc_target`` with ``natural_classes`` or from a 0/1
    ``cover_loss`` raster; productivity from an LPD raster; fragmentation from ``forest_mask``
    (``forest_values``, ``window``) or from a Riitters class raster. ``zones`` is an integer raster
    on the same grid (positive ids; 0 and nodata are outside every zone). ``rules`` defaults to the
    MINAM (provisional) preset. Returns ``used``, ``areas`` (AreaAccumulator over (zone, level)),
    ``valid_pixels`` and ``rules`` (parsed).
    """
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

    derive_loss = lc_baseline is not None or lc_target is not None
    if derive_loss and (lc_baseline is None or lc_target is None):
        raise InputError(N_("Cover loss from land cover needs both LC_BASELINE and LC_TARGET."))
    if derive_loss and cover_loss is not None:
        raise InputError(N_("Give either the two land cover maps (LC_BASELINE, LC_TARGET) or a COVER_LOSS raster, "
                            "not both."))
    if forest_mask is not None and fragmentation is not None:
        raise InputError(N_("Give either a FOREST_MASK (fragmentation is then derived) or a FRAGMENTATION class "
                            "raster, not both."))
    use = {"cover_loss": derive_loss or cover_loss is not None, "productivity": productivity is not None,
           "fragmentation": forest_mask is not None or fragmentation is not None}
    if not any(use.values()):
        raise InputError(N_("At least one indicator is needed: vegetation cover loss, productivity or "
                            "fragmentation."))
    window = riitters.validate_window(window) if forest_mask is not None else 3
    forest_values = riitters.parse_forest_values(forest_values)
    halo = (window - 1) // 2 if forest_mask is not None else 0
    table = rules_table(rules)

    opened = InputSlots()
    inputs, slots, add = opened.inputs, opened.slots, opened.add
    if derive_loss:
        add("lcb", lc_baseline, "LC_BASELINE")
        add("lct", lc_target, "LC_TARGET")
    elif cover_loss is not None:
        add("loss", cover_loss, "COVER_LOSS")
    if productivity is not None:
        add("lpd", productivity, "PRODUCTIVITY")
    if forest_mask is not None:
        add("forest", forest_mask, "FOREST_MASK")
    elif fragmentation is not None:
        add("frag", fragmentation, "FRAGMENTATION")
    if zones is not None:
        add("zones", zones, "ECOSYSTEMS")
        if inputs[slots["zones"]].dtype().kind not in "iu":
            raise InputError(N_("The zones raster {name} holds decimal values; zones must be whole numbers "
                                "(e.g. ecosystem codes)."), name="ECOSYSTEMS")

    unknown = {
        "loss": _Unknown("COVER_LOSS", N_("The cover loss raster {name} holds values other than 0 (no loss) and "
                                          "1 (loss): {values}.")),
        "lpd": _Unknown("PRODUCTIVITY", N_("The productivity raster {name} holds codes that are not land "
                                           "productivity dynamics classes (1 to 5): {values}.")),
        "frag": _Unknown("FRAGMENTATION", N_("The fragmentation raster {name} holds codes that are not Riitters "
                                             "classes (0 to 6): {values}.")),
    }
    loss_map = {0: 0, 1: 1}
    lpd_map = dict(lpd_states)
    seen_data = dict.fromkeys((key for key in slots if key != "zones"), False)
    state = {"forest": False, "cells": None}
    areas = AreaAccumulator()
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("MINAM degradation level",))]
    if indicators_output:
        outputs.append(RasterOutput(indicators_output, np.uint8, NODATA, bands=3,
                                    band_names=("vegetation cover loss", "productivity decline", "fragmentation")))
    forest_map = {int(v): 1 for v in forest_values}

    def mapped(key, array, valid, mapping, ignore=()):
        out, known = lookup(array, mapping, NODATA, np.uint8)
        bad = valid & ~known
        for code in ignore:
            bad &= array != code
        if key in unknown:
            unknown[key].collect(array, bad)
        out[~valid] = NODATA
        return out

    def block_func(block):
        core, core_valid = core_arrays(block, slots, seen_data)
        shape = (block.ysize, block.xsize)
        states = {}
        if derive_loss:
            states["cover_loss"] = cover_loss_state(core["lcb"], core["lct"], natural,
                                                    core_valid["lcb"] & core_valid["lct"])
        elif "loss" in slots:
            states["cover_loss"] = mapped("loss", core["loss"], core_valid["loss"], loss_map)
        if "lpd" in slots:
            states["productivity"] = mapped("lpd", core["lpd"], core_valid["lpd"], lpd_map, LPD_NODATA_CODES)
        if "forest" in slots:
            valid = block.valid(slots["forest"])
            forest = lookup(block.arrays[slots["forest"]], forest_map, 0, np.uint8, want_known=False)[0] \
                .view(bool) & valid
            if not state["forest"]:
                state["forest"] = bool(block.core(forest).any())
            classes = riitters_classes(forest, valid, window)
            states["fragmentation"] = lookup(classes, riitters_states, NODATA, np.uint8, want_known=False)[0]
        elif "frag" in slots:
            states["fragmentation"] = mapped("frag", core["frag"], core_valid["frag"], riitters_states)
        idx = np.zeros(shape, np.uint8)
        missing = np.zeros(shape, bool)
        for shift, name in zip((4, 2, 0), INDICATORS):
            if name in states:
                s = states[name]
                missing |= s == NODATA
                idx |= (s & 3) << shift
        level = table[idx]
        level[missing] = NODATA
        if state["cells"] is None:
            state["cells"] = CellAreas(Grid.of(inputs[0].open()))
        cell = state["cells"].block(block.xoff, block.yoff, block.xsize, block.ysize)
        codes = np.where(missing, np.uint8(len(LEVELS)), level)
        zone = None
        if "zones" in slots:
            zone = np.where(core_valid["zones"], core["zones"], 0).astype(np.int64)
            zone[zone < 0] = 0
        areas.add_codes(codes, len(LEVELS) + 1, cell, zone, LEVELS + (None,))
        if indicators_output:
            stack = np.full((3,) + shape, NODATA, np.uint8)
            for band, name in enumerate(INDICATORS):
                if name in states:
                    stack[band] = states[name]
            return [level, stack]
        return level

    def before_commit():
        for item in unknown.values():
            item.check()
        opened.require_data(seen_data)
        if "forest" in slots and not state["forest"]:
            raise InputError(N_("The forest mask {name} has no forest pixel (no value in {values}), so fragmentation "
                                "cannot be derived. Check FOREST_VALUES or leave the forest mask out."),
                             name="FOREST_MASK", values=_format_values(forest_values))
        if not any(cls is not None for (_zone, cls) in areas.hectares):
            raise InputError(N_("There is no pixel where all the inputs have data: the inputs' valid areas "
                                "do not overlap. Check that they cover the same region."))

    run_blocks(inputs, block_func, outputs, block_size=block_size, halo=halo, progress=progress,
               is_cancelled=is_cancelled, before_commit=before_commit)
    valid_pixels = sum(px for (_z, cls), px in areas.pixels.items() if cls is not None)
    return {"used": [name for name in INDICATORS if use[name]], "areas": areas, "valid_pixels": valid_pixels,
            "rules": rules}
