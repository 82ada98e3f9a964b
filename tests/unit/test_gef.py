"""GEF profile: core indicator 3 sub-indicator per area (rule table, stored value wins), its
validation on the GEF reporting line, the GEF table's Layer field and the totals per sub-indicator."""

import json
from pathlib import Path

import pytest
from osgeo import ogr

from t2restore.registry import ferm, gef, samples
from t2restore.registry.store import create_registry
from t2restore.registry.validate import validate_initiatives

ECO, REHAB = 1, 2
# (ecosystems, restoration types, expected sub-indicator): docs/metodos.md section 12, row by row.
RULE_ROWS = [
    (["T1"], [ECO], "GEF3.2"),
    (["T2"], [REHAB], "GEF3.2"),
    (["T1", "T2"], [ECO, REHAB], "GEF3.2"),
    (["T3"], [ECO], "GEF3.3"),
    (["T4"], [], "GEF3.3"),
    (["TF1"], [ECO], "GEF3.4"),
    (["MFT1"], [REHAB], "GEF3.4"),
    (["FM1"], [ECO], "GEF3.4"),
    (["F1"], [ECO], "GEF3.4"),
    (["F2"], [ECO], "GEF3.4"),
    (["T7"], [ECO], "GEF3.1"),
    (["T7"], [REHAB], "GEF3.1"),
    (["T7"], [], "GEF3.1"),
    (["T7", "T1"], [REHAB], "GEF3.1"),  # land kept in production: agricultural
    (["T7", "T1"], [ECO], "GEF3.2"),  # farmland returned to forest
    (["T7", "T1"], [ECO, REHAB], "GEF3.2"),
    (["T7", "T4"], [ECO], "GEF3.3"),
    (["T7", "TF1"], [ECO], "GEF3.4"),
    (["T7", "T1"], [], None),  # no restoration type: not clear
    (["T1", "T4"], [ECO], None),  # two natural classes: the user chooses
    (["T1", "TF1"], [ECO], None),
    (["T5"], [ECO], None),  # deserts: no clear class
    (["T6"], [ECO], None),
    (["M1"], [ECO], None),
    (["F3"], [ECO], None),
    (["MT1"], [ECO], None),
    ([], [ECO], None),
    (["T1.2"], [ECO], "GEF3.2"),  # functional-group codes count by their biome
    (["tf1.3"], [ECO], "GEF3.4"),
]


@pytest.mark.parametrize(("ecosystems", "types", "expected"), RULE_ROWS)
def test_rule_table_row_by_row(ecosystems, types, expected):
    assert gef.derive_sub_indicator(ecosystems, types) == expected


def test_stored_indicator_wins_and_area_types_fall_back_to_the_initiative():
    ini = samples.sample_initiative(1)
    area = ini.areas[0]
    area.ecosystems, area.restoration_types = ["T7", "T1"], []
    ini.restoration_types = [REHAB]
    assert gef.sub_indicator(ini, area) == "GEF3.1"  # the initiative's types decide
    area.gef_indicator = "GEF3.2"
    assert gef.sub_indicator(ini, area) == "GEF3.2"
    area.gef_indicator = "GEF4.3"  # any stored GEF code is the user's choice
    assert gef.sub_indicator(ini, area) == "GEF4.3"


def test_totals_per_sub_indicator_in_order():
    rows = [("GEF3.4", 1.004), ("GEF3.2", 10.0), (None, 3.0), ("GEF3.2", 2.5), ("GEF4.3", 1.0), ("GEF3.4", 2.0)]
    assert gef.totals(rows) == [("GEF3.2", 2, 12.5), ("GEF3.4", 2, 3.0), ("GEF4.3", 1, 1.0), (None, 1, 3.0)]


def _gef_initiative(n, ecosystems_per_area):
    ini = samples.sample_initiative(n, areas=len(ecosystems_per_area))
    ini.reporting_line = "GEF"
    for area, ecosystems in zip(ini.areas, ecosystems_per_area):
        area.ecosystems = ecosystems
        area.restoration_types = [ECO]
    return ini


def _rules(report, area_uuid):
    return [f.rule for f in report.for_area(area_uuid)]


