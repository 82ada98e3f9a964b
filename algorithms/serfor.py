"""SERFOR / MIDAGRI ROAM criteria and degraded forest lands (METHODS.md section 4).

SERFOR's national restoration gap and its 2018 ROAM exercise used land-use conflict (current land
cover against the land use capability, "Capacidad de Uso Mayor", CUM), slope, distance to
conservation areas and density of recent deforestation; the matrices, weights and breaks are not
public. Every table here therefore comes from an editable preset (``presets/serfor_provisional.json``
and ``presets/cum_classes.json``), never from constants in the code.

Criteria are computed block by block with one halo: 1 pixel for the slope's 3 x 3 window and the
search radius (in pixels) for the deforestation density, so results never depend on the block
size. Distances are the one global operation: GDAL's proximity (streaming, bounded memory) on a
rasterized mask, computed before the block pass.
"""

import json
import math
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

from .areas import WGS84_A, WGS84_E2, CellAreas, crs_description, wgs84_centred
from .blocks import (
    DEFAULT_BLOCK,
    Grid,
    InputSlots,
    RasterOutput,
    check_aligned,
    compression,
    core_arrays,
    creation_options,
    open_raster,
    run_blocks,
)
from .errors import N_, Cancelled, InputError
from .minam import MAX_REPORTED_VALUES, _format_values
from .tables import AreaAccumulator, lookup
from .vector_areas import wgs84

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


def metres_per_degree(lat_deg):
    """(east-west, north-south) metres per degree of longitude / latitude on the WGS 84 ellipsoid."""
    phi = np.radians(np.asarray(lat_deg, dtype=np.float64))
    w = 1.0 - WGS84_E2 * np.sin(phi) ** 2
    east = math.pi / 180.0 * WGS84_A * np.cos(phi) / np.sqrt(w)
    north = math.pi / 180.0 * WGS84_A * (1.0 - WGS84_E2) / w ** 1.5
    return east, north


class PixelMetres:
    """Pixel width and height in metres per row: constant when projected, by latitude when geographic.

    Why: a DEM in EPSG:4326 has pixels of 0.000277 degrees whose width in metres shrinks with the
    cosine of the latitude; slope and search radii must use metres or they are off by a factor of
    about 100000.
    """

    def __init__(self, grid):
        gt = grid.geotransform
        if gt[2] != 0 or gt[4] != 0:
            raise InputError(N_("The raster grid is rotated (its geotransform has rotation terms); slope and "
                                "distances need a north-up raster. Warp it to a north-up grid first."))
        srs = grid.srs()
        self.gt = gt
        self.geographic = bool(srs.IsGeographic())
        if self.geographic:
            self.deg = srs.GetAngularUnits() * 180 / math.pi
        else:
            self.unit = srs.GetLinearUnits() or 1.0

    def rows(self, first, count):
        """(dx, dy) in metres of rows first..first+count-1, each an array of shape (count,)."""
        gt = self.gt
        if not self.geographic:
            return (np.full(count, abs(gt[1]) * self.unit), np.full(count, abs(gt[5]) * self.unit))
        rows = np.arange(first, first + count, dtype=np.float64) + 0.5
        lat = (gt[3] + rows * gt[5]) * self.deg
        east, north = metres_per_degree(lat)
        return abs(gt[1]) * self.deg * east, abs(gt[5]) * self.deg * north

    def minimum(self, nrows):
        """Smallest (dx, dy) in metres over the raster's rows (the first and last are the extremes)."""
        dx0, dy0 = self.rows(0, 1)
        dx1, dy1 = self.rows(max(nrows - 1, 0), 1)
        if self.geographic:
            lat0 = self.gt[3] * self.deg
            lat1 = (self.gt[3] + nrows * self.gt[5]) * self.deg
            if lat0 * lat1 < 0:  # the equator lies inside: dy is smallest there
                dy0 = np.minimum(dy0, metres_per_degree(0.0)[1] * abs(self.gt[5]) * self.deg)
        return float(min(dx0[0], dx1[0])), float(min(dy0[0], dy1[0]))


