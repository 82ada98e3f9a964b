"""Every validation rule of FERM_INTERCHANGE.md item 7, each with a failing and a passing case."""

import pytest
from osgeo import ogr

from t2restore.algorithms.geometry import ellipsoidal_area_ha
from t2restore.registry import samples
from t2restore.registry.model import MonitoringValue
from t2restore.registry.store import create_registry
from t2restore.registry.validate import RULES, Thresholds, repair_geometry, validate_initiatives, validate_store


def _rules(report, area_uuid="any"):
    return {f.rule for f in report.findings if area_uuid == "any" or f.area_uuid == area_uuid}


def _check(ini, context=(), thresholds=None):
    return validate_initiatives([ini], context, thresholds)


@pytest.fixture
def ini():
    return samples.sample_initiative(1, areas=2)


def test_valid_sample_has_no_findings(ini):
    report = _check(ini)
    assert report.findings == []
    assert report.initiative_states() == {ini.uuid: "valid"}
    assert report.blocked_areas() == set()


def test_empty_geometry(ini):
    ini.areas[0].geometry_wkb = None
    ini.areas[1].geometry_wkb = bytes(ogr.Geometry(ogr.wkbMultiPolygon).ExportToIsoWkb(ogr.wkbNDR))
    report = _check(ini)
    assert _rules(report, ini.areas[0].uuid) == {"empty_geometry"}
    assert _rules(report, ini.areas[1].uuid) == {"empty_geometry"}
    assert report.blocked_areas() == {ini.areas[0].uuid, ini.areas[1].uuid}


def test_invalid_geometry_and_its_repair(ini):
    bowtie = ogr.CreateGeometryFromWkt("POLYGON((-75.2 -11.8,-75.19 -11.79,-75.19 -11.8,-75.2 -11.79,-75.2 -11.8))")
    ini.areas[0].set_geometry(bowtie)
    report = _check(ini)
    assert "invalid_geometry" in _rules(report, ini.areas[0].uuid)
    assert "invalid_geometry" not in _rules(report, ini.areas[1].uuid)
    preview = repair_geometry(ini.areas[0].geometry())
    assert not preview.was_valid and preview.is_valid and preview.changed
    assert preview.parts_after == 2 and preview.area_after_ha > 50
    ini.areas[0].set_geometry(preview.geometry)
    assert "invalid_geometry" not in _rules(_check(ini))
    untouched = repair_geometry(ini.areas[1].geometry())
    assert untouched.was_valid and not untouched.changed and untouched.area_change_pct == 0.0


def test_outside_peru_and_swapped_coordinates(ini):
    ini.areas[0].set_geometry(samples.square(-78.5, -0.2, 0.01))  # Quito
    ini.areas[1].set_geometry(samples.square(-11.8, -75.2, 0.01))  # Junín with x/y swapped
    report = _check(ini)
    assert _rules(report, ini.areas[0].uuid) == {"outside_peru"}
    assert _rules(report, ini.areas[1].uuid) == {"swapped_coordinates"}
    near_border = samples.sample_initiative(2, areas=1, lon=-69.96, lat=-4.23)  # Santa Rosa, Loreto
    assert _check(near_border).findings == []


def test_partly_outside_peru_is_a_warning(ini):
    ini.areas[0].set_geometry(samples.square(-70.6, -10.5, 0.5))  # 40 % of it in Acre, Brazil
    report = _check(ini)
    assert _rules(report, ini.areas[0].uuid) == {"partly_outside_peru"}
    assert report.findings[0].params["percent"] == pytest.approx(40.0, abs=2.0)
    assert report.blocked_areas() == set()
    assert report.initiative_states() == {ini.uuid: "warnings"}


def test_missing_required_fields(ini):
    ini.title = "  "
    ini.start_year = None
    ini.organizations = [o for o in ini.organizations if o.role != 1]
    ini.areas[0].ecosystems = []
    ini.areas[1].activities = []
    report = _check(ini)
    missing = {(f.area_uuid, f.field_name) for f in report.findings if f.rule == "missing_required"}
    assert missing == {
        (None, "title"),
        (None, "start_year"),
        (None, "organizations"),
        (ini.areas[0].uuid, "ecosystems"),
        (ini.areas[1].uuid, "activities"),
    }
    assert report.blocked_initiatives() == {ini.uuid}
    assert report.blocked_areas() == {a.uuid for a in ini.areas}
    ini.areas[1].activities_other = "Biochar artesanal"
    assert (ini.areas[1].uuid, "activities") not in {(f.area_uuid, f.field_name) for f in _check(ini).findings}


def test_codes_not_in_the_vocabulary(ini):
    ini.restoration_status = "2"  # codes are verbatim: the text "2" is not the code 2
    ini.objectives = [1, 9]
    ini.organizations[1].org_type = 42
    ini.areas[0].ecosystems = ["T1", "T99"]
    ini.areas[0].activities = [1000]  # a category header, not an activity
    ini.areas[1].ubigeo = "990101"
    ini.areas[1].national_gap = "MINAM_Y_SERFOR"
    report = _check(ini)
    bad = {(f.field_name, f.params.get("code")) for f in report.findings if f.rule == "unknown_code"}
    assert bad == {
        ("restoration_status", "2"),
        ("objectives", 9),
        ("organizations.org_type", 42),
        ("ecosystems", "T99"),
        ("activities", 1000),
        ("ubigeo", "990101"),
        ("national_gap", "MINAM_Y_SERFOR"),
    }
    assert all(RULES[f.rule] == "error" for f in report.findings)


