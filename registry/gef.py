"""GEF profile: the GEF-8 core indicator 3 sub-indicator of a restoration area, and its totals.

Core indicator 3 (area of land and ecosystems under restoration) has four sub-indicators, coded in
FERM's ``gefIndicators`` vocabulary: GEF3.1 degraded agricultural lands, GEF3.2 forest and forest
land, GEF3.3 natural grass and shrublands, GEF3.4 wetlands (including estuaries and mangroves).
The sub-indicator an area reports to is the one stored on the area (chosen in the form) or, when
none is stored, the one derived from the area's ecosystems (IUCN Global Ecosystem Typology biome
codes) and restoration types by the small table below, only where the rule is clear. It is
documented in docs/metodos.md (section 12) and in the export algorithm's help.
"""

from ..algorithms.errors import N_

AGRICULTURAL, FOREST, GRASS_SHRUB, WETLAND = "GEF3.1", "GEF3.2", "GEF3.3", "GEF3.4"
SUB_INDICATORS = (AGRICULTURAL, FOREST, GRASS_SHRUB, WETLAND)

# IUCN GET biome -> the sub-indicator its restoration counts toward. Biomes not listed (deserts T5,
# polar/alpine T6, marine M*, subterranean S*, shorelines MT*, artificial wetlands F3 with rice
# paddies and reservoirs) have no clear core indicator 3 class: the user chooses in the form.
BIOME_SUB_INDICATOR = {
    "T1": FOREST,  # tropical-subtropical forests
    "T2": FOREST,  # temperate-boreal forests and woodlands
    "T3": GRASS_SHRUB,  # shrublands and shrubby woodlands
    "T4": GRASS_SHRUB,  # savannas and grasslands
    "TF1": WETLAND,  # palustrine wetlands (bofedales, peatlands)
    "MFT1": WETLAND,  # brackish tidal (mangroves)
    "FM1": WETLAND,  # semi-confined transitional waters (estuaries)
    "F1": WETLAND,  # rivers and streams
    "F2": WETLAND,  # lakes
    "T7": AGRICULTURAL,  # intensive land use (croplands, pastures)
}
ECOLOGICAL_RESTORATION, REHABILITATION = 1, 2

T_GEF_MISSING = N_(
    'Area "{site}" of an initiative on the GEF reporting line has no GEF core indicator, and none can be '
    "derived from its ecosystems ({ecosystems}). Choose the sub-indicator (3.1 to 3.4) in the area's form."
)


def biome(code):
    """The biome part of an IUCN GET code ("T1.2" -> "T1")."""
    return str(code).split(".", 1)[0].strip().upper()


def derive_sub_indicator(ecosystems, restoration_types):
    """The core indicator 3 sub-indicator derived from ecosystems and restoration types, or None.

    Rules (tested row by row): the natural ecosystems (every mapped biome but T7) decide when they
    all point to one sub-indicator; with intensive land use (T7) and one natural class, ecological
    restoration counts toward the natural class, rehabilitation alone (land kept in production)
    toward 3.1; T7 alone is 3.1; several natural classes, or no mapped biome, cannot be derived.
    """
    classes = {BIOME_SUB_INDICATOR.get(biome(code)) for code in ecosystems or []} - {None}
    natural = classes - {AGRICULTURAL}
    if len(natural) > 1:
        return None
    if not natural:
        return AGRICULTURAL if classes else None
    if AGRICULTURAL not in classes:
        return next(iter(natural))
    types = set(restoration_types or [])
    if types == {REHABILITATION}:
        return AGRICULTURAL
    if ECOLOGICAL_RESTORATION in types:
        return next(iter(natural))
    return None


def area_restoration_types(ini, area):
    """The area's restoration types, or its initiative's when the area has none."""
    return area.restoration_types or ini.restoration_types


def sub_indicator(ini, area):
    """The sub-indicator an area reports to: the stored one wins over the derived one."""
    if area.gef_indicator:
        return area.gef_indicator
    return derive_sub_indicator(area.ecosystems, area_restoration_types(ini, area))


def on_gef_line(ini):
    return (ini.reporting_line or "") == "GEF"


def missing_check(ini, area):
    """Parameters of the 'gef_indicator_missing' warning for an area, or None when not missing."""
    if not on_gef_line(ini) or sub_indicator(ini, area) is not None:
        return None
    return {"ecosystems": ", ".join(str(c) for c in area.ecosystems or []) or "-"}


def totals(rows):
    """Totals per sub-indicator of (sub-indicator code or None, hectares) rows.

    Returns [(code, areas, hectares)] in the order 3.1 .. 3.4, then any other stored GEF code, then
    None (no sub-indicator), each present only when it has areas; hectares rounded to 2 decimals.
    """
    sums = {}
    for code, hectares in rows:
        count, total = sums.get(code, (0, 0.0))
        sums[code] = (count + 1, total + (hectares or 0.0))
    order = [c for c in SUB_INDICATORS if c in sums]
    order += sorted(c for c in sums if c is not None and c not in SUB_INDICATORS)
    order += [None] if None in sums else []
    return [(code, sums[code][0], round(sums[code][1], 2)) for code in order]