def check_crs_plausible(grid, name):
    """InputError when the CRS contradicts the coordinates (degrees labelled projected or vice versa)."""
    if not grid.crs_wkt:
        raise InputError(N_("The raster {name} has no coordinate reference system; slope, distances and areas "
                            "need one. Assign its CRS (Layer properties > Source) and run again."), name=name)
    srs = grid.srs()
    xmin, ymin, xmax, ymax = grid.bounds()
    crs = crs_description(grid.crs_wkt)
    if srs.IsGeographic():
        if max(abs(xmin), abs(xmax)) > 360 or max(abs(ymin), abs(ymax)) > 90.000001:
            raise InputError(N_("The raster {name} has a geographic CRS ({crs}) but its coordinates ({x:.0f}, {y:.0f}) "
                                "are not longitudes and latitudes: it is probably in a projected CRS such as UTM. "
                                "Assign the right CRS (Layer properties > Source) and run again."),
                             name=name, crs=crs, x=xmin, y=ymax)
        return
    pixel = abs(grid.geotransform[1]) * (srs.GetLinearUnits() or 1.0)
    if max(abs(xmin), abs(xmax)) <= 180 and max(abs(ymin), abs(ymax)) <= 90 and pixel < 0.1:
        raise InputError(N_("The raster {name} has a projected CRS ({crs}) but its pixel size ({size:g}) and "
                            "coordinates ({x:g}, {y:g}) look like degrees: it is probably in a geographic CRS such "
                            "as EPSG:4326. Assign the right CRS (Layer properties > Source) and run again."),
                         name=name, crs=crs, size=abs(grid.geotransform[1]), x=xmin, y=ymax)


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
    for key in "bdfh":  # cardinal neighbours: through the centre from the opposite one, else the centre
        values, ok = raw[key]
        opp_values, opp_ok = raw[_OPPOSITE[key]]
        val[key] = np.where(ok, values, np.where(opp_ok, 2.0 * centre - opp_values, centre))
    for key, (first, second) in _DIAGONAL_SIDES.items():  # diagonals: opposite, else the two sides
        values, ok = raw[key]
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
    cum_loss = np.zeros((loss.shape[0], loss.shape[1] + 1), np.int32)
    np.cumsum(loss, axis=1, dtype=np.int32, out=cum_loss[:, 1:])
    cum_valid = np.zeros_like(cum_loss)
    np.cumsum(valid, axis=1, dtype=np.int32, out=cum_valid[:, 1:])
    total_loss = np.zeros((ys, xs), np.int32)
    total_valid = np.zeros((ys, xs), np.int32)
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
                for cum, total in ((cum_loss, total_loss), (cum_valid, total_valid)):
                    sums = cum[span, hi] - cum[span, lo]  # row i is padded row halo + r0 - t + i
                    total[r0:r1] += sums[2 * t:2 * t + n]  # offset +t
                    if t:
                        total[r0:r1] += sums[:n]  # offset -t
    with np.errstate(invalid="ignore", divide="ignore"):
        out = 100.0 * total_loss / total_valid
    out[total_valid == 0] = np.nan
    return out, total_valid


# -- distances -----------------------------------------------------------------------------------

def _boundary_points(bounds, n=32):
    xmin, ymin, xmax, ymax = bounds
    t = np.linspace(0.0, 1.0, n)
    xs = np.concatenate([xmin + t * (xmax - xmin), np.full(n, xmax), xmax - t * (xmax - xmin), np.full(n, xmin)])
    ys = np.concatenate([np.full(n, ymax), ymax - t * (ymax - ymin), np.full(n, ymin), ymin + t * (ymax - ymin)])
    return np.stack([xs, ys], 1)


def _gdal_callback(progress, is_cancelled, start, end):
    def callback(complete, _message, _data):
        if is_cancelled is not None and is_cancelled():
            callback.cancelled = True
            return 0
        if progress is not None:
            progress(start + (end - start) * complete)
        return 1

    return callback


