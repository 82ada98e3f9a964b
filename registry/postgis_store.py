"""The shared registry backend: a PostgreSQL/PostGIS database, written through psycopg2.

Same contract as the GeoPackage store (``backend.RegistryStore``): every write is one transaction
(a lost connection rolls it back on the server), a save carries the revision it was read at and the
UPDATE itself checks it (``... WHERE uuid = %s AND revision = %s``), so of two concurrent saves the
second is refused with ``ConflictError`` instead of overwriting the first. Who may change what is
enforced by the server (row-level security, ``pg_schema``); a refused write raises
``NotAllowedError``. Hectares come from the plugin's one area engine, computed before the transaction.
"""

import json
import threading
import uuid as _uuid
from contextlib import contextmanager
from dataclasses import dataclass, fields

from osgeo import ogr

from ..algorithms.errors import N_, Cancelled
from ..algorithms.geometry import ellipsoidal_area_ha
from . import admin_setting, pg_connect, pg_lookups, pg_migrations, pg_schema, pg_sql, schema, vocab
from .backend import CHILD_LISTS, STATE_UNCHECKED, TABLE_CLASSES, RegistryStore, summary_of_row
from .errors import AreaOwnerConflictError, ConflictError, RegistryError, UnreadableGeometryError
from .model import field_default, utc_now
from .sql import COLUMN_KINDS, PARENT_KEY
from .text import fold


@dataclass
class Capabilities:
    """The connected role: name, administrator or not, its institution, whether it may write at all."""

    role: str
    admin: bool
    institution: str
    may_edit: bool

    def may_change(self, owner_institution):
        """True when this role may change an initiative owned by ``owner_institution``."""
        return self.admin or (self.may_edit and owner_institution == self.institution)


def _valid_uuids(values):
    """The values that are UUIDs (others cannot be in a PostGIS registry)."""
    out = []
    for value in values:
        try:
            out.append(str(_uuid.UUID(str(value))))
        except ValueError:
            continue
    return out


def _require_uuid(value):
    try:
        _uuid.UUID(str(value))
    except ValueError:
        raise pg_connect.BadUuidError(value=str(value)) from None


def search_text(ini):
    """The folded search column: title, description, keywords, organizations and sites (as the GeoPackage)."""
    orgs = " ".join((o.name or "") + " " + (o.acronym or "") for o in ini.organizations)
    sites = " ".join((a.site_name or "") + " " + (a.district or "") + " " + (a.province or "") for a in ini.areas)
    keywords = json.dumps(ini.keywords or [], ensure_ascii=False, separators=(",", ":"))
    return fold(" ".join([ini.title or "", ini.description or "", keywords, orgs, sites]))


def initialize(location, create_roles=True):
    """Create the registry schema in the database at ``location`` (PostGIS must be installed).

    Refuses a database without PostGIS and one that already holds a registry (returns its version
    then). One transaction: a failure leaves the database as it was.
    """
    conn = pg_connect.connect(location)
    try:
        with conn.cursor() as cur:
            cur.execute(pg_schema.HAS_POSTGIS)
            if not cur.fetchone()[0]:
                raise pg_connect.NoPostgisError(path=pg_connect.display_name(location))
            cur.execute(pg_schema.HAS_REGISTRY)
            if cur.fetchone()[0]:
                cur.execute(pg_schema.READ_VERSION)
                return cur.fetchone()[0]
            if create_roles:
                for statement in pg_schema.role_statements():
                    cur.execute(statement)
            for statement in pg_schema.statements():
                cur.execute(statement)
            as_json = pg_connect.psycopg2.extras.Json
            for name in vocab.names():
                cur.executemany(pg_lookups.insert_sql(name), list(pg_lookups.rows(name, as_json)))
            cur.execute(pg_schema.RECORD_VERSION, (pg_schema.SCHEMA_VERSION, vocab.version(), "created"))
        conn.commit()
        return None
    except Exception as exc:
        conn.rollback()
        error = pg_connect.database_error(exc, location, _role_name(conn), N_("initialize"))
        if error is not None and error is not exc:
            raise error from exc
        raise
    finally:
        conn.close()


def _role_name(conn):
    try:
        return conn.info.user
    except Exception:  # a closed connection: the name is only for a message
        return "?"


