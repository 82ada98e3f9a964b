"""prepare_vegetation_series' computation: dates, MODIS quality bits, season windows, annual aggregates, files."""

import datetime

import numpy as np
import pytest
from osgeo import gdal
from rasters import GT_UTM, read_raster, write_raster

from t2restore.algorithms import vegetation_series as vs
from t2restore.algorithms.errors import GridMismatchError, InputError

D = datetime.date


@pytest.mark.parametrize("text, expected, annual", [
    ("MOD13Q1.A2019001.h10v09.061.2019018040530.hdf", D(2019, 1, 1), False),
    ("MYD13Q1.A2020361.h10v09.061.tif", D(2020, 12, 26), False),  # 2020 is a leap year: day 361 = 26 Dec
    ("MOD13Q1.061__250m_16_days_NDVI_doy2019177_aid0001.tif", D(2019, 6, 26), False),  # AppEEARS
    ("S2_NDVI_2020-03-15.tif", D(2020, 3, 15), False),
    ("ndvi_20200315.tif", D(2020, 3, 15), False),
    ("ndvi_2021-032.tif", D(2021, 2, 1), False),
    ("landsat_ndvi_2018.tif", D(2018, 7, 1), True),
])
def test_parse_date_of_file_names(text, expected, annual):
    when = vs.parse_date(text)
    assert when.date == expected and when.annual is annual


@pytest.mark.parametrize("text", ["ndvi.tif", "MOD13Q1.A2019400.tif", "ndvi_2019-13-40.tif", "band_17.tif"])
def test_parse_date_refuses_what_is_not_a_date(text):
    assert vs.parse_date(text) is None


# MOD13Q1 / MYD13Q1 C6.1 user guide, "250m 16 days VI Quality": bits 0-1 MODLAND QA (00 good, 01 check
# other QA, 10 probably cloudy, 11 not produced), 2-5 VI usefulness (0000 highest .. 1100 lowest, 1101 not
# useful, 1110 L1B faulty, 1111 not useful), 6-7 aerosol, 8 adjacent cloud, 9 BRDF, 10 mixed clouds,
# 11-13 land/water, 14 possible snow/ice, 15 possible shadow.
def _word(modland=0, useful=0, aerosol=1, mixed=0, land=1, snow=0, shadow=0):
    return modland | useful << 2 | aerosol << 6 | mixed << 10 | land << 11 | snow << 14 | shadow << 15


@pytest.mark.parametrize("word, good, usable, produced", [
    (_word(useful=1), True, True, True),  # 2116: a typical clear land pixel
    (_word(modland=1, useful=0b0010), False, True, True),
    (_word(modland=1, useful=0b1100), False, True, True),  # lowest quality still usable
    (_word(modland=1, useful=0b1101), False, False, True),  # "quality so low that it is not useful"
    (_word(modland=1, useful=0b1111), False, False, True),
    (_word(modland=2), False, False, False),  # probably cloudy
    (_word(modland=3), False, False, False),  # not produced
    (_word(mixed=1), True, False, True),
    (_word(snow=1), True, False, True),
    (_word(shadow=1), True, False, True),
    (0xFFFF, False, False, False),  # fill
])
def test_vi_quality_bits_against_the_user_guide_table(word, good, usable, produced):
    q = np.array([word], dtype=np.uint16)
    assert bool(vs.vi_quality_ok(q, "good")[0]) is good
    assert bool(vs.vi_quality_ok(q, "usable")[0]) is usable
    assert bool(vs.vi_quality_ok(q, "produced")[0]) is produced


def test_the_test_words_follow_the_bit_layout():
    assert _word(useful=1) == 2116  # 0b0000_1000_0100_0100: land, low aerosol, usefulness 0001, MODLAND 00
    assert _word(modland=3, useful=0b1111, aerosol=3, mixed=1, land=7, snow=1, shadow=1) == 0xFFFF & ~(0b11 << 8)


def test_pixel_reliability():
    r = np.array([-1, 0, 1, 2, 3], dtype=np.int8)
    assert vs.reliability_ok(r, "good").tolist() == [False, True, False, False, False]
    assert vs.reliability_ok(r, "usable").tolist() == [False, True, True, False, False]


def test_season_window_within_and_across_the_year():
    jan, jun, nov = (vs.When(D(2019, m, 15)) for m in (1, 6, 11))
    assert [vs.season_year(w, 1, 366) for w in (jan, jun, nov)] == [2019, 2019, 2019]
    assert [vs.season_year(w, 100, 250) for w in (jan, jun, nov)] == [None, 2019, None]
    assert [vs.season_year(w, 274, 90) for w in (jan, jun, nov)] == [2019, None, 2020]  # Oct-Mar, year it ends
    assert vs.season_year(vs.When(D(2019, 7, 1), annual=True), 274, 90) == 2019
    assert vs.season_day(nov, 2020, 274, 90) == (D(2019, 11, 15) - D(2019, 10, 1)).days


