"""The FERM upload package: one zip holding, per initiative, the area files FERM's upload accepts.

FERM takes an initiative's areas as GeoJSON or zipped shapefile, in EPSG:4326, 2D, at most
``FERM_UPLOAD_LIMIT`` (50) features per file. The package holds, per initiative, a folder with
numbered files (``areas_01.geojson`` and ``areas_01_shp.zip``, ...), each with at most 50 features
and never an area split between two files; ``initiatives.csv`` (the initiatives' FERM fields),
``field_names.csv`` (shapefile name -> full name: shapefile names are cut to 10 characters) and,
with the GEF profile, ``gef_totals.csv``. Each feature carries its area's ellipsoidal hectares
(``area_ha``) and the hectares FERM computes (``ferm_ha``: EPSG:6933 area of the union of the
area's polygons), both rounded to 2 decimals.

Two ways to meet the limit, chosen by the user: ``SPLIT`` writes one feature per polygon of an
area, ``DISSOLVE`` one (multi)polygon feature per area. With ``SPLIT`` an area of more than 50
polygons cannot be uploaded whole and is refused (``UploadLimitError``) before anything is written.
The zip and its validation reports are built under hidden names and published like the GeoPackage
export (``ferm._publish``): never a half-written package under the user's name.
"""

import csv
import io
import json
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from osgeo import ogr

from ..algorithms.errors import N_, Cancelled
from ..algorithms.geometry import ellipsoidal_area_ha, equal_area_ha, polygons_of, quiet_gdal_errors, wgs84
from . import ferm, ferm_layers, gef
from .ferm import FERM_UPLOAD_LIMIT, ExportError, ExportFolderError
from .report import report_paths, write_report_files

SPLIT, DISSOLVE = "split", "dissolve"

# (full name, shapefile name <= 10 characters, OGR type); GeoJSON keeps the full names.
AREA_FIELDS = [
    ("area_uuid", "area_uuid", ogr.OFTString),
    ("site_name", "site_name", ogr.OFTString),
    ("initiative_uuid", "ini_uuid", ogr.OFTString),
    ("initiative_title", "ini_title", ogr.OFTString),
    ("polygon", "polygon", ogr.OFTInteger),
    ("start_year", "start_year", ogr.OFTInteger),
    ("ecosystems", "ecosystems", ogr.OFTString),
    ("restoration_types", "rest_types", ogr.OFTString),
    ("gef_sub_indicator", "gef_layer", ogr.OFTString),
    ("area_ha", "area_ha", ogr.OFTReal),
    ("ferm_ha", "ferm_ha", ogr.OFTReal),
]
INITIATIVE_COLUMNS = [
    "uuid", "folder", "title", "description", "website", "start_year", "end_year", "restoration_status",
    "restoration_types", "objectives", "objectives_other", "tenure_statuses", "keywords", "organizations",
    "contacts", "target_area", "target_area_unit", "area_under_restoration_ha", "countries", "reporting_line",
    "gef_targets", "workflow_status", "areas", "area_ha", "ferm_ha",
]


class UploadLimitError(ExportError):
    template = N_(
        'Area "{site}" of initiative "{title}" has {count} polygons; FERM accepts at most {limit} features in '
        "one uploaded file and an area cannot be split between files. Choose to dissolve each area into one "
        "feature (in t2restore:export_ferm, UPLOAD_SPLIT = 1), or merge its polygons. No file was written."
    )


def _dissolved(geom):
    """The area as one MultiPolygon: its polygons unioned (parts of a valid one are disjoint already)."""
    parts = polygons_of(geom)
    if len(parts) > 1:
        with quiet_gdal_errors():
            union = geom.UnionCascaded()
        if union is not None and not union.IsEmpty():
            geom = union
    return ogr.ForceToMultiPolygon(geom)


def area_features(area, mode):
    """The geometries an area is uploaded as: its polygons (SPLIT) or one multipolygon (DISSOLVE)."""
    geom = area.geometry()
    geom.FlattenTo2D()
    return polygons_of(geom) if mode == SPLIT else [_dissolved(geom)]


def check_limits(initiatives, mode):
    """Refuse (``UploadLimitError``) an area that needs more than 50 features; nothing written yet."""
    if mode == DISSOLVE:
        return
    for ini in initiatives:
        for area in ini.areas:
            count = len(area_features(area, mode))
            if count > FERM_UPLOAD_LIMIT:
                raise UploadLimitError(site=area.site_name or area.uuid[:8], title=ini.title, count=count,
                                       limit=FERM_UPLOAD_LIMIT)


