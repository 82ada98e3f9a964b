"""An annual vegetation-index series (one band per year) from the composites technicians download.

Why this module exists: MODIS MOD13Q1 / MYD13Q1 16-day NDVI or EVI, Landsat or Sentinel-2 composites
arrive as tens or hundreds of files, scaled integers with fill values and quality layers beside them.
``productivity_dynamics`` wants one band per year of index values. Here the dates come from band
descriptions, file names or a date table, the scale and quality mask are applied, and each year is
aggregated over a season window, block by block (bounded memory, whatever the number of files).

How: one pass per year; the block engine reads one window of each of the year's observations (and quality
layers) as stored, and the block function takes them one at a time (no 3-D float copies). Bands whose type
must be converted (float64, int32 ...) are read through a VRT stacking them as float32, as before. The block
side is chosen so that the windows fit a memory budget.
"""

import datetime
import math
import os
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

import numpy as np
from osgeo import gdal

from .block_threads import Total, in_block_order
from .blocks import Grid, RasterInput, RasterOutput, grid_difference, open_raster, run_blocks, valid_mask, warp_to_grid
from .errors import N_, GridMismatchError, InputError

NODATA = -9999.0
MODIS_SCALE, MODIS_OFFSET, MODIS_FILL = 0.0001, 0.0, -3000.0
AGGREGATES = ("mean", "max", "integral")
QUALITY_KINDS = ("vi_quality", "reliability")
STRICTNESS = ("good", "usable", "produced")
MEMORY_BUDGET = 256 * 1024 * 1024  # bytes of input windows in memory at once (the read-ahead doubles it)
_MODIS_NAME = re.compile(r"M[OY]D13[A-Z0-9]*", re.IGNORECASE)

# dates in file names and band descriptions, the most specific first
_DATE_PATTERNS = (
    (re.compile(r"(?:^|[._-])A(\d{4})(\d{3})(?!\d)"), "doy"),  # MOD13Q1.A2019001.h10v09...
    (re.compile(r"doy(\d{4})(\d{3})(?!\d)", re.IGNORECASE), "doy"),  # AppEEARS: ..._doy2019001_aid0001
    (re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)"), "ymd"),  # 2019-01-17
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "ymd"),  # 20190117
    (re.compile(r"(?<!\d)(\d{4})[-_.](\d{3})(?!\d)"), "doy"),  # 2019-017
    (re.compile(r"(?<!\d)(\d{4})(?!\d)"), "year"),  # 2019: an annual composite
)


@dataclass(frozen=True)
class When:
    """The date of an observation; ``annual`` when only the year is known (an annual composite)."""

    date: datetime.date
    annual: bool = False


def parse_date(text):
    """The ``When`` written in ``text`` (a file name or band description), or None."""
    for pattern, kind in _DATE_PATTERNS:
        match = pattern.search(str(text))
        if match:  # a date-shaped text that is no date (2019-13-40) is not read as something less precise
            return _to_date(match.groups(), kind)
    return None


def _to_date(groups, kind):
    year = int(groups[0])
    if not 1900 <= year <= 2200:
        return None
    try:
        if kind == "year":
            return When(datetime.date(year, 7, 1), annual=True)
        if kind == "doy":
            doy = int(groups[1])
            if not 1 <= doy <= (366 if _leap(year) else 365):
                return None
            return When(datetime.date(year, 1, 1) + datetime.timedelta(days=doy - 1))
        return When(datetime.date(year, int(groups[1]), int(groups[2])))
    except ValueError:
        return None


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def season_year(when, start=1, end=366):
    """The year whose season window (days of year ``start``..``end``) holds ``when``, or None.

    ``start`` > ``end`` is a season across the new year (e.g. 274..90, October to March): it belongs
    to the year in which it ends. Annual composites belong to their year whatever the window.
    """
    if when.annual:
        return when.date.year
    doy = when.date.timetuple().tm_yday
    if start <= end:
        return when.date.year if start <= doy <= end else None
    if doy >= start:
        return when.date.year + 1
    return when.date.year if doy <= end else None


def season_day(when, year, start=1, end=366):
    """Days from the start of ``year``'s season window to ``when`` (the time axis of the integral)."""
    first = datetime.date(year - 1 if start > end else year, 1, 1) + datetime.timedelta(days=start - 1)
    return float((when.date - first).days)


