"""A national or global land-cover raster brought into the 7 UNCCD classes on a reference grid.

Why a module: every method of the plugin reads land cover in the UNCCD classes on the grid of the
other inputs, and technicians arrive with MapBiomas, ESA CCI, WorldCover, MODIS or MINAM maps in
their own codes, CRS and pixel size. Recoding, aligning and clipping by hand in the raster
calculator and gdalwarp is where codes get lost and nodata gets counted as a class.

How, with memory bounded whatever the raster size and without intermediate files:
1. A census reads the source block by block over the reference's extent and counts every code the
   nesting does not know; they stop the run, named with their pixel counts, unless the user asked
   to send them to no data (``codes.UnknownCodes``).
2. The recode is a lookup table inside a VRT (GDAL's ``<LUT>`` on a ``ComplexSource``), so the
   warper resamples the UNCCD classes, never the product's codes: the mode of the classes when the
   reference cells are larger than the source's (coarsening), nearest neighbour otherwise.
3. One block pass over the reference grid reads the warped classes, clears the pixels outside the
   zones and writes the output (``blocks.run_blocks``: temporary name, renamed when complete).

MODIS files declare an "unknown datum based upon the Clarke 1866 ellipsoid" geographic CRS; the
grids MODIS is defined on are WGS 84 latitude/longitude, so such an unknown-datum geographic CRS is
read as WGS 84 (``source_crs`` says when it did).
"""

import os
from xml.sax.saxutils import escape

import numpy as np
from osgeo import gdal, osr

from . import codes
from .areas import CellAreas
from .block_threads import in_block_order, shared
from .blocks import (
    DEFAULT_BLOCK,
    Grid,
    RasterInput,
    RasterOutput,
    grid_difference,
    open_raster,
    run_blocks,
    warp_to_grid,
)
from .errors import N_, InputError

NODATA = 0  # output no data; the UNCCD classes are 1..7
UNKNOWN_TEMPLATE = N_("The land cover {name} holds codes the legend nesting does not know; codes (pixels): {values}. "
                      "Add them to the nesting (a Trends.Earth legend-nesting file in NESTING_FILE), choose the "
                      "right PRESET, or set UNKNOWN_CODES to leave those pixels out as no data.")


def source_crs(ds):
    """(CRS WKT to read ``ds`` in, True when an unknown-datum geographic CRS was read as WGS 84)."""
    wkt = ds.GetProjection()
    if not wkt:
        return "", False
    srs = osr.SpatialReference()
    if srs.ImportFromWkt(wkt) != 0 or not srs.IsGeographic():
        return wkt, False
    datum = (srs.GetAttrValue("DATUM") or "").lower().replace("_", " ")
    code = srs.GetAuthorityCode("GEOGCS") or srs.GetAuthorityCode(None)
    unknown = "not specified" in datum or "unknown" in datum or (code and 4001 <= int(code) <= 4035)
    if not unknown:
        return wkt, False
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    return wgs84.ExportToWkt(), True


def check_integer(ds, name, band=1):
    """InputError unless the land cover's ``band`` holds integer codes (its data type)."""
    if not 1 <= band <= ds.RasterCount:
        raise InputError(N_("The raster {name} has no band {band}."), name=name, band=band)
    dtype = gdal.GetDataTypeName(ds.GetRasterBand(band).DataType)
    if not (dtype.startswith("Int") or dtype.startswith("UInt") or dtype == "Byte"):
        raise InputError(N_("The land cover {name} holds {dtype} values; class codes must be whole numbers. Convert "
                            "it to an integer type (Raster > Conversion > Translate, e.g. Int16)."),
                         name=name, dtype=dtype)


def _transform(src_wkt, dst_wkt):
    if not src_wkt or not dst_wkt:
        return None
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromWkt(src_wkt)
    dst.ImportFromWkt(dst_wkt)
    if src.IsSame(dst):
        return None
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src, dst)