class PostgisRegistryStore(RegistryStore):
    """A registry in a PostgreSQL/PostGIS database (see module docstring)."""

    def __init__(self, location, busy_timeout=10.0, migrate=True, name=None):
        self._location = location
        self._name = name or pg_connect.display_name(location)
        self._lock = threading.RLock()
        self._skipped = {}
        self._conn = pg_connect.connect(location, timeout=busy_timeout)
        self._fields = {table: {f.name: f for f in fields(cls)} for table, cls in TABLE_CLASSES.items()}
        try:
            self._check_schema(migrate)
        except BaseException:
            self.close()
            raise

    def _check_schema(self, migrate):
        with self._read_cursor() as cur:
            cur.execute(pg_schema.HAS_POSTGIS)
            if not cur.fetchone()[0]:
                raise pg_connect.NoPostgisError(path=self._name)
            cur.execute(pg_schema.HAS_REGISTRY)
            if not cur.fetchone()[0]:
                raise pg_connect.NotARegistryError(path=self._name)
            cur.execute(pg_schema.READ_VERSION)
            version = cur.fetchone()[0]
        if version is not None and version > pg_schema.SCHEMA_VERSION:
            raise schema.SchemaTooNewError(path=self._name, version=version, supported=pg_schema.SCHEMA_VERSION)
        if version != pg_schema.SCHEMA_VERSION and migrate:
            self._migrate(version or 0)

    def _migrate(self, version):
        """Every step to SCHEMA_VERSION in one transaction: on any failure nothing changes (message says why)."""

        def record(cur, new):
            cur.execute(pg_schema.RECORD_VERSION, (new, vocab.version(), "migrated from version %d" % (new - 1)))

        target = pg_schema.SCHEMA_VERSION
        try:
            with self._write(N_("migrate")) as cur:
                pg_migrations.migrate(cur, version, target, record, pg_connect.psycopg2.extras.Json)
        except pg_connect.NotAllowedError as exc:  # only the schema's owner may change it: the server's reason
            raise pg_migrations.error(exc.__cause__ or exc, self._name, version, target, pg_connect.first_line) \
                from None
        except RegistryError:
            raise
        except Exception as exc:  # noqa: BLE001 - the server's reason goes into the message
            raise pg_migrations.error(exc, self._name, version, target, pg_connect.first_line) from None

    # --- plumbing -------------------------------------------------------------------------
    @property
    def location(self):
        """The saved connection's name, or the connection string without its password, as text (for
        messages and settings); ``open_registry`` reopens it with the connection this store used,
        carried in memory only (``pg_connect.PgLocation``), so background tasks need no ~/.pgpass."""
        return pg_connect.PgLocation(self._name, self._location)

    def close(self):
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def capabilities(self):
        """What the connected role may do (the server enforces it; the dock greys out the rest)."""
        with self._read_cursor() as cur:
            cur.execute(pg_sql.MY_ROLES)
            admin, editor, institution, role, superuser = cur.fetchone()
        admin = bool(admin or superuser)
        editor = bool(editor and institution)
        return Capabilities(role=role, admin=admin, institution=institution, may_edit=admin or editor)

    def schema_version(self):
        with self._read_cursor() as cur:
            cur.execute(pg_schema.READ_VERSION)
            return cur.fetchone()[0]

    def layer_uri(self):
        """A QGIS PostgreSQL data source for the areas layer (no password: QGIS asks or uses its auth db)."""
        params = pg_connect.psycopg2.extensions.parse_dsn(pg_connect.conninfo(self._location))
        params.pop("password", None)
        parts = ["%s='%s'" % (k, str(v).replace("\\", "\\\\").replace("'", "\\'")) for k, v in params.items()]
        layer = 'key=\'uuid\' srid=4326 type=MultiPolygon table="t2restore"."restoration_areas" (geom)'
        return " ".join(parts + [layer])

    def admin_layer(self):
        """The administrative layer named by the database setting t2restore.admin_layer (``admin_setting``)."""
        with self._read_cursor() as cur:
            return admin_setting.read(cur, admin_setting.connection_params(self._conn), self._name)

    def _fail(self, exc, action):
        error = pg_connect.database_error(exc, self._location, _role_name(self._conn), action)
        if error is not None and error is not exc:
            raise error from exc

    def _reconnect_if_lost(self):
        """After a lost connection (server restarted, network cut) the next call connects again."""
        if self._conn is not None and self._conn.closed:
            self._conn = pg_connect.connect(self._location)

    @contextmanager
    def _read_cursor(self):
        with self._lock:
            self._reconnect_if_lost()
            try:
                with self._conn.cursor() as cur:
                    yield cur
                self._conn.rollback()
            except BaseException as exc:
                if self._conn is not None and not self._conn.closed:
                    self._conn.rollback()
                self._fail(exc, N_("read"))
                raise

    @contextmanager
    def _write(self, action):
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._lock:
            self._reconnect_if_lost()
            try:
                with self._conn.cursor() as cur:
                    yield cur
                self._conn.commit()
            except BaseException as exc:
                if self._conn is not None and not self._conn.closed:
                    self._conn.rollback()
                self._fail(exc, action)
                raise

    # --- row mapping ----------------------------------------------------------------------
    def _to_row(self, table, obj, extra):
        kinds = COLUMN_KINDS[table]
        row = []
        for col in pg_sql.write_columns(table):
            if col in extra:
                row.append(extra[col])
                continue
            value = getattr(obj, col)
            if kinds[col] == "json":
                value = value if value is not None else field_default(self._fields[table][col])
                value = pg_connect.psycopg2.extras.Json(value)
            row.append(value)
        return row

    def _from_row(self, table, row):
        known = self._fields[table]
        values = {}
        for col, value in zip(pg_sql.read_columns(table), row):
            if col == schema.GEOMETRY_COLUMN:
                values["geometry_wkb"] = bytes(value) if value is not None else None
            elif col in known:
                values[col] = field_default(known[col]) if value is None else value
        return TABLE_CLASSES[table](**values)

    # --- reading --------------------------------------------------------------------------
    def _where(self, flt):
        if flt is None:
            return pg_sql.LIST_FILTERS["all"], []
        clauses, params = [], []
        if flt.text:
            clauses.append(pg_sql.LIST_FILTERS["text"])
            params.append(fold(flt.text))
        if flt.department:
            clauses.append(pg_sql.LIST_FILTERS["department"])
            params += [fold(flt.department), str(flt.department)]
        for key in ("restoration_status", "workflow_status", "validation_state"):
            value = getattr(flt, key)
            if value is not None:
                clauses.append(pg_sql.LIST_FILTERS[key])
                params.append(value)
        if flt.ecosystem is not None:
            clauses.append(pg_sql.LIST_FILTERS["ecosystem"])
            params.append(json.dumps([flt.ecosystem]))
        if flt.national_gap:
            gaps = [flt.national_gap] + (["BOTH"] if flt.national_gap in ("MINAM", "SERFOR") else [])
            clauses.append(pg_sql.LIST_FILTERS["national_gap"])
            params.append(gaps)
        if flt.uuids is not None:
            clauses.append(pg_sql.LIST_FILTERS["uuids"])
            params.append(_valid_uuids(flt.uuids))
        return (" AND ".join(clauses) or pg_sql.LIST_FILTERS["all"]), params

    def count_initiatives(self, flt=None):
        where, params = self._where(flt)
        with self._read_cursor() as cur:
            cur.execute(pg_sql.COUNT_HEAD + where, params)
            return cur.fetchone()[0]

    def list_initiatives(self, flt=None, order_by="title", descending=False, limit=None, offset=0):
        where, params = self._where(flt)
        order = pg_sql.LIST_ORDER[(order_by, bool(descending))]
        query = pg_sql.LIST_HEAD + where + order + pg_sql.LIST_PAGE + pg_sql.LIST_TAIL + order
        with self._read_cursor() as cur:
            cur.execute(query, params + [None if limit is None else int(limit), int(offset)])
            rows = cur.fetchall()
        return [summary_of_row(r, list(r[9] or [])) for r in rows]

    def _load(self, cur, uuids, progress=None, is_cancelled=None):
        if uuids is None:
            cur.execute(pg_sql.SELECT_ALL["initiatives"])
        else:
            cur.execute(pg_sql.SELECT_INITIATIVES_BY_UUID, (_valid_uuids(uuids),))
        initiatives = {}
        for row in cur.fetchall():
            ini = self._from_row("initiatives", row)
            initiatives[ini.uuid] = ini
        keys = list(initiatives)
        for step, table in enumerate(("organizations", "contacts", schema.AREA_TABLE)):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            pos = pg_sql.read_columns(table).index(PARENT_KEY[table])
            cur.execute(pg_sql.SELECT_BY_PARENT[table], (keys,))
            for row in cur.fetchall():
                getattr(initiatives[row[pos]], CHILD_LISTS[table]).append(self._from_row(table, row))
            if progress is not None:
                progress(0.25 * (step + 1))
        areas = {a.uuid: a for ini in initiatives.values() for a in ini.areas}
        pos = pg_sql.read_columns("monitoring_values").index("area_uuid")
        cur.execute(pg_sql.SELECT_BY_PARENT["monitoring_values"], (list(areas),))
        for row in cur.fetchall():
            areas[row[pos]].monitoring.append(self._from_row("monitoring_values", row))
        if progress is not None:
            progress(1.0)
        return sorted(initiatives.values(), key=lambda i: (fold(i.title), i.uuid))

    def get_initiatives(self, uuids=None, progress=None, is_cancelled=None):
        with self._read_cursor() as cur:
            return self._load(cur, uuids, progress, is_cancelled)

    def list_areas(self, initiative_uuids=None):
        with self._read_cursor() as cur:
            if initiative_uuids is None:
                cur.execute(pg_sql.SELECT_ALL[schema.AREA_TABLE])
            else:
                cur.execute(pg_sql.SELECT_BY_PARENT[schema.AREA_TABLE], (_valid_uuids(initiative_uuids),))
            return [self._from_row(schema.AREA_TABLE, r) for r in cur.fetchall()]

    def area_owners(self, area_uuids):
        with self._read_cursor() as cur:
            cur.execute(pg_sql.AREA_OWNERS, (_valid_uuids(area_uuids),))
            return dict(cur.fetchall())

    def distinct_values(self, column):
        with self._read_cursor() as cur:
            cur.execute(pg_sql.DISTINCT_AREA_VALUES[column])
            return [r[0] for r in cur.fetchall()]

    # --- writing --------------------------------------------------------------------------
    @staticmethod
    def _prepare_areas(initiative):
        """Geometry WKB and ellipsoidal hectares, computed before the transaction starts."""
        _require_uuid(initiative.uuid)
        prepared = {}
        for area in initiative.areas:
            _require_uuid(area.uuid)
            geom = None
            if area.geometry_wkb is not None:
                geom = ogr.CreateGeometryFromWkb(bytes(area.geometry_wkb))
                if geom is None:
                    raise UnreadableGeometryError(area=area.uuid)
            wkb = bytes(geom.ExportToIsoWkb(ogr.wkbNDR)) if geom is not None else None
            hectares = round(ellipsoidal_area_ha(geom), 4) if geom is not None else None
            prepared[area.uuid] = (wkb, hectares)
        return prepared

    def _write_children(self, cur, initiative, prepared, progress=None, is_cancelled=None):
        for table in ("organizations", "contacts", schema.AREA_TABLE):
            cur.execute(pg_sql.DELETE_CHILDREN[table], (initiative.uuid,))
        for table, items in (("organizations", initiative.organizations), ("contacts", initiative.contacts)):
            rows = [
                self._to_row(table, o, {"initiative_uuid": initiative.uuid, "position": p}) for p, o in enumerate(items)
            ]
            if rows:
                cur.executemany(pg_sql.INSERT[table], rows)
        total = max(1, len(initiative.areas))
        for pos, area in enumerate(initiative.areas):
            wkb, hectares = prepared[area.uuid]
            extra = {
                "initiative_uuid": initiative.uuid,
                "position": pos,
                "area_ha": hectares,
                "department_key": fold(area.department),
                schema.GEOMETRY_COLUMN: pg_connect.psycopg2.Binary(wkb) if wkb is not None else None,
            }
            cur.execute(pg_sql.INSERT[schema.AREA_TABLE], self._to_row(schema.AREA_TABLE, area, extra))
            rows = [
                self._to_row("monitoring_values", v, {"area_uuid": area.uuid, "position": p})
                for p, v in enumerate(area.monitoring)
            ]
            if rows:
                cur.executemany(pg_sql.INSERT["monitoring_values"], rows)
            if progress is not None:
                progress((pos + 1) / total)
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()

    def _initiative_row(self, initiative):
        extra = {"search_text": search_text(initiative), "title_key": fold(initiative.title)}
        return self._to_row("initiatives", initiative, extra)

    def _check_area_owners(self, cur, initiative):
        cur.execute(pg_sql.AREA_OWNERS, ([a.uuid for a in initiative.areas],))
        for area_uuid, owner in cur.fetchall():
            if owner != initiative.uuid:
                raise AreaOwnerConflictError(title=initiative.title, area=area_uuid, other=owner)

    def _store_initiative(self, cur, initiative, expected, new_revision):
        """Insert (expected 0) or update-if-unchanged the initiative row; ConflictError otherwise."""
        row = self._initiative_row(initiative)
        if expected == 0:
            cur.execute(pg_sql.INSERT_INITIATIVE_NEW, row)
        else:
            cols = pg_sql.write_columns("initiatives")
            values = dict(zip(cols, row))
            params = [values[c] for c in pg_sql.UPDATE_INITIATIVE_COLUMNS]
            cur.execute(pg_sql.UPDATE_INITIATIVE, params + [new_revision, initiative.uuid, expected])
        if cur.rowcount == 1:
            return
        cur.execute(pg_sql.REVISION_OF, (initiative.uuid,))
        found = cur.fetchone()
        if found is not None and found[0] == expected:  # unchanged but not updated: refused by row security
            role = _role_name(self._conn)
            raise pg_connect.NotAllowedError(path=self._name, role=role, action=N_("change this initiative"))
        raise ConflictError(title=initiative.title, expected=expected, actual=found[0] if found else "-")

    def save_initiative(self, initiative, progress=None):
        prepared = self._prepare_areas(initiative)
        now = utc_now()
        old = (initiative.revision, initiative.created_at, initiative.updated_at, initiative.validation_state)
        expected = initiative.revision or 0
        initiative.revision = expected + 1
        initiative.created_at = initiative.created_at if expected and initiative.created_at else now
        initiative.updated_at = now
        initiative.validation_state = STATE_UNCHECKED
        try:
            with self._write(N_("save")) as cur:
                self._check_area_owners(cur, initiative)
                self._store_initiative(cur, initiative, expected, expected + 1)
                self._write_children(cur, initiative, prepared, progress)
        except BaseException:
            initiative.revision, initiative.created_at, initiative.updated_at, initiative.validation_state = old
            raise
        for area in initiative.areas:
            area.geometry_wkb, area.area_ha = prepared[area.uuid]
            area.initiative_uuid = initiative.uuid
            area.validation_flags = []
        return initiative

    def put_initiatives(self, initiatives, progress=None, is_cancelled=None):
        initiatives = list(initiatives)
        prepared = [self._prepare_areas(ini) for ini in initiatives]
        with self._write(N_("import")) as cur:
            for n, (ini, prep) in enumerate(zip(initiatives, prepared)):
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled()
                cur.execute(pg_sql.DELETE_INITIATIVE, (ini.uuid,))
                cur.execute(pg_sql.INSERT["initiatives"], self._initiative_row(ini))
                self._write_children(cur, ini, prep)
                if progress is not None:
                    progress((n + 1) / len(initiatives))
        for ini, prep in zip(initiatives, prepared):
            for area in ini.areas:
                area.geometry_wkb, area.area_ha = prep[area.uuid]
                area.initiative_uuid = ini.uuid

    def delete_initiative(self, uuid, expected_revision=None):
        if not _valid_uuids([uuid]):
            return False
        with self._write(N_("delete")) as cur:
            cur.execute(pg_sql.REVISION_OF, (uuid,))
            row = cur.fetchone()
            if row is None:
                return False
            if expected_revision is not None and row[0] != expected_revision:
                raise ConflictError(title=row[1] or uuid, expected=expected_revision, actual=row[0])
            cur.execute(pg_sql.DELETE_INITIATIVE, (uuid,))
            if cur.rowcount == 0:
                raise pg_connect.NotAllowedError(path=self._name, role=_role_name(self._conn), action=N_("delete"))
        return True

    def owners(self, uuids):
        """{initiative uuid: owning institution (None: administrators only)} for existing initiatives."""
        with self._read_cursor() as cur:
            cur.execute(pg_sql.OWNERS, (_valid_uuids(uuids),))
            return dict(cur.fetchall())

    def initiatives_of(self, institution):
        """uuids of the initiatives an institution owns (for check-out)."""
        with self._read_cursor() as cur:
            cur.execute(pg_sql.INITIATIVES_OF, (institution,))
            return [r[0] for r in cur.fetchall()]

    def set_owner(self, uuids, institution):
        """Give initiatives to an institution (administrators; refused by the server otherwise)."""
        with self._write(N_("change the owner")) as cur:
            cur.execute(pg_sql.SET_OWNER, (institution, _valid_uuids(uuids)))
            return cur.rowcount

    def last_skipped(self):
        """{owning institution ("" for none): initiatives} the server's row security left unchanged in
        the last validation or gap write-back (an editor's role skips other institutions' rows)."""
        return dict(self._skipped)

    def skipped_notice(self, what):
        """What to tell the user about ``last_skipped`` (``what``: N_-marked results), or None."""
        skipped = self.last_skipped()
        return pg_connect.SkippedRows(skipped, _role_name(self._conn), what) if skipped else None

    def _note_skipped(self, cur, initiative_uuids, area_uuids):
        self._skipped = {}
        if initiative_uuids or area_uuids:
            cur.execute(pg_sql.SKIPPED_OWNERS, (sorted(initiative_uuids), sorted(area_uuids)))
            self._skipped = dict(cur.fetchall())

    def set_validation_results(self, initiative_states, area_flags):
        states = {key: s for u, s in initiative_states.items() for key in _valid_uuids([u])}
        flags = {key: json.dumps(sorted(set(f))) for u, f in area_flags.items() for key in _valid_uuids([u])}
        self._skipped = {}
        with self._write(N_("validate")) as cur:
            cur.execute(pg_sql.SET_INITIATIVE_STATES, (list(states), list(states.values())))
            done = {r[0] for r in cur.fetchall()}
            cur.execute(pg_sql.SET_AREA_FLAGS, (list(flags), list(flags.values())))
            done_areas = {r[0] for r in cur.fetchall()}
            self._note_skipped(cur, set(states) - done, set(flags) - done_areas)

    def set_area_monitoring(self, values, marker, prefix):
        changed, owners = 0, set()
        with self._write(N_("save")) as cur:
            cur.execute(pg_sql.AREA_OWNERS, (_valid_uuids(values),))
            known = dict(cur.fetchall())
            for uuid, rows in values.items():
                if uuid not in known:
                    continue
                cur.execute(pg_sql.DELETE_RUN_VALUES, (uuid, prefix, prefix, marker))
                cur.execute(pg_sql.NEXT_POSITION, (uuid,))
                start = cur.fetchone()[0]
                params = [self._to_row("monitoring_values", v, {"area_uuid": uuid, "position": p})
                          for p, v in enumerate(rows, start=start)]
                if params:
                    cur.executemany(pg_sql.INSERT["monitoring_values"], params)
                changed += 1
                owners.add(known[uuid])
            if owners:
                cur.execute(pg_sql.BUMP_REVISIONS, (utc_now(), sorted(owners)))
        return changed, sorted(set(values) - set(known))

    def set_area_gaps(self, results):
        changed, owners = 0, set()
        self._skipped = {}
        with self._write(N_("save")) as cur:
            cur.execute(pg_sql.AREA_OWNERS, (_valid_uuids(results),))
            known = dict(cur.fetchall())
            for uuid, (gap, protected) in results.items():
                if uuid not in known:
                    continue
                cur.execute(pg_sql.SET_AREA_GAP, (gap, protected or "", uuid, gap, protected or ""))
                if cur.rowcount:
                    changed += 1
                    owners.add(known[uuid])
            if owners:
                cur.execute(pg_sql.BUMP_REVISIONS, (utc_now(), sorted(owners)))
            wanted = [(u, g, p or "") for u, (g, p) in results.items() if u in known]
            cur.execute(pg_sql.GAPS_NOT_WRITTEN, [list(c) for c in zip(*wanted)] if wanted else ([], [], []))
            self._note_skipped(cur, (), {r[0] for r in cur.fetchall()})
        return changed, sorted(set(results) - set(known))
