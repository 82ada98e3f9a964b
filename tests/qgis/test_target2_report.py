"""t2restore:target2_report (issue 13): workbook, printable report and layout, against target2_indicator.

Truths: the figures of ``t2restore:target2_indicator`` run separately on the same inputs (the issue asks the
report's headline to be that algorithm's national row), closed-form ellipsoidal quadrangles for the double
counting, the PDF's own text (``pdftotext``) and pages (``pdfinfo``, ``pdftoppm``), and the .qpt read back by
QGIS's layout loader.
"""

import hashlib
import re
import shutil
import subprocess  # nosec B404
from pathlib import Path

import pytest
from case_inputs import box_hectares, make_input
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProject, QgsReadWriteContext
from qgis.PyQt.QtCore import QSettings
from qgis.PyQt.QtXml import QDomDocument

REPORT = "t2restore:target2_report"
INDICATOR = "t2restore:target2_indicator"
OVERLAP_BOX = [-75.895, -11.8, -75.89, -11.79]  # the two areas of initiative 0 share this quadrangle
DEGRADED_BOX = [-75.95, -11.85, -75.82, -11.75]
JUNIN_BOX = [-76.0, -12.0, -75.7, -11.7]
PASCO_BOX = [-76.0, -11.7, -75.7, -11.4]  # no initiative and no degraded land: listed with 0 ha

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make setup) missing")


def _alg():
    from t2restore.processing.target2_report import Target2ReportAlgorithm

    return Target2ReportAlgorithm


def make_registry(folder, overlap=True):
    """Two valid sample initiatives; with ``overlap`` the second area of the first overlaps its first one
    (a validation error, and double counting of OVERLAP_BOX)."""
    from t2restore.registry import samples
    from t2restore.registry.store import create_registry

    made = [samples.sample_initiative(n, areas=2) for n in range(2)]
    if overlap:
        made[0].areas[1].set_geometry(samples.square(-75.895, -11.8, 0.01))
    path = Path(folder) / "registry.gpkg"
    with create_registry(path) as store:
        for ini in made:
            store.save_initiative(ini)
    return str(path)


@pytest.fixture
def inputs(tmp_path):
    return {
        "registry": make_registry(tmp_path) + "|layername=restoration_areas",
        "degraded": make_input(tmp_path, "degraded", {"boxes": [[*DEGRADED_BOX, {"name": "D"}]]}),
        "zones": make_input(tmp_path, "zones", {"boxes": [[*JUNIN_BOX, {"nombre": "Junín"}],
                                                           [*PASCO_BOX, {"nombre": "Pasco"}]]}),
    }


def report_params(alg, inputs, folder, **extra):
    params = {alg.DEGRADED: inputs["degraded"], alg.RESTORATION_AREAS: inputs["registry"], alg.ZONES: inputs["zones"],
              alg.ZONE_FIELD: "nombre", alg.TITLE: "Informe Meta 2", alg.INSTITUTION: "Gobierno Regional",
              alg.PERIOD: "2021-2025", alg.OUTPUT_XLSX: str(Path(folder) / "report.xlsx"),
              alg.OUTPUT_PDF: str(Path(folder) / "report.pdf")}
    params.update(extra)
    return params