_TRAPEZOID = getattr(np, "trapezoid", None) or np.trapz  # numpy 2 renamed trapz


def _direct(values, ok, how, days):
    """Pixel by pixel with numpy's own reductions (the independent truth)."""
    out = np.full(values.shape[1:], np.nan)
    for r in range(values.shape[1]):
        for c in range(values.shape[2]):
            v, t = values[ok[:, r, c], r, c], np.asarray(days)[ok[:, r, c]]
            if how == "integral" and len(v) >= 2:
                out[r, c] = _TRAPEZOID(v, t)
            elif how != "integral" and len(v):
                out[r, c] = v.mean() if how == "mean" else v.max()
    return out


@pytest.mark.parametrize("how", vs.AGGREGATES)
def test_aggregate_against_direct_numpy(how):
    rng = np.random.default_rng(7)
    values = rng.uniform(-0.2, 0.9, (23, 9, 11))
    ok = rng.random((23, 9, 11)) > 0.6
    ok[:, 0, 0] = False
    ok[:, 0, 1] = False
    ok[5, 0, 1] = True  # one valid observation
    days = np.arange(23) * 16.0
    result, has = vs.aggregate(values, ok, how, days)
    truth = _direct(values, ok, how, days)
    assert np.array_equal(has, ~np.isnan(truth))
    np.testing.assert_allclose(result[has], truth[has], rtol=1e-12)


# -- files --------------------------------------------------------------------------------------------------

def _modis_series(folder, rng, years=(2019, 2021), per_year=4, shape=(37, 29)):
    """MODIS-like 16-day files (NDVI x 10000, fill -3000) and VI Quality files for ``years`` (inclusive),
    2020 left out; the truth computed directly."""
    paths, quality, raw, qual, dates = [], [], [], [], []
    for year in range(years[0], years[1] + 1):
        if year == 2020:
            continue
        for k in range(per_year):
            doy = 1 + 16 * k * 5
            value = rng.integers(-2000, 10000, shape).astype(np.int16)
            value[rng.random(shape) < 0.1] = -3000
            q = np.where(rng.random(shape) < 0.2, _word(modland=2), _word()).astype(np.uint16)
            name = f"MOD13Q1.A{year}{doy:03d}.h10v09.061"
            paths.append(write_raster(folder / f"{name}.NDVI.tif", value, nodata=-3000, tiled=True))
            quality.append(write_raster(folder / f"{name}.VI_Quality.tif", q, tiled=True))
            raw.append(value)
            qual.append(q)
            dates.append(D(year, 1, 1) + datetime.timedelta(days=doy - 1))
    return paths, quality, np.array(raw), np.array(qual), dates


def _truth(raw, qual, dates, year, how):
    sel = [i for i, d in enumerate(dates) if d.year == year]
    values = raw[sel] * 0.0001
    ok = (raw[sel] != -3000) & vs.vi_quality_ok(qual[sel], "usable")
    days = [(dates[i] - D(year, 1, 1)).days for i in sel]
    return _direct(values, ok, how, days)


@pytest.mark.parametrize("how", vs.AGGREGATES)
def test_series_against_direct_numpy_and_block_size_independent(tmp_path, how):
    rng = np.random.default_rng(3)
    paths, quality, raw, qual, dates = _modis_series(tmp_path, rng)
    obs = vs.observations_of(paths, None, quality)
    options = vs.SeriesOptions(scale=vs.MODIS_SCALE, fill=vs.MODIS_FILL, how=how)
    outputs = []
    for n, size in enumerate((16, 7, 1024)):  # 7 divides neither side
        work = tmp_path / f"w{n}"
        work.mkdir()
        out = str(tmp_path / f"series_{n}.tif")
        result = vs.prepare_series(obs, out, options, str(work), block_size=size)
        outputs.append([read_raster(out, b) for b in (1, 2, 3)])
    assert result["years"] == [2019, 2021] and result["missing"] == [2020]
    ds = gdal.Open(out)
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 2, 3)] == ["2019", "2020", "2021"]
    assert (outputs[0][1] == vs.NODATA).all()
    for b, year in ((0, 2019), (2, 2021)):
        truth = _truth(raw, qual, dates, year, how)
        got = outputs[0][b]
        assert np.array_equal(got == vs.NODATA, np.isnan(truth))
        np.testing.assert_allclose(got[~np.isnan(truth)], truth[~np.isnan(truth)], rtol=2e-6, atol=2e-6)
    for other in outputs[1:]:
        assert all(np.array_equal(a, b) for a, b in zip(outputs[0], other))


