"""target2_report takes the degraded land as target2_indicator takes it, and finds the departments of a PostGIS
registry (issue 13).

Truths: ``t2restore:target2_indicator`` run separately with the same degraded-land parameters (the issue asks
the report's headline to be that algorithm's national row; before the shared helper the report declared
neither DEGRADED_CLASSES nor DEGRADED_BAND, so these reports were refused or counted other pixels), the
layers the tests write themselves, and a real PostgreSQL + PostGIS registry (tests/pg.py).
"""

import numpy as np
import pytest
import test_target2_report as base
from feedback import Capture
from rasters import write_polygons, write_raster
from test_trends_earth_inputs import BANDS_V2, X0, Y0, bands_arrays, sq, write_te

from t2restore.processing import _degraded_params
from t2restore.processing.target2_indicator import Target2IndicatorAlgorithm as Indicator
from t2restore.processing.target2_report import Target2ReportAlgorithm as Report

REPORT = "t2restore:target2_report"
INDICATOR = "t2restore:target2_indicator"
HEADLINE = {"Degraded land (ha)": Indicator.DEGRADED_HA,
            "Restoration inside degraded land (ha)": Indicator.RESTORATION_IN_DEGRADED_HA,
            "Restoration outside degraded land (ha)": Indicator.RESTORATION_OUTSIDE_HA,
            "Share of degraded land under restoration (%)": Indicator.SHARE_PCT,
            "Missing to the target share (ha)": Indicator.TO_SHARE_HA,
            "Missing to the national goal (ha)": Indicator.TO_TARGET_HA}
STATUS_GT = (-75.95, 0.001, 0.0, -11.75, 0.0, -0.001)  # over the registry's sample areas (Junín)
STATUS_SHAPE = (100, 130)
ND = -32768
needs_poppler = base.needs_poppler
inputs = base.inputs  # the report's own inputs (fixture): a sample registry, degraded land, zones
report_params, sheet = base.report_params, base.sheet


def _indicator(run_alg, folder, params):
    """target2_indicator on ``params`` (its outputs in ``folder``): (results, {zone name: row})."""
    results = run_alg(INDICATOR, dict(params, **{Indicator.OUTPUT: str(folder / "inside.gpkg"),
                                                 Indicator.OUTPUT_TABLE: str(folder / "indicator.gpkg")}))
    rows, _types = sheet(folder / "indicator.gpkg", "indicator")
    return results, {r["name"]: r for r in rows if r["level"] == "zone"}


def _assert_same_headline(report_results, xlsx, indicator_results):
    summary, types = sheet(xlsx, "Summary")
    for column, key in HEADLINE.items():
        assert types[column] == "Real", column
        assert summary[0][column] == pytest.approx(indicator_results[key], rel=1e-12), column
    for key in (Report.DEGRADED_HA, Report.RESTORATION_IN_DEGRADED_HA, Report.RESTORATION_OUTSIDE_HA,
                Report.SHARE_PCT):
        assert report_results[key] == pytest.approx(indicator_results[key], rel=1e-12), key


def test_both_algorithms_declare_the_degraded_land_alike():
    """One declaration: the report offers the indicator's four degraded-land parameters, worded alike."""
    report, indicator = Report(), Indicator()
    report.initAlgorithm()
    indicator.initAlgorithm()
    for key in _degraded_params.KEYS:
        mine, theirs = report.parameterDefinition(key), indicator.parameterDefinition(key)
        assert mine is not None and theirs is not None, key
        assert (mine.type(), mine.description(), mine.defaultValue(), bool(mine.flags())) == (
            theirs.type(), theirs.description(), theirs.defaultValue(), bool(theirs.flags())), key
    assert (Report.DEGRADED_CLASSES, Report.DEGRADED_BAND) == (Indicator.DEGRADED_CLASSES, Indicator.DEGRADED_BAND)


@pytest.fixture
def status(run_alg, tmp_path):
    """The status of ldn_status (classes 1-7) over the registry's sample areas, from two random periods."""
    from t2restore.processing.ldn_status import LdnStatusAlgorithm as Status

    rng = np.random.default_rng(13)
    periods = [write_raster(tmp_path / f"{name}.tif", rng.choice(np.array([-1, 0, 1, ND], np.int16), STATUS_SHAPE,
                                                                 p=[0.3, 0.35, 0.3, 0.05]),
                            epsg=4326, geotransform=STATUS_GT, nodata=ND) for name in ("baseline", "report")]
    results = run_alg("t2restore:ldn_status", {Status.BASELINE: periods[0], Status.REPORTING_1: periods[1],
                                               Status.STATUS_1: str(tmp_path / "status.tif")})
    return results[Status.STATUS_1]


