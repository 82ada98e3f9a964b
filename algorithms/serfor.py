"""SERFOR / MIDAGRI ROAM criteria and degraded forest lands (METHODS.md section 4).

SERFOR's national restoration gap and its 2018 ROAM exercise used land-use conflict (current land
cover against the land use capability, "Capacidad de Uso Mayor", CUM), slope, distance to
conservation areas and density of recent deforestation; the matrices, weights and breaks are not
public. Every table here therefore comes from an editable preset (``presets/serfor_provisional.json``
and ``presets/cum_classes.json``), never from constants in the code.

Criteria are computed block by block with one halo: 1 pixel for the slope's 3 x 3 window and the
search radius (in pixels) for the deforestation density, so results never depend on the block
size. Distances are the one global operation: GDAL's proximity (streaming, bounded memory) on a
rasterized mask, computed before the block pass on the raster grown by the largest distance that
matters (``max_distance``, from the preset), never farther (``serfor_grid.py``, which also holds the
pixel sizes in metres and the burning of loss points).
"""

import json
import math
from pathlib import Path

import numpy as np

from .areas import CellAreas
from .block_threads import Flags
from .blocks import (
    Grid,
    InputSlots,
    RasterOutput,
    check_aligned,
    core_arrays,
    in_block_order,
    open_raster,
    run_blocks,
)
from .errors import N_, InputError
from .minam import MAX_REPORTED_VALUES, FoundCodes, _format_values, mark_seen
from .serfor_grid import PixelMetres as PixelMetres
from .serfor_grid import check_crs_plausible as check_crs_plausible
from .serfor_grid import conservation_distance as conservation_distance
from .serfor_grid import fast_float_options as fast_float_options
from .serfor_grid import latest_loss_year
from .serfor_grid import metres_per_degree as metres_per_degree
from .serfor_grid import rasterize_points as rasterize_points
from .tables import AreaAccumulator, lookup

PRESETS = Path(__file__).resolve().parents[1] / "presets"
DEFAULT_PRESET = PRESETS / "serfor_provisional.json"
CUM_PRESET = PRESETS / "cum_classes.json"

GROUPS = ("A", "C", "P", "F", "X")
NOT_EVALUATED, OVERUSE, PROPER_USE, UNDERUSE = 0, 1, 2, 3
CONFLICT_CODES = (NOT_EVALUATED, OVERUSE, PROPER_USE, UNDERUSE)
NOT_DEGRADED, REASON_OVERUSE, REASON_LOSS, REASON_BOTH = 0, 1, 2, 3
REASONS = (NOT_DEGRADED, REASON_OVERUSE, REASON_LOSS, REASON_BOTH)
NODATA = 255
CRITERIA_NODATA = -9999.0
CRITERIA_BANDS = ("land_use_conflict", "slope_degrees", "slope_percent", "distance_to_conservation_m",
                  "deforestation_density_ha_per_km2")
MAX_HALO = 1000
# Blocks of one output tile: the slope and density temporaries (float64, halo-padded) of 1024 x 1024
# blocks took the peak above 500 MB; 512 x 512 keeps it near 350 MB and is no slower.
SERFOR_BLOCK = 512
LOSS_PERIODS = ("all", "recent")


# -- presets -------------------------------------------------------------------------------------

def _load_json(path):
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except OSError as error:
        raise InputError(N_("Cannot read the preset {path}: {error}"), path=str(path), error=error) from None
    except ValueError as error:
        raise InputError(N_("The preset {path} is not valid JSON: {error}"), path=str(path), error=error) from None


def load_preset(path=None):
    """The SERFOR (provisional) preset, or another file in its format."""
    return _load_json(path or DEFAULT_PRESET)


def load_cum_classes(path=None):
    """{raster code: CUM group letter} of presets/cum_classes.json (or a file in its format)."""
    data = _load_json(path or CUM_PRESET)
    return validate_capability_codes({item["code"]: item["group"] for item in data.get("classes", [])})


def cum_labels(path=None):
    """{group letter: (Spanish label, English label)} of the CUM preset."""
    data = _load_json(path or CUM_PRESET)
    return {item["group"]: (item.get("label_es", item["group"]), item.get("label_en", item["group"]))
            for item in data.get("classes", [])}


