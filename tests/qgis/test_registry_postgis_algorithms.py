"""The remaining algorithms that take a registry, on a PostGIS registry (issue 15, item 1): gap_overlap's
INITIATIVES as the registry's PostGIS areas layer with WRITE_TO_REGISTRY, through processing.run and
qgis_process, against the throw-away cluster of tests/pg.py."""

import pytest
from qgis.core import QgsVectorLayer
from test_registry_safety import _unknown_gaps, gap_layers  # noqa: F401 - fixture

from t2restore.processing.gap_overlap import GapOverlapAlgorithm as Gap
from t2restore.registry.store import open_registry


@pytest.fixture
def pg_gaps_registry(pg_registry_dsn):
    """A PostGIS registry holding sample initiatives 1 and 2 without gap or protected area; (dsn, made)."""
    made = _unknown_gaps(2)
    with open_registry(pg_registry_dsn) as store:
        for ini in made:
            store.save_initiative(ini)
    return pg_registry_dsn, made


def _stored(dsn):
    with open_registry(dsn) as store:
        inis = store.get_initiatives()
        uri = store.layer_uri()
    return {a.uuid: (a.national_gap, a.protected_area) for ini in inis for a in ini.areas}, uri


def _expected(made):
    one, two = made
    return {one.areas[0].uuid: ("MINAM", "BP Alto Mayo"), one.areas[1].uuid: ("SERFOR", ""),
            two.areas[0].uuid: ("BOTH", ""), two.areas[1].uuid: ("NONE", "")}


def test_gap_overlap_writes_gaps_into_a_postgis_registry(pg_gaps_registry, run_alg, gap_layers):  # noqa: F811
    dsn, made = pg_gaps_registry
    before, uri = _stored(dsn)
    assert set(before.values()) == {(None, "")}
    layer = QgsVectorLayer(uri, "restoration_areas", "postgres")
    assert layer.isValid() and layer.featureCount() == 4
    gap_a, gap_b, protected = gap_layers
    feedback_log = []
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def pushInfo(self, text):  # noqa: N802 - QGIS API name
            feedback_log.append(text)

    res = run_alg("t2restore:gap_overlap", {
        Gap.GAP_A: gap_a, Gap.GAP_B: gap_b, Gap.PROTECTED_AREAS: protected, Gap.INITIATIVES: layer,
        Gap.WRITE_TO_REGISTRY: True, Gap.OUTPUT: "TEMPORARY_OUTPUT"}, feedback=Log())
    assert res[Gap.AREAS_WRITTEN] == 4
    assert _stored(dsn)[0] == _expected(made)
    assert any("4 of 4 areas changed" in line for line in feedback_log), feedback_log


def test_gap_overlap_into_a_postgis_registry_through_qgis_process(pg_gaps_registry, qp, tmp_path,
                                                                 gap_layers):  # noqa: F811
    dsn, made = pg_gaps_registry
    _before, uri = _stored(dsn)
    gap_a, gap_b, protected = gap_layers
    code, data, log = qp.run("t2restore:gap_overlap", **{
        Gap.GAP_A: gap_a, Gap.GAP_B: gap_b, Gap.PROTECTED_AREAS: protected, Gap.INITIATIVES: "postgres://" + uri,
        Gap.WRITE_TO_REGISTRY: "true", Gap.OUTPUT: str(tmp_path / "o.gpkg")})
    assert code == 0, log
    assert data["results"][Gap.AREAS_WRITTEN] == 4
    assert _stored(dsn)[0] == _expected(made)


def test_gap_overlap_refuses_a_postgis_layer_that_is_not_a_registry(pg_cluster, pg_database, run_alg,
                                                                    gap_layers):  # noqa: F811
    from qgis.core import QgsProcessingException

    pg_cluster.sql("CREATE TABLE public.restoration_areas (id serial PRIMARY KEY, geom geometry(MultiPolygon, 4326))",
                   dbname=pg_database)
    pg_cluster.sql("INSERT INTO public.restoration_areas (geom) VALUES (ST_Multi(ST_MakeEnvelope("
                   "-75.85, -11.81, -75.84, -11.78, 4326)))", dbname=pg_database)
    layer = QgsVectorLayer(pg_cluster.dsn(pg_database) + ' key=\'id\' srid=4326 type=MultiPolygon '
                           'table="public"."restoration_areas" (geom)', "other", "postgres")
    assert layer.isValid()
    gap_a, gap_b, _protected = gap_layers
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("t2restore:gap_overlap", {Gap.GAP_A: gap_a, Gap.GAP_B: gap_b, Gap.INITIATIVES: layer,
                                          Gap.WRITE_TO_REGISTRY: True, Gap.OUTPUT: "TEMPORARY_OUTPUT"})
    assert "WRITE_TO_REGISTRY needs INITIATIVES" in str(caught.value)