def resampling_for(ds, wkt, grid):
    """'mode' when the reference cells are larger than the source's (coarsening), else 'near'."""
    gt = ds.GetGeoTransform()
    cx, cy = ds.RasterXSize // 2, ds.RasterYSize // 2
    corners = [(gt[0] + gt[1] * (cx + i) + gt[2] * (cy + j), gt[3] + gt[4] * (cx + i) + gt[5] * (cy + j))
               for i, j in ((0, 0), (1, 0), (0, 1))]
    tr = _transform(wkt, grid.crs_wkt)
    if tr is not None:
        corners = [tr.TransformPoint(x, y)[:2] for x, y in corners]
    (x0, y0), (x1, y1), (x2, y2) = corners
    source_cell = abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0))
    ref_gt = grid.geotransform
    ref_cell = abs(ref_gt[1] * ref_gt[5] - ref_gt[2] * ref_gt[4])
    return "mode" if ref_cell > source_cell * (1 + 1e-9) else "near"


def source_window(ds, wkt, grid):
    """(xoff, yoff, xsize, ysize) of the source pixels under the reference grid's extent, or None when none."""
    xmin, ymin, xmax, ymax = grid.bounds()
    tr = _transform(grid.crs_wkt, wkt)
    if tr is not None:
        steps = np.linspace(0.0, 1.0, 21)
        pts = [(xmin + (xmax - xmin) * s, y) for s in steps for y in (ymin, ymax)]
        pts += [(x, ymin + (ymax - ymin) * s) for s in steps for x in (xmin, xmax)]
        pts = [tr.TransformPoint(x, y)[:2] for x, y in pts]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        xmin, xmax, ymin, ymax = min(xs), max(xs), min(ys), max(ys)
    gt = ds.GetGeoTransform()
    cols = sorted(((xmin - gt[0]) / gt[1], (xmax - gt[0]) / gt[1]))
    rows = sorted(((ymax - gt[3]) / gt[5], (ymin - gt[3]) / gt[5]))
    x0, x1 = max(0, int(np.floor(cols[0])) - 1), min(ds.RasterXSize, int(np.ceil(cols[1])) + 1)
    y0, y1 = max(0, int(np.floor(rows[0])) - 1), min(ds.RasterYSize, int(np.ceil(rows[1])) + 1)
    if x1 <= x0 or y1 <= y0:
        return None
    return x0, y0, x1 - x0, y1 - y0


def census(ds, name, window, nesting, policy, band=1, block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None):
    """``codes.UnknownCodes`` of the source pixels in ``window`` whose code the nesting does not know."""
    unknown = codes.UnknownCodes(name, UNKNOWN_TEMPLATE, policy)
    known = dict.fromkeys(list(nesting.parent_of) + list(nesting.nodata_codes), 1)
    view = gdal.Translate("", ds, format="VRT", srcWin=list(window), bandList=[band])

    def count(block):
        _mapped, is_known = _lookup(block.arrays[0], known)
        unknown.collect(block.arrays[0], block.valid(0) & ~is_known)

    run_blocks([RasterInput(view, name=name)], count, block_size=block_size, progress=progress,
               is_cancelled=is_cancelled, parallel=True)
    unknown.check()
    return unknown


def _lookup(array, mapping):
    from .tables import lookup

    return lookup(array, mapping, 0, np.uint8)


def lut_entries(nesting):
    """GDAL ``<LUT>`` text: every known code to its class, every other integer to no data (0).

    GDAL interpolates linearly between entries and clamps outside them; with entries at each code
    and at its two neighbours, any integer not in the nesting falls between two 0 entries."""
    mapping = dict.fromkeys(nesting.nodata_codes, NODATA)
    mapping.update(nesting.parent_of)
    points = sorted({c + d for c in mapping for d in (-1, 0, 1)})
    return ",".join(f"{p}:{mapping.get(p, NODATA)}" for p in points)


