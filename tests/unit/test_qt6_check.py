"""tools/qt6_check.py: the plugin holds no Qt5-only names, and each rule catches what it is for."""

import configparser
import importlib.util
import subprocess  # nosec B404
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("qt6_check", ROOT / "tools" / "qt6_check.py")
qt6 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qt6)


def rules(text):
    return sorted({f.rule for f in qt6.check_python("snippet.py", text)})


def test_the_plugin_has_no_qt5_only_names_and_declares_qt6():
    found = qt6.check([ROOT])
    assert not found, "\n".join(map(str, found))
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    assert meta["general"].getboolean("supportsQt6") is True


@pytest.mark.parametrize("rule,qt5,qt6_ok", [
    ("Q6001", "from PyQt5.QtCore import Qt", "from qgis.PyQt.QtCore import Qt"),
    ("Q6001", "import PyQt5.QtWidgets", "import qgis.PyQt.QtWidgets"),
    ("Q6002", "dialog.exec_()", "dialog.exec()"),
    ("Q6002", "class D:\n    def exec_(self):\n        pass", "class D:\n    def exec(self):\n        pass"),
    ("Q6003", "label.setAlignment(Qt.AlignLeft | Qt.AlignTop)",
     "label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)"),
    ("Q6003", "if dialog.exec() == QDialog.Accepted:\n    pass",
     "if dialog.exec() == QDialog.DialogCode.Accepted:\n    pass"),
    ("Q6003", "level = Qgis.Warning", "level = Qgis.MessageLevel.Warning"),
    ("Q6003", "kind = QgsProcessing.TypeVectorPolygon", "kind = Qgis.ProcessingSourceType.VectorPolygon"),
    ("Q6004", "button = Qt.MidButton", "button = Qt.MouseButton.MiddleButton"),
    ("Q6005", "from qgis.PyQt.QtWidgets import QAction, QLabel", "from qgis.PyQt.QtGui import QAction"),
    ("Q6005", "from qgis.PyQt.QtWidgets import QUndoStack", "from t2restore.compat import QUndoStack"),
    ("Q6006", "from qgis.PyQt.QtWebKitWidgets import QWebView", "from qgis.PyQt.QtWidgets import QTextBrowser"),
    ("Q6006", "from qgis.PyQt.Qt import Qt", "from qgis.PyQt.QtCore import Qt"),
    ("Q6007", "from qgis.PyQt.QtCore import QRegExp", "from qgis.PyQt.QtCore import QRegularExpression"),
    ("Q6007", "pattern = QRegExp('[0-9]+')", "pattern = QRegularExpression('[0-9]+')"),
    ("Q6008", "qApp.processEvents()", "QApplication.instance().processEvents()"),
    ("Q6009", "from . import resources_rc", "from . import resources"),
    ("Q6010", "combo.activated[str].connect(f)", "combo.textActivated.connect(f)"),
    ("Q6011", "w = label.fontMetrics().width('abc')", "w = label.fontMetrics().horizontalAdvance('abc')"),
    ("Q6012", "value = QVariant()", "value = NULL"),
    ("Q6012", "field = QgsField('n', QVariant.Int)", "field = QgsField('n', QMetaType.Type.Int)"),
    ("Q6013", "d = QDateTime(2024, 1, 2, 3, 4, 5, 0, Qt.TimeSpec.UTC)",
     "d = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt.TimeSpec.UTC)"),
    ("Q6014", "geometry = QApplication.desktop().screenGeometry()",
     "geometry = QApplication.primaryScreen().geometry()"),
    ("Q6015", "menu.addAction(icon, 'Run', self, self.run)", "menu.addAction(action)"),
])
def test_each_rule_flags_qt5_and_accepts_qt6(rule, qt5, qt6_ok):
    assert rule in rules(qt5)
    assert rules(qt6_ok) == []


def test_nested_classes_calls_and_constants_are_not_enums():
    text = ("details = QgsProcessingContext.LayerDetails('n', project)\n"
            "out = QgsProcessing.TEMPORARY_OUTPUT\n"
            "ok = isinstance(x, QgsProcessingContext.LayerDetails)\n"
            "crs = QgsCoordinateReferenceSystem.fromEpsgId(4326)\n"
            "kind = Qgis.ProcessingSourceType.VectorPolygon\n")
    assert rules(text) == []


def test_a_justified_qt5_fallback_is_allowed_by_its_comment():
    text = ("try:\n    from qgis.PyQt.QtGui import QAction\nexcept ImportError:\n"
            "    from qgis.PyQt.QtWidgets import QAction  # qt6: ok (QGIS 3.22)\n")
    assert rules(text) == []
    assert rules(text.replace("  # qt6: ok (QGIS 3.22)", "")) == ["Q6005"]


def test_ui_files_need_fully_scoped_enums():
    qt5 = ('<ui version="4.0"><widget class="QLabel"><property name="alignment">'
           "<set>Qt::AlignLeft|Qt::AlignVCenter</set></property>"
           '<property name="frameShape"><enum>QFrame::StyledPanel</enum></property></widget></ui>')
    found = qt6.check_ui("form.ui", qt5)
    assert [f.rule for f in found] == ["Q6101"] * 3
    scoped = qt5.replace("Qt::Align", "Qt::AlignmentFlag::Align").replace("QFrame::Styled", "QFrame::Shape::Styled")
    assert qt6.check_ui("form.ui", scoped) == []


def test_command_line_fails_on_findings_and_names_them(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PyQt5.QtWidgets import QDialog\nQDialog().exec_()\n", encoding="utf-8")
    (tmp_path / "good.py").write_text("from qgis.PyQt.QtWidgets import QDialog\nQDialog().exec()\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "qt6_check.py"), str(tmp_path)],  # nosec B603
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert f"{bad}:1: Q6001" in proc.stdout and f"{bad}:2: Q6002" in proc.stdout and "good.py" not in proc.stdout
    bad.unlink()
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "qt6_check.py"), str(tmp_path)],  # nosec B603
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "no Qt5-only names" in proc.stdout


def test_names_are_resolved_in_the_qt6_modules_given():
    from types import SimpleNamespace

    qt = SimpleNamespace(AlignmentFlag=SimpleNamespace(AlignLeft=1))
    dialog = SimpleNamespace(DialogCode=SimpleNamespace(Accepted=1), exec=lambda: 1)
    modules = {"QtCore": SimpleNamespace(Qt=qt), "QtWidgets": SimpleNamespace(QDialog=dialog)}
    text = ("from qgis.PyQt.QtCore import Qt, QRegExp\nfrom qgis.PyQt.QtWidgets import QDialog, QAction\n"
            "a = Qt.AlignmentFlag.AlignLeft\nb = QDialog.DialogCode.Acepted\nc = QDialog.exec\n"
            "d = Qt.AlignmentFlag.AlignRight  # qt6: ok (never reached on Qt6)\n")
    found = [f.message for f in qt6.check_names_against("m.py", text, modules)]
    assert found == ["QtCore.QRegExp does not exist in PyQt6", "QtWidgets.QAction does not exist in PyQt6",
                     "QDialog.DialogCode.Acepted does not exist in PyQt6"]