def conservation_distance(grid, shapes, workdir, progress=None, is_cancelled=None):
    """Metres from each pixel centre of ``grid`` to the nearest conservation area, as a raster on the grid.

    ``shapes`` are WKB polygons in the grid's CRS. Method: the polygons are burnt (every touched
    pixel) onto a work grid and GDAL's proximity (two streaming passes, bounded memory) gives the
    distance between pixel centres; the result is within half a pixel diagonal of the exact
    distance to the polygons. Projected grids with square pixels are their own work grid; other
    grids (geographic, non-square pixels) use an azimuthal equidistant projection centred on the
    raster, with square pixels of the raster's size in metres, and the distances are interpolated
    back (bilinear). Areas outside the raster count: the work grid extends around the raster as far
    as the areas lie, first by at most the raster's own size; when some pixel is farther than that
    from every area seen, a second run extends it to every area. Returns the path of the distance
    raster (Float32, metres, -1 where no area was found) or None when there is no polygon.
    """
    geoms = [g for g in (ogr.CreateGeometryFromWkb(w) for w in shapes) if g is not None and not g.IsEmpty()]
    if not geoms:
        return None
    srs = grid.srs()
    gt = grid.geotransform
    square = abs(abs(gt[1]) - abs(gt[5])) <= 1e-9 * abs(gt[1]) and gt[2] == 0 and gt[4] == 0
    direct = not srs.IsGeographic() and square
    if direct:
        work_srs, unit, pixel = srs, srs.GetLinearUnits() or 1.0, abs(gt[1])
        grid_env = grid.bounds()
    else:
        xmin, ymin, xmax, ymax = grid.bounds()
        to_geo = osr.CoordinateTransformation(srs, wgs84())
        lon0, lat0 = to_geo.TransformPoint((xmin + xmax) / 2, (ymin + ymax) / 2)[:2]
        work_srs, unit = wgs84_centred("aeqd", lon0, lat0), 1.0
        metres = PixelMetres(grid)
        dx, dy = metres.rows(grid.ysize // 2, 1)
        pixel = float(min(dx[0], dy[0]))
        to_work = osr.CoordinateTransformation(srs, work_srs)
        pts = np.asarray(to_work.TransformPoints(_boundary_points(grid.bounds()).tolist()))[:, :2]
        grid_env = (pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max())
        for geom in geoms:
            geom.AssignSpatialReference(srs)
            geom.Transform(to_work)
    env = [g.GetEnvelope() for g in geoms]  # (minx, maxx, miny, maxy)
    areas_env = (min(e[0] for e in env), min(e[2] for e in env), max(e[1] for e in env), max(e[3] for e in env))
    size = max(grid_env[2] - grid_env[0], grid_env[3] - grid_env[1])
    for attempt, margin in enumerate((size, math.inf)):
        ext = (max(min(areas_env[0], grid_env[0]), grid_env[0] - margin),
               max(min(areas_env[1], grid_env[1]), grid_env[1] - margin),
               min(max(areas_env[2], grid_env[2]), grid_env[2] + margin),
               min(max(areas_env[3], grid_env[3]), grid_env[3] + margin))
        clipped = (ext[0] > areas_env[0] or ext[1] > areas_env[1] or ext[2] < areas_env[2]
                   or ext[3] < areas_env[3])
        path = _proximity(grid, geoms, work_srs, pixel, grid_env, ext, direct, workdir, attempt,
                          _gdal_callback(progress, is_cancelled, 0.5 * attempt, 0.5 * attempt + 0.5))
        if not clipped or _largest(path) <= margin:
            break
    return path, unit


def _largest(path):
    """Largest distance in a raster (inf when it holds no distance: no area was found)."""
    ds = open_raster(path)  # keep the dataset alive while its band is used
    try:
        found = ds.GetRasterBand(1).ComputeRasterMinMax(False)
    except RuntimeError:
        found = None
    return math.inf if not found or found[1] is None or found[1] < 0 else found[1]


def _proximity(grid, geoms, work_srs, pixel, grid_env, ext, direct, workdir, attempt, callback):
    gt = grid.geotransform
    if direct:
        # Work grid aligned with the raster's pixels, so the raster is an exact window of it.
        left = int(math.ceil((grid_env[0] - ext[0]) / pixel - 1e-9))
        right = int(math.ceil((ext[2] - grid_env[2]) / pixel - 1e-9))
        top = int(math.ceil((ext[3] - grid_env[3]) / pixel - 1e-9))
        bottom = int(math.ceil((grid_env[1] - ext[1]) / pixel - 1e-9))
        width, height = grid.xsize + left + right, grid.ysize + top + bottom
        work_gt = (gt[0] - left * abs(gt[1]), abs(gt[1]), 0.0, gt[3] + top * abs(gt[5]), 0.0, -abs(gt[5]))
    else:
        width = int(math.ceil((ext[2] - ext[0]) / pixel)) + 2
        height = int(math.ceil((ext[3] - ext[1]) / pixel)) + 2
        work_gt = (ext[0] - pixel, pixel, 0.0, ext[3] + pixel, 0.0, -pixel)
    driver = gdal.GetDriverByName("GTiff")
    # Compressed *strips*, not tiles: GDAL's proximity reads and writes whole scanlines, top-down then
    # bottom-up, and on tiled compressed files it recompresses tiles over and over (about 200 times
    # slower on a 1024 x 1024 raster).
    opts = [f"COMPRESS={compression()}", "BIGTIFF=IF_SAFER"]
    mask_path = str(Path(workdir) / f"conservation_mask_{attempt}.tif")
    mask = driver.Create(mask_path, width, height, 1, gdal.GDT_Byte, opts)
    mask.SetGeoTransform(work_gt)
    mask.SetProjection(work_srs.ExportToWkt())
    mem = ogr.GetDriverByName("Memory").CreateDataSource("areas")
    layer = mem.CreateLayer("areas", srs=work_srs, geom_type=ogr.wkbUnknown)
    for geom in geoms:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    if gdal.RasterizeLayer(mask, [1], layer, burn_values=[1], options=["ALL_TOUCHED=TRUE"]) != 0:
        raise InputError(N_("Burning the conservation areas onto the raster grid failed: {error}"),
                         error=gdal.GetLastErrorMsg())
    mask.FlushCache()
    dist_path = str(Path(workdir) / f"conservation_distance_{attempt}.tif")
    dist = driver.Create(dist_path, width, height, 1, gdal.GDT_Float32, opts + ["PREDICTOR=3"])
    dist.SetGeoTransform(work_gt)
    dist.SetProjection(work_srs.ExportToWkt())
    try:
        result = gdal.ComputeProximity(mask.GetRasterBand(1), dist.GetRasterBand(1),
                                       ["VALUES=1", "DISTUNITS=GEO", "NODATA=-1"], callback=callback)
        message = gdal.GetLastErrorMsg()
    except RuntimeError as error:  # GDAL exceptions switched on (by QGIS or another plugin)
        result, message = -1, str(error)
    if result != 0:
        dist = mask = None
        if getattr(callback, "cancelled", False):
            raise Cancelled()
        raise InputError(N_("Computing the distances to conservation areas failed: {error}"), error=message)
    dist.GetRasterBand(1).SetNoDataValue(-1)
    dist = mask = None
    out_path = str(Path(workdir) / f"conservation_distance_grid_{attempt}.vrt")
    if direct:
        left = int(round((gt[0] - work_gt[0]) / pixel))
        top = int(round((work_gt[3] - gt[3]) / pixel))
        gdal.Translate(out_path, dist_path, format="VRT", srcWin=[left, top, grid.xsize, grid.ysize])
    else:
        xmin, ymin, xmax, ymax = grid.bounds()
        gdal.Warp(out_path, dist_path, format="VRT", outputBounds=(xmin, ymin, xmax, ymax), width=grid.xsize,
                  height=grid.ysize, dstSRS=grid.crs_wkt, resampleAlg="bilinear", srcNodata=-1, dstNodata=-1)
    return out_path


def rasterize_points(points, grid, path):
    """Burn loss points [(WKB point in the grid's CRS, year or 1)] into a UInt16 raster (0 = no loss)."""
    mem = ogr.GetDriverByName("Memory").CreateDataSource("points")
    layer = mem.CreateLayer("points", srs=grid.srs(), geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("year", ogr.OFTInteger))
    for wkb, year in points:
        geom = ogr.CreateGeometryFromWkb(wkb)
        if geom is None:
            continue
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("year", int(year))
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    opts = [o for o in creation_options("uint16") if not o.startswith("PREDICTOR")]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), grid.xsize, grid.ysize, 1, gdal.GDT_UInt16, opts)
    ds.SetGeoTransform(grid.geotransform)
    if grid.crs_wkt:
        ds.SetProjection(grid.crs_wkt)
    ds.GetRasterBand(1).Fill(0)
    if gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=year"]) != 0:
        raise InputError(N_("Burning the loss points onto the raster grid failed: {error}"),
                         error=gdal.GetLastErrorMsg())
    ds = None
    return str(path)


