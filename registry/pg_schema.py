"""Schema of a registry in PostgreSQL/PostGIS: tables, roles, row-level security, audit, migrations.

The tables are those of the GeoPackage registry (columns declared once in ``schema.py``) in the
PostgreSQL schema ``t2restore``, with uuid keys, ``geometry(MultiPolygon, 4326)`` and a GiST index,
plus what a shared registry needs:

- roles ``t2r_admin`` (everything), ``t2r_editor`` (reads all, inserts and changes only initiatives
  owned by its institution: ``role_institutions``) and ``t2r_reader`` (reads), enforced by
  row-level security policies, not only by the interface;
- ``audit``: one row per inserted, changed or deleted row (who, when, transaction, old and new
  values), written by triggers that users cannot bypass (the table is not writable to them);
- ``schema_version``: version history; a newer schema is refused, an older one migrated
  (``pg_migrations``);
- one lookup table per vocabulary (``pg_lookups``, since version 2), read by everyone, changed by
  administrators.

Every statement is fixed text: identifiers come from ``schema.py``'s declarations, values travel as
parameters.
"""

from . import pg_lookups, schema

SCHEMA_VERSION = 2
PG_SCHEMA = "t2restore"
ROLES = ("t2r_admin", "t2r_editor", "t2r_reader")
DATA_TABLES = ("initiatives", "organizations", "contacts", schema.AREA_TABLE, "monitoring_values")
PARENT = {
    "organizations": ("initiative_uuid", "initiatives"),
    "contacts": ("initiative_uuid", "initiatives"),
    schema.AREA_TABLE: ("initiative_uuid", "initiatives"),
    "monitoring_values": ("area_uuid", schema.AREA_TABLE),
}
# Columns only the PostGIS home has: folded keys for search and order (written by the store).
EXTRA_COLUMNS = {
    "initiatives": [("title_key", "text"), ("owner_institution", "text")],
    schema.AREA_TABLE: [("department_key", "text")],
}
_PG_TYPES = {
    "uuid": "uuid",
    "text": "text",
    "int": "integer",
    "real": "double precision",
    "json": "jsonb",
    "bool": "boolean",
}


def _column_sql(table, col, kind):
    if col == "uuid":
        return "uuid uuid PRIMARY KEY"
    if table in PARENT and col == PARENT[table][0]:
        parent = PARENT[table][1]
        return "%s uuid NOT NULL REFERENCES t2restore.%s(uuid) ON DELETE CASCADE" % (col, parent)
    if col == "revision":
        return "revision integer NOT NULL DEFAULT 0"
    if col == "owner_institution":
        return "owner_institution text DEFAULT t2restore.my_institution()"
    return '"%s" %s' % (col, _PG_TYPES[kind])


def _table_sql(table):
    columns, _doc = schema.TABLES[table]
    parts = [_column_sql(table, col, kind) for col, kind in columns + EXTRA_COLUMNS.get(table, [])]
    if table == schema.AREA_TABLE:
        parts.append("geom geometry(MultiPolygon, 4326)")
    return "CREATE TABLE t2restore.%s (%s)" % (table, ", ".join(parts))


_BASE = [
    "CREATE SCHEMA t2restore",
    "CREATE TABLE t2restore.schema_version (version integer PRIMARY KEY, vocabulary_version text, "
    "applied_at timestamptz NOT NULL DEFAULT now(), note text)",
    "CREATE TABLE t2restore.institutions (code text PRIMARY KEY, name text NOT NULL DEFAULT '')",
    "CREATE TABLE t2restore.role_institutions (role_name name PRIMARY KEY, "
    "institution text NOT NULL REFERENCES t2restore.institutions(code))",
    "CREATE FUNCTION t2restore.my_institution() RETURNS text LANGUAGE sql STABLE AS "
    "$$ SELECT institution FROM t2restore.role_institutions WHERE role_name = current_user $$",
    "CREATE TABLE t2restore.audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(), "
    "who name NOT NULL DEFAULT session_user, txid bigint NOT NULL DEFAULT txid_current(), table_name text NOT NULL, "
    "action text NOT NULL, row_uuid uuid, initiative_uuid uuid, old jsonb, new jsonb)",
    "CREATE INDEX audit_initiative ON t2restore.audit(initiative_uuid, id)",
    "CREATE INDEX audit_row ON t2restore.audit(row_uuid, id)",  # the trigger's look-up of a deleted area's owner
]

_INDEXES = [
    "CREATE INDEX organizations_initiative ON t2restore.organizations(initiative_uuid)",
    "CREATE INDEX contacts_initiative ON t2restore.contacts(initiative_uuid)",
    "CREATE INDEX areas_initiative ON t2restore.restoration_areas(initiative_uuid)",
    "CREATE INDEX monitoring_area ON t2restore.monitoring_values(area_uuid)",
    'CREATE INDEX initiatives_title ON t2restore.initiatives(title_key COLLATE "C", uuid)',
    "CREATE INDEX areas_geom ON t2restore.restoration_areas USING gist (geom)",
    "CREATE INDEX areas_department ON t2restore.restoration_areas(department_key)",
]

