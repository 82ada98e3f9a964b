"""FERM-compatible GeoPackage export and import (FERM_INTERCHANGE.md items 1-7).

An export is a registry file of its own (same schema, lookup tables, uuids), plus FERM's flat
public layer, an optional GEF table and export metadata, so importing it back is lossless by
construction: export -> import -> export gives the same content. The file is built under a
temporary name in the target folder and renamed only when complete, so a cancelled or crashed
export never leaves a half-written file under the user's chosen name.
"""

import configparser
import copy
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from osgeo import ogr

from ..algorithms.errors import N_, Cancelled, T2Error
from ..algorithms.vector_areas import AREA_METHOD
from . import ferm_layers, schema, vocab
from .gpkg_store import GeoPackageRegistryStore
from .report import write_report
from .validate import WARNING, Finding, validate_initiatives

FERM_UPLOAD_LIMIT = 50
T_UPLOAD_LIMIT = N_(
    "The export holds {count} area polygons; FERM accepts at most {limit} undissolved features per "
    "upload. Split the upload into several files or dissolve the areas before uploading."
)


class ExportError(T2Error):
    template = N_("The FERM export to {path} failed: {reason}. No file was written.")


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
        for area in clone.areas:
            area.validation_flags = flags.get(area.uuid, [])
        # The state describes what the file holds: refused areas are not in it.
        warned = ini.uuid in initiative_warned or any(a.validation_flags for a in clone.areas)
        clone.validation_state = "warnings" if warned else "valid"
        out.append(clone)
    return out


def export_ferm(
    store, output, uuids=None, gef_table=False, thresholds=None, translate=None, progress=None, is_cancelled=None
):
    """Export initiatives (all when ``uuids`` is None) to a FERM-compatible GeoPackage.

    Areas with errors are refused and listed in the report written beside the file
    (``<name>.validation.json`` / ``.csv``); an existing file at ``output`` is replaced only once
    the new one is complete. Returns an ``ExportResult``.
    """
    output = Path(output)
    everything = store.get_initiatives(None, _step(progress, 0.0, 0.1), is_cancelled)
    wanted = set(uuids) if uuids is not None else None
    subjects = [ini for ini in everything if wanted is None or ini.uuid in wanted]
    report = validate_initiatives(subjects, everything, thresholds, _step(progress, 0.1, 0.4), is_cancelled)
    exported = _exportable(subjects, report)
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
    tmp = output.with_name("." + output.stem + ".exporting-" + str(os.getpid()) + ".gpkg")
    try:
        _check_cancel(is_cancelled)
        if tmp.exists():
            tmp.unlink()
        schema.create(tmp, add_tables=lambda ds: ferm_layers.create_layers(ds, gef_table))
        with GeoPackageRegistryStore(tmp, migrate=False) as target:
            target.put_initiatives(exported, _step(progress, 0.5, 0.35), is_cancelled)
        _check_cancel(is_cancelled)
        ds = ogr.Open(str(tmp), 1)
        try:
            ferm_layers.fill_layers(ds, exported, metadata, gef_table)
        finally:
            ds = None
        _check_cancel(is_cancelled)
        os.replace(tmp, output)
    except Cancelled:
        if tmp.exists():
            tmp.unlink()
        raise
    except Exception as exc:
        if tmp.exists():
            tmp.unlink()
        raise ExportError(path=str(output), reason=str(exc)) from exc
    exported_areas = [a.uuid for ini in exported for a in ini.areas]
    json_path, csv_path = write_report(output, report, subjects, exported_areas, file_findings, metadata, translate)
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