def sheet(path, name):
    """(rows as dicts, {column: OGR type name}) of one sheet of an XLSX file, read with OGR.

    OGR guesses whether the first row holds headers from its cells' types; sheets of text only need
    the first row taken as headers here (a spreadsheet shows that row as headers either way)."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(name) or (ds.GetLayer(0) if ds.GetLayerCount() == 1 else None)
    assert lyr is not None, f"no sheet {name}: {[ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]}"
    defn = lyr.GetLayerDefn()
    types = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i).GetTypeName() for i in range(defn.GetFieldCount())}
    names = list(types)
    rows = [dict(zip(names, (f.GetField(i) for i in range(len(names))))) for f in lyr]
    lyr = ds = None
    if rows and all(re.fullmatch(r"Field\d+", n) for n in names):  # a sheet of text only: row 1 is the header
        header = [rows[0][n] for n in names]
        rows = [dict(zip(header, (r[n] for n in names))) for r in rows[1:]]
        types = dict.fromkeys(header, "String")
    return rows, types


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,  # nosec
                          check=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout  # nosec
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def report(run_alg, inputs, tmp_path):
    alg = _alg()
    params = report_params(alg, inputs, tmp_path)
    results = run_alg(REPORT, params)
    indicator = run_alg(INDICATOR, {"DEGRADED": inputs["degraded"], "RESTORATION_AREAS": inputs["registry"],
                                    "ZONES": inputs["zones"], "ZONE_FIELD": "nombre",
                                    "OUTPUT": str(tmp_path / "inside.gpkg"),
                                    "OUTPUT_TABLE": str(tmp_path / "indicator.gpkg")})
    return alg, params, results, indicator


def test_workbook_numbers_are_target2_indicator_numbers(report, tmp_path):
    alg, params, results, indicator = report
    rows, types = sheet(params[alg.OUTPUT_XLSX], "Summary")
    assert len(rows) == 1
    expected = {"Degraded land (ha)": "DEGRADED_HA", "Restoration inside degraded land (ha)":
                "RESTORATION_IN_DEGRADED_HA", "Restoration outside degraded land (ha)": "RESTORATION_OUTSIDE_HA",
                "Share of degraded land under restoration (%)": "SHARE_PCT",
                "Missing to the target share (ha)": "TO_SHARE_HA", "Missing to the national goal (ha)": "TO_TARGET_HA"}
    for column, key in expected.items():
        assert types[column] == "Real", (column, types[column])  # numbers as numbers, not text
        assert rows[0][column] == pytest.approx(indicator[key], rel=1e-12), column
    # double counting: the two overlapping areas share OVERLAP_BOX, counted once by the indicator
    assert rows[0]["Double counting removed (ha)"] == pytest.approx(box_hectares([OVERLAP_BOX]), rel=1e-4)
    zones, ztypes = sheet(params[alg.OUTPUT_XLSX], "Departments")
    by_name = {r["Department"]: r for r in zones}
    assert set(by_name) == {"Junín", "Pasco"}
    table, _types = sheet(tmp_path / "indicator.gpkg", "indicator")
    truth = {r["name"]: r["degraded_ha"] for r in table if r["level"] == "zone"}
    assert by_name["Junín"]["Degraded land (ha)"] == pytest.approx(truth["Junín"], abs=1e-6)
    assert by_name["Pasco"]["Degraded land (ha)"] == 0.0
    assert by_name["Pasco"]["Restoration inside degraded land (ha)"] == 0.0
    assert ztypes["Degraded land (ha)"] == "Real"


def test_workbook_sheets_and_provenance(report):
    alg, params, _results, _indicator = report
    ds = ogr.Open(params[alg.OUTPUT_XLSX])
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    ds = None
    for expected in ("Summary", "Departments", "Ecosystems", "Gaps", "Institutions", "Start years",
                     "Initiatives and areas", "Validation", "Monitoring", "Method and provenance"):
        assert expected in names, names
    years, types = sheet(params[alg.OUTPUT_XLSX], "Start years")
    assert [r["Start year"] for r in years] == [2022] and types["Start year"] == "Integer"
    prov, _t = sheet(params[alg.OUTPUT_XLSX], "Method and provenance")
    registry_file = params[alg.RESTORATION_AREAS].split("|")[0]
    row = next(r for r in prov if r["Name"] == alg.RESTORATION_AREAS)
    assert row["SHA-256"] == hashlib.sha256(Path(registry_file).read_bytes()).hexdigest()
    assert row["Size (bytes)"] == Path(registry_file).stat().st_size


def test_registry_with_validation_errors_is_reported_with_its_errors(report):
    alg, params, _results, _indicator = report
    findings, _t = sheet(params[alg.OUTPUT_XLSX], "Validation")
    rules = {r["Rule"] for r in findings if r["Severity"] == "error"}
    assert "overlap_same_initiative" in rules, findings
    areas, _t = sheet(params[alg.OUTPUT_XLSX], "Initiatives and areas")
    flagged = [r for r in areas if "overlap_same_initiative" in (r["Validation flags"] or "")]
    assert len(flagged) == 2
    assert flagged[0]["Shared with other areas, double counting (ha)"] == pytest.approx(
        box_hectares([OVERLAP_BOX]), rel=1e-4)


@needs_poppler
def test_pdf_holds_the_headline_and_every_page_renders(report, tmp_path):
    from t2restore.translation import format_ha

    alg, params, results, indicator = report
    text = pdf_text(params[alg.OUTPUT_PDF])
    for key in ("DEGRADED_HA", "RESTORATION_IN_DEGRADED_HA", "RESTORATION_OUTSIDE_HA", "TO_SHARE_HA"):
        assert format_ha(indicator[key]) in text, (key, format_ha(indicator[key]))
    assert f"{indicator['SHARE_PCT']:.2f} %" in text
    assert "Informe Meta 2" in text and "Gobierno Regional - 2021-2025" in text
    assert "Validation: " in text and "errors" in text
    pages = pdf_pages(params[alg.OUTPUT_PDF])
    assert pages == 4 + 2 == results[alg.PAGES]  # cover, map, charts, methods + one page per department
    assert "Pasco" in text and "Junín" in text
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-png", params[alg.OUTPUT_PDF], str(out)], check=True)  # nosec
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages and all(p.stat().st_size > 1000 for p in pngs)


PROJECTS = []  # a layout refers to its project, which must outlive it


def _load_qpt(path):
    from qgis.core import QgsPrintLayout

    PROJECTS.append(QgsProject())
    layout = QgsPrintLayout(PROJECTS[-1])
    document = QDomDocument()
    assert document.setContent(Path(path).read_text(encoding="utf-8"))[0]
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    assert ok
    return layout


def test_layout_reloads_and_an_edited_template_is_taken_back(report, run_alg, inputs, tmp_path):
    from t2restore.processing._report_layout import ITEMS

    alg, params, _results, _indicator = report
    qpt = Path(params[alg.OUTPUT_PDF]).with_suffix(".qpt")
    layout = _load_qpt(qpt)
    assert [i for i in ITEMS if layout.itemById(i) is None] == []
    assert layout.pageCollection().pageCount() == 5
    # a user's edit (the title moved and recoloured) survives a run with TEMPLATE
    title = layout.itemById("t2r_title")
    title.setFontColor(title.fontColor().fromRgb(200, 0, 0))
    edited = tmp_path / "edited.qpt"
    assert layout.saveAsTemplate(str(edited), QgsReadWriteContext())
    again = report_params(alg, inputs, tmp_path, TEMPLATE=str(edited), OUTPUT_XLSX=str(tmp_path / "b.xlsx"),
                          OUTPUT_PDF=str(tmp_path / "b.pdf"), OUTPUT_LAYOUT=str(tmp_path / "b.qpt"))
    run_alg(REPORT, again)
    assert _load_qpt(tmp_path / "b.qpt").itemById("t2r_title").fontColor().red() == 200


def test_template_missing_items_is_refused_naming_them(run_alg, inputs, tmp_path):
    alg = _alg()
    first = report_params(alg, inputs, tmp_path)
    run_alg(REPORT, first)
    text = Path(first[alg.OUTPUT_PDF]).with_suffix(".qpt").read_text(encoding="utf-8")
    layout = _load_qpt(Path(first[alg.OUTPUT_PDF]).with_suffix(".qpt"))
    layout.removeLayoutItem(layout.itemById("t2r_headline"))
    broken = tmp_path / "broken.qpt"
    layout.saveAsTemplate(str(broken), QgsReadWriteContext())
    assert "t2r_headline" in text and "t2r_headline" not in broken.read_text(encoding="utf-8")
    params = report_params(alg, inputs, tmp_path, TEMPLATE=str(broken), OUTPUT_XLSX=str(tmp_path / "c.xlsx"),
                           OUTPUT_PDF=str(tmp_path / "c.pdf"))
    with pytest.raises(QgsProcessingException) as err:
        run_alg(REPORT, params)
    assert "t2r_headline" in str(err.value) and "OUTPUT_LAYOUT" in str(err.value)
    assert not (tmp_path / "c.xlsx").exists() and not (tmp_path / "c.pdf").exists()


def test_output_folder_not_writable_is_refused_before_any_work(run_alg, inputs, tmp_path):
    alg = _alg()
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    params = report_params(alg, inputs, tmp_path, OUTPUT_PDF=str(blocker / "report.pdf"))
    with pytest.raises(QgsProcessingException) as err:
        run_alg(REPORT, params)
    assert str(blocker) in str(err.value) and "Choose a folder" in str(err.value)
    assert not (tmp_path / "report.xlsx").exists()
    assert not list(tmp_path.glob(".t2restore-*"))


@needs_poppler
def test_no_degraded_land_in_the_zones_is_said_on_the_cover(run_alg, inputs, tmp_path):
    alg = _alg()
    # degraded land west and east of the zone; the zone (between them) holds none of it
    degraded = make_input(tmp_path, "split", {"boxes": [[-76.0, -11.9, -75.95, -11.7, {"name": "W"}],
                                                        [-75.75, -11.9, -75.7, -11.7, {"name": "E"}]]})
    zones = make_input(tmp_path, "middle", {"boxes": [[-75.93, -11.9, -75.77, -11.7, {"nombre": "Centro"}]]})
    params = report_params(alg, dict(inputs, degraded=degraded, zones=zones), tmp_path)
    results = run_alg(REPORT, params)
    text = " ".join(pdf_text(params[alg.OUTPUT_PDF]).split())
    assert "There is no degraded land in the chosen zones" in text
    assert results[alg.DEGRADED_HA] == pytest.approx(box_hectares([[-76.0, -11.9, -75.95, -11.7],
                                                                   [-75.75, -11.9, -75.7, -11.7]]), rel=5e-5)


@pytest.fixture
def spanish(plugin):
    from t2restore.translation import install_translator

    settings = QSettings()
    old = settings.value("locale/userLocale"), settings.value("locale/overrideFlag")
    settings.setValue("locale/userLocale", "es_PE")
    settings.setValue("locale/overrideFlag", True)
    loaded = install_translator()
    yield loaded
    settings.setValue("locale/userLocale", old[0] or "")
    settings.setValue("locale/overrideFlag", old[1] or False)
    install_translator("en")


@needs_poppler
def test_spanish_run(spanish, run_alg, inputs, tmp_path):
    from t2restore.translation import format_ha

    assert spanish == "t2restore_es.qm"
    alg = _alg()
    params = report_params(alg, inputs, tmp_path)
    results = run_alg(REPORT, params)
    rows, types = sheet(params[alg.OUTPUT_XLSX], "Resumen")
    assert rows[0]["Tierra degradada (ha)"] == pytest.approx(results[alg.DEGRADED_HA], rel=1e-12)
    assert types["Tierra degradada (ha)"] == "Real"
    text = pdf_text(params[alg.OUTPUT_PDF])
    assert f"Tierra degradada: {format_ha(results[alg.DEGRADED_HA])} ha" in text
    assert "Métodos" in text


@pytest.mark.qgis_process
def test_qgis_process_english_and_spanish(qp, qp_es, inputs, tmp_path):
    alg = _alg()
    for runner, folder, sheet_name in ((qp, tmp_path / "en", "Summary"), (qp_es, tmp_path / "es", "Resumen")):
        folder.mkdir()
        params = report_params(alg, inputs, folder)
        code, out, err = runner.run(REPORT, **params)
        assert code == 0, err
        rows, _types = sheet(params[alg.OUTPUT_XLSX], sheet_name)
        assert rows[0][next(iter(rows[0]))] == pytest.approx(out["results"][alg.DEGRADED_HA], rel=1e-12)
        assert Path(params[alg.OUTPUT_PDF]).stat().st_size > 10000


# --- default zones: the departments of the registry's administrative layer (issue 13) ----------------------------
JUNIN_WEST, JUNIN_EAST = [-76.0, -12.0, -75.9, -11.7], [-75.9, -12.0, -75.7, -11.7]  # DEGRADED_BOX spans both


@pytest.fixture
def admin_setting(plugin):
    """Choose the registry dock's administrative layer (PluginSettings.admin_layer) for a test; restored after."""
    import json

    from t2restore.settings import PluginSettings

    old = PluginSettings.load().admin_layer

    def choose(source, department="NOMBDEP"):
        text = json.dumps({"source": source, "provider": "ogr", "fields": {"department": department}}) if source else ""
        PluginSettings.load().update(admin_layer=text)

    yield choose
    PluginSettings.load().update(admin_layer=old)