def test_restoration_outcomes_written_into_a_postgis_registry(pg_registry_dsn, run_alg, tmp_path):
    from test_outcomes_processing import ALG, _ours, scene  # noqa: F401 - the same scene, in PostGIS

    from t2restore.processing.restoration_outcomes import RestorationOutcomesAlgorithm as Alg

    gpkg, ini, series = scene.__wrapped__(tmp_path)
    with open_registry(gpkg) as local:
        copied = local.get_initiatives()
    with open_registry(pg_registry_dsn) as store:
        store.put_initiatives(copied)
        uri = store.layer_uri()
    layer = QgsVectorLayer(uri, "restoration_areas", "postgres")
    assert layer.isValid() and layer.featureCount() == 2
    result = run_alg(ALG, {Alg.AREAS: layer, Alg.SERIES: series, Alg.FIRST_YEAR: 2005, Alg.SEARCH_RADIUS: 1500,
                           Alg.OUTPUT_TABLE: str(tmp_path / "out.csv"), Alg.OUTPUT_LAYER: str(tmp_path / "out.gpkg"),
                           Alg.WRITE_REGISTRY: True})
    assert result[Alg.AREAS_WRITTEN] == 2
    with open_registry(pg_registry_dsn) as store:
        stored = store.get_initiative(ini.uuid)
    gained, same = (_ours(a) for a in stored.areas)
    assert gained["T2R-OUT-CLASS"] == 1 and same["T2R-OUT-CLASS"] == 0
    assert gained["T2R-OUT-CI-LOW"] <= 0.15 <= gained["T2R-OUT-CI-HIGH"]


def test_target2_report_reads_a_postgis_registry(pg_cluster, pg_database, pg_registry_dsn, run_alg, tmp_path):
    """Through a layer whose source holds a password (TCP login): the registry is read, the password
    appears nowhere in the workbook's provenance."""
    from test_target2_report import inputs, report_params, sheet  # noqa: F401 - the report's own inputs

    from t2restore.processing.target2_report import Target2ReportAlgorithm as Alg

    given = inputs.__wrapped__(tmp_path)
    with open_registry(given["registry"].split("|")[0]) as local:
        copied = local.get_initiatives()
    with open_registry(pg_registry_dsn) as store:
        store.put_initiatives(copied)
    dsn = pg_cluster.login_role("t2r_report_admin", "inf'orme;9", ["t2r_admin"], dbname=pg_database)
    layer = QgsVectorLayer(dsn + ' key=\'uuid\' srid=4326 type=MultiPolygon table="t2restore"."restoration_areas" '
                           '(geom)', "restoration_areas", "postgres")
    assert layer.isValid() and layer.featureCount() == 4
    params = report_params(Alg, given, tmp_path, **{Alg.RESTORATION_AREAS: layer})
    run_alg("t2restore:target2_report", params)
    years, _types = sheet(params[Alg.OUTPUT_XLSX], "Start years")
    assert [r["Start year"] for r in years] == [2022]
    findings, _t = sheet(params[Alg.OUTPUT_XLSX], "Validation")
    assert "overlap_same_initiative" in {r["Rule"] for r in findings if r["Severity"] == "error"}, findings
    provenance, _t = sheet(params[Alg.OUTPUT_XLSX], "Method and provenance")
    row = next(r for r in provenance if r["Name"] == Alg.RESTORATION_AREAS)
    assert "dbname=%s" % pg_database in row["Value"] and '"t2restore"."restoration_areas"' in row["Value"], row
    assert not [r for r in provenance if "orme;9" in " ".join(str(v) for v in r.values())], provenance


def test_target2_indicator_same_figures_from_a_postgis_registry(pg_registry_dsn, run_alg, tmp_path):
    """target2_indicator takes the registry's areas as a layer: the PostGIS layer gives the GeoPackage's figures."""
    from test_target2_report import inputs  # noqa: F401 - the report's own inputs

    from t2restore.processing.target2_indicator import Target2IndicatorAlgorithm as Ind

    given = inputs.__wrapped__(tmp_path)
    with open_registry(given["registry"].split("|")[0]) as local:
        copied = local.get_initiatives()
    with open_registry(pg_registry_dsn) as store:
        store.put_initiatives(copied)
        layer = QgsVectorLayer(store.layer_uri(), "restoration_areas", "postgres")
    figures = []
    for n, areas in enumerate((given["registry"], layer)):
        result = run_alg("t2restore:target2_indicator", {
            Ind.DEGRADED: given["degraded"], Ind.RESTORATION_AREAS: areas, Ind.OUTPUT: "TEMPORARY_OUTPUT",
            Ind.OUTPUT_OUTSIDE: "TEMPORARY_OUTPUT", Ind.OUTPUT_TABLE: str(tmp_path / ("t%d.csv" % n))})
        figures.append((result[Ind.DEGRADED_HA], result[Ind.RESTORATION_IN_DEGRADED_HA]))
    assert figures[0][1] > 0
    assert figures[1] == pytest.approx(figures[0], rel=1e-9)


