"""ldn_degradation over rasters: block-size independence, bad input, cancel, output format."""

import os

import numpy as np
import pytest
from osgeo import gdal
from rasters import GT_UTM, read_raster, write_raster

from t2restore.algorithms import ldn
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError

ND = -32768


@pytest.fixture
def inputs(tmp_path):
    rng = np.random.default_rng(42)
    shape = (203, 157)  # not a multiple of any block size used below
    lcb = rng.integers(0, 8, shape).astype(np.uint8)
    lct = rng.integers(1, 8, shape).astype(np.uint8)
    lpd = rng.integers(0, 6, shape).astype(np.uint8)
    socb = rng.uniform(0, 80, shape).astype(np.float32)
    socb[:3, :3] = -9999
    soct = (socb * rng.uniform(0.8, 1.2, shape)).astype(np.float32)
    return {
        "arrays": dict(lcb=lcb, lct=lct, lpd=lpd, socb=socb, soct=soct),
        "lc_baseline": write_raster(tmp_path / "lcb.tif", lcb, nodata=0),
        "lc_target": write_raster(tmp_path / "lct.tif", lct, nodata=0),
        "productivity": write_raster(tmp_path / "lpd.tif", lpd, nodata=0, tiled=True),
        "soc_baseline": write_raster(tmp_path / "socb.tif", socb, nodata=-9999),
        "soc_target": write_raster(tmp_path / "soct.tif", soct, nodata=-9999),
    }


def _sources(inputs):
    return {k: v for k, v in inputs.items() if k != "arrays"}


def _reference(a):
    """The whole-array result computed with the per-rule functions (no blocks)."""
    lc = ldn.land_cover_subindicator(np.where(a["lcb"] > 0, a["lcb"], 0), a["lct"])
    prod = ldn.productivity_subindicator(a["lpd"])
    soc = ldn.soc_subindicator(a["socb"], a["soct"], (a["socb"] != -9999) & (a["soct"] != -9999), a["lcb"] == 7)
    return ldn.one_out_all_out([lc, prod, soc])


@pytest.mark.parametrize("block_size", [16, 50, (157, 7), 1024])
def test_identical_whatever_block_size(tmp_path, inputs, block_size):
    out = tmp_path / f"out_{block_size}.tif"
    sub = tmp_path / f"sub_{block_size}.tif"
    result = ldn.ldn_degradation(str(out), subindicators_output=str(sub), block_size=block_size,
                                 **_sources(inputs))
    expected = _reference(inputs["arrays"])
    np.testing.assert_array_equal(read_raster(out), expected)
    assert result["used"] == ["land_cover", "productivity", "soc"]
    assert result["valid_pixels"] == int(np.count_nonzero(expected != ND))
    assert read_raster(sub, 1).shape == expected.shape


def test_area_table_independent_of_block_size(tmp_path, inputs):
    tables = []
    for bs in (32, 1024):
        res = ldn.ldn_degradation(str(tmp_path / f"o{bs}.tif"), block_size=bs, **_sources(inputs))
        tables.append(res["areas"])
    a, b = tables
    assert set(a.hectares) == set(b.hectares)
    for key in a.hectares:
        assert a.hectares[key] == pytest.approx(b.hectares[key], rel=1e-12)
        assert a.pixels[key] == b.pixels[key]
    assert None in {cls for (_z, cls) in a.hectares}  # nodata reported, not dropped


def test_subset_of_subindicators(tmp_path, inputs):
    res = ldn.ldn_degradation(str(tmp_path / "p.tif"), productivity=inputs["productivity"])
    assert res["used"] == ["productivity"]
    np.testing.assert_array_equal(read_raster(tmp_path / "p.tif"),
                                  ldn.productivity_subindicator(inputs["arrays"]["lpd"]))


def test_subindicator_bands_hold_nodata_when_unused(tmp_path, inputs):
    sub = tmp_path / "sub.tif"
    ldn.ldn_degradation(str(tmp_path / "p.tif"), productivity=inputs["productivity"], subindicators_output=str(sub))
    assert (read_raster(sub, 1) == ND).all() and (read_raster(sub, 3) == ND).all()
    assert (read_raster(sub, 2) != ND).any()


def test_water_in_baseline_gives_nodata_for_soc(tmp_path):
    lcb = np.array([[7, 1]], np.uint8)
    lct = np.array([[7, 1]], np.uint8)
    soc = np.array([[50, 50]], np.float32)
    paths = {k: write_raster(tmp_path / f"{k}.tif", v, nodata=0 if v.dtype == np.uint8 else -9999)
             for k, v in dict(lcb=lcb, lct=lct, socb=soc, soct=soc * 0.5).items()}
    ldn.ldn_degradation(str(tmp_path / "o.tif"), lc_baseline=paths["lcb"], lc_target=paths["lct"],
                        soc_baseline=paths["socb"], soc_target=paths["soct"])
    assert read_raster(tmp_path / "o.tif").tolist() == [[ND, -1]]