def validate_capability_codes(mapping):
    """{code: 'A'|'C'|'P'|'F'|'X'}; InputError naming the offending row."""
    out = {}
    for key, group in mapping.items():
        try:
            code = int(float(key))
        except (TypeError, ValueError):
            raise InputError(N_("The capability table has a raster code that is not a whole number: '{key}'."),
                             key=key) from None
        letter = str(group).strip().upper()
        if letter not in GROUPS:
            raise InputError(N_("The capability table maps code {key} to '{group}'; CUM groups are A, C, P, F and X."),
                             key=code, group=group)
        out[code] = letter
    if not out:
        raise InputError(N_("The capability table is empty."))
    return out


def validate_conflict_matrix(matrix):
    """{land cover code: {group: conflict code 0..3}} with all five groups per row."""
    out = {}
    for key, row in matrix.items():
        try:
            code = int(float(key))
        except (TypeError, ValueError):
            raise InputError(N_("The land-use conflict matrix has a land cover class that is not a whole number: "
                                "'{key}'."), key=key) from None
        values = {}
        for group in GROUPS:
            value = row.get(group) if isinstance(row, dict) else None
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = None
            if number is None or not number.is_integer() or int(number) not in CONFLICT_CODES:
                raise InputError(N_("The land-use conflict matrix, class {key}, group {group}: the value must be 0 "
                                    "(not evaluated), 1 (overuse), 2 (proper use) or 3 (underuse); it is '{value}'."),
                                 key=code, group=group, value=value)
            values[group] = int(number)
        out[code] = values
    if not out:
        raise InputError(N_("The land-use conflict matrix is empty."))
    return out


def conflict_matrix_from_cells(values):
    """Flat Processing matrix cells (class, A, C, P, F, X per row) -> validated matrix."""
    values = list(values)
    while len(values) >= 6 and len(values) % 6 == 0 and all(str(v).strip() in ("", "None") for v in values[-6:]):
        values = values[:-6]
    if len(values) % 6:
        raise InputError(N_("The land-use conflict matrix needs 6 cells per row (land cover class, A, C, P, F, X); "
                            "it has {n} cells."), n=len(values))
    rows = {}
    for i in range(0, len(values), 6):
        rows[values[i]] = dict(zip(GROUPS, values[i + 1:i + 6]))
    return validate_conflict_matrix(rows)


def conflict_matrix_cells(matrix):
    """Matrix -> flat list for a Processing matrix parameter's default."""
    cells = []
    for key in sorted(matrix, key=lambda k: int(k)):
        cells.append(str(int(key)))
        cells.extend(str(matrix[key][g]) for g in GROUPS)
    return cells


def capability_code_cells(mapping):
    cells = []
    for code in sorted(mapping):
        cells += [str(code), mapping[code]]
    return cells


def capability_codes_from_cells(values):
    values = [v for v in values if str(v).strip() not in ("", "None")]
    if len(values) % 2:
        raise InputError(N_("The capability table needs pairs (raster code, CUM group); it has {n} cells."),
                         n=len(values))
    return validate_capability_codes(dict(zip(values[0::2], values[1::2])))


def parse_groups(text):
    """'F,X' -> ('F', 'X')."""
    groups = tuple(dict.fromkeys(g.strip().upper() for g in str(text).replace(";", ",").split(",") if g.strip()))
    bad = [g for g in groups if g not in GROUPS]
    if bad or not groups:
        raise InputError(N_("The forest land groups must be CUM groups among A, C, P, F and X; got '{value}'."),
                         value=text)
    return groups


# -- rules on arrays (reference functions) -------------------------------------------------------

def land_use_conflict(land_cover, capability, capability_codes, matrix):
    """Conflict code per pixel; 255 where either class is missing from the tables."""
    lc = np.asarray(land_cover)
    cap = np.asarray(capability)
    out = np.full(lc.shape, NODATA, np.uint8)
    for code, row in matrix.items():
        for cap_code, group in capability_codes.items():
            out[(lc == code) & (cap == cap_code)] = row[group]
    return out


def degraded_reason(forest_land, overuse, loss):
    """0 not degraded, 1 overuse, 2 forest loss, 3 both; only on forest lands."""
    forest_land = np.asarray(forest_land, bool)
    return (forest_land & np.asarray(overuse, bool)).astype(np.uint8) + \
        2 * (forest_land & np.asarray(loss, bool)).astype(np.uint8)


def loss_years(array):
    """Loss year values as calendar years: 1..99 are Hansen's 'lossyear' codes (2000 + code)."""
    years = np.asarray(array).astype(np.int32)
    short = (years > 0) & (years < 100)
    years[short] += 2000
    return years