@pytest.fixture
def districts(tmp_path):
    """INEI-style districts: two of Junín (the degraded land spans both), one of Pasco."""
    return make_input(tmp_path, "limites", {"boxes": [[*JUNIN_WEST, {"NOMBDEP": "JUNIN", "NOMBDIST": "A"}],
                                                      [*JUNIN_EAST, {"NOMBDEP": "JUNIN", "NOMBDIST": "B"}],
                                                      [*PASCO_BOX, {"NOMBDEP": "PASCO", "NOMBDIST": "C"}]]})


def _without_zones(alg, inputs, folder, **extra):
    params = report_params(alg, inputs, folder, **extra)
    del params[alg.ZONES], params[alg.ZONE_FIELD]
    return params


@needs_poppler
def test_registry_without_zones_gets_the_departments_of_its_admin_layer(run_alg, inputs, districts, admin_setting,
                                                                        tmp_path):
    alg = _alg()
    admin_setting(districts)
    params = _without_zones(alg, inputs, tmp_path)
    results = run_alg(REPORT, params)
    rows, _types = sheet(params[alg.OUTPUT_XLSX], "Departments")
    by_name = {r["Department"]: r for r in rows}
    assert sorted(by_name) == ["JUNIN", "PASCO"]  # dissolved by department: not one row per district
    assert by_name["JUNIN"]["Degraded land (ha)"] == pytest.approx(box_hectares([DEGRADED_BOX]), rel=5e-5)
    pasco = by_name["PASCO"]  # no initiative and no degraded land: listed with 0 ha
    assert pasco["Degraded land (ha)"] == 0 and pasco["Restoration inside degraded land (ha)"] == 0
    assert results[alg.PAGES] == pdf_pages(params[alg.OUTPUT_PDF]) == 4 + 2
    text = pdf_text(params[alg.OUTPUT_PDF])
    assert "JUNIN" in text and "PASCO" in text and "No zones were given" not in text
    provenance, _t = sheet(params[alg.OUTPUT_XLSX], "Method and provenance")
    assert any(r["Name"] == "ZONES_DEFAULT" and districts in r["Value"] for r in provenance)


