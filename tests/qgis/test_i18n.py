"""Spanish translation: complete, compiled, loaded by locale, used by algorithms and errors."""

import subprocess  # nosec B404
import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsApplication, QgsProcessingException
from qgis.PyQt.QtCore import QSettings
from rasters import write_raster

ROOT = Path(__file__).resolve().parents[2]


def test_every_source_string_has_a_finished_spanish_translation():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],  # nosec B603
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout


def test_extractor_finds_marked_strings(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    src = tmp_path / "x.py"
    src.write_text('tr("Uno")\nself.tr("Dos")\nN_("Tres " "cuatro")\nprint("no")\n', encoding="utf-8")
    assert [t for t, _ in i18n.strings_in(src)] == ["Uno", "Dos", "Tres cuatro"]
    assert i18n.missing({"Uno": []}, {"Uno": ("", False)}) == ["Uno"]
    assert i18n.missing({"Uno": []}, {"Uno": ("Uno", True)}) == []


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


def test_locale_es_pe_loads_spanish(spanish):
    assert spanish == "t2restore_es.qm"
    # a fresh instance, as QGIS creates when it opens the dialog or runs the algorithm
    alg = QgsApplication.processingRegistry().createAlgorithmById("t2restore:ldn_degradation")
    assert alg.displayName() == "Degradación, ODS 15.3.1 (uno fuera, todos fuera)"
    assert alg.group() == "Degradación"
    labels = {p.name(): p.description() for p in alg.parameterDefinitions()}
    assert labels["LC_BASELINE"] == "Cobertura del suelo, línea base"
    assert "Guía de Buenas Prácticas" in alg.shortHelpString()


def test_algorithm_error_in_spanish(spanish, tmp_path, run_alg):
    path = write_raster(tmp_path / "lc.tif", np.ones((3, 3), np.uint8), nodata=0)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ldn_degradation", {"LC_BASELINE": path, "LC_TARGET": path,
                                              "LC_RECODE": [2, 1], "OUTPUT": str(tmp_path / "d.tif")})
    assert ("La tabla de reclasificación de cobertura no tiene fila para las clases halladas en LC_BASELINE; "
            "clases (píxeles): 1 (9)") in str(err.value)


def test_algorithm_log_in_spanish(spanish, tmp_path, run_alg):
    from qgis.core import QgsProcessingFeedback

    class Capture(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

    path = write_raster(tmp_path / "lpd.tif", np.array([[1, 5]], np.uint8), nodata=0)
    feedback = Capture()
    run_alg("t2restore:ldn_degradation", {"PRODUCTIVITY": path, "OUTPUT": str(tmp_path / "d.tif")}, feedback)
    assert "Subindicadores usados: productividad." in feedback.lines
    assert (tmp_path / "d.qml").read_text(encoding="utf-8").count('label="Degradada"') == 1

