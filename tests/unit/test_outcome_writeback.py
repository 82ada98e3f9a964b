"""Outcomes written back into a registry's monitoring values (issue 14)."""

import sqlite3

import pytest

from t2restore.algorithms.outcomes import Outcome
from t2restore.registry import samples
from t2restore.registry.model import MonitoringValue
from t2restore.registry.outcome_writeback import run_marker, write_outcomes
from t2restore.registry.store import ConflictError, create_registry, open_registry

YEARS = [2020, 2021, 2022, 2023, 2024]


def outcome(start=2018, effect=0.12, outcome_code="recovering"):
    return Outcome("a", start, pixels=50, controls=40, years_before=5, years_after=4, effect=effect, ci_low=0.05,
                   ci_high=0.2, p_value=0.002, trend_diff=0.01, outcome=outcome_code,
                   inside_series=[0.5, 0.52, float("nan"), 0.6, 0.65], control_series=[0.5, 0.5, 0.51, 0.5, 0.52])


@pytest.fixture
def registry(tmp_path):
    path = tmp_path / "registro.gpkg"
    with create_registry(path) as store:
        ini = samples.sample_initiative(1, areas=2)
        # a person's own value with an indicator of ours and a note without the run marker: kept
        ini.areas[0].monitoring.append(MonitoringValue(indicator="T2R-OUT-EFFECT", unit="NDVI", date="2023-06-01",
                                                       value=0.3, note="field estimate"))
        store.save_initiative(ini)
    return path, ini


def values_of(path, ini):
    with open_registry(path) as store:
        return store.get_initiative(ini.uuid)


def test_values_written_replaced_and_person_values_kept(registry):
    path, ini = registry
    area = ini.areas[0].uuid
    marker = run_marker({"series": "ndvi.tif", "years": [2010, 2024]})
    with open_registry(path) as store:
        assert write_outcomes(store, {area: outcome(), "not-there": outcome()}, YEARS, marker, "ndvi.tif") == (
            1, ["not-there"])
    stored = values_of(path, ini)
    mon = stored.areas[0].monitoring
    ours = [v for v in mon if marker in (v.note or "")]
    single = [v for v in ours if not v.indicator.startswith("T2R-OUT-SERIES")]
    assert {v.indicator for v in single} == {"T2R-OUT-EFFECT", "T2R-OUT-CI-LOW", "T2R-OUT-CI-HIGH", "T2R-OUT-P",
                                             "T2R-OUT-TREND", "T2R-OUT-CLASS", "T2R-OUT-START"}
    assert len(single) == 7 and all(v.date == "2024-12-31" for v in single)
    assert {v.indicator: v.value for v in single}["T2R-OUT-CLASS"] == 1
    assert {v.indicator: v.value for v in single}["T2R-OUT-START"] == 2018
    inside = sorted((v.date, v.value) for v in ours if v.indicator == "T2R-OUT-SERIES-IN")
    assert inside == [("2020-12-31", 0.5), ("2021-12-31", 0.52), ("2023-12-31", 0.6), ("2024-12-31", 0.65)]
    assert len([v for v in ours if v.indicator == "T2R-OUT-SERIES-CTRL"]) == 5
    assert stored.revision == ini.revision + 1
    # a second run of the same configuration replaces; another configuration adds its own values
    other = run_marker({"series": "evi.tif", "years": [2010, 2024]})
    with open_registry(path) as store:
        write_outcomes(store, {area: outcome(effect=-0.2, outcome_code="declining")}, YEARS, marker, "ndvi.tif")
        write_outcomes(store, {area: outcome()}, YEARS, other, "evi.tif")
    mon = values_of(path, ini).areas[0].monitoring
    ours = [v for v in mon if marker in (v.note or "")]
    assert len(ours) == 16
    assert {v.indicator: v.value for v in ours}["T2R-OUT-EFFECT"] == pytest.approx(-0.2)
    assert len([v for v in mon if other in (v.note or "")]) == 16
    kept = [(v.indicator, v.value, v.note) for v in mon if marker not in (v.note or "") and other not in (v.note or "")]
    assert sorted(kept, key=str) == sorted([("SDG_I_15.1.1", 10.0, ""), ("T2R-OUT-EFFECT", 0.3, "field estimate")],
                                           key=str)


def test_insufficient_area_removes_its_stale_values_only(registry):
    path, ini = registry
    area = ini.areas[0].uuid
    marker = run_marker({"series": "ndvi.tif"})
    with open_registry(path) as store:
        write_outcomes(store, {area: outcome()}, YEARS, marker, "")
        write_outcomes(store, {area: outcome(outcome_code="insufficient")}, YEARS, marker, "")
    mon = values_of(path, ini).areas[0].monitoring
    assert not [v for v in mon if marker in (v.note or "")]
    assert len(mon) == 2


def test_open_form_cannot_overwrite_written_values(registry):
    """A form holding the initiative (the dock) saves after the write-back: refused, nothing lost."""
    path, ini = registry
    with open_registry(path) as store:
        held = store.get_initiative(ini.uuid)
        write_outcomes(store, {ini.areas[1].uuid: outcome()}, YEARS, run_marker({}), "")
        held.title = "edited in the dock"
        with pytest.raises(ConflictError):
            store.save_initiative(held)
    stored = values_of(path, ini)
    assert stored.title != "edited in the dock"
    assert len(stored.areas[1].monitoring) == 1 + 16


def test_failed_write_leaves_registry_unchanged(registry, monkeypatch):
    path, ini = registry
    from t2restore.registry import gpkg_store

    before = values_of(path, ini)
    monkeypatch.setattr(gpkg_store, "_NEXT_POSITION", "SELECT no_such_function(?)")
    with open_registry(path) as store, pytest.raises(sqlite3.OperationalError):
        write_outcomes(store, {ini.areas[0].uuid: outcome(), ini.areas[1].uuid: outcome()}, YEARS, run_marker({}), "")
    after = values_of(path, ini)
    assert after.revision == before.revision
    assert [len(a.monitoring) for a in after.areas] == [len(a.monitoring) for a in before.areas]
