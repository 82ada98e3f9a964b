"""History of an initiative in a PostGIS registry, read from the audit table the triggers write.

``history(store, uuid)`` lists the changes of the initiative row (who, when, action, revision);
``version_at(store, uuid, audit_id)`` rebuilds the whole initiative (organizations, contacts,
areas, monitoring) as it was right after the transaction of that change, by replaying the audit rows up to it; the
caller restores it by saving it over the current revision: a new change, itself audited.
"""

import json
from dataclasses import dataclass

from osgeo import ogr

from . import pg_sql, schema
from .model import Area, Contact, Initiative, MonitoringValue, Organization

_STATE_AT = (
    "SELECT DISTINCT ON (table_name, row_uuid) table_name, action, new FROM t2restore.audit "
    "WHERE initiative_uuid = %s::uuid AND id <= (SELECT max(x.id) FROM t2restore.audit x WHERE x.txid = "
    "(SELECT y.txid FROM t2restore.audit y WHERE y.id = %s)) ORDER BY table_name, row_uuid, id DESC"
)
_CLASSES = {
    "organizations": Organization,
    "contacts": Contact,
    schema.AREA_TABLE: Area,
    "monitoring_values": MonitoringValue,
}


@dataclass
class Change:
    """One audited change of an initiative row."""

    audit_id: int
    at: str
    who: str
    action: str
    revision: int
    title: str


def history(store, uuid):
    """The audited changes of the initiative ``uuid``, oldest first."""
    with store._read_cursor() as cur:
        cur.execute(pg_sql.HISTORY, (str(uuid),))
        rows = cur.fetchall()
    out = []
    for audit_id, at, who, action, old, new, _txid in rows:
        row = new if new is not None else old
        out.append(Change(audit_id, at, who, action, int(row.get("revision") or 0), row.get("title") or ""))
    return out


def _geometry_wkb(value):
    if value is None:
        return None
    if isinstance(value, dict):
        geom = ogr.CreateGeometryFromJson(json.dumps(value))
    else:
        geom = ogr.CreateGeometryFromWkb(bytes.fromhex(str(value)))
    return bytes(geom.ExportToIsoWkb(ogr.wkbNDR)) if geom is not None else None


def _make(cls, row):
    names = set(cls.__dataclass_fields__)
    values = {k: v for k, v in row.items() if k in names and v is not None}
    obj = cls(**values)
    if cls is Area:
        obj.geometry_wkb = _geometry_wkb(row.get(schema.GEOMETRY_COLUMN))
    return obj


def version_at(store, uuid, audit_id):
    """The initiative as it was right after the audited change ``audit_id`` (None if deleted then)."""
    with store._read_cursor() as cur:
        cur.execute(_STATE_AT, (str(uuid), int(audit_id)))
        rows = cur.fetchall()
    live = {}
    for table, action, new in rows:
        if action != "DELETE":
            live.setdefault(table, []).append(new)
    if not live.get("initiatives"):
        return None
    ini = _make(Initiative, live["initiatives"][0])
    children = {t: sorted(live.get(t, []), key=lambda r: r.get("position") or 0) for t in _CLASSES}
    ini.organizations = [_make(Organization, r) for r in children["organizations"]]
    ini.contacts = [_make(Contact, r) for r in children["contacts"]]
    areas = {r["uuid"]: _make(Area, r) for r in children[schema.AREA_TABLE]}
    ini.areas = list(areas.values())
    for row in children["monitoring_values"]:
        if row.get("area_uuid") in areas:
            areas[row["area_uuid"]].monitoring.append(_make(MonitoringValue, row))
    return ini


def restore(store, uuid, audit_id):
    """Save the version after ``audit_id`` as a new change of the current initiative; returns it."""
    current = store.get_initiative(uuid)
    old = version_at(store, uuid, audit_id)
    if old is None:
        raise ValueError("no such version")
    old.revision = current.revision if current is not None else 0
    old.created_at = current.created_at if current is not None else old.created_at
    return store.save_initiative(old)