# -- the block run -------------------------------------------------------------------------------

def _latest_loss_year(source):
    """The latest loss year in the raster (one streaming pass by GDAL), None when it holds no loss."""
    ds = open_raster(source, "LOSS_YEAR")
    try:
        found = ds.GetRasterBand(1).ComputeRasterMinMax(False)
    except RuntimeError:
        return None
    high = found[1] if found else None
    if high is None or high <= 0:
        return None
    high = int(high)
    return high + 2000 if high < 100 else high


def serfor_criteria(output, capability, criteria_output=None, capability_codes=None, land_cover=None,
                    conflict_matrix=None, dem=None, conservation=None, loss_year=None, loss_years_known=True,
                    recent_years=None, radius_m=None, forest_land_groups=None, loss_period=None, zones=None,
                    workdir=None, block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None):
    """SERFOR criteria and degraded forest lands, block by block.

    ``capability`` (CUM codes, the reference grid) is required; ``land_cover`` gives the land-use
    conflict (through ``conflict_matrix``), ``dem`` the slope, ``conservation`` (a list of WKB
    polygons in the grid's CRS; an empty list leaves the distance band as nodata) the distance,
    ``loss_year`` (year of loss, 0 = none) the deforestation density and the loss reason.
    Defaults come from the SERFOR (provisional) and CUM presets. Returns a dict with ``areas``
    (AreaAccumulator over (zone, reason)), ``used`` criteria, ``notes`` [(template, params)] for
    the log, ``recent`` (first, last year) and ``valid_pixels``.
    """
    preset = load_preset()
    capability_codes = load_cum_classes() if capability_codes is None else validate_capability_codes(
        capability_codes)
    matrix = validate_conflict_matrix(preset["conflict_matrix"] if conflict_matrix is None else conflict_matrix)
    groups = parse_groups(forest_land_groups or ",".join(preset["degraded_forest_lands"]["capability_groups"]))
    loss_period = loss_period or preset["degraded_forest_lands"]["forest_loss_period"]
    if loss_period not in LOSS_PERIODS:
        raise InputError(N_("The forest loss period must be 'all' or 'recent'; it is '{value}'."), value=loss_period)
    recent_years = int(preset["recent_deforestation"]["recent_years"] if recent_years is None else recent_years)
    radius = float(preset["recent_deforestation"]["radius_m"] if radius_m is None else radius_m)
    if recent_years < 0:
        raise InputError(N_("The number of recent years must be 0 (every year) or more; it is {value}."),
                         value=recent_years)
    if loss_year is not None and not radius > 0:
        raise InputError(N_("The search radius must be more than 0 m; it is {value}."), value=radius)
    if land_cover is None and loss_year is None:
        raise InputError(N_("Degraded forest lands need the land cover (for overuse) or the forest loss "
                            "(year of loss raster or points); give at least one."))
    notes = []
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
        latest = _latest_loss_year(inputs[slots["loss"]].ds) if loss_years_known else None
        if loss_years_known and latest is None:
            notes.append((N_("The forest loss raster holds no loss; density and forest loss are 0 everywhere."), {}))
        if loss_years_known and latest is not None and recent_years > 0:
            recent = (latest - recent_years + 1, latest)
            notes.append((N_("Recent deforestation: loss from {first} to {last}."),
                          {"first": recent[0], "last": recent[1]}))
        min_dx, min_dy = metres.minimum(grid.ysize)
        reach = int(math.floor(radius / min(min_dx, min_dy) + 1e-9))
        if reach > MAX_HALO and criteria_output:
            raise InputError(N_("The search radius of {radius:g} m spans {pixels} pixels; at most {limit} are "
                                "supported. Use a smaller radius or a coarser raster."),
                             radius=radius, pixels=reach, limit=MAX_HALO)
        if criteria_output:
            halo = max(halo, reach)
        if not loss_years_known:
            notes.append((N_("The loss points have no year: every point counts as recent loss."), {}))
    if zones is not None:
        add("zones", zones, "ZONES")
    if conservation is not None:
        if workdir is None:
            raise ValueError("serfor_criteria needs a workdir for distances")
        shapes = list(conservation)
        # check grids before the (possibly long) proximity pass
        check_aligned([(i.name, i.ds) for i in inputs])
        found = conservation_distance(grid, shapes, workdir, progress=_scaled(progress, 0.0, 0.3),
                                      is_cancelled=is_cancelled) if shapes else None
        if found is None:
            notes.append((N_("The conservation areas layer has no polygon: the distance band is left as nodata."),
                          {}))
        else:
            path, unit = found
            add("dist", path, "CONSERVATION_AREAS")
            dist_unit = unit
    main_progress = _scaled(progress, 0.3 if "dist" in slots else 0.0, 1.0)

    group_index = {code: GROUPS.index(group) for code, group in capability_codes.items()}
    lc_rows = sorted(matrix)
    lc_index = {code: i for i, code in enumerate(lc_rows)}
    table = np.full((len(lc_rows) + 1, len(GROUPS) + 1), NODATA, np.uint8)
    for code, row in matrix.items():
        for g, group in enumerate(GROUPS):
            table[lc_index[code], g] = row[group]
    forest_land = np.zeros(len(GROUPS) + 1, bool)
    forest_land[[GROUPS.index(g) for g in groups]] = True
    unknown_cap, unknown_lc = set(), set()
    seen_data = dict.fromkeys((k for k in slots if k not in ("zones", "dist")), False)
    areas = AreaAccumulator()
    cells = CellAreas(grid)
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("degraded forest land reason",))]
    if criteria_output:
        outputs.append(RasterOutput(criteria_output, np.float32, CRITERIA_NODATA, bands=len(CRITERIA_BANDS),
                                    band_names=CRITERIA_BANDS))

    def block_func(block):
        core, core_valid = core_arrays(block, slots, seen_data)
        shape = (block.ysize, block.xsize)
        g_idx, known = lookup(core["cap"], group_index, len(GROUPS), np.uint8)
        bad = core_valid["cap"] & ~known
        if bad.any() and len(unknown_cap) <= MAX_REPORTED_VALUES:
            unknown_cap.update(np.unique(core["cap"][bad]).tolist())
        ok = core_valid["cap"] & known
        on_forest_land = forest_land[g_idx] & ok
        overuse = np.zeros(shape, bool)
        loss = np.zeros(shape, bool)
        stack = np.full((len(CRITERIA_BANDS),) + shape, CRITERIA_NODATA, np.float32) if criteria_output else None
        if "lc" in slots:
            l_idx, l_known = lookup(core["lc"], lc_index, len(lc_rows), np.uint16)
            bad = core_valid["lc"] & ~l_known
            if bad.any() and len(unknown_lc) <= MAX_REPORTED_VALUES:
                unknown_lc.update(np.unique(core["lc"][bad]).tolist())
            conflict = table[l_idx, g_idx]
            conflict_ok = ok & core_valid["lc"] & l_known
            conflict[~conflict_ok] = NODATA
            overuse = conflict == OVERUSE
            ok = ok & core_valid["lc"]
            if stack is not None:
                stack[0][conflict_ok] = conflict[conflict_ok]
        if "dem" in slots and stack is not None:
            i = slots["dem"]
            dx, dy = metres.rows(block.yoff, block.ysize)
            h = block.halo
            z = block.arrays[i][h - 1:h + block.ysize + 1, h - 1:h + block.xsize + 1]
            v = block.valid(i)[h - 1:h + block.ysize + 1, h - 1:h + block.xsize + 1]
            stack[1], stack[2] = slope(z, v, dx, dy, halo=1)
        if "dist" in slots and stack is not None:
            d = core["dist"].astype(np.float64) * dist_unit
            good = core_valid["dist"] & (d >= 0)
            stack[3][good] = d[good]
        if "loss" in slots:
            years = loss_years(block.arrays[slots["loss"]])
            lvalid = block.valid(slots["loss"])
            lost_any = (years > 0) & lvalid
            lost_recent = lost_any if recent is None else lost_any & (years >= recent[0]) & (years <= recent[1])
            loss = block.core(lost_recent if loss_period == "recent" else lost_any)
            ok = ok & core_valid["loss"]
            if stack is not None:
                dx, dy = metres.rows(block.yoff, block.ysize)
                dens, _ = density(lost_recent, lvalid, block.halo, radius, dx, dy)
                good = core_valid["loss"] & np.isfinite(dens)
                stack[4][good] = dens[good]
        reason = degraded_reason(on_forest_land, overuse, loss)
        reason[~ok] = NODATA
        codes = np.where(ok, reason, np.uint8(len(REASONS)))
        zone = core["zones"] if "zones" in slots else None
        cell = cells.block(block.xoff, block.yoff, block.xsize, block.ysize)
        areas.add_codes(codes, len(REASONS) + 1, cell, zone, REASONS + (None,))
        return [reason, stack] if stack is not None else reason

    def before_commit():
        if unknown_cap:
            known = ", ".join(f"{code} {group}" for code, group in sorted(capability_codes.items()))
            raise InputError(N_("The capability raster {name} holds classes {values} that are not in the capability "
                                "table (known: {known}). Add them to CAPABILITY_CODES with their CUM group."),
                             name="CAPABILITY", values=_format_values(unknown_cap), known=known)
        if unknown_lc:
            raise InputError(N_("The land cover raster {name} holds classes {values} that have no row in the land-use "
                                "conflict matrix. Add rows for them to CONFLICT_MATRIX."),
                             name="LAND_COVER", values=_format_values(unknown_lc))
        opened.require_data(seen_data)
        if not any(cls is not None for (_zone, cls) in areas.hectares):
            raise InputError(N_("There is no pixel where all the inputs have data: the inputs' valid areas "
                                "do not overlap. Check that they cover the same region."))

    run_blocks(inputs, block_func, outputs, block_size=block_size, halo=halo, progress=main_progress,
               is_cancelled=is_cancelled, before_commit=before_commit)
    used = ["land_use_conflict"] if land_cover is not None else []
    used += ["slope"] if dem is not None else []
    used += ["distance"] if "dist" in slots else []
    used += ["deforestation"] if loss_year is not None else []
    valid_pixels = sum(px for (_z, cls), px in areas.pixels.items() if cls is not None)
    return {"areas": areas, "used": used, "notes": notes, "recent": recent, "valid_pixels": valid_pixels,
            "forest_land_groups": groups}


def _scaled(progress, start, end):
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)