@pytest.mark.parametrize("classes", ["1,2,3", "1-2"])
def test_report_on_an_ldn_status_with_degraded_classes_is_the_indicator(run_alg, inputs, status, classes, tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    params = report_params(Report, inputs, folder, **{Report.DEGRADED: status, Report.DEGRADED_CLASSES: classes})
    results = run_alg(REPORT, params)
    indicator, zones = _indicator(run_alg, tmp_path, {
        Indicator.DEGRADED: status, Indicator.DEGRADED_CLASSES: classes,
        Indicator.RESTORATION_AREAS: inputs["registry"], Indicator.ZONES: inputs["zones"],
        Indicator.ZONE_FIELD: "nombre"})
    assert indicator[Indicator.RESTORATION_IN_DEGRADED_HA] > 0
    _assert_same_headline(results, params[Report.OUTPUT_XLSX], indicator)
    departments, _types = sheet(params[Report.OUTPUT_XLSX], "Departments")
    junin = next(r for r in departments if r["Department"] == "Junín")
    assert junin["Degraded land (ha)"] == pytest.approx(zones["Junín"]["degraded_ha"], abs=1e-6)
    assert junin["Restoration inside degraded land (ha)"] == pytest.approx(
        zones["Junín"]["restoration_in_degraded_ha"], abs=1e-6)
    provenance, _types = sheet(params[Report.OUTPUT_XLSX], "Method and provenance")
    assert any(r["Name"] == Report.DEGRADED_CLASSES and r["Value"] == classes for r in provenance)


@pytest.fixture
def trends_earth(tmp_path):
    """A Trends.Earth result with two SDG bands (2000-2015 and 2004-2019; the later one degraded in the left 30
    columns only), the restoration areas and two zones, all in UTM 18S."""
    folder = tmp_path / "trends_earth"  # apart from the report's own inputs (fixture inputs)
    folder.mkdir()
    arrays = bands_arrays()
    later = arrays[1].copy()
    later[:, 30:60] = 0
    bands = BANDS_V2[:2] + [{"name": "SDG 15.3.1 Indicator", "metadata": {"year_initial": 2004, "year_final": 2019},
                             "no_data_value": -32768}]
    tif = write_te(folder, bands=bands, arrays=np.stack([arrays[0], arrays[1], later]))
    # across the degraded columns of both SDG bands (0-60 and 0-30, 30 m columns) and beyond them
    restoration = write_polygons(folder / "r.gpkg", [("Reforestación", sq(X0 + 600, Y0 - 1800, 1500, 900))],
                                 layer="areas")
    zones = write_polygons(folder / "zones.gpkg", [("Oeste", sq(X0, Y0 - 3600, 1350, 3600)),
                                                     ("Este", sq(X0 + 1350, Y0 - 3600, 1350, 3600))],
                           field="nombre")
    return tif, restoration, zones


@pytest.mark.parametrize("band", ["SDG 15.3.1 Indicator @ 2019", "2"])
def test_report_on_a_trends_earth_file_with_degraded_band_is_the_indicator(run_alg, trends_earth, band, tmp_path):
    tif, restoration, zones = trends_earth
    folder = tmp_path / "report"
    folder.mkdir()
    given = {"degraded": tif, "registry": restoration, "zones": zones}
    params = report_params(Report, given, folder, **{Report.DEGRADED_BAND: band})
    results = run_alg(REPORT, params)
    indicator, by_zone = _indicator(run_alg, tmp_path, {
        Indicator.DEGRADED: tif, Indicator.DEGRADED_BAND: band, Indicator.RESTORATION_AREAS: restoration,
        Indicator.ZONES: zones, Indicator.ZONE_FIELD: "nombre"})
    assert indicator[Indicator.RESTORATION_IN_DEGRADED_HA] > 0
    _assert_same_headline(results, params[Report.OUTPUT_XLSX], indicator)
    departments, _types = sheet(params[Report.OUTPUT_XLSX], "Departments")
    assert {r["Department"]: r["Degraded land (ha)"] for r in departments} == pytest.approx(
        {name: row["degraded_ha"] for name, row in by_zone.items()}, abs=1e-6)


def test_the_report_map_draws_the_band_the_indicator_reads(plugin, trends_earth, tmp_path):
    """The map of the degraded land shows the picked band (one band: the SDG 2004-2019), not band 1."""
    from osgeo import gdal
    from qgis.core import QgsProcessingContext

    tif, _restoration, _zones = trends_earth
    alg = Report()
    alg.initAlgorithm()
    layer = _degraded_params.map_layer(alg, {Report.DEGRADED: tif, Report.DEGRADED_BAND: "SDG 15.3.1 Indicator @ 2019"},
                                       QgsProcessingContext(), str(tmp_path))
    assert layer.isValid() and layer.bandCount() == 1
    ds = gdal.Open(layer.source())
    drawn = ds.GetRasterBand(1).ReadAsArray()
    ds = None
    later = bands_arrays()[1]
    later[:, 30:60] = 0
    assert np.array_equal(drawn, later)


@pytest.mark.parametrize("case", ["classes", "band"])
def test_bad_degraded_classes_or_band_is_refused_naming_it_and_nothing_written(run_alg, inputs, status,
                                                                              trends_earth, case, tmp_path):
    """The indicator's own refusals reach the report's user: the parameter named, no output left behind."""
    from qgis.core import QgsProcessingException

    folder = tmp_path / "report"
    folder.mkdir()
    if case == "classes":
        given, extra, words = inputs, {Report.DEGRADED_CLASSES: "1,dos"}, Report.DEGRADED_CLASSES
        extra[Report.DEGRADED] = status
    else:
        given = dict(zip(("degraded", "registry", "zones"), trends_earth))
        extra, words = {Report.DEGRADED_BAND: "Population"}, "DEGRADED: the Trends.Earth result has no band named"
    params = report_params(Report, given, folder, **extra)
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(REPORT, params)
    assert words in str(caught.value)
    assert sorted(p.name for p in folder.iterdir()) == []


@pytest.mark.qgis_process
def test_qgis_process_report_with_degraded_classes_is_the_indicator(qp, run_alg, inputs, status, tmp_path):
    folder = tmp_path / "qp"
    folder.mkdir()
    params = report_params(Report, inputs, folder, **{Report.DEGRADED: status, Report.DEGRADED_CLASSES: "1,2,3"})
    code, out, log = qp.run(REPORT, **params)
    assert code == 0, log
    indicator, _zones = _indicator(run_alg, tmp_path, {
        Indicator.DEGRADED: status, Indicator.DEGRADED_CLASSES: "1,2,3",
        Indicator.RESTORATION_AREAS: inputs["registry"], Indicator.ZONES: inputs["zones"],
        Indicator.ZONE_FIELD: "nombre"})
    _assert_same_headline(out["results"], params[Report.OUTPUT_XLSX], indicator)


# --- default zones of a PostGIS registry: the administrative layer its database names (issue 13) ------------------
admin_setting, districts = base.admin_setting, base.districts  # fixtures: the dock's choice, INEI-style districts
DISTRICTS = [(base.JUNIN_WEST, "JUNIN", "A"), (base.JUNIN_EAST, "JUNIN", "B"), (base.PASCO_BOX, "PASCO", "C")]
PASSWORD = "lím'ites;7"


@pytest.fixture
def pg_report(pg_cluster, pg_database, pg_registry_dsn, inputs):
    """The report's sample registry copied into a PostGIS registry whose database also holds the districts
    (public.limites, INEI-style); (layer of its areas through a password login, login dsn, superuser dsn)."""
    from qgis.core import QgsVectorLayer

    from t2restore.registry.store import open_registry

    with open_registry(inputs["registry"].split("|")[0]) as local:
        copied = local.get_initiatives()
    with open_registry(pg_registry_dsn) as store:
        store.put_initiatives(copied)
    pg_cluster.sql("CREATE TABLE public.limites (gid serial PRIMARY KEY, nombdep text, nombdist text, "
                   "geom geometry(MultiPolygon, 4326))", dbname=pg_database)
    for (x0, y0, x1, y1), dep, dist in DISTRICTS:
        pg_cluster.sql("INSERT INTO public.limites (nombdep, nombdist, geom) VALUES (%s, %s, "
                       "ST_Multi(ST_MakeEnvelope(%s, %s, %s, %s, 4326)))", (dep, dist, x0, y0, x1, y1), pg_database)
    pg_cluster.sql("GRANT SELECT ON public.limites TO t2r_reader, t2r_editor, t2r_admin", dbname=pg_database)
    login = pg_cluster.login_role("t2r_zones_reader", PASSWORD, ["t2r_reader"], dbname=pg_database)
    layer = QgsVectorLayer(login + ' key=\'uuid\' srid=4326 type=MultiPolygon table="t2restore"."restoration_areas" '
                           '(geom)', "restoration_areas", "postgres")
    assert layer.isValid() and layer.featureCount() == 4
    return layer, login, pg_registry_dsn


def _report_without_zones(run_alg, inputs, layer, folder, feedback=None):
    params = report_params(Report, dict(inputs, registry=layer), folder)
    del params[Report.ZONES], params[Report.ZONE_FIELD]
    return params, run_alg(REPORT, params, feedback)


@needs_poppler
def test_postgis_registry_without_zones_gets_the_departments_its_database_names(run_alg, inputs, pg_report,
                                                                                admin_setting, tmp_path):
    """No dock choice in this profile (a colleague's QGIS, a server): the registry's own setting gives them."""
    from t2restore.registry import admin_setting as setting

    layer, login, owner = pg_report
    admin_setting("")
    setting.write(owner, {"table": "public.limites", "fields": {"department": "nombdep"}})
    params, results = _report_without_zones(run_alg, inputs, layer, tmp_path)
    rows, _types = sheet(params[Report.OUTPUT_XLSX], "Departments")
    by_name = {r["Department"]: r for r in rows}
    assert sorted(by_name) == ["JUNIN", "PASCO"]  # dissolved by department: not one row per district
    assert by_name["JUNIN"]["Degraded land (ha)"] == pytest.approx(base.box_hectares([base.DEGRADED_BOX]), rel=5e-5)
    assert by_name["PASCO"]["Degraded land (ha)"] == 0
    assert results[Report.PAGES] == base.pdf_pages(params[Report.OUTPUT_PDF]) == 4 + 2
    provenance, _types = sheet(params[Report.OUTPUT_XLSX], "Method and provenance")
    origin = next(r["Value"] for r in provenance if r["Name"] == "ZONES_DEFAULT")
    assert "public.limites (nombdep)" in origin and "t2r_zones_reader" in origin, origin
    assert PASSWORD not in " ".join(str(v) for r in provenance for v in r.values())


@needs_poppler
def test_postgis_registry_without_a_named_layer_uses_the_dock_choice(run_alg, inputs, pg_report, districts,
                                                                     admin_setting, tmp_path):
    """Regression guard: without the database setting, the layer chosen in the dock gives the departments."""
    layer, _login, _owner = pg_report
    admin_setting(districts)
    params, results = _report_without_zones(run_alg, inputs, layer, tmp_path)
    rows, _types = sheet(params[Report.OUTPUT_XLSX], "Departments")
    assert sorted(r["Department"] for r in rows) == ["JUNIN", "PASCO"]
    assert results[Report.PAGES] == 4 + 2


@pytest.mark.parametrize("value, expected", [
    ("not json", "is not a JSON object"),
    ('{"table": "public.no_such_table", "fields": {"department": "nombdep"}}', "holds no polygon table"),
    ('{"table": "public.limites"}', "names no department field"),
])
def test_broken_database_setting_is_named_and_the_dock_choice_used(run_alg, inputs, pg_cluster, pg_database,
                                                                  pg_report, districts, admin_setting, tmp_path,
                                                                  value, expected):
    layer, _login, _owner = pg_report
    pg_cluster.sql("ALTER DATABASE %s SET t2restore.admin_layer = %%s" % pg_database, (value,))
    admin_setting(districts)
    log = Capture()
    params, _results = _report_without_zones(run_alg, inputs, layer, tmp_path, log)
    problem = next((line for line in log.lines if "t2restore.admin_layer" in line), "")
    assert expected in problem and "ALTER DATABASE " + pg_database in problem, log.lines
    rows, _types = sheet(params[Report.OUTPUT_XLSX], "Departments")
    assert sorted(r["Department"] for r in rows) == ["JUNIN", "PASCO"]


@pytest.mark.qgis_process
def test_qgis_process_postgis_registry_gets_the_departments_its_database_names(qp, inputs, pg_report, tmp_path):
    """qgis_process in a fresh profile (no dock choice at all), on the registry's areas."""
    from t2restore.registry import admin_setting as setting
    from t2restore.registry.store import open_registry

    _layer, _login, owner = pg_report
    setting.write(owner, {"table": "limites", "fields": {"department": "nombdep"}})
    with open_registry(owner) as store:
        uri = store.layer_uri()
    params = report_params(Report, dict(inputs, registry="postgres://" + uri), tmp_path)
    del params[Report.ZONES], params[Report.ZONE_FIELD]
    code, out, log = qp.run(REPORT, **params)
    assert code == 0, log
    rows, _types = sheet(params[Report.OUTPUT_XLSX], "Departments")
    assert sorted(r["Department"] for r in rows) == ["JUNIN", "PASCO"]
    assert out["results"][Report.PAGES] == 4 + 2
