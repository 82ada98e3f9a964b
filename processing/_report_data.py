"""Data of the Target 2 report (t2restore:target2_report): the indicator run, the tables, the provenance.

The headline figures come from running ``t2restore:target2_indicator`` itself on the same inputs (one
code path, so the report and the indicator can never disagree); the registry's own tables come from
``registry/report_tables.py``. Nothing here draws: the layout is ``_report_layout.py``.
"""

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from osgeo import ogr
from qgis.core import Qgis, QgsDataSourceUri, QgsProcessingException, QgsProcessingMultiStepFeedback, QgsVectorLayer

from .. import __about__
from ..algorithms.errors import N_
from ..algorithms.workbook import Table
from ..registry import pg_connect
from ..registry.ferm_source import package_path
from ..registry.store import open_registry
from ..registry.validate import validate_initiatives
from ..translation import tr
from . import _degraded_params

INDICATOR = "t2restore:target2_indicator"
HASH_LIMIT = 2 * 1024 ** 3  # inputs larger than this are listed without their SHA-256 (minutes of hashing)


@dataclass
class ReportData:
    """Everything the workbook and the printed report show."""

    national: dict                      # the indicator's national row (its output numbers)
    zones: list                         # [{"zone", "zone_id", "degraded", "inside", "outside", "share", ...}]
    gap_rows: list                      # the indicator's gap rows
    target_share: float
    target_ha: float
    area_method: str
    inside_path: str                    # restoration inside degraded land (GeoPackage), for the maps
    initiatives: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    registry: str = None                # path of the registry, when the areas come from one
    tables: list = field(default_factory=list)

    @property
    def zones_degraded(self):
        return sum(z["degraded"] for z in self.zones)


def indicator_parameters(alg, parameters, context, workdir):
    """The parameters of the target2_indicator run: the report's own (the degraded land read back by the
    helper both algorithms declare it with), outputs in ``workdir``."""
    keys = (alg.RESTORATION_AREAS, alg.ZONES, alg.ZONE_FIELD, alg.GAP_A, alg.GAP_B, alg.NAME_A, alg.NAME_B,
            alg.TARGET_SHARE, alg.TARGET_HA, alg.OUTCOMES, alg.OUTCOME_ID_FIELD)
    params = {key: parameters[key] for key in keys if parameters.get(key) not in (None, "")}
    params.update(_degraded_params.indicator_parameters(alg, parameters, context))
    params["OUTPUT"] = os.path.join(workdir, "inside.gpkg")
    params["OUTPUT_TABLE"] = os.path.join(workdir, "target2_table.gpkg")
    return params


def run_indicator(alg, parameters, context, feedback, workdir):
    """(results, table rows as dicts) of target2_indicator on the report's inputs."""
    import processing  # QGIS's Processing plugin (absolute import: not this package)

    step = QgsProcessingMultiStepFeedback(1, feedback)
    results = processing.run(INDICATOR, indicator_parameters(alg, parameters, context, workdir), context=context,
                             feedback=step, is_child_algorithm=True)
    return results, read_rows(results["OUTPUT_TABLE"])


def read_rows(path):
    """Rows of the indicator table ``path`` (GeoPackage) as {column: value} dicts."""
    ds = ogr.Open(str(path).split("|")[0])
    if ds is None:
        raise QgsProcessingException(tr("The indicator table {path} cannot be read.").format(path=path))
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = [dict(zip(names, (feat.GetField(i) for i in range(len(names))))) for feat in lyr]
    lyr = ds = None
    return rows


def zone_rows(rows, zone_names, target_share):
    """One row per zone of the zones layer (zones without any initiative or degraded land: 0 ha)."""
    found = {str(r["zone_id"]): r for r in rows if r["level"] == "zone" and r["zone_id"] is not None}
    out = []
    for zone_id, name in zone_names:
        row = found.get(str(zone_id))
        degraded = float(row["degraded_ha"]) if row else 0.0
        inside = float(row["restoration_in_degraded_ha"]) if row else 0.0
        outside = float(row["restoration_outside_degraded_ha"]) if row else 0.0
        share = 100.0 * inside / degraded if degraded > 0 else None
        out.append({"zone": name, "zone_id": str(zone_id), "degraded": degraded, "inside": inside,
                    "outside": outside, "share": share,
                    "to_share": max(0.0, target_share / 100.0 * degraded - inside),
                    "contribution": row["target_contribution_pct"] if row else 0.0})
    return out


