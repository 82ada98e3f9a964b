"""Trends.Earth results as inputs (issue 19, item 5): bands picked by their names from the JSON beside the file.

The test files follow Trends.Earth's documented layout (te_schemas.results): a job JSON whose ``results`` are
``RasterResults`` (``rasters`` -> {datatype: {uri, bands: [{name, metadata, no_data_value}], ...}}), and the 1.x
local layout ({"file", "bands": [{"name", "band_number", "metadata"}]}). The SDG band is never band 1, so reading
band 1 (what the plugin did before) gives land-cover classes and no degraded pixel at all.

Grid: 120 rows x 90 columns of 30 m (UTM 18S); the SDG band is -1 in the left 60 columns, +1 in the last 30
(improved land, which must never count as degraded or as a gap), so the degraded land is exactly DEGRADED.
"""

import json

import numpy as np
import pytest
from feedback import Capture
from qgis.core import QgsProcessingException
from rasters import write_polygons, write_raster

from t2restore.algorithms.errors import InputError
from t2restore.processing import _te_bands
from t2restore.processing.gap_overlap import GapOverlapAlgorithm as Gap
from t2restore.processing.target2_indicator import Target2IndicatorAlgorithm as T2  # noqa: N814

X0, Y0 = 400000.0, 8960000.0


def sq(x, y, w, h=None):
    h = w if h is None else h
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


DEGRADED = sq(X0, Y0 - 3600, 1800, 3600)
IMPROVED = sq(X0 + 1800, Y0 - 3600, 900, 3600)
RESTORATION = sq(X0 + 1200, Y0 - 1800, 1200, 900)
INSIDE = sq(X0 + 1200, Y0 - 1800, 600, 900)


def bands_arrays():
    land_cover = np.full((120, 90), 3, np.int16)     # cropland everywhere: no -1 in band 1
    sdg = np.zeros((120, 90), np.int16)
    sdg[:, :60] = -1
    sdg[:, 60:] = 1
    land_cover[:, 45:] = 1
    soc = np.full((120, 90), 55, np.int16)
    soc[:60] = 40
    return np.stack([land_cover, sdg, soc])


BANDS_V2 = [{"name": "Land cover (7 class)", "metadata": {"year": 2015}, "no_data_value": -32768,
             "activated": True, "add_to_map": True},
            {"name": "SDG 15.3.1 Indicator", "metadata": {"year_initial": 2000, "year_final": 2015},
             "no_data_value": -32768, "activated": True, "add_to_map": True},
            {"name": "Soil organic carbon", "metadata": {"year": 2015}, "no_data_value": -32768,
             "activated": True, "add_to_map": True}]


def job_v2(tif_name, bands):
    """A Trends.Earth 2.x job description (te_schemas Job with RasterResults), as written beside the result."""
    return {"id": "5b1c6f0e-0d5a-4d1e-9b7a-1f2e3d4c5b6a", "status": "FINISHED", "task_name": "Huanuco",
            "script": {"name": "sdg-15-3-1-summary", "version": "2.1.0"},
            "results": {"type": "RasterResults", "name": "sdg-15-3-1-summary",
                        "uri": {"uri": tif_name, "type": "local"}, "data": {},
                        "rasters": {"Int16": {"type": "One file raster", "datatype": "Int16", "filetype": "COG",
                                              "uri": {"uri": f"/home/user/trends_earth_data/{tif_name}",
                                                      "type": "local"},
                                              "bands": bands}}}}


def write_te(tmp_path, stem="sdg_huanuco", layout="v2", bands=None, arrays=None):
    """A Trends.Earth result: multi-band GeoTIFF + its JSON (``layout`` None: no JSON)."""
    tif = write_raster(tmp_path / f"{stem}.tif", bands_arrays() if arrays is None else arrays, nodata=-32768)
    bands = BANDS_V2 if bands is None else bands
    if layout == "v2":
        doc = job_v2(f"{stem}.tif", bands)
    elif layout == "v1":
        doc = {"file": f"{stem}.tif", "metadata": {"task_name": "Huanuco"},
               "bands": [dict(b, band_number=n) for n, b in enumerate(bands, start=1)]}
    if layout:
        (tmp_path / f"{stem}.json").write_text(json.dumps(doc), encoding="utf-8")
    return tif


@pytest.fixture
def restoration(tmp_path):
    return write_polygons(tmp_path / "r.gpkg", [("Reforestación", RESTORATION)])


