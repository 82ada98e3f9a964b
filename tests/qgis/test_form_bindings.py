"""The initiative form described once: .ui layouts, one binding table, one registry session (issue 12)."""

import copy
import dataclasses
import xml.etree.ElementTree as ET  # nosec B405
from collections import Counter
from pathlib import Path

import pytest
from test_registry_dock import clean_settings, dock, errors, make_dock, spanish  # noqa: F401 - fixtures

from t2restore.registry import vocab
from t2restore.registry.model import Area, Contact, Initiative, MonitoringValue, Organization
from t2restore.ui import bindings
from t2restore.ui.widgets.monitoring_editor import MonitoringEditor
from t2restore.ui.widgets.vocab_widgets import CodeComboBox, CodeListWidget, OptionalAreaSpinBox, YearSpinBox

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "ui" / "forms"
# What the form does not edit through the table, stated here on its own so that a registry field
# silently dropped from the form (moved to NOT_BOUND) fails this test.
UNBOUND_INITIATIVE = {"organizations", "contacts", "areas", "gef_targets", "validation_state", "revision",
                      "created_at", "updated_at", "uuid"}
UNBOUND_AREA = {"geometry_wkb", "area_ha", "validation_flags", "uuid", "initiative_uuid"}
WIDGET_TYPES = {"code": CodeComboBox, "codes": CodeListWidget, "year": YearSpinBox, "number": OptionalAreaSpinBox,
                "monitoring": MonitoringEditor}


def names(model):
    return {f.name for f in dataclasses.fields(model)}


@pytest.mark.parametrize("model, table, unbound", [
    (Initiative, bindings.INITIATIVE_FIELDS, UNBOUND_INITIATIVE),
    (Area, bindings.AREA_FIELDS, UNBOUND_AREA),
])
def test_every_shown_registry_field_is_bound_exactly_once(model, table, unbound):
    bound = Counter(f.name for f in table)
    assert [name for name, n in bound.items() if n > 1] == []
    assert [name for name, n in Counter(f.widget for f in table).items() if n > 1] == []
    assert set(bound) == names(model) - unbound
    assert set(bindings.NOT_BOUND[model.__name__]) == unbound
    for field in table:
        assert field.kind in bindings.KINDS
        if field.kind in ("code", "codes"):
            assert vocab.get(field.vocabulary).entries, field


def ui_object_names(*files):
    found = Counter()
    for name in files:
        for element in ET.parse(FORMS / f"{name}.ui").iter("widget"):  # nosec B314
            found[element.get("name")] += 1
    return found


def test_each_bound_widget_is_laid_out_once_in_the_ui_files(qtbot):
    from t2restore.ui.initiative_form import InitiativeForm

    laid_out = ui_object_names("initiative_general", "initiative_areas")
    form = InitiativeForm()
    qtbot.addWidget(form)
    for field in bindings.INITIATIVE_FIELDS + bindings.AREA_FIELDS:
        assert laid_out[field.widget] == 1, field.widget
        widget = getattr(form, field.widget)
        assert widget.objectName() == field.widget
        if field.kind in WIDGET_TYPES:  # placeholders replaced by the plugin's widgets
            assert isinstance(widget, WIDGET_TYPES[field.kind]), field.widget
        assert form.findChild(type(widget), field.widget) is widget  # laid out in the form, not left floating
        if field.vocabulary:
            assert widget.vocabulary.name == field.vocabulary


def test_gef_indicator_stays_editable_per_area():
    gef = [f for f in bindings.AREA_FIELDS if f.name == "gef_indicator"]
    assert len(gef) == 1 and gef[0].kind == "code" and gef[0].vocabulary == "gefIndicators"
    assert bindings.KINDS["code"].read is not None


def test_ui_files_are_designer_files_without_connections_or_unscoped_enums():
    for path in FORMS.glob("*.ui"):
        root = ET.parse(path).getroot()  # nosec B314
        assert root.tag == "ui" and root.findtext("class") == "T2Restore", path  # the plugin's translation context
        assert not list(root.iter("connection")), path
        for element in root.iter("header"):
            assert element.text == "qgis.gui", path  # no header pointing into the plugin's own package


def selectable(name, n=1, skip=0):
    codes = [e.code for e in vocab.get(name).entries if e.selectable]
    return codes[skip:skip + n]


def full_initiative():
    """An initiative with every field the form edits set to a value other than its default."""
    area = Area(
        site_name="Parcela Ñuñoa", declared_area_ha=12.5, start_year=2021,
        ecosystems=selectable("iucnEcosystems", 2), activities=selectable("activities", 2, 1),
        activities_other="viveros", restoration_types=selectable("restorationTypes", 1, 1),
        tenure_statuses=selectable("tenureStatuses", 2), gef_indicator=selectable("gefIndicators", 1, 1)[0],
        department="San Martín", province="Moyobamba", district="Jepelacio", ubigeo="220106",
        ubigeo_source=selectable("ubigeoSources", 1, 1)[0], national_gap=selectable("nationalGaps", 1, 1)[0],
        practices=selectable("restorationPractices", 2), protected_area="BP Alto Mayo",
        original_crs="EPSG:32718", capture_method=selectable("captureMethods", 1, 1)[0],
        monitoring=[MonitoringValue(indicator=selectable("indicators")[0], unit="ha", date="2024-05-01", value=3.5,
                                    note="visita")],
    )
    area.area_ha = 12.25
    return Initiative(
        title="Bosques de Alto Mayo", description="Restauración\nen dos líneas\n", website="https://example.org",
        start_year=2020, end_year=2030, restoration_status=selectable("restorationStatuses", 1, 1)[0],
        workflow_status=selectable("workflowStatuses", 1, 1)[0],
        restoration_types=selectable("restorationTypes", 2), objectives=selectable("projectObjectives", 2, 1),
        objectives_other="agua", tenure_statuses=selectable("tenureStatuses", 1, 2), keywords=["café", "agua"],
        target_area=500.0, target_area_unit=selectable("units", 1, 1)[0], area_under_restoration_ha=120.0,
        countries=["PE", "EC"], reporting_line=selectable("reportingLines", 1, 1)[0],
        funding_sources=selectable("fundingSources", 2),
        implementing_institutions=selectable("implementingInstitutions", 1),
        organizations=[Organization(name="SERNANP", acronym="SN", org_type=selectable("agencyTypes")[0], role=1)],
        contacts=[Contact(name="Ana", email="ana@example.org", organization="SERNANP")],
        areas=[area], revision=3,
    )