def test_multiband_raster_dated_by_band_descriptions(tmp_path):
    data = np.array([[[0.2, 0.4]], [[0.6, np.nan]], [[0.5, 0.7]]], dtype=np.float32)
    path = write_raster(tmp_path / "stack.tif", data, nodata=-1)
    ds = gdal.Open(path, gdal.GA_Update)
    for b, desc in enumerate(("NDVI 2015-03-01", "NDVI 2015-09-01", "NDVI 2017-02-01"), start=1):
        ds.GetRasterBand(b).SetDescription(desc)
    ds = None
    result = vs.prepare_series(vs.observations_of([path]), str(tmp_path / "out.tif"),
                               vs.SeriesOptions(how="max"), str(tmp_path))
    assert result["missing"] == [2016]
    assert read_raster(str(tmp_path / "out.tif"), 1).tolist() == [[pytest.approx(0.6), pytest.approx(0.4)]]
    assert read_raster(str(tmp_path / "out.tif"), 3).tolist() == [[pytest.approx(0.5), pytest.approx(0.7)]]


def test_year_without_valid_pixel_is_reported_and_all_empty_refused(tmp_path):
    a = write_raster(tmp_path / "ndvi_2010.tif", np.full((3, 3), 5000, np.int16), nodata=-3000)
    b = write_raster(tmp_path / "ndvi_2011.tif", np.full((3, 3), -3000, np.int16), nodata=-3000)
    options = vs.SeriesOptions(scale=0.0001)
    result = vs.prepare_series(vs.observations_of([a, b]), str(tmp_path / "o.tif"), options, str(tmp_path))
    assert result["empty"] == [2011] and result["missing"] == []
    out = str(tmp_path / "o2.tif")
    with pytest.raises(InputError, match="No observation holds a valid pixel"):
        vs.prepare_series(vs.observations_of([b]), out, options, str(tmp_path))
    assert not (tmp_path / "o2.tif").exists()


def test_files_on_another_grid_refused_by_name_or_aligned(tmp_path):
    a = write_raster(tmp_path / "ndvi_2010.tif", np.full((4, 4), 0.5, np.float32))
    gt = (GT_UTM[0] + 15, 30.0, 0.0, GT_UTM[3], 0.0, -30.0)
    b = write_raster(tmp_path / "ndvi_2011.tif", np.full((4, 4), 0.7, np.float32), geotransform=gt)
    obs = vs.observations_of([a, b])
    with pytest.raises(GridMismatchError, match="ndvi_2011.tif"):
        vs.prepare_series(obs, str(tmp_path / "o.tif"), vs.SeriesOptions(), str(tmp_path))
    assert not (tmp_path / "o.tif").exists()
    result = vs.prepare_series(obs, str(tmp_path / "o.tif"), vs.SeriesOptions(align=True), str(tmp_path))
    assert result["aligned"] == ["ndvi_2011.tif"]
    assert read_raster(str(tmp_path / "o.tif"), 2)[1, 1] == pytest.approx(0.7)


def test_unparseable_date_names_the_file_and_date_table_fixes_it(tmp_path):
    path = write_raster(tmp_path / "ndvi_summer.tif", np.full((2, 2), 0.5, np.float32))
    with pytest.raises(InputError, match="ndvi_summer.tif"):
        vs.observations_of([path])
    table = tmp_path / "dates.csv"
    table.write_text("file,date\nndvi_summer.tif,2012-02-03\n", encoding="utf-8")
    obs = vs.observations_of([path], vs.read_date_table(str(table)))
    assert obs[0].when.date == D(2012, 2, 3)


def test_quality_layer_missing_for_a_date_is_refused(tmp_path):
    a = write_raster(tmp_path / "MOD13Q1.A2019001.tif", np.zeros((2, 2), np.int16))
    b = write_raster(tmp_path / "MOD13Q1.A2019017.tif", np.zeros((2, 2), np.int16))
    q = write_raster(tmp_path / "MOD13Q1.A2019001.VI_Quality.tif", np.zeros((2, 2), np.uint16))
    with pytest.raises(InputError, match="MOD13Q1.A2019017.tif"):
        vs.observations_of([a, b], None, [q])


def test_scale_detection(tmp_path):
    modis = write_raster(tmp_path / "MOD13Q1.A2019001.tif", np.zeros((2, 2), np.int16))
    other = write_raster(tmp_path / "ndvi_2019.tif", np.zeros((2, 2), np.int16))
    assert vs.detect_scale(modis) == (0.0001, 0.0, -3000.0)
    assert vs.detect_scale(other) is None
    ds = gdal.Open(other, gdal.GA_Update)
    ds.GetRasterBand(1).SetScale(0.004)
    ds.GetRasterBand(1).SetOffset(-0.08)
    ds = None
    assert vs.detect_scale(other) == (0.004, -0.08, None)


