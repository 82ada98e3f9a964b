"""GeoPackage schema of a registry (and of a FERM-compatible export), and its migrations.

Tables are declared once here and created through OGR, so that GeoPackage's bookkeeping
(gpkg_contents, geometry columns, R-tree index, JSON column metadata) is exactly what GDAL and
QGIS expect; rows are then written by the store through sqlite3. A registry records its schema
version in ``t2r_schema_version``; opening an older file migrates a working copy and swaps it in
only when every step succeeded, after a backup copy has been made beside the file.
"""

import json
import os
import shutil
import sqlite3
import uuid
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from osgeo import gdal, ogr

from ..algorithms.errors import N_, T2Error
from ..algorithms.geometry import ellipsoidal_area_ha, wgs84
from . import gpkg_geom, vocab
from .text import register_text_functions

SCHEMA_NAME = "t2restore-registry"
SCHEMA_VERSION = 1

# Column kinds: text, int, real, json (JSON text: arrays of codes or an object), bool.
INITIATIVE_COLUMNS = [
    ("uuid", "uuid"),
    ("title", "text"),
    ("description", "text"),
    ("website", "text"),
    ("start_year", "int"),
    ("end_year", "int"),
    ("restoration_status", "int"),
    ("restoration_types", "json"),
    ("objectives", "json"),
    ("objectives_other", "text"),
    ("tenure_statuses", "json"),
    ("keywords", "json"),
    ("target_area", "real"),
    ("target_area_unit", "text"),
    ("area_under_restoration_ha", "real"),
    ("countries", "json"),
    ("reporting_line", "text"),
    ("gef_targets", "json"),
    ("workflow_status", "text"),
    ("funding_sources", "json"),
    ("implementing_institutions", "json"),
    ("validation_state", "text"),
    ("search_text", "text"),
    ("revision", "int"),
    ("created_at", "text"),
    ("updated_at", "text"),
]
ORGANIZATION_COLUMNS = [
    ("uuid", "uuid"),
    ("initiative_uuid", "text"),
    ("position", "int"),
    ("name", "text"),
    ("acronym", "text"),
    ("org_type", "int"),
    ("role", "int"),
]
CONTACT_COLUMNS = [
    ("uuid", "uuid"),
    ("initiative_uuid", "text"),
    ("position", "int"),
    ("name", "text"),
    ("email", "text"),
    ("organization", "text"),
]
AREA_COLUMNS = [
    ("uuid", "uuid"),
    ("initiative_uuid", "text"),
    ("position", "int"),
    ("site_name", "text"),
    ("area_ha", "real"),
    ("declared_area_ha", "real"),
    ("start_year", "int"),
    ("ecosystems", "json"),
    ("activities", "json"),
    ("activities_other", "text"),
    ("restoration_types", "json"),
    ("tenure_statuses", "json"),
    ("gef_indicator", "text"),
    ("department", "text"),
    ("province", "text"),
    ("district", "text"),
    ("ubigeo", "text"),
    ("ubigeo_source", "text"),
    ("national_gap", "text"),
    ("practices", "json"),
    ("protected_area", "text"),
    ("original_crs", "text"),
    ("capture_method", "text"),
    ("validation_flags", "json"),
]
MONITORING_COLUMNS = [
    ("uuid", "uuid"),
    ("area_uuid", "text"),
    ("position", "int"),
    ("indicator", "text"),
    ("unit", "text"),
    ("date", "text"),
    ("value", "real"),
    ("note", "text"),
]
VERSION_COLUMNS = [("version", "int"), ("vocabulary_version", "text"), ("applied_at", "text"), ("note", "text")]
LOOKUP_COLUMNS = [
    ("code", None),
    ("label_en", "text"),
    ("label_es", "text"),
    ("parent_code", None),
    ("parent_en", "text"),
    ("parent_es", "text"),
    ("group_en", "text"),
    ("group_es", "text"),
    ("selectable", "bool"),
]

