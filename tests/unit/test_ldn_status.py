"""ldn_status rules cell by cell, and the block path against them and against direct numpy sums."""

import numpy as np
import pytest
from osgeo import ogr, osr
from rasters import read_raster, write_raster

from t2restore.algorithms import ldn_status as ls
from t2restore.algorithms.areas import CellAreas, wgs84_centred
from t2restore.algorithms.blocks import Grid, open_raster
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError
from t2restore.algorithms.ldn_status import rules
from t2restore.algorithms.ldn_status.corrections import Correction

ND = -32768
GT_GEO = (-75.0, 0.001, 0.0, -9.0, 0.0, -0.001)
SHAPE = (203, 157)  # a multiple of no block size used below

# METHODS.md 1.5 / issue 11, written out by hand: (baseline, reporting) -> status class
MATRIX = {(-1, -1): 1, (0, -1): 2, (1, -1): 2, (-1, 0): 3, (0, 0): 4, (1, 0): 5, (-1, 1): 6, (0, 1): 6, (1, 1): 7}


@pytest.mark.parametrize("cell", sorted(MATRIX))
def test_status_matrix_every_cell(cell):
    assert rules.status_class(*cell) == MATRIX[cell]


@pytest.mark.parametrize("cell", [(ND, 0), (0, ND), (ND, ND), (2, 0), (0, -2), (None, 1)])
def test_status_of_nodata_or_other_values_is_none(cell):
    assert rules.status_class(*cell) is None


@pytest.mark.parametrize("status,expected", [(1, -1), (2, -1), (3, -1), (4, 0), (5, 1), (6, 1), (7, 1),
                                             (None, None), (0, None), (8, None)])
def test_simplified_status(status, expected):
    assert rules.simplified_status(status) == expected


def test_gains_and_losses_classes():
    assert [c for c in range(1, 8) if rules.is_gain(c)] == [6, 7]
    assert [c for c in range(1, 8) if rules.is_loss(c)] == [1, 2]
    assert rules.net_balance(5.0, 5.0) == (0.0, True)
    assert rules.net_balance(1.0, 2.5) == (-1.5, False)


@pytest.mark.parametrize("value,targets,expected", [
    (-1, (0, None, None), 0), (0, (0, None, None), 0), (1, (0, None, None), 1),
    (-1, (None, 1, -1), -1), (0, (None, 1, -1), 1), (1, (None, 1, -1), -1),
    (ND, (0, 0, 0), ND), (-1, (None, None, None), -1)])
def test_recode_rule(value, targets, expected):
    assert rules.recoded(value, *targets) == expected


def _rule_status(b, r):
    return np.vectorize(lambda x, y: rules.status_class(int(x), int(y)) or ND, otypes=[np.int16])(b, r)


@pytest.fixture
def rasters(tmp_path):
    rng = np.random.default_rng(11)
    arrays = {name: rng.choice(np.array([-1, 0, 1, ND], np.int16), SHAPE, p=[0.3, 0.35, 0.3, 0.05])
              for name in ("b", "r1", "r2")}
    land = rng.integers(0, 400, SHAPE).astype(np.uint16)  # more than 255 classes; 0 is no data
    paths = {name: write_raster(tmp_path / f"{name}.tif", a, epsg=4326, geotransform=GT_GEO, nodata=ND)
             for name, a in arrays.items()}
    paths["land"] = write_raster(tmp_path / "land.tif", land, epsg=4326, geotransform=GT_GEO, nodata=0)
    arrays["land"] = land
    return arrays, paths


def _run(tmp_path, paths, block_size=1024, tag="", corrections=None, index=None):
    outputs = {key: str(tmp_path / f"{key[0]}_{key[1]}{tag}.tif")
               for key in ls.output_keys(ls.REPORTS, True, corrections is not None)}
    inputs = ls.StatusInputs(paths["b"], [paths["r1"], paths["r2"]], land_type=paths.get("land"),
                             correction_index=index, corrections=corrections or [])
    return ls.ldn_status(inputs, outputs, block_size=block_size), outputs


