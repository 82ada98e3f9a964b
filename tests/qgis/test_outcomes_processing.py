"""t2restore:restoration_outcomes through processing.run: a registry in EPSG:4326 against a UTM series,
outcomes written back into its monitoring values (issue 14)."""

import csv

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException
from rasters import UTM18S, write_raster

from t2restore.processing.restoration_outcomes import RestorationOutcomesAlgorithm as Alg
from t2restore.registry import samples
from t2restore.registry.store import ConflictError, create_registry, open_registry

ALG = "t2restore:" + Alg.NAME
YEARS = list(range(2005, 2021))


def _utm_origin(lon, lat):
    wgs, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    utm.ImportFromEPSG(UTM18S)
    for srs in (wgs, utm):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y = osr.CoordinateTransformation(wgs, utm).TransformPoint(lon, lat)[:2]
    return (round(x / 30) * 30 - 1500.0, 30.0, 0.0, round(y / 30) * 30 + 1500.0, 0.0, -30.0)


def _inside_mask(registry_path, area_uuid, gt, size):
    """Pixels whose centre is inside the area, by GDAL's own rasterization (independent of the plugin)."""
    src = ogr.Open(str(registry_path))
    layer = src.GetLayerByName("restoration_areas")
    layer.SetAttributeFilter("uuid = '%s'" % area_uuid)
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(UTM18S)
    ds = gdal.GetDriverByName("MEM").Create("", size, size, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(gt)
    ds.SetProjection(utm.ExportToWkt())
    gdal.RasterizeLayer(ds, [1], layer, burn_values=[1])
    return ds.GetRasterBand(1).ReadAsArray().astype(bool)


@pytest.fixture
def scene(tmp_path):
    """A registry with one initiative of two areas (starting 2012) and a UTM series: area 0 gains 0.15."""
    ini = samples.sample_initiative(1, areas=2, lon=-75.2, lat=-11.8, size_deg=0.005)
    for area in ini.areas:
        area.start_year = 2012
    path = tmp_path / "registro.gpkg"
    with create_registry(path) as store:
        store.save_initiative(ini)
    size = 200
    gt = _utm_origin(-75.2, -11.8)
    rng = np.random.default_rng(3)
    values = 0.5 + 0.01 * np.arange(16)[:, None, None] + rng.normal(0, 0.02, (16, size, size))
    gain = _inside_mask(path, ini.areas[0].uuid, gt, size)
    assert gain.sum() > 100
    values[:, gain] += np.where(np.array(YEARS) >= 2013, 0.15, 0.0)[:, None]
    series = write_raster(tmp_path / "series.tif", values.astype(np.float32), geotransform=gt, nodata=-9999.0)
    return path, ini, series


def _params(path, series, tmp_path, **extra):
    params = {Alg.AREAS: str(path) + "|layername=restoration_areas", Alg.SERIES: series, Alg.FIRST_YEAR: 2005,
              Alg.SEARCH_RADIUS: 1500, Alg.OUTPUT_TABLE: str(tmp_path / "out.csv"),
              Alg.OUTPUT_LAYER: str(tmp_path / "out.gpkg"), Alg.WRITE_REGISTRY: True}
    params.update(extra)
    return params


def _ours(area):
    return {v.indicator: v.value for v in area.monitoring if v.indicator.startswith("T2R-OUT-")}


def test_registry_areas_reprojected_and_written_back(scene, run_alg, tmp_path):
    path, ini, series = scene
    result = run_alg(ALG, _params(path, series, tmp_path))
    assert result[Alg.AREAS_WRITTEN] == 2
    with open_registry(path) as store:
        stored = store.get_initiative(ini.uuid)
    gained, same = (_ours(a) for a in stored.areas)
    assert gained["T2R-OUT-CLASS"] == 1
    assert gained["T2R-OUT-CI-LOW"] <= 0.15 <= gained["T2R-OUT-CI-HIGH"]
    assert same["T2R-OUT-CLASS"] == 0
    assert all(v.date == "2020-12-31" for a in stored.areas for v in a.monitoring
               if v.indicator.startswith("T2R") and not v.indicator.startswith("T2R-OUT-SERIES"))
    assert gained["T2R-OUT-START"] == 2012
    inside = sorted(v.date for v in stored.areas[0].monitoring if v.indicator == "T2R-OUT-SERIES-IN")
    assert inside == ["%d-12-31" % y for y in YEARS]
    # the person's value is kept; a second run replaces instead of adding
    assert [v.indicator for v in stored.areas[0].monitoring].count("SDG_I_15.1.1") == 1
    run_alg(ALG, _params(path, series, tmp_path, **{Alg.OUTPUT_TABLE: str(tmp_path / "again.csv"),
                                                   Alg.OUTPUT_LAYER: str(tmp_path / "again.gpkg")}))
    with open_registry(path) as store:
        again = store.get_initiative(ini.uuid)
    counts = [len(a.monitoring) for a in again.areas]
    assert counts == [len(a.monitoring) for a in stored.areas] == [1 + 7 + 16 + 16] * 2


def test_dock_holding_the_initiative_cannot_overwrite_the_run(scene, run_alg, tmp_path):
    path, ini, series = scene
    with open_registry(path) as store:
        held = store.get_initiative(ini.uuid)  # the dock's form, open on the initiative
        run_alg(ALG, _params(path, series, tmp_path))
        held.title = "edited while the algorithm ran"
        with pytest.raises(ConflictError):
            store.save_initiative(held)
        assert _ours(store.get_initiative(ini.uuid).areas[0])["T2R-OUT-CLASS"] == 1


def test_write_registry_needs_a_registry(scene, run_alg, tmp_path):
    _path, _ini, series = scene
    areas = str(tmp_path / "plain.gpkg")
    from rasters import write_polygons

    write_polygons(areas, [("2012", "POLYGON((-75.2 -11.8,-75.19 -11.8,-75.19 -11.81,-75.2 -11.81,-75.2 -11.8))")],
                   epsg=4326, field="start")
    with pytest.raises(QgsProcessingException, match="WRITE_REGISTRY needs AREAS"):
        run_alg(ALG, _params(areas, series, tmp_path, **{Alg.AREAS: areas, Alg.START_FIELD: "start"}))
    assert not (tmp_path / "out.csv").exists()


def test_start_field_required_for_a_plain_layer(scene, run_alg, tmp_path):
    _path, _ini, series = scene
    areas = str(tmp_path / "plain.gpkg")
    from rasters import write_polygons

    write_polygons(areas, [("2012", "POLYGON((-75.2 -11.8,-75.19 -11.8,-75.19 -11.81,-75.2 -11.81,-75.2 -11.8))")],
                   epsg=4326, field="start")
    with pytest.raises(QgsProcessingException, match="START_FIELD"):
        run_alg(ALG, _params(areas, series, tmp_path, **{Alg.AREAS: areas, Alg.WRITE_REGISTRY: False}))


def test_cancel_leaves_no_output_and_the_registry_unchanged(scene, run_cancelled, tmp_path):
    path, ini, series = scene
    run_cancelled(ALG, _params(path, series, tmp_path))
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.gpkg").exists()
    with open_registry(path) as store:
        stored = store.get_initiative(ini.uuid)
    assert stored.revision == ini.revision
    assert not [v for a in stored.areas for v in a.monitoring if v.indicator.startswith("T2R-OUT-")]


def test_land_type_and_covariates_on_another_grid_are_aligned(scene, run_alg, tmp_path):
    """LAND_TYPE on the series' grid, a covariate at 60 m (another grid): aligned onto the series, logged, used."""
    from qgis.core import QgsProcessingFeedback

    path, ini, series = scene
    gt = _utm_origin(-75.2, -11.8)
    land = write_raster(tmp_path / "land.tif", np.ones((200, 200), np.uint8), geotransform=gt)
    coarse = (gt[0], 60.0, 0.0, gt[3], 0.0, -60.0)
    elevation = write_raster(tmp_path / "dem.tif", np.full((100, 100), 3200.0, np.float32), geotransform=coarse)

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):  # noqa: N802 - QGIS API name
            self.lines.append(text)

    log = Log()
    run_alg(ALG, _params(path, series, tmp_path, **{Alg.LAND_TYPE: land, Alg.COVARIATES: [elevation],
                                                    Alg.WRITE_REGISTRY: False}), feedback=log)
    assert any("dem" in line for line in log.lines), log.lines  # the alignment is logged
    with open(tmp_path / "out.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    outcome = {r["area_id"]: r["outcome"] for r in rows}
    assert outcome == {ini.areas[0].uuid: "recovering", ini.areas[1].uuid: "no_change"}