@pytest.fixture
def pg_gaps_two_institutions(pg_cluster, pg_database, pg_registry_dsn):
    """Sample initiative 1 owned by SERFOR, 2 by MINAM, without gaps; ({role: dsn}, made)."""
    dsns = {
        "serfor": pg_cluster.login_role("t2r_gap_serfor", "gpw5", ["t2r_editor"], "SERFOR", pg_database),
        "minam": pg_cluster.login_role("t2r_gap_minam", "gpw6", ["t2r_editor"], "MINAM", pg_database),
        "admin": pg_cluster.login_role("t2r_gap_admin", "gpw7", ["t2r_admin"], dbname=pg_database),
    }
    made = _unknown_gaps(2)
    for role, ini in zip(("serfor", "minam"), made):
        with open_registry(dsns[role]) as store:
            store.save_initiative(ini)
    return dsns, made


def _areas_layer_uri(dsn):
    return dsn + ' key=\'uuid\' srid=4326 type=MultiPolygon table="t2restore"."restoration_areas" (geom)'


def test_gap_write_back_tells_an_editor_which_rows_the_server_skipped(pg_gaps_two_institutions, run_alg,
                                                                     gap_layers):  # noqa: F811
    from qgis.core import QgsProcessingFeedback

    dsns, made = pg_gaps_two_institutions
    gap_a, gap_b, protected = gap_layers

    class Log(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):  # noqa: N802 - QGIS API name
            self.warnings.append(text)

    def run_as(role):
        layer = QgsVectorLayer(_areas_layer_uri(dsns[role]), "restoration_areas", "postgres")
        assert layer.isValid() and layer.featureCount() == 4
        log = Log()
        log.warnings = []
        res = run_alg("t2restore:gap_overlap", {
            Gap.GAP_A: gap_a, Gap.GAP_B: gap_b, Gap.PROTECTED_AREAS: protected, Gap.INITIATIVES: layer,
            Gap.WRITE_TO_REGISTRY: True, Gap.OUTPUT: "TEMPORARY_OUTPUT"}, feedback=log)
        return res[Gap.AREAS_WRITTEN], log.warnings

    written, warnings = run_as("serfor")
    assert written == 2
    skipped = [w for w in warnings if "skipped" in w]
    assert len(skipped) == 1 and "skipped 1 initiatives" in skipped[0] and "MINAM: 1" in skipped[0], warnings
    assert "gpw5" not in " ".join(warnings)
    stored = _stored(dsns["admin"])[0]
    assert {stored[a.uuid] for a in made[1].areas} == {(None, "")}  # MINAM's areas untouched
    written, warnings = run_as("admin")
    assert written == 2 and not [w for w in warnings if "skipped" in w], warnings
    assert _stored(dsns["admin"])[0] == _expected(made)


def test_gap_write_back_warning_through_qgis_process(pg_gaps_two_institutions, qp, qp_es, tmp_path,
                                                     gap_layers):  # noqa: F811
    dsns, _made = pg_gaps_two_institutions
    gap_a, gap_b, protected = gap_layers

    def run(process, output):
        return process.run("t2restore:gap_overlap", **{
            Gap.GAP_A: gap_a, Gap.GAP_B: gap_b, Gap.PROTECTED_AREAS: protected,
            Gap.INITIATIVES: "postgres://" + _areas_layer_uri(dsns["serfor"]),
            Gap.WRITE_TO_REGISTRY: "true", Gap.OUTPUT: str(tmp_path / output)})

    code, data, log = run(qp, "o.gpkg")
    assert code == 0, log
    assert data["results"][Gap.AREAS_WRITTEN] == 2
    assert "skipped 1 initiatives" in log and "MINAM: 1" in log and "gap results" in log, log
    code, data, log = run(qp_es, "o_es.gpkg")  # written already: SERFOR's rows unchanged, MINAM's still skipped
    assert code == 0, log
    assert "El servidor omitió 1 iniciativas" in log and "resultados de brechas" in log, log
