"""prepare_land_cover: recode with a nesting, align (mode when coarsening, nearest when refining), clip.

Expected arrays are worked out by hand from the nesting tables (ESA CCI -> UNCCD, Trends.Earth's default).
"""

import numpy as np
import pytest
from osgeo import gdal, osr
from rasters import read_raster, write_raster

from t2restore.algorithms import codes, land_cover_prep
from t2restore.algorithms.blocks import Grid
from t2restore.algorithms.errors import InputError
from t2restore.algorithms.legends import load_preset

CCI = None


def cci():
    global CCI
    CCI = CCI or load_preset("esa_cci")
    return CCI


GT10 = (400000.0, 10.0, 0.0, 8960000.0, 0.0, -10.0)
GT20 = (400000.0, 20.0, 0.0, 8960000.0, 0.0, -20.0)


def _grid(xsize, ysize, gt, epsg=32718):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return Grid(xsize, ysize, gt, srs.ExportToWkt())


def test_recode_on_own_grid(tmp_path):
    # 50 tree cover -> 1, 130 grassland -> 2, 10 rainfed cropland -> 3, 180 flooded shrub -> 4,
    # 190 urban -> 5, 220 snow -> 6, 210 water -> 7; 0 is the product's no data, 255 the band's nodata.
    src = write_raster(tmp_path / "cci.tif", np.array([[50, 130, 10, 180], [190, 220, 210, 0], [255, 50, 50, 50]],
                                                      np.uint8), geotransform=GT10, nodata=255)
    out = tmp_path / "lc.tif"
    result = land_cover_prep.prepare_land_cover(src, cci(), str(out), str(tmp_path))
    assert read_raster(out).tolist() == [[1, 2, 3, 4], [5, 6, 7, 0], [0, 1, 1, 1]]
    assert result["resampling"] is None


def test_mode_when_coarsening(tmp_path):
    # 10 m source onto a 30 m reference: each output cell is the mode of the 3 x 3 UNCCD classes under it.
    # Left cell: 50, 60, 70, 100 (four codes, all tree-covered: 4 votes for class 1), 130 x 3 (grassland: 3 votes),
    # 190 and 210: class 1. The most frequent *code* is 130, so a mode taken on codes would give grassland.
    # Right cell: 210 x 5 (water) and 10, 11, 12, 20 (cropland: 4 votes, no code more than once): class 7.
    src = np.array([[50, 60, 130, 210, 210, 10],
                    [70, 100, 130, 210, 11, 210],
                    [130, 190, 210, 12, 20, 210]], np.uint8)
    path = write_raster(tmp_path / "cci.tif", src, geotransform=GT10, nodata=255)
    out = tmp_path / "lc.tif"
    gt30 = (400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0)
    result = land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), grid=_grid(2, 1, gt30))
    assert result["resampling"] == "mode"
    assert read_raster(out).tolist() == [[1, 7]]


def test_nearest_when_refining(tmp_path):
    path = write_raster(tmp_path / "cci.tif", np.array([[50, 130], [210, 190]], np.uint8), geotransform=GT20,
                        nodata=255)
    out = tmp_path / "lc.tif"
    result = land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), grid=_grid(4, 4, GT10))
    assert result["resampling"] == "near"
    assert read_raster(out).tolist() == [[1, 1, 2, 2], [1, 1, 2, 2], [7, 7, 5, 5], [7, 7, 5, 5]]


def test_unknown_codes_refused_with_pixel_counts(tmp_path):
    path = write_raster(tmp_path / "cci.tif", np.array([[50, 99, 99], [13, 50, 99]], np.uint8), geotransform=GT10,
                        nodata=255)
    out = tmp_path / "lc.tif"
    with pytest.raises(InputError) as info:
        land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path))
    assert info.value.params["values"] == "99 (3), 13 (1)"
    assert not out.exists()


def test_unknown_codes_to_nodata_when_asked(tmp_path):
    path = write_raster(tmp_path / "cci.tif", np.array([[50, 99, 99], [13, 50, 210]], np.uint8), geotransform=GT10,
                        nodata=255)
    out = tmp_path / "lc.tif"
    result = land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), policy=codes.NODATA)
    assert read_raster(out).tolist() == [[1, 0, 0], [0, 1, 7]]
    assert result["unknown"] == ("INPUT", 3, "99 (2), 13 (1)")


def test_zones_clip(tmp_path):
    path = write_raster(tmp_path / "cci.tif", np.full((2, 3), 50, np.uint8), geotransform=GT10, nodata=255)
    zones = write_raster(tmp_path / "zones.tif", np.array([[1, 0, 2], [0, 0, 2]], np.int32), geotransform=GT10,
                         nodata=0)
    out = tmp_path / "lc.tif"
    land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), zones=zones)
    assert read_raster(out).tolist() == [[1, 0, 1], [0, 0, 1]]


