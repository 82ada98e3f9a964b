"""t2restore:target2_report's printable report (issue 13): the outcome page, the charts (SVG pictures, or QGIS's
chart items where QGIS has them) and the saved layout reprinted by QGIS's own atlas export.

Truths: the OUTCOMES table written here by hand (hectares per class summed in the test), the workbook's sheets
read back with OGR, and the PDF printed by ``QgsLayoutExporter.exportToPdf(atlas, ...)`` (what the Layout
Manager's atlas export calls) from the saved .qpt, compared page by page in number and text with the plugin's PDF.
"""

import base64
import subprocess  # nosec B404
import unicodedata
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemPicture,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument
from test_target2_report import (
    REPORT,
    _alg,
    inputs,  # noqa: F401 - fixture
    needs_poppler,
    pdf_pages,
    pdf_text,
    report_params,
    sheet,
)

# hectares per outcome class, as restoration_outcomes writes them into its table (area_ha)
OUTCOME_HA = {"recovering": [12.34, 0.66], "no_change": [7.5], "declining": [101.25, 3.0], "insufficient": [0.4]}
PROJECTS = []  # a layout refers to its project, which must outlive it; emptied after each test (projects fixture)


@pytest.fixture(autouse=True)
def projects():
    """Free the projects of the reloaded layouts (and their GDAL-backed layers) while GDAL is still there."""
    yield PROJECTS
    for project in PROJECTS:
        project.removeAllMapLayers()
    PROJECTS.clear()


def _chart_item_class():
    from t2restore.processing._report_charts import chart_item_class

    return chart_item_class()


def _outcomes_csv(registry, folder):
    """The OUTCOMES table of restoration_outcomes (area_id, outcome, area_ha) for the registry's areas."""
    from t2restore.registry.store import open_registry

    with open_registry(registry.split("|")[0]) as store:
        areas = [a.uuid for ini in store.get_initiatives() for a in ini.areas]
    rows = [(code, ha) for code, values in OUTCOME_HA.items() for ha in values]
    assert len(areas) >= len(rows)
    path = Path(folder) / "outcomes.csv"
    path.write_text("area_id,outcome,area_ha\n" + "".join(
        f"{uuid},{code},{ha}\n" for uuid, (code, ha) in zip(areas, rows)), encoding="utf-8")
    return str(path)


@pytest.fixture
def four_area_inputs(inputs, tmp_path):  # noqa: F811 - the fixture imported above
    """The report's inputs with a registry of four initiatives of two areas (8 areas for 6 outcome rows)."""
    from t2restore.registry import samples
    from t2restore.registry.store import create_registry

    path = tmp_path / "registry8.gpkg"
    with create_registry(path) as store:
        for n in range(4):
            store.save_initiative(samples.sample_initiative(n, areas=2))
    return dict(inputs, registry=str(path) + "|layername=restoration_areas")