_NEIGHBOURS = {"a": (-1, -1), "b": (-1, 0), "c": (-1, 1), "d": (0, -1), "f": (0, 1), "g": (1, -1), "h": (1, 0),
               "i": (1, 1)}
_OPPOSITE = {"a": "i", "b": "h", "c": "g", "d": "f", "f": "d", "g": "c", "h": "b", "i": "a"}
_DIAGONAL_SIDES = {"a": ("b", "d"), "c": ("b", "f"), "g": ("d", "h"), "i": ("f", "h")}


def slope(z, valid, dx, dy, halo=1):
    """Slope (degrees, percent) of the core of a halo-padded DEM by Horn's method.

    ``dx``/``dy`` are metres per pixel for each core row (arrays) or scalars. A missing neighbour
    (nodata or outside the raster) is extrapolated linearly through the centre from the opposite
    neighbour; a diagonal whose opposite is missing too is completed from its two adjacent sides
    (a = b + d - centre), and a cardinal with both sides missing takes the centre's value. This is
    exact on planes, so raster edges and corners need no special case and are not left empty.
    Nodata centres give nodata.
    """
    z = np.asarray(z, dtype=np.float64)
    valid = np.asarray(valid, dtype=bool)
    ys, xs = z.shape[0] - 2 * halo, z.shape[1] - 2 * halo

    def window(dr, dc):
        return (slice(halo + dr, halo + dr + ys), slice(halo + dc, halo + dc + xs))

    centre = z[window(0, 0)]
    raw = {k: (z[window(*off)], valid[window(*off)]) for k, off in _NEIGHBOURS.items()}
    val = {}
    complete = {key: bool(ok.all()) for key, (_values, ok) in raw.items()}  # most blocks: nothing to fill
    for key in "bdfh":  # cardinal neighbours: through the centre from the opposite one, else the centre
        values, ok = raw[key]
        opp_values, opp_ok = raw[_OPPOSITE[key]]
        val[key] = values if complete[key] else np.where(ok, values, np.where(opp_ok, 2.0 * centre - opp_values,
                                                                              centre))
    for key, (first, second) in _DIAGONAL_SIDES.items():  # diagonals: opposite, else the two sides
        values, ok = raw[key]
        if complete[key]:
            val[key] = values
            continue
        opp_values, opp_ok = raw[_OPPOSITE[key]]
        sides = val[first] + val[second] - centre
        val[key] = np.where(ok, values, np.where(opp_ok, 2.0 * centre - opp_values, sides))
    dx = np.asarray(dx, dtype=np.float64).reshape(-1, 1) if np.ndim(dx) else float(dx)
    dy = np.asarray(dy, dtype=np.float64).reshape(-1, 1) if np.ndim(dy) else float(dy)
    gx = ((val["c"] + 2 * val["f"] + val["i"]) - (val["a"] + 2 * val["d"] + val["g"])) / (8.0 * dx)
    gy = ((val["g"] + 2 * val["h"] + val["i"]) - (val["a"] + 2 * val["b"] + val["c"])) / (8.0 * dy)
    rise = np.hypot(gx, gy)
    degrees = np.degrees(np.arctan(rise))
    percent = 100.0 * rise
    bad = ~valid[window(0, 0)]
    degrees[bad] = CRITERIA_NODATA
    percent[bad] = CRITERIA_NODATA
    return degrees, percent


def kernel_half_widths(radius, dx, dy):
    """{row offset t: half width in pixels} of the disc of ``radius`` metres (dx, dy in metres).

    A pixel (t, s) is inside when (t dy)^2 + (s dx)^2 <= radius^2 (a tiny tolerance keeps
    boundary pixels that are exactly on the circle).
    """
    rows = int(math.floor(radius / dy + 1e-9))
    out = {}
    for t in range(-rows, rows + 1):
        rest = radius * radius - (t * dy) ** 2
        out[t] = int(math.floor(math.sqrt(max(rest, 0.0)) / dx + 1e-9))
    return out