AREA_TABLE = "restoration_areas"
GEOMETRY_COLUMN = "geom"
TABLES = {
    "initiatives": (INITIATIVE_COLUMNS, "Restoration initiatives (FERM projects)"),
    "organizations": (ORGANIZATION_COLUMNS, "Organizations of each initiative"),
    "contacts": (CONTACT_COLUMNS, "Points of contact of each initiative"),
    AREA_TABLE: (AREA_COLUMNS, "Restoration areas, EPSG:4326 MultiPolygon, one feature per area"),
    "monitoring_values": (MONITORING_COLUMNS, "Dated values of monitored indicators per area"),
    "t2r_schema_version": (VERSION_COLUMNS, "Schema version history of this file"),
}
# Fixed statements only: no value is ever formatted into SQL.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS idx_organizations_initiative ON organizations(initiative_uuid)",
    "CREATE INDEX IF NOT EXISTS idx_contacts_initiative ON contacts(initiative_uuid)",
    "CREATE INDEX IF NOT EXISTS idx_areas_initiative ON restoration_areas(initiative_uuid)",
    "CREATE INDEX IF NOT EXISTS idx_monitoring_area ON monitoring_values(area_uuid)",
    "CREATE INDEX IF NOT EXISTS idx_initiatives_title ON initiatives(title)",
]

# Files migrated from layouts whose uuid columns had no UNIQUE constraint get unique indexes.
MIGRATION_INDEXES = [
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_initiatives_uuid ON initiatives(uuid)",
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_organizations_uuid ON organizations(uuid)",
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_contacts_uuid ON contacts(uuid)",
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_areas_uuid ON restoration_areas(uuid)",
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_monitoring_uuid ON monitoring_values(uuid)",
]

_OGR_TYPES = {
    "uuid": (ogr.OFTString, ogr.OFSTNone),
    "text": (ogr.OFTString, ogr.OFSTNone),
    "int": (ogr.OFTInteger, ogr.OFSTNone),
    "real": (ogr.OFTReal, ogr.OFSTNone),
    "json": (ogr.OFTString, ogr.OFSTJSON),
    "bool": (ogr.OFTInteger, ogr.OFSTBoolean),
}


class SchemaError(T2Error):
    template = N_("{path} is not a T2 Restore registry (it has no initiatives and restoration areas tables).")


class SchemaCreateError(T2Error):
    template = N_("The registry {path} cannot be created: {detail}")


class SchemaTooNewError(T2Error):
    template = N_(
        "The registry {path} has schema version {version}, newer than this plugin supports "
        "({supported}). Update the T2 Restore plugin."
    )


class MigrationError(T2Error):
    template = N_(
        "The registry {path} could not be migrated from schema version {version}: {reason}. "
        "The file was left unchanged; a backup is at {backup}."
    )


def field_defn(name, kind):
    """The OGR field definition of a declared column."""
    ogr_type, subtype = _OGR_TYPES[kind]
    defn = ogr.FieldDefn(name, ogr_type)
    defn.SetSubType(subtype)
    if kind == "uuid":
        defn.SetNullable(False)
        defn.SetUnique(True)
    return defn


def _lookup_columns(name):
    code_kind = "int" if vocab.get(name).code_type is int else "text"
    columns = [(col, kind or code_kind) for col, kind in LOOKUP_COLUMNS]
    if name == "restorationPractices":
        columns.append(("ferm_activities", "json"))
    return columns


def create_table(ds, name, columns, description="", geometry=False):
    """Create one table through OGR (attributes table, or MultiPolygon layer with R-tree)."""
    options = ["FID=fid", "IDENTIFIER=" + name, "DESCRIPTION=" + description]
    if geometry:
        options += ["GEOMETRY_NAME=" + GEOMETRY_COLUMN, "SPATIAL_INDEX=YES"]
        layer = ds.CreateLayer(name, wgs84(), ogr.wkbMultiPolygon, options)
    else:
        layer = ds.CreateLayer(name, None, ogr.wkbNone, options)
    if layer is None:
        raise SchemaCreateError(path=ds.GetDescription(), detail=gdal.GetLastErrorMsg() or name)
    for col, kind in columns:
        layer.CreateField(field_defn(col, kind))
    return layer