def test_years_and_dates_out_of_range(ini):
    ini.start_year, ini.end_year = 2031, 2025
    ini.areas[0].start_year = 1900
    ini.areas[1].monitoring.append(MonitoringValue(indicator="SDG_I_15.3.1", date="ayer", value=3))
    report = _check(ini)
    out = {(f.area_uuid, f.field_name) for f in report.findings if f.rule == "value_out_of_range"}
    assert out == {(None, "end_year"), (ini.areas[0].uuid, "start_year"), (ini.areas[1].uuid, "monitoring.date")}
    ini.start_year, ini.end_year, ini.areas[0].start_year = 2020, 2050, 1950
    ini.areas[1].monitoring[-1].date = "2025-06-30"
    assert _check(ini).findings == []


def test_area_too_small_and_implausibly_large(ini):
    ini.areas[0].set_geometry(samples.square(-75.2, -11.8, 0.00005))  # about 0.003 ha
    report = _check(ini)
    assert _rules(report, ini.areas[0].uuid) == {"area_too_small"}
    ini.areas[0].set_geometry(samples.square(-75.2, -11.8, 0.0015))  # about 2.7 ha
    assert _check(ini).findings == []
    report = _check(ini, thresholds=Thresholds(max_area_ha=100.0))
    assert _rules(report, ini.areas[1].uuid) == {"area_too_large"}
    assert "area_too_large" not in _rules(report, ini.areas[0].uuid)
    assert report.blocked_areas() == set()


def test_overlap_within_one_initiative_is_an_error(ini):
    first = ini.areas[0].geometry()
    minx, _maxx, miny, _maxy = first.GetEnvelope()
    ini.areas[1].set_geometry(samples.square(minx + 0.005, miny, 0.01))
    report = _check(ini)
    assert _rules(report) == {"overlap_same_initiative"}
    assert report.blocked_areas() == {a.uuid for a in ini.areas}
    overlap = report.findings[0].params["overlap_ha"]
    assert 55 < overlap < 65
    ini.areas[1].set_geometry(samples.square(minx + 0.01, miny, 0.01))  # touching only
    assert _check(ini).findings == []


def test_overlap_with_another_initiative_is_a_warning(ini):
    other = samples.sample_initiative(2, areas=1)
    minx, _maxx, miny, _maxy = ini.areas[0].geometry().GetEnvelope()
    other.areas[0].set_geometry(samples.square(minx + 0.002, miny + 0.002, 0.01))
    report = _check(ini, context=[ini, other])
    finding = [f for f in report.findings if f.area_uuid == ini.areas[0].uuid]
    assert [f.rule for f in finding] == ["overlap_other_initiative"]
    assert finding[0].params["other_title"] == other.title
    assert report.blocked_areas() == set()
    other.areas[0].set_geometry(samples.square(minx + 0.011, miny, 0.01))
    assert _check(ini, context=[ini, other]).findings == []


def test_declared_area_differing_by_more_than_five_percent(ini):
    hectares = ellipsoidal_area_ha(ini.areas[0].geometry())
    ini.areas[0].declared_area_ha = hectares * 1.06
    ini.areas[1].declared_area_ha = ellipsoidal_area_ha(ini.areas[1].geometry()) * 1.04
    report = _check(ini)
    assert _rules(report, ini.areas[0].uuid) == {"declared_area_mismatch"}
    assert _rules(report, ini.areas[1].uuid) == set()


def test_messages_are_translatable_templates_with_all_parameters(ini):
    ini.title = ""
    ini.areas[0].set_geometry(samples.square(-78.5, -0.2, 0.01))
    ini.areas[1].declared_area_ha = 1.0
    report = _check(ini)
    assert len(report.findings) >= 3
    seen = []
    for finding in report.findings:
        text = finding.message()
        assert "{" not in text and text != ""
        assert finding.message(lambda s: "ES: " + s).startswith("ES: ")
        assert finding.template in finding.to_dict()["template"]
        seen.append(finding.rule)
    assert set(seen) <= set(RULES)


def test_validate_store_writes_states_for_the_filter(tmp_path):
    with create_registry(tmp_path / "r.gpkg") as store:
        good, bad = samples.sample_initiative(1), samples.sample_initiative(2)
        bad.areas[0].set_geometry(samples.square(-60.0, -3.0, 0.01))  # Manaus
        store.save_initiative(good)
        store.save_initiative(bad)
        report = validate_store(store)
        assert report.initiative_states() == {good.uuid: "valid", bad.uuid: "errors"}
        stored = store.get_initiative(bad.uuid)
        assert stored.validation_state == "errors"
        assert stored.areas[0].validation_flags == ["outside_peru"] and stored.areas[1].validation_flags == []
        assert store.get_initiative(good.uuid).validation_state == "valid"