def density(loss, valid, halo, radius, dx_rows, dy_rows):
    """Hectares of loss per km2 of land with data within ``radius`` metres of each core pixel.

    ``loss`` and ``valid`` are halo-padded boolean arrays (False outside the raster and on nodata).
    The disc's pixels are counted as equal-area: within a few kilometres pixel areas differ by less
    than 0.01 %, and integer counts make the result exact and identical whatever the block layout.
    Density = 100 x lost pixels / pixels with data (1 km2 = 100 ha). Disc sums use one cumulative
    sum per row and, per row offset, a difference of two shifted slices (the same span serves the
    offsets +t and -t); geographic rasters get a kernel per row, since the pixel width in metres
    changes with latitude. Returns (density, pixels with data in the disc); density is NaN where
    no pixel with data lies within the radius.
    """
    ys = len(dx_rows)
    xs = loss.shape[1] - 2 * halo
    # Both counts travel in one unsigned integer (loss in the high half, land in the low half), which
    # halves the work; sums wrap modulo 2**bits but every disc sum fits in its half, so they are exact.
    dtype, shift = (np.uint32, 16) if (2 * halo + 1) ** 2 < 1 << 16 else (np.uint64, 32)
    packed = np.left_shift(np.asarray(loss, dtype), shift)
    packed |= np.asarray(valid, dtype)
    cum = np.zeros((loss.shape[0], loss.shape[1] + 1), dtype)
    np.cumsum(packed, axis=1, dtype=dtype, out=cum[:, 1:])
    del packed
    total = np.zeros((ys, xs), dtype)
    kernels = {}
    for i, (dx, dy) in enumerate(zip(dx_rows, dy_rows)):
        key = (round(float(dx), 6), round(float(dy), 6))
        kernels.setdefault(key, []).append(i)
    for (dx, dy), rows in kernels.items():
        rows = np.asarray(rows)
        runs = np.split(rows, np.nonzero(np.diff(rows) != 1)[0] + 1)
        widths = kernel_half_widths(radius, dx, dy)
        if max(widths.values()) > halo or max(widths) > halo:
            raise InputError(N_("Internal error: the search kernel is larger than the block halo."))
        for run in runs:
            r0, r1 = int(run[0]), int(run[-1]) + 1
            for t in range(0, max(widths) + 1):
                w = widths[t]
                span = slice(halo + r0 - t, halo + r1 + t)  # padded rows needed for the offsets -t and +t
                hi = slice(halo + w + 1, halo + w + 1 + xs)
                lo = slice(halo - w, halo - w + xs)
                n = r1 - r0
                sums = cum[span, hi] - cum[span, lo]  # row i is padded row halo + r0 - t + i
                total[r0:r1] += sums[2 * t:2 * t + n]  # offset +t
                if t:
                    total[r0:r1] += sums[:n]  # offset -t
    total_loss = (total >> dtype(shift)).astype(np.int64)
    total_valid = (total & dtype((1 << shift) - 1)).astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = 100.0 * total_loss / total_valid
    out[total_valid == 0] = np.nan
    return out, total_valid


# -- the block run -------------------------------------------------------------------------------

