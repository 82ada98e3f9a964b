"""The embedded registry backend: one GeoPackage file, written through sqlite3.

Why sqlite3 rather than OGR for rows: real transactions we control (``BEGIN IMMEDIATE`` so two
writers queue instead of deadlocking), a busy timeout, parameterised queries and atomic commits
that survive a killed process (SQLite's journal rolls an interrupted write back on next open).
The schema itself is created by OGR (schema.py), and the R-tree triggers get their ST_* functions
from gpkg_geom, so QGIS and GDAL read the file as any other GeoPackage.
"""

import errno
import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from osgeo import ogr

from ..algorithms.errors import Cancelled
from ..algorithms.geometry import ellipsoidal_area_ha
from . import gpkg_geom, schema, sql
from .backend import CHILD_LISTS, STATE_UNCHECKED, TABLE_CLASSES, RegistryStore, summary_of_row
from .errors import (
    AreaOwnerConflictError,
    ConflictError,
    RegistryCorruptError,
    RegistryError,
    RegistryExistsError,
    RegistryLockedError,
    RegistryNotFoundError,
    RegistryPermissionError,
    RegistryReadOnlyError,
    UnreadableGeometryError,
)
from .model import field_default, utc_now
from .text import fold, register_text_functions


def _defaults(cls):
    return {f.name: f for f in fields(cls)}


def _is_locked(exc):
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


_NO_WRITE = (errno.EACCES, errno.EPERM, errno.EROFS)


def _unreadable(path):
    """True when ``path`` exists for someone but this user may not read it (or reach it)."""
    try:
        os.stat(path)
    except PermissionError:
        return True
    except OSError:
        return False
    return not os.access(path, os.R_OK)


def file_error(exc, path, timeout=10.0):
    """The registry error a user can act on for an sqlite3 or OS error on the file at ``path``.

    None when ``exc`` is none of the known cases (a programming error, shown as unexpected).
    """
    path = Path(path)
    if isinstance(exc, RegistryError):
        return exc
    if _is_locked(exc):
        return RegistryLockedError(path=str(path), seconds=round(timeout, 1))
    if isinstance(exc, OSError):
        if exc.errno in _NO_WRITE:
            if _unreadable(path):
                return RegistryPermissionError(path=str(path))
            return RegistryReadOnlyError(path=str(path))
        return None
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open database file" in text:
        if _unreadable(path):
            return RegistryPermissionError(path=str(path))
        return RegistryReadOnlyError(path=str(path))
    if type(exc) is sqlite3.DatabaseError or "malformed" in text or "not a database" in text:
        return RegistryCorruptError(path=str(path), name=path.stem)
    return None


