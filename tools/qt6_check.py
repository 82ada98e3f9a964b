#!/usr/bin/env python3
"""Scan the plugin's .py and .ui files for names and APIs that exist in Qt5 / PyQt5 only (QGIS 4 is Qt6).

    python3 tools/qt6_check.py [PATH ...]      (default: the plugin folder; exit status 1 on findings)

The rules follow what QGIS's migration script scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py rewrites or
warns about, checked statically with the standard library only (no PyQt6 needed):

  Q6001 PyQt5 imported directly                    -> import from qgis.PyQt
  Q6002 exec_() called or defined                   -> exec()
  Q6003 unscoped enum value (Qt.AlignLeft)          -> scoped (Qt.AlignmentFlag.AlignLeft)
  Q6004 enum value removed in Qt6 (Qt.MidButton)    -> its new name
  Q6005 QAction, QActionGroup, QShortcut, QUndo*, QFileSystemModel imported from QtWidgets
                                                    -> from qgis.PyQt.QtGui (moved in Qt6)
  Q6006 module removed in Qt6 (QtWebKit, QtXmlPatterns, QtScript) or qgis.PyQt.Qt
  Q6007 class removed in Qt6 (QRegExp, QDesktopWidget, QTextCodec, ...)
  Q6008 qApp                                        -> QApplication.instance()
  Q6009 compiled resources (resources_rc)           -> load icons by file path
  Q6010 signal overload by type (activated[str])    -> textActivated / the plain signal
  Q6011 QFontMetrics.width()                        -> horizontalAdvance()
  Q6012 QVariant() as NULL, QVariant.Type.X         -> qgis.core NULL, QVariant.X / QMetaType.Type.X
  Q6013 QDateTime(y, m, d, h, mi, s, ms, spec) or QDateTime(QDate(...))
  Q6014 QApplication.desktop()                      -> QScreen
  Q6015 addAction(icon, text, receiver, slot)       -> create the QAction, then addAction(action)
  Q6101 .ui file: enum or set value not fully scoped (Qt::AlignLeft -> Qt::AlignmentFlag::AlignLeft)

Unscoped enums are recognised without PyQt6's enum tables: ``Class.Name`` where Class is a Qt or
QGIS class (Q..., Qgs..., Qgis, Qt), Name starts with a capital and is not a constant in capitals,
the expression is neither called nor followed by another attribute. Nested classes that are not
enums are listed in NESTED_CLASSES. A line that must keep a Qt5 name (a fallback for old QGIS inside
a try/except) carries the comment ``# qt6: ok (reason)``.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", ".git", "build", "dist", "bench", "__pycache__", ".pytest_cache", "demo_output", "i18n"}
PRAGMA = re.compile(r"#.*\bqt6:\s*ok\b")
QT_CLASS = re.compile(r"^(Qt|Qgis|Qgs[A-Z][A-Za-z0-9_]*|Q[A-Z][A-Za-z0-9_]*)$")
CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]+$")
# nested classes and class attributes that are not enum values (they may be used without a member)
NESTED_CLASSES = {
    "QgsProcessingContext.LayerDetails", "QgsProcessingGuiUtils.ResultLayerDetails", "QgsProcessing.TEMPORARY_OUTPUT",
    "QgsTask.Flags", "QgsRasterFileWriter.WriterError", "QMetaType.Type", "QgsFeatureRequest.Flags",
}
RENAMED = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoGroup", "QUndoStack",
                  "QFileSystemModel"}
REMOVED_MODULES = {"QtWebKit", "QtWebKitWidgets", "QtXmlPatterns", "QtScript", "QtScriptTools", "Qt"}
REMOVED_CLASSES = {
    "QRegExp": "QRegularExpression", "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QGuiApplication.screens())", "QTextCodec": "Python str/bytes",
    "QMatrix": "QTransform", "QGLWidget": "QOpenGLWidget", "QWebView": "QTextBrowser or the system browser",
    "QStringRef": "str", "QLinkedList": "list",
}


class Finding:
    def __init__(self, path, line, rule, message):
        self.path, self.line, self.rule, self.message = str(path), line, rule, message

    def __str__(self):
        return f"{self.path}:{self.line}: {self.rule} {self.message}"

    def __repr__(self):
        return f"Finding({self})"


class _Visitor(ast.NodeVisitor):
    def __init__(self, path):
        self.path = path
        self.found = []
        self.parents = {}

    def add(self, node, rule, message):
        self.found.append(Finding(self.path, node.lineno, rule, message))

    def generic_visit(self, node):
        for child in ast.iter_child_nodes(node):
            self.parents[child] = node
        super().generic_visit(node)

    def visit_Import(self, node):  # noqa: N802 - ast API
        for alias in node.names:
            self._module(node, alias.name)
        self.generic_visit(node)

    def visit_ImportFrom(self, node):  # noqa: N802
        module = node.module or ""
        self._module(node, module)
        names = {alias.name for alias in node.names}
        if module.endswith("QtWidgets"):
            for name in sorted(names & MOVED_TO_QTGUI):
                self.add(node, "Q6005", f"{name} moved to QtGui in Qt6: import it from qgis.PyQt.QtGui "
                                        "(through compat.py where QGIS 3.22 must still find it in QtWidgets)")
        for name in sorted(names & set(REMOVED_CLASSES)):
            self.add(node, "Q6007", f"{name} is removed in Qt6: use {REMOVED_CLASSES[name]}")
        if "qApp" in names:
            self.add(node, "Q6008", "qApp is removed in PyQt6: use QApplication.instance()")
        if "resources_rc" in names or module.endswith("resources_rc"):
            self.add(node, "Q6009", "compiled resources are not supported with Qt6: load icons by file path")
        self.generic_visit(node)

    def _module(self, node, module):
        parts = module.split(".")
        if parts[0] == "PyQt5":
            self.add(node, "Q6001", f"{module} imported directly: import from qgis.PyQt instead")
        if parts[-1] in REMOVED_MODULES and ("PyQt" in parts or "PyQt5" in parts):
            self.add(node, "Q6006", f"{module} does not exist with Qt6 (QtWebKit, QtXmlPatterns, QtScript and "
                                    "qgis.PyQt.Qt are gone): use QtCore/QtGui/QtWidgets or QTextBrowser")
        if parts[-1] == "resources_rc":
            self.add(node, "Q6009", "compiled resources are not supported with Qt6: load icons by file path")

    def visit_FunctionDef(self, node):  # noqa: N802
        if node.name == "exec_":
            self.add(node, "Q6002", "exec_() is removed in PyQt6: define and call exec()")
        self.generic_visit(node)

    def visit_Call(self, node):  # noqa: N802
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr == "exec_":
                self.add(node, "Q6002", "exec_() is removed in PyQt6: call exec()")
            elif func.attr == "desktop" and not node.args:
                self.add(node, "Q6014", "QApplication.desktop() (QDesktopWidget) is removed in Qt6: use QScreen")
            elif func.attr == "addAction" and len(node.args) >= 4:
                self.add(node, "Q6015", "addAction(icon, text, receiver, slot) is fragile under Qt6: create "
                                        "the QAction, then addAction(action)")
            elif func.attr == "width" and _is_font_metrics(func.value):
                self.add(node, "Q6011", "QFontMetrics.width() is removed in Qt6: use horizontalAdvance()")
        if isinstance(func, ast.Name) and func.id == "QVariant":
            if not node.args or (len(node.args) == 1 and _is_attr_of(node.args[0], "QVariant")):
                self.add(node, "Q6012", "QVariant() as a null value: use NULL from qgis.core")
        if isinstance(func, ast.Name) and func.id == "QDateTime":
            if len(node.args) == 8 or (len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                                       and isinstance(node.args[0].func, ast.Name)
                                       and node.args[0].func.id == "QDate"):
                self.add(node, "Q6013", "this QDateTime constructor is removed in Qt6: use "
                                        "QDateTime(QDate(...), QTime(...))")
        self.generic_visit(node)

    def visit_Subscript(self, node):  # noqa: N802
        if isinstance(node.value, ast.Attribute) and isinstance(node.slice, ast.Name) and node.slice.id == "str":
            self.add(node, "Q6010", f"{node.value.attr}[str] signal overloads are removed in Qt6: use "
                                    "textActivated / currentTextChanged or the plain signal")
        self.generic_visit(node)

    def visit_Name(self, node):  # noqa: N802
        if node.id == "qApp":
            self.add(node, "Q6008", "qApp is removed in PyQt6: use QApplication.instance()")
        elif node.id in REMOVED_CLASSES and isinstance(node.ctx, ast.Load):
            self.add(node, "Q6007", f"{node.id} is removed in Qt6: use {REMOVED_CLASSES[node.id]}")

    def visit_Attribute(self, node):  # noqa: N802
        self.generic_visit(node)
        if not isinstance(node.value, ast.Name):
            return
        owner, name = node.value.id, node.attr
        if (owner, name) in RENAMED:
            self.add(node, "Q6004", f"{owner}.{name} is removed in Qt6: use {RENAMED[(owner, name)]}")
            return
        if owner == "QVariant" and name == "Type":
            parent = self.parents.get(node)
            if isinstance(parent, ast.Attribute):
                self.add(node, "Q6012", "QVariant.Type.X does not exist: use QMetaType.Type.X")
            return
        if owner == "QVariant" and name[:1].isupper():
            self.add(node, "Q6012", f"QVariant.{name} is removed in PyQt6: use QMetaType.Type "
                                    "(compat.field() picks the right one)")
            return
        if not QT_CLASS.match(owner) or not name[:1].isupper() or CONSTANT.match(name):
            return
        if f"{owner}.{name}" in NESTED_CLASSES or _scoped_or_called(node, self.parents.get(node)):
            return
        self.add(node, "Q6003", f"unscoped enum {owner}.{name}: PyQt6 needs the enum's name "
                                f"({owner}.<Enum>.{name})")


def _scoped_or_called(node, parent):
    """True when ``Class.Name`` is followed by ``.member`` or called (a nested class, not a value)."""
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return True
    return isinstance(parent, ast.Call) and parent.func is node


def _is_attr_of(node, owner):
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == owner


def _is_font_metrics(node):
    if isinstance(node, ast.Call):
        func = node.func
        return (isinstance(func, ast.Attribute) and func.attr == "fontMetrics") or (
            isinstance(func, ast.Name) and func.id in ("QFontMetrics", "QFontMetricsF"))
    return False


def check_python(path, text=None):
    """Findings of one Python file (``text`` overrides reading ``path``)."""
    text = Path(path).read_text(encoding="utf-8") if text is None else text
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError as err:
        return [Finding(path, err.lineno or 0, "Q6000", f"cannot be parsed: {err.msg}")]
    visitor = _Visitor(path)
    visitor.visit(tree)
    lines = text.splitlines()
    return [f for f in visitor.found if not (0 < f.line <= len(lines) and PRAGMA.search(lines[f.line - 1]))]


UI_VALUE = re.compile(r"<(enum|set)>([^<]*)</\1>")


def check_ui(path, text=None):
    """Findings of one Qt Designer .ui file: enum and set values must be Class::Enum::Value."""
    text = Path(path).read_text(encoding="utf-8") if text is None else text
    found = []
    for match in UI_VALUE.finditer(text):
        for value in match.group(2).split("|"):
            value = value.strip()
            if value.count("::") == 1:
                line = text.count("\n", 0, match.start()) + 1
                found.append(Finding(path, line, "Q6101", f"{value} is not fully scoped: Qt6's uic needs "
                                                          "Class::Enum::Value (Qt Designer 6 writes it)"))
    return found


def iter_files(paths):
    for base in paths:
        base = Path(base)
        if base.is_file():
            yield base
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in (".py", ".ui") and not (SKIP_DIRS & set(path.relative_to(base).parts[:-1])):
                yield path


def check(paths=(ROOT,)):
    """All findings under ``paths`` (files or folders)."""
    found = []
    for path in iter_files(paths):
        found.extend(check_ui(path) if path.suffix == ".ui" else check_python(path))
    return found


def _chain(node):
    """['Qt', 'AlignmentFlag', 'AlignLeft'] of an attribute chain rooted at a name, else None."""
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    return [node.id] + names[::-1] if isinstance(node, ast.Name) else None


def check_names_against(path, text, modules):
    """Q6201 findings: names imported from qgis.PyQt.<Module>, and attribute chains on them
    (Qt.AlignmentFlag.AlignLeft, QDialog.DialogCode.Accepted), that ``modules`` ({"QtCore": module})
    does not have. With PyQt6's modules this proves the scoped names exist under Qt6."""
    tree = ast.parse(text, filename=str(path))
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            child._parent = parent
    lines = text.splitlines()
    origin, found = {}, []

    def missing(node, what):
        if not PRAGMA.search(lines[node.lineno - 1]):
            found.append(Finding(path, node.lineno, "Q6201", f"{what} does not exist in PyQt6"))

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.PyQt."):
            module = modules.get(node.module.split(".")[2])
            for alias in node.names:
                if module is not None and not hasattr(module, alias.name):
                    missing(node, f"{node.module.split('.')[2]}.{alias.name}")
                elif module is not None:
                    origin[alias.asname or alias.name] = getattr(module, alias.name)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or isinstance(getattr(node, "_parent", None), ast.Attribute):
            continue
        chain = _chain(node)
        if not chain or chain[0] not in origin:
            continue
        obj = origin[chain[0]]
        for depth, name in enumerate(chain[1:], start=1):
            if not hasattr(obj, name):
                missing(node, ".".join(chain[:depth + 1]))
                break
            obj = getattr(obj, name)
    return sorted({(f.line, f.message): f for f in found}.values(), key=lambda f: f.line)


def check_pyqt6(paths=(ROOT,)):
    """Q6201 findings of the .py files under ``paths`` against the PyQt6 importable here."""
    import importlib

    modules = {}
    for name in ("QtCore", "QtGui", "QtWidgets", "QtXml", "QtNetwork", "QtSvg", "QtPrintSupport", "QtSql", "QtTest"):
        try:
            modules[name] = importlib.import_module(f"PyQt6.{name}")
        except ImportError:
            continue
    if "QtCore" not in modules:
        raise SystemExit("qt6_check --pyqt6: PyQt6 is not importable by this Python (make qt6-pyqt6 installs it)")
    found = []
    for path in iter_files(paths):
        if path.suffix == ".py":
            found.extend(check_names_against(path, path.read_text(encoding="utf-8"), modules))
    return found


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    pyqt6 = "--pyqt6" in argv
    paths = [a for a in argv if a != "--pyqt6"] or [str(ROOT)]
    found = check(paths) + (check_pyqt6(paths) if pyqt6 else [])
    for finding in found:
        print(finding)
    print(f"qt6_check: {len(found)} Qt5-only use(s) found" if found else "qt6_check: no Qt5-only names found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
