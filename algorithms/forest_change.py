"""Forest change from Hansen Global Forest Change layers or an annual land-cover series (MapBiomas).

Why this module exists: fragmentation wants a forest mask for a given year, SERFOR's criteria want the
year of forest loss (their density of recent deforestation is computed from it), and reports want the
hectares of forest lost per zone and year. Technicians hold Hansen's treecover2000 / lossyear / gain
tiles or MapBiomas' annual classifications; here both become the same three products, block by block.

Rules (docs/metodos.md, "Cambio de bosque"):
- Hansen: forest in 2000 = treecover2000 >= threshold (percent canopy cover). Loss in year 2000 + c for
  lossyear code c (1..99) of a forest pixel. Forest in year Y = forest in 2000 and not lost in 2001..Y;
  with gain used, a gain pixel is forest from the gain period's end year (2012 for GFC v1.0-1.7) on, unless
  lost after that year up to Y.
- Series: forest in year Y = the class of band Y is one of the forest classes. Loss in year Y = forest in
  Y - 1 and not forest in Y (both with data); every such transition counts in the table (gross loss); the
  loss-year raster keeps the latest one.
"""

from dataclasses import dataclass, field

import numpy as np

from .areas import CellAreas
from .block_threads import Total, in_block_order
from .blocks import DEFAULT_BLOCK, Grid, RasterInput, RasterOutput, run_blocks
from .errors import N_, InputError
from .tables import AreaAccumulator
from .vegetation_series import parse_date

HANSEN_BASE = 2000
MASK_NODATA = 255
YEAR_NODATA = -32768


@dataclass
class Hansen:
    treecover: str
    lossyear: str
    gain: str = None
    threshold: float = 30.0
    gain_year: int = None  # None: gain not used


@dataclass
class Series:
    path: str
    forest_classes: tuple
    first_year: int = None  # year of band 1 when band descriptions hold no year
    years: list = field(default_factory=list)


def hansen_forest(treecover, lossyear, year, threshold, gain=None, gain_year=None):
    """Forest (bool) in ``year`` from Hansen's layers (rules in the module docstring)."""
    lossyear = np.asarray(lossyear).astype(np.int32)
    lost_by = (lossyear >= 1) & (lossyear <= year - HANSEN_BASE)
    forest = (np.asarray(treecover) >= threshold) & ~lost_by
    if gain is not None and gain_year is not None and year >= gain_year:
        lost_after = (lossyear > gain_year - HANSEN_BASE) & (lossyear <= year - HANSEN_BASE)
        forest |= (np.asarray(gain) == 1) & ~lost_after
    return forest


def hansen_loss_year(treecover, lossyear, threshold):
    """Calendar year of loss of forest (treecover2000 >= threshold), 0 where none."""
    lossyear = np.asarray(lossyear).astype(np.int32)
    lost = (np.asarray(treecover) >= threshold) & (lossyear >= 1) & (lossyear <= 99)
    return np.where(lost, lossyear + HANSEN_BASE, 0)


def series_years(ds, first_year=None):
    """The year of each band: from its description, else ``first_year`` + band index; refused when neither."""
    years = []
    for b in range(1, ds.RasterCount + 1):
        when = parse_date(ds.GetRasterBand(b).GetDescription())
        if when is None and first_year is None:
            raise InputError(N_("Band {band} of the land-cover series has no year in its description "
                                "('{description}'). Give FIRST_YEAR, the year of band 1."),
                             band=b, description=ds.GetRasterBand(b).GetDescription())
        years.append(first_year + b - 1 if first_year is not None else when.date.year)
    if any(b <= a for a, b in zip(years, years[1:])):
        raise InputError(N_("The bands of the land-cover series are not in year order ({years}). Order them by "
                            "year."), years=", ".join(map(str, years)))
    return years


def series_loss(forest, valid, years):
    """(latest loss year or 0, [(year, loss mask)]) of a (years, rows, cols) forest stack."""
    latest = np.zeros(forest.shape[1:], np.int32)
    per_year = []
    for k in range(1, forest.shape[0]):
        lost = forest[k - 1] & ~forest[k] & valid[k - 1] & valid[k]
        latest[lost] = years[k]
        per_year.append((years[k], lost))
    return latest, per_year


