"""Hectares per code by CellAreas.code_sums (no per-pixel areas) against the per-pixel areas of CellAreas.block."""

import numpy as np
import pytest
from osgeo import osr
from rasters import footprint_area_ha

from t2restore.algorithms import areas, blocks, ldn
from t2restore.algorithms.tables import AreaAccumulator


def _grid(epsg, geotransform, xsize=700, ysize=500):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return blocks.Grid(xsize, ysize, geotransform, srs.ExportToWkt())


UTM_FAR = _grid(32719, (180000.0, 30.0, 0.0, 8400000.0, 0.0, -30.0))  # 320 km from the meridian: areas vary
UTM_SKEWED = _grid(32718, (500000.0, 30.0, 2.0, 8800000.0, 1.5, -30.0))  # a rotated grid
GEOGRAPHIC = _grid(4326, (-76.0, 0.0025, 0.0, -4.0, 0.0, -0.0025))
GRIDS = {"utm far from the meridian": UTM_FAR, "rotated utm": UTM_SKEWED, "geographic": GEOGRAPHIC}
WINDOWS = [(0, 0, 700, 500), (37, 101, 157, 7), (64, 64, 64, 64), (63, 63, 2, 2), (5, 130, 600, 1), (699, 0, 1, 500)]


def _patches(shape, ncodes, seed):
    """Codes in patches (as a class raster has), a few pixels of each code scattered."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, ncodes, (shape[0] // 16 + 1, shape[1] // 16 + 1))
    codes = np.kron(coarse, np.ones((16, 16), np.int64))[:shape[0], :shape[1]]
    spots = rng.random(shape) < 0.02
    codes[spots] = rng.integers(0, ncodes, int(spots.sum()))
    return codes.astype(np.uint8)


def _per_pixel(cells, codes, ncodes, xoff, yoff):
    area = cells.block(xoff, yoff, codes.shape[1], codes.shape[0])
    index = codes.ravel().astype(np.intp)
    return np.bincount(index, weights=area.ravel(), minlength=ncodes), np.bincount(index, minlength=ncodes)


def _check_against_per_pixel(cells, codes, ncodes, xoff, yoff):
    """code_sums of the window equal the per-pixel sums (pixels exactly, hectares to 1e-12); its pixel counts."""
    hectares, pixels = cells.code_sums(codes, ncodes, xoff, yoff)
    ref_ha, ref_px = _per_pixel(cells, codes, ncodes, xoff, yoff)
    np.testing.assert_array_equal(pixels, ref_px)
    np.testing.assert_allclose(hectares, ref_ha, rtol=1e-12, atol=0)
    return pixels


@pytest.mark.parametrize("name", list(GRIDS))
@pytest.mark.parametrize("window", WINDOWS)
def test_code_sums_are_the_per_pixel_sums(name, window):
    cells = areas.CellAreas(GRIDS[name])
    xoff, yoff, xsize, ysize = window
    _check_against_per_pixel(cells, _patches((ysize, xsize), 5, seed=xoff + yoff), 5, xoff, yoff)


@pytest.mark.parametrize("name", list(GRIDS))
def test_one_code_absent_codes_and_every_code_in_turn_the_most_frequent(name):
    cells = areas.CellAreas(GRIDS[name])
    one = np.full((130, 90), 2, np.uint8)
    hectares, pixels = cells.code_sums(one, 4, 11, 70)
    assert pixels.tolist() == [0, 0, 130 * 90, 0]
    assert hectares[[0, 1, 3]].tolist() == [0.0, 0.0, 0.0]
    assert hectares[2] == pytest.approx(cells.block(11, 70, 90, 130).sum(), rel=1e-12)
    base = _patches((130, 90), 3, seed=4)
    for main in range(3):  # the most frequent code is counted by subtraction: each one in turn
        codes = np.where(np.arange(90)[None, :] < 60, main, base).astype(np.uint8)
        assert int(np.argmax(_check_against_per_pixel(cells, codes, 3, 11, 70))) == main


def test_codes_outside_the_range_give_none_and_the_table_falls_back():
    cells = areas.CellAreas(UTM_FAR)
    codes = _patches((64, 100), 4, seed=9)
    codes[3, 5] = 4
    assert cells.code_sums(codes, 4, 0, 0) is None
    block = blocks.Block.__new__(blocks.Block)
    block.xoff, block.yoff, block.xsize, block.ysize = 0, 0, 100, 64
    fast, slow = AreaAccumulator(), AreaAccumulator()
    fast.add_cell_codes(codes, 4, cells, block, None, ldn.CODE_CLASSES)
    slow.add_codes(codes, 4, cells.block(0, 0, 100, 64), None, ldn.CODE_CLASSES)
    assert dict(fast.pixels) == dict(slow.pixels)
    assert dict(fast.hectares) == dict(slow.hectares)


def test_a_coarser_lattice_than_the_packing_allows_uses_per_pixel_areas():
    cells = areas.CellAreas(UTM_FAR, step=128)
    codes = _patches((300, 260), 4, seed=2)
    assert cells.code_sums(codes, 4, 20, 30) is None
    block = blocks.Block.__new__(blocks.Block)
    block.xoff, block.yoff, block.xsize, block.ysize = 20, 30, 260, 300
    table, ref_ha, ref_px = AreaAccumulator(), *_per_pixel(cells, codes, 4, 20, 30)
    table.add_cell_codes(codes, 4, cells, block, None, ldn.CODE_CLASSES)
    assert [table.pixels[(0, cls)] for cls in ldn.CODE_CLASSES] == ref_px.tolist()
    np.testing.assert_allclose([table.hectares[(0, cls)] for cls in ldn.CODE_CLASSES], ref_ha, rtol=1e-12, atol=0)


def test_sums_by_window_add_up_to_the_whole_and_to_the_ellipsoidal_truth():
    cells = areas.CellAreas(UTM_FAR)
    codes = _patches((500, 700), 4, seed=5)
    whole_ha, whole_px = cells.code_sums(codes, 4, 0, 0)
    parts_ha, parts_px = np.zeros(4), np.zeros(4, np.int64)
    for yoff in range(0, 500, 97):
        for xoff in range(0, 700, 230):
            ha, px = cells.code_sums(codes[yoff:yoff + 97, xoff:xoff + 230], 4, xoff, yoff)
            parts_ha += ha
            parts_px += px
    np.testing.assert_array_equal(parts_px, whole_px)
    np.testing.assert_allclose(parts_ha, whole_ha, rtol=1e-12)
    assert whole_ha.sum() == pytest.approx(footprint_area_ha(UTM_FAR), rel=1e-4)  # EPSG:6933, edges densified
    assert abs(whole_ha.sum() - 700 * 500 * 0.09) / whole_ha.sum() > 1e-3  # the nominal pixel area is wrong here
