"""SERFOR criteria: conflict matrix row by row, slope on analytic planes (projected and geographic),
distances and deforestation density against hand-computed values, block-size independence, bad input."""

import itertools
import math
import os
import time

import numpy as np
import pytest
from osgeo import ogr
from rasters import GT_UTM, read_raster, write_raster

from t2restore.algorithms import serfor, serfor_grid
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError

ND = 255
CND = serfor.CRITERIA_NODATA

# presets/serfor_provisional.json's conflict matrix typed by hand: row = UNCCD land cover 1..7,
# columns A C P F X; 0 not evaluated, 1 overuse, 2 proper use, 3 underuse.
MATRIX = """
3 3 3 2 2
3 3 2 1 2
2 2 1 1 1
3 3 2 2 2
0 0 0 1 1
3 3 3 1 2
0 0 0 0 0
"""
TABLE = [[int(v) for v in line.split()] for line in MATRIX.strip().splitlines()]
CUM = {1: "A", 2: "C", 3: "P", 4: "F", 5: "X"}


def test_cum_preset_codes_groups_and_labels():
    assert serfor.load_cum_classes() == CUM
    labels = serfor.cum_labels()
    assert labels["X"][0] == "Tierras de protección" and labels["F"][1] == "Land for forest production"


def test_serfor_preset_is_marked_provisional():
    preset = serfor.load_preset()
    assert preset["name"] == "SERFOR (provisional)" and preset["provisional"] is True
    assert "not public" in preset["provenance"]
    assert preset["degraded_forest_lands"] == {"capability_groups": ["F", "X"], "forest_loss_period": "all"}


@pytest.mark.parametrize("lc,cap", list(itertools.product(range(1, 8), range(1, 6))))
def test_conflict_matrix_each_cell(lc, cap):
    matrix = serfor.validate_conflict_matrix(serfor.load_preset()["conflict_matrix"])
    out = serfor.land_use_conflict(np.array([[lc]]), np.array([[cap]]), CUM, matrix)
    assert out[0, 0] == TABLE[lc - 1][cap - 1]


@pytest.mark.parametrize("forest_land,overuse,loss,reason", [
    (1, 0, 0, 0), (1, 1, 0, 1), (1, 0, 1, 2), (1, 1, 1, 3), (0, 1, 1, 0), (0, 1, 0, 0), (0, 0, 1, 0)])
def test_degraded_reason_truth_table(forest_land, overuse, loss, reason):
    assert serfor.degraded_reason([[forest_land]], [[overuse]], [[loss]])[0, 0] == reason


def test_matrix_cells_round_trip_and_errors():
    preset = serfor.validate_conflict_matrix(serfor.load_preset()["conflict_matrix"])
    cells = serfor.conflict_matrix_cells(preset)
    assert serfor.conflict_matrix_from_cells(cells + [""] * 6) == preset
    with pytest.raises(InputError, match="6 cells per row"):
        serfor.conflict_matrix_from_cells(cells[:-1])
    bad = list(cells)
    bad[4] = "7"  # class 1, group F
    with pytest.raises(InputError, match="class 1, group F: the value must be 0"):
        serfor.conflict_matrix_from_cells(bad)
    assert serfor.capability_codes_from_cells(["11", "f", "12", "X"]) == {11: "F", 12: "X"}
    with pytest.raises(InputError, match="maps code 3 to 'Q'"):
        serfor.capability_codes_from_cells(["3", "Q"])
    with pytest.raises(InputError, match="among A, C, P, F and X"):
        serfor.parse_groups("F,Z")


@pytest.mark.parametrize("value,year", [(0, 0), (1, 2001), (23, 2023), (2019, 2019)])
def test_loss_years_hansen_codes(value, year):
    assert serfor.loss_years(np.array([value], np.uint16))[0] == year


# -- slope -------------------------------------------------------------------------------------

def test_metres_per_degree_known_values():
    east, north = serfor.metres_per_degree(np.array([0.0, -12.0]))
    assert east[0] == pytest.approx(111319.49, abs=0.01)  # WGS 84 equator
    assert north[0] == pytest.approx(110574.27, abs=0.01)
    assert east[1] == pytest.approx(111319.49 * math.cos(math.radians(12)), rel=1e-3)