def write_lookup_tables(ds, names=None):
    """(Re)create one lookup table per vocabulary: code, English and Spanish labels, hierarchy."""
    for name in names or vocab.names():
        table = vocab.LOOKUP_TABLES[name]
        if ds.GetLayerByName(table) is not None:
            ds.DeleteLayer(table)
        layer = create_table(ds, table, _lookup_columns(name), "Vocabulary " + name + " (" + vocab.version() + ")")
        ds.StartTransaction()
        for entry in vocab.get(name).entries:
            feat = ogr.Feature(layer.GetLayerDefn())
            values = {
                "code": entry.code,
                "label_en": entry.label_en,
                "label_es": entry.label_es,
                "parent_code": entry.parent_code,
                "parent_en": entry.parent_en,
                "parent_es": entry.parent_es,
                "group_en": entry.group_en,
                "group_es": entry.group_es,
                "selectable": int(entry.selectable),
            }
            if name == "restorationPractices":
                values["ferm_activities"] = json.dumps(list(entry.mapping))
            for key, value in values.items():
                if value is not None:
                    feat.SetField(key, value)
            layer.CreateFeature(feat)
        ds.CommitTransaction()


def _record_version(ds, version, note):
    layer = ds.GetLayerByName("t2r_schema_version")
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetField("version", version)
    feat.SetField("vocabulary_version", vocab.version())
    feat.SetField("applied_at", datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    feat.SetField("note", note)
    layer.CreateFeature(feat)


def _ensure_tables(ds):
    """Create missing tables and add missing columns (used by creation and by migrations)."""
    for name, (columns, description) in TABLES.items():
        layer = ds.GetLayerByName(name)
        if layer is None:
            create_table(ds, name, columns, description, geometry=(name == AREA_TABLE))
            continue
        defn = layer.GetLayerDefn()
        existing = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
        for col, kind in columns:
            if col not in existing:
                layer.CreateField(field_defn(col, kind))


def _create_indexes(path, extra=()):
    with closing(sqlite3.connect(path)) as conn:
        for statement in INDEXES + list(extra):
            conn.execute(statement)
        conn.commit()


def create(path, add_tables=None):
    """Create an empty registry GeoPackage at ``path`` (atomically: temp file, then rename).

    ``add_tables(ds)`` may add more tables (the FERM export adds its flat layer) before the swap.
    """
    path = Path(path)
    tmp = path.with_name("." + path.stem + ".creating.gpkg")
    if tmp.exists():
        tmp.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    if ds is None:
        raise SchemaCreateError(path=str(path), detail=gdal.GetLastErrorMsg())
    try:
        _ensure_tables(ds)
        write_lookup_tables(ds)
        _record_version(ds, SCHEMA_VERSION, "created")
        if add_tables is not None:
            add_tables(ds)
    finally:
        ds = None
    _create_indexes(str(tmp))
    os.replace(tmp, path)
    return path


def read_version(conn):
    """Schema version of an open registry: 0 for the pre-versioning layout; SchemaError otherwise."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "t2r_schema_version" in names:
        row = conn.execute("SELECT max(version) FROM t2r_schema_version").fetchone()
        return int(row[0] or 0)
    if {"initiatives", AREA_TABLE} <= names:
        return 0
    raise SchemaError(path=str(conn.execute("PRAGMA database_list").fetchone()[2]))


# --- migrations -----------------------------------------------------------------------------
# v0: the draft layout used before versioning: initiatives(uuid, title, description, status,
# start_year, end_year), organizations(uuid, initiative_uuid, name, role) and
# restoration_areas(uuid, initiative_uuid, site_name, ecosystems as comma-separated text, geom).


def _v0_to_v1_schema(ds):
    layer = ds.GetLayerByName("initiatives")
    defn = layer.GetLayerDefn()
    if defn.GetFieldIndex("status") >= 0 and defn.GetFieldIndex("restoration_status") < 0:
        layer.AlterFieldDefn(
            defn.GetFieldIndex("status"), ogr.FieldDefn("restoration_status", ogr.OFTInteger), ogr.ALTER_NAME_FLAG
        )
    for name, (columns, _description) in TABLES.items():
        layer = ds.GetLayerByName(name)
        if layer is None:
            continue
        defn = layer.GetLayerDefn()
        for col, kind in columns:
            idx = defn.GetFieldIndex(col)
            if kind == "json" and idx >= 0 and defn.GetFieldDefn(idx).GetSubType() != ogr.OFSTJSON:
                layer.AlterFieldDefn(idx, field_defn(col, kind), ogr.ALTER_TYPE_FLAG)
    _ensure_tables(ds)
    write_lookup_tables(ds)


def _split_codes(text):
    """Comma-separated v0 codes to a list, keeping integers as integers."""
    out = []
    for part in (text or "").split(","):
        part = part.strip()
        if part:
            out.append(int(part) if part.lstrip("-").isdigit() else part)
    return out


_V0_DEFAULTS = [
    "UPDATE initiatives SET revision = 1 WHERE revision IS NULL",
    "UPDATE initiatives SET validation_state = 'unchecked' WHERE validation_state IS NULL",
    "UPDATE initiatives SET workflow_status = 'draft' WHERE workflow_status IS NULL",
    "UPDATE initiatives SET reporting_line = 'FERM' WHERE reporting_line IS NULL",
    "UPDATE initiatives SET target_area_unit = 'ha' WHERE target_area_unit IS NULL",
    "UPDATE initiatives SET countries = '[\"PE\"]' WHERE countries IS NULL",
    "UPDATE initiatives SET gef_targets = '{}' WHERE gef_targets IS NULL",
    "UPDATE organizations SET position = fid WHERE position IS NULL",
    "UPDATE restoration_areas SET position = fid WHERE position IS NULL",
]
_V0_EMPTY_LISTS = [
    "UPDATE initiatives SET restoration_types = '[]' WHERE restoration_types IS NULL",
    "UPDATE initiatives SET objectives = '[]' WHERE objectives IS NULL",
    "UPDATE initiatives SET tenure_statuses = '[]' WHERE tenure_statuses IS NULL",
    "UPDATE initiatives SET keywords = '[]' WHERE keywords IS NULL",
    "UPDATE initiatives SET funding_sources = '[]' WHERE funding_sources IS NULL",
    "UPDATE initiatives SET implementing_institutions = '[]' WHERE implementing_institutions IS NULL",
    "UPDATE restoration_areas SET activities = '[]' WHERE activities IS NULL",
    "UPDATE restoration_areas SET restoration_types = '[]' WHERE restoration_types IS NULL",
    "UPDATE restoration_areas SET tenure_statuses = '[]' WHERE tenure_statuses IS NULL",
    "UPDATE restoration_areas SET practices = '[]' WHERE practices IS NULL",
    "UPDATE restoration_areas SET validation_flags = '[]' WHERE validation_flags IS NULL",
]


def _v0_to_v1_data(conn):
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for statement in _V0_DEFAULTS + _V0_EMPTY_LISTS:
        conn.execute(statement)
    conn.execute("UPDATE initiatives SET created_at = ?, updated_at = ? WHERE created_at IS NULL", (now, now))
    conn.execute(REFRESH_ALL_SEARCH_TEXT)
    rows = conn.execute("SELECT fid, ecosystems, geom FROM restoration_areas").fetchall()
    for fid, ecosystems, blob in rows:
        text = ecosystems or ""
        codes = json.loads(text) if text.startswith("[") else _split_codes(text)
        geom = gpkg_geom.decode(blob) if blob is not None else None
        area = round(ellipsoidal_area_ha(geom), 4) if geom is not None else None
        conn.execute(
            "UPDATE restoration_areas SET ecosystems = ?, area_ha = ?, "
            "original_crs = coalesce(original_crs, 'EPSG:4326') WHERE fid = ?",
            (json.dumps(codes, ensure_ascii=False), area, fid),
        )


_SEARCH_TEXT = (
    "UPDATE initiatives SET search_text = t2r_fold(coalesce(title, '') || ' ' || coalesce(description, '') "
    "|| ' ' || coalesce(keywords, '') || ' ' || coalesce((SELECT group_concat(coalesce(o.name, '') || ' ' || "
    "coalesce(o.acronym, ''), ' ') FROM organizations o WHERE o.initiative_uuid = initiatives.uuid), '') "
    "|| ' ' || coalesce((SELECT group_concat(coalesce(a.site_name, '') || ' ' || coalesce(a.district, '') || ' ' "
    "|| coalesce(a.province, ''), ' ') FROM restoration_areas a WHERE a.initiative_uuid = initiatives.uuid), ''))"
)
# The search column: folded title, description, keywords, organizations and sites (kept by the store).
REFRESH_SEARCH_TEXT = _SEARCH_TEXT + " WHERE uuid = ?"
REFRESH_ALL_SEARCH_TEXT = _SEARCH_TEXT


MIGRATIONS = {0: (_v0_to_v1_schema, _v0_to_v1_data, "migrated from the v0 draft layout")}


@dataclass
class MigrationResult:
    """What ``migrate`` did: versions, and the backup it left beside the file (None if no-op)."""

    from_version: int
    to_version: int
    backup: str = None


def file_version(path):
    """Schema version of the registry at ``path`` (read-only)."""
    with closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        return read_version(conn)


def migrate(path, busy_timeout=10.0):
    """Bring the registry at ``path`` to SCHEMA_VERSION: backup, migrate a copy, swap it in.

    One migration at a time: a lock (an SQLite write transaction on the hidden, empty file
    ``.<name>.migration-lock`` beside the registry, released by the system even when a process is
    killed) is held from the version check to the swap, so a second process waits, then finds the
    file migrated and does nothing. Each process's working copy has its own name, so no process
    ever touches another's copy.
    """
    path = Path(path)
    version = file_version(path)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(path=str(path), version=version, supported=SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return MigrationResult(version, version)
    lock_path = path.with_name("." + path.name + ".migration-lock")
    for attempt in range(5):
        try:
            with _migration_lock(lock_path, busy_timeout):
                version = file_version(path)  # another process may have migrated it while we waited
                if version == SCHEMA_VERSION:
                    return MigrationResult(version, version)
                return _migrate_copy(path, version)
        except _LockFileGone:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


class _LockFileGone(sqlite3.OperationalError):
    """The lock file was removed by the process that held it: take the lock again."""


@contextmanager
def _migration_lock(lock_path, busy_timeout):
    """Hold an SQLite write lock on ``lock_path``; remove the file afterwards.

    A process that waited on a lock file its holder then removed gets an I/O error from SQLite
    (or a lock on the removed file, harmless: it only reads the version): it retries.
    """
    with closing(sqlite3.connect(str(lock_path), timeout=busy_timeout, isolation_level=None)) as lock:
        try:
            lock.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            if "i/o error" in str(exc).lower():
                raise _LockFileGone(str(exc)) from exc
            raise
        try:
            yield
        finally:
            try:
                lock_path.unlink()
            except OSError:  # Windows keeps open files: the small hidden file stays
                pass
            lock.execute("ROLLBACK")


def _copy_database(source, target):
    shutil.copy2(source, target)


def _migrate_copy(path, version):
    """Back ``path`` up, migrate a uniquely named working copy and swap it in (atomic rename)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    backup = path.with_name(path.stem + ".backup-v" + str(version) + "-" + stamp + path.suffix)
    _copy_database(path, backup)
    work = path.with_name("." + path.stem + ".migrating-" + str(os.getpid()) + "-" + uuid.uuid4().hex + ".gpkg")
    try:
        _copy_database(path, work)
        current = version
        while current < SCHEMA_VERSION:
            _migrate_step(work, current)
            current += 1
        _create_indexes(str(work), MIGRATION_INDEXES)
    except Exception as exc:
        if work.exists():
            work.unlink()
        raise MigrationError(path=str(path), version=version, reason=str(exc), backup=str(backup)) from exc
    os.replace(work, path)
    return MigrationResult(version, SCHEMA_VERSION, str(backup))


def _migrate_step(work, current):
    schema_step, data_step, note = MIGRATIONS[current]
    ds = ogr.Open(str(work), 1)
    try:
        schema_step(ds)
        _record_version(ds, current + 1, note)
    finally:
        ds = None
    with closing(sqlite3.connect(str(work))) as conn:
        gpkg_geom.register_functions(conn)
        register_text_functions(conn)
        with conn:
            data_step(conn)
