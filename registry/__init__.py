"""Initiative registry: schema, vocabularies, storage, validation and FERM interchange.

Depends only on OGR / GDAL (and, later, QGIS core); never on the dock, so that the Processing
algorithms and batch scripts can use the same code headless.
"""
