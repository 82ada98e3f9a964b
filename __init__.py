"""T2 Restore: ecosystem restoration planning and monitoring (KM-GBF Target 2) for QGIS."""


def classFactory(iface):  # noqa: N802 - QGIS plugin entry point
    """Called by QGIS (and qgis_process, with iface None) to create the plugin."""
    from .plugin import T2RestorePlugin

    return T2RestorePlugin(iface)