@needs_poppler
@pytest.mark.parametrize("case", ["no admin layer", "admin layer gone", "not a registry"])
def test_without_zones_or_usable_admin_layer_there_are_no_department_pages(case, run_alg, inputs, districts,
                                                                           admin_setting, tmp_path):
    alg = _alg()
    admin_setting({"no admin layer": "", "admin layer gone": str(tmp_path / "gone.gpkg")}.get(case, districts))
    if case == "not a registry":  # any polygon layer as the restoration areas: no registry, no admin layer
        inputs = dict(inputs, registry=make_input(tmp_path, "areas", {"boxes": [[*OVERLAP_BOX, {"name": "R"}]]}))
    params = _without_zones(alg, inputs, tmp_path)
    results = run_alg(REPORT, params)
    rows, _types = sheet(params[alg.OUTPUT_XLSX], "Departments")
    assert [r["Department"] for r in rows] == ["(none)"]
    assert results[alg.PAGES] == pdf_pages(params[alg.OUTPUT_PDF]) == 4
    assert "No zones were given" in " ".join(pdf_text(params[alg.OUTPUT_PDF]).split())


@pytest.mark.qgis_process
def test_qgis_process_spanish_registry_without_zones_gets_its_departments(inputs, districts, tmp_path):
    """The administrative layer remembered in the user's profile gives the department pages in qgis_process too."""
    import json

    from qgisprocess import QgisProcess

    import t2restore

    runner = QgisProcess(tmp_path / "profile", Path(t2restore.__file__).parent.parent, locale="es_PE")
    ini_path = tmp_path / "profile" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini = QSettings(str(ini_path), QSettings.Format.IniFormat)
    ini.setValue("t2restore/registry/admin_layer", json.dumps({"source": districts, "provider": "ogr",
                                                               "fields": {"department": "NOMBDEP"}}))
    ini.sync()
    alg = _alg()
    params = _without_zones(alg, inputs, tmp_path)
    code, out, log = runner.run(REPORT, **params)
    assert code == 0, log
    rows, _types = sheet(params[alg.OUTPUT_XLSX], "Departamentos")
    assert sorted(r["Departamento"] for r in rows) == ["JUNIN", "PASCO"]
    assert out["results"][alg.PAGES] == 4 + 2
    assert "las páginas por departamento vienen de la capa administrativa del registro" in log


