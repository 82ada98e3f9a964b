"""The plugin object QGIS creates: Processing provider, menu entry, translation."""

from qgis.core import QgsApplication

from .translation import install_translator, remove_translator, tr

MENU = "&T2 Restore"


class T2RestorePlugin:
    """Works in the QGIS desktop and under ``qgis_process`` (where ``iface`` is None)."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.registry_dock = None
        install_translator()

    def initProcessing(self):  # noqa: N802 - QGIS API name
        """Register the Processing provider; never touches ``iface``."""
        if self.provider is not None:
            return
        from .processing.provider import T2RestoreProvider

        self.provider = T2RestoreProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - QGIS API name
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon

        from .compat import QAction
        from .processing.provider import ICON

        action = QAction(QIcon(str(ICON)), tr("Degradation (SDG 15.3.1)..."), self.iface.mainWindow())
        action.setObjectName("t2restore_ldn_degradation")
        action.triggered.connect(self.open_ldn_dialog)
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        self._init_registry_dock()

    def _init_registry_dock(self):
        """The "Initiative registry" dock, hidden until its menu entry (its toggle action) is used."""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QIcon

        from .processing.provider import ICON
        from .ui.registry_dock import RegistryDock

        dock = RegistryDock(self.iface, parent=self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        toggle = dock.toggleViewAction()
        toggle.setText(tr("Initiative registry"))
        toggle.setIcon(QIcon(str(ICON)))
        toggle.setObjectName("t2restore_registry_dock")
        self.iface.addPluginToMenu(MENU, toggle)
        self.registry_dock = dock

    def _unload_registry_dock(self):
        dock, self.registry_dock = self.registry_dock, None
        if dock is None:
            return
        if self.iface is not None:
            self.iface.removePluginMenu(MENU, dock.toggleViewAction())
            self.iface.removeDockWidget(dock)
        dock.unload()
        dock.deleteLater()

    def open_ldn_dialog(self):
        from processing import execAlgorithmDialog

        execAlgorithmDialog("t2restore:ldn_degradation", {})

    def unload(self):
        self._unload_registry_dock()
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
