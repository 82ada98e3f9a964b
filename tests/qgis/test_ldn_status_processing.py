"""t2restore:ldn_status through processing.run and qgis_process: status, counterbalancing, corrections, refusals."""

import numpy as np
import pytest
from feedback import Capture
from osgeo import gdal, ogr, osr
from rasters import read_raster, write_polygons, write_raster

from t2restore.algorithms.ldn_status import rules
from t2restore.processing.ldn_status import LdnStatusAlgorithm as Alg

ND = -32768
GT = (-75.0, 0.001, 0.0, -9.0, 0.0, -0.001)
SHAPE = (60, 80)
ALG = "t2restore:ldn_status"


def _box(r0, r1, c0, c1):
    """WKT of the rectangle covering exactly pixels rows r0..r1-1, columns c0..c1-1 of the test grid."""
    x0, x1 = GT[0] + GT[1] * c0, GT[0] + GT[1] * c1
    y0, y1 = GT[3] + GT[5] * r1, GT[3] + GT[5] * r0
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def _corrections(path, rows, epsg=4326, periods_type=ogr.OFTString):
    """GeoPackage of correction polygons: rows of (wkt, deg_to, stable_to, imp_to, periods, reason)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer("error_recode", srs=srs, geom_type=ogr.wkbPolygon)
    for name in ("recode_deg_to", "recode_stable_to", "recode_imp_to"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("periods_affected", periods_type))
    layer.CreateField(ogr.FieldDefn("reason", ogr.OFTString))
    for wkt, deg, stable, imp, periods, reason in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(("recode_deg_to", "recode_stable_to", "recode_imp_to"), (deg, stable, imp)):
            if value is not None:
                feature.SetField(name, value)
        if periods is not None:
            if periods_type == ogr.OFTStringList:
                feature.SetFieldStringList(feature.GetFieldIndex("periods_affected"), periods)
            else:
                feature.SetField("periods_affected", periods)
        feature.SetField("reason", reason)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def _rule_status(b, r):
    return np.vectorize(lambda x, y: rules.status_class(int(x), int(y)) or ND, otypes=[np.int16])(b, r)


def _cell_ha():
    """Hectares of one pixel of each row, by QgsDistanceArea on the WGS 84 ellipsoid (an independent truth)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDistanceArea, QgsGeometry

    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    measure.setEllipsoid("WGS84")
    rows = [measure.measureArea(QgsGeometry.fromWkt(_box(r, r + 1, 0, 1))) / 10000.0 for r in range(SHAPE[0])]
    return np.repeat(np.array(rows)[:, None], SHAPE[1], axis=1)


@pytest.fixture
def data(tmp_path):
    rng = np.random.default_rng(5)
    arrays = {k: rng.choice(np.array([-1, 0, 1, ND], np.int16), SHAPE, p=[0.3, 0.35, 0.3, 0.05])
              for k in ("b", "r1", "r2")}
    arrays["land"] = rng.choice(np.array([0, 1, 2, 300], np.uint16), SHAPE, p=[0.05, 0.4, 0.3, 0.25])
    paths = {k: write_raster(tmp_path / f"{k}.tif", a, epsg=4326, geotransform=GT, nodata=0 if k == "land" else ND)
             for k, a in arrays.items()}
    zones = [("West", _box(0, 60, 0, 40)), ("East", _box(0, 60, 40, 80))]
    paths["zones"] = write_polygons(tmp_path / "zones.gpkg", zones, epsg=4326)
    return arrays, paths


def _params(paths, tmp_path, **extra):
    params = {Alg.BASELINE: paths["b"], Alg.REPORTING_1: paths["r1"], Alg.REPORTING_2: paths["r2"],
              Alg.STATUS_1: str(tmp_path / "s1.tif"), Alg.STATUS_2: str(tmp_path / "s2.tif"),
              Alg.OUTPUT_TABLE: str(tmp_path / "balance.gpkg"), Alg.STATUS_TABLE: str(tmp_path / "status.gpkg"),
              Alg.CORRECTIONS_TABLE: str(tmp_path / "corrections.gpkg")}
    params.update(extra)
    return params