# The audit trigger runs as the registry's owner (SECURITY DEFINER) so that users can read the
# audit table but never write it themselves; ``who`` is the login (session_user).
_AUDIT = [
    "CREATE FUNCTION t2restore.audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
    "SET search_path = pg_catalog, public AS $$ "
    "DECLARE o jsonb; n jsonb; r jsonb; ini uuid; "
    "BEGIN "
    "IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF; "
    "IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF; "
    "r := coalesce(n, o); "
    "IF TG_TABLE_NAME = 'initiatives' THEN ini := (r->>'uuid')::uuid; "
    "ELSIF TG_TABLE_NAME = 'monitoring_values' THEN "
    "SELECT coalesce((SELECT a.initiative_uuid FROM t2restore.restoration_areas a "
    "WHERE a.uuid = (r->>'area_uuid')::uuid), (SELECT x.initiative_uuid FROM t2restore.audit x "
    "WHERE x.table_name = 'restoration_areas' AND x.row_uuid = (r->>'area_uuid')::uuid "
    "ORDER BY x.id DESC LIMIT 1)) INTO ini; "
    "ELSE ini := (r->>'initiative_uuid')::uuid; END IF; "
    "INSERT INTO t2restore.audit(table_name, action, row_uuid, initiative_uuid, old, new, who) "
    "VALUES (TG_TABLE_NAME, TG_OP, (r->>'uuid')::uuid, ini, o, n, session_user); "
    "RETURN NULL; END $$",
]


def _audit_trigger(table):
    return (
        "CREATE TRIGGER %s_audit AFTER INSERT OR UPDATE OR DELETE ON t2restore.%s "
        "FOR EACH ROW EXECUTE FUNCTION t2restore.audit_row()" % (table, table)
    )


def _owner_test(table):
    """The SQL condition 'this row belongs to the current role's institution'."""
    if table == "initiatives":
        return "owner_institution = t2restore.my_institution()"
    if table == "monitoring_values":
        return (
            "EXISTS (SELECT 1 FROM t2restore.restoration_areas a JOIN t2restore.initiatives i "
            "ON i.uuid = a.initiative_uuid WHERE a.uuid = area_uuid "
            "AND i.owner_institution = t2restore.my_institution())"
        )
    return (
        "EXISTS (SELECT 1 FROM t2restore.initiatives i WHERE i.uuid = initiative_uuid "
        "AND i.owner_institution = t2restore.my_institution())"
    )


def _policies(table):
    own = _owner_test(table)
    return [
        "ALTER TABLE t2restore.%s ENABLE ROW LEVEL SECURITY" % table,
        "CREATE POLICY read_all ON t2restore.%s FOR SELECT USING (true)" % table,
        "CREATE POLICY admin_all ON t2restore.%s FOR ALL TO t2r_admin USING (true) WITH CHECK (true)" % table,
        "CREATE POLICY editor_insert ON t2restore.%s FOR INSERT TO t2r_editor WITH CHECK (%s)" % (table, own),
        "CREATE POLICY editor_update ON t2restore.%s FOR UPDATE TO t2r_editor USING (%s) WITH CHECK (%s)"
        % (table, own, own),
        "CREATE POLICY editor_delete ON t2restore.%s FOR DELETE TO t2r_editor USING (%s)" % (table, own),
    ]


_GRANTS = [
    "GRANT USAGE ON SCHEMA t2restore TO t2r_admin, t2r_editor, t2r_reader",
    "GRANT SELECT ON ALL TABLES IN SCHEMA t2restore TO t2r_admin, t2r_editor, t2r_reader",
    "GRANT INSERT, UPDATE, DELETE ON t2restore.initiatives, t2restore.organizations, t2restore.contacts, "
    "t2restore.restoration_areas, t2restore.monitoring_values TO t2r_admin, t2r_editor",
    "GRANT INSERT, UPDATE, DELETE ON t2restore.institutions, t2restore.role_institutions TO t2r_admin",
    "REVOKE ALL ON t2restore.audit FROM PUBLIC",
    "GRANT SELECT ON t2restore.audit TO t2r_admin, t2r_editor, t2r_reader",
]


def statements():
    """Every statement that creates an empty registry, in order (roles must exist)."""
    out = list(_BASE) + pg_lookups.statements()
    out += [_table_sql(t) for t in DATA_TABLES]
    out += _INDEXES + _AUDIT
    out += [_audit_trigger(t) for t in DATA_TABLES]
    for table in DATA_TABLES:
        out += _policies(table)
    return out + _GRANTS + pg_lookups.grants()


_CREATE_ROLE = (
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN "
    "CREATE ROLE %s NOLOGIN; END IF; END $$"
)


def role_statements():
    """Create the three group roles when missing (roles belong to the cluster, not the database)."""
    return [_CREATE_ROLE % (role, role) for role in ROLES]


RECORD_VERSION = "INSERT INTO t2restore.schema_version (version, vocabulary_version, note) VALUES (%s, %s, %s)"
READ_VERSION = "SELECT max(version) FROM t2restore.schema_version"
HAS_REGISTRY = "SELECT to_regclass('t2restore.schema_version') IS NOT NULL"
HAS_POSTGIS = "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis')"
