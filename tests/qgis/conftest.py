"""QGIS fixtures: the plugin loaded once through classFactory, as QGIS does."""

import sys

import pytest

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_processing):
    """The T2 Restore plugin, created through classFactory with iface None (like qgis_process)."""
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    import t2restore

    instance = t2restore.classFactory(None)
    instance.initProcessing()
    yield instance
    instance.unload()


@pytest.fixture
def run_alg(plugin):
    """processing.run with a fresh context; returns the results dict."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    import processing

    def _run(alg_id, params, feedback=None):
        context = QgsProcessingContext()
        return processing.run(alg_id, params, context=context, feedback=feedback or QgsProcessingFeedback())

    return _run
