"""Tests of the synthetic demo-region generator (sample_data/generate.py).

Why these tests: the demo data feed the tutorial, the other tests and the benchmarks, so they must be
reproducible (same seed, same pixels, whatever the block size), realistic enough to exercise every
code path (all classes, nodata, change between dates) and valid GIS files (tiled, compressed,
nodata set, zones that partition the extent).
"""

import csv
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal, ogr

from t2restore.algorithms.overlap import polygonal_area
from t2restore.sample_data import generate as gen

SIZE = 256
SEED = 2030
RASTERS = sorted(gen.RASTER_LAYERS)
VECTOR_LAYERS = [("zones", "departamentos"), ("zones", "provincias"), ("protected_areas", "areas_protegidas"),
                 ("gaps", "brecha_minam"), ("gaps", "brecha_serfor"), ("initiatives", "iniciativas")]


def read(path):
    ds = gdal.Open(path)
    return ds.GetRasterBand(1).ReadAsArray()


def read_all(path):
    """Every band (bands, rows, columns)."""
    return gdal.Open(path).ReadAsArray()


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    """One 256 x 256 region with every layer, written with the default block size."""
    out = tmp_path_factory.mktemp("region")
    return gen.generate(out, size=SIZE, seed=SEED, verbose=False)


@pytest.fixture(scope="module")
def arrays(region):
    return {name: read(region[name]) for name in RASTERS}


