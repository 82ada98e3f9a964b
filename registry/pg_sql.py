"""The fixed SQL statements of the PostGIS store, built once from schema.py's declarations.

As in ``sql.py`` (the GeoPackage store's statements) only declared identifiers are placed into SQL
text, quoted by ``sql.ident``; every value travels as a ``%s`` parameter of psycopg2.
"""

from . import schema
from .sql import PARENT_KEY, TABLE_COLUMNS
from .sql import ident as _declared

T = "t2restore."
AREA = schema.AREA_TABLE
DATA_TABLES = ["initiatives", "organizations", "contacts", AREA, "monitoring_values"]
EXTRA = {"initiatives": ["title_key"], AREA: ["department_key"]}
_EXTRA_NAMES = {c for cols in EXTRA.values() for c in cols}


def ident(name):
    """A quoted declared identifier (``sql.ident``) or one of the PostGIS home's extra columns."""
    return '"' + name + '"' if name in _EXTRA_NAMES else _declared(name)


def write_columns(table):
    """Columns written for ``table`` (the folded keys of the PostGIS home included), geometry last."""
    cols = list(TABLE_COLUMNS[table]) + EXTRA.get(table, [])
    if table == AREA:
        cols.append(schema.GEOMETRY_COLUMN)
    return cols


def read_columns(table):
    """Columns read for ``table``: those of the model, geometry last (as WKB)."""
    cols = list(TABLE_COLUMNS[table])
    if table == AREA:
        cols.append(schema.GEOMETRY_COLUMN)
    return cols


def _value_slot(table, col):
    if col == schema.GEOMETRY_COLUMN:
        return "ST_Multi(ST_GeomFromWKB(%s, 4326))"
    return "%s"


def _select_list(table):
    out = []
    for col in read_columns(table):
        if col == schema.GEOMETRY_COLUMN:
            out.append("ST_AsBinary(geom, 'NDR')")
        elif col == "uuid" or col == PARENT_KEY.get(table):
            out.append(ident(col) + "::text")
        else:
            out.append(ident(col))
    return ", ".join(out)


def _insert(table):
    cols = write_columns(table)
    return "INSERT INTO %s%s (%s) VALUES (%s)" % (  # nosec B608
        T,
        table,
        ", ".join(ident(c) for c in cols),
        ", ".join(_value_slot(table, c) for c in cols),
    )


def _select(table, key=None):
    text = "SELECT %s FROM %s%s" % (_select_list(table), T, table)  # nosec B608
    if key:
        text += " WHERE %s = ANY(%%s::uuid[])" % ident(key)
    if "position" in TABLE_COLUMNS[table]:
        text += " ORDER BY %s, position" % ident(PARENT_KEY.get(table, "uuid"))
    return text


def _update_initiative():
    cols = [c for c in write_columns("initiatives") if c not in ("uuid", "revision")]
    sets = ", ".join(ident(c) + " = %s" for c in cols)
    return "UPDATE t2restore.initiatives SET %s, revision = %%s WHERE uuid = %%s AND revision = %%s" % sets  # nosec B608


INSERT = {t: _insert(t) for t in DATA_TABLES}
INSERT_INITIATIVE_NEW = INSERT["initiatives"] + " ON CONFLICT (uuid) DO NOTHING"
UPDATE_INITIATIVE = _update_initiative()
UPDATE_INITIATIVE_COLUMNS = [c for c in write_columns("initiatives") if c not in ("uuid", "revision")]
SELECT_ALL = {t: _select(t) for t in DATA_TABLES}
SELECT_BY_PARENT = {t: _select(t, PARENT_KEY[t]) for t in PARENT_KEY}
SELECT_INITIATIVES_BY_UUID = _select("initiatives", "uuid")

