"""Restoration initiatives of the demo region (``initiatives.gpkg``): realistic Spanish names,
mostly inside the gaps, some multi-part, a few overlapping each other, one straddling a gap edge."""

import os

import numpy as np
from osgeo import ogr

from .catalog import file_layer
from .landscape import box_mean, landscape_of
from .noise import field_key, lattice_hash, uniform
from .vector_io import blob, extent_polygon, valid_multipolygon, write_gpkg

INITIATIVES = (
    ("Recuperación de pastizales altoandinos de Jircán", "Gobierno Regional de Huánuco",
     "clausura y manejo de pastos naturales", 2, 2019, "minam", "highland", 900, 1, None),
    ("Sistemas agroforestales con cacao en Pachitea", "Gobierno Regional de Huánuco",
     "sistemas agroforestales", 2, 2020, "serfor", "lowland", 600, 2, None),
    ("Regeneración natural asistida en Chinchao", "SERFOR", "regeneración natural asistida", 3, 2016,
     "both", None, 800, 1, None),
    ("Cercos vivos en la cuenca del Huallaga", "ONG Ñuqanchik Sacha", "cercos vivos", 1, 2024, "gap", None,
     400, 3, None),
    ("Reforestación con especies nativas en Puerto Inca", "Municipalidad Provincial de Puerto Inca",
     "plantación con especies nativas", 2, 2018, "serfor", "lowland", 700, 1, None),
    ("Enriquecimiento de purmas en Padre Abad", "Gobierno Regional de Ucayali",
     "enriquecimiento de bosques secundarios", 2, 2021, "both", None, 650, 1, 2),
    ("Restauración de aguajales del bajo Pachitea", "ONG Aguajales Vivos", "restauración de humedales",
     1, 2023, "minam", "lowland", 500, 1, None),
    ("Zanjas de infiltración y qochas en la puna de Pasco", "Gobierno Regional de Pasco",
     "zanjas de infiltración y qochas", 3, 2017, "minam", "highland", 700, 2, None),
    ("Sistemas silvopastoriles en Codo del Pozuzo", "AGRO RURAL (MIDAGRI)", "sistemas silvopastoriles", 2,
     2020, "both", None, 750, 1, None),
    ("Agroforestería cafetalera en la montaña de Panao", "Cooperativa Agraria Cafetalera Montaña Alta",
     "sistemas agroforestales", 2, 2019, "serfor", None, 500, 1, 4),
    ("Restauración de riberas del río Pachitea", "Autoridad Nacional del Agua", "restauración de riberas", 1,
     2024, "edge", None, 600, 1, None),
    ("Plantación de queñua en Yanahuanca", "Comunidad Campesina de Yanahuanca",
     "plantación de queñua (Polylepis)", 3, 2015, "minam", "highland", 450, 1, None),
    ("Regeneración natural en Tournavista", "SERFOR", "regeneración natural asistida", 2, 2022, "gap",
     "lowland", 900, 1, 8),
    ("Cercos vivos y linderos en Pillao", "Municipalidad Distrital de Chinchao", "cercos vivos", 2, 2021,
     "gap", None, 350, 2, None),
    ("Reforestación comunal en Tingo María", "ONG Bosques para el Futuro", "plantación con especies nativas",
     3, 2016, "serfor", None, 550, 1, None),
)


