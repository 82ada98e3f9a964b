"""Guards every algorithm's outputs get from the base class (processing/base.py).

- ``check_destinations``: before any work, every destination is compared with every input (raster,
  vector, file and multi-layer parameters, ``path|layername=...`` sources, the registry file) and
  with the other destinations, by real path and ``samefile``. Writing an output over an input
  destroys the input (a GeoTIFF replaced by classes; a GeoPackage replaced by a file holding only
  the new table), so the run is refused with both parameters and the file named. The one safe case
  is kept: an ``ogr:dbname='x.gpkg' table="t"`` destination appends the table ``t`` to the
  GeoPackage and leaves its other layers alone (checked on QGIS 3.22), so it is refused only when
  ``t`` is the input's own layer.
- ``CheckedSink``: a feature sink whose ``addFeature`` raises instead of returning False, so a table
  that could not be written never reports success (QGIS's own algorithms fail there too).
"""

import os
import re

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
)

from ..translation import tr

_INPUT_TYPES = {"raster", "vector", "source", "file", "multilayer", "layer", "mesh", "pointcloud"}
_DB_PREFIXES = ("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:", "ogr:")


def _static(value, context):
    """The plain text of a parameter value (output definitions and properties evaluated)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    elif isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if hasattr(value, "valueAsString"):  # QgsProperty
        result = value.valueAsString(context.expressionContext(), "")
        value = result[0] if isinstance(result, tuple) else result
    if hasattr(value, "source") and callable(value.source):  # a layer object
        value = value.source()
    return "" if value is None else str(value).strip()


def destination_file(text):
    """(path, layer name or None) of a destination, or None for temporary, memory and database outputs."""
    if not text or text == QgsProcessing.TEMPORARY_OUTPUT:
        return None
    if text.startswith("ogr:"):
        match = re.search(r"dbname='((?:[^'\\]|\\.)*)'", text)
        table = re.search(r'table="((?:[^"\\]|\\.)*)"', text)
        return (match.group(1), table.group(1) if table else None) if match else None
    if text.lower().startswith(_DB_PREFIXES):
        return None
    path, _sep, rest = text.partition("|")
    layer = re.search(r"layername=([^|]+)", rest)
    return path, layer.group(1) if layer else None


def _layer_file(layer):
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    return (path, parts.get("layerName") or None) if path else None


def _input_files(alg, definition, parameters, context):
    """[(path, layer name or None)] of the files an input parameter reads."""
    name, kind = definition.name(), definition.type()
    if parameters.get(name) is None:
        return []
    if kind == "file":
        path = alg.parameterAsFile(parameters, name, context)
        return [(path, None)] if path else []
    if kind == "multilayer":
        layers = alg.parameterAsLayerList(parameters, name, context)
        if not layers:  # a list of plain files
            return [destination_file(str(v)) for v in (parameters.get(name) or []) if destination_file(str(v))]
        return [f for f in (_layer_file(layer) for layer in layers) if f]
    getter = {"raster": alg.parameterAsRasterLayer, "vector": alg.parameterAsVectorLayer,
              "source": alg.parameterAsVectorLayer}.get(kind, alg.parameterAsLayer)
    layer = getter(parameters, name, context)
    found = _layer_file(layer) if layer is not None else destination_file(_static(parameters.get(name), context))
    return [found] if found else []


def _same_file(a, b):
    if os.path.exists(a) and os.path.exists(b):
        try:
            return os.path.samefile(a, b)
        except OSError:
            return False
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _label(definition):
    return f"{definition.description()} ({definition.name()})"


def check_destinations(alg, parameters, context):
    """Refuse, before any work, a destination that is an input's file or another destination's file."""
    outputs, inputs = [], []
    for definition in alg.parameterDefinitions():
        if definition.isDestination():
            if definition.type() == "folderDestination":
                continue
            found = destination_file(_static(parameters.get(definition.name()), context))
            if found:
                outputs.append((definition, found))
        elif definition.type() in _INPUT_TYPES:
            try:
                inputs += [(definition, f) for f in _input_files(alg, definition, parameters, context)]
            except Exception:  # noqa: BLE001, S112 - an input QGIS cannot resolve here is compute's to refuse
                continue
    for i, (out_def, (out_path, out_layer)) in enumerate(outputs):
        for in_def, (in_path, in_layer) in inputs:
            appends = out_layer is not None and in_layer is not None and out_layer != in_layer
            if _same_file(out_path, in_path) and not appends:
                raise QgsProcessingException(tr(
                    "The output {output} would overwrite the input {input}: both are {path}. Choose another file "
                    "for {output}; nothing was written.").format(
                        output=_label(out_def), input=_label(in_def), path=in_path))
        for other_def, (other_path, _layer) in outputs[i + 1:]:
            if _same_file(out_path, other_path):
                raise QgsProcessingException(tr(
                    "The outputs {output} and {other} are the same file {path}; one would overwrite the other. "
                    "Choose a different file for each.").format(
                        output=_label(out_def), other=_label(other_def), path=out_path))


def requested(value, context):
    """Whether an output parameter's value asks for an output (rather than skipping it)."""
    return bool(_static(value, context))


class CheckedSink:
    """Wraps a QgsFeatureSink: a write that fails raises a translated QgsProcessingException."""

    def __init__(self, sink, definition, dest):
        self._sink, self._definition, self._dest = sink, definition, dest

    def __getattr__(self, name):
        return getattr(self._sink, name)

    def _failed(self):
        error = self._sink.lastError() if hasattr(self._sink, "lastError") else ""
        return QgsProcessingException(tr(
            "Could not write to the output {output} ({dest}): {error}. Check that its folder exists and can be "
            "written to and that the disk has space, or choose another file.").format(
                output=_label(self._definition), dest=self._dest, error=error or tr("the write was refused")))

    def addFeature(self, feature, *args):  # noqa: N802 - QGIS API name
        if not self._sink.addFeature(feature, *args):
            raise self._failed()
        return True

    def addFeatures(self, features, *args):  # noqa: N802 - QGIS API name
        result = self._sink.addFeatures(features, *args)
        if not (result[0] if isinstance(result, tuple) else result):
            raise self._failed()
        return result
