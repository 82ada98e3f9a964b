"""Raster engine (halo, multi-band, alignment) and ellipsoidal areas against independent truths."""

import math

import numpy as np
import pytest
from osgeo import gdal
from rasters import disk_full_on_write, footprint_area_ha, write_raster

from t2restore.algorithms import areas, blocks
from t2restore.algorithms.summary import class_areas

A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)


def numeric_band_area(lat1, lat2, dlon, n=20000):
    """Ellipsoidal area between two latitudes by integrating M(phi) N(phi) cos(phi) (Simpson).

    Independent of the authalic-latitude closed form the code uses.
    """
    phi = np.linspace(math.radians(lat1), math.radians(lat2), n + 1)
    s2 = np.sin(phi) ** 2
    m = A * (1 - E2) / (1 - E2 * s2) ** 1.5
    nn = A / np.sqrt(1 - E2 * s2)
    f = m * nn * np.cos(phi)
    h = (phi[-1] - phi[0]) / n
    integral = h / 3 * (f[0] + f[-1] + 4 * f[1:-1:2].sum() + 2 * f[2:-1:2].sum())
    return abs(integral) * math.radians(dlon)


def test_halo_moving_window_matches_whole_array(tmp_path):
    rng = np.random.default_rng(3)
    arr = rng.integers(0, 2, (97, 83)).astype(np.uint8)
    path = write_raster(tmp_path / "m.tif", arr)
    padded = np.pad(arr.astype(np.int32), 2)
    expected = sum(padded[dy:dy + 97, dx:dx + 83] for dy in range(5) for dx in range(5))
    for bs in (8, 31, 1024):
        out = tmp_path / f"s{bs}.tif"

        def window_sum(block):
            a = np.where(block.inside, block.arrays[0], 0).astype(np.int32)
            h = block.halo
            return sum(a[h + dy:h + dy + block.ysize, h + dx:h + dx + block.xsize]
                       for dy in range(-2, 3) for dx in range(-2, 3))

        blocks.run_blocks([blocks.RasterInput(path)], window_sum, [blocks.RasterOutput(str(out), np.int32, -1)],
                          block_size=bs, halo=2)
        from rasters import read_raster

        np.testing.assert_array_equal(read_raster(out), expected)


def test_all_bands_as_3d(tmp_path):
    arr = np.arange(3 * 20 * 30, dtype=np.int16).reshape(3, 20, 30)
    path = write_raster(tmp_path / "b.tif", arr)
    seen = []
    blocks.run_blocks([blocks.RasterInput(path, band=None)], lambda b: seen.append(b.arrays[0].shape), (),
                      block_size=16)
    assert seen[0] == (3, 16, 16) and len(seen) == 4