# -- MODIS quality (MOD13Q1 / MYD13Q1 user guide, collection 6.1, table "VI Quality") -------------------------

def vi_quality_ok(quality, strictness="usable"):
    """Pixels whose 16-bit VI Quality word passes ``strictness``.

    Bits 0-1 MODLAND QA (00 good quality, 01 produced but check other QA, 10 probably cloudy, 11 not
    produced); bits 2-5 VI usefulness (0000 highest .. 1100 lowest quality, 1101 quality so low that it
    is not useful, 1110 L1B data faulty, 1111 not useful for any other reason); bit 10 mixed clouds;
    bit 14 possible snow/ice; bit 15 possible shadow.
    'good': MODLAND 00 only. 'produced': MODLAND 00 or 01. 'usable' (default): MODLAND 00 or 01,
    usefulness 1100 or better, and none of mixed clouds, snow/ice, shadow.
    """
    q = np.asarray(quality).astype(np.int64) & 0xFFFF
    modland = q & 0b11
    if strictness == "good":
        return modland == 0
    produced = modland <= 1
    if strictness == "produced":
        return produced
    useful = (q >> 2) & 0b1111
    flags = (q >> 10) & 1 | (q >> 14) & 1 | (q >> 15) & 1
    return produced & (useful <= 0b1100) & (flags == 0)


def reliability_ok(reliability, strictness="usable"):
    """Pixels whose pixel reliability (-1 fill, 0 good, 1 marginal, 2 snow/ice, 3 cloudy) passes ``strictness``.

    'good': 0 only; 'usable' and 'produced': 0 or 1."""
    r = np.asarray(reliability).astype(np.int64)
    return r == 0 if strictness == "good" else (r == 0) | (r == 1)


def quality_ok(quality, kind, strictness):
    return vi_quality_ok(quality, strictness) if kind == "vi_quality" else reliability_ok(quality, strictness)


# -- annual aggregates ----------------------------------------------------------------------------------------

def aggregate(values, ok, how, days=None):
    """(result, has value) over axis 0 of ``values`` where ``ok``: mean, max or integral.

    Integral: trapezoid rule in time (``days``, ascending) between the valid observations of each pixel,
    in index x days; a pixel needs two valid observations."""
    count = ok.sum(axis=0)
    if how == "mean":
        total = np.where(ok, values, 0.0).sum(axis=0, dtype=np.float64)
        return total / np.maximum(count, 1), count > 0
    if how == "max":
        return np.where(ok, values, -np.inf).max(axis=0), count > 0
    total = np.zeros(values.shape[1:], np.float64)
    prev_v = np.zeros(values.shape[1:], np.float64)
    prev_t = np.full(values.shape[1:], np.nan)
    for k in range(values.shape[0]):
        step = ok[k] & ~np.isnan(prev_t)
        total[step] += (days[k] - prev_t[step]) * (values[k][step] + prev_v[step]) / 2.0
        prev_v[ok[k]], prev_t[ok[k]] = values[k][ok[k]], days[k]
    return total, count >= 2


# -- observations ---------------------------------------------------------------------------------------------

@dataclass
class Observation:
    """One composite: a band of a file, its date and where its quality layer is (or None)."""

    label: str
    path: str
    band: int
    when: When = None
    quality: tuple = None  # (path, band)


def observations_of(paths, dates=None, quality_paths=(), first_year=None):
    """Observations of the files ``paths`` (every band of each), dated and paired with their quality.

    ``dates`` ({file name, stem or band number as text: When}) overrides what names say. The bands of a
    multi-band raster without dates are the years from ``first_year`` when given (annual composites). A
    file or band whose date cannot be read is refused by name; so is an observation without a quality
    layer when quality layers are given."""
    obs = _band_observations(paths, dates or {}, first_year)
    if quality_paths:
        _pair_quality(obs, _band_observations(quality_paths, dates or {}, first_year))
    return obs