def _words(text):
    """The PDF's text in single-spaced words, ligatures (the "ffi" of "Insufficient") undone."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _render_all(pdf, folder):
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(Path(folder) / "pg")], check=True)  # nosec
    pngs = sorted(Path(folder).glob("pg-*.png"))
    return [p for p in pngs if p.stat().st_size > 1000]


@needs_poppler
def test_outcome_page_holds_the_figures_of_the_outcomes_table(run_alg, four_area_inputs, tmp_path):
    from t2restore.translation import format_ha

    alg = _alg()
    outcomes = _outcomes_csv(four_area_inputs["registry"], tmp_path)
    params = report_params(alg, four_area_inputs, tmp_path, **{alg.OUTCOMES: outcomes})
    results = run_alg(REPORT, params)
    text = pdf_text(params[alg.OUTPUT_PDF])
    assert "Restoration outcomes measured by restoration_outcomes for 6 areas" in _words(text)
    for code, label in (("recovering", "Recovering"), ("no_change", "No detectable change"),
                        ("declining", "Declining"), ("insufficient", "Insufficient data")):
        line = f"{label}: {len(OUTCOME_HA[code])} areas, {format_ha(sum(OUTCOME_HA[code]))} ha"
        assert line in _words(text), line
    summary, _types = sheet(params[alg.OUTPUT_XLSX], "Summary")
    recovering = summary[0]["Recovering restoration inside degraded land (ha)"]
    assert f"restoration inside degraded land is {format_ha(recovering)} ha" in _words(text)
    pages = pdf_pages(params[alg.OUTPUT_PDF])
    assert pages == 4 + 1 + 2 == results[alg.PAGES]  # cover, map, charts, methods, outcomes + 2 departments
    assert len(_render_all(params[alg.OUTPUT_PDF], tmp_path)) == pages
    rows = _gpkg_rows(Path(params[alg.OUTPUT_PDF]).with_name("report_data.gpkg"), "chart_outcomes")
    assert rows == [(label, pytest.approx(sum(OUTCOME_HA[code]))) for code, label in (
        ("recovering", "Recovering"), ("no_change", "No detectable change"), ("declining", "Declining"),
        ("insufficient", "Insufficient data"))]


@needs_poppler
def test_without_outcomes_there_is_no_outcome_page_and_a_template_gains_it(run_alg, four_area_inputs, tmp_path):
    from t2restore.processing._report_layout import OUTCOME_IDS

    alg = _alg()
    params = report_params(alg, four_area_inputs, tmp_path)
    results = run_alg(REPORT, params)
    assert "Restoration outcomes" not in pdf_text(params[alg.OUTPUT_PDF])
    assert pdf_pages(params[alg.OUTPUT_PDF]) == 4 + 2 == results[alg.PAGES]
    qpt = Path(params[alg.OUTPUT_PDF]).with_suffix(".qpt")
    assert not any(i in qpt.read_text(encoding="utf-8") for i in OUTCOME_IDS)
    # the layout of a report without outcomes, given back as TEMPLATE with OUTCOMES: the page comes back
    again = report_params(alg, four_area_inputs, tmp_path, TEMPLATE=str(qpt), OUTPUT_XLSX=str(tmp_path / "b.xlsx"),
                          OUTPUT_PDF=str(tmp_path / "b.pdf"),
                          **{alg.OUTCOMES: _outcomes_csv(four_area_inputs["registry"], tmp_path)})
    results = run_alg(REPORT, again)
    assert pdf_pages(tmp_path / "b.pdf") == 4 + 1 + 2 == results[alg.PAGES]
    assert "Restoration outcomes measured by restoration_outcomes" in _words(pdf_text(tmp_path / "b.pdf"))


def _gpkg_rows(path, table):
    ds = ogr.Open(str(path))
    assert ds is not None, path
    lyr = ds.GetLayerByName(table)
    assert lyr is not None, table
    rows = [(f.GetField("label"), f.GetField("value")) for f in lyr]
    lyr = ds = None
    return rows


def _load_qpt(path, layers=()):
    """The layout of the .qpt ``path`` in a new project holding ``layers`` [(source, name)], as a user who adds
    the report's data layers and then "Add from template" in the Layout Manager has it."""
    project = QgsProject()
    PROJECTS.append(project)
    for source, name in layers:
        layer = QgsVectorLayer(source, name, "ogr")
        assert layer.isValid(), source
        project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    assert document.setContent(Path(path).read_text(encoding="utf-8"))[0]
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    assert ok
    return layout


@needs_poppler
@pytest.mark.parametrize("with_outcomes", [False, True])
def test_saved_layout_reprinted_by_qgis_atlas_export_gives_the_same_pages(with_outcomes, run_alg, four_area_inputs,
                                                                          tmp_path):
    from t2restore.compat import TEXT_ALWAYS_TEXT

    alg = _alg()
    extra = {alg.OUTCOMES: _outcomes_csv(four_area_inputs["registry"], tmp_path)} if with_outcomes else {}
    params = report_params(alg, four_area_inputs, tmp_path, **extra)
    results = run_alg(REPORT, params)
    data = Path(params[alg.OUTPUT_PDF]).with_name("report_data.gpkg")
    layout = _load_qpt(Path(params[alg.OUTPUT_PDF]).with_suffix(".qpt"), [
        (f"{data}|layername={name}", name) for name in ("Departments", "Restoration inside degraded land")])
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer() is not None, "the atlas coverage did not resolve"
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = TEXT_ALWAYS_TEXT
    reprint = tmp_path / "reprint.pdf"
    result, error = QgsLayoutExporter.exportToPdf(atlas, str(reprint), settings)
    assert result == QgsLayoutExporter.ExportResult.Success, error
    assert pdf_pages(reprint) == pdf_pages(params[alg.OUTPUT_PDF]) == results[alg.PAGES] == 4 + with_outcomes + 2
    ours, theirs = pdf_text(params[alg.OUTPUT_PDF]), pdf_text(reprint)
    for name in ("Junín", "Pasco"):
        assert name in ours and name in theirs
    # page by page: the same titles in the same order (the fixed pages once, then one page per department)
    first_lines = [[line.strip() for line in page.splitlines() if line.strip()][:1] for page in ours.split("\f")]
    assert first_lines == [[line.strip() for line in page.splitlines() if line.strip()][:1]
                           for page in theirs.split("\f")]
    table = [line for line in ours.splitlines() if "Restoration inside degraded land:" in line]
    assert table and all(line.strip() in theirs for line in table)


