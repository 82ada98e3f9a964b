"""Protected areas and the two national restoration gaps (MINAM, SERFOR) of the demo region."""

import os

import numpy as np
from osgeo import ogr

from .catalog import file_layer
from .landscape import box_mean, landscape_of
from .vector_io import blob, extent_polygon, valid_multipolygon, write_gpkg

PROTECTED_AREAS = (
    ("Parque Nacional Alto Pachitea", "Parque Nacional", "nacional", "forest", 0.13,
     (0.35, 0.8)),
    ("Reserva Comunal Asháninka-Yánesha del Pachitea", "Reserva Comunal", "nacional", "forest", 0.09,
     (0.6, 1.0)),
    ("Área de Conservación Regional Queñuales y Bofedales de Jircán", "Área de Conservación Regional",
     "regional", "andes", 0.08, (0.0, 0.35)),
    ("Bosque de Protección Río Chinchao", "Bosque de Protección", "nacional", "front", 0.05, (0.3, 0.8)),
    ("Área de Conservación Privada Bosque de Neblina Añaypampa", "Área de Conservación Privada", "privada",
     "forest", 0.025, (0.3, 0.8)),
)


def _protected_area_rows(world):
    """Each protected area where its habitat is most intact, within its longitude range, apart
    from the others (scored on a grid of at most 256 x 256 cells); they cover little degraded land."""
    land = landscape_of(world)
    m = min(land.n, 256)
    pick = (np.arange(m) * land.n) // m
    rows = []
    placed = []
    for name, category, admin, habitat, radius, (umin, umax) in PROTECTED_AREAS:
        r = max(1, round(radius * m))
        if habitat == "front":  # mostly intact, with some degraded land inside
            gap = land.gaps[0] | land.gaps[1]
            score = (np.minimum(box_mean(land.intact[pick][:, pick], r), 0.6)
                     + np.minimum(box_mean(gap[pick][:, pick], r), 0.25))
        else:
            score = box_mean((land.intact if habitat == "forest" else land.andes)[pick][:, pick], r)
        centre = (np.arange(m) + 0.5) / m
        u, v = centre[None, :], centre[:, None]
        allowed = (u >= max(umin, radius)) & (u <= min(umax, 1.0 - radius)) & (v >= radius) & (v <= 1.0 - radius)
        for pu, pv, pr in placed:
            allowed &= (u - pu) ** 2 + (v - pv) ** 2 >= (1.3 * (radius + pr)) ** 2
        if not allowed.any():
            allowed = np.ones((m, m), bool)
        row, col = np.unravel_index(np.argmax(np.where(allowed, score, -1.0)), score.shape)
        cu, cv = float(centre[col]), float(centre[row])
        placed.append((cu, cv, radius))
        geom = blob(world, name, cu, cv, radius).Intersection(extent_polygon(world))
        rows.append(((name, category, admin), valid_multipolygon(geom)))
    return rows


@file_layer("protected_areas", "vector",
            "Protected areas (layer areas_protegidas): national park, communal reserve, protection forest, "
            "regional and private conservation areas over intact forest and high Andes.",
            manifest={"layers": ["areas_protegidas"]})
def _protected_areas(world, out_dir):
    fields = [("nombre", 120), ("categoria", 60), ("administracion", 20)]
    return write_gpkg(os.path.join(out_dir, "protected_areas.gpkg"),
                       {"areas_protegidas": (fields, _protected_area_rows(world))})


@file_layer("gaps", "vector",
            "National restoration gaps (layers brecha_minam, brecha_serfor), overlapping in part: MINAM's "
            "ecosystem recovery gap (lost cover, declining productivity) and SERFOR's restoration gap "
            "(forest and protection lands with forest loss or in agrarian use).",
            manifest={"layers": ["brecha_minam", "brecha_serfor"]})
def _gaps(world, out_dir):
    land = landscape_of(world)
    fields = [("id", ogr.OFTInteger, 0), ("fuente", ogr.OFTString, 20)]
    layers = {}
    for which, source in (("minam", "MINAM"), ("serfor", "SERFOR")):
        polygons = land.gap_polygons(which)
        layers["brecha_" + which] = (fields, [((i + 1, source), g) for i, g in enumerate(polygons)])
    return write_gpkg(os.path.join(out_dir, "gaps.gpkg"), layers)


# nombre, institucion, practica, estado (1 in preparation, 2 in progress, 3 post-completion), inicio,
# where (minam: only MINAM's gap, serfor: only SERFOR's, both, gap: either, edge: partly outside),
# zone (highland, lowland or None), radius in metres, parts, index of an initiative it overlaps.
