"""Registry safety through Processing, qgis_process and the dock: no export over the registry
(issue 17 item 1), damaged registries and undo after closing (17.14), the registry as gap_overlap's
INITIATIVES (18.6) and the gap / protected-area write-back (18.8)."""

import csv
import os
import shutil
import subprocess  # nosec B404
import tempfile
from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer
from qgisprocess import executable
from test_registry_dock import clean_settings, dock, errors, make_dock, spanish, wait  # noqa: F401 - fixtures

import t2restore
from t2restore.registry import samples
from t2restore.registry.store import create_registry, open_registry


def _unknown_gaps(count):
    """Sample initiatives 1.. as imported from a field office: no gap, no protected area yet."""
    made = [samples.sample_initiative(n + 1) for n in range(count)]
    for ini in made:
        for area in ini.areas:
            area.national_gap, area.protected_area = None, ""
    return made


def _registry(path, count=2):
    with create_registry(path) as store:
        made = _unknown_gaps(count)
        for ini in made:
            store.save_initiative(ini)
    return made


PACKAGE_PARENT = str(Path(t2restore.__file__).parent.parent)
NOBODY = 65534


def lonlat_box(x0, x1, y0=-11.81, y1=-11.78):
    return "POLYGON((%r %r,%r %r,%r %r,%r %r,%r %r))" % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)