def test_charts_are_embedded_svg_pictures_where_qgis_has_no_chart_item(run_alg, four_area_inputs, tmp_path):
    if _chart_item_class() is not None:
        pytest.skip("this QGIS has QgsLayoutItemChart: the charts are chart items (test_chart_items_on_qgis_4)")
    alg = _alg()
    params = report_params(alg, four_area_inputs, tmp_path)
    run_alg(REPORT, params)
    layout = _load_qpt(Path(params[alg.OUTPUT_PDF]).with_suffix(".qpt"))
    for item_id in ("t2r_chart_zones", "t2r_chart_years", "t2r_chart_progress", "t2r_progress"):
        picture = layout.itemById(item_id)
        assert isinstance(picture, QgsLayoutItemPicture), item_id
        path = picture.picturePath()
        assert path.startswith("base64:"), (item_id, path[:80])  # not a file of the deleted work folder
        assert b"<svg" in base64.b64decode(path[len("base64:"):]), item_id


def test_chart_rows_are_the_workbook_rows(run_alg, four_area_inputs, tmp_path):
    alg = _alg()
    params = report_params(alg, four_area_inputs, tmp_path)
    run_alg(REPORT, params)
    data = Path(params[alg.OUTPUT_PDF]).with_name("report_data.gpkg")
    years, _t = sheet(params[alg.OUTPUT_XLSX], "Start years")
    assert _gpkg_rows(data, "chart_years") == [(str(r["Start year"]), pytest.approx(r["Registered area (ha)"]))
                                               for r in years]
    zones, _t = sheet(params[alg.OUTPUT_XLSX], "Departments")
    expected = sorted(((r["Department"], r["Restoration inside degraded land (ha)"]) for r in zones),
                      key=lambda row: -row[1])
    assert _gpkg_rows(data, "chart_zones") == [(name, pytest.approx(ha)) for name, ha in expected]
    assert len(expected) == 2 and expected[0][1] > 0


@needs_poppler
def test_chart_items_on_qgis_4(run_alg, four_area_inputs, tmp_path):
    """Runs only where QGIS has QgsLayoutItemChart (QGIS 4.0+; none of the Debian lines tested here has it)."""
    cls = _chart_item_class()
    if cls is None:
        pytest.skip("QgsLayoutItemChart is not in this QGIS (it comes with QGIS 4.0)")
    alg = _alg()
    params = report_params(alg, four_area_inputs, tmp_path,
                           **{alg.OUTCOMES: _outcomes_csv(four_area_inputs["registry"], tmp_path)})
    results = run_alg(REPORT, params)
    data = Path(params[alg.OUTPUT_PDF]).with_name("report_data.gpkg")
    layout = _load_qpt(Path(params[alg.OUTPUT_PDF]).with_suffix(".qpt"), [
        (f"{data}|layername={table}", table) for table in ("chart_zones", "chart_years", "chart_outcomes")])
    for item_id, table in (("t2r_chart_zones", "chart_zones"), ("t2r_chart_years", "chart_years"),
                           ("t2r_outcome_chart", "chart_outcomes")):
        chart = layout.itemById(item_id)
        assert isinstance(chart, cls), item_id
        assert chart.sourceLayer() is not None and chart.sourceLayer().featureCount() == len(_gpkg_rows(data, table))
    assert len(_render_all(params[alg.OUTPUT_PDF], tmp_path)) == pdf_pages(params[alg.OUTPUT_PDF]) == results[alg.PAGES]


@needs_poppler
@pytest.mark.qgis_process
def test_qgis_process_spanish_outcome_page(qp_es, four_area_inputs, tmp_path):
    from t2restore.translation import format_ha

    alg = _alg()
    params = report_params(alg, four_area_inputs, tmp_path,
                           **{alg.OUTCOMES: _outcomes_csv(four_area_inputs["registry"], tmp_path)})
    code, out, log = qp_es.run(REPORT, **params)
    assert code == 0, log
    text = _words(pdf_text(params[alg.OUTPUT_PDF]))
    assert "Resultados de la restauración medidos por restoration_outcomes en 6 áreas" in text
    assert f"En recuperación: 2 áreas, {format_ha(sum(OUTCOME_HA['recovering']))} ha" in text
    assert pdf_pages(params[alg.OUTPUT_PDF]) == out["results"][alg.PAGES] == 4 + 1 + 2
    assert Path(params[alg.OUTPUT_PDF]).with_name("report_data.gpkg").is_file()


def test_a_foreign_file_where_the_data_goes_is_refused_and_left_alone(run_alg, four_area_inputs, tmp_path):
    import hashlib
    import shutil

    from qgis.core import QgsProcessingException

    alg = _alg()
    foreign = tmp_path / "report_data.gpkg"  # e.g. a user's own GeoPackage named like the report's data
    shutil.copy(four_area_inputs["degraded"], foreign)
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException) as err:
        run_alg(REPORT, report_params(alg, four_area_inputs, tmp_path))
    assert str(foreign) in str(err.value) and "OUTPUT_PDF" in str(err.value)
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    assert not (tmp_path / "report.pdf").exists()
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.qpt"))  # refused before any output