class GeoPackageRegistryStore(RegistryStore):
    """A registry in one GeoPackage file (see module docstring)."""

    def __init__(self, path, create=False, busy_timeout=10.0, migrate=True):
        self._path = Path(path)
        self._timeout = float(busy_timeout)
        self._conn = None
        self._lock = threading.RLock()
        try:
            self._open(create, migrate)
        except BaseException as exc:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if isinstance(exc, (sqlite3.DatabaseError, OSError)):
                self._raise_file_error(exc)
            raise

    def _open(self, create, migrate):
        if create:
            if self._path.exists():
                raise RegistryExistsError(path=str(self._path))
            schema.create(self._path)
        elif not self._path.exists():
            raise RegistryNotFoundError(path=str(self._path))
        elif migrate:
            schema.migrate(self._path, self._timeout)
        self._conn = sqlite3.connect(
            str(self._path), timeout=self._timeout, isolation_level=None, check_same_thread=False
        )
        gpkg_geom.register_functions(self._conn)
        register_text_functions(self._conn)
        version = self._read(lambda c: schema.read_version(c))
        if version != schema.SCHEMA_VERSION:
            raise schema.SchemaTooNewError(path=str(self._path), version=version, supported=schema.SCHEMA_VERSION)
        self._fields = {table: _defaults(cls) for table, cls in TABLE_CLASSES.items()}

    # --- plumbing -------------------------------------------------------------------------
    @property
    def location(self):
        return str(self._path)

    def close(self):
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def schema_version(self):
        return self._read(schema.read_version)

    def layer_uri(self):
        return str(self._path) + "|layername=" + schema.AREA_TABLE

    def _read(self, func):
        """Run ``func(conn)`` inside one read transaction (a consistent snapshot)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                try:
                    return func(self._conn)
                finally:
                    self._conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._raise_file_error(exc)
                raise

    def _raise_file_error(self, exc):
        """Raise ``exc`` as the registry error the user can act on, when it is a known case."""
        error = file_error(exc, self._path, self._timeout)
        if error is not None:
            raise error from exc

    @contextmanager
    def _write(self):
        """One write transaction: BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                self._raise_file_error(exc)
                raise
            try:
                yield self._conn
                self._conn.execute(sql.TOUCH_CONTENTS)
                self._conn.execute(sql.UPDATE_AREA_EXTENT)
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError):
                    self._raise_file_error(exc)
                raise

    # --- row mapping ----------------------------------------------------------------------
    def _to_row(self, table, obj, extra):
        kinds = sql.COLUMN_KINDS[table]
        row = []
        for col in sql.write_columns(table):
            if col in extra:
                row.append(extra[col])
                continue
            value = getattr(obj, col)
            kind = kinds[col]
            if kind == "json":
                value = json.dumps(
                    value if value is not None else field_default(self._fields[table][col]),
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
            elif kind == "bool" and value is not None:
                value = int(bool(value))
            row.append(value)
        return row

    def _from_row(self, table, row):
        cls = TABLE_CLASSES[table]
        kinds = sql.COLUMN_KINDS[table]
        known = self._fields[table]
        values = {}
        for col, value in zip(sql.write_columns(table), row):
            if col == schema.GEOMETRY_COLUMN:
                values["geometry_wkb"] = gpkg_geom.wkb_of(value) if value is not None else None
                continue
            if col not in known:
                continue
            kind = kinds[col]
            if value is None:
                value = field_default(known[col])
            elif kind == "json":
                value = json.loads(value)
            elif kind == "bool":
                value = bool(value)
            values[col] = value
        return cls(**values)

    # --- reading --------------------------------------------------------------------------
    def _where(self, flt):
        clauses, params = [], []
        if flt is None:
            return sql.LIST_FILTERS["all"], params
        if flt.text:
            clauses.append(sql.LIST_FILTERS["text"])
            params.append(fold(flt.text))
        if flt.department:
            clauses.append(sql.LIST_FILTERS["department"])
            params += [fold(flt.department), str(flt.department)]
        for key in ("restoration_status", "workflow_status", "validation_state", "ecosystem"):
            value = getattr(flt, key)
            if value is not None:
                clauses.append(sql.LIST_FILTERS[key])
                params.append(value)
        if flt.national_gap:
            gaps = [flt.national_gap] + (["BOTH"] if flt.national_gap in ("MINAM", "SERFOR") else [])
            clauses.append(sql.LIST_FILTERS["national_gap"])
            params.append(json.dumps(gaps))
        if flt.uuids is not None:
            clauses.append(sql.LIST_FILTERS["uuids"])
            params.append(json.dumps(list(flt.uuids)))
        return (" AND ".join(clauses) or sql.LIST_FILTERS["all"]), params

    def count_initiatives(self, flt=None):
        where, params = self._where(flt)
        return self._read(lambda c: c.execute(sql.COUNT_HEAD + where, params).fetchone()[0])

    def list_initiatives(self, flt=None, order_by="title", descending=False, limit=None, offset=0):
        where, params = self._where(flt)
        order = sql.LIST_ORDER[(order_by, bool(descending))]
        query = sql.LIST_HEAD + where + order + sql.LIST_PAGE
        params = params + [-1 if limit is None else int(limit), int(offset)]
        rows = self._read(lambda c: c.execute(query, params).fetchall())
        return [summary_of_row(r, json.loads(r[9] or "[]")) for r in rows]

    def _load(self, conn, uuids, progress=None, is_cancelled=None):
        if uuids is None:
            ini_rows = conn.execute(sql.SELECT_ALL["initiatives"]).fetchall()
        else:
            ini_rows = conn.execute(sql.SELECT_INITIATIVES_BY_UUID, (json.dumps(list(uuids)),)).fetchall()
        initiatives = {}
        for row in ini_rows:
            ini = self._from_row("initiatives", row)
            initiatives[ini.uuid] = ini
        keys = json.dumps(list(initiatives))
        for step, table in enumerate(("organizations", "contacts", schema.AREA_TABLE)):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            key = sql.PARENT_KEY[table]
            key_pos = sql.write_columns(table).index(key)
            for row in conn.execute(sql.SELECT_BY_PARENT[table], (keys,)):
                getattr(initiatives[row[key_pos]], CHILD_LISTS[table]).append(self._from_row(table, row))
            if progress is not None:
                progress(0.25 * (step + 1))
        areas = {a.uuid: a for ini in initiatives.values() for a in ini.areas}
        pos = sql.write_columns("monitoring_values").index("area_uuid")
        for row in conn.execute(sql.SELECT_BY_PARENT["monitoring_values"], (json.dumps(list(areas)),)):
            areas[row[pos]].monitoring.append(self._from_row("monitoring_values", row))
        if progress is not None:
            progress(1.0)
        return sorted(initiatives.values(), key=lambda i: (fold(i.title), i.uuid))

    def get_initiatives(self, uuids=None, progress=None, is_cancelled=None):
        return self._read(lambda c: self._load(c, uuids, progress, is_cancelled))

    def list_areas(self, initiative_uuids=None):
        def run(conn):
            if initiative_uuids is None:
                rows = conn.execute(sql.SELECT_ALL[schema.AREA_TABLE]).fetchall()
            else:
                rows = conn.execute(
                    sql.SELECT_BY_PARENT[schema.AREA_TABLE], (json.dumps(list(initiative_uuids)),)
                ).fetchall()
            return [self._from_row(schema.AREA_TABLE, r) for r in rows]

        return self._read(run)

    def area_owners(self, area_uuids):
        rows = self._read(lambda c: c.execute(sql.AREA_OWNERS, (json.dumps(list(area_uuids)),)).fetchall())
        return dict(rows)

    def distinct_values(self, column):
        statement = sql.DISTINCT_AREA_VALUES[column]
        return [r[0] for r in self._read(lambda c: c.execute(statement).fetchall())]

    # --- writing --------------------------------------------------------------------------
    @staticmethod
    def _prepare_areas(initiative):
        """Geometry blobs and ellipsoidal hectares, computed before the transaction starts."""
        prepared = {}
        for area in initiative.areas:
            geom = None
            if area.geometry_wkb is not None:
                geom = ogr.CreateGeometryFromWkb(bytes(area.geometry_wkb))
                if geom is None:
                    raise UnreadableGeometryError(area=area.uuid)
            blob = gpkg_geom.encode(geom) if geom is not None else None
            hectares = ellipsoidal_area_ha(geom) if geom is not None else None
            prepared[area.uuid] = (
                blob,
                round(hectares, 4) if hectares is not None else None,
                bytes(geom.ExportToIsoWkb(ogr.wkbNDR)) if geom is not None else None,
            )
        return prepared

    @staticmethod
    def _upsert(conn, table, row):
        """Update the row with this uuid, or insert it (row in sql.write_columns order)."""
        uuid = row[sql.write_columns(table).index("uuid")]
        if conn.execute(sql.UPDATE[table], row + [uuid]).rowcount == 0:
            conn.execute(sql.INSERT[table], row)

    def _write_rows(self, conn, initiative, prepared, progress=None, is_cancelled=None):
        keys = json.dumps([initiative.uuid])
        conn.execute(sql.DELETE_MONITORING_OF_INITIATIVES, (keys,))
        conn.execute(sql.DELETE_CHILDREN["organizations"], (keys,))
        conn.execute(sql.DELETE_CHILDREN["contacts"], (keys,))
        conn.execute(sql.DELETE_AREAS_NOT_KEPT, (initiative.uuid, json.dumps([a.uuid for a in initiative.areas])))
        self._upsert(conn, "initiatives", self._to_row("initiatives", initiative, {"search_text": None}))
        for pos, org in enumerate(initiative.organizations):
            conn.execute(
                sql.INSERT["organizations"],
                self._to_row("organizations", org, {"initiative_uuid": initiative.uuid, "position": pos}),
            )
        for pos, contact in enumerate(initiative.contacts):
            conn.execute(
                sql.INSERT["contacts"],
                self._to_row("contacts", contact, {"initiative_uuid": initiative.uuid, "position": pos}),
            )
        rows_total = max(1, len(initiative.areas) + sum(len(a.monitoring) for a in initiative.areas))
        done = 0
        for pos, area in enumerate(initiative.areas):
            blob, hectares, _wkb = prepared[area.uuid]
            extra = {
                "initiative_uuid": initiative.uuid,
                "position": pos,
                "area_ha": hectares,
                schema.GEOMETRY_COLUMN: blob,
            }
            self._upsert(conn, schema.AREA_TABLE, self._to_row(schema.AREA_TABLE, area, extra))
            for mpos, value in enumerate(area.monitoring):
                conn.execute(
                    sql.INSERT["monitoring_values"],
                    self._to_row("monitoring_values", value, {"area_uuid": area.uuid, "position": mpos}),
                )
                done += 1
                if done % 200 == 0:
                    if progress is not None:
                        progress(done / rows_total)
                    if is_cancelled is not None and is_cancelled():
                        raise Cancelled()
            done += 1
            if progress is not None:
                progress(done / rows_total)
        conn.execute(schema.REFRESH_SEARCH_TEXT, (initiative.uuid,))

    def save_initiative(self, initiative, progress=None):
        prepared = self._prepare_areas(initiative)
        now = utc_now()
        with self._write() as conn:
            row = conn.execute(sql.REVISION_OF, (initiative.uuid,)).fetchone()
            stored = row[0] if row else None
            if (stored is None and initiative.revision) or (stored is not None and stored != initiative.revision):
                raise ConflictError(
                    title=initiative.title, expected=initiative.revision, actual=stored if stored is not None else "-"
                )
            owners = dict(conn.execute(sql.AREA_OWNERS, (json.dumps([a.uuid for a in initiative.areas]),)).fetchall())
            for area_uuid, owner in owners.items():
                if owner != initiative.uuid:
                    raise AreaOwnerConflictError(title=initiative.title, area=area_uuid, other=owner)
            old = (initiative.revision, initiative.created_at, initiative.updated_at, initiative.validation_state)
            initiative.revision = (stored or 0) + 1
            initiative.created_at = initiative.created_at if stored is not None and initiative.created_at else now
            initiative.updated_at = now
            initiative.validation_state = STATE_UNCHECKED
            try:
                self._write_rows(conn, initiative, prepared, progress)
            except BaseException:
                initiative.revision, initiative.created_at, initiative.updated_at, initiative.validation_state = old
                raise
        for area in initiative.areas:
            _blob, area.area_ha, area.geometry_wkb = prepared[area.uuid]
            area.initiative_uuid = initiative.uuid
            area.validation_flags = []
        return initiative

    def put_initiatives(self, initiatives, progress=None, is_cancelled=None):
        initiatives = list(initiatives)
        prepared = [self._prepare_areas(ini) for ini in initiatives]
        with self._write() as conn:
            for n, (ini, prep) in enumerate(zip(initiatives, prepared)):
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled()
                self._write_rows(conn, ini, prep)
                if progress is not None:
                    progress((n + 1) / len(initiatives))
        for ini, prep in zip(initiatives, prepared):
            for area in ini.areas:
                _blob, area.area_ha, area.geometry_wkb = prep[area.uuid]
                area.initiative_uuid = ini.uuid

    def delete_initiative(self, uuid, expected_revision=None):
        with self._write() as conn:
            row = conn.execute(sql.REVISION_OF, (uuid,)).fetchone()
            if row is None:
                return False
            if expected_revision is not None and row[0] != expected_revision:
                raise ConflictError(title=row[1] or uuid, expected=expected_revision, actual=row[0])
            keys = json.dumps([uuid])
            conn.execute(sql.DELETE_MONITORING_OF_INITIATIVES, (keys,))
            for table in ("organizations", "contacts", schema.AREA_TABLE):
                conn.execute(sql.DELETE_CHILDREN[table], (keys,))
            conn.execute(sql.DELETE_INITIATIVES, (keys,))
        return True

    def set_validation_results(self, initiative_states, area_flags):
        with self._write() as conn:
            conn.executemany(sql.SET_INITIATIVE_STATE, [(state, uuid) for uuid, state in initiative_states.items()])
            conn.executemany(
                sql.SET_AREA_FLAGS,
                [(json.dumps(sorted(set(flags))), uuid) for uuid, flags in area_flags.items()],
            )

    def set_area_gaps(self, results):
        changed, owners = 0, set()
        with self._write() as conn:
            known = dict(conn.execute(sql.AREA_OWNERS, (json.dumps(list(results)),)).fetchall())
            for uuid, (gap, protected) in results.items():
                if uuid not in known:
                    continue
                cursor = conn.execute(_SET_AREA_GAP, (gap, protected or "", uuid, gap, protected or ""))
                if cursor.rowcount:
                    changed += 1
                    owners.add(known[uuid])
            if owners:
                conn.execute(_BUMP_REVISIONS, (utc_now(), json.dumps(sorted(owners))))
        return changed, sorted(set(results) - set(known))

    def set_area_monitoring(self, values, marker, prefix):
        changed, owners = 0, set()
        with self._write() as conn:
            known = dict(conn.execute(sql.AREA_OWNERS, (json.dumps(list(values)),)).fetchall())
            for uuid, rows in values.items():
                if uuid not in known:
                    continue
                conn.execute(_DELETE_RUN_VALUES, (uuid, prefix, prefix, marker))
                start = conn.execute(_NEXT_POSITION, (uuid,)).fetchone()[0]
                for pos, value in enumerate(rows, start=start):
                    conn.execute(sql.INSERT["monitoring_values"],
                                 self._to_row("monitoring_values", value, {"area_uuid": uuid, "position": pos}))
                changed += 1
                owners.add(known[uuid])
            if owners:
                conn.execute(_BUMP_REVISIONS, (utc_now(), json.dumps(sorted(owners))))
        return changed, sorted(set(values) - set(known))


# Values of an earlier run of the same configuration: our indicator codes AND the run's marker in the note.
_DELETE_RUN_VALUES = ("DELETE FROM monitoring_values WHERE area_uuid = ? AND substr(indicator, 1, length(?)) = ? "
                      "AND instr(coalesce(note, ''), ?) > 0")
_NEXT_POSITION = "SELECT coalesce(max(position), -1) + 1 FROM monitoring_values WHERE area_uuid = ?"
# Only rows whose values differ are touched, so a re-run changes nothing and bumps no revision.
_SET_AREA_GAP = (
    "UPDATE restoration_areas SET national_gap = ?, protected_area = ? "
    "WHERE uuid = ? AND (national_gap IS NOT ? OR coalesce(protected_area, '') IS NOT ?)"
)
_BUMP_REVISIONS = (
    "UPDATE initiatives SET revision = revision + 1, updated_at = ? "
    "WHERE uuid IN (SELECT value FROM json_each(?))"
)
