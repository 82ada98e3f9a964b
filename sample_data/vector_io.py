"""Vector helpers of the generator: polygon shapes (extent, wavy blobs), repair to valid
MultiPolygons, and atomic GeoPackage writing."""

import os

import numpy as np
from osgeo import ogr, osr

from .legends import EPSG
from .noise import field_key, lattice_hash, uniform
from .writing import remove_file


def write_polygons(ds, srs, name, fields, rows):
    """A MultiPolygon layer; ``fields`` are (name, width) for text or (name, ogr type, width)."""
    layer = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    fields = [(f[0], ogr.OFTString, f[1]) if len(f) == 2 else f for f in fields]
    for field, kind, width in fields:
        defn = ogr.FieldDefn(field, kind)
        if width:
            defn.SetWidth(width)
        layer.CreateField(defn)
    layer.StartTransaction()
    for values, geom in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field, _, _), value in zip(fields, values):
            feature.SetField(field, value)
        feature.SetGeometry(ogr.ForceToMultiPolygon(geom))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def utm_srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def write_gpkg(path, layers):
    """Write {layer name: (fields, rows)} to a GeoPackage, atomically (temporary name, rename)."""
    tmp = path[:-len(".gpkg")] + ".part.gpkg"
    remove_file(tmp)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
    srs = utm_srs()
    for name, (fields, rows) in layers.items():
        write_polygons(ds, srs, name, fields, rows)
    ds = None
    os.replace(tmp, path)
    return path


def valid_multipolygon(geom):
    """The geometry made valid (kept polygonal), as a MultiPolygon."""
    if not geom.IsValid():
        fixed = geom.MakeValid() if hasattr(geom, "MakeValid") else geom.Buffer(0.0)
        geom = ogr.Geometry(ogr.wkbMultiPolygon)
        parts = [fixed.GetGeometryRef(i) for i in range(fixed.GetGeometryCount())] \
            if fixed.GetGeometryType() in (ogr.wkbGeometryCollection, ogr.wkbMultiPolygon) else [fixed]
        for part in parts:
            if part.GetGeometryType() == ogr.wkbPolygon:
                geom.AddGeometry(part)
            elif part.GetGeometryType() == ogr.wkbMultiPolygon:
                for i in range(part.GetGeometryCount()):
                    geom.AddGeometry(part.GetGeometryRef(i))
    return ogr.ForceToMultiPolygon(geom)


def extent_polygon(world):
    x0, y0 = world.origin
    x1, y1 = x0 + world.extent_m, y0 - world.extent_m
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def blob(world, name, u, v, radius, wobble=0.2, points=72):
    """A star-shaped (hence simple and valid) polygon around relative (u, v) with a wavy edge."""
    r = uniform(lattice_hash(field_key(world.seed, "blob_" + name), np.arange(8))) * 2.0 - 1.0
    theta = np.arange(points) * (2.0 * np.pi / points)
    rad = np.ones(points)
    for k in range(4):
        rad += wobble / (k + 1) * r[2 * k] * np.cos((k + 2) * theta + np.pi * r[2 * k + 1])
    rad = radius * np.maximum(rad, 0.4) * world.extent_m
    x0, y0 = world.origin
    ring = ogr.Geometry(ogr.wkbLinearRing)
    xs = x0 + u * world.extent_m + rad * np.cos(theta)
    ys = y0 - v * world.extent_m + rad * np.sin(theta)
    for x, y in zip(xs.tolist() + xs[:1].tolist(), ys.tolist() + ys[:1].tolist()):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


# nombre, categoria, administracion, habitat ("forest", "andes", or "front": mostly intact forest with
# some degraded land, as where a protection forest guards a watershed near farms), radius (relative),
# longitude range (relative).