def serfor_criteria(output, capability, criteria_output=None, capability_codes=None, land_cover=None,
                    conflict_matrix=None, dem=None, conservation=None, loss_year=None, loss_years_known=True,
                    recent_years=None, radius_m=None, forest_land_groups=None, loss_period=None, zones=None,
                    max_distance=None, workdir=None, block_size=None, progress=None,
                    is_cancelled=None):
    """SERFOR criteria and degraded forest lands, block by block.

    ``capability`` (CUM codes, the reference grid) is required; ``land_cover`` gives the land-use
    conflict (through ``conflict_matrix``), ``dem`` the slope, ``conservation`` (a list of WKB
    polygons in the grid's CRS; an empty list leaves the distance band as nodata) the distance,
    ``loss_year`` (year of loss, 0 = none) the deforestation density and the loss reason.
    Distances are computed up to ``max_distance`` metres; farther pixels get that value.
    Defaults come from the SERFOR (provisional) and CUM presets. Returns a dict with ``areas``
    (AreaAccumulator over (zone, reason)), ``used`` criteria, ``notes`` and ``warnings``
    [(template, params)] for the log, ``recent`` (first, last year) and ``valid_pixels``.
    """
    preset = load_preset()
    rules = _rules(preset, capability_codes, conflict_matrix, forest_land_groups, loss_period, recent_years,
                   radius_m, loss_year is not None)
    if land_cover is None and loss_year is None:
        raise InputError(N_("Degraded forest lands need the land cover (for overuse) or the forest loss "
                            "(year of loss raster or points); give at least one."))
    notes, warnings = [], []
    opened = InputSlots()
    inputs, slots, add = opened.inputs, opened.slots, opened.add
    add("cap", capability, "CAPABILITY")
    grid = Grid.of(inputs[0].ds)
    if inputs[0].dtype().kind not in "iu":
        raise InputError(N_("The raster {name} holds decimal values; it must hold class codes (whole numbers)."),
                         name="CAPABILITY")
    if land_cover is not None:
        add("lc", land_cover, "LAND_COVER")
    if dem is not None:
        check_crs_plausible(Grid.of(open_raster(dem, "DEM")), "DEM")
        add("dem", dem, "DEM")
    check_crs_plausible(grid, "CAPABILITY")
    metres = PixelMetres(grid)
    halo = 1 if dem is not None and criteria_output else 0
    recent = None
    if loss_year is not None:
        add("loss", loss_year, "LOSS_YEAR")
        recent, reach = _loss_setup(inputs[slots["loss"]].ds, loss_years_known, rules, metres, grid,
                                    criteria_output, notes)
        halo = max(halo, reach) if criteria_output else halo
    if zones is not None:
        add("zones", zones, "ZONES")
    distance = None
    if conservation is not None:
        # check grids before the (possibly long) proximity pass
        check_aligned([(i.name, i.ds) for i in inputs])
        distance = _distances(grid, conservation, preset, max_distance, workdir, _scaled(progress, 0.0, 0.3),
                              is_cancelled, notes, warnings)
        if distance is not None and distance["path"] is not None:
            add("dist", distance["path"], "CONSERVATION_AREAS")
    blocks = _BlockPass(rules, opened, grid, metres, recent, distance, bool(criteria_output))
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("degraded forest land reason",))]
    if criteria_output:
        outputs.append(RasterOutput(criteria_output, np.float32, CRITERIA_NODATA, bands=len(CRITERIA_BANDS),
                                    band_names=CRITERIA_BANDS, options=fast_float_options()))
    run_blocks(inputs, blocks, outputs, block_size=SERFOR_BLOCK if block_size is None else block_size, halo=halo,
               progress=_scaled(progress, 0.3 if distance else 0.0, 1.0), is_cancelled=is_cancelled,
               before_commit=blocks.before_commit, parallel=True)
    used = ["land_use_conflict"] if land_cover is not None else []
    used += ["slope"] if dem is not None else []
    used += ["distance"] if distance is not None else []
    used += ["deforestation"] if loss_year is not None else []
    areas = blocks.areas
    valid_pixels = sum(px for (_z, cls), px in areas.pixels.items() if cls is not None)
    return {"areas": areas, "used": used, "notes": notes, "warnings": warnings, "recent": recent,
            "valid_pixels": valid_pixels, "forest_land_groups": rules["groups"]}


def _rules(preset, capability_codes, conflict_matrix, forest_land_groups, loss_period, recent_years, radius_m,
           with_loss):
    """The validated tables and numbers of a run (the preset's where not given)."""
    loss_period = loss_period or preset["degraded_forest_lands"]["forest_loss_period"]
    if loss_period not in LOSS_PERIODS:
        raise InputError(N_("The forest loss period must be 'all' or 'recent'; it is '{value}'."), value=loss_period)
    recent_years = int(preset["recent_deforestation"]["recent_years"] if recent_years is None else recent_years)
    radius = float(preset["recent_deforestation"]["radius_m"] if radius_m is None else radius_m)
    if recent_years < 0:
        raise InputError(N_("The number of recent years must be 0 (every year) or more; it is {value}."),
                         value=recent_years)
    if with_loss and not radius > 0:
        raise InputError(N_("The search radius must be more than 0 m; it is {value}."), value=radius)
    return {
        "capability_codes": load_cum_classes() if capability_codes is None else validate_capability_codes(
            capability_codes),
        "matrix": validate_conflict_matrix(preset["conflict_matrix"] if conflict_matrix is None else conflict_matrix),
        "groups": parse_groups(forest_land_groups or ",".join(preset["degraded_forest_lands"]["capability_groups"])),
        "loss_period": loss_period, "recent_years": recent_years, "radius": radius,
    }