def test_block_side_bounded():
    assert vs.block_side(920) * vs.block_side(920) * 920 * 4 * 4 <= vs.MEMORY_BUDGET
    assert vs.block_side(1) == 2048


def test_multiband_without_dates_counts_years_from_first_year(tmp_path):
    path = write_raster(tmp_path / "stack.tif", np.zeros((3, 2, 2), np.float32))
    with pytest.raises(InputError, match=r"stack.tif \[1\]"):
        vs.observations_of([path])
    obs = vs.observations_of([path], first_year=2011)
    assert [(o.when.date.year, o.when.annual) for o in obs] == [(2011, True), (2012, True), (2013, True)]


@pytest.mark.parametrize("strictness", vs.STRICTNESS)
def test_quality_lookup_table_equals_the_rule_for_every_word(strictness):
    words = np.arange(65536).astype(np.uint16).reshape(256, 256)
    assert np.array_equal(vs._quality_mask(words, "vi_quality", strictness), vs.vi_quality_ok(words, strictness))


def test_blocks_follow_the_input_tiles_when_they_fit():
    assert vs.block_side(46) % 512 == 0


def test_cancel_leaves_no_output(tmp_path):
    from t2restore.algorithms.errors import Cancelled

    paths = [write_raster(tmp_path / f"ndvi_{y}.tif", np.full((4, 4), 0.5, np.float32)) for y in (2001, 2002)]
    with pytest.raises(Cancelled):
        vs.prepare_series(vs.observations_of(paths), str(tmp_path / "o.tif"), vs.SeriesOptions(), str(tmp_path),
                          is_cancelled=lambda: True)
    assert not (tmp_path / "o.tif").exists()


# -- speed (issue 19): the streamed block path and the direct reads give the same bits -----------------------

@pytest.mark.parametrize("how", vs.AGGREGATES)
def test_streamed_aggregates_equal_the_rule_function_bit_for_bit(how):
    # the block path runs one observation at a time; the rule (aggregate, checked against numpy above)
    # takes them all at once: same operations, types and order, so the very same bits
    rng = np.random.default_rng(11)
    values = (rng.integers(-2000, 10000, (23, 9, 11)) * np.float32(0.0001)).astype(np.float32)
    ok = rng.random((23, 9, 11)) > 0.5
    ok[:, 0, 0] = False
    ok[:, 0, 1] = False
    ok[4, 0, 1] = True
    days = np.arange(23) * 16.0 + 3.0
    got, got_has = vs._STREAMS[how](zip(values, ok), (9, 11), days)
    truth, has = vs.aggregate(values, ok, how, days)
    assert np.array_equal(got_has, has)
    got, truth = np.asarray(got), np.asarray(truth)
    assert got.dtype == truth.dtype and got[has].tobytes() == truth[has].tobytes()


@pytest.mark.parametrize("how", vs.AGGREGATES)
def test_direct_reads_and_converting_stacks_give_the_same_series(tmp_path, how):
    # int16 index and uint16 quality are read as stored; float64 index or int32 quality go through a
    # converting VRT: the same values must give the same bits either way
    rng = np.random.default_rng(5)
    raw = rng.integers(-2000, 10000, (6, 21, 17)).astype(np.int16)
    raw[rng.random(raw.shape) < 0.1] = -3000
    words = np.where(rng.random(raw.shape) < 0.3, _word(modland=2), _word()).astype(np.uint16)
    outputs = []
    for kind, index_type, quality_type in (("direct", np.int16, np.uint16), ("vrt", np.float64, np.int32)):
        folder = tmp_path / kind
        folder.mkdir()
        paths, quality = [], []
        for k in range(raw.shape[0]):
            name = f"MOD13Q1.A{2019 + k // 3}{1 + 48 * (k % 3):03d}"
            paths.append(write_raster(folder / f"{name}.ndvi.tif", raw[k].astype(index_type), nodata=-3000))
            quality.append(write_raster(folder / f"{name}.qa.tif", words[k].astype(quality_type)))
        options = vs.SeriesOptions(scale=vs.MODIS_SCALE, fill=vs.MODIS_FILL, how=how)
        by_year = vs.plan_years(vs.observations_of(paths, None, quality), options)[0]
        plans = vs._year_plans(by_year, [2019, 2020], {p: p for p in paths + quality},
                               vs.Grid.of(gdal.Open(paths[0])), options, str(folder))
        assert [p.stacked for p in plans] == [kind == "vrt"] * 2
        out = str(folder / "series.tif")
        vs.prepare_series(vs.observations_of(paths, None, quality), out, options, str(folder))
        outputs.append(gdal.Open(out).ReadAsArray())
    assert np.array_equal(outputs[0].view(np.uint32), outputs[1].view(np.uint32))
    assert (outputs[0] != vs.NODATA).any()
