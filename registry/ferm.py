"""FERM-compatible GeoPackage export and import (FERM_INTERCHANGE.md items 1-7).

An export is a registry file of its own (same schema, lookup tables, uuids), plus FERM's flat
public layer, an optional GEF table and export metadata, so importing it back is lossless by
construction: export -> import -> export gives the same content. The file and its two
validation reports are built under hidden names unique to the process in the target folder, then
published in a fixed order (see ``_publish``): the previous GeoPackage is removed, the reports
are renamed, and the GeoPackage is renamed last. So a cancelled, crashed or killed export never
leaves a half-written file under the user's chosen name, and a ``.gpkg`` that is there always has
its own reports beside it. Hidden files of a killed export are removed by the next export to the
same name. An export over the registry itself is refused (``check_destination``).
"""

import configparser
import copy
import glob
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from osgeo import ogr

from ..algorithms.errors import N_, Cancelled, T2Error
from ..algorithms.vector_areas import AREA_METHOD
from . import ferm_layers, schema, vocab
from .gpkg_store import GeoPackageRegistryStore
from .report import report_paths, write_report_files
from .validate import WARNING, Finding, validate_initiatives

FERM_UPLOAD_LIMIT = 50
T_UPLOAD_LIMIT = N_(
    "The export holds {count} area polygons; FERM accepts at most {limit} undissolved features per "
    "upload. Split the upload into several files or dissolve the areas before uploading."
)


class ExportError(T2Error):
    template = N_("The FERM export to {path} failed: {reason}. No file was written.")


class ExportOverRegistryError(ExportError):
    template = N_(
        "The FERM export cannot be written to {path}: that file is the registry being exported, and "
        "the export would replace it. Choose another file name for the export. The registry was left "
        "unchanged."
    )


class NothingExportableError(ExportError):
    template = N_(
        "Nothing to export to {path}: validation refuses all {refused} areas of the {initiatives} initiatives "
        "chosen ({errors} errors). No file was written. Open the validation panel (or the import's log) to "
        "see why each area is refused, fix them and export again."
    )


class ExportFolderError(ExportError):
    template = N_(
        "The FERM export cannot be written in the folder {folder}: it is read-only, or you do not have "
        "permission to write there. Choose a folder where you can write (for example your Documents "
        "folder). No file was written."
    )


class FermImportError(T2Error):
    template = N_("{path} cannot be imported: {reason}")


@dataclass
class ExportResult:
    """What an export wrote, and the validation outcome shown in the dock."""

    path: str
    report_json: str
    report_csv: str
    initiatives_exported: list
    areas_exported: list
    areas_refused: list
    file_findings: list
    report: object  # ValidationReport
    initiatives_left_out: list = field(default_factory=list)  # uuids: every area refused, so not exported


@dataclass
class Conflict:
    """An incoming initiative that differs from the registry's copy (or owns a taken area)."""

    uuid: str
    title: str
    fields: list
    resolution: str  # "kept registry" | "replaced" | "skipped"


@dataclass
class ImportResult:
    """Outcome of merging a FERM-compatible GeoPackage into a registry, by uuid."""

    inserted: list = field(default_factory=list)
    replaced: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)


def plugin_version():
    """The plugin version from metadata.txt (the plugin root), or "unknown"."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(__file__).resolve().parents[1] / "metadata.txt", encoding="utf-8")
        return parser.get("general", "version")
    except (configparser.Error, OSError):
        return "unknown"


def _step(progress, start, span):
    if progress is None:
        return None
    return lambda fraction: progress(start + span * max(0.0, min(1.0, fraction)))


def _check_cancel(is_cancelled):
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()


def same_file(a, b):
    """True when the paths ``a`` and ``b`` name the same file (links and relative paths resolved)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare the resolved names
        return os.path.realpath(a) == os.path.realpath(b)


def check_destination(store, output):
    """Refuse an export over the registry itself (``ExportOverRegistryError``)."""
    if same_file(str(output), str(store.location)):
        raise ExportOverRegistryError(path=str(output))


def _exportable(subjects, report):
    """Copies of the initiatives holding only exportable areas, with validation results set."""
    blocked_inis = report.blocked_initiatives()
    blocked_areas = report.blocked_areas()
    flags = report.area_flags()
    initiative_warned = {f.initiative_uuid for f in report.findings if f.area_uuid is None}
    out = []
    for ini in subjects:
        if ini.uuid in blocked_inis:
            continue
        clone = copy.deepcopy(ini)
        clone.areas = [a for a in clone.areas if a.uuid not in blocked_areas]
        if ini.areas and not clone.areas:
            continue  # every area refused: not exported as an initiative without areas (listed as left out)
        for area in clone.areas:
            area.validation_flags = flags.get(area.uuid, [])
        # The state describes what the file holds: refused areas are not in it.
        warned = ini.uuid in initiative_warned or any(a.validation_flags for a in clone.areas)
        clone.validation_state = "warnings" if warned else "valid"
        out.append(clone)
    return out


