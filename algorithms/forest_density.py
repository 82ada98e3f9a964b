"""Density of recent deforestation from a loss-year raster (issue 19, item 4), as SERFOR's criteria compute it.

Why a module: forest_change writes the year of forest loss; SERFOR's criteria turn it into the density of recent
deforestation (hectares lost per km2 of land with data within a radius, over the last years up to the latest loss).
Technicians want that density on its own, to inspect it or to feed SERFOR's workflow, so it is computed here by
serfor's own functions (recent window and reach: ``serfor._loss_setup``; disc sums: ``serfor.density``; years:
``serfor.loss_years``): the result equals the deforestation_density band of serfor_criteria on the same raster.
"""

import numpy as np

from . import serfor
from .blocks import Grid, RasterInput, RasterOutput, run_blocks
from .errors import N_, InputError

BAND_NAME = "deforestation_density_ha_per_km2"


def density_defaults():
    """(recent years, radius in metres) of SERFOR's preset: the defaults of the deforestation density."""
    recent = serfor.load_preset()["recent_deforestation"]
    return int(recent["recent_years"]), float(recent["radius_m"])


def density_rules(grid, recent_years=None, radius_m=None):
    """{"recent_years", "radius"} (SERFOR's preset where None), checked against ``grid`` before any work: negative
    years, a radius not above 0 and a radius wider than serfor's largest halo (in pixels) are refused."""
    default_years, default_radius = density_defaults()
    rules = {"recent_years": default_years if recent_years is None else int(recent_years),
             "radius": default_radius if radius_m is None else float(radius_m)}
    if rules["recent_years"] < 0 or not rules["radius"] > 0:
        raise InputError(N_("The deforestation density needs 0 or more recent years and a search radius above "
                            "0 m; they are {years} and {radius} m. Give values in those ranges."),
                         years=rules["recent_years"], radius=rules["radius"])
    serfor._loss_setup(None, False, rules, serfor.PixelMetres(grid), grid, True, [])  # the radius's reach
    return rules


def deforestation_density(loss_year, output, recent_years=None, radius_m=None, block_size=None, progress=None,
                          is_cancelled=None):
    """Write the density of recent deforestation of ``loss_year`` (calendar year or Hansen code 1-99, 0 no loss)
    to ``output`` (float32, nodata ``serfor.CRITERIA_NODATA``; no data where the loss year has none or no pixel
    with data lies within the radius). ``recent_years`` (0: every year) and ``radius_m`` default to SERFOR's
    preset. Returns [(English template, params)] for the log."""
    inp = RasterInput(loss_year, name="LOSS_YEAR")
    grid = Grid.of(inp.open())
    rules = density_rules(grid, recent_years, radius_m)
    metres, notes = serfor.PixelMetres(grid), []
    recent, halo = serfor._loss_setup(inp.ds, True, rules, metres, grid, True, notes)

    def func(block):
        years = serfor.loss_years(block.arrays[0])
        valid = block.valid(0)
        lost = (years > 0) & valid
        if recent is not None:
            lost &= (years >= recent[0]) & (years <= recent[1])
        dx, dy = metres.rows(block.yoff, block.ysize)
        dens, _ = serfor.density(lost, valid, block.halo, rules["radius"], dx, dy)
        out = np.full(dens.shape, serfor.CRITERIA_NODATA, np.float32)
        good = block.core(valid) & np.isfinite(dens)
        out[good] = dens[good]
        return out

    run_blocks([inp], func, [RasterOutput(output, np.float32, serfor.CRITERIA_NODATA, band_names=(BAND_NAME,),
                                          options=serfor.fast_float_options())],
               block_size=serfor.SERFOR_BLOCK if block_size is None else block_size, halo=halo, progress=progress,
               is_cancelled=is_cancelled, parallel=True)
    return notes
