"""Inputs and independent truths for the data-described algorithm cases (tests/qgis/cases/*.json).

A case's ``inputs`` maps a name to one of:
- ``{"raster": [[...]] or [[[...]]] (bands first), "dtype": "uint8", "nodata": 0, "epsg": 32718,
  "geotransform": [x0, dx, 0, y0, 0, -dy]}``: a small GeoTIFF (epsg 0: no CRS);
- ``{"polygons": [[wkt, {field: value}], ...], "epsg": 4326, "format": "gpkg" | "geojson"}``: a polygon layer
  (``"boxes": [[lon1, lat1, lon2, lat2], ...]`` instead of WKT makes lon/lat rectangles);
- ``{"points": [[x, y, {field: value}], ...], "epsg": ...}``: a point layer;
- ``{"text": "...", "suffix": ".csv"}``: a text file;
- ``{"generator": "name", "args": {...}}``: a function of GENERATORS below, for inputs too large or too
  structured to write inline (a registry).

Expected hectares are never taken from the code under test: ``cell_hectares`` and ``box_hectares`` compute
them from closed forms on the WGS 84 ellipsoid (the authalic-latitude formula for a quadrangle bounded by
two meridians and two parallels; the point scale factor of the Transverse Mercator projection for UTM cells).
"""

import json
import math
from pathlib import Path

import numpy as np
from osgeo import ogr, osr
from rasters import GT_UTM, UTM18S, write_raster

A = 6378137.0
F = 1 / 298.257223563
B = A * (1 - F)
E2 = F * (2 - F)
E = math.sqrt(E2)
EP2 = E2 / (1 - E2)

_OGR_TYPES = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}


# -- truths -------------------------------------------------------------------------------------------------


def _q(lat_deg):
    s = math.sin(math.radians(lat_deg))
    return s / (1 - E2 * s * s) + math.log((1 + E * s) / (1 - E * s)) / (2 * E)


def quadrangle_hectares(lon1, lat1, lon2, lat2):
    """Exact area of the ellipsoidal quadrangle between two meridians and two parallels (ha)."""
    return abs(B * B * math.radians(lon2 - lon1) / 2 * (_q(lat2) - _q(lat1))) / 10000.0


def box_hectares(boxes):
    """Sum of ``quadrangle_hectares`` over lon/lat boxes [lon1, lat1, lon2, lat2]."""
    return sum(quadrangle_hectares(*box) for box in boxes)


def _srs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _tm_area_scale(srs, x, y):
    """k squared of a Transverse Mercator CRS at (x, y): Snyder (1987) eq. 8-11, series to A^6."""
    to_geo = osr.CoordinateTransformation(srs, _srs(4326))
    lon, lat, _z = to_geo.TransformPoint(x, y)
    k0 = srs.GetProjParm(osr.SRS_PP_SCALE_FACTOR, 1.0)
    lon0 = srs.GetProjParm(osr.SRS_PP_CENTRAL_MERIDIAN, 0.0)
    phi = math.radians(lat)
    a_ = math.radians(lon - lon0) * math.cos(phi)
    c, t = EP2 * math.cos(phi) ** 2, math.tan(phi) ** 2
    k = k0 * (1 + (1 + c) * a_ ** 2 / 2 + (5 - 4 * t + 42 * c + 13 * c * c - 28 * EP2) * a_ ** 4 / 24
              + (61 - 148 * t + 16 * t * t) * a_ ** 6 / 720)
    return k * k


def cell_hectares(spec, cells):
    """Hectares of the cells [[row, col], ...] of the raster input described by ``spec`` (a case input).

    Geographic grids: the exact quadrangle of each cell. Transverse Mercator grids (UTM): the map area of
    the cell divided by the square of the point scale factor at its centre (the projection is conformal)."""
    gt = spec.get("geotransform", GT_UTM)
    epsg = spec.get("epsg", UTM18S)
    total = 0.0
    for row, col in cells:
        x1, y1 = gt[0] + col * gt[1], gt[3] + row * gt[5]
        x2, y2 = x1 + gt[1], y1 + gt[5]
        if epsg == 4326:
            total += quadrangle_hectares(x1, min(y1, y2), x2, max(y1, y2))
        else:
            scale = _tm_area_scale(_srs(epsg), (x1 + x2) / 2, (y1 + y2) / 2)
            total += abs(gt[1] * gt[5]) / scale / 10000.0
    return total


# -- inputs -------------------------------------------------------------------------------------------------


def box_wkt(lon1, lat1, lon2, lat2):
    return (f"POLYGON(({lon1} {lat1},{lon2} {lat1},{lon2} {lat2},{lon1} {lat2},{lon1} {lat1}))")


def _field_type(values):
    kinds = {type(v) for v in values if v is not None}
    return _OGR_TYPES[float] if kinds == {int, float} else _OGR_TYPES.get(kinds.pop() if kinds else str)