@dataclass
class _Outputs:
    mask: str = None
    loss_year: str = None

    def rasters(self):
        made = []
        if self.mask:
            made.append(RasterOutput(self.mask, np.uint8, MASK_NODATA))
        if self.loss_year:
            made.append(RasterOutput(self.loss_year, np.int16, YEAR_NODATA))
        return made


def forest_change(source, year, mask=None, loss_year=None, zones=None, block_size=DEFAULT_BLOCK, progress=None,
                  is_cancelled=None):
    """Forest mask of ``year`` and loss-year raster (optional paths) and the hectares lost per (zone, year).

    ``source`` is a ``Hansen`` or a ``Series``. Returns {"table": AreaAccumulator of (zone, year), "loss_ha":
    {year: ha}, "forest_ha": forest hectares in ``year``, "years": (first, last) the source covers}."""
    outputs = _Outputs(mask, loss_year)
    if isinstance(source, Hansen):
        inputs, compute, span = _hansen_setup(source, year)
    else:
        inputs, compute, span = _series_setup(source, year)
    if zones is not None:
        inputs.append(RasterInput(zones, name="ZONES"))
    for inp in inputs:
        inp.open()
    cells = CellAreas(_grid(inputs[0]))
    acc, forest_ha = AreaAccumulator(), Total(0.0)

    def func(block):
        forest, valid, losses, latest, loss_valid = compute(block)
        areas = cells.block(block.xoff, block.yoff, block.xsize, block.ysize)
        zone = block.arrays[-1] if zones is not None else np.zeros(valid.shape, np.int64)
        for when, lost in losses:
            acc.add(np.full(int(lost.sum()), when), np.ones(int(lost.sum()), bool), areas[lost], zone[lost])
        in_block_order(forest_ha.add, float(areas[forest & valid].sum()))
        result = []
        if outputs.mask:
            result.append(np.where(valid, forest, MASK_NODATA).astype(np.uint8))
        if outputs.loss_year:
            result.append(np.where(loss_valid, latest, YEAR_NODATA).astype(np.int16))
        return result or None

    run_blocks(inputs, func, outputs.rasters(), block_size=block_size, progress=progress, is_cancelled=is_cancelled,
               parallel=True)
    loss = {}
    for _zone, when, ha, _px in acc.rows():
        loss[when] = loss.get(when, 0.0) + ha
    return {"table": acc, "loss_ha": dict(sorted(loss.items())), "forest_ha": forest_ha.value, "years": span}


def _grid(inp):
    return Grid.of(inp.ds)


def _hansen_setup(source, year):
    if year < HANSEN_BASE:
        raise InputError(N_("Hansen's layers start in {base}: the forest mask year {year} is before it. Choose "
                            "{base} or later."), base=HANSEN_BASE, year=year)
    inputs = [RasterInput(source.treecover, name="TREECOVER"), RasterInput(source.lossyear, name="LOSSYEAR")]
    if source.gain:
        inputs.append(RasterInput(source.gain, name="GAIN"))

    def compute(block):
        tc, ly = block.arrays[0], block.arrays[1]
        valid = block.valid(0) & block.valid(1)
        gain = None
        if source.gain:
            valid &= block.valid(2)
            gain = block.arrays[2]
        forest = hansen_forest(tc, ly, year, source.threshold, gain, source.gain_year)
        latest = hansen_loss_year(tc, ly, source.threshold) * valid
        losses = [(int(y), valid & (latest == y)) for y in np.unique(latest[latest > 0])]
        return forest, valid, losses, latest, valid

    return inputs, compute, (HANSEN_BASE, None)


def _series_setup(source, year):
    inp = RasterInput(source.path, name="LAND_COVER_SERIES", band=None)
    years = series_years(inp.open(), source.first_year)
    source.years = years
    if year not in years:
        raise InputError(N_("The land-cover series covers {first}-{last}: it has no band for {year}. Choose a year "
                            "it covers."), first=years[0], last=years[-1], year=year)
    k_year = years.index(year)
    classes = np.asarray(sorted(source.forest_classes))

    def compute(block):
        stack, valid = block.arrays[0], block.valid(0)
        forest = np.isin(stack, classes)
        latest, losses = series_loss(forest, valid, years)
        return forest[k_year], valid[k_year], losses, latest, valid.any(axis=0)

    return [inp], compute, (years[0], years[-1])