def _table(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    rows = [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]
    del layer
    return rows


def _expected_corrected(arrays, index, items):
    out = {}
    for period, key in (("baseline", "b"), ("report_1", "r1"), ("report_2", "r2")):
        expected = arrays[key].copy()
        for number, (deg, stable, imp, periods) in enumerate(items, start=1):
            if period in periods:
                where = index == number
                expected[where] = [rules.recoded(int(v), deg, stable, imp) for v in arrays[key][where]]
        out[period] = expected
    return out


def test_status_counterbalancing_and_corrections(run_alg, tmp_path, data):
    arrays, paths = data
    corrections = _corrections(tmp_path / "fix.gpkg", [
        (_box(10, 30, 10, 30), 0, None, None, "baseline,report_1", "field visit"),
        (_box(20, 40, 20, 40), None, 1, -1, '["report_2"]', "drone survey"),  # overlaps the first: it wins there
    ])
    index = np.zeros(SHAPE, np.int32)
    index[10:30, 10:30] = 1
    index[20:40, 20:40] = 2
    items = [(0, None, None, {"baseline", "report_1"}), (None, 1, -1, {"report_2"})]
    params = _params(paths, tmp_path, **{Alg.LAND_TYPE: paths["land"], Alg.ZONES: paths["zones"],
                                         Alg.ZONE_FIELD: "name", Alg.CORRECTIONS: corrections,
                                         Alg.CORRECTED_BASELINE: str(tmp_path / "cb.tif"),
                                         Alg.CORRECTED_REPORTING_1: str(tmp_path / "c1.tif"),
                                         Alg.CORRECTED_REPORTING_2: str(tmp_path / "c2.tif"),
                                         Alg.SIMPLE_STATUS_1: str(tmp_path / "simple1.tif")})
    results = run_alg(ALG, params)
    fixed = _expected_corrected(arrays, index, items)
    for key, period in ((Alg.CORRECTED_BASELINE, "baseline"), (Alg.CORRECTED_REPORTING_1, "report_1"),
                        (Alg.CORRECTED_REPORTING_2, "report_2")):
        np.testing.assert_array_equal(read_raster(results[key]), fixed[period])
    s1 = _rule_status(fixed["baseline"], fixed["report_1"])
    s2 = _rule_status(fixed["baseline"], fixed["report_2"])
    np.testing.assert_array_equal(read_raster(results[Alg.STATUS_1]), s1)
    np.testing.assert_array_equal(read_raster(results[Alg.STATUS_2]), s2)
    assert set(np.unique(read_raster(results[Alg.SIMPLE_STATUS_1]))) <= {-1, 0, 1, ND}
    qml = (tmp_path / "s1.qml").read_text(encoding="utf-8")
    assert all(name in qml for name in ("Persistent degradation", "Recent improvement", "Baseline degradation"))
    ds = gdal.Open(results[Alg.STATUS_1])
    rat = ds.GetRasterBand(1).GetDefaultRAT()
    names = [rat.GetValueAsString(i, 1) for i in range(rat.GetRowCount())]
    del rat, ds  # nothing GDAL-backed may outlive the test (tests/qgis/conftest.py)
    assert names[:2] == ["Persistent degradation", "Recent degradation"]
    cell = _cell_ha()
    balance = _table(results[Alg.OUTPUT_TABLE])
    for period, status in (("report_1", s1), ("report_2", s2)):
        whole = [r for r in balance if r["period"] == period and r["zone"] == "(all)" and r["land_type"] == ""]
        gains, losses = cell[np.isin(status, (6, 7))].sum(), cell[np.isin(status, (1, 2))].sum()
        assert len(whole) == 1
        assert whole[0]["gains_ha"] == pytest.approx(gains, rel=1e-6)
        assert whole[0]["losses_ha"] == pytest.approx(losses, rel=1e-6)
        assert whole[0]["net_ha"] == pytest.approx(gains - losses, rel=1e-6, abs=1e-3)
        assert whole[0]["ldn_achieved"] == int(gains - losses >= 0)
        west_300 = [r for r in balance if r["period"] == period and r["zone"] == "West" and r["land_type"] == "300"]
        in_west_300 = (arrays["land"] == 300) & (np.arange(SHAPE[1]) < 40)[None, :]
        assert west_300[0]["gains_ha"] == pytest.approx(cell[np.isin(status, (6, 7)) & in_west_300].sum(), rel=1e-6)
        assert {r["zone"] for r in balance if r["period"] == period} == {"West", "East", "(all)"}
    fixes = _table(results[Alg.CORRECTIONS_TABLE])
    assert sorted((r["feature_id"], r["period"]) for r in fixes) == [(1, "baseline"), (1, "report_1"),
                                                                        (2, "report_2")]
    for row in fixes:
        key = {"baseline": "b", "report_1": "r1", "report_2": "r2"}[row["period"]]
        changed = fixed[row["period"]] != arrays[key]
        mine = changed & (index == row["feature_id"])  # feature ids 1, 2 are the polygon numbers here
        assert row["changed_pixels"] == int(mine.sum())
        assert row["changed_ha"] == pytest.approx(cell[mine].sum(), rel=1e-6)
        assert row["geometry_repaired"] == 0
    assert {r["reason"] for r in fixes} == {"field visit", "drone survey"}
    status_rows = _table(results[Alg.STATUS_TABLE])
    stable_ha = sum(r["hectares"] for r in status_rows if r["period"] == "report_1" and r["class"] == 4)
    assert stable_ha == pytest.approx(cell[s1 == 4].sum(), rel=1e-6)


def test_string_list_periods_reprojected_and_repaired(run_alg, tmp_path, data):
    """A Trends.Earth-like layer: periods as a string list, polygons in UTM 18S, one self-intersecting."""
    arrays, paths = data
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.ImportFromEPSG(32718)
    for srs in (src, dst):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    square = ogr.CreateGeometryFromWkt(_box(5, 55, 5, 75))
    square.AssignSpatialReference(src)
    square.TransformTo(dst)
    xmin, xmax, ymin, ymax = square.GetEnvelope()
    bowtie = f"POLYGON(({xmin} {ymin},{xmax} {ymax},{xmax} {ymin},{xmin} {ymax},{xmin} {ymin}))"
    corrections = _corrections(tmp_path / "te.gpkg", [(bowtie, 1, 1, None, ["baseline"], "")], epsg=32718,
                               periods_type=ogr.OFTStringList)
    feedback = Capture()
    results = run_alg(ALG, _params(paths, tmp_path, **{Alg.CORRECTIONS: corrections,
                                                       Alg.CORRECTED_BASELINE: str(tmp_path / "cb.tif")}), feedback)
    assert any("reprojected" in line for line in feedback.infos)
    assert any("invalid geometry were repaired" in line and "1" in line for line in feedback.warnings)
    corrected = read_raster(results[Alg.CORRECTED_BASELINE])
    # the two triangles meet at the centre; pixels near the middle of the left and right edges are inside
    for row, col in ((30, 8), (30, 71)):
        assert corrected[row, col] == (arrays["b"][row, col] if arrays["b"][row, col] in (1, ND) else 1)
    assert (corrected[:3] == arrays["b"][:3]).all()  # outside the polygon nothing changes
    fixes = _table(results[Alg.CORRECTIONS_TABLE])
    assert [(r["feature_id"], r["period"], r["geometry_repaired"]) for r in fixes] == [(1, "baseline", 1)]
    assert fixes[0]["changed_pixels"] == int((corrected != arrays["b"]).sum()) > 0


@pytest.mark.parametrize("row,fragments", [
    ((0, None, None, None), ("Correction polygon 1", "periods_affected")),
    ((2, None, None, "baseline"), ("Correction polygon 1", "recode_deg_to", "'2'")),
    ((None, None, 0, "report_3"), ("Correction polygon 1", "report_3")),
])
def test_bad_correction_refused_by_feature_and_field(run_alg, tmp_path, data, row, fragments):
    from qgis.core import QgsProcessingException

    _arrays, paths = data
    corrections = _corrections(tmp_path / "bad.gpkg", [(_box(1, 5, 1, 5),) + row + ("",)])
    with pytest.raises(QgsProcessingException) as error:
        run_alg(ALG, _params(paths, tmp_path, **{Alg.CORRECTIONS: corrections}))
    for fragment in fragments:
        assert fragment in str(error.value)
    assert not (tmp_path / "s1.tif").exists() and not (tmp_path / "s2.tif").exists()


def test_other_values_refused_listing_them(run_alg, tmp_path, data):
    from qgis.core import QgsProcessingException

    arrays, paths = data
    bad = arrays["r2"].copy()
    bad[0, :4] = 3
    paths["r2"] = write_raster(tmp_path / "bad.tif", bad, epsg=4326, geotransform=GT, nodata=ND)
    with pytest.raises(QgsProcessingException, match=r"REPORTING_2 holds values other than .*3 \(4\)"):
        run_alg(ALG, _params(paths, tmp_path))
    assert not (tmp_path / "s1.tif").exists()


def test_float_land_type_refused(run_alg, tmp_path, data):
    from qgis.core import QgsProcessingException

    _arrays, paths = data
    land = write_raster(tmp_path / "lf.tif", np.ones(SHAPE, np.float32), epsg=4326, geotransform=GT)
    with pytest.raises(QgsProcessingException, match="LAND_TYPE holds decimal numbers"):
        run_alg(ALG, _params(paths, tmp_path, **{Alg.LAND_TYPE: land}))


def test_grids_refused_or_aligned(run_alg, tmp_path, data):
    from qgis.core import QgsProcessingException

    arrays, paths = data
    paths["r1"] = write_raster(tmp_path / "coarse.tif", arrays["r1"][::2, ::2].copy(), epsg=4326, nodata=ND,
                               geotransform=(GT[0], 0.002, 0.0, GT[3], 0.0, -0.002))
    with pytest.raises(QgsProcessingException, match="pixel size"):
        run_alg(ALG, _params(paths, tmp_path))
    results = run_alg(ALG, _params(paths, tmp_path, **{Alg.ALIGN: True}))
    expected = _rule_status(arrays["b"], np.repeat(np.repeat(arrays["r1"][::2, ::2], 2, 0), 2, 1))
    np.testing.assert_array_equal(read_raster(results[Alg.STATUS_1]), expected)


@pytest.mark.qgis_process
def test_qgis_process(qp, tmp_path, data):
    _arrays, paths = data
    corrections = _corrections(tmp_path / "fix.gpkg", [(_box(10, 30, 10, 30), 0, None, None, "baseline", "")])
    code, result, log = qp.run(ALG, **{Alg.BASELINE: paths["b"], Alg.REPORTING_1: paths["r1"],
                                       Alg.LAND_TYPE: paths["land"], Alg.CORRECTIONS: corrections,
                                       Alg.STATUS_1: str(tmp_path / "s1.tif"),
                                       Alg.OUTPUT_TABLE: str(tmp_path / "balance.csv"),
                                       Alg.CORRECTED_BASELINE: str(tmp_path / "cb.tif")})
    assert code == 0, log
    assert (tmp_path / "s1.tif").exists() and (tmp_path / "cb.tif").exists()
    header = (tmp_path / "balance.csv").read_text().splitlines()[0]
    assert header.startswith("period,land_type,gains_ha,losses_ha,net_ha,ldn_achieved")
    bad = _corrections(tmp_path / "bad.gpkg", [(_box(1, 5, 1, 5), 0, None, None, None, "")])
    code, _result, log = qp.run(ALG, **{Alg.BASELINE: paths["b"], Alg.REPORTING_1: paths["r1"],
                                        Alg.CORRECTIONS: bad, Alg.STATUS_1: str(tmp_path / "s_bad.tif")})
    assert code != 0 and "periods_affected" in log and "Traceback" not in log
    assert not (tmp_path / "s_bad.tif").exists()


@pytest.mark.qgis_process
def test_qgis_process_spanish(qp_es, tmp_path, data):
    _arrays, paths = data
    help_text = qp_es.help(ALG)
    assert "Estado ODS 15.3.1 en varios periodos" in help_text and "degradación persistente" in help_text
    bad = _corrections(tmp_path / "bad.gpkg", [(_box(1, 5, 1, 5), 0, None, None, None, "")])
    code, _result, log = qp_es.run(ALG, **{Alg.BASELINE: paths["b"], Alg.REPORTING_1: paths["r1"],
                                           Alg.CORRECTIONS: bad, Alg.STATUS_1: str(tmp_path / "s.tif")})
    assert code != 0 and "El polígono de corrección 1 no tiene valor en el campo periods_affected" in log


def test_band_of_a_trends_earth_output(run_alg, tmp_path, data):
    arrays, paths = data
    stack = np.stack([np.full(SHAPE, 7, np.int16), arrays["r1"]])
    multi = write_raster(tmp_path / "te.tif", stack, epsg=4326, geotransform=GT, nodata=ND)
    params = {Alg.BASELINE: paths["b"], Alg.REPORTING_1: multi, Alg.REPORTING_1_BAND: 2,
              Alg.STATUS_1: str(tmp_path / "s1.tif")}
    results = run_alg(ALG, params)
    np.testing.assert_array_equal(read_raster(results[Alg.STATUS_1]), _rule_status(arrays["b"], arrays["r1"]))