def _band_observations(paths, dates, first_year=None):
    obs = []
    for path in paths:
        ds = open_raster(path)
        Grid.of(ds)  # an absurd grid is refused before anything else
        name = os.path.basename(str(path))
        multiband = ds.RasterCount > 1
        for b in range(1, ds.RasterCount + 1):
            label = f"{name} [{b}]" if multiband else name
            desc = ds.GetRasterBand(b).GetDescription()
            if multiband:
                when = dates.get(f"{name}:{b}") or dates.get(str(b)) or parse_date(desc)
                if when is None and first_year:
                    when = When(datetime.date(first_year + b - 1, 7, 1), annual=True)
            else:
                when = dates.get(name) or dates.get(os.path.splitext(name)[0]) or parse_date(name) or parse_date(desc)
            if when is None:
                raise InputError(N_("Cannot read the date of {name}: neither its band description ('{description}') "
                                    "nor its file name holds a date (e.g. A2019001, 2019-01-17, 2019). Name the files "
                                    "by date or give a date table."), name=label, description=desc)
            obs.append(Observation(label, str(path), b, when))
    return obs


def _pair_quality(obs, quality):
    by_date = {}
    for q in quality:
        by_date.setdefault(q.when.date, []).append(q)
    for o in obs:
        found = by_date.get(o.when.date, [])
        if len(found) != 1:
            raise InputError(N_("The vegetation index {name} ({date}) has {n} quality layers of the same date; it "
                                "needs exactly one. Give one quality layer per date, or none."),
                             name=o.label, date=o.when.date.isoformat(), n=len(found))
        o.quality = (found[0].path, found[0].band)


def read_date_table(path):
    """{name: When} from a CSV of two columns (file name, stem or band number; date), header optional."""
    import csv

    table = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for n, row in enumerate(csv.reader(handle), start=1):
            if not row or not "".join(row).strip():
                continue
            when = parse_date(row[1]) if len(row) > 1 else None
            if when is None:
                if n == 1:
                    continue  # a header
                raise InputError(N_("Row {row} of the date table {path} has no date in its second column (e.g. "
                                    "2019-01-17, 2019-017 or 2019). Fix the row."), row=n, path=path)
            table[row[0].strip()] = when
    return table


# -- scale ----------------------------------------------------------------------------------------------------

def detect_scale(path):
    """(scale, offset, fill) of a product known from its metadata or name, or None when unknown."""
    ds = open_raster(path)
    band = ds.GetRasterBand(1)
    scale, offset = band.GetScale(), band.GetOffset()
    if scale not in (None, 0.0) and (scale != 1.0 or offset not in (None, 0.0)):
        return scale, offset or 0.0, band.GetNoDataValue()
    if _MODIS_NAME.search(os.path.basename(str(path))):
        return MODIS_SCALE, MODIS_OFFSET, MODIS_FILL
    return None


# -- the series -----------------------------------------------------------------------------------------------

@dataclass
class SeriesOptions:
    """How to turn observations into annual values (the user's choices)."""

    scale: float = 1.0
    offset: float = 0.0
    fill: float = None  # raw value that is no data (besides each band's nodata)
    how: str = "mean"
    season: tuple = (1, 366)
    quality_kind: str = "vi_quality"
    strictness: str = "usable"
    years: tuple = None  # (first, last) of the output; None: from the observations
    align: bool = False


def _grid_sources(obs, align, workdir):
    """The grid of the first observation and {path: source on that grid}, aligned when ``align`` (listed)."""
    first = obs[0].path
    grid = Grid.of(open_raster(first))
    sources, aligned = {}, []
    paths = [o.path for o in obs] + [o.quality[0] for o in obs if o.quality]
    for n, path in enumerate(dict.fromkeys(paths)):
        ds = open_raster(path)
        diff = grid_difference(grid, Grid.of(ds))
        if diff and not align:
            prop, a, b = diff
            raise GridMismatchError(name_a=os.path.basename(first), name_b=os.path.basename(path), property=prop,
                                    value_a=a, value_b=b)
        if diff:
            is_quality = path not in {o.path for o in obs}
            warped = warp_to_grid(ds, grid, "near" if is_quality else "bilinear")
            target = os.path.join(workdir, f"aligned_{n}.vrt")
            gdal.GetDriverByName("VRT").CreateCopy(target, warped)
            sources[path] = target
            aligned.append(os.path.basename(path))
        else:
            sources[path] = path
    return grid, sources, aligned


