"""The extra layers of a FERM-compatible export: FERM's public flat layer and the GEF table.

The flat layer uses the property names of FERM's own public polygon export (lists as ";"-joined
English labels), so an export can be compared with what FERM publishes; the GEF layer carries the
fields of the FAO-GEF geospatial requirements. Both are derived data: the registry tables in the
same file remain the lossless record.
"""

from osgeo import ogr

from ..algorithms.geometry import wgs84
from . import gef, schema, vocab

FLAT_LAYER = "ferm_public_areas"
GEF_LAYER = "gef_areas"
GEF_TOTALS_TABLE = "gef_totals"
EXPORT_INFO_TABLE = "t2r_export_metadata"

FLAT_FIELDS = [
    ("uuid", ogr.OFTString),
    ("projectId", ogr.OFTString),
    ("status", ogr.OFTString),
    ("projectTitle", ogr.OFTString),
    ("targetArea", ogr.OFTReal),
    ("areaUnderRestoration", ogr.OFTReal),
    ("ecosystems", ogr.OFTString),
    ("restorationStatus", ogr.OFTString),
    ("restorationTypes", ogr.OFTString),
    ("projectObjectives", ogr.OFTString),
    ("biophysicalActivities", ogr.OFTString),
    ("enablingActivities", ogr.OFTString),
    ("tenureStatus", ogr.OFTString),
    ("startYear", ogr.OFTInteger),
    ("endYear", ogr.OFTInteger),
    ("countries", ogr.OFTString),
]
GEF_FIELDS = [
    ("ID_CODE", ogr.OFTString),
    ("Layer", ogr.OFTString),  # GEF-8 core indicator 3 sub-indicator (gefIndicators code): stored, else derived
    ("Restor_str", ogr.OFTInteger),
    ("Restor_end", ogr.OFTInteger),
    ("Restor_eco", ogr.OFTString),
    ("Restor_typ", ogr.OFTString),
    ("area_ha", ogr.OFTReal),
]
GEF_TOTAL_FIELDS = [
    ("Layer", ogr.OFTString),
    ("label_en", ogr.OFTString),
    ("label_es", ogr.OFTString),
    ("areas", ogr.OFTInteger),
    ("area_ha", ogr.OFTReal),
]


def _labels(vocabulary, codes):
    return ";".join(vocab.label(vocabulary, c) for c in codes or [])


def _create(ds, name, fields, description, geometry=True):
    options = ["FID=fid", "IDENTIFIER=" + name, "DESCRIPTION=" + description]
    if geometry:
        options += ["GEOMETRY_NAME=" + schema.GEOMETRY_COLUMN, "SPATIAL_INDEX=YES"]
        layer = ds.CreateLayer(name, wgs84(), ogr.wkbMultiPolygon, options)
    else:
        layer = ds.CreateLayer(name, None, ogr.wkbNone, options)
    for name_, kind in fields:
        layer.CreateField(ogr.FieldDefn(name_, kind))
    return layer


def create_layers(ds, gef_table):
    """Create the (empty) flat layer, optional GEF layer and export metadata table."""
    _create(ds, FLAT_LAYER, FLAT_FIELDS, "FERM public export properties, one feature per area")
    if gef_table:
        _create(ds, GEF_LAYER, GEF_FIELDS, "FAO-GEF geospatial table, one feature per area")
        _create(ds, GEF_TOTALS_TABLE, GEF_TOTAL_FIELDS, "FAO-GEF table: hectares per core indicator 3 "
                "sub-indicator (Layer); an empty Layer holds the areas without one", geometry=False)
    _create(
        ds,
        EXPORT_INFO_TABLE,
        [("key", ogr.OFTString), ("value", ogr.OFTString)],
        "Export metadata (schema, vocabulary, time, plugin, area method)",
        geometry=False,
    )


def flat_values(ini, area):
    """FERM public-export properties of one area of an initiative."""
    activities = area.activities or []
    under = ini.area_under_restoration_ha
    if under is None:
        under = round(sum(a.area_ha or 0.0 for a in ini.areas), 2)
    return {
        "uuid": area.uuid,
        "projectId": ini.uuid,
        "status": ini.workflow_status,
        "projectTitle": ini.title,
        "targetArea": ini.target_area,
        "areaUnderRestoration": under,
        "ecosystems": _labels("iucnEcosystems", area.ecosystems),
        "restorationStatus": vocab.label("restorationStatuses", ini.restoration_status)
        if ini.restoration_status is not None
        else "",
        "restorationTypes": _labels("restorationTypes", area.restoration_types or ini.restoration_types),
        "projectObjectives": _labels("projectObjectives", ini.objectives),
        "biophysicalActivities": _labels(
            "activities", [c for c in activities if vocab.activity_group(c) == "Biophysical"]
        ),
        "enablingActivities": _labels("activities", [c for c in activities if vocab.activity_group(c) == "Enabling"]),
        "tenureStatus": _labels("tenureStatuses", area.tenure_statuses or ini.tenure_statuses),
        "startYear": area.start_year if area.start_year is not None else ini.start_year,
        "endYear": ini.end_year,
        "countries": _labels("countries", ini.countries),
    }


def gef_values(ini, area):
    """FAO-GEF table fields of one area."""
    return {
        "ID_CODE": area.uuid,
        "Layer": gef.sub_indicator(ini, area),
        "Restor_str": area.start_year if area.start_year is not None else ini.start_year,
        "Restor_end": ini.end_year,
        "Restor_eco": ";".join(str(c) for c in area.ecosystems or []),
        "Restor_typ": _labels("restorationTypes", area.restoration_types or ini.restoration_types),
        "area_ha": round(area.area_ha, 2) if area.area_ha is not None else None,
    }


def gef_total_rows(initiatives):
    """Rows of the GEF totals table: [{Layer, label_en, label_es, areas, area_ha}] (see ``gef.totals``)."""
    rows = [(gef.sub_indicator(ini, area), area.area_ha) for ini in initiatives for area in ini.areas]
    out = []
    for code, count, hectares in gef.totals(rows):
        known = code is not None and vocab.get("gefIndicators").is_valid(code)
        out.append({
            "Layer": code,
            "label_en": vocab.label("gefIndicators", code) if known else "",
            "label_es": vocab.label("gefIndicators", code, "es") if known else "",
            "areas": count,
            "area_ha": hectares,
        })
    return out


def _add(layer, values, geometry):
    feat = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        if value is not None:
            feat.SetField(key, value)
    if geometry is not None:
        feat.SetGeometry(geometry)
    if layer.CreateFeature(feat) != 0:
        raise RuntimeError("cannot write a feature of " + layer.GetName())


def fill_layers(ds, initiatives, metadata, gef_table):
    """Write one flat (and GEF) feature per exported area, and the metadata, in one transaction."""
    flat = ds.GetLayerByName(FLAT_LAYER)
    gef = ds.GetLayerByName(GEF_LAYER) if gef_table else None
    info = ds.GetLayerByName(EXPORT_INFO_TABLE)
    ds.StartTransaction()
    for ini in initiatives:
        for area in ini.areas:
            geom = area.geometry()
            _add(flat, flat_values(ini, area), geom)
            if gef is not None:
                _add(gef, gef_values(ini, area), geom)
    if gef is not None:
        totals = ds.GetLayerByName(GEF_TOTALS_TABLE)
        for row in gef_total_rows(initiatives):
            _add(totals, row, None)
    for key, value in metadata.items():
        _add(info, {"key": key, "value": str(value)}, None)
    ds.CommitTransaction()
    for key, value in metadata.items():
        ds.SetMetadataItem(key, str(value))