def test_recode_national_legend(tmp_path):
    nat_b = np.array([[11, 12, 31, 51]], np.uint8)
    nat_t = np.array([[31, 12, 11, 51]], np.uint8)
    table = {11: 1, 12: 1, 31: 3, 51: 5}
    b = write_raster(tmp_path / "b.tif", nat_b, nodata=0)
    t = write_raster(tmp_path / "t.tif", nat_t, nodata=0)
    ldn.ldn_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t, lc_recode=table)
    # tree->crop degraded, tree->tree stable, crop->tree improved, artificial->artificial stable
    assert read_raster(tmp_path / "o.tif").tolist() == [[-1, 0, 1, 0]]


def test_recode_missing_class_names_them_and_leaves_no_output(tmp_path):
    b = write_raster(tmp_path / "b.tif", np.array([[11, 99, 98]], np.uint8), nodata=0)
    t = write_raster(tmp_path / "t.tif", np.array([[11, 11, 11]], np.uint8), nodata=0)
    out = tmp_path / "o.tif"
    with pytest.raises(InputError) as err:
        ldn.ldn_degradation(str(out), lc_baseline=b, lc_target=t, lc_recode={11: 1})
    assert "98 (1), 99 (1)" in str(err.value) and "LC_BASELINE" in str(err.value)
    assert not out.exists()
    assert os.listdir(tmp_path) == sorted(os.listdir(tmp_path)) and not [p for p in os.listdir(tmp_path)
                                                                        if "part" in p]


def test_raster_with_no_valid_pixel(tmp_path, inputs):
    empty = write_raster(tmp_path / "empty.tif", np.zeros((203, 157), np.uint8), nodata=0)
    with pytest.raises(InputError) as err:
        ldn.ldn_degradation(str(tmp_path / "o.tif"), productivity=empty)
    assert "PRODUCTIVITY" in str(err.value) and "no valid pixel" in str(err.value)
    assert not (tmp_path / "o.tif").exists()


def test_all_nodata_overlap(tmp_path):
    a = np.zeros((10, 10), np.uint8)
    a[:5] = 3
    b = np.zeros((10, 10), np.uint8)
    b[5:] = 3
    lc_b = write_raster(tmp_path / "a.tif", a, nodata=0)
    lc_t = write_raster(tmp_path / "b.tif", b, nodata=0)
    with pytest.raises(InputError) as err:
        ldn.ldn_degradation(str(tmp_path / "o.tif"), lc_baseline=lc_b, lc_target=lc_t)
    assert "do not overlap" in str(err.value)


@pytest.mark.parametrize("change,prop", [
    (dict(epsg=32719), "CRS"),
    (dict(geotransform=(400000.0, 20.0, 0.0, 8960000.0, 0.0, -20.0)), "pixel size"),
    (dict(geotransform=(400030.0, 30.0, 0.0, 8960000.0, 0.0, -30.0)), "origin"),
    (dict(shape=(10, 11)), "size"),
])
def test_grid_mismatch_names_property_and_values(tmp_path, change, prop):
    shape = change.pop("shape", (10, 10))
    a = write_raster(tmp_path / "a.tif", np.ones((10, 10), np.uint8), nodata=0)
    b = write_raster(tmp_path / "b.tif", np.ones(shape, np.uint8), nodata=0, **change)
    with pytest.raises(GridMismatchError) as err:
        ldn.ldn_degradation(str(tmp_path / "o.tif"), lc_baseline=a, lc_target=b)
    msg = str(err.value)
    assert f"{prop} differs" in msg and "LC_BASELINE" in msg and "LC_TARGET" in msg
    if prop == "CRS":
        assert "EPSG:32718" in msg and "EPSG:32719" in msg
    if prop == "pixel size":
        assert "30 x 30" in msg and "20 x 20" in msg
    assert not (tmp_path / "o.tif").exists()


def test_cancel_leaves_no_output(tmp_path, inputs):
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 3

    out = tmp_path / "o.tif"
    with pytest.raises(Cancelled):
        ldn.ldn_degradation(str(out), block_size=32, is_cancelled=cancelled, **_sources(inputs))
    assert not out.exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".o.tif")]


def test_previous_output_survives_a_failed_run(tmp_path, inputs):
    out = tmp_path / "o.tif"
    ldn.ldn_degradation(str(out), productivity=inputs["productivity"])
    before = read_raster(out)
    empty = write_raster(tmp_path / "empty.tif", np.zeros((203, 157), np.uint8), nodata=0)
    with pytest.raises(InputError):
        ldn.ldn_degradation(str(out), productivity=empty)
    np.testing.assert_array_equal(read_raster(out), before)


def test_output_format(tmp_path, inputs):
    out = tmp_path / "o.tif"
    progress = []
    ldn.ldn_degradation(str(out), block_size=64, progress=progress.append, **_sources(inputs))
    ds = gdal.Open(str(out))
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Int16
    assert band.GetNoDataValue() == ND
    assert band.GetBlockSize() == [512, 512]
    assert ds.GetMetadata("IMAGE_STRUCTURE")["COMPRESSION"] in ("ZSTD", "DEFLATE")
    assert ds.GetGeoTransform() == GT_UTM
    assert progress == sorted(progress) and progress[-1] == 1.0 and len(progress) == 12  # 4 x 3 windows