def test_warp_to_grid_aligns_explicitly(tmp_path):
    ref = write_raster(tmp_path / "ref.tif", np.ones((10, 10), np.uint8))
    other = write_raster(tmp_path / "o.tif", np.full((5, 5), 4, np.uint8),
                         geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    grid = blocks.Grid.of(blocks.open_raster(ref))
    warped = blocks.warp_to_grid(blocks.open_raster(other), grid)
    assert blocks.grid_difference(grid, blocks.Grid.of(warped)) is None
    assert (warped.ReadAsArray() == 4).all()


def test_geographic_cell_area_matches_numeric_integration():
    for lat in (-0.5, -9.0, -18.0):
        closed = areas.geographic_cell_area_m2(lat, lat - 0.25, 0.25)
        assert float(closed) == pytest.approx(numeric_band_area(lat, lat - 0.25, 0.25), rel=1e-9)


def test_geographic_raster_total_is_ellipsoidal_truth(tmp_path):
    # 0.01 degree pixels over Peru's latitudes (-3 to -18.5): cell area varies by 3.6 %
    gt = (-75.0, 0.01, 0.0, -3.0, 0.0, -0.01)
    path = write_raster(tmp_path / "g.tif", np.ones((1550, 40), np.uint8), epsg=4326, geotransform=gt)
    acc = class_areas(path, block_size=256)
    truth = numeric_band_area(-3.0, -18.5, 0.40) / 10000
    assert acc.total() == pytest.approx(truth, rel=1e-7)


@pytest.mark.parametrize("x0", [200000.0, 500000.0, 760000.0])
def test_utm_raster_total_is_ellipsoidal_truth(tmp_path, x0):
    # a department-sized raster (90 km x 120 km of 300 m pixels) at several distances from the meridian
    gt = (x0, 300.0, 0.0, 8400000.0, 0.0, -300.0)
    path = write_raster(tmp_path / "u.tif", np.ones((400, 300), np.uint8), epsg=32719, geotransform=gt)
    acc = class_areas(path, block_size=128)
    truth = footprint_area_ha(blocks.Grid.of(blocks.open_raster(path)))
    nominal = 400 * 300 * 9.0
    assert acc.total() == pytest.approx(truth, rel=1e-4)  # 0.01 %
    if x0 != 500000.0:
        assert abs(nominal - truth) / truth > 5e-4  # the nominal pixel size would be wrong here


def test_cell_areas_independent_of_block_and_interpolation_error(tmp_path):
    gt = (250000.0, 30.0, 0.0, 8400000.0, 0.0, -30.0)
    path = write_raster(tmp_path / "u.tif", np.ones((300, 300), np.uint8), epsg=32719, geotransform=gt)
    grid = blocks.Grid.of(blocks.open_raster(path))
    cells = areas.CellAreas(grid)
    whole = cells.block(0, 0, 300, 300)
    np.testing.assert_allclose(cells.block(37, 101, 50, 60), whole[101:161, 37:87], rtol=0, atol=0)
    # direct evaluation at arbitrary pixels agrees with the interpolated value far below 0.01 %
    direct = cells._node_areas(np.array([101, 233]), np.array([37, 199]))
    assert direct[0, 0] == pytest.approx(whole[101, 37], rel=1e-7)
    assert direct[1, 1] == pytest.approx(whole[233, 199], rel=1e-7)


def test_raster_without_crs_is_refused(tmp_path):
    from t2restore.algorithms.errors import InputError

    path = write_raster(tmp_path / "n.tif", np.ones((4, 4), np.uint8), epsg=None)
    with pytest.raises(InputError) as err:
        class_areas(path)
    assert "no coordinate reference system" in str(err.value)


def test_area_summary_per_zone_and_nodata(tmp_path):
    arr = np.array([[1, 1, 2, 2], [1, 0, 2, 2]], np.uint8)
    path = write_raster(tmp_path / "c.tif", arr, nodata=0)
    zones = write_raster(tmp_path / "z.tif", np.array([[1, 1, 2, 2], [1, 1, 2, 0]], np.int32))
    acc = class_areas(path, zones=zones)
    px = dict(acc.pixels)
    assert px == {(1, 1): 3, (1, None): 1, (2, 2): 3, (0, 2): 1}


def test_area_summary_refuses_float(tmp_path):
    from t2restore.algorithms.errors import InputError

    path = write_raster(tmp_path / "f.tif", np.ones((4, 4), np.float32))
    with pytest.raises(InputError) as err:
        class_areas(path)
    assert "decimal values" in str(err.value)


def _noisy_multiband_run(tmp_path, name, block_size=48):
    rng = np.random.default_rng(5)
    arr = rng.normal(size=(130, 150)).astype(np.float32)
    path = write_raster(tmp_path / "noise.tif", arr)
    out = tmp_path / name
    blocks.run_blocks([blocks.RasterInput(path)], lambda b: np.stack([b.arrays[0], 2 * b.arrays[0], -b.arrays[0]]),
                      [blocks.RasterOutput(str(out), np.float32, -9999.0, bands=3)], block_size=block_size)
    return out.read_bytes()


def test_output_bytes_do_not_depend_on_the_compression_threads(tmp_path, monkeypatch):
    monkeypatch.setenv("T2RESTORE_THREADS", "3")
    assert "NUM_THREADS=3" in blocks.creation_options("float32")
    monkeypatch.setenv("T2RESTORE_THREADS", "1")
    assert "NUM_THREADS=1" in blocks.creation_options("float32")
    one = _noisy_multiband_run(tmp_path, "one.tif")
    for value in ("", "zero", "0"):  # unset or not a positive whole number: every CPU
        monkeypatch.setenv("T2RESTORE_THREADS", value)
        assert "NUM_THREADS=ALL_CPUS" in blocks.creation_options("float32")
    assert _noisy_multiband_run(tmp_path, "all.tif") == one


def test_outputs_are_compressed_at_one_level_that_callers_may_change(tmp_path, monkeypatch):
    """ZSTD at level 3 unless a caller asks for another (one ZSTD_LEVEL option: GDAL takes the first);
    DEFLATE keeps GDAL's level unless asked. The file GDAL writes says which codec it used."""
    from t2restore.algorithms import serfor_grid

    def levels(options):
        return [o for o in options if o.startswith(("ZSTD_LEVEL=", "ZLEVEL="))]

    monkeypatch.setattr(blocks, "compression", lambda: "ZSTD")
    assert levels(blocks.creation_options("int16")) == ["ZSTD_LEVEL=3"]
    assert levels(blocks.creation_options("float32", level=1)) == ["ZSTD_LEVEL=1"]
    assert levels(serfor_grid.fast_float_options()) == ["ZSTD_LEVEL=1"]
    monkeypatch.setattr(blocks, "compression", lambda: "DEFLATE")
    assert levels(blocks.creation_options("int16")) == []
    assert levels(blocks.creation_options("int16", level=1)) == ["ZLEVEL=1"]
    monkeypatch.undo()
    source = write_raster(tmp_path / "ones.tif", np.ones((80, 100), np.int16))
    out = tmp_path / "level.tif"
    blocks.run_blocks([blocks.RasterInput(source)], lambda b: b.arrays[0],
                      [blocks.RasterOutput(str(out), np.int16, -1)])
    structure = gdal.Open(str(out)).GetMetadata("IMAGE_STRUCTURE")
    assert structure["COMPRESSION"] == blocks.compression()


def test_a_failing_write_in_the_writer_thread_stops_the_run_and_leaves_nothing(tmp_path, monkeypatch):
    calls = disk_full_on_write(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        _noisy_multiband_run(tmp_path, "failed.tif", block_size=16)
    assert len(calls) <= 3 + blocks.WRITE_AHEAD + 1  # the run stopped soon after the failure
    assert sorted(p.name for p in tmp_path.iterdir()) == ["noise.tif"]  # no output, no temporary file
