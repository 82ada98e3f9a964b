"""Lookup tables of a PostGIS registry (schema version 2): one table per vocabulary, as the GeoPackage.

Names (``vocab.LOOKUP_TABLES``) and columns (``schema.LOOKUP_COLUMNS``: the code, integer or text as
the vocabulary's codes, English and Spanish labels, parent, group, selectable; ``ferm_activities``
for restoration practices) are those of the GeoPackage registry, so a checked-out copy and its
shared home describe their codes alike. The code is each table's primary key. ``t2restore.lookups``
(version 1's single table) remains as a read-only view over every lookup table, so a query written
for version 1 still reads the same rows. Table names are fixed constants from ``vocab``; values travel
as parameters.
"""

from . import schema, vocab

_PG_KINDS = {"int": "integer", "text": "text", "bool": "boolean", "json": "jsonb"}
VIEW = "t2restore.lookups"


def table(name):
    """The qualified lookup table of a vocabulary (KeyError for an unknown vocabulary)."""
    return "t2restore." + vocab.LOOKUP_TABLES[name]


def code_kind(name):
    """"int" or "text": the type of a vocabulary's codes (and parent codes)."""
    return "int" if vocab.get(name).code_type is int else "text"


def columns(name):
    """[(column, kind)] of a vocabulary's lookup table, as the GeoPackage's."""
    out = [(col, kind or code_kind(name)) for col, kind in schema.LOOKUP_COLUMNS]
    if name == "restorationPractices":
        out.append(("ferm_activities", "json"))
    return out


def create_table_sql(name):
    parts = []
    for col, kind in columns(name):
        if col == "code":
            parts.append("code %s PRIMARY KEY" % _PG_KINDS[kind])
        elif col == "selectable":
            parts.append("selectable boolean NOT NULL DEFAULT true")
        else:
            parts.append("%s %s" % (col, _PG_KINDS[kind]))
    return "CREATE TABLE %s (%s)" % (table(name), ", ".join(parts))


def view_sql():
    """Version 1's ``t2restore.lookups`` (vocabulary, code, labels, parent, selectable) as a view."""
    selects = [
        "SELECT '%s'::text AS vocabulary, code::text AS code, label_en, label_es, parent_code::text AS parent_code, "
        "selectable FROM %s" % (name, table(name))  # nosec B608
        for name in vocab.names()
    ]
    return "CREATE VIEW %s AS %s" % (VIEW, " UNION ALL ".join(selects))


def statements():
    """Every lookup table, then the view over them (grants: ``grants``)."""
    return [create_table_sql(name) for name in vocab.names()] + [view_sql()]


def grants():
    """Readers, editors and administrators read every lookup; only administrators change them."""
    tables = ", ".join(table(name) for name in vocab.names())
    return [
        "GRANT SELECT ON %s, %s TO t2r_admin, t2r_editor, t2r_reader" % (tables, VIEW),
        "GRANT INSERT, UPDATE, DELETE ON %s TO t2r_admin" % tables,
    ]


def insert_sql(name, keep_existing=False):
    """INSERT of one full row of the vocabulary's table (``keep_existing``: codes already there are kept)."""
    cols = [col for col, _kind in columns(name)]
    text = "INSERT INTO %s (%s) VALUES (%s)" % (  # nosec B608
        table(name), ", ".join(cols), ", ".join(["%s"] * len(cols)))
    return text + (" ON CONFLICT (code) DO NOTHING" if keep_existing else "")


def rows(name, json_adapter=None):
    """The plugin's entries of a vocabulary, in the order of ``columns(name)``."""
    for e in vocab.get(name).entries:
        row = [e.code, e.label_en, e.label_es, e.parent_code, e.parent_en, e.parent_es, e.group_en, e.group_es,
               bool(e.selectable)]
        if name == "restorationPractices":
            activities = list(e.mapping)  # the FERM activities a practice maps to (as the GeoPackage)
            row.append(json_adapter(activities) if json_adapter is not None else activities)
        yield tuple(row)