def zone_names(source, name_field):
    """[(zone id, name)] of the zones layer, keyed by feature id as the indicator keys them."""
    if source is None:
        return []
    names = []
    for feature in source.getFeatures():
        value = feature[name_field] if name_field else None
        names.append((str(feature.id()), str(value) if value not in (None, "") and value == value else
                      str(feature.id())))
    return names


def registry_path(layer_source):
    """The T2 Restore registry behind a layer source (a GeoPackage path, or a PostGIS registry's connection
    string with the credentials of QGIS's authentication database), or None for any other polygon layer."""
    uri = QgsDataSourceUri(str(layer_source or ""))
    if uri.database() and uri.schema() == "t2restore" and uri.table() == "restoration_areas":
        return uri.connectionInfo(True)
    path = str(package_path(layer_source) or "")
    if not path or not os.path.isfile(path):
        return None
    ds = ogr.Open(path)
    found = ds is not None and ds.GetLayerByName("t2r_schema_version") is not None
    ds = None
    return path if found else None


def registry_contents(path, feedback):
    """(initiatives, validation findings) of the registry at ``path`` (validated now, nothing written)."""
    with open_registry(path, migrate=False) as store:
        initiatives = store.get_initiatives(None)
    report = validate_initiatives(initiatives)
    errors = len(report.errors())
    if errors:
        feedback.pushWarning(tr("The registry has {n} validation errors: the report is made and lists them in "
                                "their own section and sheet.").format(n=errors))
    return initiatives, report.findings


def _figure(rows_value):
    return None if rows_value is None else float(rows_value)


def summary_table(data, registered):
    """The headline figures (the indicator's national row) and the registry's double counting."""
    n = data.national
    count, hectares = registered
    dissolved = n["RESTORATION_IN_DEGRADED_HA"] + n["RESTORATION_OUTSIDE_HA"]
    row = {"degraded": n["DEGRADED_HA"], "inside": n["RESTORATION_IN_DEGRADED_HA"],
           "outside": n["RESTORATION_OUTSIDE_HA"], "share": n["SHARE_PCT"], "target_share": data.target_share,
           "to_share": n["TO_SHARE_HA"], "target_ha": data.target_ha, "to_target": _figure(n["TO_TARGET_HA"]),
           "areas": count if data.registry else None, "registered": hectares if data.registry else None,
           "double": max(0.0, hectares - dissolved) if data.registry else None, "method": data.area_method,
           "recovering": n.get("RECOVERING_IN_DEGRADED_HA"), "recovering_share": n.get("RECOVERING_SHARE_PCT")}
    return Table(N_("Summary"), [
        ("degraded", N_("Degraded land (ha)"), "real"),
        ("inside", N_("Restoration inside degraded land (ha)"), "real"),
        ("outside", N_("Restoration outside degraded land (ha)"), "real"),
        ("share", N_("Share of degraded land under restoration (%)"), "real"),
        ("target_share", N_("Target share (%)"), "real"),
        ("to_share", N_("Missing to the target share (ha)"), "real"),
        ("target_ha", N_("National goal (ha)"), "real"),
        ("to_target", N_("Missing to the national goal (ha)"), "real"),
        ("areas", N_("Registered areas"), "int"),
        ("registered", N_("Registered area, overlaps counted twice (ha)"), "real"),
        ("double", N_("Double counting removed (ha)"), "real"),
        ("recovering", N_("Recovering restoration inside degraded land (ha)"), "real"),
        ("recovering_share", N_("Share of degraded land under recovering restoration (%)"), "real"),
        ("method", N_("Area method"), "text")], [row])


def zones_table(data):
    return Table(N_("Departments"), [
        ("zone", N_("Department"), "text"), ("zone_id", N_("Zone id"), "text"),
        ("degraded", N_("Degraded land (ha)"), "real"), ("inside", N_("Restoration inside degraded land (ha)"), "real"),
        ("outside", N_("Restoration outside degraded land (ha)"), "real"),
        ("share", N_("Share of degraded land under restoration (%)"), "real"),
        ("to_share", N_("Missing to the target share (ha)"), "real"),
        ("contribution", N_("Contribution to the national goal (%)"), "real")], data.zones)