def test_recovering_areas_beside_all_as_target2_indicator_counts_them(run_alg, inputs, tmp_path):
    """With OUTCOMES the Summary sheet and the outputs add the restoration of only the recovering areas,
    equal to target2_indicator's figure on the same inputs (issue 14: the report counts them too)."""
    from t2restore.registry.store import open_registry

    with open_registry(inputs["registry"].split("|")[0]) as store:
        areas = [a.uuid for ini in store.get_initiatives() for a in ini.areas]
    outcomes = tmp_path / "outcomes.csv"
    outcomes.write_text("area_id,outcome\n" + "".join(
        f"{uuid},{'recovering' if n % 2 == 0 else 'no_change'}\n" for n, uuid in enumerate(areas)), encoding="utf-8")
    alg = _alg()
    results = run_alg(REPORT, report_params(alg, inputs, tmp_path, **{alg.OUTCOMES: str(outcomes)}))
    indicator = run_alg(INDICATOR, {"DEGRADED": inputs["degraded"], "RESTORATION_AREAS": inputs["registry"],
                                    "OUTCOMES": str(outcomes), "OUTPUT": str(tmp_path / "inside.gpkg")})
    assert 0 < indicator["RECOVERING_IN_DEGRADED_HA"] < indicator["RESTORATION_IN_DEGRADED_HA"]
    rows, types = sheet(tmp_path / "report.xlsx", "Summary")
    column = "Recovering restoration inside degraded land (ha)"
    assert types[column] == "Real", (rows, types)
    assert rows[0][column] == pytest.approx(indicator["RECOVERING_IN_DEGRADED_HA"], rel=1e-12)
    assert results[alg.RECOVERING_IN_DEGRADED_HA] == pytest.approx(indicator["RECOVERING_IN_DEGRADED_HA"], rel=1e-12)
    assert results[alg.RECOVERING_SHARE_PCT] == pytest.approx(indicator["RECOVERING_SHARE_PCT"], rel=1e-12)