@pytest.mark.parametrize("layout", ["v2", "v1"])
def test_target2_reads_the_sdg_band_by_its_name(tmp_path, run_alg, restoration, ellipsoid_ha, layout):
    tif = write_te(tmp_path, layout=layout)
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {T2.DEGRADED: tif, T2.RESTORATION_AREAS: restoration,
                                                  T2.AREA_NAME: "Huánuco", T2.OUTPUT: "memory:"}, fb)
    assert res[T2.DEGRADED_HA] == pytest.approx(ellipsoid_ha(DEGRADED), rel=1e-6)
    assert res[T2.RESTORATION_IN_DEGRADED_HA] == pytest.approx(ellipsoid_ha(INSIDE), rel=1e-5)
    assert "band 2 'SDG 15.3.1 Indicator (2000-2015)'" in fb.text()


def test_band_picked_by_name_and_year_among_several(tmp_path, run_alg, restoration, ellipsoid_ha):
    arrays = bands_arrays()
    later = arrays[1].copy()
    later[:, 30:60] = 0  # in the later period only the left 30 columns are still degraded
    arrays = np.stack([arrays[0], arrays[1], later])
    bands = BANDS_V2[:2] + [{"name": "SDG 15.3.1 Indicator", "metadata": {"year_initial": 2004, "year_final": 2019},
                             "no_data_value": -32768}]
    tif = write_te(tmp_path, bands=bands, arrays=arrays)
    params = {T2.DEGRADED: tif, T2.RESTORATION_AREAS: restoration, T2.AREA_NAME: "Huánuco", T2.OUTPUT: "memory:"}
    with pytest.raises(QgsProcessingException, match=r"several bands named 'SDG 15.3.1 Indicator'.*2: .*2000-2015.*"
                                                     r"3: .*2004-2019.*@ YEAR"):
        run_alg("t2restore:target2_indicator", params)
    res = run_alg("t2restore:target2_indicator", dict(params, **{T2.DEGRADED_BAND: "SDG 15.3.1 Indicator @ 2019"}))
    assert res[T2.DEGRADED_HA] == pytest.approx(ellipsoid_ha(sq(X0, Y0 - 3600, 900, 3600)), rel=1e-6)
    res = run_alg("t2restore:target2_indicator", dict(params, **{T2.DEGRADED_BAND: "2"}))
    assert res[T2.DEGRADED_HA] == pytest.approx(ellipsoid_ha(DEGRADED), rel=1e-6)


def test_unknown_band_name_is_refused_listing_the_bands(tmp_path, run_alg, restoration):
    tif = write_te(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"no band named 'Population'; .*1: Land cover \(7 class\) "
                                                     r"\(2015\); 2: SDG 15.3.1 Indicator"):
        run_alg("t2restore:target2_indicator", {T2.DEGRADED: tif, T2.DEGRADED_BAND: "Population",
                                                T2.RESTORATION_AREAS: restoration, T2.OUTPUT: "memory:"})


def test_without_its_json_bands_are_picked_by_number_with_a_warning(tmp_path, run_alg, restoration, ellipsoid_ha):
    tif = write_te(tmp_path, layout=None)
    params = {T2.DEGRADED: tif, T2.RESTORATION_AREAS: restoration, T2.AREA_NAME: "Huánuco", T2.OUTPUT: "memory:"}
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", dict(params, **{T2.DEGRADED_BAND: "2"}), fb)
    assert res[T2.DEGRADED_HA] == pytest.approx(ellipsoid_ha(DEGRADED), rel=1e-6)
    assert any("3 bands and no Trends.Earth JSON" in w and "band 2 is read" in w for w in fb.warnings)
    # a name cannot be honoured without the JSON: band 1 (land cover, no -1) is read, warned, then refused
    fb = Capture()
    with pytest.raises(QgsProcessingException, match="no pixel with the degraded value -1"):
        run_alg("t2restore:target2_indicator", dict(params, **{T2.DEGRADED_BAND: "SDG 15.3.1 Indicator"}), fb)
    assert any("band 1 is read" in w for w in fb.warnings)


