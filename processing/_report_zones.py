"""Default zones of the Target 2 report: the departments of the registry's administrative layer (issue 13).

The registry's areas get their department from one administrative layer (INEI limits, or any polygon
layer with a department field) that the user chooses once in the registry dock (``ui/admin_units.py``;
kept in ``PluginSettings.admin_layer``). When the report runs on a registry and ZONES is not given, its
department pages come from that layer, dissolved by its department field (a district layer gives one
page per department, not per district). A PostGIS registry, shared by an office and run by qgis_process on
servers without a dock, can name its administrative layer itself for every user (its database setting
``t2restore.admin_layer``, ``registry/admin_setting.py``, read through ``RegistryStore.admin_layer``): that
layer is used first. Without any such layer the report keeps having no department pages, and the log says why.
"""

import json
import os

from qgis.core import QgsVectorLayer

from ..algorithms.errors import T2Error
from ..registry.admin_units import AdminConfig
from ..registry.store import open_registry
from ..settings import PluginSettings
from ..translation import tr

ZONES_ORIGIN = "ZONES_DEFAULT"  # provenance key: where the default zones came from


def admin_config():
    """The administrative layer remembered by the registry dock (an empty config when none was chosen)."""
    text = PluginSettings.load().admin_layer
    try:
        return AdminConfig(**json.loads(text)) if text else AdminConfig()
    except (TypeError, ValueError):
        return AdminConfig()


def registry_config(registry, feedback):
    """(AdminConfig, label for messages) of the administrative layer the registry names itself (a PostGIS
    registry's database setting), or None (a GeoPackage registry, or none set; a broken setting is logged)."""
    try:
        with open_registry(registry, migrate=False) as store:
            found = store.admin_layer()
    except T2Error as error:
        feedback.reportError(error.message(tr), fatalError=False)
        return None
    if not found:
        return None
    return AdminConfig(source=found["source"], provider=found["provider"], fields=found["fields"]), found["label"]


def _admin_layer(config, feedback, label=None):
    """The administrative layer of ``config`` with its department field, or None (the reason logged; named
    by ``label``, never by a source that may hold a password)."""
    field = config.fields.get("department") if isinstance(config.fields, dict) else None
    if not config.source or not field:
        feedback.pushInfo(tr("No ZONES were given and no administrative layer with a department field is chosen "
                             "for the registry: the report has no department pages. Give ZONES, or choose the "
                             "administrative layer in the registry dock."))
        return None, field
    layer = QgsVectorLayer(config.source, "admin", config.provider or "ogr")
    if not layer.isValid() or layer.fields().indexOf(field) < 0:
        feedback.reportError(tr("The administrative layer {source} chosen for the registry cannot be opened or has "
                                "no field {field}: the report has no department pages. Choose the layer again in "
                                "the registry dock, or give ZONES.").format(source=label or config.source,
                                                                            field=field), fatalError=False)
        return None, field
    return layer, field


def department_zones(config, context, feedback, workdir, label=None):
    """(path, name field) of the departments dissolved from the administrative layer, or None."""
    import processing  # QGIS's Processing plugin (absolute import: not this package)

    layer, field = _admin_layer(config, feedback, label)
    if layer is None:
        return None
    fixed = processing.run("native:fixgeometries", {"INPUT": layer, "OUTPUT": os.path.join(workdir, "admin.gpkg")},
                           context=context, is_child_algorithm=True)["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": fixed, "FIELD": [field],
                                                   "OUTPUT": os.path.join(workdir, "departments.gpkg")},
                               context=context, is_child_algorithm=True)["OUTPUT"]
    feedback.pushInfo(tr("No ZONES were given: the department pages come from the registry's administrative "
                         "layer {source}, dissolved by its field {field}.").format(source=label or config.source,
                                                                                  field=field))
    return dissolved, field


def with_default_zones(alg, parameters, context, feedback, workdir, registry):
    """``parameters`` with ZONES / ZONE_FIELD set to the registry's departments when ZONES is not given."""
    if parameters.get(alg.ZONES) not in (None, "") or not registry:
        return parameters
    config, label = registry_config(registry, feedback) or (admin_config(), None)
    found = department_zones(config, context, feedback, workdir, label)
    if found is None:
        return parameters
    path, field = found
    return dict(parameters, **{alg.ZONES: path, alg.ZONE_FIELD: field,
                               ZONES_ORIGIN: f"{label or config.source} ({field})"})
