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

from t2restore.sample_data import generate as gen

gdal.UseExceptions()
ogr.UseExceptions()

SIZE = 256
SEED = 2030
RASTERS = sorted(gen.RASTER_LAYERS)


def read(path):
    ds = gdal.Open(path)
    return ds.GetRasterBand(1).ReadAsArray()


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
        assert np.array_equal(read(other[name]), arrays[name]), name
    with open(region["lc_recode"], "rb") as a, open(other["lc_recode"], "rb") as b:
        assert a.read() == b.read()


def test_different_seed_differs(arrays, tmp_path):
    other = gen.generate(tmp_path, size=SIZE, seed=SEED + 1, layers=["dem", "lc_baseline"], verbose=False)
    assert set(other) == {"dem", "lc_baseline"}
    assert sorted(os.listdir(tmp_path)) == ["dem.tif", "lc_baseline.tif", "manifest.json"]
    assert not np.array_equal(read(other["dem"]), arrays["dem"])
    assert np.mean(read(other["lc_baseline"]) != arrays["lc_baseline"]) > 0.02


def test_a_registered_multiband_layer_is_written(tmp_path, monkeypatch):
    """The extension path (e.g. a future annual NDVI series): register a function, get a file."""
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
        gen.generate(tmp_path, size=32, layers=["lc_baseline", "ndvi"], verbose=False)


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
