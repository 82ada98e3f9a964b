"""The dock's "Report…" button (issue 13): target2_report on the open registry as a task, then the PDF opened.

Only the call that opens the PDF in the system viewer is patched; the report itself is really made.
"""

from pathlib import Path

from case_inputs import make_input
from osgeo import ogr
from test_registry_dock import TASK_TIMEOUT_MS, clean_settings, dock, errors, make_dock, wait  # noqa: F401


def test_report_button_runs_the_report_as_a_task_and_opens_the_pdf(plugin, dock, qtbot, monkeypatch, tmp_path):  # noqa: F811
    from qgis.PyQt.QtGui import QDesktopServices

    from t2restore.registry import samples

    for ini in [samples.sample_initiative(n, areas=2) for n in range(2)]:
        dock.store.save_initiative(ini)
    dock.registry_changed()
    degraded = make_input(tmp_path, "degraded", {"boxes": [[-75.95, -11.85, -75.82, -11.75, {"name": "D"}]]})
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    progress = []
    dock.runner.progress.connect(progress.append)
    assert dock.report.button.isVisibleTo(dock)
    assert dock.report.start(degraded, None, str(tmp_path), "Informe", "GORE Junín", "2025")
    assert dock.busy and dock.progress_row.isVisibleTo(dock)  # a task, with the dock's progress row
    wait(qtbot, dock)
    pdf = tmp_path / "registro_meta2.pdf"
    assert errors(dock) == []
    assert opened == [str(pdf)] and pdf.stat().st_size > 10000
    assert progress and max(progress) > 50
    ds = ogr.Open(str(tmp_path / "registro_meta2.xlsx"))
    assert ds.GetLayerByName("Summary").GetFeatureCount() == 1
    ds = None
    assert Path(dock.report.last_results["OUTPUT_LAYOUT"]).exists()


def test_report_refusal_is_a_message_and_nothing_opens(plugin, dock, qtbot, monkeypatch, tmp_path):  # noqa: F811
    from qgis.PyQt.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    degraded = make_input(tmp_path, "degraded", {"boxes": [[-75.95, -11.85, -75.82, -11.75, {"name": "D"}]]})
    assert dock.report.start(degraded, None, str(blocker))
    wait(qtbot, dock)
    assert opened == []
    assert any("cannot be written to" in text and str(blocker) in text for text in errors(dock)), errors(dock)
    assert not any("Unexpected" in text for text in errors(dock))