def write_features(path, rows, epsg, geom_type, layer="features"):
    """A vector file (GeoPackage or GeoJSON by suffix) of (geometry WKT, {field: value}) rows."""
    driver = "GeoJSON" if str(path).endswith(".geojson") else "GPKG"
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, _srs(epsg) if epsg else None, geom_type)
    names = [name for _wkt, values in rows[:1] for name in values]
    for name in names:
        lyr.CreateField(ogr.FieldDefn(name, _field_type([values.get(name) for _w, values in rows])))
    for wkt, values in rows:
        feat = ogr.Feature(lyr.GetLayerDefn())
        for name, value in values.items():
            feat.SetField(name, value)
        if wkt:
            geom = ogr.CreateGeometryFromWkt(wkt)
            feat.SetGeometry(ogr.ForceToMultiPolygon(geom) if geom_type == ogr.wkbMultiPolygon else geom)
        lyr.CreateFeature(feat)
    ds = None
    return str(path)


def _raster(folder, name, spec):
    array = np.asarray(spec["raster"], dtype=spec.get("dtype", "uint8"))
    return write_raster(Path(folder) / f"{name}.tif", array, epsg=spec.get("epsg", UTM18S),
                        geotransform=tuple(spec.get("geotransform", GT_UTM)), nodata=spec.get("nodata"))


def _polygons(folder, name, spec):
    rows = [(wkt, values) for wkt, values in spec.get("polygons", [])]
    rows += [(box_wkt(*box[:4]), box[4] if len(box) > 4 else {"id": i + 1}) for i, box in
             enumerate(spec.get("boxes", []))]
    suffix = ".geojson" if spec.get("format") == "geojson" else ".gpkg"
    path = Path(folder) / f"{name}{suffix}"
    if not rows:  # an empty layer with one field
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        lyr = ds.CreateLayer(name, _srs(spec.get("epsg", 4326)), ogr.wkbMultiPolygon)
        lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
        ds = None
        return str(path)
    return write_features(path, rows, spec.get("epsg", 4326), ogr.wkbMultiPolygon, layer=name)


def _points(folder, name, spec):
    rows = [(f"POINT({x} {y})", values) for x, y, values in spec["points"]]
    return write_features(Path(folder) / f"{name}.gpkg", rows, spec.get("epsg", UTM18S), ogr.wkbPoint, layer=name)


def sample_registry(folder, name, initiatives=2, areas=2, outside_peru=None):
    """A T2 Restore registry of ``initiatives`` valid sample initiatives (registry/samples.py) with ``areas``
    lon/lat squares of 0.01 degree each; ``outside_peru`` = [initiative, area] moves that area to Brazil
    (60 W, 3 S), which the FERM export refuses."""
    from t2restore.registry import samples
    from t2restore.registry.store import create_registry

    made = [samples.sample_initiative(n, areas=areas) for n in range(initiatives)]
    if outside_peru:
        made[outside_peru[0]].areas[outside_peru[1]].set_geometry(samples.square(-60.0, -3.0, 0.01))
    path = Path(folder) / f"{name}.gpkg"
    with create_registry(path) as store:
        for ini in made:
            store.save_initiative(ini)
    return str(path)


def missing_path(folder, name, suffix=".gpkg"):
    """A path where no file is."""
    return str(Path(folder) / f"{name}{suffix}")


def outcome_series(folder, name, **kwargs):
    """The synthetic annual series with planted restoration effects of tests/outcome_scene.py."""
    from outcome_scene import write_scene

    return write_scene(Path(folder), name=f"{name}.tif", **kwargs)[0]


GENERATORS = {"sample_registry": sample_registry, "missing_path": missing_path, "outcome_series": outcome_series}


def postgis_database(folder, name, **args):
    """A database of the throw-away PostgreSQL cluster (tests/pg.py): its connection string."""
    import pg

    return pg.postgis_database(folder, name, **args)


GENERATORS["postgis_database"] = postgis_database


def make_input(folder, name, spec):
    """Write the input ``name`` described by ``spec`` into ``folder``; its path."""
    if "raster" in spec:
        return _raster(folder, name, spec)
    if "polygons" in spec or "boxes" in spec:
        return _polygons(folder, name, spec)
    if "points" in spec:
        return _points(folder, name, spec)
    if "text" in spec:
        path = Path(folder) / f"{name}{spec.get('suffix', '.txt')}"
        text = spec["text"] if isinstance(spec["text"], str) else json.dumps(spec["text"])
        path.write_text(text, encoding="utf-8")
        return str(path)
    if "generator" in spec:
        return GENERATORS[spec["generator"]](folder, name, **spec.get("args", {}))
    raise ValueError(f"input {name}: unknown kind {sorted(spec)}")