@pytest.mark.parametrize("gx,gy", [(0.1, 0.0), (0.0, -0.25), (0.3, 0.4), (1.0, 1.0)])
def test_slope_projected_analytic_plane_every_pixel(tmp_path, gx, gy):
    rows, cols = np.mgrid[0:23, 0:19]
    x = GT_UTM[0] + (cols + 0.5) * 30
    y = GT_UTM[3] - (rows + 0.5) * 30
    dem = (1000 + gx * (x - GT_UTM[0]) + gy * (y - GT_UTM[3])).astype(np.float64)
    dem[5, 5] = -9999  # a hole: its neighbours are still exact, itself nodata
    path = write_raster(tmp_path / "dem.tif", dem, nodata=-9999)
    cap = write_raster(tmp_path / "cap.tif", np.full(dem.shape, 4, np.uint8), nodata=0)
    loss = write_raster(tmp_path / "loss.tif", np.zeros(dem.shape, np.uint16), nodata=65535)
    serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, criteria_output=str(tmp_path / "c.tif"), dem=path,
                           loss_year=loss, block_size=8)
    degrees, percent = read_raster(tmp_path / "c.tif", 2), read_raster(tmp_path / "c.tif", 3)
    expected = math.hypot(gx, gy)
    assert degrees[5, 5] == CND and percent[5, 5] == CND
    ok = np.ones(dem.shape, bool)
    ok[5, 5] = False
    np.testing.assert_allclose(percent[ok], 100 * expected, rtol=1e-5)
    np.testing.assert_allclose(degrees[ok], math.degrees(math.atan(expected)), rtol=1e-5)


def _meridian_arc(lat0, lat1):
    """Metres along the WGS 84 meridian from lat0 to lat1 (degrees), by Gauss-Legendre quadrature."""
    a, e2 = 6378137.0, 0.0066943799901413165
    nodes, weights = np.polynomial.legendre.leggauss(20)
    phi0, phi1 = np.radians(lat0), np.radians(lat1)
    phi = 0.5 * (phi1 - phi0) * nodes[:, None] + 0.5 * (phi1 + phi0)
    m = a * (1 - e2) / (1 - e2 * np.sin(phi) ** 2) ** 1.5
    return 0.5 * (phi1 - phi0) * (weights[:, None] * m).sum(0)


@pytest.mark.parametrize("lat_top", [-3.5, -12.0, -17.9])  # Peru's north, Lima, Tacna
@pytest.mark.parametrize("direction", ["north", "east"])
def test_slope_geographic_dem_at_peruvian_latitudes(tmp_path, lat_top, direction):
    pixel = 1 / 3600  # one arc-second, like SRTM
    shape = (40, 30)
    gt = (-75.0, pixel, 0.0, lat_top, 0.0, -pixel)
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]]
    lat = lat_top - (rows + 0.5) * pixel
    lon = -75.0 + (cols + 0.5) * pixel
    grade = 0.2
    if direction == "north":  # z rises 0.2 m per metre northwards, measured along the meridian
        dem = 3000 + grade * _meridian_arc(np.full(lat.size, lat_top), lat.ravel()).reshape(shape)
    else:  # z rises 0.2 m per metre eastwards
        east, _ = serfor.metres_per_degree(lat)
        dem = 3000 + grade * (lon + 75.0) * east
    path = write_raster(tmp_path / "dem.tif", dem, epsg=4326, geotransform=gt, nodata=-9999)
    cap = write_raster(tmp_path / "cap.tif", np.full(shape, 4, np.uint8), epsg=4326, geotransform=gt, nodata=0)
    loss = write_raster(tmp_path / "l.tif", np.zeros(shape, np.uint16), epsg=4326, geotransform=gt, nodata=65535)
    serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, criteria_output=str(tmp_path / "c.tif"), dem=path,
                           loss_year=loss, radius_m=60)
    percent = read_raster(tmp_path / "c.tif", 3)
    np.testing.assert_allclose(percent, 100 * grade, rtol=2e-5)
    np.testing.assert_allclose(read_raster(tmp_path / "c.tif", 2), math.degrees(math.atan(grade)), rtol=2e-5)


