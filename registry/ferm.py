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

import copy
import glob
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from osgeo import ogr

from ..__about__ import __version__
from ..algorithms.errors import N_, Cancelled, T2Error
from ..algorithms.geometry import REGISTRY_AREA_METHOD as AREA_METHOD
from . import ferm_layers, ferm_source, schema, vocab
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
    gef_totals: list = field(default_factory=list)  # GEF profile: rows of ferm_layers.gef_total_rows


@dataclass
class Conflict:
    """An incoming initiative that differs from the registry's copy (or owns a taken area)."""

    uuid: str
    title: str
    fields: list
    resolution: str  # "kept registry" | "replaced" | "skipped"
    file: str = ""  # the file it came from
    areas: list = field(default_factory=list)  # "skipped": its areas another initiative holds (uuids)
    owners: list = field(default_factory=list)  # "skipped": the initiatives holding them (uuids)


@dataclass
class ImportResult:
    """Outcome of merging a FERM-compatible GeoPackage into a registry, by uuid."""

    inserted: list = field(default_factory=list)
    replaced: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # initiatives not merged: an area belongs to another
    areas: int = 0  # areas the file holds

    def add(self, other):
        """Add the lists and counts of ``other`` (the result of another file) to these."""
        for name in ("inserted", "replaced", "unchanged", "conflicts", "skipped"):
            getattr(self, name).extend(getattr(other, name))
        self.areas += other.areas
        return self


def plugin_version():
    """The plugin version (metadata.txt, read once by ``__about__``), or "unknown"."""
    return __version__


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
        report, subjects, exported_areas, file_findings, translate, extra = report_args
        write_report_files(temps[1], temps[2], report, subjects, exported_areas, file_findings, metadata, translate,
                           extra)
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


@dataclass
class PreparedExport:
    """What every export format writes: the validated, exportable initiatives and the metadata."""

    subjects: list  # the initiatives chosen (validated)
    report: object  # ValidationReport
    exported: list  # copies holding only exportable areas
    left_out: list  # uuids of initiatives whose every area was refused
    metadata: dict
    file_findings: list = field(default_factory=list)

    @property
    def exported_areas(self):
        return [a.uuid for ini in self.exported for a in ini.areas]

    def report_args(self, translate, extra=None):
        return (self.report, self.subjects, self.exported_areas, self.file_findings, translate, extra)

    def result(self, output, extra=None):
        """The ``ExportResult`` of this export written to ``output`` (reports beside it)."""
        json_path, csv_path = (str(p) for p in report_paths(output))
        exported_areas = self.exported_areas
        return ExportResult(
            path=str(output),
            report_json=json_path,
            report_csv=csv_path,
            initiatives_exported=[ini.uuid for ini in self.exported],
            areas_exported=exported_areas,
            areas_refused=sorted(set(self.report.areas_checked) - set(exported_areas)),
            file_findings=self.file_findings,
            report=self.report,
            initiatives_left_out=self.left_out,
            gef_totals=(extra or {}).get("gef_totals", []),
        )