def _loss_setup(loss_ds, years_known, rules, metres, grid, criteria_output, notes):
    """(recent (first, last year) or None, the density's reach in pixels); notes for the log."""
    recent = None
    latest = latest_loss_year(loss_ds) if years_known else None
    if years_known and latest is None:
        notes.append((N_("The forest loss raster holds no loss; density and forest loss are 0 everywhere."), {}))
    if years_known and latest is not None and rules["recent_years"] > 0:
        recent = (latest - rules["recent_years"] + 1, latest)
        notes.append((N_("Recent deforestation: loss from {first} to {last}."),
                      {"first": recent[0], "last": recent[1]}))
    min_dx, min_dy = metres.minimum(grid.ysize)
    reach = int(math.floor(rules["radius"] / min(min_dx, min_dy) + 1e-9))
    if reach > MAX_HALO and criteria_output:
        raise InputError(N_("The search radius of {radius:g} m spans {pixels} pixels; at most {limit} are "
                            "supported. Use a smaller radius or a coarser raster."),
                         radius=rules["radius"], pixels=reach, limit=MAX_HALO)
    if not years_known:
        notes.append((N_("The loss points have no year: every point counts as recent loss."), {}))
    return recent, reach


class _BlockPass:
    """The block function of serfor_criteria (called per block) and its checks once every block was seen."""

    def __init__(self, rules, opened, grid, metres, recent, distance, criteria):
        self.rules, self.opened, self.slots = rules, opened, opened.slots
        self.metres, self.recent, self.distance, self.criteria = metres, recent, distance, criteria
        self.group_index = {code: GROUPS.index(group) for code, group in rules["capability_codes"].items()}
        self.lc_rows = sorted(rules["matrix"])
        self.lc_index = {code: i for i, code in enumerate(self.lc_rows)}
        self.table = np.full((len(self.lc_rows) + 1, len(GROUPS) + 1), NODATA, np.uint8)
        for code, row in rules["matrix"].items():
            for g, group in enumerate(GROUPS):
                self.table[self.lc_index[code], g] = row[group]
        self.forest_land = np.zeros(len(GROUPS) + 1, bool)
        self.forest_land[[GROUPS.index(g) for g in rules["groups"]]] = True
        self.unknown_cap, self.unknown_lc = FoundCodes(), FoundCodes()
        self.seen_data = Flags(k for k in self.slots if k not in ("zones", "dist"))
        self.areas = AreaAccumulator()
        self.cells = CellAreas(grid)
        # With a halo the engine may widen an integer block to float64 (to hold a nodata fill such as 0.0),
        # which sends the class look-ups down their slow sorted-search path: cast back (same values).
        types = {key: opened.inputs[self.slots[key]].dtype() for key in ("cap", "lc") if key in self.slots}
        self.class_types = {key: dtype for key, dtype in types.items() if dtype.kind in "iu"}

    def __call__(self, block):
        core, core_valid = core_arrays(block, self.slots, {})
        mark_seen(self.seen_data, core_valid)
        for key, dtype in self.class_types.items():
            if core[key].dtype != dtype:
                core[key] = core[key].astype(dtype)
        shape = (block.ysize, block.xsize)
        g_idx, known = lookup(core["cap"], self.group_index, len(GROUPS), np.uint8)
        _note_unknown(self.unknown_cap, core["cap"], core_valid["cap"] & ~known)
        ok = core_valid["cap"] & known
        on_forest_land = self.forest_land[g_idx] & ok
        overuse = np.zeros(shape, bool)
        loss = np.zeros(shape, bool)
        stack = np.full((len(CRITERIA_BANDS),) + shape, CRITERIA_NODATA, np.float32) if self.criteria else None
        if "lc" in self.slots:
            overuse = self._conflict(core, core_valid, g_idx, ok, stack)
            ok = ok & core_valid["lc"]
        if "dem" in self.slots and stack is not None:
            i, h = self.slots["dem"], block.halo
            dx, dy = self.metres.rows(block.yoff, block.ysize)
            z = block.arrays[i][h - 1:h + block.ysize + 1, h - 1:h + block.xsize + 1]
            v = block.valid(i)[h - 1:h + block.ysize + 1, h - 1:h + block.xsize + 1]
            stack[1], stack[2] = slope(z, v, dx, dy, halo=1)
        if self.distance is not None and stack is not None:
            stack[3] = self.distance["far"]  # no area within the largest distance
            if "dist" in self.slots:
                d = core["dist"].astype(np.float64) * self.distance["unit"]
                good = core_valid["dist"] & (d >= 0)
                stack[3][good] = d[good]
        if "loss" in self.slots:
            loss = self._loss(block, core_valid, stack)
            ok = ok & core_valid["loss"]
        reason = degraded_reason(on_forest_land, overuse, loss)
        reason[~ok] = NODATA
        codes = np.where(ok, reason, np.uint8(len(REASONS)))
        zone = core["zones"] if "zones" in self.slots else None
        self.areas.add_cell_codes(codes, len(REASONS) + 1, self.cells, block, zone, REASONS + (None,))
        return [reason, stack] if stack is not None else reason

    def _conflict(self, core, core_valid, g_idx, ok, stack):
        """Overuse; the conflict band of the stack."""
        l_idx, l_known = lookup(core["lc"], self.lc_index, len(self.lc_rows), np.uint16)
        _note_unknown(self.unknown_lc, core["lc"], core_valid["lc"] & ~l_known)
        conflict = self.table[l_idx, g_idx]
        conflict_ok = ok & core_valid["lc"] & l_known
        conflict[~conflict_ok] = NODATA
        if stack is not None:
            stack[0][conflict_ok] = conflict[conflict_ok]
        return conflict == OVERUSE

    def _loss(self, block, core_valid, stack):
        """Forest loss of the period that degrades (core); the density band of the stack."""
        years = loss_years(block.arrays[self.slots["loss"]])
        lvalid = block.valid(self.slots["loss"])
        lost_any = (years > 0) & lvalid
        recent = self.recent
        lost_recent = lost_any if recent is None else lost_any & (years >= recent[0]) & (years <= recent[1])
        if stack is not None:
            dx, dy = self.metres.rows(block.yoff, block.ysize)
            dens, _ = density(lost_recent, lvalid, block.halo, self.rules["radius"], dx, dy)
            good = core_valid["loss"] & np.isfinite(dens)
            stack[4][good] = dens[good]
        return block.core(lost_recent if self.rules["loss_period"] == "recent" else lost_any)

    def before_commit(self):
        if self.unknown_cap:
            known = ", ".join(f"{code} {group}" for code, group in sorted(self.rules["capability_codes"].items()))
            raise InputError(N_("The capability raster {name} holds classes {values} that are not in the capability "
                                "table (known: {known}). Add them to CAPABILITY_CODES with their CUM group."),
                             name="CAPABILITY", values=_format_values(self.unknown_cap), known=known)
        if self.unknown_lc:
            raise InputError(N_("The land cover raster {name} holds classes {values} that have no row in the land-use "
                                "conflict matrix. Add rows for them to CONFLICT_MATRIX."),
                             name="LAND_COVER", values=_format_values(self.unknown_lc))
        self.opened.require_data(self.seen_data)
        self.areas.require_overlap()