def _check_exportable(output, subjects, exported, report):
    """The uuids of the initiatives left out; ``NothingExportableError`` when no area can be exported."""
    if not any(ini.areas for ini in exported):
        raise NothingExportableError(path=str(output), refused=len(report.areas_checked), initiatives=len(subjects),
                                     errors=len(report.errors()))
    kept = {ini.uuid for ini in exported}
    return [ini.uuid for ini in subjects if ini.uuid not in kept]


def _temp_names(output):
    """Hidden names, unique to this process, under which the export and its reports are built."""
    suffix = ".exporting-" + str(os.getpid())
    json_path, csv_path = report_paths(output)
    return (output.with_name("." + output.stem + suffix + ".gpkg"),
            json_path.with_name("." + json_path.name + suffix), csv_path.with_name("." + csv_path.name + suffix))


def _pid_alive(pid):
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temps(output):
    """Delete the hidden files of earlier exports to ``output`` whose process was killed."""
    output = Path(output)
    stem = glob.escape(output.stem)
    found = set(output.parent.glob("." + stem + "*.exporting-*"))
    found |= set(output.parent.glob(".." + stem + "*.exporting-*"))
    for path in found:
        pid = path.name.rsplit(".exporting-", 1)[1].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            path.unlink(missing_ok=True)


def _publish(temps, output):
    """Move a finished export into place: the reports first, the GeoPackage last.

    The previous GeoPackage is removed before the reports are replaced, so whenever a killed
    process interrupts this, no ``.gpkg`` sits beside reports that are not its own: a ``.gpkg``
    present is always complete with its reports (written before it), while reports without a
    ``.gpkg`` mean the export did not finish.
    """
    tmp_gpkg, tmp_json, tmp_csv = temps
    json_path, csv_path = report_paths(output)
    if output.exists():
        output.unlink()
    os.replace(tmp_json, json_path)
    os.replace(tmp_csv, csv_path)
    os.replace(tmp_gpkg, output)


def _write_files(output, exported, metadata, gef_table, report_args, progress, is_cancelled):
    """Build the GeoPackage and its two reports under hidden names, then publish them together."""
    remove_stale_temps(output)
    temps = _temp_names(output)
    tmp = temps[0]
    try:
        _check_cancel(is_cancelled)
        for path in temps:
            path.unlink(missing_ok=True)
        schema.create(tmp, add_tables=lambda ds: ferm_layers.create_layers(ds, gef_table))
        with GeoPackageRegistryStore(tmp, migrate=False) as target:
            target.put_initiatives(exported, _step(progress, 0.5, 0.35), is_cancelled)
        _check_cancel(is_cancelled)
        ds = ogr.Open(str(tmp), 1)
        try:
            ferm_layers.fill_layers(ds, exported, metadata, gef_table)
        finally:
            ds = None
        report, subjects, exported_areas, file_findings, translate = report_args
        write_report_files(temps[1], temps[2], report, subjects, exported_areas, file_findings, metadata, translate)
        _check_cancel(is_cancelled)
        _publish(temps, output)
    except Cancelled:
        _remove(temps)
        raise
    except Exception as exc:
        _remove(temps)
        if not os.access(output.parent, os.W_OK):
            raise ExportFolderError(folder=str(output.parent)) from exc
        raise ExportError(path=str(output), reason=str(exc)) from exc


def _remove(paths):
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:  # nothing could be written there in the first place
            pass