def test_broken_json_is_refused_naming_the_file(tmp_path, run_alg, restoration):
    tif = write_te(tmp_path)
    (tmp_path / "sdg_huanuco.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"sdg_huanuco.json cannot be read"):
        run_alg("t2restore:target2_indicator", {T2.DEGRADED: tif, T2.RESTORATION_AREAS: restoration,
                                                T2.OUTPUT: "memory:"})


def test_gap_overlap_takes_the_degraded_pixels_of_a_trends_earth_result(tmp_path, run_alg, ellipsoid_ha):
    tif = write_te(tmp_path)
    # gap B covers the degraded and the improved land alike: only the degraded part is in both gaps
    gap_b = write_polygons(tmp_path / "b.gpkg", [("serfor", sq(X0 + 900, Y0 - 3600, 1800, 3600))])
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {Gap.GAP_A: tif, Gap.GAP_B: gap_b, Gap.OUTPUT: "memory:"}, fb)
    assert res[Gap.BOTH_HA] == pytest.approx(ellipsoid_ha(sq(X0 + 900, Y0 - 3600, 900, 3600)), rel=1e-6)
    assert res[Gap.ONLY_A_HA] == pytest.approx(ellipsoid_ha(sq(X0, Y0 - 3600, 900, 3600)), rel=1e-6)
    assert res[Gap.ONLY_B_HA] == pytest.approx(ellipsoid_ha(IMPROVED), rel=1e-6)
    assert "degraded pixels (-1)" in fb.text()


# -- the band look-up on its own --------------------------------------------------------------------------

def test_parse_spec():
    assert _te_bands.parse_spec("") == (None, None, None)
    assert _te_bands.parse_spec(" 3 ") == (3, None, None)
    assert _te_bands.parse_spec("Soil organic carbon @ 2019") == (None, "Soil organic carbon", 2019)
    assert _te_bands.parse_spec("Land cover (7 class)") == (None, "Land cover (7 class)", None)


def test_roles_pick_land_cover_productivity_and_soc_by_name(tmp_path):
    bands = [{"name": "Land Productivity Dynamics (from JRC)", "metadata": {}},
             {"name": "Land cover (7 class)", "metadata": {"year": 2015}},
             {"name": "Soil organic carbon", "metadata": {"year": 2015}},
             {"name": "SDG 15.3.1 Indicator", "metadata": {"year_final": 2015}}]
    tif = write_te(tmp_path, bands=bands, arrays=np.zeros((4, 3, 3), np.int16))
    found = _te_bands.read_bands(tif)
    picked = {role: _te_bands.pick(found, "", role, "X").number
              for role in (_te_bands.PRODUCTIVITY, _te_bands.LAND_COVER, _te_bands.SOC, _te_bands.SDG)}
    assert picked == {_te_bands.PRODUCTIVITY: 1, _te_bands.LAND_COVER: 2, _te_bands.SOC: 3, _te_bands.SDG: 4}
    with pytest.raises(InputError):
        _te_bands.pick(found, "9", _te_bands.SDG, "X")


def test_joined_vrt_of_several_rasters_numbers_bands_in_turn(tmp_path):
    """results.uri joins the rasters (Int16 then Float32): band numbers run on across them."""
    doc = job_v2("joined.vrt", BANDS_V2[:1])
    doc["results"]["rasters"]["Int16"]["uri"] = {"uri": "joined_0.tif", "type": "local"}
    doc["results"]["rasters"]["Float32"] = {"type": "One file raster", "datatype": "Float32", "filetype": "COG",
                                            "uri": {"uri": "joined_1.tif", "type": "local"},
                                            "bands": [{"name": "Soil organic carbon", "metadata": {"year": 2020}}]}
    (tmp_path / "joined.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "joined.vrt").write_text("", encoding="utf-8")
    found = _te_bands.read_bands(str(tmp_path / "joined.vrt"))
    assert [(b.number, b.name) for b in found] == [(1, "Land cover (7 class)"), (2, "Soil organic carbon")]


@pytest.mark.qgis_process
def test_target2_trends_earth_through_qgis_process(tmp_path, qp, restoration, ellipsoid_ha):
    tif = write_te(tmp_path)
    code, data, log = qp.run("t2restore:target2_indicator", DEGRADED=tif, RESTORATION_AREAS=restoration,
                             AREA_NAME="Huanuco", OUTPUT=str(tmp_path / "inside.gpkg"))
    assert code == 0, log
    assert data["results"][T2.DEGRADED_HA] == pytest.approx(ellipsoid_ha(DEGRADED), rel=1e-6)


@pytest.mark.qgis_process
def test_gap_overlap_trends_earth_through_qgis_process(tmp_path, qp, ellipsoid_ha):
    tif = write_te(tmp_path)
    gap_b = write_polygons(tmp_path / "b.gpkg", [("serfor", sq(X0 + 900, Y0 - 3600, 1800, 3600))])
    code, data, log = qp.run("t2restore:gap_overlap", GAP_A=tif, GAP_B=gap_b, OUTPUT=str(tmp_path / "gaps.gpkg"))
    assert code == 0, log
    assert data["results"][Gap.BOTH_HA] == pytest.approx(ellipsoid_ha(sq(X0 + 900, Y0 - 3600, 900, 3600)), rel=1e-6)
