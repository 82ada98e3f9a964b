"""Hectares per class of an integer raster, optionally per zone, on the WGS 84 ellipsoid."""

from .areas import CellAreas
from .blocks import DEFAULT_BLOCK, Grid, RasterInput, run_blocks
from .errors import N_, InputError
from .tables import AreaAccumulator


def class_areas(raster, band=1, zones=None, block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None):
    """AreaAccumulator of (zone, class) for an integer raster band; nodata area as its own class."""
    inp = RasterInput(raster, name="INPUT", band=band)
    ds = inp.open()
    if inp.dtype().kind not in "iu":
        raise InputError(N_("The raster {name} holds decimal values; area by class needs an integer (class) "
                            "raster. Classify or convert it first."), name=ds.GetDescription())
    inputs = [inp]
    if zones is not None:
        inputs.append(RasterInput(zones, name="ZONES"))
    cells = CellAreas(Grid.of(ds))
    acc = AreaAccumulator()

    def block_func(block):
        valid = block.valid(0)
        zone = block.arrays[1] if zones is not None else None
        acc.add(block.arrays[0], valid, cells.block(block.xoff, block.yoff, block.xsize, block.ysize), zone)

    def before_commit():
        if not any(c is not None for (_z, c) in acc.hectares):
            raise InputError(N_("The raster {name} has no valid pixel (all nodata)."), name=ds.GetDescription())

    run_blocks(inputs, block_func, (), block_size=block_size, progress=progress, is_cancelled=is_cancelled,
               before_commit=before_commit, parallel=True)
    return acc

