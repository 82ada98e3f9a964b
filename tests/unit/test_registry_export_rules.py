"""What the FERM export does when validation refuses areas (issue 18 item 7): nothing exportable is a
failure without a file, and an initiative whose every area was refused is left out and listed."""

import pytest

from t2restore.registry import ferm, samples
from t2restore.registry.store import create_registry, open_registry


def _registry(path, initiatives):
    with create_registry(path) as store:
        for ini in initiatives:
            store.save_initiative(ini)
    return path


def test_nothing_exportable_raises_and_writes_nothing(tmp_path):
    ini = samples.sample_initiative(0)
    for k, area in enumerate(ini.areas):
        area.set_geometry(samples.square(-60.0, -3.0 + 0.1 * k, 0.01))  # in Brazil
    path = _registry(tmp_path / "r.gpkg", [ini])
    out = tmp_path / "ferm.gpkg"
    with open_registry(path) as store, pytest.raises(ferm.NothingExportableError) as err:
        ferm.export_ferm(store, out)
    assert isinstance(err.value, ferm.ExportError)
    assert "all 2 areas of the 1 initiatives" in err.value.message() and "No file was written" in err.value.message()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.gpkg"]  # no file, no report, no temporary


def test_an_empty_selection_is_nothing_exportable(tmp_path):
    path = _registry(tmp_path / "r.gpkg", [samples.sample_initiative(0)])
    with open_registry(path) as store, pytest.raises(ferm.NothingExportableError):
        ferm.export_ferm(store, tmp_path / "ferm.gpkg", uuids=[])
    assert not (tmp_path / "ferm.gpkg").exists()


def test_initiative_with_every_area_refused_is_left_out_and_listed(tmp_path):
    good = samples.sample_initiative(0)
    bad = samples.sample_initiative(1, lat=-12.5)
    for area in bad.areas:
        area.activities, area.activities_other = [], ""  # refused: FERM requires activities
    path = _registry(tmp_path / "r.gpkg", [good, bad])
    with open_registry(path) as store:
        result = ferm.export_ferm(store, tmp_path / "ferm.gpkg")
    assert result.initiatives_exported == [good.uuid]
    assert result.initiatives_left_out == [bad.uuid]
    assert sorted(result.areas_refused) == sorted(a.uuid for a in bad.areas)
    with open_registry(tmp_path / "ferm.gpkg") as exported:
        assert [s.uuid for s in exported.list_initiatives()] == [good.uuid]