def _note_unknown(found, values, bad):
    """Collect the codes of ``values`` where ``bad`` (up to the number reported), in block order."""
    if bad.any() and len(found) <= MAX_REPORTED_VALUES:
        in_block_order(found.add_codes, np.unique(values[bad]).tolist())


def _distances(grid, conservation, preset, max_distance, workdir, progress, is_cancelled, notes, warnings):
    """The distance criterion's source: None without polygons, else {"path" (None when no area lies
    within the largest distance), "unit" (metres per value), "far" (the value of farther pixels)}."""
    if workdir is None:
        raise ValueError("serfor_criteria needs a workdir for distances")
    limit = float(preset["conservation_distance"]["max_distance_m"] if max_distance is None else max_distance)
    if not limit > 0 or math.isinf(limit):
        raise InputError(N_("The largest distance to conservation areas must be a number of metres above 0; it is "
                            "{value}."), value=limit)
    found = conservation_distance(grid, list(conservation), workdir, limit, progress=progress,
                                  is_cancelled=is_cancelled)
    if found is None:
        notes.append((N_("The conservation areas layer has no polygon: the distance band is left as nodata."), {}))
        return None
    path, unit, left_out = found
    notes.append((N_("Distances to conservation areas are computed up to {limit:g} m (MAX_DISTANCE); pixels "
                     "farther from every area get {limit:g}, read as that far or farther."), {"limit": limit}))
    if left_out:
        warnings.append((N_("{n} conservation areas lie farther than {limit:g} m (the largest distance computed) "
                            "from the raster and were left out: the nearest pixels are that far or farther. If "
                            "they should be near, check their CRS; to measure them, raise MAX_DISTANCE."),
                         {"n": left_out, "limit": limit}))
    return {"path": path, "unit": unit, "far": limit}


def _scaled(progress, start, end):
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)
