"""Trends.Earth's error-recode fields read and checked polygon by polygon (algorithms/ldn_status/corrections)."""

import pytest

from t2restore.algorithms.errors import InputError
from t2restore.algorithms.ldn_status import corrections as c


@pytest.mark.parametrize("value,expected", [(-1, -1), (0, 0), (1, 1), ("1", 1), (-1.0, -1), (None, None), ("", None),
                                            ("  ", None)])
def test_recode_target_accepts_sdg_values_and_null(value, expected):
    assert c.recode_target(value, 7, "recode_deg_to") == expected


@pytest.mark.parametrize("value", [2, -32768, 0.5, "x", "-2"])
def test_recode_target_refuses_other_values_naming_feature_and_field(value):
    with pytest.raises(InputError) as error:
        c.recode_target(value, 42, "recode_stable_to")
    text = str(error.value)
    assert "42" in text and "recode_stable_to" in text and str(value) in text


@pytest.mark.parametrize("value,expected", [
    (["baseline", "report_1"], {"baseline", "report_1"}),  # a string list (GeoJSON array read by OGR/QGIS)
    ('["report_2"]', {"report_2"}),  # the JSON text OGR writes into a GeoPackage
    ("(2:baseline,report_1)", {"baseline", "report_1"}),  # OGR's text form of a string list
    ("baseline, report_2", {"baseline", "report_2"}),
    ("Baseline;REPORT_1", {"baseline", "report_1"}),
    ("report_1 report_2", {"report_1", "report_2"}),
    ("reporting_2", {"report_2"}),  # older Trends.Earth name
    ("baseline", {"baseline"})])
def test_periods_affected_forms(value, expected):
    assert c.periods_affected(value, 1) == frozenset(expected)


@pytest.mark.parametrize("value", [None, "", [], "[]", " , "])
def test_missing_periods_refused_naming_feature(value):
    with pytest.raises(InputError, match="Correction polygon 9 has no value in the field periods_affected"):
        c.periods_affected(value, 9)


def test_unknown_period_refused_naming_feature_and_value():
    with pytest.raises(InputError, match="polygon 3: the field periods_affected names 'report_3'"):
        c.periods_affected("baseline,report_3", 3)


def test_correction_from_attributes_case_insensitive_and_reason():
    item = c.correction_from_attributes(5, {"Recode_Deg_To": 0, "recode_stable_to": None, "recode_imp_to": -1,
                                            "periods_affected": "report_1", "reason": "field visit 2024"})
    assert item == c.Correction(5, 0, None, -1, frozenset({"report_1"}), "field visit 2024")
    assert item.affects("report_1") and not item.affects("baseline")


def test_correction_without_reason_field():
    item = c.correction_from_attributes(6, {"recode_deg_to": 1, "periods_affected": ["baseline"]})
    assert item.targets() == (1, None, None) and item.reason == ""


def test_layer_without_periods_field_refused():
    with pytest.raises(InputError, match="no field periods_affected"):
        c.check_fields(["recode_deg_to", "recode_stable_to", "recode_imp_to"])


def test_layer_without_recode_fields_refused():
    with pytest.raises(InputError, match="none of the fields recode_deg_to"):
        c.check_fields(["periods_affected", "reason"])
    c.check_fields(["PERIODS_AFFECTED", "recode_imp_to"])