def hectares(area):
    """(ellipsoidal ha, FERM's EPSG:6933 ha) of an area, both rounded to 2 decimals."""
    geom = area.geometry()
    ellipsoidal = area.area_ha if area.area_ha is not None else ellipsoidal_area_ha(geom)
    return round(ellipsoidal or 0.0, 2), round(equal_area_ha(geom) or 0.0, 2)


def _area_values(ini, area, polygon, area_ha, ferm_ha):
    return {
        "area_uuid": area.uuid,
        "site_name": area.site_name,
        "initiative_uuid": ini.uuid,
        "initiative_title": ini.title,
        "polygon": polygon,
        "start_year": area.start_year if area.start_year is not None else ini.start_year,
        "ecosystems": ";".join(str(c) for c in area.ecosystems or []),
        "restoration_types": ";".join(str(c) for c in gef.area_restoration_types(ini, area) or []),
        "gef_sub_indicator": gef.sub_indicator(ini, area),
        "area_ha": area_ha,
        "ferm_ha": ferm_ha,
    }


def pack(ini, mode):
    """The initiative's features grouped into files of at most 50, no area split: [[(values, geom)]]."""
    files, current = [], []
    for area in ini.areas:
        area_ha, ferm_ha = hectares(area)
        rows = [(_area_values(ini, area, n + 1, area_ha, ferm_ha), g) for n, g in enumerate(area_features(area, mode))]
        if current and len(current) + len(rows) > FERM_UPLOAD_LIMIT:
            files.append(current)
            current = []
        current.extend(rows)
    if current:
        files.append(current)
    return files