def test_missing_indicator_is_a_warning_on_the_gef_line_only():
    ini = _gef_initiative(1, [["T1", "T4"], ["T1"]])
    report = validate_initiatives([ini])
    missing = [f for f in report.findings if f.rule == "gef_indicator_missing"]
    assert [f.area_uuid for f in missing] == [ini.areas[0].uuid]
    assert missing[0].severity == "warning" and "T1, T4" in missing[0].message()
    assert ini.areas[0].uuid not in report.blocked_areas()
    ini.areas[0].gef_indicator = "GEF3.3"  # chosen in the form
    assert "gef_indicator_missing" not in _rules(validate_initiatives([ini]), ini.areas[0].uuid)
    ini.areas[0].gef_indicator = None
    ini.reporting_line = "FERM"
    assert "gef_indicator_missing" not in _rules(validate_initiatives([ini]), ini.areas[0].uuid)


def test_ferm_area_differing_over_half_a_percent_is_reported():
    ini = samples.sample_initiative(2)
    # A large triangle with a 17-degree oblique edge: FERM's straight edge in EPSG:6933 and the
    # ellipsoidal (densified) edge enclose areas about 0.7 % apart; a 0.3 % one stays quiet.
    ini.areas[0].set_geometry(ogr.CreateGeometryFromWkt("POLYGON((-76 -17,-70 -1,-70 -17,-76 -17))"))
    ini.areas[1].set_geometry(ogr.CreateGeometryFromWkt("POLYGON((-76 -12,-72 -4,-72 -12,-76 -12))"))
    report = validate_initiatives([ini])
    flagged = [f for f in report.findings if f.rule == "ferm_area_mismatch"]
    assert [f.area_uuid for f in flagged] == [ini.areas[0].uuid]
    assert flagged[0].severity == "warning" and 0.5 < flagged[0].params["difference_pct"] < 1.0
    assert "ferm_area_mismatch" not in _rules(validate_initiatives([samples.sample_initiative(3)]),
                                              samples.sample_initiative(3).areas[0].uuid)


def test_gef_table_layer_totals_and_report_section(tmp_path):
    store = create_registry(tmp_path / "registro.gpkg")
    forest = _gef_initiative(1, [["T1"], ["TF1"]])
    farm = _gef_initiative(2, [["T7"], ["T1", "T4"]])
    farm.areas[1].gef_indicator = "GEF3.3"  # stored: wins
    unclear = _gef_initiative(3, [["T5"]])
    for ini in (forest, farm, unclear):
        store.save_initiative(ini)
    out = tmp_path / "gef.gpkg"
    result = ferm.export_ferm(store, out, gef_table=True)
    store.close()
    ds = ogr.Open(str(out))
    layers = {f.GetField("ID_CODE"): f.GetField("Layer") for f in ds.GetLayerByName("gef_areas")}
    expected = {forest.areas[0].uuid: "GEF3.2", forest.areas[1].uuid: "GEF3.4", farm.areas[0].uuid: "GEF3.1",
                farm.areas[1].uuid: "GEF3.3", unclear.areas[0].uuid: None}
    assert layers == expected
    hectares = {a.uuid: a.area_ha for ini in (forest, farm, unclear) for a in ini.areas}
    totals = {f.GetField("Layer"): (f.GetField("areas"), f.GetField("area_ha"), f.GetField("label_es"))
              for f in ds.GetLayerByName("gef_totals")}
    assert set(totals) == {"GEF3.1", "GEF3.2", "GEF3.3", "GEF3.4", None}
    for code in totals:
        uuids = [u for u, c in expected.items() if c == code]
        assert totals[code][:2] == (len(uuids), pytest.approx(sum(hectares[u] for u in uuids), abs=0.006))
    assert totals["GEF3.4"][2].startswith("3.4 Superficie de humedales")
    report = json.loads(Path(result.report_json).read_text(encoding="utf-8"))
    assert {row["Layer"]: row["areas"] for row in report["gef_totals"]} == {k: v[0] for k, v in totals.items()}
    assert [f["area_uuid"] for f in report["findings"] if f["rule"] == "gef_indicator_missing"] == [
        unclear.areas[0].uuid]