def write_lonlat(path, rows, field="name", layer="capa"):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(layer, srs=srs, geom_type=ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for value, wkt in rows:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField(field, value)
        feat.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        lyr.CreateFeature(feat)
    ds = None
    return str(path)


# --- 17.1: export over the registry ------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["same", "symlink"])
def test_export_ferm_over_its_registry_is_refused(tmp_path, run_alg, spelling):
    registry = tmp_path / "registro.gpkg"
    _registry(registry)
    output = registry
    if spelling == "symlink":
        output = tmp_path / "enlace.gpkg"
        output.symlink_to(registry)
    before = registry.read_bytes()
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("t2restore:export_ferm", {"REGISTRY": str(registry), "OUTPUT": str(output)})
    message = str(caught.value)
    # the generic guard (processing/base.py) or the export's own (registry/ferm.py) refuses it
    assert "registro.gpkg" in message and ("would overwrite the input" in message
                                       or "that file is the registry being exported" in message)
    assert registry.read_bytes() == before
    with open_registry(registry) as store:
        assert store.count_initiatives() == 2


def test_qgis_process_export_over_the_registry(qp, tmp_path):
    registry = tmp_path / "registro.gpkg"
    _registry(registry)
    before = registry.read_bytes()
    code, _data, log = qp.run("t2restore:export_ferm", REGISTRY=str(registry), OUTPUT=str(registry))
    assert code != 0 and "Traceback" not in log
    assert "would overwrite the input" in log or "that file is the registry being exported" in log
    assert "Unexpected error" not in log
    assert registry.read_bytes() == before


def test_dock_export_over_the_open_registry_is_refused(dock):  # noqa: F811 - fixture
    add = [samples.sample_initiative(n) for n in range(2)]
    for ini in add:
        dock.store.save_initiative(ini)
    path = Path(dock.store.location)
    before = path.read_bytes()
    assert dock.exchange.export(str(path)) is False
    assert not dock.busy
    assert any("that file is the registry being exported" in text for text in errors(dock))
    assert path.read_bytes() == before and dock.store.count_initiatives() == 2
    # the same file spelt without its extension (the dock adds .gpkg)
    assert dock.exchange.export(str(path.with_suffix(""))) is False and not dock.busy


# --- 17.14: damaged registries and undo after closing ---------------------------------------------------------
def test_dock_opening_a_truncated_registry_says_what_to_do(make_dock, tmp_path):  # noqa: F811 - fixture
    registry = tmp_path / "registro.gpkg"
    _registry(registry)
    data = registry.read_bytes()
    registry.write_bytes(data[: len(data) // 3])
    opened = make_dock()
    assert not opened.open_registry(str(registry))
    shown = errors(opened)[-1]
    assert "damaged or truncated" in shown and "backup" in shown and str(registry) in shown
    assert "Unexpected error" not in shown and "malformed" not in shown


def test_export_ferm_from_a_truncated_registry(tmp_path, run_alg):
    registry = tmp_path / "registro.gpkg"
    _registry(registry)
    registry.write_bytes(registry.read_bytes()[:4096])
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("t2restore:export_ferm", {"REGISTRY": str(registry), "OUTPUT": str(tmp_path / "ferm.gpkg")})
    assert "damaged or truncated" in str(caught.value) and "Unexpected error" not in str(caught.value)
    assert not (tmp_path / "ferm.gpkg").exists()


def test_undo_after_closing_the_registry(dock, monkeypatch):  # noqa: F811 - fixture
    made = [samples.sample_initiative(n) for n in range(2)]
    for ini in made:
        dock.store.save_initiative(ini)
    dock.registry_changed()
    dock.list_view.selectRow(0)
    monkeypatch.setattr(dock, "confirm", lambda question: True)
    assert dock.delete_selected()
    assert dock.undo_action.isEnabled()
    path = dock.store.location
    dock.close_registry()
    assert not dock.undo_action.isEnabled() and dock.undo_stack.count() == 0
    dock.undo_action.trigger()
    assert not any("NoneType" in text for text in errors(dock))
    # a command that outlived its registry (held elsewhere) says what to do instead of failing
    from t2restore.ui.undo import RegistryCommand

    stray = RegistryCommand(dock, "Guardar", made[1], made[1])
    stray.undo()
    assert "No registry is open" in errors(dock)[-1] and "NoneType" not in errors(dock)[-1]
    # reopening starts a new history: nothing from before can be replayed into it
    assert dock.open_registry(path)
    assert dock.undo_stack.count() == 0 and dock.store.count_initiatives() == 1


# --- 18.6 and 18.8: the registry as INITIATIVES of gap_overlap ---------------------------------------------------
@pytest.fixture
def gap_layers(tmp_path):
    """Gaps and protected areas around sample initiatives 1 and 2 (EPSG:4326).

    Initiative 1: area 0 at lon -75.85..-75.84 (in gap A, partly in BP Alto Mayo), area 1 at
    -75.826..-75.816 (in gap B). Initiative 2: area 0 at -75.80..-75.79 (in both gaps), area 1 at
    -75.776..-75.766 (in neither).
    """
    gap_a = write_lonlat(tmp_path / "minam.gpkg", [("A1", lonlat_box(-75.86, -75.83)),
                                                   ("A2", lonlat_box(-75.805, -75.795))])
    gap_b = write_lonlat(tmp_path / "serfor.gpkg", [("B1", lonlat_box(-75.83, -75.81)),
                                                    ("B2", lonlat_box(-75.797, -75.78))])
    protected = write_lonlat(tmp_path / "anp.gpkg", [("BP Alto Mayo", lonlat_box(-75.86, -75.845)),
                                                     ("RN Junín", lonlat_box(-75.8155, -75.8025))],
                             field="anp_nomb")
    return gap_a, gap_b, protected


@pytest.mark.parametrize("ext", ["csv", "gpkg"])
def test_gap_overlap_takes_the_registry_as_initiatives(tmp_path, run_alg, gap_layers, ext):
    registry = tmp_path / "registro.gpkg"
    made = _registry(registry)
    gap_a, gap_b, _protected = gap_layers
    out = tmp_path / ("iniciativas." + ext)
    res = run_alg("t2restore:gap_overlap", {
        "GAP_A": gap_a, "GAP_B": gap_b, "INITIATIVES": str(registry) + "|layername=restoration_areas",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_INITIATIVES": str(out)})
    assert Path(res["OUTPUT_INITIATIVES"].split("|")[0]).exists()
    if ext == "csv":
        with open(out, encoding="utf-8", newline="") as handle:
            rows = {r["uuid"]: r for r in csv.DictReader(handle)}
        ecosystems = rows[made[0].areas[0].uuid]["ecosystems"]
    else:
        layer = QgsVectorLayer(str(out), "o", "ogr")
        rows = {f["uuid"]: f for f in layer.getFeatures()}
        ecosystems = rows[made[0].areas[0].uuid]["ecosystems"]
    assert len(rows) == 4
    assert ecosystems == '["%s"]' % '", "'.join(made[0].areas[0].ecosystems)


def _stored(registry):
    with open_registry(registry) as store:
        inis = store.get_initiatives()
    return ({a.uuid: (a.national_gap, a.protected_area) for ini in inis for a in ini.areas},
            {ini.uuid: ini.revision for ini in inis})


def test_gap_overlap_writes_gaps_and_protected_areas_into_the_registry(tmp_path, run_alg, gap_layers):
    registry = tmp_path / "registro.gpkg"
    made = _registry(registry)
    gap_a, gap_b, protected = gap_layers
    _areas, revisions = _stored(registry)
    params = {"GAP_A": gap_a, "GAP_B": gap_b, "PROTECTED_AREAS": protected,
              "INITIATIVES": str(registry) + "|layername=restoration_areas", "WRITE_TO_REGISTRY": True,
              "OUTPUT": "TEMPORARY_OUTPUT"}
    res = run_alg("t2restore:gap_overlap", params)
    areas, after = _stored(registry)
    one, two = made
    assert areas == {one.areas[0].uuid: ("MINAM", "BP Alto Mayo"), one.areas[1].uuid: ("SERFOR", ""),
                     two.areas[0].uuid: ("BOTH", ""), two.areas[1].uuid: ("NONE", "")}
    assert res["AREAS_WRITTEN"] == 4
    assert after == {uuid: rev + 1 for uuid, rev in revisions.items()}  # open editors notice
    again = run_alg("t2restore:gap_overlap", params)
    assert again["AREAS_WRITTEN"] == 0 and _stored(registry)[1] == after


def test_write_to_registry_needs_a_registry(tmp_path, run_alg, gap_layers):
    gap_a, gap_b, protected = gap_layers
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("t2restore:gap_overlap", {"GAP_A": gap_a, "GAP_B": gap_b, "INITIATIVES": protected,
                                          "WRITE_TO_REGISTRY": True, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "WRITE_TO_REGISTRY needs INITIATIVES" in str(caught.value)


def test_qgis_process_gap_overlap_with_the_registry(qp, tmp_path, gap_layers):
    registry = tmp_path / "registro.gpkg"
    made = _registry(registry)
    gap_a, gap_b, protected = gap_layers
    code, data, log = qp.run("t2restore:gap_overlap", GAP_A=gap_a, GAP_B=gap_b, PROTECTED_AREAS=protected,
                             INITIATIVES=str(registry) + "|layername=restoration_areas", WRITE_TO_REGISTRY="true",
                             OUTPUT=str(tmp_path / "o.gpkg"), OUTPUT_INITIATIVES=str(tmp_path / "i.csv"))
    assert code == 0, log
    assert "Unsupported type" not in log and (tmp_path / "i.csv").exists()
    areas, _revisions = _stored(registry)
    assert areas[made[0].areas[0].uuid] == ("MINAM", "BP Alto Mayo")
    assert data["results"]["AREAS_WRITTEN"] == 4


def test_dock_writes_gaps_into_the_registry(plugin, dock, qtbot, gap_layers):  # noqa: F811 - fixture
    made = _unknown_gaps(2)
    for ini in made:
        dock.store.save_initiative(ini)
    gap_a, gap_b, protected = gap_layers
    layers = [QgsVectorLayer(path, name, "ogr") for path, name in
              ((gap_a, "Brecha MINAM"), (gap_b, "Brecha SERFOR"), (protected, "ANP"))]
    QgsProject.instance().addMapLayers(layers)
    try:
        panel = dock.exchange
        panel.gap_a_combo.setLayer(layers[0])
        panel.gap_b_combo.setLayer(layers[1])
        panel.protected_combo.setLayer(layers[2])
        panel.protected_field.setField("anp_nomb")
        assert panel.write_gaps()
        wait(qtbot, dock)
        assert not errors(dock)
        areas, _revisions = _stored(dock.store.location)
        one, two = made
        assert areas[one.areas[0].uuid] == ("MINAM", "BP Alto Mayo")
        assert areas[two.areas[0].uuid] == ("BOTH", "")
        assert areas[two.areas[1].uuid] == ("NONE", "")
        assert "4" in panel.gap_summary.text()
    finally:
        QgsProject.instance().removeMapLayers([layer.id() for layer in layers])


def test_spanish_messages_for_the_export_guard_and_a_damaged_registry(spanish, make_dock, tmp_path):  # noqa: F811
    assert spanish == "t2restore_es.qm"
    opened = make_dock()
    assert opened.open_registry(tmp_path / "registro.gpkg", create=True)
    assert opened.exchange.export(opened.store.location) is False
    assert "ese archivo es el registro que se exporta" in errors(opened)[-1]
    opened.close_registry()
    damaged = tmp_path / "dañado.gpkg"
    damaged.write_bytes((tmp_path / "registro.gpkg").read_bytes()[:100])
    assert not opened.open_registry(str(damaged))
    assert "está dañado o truncado" in errors(opened)[-1] and str(damaged) in errors(opened)[-1]


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="runs qgis_process as user nobody: needs root and setpriv")
def test_qgis_process_as_an_unprivileged_user_on_a_read_only_registry(tmp_path, gap_layers):
    """The registry in a folder the user may read but not write: a message saying what to do."""
    folder = Path(tempfile.mkdtemp(prefix="t2r-readonly-"))
    profile = Path(tempfile.mkdtemp(prefix="t2r-profile-"))
    try:
        registry = folder / "registro.gpkg"
        _registry(registry)
        layers = [shutil.copy(path, folder) for path in gap_layers]
        folder.chmod(0o755)
        os.chown(profile, NOBODY, NOBODY)
        env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen", HOME=str(profile),
                   QGIS_PLUGINPATH=PACKAGE_PARENT)
        env.pop("PYTHONPATH", None)
        as_nobody = [shutil.which("setpriv"), "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups",
                     executable()]
        subprocess.run(as_nobody + ["plugins", "enable", "t2restore"], env=env, capture_output=True,  # nosec B603
                       timeout=300, check=False, cwd=str(profile))
        run = subprocess.run(as_nobody + [  # nosec B603
            "--json", "run", "t2restore:gap_overlap", "--", "GAP_A=" + layers[0], "GAP_B=" + layers[1],
            "INITIATIVES=" + str(registry) + "|layername=restoration_areas", "WRITE_TO_REGISTRY=true",
            "OUTPUT=TEMPORARY_OUTPUT"], env=env, capture_output=True, text=True, timeout=300, check=False,
            cwd=str(profile))
        log = run.stdout + run.stderr
        assert run.returncode != 0
        assert "cannot be written" in log and "Copy the registry to a folder where you can write" in log, log
        assert "Unexpected error" not in log and "readonly database" not in log and "Traceback" not in log
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