def _stack_vrt(path, grid, bands, dtype_name):
    """A VRT at ``path`` stacking ``bands`` [(source, band number)] as its bands, in order."""
    gt = ",".join(repr(float(v)) for v in grid.geotransform)
    parts = [f'<VRTDataset rasterXSize="{grid.xsize}" rasterYSize="{grid.ysize}">',
             f"<SRS>{escape(grid.crs_wkt)}</SRS>", f"<GeoTransform>{gt}</GeoTransform>"]
    for i, (source, band) in enumerate(bands, start=1):
        parts.append(f'<VRTRasterBand dataType="{dtype_name}" band="{i}"><SimpleSource>'
                     f'<SourceFilename relativeToVRT="0">{escape(os.path.abspath(source))}</SourceFilename>'
                     f"<SourceBand>{band}</SourceBand></SimpleSource></VRTRasterBand>")
    parts.append("</VRTDataset>")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(parts))
    return path


def _nodata_of(path, band, fill):
    ds = open_raster(path)
    values = [ds.GetRasterBand(band).GetNoDataValue(), fill]
    return [v for v in values if v is not None]


@dataclass
class _Year:
    year: int
    obs: list
    days: list
    nodata: list
    inputs: list = None
    stacked: bool = True  # inputs: two VRTs (index, quality) of every observation; else one input per band


def _layers(block, plan):
    """(index arrays, quality arrays or None) of one block: one 2-D array per observation of the year."""
    if plan.stacked:
        return block.arrays[0], (block.arrays[1] if len(block.arrays) > 1 else None)
    n = len(plan.obs)
    return block.arrays[:n], (block.arrays[n:] if len(block.arrays) > n else None)


def plan_years(obs, options):
    """{year: [observations in date order]} of the season windows, and the (first, last) output years."""
    by_year = {}
    for o in sorted(obs, key=lambda o: o.when.date):
        year = season_year(o.when, *options.season)
        if year is not None:
            by_year.setdefault(year, []).append(o)
    if options.years:
        first, last = options.years
    elif by_year:
        first, last = min(by_year), max(by_year)
    else:
        raise InputError(N_("No observation falls in the season window (days {start} to {end} of the year). Widen "
                            "the window or check the dates."), start=options.season[0], end=options.season[1])
    return by_year, first, last


