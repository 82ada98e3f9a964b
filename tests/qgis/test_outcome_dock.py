"""The dock shows restoration outcomes (issue 14): chart of the series inside vs controls, hectares by outcome."""

import pytest

from t2restore.algorithms.outcomes import Outcome
from t2restore.registry import samples
from t2restore.registry.model import MonitoringValue
from t2restore.registry.outcome_writeback import run_marker, write_outcomes
from t2restore.registry.store import create_registry, open_registry

YEARS = [2016, 2017, 2018, 2019, 2020, 2021]


def outcome(code, effect):
    return Outcome("a", 2018, pixels=30, controls=20, years_before=2, years_after=3, effect=effect,
                   ci_low=effect - 0.02, ci_high=effect + 0.02, p_value=0.01, trend_diff=0.0, outcome=code,
                   inside_series=[0.4, 0.41, 0.45, 0.5, float("nan"), 0.55],
                   control_series=[0.4, 0.4, 0.41, 0.41, 0.42, 0.42])


@pytest.fixture
def registry(tmp_path):
    ini = samples.sample_initiative(2, areas=3)
    path = tmp_path / "registro.gpkg"
    with create_registry(path) as store:
        store.save_initiative(ini)
        write_outcomes(store, {ini.areas[0].uuid: outcome("recovering", 0.1),
                               ini.areas[1].uuid: outcome("declining", -0.1)}, YEARS, run_marker({"a": 1}), "")
        ini = store.get_initiative(ini.uuid)
    return path, ini


def test_chart_reads_the_latest_run(registry, qtbot):
    from t2restore.ui.widgets.monitoring_editor import MonitoringEditor
    from t2restore.ui.widgets.outcome_chart import outcome_data

    _path, ini = registry
    data = outcome_data(ini.areas[0].monitoring)
    assert data["years"] == YEARS
    assert data["inside"] == [0.4, 0.41, 0.45, 0.5, None, 0.55]
    assert data["controls"][-1] == pytest.approx(0.42)
    assert (data["start"], data["outcome"]) == (2018, "recovering")
    assert data["ci_low"] == pytest.approx(0.08)
    assert outcome_data(ini.areas[2].monitoring) is None  # only a value a person entered
    editor = MonitoringEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_values(ini.areas[1].monitoring)
    assert editor.outcome_chart.isVisible()
    assert "Declining" in editor.outcome_chart.caption() or "En declive" in editor.outcome_chart.caption()
    assert not editor.outcome_chart.grab().isNull()  # paints without error
    editor.set_values([MonitoringValue(indicator="SDG_I_15.1.1", unit="%", date="2024-01-01", value=3.0)])
    assert not editor.outcome_chart.isVisible()


def test_summary_gives_hectares_by_outcome(registry):
    from t2restore.ui.summary_panel import summarize

    path, ini = registry
    data = summarize(str(path))
    with open_registry(path) as store:
        areas = {a.uuid: a.area_ha for a in store.list_areas(None)}
    assert data["outcome"]["recovering"] == pytest.approx(areas[ini.areas[0].uuid], abs=1e-4)
    assert data["outcome"]["declining"] == pytest.approx(areas[ini.areas[1].uuid], abs=1e-4)
    assert data["outcome"][""] == pytest.approx(areas[ini.areas[2].uuid], abs=1e-4)  # not assessed
    assert data["counts"]["outcome"] == {"recovering": 1, "declining": 1, "": 1}
