"""Registries for the FERM merge tests and benchmark: every vocabulary code, hostile texts, areas drawn
in UTM 18S, PSAD56 and SIRGAS, and a comparison of two GeoPackages read with sqlite3 only (not with
the code under test)."""

import re
import sqlite3
from contextlib import closing

from fixtures.hostile import TRICKY_TEXT
from osgeo import ogr, osr

from t2restore.registry import samples, vocab
from t2restore.registry.model import MonitoringValue, Organization
from t2restore.registry.store import create_registry

HOSTILE = [
    TRICKY_TEXT,
    "Línea uno\nlínea dos\r\ntres\tcuatro «año» ‘x’ — Robert'); DELETE FROM restoration_areas;--",
    "Queñua y pajonal ' OR '1'='1 \\ barra \u00a0espacio duro",
]
# EPSG codes of the CRSs Peruvian areas come in, and a point of Junín in each
SOURCE_CRSS = {"EPSG:32718": (476000.0, 8690000.0), "EPSG:24878": (476230.0, 8690370.0),
               "EPSG:31978": (476000.0, 8690000.0)}
SINGLE = ("gefIndicators", "captureMethods", "nationalGaps", "ubigeoSources")


def codes(name):
    return [e.code for e in vocab.get(name).entries if getattr(e, "selectable", True)]


def _projected_square(epsg, x, y, size_m):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg.split(":")[1]))
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for dx, dy in ((0, 0), (size_m, 0), (size_m, size_m), (0, size_m), (0, 0)):
        ring.AddPoint_2D(x + dx, y + dy)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    poly.AssignSpatialReference(srs)
    return poly


def _cycle(name, n):
    values = codes(name)
    return values[n % len(values)]


def rich_initiatives(count=4, areas=4):
    """Initiatives that together hold every code of the vocabularies the registry stores."""
    made = []
    for n in range(count):
        ini = samples.sample_initiative(n, areas=areas, monitoring=1)
        ini.title = "%s %d" % (HOSTILE[n % len(HOSTILE)], n)
        ini.description = HOSTILE[(n + 1) % len(HOSTILE)]
        ini.keywords = [HOSTILE[2], "bofedal"]
        ini.restoration_status = _cycle("restorationStatuses", n)
        ini.workflow_status = _cycle("workflowStatuses", n)
        ini.target_area_unit = _cycle("units", n)
        ini.reporting_line = _cycle("reportingLines", n)
        ini.restoration_types = codes("restorationTypes")
        ini.objectives = codes("projectObjectives")
        ini.tenure_statuses = codes("tenureStatuses")
        ini.funding_sources = codes("fundingSources")
        ini.implementing_institutions = codes("implementingInstitutions")
        ini.gef_targets = {code: 10.0 + k for k, code in enumerate(codes("gefIndicators"))}
        ini.objectives_other = HOSTILE[0]
        ini.organizations = [Organization(name=HOSTILE[k % 3] + " org %d" % k, acronym="O%d" % k, org_type=t,
                                          role=_cycle("agencyRoles", k))
                             for k, t in enumerate(codes("agencyTypes"))]
        ini.contacts[0].name = HOSTILE[1]
        for k, area in enumerate(ini.areas):
            _enrich_area(area, n * areas + k)
        made.append(ini)
    made[0].areas[0].monitoring = [MonitoringValue(indicator=code, unit="%", date="2024-01-01", value=1.0 + k,
                                                   note=HOSTILE[k % 3])
                                   for k, code in enumerate(codes("indicators"))]
    return made


def _enrich_area(area, k):
    area.site_name = HOSTILE[k % len(HOSTILE)] + " %d" % k
    area.ecosystems = codes("iucnEcosystems")
    area.activities = codes("activities")
    area.activities_other = HOSTILE[k % 3]
    area.restoration_types = codes("restorationTypes")
    area.tenure_statuses = codes("tenureStatuses")
    area.practices = codes("restorationPractices")
    area.protected_area = HOSTILE[(k + 1) % 3]
    for name, attr in zip(SINGLE, ("gef_indicator", "capture_method", "national_gap", "ubigeo_source")):
        setattr(area, attr, _cycle(name, k))
    epsg = list(SOURCE_CRSS)[k % len(SOURCE_CRSS)]
    x, y = SOURCE_CRSS[epsg]
    area.set_geometry(_projected_square(epsg, x + 1500.0 * k, y + 700.0 * (k % 5), 400.0 + 7.3 * k))


def build_registry(path, initiatives):
    with create_registry(path) as store:
        store.put_initiatives(initiatives)
    return path


# --- comparison through sqlite3 ------------------------------------------------------------
# Columns that may differ between two exports of the same content: feature ids, row and export
# times, schema history dates; and the R-tree shadow tables, which are keyed by feature id.
VOLATILE_COLUMNS = {"fid", "id", "created_at", "updated_at", "applied_at", "last_change", "seq", "timestamp"}
VOLATILE_KEYS = {"export_time"}
EXPORT_TIME_XML = re.compile(r'\s*<MDI key="export_time">[^<]*</MDI>')


def tables(path):
    with closing(sqlite3.connect(str(path))) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


def table_rows(path, table):
    """Sorted rows of ``table`` without the volatile columns (values as stored, blobs as bytes)."""
    with closing(sqlite3.connect(str(path))) as conn:
        cursor = conn.execute('SELECT * FROM "%s"' % table.replace('"', '""'))  # nosec B608
        names = [d[0] for d in cursor.description]
        keep = [i for i, name in enumerate(names) if name not in VOLATILE_COLUMNS]
        rows = [tuple(row[i] for i in keep) for row in cursor]
    if table == "t2r_export_metadata":
        rows = [r for r in rows if r[0] not in VOLATILE_KEYS]
    if table == "gpkg_metadata":  # GDAL's copy of the export metadata, export time included
        rows = [tuple(EXPORT_TIME_XML.sub("", v) if isinstance(v, str) else v for v in r) for r in rows]
    return [names[i] for i in keep], sorted(rows, key=repr)


def rtree_shadow(name):
    return name.startswith("rtree_") and name.rsplit("_", 1)[-1] in ("node", "parent", "rowid")