def gap_layers_table(data):
    rows = [{"gap": r["name"], "degraded": r["degraded_ha"], "inside": r["restoration_in_degraded_ha"],
             "outside": r["restoration_outside_degraded_ha"], "share": r["share_pct"]} for r in data.gap_rows]
    return Table(N_("Gap layers"), [
        ("gap", N_("Gap"), "text"), ("degraded", N_("Degraded land (ha)"), "real"),
        ("inside", N_("Restoration inside degraded land (ha)"), "real"),
        ("outside", N_("Restoration outside degraded land (ha)"), "real"),
        ("share", N_("Share of degraded land under restoration (%)"), "real")], rows)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def input_files(alg, parameters, context):
    """[(parameter, path)] of the file inputs of the run."""
    out = []
    for key in (alg.DEGRADED, alg.RESTORATION_AREAS, alg.ZONES, alg.GAP_A, alg.GAP_B, alg.TEMPLATE):
        value = parameters.get(key)
        if value in (None, ""):
            continue
        layer = alg.parameterAsLayer(parameters, key, context) if key != alg.TEMPLATE else None
        source = layer.source() if layer is not None else str(value)
        if isinstance(layer, QgsVectorLayer) and layer.providerType() == "postgres":  # named without its password
            uri = QgsDataSourceUri(source)
            out.append((key, "%s %s" % (pg_connect.display_name(uri.connectionInfo(False)), uri.quotedTablename())))
            continue
        path = str(package_path(source)) if isinstance(layer, QgsVectorLayer) else source.split("|")[0]
        out.append((key, path))
    return out


def provenance_table(alg, parameters, context, data):
    """Inputs (name, size, date, SHA-256), parameters, versions and the area method."""
    rows = []
    for key, path in input_files(alg, parameters, context):
        exists = os.path.isfile(path)
        size = os.path.getsize(path) if exists else None
        stamp = datetime.fromtimestamp(os.path.getmtime(path), timezone.utc).isoformat() if exists else ""
        digest = sha256(path) if exists and size <= HASH_LIMIT else ""
        rows.append({"kind": N_("Input"), "name": key, "value": os.path.basename(path) if exists else path,
                     "size": size, "date": stamp, "sha256": digest})
    for key in sorted(parameters):
        if key.startswith("OUTPUT") or key in (alg.DEGRADED, alg.RESTORATION_AREAS, alg.ZONES, alg.GAP_A, alg.GAP_B):
            continue
        rows.append({"kind": N_("Parameter"), "name": key, "value": str(parameters[key])})
    rows += [{"kind": N_("Version"), "name": "T2 Restore", "value": __about__.__version__},
             {"kind": N_("Version"), "name": "QGIS", "value": Qgis.QGIS_VERSION},
             {"kind": N_("Method"), "name": N_("Area method"), "value": data.area_method},
             {"kind": N_("Method"), "name": N_("Made on"), "value": datetime.now(timezone.utc).isoformat()}]
    return Table(N_("Method and provenance"), [
        ("kind", N_("Kind"), "text"), ("name", N_("Name"), "text"), ("value", N_("Value"), "text"),
        ("size", N_("Size (bytes)"), "int"), ("date", N_("Modified (UTC)"), "text"),
        ("sha256", N_("SHA-256"), "text")], rows)


def translated(table):
    """A copy of ``table`` with its name, headers and N_-marked texts in the user's language."""
    columns = [(key, tr(header), kind) for key, header, kind in table.columns]
    rows = [{key: _text(key, value) for key, value in row.items()} for row in table.rows]
    if not rows:
        first = next((key for key, _h, kind in table.columns if kind == "text"), None)
        rows = [{first: tr("(none)")}] if first else []
    return Table(tr(table.name), columns, rows)


MARKED = {N_("(not given)"), N_("Area method"), N_("Made on")}


def _text(key, value):
    """Cell texts that are N_-marked labels (the kind column, a few fixed names) translated."""
    if isinstance(value, str) and (key == "kind" or value in MARKED):
        return tr(value)
    return value
