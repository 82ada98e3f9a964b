"""settings.PluginSettings: every plugin setting once, over QgsSettings, under the keys the plugin always used."""

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QSettings

from t2restore import settings
from t2restore.settings import PluginSettings


@pytest.fixture
def store(tmp_path):
    """A QgsSettings of its own (an ini file), so the test never touches the user's profile."""
    return QgsSettings(str(tmp_path / "profile.ini"), QSettings.Format.IniFormat)


def test_nothing_stored_gives_the_defaults(store):
    loaded = PluginSettings.load(store)
    assert loaded == PluginSettings()
    assert loaded.registry_path == "" and loaded.admin_layer == ""
    assert loaded.target_ha == 330000.0


def test_values_stored_under_the_old_keys_are_read(store):
    # profiles written by earlier versions keep working: the keys did not change
    store.setValue("t2restore/registry/path", "/data/registro.gpkg")
    store.setValue("t2restore/registry/target_ha", "125000.5")
    store.setValue("t2restore/registry/admin_layer", '{"source": "x.gpkg"}')
    loaded = PluginSettings.load(store)
    assert loaded.registry_path == "/data/registro.gpkg"
    assert loaded.target_ha == 125000.5
    assert loaded.admin_layer == '{"source": "x.gpkg"}'


@pytest.mark.parametrize("stored", ["many", "nan", "inf", ""])
def test_an_unreadable_stored_number_falls_back_to_the_default(store, stored):
    store.setValue("t2restore/registry/target_ha", stored)
    assert PluginSettings.load(store).target_ha == 330000.0


def test_update_saves_only_the_changed_setting(store):
    stale = PluginSettings.load(store)  # e.g. read by one panel
    store.setValue("t2restore/registry/target_ha", 5000.0)  # meanwhile another panel saved its own setting
    updated = stale.update(store=store, registry_path="/tmp/r.gpkg")
    assert updated.registry_path == "/tmp/r.gpkg"
    assert store.value("t2restore/registry/path") == "/tmp/r.gpkg"
    assert float(store.value("t2restore/registry/target_ha")) == 5000.0  # not overwritten by the stale copy
    assert PluginSettings.load(store).target_ha == 5000.0


def test_saving_an_unknown_setting_is_refused(store):
    with pytest.raises(AttributeError, match="no setting"):
        PluginSettings().save("registry", store=store)


def test_last_folder_is_the_folder_of_the_last_registry(tmp_path):
    assert PluginSettings(registry_path=str(tmp_path / "r.gpkg")).last_folder == str(tmp_path)
    assert PluginSettings().last_folder != ""


def test_import_mappings_are_remembered_per_source_signature(store):
    assert settings.import_mapping("abc", store) == ""
    settings.remember_import_mapping("abc", '{"mapping": {}}', store)
    assert settings.import_mapping("abc", store) == '{"mapping": {}}'
    assert store.value("t2restore/registry/import_mappings/abc") == '{"mapping": {}}'
    assert settings.import_mapping("other", store) == ""