@pytest.mark.parametrize("epsg,gt,fragment", [
    (4326, GT_UTM, "has a geographic CRS (EPSG:4326 WGS 84) but its coordinates (400000, 8960000) are not "
                   "longitudes and latitudes"),
    (32718, (-75.0, 0.00027, 0.0, -12.0, 0.0, -0.00027), "has a projected CRS (EPSG:32718 WGS 84 / UTM zone 18S) "
                                                          "but its pixel size (0.00027)"),
])
def test_dem_crs_contradicting_coordinates(tmp_path, epsg, gt, fragment):
    dem = write_raster(tmp_path / "dem.tif", np.ones((5, 5), np.float32), epsg=epsg, geotransform=gt, nodata=-9999)
    cap = write_raster(tmp_path / "cap.tif", np.full((5, 5), 4, np.uint8), epsg=epsg, geotransform=gt, nodata=0)
    lc = write_raster(tmp_path / "lc.tif", np.ones((5, 5), np.uint8), epsg=epsg, geotransform=gt, nodata=0)
    with pytest.raises(InputError) as err:
        serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, land_cover=lc, dem=dem)
    assert fragment in str(err.value) and "The raster DEM" in str(err.value)
    assert not (tmp_path / "o.tif").exists()


# -- distance ----------------------------------------------------------------------------------

def _square(x0, y0, x1, y1):
    return bytes(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")
                 .ExportToWkb())


def _distance_run(tmp_path, shapes, shape=(20, 20), epsg=32718, gt=GT_UTM, block_size=1024, **kwargs):
    cap = write_raster(tmp_path / "cap.tif", np.full(shape, 4, np.uint8), epsg=epsg, geotransform=gt, nodata=0)
    lc = write_raster(tmp_path / "lc.tif", np.ones(shape, np.uint8), epsg=epsg, geotransform=gt, nodata=0)
    result = serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, criteria_output=str(tmp_path / "c.tif"),
                                    land_cover=lc, conservation=shapes, workdir=str(tmp_path),
                                    block_size=block_size, **kwargs)
    return read_raster(tmp_path / "c.tif", 4), result


def test_distance_hand_computed(tmp_path):
    # columns 10..14, rows 2..4 (a 150 m x 90 m area); pixel centres at 400015 + 30 c, 8959985 - 30 r
    dist, _ = _distance_run(tmp_path, [_square(400300, 8959850, 400450, 8959940)])
    assert dist[3, 12] == 0 and dist[2, 10] == 0 and dist[4, 14] == 0
    assert dist[3, 9] == pytest.approx(30)  # one column west
    assert dist[3, 0] == pytest.approx(300)  # ten columns west
    assert dist[10, 12] == pytest.approx(180)  # six rows south of row 4
    assert dist[0, 0] == pytest.approx(math.hypot(300, 60))  # to the centre of (2, 10)
    assert dist[19, 19] == pytest.approx(math.hypot(150, 450))  # to (4, 14)


def test_distance_work_files_compressed_or_not_give_the_same_distances(tmp_path, monkeypatch):
    shapes = [_square(400300, 8959850, 400450, 8959940), _square(400660, 8959700, 400700, 8959800)]
    (tmp_path / "raw").mkdir()
    (tmp_path / "compressed").mkdir()
    raw, _ = _distance_run(tmp_path / "raw", shapes)
    monkeypatch.setattr(serfor_grid, "RAW_WORK_BYTES", 0)  # a work grid too large to leave uncompressed
    compressed, _ = _distance_run(tmp_path / "compressed", shapes)
    np.testing.assert_array_equal(raw, compressed)
    assert serfor_grid._raw_work_files(str(tmp_path / "x.tif"), 10, 10) is False


def test_distance_within_half_a_pixel_diagonal_of_exact(tmp_path):
    wkt = "POLYGON((400140 8959620,400410 8959700,400380 8959400,400140 8959620))"
    geom = ogr.CreateGeometryFromWkt(wkt)
    dist, _ = _distance_run(tmp_path, [bytes(geom.ExportToWkb())])
    worst = 0.0
    for r, c in itertools.product(range(20), range(20)):
        point = ogr.CreateGeometryFromWkt(f"POINT({400015 + 30 * c} {8959985 - 30 * r})")
        worst = max(worst, abs(dist[r, c] - point.Distance(geom)))
    assert worst <= 15 * math.sqrt(2) + 1e-6