def folder_name(ini):
    """ASCII folder name of an initiative in the package: its title, simplified, and its uuid's start."""
    plain = unicodedata.normalize("NFKD", ini.title or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_")[:40] or "initiative"
    return slug + "_" + ini.uuid[:8]


def _write_layer(path, driver_name, features, shapefile, options=()):
    driver = ogr.GetDriverByName(driver_name)
    ds = driver.CreateDataSource(str(path))
    if ds is None:
        raise RuntimeError("cannot create " + str(path))
    layer = ds.CreateLayer(path.stem, wgs84(), ogr.wkbMultiPolygon if not shapefile else ogr.wkbPolygon,
                           list(options))
    for full, short, kind in AREA_FIELDS:
        defn = ogr.FieldDefn(short if shapefile else full, kind)
        if kind == ogr.OFTString and shapefile:
            defn.SetWidth(254)
        if kind == ogr.OFTReal:
            defn.SetWidth(20)
            defn.SetPrecision(2)
        layer.CreateField(defn)
    names = [short if shapefile else full for full, short, _kind in AREA_FIELDS]
    for values, geom in features:
        feat = ogr.Feature(layer.GetLayerDefn())
        for name, (full, _short, _kind) in zip(names, AREA_FIELDS):
            if values[full] is not None:
                feat.SetField(name, values[full])
        feat.SetGeometry(geom)
        if layer.CreateFeature(feat) != 0:
            raise RuntimeError("cannot write a feature of " + str(path))
    ds = None


def _shapefile_zip(work, stem, features):
    """A zipped shapefile (.shp .shx .dbf .prj .cpg, UTF-8) of the features, as bytes."""
    folder = work / (stem + "_shp")
    folder.mkdir()
    _write_layer(folder / (stem + ".shp"), "ESRI Shapefile", features, True, ["ENCODING=UTF-8"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as inner:
        for path in sorted(folder.iterdir()):
            inner.write(path, path.name)
    shutil.rmtree(folder)
    return buffer.getvalue()


def _csv_text(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _initiative_row(ini, folder):
    ha = [hectares(a) for a in ini.areas]
    values = {
        "uuid": ini.uuid, "folder": folder, "title": ini.title, "description": ini.description,
        "website": ini.website, "start_year": ini.start_year, "end_year": ini.end_year,
        "restoration_status": ini.restoration_status, "restoration_types": ini.restoration_types,
        "objectives": ini.objectives, "objectives_other": ini.objectives_other,
        "tenure_statuses": ini.tenure_statuses, "keywords": ini.keywords,
        "organizations": [{"name": o.name, "acronym": o.acronym, "type": o.org_type, "role": o.role}
                          for o in ini.organizations],
        "contacts": [{"name": c.name, "email": c.email, "organization": c.organization} for c in ini.contacts],
        "target_area": ini.target_area, "target_area_unit": ini.target_area_unit,
        "area_under_restoration_ha": ini.area_under_restoration_ha, "countries": ini.countries,
        "reporting_line": ini.reporting_line, "gef_targets": ini.gef_targets, "workflow_status": ini.workflow_status,
        "areas": len(ini.areas), "area_ha": round(sum(a for a, _f in ha), 2),
        "ferm_ha": round(sum(f for _a, f in ha), 2),
    }
    return [_cell(values[c]) for c in INITIATIVE_COLUMNS]


def _cell(value):
    """A CSV cell: lists and objects as JSON (codes read back exactly), None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _gef_totals_csv(initiatives):
    rows = ferm_layers.gef_total_rows(initiatives)
    columns = [name for name, _kind in ferm_layers.GEF_TOTAL_FIELDS]
    return _csv_text(columns, [["" if r[c] is None else r[c] for c in columns] for r in rows])


def _check_cancel(is_cancelled):
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()


def write_package(path, initiatives, mode, gef_profile=False, progress=None, is_cancelled=None):
    """Write the upload zip to ``path`` (a temporary name: the caller publishes it). Returns the number
    of area files (GeoJSON + zipped shapefile pairs)."""
    work = Path(tempfile.mkdtemp(prefix="t2restore-upload-"))
    count, rows = 0, []
    try:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for n, ini in enumerate(initiatives):
                _check_cancel(is_cancelled)
                folder = folder_name(ini)
                for k, features in enumerate(pack(ini, mode), start=1):
                    stem = "areas_%02d" % k
                    _write_layer(work / (stem + ".geojson"), "GeoJSON", features, False)
                    package.write(work / (stem + ".geojson"), folder + "/" + stem + ".geojson")
                    (work / (stem + ".geojson")).unlink()
                    package.writestr(folder + "/" + stem + "_shp.zip", _shapefile_zip(work, stem, features))
                    count += 1
                rows.append(_initiative_row(ini, folder))
                if progress is not None:
                    progress((n + 1) / max(1, len(initiatives)))
            package.writestr("initiatives.csv", _csv_text(INITIATIVE_COLUMNS, rows))
            package.writestr("field_names.csv", _csv_text(["short_name", "full_name"],
                                                          [[short, full] for full, short, _k in AREA_FIELDS]))
            if gef_profile:
                package.writestr("gef_totals.csv", _gef_totals_csv(initiatives))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return count


def _temp_names(output):
    suffix = ".exporting-" + str(os.getpid())
    json_path, csv_path = report_paths(output)
    return (output.with_name("." + output.stem + suffix + ".zip"),
            json_path.with_name("." + json_path.name + suffix), csv_path.with_name("." + csv_path.name + suffix))


def export_upload(store, output, uuids=None, mode=SPLIT, gef_profile=False, thresholds=None, translate=None,
                  progress=None, is_cancelled=None):
    """Export initiatives (all when ``uuids`` is None) as a FERM upload package (zip) at ``output``.

    Validation, refusals and the reports beside the file are those of the GeoPackage export;
    with ``gef_profile`` the package and the JSON report add the GEF totals. Returns
    (``ExportResult``, number of area files).
    """
    if mode not in (SPLIT, DISSOLVE):
        raise ValueError("mode must be SPLIT or DISSOLVE")
    output = Path(output)
    prepared = ferm.prepare_export(store, output, uuids, thresholds, progress, is_cancelled)
    check_limits(prepared.exported, mode)
    prepared.metadata.update({"format": "FERM upload package", "upload_split": mode,
                              "ferm_area_method": "EPSG:6933 area of the union of the area's polygons"})
    extra = {"gef_totals": ferm_layers.gef_total_rows(prepared.exported)} if gef_profile else None
    report, subjects, areas, findings, _translate, _extra = prepared.report_args(translate, extra)
    ferm.remove_stale_temps(output)
    temps = _temp_names(output)
    try:
        files = write_package(temps[0], prepared.exported, mode, gef_profile, ferm._step(progress, 0.5, 0.45),
                              is_cancelled)
        write_report_files(temps[1], temps[2], report, subjects, areas, findings, prepared.metadata, translate,
                                extra)
        _check_cancel(is_cancelled)
        ferm._publish(temps, output)
    except Cancelled:
        ferm._remove(temps)
        raise
    except Exception as exc:
        ferm._remove(temps)
        if not os.access(output.parent, os.W_OK):
            raise ExportFolderError(folder=str(output.parent)) from exc
        raise ExportError(path=str(output), reason=str(exc)) from exc
    if progress is not None:
        progress(1.0)
    return prepared.result(output, extra), files

