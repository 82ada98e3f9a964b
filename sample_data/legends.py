"""Constants of the demo region: extent, years, legends (UNCCD, national, LPD, CUM), reference
stocks and the per-class NDVI parameters, with the look-up tables built from them."""

import numpy as np

GENERATOR_VERSION = 2  # 2: annual NDVI series, protected areas, restoration gaps, initiatives
EPSG = 32718
ORIGIN = (380000.0, 8960000.0)  # upper-left corner, east of Huánuco city
BASELINE_YEAR = 2015
TARGET_YEAR = 2023
FIRST_LOSS_YEAR = 2001
TILE = 512
DEFAULT_BLOCK = 512
GDAL_CACHE_BYTES = 256 * 1024 * 1024

UNCCD_CLASSES = {
    1: ("Tree-covered", "#787f1b"),
    2: ("Grassland", "#ffac42"),
    3: ("Cropland", "#fffb6e"),
    4: ("Wetland", "#00db84"),
    5: ("Artificial", "#e60017"),
    6: ("Other land", "#fff3d7"),
    7: ("Water body", "#0146b5"),
}

# National (MINAM-like) legend: code -> (UNCCD class, Spanish label, colour). Aguajales are palm
# swamp forests on peat; they are mapped to Wetland, as the brief for KM-GBF Target 2 asks.
NATIONAL_CLASSES = {
    11: (1, "Bosque húmedo de montaña", "#1b5e20"),
    12: (1, "Bosque húmedo de llanura", "#2e7d32"),
    13: (4, "Bosque de palmeras (aguajal)", "#4e9a6a"),
    14: (1, "Bosque relicto altoandino (queñual)", "#6b8e23"),
    15: (1, "Bosque secundario (purma)", "#8bc34a"),
    21: (2, "Pajonal altoandino", "#e0c068"),
    22: (2, "Matorral arbustivo", "#c9a25a"),
    23: (2, "Pastizal (pastos cultivados)", "#f0dc82"),
    31: (3, "Agricultura", "#ffeb3b"),
    32: (3, "Mosaico agropecuario", "#fbc02d"),
    41: (4, "Bofedal", "#26a69a"),
    42: (4, "Humedal herbáceo (pantano)", "#4dd0e1"),
    51: (5, "Área urbana", "#d32f2f"),
    52: (5, "Infraestructura vial", "#8d1b1b"),
    53: (5, "Área minera", "#6d4c41"),
    61: (6, "Afloramiento rocoso", "#a1887f"),
    62: (6, "Glaciar", "#e3f2fd"),
    63: (6, "Playa y banco de arena", "#f5e6c8"),
    71: (7, "Río", "#1565c0"),
    72: (7, "Laguna o cocha", "#42a5f5"),
}

LPD_CLASSES = {
    1: ("Declining", "#a50026"),
    2: ("Moderate decline", "#f46d43"),
    3: ("Stressed", "#fee08b"),
    4: ("Stable", "#d9ef8b"),
    5: ("Increasing", "#1a9850"),
}

# Peru's Capacidad de Uso Mayor (CUM) groups.
CAPABILITY_CLASSES = {
    1: ("A - Cultivo en limpio", "#f6e27f"),
    2: ("C - Cultivo permanente", "#e6a93b"),
    3: ("P - Pastos", "#b6d77a"),
    4: ("F - Producción forestal", "#2e8b57"),
    5: ("X - Protección", "#9e9e9e"),
}

# Soil organic carbon reference stocks, t C/ha (0-30 cm), by national class; NaN = no soil.
SOC_REFERENCE = {
    11: 95, 12: 70, 13: 190, 14: 110, 15: 58, 21: 105, 22: 60, 23: 52, 31: 45, 32: 50,
    41: 260, 42: 150, 51: 25, 52: 20, 53: 8, 61: 10, 62: 0, 63: 12, 71: np.nan, 72: np.nan,
}

FOREST_NAT = (11, 12)
WATER = (71, 72)
SOC_NODATA = -9999.0
LOSS_NODATA = 65535

# Annual NDVI series (one band per year, Int16 = NDVI x NDVI_SCALE).
NDVI_FIRST_YEAR = FIRST_LOSS_YEAR
NDVI_YEARS = tuple(range(NDVI_FIRST_YEAR, TARGET_YEAR + 1))
NDVI_SCALE = 10000
NDVI_NODATA = -32768
NDVI_CLOUD_YEARS = (2003, 2008, 2012, 2019)  # annual composites with persistent-cloud gaps
NDVI_DROUGHT_YEARS = (2005, 2010, 2016)  # Amazon droughts (2005, 2010) and El Niño 2015-16
# National class -> (annual NDVI at sea level, decrease per km of elevation, interannual standard
# deviation, response to the regional rainfall anomaly). Values are typical of annual Landsat/MODIS
# composites: humid forest ~0.85, puna grassland ~0.4, bare rock ~0.1, snow and water below 0.
NDVI_BY_CLASS = {
    11: (0.82, 0.0, 0.015, 0.3), 12: (0.85, 0.0, 0.015, 0.3), 13: (0.80, 0.0, 0.02, 0.3),
    14: (0.66, 0.0, 0.025, 0.6), 15: (0.76, 0.0, 0.02, 0.4),
    21: (0.60, 0.045, 0.035, 1.0), 22: (0.66, 0.04, 0.035, 1.0), 23: (0.68, 0.05, 0.04, 0.9),
    31: (0.60, 0.03, 0.08, 0.8), 32: (0.66, 0.03, 0.06, 0.8),
    41: (0.58, 0.0, 0.03, 0.7), 42: (0.62, 0.0, 0.03, 0.5),
    51: (0.20, 0.0, 0.02, 0.2), 52: (0.16, 0.0, 0.02, 0.1), 53: (0.08, 0.0, 0.02, 0.1),
    61: (0.10, 0.0, 0.02, 0.2), 62: (-0.04, 0.0, 0.03, 0.0), 63: (0.12, 0.0, 0.04, 0.2),
    71: (-0.08, 0.0, 0.04, 0.0), 72: (-0.20, 0.0, 0.04, 0.0),
}

UNCCD_LUT = np.zeros(256, np.uint8)
SOC_LUT = np.full(256, np.nan, np.float32)
for _code, (_unccd, _label, _colour) in NATIONAL_CLASSES.items():
    UNCCD_LUT[_code] = _unccd
    SOC_LUT[_code] = SOC_REFERENCE[_code]
WATER_LUT = np.zeros(256, bool)
WATER_LUT[list(WATER)] = True
NDVI_LUT = np.zeros((4, 256), np.float32)  # mean, lapse per km, noise amplitude, rain response
for _code, _row in NDVI_BY_CLASS.items():
    NDVI_LUT[:, _code] = _row
NDVI_LUT[2] *= np.float32(12**0.5)  # uniform noise in [-0.5, 0.5) has standard deviation 1/sqrt(12)

