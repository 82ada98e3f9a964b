"""The administrative layer a PostGIS registry points to, kept in its database (issue 13: default zones).

A GeoPackage registry is one person's file: its areas get their department from the administrative
layer that person chose in the registry dock (kept in their QGIS profile). A PostGIS registry is shared
by an office and read by ``qgis_process`` on servers where no dock was ever opened, so it can name its
administrative layer itself, once, for everyone: the database setting ``t2restore.admin_layer`` (a
PostgreSQL custom setting, no table and no schema change), holding JSON:

- ``{"table": "public.limites_departamentales", "fields": {"department": "nombdep"}}``: a polygon table
  of the registry's own database, read with the registry's connection;
- ``{"source": "/shared/limites.gpkg|layername=dep", "provider": "ogr", "fields": {"department": ...}}``:
  a layer every user can open.

The registry's administrator sets it with ``write`` or in SQL:
``ALTER DATABASE <db> SET t2restore.admin_layer = '{"table": ..., "fields": {"department": ...}}'``.
Pure psycopg2 and json (no QGIS): the store's ``admin_layer()`` returns a plain dict.
"""

import json
import re

from ..algorithms.errors import N_
from .errors import RegistryError

SETTING = "t2restore.admin_layer"
READ = "SELECT current_setting('t2restore.admin_layer', true)"
GEOMETRY_COLUMN = ("SELECT f_geometry_column, srid, type FROM public.geometry_columns WHERE f_table_schema = %s "
                   "AND f_table_name = %s ORDER BY f_geometry_column LIMIT 1")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
_EXAMPLE = '{"table": "public.limites", "fields": {"department": "nombdep"}}'


class AdminSettingError(RegistryError):
    template = N_("The PostGIS registry {path} names its administrative layer in the database setting "
                  "t2restore.admin_layer, but its value is not a JSON object ({text}). Ask the registry's "
                  "administrator to set it again, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = "
                  "'{example}', or give ZONES.")


NO_FIELD = N_("The PostGIS registry {path} names its administrative layer in the database setting "
              "t2restore.admin_layer, but names no department field in it. Ask the registry's administrator to "
              "set it again, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', or give ZONES.")
TABLE_OR_SOURCE = N_("The PostGIS registry {path} names its administrative layer in the database setting "
                     "t2restore.admin_layer, but the setting must name either a table of the database or a source "
                     "layer, not both or neither. Ask the registry's administrator to set it again, e.g. ALTER "
                     "DATABASE {dbname} SET t2restore.admin_layer = '{example}', or give ZONES.")
BAD_NAME = N_("The PostGIS registry {path} names its administrative layer in the database setting "
              "t2restore.admin_layer, but the table {table} is not a plain name (schema.table: letters, digits, "
              "_). Ask the registry's administrator to set it again, e.g. ALTER DATABASE {dbname} SET "
              "t2restore.admin_layer = '{example}', or give ZONES.")
NO_TABLE = N_("The PostGIS registry {path} names its administrative layer in the database setting "
              "t2restore.admin_layer, but the database holds no polygon table {table} that this role may read. "
              "Ask the registry's administrator to load the administrative layer into that table and grant SELECT "
              "on it to the registry's roles, or to name the right table, e.g. ALTER DATABASE {dbname} SET "
              "t2restore.admin_layer = '{example}'; or give ZONES.")


def _fail(template, path, dbname, **params):
    raise AdminSettingError(template, path=path, dbname=dbname, example=_EXAMPLE, **params)


def parse(text, path="", dbname=""):
    """{"table"|"source", "provider", "fields"} of the setting's JSON ``text``, or None when it is empty."""
    if not (text or "").strip():
        return None
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        _fail(AdminSettingError.template, path, dbname, text=text[:200])
    fields = data.get("fields")
    if not isinstance(fields, dict) or not str(fields.get("department") or "").strip():
        _fail(NO_FIELD, path, dbname)
    table = str(data.get("table") or "").strip()
    source = str(data.get("source") or "").strip()
    if bool(table) == bool(source):
        _fail(TABLE_OR_SOURCE, path, dbname)
    if table:
        parts = table.split(".")
        if len(parts) > 2 or not all(_NAME.match(p) for p in parts):
            _fail(BAD_NAME, path, dbname, table=table)
        return {"table": table if len(parts) == 2 else "public." + table, "fields": fields}
    return {"source": source, "provider": str(data.get("provider") or "ogr"), "fields": fields}


def connection_params(conn):
    """The libpq keywords of the open psycopg2 connection ``conn`` (its password too, when it used one)."""
    used = conn.get_dsn_parameters()
    params = {k: used[k] for k in ("host", "hostaddr", "port", "dbname", "user", "sslmode") if used.get(k)}
    if conn.info.password:
        params["password"] = conn.info.password
    return params


def postgres_source(params, table, geometry_column):
    """A QGIS ``postgres`` data source of ``table`` over the connection ``params`` (libpq keywords; the
    password included when the connection has one: for opening the layer, never for showing)."""
    parts = ["%s='%s'" % (k, str(v).replace("\\", "\\\\").replace("'", "\\'")) for k, v in params.items()]
    schema, name = table.split(".")
    return " ".join(parts + ['table="%s"."%s" (%s)' % (schema, name, geometry_column)])


def read(cur, params, path):
    """The administrative layer the database at ``params`` (the open cursor ``cur``) names, as a dict
    {"source", "provider", "fields", "label"}, or None when the setting is not set."""
    dbname = params.get("dbname", "")
    cur.execute(READ)
    config = parse(cur.fetchone()[0], path, dbname)
    if config is None or "source" in config:
        return None if config is None else dict(config, label=config["source"])
    schema, name = config["table"].split(".")
    cur.execute(GEOMETRY_COLUMN, (schema, name))
    row = cur.fetchone()
    if row is None or "POLYGON" not in str(row[2]).upper():
        _fail(NO_TABLE, path, dbname, table=config["table"])
    return {"source": postgres_source(params, config["table"], row[0]), "provider": "postgres",
            "fields": config["fields"], "label": "%s %s" % (path, config["table"])}


def write(location, value):
    """Name the administrative layer of the PostGIS registry at ``location`` for every user (a dict as
    ``parse`` reads, or None to remove it): ``ALTER DATABASE``, which needs the database's owner (the
    registry's administrator); new connections see it."""
    from psycopg2 import sql

    from . import pg_connect

    text = "" if value is None else json.dumps(value, ensure_ascii=False)
    conn = pg_connect.connect(location)
    try:
        dbname = sql.Identifier(conn.info.dbname)
        if text:
            parse(text, pg_connect.display_name(location), conn.info.dbname)  # refuse what could not be read back
        statement = (sql.SQL("ALTER DATABASE {} SET t2restore.admin_layer = {}").format(dbname, sql.Literal(text))
                     if text else sql.SQL("ALTER DATABASE {} RESET t2restore.admin_layer").format(dbname))
        with conn.cursor() as cur:
            cur.execute(statement)
        conn.commit()
    finally:
        conn.close()