def export_ferm(
    store, output, uuids=None, gef_table=False, thresholds=None, translate=None, progress=None, is_cancelled=None
):
    """Export initiatives (all when ``uuids`` is None) to a FERM-compatible GeoPackage.

    Areas with errors are refused and listed in the report written beside the file
    (``<name>.validation.json`` / ``.csv``); an existing file at ``output`` is replaced only once
    the new one is complete. Returns an ``ExportResult``.
    """
    output = Path(output)
    check_destination(store, output)
    everything = store.get_initiatives(None, _step(progress, 0.0, 0.1), is_cancelled)
    wanted = set(uuids) if uuids is not None else None
    subjects = [ini for ini in everything if wanted is None or ini.uuid in wanted]
    report = validate_initiatives(subjects, everything, thresholds, _step(progress, 0.1, 0.4), is_cancelled)
    exported = _exportable(subjects, report)
    left_out = _check_exportable(output, subjects, exported, report)
    area_count = sum(len(ini.areas) for ini in exported)
    file_findings = []
    if area_count > FERM_UPLOAD_LIMIT:
        file_findings.append(
            Finding(
                None,
                None,
                "ferm_upload_limit",
                WARNING,
                T_UPLOAD_LIMIT,
                {"count": area_count, "limit": FERM_UPLOAD_LIMIT},
            )
        )
    metadata = {
        "schema_name": schema.SCHEMA_NAME,
        "schema_version": schema.SCHEMA_VERSION,
        "vocabulary_version": vocab.version(),
        "ferm_vocabulary_source": vocab.ferm_source(),
        "export_time": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "plugin_version": plugin_version(),
        "area_method": AREA_METHOD,
        "crs": "EPSG:4326",
        "initiatives": len(exported),
        "areas": area_count,
        "areas_refused": len(report.areas_checked) - area_count,
    }
    exported_areas = [a.uuid for ini in exported for a in ini.areas]
    _write_files(output, exported, metadata, gef_table, (report, subjects, exported_areas, file_findings, translate),
                 progress, is_cancelled)
    json_path, csv_path = (str(p) for p in report_paths(output))
    if progress is not None:
        progress(1.0)
    return ExportResult(
        path=str(output),
        report_json=json_path,
        report_csv=csv_path,
        initiatives_exported=[ini.uuid for ini in exported],
        areas_exported=exported_areas,
        areas_refused=sorted(set(report.areas_checked) - set(exported_areas)),
        file_findings=file_findings,
        report=report,
        initiatives_left_out=left_out,
    )


# --- import ---------------------------------------------------------------------------------
_BOOKKEEPING = {"revision", "created_at", "updated_at", "validation_state"}
_AREA_DERIVED = {"validation_flags", "area_ha", "initiative_uuid"}


def content(initiative):
    """The comparable content of an initiative: everything but bookkeeping and derived values."""
    data = asdict(initiative)
    for key in _BOOKKEEPING:
        data.pop(key, None)
    for area in data["areas"]:
        for key in _AREA_DERIVED:
            area.pop(key, None)
    return data


def differing_fields(a, b):
    """Top-level field names whose content differs between two initiatives."""
    ca, cb = content(a), content(b)
    return sorted(k for k in ca if ca[k] != cb.get(k))


def _open_source(path):
    """Open a FERM-compatible GeoPackage read as a registry (an older schema is migrated in a copy)."""
    path = Path(path)
    try:
        version = schema.file_version(path)
    except Exception as exc:
        raise FermImportError(path=str(path), reason=str(exc)) from exc
    if version == schema.SCHEMA_VERSION:
        return GeoPackageRegistryStore(path, migrate=False), None
    copy_path = path.with_name("." + path.stem + ".importing-" + str(os.getpid()) + ".gpkg")
    copy_path.write_bytes(path.read_bytes())
    schema.migrate(copy_path)
    return GeoPackageRegistryStore(copy_path, migrate=False), copy_path


def import_ferm(path, store, on_conflict="keep", progress=None, is_cancelled=None):
    """Merge a FERM-compatible GeoPackage into ``store`` by uuid, in one transaction.

    New initiatives are inserted verbatim; identical ones are left alone; differing ones are
    reported as conflicts and either keep the registry's version (``on_conflict="keep"``) or take
    the file's (``"replace"``, the revision then moves past the registry's so open editors notice).
    An incoming area that already belongs to another initiative skips its initiative.
    """
    if on_conflict not in ("keep", "replace"):
        raise ValueError("on_conflict must be 'keep' or 'replace'")
    source, temp_copy = _open_source(path)
    try:
        incoming = source.get_initiatives(None, _step(progress, 0.0, 0.3), is_cancelled)
    finally:
        source.close()
        if temp_copy is not None:
            temp_copy.unlink()
    existing = {ini.uuid: ini for ini in store.get_initiatives([i.uuid for i in incoming])}
    owners = store.area_owners([a.uuid for ini in incoming for a in ini.areas])
    result, to_write = ImportResult(), []
    for ini in incoming:
        _check_cancel(is_cancelled)
        taken = [a.uuid for a in ini.areas if owners.get(a.uuid, ini.uuid) != ini.uuid]
        if taken:
            result.conflicts.append(Conflict(ini.uuid, ini.title, ["areas"], "skipped"))
            continue
        current = existing.get(ini.uuid)
        if current is None:
            to_write.append(ini)
            result.inserted.append(ini.uuid)
            continue
        diff = differing_fields(current, ini)
        if not diff:
            result.unchanged.append(ini.uuid)
        elif on_conflict == "replace":
            ini.revision = max(current.revision, ini.revision) + 1
            to_write.append(ini)
            result.replaced.append(ini.uuid)
            result.conflicts.append(Conflict(ini.uuid, ini.title, diff, "replaced"))
        else:
            result.conflicts.append(Conflict(ini.uuid, ini.title, diff, "kept registry"))
    if to_write:
        store.put_initiatives(to_write, _step(progress, 0.3, 0.7), is_cancelled)
    if progress is not None:
        progress(1.0)
    return result
