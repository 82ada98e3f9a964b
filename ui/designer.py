"""Layouts described in Qt Designer ``.ui`` files (ui/forms/), loaded with ``uic.loadUiType``.

The ``.ui`` files hold layout and fixed texts only: no signal/slot connections and no enum or set
properties (Qt5's and Qt6's uic spell those differently); behaviour is wired in Python. Their
``<class>`` is ``T2Restore``, the plugin's one translation context, so the texts are translated
with the rest of the plugin (``tools/i18n.py`` extracts them). The plugin's own widgets stand in the
files as plain ``QWidget`` placeholders that ``replace_placeholder`` swaps for the real widget: no
custom-widget header has to resolve to a module, whatever folder the plugin is installed in.
"""

import functools
from pathlib import Path

from qgis.PyQt import uic

FORMS = Path(__file__).resolve().parent / "forms"


@functools.lru_cache(maxsize=None)
def form_class(name):
    """The generated form class of ``ui/forms/<name>.ui``."""
    return uic.loadUiType(str(FORMS / f"{name}.ui"))[0]


def load_form(name, owner, widget=None):
    """Lay out ``widget`` (a new QWidget when None) from ``<name>.ui``; every named object of the
    file becomes an attribute of ``owner``. Returns the laid-out widget."""
    if widget is None:
        from qgis.PyQt.QtWidgets import QWidget

        widget = QWidget()
    ui = form_class(name)()
    ui.setupUi(widget)
    for attribute, value in vars(ui).items():
        setattr(owner, attribute, value)
    return widget


def replace_placeholder(owner, name, widget):
    """Put ``widget`` where the placeholder ``owner.<name>`` is laid out, under the same name."""
    placeholder = getattr(owner, name)
    parent = placeholder.parentWidget()
    widget.setObjectName(name)
    item = parent.layout().replaceWidget(placeholder, widget)
    if item is None:
        raise LookupError(f"placeholder {name} is not in a layout of {parent.objectName()}")
    del item
    placeholder.hide()
    placeholder.setParent(None)
    placeholder.deleteLater()
    setattr(owner, name, widget)
    return widget