def test_generate_returns_every_layer_and_a_manifest(region):
    assert set(region) == set(gen.RASTER_LAYERS) | set(gen.FILE_LAYERS)
    out_dir = os.path.dirname(region["dem"])
    with open(os.path.join(out_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    assert manifest["crs"] == "EPSG:32718"
    assert (manifest["size"], manifest["seed"], manifest["pixel_size"]) == (SIZE, SEED, 30.0)
    assert set(manifest["layers"]) == set(region)
    for name, entry in manifest["layers"].items():
        assert os.path.join(out_dir, entry["file"]) == region[name]
        assert os.path.isfile(region[name])
    assert not [f for f in os.listdir(out_dir) if ".part" in f], "temporary files left behind"


def test_same_seed_identical_and_independent_of_block_size(region, arrays, tmp_path):
    """A second run with small, unaligned windows must give the same pixels bit for bit."""
    other = gen.generate(tmp_path, size=SIZE, seed=SEED, block_size=96, verbose=False)
    for name in RASTERS:
        assert np.array_equal(read_all(other[name]), read_all(region[name])), name
    with open(region["lc_recode"], "rb") as a, open(other["lc_recode"], "rb") as b:
        assert a.read() == b.read()
    for name, layer in VECTOR_LAYERS:
        assert features(other[name], layer) == features(region[name], layer), (name, layer)


def test_different_seed_differs(arrays, tmp_path):
    other = gen.generate(tmp_path, size=SIZE, seed=SEED + 1, layers=["dem", "lc_baseline"], verbose=False)
    assert set(other) == {"dem", "lc_baseline"}
    assert sorted(os.listdir(tmp_path)) == ["dem.tif", "lc_baseline.tif", "manifest.json"]
    assert not np.array_equal(read(other["dem"]), arrays["dem"])
    assert np.mean(read(other["lc_baseline"]) != arrays["lc_baseline"]) > 0.02


def test_a_registered_multiband_layer_is_written(tmp_path, monkeypatch):
    """The extension path (as the annual NDVI series uses): register a function, get a file."""
    spec = gen.RasterLayer("two_years", lambda block: np.stack([block.national(2010), block.national(2020)]),
                           gdal.GDT_Byte, 0, "test", bands=2)
    monkeypatch.setitem(gen.RASTER_LAYERS, spec.name, spec)
    out = gen.generate(tmp_path, size=64, layers=["two_years", "lc_national_baseline"], block_size=40,
                       verbose=False)
    ds = gdal.Open(out["two_years"])
    assert ds.RasterCount == 2 and ds.GetRasterBand(2).GetNoDataValue() == 0
    first, second = ds.GetRasterBand(1).ReadAsArray(), ds.GetRasterBand(2).ReadAsArray()
    assert np.sum(np.isin(first, gen.FOREST_NAT)) > np.sum(np.isin(second, gen.FOREST_NAT))
    assert np.sum(second == 51) > np.sum(first == 51), "towns grow year by year"


def test_unknown_layer_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown layers"):
        gen.generate(tmp_path, size=32, layers=["lc_baseline", "ndvi_monthly"], verbose=False)


def test_files_are_tiled_compressed_georeferenced_with_nodata(region):
    for name in RASTERS:
        spec = gen.RASTER_LAYERS[name]
        ds = gdal.Open(region[name])
        band = ds.GetRasterBand(1)
        assert ds.GetDriver().ShortName == "GTiff"
        assert band.GetBlockSize() == [gen.TILE, gen.TILE], name
        assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") in ("ZSTD", "DEFLATE"), name
        assert ds.GetMetadataItem("PREDICTOR", "IMAGE_STRUCTURE") in ("2", "3"), name
        assert band.GetNoDataValue() == spec.nodata, name
        assert band.DataType == spec.dtype, name
        assert ds.RasterXSize == ds.RasterYSize == SIZE
        assert ds.GetGeoTransform() == (380000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0)
        srs = ds.GetSpatialRef()
        assert srs.GetAuthorityCode(None) == "32718", name


def test_dem_falls_from_puna_in_the_west_to_lowland_in_the_east(arrays):
    dem = arrays["dem"]
    west, east = dem[:, : SIZE // 5], dem[:, -SIZE // 5:]
    assert 3500 < np.median(west) < 4600
    assert 150 < np.median(east) < 600
    assert dem.max() > 4950  # the glaciated peak
    assert np.all(dem != gen.RASTER_LAYERS["dem"].nodata)


def test_all_classes_present_with_plausible_proportions(arrays):
    base, dem = arrays["lc_baseline"], arrays["dem"]
    assert set(np.unique(base)) == {0, 1, 2, 3, 4, 5, 6, 7}
    share = {c: np.mean(base == c) for c in range(8)}
    assert 0.01 < share[0] < 0.10  # outside area + cloud
    assert 0.003 < share[5] < 0.05  # towns and roads
    assert 0.005 < share[7] < 0.06  # rivers and lakes
    lowland, puna = (dem < 700) & (base > 0), (dem > 3500) & (base > 0)
    assert np.mean(base[lowland] == 1) > 0.5, "the lowland is mostly forest"
    assert np.mean(base[puna] == 2) > 0.6, "the puna is mostly grassland"
    assert np.mean(np.isin(base[puna], (4, 6))) > 0.02, "bofedales and rock at altitude"
    national = set(np.unique(arrays["lc_national_baseline"])) | set(np.unique(arrays["lc_national_target"]))
    assert national == set(gen.NATIONAL_CLASSES) | {0}


def test_national_maps_recode_to_the_unccd_maps(region, arrays):
    with open(region["lc_recode"], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["code", "unccd_class", "label_es"]
    lut = np.zeros(256, np.uint8)
    for row in rows:
        lut[int(row["code"])] = int(row["unccd_class"])
    assert len(rows) > 7 and {int(r["unccd_class"]) for r in rows} == set(range(1, 8))
    assert "Bofedal" in {r["label_es"] for r in rows}
    for when in ("baseline", "target"):
        assert np.array_equal(lut[arrays[f"lc_national_{when}"]], arrays[f"lc_{when}"]), when


def test_target_adds_deforestation_regrowth_urban_growth_and_wetland_loss(arrays):
    b, t = arrays["lc_baseline"], arrays["lc_target"]
    valid = (b > 0) & (t > 0)
    n = valid.sum()

    def share(src, dst):
        return np.sum(valid & np.isin(b, src) & np.isin(t, dst)) / n

    assert share(1, 3) > 0.003, "tree -> crop"
    assert share(1, 2) > 0.002, "tree -> grass"
    assert share((2, 3), 1) > 0.0005, "regrowth"
    assert share(4, (2, 3)) > 0.0003, "wetland loss"
    assert np.sum(valid & (t == 5)) > np.sum(valid & (b == 5)), "urban growth"
    assert share(7, range(1, 7)) == 0 and share(5, (1, 2, 3, 4)) == 0, "no implausible transitions"
    assert np.mean(b[valid] == t[valid]) > 0.85, "most land is unchanged"
    # Nodata differs between the dates (clouds), so the change analysis must handle both.
    assert np.any((b == 0) & (t > 0)) and np.any((t == 0) & (b > 0))


def test_lpd_declining_tracks_deforestation(arrays):
    b, t, lpd = arrays["lc_baseline"], arrays["lc_target"], arrays["lpd"]
    assert set(np.unique(lpd)) == {0, 1, 2, 3, 4, 5}
    cleared = (b == 1) & np.isin(t, (2, 3))
    other = (b > 0) & (b == t) & (lpd > 0)
    assert np.mean(lpd[cleared] == 1) > 0.6
    assert np.mean(lpd[other] == 1) < 0.02
    assert np.mean(lpd[lpd > 0] == 4) > 0.6, "mostly stable"
    regrown = np.isin(b, (2, 3)) & (t == 1)
    assert np.mean(lpd[regrown] == 5) > 0.5
    assert np.all(lpd[(b == 7) | (t == 7)] == 0), "no productivity trend over water"


def test_forest_loss_year_matches_the_land_cover_change(arrays):
    b, t, loss = arrays["lc_baseline"], arrays["lc_target"], arrays["forest_loss_year"]
    values = set(np.unique(loss))
    assert values <= {0, gen.LOSS_NODATA} | set(range(2001, 2024))
    assert {0, gen.LOSS_NODATA, 2001, 2023} <= values
    valid = (b > 0) & (t > 0)
    recent = (loss > gen.BASELINE_YEAR) & (loss <= gen.TARGET_YEAR)
    assert np.all(recent[valid & (b == 1) & (t != 1)]), "every tree loss has a year in the period"
    assert np.all((b[valid & recent] == 1) & (t[valid & recent] != 1)), "every recent loss was tree"
    assert np.all(b[(loss == gen.LOSS_NODATA)] == 0)


def test_soc_drops_where_forest_was_cleared_and_is_stable_elsewhere(arrays):
    sb, st = arrays["soc_baseline"], arrays["soc_target"]
    b, t = arrays["lc_baseline"], arrays["lc_target"]
    nodata = gen.SOC_NODATA
    ok = (sb != nodata) & (st != nodata)
    assert np.sum(ok & (sb == 0)) > 0, "a few pixels with baseline 0 (glacier) for the nodata rule"
    change = np.where(ok & (sb > 0), (st - sb) / np.where(sb > 0, sb, 1), 0)
    cleared = ok & (sb > 0) & (b == 1) & np.isin(t, (2, 3))
    assert cleared.sum() > 50 and np.all(change[cleared] <= -0.10)
    same = ok & (sb > 0) & (b == t) & (b > 0)
    assert np.mean(np.abs(change[same]) <= 0.10) > 0.97
    assert np.all(sb[b == 7] == nodata), "no soil under water"
    assert sb[ok & (b == 1)].mean() > sb[ok & (b == 3)].mean()
    assert sb[ok & (b == 4)].mean() > sb[ok & (b == 1)].mean(), "peat wetlands hold the most carbon"


def test_capability_classes_follow_terrain(arrays):
    cap, dem = arrays["capability"], arrays["dem"]
    assert set(np.unique(cap)) == {0, 1, 2, 3, 4, 5}
    assert np.mean(cap[(dem > 3600) & (cap > 0)] == 3) + np.mean(cap[(dem > 3600) & (cap > 0)] == 5) > 0.9
    assert np.mean(cap[(dem < 700) & (cap > 0)] == 3) < 0.01, "no puna pastures in the lowland"


def _polygons(path, layer_name):
    ds = ogr.Open(path)  # keep a reference: the layer dies with its dataset
    layer = ds.GetLayerByName(layer_name)
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "32718"
    return [(feature.items(), feature.GetGeometryRef().Clone()) for feature in layer]


def features(path, layer_name):
    """Attributes and WKB of every feature (GeoPackage files differ by their timestamps)."""
    return [(items, bytes(geom.ExportToWkb())) for items, geom in _polygons(path, layer_name)]


def test_zones_partition_the_extent(region):
    extent = (SIZE * 30.0) ** 2
    departments = _polygons(region["zones"], "departamentos")
    provinces = _polygons(region["zones"], "provincias")
    assert {f["ubigeo"] for f, _ in departments} == {"10", "19", "25"}
    assert {f["nombre"] for f, _ in departments} == {"Huánuco", "Pasco", "Ucayali"}
    assert len(provinces) >= 6
    for f, _ in provinces:
        assert re.fullmatch(r"\d{4}", f["ubigeo"]) and f["ubigeo"][:2] == f["dep_ubigeo"], f
        assert f["nombre"]
    assert len({f["ubigeo"] for f, _ in provinces}) == len(provinces)
    for features in (departments, provinces):
        geoms = [g for _, g in features]
        assert all(g.IsValid() and g.GetArea() > 0 for g in geoms)
        assert sum(g.GetArea() for g in geoms) == pytest.approx(extent, rel=1e-9)
        union = geoms[0]
        for g in geoms[1:]:
            union = union.Union(g)
        assert union.GetArea() == pytest.approx(extent, rel=1e-9), "gaps or overlaps"
        xmin, xmax, ymin, ymax = union.GetEnvelope()
        assert (xmin, ymax) == (380000.0, 8960000.0) and (xmax - xmin, ymax - ymin) == (SIZE * 30.0,) * 2
    for f, g in provinces:
        dep = next(d for d, _ in departments if d["ubigeo"] == f["dep_ubigeo"])
        parent = next(dg for d, dg in departments if d is dep)
        assert g.Difference(parent).GetArea() < 1e-6 * extent, f["nombre"]


def test_command_line_writes_the_layers(tmp_path):
    script = os.path.join(os.path.dirname(gen.__file__), "generate.py")
    done = subprocess.run([sys.executable, script, str(tmp_path), "--size", "64", "--seed", "7",
                           "--layers", "lc_baseline,zones"], capture_output=True, text=True, check=True)
    assert "lc_baseline.tif" in done.stdout and "zones.gpkg" in done.stdout
    assert sorted(os.listdir(tmp_path)) == ["lc_baseline.tif", "manifest.json", "zones.gpkg"]
    assert read(str(tmp_path / "lc_baseline.tif")).shape == (64, 64)


# --- annual NDVI -------------------------------------------------------------------------------

YEARS = np.arange(gen.NDVI_FIRST_YEAR, gen.TARGET_YEAR + 1)


@pytest.fixture(scope="module")
def ndvi(region):
    """The NDVI series as floats (years, rows, columns), NaN where nodata."""
    raw = read_all(region["ndvi"])
    return np.where(raw == gen.NDVI_NODATA, np.nan, raw / gen.NDVI_SCALE)


def slopes(series, valid_years=None):
    """Least-squares slope per pixel (NDVI per year) over the years that are not NaN (and are
    in ``valid_years``, a boolean (years, pixels) array); series is (years, pixels)."""
    if valid_years is not None:
        series = np.where(valid_years, series, np.nan)
    t = np.where(np.isnan(series), np.nan, YEARS[:, None].astype(float))
    dt = t - np.nanmean(t, axis=0)
    dx = series - np.nanmean(series, axis=0)
    return np.nansum(dt * dx, axis=0) / np.nansum(dt * dt, axis=0)


def test_ndvi_is_one_band_per_year_int16_scaled_with_the_first_year_recorded(region):
    ds = gdal.Open(region["ndvi"])
    assert ds.RasterCount == len(YEARS) == 23
    assert [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)] == [str(y) for y in YEARS]
    for i in range(ds.RasterCount):
        band = ds.GetRasterBand(i + 1)
        assert band.DataType == gdal.GDT_Int16 and band.GetNoDataValue() == -32768
    with open(os.path.join(os.path.dirname(region["ndvi"]), "manifest.json"), encoding="utf-8") as f:
        entry = json.load(f)["layers"]["ndvi"]
    assert (entry["first_year"], entry["last_year"], entry["scale"], entry["bands"]) == (2001, 2023, 10000, 23)
    assert entry["band_names"][0] == "2001" and entry["nodata"] == -32768


def test_ndvi_values_are_realistic_per_land_cover(ndvi, arrays):
    values = ndvi[~np.isnan(ndvi)]
    assert -0.35 < values.min() and values.max() < 0.99
    b, t, dem = arrays["lc_baseline"], arrays["lc_target"], arrays["dem"]
    loss, lpd = arrays["forest_loss_year"], arrays["lpd"]

    def mean(where):
        return np.mean(np.nanmean(ndvi[:, where], axis=0))

    def spread(where):
        return np.mean(np.nanstd(ndvi[:, where], axis=0))

    forest = (b == 1) & (t == 1) & (loss == 0) & (lpd == 4)
    puna = (b == 2) & (t == 2) & (dem > 3800)
    crop = (b == 3) & (t == 3)
    assert 0.75 < mean(forest) < 0.9
    assert 0.3 < mean(puna) < 0.55
    assert mean((b == 6) & (t == 6)) < 0.2, "rock, ice, sand"
    assert mean((b == 7) & (t == 7)) < 0.0, "water"
    assert spread(crop) > 2 * spread(forest), "cropland varies from year to year"
    assert spread(forest) > 0.005, "interannual noise"


def test_ndvi_has_cloud_gaps_in_a_few_years_and_nodata_outside(ndvi, arrays):
    missing = np.isnan(ndvi).reshape(len(YEARS), -1).mean(axis=1)
    outside = np.mean(arrays["forest_loss_year"] == gen.LOSS_NODATA)
    assert outside > 0 and np.all(missing >= outside)
    assert np.all(np.isnan(ndvi[:, arrays["forest_loss_year"] == gen.LOSS_NODATA]))
    cloudy = YEARS[missing > outside + 0.01]
    assert 2 <= len(cloudy) <= 6 and set(cloudy) <= set(gen.NDVI_CLOUD_YEARS)
    assert np.all(missing < 0.2)


def test_ndvi_drops_in_the_forest_loss_year_and_keeps_declining(ndvi, arrays):
    loss = arrays["forest_loss_year"]
    lost = (loss >= 2003) & (loss <= 2019)
    assert lost.sum() > 500
    series, year = ndvi[:, lost], loss[lost].astype(int)
    before = np.nanmean(np.where(YEARS[:, None] < year, series, np.nan), axis=0)
    after = np.nanmean(np.where(YEARS[:, None] > year, series, np.nan), axis=0)
    assert np.mean(before - after > 0.1) > 0.95, "a step down at the loss year"
    assert np.mean(before) > 0.75 and np.mean(after) < 0.7
    after_loss = slopes(series, YEARS[:, None] > year)
    assert np.mean(after_loss) < -0.001, "degrading pastures after the clearing"
    assert np.mean(slopes(series)) < -0.005


def test_ndvi_is_stable_where_intact_declines_where_degrading_recovers_where_regrown(ndvi, arrays):
    b, t, loss, lpd = arrays["lc_baseline"], arrays["lc_target"], arrays["forest_loss_year"], arrays["lpd"]
    intact = (b == 1) & (t == 1) & (loss == 0) & (lpd == 4)
    s = slopes(ndvi[:, intact])
    assert abs(np.mean(s)) < 0.0008 and np.percentile(np.abs(s), 95) < 0.004
    degrading = (b == 2) & (t == 2) & (lpd == 2)  # overgrazed puna, no cover change
    assert degrading.sum() > 100
    s = slopes(ndvi[:, degrading])
    assert np.mean(s) < -0.004 and np.mean(s < 0) > 0.95
    first, last = np.nanmean(ndvi[:5, degrading], axis=0), np.nanmean(ndvi[-3:, degrading], axis=0)
    assert np.mean(first - last) > 0.08
    regrown = np.isin(b, (2, 3)) & (t == 1)
    assert regrown.sum() > 30
    s = slopes(ndvi[:, regrown], YEARS[:, None] >= gen.BASELINE_YEAR)
    assert np.mean(s) > 0.004 and np.mean(s > 0) > 0.8


def test_ndvi_is_identical_whatever_the_block_size_and_differs_by_seed(region, tmp_path):
    expected = read_all(region["ndvi"])
    other = gen.generate(tmp_path / "a", size=SIZE, seed=SEED, layers=["ndvi"], block_size=40, verbose=False)
    assert np.array_equal(read_all(other["ndvi"]), expected)
    other = gen.generate(tmp_path / "b", size=SIZE, seed=SEED + 1, layers=["ndvi"], verbose=False)
    assert np.mean(read_all(other["ndvi"]) != expected) > 0.5


# --- vector layers -----------------------------------------------------------------------------

def union(geoms):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for geom in geoms:
        for i in range(geom.GetGeometryCount()):
            multi.AddGeometry(geom.GetGeometryRef(i))
    return multi.UnionCascaded()


def rasterize(geoms, like):
    """Mask of the pixels of raster ``like`` whose centre is inside the polygons."""
    src = gdal.Open(like)
    ds = gdal.GetDriverByName("MEM").Create("", src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(src.GetGeoTransform())
    ds.SetProjection(src.GetProjection())
    vector = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = vector.CreateLayer("x", src.GetSpatialRef(), ogr.wkbMultiPolygon)
    for geom in geoms:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    gdal.RasterizeLayer(ds, [1], layer, burn_values=[1])
    return ds.ReadAsArray() == 1


def check_polygons(features, fields):
    """Valid MultiPolygons with exactly these fields, inside the extent."""
    x0, y0, span = 380000.0, 8960000.0, SIZE * 30.0
    extent = ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x0 + span} {y0},{x0 + span} {y0 - span},"
                                       f"{x0} {y0 - span},{x0} {y0}))")
    for items, geom in features:
        assert set(items) == set(fields), items
        assert geom.GetGeometryType() == ogr.wkbMultiPolygon and geom.IsValid() and geom.GetArea() > 0
        assert geom.Difference(extent).GetArea() < 1e-6 * geom.GetArea()


@pytest.fixture(scope="module")
def gaps(region):
    return _polygons(region["gaps"], "brecha_minam"), _polygons(region["gaps"], "brecha_serfor")


def test_gap_layers_are_valid_polygons_overlapping_in_part(gaps):
    minam, serfor = gaps
    for features, source in ((minam, "MINAM"), (serfor, "SERFOR")):
        assert 24 <= len(features) <= 1000, "dozens of polygons at this size"
        check_polygons(features, {"id", "fuente"})
        assert [f["id"] for f, _ in features] == list(range(1, len(features) + 1))
        assert {f["fuente"] for f, _ in features} == {source}
        whole = union([g for _, g in features])
        assert whole.GetArea() == pytest.approx(sum(g.GetArea() for _, g in features), rel=1e-9), "overlaps"
    a, b = union([g for _, g in minam]), union([g for _, g in serfor])
    both = polygonal_area(a.Intersection(b))  # not lines: a closed shared border has an "area" (GEOS >= 3.12)
    assert 0.15 * a.GetArea() < both < 0.85 * a.GetArea()
    assert 0.15 * b.GetArea() < both < 0.85 * b.GetArea()
    assert a.GetArea() > 1.1 * b.GetArea(), "MINAM's gap is the larger, as in Peru"


def test_gaps_follow_their_definitions(region, gaps, arrays):
    minam = rasterize([g for _, g in gaps[0]], region["lpd"])
    serfor = rasterize([g for _, g in gaps[1]], region["lpd"])
    b, t, lpd = arrays["lc_baseline"], arrays["lc_target"], arrays["lpd"]
    cap, loss = arrays["capability"], arrays["forest_loss_year"]
    lost = (loss >= 2001) & (loss <= 2023)
    # SERFOR: forest and protection lands (F, X) with forest loss or farmed.
    assert np.mean(np.isin(cap[serfor], (4, 5))) > 0.85
    assert np.mean((lost | np.isin(t, (2, 3)))[serfor]) > 0.8
    assert np.mean(serfor[np.isin(cap, (4, 5)) & lost]) > 0.6
    # MINAM: lost cover, declining productivity, degraded pastures, secondary forest; not intact land.
    secondary = arrays["lc_national_target"] == 15
    degraded = np.isin(lpd, (1, 2)) | ((b != t) & (b > 0) & (t > 0)) | np.isin(t, (2, 3)) | secondary
    assert np.mean(degraded[minam]) > 0.8
    assert np.mean(minam[lpd == 1]) > 0.6
    intact = (b == 1) & (t == 1) & (loss == 0) & (lpd == 4)
    assert np.mean(minam[intact]) < 0.05 and np.mean(serfor[intact]) < 0.05
    assert np.any(minam & ~serfor & (arrays["dem"] > 3500)), "degraded puna is MINAM's only"
    assert np.any(serfor & ~minam), "older clearings on forest land are SERFOR's only"


def test_protected_areas_cover_intact_forest_and_high_andes(region, gaps, arrays):
    features = _polygons(region["protected_areas"], "areas_protegidas")
    assert 4 <= len(features) <= 8
    check_polygons(features, {"nombre", "categoria", "administracion"})
    assert {"Parque Nacional", "Reserva Comunal", "Área de Conservación Regional",
            "Área de Conservación Privada"} <= {f["categoria"] for f, _ in features}
    assert {f["administracion"] for f, _ in features} == {"nacional", "regional", "privada"}
    assert all(f["nombre"].startswith(f["categoria"]) for f, _ in features)
    assert any(not f["nombre"].isascii() for f, _ in features), "accents kept"
    geoms = [g for _, g in features]
    assert union(geoms).GetArea() == pytest.approx(sum(g.GetArea() for g in geoms), rel=1e-9), "overlaps"
    inside = rasterize(geoms, region["lc_target"])
    t, loss = arrays["lc_target"], arrays["forest_loss_year"]
    seen = inside & (t > 0)
    assert seen.sum() > 0.05 * SIZE * SIZE
    assert np.mean(t[seen] == 1) > 0.35 and np.mean(t[seen] == 2) > 0.05, "forest and puna"
    assert np.mean(np.isin(t[seen], (1, 2, 4, 6, 7))) > 0.95, "natural cover"
    assert np.mean(((loss >= 2001) & (loss <= 2023))[inside]) < 0.03
    gap = union([g for _, g in gaps[0] + gaps[1]])
    assert union(geoms).Intersection(gap).GetArea() < 0.1 * union(geoms).GetArea()


def test_initiatives_mostly_inside_the_gaps_some_multipart_some_overlapping(region, gaps):
    features = _polygons(region["initiatives"], "iniciativas")
    assert 10 <= len(features) <= 20
    check_polygons(features, {"nombre", "institucion", "practica", "estado", "inicio", "area_declarada_ha"})
    names = [f["nombre"] for f, _ in features]
    assert len(set(names)) == len(names) and any("ñ" in n for n in names) and any("ó" in n for n in names)
    institutions = {f["institucion"] for f, _ in features}
    assert {"Gobierno Regional de Huánuco", "SERFOR"} <= institutions
    assert any(i.startswith("ONG ") for i in institutions)
    assert {"sistemas agroforestales", "regeneración natural asistida", "cercos vivos"} <= {
        f["practica"] for f, _ in features}
    assert {f["estado"] for f, _ in features} == {1, 2, 3}
    assert all(isinstance(f["inicio"], int) and 2010 <= f["inicio"] <= 2025 for f, _ in features)
    for f, geom in features:
        assert 0.8 < f["area_declarada_ha"] / (geom.GetArea() / 1e4) < 1.2, f["nombre"]
    assert sum(g.GetGeometryCount() > 1 for _, g in features) >= 2, "multi-part initiatives"
    overlapping = [(i, j) for i in range(len(features)) for j in range(i)
                   if features[i][1].Intersection(features[j][1]).GetArea() > 0]
    assert 2 <= len(overlapping) <= 5, "a few overlap (double counting)"
    minam, serfor = union([g for _, g in gaps[0]]), union([g for _, g in gaps[1]])
    either = minam.Union(serfor)
    share = {f["nombre"]: g.Intersection(either).GetArea() / g.GetArea() for f, g in features}
    partly = [name for name, s in share.items() if s < 0.6]
    assert partly == ["Restauración de riberas del río Pachitea"] and 0.2 < share[partly[0]] < 0.8
    assert np.median(list(share.values())) > 0.95
    in_both = [g.Intersection(minam).Intersection(serfor).GetArea() / g.GetArea() for _, g in features]
    assert sum(s > 0.5 for s in in_both) >= 2, "some count toward both gaps"


def test_vector_layers_differ_by_seed(region, tmp_path):
    other = gen.generate(tmp_path, size=SIZE, seed=SEED + 1, layers=["gaps", "initiatives"], verbose=False)
    assert features(other["gaps"], "brecha_minam") != features(region["gaps"], "brecha_minam")
    assert features(other["initiatives"], "iniciativas") != features(region["initiatives"], "iniciativas")