def prepare_export(store, output, uuids=None, thresholds=None, progress=None, is_cancelled=None):
    """Validate the chosen initiatives (all when ``uuids`` is None) and keep their exportable areas.

    Refuses an export over the registry itself and an export where every area is refused. The
    progress goes from 0 to 0.5.
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
    return PreparedExport(subjects, report, exported, left_out, metadata)


def export_ferm(
    store, output, uuids=None, gef_table=False, thresholds=None, translate=None, progress=None, is_cancelled=None
):
    """Export initiatives (all when ``uuids`` is None) to a FERM-compatible GeoPackage.

    Areas with errors are refused and listed in the report written beside the file
    (``<name>.validation.json`` / ``.csv``); an existing file at ``output`` is replaced only once
    the new one is complete. With ``gef_table`` the GEF table, its totals per core indicator 3
    sub-indicator and a totals section in the JSON report are added. Returns an ``ExportResult``.
    """
    output = Path(output)
    prepared = prepare_export(store, output, uuids, thresholds, progress, is_cancelled)
    area_count = prepared.metadata["areas"]
    if area_count > FERM_UPLOAD_LIMIT:
        prepared.file_findings.append(
            Finding(None, None, "ferm_upload_limit", WARNING, T_UPLOAD_LIMIT,
                    {"count": area_count, "limit": FERM_UPLOAD_LIMIT})
        )
    extra = {"gef_totals": ferm_layers.gef_total_rows(prepared.exported)} if gef_table else None
    _write_files(output, prepared.exported, prepared.metadata, gef_table, prepared.report_args(translate, extra),
                 progress, is_cancelled)
    if progress is not None:
        progress(1.0)
    return prepared.result(output, extra)


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
    """Open a FERM-compatible GeoPackage read as a registry (an older schema is migrated in a copy).

    The file is checked first (``ferm_source.check_package``): one that is not a GeoPackage, is
    damaged, belongs to someone else or comes from a newer T2 Restore is refused naming the file.
    The copy of an older file is made in a temporary folder (the file's own folder may be
    read-only) and removed by the caller. Returns (store, temporary folder or None).
    """
    path, version = ferm_source.check_package(path)
    if version == schema.SCHEMA_VERSION:
        return GeoPackageRegistryStore(path, migrate=False), None
    folder = Path(tempfile.mkdtemp(prefix="t2restore-import-"))
    try:
        copy_path = folder / "source.gpkg"
        shutil.copyfile(path, copy_path)
        schema.migrate(copy_path)
        return GeoPackageRegistryStore(copy_path, migrate=False), folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def read_source(path, progress=None, is_cancelled=None):
    """The initiatives a FERM-compatible GeoPackage holds (checked as ``_open_source`` says)."""
    source, temp_folder = _open_source(path)
    try:
        return source.get_initiatives(None, progress, is_cancelled)
    finally:
        source.close()
        if temp_folder is not None:
            shutil.rmtree(temp_folder, ignore_errors=True)


def import_ferm(path, store, on_conflict="keep", progress=None, is_cancelled=None):
    """Merge a FERM-compatible GeoPackage into ``store`` by uuid, in one transaction.

    New initiatives are inserted verbatim (organizations, contacts, areas and monitoring values
    keep their uuids; areas keep their original CRS); identical ones are left alone; differing
    ones are reported as conflicts and either keep the registry's version (``on_conflict="keep"``)
    or take the file's (``"replace"``, the revision then moves past the registry's so open editors
    notice). An initiative with an area that already belongs to another initiative is skipped and
    reported as a conflict naming those areas. ``path`` may be a layer source of the file
    (``x.gpkg|layername=areas``). Nothing is written when the file is refused or a write fails.
    """
    if on_conflict not in ("keep", "replace"):
        raise ValueError("on_conflict must be 'keep' or 'replace'")
    incoming = read_source(path, _step(progress, 0.0, 0.3), is_cancelled)
    name = str(ferm_source.package_path(path))
    existing = {ini.uuid: ini for ini in store.get_initiatives([i.uuid for i in incoming])}
    owners = store.area_owners([a.uuid for ini in incoming for a in ini.areas])
    result, to_write = ImportResult(areas=sum(len(ini.areas) for ini in incoming)), []
    for ini in incoming:
        _check_cancel(is_cancelled)
        taken = [a.uuid for a in ini.areas if owners.get(a.uuid, ini.uuid) != ini.uuid]
        if taken:
            others = sorted({owners[a] for a in taken})
            result.conflicts.append(Conflict(ini.uuid, ini.title, ["areas"], "skipped", name, taken, others))
            result.skipped.append(ini.uuid)
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
            result.conflicts.append(Conflict(ini.uuid, ini.title, diff, "replaced", name))
        else:
            result.conflicts.append(Conflict(ini.uuid, ini.title, diff, "kept registry", name))
    if to_write:
        store.put_initiatives(to_write, _step(progress, 0.3, 0.7), is_cancelled)
    if progress is not None:
        progress(1.0)
    return result


def merge_files(paths, store, on_conflict="keep", progress=None, is_cancelled=None, on_file=None):
    """Merge several FERM-compatible GeoPackages into ``store``, one transaction per file, in order.

    Every file is checked before any is merged, so a file that is not a GeoPackage, is damaged,
    belongs to someone else or comes from a newer T2 Restore refuses the whole run and leaves the
    registry unchanged. A later file holding an initiative an earlier one brought, with other
    content, is a conflict resolved by ``on_conflict`` like any other. ``on_file(path, result)``
    is called after each file. Returns the summed ``ImportResult``.
    """
    checked = [ferm_source.check_package(p)[0] for p in paths]
    total = ImportResult()
    for n, path in enumerate(checked):
        _check_cancel(is_cancelled)
        result = import_ferm(path, store, on_conflict, _step(progress, n / len(checked), 1 / len(checked)),
                             is_cancelled)
        if on_file is not None:
            on_file(path, result)
        total.add(result)
    return total