@pytest.mark.parametrize("block_size", [16, 50, (157, 7), 1024])
def test_block_path_equals_the_rules(tmp_path, rasters, block_size):
    arrays, paths = rasters
    result, outputs = _run(tmp_path, paths, block_size, tag=str(block_size))
    for period, key in (("report_1", "r1"), ("report_2", "r2")):
        expected = _rule_status(arrays["b"], arrays[key])
        np.testing.assert_array_equal(read_raster(outputs[("status", period)]), expected)
        simple = np.vectorize(lambda s: ND if s == ND else rules.simplified_status(int(s)), otypes=[np.int16])
        np.testing.assert_array_equal(read_raster(outputs[("simple", period)]), simple(expected))
    assert result["periods"] == ("report_1", "report_2")


def _cells(path):
    grid = Grid.of(open_raster(path))
    return CellAreas(grid).block(0, 0, grid.xsize, grid.ysize)


def _direct_balance(arrays, period_key, cell):
    """{land type: (losses, gains)} and the whole-area (losses, gains), by plain numpy masks."""
    b, r, land = arrays["b"], arrays[period_key], arrays["land"]
    valid = np.isin(b, (-1, 0, 1)) & np.isin(r, (-1, 0, 1))
    loss = valid & (r == -1)  # classes 1 (baseline -1) and 2 (baseline 0 or 1)
    gain = valid & (r == 1)  # classes 6 (baseline -1 or 0) and 7 (baseline 1)
    out = {}
    for value in np.unique(land[loss | gain]):
        where = land == value
        key = None if value == 0 else int(value)
        out[key] = (cell[loss & where].sum(), cell[gain & where].sum())
    return out, (cell[loss].sum(), cell[gain].sum())


@pytest.mark.parametrize("block_size", [16, 64, (157, 9), 1024])
def test_gains_and_losses_against_numpy(tmp_path, rasters, block_size):
    arrays, paths = rasters
    result, _ = _run(tmp_path, paths, block_size, tag=str(block_size))
    cell = _cells(paths["b"])
    rows = result["balance"].rows(result["periods"], ls.zone_numbers(result["areas"]))
    for period, key in (("report_1", "r1"), ("report_2", "r2")):
        per_land, whole = _direct_balance(arrays, key, cell)
        got = {row[2]: (row[3], row[4]) for row in rows if row[0] == period}
        assert len(per_land) > 255  # more than 255 land types: the table just grows
        assert set(got) == set(per_land) | {""}
        for land, (losses, gains) in per_land.items():
            assert got[land] == pytest.approx((losses, gains), rel=1e-12, abs=1e-9)
        assert got[""] == pytest.approx(whole, rel=1e-12)


@pytest.mark.parametrize("block_size", [16, 1024])
def test_gains_and_losses_with_far_apart_land_types(tmp_path, rasters, block_size):
    """Land type codes millions apart (too many bins for one bincount): the sparse path gives the same sums."""
    arrays, paths = rasters
    land = np.random.default_rng(3).choice(np.array([0, 1, 7, 2_000_000, 3_000_000], np.int32), SHAPE)
    arrays["land"] = land
    paths["land"] = write_raster(tmp_path / "wide.tif", land, epsg=4326, geotransform=GT_GEO, nodata=0)
    result, _ = _run(tmp_path, paths, block_size, tag=f"w{block_size}")
    rows = result["balance"].rows(result["periods"], [0])
    per_land, whole = _direct_balance(arrays, "r1", _cells(paths["b"]))
    got = {row[2]: (row[3], row[4]) for row in rows if row[0] == "report_1"}
    assert set(got) == {None, 1, 7, 2_000_000, 3_000_000, ""}
    for land_type, expected in per_land.items():
        assert got[land_type] == pytest.approx(expected, rel=1e-12, abs=1e-9)
    assert got[""] == pytest.approx(whole, rel=1e-12)