DELETE_CHILDREN = {
    t: "DELETE FROM t2restore.%s WHERE initiative_uuid = %%s" % t  # nosec B608
    for t in ("organizations", "contacts", AREA)
}
DELETE_INITIATIVE = "DELETE FROM t2restore.initiatives WHERE uuid = %s"
REVISION_OF = "SELECT revision, title, owner_institution FROM t2restore.initiatives WHERE uuid = %s"
AREA_OWNERS = (
    "SELECT uuid::text, initiative_uuid::text FROM t2restore.restoration_areas WHERE uuid = ANY(%s::uuid[])"
)
# Validation results, all rows in one statement; RETURNING names the rows the server let this role change
# (row security skips other institutions' rows without an error: see SKIPPED_OWNERS).
SET_INITIATIVE_STATES = (
    "UPDATE t2restore.initiatives i SET validation_state = v.state FROM unnest(%s::uuid[], %s::text[]) "
    "AS v(uuid, state) WHERE i.uuid = v.uuid RETURNING i.uuid::text"
)
SET_AREA_FLAGS = (
    "UPDATE t2restore.restoration_areas a SET validation_flags = v.flags FROM unnest(%s::uuid[], %s::jsonb[]) "
    "AS v(uuid, flags) WHERE a.uuid = v.uuid RETURNING a.uuid::text"
)
# Areas whose gap results still differ after the UPDATE: the server skipped them.
GAPS_NOT_WRITTEN = (
    "SELECT a.uuid::text FROM t2restore.restoration_areas a JOIN unnest(%s::uuid[], %s::text[], %s::text[]) "
    "AS v(uuid, gap, protected) ON a.uuid = v.uuid WHERE a.national_gap IS DISTINCT FROM v.gap "
    "OR coalesce(a.protected_area, '') IS DISTINCT FROM v.protected"
)
# {owning institution: initiatives} of initiatives (or of the initiatives of areas) a write skipped.
SKIPPED_OWNERS = (
    "SELECT coalesce(i.owner_institution, ''), count(*) FROM t2restore.initiatives i WHERE i.uuid = ANY(%s::uuid[]) "
    "OR i.uuid IN (SELECT a.initiative_uuid FROM t2restore.restoration_areas a WHERE a.uuid = ANY(%s::uuid[])) "
    "GROUP BY 1 ORDER BY 1"
)
SET_AREA_GAP = (
    "UPDATE t2restore.restoration_areas SET national_gap = %s, protected_area = %s WHERE uuid = %s "
    "AND (national_gap IS DISTINCT FROM %s OR coalesce(protected_area, '') IS DISTINCT FROM %s)"
)
BUMP_REVISIONS = (
    "UPDATE t2restore.initiatives SET revision = revision + 1, updated_at = %s WHERE uuid = ANY(%s::uuid[])"
)
DISTINCT_AREA_VALUES = {
    col: "SELECT DISTINCT %s FROM t2restore.restoration_areas WHERE %s <> '' ORDER BY 1"  # nosec B608
    % (ident(col), ident(col))
    for col in ("department", "province", "district", "ubigeo", "national_gap", "capture_method")
}

