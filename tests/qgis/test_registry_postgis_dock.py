"""The dock on a PostGIS home: chosen from saved connections, what the role may do, history and restore."""

import pytest

from t2restore.registry import samples


@pytest.fixture
def shared(plugin, pg_cluster, pg_database, pg_registry_dsn):
    """Saved connections for an editor of SERFOR and a reader of one initialized registry."""
    from pg import save_qgis_connection

    pg_cluster.login_role("t2r_dock_editor", "e'pw", ["t2r_editor"], "SERFOR", pg_database)
    pg_cluster.login_role("t2r_dock_reader", "r;pw", ["t2r_reader"], dbname=pg_database)
    removers = [
        save_qgis_connection("Registro editor", pg_cluster, pg_database, "t2r_dock_editor", "e'pw"),
        save_qgis_connection("Registro lector", pg_cluster, pg_database, "t2r_dock_reader", "r;pw"),
    ]
    yield pg_registry_dsn
    for remove in removers:
        remove()


@pytest.fixture
def make_dock(qgis_iface, qgis_new_project, qtbot):
    from t2restore.ui.registry_dock import RegistryDock

    made = []

    def _make():
        dock = RegistryDock(qgis_iface)
        qtbot.addWidget(dock)
        made.append(dock)
        return dock

    yield _make
    for dock in made:
        dock.unload()
    from qgis.core import QgsSettings

    QgsSettings().remove("t2restore/registry")  # the registry these tests opened is not remembered


def test_reader_sees_everything_and_may_change_nothing(shared, make_dock):
    from t2restore.registry.store import open_registry
    from t2restore.ui.postgis_home import PostgisHomeDialog

    with open_registry(shared) as admin:
        ini = admin.save_initiative(samples.sample_initiative(1))
    dock = make_dock()
    dialog = PostgisHomeDialog(dock.session, dock, names=["Registro editor", "Registro lector"])
    dialog.connection_combo.setCurrentText("Registro lector")
    assert dialog.open_selected()
    assert "t2r_dock_reader" in dialog.status_label.text() and dock.session.read_only
    assert dock.store.count_initiatives() == 1 and dock.list_model.rowCount() == 1
    dock.form.title_edit.setText("intento de cambio")
    assert dock.form.dirty and not dock.save_button.isEnabled()
    dock.list_view.selectAll()
    assert not dock.delete_button.isEnabled()
    assert dock.store.get_initiative(ini.uuid).title == ini.title


def test_editor_history_and_restore_as_a_new_change(shared, make_dock):
    from t2restore.ui.postgis_home import HistoryDialog, PostgisHomeDialog

    dock = make_dock()
    dialog = PostgisHomeDialog(dock.session, dock, names=["Registro editor"])
    assert dialog.open_selected()
    assert "SERFOR" in dialog.status_label.text() and not dock.session.read_only
    ini = dock.store.save_initiative(samples.sample_initiative(2))
    first_title = ini.title
    ini.title = "segunda versión"
    dock.store.save_initiative(ini)
    history = HistoryDialog(dock.session, ini.uuid, dock)
    assert history.changes_list.count() == 2
    history.changes_list.setCurrentRow(0)
    assert history.restore_button.isEnabled()
    assert history.restore_selected()
    restored = dock.store.get_initiative(ini.uuid)
    assert restored.title == first_title and restored.revision == 3
    assert HistoryDialog(dock.session, ini.uuid, dock).changes_list.count() == 3


def test_missing_driver_disables_the_postgis_home(monkeypatch, make_dock):
    from t2restore.registry import pg_connect
    from t2restore.ui.postgis_home import PostgisHomeDialog

    monkeypatch.setattr(pg_connect, "psycopg2", None)
    dock = make_dock()
    dialog = PostgisHomeDialog(dock.session, dock, names=["x"])
    assert not dialog.open_button.isEnabled() and "psycopg2" in dialog.status_label.text()


def test_second_save_shows_both_versions_field_by_field_and_merges(pg_registry_dsn, make_dock):
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication

    from t2restore.registry.store import open_registry
    from t2restore.ui import conflict_dialog

    dock = make_dock()
    assert dock.open_registry(pg_registry_dsn)
    ini = dock.store.save_initiative(samples.sample_initiative(3))
    dock.edit_initiative(ini.uuid)
    with open_registry(pg_registry_dsn) as other_machine:  # another connection saves first
        theirs = other_machine.get_initiative(ini.uuid)
        theirs.description = "descripción de la otra máquina"
        theirs.website = "https://otra.example"
        other_machine.save_initiative(theirs)
    shown = []

    def choose(mine, registry_version):
        dialog = conflict_dialog.ConflictDialog(mine, registry_version, dock)
        shown.append(dialog.fields)
        dialog.choose("website", keep_mine=False)  # keep theirs for the website, mine for the title
        return dialog.merged()

    dock.session.conflict_resolver = choose
    dock.form.title_edit.setText("mi título")
    assert dock.save_form()
    assert shown == [["description", "title", "website"]]
    saved = dock.store.get_initiative(ini.uuid)
    assert saved.title == "mi título" and saved.website == "https://otra.example" and saved.revision == 3
    assert saved.description == ini.description  # the form's field was chosen ("mine" by default)
    # the real dialog: cancelling keeps the registry as it is and says why
    with open_registry(pg_registry_dsn) as other_machine:
        again = other_machine.get_initiative(ini.uuid)
        again.title = "otra vez"
        other_machine.save_initiative(again)
    dock.session.conflict_resolver = lambda mine, reg: conflict_dialog.resolve(mine, reg, dock)
    QTimer.singleShot(200, lambda: QApplication.activeModalWidget().reject())
    dock.form.title_edit.setText("mi segundo título")
    assert not dock.save_form()
    assert dock.store.get_initiative(ini.uuid).title == "otra vez"