def test_distance_sees_areas_outside_the_raster_near_and_far(tmp_path):
    # near: 60 m east of the raster's east edge (x = 400600); far: 3 km north, beyond the first margin
    near = [_square(400660, 8959700, 400700, 8959800)]
    dist, _ = _distance_run(tmp_path, near)
    assert dist[7, 19] == pytest.approx(90)  # centre 400585 to the touched column centre 400675
    far = [_square(400000, 8963000, 400030, 8963030)]
    dist, _ = _distance_run(tmp_path, far)
    assert dist[0, 0] == pytest.approx(8963015 - 8959985)
    assert dist[19, 0] == pytest.approx(8963015 - 8959415)


def test_distance_geographic_raster_in_metres(tmp_path):
    pixel = 0.001
    gt = (-75.0, pixel, 0.0, -12.0, 0.0, -pixel)
    # an area covering the raster's top row band; distances due south along the meridian
    area = [_square(-75.0, -12.0015, -74.98, -11.999)]
    dist, _ = _distance_run(tmp_path, area, shape=(30, 20), epsg=4326, gt=gt)
    for row in (5, 15, 29):
        lat = -12.0 - (row + 0.5) * pixel
        truth = _meridian_arc(np.array([-12.0015]), np.array([lat]))[0]
        assert abs(abs(truth) - dist[row, 10]) <= 1.5 * 111 * pixel * 1000 / 2  # within ~one pixel


def test_distances_beyond_the_largest_distance_read_far(tmp_path):
    # the area of test_distance_hand_computed; 200 m is the largest distance computed
    dist, result = _distance_run(tmp_path, [_square(400300, 8959850, 400450, 8959940)], max_distance=200)
    assert dist[3, 9] == pytest.approx(30) and dist[10, 12] == pytest.approx(180)
    assert dist[3, 0] == 200 and dist[19, 19] == 200  # 300 m and 474 m: farther than 200 m
    assert dist.max() == 200 and not result["warnings"]
    assert any("computed up to {limit:g} m" in template for template, _ in result["notes"])


@pytest.mark.parametrize("epsg,gt,far", [(32718, GT_UTM, (3_000_000, 3_000_000)),
                                         (4326, (-75.0, 0.001, 0.0, -12.0, 0.0, -0.001), (40, 30))])
def test_stray_conservation_area_far_away_is_left_out_fast(tmp_path, epsg, gt, far):
    # issue 17 item 11: one 1 km2 polygon thousands of km away (a stray feature, a wrong CRS) made a distance
    # grid of billions of pixels; it must be left out with a warning, the near area measured as before.
    x0, y0 = gt[0] + far[0], gt[3] + far[1]
    side = 1000 if epsg != 4326 else 0.01
    near = [_square(400300, 8959850, 400450, 8959940)] if epsg != 4326 else [_square(-75.0, -12.0015, -74.98,
                                                                                      -11.999)]
    deadline = time.perf_counter() + 20  # the old code was still working after minutes: cancel it instead
    dist, result = _distance_run(tmp_path, near + [_square(x0, y0, x0 + side, y0 + side)], epsg=epsg, gt=gt,
                                 shape=(20, 20), is_cancelled=lambda: time.perf_counter() > deadline)
    assert len(result["warnings"]) == 1 and "were left out" in result["warnings"][0][0]
    assert result["warnings"][0][1] == {"n": 1, "limit": 20000.0}
    assert result["used"] == ["land_use_conflict", "distance"]
    if epsg == 32718:
        assert dist[3, 12] == 0 and dist[3, 0] == pytest.approx(300) and dist[19, 19] == pytest.approx(
            math.hypot(150, 450))
    else:
        assert dist[0, 10] == 0 and 0 < dist[19, 10] < 25 * 111
    assert (read_raster(tmp_path / "o.tif") == 0).all()  # forest on forest land: proper use, no loss
    alone, result = _distance_run(tmp_path, [_square(x0, y0, x0 + side, y0 + side)], epsg=epsg, gt=gt,
                                  max_distance=5000, is_cancelled=lambda: time.perf_counter() > deadline)
    assert (dist.shape == alone.shape) and (alone == 5000).all()
    assert result["warnings"][0][1] == {"n": 1, "limit": 5000.0} and "distance" in result["used"]
    assert not [p for p in os.listdir(tmp_path) if p.startswith("conservation_") and
                os.path.getsize(tmp_path / p) > 10_000_000]


