def test_provider_registered(plugin):
    from qgis.core import QgsApplication

    assert QgsApplication.processingRegistry().algorithmById("t2restore:ldn_degradation") is not None