def test_tables_identical_whatever_block_size(tmp_path, rasters):
    _arrays, paths = rasters
    rows = []
    for size in (16, (157, 7), 1024):
        result, _ = _run(tmp_path, paths, size, tag=f"t{size}")
        rows.append([(r[0], r[1], r[2]) + tuple(round(v, 9) for v in r[3:])
                     for r in result["balance"].rows(result["periods"], [0])])
        rows.append(sorted((k, round(v, 9)) for k, v in result["areas"]["report_2"].hectares.items()
                           if k[1] is not None))
    assert rows[0] == rows[2] == rows[4]
    assert rows[1] == rows[3] == rows[5]


def test_whole_area_against_an_equal_area_projection(tmp_path):
    """Every pixel valid: the status hectares add up to the grid's area measured in a local equal-area CRS."""
    b = np.zeros((120, 90), np.int16)
    path = write_raster(tmp_path / "b.tif", b, epsg=4326, geotransform=GT_GEO, nodata=ND)
    result = ls.ldn_status(ls.StatusInputs(path, [path]), {("status", "report_1"): str(tmp_path / "s.tif")})
    total = result["areas"]["report_1"].total()
    ring = ogr.Geometry(ogr.wkbLinearRing)
    x0, y0, x1, y1 = -75.0, -9.0 - 0.12, -75.0 + 0.09, -9.0
    for x, y in [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    poly.Segmentize(0.001)
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    poly.AssignSpatialReference(src)
    poly.TransformTo(wgs84_centred("laea", (x0 + x1) / 2, (y0 + y1) / 2))
    assert total == pytest.approx(poly.GetArea() / 10000.0, rel=1e-6)
    rows = result["balance"].rows(result["periods"], [0])
    assert rows == [("report_1", 0, "", 0.0, 0.0, pytest.approx(total))]


def test_corrections_later_polygon_wins_each_period_and_nulls(tmp_path, rasters):
    arrays, paths = rasters
    index = np.zeros(SHAPE, np.int32)
    index[10:80, 10:80] = 1
    index[50:120, 50:120] = 2  # overlaps polygon 1: polygon 2 was burnt later and wins
    index[150:200, 0:40] = 3
    corrections = [Correction(11, 0, None, None, frozenset({"baseline", "report_1"})),
                   Correction(12, None, -1, 0, frozenset({"report_2"})),
                   Correction(13, 1, 1, None, frozenset({"baseline", "report_1", "report_2"}), "field visit")]
    index_path = write_raster(tmp_path / "index.tif", index, epsg=4326, geotransform=GT_GEO)
    result, outputs = _run(tmp_path, paths, 50, corrections=corrections, index=index_path)
    cell = _cells(paths["b"])
    corrected = {}
    for period, key in (("baseline", "b"), ("report_1", "r1"), ("report_2", "r2")):
        expected = arrays[key].copy()
        for number, item in enumerate(corrections, start=1):
            if item.affects(period):
                where = index == number
                expected[where] = [rules.recoded(int(v), *item.targets()) for v in arrays[key][where]]
        corrected[period] = expected
        np.testing.assert_array_equal(read_raster(outputs[("corrected", period)]), expected)
        for number in (1, 2, 3):
            changed = (index == number) & (expected != arrays[key])
            got = result["corrections"].get((number, period), (0.0, 0))
            assert got[1] == int(changed.sum())
            assert got[0] == pytest.approx(cell[changed].sum(), rel=1e-12)
    assert result["corrections"].get((2, "baseline")) is None  # polygon 2 corrects report_2 only
    np.testing.assert_array_equal(read_raster(outputs[("status", "report_2")]),
                                  _rule_status(corrected["baseline"], corrected["report_2"]))


def test_values_other_than_sdg_are_refused_with_the_values(tmp_path, rasters):
    arrays, paths = rasters
    bad = arrays["r1"].copy()
    bad[0, :5] = 2
    bad[1, :3] = 5
    paths["r1"] = write_raster(tmp_path / "bad.tif", bad, epsg=4326, geotransform=GT_GEO, nodata=ND)
    with pytest.raises(InputError) as error:
        _run(tmp_path, paths)
    assert "REPORTING_1" in str(error.value) and "2 (5), 5 (3)" in str(error.value)
    assert not list(tmp_path.glob("status_*.tif"))


def test_other_values_as_nodata_when_asked(tmp_path, rasters):
    arrays, paths = rasters
    bad = arrays["r1"].copy()
    bad[0, :5] = 2
    paths["r1"] = write_raster(tmp_path / "bad.tif", bad, epsg=4326, geotransform=GT_GEO, nodata=ND)
    outputs = {("status", "report_1"): str(tmp_path / "s.tif")}
    result = ls.ldn_status(ls.StatusInputs(paths["b"], [paths["r1"]]), outputs, unknown_codes="nodata")
    assert (read_raster(outputs[("status", "report_1")])[0, :5] == ND).all()
    assert result["unknown"] == [("REPORTING_1", 5, "2 (5)")]


def test_float_land_type_refused(tmp_path, rasters):
    _arrays, paths = rasters
    paths["land"] = write_raster(tmp_path / "lf.tif", np.ones(SHAPE, np.float32), epsg=4326, geotransform=GT_GEO)
    with pytest.raises(InputError, match="LAND_TYPE.*whole numbers"):
        _run(tmp_path, paths)


def test_float_sdg_with_sdg_values_is_read(tmp_path, rasters):
    arrays, paths = rasters
    paths["r2"] = write_raster(tmp_path / "f.tif", arrays["r2"].astype(np.float32), epsg=4326,
                               geotransform=GT_GEO, nodata=ND)
    _result, outputs = _run(tmp_path, paths)
    np.testing.assert_array_equal(read_raster(outputs[("status", "report_2")]),
                                  _rule_status(arrays["b"], arrays["r2"]))


def test_grids_must_match(tmp_path, rasters):
    arrays, paths = rasters
    paths["r2"] = write_raster(tmp_path / "moved.tif", arrays["r2"], epsg=4326, nodata=ND,
                               geotransform=(-74.0, 0.001, 0.0, -9.0, 0.0, -0.001))
    with pytest.raises(GridMismatchError, match="REPORTING_2"):
        _run(tmp_path, paths)


def test_cancel_leaves_no_output(tmp_path, rasters):
    _arrays, paths = rasters
    outputs = {("status", "report_1"): str(tmp_path / "s.tif")}
    with pytest.raises(Cancelled):
        ls.ldn_status(ls.StatusInputs(paths["b"], [paths["r1"]]), outputs, block_size=32,
                      is_cancelled=iter([False, False, True]).__next__)
    assert not list(tmp_path.glob("s*.tif")) and not list(tmp_path.glob(".s*"))


def test_band_of_a_multiband_output(tmp_path, rasters):
    """A Trends.Earth output holds several bands: the SDG band is chosen per input."""
    arrays, paths = rasters
    stack = np.stack([np.full(SHAPE, 5, np.int16), arrays["r1"], np.full(SHAPE, 9, np.int16)])
    multi = write_raster(tmp_path / "te.tif", stack, epsg=4326, geotransform=GT_GEO, nodata=ND)
    outputs = {("status", "report_1"): str(tmp_path / "s.tif")}
    ls.ldn_status(ls.StatusInputs(paths["b"], [multi], bands=(1, 2, 1)), outputs)
    np.testing.assert_array_equal(read_raster(outputs[("status", "report_1")]), _rule_status(arrays["b"], arrays["r1"]))
    with pytest.raises(InputError, match="REPORTING_1 has no band 4"):
        ls.ldn_status(ls.StatusInputs(paths["b"], [multi], bands=(1, 4, 1)), outputs)