@pytest.mark.parametrize("value", [0, -5, float("nan"), float("inf")])
def test_largest_distance_must_be_positive(tmp_path, value):
    with pytest.raises(InputError, match="must be a number of metres above 0"):
        _distance_run(tmp_path, [_square(400300, 8959850, 400450, 8959940)], max_distance=value)


def test_empty_conservation_layer_leaves_band_nodata(tmp_path):
    dist, result = _distance_run(tmp_path, [])
    assert (dist == CND).all()
    assert any("no polygon" in template for template, _ in result["notes"])
    assert "distance" not in result["used"]


# -- deforestation density ---------------------------------------------------------------------

def test_kernel_half_widths_disc_of_three_pixels():
    widths = serfor.kernel_half_widths(90.0, 30.0, 30.0)
    assert widths == {-3: 0, -2: 2, -1: 2, 0: 3, 1: 2, 2: 2, 3: 0}
    assert sum(2 * w + 1 for w in widths.values()) == 29


def disc_of(radius, halo):
    t, s = np.mgrid[-halo:halo + 1, -halo:halo + 1]
    return (t * 30.0) ** 2 + (s * 30.0) ** 2 <= radius ** 2 + 1e-6


@pytest.mark.parametrize("radius,halo", [(90.0, 3), (4500.0, 150)])  # discs of 29 and 70,685 pixels
def test_density_equals_a_brute_force_disc_count(radius, halo):
    rng = np.random.default_rng(5)
    core = 9
    size = core + 2 * halo
    valid = rng.random((size, size)) < 0.98
    if halo < 10:
        valid[:, :halo // 2] = False  # a strip outside the raster
    else:
        assert valid[:2 * halo + 1, :2 * halo + 1][disc_of(radius, halo)].sum() > 65535  # beyond 16 bits
    loss = valid & (rng.random((size, size)) < 0.3)
    rows = np.full(core, 30.0)
    dens, land = serfor.density(loss, valid, halo, radius, rows, rows)
    disc = disc_of(radius, halo)
    for r, c in itertools.product(range(core), range(core)):
        window = (slice(r, r + 2 * halo + 1), slice(c, c + 2 * halo + 1))
        n_land, n_loss = int(valid[window][disc].sum()), int(loss[window][disc].sum())
        assert land[r, c] == n_land
        assert dens[r, c] == 100.0 * n_loss / n_land


def _density_run(tmp_path, loss, radius=90.0, block_size=1024, **kwargs):
    shape = loss.shape
    cap = write_raster(tmp_path / "cap.tif", np.full(shape, 4, np.uint8), nodata=0)
    path = write_raster(tmp_path / "loss.tif", loss, nodata=65535)
    result = serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, criteria_output=str(tmp_path / "c.tif"),
                                    loss_year=path, radius_m=radius, block_size=block_size, **kwargs)
    return read_raster(tmp_path / "c.tif", 5), result


def test_density_hand_computed(tmp_path):
    loss = np.zeros((15, 15), np.uint16)
    loss[7, 7] = 2022
    dens, result = _density_run(tmp_path, loss)
    assert result["recent"] == (2018, 2022)
    one = 100 / 29  # ha of loss per km2: one pixel lost among the 29 of the disc
    assert dens[7, 7] == pytest.approx(one, rel=1e-5)
    assert dens[7, 10] == pytest.approx(one, rel=1e-5)  # 3 pixels east: on the circle
    assert dens[9, 9] == pytest.approx(one, rel=1e-5)  # (2, 2): 8 <= 9
    assert dens[8, 10] == 0  # (1, 3): 10 > 9
    assert dens[7, 11] == 0