def test_load_then_collect_round_trips_an_initiative_with_every_field_set(qtbot):
    from t2restore.ui.initiative_form import InitiativeForm

    initiative = full_initiative()
    defaults = Initiative()
    for field in bindings.INITIATIVE_FIELDS:  # the fixture really sets every bound field
        assert getattr(initiative, field.name) != getattr(defaults, field.name), field.name
    for field in bindings.AREA_FIELDS:
        assert getattr(initiative.areas[0], field.name) != getattr(Area(), field.name), field.name
    form = InitiativeForm()
    qtbot.addWidget(form)
    form.load(initiative)
    assert form.collect() == initiative
    assert not form.dirty and form.problems() == []


def test_an_edit_goes_through_the_table_to_the_collected_initiative(qtbot):
    from t2restore.ui.initiative_form import InitiativeForm

    form = InitiativeForm()
    qtbot.addWidget(form)
    form.load(full_initiative())
    form.select_area(form.areas[0].uuid)
    form.gef_combo.set_code(selectable("gefIndicators", 1, 2)[0])
    form.keywords_edit.setText("uno, dos; tres")
    collected = form.collect()
    assert form.dirty
    assert collected.areas[0].gef_indicator == selectable("gefIndicators", 1, 2)[0]
    assert collected.keywords == ["uno", "dos", "tres"]
    form.title_edit.setText("  ")
    assert "The initiative needs a title." in form.problems()


def test_ui_texts_are_spanish_in_spanish(spanish, qtbot):  # noqa: F811 - fixture
    from t2restore.ui.area_import import ImportAreasDialog
    from t2restore.ui.initiative_form import InitiativeForm

    form = InitiativeForm()
    qtbot.addWidget(form)
    assert form.general_form.labelForField(form.title_edit).text() == "Título"
    assert form.area_box.title() == "Área seleccionada"
    dialog = ImportAreasDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Importar áreas"
    dialog.release()


# --- the session: panels talk to it, not to the dock --------------------------------------------
def test_panels_hold_the_session_not_the_dock(dock):  # noqa: F811 - fixture
    for panel in (dock.validation, dock.summary, dock.exchange):
        assert panel.session is dock.session and not hasattr(panel, "dock")
    for path in (ROOT / "ui").glob("*.py"):
        if path.name != "registry_dock.py":
            text = path.read_text(encoding="utf-8")
            assert "dock.form" not in text and "dock.area_layer" not in text, path


def test_session_signals_follow_the_registry(make_dock, tmp_path):  # noqa: F811 - fixture
    from t2restore.registry import samples

    shell = make_dock()
    seen = []
    session = shell.session
    session.registry_opened.connect(lambda path: seen.append(("opened", path)))
    session.registry_closed.connect(lambda: seen.append(("closed",)))
    session.registry_changed.connect(lambda uuid: seen.append(("changed", uuid)))
    session.initiative_changed.connect(lambda uuid: seen.append(("initiative", uuid)))
    path = str(tmp_path / "r.gpkg")
    assert shell.open_registry(path, create=True)
    assert ("opened", path) in seen and [s for s in seen if s[0] == "initiative"]
    assert shell.store is session.store and shell.undo_stack is session.undo_stack
    initiative = samples.sample_initiative(1)
    seen.clear()
    assert session.write_initiative(copy.deepcopy(initiative), None, "Create")
    assert ("changed", None) in seen and session.undo_stack.count() == 1
    seen.clear()
    shell.undo_action.trigger()  # undo deletes it again: the change names the initiative
    assert ("changed", initiative.uuid) in seen and shell.store.get_initiative(initiative.uuid) is None
    assert shell.edit_initiative(initiative.uuid) is False and errors(shell)
    shell.close_registry()
    assert seen[-1] == ("closed",) and session.store is None and session.undo_stack.count() == 0


def test_validation_panel_opens_a_finding_through_the_session(dock, qtbot):  # noqa: F811 - fixture
    from t2restore.registry import samples

    initiative = samples.sample_initiative(1)
    dock.store.save_initiative(initiative)
    dock.registry_changed()
    area = initiative.areas[-1]
    dock.session.request_edit(initiative.uuid, area.uuid)
    assert dock.form.initiative.uuid == initiative.uuid and dock.tabs.currentIndex() == 1
    assert dock.form.selected_area().uuid == area.uuid
    assert dock.session.current.uuid == initiative.uuid


def test_the_plugin_package_takes_the_ui_files():
    import importlib.util

    spec = importlib.util.spec_from_file_location("t2r_package_tool", ROOT / "tools" / "package.py")
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    forms = sorted(FORMS.glob("*.ui"))
    assert len(forms) >= 4
    for path in forms:
        assert package.wanted(path.relative_to(ROOT).as_posix()), path