def block_side(n_bands, budget=MEMORY_BUDGET):
    """Side of square blocks whose windows of ``n_bands`` bands (float32, with working copies) fit ``budget``.

    A multiple of the 512-pixel tiles when it can be (each input tile is then decompressed once)."""
    side = int(math.sqrt(budget / (max(n_bands, 1) * 4 * 4)))
    step = 512 if side >= 512 else 16
    return max(64, min(2048, side // step * step))


_VI_TABLES = {}
# types read as stored (converted to float32 exactly in numpy, as GDAL would): half the bytes of float32
_NATIVE_TYPES = {"Byte", "Int16", "UInt16", "Float32"}


def _quality_mask(quality, kind, strictness):
    """``quality_ok`` through a cached 65536-entry table for 16-bit VI Quality words (tested equal)."""
    if kind != "vi_quality":
        return quality_ok(quality, kind, strictness)
    table = _VI_TABLES.get(strictness)
    if table is None:
        table = _VI_TABLES[strictness] = vi_quality_ok(np.arange(65536), strictness)
    return np.take(table, np.asarray(quality, dtype=np.uint16))


def _type_names(bands):
    """The GDAL data type names of ``bands`` [(source, band)]."""
    names = set()
    for source, band in bands:
        ds = open_raster(source)  # kept while its band is read: newer GDAL bindings refuse a band of a closed dataset
        names.add(gdal.GetDataTypeName(ds.GetRasterBand(band).DataType))
    return names


def _stack_type(bands):
    """The VRT data type of ``bands`` [(source, band)]: their own when they share a small exact type, else Float32."""
    names = _type_names(bands)
    return names.pop() if len(names) == 1 and names <= _NATIVE_TYPES else "Float32"


def _read_directly(bands, quality, options):
    """True when every band can be read as stored: index values and quality words then need no conversion
    (the types a VRT would convert them to hold them exactly), so no VRT is needed (it costs a quarter of the
    reading time)."""
    if not _type_names(bands) <= _NATIVE_TYPES:
        return False
    exact = {"Byte", "UInt16"} if options.quality_kind == "vi_quality" else {"Byte", "Int16"}
    return not quality or _type_names(quality) <= exact


def _year_plans(by_year, years, sources, grid, options, workdir):
    """A ``_Year`` per output year; those with observations get their stacked VRTs (index, quality)."""
    plans = []
    for year in years:
        obs = by_year.get(year, [])
        plan = _Year(year, obs, [season_day(o.when, year, *options.season) for o in obs],
                     [_nodata_of(o.path, o.band, options.fill) for o in obs])
        if obs:
            _year_inputs(plan, sources, grid, options, workdir)
        plans.append(plan)
    return plans


def _year_inputs(plan, sources, grid, options, workdir):
    """The inputs of a year with observations: each band as it is stored, or two stacked VRTs (converting)."""
    bands = [(sources[o.path], o.band) for o in plan.obs]
    quality = [(sources[o.quality[0]], o.quality[1]) for o in plan.obs] if all(o.quality for o in plan.obs) else []
    if _read_directly(bands, quality, options):
        labels = [o.label for o in plan.obs]
        plan.stacked = False
        plan.inputs = [RasterInput(source, name=label, band=band) for (source, band), label in zip(bands, labels)]
        plan.inputs += [RasterInput(source, name=f"quality {label}", band=band)
                        for (source, band), label in zip(quality, labels)]
        return
    year = plan.year
    plan.inputs = [RasterInput(_stack_vrt(os.path.join(workdir, f"series_{year}.vrt"), grid, bands,
                                          _stack_type(bands)), name=str(year), band=None)]
    if quality:
        dtype = "UInt16" if options.quality_kind == "vi_quality" else "Int16"
        plan.inputs.append(RasterInput(_stack_vrt(os.path.join(workdir, f"quality_{year}.vrt"), grid, quality, dtype),
                                       name=f"quality {year}", band=None))


def _observation(block, plan, options, k):
    """(scaled float32 values, usable mask) of the ``k``-th observation of a year in one block."""
    index, quality = _layers(block, plan)
    raw = index[k]
    ok = block.inside.copy() if raw.dtype.kind != "f" else block.inside & valid_mask(raw, None)
    for value in plan.nodata[k]:
        ok &= raw != value
    if quality is not None:
        ok &= _quality_mask(quality[k], options.quality_kind, options.strictness)
    values = raw.astype(np.float32, copy=False)
    return values * options.scale + options.offset, ok


def _stream_mean(observations, shape, _days):
    total, count = np.zeros(shape, np.float64), np.zeros(shape, np.int32)
    for values, ok in observations:
        total += np.where(ok, values, np.float32(0))
        count += ok
    return total / np.maximum(count, 1), count > 0


def _stream_max(observations, shape, _days):
    best, count = np.full(shape, -np.inf, np.float32), np.zeros(shape, np.int32)
    for values, ok in observations:
        np.maximum(best, np.where(ok, values, np.float32(-np.inf)), out=best)
        count += ok
    return best, count > 0


def _stream_integral(observations, shape, days):
    total, prev_v, prev_t = np.zeros(shape, np.float64), np.zeros(shape, np.float64), np.full(shape, np.nan)
    count = np.zeros(shape, np.int32)
    for k, (values, ok) in enumerate(observations):
        step = ok & ~np.isnan(prev_t)
        total = np.where(step, total + (days[k] - prev_t) * (values + prev_v) / 2.0, total)
        prev_v, prev_t = np.where(ok, values, prev_v), np.where(ok, days[k], prev_t)
        count += ok
    return total, count >= 2


_STREAMS = {"mean": _stream_mean, "max": _stream_max, "integral": _stream_integral}


def _year_block(block, plan, options):
    """(annual values, has value) of one year over one block.

    One observation at a time (no 3-D temporaries), with the same operations, types and order as
    ``aggregate`` (float32 scaled values, float64 sums), so the results are identical to it."""
    observations = (_observation(block, plan, options, k) for k in range(len(plan.obs)))
    return _STREAMS[options.how](observations, (block.ysize, block.xsize), plan.days)


def _run_year(plan, grid, options, path, block_size, progress, is_cancelled):
    """One year's annual values into ``path`` (a working file); the number of pixels with a value."""
    seen = Total(0)

    def func(block):
        result, has = _year_block(block, plan, options)
        in_block_order(seen.add, int(has.sum()))
        return np.where(has, result, NODATA).astype(np.float32)

    work = RasterOutput(path, np.float32, NODATA, options=("TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512",
                                                           "BIGTIFF=IF_SAFER"))
    size = block_size or block_side(sum(len(i.bands()) for i in plan.inputs))
    run_blocks(plan.inputs, func, [work], block_size=size, progress=progress, is_cancelled=is_cancelled, grid=grid,
               parallel=True)
    return seen.value


def _stack_years(paths, years, output, grid, block_size, progress, is_cancelled):
    """The final output: one band per year from the per-year working files (None: a year left nodata)."""
    inputs = [RasterInput(p, name=str(y)) for p, y in zip(paths, years) if p]
    slots = [None] * len(years)
    n = 0
    for i, p in enumerate(paths):
        if p:
            slots[i], n = n, n + 1

    def func(block):
        out = np.full((len(years), block.ysize, block.xsize), NODATA, np.float32)
        for i, slot in enumerate(slots):
            if slot is not None:
                out[i] = block.arrays[slot]
        return out

    out = RasterOutput(output, np.float32, NODATA, bands=len(years), band_names=tuple(str(y) for y in years))
    run_blocks(inputs, func, [out], block_size=block_size or block_side(len(inputs) + len(years)),
               progress=progress, is_cancelled=is_cancelled, grid=grid, parallel=True)


def _check_options(obs, options):
    if not obs:
        raise InputError(N_("Give the vegetation index files: a list of rasters, a folder or a multi-band raster."))
    if options.how not in AGGREGATES:
        raise InputError(N_("Unknown annual aggregate '{value}': use mean, max or integral."), value=options.how)


def prepare_series(obs, output, options, workdir, block_size=None, progress=None, is_cancelled=None):
    """Write the annual series of ``obs`` (Observations) to ``output``: one float32 band per year, named by its year.

    Each year is one pass over its own observations (a working file), so the inputs read at once are one
    year's, whatever the length of the series; the output is assembled from them at the end, under a
    temporary name. Returns {"years": [first, last], "observations": {year: n}, "missing": [years without
    observations], "empty": [years whose observations hold no valid pixel], "valid_pixels": {year: n},
    "aligned": [file names]}.
    """
    _check_options(obs, options)
    grid, sources, aligned = _grid_sources(obs, options.align, workdir)
    by_year, first, last = plan_years(obs, options)
    years = list(range(first, last + 1))
    plans = _year_plans(by_year, years, sources, grid, options, workdir)
    todo = [p for p in plans if p.obs]
    if not todo:
        raise InputError(N_("No observation falls in the years {first} to {last}. Check FIRST_YEAR and LAST_YEAR "
                            "against the dates of the files."), first=first, last=last)
    valid, paths = {p.year: 0 for p in plans}, []
    for plan in plans:
        if not plan.obs:
            paths.append(None)
            continue
        k = todo.index(plan)
        step = None if progress is None else (lambda f, k=k: progress((k + f) / (len(todo) + 1)))
        paths.append(os.path.join(workdir, f"year_{plan.year}.tif"))
        valid[plan.year] = _run_year(plan, grid, options, paths[-1], block_size, step, is_cancelled)
    if not any(valid.values()):
        raise InputError(N_("No observation holds a valid pixel once nodata, fill values and the quality mask "
                            "are applied. Check the fill value, the quality layers and the strictness."))
    last_step = None if progress is None else (lambda f: progress((len(todo) + f) / (len(todo) + 1)))
    _stack_years(paths, years, output, grid, block_size, last_step, is_cancelled)
    return {"years": [first, last], "observations": {p.year: len(p.obs) for p in plans},
            "missing": [p.year for p in plans if not p.obs],
            "empty": [p.year for p in plans if p.obs and not valid[p.year]],
            "valid_pixels": valid, "aligned": aligned}