def test_block_size_independent(tmp_path):
    rng = np.random.default_rng(7)
    codes_ = np.array(sorted(cci().parent_of), np.int16)
    src = codes_[rng.integers(0, len(codes_), size=(97, 83))]
    path = write_raster(tmp_path / "cci.tif", src, geotransform=GT10, nodata=-1)
    grid = _grid(41, 48, GT20)
    results = []
    for size in (16, 37, 1024):
        out = tmp_path / f"lc_{size}.tif"
        land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), grid=grid, block_size=size)
        results.append(read_raster(out))
    assert np.array_equal(results[0], results[1]) and np.array_equal(results[0], results[2])
    # same grid: the recode alone, checked pixel by pixel against the table
    out = tmp_path / "own.tif"
    land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), block_size=29)
    expected = np.vectorize(cci().parent_of.get)(src)
    assert np.array_equal(read_raster(out), expected)


def test_modis_clarke_1866_unknown_datum_read_as_wgs84(tmp_path):
    """MCD12C1 declares EPSG:4008 ("Unknown datum based upon the Clarke 1866 ellipsoid"): read as WGS 84."""
    igbp = load_preset("modis_igbp")
    gt = (-77.0, 0.05, 0.0, -6.0, 0.0, -0.05)
    array = np.array([[2, 2, 12, 0], [8, 9, 13, 16], [2, 10, 17, 255]], np.uint8)
    modis = write_raster(tmp_path / "mcd12c1.tif", array, epsg=4008, geotransform=gt, nodata=None)
    same = write_raster(tmp_path / "wgs84.tif", array, epsg=4326, geotransform=gt, nodata=None)
    ds = gdal.Open(str(modis))
    assert land_cover_prep.source_crs(ds)[1] is True
    assert land_cover_prep.source_crs(gdal.Open(str(same)))[1] is False
    # onto a UTM 18S reference of 1 km cells: the Clarke file must land exactly where the WGS 84 one does
    grid = _grid(12, 8, (281000.0, 1000.0, 0.0, 9335000.0, 0.0, -1000.0))
    a, b = tmp_path / "a.tif", tmp_path / "b.tif"
    result = land_cover_prep.prepare_land_cover(modis, igbp, str(a), str(tmp_path), grid=grid)
    land_cover_prep.prepare_land_cover(same, igbp, str(b), str(tmp_path), grid=grid)
    assert result["crs_assumed"] is True
    assert np.array_equal(read_raster(a), read_raster(b))
    assert set(np.unique(read_raster(a))) <= {0, 1, 2, 3, 5, 6, 7} and 1 in read_raster(a)
    out = gdal.Open(str(a))
    assert out.GetRasterBand(1).GetNoDataValue() == 0


def test_float_input_refused(tmp_path):
    path = write_raster(tmp_path / "f.tif", np.array([[50.0, 130.0]], np.float32), geotransform=GT10)
    with pytest.raises(InputError) as info:
        land_cover_prep.prepare_land_cover(path, cci(), str(tmp_path / "o.tif"), str(tmp_path))
    assert "whole numbers" in info.value.template


def test_lut_sends_gaps_to_nodata():
    class N:
        parent_of = {10: 3, 12: 3, 50: 1}
        nodata_codes = {0}
    entries = dict(tuple(map(float, e.split(":"))) for e in land_cover_prep.lut_entries(N).split(","))
    xs = sorted(entries)

    def at(v):  # GDAL's LUT: linear between entries, clamped outside
        return float(np.interp(v, xs, [entries[x] for x in xs]))
    assert [at(v) for v in (-5, 0, 9, 10, 11, 12, 13, 30, 49, 50, 51, 300)] == \
        [0, 0, 0, 3, 0, 3, 0, 0, 0, 1, 0, 0]


def test_cancel_leaves_no_output(tmp_path):
    from t2restore.algorithms.errors import Cancelled

    path = write_raster(tmp_path / "cci.tif", np.full((40, 40), 50, np.uint8), geotransform=GT10, nodata=255)
    out = tmp_path / "lc.tif"
    with pytest.raises(Cancelled):
        land_cover_prep.prepare_land_cover(path, cci(), str(out), str(tmp_path), block_size=16,
                                           is_cancelled=lambda: True)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".lc.tif")]


def test_band_out_of_range_refused(tmp_path):
    path = write_raster(tmp_path / "cci.tif", np.full((2, 2), 50, np.uint8), geotransform=GT10)
    with pytest.raises(InputError) as info:
        land_cover_prep.prepare_land_cover(path, cci(), str(tmp_path / "o.tif"), str(tmp_path), band=3)
    assert info.value.params["band"] == 3
