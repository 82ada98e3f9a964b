"""The command line of ``python3 -m t2restore`` (``__main__.py``): commands and their inputs, without QGIS."""
