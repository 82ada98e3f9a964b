"""Migrations of a PostGIS registry's schema, one step per version, all run in one transaction.

``migrate(cur, version)`` brings a registry from ``version`` to ``pg_schema.SCHEMA_VERSION`` on the
caller's cursor; the caller commits (or rolls everything back), so a failed step leaves the registry
exactly at the version it had, which stays recorded in ``t2restore.schema_version``.

Step 1 -> 2: version 1 kept every vocabulary in one table ``t2restore.lookups``; version 2 has one
table per vocabulary (``pg_lookups``, as the GeoPackage registry). The rows move, custom rows and
edited labels included; entries of the plugin's vocabularies missing from the old table are added;
``t2restore.lookups`` becomes a read-only view over the new tables.
"""

from ..algorithms.errors import N_
from . import pg_lookups, vocab
from .errors import RegistryError


class PgMigrationError(RegistryError):
    template = N_(
        "The PostGIS registry {path} could not be migrated from schema version {version} to {target}: {reason}. "
        "The server rolled the migration back, so the registry is still at version {version}. Correct the cause "
        "(as the registry's owner) and open it again."
    )


class UnmovableLookupsError(PgMigrationError):
    template = N_(
        "The PostGIS registry {path} could not be migrated from schema version {version} to {target}: its lookup "
        "table t2restore.lookups holds rows that fit no vocabulary table ({rows}), of a vocabulary this plugin "
        "does not know or with a code that is not a number where the vocabulary's codes are numbers. Nothing was "
        "changed (the registry is still at version {version}). As the registry's owner, correct or delete those "
        "rows, then open it again."
    )


class _UnmovableRowsError(Exception):
    """Raised inside the transaction; the store turns it into ``UnmovableLookupsError``."""

    def __init__(self, rows):
        super().__init__(rows)
        self.rows = rows


_OLD_ROWS = "SELECT vocabulary, code, parent_code FROM t2restore.lookups ORDER BY vocabulary, code"
_MOVE = (
    "INSERT INTO {table} (code, label_en, label_es, parent_code, selectable) "
    "SELECT code::{kind}, label_en, label_es, parent_code::{kind}, coalesce(selectable, true) "
    "FROM t2restore.lookups WHERE vocabulary = %s"
)
_DESCRIBE = (
    "UPDATE {table} SET parent_en = %s, parent_es = %s, group_en = %s, group_es = %s WHERE code = %s "
    "AND parent_en IS NULL"
)
_DESCRIBE_PRACTICE = "UPDATE {table} SET ferm_activities = %s WHERE code = %s AND ferm_activities IS NULL"
_PG_KIND = {"int": "integer", "text": "text"}


def _is_int(text):
    try:
        int(str(text))
    except ValueError:
        return False
    return True


def _unmovable(rows):
    """'vocabulary/code' of old lookup rows no version-2 table can hold."""
    bad = []
    for name, code, parent in rows:
        if name not in vocab.LOOKUP_TABLES:
            bad.append("%s/%s" % (name, code))
        elif pg_lookups.code_kind(name) == "int" and not all(_is_int(v) for v in (code, parent) if v is not None):
            bad.append("%s/%s" % (name, code))
    return bad


def _describe(cur, name, json_adapter):
    """Parent, group and FERM activities of the plugin's entries (version 1 did not keep them)."""
    table = pg_lookups.table(name)
    entries = vocab.get(name).entries
    cur.executemany(_DESCRIBE.format(table=table),  # nosec B608
                    [(e.parent_en, e.parent_es, e.group_en, e.group_es, e.code) for e in entries])
    if name == "restorationPractices":
        cur.executemany(_DESCRIBE_PRACTICE.format(table=table),  # nosec B608
                        [(json_adapter(list(e.mapping)), e.code) for e in entries])


def _v1_to_v2(cur, json_adapter):
    cur.execute(_OLD_ROWS)
    bad = _unmovable(cur.fetchall())
    if bad:
        shown = ", ".join(bad[:5]) + (" …" if len(bad) > 5 else "")
        raise _UnmovableRowsError(shown)
    for statement in pg_lookups.statements()[:-1]:  # the tables; the view replaces the old table below
        cur.execute(statement)
    for name in vocab.names():
        table, kind = pg_lookups.table(name), _PG_KIND[pg_lookups.code_kind(name)]
        cur.execute(_MOVE.format(table=table, kind=kind), (name,))  # nosec B608
        cur.executemany(pg_lookups.insert_sql(name, keep_existing=True), list(pg_lookups.rows(name, json_adapter)))
        _describe(cur, name, json_adapter)
    cur.execute("DROP TABLE t2restore.lookups")
    cur.execute(pg_lookups.view_sql())
    for statement in pg_lookups.grants():
        cur.execute(statement)


STEPS = {1: _v1_to_v2}


def migrate(cur, version, target, record, json_adapter):
    """Run every step from ``version`` to ``target`` on ``cur``; ``record(cur, new_version)`` after each.

    Raises ``_UnmovableRowsError`` (rows no table can hold) or the server's error without committing: the
    caller rolls back and reports ``error(...)``.
    """
    while version < target:
        if version not in STEPS:
            raise ValueError("no migration step from version %d" % version)
        STEPS[version](cur, json_adapter)
        version += 1
        record(cur, version)
    return version


def error(exc, path, version, target, first_line):
    """The message for a failed migration (``first_line(exc)``: the server's reason)."""
    if isinstance(exc, _UnmovableRowsError):
        return UnmovableLookupsError(path=path, version=version, target=target, rows=exc.rows)
    return PgMigrationError(path=path, version=version, target=target, reason=first_line(exc))