class _Placer:
    """Scores places for initiatives on a grid of at most 512 x 512 cells of the landscape: where
    each kind of gap ("minam" only, "serfor" only, "both", either "gap", or a gap "edge") is solid
    around a cell, apart from what is already placed (``placed``: (u, v, radius) of every part)."""

    def __init__(self, world):
        land = landscape_of(world)
        self.world = world
        self.m = m = land.placement[0]
        minam, serfor = (land.sample(mask) for mask in land.gaps)
        self.either = either = minam | serfor
        highland = land.sample(np.isin(land.ecosystem, (4, 5, 6, 7, 8)))
        self.kinds = {"minam": minam & ~serfor, "serfor": serfor & ~minam, "both": minam & serfor, "gap": either,
                      "edge": either}
        self.zones = {"highland": highland, "lowland": ~highland, None: np.ones_like(highland)}
        self.centre = (np.arange(m) + 0.5) / m
        self.u, self.v = self.centre[None, :], self.centre[:, None]
        self.shares = {}
        self.placed = []

    def share(self, name, radius):
        """Share of a mask within the blob's reach around every cell (a square window)."""
        r = max(1, round(1.2 * radius * self.m))
        if (name, r) not in self.shares:
            self.shares[name, r] = box_mean(self.either if name == "either" else self.kinds[name], r)
        return self.shares[name, r]

    def best(self, name, where, allowed, radius):
        """Relative centre of the best allowed cell: the gap solid around it (or, for "edge", half
        of it), then most of it of the right kind, ties broken by a hash."""
        union = self.share("either", radius)
        if where == "edge":
            score = 1.0 - np.abs(union - 0.5)
        else:
            score = 2.0 * np.minimum(union, 0.97) + np.minimum(self.share(where, radius), 0.6)
        rows, cols = np.nonzero(allowed)
        if rows.size == 0:
            rows, cols = np.nonzero(np.ones_like(allowed))
        tie = uniform(lattice_hash(field_key(self.world.seed, "place_" + name), rows, cols)) * 1e-3
        k = int(np.argmax(score[rows, cols] + tie))
        return float(union[rows[k], cols[k]]), float(self.centre[cols[k]]), float(self.centre[rows[k]])

    def first(self, name, where, radius, *masks):
        """``best`` in the first mask with a solid enough place (else the most solid found)."""
        found = None
        for allowed in masks:
            if allowed.any():
                got = self.best(name, where, allowed, radius)
                if found is None or got[0] > found[0] + 0.05:
                    found = got
                if where == "edge" or found[0] >= 0.9:
                    break
        return found[1:] if found else self.best(name, where, masks[-1], radius)[1:]

    def apart(self, radius, factor):
        """Cells whose disc of ``radius`` keeps ``factor`` times the radii clear of every placed part."""
        u, v = self.u, self.v
        mask = np.ones((self.m, self.m), bool)
        for pu, pv, pr in self.placed:
            mask &= (u - pu) ** 2 + (v - pv) ** 2 >= (factor * (radius + pr)) ** 2
        return mask

    def centre_of(self, name, where, zone, radius):
        """The centre of an initiative's main part, apart from the others, in its kind of gap and zone."""
        apart = self.apart(radius, 1.5)
        kind = self.kinds[where]
        return self.first(name, where, radius, apart & kind & self.zones[zone], apart & kind, apart & self.either,
                          apart)

    def next_to(self, other, radius):
        """Next to the initiative it overlaps, clear of the others if possible, on the side that
        keeps it most inside the gaps."""
        ou, ov, orad = other
        m = self.m
        union = self.share("either", radius)
        options = []
        for k in range(8):
            cu = ou + 0.8 * (radius + orad) * np.cos(2.0 * np.pi * k / 8)
            cv = ov + 0.8 * (radius + orad) * np.sin(2.0 * np.pi * k / 8)
            cell = union[int(np.clip(cv * m, 0, m - 1)), int(np.clip(cu * m, 0, m - 1))]
            clear = all((cu - pu) ** 2 + (cv - pv) ** 2 >= (1.3 * (radius + pr)) ** 2
                        for pu, pv, pr in self.placed if (pu, pv, pr) != (ou, ov, orad))
            options.append((min(cell, 0.9), clear, cell, -k, cu, cv))
        return max(options)[4:]

    def part(self, name, where, cu, cv, radius):
        """Centre of another part of a multi-part initiative, a few radii from its main part."""
        small = 0.7 * radius
        d2 = (self.u - cu) ** 2 + (self.v - cv) ** 2
        ring = (d2 >= (2.8 * radius) ** 2) & (d2 <= (7.0 * radius) ** 2)
        ring &= self.apart(small, 1.5)
        return self.first(name, where, small, ring & self.kinds[where], ring & self.either, ring)


def _initiative_rows(world):
    """Initiatives placed where their gap is solid around them (scored on a grid of at most
    512 x 512 cells, ties broken by a hash), apart from each other, except the pairs meant to
    overlap and the one meant to straddle a gap edge."""
    placer = _Placer(world)
    centres = []
    rows = []
    for i, (name, inst, practice, state, start, where, zone, radius_m, parts, overlaps) in enumerate(INITIATIVES):
        radius = float(np.clip(radius_m / world.extent_m, 2.5 / world.size, 0.018))
        if overlaps is not None:
            cu, cv = placer.next_to(centres[overlaps], radius)
        else:
            cu, cv = placer.centre_of(name, where, zone, radius)
        centres.append((cu, cv, radius))
        placer.placed.append((cu, cv, radius))
        geom = blob(world, name, cu, cv, radius)
        for part in range(1, parts):
            pu, pv = placer.part(f"{name} {part}", where, cu, cv, radius)
            geom = geom.Union(blob(world, f"{name} {part}", pu, pv, 0.7 * radius))
            placer.placed.append((pu, pv, 0.7 * radius))
        geom = valid_multipolygon(geom.Intersection(extent_polygon(world)))
        factor = 0.85 + 0.3 * float(uniform(lattice_hash(field_key(world.seed, "declared"), np.array([i])))[0])
        declared = round(geom.GetArea() / 10000.0 * factor, 1)
        rows.append(((name, inst, practice, state, start, declared), geom))
    return rows


@file_layer("initiatives", "vector",
            "Restoration initiatives (layer iniciativas), mostly inside the gaps, some multi-part, a few "
            "overlapping each other; estado 1 in preparation, 2 in progress, 3 post-completion.",
            manifest={"layers": ["iniciativas"]})
def _initiatives(world, out_dir):
    fields = [("nombre", ogr.OFTString, 120), ("institucion", ogr.OFTString, 120),
              ("practica", ogr.OFTString, 80), ("estado", ogr.OFTInteger, 0), ("inicio", ogr.OFTInteger, 0),
              ("area_declarada_ha", ogr.OFTReal, 0)]
    return write_gpkg(os.path.join(out_dir, "initiatives.gpkg"), {"iniciativas": (fields, _initiative_rows(world))})


