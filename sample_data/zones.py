"""Administrative zones of the demo region: departments and provinces with UBIGEO codes and wavy
borders (``zones.gpkg``)."""

import os

import numpy as np
from osgeo import ogr

from .catalog import file_layer
from .noise import Noise1D
from .vector_io import extent_polygon, write_gpkg

# Administrative partition: a tree of cuts by wavy lines. ("V", u, ...) splits west | east at
# about u, ("H", v, ...) north | south at about v; leaves are (ubigeo, nombre[, provinces tree]).
DEPARTMENTS = (
    "V", 0.60,
    ("H", 0.55,
     ("10", "Huánuco",
      ("V", 0.30,
       ("H", 0.25, ("1003", "Dos de Mayo"), ("1001", "Huánuco")),
       ("H", 0.30, ("1006", "Leoncio Prado"), ("1008", "Pachitea")))),
     ("19", "Pasco",
      ("V", 0.28,
       ("H", 0.72, ("1902", "Daniel Alcides Carrión"), ("1901", "Pasco")),
       ("1903", "Oxapampa")))),
    ("25", "Ucayali",
     ("H", 0.35, ("2501", "Coronel Portillo"), ("H", 0.70, ("2503", "Padre Abad"), ("2502", "Atalaya")))),
)


def _side_polygon(world, axis, at, name):
    """Polygon of everything east (axis V) or north (axis H) of a wavy line, in map coordinates."""
    curve = Noise1D(world.seed, "border_" + name, 3, 5, 0.55)
    t = np.linspace(-0.05, 1.05, 221)
    offset = at + 0.035 * curve(t)[0]
    x0, y0 = world.origin
    span = world.extent_m
    if axis == "V":
        pts = [(x0 + o * span, y0 - s * span) for s, o in zip(t, offset)]
        pts += [(x0 + 2 * span, y0 - 1.05 * span), (x0 + 2 * span, y0 + 0.05 * span)]
    else:
        pts = [(x0 + s * span, y0 - o * span) for s, o in zip(t, offset)]
        pts += [(x0 + 1.05 * span, y0 + 2 * span), (x0 - 0.05 * span, y0 + 2 * span)]
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts + [pts[0]]:
        ring.AddPoint_2D(float(x), float(y))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def _partition(world, node, geom, path, leaves):
    """Split geom by the cut tree; leaves get (ubigeo, nombre, subtree, geometry)."""
    if node[0] in ("V", "H"):
        axis, at, first, second = node
        side = _side_polygon(world, axis, at, path + axis)
        east_or_north = geom.Intersection(side)
        rest = geom.Difference(side)
        # V: first = west (rest); H: first = north (intersection).
        parts = (rest, east_or_north) if axis == "V" else (east_or_north, rest)
        _partition(world, first, parts[0], path + "0", leaves)
        _partition(world, second, parts[1], path + "1", leaves)
    else:
        leaves.append((node[0], node[1], node[2] if len(node) > 2 else None, geom))




@file_layer("zones", "vector", "Departments and provinces (UBIGEO) partitioning the extent, wavy borders.",
            manifest={"layers": ["departamentos", "provincias"]})
def _zones(world, out_dir):
    departments = []
    _partition(world, DEPARTMENTS, extent_polygon(world), "d", departments)
    provinces = []
    for ubigeo, _, tree, geom in departments:
        found = []
        _partition(world, tree, geom, "p" + ubigeo, found)
        provinces += [(ub, name, ubigeo, g) for ub, name, _, g in found]
    return write_gpkg(os.path.join(out_dir, "zones.gpkg"), {
        "departamentos": ([("ubigeo", 2), ("nombre", 60)], [((ub, name), g) for ub, name, _, g in departments]),
        "provincias": ([("ubigeo", 4), ("nombre", 60), ("dep_ubigeo", 2)],
                       [((ub, name, dep), g) for ub, name, dep, g in provinces]),
    })