def test_density_at_the_corner_counts_only_land_with_data(tmp_path):
    loss = np.zeros((10, 10), np.uint16)
    loss[0, 0] = 2020
    loss[9, 9] = 65535  # nodata: neither loss nor land
    dens, _ = _density_run(tmp_path, loss)
    assert dens[0, 0] == pytest.approx(100 / 11, rel=1e-5)  # 11 disc pixels inside the raster
    assert dens[9, 9] == CND
    assert dens[9, 6] == pytest.approx(0.0)


def test_recent_years_and_loss_period(tmp_path):
    loss = np.zeros((9, 9), np.uint16)
    loss[4, 4] = 2023
    loss[4, 5] = 2010  # old loss: not in the density, but a reason of degradation by default
    dens, result = _density_run(tmp_path, loss)
    assert dens[4, 4] == pytest.approx(100 / 29, rel=1e-5)
    reason = read_raster(tmp_path / "o.tif")
    assert reason[4, 4] == 2 and reason[4, 5] == 2 and reason[0, 0] == 0
    _density_run(tmp_path, loss, loss_period="recent")
    reason = read_raster(tmp_path / "o.tif")
    assert reason[4, 4] == 2 and reason[4, 5] == 0
    dens, result = _density_run(tmp_path, loss, recent_years=0)
    assert result["recent"] is None and dens[4, 4] == pytest.approx(200 / 29, rel=1e-5)


def test_loss_points_give_the_same_density_as_the_raster(tmp_path):
    loss = np.zeros((12, 12), np.uint16)
    loss[3, 4] = loss[8, 8] = 2021
    dens_raster, _ = _density_run(tmp_path, loss)
    from t2restore.algorithms.blocks import Grid, open_raster

    grid = Grid.of(open_raster(str(tmp_path / "cap.tif")))
    points = [(bytes(ogr.CreateGeometryFromWkt(f"POINT({400015 + 30 * c} {8959985 - 30 * r})").ExportToWkb()), 2021)
              for r, c in ((3, 4), (8, 8))]
    path = serfor.rasterize_points(points, grid, str(tmp_path / "pts.tif"))
    serfor.serfor_criteria(str(tmp_path / "o2.tif"), str(tmp_path / "cap.tif"),
                           criteria_output=str(tmp_path / "c2.tif"), loss_year=path, radius_m=90)
    np.testing.assert_allclose(read_raster(tmp_path / "c2.tif", 5), dens_raster, rtol=1e-6)


def test_radius_too_large(tmp_path):
    with pytest.raises(InputError, match="spans 3333 pixels; at most 1000"):
        _density_run(tmp_path, np.zeros((5, 5), np.uint16), radius=100000)


# -- whole runs ----------------------------------------------------------------------------------

@pytest.fixture
def region(tmp_path):
    rng = np.random.default_rng(11)
    shape = (61, 47)
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]]
    cap = rng.integers(1, 6, shape).astype(np.uint8)
    cap[:2, :2] = 0
    lc = rng.integers(1, 8, shape).astype(np.uint8)
    dem = (2000 + 3 * cols + 0.5 * rows ** 1.5 + rng.normal(0, 2, shape)).astype(np.float32)
    dem[10, 10] = -9999
    loss = np.where(rng.random(shape) < 0.08, rng.integers(2005, 2024, shape), 0).astype(np.uint16)
    return {
        "arrays": dict(cap=cap, lc=lc, loss=loss),
        "capability": write_raster(tmp_path / "cap.tif", cap, nodata=0),
        "land_cover": write_raster(tmp_path / "lc.tif", lc, nodata=0),
        "dem": write_raster(tmp_path / "dem.tif", dem, nodata=-9999),
        "loss_year": write_raster(tmp_path / "loss.tif", loss, nodata=65535, tiled=True),
        "conservation": [_square(400600, 8958500, 400900, 8958800)],
    }