def test_history_menu_needs_a_postgis_registry_and_one_initiative(pg_registry_dsn, make_dock, tmp_path):
    from t2restore.ui import postgis_home

    dock = make_dock()
    messages = []
    dock.session.message.connect(lambda _level, text, _d: messages.append(text))
    assert dock.open_registry(tmp_path / "local.gpkg", create=True)
    assert postgis_home.history_target(dock.session) is None and "PostGIS" in messages[-1]
    assert dock.open_registry(pg_registry_dsn)
    ini = dock.store.save_initiative(samples.sample_initiative(4))
    dock.edit_initiative(ini.uuid)
    assert postgis_home.history_target(dock.session) == ini.uuid


def test_editor_may_save_its_institutions_initiatives_only(shared, make_dock):
    from t2restore.registry.store import open_registry
    from t2restore.ui.postgis_home import PostgisHomeDialog

    with open_registry(shared) as admin:
        other = admin.save_initiative(samples.sample_initiative(5))
        admin.set_owner([other.uuid], "MINAM")
    dock = make_dock()
    dialog = PostgisHomeDialog(dock.session, dock, names=["Registro editor"])
    assert dialog.open_selected()
    own = dock.store.save_initiative(samples.sample_initiative(6))
    dock.edit_initiative(other.uuid)
    dock.form.title_edit.setText("no es mía")
    assert dock.form.dirty and not dock.save_button.isEnabled()
    dock._load_form(dock.store.get_initiative(own.uuid))
    dock.form.title_edit.setText("sí es mía")
    assert dock.save_button.isEnabled()
    assert dock.session.may_change([own.uuid]) and not dock.session.may_change([own.uuid, other.uuid])


def test_the_areas_of_a_postgis_registry_are_on_the_map_through_the_saved_connection(shared, make_dock):
    from qgis.core import QgsProject

    from t2restore.registry.store import open_registry
    from t2restore.ui.postgis_home import PostgisHomeDialog

    with open_registry(shared) as admin:
        admin.save_initiative(samples.sample_initiative(7, areas=3))
    dock = make_dock()
    assert PostgisHomeDialog(dock.session, dock, names=["Registro lector"]).open_selected()
    layer = dock.session.area_layer.layer
    assert layer is not None and layer.isValid() and layer.providerType() == "postgres"
    assert layer.featureCount() == 3
    assert "r;pw" not in layer.source() and "password" not in layer.source()  # the auth configuration is used
    assert "authcfg=" in layer.source()
    QgsProject.instance().removeMapLayer(layer.id())


def test_no_password_reaches_settings_or_project(pg_cluster, pg_database, pg_registry_dsn, make_dock):
    from qgis.core import QgsProject, QgsSettings

    dsn = pg_cluster.login_role("t2r_dock_admin", "secreto'99", ["t2r_admin"], dbname=pg_database)
    dock = make_dock()
    assert dock.open_registry(dsn)
    settings = QgsSettings()
    stored = " ".join(str(settings.value(k)) for k in settings.allKeys() if k.startswith("t2restore"))
    assert "t2r_dock_admin" in stored and "secreto" not in stored
    project_value, _found = QgsProject.instance().readEntry("t2restore", "registry_path", "")
    assert "t2r_dock_admin" in project_value and "secreto" not in project_value
    assert "secreto" not in dock.path_label.toolTip()


def test_an_editor_opened_with_a_password_validates_in_a_task_and_hears_of_skipped_rows(
        pg_cluster, pg_database, pg_registry_dsn, make_dock, qtbot, tmp_path, monkeypatch):
    """Issue 15: the validation task reconnects with the password the dock was opened with (no ~/.pgpass,
    no service file), the editor is told which initiatives the server skipped, and the password reaches no
    settings file, log message or dock message."""
    from qgis.core import QgsApplication, QgsSettings

    from t2restore import compat
    from t2restore.registry.store import open_registry

    empty = tmp_path / "pgpass"
    empty.write_text("", encoding="utf-8")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    serfor = pg_cluster.login_role("t2r_dock_val", "clave'7;x", ["t2r_editor"], "SERFOR", pg_database)
    minam = pg_cluster.login_role("t2r_dock_valm", "otra", ["t2r_editor"], "MINAM", pg_database)
    admin = pg_cluster.login_role("t2r_dock_vala", "clave'8;y", ["t2r_admin"], dbname=pg_database)
    with open_registry(serfor) as store:
        store.save_initiative(samples.sample_initiative(1))
    with open_registry(minam) as store:
        store.save_initiative(samples.sample_initiative(2))
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, *_: logged.append(text))

    def validate_as(dsn):
        dock = make_dock()
        assert dock.open_registry(dsn)
        assert dock.validation.validate()
        qtbot.waitUntil(lambda: not dock.busy, timeout=60000)
        assert [t for level, t in dock.messages if level == compat.MESSAGE_CRITICAL] == []
        assert dock.validation.report is not None and len(dock.validation.report.initiatives_checked) == 2
        return [t for level, t in dock.messages if level == compat.MESSAGE_WARNING]

    warnings = validate_as(serfor)
    assert len(warnings) == 1 and "skipped 1 initiatives" in warnings[0] and "MINAM: 1" in warnings[0], warnings
    assert validate_as(admin) == []
    QgsSettings().sync()
    settings_text = open(QgsSettings().fileName(), encoding="utf-8", errors="replace").read()
    assert "t2r_dock_va" in settings_text
    for text in [settings_text] + logged + warnings:
        assert "clave" not in text