def recode_vrt(ds, wkt, nesting, path, band=1):
    """A VRT file at ``path`` reading the source ``band`` through the nesting (Byte, 0 = no data)."""
    nodata = ds.GetRasterBand(band).GetNoDataValue()
    gt = ",".join(repr(float(v)) for v in ds.GetGeoTransform())
    source_nodata = f"<NODATA>{nodata:g}</NODATA>" if nodata is not None else ""
    xml = f"""<VRTDataset rasterXSize="{ds.RasterXSize}" rasterYSize="{ds.RasterYSize}">
  <SRS>{escape(wkt)}</SRS>
  <GeoTransform>{gt}</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1">
    <NoDataValue>{NODATA}</NoDataValue>
    <ComplexSource>
      <SourceFilename relativeToVRT="0">{escape(ds.GetDescription())}</SourceFilename>
      <SourceBand>{band}</SourceBand>
      {source_nodata}
      <LUT>{lut_entries(nesting)}</LUT>
    </ComplexSource>
  </VRTRasterBand>
</VRTDataset>
"""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(xml)
    return path


class _ClassHectares:
    """Hectares per class 0..7 that blocks add to in block order (``in_block_order``): the same whatever the threads."""

    def __init__(self):
        self.values = np.zeros(8)
        shared(self)  # sums recorded on a Dask worker are added here

    def add(self, sums):
        self.values += sums


def _classify_block(block, has_zones, hectares, areas):
    classes = block.arrays[0]
    out = np.where(block.valid(0), classes, NODATA).astype(np.uint8)
    if has_zones:
        out[~block.valid(1)] = NODATA
    if areas is not None:
        cell_ha = np.broadcast_to(areas.block(block.xoff, block.yoff, block.xsize, block.ysize), out.shape)
        in_block_order(hectares.add, np.bincount(out.ravel(), weights=cell_ha.ravel(), minlength=8)[:8])
    return out


def prepare_land_cover(source, nesting, output, workdir, grid=None, zones=None, policy=codes.REFUSE, name="INPUT",
                       band=1, block_size=DEFAULT_BLOCK, progress=None, is_cancelled=None, coordinate_operation=None):
    """Recode ``source`` with ``nesting``, align it onto ``grid`` (default: its own) and clip it to ``zones``.

    ``zones``: a raster on ``grid`` whose nodata pixels are outside every zone (``zones.rasterize_zones``);
    ``band``: the band to read (a MapBiomas collection holds one band per year).
    Returns a dict: ``resampling`` ('mode', 'near' or None), ``crs_assumed`` (bool), ``hectares``
    ({class: ha}, 0 = no data), ``unknown`` (UnknownCodes report or None).
    """
    ds = open_raster(source, name)
    check_integer(ds, name, band)
    wkt, assumed = source_crs(ds)
    own = Grid(ds.RasterXSize, ds.RasterYSize, tuple(ds.GetGeoTransform()), wkt)
    grid = grid or own
    if bool(wkt) != bool(grid.crs_wkt):
        raise InputError(N_("The land cover {name} or the reference grid has no coordinate reference system: assign "
                            "one (Layer properties > Source) and run again."), name=name)
    window = source_window(ds, wkt, grid)
    if window is None:
        raise InputError(N_("The land cover {name} does not overlap the reference grid: choose a reference raster "
                            "(or zones) over the same area."), name=name)
    split = (0.0, 0.3)
    unknown = census(ds, name, window, nesting, policy, band, block_size, _scaled(progress, *split), is_cancelled)
    recoded = gdal.Open(recode_vrt(ds, wkt, nesting, os.path.join(workdir, "recoded.vrt"), band))
    method = None
    if grid_difference(own, grid) is not None:
        method = resampling_for(ds, wkt, grid)
        recoded = warp_to_grid(recoded, grid, method, coordinate_operation=coordinate_operation)
    inputs = [RasterInput(recoded, name=name)] + ([RasterInput(zones, name="ZONES")] if zones else [])
    hectares, areas = _ClassHectares(), (CellAreas(grid) if grid.crs_wkt else None)
    run_blocks(inputs, lambda b: _classify_block(b, bool(zones), hectares, areas),
               [RasterOutput(output, np.uint8, NODATA)], block_size=block_size, grid=grid,
               progress=_scaled(progress, 0.3, 1.0), is_cancelled=is_cancelled, parallel=True)
    return {"resampling": method, "crs_assumed": assumed, "unknown": unknown.report(),
            "hectares": {c: float(hectares.values[c]) for c in range(8)}}


def _scaled(progress, start, end):
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)