def test_identical_whatever_block_size_and_reason_rule(tmp_path, region):
    sources = {k: v for k, v in region.items() if k != "arrays"}
    outs = []
    for bs in (16, 50, (47, 7), 1024):
        folder = tmp_path / f"bs{bs}".replace(" ", "")
        folder.mkdir()
        result = serfor.serfor_criteria(str(folder / "o.tif"), criteria_output=str(folder / "c.tif"), radius_m=100,
                                        workdir=str(folder), block_size=bs, **sources)
        outs.append((read_raster(folder / "o.tif"), [read_raster(folder / "c.tif", b) for b in range(1, 6)], result))
    for reason, bands, result in outs[1:]:
        np.testing.assert_array_equal(reason, outs[0][0])
        for band, ref in zip(bands, outs[0][1]):
            np.testing.assert_array_equal(band, ref)
        for key, ha in result["areas"].hectares.items():
            assert ha == pytest.approx(outs[0][2]["areas"].hectares[key], rel=1e-12)
    a = region["arrays"]
    matrix = serfor.validate_conflict_matrix(serfor.load_preset()["conflict_matrix"])
    conflict = serfor.land_use_conflict(a["lc"], a["cap"], CUM, matrix)
    forest_land = np.isin(a["cap"], (4, 5))
    expected = serfor.degraded_reason(forest_land, conflict == 1, a["loss"] > 0)
    expected[a["cap"] == 0] = ND
    reason, bands, result = outs[0]
    np.testing.assert_array_equal(reason, expected)
    np.testing.assert_array_equal(bands[0], np.where(a["cap"] == 0, CND, conflict))
    assert result["used"] == ["land_use_conflict", "slope", "distance", "deforestation"]


def test_capability_classes_not_in_the_table_are_named(tmp_path):
    cap = write_raster(tmp_path / "cap.tif", np.array([[1, 4, 9, 7]], np.uint8), nodata=0)
    lc = write_raster(tmp_path / "lc.tif", np.array([[1, 1, 1, 1]], np.uint8), nodata=0)
    with pytest.raises(InputError) as err:
        serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, land_cover=lc)
    assert "holds classes 7, 9 that are not in the capability table (known: 1 A, 2 C, 3 P, 4 F, 5 X)" in str(err.value)
    assert not (tmp_path / "o.tif").exists()


def test_land_cover_classes_not_in_the_matrix_are_named(tmp_path):
    cap = write_raster(tmp_path / "cap.tif", np.array([[1, 4]], np.uint8), nodata=0)
    lc = write_raster(tmp_path / "lc.tif", np.array([[12, 31]], np.uint8), nodata=0)
    with pytest.raises(InputError, match="holds classes 12, 31 that have no row in the land-use conflict matrix"):
        serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, land_cover=lc)
    matrix = {12: {"A": 3, "C": 3, "P": 3, "F": 2, "X": 2}, 31: {"A": 2, "C": 2, "P": 1, "F": 1, "X": 1}}
    serfor.serfor_criteria(str(tmp_path / "o.tif"), cap, land_cover=lc, conflict_matrix=matrix,
                           criteria_output=str(tmp_path / "c.tif"))
    assert read_raster(tmp_path / "c.tif", 1).tolist() == [[3, 1]]
    assert read_raster(tmp_path / "o.tif").tolist() == [[0, 1]]


def test_grids_that_differ(tmp_path, region):
    other = write_raster(tmp_path / "dem2.tif", np.ones((61, 47), np.float32), epsg=32719, nodata=-9999)
    with pytest.raises(GridMismatchError, match="CRS differs"):
        serfor.serfor_criteria(str(tmp_path / "o.tif"), region["capability"], land_cover=region["land_cover"],
                               dem=other)


def test_needs_land_cover_or_loss(tmp_path, region):
    with pytest.raises(InputError, match="need the land cover"):
        serfor.serfor_criteria(str(tmp_path / "o.tif"), region["capability"], dem=region["dem"])


def test_cancel_during_distances_leaves_no_output(tmp_path, region):
    sources = {k: v for k, v in region.items() if k != "arrays"}
    with pytest.raises(Cancelled):
        serfor.serfor_criteria(str(tmp_path / "o.tif"), criteria_output=str(tmp_path / "c.tif"),
                               workdir=str(tmp_path), is_cancelled=lambda: True, **sources)
    assert not (tmp_path / "o.tif").exists() and not (tmp_path / "c.tif").exists()
    assert not [p for p in os.listdir(tmp_path) if ".part." in p]
