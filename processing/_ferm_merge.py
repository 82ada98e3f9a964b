"""The FERM merge of ``t2restore:import_initiatives``: FERM-compatible GeoPackages made by T2 Restore
merged whole by uuid through ``registry.ferm.merge_files`` (the dock's ``import_ferm``, one file at a
time, one transaction per file), with its log, counts and conflict table."""

import os
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProperty,
)

from .. import compat
from ..registry import ferm, ferm_source
from ..registry.store import open_or_create
from ..registry.validate import validate_store
from ..translation import tr

CONFLICT_FIELDS = ("uuid", "title", "file", "fields", "action", "areas", "owners")
MAX_LOGGED_CONFLICTS = 200
# ON_CONFLICT option -> import_ferm's on_conflict
ON_CONFLICT_OPTIONS = {"keep-registry": "keep", "take-file": "replace"}
DEFAULT_ON_CONFLICT = "keep-registry"
ACTIONS = {"kept registry": "kept-registry", "replaced": "took-file", "skipped": "skipped"}


def layer_location(value, context):
    """The data source text of a layer parameter's raw value (a path, layer id or name, layer object)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source()
    text = str(value or "").strip()
    if not text or Path(text.split("|", 1)[0]).is_file():
        return text
    layer = QgsProcessingUtils.mapLayerFromString(text, context, False)
    return layer.source() if layer is not None else text


def package_inputs(alg, parameters, context):
    """The FERM-compatible GeoPackages to merge: every INPUTS file, and INPUT when it is (a layer of) one.

    A file of INPUTS that is no T2 Restore GeoPackage, or a plain layer given as INPUT beside INPUTS,
    is refused naming it.
    """
    files = [str(f) for f in alg.parameterAsFileList(parameters, alg.INPUTS, context) or [] if str(f or "").strip()]
    single = layer_location(parameters.get(alg.INPUT), context)
    if single and ferm_source.is_ferm_package(single):
        files.insert(0, single)
    elif single and files:
        raise QgsProcessingException(tr(
            "INPUT ({layer}) is not a FERM-compatible GeoPackage made by T2 Restore, and INPUTS holds such files: "
            "merge the GeoPackages in one run (INPUTS) and import the plain layer in another (INPUT with "
            "FIELD_MAPPING).").format(layer=single))
    return files


def check_files(files, registry):
    """Each file checked (``ferm_source.check_package``) before the registry is opened or created."""
    checked = []
    for name in files:
        path, _version = ferm_source.check_package(name)
        if registry and ferm.same_file(str(path), str(registry)):
            raise QgsProcessingException(tr(
                "{path} is the registry itself; it cannot be merged into itself. Remove it from INPUT/INPUTS."
            ).format(path=str(path)))
        checked.append(path)
    return checked


def log_file(feedback, path, result):
    feedback.pushInfo(tr(
        "{file}: {areas} areas; initiatives: {inserted} added, {unchanged} unchanged, {replaced} replaced, "
        "{conflicts} conflicts, {skipped} skipped.").format(
            file=str(path), areas=result.areas, inserted=len(result.inserted), unchanged=len(result.unchanged),
            replaced=len(result.replaced), conflicts=len(result.conflicts), skipped=len(result.skipped)))


def log_conflicts(feedback, conflicts):
    """One warning per conflict (at most MAX_LOGGED_CONFLICTS)."""
    texts = {
        "kept registry": tr("\"{title}\" ({uuid}) from {file} differs from the registry's in {fields}; the "
                            "registry's version was kept."),
        "replaced": tr("\"{title}\" ({uuid}) from {file} differs from the registry's in {fields}; the file's "
                       "version replaced it."),
        "skipped": tr("\"{title}\" ({uuid}) from {file} was not merged: its areas {areas} belong to another "
                      "initiative of the registry ({owners})."),
    }
    for conflict in conflicts[:MAX_LOGGED_CONFLICTS]:
        feedback.pushWarning(texts[conflict.resolution].format(
            title=conflict.title, uuid=conflict.uuid, file=conflict.file, fields=", ".join(conflict.fields),
            areas=", ".join(conflict.areas), owners=", ".join(conflict.owners)))
    if len(conflicts) > MAX_LOGGED_CONFLICTS:
        feedback.pushWarning(tr("{count} more conflicts not listed; see the conflict table (CONFLICTS_TABLE).").format(
            count=len(conflicts) - MAX_LOGGED_CONFLICTS))


def conflict_sink(alg, parameters, context):
    """(sink, destination) of CONFLICTS_TABLE, created before anything is merged; (None, None) when not asked."""
    fields = QgsFields()
    for name in CONFLICT_FIELDS:
        fields.append(compat.field(name, "string"))
    sink, dest = alg.parameterAsSink(parameters, alg.CONFLICTS_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
    if sink is None:
        return None, None
    folder = Path(str(dest).split("|", 1)[0]).parent
    if "://" not in str(dest) and not str(dest).startswith(("memory:", "ogr:", "postgres")) and not (
            folder.is_dir() and os.access(folder, os.W_OK, effective_ids=os.access in os.supports_effective_ids)):
        # a CSV is created at its first row or when closed: without this, a failure would come after the merge
        raise QgsProcessingException(tr(
            "The output {output} ({dest}) cannot be written: its folder does not exist or you may not write there. "
            "Choose another folder. Nothing was merged.").format(output=alg.CONFLICTS_TABLE, dest=dest))
    return sink, dest


def write_conflicts(sink, conflicts):
    for conflict in conflicts:
        feature = QgsFeature()
        feature.setAttributes([conflict.uuid, conflict.title, conflict.file, ";".join(conflict.fields),
                               ACTIONS[conflict.resolution], ";".join(conflict.areas), ";".join(conflict.owners)])
        sink.addFeature(feature, compat.FAST_INSERT)


def merge(alg, parameters, context, feedback, files, report_validation):
    """Merge ``files`` into REGISTRY; returns the algorithm's outputs."""
    registry = alg.parameterAsFile(parameters, alg.REGISTRY, context)
    if not registry:
        raise QgsProcessingException(tr("Give the registry file (GeoPackage)."))
    checked = check_files(files, registry)
    ignored = [name for name in (alg.FIELD_MAPPING, alg.DEFAULTS, alg.ADMIN_LAYER) if parameters.get(name)]
    if ignored:
        feedback.pushWarning(tr("FERM-compatible GeoPackages are merged whole by uuid; {parameters} do not apply "
                                "and were ignored.").format(parameters=", ".join(ignored)))
    sink, dest = conflict_sink(alg, parameters, context)  # an output that cannot be written refuses the run now
    on_conflict = ON_CONFLICT_OPTIONS[alg.parameterAsEnumString(parameters, alg.ON_CONFLICT, context)
                                      or DEFAULT_ON_CONFLICT]
    merged = []

    def on_file(path, result):
        log_file(feedback, path, result)
        merged.append(str(path))

    store, created = open_or_create(registry)
    with store:
        progress, cancelled = alg.callbacks(feedback, 0, 80)
        try:
            total = ferm.merge_files(checked, store, on_conflict, progress, cancelled, on_file)
        except Exception:
            if merged:
                feedback.reportError(tr("Files merged before the failure (they stay merged): {files}.").format(
                    files=", ".join(merged)), False)
            elif created:
                store.close()
                Path(registry).unlink(missing_ok=True)  # the empty registry this run made
            raise
        written = total.inserted + total.replaced
        progress, cancelled = alg.callbacks(feedback, 80, 100)
        report = validate_store(store, written, progress=progress, is_cancelled=cancelled) if written else None
    log_conflicts(feedback, total.conflicts)
    refused = report_validation(report, feedback) if report is not None else 0
    if sink is not None:
        write_conflicts(sink, total.conflicts)
    outputs = {
        alg.FILES_MERGED: len(checked), alg.INITIATIVES: len(written), alg.AREAS: total.areas,
        alg.INITIATIVES_INSERTED: len(total.inserted), alg.INITIATIVES_UNCHANGED: len(total.unchanged),
        alg.INITIATIVES_REPLACED: len(total.replaced), alg.CONFLICTS: len(total.conflicts),
        alg.INITIATIVES_SKIPPED: len(total.skipped), alg.AREAS_REFUSED: refused,
    }
    if dest is not None:
        outputs[alg.CONFLICTS_TABLE] = dest
    return outputs