# The page is chosen first (inner query: filter, order, LIMIT/OFFSET on the initiatives alone),
# then the area aggregates are computed for its rows only: a page deep in the list costs the same.
LIST_HEAD = (
    "SELECT i.uuid::text, i.title, i.restoration_status, i.workflow_status, i.validation_state, "
    "i.start_year, i.end_year, "
    "(SELECT count(*) FROM t2restore.restoration_areas a WHERE a.initiative_uuid = i.uuid), "
    "(SELECT coalesce(sum(a.area_ha), 0) FROM t2restore.restoration_areas a WHERE a.initiative_uuid = i.uuid), "
    "(SELECT coalesce(array_agg(DISTINCT a.department), '{}') FROM t2restore.restoration_areas a "
    "WHERE a.initiative_uuid = i.uuid AND a.department <> ''), "
    "i.updated_at, i.revision FROM (SELECT i.uuid, i.title, i.restoration_status, i.workflow_status, "
    "i.validation_state, i.start_year, i.end_year, i.updated_at, i.revision, i.title_key "
    "FROM t2restore.initiatives i WHERE "
)
LIST_TAIL = ") i"
COUNT_HEAD = "SELECT count(*) FROM t2restore.initiatives i WHERE "
LIST_FILTERS = {
    "all": "true",
    "text": "strpos(i.search_text, %s) > 0",
    "department": (
        "EXISTS (SELECT 1 FROM t2restore.restoration_areas a WHERE a.initiative_uuid = i.uuid AND "
        "(a.department_key = %s OR substr(a.ubigeo, 1, 2) = %s))"
    ),
    "restoration_status": "i.restoration_status = %s",
    "workflow_status": "i.workflow_status = %s",
    "validation_state": "i.validation_state = %s",
    "national_gap": (
        "EXISTS (SELECT 1 FROM t2restore.restoration_areas a WHERE a.initiative_uuid = i.uuid AND "
        "a.national_gap = ANY(%s))"
    ),
    "ecosystem": (
        "EXISTS (SELECT 1 FROM t2restore.restoration_areas a WHERE a.initiative_uuid = i.uuid AND "
        "a.ecosystems @> %s::jsonb)"
    ),
    "uuids": "i.uuid = ANY(%s::uuid[])",
}
# Folded titles compared by code point (COLLATE "C" on UTF-8), NULL years first ascending: the
# same order as the GeoPackage home.
LIST_ORDER = {
    ("title", False): ' ORDER BY i.title_key COLLATE "C", i.uuid',
    ("title", True): ' ORDER BY i.title_key COLLATE "C" DESC, i.uuid',
    ("updated_at", False): ' ORDER BY i.updated_at COLLATE "C", i.uuid',
    ("updated_at", True): ' ORDER BY i.updated_at COLLATE "C" DESC, i.uuid',
    ("start_year", False): " ORDER BY i.start_year NULLS FIRST, i.uuid",
    ("start_year", True): " ORDER BY i.start_year DESC NULLS LAST, i.uuid",
}
LIST_PAGE = " LIMIT %s OFFSET %s"
HISTORY = (
    "SELECT id, at::text, who::text, action, old, new, txid FROM t2restore.audit "
    "WHERE table_name = 'initiatives' AND row_uuid = %s::uuid ORDER BY id"
)
AUDIT_ROWS_OF_TX = (
    "SELECT table_name, new FROM t2restore.audit WHERE txid = %s AND initiative_uuid = %s::uuid "
    "AND action <> 'DELETE' ORDER BY id"
)
MY_ROLES = (
    "SELECT pg_has_role(current_user, 't2r_admin', 'MEMBER'), pg_has_role(current_user, 't2r_editor', 'MEMBER'), "
    "t2restore.my_institution(), current_user::text, "
    "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR "
    "pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 't2restore'), 'MEMBER')"
)
OWNERS = "SELECT uuid::text, owner_institution FROM t2restore.initiatives WHERE uuid = ANY(%s::uuid[])"
SET_OWNER = "UPDATE t2restore.initiatives SET owner_institution = %s WHERE uuid = ANY(%s::uuid[])"
INITIATIVES_OF = "SELECT uuid::text FROM t2restore.initiatives WHERE owner_institution = %s ORDER BY title_key, uuid"
# Values of an earlier run of the same configuration (as the GeoPackage store): our indicator codes AND the marker.
DELETE_RUN_VALUES = (
    "DELETE FROM t2restore.monitoring_values WHERE area_uuid = %s AND substr(indicator, 1, length(%s)) = %s "
    "AND strpos(coalesce(note, ''), %s) > 0"
)
NEXT_POSITION = "SELECT coalesce(max(position), -1) + 1 FROM t2restore.monitoring_values WHERE area_uuid = %s"
